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
