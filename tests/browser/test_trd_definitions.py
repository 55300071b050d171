"""The TRD-definitions page in Chromium: a history of trials built in the form, one verdict each."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result, show_clinical

pytestmark = pytest.mark.browser


def test_history_built_in_the_form(page, base_url):
    page.goto(base_url + "understanding/definitions-check/")
    page.check('input[name="diagnosis"][value="unipolar"]')
    trials = [("ssri", 6, 30), ("snri", 6, 40)]
    for n, (agent, weeks, improvement) in enumerate(trials):
        page.locator('form[data-calc="trd_definitions"] [data-list="add"]').click()
        page.select_option(f'select[name="trials.{n}.agent"]', agent)
        page.select_option(f'select[name="trials.{n}.dose_adequate"]', "yes")
        page.fill(f'input[name="trials.{n}.weeks"]', str(weeks))
        page.select_option(f'select[name="trials.{n}.adherence"]', "good")
        page.fill(f'input[name="trials.{n}.improvement_percent"]', str(improvement))
        page.select_option(f'select[name="trials.{n}.stopped"]', "no")
    inputs = {
        "diagnosis": "unipolar",
        "trials": [
            {
                "agent": agent,
                "dose_adequate": "yes",
                "weeks": weeks,
                "adherence": "good",
                "improvement_percent": improvement,
                "stopped": "no",
            }
            for agent, weeks, improvement in trials
        ],
        "ect": False,
    }
    expect_cli_result(page, "trd_definitions", inputs)
    out = page.locator('[data-calc-output="trd_definitions"]')
    show_clinical(out)
    expect(out.get_by_role("row", name=re.compile("^Sforzini 2022"))).to_contain_text(
        "Partially responsive"
    )
    expect(out.get_by_role("row", name=re.compile("^Rybak 2021"))).to_contain_text("TRD")


def test_case_link_opens_the_history(page, base_url):
    page.goto(base_url + "understanding/definitions-check/")
    page.get_by_role("link", name="Open this case (D1) in the calculator").click()
    form = page.locator('form[data-calc="trd_definitions"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=30_000)
    result = json.loads(form.get_attribute("data-calc-result"))
    verdicts = {v["definition"]: v["verdict"] for v in result["verdicts"]}
    assert verdicts["rybak2021"] == "trd"
    assert verdicts["sforzini2022"] == "prd"
    expect(page.locator('select[name="trials.1.agent"]')).to_have_value("ssri")
    expect(page.locator('input[name="trials.1.improvement_percent"]')).to_have_value("40")
