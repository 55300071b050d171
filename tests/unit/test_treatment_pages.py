"""The treatment pages as built: harms table, evidence table, options in both reading levels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.unit.test_content import parse

# Trials the evidence table must show (issue 13): the short-term esketamine trials side by side,
# the active-comparator esketamine trial, and both ketamine-versus-ECT trials.
NEWER_TRIALS = ["ELEKT-D", "KetECT", "ESCAPE-TRD", "TRANSFORM-1", "TRANSFORM-2", "TRANSFORM-3"]


@dataclass
class Cell:
    text: str = ""
    links: list[str] = field(default_factory=list)


class Tables(HTMLParser):
    """Every <table> of a page as rows of cells (text and link targets), and where it starts.

    `after` is the last element id seen before the table opened, so a table can be found by the
    heading or block that introduces it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[Cell]]]] = []
        self.last_id = ""
        self._rows: list[list[Cell]] | None = None
        self._cell: Cell | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.last_id = attrs["id"]
        if tag == "table":
            self._rows = []
            self.tables.append((self.last_id, self._rows))
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = Cell()
            self._rows[-1].append(self._cell)
        elif tag == "a" and self._cell is not None and attrs.get("href"):
            self._cell.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self._rows = None
        elif tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.text += data


def tables_of(path: Path) -> Tables:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def table_after(path: Path, element_id: str) -> list[list[Cell]]:
    """The first table that follows the element with this id (a heading or a wrapper)."""
    html = path.read_text(encoding="utf-8")
    start = html.index(f'id="{element_id}"')
    parser = Tables()
    parser.feed(html[start:])
    assert parser.tables, f"no table after #{element_id} in {path}"
    return parser.tables[0][1]


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The built file and fragment that a relative link on `page` points to."""
    parts = urlsplit(href)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir() or not target.suffix:
        target /= "index.html"
    return target, unquote(parts.fragment)


def reference_links(page: Path, cell: Cell, reference_ids: set[str]) -> list[str]:
    """The reference keys a cell cites that exist on the references page."""
    keys = []
    for href in cell.links:
        target, fragment = resolve(page, href)
        if target.parent.name == "references" and fragment in reference_ids:
            keys.append(fragment)
    return keys


class OptionHeadings(HTMLParser):
    """Ids of the headings marked as treatment options (`{ #id .treatment-option }`)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[2-4]", tag) and "treatment-option" in (attrs.get("class") or ""):
            self.ids.append(attrs["id"])


def treatment_pages(site: Path) -> list[Path]:
    return sorted((site / "treatment").rglob("index.html"))


def option_sections(site: Path) -> set[tuple[Path, str]]:
    found = set()
    for page in treatment_pages(site):
        parser = OptionHeadings()
        parser.feed(page.read_text(encoding="utf-8"))
        found |= {(page.resolve(), option_id) for option_id in parser.ids}
    return found


@pytest.fixture(scope="module")
def reference_ids(built_site):
    return parse(built_site / "references" / "index.html").ids


def test_treatment_pages_mark_their_options(built_site):
    """Each page about a family of options marks its options, so the harms table can be checked."""
    options = option_sections(built_site)
    pages = {page.parent.name for page, _ in options}
    assert {"medicines", "neurostimulation", "ketamine-esketamine", "psychotherapy"} <= pages
    assert "treatment" in pages  # the "not TRD treatments (yet)" section of the overview


