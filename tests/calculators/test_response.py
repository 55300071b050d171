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
    for scale_id in [*CHANGE, "bprs_0_6"]:
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


@given(valid(ids=PSYCHOSIS))
def test_minimum_corrected_percent_and_trrip_verdicts_are_exact(inputs):
    scale = SCALES[inputs["scale"]]
    b, c, m = inputs["baseline"], inputs["current"], scale.minimum
    result = run(inputs)
    corrected, naive = 100 * (b - c) / (b - m), 100 * (b - c) / b
    assert result["minimum_subtracted"] == m
    assert result["percent_improvement"] == round(corrected, 1)
    assert result["percent_improvement_uncorrected"] == round(naive, 1)
    assert result["trrip_nonresponse"] == {"corrected": corrected < 20, "uncorrected": naive < 20}
    # The rounded figures never show a percentage on the other side of TRRIP's 20 % line.
    assert (result["percent_improvement"] >= 20) == (corrected >= 20)
    assert (result["percent_improvement_uncorrected"] >= 20) == (naive >= 20)
    if c <= b:
        assert corrected >= naive
    for key, low in (("corrected", m), ("uncorrected", 0)):
        line = result["trrip_line"][key]
        assert 100 * (b - line) >= 20 * (b - low) > 100 * (b - line - 1)
    verdicts = result["trrip_nonresponse"]
    flips = verdicts["corrected"] != verdicts["uncorrected"]
    # Subtracting the minimum can only turn a "non-response" into "not below 20 %".
    assert not flips or verdicts["uncorrected"]
    assert bool(result["disagreements"]) == flips
    assert result["category"] is None
    assert result["remission"] == {}


def test_the_0_6_bprs_subtracts_nothing():
    for baseline in range(1, 109, 7):
        result = run({"scale": "bprs_0_6", "baseline": baseline, "current": 0})
        assert result["percent_improvement"] == result["percent_improvement_uncorrected"]
        assert result["minimum_subtracted"] == 0


CGI_I_IDS = ["very_much_improved", "much_improved", "minimally_improved", "no_change",
             "minimally_worse", "much_worse", "very_much_worse"]  # fmt: skip
CGI_S_IDS = ["normal", "borderline", "mildly_ill", "moderately_ill", "markedly_ill",
             "severely_ill", "extremely_ill"]  # fmt: skip


@given(st.integers(1, 7), st.one_of(st.none(), st.integers(0, 210)))
def test_cgi_i_is_read_as_it_stands(rating, baseline):
    inputs = {"scale": "cgi_i", "current": rating}
    if baseline is not None:
        inputs["baseline"] = baseline
    result = run(inputs)
    assert result["category"] == ("response" if rating <= 2 else "nonresponse")
    assert result["cgi_i_rating"] == CGI_I_IDS[rating - 1]
    assert result["percent_improvement"] is None
    assert result["remission"] == {}
    assert any("is not used" in w for w in result["warnings"]) == (baseline is not None)


@given(st.integers(1, 7), st.integers(1, 7))
def test_cgi_s_gives_bands_remission_and_suzukis_line(baseline, current):
    result = run({"scale": "cgi_s", "baseline": baseline, "current": current})
    assert result["severity_band"] == CGI_S_IDS[current - 1]
    assert result["baseline_band"] == CGI_S_IDS[baseline - 1]
    assert result["remission"] == {"riedel2010_cgi_s1": current == 1}
    assert result["at_least_moderately_ill"] == (current >= 4)
    assert result["change_points"] == baseline - current
    assert result["percent_improvement"] is None
    assert result["category"] is None


def test_hamd_21_and_24_bands_are_the_ids_qids_table():
    """Transcription check against clinical-evidence-2.md E14 (ids-qids.org, VERIFIED-P)."""
    e14 = {
        "hamd21": [(0, 8), (9, 15), (16, 22), (23, 28), (29, 64)],
        "hamd24": [(0, 9), (10, 18), (19, 26), (27, 34), (35, 75)],
    }
    names = ["none", "mild", "moderate", "severe", "very_severe"]
    for scale_id, spans in e14.items():
        (band_set,) = SCALES[scale_id].band_sets
        assert [(b.low, b.high) for b in band_set.bands] == spans
        assert [b.id for b in band_set.bands] == names
        assert all(b.rule.confidence == "VERIFIED-P" for b in band_set.bands)
        assert SCALES[scale_id].high == spans[-1][1]


def test_cgi_anchor_wording_is_the_evidence_files():
    """Transcription check against clinical-evidence-2.md E2 and E3 (VERIFIED-S)."""
    (severity,) = SCALES["cgi_s"].band_sets
    assert [b.label for b in severity.bands] == [
        "Normal, not at all ill", "Borderline mentally ill", "Mildly ill", "Moderately ill",
        "Markedly ill", "Severely ill", "Among the most extremely ill patients",
    ]  # fmt: skip
    assert [b.label for b in SCALES["cgi_i"].anchors] == [
        "Very much improved", "Much improved", "Minimally improved", "No change",
        "Minimally worse", "Much worse", "Very much worse",
    ]  # fmt: skip
    for bands in (severity.bands, SCALES["cgi_i"].anchors):
        assert [(b.low, b.high) for b in bands] == [(n, n) for n in range(1, 8)]
        assert all(b.rule.confidence == "VERIFIED-S" for b in bands)


def test_psychosis_minimums_and_their_labels():
    """E9, E13 (PANSS 30 items 1-7, 30-210: VERIFIED-P); E12 (BPRS 18: RECALLED count)."""
    panss, bprs, bprs06 = SCALES["panss"], SCALES["bprs"], SCALES["bprs_0_6"]
    assert (panss.low, panss.high, panss.minimum) == (30, 210, 30)
    assert panss.minimum_rule.confidence == "VERIFIED-P"
    assert panss.range_rule.confidence == "VERIFIED-P"
    assert (bprs.low, bprs.high, bprs.minimum) == (18, 126, 18)
    assert bprs.minimum_rule.confidence == "RECALLED"
    assert bprs.range_rule.confidence == "RECALLED"
    assert any("NOT FOUND" in note for note in bprs.notes)
    assert (bprs06.low, bprs06.high, bprs06.minimum) == (0, 108, 0)
    assert bprs06.range_rule.confidence == "RECALLED"
    for scale in (panss, bprs, bprs06):
        assert scale.floor == scale.minimum + 1


def test_no_recalled_doi_is_given_as_a_doi():
    """H12, H13: the DOIs of Hawley 2002 and Zimmerman 2004 are RECALLED, so none is shown."""
    sources = {s.key: s for s in response.CALCULATOR.sources}
    for key in ("hawley2002", "zimmerman2004"):
        assert sources[key].doi is None
        assert "pubmed.ncbi.nlm.nih.gov" in sources[key].url
    assert sources["storch2011"].doi == "10.1016/j.psychres.2010.08.021"
