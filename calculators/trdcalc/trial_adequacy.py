"""Trial adequacy: whether one treatment trial was adequate, and failed, under each definition.

Rules from clinical-evidence.md sections 1.2, 1.3, 1.6, 2.1, 2.4 and 2.5. Dose adequacy is the
reader's answer (adequate / not / unknown): no verified per-drug minimum-dose table exists
(antidepressant-doses.md), so the calculator never applies a hidden dose threshold. No definition
read gives a numeric adherence threshold for depression (NOT FOUND), so poor adherence makes every
verdict "cannot count" with that reason instead of a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .result import row, sources_used
from .schema import Calculator, Field, Option, Rule, Source, TableRow
from .sources import HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    RYBAK_2021,
    SFORZINI_2022,
    HAGG_2020,
    MEDICALALGORITHMS,
    Source(
        "athf",
        "ATHF (Dundee)",
        "Antidepressant Treatment History Form, as described by the Advanced Interventions "
        "Service, Dundee, and a secondary summary (saclinicaltrials.blogspot.com, 2010).",
        url="https://www.advancedinterventions.org.uk/index.php/en/resources/treatment-histories/athf.html",
    ),
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
    early_stop_rule: bool  # Sforzini #10: stopping before week 4 is not a failure
    rule: Rule


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

READER = Rule(("rybak2021", "sforzini2022"), "VERIFIED-P")
YES_NO_UNKNOWN = (
    Option("yes", "Adequate", 0, READER),
    Option("no", "Not adequate", 0, READER),
    Option("unknown", "Unknown", 0, READER),
)
FIELDS = (
    Field(name="agent", dimension="agent", label="What was tried", kind="choice",
          options=tuple(Option(v, label, 0, READER) for v, label in (
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
    Field(name="weeks", dimension="weeks", label="Weeks at that dose", kind="number",
          unit="weeks", minimum=0, maximum=520),
    Field(name="adherence", dimension="adherence", label="Was it taken as prescribed?",
          kind="choice", options=(
              Option("good", "Yes, nearly always", 0, READER),
              Option("poor", "No, often missed", 0, READER),
              Option("unknown", "Unknown", 0, READER))),
    Field(name="improvement_percent", dimension="improvement",
          label="Improvement in symptom score", kind="number", unit="percent",
          minimum=-100, maximum=100,
          help_title="How is improvement counted?",
          help=("The fall in a rating-scale score from the start of the trial, as a percentage "
                "of the starting score: from 24 to 18 is 25 %. A rise is negative.")),
    Field(name="stopped", dimension="stopped", label="How did the trial end?", kind="choice",
          options=(
              Option("no", "Completed, or still going", 0, READER),
              Option("intolerance", "Stopped because of side effects", 0, READER),
              Option("other", "Stopped for another reason", 0, READER))),
)  # fmt: skip


def judge(definition: Definition, trial: Mapping[str, Any]) -> tuple[str, str]:
    """The verdict id and its reason for one trial under one definition."""
    weeks, improvement = trial["weeks"], trial["improvement_percent"]
    long_enough = (
        weeks > definition.min_weeks
        if definition.strictly_longer
        else weeks >= definition.min_weeks
    )
    if definition.early_stop_rule and trial["stopped"] != "no" and weeks < 4:  # noqa: PLR2004
        return "not_counted_early_stop", (
            "Stopped before completing week 4: not a failure unless non-response was clear "
            "(consensus item 10)."
        )
    if not long_enough:
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
        return "failed", f"{improvement:g} % is below {definition.nonresponse_below:g} %."
    if definition.partial_below is not None and improvement < definition.partial_below:
        return "partial_response", (
            f"{improvement:g} % is 25-49 %: partially responsive depression, not TRD."
        )
    return "response", f"{improvement:g} % is at or above {definition.nonresponse_below:g} %."


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
    return notes


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """One verdict per definition, each with its reason."""
    verdicts = []
    for definition in DEFINITIONS:
        verdict, reason = judge(definition, values)
        verdicts.append({"definition": definition.id, "verdict": verdict, "reason": reason})
    details = [
        row(d.id, d.name, v["reason"], VERDICT_LABELS[v["verdict"]], d.rule)
        for d, v in zip(DEFINITIONS, verdicts, strict=True)
    ]
    failed = [
        d.name for d, v in zip(DEFINITIONS, verdicts, strict=True) if v["verdict"] == "failed"
    ]
    agree = len({v["verdict"] for v in verdicts}) == 1
    return {
        "verdicts": verdicts,
        "headline": (
            "The definitions agree: " + VERDICT_LABELS[verdicts[0]["verdict"]].lower()
            if agree
            else f"The definitions disagree ({len(failed)} of {len(DEFINITIONS)} count a failure)"
        ),
        "value_label": "Verdict",
        "details": details,
        "interpretation": {
            "clinical": (
                "Each definition is applied with its own minimum length and non-response "
                "threshold: Rybak 2021 4-6 weeks and <50 %; Sforzini 2022 the 4th week and "
                "<25 % (25-49 % partial response); MGH-s 6 weeks; ESM 6-8 weeks; ATHF long form "
                ">4 weeks; Karolinska >28 days. Dose adequacy is your answer."
            ),
            "plain": (
                "Whether a medicine 'counts' as tried properly depends on the rulebook. Some ask "
                "for four weeks, some for six or more; some call 30 % better a failure, others "
                "call it a partial response. This table shows each rulebook's answer for the "
                "same trial. It is not a judgement of the treatment or of you."
            ),
        },
        "sources": sources_used(CALCULATOR, [d.rule for d in DEFINITIONS]),
        "warnings": _warnings(values),
    }


def _threshold_text(d: Definition) -> str:
    if d.nonresponse_below is None:
        return "no threshold printed"
    text = f"improvement below {d.nonresponse_below:g} %"
    if d.early_stop_rule:
        text += "; 25-49 % is partial response; stopping before week 4 is not a failure"
    return text


CALCULATOR = Calculator(
    id="trial_adequacy",
    title="Was this trial adequate?",
    version="1.0.0",
    purpose="Was one treatment trial adequate, and did it fail, under each definition?",
    fields=FIELDS,
    sources=SOURCES,
    compute=compute,
    table=tuple(
        table_row
        for d in DEFINITIONS
        for table_row in (
            TableRow(d.name, "Minimum length at the dose", d.length_text, d.rule),
            TableRow(d.name, "No response", _threshold_text(d), d.rule),
        )
    ),
    value_label="Rule",
)
