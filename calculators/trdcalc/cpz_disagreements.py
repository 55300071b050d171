"""Where the CPZ answers conflict, each shown with the value the calculator uses and why.

Methods that flip TRRIP's dose rule (clinical-evidence.md 10, item 9), and sources that give one
drug two values (Gardner's two names, Leucht 2014's sensitivity analysis).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cpz_convert import GARDNER_CPZ_MG, METHODS, gardner_conflict, mg
from .cpz_trrip import TRRIP_MIN_CPZ_MG_PER_DAY, dose_met

if TYPE_CHECKING:
    from .cpz import CpzOutcome
    from .cpz_convert import Conversion

SHORT = {m.id: m.short for m in METHODS}

WHY_METHODS_DIFFER = (
    "The methods rest on different ideas: an expert consensus (Gardner 2010), WHO defined daily "
    "doses used to count consumption (Leucht 2016), the lowest dose shown to work (Leucht 2014) "
    "and a haloperidol-based convention (Woods 2003). They differ by up to about 40 % for some "
    "drugs, enough to flip a TRRIP verdict."
)


def disagreements(outcome: CpzOutcome) -> list[str]:
    """Where the methods flip TRRIP's dose rule, and where one source gives a drug two values."""
    return _method_flips(outcome) + _name_conflict(outcome) + _sensitivity_flip(outcome)


def _method_flips(outcome: CpzOutcome) -> list[str]:
    """Where the methods flip TRRIP's dose criterion (clinical-evidence.md 10, item 9)."""
    conversions, chosen = outcome.conversions, outcome.method
    if outcome.drug == "clozapine" or (chosen != "all" and conversions[chosen].cpz_mg is None):
        return []
    dose = {m: dose_met(c, clozapine=False) for m, c in conversions.items()}
    met = [m for m, d in dose.items() if d is True]
    unmet = [m for m, d in dose.items() if d is False]
    if not met or not unmet:
        return []
    notes = [
        (
            f"The dose meets TRRIP's {TRRIP_MIN_CPZ_MG_PER_DAY} mg/day by "
            f"{_listing(conversions, met)}, but not by {_listing(conversions, unmet)}."
        ),
        WHY_METHODS_DIFFER,
    ]
    if chosen != "all":
        notes.append("Choose 'All methods side by side' to see every value.")
    return notes


def _name_conflict(outcome: CpzOutcome) -> list[str]:
    """Gardner 2010 lists levomepromazine twice, under both names: both values, one used."""
    conflict = gardner_conflict(outcome.drug, outcome.dose_mg)
    if conflict is None or "gardner_2010" not in outcome.shown:
        return []
    used = outcome.conversions["gardner_2010"].cpz_mg
    rule = TRRIP_MIN_CPZ_MG_PER_DAY
    text = (
        "Gardner 2010 (as read in chlorpromazineR) lists this drug under both its names, with "
        f"two values: {outcome.drug} {conflict.used_mg:g} mg/day and {conflict.name} "
        f"{conflict.ref_mg:g} mg/day = chlorpromazine {GARDNER_CPZ_MG} mg/day. The calculator "
        f"uses {conflict.used_mg:g} mg/day: the entry under the name Leucht 2016 also uses, "
        "and the larger dose, so its equivalent is the lower of the two and TRRIP's "
        f"{rule} mg/day is never met on the more generous entry alone. This dose is {mg(used)} "
        f"mg/day by the {outcome.drug} entry and {mg(conflict.cpz_mg)} mg/day by the "
        f"{conflict.name} entry"
    )
    flips = (used >= rule) != (conflict.cpz_mg >= rule)
    return [text + (f", which would meet TRRIP's {rule} mg/day." if flips else ".")]


def _sensitivity_flip(outcome: CpzOutcome) -> list[str]:
    """Leucht 2014's sensitivity analysis gives another dose verdict (Table 2's brackets)."""
    med = outcome.conversions["leucht_2014_med"]
    alt, rule = med.sensitivity_cpz_mg, TRRIP_MIN_CPZ_MG_PER_DAY
    if "leucht_2014_med" not in outcome.shown or alt is None or outcome.drug == "clozapine":
        return []
    if (med.cpz_mg >= rule) == (alt >= rule):
        return []
    would = "would meet" if alt >= rule else "would not meet"
    return [
        (
            f"Leucht 2014's sensitivity analysis (Table 2's values in brackets, with 2 positive "
            f"trials) gives {mg(alt)} mg/day, which {would} TRRIP's {rule} mg/day. The "
            f"calculator uses the table's main estimate, {mg(med.cpz_mg)} mg/day."
        )
    ]


def _listing(conversions: dict[str, Conversion], ids: list[str]) -> str:
    return ", ".join(f"{SHORT[m]} ({mg(conversions[m].cpz_mg)} mg/day)" for m in ids)
