"""Built pages for the three readers: descriptions, licences, citations, tab order, figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
# Pages written for patients and families: their content tabs open on plain language.
PATIENT_FACING = ["index.md", "help.md", "patients/*.md", "treatment/*.md"]


def built_path(site: Path, source: Path) -> Path:
    """Where `docs/<source>` is written with directory URLs (x/y.md -> x/y/index.html)."""
    rel = source.relative_to(DOCS)
    if rel.name == "index.md":
        return site / rel.parent / "index.html"
    return site / rel.with_suffix("") / "index.html"


class Page(HTMLParser):
    """The meta descriptions of a built page, with attribute values unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.descriptions: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


TAB_SET = re.compile(
    r'<div class="tabbed-set([^"]*)"[^>]*>.*?<div class="tabbed-labels">(.*?)</div>', re.DOTALL
)


def content_tab_labels(path: Path) -> list[list[str]]:
    """The label texts of each content tab set, leaving out calculator result panels."""
    sets = []
    for classes, labels in TAB_SET.findall(path.read_text(encoding="utf-8")):
        if "calc-result__tabs" in classes:
            continue
        texts = re.findall(r"<label[^>]*>(.*?)</label>", labels, re.DOTALL)
        sets.append([re.sub(r"<[^>]+>", "", text).strip() for text in texts])
    return sets


def front_matter(source: Path) -> dict:
    return get_data(source.read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("source", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_meta_description_equals_the_front_matter(built_site, source):
    """Straight quotes and other characters survive: the theme used to cut at the first quote."""
    description = front_matter(source).get("description")
    assert description, f"{source} has no description in its front matter"
    assert parse(built_path(built_site, source)).descriptions == [description]


def test_some_descriptions_hold_quotes():
    """The regression above is really exercised: several descriptions contain straight quotes."""
    assert sum('"' in (front_matter(p).get("description") or "") for p in PAGES) >= 3


def patient_facing_pages() -> list[Path]:
    found = {path for pattern in PATIENT_FACING for path in DOCS.glob(pattern)}
    return sorted(found)


@pytest.mark.parametrize("source", patient_facing_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_patient_facing_tabs_open_on_plain_language(built_site, source):
    for labels in content_tab_labels(built_path(built_site, source)):
        assert labels[0] == "Plain language", (source, labels)


def test_the_patient_facing_list_finds_pages():
    names = {p.relative_to(DOCS).as_posix() for p in patient_facing_pages()}
    assert {"index.md", "patients/index.md", "treatment/index.md"} <= names


def test_every_page_names_both_licences_in_its_footer(built_site):
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer"') :]
        assert 'data-readers="licence"' in footer, page
        assert "CC BY 4.0" in footer, page
        assert "MIT" in footer, page


def test_licence_files_hold_the_licence_texts():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    writing = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert code.startswith("MIT License")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in code
    assert "Creative Commons Attribution 4.0 International Public License" in writing
    assert "Section 8 -- Interpretation." in writing


def test_every_page_has_a_citation_with_title_address_and_date(built_site, site_server):
    url = site_server[1]
    for source in PAGES:
        path = built_path(built_site, source)
        text = path.read_text(encoding="utf-8")
        match = re.search(r'<p class="readers-cite__text" data-cite="page">(.*?)</p>', text)
        assert match, source
        cite = match.group(1)
        address = url + path.parent.relative_to(built_site).as_posix() + "/"
        address = address.replace("/./", "/")
        assert cite.startswith("Treatment-resistant depression, explained. “"), cite
        assert address in cite, (address, cite)
        assert re.search(r"\(version of \d{4}-\d{2}-\d{2}\)", cite), cite


def test_calculator_pages_show_title_and_version(built_site):
    seen = 0
    for page in sorted(built_site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        forms = re.findall(
            r'<form class="calc-form" data-calc="(\w+)"[^>]*data-calc-version="([^"]+)"[^>]*>\s*'
            r'<p class="calc-form__title"[^>]*><strong>([^<]+)</strong>',
            text,
        )
        for calc, version, title in forms:
            seen += 1
            line = re.search(
                rf'<p class="readers-calc-version" data-calc-version-for="{calc}">(.*?)</p>', text
            )
            assert line, (page, calc)
            assert f"<strong>{title}</strong>, version {version}." in line.group(1)
            assert f"{title} calculator, version {version}." in text
    assert seen >= 10


def test_figures_have_a_text_alternative_and_follow_the_colour_scheme(built_site):
    figures = {
        "staging/index.html": "figure-staging-models",
        "evidence/stard/index.html": "figure-stard-flow",
        "treatment/switch-or-augment/index.html": "figure-options",
    }
    for rel, fid in figures.items():
        text = (built_site / rel).read_text(encoding="utf-8")
        match = re.search(
            rf'<figure class="readers-figure" id="{fid}">(.*?)</figure>', text, re.DOTALL
        )
        assert match, rel
        figure = match.group(1)
        svg = re.search(r"<svg [^>]*>", figure).group(0)
        assert 'role="img"' in svg
        ids = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for part in ids:
            assert re.search(rf'id="{part}">[^<]{{20,}}<', figure), (rel, part)
        assert "<figcaption>" in figure
        # Colours come from the stylesheet (currentColor, theme variables), so dark mode works.
        assert not re.search(r'(fill|stroke)="#', figure), rel
        assert "href" not in figure, rel
