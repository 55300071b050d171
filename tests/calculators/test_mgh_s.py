"""MGH staging: the case file and properties of the score over generated trials."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case

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


@cases_of("mgh_s")
def test_case(case):
    check_case("mgh_s", case)
