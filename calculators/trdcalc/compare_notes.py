"""Where the models and definitions part ways for one history, in plain sentences.

Each note is one small rule over the typed outcome of `compare`, written with the same
constants the models use, so a changed threshold changes the note too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import mgh_s, msm, trd_definitions
from .trial_adequacy_rules import RYBAK

if TYPE_CHECKING:
    from collections.abc import Callable

    from .compare import CompareOutcome

ESM_MGH_WEEKS = mgh_s.MIN_WEEKS  # ESM 6-8 weeks (medicalalgorithms), MGH-s 6 weeks (Hägg 2020)
NONRESPONSE = RYBAK.nonresponse_below  # classic reading where a model prints no threshold
PARTIAL_LOW = trd_definitions.SFORZINI.nonresponse_below  # EU-PEARL: 25-49 % partial response
WEEKS_PER_MONTH = 52 / 12


def _partial(o: CompareOutcome) -> str | None:
    trials = o.values["trials"]
    partial = [t for t in trials if PARTIAL_LOW <= t["improvement_percent"] < NONRESPONSE]
    if not partial:
        return None
    return (
        f"{len(partial)} trial(s) improved by {PARTIAL_LOW:g}-{NONRESPONSE - 1:g} %: a failure "
        f"under the Canadian consensus (below {NONRESPONSE:g} %), a partial response under "
        f"EU-PEARL (below {PARTIAL_LOW:g} % is a failure there)."
    )


def _short(o: CompareOutcome) -> str | None:
    short = [t for t in o.values["trials"] if RYBAK.min_weeks <= t["weeks"] < ESM_MGH_WEEKS]
    if not short:
        return None
    return (
        f"{len(short)} trial(s) lasted {RYBAK.min_weeks:g} to {ESM_MGH_WEEKS} weeks: long "
        "enough for the Canadian consensus and EU-PEARL, too short for MGH staging and the "
        f"European model ({ESM_MGH_WEEKS} weeks or more)."
    )


def _classes(o: CompareOutcome) -> str | None:
    trials = o.values["trials"]
    classes = {t["agent"] for t in trials}
    if len(trials) <= len(classes):
        return None
    return (
        f"{len(trials)} trials but {len(classes)} class(es): Thase–Rush counts classes, so "
        "repeated trials in one class do not raise its stage, while the MSM and MGH-s count "
        "every trial."
    )


def _augmentation(o: CompareOutcome) -> str | None:
    if not any(t["augmented"] for t in o.values["trials"]):
        return None
    return (
        "Augmentation adds points in the MSM and MGH staging; Thase–Rush leaves it out, and the "
        "European model mentions it only as usual in chronic resistant depression."
    )


def _ect(o: CompareOutcome) -> str | None:
    if not o.values["ect"]:
        return None
    return (
        f"ECT adds {msm.ECT.score(True).points} point to the MSM and {mgh_s.POINTS_ECT:g} to "
        "MGH staging, and counts in Thase–Rush only at stage V, after an MAOI."
    )


def _psychotherapy(o: CompareOutcome) -> str | None:
    if not o.values["psychotherapy"]:
        return None
    return (
        "A failed psychotherapy counts in none of these models or definitions; the ATHF-SF "
        "and the DM-TRD count it (Sackeim 2019; DM-TRD scoring not verified)."
    )


def _bipolar(o: CompareOutcome) -> str | None:
    if o.values["diagnosis"] != "bipolar":
        return None
    return (
        "Bipolar depression: EU-PEARL places it outside TRD, while Gaynes 2020 reports "
        f"{trd_definitions.BIPOLAR_TRIALS} failed trial as the usual bar."
    )


def _duration(o: CompareOutcome) -> str | None:
    if not {"trd", "not_met"} <= {v for _, v, _ in o.definitions.verdicts}:
        return None
    return (
        "Only the MSM counts how long the episode has lasted and how severe it is; the "
        "definitions count trials alone."
    )


def _weeks_of_resistance(o: CompareOutcome) -> str | None:
    weeks, months = o.esm.weeks, o.values["duration_months"]
    if not o.esm.trials or weeks >= months * WEEKS_PER_MONTH:
        return None
    return (
        f"The European model counts {weeks:g} weeks of resistance (the failed trials it "
        f"counts), not the episode's {months:g} months; the MSM counts the episode's length."
    )


NOTES: tuple[Callable[[CompareOutcome], str | None], ...] = (
    _partial,
    _short,
    _classes,
    _augmentation,
    _ect,
    _psychotherapy,
    _bipolar,
    _duration,
    _weeks_of_resistance,
)


def disagreements(outcome: CompareOutcome) -> list[str]:
    """Every note that applies to this history, in a fixed order."""
    return [note for note in (rule(outcome) for rule in NOTES) if note]
