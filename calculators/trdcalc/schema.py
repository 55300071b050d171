"""The declarative pieces every calculator is made of, and the one validator that reads them.

A calculator is a `Calculator`: its fields (with the points each answer earns), its bands, its
sources and one pure `compute` function. The build renders forms and static tables from the same
objects, the CLI prints them as JSON schema, and `parse` turns raw JSON (CLI, browser, fragment)
into typed values once, at the edge, so scoring functions never reparse strings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

CONFIDENCE_LABELS = ("VERIFIED-P", "VERIFIED-S", "DERIVED", "RECALLED", "NOT FOUND")
VERIFIED = ("VERIFIED-P", "VERIFIED-S", "DERIVED")


class InputError(ValueError):
    """Input a calculator cannot score: the field it concerns and a message for the reader."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, dict[str, str]]:
        """The CLI and browser error shape."""
        return {"error": {"field": self.field, "message": self.message}}


@dataclass(frozen=True)
class Source:
    """One publication a rule comes from, as the evidence file cites it."""

    key: str
    short: str
    citation: str
    doi: str | None = None
    url: str | None = None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "short": self.short,
            "citation": self.citation,
            "doi": self.doi,
            "url": self.url,
        }


@dataclass(frozen=True)
class Rule:
    """Where a scoring rule comes from and how sure we are of it (labels of the evidence file)."""

    sources: tuple[str, ...]
    confidence: str

    def __post_init__(self) -> None:
        if self.confidence not in CONFIDENCE_LABELS:
            msg = f"unknown confidence label {self.confidence!r}"
            raise ValueError(msg)

    @property
    def verified(self) -> bool:
        return self.confidence in VERIFIED


@dataclass(frozen=True)
class Option:
    """One answer of a choice or yes/no field and the points it earns."""

    value: Any
    label: str
    points: int
    rule: Rule
    plain: str = ""


@dataclass(frozen=True)
class Range:
    """Numbers up to and including `up_to` (None: no upper end) earn `points`."""

    label: str
    up_to: float | None
    points: int
    rule: Rule
    plain: str = ""

    def holds(self, value: float) -> bool:
        return self.up_to is None or value <= self.up_to


@dataclass(frozen=True)
class Field:
    """One input: its fixed name, the dimension it scores and the answers it allows.

    `kind` is "number", "integer", "choice", "boolean" or "list". Numbers are scored by `ranges`,
    choices and booleans by `options`. A list holds `min_items` to `max_items` items: each is one
    of `options` (a list of choices), or, with `item_fields`, an object of those fields, or, with
    `item_number`, one number checked like that number field.
    `below_minimum` replaces the range message when a value under the minimum needs its own
    explanation (for example "no failed trial: the method gives no stage").
    """

    name: str
    dimension: str
    label: str
    kind: str
    options: tuple[Option, ...] = ()
    ranges: tuple[Range, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    default: Any = None
    help_title: str = ""
    help: str = ""
    below_minimum: str = ""
    item_fields: tuple[Field, ...] = ()
    item_number: Field | None = None
    item_label: str = "Item"
    item_choice_label: str = ""
    optional: bool = False  # may be left blank: then None, with no default to stand in
    min_items: int = 0
    max_items: int = 30

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    @property
    def item_kind(self) -> str:
        """What each item of a list is: "object", "number" or "choice"."""
        if self.item_fields:
            return "object"
        return "number" if self.item_number else "choice"

    def rows(self) -> tuple[Option | Range, ...]:
        """The scoring rows of this field, in table order."""
        return self.ranges or self.options

    def score(self, value: Any) -> Option | Range:
        """The row a (valid) value falls into."""
        for row in self.rows():
            if isinstance(row, Range) and row.holds(value):
                return row
            if isinstance(row, Option) and row.value == value:
                return row
        msg = f"{self.name}: no scoring row for {value!r}"
        raise LookupError(msg)

    def range_text(self) -> str:
        """The allowed values in words, for messages and hints."""
        if self.kind == "choice":
            return "one of: " + ", ".join(str(o.value) for o in self.options)
        if self.kind == "boolean":
            return "true or false"
        if self.kind == "list":
            item = self.item_number
            each = f", each {item.range_text()}{_unit(item)}" if item else ""
            return f"a list of {self.min_items} to {self.max_items} items{each}"
        whole = "a whole number" if self.kind == "integer" else "a number"
        return f"{whole} from {_fmt(self.minimum)} to {_fmt(self.maximum)}"

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.kind}
        if self.kind in ("number", "integer"):
            data |= {"minimum": self.minimum, "maximum": self.maximum, "unit": self.unit}
            if self.ranges:
                data["scoring"] = [
                    {"label": r.label, "up_to": r.up_to, "points": r.points} for r in self.ranges
                ]
        elif self.kind == "list":
            data |= {"min_items": self.min_items, "max_items": self.max_items}
            if self.item_fields:
                fields = [f.as_dict() for f in self.item_fields]
                data["items"] = {"type": "object", "fields": fields}
            elif self.item_number:
                item = self.item_number
                data["items"] = {
                    "type": item.kind,
                    "minimum": item.minimum,
                    "maximum": item.maximum,
                    "unit": item.unit,
                }
            else:
                data["items"] = {"type": "choice", "options": [o.value for o in self.options]}
        else:
            data["options"] = [
                {"value": o.value, "label": o.label, "points": o.points} for o in self.options
            ]
        data["required"] = self.required
        if not self.required:
            data["default"] = self.default
        return data


