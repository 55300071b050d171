"""STAR*D cumulative remission: remission over sequential treatment steps, with optional drop-out.

Rules from clinical-evidence.md sections 5.1, 5.2, 8.1 B and 10 item 8. The STAR*D step rates
(36.8 / 30.6 / 13.7 / 13.0 %) and the 67 % "theoretical" cumulative remission assuming no
drop-outs are VERIFIED-P (Rush 2006 abstract). That 67 % is the product rule 1 - prod(1 - r_i)
is DERIVED (8.1 B). With drop-out, the same arithmetic lets a share of each step's non-remitters
leave before the next step. The evidence file gives no per-step drop-out figures for STAR*D, so
every drop-out value is the reader's own. The arithmetic runs on exact fractions and rounds half
up to one decimal only at the end: host and Pyodide agree digit for digit, and a higher rate can
never show a lower total.
"""

from __future__ import annotations

import math
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any

from .legacy import adapt, row
from .result import sources_used
from .schema import Calculator, Field, InputError, Rule, Source, TableRow

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    Source(
        "rush2006",
        "Rush 2006",
        "Rush AJ, Trivedi MH, Wisniewski SR, Nierenberg AA, Stewart JW, Warden D, et al. Acute "
        "and longer-term outcomes in depressed outpatients requiring one or several treatment "
        "steps: a STAR*D report. Am J Psychiatry 2006;163(11):1905-1917 (abstract read).",
        doi="10.1176/ajp.2006.163.11.1905",
    ),
    Source(
        "bandolier",
        "Bandolier",
        "Bandolier. Summary of the STAR*D study (calls 67 % a theoretical maximum).",
        url="https://bandolier.org.uk/booth/mental/StarD.html",
    ),
    Source(
        "pigott2023",
        "Pigott 2023",
        "Pigott HE, Kim T, Xu C, Kirsch I, Amsterdam J. What are the treatment remission, "
        "response and extent of improvement rates after up to four trials of antidepressant "
        "therapies in real-world depressed patients? A reanalysis of the STAR*D study's "
        "patient-level data with fidelity to the original research protocol. BMJ Open "
        "2023;13(7):e063095 (abstract read in part).",
        doi="10.1136/bmjopen-2022-063095",
    ),
    Source(
        "stardreply",
        "STAR*D investigators' reply",
        "Reply of the original STAR*D investigators to Pigott et al. Am J Psychiatry (opening "
        "of the letter read; signatories not shown in the page read).",
        doi="10.1176/appi.ajp.20230869",
    ),
)

STEP_RATES = Rule(("rush2006",), "VERIFIED-P")  # 36.8/30.6/13.7/13.0 %; 67 % theoretical
PRODUCT = Rule(("rush2006",), "DERIVED")  # 8.1 B: 1 - 0.632 x 0.694 x 0.863 x 0.870 = 0.67
CEILING = Rule(("bandolier",), "VERIFIED-S")  # "theoretical maximum"
REANALYSIS = Rule(("pigott2023", "stardreply"), "VERIFIED-P")  # 35 %, as quoted in the reply
EXCLUSIONS = Rule(("stardreply",), "VERIFIED-P")  # 941 = 561 + 297 + 80 + 3
NO_DROPOUT_DATA = Rule(("rush2006",), "NOT FOUND")  # no per-step drop-out share in sources read

STARD_RATES = (36.8, 30.6, 13.7, 13.0)  # Rush 2006 abstract, QIDS-SR16 <= 5 (VERIFIED-P)
STARD_REPORTED = 67  # percent, "theoretical", assuming no drop-outs (Rush 2006, VERIFIED-P)
PIGOTT_REPORTED = 35  # percent, protocol HRSD (Pigott 2023 as quoted in the reply, VERIFIED-P)
MAX_STEPS = 8
PER = 100  # the results are people per 100 starting the first step

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
        "reported 36.8, 30.6, 13.7 and 13.0 % for its four steps, with remission meaning a "
        "QIDS-SR16 score of 5 or less (Rush 2006)."
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


