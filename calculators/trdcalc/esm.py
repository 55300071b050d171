"""European Staging Model (Souery 1999): nonresponder, TRD1-TRD5 or chronic resistant depression.

Rules from clinical-evidence.md section 1.2. The week windows of TRD1-TRD5 and the CRD rule are
VERIFIED-S (Hägg 2020 Panel 1; medicalalgorithms.com); the mapping of TRD1-TRD5 to 2-6 failed
trials is RECALLED, so every TRD1-TRD5 result carries a visible "not verified" warning. The windows
overlap, so a category is found from the number of failed trials, and the weeks are context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .result import row, sources_used
from .schema import Calculator, Field, Rule, Source, TableRow
from .sources import HAGG_2020, MEDICALALGORITHMS

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    HAGG_2020,
    MEDICALALGORITHMS,
    Source(
        "souery1999",
        "Souery 1999",
        "Souery D, Amsterdam J, de Montigny C, et al. Treatment resistant depression: "
        "methodological overview and operational criteria. Eur Neuropsychopharmacol "
        "1999;9(1-2):83-91 (the original; its text was not read here).",
        doi="10.1016/S0924-977X(98)00004-2",
    ),
)

WINDOWS = Rule(("hagg2020", "souery1999"), "VERIFIED-S")
SUMMARY = Rule(("medicalalgorithms", "souery1999"), "VERIFIED-S")
COUNTS = Rule(("medicalalgorithms", "souery1999"), "RECALLED")
CRD_WEEKS = 52  # ">= 12 months" (medicalalgorithms, VERIFIED-S), taken as 52 weeks

# category id, label, failed trials (RECALLED mapping), week window (VERIFIED-S)
CATEGORIES = (
    ("nonresponder", "Nonresponder", 1, (6, 8)),
    ("TRD1", "TRD1", 2, (12, 16)),
    ("TRD2", "TRD2", 3, (18, 24)),
    ("TRD3", "TRD3", 4, (24, 32)),
    ("TRD4", "TRD4", 5, (30, 40)),
    ("TRD5", "TRD5", 6, (36, 52)),
)

FAILED = Field(
    name="failed_trials",
    dimension="trials",
    label="Failed adequate antidepressant trials",
    kind="integer",
    unit="trials",
    minimum=0,
    maximum=30,
    help_title="What counts as a failed adequate trial here?",
    help=(
        "In this model a trial is adequate when an antidepressant was taken at an adequate dose "
        "for 6 to 8 weeks without response (Souery 1999, as summarised)."
    ),
)
WEEKS = Field(
    name="duration_weeks",
    dimension="weeks",
    label="Weeks of resistance so far",
    kind="number",
    unit="weeks",
    minimum=0,
    maximum=2600,  # 50 years, so any MSM episode length (600 months) fits
    help_title="Why do the weeks not decide the category?",
    help=(
        "The printed week windows overlap: 24 weeks is both TRD2 and TRD3, 30-32 weeks both TRD3 "
        "and TRD4, 36-40 weeks both TRD4 and TRD5. The calculator uses the number of failed "
        "trials and shows the window as context."
    ),
)


def _category(trials: int, weeks: float) -> tuple[str, str, tuple[int, int] | None]:
    if trials == 0:
        return "none", "No category", None
    if trials >= 2 and weeks >= CRD_WEEKS:  # noqa: PLR2004 - "several" failed trials
        return "CRD", "Chronic resistant depression (CRD)", None
    for cid, label, count, window in CATEGORIES:
        if trials <= count:
            return cid, label, window
    return "TRD5", "TRD5", CATEGORIES[-1][3]


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Category by failed trials (RECALLED mapping), CRD by 12 months, weeks as context."""
    trials, weeks = values["failed_trials"], values["duration_weeks"]
    cid, label, window = _category(trials, weeks)
    warnings = []
    if cid.startswith("TRD"):
        warnings.append(
            "Not verified against the original: the mapping of TRD1-TRD5 to 2-6 failed trials "
            "comes from general knowledge (RECALLED), not from Souery 1999. It fits the printed "
            "week windows (n trials of 6-8 weeks), except at the top (36-48 against 36-52 weeks)."
        )
    if trials > 6 and cid == "TRD5":  # noqa: PLR2004
        warnings.append(
            f"{trials} failed trials is more than the 6 that TRD5 stands for; the model names no "
            "further stage except CRD (resistance lasting 12 months or more)."
        )
    if window and not window[0] <= weeks <= window[1]:
        warnings.append(
            f"{weeks} weeks lies outside the window printed for {label} ({window[0]}-{window[1]} "
            "weeks). The category follows the number of failed trials; the weeks are context."
        )
    if cid == "none":
        warnings.append(
            "No failed adequate trial: the model gives no category (not even nonresponder)."
        )
    if cid == "CRD":
        window_text = f"{CRD_WEEKS} weeks (12 months) or more"
    else:
        window_text = f"{window[0]}-{window[1]} weeks" if window else "none"
    rule = COUNTS if cid.startswith("TRD") else SUMMARY
    details = [
        row("trials", FAILED.label, str(trials), label, rule),
        row("weeks", "Week window of this category", window_text, f"{weeks} entered", WINDOWS),
    ]
    return {
        "category": cid,
        "category_label": label,
        "headline": f"European Staging Model: {label}",
        "value_label": "Result",
        "details": details,
        "interpretation": {
            "clinical": (
                f"{trials} failed adequate trial(s), {weeks} weeks: {label}. Nonresponder = one "
                "failed 6-8 week trial; TRD = two or more; CRD = resistance to several trials "
                "lasting 12 months or more (Souery 1999 as summarised by Hägg 2020 and "
                "medicalalgorithms.com)."
            ),
            "plain": (
                "This European model sorts a history by how many medicines have been tried "
                "properly without enough benefit, and for how long. It describes the treatment "
                "history so far; it does not predict what comes next and is not a diagnosis."
            ),
        },
        "sources": sources_used(CALCULATOR, [rule, WINDOWS]),
        "warnings": warnings,
    }


CALCULATOR = Calculator(
    id="esm",
    title="European Staging Model (ESM)",
    version="1.0.0",
    purpose="Which European Staging Model category fits this number of failed trials?",
    fields=(FAILED, WEEKS),
    sources=SOURCES,
    compute=compute,
    table=(
        TableRow("No failed trial", "No category", "none", SUMMARY),
        TableRow("Nonresponder", "1 failed adequate trial of 6-8 weeks", "1 trial", SUMMARY),
        *(
            table_row
            for _, label, count, (lo, hi) in CATEGORIES[1:]
            for table_row in (
                TableRow(label, "Weeks of resistance", f"{lo}-{hi} weeks", WINDOWS),
                TableRow(label, "Failed adequate trials", f"{count} trials", COUNTS),
            )
        ),
        TableRow(
            "Chronic resistant depression",
            "Resistance to several trials, usually including augmentation, lasting 12 months "
            "or more",
            "CRD",
            SUMMARY,
        ),
    ),
    value_label="Category",
)
