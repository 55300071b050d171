"""The drugs and the conversion methods: one dose to chlorpromazine equivalents by each method.

There is no single true equivalence, so every value names its method. A drug a method does not
cover gives None with the reason, never a borrowed value. Values are rounded to 0.1 mg/day with
Python's `round` (the evidence file's 8.3 table prints one decimal: 300.3, 374.5, 342.9).
"""

from __future__ import annotations

from dataclasses import dataclass

from .cpz_tables import (
    CPZ_IDENTITY,
    DDD,
    GARDNER,
    GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600,
    GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600,
    GARDNER_2010_SECOND_NAME,
    LAI_LABELS,
    LEUCHT_2014_MED_TABLE_2,
    LEUCHT_2014_NO_RELIABLE_ESTIMATE,
    LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100,
    MED,
    WOODS,
    WOODS_2003_MG_PER_DAY_EQ_CPZ_100,
)
from .schema import Rule


def _oral_label(drug: str) -> str:
    """A drug's name; Gardner spells it "flupenthixol", Leucht 2016 "flupentixol": one entry."""
    if drug == "flupentixol":
        return "Flupentixol (flupenthixol)"
    second = GARDNER_2010_SECOND_NAME.get(drug)
    return f"{drug.capitalize()} ({second})" if second else drug.capitalize()


GARDNER_CPZ_MG = 600  # Gardner's values are the dose equal to chlorpromazine 600 mg/day
PER_CPZ_MG = 100  # Leucht 2016, Leucht 2014 and Woods 2003: the dose equal to CPZ 100 mg

SECOND_NAMES = set(GARDNER_2010_SECOND_NAME.values())
ORAL_LABELS = {
    drug: _oral_label(drug)
    for drug in sorted(
        {*GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600, *LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100,
         *LEUCHT_2014_MED_TABLE_2, *LEUCHT_2014_NO_RELIABLE_ESTIMATE,
         *WOODS_2003_MG_PER_DAY_EQ_CPZ_100} - SECOND_NAMES
    )
}  # fmt: skip
DRUG_LABELS = {
    **ORAL_LABELS,
    **{d: f"{name} (long-acting injection)" for d, name in LAI_LABELS.items()},
}


@dataclass(frozen=True)
class Method:
    """One conversion method: its id and name, its rule, its formula in words, its drugs."""

    id: str
    name: str
    short: str
    rule: Rule
    basis: str  # how the method converts, for the result's clinical text
    covers: tuple[str, ...]  # the drugs with a value


METHODS = (
    Method("gardner_2010", "Gardner 2010 (expert consensus, oral)", "Gardner 2010", GARDNER,
           f"dose × {GARDNER_CPZ_MG} ÷ the drug's Gardner median (the dose equal to "
           f"chlorpromazine {GARDNER_CPZ_MG} mg/day)",
           tuple(d for d in GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600 if d not in SECOND_NAMES)),
    Method("gardner_2010_lai", "Gardner 2010 (expert consensus, long-acting injection)",
           "Gardner 2010 LAI", GARDNER,
           f"(dose ÷ interval) × {GARDNER_CPZ_MG} ÷ (Gardner median ÷ its interval), per day",
           tuple(GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600)),
    Method("leucht_2016_ddd", "Leucht 2016 (WHO defined daily doses)", "Leucht 2016 DDD", DDD,
           f"dose × {PER_CPZ_MG} ÷ the mg equal to chlorpromazine {PER_CPZ_MG} mg",
           tuple(LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100)),
    Method("leucht_2014_med", "Leucht 2014 (minimum effective dose)", "Leucht 2014 MED", MED,
           f"dose × {PER_CPZ_MG} ÷ the mg equal to chlorpromazine {PER_CPZ_MG} mg (Table 2)",
           ("chlorpromazine", *LEUCHT_2014_MED_TABLE_2)),
    Method("woods_2003", "Woods 2003 (haloperidol 2 mg = chlorpromazine 100 mg)", "Woods 2003",
           WOODS, f"dose × {PER_CPZ_MG} ÷ the mg equal to chlorpromazine {PER_CPZ_MG} mg",
           ("chlorpromazine", *WOODS_2003_MG_PER_DAY_EQ_CPZ_100)),
)  # fmt: skip
METHOD_BY_ID = {m.id: m for m in METHODS}


