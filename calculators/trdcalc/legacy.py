"""A temporary adapter: a calculator still written as one `compute` dict, seen as evaluate/describe.

Used only while cpz, response, pseudo_resistance and stard are re-cut into typed outcomes; it
goes when they are done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .result import Row

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .schema import Calculator

DISPLAY = ("headline", "value_label", "details", "interpretation", "sources", "warnings")
OPTIONAL = ("disagreements", "chart_svg")


@dataclass(frozen=True)
class LegacyOutcome:
    data: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k not in DISPLAY + OPTIONAL}

    def as_display(self, _calc: Calculator) -> dict[str, Any]:
        shown = {k: self.data[k] for k in DISPLAY}
        shown["details"] = [r.as_dict() if isinstance(r, Row) else r for r in shown["details"]]
        return shown | {k: self.data[k] for k in OPTIONAL if k in self.data}


@dataclass(frozen=True)
class LegacyResult:
    outcome: LegacyOutcome

    def as_json(self, calc: Calculator) -> dict[str, Any]:
        return self.outcome.as_display(calc)


def adapt(
    compute: Callable[[Mapping[str, Any]], dict[str, Any]],
) -> tuple[Callable[[Mapping[str, Any]], LegacyOutcome], Callable[[LegacyOutcome], LegacyResult]]:
    """The (evaluate, describe) pair of an old-style `compute`."""
    return (lambda values: LegacyOutcome(compute(values))), LegacyResult


def row(key: str, label: str, answer: str, value: Any, rule: Any) -> dict[str, Any]:
    """A breakdown row as a dict, the old way."""
    return Row(key, label, answer, value, rule).as_dict()
