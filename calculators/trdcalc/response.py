"""Response, remission and severity on a rating scale: one change from baseline, every convention.

Rules from clinical-evidence.md sections 3.1 (change thresholds), 3.2 (scale ranges, bands and
remission cut-offs), 3.3 (Y-BOCS), 3.4 (PANSS/BPRS) and 10 (the conflicts), with
clinical-evidence-2.md sections E (CGI, HAM-D 21 and 24, the PANSS and BPRS minimum) and H
(H11-H16: corrected labels and citations). Where conventions disagree, every side is reported;
a rule that is not verified for the scale it is shown beside carries a visible warning.

This module is the seam: the form's fields, the cross-field check and the Calculator. The scales
are data in `response_scales.py` and `response_cgi_psychosis.py`, their citations in
`response_sources.py`, the rules in `response_rules.py`, the words in `response_words.py` and
`response_words_cgi_psychosis.py`, and the static table in `response_table.py`.

Design of the CGI (issue 13 item 5): the CGI has no total, so no percentage. The CGI-S takes a
rating at the start and now, and gives the band (anchor) of each and remission at 1. The CGI-I
is itself the change rating: it takes only `current`, and `baseline` may be left blank (given,
it is not used, and the result says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .response_rules import SCALE_BY_ID, SCALES, Outcome, evaluate
from .response_sources import SOURCES
from .response_table import table
from .response_words import describe
from .schema import Field, InputError, Option

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .response_scales import Scale

__all__ = ["CALCULATOR", "FIELDS", "SCALES", "Outcome", "check", "describe", "evaluate"]

WIDEST = max(scale.high for scale in SCALES)  # the form's number inputs allow every scale
BASELINE_LABEL = "Score at the start (baseline)"
PERCENT_SCALES = [s for s in SCALES if s.family not in ("cgi_s", "cgi_i")]


def _option(scale: Scale) -> Option:
    """A scale as a choice; a range that is not verified says so in the label."""
    note = f", {scale.choice_note}" if scale.choice_note else ""
    unverified = "" if scale.range_rule.verified else ", range not verified"
    return Option(scale.id, f"{scale.label}{note} ({scale.low}-{scale.high}{unverified})")


RANGES = "; ".join(f"{s.label} {s.low}-{s.high}" for s in SCALES)
FLOORS = ", ".join(f"{s.floor} on the {s.label}" for s in PERCENT_SCALES)
FIELDS = (
    Field(name="scale", dimension="scale", label="Rating scale", kind="choice",
          options=tuple(_option(scale) for scale in SCALES),
          help_title="Which scales?",
          help=("Depression rating scales, the clinician's global ratings (CGI), the Y-BOCS for "
                "obsessive-compulsive disorder and the PANSS and BPRS for schizophrenia, each "
                "with its own rules. Use the same scale, and the same version, at both times.")),
    Field(name="baseline", dimension="baseline", label=BASELINE_LABEL,
          kind="integer", unit="points", minimum=0, maximum=WIDEST, optional=True,
          help_title="What range does each scale allow?",
          help=(f"{RANGES} (a range marked in the scale's name as not verified is recalled). A "
                f"percentage needs a baseline above the scale's no-symptom range: at least "
                f"{FLOORS}. The CGI-I needs no baseline: it rates the change itself.")),
    Field(name="current", dimension="current", label="Score now (current)", kind="integer",
          unit="points", minimum=0, maximum=WIDEST,
          help_title="Which score counts as 'now'?",
          help=("The most recent rating on the same scale; for the CGI-I, the rating of change "
                "since the start. Definitions of response and remission usually ask that it has "
                "lasted; a single low score is a snapshot.")),
)  # fmt: skip


def check(values: Mapping[str, Any]) -> None:
    """InputError at the field for scores outside the scale, or a baseline too low for a ratio."""
    scale = SCALE_BY_ID[values["scale"]]
    if scale.family == "cgi_i":  # the baseline, if any, is not used
        _in_range(scale, "current", "Current", values["current"])
        return
    baseline = values["baseline"]
    if baseline is None:
        raise InputError(
            "baseline",
            f"{BASELINE_LABEL} is required on the {scale.label}: enter a whole number from "
            f"{scale.low} to {scale.high}.",
        )
    _in_range(scale, "baseline", "Baseline", baseline)
    if baseline < scale.floor:
        raise InputError("baseline", _floor_message(scale, baseline))
    _in_range(scale, "current", "Current", values["current"])


def _in_range(scale: Scale, name: str, label: str, value: int) -> None:
    if scale.low <= value <= scale.high:
        return
    span = f"from {scale.low} to {scale.high}"
    unverified = "" if scale.range_rule.verified else " (a range not verified against the original)"
    raise InputError(
        name,
        f"{label} score: the {scale.label} runs {span}{unverified}; {value} is outside it. "
        f"Enter a whole number {span}.",
    )


def _floor_message(scale: Scale, baseline: int) -> str:
    if baseline == 0:
        return (
            f"Baseline score: a baseline of 0 gives no percentage (it would divide by zero). "
            f"On the {scale.label} enter a baseline of at least {scale.floor} ({scale.floor_why})."
        )
    if baseline == scale.minimum:
        return (
            f"Baseline score: {baseline} is the {scale.label}'s no-symptom minimum, so there is "
            f"nothing to improve on and the percentage with the minimum subtracted would divide "
            f"by zero. Enter a baseline of at least {scale.floor}."
        )
    return (
        f"Baseline score: a {scale.label} baseline of {baseline} is too low for a percentage to "
        f"mean much ({scale.floor_why}). Enter a baseline of at least {scale.floor}."
    )


CALCULATOR = Calculator(
    id="response",
    title="Response and remission on a rating scale",
    version="1.1.0",
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
