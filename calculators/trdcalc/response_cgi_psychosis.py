"""The CGI ratings and the psychosis scales (PANSS, BPRS) of the response calculator, as data.

From clinical-evidence-2.md section E (E1-E3, E9-E13) and clinical-evidence.md 3.2 and 3.4.

CGI (E1): three items and no global total, so no percentage is worked out. The CGI-S rates how
ill someone is now (1-7): it gets a severity band (its anchor) and Riedel 2010's remission at
CGI-S = 1. The CGI-I already rates the change since the start (1-7): it is entered as the
current score alone, and gets Riedel 2010's response at CGI-I <= 2.

PANSS and BPRS items start at 1, so a total never falls below the number of items. The percent
change is worked out after subtracting that minimum (E9, E10), and shown beside the uncorrected
one, because forgetting it can flip a TRRIP "below 20 %" verdict (E19, E21).
"""

from __future__ import annotations

from .response_scales import BandSet, D, P, R, Remission, S, Scale, _bands
from .schema import Rule

CGI_ITEMS = Rule(("psychiatrictimes",), S)  # E1: 1-7, no global total
CGI_S_ANCHORS = Rule(("hypersomniafoundation",), S)  # E2
CGI_I_ANCHORS = Rule(("hypersomniafoundation",), S)  # E3
NO_PERCENT = "no percentage is worked out for the CGI"

CGI_S = Scale(
    "cgi_s", "CGI-S", "Clinical Global Impression, severity", "cgi_s", 1, 7,
    CGI_ITEMS, "one item rated 1-7 against the rater's experience of the same diagnosis",
    1, NO_PERCENT, CGI_ITEMS,
    band_sets=(
        BandSet("cgi_s", "CGI-S anchors",
                _bands(CGI_S_ANCHORS, ("normal", "Normal, not at all ill", 1, 1),
                       ("borderline", "Borderline mentally ill", 2, 2),
                       ("mildly_ill", "Mildly ill", 3, 3),
                       ("moderately_ill", "Moderately ill", 4, 4),
                       ("markedly_ill", "Markedly ill", 5, 5),
                       ("severely_ill", "Severely ill", 6, 6),
                       ("extremely_ill", "Among the most extremely ill patients", 7, 7))),
    ),
    # clinical-evidence.md 3.2: Riedel 2010 used CGI-S = 1 as remission (VERIFIED-P).
    remission=(
        Remission("riedel2010_cgi_s1", "Riedel 2010, CGI-S = 1", Rule(("riedel2010",), P),
                  at_most=1),
    ),
    choice_note="the clinician's severity rating",
)  # fmt: skip

CGI_I = Scale(
    "cgi_i", "CGI-I", "Clinical Global Impression, improvement", "cgi_i", 1, 7,
    CGI_ITEMS, "one item rated 1-7, relative to the start of the treatment",
    1, NO_PERCENT, CGI_ITEMS,
    anchors=_bands(CGI_I_ANCHORS, ("very_much_improved", "Very much improved", 1, 1),
                   ("much_improved", "Much improved", 2, 2),
                   ("minimally_improved", "Minimally improved", 3, 3),
                   ("no_change", "No change", 4, 4),
                   ("minimally_worse", "Minimally worse", 5, 5),
                   ("much_worse", "Much worse", 6, 6),
                   ("very_much_worse", "Very much worse", 7, 7)),
    no_remission=("the CGI-I rates change, not how ill someone is now; Riedel 2010 judged "
                  "remission on the CGI-S (= 1)"),
    choice_note="the clinician's rating of change",
)  # fmt: skip

PSYCHOSIS_NO_REMISSION = "no remission rule for this scale was read for this site"
PSYCHOSIS_NO_BANDS = "no band set was read for this site"

PANSS = Scale(
    "panss", "PANSS", "Positive and Negative Syndrome Scale", "psychosis", 30, 210,
    Rule(("furukawa2015", "obermeier2010"), P), "30 items, each rated 1-7",
    31, "one above the no-symptom minimum of 30: at 30 the corrected percentage would divide by "
    "zero", Rule(("obermeier2010",), D),
    minimum=30, minimum_rule=Rule(("obermeier2010", "leucht2010"), P),
    minimum_note="30 items each rated at least 1: a total of 30 means no symptoms",
    no_remission=PSYCHOSIS_NO_REMISSION, no_bands=PSYCHOSIS_NO_BANDS,
    choice_note="for schizophrenia",
)  # fmt: skip

# E12: the 18-item count is RECALLED and no source read prints "BPRS - 18" (NOT FOUND); the
# subtraction follows the logic of E9-E10 (DERIVED). E10: the BPRS exists in 1-7 and 0-6
# versions, and authors rarely say which; the 0-6 version subtracts nothing.
BPRS_18 = (
    "Not verified against the original: that the BPRS has 18 items is recalled, so its range "
    "and the minimum of 18 subtracted here are too. No source read for this site prints "
    "'BPRS − 18' (NOT FOUND): the subtraction follows the PANSS rule of Leucht 2010 and "
    "Obermeier 2010 (DERIVED)."
)
BPRS = Scale(
    "bprs", "BPRS (1-7)", "Brief Psychiatric Rating Scale, items rated 1-7", "psychosis", 18,
    126, Rule(("leucht2010",), R), "18 items, each rated 1-7; the item count is recalled",
    19, "one above the no-symptom minimum of 18: at 18 the corrected percentage would divide by "
    "zero", Rule(("leucht2010",), D),
    minimum=18, minimum_rule=Rule(("leucht2010",), R),
    minimum_note=("18 items each rated at least 1, a recalled count; no source read prints "
                  "'BPRS − 18'"),
    no_remission=PSYCHOSIS_NO_REMISSION, no_bands=PSYCHOSIS_NO_BANDS,
    choice_note="for schizophrenia", notes=(BPRS_18,),
)  # fmt: skip
BPRS_0_6 = Scale(
    "bprs_0_6", "BPRS (0-6)", "Brief Psychiatric Rating Scale, items rated 0-6", "psychosis", 0,
    108, Rule(("leucht2010",), R), "18 items, each rated 0-6; the item count is recalled",
    1, "a baseline of 0 means no symptoms: the percentage would divide by zero",
    Rule(("leucht2010",), D),
    minimum=0, minimum_rule=Rule(("leucht2010",), D),
    minimum_note="items start at 0, so nothing is subtracted",
    no_remission=PSYCHOSIS_NO_REMISSION, no_bands=PSYCHOSIS_NO_BANDS,
    choice_note="for schizophrenia",
    notes=(("Not verified against the original: that the BPRS has 18 items is recalled, so the "
            "range 0-108 is too. In the 0-6 version nothing is subtracted (Leucht 2010)."),),
)  # fmt: skip

CGI_AND_PSYCHOSIS = (CGI_S, CGI_I, PANSS, BPRS, BPRS_0_6)
CGI_I_NO_CHANGE = 4  # E3: 4 "no change"; above it, worse
CGI_I_RESPONSE = 2  # Riedel 2010: CGI-I <= 2 "much" or "very much improved" (VERIFIED-P)
CGI_I_RULE = Rule(("riedel2010",), P)
SUZUKI_ILL = 4  # Suzuki 2012: CGI-S >= 4 "at least moderately ill" in its TRS definition
SUZUKI_RULE = Rule(("suzuki2012",), P)
TRRIP_NONRESPONSE = 20  # TRRIP: < 20 % symptom reduction over >= 6 weeks (VERIFIED-S)
TRRIP_WEEKS = 6
TRRIP = Rule(("neurobioldis2018", "howes2017"), S)
