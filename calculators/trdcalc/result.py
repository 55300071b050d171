"""Pieces every result shares, so the page renders any calculator's result the same way.

A result has a `headline`, `details` rows (label, answer, value, confidence, sources), the name
of the value column (`value_label`), an `interpretation` at two reading levels, the `sources`
behind the rules it used, and `warnings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .schema import Calculator, Rule


def row(key: str, label: str, answer: str, value: Any, rule: Rule) -> dict[str, Any]:
    """One line of a result's breakdown, with where its rule comes from."""
    return {
        "key": key,
        "label": label,
        "answer": answer,
        "value": value,
        "confidence": rule.confidence,
        "sources": list(rule.sources),
    }


def sources_used(calc: Calculator, rules: list[Rule]) -> list[dict[str, Any]]:
    """The sources behind the rules a result used, each once, in order of use."""
    keys = dict.fromkeys(key for rule in rules for key in rule.sources)
    return [calc.source(key).as_dict() for key in keys]
