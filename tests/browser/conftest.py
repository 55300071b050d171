"""Browser fixtures: the built site on a local server and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import sync_playwright

from tests.local_site import CHROMIUM_ARGS, chromium_path

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="session")
def base_url(site_server: tuple[Path, str]) -> str:
    """The address of the built site on its local server."""
    return site_server[1]


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    assert os.path.exists(executable), "Debian chromium is required: run `make setup`"  # noqa: PTH110
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh profile (cold cache) per test."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that records every request URL and every uncaught page error."""
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.console_errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page
