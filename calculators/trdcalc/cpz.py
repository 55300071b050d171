"""Chlorpromazine (CPZ) equivalents by each method, and TRRIP adequacy of one antipsychotic trial.

Rules from clinical-evidence.md sections 4.1, 4.3, 8.3 and 10 (items 9 and 10). There is no single
true equivalence, so every value names its method, and `method="all"` shows them side by side.
Each data table below is a transcription of one source, with its citation beside it and its units
in its name; a drug a method does not cover gives null with a note, never a borrowed value.

Rounding: CPZ-equivalents are rounded to 0.1 mg/day with Python's `round` (the evidence file's
8.3 table prints one decimal: 300.3, 374.5, 342.9). TRRIP's >= 600 mg/day is applied to the
rounded value, so the verdict never contradicts the number shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .legacy import adapt, row
from .result import sources_used
from .schema import Calculator, Field, InputError, Option, Rule, Source, TableRow

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    Source(
        "gardner2010",
        "Gardner 2010",
        "Gardner DM, Murphy AL, O'Donnell H, Centorrino F, Baldessarini RJ. International "
        "consensus study of antipsychotic dosing. Am J Psychiatry 2010;167(6):686-693 (abstract "
        "read; the table values via chlorpromazineR).",
        doi="10.1176/appi.ajp.2009.09060802",
    ),
    Source(
        "chlorpromaziner",
        "chlorpromazineR",
        "rOpenSci chlorpromazineR v0.2.0 (peer-reviewed R package, GPL-3, 'not for clinical "
        "use'): inst/extdata/gardner2010.csv and leucht2016.csv, the conversion formula and "
        "tests/testthat/test_known_values.R.",
        url="https://github.com/ropensci/chlorpromazineR",
    ),
    Source(
        "leucht2016",
        "Leucht 2016",
        "Leucht S, Samara M, Heres S, Davis JM. Dose equivalents for antipsychotic drugs: the DDD "
        "method. Schizophr Bull 2016;42(Suppl 1):S90-S94. PMC4960429 (abstract read; the values "
        "via chlorpromazineR).",
        doi="10.1093/schbul/sbv167",
    ),
    Source(
        "leucht2014",
        "Leucht 2014",
        "Leucht S, Samara M, Heres S, Patel MX, Woods SW, Davis JM. Dose equivalents for "
        "second-generation antipsychotics: the minimum effective dose method. Schizophr Bull "
        "2014;40(2):314-326. PMC3932104, Table 2.",
        doi="10.1093/schbul/sbu001",
    ),
    Source(
        "woods2003",
        "Woods 2003",
        "Woods SW. J Clin Psychiatry 2003;64(6):663-667. PMID 12823080 (abstract read).",
        url="https://pubmed.ncbi.nlm.nih.gov/12823080/",
    ),
    Source(
        "howes2017",
        "Howes 2017",
        "Howes OD, McCutcheon R, Agid O, et al. Treatment-resistant schizophrenia: Treatment "
        "Response and Resistance in Psychosis (TRRIP) Working Group consensus guidelines on "
        "diagnosis and terminology. Am J Psychiatry 2017;174(3):216-229. PMC6231547 (abstract).",
        doi="10.1176/appi.ajp.2016.16050503",
    ),
    Source(
        "neurobioldis2018",
        "Neurobiol Dis 2018",
        "Review with Table 3 'Consensus criteria for TRS', summarising Howes 2017. Neurobiol Dis "
        "2018;131:104257. PMC6395548.",
        doi="10.1016/j.nbd.2018.08.016",
    ),
    Source(
        "trripclozapine",
        "TRRIP clozapine consensus",
        "TRRIP Working Group consensus on clozapine-refractory schizophrenia (online survey of "
        "members). Schizophr Bull 46(6):1459 (abstract read).",
    ),
)

GARDNER = Rule(("gardner2010", "chlorpromaziner"), "VERIFIED-S")
DDD = Rule(("leucht2016", "chlorpromaziner"), "VERIFIED-S")
MED = Rule(("leucht2014",), "VERIFIED-P")
WOODS = Rule(("woods2003",), "VERIFIED-P")
TRRIP = Rule(("howes2017", "neurobioldis2018"), "VERIFIED-S")
CLOZAPINE_LEVEL = Rule(("trripclozapine",), "VERIFIED-P")
CLOZAPINE_WEEKS_WORDING = Rule(("howes2017",), "RECALLED")

# --------------------------------------------------------------------------- the data tables

# Gardner 2010, oral: the experts' median dose (mg/day) equivalent to olanzapine 20 mg/day.
# Chlorpromazine's own median is 600 mg/day, so each value is the dose equal to CPZ 600 mg/day.
# Read from chlorpromazineR inst/extdata/gardner2010.csv (VERIFIED-S; clinical-evidence.md 4.3).
# Cross-check in the abstract (VERIFIED-P): ratios 0.025 (sulpiride 800) to 10.0 (trifluperidol 2).
GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600: dict[str, float] = {
    "chlorpromazine": 600, "amisulpride": 700, "aripiprazole": 30, "benperidol": 5,
    "clopenthixol": 60, "chlorprothixene": 500, "clotiapine": 100, "clozapine": 400,
    "droperidol": 10, "flupentixol": 10, "fluphenazine": 12, "haloperidol": 10,
    "levomepromazine": 400, "loxapine": 60, "mesoridazine": 300, "methotrimeprazine": 300,
    "molindone": 100, "olanzapine": 20, "oxypertine": 240, "paliperidone": 9, "pericyazine": 50,
    "perphenazine": 30, "pimozide": 8, "prochlorperazine": 88, "quetiapine": 750,
    "remoxipride": 212, "risperidone": 6, "sertindole": 20, "sulpiride": 800,
    "thioridazine": 500, "thiothixene": 30, "trifluoperazine": 20, "trifluperidol": 2,
    "triflupromazine": 100, "ziprasidone": 160, "zotepine": 300, "zuclopenthixol": 50,
}  # fmt: skip

# Gardner 2010, long-acting injections: (mg per injection, days between injections) equal to
# CPZ 600 mg/day oral. Same CSV (VERIFIED-S). chlorpromazineR: CPZ-eq per day =
# (dose / interval) x 600 / (median / median interval).
GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600: dict[str, tuple[float, int]] = {
    "clopenthixol_decanoate": (300, 14), "flupentixol_decanoate": (40, 14),
    "fluphenazine_decanoate": (25, 14), "fluphenazine_enanthate": (25, 14),
    "fluspirilene": (6, 7), "haloperidol_decanoate": (150, 28),
    "perphenazine_enanthate": (100, 14), "pipotiazine_palmitate": (100, 28),
    "risperidone_microspheres": (50, 14), "zuclopenthixol_decanoate": (200, 14),
}  # fmt: skip

# Leucht 2016, DDD method: oral mg equivalent to CPZ 100 mg. The evidence file transcribes the 20
# oral values below from chlorpromazineR leucht2016.csv (VERIFIED-S); the CSV's other oral,
# short-acting and long-acting rows are not in the evidence file, so they are not used here.
LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100: dict[str, float] = {
    "amisulpride": 133.33, "aripiprazole": 5.00, "asenapine": 6.67, "chlorpromazine": 100.00,
    "clozapine": 100.00, "flupentixol": 2.00, "fluphenazine": 3.33, "haloperidol": 2.67,
    "levomepromazine": 100.00, "loxapine": 33.33, "lurasidone": 20.00, "olanzapine": 3.33,
    "paliperidone": 2.00, "perphenazine": 10.00, "quetiapine": 133.33, "risperidone": 1.67,
    "sertindole": 5.33, "sulpiride": 266.67, "ziprasidone": 26.67, "zuclopenthixol": 10.00,
}  # fmt: skip


@dataclass(frozen=True)
class MedRow:
    """One row of Leucht 2014 Table 2, with the bracketed sensitivity values (2 positive trials)."""

    med_mg_per_day: float
    med_sensitivity: float | None
    olz_1_mg_eq: float
    olz_1_mg_eq_sensitivity: float | None
    cpz_100_mg_eq: float
    cpz_100_mg_eq_sensitivity: float | None


# Leucht 2014, minimum effective dose method, Table 2 in full (VERIFIED-P). Columns: minimum
# effective dose (mg/day), mg equivalent to olanzapine 1 mg, mg equivalent to CPZ 100 mg; the
# sensitivity analysis with 2 positive trials in brackets (None: no bracket printed).
LEUCHT_2014_MED_TABLE_2: dict[str, MedRow] = {
    "aripiprazole": MedRow(10, None, 1.33, 1, 4, 3.6),
    "asenapine": MedRow(10, None, 1.33, 1, 4, 3.6),
    "clozapine": MedRow(300, None, 40, 30, 120, 107),  # "300 (questionable)"
    "haloperidol": MedRow(4, 4.5, 0.53, 0.45, 1.6, None),
    "iloperidone": MedRow(8, 12, 1.07, 1.2, 3.2, 4.3),
    "lurasidone": MedRow(40, None, 5.33, 4, 16, 14.2),
    "olanzapine": MedRow(7.5, 10, 1, None, 3, 3.6),
    "paliperidone": MedRow(3, 6, 0.4, 0.6, 1.2, 2.1),
    "quetiapine": MedRow(150, 250, 20, 25, 60, 88.9),
    "risperidone": MedRow(2, 4, 0.27, 0.4, 0.8, 1.4),
    "sertindole": MedRow(12, 16, 1.60, 1.6, 4.8, 5.7),
    "ziprasidone": MedRow(40, 80, 5.33, 8, 16, 28.4),
}
LEUCHT_2014_NO_RELIABLE_ESTIMATE = ("amisulpride", "zotepine")  # Table 2, last row

# Woods 2003: doses (mg/day) equivalent to CPZ 100 mg/day (abstract, VERIFIED-P), built on the
# convention haloperidol 2 mg = CPZ 100 mg, which is therefore the haloperidol row.
WOODS_2003_MG_PER_DAY_EQ_CPZ_100: dict[str, float] = {
    "haloperidol": 2, "risperidone": 2, "olanzapine": 5, "quetiapine": 75, "ziprasidone": 60,
    "aripiprazole": 7.5,
}  # fmt: skip

# Chlorpromazine is the unit of every method: its CPZ-equivalent is its own dose. Gardner and
# Leucht 2016 list it; for Leucht 2014 and Woods 2003 this identity is DERIVED.
CPZ_IDENTITY = {"leucht_2014_med": Rule(("leucht2014",), "DERIVED"),
                "woods_2003": Rule(("woods2003",), "DERIVED")}  # fmt: skip

# --------------------------------------------------------------------------- drugs and methods

LAI_LABELS = {
    "clopenthixol_decanoate": "Clopenthixol decanoate",
    "flupentixol_decanoate": "Flupentixol (flupenthixol) decanoate",
    "fluphenazine_decanoate": "Fluphenazine decanoate",
    "fluphenazine_enanthate": "Fluphenazine enanthate",
    "fluspirilene": "Fluspirilene",
    "haloperidol_decanoate": "Haloperidol decanoate",
    "perphenazine_enanthate": "Perphenazine enanthate",
    "pipotiazine_palmitate": "Pipotiazine palmitate",
    "risperidone_microspheres": "Risperidone microspheres",
    "zuclopenthixol_decanoate": "Zuclopenthixol decanoate",
}
# Gardner spells it "flupenthixol", Leucht 2016 "flupentixol": one drug, one entry.
ORAL_LABELS = {
    drug: "Flupentixol (flupenthixol)" if drug == "flupentixol" else drug.capitalize()
    for drug in sorted(
        {*GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600, *LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100,
         *LEUCHT_2014_MED_TABLE_2, *LEUCHT_2014_NO_RELIABLE_ESTIMATE,
         *WOODS_2003_MG_PER_DAY_EQ_CPZ_100}
    )
}  # fmt: skip
DRUG_LABELS = {
    **ORAL_LABELS,
    **{d: f"{name} (long-acting injection)" for d, name in LAI_LABELS.items()},
}


@dataclass(frozen=True)
class Method:
    id: str
    name: str
    rule: Rule
    basis: str  # how the method converts, for the result's clinical text
    covers: tuple[str, ...]  # the drugs with a value


METHODS = (
    Method("gardner_2010", "Gardner 2010 (expert consensus, oral)", GARDNER,
           "dose × 600 ÷ the drug's Gardner median (the dose equal to chlorpromazine 600 mg/day)",
           tuple(GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600)),
    Method("gardner_2010_lai", "Gardner 2010 (expert consensus, long-acting injection)", GARDNER,
           "(dose ÷ interval) × 600 ÷ (Gardner median ÷ its interval), per day",
           tuple(GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600)),
    Method("leucht_2016_ddd", "Leucht 2016 (WHO defined daily doses)", DDD,
           "dose × 100 ÷ the mg equal to chlorpromazine 100 mg",
           tuple(LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100)),
    Method("leucht_2014_med", "Leucht 2014 (minimum effective dose)", MED,
           "dose × 100 ÷ the mg equal to chlorpromazine 100 mg (Table 2)",
           ("chlorpromazine", *LEUCHT_2014_MED_TABLE_2)),
    Method("woods_2003", "Woods 2003 (haloperidol 2 mg = chlorpromazine 100 mg)", WOODS,
           "dose × 100 ÷ the mg equal to chlorpromazine 100 mg",
           ("chlorpromazine", *WOODS_2003_MG_PER_DAY_EQ_CPZ_100)),
)  # fmt: skip
SHORT = {"gardner_2010": "Gardner 2010", "gardner_2010_lai": "Gardner 2010 LAI",
         "leucht_2016_ddd": "Leucht 2016 DDD", "leucht_2014_med": "Leucht 2014 MED",
         "woods_2003": "Woods 2003"}  # fmt: skip

# TRRIP minimum criteria for an adequate trial (Howes 2017 via Neurobiol Dis 2018 Table 3).
TRRIP_MIN_CPZ_MG_PER_DAY = 600
TRRIP_MIN_WEEKS = 6
TRRIP_MIN_ADHERENCE_PERCENT = 80


def _drug_rule(drug: str) -> Rule:
    rules = [m.rule for m in METHODS if drug in m.covers]
    keys = tuple(dict.fromkeys(k for r in rules for k in r.sources))
    level = "VERIFIED-S" if any(r.confidence == "VERIFIED-S" for r in rules) else "VERIFIED-P"
    return Rule(keys, level)


ALL_METHODS = Rule(tuple(dict.fromkeys(k for m in METHODS for k in m.rule.sources)), "VERIFIED-S")
YES_NO = (Option(True, "Checked from 2 or more sources", 0, TRRIP),
          Option(False, "Not checked from 2 sources, or not known", 0, TRRIP))  # fmt: skip


FIELDS = (
    Field(name="drug", dimension="drug", label="Antipsychotic", kind="choice",
          options=tuple(Option(d, label, 0, _drug_rule(d)) for d, label in DRUG_LABELS.items()),
          help_title="Why does a drug have no value under some methods?",
          help=("Each method covers its own list of drugs: Gardner 2010 many older and newer "
                "drugs, Leucht 2014 only newer drugs and haloperidol, Woods 2003 five newer drugs. "
                "Where a method has no value the result says so; it never borrows another "
                "method's number.")),
    Field(name="dose_mg", dimension="dose", label="Dose", kind="number", unit="milligrams",
          minimum=0, maximum=5000,
          help_title="Per day or per injection?",
          help=("For tablets or liquid, the total dose per day. For a long-acting injection, "
                "the dose of one injection; then also enter the days between injections.")),
    Field(optional=True, name="interval_days", dimension="interval",
                  label="Days between injections (long-acting injections only)", kind="number",
                  unit="days", minimum=1, maximum=365),
    Field(name="method", dimension="method", label="Conversion method", kind="choice",
          options=(*(Option(m.id, m.name, 0, m.rule) for m in METHODS),
                   Option("all", "All methods side by side", 0, ALL_METHODS)),
          help_title="Which method should I choose?",
          help=("There is no single true conversion. Gardner 2010 is an expert consensus; "
                "Leucht 2016 uses WHO defined daily doses, a unit for counting drug use; Leucht "
                "2014 uses the lowest dose shown to work in trials; Woods 2003 starts from "
                "haloperidol 2 mg = chlorpromazine 100 mg. 'All methods' shows every answer.")),
    Field(optional=True, name="weeks", dimension="weeks", label="Weeks at this dose", kind="number",
                  unit="weeks", minimum=0, maximum=520),
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

# --------------------------------------------------------------------------- converting


@dataclass(frozen=True)
class Conversion:
    """One method's answer: the rounded CPZ-eq mg/day (None: no value) and how it was found."""

    method: Method
    cpz_mg: float | None
    how: str
    rule: Rule


