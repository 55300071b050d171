"""The CPZ result in words: headline, rows, readings, notes and where the methods disagree.

Written from the outcome and from the constants the rules used (`cpz_convert`, `cpz_trrip`),
so a threshold never appears as a literal in both a rule and a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cpz_convert import (
    DRUG_LABELS,
    LAI_LABELS,
    METHODS,
    mg,
)
from .cpz_disagreements import disagreements
from .cpz_tables import GARDNER_2010_NOT_CROSS_CHECKED, LEUCHT_2014_MED_TABLE_2
from .cpz_trrip import (
    CLOZAPINE_LEVEL,
    CLOZAPINE_LEVEL_NG_ML,
    CLOZAPINE_MONTHS,
    CLOZAPINE_WEEKS_RECALLED,
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
from .result import Result, Row, row

if TYPE_CHECKING:
    from .cpz import CpzOutcome

VERDICT_WORDS = {  # the value column: words for the verdict ids of the JSON keys
    "adequate": "Adequate",
    "not_adequate": "Not adequate",
    "cannot_tell": "Cannot tell",
    "no_value": "No value",
    "not_applicable": "Not applicable",
    "depends_on_method": "Depends on the method",
    "not_fully_assessed": "Not fully assessed",
}
IN_HEADLINE = {
    "adequate": "adequate",
    "not_adequate": "not adequate",
    "cannot_tell": "cannot tell yet (a criterion is not known)",
    "no_value": "no value by this method",
    "not_applicable": "not applicable (clozapine has its own criteria)",
    "depends_on_method": "depends on the conversion method",
    "not_fully_assessed": "adequacy not fully assessed (no antipsychotic plasma level)",
}
PLASMA_ANSWERS = {
    "none_or_unknown": "none taken, or not known",
    "at_least_one": f"at least {TRRIP_MIN_PLASMA_DRAWS} taken (the minimum)",
    "two_apart": (
        f"at least {TRRIP_OPTIMUM_PLASMA_DRAWS}, {TRRIP_OPTIMUM_PLASMA_WEEKS_APART} or more weeks "
        "apart, unannounced (the optimum)"
    ),
}
PLASMA_RULE = (
    f"TRRIP plasma level ≥ {TRRIP_MIN_PLASMA_DRAWS} (optimum ≥ {TRRIP_OPTIMUM_PLASMA_DRAWS}, "
    f"≥ {TRRIP_OPTIMUM_PLASMA_WEEKS_APART} weeks apart)"
)
CLOZAPINE_MED = LEUCHT_2014_MED_TABLE_2["clozapine"]  # "300 (questionable)"
STATE = {True: "met", False: "not met", None: "not known"}
SHORT = {m.id: m.short for m in METHODS}
DOSE_RULE = f"TRRIP dose ≥ {TRRIP_MIN_CPZ_MG_PER_DAY} mg/day"


def _rows(outcome: CpzOutcome) -> list[Row]:
    """One row per conversion shown, then TRRIP's criteria, then the verdicts."""
    conversions, shown, trrip = outcome.conversions, outcome.shown, outcome.trrip
    several = len(shown) > 1
    rows = []
    for m in shown:
        c = conversions[m]
        value = "no value" if c.cpz_mg is None else c.cpz_mg
        rows.append(row(m, f"CPZ-eq mg/day: {c.method.name}", c.how, value, c.rule))
    for m in shown:
        if trrip.dose[m] is not None:
            label = DOSE_RULE + (f" ({SHORT[m]})" if several else "")
            answer = f"{mg(conversions[m].cpz_mg)} mg/day"
            rows.append(row(f"dose_{m}", label, answer, STATE[trrip.dose[m]], TRRIP))
    rows += [
        row("duration", f"TRRIP length ≥ {TRRIP_MIN_WEEKS} weeks", trrip.duration_text,
            STATE[trrip.duration], TRRIP),
        row("adherence", f"TRRIP adherence ≥ {TRRIP_MIN_ADHERENCE_PERCENT} % from ≥ "
            f"{TRRIP_MIN_ADHERENCE_SOURCES} sources", trrip.adherence_text,
            STATE[trrip.adherence], TRRIP),
        row("plasma_level", PLASMA_RULE, PLASMA_ANSWERS[trrip.plasma_levels],
            "met" if trrip.plasma_level else "not shown", TRRIP),
    ]  # fmt: skip
    return rows + _verdict_rows(outcome)


