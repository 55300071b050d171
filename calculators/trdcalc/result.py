"""What every result shares, so the page, the CLI and print render any calculator the same way.

A calculator's `evaluate` returns its own small frozen outcome (the rule's results, no prose),
whose `as_json` gives the keys the site plan fixes (`total`, `band`, `stage`, `category`...).
`describe` turns that outcome into a `Result`: a `headline`, breakdown `rows` (label, answer,
value and the rule behind it), the `clinical` and `plain` readings, `warnings`, and where a
calculator compares conventions, `disagreements`. `Calculator.run` joins the two and fills in
the calculator's id, version and the sources behind the rules used, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .calculator import Calculator
    from .schema import Rule


class Outcome(Protocol):
    """A calculator's typed result: what the rule found, as plain values."""

    def as_json(self) -> dict[str, Any]:
        """The calculator's own result keys, JSON-ready."""
        ...


@dataclass(frozen=True)
class Row:
    """One line of a result's breakdown, with the rule it comes from."""

    key: str
    label: str
    answer: str
    value: Any
    rule: Rule

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "answer": self.answer,
            "value": self.value,
            "confidence": self.rule.confidence,
            "sources": list(self.rule.sources),
        }


@dataclass(frozen=True)
class Result:
    """An outcome in words: what `describe` writes, from the outcome and the rule's constants.

    `rules` are the rules whose sources the result lists, in order; when empty, the rules of the
    rows are used. `disagreements` is None for calculators that do not compare conventions.
    """

    headline: str
    value_label: str
    rows: tuple[Row, ...]
    clinical: str
    plain: str
    warnings: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    disagreements: tuple[str, ...] | None = None
    chart_svg: str | None = None

    def as_json(self, calc: Calculator) -> dict[str, Any]:
        data: dict[str, Any] = {
            "headline": self.headline,
            "value_label": self.value_label,
            "details": [r.as_dict() for r in self.rows],
            "interpretation": {"clinical": self.clinical, "plain": self.plain},
            "sources": sources_used(calc, self.rules or tuple(r.rule for r in self.rows)),
            "warnings": list(self.warnings),
        }
        if self.disagreements is not None:
            data["disagreements"] = list(self.disagreements)
        if self.chart_svg is not None:
            data["chart_svg"] = self.chart_svg
        return data


def sources_used(calc: Calculator, rules: tuple[Rule, ...] | list[Rule]) -> list[dict[str, Any]]:
    """The sources behind the rules a result used, each once, in order of use."""
    keys = dict.fromkeys(key for rule in rules for key in rule.sources)
    return [calc.source(key).as_dict() for key in keys]


def row(key: str, label: str, answer: str, value: Any, rule: Rule) -> Row:
    """One breakdown row (a short spelling of `Row(...)`)."""
    return Row(key, label, answer, value, rule)
