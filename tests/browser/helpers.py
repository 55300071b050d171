"""What the browser tests share: waiting for a result, and routes that change what the page gets."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from playwright.sync_api import expect

import trdcalc
from tests.fault_archive import with_faults

if TYPE_CHECKING:
    from pathlib import Path

START_MS = 60_000  # generous: Python starts in 2-4 s here, 25 s on a machine shared by many tests
CONFIG = re.compile(r".*/javascripts/calc-config[^/]*\.mjs$")
ARCHIVE = re.compile(r".*/trdcalc-[^/]*\.zip$")
SNAPSHOT = re.compile(r".*/snapshot-[^/]*\.bin$")


def expect_cli_result(page, calc, inputs, timeout=START_MS):
    """Wait until the form's data-calc-result is the CLI's JSON for these inputs; return it."""
    text, code = trdcalc.run_json(calc, json.dumps(inputs))
    assert code == 0, text
    form = page.locator(f'form[data-calc="{calc}"]')
    expect(form).to_have_attribute("data-calc-result", text, timeout=timeout)
    return json.loads(text)


def set_limits(page, **limits):
    """Serve calc-config.mjs with other time limits (`stallTimeoutMs=2000`, `runTimeoutMs=...`)."""

    def handle(route):
        response = route.fetch()
        text = response.text()
        for key, value in limits.items():
            text, found = re.subn(rf'"{key}": \d+', f'"{key}": {value}', text)
            assert found == 1, f"{key} is not in calc-config.mjs"
        route.fulfill(response=response, body=text)

    page.route(CONFIG, handle)


def serve_faulty_archive(page, built_site: Path):
    """Serve the calculators' archive with the faults of tests/fault_archive.py.

    The snapshot (the package already imported) is served broken, so the worker falls back to
    the way that imports the package from its archive: the faulty one.
    """
    (archive,) = built_site.glob("assets/trdcalc-*.zip")  # the source zip
    body = with_faults(archive.read_bytes())
    page.route(ARCHIVE, lambda route: route.fulfill(body=body, content_type="application/zip"))
    page.route(SNAPSHOT, lambda route: route.fulfill(body=b"not a snapshot"))


def calc_workers(page):
    """Record the page's Python workers as they start (Playwright Worker objects)."""
    workers = []
    page.on("worker", lambda worker: "calc-worker" in worker.url and workers.append(worker))
    return workers


def show_clinical(out):
    """Open the clinical reading of a result panel, where its breakdown table and sources are.

    Pages on the patients' route (front matter `reading: plain`) open results on the plain one.
    """
    out.locator(".tabbed-labels").get_by_text("Clinical", exact=True).click()
    expect(out.locator('[data-slot="clinical"]')).to_be_visible()
