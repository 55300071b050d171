"""What the STAR*D calculator cites: its sources, the published figures and its rules table.

clinical-evidence.md 5.1 (Rush 2006 abstract, VERIFIED-P: the step rates and QIDS-SR16 <= 5),
5.2 (Pigott 2023's 35 % and the 941 exclusions, as quoted in the original investigators' reply,
VERIFIED-P), 8.1 B (the product rule, DERIVED) and the Bandolier summary ("theoretical maximum",
VERIFIED-S). No source read gives STAR*D's per-step drop-out (NOT FOUND).
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

STEP_RATES = Rule(("rush2006",), "VERIFIED-P")  # 36.8/30.6/13.7/13.0 %; 67 % theoretical
PRODUCT = Rule(("rush2006",), "DERIVED")  # 8.1 B: 1 - 0.632 x 0.694 x 0.863 x 0.870 = 0.67
CEILING = Rule(("bandolier",), "VERIFIED-S")  # "theoretical maximum"
REANALYSIS = Rule(("pigott2023", "stardreply"), "VERIFIED-P")  # 35 %, as quoted in the reply
EXCLUSIONS = Rule(("stardreply",), "VERIFIED-P")  # 941 = 561 + 297 + 80 + 3
NO_DROPOUT_DATA = Rule(("rush2006",), "NOT FOUND")  # no per-step drop-out share in sources read

STARD_RATES = (36.8, 30.6, 13.7, 13.0)  # Rush 2006 abstract, QIDS-SR16 <= 5 (VERIFIED-P)
QIDS_REMISSION = 5  # QIDS-SR16 score at or below which STAR*D counted remission (Rush 2006)
STARD_REPORTED = 67  # percent, "theoretical", assuming no drop-outs (Rush 2006, VERIFIED-P)
PIGOTT_REPORTED = 35  # percent, protocol HRSD (Pigott 2023 as quoted in the reply, VERIFIED-P)
EXCLUDED_BY_LEVEL = (561, 297, 80, 3)  # patients the reanalysis left out, levels 1-4 (reply)


def _complements() -> str:
    """The product rule's factors for the STAR*D rates, as the table prints them."""
    return " × ".join(f"{float(1 - exact(r)):.3f}" for r in STARD_RATES)


FORMULA = "Each step, per 100 people starting step 1"
STARD = "STAR*D (Rush 2006)"
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
             ", ".join(f"{r:.1f}" for r in STARD_RATES) + " %", STEP_RATES),
    TableRow(STARD, "Reported cumulative remission, theoretical, assuming no drop-outs",
             f"{STARD_REPORTED} %", STEP_RATES),
    TableRow(STARD, f"1 − {_complements()}", f"{rounded(product_rule(list(STARD_RATES))):.1f} %",
             PRODUCT),
    TableRow(STARD, "Called a theoretical maximum", f"{STARD_REPORTED} %", CEILING),
    TableRow(STARD, "Share of non-remitters leaving after each step", "not in the sources read",
             NO_DROPOUT_DATA),
    TableRow(PIGOTT, "Cumulative remission on the protocol's HRSD, with the reanalysis' "
             "exclusions", f"{PIGOTT_REPORTED} %", REANALYSIS),
    TableRow(PIGOTT, "Patients excluded, as counted by the original investigators ("
             + " + ".join(str(n) for n in EXCLUDED_BY_LEVEL) + ")",
             str(sum(EXCLUDED_BY_LEVEL)), EXCLUSIONS),
)  # fmt: skip
