"""Compare: one treatment history staged by every model and checked against every definition.

Each model's own rule is called with typed values (`evaluate`), and its own words (`describe`),
so no rule is written twice and nothing is read back out of display text. Where a model prints
no rule for what counts as a failed adequate trial (MSM, Thase–Rush), trials are counted with the
Rybak 2021 rule (at least 4 weeks at an adequate dose, taken as prescribed, below 50 %
improvement); the ESM and MGH-s use their own 6-week minimum with the same below-50 % reading,
since neither prints a threshold. The European model's weeks of resistance are the weeks of the
trials it counts as failed, not the episode's length (issue 9, item 1). All these choices are
DERIVED and the result names them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from . import esm, mgh_s, msm, thase_rush, trd_definitions
from .calculator import Calculator
from .compare_notes import disagreements
from .result import Result, Row, row
from .schema import Field, Option, Rule, Source, TableRow
from .trial_adequacy import FIELDS as TRIAL_FIELDS
from .trial_adequacy_rules import RYBAK, judge

if TYPE_CHECKING:
    from collections.abc import Mapping

from .compare_notes import ESM_MGH_WEEKS, NONRESPONSE

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

YES_NO = (Option(False, "No"), Option(True, "Yes"))
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


def _unscored(f: Field) -> Field:
    """An MSM field as compare asks it: the same question, without the MSM's points."""
    return replace(
        f, ranges=(), options=tuple(replace(o, points=None, rule=None) for o in f.options)
    )


