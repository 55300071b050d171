"""The calculators package as the build sees it: imported from its source folder, and zipped.

Both the Markdown extension (which renders forms from the schemas) and the post-build step (which
publishes the archive and checks which calculators exist) read the package through here, so they
always agree on what is published.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

PACKAGE = "trdcalc"
ALIAS = "_trdcalc_build"  # the name the build imports it under
ROOT = Path(__file__).resolve().parent.parent
CALCULATORS_DIR = ROOT / "calculators"


@dataclass(frozen=True)
class Package:
    """The imported package, its reproducible zip and the zip's short content hash."""

    module: ModuleType
    archive: bytes
    digest: str

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self.module.CALCULATORS)


# One entry: the package as last loaded, keyed by the state of its source files. This is a cache,
# not build state: its value is a pure function of the files, so `mkdocs serve` rebuilds, repeated
# Markdown instances and the post-build step all see the sources as they are now.
_loaded: dict[tuple, Package] = {}


def _fingerprint(source_dir: Path) -> tuple:
    files = sorted((source_dir / PACKAGE).rglob("*.py"))
    return (str(source_dir), *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


def archive_bytes(source_dir: Path) -> bytes:
    """A reproducible zip of the package's Python files (fixed timestamps, sorted names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((source_dir / PACKAGE).rglob("*.py")):
            info = zipfile.ZipInfo(str(path.relative_to(source_dir)), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _import_fresh(source_dir: Path) -> ModuleType:
    """Import the package from `source_dir` under a private name, dropping any earlier copy.

    The private name keeps the build from replacing a `trdcalc` that its caller imported (the
    tests do); the package imports its own modules relatively, so the name does not matter.
    """
    init = source_dir / PACKAGE / "__init__.py"
    if not init.is_file():
        msg = f"no {PACKAGE} package in {source_dir}"
        raise FileNotFoundError(msg)
    for name in [m for m in sys.modules if m == ALIAS or m.startswith(ALIAS + ".")]:
        del sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        ALIAS, init, submodule_search_locations=[str(init.parent)]
    )
    if spec is None or spec.loader is None:
        msg = f"cannot import {init}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[ALIAS] = module
    spec.loader.exec_module(module)
    return module


def load(source_dir: Path = CALCULATORS_DIR) -> Package:
    """The package from `source_dir` (the folder that holds `trdcalc/`), reloaded if it changed."""
    source_dir = Path(source_dir).resolve()
    key = _fingerprint(source_dir)
    if key not in _loaded:
        archive = archive_bytes(source_dir)
        module = _import_fresh(source_dir)
        _loaded.clear()
        _loaded[key] = Package(module, archive, hashlib.sha256(archive).hexdigest()[:12])
    return _loaded[key]
