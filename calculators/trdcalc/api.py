"""The registry of calculators and the JSON entry points the CLI and the worker share."""

from __future__ import annotations

import json
from typing import Any

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
from .schema import Calculator, InputError

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
    """The one JSON spelling used by the CLI and the browser, so both print identical text."""
    return json.dumps(data, ensure_ascii=False)


def run_json(calc_id: str, inputs_json: str) -> tuple[str, int]:
    """Result JSON and exit code (0, or 2 for invalid input) for inputs given as JSON text."""
    try:
        inputs = json.loads(inputs_json)
    except (json.JSONDecodeError, TypeError) as exc:
        error = InputError("", f"Inputs are not valid JSON: {exc}.")
        return dumps(error.as_dict()), EXIT_INVALID
    try:
        return dumps(run(calc_id, inputs)), EXIT_OK
    except InputError as exc:
        return dumps(exc.as_dict()), EXIT_INVALID


def schema_json(calc_id: str) -> str:
    """The input schema of one calculator as JSON text."""
    return dumps(get(calc_id).as_dict())
