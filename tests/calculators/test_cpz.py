"""Properties of the CPZ-equivalent conversions and the TRRIP verdicts, over generated inputs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from trdcalc import cpz

ORAL = sorted(cpz.ORAL_LABELS)
LAI = sorted(cpz.LAI_LABELS)
METHOD_IDS = [m.id for m in cpz.METHODS]
doses = st.floats(0.01, 5000, allow_nan=False)
intervals = st.floats(1, 365, allow_nan=False)
maybe_weeks = st.none() | st.floats(0, 520)
maybe_adherence = st.none() | st.floats(0, 100)


def run(**inputs):
    return trdcalc.run("cpz", inputs)


@st.composite
def trials(draw):
    drug = draw(st.sampled_from(ORAL + LAI))
    inputs = {
        "drug": drug,
        "dose_mg": draw(doses),
        "method": draw(st.sampled_from([*METHOD_IDS, "all"])),
        "weeks": draw(maybe_weeks),
        "adherence_percent": draw(maybe_adherence),
        "adherence_sources_2": draw(st.booleans()),
    }
    if drug in cpz.LAI_LABELS:
        inputs["interval_days"] = draw(intervals)
    return inputs


@given(trials())
def test_values_are_null_or_non_negative_and_rounded(inputs):
    result = run(**inputs)
    values = result["cpz_mg"] if inputs["method"] == "all" else {"one": result["cpz_mg"]}
    for value in values.values():
        assert value is None or (value >= 0 and round(value, 1) == value)
    assert result["trrip_verdict"] in cpz.VERDICT_LABELS


@given(trials())
def test_all_methods_agree_with_each_method_alone(inputs):
    together = run(**dict(inputs, method="all"))
    for method in METHOD_IDS:
        alone = run(**dict(inputs, method=method))
        assert together["cpz_mg"][method] == alone["cpz_mg"]
        assert together["trrip_by_method"][method] == alone["trrip_verdict"]


@given(st.sampled_from(ORAL), doses, doses, st.sampled_from(METHOD_IDS))
def test_a_higher_dose_never_gives_fewer_equivalents(drug, a, b, method):
    low, high = sorted((a, b))
    first = run(drug=drug, dose_mg=low, method=method)["cpz_mg"]
    second = run(drug=drug, dose_mg=high, method=method)["cpz_mg"]
    assert (first is None) == (second is None)
    if first is not None:
        assert second >= first


@given(st.sampled_from(LAI), doses, intervals, intervals)
def test_a_longer_interval_never_gives_more_equivalents(drug, dose, a, b):
    short, long = sorted((a, b))
    often = run(drug=drug, dose_mg=dose, interval_days=short, method="gardner_2010_lai")
    rarely = run(drug=drug, dose_mg=dose, interval_days=long, method="gardner_2010_lai")
    assert rarely["cpz_mg"] <= often["cpz_mg"]


@given(st.sampled_from(ORAL), st.floats(0.01, 2500), st.sampled_from(METHOD_IDS))
def test_conversion_is_proportional(drug, dose, method):
    once = run(drug=drug, dose_mg=dose, method=method)["cpz_mg"]
    twice = run(drug=drug, dose_mg=2 * dose, method=method)["cpz_mg"]
    if once is not None:
        # Each value is rounded to 0.1, so they may differ by 2 x 0.05 + 0.05.
        assert twice == pytest.approx(2 * once, abs=0.151)


@given(trials(), st.floats(0, 520))
def test_more_weeks_never_turn_adequate_into_not_adequate(inputs, extra):
    if inputs["weeks"] is None:
        return
    longer = dict(inputs, weeks=min(inputs["weeks"] + extra, 520))
    before, after = run(**inputs), run(**longer)
    for method, verdict in before["trrip_by_method"].items():
        if verdict == "adequate":
            assert after["trrip_by_method"][method] == "adequate"


@given(trials())
def test_the_verdict_follows_the_criteria(inputs):
    result = run(**inputs)
    criteria = result["trrip_criteria"]
    for method, verdict in result["trrip_by_method"].items():
        states = [criteria["dose_by_method"][method], criteria["duration"], criteria["adherence"]]
        if verdict == "adequate":
            assert states == [True, True, True]
        if verdict == "not_adequate":
            assert False in states


@given(trials())
def test_one_method_always_names_itself(inputs):
    result = run(**inputs)
    if inputs["method"] != "all":
        assert list(result["trrip_by_method"]) == [inputs["method"]]
        name = next(m.name for m in cpz.METHODS if m.id == inputs["method"])
        assert name in result["headline"]


def test_every_verdict_is_reachable():
    known = {"weeks": 8, "adherence_percent": 90, "adherence_sources_2": True}
    found = {
        run(drug="olanzapine", dose_mg=20, method="gardner_2010", **known)["trrip_verdict"],
        run(drug="olanzapine", dose_mg=10, method="gardner_2010", **known)["trrip_verdict"],
        run(drug="olanzapine", dose_mg=20, method="gardner_2010")["trrip_verdict"],
        run(drug="amisulpride", dose_mg=800, method="woods_2003")["trrip_verdict"],
        run(drug="clozapine", dose_mg=400, method="all")["trrip_verdict"],
        run(drug="haloperidol", dose_mg=10, method="all")["trrip_verdict"],
    }
    assert found == set(cpz.VERDICT_LABELS)


@given(st.sampled_from(ORAL + LAI), st.sampled_from([*METHOD_IDS, "all"]))
def test_every_drug_gives_a_result_by_every_method(drug, method):
    inputs = {"drug": drug, "dose_mg": 100, "method": method}
    if drug in cpz.LAI_LABELS:
        inputs["interval_days"] = 14
    result = trdcalc.run("cpz", inputs)
    if result["cpz_mg"] is None:
        assert result["warnings"], "a missing value always comes with a note"


@given(
    st.fixed_dictionaries(
        {
            "drug": st.sampled_from([*ORAL, "nope", 3]),
            "dose_mg": st.one_of(st.floats(-10, 6000), st.just("x"), st.none()),
            "method": st.sampled_from([*METHOD_IDS, "all", "other"]),
            "weeks": st.one_of(st.none(), st.floats(-5, 600)),
            "adherence_percent": st.one_of(st.none(), st.floats(-5, 150)),
        }
    )
)
def test_bad_input_is_an_input_error_never_a_traceback(inputs):
    text, code = trdcalc.run_json("cpz", trdcalc.dumps(inputs))
    assert code in {trdcalc.EXIT_OK, trdcalc.EXIT_INVALID}
    if code == trdcalc.EXIT_INVALID:
        assert "field" in json.loads(text)["error"]


@given(st.sampled_from(LAI), doses)
def test_a_long_acting_injection_needs_its_interval(drug, dose):
    with pytest.raises(trdcalc.InputError) as caught:
        run(drug=drug, dose_mg=dose, method="gardner_2010_lai")
    assert caught.value.field == "interval_days"


@cases_of("cpz")
def test_case(case):
    check_case("cpz", case)
