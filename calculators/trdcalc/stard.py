"""STAR*D cumulative remission: remission over sequential treatment steps, with optional drop-out.

Rules from clinical-evidence.md sections 5.1, 5.2, 8.1 B and 10 item 8, corrected by
clinical-evidence-2.md H1 and H2. The STAR*D step rates (36.8 / 30.6 / 13.7 / 13.0 %) and the
overall cumulative remission rate of 67 % are VERIFIED-P as reported in the Rush 2006 abstract,
which gives no drop-out caveat. "Theoretical", assuming no drop-outs, is the word of Pigott 2015
and Bandolier (VERIFIED-S); whether the body of Rush 2006 says so was not read (NOT FOUND). That
67 % is the product rule 1 - prod(1 - r_i) is DERIVED (8.1 B). With drop-out, the same
arithmetic lets a share of each step's non-remitters leave before the next step. The evidence
file gives no per-step drop-out figures for STAR*D, so every drop-out value is the reader's own.
The arithmetic (exact fractions, rounded only at the end) is in `stard_steps`, the sources and
rules table in `stard_evidence`, the chart in `stard_chart`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, Row, row
from .schema import Field, InputError
from .stard_chart import chart_svg
from .stard_evidence import (
    ABSTRACT,
    AS_REPORTED,
    CALLED_THEORETICAL,
    EXCLUDED_BY_LEVEL,
    FULL_TEXT,
    FULL_TEXT_QUESTION,
    NO_CAVEAT,
    OVERALL,
    PIGOTT_REPORTED,
    PRODUCT,
    QIDS_REMISSION,
    REANALYSIS,
    SOURCES,
    STARD_RATES,
    STARD_REPORTED,
    TABLE,
    THEORETICAL,
)
from .stard_steps import PER, Split, Step, product_rule, rounded, walk

if TYPE_CHECKING:
    from collections.abc import Mapping
    from fractions import Fraction

MAX_STEPS = 8

REMISSION = Field(
    name="remission_percents",
    dimension="remission",
    label="Remission rate at each step",
    kind="list",
    item_number=Field(
        name="remission_percent",
        dimension="remission",
        label="Remission at this step",
        kind="number",
        unit="percent",
        minimum=0,
        maximum=100,
    ),
    item_label="Step",
    min_items=1,
    max_items=MAX_STEPS,
    help_title="What is a step's remission rate?",
    help=(
        "The share of the people entering a step who reach remission during it. STAR*D "
        f"reported {', '.join(f'{r:g}' for r in STARD_RATES[:-1])} and {STARD_RATES[-1]:.1f} % "
        "for its four steps, with remission meaning a QIDS-SR16 score of "
        f"{QIDS_REMISSION} or less (Rush 2006)."
    ),
)

DROPOUT = Field(
    name="dropout_percents",
    dimension="dropout",
    label="Drop-out after each step (optional)",
    kind="list",
    item_number=Field(
        name="dropout_percent",
        dimension="dropout",
        label="Non-remitters who leave before the next step",
        kind="number",
        unit="percent",
        minimum=0,
        maximum=100,
    ),
    item_label="Drop-out after step",
    min_items=0,
    max_items=MAX_STEPS,
    default=[],
    help_title="What does drop-out mean here?",
    help=(
        "Of the people not in remission after a step, the share who leave instead of entering "
        "the next step. Give one value per step, or none for no drop-out. The sources read for "
        "this site give no per-step drop-out figures for STAR*D."
    ),
)

FIELDS = (REMISSION, DROPOUT)


def check(values: Mapping[str, Any]) -> None:
    """One drop-out value per step, or none at all."""
    steps, dropouts = len(values["remission_percents"]), len(values["dropout_percents"])
    if dropouts and dropouts != steps:
        raise InputError(
            "dropout_percents",
            f"Give one drop-out value per step ({steps} for {steps} steps; {dropouts} given), "
            "or none for no drop-out.",
        )


@dataclass(frozen=True)
class CumulativeOutcome:
    """The steps, the total with drop-out and the product-rule total without it."""

    steps: tuple[Step, ...]
    no_dropout: Fraction
    is_stard: bool  # the STAR*D step rates as reported, with no drop-out

    @property
    def total(self) -> Fraction:
        return self.steps[-1].cumulative

    @property
    def dropout_matters(self) -> bool:
        return self.total != self.no_dropout

    def as_json(self) -> dict[str, Any]:
        return {
            "cumulative_percent": rounded(self.total),
            "no_dropout_percent": rounded(self.no_dropout),
            "steps": [step.as_json(n) for n, step in enumerate(self.steps, start=1)],
        }


def evaluate(values: Mapping[str, Any]) -> CumulativeOutcome:
    """Remission step by step per 100 people; the product rule when nobody drops out."""
    rates = list(values["remission_percents"])
    shares = list(values["dropout_percents"]) or [0] * len(rates)
    is_stard = tuple(rates) == STARD_RATES and not any(shares)
    return CumulativeOutcome(walk(rates, shares), product_rule(rates), is_stard)


def describe(outcome: CumulativeOutcome) -> Result:
    """The steps as rows, the total in the headline, STAR*D's reported figure beside it."""
    rows = [_step_row(n, step) for n, step in enumerate(outcome.steps, start=1)]
    rows.append(_total_row(outcome))
    rules = [PRODUCT, THEORETICAL, REANALYSIS]
    if outcome.is_stard:
        rows.extend(_reported_rows())
        rules.insert(0, ABSTRACT)
    last = outcome.steps[-1]
    return Result(
        headline=_headline(outcome),
        value_label="Remitted so far, per 100",
        rows=tuple(rows),
        clinical=_clinical(outcome),
        plain=_plain(last.split()),
        warnings=(_last_dropout_warning(last.share),) if last.share else (),
        rules=tuple(rules),
        chart_svg=chart_svg([step.split() for step in outcome.steps]),
    )


