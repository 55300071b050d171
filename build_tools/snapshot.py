"""Python that starts ready: a memory snapshot of the interpreter with the calculators imported.

Starting Python in the browser costs about a second even from bytecode (the interpreter's own
start, then importing the package). At build time, `snapshot.mjs` starts the pinned Pyodide under
Node from the byte-compiled stdlib and package (bytecode.py), imports every module of the
package, runs the warm-up inputs and saves the wasm memory; the worker hands it to Pyodide, which
copies it into place instead of starting the interpreter. The snapshot is stored as its XOR with
the wasm's data segments (calc-snapshot.mjs), published by content hash, and compressed by the
post-build like any large file (brotli: about 2.5 MB for 31 MB of memory).

A restored snapshot has no package files and mounts an empty standard library: a module that
was not imported when the snapshot was made raises ModuleNotFoundError, and the worker then
starts Python the bytecode way and repeats the run (calc-python.mjs, withFallback). A snapshot
that is missing, corrupt or made by another Pyodide build fails its way and the next is tried.
It is cached under `~/.cache/trd-site/snapshot` by its inputs, and reproducible (snapshot.mjs).
"""

from __future__ import annotations

import json
from pathlib import Path

from build_tools import node_step

HERE = Path(__file__).resolve().parent
JAVASCRIPTS = HERE.parent / "docs" / "javascripts"
SCRIPTS = (
    HERE / "snapshot.mjs",
    HERE / "snapshot_prepare.py",
    JAVASCRIPTS / "calc-python.mjs",
    JAVASCRIPTS / "calc-snapshot.mjs",
)


def cache_dir() -> Path:
    return node_step.cache_dir("snapshot")


def make(root: Path, stdlib: bytes, package: bytes, runs: list[list[str]], cache: Path) -> bytes:
    """The stored snapshot for these byte-compiled zips and warm-up runs: cached or made now."""
    inputs = {
        "stdlib.zip": stdlib,
        "package.zip": package,
        "warmup.json": json.dumps(runs).encode(),
    }
    (snapshot,) = node_step.run_cached(root, SCRIPTS, inputs, ("snapshot.bin",), cache)
    return snapshot
