"""TRD definitions: whether one treatment history meets each operational definition of TRD.

Rules from clinical-evidence.md sections 1.1, 1.6, 2.4 and 8.2 (cases D1-D5). Each trial is judged
with the adequacy rules of `trial_adequacy`, so a rule lives in one place. Gaynes 2020, the
FDA/esketamine usage, Thase–Rush stage I and the four-treatment (VNS) threshold print no
thresholds for "adequate" or "failed": they are counted here with the Rybak 2021 rule (at least
4 weeks, below 50 %), so those verdicts are DERIVED and say so. Five rows are definitions of
TRD; two (Thase–Rush stage I, four failed treatments) are thresholds, counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .calculator import Calculator
from .result import Result, row
from .schema import Field, Option, Rule, Source, TableRow
from .sources import HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022
from .trd_definitions_rules import (
    BIPOLAR_TRIALS,
    STAGE_I_TRIALS,
    TRD_TRIALS,
    VNS_TREATMENTS,
    count_trials,
    verdicts_for,
)
from .trial_adequacy import FIELDS as TRIAL_FIELDS
from .trial_adequacy_rules import KIM_AMBIGUITY, KIM_DAYS, RYBAK, SFORZINI, kim_boundary

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    RYBAK_2021,
    SFORZINI_2022,
    Source("gaynes2020", "Gaynes 2020", "Gaynes BN, Lux L, Gartlehner G, et al. Defining "
           "treatment-resistant depression. Depress Anxiety 2020;37(2):134-145.",
           doi="10.1002/da.22968"),
    Source("turkoz_cns", "CNS Spectrums (esketamine)", "Esketamine paper in CNS Spectrums, "
           "introduction, citing Gaynes 2020 (the FDA's own text was not read)."),
    HAGG_2020,
    MEDICALALGORITHMS,
    Source("aaronson2017", "Aaronson 2017", "Aaronson ST, et al. Am J Psychiatry "
           "2017;174(7):640-648 (introduction: APA on VNS after four adequate trials).",
           doi="10.1176/appi.ajp.2017.16010034"),
)  # fmt: skip

# The rule each definition states (the static table), as read in its source.
RULES = {
    "rybak2021": Rule(("rybak2021",), "VERIFIED-P"),
    "sforzini2022": Rule(("sforzini2022",), "VERIFIED-P"),
    "gaynes2020": Rule(("gaynes2020",), "VERIFIED-P"),
    "fda_usage": Rule(("turkoz_cns", "gaynes2020"), "VERIFIED-S"),
    "kim": Rule(("hagg2020",), "VERIFIED-S"),
    "thase_rush_1": Rule(("medicalalgorithms",), "VERIFIED-S"),
    "vns": Rule(("aaronson2017",), "VERIFIED-P"),
}
# The rule behind each verdict: where a definition prints no threshold for a failed adequate
# trial, the verdict is decided with Rybak 2021's (issue 9, item 7), so it is DERIVED.
WITH_RYBAK = ("gaynes2020", "fda_usage", "thase_rush_1", "vns")
VERDICT_RULES = {
    key: Rule((*rule.sources, "rybak2021"), "DERIVED") if key in WITH_RYBAK else rule
    for key, rule in RULES.items()
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
DEFINITION_IDS = tuple(k for k in NAMES if k not in THRESHOLD_ONLY)
VERDICT_LABELS = {
    "trd": "TRD",
    "prd": "Partially responsive depression",
    "not_met": "Not met",
    "not_applicable": "Not applicable",
}

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
        Option("unipolar", "Depression (major depressive disorder)"),
        Option("bipolar", "Bipolar depression"),
    ),
)
ECT = Field(
    name="ect",
    dimension="ect",
    label="A course of ECT without enough response",
    kind="boolean",
    default=False,
    options=(Option(False, "No"), Option(True, "Yes")),
)


@dataclass(frozen=True)
class DefinitionsOutcome:
    """Each definition's and threshold's verdict for one history, in table order."""

    verdicts: tuple[tuple[str, str, str], ...]  # (definition id, verdict id, reason)
    kim_ambiguous: bool  # a trial of exactly 28 days (H10)

    def verdict(self, key: str) -> str:
        return next(v for k, v, _ in self.verdicts if k == key)

    @property
    def definitions_met(self) -> list[str]:
        return [k for k, v, _ in self.verdicts if k in DEFINITION_IDS and v == "trd"]

    @property
    def definitions_applicable(self) -> list[str]:
        return [k for k, v, _ in self.verdicts if k in DEFINITION_IDS and v != "not_applicable"]

    @property
    def thresholds_met(self) -> list[str]:
        return [k for k, v, _ in self.verdicts if k in THRESHOLD_ONLY and v == "trd"]

    def as_json(self) -> dict[str, Any]:
        return {
            "verdicts": [{"definition": k, "verdict": v, "reason": r} for k, v, r in self.verdicts]
        }


def evaluate(values: Mapping[str, Any]) -> DefinitionsOutcome:
    """One verdict per definition and threshold, each with its reason."""
    trials = values["trials"]
    counts = count_trials(trials, ect=values["ect"], bipolar=values["diagnosis"] == "bipolar")
    found = verdicts_for(trials, counts)
    return DefinitionsOutcome(
        tuple((k, *found[k]) for k in NAMES), any(kim_boundary(t["weeks"]) for t in trials)
    )


def verdict_label(key: str, verdict: str) -> str:
    if key in THRESHOLD_ONLY and verdict == "trd":
        return "Met"
    return VERDICT_LABELS[verdict]


def headline(outcome: DefinitionsOutcome) -> str:
    """Definitions and thresholds counted apart (issue 9, item 4)."""
    met, applicable = outcome.definitions_met, outcome.definitions_applicable
    thresholds = len(outcome.thresholds_met)
    return (
        f"{len(met)} of {len(applicable)} applicable definitions call this TRD; "
        f"{thresholds} of {len(THRESHOLD_ONLY)} thresholds met"
    )


def describe(outcome: DefinitionsOutcome) -> Result:
    """Each verdict as a row with its reason; the count of definitions and thresholds apart."""
    rows = tuple(
        row(k, NAMES[k], r, verdict_label(k, v), VERDICT_RULES[k]) for k, v, r in outcome.verdicts
    )
    met, applicable = outcome.definitions_met, outcome.definitions_applicable
    thresholds = [NAMES[k] for k in outcome.thresholds_met]
    warnings = []
    if 0 < len(met) < len(applicable):
        warnings.append(
            "The definitions disagree about this history; each verdict gives its reason."
        )
    if outcome.kim_ambiguous:
        warnings.append(KIM_AMBIGUITY)
    return Result(
        headline=headline(outcome),
        value_label="Verdict",
        rows=rows,
        clinical=(
            "Definitions met: " + (", ".join(NAMES[k] for k in met) or "none") + ". Thresholds "
            "met (not definitions of TRD): " + (", ".join(thresholds) or "none") + ". Trials are "
            "judged with each definition's own length and non-response rule where it has one; "
            "where it has none, with the Rybak 2021 rule (DERIVED)."
        ),
        plain=(
            "Different groups of experts draw the line for 'treatment-resistant' in "
            "different places: after one, two or four treatments, and with different ideas "
            "of how much improvement is enough. This table shows where this history falls "
            "for each of them. It is a way to understand the label, not a diagnosis."
        ),
        warnings=tuple(warnings),
        rules=tuple(VERDICT_RULES.values()),
    )


def _table() -> tuple[TableRow, ...]:
    below, partial = SFORZINI.nonresponse_below, SFORZINI.partial_below
    text = {
        "rybak2021": (
            f"{TRD_TRIALS} failed trials: {RYBAK.length_text}, below {RYBAK.nonresponse_below:g} %",
            "TRD",
        ),
        "sforzini2022": (
            (
                f"{TRD_TRIALS} failed trials below {below:g} %; trials of "
                f"{below:g}-{partial - 1:g} % make partially responsive depression; bipolar "
                "excluded"
            ),
            "TRD / PRD",
        ),
        "gaynes2020": (
            (
                f"Most common: {TRD_TRIALS} failures ({BIPOLAR_TRIALS} in bipolar depression) with "
                "adequate dose and duration; no consensus on thresholds"
            ),
            "TRD",
        ),
        "fda_usage": (
            (
                f"Inadequate response to {TRD_TRIALS} or more oral antidepressants of adequate "
                "dose and duration in the current episode"
            ),
            "TRD",
        ),
        "kim": (
            (
                f"Start of a third trial after {TRD_TRIALS} of more than {KIM_DAYS} days (Panel 1 "
                f"says at least {KIM_DAYS} days)"
            ),
            "TRD",
        ),
        "thase_rush_1": (f"{STAGE_I_TRIALS} failed adequate trial", "stage I (threshold)"),
        "vns": (
            f"{VNS_TREATMENTS} or more failed adequate treatments, ECT included",
            "met (threshold)",
        ),
    }
    return tuple(TableRow(NAMES[k], rule, value, RULES[k]) for k, (rule, value) in text.items())


CALCULATOR = Calculator(
    id="trd_definitions",
    title="TRD definitions side by side",
    version="1.1.0",
    purpose="Does this treatment history meet each definition of treatment-resistant depression?",
    kind="unscored",
    fields=(DIAGNOSIS, TRIALS, ECT),
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=_table(),
    value_label="Result",
)
