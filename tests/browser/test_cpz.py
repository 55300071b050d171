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
    result = expect_cli_result(
        page,
        "cpz",
        {
            "drug": "haloperidol",
            "dose_mg": 10,
            "method": "all",
            "weeks": 8,
            "adherence_percent": 90,
            "adherence_sources_2": True,
        },
    )
    assert result["trrip_verdict"] == "depends_on_method"
    out = page.locator('[data-calc-output="cpz"]')
    expect(out.locator('[data-slot="headline"]')).to_contain_text("374.5 (Leucht 2016 DDD)")
    expect(out.get_by_role("row", name="TRRIP verdict (Woods 2003)")).to_contain_text(
        "Not an adequate trial"
    )
    expect(out.locator(".calc-disagreements")).to_contain_text("Woods 2003 (500 mg/day)")
    assert "method=all" in page.url
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
