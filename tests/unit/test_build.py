"""The strict build: what the extension renders and the post-build step publishes.

Also what the built pages may load.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import brotli

import trdcalc
from tests.conftest import ROOT

PYODIDE_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"]


def pyodide_dir(site: Path) -> Path:
    (found,) = (site / "assets").glob("pyodide-314.0.7-*")
    return found


def module(site: Path, stem: str) -> Path:
    """The one published `javascripts/STEM.<hash>.mjs`."""
    (found,) = (site / "javascripts").glob(f"{stem}.*.mjs")
    return found


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
    config = module(built_site, "calc-config").read_text()
    assert f"../assets/{archives[0].name}" in config


def test_only_the_needed_pyodide_files_are_published(built_site):
    folder = pyodide_dir(built_site)
    published = sorted(p.name for p in folder.iterdir() if p.suffix not in (".br", ".gz"))
    assert published == PYODIDE_FILES
    digest = hashlib.sha256()
    for name in ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]:
        source = ROOT / "node_modules" / "pyodide" / name
        assert (folder / name).read_bytes() == source.read_bytes()
        digest.update(name.encode() + b"\0" + hashlib.sha256(source.read_bytes()).digest())
    assert folder.name == f"pyodide-314.0.7-{digest.hexdigest()[:12]}"


def test_pages_load_nothing_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        for tag, attrs in elements(page):
            # A canonical or alternate <link> names an address; it loads nothing.
            loads = tag == "link" and attrs.get("rel") not in ("canonical", "alternate")
            url = (attrs.get("href") if loads else attrs.get("src")) or ""
            assert not re.match(r"(https?:)?//", url), f"{page}: <{tag} {url}>"
        assert "fonts.googleapis" not in page.read_text()


# The crisis numbers every page shows, exactly as the crisis-resources sources give them.
CRISIS_NUMBERS = ["988", "9-8-8", "116 123", "13 11 14", "112", "findahelpline.com"]


def crisis_note(html: str) -> str:
    """The page's crisis note, as HTML."""
    match = re.search(r'<aside class="crisis-note".*?</aside>', html, re.DOTALL)
    assert match, "no crisis note"
    return match.group(0)


def test_every_page_shows_the_crisis_note(built_site):
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    assert pages
    help_page = built_site / "help" / "index.html"
    for page in pages:
        html = page.read_text()
        assert html.index('class="crisis-note"') < html.index("<h1"), page
        note = crisis_note(html)
        text = re.sub(r"<[^>]+>", " ", note)
        missing = [
            n for n in CRISIS_NUMBERS if not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
        ]
        assert not missing, (page, missing)
        # ... and it links to the page that says what each line is
        targets = [
            (page.parent / href / "index.html").resolve()
            for href in re.findall(r'href="([^":]*/)"', note)
        ]
        assert help_page.resolve() in targets, page


def test_the_home_page_says_how_much_a_first_calculator_downloads(built_site):
    """The figure readers on a metered line see is the compressed size of what Python needs."""
    folder = pyodide_dir(built_site)
    files = [folder / name for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")]
    files += list((built_site / "assets").glob("snapshot-*.bin"))
    megabytes = sum(Path(f"{file}.br").stat().st_size for file in files) / 1e6
    home = (built_site / "index.html").read_text()
    said = re.search(r"Pyodide, about (\d+) MB the\s+first time", home)
    assert said, "the home page no longer says how much Python downloads"
    assert int(said.group(1)) == round(megabytes), megabytes


def test_worker_is_referenced_only_by_the_page_script(built_site):
    worker = module(built_site, "calc-worker")
    client = module(built_site, "calc-client").read_text()
    assert f'new URL("./{worker.name}", import.meta.url)' in client
    for page in built_site.rglob("*.html"):
        assert "calc-worker" not in page.read_text()


def test_config_carries_the_lock_info_so_no_lock_file_is_fetched(built_site):
    text = module(built_site, "calc-config").read_text()
    body = text[text.index("{") : text.rindex("}") + 1]
    config = json.loads(body)
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    assert config["lockInfo"] == lock["info"]
    assert config["pyodideDir"] == f"../assets/{pyodide_dir(built_site).name}/"


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


def test_pages_load_the_content_hashed_page_script(built_site):
    script = module(built_site, "site")  # imports the calculators' page script when needed
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.mjs", script.name)
    assert f'import("./{module(built_site, "calc").name}")' in script.read_text()
    for page in built_site.rglob("*.html"):
        sources = [a.get("src") or "" for t, a in elements(page) if t == "script"]
        assert [s for s in sources if s.endswith(f"javascripts/{script.name}")], page
        assert not [s for s in sources if s.endswith("javascripts/site.mjs")], page
    plain = [p.name for p in (built_site / "javascripts").glob("*.mjs") if p.name.count(".") < 2]
    assert not plain, "every module has a content-hashed name"


def test_every_module_a_module_names_is_published(built_site):
    modules = list((built_site / "javascripts").glob("*.mjs"))
    named = set()
    for path in modules:
        for name in re.findall(r"""["']\./([\w.-]+\.mjs)["']""", path.read_text()):
            assert (path.parent / name).is_file(), f"{path.name} names {name}"
            named.add(name)
    assert {
        module(built_site, s).name for s in ("calc-config", "calc-protocol", "calc-worker")
    } <= (named)


def test_form_carries_the_digest_of_the_package_it_was_rendered_from(built_site):
    config = module(built_site, "calc-config").read_text()
    digest = re.search(r'"packageDigest": "([0-9a-f]{12})"', config).group(1)
    (archive,) = (built_site / "assets").glob("trdcalc-*.zip")
    assert archive.name == f"trdcalc-{digest}.zip"
    forms = [a for t, a in elements(msm_page(built_site)) if t == "form" and a.get("data-calc")]
    assert forms[0]["data-calc-package"] == digest


def test_headers_file_carries_the_policy_and_the_immutable_files(built_site):
    text = (built_site / "_headers").read_text()
    policy = re.search(
        r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
        (built_site / "index.html").read_text(),
    ).group(1)
    assert f"/*\n  Content-Security-Policy: {policy}\n" in text
    immutable = re.findall(
        r"^(/\S+)\n  Cache-Control: public, max-age=31536000, immutable$", text, re.MULTILINE
    )
    expected = {f"/javascripts/{p.name}" for p in (built_site / "javascripts").glob("*.mjs")}
    expected |= {f"/assets/{p.name}" for p in (built_site / "assets").glob("trdcalc-*.zip")}
    expected.add(f"/assets/{pyodide_dir(built_site).name}/*")
    assert expected <= set(immutable)
    assert not [p for p in immutable if p.endswith((".html", "/", "calc.css"))]


def test_large_files_have_brotli_and_gzip_copies(built_site):
    wasm = pyodide_dir(built_site) / "pyodide.asm.wasm"
    raw = wasm.read_bytes()
    packed_br = wasm.with_name(wasm.name + ".br").read_bytes()
    packed_gz = wasm.with_name(wasm.name + ".gz").read_bytes()
    assert brotli.decompress(packed_br) == raw
    assert gzip.decompress(packed_gz) == raw
    assert len(packed_br) < len(packed_gz) < len(raw) / 2
    page = msm_page(built_site)
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
    # Already compressed: no copy that would only cost space.
    assert not (pyodide_dir(built_site) / "python_stdlib.zip.br").exists()
    small = [p for p in built_site.rglob("*") if p.is_file() and p.stat().st_size < 1024]
    assert small
    assert not [p for p in small if p.with_name(p.name + ".br").exists()]
