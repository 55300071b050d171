"""TRRIP adequacy of one antipsychotic trial, judged under each conversion method.

Criteria from clinical-evidence.md 4.1 (Howes 2017, read in the Neurobiol Dis 2018 Table 3;
VERIFIED-S). TRRIP's >= 600 mg/day is applied to the rounded value, so the verdict never
contradicts the number shown. A clearly failed criterion decides even where a method has no value.

Plasma levels (clinical-evidence-2.md H6, VERIFIED-S): "obtain antipsychotic plasma levels.
Minimum: >=1 draw; Optimum: >=2 draws separated by >=2 weeks (without notifying patient)". With
dose, length and adherence met but no level taken (or none known), the verdict is
"not_fully_assessed", never "adequate".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cpz_convert import mg
from .schema import Rule, Source
from .sources import HOWES_2017, NEUROBIOL_DIS_2018

if TYPE_CHECKING:
    from .cpz_convert import Conversion

SOURCES = (
    HOWES_2017,
    NEUROBIOL_DIS_2018,
    Source(
        "trripclozapine",
        "TRRIP clozapine consensus",
        "TRRIP Working Group consensus on clozapine-refractory schizophrenia (online survey of "
        "members). Schizophr Bull 46(6):1459 (abstract read).",
    ),
)

TRRIP = Rule(("howes2017", "neurobioldis2018"), "VERIFIED-S")
CLOZAPINE_LEVEL = Rule(("trripclozapine",), "VERIFIED-P")
CLOZAPINE_WEEKS_WORDING = Rule(("howes2017",), "RECALLED")

# TRRIP minimum criteria for an adequate trial (Howes 2017 via Neurobiol Dis 2018 Table 3).
TRRIP_MIN_CPZ_MG_PER_DAY = 600
TRRIP_MIN_WEEKS = 6
TRRIP_MIN_ADHERENCE_PERCENT = 80
TRRIP_MIN_ADHERENCE_SOURCES = 2
TRRIP_OPTIMUM_LAI_MONTHS = 4  # optimum: one of the two trials a long-acting injection, >= 4 months
TRRIP_MIN_PLASMA_DRAWS = 1  # H6 minimum: >= 1 draw
TRRIP_OPTIMUM_PLASMA_DRAWS = 2  # H6 optimum: >= 2 draws...
TRRIP_OPTIMUM_PLASMA_WEEKS_APART = 2  # ...separated by >= 2 weeks, unannounced
TRRIP_NONRESPONSE_BELOW_PERCENT = 20  # "<20% symptom reduction": shown, not judged here
# Clozapine (ultra-treatment resistance), shown and not judged: level >350 ng/mL measured twice,
# 3 months (secondary summary, VERIFIED-S); >=350 ng/mL (clozapine-refractory consensus,
# VERIFIED-P abstract); "at least 12 weeks" (RECALLED wording).
CLOZAPINE_LEVEL_NG_ML = 350
CLOZAPINE_MONTHS = 3
CLOZAPINE_WEEKS_RECALLED = 12
PLASMA_LEVELS = ("none_or_unknown", "at_least_one", "two_apart")  # the answers, fewest first

VERDICTS = (
    "adequate",
    "not_adequate",
    "cannot_tell",
    "no_value",
    "not_applicable",
    "depends_on_method",
    "not_fully_assessed",
)


@dataclass(frozen=True)
class Trrip:
    """The TRRIP criteria for one trial: dose per method, length, adherence, a plasma level.

    None: not known. `plasma_level` is True with at least one level, None otherwise (no level
    taken and not known are one answer: neither shows TRRIP's minimum met).
    """

    dose: dict[str, bool | None]
    duration: bool | None
    duration_text: str
    adherence: bool | None
    adherence_text: str
    plasma_level: bool | None
    plasma_levels: str  # the answer, one of PLASMA_LEVELS
    by_method: dict[str, str]


def _duration(weeks: float | None) -> tuple[bool | None, str]:
    if weeks is None:
        return None, "weeks at the dose not given"
    met = weeks >= TRRIP_MIN_WEEKS
    return met, f"{mg(weeks)} weeks {'≥' if met else '<'} {TRRIP_MIN_WEEKS}"


def _adherence(percent: float | None, two_sources: bool) -> tuple[bool | None, str]:
    if percent is None:
        return None, "share of doses taken not given"
    if percent < TRRIP_MIN_ADHERENCE_PERCENT:
        return False, f"{mg(percent)} % < {TRRIP_MIN_ADHERENCE_PERCENT} % of doses taken"
    sources = f"{TRRIP_MIN_ADHERENCE_SOURCES} or more sources"
    if not two_sources:
        return None, f"{mg(percent)} % taken, but not checked from {sources}"
    return True, f"{mg(percent)} % taken, checked from {sources}"


def dose_met(conversion: Conversion, *, clozapine: bool) -> bool | None:
    """TRRIP's dose criterion under one method (None: no value, or clozapine)."""
    if clozapine or conversion.cpz_mg is None:
        return None
    return conversion.cpz_mg >= TRRIP_MIN_CPZ_MG_PER_DAY


def _verdict(states: list[bool | None], *, has_value: bool, trial: Trial) -> str:
    """One method's verdict: a clearly failed criterion decides even without a CPZ value.

    With dose, length and adherence met, the plasma level decides between "adequate" and
    "not_fully_assessed" (H6).
    """
    if trial.clozapine:
        return "not_applicable"
    if False in states:
        return "not_adequate"
    if not has_value:
        return "no_value"
    if None in states:
        return "cannot_tell"
    return "adequate" if plasma_met(trial.plasma_levels) else "not_fully_assessed"


def plasma_met(answer: str) -> bool:
    """TRRIP's minimum of one antipsychotic plasma level, met by both answers that give one."""
    return PLASMA_LEVELS.index(answer) >= PLASMA_LEVELS.index("at_least_one")


@dataclass(frozen=True)
class Trial:
    """What TRRIP needs to know about the trial besides the dose."""

    clozapine: bool
    weeks: float | None
    adherence_percent: float | None
    adherence_sources_2: bool
    plasma_levels: str = "none_or_unknown"


def judge(trial: Trial, conversions: dict[str, Conversion], shown: list[str]) -> Trrip:
    """TRRIP's minimum criteria for an adequate trial, under each method shown."""
    duration, duration_text = _duration(trial.weeks)
    adherence, adherence_text = _adherence(trial.adherence_percent, trial.adherence_sources_2)
    dose = {m: dose_met(conversions[m], clozapine=trial.clozapine) for m in shown}
    by_method = {
        m: _verdict(
            [dose[m], duration, adherence],
            has_value=conversions[m].cpz_mg is not None,
            trial=trial,
        )
        for m in shown
    }
    plasma = True if plasma_met(trial.plasma_levels) else None
    return Trrip(
        dose,
        duration,
        duration_text,
        adherence,
        adherence_text,
        plasma,
        trial.plasma_levels,
        by_method,
    )


def overall(by_method: dict[str, str], chosen: str) -> str:
    """The one verdict: the chosen method's, or the verdict every method with a value shares."""
    if chosen != "all":
        return by_method[chosen]
    valued = {v for v in by_method.values() if v != "no_value"}
    if len(valued) == 1:
        return valued.pop()
    return "depends_on_method" if valued else "no_value"
