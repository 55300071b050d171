"""The CLI contract of the site plan (section 6), run as an external program would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import CALCULATORS, ROOT, load_cases


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(CALCULATORS)}
    return subprocess.run(
        [sys.executable, "-m", "trdcalc", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_list_prints_the_ids():
    done = cli("list")
    assert done.returncode == 0
    assert "msm" in done.stdout.split()


def test_schema_prints_fixed_field_names():
    done = cli("schema", "msm")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    names = [f["name"] for f in schema["fields"]]
    assert names == ["duration_months", "severity", "failed_antidepressants", "augmentation", "ect"]
    severity = next(f for f in schema["fields"] if f["name"] == "severity")
    assert [o["value"] for o in severity["options"]] == [
        "subsyndromal",
        "mild",
        "moderate",
        "severe",
        "severe_psychotic",
    ]


def test_run_prints_the_result_and_exits_0():
    case = next(c for c in load_cases("msm") if c["id"] == "M7")
    done = cli("run", "msm", json.dumps(case["inputs"]))
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert (result["total"], result["band"]) == (15, "severe")
    assert set(result["breakdown"]) == {
        "duration",
        "severity",
        "antidepressants",
        "augmentation",
        "ect",
    }
    assert result["calculator"] == "msm"
    assert result["sources"]
    assert result["warnings"] == []


def test_invalid_input_prints_the_error_and_exits_2():
    done = cli(
        "run", "msm", '{"duration_months": 30, "severity": "moderate", "failed_antidepressants": 0}'
    )
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["field"] == "failed_antidepressants"
    assert "1 to 50" in error["message"]


def test_non_numeric_input_names_the_allowed_range():
    done = cli(
        "run", "msm", '{"duration_months": "abc", "severity": "mild", "failed_antidepressants": 1}'
    )
    assert done.returncode == 2
    assert "above 0 and up to 600 months" in json.loads(done.stdout)["error"]["message"]


def test_unknown_command_prints_usage():
    done = cli("frobnicate")
    assert done.returncode != 0
    assert "usage" in done.stderr
