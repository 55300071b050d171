"""The chlorpromazine-equivalent calculator on the schizophrenia page, in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result

pytestmark = pytest.mark.browser
PAGE = "beyond/schizophrenia/"


def test_haloperidol_by_every_method_like_a_reader(page, base_url):
    page.goto(base_url + PAGE)
    page.check('input[name="drug"][value="haloperidol"]')
    page.fill('input[name="dose_mg"]', "10")
    page.check('input[name="method"][value="all"]')
    page.fill('input[name="weeks"]', "8")
    page.fill('input[name="adherence_percent"]', "90")
    page.check('input[name="adherence_sources_2"]')
    inputs = {
        "drug": "haloperidol",
        "dose_mg": 10,
        "method": "all",
        "weeks": 8,
        "adherence_percent": 90,
        "adherence_sources_2": True,
    }
    result = expect_cli_result(page, "cpz", inputs)
    assert result["trrip_verdict"] == "depends_on_method"
    out = page.locator('[data-calc-output="cpz"]')
    expect(out.locator('[data-slot="headline"]')).to_contain_text("374.5 (Leucht 2016 DDD)")
    woods = out.get_by_role("row", name="TRRIP verdict (Woods 2003)")
    expect(woods).to_contain_text("Not adequate")
    expect(woods).to_contain_text("not met: dose (500 mg/day < 600)")
    gardner = out.get_by_role("row", name="TRRIP verdict (Gardner 2010)")
    expect(gardner).to_contain_text("Not fully assessed")
    expect(out.locator(".calc-disagreements")).to_contain_text("Woods 2003 (500 mg/day)")
    expect(out.get_by_text("not applicable to specific populations")).to_be_visible()
    expect(page).to_have_url(re.compile(r"method=all"))

    # With one plasma level (H6), Gardner 2010 and Leucht 2014 call the trial adequate.
    page.check('input[name="plasma_levels"][value="at_least_one"]')
    result = expect_cli_result(page, "cpz", {**inputs, "plasma_levels": "at_least_one"})
    assert result["trrip_by_method"]["gardner_2010"] == "adequate"
    expect(gardner).to_contain_text("Adequate")
    assert not page.errors


def test_long_acting_injection_asks_for_its_interval(page, base_url):
    page.goto(base_url + PAGE)
    page.check('input[name="drug"][value="risperidone_microspheres"]')
    page.fill('input[name="dose_mg"]', "50")
    page.check('input[name="method"][value="gardner_2010_lai"]')
    page.locator('form[data-calc="cpz"] button[type="submit"]').click()
    error = page.locator('[data-error-for="interval_days"]')
    expect(error).to_contain_text("required for a long-acting injection", timeout=START_MS)
    page.fill('input[name="interval_days"]', "14")
    result = expect_cli_result(
        page,
        "cpz",
        {
            "drug": "risperidone_microspheres",
            "dose_mg": 50,
            "interval_days": 14,
            "method": "gardner_2010_lai",
            "adherence_sources_2": False,
        },
    )
    assert result["cpz_mg"] == 600
    expect(error).to_be_hidden()


def test_an_interval_on_an_oral_drug_is_an_error_at_the_field(page, base_url):
    """Issue 9 item 3: aripiprazole 400 mg every 28 days is not read as 400 mg a day."""
    page.goto(base_url + PAGE)
    page.check('input[name="drug"][value="aripiprazole"]')
    page.fill('input[name="dose_mg"]', "400")
    page.fill('input[name="interval_days"]', "28")
    page.check('input[name="method"][value="all"]')
    page.locator('form[data-calc="cpz"] button[type="submit"]').click()
    error = page.locator('[data-error-for="interval_days"]')
    expect(error).to_contain_text("Aripiprazole has only an oral entry", timeout=START_MS)
    expect(error).to_contain_text("Haloperidol decanoate")
    expect(page.locator('input[name="interval_days"]')).to_have_value("28")
    expect(page.locator('form[data-calc="cpz"]')).not_to_have_attribute(
        "data-calc-result", re.compile(".")
    )

    # Without the interval, 400 mg a day is refused as implausible, with the allowed range.
    page.fill('input[name="interval_days"]', "")
    dose_error = page.locator('[data-error-for="dose_mg"]')
    expect(dose_error).to_contain_text("up to 300 mg a day", timeout=START_MS)
    expect(dose_error).to_contain_text("not a licensed maximum")
    expect(error).to_be_hidden()
    page.fill('input[name="dose_mg"]', "30")
    expect_cli_result(
        page,
        "cpz",
        {"drug": "aripiprazole", "dose_mg": 30, "method": "all", "adherence_sources_2": False},
    )
    expect(dose_error).to_be_hidden()
    assert not page.errors


def test_invalid_adherence_shows_at_the_field_and_keeps_the_value(page, base_url):
    page.goto(base_url + PAGE)
    page.check('input[name="drug"][value="olanzapine"]')
    page.fill('input[name="dose_mg"]', "20")
    page.check('input[name="method"][value="gardner_2010"]')
    expect_cli_result(
        page,
        "cpz",
        {
            "drug": "olanzapine",
            "dose_mg": 20,
            "method": "gardner_2010",
            "adherence_sources_2": False,
        },
    )
    page.fill('input[name="adherence_percent"]', "120")
    expect(page.locator('[data-error-for="adherence_percent"]')).to_contain_text("0 to 100")
    expect(page.locator('input[name="adherence_percent"]')).to_have_value("120")
    expect(page.locator('form[data-calc="cpz"]')).not_to_have_attribute(
        "data-calc-result", re.compile(".")
    )


def test_worked_case_link_fills_the_form(page, base_url):
    page.goto(base_url + PAGE)
    page.get_by_role("link", name="Open this case: clozapine").click()
    result = expect_cli_result(
        page,
        "cpz",
        {"drug": "clozapine", "dose_mg": 300, "method": "all", "adherence_sources_2": False},
    )
    assert result["trrip_verdict"] == "not_applicable"
    assert result["cpz_mg"]["gardner_2010"] == 450
    expect(page.locator('input[name="drug"][value="clozapine"]')).to_be_checked()
