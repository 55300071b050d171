"""The harms table prints: it fits an A4 page's width, no cell is cut off, no row splits."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser
PAGE = "treatment/harms/"
# A4 (210 mm) less the 12 mm margins of print-harms.css, in CSS pixels (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)


def test_harms_table_fits_the_printed_page(page, base_url):
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.goto(base_url + PAGE)
    page.emulate_media(media="print")
    layout = page.locator(".harms-table table").evaluate(
        """table => ({
          right: table.getBoundingClientRect().right,
          width: document.documentElement.clientWidth,
          pageScroll: document.documentElement.scrollWidth,
          clipped: [...table.querySelectorAll("th, td")]
            .filter(cell => cell.scrollWidth > cell.clientWidth + 1).length,
          rows: table.querySelectorAll("tbody tr").length,
          splitRows: [...table.querySelectorAll("tr")]
            .filter(row => getComputedStyle(row).breakInside !== "avoid").length,
        })"""
    )
    assert layout["rows"] > 0
    assert layout["right"] <= layout["width"], layout
    assert layout["pageScroll"] <= layout["width"], layout
    assert layout["clipped"] == 0, layout
    assert layout["splitRows"] == 0, "a row may break across two printed pages"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
    assert not page.errors
