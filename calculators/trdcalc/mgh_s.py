"""MGH staging method (MGH-s; Fava 2003): a continuous score from failed trials and ECT.

Rules from clinical-evidence.md sections 1.3 and 13 (VERIFIED-S, Hägg 2020 Panel 1): 1 point per
failed adequate trial (at least 6 weeks at an adequate dose), 0.5 for dose optimisation and 0.5
for augmentation in a trial, 3 for ECT. Points for combination and for duration optimisation are
RECALLED: the calculator asks about them, shows what they would add, and never counts them.
There are no severity bands in the original. Whether each trial's dose was adequate must be
answered (no silent default: issue 9, item 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, Row, row
from .schema import Field, Option, Rule, Source, TableRow
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

YES_NO = (Option(False, "No"), Option(True, "Yes"))
TRIAL_FIELDS = (
    Field(name="weeks", dimension="weeks", label="Weeks at that dose", kind="number",
          minimum=0, maximum=520, unit="weeks"),
    Field(name="adequate_dose", dimension="dose", label="Dose was adequate", kind="boolean",
          options=YES_NO),
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
        f"A marketed antidepressant taken for at least {MIN_WEEKS} weeks at an adequate dose "
        "without response (Hägg 2020, reproducing Fava 2003). Shorter or lower-dose trials score "
        "nothing."
    ),
)
ECT = Field(
    name="ect",
    dimension="ect",
    label="ECT course without response",
    kind="boolean",
    default=False,
    options=(Option(False, "No", 0, PANEL1), Option(True, "Yes", int(POINTS_ECT), PANEL1)),
)


def _adequate(trial: Mapping[str, Any]) -> bool:
    return trial["adequate_dose"] and trial["weeks"] >= MIN_WEEKS


@dataclass(frozen=True)
class TrialScore:
    """One trial's verified points (0 when not adequate) and its unverified extra."""

    number: int
    adequate: bool
    short: bool  # under MIN_WEEKS (when not adequate)
    dose_optimised: bool
    augmented: bool
    points: float
    unverified: float  # combination and extended duration, never counted


@dataclass(frozen=True)
class MghOutcome:
    """The per-trial points, ECT and the verified total (Hägg 2020 Panel 1)."""

    trials: tuple[TrialScore, ...]
    ect: bool
    total: float
    unverified: float

    def as_json(self) -> dict[str, Any]:
        return {"total": self.total, "unverified_points": self.unverified}


def score_trial(number: int, trial: Mapping[str, Any]) -> TrialScore:
    adequate = _adequate(trial)
    halves = trial["dose_optimised"] + trial["augmented"]
    extra = POINTS_HALF * (trial["combined"] + trial["duration_optimised"])
    return TrialScore(
        number=number,
        adequate=adequate,
        short=trial["weeks"] < MIN_WEEKS,
        dose_optimised=trial["dose_optimised"],
        augmented=trial["augmented"],
        points=POINTS_TRIAL + POINTS_HALF * halves if adequate else 0.0,
        unverified=extra if adequate else 0.0,
    )


def evaluate(values: Mapping[str, Any]) -> MghOutcome:
    """Sum the verified points; keep the unverified ones apart (Hägg 2020 Panel 1)."""
    trials = tuple(score_trial(n, t) for n, t in enumerate(values["trials"], start=1))
    total = sum(t.points for t in trials) + (POINTS_ECT if values["ect"] else 0.0)
    return MghOutcome(trials, values["ect"], total, sum(t.unverified for t in trials))


def _trial_rows(trial: TrialScore) -> list[Row]:
    n = trial.number
    if not trial.adequate:
        why = f"less than {MIN_WEEKS} weeks" if trial.short else "dose not adequate"
        return [row(f"trial_{n}", f"Trial {n}", f"not adequate ({why})", 0, PANEL1)]
    parts = ["adequate, failed"]
    parts += ["dose optimised"] * trial.dose_optimised + ["augmented"] * trial.augmented
    rows = [row(f"trial_{n}", f"Trial {n}", ", ".join(parts), trial.points, PANEL1)]
    if trial.unverified:
        rows.append(
            row(f"trial_{n}_unverified", f"Trial {n}: combination or extended duration",
                "not counted", f"+{trial.unverified:g} if counted", UNVERIFIED)
        )  # fmt: skip
    return rows


