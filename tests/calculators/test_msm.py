"""MSM: every boundary and properties of the rules (the worked cases run in test_cases.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from tests.conftest import load_cases
from trdcalc import msm

CASES = load_cases("msm")
SCORED = [c for c in CASES if "expect" in c]
SEVERITIES = [o.value for o in msm.SEVERITY.options]


def test_cases_cover_every_band_and_every_row():
    """The case file itself reaches every band and every scoring row of the table."""
    bands = {c["expect"]["band"] for c in SCORED}
    assert bands == {b.id for b in msm.BANDS}
    for field in msm.FIELDS:
        seen = {c["expect"]["breakdown"][field.dimension] for c in SCORED}
        assert seen == {row.points for row in field.rows()}, field.name


@pytest.mark.parametrize(
    ("months", "points"),
    [
        (0.001, 1),
        (11.9, 1),
        (12, 1),
        (12.001, 2),
        (12.999, 2),
        (13, 2),
        (24, 2),
        (24.01, 3),
        (600, 3),
    ],
)
def test_duration_boundaries(months, points):
    result = trdcalc.run("msm", _inputs(duration_months=months))
    assert result["breakdown"]["duration"] == points


@pytest.mark.parametrize(
    ("trials", "points"),
    [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (10, 4), (11, 5), (50, 5)],
)
def test_antidepressant_levels(trials, points):
    result = trdcalc.run("msm", _inputs(failed_antidepressants=trials))
    assert result["breakdown"]["antidepressants"] == points


@pytest.mark.parametrize(("severity", "points"), [(s, i + 1) for i, s in enumerate(SEVERITIES)])
def test_severity_points(severity, points):
    assert trdcalc.run("msm", _inputs(severity=severity))["breakdown"]["severity"] == points


@pytest.mark.parametrize(
    ("total", "band"),
    [(3, "mild"), (6, "mild"), (7, "moderate"), (10, "moderate"), (11, "severe"), (15, "severe")],
)
def test_band_edges(total, band):
    assert msm.CALCULATOR.band_for(total).id == band


def test_gap_between_12_and_13_months_is_flagged_only_there():
    assert trdcalc.run("msm", _inputs(duration_months=12.5))["warnings"]
    assert not trdcalc.run("msm", _inputs(duration_months=12))["warnings"]
    assert not trdcalc.run("msm", _inputs(duration_months=13))["warnings"]


def test_an_episode_of_zero_months_is_no_episode():
    """Issue 9, item 10: 0 months was scored as an acute episode."""
    with pytest.raises(trdcalc.InputError) as caught:
        trdcalc.run("msm", _inputs(duration_months=0))
    assert caught.value.field == "duration_months"
    assert "above 0" in caught.value.message


def test_zero_failed_trials_is_explained_not_scored():
    with pytest.raises(trdcalc.InputError) as caught:
        trdcalc.run("msm", _inputs(failed_antidepressants=0))
    assert "no score" in caught.value.message
    assert "at least one failed adequate antidepressant" in caught.value.message


def test_booleans_default_to_not_used():
    inputs = _inputs()
    del inputs["augmentation"], inputs["ect"]
    result = trdcalc.run("msm", inputs)
    assert result["breakdown"]["augmentation"] == 0
    assert result["breakdown"]["ect"] == 0


def test_result_names_its_sources_with_dois():
    result = trdcalc.run("msm", _inputs())
    assert result["calculator"] == "msm"
    assert result["version"] == msm.CALCULATOR.version
    dois = {s["doi"] for s in result["sources"]}
    assert "10.1186/s12888-018-1679-x" in dois  # Fekadu 2018, Table 3
    assert "10.1371/journal.pone.0236434" in dois  # Hägg 2020, Panel 1
    used = {key for row in result["details"] for key in row["sources"]}
    assert used <= {s["key"] for s in result["sources"]}


def test_numeric_strings_are_read_like_numbers():
    as_text = trdcalc.run("msm", _inputs(duration_months="25", failed_antidepressants="5"))
    as_numbers = trdcalc.run("msm", _inputs(duration_months=25, failed_antidepressants=5))
    assert as_text == as_numbers


# ---------------------------------------------------------------- properties

answers = st.fixed_dictionaries(
    {
        "duration_months": st.floats(0, 600, exclude_min=True) | st.integers(1, 600),
        "severity": st.sampled_from(SEVERITIES),
        "failed_antidepressants": st.integers(1, 50),
        "augmentation": st.booleans(),
        "ect": st.booleans(),
    }
)


@given(answers)
def test_total_is_within_3_to_15_and_matches_its_parts(inputs):
    result = trdcalc.run("msm", inputs)
    assert 3 <= result["total"] <= 15
    assert result["total"] == sum(result["breakdown"].values())
    assert msm.CALCULATOR.band_for(result["total"]).id == result["band"]


@given(answers, st.sampled_from(["duration_months", "failed_antidepressants"]), st.integers(0, 50))
def test_monotone_in_each_number(inputs, name, extra):
    more = dict(inputs)
    limit = 600 if name == "duration_months" else 50
    more[name] = min(inputs[name] + extra, limit)
    assert trdcalc.run("msm", more)["total"] >= trdcalc.run("msm", inputs)["total"]


@given(answers, st.integers(0, len(SEVERITIES) - 1), st.booleans(), st.booleans())
def test_monotone_in_severity_and_treatments(inputs, step, augmentation, ect):
    worse = dict(inputs)
    worse["severity"] = SEVERITIES[max(SEVERITIES.index(inputs["severity"]), step)]
    worse["augmentation"] = inputs["augmentation"] or augmentation
    worse["ect"] = inputs["ect"] or ect
    assert trdcalc.run("msm", worse)["total"] >= trdcalc.run("msm", inputs)["total"]


def test_every_total_and_band_is_reachable():
    """Search the whole (small) input space by scoring row: every total 3-15 occurs."""
    totals = {
        d + s + a + g + e
        for d in (1, 2, 3)
        for s in (1, 2, 3, 4, 5)
        for a in (1, 2, 3, 4, 5)
        for g in (0, 1)
        for e in (0, 1)
    }
    assert totals == set(range(3, 16))
    reached = {
        trdcalc.run("msm", _inputs(duration_months=m, severity=s, failed_antidepressants=n))["band"]
        for m in (6, 36)
        for s in SEVERITIES
        for n in (1, 11)
    }
    assert reached == {"mild", "moderate", "severe"}


@given(
    st.sampled_from(["duration_months", "failed_antidepressants", "severity", "augmentation"]),
    st.one_of(
        st.text(max_size=8),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-(10**6), 10**6),
        st.none(),
        st.lists(st.integers(), max_size=2),
        st.booleans(),
    ),
)
def test_any_value_gives_a_result_or_a_clear_error(name, value):
    try:
        result = trdcalc.run("msm", _inputs(**{name: value}))
    except trdcalc.InputError as error:
        assert error.field == name
        assert len(error.message) > 20
    else:
        assert 3 <= result["total"] <= 15


def _inputs(**changes):
    base = {
        "duration_months": 6,
        "severity": "moderate",
        "failed_antidepressants": 2,
        "augmentation": False,
        "ect": False,
    }
    return base | changes


@cases_of("msm")
def test_case(case):
    check_case("msm", case)