def _mg(value: float) -> str:
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
            f"The evidence file gives Leucht 2016 DDD values for 20 oral drugs; {name} is not "
            "among them, so no value is shown."
        )
    return (
        "Woods 2003 gives values for risperidone, olanzapine, quetiapine, ziprasidone and "
        f"aripiprazole (and haloperidol by its convention); {name} is not among them."
    )


def convert(method: Method, drug: str, dose_mg: float, interval_days: float | None) -> Conversion:
    """CPZ-equivalent mg/day of one dose by one method, rounded to 0.1 (see the module note)."""
    if drug not in method.covers:
        return Conversion(method, None, _missing(method, drug), method.rule)
    if method.id == "gardner_2010_lai":
        ref_mg, ref_days = GARDNER_2010_LAI_MG_AND_DAYS_EQ_CPZ_600[drug]
        raw = dose_mg * 600 * ref_days / (interval_days * ref_mg)
        how = (f"{_mg(dose_mg)} mg every {_mg(interval_days)} days; {ref_mg:g} mg every "
               f"{ref_days} days = 600 mg/day")  # fmt: skip
        return Conversion(method, round(raw, 1), how, method.rule)
    if drug == "chlorpromazine" and method.id in CPZ_IDENTITY:
        how = "chlorpromazine is the unit itself"
        return Conversion(method, round(dose_mg, 1), how, CPZ_IDENTITY[method.id])
    if method.id == "gardner_2010":
        ref = GARDNER_2010_ORAL_MG_PER_DAY_EQ_CPZ_600[drug]
        how = f"{_mg(dose_mg)} × 600 ÷ {ref:g}"
        return Conversion(method, round(dose_mg * 600 / ref, 1), how, method.rule)
    if method.id == "leucht_2014_med":
        med = LEUCHT_2014_MED_TABLE_2[drug]
        how = f"{_mg(dose_mg)} × 100 ÷ {med.cpz_100_mg_eq:g}"
        if med.cpz_100_mg_eq_sensitivity is not None:
            alt = round(dose_mg * 100 / med.cpz_100_mg_eq_sensitivity, 1)
            how += f" (sensitivity analysis ÷ {med.cpz_100_mg_eq_sensitivity:g}: {_mg(alt)})"
        return Conversion(method, round(dose_mg * 100 / med.cpz_100_mg_eq, 1), how, method.rule)
    ref = (
        LEUCHT_2016_DDD_ORAL_MG_EQ_CPZ_100[drug]
        if method.id == "leucht_2016_ddd"
        else WOODS_2003_MG_PER_DAY_EQ_CPZ_100[drug]
    )
    how = f"{_mg(dose_mg)} × 100 ÷ {ref:g}"
    return Conversion(method, round(dose_mg * 100 / ref, 1), how, method.rule)


