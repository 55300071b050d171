"""Shared test set-up: the calculators package on the path, the case files, the built site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CALCULATORS = ROOT / "calculators"
CASES = Path(__file__).parent / "cases"
sys.path.insert(0, str(CALCULATORS))


def load_cases(calc_id: str) -> list[dict]:
    """The worked and boundary cases of one calculator (tests/cases/ID.json)."""
    return json.loads((CASES / f"{calc_id}.json").read_text())["cases"]


def case_ids(cases: list[dict]) -> list[str]:
    return [case["id"] for case in cases]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` from the current tree, once per test run."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        check=True,
        env=env,
    )
    return out
