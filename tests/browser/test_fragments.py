"""Hostile links on every calculator page, in Chromium.

Reading a fragment is bounded and linear, never throws, and tells the reader at the field what it
could not read.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect

import trdcalc

pytestmark = pytest.mark.browser

LIMIT_CHARS = 16_000
LIMIT_ITEMS = 50
RESTORE_MS = 2_000  # a restore takes milliseconds; the quadratic one took 40-60 s for 800 items
FORM_CALC = re.compile(r'<form class="calc-form" data-calc="([a-z0-9_]+)"')


def calculator_pages(built_site):
    """Each calculator id with the page that shows its form."""
    pages = {}
    for html in sorted(built_site.rglob("index.html")):
        for calc in FORM_CALC.findall(html.read_text()):
            pages[calc] = html.parent.relative_to(built_site).as_posix() + "/"
    return pages


@pytest.fixture
def quiet_page(page):
    """A page whose Python never starts: these tests are about reading links, not computing."""
    page.route("**/*.wasm", lambda route: route.abort())
    return page


SET_HASH = """async (fragment) => {
  window.__setHash = (window.__setHash ?? 0) + 1; // a new fragment each time, so hashchange fires
  fragment = `set=${window.__setHash}&${fragment}`;
  const started = performance.now();
  const handled = new Promise((resolve) => window.addEventListener(
    "hashchange", () => resolve(performance.now() - started), { once: true }));
  location.hash = fragment;
  return Promise.race([handled, new Promise((resolve) => setTimeout(() => resolve(-1), 10000))]);
}"""


def set_hash(page, fragment):
    """Change the fragment in place; the page's own hashchange handler runs before ours returns."""
    elapsed = page.evaluate(SET_HASH, fragment)
    assert 0 <= elapsed < RESTORE_MS, (elapsed, fragment[:200])


def assert_unharmed(page):
    assert not page.errors, page.errors
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")


def field_names(calc):
    return [f.name for f in trdcalc.get(calc).fields]


def sub_names(calc):
    names = {"__proto__", "constructor", "prototype", "toString"}
    for field in trdcalc.get(calc).fields:
        names |= {sub.name for sub in field.item_fields}
        names |= {str(o.value) for o in field.options}
    return sorted(names)


def json_values(keys):
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=6)
            | st.dictionaries(st.sampled_from(keys) | st.text(max_size=6), children, max_size=6)
        ),
        max_leaves=30,
    )


def hostile_values(calc):
    keys = sub_names(calc)
    words = st.sampled_from([*keys, "", "1", "-1", "1e999", "NaN", "0x10", " 5 ", "true"])
    return st.one_of(
        st.text(max_size=40),
        json_values(keys).map(json.dumps),
        st.lists(words, max_size=60).map(",".join),
        st.integers(min_value=LIMIT_ITEMS - 2, max_value=900).map(lambda n: ",".join(["1"] * n)),
        st.integers(min_value=1, max_value=300).map(lambda n: "[" * n + "]" * n),
        st.sampled_from(["[null]", "[1,2]", '[{"__proto__":{"polluted":1}}]', '{"a":1}', "[[]]"]),
    )


def fragments(calc):
    names = st.sampled_from([*field_names(calc), "__proto__", "constructor", "x"])
    pairs = st.lists(st.tuples(names, hostile_values(calc)), min_size=1, max_size=6)
    return pairs.map(urlencode)


@pytest.mark.parametrize("calc", sorted(trdcalc.CALCULATORS))
def test_hostile_fragments_never_break_a_page(quiet_page, base_url, built_site, calc):
    page = quiet_page
    page.goto(base_url + calculator_pages(built_site)[calc])
    expect(page.locator(f'form[data-calc="{calc}"]')).to_be_visible()

    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(fragments(calc))
    def check(fragment):
        set_hash(page, fragment)
        assert_unharmed(page)

    check()
    page.wait_for_timeout(300)  # let any computation the last restore started settle
    assert_unharmed(page)


