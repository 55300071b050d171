"""The compare page in Chromium: a shared history opens filled in, and edits work by keyboard."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.browser.helpers import START_MS

pytestmark = pytest.mark.browser


def current(page):
    form = page.locator('form[data-calc="compare"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=START_MS)
    return form, json.loads(form.get_attribute("data-calc-result"))


def test_teaching_case_link_and_keyboard_editing(page, base_url):
    page.goto(base_url + "staging/compare/")
    page.get_by_role("link", name="Open this case in the calculator").click()
    form, result = current(page)
    text, code = trdcalc.run_json("compare", json.dumps(result["inputs"]))
    assert code == 0
    assert form.get_attribute("data-calc-result") == text
    assert [m["summary"] for m in result["models"]][:2] == [
        "Total 10 (possible 3 to 15): Moderate",
        "Stage II",
    ]
    expect(page.locator(".calc-disagreements")).to_contain_text("Thase–Rush counts classes")

    # Keyboard only: move the SNRI trial up, then remove the second SSRI.
    third = page.locator(".calc-list__item").nth(2)
    third.get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(page.locator('select[name="trials.1.agent"]')).to_have_value("snri")
    expect(
        page.locator(".calc-list__item").nth(1).get_by_role("button", name="Move up")
    ).to_be_focused()
    page.locator(".calc-list__item").nth(2).get_by_role("button", name="Remove").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".calc-list__item")).to_have_count(2)
    inputs = dict(
        result["inputs"], trials=[result["inputs"]["trials"][0], result["inputs"]["trials"][2]]
    )
    text, code = trdcalc.run_json("compare", json.dumps(inputs))
    expect(form).to_have_attribute("data-calc-result", text, timeout=10_000)
    expect(page).to_have_url(re.compile(r"trials="))
    # The address follows the result within a frame: the removed 5-week trial leaves it.
    expect(page).not_to_have_url(re.compile(r"%22weeks%22%3A5%2C"))

    # The address now carries the edited history: a reload shows the same result.
    page.reload()
    expect(page.locator('form[data-calc="compare"]')).to_have_attribute(
        "data-calc-result", text, timeout=START_MS
    )


def test_items_are_labelled_for_screen_readers(page, base_url):
    page.goto(base_url + "staging/compare/")
    page.locator('form[data-calc="compare"] [data-list="add"]').click()
    item = page.locator(".calc-list__item").first
    expect(item.get_by_role("group", name="Trial 1")).to_be_visible()
    expect(item.get_by_label("Antidepressant class")).to_be_focused()
    expect(
        item.get_by_label("Weeks on this treatment (a number from 0 to 520 weeks)")
    ).to_be_visible()
