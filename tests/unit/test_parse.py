"""The one validator: every input of any shape ends in typed values or a clear error (issue 9.9).

The first cases are the review's crashes: a traceback and exit 1 for an integer too large for a
float, an integer over Python's digit limit and deeply nested JSON; `"1_2"` read as 12; a lone
surrogate in an unknown key crashing the CLI's printing.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trdcalc
from tests.unit.test_cli import cli

MSM = {"severity": "mild", "failed_antidepressants": 1}


def run_text(calc: str, text: str) -> tuple[dict, int]:
    out, code = trdcalc.run_json(calc, text)
    return json.loads(out), code


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"duration_months": ' + "9" * 400 + ', "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
        ('{"duration_months": 6, "severity": "mild", "failed_antidepressants": '
         + "1" * 5000 + "}", ""),
        ("[" * 100_000 + "]" * 100_000, ""),
        ('{"duration_months": "1_2", "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
        ('{"duration_months": "١٢", "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
        ('{"duration_months": "1e400", "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
        ('{"duration_months": NaN, "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
        ('{"duration_months": -Infinity, "severity": "mild", "failed_antidepressants": 1}',
         "duration_months"),
    ],
    ids=["400-digits", "over-digit-limit", "deep-nesting", "underscore", "arabic-digits",
         "overflow-string", "nan", "infinity"],
)  # fmt: skip
def test_hostile_numbers_and_nesting_are_errors_not_tracebacks(text, field):
    data, code = run_text("msm", text)
    assert code == trdcalc.EXIT_INVALID
    assert data["error"]["field"] == field
    assert len(data["error"]["message"]) > 20
    assert "sys." not in data["error"]["message"]  # never Python's own advice to a reader


def test_plain_decimal_strings_are_still_numbers():
    for text in ("12", " 12 ", "12.5", "+12", "1.2e1", ".5"):
        result = trdcalc.run("msm", MSM | {"duration_months": text})
        assert result["inputs"]["duration_months"] == float(text.strip())


def test_a_lone_surrogate_in_an_unknown_key_prints():
    done = cli("run", "msm", '{"\\udcff": 1, "duration_months": 6}')
    assert done.returncode == trdcalc.EXIT_INVALID
    error = json.loads(done.stdout)["error"]
    assert "Unknown field" in error["message"]


def test_errors_json_lists_every_problem_at_once():
    raw = {"duration_months": -1, "severity": "awful", "failed_antidepressants": 0}
    found = json.loads(trdcalc.errors_json("msm", json.dumps(raw)))
    assert [e["field"] for e in found] == [
        "duration_months",
        "severity",
        "failed_antidepressants",
    ]
    first = json.loads(trdcalc.run_json("msm", json.dumps(raw))[0])["error"]
    assert found[0] == first


def test_errors_json_names_missing_fields_after_wrong_ones():
    found = json.loads(trdcalc.errors_json("msm", json.dumps({"severity": "awful"})))
    assert [e["field"] for e in found] == ["severity", "duration_months", "failed_antidepressants"]


def test_errors_json_runs_cross_field_rules_once_fields_are_valid():
    raw = {"drug": "haloperidol_decanoate", "dose_mg": 100, "method": "gardner_2010_lai"}
    found = json.loads(trdcalc.errors_json("cpz", json.dumps(raw)))
    assert [e["field"] for e in found] == ["interval_days"]
    assert json.loads(trdcalc.errors_json("msm", json.dumps(MSM | {"duration_months": 6}))) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150)
@given(st.sampled_from(sorted(trdcalc.CALCULATORS)), json_values)
def test_any_json_value_ends_in_a_result_or_an_error(calc, raw):
    out, code = trdcalc.run_json(calc, json.dumps(raw))
    data = json.loads(out)
    assert code in (trdcalc.EXIT_OK, trdcalc.EXIT_INVALID)
    assert ("error" in data) == (code == trdcalc.EXIT_INVALID)


@settings(max_examples=150)
@given(
    st.sampled_from(sorted(trdcalc.CALCULATORS)),
    st.data(),
)
def test_any_value_in_any_field_ends_in_a_result_or_an_error(calc, data):
    fields = [f.name for f in trdcalc.get(calc).fields]
    raw = data.draw(st.dictionaries(st.sampled_from(fields), json_values, max_size=len(fields)))
    out, code = trdcalc.run_json(calc, json.dumps(raw))
    assert code in (trdcalc.EXIT_OK, trdcalc.EXIT_INVALID)
    json.loads(out)
