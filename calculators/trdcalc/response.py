"""Response, remission and severity on a rating scale: one change from baseline, every convention.

Rules from clinical-evidence.md sections 3.1 (change thresholds), 3.2 (scale ranges, bands and
remission cut-offs), 3.3 (Y-BOCS) and 10 (items 2, 3, 11: the conflicts). Where conventions
disagree (MADRS remission at 4 to 12, HAM-D 17 remission at 6 or 7, non-response below 25 % or
below 50 %, two HAM-D 17 and two MADRS band sets), every side is reported. RECALLED rules (the
Y-BOCS range 0-40, its partial-response band, MADRS <= 12 in the esketamine trials, the 0-7 "none"
label of the Zimmerman HAM-D set) are shown with a visible "not verified" warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .legacy import adapt, row
from .result import sources_used
from .schema import Band, Calculator, Field, InputError, Option, Rule, Source, TableRow
from .sources import RYBAK_2021, SFORZINI_2022

if TYPE_CHECKING:
    from collections.abc import Mapping


def _pubmed(term: str) -> str:
    """A PubMed search link, for papers whose DOI the evidence file does not record."""
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + term.replace(" ", "+")


SOURCES = (
    Source("desseilles2011", "Desseilles 2011",
           "Desseilles M, Witte J, Chang TE, et al. Assessing the adequacy of past antidepressant "
           "trials: a clinician's guide to the Antidepressant Treatment Response Questionnaire. "
           "J Clin Psychiatry 2011;72(8) (ASCP Corner). No DOI recorded; the link searches PubMed.",
           url=_pubmed("Desseilles Antidepressant Treatment Response Questionnaire 2011")),
    RYBAK_2021,
    SFORZINI_2022,
    Source("riedel2010", "Riedel 2010",
           "Riedel M, et al. Response and remission criteria in major depression: a validation of "
           "current practice. J Psychiatr Res 2010;44(15):1063-1068 (abstract read).",
           doi="10.1016/j.jpsychires.2010.03.006"),
    Source("rush2006", "Rush 2006",
           "Rush AJ, Trivedi MH, Wisniewski SR, et al. Acute and longer-term outcomes in depressed "
           "outpatients requiring one or several treatment steps: a STAR*D report. Am J "
           "Psychiatry 2006;163(11):1905-1917.", doi="10.1176/ajp.2006.163.11.1905"),
    Source("zimmerman2013", "Zimmerman 2013",
           "Zimmerman M, et al. Severity classification on the Hamilton Depression Rating Scale. "
           "J Affect Disord 2013;150(2):384-388 (abstract read).",
           doi="10.1016/j.jad.2013.04.028"),
    Source("idsqids", "ids-qids.org",
           "IDS/QIDS website: interpretation page and conversion table between the IDS, QIDS and "
           "HAM-D (after Rush 2003 and Trivedi 2004).",
           url="https://ids-qids.org/interpretation.html"),
    Source("snaith1986", "Snaith 1986",
           "Snaith RP, et al. 1986: MADRS severity bands, read in a secondary text together with "
           "the alternative cut-points 12, 24 and 35; the paper itself was not read. No DOI "
           "recorded; the link searches PubMed.",
           url=_pubmed("Snaith 1986 Montgomery Asberg grade scores")),
    Source("hawley2002", "Hawley 2002",
           "Hawley CJ, Gale TM, Sivakumaran T. A MADRS cut-off for remission. J Affect Disord "
           "2002 (abstract read). No DOI recorded; the link searches PubMed.",
           url=_pubmed("Hawley Gale Sivakumaran 2002 MADRS")),
    Source("zimmerman2004", "Zimmerman 2004",
           "Zimmerman M, et al. MADRS cut-offs for remission. J Clin Psychiatry 2004;65(2):163-168 "
           "(abstract read). No DOI recorded; the link searches PubMed.",
           url=_pubmed("Zimmerman 2004 Montgomery Asberg remission cutoff")),
    Source("cole2020", "Cole 2020",
           "Cole EJ, et al. Stanford Accelerated Intelligent Neuromodulation Therapy (SAINT) for "
           "treatment-resistant depression. Am J Psychiatry 2020 (abstract read).",
           doi="10.1176/appi.ajp.2019.19070720"),
    Source("kroenke2001", "Kroenke 2001",
           "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression "
           "severity measure. J Gen Intern Med 2001;16(9):606-613.",
           doi="10.1046/j.1525-1497.2001.016009606.x"),
    Source("beck1996", "Beck 1996",
           "Beck AT, Steer RA, Brown GK 1996: the Beck Depression Inventory-II. Bands read on a "
           "secondary web page; the manual was not read. No DOI; the link searches PubMed.",
           url=_pubmed("Beck Steer Brown 1996 BDI-II")),
    Source("wiles2013", "Wiles 2013",
           "Wiles N, et al. Cognitive behavioural therapy as an adjunct to pharmacotherapy for "
           "primary care based patients with treatment resistant depression (CoBalT). Lancet "
           "2013;381(9864):375-384.", doi="10.1016/S0140-6736(12)61552-9"),
    Source("farris2013", "Farris 2013",
           "Farris SG, et al. Empirically defining response, remission and wellness on the Y-BOCS. "
           "J Clin Psychiatry 2013;74(7):685-690 (abstract read).", doi="10.4088/JCP.12m07789"),
    Source("storch2011", "Storch 2011",
           "Storch EA, et al. Response and remission on the Y-BOCS in adults with OCD. Psychiatry "
           "Res 2011;185(3):394-401 (abstract read). No DOI recorded; the link searches PubMed.",
           url=_pubmed("Storch 2011 Psychiatry Res Yale-Brown response remission")),
    Source("pallanti2006", "Pallanti 2006",
           "Pallanti S, Quercioli L. Treatment-refractory obsessive-compulsive disorder. Prog "
           "Neuropsychopharmacol Biol Psychiatry 2006;30(3):400-412 (abstract read; thresholds "
           "not read).", doi="10.1016/j.pnpbp.2005.11.028"),
    Source("mataixcols2016", "Mataix-Cols 2016",
           "Mataix-Cols D, et al. Towards an international expert consensus for defining "
           "treatment response, remission, recovery and relapse in OCD. World Psychiatry "
           "2016;15(1):80-81 (definitions paragraph not read).", doi="10.1002/wps.20299"),
)  # fmt: skip

P, S, D, R = "VERIFIED-P", "VERIFIED-S", "DERIVED", "RECALLED"


@dataclass(frozen=True)
class BandSet:
    """One published way of naming score ranges on a scale."""

    id: str
    name: str
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class Remission:
    """One remission convention: a score at or below `at_most`, or a fall of `fall_percent`."""

    id: str
    name: str
    rule: Rule
    at_most: int | None = None
    fall_percent: int | None = None

    def met(self, baseline: int, current: int) -> bool:
        if self.at_most is not None:
            return current <= self.at_most
        return _fell_by(baseline, current, self.fall_percent or 0)

    def text(self) -> str:
        if self.at_most is not None:
            return f"score ≤ {self.at_most}"
        return f"fall of ≥ {self.fall_percent} %"


@dataclass(frozen=True)
class Scale:
    """A rating scale: its range, the lowest baseline worth a percentage, bands and remission."""

    id: str
    label: str
    name: str
    low: int
    high: int
    range_rule: Rule
    range_note: str
    floor: int  # the lowest baseline this calculator turns into a percentage (DERIVED)
    floor_why: str
    floor_rule: Rule
    band_sets: tuple[BandSet, ...]
    remission: tuple[Remission, ...]


def _bands(rule: Rule, *spec: tuple[str, str, int, int]) -> tuple[Band, ...]:
    return tuple(Band(band_id, label, low, high, rule) for band_id, label, low, high in spec)


ZIMMERMAN = Rule(("zimmerman2013",), P)  # 17 separates mild/moderate, 24 moderate/severe
ZIMMERMAN_LOW = Rule(("zimmerman2013",), R)  # the 0-7 "no depression" label is RECALLED
IDSQIDS = Rule(("idsqids",), P)
SNAITH = Rule(("snaith1986",), S)
# The secondary text gives the cut-points 12, 24, 35 only; the names follow Snaith's by analogy.
SNAITH_ALT = Rule(("snaith1986",), D)

# Each scale: id, label, name, range low-high, the range's rule and note, the lowest baseline
# turned into a percentage with why and its rule (DERIVED: a baseline inside the scale's
# no-symptom band has too little to improve on), the band sets, the remission conventions.
SCALES = (
    Scale("hamd17", "HAM-D 17", "Hamilton Depression Rating Scale, 17 items", 0, 52,
          Rule(("idsqids",), D), "9 items scored 0-4 and 8 items 0-2 add up to 52 at most",
          8, "0-7 is 'none' in both HAM-D 17 band sets", Rule(("idsqids",), D),
          (BandSet("zimmerman2013", "Zimmerman 2013",
                   _bands(ZIMMERMAN_LOW, ("none", "No depression", 0, 7),
                          ("mild", "Mild", 8, 16))
                   + _bands(ZIMMERMAN, ("moderate", "Moderate", 17, 23),
                            ("severe", "Severe", 24, 52))),
           BandSet("idsqids", "ids-qids.org equivalence table",
                   _bands(IDSQIDS, ("none", "None", 0, 7), ("mild", "Mild", 8, 13),
                          ("moderate", "Moderate", 14, 19), ("severe", "Severe", 20, 25),
                          ("very_severe", "Very severe", 26, 52)))),
          (Remission("stard_le7", "STAR*D convention, Rush 2006", Rule(("rush2006",), P),
                     at_most=7),
           Remission("riedel2010_le6", "Riedel 2010, ROC-derived", Rule(("riedel2010",), P),
                     at_most=6))),
    Scale("madrs", "MADRS", "Montgomery-Åsberg Depression Rating Scale", 0, 60,
          Rule(("snaith1986",), S), "10 items scored 0-6",
          7, "0-6 is 'absent' in Snaith's bands", Rule(("snaith1986",), D),
          (BandSet("snaith1986", "Snaith 1986",
                   _bands(SNAITH, ("absent", "Absent", 0, 6), ("mild", "Mild", 7, 19),
                          ("moderate", "Moderate", 20, 34), ("severe", "Severe", 35, 60))),
           BandSet("cutpoints_12_24_35", "Alternative cut-points 12, 24, 35",
                   _bands(SNAITH_ALT, ("absent", "Absent", 0, 11), ("mild", "Mild", 12, 23),
                          ("moderate", "Moderate", 24, 34), ("severe", "Severe", 35, 60)))),
          (Remission("zimmerman2004_narrow_le4", "Zimmerman 2004 narrow",
                     Rule(("zimmerman2004",), P), at_most=4),
           Remission("riedel2010_le7", "Riedel 2010, ROC-derived", Rule(("riedel2010",), P),
                     at_most=7),
           Remission("hawley2002_lt9", "Hawley 2002 stricter, below 9", Rule(("hawley2002",), P),
                     at_most=8),
           Remission("hawley2002_lt10", "Hawley 2002 below 10, and Zimmerman 2004 broad",
                     Rule(("hawley2002", "zimmerman2004"), P), at_most=9),
           Remission("saint_lt11", "SAINT trial, below 11, Cole 2020", Rule(("cole2020",), P),
                     at_most=10),
           Remission("esketamine_le12", "Esketamine trials, not verified", Rule((), R),
                     at_most=12))),
    Scale("phq9", "PHQ-9", "Patient Health Questionnaire, 9 items", 0, 27,
          Rule(("kroenke2001",), P), "9 items scored 0-3",
          5, "0-4 is 'minimal', below the mild cut-point of 5", Rule(("kroenke2001",), D),
          (BandSet("kroenke2001", "Kroenke 2001",
                   _bands(Rule(("kroenke2001",), D), ("minimal", "Minimal", 0, 4),
                          ("mild", "Mild", 5, 9), ("moderate", "Moderate", 10, 14),
                          ("moderately_severe", "Moderately severe", 15, 19),
                          ("severe", "Severe", 20, 27))),),
          # "<5 (i.e. <=4) conventional" was read on a secondary web page (AstraMD) whose address
          # the evidence file does not record; it is the range below Kroenke's mild cut-point.
          (Remission("conventional_le4", "Usual convention (AstraMD), below "
                     "Kroenke's mild cut-point", Rule(("kroenke2001",), D), at_most=4),)),
    Scale("qids_sr16", "QIDS-SR16", "Quick Inventory of Depressive Symptomatology, self-report",
          0, 27, Rule(("idsqids",), P), "16 items scored on 9 domains",
          6, "0-5 is 'none'", Rule(("idsqids",), D),
          (BandSet("idsqids", "ids-qids.org",
                   _bands(IDSQIDS, ("none", "None", 0, 5), ("mild", "Mild", 6, 10),
                          ("moderate", "Moderate", 11, 15), ("severe", "Severe", 16, 20),
                          ("very_severe", "Very severe", 21, 27))),),
          (Remission("stard_le5", "STAR*D, Rush 2006", Rule(("rush2006",), P), at_most=5),)),
    Scale("bdi2", "BDI-II", "Beck Depression Inventory-II", 0, 63,
          Rule(("beck1996",), S), "21 items scored 0-3",
          14, "0-13 is 'minimal'; CoBalT also asked for 14 or more to enter",
          Rule(("beck1996", "wiles2013"), D),
          (BandSet("beck1996", "Beck 1996",
                   _bands(Rule(("beck1996",), S), ("minimal", "Minimal", 0, 13),
                          ("mild", "Mild", 14, 19), ("moderate", "Moderate", 20, 28),
                          ("severe", "Severe", 29, 63))),),
          (Remission("riedel2010_le12", "Riedel 2010, for 'the BDI'", Rule(("riedel2010",), P),
                     at_most=12),)),
    Scale("ybocs", "Y-BOCS", "Yale-Brown Obsessive Compulsive Scale (OCD)", 0, 40,
          Rule((), R), "10 items scored 0-4, recalled, not read in a source",
          13, "12 or less is 'wellness' in Farris 2013", Rule(("farris2013",), D),
          (),
          (Remission("farris2013_le14", "Farris 2013, and Storch 2011 research use",
                     Rule(("farris2013", "storch2011"), P), at_most=14),
           Remission("storch2011_clinical_le12", "Storch 2011 clinical use, and Farris "
                     "2013 'wellness'", Rule(("storch2011", "farris2013"), P), at_most=12),
           Remission("storch2011_fall55", "Storch 2011, as a fall from baseline",
                     Rule(("storch2011",), P), fall_percent=55))),
)  # fmt: skip
SCALE_BY_ID = {scale.id: scale for scale in SCALES}

CATEGORY_LABELS = {
    "response": "Response",
    "partial_response": "Partial response",
    "nonresponse": "Non-response",
}
FORMULA = Rule(("desseilles2011",), D)  # (baseline - current) / baseline x 100 (evidence 3.1)
DESSEILLES = Rule(("desseilles2011",), P)  # >= 50 response, 25-49 partial, < 25 non-response
NON_25 = Rule(("desseilles2011", "sforzini2022"), P)
RYBAK = Rule(("rybak2021",), P)  # non-response below 50 %
RIEDEL = Rule(("riedel2010",), P)
RIEDEL_RESPONSE = {"hamd17": 57, "madrs": 46, "bdi2": 47}  # best match to CGI-I <= 2, in percent
RIEDEL_NAMES = {"hamd17": "HAM-D 17", "madrs": "MADRS", "bdi2": "BDI"}
RESPONSE, PARTIAL = 50, 25  # Desseilles 2011 (percent fall)
YBOCS_RESPONSE, YBOCS_RESEARCH = 35, 45  # Farris 2013; Storch 2011 research use
QIDS_RELAPSE = 11  # STAR*D relapse at QIDS-SR16 >= 11 (Rush 2006)
FARRIS = Rule(("farris2013",), P)  # Y-BOCS response >= 35 %
STORCH_RESEARCH = Rule(("storch2011",), P)  # Y-BOCS response 45 % (research)
YBOCS_PARTIAL = Rule(("pallanti2006", "mataixcols2016"), R)  # 25 to < 35 %; < 25 % non-response
STARD_RELAPSE = Rule(("rush2006",), P)
NO_BANDS = Rule((), "NOT FOUND")  # no Y-BOCS severity bands in the evidence file


def _option(scale: Scale) -> Option:
    """A scale as a choice; the Y-BOCS range is RECALLED, so its label says so."""
    if scale.range_rule.verified:
        return Option(scale.id, f"{scale.label} ({scale.low}-{scale.high})", 0, scale.range_rule)
    label = f"{scale.label}, for OCD ({scale.low}-{scale.high}, range not verified)"
    return Option(scale.id, label, 0, FARRIS)  # the scale Farris 2013 used


FIELDS = (
    Field(name="scale", dimension="scale", label="Rating scale", kind="choice",
          options=tuple(_option(scale) for scale in SCALES),
          help_title="Which scales, and why Y-BOCS?",
          help=("Five depression scales, and the Y-BOCS for obsessive-compulsive disorder, which "
                "has its own response thresholds. Use the same scale at both times.")),
    Field(name="baseline", dimension="baseline", label="Score at the start (baseline)",
          kind="integer", unit="points", minimum=0, maximum=63,
          help_title="What range does each scale allow?",
          help=("HAM-D 17 0-52, MADRS 0-60, PHQ-9 0-27, QIDS-SR16 0-27, BDI-II 0-63, Y-BOCS 0-40 "
                "(not verified). A percentage needs a baseline above the scale's no-symptom "
                "range: at least 8 on the HAM-D 17, 7 on the MADRS, 5 on the PHQ-9, 6 on the "
                "QIDS-SR16, 14 on the BDI-II and 13 on the Y-BOCS.")),
    Field(name="current", dimension="current", label="Score now (current)", kind="integer",
          unit="points", minimum=0, maximum=63,
          help_title="Which score counts as 'now'?",
          help=("The most recent rating on the same scale. Definitions of response and "
                "remission usually ask that it has lasted; a single low score is a snapshot.")),
)  # fmt: skip


def _fell_by(baseline: int, current: int, percent: float) -> bool:
    """Exact integer test of (baseline - current) / baseline * 100 >= percent (no rounding)."""
    return 100 * (baseline - current) >= percent * baseline


def _check(scale: Scale, baseline: int, current: int) -> None:
    """InputError at the field for scores outside the scale, or a baseline too low for a ratio."""
    span = f"from {scale.low} to {scale.high}"
    unverified = " (a range not verified against the original)" if scale.id == "ybocs" else ""
    for name, value, label in (("baseline", baseline, "Baseline"), ("current", current, "Current")):
        if not scale.low <= value <= scale.high:
            raise InputError(
                name,
                f"{label} score: the {scale.label} runs {span}{unverified}; "
                f"{value} is outside it. Enter a whole number {span}.",
            )
        if name == "baseline" and baseline < scale.floor:
            raise InputError(name, _floor_message(scale, baseline))


def _floor_message(scale: Scale, baseline: int) -> str:
    if baseline == 0:
        return (
            f"Baseline score: a baseline of 0 gives no percentage (it would divide by zero). "
            f"On the {scale.label} enter a baseline of at least {scale.floor} ({scale.floor_why})."
        )
    return (
        f"Baseline score: a {scale.label} baseline of {baseline} is too low for a percentage to "
        f"mean much ({scale.floor_why}). Enter a baseline of at least {scale.floor}."
    )


def categorise(scale_id: str, baseline: int, current: int) -> dict[str, str]:
    """The change category under each convention, the site plan's `category` first."""
    if scale_id == "ybocs":
        three_way = (
            "response"
            if _fell_by(baseline, current, YBOCS_RESPONSE)
            else "partial_response"
            if _fell_by(baseline, current, PARTIAL)
            else "nonresponse"
        )
        research = "response" if _fell_by(baseline, current, YBOCS_RESEARCH) else "nonresponse"
        return {"pallanti2006": three_way, "storch2011_research": research}
    three_way = (
        "response"
        if _fell_by(baseline, current, RESPONSE)
        else "partial_response"
        if _fell_by(baseline, current, PARTIAL)
        else "nonresponse"
    )
    return {
        "desseilles2011": three_way,
        "rybak2021": "response" if three_way == "response" else "nonresponse",
    }


