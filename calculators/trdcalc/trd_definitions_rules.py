"""The rule of each TRD definition and threshold, over one history's counted trials.

Each trial is judged by `trial_adequacy` (one rule in one place); here the failures are counted
and each definition applies its own bar: two failures for Rybak 2021, EU-PEARL, Gaynes 2020 (one
in bipolar depression), the FDA usage and the Karolinska model; one for Thase–Rush stage I; four
treatments, ECT included, for the VNS threshold. Where a definition prints no threshold for a
failed trial, Rybak's rule decides (DERIVED) and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .trial_adequacy_rules import KIM_DAYS, RYBAK, SFORZINI, judge

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

TRD_TRIALS = 2  # two failed trials: Rybak, Sforzini, Gaynes (MDD), FDA usage, Karolinska
BIPOLAR_TRIALS = 1  # Gaynes 2020: one prior failure in bipolar depression
STAGE_I_TRIALS = 1  # Thase–Rush stage I
VNS_TREATMENTS = 4  # APA via Aaronson 2017: four adequate treatments, ECT included
DAYS_PER_WEEK = 7
WITH_RYBAK = "No thresholds printed: counted with the Rybak rule."


@dataclass(frozen=True)
class Counts:
    """What the definitions count in one history."""

    rybak: int  # failed by Rybak 2021's rule
    sforzini: int  # failed by EU-PEARL's rule (below 25 %)
    partial: int  # EU-PEARL partial responses (25-49 %)
    augmentation_failed: int  # Rybak failures that were augmentation trials
    treatments: int  # Rybak failures plus a failed ECT course
    bipolar: bool


def count_trials(trials: list[Mapping[str, Any]], *, ect: bool, bipolar: bool) -> Counts:
    """Each trial judged once per definition that counts failures."""
    rybak_failed = [t for t in trials if judge(RYBAK, t)[0] == "failed"]
    sforzini = [judge(SFORZINI, t)[0] for t in trials]
    return Counts(
        rybak=len(rybak_failed),
        sforzini=sforzini.count("failed"),
        partial=sforzini.count("partial_response"),
        augmentation_failed=sum(t["agent"] == "augmentation" for t in rybak_failed),
        treatments=len(rybak_failed) + ect,
        bipolar=bipolar,
    )


Verdict = tuple[str, str]  # (verdict id, reason)


def _met(count: int, needed: int) -> str:
    return "trd" if count >= needed else "not_met"


def rybak(c: Counts) -> Verdict:
    if c.bipolar:
        return "not_applicable", "Defined for major depressive disorder."
    return _met(c.rybak, TRD_TRIALS), (
        f"{c.rybak} trial(s) failed by its rule ({RYBAK.length_text}, below "
        f"{RYBAK.nonresponse_below:g} %); {TRD_TRIALS} needed."
    )


def sforzini(c: Counts) -> Verdict:
    if c.bipolar:
        return "not_applicable", "Item 15 places bipolar depression outside TRD."
    below, partial = SFORZINI.nonresponse_below, SFORZINI.partial_below
    if c.sforzini >= TRD_TRIALS:
        return "trd", f"{c.sforzini} trials failed with below {below:g} % improvement."
    if c.sforzini + c.partial >= TRD_TRIALS:
        return "prd", (
            f"{c.sforzini} failed and {c.partial} partial response(s) of {below:g}-{partial - 1:g}"
            " %: partially responsive depression, not TRD."
        )
    return "not_met", f"{c.sforzini} trial(s) below {below:g} %; {TRD_TRIALS} needed."


def gaynes(c: Counts) -> Verdict:
    needed = BIPOLAR_TRIALS if c.bipolar else TRD_TRIALS
    kind = "bipolar" if c.bipolar else "major"
    return _met(c.rybak, needed), (
        f"{c.rybak} failure(s); {needed} needed for {kind} depression. {WITH_RYBAK}"
    )


def fda_usage(c: Counts) -> Verdict:
    if c.bipolar:
        return "not_applicable", "Used for major depressive disorder."
    counted = (
        f" {c.augmentation_failed} of them augmentation trial(s), counted as oral antidepressant "
        "trials here."
        if c.augmentation_failed
        else ""
    )
    return _met(c.rybak, TRD_TRIALS), (
        f"{c.rybak} oral antidepressant trial(s) failed; {TRD_TRIALS} needed.{counted} {WITH_RYBAK}"
    )


def karolinska(trials: list[Mapping[str, Any]]) -> Verdict:
    """A third trial started after two earlier trials of more than 28 days each (Hägg 2020)."""
    long_trials = [i for i, t in enumerate(trials) if t["weeks"] * DAYS_PER_WEEK > KIM_DAYS]
    if len(long_trials) >= TRD_TRIALS and long_trials[TRD_TRIALS - 1] < len(trials) - 1:
        return "trd", (
            f"A third trial began after {TRD_TRIALS} trials of more than {KIM_DAYS} days each."
        )
    return "not_met", (
        f"{len(long_trials)} trial(s) of more than {KIM_DAYS} days, and TRD starts with the next "
        f"trial after {TRD_TRIALS} of them (the register model asks nothing about response)."
    )


def thase_rush_stage_i(c: Counts) -> Verdict:
    return _met(c.rybak, STAGE_I_TRIALS), (
        f"{c.rybak} failed adequate trial(s); stage I needs {STAGE_I_TRIALS} (counted with the "
        "Rybak rule)."
    )


def vns(c: Counts) -> Verdict:
    return _met(c.treatments, VNS_TREATMENTS), (
        f"{c.treatments} failed adequate treatment(s), ECT included; {VNS_TREATMENTS} needed "
        "(counted with the Rybak rule)."
    )


RULES: dict[str, Callable[[Counts], Verdict]] = {
    "rybak2021": rybak,
    "sforzini2022": sforzini,
    "gaynes2020": gaynes,
    "fda_usage": fda_usage,
    "thase_rush_1": thase_rush_stage_i,
    "vns": vns,
}


def verdicts_for(trials: list[Mapping[str, Any]], counts: Counts) -> dict[str, Verdict]:
    """One (verdict id, reason) per definition and threshold."""
    found = {key: rule(counts) for key, rule in RULES.items()}
    return found | {"kim": karolinska(trials)}
