"""Shared test set-up: the calculators package on the path, the case files, the built site."""

from __future__ import annotations

import json
import os
import shutil
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
    server.stop()


@pytest.fixture(scope="session")
def built_site(site_server: tuple[Path, str]) -> Path:
    """The site built with `mkdocs build --strict` from the current tree, once per test run."""
    return site_server[0]


def mkdocs_build(
    out: Path, site_url: str, project: Path = ROOT, *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Build `project` into `out` with `make build`'s command; the output is captured.

    The command is `mkdocs build --strict` with no `--quiet`, which would hide warnings from the
    strict check.

    All builds share the user's compression cache (build_tools/compress.py), so only the first
    pays for brotli on the 9.6 MB wasm.
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and done.returncode:
        pytest.fail(f"the build failed:\n{done.stderr}")
    return done


def build(out: Path, site_url: str) -> None:
    mkdocs_build(out, site_url)


# What a build reads from the project; node_modules is linked, not copied.
PROJECT_PARTS = (
    *("mkdocs.yml", "docs", "overrides", "includes"),
    *("calculators", "build_tools", "hooks", "tests/cases"),
)


def project_copy(dest: Path) -> Path:
    """A copy of the project that a test may change (docs, calculators, config) and build."""
    ignore = shutil.ignore_patterns("__pycache__")
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        else:
            shutil.copy(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest
