"""Response, remission and severity on a rating scale: one change from baseline, every convention.

Rules from clinical-evidence.md sections 3.1 (change thresholds), 3.2 (scale ranges, bands and
remission cut-offs), 3.3 (Y-BOCS) and 10 (items 2, 3, 11: the conflicts). Where conventions
disagree (MADRS remission at 4 to 12, HAM-D 17 remission at 6 or 7, non-response below 25 % or
below 50 %, two HAM-D 17 and two MADRS band sets), every side is reported. RECALLED rules (the
Y-BOCS range 0-40, its partial-response band, MADRS <= 12 in the esketamine trials, the 0-7 "none"
label of the Zimmerman HAM-D set) are shown with a visible "not verified" warning.

This module is the seam: the form's fields, the cross-field check and the Calculator. The scales
are data in `response_scales.py`, their citations in `response_sources.py`, the rules in
`response_rules.py` and the words in `response_words.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .response_rules import Outcome, evaluate
from .response_scales import SCALE_BY_ID, SCALES, Scale
from .response_sources import SOURCES
from .response_words import describe, table
from .schema import Calculator, Field, InputError, Option

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CALCULATOR", "FIELDS", "SCALES", "Outcome", "check", "describe", "evaluate"]


def _option(scale: Scale) -> Option:
    """A scale as a choice; the Y-BOCS range is RECALLED, so its label says so."""
    if scale.range_rule.verified:
        return Option(scale.id, f"{scale.label} ({scale.low}-{scale.high})")
    return Option(
        scale.id, f"{scale.label}, for OCD ({scale.low}-{scale.high}, range not verified)"
    )


FIELDS = (
    Field(name="scale", dimension="scale", label="Rating scale", kind="choice",
          options=tuple(_option(scale) for scale in SCALES),
          help_title="Which scales, and why Y-BOCS?",
          help=("Five depression scales, and the Y-BOCS for obsessive-compulsive disorder, which "
                "has its own response thresholds. Use the same scale at both times.")),
    Field(name="baseline", dimension="baseline", label="Score at the start (baseline)",
          kind="integer", unit="points", minimum=0, maximum=63,
          help_title="What range does each scale allow?",
          help=("HAM-D 17 0-52, MADRS 0-60, PHQ-9 0-27, QIDS-SR16 0-27, BDI-II 0-63, Y-BOCS 0-40 "
                "(not verified). A percentage needs a baseline above the scale's no-symptom "
                "range: at least 8 on the HAM-D 17, 7 on the MADRS, 5 on the PHQ-9, 6 on the "
                "QIDS-SR16, 14 on the BDI-II and 13 on the Y-BOCS.")),
    Field(name="current", dimension="current", label="Score now (current)", kind="integer",
          unit="points", minimum=0, maximum=63,
          help_title="Which score counts as 'now'?",
          help=("The most recent rating on the same scale. Definitions of response and "
                "remission usually ask that it has lasted; a single low score is a snapshot.")),
)  # fmt: skip


def check(values: Mapping[str, Any]) -> None:
    """InputError at the field for scores outside the scale, or a baseline too low for a ratio."""
    scale = SCALE_BY_ID[values["scale"]]
    span = f"from {scale.low} to {scale.high}"
    unverified = "" if scale.range_rule.verified else " (a range not verified against the original)"
    for name, label in (("baseline", "Baseline"), ("current", "Current")):
        value = values[name]
        if not scale.low <= value <= scale.high:
            raise InputError(
                name,
                f"{label} score: the {scale.label} runs {span}{unverified}; "
                f"{value} is outside it. Enter a whole number {span}.",
            )
        if name == "baseline" and value < scale.floor:
            raise InputError(name, _floor_message(scale, value))


def _floor_message(scale: Scale, baseline: int) -> str:
    if baseline == 0:
        return (
            f"Baseline score: a baseline of 0 gives no percentage (it would divide by zero). "
            f"On the {scale.label} enter a baseline of at least {scale.floor} ({scale.floor_why})."
        )
    return (
        f"Baseline score: a {scale.label} baseline of {baseline} is too low for a percentage to "
        f"mean much ({scale.floor_why}). Enter a baseline of at least {scale.floor}."
    )


CALCULATOR = Calculator(
    id="response",
    title="Response and remission on a rating scale",
    version="1.0.0",
    purpose="How much has a rating-scale score changed, and what does each convention call it?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    check=check,
    table=table(),
    value_label="Rule",
)
