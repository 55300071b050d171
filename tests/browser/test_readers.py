"""The site for its three readers, in real Chromium.

The home page routes each reader, nothing is remembered beyond what the privacy statement says,
patient pages open in plain language, and search finds the other names of treatments.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result
from tests.conftest import load_cases

pytestmark = pytest.mark.browser

PYTHON_MS = 90_000  # Python starts in 2-4 s alone, far slower when the machine is busy
CARDS = {
    "For patients and families": "patients/",
    "For students": "understanding/",
    "For instructors": "instructors/",
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_home_routes_each_reader_above_the_fold(browser, base_url, size):
    viewport = VIEWPORTS[size]
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(base_url)
        crisis = page.locator(".crisis-note")
        expect(crisis).to_be_visible()
        crisis_box = crisis.bounding_box()
        for name, target in CARDS.items():
            link = page.locator(".readers-start").get_by_role("link", name=name)
            expect(link).to_be_visible()
            box = link.locator("xpath=ancestor::li").bounding_box()
            assert box["y"] + box["height"] <= viewport["height"], (name, box)
            assert box["y"] > crisis_box["y"], "the crisis note comes first"
            assert urlsplit(link.get_attribute("href")).path.endswith("/" + target)
        page.locator(".readers-start").get_by_role("link", name="For patients and families").click()
        expect(page).to_have_url(base_url + "patients/")
        expect(page.locator("h1")).to_contain_text("For patients and families")
    finally:
        context.close()


def stored(page) -> dict:
    return page.evaluate(
        """async () => ({
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
          cookie: document.cookie,
          databases: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
          workers: navigator.serviceWorker
            ? (await navigator.serviceWorker.getRegistrations()).length : 0,
        })"""
    )


def test_the_site_keeps_only_what_the_privacy_statement_says(page, base_url):
    """Use the site as a reader does, then look at what the browser holds.

    No cookies, nothing in localStorage, and in sessionStorage only the colour scheme chosen with
    the switch: what docs/about.md (Privacy) says.
    """
    page.goto(base_url + "about/")
    privacy = page.locator("#privacy ~ ul").first
    expect(privacy).to_contain_text("Cookies: none")
    expect(privacy).to_contain_text("localStorage (kept across visits): nothing")
    expect(privacy).to_contain_text("__palette")

    page.goto(base_url + "patients/")
    page.get_by_text("Clinical", exact=True).first.click()  # a content tab
    page.locator('label[title="Switch to dark mode"]:not([hidden])').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("lithium")
    expect(page.locator(".md-search-result__link").first).to_be_visible()
    page.keyboard.press("Escape")
    inputs = load_cases("msm")[0]["inputs"]
    fragment = urlencode(
        {k: str(v).lower() if isinstance(v, bool) else v for k, v in inputs.items()}
    )
    page.goto(base_url + "staging/maudsley/#" + fragment)
    expect_cli_result(page, "msm", inputs, timeout=PYTHON_MS)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    found = stored(page)
    scope = urlsplit(base_url).path
    assert found["cookie"] == ""
    assert page.context.cookies() == []
    assert found["local"] == []
    assert found["session"] == [scope + ".__palette"]
    assert found["databases"] == []
    assert found["workers"] == 0


def test_a_new_tab_remembers_nothing(browser, base_url):
    """SessionStorage belongs to one tab: a new tab opens with the system's colour scheme."""
    context = browser.new_context(color_scheme="light")
    try:
        first = context.new_page()
        first.goto(base_url)
        first.locator('label[title="Switch to dark mode"]:not([hidden])').click()
        expect(first.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        second = context.new_page()
        second.goto(base_url)
        expect(second.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        assert stored(second)["local"] == []
    finally:
        context.close()


def first_tab_label(page) -> str:
    """The label of the selected tab in the first content tab set of the page."""
    return page.evaluate(
        """() => {
          const set = document.querySelector('article .tabbed-set:not(.calc-result__tabs)');
          const checked = set.querySelector(':scope > input:checked');
          return set.querySelector(`label[for="${checked.id}"]`).textContent.trim();
        }"""
    )


def test_patient_pages_open_in_plain_language_after_choosing_clinical(page, base_url):
    page.goto(base_url + "patients/")
    assert first_tab_label(page) == "Plain language"
    page.get_by_text("Clinical", exact=True).first.click()
    assert first_tab_label(page) == "Clinical"
    for path in ["treatment/", "treatment/switch-or-augment/", "patients/"]:
        page.goto(base_url + path)
        assert first_tab_label(page) == "Plain language", path


# Each term a reader may type, and the pages that may answer it (the glossary is always welcome).
SEARCHES = {
    "TMS": ["glossary/"],
    "rTMS": ["glossary/", "treatment/"],
    "iTBS": ["glossary/", "treatment/"],
    "theta burst": ["glossary/"],
    "SAINT": ["glossary/", "treatment/"],
    "Spravato": ["glossary/"],
    "esketamine": ["glossary/", "treatment/"],
    "ketamine": ["glossary/", "treatment/"],
    "ECT": ["glossary/", "treatment/", "staging/"],
    "electroconvulsive": ["glossary/"],
    "VNS": ["glossary/", "treatment/"],
    "vagus": ["glossary/", "treatment/"],
    "SSRI": ["glossary/", "staging/thase-rush/", "treatment/"],
    "tricyclic": ["glossary/", "staging/thase-rush/"],
    "MAOI": ["glossary/", "staging/thase-rush/"],
    "lithium": ["glossary/", "treatment/"],
    "T3": ["glossary/"],
    "liothyronine": ["glossary/"],
    "aripiprazole": ["glossary/", "treatment/"],
}


RESULTS = """() => [document.querySelector('.md-search-result__meta').textContent,
  ...[...document.querySelectorAll('.md-search-result__link')]
     .map(l => new URL(l.href).pathname)]"""


def settled_results(page, quiet_ms=400, timeout_ms=15_000):
    """The result paths once the list has stopped changing.

    Results come in while the reader types, so those of a half-typed term must not be read.
    Polls: a wait_for_function string is refused under the page's CSP.
    """
    last, same_for = None, 0
    for _ in range(timeout_ms // 100):
        now = page.evaluate(RESULTS)
        same_for = same_for + 100 if now == last else 0
        if same_for >= quiet_ms and re.search(r"\d+ matching", now[0]):
            return now[1:]
        last = now
        page.wait_for_timeout(100)
    raise AssertionError(f"search results did not settle: {last}")


def test_search_finds_other_names_of_treatments(page, base_url):
    """Type each term into the theme's search box; a result links to the glossary or the page."""
    missing = {}
    for term, targets in SEARCHES.items():
        page.goto(base_url)
        page.keyboard.press("/")  # the theme's shortcut to the search box
        box = page.locator("input.md-search__input")
        expect(box).to_be_focused()
        box.press_sequentially(term)
        hrefs = settled_results(page)
        if not any(href.endswith(tuple("/" + target for target in targets)) for href in hrefs):
            missing[term] = hrefs
    assert not missing, missing
