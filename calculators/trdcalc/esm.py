"""European Staging Model (Souery 1999): nonresponder, TRD1-TRD5 or chronic resistant depression.

Rules from clinical-evidence.md section 1.2 and clinical-evidence-2.md H8. The week windows of
TRD1-TRD5 and the CRD rule are VERIFIED-S (Hägg 2020 Panel 1; medicalalgorithms.com); the mapping
of TRD1-TRD5 to 2-6 failed trials is RECALLED, so every TRD1-TRD5 result carries a visible "not
verified" warning. The windows overlap, so a category is found from the number of failed trials,
and the weeks are context.

Chronic resistant depression (H8): "failure to respond after 12 months to several antidepressant
trials with adequate dose and duration. Therapy will usually include augmentation ... corresponds
to failure to respond to 6 trials". Applied here: CRD needs at least 6 failed trials AND at least
12 months (taken as 52 weeks) of resistance; augmentation is asked for, and its absence is noted,
not required ("usually"). The 12 months count resistance (the treatment history), not the
episode's length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, row
from .schema import Field, Option, Rule, Source, TableRow
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
CRD_WEEKS = 52  # "after 12 months" (medicalalgorithms, VERIFIED-S), taken as 52 weeks
CRD_TRIALS = 6  # "several ... corresponds to failure to respond to 6 trials" (H8, VERIFIED-S)


@dataclass(frozen=True)
class Category:
    """One category: its id and label, the failed trials it stands for, its week window."""

    id: str
    label: str
    trials: int  # nonresponder 1 (VERIFIED-S); TRD1-TRD5 2-6 (RECALLED)
    weeks: tuple[int, int]  # VERIFIED-S (Hägg 2020 Panel 1)

    @property
    def rule(self) -> Rule:
        return COUNTS if self.id.startswith("TRD") else SUMMARY


CATEGORIES = (
    Category("nonresponder", "Nonresponder", 1, (6, 8)),
    Category("TRD1", "TRD1", 2, (12, 16)),
    Category("TRD2", "TRD2", 3, (18, 24)),
    Category("TRD3", "TRD3", 4, (24, 32)),
    Category("TRD4", "TRD4", 5, (30, 40)),
    Category("TRD5", "TRD5", 6, (36, 52)),
)
NONE = Category("none", "No category", 0, (0, 0))
CRD = Category("CRD", "Chronic resistant depression (CRD)", CRD_TRIALS, (CRD_WEEKS, CRD_WEEKS))
ADEQUATE_WEEKS = CATEGORIES[0].weeks  # an adequate trial lasts 6-8 weeks in this model

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
        f"for {ADEQUATE_WEEKS[0]} to {ADEQUATE_WEEKS[1]} weeks without response (Souery 1999, "
        "as summarised)."
    ),
)
WEEKS = Field(
    name="duration_weeks",
    dimension="weeks",
    label="Weeks of resistance so far",
    kind="number",
    unit="weeks",
    minimum=0,
    maximum=1560,  # 30 trials of a year each: far beyond any window the model prints
    help_title="Which weeks count, and why do they not decide the category?",
    help=(
        "The weeks of resistance are the weeks spent on treatments that did not work, counted "
        "from the start of the first failed trial; not the length of the whole episode. The "
        "printed week windows overlap (24 weeks is both TRD2 and TRD3, 30-32 weeks both TRD3 "
        "and TRD4, 36-40 weeks both TRD4 and TRD5), so the calculator uses the number of failed "
        "trials and shows the window as context."
    ),
)
AUGMENTATION = Field(
    name="augmentation",
    dimension="augmentation",
    label="Augmentation tried (a second, non-antidepressant medicine added)",
    kind="boolean",
    default=False,
    options=(Option(False, "Not tried"), Option(True, "Tried")),
    help_title="Why ask about augmentation?",
    help=(
        "The summary of the model says that chronic resistant depression usually includes "
        "augmentation therapy; it does not make it a requirement."
    ),
)
FIELDS = (FAILED, WEEKS, AUGMENTATION)


@dataclass(frozen=True)
class EsmOutcome:
    """The category a history falls in, and the answers it was found from."""

    category: Category
    trials: int
    weeks: float
    augmentation: bool

    @property
    def year_of_resistance(self) -> bool:
        return self.weeks >= CRD_WEEKS

    def as_json(self) -> dict[str, Any]:
        return {"category": self.category.id, "category_label": self.category.label}


def category_for(trials: int, weeks: float) -> Category:
    """CRD for at least 6 failed trials over 12 months or more; otherwise by the trial count."""
    if trials == 0:
        return NONE
    if trials >= CRD_TRIALS and weeks >= CRD_WEEKS:
        return CRD
    return next((c for c in CATEGORIES if trials <= c.trials), CATEGORIES[-1])


def evaluate(values: Mapping[str, Any]) -> EsmOutcome:
    """The ESM category of this history (Souery 1999 as summarised; CRD after H8)."""
    trials, weeks = values["failed_trials"], values["duration_weeks"]
    return EsmOutcome(category_for(trials, weeks), trials, weeks, values["augmentation"])


def describe(outcome: EsmOutcome) -> Result:
    """The category in words, with the week window as context and every unverified step named."""
    cat = outcome.category
    if cat is CRD:
        window = f"{CRD_WEEKS} weeks (12 months) or more"
    elif cat is NONE:
        window = "none"
    else:
        window = f"{cat.weeks[0]}-{cat.weeks[1]} weeks"
    rows = (
        row("trials", FAILED.label, str(outcome.trials), cat.label, cat.rule),
        row("weeks", "Week window of this category", window, f"{outcome.weeks} entered", WINDOWS),
        row("augmentation", AUGMENTATION.label, "yes" if outcome.augmentation else "no",
            "usual in CRD, not required", SUMMARY),
    )  # fmt: skip
    return Result(
        headline=f"European Staging Model: {cat.label}",
        value_label="Result",
        rows=rows,
        clinical=(
            f"{outcome.trials} failed adequate trial(s), {outcome.weeks} weeks of resistance: "
            f"{cat.label}. Nonresponder = one failed {ADEQUATE_WEEKS[0]}-{ADEQUATE_WEEKS[1]} "
            f"week trial; TRD = two or more; CRD = resistance to several trials (about "
            f"{CRD_TRIALS}, usually including augmentation) lasting 12 months or more "
            "(Souery 1999 as summarised by Hägg 2020 and medicalalgorithms.com; the original "
            "was not read)."
        ),
        plain=(
            "This European model sorts a history by how many medicines have been tried "
            "properly without enough benefit, and for how long. It describes the treatment "
            "history so far; it does not predict what comes next and is not a diagnosis."
        ),
        warnings=tuple(_warnings(outcome)),
        rules=(cat.rule, WINDOWS),
    )


def unverified_note(outcome: EsmOutcome) -> str | None:
    """The "not verified" note a TRD1-TRD5 result carries (RECALLED trial counts), else None."""
    if not outcome.category.id.startswith("TRD"):
        return None
    top = CATEGORIES[-1]
    return (
        f"Not verified against the original: the mapping of TRD1-TRD5 to "
        f"{CATEGORIES[1].trials}-{top.trials} failed trials comes from general knowledge "
        "(RECALLED), not from Souery 1999. It fits the printed week windows (n trials of "
        f"{ADEQUATE_WEEKS[0]}-{ADEQUATE_WEEKS[1]} weeks), except at the top "
        f"({top.trials * ADEQUATE_WEEKS[0]}-{top.trials * ADEQUATE_WEEKS[1]} against "
        f"{top.weeks[0]}-{top.weeks[1]} weeks)."
    )


def _warnings(outcome: EsmOutcome) -> list[str]:
    cat, trials, weeks = outcome.category, outcome.trials, outcome.weeks
    note = unverified_note(outcome)
    notes = [note] if note else []
    if cat.id.startswith("TRD") and outcome.year_of_resistance:
        notes.append(
            f"{weeks} weeks is 12 months or more of resistance, but chronic resistant depression "
            f"needs several failed trials (the summary says about {CRD_TRIALS}); {trials} "
            f"failed trial(s) stay {cat.label}."
        )
    elif cat is CATEGORIES[-1] and trials > cat.trials:
        notes.append(
            f"{trials} failed trials is more than the {cat.trials} that TRD5 stands for; the "
            f"model names no further stage except CRD, which needs 12 months ({CRD_WEEKS} weeks) "
            "of resistance."
        )
    if cat not in (NONE, CRD) and not cat.weeks[0] <= weeks <= cat.weeks[1]:
        notes.append(
            f"{weeks} weeks lies outside the window printed for {cat.label} "
            f"({cat.weeks[0]}-{cat.weeks[1]} weeks). The category follows the number of failed "
            "trials; the weeks are context."
        )
    if cat is CRD and not outcome.augmentation:
        notes.append(
            "No augmentation was entered. The summary says chronic resistant depression usually "
            "includes augmentation; it is not a requirement, so the category stands."
        )
    if cat is NONE:
        notes.append(
            "No failed adequate trial: the model gives no category (not even nonresponder)."
        )
    return notes


def _table() -> tuple[TableRow, ...]:
    low, high = ADEQUATE_WEEKS
    rows = [
        TableRow("No failed trial", "No category", "none", SUMMARY),
        TableRow("Nonresponder", f"1 failed adequate trial of {low}-{high} weeks", "1 trial",
                 SUMMARY),
    ]  # fmt: skip
    for cat in CATEGORIES[1:]:
        rows.append(TableRow(cat.label, "Weeks of resistance",
                             f"{cat.weeks[0]}-{cat.weeks[1]} weeks", WINDOWS))  # fmt: skip
        rows.append(TableRow(cat.label, "Failed adequate trials", f"{cat.trials} trials", COUNTS))
    crd = "Chronic resistant depression"
    rows += [
        TableRow(crd, "Failed adequate trials", f"several (about {CRD_TRIALS})", SUMMARY),
        TableRow(crd, "Resistance lasting", f"12 months or more (taken as {CRD_WEEKS} weeks)",
                 SUMMARY),
        TableRow(crd, "Augmentation", "usually included; not required", SUMMARY),
    ]  # fmt: skip
    return tuple(rows)


CALCULATOR = Calculator(
    id="esm",
    title="European Staging Model (ESM)",
    version="2.0.0",
    purpose="Which European Staging Model category fits this number of failed trials?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=_table(),
    value_label="Category",
)
