"""The pseudo-resistance checklist in Chromium: answers in, open checks out as questions."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.browser.helpers import show_clinical

pytestmark = pytest.mark.browser

URL = "understanding/pseudo-resistance-check/"


def test_a_partly_filled_checklist_gives_the_open_questions(page, base_url):
    page.goto(base_url + URL)
    answers = {
        "dose_checked": "yes",
        "duration_checked": "no",
        "adherence_checked": "yes",
        "endocrine_checked": "unknown",
        "gut_checked": "no",
        "folate_b12_checked": "no",
    }
    for name, value in answers.items():
        page.check(f'input[name="{name}"][value="{value}"]')
    text, code = trdcalc.run_json("pseudo_resistance", json.dumps(answers))
    assert code == 0
    form = page.locator('form[data-calc="pseudo_resistance"]')
    expect(form).to_have_attribute("data-calc-result", text, timeout=30_000)
    result = json.loads(text)
    assert result["open_count"] == 24  # 3 answered no, 1 not sure, 20 left blank (unknown)
    out = page.locator('[data-calc-output="pseudo_resistance"]')
    show_clinical(out)
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    expect(out.get_by_role("row", name="Gut conditions and stomach surgery")).to_contain_text(
        "open"
    )
    expect(out.get_by_role("row", name="Duration")).to_contain_text("Ask: How long")
    # The thyroid evidence conflicts: both sides are shown in the disagreements box.
    expect(out.locator(".calc-disagreements")).to_contain_text("Hormones, including the thyroid")
    # A further check (clinical-evidence-2.md G8): the vitamin B12 studies conflict.
    expect(out.locator(".calc-disagreements")).to_contain_text("Folate and vitamin B12")
    # Issue 14 item 5: the plain-language tab lists the open questions themselves.
    out.get_by_text("Plain language", exact=True).click()
    plain = out.locator('[data-slot="plain"]')
    expect(plain).to_be_visible()
    expect(plain).to_contain_text("24 questions are still open")
    expect(plain).to_contain_text("1. How long have I been on the full dose")
    expect(plain).to_contain_text("Have my folate and vitamin B12 levels been checked")


def test_nothing_answered_still_gives_every_check_with_a_note(page, base_url):
    page.goto(base_url + URL)
    form = page.locator('form[data-calc="pseudo_resistance"]')
    form.get_by_role("button", name="Show the result").click()
    text, _ = trdcalc.run_json("pseudo_resistance", "{}")
    expect(form).to_have_attribute("data-calc-result", text, timeout=30_000)
    expect(
        page.locator('[data-calc-output="pseudo_resistance"] .admonition.warning')
    ).to_contain_text("No item was answered")


def test_an_answer_outside_the_choices_is_refused_at_its_field(page, base_url):
    """Radios allow only yes / no / not sure; a stale or edited form could send anything else."""
    page.goto(base_url + URL)
    page.check('input[name="duration_checked"][value="no"]')
    form = page.locator('form[data-calc="pseudo_resistance"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=30_000)
    radio = page.locator('input[name="dose_checked"]').first  # the "yes" radio
    radio.evaluate("node => { node.value = 'maybe'; }")
    radio.check()
    error = page.locator('[data-error-for="dose_checked"]')
    expect(error).to_contain_text("yes, no, unknown")
    expect(form).not_to_have_attribute("data-calc-result", re.compile("."))
    expect(radio).to_be_checked()
    expect(radio).to_have_value("maybe")


def test_worked_case_link(page, base_url):
    page.goto(base_url + URL)
    page.get_by_role("link", name="Open this case").first.click()
    form = page.locator('form[data-calc="pseudo_resistance"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=30_000)
    result = json.loads(form.get_attribute("data-calc-result"))
    assert [(o["item"], o["status"]) for o in result["open_items"]] == [
        ("dose_checked", "open"),
        ("duration_checked", "open"),
        ("adherence_checked", "unknown"),
    ]
    expect(page.locator('input[name="gut_checked"][value="yes"]')).to_be_checked()