def _verdict_rows(outcome: CpzOutcome) -> list[Row]:
    """One verdict row when the methods with a value agree, one per method otherwise."""
    shown, by_method = outcome.shown, outcome.trrip.by_method
    several = len(shown) > 1
    valued = [m for m in shown if by_method[m] != "no_value"] if several else list(shown)
    if several and len({by_method[m] for m in valued}) == 1:
        verdict = by_method[valued[0]]
        label = "TRRIP verdict (every method with a value)"
        why = _why(outcome, verdict, valued)
        return [row("verdict", label, why, VERDICT_WORDS[verdict], TRRIP)]
    rows = []
    for m in valued:
        verdict = by_method[m]
        label = "TRRIP verdict" + (f" ({SHORT[m]})" if several else "")
        why = _why(outcome, verdict, [m])
        rows.append(row(f"verdict_{m}", label, why, VERDICT_WORDS[verdict], TRRIP))
    return rows


def _why(outcome: CpzOutcome, verdict: str, methods: list[str]) -> str:
    """The reason for one verdict row, from the criteria it rests on."""
    trrip = outcome.trrip
    if verdict == "not_applicable":
        return "clozapine is judged by the clozapine criteria, not by this calculator"
    if verdict == "no_value":
        return "this method has no equivalent for this drug, and no other criterion fails"
    if verdict == "adequate":
        return (
            f"dose, length and adherence met; plasma levels: {PLASMA_ANSWERS[trrip.plasma_levels]}"
        )
    if verdict == "not_fully_assessed":
        return "dose, length and adherence met, but no antipsychotic plasma level taken or known"
    if verdict == "cannot_tell":
        unknown = [
            n for n, s in (("length", trrip.duration), ("adherence", trrip.adherence)) if s is None
        ]
        return "not known: " + " and ".join(unknown)
    failed = (
        [_dose_failure(outcome, methods)] if any(trrip.dose[m] is False for m in methods) else []
    )
    failed += [f"length ({trrip.duration_text})"] if trrip.duration is False else []
    failed += [f"adherence ({trrip.adherence_text})"] if trrip.adherence is False else []
    return "not met: " + "; ".join(failed)


def _dose_failure(outcome: CpzOutcome, methods: list[str]) -> str:
    """The dose criterion's failure, with the value where one method speaks."""
    rule = TRRIP_MIN_CPZ_MG_PER_DAY
    if len(methods) == 1:
        return f"dose ({mg(outcome.conversions[methods[0]].cpz_mg)} mg/day < {rule})"
    below = [SHORT[m] for m in methods if outcome.trrip.dose[m] is False]
    return f"dose (below {rule} mg/day by {', '.join(below)})"


def _dose_text(outcome: CpzOutcome) -> str:
    """The dose as entered: per day, or per injection with its interval."""
    per = f" every {mg(outcome.interval_days)} days" if outcome.drug in LAI_LABELS else "/day"
    return f"{DRUG_LABELS[outcome.drug]} {mg(outcome.dose_mg)} mg{per}"


def _headline(outcome: CpzOutcome) -> str:
    dose, verdict = _dose_text(outcome), IN_HEADLINE[outcome.verdict]
    if len(outcome.shown) == 1:
        c = outcome.conversions[outcome.shown[0]]
        if c.cpz_mg is None:
            return f"{dose}: no value by {c.method.name}. {c.how}"
        return (
            f"{dose} = {mg(c.cpz_mg)} mg/day chlorpromazine equivalents by {c.method.name}. "
            f"TRRIP trial: {verdict}"
        )
    parts = [
        f"{mg(c.cpz_mg)} ({SHORT[m]})"
        for m, c in outcome.conversions.items()
        if c.cpz_mg is not None
    ]
    return f"{dose}: {', '.join(parts)} mg/day chlorpromazine equivalents. TRRIP trial: {verdict}"


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


def _clinical(outcome: CpzOutcome) -> str:
    conversions, shown = outcome.conversions, outcome.shown
    bases = "; ".join(f"{SHORT[m]}: {conversions[m].method.basis}" for m in shown)
    caveats = " ".join(CAVEATS[m] for m in shown if conversions[m].cpz_mg is not None)
    clinical = (
        "TRRIP adequate trial (Howes 2017, via Neurobiol Dis 2018 Table 3; VERIFIED-S): "
        f"≥ {TRRIP_MIN_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalents, ≥ {TRRIP_MIN_WEEKS} "
        f"weeks at that dose, ≥ {TRRIP_MIN_ADHERENCE_PERCENT} % of doses taken, assessed from "
        f"≥ {TRRIP_MIN_ADHERENCE_SOURCES} sources, with at least {TRRIP_MIN_PLASMA_DRAWS} "
        f"antipsychotic plasma level (optimum: ≥ {TRRIP_OPTIMUM_PLASMA_DRAWS} draws "
        f"≥ {TRRIP_OPTIMUM_PLASMA_WEEKS_APART} weeks apart, unannounced; same Table 3). "
        "Without a level the verdict is 'not fully assessed', never 'adequate'. "
        f"Conversion: {bases}. {caveats} Values rounded "
        f"to 0.1 mg/day. Whether the trial failed (< {TRRIP_NONRESPONSE_BELOW_PERCENT} % symptom "
        "reduction) is a separate "
        "question."
    )
    if outcome.drug in LAI_LABELS:
        clinical += (
            " TRRIP's optimum asks that at least one of the two trials be a long-acting "
            f"injection for ≥ {TRRIP_OPTIMUM_LAI_MONTHS} months."
        )
    return clinical


