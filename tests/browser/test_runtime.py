"""What every calculator page shares, in Chromium on the MSM page.

The worker, the link that holds the answers, the error state and its recovery, keyboard use, and
no form ever sent to a server.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    START_MS,
    calc_workers,
    expect_cli_result,
    serve_faulty_archive,
    set_limits,
)
from tests.conftest import load_cases
from tests.fault_archive import FAULTS

pytestmark = pytest.mark.browser

PAGE = "staging/maudsley/"
FORM = 'form[data-calc="msm"]'
CASES = {c["id"]: c["inputs"] for c in load_cases("msm")}
ANSWERS = re.compile(r"#.*duration_months=")


def open_msm(page, base_url, fragment=""):
    page.goto(base_url + PAGE + (f"#{fragment}" if fragment else ""))
    expect(page.locator(FORM)).to_be_visible()


def fill(page, inputs):
    """Answer the form the way a reader does, with the mouse and keyboard."""
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs.get("augmentation", False))
    page.set_checked('input[name="ect"]', inputs.get("ect", False))


def fragment_of(inputs):
    return urlencode({k: str(v).lower() if isinstance(v, bool) else v for k, v in inputs.items()})


def wait_until(page, condition, timeout_ms=5000):
    """Let Playwright deliver events until `condition()` holds."""
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    assert condition()


def only_local(page, base_url):
    foreign = [url for url in page.requests if not url.startswith(base_url)]
    assert not foreign, foreign


def expect_answers_kept(page, inputs):
    """The form still holds `inputs`, its result is the CLI's, and the address holds them again."""
    expect(page).to_have_url(ANSWERS)
    expect(page.locator('input[name="duration_months"]')).to_have_value(
        str(inputs["duration_months"])
    )
    expect(page.locator(f'input[name="severity"][value="{inputs["severity"]}"]')).to_be_checked()
    expect_cli_result(page, "msm", inputs)


def expect_stays_in_view(page, target):
    """`target` is in view once every handler has run, not just for a moment.

    Material may re-render the page for a same-page link; the restored form must not pull the
    reader back to itself.
    """
    page.wait_for_timeout(1500)  # past the page script's settle (300 ms) and link (1 s) windows
    expect(target).to_be_in_viewport()


# ---------------------------------------------------------------- one worker per tab


def test_instant_navigation_reuses_the_worker(page, base_url):
    workers = calc_workers(page)
    open_msm(page, base_url)
    fill(page, CASES["M1"])
    expect_cli_result(page, "msm", CASES["M1"])
    wasm = [u for u in page.requests if u.endswith(".wasm")]
    assert len(wasm) == 1

    page.get_by_role("link", name="About", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(page.locator("h1")).to_contain_text("About this site")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/staging/maudsley/"))
    expect(page.locator(FORM)).to_be_visible()

    page.focus('input[name="duration_months"]')
    # The kept worker is ready at once: no second download, no second start-up of Python.
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "ready", timeout=1000)
    fill(page, CASES["M7"])
    expect_cli_result(page, "msm", CASES["M7"])
    assert len(workers) == 1
    assert [u for u in page.requests if u.endswith(".wasm")] == wasm
    only_local(page, base_url)


def test_no_worker_on_a_page_without_a_calculator(page, base_url):
    workers = calc_workers(page)
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Home", exact=True).first.click()
    expect(page).to_have_url(base_url)
    page.wait_for_timeout(500)
    assert not workers
    assert not [u for u in page.requests if "pyodide" in u or u.endswith((".zip", ".bin"))]


