"""The response calculator's rules: percent change, change category, band, remission, TRRIP.

Pure functions of the scale data (`response_scales.py`, `response_cgi_psychosis.py`) and two
scores; no prose. Every threshold is a named constant that the words modules also use for their
sentences. Comparisons are exact integer arithmetic; percentages are rounded for display only.
Three kinds of outcome: a percent change (depression and OCD scales), a percent change after
subtracting the scale's minimum (PANSS, BPRS), and a rating (CGI-S, CGI-I).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .response_cgi_psychosis import (
    BPRS,
    BPRS_0_6,
    CGI_I,
    CGI_I_RESPONSE,
    CGI_S,
    PANSS,
    SUZUKI_ILL,
    TRRIP_NONRESPONSE,
)
from .response_scales import (
    BDI2,
    HAMD17,
    HAMD21,
    HAMD24,
    MADRS,
    PHQ9,
    QIDS_SR16,
    YBOCS,
    P,
    R,
    Remission,
    Scale,
)
from .schema import Rule

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .response_scales import BandSet
    from .schema import Band

# The form's order: the depression scales (HAM-D 21 and 24 beside 17), the CGI, then the
# Y-BOCS and the psychosis scales. The six first ids are the site plan's.
SCALES = (HAMD17, HAMD21, HAMD24, MADRS, PHQ9, QIDS_SR16, BDI2, CGI_S, CGI_I, YBOCS, PANSS,
          BPRS, BPRS_0_6)  # fmt: skip
SCALE_BY_ID = {scale.id: scale for scale in SCALES}

CATEGORY_LABELS = {  # the category ids of the site plan, and their names
    "response": "Response",
    "partial_response": "Partial response",
    "nonresponse": "Non-response",
}
RESPONSE, PARTIAL = 50, 25  # Desseilles 2011 (percent fall)
YBOCS_RESPONSE, YBOCS_RESEARCH = 35, 45  # Farris 2013; Storch 2011 research use

FORMULA = Rule(("desseilles2011",), "DERIVED")  # (baseline - current) / baseline x 100 (3.1)
DESSEILLES = Rule(("desseilles2011",), P)  # >= 50 response, 25-49 partial, < 25 non-response
NON_25 = Rule(("desseilles2011", "sforzini2022"), P)
RYBAK = Rule(("rybak2021",), P)  # non-response below 50 %
RIEDEL = Rule(("riedel2010",), P)
FARRIS = Rule(("farris2013",), P)  # Y-BOCS response >= 35 %
STORCH_RESEARCH = Rule(("storch2011",), P)  # Y-BOCS response 45 % (research)
YBOCS_PARTIAL = Rule(("pallanti2006", "mataixcols2016"), R)  # 25 to < 35 %; < 25 % non-response


def fell_by(baseline: int, current: int, percent: float, minimum: int = 0) -> bool:
    """Exact test of (baseline - current) / (baseline - minimum) * 100 >= percent (no rounding)."""
    return 100 * (baseline - current) >= percent * (baseline - minimum)


def percent_change(baseline: int, current: int, minimum: int = 0) -> float:
    """The fall from baseline in percent of (baseline - minimum), rounded for display."""
    return round(100 * (baseline - current) / (baseline - minimum), 1)


def remitted(convention: Remission, baseline: int, current: int) -> bool:
    """Whether a pair of scores meets one remission convention."""
    if convention.at_most is not None:
        return current <= convention.at_most
    return fell_by(baseline, current, convention.fall_percent or 0)


def response_line(scale: Scale) -> int:
    """The percent fall that counts as a response on this scale."""
    return YBOCS_RESPONSE if scale.family == "ocd" else RESPONSE


def _three_way(baseline: int, current: int, response_at: int) -> str:
    if fell_by(baseline, current, response_at):
        return "response"
    return "partial_response" if fell_by(baseline, current, PARTIAL) else "nonresponse"


def categorise(scale: Scale, baseline: int, current: int) -> dict[str, str]:
    """The change category under each convention, the site plan's `category` first."""
    if scale.family == "ocd":
        research = "response" if fell_by(baseline, current, YBOCS_RESEARCH) else "nonresponse"
        return {
            "pallanti2006": _three_way(baseline, current, YBOCS_RESPONSE),
            "storch2011_research": research,
        }
    three_way = _three_way(baseline, current, RESPONSE)
    return {
        "desseilles2011": three_way,
        "rybak2021": "response" if three_way == "response" else "nonresponse",
    }


def category_rule(key: str, category: str) -> Rule:
    """The rule behind one verdict, which can be narrower than the row's whole rule set.

    The Y-BOCS response line is verified (Farris 2013), only the split below it is RECALLED; the
    < 25 % line is shared by Desseilles 2011 and Sforzini 2022.
    """
    if key == "pallanti2006":
        return FARRIS if category == "response" else YBOCS_PARTIAL
    if key == "desseilles2011":
        return NON_25 if category == "nonresponse" else DESSEILLES
    return STORCH_RESEARCH if key == "storch2011_research" else RYBAK


def _head(scale: Scale, percent: float | None, category: str | None) -> dict[str, Any]:
    """The keys every response result starts with, in the site plan's order."""
    return {
        "scale": scale.id,
        "scale_range": [scale.low, scale.high],
        "percent_improvement": percent,
        "category": category,
    }


