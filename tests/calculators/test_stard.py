"""Properties of the STAR*D cumulative-remission arithmetic, over generated step rates."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from trdcalc import stard

SVG = "{http://www.w3.org/2000/svg}"
percent = st.one_of(st.integers(0, 100), st.floats(0, 100).map(lambda x: round(x, 2)))
rates = st.lists(percent, min_size=1, max_size=8)


@st.composite
def with_dropout(draw):
    remission = draw(rates)
    dropout = draw(st.lists(percent, min_size=len(remission), max_size=len(remission)))
    return remission, dropout


def run(remission, dropout=None):
    inputs = {"remission_percents": remission}
    if dropout is not None:
        inputs["dropout_percents"] = dropout
    return trdcalc.run("stard", inputs)


@given(rates)
def test_without_dropout_the_product_rule_holds(remission):
    """clinical-evidence.md 8.1 B: cumulative = 1 - prod(1 - r_i) when nobody drops out."""
    result = run(remission)
    expected = 100 * (1 - math.prod(1 - r / 100 for r in remission))
    assert abs(result["cumulative_percent"] - expected) <= 0.05 + 1e-9
    assert result["cumulative_percent"] == result["no_dropout_percent"]
    assert not result["warnings"]


@given(with_dropout())
def test_the_total_stays_within_0_and_the_no_dropout_figure(pair):
    result = run(*pair)
    assert 0 <= result["cumulative_percent"] <= result["no_dropout_percent"] <= 100


@given(with_dropout())
def test_every_step_accounts_for_everyone_who_entered(pair):
    steps = run(*pair)["steps"]
    assert steps[0]["entered"] == 100
    assert [s["step"] for s in steps] == list(range(1, len(steps) + 1))
    for step, following in itertools.pairwise(steps):
        assert following["entered"] == step["remaining"]
        assert following["cumulative_percent"] >= step["cumulative_percent"]
    for step in steps:
        parts = step["remitted"] + step["dropped_out"] + step["remaining"]
        assert abs(parts - step["entered"]) <= 0.15 + 1e-9  # three roundings of 0.05


@given(with_dropout(), st.data())
def test_a_higher_remission_rate_never_lowers_the_total(pair, data):
    remission, dropout = pair
    index = data.draw(st.integers(0, len(remission) - 1))
    higher = list(remission)
    higher[index] = data.draw(st.floats(remission[index], 100).map(lambda x: min(x, 100)))
    assert (
        run(higher, dropout)["cumulative_percent"] >= run(remission, dropout)["cumulative_percent"]
    )


@given(with_dropout(), st.data())
def test_more_dropout_never_raises_the_total(pair, data):
    remission, dropout = pair
    index = data.draw(st.integers(0, len(dropout) - 1))
    more = list(dropout)
    more[index] = data.draw(st.floats(dropout[index], 100).map(lambda x: min(x, 100)))
    assert (
        run(remission, more)["cumulative_percent"] <= run(remission, dropout)["cumulative_percent"]
    )


@given(rates.filter(lambda r: len(r) < 8), percent)
def test_a_further_step_never_lowers_the_total(remission, extra):
    assert run([*remission, extra])["cumulative_percent"] >= run(remission)["cumulative_percent"]


@given(with_dropout())
def test_only_dropout_after_the_last_step_is_flagged(pair):
    remission, dropout = pair
    result = run(remission, dropout)
    assert len(result["warnings"]) == (1 if dropout[-1] else 0)
    last_free = [*dropout[:-1], 0]
    assert result["cumulative_percent"] == run(remission, last_free)["cumulative_percent"]


@given(with_dropout())
def test_the_chart_is_a_self_contained_accessible_svg(pair):
    result = run(*pair)
    root = ET.fromstring(result["chart_svg"])  # noqa: S314 - our own markup, built from numbers
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert f"{result['cumulative_percent']:.1f} remitted" in root.get("aria-label")
    assert root.find(f"{SVG}title").text
    tags = {node.tag.removeprefix(SVG) for node in root.iter()}
    assert tags <= {"svg", "title", "text", "rect"}
    assert not any(
        name.startswith("on") or "href" in name for n in root.iter() for name in n.attrib
    )
    words = [node.text for node in root.iter(f"{SVG}text")]
    for step in result["steps"]:
        assert f"Step {step['step']}" in words
        assert any(w.startswith(f"{step['cumulative_percent']:.1f} remitted") for w in words)


bad_rate = st.one_of(
    st.floats(100.01, 1e6),
    st.floats(-1e6, -0.01),
    st.text().filter(lambda t: not _is_number(t)),
    st.booleans(),
    st.none(),
)


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


@given(rates, st.data(), bad_rate)
def test_a_bad_rate_names_its_step_and_the_range(remission, data, bad):
    index = data.draw(st.integers(0, len(remission) - 1))
    broken = list(remission)
    broken[index] = bad
    with pytest.raises(trdcalc.InputError) as caught:
        run(broken)
    assert caught.value.field == f"remission_percents.{index}"
    assert f"Step {index + 1}" in caught.value.message
    assert "0 to 100" in caught.value.message


@given(with_dropout(), st.integers(1, 8))
def test_a_dropout_list_of_another_length_is_refused(pair, length):
    remission, _ = pair
    if length == len(remission):
        return
    with pytest.raises(trdcalc.InputError) as caught:
        run(remission, [0] * length)
    assert caught.value.field == "dropout_percents"
    assert str(len(remission)) in caught.value.message


@given(st.integers(9, 20))
def test_too_many_steps_is_refused(count):
    with pytest.raises(trdcalc.InputError) as caught:
        run([10] * count)
    assert caught.value.field == "remission_percents"
    assert "1 to 8" in caught.value.message


def test_theoretical_is_never_attributed_to_the_rush_abstract():
    """H1/H2: the abstract gives 67 % without a caveat; 'theoretical' is Pigott 2015's word.

    It is also Bandolier's ('theoretical maximum'). Both VERIFIED-S, never the Rush abstract.

    Checked in the result's rows and in the rules table the page prints from the module.
    """
    result = run(list(stard.STARD_RATES))
    rows = [
        (r["label"] + " " + r["answer"], r["sources"], r["confidence"]) for r in result["details"]
    ]
    table = [
        (f"{t.group} {t.label} {t.value}", list(t.rule.sources), t.rule.confidence)
        for t in stard.CALCULATOR.table_rows()
    ]
    said = [(text, keys, label) for text, keys, label in rows + table if "theoretical" in text]
    assert said
    for text, keys, label in said:
        assert "rush2006" not in keys, text
        assert set(keys) == {"pigott2015", "bandolier"}, text
        assert label == "VERIFIED-S", text
    reported = [(t, k, c) for t, k, c in rows + table if "as reported in the abstract" in t]
    assert reported
    assert all(keys == ["rush2006"] and label == "VERIFIED-P" for _, keys, label in reported)


def test_the_clinical_reading_labels_each_part_of_the_67():
    """Whatever the rates, the comparison with STAR*D names who says what, with its label."""
    clinical = run([50])["interpretation"]["clinical"]
    abstract, _, rest = clinical.partition("Pigott 2015")
    assert "as reported in the abstract" in abstract
    assert "VERIFIED-P" in abstract
    assert "theoretical" not in abstract
    assert "theoretical" in rest
    assert "VERIFIED-S" in rest
    assert "not read" in rest


@cases_of("stard")
def test_case(case):
    check_case("stard", case)