# DERIVED: the shortest interval in Gardner's long-acting table (fluspirilene, 7 days). A shorter
# one is refused: an injection "every 2" weeks typed as 2 days would read 7 times the dose.
SHORTEST_INTERVAL_DAYS = min(days for _, days in GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600.values())
LONGEST_TABLE_INTERVAL_DAYS = max(
    days for _, days in GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600.values()
)

# DERIVED plausibility bound (issue 9 item 10). The evidence files give no maximum dose for any
# antipsychotic, so none is invented: a dose more than IMPLAUSIBLE_TIMES the dose its table
# equates with chlorpromazine 600 mg/day is refused as implausible (an injection's dose read as
# daily, a weekly total, a slipped digit). Ten times is an order of magnitude beyond the table
# dose: wide, so that no high dose is refused for being high, yet it refuses aripiprazole 400 mg
# a day (13.3 times Gardner's 30 mg/day). The bound is stated in the message, the field's help
# and the rules table, and tested at its edge.
IMPLAUSIBLE_TIMES = 10
PLAUSIBLE = Rule(("gardner2010", "chlorpromaziner", "leucht2016", "leucht2014"), "DERIVED")


@dataclass(frozen=True)
class TableDose:
    """The dose a table equates with chlorpromazine 600 mg/day: per day, or per injection."""

    mg: float
    per: str  # "a day" or "per injection"
    source: str  # where it comes from, in words

    @property
    def bound_mg(self) -> float:
        """The largest dose accepted: IMPLAUSIBLE_TIMES this table dose (DERIVED)."""
        return round(IMPLAUSIBLE_TIMES * self.mg, 2)


def table_dose(drug: str) -> TableDose:
    """Gardner 2010 where it lists the drug; else Leucht 2016, else Leucht 2014, times 600/100."""
    if drug in GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600:
        ref_mg, _ = GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600[drug]
        return TableDose(ref_mg, "per injection", "Gardner 2010's long-acting table")
    if drug in GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600:
        return TableDose(GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[drug], "a day", "Gardner 2010")
    times = GARDNER_CPZ_MG // PER_CPZ_MG
    if drug in LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100:
        ref = LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100[drug]
        source = f"Leucht 2016's DDD table ({ref:g} mg = chlorpromazine {PER_CPZ_MG} mg, × {times})"
    else:
        ref = LEUCHT_2014_MED_TABLE_2[drug].cpz_100_mg_eq
        source = f"Leucht 2014's Table 2 ({ref:g} mg = chlorpromazine {PER_CPZ_MG} mg, × {times})"
    return TableDose(round(ref * times, 2), "a day", source)


@dataclass(frozen=True)
class Conversion:
    """One method's answer: the rounded CPZ-eq mg/day (None: no value) and how it was found."""

    method: Method
    cpz_mg: float | None
    how: str
    rule: Rule
    sensitivity_cpz_mg: float | None = None  # Leucht 2014's bracketed sensitivity analysis


