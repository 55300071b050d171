"""The response calculator's words for the CGI ratings and for the PANSS and BPRS.

Written from the outcome and from the constants of `response_cgi_psychosis.py`, so a threshold
is never typed twice. On the PANSS and BPRS the corrected and uncorrected percentages are
always shown side by side, each with TRRIP's verdict, so that the effect of forgetting the
scale's minimum is visible (clinical-evidence-2.md E18-E22).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .response_cgi_psychosis import (
    CGI_I_ANCHORS,
    CGI_I_NO_CHANGE,
    CGI_I_RESPONSE,
    CGI_I_RULE,
    CGI_ITEMS,
    CGI_S_ANCHORS,
    SUZUKI_ILL,
    SUZUKI_RULE,
    TRRIP,
    TRRIP_NONRESPONSE,
    TRRIP_WEEKS,
)
from .response_rules import CATEGORY_LABELS
from .response_scales import NOT_FOUND, D, P
from .result import Result, Row, row
from .schema import Rule

if TYPE_CHECKING:
    from .response_rules import CgiIOutcome, CgiSOutcome, CorrectedOutcome

UNCORRECTED = Rule(("leucht2010",), P)  # E10: without the subtraction response is underestimated
LINE = Rule(("neurobioldis2018", "leucht2010"), D)  # E20: the score that marks a 20 % fall
NO_RULE = Rule((), NOT_FOUND)
CGI_CHANGE = Rule(("psychiatrictimes",), D)
CGI_I_NO_REMISSION = Rule(("riedel2010",), D)
NOT_A_DIAGNOSIS = (
    "This is not a diagnosis: bring the numbers to a clinician if they raise questions."
)


def _verdict(nonresponse: bool) -> str:
    return "met" if nonresponse else "not met"


def _change(percent: float) -> str:
    return f"{percent:.1f} % better" if percent >= 0 else f"{-percent:.1f} % worse"


def describe_corrected(found: CorrectedOutcome) -> Result:
    """PANSS or BPRS: both percentages, TRRIP's verdict under each, and where they part."""
    scale, minimum = found.scale, found.scale.minimum
    corrected, uncorrected = found.nonresponse
    if not minimum:
        verdict = "yes" if corrected else "no"
        how = f"{_change(found.percent)} (nothing to subtract on this version)"
    else:
        verdict = {(True, True): "yes, either way", (False, False): "no, either way"}.get(
            found.nonresponse, "only if the minimum is wrongly left in"
        )
        how = (
            f"{_change(found.percent)} with the minimum of {minimum} subtracted "
            f"({_change(found.uncorrected)} without)"
        )
    flips = corrected != uncorrected
    return Result(
        headline=(
            f"{scale.label} {found.baseline} → {found.current}: {how}; TRRIP non-response "
            f"(a fall below {TRRIP_NONRESPONSE} %): {verdict}"
        ),
        value_label="Result",
        rows=_corrected_rows(found),
        clinical=_corrected_clinical(found),
        plain=_corrected_plain(found),
        warnings=(*scale.notes, *_rising(found.percent)),
        disagreements=(_flip(found),) if flips else (),
    )


def _corrected_rows(found: CorrectedOutcome) -> tuple[Row, ...]:
    scale, b, c, m = found.scale, found.baseline, found.current, found.scale.minimum
    line_text = f"{found.line[0]}" + (f" ({found.line[1]} if the minimum is left in)" if m else "")
    rows = [
        row("minimum_subtracted", "No-symptom minimum subtracted", scale.minimum_note, f"{m}",
            scale.minimum_rule),
        row("percent_improvement",
            "Percent improvement, minimum subtracted" if m else "Percent improvement",
            f"({b} − {c}) ÷ ({b} − {m}) × 100" if m else f"({b} − {c}) ÷ {b} × 100",
            f"{found.percent:.1f} %", scale.minimum_rule),
    ]  # fmt: skip
    if m:
        rows.append(
            row(
                "percent_improvement_uncorrected",
                "Percent improvement, uncorrected (the minimum left in)",
                f"({b} − {c}) ÷ {b} × 100",
                f"{found.uncorrected:.1f} %",
                UNCORRECTED,
            )
        )
    label = f"TRRIP non-response (a fall below {TRRIP_NONRESPONSE} % over ≥ {TRRIP_WEEKS} weeks)"
    rows.append(
        row(
            "trrip_corrected",
            f"{label}, minimum subtracted",
            f"{found.percent:.1f} %",
            _verdict(found.nonresponse[0]),
            TRRIP,
        )
    )
    if m:
        rows.append(
            row(
                "trrip_uncorrected",
                f"{label}, uncorrected",
                f"{found.uncorrected:.1f} %",
                _verdict(found.nonresponse[1]),
                TRRIP,
            )
        )
    rows += [
        row("trrip_line", f"Highest score that is still a {TRRIP_NONRESPONSE} % fall",
            f"from a baseline of {b}", line_text, LINE),
        row("band", "Severity band", scale.no_bands, "none", NO_RULE),
        row("remission", "Remission", scale.no_remission, "not assessed", NO_RULE),
    ]  # fmt: skip
    return tuple(rows)


