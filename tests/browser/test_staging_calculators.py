"""Thase–Rush, ESM and MGH-s pages in Chromium: the forms, list editing, links and results."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result

pytestmark = pytest.mark.browser


def add_trial(page, calc):
    page.locator(f'form[data-calc="{calc}"] [data-list="add"]').click()


def test_thase_rush_list_add_move_remove(page, base_url):
    page.goto(base_url + "staging/thase-rush/")
    for cls in ["ssri", "maoi", "snri", "tca"]:
        add_trial(page, "thase_rush")
        page.locator('select[name^="failed_trials."]').last.select_option(cls)
    result = expect_cli_result(
        page, "thase_rush", {"failed_trials": ["ssri", "maoi", "snri", "tca"]}
    )
    assert result["stage"] == 4
    assert any("came before stages I-III were complete" in w for w in result["warnings"])
    # Move the MAOI to the end: same classes, same stage, no order warning.
    page.locator(".calc-list__item").nth(1).get_by_role("button", name="Move down").click()
    page.locator(".calc-list__item").nth(2).get_by_role("button", name="Move down").click()
    result = expect_cli_result(
        page, "thase_rush", {"failed_trials": ["ssri", "snri", "tca", "maoi"]}
    )
    assert not result["warnings"]
    # Remove the TCA: stage II, MAOI without a TCA is flagged.
    page.locator(".calc-list__item").nth(2).get_by_role("button", name="Remove").click()
    result = expect_cli_result(page, "thase_rush", {"failed_trials": ["ssri", "snri", "maoi"]})
    assert result["stage"] == 2
    expect(
        page.locator('[data-calc-output="thase_rush"] .admonition.warning').first
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"failed_trials=ssri%2Csnri%2Cmaoi"))


def test_thase_rush_link_restores_the_list(page, base_url):
    page.goto(base_url + "staging/thase-rush/#failed_trials=ssri,snri,tca,maoi,ect")
    result = expect_cli_result(
        page, "thase_rush", {"failed_trials": ["ssri", "snri", "tca", "maoi", "ect"]}
    )
    assert result["stage"] == 5
    expect(page.locator('select[name="failed_trials.4"]')).to_have_value("ect")


def test_thase_rush_keyboard_only(page, base_url):
    page.goto(base_url + "staging/thase-rush/")
    add = page.locator('form[data-calc="thase_rush"] [data-list="add"]')
    for _ in range(120):  # past the header, the crisis note's links and the navigation
        page.keyboard.press("Tab")
        if add.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the form's add button")
    page.keyboard.press("Enter")  # adds a trial and moves focus to its class
    expect(page.locator('select[name="failed_trials.0"]')).to_be_focused()
    page.keyboard.press("ArrowDown")  # first class: SSRI
    expect_cli_result(page, "thase_rush", {"failed_trials": ["ssri"]})


def test_thase_rush_empty_history_is_not_staged(page, base_url):
    page.goto(base_url + "staging/thase-rush/")
    page.get_by_role("button", name="Show the result").click()
    result = expect_cli_result(page, "thase_rush", {"failed_trials": []})
    assert result["stage"] == 0
    expect(page.locator('[data-calc-output="thase_rush"] [data-slot="headline"]')).to_contain_text(
        "Not staged"
    )


def test_esm_category_with_visible_not_verified_warning(page, base_url):
    page.goto(base_url + "staging/european/")
    page.fill('input[name="failed_trials"]', "4")
    page.fill('input[name="duration_weeks"]', "28")
    result = expect_cli_result(page, "esm", {"failed_trials": 4, "duration_weeks": 28})
    assert result["category"] == "TRD3"
    warning = page.locator('[data-calc-output="esm"] .admonition.warning').first
    expect(warning).to_contain_text("Not verified against the original")
    page.fill('input[name="duration_weeks"]', "60")
    # A year of resistance to 4 trials is not CRD: that needs about 6 (issue 9, item 2).
    assert (
        expect_cli_result(page, "esm", {"failed_trials": 4, "duration_weeks": 60})["category"]
        == "TRD3"
    )
    page.fill('input[name="failed_trials"]', "6")
    page.check('input[name="augmentation"]')
    crd = {"failed_trials": 6, "duration_weeks": 60, "augmentation": True}
    assert expect_cli_result(page, "esm", crd)["category"] == "CRD"
    page.fill('input[name="failed_trials"]', "-1")
    expect(page.locator('[data-error-for="failed_trials"]')).to_contain_text("from 0 to 30")


def test_mgh_s_trials_and_ect(page, base_url):
    page.goto(base_url + "staging/mgh/")
    for n, (weeks, optimised) in enumerate([(6, False), (8, True), (4, False)]):
        add_trial(page, "mgh_s")
        page.fill(f'input[name="trials.{n}.weeks"]', str(weeks))
        page.check(f'input[name="trials.{n}.adequate_dose"]')
        if optimised:
            page.check(f'input[name="trials.{n}.dose_optimised"]')
    page.check('input[name="ect"]')
    trial = {
        "adequate_dose": True,
        "augmented": False,
        "combined": False,
        "duration_optimised": False,
    }
    inputs = {
        "trials": [
            {"weeks": 6, **trial, "dose_optimised": False},
            {"weeks": 8, **trial, "dose_optimised": True},
            {"weeks": 4, **trial, "dose_optimised": False},
        ],
        "ect": True,
    }
    result = expect_cli_result(page, "mgh_s", inputs)
    assert result["total"] == 1 + 1.5 + 0 + 3
    # An unverified item is shown apart and never added.
    page.check('input[name="trials.0.combined"]')
    inputs["trials"][0]["combined"] = True
    result = expect_cli_result(page, "mgh_s", inputs)
    assert result["total"] == 5.5
    assert result["unverified_points"] == 0.5
    expect(page.locator('[data-calc-output="mgh_s"]')).to_contain_text("not counted")
    # A blank number inside a trial is reported at that trial when the reader asks for a result.
    add_trial(page, "mgh_s")
    page.get_by_role("button", name="Show the result").click()
    expect(page.locator('[data-error-for="trials.3"]')).to_contain_text("Trial 4", timeout=START_MS)
    expect(page).to_have_url(re.compile(r"trials="))