CATEGORY_ROWS = {
    "desseilles2011": ("Desseilles 2011", "≥ 50 % response; 25-49 % partial; < 25 % non", NON_25),
    "rybak2021": ("Canadian consensus (Rybak 2021)", "≥ 50 % response; < 50 % non", RYBAK),
    "pallanti2006": ("Y-BOCS change category",
                     ("≥ 35 % response (Farris 2013); 25 to < 35 % partial, < 25 % non "
                      "(not verified: Pallanti 2006)"), YBOCS_PARTIAL),
    "storch2011_research": ("Y-BOCS, research use (Storch 2011)", "≥ 45 % response",
                            STORCH_RESEARCH),
}  # fmt: skip


def _category_rule(key: str, category: str) -> Rule:
    """The rule behind one verdict, which can be narrower than the row's whole rule set.

    The Y-BOCS response line is verified (Farris 2013), only the split below it is RECALLED; the
    < 25 % line is shared by Desseilles 2011 and Sforzini 2022.
    """
    if key == "pallanti2006" and category == "response":
        return FARRIS
    if key == "desseilles2011" and category != "nonresponse":
        return DESSEILLES
    return CATEGORY_ROWS[key][2]


@dataclass(frozen=True)
class Reading:
    """What one pair of scores gives on one scale, before it is put into words."""

    scale: Scale
    baseline: int
    current: int
    percent: float
    categories: dict[str, str]
    bands: dict[str, Band]
    remission: dict[str, bool]

    @property
    def category(self) -> str:
        return next(iter(self.categories.values()))

    def fell_by(self, percent: float) -> bool:
        return _fell_by(self.baseline, self.current, percent)


