"""The early start of Python: which pages get the script, and which modules it preloads."""

from __future__ import annotations

import re

from build_tools import early_start

MODULES = {
    "calc-early.mjs": 'import { startEarly } from "./calc-client.mjs";\nstartEarly();\n',
    "calc-client.mjs": (
        'import { config } from "./calc-config.mjs";\n'
        "import {\n  CAUSE,\n  KIND,\n} from './calc-protocol.mjs';\n"
        'const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url));\n'
        'const later = () => import("./calc-svg.mjs");\n'
    ),
    "calc-config.mjs": "export const config = {};\n",
    "calc-protocol.mjs": 'export * from "./calc-names.mjs";\n',
    "calc-names.mjs": "export const CAUSE = {}, KIND = {};\n",
    "calc-worker.mjs": 'import "./calc-python.mjs";\n',
    "calc-python.mjs": "",
    "calc-svg.mjs": "",
}
PAGE = (
    "<html><head><title>t</title></head><body>{form}"
    '<script type="module" src="../../javascripts/site.0123456789ab.mjs"></script></body></html>'
)
FORM = '<form data-calc="msm" class="calc-form"></form>'


def test_the_closure_follows_static_imports_only():
    closure = early_start.import_closure("calc-early.mjs", MODULES)
    assert closure[0] == "calc-early.mjs"
    assert set(closure) == {
        "calc-early.mjs",
        "calc-client.mjs",
        "calc-config.mjs",
        "calc-protocol.mjs",
        "calc-names.mjs",  # through `export * from`
    }  # not the worker (`new URL`) nor a module imported later (`import()`)


def test_a_calculator_page_gets_the_script_and_its_preloads_in_its_head():
    modules = early_start.import_closure("calc-early.mjs", MODULES)
    html = early_start.with_early_start(PAGE.format(form=FORM), modules)
    head = html.split("</head>")[0]
    assert '<script type="module" async src="../../javascripts/calc-early.mjs"></script>' in head
    preloaded = re.findall(r'<link rel="modulepreload" href="\.\./\.\./javascripts/([^"]+)">', head)
    assert sorted(preloaded) == sorted(modules[1:])
    assert early_start.with_early_start(html, modules) == html  # once only


def test_a_page_without_a_calculator_gets_nothing():
    modules = early_start.import_closure("calc-early.mjs", MODULES)
    page = PAGE.format(form="<p>data-calc= in prose is not a form</p>")
    assert early_start.with_early_start(page, modules) == page


def test_the_built_site_starts_early_on_calculator_pages_only(built_site):
    pages = list(built_site.rglob("*.html"))
    with_form = [p for p in pages if early_start.CALCULATOR_FORM.search(p.read_text())]
    assert len(with_form) >= 11
    for page in pages:
        html = page.read_text()
        head = html.split("</head>")[0]
        scripts = re.findall(r'<script type="module" async src="([^"]+calc-early[^"]+)"', head)
        assert len(scripts) == (1 if page in with_form else 0), page
        for url in scripts + re.findall(r'rel="modulepreload" href="([^"]+)"', head):
            assert (page.parent / url).resolve().is_file(), (page, url)