def unverified_note(outcome: MghOutcome) -> str | None:
    """The "not verified" note for combination and duration points, when any were entered."""
    if not outcome.unverified:
        return None
    return (
        f"Not verified against the original: Fava 2003 names combination and duration "
        f"optimisation, but the points for them were not found in a source read for this "
        f"site. They would add {outcome.unverified:g}, making "
        f"{outcome.total + outcome.unverified:g}; the total above leaves them out."
    )


def describe(outcome: MghOutcome) -> Result:
    """The score in words: a row per trial, ECT, the verified total, unverified points apart."""
    rows = [r for trial in outcome.trials for r in _trial_rows(trial)]
    if outcome.ect:
        rows.append(row("ect", "ECT", "failed course", POINTS_ECT, PANEL1))
    total = outcome.total
    rows.append(row("total", "Total", "verified points only", total, PANEL1))
    warnings = [
        f"Trial {t.number} is not an adequate trial, so its optimisation or augmentation is not "
        "scored either."
        for t in outcome.trials
        if not t.adequate and (t.dose_optimised or t.augmented)
    ]
    note = unverified_note(outcome)
    if note:
        warnings.append(note)
    half, trial_points, ect = f"{POINTS_HALF:g}", f"{POINTS_TRIAL:g}", f"{POINTS_ECT:g}"
    return Result(
        headline=f"MGH-s score: {total:g}",
        value_label="Points",
        rows=tuple(rows),
        clinical=(
            f"MGH-s total {total:g}: {trial_points} per failed adequate trial ({MIN_WEEKS} weeks "
            f"or more at an adequate dose), +{half} per dose optimisation, +{half} per "
            f"augmentation, +{ect} for ECT (Hägg 2020 reproducing Fava 2003). A continuous score "
            "without bands; in one chart review higher scores predicted not reaching remission "
            "(Petersen 2005)."
        ),
        plain=(
            "This score adds a point for each medicine that was taken properly for at least "
            f"{MIN_WEEKS} weeks without enough benefit, half a point when the dose was raised or "
            f"an add-on was tried, and {ect} points for ECT. Higher means more has been tried. "
            "It has no cut-off, does not predict what will happen to one person, and is not "
            "a diagnosis."
        ),
        warnings=tuple(warnings),
        rules=(PANEL1, UNVERIFIED) if outcome.unverified else (PANEL1,),
    )


def _table() -> tuple[TableRow, ...]:
    counted = "Within a counted trial"
    return (
        TableRow("Each failed adequate trial", f"{MIN_WEEKS} weeks or more at an adequate dose",
                 f"{POINTS_TRIAL:g}", PANEL1),
        TableRow(counted, "Dose optimisation", f"{POINTS_HALF:g}", PANEL1),
        TableRow(counted, "Augmentation", f"{POINTS_HALF:g}", PANEL1),
        TableRow(counted, "Combination", f"{POINTS_HALF:g}? (not counted)", UNVERIFIED),
        TableRow(counted, "Duration optimisation", f"{POINTS_HALF:g}? (not counted)", UNVERIFIED),
        TableRow("ECT", "A failed course of ECT", f"{POINTS_ECT:g}", PANEL1),
        TableRow("Total", "Sum of the above; no bands in the original", "continuous", PANEL1),
    )  # fmt: skip


CALCULATOR = Calculator(
    id="mgh_s",
    title="MGH staging method (MGH-s)",
    version="1.1.0",
    purpose="What is the MGH staging score of these failed trials and ECT?",
    kind="scored",
    fields=(TRIALS, ECT),
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=_table(),
    value_label="Points",
)
