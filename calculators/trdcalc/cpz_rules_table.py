"""The CPZ calculator's static rules table: every rule and number it uses, with its source.

TRRIP's criteria, the clozapine criteria, every conversion table as transcribed, the DERIVED dose
bound and each method's formula. The build renders it on the page, readable without JavaScript
and in print.
"""

from __future__ import annotations

from .cpz_convert import (
    DRUG_LABELS,
    GARDNER_CPZ_MG,
    IMPLAUSIBLE_TIMES,
    METHODS,
    ORAL_LABELS,
    PLAUSIBLE,
    SHORTEST_INTERVAL_DAYS,
    mg,
    table_dose,
)
from .cpz_tables import (
    DDD,
    GARDNER,
    GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600,
    GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600,
    GARDNER_2010_SECOND_NAME,
    LAI_LABELS,
    LEUCHT_2014_MED_TABLE_2,
    LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100,
    MED,
    WOODS,
    WOODS_2003_MG_PER_DAY_EQ_CPZ_100,
)
from .cpz_trrip import (
    CLOZAPINE_LEVEL,
    CLOZAPINE_LEVEL_NG_ML,
    CLOZAPINE_MONTHS,
    CLOZAPINE_WEEKS_RECALLED,
    CLOZAPINE_WEEKS_WORDING,
    TRRIP,
    TRRIP_MIN_ADHERENCE_PERCENT,
    TRRIP_MIN_ADHERENCE_SOURCES,
    TRRIP_MIN_CPZ_MG_PER_DAY,
    TRRIP_MIN_PLASMA_DRAWS,
    TRRIP_MIN_WEEKS,
    TRRIP_NONRESPONSE_BELOW_PERCENT,
    TRRIP_OPTIMUM_LAI_MONTHS,
    TRRIP_OPTIMUM_PLASMA_DRAWS,
    TRRIP_OPTIMUM_PLASMA_WEEKS_APART,
)
from .schema import Rule, TableRow

GARDNER_DERIVED = Rule(GARDNER.sources, "DERIVED")


def _trrip_rows() -> list[TableRow]:
    """TRRIP's minimum criteria for an adequate trial, and what is shown but not judged."""
    group = "TRRIP adequate trial (minimum criteria)"
    rules = [
        ("Dose", f"≥ {TRRIP_MIN_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalents"),
        ("Length", f"≥ {TRRIP_MIN_WEEKS} weeks at the adequate dose"),
        ("Adherence", (f"≥ {TRRIP_MIN_ADHERENCE_PERCENT} % of doses taken, assessed from "
                      f"≥ {TRRIP_MIN_ADHERENCE_SOURCES} sources")),
        ("Plasma levels (adherence monitoring)",
         (f"minimum ≥ {TRRIP_MIN_PLASMA_DRAWS} draw; optimum ≥ {TRRIP_OPTIMUM_PLASMA_DRAWS} draws "
         f"≥ {TRRIP_OPTIMUM_PLASMA_WEEKS_APART} weeks apart, unannounced. Without one: not fully "
         "assessed")),
        ("Number of trials", ("≥ 2 different antipsychotics (optimum: ≥ 1 long-acting injection, "
                             f"≥ {TRRIP_OPTIMUM_LAI_MONTHS} months)")),
        ("Non-response",
         f"< {TRRIP_NONRESPONSE_BELOW_PERCENT} % symptom reduction (not judged here)"),
    ]  # fmt: skip
    return [TableRow(group, label, value, TRRIP) for label, value in rules]


def _clozapine_rows() -> list[TableRow]:
    """The clozapine criteria, shown side by side and not judged."""
    group = "Clozapine trial (ultra-treatment resistance; not judged here)"
    level = CLOZAPINE_LEVEL_NG_ML
    rules = [
        ("Dose", "midpoint of the target range", TRRIP),
        ("Level (secondary summary of TRRIP)", f"> {level} ng/mL, measured twice", TRRIP),
        ("Level (clozapine-refractory consensus)", f"≥ {level} ng/mL", CLOZAPINE_LEVEL),
        ("Length (secondary summary)", f"{CLOZAPINE_MONTHS} months", TRRIP),
        ("Length, as sometimes quoted", f"at least {CLOZAPINE_WEEKS_RECALLED} weeks",
         CLOZAPINE_WEEKS_WORDING),
    ]  # fmt: skip
    return [TableRow(group, label, value, rule) for label, value, rule in rules]


