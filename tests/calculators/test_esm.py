"""European Staging Model: the case file and properties of the category rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from trdcalc import esm

ORDER = ["none", "nonresponder", "TRD1", "TRD2", "TRD3", "TRD4", "TRD5"]


def category(trials, weeks):
    return trdcalc.run("esm", {"failed_trials": trials, "duration_weeks": weeks})["category"]


@given(st.integers(0, 30), st.integers(0, 30), st.floats(0, 51.9))
def test_esm_more_trials_never_lower_the_category_within_a_year(a, b, weeks):
    low, high = sorted((a, b))
    assert ORDER.index(category(high, weeks)) >= ORDER.index(category(low, weeks))


@given(st.integers(6, 30), st.floats(52, 1040))
def test_esm_a_year_of_resistance_to_about_six_trials_is_crd(trials, weeks):
    """CRD: several (about 6) failed trials over 12 months or more (clinical-evidence-2.md H8)."""
    assert category(trials, weeks) == "CRD"


@given(st.integers(0, 5), st.floats(0, 1560))
def test_esm_fewer_than_six_trials_is_never_crd_however_long(trials, weeks):
    """Issue 9, item 2: 2 trials over 52 weeks read CRD; months alone never make it."""
    assert category(trials, weeks) != "CRD"


@given(st.integers(1, 30), st.floats(0, 1560), st.floats(0, 0.5))
def test_esm_a_tenth_of_a_week_moves_a_history_at_most_one_category(trials, weeks, extra):
    order = [*ORDER, "CRD"]
    before, after = category(trials, weeks), category(trials, min(weeks + extra, 1560))
    assert 0 <= order.index(after) - order.index(before) <= 1


@given(st.integers(1, 30), st.floats(0, 1040))
def test_esm_trd_categories_always_carry_the_not_verified_warning(trials, weeks):
    result = trdcalc.run("esm", {"failed_trials": trials, "duration_weeks": weeks})
    if result["category"].startswith("TRD"):
        assert any("Not verified" in w for w in result["warnings"])


def test_esm_every_category_is_reachable():
    found = {category(n, w) for n in range(8) for w in (10, 60)}
    assert found == {*ORDER, "CRD"}
    assert len(esm.CATEGORIES) == 6


@cases_of("esm")
def test_case(case):
    check_case("esm", case)
