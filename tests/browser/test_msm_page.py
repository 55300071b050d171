"""The MSM page in real Chromium against the built site: DOM contract, errors, links, runtime."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.conftest import ROOT, load_cases

pytestmark = pytest.mark.browser

PAGE = "staging/maudsley/"
FORM = 'form[data-calc="msm"]'
START_S = 30  # generous: Python starts in 2-4 s here
CASES = {c["id"]: c for c in load_cases("msm")}


def form(page):
    return page.locator(FORM)


def open_msm(page, base_url, fragment=""):
    page.goto(base_url + PAGE + (f"#{fragment}" if fragment else ""))
    expect(form(page)).to_be_visible()


def fill(page, inputs):
    """Answer the form the way a reader does, with the mouse and keyboard."""
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs.get("augmentation", False))
    page.set_checked('input[name="ect"]', inputs.get("ect", False))


def cli_text(inputs):
    text, code = trdcalc.run_json("msm", json.dumps(inputs))
    assert code == 0
    return text


def expect_result(page, inputs):
    expect(form(page)).to_have_attribute(
        "data-calc-result", cli_text(inputs), timeout=START_S * 1000
    )


def only_local(page, base_url):
    foreign = [url for url in page.requests if not url.startswith(base_url)]
    assert not foreign, foreign


def test_form_and_table_show_before_python(page, base_url):
    """With the wasm download held back, the form and the scoring table are already usable."""
    page.route("**/*.wasm", lambda _route: None)  # never answered: Python cannot start
    open_msm(page, base_url)
    assert form(page).get_attribute("data-calc-state") in ("static", "loading")
    expect(page.locator("#calc-msm-scoring table").first).to_be_visible()
    expect(page.get_by_role("cell", name="Level 5: more than 10 medications")).to_be_visible()
    page.fill('input[name="duration_months"]', "14")
    expect(page.locator('input[name="duration_months"]')).to_have_value("14")
    assert form(page).get_attribute("data-calc-result") is None


def test_page_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + PAGE)
        expect(page.locator(FORM)).to_have_attribute("data-calc-state", "static")
        expect(page.get_by_role("cell", name="Sub-acute: 13 to 24 months")).to_be_visible()
        expect(page.locator(".crisis-note")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("case_id", ["M1", "M4", "M6", "M7", "M9", "M11"])
def test_filling_the_form_gives_the_cli_result(page, base_url, case_id):
    inputs = CASES[case_id]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    expect(form(page)).to_have_attribute("data-calc-state", "ready")
    result = json.loads(form(page).get_attribute("data-calc-result"))
    headline = page.locator('[data-calc-output="msm"] [data-slot="headline"]')
    expect(headline).to_contain_text(f"Total {result['total']}")
    expect(headline).to_contain_text(result["band_label"])
    if result["warnings"]:
        expect(page.locator('[data-calc-output="msm"] .admonition.warning')).to_contain_text(
            "sub-acute"
        )
    assert not page.errors


def test_plain_language_tab(page, base_url):
    inputs = CASES["M5"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.get_by_text("Plain language", exact=True).click()
    plain = page.locator('[data-calc-output="msm"] [data-slot="plain"]')
    expect(plain).to_be_visible()
    expect(plain).to_contain_text("not a diagnosis")


@pytest.mark.parametrize(
    ("field", "typed", "phrase"),
    [
        ("duration_months", "700", "above 0 and up to 600 months"),
        ("duration_months", "-3", "above 0 and up to 600 months"),
        ("failed_antidepressants", "0", "gives no score"),
        ("failed_antidepressants", "2.5", "whole number"),
        ("failed_antidepressants", "51", "from 1 to 50"),
    ],
)
def test_invalid_input_shows_the_message_and_keeps_the_value(page, base_url, field, typed, phrase):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.fill(f'input[name="{field}"]', typed)
    message = page.locator(f'[data-error-for="{field}"]')
    expect(message).to_be_visible(timeout=START_S * 1000)
    expect(message).to_contain_text(phrase)
    expect(page.locator(f'input[name="{field}"]')).to_have_value(typed)
    expect(page.locator(f'input[name="{field}"]')).to_have_attribute("aria-invalid", "true")
    expect(form(page)).not_to_have_attribute("data-calc-result", re.compile(".*"))
    # Correcting the value clears the message and brings the result back.
    page.fill(f'input[name="{field}"]', str(inputs[field]))
    expect_result(page, inputs)
    expect(message).to_be_hidden()


def test_non_numeric_typing_is_reported_at_the_field(page, base_url):
    open_msm(page, base_url)
    fill(page, CASES["M2"]["inputs"])
    expect_result(page, CASES["M2"]["inputs"])
    page.fill('input[name="duration_months"]', "")
    page.locator('input[name="duration_months"]').press_sequentially("1e")
    message = page.locator('[data-error-for="duration_months"]')
    expect(message).to_contain_text("enter a number above 0 and up to 600 months")
    still_typed = page.locator('input[name="duration_months"]').evaluate(
        "el => el.validity.badInput"
    )
    assert still_typed, "the browser still holds what the reader typed"


def test_submitting_with_a_blank_names_the_missing_answer(page, base_url):
    open_msm(page, base_url)
    page.fill('input[name="duration_months"]', "6")
    page.get_by_role("button", name="Show the result").click()
    message = page.locator('[data-error-for="severity"]')
    expect(message).to_contain_text("is required", timeout=START_S * 1000)


def test_instant_navigation_reuses_the_worker(page, base_url):
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    open_msm(page, base_url)
    fill(page, CASES["M1"]["inputs"])
    expect_result(page, CASES["M1"]["inputs"])
    wasm = [u for u in page.requests if u.endswith(".wasm")]
    assert len(wasm) == 1

    page.get_by_role("link", name="About", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(page.locator("h1")).to_contain_text("About this site")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/staging/maudsley/"))
    expect(form(page)).to_be_visible()

    page.focus('input[name="duration_months"]')
    # The kept worker is ready at once: no second download, no second start-up of Python.
    expect(form(page)).to_have_attribute("data-calc-state", "ready", timeout=1000)
    fill(page, CASES["M7"]["inputs"])
    expect_result(page, CASES["M7"]["inputs"])
    assert len([url for url in workers if "calc-worker" in url]) == 1
    assert [u for u in page.requests if u.endswith(".wasm")] == wasm
    only_local(page, base_url)


def test_no_worker_on_a_page_without_a_calculator(page, base_url):
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Home", exact=True).first.click()
    expect(page).to_have_url(base_url)
    page.wait_for_timeout(500)
    assert not [url for url in workers if "calc-worker" in url]
    assert not [u for u in page.requests if "pyodide" in u or u.endswith(".zip")]


def test_fragment_link_restores_inputs_and_result(page, base_url):
    inputs = CASES["M6"]["inputs"]
    fragment = urlencode(
        {k: str(v).lower() if isinstance(v, bool) else v for k, v in inputs.items()}
    )
    open_msm(page, base_url, fragment)
    expect_result(page, inputs)
    expect(page.locator('input[name="severity"][value="severe"]')).to_be_checked()
    expect(page.locator('input[name="failed_antidepressants"]')).to_have_value("5")
    expect(page.locator('input[name="augmentation"]')).to_be_checked()


def test_result_updates_the_link_and_back_forward_restore_it(page, base_url):
    first = CASES["M1"]["inputs"]
    open_msm(page, base_url)
    fill(page, first)
    expect_result(page, first)
    first_url = page.url
    assert "duration_months=6" in first_url
    assert "severity=subsyndromal" in first_url

    # A worked-case link on the same page adds a history entry.
    page.get_by_role("link", name="Open this case (M6) in the calculator").click()
    worked = {
        "duration_months": 25,
        "severity": "severe",
        "failed_antidepressants": 5,
        "augmentation": True,
        "ect": False,
    }
    expect_result(page, worked)

    page.go_back()
    expect_result(page, first)
    expect(page.locator('input[name="severity"][value="subsyndromal"]')).to_be_checked()
    page.go_forward()
    expect_result(page, worked)


def test_keyboard_only(page, base_url):
    open_msm(page, base_url)

    def tab_to(selector):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(
                "s => document.activeElement && document.activeElement.matches(s)", selector
            ):
                return
        pytest.fail(f"Tab never reached {selector}")

    tab_to('input[name="duration_months"]')
    page.keyboard.type("30")
    tab_to('input[name="severity"]')
    page.keyboard.press("Space")  # checks the first option, subsyndromal
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # mild, moderate, severe
    tab_to('input[name="failed_antidepressants"]')
    page.keyboard.type("11")
    tab_to('input[name="ect"]')
    page.keyboard.press("Space")
    tab_to('button[type="submit"]')
    page.keyboard.press("Enter")
    expect_result(
        page,
        {
            "duration_months": 30,
            "severity": "severe",
            "failed_antidepressants": 11,
            "augmentation": False,
            "ect": True,
        },
    )


def test_every_request_goes_to_the_local_server(page, base_url):
    open_msm(page, base_url)
    fill(page, CASES["M5"]["inputs"])
    expect_result(page, CASES["M5"]["inputs"])
    page.get_by_role("link", name="Home", exact=True).first.click()
    expect(page).to_have_url(base_url)
    page.get_by_role("link", name="About", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    page.go_back()
    page.go_back()
    expect_result(page, CASES["M5"]["inputs"])
    # The Content-Security-Policy allowed everything the site itself does, and nothing failed.
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
    assert not page.errors
    assert any(u.endswith(".wasm") for u in page.requests)
    assert any(u.endswith("python_stdlib.zip") for u in page.requests)
    only_local(page, base_url)


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""


def test_no_long_main_thread_task_while_python_starts(page, base_url):
    page.add_init_script(LONG_TASKS)
    open_msm(page, base_url)
    page.wait_for_load_state("load")
    started = page.evaluate("performance.now()")
    page.focus('input[name="duration_months"]')
    expect(form(page)).to_have_attribute("data-calc-state", "ready", timeout=START_S * 1000)
    tasks = page.evaluate("window.__longTasks")
    during = [duration for start, duration in tasks if start + duration >= started]
    assert all(duration <= 200 for duration in during), during


def test_blocked_wasm_gives_the_error_state(page, base_url):
    page.route("**/*.wasm", lambda route: route.abort())
    open_msm(page, base_url)
    page.focus('input[name="duration_months"]')
    expect(form(page)).to_have_attribute("data-calc-state", "error", timeout=START_S * 1000)
    status = page.locator(f'{FORM} [data-slot="status"]')
    expect(status).to_contain_text("scoring table")
    status.get_by_role("link", name="Go to the scoring table").click()
    expect(page.locator("#calc-msm-scoring")).to_be_in_viewport()
    # Typing still works and keeps what was typed; the page does not hang.
    page.fill('input[name="duration_months"]', "9")
    expect(page.locator('input[name="duration_months"]')).to_have_value("9")


def test_copy_result_and_link(page, context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    inputs = CASES["M6"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.get_by_role("button", name="Copy result as text").click()
    expect(page.locator('[data-slot="action-status"]')).to_have_text("Result copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Total 11 (possible 3 to 15): Severe" in copied
    assert "doi:10.1186/s12888-018-1679-x" in copied
    page.get_by_role("button", name="Copy link to these answers").click()
    expect(page.locator('[data-slot="action-status"]')).to_have_text("Link copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    assert "failed_antidepressants=5" in link


def test_print_shows_both_reading_levels_and_hides_buttons(page, base_url):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    page.emulate_media(media="print")
    expect(page.locator('[data-calc-output="msm"] [data-slot="plain"]')).to_be_visible()
    expect(page.locator('[data-calc-output="msm"] [data-slot="clinical"]')).to_be_visible()
    expect(page.get_by_role("button", name="Copy result as text")).to_be_hidden()
    expect(page.locator("#calc-msm-scoring table").first).to_be_visible()


def test_no_serious_accessibility_violations(page, base_url):
    inputs = CASES["M4"]["inputs"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_result(page, inputs)
    # evaluate() runs outside the page's Content-Security-Policy; a <script> tag would be refused.
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text())
    report = page.evaluate(
        # Material's own search dialog (.md-search) has no accessible name; it is the theme's
        # markup, not ours, and we do not fork the theme's partials to change it.
        "axe.run({ exclude: [['.md-search']] }, { resultTypes: ['violations'] })"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length})))"
    )
    serious = [v for v in report if v["impact"] in ("serious", "critical")]
    assert not serious, serious
