"""TRD definitions: the case file and properties of the verdicts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.calculators.case_check import cases_of, check_case
from tests.calculators.strategies import FAILED_TRIAL, trial, verdicts


@given(st.lists(trial, max_size=6), st.booleans())
def test_a_further_failed_trial_never_removes_a_trd_verdict(trials, ect):
    inputs = {"diagnosis": "unipolar", "trials": trials, "ect": ect}
    more = dict(inputs, trials=[*trials, FAILED_TRIAL])
    before, after = verdicts("trd_definitions", inputs), verdicts("trd_definitions", more)
    for definition, verdict in before.items():
        if verdict == "trd":
            assert after[definition] == "trd", definition


@given(st.lists(trial, max_size=6))
def test_bipolar_depression_is_outside_the_eu_pearl_definition(trials):
    result = verdicts("trd_definitions", {"diagnosis": "bipolar", "trials": trials})
    assert result["sforzini2022"] == "not_applicable"


@cases_of("trd_definitions")
def test_case(case):
    check_case("trd_definitions", case)