def test_every_request_goes_to_the_local_server(page, base_url):
    open_msm(page, base_url)
    fill(page, CASES["M5"])
    expect_cli_result(page, "msm", CASES["M5"])
    page.get_by_role("link", name="Home", exact=True).first.click()
    expect(page).to_have_url(base_url)
    page.get_by_role("link", name="About", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    page.go_back()
    page.go_back()
    expect_cli_result(page, "msm", CASES["M5"])
    # The Content-Security-Policy allowed everything the site itself does, and nothing failed.
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
    assert not page.errors
    assert any(u.endswith(".wasm") for u in page.requests)
    assert any("/assets/snapshot-" in u for u in page.requests)  # Python's memory snapshot
    assert not any("/assets/stdlib-" in u for u in page.requests)  # not needed after it
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
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    tasks = page.evaluate("window.__longTasks")
    during = [duration for start, duration in tasks if start + duration >= started]
    assert all(duration <= 200 for duration in during), during


# ---------------------------------------------------------------- the link that holds the answers


def test_fragment_link_restores_inputs_and_result(page, base_url):
    inputs = CASES["M6"]
    open_msm(page, base_url, fragment_of(inputs))
    expect_cli_result(page, "msm", inputs)
    expect(page.locator('input[name="severity"][value="severe"]')).to_be_checked()
    expect(page.locator('input[name="failed_antidepressants"]')).to_have_value("5")
    expect(page.locator('input[name="augmentation"]')).to_be_checked()


def test_result_updates_the_link_and_back_forward_restore_it(page, base_url):
    first = CASES["M1"]
    open_msm(page, base_url)
    fill(page, first)
    expect_cli_result(page, "msm", first)
    expect(page).to_have_url(re.compile(r"duration_months=6&severity=subsyndromal"))

    # A worked-case link on the same page adds a history entry.
    page.get_by_role("link", name="Open this case (M6) in the calculator").click()
    worked = {
        "duration_months": 25,
        "severity": "severe",
        "failed_antidepressants": 5,
        "augmentation": True,
        "ect": False,
    }
    expect_cli_result(page, "msm", worked)

    page.go_back()
    expect_cli_result(page, "msm", first)
    expect(page.locator('input[name="severity"][value="subsyndromal"]')).to_be_checked()
    page.go_forward()
    expect_cli_result(page, "msm", worked)


def test_table_of_contents_link_keeps_the_answers(page, base_url):
    inputs = CASES["M6"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    page.locator(".md-sidebar--secondary").get_by_role("link", name="Pearls and pitfalls").click()
    expect_answers_kept(page, inputs)
    expect_stays_in_view(page, page.get_by_role("heading", name="Pearls and pitfalls"))
    page.go_back()
    expect_answers_kept(page, inputs)
    page.reload()
    expect_answers_kept(page, inputs)


def test_heading_permalink_keeps_the_answers(page, base_url):
    inputs = CASES["M4"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    page.locator("#a-worked-example .headerlink").click()
    expect_answers_kept(page, inputs)
    page.go_back()
    expect_answers_kept(page, inputs)


def test_result_tab_label_keeps_the_answers(page, base_url):
    inputs = CASES["M5"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    page.get_by_text("Plain language", exact=True).click()
    expect(page.locator('[data-calc-output="msm"] [data-slot="plain"]')).to_be_visible()
    expect_answers_kept(page, inputs)
    page.get_by_text("Clinical", exact=True).click()
    expect_answers_kept(page, inputs)


# Frames that come 400 ms late, as on a busy machine: the address waits for a frame.
LATE_FRAMES = """
const frame = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback) =>
  frame(() => setTimeout(() => frame(callback), 400));
"""


def test_answers_given_after_a_click_survive_a_late_address(page, base_url):
    """Answers given within 300 ms of a click stay, however late the frames.

    A click looks at the address 300 ms later (did a link change it?). The address then still
    held older answers, their update waiting for a frame: the page took them for a link's and
    put them back, undoing the reader's last answers (caught under CPU load).
    """
    page.add_init_script(LATE_FRAMES)
    open_msm(page, base_url)
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    inputs = {**CASES["M7"], "ect": True}
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')  # a click
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs["augmentation"])
    page.set_checked('input[name="ect"]', True)
    page.wait_for_timeout(1500)  # past every click's look at the address
    expect(page.locator('input[name="ect"]')).to_be_checked()
    expect(page.locator('input[name="failed_antidepressants"]')).to_have_value(
        str(inputs["failed_antidepressants"])
    )
    expect_cli_result(page, "msm", inputs)
    expect(page).to_have_url(re.compile(re.escape(fragment_of(inputs)) + "$"))


def test_error_state_scoring_table_link_and_back_keep_the_answers(page, base_url):
    page.route("**/*.wasm", lambda route: route.abort())
    inputs = CASES["M6"]
    open_msm(page, base_url, fragment_of(inputs))
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    status = page.locator(f'{FORM} [data-slot="status"]')
    expect(status).to_contain_text("scoring table")
    status.get_by_role("link", name="Go to the scoring table").click()
    expect_stays_in_view(page, page.locator("#calc-msm-scoring"))
    # The address holds the answers again, and so does the entry before it (Back).
    for back in (False, True):
        if back:
            page.go_back()
        expect(page).to_have_url(re.compile(re.escape(fragment_of(inputs)) + "$"))
        expect(page.locator('input[name="duration_months"]')).to_have_value("25")
        expect(page.locator('input[name="augmentation"]')).to_be_checked()
    # Typing still works and keeps what was typed; the page does not hang.
    page.fill('input[name="duration_months"]', "9")
    expect(page.locator('input[name="duration_months"]')).to_have_value("9")


# ---------------------------------------------------------------- failures and recovery


@pytest.mark.parametrize("fault", ["raise", "system_exit"])
def test_python_exception_clears_the_result_and_the_next_edit_computes(
    page, base_url, built_site, fault
):
    workers = calc_workers(page)
    serve_faulty_archive(page, built_site)
    inputs = CASES["M4"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    page.fill('input[name="duration_months"]', str(FAULTS[fault]))
    headline = page.locator('[data-calc-output="msm"] [data-slot="headline"]')
    expect(headline).to_contain_text("an error it did not expect")
    expect(page.locator(FORM)).not_to_have_attribute("data-calc-result", re.compile("."))
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "ready")
    expect(page.locator('[data-calc-output="msm"] .calc-result__tabs')).to_be_hidden()
    assert "Traceback" not in page.locator("article").inner_text()
    page.fill('input[name="duration_months"]', "14")
    expect_cli_result(page, "msm", {**inputs, "duration_months": 14})
    assert len(workers) == 1


def test_python_that_exits_is_replaced_on_the_next_edit(page, base_url, built_site):
    workers = calc_workers(page)
    serve_faulty_archive(page, built_site)
    inputs = CASES["M4"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    closed = []
    workers[0].on("close", lambda worker: closed.append(worker))  # noqa: PLW0108
    page.fill('input[name="duration_months"]', str(FAULTS["exit"]))
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "error")
    expect(page.locator(FORM)).not_to_have_attribute("data-calc-result", re.compile("."))
    text = page.locator("article").inner_text()
    assert "Program terminated" not in text
    assert "Traceback" not in text
    expect(page.locator(f'{FORM} [data-slot="status"]')).to_contain_text("calculator stopped")
    page.fill('input[name="duration_months"]', "14")
    expect_cli_result(page, "msm", {**inputs, "duration_months": 14})
    wait_until(page, lambda: len(workers) == 2)  # the event may come after the result
    assert closed == [workers[0]]


def test_hung_python_is_terminated_and_the_next_edit_starts_a_new_one(page, base_url, built_site):
    workers = calc_workers(page)
    serve_faulty_archive(page, built_site)
    set_limits(page, runTimeoutMs=4000)
    inputs = CASES["M2"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    closed = []
    workers[0].on("close", lambda worker: closed.append(worker))  # noqa: PLW0108
    page.fill('input[name="duration_months"]', str(FAULTS["hang"]))
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    expect(page.locator(f'{FORM} [data-slot="status"]')).to_contain_text("no sign of life")
    # The hung worker is gone, so it no longer keeps a CPU busy.
    wait_until(page, lambda: closed == [workers[0]])
    # The next edit starts a new worker and computes.
    page.fill('input[name="duration_months"]', "8")
    expect_cli_result(page, "msm", {**inputs, "duration_months": 8})
    wait_until(page, lambda: len(workers) == 2)  # the event may come after the result


def test_a_worker_that_dies_silently_is_replaced_by_try_again(page, base_url):
    workers = calc_workers(page)
    set_limits(page, runTimeoutMs=4000)
    inputs = CASES["M5"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    workers[0].evaluate("self.close()")
    page.fill('input[name="failed_antidepressants"]', "3")
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    expect(page.locator(FORM)).not_to_have_attribute("data-calc-result", re.compile("."))
    # "Try again" starts a new worker (never the dead one) and computes the answers as they are.
    page.locator(FORM).get_by_role("button", name="Try again").click()
    expect_cli_result(page, "msm", {**inputs, "failed_antidepressants": 3})
    wait_until(page, lambda: len(workers) == 2)  # the event may come after the result


def test_a_worker_that_crashes_is_replaced_at_once(page, base_url):
    workers = calc_workers(page)
    inputs = CASES["M5"]
    open_msm(page, base_url)
    fill(page, inputs)
    expect_cli_result(page, "msm", inputs)
    closed = []
    workers[0].on("close", lambda worker: closed.append(worker))  # noqa: PLW0108
    workers[0].evaluate("setTimeout(() => { throw new Error('crashed by the test'); })")
    wait_until(page, lambda: closed == [workers[0]])
    page.fill('input[name="failed_antidepressants"]', "4")
    expect_cli_result(page, "msm", {**inputs, "failed_antidepressants": 4})
    wait_until(page, lambda: len(workers) == 2)  # the event may come after the result


def test_blocked_wasm_gives_the_error_state(page, base_url):
    page.route("**/*.wasm", lambda route: route.abort())
    open_msm(page, base_url)
    page.focus('input[name="duration_months"]')
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    status = page.locator(f'{FORM} [data-slot="status"]')
    expect(status).to_contain_text("could not start")
    assert "Traceback" not in status.inner_text()
    status.get_by_role("link", name="Go to the scoring table").click()
    expect_stays_in_view(page, page.locator("#calc-msm-scoring"))


# ---------------------------------------------------------------- keyboard


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
    expect_cli_result(
        page,
        "msm",
        {
            "duration_months": 30,
            "severity": "severe",
            "failed_antidepressants": 11,
            "augmentation": False,
            "ect": True,
        },
    )


# ---------------------------------------------------------------- never a form sent to a server


def press_everything(page):
    """Type and press Enter in a field, then click every form button, as a reader might."""
    page.fill('input[name="duration_months"]', "14")
    page.press('input[name="duration_months"]', "Enter")
    page.check('input[name="severity"][value="mild"]')
    page.press('input[name="failed_antidepressants"]', "Enter")
    form = page.locator(FORM)
    form.get_by_role("button", name="Show the result").click(force=True)
    form.get_by_role("button", name="Clear").click(force=True)
    page.wait_for_timeout(500)


def expect_nothing_submitted(page, url):
    assert page.url == url
    queries = [u for u in page.requests if "?" in u]
    assert not queries, queries
    expect(page.get_by_role("button", name="Show the result")).to_be_disabled()
    expect(page.locator("#calc-msm-scoring table").first).to_be_visible()
    expect(page.get_by_role("cell", name="Sub-acute: 13 to 24 months")).to_be_visible()


def test_without_javascript_the_form_sends_nothing(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(base_url + PAGE)
        expect(page.locator(FORM)).to_have_attribute("data-calc-state", "static")
        expect(page.locator(".crisis-note")).to_be_visible()
        press_everything(page)
        expect_nothing_submitted(page, base_url + PAGE)
        page.goto(base_url + "staging/thase-rush/")
        expect(page.get_by_role("button", name="Add trial")).to_be_disabled()
    finally:
        context.close()


def test_when_the_page_script_fails_to_load_the_form_sends_nothing(page, base_url):
    page.route(re.compile(r".*/javascripts/calc[^/]*\.mjs$"), lambda r: r.fulfill(status=404))
    page.goto(base_url + PAGE)
    expect(page.locator(FORM)).to_have_attribute("data-calc-state", "static")
    press_everything(page)
    expect_nothing_submitted(page, base_url + PAGE)


def test_clear_empties_every_answer_and_the_link(page, base_url):
    page.goto(base_url + "staging/thase-rush/#failed_trials=ssri,snri")
    expect_cli_result(page, "thase_rush", {"failed_trials": ["ssri", "snri"]})
    page.locator('form[data-calc="thase_rush"]').get_by_role("button", name="Clear").click()
    expect(page.locator(".calc-list__item")).to_have_count(0)
    expect(page.locator('form[data-calc="thase_rush"]')).not_to_have_attribute(
        "data-calc-result", re.compile(".")
    )
    expect(page).not_to_have_url(re.compile("#"))
