"""Thase & Rush (1997) staging: stages I-V from the failed adequate trials, by class.

Rules from clinical-evidence.md section 1.1 (VERIFIED-S: the medicalalgorithms.com summary of
Thase & Rush 1997; the original was not read). Stage 0 is not a defined stage here: one summary
reads it as "response to an adequate trial", others print stages I-V only (section 13), so an
empty history is reported as "not staged". Using each trial once, a stage is reached only when
its whole chain is met; trials that no step can use (an MAOI without a TCA, say) are flagged
instead of guessed (DERIVED, section 1.1 calculator note).

Order: the model is worded as a sequence (each stage follows a failure at the one before), but
the summary does not say how to stage a history tried in another order. This calculator stages
by the classes tried, says so in every result with more than one trial, and flags an MAOI or ECT
entered before the stages that should precede it were complete (issue 9, item 5).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, row
from .schema import Field, Option, Rule, Source, TableRow
from .sources import MEDICALALGORITHMS

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    MEDICALALGORITHMS,
    Source(
        "thase1997",
        "Thase & Rush 1997",
        "Thase ME, Rush AJ. When at first you don't succeed: sequential strategies for "
        "antidepressant nonresponders. J Clin Psychiatry 1997;58(Suppl 13):23-29 "
        "(the original; its text was not read here).",
    ),
)

SUMMARY = Rule(("medicalalgorithms", "thase1997"), "VERIFIED-S")
CHAIN = Rule(("medicalalgorithms",), "DERIVED")

ANTIDEPRESSANTS = ("ssri", "snri", "tca", "maoi", "other")
CLASS_LABELS = {
    "ssri": "SSRI",
    "snri": "SNRI",
    "tca": "Tricyclic (TCA)",
    "maoi": "MAO inhibitor (MAOI)",
    "other": "Other antidepressant",
    "ect": "Bilateral ECT course",
}

FAILED_TRIALS = Field(
    name="failed_trials",
    dimension="trials",
    label="Failed adequate trials, in the order they were tried",
    kind="list",
    item_label="Trial",
    item_choice_label="Class",
    min_items=0,
    max_items=30,
    default=[],
    options=tuple(Option(value, label) for value, label in CLASS_LABELS.items()),
    help_title="What counts as a failed adequate trial?",
    help=(
        "A treatment given at an adequate dose for long enough that did not bring enough "
        "improvement. Definitions of 'adequate' differ; the summary of the model also names this "
        "as one of its limits."
    ),
)

STAGES = (
    (1, "Stage I", "Failure of at least one adequate trial of one major class of antidepressant."),
    (2, "Stage II", "Stage I failure plus failure of an adequate trial of a different class."),
    (3, "Stage III", "Stage II failure plus failure of an adequate trial of a tricyclic (TCA)."),
    (4, "Stage IV", "Stage III failure plus failure of an adequate trial of an MAO inhibitor."),
    (5, "Stage V", "Stage IV failure plus failure of a course of bilateral ECT."),
)
ROMAN = {0: "not staged", 1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
# The stage each treatment belongs to in the sequence (the summary of Thase & Rush 1997).
STAGE_OF_CLASS = {"tca": 3, "maoi": 4, "ect": 5}


def _classes(counts: Counter[str], without: tuple[str, ...] = ()) -> int:
    """Distinct antidepressant classes left after setting aside one trial of each in `without`."""
    left = counts.copy()
    for cls in without:
        left[cls] -= 1
    return sum(1 for cls in ANTIDEPRESSANTS if left[cls] > 0)


def stage_of(trials: list[str]) -> int:
    """The highest stage whose whole chain the trials meet, each trial used once."""
    counts = Counter(trials)
    met = {
        1: _classes(counts) >= 1,
        2: _classes(counts) >= 2,  # noqa: PLR2004 - two classes: the stage II rule
        3: counts["tca"] >= 1 and _classes(counts, ("tca",)) >= 2,  # noqa: PLR2004
        4: counts["tca"] >= 1 and counts["maoi"] >= 1 and _classes(counts, ("tca", "maoi")) >= 2,  # noqa: PLR2004
        5: False,
    }
    met[5] = met[4] and counts["ect"] >= 1
    stage = 0
    for level in range(1, 6):
        if not met[level]:
            break
        stage = level
    return stage


@dataclass(frozen=True)
class EarlyStep:
    """A trial entered before the stages that the model puts ahead of it were complete."""

    position: int  # 1-based position in the order entered
    treatment: str  # "maoi" or "ect"
    stage_before: int  # the stage the trials entered before it reach


@dataclass(frozen=True)
class ThaseRushOutcome:
    """The stage reached by the classes of the failed trials, and the order flags."""

    trials: tuple[str, ...]
    stage: int
    early: tuple[EarlyStep, ...]

    def as_json(self) -> dict[str, Any]:
        label = "Not staged" if self.stage == 0 else f"Stage {ROMAN[self.stage]}"
        return {"stage": self.stage, "stage_label": label}


def early_steps(trials: list[str]) -> tuple[EarlyStep, ...]:
    """An MAOI or ECT tried while the trials before it had not reached the stage before its own."""
    found = []
    for index, treatment in enumerate(trials):
        own = STAGE_OF_CLASS.get(treatment)
        if treatment in ("maoi", "ect") and own is not None:
            before = stage_of(trials[:index])
            if before < own - 1:
                found.append(EarlyStep(index + 1, treatment, before))
    return tuple(found)


def evaluate(values: Mapping[str, Any]) -> ThaseRushOutcome:
    """Stage from the classes of the failed trials (summary of Thase & Rush 1997), order flags."""
    trials = values["failed_trials"]
    return ThaseRushOutcome(tuple(trials), stage_of(trials), early_steps(trials))


def _warnings(outcome: ThaseRushOutcome) -> list[str]:
    trials, stage = list(outcome.trials), outcome.stage
    counts = Counter(trials)
    notes = []
    if not trials:
        notes.append(
            "Not staged: no failed adequate trial was entered. One summary calls this stage 0 "
            "('response to an adequate trial'); other reproductions print stages I-V only."
        )
    if counts["tca"] and stage < STAGE_OF_CLASS["tca"] and _classes(counts) >= 2:  # noqa: PLR2004
        notes.append(
            "A TCA was one of only two classes tried: it meets stage II, and stage III would need "
            "a further failed class before or besides it."
        )
    notes += [_early_note(step, stage) for step in outcome.early]
    return notes


def _early_note(step: EarlyStep, stage: int) -> str:
    """One flag per MAOI or ECT entered before the stages that precede it were complete."""
    name = CLASS_LABELS[step.treatment]
    own = STAGE_OF_CLASS[step.treatment]
    reached = "no stage" if step.stage_before == 0 else f"stage {ROMAN[step.stage_before]}"
    after = "MAOI" if step.treatment == "ect" else "TCA"
    note = (
        f"Trial {step.position} ({name}) came before stages I-{ROMAN[own - 1]} were complete: the "
        f"trials entered before it reach {reached}. The model places it at stage {ROMAN[own]}, "
        f"after a failed {after}."
    )
    if stage >= own:
        return note + (
            " By the classes tried the chain is complete, so this calculator counts it; read "
            "strictly in order, the history would not reach this stage."
        )
    if step.treatment == "ect":
        return note + " It does not raise the stage here."
    return note + (
        " The strict model has no stage for this history; the MAOI counts only as a different "
        "class here."
    )


ORDER_NOT_USED = (
    " Order: the model is worded as a sequence, each stage after a failure at the one before; "
    "this calculator stages by the classes tried, not by the order entered (the summary does not "
    "say how to stage a history tried in another order), and flags an MAOI or ECT entered early."
)


def describe(outcome: ThaseRushOutcome) -> Result:
    """The stage in words: each stage met or not, the classes entered, and every flag."""
    stage = outcome.stage
    rows = tuple(
        row(f"stage_{level}", label, rule, "met" if level <= stage else "not met", SUMMARY)
        for level, label, rule in STAGES
    )
    label = outcome.as_json()["stage_label"]
    tried = ", ".join(CLASS_LABELS[t] for t in outcome.trials) or "none"
    return Result(
        headline=f"Thase–Rush: {label}",
        value_label="Met?",
        rows=rows,
        clinical=(
            f"Failed adequate trials entered: {tried}. Highest stage whose full chain is met, "
            f"each trial used once: {label} (stages after the summary of Thase & Rush 1997; "
            "the chain rule and the flags are this calculator's reading)."
            + (ORDER_NOT_USED if len(outcome.trials) > 1 else "")
        ),
        plain=_plain(stage),
        warnings=tuple(_warnings(outcome)),
        rules=(SUMMARY, CHAIN),
    )


def _plain(stage: int) -> str:
    if stage == 0:
        return (
            "No treatment has been entered as tried properly without enough benefit, so this "
            "model gives no stage. A stage describes past treatment, not the person."
        )
    return (
        f"This model lines up treatments in a fixed order of medicine types and counts how far "
        f"along that order treatment has gone without enough benefit. Stage {ROMAN[stage]} of V "
        "means that many steps. It does not include add-on medicines, talking therapies or "
        "newer treatments, and it is not a diagnosis: options usually remain to discuss with a "
        "clinician."
    )


CALCULATOR = Calculator(
    id="thase_rush",
    title="Thase–Rush staging",
    version="1.1.0",
    purpose="Which stage of the Thase–Rush model does this list of failed trials reach?",
    kind="unscored",
    fields=(FAILED_TRIALS,),
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=(
        TableRow("Stage 0", "No failed adequate trial: not staged here (see the note)", 0, CHAIN),
        *(TableRow(label, rule, level, SUMMARY) for level, label, rule in STAGES),
    ),
    value_label="Stage",
)
