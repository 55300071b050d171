"""MGH staging method (MGH-s; Fava 2003): a continuous score from failed trials and ECT.

Rules from clinical-evidence.md sections 1.3 and 13 (VERIFIED-S, Hägg 2020 Panel 1): 1 point per
failed adequate trial (at least 6 weeks at an adequate dose), 0.5 for dose optimisation and 0.5
for augmentation in a trial, 3 for ECT. Points for combination and for duration optimisation are
RECALLED: the calculator asks about them, shows what they would add, and never counts them.
There are no severity bands in the original.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .result import row, sources_used
from .schema import Calculator, Field, Option, Rule, Source, TableRow
from .sources import HAGG_2020

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    HAGG_2020,
    Source(
        "fava2003",
        "Fava 2003",
        "Fava M. Diagnosis and definition of treatment-resistant depression. Biol Psychiatry "
        "2003;53(8):649-659 (the original; its text was not read here).",
        doi="10.1016/S0006-3223(03)00231-2",
    ),
    Source(
        "petersen2005",
        "Petersen 2005",
        "Petersen T, Papakostas GI, Posternak MA, et al. Empirical testing of two models for "
        "staging antidepressant treatment resistance. J Clin Psychopharmacol 2005;25(4):336-341.",
        doi="10.1097/01.jcp.0000169036.40755.16",
    ),
)

PANEL1 = Rule(("hagg2020", "fava2003"), "VERIFIED-S")
UNVERIFIED = Rule(("fava2003",), "RECALLED")
MIN_WEEKS = 6  # "adequate = at least 6 weeks at an adequate dose" (Hägg 2020 Panel 1)
POINTS_TRIAL, POINTS_HALF, POINTS_ECT = 1.0, 0.5, 3.0

YES_NO = (Option(False, "No", 0, PANEL1), Option(True, "Yes", 0, PANEL1))
TRIAL_FIELDS = (
    Field(name="weeks", dimension="weeks", label="Weeks at that dose", kind="number",
          minimum=0, maximum=520, unit="weeks"),
    Field(name="adequate_dose", dimension="dose", label="Dose was adequate", kind="boolean",
          default=False, options=YES_NO),
    Field(name="dose_optimised", dimension="optimisation", label="Dose was optimised (raised)",
          kind="boolean", default=False, options=YES_NO),
    Field(name="augmented", dimension="augmentation", label="Augmented with a second agent",
          kind="boolean", default=False, options=YES_NO),
    Field(name="combined", dimension="combination",
          label="Combined with a second antidepressant (not verified, not counted)",
          kind="boolean", default=False, options=YES_NO),
    Field(name="duration_optimised", dimension="duration",
          label="Duration was extended (not verified, not counted)",
          kind="boolean", default=False, options=YES_NO),
)  # fmt: skip

TRIALS = Field(
    name="trials",
    dimension="trials",
    label="Antidepressant trials without enough response",
    kind="list",
    item_label="Trial",
    item_fields=TRIAL_FIELDS,
    min_items=0,
    max_items=30,
    default=[],
    help_title="What makes a trial count here?",
    help=(
        "A marketed antidepressant taken for at least 6 weeks at an adequate dose without "
        "response (Hägg 2020, reproducing Fava 2003). Shorter or lower-dose trials score nothing."
    ),
)
ECT = Field(
    name="ect",
    dimension="ect",
    label="ECT course without response",
    kind="boolean",
    default=False,
    options=(Option(False, "No", 0, PANEL1), Option(True, "Yes", 3, PANEL1)),
)


def _adequate(trial: Mapping[str, Any]) -> bool:
    return trial["adequate_dose"] and trial["weeks"] >= MIN_WEEKS


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Sum the verified points; report the unverified ones apart (Hägg 2020 Panel 1)."""
    details, warnings = [], []
    total, unverified = 0.0, 0.0
    for n, trial in enumerate(values["trials"], start=1):
        if not _adequate(trial):
            why = "less than 6 weeks" if trial["weeks"] < MIN_WEEKS else "dose not adequate"
            details.append(row(f"trial_{n}", f"Trial {n}", f"not adequate ({why})", 0, PANEL1))
            if trial["dose_optimised"] or trial["augmented"]:
                warnings.append(
                    f"Trial {n} is not an adequate trial, so its optimisation or augmentation "
                    "is not scored either."
                )
            continue
        points = POINTS_TRIAL + POINTS_HALF * (trial["dose_optimised"] + trial["augmented"])
        total += points
        parts = ["adequate, failed"]
        parts += ["dose optimised"] * trial["dose_optimised"] + ["augmented"] * trial["augmented"]
        details.append(row(f"trial_{n}", f"Trial {n}", ", ".join(parts), points, PANEL1))
        extra = POINTS_HALF * (trial["combined"] + trial["duration_optimised"])
        if extra:
            unverified += extra
            details.append(
                row(f"trial_{n}_unverified", f"Trial {n}: combination or extended duration",
                    "not counted", f"+{extra:g} if counted", UNVERIFIED)
            )  # fmt: skip
    if values["ect"]:
        total += POINTS_ECT
        details.append(row("ect", "ECT", "failed course", POINTS_ECT, PANEL1))
    details.append(row("total", "Total", "verified points only", total, PANEL1))
    if unverified:
        warnings.append(
            f"Not verified against the original: Fava 2003 names combination and duration "
            f"optimisation, but the points for them were not found in a source read for this "
            f"site. They would add {unverified:g}, making {total + unverified:g}; the total above "
            "leaves them out."
        )
    return {
        "total": total,
        "unverified_points": unverified,
        "headline": f"MGH-s score: {total:g}",
        "value_label": "Points",
        "details": details,
        "interpretation": {
            "clinical": (
                f"MGH-s total {total:g}: 1 per failed adequate trial (6 weeks or more at an "
                "adequate dose), +0.5 per dose optimisation, +0.5 per augmentation, +3 for ECT "
                "(Hägg 2020 reproducing Fava 2003). A continuous score without bands; in one chart "
                "review higher scores predicted not reaching remission (Petersen 2005)."
            ),
            "plain": (
                "This score adds a point for each medicine that was taken properly for at least "
                "six weeks without enough benefit, half a point when the dose was raised or an "
                "add-on was tried, and three points for ECT. Higher means more has been tried. "
                "It has no cut-off, does not predict what will happen to one person, and is not "
                "a diagnosis."
            ),
        },
        "sources": sources_used(CALCULATOR, [PANEL1] + ([UNVERIFIED] if unverified else [])),
        "warnings": warnings,
    }


CALCULATOR = Calculator(
    id="mgh_s",
    title="MGH staging method (MGH-s)",
    version="1.0.0",
    purpose="What is the MGH staging score of these failed trials and ECT?",
    fields=(TRIALS, ECT),
    sources=SOURCES,
    compute=compute,
    table=(
        TableRow("Each failed adequate trial", "6 weeks or more at an adequate dose", 1, PANEL1),
        TableRow("Within a counted trial", "Dose optimisation", 0.5, PANEL1),
        TableRow("Within a counted trial", "Augmentation", 0.5, PANEL1),
        TableRow("Within a counted trial", "Combination", "0.5? (not counted)", UNVERIFIED),
        TableRow(
            "Within a counted trial", "Duration optimisation", "0.5? (not counted)", UNVERIFIED
        ),
        TableRow("ECT", "A failed course of ECT", 3, PANEL1),
        TableRow("Total", "Sum of the above; no bands in the original", "continuous", PANEL1),
    ),
    value_label="Points",
)
