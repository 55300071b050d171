"""Every case file: scored cases give the expected values, invalid ones name the right field."""

from __future__ import annotations

import pytest

import trdcalc
from tests.conftest import CASES, load_cases

ALL = [(path.stem, case) for path in sorted(CASES.glob("*.json")) for case in load_cases(path.stem)]


def test_every_calculator_has_a_case_file():
    assert {path.stem for path in CASES.glob("*.json")} == set(trdcalc.CALCULATORS)


@pytest.mark.parametrize(("calc", "case"), ALL, ids=[f"{c}-{case['id']}" for c, case in ALL])
def test_case(calc, case):
    if "expect_error" in case:
        with pytest.raises(trdcalc.InputError) as caught:
            trdcalc.run(calc, case["inputs"])
        assert caught.value.field == case["expect_error"]
        return
    result = trdcalc.run(calc, case["inputs"])
    for key, expected in case["expect"].items():
        got = len(result[key]) if key == "warnings" else result[key]
        assert matches(expected, got), (key, got, result.get("warnings"))


def matches(expected, got):
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


@pytest.mark.parametrize("calc", sorted(trdcalc.CALCULATORS))
def test_results_share_the_display_shape(calc):
    for case in load_cases(calc):
        if "expect" not in case:
            continue
        result = trdcalc.run(calc, case["inputs"])
        assert result["calculator"] == calc
        assert isinstance(result["headline"], str)
        assert result["headline"]
        assert set(result["interpretation"]) == {"clinical", "plain"}
        assert result["sources"]
        for row in result["details"]:
            assert {"key", "label", "answer", "value", "confidence", "sources"} <= set(row)
            assert set(row["sources"]) <= {s["key"] for s in result["sources"]}
