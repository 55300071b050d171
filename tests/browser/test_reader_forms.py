"""What a reader meets in a calculator form, in Chromium.

Links written by hand, copying, what a screen reader is told, every problem at once, teaching
links that lead to the form, long choices.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.browser.helpers import START_MS, expect_cli_result
from tests.browser.test_accessibility import audit
from tests.conftest import load_cases

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


def test_the_long_drug_list_is_one_radio_group_in_a_box_with_a_filter(quiet_page, base_url):
    """The DOM contract holds (choices are radio groups) and the 49 drugs take one short box."""
    page = quiet_page
    page.goto(base_url + CPZ)
    field = cpz_field("drug")
    group = page.get_by_role("group", name=field.label, exact=True)
    radios = group.get_by_role("radio")
    values = radios.evaluate_all("radios => radios.map((r) => r.value)")
    assert values == [o.value for o in field.options]
    for option in field.options[:3]:
        expect(group.get_by_role("radio", name=option.label, exact=True)).to_have_count(1)
    box = page.locator("#calc-cpz-drug-choices").bounding_box()
    assert box
    assert box["height"] < 400, box  # 49 radios would be about 1,600 px tall


def test_typing_in_the_filter_box_shortens_the_drug_list(quiet_page, base_url):
    page = quiet_page
    page.goto(base_url + CPZ)
    total = len(cpz_field("drug").options)
    box = page.get_by_role("searchbox", name="Type to shorten the list")
    count = page.locator('[data-slot="filter-count"]')
    expect(count).to_have_text(f"{total} to choose from")
    box.fill("risperidone")
    shown = page.locator("#calc-cpz-drug-choices label:not([hidden])")
    names = shown.evaluate_all("labels => labels.map((l) => l.textContent.toLowerCase())")
    assert names, "no answer left"
    assert all("risperidone" in name for name in names), names
    expect(count).to_have_text(f"{len(names)} of {total} shown")
    chosen = shown.first.locator("input").get_attribute("value")
    page.check(f'input[name="drug"][value="{chosen}"]')
    box.fill("zzz")
    expect(page.locator(f'input[name="drug"][value="{chosen}"]')).to_be_checked()
    expect(shown).to_have_count(1)  # the chosen drug stays in the list
    box.fill("")
    expect(count).to_have_text(f"{total} to choose from")


def test_a_link_chooses_a_drug_whatever_its_case(page, base_url):
    page.goto(f"{base_url}{CPZ}#drug=Clozapine&dose_mg=300&method=all")
    expect(page.locator('input[name="drug"][value="clozapine"]')).to_be_checked()
    inputs = {"drug": "clozapine", "dose_mg": 300, "method": "all", "adherence_sources_2": False}
    expect_cli_result(page, "cpz", inputs)


EXAMPLE_ANSWERS = {
    "duration_months": "12",
    "severity": "mild",
    "failed_antidepressants": "2",
    "augmentation": "true",
    "ect": "true",
}


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def answers_in(link):
    parts = urlsplit(link)
    return parts.path, dict(parse_qsl(parts.fragment, keep_blank_values=True))


def test_copy_link_is_built_from_the_form_not_the_address(context, page, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ect=yes")
    expect_cli_result(page, "msm", {**EXAMPLE_INPUTS, "ect": True})
    out = page.locator('[data-calc-output="msm"]')
    # The result's tabs never take the fragment.
    out.get_by_text("Plain language", exact=True).click()
    page.wait_for_timeout(600)
    assert answers_in(page.url)[1] == EXAMPLE_ANSWERS  # the address holds the answers as read
    # Something else moves the address without an event: the link still holds the answers.
    page.evaluate("history.replaceState(history.state, '', '#calc-msm-scoring')")
    out.get_by_role("button", name="Copy link to these answers").click()
    expect(out.locator('[data-slot="action-status"]')).to_have_text("Link copied.")
    path, answers = answers_in(clipboard(page))
    assert path.endswith("/" + MSM)
    assert answers == EXAMPLE_ANSWERS
    out.get_by_role("button", name="Copy result as text").click()
    expect(out.locator('[data-slot="action-status"]')).to_have_text("Result copied.")
    (line,) = [x for x in clipboard(page).splitlines() if x.startswith("Link: ")]
    assert answers_in(line.removeprefix("Link: "))[1] == EXAMPLE_ANSWERS


def live_region(page, calc):
    return page.locator(f'[data-calc-output="{calc}"] [data-slot="announce"]')


def test_a_result_is_announced_once_the_typing_settles(page, base_url):
    page.goto(f"{base_url}{MSM}#{EXAMPLE}&ect=yes")
    region = live_region(page, "msm")
    expect(region).to_have_attribute("role", "status")
    result = expect_cli_result(page, "msm", {**EXAMPLE_INPUTS, "ect": True})
    expect(region).to_have_text(result["headline"])
    # The live region is the only one in the form and its result.
    live = page.locator(
        '[data-calc-output="msm"] [aria-live], [data-calc-output="msm"] [role="status"]'
    )
    expect(live).to_have_count(1)
    expect(page.locator(f'{MSM_FORM} [aria-live], {MSM_FORM} [role="status"]')).to_have_count(0)
    page.fill('input[name="failed_antidepressants"]', "999")
    message = page.locator('[data-error-for="failed_antidepressants"]')
    expect(message).to_be_visible()
    expect(region).to_contain_text(message.inner_text())


def test_show_the_result_lists_every_problem_at_the_top_and_links_to_each(page, base_url):
    page.goto(base_url + MSM)
    page.fill('input[name="duration_months"]', "-5")
    page.fill('input[name="failed_antidepressants"]', "999")
    expect(page.locator(MSM_FORM)).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    page.get_by_role("button", name="Show the result").click()
    summary = page.locator(f'{MSM_FORM} [data-slot="summary"]')
    expect(summary).to_be_visible()
    expect(summary.locator('[data-slot="summary-title"]')).to_have_text("3 answers need checking:")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    expect(links).to_have_count(3)
    for field in ["duration_months", "failed_antidepressants", "severity"]:
        expect(page.locator(f'[data-error-for="{field}"]')).to_be_visible()
    expect(live_region(page, "msm")).to_contain_text("3 answers need checking:")
    # A choice left blank is asked for in words, not by the codes the CLI takes.
    expect(page.locator('[data-error-for="severity"]')).to_contain_text("choose one of the answers")
    assert not CODE.findall(summary.inner_text()), summary.inner_text()
    expect(page.locator(MSM_FORM)).not_to_have_attribute("data-calc-result", re.compile("."))
    # The summary sits above the first question.
    above = summary.evaluate(
        "(node) => !!(node.compareDocumentPosition(node.form ?? node.closest('form')"
        ".querySelector('fieldset')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    assert above
    # Each link moves to its field; the address keeps no anchor.
    links.filter(has_text="Symptom severity").click()
    expect(page.locator('input[name="severity"]').first).to_be_focused()
    links.filter(has_text="Failed adequate").click()
    expect(page.locator('input[name="failed_antidepressants"]')).to_be_focused()
    # Mending one answer takes its problem off the list; the others stay.
    page.fill('input[name="failed_antidepressants"]', "2")
    expect(links).to_have_count(2)
    expect(page.locator('[data-error-for="duration_months"]')).to_be_visible()
    page.fill('input[name="duration_months"]', "12")
    page.check('input[name="severity"][value="mild"]')
    result = expect_cli_result(page, "msm", {**EXAMPLE_INPUTS, "augmentation": False, "ect": False})
    expect(summary).to_be_hidden()
    page.get_by_role("button", name="Show the result").click()
    expect(live_region(page, "msm")).to_have_text(result["headline"])


def test_problems_in_a_list_item_are_named_by_the_item(page, base_url):
    page.goto(base_url + "understanding/definitions-check/")
    page.get_by_role("button", name=re.compile("^Add ")).first.click()
    page.select_option('select[name="trials.0.agent"]', "ssri")
    page.fill('input[name="trials.0.weeks"]', "-1")
    form = page.locator('form[data-calc="trd_definitions"]')
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    page.get_by_role("button", name="Show the result").click()
    summary = page.locator('form[data-calc="trd_definitions"] [data-slot="summary"]')
    expect(summary.get_by_role("link")).to_have_count(2)
    summary.get_by_role("link").filter(has_text="Trial 1").click()
    expect(page.locator('input[name="trials.0.weeks"]')).to_be_focused()


def expect_form_in_view_and_focused(page, calc, first_field):
    form = page.locator(f'form[data-calc="{calc}"]')
    focused = form.locator(f'[name="{first_field}"]:focus')
    expect(focused).to_have_count(1)
    if focused.get_attribute("type") == "radio":  # a radio group: its chosen answer
        expect(focused).to_be_checked()
    expect(form.locator(".calc-form__title")).to_be_in_viewport()


def test_a_worked_case_link_on_the_same_page_leads_to_the_filled_form(page, base_url):
    page.goto(base_url + MSM)
    link = page.locator('a[data-calc-case="msm"]').first
    link.scroll_into_view_if_needed()
    expect(page.locator(f"{MSM_FORM} .calc-form__title")).not_to_be_in_viewport()
    link.click()
    expect(page.locator('input[name="duration_months"]')).not_to_have_value("")
    expect_form_in_view_and_focused(page, "msm", "duration_months")
    form = page.locator(MSM_FORM)
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=START_MS)


def test_a_teaching_link_on_another_page_leads_to_the_filled_form(page, base_url):
    page.goto(base_url + "instructors/")
    link = page.locator("article a[href*='maudsley/#duration_months=']").first
    link.scroll_into_view_if_needed()
    link.click()
    expect(page).to_have_url(re.compile(r"/staging/maudsley/#duration_months="))
    expect(page.locator('input[name="duration_months"]')).not_to_have_value("")
    expect_form_in_view_and_focused(page, "msm", "duration_months")


def test_a_teaching_link_in_a_page_leads_to_its_form(page, base_url):
    page.goto(base_url + CPZ)
    link = page.get_by_role("link", name="Open this case: clozapine")
    link.scroll_into_view_if_needed()
    link.click()
    expect(page.locator('input[name="drug"][value="clozapine"]')).to_be_checked()
    expect_form_in_view_and_focused(page, "cpz", "drug")


CODE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")  # a snake_case code such as cannot_tell


def shown_result_text(page, calc):
    out = page.locator(f'[data-calc-output="{calc}"]')
    for tab in out.locator(".tabbed-labels label").all():
        tab.click()  # both reading levels
    return out.evaluate("node => node.innerText")


def test_a_cpz_result_shows_its_verdict_in_words(page, base_url):
    inputs = {"drug": "haloperidol", "dose_mg": 10, "method": "gardner_2010"}
    page.goto(f"{base_url}{CPZ}#{urlencode(inputs)}")
    result = expect_cli_result(page, "cpz", {**inputs, "adherence_sources_2": False})
    assert result["trrip_verdict"] == "cannot_tell"  # the code the JSON keeps
    text = shown_result_text(page, "cpz")
    assert "cannot tell" in text
    assert not CODE.findall(text), CODE.findall(text)


def test_the_compare_headline_names_each_model(page, base_url):
    inputs = load_cases("compare")[0]["inputs"]
    fragment = urlencode(
        {k: json.dumps(v) if isinstance(v, (list, bool)) else v for k, v in inputs.items()}
    )
    page.goto(f"{base_url}staging/compare/#{fragment}")
    form = page.locator('form[data-calc="compare"]')
    expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=START_MS)
    headline = page.locator('[data-calc-output="compare"] [data-slot="headline"]')
    for model in ["MSM", "Thase–Rush", "ESM", "MGH-s"]:
        expect(headline).to_contain_text(f"{model}: ")
    text = shown_result_text(page, "compare")
    assert not CODE.findall(text), CODE.findall(text)


def test_the_summary_and_the_drug_list_pass_axe(page, base_url):
    page.goto(base_url + MSM)
    page.fill('input[name="duration_months"]', "-5")
    expect(page.locator(MSM_FORM)).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    page.get_by_role("button", name="Show the result").click()
    expect(page.locator(f'{MSM_FORM} [data-slot="summary"]')).to_be_visible()
    # The focus moved the summary under the pointer: a hovered link is not what is audited.
    page.mouse.move(0, page.viewport_size["height"] // 2)
    assert audit(page) == []
    page.goto(base_url + CPZ)
    page.get_by_role("searchbox", name="Type to shorten the list").fill("halo")
    page.check('input[name="drug"][value="haloperidol"]')
    assert audit(page) == []
