"""The chlorpromazine-equivalent tables, each transcribed from one source, its citation beside it.

From clinical-evidence.md section 4.3. Units are in the names: a Gardner 2010 value is the dose
equal to chlorpromazine 600 mg/day, a Leucht or Woods value the dose equal to chlorpromazine
100 mg. The tables are kept as their sources print them (tests check their totals); what the
calculator makes of them (one drug under two names, the methods) lives in `cpz_convert`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Rule, Source

GARDNER_2010 = Source(
    "gardner2010",
    "Gardner 2010",
    "Gardner DM, Murphy AL, O'Donnell H, Centorrino F, Baldessarini RJ. International "
    "consensus study of antipsychotic dosing. Am J Psychiatry 2010;167(6):686-693 (abstract "
    "read; the table values via chlorpromazineR).",
    doi="10.1176/appi.ajp.2009.09060802",
)
CHLORPROMAZINER = Source(
    "chlorpromaziner",
    "chlorpromazineR",
    "rOpenSci chlorpromazineR v0.2.0 (peer-reviewed R package, GPL-3, 'not for clinical "
    "use'): inst/extdata/gardner2010.csv and leucht2016.csv, the conversion formula and "
    "tests/testthat/test_known_values.R.",
    url="https://github.com/ropensci/chlorpromazineR",
)
LEUCHT_2016 = Source(
    "leucht2016",
    "Leucht 2016",
    "Leucht S, Samara M, Heres S, Davis JM. Dose equivalents for antipsychotic drugs: the DDD "
    "method. Schizophr Bull 2016;42(Suppl 1):S90-S94. PMC4960429 (abstract read; the values "
    "via chlorpromazineR).",
    doi="10.1093/schbul/sbv167",
)
LEUCHT_2014 = Source(
    "leucht2014",
    "Leucht 2014",
    "Leucht S, Samara M, Heres S, Patel MX, Woods SW, Davis JM. Dose equivalents for "
    "second-generation antipsychotics: the minimum effective dose method. Schizophr Bull "
    "2014;40(2):314-326. PMC3932104, Table 2.",
    doi="10.1093/schbul/sbu001",
)
WOODS_2003 = Source(
    "woods2003",
    "Woods 2003",
    "Woods SW. J Clin Psychiatry 2003;64(6):663-667. PMID 12823080 (abstract read).",
    url="https://pubmed.ncbi.nlm.nih.gov/12823080/",
)
SOURCES = (GARDNER_2010, CHLORPROMAZINER, LEUCHT_2016, LEUCHT_2014, WOODS_2003)

GARDNER = Rule(("gardner2010", "chlorpromaziner"), "VERIFIED-S")
DDD = Rule(("leucht2016", "chlorpromaziner"), "VERIFIED-S")
MED = Rule(("leucht2014",), "VERIFIED-P")
WOODS = Rule(("woods2003",), "VERIFIED-P")

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

# chlorpromazineR's known-value test leaves oxypertine out, "as there appears to be an error in
# the spreadsheet vs. the Gardner paper" (clinical-evidence.md 8.3): its value has no cross-check.
GARDNER_2010_NOT_CROSS_CHECKED = ("oxypertine",)

# One drug under two names (issue 9 item 5): the CSV above has a row for each, with different
# values. The calculator offers one entry, under the name Leucht 2016 also uses, and shows the
# other row as a conflict (cpz_convert.gardner_conflict).
GARDNER_2010_SECOND_NAME = {"levomepromazine": "methotrimeprazine"}

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

# The long-acting injections by name; Gardner spells it "flupenthixol", Leucht 2016
# "flupentixol": one drug, one entry.
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