# --------------------------------------------------------------------------- TRRIP adequacy

VERDICT_LABELS = {
    "adequate": "Adequate trial (dose, length and adherence met)",
    "not_adequate": "Not an adequate trial",
    "cannot_tell": "Cannot tell: a criterion is not known",
    "no_value": "No value: this method has no equivalent for this drug",
    "not_applicable": "Not applicable: clozapine is judged by the clozapine criteria",
    "depends_on_method": "Depends on the conversion method",
}
IN_HEADLINE = {
    "adequate": "adequate",
    "not_adequate": "not adequate",
    "cannot_tell": "cannot tell yet (a criterion is not known)",
    "no_value": "no value by this method",
    "not_applicable": "not applicable (clozapine has its own criteria)",
    "depends_on_method": "depends on the conversion method",
}
STATE = {True: "met", False: "not met", None: "not known"}


@dataclass(frozen=True)
class Trrip:
    """The TRRIP criteria for one trial: dose per method, length and adherence (None: unknown)."""

    dose: dict[str, bool | None]
    duration: bool | None
    duration_text: str
    adherence: bool | None
    adherence_text: str
    by_method: dict[str, str]


def _duration(weeks: float | None) -> tuple[bool | None, str]:
    if weeks is None:
        return None, "weeks at the dose not given"
    met = weeks >= TRRIP_MIN_WEEKS
    return met, f"{_mg(weeks)} weeks {'≥' if met else '<'} {TRRIP_MIN_WEEKS}"


