"""Python starts while a calculator page is still being parsed.

`site.mjs` imports the page script (`calc.mjs`) only on a page with a calculator form, once the
page and the theme are up; the page script then imports its modules a level at a time and only
then starts Python. On each page with a calculator form the build adds, in the head, an `async`
module script, `calc-early.mjs`, which starts the worker and the downloads as soon as it arrives
(on a fast line, as the page script would), with a `modulepreload` link for each module it
imports, so they are fetched at once rather than a level at a time. The page script later finds
Python under way in the same module instance. Pages without a calculator get nothing, so they
load no calculator file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

EARLY_MODULE = "calc-early.mjs"
# A static `import ... from "./x.mjs"`, `export ... from "./x.mjs"` or `import "./x.mjs"`; the
# hashing rule (build_tools/hashing.py) lets modules name each other only as "./NAME.mjs".
STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b(?:[^"'`;]*?\bfrom)?\s*(["'])\./(?P<name>[\w.-]+\.mjs)\1""",
    re.MULTILINE,
)
CALCULATOR_FORM = re.compile(r"<form\b[^>]*\bdata-calc=")
# Where the page loads site.mjs from: the early script is in the same folder.
SITE_SCRIPT = re.compile(r"""\bsrc=(["'])(?P<folder>[^"'<>]*?)site\.[0-9a-f]+\.mjs\1""")


def static_imports(text: str) -> set[str]:
    """The modules `text` imports statically (not `import()` or `new URL`)."""
    return {match.group("name") for match in STATIC_IMPORT.finditer(text)}


def import_closure(entry: str, texts: dict[str, str]) -> list[str]:
    """`entry` and every module it reaches by static imports, `entry` first, in a stable order."""
    seen: list[str] = []
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in seen or name not in texts:
            continue
        seen.append(name)
        todo.extend(sorted(static_imports(texts[name]) - set(seen), reverse=True))
    return seen


def with_early_start(html: str, modules: list[str]) -> str:
    """`html` with the early-start script and its modules' preload links, if it has a calculator.

    `modules[0]` is the script; the tags go at the end of the head.
    """
    entry, *imported = modules
    if not CALCULATOR_FORM.search(html) or entry in html:
        return html
    found = SITE_SCRIPT.search(html)
    if found is None:
        return html
    folder = found.group("folder")
    tags = [f'<link rel="modulepreload" href="{folder}{name}">' for name in imported]
    tags.append(f'<script type="module" async src="{folder}{entry}"></script>')
    return html.replace("</head>", "".join(tags) + "</head>", 1)


def add_early_start(site: Path, folder: str, mapping: dict[str, str]) -> int:
    """Add the script to every calculator page of `site`; returns how many pages have it.

    `mapping` is `hash_modules`'s {plain name: hashed name} of the modules in `site/folder`.
    """
    texts = {name: (site / folder / name).read_text(encoding="utf-8") for name in mapping.values()}
    modules = import_closure(mapping[EARLY_MODULE], texts)
    count = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = with_early_start(html, modules)
        if new != html:
            page.write_text(new, encoding="utf-8")
            count += 1
    return count
