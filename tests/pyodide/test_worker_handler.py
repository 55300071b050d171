"""The worker's message handler in Node, on real Pyodide and the built archive with test faults."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from tests.conftest import ROOT
from tests.fault_archive import with_faults

HERE = ROOT / "tests" / "pyodide"


def test_worker_handler_in_node(built_site, tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is required for the worker handler tests"
    (archive,) = built_site.glob("assets/trdcalc-*.zip")  # the source zip
    faulty = tmp_path / "faulty.zip"
    faulty.write_bytes(with_faults(archive.read_bytes()))
    done = subprocess.run(
        [node, "--test", str(HERE / "handler.test.mjs")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "FAULTY_ARCHIVE": str(faulty)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    counts = dict(
        re.findall(r"^# (pass|fail|skipped|todo|cancelled) (\d+)$", done.stdout, re.MULTILINE)
    )
    assert int(counts["pass"]) >= 10, counts
    assert counts["fail"] == counts["skipped"] == counts["todo"] == counts["cancelled"] == "0"
