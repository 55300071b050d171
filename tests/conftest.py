"""Shared test set-up: the calculators package on the path, the case files, the built site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tests.local_site import server_for, start

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
CALCULATORS = ROOT / "calculators"
CASES = Path(__file__).parent / "cases"
sys.path.insert(0, str(CALCULATORS))

# Examples are checked for what they compute, not for how fast: a shared 2-core machine can take
# longer than Hypothesis's default 200 ms deadline for one example, which would fail at random.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


def load_cases(calc_id: str) -> list[dict]:
    """The worked and boundary cases of one calculator (tests/cases/ID.json)."""
    return json.loads((CASES / f"{calc_id}.json").read_text())["cases"]


def case_ids(cases: list[dict]) -> list[str]:
    return [case["id"] for case in cases]


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site built from the current tree and served on a free local port.

    The port is taken first so the build's `site_url` matches it: Material's instant navigation
    only follows links that its sitemap (written from `site_url`) knows.
    """
    out = tmp_path_factory.mktemp("site")
    server, url = server_for(out)
    build(out, url)
    start(server)
    yield out, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(site_server: tuple[Path, str]) -> Path:
    """The site built with `mkdocs build --strict` from the current tree, once per test run."""
    return site_server[0]


def build(out: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        check=True,
        env=env,
    )