def read(scale: Scale, baseline: int, current: int) -> Reading:
    """Score one valid pair: exact integer comparisons, the percentage rounded for display only."""
    return Reading(
        scale=scale,
        baseline=baseline,
        current=current,
        percent=round(100 * (baseline - current) / baseline, 1),
        categories=categorise(scale.id, baseline, current),
        bands={s.id: next(b for b in s.bands if b.holds(current)) for s in scale.band_sets},
        remission={r.id: r.met(baseline, current) for r in scale.remission},
    )


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """Percent improvement, category, severity band(s) and remission under every convention."""
    scale = SCALE_BY_ID[values["scale"]]
    _check(scale, values["baseline"], values["current"])
    found = read(scale, values["baseline"], values["current"])
    details, rules = _details(found)
    bands = found.bands
    severity = (
        {key: band.id for key, band in bands.items()}
        if len(bands) > 1
        else next((band.id for band in bands.values()), None)
    )
    met, total = sum(found.remission.values()), len(found.remission)
    change = (
        f"{found.percent:.1f} % better" if found.percent >= 0 else f"{-found.percent:.1f} % worse"
    )
    return {
        "scale": scale.id,
        "scale_range": [scale.low, scale.high],
        "percent_improvement": found.percent,
        "category": found.category,
        "categories": found.categories,
        "severity_band": severity,
        "remission": found.remission,
        "headline": (
            f"{scale.label} {found.baseline} → {found.current}: {change}, "
            f"{CATEGORY_LABELS[found.category].lower()}; remission under {met} of {total} "
            f"convention{'s' if total > 1 else ''}"
        ),
        "value_label": "Result",
        "details": details,
        "interpretation": _interpretation(found),
        "sources": sources_used(CALCULATOR, rules),
        "warnings": _warnings(found),
        "disagreements": _disagreements(found),
    }


