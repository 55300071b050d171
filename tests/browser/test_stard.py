"""The cumulative-remission page in Chromium: number lists, presets, the chart and errors."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result

pytestmark = pytest.mark.browser
PAGE = "evidence/stard-calculator/"
STARD = [36.8, 30.6, 13.7, 13.0]


def add(page, field, value):
    """Add one item to a list field and type a number into it, as a reader would."""
    page.locator(f'fieldset[data-field="{field}"] > button[data-list="add"]').click()
    page.locator(f'input[name^="{field}."]').last.fill(value)


def test_reader_types_the_stard_rates_and_sees_67(page, base_url):
    page.goto(base_url + PAGE)
    for rate in ["36.8", "30.6", "13.7", "13.0"]:
        add(page, "remission_percents", rate)
    result = expect_cli_result(page, "stard", {"remission_percents": STARD, "dropout_percents": []})
    assert result["cumulative_percent"] == 67.1
    out = page.locator('[data-calc-output="stard"]')
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    chart = out.locator('[data-slot="chart"] svg[role="img"]')
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("aria-label", (
        "After step 4, of 100 people: 67.1 remitted, 32.9 not remitted and still in "
        "treatment, 0.0 left."
    ))  # fmt: skip
    expect(chart.locator("text").filter(has_text="67.1 remitted")).to_have_count(1)
    assert chart.evaluate("svg => svg.namespaceURI") == "http://www.w3.org/2000/svg"
    expect(out.get_by_role("row", name="Reported by Rush 2006")).to_contain_text("67 %")
    expect(page).to_have_url(re.compile(r"remission_percents=36\.8%2C30\.6%2C13\.7%2C13"))
    assert not page.errors


def test_presets_fill_the_form_and_replace_each_other(page, base_url):
    page.goto(base_url + PAGE)
    page.get_by_role("link", name="Made-up drop-out for teaching").click()
    dropout = [30, 30, 30, 0]
    result = expect_cli_result(
        page, "stard", {"remission_percents": STARD, "dropout_percents": dropout}
    )
    assert (result["cumulative_percent"], result["no_dropout_percent"]) == (55.0, 67.1)
    expect(page.locator('input[name="dropout_percents.3"]')).to_have_value("0")
    chart = page.locator('[data-calc-output="stard"] [data-slot="chart"] svg')
    expect(chart.locator("text").filter(has_text="55.0 remitted")).to_have_count(1)
    page.get_by_role("link", name="STAR*D as reported (Rush 2006)").click()
    result = expect_cli_result(page, "stard", {"remission_percents": STARD, "dropout_percents": []})
    assert result["cumulative_percent"] == 67.1
    expect(page.locator('input[name^="dropout_percents."]')).to_have_count(0)
    assert not page.errors


def test_a_bad_rate_shows_at_its_step_and_keeps_the_typed_value(page, base_url):
    page.goto(base_url + PAGE + "#remission_percents=36.8,30.6")
    expect_cli_result(page, "stard", {"remission_percents": [36.8, 30.6], "dropout_percents": []})
    page.fill('input[name="remission_percents.1"]', "101")
    error = page.locator('[data-error-for="remission_percents.1"]')
    expect(error).to_contain_text("Step 2: enter a number from 0 to 100 percent")
    expect(page.locator('input[name="remission_percents.1"]')).to_have_value("101")
    form = page.locator('form[data-calc="stard"]')
    assert form.get_attribute("data-calc-result") is None
    expect(page.locator('[data-calc-output="stard"] [data-slot="chart"]')).to_be_hidden()


def test_a_dropout_list_of_the_wrong_length_is_explained(page, base_url):
    page.goto(base_url + PAGE + "#remission_percents=36.8,30.6,13.7")
    expect_cli_result(
        page, "stard", {"remission_percents": [36.8, 30.6, 13.7], "dropout_percents": []}
    )
    add(page, "dropout_percents", "20")
    expect(page.locator('[data-error-for="dropout_percents"]')).to_contain_text(
        "one drop-out value per step (3 for 3 steps; 1 given)"
    )
    expect(page.locator('input[name="dropout_percents.0"]')).to_have_value("20")
