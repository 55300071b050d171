"""The teaching content: links and anchors resolve, citations exist, safety wording holds."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md"))

# Wording that would tell a reader to start, stop or change a treatment. The site describes what
# studies and guidelines did and suggests questions for a clinician; it never instructs.
FORBIDDEN = [
    r"\bstop taking\b",
    r"\bstart taking\b",
    r"\b(increase|raise|reduce|lower|double|halve) (your|the) dose\b",
    r"\byou should (take|stop|start|switch|try|change|add)\b",
    r"\b(ask|tell) (your|the) (doctor|clinician) to (prescribe|increase|switch|stop)\b",
    r"\bswitch to\b",
    r"\bcome off\b",
    r"\btaper (off|your)\b",
    r"\bdo not take\b",
    r"\bdon't take\b",
]


# Names of the project's internal working files. A public page names the source itself instead
# ("the abstract read for this site does not give the authors"), never the file it was noted in.
INTERNAL_FILE_NAMES = [r"\bevidence files?\b", r"\bclinical-evidence\b"]

# The evidence files were first compiled on this day: no page can have been reviewed against them
# before it.
EVIDENCE_FIRST_COMPILED = dt.date(2026, 11, 22)


class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_of(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The built file and fragment an internal link points to; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    path = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir() or not path.suffix:
        path = path / "index.html"
    assert site.resolve() in path.resolve().parents or path.resolve() == site.resolve(), href
    return path, unquote(parts.fragment)


def front_matter(page: Path) -> dict:
    """The YAML front matter of a docs page, parsed as MkDocs parses it (dates become dates)."""
    match = re.match(r"---\n(.*?)\n---\n", page.read_text(encoding="utf-8"), re.DOTALL)
    assert match, f"{page}: no front matter"
    return yaml.safe_load(match.group(1)) or {}


def latest_date_on_earth() -> dt.date:
    """Today's date where it is latest (UTC+14): a review dated today anywhere is not ahead."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()


def built_page(site: Path, page: Path) -> Path:
    """The built HTML file of a docs page: `a/b.md` -> `a/b/index.html`, `a/index.md` -> same."""
    relative = page.relative_to(DOCS).with_suffix("")
    if relative.name != "index":
        relative = relative / "index"
    return site / relative.with_suffix(".html")


def is_calculator_fragment(fragment: str) -> bool:
    """`#duration_months=25&severity=...`: answers for a calculator, not an anchor."""
    return "=" in fragment


def test_no_placeholder_is_left():
    for page in PAGES:
        assert "PLACEHOLDER" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_instruction_to_change_treatment(page):
    text = page.read_text(encoding="utf-8").lower()
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text), (page, pattern)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_has_a_valid_reviewed_date(page):
    """`reviewed: YYYY-MM-DD`, an unquoted YAML date, after the evidence existed and not ahead."""
    reviewed = front_matter(page).get("reviewed")
    assert isinstance(reviewed, dt.date), (page, reviewed)
    assert not isinstance(reviewed, dt.datetime), (page, reviewed)
    assert EVIDENCE_FIRST_COMPILED <= reviewed <= latest_date_on_earth(), (page, reviewed)


def test_every_page_shows_its_reviewed_date(built_site):
    for page in PAGES:
        html = built_page(built_site, page).read_text(encoding="utf-8")
        reviewed = front_matter(page)["reviewed"].isoformat()
        assert re.search(
            rf'<p class="page-reviewed">.*?<time datetime="{reviewed}">', html, re.DOTALL
        ), page


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_page_speaks_of_internal_files(page):
    text = page.read_text(encoding="utf-8").lower()
    for pattern in INTERNAL_FILE_NAMES:
        assert not re.search(pattern, text), (page, pattern)


def test_every_internal_link_and_anchor_resolves(built_site):
    cache: dict[Path, Anchors] = {}
    broken = []
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        for href in parse(page).links:
            found = target_of(page, href, built_site)
            if found is None:
                continue
            path, fragment = found
            if not path.exists():
                broken.append((page, href))
                continue
            if fragment and not is_calculator_fragment(fragment):
                ids = cache.setdefault(path, parse(path)).ids
                if fragment not in ids:
                    broken.append((page, href))
    assert not broken, broken[:10]


def test_every_citation_exists_in_the_references(built_site):
    references = parse(built_site / "references" / "index.html").ids
    missing = set()
    for page in built_site.rglob("*.html"):
        for href in parse(page).links:
            match = re.search(r"references/(?:index\.html)?#([\w-]+)$", href)
            if match and match.group(1) not in references:
                missing.add((page.relative_to(built_site).as_posix(), match.group(1)))
    assert not missing, sorted(missing)


def test_references_list_each_key_once():
    text = (DOCS / "references.md").read_text(encoding="utf-8")
    keys = re.findall(r"\{ *#([\w-]+) *\}", text)
    assert keys
    assert len(keys) == len(set(keys))


def test_every_reference_entry_has_its_own_anchor():
    """An entry without `{ #key }` under it cannot be cited, and is usually a duplicate."""
    text = (DOCS / "references.md").read_text(encoding="utf-8")
    entries = [block for block in re.split(r"\n\s*\n", text) if block.startswith("**")]
    assert len(entries) > 50
    unanchored = [
        e.split("\n")[0][:60] for e in entries if not re.search(r"\{ *#[\w-]+ *\}\s*$", e)
    ]
    assert not unanchored, unanchored


def test_calculator_pages_say_it_is_not_a_diagnosis(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if '<form class="calc-form"' in text:
            assert "not a diagnosis" in text.lower(), page


def test_glossary_terms_show_as_tooltips(built_site):
    text = (built_site / "staging" / "maudsley" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">MSM</abbr>', text)


def test_no_stray_emphasis_from_star_d(built_site):
    """`STAR*D` written without escaping turns the rest of a paragraph into italics."""
    for page in built_site.rglob("*.html"):
        assert "STAR<em>" not in page.read_text(encoding="utf-8"), page


def test_search_finds_every_glossary_term(built_site):
    """Each glossary term is in the search index that Material's search reads."""
    import json

    terms = re.findall(
        r"^(\S[^\n{]*?) \{ #[\w-]+ \}\n:", (DOCS / "glossary.md").read_text(), re.MULTILINE
    )
    assert len(terms) >= 40
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    names = [term.split(" (")[0].replace("\\", "").lower() for term in terms]
    missing = [name for name in names if name not in text]
    assert not missing, missing