def _flip(found: CorrectedOutcome) -> str:
    m, t = found.scale.minimum, TRRIP_NONRESPONSE
    return (
        f"Forgetting to subtract the minimum flips the TRRIP verdict: left in, the fall is "
        f"{found.uncorrected:.1f} %, below {t} % (non-response); with the minimum of {m} "
        f"subtracted it is {found.percent:.1f} %, not below {t} %. Scores from {found.line[1] + 1} "
        f"to {found.line[0]} from this baseline fall on different sides of the line."
    )


def _corrected_clinical(found: CorrectedOutcome) -> str:
    scale, m = found.scale, found.scale.minimum
    if m:
        why = (
            f"Every item starts at 1, so a total of {m} means no symptoms and the room to improve "
            f"is the baseline minus {m}. With it subtracted the fall is {found.percent:.1f} %; "
            f"left in, {found.uncorrected:.1f} %, which understates the change (Leucht 2010; "
            "Obermeier 2010)."
        )
    else:
        why = f"Items start at 0 here, so nothing is subtracted: the fall is {found.percent:.1f} %."
    return (
        f"{scale.label}: {why} TRRIP counts a fall below {TRRIP_NONRESPONSE} % over an adequate "
        f"trial of at least {TRRIP_WEEKS} weeks as non-response (Howes 2017, via Neurobiol Dis "
        "2018); the calculator checks the percentage only, not the trial's length, dose or "
        "adherence. No severity bands or remission rule for this scale were read for this site."
    )


def _corrected_plain(found: CorrectedOutcome) -> str:
    m = found.scale.minimum
    if m:
        count = (
            f"The lowest possible score on this scale is {m}, not 0, because every question "
            f"starts at 1. Counting only the part above {m}, the score is {_change(found.percent)}"
            f"; counting the whole score, it looks like only {_change(found.uncorrected)}."
        )
    else:
        count = (
            f"On this version every question starts at 0. The score is {_change(found.percent)}."
        )
    return (
        f"{count} One set of rules for schizophrenia that has not responded to treatment calls "
        f"a fall of less than {TRRIP_NONRESPONSE} % 'non-response'. {NOT_A_DIAGNOSIS}"
    )


def _rising(percent: float) -> tuple[str, ...]:
    if percent >= 0:
        return ()
    return (
        (
            f"The score is higher than at baseline: symptoms are {-percent:.1f} % worse on this "
            "scale. A rising score is worth raising with a clinician."
        ),
    )


