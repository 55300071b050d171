"""Maudsley Staging Method (MSM): a 3-15 score of treatment resistance in depression.

Rules from clinical-evidence.md section 1.4. Duration, severity, the total range and the bands are
VERIFIED-P (Fekadu, Donocik & Cleare 2018, BMC Psychiatry 18:100, Table 3). The treatment-failure
rows (antidepressants, augmentation, ECT) are VERIFIED-S (Hägg et al. 2020, PLoS One, Panel 1;
identical in a second secondary source); the 2009 original table was not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, row
from .schema import Band, Field, Option, Range, Rule, Source
from .sources import HAGG_2020

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    Source(
        "fekadu2018",
        "Fekadu 2018",
        "Fekadu A, Donocik JG, Cleare AJ. Standardisation framework for the Maudsley staging "
        "method for treatment resistance in depression. BMC Psychiatry 2018;18:100, Table 3.",
        doi="10.1186/s12888-018-1679-x",
        url="https://bmcpsychiatry.biomedcentral.com/articles/10.1186/s12888-018-1679-x/tables/3",
    ),
    HAGG_2020,
    Source(
        "fekadu2009a",
        "Fekadu 2009a",
        "Fekadu A, Wooderson S, Donaldson C, et al. A multidimensional tool to quantify "
        "treatment resistance in depression: the Maudsley staging method. "
        "J Clin Psychiatry 2009;70(2):177-184 (the original; its table was not read here).",
        doi="10.4088/JCP.08m04309",
    ),
    Source(
        "fekadu2009b",
        "Fekadu 2009b",
        "Fekadu A, Wooderson SC, Markopoulou K, Cleare AJ. The Maudsley Staging Method for "
        "treatment-resistant depression: prediction of longer-term outcome and persistence of "
        "symptoms. J Clin Psychiatry 2009;70(7):952-957.",
        doi="10.4088/JCP.08m04728",
    ),
)

TABLE3 = Rule(("fekadu2018",), "VERIFIED-P")
PANEL1 = Rule(("hagg2020", "fekadu2009a"), "VERIFIED-S")

# Table 3 gives "<=12", "13-24" and ">24" months. A duration between 12 and 13 months falls in
# neither printed row; we score everything above 12 up to 24 as sub-acute and say so (section 1.4).
ACUTE_MONTHS, PRINTED_SUBACUTE_FROM, SUBACUTE_MONTHS = 12, 13, 24
DURATION = Field(
    name="duration_months",
    dimension="duration",
    label="Duration of the current episode",
    kind="number",
    unit="months",
    minimum=0,
    above_minimum=True,  # an episode has lasted some time (issue 9: 0 months is no episode)
    maximum=600,
    ranges=(
        Range(f"Acute: {ACUTE_MONTHS} months or less", ACUTE_MONTHS, 1, TABLE3, "a year or less"),
        Range(
            f"Sub-acute: {PRINTED_SUBACUTE_FROM} to {SUBACUTE_MONTHS} months",
            SUBACUTE_MONTHS,
            2,
            TABLE3,
            "more than one year, up to two",
        ),
        Range(
            f"Chronic: more than {SUBACUTE_MONTHS} months", None, 3, TABLE3, "more than two years"
        ),
    ),
    help_title="How is the episode's duration counted?",
    help=(
        "Count from the start of the current episode, including the time before treatment began. "
        "The standardisation paper treats two months without symptoms as the remission that "
        "separates one episode from the next (Fekadu 2018)."
    ),
)

SEVERITY = Field(
    name="severity",
    dimension="severity",
    label="Symptom severity at baseline",
    kind="choice",
    options=(
        Option("subsyndromal", "Subsyndromal", 1, TABLE3, "symptoms below full depression"),
        Option("mild", "Syndromal: mild", 2, TABLE3, "mild depression"),
        Option("moderate", "Syndromal: moderate", 3, TABLE3, "moderate depression"),
        Option("severe", "Syndromal: severe without psychosis", 4, TABLE3, "severe depression"),
        Option(
            "severe_psychotic",
            "Syndromal: severe with psychosis",
            5,
            TABLE3,
            "severe depression with psychotic symptoms",
        ),
    ),
    help_title="How is severity rated?",
    help=(
        "The standardisation paper allows the Clinical Global Impression (CGI), the Psychiatric "
        "Status Rating or a standard diagnostic checklist (Fekadu 2018)."
    ),
)

ANTIDEPRESSANTS = Field(
    name="failed_antidepressants",
    dimension="antidepressants",
    label="Failed adequate antidepressant trials in this episode",
    kind="integer",
    unit="trials",
    minimum=1,
    maximum=50,
    ranges=(
        Range("Level 1: 1-2 medications", 2, 1, PANEL1, "one or two medicines"),
        Range("Level 2: 3-4 medications", 4, 2, PANEL1, "three or four medicines"),
        Range("Level 3: 5-6 medications", 6, 3, PANEL1, "five or six medicines"),
        Range("Level 4: 7-10 medications", 10, 4, PANEL1, "seven to ten medicines"),
        Range("Level 5: more than 10 medications", None, 5, PANEL1, "more than ten medicines"),
    ),
    below_minimum=(
        "The Maudsley Staging Method scores only an episode with at least one failed adequate "
        "antidepressant trial; with none it gives no score. Enter a whole number from 1 to 50."
    ),
    help_title="What counts as a failed adequate trial?",
    help=(
        "A medicine taken at an adequate dose for long enough, in this episode, without enough "
        "improvement. The MSM paper suggests the Maudsley Treatment Inventory, which lists each "
        "medicine with a rating of its dose (Fekadu 2018). Definitions of 'adequate' differ in "
        "dose, length (4 to 8 weeks) and improvement threshold."
    ),
)

AUGMENTATION = Field(
    name="augmentation",
    dimension="augmentation",
    label="Augmentation used in this episode",
    kind="boolean",
    default=False,
    options=(
        Option(False, "Not used", 0, PANEL1, "no add-on medicine"),
        Option(True, "Used", 1, PANEL1, "an add-on medicine was tried"),
    ),
    help_title="What is augmentation?",
    help=(
        "Adding a second medicine that is not itself an antidepressant, such as lithium, thyroid "
        "hormone or an atypical antipsychotic, to boost an antidepressant."
    ),
)

ECT = Field(
    name="ect",
    dimension="ect",
    label="Electroconvulsive therapy (ECT) used in this episode",
    kind="boolean",
    default=False,
    options=(
        Option(False, "Not used", 0, PANEL1, "no ECT"),
        Option(True, "Used", 1, PANEL1, "ECT was tried"),
    ),
)

FIELDS = (DURATION, SEVERITY, ANTIDEPRESSANTS, AUGMENTATION, ECT)

BANDS = (
    Band("mild", "Mild", 3, 6, TABLE3, "at the lower end of treatment resistance"),
    Band("moderate", "Moderate", 7, 10, TABLE3, "in the middle range of treatment resistance"),
    Band("severe", "Severe", 11, 15, TABLE3, "at the higher end of treatment resistance"),
)
TOTAL_RANGE = (3, 15)  # Fekadu 2018 Table 3: minimum 1+1+1, maximum 15 (VERIFIED-P)


@dataclass(frozen=True)
class MsmOutcome:
    """The five scored rows, their total and its band (Fekadu 2018 Table 3)."""

    duration_months: float
    scored: dict[str, tuple[Field, Option | Range]]  # dimension -> (field, row it fell in)
    total: int
    band: Band

    @property
    def in_printed_gap(self) -> bool:
        """Above 12 and below 13 months: in neither row Table 3 prints."""
        return ACUTE_MONTHS < self.duration_months < PRINTED_SUBACUTE_FROM

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "band": self.band.id,
            "band_label": self.band.label,
            "total_range": list(TOTAL_RANGE),
            "breakdown": {dim: scored.points for dim, (_, scored) in self.scored.items()},
        }


def evaluate(values: Mapping[str, Any]) -> MsmOutcome:
    """Sum the points of the five dimensions and name the band (Fekadu 2018 Table 3)."""
    scored = {f.dimension: (f, f.score(values[f.name])) for f in FIELDS}
    total = sum(row.points for _, row in scored.values())
    band = next(b for b in BANDS if b.holds(total))
    return MsmOutcome(values["duration_months"], scored, total, band)


def describe(outcome: MsmOutcome) -> Result:
    """The MSM result in words, from the outcome and Table 3's own rows and bands."""
    total, band = outcome.total, outcome.band
    rows = [
        row(dim, f.label, scored.label, scored.points, scored.rule)
        for dim, (f, scored) in outcome.scored.items()
    ]
    rows.append(row("total", "Total", f"{band.label} band", total, band.rule))
    warnings = []
    if outcome.in_printed_gap:
        acute, subacute = DURATION.ranges[0], DURATION.ranges[1]
        warnings.append(
            f"Table 3 prints {ACUTE_MONTHS} months or less ({acute.points} point) and "
            f"{PRINTED_SUBACUTE_FROM}-{SUBACUTE_MONTHS} months ({subacute.points} points); "
            f"{outcome.duration_months} months falls between them. This calculator scores any "
            f"duration above {ACUTE_MONTHS} and up to {SUBACUTE_MONTHS} months as sub-acute "
            f"({subacute.points} points)."
        )
    low, high = TOTAL_RANGE
    return Result(
        headline=f"Total {total} (possible {low} to {high}): {band.label}",
        value_label="Points",
        rows=tuple(rows),
        clinical=_clinical(total, band),
        plain=_plain(total, band, outcome),
        warnings=tuple(warnings),
    )


