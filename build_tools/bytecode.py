"""The byte-compiled standard library: Python starts without compiling source.

`python_stdlib.zip` holds only `.py` files, so every start in the browser compiles about 190
modules (1-3 s), and the calculators' own 40 modules besides. At build time, `bytecode.mjs`
starts the pinned Pyodide under Node, imports the calculators, runs each once (`warmup`), and
writes two zips made by that same CPython: the stdlib, where every module that was imported is a
`.pyc` and every other file is kept as source (a module the warm-up missed still imports); and
the package as `.pyc` only. The worker passes the first to `loadPyodide` as `stdLibURL` and
unpacks the second; Pyodide's `python_stdlib.zip` and the source archive stay published as the
fallback. `.pyc` files fit only the CPython build that made them: the key includes Pyodide's files.

The zips are stored uncompressed (the server's brotli does better) and named by content hash.
Making them takes Pyodide 10-20 s, so they are cached by their inputs (Pyodide's files, the
package archive, the warm-up runs and the compiling scripts) under `~/.cache/trd-site/bytecode`.
The output is deterministic: fixed hash seed, sorted entries, fixed dates (tests check it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from build_tools import SiteError, compress

HERE = Path(__file__).resolve().parent
SCRIPTS = (HERE / "bytecode.mjs", HERE / "bytecode_compile.py")
PYODIDE_INPUTS = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")
TIMEOUT_S = 300


def cache_dir() -> Path:
    """Beside the compression cache (`~/.cache/trd-site/bytecode`, or under $TRD_BUILD_CACHE)."""
    return compress.default_cache_dir().parent / "bytecode"


def warmup(calculators: dict, cases_dir: Path) -> list[list[str]]:
    """One run per calculator with no answers, and with its first worked case when there is one."""
    runs = []
    for calc_id in sorted(calculators):
        runs.append([calc_id, "{}"])
        cases = cases_dir / f"{calc_id}.json"
        if cases.exists():
            first = json.loads(cases.read_text(encoding="utf-8"))["cases"][0]["inputs"]
            runs.append([calc_id, json.dumps(first)])
    return runs


def _key(node_pyodide: Path, archive: bytes, runs: list[list[str]]) -> str:
    digest = hashlib.sha256()
    for path in [*(node_pyodide / name for name in PYODIDE_INPUTS), *SCRIPTS]:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    digest.update(hashlib.sha256(archive).digest())
    digest.update(json.dumps(runs).encode())
    return digest.hexdigest()


OUTPUTS = ("stdlib.zip", "package.zip")


def compile_runtime(
    root: Path, archive: bytes, runs: list[list[str]], cache: Path
) -> tuple[bytes, bytes]:
    """(stdlib zip, package zip), byte-compiled for this package archive: cached or made now."""
    node_pyodide = root / "node_modules" / "pyodide"
    key = _key(node_pyodide, archive, runs)
    entries = [cache / f"{key}-{name}" for name in OUTPUTS]
    if all(entry.exists() for entry in entries):
        for entry in entries:
            os.utime(entry)
        return entries[0].read_bytes(), entries[1].read_bytes()
    node = shutil.which("node")
    if node is None:
        raise SiteError(["Node.js is needed to byte-compile the standard library"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "package.zip").write_bytes(archive)
        (folder / "warmup.json").write_text(json.dumps(runs), encoding="utf-8")
        (folder / "out").mkdir()
        command = [node, str(SCRIPTS[0]), "package.zip", "warmup.json", "out"]
        done = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            raise SiteError([f"byte-compiling the standard library failed:\n{done.stderr[-2000:]}"])
        made = [(folder / "out" / name).read_bytes() for name in OUTPUTS]
    cache.mkdir(parents=True, exist_ok=True)
    for entry, data in zip(entries, made, strict=True):
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(entry)  # atomic: builds side by side never read half a file
    compress.prune(cache)
    return made[0], made[1]
