"""Printing: a calculator result on one A4 page with its link as a QR code; link addresses."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result
from tests.conftest import load_cases

pytestmark = pytest.mark.browser
MSM = "staging/maudsley/"
OUT = '[data-calc-output="msm"]'
DECODER = Path(__file__).with_name("qr_decode.mjs")
INPUTS = {c["id"]: c["inputs"] for c in load_cases("msm")}["M4"]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def fill_msm(page, inputs):
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    page.set_checked('input[name="augmentation"]', inputs.get("augmentation", False))
    page.set_checked('input[name="ect"]', inputs.get("ect", False))


def decode_qr(page) -> str:
    """The text of the printout's QR code, read back by an independent decoder (jsQR in Node)."""
    svg = page.locator(f"{OUT} svg.calc-print__qr")
    size = int(svg.get_attribute("viewBox").split()[2])
    path = svg.locator("path").get_attribute("d")
    dark = [[int(x), int(y)] for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", path)]
    assert dark, "the QR code has no dark modules"
    node = shutil.which("node")
    assert node, "Node.js is required to decode the QR code"
    done = subprocess.run(
        [node, str(DECODER)],
        input=json.dumps({"size": size, "dark": dark}),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, f"jsQR could not read the code: {done.stderr}"
    return done.stdout


def test_msm_result_prints_on_one_a4_page_with_its_link_as_a_qr_code(page, base_url):
    page.goto(base_url + MSM)
    fill_msm(page, INPUTS)
    result = expect_cli_result(page, "msm", INPUTS)
    expect(page).to_have_url(re.compile(r"#duration_months="))
    page.emulate_media(media="print")
    out = page.locator(OUT)
    # The inputs, in words, as the reader gave them.
    answers = out.locator('[data-print="answers"]')
    expect(answers).to_be_visible()
    expect(answers.locator("dt").first).to_have_text("Duration of the current episode")
    expect(answers.locator("dd").first).to_contain_text(str(INPUTS["duration_months"]))
    expect(answers.locator("dt")).to_have_count(5)
    # The result, both reading levels and the sources.
    expect(out.locator('[data-slot="headline"]')).to_have_text(result["headline"])
    expect(out.locator('[data-slot="clinical"]')).to_be_visible()
    expect(out.locator('[data-slot="clinical"]')).to_contain_text(
        result["interpretation"]["clinical"]
    )
    expect(out.locator('[data-slot="plain"]')).to_be_visible()
    expect(out.locator('[data-slot="plain"]')).to_contain_text(result["interpretation"]["plain"])
    for source in result["sources"]:
        expect(out.locator(".calc-sources")).to_contain_text(source["citation"])
    # The link to these answers, written out and as a QR code that decodes to it.
    expect(out.locator("[data-print-url]")).to_have_text(page.url)
    expect(out.locator("svg.calc-print__qr")).to_be_visible()
    assert decode_qr(page) == page.url
    # The page title and the crisis note stay; the prose, the form, the navigation do not.
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("article .crisis-note")).to_be_visible()
    hidden = ['form[data-calc="msm"]', "#calc-msm-scoring", "#pearls-and-pitfalls"]
    hidden += [".md-header", ".md-sidebar--primary", ".md-footer", ".readers-cite"]
    for selector in hidden:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1
    assert not page.errors


def test_the_printout_follows_changed_answers(page, base_url):
    """A changed answer changes the printed answers, the link and the QR code."""
    page.goto(base_url + MSM)
    fill_msm(page, INPUTS)
    expect_cli_result(page, "msm", INPUTS)
    changed = {**INPUTS, "failed_antidepressants": INPUTS["failed_antidepressants"] + 3}
    page.fill('input[name="failed_antidepressants"]', str(changed["failed_antidepressants"]))
    expect_cli_result(page, "msm", changed)
    expect(page).to_have_url(
        re.compile(rf"failed_antidepressants={changed['failed_antidepressants']}")
    )
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    expect(page.locator(f"{OUT} [data-print-url]")).to_have_text(page.url)
    assert decode_qr(page) == page.url
    dd = page.locator(f'{OUT} [data-print="answers"] dd').nth(2)
    expect(dd).to_contain_text(str(changed["failed_antidepressants"]))
    assert not page.errors


def test_without_a_result_the_page_prints_whole_and_the_print_blocks_stay_off_screen(
    page, base_url
):
    page.goto(base_url + MSM)
    expect(page.locator('form[data-calc="msm"]')).to_be_visible()
    assert page.evaluate("document.documentElement.hasAttribute('data-calc-printing')") is False
    expect(page.locator("[data-print]")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator("#calc-msm-scoring table").first).to_be_visible()
    expect(page.locator("#pearls-and-pitfalls")).to_be_visible()
    page.emulate_media(media="screen")
    fill_msm(page, INPUTS)
    expect_cli_result(page, "msm", INPUTS)
    expect(page.locator("[data-print]")).to_have_count(2)
    for block in page.locator("[data-print]").all():
        expect(block).to_be_hidden()  # on screen the answers are in the form itself
    # The QR code is drawn for printing only: tens of milliseconds nobody asked for otherwise.
    expect(page.locator("svg.calc-print__qr")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("svg.calc-print__qr")).to_have_count(1)
    assert not page.errors


def link_suffix(page, selector) -> str:
    return page.locator(selector).first.evaluate("a => getComputedStyle(a, '::after').content")


def test_content_links_print_their_address_and_others_do_not(page, base_url):
    page.goto(base_url + "evidence/stard/")
    page.emulate_media(media="print")
    content_link = 'article p a[href*="references/#rush2006"]'
    href = page.locator(content_link).first.get_attribute("href")
    assert link_suffix(page, content_link) == f'" ({href})"'
    for selector in ["article a.headerlink", 'article .crisis-note a[href^="tel:"]']:
        assert link_suffix(page, selector) in ("none", "normal"), selector
    page.emulate_media(media="screen")
    assert link_suffix(page, content_link) in ("none", "normal")
    assert not page.errors
