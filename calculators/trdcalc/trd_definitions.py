"""TRD definitions: whether one treatment history meets each operational definition of TRD.

Rules from clinical-evidence.md sections 1.1, 1.6, 2.4 and 8.2 (cases D1-D5). Each trial is judged
with the adequacy rules of `trial_adequacy`, so a rule lives in one place. Gaynes 2020 and the
FDA/esketamine usage print no thresholds for "adequate" or "failed": they are counted here with
the Rybak 2021 rule (at least 4 weeks, below 50 %), and the verdict says so (DERIVED).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .result import row, sources_used
from .schema import Calculator, Field, Option, Rule, Source, TableRow
from .sources import HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022
from .trial_adequacy import DEFINITIONS, judge
from .trial_adequacy import FIELDS as TRIAL_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    RYBAK_2021,
    SFORZINI_2022,
    Source("gaynes2020", "Gaynes 2020", "Gaynes BN, Lux L, Gartlehner G, et al. Defining "
           "treatment-resistant depression. Depress Anxiety 2020;37(2):134-145.",
           doi="10.1002/da.22968"),
    Source("turkoz_cns", "CNS Spectrums (esketamine)", "Esketamine paper in CNS Spectrums, "
           "introduction, citing Gaynes 2020 (the FDA's own text was not read).",
           note="No DOI or address is given in the sources read for this site."),
    HAGG_2020,
    MEDICALALGORITHMS,
    Source("aaronson2017", "Aaronson 2017", "Aaronson ST, et al. Am J Psychiatry "
           "2017;174(7):640-648 (introduction: APA on VNS after four adequate trials).",
           doi="10.1176/appi.ajp.2017.16010034"),
)  # fmt: skip

RULES = {
    "rybak2021": Rule(("rybak2021",), "VERIFIED-P"),
    "sforzini2022": Rule(("sforzini2022",), "VERIFIED-P"),
    "gaynes2020": Rule(("gaynes2020",), "VERIFIED-P"),
    "fda_usage": Rule(("turkoz_cns", "gaynes2020"), "VERIFIED-S"),
    "kim": Rule(("hagg2020",), "VERIFIED-S"),
    "thase_rush_1": Rule(("medicalalgorithms",), "VERIFIED-S"),
    "vns": Rule(("aaronson2017",), "VERIFIED-P"),
}
NAMES = {
    "rybak2021": "Rybak 2021 (Canadian consensus)",
    "sforzini2022": "Sforzini 2022 (EU-PEARL)",
    "gaynes2020": "Gaynes 2020 (AHRQ review)",
    "fda_usage": "FDA / esketamine usage",
    "kim": "Karolinska register model",
    "thase_rush_1": "Thase–Rush stage I",
    "vns": "Four or more failed treatments (VNS)",
}
THRESHOLD_ONLY = ("thase_rush_1", "vns")  # a threshold met, not a TRD label
VERDICT_LABELS = {
    "trd": "TRD",
    "prd": "Partially responsive depression",
    "not_met": "Not met",
    "not_applicable": "Not applicable",
}
RYBAK, SFORZINI = DEFINITIONS[0], DEFINITIONS[1]

TRIALS = Field(
    name="trials",
    dimension="trials",
    label="Antidepressant trials in this episode, in order",
    kind="list",
    item_label="Trial",
    item_fields=tuple(replace(f, help="", help_title="") for f in TRIAL_FIELDS),
    min_items=0,
    max_items=20,
    default=[],
)
DIAGNOSIS = Field(
    name="diagnosis",
    dimension="diagnosis",
    label="Diagnosis",
    kind="choice",
    options=(
        Option("unipolar", "Depression (major depressive disorder)", 0, RULES["sforzini2022"]),
        Option("bipolar", "Bipolar depression", 0, RULES["sforzini2022"]),
    ),
)
ECT = Field(
    name="ect",
    dimension="ect",
    label="A course of ECT without enough response",
    kind="boolean",
    default=False,
    options=(Option(False, "No", 0, RULES["vns"]), Option(True, "Yes", 0, RULES["vns"])),
)


def _count(trials: list[Mapping[str, Any]], definition: Any, verdict: str) -> int:
    return sum(judge(definition, t)[0] == verdict for t in trials)


def _karolinska(trials: list[Mapping[str, Any]]) -> tuple[str, str]:
    """A third trial started after two earlier trials of more than 28 days each (Hägg 2020)."""
    long_trials = [i for i, t in enumerate(trials) if t["weeks"] * 7 > 28]  # noqa: PLR2004
    if len(long_trials) >= 2 and long_trials[1] < len(trials) - 1:  # noqa: PLR2004
        return "trd", "A third trial began after two trials of more than 28 days each."
    return "not_met", (
        f"{len(long_trials)} trial(s) of more than 28 days, and TRD starts with the next trial "
        "after two of them (the register model asks nothing about response)."
    )


def verdicts(values: Mapping[str, Any]) -> list[dict[str, str]]:
    """One verdict per definition, each with its reason."""
    trials, bipolar = values["trials"], values["diagnosis"] == "bipolar"
    rybak = _count(trials, RYBAK, "failed")
    sforzini = _count(trials, SFORZINI, "failed")
    partial = _count(trials, SFORZINI, "partial_response")
    out = {}
    if bipolar:
        out["rybak2021"] = ("not_applicable", "Defined for major depressive disorder.")
    else:
        out["rybak2021"] = (
            ("trd" if rybak >= 2 else "not_met"),  # noqa: PLR2004
            f"{rybak} trial(s) failed by its rule (4-6 weeks, below 50 %); 2 needed.",
        )
    if bipolar:
        out["sforzini2022"] = ("not_applicable", "Item 15 places bipolar depression outside TRD.")
    elif sforzini >= 2:  # noqa: PLR2004
        out["sforzini2022"] = ("trd", f"{sforzini} trials failed with below 25 % improvement.")
    elif sforzini + partial >= 2:  # noqa: PLR2004
        out["sforzini2022"] = (
            "prd",
            (
                f"{sforzini} failed and {partial} partial response(s) of 25-49 %: partially "
                "responsive depression, not TRD."
            ),
        )
    else:
        out["sforzini2022"] = ("not_met", f"{sforzini} trial(s) below 25 %; 2 needed.")
    needed = 1 if bipolar else 2
    out["gaynes2020"] = (
        ("trd" if rybak >= needed else "not_met"),
        (
            f"{rybak} failure(s); {needed} needed for {'bipolar' if bipolar else 'major'} "
            "depression. No thresholds printed: counted with the Rybak rule."
        ),
    )
    out["fda_usage"] = (
        ("not_applicable", "Used for major depressive disorder.")
        if bipolar
        else (
            ("trd" if rybak >= 2 else "not_met"),  # noqa: PLR2004
            (
                f"{rybak} oral antidepressant(s) failed; 2 needed. No thresholds printed: counted "
                "with the Rybak rule."
            ),
        )
    )
    out["kim"] = _karolinska(trials)
    out["thase_rush_1"] = (
        ("trd" if rybak >= 1 else "not_met"),
        f"{rybak} failed adequate trial(s); stage I needs 1 (counted with the Rybak rule).",
    )
    treatments = rybak + values["ect"]
    out["vns"] = (
        ("trd" if treatments >= 4 else "not_met"),  # noqa: PLR2004
        f"{treatments} failed adequate treatment(s), ECT included; 4 needed.",
    )
    return [{"definition": d, "verdict": v, "reason": r} for d, (v, r) in out.items()]


def verdict_label(verdict: Mapping[str, str]) -> str:
    if verdict["definition"] in THRESHOLD_ONLY and verdict["verdict"] == "trd":
        return "Met"
    return VERDICT_LABELS[verdict["verdict"]]


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Each definition's verdict for this history, and whether they agree."""
    results = verdicts(values)
    met = [NAMES[v["definition"]] for v in results if v["verdict"] == "trd"]
    applicable = [v for v in results if v["verdict"] != "not_applicable"]
    details = [
        row(
            v["definition"],
            NAMES[v["definition"]],
            v["reason"],
            verdict_label(v),
            RULES[v["definition"]],
        )
        for v in results
    ]
    return {
        "verdicts": results,
        "headline": f"{len(met)} of {len(applicable)} applicable definitions call this TRD",
        "value_label": "Verdict",
        "details": details,
        "interpretation": {
            "clinical": (
                "Met: " + (", ".join(met) if met else "none") + ". Trials are judged with each "
                "definition's own length and non-response rule where it has one."
            ),
            "plain": (
                "Different groups of experts draw the line for 'treatment-resistant' in "
                "different places: after one, two or four treatments, and with different ideas "
                "of how much improvement is enough. This table shows where this history falls "
                "for each of them. It is a way to understand the label, not a diagnosis."
            ),
        },
        "sources": sources_used(CALCULATOR, list(RULES.values())),
        "warnings": (
            ["The definitions disagree about this history; each verdict gives its reason."]
            if 0 < len(met) < len(applicable)
            else []
        ),
    }


