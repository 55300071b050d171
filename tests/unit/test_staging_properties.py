"""Properties of the Thase–Rush, ESM and MGH-s rules, over generated histories."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from trdcalc import esm, thase_rush

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


ORDER = ["none", "nonresponder", "TRD1", "TRD2", "TRD3", "TRD4", "TRD5"]


def category(trials, weeks):
    return trdcalc.run("esm", {"failed_trials": trials, "duration_weeks": weeks})["category"]


@given(st.integers(0, 30), st.integers(0, 30), st.floats(0, 51.9))
def test_esm_more_trials_never_lower_the_category_within_a_year(a, b, weeks):
    low, high = sorted((a, b))
    assert ORDER.index(category(high, weeks)) >= ORDER.index(category(low, weeks))


@given(st.integers(2, 30), st.floats(52, 1040))
def test_esm_a_year_of_resistance_to_several_trials_is_crd(trials, weeks):
    assert category(trials, weeks) == "CRD"


@given(st.integers(1, 30), st.floats(0, 1040))
def test_esm_trd_categories_always_carry_the_not_verified_warning(trials, weeks):
    result = trdcalc.run("esm", {"failed_trials": trials, "duration_weeks": weeks})
    if result["category"].startswith("TRD"):
        assert any("Not verified" in w for w in result["warnings"])


def test_esm_every_category_is_reachable():
    found = {category(n, w) for n in range(8) for w in (10, 60)}
    assert found == {*ORDER, "CRD"}
    assert len(esm.CATEGORIES) == 6


trials = st.lists(
    st.fixed_dictionaries(
        {
            "weeks": st.floats(0, 60),
            "adequate_dose": st.booleans(),
            "dose_optimised": st.booleans(),
            "augmented": st.booleans(),
            "combined": st.booleans(),
            "duration_optimised": st.booleans(),
        }
    ),
    max_size=10,
)


def mgh(history, *, ect=False):
    return trdcalc.run("mgh_s", {"trials": history, "ect": ect})


@given(trials, st.booleans())
def test_mgh_total_is_the_sum_of_verified_points_only(history, ect):
    result = mgh(history, ect=ect)
    expected = sum(
        1 + 0.5 * (t["dose_optimised"] + t["augmented"])
        for t in history
        if t["adequate_dose"] and t["weeks"] >= 6
    ) + (3 if ect else 0)
    assert result["total"] == expected
    assert (result["total"] * 2) == int(result["total"] * 2)


@given(trials)
def test_mgh_an_added_failed_adequate_trial_adds_at_least_one_point(history):
    more = [*history, {"weeks": 6, "adequate_dose": True}]
    assert mgh(more)["total"] >= mgh(history)["total"] + 1


@given(trials)
def test_mgh_unverified_points_never_enter_the_total(history):
    marked = [dict(t, combined=True, duration_optimised=True) for t in history]
    assert (
        mgh(marked)["total"]
        == mgh([dict(t, combined=False, duration_optimised=False) for t in history])["total"]
    )
