"""Thase–Rush: the case file and properties of the stage rule over generated histories."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from trdcalc import thase_rush

CLASSES = list(thase_rush.CLASS_LABELS)
histories = st.lists(st.sampled_from(CLASSES), max_size=12)


def stage(trials):
    return trdcalc.run("thase_rush", {"failed_trials": trials})["stage"]


@given(histories, st.sampled_from(CLASSES))
def test_thase_rush_a_further_failure_never_lowers_the_stage(trials, extra):
    assert 0 <= stage(trials) <= 5
    assert stage([*trials, extra]) >= stage(trials)


@given(histories, st.randoms())
def test_thase_rush_stage_depends_on_classes_not_order(trials, rng):
    shuffled = list(trials)
    rng.shuffle(shuffled)
    assert stage(shuffled) == stage(trials)


def test_thase_rush_every_stage_is_reachable():
    chain = ["ssri", "snri", "tca", "maoi", "ect"]
    reached = {stage(chain[:n]) for n in range(6)}
    assert reached == {0, 1, 2, 3, 4, 5}


@cases_of("thase_rush")
def test_case(case):
    check_case("thase_rush", case)
