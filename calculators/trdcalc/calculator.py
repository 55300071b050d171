"""The Calculator: a schema, a typed rule (`evaluate`), the words for it (`describe`), and `run`.

`run` is the one path from raw input to the JSON the CLI prints and the page shows: parse once,
check the cross-field rules, evaluate, describe, then fill in the id, version and sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .parse import parse
from .schema import TableRow

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .result import Outcome, Result
    from .schema import Band, Field, Source


@dataclass(frozen=True)
class Calculator:
    """A calculator: its schema, a typed rule (`evaluate`) and the words for it (`describe`).

    `kind` is "scored" when answers earn points that add up to a total (the form shows the
    points beside each answer), "unscored" otherwise. `check` holds the cross-field rules that
    `parse` cannot see (a long-acting injection needs its interval, say); it raises InputError.
    """

    id: str
    title: str
    version: str
    purpose: str
    kind: Literal["scored", "unscored"]
    fields: tuple[Field, ...]
    sources: tuple[Source, ...]
    evaluate: Callable[[Mapping[str, Any]], Outcome]
    describe: Callable[[Any], Result]
    check: Callable[[Mapping[str, Any]], None] | None = None
    bands: tuple[Band, ...] = ()
    total_range: tuple[int, int] | None = None
    table: tuple[TableRow, ...] = ()
    value_label: str = "Result"

    def __post_init__(self) -> None:
        if self.kind not in ("scored", "unscored"):
            msg = f"{self.id}: kind must be 'scored' or 'unscored', not {self.kind!r}"
            raise ValueError(msg)

    @property
    def scored(self) -> bool:
        return self.kind == "scored"

    def table_rows(self) -> tuple[TableRow, ...]:
        """The static rules table: given explicitly, or the points of every field's answers."""
        if self.table:
            return self.table
        return tuple(
            TableRow(f.label, r.label, r.points, r.rule) for f in self.fields for r in f.rows()
        )

    def table_groups(self) -> list[tuple[str, list[TableRow]]]:
        """The table's rows grouped by item, in table order."""
        groups: dict[str, list[TableRow]] = {}
        for table_row in self.table_rows():
            groups.setdefault(table_row.group, []).append(table_row)
        return list(groups.items())

    def source(self, key: str) -> Source:
        for src in self.sources:
            if src.key == key:
                return src
        msg = f"{self.id}: unknown source {key!r}"
        raise LookupError(msg)

    def band_for(self, total: float) -> Band:
        for band in self.bands:
            if band.holds(total):
                return band
        msg = f"{self.id}: no band holds {total!r}"
        raise LookupError(msg)

    def values(self, raw: Any) -> dict[str, Any]:
        """Typed values from raw JSON-like input, cross-field rules included; or InputError."""
        values = parse(self.fields, raw)
        if self.check:
            self.check(values)
        return values

    def run(self, raw: Any) -> dict[str, Any]:
        """Parse, check, evaluate, describe: the JSON-ready result; raises InputError."""
        values = self.values(raw)
        outcome = self.evaluate(values)
        described = self.describe(outcome)
        head = {"calculator": self.id, "version": self.version, "inputs": values}
        return head | outcome.as_json() | described.as_json(self)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "purpose": self.purpose,
            "kind": self.kind,
            "fields": [f.as_dict() for f in self.fields],
            "total_range": list(self.total_range) if self.total_range else None,
            "bands": [
                {"id": b.id, "label": b.label, "low": b.low, "high": b.high} for b in self.bands
            ],
            "sources": [s.as_dict() for s in self.sources],
        }
