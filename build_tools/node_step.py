"""A build step that runs a script in Node with the pinned Pyodide, cached by what goes in.

Byte-compiling the standard library (bytecode.py) and making the memory snapshot (snapshot.py)
each start Pyodide under Node for seconds to a minute. Their outputs depend only on Pyodide's
files, the scripts and the input files, so they are kept in `~/.cache/trd-site/<step>` (or under
$TRD_BUILD_CACHE) by a hash of all of those, and a build pays each once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from build_tools import SiteError, compress

PYODIDE_INPUTS = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")
TIMEOUT_S = 300


def cache_dir(step: str) -> Path:
    """Beside the compression cache (`~/.cache/trd-site/<step>`, or under $TRD_BUILD_CACHE)."""
    return compress.default_cache_dir().parent / step


def _key(root: Path, scripts: tuple[Path, ...], inputs: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    node_pyodide = root / "node_modules" / "pyodide"
    for path in [*(node_pyodide / name for name in PYODIDE_INPUTS), *scripts]:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for name in sorted(inputs):
        digest.update(name.encode() + b"\0" + hashlib.sha256(inputs[name]).digest())
    return digest.hexdigest()


def run_cached(
    root: Path,
    scripts: tuple[Path, ...],
    inputs: dict[str, bytes],
    outputs: tuple[str, ...],
    cache: Path,
) -> list[bytes]:
    """Run `node scripts[0] *inputs out` (inputs as files, in order) unless the cache has it.

    `scripts` are every file the step runs (all are part of the key); the script writes each
    name of `outputs` into the folder `out`. Returns their bytes, in order.
    """
    key = _key(root, scripts, inputs)
    entries = [cache / f"{key}-{name}" for name in outputs]
    if all(entry.exists() for entry in entries):
        for entry in entries:
            os.utime(entry)
        return [entry.read_bytes() for entry in entries]
    node = shutil.which("node")
    if node is None:
        raise SiteError([f"Node.js is needed to run {scripts[0].name}"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in inputs.items():
            (folder / name).write_bytes(data)
        (folder / "out").mkdir()
        command = [node, str(scripts[0]), *inputs, "out"]
        done = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            raise SiteError([f"{scripts[0].name} failed:\n{done.stderr[-2000:]}"])
        made = [(folder / "out" / name).read_bytes() for name in outputs]
    cache.mkdir(parents=True, exist_ok=True)
    for entry, data in zip(entries, made, strict=True):
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(entry)  # atomic: builds side by side never read half a file
    compress.prune(cache)
    return made
