"""Trial adequacy: whether one treatment trial was adequate, and failed, under each definition.

Rules from clinical-evidence.md sections 1.2, 1.3, 1.6, 2.1, 2.4 and 2.5. Dose adequacy is the
reader's answer (adequate / not / unknown): no verified per-drug minimum-dose table exists
(antidepressant-doses.md), so the calculator never applies a hidden dose threshold. No definition
read gives a numeric adherence threshold for depression (NOT FOUND), so poor adherence makes every
verdict "cannot count" with that reason instead of a guess.

EU-PEARL item 10 (clinical-evidence-2.md H9): stopping before the 4th week is not a failure
"without clear evidence of lack of response"; with clear evidence it may count, so the calculator
asks. Karolinska (H10): Hägg 2020's abstract says ">28 days", its Panel 1 "at least 28 days";
the calculator applies ">28 days" and flags a trial of exactly 28 days as ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, row
from .schema import Field, Option, TableRow
from .sources import ATHF, HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022
from .trial_adequacy_rules import (
    DEFINITIONS,
    EARLY_STOP_WEEKS,
    KIM_AMBIGUITY,
    RYBAK,
    SFORZINI,
    Definition,
    judge,
    kim_boundary,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    RYBAK_2021,
    SFORZINI_2022,
    HAGG_2020,
    MEDICALALGORITHMS,
    ATHF,
)


VERDICT_LABELS = {
    "failed": "Failed adequate trial",
    "partial_response": "Partial response (not a failure here)",
    "response": "Response (not a failure)",
    "adequate": "Adequate length and dose; no response threshold printed",
    "too_short": "Not adequate: too short",
    "not_counted_early_stop": "Not counted: stopped before week 4",
    "dose_not_adequate": "Not adequate: dose",
    "cannot_tell": "Cannot tell",
}

YES_NO_UNKNOWN = (
    Option("yes", "Adequate"),
    Option("no", "Not adequate"),
    Option("unknown", "Unknown"),
)
FIELDS = (
    Field(name="agent", dimension="agent", label="What was tried", kind="choice",
          options=tuple(Option(v, label) for v, label in (
              ("ssri", "SSRI"), ("snri", "SNRI"), ("tca", "Tricyclic (TCA)"),
              ("maoi", "MAO inhibitor"), ("other", "Other antidepressant"),
              ("augmentation", "Augmentation of an antidepressant"),
              ("combination", "Combination of two antidepressants")))),
    Field(name="dose_adequate", dimension="dose", label="Was the dose adequate?", kind="choice",
          options=YES_NO_UNKNOWN,
          help_title="Why does the calculator not judge the dose?",
          help=("No verified table of minimum doses per medicine was found for this site, so the "
                "dose is your answer, or your clinician's. The dose notes on this page are "
                "context, not thresholds.")),
    Field(name="weeks", dimension="weeks", label="Weeks on this treatment", kind="number",
          unit="weeks", minimum=0, maximum=520,
          help_title="Weeks from when?",
          help=("MGH staging counts the weeks at an adequate dose (Hägg 2020). The other "
                "definitions here give a length without saying whether it counts from the first "
                "dose or from reaching the full dose; count the weeks at the dose you judge "
                "adequate, and say which you counted when you share the result.")),
    Field(name="adherence", dimension="adherence", label="Was it taken as prescribed?",
          kind="choice", options=(
              Option("good", "Yes, nearly always"),
              Option("poor", "No, often missed"),
              Option("unknown", "Unknown"))),
    Field(name="improvement_percent", dimension="improvement",
          label="Improvement in symptom score", kind="number", unit="percent",
          minimum=-100, maximum=100,
          help_title="How is improvement counted?",
          help=("The fall in a rating-scale score from the start of the trial, as a percentage "
                "of the starting score: from 24 to 18 is 25 %. A rise is negative.")),
    Field(name="stopped", dimension="stopped", label="How did the trial end?", kind="choice",
          options=(
              Option("no", "Completed, or still going"),
              Option("intolerance", "Stopped because of side effects"),
              Option("other", "Stopped for another reason"))),
    Field(name="clear_nonresponse", dimension="clear_nonresponse",
          label="If it stopped early: was there clear evidence that it was not working?",
          kind="choice", default="unknown",
          options=(Option("yes", "Yes, clearly not working"), Option("no", "No"),
                   Option("unknown", "Unknown, or it did not stop early")),
          help_title="Why does this matter?",
          help=(f"EU-PEARL does not count a trial stopped before the end of week "
                f"{EARLY_STOP_WEEKS} as a failure unless there was clear evidence of lack of "
                "response (Sforzini 2022, item 10). The other definitions do not ask.")),
)  # fmt: skip


def _warnings(trial: Mapping[str, Any]) -> list[str]:
    notes = []
    if trial["stopped"] == "intolerance":
        notes.append(
            "Stopped because of side effects: the ATHF lowers a trial's rating by one step when "
            "it ended for poor tolerability or non-adherence (secondary summary, weak source)."
        )
    if trial["agent"] in ("augmentation", "combination"):
        notes.append(
            "Augmentation and combination trials may be judged on other lengths; in one worked "
            "MGH-ATRQ case a 4-week augmentation was counted as failed (Current Psychiatry 2012)."
        )
    if kim_boundary(trial["weeks"]):
        notes.append(KIM_AMBIGUITY)
    return notes


@dataclass(frozen=True)
class TrialOutcome:
    """One verdict id and its reason per definition, for one trial."""

    verdicts: tuple[tuple[Definition, str, str], ...]  # (definition, verdict id, reason)
    warnings: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "verdicts": [
                {"definition": d.id, "verdict": v, "reason": r} for d, v, r in self.verdicts
            ]
        }


def evaluate(values: Mapping[str, Any]) -> TrialOutcome:
    """One verdict per definition, each with its reason."""
    verdicts = tuple((d, *judge(d, values)) for d in DEFINITIONS)
    return TrialOutcome(verdicts, tuple(_warnings(values)))


def describe(outcome: TrialOutcome) -> Result:
    """Each definition's verdict as a row; agreement or disagreement in the headline."""
    rows = tuple(row(d.id, d.name, r, VERDICT_LABELS[v], d.rule) for d, v, r in outcome.verdicts)
    failed = [d.name for d, v, _ in outcome.verdicts if v == "failed"]
    ids = [v for _, v, _ in outcome.verdicts]
    headline = (
        "The definitions agree: " + VERDICT_LABELS[ids[0]].lower()
        if len(set(ids)) == 1
        else f"The definitions disagree ({len(failed)} of {len(DEFINITIONS)} count a failure)"
    )
    lengths = "; ".join(f"{d.name.split(' (')[0]} {d.length_text}" for d in DEFINITIONS)
    return Result(
        headline=headline,
        value_label="Verdict",
        rows=rows,
        clinical=(
            f"Each definition is applied with its own minimum length and non-response "
            f"threshold. Lengths: {lengths}. Non-response: Rybak 2021 below "
            f"{RYBAK.nonresponse_below:g} %; Sforzini 2022 below {SFORZINI.nonresponse_below:g} % "
            f"({SFORZINI.nonresponse_below:g}-{SFORZINI.partial_below - 1:g} % partial response; "
            f"a stop before week {EARLY_STOP_WEEKS} counts only with clear evidence of lack of "
            "response). Dose adequacy is your answer."
        ),
        plain=(
            "Whether a medicine 'counts' as tried properly depends on the rulebook. Some ask "
            "for four weeks, some for six or more; some call 30 % better a failure, others "
            "call it a partial response. This table shows each rulebook's answer for the "
            "same trial. It is not a judgement of the treatment or of you."
        ),
        warnings=outcome.warnings,
        rules=tuple(d.rule for d in DEFINITIONS),
    )


def _threshold_text(d: Definition) -> str:
    if d.nonresponse_below is None:
        return "no threshold printed"
    text = f"improvement below {d.nonresponse_below:g} %"
    if d.partial_below is not None:
        text += f"; {d.nonresponse_below:g}-{d.partial_below - 1:g} % is partial response"
    if d.early_stop_rule:
        text += (
            f"; stopping before week {EARLY_STOP_WEEKS} is not a failure without clear evidence "
            "of lack of response"
        )
    return text


CALCULATOR = Calculator(
    id="trial_adequacy",
    title="Was this trial adequate?",
    version="1.1.0",
    purpose="Was one treatment trial adequate, and did it fail, under each definition?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=tuple(
        table_row
        for d in DEFINITIONS
        for table_row in (
            TableRow(
                d.name,
                "Minimum length" + (" at the dose" if d.id == "mgh_s" else ""),
                d.length_text,
                d.rule,
            ),
            TableRow(d.name, "No response", _threshold_text(d), d.rule),
        )
    ),
    value_label="Rule",
)