def _adherence(percent: float | None, two_sources: bool) -> tuple[bool | None, str]:
    if percent is None:
        return None, "share of doses taken not given"
    if percent < TRRIP_MIN_ADHERENCE_PERCENT:
        return False, f"{_mg(percent)} % < {TRRIP_MIN_ADHERENCE_PERCENT} % of doses taken"
    if not two_sources:
        return None, f"{_mg(percent)} % taken, but not checked from 2 or more sources"
    return True, f"{_mg(percent)} % taken, checked from 2 or more sources"


def _dose_met(conversion: Conversion, clozapine: bool) -> bool | None:
    if clozapine or conversion.cpz_mg is None:
        return None
    return conversion.cpz_mg >= TRRIP_MIN_CPZ_MG_PER_DAY


def _verdict(states: list[bool | None], has_value: bool, clozapine: bool) -> str:
    """One method's verdict: a clearly failed criterion decides even without a CPZ value."""
    if clozapine:
        return "not_applicable"
    if False in states:
        return "not_adequate"
    if not has_value:
        return "no_value"
    return "cannot_tell" if None in states else "adequate"


def judge(values: Mapping[str, Any], conversions: dict[str, Conversion], shown: list[str]) -> Trrip:
    """TRRIP's minimum criteria for an adequate trial, under each method shown."""
    clozapine = values["drug"] == "clozapine"
    duration, duration_text = _duration(values["weeks"])
    adherence, adherence_text = _adherence(
        values["adherence_percent"], values["adherence_sources_2"]
    )
    dose = {m: _dose_met(conversions[m], clozapine) for m in shown}
    by_method = {
        m: _verdict([dose[m], duration, adherence], conversions[m].cpz_mg is not None, clozapine)
        for m in shown
    }
    return Trrip(dose, duration, duration_text, adherence, adherence_text, by_method)