@dataclass(frozen=True)
class Band:
    """A named interval of totals, both ends included."""

    id: str
    label: str
    low: int
    high: int
    rule: Rule
    plain: str = ""

    def holds(self, total: float) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class TableRow:
    """One line of a calculator's static rules table: a group, a rule in words, its value."""

    group: str
    label: str
    value: Any
    rule: Rule


@dataclass(frozen=True)
class Calculator:
    """A calculator: its schema plus one pure function from parsed inputs to a result."""

    id: str
    title: str
    version: str
    purpose: str
    fields: tuple[Field, ...]
    sources: tuple[Source, ...]
    compute: Callable[[Mapping[str, Any]], dict[str, Any]]
    bands: tuple[Band, ...] = ()
    total_range: tuple[int, int] | None = None
    table: tuple[TableRow, ...] = ()
    value_label: str = "Points"
    extra: dict[str, Any] = field(default_factory=dict)

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

    def run(self, raw: Any) -> dict[str, Any]:
        """Validate raw JSON-like input, then compute; raises InputError for bad input."""
        values = parse(self.fields, raw)
        result = self.compute(values)
        return {"calculator": self.id, "version": self.version, "inputs": values, **result}

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "purpose": self.purpose,
            "fields": [f.as_dict() for f in self.fields],
            "total_range": list(self.total_range) if self.total_range else None,
            "bands": [
                {"id": b.id, "label": b.label, "low": b.low, "high": b.high} for b in self.bands
            ],
            "sources": [s.as_dict() for s in self.sources],
        }


def parse(fields: tuple[Field, ...], raw: Any) -> dict[str, Any]:
    """Typed values from raw input, or the first InputError a reader should see.

    Values that are present but wrong are reported before missing ones, so a reader filling the
    form from the top sees the message about what they typed, not about what comes later.
    """
    if not isinstance(raw, dict):
        raise InputError("", "Inputs must be a JSON object of field names and values.")
    known = {f.name for f in fields}
    for name in raw:
        if name not in known:
            allowed = ", ".join(f.name for f in fields)
            raise InputError(name, f"Unknown field '{name}'. Allowed fields: {allowed}.")
    values = {f.name: _parse_value(f, raw[f.name]) for f in fields if _given(raw, f.name)}
    for f in fields:
        if f.name not in values:
            if f.required:
                raise InputError(f.name, f"{f.label} is required: enter {f.range_text()}.")
            values[f.name] = f.default
    return values


def _given(raw: dict[str, Any], name: str) -> bool:
    return name in raw and raw[name] is not None and raw[name] != ""


def _parse_value(f: Field, value: Any) -> Any:
    if f.kind == "list":
        return _parse_list(f, value)
    if f.kind == "boolean":
        if isinstance(value, bool):
            return value
        raise InputError(f.name, f"{f.label}: answer {f.range_text()} (yes or no).")
    if f.kind == "choice":
        for option in f.options:
            if value == option.value and isinstance(value, str):
                return value
        raise InputError(f.name, f"{f.label}: choose {f.range_text()}.")
    return _parse_number(f, value)


def _parse_list(f: Field, value: Any) -> list[Any]:
    """Each item parsed like a field of its own, named `LIST.INDEX` or `LIST.INDEX.FIELD`."""
    if not isinstance(value, list) or not f.min_items <= len(value) <= f.max_items:
        raise InputError(f.name, f"{f.label}: give {f.range_text()}.")
    items = []
    for index, item in enumerate(value):
        where = f"{f.item_label} {index + 1}"
        if f.item_fields:
            fields = tuple(
                replace(sub, name=f"{f.name}.{index}.{sub.name}", label=f"{where}: {sub.label}")
                for sub in f.item_fields
            )
            if not isinstance(item, dict):
                raise InputError(f"{f.name}.{index}", f"{where}: expected an object of answers.")
            named = {f"{f.name}.{index}.{k}": v for k, v in item.items()}
            parsed = parse(fields, named)
            items.append(
                {
                    sub.name: parsed[full.name]
                    for sub, full in zip(f.item_fields, fields, strict=True)
                }
            )
        elif f.item_number:
            number = replace(f.item_number, name=f"{f.name}.{index}", label=where)
            items.append(_parse_value(number, item))
        else:
            choice = replace(f, name=f"{f.name}.{index}", label=where, kind="choice")
            items.append(_parse_value(choice, item))
    return items


def _parse_number(f: Field, value: Any) -> int | float:
    number = _as_number(value)
    if number is None:
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}{_unit(f)}.")
    if f.kind == "integer" and number != int(number):
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}; {_fmt(number)} is not whole.")
    if f.minimum is not None and number < f.minimum and f.below_minimum:
        raise InputError(f.name, f.below_minimum)
    if (f.minimum is not None and number < f.minimum) or (
        f.maximum is not None and number > f.maximum
    ):
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}{_unit(f)}.")
    return int(number) if number == int(number) else number


def _as_number(value: Any) -> float | None:
    """A finite number from a JSON number or a numeric string; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return value
    return None


def _unit(f: Field) -> str:
    return f" {f.unit}" if f.unit else ""


def _fmt(number: float | None) -> str:
    if number is None:
        return "any"
    return str(int(number)) if number == int(number) else str(number)
