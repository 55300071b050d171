"""Teaching-case links open their calculators with the case filled in, in Chromium."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

import trdcalc
from tests.browser.helpers import START_MS

pytestmark = pytest.mark.browser


def case_links(page, base_url, path):
    page.goto(base_url + path)
    hrefs = page.locator("article a[href*='=']").evaluate_all("links => links.map(a => a.href)")
    return [h for h in hrefs if urlsplit(h).fragment and "=" in urlsplit(h).fragment]


@pytest.mark.parametrize("path", ["instructors/", "staging/maudsley/"])
def test_case_links_fill_the_calculator(page, base_url, path):
    links = case_links(page, base_url, path)
    if path == "instructors/":
        assert len(links) >= 3, "the instructors page has at least three linked teaching cases"
    assert links
    for href in links:
        page.goto("about:blank")  # a fresh load each time, not a same-page fragment change
        page.goto(urljoin(base_url, href))
        form = page.locator("form[data-calc]")
        expect(form).to_have_attribute("data-calc-result", re.compile("."), timeout=START_MS)
        result = json.loads(form.get_attribute("data-calc-result"))
        wanted = dict(parse_qsl(urlsplit(href).fragment))
        for name, text in wanted.items():
            got = result["inputs"][name]
            assert _given_in(_read(text, got), got), (href, name)
        text, code = trdcalc.run_json(result["calculator"], json.dumps(result["inputs"]))
        assert code == 0
        assert form.get_attribute("data-calc-result") == text


def _given_in(given, got):
    """The link's value is what the calculator read; list items may gain defaulted answers."""
    if isinstance(given, list) and given and isinstance(given[0], dict):
        return len(given) == len(got) and all(
            g.items() <= item.items() for g, item in zip(given, got, strict=True)
        )
    return given == got


def _read(text, like):
    """A fragment value read as the calculator reads it, shaped like the value it produced."""
    if isinstance(like, bool):
        return text == "true"
    if isinstance(like, list):
        return json.loads(text) if text.startswith("[") else text.split(",")
    if isinstance(like, (int, float)):
        number = float(text)
        return int(number) if number.is_integer() else number
    return text
