"""Properties of the response calculator over every scale and every valid pair of scores.

Percent-change scales (depression, Y-BOCS), the PANSS and BPRS (minimum subtracted) and the CGI
ratings each have their own properties; the transcription checks compare the scale data with
the evidence files' tables.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from trdcalc import response

SCALES = {scale.id: scale for scale in response.SCALES}
CHANGE = sorted(s.id for s in response.SCALES if s.family in ("depression", "ocd"))
PSYCHOSIS = sorted(s.id for s in response.SCALES if s.family == "psychosis")
ORDER = ["nonresponse", "partial_response", "response"]
SITE_PLAN_IDS = ["hamd17", "madrs", "phq9", "qids_sr16", "bdi2", "ybocs"]
NEW_IDS = ["hamd21", "hamd24", "cgi_s", "cgi_i", "panss", "bprs", "bprs_0_6"]


@st.composite
def valid(draw, scale_id=None, ids=CHANGE):
    scale = SCALES[scale_id or draw(st.sampled_from(ids))]
    baseline = draw(st.integers(scale.floor, scale.high))
    current = draw(st.integers(scale.low, scale.high))
    return {"scale": scale.id, "baseline": baseline, "current": current}


def run(inputs):
    return trdcalc.run("response", inputs)


def test_the_six_site_plan_ids_stay_and_the_new_scales_are_added():
    assert set(SCALES) == set(SITE_PLAN_IDS + NEW_IDS)
    field = next(f for f in response.FIELDS if f.name == "scale")
    assert [o.value for o in field.options] == list(SCALES)


@given(valid())
def test_percent_and_category_follow_the_thresholds_exactly(inputs):
    result = run(inputs)
    b, c = inputs["baseline"], inputs["current"]
    exact = 100 * (b - c) / b
    assert result["percent_improvement"] == round(exact, 1)
    response_at = 35 if inputs["scale"] == "ybocs" else 50
    expected = (
        "response" if exact >= response_at else "partial_response" if exact >= 25 else "nonresponse"
    )
    assert result["category"] == expected
    # The rounded percentage never shows a figure on the other side of a threshold.
    shown = result["percent_improvement"]
    assert (shown >= response_at) == (expected == "response")
    assert (shown >= 25) == (expected != "nonresponse")


@given(valid(), st.data())
def test_a_lower_current_score_is_never_judged_worse(inputs, data):
    lower = data.draw(st.integers(SCALES[inputs["scale"]].low, inputs["current"]))
    before, after = run(inputs), run({**inputs, "current": lower})
    assert after["percent_improvement"] >= before["percent_improvement"]
    assert ORDER.index(after["category"]) >= ORDER.index(before["category"])
    for key, met in before["remission"].items():
        assert after["remission"][key] or not met


@given(valid())
def test_every_convention_is_reported_with_the_right_shape(inputs):
    scale = SCALES[inputs["scale"]]
    result = run(inputs)
    assert list(result["remission"]) == [r.id for r in scale.remission]
    assert all(isinstance(v, bool) for v in result["remission"].values())
    band_sets = {s.id: {b.id for b in s.bands} for s in scale.band_sets}
    band = result["severity_band"]
    if len(band_sets) > 1:
        assert set(band) == set(band_sets)
        assert all(band[k] in band_sets[k] for k in band)
    elif band_sets:
        assert band in next(iter(band_sets.values()))
    else:
        assert band is None
    assert result["scale_range"] == [scale.low, scale.high]


@given(valid())
def test_unverified_rules_always_carry_a_visible_warning(inputs):
    result = run(inputs)
    notes = [w for w in result["warnings"] if w.startswith("Not verified")]
    recalled = [row for row in result["details"] if row["confidence"] == "RECALLED"]
    if inputs["scale"] == "ybocs" or recalled:
        assert notes
    # A remission rule applied to a scale version it was not read for (H11) says so.
    applied = [
        row
        for row in result["details"]
        if row["confidence"] == "NOT FOUND" and row["key"].startswith("remission_")
    ]
    for row in applied:
        assert any("version" in note for note in notes), row
    if inputs["scale"] == "bdi2":
        assert applied
        assert "version not stated" in applied[0]["label"]


@given(valid())
def test_remission_without_response_is_explained(inputs):
    result = run(inputs)
    score_cut = any(
        met and not key.startswith("storch2011_fall") for key, met in result["remission"].items()
    )
    explained = any(w.startswith("Remission without response") for w in result["warnings"])
    assert explained == (score_cut and result["category"] != "response")


@given(valid())
def test_conflicting_conventions_are_spelled_out(inputs):
    result = run(inputs)
    if len(set(result["remission"].values())) > 1:
        assert any(d.startswith("Remission depends") for d in result["disagreements"])
    if result["categories"].get("desseilles2011") == "partial_response":
        assert any("Rybak 2021" in d for d in result["disagreements"])


@given(valid())
def test_the_cli_json_matches_the_python_result(inputs):
    text, code = trdcalc.run_json("response", json.dumps(inputs))
    assert code == trdcalc.EXIT_OK
    assert json.loads(text) == json.loads(trdcalc.dumps(run(inputs)))


def test_every_band_category_and_remission_answer_is_reachable():
    for scale in (SCALES[i] for i in CHANGE):
        seen_bands = {s.id: set() for s in scale.band_sets}
        seen_categories, seen_remission = set(), {r.id: set() for r in scale.remission}
        for current in range(scale.low, scale.high + 1):
            result = run({"scale": scale.id, "baseline": scale.high, "current": current})
            seen_categories.add(result["category"])
            band = result["severity_band"]
            for key, seen in seen_bands.items():
                seen.add(band[key] if isinstance(band, dict) else band)
            for key, met in result["remission"].items():
                seen_remission[key].add(met)
        assert seen_categories == set(ORDER), scale.id
        for band_set in scale.band_sets:
            assert seen_bands[band_set.id] == {b.id for b in band_set.bands}, scale.id
        assert all(v == {True, False} for v in seen_remission.values()), scale.id
        assert bool(scale.remission) != bool(scale.no_remission), scale.id


def test_bands_tile_each_scale_range():
    for scale in response.SCALES:
        for band_set in scale.band_sets:
            covered = [n for b in band_set.bands for n in range(b.low, b.high + 1)]
            assert covered == list(range(scale.low, scale.high + 1)), band_set.id


@given(st.sampled_from(sorted(SCALES)), st.integers(-100, 300), st.integers(-100, 300))
def test_invalid_scores_always_give_a_clear_message_at_the_field(scale_id, baseline, current):
    scale = SCALES[scale_id]
    inputs = {"scale": scale_id, "baseline": baseline, "current": current}
    widest = response.WIDEST
    uses_baseline = scale.family != "cgi_i"
    baseline_ok = scale.floor <= baseline <= scale.high or not uses_baseline
    current_ok = scale.low <= current <= scale.high
    if baseline_ok and current_ok and 0 <= baseline <= widest:
        assert run(inputs)["calculator"] == "response"
        return
    # The form's widest range is checked first, field by field; then the scale's own.
    if not 0 <= baseline <= widest:
        field = "baseline"
    elif not 0 <= current <= widest:
        field = "current"
    else:
        field = "current" if baseline_ok else "baseline"
    try:
        run(inputs)
    except trdcalc.InputError as error:
        assert error.field == field
        assert "from" in error.message or "at least" in error.message
    else:
        raise AssertionError(inputs)


def test_a_zero_baseline_is_a_message_not_a_division():
    for scale_id in CHANGE + ["bprs_0_6"]:
        try:
            run({"scale": scale_id, "baseline": 0, "current": 0})
        except trdcalc.InputError as error:
            assert error.field == "baseline"
            assert "divide by zero" in error.message
        else:
            raise AssertionError(scale_id)


@cases_of("response")
def test_case(case):
    check_case("response", case)
