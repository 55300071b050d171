"""Python-Markdown extension: `<!-- calc:KIND ID -->` markers become calculator markup.

A page asks for a calculator's parts with HTML comments, one per part:

    <!-- calc:form msm -->      the form and its result panel
    <!-- calc:table msm -->     the static rules table (readable with no JavaScript)
    <!-- calc:sources msm -->   the calculator's sources

Grammar: `<!--`, optional spaces, `calc:KIND`, one or more spaces, `ID`, optional spaces, `-->`.
KIND is a key of `MARKERS`; ID is a calculator id of the package. Any HTML comment that starts
with `calc` but is not exactly that (a misspelt kind, a missing id, an unknown id) stops the
build. To add a kind, register a renderer: `template_marker("rules")` renders
`templates/rules.html.j2` with `calc` and `package`; `@marker("cases")` takes any function.

Plain Python-Markdown, so any engine that runs `markdown_extensions` runs it (MkDocs, Zensical).
It works on the HTML after Markdown, like the old hook did: a marker shown inside a code block is
escaped there (`&lt;!--`) and left alone. Engines name the page when the error stops the build.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from build_tools import package

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown import Markdown

try:  # Under MkDocs a BuildError is reported as "Error reading page 'x.md':" with no traceback.
    from mkdocs.exceptions import BuildError as _EngineError
except ImportError:  # pragma: no cover - another engine: a plain exception stops it as well
    _EngineError = Exception  # type: ignore[assignment,misc]

TEMPLATES_DIR = Path(__file__).parent / "templates"
# Anything that starts like a marker must be one.
LOOKS_LIKE_MARKER = re.compile(r"<!--\s*calc", re.IGNORECASE)
MARKER = re.compile(r"<!--\s*calc:(?P<kind>[a-z][a-z_-]*)\s+(?P<id>[a-z0-9_]+)\s*-->")
# After the raw HTML is put back (priority 30), before `&amp;` placeholders are (20).
PRIORITY = 25


class MarkerError(_EngineError):
    """A calculator marker that cannot be rendered: the build must stop."""


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may use: the package as it is now and the Jinja2 templates."""

    package: package.Package
    templates: jinja2.Environment

    def render(self, template: str, calc_id: str) -> str:
        calc = self.package.module.CALCULATORS[calc_id]
        return self.templates.get_template(template).render(calc=calc, package=self.package)


MARKERS: dict[str, Callable[[RenderContext, str], str]] = {}


def marker(kind: str) -> Callable[[Callable[[RenderContext, str], str]], Any]:
    """Register `function(context, calc_id) -> html` as the renderer of `<!-- calc:KIND ID -->`."""

    def register(function: Callable[[RenderContext, str], str]) -> Any:
        MARKERS[kind] = function
        return function

    return register


def template_marker(kind: str) -> None:
    """Register a kind whose markup is `templates/KIND.html.j2` with `calc` and `package`."""
    marker(kind)(lambda context, calc_id: context.render(f"{kind}.html.j2", calc_id))


for _kind in ("form", "table", "sources"):
    template_marker(_kind)


@functools.cache
def _environment(templates_dir: str) -> jinja2.Environment:
    """One Jinja2 environment per folder; it re-reads a template whose file changed."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_markers(html: str, context: RenderContext) -> str:
    """`html` with every marker replaced by its markup; MarkerError on any bad marker."""
    pieces: list[str] = []
    end = 0
    for found in LOOKS_LIKE_MARKER.finditer(html):
        if found.start() < end:
            continue
        close = html.find("-->", found.start())
        text = html[found.start() : close + 3] if close >= 0 else html[found.start() :][:60]
        pieces += [html[end : found.start()], _render_one(text, context)]
        end = found.start() + len(text)
    return "".join([*pieces, html[end:]])


def _render_one(text: str, context: RenderContext) -> str:
    match = MARKER.fullmatch(text)
    kinds = ", ".join(sorted(MARKERS))
    if not match:
        msg = (
            f"bad calculator marker {text!r}: write <!-- calc:KIND ID --> with KIND one of {kinds}"
        )
        raise MarkerError(msg)
    kind, calc_id = match.group("kind", "id")
    if kind not in MARKERS:
        msg = f"unknown marker kind {kind!r} in {text!r}: KIND is one of {kinds}"
        raise MarkerError(msg)
    if calc_id not in context.package.ids:
        known = ", ".join(sorted(context.package.ids))
        msg = f"unknown calculator {calc_id!r} in {text!r}; published calculators: {known}"
        raise MarkerError(msg)
    return MARKERS[kind](context, calc_id)


class _MarkerPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, extension: CalcMarkersExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if not LOOKS_LIKE_MARKER.search(text):
            return text
        return render_markers(text, self.extension.context())


class CalcMarkersExtension(Extension):
    """Options: `calculators_dir` (holds `trdcalc/`) and `templates_dir`; relative to the cwd."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "calculators_dir": [str(package.CALCULATORS_DIR), "folder that holds trdcalc/"],
            "templates_dir": [str(TEMPLATES_DIR), "folder of the KIND.html.j2 templates"],
        }
        super().__init__(**kwargs)

    def context(self) -> RenderContext:
        """Read per page, never stored: edits under `mkdocs serve` show on the next rebuild."""
        source = Path(self.getConfig("calculators_dir")).resolve()
        templates = str(Path(self.getConfig("templates_dir")).resolve())
        return RenderContext(package.load(source), _environment(templates))

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_MarkerPostprocessor(md, self), "calc_markers", PRIORITY)


def makeExtension(**kwargs: Any) -> CalcMarkersExtension:  # noqa: N802 - Python-Markdown's name
    return CalcMarkersExtension(**kwargs)


# Kinds defined in their own modules register themselves when imported here.
from build_tools import calc_cases  # noqa: E402, F401
