"""What a reader meets in a calculator form, in Chromium.

Links written by hand, copying, what a screen reader is told, every problem at once, teaching
links that lead to the form, long choices.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.browser.helpers import expect_cli_result

pytestmark = pytest.mark.browser

MSM = "staging/maudsley/"
MSM_FORM = 'form[data-calc="msm"]'
EXAMPLE = "duration_months=12&severity=mild&failed_antidepressants=2&augmentation=yes"
EXAMPLE_INPUTS = {
    "duration_months": 12,
    "severity": "mild",
    "failed_antidepressants": 2,
    "augmentation": True,
}


@pytest.fixture
def quiet_page(page):
    """A page whose Python never starts: for what the page script does on its own."""
    page.route("**/*.wasm", lambda route: route.abort())
    return page


YES = ["yes", "YES", "Yes", "true", "TRUE", "1", "y", "Y", "on", "On"]
NO = ["no", "NO", "false", "False", "0", "n", "N", "off", "OFF"]


@pytest.mark.parametrize(
    ("spelling", "ticked"), [(w, True) for w in YES] + [(w, False) for w in NO]
)
def test_every_spelling_of_yes_and_no_in_a_link_is_read(quiet_page, base_url, spelling, ticked):
    page = quiet_page
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ect={spelling}")
    expect(page.locator('input[name="augmentation"]')).to_be_checked()
    ect = page.locator('input[name="ect"]')
    expect(ect).to_be_checked(checked=ticked)
    expect(page.locator('[data-error-for="ect"]')).to_be_hidden()


def test_a_link_with_upper_case_yes_scores_like_the_cli(page, base_url):
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ect=YES")
    result = expect_cli_result(page, "msm", {**EXAMPLE_INPUTS, "ect": True})
    ect_row = next(row for row in result["details"] if row["key"] == "ect")
    assert ect_row["value"] == 1


@pytest.mark.parametrize("spelling", ["maybe", "yess", "2", "", "tru e"])
def test_other_spellings_are_refused_at_the_field_and_the_rest_is_kept(
    quiet_page, base_url, spelling
):
    page = quiet_page
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ect={spelling}")
    note = page.locator('[data-error-for="ect"]')
    expect(note).to_be_visible()
    expect(note).to_contain_text("not yes or no")
    expect(page.locator('input[name="ect"]')).not_to_be_checked()
    expect(page.locator('input[name="duration_months"]')).to_have_value("12")
    expect(page.locator('input[name="severity"][value="mild"]')).to_be_checked()
    expect(page.locator('input[name="failed_antidepressants"]')).to_have_value("2")
    expect(page.locator('input[name="augmentation"]')).to_be_checked()


def test_choices_in_a_link_are_read_whatever_their_case(quiet_page, base_url):
    page = quiet_page
    page.goto(f"{base_url}{MSM}#duration_months=3&severity=Severe_Psychotic")
    expect(page.locator('input[name="severity"][value="severe_psychotic"]')).to_be_checked()
    expect(page.locator('[data-error-for="severity"]')).to_be_hidden()


def test_a_name_that_is_no_question_of_the_form_is_named(quiet_page, base_url):
    page = quiet_page
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ectt=yes")
    note = page.locator(f'{MSM_FORM} [data-error-for=""]')
    expect(note).to_be_visible()
    expect(note).to_contain_text("“ectt” is not a question of this calculator")
    expect(page.locator('input[name="augmentation"]')).to_be_checked()


CPZ = "beyond/schizophrenia/"


def cpz_field(name):
    return next(f for f in trdcalc.get("cpz").fields if f.name == name)


def test_the_long_drug_list_is_one_select_named_like_the_question(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + CPZ)
    field = cpz_field("drug")
    select = page.get_by_role("combobox", name=field.label, exact=True)
    expect(select).to_have_attribute("name", "drug")
    values = select.locator("option").evaluate_all("options => options.map((o) => o.value)")
    assert values == ["", *[o.value for o in field.options]]
    expect(page.locator('form[data-calc="cpz"] input[name="drug"]')).to_have_count(0)
    # Short choices stay radio groups.
    expect(
        page.locator('form[data-calc="cpz"] input[type="radio"][name="method"]')
    ).not_to_have_count(0)


def test_typing_in_the_filter_box_shortens_the_drug_list(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + CPZ)
    total = len(cpz_field("drug").options)
    box = page.get_by_role("searchbox", name="Type to shorten the list")
    count = page.locator('[data-slot="filter-count"]')
    expect(count).to_have_text(f"{total} to choose from")
    box.fill("risperidone")
    shown = page.locator('select[name="drug"] option:not([hidden]):not([value=""])')
    names = shown.evaluate_all("options => options.map((o) => o.textContent.toLowerCase())")
    assert names, "no option left"
    assert all("risperidone" in name for name in names), names
    expect(count).to_have_text(f"{len(names)} of {total} shown")
    chosen = shown.first.get_attribute("value")
    page.select_option('select[name="drug"]', chosen)
    box.fill("zzz")
    expect(page.locator('select[name="drug"]')).to_have_value(chosen)
    expect(shown).to_have_count(1)  # the chosen drug stays in the list
    box.fill("")
    expect(count).to_have_text(f"{total} to choose from")


def test_a_link_chooses_a_drug_from_the_select_whatever_its_case(page, base_url):
    page.goto(f"{base_url}{CPZ}#drug=Clozapine&dose_mg=300&method=all")
    expect(page.locator('select[name="drug"]')).to_have_value("clozapine")
    inputs = {"drug": "clozapine", "dose_mg": 300, "method": "all", "adherence_sources_2": False}
    expect_cli_result(page, "cpz", inputs)