def test_every_calculator_has_a_page(built_site):
    assert set(calculator_pages(built_site)) == set(trdcalc.CALCULATORS)


def test_a_list_of_800_choices_is_cut_to_the_limit_with_a_message(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + "staging/thase-rush/#failed_trials=" + ",".join(["ssri"] * 800))
    expect(page.locator('select[name^="failed_trials."]')).to_have_count(LIMIT_ITEMS)
    note = page.locator('[data-error-for="failed_trials"]')
    expect(note).to_contain_text(f"more than {LIMIT_ITEMS} items")
    set_hash(page, "failed_trials=" + ",".join(["snri"] * 800))
    expect(page.locator('select[name="failed_trials.49"]')).to_have_value("snri")
    assert_unharmed(page)


def test_unreadable_list_items_get_a_message_at_their_place(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + "staging/thase-rush/#failed_trials=ssri,bogus,,tca")
    expect(page.locator('select[name^="failed_trials."]')).to_have_count(4)
    expect(page.locator('select[name="failed_trials.0"]')).to_have_value("ssri")
    expect(page.locator('select[name="failed_trials.1"]')).to_have_value("")
    expect(page.locator('[data-error-for="failed_trials.1"]')).to_contain_text("could not be read")
    expect(page.locator('[data-error-for="failed_trials.2"]')).to_be_hidden()
    expect(page.locator('select[name="failed_trials.3"]')).to_have_value("tca")
    assert_unharmed(page)


@pytest.mark.parametrize(
    ("trials", "notes"),
    [
        ("[null]", ["trials.0"]),
        ('[1, "ssri", [2]]', ["trials.0", "trials.1", "trials.2"]),
        ('[{"__proto__": {"polluted": 1}, "agent": "ssri"}]', []),
        ('[{"agent": {"x": 1}, "weeks": "six", "dose_adequate": "yes"}]', ["trials.0"]),
        ('{"agent": "ssri"}', ["trials"]),
        ("[" * 2500 + "]" * 2500, ["trials.0"]),
        ("[" + ",".join(["1"] * 3000) + "]", ["trials", "trials.0", "trials.49"]),
        ("[{", ["trials"]),
    ],
    ids=["null", "not-objects", "proto", "wrong-types", "object", "deep", "wide", "broken"],
)
def test_malformed_objects_in_a_list_get_messages(quiet_page, base_url, trials, notes):
    page = quiet_page
    page.goto(base_url + "understanding/definitions-check/#trials=" + quote(trials))
    expect(page.locator('form[data-calc="trd_definitions"]')).to_be_visible()
    for field in notes:
        expect(page.locator(f'[data-error-for="{field}"]')).to_contain_text(
            re.compile("could not be read|more than 50 items")
        )
    if not notes:
        expect(page.locator('select[name="trials.0.agent"]')).to_have_value("ssri")
    assert_unharmed(page)


def test_a_link_that_is_too_long_fills_nothing_and_says_so(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + "staging/maudsley/#duration_months=" + "1" * (LIMIT_CHARS + 10))
    note = page.locator('form[data-calc="msm"] [data-error-for=""]')
    expect(note).to_contain_text("too long")
    expect(page.locator('input[name="duration_months"]')).to_have_value("")
    assert_unharmed(page)


def test_scalar_answers_that_do_not_fit_are_named(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + "staging/maudsley/#duration_months=abc&severity=worst&ect=maybe")
    expect(page.locator('[data-error-for="duration_months"]')).to_contain_text("not a number")
    expect(page.locator('[data-error-for="severity"]')).to_contain_text("not one of the choices")
    expect(page.locator('[data-error-for="ect"]')).to_contain_text("not yes or no")
    # Changing the answer clears the note about the link.
    page.fill('input[name="duration_months"]', "4")
    expect(page.locator('[data-error-for="duration_months"]')).to_be_hidden()
    assert_unharmed(page)