def _step_row(number: int, step: Step) -> Row:
    entered, remitted = rounded(step.entered), rounded(step.remitted)
    answer = f"{entered:.1f} enter; {step.rate} % remit: {remitted:.1f}"
    if step.share:
        answer += (
            f"; {step.share} % of the {rounded(step.not_remitted):.1f} not remitted leave: "
            f"{rounded(step.dropped_out):.1f}"
        )
    so_far = f"{rounded(step.cumulative):.1f}"
    return row(f"step_{number}", f"Step {number}", answer, so_far, PRODUCT)


def _total_row(outcome: CumulativeOutcome) -> Row:
    how = "sum of the steps, with drop-out" if outcome.dropout_matters else "1 − (1 − r1)(1 − r2)…"
    total = f"{rounded(outcome.total):.1f}"
    return row("cumulative", "Cumulative remission", how, total, PRODUCT)


def _reported_rows() -> list[Row]:
    """What Rush 2006 reported for the same rates, and who calls it theoretical (H1, H2)."""
    reported = f"{STARD_REPORTED} %"
    return [
        row(
            "rush2006",
            "Reported by Rush 2006",
            f"{OVERALL}, {AS_REPORTED}; {NO_CAVEAT}",
            reported,
            ABSTRACT,
        ),
        row("theoretical", "Called theoretical", CALLED_THEORETICAL, reported, THEORETICAL),
        row(
            "rush2006_full_text",
            FULL_TEXT_QUESTION,
            "the body of the paper was not read for this site",
            "not read",
            FULL_TEXT,
        ),
    ]


def _last_dropout_warning(share: float) -> str:
    return (
        f"Drop-out after the last step ({share} %) does not change the cumulative "
        "remission: there is no further step to enter."
    )


def _headline(outcome: CumulativeOutcome) -> str:
    count = len(outcome.steps)
    steps = "1 step" if count == 1 else f"{count} steps"
    text = f"Cumulative remission after {steps}: {rounded(outcome.total):.1f} per {PER} people"
    if outcome.dropout_matters:
        text += f" ({rounded(outcome.no_dropout):.1f} if nobody had left)"
    return text


def _clinical(outcome: CumulativeOutcome) -> str:
    return (
        f"Cumulative remission {rounded(outcome.total):.1f} % of those starting step 1; with no "
        f"drop-out the product rule 1 − Π(1 − r_i) gives {rounded(outcome.no_dropout):.1f} %. "
        f"For comparison, Rush 2006 gives STAR*D's {OVERALL} as {STARD_REPORTED} % (QIDS-SR16 "
        f"≤{QIDS_REMISSION}), {AS_REPORTED} (VERIFIED-P); {NO_CAVEAT}. Pigott 2015 (Figure 1 "
        "legend) calls it theoretical and Bandolier a theoretical maximum, a figure assuming no "
        "drop-outs (VERIFIED-S); the body of Rush 2006 was not read, so whether it states that "
        "assumption is not known here (NOT FOUND). Pigott 2023 "
        f"found {PIGOTT_REPORTED} % using the protocol's HRSD and its own exclusions, which the "
        f"original investigators dispute ({sum(EXCLUDED_BY_LEVEL)} patients excluded). Each "
        "step's rate is applied to everyone who enters that step."
    )


def _plain(last: Split) -> str:
    total, still, left = last
    leaving = f"about {left:.1f} leave along the way" if left else "nobody leaves"
    return (
        f"Imagine {PER} people starting the first treatment step. With these rates, about "
        f"{total:.1f} of them reach remission at some step, {leaving}, and about {still:.1f} "
        "are still not in remission after the last step (numbers rounded). People who leave "
        "cannot be counted as remitted, which is why drop-out lowers the total. "
        "This is arithmetic on group averages: it cannot say what will happen to one person, "
        "and it is not a diagnosis."
    )


CALCULATOR = Calculator(
    id="stard",
    title="Cumulative remission over treatment steps (STAR*D)",
    version="1.1.0",
    purpose="Of 100 people starting step 1, how many reach remission over the steps?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    check=check,
    value_label="Value",
    table=TABLE,
)
