"""The declarative pieces every calculator is made of.

A calculator is a `Calculator`: its fields, its sources, a pure `evaluate` from typed values to a
small frozen outcome, and a `describe` that puts the outcome into words (`result.Result`). Scored
calculators (MSM, MGH-s) also carry the points of each answer and their bands. The build renders
forms and static tables from these objects, the CLI prints them as a JSON schema, and
`parse.parse` turns raw JSON into typed values once, at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .parse import InputError, fmt

__all__ = [
    "CONFIDENCE_LABELS",
    "VERIFIED",
    "Band",
    "Field",
    "InputError",
    "Option",
    "Range",
    "Rule",
    "Source",
    "TableRow",
]

CONFIDENCE_LABELS = ("VERIFIED-P", "VERIFIED-S", "DERIVED", "RECALLED", "NOT FOUND")
VERIFIED = ("VERIFIED-P", "VERIFIED-S", "DERIVED")


@dataclass(frozen=True)
class Source:
    """One publication a rule comes from, as the evidence file cites it."""

    key: str
    short: str
    citation: str
    doi: str | None = None
    url: str | None = None

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
    """One answer of a choice or yes/no field; in a scored calculator, the points it earns."""

    value: Any
    label: str
    points: int | None = None
    rule: Rule | None = None
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
    above_minimum: bool = False  # the minimum itself is not allowed ("more than 0 months")
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
            each = f", each {item.range_text()}{item.unit_text()}" if item else ""
            return f"a list of {self.min_items} to {self.max_items} items{each}"
        whole = "a whole number" if self.kind == "integer" else "a number"
        if self.above_minimum:
            return f"{whole} above {fmt(self.minimum)} and up to {fmt(self.maximum)}"
        return f"{whole} from {fmt(self.minimum)} to {fmt(self.maximum)}"

    def allows(self, number: float) -> bool:
        """Whether a number lies in this field's range."""
        low = self.minimum is None or (
            number > self.minimum if self.above_minimum else number >= self.minimum
        )
        return low and (self.maximum is None or number <= self.maximum)

    def unit_text(self) -> str:
        """The unit after a number, with its space ("" when the field has none)."""
        return f" {self.unit}" if self.unit else ""

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.kind}
        if self.kind in ("number", "integer"):
            data |= {"minimum": self.minimum, "maximum": self.maximum, "unit": self.unit}
            if self.above_minimum:
                data["exclusive_minimum"] = True
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
                {"value": o.value, "label": o.label}
                | ({} if o.points is None else {"points": o.points})
                for o in self.options
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
