"""The trial-adequacy page in Chromium: one trial, a verdict per definition."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result, show_clinical

pytestmark = pytest.mark.browser


def test_one_trial_judged_by_each_definition(page, base_url):
    page.goto(base_url + "understanding/trial-check/")
    page.check('input[name="agent"][value="ssri"]')
    page.check('input[name="dose_adequate"][value="yes"]')
    page.fill('input[name="weeks"]', "6")
    page.check('input[name="adherence"][value="good"]')
    page.fill('input[name="improvement_percent"]', "30")
    page.check('input[name="stopped"][value="no"]')
    inputs = {
        "agent": "ssri",
        "dose_adequate": "yes",
        "weeks": 6,
        "adherence": "good",
        "improvement_percent": 30,
        "stopped": "no",
    }
    expect_cli_result(page, "trial_adequacy", inputs)
    out = page.locator('[data-calc-output="trial_adequacy"]')
    show_clinical(out)
    expect(out.get_by_role("row", name="Rybak 2021")).to_contain_text("Failed adequate trial")
    expect(out.get_by_role("row", name="Sforzini 2022")).to_contain_text("Partial response")
    page.fill('input[name="improvement_percent"]', "120")
    expect(page.locator('[data-error-for="improvement_percent"]')).to_contain_text("-100 to 100")
    expect(page.locator('input[name="improvement_percent"]')).to_have_value("120")


def test_worked_case_link(page, base_url):
    page.goto(base_url + "understanding/trial-check/")
    page.get_by_role("link", name="Open this case").click()
    form = page.locator('form[data-calc="trial_adequacy"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=30_000)
    result = json.loads(form.get_attribute("data-calc-result"))
    assert [v["verdict"] for v in result["verdicts"]][:2] == ["failed", "partial_response"]