@dataclass(frozen=True)
class ChangeOutcome:
    """A percent change on a depression or OCD scale, with every convention's reading."""

    scale: Scale
    baseline: int
    current: int
    percent: float  # rounded to one decimal, for display and the JSON only
    categories: tuple[tuple[str, str], ...]
    bands: tuple[tuple[BandSet, Band], ...]
    remission: tuple[tuple[Remission, bool], ...]

    @property
    def category(self) -> str:
        return self.categories[0][1]

    def category_of(self, key: str) -> str | None:
        return dict(self.categories).get(key)

    def fell_by(self, percent: float) -> bool:
        return fell_by(self.baseline, self.current, percent)

    @property
    def score_remissions(self) -> tuple[Remission, ...]:
        """The cut-off (not fall) conventions under which the current score is a remission."""
        return tuple(r for r, met in self.remission if met and r.at_most is not None)

    @property
    def remission_without_response(self) -> bool:
        """A remission cut-off met without a response: only possible from a low baseline.

        DERIVED: a score at or below a cut-off c, with a fall under the response line, means the
        baseline was below c / (1 - line), e.g. below 2c at 50 %.
        """
        return bool(self.score_remissions) and not self.fell_by(response_line(self.scale))

    def as_json(self) -> dict[str, Any]:
        bands = {band_set.id: band.id for band_set, band in self.bands}
        severity = bands if len(bands) > 1 else next(iter(bands.values()), None)
        return _head(self.scale, self.percent, self.category) | {
            "categories": dict(self.categories),
            "severity_band": severity,
            "remission": {r.id: met for r, met in self.remission},
        }


@dataclass(frozen=True)
class CorrectedOutcome:
    """A percent change on the PANSS or BPRS, with and without the scale's minimum subtracted.

    `nonresponse` and `line` hold TRRIP's verdict (a fall below 20 %) and the highest score
    that is still a 20 % fall, each as (corrected, uncorrected).
    """

    scale: Scale
    baseline: int
    current: int
    percent: float  # minimum subtracted (E9, E10)
    uncorrected: float
    nonresponse: tuple[bool, bool]
    line: tuple[int, int]

    def as_json(self) -> dict[str, Any]:
        return _head(self.scale, self.percent, None) | {
            "categories": {},
            "severity_band": None,
            "remission": {},
            "percent_improvement_uncorrected": self.uncorrected,
            "minimum_subtracted": self.scale.minimum,
            "trrip_nonresponse": dict(
                zip(("corrected", "uncorrected"), self.nonresponse, strict=True)
            ),
            "trrip_line": dict(zip(("corrected", "uncorrected"), self.line, strict=True)),
        }


def twenty_percent_line(baseline: int, minimum: int) -> int:
    """The highest score that is still a fall of TRRIP's 20 % (clinical-evidence-2.md E20)."""
    needed = -(-TRRIP_NONRESPONSE * (baseline - minimum) // 100)  # ceiling, in whole points
    return baseline - needed


def _corrected(scale: Scale, baseline: int, current: int) -> CorrectedOutcome:
    minimum = scale.minimum
    return CorrectedOutcome(
        scale=scale,
        baseline=baseline,
        current=current,
        percent=percent_change(baseline, current, minimum),
        uncorrected=percent_change(baseline, current),
        nonresponse=(
            not fell_by(baseline, current, TRRIP_NONRESPONSE, minimum),
            not fell_by(baseline, current, TRRIP_NONRESPONSE),
        ),
        line=(twenty_percent_line(baseline, minimum), twenty_percent_line(baseline, 0)),
    )


@dataclass(frozen=True)
class CgiSOutcome:
    """Two CGI-S ratings: the band (anchor) of each, remission at 1, Suzuki's line at 4."""

    scale: Scale
    baseline: int
    current: int
    bands: tuple[Band, Band]  # (baseline, current)
    remission: tuple[tuple[Remission, bool], ...]
    at_least_moderately_ill: bool

    def as_json(self) -> dict[str, Any]:
        return _head(self.scale, None, None) | {
            "categories": {},
            "severity_band": self.bands[1].id,
            "remission": {r.id: met for r, met in self.remission},
            "baseline_band": self.bands[0].id,
            "change_points": self.baseline - self.current,
            "at_least_moderately_ill": self.at_least_moderately_ill,
        }


@dataclass(frozen=True)
class CgiIOutcome:
    """One CGI-I rating: its anchor, and response at CGI-I <= 2 (Riedel 2010)."""

    scale: Scale
    baseline: int | None  # not used: the CGI-I rates change itself
    current: int
    anchor: Band
    category: str

    def as_json(self) -> dict[str, Any]:
        return _head(self.scale, None, self.category) | {
            "categories": {"riedel2010_cgi_i": self.category},
            "severity_band": None,
            "remission": {},
            "cgi_i_rating": self.anchor.id,
        }


Outcome = ChangeOutcome | CorrectedOutcome | CgiSOutcome | CgiIOutcome


def _band(bands: tuple[Band, ...], score: int) -> Band:
    return next(band for band in bands if band.holds(score))


def evaluate(values: Mapping[str, Any]) -> Outcome:
    """Read one pair of scores on one scale under every convention that applies to it."""
    scale = SCALE_BY_ID[values["scale"]]
    baseline, current = values["baseline"], values["current"]
    if scale.family == "psychosis":
        return _corrected(scale, baseline, current)
    if scale.family == "cgi_i":
        category = "response" if current <= CGI_I_RESPONSE else "nonresponse"
        return CgiIOutcome(scale, baseline, current, _band(scale.anchors, current), category)
    remission = tuple((r, remitted(r, baseline, current)) for r in scale.remission)
    if scale.family == "cgi_s":
        bands = scale.band_sets[0].bands
        pair = (_band(bands, baseline), _band(bands, current))
        return CgiSOutcome(scale, baseline, current, pair, remission, current >= SUZUKI_ILL)
    return ChangeOutcome(
        scale=scale,
        baseline=baseline,
        current=current,
        percent=percent_change(baseline, current),
        categories=tuple(categorise(scale, baseline, current).items()),
        bands=tuple((s, _band(s.bands, current)) for s in scale.band_sets),
        remission=remission,
    )
