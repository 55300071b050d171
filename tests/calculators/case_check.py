"""Running one case of a calculator's case file (tests/cases/ID.json): the shared check.

A case gives raw inputs and either `expect` (values the result must hold; a dict names only the
keys it cares about, `warnings` is compared by count) or `expect_error` (the field an invalid
input must name). `expect_text` lists phrases that must appear at a dotted path of the result
(or of `{"error": ...}`), so a case that caught a wrong or unexplained result keeps checking the
explanation too. Every case carries its `origin`.
"""

from __future__ import annotations

import json

import pytest

import trdcalc
from tests.conftest import case_ids, load_cases


def cases_of(calc_id: str) -> pytest.MarkDecorator:
    """Parametrize a test over every case of one calculator, each named by its id."""
    cases = load_cases(calc_id)
    return pytest.mark.parametrize("case", cases, ids=case_ids(cases))


def check_case(calc_id: str, case: dict) -> None:
    assert case.get("origin"), "every case names where it comes from"
    if "expect_error" in case:
        with pytest.raises(trdcalc.InputError) as caught:
            trdcalc.run(calc_id, case["inputs"])
        assert caught.value.field == case["expect_error"]
        check_text(case, caught.value.as_dict())
        return
    result = trdcalc.run(calc_id, case["inputs"])
    for key, expected in case["expect"].items():
        got = len(result[key]) if key == "warnings" else result[key]
        assert matches(expected, got), (key, got, result.get("warnings"))
    check_text(case, result)


def check_text(case: dict, result: dict) -> None:
    """Every phrase of `expect_text` appears in the text at its path."""
    for path, phrases in case.get("expect_text", {}).items():
        text = json.dumps(at(result, path), ensure_ascii=False)
        for phrase in phrases:
            assert phrase in text, (path, phrase, text)


def at(data: dict, path: str) -> object:
    for key in path.split("."):
        data = data[key]
    return data


def matches(expected: object, got: object) -> bool:
    """Equal, except that an expected dict only names the keys it cares about."""
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(
            k in got and matches(v, got[k]) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(got, list)
            and len(got) == len(expected)
            and all(matches(e, g) for e, g in zip(expected, got, strict=True))
        )
    return expected == got
