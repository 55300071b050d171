"""The depression and OCD scales of the response calculator, as data: ranges, bands, remission.

Each number sits beside the rule it comes from (the sources and confidence labels of
clinical-evidence.md sections 3.1-3.3 and 10, and clinical-evidence-2.md E14 for the HAM-D 21
and 24); the citations themselves are in `response_sources.py`, and the rules that use these
numbers in `response_rules.py`. The CGI and the psychosis scales are in
`response_cgi_psychosis.py`.
Each scale also names the lowest baseline the calculator turns into a percentage (DERIVED: a
baseline inside the scale's no-symptom band has too little to improve on).
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Band, Rule

P, S, D, R = "VERIFIED-P", "VERIFIED-S", "DERIVED", "RECALLED"
NOT_FOUND = "NOT FOUND"


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
    note: str = ""  # the visible warning a convention that is not verified for this scale needs

    def text(self) -> str:
        if self.at_most is not None:
            return f"score ≤ {self.at_most}"
        return f"fall of ≥ {self.fall_percent} %"


@dataclass(frozen=True)
class Scale:
    """A rating scale: its range, the lowest baseline worth a percentage, bands and remission.

    `family` says which rules apply: "depression" (50 % / 25 %), "ocd" (Y-BOCS lines),
    "psychosis" (the scale's minimum subtracted, TRRIP's 20 %), "cgi_s" or "cgi_i" (a rating,
    no percentage). `riedel_response` is the fall that best matched a CGI-I of 2 or less in
    Riedel 2010, where that paper reports one for this scale; `relapse_at` a relapse line after
    a remission. `minimum` is the no-symptom total a psychosis scale subtracts, with its rule.
    `no_remission` and `no_bands` say why a scale has none (nothing is borrowed from another).
    """

    id: str
    label: str
    name: str
    family: str
    low: int
    high: int
    range_rule: Rule
    range_note: str
    floor: int
    floor_why: str
    floor_rule: Rule
    band_sets: tuple[BandSet, ...] = ()
    remission: tuple[Remission, ...] = ()
    riedel_response: int | None = None
    riedel_name: str = ""
    relapse_at: int | None = None
    choice_note: str = ""  # after the label in the form's choice ("for OCD")
    minimum: int = 0
    minimum_rule: Rule | None = None
    minimum_note: str = ""
    anchors: tuple[Band, ...] = ()  # CGI-I: the wording of each point (not a severity band)
    no_remission: str = ""
    no_bands: str = "no band set was read for this site"
    notes: tuple[str, ...] = ()  # visible warnings for rules of this scale not verified


def _bands(rule: Rule, *spec: tuple[str, str, int, int]) -> tuple[Band, ...]:
    return tuple(Band(band_id, label, low, high, rule) for band_id, label, low, high in spec)


ZIMMERMAN = Rule(("zimmerman2013",), P)  # 17 separates mild/moderate, 24 moderate/severe
ZIMMERMAN_LOW = Rule(("zimmerman2013",), R)  # the 0-7 "no depression" label is RECALLED
IDSQIDS = Rule(("idsqids",), P)
SNAITH = Rule(("snaith1986",), S)
# The secondary text gives the cut-points 12, 24, 35 only; the names follow Snaith's by analogy.
SNAITH_ALT = Rule(("snaith1986",), D)
STARD_RELAPSE = Rule(("rush2006",), P)  # QIDS-SR16 >= 11 after a remission (Rush 2006)
RIEDEL_BDI = "BDI (version not stated)"  # H11: Riedel 2010 names "the BDI" only

HAMD17 = Scale(
    "hamd17", "HAM-D 17", "Hamilton Depression Rating Scale, 17 items", "depression", 0, 52,
    Rule(("idsqids",), D), "9 items scored 0-4 and 8 items 0-2 add up to 52 at most",
    8, "0-7 is 'none' in both HAM-D 17 band sets", Rule(("idsqids",), D),
    band_sets=(
        BandSet("zimmerman2013", "Zimmerman 2013",
                _bands(ZIMMERMAN_LOW, ("none", "No depression", 0, 7), ("mild", "Mild", 8, 16))
                + _bands(ZIMMERMAN, ("moderate", "Moderate", 17, 23),
                         ("severe", "Severe", 24, 52))),
        BandSet("idsqids", "ids-qids.org equivalence table",
                _bands(IDSQIDS, ("none", "None", 0, 7), ("mild", "Mild", 8, 13),
                       ("moderate", "Moderate", 14, 19), ("severe", "Severe", 20, 25),
                       ("very_severe", "Very severe", 26, 52))),
    ),
    remission=(
        Remission("stard_le7", "STAR*D convention, Rush 2006", Rule(("rush2006",), P),
                  at_most=7),
        Remission("riedel2010_le6", "Riedel 2010, ROC-derived", Rule(("riedel2010",), P),
                  at_most=6),
    ),
    riedel_response=57, riedel_name="HAM-D 17",
)  # fmt: skip

MADRS = Scale(
    "madrs", "MADRS", "Montgomery-Åsberg Depression Rating Scale", "depression", 0, 60,
    Rule(("snaith1986",), S), "10 items scored 0-6",
    7, "0-6 is 'absent' in Snaith's bands", Rule(("snaith1986",), D),
    band_sets=(
        BandSet("snaith1986", "Snaith 1986",
                _bands(SNAITH, ("absent", "Absent", 0, 6), ("mild", "Mild", 7, 19),
                       ("moderate", "Moderate", 20, 34), ("severe", "Severe", 35, 60))),
        BandSet("cutpoints_12_24_35", "Alternative cut-points 12, 24, 35",
                _bands(SNAITH_ALT, ("absent", "Absent", 0, 11), ("mild", "Mild", 12, 23),
                       ("moderate", "Moderate", 24, 34), ("severe", "Severe", 35, 60))),
    ),
    remission=(
        Remission("zimmerman2004_narrow_le4", "Zimmerman 2004 narrow",
                  Rule(("zimmerman2004",), P), at_most=4),
        Remission("riedel2010_le7", "Riedel 2010, ROC-derived", Rule(("riedel2010",), P),
                  at_most=7),
        Remission("hawley2002_lt9", "Hawley 2002 stricter, below 9", Rule(("hawley2002",), P),
                  at_most=8),
        Remission("hawley2002_lt10", "Hawley 2002 below 10, and Zimmerman 2004 broad",
                  Rule(("hawley2002", "zimmerman2004"), P), at_most=9),
        Remission("saint_lt11", "SAINT trial, below 11, Cole 2020", Rule(("cole2020",), P),
                  at_most=10),
        # A2.6 and H16: read in the TRANSFORM analyses' Table 2 footnote (no longer RECALLED).
        Remission("esketamine_le12", "Esketamine, TRANSFORM analyses",
                  Rule(("clinpharmacolther2020",), P), at_most=12),
    ),
    riedel_response=46, riedel_name="MADRS",
)  # fmt: skip

# E14 (VERIFIED-P): the ids-qids.org table's HAM-D 21 and 24 bands. E15 (which items the two
# versions add) is RECALLED, so the ranges are the top of that table, not a sum of item maxima.
HAMD21 = Scale(
    "hamd21", "HAM-D 21", "Hamilton Depression Rating Scale, 21 items", "depression", 0, 64,
    IDSQIDS, "the top of the ids-qids.org equivalence table; the 4 added items were not read",
    9, "0-8 is 'none' in the ids-qids.org table", Rule(("idsqids",), D),
    band_sets=(
        BandSet("idsqids", "ids-qids.org equivalence table",
                _bands(IDSQIDS, ("none", "None", 0, 8), ("mild", "Mild", 9, 15),
                       ("moderate", "Moderate", 16, 22), ("severe", "Severe", 23, 28),
                       ("very_severe", "Very severe", 29, 64))),
    ),
    # Riedel 2010 rated the HAM-D 21 itself: remission <= 7, and a 47 % fall matched CGI-I <= 2.
    remission=(
        Remission("riedel2010_le7", "Riedel 2010, ROC-derived", Rule(("riedel2010",), P),
                  at_most=7),
    ),
    riedel_response=47, riedel_name="HAM-D 21",
)  # fmt: skip

HAMD24 = Scale(
    "hamd24", "HAM-D 24", "Hamilton Depression Rating Scale, 24 items", "depression", 0, 75,
    IDSQIDS, "the top of the ids-qids.org equivalence table; the 7 added items were not read",
    10, "0-9 is 'none' in the ids-qids.org table", Rule(("idsqids",), D),
    band_sets=(
        BandSet("idsqids", "ids-qids.org equivalence table",
                _bands(IDSQIDS, ("none", "None", 0, 9), ("mild", "Mild", 10, 18),
                       ("moderate", "Moderate", 19, 26), ("severe", "Severe", 27, 34),
                       ("very_severe", "Very severe", 35, 75))),
    ),
    no_remission=("no remission cut-off for the HAM-D 24 was read for this site; the HAM-D 17's "
                  "and HAM-D 21's are not borrowed"),
)  # fmt: skip

PHQ9 = Scale(
    "phq9", "PHQ-9", "Patient Health Questionnaire, 9 items", "depression", 0, 27,
    Rule(("kroenke2001",), P), "9 items scored 0-3",
    5, "0-4 is 'minimal', below the mild cut-point of 5", Rule(("kroenke2001",), D),
    band_sets=(
        BandSet("kroenke2001", "Kroenke 2001",
                _bands(Rule(("kroenke2001",), D), ("minimal", "Minimal", 0, 4),
                       ("mild", "Mild", 5, 9), ("moderate", "Moderate", 10, 14),
                       ("moderately_severe", "Moderately severe", 15, 19),
                       ("severe", "Severe", 20, 27))),
    ),
    # "<5 (i.e. <=4) conventional" was read on a secondary web page (AstraMD) whose address the
    # evidence file does not record; it is the range below Kroenke's mild cut-point.
    remission=(
        Remission("conventional_le4", "Usual convention (AstraMD), below Kroenke's mild "
                  "cut-point", Rule(("kroenke2001",), D), at_most=4),
    ),
)  # fmt: skip

QIDS_SR16 = Scale(
    "qids_sr16", "QIDS-SR16", "Quick Inventory of Depressive Symptomatology, self-report",
    "depression", 0, 27, Rule(("idsqids",), P), "16 items scored on 9 domains",
    6, "0-5 is 'none'", Rule(("idsqids",), D),
    band_sets=(
        BandSet("idsqids", "ids-qids.org",
                _bands(IDSQIDS, ("none", "None", 0, 5), ("mild", "Mild", 6, 10),
                       ("moderate", "Moderate", 11, 15), ("severe", "Severe", 16, 20),
                       ("very_severe", "Very severe", 21, 27))),
    ),
    remission=(
        Remission("stard_le5", "STAR*D, Rush 2006", Rule(("rush2006",), P), at_most=5),
    ),
    relapse_at=11,
)  # fmt: skip

BDI2 = Scale(
    "bdi2", "BDI-II", "Beck Depression Inventory-II", "depression", 0, 63,
    Rule(("beck1996",), S), "21 items scored 0-3",
    14, "0-13 is 'minimal'; CoBalT also asked for 14 or more to enter",
    Rule(("beck1996", "wiles2013"), D),
    band_sets=(
        BandSet("beck1996", "Beck 1996",
                _bands(Rule(("beck1996",), S), ("minimal", "Minimal", 0, 13),
                       ("mild", "Mild", 14, 19), ("moderate", "Moderate", 20, 28),
                       ("severe", "Severe", 29, 63))),
    ),
    remission=(
        # H11: the abstract says "BDI cut-off <=12" and does not name the version, so applying
        # it to the BDI-II is NOT FOUND, and the row says so.
        Remission("riedel2010_le12", f"Riedel 2010, {RIEDEL_BDI}",
                  Rule(("riedel2010",), NOT_FOUND), at_most=12,
                  note=("Not verified against the original: Riedel 2010's abstract gives a "
                        "remission cut-off of 12 or less for 'the BDI' and does not say whether "
                        "it was the BDI-I or the BDI-II (version not stated). It is shown beside "
                        "this BDI-II score so that the two can be compared, not as a verified "
                        "BDI-II rule.")),
    ),
    riedel_response=47, riedel_name=RIEDEL_BDI,
)  # fmt: skip

YBOCS = Scale(
    "ybocs", "Y-BOCS", "Yale-Brown Obsessive Compulsive Scale (OCD)", "ocd", 0, 40,
    Rule((), R), "10 items scored 0-4, recalled, not read in a source",
    13, "12 or less is 'wellness' in Farris 2013", Rule(("farris2013",), D),
    choice_note="for OCD",
    remission=(
        Remission("farris2013_le14", "Farris 2013, and Storch 2011 research use",
                  Rule(("farris2013", "storch2011"), P), at_most=14),
        Remission("storch2011_clinical_le12", "Storch 2011 clinical use, and Farris 2013 "
                  "'wellness'", Rule(("storch2011", "farris2013"), P), at_most=12),
        Remission("storch2011_fall55", "Storch 2011, as a fall from baseline",
                  Rule(("storch2011",), P), fall_percent=55),
    ),
)  # fmt: skip

DEPRESSION_AND_OCD = (HAMD17, MADRS, PHQ9, QIDS_SR16, BDI2, YBOCS, HAMD21, HAMD24)
