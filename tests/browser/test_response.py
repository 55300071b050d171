"""The response-and-remission page in Chromium: a reader fills the form, results match the CLI."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result, show_clinical

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
    show_clinical(out)
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    expect(out.get_by_role("row", name="Remission: SAINT trial")).to_contain_text("remission")
    # MADRS <= 12 of the TRANSFORM analyses is now read (VERIFIED-P), so no warning is needed.
    esketamine = out.get_by_role("row", name="Remission: Esketamine, TRANSFORM analyses")
    expect(esketamine).to_contain_text("VERIFIED-P")
    expect(out.locator(".admonition.warning")).to_have_count(0)
    expect(out.locator(".calc-disagreements")).to_contain_text("Remission depends")
    expect(page).to_have_url(re.compile(r"scale=madrs"))
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


# One test per scale added in issue 13 item 5: the form gives the CLI's JSON and shows the rule.


def result_box(page):
    return page.locator('[data-calc-output="response"]')


def verdict(row):
    """The value cell of a breakdown row (after the answer cell)."""
    return row.locator("td").nth(1)


def test_hamd21_has_its_own_bands_and_riedels_cut_off(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "hamd21", 30, 17)
    result = expect_cli_result(page, "response", {"scale": "hamd21", "baseline": 30, "current": 17})
    assert result["severity_band"] == "moderate"
    assert result["remission"] == {"riedel2010_le7": False}
    out = result_box(page)
    show_clinical(out)
    expect(out.get_by_role("row", name="Severity band: ids-qids.org")).to_contain_text("Moderate")
    expect(out.get_by_role("row", name="Remission: Riedel 2010")).to_contain_text("score ≤ 7")
    assert page.errors == []


def test_hamd24_borrows_no_remission_cut_off(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "hamd24", 30, 17)
    result = expect_cli_result(page, "response", {"scale": "hamd24", "baseline": 30, "current": 17})
    assert result["severity_band"] == "mild"
    assert result["remission"] == {}
    out = result_box(page)
    show_clinical(out)
    expect(out.locator('[data-slot="headline"]')).to_contain_text("no remission cut-off")
    expect(out.get_by_role("row", name="Remission")).to_contain_text("not assessed")
    expect(out.get_by_role("row", name="Remission")).to_contain_text("NOT FOUND")


def test_cgi_s_reads_the_rating_with_no_percentage(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "cgi_s", 5, 4)
    result = expect_cli_result(page, "response", {"scale": "cgi_s", "baseline": 5, "current": 4})
    assert result["percent_improvement"] is None
    assert result["severity_band"] == "moderately_ill"
    out = result_box(page)
    show_clinical(out)
    expect(out.get_by_role("row", name="Severity band: CGI-S")).to_contain_text("Moderately ill")
    expect(out.get_by_role("row", name="At least moderately ill")).to_contain_text("yes")
    # Out of the CGI's 1-7 range: a message at the field, the typed value kept.
    page.fill('input[name="current"]', "9")
    expect(page.locator('[data-error-for="current"]')).to_contain_text("from 1 to 7")
    expect(page.locator('input[name="current"]')).to_have_value("9")


def test_cgi_i_needs_only_the_rating_and_keeps_a_typed_baseline(page, base_url):
    page.goto(base_url + PAGE)
    page.check('input[name="scale"][value="cgi_i"]')
    page.fill('input[name="current"]', "2")
    result = expect_cli_result(page, "response", {"scale": "cgi_i", "current": 2})
    assert result["category"] == "response"
    assert result["cgi_i_rating"] == "much_improved"
    out = result_box(page)
    show_clinical(out)
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    expect(out.get_by_role("row", name="Response: CGI-I")).to_contain_text("Response")
    # A baseline typed for another scale stays in its box and is reported as not used.
    page.fill('input[name="baseline"]', "24")
    result = expect_cli_result(page, "response", {"scale": "cgi_i", "baseline": 24, "current": 2})
    expect(out.locator(".admonition.warning").first).to_contain_text("is not used")
    expect(page.locator('input[name="baseline"]')).to_have_value("24")


def test_panss_shows_both_percentages_and_both_trrip_verdicts(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "panss", 80, 68)
    result = expect_cli_result(page, "response", {"scale": "panss", "baseline": 80, "current": 68})
    assert result["trrip_nonresponse"] == {"corrected": False, "uncorrected": True}
    out = result_box(page)
    show_clinical(out)
    expect(out.get_by_role("row", name="Percent improvement, minimum subtracted")).to_contain_text(
        "24.0 %"
    )
    expect(out.get_by_role("row", name="Percent improvement, uncorrected")).to_contain_text(
        "15.0 %"
    )
    trrip = out.get_by_role("row", name="TRRIP")
    expect(verdict(trrip.filter(has_text="minimum subtracted"))).to_have_text("not met")
    expect(verdict(trrip.filter(has_text="uncorrected"))).to_have_text("met")
    expect(out.locator(".calc-disagreements")).to_contain_text("flips the TRRIP verdict")


def test_bprs_shows_both_percentages_and_says_18_is_not_verified(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "bprs", 50, 42)
    result = expect_cli_result(page, "response", {"scale": "bprs", "baseline": 50, "current": 42})
    assert (result["percent_improvement"], result["percent_improvement_uncorrected"]) == (
        25.0,
        16.0,
    )
    out = result_box(page)
    show_clinical(out)
    expect(out.get_by_role("row", name="Percent improvement, minimum subtracted")).to_contain_text(
        "25.0 %"
    )
    expect(out.get_by_role("row", name="Percent improvement, uncorrected")).to_contain_text(
        "16.0 %"
    )
    trrip = out.get_by_role("row", name="TRRIP")
    expect(verdict(trrip.filter(has_text="minimum subtracted"))).to_have_text("not met")
    expect(verdict(trrip.filter(has_text="uncorrected"))).to_have_text("met")
    expect(out.locator(".admonition.warning").first).to_contain_text("BPRS − 18")


def test_bprs_0_6_subtracts_nothing(page, base_url):
    page.goto(base_url + PAGE)
    fill(page, "bprs_0_6", 32, 24)
    result = expect_cli_result(
        page, "response", {"scale": "bprs_0_6", "baseline": 32, "current": 24}
    )
    assert result["percent_improvement"] == result["percent_improvement_uncorrected"] == 25.0
    out = result_box(page)
    show_clinical(out)
    expect(out.locator('[data-slot="headline"]')).to_contain_text("nothing to subtract")
    expect(out.get_by_role("row", name="Percent improvement, uncorrected")).to_have_count(0)
    expect(verdict(out.get_by_role("row", name="TRRIP"))).to_have_text("not met")
