"""Publish what the browser needs to run the calculators: Pyodide, the package and their URLs.

- The four Pyodide files a stdlib-only package needs, copied from node_modules (never
  committed) into a folder named by the Pyodide version and a hash of the files, so a changed
  file is a new URL.
- A reproducible zip of `calculators/trdcalc`, named by its content hash.
- A memory snapshot of Python with the package imported (build_tools/snapshot.py), named by
  content hash: the worker starts from it. Then, if that fails or a run needs a module the
  snapshot lacks, from the byte-compiled standard library and package (build_tools/bytecode.py),
  and last from `python_stdlib.zip` and the source zip.
- `javascripts/calc-config.mjs`, the one place the page script and the worker learn those URLs
  (relative to the module itself). The module-hashing step then gives it a hashed name too.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from build_tools import SiteError, bytecode, package, snapshot

if TYPE_CHECKING:
    from pathlib import Path

PYODIDE_VERSION = "314.0.7"  # must match package.json; checked below
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
MODULES_DIR = "javascripts"
CONFIG_MODULE = "calc-config.mjs"
# Start-up fails only after this long without a sign of progress (a byte arriving, a step done),
# so a slow line never times out while it still delivers; a run fails after RUN_TIMEOUT_MS.
STALL_TIMEOUT_MS = 30_000
RUN_TIMEOUT_MS = 10_000
# The start-up files whose progress the page shows; sizes as decoded (before any compression).
# The worker fetches the wasm itself (by URL, so a reload reuses the compiled code) and reports it;
# the page downloads the snapshot. The bytecode way's files are fetched only if that way is needed.
WORKER_DOWNLOADED = ("pyodide.asm.wasm",)
# Worked cases the build runs once to find the stdlib modules the calculators import.
CASES_DIR = "tests/cases"


@dataclass(frozen=True)
class Runtime:
    """Where the runtime was published, as site-relative paths, and what it holds."""

    pyodide_dir: str
    archive: str
    stdlib: str
    compiled_archive: str
    snapshot: str
    config_module: str
    calculators: frozenset[str]
    # {calculator id: keys of its sources}, for the check that a page cites them
    source_keys: dict[str, frozenset[str]]

    def files(self) -> list[str]:
        return [f"{self.pyodide_dir}/{name}" for name in PYODIDE_FILES] + [
            self.archive,
            self.stdlib,
            self.compiled_archive,
            self.snapshot,
        ]


def pyodide_lock_info(pyodide_dir: Path) -> dict[str, Any]:
    """The `info` block of Pyodide's lock file, after checking the installed version."""
    manifest = pyodide_dir / "package.json"
    if not manifest.exists():
        raise SiteError([f"{pyodide_dir} is missing: run `make setup-site` (npm ci) first"])
    version = json.loads(manifest.read_text())["version"]
    if version != PYODIDE_VERSION:
        msg = f"node_modules has pyodide {version}, the build expects {PYODIDE_VERSION}: npm ci"
        raise SiteError([msg])
    return json.loads((pyodide_dir / "pyodide-lock.json").read_text())["info"]


def _files_digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def config_module(runtime: dict[str, Any]) -> str:
    return (
        "// Generated at build time by build_tools/runtime.py: URLs relative to this file.\n"
        f"export const config = Object.freeze({json.dumps(runtime, indent=2)});\n"
    )


def publish_started_python(
    site: Path, root: Path, pkg: package.Package, cache: Path | None
) -> tuple[str, str, str]:
    """Publish the byte-compiled stdlib and package and the snapshot made from them.

    Returns their site-relative paths, in that order.
    """
    runs = bytecode.warmup(pkg.module.CALCULATORS, root / CASES_DIR)
    stdlib, compiled = bytecode.compile_runtime(
        root, pkg.archive, runs, cache or bytecode.cache_dir()
    )
    memory = snapshot.make(root, stdlib, compiled, runs, cache or snapshot.cache_dir())
    paths = []
    # The compiled package keeps the source archive's name pattern, in a folder of its own.
    made = {"assets/stdlib": stdlib, "assets/bytecode/trdcalc": compiled, "assets/snapshot": memory}
    for prefix, data in made.items():
        suffix = ".bin" if prefix == "assets/snapshot" else ".zip"
        path = f"{prefix}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
        paths.append(path)
    return paths[0], paths[1], paths[2]


def publish(site: Path, root: Path, cache: Path | None = None) -> Runtime:
    """Copy Pyodide and the package archive into `site` and write the runtime config module."""
    node_pyodide = root / "node_modules" / "pyodide"
    lock_info = pyodide_lock_info(node_pyodide)
    sources = [node_pyodide / name for name in PYODIDE_FILES]
    pyodide_dir = f"assets/pyodide-{PYODIDE_VERSION}-{_files_digest(sources)}"
    (site / pyodide_dir).mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copyfile(source, site / pyodide_dir / source.name)

    pkg = package.load(root / "calculators")
    archive = f"assets/{package.PACKAGE}-{pkg.digest}.zip"
    (site / archive).write_bytes(pkg.archive)

    stdlib, compiled_archive, memory = publish_started_python(site, root, pkg, cache)

    config = f"{MODULES_DIR}/{CONFIG_MODULE}"
    runtime = {
        "pyodideVersion": PYODIDE_VERSION,
        "pyodideDir": f"../{pyodide_dir}/",
        "archive": f"../{archive}",
        "stdlib": f"../{stdlib}",
        "compiledArchive": f"../{compiled_archive}",
        "snapshot": f"../{memory}",
        "packageDigest": pkg.digest,
        "lockInfo": lock_info,
        "stallTimeoutMs": STALL_TIMEOUT_MS,
        "runTimeoutMs": RUN_TIMEOUT_MS,
        "downloads": [
            {
                "url": f"../{pyodide_dir}/{name}",
                "bytes": (node_pyodide / name).stat().st_size,
                "worker": True,
            }
            for name in WORKER_DOWNLOADED
        ]
        + [
            {"url": f"../{memory}", "bytes": (site / memory).stat().st_size},
        ],
    }
    (site / MODULES_DIR).mkdir(exist_ok=True)
    (site / config).write_text(config_module(runtime), encoding="utf-8")
    keys = {
        calc_id: frozenset(source.key for source in calc.sources)
        for calc_id, calc in pkg.module.CALCULATORS.items()
    }
    return Runtime(pyodide_dir, archive, stdlib, compiled_archive, memory, config, pkg.ids, keys)