def _overall(trrip: Trrip, chosen: str) -> str:
    """The one verdict: the chosen method's, or the verdict every method with a value shares."""
    if chosen != "all":
        return trrip.by_method[chosen]
    valued = {v for v in trrip.by_method.values() if v != "no_value"}
    if len(valued) == 1:
        return valued.pop()
    return "depends_on_method" if valued else "no_value"


# --------------------------------------------------------------------------- the result


def _check(values: Mapping[str, Any]) -> None:
    if values["dose_mg"] <= 0:
        raise InputError("dose_mg", "Dose: enter a dose above 0 milligrams (up to 5000).")
    if values["drug"] in LAI_LABELS and values["interval_days"] is None:
        raise InputError(
            "interval_days",
            "Days between injections is required for a long-acting injection: enter a number "
            "from 1 to 365 days.",
        )


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """CPZ-equivalents by the chosen method (or all), and TRRIP adequacy per method."""
    _check(values)
    drug, chosen = values["drug"], values["method"]
    conversions = {
        m.id: convert(m, drug, values["dose_mg"], values["interval_days"]) for m in METHODS
    }
    shown = list(conversions) if chosen == "all" else [chosen]
    trrip = judge(values, conversions, shown)
    verdict = _overall(trrip, chosen)
    rules = [conversions[m].rule for m in shown] + [TRRIP]
    if drug == "clozapine":
        rules.append(CLOZAPINE_LEVEL)
    return {
        "method": chosen,
        "cpz_mg": (
            {m: c.cpz_mg for m, c in conversions.items()}
            if chosen == "all"
            else conversions[chosen].cpz_mg
        ),
        "trrip_verdict": verdict,
        "trrip_by_method": trrip.by_method,
        "trrip_criteria": {
            "dose_by_method": trrip.dose,
            "duration": trrip.duration,
            "adherence": trrip.adherence,
        },
        "headline": _headline(values, conversions, shown, verdict),
        "value_label": "Value",
        "details": _details(conversions, shown, trrip),
        "interpretation": _interpretation(conversions, shown, drug),
        "sources": sources_used(CALCULATOR, rules),
        "warnings": _warnings(values, conversions, shown),
        "disagreements": _disagreements(conversions, chosen, drug),
    }


