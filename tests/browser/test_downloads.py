"""Python's downloads on slow and failing lines, in Chromium on the MSM page.

Progress is shown, only silence times out, and a retry never fetches again what already arrived.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import SNAPSHOT, START_MS, set_limits

pytestmark = pytest.mark.browser

PAGE = "staging/maudsley/"
FORM = 'form[data-calc="msm"]'
FIGURES = re.compile(r"^(\d+\.\d) of (\d+\.\d) MB$")
WASM = r"\.wasm$"
SNAPSHOT_FILE = r"/assets/snapshot-[0-9a-f]{12}\.bin$"
BIG_FILES = (WASM, SNAPSHOT_FILE)


def requested(page, pattern):
    return [url for url in page.requests if re.search(pattern, url)]


def throttle(page, bytes_per_second):
    """Slow the page's network down with Chromium's own throttling (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 50,
            "downloadThroughput": bytes_per_second,
            "uploadThroughput": bytes_per_second,
        },
    )


def published_megabytes(built_site) -> str:
    """The total the page should announce: the sizes calc-config.mjs lists, in MB to one place."""
    (config,) = built_site.glob("javascripts/calc-config*.mjs")
    sizes = re.findall(r'"bytes": (\d+)', config.read_text())
    assert len(sizes) == 2, sizes
    return f"{sum(map(int, sizes)) / 1e6:.1f}"


def test_a_slow_line_shows_progress_and_does_not_time_out_while_bytes_arrive(
    page, base_url, built_site
):
    stall_ms = 3000
    set_limits(page, stallTimeoutMs=stall_ms)
    throttle(page, 600_000)  # about 9 s for the 5 MB on the wire, more than two stall limits
    page.goto(base_url + PAGE)
    form = page.locator(FORM)
    page.focus('input[name="duration_months"]')
    seen = []  # (seconds, "4.1 of 12.2 MB") each time the figures change
    deadline = time.monotonic() + 2 * START_MS / 1000
    while form.get_attribute("data-calc-state") in ("static", "loading"):
        figures = form.locator('[data-slot="figures"]')
        text = figures.text_content() if figures.count() else None
        if text and (not seen or seen[-1][1] != text):
            seen.append((time.monotonic(), text))
        page.wait_for_timeout(200)
        assert time.monotonic() < deadline, seen
    expect(form).to_have_attribute("data-calc-state", "ready")
    loaded = [float(FIGURES.match(text).group(1)) for _, text in seen]
    totals = {FIGURES.match(text).group(2) for _, text in seen}
    assert len(loaded) >= 5, seen
    assert loaded == sorted(loaded), seen
    assert totals == {published_megabytes(built_site)}, seen
    downloading = seen[-1][0] - seen[0][0]
    assert downloading > 2 * stall_ms / 1000, "the download should outlast the stall limit"
    expect(form.locator("progress")).to_have_count(0)  # gone once Python is ready


def test_a_retry_after_a_failed_download_fetches_only_what_is_missing(page, base_url):
    attempts = []

    def snapshot(route):
        attempts.append(route.request.url)
        if len(attempts) == 1:
            route.abort()
        else:
            route.continue_()

    page.route(SNAPSHOT, snapshot)
    page.goto(base_url + PAGE)
    form = page.locator(FORM)
    page.focus('input[name="duration_months"]')
    expect(form).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    status = form.locator('[data-slot="status"]')
    expect(status).to_contain_text("could not be downloaded")
    for ending in BIG_FILES:
        assert len(requested(page, ending)) == 1, ending
    status.get_by_role("button", name="Try again").click()
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    # The retry asked again for the snapshot that failed, and for nothing that had arrived.
    assert len(attempts) == 2
    assert len(requested(page, WASM)) == 1


def test_a_download_that_stops_times_out_and_a_retry_keeps_what_arrived(page, base_url):
    set_limits(page, stallTimeoutMs=2000)
    held = []
    page.route(SNAPSHOT, lambda route: held.append(route))  # noqa: PLW0108 - never answered
    page.goto(base_url + PAGE)
    form = page.locator(FORM)
    page.focus('input[name="duration_months"]')
    expect(form).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    expect(form.locator('[data-slot="status"]')).to_contain_text("nothing arrived for 2 s")
    page.unroute(SNAPSHOT)
    form.get_by_role("button", name="Try again").click()
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    assert len(requested(page, SNAPSHOT_FILE)) == 2  # the one that stopped, and the retry
    assert len(requested(page, WASM)) == 1
