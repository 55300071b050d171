"""Content-hashed module names: dependency order, cycles, the worker URL pattern, pages."""

from __future__ import annotations

import re

import pytest

from build_tools import SiteError, hashing

MODULES = {
    "calc.mjs": (
        'import { config } from "./calc-config.mjs";\n'
        'import { KIND } from "./calc-protocol.mjs";\n'
        'const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url), '
        '{ type: "module" });\n'
    ),
    "calc-worker.mjs": (
        'import { config } from "./calc-config.mjs";\n'
        "import { KIND } from './calc-protocol.mjs';\n"
        'const { loadPyodide } = await import(new URL("pyodide.mjs", base).href);\n'
    ),
    "calc-protocol.mjs": "export const KIND = {};\n",
    "calc-config.mjs": 'export const config = { archive: "../assets/trdcalc-aaaa.zip" };\n',
    "calc-form.mjs": "export const form = 1; /** @param {import(`./calc-protocol.mjs`).X} x */\n",
}


def names_after(change: dict[str, str]) -> dict[str, str]:
    return hashing.hashed_names({**MODULES, **change})


def test_every_module_gets_a_name_from_its_contents():
    mapping = hashing.hashed_names(MODULES)
    assert set(mapping) == set(MODULES)
    for plain, hashed in mapping.items():
        assert re.fullmatch(re.escape(plain[:-4]) + r"\.[0-9a-f]{12}\.mjs", hashed)
    assert hashing.hashed_names(dict(reversed(MODULES.items()))) == mapping


def test_a_changed_leaf_renames_every_module_that_imports_it():
    before = hashing.hashed_names(MODULES)
    after = names_after({"calc-config.mjs": MODULES["calc-config.mjs"].replace("aaaa", "bbbb")})
    changed = {name for name in MODULES if before[name] != after[name]}
    # the config, the worker that imports it, and the page script that imports both
    assert changed == {"calc-config.mjs", "calc-worker.mjs", "calc.mjs"}


def test_a_changed_worker_renames_the_page_script_that_names_its_url():
    before = hashing.hashed_names(MODULES)
    after = names_after({"calc-worker.mjs": MODULES["calc-worker.mjs"] + "// changed\n"})
    assert {n for n in MODULES if before[n] != after[n]} == {"calc-worker.mjs", "calc.mjs"}


def test_rewrite_follows_every_way_a_module_names_another():
    mapping = hashing.hashed_names(MODULES)
    page_script = hashing.rewrite(MODULES["calc.mjs"], mapping)
    worker = hashing.rewrite(MODULES["calc-worker.mjs"], mapping)
    assert f'from "./{mapping["calc-config.mjs"]}"' in page_script
    assert f'new URL("./{mapping["calc-worker.mjs"]}", import.meta.url)' in page_script
    assert f"from './{mapping['calc-protocol.mjs']}'" in worker
    assert 'new URL("pyodide.mjs", base)' in worker  # not one of ours: left alone
    form = hashing.rewrite(MODULES["calc-form.mjs"], mapping)
    assert f"import(`./{mapping['calc-protocol.mjs']}`)" in form


def test_modules_in_a_cycle_share_a_hash_that_covers_all_of_them():
    cycle = {
        "a.mjs": 'import "./b.mjs";\n',
        "b.mjs": 'import "./a.mjs";\n',
        "c.mjs": 'import "./a.mjs";\n',
    }
    mapping = hashing.hashed_names(cycle)
    assert mapping["a.mjs"].split(".")[1] == mapping["b.mjs"].split(".")[1]
    changed = hashing.hashed_names({**cycle, "b.mjs": cycle["b.mjs"] + "//x\n"})
    assert all(changed[name] != mapping[name] for name in cycle)


@pytest.mark.parametrize(
    "literal", ['"calc-protocol.mjs"', '"../javascripts/calc-protocol.mjs"', "'/calc-protocol.mjs'"]
)
def test_a_module_named_another_way_stops_the_build(literal):
    problems = hashing.naming_problems({**MODULES, "calc-form.mjs": f"import {literal};\n"})
    assert len(problems) == 1
    assert "calc-form.mjs names calc-protocol.mjs" in problems[0]
    assert '"./calc-protocol.mjs"' in problems[0]


def test_hash_modules_renames_files_and_points_pages_at_them(tmp_path):
    (tmp_path / "javascripts").mkdir()
    for name, text in MODULES.items():
        (tmp_path / "javascripts" / name).write_text(text)
    page = tmp_path / "staging" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<script src="../javascripts/calc.mjs" type="module"></script>\n'
        '<script src="/javascripts/calc.mjs" type="module"></script>\n'
        '<link href="../assets/javascripts/calc.mjs"><p>javascripts/calc.mjs in text</p>\n'
    )
    mapping = hashing.hash_modules(tmp_path)
    assert sorted(p.name for p in (tmp_path / "javascripts").iterdir()) == sorted(mapping.values())
    html = page.read_text()
    assert html.count(f'javascripts/{mapping["calc.mjs"]}" type="module"') == 2
    assert '"../assets/javascripts/calc.mjs"' in html  # another folder: not ours
    assert "<p>javascripts/calc.mjs in text</p>" in html  # prose is not a reference


def test_hash_modules_refuses_a_module_it_could_not_rewrite(tmp_path):
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "calc.mjs").write_text(
        'new URL("calc-worker.mjs", import.meta.url)'
    )
    (tmp_path / "javascripts" / "calc-worker.mjs").write_text("")
    with pytest.raises(SiteError, match=r'write "\./calc-worker\.mjs"'):
        hashing.hash_modules(tmp_path)
    assert (tmp_path / "javascripts" / "calc.mjs").exists()  # nothing renamed