def _details(
    conversions: dict[str, Conversion], shown: list[str], trrip: Trrip
) -> list[dict[str, Any]]:
    several = len(shown) > 1
    rows = []
    for m in shown:
        c = conversions[m]
        value = "no value" if c.cpz_mg is None else c.cpz_mg
        rows.append(row(m, f"CPZ-eq mg/day: {c.method.name}", c.how, value, c.rule))
    for m in shown:
        if trrip.dose[m] is not None:
            label = "TRRIP dose ≥ 600 mg/day" + (f" ({SHORT[m]})" if several else "")
            answer = f"{_mg(conversions[m].cpz_mg)} mg/day"
            rows.append(row(f"dose_{m}", label, answer, STATE[trrip.dose[m]], TRRIP))
    rows += [
        row("duration", "TRRIP length ≥ 6 weeks", trrip.duration_text, STATE[trrip.duration],
            TRRIP),
        row("adherence", "TRRIP adherence ≥ 80 % from ≥ 2 sources", trrip.adherence_text,
            STATE[trrip.adherence], TRRIP),
    ]  # fmt: skip
    valued = [m for m in shown if trrip.by_method[m] != "no_value"] if several else shown
    if several and len({trrip.by_method[m] for m in valued}) == 1:
        verdict = trrip.by_method[valued[0]]
        label = "TRRIP verdict (every method with a value)"
        return [*rows, row("verdict", label, VERDICT_LABELS[verdict], verdict, TRRIP)]
    for m in valued:
        verdict = trrip.by_method[m]
        label = "TRRIP verdict" + (f" ({SHORT[m]})" if several else "")
        rows.append(row(f"verdict_{m}", label, VERDICT_LABELS[verdict], verdict, TRRIP))
    return rows


