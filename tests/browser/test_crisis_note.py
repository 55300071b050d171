"""The crisis note and the review date in Chromium, on a 390 px phone screen and on a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NUMBERS = ["988", "9-8-8", "116 123", "13 11 14", "112", "findahelpline.com"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["", "staging/maudsley/", "help/"])
def test_every_number_is_visible_first_on_a_phone(phone, base_url, path):
    phone.goto(base_url + path)
    note = phone.locator(".crisis-note")
    expect(note).to_be_visible()
    for number in NUMBERS:
        expect(note.get_by_text(number, exact=False).first).to_be_visible()
    box = note.bounding_box()
    heading = phone.locator("article h1").bounding_box()
    assert box["y"] < heading["y"], "the note comes before the page's heading"
    # compact: the whole note fits in the top half of the screen, and nothing scrolls sideways
    assert box["y"] + box["height"] < PHONE["height"] / 2, box
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for item in note.locator("li").all():
        item_box = item.bounding_box()
        assert item_box["x"] >= 0
        assert item_box["x"] + item_box["width"] <= PHONE["width"], item.text_content()


def test_the_note_leads_to_the_help_page(page, base_url):
    page.goto(base_url + "understanding/definitions/")
    page.locator(".crisis-note").get_by_role("link", name="Getting help now").click()
    expect(page).to_have_url(base_url + "help/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Getting help now")
    expect(page.get_by_role("link", name="988", exact=True).first).to_have_attribute(
        "href", "tel:988"
    )


def test_the_review_date_is_shown_after_the_content(page, base_url):
    page.goto(base_url + "beyond/bipolar/")
    reviewed = page.locator(".page-reviewed")
    expect(reviewed).to_contain_text("Last reviewed: 30 November 2026")
    expect(reviewed.locator("time")).to_have_attribute("datetime", "2026-11-30")
    reviewed.get_by_role("link").click()
    expect(page).to_have_url(base_url + "about/#reviewed")