def _details(found: Reading) -> tuple[list[dict[str, Any]], list[Rule]]:
    """The breakdown rows, and every rule they used (for the source list)."""
    scale, baseline, current = found.scale, found.baseline, found.current
    rows = [
        row("percent_improvement", "Percent improvement",
            f"({baseline} − {current}) ÷ {baseline} × 100", f"{found.percent:.1f} %", FORMULA),
    ]  # fmt: skip
    for key, category in found.categories.items():
        label, answer, _ = CATEGORY_ROWS[key]
        rows.append(row(f"category_{key}", label, answer, CATEGORY_LABELS[category],
                        _category_rule(key, category)))  # fmt: skip
    for band_set in scale.band_sets:
        band = found.bands[band_set.id]
        rows.append(row(f"band_{band_set.id}", f"Severity band: {band_set.name}",
                        f"{band.low}-{band.high}", band.label, band.rule))  # fmt: skip
    if not scale.band_sets:
        rows.append(row("band", "Severity band", "no band set was read for this site", "none",
                        NO_BANDS))  # fmt: skip
    for convention in scale.remission:
        met = found.remission[convention.id]
        rows.append(row(f"remission_{convention.id}", f"Remission: {convention.name}",
                        convention.text(), "remission" if met else "no remission",
                        convention.rule))  # fmt: skip
    if scale.id == "qids_sr16":
        relapse = "at or above" if current >= QIDS_RELAPSE else "below"
        rows.append(row("stard_relapse", "STAR*D relapse line (after a remission)",
                        f"score ≥ {QIDS_RELAPSE}", relapse, STARD_RELAPSE))  # fmt: skip
    rules = [Rule(tuple(r["sources"]), r["confidence"]) for r in rows]
    if scale.id in RIEDEL_RESPONSE:
        rules.append(RIEDEL)
    return rows, rules


