"""Chlorpromazine (CPZ) equivalents by each method, and TRRIP adequacy of one antipsychotic trial.

Rules from clinical-evidence.md sections 4.1, 4.3, 8.3 and 10 (items 9 and 10). There is no single
true equivalence, so every value names its method, and `method="all"` shows them side by side.
The data tables are in `cpz_tables` (one per source, citation beside it), the conversions in
`cpz_convert`, TRRIP's criteria in `cpz_trrip`, the words in `cpz_words`; this module holds the
inputs, the cross-field rules, the outcome and the static rules table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import cpz_tables, cpz_trrip
from .cpz_convert import (
    DRUG_LABELS,
    LAI_LABELS,
    METHODS,
    ORAL_LABELS,
    Conversion,
    convert_all,
)
from .cpz_tables import (
    DDD,
    GARDNER,
    GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600,
    GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600,
    LEUCHT_2014_MED_TABLE_2,
    LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100,
    MED,
    WOODS,
    WOODS_2003_MG_PER_DAY_EQ_CPZ_100,
)
from .cpz_trrip import (
    CLOZAPINE_LEVEL,
    CLOZAPINE_WEEKS_WORDING,
    TRRIP,
    TRRIP_MIN_ADHERENCE_PERCENT,
    TRRIP_MIN_ADHERENCE_SOURCES,
    TRRIP_MIN_CPZ_MG_PER_DAY,
    TRRIP_MIN_WEEKS,
    TRRIP_OPTIMUM_LAI_MONTHS,
    Trial,
    Trrip,
    judge,
    overall,
)
from .cpz_words import describe
from .schema import Calculator, Field, InputError, Option, TableRow

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = cpz_tables.SOURCES + cpz_trrip.SOURCES
DOSE_MAX_MG = 5000
INTERVAL_DAYS = (1, 365)

YES_NO = (Option(True, "Checked from 2 or more sources"),
          Option(False, "Not checked from 2 sources, or not known"))  # fmt: skip

FIELDS = (
    Field(name="drug", dimension="drug", label="Antipsychotic", kind="choice",
          options=tuple(Option(d, label) for d, label in DRUG_LABELS.items()),
          help_title="Why does a drug have no value under some methods?",
          help=("Each method covers its own list of drugs: Gardner 2010 many older and newer "
                "drugs, Leucht 2014 only newer drugs and haloperidol, Woods 2003 five newer drugs. "
                "Where a method has no value the result says so; it never borrows another "
                "method's number.")),
    Field(name="dose_mg", dimension="dose", label="Dose", kind="number", unit="milligrams",
          minimum=0, maximum=DOSE_MAX_MG,
          help_title="Per day or per injection?",
          help=("For tablets or liquid, the total dose per day. For a long-acting injection, "
                "the dose of one injection; then also enter the days between injections.")),
    Field(optional=True, name="interval_days", dimension="interval",
          label="Days between injections (long-acting injections only)", kind="number",
          unit="days", minimum=INTERVAL_DAYS[0], maximum=INTERVAL_DAYS[1]),
    Field(name="method", dimension="method", label="Conversion method", kind="choice",
          options=(*(Option(m.id, m.name) for m in METHODS),
                   Option("all", "All methods side by side")),
          help_title="Which method should I choose?",
          help=("There is no single true conversion. Gardner 2010 is an expert consensus; "
                "Leucht 2016 uses WHO defined daily doses, a unit for counting drug use; Leucht "
                "2014 uses the lowest dose shown to work in trials; Woods 2003 starts from "
                "haloperidol 2 mg = chlorpromazine 100 mg. 'All methods' shows every answer.")),
    Field(optional=True, name="weeks", dimension="weeks", label="Weeks at this dose",
          kind="number", unit="weeks", minimum=0, maximum=520),
    Field(optional=True, name="adherence_percent", dimension="adherence",
          label="Share of prescribed doses taken", kind="number", unit="percent",
          minimum=0, maximum=100),
    Field(name="adherence_sources_2", dimension="adherence_sources",
          label="Adherence checked from at least 2 sources", kind="boolean", default=False,
          options=YES_NO,
          help_title="What counts as a source?",
          help=("TRRIP lists the patient's or a carer's report, case notes, pill counts and "
                "dispensing charts; a blood level is a further check (Howes 2017).")),
)  # fmt: skip


def check(values: Mapping[str, Any]) -> None:
    """Cross-field rules: a dose above 0, and an interval exactly for a long-acting injection."""
    if values["dose_mg"] <= 0:
        raise InputError("dose_mg", f"Dose: enter a dose above 0 milligrams (up to {DOSE_MAX_MG}).")
    drug, interval = values["drug"], values["interval_days"]
    if drug in LAI_LABELS and interval is None:
        raise InputError(
            "interval_days",
            "Days between injections is required for a long-acting injection: enter a number "
            f"from {INTERVAL_DAYS[0]} to {INTERVAL_DAYS[1]} days.",
        )
    if drug not in LAI_LABELS and interval is not None:
        # An oral entry converts a daily dose: an injection read as daily would be multiplied by
        # its interval (aripiprazole 400 mg every 28 days as 8,000 mg/day chlorpromazine).
        raise InputError(
            "interval_days",
            f"Days between injections: {DRUG_LABELS[drug]} has only an oral entry in these "
            "tables, so the dose is read as a daily dose and an interval cannot be used. The "
            f"long-acting entries are: {', '.join(LAI_LABELS.values())}. For one of these, choose "
            "it as the antipsychotic; otherwise leave this field blank and enter the dose per day.",
        )


@dataclass(frozen=True)
class CpzOutcome:
    """The conversions by every method, the methods shown, and TRRIP's criteria and verdicts."""

    drug: str
    dose_mg: float
    interval_days: float | None
    method: str  # the chosen method id, or "all"
    conversions: dict[str, Conversion]
    shown: tuple[str, ...]
    trrip: Trrip
    verdict: str

    def as_json(self) -> dict[str, Any]:
        cpz_mg = (
            {m: c.cpz_mg for m, c in self.conversions.items()}
            if self.method == "all"
            else self.conversions[self.method].cpz_mg
        )
        return {
            "method": self.method,
            "cpz_mg": cpz_mg,
            "trrip_verdict": self.verdict,
            "trrip_by_method": self.trrip.by_method,
            "trrip_criteria": {
                "dose_by_method": self.trrip.dose,
                "duration": self.trrip.duration,
                "adherence": self.trrip.adherence,
            },
        }


