"""The worker's message handler and start-up fallback in Node (node --test files beside this)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from tests.conftest import ROOT
from tests.fault_archive import with_faults

HERE = ROOT / "tests" / "pyodide"


def node_tests(name: str, env: dict[str, str] | None = None) -> dict[str, int]:
    """Run one node:test file; assert every test ran and passed; its counts by outcome."""
    node = shutil.which("node")
    assert node, "Node.js is required for the worker tests"
    done = subprocess.run(
        [node, "--test", str(HERE / name)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    pattern = r"^# (pass|fail|skipped|todo|cancelled) (\d+)$"
    counts = {key: int(n) for key, n in re.findall(pattern, done.stdout, re.MULTILINE)}
    assert counts["fail"] == counts["skipped"] == counts["todo"] == counts["cancelled"] == 0
    return counts


def test_worker_handler_in_node(built_site, tmp_path):
    """On real Pyodide and the built archive with test faults."""
    (archive,) = built_site.glob("assets/trdcalc-*.zip")  # the source zip
    faulty = tmp_path / "faulty.zip"
    faulty.write_bytes(with_faults(archive.read_bytes()))
    counts = node_tests("handler.test.mjs", {"FAULTY_ARCHIVE": str(faulty)})
    assert counts["pass"] >= 10, counts


def test_a_run_lacking_a_module_moves_to_the_next_way():
    """The fallback wrapper, run with stand-in calculators (the real snapshot: test_parity.py)."""
    assert node_tests("python_ways.test.mjs")["pass"] == 4


def test_the_stored_snapshot_format():
    """Zero pages and the wasm's data segments out and back; other files refused."""
    assert node_tests("snapshot_format.test.mjs")["pass"] == 4


def test_a_snapshot_start_warms_python_up_in_the_background():
    """The reader's first valid run repeated, one per task; other starts not (stand-ins)."""
    assert node_tests("warm_up.test.mjs")["pass"] == 2