def _exact(percent: float) -> Fraction:
    """A typed percentage as the exact decimal the reader meant (36.8 is 184/5, not a float)."""
    return Fraction(str(percent)) / 100


def _round(value: Fraction) -> float:
    """Half up to one decimal, as people round (12.25 gives 12.3)."""
    return math.floor(value * 10 + Fraction(1, 2)) / 10


def _walk(rates: list[Fraction], leaving: list[Fraction]) -> list[dict[str, Fraction]]:
    """Exact counts per 100 people starting step 1, step after step (8.1 B, DERIVED)."""
    steps, entered, cumulative = [], Fraction(PER), Fraction(0)
    for rate, share in zip(rates, leaving, strict=True):
        remitted = entered * rate
        not_remitted = entered - remitted
        dropped_out = not_remitted * share
        remaining = not_remitted - dropped_out
        cumulative += remitted
        steps.append(
            {
                "entered": entered,
                "remitted": remitted,
                "not_remitted": not_remitted,
                "dropped_out": dropped_out,
                "remaining": remaining,
                "cumulative": cumulative,
                "left": PER - cumulative - remaining,  # everyone who has left so far
            }
        )
        entered = remaining  # everyone who neither remitted nor left enters the next step
    return steps


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Remission step by step per 100 people; the product rule when nobody drops out."""
    rates = [_exact(p) for p in values["remission_percents"]]
    dropouts = values["dropout_percents"]
    if dropouts and len(dropouts) != len(rates):
        raise InputError(
            "dropout_percents",
            f"Give one drop-out value per step ({len(rates)} for {len(rates)} steps; "
            f"{len(dropouts)} given), or none for no drop-out.",
        )
    leaving = [_exact(p) for p in dropouts] or [Fraction(0)] * len(rates)
    walk = _walk(rates, leaving)
    exact_total = walk[-1]["cumulative"]
    # 8.1 B: with nobody leaving, the sum of the steps is 1 - prod(1 - r_i) (DERIVED)
    exact_no_dropout = PER * (1 - math.prod((1 - rate for rate in rates), start=Fraction(1)))
    dropout_matters = exact_total != exact_no_dropout
    no_dropout = _round(exact_no_dropout)
    total = _round(exact_total)
    warnings = []
    if leaving[-1]:
        warnings.append(
            f"Drop-out after the last step ({dropouts[-1]} %) does not change the cumulative "
            "remission: there is no further step to enter."
        )
    details = [_step_row(n, step, values) for n, step in enumerate(walk, start=1)]
    details.append(
        row(
            "cumulative",
            "Cumulative remission",
            "sum of the steps, with drop-out" if dropout_matters else "1 − (1 − r1)(1 − r2)…",
            f"{total:.1f}",
            PRODUCT,
        )
    )
    rules = [PRODUCT, REANALYSIS]
    if _is_stard(values):
        reported = f"{STARD_REPORTED} %"
        label = "Reported by Rush 2006"
        details.append(row("rush2006", label, "theoretical, no drop-outs", reported, STEP_RATES))
        rules.insert(0, STEP_RATES)
    return {
        "cumulative_percent": total,
        "no_dropout_percent": no_dropout,
        "steps": [_public(n, step) for n, step in enumerate(walk, start=1)],
        "chart_svg": chart_svg([_split(step) for step in walk]),
        "headline": _headline(len(walk), total, no_dropout, dropout_matters=dropout_matters),
        "value_label": "Remitted so far, per 100",
        "details": details,
        "interpretation": _interpretation(_split(walk[-1]), no_dropout),
        "sources": sources_used(CALCULATOR, rules),
        "warnings": warnings,
    }


def _public(number: int, step: Mapping[str, Fraction]) -> dict[str, Any]:
    """One row of the fixed `steps` output, rounded to one decimal."""
    keys = ("entered", "remitted", "dropped_out", "remaining")
    return {
        "step": number,
        **{key: _round(step[key]) for key in keys},
        "cumulative_percent": _round(step["cumulative"]),
    }


def _split(step: Mapping[str, Fraction]) -> tuple[float, float, float]:
    """After a step: remitted so far, not remitted and still in treatment, left so far."""
    return _round(step["cumulative"]), _round(step["remaining"]), _round(step["left"])


def _is_stard(values: Mapping[str, Any]) -> bool:
    rates = tuple(values["remission_percents"])
    return rates == STARD_RATES and not any(values["dropout_percents"])


def _step_row(number: int, step: Mapping[str, Fraction], values: Mapping[str, Any]) -> dict:
    rate = values["remission_percents"][number - 1]
    share = values["dropout_percents"][number - 1] if values["dropout_percents"] else 0
    answer = f"{_round(step['entered']):.1f} enter; {rate} % remit: {_round(step['remitted']):.1f}"
    if share:
        answer += (
            f"; {share} % of the {_round(step['not_remitted']):.1f} not remitted leave: "
            f"{_round(step['dropped_out']):.1f}"
        )
    return row(
        f"step_{number}", f"Step {number}", answer, f"{_round(step['cumulative']):.1f}", PRODUCT
    )


def _headline(count: int, total: float, no_dropout: float, *, dropout_matters: bool) -> str:
    steps = "1 step" if count == 1 else f"{count} steps"
    text = f"Cumulative remission after {steps}: {total:.1f} per 100 people"
    if dropout_matters:
        text += f" ({no_dropout:.1f} if nobody had left)"
    return text


def _interpretation(last: tuple[float, float, float], no_dropout: float) -> dict[str, str]:
    total, still, left = last
    clinical = (
        f"Cumulative remission {total:.1f} % of those starting step 1; with no drop-out the "
        f"product rule 1 − Π(1 − r_i) gives {no_dropout:.1f} %. For comparison, Rush 2006 "
        f"reported {STARD_REPORTED} % as a theoretical figure assuming no drop-outs (QIDS-SR16 "
        f"≤5); Pigott 2023 found {PIGOTT_REPORTED} % using the protocol's HRSD and its own "
        "exclusions, which the original investigators dispute (941 patients excluded). Each "
        "step's rate is applied to everyone who enters that step."
    )
    leaving = f"about {left:.1f} leave along the way" if left else "nobody leaves"
    plain = (
        f"Imagine 100 people starting the first treatment step. With these rates, about "
        f"{total:.1f} of them reach remission at some step, {leaving}, and about {still:.1f} "
        "are still not in remission after the last step (numbers rounded). People who leave "
        "cannot be counted as remitted, which is why drop-out lowers the total. "
        "This is arithmetic on group averages: it cannot say what will happen to one person, "
        "and it is not a diagnosis."
    )
    return {"clinical": clinical, "plain": plain}


# ---------------------------------------------------------------- the chart (inline SVG)

WIDTH, LABEL_W, BAR_W, ROW_H, TOP = 640, 70, 400, 46, 64
SCALE = BAR_W / PER
SEGMENTS = (  # (what, fill, outline): the words under each bar carry the meaning too
    ("remitted so far", "#3949ab", "#1a237e"),
    ("not remitted, still in treatment", "#c5cae9", "#3949ab"),
    ("left (drop-out)", "#ffffff", "#616161"),
)
LEGEND_X = (0, 150, 420)


def chart_svg(splits: list[tuple[float, float, float]]) -> str:
    """A small bar chart: after each step, 100 people split into remitted, in treatment, left."""
    height = TOP + ROW_H * len(splits) + 8
    last = splits[-1]
    summary = (
        f"After step {len(splits)}, of 100 people: {last[0]:.1f} remitted, "
        f"{last[1]:.1f} not remitted and still in treatment, {last[2]:.1f} left."
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(summary)}" '
        'font-family="sans-serif" font-size="13">'
    )
    parts = [
        svg,
        f"<title>{escape('Remission per step, per 100 people. ' + summary)}</title>",
        _text(0, 16, "Per 100 people starting step 1, after each step:", bold=True),
    ]
    for x, (what, *colours) in zip(LEGEND_X, SEGMENTS, strict=True):
        parts.append(_rect(x, 28, 14, 14, colours))
        parts.append(_text(x + 20, 40, what))
    for index, split in enumerate(splits):
        y = TOP + ROW_H * index
        parts.append(_text(0, y + 14, f"Step {index + 1}"))
        x = LABEL_W
        for value, (_, *colours) in zip(split, SEGMENTS, strict=True):
            if value > 0:
                parts.append(_rect(x, y, value * SCALE, 18, colours))
            x += value * SCALE
        words = f"{split[0]:.1f} remitted · {split[1]:.1f} in treatment · {split[2]:.1f} left"
        parts.append(_text(LABEL_W, y + 34, words))
    parts.append("</svg>")
    return "".join(parts)


def _rect(x: float, y: float, width: float, height: float, colours: list[str]) -> str:
    fill, stroke = colours
    return (
        f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{height}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1"/>'
    )


def _text(x: float, y: float, words: str, *, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x:.1f}" y="{y}" fill="currentColor"{weight}>{escape(words)}</text>'


TABLE = (
    TableRow(
        "Each step, per 100 people starting step 1",
        "Remitted = entering this step × the step's remission rate",
        "formula",
        PRODUCT,
    ),
    TableRow(
        "Each step, per 100 people starting step 1",
        "Not remitted = entering − remitted",
        "formula",
        PRODUCT,
    ),
    TableRow(
        "Each step, per 100 people starting step 1",
        "Left = not remitted × drop-out share (0 when no drop-out is given)",
        "formula",
        PRODUCT,
    ),
    TableRow(
        "Each step, per 100 people starting step 1",
        "Entering the next step = not remitted − left",
        "formula",
        PRODUCT,
    ),
    TableRow("Cumulative remission", "Sum of the remitted at every step", "formula", PRODUCT),
    TableRow(
        "Cumulative remission",
        "With no drop-out: 1 − (1 − r1)(1 − r2)…(1 − rn)",
        "same result",
        PRODUCT,
    ),
    TableRow(
        "STAR*D (Rush 2006)",
        "Remission at steps 1, 2, 3, 4 (QIDS-SR16 ≤5)",
        "36.8, 30.6, 13.7, 13.0 %",
        STEP_RATES,
    ),
    TableRow(
        "STAR*D (Rush 2006)",
        "Reported cumulative remission, theoretical, assuming no drop-outs",
        f"{STARD_REPORTED} %",
        STEP_RATES,
    ),
    TableRow("STAR*D (Rush 2006)", "1 − 0.632 × 0.694 × 0.863 × 0.870", "67.1 %", PRODUCT),
    TableRow("STAR*D (Rush 2006)", "Called a theoretical maximum", f"{STARD_REPORTED} %", CEILING),
    TableRow(
        "STAR*D (Rush 2006)",
        "Share of non-remitters leaving after each step",
        "not in the sources read",
        NO_DROPOUT_DATA,
    ),
    TableRow(
        "Reanalysis (Pigott 2023)",
        "Cumulative remission on the protocol's HRSD, with the reanalysis' exclusions",
        f"{PIGOTT_REPORTED} %",
        REANALYSIS,
    ),
    TableRow(
        "Reanalysis (Pigott 2023)",
        "Patients excluded, as counted by the original investigators (561 + 297 + 80 + 3)",
        "941",
        EXCLUSIONS,
    ),
)


EVALUATE, DESCRIBE = adapt(compute)

CALCULATOR = Calculator(
    id="stard",
    title="Cumulative remission over treatment steps (STAR*D)",
    version="1.0.0",
    purpose="Of 100 people starting step 1, how many reach remission over the steps?",
    fields=FIELDS,
    sources=SOURCES,
    kind="unscored",
    evaluate=EVALUATE,
    describe=DESCRIBE,
    value_label="Value",
    table=TABLE,
)
