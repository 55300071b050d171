"""Content-hashed names for the page modules, so no cached file can pair old code with new.

Every `javascripts/NAME.mjs` of the built site becomes `javascripts/NAME.<hash>.mjs`. A module's
hash covers its text after its references to other modules were rewritten to their hashed names,
so hashes are computed in dependency order: a change in a leaf (say the generated
`calc-config.mjs`, which names the package archive) changes the name of every module that imports
it, up to the page script the HTML loads. Modules that import each other in a cycle share one hash
computed over all of them.

The rule for module authors: a module names another module of `javascripts/` only as the string
literal `"./NAME.mjs"` (static `import`/`export ... from`, `import("./NAME.mjs")`, or
`new URL("./NAME.mjs", import.meta.url)`), never built from pieces. A literal that names a sibling
module any other way (`"NAME.mjs"`, `"../javascripts/NAME.mjs"`) stops the build.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from build_tools import SiteError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HASH_LENGTH = 12
# A string literal (double, single or back quotes) that names a module of the same folder.
SIBLING = re.compile(r"""(["'`])\./([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.mjs)\1""")
ANY_MJS_LITERAL = re.compile(r"""(["'`])([^"'`\s]*\.mjs)\1""")
# A URL in a page's src or href attribute that ends in .mjs.
HTML_REFERENCE = re.compile(r"""\b(?P<attr>src|href)=(?P<q>["'])(?P<url>[^"'<>]*\.mjs)(?P=q)""")


def naming_problems(texts: dict[str, str]) -> list[str]:
    """Literals that name a sibling module in a form the rewrite would miss."""
    problems = []
    for name, text in sorted(texts.items()):
        for match in ANY_MJS_LITERAL.finditer(text):
            literal = match.group(2)
            target = literal.rsplit("/", 1)[-1]
            if target in texts and literal != f"./{target}":
                problems.append(
                    f'javascripts/{name} names {target} as {literal!r}: write "./{target}" '
                    "so the content-hash rewrite finds it"
                )
    return problems


def references(text: str, known: set[str]) -> set[str]:
    return {m.group(2) for m in SIBLING.finditer(text) if m.group(2) in known}


def rewrite(text: str, mapping: dict[str, str]) -> str:
    """`text` with each `"./NAME.mjs"` literal in `mapping` replaced by its hashed name."""

    def swap(match: re.Match[str]) -> str:
        quote, name = match.groups()
        return f"{quote}./{mapping.get(name, name)}{quote}"

    return SIBLING.sub(swap, text)


def _components(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    """Strongly connected components (Tarjan), each after every component it depends on."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    yield from found


def hashed_names(texts: dict[str, str]) -> dict[str, str]:
    """Map each module name to `stem.<hash>.mjs`, hashing dependencies first."""
    known = set(texts)
    graph = {name: references(text, known) for name, text in texts.items()}
    mapping: dict[str, str] = {}
    for component in _components(graph):
        digest = hashlib.sha256()
        for name in component:  # members of a cycle still name each other by their plain names
            digest.update(f"{name}\0{rewrite(texts[name], mapping)}\0".encode())
        short = digest.hexdigest()[:HASH_LENGTH]
        for name in component:
            mapping[name] = f"{name.removesuffix('.mjs')}.{short}.mjs"
    return mapping


def hash_modules(site: Path, folder: str = "javascripts", base_path: str = "/") -> dict[str, str]:
    """Give every module of `site/folder` its hashed name; returns {plain name: hashed name}.

    The references between modules and from every page are rewritten to the new names.
    """
    modules_dir = site / folder
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(modules_dir.glob("*.mjs"))}
    if problems := naming_problems(texts):
        raise SiteError(problems)
    mapping = hashed_names(texts)
    for name, text in texts.items():
        (modules_dir / mapping[name]).write_text(rewrite(text, mapping), encoding="utf-8")
        (modules_dir / name).unlink()
    targets = {(modules_dir / name).resolve(): hashed for name, hashed in mapping.items()}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = rewrite_page(html, page, site, targets, base_path)
        if new != html:
            page.write_text(new, encoding="utf-8")
    return mapping


def rewrite_page(
    html: str, page: Path, site: Path, targets: dict[Path, str], base_path: str = "/"
) -> str:
    """The page with each `src`/`href` that resolves to a file of `targets` renamed.

    `targets` maps resolved module paths to their new names; a URL is resolved from the page's
    folder, or from the site's root for one starting with `/` (under `base_path`).
    """

    def swap(match: re.Match[str]) -> str:
        url = match.group("url")
        if url.startswith("/"):
            target = site / url.removeprefix(base_path.rstrip("/")).lstrip("/")
        elif ":" in url.split("/", 1)[0]:
            return match.group(0)  # another host, or a scheme of its own
        else:
            target = page.parent / url
        hashed = targets.get(target.resolve())
        if hashed is None:
            return match.group(0)
        new_url = url.rsplit("/", 1)[0] + "/" + hashed if "/" in url else hashed
        return f"{match.group('attr')}={match.group('q')}{new_url}{match.group('q')}"

    return HTML_REFERENCE.sub(swap, html)