def _clinical(total: int, band: Band) -> str:
    bands = ", ".join(f"{b.id} {b.low}-{b.high}" for b in BANDS)
    low, high = TOTAL_RANGE
    return (
        f"MSM total {total} of {high} (range {low}-{high}): "
        f"{band.label.lower()} treatment resistance (bands: {bands}; Fekadu 2018, Table 3). "
        "Treatment-failure points follow Hägg 2020, Panel 1 (secondary source)."
    )


def _plain(total: int, band: Band, outcome: MsmOutcome) -> str:
    parts = [scored.plain for _, scored in outcome.scored.values() if scored.plain]
    return (
        f"The score adds up five things: how long this episode has lasted ({parts[0]}), how "
        f"severe it was ({parts[1]}), how many medicines have not worked well enough "
        f"({parts[2]}), whether an add-on medicine was tried and whether ECT was tried. "
        f"A total of {total} out of {TOTAL_RANGE[1]} is {band.plain}. "
        "In studies, higher scores went with a longer course of depression, but a score cannot "
        "say what will happen to one person, and it is not a diagnosis. It describes the "
        "treatment history so far; other treatments remain to discuss with a clinician."
    )


CALCULATOR = Calculator(
    id="msm",
    title="Maudsley Staging Method (MSM)",
    version="1.0.0",
    purpose="How resistant is this depressive episode to treatment so far, on a 3-15 scale?",
    kind="scored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    bands=BANDS,
    total_range=TOTAL_RANGE,
    value_label="Points",
)
