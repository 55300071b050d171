"""Compare: one treatment history staged by every model and checked against every definition.

Each model is run through its own calculator, so no rule is written twice. Where a model prints
no rule for what counts as a failed adequate trial (MSM, Thase–Rush), trials are counted with the
Rybak 2021 rule (at least 4 weeks at an adequate dose, taken as prescribed, below 50 %
improvement); the ESM and MGH-s use their own 6-week minimum with the same below-50 % reading,
since neither prints a threshold. Both choices are DERIVED and the result names them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import esm, mgh_s, msm, thase_rush, trd_definitions
from .result import row, sources_used
from .schema import Calculator, Field, Option, Rule, Source, TableRow
from .trial_adequacy import DEFINITIONS, judge
from .trial_adequacy import FIELDS as TRIAL_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping

RYBAK = DEFINITIONS[0]
WEEKS_PER_MONTH = 52 / 12
ESM_MGH_WEEKS = 6  # ESM 6-8 weeks (medicalalgorithms), MGH-s 6 weeks (Hägg 2020)
NONRESPONSE = 50  # classic reading where a model prints no threshold (Rybak 2021)

SACKEIM2019 = Source(
    "sackeim2019",
    "Sackeim 2019",
    "Sackeim HA, Aaronson ST, Bunker MT, et al. The assessment of resistance to antidepressant "
    "treatment: rationale for the ATHF-SF. J Psychiatr Res 2019;113:125-136.",
    url="http://hdl.handle.net/10713/8859",
)
MODELS = (msm, thase_rush, esm, mgh_s, trd_definitions)
SOURCES = (
    *{s.key: s for calc in MODELS for s in calc.CALCULATOR.sources}.values(),
    SACKEIM2019,
)
DERIVED = Rule(("rybak2021",), "DERIVED")
PSYCHOTHERAPY_RULE = Rule(("sackeim2019",), "VERIFIED-P")

YES_NO = (Option(False, "No", 0, DERIVED), Option(True, "Yes", 0, DERIVED))
AGENTS = tuple(o for o in TRIAL_FIELDS[0].options if o.value in thase_rush.ANTIDEPRESSANTS)
HISTORY_ITEM = (
    replace(TRIAL_FIELDS[0], options=AGENTS, label="Antidepressant class"),
    *(replace(f, help="", help_title="") for f in TRIAL_FIELDS[1:]),
    Field(name="dose_optimised", dimension="optimisation", label="Dose was raised (optimised)",
          kind="boolean", default=False, options=YES_NO),
    Field(name="augmented", dimension="augmentation", label="Augmented (another medicine added)",
          kind="boolean", default=False, options=YES_NO),
    Field(name="combined", dimension="combination", label="Combined with a second antidepressant",
          kind="boolean", default=False, options=YES_NO),
)  # fmt: skip

FIELDS = (
    trd_definitions.DIAGNOSIS,
    msm.DURATION,
    msm.SEVERITY,
    replace(
        trd_definitions.TRIALS,
        label="Treatment trials in this episode, in order",
        item_fields=HISTORY_ITEM,
    ),
    replace(msm.ECT, label="ECT tried without enough response"),
    Field(
        name="psychotherapy",
        dimension="psychotherapy",
        label="A structured psychotherapy tried without enough response",
        kind="boolean",
        default=False,
        options=(
            Option(False, "No", 0, PSYCHOTHERAPY_RULE),
            Option(True, "Yes", 0, PSYCHOTHERAPY_RULE),
        ),
    ),
)


def _failed(trial: Mapping[str, Any], min_weeks: float) -> bool:
    """Failed adequate trial: long enough, adequate dose, taken as prescribed, below 50 %."""
    return (
        trial["weeks"] >= min_weeks
        and trial["dose_adequate"] == "yes"
        and trial["adherence"] == "good"
        and trial["improvement_percent"] < NONRESPONSE
    )


def _models(values: Mapping[str, Any]) -> list[dict[str, Any]]:
    trials = values["trials"]
    rybak_failed = [t for t in trials if judge(RYBAK, t)[0] == "failed"]
    long_failed = [t for t in trials if _failed(t, ESM_MGH_WEEKS)]
    rows = []
    if rybak_failed:
        result = msm.CALCULATOR.run({
            "duration_months": values["duration_months"],
            "severity": values["severity"],
            "failed_antidepressants": min(len(rybak_failed), 50),
            "augmentation": any(t["augmented"] for t in trials),
            "ect": values["ect"],
        })  # fmt: skip
        rows.append(("msm", msm.CALCULATOR.title, result["headline"], result))
    else:
        rows.append(("msm", msm.CALCULATOR.title, "Not scored: no failed adequate trial", None))
    result = thase_rush.CALCULATOR.run(
        {"failed_trials": [t["agent"] for t in rybak_failed] + ["ect"] * values["ect"]}
    )
    rows.append(("thase_rush", thase_rush.CALCULATOR.title, result["stage_label"], result))
    weeks = round(values["duration_months"] * WEEKS_PER_MONTH, 1)
    result = esm.CALCULATOR.run({"failed_trials": len(long_failed), "duration_weeks": weeks})
    rows.append(("esm", esm.CALCULATOR.title, result["category_label"], result))
    result = mgh_s.CALCULATOR.run({
        "trials": [
            {"weeks": t["weeks"], "adequate_dose": True, "dose_optimised": t["dose_optimised"],
             "augmented": t["augmented"], "combined": t["combined"]}
            for t in long_failed
        ],
        "ect": values["ect"],
    })  # fmt: skip
    rows.append(("mgh_s", mgh_s.CALCULATOR.title, f"{result['total']:g} points", result))
    return [
        {"model": key, "name": name, "summary": summary, "warnings": r["warnings"] if r else []}
        for key, name, summary, r in rows
    ]


def _disagreements(values: Mapping[str, Any], verdicts: dict[str, str]) -> list[str]:
    """Plain sentences on where and why the models and definitions part ways."""
    trials = values["trials"]
    notes = []
    partial = [t for t in trials if 25 <= t["improvement_percent"] < 50]  # noqa: PLR2004
    if partial:
        notes.append(
            f"{len(partial)} trial(s) improved by 25-49 %: a failure under the Canadian consensus "
            "(below 50 %), a partial response under EU-PEARL (below 25 %)."
        )
    short = [t for t in trials if 4 <= t["weeks"] < ESM_MGH_WEEKS]  # noqa: PLR2004
    if short:
        notes.append(
            f"{len(short)} trial(s) lasted 4 to 6 weeks: long enough for the Canadian consensus "
            "and EU-PEARL, too short for MGH staging and the European model (6 weeks or more)."
        )
    classes = {t["agent"] for t in trials}
    if len(trials) > len(classes):
        notes.append(
            f"{len(trials)} trials but {len(classes)} class(es): Thase–Rush counts classes, so "
            "repeated trials in one class do not raise its stage, while the MSM and MGH-s count "
            "every trial."
        )
    if any(t["augmented"] for t in trials):
        notes.append(
            "Augmentation adds points in the MSM and MGH staging; Thase–Rush and the European "
            "model leave it out."
        )
    if values["ect"]:
        notes.append(
            "ECT adds 1 point to the MSM and 3 to MGH staging, and counts in Thase–Rush only at "
            "stage V, after an MAOI."
        )
    if values["psychotherapy"]:
        notes.append(
            "A failed psychotherapy counts in none of these models or definitions; the ATHF-SF "
            "and the DM-TRD count it (Sackeim 2019; DM-TRD scoring not verified)."
        )
    if values["diagnosis"] == "bipolar":
        notes.append(
            "Bipolar depression: EU-PEARL places it outside TRD, while Gaynes 2020 reports 1 "
            "failed trial as the usual bar."
        )
    if {"trd", "not_met"} <= set(verdicts.values()):
        notes.append(
            "Only the MSM counts how long the episode has lasted and how severe it is; the "
            "definitions count trials alone."
        )
    return notes


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every model and definition for one history, and where they disagree."""
    models = _models(values)
    verdicts = trd_definitions.verdicts(values)
    by_definition = {v["definition"]: v["verdict"] for v in verdicts}
    details = [
        row(m["model"], m["name"], "; ".join(m["warnings"][:1]) or "as entered", m["summary"],
            DERIVED)
        for m in models
    ] + [
        row(v["definition"], trd_definitions.NAMES[v["definition"]], v["reason"],
            trd_definitions.verdict_label(v), trd_definitions.RULES[v["definition"]])
        for v in verdicts
    ]  # fmt: skip
    met = sum(v == "trd" for v in by_definition.values())
    applicable = sum(v != "not_applicable" for v in by_definition.values())
    return {
        "models": models,
        "verdicts": verdicts,
        "disagreements": _disagreements(values, by_definition),
        "headline": (
            f"{models[0]['summary']}; {models[1]['summary']}; {met} of {applicable} "
            "definitions call this TRD"
        ),
        "value_label": "Result",
        "details": details,
        "interpretation": {
            "clinical": (
                "Models run on their own calculators. Failed adequate trials are counted with the "
                "Rybak 2021 rule for the MSM and Thase–Rush (neither prints one), and with a "
                "6-week minimum and below-50 % improvement for the ESM and MGH-s (DERIVED). "
                "Episode weeks for the ESM = months x 52/12."
            ),
            "plain": (
                "The same history can look mild under one model and advanced under another, "
                "because each counts different things: how long and how severe the episode is, "
                "how many medicines or which types, add-ons, ECT. The notes below say where they "
                "part ways for this history. None of this is a diagnosis or a treatment decision."
            ),
        },
        "sources": sources_used(
            CALCULATOR, [DERIVED, PSYCHOTHERAPY_RULE, *trd_definitions.RULES.values()]
        ),
        "warnings": [w for m in models for w in m["warnings"] if "Not verified" in w],
    }


CALCULATOR = Calculator(
    id="compare",
    title="One history, every model",
    version="1.0.0",
    purpose="How does one treatment history come out under every staging model and definition?",
    fields=FIELDS,
    sources=SOURCES,
    compute=compute,
    table=(
        TableRow(
            "Maudsley Staging Method",
            "Trials failed by the Rybak 2021 rule; augmentation if "
            "any trial was augmented; ECT; duration and severity as entered",
            "3-15",
            DERIVED,
        ),
        TableRow(
            "Thase–Rush",
            "Classes of the trials failed by the Rybak 2021 rule, then ECT",
            "stage",
            DERIVED,
        ),
        TableRow(
            "European Staging Model",
            "Trials of 6 weeks or more at an adequate dose, taken "
            "as prescribed, below 50 %; weeks = months x 52/12",
            "category",
            DERIVED,
        ),
        TableRow(
            "MGH staging",
            "The same 6-week trials, with dose optimisation and augmentation; "
            "combination shown, not counted",
            "points",
            DERIVED,
        ),
        TableRow(
            "TRD definitions",
            "Each definition's own rule, as on the definitions calculator",
            "verdicts",
            DERIVED,
        ),
    ),
    value_label="Result",
)
