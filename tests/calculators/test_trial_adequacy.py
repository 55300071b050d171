"""Trial adequacy: the case file and properties of each definition's rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.calculators.case_check import cases_of, check_case
from tests.calculators.strategies import FAILED_TRIAL, trial, verdicts
from trdcalc.trial_adequacy import VERDICT_LABELS


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


@cases_of("trial_adequacy")
def test_case(case):
    check_case("trial_adequacy", case)