FIELDS = (
    trd_definitions.DIAGNOSIS,
    _unscored(msm.DURATION),
    _unscored(msm.SEVERITY),
    replace(
        trd_definitions.TRIALS,
        label="Treatment trials in this episode, in order",
        item_fields=HISTORY_ITEM,
    ),
    replace(_unscored(msm.ECT), label="ECT tried without enough response"),
    Field(
        name="psychotherapy",
        dimension="psychotherapy",
        label="A structured psychotherapy tried without enough response",
        kind="boolean",
        default=False,
        options=YES_NO,
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


@dataclass(frozen=True)
class CompareOutcome:
    """Every model's typed outcome for one history, and the definitions' verdicts."""

    msm: msm.MsmOutcome | None  # None: no failed adequate trial, so the MSM gives no score
    thase_rush: thase_rush.ThaseRushOutcome
    esm: esm.EsmOutcome
    mgh_s: mgh_s.MghOutcome
    definitions: trd_definitions.DefinitionsOutcome
    values: Mapping[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "models": [
                {"model": key, "name": name, "summary": summary, "warnings": list(warnings)}
                for key, name, summary, warnings, _ in model_lines(self)
            ],
            **self.definitions.as_json(),
        }


def evaluate(values: Mapping[str, Any]) -> CompareOutcome:
    """Each model's own rule on the trials it counts (typed values, no JSON round trip)."""
    trials = values["trials"]
    rybak_failed = [t for t in trials if judge(RYBAK, t)[0] == "failed"]
    long_failed = [t for t in trials if _failed(t, ESM_MGH_WEEKS)]
    augmented = any(t["augmented"] for t in trials)
    msm_outcome = (
        msm.evaluate({
            "duration_months": values["duration_months"],
            "severity": values["severity"],
            "failed_antidepressants": len(rybak_failed),
            "augmentation": augmented,
            "ect": values["ect"],
        })
        if rybak_failed
        else None
    )  # fmt: skip
    staged = [t["agent"] for t in rybak_failed] + ["ect"] * values["ect"]
    return CompareOutcome(
        msm=msm_outcome,
        thase_rush=thase_rush.evaluate({"failed_trials": staged}),
        esm=esm.evaluate({
            "failed_trials": len(long_failed),
            "duration_weeks": sum(t["weeks"] for t in long_failed),
            "augmentation": augmented,
        }),
        mgh_s=mgh_s.evaluate({
            "trials": [
                {"weeks": t["weeks"], "adequate_dose": True, "dose_optimised": t["dose_optimised"],
                 "augmented": t["augmented"], "combined": t["combined"],
                 "duration_optimised": False}
                for t in long_failed
            ],
            "ect": values["ect"],
        }),
        definitions=trd_definitions.evaluate(values),
        values=values,
    )  # fmt: skip


def model_lines(outcome: CompareOutcome) -> list[tuple[str, str, str, tuple[str, ...], Any]]:
    """(id, name, summary, warnings, unverified note) per model, from each model's own words."""
    lines = []
    if outcome.msm is None:
        lines.append(
            ("msm", msm.CALCULATOR.title, "Not scored: no failed adequate trial", (), None)
        )
    else:
        said = msm.describe(outcome.msm)
        lines.append(("msm", msm.CALCULATOR.title, said.headline, said.warnings, None))
    tr = outcome.thase_rush
    lines.append(
        ("thase_rush", thase_rush.CALCULATOR.title, tr.as_json()["stage_label"],
         thase_rush.describe(tr).warnings, None)
    )  # fmt: skip
    lines.append(
        ("esm", esm.CALCULATOR.title, outcome.esm.category.label,
         esm.describe(outcome.esm).warnings, esm.unverified_note(outcome.esm))
    )  # fmt: skip
    mgh = outcome.mgh_s
    lines.append(
        ("mgh_s", mgh_s.CALCULATOR.title, f"{mgh.total:g} points", mgh_s.describe(mgh).warnings,
         mgh_s.unverified_note(mgh))
    )  # fmt: skip
    return lines


def _rows(outcome: CompareOutcome) -> list[Row]:
    lines = model_lines(outcome)
    rows = [
        row(key, name, warnings[0] if warnings else "as entered", summary, DERIVED)
        for key, name, summary, warnings, _ in lines
    ]
    rows += [
        row(k, trd_definitions.NAMES[k], r, trd_definitions.verdict_label(k, v),
            trd_definitions.VERDICT_RULES[k])
        for k, v, r in outcome.definitions.verdicts
    ]  # fmt: skip
    return rows


SHORT_NAMES = {"msm": "MSM", "thase_rush": "Thase–Rush", "esm": "ESM", "mgh_s": "MGH-s"}


def describe(outcome: CompareOutcome) -> Result:
    """Every model and definition side by side, named, with where they part ways."""
    lines = model_lines(outcome)
    models = "; ".join(f"{SHORT_NAMES[key]}: {summary}" for key, _, summary, _, _ in lines)
    return Result(
        headline=f"{models}; {trd_definitions.headline(outcome.definitions)}",
        value_label="Result",
        rows=tuple(_rows(outcome)),
        clinical=(
            "Models run on their own rules. Failed adequate trials are counted with the Rybak "
            f"2021 rule for the MSM and Thase–Rush (neither prints one), and with a "
            f"{ESM_MGH_WEEKS}-week minimum and below-{NONRESPONSE:g} % improvement for the ESM "
            "and MGH-s (DERIVED). The ESM's weeks of resistance are the weeks of the trials it "
            "counts as failed; the MSM's duration is the episode's."
        ),
        plain=(
            "The same history can look mild under one model and advanced under another, "
            "because each counts different things: how long and how severe the episode is, "
            "how many medicines or which types, add-ons, ECT. The notes below say where they "
            "part ways for this history. None of this is a diagnosis or a treatment decision."
        ),
        warnings=tuple(note for *_, note in lines if note),
        rules=(DERIVED, PSYCHOTHERAPY_RULE, *trd_definitions.VERDICT_RULES.values()),
        disagreements=tuple(disagreements(outcome)),
    )


CALCULATOR = Calculator(
    id="compare",
    title="One history, every model",
    version="2.0.0",
    purpose="How does one treatment history come out under every staging model and definition?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
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
            f"Trials of {ESM_MGH_WEEKS} weeks or more at an adequate dose, taken as prescribed, "
            f"below {NONRESPONSE:g} %; weeks of resistance = the weeks of those trials; "
            "augmentation if any trial was augmented",
            "category",
            DERIVED,
        ),
        TableRow(
            "MGH staging",
            f"The same {ESM_MGH_WEEKS}-week trials, with dose optimisation and augmentation; "
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
