"""Each definition's rule for one trial: minimum length, non-response threshold, early stops.

One rule in one place: the trial-adequacy calculator, the TRD definitions and compare all judge a
trial through `judge`. Sources: clinical-evidence.md sections 1.2, 1.3, 1.6, 2.1, 2.4 and 2.5;
EU-PEARL item 10 (clinical-evidence-2.md H9); the Karolinska ">28 days" reading (H10).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .schema import Rule

if TYPE_CHECKING:
    from collections.abc import Mapping


@dataclass(frozen=True)
class Definition:
    """One definition's adequacy rule: minimum length and what counts as no response."""

    id: str
    name: str
    min_weeks: float
    strictly_longer: bool  # ">4 weeks" or ">28 days" rather than "at least"
    length_text: str
    nonresponse_below: float | None  # percent improvement; None: no threshold printed
    partial_below: float | None  # Sforzini: 25-49 % is partial response, not failure
    early_stop_rule: bool  # Sforzini #10: stopping before week 4 is not a failure...
    rule: Rule  # ...unless there was clear evidence of lack of response (H9)


DEFINITIONS = (
    Definition("rybak2021", "Rybak 2021 (Canadian consensus)", 4, False, "4-6 weeks",
               50, None, False, Rule(("rybak2021",), "VERIFIED-P")),
    Definition("sforzini2022", "Sforzini 2022 (EU-PEARL)", 4, False,
               "completion of the 4th week", 25, 50, True, Rule(("sforzini2022",), "VERIFIED-P")),
    Definition("mgh_s", "MGH staging (Fava 2003, via Hägg 2020)", 6, False, "6 weeks or more",
               None, None, False, Rule(("hagg2020",), "VERIFIED-S")),
    Definition("esm", "European Staging Model (Souery 1999)", 6, False, "6-8 weeks",
               None, None, False, Rule(("medicalalgorithms",), "VERIFIED-S")),
    Definition("athf", "ATHF long form (Sackeim 2001)", 4, True, "more than 4 weeks",
               None, None, False, Rule(("athf",), "VERIFIED-S")),
    Definition("kim", "Karolinska register model (Hägg 2020)", 4, True, "more than 28 days",
               None, None, False, Rule(("hagg2020",), "VERIFIED-S")),
)  # fmt: skip
RYBAK, SFORZINI = DEFINITIONS[0], DEFINITIONS[1]

EARLY_STOP_WEEKS = 4  # "before the completion of the fourth week" (Sforzini 2022 item 10)
KIM_DAYS = 28  # ">28 days" (Hägg 2020 abstract) against "at least 28 days" (Panel 1): H10
DAYS_PER_WEEK = 7
PARTIAL_LOW = 25  # EU-PEARL: 25-49 % improvement is partial response (Sforzini 2022)


def _long_enough(definition: Definition, weeks: float) -> bool:
    if definition.strictly_longer:
        return weeks > definition.min_weeks
    return weeks >= definition.min_weeks


def _early_stop(definition: Definition, trial: Mapping[str, Any]) -> bool:
    """EU-PEARL item 10: stopped before week 4 with no clear evidence of lack of response."""
    return (
        definition.early_stop_rule
        and trial["stopped"] != "no"
        and trial["weeks"] < EARLY_STOP_WEEKS
        and trial.get("clear_nonresponse", "unknown") != "yes"
    )


def _counts_despite_early_stop(definition: Definition, trial: Mapping[str, Any]) -> bool:
    """EU-PEARL item 10's exception: an early stop with clear evidence of lack of response."""
    return (
        definition.early_stop_rule
        and trial["stopped"] != "no"
        and trial["weeks"] < EARLY_STOP_WEEKS
        and trial.get("clear_nonresponse", "unknown") == "yes"
    )


def judge(definition: Definition, trial: Mapping[str, Any]) -> tuple[str, str]:
    """The verdict id and its reason for one trial under one definition."""
    weeks, improvement = trial["weeks"], trial["improvement_percent"]
    if _early_stop(definition, trial):
        return "not_counted_early_stop", (
            f"Stopped before completing week {EARLY_STOP_WEEKS} without clear evidence of lack of "
            "response: not a failure (consensus item 10)."
        )
    early_failure = _counts_despite_early_stop(definition, trial)
    if not early_failure and not _long_enough(definition, weeks):
        return "too_short", f"{weeks:g} weeks; this definition asks for {definition.length_text}."
    if trial["dose_adequate"] == "no":
        return "dose_not_adequate", "You answered that the dose was not adequate."
    if trial["dose_adequate"] == "unknown":
        return "cannot_tell", "Long enough, but the dose adequacy is unknown."
    if trial["adherence"] != "good":
        return "cannot_tell", (
            "Long enough at an adequate dose, but it is not known to have been taken as "
            "prescribed; no source read gives a numeric adherence threshold for depression."
        )
    if definition.nonresponse_below is None:
        return "adequate", (
            f"{definition.length_text} at an adequate dose is met; this definition prints no "
            f"improvement threshold, so whether {improvement:g} % counts as failure is not fixed."
        )
    if improvement < definition.nonresponse_below:
        reason = f"{improvement:g} % is below {definition.nonresponse_below:g} %."
        if early_failure:
            reason += (
                f" Stopped before week {EARLY_STOP_WEEKS} with clear evidence of lack of "
                "response, so it counts (consensus item 10)."
            )
        return "failed", reason
    if definition.partial_below is not None and improvement < definition.partial_below:
        return "partial_response", (
            f"{improvement:g} % is {definition.nonresponse_below:g}-"
            f"{definition.partial_below - 1:g} %: partially responsive depression, not TRD."
        )
    return "response", f"{improvement:g} % is at or above {definition.nonresponse_below:g} %."


def kim_boundary(weeks: float) -> bool:
    """Exactly 28 days: long enough under Panel 1's "at least", not under the abstract's ">"."""
    return weeks * DAYS_PER_WEEK == KIM_DAYS


KIM_AMBIGUITY = (
    f"Exactly {KIM_DAYS} days is ambiguous in the Karolinska register model: the abstract of "
    f"Hägg 2020 says more than {KIM_DAYS} days, its Panel 1 says at least {KIM_DAYS} days. This "
    f"calculator applies 'more than {KIM_DAYS} days'; under Panel 1 the trial would be long "
    "enough."
)
