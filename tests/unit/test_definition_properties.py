"""Properties of the trial-adequacy and TRD-definition rules, over generated trials."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from trdcalc.trial_adequacy import VERDICT_LABELS

trial = st.fixed_dictionaries(
    {
        "agent": st.sampled_from(["ssri", "snri", "tca", "maoi", "other"]),
        "dose_adequate": st.sampled_from(["yes", "no", "unknown"]),
        "weeks": st.floats(0, 20),
        "adherence": st.sampled_from(["good", "poor", "unknown"]),
        "improvement_percent": st.floats(-100, 100),
        "stopped": st.sampled_from(["no", "intolerance", "other"]),
    }
)
FAILED_TRIAL = {
    "agent": "ssri",
    "dose_adequate": "yes",
    "weeks": 8,
    "adherence": "good",
    "improvement_percent": 0,
    "stopped": "no",
}


def verdicts(calc, inputs):
    return {v["definition"]: v["verdict"] for v in trdcalc.run(calc, inputs)["verdicts"]}


@given(trial, st.floats(0, 20))
def test_a_longer_trial_is_never_less_adequate(t, extra):
    longer = dict(t, weeks=min(t["weeks"] + extra, 520))
    before, after = verdicts("trial_adequacy", t), verdicts("trial_adequacy", longer)
    for definition, verdict in before.items():
        if verdict in ("failed", "partial_response", "response", "adequate"):
            assert after[definition] not in ("too_short", "not_counted_early_stop")


@given(trial, st.floats(0, 100))
def test_more_improvement_never_turns_a_response_into_a_failure(t, extra):
    better = dict(t, improvement_percent=min(t["improvement_percent"] + extra, 100))
    before, after = verdicts("trial_adequacy", t), verdicts("trial_adequacy", better)
    for definition, verdict in before.items():
        if verdict == "response":
            assert after[definition] == "response"


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


def test_every_verdict_is_reachable():
    seen = set()
    for weeks in (2, 4, 6):
        for improvement in (0, 30, 60):
            for dose in ("yes", "no", "unknown"):
                for stopped in ("no", "other"):
                    t = dict(FAILED_TRIAL, weeks=weeks, improvement_percent=improvement)
                    t |= {"dose_adequate": dose, "stopped": stopped}
                    seen |= set(verdicts("trial_adequacy", t).values())
    assert seen == set(VERDICT_LABELS)


history_trial = trial.map(lambda t: dict(t, augmented=False, combined=False))


@given(
    st.lists(history_trial, max_size=6),
    st.floats(0, 600),
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
