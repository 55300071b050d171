"""Compare: the case file, and the property that compare equals each calculator alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from tests.calculators.strategies import trial, verdicts

history_trial = trial.map(lambda t: dict(t, augmented=False, combined=False))


@given(
    st.lists(history_trial, max_size=6),
    st.floats(0, 600, exclude_min=True),
    st.sampled_from(["subsyndromal", "mild", "moderate", "severe", "severe_psychotic"]),
    st.booleans(),
)
def test_compare_agrees_with_each_calculator_run_alone(trials, months, severity, ect):
    inputs = {
        "diagnosis": "unipolar",
        "duration_months": months,
        "severity": severity,
        "trials": trials,
        "ect": ect,
    }
    result = trdcalc.run("compare", inputs)
    models = {m["model"]: m["summary"] for m in result["models"]}
    assert set(models) == {"msm", "thase_rush", "esm", "mgh_s"}
    plain = [{k: v for k, v in t.items() if k not in ("augmented", "combined")} for t in trials]
    alone = trdcalc.run("trd_definitions", {"diagnosis": "unipolar", "trials": plain, "ect": ect})
    assert result["verdicts"] == alone["verdicts"]
    failed = [t for t in plain if verdicts("trial_adequacy", t)["rybak2021"] == "failed"]
    if failed:
        msm = trdcalc.run(
            "msm",
            {
                "duration_months": months,
                "severity": severity,
                "failed_antidepressants": min(len(failed), 50),
                "ect": ect,
            },
        )
        assert models["msm"] == msm["headline"]
    else:
        assert models["msm"].startswith("Not scored")
    # The ESM counts the weeks of the trials it counts as failed (issue 9, item 1).
    counted = [
        t
        for t in plain
        if t["weeks"] >= 6
        and (t["dose_adequate"], t["adherence"]) == ("yes", "good")
        and t["improvement_percent"] < 50
    ]
    esm = trdcalc.run(
        "esm",
        {"failed_trials": len(counted), "duration_weeks": sum(t["weeks"] for t in counted)},
    )
    assert models["esm"] == esm["category_label"]


@cases_of("compare")
def test_case(case):
    check_case("compare", case)
