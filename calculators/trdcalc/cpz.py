"""Chlorpromazine (CPZ) equivalents by each method, and TRRIP adequacy of one antipsychotic trial.

Rules from clinical-evidence.md sections 4.1, 4.3, 8.3 and 10 (items 9 and 10). There is no single
true equivalence, so every value names its method, and `method="all"` shows them side by side.
The data tables are in `cpz_tables` (one per source, citation beside it), the conversions and the
DERIVED plausibility bounds in `cpz_convert`, TRRIP's criteria in `cpz_trrip`, the words in
`cpz_words` and `cpz_disagreements`, the static rules table in `cpz_rules_table`. This module
holds the inputs, the cross-field rules (`check`), the outcome and `evaluate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import cpz_tables, cpz_trrip
from .calculator import Calculator
from .cpz_convert import (
    DRUG_LABELS,
    GARDNER_CPZ_MG,
    IMPLAUSIBLE_TIMES,
    LAI_LABELS,
    LONGEST_TABLE_INTERVAL_DAYS,
    METHODS,
    SHORTEST_INTERVAL_DAYS,
    Conversion,
    convert_all,
    mg,
    table_dose,
)
from .cpz_rules_table import rules_table
from .cpz_trrip import (
    TRRIP_MIN_ADHERENCE_SOURCES,
    TRRIP_MIN_PLASMA_DRAWS,
    TRRIP_OPTIMUM_PLASMA_DRAWS,
    TRRIP_OPTIMUM_PLASMA_WEEKS_APART,
    Trial,
    Trrip,
    judge,
    overall,
)
from .cpz_words import describe
from .schema import Field, InputError, Option

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = cpz_tables.SOURCES + cpz_trrip.SOURCES
# The dose field's own maximum: the largest per-drug bound (sulpiride, 10 x 800 mg/day).
DOSE_MAX_MG = max(table_dose(d).bound_mg for d in DRUG_LABELS)
INTERVAL_MAX_DAYS = 365

YES_NO = (
    Option(True, f"Checked from {TRRIP_MIN_ADHERENCE_SOURCES} or more sources"),
    Option(False, f"Not checked from {TRRIP_MIN_ADHERENCE_SOURCES} sources, or not known"),
)

FIELDS = (
    Field(name="drug", dimension="drug", label="Antipsychotic", kind="choice",
          options=tuple(Option(d, label) for d, label in DRUG_LABELS.items()),
          help_title="Why does a drug have no value under some methods?",
          help=("Each method covers its own list of drugs: Gardner 2010 many older and newer "
                "drugs, Leucht 2014 only newer drugs and haloperidol, Woods 2003 five newer drugs. "
                "Where a method has no value the result says so; it never borrows another "
                "method's number.")),
    Field(name="dose_mg", dimension="dose", label="Dose", kind="number", unit="milligrams",
          minimum=0, above_minimum=True, maximum=DOSE_MAX_MG,
          help_title="Per day or per injection?",
          help=("For tablets or liquid, the total dose per day. For a long-acting injection, "
                "the dose of one injection; then also enter the days between injections. A dose "
                f"more than {IMPLAUSIBLE_TIMES} times the dose the tables equate with "
                f"chlorpromazine {GARDNER_CPZ_MG} mg/day is refused as implausible: a bound "
                "derived from the tables, not a licensed maximum.")),
    Field(optional=True, name="interval_days", dimension="interval",
          label="Days between injections (long-acting injections only)", kind="number",
          unit="days", minimum=SHORTEST_INTERVAL_DAYS, maximum=INTERVAL_MAX_DAYS,
          below_minimum=(
              f"Days between injections: enter the days from one injection to the next, from "
              f"{SHORTEST_INTERVAL_DAYS} to {INTERVAL_MAX_DAYS}. Gardner 2010's long-acting table "
              f"has intervals of {SHORTEST_INTERVAL_DAYS} to {LONGEST_TABLE_INTERVAL_DAYS} days; "
              f"a shorter interval is refused as implausible (a bound DERIVED from the table). "
              "For an injection every 2 weeks, enter 14."),
          help_title="Days, not weeks",
          help=("Only for a long-acting injection: the days from one injection to the next, "
                "for example 14 for every two weeks or 28 for every four weeks. Leave it blank "
                "for tablets or liquid.")),
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
                "dispensing charts (Howes 2017). Blood levels are asked separately, below.")),
    Field(name="plasma_levels", dimension="plasma_levels",
          label="Antipsychotic blood (plasma) levels taken during the trial", kind="choice",
          default="none_or_unknown",
          options=(Option("none_or_unknown", "None taken, or not known"),
                   Option("at_least_one", f"At least {TRRIP_MIN_PLASMA_DRAWS} (TRRIP's minimum)"),
                   Option("two_apart", f"At least {TRRIP_OPTIMUM_PLASMA_DRAWS}, "
                          f"{TRRIP_OPTIMUM_PLASMA_WEEKS_APART} or more weeks apart, unannounced "
                          "(TRRIP's optimum)")),
          help_title="Why does a blood level matter?",
          help=("TRRIP's adherence monitoring asks for antipsychotic plasma levels: at least "
                f"{TRRIP_MIN_PLASMA_DRAWS} as the minimum; as the optimum, "
                f"{TRRIP_OPTIMUM_PLASMA_DRAWS} or more taken at least "
                f"{TRRIP_OPTIMUM_PLASMA_WEEKS_APART} weeks apart without telling the patient "
                "beforehand (Howes 2017, via a 2018 review's summary table). Without a level, "
                "the calculator does not call a trial adequate: it says adequacy is not fully "
                "assessed.")),
)  # fmt: skip


def check(values: Mapping[str, Any]) -> None:
    """Cross-field rules: an interval exactly for a long-acting injection; plausible values."""
    drug, interval = values["drug"], values["interval_days"]
    if drug in LAI_LABELS and interval is None:
        raise InputError(
            "interval_days",
            "Days between injections is required for a long-acting injection: enter a number "
            f"from {SHORTEST_INTERVAL_DAYS} to {INTERVAL_MAX_DAYS} days.",
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
    _check_plausible(drug, values["dose_mg"])
    _check_percent(values["adherence_percent"])


def _check_percent(percent: float | None) -> None:
    """A share between 0 and 1 % is most likely a fraction (0.9 for 90 %): refuse, do not judge."""
    if percent is not None and 0 < percent < 1:
        raise InputError(
            "adherence_percent",
            f"Share of prescribed doses taken: {mg(percent)} is read as {mg(percent)} % of doses, "
            f"which looks like a fraction. Enter a percentage from 0 to 100: for "
            f"{mg(percent * 100)} %, enter {mg(percent * 100)}.",
        )


def _check_plausible(drug: str, dose_mg: float) -> None:
    """Refuse a dose beyond IMPLAUSIBLE_TIMES its table dose, naming the bound and its basis."""
    ref = table_dose(drug)
    if dose_mg <= ref.bound_mg:
        return
    raise InputError(
        "dose_mg",
        f"Dose: {DRUG_LABELS[drug]} {mg(dose_mg)} mg {ref.per} is more than {IMPLAUSIBLE_TIMES} "
        f"times the {mg(ref.mg)} mg {ref.per} that {ref.source} equates with chlorpromazine "
        f"{GARDNER_CPZ_MG} mg/day, so this calculator refuses it as implausible. Enter a dose "
        f"above 0 and up to {mg(ref.bound_mg)} mg {ref.per}. This bound is DERIVED from the "
        f"tables ({IMPLAUSIBLE_TIMES} times the table dose); it is not a licensed maximum."
        + ("" if drug in LAI_LABELS else _if_injection(drug)),
    )


def _if_injection(drug: str) -> str:
    """Where an oral drug's dose may have been an injection's: its long-acting entries, if any."""
    entries = [label for lai, label in LAI_LABELS.items() if lai.split("_")[0] == drug]
    if entries:
        return f" If this was a long-acting injection, choose {' or '.join(entries)}."
    name = DRUG_LABELS[drug].lower()
    return f" The tables have no long-acting entry for {name}, so its injections are not converted."


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
                "plasma_level": self.trrip.plasma_level,
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
        plasma_levels=values["plasma_levels"],
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


CALCULATOR = Calculator(
    id="cpz",
    title="Chlorpromazine equivalents and TRRIP adequacy",
    version="2.0.0",
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
    table=rules_table(),
    value_label="Value",
)
