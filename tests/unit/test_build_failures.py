"""Each of these mistakes stops `make build`'s command with a message naming the page.

Every case is built from its own copy of the project (the real docs are never changed); the copies
are built side by side once per test run, so the whole module costs a few builds' time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from tests.conftest import mkdocs_build, project_copy

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class Case:
    page: str  # a docs page to append `text` to, or "mkdocs.yml" to edit the config
    text: str
    expected: tuple[str, ...]  # all in the build's messages


CASES = {
    "broken internal link": Case(
        "about.md", "\n[a page](no-such-page.md)\n", ("about.md", "no-such-page.md")
    ),
    "missing anchor": Case(
        "about.md", "\n[a term](glossary.md#no-such-term)\n", ("about.md", "#no-such-term")
    ),
    "unknown calculator marker": Case(
        "about.md", "\n<!-- calc:form no_such_calc -->\n", ("about.md", "no_such_calc")
    ),
    "misspelled marker": Case(
        "about.md", "\n<!-- calc:from msm -->\n", ("about.md", "<!-- calc:from msm -->")
    ),
    "marker without an id": Case("about.md", "\n<!-- calc:table -->\n", ("about.md", "calc:table")),
    "form without its table and sources": Case(
        "about.md",
        "\n<!-- calc:form msm -->\n",
        ("about/index.html", "form 'msm' without its table", "form 'msm' without its sources"),
    ),
    "page naming an unpublished calculator": Case(
        "about.md",
        '\n<div data-calc-table="retired_calc"></div>\n',
        ("about/index.html", "'retired_calc', which is not published"),
    ),
    "markers left for an engine without the extension": Case(
        "mkdocs.yml", "  - build_tools.calc_markers\n", ("staging/maudsley/index.html", "calc:form")
    ),
}


def _build_case(root: Path, name: str, case: Case) -> str:
    project = project_copy(root / re.sub(r"\W+", "-", name))
    target = project / (case.page if case.page == "mkdocs.yml" else f"docs/{case.page}")
    text = target.read_text()
    if case.page == "mkdocs.yml":
        assert case.text in text
        target.write_text(text.replace(case.text, ""))
    else:
        target.write_text(text + case.text)
    done = mkdocs_build(project / "out", "http://127.0.0.1:8000/", project, check=False)
    return f"exit {done.returncode}\n{done.stderr}"


@pytest.fixture(scope="module")
def failed_builds(tmp_path_factory) -> dict[str, str]:
    """{case: the build's exit status and messages}, all cases built two at a time."""
    root = tmp_path_factory.mktemp("failing")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_build_case, root, name, c) for name, c in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", CASES)
def test_mistake_fails_the_build_naming_the_page(failed_builds, name):
    output = failed_builds[name]
    assert not output.startswith("exit 0"), output
    for expected in CASES[name].expected:
        assert expected in output, f"{expected!r} not in:\n{output}"


def test_the_unchanged_copy_builds(tmp_path):
    """The cases fail because of their one change, not because the copy is incomplete."""
    project = project_copy(tmp_path / "project")
    done = mkdocs_build(tmp_path / "out", "http://127.0.0.1:8000/", project, check=False)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr


def test_an_engine_without_hooks_then_the_post_build_command_gives_the_same_site(
    tmp_path, built_site
):
    """What Zensical would do: render with the extension, ignore `hooks:`, then the command."""
    project = project_copy(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("hooks:\n  - hooks/trdcalc_hook.py\n", ""))
    out = tmp_path / "out"
    done = mkdocs_build(out, "http://127.0.0.1:8000/", project, check=False)
    assert done.returncode == 0, done.stderr
    assert not list(out.glob("assets/trdcalc-*.zip"))  # the engine alone publishes no runtime
    post = subprocess.run(
        [sys.executable, "-m", "build_tools.postbuild", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert post.returncode == 0, post.stderr
    assert post.stdout.startswith("post-build:")
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    expected = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert files == expected
    again = subprocess.run(
        [sys.executable, "-m", "build_tools.postbuild", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1  # a second run would hash hashed names: refused
    assert "already post-processed" in again.stderr
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == files
