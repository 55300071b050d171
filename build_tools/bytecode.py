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

import json
from pathlib import Path

from build_tools import node_step

HERE = Path(__file__).resolve().parent
SCRIPTS = (HERE / "bytecode.mjs", HERE / "bytecode_compile.py")
OUTPUTS = ("stdlib.zip", "package.zip")


def cache_dir() -> Path:
    """Beside the compression cache (`~/.cache/trd-site/bytecode`, or under $TRD_BUILD_CACHE)."""
    return node_step.cache_dir("bytecode")


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


def compile_runtime(
    root: Path, archive: bytes, runs: list[list[str]], cache: Path
) -> tuple[bytes, bytes]:
    """(stdlib zip, package zip), byte-compiled for this package archive: cached or made now."""
    inputs = {"package.zip": archive, "warmup.json": json.dumps(runs).encode()}
    stdlib, package = node_step.run_cached(root, SCRIPTS, inputs, OUTPUTS, cache)
    return stdlib, package
