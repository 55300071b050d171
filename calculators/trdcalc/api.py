"""The registry of calculators and the JSON entry points the CLI and the worker share."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import (
    compare,
    cpz,
    esm,
    mgh_s,
    msm,
    pseudo_resistance,
    response,
    stard,
    thase_rush,
    trd_definitions,
    trial_adequacy,
)
from .parse import InputError, errors

if TYPE_CHECKING:
    from .calculator import Calculator

CALCULATORS: dict[str, Calculator] = {
    calc.id: calc
    for calc in (
        msm.CALCULATOR,
        thase_rush.CALCULATOR,
        esm.CALCULATOR,
        trd_definitions.CALCULATOR,
        compare.CALCULATOR,
        mgh_s.CALCULATOR,
        trial_adequacy.CALCULATOR,
        cpz.CALCULATOR,
        pseudo_resistance.CALCULATOR,
        stard.CALCULATOR,
        response.CALCULATOR,
    )
}

EXIT_OK = 0
EXIT_INVALID = 2


def get(calc_id: str) -> Calculator:
    """The calculator with this id; InputError naming the known ids otherwise."""
    try:
        return CALCULATORS[calc_id]
    except KeyError:
        known = ", ".join(CALCULATORS)
        raise InputError("calculator", f"Unknown calculator '{calc_id}'. Known: {known}.") from None


def run(calc_id: str, inputs: Any) -> dict[str, Any]:
    """The result of one calculator for raw JSON-like inputs; raises InputError."""
    return get(calc_id).run(inputs)


def dumps(data: Any) -> str:
    r"""The one JSON spelling used by the CLI and the browser, so both print identical text.

    Text that cannot be written as UTF-8 (a lone surrogate in an unknown field's name, say) is
    escaped as JSON `\\u` sequences instead, so printing never fails.
    """
    text = json.dumps(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data)
    return text


def _json_problem(exc: Exception) -> str:
    """Why JSON could not be read, in words for a reader (never Python's own advice)."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    if "integer string conversion" in str(exc):
        return "a number in it has too many digits"
    return str(exc)


def _loads(inputs_json: str) -> Any:
    """Raw inputs from JSON text; InputError for anything json cannot or should not read."""
    try:
        return json.loads(inputs_json)
    except (ValueError, TypeError, RecursionError) as exc:
        # ValueError covers malformed JSON and integers over Python's digit limit;
        # RecursionError covers deeply nested arrays and objects.
        reason = _json_problem(exc)
        raise InputError("", f"Inputs are not valid JSON: {reason}.") from None


def run_json(calc_id: str, inputs_json: str) -> tuple[str, int]:
    """Result JSON and exit code (0, or 2 for invalid input) for inputs given as JSON text."""
    try:
        return dumps(run(calc_id, _loads(inputs_json))), EXIT_OK
    except InputError as exc:
        return dumps(exc.as_dict()), EXIT_INVALID


def errors_json(calc_id: str, inputs_json: str) -> str:
    """Every problem with the inputs at once, as a JSON list of {field, message}.

    The CLI reports the first problem (`run_json`); a form shows them all together. The
    cross-field rules run only once every field is valid, as they do in `run`.
    """
    try:
        calc = get(calc_id)
        raw = _loads(inputs_json)
        found = errors(calc.fields, raw)
        if not found:
            calc.values(raw)
    except InputError as exc:
        found = [exc]
    return dumps([{"field": e.field, "message": e.message} for e in found])


def schema_json(calc_id: str) -> str:
    """The input schema of one calculator as JSON text."""
    return dumps(get(calc_id).as_dict())
