"""What the built site gives the page script.

The download list with true sizes, the time limits, and forms that cannot be submitted before the
script runs.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser


def runtime_config(built_site):
    (path,) = (built_site / "javascripts").glob("calc-config.*.mjs")  # content-hashed name
    text = path.read_text()
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def test_downloads_name_the_big_files_with_their_sizes(built_site):
    config = runtime_config(built_site)
    scripts = built_site / "javascripts"
    names = []
    for entry in config["downloads"]:
        path = (scripts / entry["url"]).resolve()
        assert path.is_file(), entry
        assert path.stat().st_size == entry["bytes"], entry
        names.append(path.name)
    assert names[0] == "pyodide.asm.wasm"
    assert config["downloads"][0]["worker"] is True  # fetched by the worker, by its URL
    assert re.fullmatch(r"snapshot-[0-9a-f]{12}\.bin", names[1])
    # the page downloads only the snapshot; the other ways' files are fetched if they are needed
    assert [entry["url"] for entry in config["downloads"][1:]] == [config["snapshot"]]
    for other in ("stdlib", "compiledArchive", "archive"):
        assert (scripts / config[other]).resolve().is_file(), other


def test_time_limits_are_set(built_site):
    config = runtime_config(built_site)
    assert config["stallTimeoutMs"] >= 10_000
    assert config["runTimeoutMs"] >= 5_000
    assert "startTimeoutMs" not in config


class FormButtons(HTMLParser):
    """Collects each calculator form's method and the buttons inside it."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-calc" in attrs:
            self.forms.append({"method": attrs.get("method"), "buttons": []})
            self.depth = 1
        elif tag == "form" and self.depth:
            self.depth += 1
        elif tag == "button" and self.depth and self.needs_script(attrs):
            self.forms[-1]["buttons"].append(attrs)

    @staticmethod
    def needs_script(attrs):
        """Submit, Clear and Add: the buttons that do something (the item buttons are cloned)."""
        return attrs.get("type") in ("submit", "reset") or attrs.get("data-list") == "add"

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth -= 1


def test_no_form_can_be_sent_before_the_script_runs(built_site):
    forms = []
    for page in built_site.rglob("*.html"):
        parser = FormButtons()
        parser.feed(page.read_text())
        forms += parser.forms
    assert len(forms) >= 11
    for form in forms:
        assert form["method"] == "dialog"
        assert form["buttons"]
        for button in form["buttons"]:
            assert "disabled" in button, button
            assert "data-needs-script" in button, button
