"""The strict build: what the hook publishes and renders, and what the built pages may load."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import trdcalc
from tests.conftest import ROOT

PYODIDE = "assets/pyodide-314.0.7"


class Elements(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(path.read_text())
    return parser.tags


def msm_page(site: Path) -> Path:
    return site / "staging" / "maudsley" / "index.html"


def test_form_follows_the_dom_contract(built_site):
    tags = elements(msm_page(built_site))
    forms = [a for t, a in tags if t == "form" and a.get("data-calc")]
    assert [f["data-calc"] for f in forms] == ["msm"]
    assert forms[0]["data-calc-state"] == "static"
    inputs = {}
    for tag, attrs in tags:
        if tag == "input" and attrs.get("name"):
            inputs.setdefault(attrs["name"], []).append(attrs)
    for field in trdcalc.get("msm").fields:
        found = inputs[field.name]
        expected = {
            "number": "number",
            "integer": "number",
            "choice": "radio",
            "boolean": "checkbox",
        }
        assert {a["type"] for a in found} == {expected[field.kind]}, field.name
        if field.kind == "choice":
            assert [a["value"] for a in found] == [o.value for o in field.options]


def test_every_input_has_a_label(built_site):
    html = msm_page(built_site).read_text()
    for match in re.finditer(r'<input class="calc-field__input"[^>]*id="([^"]+)"', html):
        assert f'for="{match.group(1)}"' in html
    # radios and checkboxes sit inside their <label>, grouped by a <fieldset> with a <legend>
    assert html.count("<fieldset") == html.count("<legend>") == len(trdcalc.get("msm").fields)


def test_static_table_lists_every_row_and_band(built_site):
    html = msm_page(built_site).read_text()
    table = html[html.index('id="calc-msm-scoring"') :]
    for field in trdcalc.get("msm").fields:
        for row in field.rows():
            assert f"<td>{row.label}</td>" in table, row.label
    for band in trdcalc.get("msm").bands:
        assert f"<td>{band.low} to {band.high}</td>" in table


def test_archive_is_content_hashed_and_holds_the_package(built_site):
    archives = list((built_site / "assets").glob("trdcalc-*.zip"))
    assert len(archives) == 1
    data = archives[0].read_bytes()
    digest = re.fullmatch(r"trdcalc-([0-9a-f]{12})\.zip", archives[0].name).group(1)
    assert hashlib.sha256(data).hexdigest()[:12] == digest
    with zipfile.ZipFile(archives[0]) as archive:
        names = set(archive.namelist())
    assert {"trdcalc/__init__.py", "trdcalc/msm.py", "trdcalc/schema.py"} <= names
    config = (built_site / "javascripts" / "calc-config.mjs").read_text()
    assert f"../assets/{archives[0].name}" in config


def test_only_the_needed_pyodide_files_are_published(built_site):
    published = sorted(p.name for p in (built_site / PYODIDE).iterdir())
    expected = ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"]
    assert published == expected
    for name in expected:
        source = ROOT / "node_modules" / "pyodide" / name
        assert (built_site / PYODIDE / name).read_bytes() == source.read_bytes()


def test_pages_load_nothing_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        for tag, attrs in elements(page):
            # A canonical or alternate <link> names an address; it loads nothing.
            loads = tag == "link" and attrs.get("rel") not in ("canonical", "alternate")
            url = (attrs.get("href") if loads else attrs.get("src")) or ""
            assert not re.match(r"(https?:)?//", url), f"{page}: <{tag} {url}>"
        assert "fonts.googleapis" not in page.read_text()


def test_every_page_shows_the_crisis_note(built_site):
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    assert pages
    for page in pages:
        assert 'class="crisis-note"' in page.read_text(), page


def test_worker_is_referenced_only_by_the_page_script(built_site):
    scripts = built_site / "javascripts"
    assert "calc-worker.mjs" in (scripts / "calc-client.mjs").read_text()
    for page in built_site.rglob("*.html"):
        assert "calc-worker" not in page.read_text()


def test_unknown_calculator_id_fails_the_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    for name in ("mkdocs.yml", "hooks", "overrides", "calculators", "includes"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n<!-- calc:form no_such_calc -->\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode != 0
    assert "no_such_calc" in done.stderr
    assert "about.md" in done.stderr


def test_config_carries_the_lock_info_so_no_lock_file_is_fetched(built_site):
    text = (built_site / "javascripts" / "calc-config.mjs").read_text()
    body = text[text.index("{") : text.rindex("}") + 1]
    config = json.loads(body)
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    assert config["lockInfo"] == lock["info"]
    assert config["pyodideDir"] == f"../{PYODIDE}/"


def test_every_page_has_a_policy_covering_its_inline_scripts(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text()
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert match, page
        policy = match.group(1)
        assert "default-src 'self'" in policy
        assert "script-src 'self' 'wasm-unsafe-eval'" in policy
        assert text.index("Content-Security-Policy") < text.index("<script")
        for body in re.findall(r"<script>(.*?)</script>", text, re.DOTALL):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy, page