CALCULATOR = Calculator(
    id="trd_definitions",
    title="TRD definitions side by side",
    version="1.0.0",
    purpose="Does this treatment history meet each definition of treatment-resistant depression?",
    fields=(DIAGNOSIS, TRIALS, ECT),
    sources=SOURCES,
    compute=compute,
    table=(
        TableRow(
            NAMES["rybak2021"], "2 failed trials: 4-6 weeks, below 50 %", "TRD", RULES["rybak2021"]
        ),
        TableRow(
            NAMES["sforzini2022"],
            "2 failed trials below 25 %; trials of 25-49 % make "
            "partially responsive depression; bipolar excluded",
            "TRD / PRD",
            RULES["sforzini2022"],
        ),
        TableRow(
            NAMES["gaynes2020"],
            "Most common: 2 failures (1 in bipolar depression) with "
            "adequate dose and duration; no consensus on thresholds",
            "TRD",
            RULES["gaynes2020"],
        ),
        TableRow(
            NAMES["fda_usage"],
            "Inadequate response to 2 or more oral antidepressants of "
            "adequate dose and duration in the current episode",
            "TRD",
            RULES["fda_usage"],
        ),
        TableRow(
            NAMES["kim"],
            "Start of a third trial after two of more than 28 days",
            "TRD",
            RULES["kim"],
        ),
        TableRow(
            NAMES["thase_rush_1"], "1 failed adequate trial", "stage I", RULES["thase_rush_1"]
        ),
        TableRow(
            NAMES["vns"], "4 or more failed adequate treatments, ECT included", "met", RULES["vns"]
        ),
    ),
    value_label="Result",
)