def evaluate(values: Mapping[str, Any]) -> CpzOutcome:
    """CPZ-equivalents by every method, and TRRIP adequacy under each method shown."""
    drug, chosen = values["drug"], values["method"]
    conversions = convert_all(drug, values["dose_mg"], values["interval_days"])
    shown = tuple(conversions) if chosen == "all" else (chosen,)
    trial = Trial(
        clozapine=drug == "clozapine",
        weeks=values["weeks"],
        adherence_percent=values["adherence_percent"],
        adherence_sources_2=values["adherence_sources_2"],
    )
    trrip = judge(trial, conversions, list(shown))
    return CpzOutcome(
        drug=drug,
        dose_mg=values["dose_mg"],
        interval_days=values["interval_days"],
        method=chosen,
        conversions=conversions,
        shown=shown,
        trrip=trrip,
        verdict=overall(trrip.by_method, chosen),
    )


def _table() -> tuple[TableRow, ...]:
    trrip = "TRRIP adequate trial (minimum criteria)"
    rows = [
        TableRow(trrip, "Dose", f"≥ {TRRIP_MIN_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalents",
                 TRRIP),
        TableRow(trrip, "Length", f"≥ {TRRIP_MIN_WEEKS} weeks at the adequate dose", TRRIP),
        TableRow(trrip, "Adherence", f"≥ {TRRIP_MIN_ADHERENCE_PERCENT} % of doses taken, "
                 f"assessed from ≥ {TRRIP_MIN_ADHERENCE_SOURCES} sources", TRRIP),
        TableRow(trrip, "Number of trials",
                 "≥ 2 different antipsychotics (optimum: ≥ 1 long-acting injection, "
                 f"≥ {TRRIP_OPTIMUM_LAI_MONTHS} months)", TRRIP),
        TableRow(trrip, "Non-response", "< 20 % symptom reduction (not judged here)", TRRIP),
    ]  # fmt: skip
    clozapine = "Clozapine trial (ultra-treatment resistance; not judged here)"
    rows += [
        TableRow(clozapine, "Dose", "midpoint of the target range", TRRIP),
        TableRow(clozapine, "Level (secondary summary of TRRIP)", "> 350 ng/mL, measured twice",
                 TRRIP),
        TableRow(clozapine, "Level (clozapine-refractory consensus)", "≥ 350 ng/mL",
                 CLOZAPINE_LEVEL),
        TableRow(clozapine, "Length (secondary summary)", "3 months", TRRIP),
        TableRow(clozapine, "Length, as sometimes quoted", "at least 12 weeks",
                 CLOZAPINE_WEEKS_WORDING),
    ]  # fmt: skip
    gardner = "Gardner 2010, oral: mg/day = chlorpromazine 600 mg/day"
    rows += [TableRow(gardner, ORAL_LABELS[d], f"{v:g} mg/day", GARDNER)
             for d, v in GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600.items()]  # fmt: skip
    lai = "Gardner 2010, long-acting: dose per interval = chlorpromazine 600 mg/day"
    rows += [TableRow(lai, LAI_LABELS[d], f"{mg:g} mg every {days} days", GARDNER)
             for d, (mg, days) in GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600.items()]  # fmt: skip
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
    woods = "Woods 2003: mg/day = chlorpromazine 100 mg/day"
    rows += [TableRow(woods, ORAL_LABELS[d], f"{v:g} mg/day", WOODS)
             for d, v in WOODS_2003_MG_PER_DAY_EQ_CPZ_100.items()]  # fmt: skip
    formulas = "How each method converts (rounded to 0.1 mg/day)"
    rows += [TableRow(formulas, m.name, m.basis, m.rule) for m in METHODS]
    return tuple(rows)


CALCULATOR = Calculator(
    id="cpz",
    title="Chlorpromazine equivalents and TRRIP adequacy",
    version="1.0.0",
    purpose=(
        "How much chlorpromazine is this antipsychotic dose equal to, by each method, and is the "
        "trial adequate under the TRRIP criteria?"
    ),
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    check=check,
    evaluate=evaluate,
    describe=describe,
    table=_table(),
    value_label="Value",
)
