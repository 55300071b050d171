"""Properties of the pseudo-resistance checklist over generated answers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trdcalc
from tests.calculators.case_check import cases_of, check_case
from tests.unit.test_content import FORBIDDEN
from trdcalc import pseudo_resistance
from trdcalc.schema import VERIFIED

NAMES = [item.name for item in pseudo_resistance.ITEMS]
ANSWERS = ("yes", "no", "unknown")
answers = st.dictionaries(st.sampled_from(NAMES), st.sampled_from(ANSWERS))


def run(values):
    return trdcalc.run("pseudo_resistance", values)


def full(values):
    """Every item's answer, with the default for the ones left out."""
    return {name: values.get(name, "unknown") for name in NAMES}


@given(answers)
def test_open_items_are_exactly_the_no_and_unknown_answers_in_checklist_order(values):
    result = run(values)
    expected = [name for name, answer in full(values).items() if answer != "yes"]
    assert [o["item"] for o in result["open_items"]] == expected
    assert result["open_count"] == len(expected)
    assert result["no_count"] + result["unknown_count"] == result["open_count"]
    assert len(result["checked_items"]) + result["open_count"] == len(NAMES)
    assert [d["key"] for d in result["details"]] == expected
    groups = [o["group"] for o in result["open_items"]]
    assert groups == sorted(groups, key=["checklist", "less_obvious", "further"].index)


@given(answers)
def test_status_follows_the_answer(values):
    for item in run(values)["open_items"]:
        answer = full(values)[item["item"]]
        assert item["answer"] == answer
        assert item["status"] == {"no": "open", "unknown": "unknown"}[answer]


@given(answers, st.sampled_from(NAMES), st.sampled_from(("no", "unknown")))
def test_leaving_a_check_open_never_lowers_the_count(values, name, answer):
    closed = run({**values, name: "yes"})["open_count"]
    opened = run({**values, name: answer})["open_count"]
    assert opened == closed + 1


@given(answers)
def test_every_open_item_names_verified_sources_the_result_lists(values):
    result = run(values)
    listed = {s["key"] for s in result["sources"]}
    for item in result["open_items"]:
        assert item["sources"]
        assert set(item["sources"]) <= listed
        assert item["confidence"] in VERIFIED
        assert item["why"]
        for evidence in item["evidence"]:
            assert evidence["confidence"] in VERIFIED
            assert set(evidence["sources"]) <= set(item["sources"])


@pytest.mark.parametrize("item", pseudo_resistance.ITEMS, ids=lambda i: i.name)
def test_every_item_can_be_open_and_closed(item):
    assert [
        o["item"] for o in run({**dict.fromkeys(NAMES, "yes"), item.name: "no"})["open_items"]
    ] == [item.name]
    assert item.name not in [o["item"] for o in run({item.name: "yes"})["open_items"]]


@pytest.mark.parametrize("item", pseudo_resistance.ITEMS, ids=lambda i: i.name)
def test_questions_ask_and_never_instruct(item):
    """A question for a clinician: it asks, and never tells anyone to start, stop or change."""
    assert item.question.endswith("?")
    assert item.label.endswith("?")
    for text in (item.question, item.label, item.why):
        for pattern in [*FORBIDDEN, r"\b(start|stop|change|switch) (your|the|this) medic"]:
            assert not re.search(pattern, text.lower()), (item.name, pattern)


def test_weak_and_conflicting_evidence_says_so():
    strengths = {i.name: i.strength for i in pseudo_resistance.ITEMS if i.strength}
    # Section 10 items 12 and 13 (thyroid, TBI) conflict; infection concerns onset only (6.1);
    # addendum G6-G8: vitamin B12 conflicts; G4-G5 concern causing depression, not failure.
    assert strengths == {
        "head_injury_checked": "conflicting",
        "endocrine_checked": "conflicting",
        "infection_checked": "weak",
        "depressogenic_medicines_checked": "weak",
        "folate_b12_checked": "conflicting",
    }
    for item in pseudo_resistance.ITEMS:
        if item.strength:
            said = {"conflicting": "The evidence conflicts", "weak": "The evidence is weak"}
            assert item.caution.startswith(said[item.strength])
            assert item.caution in item.why


@given(answers)
def test_the_plain_reading_lists_every_open_question_in_order(values):
    """Issue 14 item 5: the 'Plain language' tab gives the questions themselves, numbered."""
    result = run(values)
    plain = result["interpretation"]["plain"]
    at = -1
    for number, item in enumerate(result["open_items"], start=1):
        found = plain.find(f"{number}. {item['question']}")
        assert found > at, item["item"]
        at = found
    for item in pseudo_resistance.ITEMS:
        if item.name in result["checked_items"]:
            assert item.question not in plain


@given(answers)
def test_conflicting_open_items_are_listed_as_disagreements(values):
    result = run(values)
    conflicting = [
        o["title"] for o in result["open_items"] if o["evidence_strength"] == "conflicting"
    ]
    titled = [d.split(":")[0] for d in result["disagreements"]]
    assert [t for t in titled if t in conflicting] == conflicting


@given(answers)
def test_sources_that_disagree_on_a_number_are_listed_side_by_side(values):
    """Trial length (section 10 item 4) and bipolar screening cut-offs (G15-G17)."""
    result = run(values)
    open_names = {o["item"] for o in result["open_items"]}
    for item in pseudo_resistance.ITEMS:
        if item.sides:
            assert (item.sides in result["disagreements"]) == (item.name in open_names)


def test_every_source_is_defined_once_and_cited_by_an_item():
    keys = [s.key for s in pseudo_resistance.SOURCES]
    assert len(keys) == len(set(keys))
    cited = {k for item in pseudo_resistance.ITEMS for k in item.rule.sources}
    assert cited | set(pseudo_resistance.FRAMEWORK.sources) == set(keys)


def test_the_three_groups_come_from_their_sections():
    """6.2 checklist (10 items), 6.1 less obvious causes (9), addendum section G (7)."""
    groups = [item.group for item in pseudo_resistance.ITEMS]
    assert groups == ["checklist"] * 10 + ["less_obvious"] * 9 + ["further"] * 7


@given(st.sampled_from(NAMES), st.one_of(st.text(), st.integers(), st.booleans(), st.floats()))
def test_any_other_answer_is_a_clear_error_at_its_field(name, value):
    if value in ANSWERS or value in ("", None):
        return
    with pytest.raises(trdcalc.InputError) as caught:
        run({name: value})
    assert caught.value.field == name
    assert "yes, no, unknown" in caught.value.message


@given(st.text(min_size=1).filter(lambda s: s not in NAMES))
def test_unknown_fields_are_refused_by_name(name):
    with pytest.raises(trdcalc.InputError) as caught:
        run({name: "yes"})
    assert caught.value.field == name


@cases_of("pseudo_resistance")
def test_case(case):
    check_case("pseudo_resistance", case)