def rules_table() -> tuple[TableRow, ...]:
    """Every rule and number the calculator uses, grouped, each with its source."""
    rows = _trrip_rows() + _clozapine_rows()
    gardner = "Gardner 2010, oral: mg/day = chlorpromazine 600 mg/day"
    rows += [
        _gardner_row(gardner, d, v) for d, v in GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600.items()
    ]
    lai = "Gardner 2010, long-acting: dose per interval = chlorpromazine 600 mg/day"
    rows += [TableRow(lai, LAI_LABELS[d], f"{ref_mg:g} mg every {days} days", GARDNER)
             for d, (ref_mg, days) in GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600.items()]  # fmt: skip
    ddd = "Leucht 2016, DDD: mg = chlorpromazine 100 mg"
    rows += [TableRow(ddd, ORAL_LABELS[d], f"{v:.2f} mg", DDD)
             for d, v in LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100.items()]  # fmt: skip
    med = "Leucht 2014, minimum effective dose: mg = chlorpromazine 100 mg"
    for d, r in LEUCHT_2014_MED_TABLE_2.items():
        text = f"{r.cpz_100_mg_eq:g} mg"
        if r.cpz_100_mg_eq_sensitivity is not None:
            text += f" (sensitivity analysis: {r.cpz_100_mg_eq_sensitivity:g})"
        text += f"; minimum effective dose {r.med_mg_per_day:g} mg/day"
        rows.append(TableRow(med, ORAL_LABELS[d], text, MED))
    rows.append(TableRow(med, "Amisulpride, zotepine", "no reliable estimate", MED))
    rows.append(
        TableRow(
            med,
            "Limitation (the authors')",
            "not applicable to specific populations such as first-episode or refractory patients",
            MED,
        )
    )
    woods = "Woods 2003: mg/day = chlorpromazine 100 mg/day"
    rows += [TableRow(woods, ORAL_LABELS[d], f"{v:g} mg/day", WOODS)
             for d, v in WOODS_2003_MG_PER_DAY_EQ_CPZ_100.items()]  # fmt: skip
    rows += _plausible_rows()
    formulas = "How each method converts (rounded to 0.1 mg/day)"
    rows += [TableRow(formulas, m.name, m.basis, m.rule) for m in METHODS]
    return tuple(rows)


def _gardner_row(group: str, drug: str, mg_per_day: float) -> TableRow:
    """One Gardner oral row; the two rows of one drug under two names say which is used."""
    text = f"{mg_per_day:g} mg/day"
    first = next((d for d, second in GARDNER_2010_SECOND_NAME.items() if second == drug), None)
    if first:
        used = GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[first]
        return TableRow(group, f"{drug.capitalize()} (another name of {first})",
                        f"{text}: a conflict; the calculator uses {first}'s {used:g} mg/day",
                        GARDNER)  # fmt: skip
    if drug in GARDNER_2010_SECOND_NAME:
        text += f" (used; the {GARDNER_2010_SECOND_NAME[drug]} row differs)"
    return TableRow(group, ORAL_LABELS[drug], text, GARDNER)


def _plausible_rows() -> list[TableRow]:
    """The DERIVED dose bound: the rule, and the drugs whose table dose is not Gardner's."""
    group = f"Doses refused as implausible (DERIVED; {IMPLAUSIBLE_TIMES} × the table dose)"
    rule = (
        f"more than {IMPLAUSIBLE_TIMES} times the dose the drug's table equates with "
        f"chlorpromazine {GARDNER_CPZ_MG} mg/day: Gardner 2010 where it lists the drug (per day, "
        "or per injection), otherwise Leucht 2016, otherwise Leucht 2014. Not a licensed maximum."
    )
    rows = [TableRow(group, "Rule", rule, PLAUSIBLE)]
    interval = (
        f"fewer than {SHORTEST_INTERVAL_DAYS} days, the shortest interval in Gardner 2010's "
        "long-acting table (an interval in weeks typed as days)"
    )
    rows.append(TableRow(group, "Days between injections", interval, GARDNER_DERIVED))
    for drug in DRUG_LABELS:
        ref = table_dose(drug)
        if not ref.source.startswith("Gardner"):
            text = (
                f"above {mg(ref.bound_mg)} mg {ref.per}: {IMPLAUSIBLE_TIMES} × {mg(ref.mg)} mg, "
                f"from {ref.source}"
            )
            rows.append(TableRow(group, ORAL_LABELS[drug], text, PLAUSIBLE))
    return rows
