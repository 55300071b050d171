"""The package's public surface: what the hook, the worker, the CLI and the tests use."""

from __future__ import annotations

import json

import trdcalc


def test_all_exports_exist():
    for name in trdcalc.__all__:
        assert hasattr(trdcalc, name), name


def test_no_private_names_exported():
    assert all(not name.startswith("_") or name == "__version__" for name in trdcalc.__all__)


def test_msm_is_registered():
    assert "msm" in trdcalc.CALCULATORS


def test_run_json_returns_text_and_exit_code():
    text, code = trdcalc.run_json(
        "msm", '{"duration_months": 6, "severity": "mild", "failed_antidepressants": 1}'
    )
    assert code == trdcalc.EXIT_OK
    assert json.loads(text)["total"] == 4


def test_run_json_reports_bad_json_as_an_error():
    text, code = trdcalc.run_json("msm", "{not json")
    assert code == trdcalc.EXIT_INVALID
    assert set(json.loads(text)["error"]) == {"field", "message"}


def test_unknown_calculator_is_an_error_not_a_traceback():
    text, code = trdcalc.run_json("nope", "{}")
    assert code == trdcalc.EXIT_INVALID
    assert "msm" in json.loads(text)["error"]["message"]