def _headline(
    values: Mapping[str, Any], conversions: dict[str, Conversion], shown: list[str], verdict: str
) -> str:
    drug = values["drug"]
    dose = f"{DRUG_LABELS[drug]} {_mg(values['dose_mg'])} mg" + (
        f" every {_mg(values['interval_days'])} days" if drug in LAI_LABELS else "/day"
    )
    if len(shown) == 1:
        c = conversions[shown[0]]
        if c.cpz_mg is None:
            return f"{dose}: no value by {c.method.name}. {c.how}"
        return (
            f"{dose} = {_mg(c.cpz_mg)} mg/day chlorpromazine equivalents by {c.method.name}. "
            f"TRRIP trial: {IN_HEADLINE[verdict]}"
        )
    parts = [
        f"{_mg(c.cpz_mg)} ({SHORT[m]})" for m, c in conversions.items() if c.cpz_mg is not None
    ]
    return (
        f"{dose}: {', '.join(parts)} mg/day chlorpromazine equivalents. "
        f"TRRIP trial: {IN_HEADLINE[verdict]}"
    )


CAVEATS = {
    "gardner_2010": "Gardner 2010: medians of 43 experts, anchored to olanzapine 20 mg/day.",
    "gardner_2010_lai": "Gardner 2010: long-acting doses per injection interval, made per day.",
    "leucht_2016_ddd": (
        "Leucht 2016: DDDs measure drug consumption; where a more 'scientific' equivalence "
        "method exists for a drug, the authors say it should be preferred."
    ),
    "leucht_2014_med": "Leucht 2014: built from the minimum effective doses of newer drugs.",
    "woods_2003": "Woods 2003: built on the convention haloperidol 2 mg = chlorpromazine 100 mg.",
}


def _interpretation(
    conversions: dict[str, Conversion], shown: list[str], drug: str
) -> dict[str, str]:
    bases = "; ".join(f"{SHORT[m]}: {conversions[m].method.basis}" for m in shown)
    caveats = " ".join(CAVEATS[m] for m in shown if conversions[m].cpz_mg is not None)
    clinical = (
        "TRRIP adequate trial (Howes 2017, via Neurobiol Dis 2018 Table 3; VERIFIED-S): "
        "≥ 600 mg/day chlorpromazine equivalents, ≥ 6 weeks at that dose, ≥ 80 % of doses "
        f"taken, assessed from ≥ 2 sources. Conversion: {bases}. {caveats} Values rounded to "
        "0.1 mg/day. Whether the trial failed (< 20 % symptom reduction) is a separate question."
    )
    if drug in LAI_LABELS:
        clinical += (
            " TRRIP's optimum asks that at least one of the two trials be a long-acting "
            "injection for ≥ 4 months."
        )
    plain = (
        "Antipsychotic medicines are taken in very different amounts, so doses are compared by "
        "converting them into the amount of an old medicine, chlorpromazine, thought to be about "
        "as strong. There are several conversion tables, and they do not agree. The TRRIP "
        "group calls a trial of a medicine adequate when the dose is at least 600 mg of "
        "chlorpromazine a day by such a conversion, for at least 6 weeks, with at least 8 in 10 "
        "doses taken, checked in two ways. This is not a diagnosis and not advice about a dose: "
        "bring questions to a clinician."
    )
    return {"clinical": clinical, "plain": plain}