def describe_cgi_s(found: CgiSOutcome) -> Result:
    """Two CGI-S ratings: the anchor of each, remission at 1, Suzuki's line; no percentage."""
    start, now = found.bands
    convention, met = found.remission[0]
    change = found.baseline - found.current
    points = f"{change} point{'' if abs(change) == 1 else 's'}"
    rows = (
        row("baseline_band", "CGI-S at the start", f"{found.baseline}", start.label,
            CGI_S_ANCHORS),
        row("band_cgi_s", "Severity band: CGI-S anchors", f"{found.current}", now.label,
            CGI_S_ANCHORS),
        row("change_points", "Change in points (no percentage: the CGI has no total)",
            f"{found.baseline} − {found.current}", points, CGI_CHANGE),
        row(f"remission_{convention.id}", f"Remission: {convention.name}", convention.text(),
            "remission" if met else "no remission", convention.rule),
        row("suzuki2012_moderately_ill", "At least moderately ill (Suzuki 2012, a criterion of "
            "treatment-resistant schizophrenia)", f"rating ≥ {SUZUKI_ILL}",
            "yes" if found.at_least_moderately_ill else "no", SUZUKI_RULE),
    )  # fmt: skip
    worse = (
        ("The rating is higher than at the start: a clinician judged the illness more severe.",)
        if change < 0
        else ()
    )
    return Result(
        headline=(
            f"CGI-S {found.baseline} → {found.current}: {now.label.lower()} now (at the start: "
            f"{start.label.lower()}); remission ({convention.name}): {'yes' if met else 'no'}"
        ),
        value_label="Result",
        rows=rows,
        clinical=(
            "The CGI-S rates how ill the person is now, against the rater's experience of people "
            "with the same diagnosis, from 1 (normal) to 7 (among the most extremely ill). The "
            "CGI has no global total, so no percentage is worked out, and a change in CGI-S "
            "points is not a response rule: the CGI-I rates change. Riedel 2010 used CGI-S = 1 "
            f"as remission; Suzuki 2012 used CGI-S ≥ {SUZUKI_ILL} ('at least moderately ill') in "
            "its definition of treatment-resistant schizophrenia."
        ),
        plain=(
            "The CGI-S is a clinician's overall rating of how ill someone is, from 1 (not ill) "
            f"to 7 (among the most ill). It is {found.current} now, '{now.label.lower()}', and "
            f"was {found.baseline} at the start. One study counted only a rating of 1 as "
            f"remission. {NOT_A_DIAGNOSIS}"
        ),
        warnings=worse,
        rules=(*(r.rule for r in rows), CGI_ITEMS),
        disagreements=(),
    )


def describe_cgi_i(found: CgiIOutcome) -> Result:
    """One CGI-I rating: its anchor and Riedel 2010's response line; no remission, no baseline."""
    anchor, label = found.anchor.label, CATEGORY_LABELS[found.category]
    rows = (
        row("cgi_i_rating", "CGI-I rating (change since the start)", f"{found.current}", anchor,
            CGI_I_ANCHORS),
        row("category_riedel2010_cgi_i", f"Response: CGI-I ≤ {CGI_I_RESPONSE} (Riedel 2010)",
            f"rating ≤ {CGI_I_RESPONSE}", label, CGI_I_RULE),
        row("remission", "Remission", found.scale.no_remission, "not rated", CGI_I_NO_REMISSION),
    )  # fmt: skip
    notes = []
    if found.baseline is not None:
        notes.append(
            "The CGI-I already rates the change since the start, so the baseline score you "
            f"entered ({found.baseline}) is not used."
        )
    if found.current > CGI_I_NO_CHANGE:
        notes.append("The rating says worse than at the start.")
    return Result(
        headline=(
            f"CGI-I {found.current}: {anchor.lower()}; response (CGI-I ≤ {CGI_I_RESPONSE}, "
            f"Riedel 2010): {'yes' if found.category == 'response' else 'no'}"
        ),
        value_label="Result",
        rows=rows,
        clinical=(
            "The CGI-I rates the change since the start of the treatment on 7 points, from 1 "
            "(very much improved) to 7 (very much worse), so it is read as it stands: no "
            f"baseline and no percentage. Riedel 2010 used CGI-I ≤ {CGI_I_RESPONSE} ('much' or "
            f"'very much improved') as response; a rating of {found.current} is "
            f"{'a response' if found.category == 'response' else 'not a response'} under that "
            "rule. Remission is a state, judged "
            "on a severity rating such as the CGI-S."
        ),
        plain=(
            "The CGI-I is a clinician's overall rating of how much better or worse someone is "
            f"since the treatment started. A rating of {found.current} means "
            f"'{anchor.lower()}'. One study counted 1 or 2 as a response. {NOT_A_DIAGNOSIS}"
        ),
        warnings=tuple(notes),
        rules=(*(r.rule for r in rows), CGI_ITEMS),
        disagreements=(),
    )
