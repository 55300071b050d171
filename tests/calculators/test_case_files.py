"""Every calculator has a case file, and every case's result shares the display shape.

Each calculator's own cases run in its test module (tests/calculators/test_ID.py).
"""

from __future__ import annotations

import pytest

import trdcalc
from tests.conftest import CASES, load_cases


def test_every_calculator_has_a_case_file():
    assert {path.stem for path in CASES.glob("*.json")} == set(trdcalc.CALCULATORS)


@pytest.mark.parametrize("calc", sorted(trdcalc.CALCULATORS))
def test_every_calculator_has_a_test_module(calc):
    from tests.conftest import ROOT

    assert (ROOT / "tests" / "calculators" / f"test_{calc}.py").exists()


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
