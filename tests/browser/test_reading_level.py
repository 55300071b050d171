"""Results open in plain language on the patients' route and in clinical terms elsewhere.

Pages say so in their front matter (`reading: plain`); nothing about the choice is stored.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result

pytestmark = pytest.mark.browser
RESPONSE = {"scale": "hamd17", "baseline": 24, "current": 7}
RESPONSE_LINK = "understanding/response-check/#scale=hamd17&baseline=24&current=7"
MSM = {
    "duration_months": 30,
    "severity": "moderate",
    "failed_antidepressants": 3,
    "augmentation": True,
    "ect": False,
}
MSM_LINK = (
    "staging/maudsley/#duration_months=30&severity=moderate&failed_antidepressants=3"
    "&augmentation=true&ect=false"
)


def shown(page, calc):
    """Which reading level of the result is on screen: ('plain', 'clinical') visibility."""
    out = page.locator(f'[data-calc-output="{calc}"]')
    return (
        out.locator('[data-slot="plain"]').is_visible(),
        out.locator('[data-slot="clinical"]').is_visible(),
    )


def test_a_patient_page_opens_its_result_in_plain_language(page, base_url):
    page.goto(base_url + RESPONSE_LINK)
    result = expect_cli_result(page, "response", RESPONSE)
    out = page.locator('[data-calc-output="response"]')
    expect(out.locator('[data-slot="plain"]')).to_be_visible()
    expect(out.locator('[data-slot="plain"]')).to_contain_text(result["interpretation"]["plain"])
    expect(out.locator('[data-slot="clinical"]')).to_be_hidden()
    expect(page.locator('form[data-calc="response"]')).to_have_attribute("data-reading", "plain")
    # The reader may switch; the clinical reading is one click away.
    out.get_by_text("Clinical", exact=True).click()
    expect(out.locator('[data-slot="clinical"]')).to_be_visible()
    expect(out.locator('[data-slot="plain"]')).to_be_hidden()
    assert not page.errors


def test_a_clinical_page_opens_in_clinical_terms_and_the_choice_is_not_carried(page, base_url):
    page.goto(base_url + MSM_LINK)
    expect_cli_result(page, "msm", MSM)
    expect(page.locator('[data-calc-output="msm"] [data-slot="clinical"]')).to_be_visible()
    assert shown(page, "msm") == (False, True)
    # Choosing the plain tab here is not remembered on the next page, nor stored anywhere.
    page.locator('[data-calc-output="msm"]').get_by_text("Plain language", exact=True).click()
    expect(page.locator('[data-calc-output="msm"] [data-slot="plain"]')).to_be_visible()
    page.goto(base_url + MSM_LINK.replace("severity=moderate", "severity=severe"))
    expect_cli_result(page, "msm", {**MSM, "severity": "severe"})
    expect(page.locator('[data-calc-output="msm"] [data-slot="clinical"]')).to_be_visible()
    page.goto(base_url + RESPONSE_LINK)
    expect_cli_result(page, "response", RESPONSE)
    expect(page.locator('[data-calc-output="response"] [data-slot="plain"]')).to_be_visible()
    stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert stored[0] == []
    assert not [key for key in stored[1] if "tabs" in key], stored
    assert not page.errors


def test_the_plain_reading_prints_first_on_a_patient_page(page, base_url):
    page.goto(base_url + RESPONSE_LINK)
    expect_cli_result(page, "response", RESPONSE)
    page.emulate_media(media="print")
    out = page.locator('[data-calc-output="response"]')
    plain = out.locator('[data-slot="plain"]').bounding_box()
    clinical = out.locator('[data-slot="clinical"]').bounding_box()
    assert plain["y"] < clinical["y"]
    assert not page.errors
