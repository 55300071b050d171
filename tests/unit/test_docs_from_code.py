"""The staging pages' rule tables and worked cases come from code, and their prose agrees with it.

Issue 10, item 3: the staging pages copied rule tables and worked cases by hand, and nothing
checked them against the calculators. Now `calc:table` and `calc:cases` render them at build time,
and a threshold stated in a page's prose (a number of weeks, months, days, points or percent) must
be one that the generated tables on the site also state, so a threshold changed in code and left
old in a sentence fails here.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

import pytest

import trdcalc
from build_tools.calc_cases import (
    _detail_values,
    answers_in_words,
    fragment,
    page_cases,
    page_columns,
)
from build_tools.calc_markers import MarkerError
from tests.conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path

STAGING = {"maudsley": "msm", "thase-rush": "thase_rush", "european": "esm", "mgh": "mgh_s"}
# Every page with generated worked cases: the staging pages and two outcome pages.
CASE_PAGES = {f"staging/{page}": calc for page, calc in STAGING.items()} | {
    "understanding/definitions-check": "trd_definitions",
    "understanding/response-check": "response",
    "beyond/schizophrenia": "cpz",
}
GENERATED = re.compile(r'<div class="calc-(?:table|cases)".*?</div>', re.DOTALL)
THRESHOLD = re.compile(
    r"(\d+(?:\.\d+)?)(?:\s?(?:–|-|to)\s?(\d+(?:\.\d+)?))?\s?(weeks?|months?|days?|points?|%)"
)
# Figures in prose that are not thresholds of the page's calculator, each with its reason.
NOT_THRESHOLDS = {
    "european": {"48": "6 trials of 6-8 weeks give 36-48 weeks (arithmetic beside the windows)"},
    "thase-rush": {"49.6": "Petersen 2005: share of patients who remitted, a study finding"},
    "mgh": {"49.6": "Petersen 2005: share of patients who remitted, a study finding"},
    "maudsley": {"29.5": "Fekadu 2009b: median follow-up, a study finding"},
}


def _text(fragment_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment_html))


def _article(built_site: Path, page: str) -> str:
    path = page if "/" in page else f"staging/{page}"
    text = (built_site / path / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def _numbers_in_generated_tables(built_site: Path) -> set[str]:
    found = set()
    for page in built_site.rglob("index.html"):
        for block in GENERATED.findall(page.read_text(encoding="utf-8")):
            found |= set(re.findall(r"\d+(?:\.\d+)?", _text(block)))
    return found


@pytest.mark.parametrize("page", sorted(CASE_PAGES))
def test_rule_tables_and_worked_cases_come_from_code(page):
    source = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    calc = CASE_PAGES[page]
    assert f"<!-- calc:table {calc} -->" in source
    assert f"<!-- calc:cases {calc} -->" in source
    assert not re.search(r"^\| *Case *\|", source, re.MULTILINE), "a worked-case table by hand"


@pytest.mark.parametrize("page", sorted(CASE_PAGES))
def test_each_worked_case_shows_what_the_calculator_answers_now(built_site, page):
    calc_id = CASE_PAGES[page]
    calc = trdcalc.get(calc_id)
    article = _article(built_site, page)
    cases = page_cases(calc_id)
    assert cases
    for case in cases:
        headline = trdcalc.run(calc_id, case["inputs"])["headline"]
        assert html.escape(headline, quote=False) in article, (case["id"], headline)
        assert html.escape(answers_in_words(calc, case["inputs"]), quote=False) in article
        link = 'href="#' + html.escape(fragment(calc, case["inputs"]), quote=False) + '"'
        assert link in article, (case["id"], link)
        label = html.escape(case.get("title", case["id"]), quote=False)
        assert f'<th scope="row">{label}</th>' in article, case["id"]


@pytest.mark.parametrize(
    "page", ["understanding/definitions-check", "understanding/response-check"]
)
def test_case_columns_are_the_calculator_s_own_rows(built_site, page):
    """Columns named by `page_columns` hold each case's row values, in order, as computed now."""
    calc_id = CASE_PAGES[page]
    keys = page_columns(calc_id)
    assert keys
    table = re.search(
        rf'<div class="calc-cases" id="calc-{calc_id}-cases">.*?</div>',
        _article(built_site, page),
        re.DOTALL,
    ).group(0)
    for case in page_cases(calc_id):
        result = trdcalc.run(calc_id, case["inputs"])
        values = {d["key"]: d["value"] for d in result["details"]}
        row = re.search(
            rf'<th scope="row">{re.escape(case.get("title", case["id"]))}</th>(.*?)</tr>',
            table,
            re.DOTALL,
        ).group(1)
        cells = [_text(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]
        assert cells[2 : 2 + len(keys)] == [values[key] for key in keys], case["id"]


def test_a_column_the_result_lacks_stops_the_build():
    result = trdcalc.run("response", {"scale": "hamd17", "baseline": 24, "current": 12})
    with pytest.raises(MarkerError, match="no_such_row"):
        _detail_values(result, ["no_such_row"], "calc:cases response R2")


@pytest.mark.parametrize("page", sorted(STAGING))
def test_thresholds_in_prose_are_the_code_s_thresholds(built_site, page):
    known = _numbers_in_generated_tables(built_site)
    prose = GENERATED.sub("", _article(built_site, page))
    prose = re.sub(r"<form.*?</form>", "", prose, flags=re.DOTALL)
    stated = {
        number
        for match in THRESHOLD.finditer(_text(prose))
        for number in match.group(1, 2)
        if number
    }
    unknown = stated - known - set(NOT_THRESHOLDS.get(page, {}))
    assert not unknown, f"{page}: thresholds in prose that no generated table states: {unknown}"


def test_a_changed_threshold_would_be_caught(built_site):
    """The check can fail: a sentence with a number no generated table holds is reported."""
    known = _numbers_in_generated_tables(built_site)
    assert "51" not in known
    sentence = "CRD needs 51 weeks of resistance."
    assert {m.group(1) for m in THRESHOLD.finditer(sentence)} - known == {"51"}


def test_case_files_mark_the_cases_their_pages_show():
    for calc_id in STAGING.values():
        data = json.loads((ROOT / "tests" / "cases" / f"{calc_id}.json").read_text())
        shown = [c for c in data["cases"] if c.get("page")]
        assert shown, calc_id
        assert all("expect" in c for c in shown), "a page shows results, not input errors"
