"""The MSM page in real Chromium against the built site: DOM contract, errors, copy and print.

What every calculator page shares (worker, link, error state, keyboard) is in test_runtime.py.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result
from tests.conftest import ROOT, load_cases

pytestmark = pytest.mark.browser

PAGE = "staging/maudsley/"
FORM = 'form[data-calc="msm"]'
CASES = {c["id"]: c for c in load_cases("msm")}


def form(page):
    return page.locator(FORM)


def open_msm(page, base_url, fragment=""):
    page.goto(base_url + PAGE + (f"#{fragment}" if fragment else ""))
    expect(form(page)).to_be_visible()


def fill(page, inputs):
    """Answer the form the way a reader does, with the mouse and keyboard."""
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs.get("augmentation", False))
    page.set_checked('input[name="ect"]', inputs.get("ect", False))


def expect_result(page, inputs):
    return expect_cli_result(page, "msm", inputs)


def test_form_and_table_show_before_python(page, base_url):
    """With the wasm download held back, the form and the scoring table are already usable."""
    page.route("**/*.wasm", lambda _route: None)  # never answered: Python cannot start
    open_msm(page, base_url)
    assert form(page).get_attribute("data-calc-state") in ("static", "loading")
    expect(page.locator("#calc-msm-scoring table").first).to_be_visible()
    expect(page.get_by_role("cell", name="Level 5: more than 10 medications")).to_be_visible()
    page.fill('input[name="duration_months"]', "14")
    expect(page.locator('input[name="duration_months"]')).to_have_value("14")
    assert form(page).get_attribute("data-calc-result") is None


@pytest.mark.parametrize("case_id", ["M1", "M4", "M6", "M7", "M9", "M11"])
def test_filling_the_form_gives_the_cli_result(page, base_url, case_id):
    inputs = CASES[case_id]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    expect(form(page)).to_have_attribute("data-calc-state", "ready")
    result = json.loads(form(page).get_attribute("data-calc-result"))
    headline = page.locator('[data-calc-output="msm"] [data-slot="headline"]')
    expect(headline).to_contain_text(f"Total {result['total']}")
    expect(headline).to_contain_text(result["band_label"])
    if result["warnings"]:
        expect(page.locator('[data-calc-output="msm"] .admonition.warning')).to_contain_text(
            "sub-acute"
        )
    assert not page.errors


def test_plain_language_tab(page, base_url):
    inputs = CASES["M5"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.get_by_text("Plain language", exact=True).click()
    plain = page.locator('[data-calc-output="msm"] [data-slot="plain"]')
    expect(plain).to_be_visible()
    expect(plain).to_contain_text("not a diagnosis")


@pytest.mark.parametrize(
    ("field", "typed", "phrase"),
    [
        ("duration_months", "700", "above 0 and up to 600 months"),
        ("duration_months", "-3", "above 0 and up to 600 months"),
        ("failed_antidepressants", "0", "gives no score"),
        ("failed_antidepressants", "2.5", "whole number"),
        ("failed_antidepressants", "51", "from 1 to 50"),
    ],
)
def test_invalid_input_shows_the_message_and_keeps_the_value(page, base_url, field, typed, phrase):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.fill(f'input[name="{field}"]', typed)
    message = page.locator(f'[data-error-for="{field}"]')
    expect(message).to_be_visible(timeout=START_MS)
    expect(message).to_contain_text(phrase)
    expect(page.locator(f'input[name="{field}"]')).to_have_value(typed)
    expect(page.locator(f'input[name="{field}"]')).to_have_attribute("aria-invalid", "true")
    expect(form(page)).not_to_have_attribute("data-calc-result", re.compile(".*"))
    # Correcting the value clears the message and brings the result back.
    page.fill(f'input[name="{field}"]', str(inputs[field]))
    expect_result(page, inputs)
    expect(message).to_be_hidden()


def test_non_numeric_typing_is_reported_at_the_field(page, base_url):
    open_msm(page, base_url)
    fill(page, CASES["M2"]["inputs"])
    expect_result(page, CASES["M2"]["inputs"])
    page.fill('input[name="duration_months"]', "")
    page.locator('input[name="duration_months"]').press_sequentially("1e")
    message = page.locator('[data-error-for="duration_months"]')
    expect(message).to_contain_text("enter a number above 0 and up to 600 months")
    still_typed = page.locator('input[name="duration_months"]').evaluate(
        "el => el.validity.badInput"
    )
    assert still_typed, "the browser still holds what the reader typed"


def test_submitting_with_a_blank_names_the_missing_answer(page, base_url):
    open_msm(page, base_url)
    page.fill('input[name="duration_months"]', "6")
    page.get_by_role("button", name="Show the result").click()
    message = page.locator('[data-error-for="severity"]')
    expect(message).to_contain_text("is required", timeout=START_MS)


def test_copy_result_and_link(page, context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    inputs = CASES["M6"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.get_by_role("button", name="Copy result as text").click()
    expect(page.locator('[data-slot="action-status"]')).to_have_text("Result copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Total 11 (possible 3 to 15): Severe" in copied
    assert "doi:10.1186/s12888-018-1679-x" in copied
    page.get_by_role("button", name="Copy link to these answers").click()
    expect(page.locator('[data-slot="action-status"]')).to_have_text("Link copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    expect(page).to_have_url(link)
    assert "failed_antidepressants=5" in link


def test_print_shows_both_reading_levels_and_hides_buttons(page, base_url):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.emulate_media(media="print")
    expect(page.locator('[data-calc-output="msm"] [data-slot="plain"]')).to_be_visible()
    expect(page.locator('[data-calc-output="msm"] [data-slot="clinical"]')).to_be_visible()
    expect(page.get_by_role("button", name="Copy result as text")).to_be_hidden()
    # With a result, the printout is the result alone (tests/browser/test_print.py).
    expect(page.locator("#calc-msm-scoring table").first).to_be_hidden()


def test_no_serious_accessibility_violations(page, base_url):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    # evaluate() runs outside the page's Content-Security-Policy; a <script> tag would be refused.
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text())
    report = page.evaluate(
        # Material's own search dialog (.md-search) has no accessible name; it is the theme's
        # markup, not ours, and we do not fork the theme's partials to change it.
        "axe.run({ exclude: [['.md-search']] }, { resultTypes: ['violations'] })"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length})))"
    )
    serious = [v for v in report if v["impact"] in ("serious", "critical")]
    assert not serious, serious