def _warnings(found: Reading) -> list[str]:
    """The visible "not verified" notes for every RECALLED rule this result shows."""
    notes = []
    if found.scale.id == "ybocs":
        notes.append(
            "Not verified against the original: the Y-BOCS range 0-40 (10 items scored 0-4) is "
            "recalled, not read in a source for this site."
        )
        if found.category != "response":
            notes.append(
                "Not verified against the original: the Y-BOCS partial-response band (a fall of "
                "25 % to under 35 %) and non-response below 25 % are recalled (Pallanti 2006; "
                "Mataix-Cols 2016 consensus). What is verified is that a fall below 35 % is not a "
                "response (Farris 2013)."
            )
    if found.scale.id == "madrs":
        notes.append(
            "Not verified against the original: remission at a MADRS of 12 or less in the "
            "esketamine trials is recalled, not read in the trial reports. It is shown only so "
            "that the disagreement is visible."
        )
    if any(not band.rule.verified for band in found.bands.values()):
        notes.append(
            "Not verified against the original: in the Zimmerman 2013 HAM-D set only the "
            "boundaries 17 (mild/moderate) and 24 (moderate/severe) were read; the split between "
            "'no depression' (0-7) and 'mild' (8-16) is a recalled convention."
        )
    if found.percent < 0:
        notes.append(
            f"The score is higher than at baseline: symptoms are {-found.percent:.1f} % worse on "
            "this scale. A rising score is worth raising with a clinician."
        )
    return notes


