"""What the browser tests share: the check that a form shows exactly the CLI's result."""

from __future__ import annotations

import json

from playwright.sync_api import expect

import trdcalc

START_MS = 30_000  # generous: Python starts in 2-4 s here


def expect_cli_result(page, calc, inputs, timeout=START_MS):
    """Wait until the form's data-calc-result is the CLI's JSON for these inputs; return it."""
    text, code = trdcalc.run_json(calc, json.dumps(inputs))
    assert code == 0, text
    form = page.locator(f'form[data-calc="{calc}"]')
    expect(form).to_have_attribute("data-calc-result", text, timeout=timeout)
    return json.loads(text)