PLAIN = (
    "Antipsychotic medicines are taken in very different amounts, so doses are compared by "
    "converting them into the amount of an old medicine, chlorpromazine, thought to be about "
    "as strong. There are several conversion tables, and they do not agree. The TRRIP "
    f"group calls a trial of a medicine adequate when the dose is at least "
    f"{TRRIP_MIN_CPZ_MG_PER_DAY} mg of chlorpromazine a day by such a conversion, for at least "
    f"{TRRIP_MIN_WEEKS} weeks, with at least {TRRIP_MIN_ADHERENCE_PERCENT // 10} in 10 "
    "doses taken, checked in two ways, and at least one blood test of the medicine's level. "
    "This is not a diagnosis and not advice about a dose: bring questions to a clinician."
)
CLOZAPINE_NOTE = (
    "Clozapine: TRRIP judges resistance to clozapine (ultra-treatment resistance) by its own "
    f"criteria: dose at the midpoint of the target range, clozapine level >{CLOZAPINE_LEVEL_NG_ML} "
    f"ng/mL measured twice, {CLOZAPINE_MONTHS} months (secondary summary, VERIFIED-S). The "
    f"clozapine-refractory consensus speaks of levels ≥{CLOZAPINE_LEVEL_NG_ML} ng/mL (VERIFIED-P "
    f"abstract). The wording 'at least {CLOZAPINE_WEEKS_RECALLED} weeks' is not "
    "verified against the original. This calculator does not judge a clozapine trial."
)


LEUCHT_2014_CAVEAT = (
    'Leucht 2014 states its own limitation: "the results are not applicable to specific '
    'populations such as first-episode or refractory patients" (abstract, VERIFIED-P). TRRIP '
    "adequacy is asked about patients who may be refractory, so read the Leucht 2014 value and "
    "its verdict with this in mind."
)


def _warnings(outcome: CpzOutcome) -> list[str]:
    drug, shown, notes = outcome.drug, outcome.shown, []
    if len(shown) == 1 and outcome.conversions[shown[0]].cpz_mg is None:
        covering = ", ".join(m.short for m in METHODS if drug in m.covers)
        notes.append(f"No value by this method. Methods with a value for this drug: {covering}.")
    if drug == "clozapine":
        notes.append(CLOZAPINE_NOTE)
        if "leucht_2014_med" in shown:
            notes.append(
                "Leucht 2014 marks clozapine's minimum effective dose "
                f"({CLOZAPINE_MED.med_mg_per_day:g} mg/day) questionable."
            )
    if "leucht_2014_med" in shown and drug in LEUCHT_2014_MED_TABLE_2:
        notes.append(LEUCHT_2014_CAVEAT)  # clinical-evidence-2.md H7 (not for chlorpromazine: unit)
    if drug in GARDNER_2010_NOT_CROSS_CHECKED and "gardner_2010" in shown:
        notes.append(
            f"{DRUG_LABELS[drug]}: chlorpromazineR's known-value tests leave this drug out, as "
            'there appears to be "an error in the spreadsheet vs. the Gardner paper", so its '
            "Gardner 2010 value has no independent cross-check here."
        )
    return notes


def describe(outcome: CpzOutcome) -> Result:
    """The outcome in words, with the rules of the methods shown and TRRIP as its sources."""
    rules = [outcome.conversions[m].rule for m in outcome.shown] + [TRRIP]
    if outcome.drug == "clozapine":
        rules.append(CLOZAPINE_LEVEL)
    return Result(
        headline=_headline(outcome),
        value_label="Value",
        rows=tuple(_rows(outcome)),
        clinical=_clinical(outcome),
        plain=PLAIN,
        warnings=tuple(_warnings(outcome)),
        rules=tuple(rules),
        disagreements=tuple(disagreements(outcome)),
    )