def _disagreements(found: Reading) -> list[str]:
    """Plain sentences on where the conventions give different answers for these scores."""
    scale, categories = found.scale, found.categories
    notes = []
    if categories.get("desseilles2011") == "partial_response":
        notes.append(
            f"A fall of {found.percent:.1f} % is a partial response under Desseilles 2011 "
            "(25-49 %), but non-response under the Canadian consensus, which counts anything "
            "below 50 % (Rybak 2021)."
        )
    cut = RIEDEL_RESPONSE.get(scale.id)
    if (
        cut is not None
        and found.fell_by(min(RESPONSE, cut))
        and not found.fell_by(max(RESPONSE, cut))
    ):
        side = "reaches" if found.fell_by(RESPONSE) else "misses"
        notes.append(
            f"The fall {side} the usual 50 % line, while Riedel 2010 found that a fall of {cut} % "
            f"on the {RIEDEL_NAMES[scale.id]} best matched a clinician's rating of 'much improved'."
        )
    if categories.get("pallanti2006") == "response" != categories["storch2011_research"]:
        notes.append(
            f"A fall of {found.percent:.1f} % is a response at 35 % (Farris 2013; Storch 2011, "
            "clinical use) but not at the 45 % that Storch 2011 proposes for research."
        )
    if len({band.id for band in found.bands.values()}) > 1:
        named = "; ".join(f"{s.name}: {found.bands[s.id].label.lower()}" for s in scale.band_sets)
        notes.append(f"The {scale.label} band sets name this score differently ({named}).")
    if len(set(found.remission.values())) > 1:
        met = [f"{r.name} ({r.text()})" for r in scale.remission if found.remission[r.id]]
        not_met = [f"{r.name} ({r.text()})" for r in scale.remission if not found.remission[r.id]]
        notes.append(
            f"Remission depends on the convention. Yes: {'; '.join(met)}. No: {'; '.join(not_met)}."
        )
    return notes


