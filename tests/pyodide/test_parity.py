"""The same cases through Pyodide 3.14 in Node, from the built archive, give the host's JSON."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess

import pytest

import trdcalc
from tests.conftest import ROOT, load_cases

HERE = ROOT / "tests" / "pyodide"


def random_inputs(rng: random.Random) -> dict:
    """Answers across the whole MSM input space, valid and not."""
    return {
        "duration_months": rng.choice([rng.randint(0, 600), round(rng.uniform(0, 30), 3), -1, "x"]),
        "severity": rng.choice([o.value for o in trdcalc.get("msm").fields[1].options] + ["?"]),
        "failed_antidepressants": rng.choice([rng.randint(0, 60), 2.5]),
        "augmentation": rng.choice([True, False]),
        "ect": rng.choice([True, False]),
    }


def random_history(rng: random.Random) -> dict:
    """Inputs for the list-based calculators, valid and not."""
    classes = ["ssri", "snri", "tca", "maoi", "other", "ect", "bad"]
    trials = [
        {
            "weeks": rng.choice([rng.randint(0, 12), round(rng.uniform(0, 12), 2)]),
            "adequate_dose": rng.random() < 0.8,
            "dose_optimised": rng.random() < 0.3,
            "augmented": rng.random() < 0.3,
            "combined": rng.random() < 0.2,
        }
        for _ in range(rng.randint(0, 6))
    ]

    def one_trial() -> dict:
        return {
            "agent": rng.choice(["ssri", "snri", "tca", "maoi", "other", "augmentation"]),
            "dose_adequate": rng.choice(["yes", "yes", "no", "unknown"]),
            "weeks": rng.choice([rng.randint(0, 10), round(rng.uniform(0, 10), 1)]),
            "adherence": rng.choice(["good", "good", "poor", "unknown"]),
            "improvement_percent": rng.randint(-30, 100),
            "stopped": rng.choice(["no", "no", "intolerance", "other"]),
        }

    return {
        "trial_adequacy": one_trial(),
        "trd_definitions": {
            "diagnosis": rng.choice(["unipolar", "unipolar", "bipolar"]),
            "trials": [one_trial() for _ in range(rng.randint(0, 5))],
            "ect": rng.random() < 0.3,
        },
        "compare": {
            "diagnosis": rng.choice(["unipolar", "bipolar"]),
            "duration_months": rng.choice([rng.randint(0, 60), 12.5]),
            "severity": rng.choice(["subsyndromal", "mild", "moderate", "severe"]),
            "trials": [
                dict(one_trial(), augmented=rng.random() < 0.3) for _ in range(rng.randint(0, 5))
            ],
            "ect": rng.random() < 0.3,
            "psychotherapy": rng.random() < 0.3,
        },
        "thase_rush": {"failed_trials": rng.choices(classes, k=rng.randint(0, 7))},
        "esm": {"failed_trials": rng.randint(-1, 9), "duration_weeks": rng.uniform(0, 80)},
        "mgh_s": {"trials": trials, "ect": rng.random() < 0.3},
    }


def parity_inputs() -> list[dict]:
    cases = [
        {"calc": calc, "inputs": json.dumps(case["inputs"], ensure_ascii=False)}
        for calc in sorted(trdcalc.CALCULATORS)
        for case in load_cases(calc)
    ]
    rng = random.Random(20261123)
    cases += [{"calc": "msm", "inputs": json.dumps(random_inputs(rng))} for _ in range(300)]
    for _ in range(100):
        cases += [
            {"calc": calc, "inputs": json.dumps(inputs)}
            for calc, inputs in random_history(rng).items()
        ]
    for text in ["{not json", "[]", "null", '{"duration_months": 1e400}', '{"ect": "yes"}']:
        cases += [{"calc": calc, "inputs": text} for calc in sorted(trdcalc.CALCULATORS)]
    cases.append({"calc": "no_such_calc", "inputs": "{}"})
    return cases


def run_in_node(built_site, folder, cases: list[dict], compiled=(), env=None) -> dict:
    """The report of run_cases.mjs.

    `compiled`: (stdlib zip, package zip[, snapshot]) to start from first; `env`: extra
    environment (PROBE_MODULE).
    """
    node = shutil.which("node")
    assert node, "Node.js is required for the Pyodide parity tests"
    path = folder / "cases.json"
    path.write_text(json.dumps(cases))
    (archive,) = built_site.glob("assets/trdcalc-*.zip")
    command = [node, str(HERE / "run_cases.mjs"), str(archive), str(path)]
    done = subprocess.run(
        [*command, *map(str, compiled)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def pyodide_run(built_site, tmp_path_factory):
    """Every case, started as before bytecode: from Pyodide's own source-only stdlib."""
    cases = parity_inputs()
    return cases, run_in_node(built_site, tmp_path_factory.mktemp("parity"), cases)


