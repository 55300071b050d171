"""The response-and-remission page in Chromium: a reader fills the form, results match the CLI."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result

pytestmark = pytest.mark.browser
PAGE = "understanding/response-check/"


def fill(page, scale, baseline, current):
    page.check(f'input[name="scale"][value="{scale}"]')
    page.fill('input[name="baseline"]', str(baseline))
    page.fill('input[name="current"]', str(current))


def test_madrs_grey_zone_shows_every_convention(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "madrs", 30, 10)
    result = expect_cli_result(page, "response", {"scale": "madrs", "baseline": 30, "current": 10})
    assert result["remission"]["saint_lt11"]
    assert not result["remission"]["hawley2002_lt10"]
    out = page.locator('[data-calc-output="response"]')
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    expect(out.get_by_role("row", name="Remission: SAINT trial")).to_contain_text("remission")
    expect(out.locator(".admonition.warning").first).to_contain_text("Not verified")
    expect(out.locator(".calc-disagreements")).to_contain_text("Remission depends")
    assert "scale=madrs" in page.url
    # Changing the scale keeps the numbers and recomputes under the new scale's rules.
    page.check('input[name="scale"][value="hamd17"]')
    result = expect_cli_result(page, "response", {"scale": "hamd17", "baseline": 30, "current": 10})
    assert result["severity_band"] == {"zimmerman2013": "mild", "idsqids": "mild"}
    assert page.errors == []


def test_scale_range_message_at_the_field_keeps_the_typed_value(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "phq9", 20, 10)
    expect_cli_result(page, "response", {"scale": "phq9", "baseline": 20, "current": 10})
    page.fill('input[name="baseline"]', "30")
    error = page.locator('[data-error-for="baseline"]')
    expect(error).to_contain_text("from 0 to 27", timeout=START_MS)
    expect(page.locator('input[name="baseline"]')).to_have_value("30")
    form = page.locator('form[data-calc="response"]')
    expect(form).not_to_have_attribute("data-calc-result", re.compile("."))
    # A baseline inside the minimal band gets its own message, not a division.
    page.fill('input[name="baseline"]', "4")
    expect(error).to_contain_text("at least 5")
    expect(page.locator('input[name="baseline"]')).to_have_value("4")
    page.fill('input[name="baseline"]', "20")
    expect_cli_result(page, "response", {"scale": "phq9", "baseline": 20, "current": 10})
    expect(error).to_be_hidden()


def test_worked_case_links_fill_the_form(page, base_url):
    page.goto(base_url + PAGE)
    # Instant navigation makes every link absolute, so match the end of the address.
    page.locator('a[href$="#scale=hamd17&baseline=24&current=7"]').click()
    result = expect_cli_result(page, "response", {"scale": "hamd17", "baseline": 24, "current": 7})
    assert result["remission"] == {"stard_le7": True, "riedel2010_le6": False}
    expect(page.locator('input[name="scale"][value="hamd17"]')).to_be_checked()
    page.locator('a[href$="#scale=ybocs&baseline=28&current=16"]').click()
    result = expect_cli_result(page, "response", {"scale": "ybocs", "baseline": 28, "current": 16})
    assert result["category"] == "response"
    assert result["categories"]["storch2011_research"] == "nonresponse"
    expect(page.locator('[data-calc-output="response"] .admonition.warning').first).to_contain_text(
        "Y-BOCS range"
    )