def _interpretation(found: Reading) -> dict[str, str]:
    scale, percent, category = found.scale, found.percent, found.category
    band_text = (
        "; ".join(f"{s.name} {found.bands[s.id].label.lower()}" for s in scale.band_sets)
        or "no severity band set read for this site"
    )
    met, total = sum(found.remission.values()), len(found.remission)
    if scale.id == "ybocs":
        rule = "≥ 35 % response after Farris 2013; 25 to < 35 % partial, not verified"
    else:
        rule = "≥ 50 % response, 25-49 % partial, < 25 % non-response, after Desseilles 2011"
    clinical = (
        f"{scale.label}: percent improvement {percent:.1f} % ({rule}): "
        f"{CATEGORY_LABELS[category].lower()}. Current score band: {band_text}. Remission under "
        f"{met} of {total} convention(s) listed."
    )
    if met == total:
        where = "low enough to count as remission under every convention listed"
    elif met:
        where = "low enough to count as remission under some conventions but not others"
    else:
        where = "not yet low enough to count as remission under any convention listed"
    change = f"{abs(percent):.1f} % {'lower' if percent >= 0 else 'higher'} than at the start"
    plain = (
        f"The score is {change}. By the usual rule that counts as "
        f"{CATEGORY_LABELS[category].lower()}. The score now is {where}. Response is about how "
        "much the score has fallen; remission is about how low it is now, so a person can respond "
        "without being in remission. Different studies draw these lines in different places. "
        "This is not a diagnosis: bring the numbers to a clinician if they raise questions."
    )
    return {"clinical": clinical, "plain": plain}