@pytest.fixture(scope="module")
def bytecode_run(built_site, tmp_path_factory):
    """Every case, started as the worker starts first: from the byte-compiled stdlib."""
    cases = parity_inputs()
    folder = tmp_path_factory.mktemp("bytecode")
    return cases, run_in_node(built_site, folder, cases, compiled_archives(built_site))


@pytest.fixture(scope="module")
def snapshot_run(built_site, tmp_path_factory):
    """Every case, started as the worker starts first: from the memory snapshot."""
    cases = parity_inputs()
    folder = tmp_path_factory.mktemp("snapshot")
    return cases, run_in_node(
        built_site, folder, cases, [*compiled_archives(built_site), snapshot_file(built_site)]
    )


def compiled_archives(built_site):
    (stdlib,) = built_site.glob("assets/stdlib-*.zip")
    (package,) = built_site.glob("assets/bytecode/trdcalc-*.zip")
    return stdlib, package


def snapshot_file(built_site):
    (snapshot,) = built_site.glob("assets/snapshot-*.bin")
    return snapshot


def assert_identical(cases, report):
    assert len(report["outputs"]) == len(cases)
    mismatches = []
    for case, got in zip(cases, report["outputs"], strict=True):
        text, code = trdcalc.run_json(case["calc"], case["inputs"])
        if (got["text"], got["exit"]) != (text, code):
            mismatches.append((case, got, text))
    assert not mismatches, mismatches[:3]


def test_runs_in_python_3_14(pyodide_run):
    _, report = pyodide_run
    assert report["python"].startswith("3.14.")
    assert report["way"] == "source"


def test_every_case_gives_identical_json_and_exit_code(pyodide_run):
    assert_identical(*pyodide_run)


def test_parity_cases_include_results_and_errors(pyodide_run):
    _, report = pyodide_run
    exits = [o["exit"] for o in report["outputs"]]
    assert exits.count(0) > 50
    assert exits.count(2) > 20


def test_bytecode_start_gives_identical_json_on_every_case(bytecode_run):
    assert_identical(*bytecode_run)


def test_bytecode_start_runs_compiled_stdlib_and_package(bytecode_run):
    _, report = bytecode_run
    assert report["way"] == "bytecode"
    compiled = set(report["compiled"])
    assert {"json", "trdcalc", "trdcalc.msm"} <= compiled
    assert all(f"trdcalc.{name}" in compiled for name in ("api", "compare", "cpz", "stard"))


def test_corrupt_bytecode_archive_falls_back_to_the_source_stdlib(built_site, tmp_path):
    stdlib, package = compiled_archives(built_site)
    broken = tmp_path / "stdlib-broken.zip"
    broken.write_bytes(stdlib.read_bytes()[:4096])
    cases = parity_inputs()[:40]
    report = run_in_node(built_site, tmp_path, cases, (broken, package))
    assert report["way"] == "source"
    assert_identical(cases, report)


def test_missing_bytecode_archive_falls_back_to_the_source_stdlib(built_site, tmp_path):
    cases = parity_inputs()[:40]
    _, package = compiled_archives(built_site)
    report = run_in_node(built_site, tmp_path, cases, (tmp_path / "no-such-stdlib.zip", package))
    assert report["way"] == "source"
    assert_identical(cases, report)


def test_snapshot_start_gives_identical_json_on_every_case(snapshot_run):
    assert_identical(*snapshot_run)


def test_snapshot_start_runs_every_case_without_falling_back(snapshot_run):
    _, report = snapshot_run
    assert (report["way"], report["ranIn"]) == ("snapshot", "snapshot")
    assert report["python"].startswith("3.14.")


def test_a_module_the_snapshot_lacks_moves_the_runs_to_the_bytecode_way(built_site, tmp_path):
    cases = parity_inputs()[:40]
    files = [*compiled_archives(built_site), snapshot_file(built_site)]
    report = run_in_node(built_site, tmp_path, cases, files, env={"PROBE_MODULE": "csv"})
    # the restored interpreter reports the missing module; it does not read a stale zip
    assert report["probe"] == "ModuleNotFoundError"
    assert (report["way"], report["ranIn"]) == ("snapshot", "bytecode")
    assert_identical(cases, report)


@pytest.mark.parametrize("damage", ["truncated", "other_build"])
def test_a_broken_snapshot_falls_back_to_the_bytecode_way(built_site, tmp_path, damage):
    data = bytearray(snapshot_file(built_site).read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    else:
        data[16] ^= 0xFF  # the first byte of the build id Pyodide checks
    broken = tmp_path / "snapshot-broken.bin"
    broken.write_bytes(bytes(data))
    cases = parity_inputs()[:40]
    report = run_in_node(built_site, tmp_path, cases, [*compiled_archives(built_site), broken])
    assert (report["way"], report["ranIn"]) == ("bytecode", "bytecode")
    assert_identical(cases, report)
