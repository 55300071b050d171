"""`<!-- calc:cases ID -->`: a calculator's worked cases, computed from its case file at build time.

The case files (tests/cases/ID.json) are the one list of worked and boundary cases: the unit tests,
the Pyodide parity test and the pages read the same file. A case marked `"page": true` is shown on
its calculator's page with its `title` (or its id), its answers in words, the result the
calculator gives now (never typed by hand), the case's `note` on what it shows, and a link that
fills the form with it. So a page cannot show a worked case that the code would answer
differently (issue 10, item 3).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from build_tools import calc_markers
from build_tools.package import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from build_tools.calc_markers import RenderContext

CASES_DIR = ROOT / "tests" / "cases"


def page_cases(calc_id: str, cases_dir: Path = CASES_DIR) -> list[dict[str, Any]]:
    """The cases of one calculator that its page shows, in file order."""
    data = json.loads((cases_dir / f"{calc_id}.json").read_text(encoding="utf-8"))
    return [case for case in data["cases"] if case.get("page")]


def fragment(calc: Any, inputs: dict[str, Any]) -> str:
    """The link fragment the page script reads, in the spelling the page writes.

    Lists of choices or numbers are comma-joined, lists of objects are JSON, booleans are
    true or false.
    """
    kinds = {f.name: f for f in calc.fields}
    params = []
    for name, value in inputs.items():
        if isinstance(value, list):
            objects = kinds[name].item_kind == "object"
            text = (
                json.dumps(value, separators=(",", ":")) if objects else ",".join(map(str, value))
            )
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        params.append((name, text))
    return urlencode(params)


def answers_in_words(calc: Any, inputs: dict[str, Any]) -> str:
    """Each answer given, by the field's label, in the order of the form."""
    parts = []
    for f in calc.fields:
        if f.name not in inputs:
            continue
        parts.append(f"{f.label}: {_value_in_words(f, inputs[f.name])}")
    return "; ".join(parts)


def _value_in_words(f: Any, value: Any) -> str:
    if isinstance(value, list):
        if not value:
            return "none"
        if f.item_kind == "object":
            return " | ".join(_item_in_words(f, item) for item in value)
        return ", ".join(_option_label(f, v) for v in value)
    if f.kind in ("choice", "boolean") and f.options:
        return _option_label(f, value)
    if f.kind == "boolean":
        return "yes" if value else "no"
    unit = "" if f.unit and f.unit in f.label.lower() else f.unit_text()
    return f"{value}{unit}"


def _item_in_words(f: Any, item: dict[str, Any]) -> str:
    subs = {sub.name: sub for sub in f.item_fields}
    return ", ".join(
        f"{subs[k].label.lower()} {_value_in_words(subs[k], v)}" for k, v in item.items()
    )


def _option_label(f: Any, value: Any) -> str:
    return next((o.label for o in f.options if o.value == value), str(value))


def page_columns(calc_id: str, cases_dir: Path = CASES_DIR) -> list[str]:
    """Result rows (detail keys) the page shows as columns beside each case's headline.

    A case file may name them in `"page_columns"`, so a table can set two definitions' verdicts
    side by side; each cell is still the calculator's own answer, computed at build time.
    """
    data = json.loads((cases_dir / f"{calc_id}.json").read_text(encoding="utf-8"))
    return list(data.get("page_columns", []))


def _detail_values(result: dict[str, Any], keys: list[str], where: str) -> list[tuple[str, str]]:
    """(label, value) of each named result row; a missing key stops the build."""
    details = {d["key"]: d for d in result["details"]}
    missing = [key for key in keys if key not in details]
    if missing:
        msg = f"{where}: page_columns names result rows it does not have: {missing}"
        raise calc_markers.MarkerError(msg)
    return [(details[key]["label"], details[key]["value"]) for key in keys]


@calc_markers.marker("cases")
def render_cases(context: RenderContext, calc_id: str) -> str:
    calc = context.package.module.CALCULATORS[calc_id]
    keys = page_columns(calc_id)
    rows = []
    for case in page_cases(calc_id):
        result = context.package.module.run(calc_id, case["inputs"])
        rows.append(
            {
                "id": case.get("title", case["id"]),
                "answers": answers_in_words(calc, case["inputs"]),
                "headline": result["headline"],
                "columns": _detail_values(result, keys, f"calc:cases {calc_id} {case['id']}"),
                "note": case.get("note", ""),
                "fragment": fragment(calc, case["inputs"]),
            }
        )
    if not rows:
        msg = f'calc:cases {calc_id}: its case file marks no case with "page": true'
        raise calc_markers.MarkerError(msg)
    headers = [label for label, _ in rows[0]["columns"]]
    template = context.templates.get_template("cases.html.j2")
    return template.render(calc=calc, rows=rows, headers=headers)