def _table() -> tuple[TableRow, ...]:
    change = "Change from baseline (depression scales)"
    ocd = "Change from baseline (Y-BOCS)"
    rows = [
        TableRow(change, "Percent improvement", "(baseline − current) ÷ baseline × 100", FORMULA),
        TableRow(change, "Response", "fall of 50 % or more", DESSEILLES),
        TableRow(change, "Partial response", "fall of 25 % to 49 %", DESSEILLES),
        TableRow(change, "Non-response", "fall of less than 25 %", NON_25),
        TableRow(change, "Non-response, Canadian consensus", "fall of less than 50 %", RYBAK),
        TableRow(change, "Falls that best matched CGI-I ≤ 2 'much improved'",
                 "HAM-D 17 57 %; MADRS 46 %; BDI 47 %", RIEDEL),
        TableRow(ocd, "Response", "fall of 35 % or more", FARRIS),
        TableRow(ocd, "Response, research use", "fall of 45 % or more", STORCH_RESEARCH),
        TableRow(ocd, "Partial response", "fall of 25 % to under 35 %", YBOCS_PARTIAL),
        TableRow(ocd, "Non-response", "fall of less than 25 %", YBOCS_PARTIAL),
    ]  # fmt: skip
    for scale in SCALES:
        group = scale.label
        rows.append(TableRow(group, "Range", f"{scale.low}-{scale.high} ({scale.range_note})",
                             scale.range_rule))  # fmt: skip
        rows.append(TableRow(group, "Lowest baseline for a percentage",
                             f"{scale.floor} ({scale.floor_why})", scale.floor_rule))  # fmt: skip
        for band_set in scale.band_sets:
            runs: list[list[Band]] = []
            for band in band_set.bands:
                if runs and runs[-1][-1].rule == band.rule:
                    runs[-1].append(band)
                else:
                    runs.append([band])
            for run in runs:
                text = "; ".join(f"{b.low}-{b.high} {b.label.lower()}" for b in run)
                rows.append(TableRow(group, f"Bands: {band_set.name}", text, run[0].rule))
        if not scale.band_sets:
            rows.append(TableRow(group, "Bands", "none read for this site", NO_BANDS))
        rows.extend(
            TableRow(group, f"Remission: {r.name}", r.text(), r.rule) for r in scale.remission
        )
        if scale.id == "qids_sr16":
            rows.append(TableRow(group, "STAR*D relapse line (after a remission)",
                                 f"score ≥ {QIDS_RELAPSE}", STARD_RELAPSE))  # fmt: skip
    return tuple(rows)


EVALUATE, DESCRIBE = adapt(compute)

CALCULATOR = Calculator(
    id="response",
    title="Response and remission on a rating scale",
    version="1.0.0",
    purpose="How much has a rating-scale score changed, and what does each convention call it?",
    fields=FIELDS,
    sources=SOURCES,
    kind="unscored",
    evaluate=EVALUATE,
    describe=DESCRIBE,
    table=_table(),
    value_label="Rule",
)
