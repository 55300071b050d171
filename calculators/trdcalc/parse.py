"""The one validator: raw JSON-like input (CLI, worker, fragment) to typed values, or errors.

Every input of any shape ends in typed values or in `InputError`s that name the field and the
allowed range. Numbers come as JSON numbers or as plain ASCII decimal strings; underscores,
non-ASCII digits, infinities and integers too large for a float are refused, never read.
`errors` lists every problem at once (the page shows them together); `parse` raises the first,
present-but-wrong values before missing ones, so the CLI reports what the reader typed first.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .schema import Field

# A plain decimal number: ASCII digits only, an optional sign, point and exponent.
NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Beyond this size an integer is outside every field's range and would not survive a float.
LARGEST_INTEGER = 2**53


class InputError(ValueError):
    """Input a calculator cannot score: the field it concerns and a message for the reader."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, dict[str, str]]:
        """The CLI and browser error shape."""
        return {"error": {"field": self.field, "message": self.message}}


def printable(text: str) -> str:
    """`text` with anything that cannot be written as UTF-8 (lone surrogates) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def parse(fields: tuple[Field, ...], raw: Any) -> dict[str, Any]:
    """Typed values from raw input, or the first InputError a reader should see."""
    values, problems = _read(fields, raw)
    if problems:
        raise problems[0]
    return values


def errors(fields: tuple[Field, ...], raw: Any) -> list[InputError]:
    """Every problem with raw input, in the order `parse` would report them."""
    return _read(fields, raw)[1]


def _read(fields: tuple[Field, ...], raw: Any) -> tuple[dict[str, Any], list[InputError]]:
    if not isinstance(raw, dict):
        return {}, [InputError("", "Inputs must be a JSON object of field names and values.")]
    known = {f.name for f in fields}
    allowed = ", ".join(f.name for f in fields)
    wrong = [
        InputError(
            printable(name), printable(f"Unknown field '{name}'. Allowed fields: {allowed}.")
        )
        for name in raw
        if name not in known
    ]
    values: dict[str, Any] = {}
    missing = []
    for f in fields:
        if _given(raw, f.name):
            try:
                values[f.name] = _parse_value(f, raw[f.name])
            except InputError as problem:
                wrong.append(problem)
        elif f.required:
            missing.append(InputError(f.name, f"{f.label} is required: enter {f.range_text()}."))
        else:
            values[f.name] = f.default
    return values, wrong + missing


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
            if isinstance(value, str) and value == option.value:
                return value
        raise InputError(f.name, f"{f.label}: choose {f.range_text()}.")
    return _parse_number(f, value)


def _parse_list(f: Field, value: Any) -> list[Any]:
    """Each item parsed like a field of its own, named `LIST.INDEX` or `LIST.INDEX.FIELD`."""
    if not isinstance(value, list) or not f.min_items <= len(value) <= f.max_items:
        raise InputError(f.name, f"{f.label}: give {f.range_text()}.")
    return [_parse_item(f, index, item) for index, item in enumerate(value)]


def _parse_item(f: Field, index: int, item: Any) -> Any:
    where = f"{f.item_label} {index + 1}"
    if f.item_fields:
        if not isinstance(item, dict):
            raise InputError(f"{f.name}.{index}", f"{where}: expected an object of answers.")
        fields = tuple(
            replace(sub, name=f"{f.name}.{index}.{sub.name}", label=f"{where}: {sub.label}")
            for sub in f.item_fields
        )
        parsed = parse(fields, {f"{f.name}.{index}.{k}": v for k, v in item.items()})
        return {
            sub.name: parsed[full.name] for sub, full in zip(f.item_fields, fields, strict=True)
        }
    if f.item_number:
        return _parse_value(replace(f.item_number, name=f"{f.name}.{index}", label=where), item)
    return _parse_value(replace(f, name=f"{f.name}.{index}", label=where, kind="choice"), item)


def _parse_number(f: Field, value: Any) -> int | float:
    number = as_number(value)
    if number is None:
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}{_unit(f)}.")
    if f.kind == "integer" and number != int(number):
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}; {fmt(number)} is not whole.")
    if f.minimum is not None and number < f.minimum and f.below_minimum:
        raise InputError(f.name, f.below_minimum)
    if not f.allows(number):
        raise InputError(f.name, f"{f.label}: enter {f.range_text()}{_unit(f)}.")
    return int(number) if number == int(number) else number


def as_number(value: Any) -> int | float | None:
    """A finite number from a JSON number or a plain decimal string; None otherwise.

    Integers beyond 2**53 are refused here rather than compared: they are outside every range,
    and turning them into floats would overflow or lose digits.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not NUMBER_TEXT.fullmatch(text):
            return None
        value = float(text)
    if isinstance(value, int):
        return value if abs(value) <= LARGEST_INTEGER else None
    if isinstance(value, float) and math.isfinite(value):
        return value
    return None


def _unit(f: Field) -> str:
    return f" {f.unit}" if f.unit else ""


def fmt(number: float | None) -> str:
    """A bound or value in words: whole numbers without a decimal point, None as "any"."""
    if number is None:
        return "any"
    return str(int(number)) if number == int(number) else str(number)
