"""The response calculator's words for a percent change on a depression or OCD scale.

Written from the outcome and from the same named constants the rules use
(`response_rules.py`, `response_scales.py`), so a threshold is never typed twice. The CGI and
psychosis outcomes are put into words by `response_words_cgi_psychosis.py`; `describe` sends
each outcome to its own words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .response_rules import (
    CATEGORY_LABELS,
    FORMULA,
    PARTIAL,
    RESPONSE,
    RIEDEL,
    YBOCS_RESEARCH,
    YBOCS_RESPONSE,
    ChangeOutcome,
    category_rule,
    response_line,
)
from .response_scales import NOT_FOUND, STARD_RELAPSE
from .response_words_cgi_psychosis import describe_cgi_i, describe_cgi_s, describe_corrected
from .result import Result, Row, row
from .schema import Rule

if TYPE_CHECKING:
    from .response_rules import Outcome

CATEGORY_ROWS = {
    "desseilles2011": (
        "Desseilles 2011",
        f"≥ {RESPONSE} % response; {PARTIAL}-{RESPONSE - 1} % partial; < {PARTIAL} % non",
    ),
    "rybak2021": (
        "Canadian consensus (Rybak 2021)",
        f"≥ {RESPONSE} % response; < {RESPONSE} % non",
    ),
    "pallanti2006": (
        "Y-BOCS change category",
        (
            f"≥ {YBOCS_RESPONSE} % response (Farris 2013); {PARTIAL} to < {YBOCS_RESPONSE} % "
            f"partial, < {PARTIAL} % non (not verified: Pallanti 2006)"
        ),
    ),
    "storch2011_research": ("Y-BOCS, research use (Storch 2011)", f"≥ {YBOCS_RESEARCH} % response"),
}
NO_RULE = Rule((), NOT_FOUND)  # no bands (Y-BOCS, PANSS, BPRS) or remission rule (HAM-D 24) read


def describe(outcome: Outcome) -> Result:
    """Any outcome of the response calculator in words: each kind of outcome has its own."""
    if isinstance(outcome, ChangeOutcome):
        return describe_change(outcome)
    if outcome.scale.family == "cgi_s":
        return describe_cgi_s(outcome)
    if outcome.scale.family == "cgi_i":
        return describe_cgi_i(outcome)
    return describe_corrected(outcome)


def describe_change(outcome: ChangeOutcome) -> Result:
    """A percent change in words: rows, headline, clinical and plain readings, notes."""
    rows = _rows(outcome)
    rules = tuple(r.rule for r in rows)
    if outcome.scale.riedel_response is not None:
        rules += (RIEDEL,)
    return Result(
        headline=_headline(outcome),
        value_label="Result",
        rows=rows,
        clinical=_clinical(outcome),
        plain=_plain(outcome),
        warnings=tuple(_warnings(outcome)),
        rules=rules,
        disagreements=tuple(_disagreements(outcome)),
    )


def _headline(found: ChangeOutcome) -> str:
    met, total = _met(found)
    change = (
        f"{found.percent:.1f} % better" if found.percent >= 0 else f"{-found.percent:.1f} % worse"
    )
    remission = (
        f"remission under {met} of {total} convention{'s' if total > 1 else ''}"
        if total
        else "no remission cut-off read for this scale"
    )
    return (
        f"{found.scale.label} {found.baseline} → {found.current}: {change}, "
        f"{CATEGORY_LABELS[found.category].lower()}; {remission}"
    )


def _met(found: ChangeOutcome) -> tuple[int, int]:
    return sum(met for _, met in found.remission), len(found.remission)


def _rows(found: ChangeOutcome) -> tuple[Row, ...]:
    """The breakdown rows: percentage, each category, each band set, each remission rule."""
    scale, baseline, current = found.scale, found.baseline, found.current
    rows = [
        row("percent_improvement", "Percent improvement",
            f"({baseline} − {current}) ÷ {baseline} × 100", f"{found.percent:.1f} %", FORMULA),
    ]  # fmt: skip
    for key, category in found.categories:
        label, answer = CATEGORY_ROWS[key]
        rows.append(row(f"category_{key}", label, answer, CATEGORY_LABELS[category],
                        category_rule(key, category)))  # fmt: skip
    for band_set, band in found.bands:
        rows.append(row(f"band_{band_set.id}", f"Severity band: {band_set.name}",
                        f"{band.low}-{band.high}", band.label, band.rule))  # fmt: skip
    if not scale.band_sets:
        rows.append(row("band", "Severity band", scale.no_bands, "none", NO_RULE))
    for convention, met in found.remission:
        rows.append(row(f"remission_{convention.id}", f"Remission: {convention.name}",
                        convention.text(), "remission" if met else "no remission",
                        convention.rule))  # fmt: skip
    if not scale.remission:
        rows.append(row("remission", "Remission", scale.no_remission, "not assessed", NO_RULE))
    if scale.relapse_at is not None:
        relapse = "at or above" if current >= scale.relapse_at else "below"
        rows.append(row("stard_relapse", "STAR*D relapse line (after a remission)",
                        f"score ≥ {scale.relapse_at}", relapse, STARD_RELAPSE))  # fmt: skip
    return tuple(rows)


def _warnings(found: ChangeOutcome) -> list[str]:
    """The visible notes: every rule shown that is not verified, a rising score, a low start."""
    notes = []
    if found.scale.family == "ocd":
        notes.append(
            f"Not verified against the original: the Y-BOCS range {found.scale.low}-"
            f"{found.scale.high} (10 items scored 0-4) is recalled, not read in a source for this "
            "site."
        )
        if found.category != "response":
            notes.append(
                f"Not verified against the original: the Y-BOCS partial-response band (a fall of "
                f"{PARTIAL} % to under {YBOCS_RESPONSE} %) and non-response below {PARTIAL} % are "
                "recalled (Pallanti 2006; Mataix-Cols 2016 consensus). What is verified is that a "
                f"fall below {YBOCS_RESPONSE} % is not a response (Farris 2013)."
            )
    notes.extend(found.scale.notes)
    notes.extend(r.note for r, _ in found.remission if r.note)
    if any(not band.rule.verified for _, band in found.bands):
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
    if found.remission_without_response:
        notes.append(_floor_note(found))
    return notes


def _floor_note(found: ChangeOutcome) -> str:
    """Why a remission can come without a response: the baseline was already low."""
    cut = found.score_remissions[0]
    change = f"a fall of {found.percent:.1f} %" if found.percent >= 0 else "a rise"
    return (
        f"Remission without response: a score of {found.current} counts as remission under "
        f"{cut.name} ({cut.text()}), but {change} is short of the "
        f"{response_line(found.scale)} % response line, because the baseline of "
        f"{found.baseline} was already low. From a low start a small change reaches the "
        "remission line, so this says more about how low the score is now than about how much "
        "it has changed."
    )


def _disagreements(found: ChangeOutcome) -> list[str]:
    """Plain sentences on where the conventions give different answers for these scores."""
    scale = found.scale
    notes = []
    if found.category_of("desseilles2011") == "partial_response":
        notes.append(
            f"A fall of {found.percent:.1f} % is a partial response under Desseilles 2011 "
            f"({PARTIAL}-{RESPONSE - 1} %), but non-response under the Canadian consensus, which "
            f"counts anything below {RESPONSE} % (Rybak 2021)."
        )
    cut = scale.riedel_response
    if (
        cut is not None
        and found.fell_by(min(RESPONSE, cut))
        and not found.fell_by(max(RESPONSE, cut))
    ):
        side = "reaches" if found.fell_by(RESPONSE) else "misses"
        notes.append(
            f"The fall {side} the usual {RESPONSE} % line, while Riedel 2010 found that a fall of "
            f"{cut} % on the {scale.riedel_name} best matched a clinician's rating of 'much "
            "improved'."
        )
    if found.category_of("pallanti2006") == "response" != found.category_of("storch2011_research"):
        notes.append(
            f"A fall of {found.percent:.1f} % is a response at {YBOCS_RESPONSE} % (Farris 2013; "
            f"Storch 2011, clinical use) but not at the {YBOCS_RESEARCH} % that Storch 2011 "
            "proposes for research."
        )
    if len({band.id for _, band in found.bands}) > 1:
        named = "; ".join(f"{s.name}: {band.label.lower()}" for s, band in found.bands)
        notes.append(f"The {scale.label} band sets name this score differently ({named}).")
    if len({met for _, met in found.remission}) > 1:
        met = [f"{r.name} ({r.text()})" for r, ok in found.remission if ok]
        not_met = [f"{r.name} ({r.text()})" for r, ok in found.remission if not ok]
        notes.append(
            f"Remission depends on the convention. Yes: {'; '.join(met)}. No: {'; '.join(not_met)}."
        )
    return notes


def _clinical(found: ChangeOutcome) -> str:
    scale, percent = found.scale, found.percent
    band_text = (
        "; ".join(f"{s.name} {band.label.lower()}" for s, band in found.bands)
        or "no severity band set read for this site"
    )
    met, total = _met(found)
    if scale.family == "ocd":
        rule = (
            f"≥ {YBOCS_RESPONSE} % response after Farris 2013; {PARTIAL} to < {YBOCS_RESPONSE} % "
            "partial, not verified"
        )
    else:
        rule = (
            f"≥ {RESPONSE} % response, {PARTIAL}-{RESPONSE - 1} % partial, < {PARTIAL} % "
            "non-response, after Desseilles 2011"
        )
    floor = (
        " This is remission without response: the baseline was already low."
        if found.remission_without_response
        else ""
    )
    remission = (
        f"Remission under {met} of {total} convention(s) listed."
        if total
        else f"Remission: {found.scale.no_remission}."
    )
    return (
        f"{scale.label}: percent improvement {percent:.1f} % ({rule}): "
        f"{CATEGORY_LABELS[found.category].lower()}. Current score band: {band_text}. "
        f"{remission}{floor}"
    )


def _plain(found: ChangeOutcome) -> str:
    met, total = _met(found)
    if not total:
        where = "on a scale for which this site read no remission cut-off"
    elif met == total:
        where = "low enough to count as remission under every convention listed"
    elif met:
        where = "low enough to count as remission under some conventions but not others"
    else:
        where = "not yet low enough to count as remission under any convention listed"
    percent = found.percent
    change = f"{abs(percent):.1f} % {'lower' if percent >= 0 else 'higher'} than at the start"
    return (
        f"The score is {change}. By the usual rule that counts as "
        f"{CATEGORY_LABELS[found.category].lower()}. The score now is {where}. Response is about "
        "how much the score has fallen; remission is about how low it is now, so a person can "
        "respond without being in remission. Different studies draw these lines in different "
        "places. This is not a diagnosis: bring the numbers to a clinician if they raise "
        "questions."
    )
