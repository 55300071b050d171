"""Checks of the finished site that hold whatever engine built it.

- No page keeps a `<!-- calc...` marker (the Markdown extension did not run on it).
- Every calculator a page names (form, result panel, table, sources) is a published calculator.
- Every page with a form also has that calculator's static table, and cites its sources: with the
  `calc:sources` list, or with a link to `references/#KEY` for every source of the calculator.
- Every script and stylesheet a page loads from this site exists; a page with a form loads a
  module from `javascripts/`; every module a module names exists; the runtime files exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape as html_unescape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from build_tools import hashing
from build_tools.calc_markers import LOOKS_LIKE_MARKER

if TYPE_CHECKING:
    from pathlib import Path

    from build_tools.runtime import Runtime

# The attributes by which the rendered markup names its calculator.
NAMING = {
    "form": "data-calc",
    "output": "data-calc-output",
    "table": "data-calc-table",
    "sources": "data-calc-sources",
}


# The start tags the checks read: links, scripts, stylesheets and anything naming a calculator.
# A regex, not html.parser: the pages hold about 600 tags each, and this runs on every build.
TAG = re.compile(r"<(a|form|script|link|[a-z][a-z0-9]*(?=[^>]*\bdata-calc))\b([^>]*)>")
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """(tag, attributes) of the start tags the checks need, in document order."""
    return [
        (
            match.group(1),
            {
                a.group(1): html_unescape(a.group(2) or a.group(3) or a.group(4) or "")
                for a in ATTRIBUTE.finditer(match.group(2))
            },
        )
        for match in TAG.finditer(html)
    ]


def _local_target(site: Path, page: Path, url: str, base_path: str) -> Path | None:
    """The file a page's URL points at, or None for another host or a data: URL."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        return site / parts.path.removeprefix(base_path.rstrip("/")).lstrip("/")
    return page.parent / parts.path


@dataclass(frozen=True)
class _Page:
    site: Path
    path: Path
    html: str
    tags: list[tuple[str, dict[str, str]]]

    @property
    def where(self) -> str:
        return self.path.relative_to(self.site).as_posix()

    def named(self, attribute: str, tag: str | None = None) -> set[str]:
        return {a[attribute] for t, a in self.tags if a.get(attribute) and tag in (None, t)}


def _calculator_problems(page: _Page, runtime: Runtime) -> list[str]:
    named = {part: page.named(attribute) for part, attribute in NAMING.items()}
    problems = [
        f"{page.where}: names calculator {calc_id!r}, which is not published"
        for calc_id in sorted(set().union(*named.values()) - runtime.calculators)
    ]
    cited = {
        urlsplit(attrs["href"]).fragment
        for tag, attrs in page.tags
        if tag == "a" and "references" in urlsplit(attrs.get("href", "")).path
    }
    for calc_id in sorted(page.named("data-calc", "form") & runtime.calculators):
        if calc_id not in named["table"]:
            problems.append(f"{page.where}: form {calc_id!r} without its table (calc:table)")
        uncited = runtime.source_keys[calc_id] - cited
        if calc_id not in named["sources"] and uncited:
            problems.append(
                f"{page.where}: form {calc_id!r} without its sources (calc:sources, "
                f"or links to references/#KEY for {', '.join(sorted(uncited))})"
            )
    return problems


def _load_problems(page: _Page, base_path: str) -> list[str]:
    problems, modules = [], 0
    for tag, attrs in page.tags:
        url = attrs.get("src") if tag == "script" else None
        if tag == "link" and attrs.get("rel") in ("stylesheet", "modulepreload"):
            url = attrs.get("href")
        target = _local_target(page.site, page.path, url, base_path) if url else None
        if target is not None and not target.is_file():
            problems.append(f"{page.where}: loads {url}, which is not in the site")
        elif target is not None and tag == "script" and attrs.get("type") == "module":
            modules += 1
    if page.named("data-calc", "form") and not modules:
        problems.append(f"{page.where}: has a calculator form but loads no page module")
    return problems


def page_problems(site: Path, path: Path, runtime: Runtime, base_path: str = "/") -> list[str]:
    html = path.read_text(encoding="utf-8")
    page = _Page(site, path, html, _tags(html))
    problems = []
    if marker := LOOKS_LIKE_MARKER.search(html):
        snippet = html[marker.start() : marker.start() + 40]
        problems.append(f"{page.where}: marker {snippet!r} was not rendered (markdown extension?)")
    return problems + _calculator_problems(page, runtime) + _load_problems(page, base_path)


def module_problems(site: Path, folder: str = "javascripts") -> list[str]:
    """Every `"./NAME.mjs"` a module names must exist beside it."""
    return [
        f"{folder}/{module.name}: names ./{m.group(2)}, which is not in the site"
        for module in sorted((site / folder).glob("*.mjs"))
        for m in hashing.SIBLING.finditer(module.read_text(encoding="utf-8"))
        if not (module.parent / m.group(2)).is_file()
    ]


def runtime_problems(site: Path, runtime: Runtime, config_module: str) -> list[str]:
    problems = [
        f"runtime file {path} is missing or empty"
        for path in runtime.files()
        if not (site / path).is_file() or not (site / path).stat().st_size
    ]
    config = site / config_module
    if not config.is_file():
        return [*problems, f"runtime config {config_module} is missing"]
    text = config.read_text(encoding="utf-8")
    return problems + [
        f"{config_module} does not name {path}"
        for path in (runtime.archive, runtime.pyodide_dir)
        if f'"../{path}' not in text
    ]


def check(site: Path, runtime: Runtime, config_module: str, base_path: str = "/") -> list[str]:
    """Every problem of the built site, one line each; empty when it is complete."""
    problems = runtime_problems(site, runtime, config_module) + module_problems(site)
    for page in sorted(site.rglob("*.html")):
        problems += page_problems(site, page, runtime, base_path)
    return problems
