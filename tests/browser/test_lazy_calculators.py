"""Pages without a calculator fetch no calculator file; instant navigation still mounts forms.

The one site-wide script (site.mjs) imports the calculators' page script only when a page shown
has a calculator form, so a plain page costs no calculator byte, while a calculator page reached
by Material's instant navigation from a plain one still comes to life.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import START_MS, expect_cli_result
from tests.conftest import load_cases

pytestmark = pytest.mark.browser

CALCULATOR_FILES = re.compile(
    r"/javascripts/calc[-.]|/assets/(pyodide-|stdlib-|bytecode/|trdcalc-|snapshot-)"
)


def calculator_bytes(responses) -> int:
    """Bytes received for calculator files (scripts, worker, Pyodide, archives)."""
    total = 0
    for response in responses:
        if CALCULATOR_FILES.search(response.url):
            sizes = response.request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def record(page) -> list:
    responses: list = []
    page.on("requestfinished", lambda request: responses.append(request.response()))
    return responses


def test_a_page_without_a_calculator_fetches_no_calculator_file(page, base_url):
    responses = record(page)
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert any("/javascripts/site." in r.url for r in responses)  # the loader ran
    assert calculator_bytes(responses) == 0
    assert not [r.url for r in responses if CALCULATOR_FILES.search(r.url)]


def test_instant_navigation_from_a_plain_page_mounts_the_calculator(page, base_url):
    responses = record(page)
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    assert calculator_bytes(responses) == 0
    # Material's instant navigation: the search-free way there is the page's own link.
    page.evaluate(
        """(url) => {
          const link = document.createElement("a");
          link.href = url;
          link.textContent = "to the calculator";
          document.querySelector("article").append(link);
        }""",
        base_url + "staging/maudsley/",
    )
    page.get_by_role("link", name="to the calculator").click()
    expect(page).to_have_url(re.compile(r"/staging/maudsley/$"))
    form = page.locator('form[data-calc="msm"]')
    expect(form).to_be_visible()
    inputs = load_cases("msm")[0]["inputs"]
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs.get("augmentation", False))
    page.set_checked('input[name="ect"]', inputs.get("ect", False))
    expect_cli_result(page, "msm", inputs, timeout=START_MS)
    navigations = [r for r in responses if r.request.is_navigation_request()]
    assert len(navigations) == 1, "the calculator page was reached by instant navigation"
    assert calculator_bytes(responses) > 0
