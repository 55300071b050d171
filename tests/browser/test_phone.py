"""On a 390 px phone: results reflow, keep their sources, and charts stay legible.

Every calculator's result reflows without sideways scrolling and keeps its source column; the
text of its chart, and of the STAR*D figure, is drawn at 11 CSS px or more.
"""

from __future__ import annotations

import json

import pytest

import trdcalc
from build_tools.calc_cases import fragment
from tests.browser.helpers import expect_cli_result
from tests.conftest import load_cases

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
MIN_TEXT_PX = 11
PAGES = {
    "msm": "staging/maudsley/",
    "thase_rush": "staging/thase-rush/",
    "esm": "staging/european/",
    "mgh_s": "staging/mgh/",
    "compare": "staging/compare/",
    "trd_definitions": "understanding/definitions-check/",
    "trial_adequacy": "understanding/trial-check/",
    "response": "understanding/response-check/",
    "pseudo_resistance": "understanding/pseudo-resistance-check/",
    "stard": "evidence/stard-calculator/",
    "cpz": "beyond/schizophrenia/",
}

# Each SVG text's size as drawn: its font size times the SVG's scale on the page.
TEXT_SIZES = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map(t => ({
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * scale,
    height: t.getBoundingClientRect().height,
  }));
}"""

LAYOUT = r"""out => ({
  pageWidth: document.documentElement.scrollWidth,
  viewport: innerWidth,
  wide: [...out.querySelectorAll("table, svg, pre, p, li")]
    .filter(n => n.getBoundingClientRect().right > innerWidth + 0.5)
    .map(n => n.outerHTML.slice(0, 80)),
  scrolled: [...out.querySelectorAll("*")]
    .filter(n => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== "visible")
    .map(n => n.className || n.tagName),
  splitWords: [...out.querySelectorAll("th")].filter(th => {
    // Is its longest word wider than the room the cell has (so the browser splits it)?
    const words = th.textContent.trim().split(/\s+/);
    const style = getComputedStyle(th);
    const room = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const probe = document.createElement("span");
    probe.style.cssText = "position: absolute; white-space: nowrap";
    th.append(probe);
    const widest = Math.max(...words.map(word => {
      probe.textContent = word;
      return probe.getBoundingClientRect().width;
    }));
    probe.remove();
    return th.clientWidth > 0 && widest > room + 0.5;
  }).map(th => th.textContent),
  sources: [...out.querySelectorAll("table tbody tr")].map(row => {
    const cell = row.lastElementChild, box = cell.getBoundingClientRect();
    return { text: cell.textContent.trim(), shown: getComputedStyle(cell).display !== "none"
      && box.width > 0 && box.right <= innerWidth + 0.5 };
  }),
})"""


# Inputs a page computes from its link: the checklist's cases answer every question (the page
# sends only those answered, in form order), and Thase-Rush's shortest case is an empty list.
PARTLY_ANSWERED = {
    "thase_rush": {"failed_trials": ["ssri", "snri", "tca", "maoi", "ect"]},
    "pseudo_resistance": {
        "dose_checked": "yes",
        "duration_checked": "no",
        "adherence_checked": "yes",
        "endocrine_checked": "unknown",
        "gut_checked": "no",
        "folate_b12_checked": "no",
    },
}


def shortest_good_case(calc: str) -> dict:
    """The case with a result whose link is shortest (links are bounded in length)."""
    if calc in PARTLY_ANSWERED:
        return PARTLY_ANSWERED[calc]
    module = trdcalc.CALCULATORS[calc]
    good = [
        case["inputs"]
        for case in load_cases(calc)
        if trdcalc.run_json(calc, json.dumps(case["inputs"]))[1] == 0
    ]
    assert good, f"{calc} has no case with a result"
    return min(good, key=lambda inputs: len(fragment(module, inputs)))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("calc", sorted(PAGES))
def test_a_result_reflows_on_a_phone_and_keeps_its_sources(phone, base_url, calc):
    inputs = shortest_good_case(calc)
    module = trdcalc.CALCULATORS[calc]
    phone.goto(f"{base_url}{PAGES[calc]}#{fragment(module, inputs)}")
    expect_cli_result(phone, calc, inputs)
    out = phone.locator(f'[data-calc-output="{calc}"]')
    # The breakdown table is in the clinical reading (patient pages open on the plain one).
    out.locator(".tabbed-labels").get_by_text("Clinical", exact=True).click()
    layout = out.evaluate(LAYOUT)
    assert layout["pageWidth"] <= layout["viewport"], layout
    assert layout["wide"] == [], layout["wide"]
    assert layout["scrolled"] == [], layout["scrolled"]
    assert layout["splitWords"] == [], "a header word is split across lines"
    assert layout["sources"], "the result has no breakdown table"
    for source in layout["sources"]:
        assert source["shown"], source
        assert source["text"], "an empty source cell"
    for svg in out.locator('[data-slot="chart"] svg').all():
        small = [t for t in svg.evaluate(TEXT_SIZES) if t["px"] < MIN_TEXT_PX]
        assert small == [], small
    assert not phone.errors


def test_the_stard_figure_is_legible_on_a_phone(phone, base_url):
    phone.goto(base_url + "evidence/stard/")
    figure = phone.locator("#figure-stard-flow svg")
    sizes = figure.evaluate(TEXT_SIZES)
    assert len(sizes) > 20
    small = [t for t in sizes if t["px"] < MIN_TEXT_PX]
    assert small == [], small
    # Each text stays inside the figure.
    right = figure.evaluate(
        """svg => Math.max(...[...svg.querySelectorAll('text')]
          .map(t => t.getBoundingClientRect().right)) - svg.getBoundingClientRect().right"""
    )
    assert right <= 0.5
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
