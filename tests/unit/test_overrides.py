"""Each theme partial we override is the theme's own file with only the changes listed here.

A new Material release that changes one of these partials makes this test fail, so the override
is looked at again instead of silently freezing old theme markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# path under overrides/ -> the (theme text, our text) replacements that make our copy.
CHANGES: dict[str, list[tuple[str, str]]] = {
    "partials/search.html": [
        (
            'role="dialog">',
            'role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
    ],
    "partials/nav-item.html": [
        (
            'id="{{ path }}_label" tabindex="{{ tabindex }}">\n                <span',
            (
                'id="{{ path }}_label" tabindex="{{ tabindex }}">\n                '
                '<span class="readers-visually-hidden">'
                "{{ nav_item.title | striptags | e }}</span><span"
            ),
        ),
    ],
    "partials/javascripts/base.html": [
        ("__md_get=(e,_=localStorage,", "__md_get=(e,_=sessionStorage,"),
        (
            "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{",
            '__md_set=(e,_,t=sessionStorage,a=__md_scope)=>{if(e==="__tabs")return;try{',
        ),
    ],
    "partials/copyright.html": [
        (
            "  {% if not config.extra.generator == false %}",
            (
                '  {% include "partials/licence.html" %}\n'
                "  {% if not config.extra.generator == false %}"
            ),
        ),
    ],
}
META_CHANGES = [
    ("{{ page.meta.description }}", "{{ page.meta.description | e }}"),
    ("{{ config.site_description }}", "{{ config.site_description | e }}"),
    ("{{ page.meta.author }}", "{{ page.meta.author | e }}"),
    ("{{ config.site_author }}", "{{ config.site_author | e }}"),
]


def without_header(text: str) -> str:
    """Our copy minus the one-line Jinja comment that says why it exists."""
    first, rest = text.split("\n", 1)
    assert first.startswith("{#-"), "an override gives its reason on line 1"
    assert first.endswith("-#}"), "an override gives its reason on line 1"
    return rest


def apply(text: str, changes: list[tuple[str, str]]) -> str:
    for old, new in changes:
        assert text.count(old) == 1, f"the theme changed near {old!r}: look at the override again"
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_the_theme_partial_plus_listed_changes(name):
    theme = (THEME / name).read_text(encoding="utf-8")
    ours = without_header((OVERRIDES / name).read_text(encoding="utf-8"))
    assert ours == apply(theme, CHANGES[name])


def test_site_meta_is_the_theme_block_with_escaped_values():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    block = re.search(r"\{% block site_meta %\}\n(.*?)\n    \{% endblock %\}", base, re.DOTALL)
    assert block, "base.html no longer has a site_meta block"
    ours = without_header((OVERRIDES / "partials" / "site-meta.html").read_text(encoding="utf-8"))
    assert ours == apply(block.group(1), META_CHANGES) + "\n"


def test_every_copied_theme_partial_is_accounted_for():
    """A file in overrides/ that shadows a theme file is listed above with its changes.

    main.html is the theme's documented extension point (it extends base.html), not a copy.
    """
    copies = {
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if (THEME / path.relative_to(OVERRIDES)).exists()
    } - {"main.html"}
    assert copies == set(CHANGES)
