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
from .schema import Field, Option, Rule, TableRow
from .sources import ATHF, HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    RYBAK_2021,
    SFORZINI_2022,
    HAGG_2020,
    MEDICALALGORITHMS,
    ATHF,
)


@dataclass(frozen=True)
class Definition:
    """One definition's adequacy rule: minimum length and what counts as no response."""

    id: str
    name: str
    min_weeks: float
    strictly_longer: bool  # ">4 weeks" or ">28 days" rather than "at least"
    length_text: str
    nonresponse_below: float | None  # percent improvement; None: no threshold printed
    partial_below: float | None  # Sforzini: 25-49 % is partial response, not failure
    early_stop_rule: bool  # Sforzini #10: stopping before week 4 is not a failure...
    rule: Rule  # ...unless there was clear evidence of lack of response (H9)


DEFINITIONS = (
    Definition("rybak2021", "Rybak 2021 (Canadian consensus)", 4, False, "4-6 weeks",
               50, None, False, Rule(("rybak2021",), "VERIFIED-P")),
    Definition("sforzini2022", "Sforzini 2022 (EU-PEARL)", 4, False,
               "completion of the 4th week", 25, 50, True, Rule(("sforzini2022",), "VERIFIED-P")),
    Definition("mgh_s", "MGH staging (Fava 2003, via Hägg 2020)", 6, False, "6 weeks or more",
               None, None, False, Rule(("hagg2020",), "VERIFIED-S")),
    Definition("esm", "European Staging Model (Souery 1999)", 6, False, "6-8 weeks",
               None, None, False, Rule(("medicalalgorithms",), "VERIFIED-S")),
    Definition("athf", "ATHF long form (Sackeim 2001)", 4, True, "more than 4 weeks",
               None, None, False, Rule(("athf",), "VERIFIED-S")),
    Definition("kim", "Karolinska register model (Hägg 2020)", 4, True, "more than 28 days",
               None, None, False, Rule(("hagg2020",), "VERIFIED-S")),
)  # fmt: skip
RYBAK, SFORZINI = DEFINITIONS[0], DEFINITIONS[1]

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

EARLY_STOP_WEEKS = 4  # "before the completion of the fourth week" (Sforzini 2022 item 10)
KIM_DAYS = 28  # ">28 days" (Hägg 2020 abstract) against "at least 28 days" (Panel 1): H10
DAYS_PER_WEEK = 7
PARTIAL_LOW = 25  # EU-PEARL: 25-49 % improvement is partial response (Sforzini 2022)
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


def _long_enough(definition: Definition, weeks: float) -> bool:
    if definition.strictly_longer:
        return weeks > definition.min_weeks
    return weeks >= definition.min_weeks


def _early_stop(definition: Definition, trial: Mapping[str, Any]) -> bool:
    """EU-PEARL item 10: stopped before week 4 with no clear evidence of lack of response."""
    return (
        definition.early_stop_rule
        and trial["stopped"] != "no"
        and trial["weeks"] < EARLY_STOP_WEEKS
        and trial.get("clear_nonresponse", "unknown") != "yes"
    )


def _counts_despite_early_stop(definition: Definition, trial: Mapping[str, Any]) -> bool:
    """EU-PEARL item 10's exception: an early stop with clear evidence of lack of response."""
    return (
        definition.early_stop_rule
        and trial["stopped"] != "no"
        and trial["weeks"] < EARLY_STOP_WEEKS
        and trial.get("clear_nonresponse", "unknown") == "yes"
    )


def judge(definition: Definition, trial: Mapping[str, Any]) -> tuple[str, str]:
    """The verdict id and its reason for one trial under one definition."""
    weeks, improvement = trial["weeks"], trial["improvement_percent"]
    if _early_stop(definition, trial):
        return "not_counted_early_stop", (
            f"Stopped before completing week {EARLY_STOP_WEEKS} without clear evidence of lack of "
            "response: not a failure (consensus item 10)."
        )
    early_failure = _counts_despite_early_stop(definition, trial)
    if not early_failure and not _long_enough(definition, weeks):
        return "too_short", f"{weeks:g} weeks; this definition asks for {definition.length_text}."
    if trial["dose_adequate"] == "no":
        return "dose_not_adequate", "You answered that the dose was not adequate."
    if trial["dose_adequate"] == "unknown":
        return "cannot_tell", "Long enough, but the dose adequacy is unknown."
    if trial["adherence"] != "good":
        return "cannot_tell", (
            "Long enough at an adequate dose, but it is not known to have been taken as "
            "prescribed; no source read gives a numeric adherence threshold for depression."
        )
    if definition.nonresponse_below is None:
        return "adequate", (
            f"{definition.length_text} at an adequate dose is met; this definition prints no "
            f"improvement threshold, so whether {improvement:g} % counts as failure is not fixed."
        )
    if improvement < definition.nonresponse_below:
        reason = f"{improvement:g} % is below {definition.nonresponse_below:g} %."
        if early_failure:
            reason += (
                f" Stopped before week {EARLY_STOP_WEEKS} with clear evidence of lack of "
                "response, so it counts (consensus item 10)."
            )
        return "failed", reason
    if definition.partial_below is not None and improvement < definition.partial_below:
        return "partial_response", (
            f"{improvement:g} % is {definition.nonresponse_below:g}-"
            f"{definition.partial_below - 1:g} %: partially responsive depression, not TRD."
        )
    return "response", f"{improvement:g} % is at or above {definition.nonresponse_below:g} %."


def kim_boundary(weeks: float) -> bool:
    """Exactly 28 days: long enough under Panel 1's "at least", not under the abstract's ">"."""
    return weeks * DAYS_PER_WEEK == KIM_DAYS


KIM_AMBIGUITY = (
    f"Exactly {KIM_DAYS} days is ambiguous in the Karolinska register model: the abstract of "
    f"Hägg 2020 says more than {KIM_DAYS} days, its Panel 1 says at least {KIM_DAYS} days. This "
    f"calculator applies 'more than {KIM_DAYS} days'; under Panel 1 the trial would be long "
    "enough."
)


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
