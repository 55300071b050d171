"""The response calculator's rules: percent change, change category, band and remission.

Pure functions of the scale data (`response_scales.py`) and two scores; no prose. Every
threshold is a named constant that `response_words.py` also uses for its sentences.
Comparisons are exact integer arithmetic; the percentage is rounded for display only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .response_scales import SCALE_BY_ID, P, R, Remission, Scale
from .schema import Rule

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .response_scales import BandSet
    from .schema import Band

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


def fell_by(baseline: int, current: int, percent: float) -> bool:
    """Exact integer test of (baseline - current) / baseline * 100 >= percent (no rounding)."""
    return 100 * (baseline - current) >= percent * baseline


def remitted(convention: Remission, baseline: int, current: int) -> bool:
    """Whether a pair of scores meets one remission convention."""
    if convention.at_most is not None:
        return current <= convention.at_most
    return fell_by(baseline, current, convention.fall_percent or 0)


def _three_way(baseline: int, current: int, response_at: int) -> str:
    if fell_by(baseline, current, response_at):
        return "response"
    return "partial_response" if fell_by(baseline, current, PARTIAL) else "nonresponse"


def response_line(scale: Scale) -> int:
    """The percent fall that counts as a response on this scale."""
    return YBOCS_RESPONSE if scale.family == "ocd" else RESPONSE


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


@dataclass(frozen=True)
class Outcome:
    """What one pair of scores gives on one scale, before it is put into words."""

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
        return {
            "scale": self.scale.id,
            "scale_range": [self.scale.low, self.scale.high],
            "percent_improvement": self.percent,
            "category": self.category,
            "categories": dict(self.categories),
            "severity_band": severity,
            "remission": {r.id: met for r, met in self.remission},
        }


def evaluate(values: Mapping[str, Any]) -> Outcome:
    """Percent improvement, category, severity band(s) and remission under every convention."""
    scale = SCALE_BY_ID[values["scale"]]
    baseline, current = values["baseline"], values["current"]
    return Outcome(
        scale=scale,
        baseline=baseline,
        current=current,
        percent=round(100 * (baseline - current) / baseline, 1),
        categories=tuple(categorise(scale, baseline, current).items()),
        bands=tuple((s, next(b for b in s.bands if b.holds(current))) for s in scale.band_sets),
        remission=tuple((r, remitted(r, baseline, current)) for r in scale.remission),
    )
