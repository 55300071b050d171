"""Runs INSIDE Pyodide (build_tools/bytecode.mjs): `.pyc` archives made by the browser's CPython.

Imports `trdcalc` from /tmp/pkg, runs the warm-up inputs (`warmup_json`, set by the caller), then
writes /tmp/stdlib.zip: every stdlib module now in `sys.modules` as a sourceless `.pyc`
(timestamp 0), every other stdlib file unchanged (so a module the warm-up did not reach still
imports, from source); and /tmp/package.zip: every `trdcalc` module as a sourceless `.pyc`. Two
archives, so a change to the package leaves the large stdlib one (and its compressed copies in
the build cache) unchanged. Stored, not deflated: the server's brotli compresses them better.
Entries sorted, fixed dates: the same inputs give the same bytes.
"""

from __future__ import annotations

import importlib._bootstrap_external as bootstrap
import json
import sys
import zipfile
from pathlib import Path

STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
WORK = Path("/tmp")  # noqa: S108 - Pyodide's own in-memory file system, not the host's
PACKAGE_DIR = WORK / "pkg"
DATE = (1980, 1, 1, 0, 0, 0)


def compiled(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    return bootstrap._code_to_timestamp_pyc(code, 0, len(source))  # noqa: SLF001 - the stdlib's own writer


def used_stdlib_files() -> set[str]:
    prefix = STDLIB + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    return {name.removeprefix(prefix) for name in files if name.startswith(prefix)}


def main(warmup: list[list[str]]) -> None:
    sys.path.insert(0, str(PACKAGE_DIR))
    import trdcalc

    for calc, inputs in warmup:
        trdcalc.run_json(calc, inputs)
    used = used_stdlib_files()
    entries: dict[str, bytes] = {}
    with zipfile.ZipFile(STDLIB) as stdlib:
        for name in stdlib.namelist():
            data = stdlib.read(name)
            if name in used:
                entries[name.removesuffix(".py") + ".pyc"] = compiled(data, f"{STDLIB}/{name}")
            else:
                entries[name] = data
    write_zip(WORK / "stdlib.zip", entries)
    package: dict[str, bytes] = {}
    for path in sorted((PACKAGE_DIR / "trdcalc").rglob("*.py")):
        name = str(path.relative_to(PACKAGE_DIR))
        package[name.removesuffix(".py") + ".pyc"] = compiled(path.read_bytes(), name)
    write_zip(WORK / "package.zip", package)


def write_zip(path: Path, entries: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name in sorted(entries):
            out.writestr(zipfile.ZipInfo(name, DATE), entries[name])


main(json.loads(warmup_json))  # noqa: F821 - set by the caller
