"""What the STAR*D calculator cites: its sources, the published figures and its rules table.

clinical-evidence.md 5.1 (Rush 2006 abstract, VERIFIED-P: the step rates and QIDS-SR16 <= 5),
5.2 (Pigott 2023's 35 % and the 941 exclusions, as quoted in the original investigators' reply,
VERIFIED-P) and 8.1 B (the product rule, DERIVED). The 67 % follows clinical-evidence-2.md H1 and
H2: the abstract says "The overall cumulative remission rate was 67%" with no caveat (VERIFIED-P,
as reported in the abstract); "theoretical" is the word of Pigott 2015 (Figure 1 legend) and
Bandolier ("theoretical maximum"), VERIFIED-S; whether the body of Rush 2006 states the
no-drop-out assumption was not read (NOT FOUND). No source read gives STAR*D's per-step drop-out
(NOT FOUND).
"""

from __future__ import annotations

from .schema import Rule, Source, TableRow
from .sources import RUSH_2006
from .stard_steps import exact, product_rule, rounded

SOURCES = (
    RUSH_2006,
    Source(
        "bandolier",
        "Bandolier",
        "Bandolier. Summary of the STAR*D study (calls 67 % a theoretical maximum).",
        url="https://bandolier.org.uk/booth/mental/StarD.html",
    ),
    Source(
        "pigott2015",
        "Pigott 2015",
        "Pigott HE. Can J Psychiatry 2015;60(1):9-13, Figure 1 legend (read in a PubMed "
        "mirror): 'Comparison between predicted, theoretical, and actual step-by-step success "
        "rates', the cumulative figure 'calculated by STAR*D's authors in the summary article'.",
        doi="10.1177/070674371506000104",
    ),
    Source(
        "pigott2023",
        "Pigott 2023",
        "Pigott HE, Kim T, Xu C, Kirsch I, Amsterdam J. What are the treatment remission, "
        "response and extent of improvement rates after up to four trials of antidepressant "
        "therapies in real-world depressed patients? A reanalysis of the STAR*D study's "
        "patient-level data with fidelity to the original research protocol. BMJ Open "
        "2023;13(7):e063095 (abstract read in part).",
        doi="10.1136/bmjopen-2022-063095",
    ),
    Source(
        "stardreply",
        "STAR*D investigators' reply",
        "Reply of the original STAR*D investigators to Pigott et al. Am J Psychiatry (opening "
        "of the letter read; signatories not shown in the page read).",
        doi="10.1176/appi.ajp.20230869",
    ),
)

ABSTRACT = Rule(("rush2006",), "VERIFIED-P")  # step rates, QIDS-SR16 <= 5, "was 67%" (H1)
PRODUCT = Rule(("rush2006",), "DERIVED")  # 8.1 B: 1 - 0.632 x 0.694 x 0.863 x 0.870 = 0.67
THEORETICAL = Rule(("pigott2015", "bandolier"), "VERIFIED-S")  # H2: "theoretical (maximum)"
FULL_TEXT = Rule(("rush2006",), "NOT FOUND")  # H2: the paper's body was not read
REANALYSIS = Rule(("pigott2023", "stardreply"), "VERIFIED-P")  # 35 %, as quoted in the reply
EXCLUSIONS = Rule(("stardreply",), "VERIFIED-P")  # 941 = 561 + 297 + 80 + 3
NO_DROPOUT_DATA = Rule(("rush2006",), "NOT FOUND")  # no per-step drop-out share in sources read

STARD_RATES = (36.8, 30.6, 13.7, 13.0)  # Rush 2006 abstract, QIDS-SR16 <= 5 (VERIFIED-P)
QIDS_REMISSION = 5  # QIDS-SR16 score at or below which STAR*D counted remission (Rush 2006)
STARD_REPORTED = 67  # percent, "overall cumulative remission rate" (Rush 2006 abstract, H1)
PIGOTT_REPORTED = 35  # percent, protocol HRSD (Pigott 2023 as quoted in the reply, VERIFIED-P)
EXCLUDED_BY_LEVEL = (561, 297, 80, 3)  # patients the reanalysis left out, levels 1-4 (reply)

# The words for the 67 %, written once for the result's rows, its reading and the rules table.
OVERALL = "overall cumulative remission rate"  # the abstract's words
AS_REPORTED = "as reported in the abstract"
NO_CAVEAT = "the abstract gives no drop-out caveat"
CALLED_THEORETICAL = (
    "'theoretical' in Pigott 2015 (Figure 1 legend), 'theoretical maximum' in Bandolier: "
    "a figure assuming no drop-outs"
)
FULL_TEXT_QUESTION = "Does the body of Rush 2006 state the no-drop-out assumption?"


def _complements() -> str:
    """The product rule's factors for the STAR*D rates, as the table prints them."""
    return " × ".join(f"{float(1 - exact(r)):.3f}" for r in STARD_RATES)


FORMULA = "Each step, per 100 people starting step 1"
STARD = "STAR*D (Rush 2006)"
READING = "Reading the 67 %"
PIGOTT = "Reanalysis (Pigott 2023)"
TABLE = (
    TableRow(FORMULA, "Remitted = entering this step × the step's remission rate", "formula",
             PRODUCT),
    TableRow(FORMULA, "Not remitted = entering − remitted", "formula", PRODUCT),
    TableRow(FORMULA, "Left = not remitted × drop-out share (0 when no drop-out is given)",
             "formula", PRODUCT),
    TableRow(FORMULA, "Entering the next step = not remitted − left", "formula", PRODUCT),
    TableRow("Cumulative remission", "Sum of the remitted at every step", "formula", PRODUCT),
    TableRow("Cumulative remission", "With no drop-out: 1 − (1 − r1)(1 − r2)…(1 − rn)",
             "same result", PRODUCT),
    TableRow(STARD, f"Remission at steps 1, 2, 3, 4 (QIDS-SR16 ≤{QIDS_REMISSION})",
             ", ".join(f"{r:.1f}" for r in STARD_RATES) + " %", ABSTRACT),
    TableRow(STARD, f"{OVERALL.capitalize()}, {AS_REPORTED} ({NO_CAVEAT})",
             f"{STARD_REPORTED} %", ABSTRACT),
    TableRow(STARD, f"1 − {_complements()}", f"{rounded(product_rule(list(STARD_RATES))):.1f} %",
             PRODUCT),
    TableRow(STARD, "Share of non-remitters leaving after each step", "not in the sources read",
             NO_DROPOUT_DATA),
    TableRow(READING, f"Called {CALLED_THEORETICAL}", f"{STARD_REPORTED} %", THEORETICAL),
    TableRow(READING, "The product rule reaches it only if every non-remitter enters the next "
             "step", "no drop-out", PRODUCT),
    TableRow(READING, FULL_TEXT_QUESTION, "not read", FULL_TEXT),
    TableRow(PIGOTT, "Cumulative remission on the protocol's HRSD, with the reanalysis' "
             "exclusions", f"{PIGOTT_REPORTED} %", REANALYSIS),
    TableRow(PIGOTT, "Patients excluded, as counted by the original investigators ("
             + " + ".join(str(n) for n in EXCLUDED_BY_LEVEL) + ")",
             str(sum(EXCLUDED_BY_LEVEL)), EXCLUSIONS),
)  # fmt: skip
