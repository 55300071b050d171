"""The response calculator's static rules table: every rule, its value and its source.

It is rendered on the page without JavaScript and in print, from the same constants and scale
data the rules use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .response_cgi_psychosis import (
    CGI_I_RESPONSE,
    CGI_I_RULE,
    CGI_ITEMS,
    SUZUKI_ILL,
    SUZUKI_RULE,
    TRRIP,
    TRRIP_NONRESPONSE,
    TRRIP_WEEKS,
)
from .response_rules import (
    DESSEILLES,
    FARRIS,
    FORMULA,
    NON_25,
    PARTIAL,
    RESPONSE,
    RIEDEL,
    RYBAK,
    SCALES,
    STORCH_RESEARCH,
    YBOCS_PARTIAL,
    YBOCS_RESEARCH,
    YBOCS_RESPONSE,
)
from .response_scales import NOT_FOUND, STARD_RELAPSE
from .response_words_cgi_psychosis import CGI_I_NO_REMISSION, UNCORRECTED
from .schema import Rule, TableRow

if TYPE_CHECKING:
    from .response_scales import Scale
    from .schema import Band

NO_RULE = Rule((), NOT_FOUND)
CORRECTED = Rule(("leucht2010", "obermeier2010"), "VERIFIED-P")  # E9, E10


def table() -> tuple[TableRow, ...]:
    """The change rules of each family of scales, then each scale's own numbers."""
    rows = _depression_and_ocd() + _psychosis() + _cgi()
    for scale in SCALES:
        rows.extend(_scale_table(scale))
    return tuple(rows)


def _depression_and_ocd() -> list[TableRow]:
    change = "Change from baseline (depression scales)"
    ocd = "Change from baseline (Y-BOCS)"
    riedel = "; ".join(
        f"{s.riedel_name} {s.riedel_response} %" for s in SCALES if s.riedel_response
    )
    return [
        TableRow(change, "Percent improvement", "(baseline − current) ÷ baseline × 100", FORMULA),
        TableRow(change, "Response", f"fall of {RESPONSE} % or more", DESSEILLES),
        TableRow(change, "Partial response", f"fall of {PARTIAL} % to {RESPONSE - 1} %",
                 DESSEILLES),
        TableRow(change, "Non-response", f"fall of less than {PARTIAL} %", NON_25),
        TableRow(change, "Non-response, Canadian consensus", f"fall of less than {RESPONSE} %",
                 RYBAK),
        TableRow(change, f"Falls that best matched CGI-I ≤ {CGI_I_RESPONSE} 'much improved'",
                 riedel, RIEDEL),
        TableRow(ocd, "Response", f"fall of {YBOCS_RESPONSE} % or more", FARRIS),
        TableRow(ocd, "Response, research use", f"fall of {YBOCS_RESEARCH} % or more",
                 STORCH_RESEARCH),
        TableRow(ocd, "Partial response", f"fall of {PARTIAL} % to under {YBOCS_RESPONSE} %",
                 YBOCS_PARTIAL),
        TableRow(ocd, "Non-response", f"fall of less than {PARTIAL} %", YBOCS_PARTIAL),
    ]  # fmt: skip


def _psychosis() -> list[TableRow]:
    group = "Change from baseline (PANSS, BPRS)"
    return [
        TableRow(group, "Percent improvement, minimum subtracted",
                 "(baseline − current) ÷ (baseline − the scale's no-symptom minimum) × 100",
                 CORRECTED),
        TableRow(group, "Percent improvement, uncorrected (the common error)",
                 "(baseline − current) ÷ baseline × 100: it understates the improvement",
                 UNCORRECTED),
        TableRow(group, "Non-response (TRRIP)",
                 f"fall of less than {TRRIP_NONRESPONSE} % over a trial of at least "
                 f"{TRRIP_WEEKS} weeks", TRRIP),
    ]  # fmt: skip


def _cgi() -> list[TableRow]:
    group = "Clinical Global Impression (CGI)"
    return [
        TableRow(group, "Items", "severity (CGI-S) and improvement (CGI-I), each rated 1-7; no "
                 "global total, so no percentage", CGI_ITEMS),
        TableRow(group, "Response", f"CGI-I ≤ {CGI_I_RESPONSE}", CGI_I_RULE),
        TableRow(group, "At least moderately ill (treatment-resistant schizophrenia)",
                 f"CGI-S ≥ {SUZUKI_ILL}", SUZUKI_RULE),
    ]  # fmt: skip


def _scale_table(scale: Scale) -> list[TableRow]:
    group = scale.label
    rows = [
        TableRow(group, "Range", f"{scale.low}-{scale.high} ({scale.range_note})",
                 scale.range_rule),
    ]  # fmt: skip
    if scale.minimum_rule is not None:
        rows.append(
            TableRow(
                group,
                "No-symptom minimum subtracted",
                f"{scale.minimum} ({scale.minimum_note})",
                scale.minimum_rule,
            )
        )
    if scale.family not in ("cgi_s", "cgi_i"):
        rows.append(
            TableRow(
                group,
                "Lowest baseline for a percentage",
                f"{scale.floor} ({scale.floor_why})",
                scale.floor_rule,
            )
        )
    for band_set in scale.band_sets:
        rows.extend(_band_rows(group, f"Bands: {band_set.name}", band_set.bands))
    if scale.anchors:
        rows.extend(_band_rows(group, "Points", scale.anchors))
    if not scale.band_sets and scale.family != "cgi_i":
        rows.append(TableRow(group, "Bands", "none read for this site", NO_RULE))
    rows.extend(TableRow(group, f"Remission: {r.name}", r.text(), r.rule) for r in scale.remission)
    if not scale.remission:
        why = CGI_I_NO_REMISSION if scale.family == "cgi_i" else NO_RULE
        rows.append(TableRow(group, "Remission", scale.no_remission, why))
    if scale.relapse_at is not None:
        rows.append(
            TableRow(
                group,
                "STAR*D relapse line (after a remission)",
                f"score ≥ {scale.relapse_at}",
                STARD_RELAPSE,
            )
        )
    return rows


def _band_rows(group: str, label: str, bands: tuple[Band, ...]) -> list[TableRow]:
    """One table row per run of bands that share a rule (a set can mix verified and recalled)."""
    runs: list[list[Band]] = []
    for band in bands:
        if runs and runs[-1][-1].rule == band.rule:
            runs[-1].append(band)
        else:
            runs.append([band])
    return [
        TableRow(group, label, "; ".join(_band_text(b) for b in run), run[0].rule) for run in runs
    ]


def _band_text(band: Band) -> str:
    if band.low == band.high:
        return f"{band.low} {band.label.lower()}"
    return f"{band.low}-{band.high} {band.label.lower()}"