def test_harms_table_has_one_row_per_option_and_a_source_in_every_row(built_site, reference_ids):
    page = built_site / "treatment" / "harms" / "index.html"
    tables = [rows for _, rows in tables_of(page).tables]
    assert len(tables) == 1, "the harms page holds one table"
    header, *body = tables[0]
    assert [c.text.strip() for c in header][-1] == "Sources"
    targets = []
    for row in body:
        option, *harms, sources = row
        assert option.links, f"row without a link to its option: {option.text!r}"
        targets.append(resolve(page, option.links[0]))
        assert all(cell.text.strip() for cell in harms), option.text
        keys = reference_links(page, sources, reference_ids)
        assert keys, f"no source on the references page for {option.text!r}"
        assert len(keys) == len(sources.links), f"a source link is broken in {option.text!r}"
    targets = [(path.resolve(), fragment) for path, fragment in targets]
    assert len(targets) == len(set(targets)), "an option has more than one row"
    options = option_sections(built_site)
    assert set(targets) == options, {
        "options without a row": sorted(f for _, f in options - set(targets)),
        "rows without an option": sorted(f for _, f in set(targets) - options),
    }


def test_evidence_table_shows_the_newer_trials_with_sources(built_site, reference_ids):
    page = built_site / "treatment" / "index.html"
    _, *rows = table_after(page, "evidence-table")
    for trial in NEWER_TRIALS:
        named = [r for r in rows if re.search(rf"\b{re.escape(trial)}\b", r[0].text)]
        assert named, f"{trial} is not in the evidence table"
        for row in named:
            assert reference_links(page, row[3], reference_ids), f"{trial} row has no source"
    for trial in ["TRANSFORM-1", "TRANSFORM-3"]:
        (row,) = [r for r in rows if trial in r[0].text]
        assert "primary endpoint missed" in row[2].text, trial


def test_evidence_table_shows_the_mortality_signal_of_antipsychotic_augmentation(
    built_site, reference_ids
):
    page = built_site / "treatment" / "index.html"
    _, *rows = table_after(page, "evidence-table")
    harm = [r for r in rows if "antipsychotic" in r[0].text.lower() and "HR 1.45" in r[2].text]
    assert len(harm) == 1, "no single antipsychotic row with the mortality HR 1.45"
    assert "gerhard2020" in reference_links(page, harm[0][3], reference_ids)


def test_no_treatment_page_says_a_figure_is_not_found_for_ketamine(built_site):
    """Racemic ketamine has trial figures now (ELEKT-D, KetECT): the old NOT FOUND row is gone."""
    page = built_site / "treatment" / "index.html"
    _, *rows = table_after(page, "evidence-table")
    ketamine = [r for r in rows if r[0].text.lower().startswith("ketamine")]
    assert ketamine
    assert all("NOT FOUND" not in cell.text for row in ketamine for cell in row)


class TabSets(HTMLParser):
    """The labels of every content-tab set, in order, and which option section each sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.sets: list[tuple[str | None, list[str]]] = []
        self.section: str | None = None
        self._in_labels = False
        self._in_label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[2-4]", tag):
            classes = attrs.get("class") or ""
            if tag == "h2" or "treatment-option" in classes:
                self.section = attrs.get("id") if "treatment-option" in classes else None
        if tag == "div" and attrs.get("class") == "tabbed-labels":
            self._in_labels = True
            self.sets.append((self.section, []))
        elif tag == "label" and self._in_labels:
            self._in_label = True
            self.sets[-1][1].append("")

    def handle_endtag(self, tag):
        if tag == "label":
            self._in_label = False
        elif tag == "div" and self._in_labels:
            self._in_labels = False

    def handle_data(self, data):
        if self._in_label:
            self.sets[-1][1][-1] += data.strip()


@pytest.mark.parametrize(
    "name", ["index", "medicines", "neurostimulation", "ketamine-esketamine", "psychotherapy"]
)
def test_every_option_reads_plain_first_then_clinical(built_site, name):
    folder = built_site / "treatment" if name == "index" else built_site / "treatment" / name
    parser = TabSets()
    parser.feed((folder / "index.html").read_text(encoding="utf-8"))
    assert parser.sets
    for _, labels in parser.sets:
        assert labels == ["Plain language", "Clinical"], labels
    with_tabs = {section for section, _ in parser.sets if section}
    for page, option_id in option_sections(built_site):
        if page == (folder / "index.html").resolve():
            assert option_id in with_tabs, f"{name}#{option_id} has no reading-level tabs"