def mg(value: float) -> str:
    """A number as the result prints it: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _missing(method: Method, drug: str) -> str:
    """Why a method has no value for a drug, in one sentence."""
    name = DRUG_LABELS[drug].lower()
    if method.id == "gardner_2010" and drug in LAI_LABELS:
        return (
            f"Gardner 2010's oral table does not list {name}; its long-acting table does: "
            "choose the long-acting method."
        )
    if method.id == "gardner_2010_lai":
        return f"Gardner 2010's long-acting table lists depot injections only; {name} is oral."
    if method.id == "leucht_2014_med" and drug in LEUCHT_2014_NO_RELIABLE_ESTIMATE:
        return f"Leucht 2014 found no reliable estimate for {name}."
    if method.id == "leucht_2014_med":
        return f"Leucht 2014 covers newer drugs and haloperidol only; {name} is not in Table 2."
    if method.id == "leucht_2016_ddd":
        return (
            f"The evidence file gives Leucht 2016 DDD values for "
            f"{len(LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100)} oral drugs; {name} is not among them, so "
            "no value is shown."
        )
    return (
        "Woods 2003 gives values for risperidone, olanzapine, quetiapine, ziprasidone and "
        f"aripiprazole (and haloperidol by its convention); {name} is not among them."
    )


def _per_cpz_100(method: Method, drug: str, dose_mg: float) -> Conversion:
    """Leucht 2016, Leucht 2014 and Woods 2003: dose × 100 ÷ the mg equal to CPZ 100 mg."""
    if method.id == "leucht_2014_med":
        med = LEUCHT_2014_MED_TABLE_2[drug]
        how = f"{mg(dose_mg)} × {PER_CPZ_MG} ÷ {med.cpz_100_mg_eq:g}"
        alt = None
        if med.cpz_100_mg_eq_sensitivity is not None:
            alt = round(dose_mg * PER_CPZ_MG / med.cpz_100_mg_eq_sensitivity, 1)
            how += f" (sensitivity analysis ÷ {med.cpz_100_mg_eq_sensitivity:g}: {mg(alt)})"
        value = round(dose_mg * PER_CPZ_MG / med.cpz_100_mg_eq, 1)
        return Conversion(method, value, how, method.rule, alt)
    ref = (
        LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100[drug]
        if method.id == "leucht_2016_ddd"
        else WOODS_2003_MG_PER_DAY_EQ_CPZ_100[drug]
    )
    how = f"{mg(dose_mg)} × {PER_CPZ_MG} ÷ {ref:g}"
    return Conversion(method, round(dose_mg * PER_CPZ_MG / ref, 1), how, method.rule)


def convert(method: Method, drug: str, dose_mg: float, interval_days: float | None) -> Conversion:
    """CPZ-equivalent mg/day of one dose by one method, rounded to 0.1 (see the module note)."""
    if drug not in method.covers:
        return Conversion(method, None, _missing(method, drug), method.rule)
    if method.id == "gardner_2010_lai":
        ref_mg, ref_days = GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600[drug]
        raw = dose_mg * GARDNER_CPZ_MG * ref_days / (interval_days * ref_mg)
        how = (f"{mg(dose_mg)} mg every {mg(interval_days)} days; {ref_mg:g} mg every "
               f"{ref_days} days = {GARDNER_CPZ_MG} mg/day")  # fmt: skip
        return Conversion(method, round(raw, 1), how, method.rule)
    if drug == "chlorpromazine" and method.id in CPZ_IDENTITY:
        how = "chlorpromazine is the unit itself"
        return Conversion(method, round(dose_mg, 1), how, CPZ_IDENTITY[method.id])
    if method.id == "gardner_2010":
        ref = GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[drug]
        how = f"{mg(dose_mg)} × {GARDNER_CPZ_MG} ÷ {ref:g}"
        conflict = gardner_conflict(drug, dose_mg)
        if conflict:
            how += (
                f" (the {drug} entry; the {conflict.name} entry, {conflict.ref_mg:g}, gives "
                f"{mg(conflict.cpz_mg)})"
            )
        return Conversion(method, round(dose_mg * GARDNER_CPZ_MG / ref, 1), how, method.rule)
    return _per_cpz_100(method, drug, dose_mg)


@dataclass(frozen=True)
class Conflict:
    """Gardner's other entry for the same drug, and what the dose would be by it."""

    name: str
    ref_mg: float
    used_mg: float
    cpz_mg: float


def gardner_conflict(drug: str, dose_mg: float) -> Conflict | None:
    """The second Gardner 2010 entry of a drug listed under two names (None for the others).

    The calculator uses the first entry (levomepromazine 400 mg/day): the name Leucht 2016 also
    uses, and the larger dose, so its equivalent is the lower of the two and TRRIP's dose rule
    is never met on the more generous entry alone.
    """
    second = GARDNER_2010_SECOND_NAME.get(drug)
    if second is None:
        return None
    ref = GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[second]
    used = GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[drug]
    return Conflict(second, ref, used, round(dose_mg * GARDNER_CPZ_MG / ref, 1))


def convert_all(drug: str, dose_mg: float, interval_days: float | None) -> dict[str, Conversion]:
    """The conversion of one dose by every method, in method order."""
    return {m.id: convert(m, drug, dose_mg, interval_days) for m in METHODS}