CLOZAPINE_NOTE = (
    "Clozapine: TRRIP judges resistance to clozapine (ultra-treatment resistance) by its own "
    "criteria: dose at the midpoint of the target range, clozapine level >350 ng/mL measured "
    "twice, 3 months (secondary summary, VERIFIED-S). The clozapine-refractory consensus speaks "
    "of levels ≥350 ng/mL (VERIFIED-P abstract). The wording 'at least 12 weeks' is not "
    "verified against the original. This calculator does not judge a clozapine trial."
)


def _warnings(
    values: Mapping[str, Any], conversions: dict[str, Conversion], shown: list[str]
) -> list[str]:
    drug, notes = values["drug"], []
    if len(shown) == 1 and conversions[shown[0]].cpz_mg is None:
        covering = ", ".join(SHORT[m.id] for m in METHODS if drug in m.covers)
        notes.append(f"No value by this method. Methods with a value for this drug: {covering}.")
    if values["interval_days"] is not None and drug not in LAI_LABELS:
        notes.append("Days between injections applies to long-acting injections only; ignored.")
    if drug == "clozapine":
        notes.append(CLOZAPINE_NOTE)
        if "leucht_2014_med" in shown:
            notes.append(
                "Leucht 2014 marks clozapine's minimum effective dose (300 mg/day) questionable."
            )
    return notes


WHY_METHODS_DIFFER = (
    "The methods rest on different ideas: an expert consensus (Gardner 2010), WHO defined daily "
    "doses used to count consumption (Leucht 2016), the lowest dose shown to work (Leucht 2014) "
    "and a haloperidol-based convention (Woods 2003). They differ by up to about 40 % for some "
    "drugs, enough to flip a TRRIP verdict."
)


def _disagreements(conversions: dict[str, Conversion], chosen: str, drug: str) -> list[str]:
    """Where the methods flip TRRIP's dose criterion (clinical-evidence.md 10, item 9)."""
    if drug == "clozapine" or (chosen != "all" and conversions[chosen].cpz_mg is None):
        return []
    dose = {m: _dose_met(c, clozapine=False) for m, c in conversions.items()}
    met = [m for m, d in dose.items() if d is True]
    unmet = [m for m, d in dose.items() if d is False]
    if not met or not unmet:
        return []

    def listing(ids: list[str]) -> str:
        return ", ".join(f"{SHORT[m]} ({_mg(conversions[m].cpz_mg)} mg/day)" for m in ids)

    notes = [
        f"The dose meets TRRIP's 600 mg/day by {listing(met)}, but not by {listing(unmet)}.",
        WHY_METHODS_DIFFER,
    ]
    if chosen != "all":
        notes.append("Choose 'All methods side by side' to see every value.")
    return notes


# --------------------------------------------------------------------------- the static table


def _table() -> tuple[TableRow, ...]:
    trrip = "TRRIP adequate trial (minimum criteria)"
    rows = [
        TableRow(trrip, "Dose", "≥ 600 mg/day chlorpromazine equivalents", TRRIP),
        TableRow(trrip, "Length", "≥ 6 weeks at the adequate dose", TRRIP),
        TableRow(trrip, "Adherence", "≥ 80 % of doses taken, assessed from ≥ 2 sources", TRRIP),
        TableRow(trrip, "Number of trials",
                 "≥ 2 different antipsychotics (optimum: ≥ 1 long-acting injection, ≥ 4 months)",
                 TRRIP),
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


EVALUATE, DESCRIBE = adapt(compute)

CALCULATOR = Calculator(
    id="cpz",
    title="Chlorpromazine equivalents and TRRIP adequacy",
    version="1.0.0",
    purpose=(
        "How much chlorpromazine is this antipsychotic dose equal to, by each method, and is the "
        "trial adequate under the TRRIP criteria?"
    ),
    fields=FIELDS,
    sources=SOURCES,
    kind="unscored",
    check=_check,
    evaluate=EVALUATE,
    describe=DESCRIBE,
    table=_table(),
    value_label="Value",
)
