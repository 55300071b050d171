"""Pseudo-resistance checklist: which checks of an apparent non-response are still open.

Rules from clinical-evidence.md sections 6.1 and 6.2, with the trial lengths of section 2.5 and
the conflicts of section 10 (items 12 and 13), and from section G of clinical-evidence-2.md. The
usual checklist comes first (Pharmacological Reviews table after Dold & Kasper 2017, VERIFIED-S;
CANMAT 2023 factors, VERIFIED-P), then the nine under-appreciated causes listed by Psychiatric
News 2024, then the further checks of the second evidence review, each with the evidence found
for it. Every item is one yes / no / unknown answer to "has this been checked and found fine?"; an
item answered no or unknown is open. Nothing is scored: the output is a list of questions to
bring to a clinician, each with why it matters, its sources and their confidence label. Where
the evidence is weak or conflicting the item says so. No question tells the reader to start,
stop or change a medicine. The items and their sources are data, in `pseudo_resistance_items`,
`pseudo_resistance_causes` and `pseudo_resistance_further`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import pseudo_resistance_causes, pseudo_resistance_further, pseudo_resistance_items
from .calculator import Calculator
from .pseudo_resistance_causes import LESS_OBVIOUS
from .pseudo_resistance_further import FURTHER
from .pseudo_resistance_items import CHECKLIST, Item
from .result import Result, Row, row
from .schema import Field, Option, Rule, TableRow

if TYPE_CHECKING:
    from collections.abc import Mapping

SOURCES = (
    pseudo_resistance_items.SOURCES
    + pseudo_resistance_causes.SOURCES
    + pseudo_resistance_further.SOURCES
)
ITEMS = CHECKLIST + LESS_OBVIOUS + FURTHER
FRAMEWORK = Rule(("pharmrev", "lam2024"), "VERIFIED-S")  # the checklist itself (section 6.2)
STATUS = {"no": "open", "unknown": "unknown"}
ANSWER_LABELS = {"yes": "Yes", "no": "No", "unknown": "Not sure"}


def _field(item: Item) -> Field:
    return Field(
        name=item.name,
        dimension=item.group,
        label=item.label,
        kind="choice",
        options=tuple(Option(value, label) for value, label in ANSWER_LABELS.items()),
        default="unknown",
        help_title="Why this matters",
        help=item.evidence[0].text,
    )


FIELDS = tuple(_field(item) for item in ITEMS)


def _open_item(item: Item, answer: str) -> dict[str, Any]:
    """One open item as the fixed `open_items` output gives it."""
    rule = item.rule
    return {
        "item": item.name,
        "group": item.group,
        "title": item.title,
        "answer": answer,
        "status": STATUS[answer],
        "question": item.question,
        "why": item.why,
        "sources": list(rule.sources),
        "confidence": rule.confidence,
        "evidence": [
            {"text": e.text, "sources": list(e.rule.sources), "confidence": e.rule.confidence}
            for e in item.evidence
        ],
        "evidence_strength": item.strength or None,
        "caution": item.caution or None,
    }


@dataclass(frozen=True)
class ChecklistOutcome:
    """Every item with its answer, in checklist order; the open ones are those not answered yes."""

    answers: tuple[tuple[Item, str], ...]

    @property
    def still_open(self) -> tuple[tuple[Item, str], ...]:
        return tuple((item, answer) for item, answer in self.answers if answer != "yes")

    @property
    def no_count(self) -> int:
        return sum(answer == "no" for _, answer in self.answers)

    @property
    def unknown_count(self) -> int:
        return sum(answer == "unknown" for _, answer in self.answers)

    def as_json(self) -> dict[str, Any]:
        return {
            "open_items": [_open_item(item, answer) for item, answer in self.still_open],
            "open_count": len(self.still_open),
            "no_count": self.no_count,
            "unknown_count": self.unknown_count,
            "checked_items": [item.name for item, answer in self.answers if answer == "yes"],
        }


def evaluate(values: Mapping[str, Any]) -> ChecklistOutcome:
    """The open items (answered no or unknown) in checklist order."""
    return ChecklistOutcome(tuple((item, values[item.name]) for item in ITEMS))


def describe(outcome: ChecklistOutcome) -> Result:
    """Each open item as a question with why it matters; conflicts listed as disagreements."""
    still_open = outcome.still_open
    return Result(
        headline=_headline(outcome),
        value_label="Status",
        rows=tuple(_row(item, answer) for item, answer in still_open),
        clinical=_clinical(len(still_open)),
        plain=_plain(still_open),
        warnings=_warnings(outcome),
        rules=(FRAMEWORK, *(item.rule for item, _ in still_open)),
        disagreements=_disagreements([item for item, _ in still_open]),
    )


def _row(item: Item, answer: str) -> Row:
    return row(
        item.name, item.title, f"Ask: {item.question} Why: {item.why}", STATUS[answer], item.rule
    )


def _headline(outcome: ChecklistOutcome) -> str:
    count = len(outcome.still_open)
    if not count:
        return f"No check left open: all {len(ITEMS)} were answered yes"
    return (
        f"{count} of {len(ITEMS)} checks still open "
        f"({outcome.no_count} answered no, {outcome.unknown_count} not known)"
    )


NOTHING_ANSWERED = (
    "No item was answered, so every check is listed as not known. Answer the ones you know; a "
    "partly filled checklist is normal."
)


def _warnings(outcome: ChecklistOutcome) -> tuple[str, ...]:
    return (NOTHING_ANSWERED,) if outcome.unknown_count == len(ITEMS) else ()


def _disagreements(open_items: list[Item]) -> tuple[str, ...]:
    """Each open item's sides where sources disagree on a number, and each conflict of evidence."""
    notes = []
    for item in open_items:
        if item.sides:
            notes.append(item.sides)
        if item.strength == "conflicting":
            notes.append(f"{item.title}: {item.caution}")
    return tuple(notes)


def _clinical(open_count: int) -> str:
    further = ", ".join(item.title[0].lower() + item.title[1:] for item in FURTHER)
    clinical = (
        "Open items follow the Pharmacological Reviews pseudo-resistance checklist (after Dold & "
        "Kasper 2017) and the CANMAT 2023 factors of inadequate response, then the nine "
        "under-appreciated causes of treatment failure listed by Psychiatric News (2024), then "
        f"further checks from a second evidence review ({further}), each with the evidence "
        "found for it and its confidence label. An open item is a prompt to review, not "
        "evidence of pseudo-resistance."
    )
    if open_count == 0:
        clinical += (
            " All items answered yes does not establish true resistance; it means these common "
            "explanations have been looked at."
        )
    return clinical


STRENGTH_IN_PLAIN_WORDS = {
    "conflicting": "(The evidence for this one conflicts.)",
    "weak": "(The evidence for this one is weak.)",
}


def _plain(still_open: tuple[tuple[Item, str], ...]) -> str:
    """The open questions themselves, numbered, between a plain opening and a plain reminder."""
    if not still_open:
        return (
            "You answered yes to every check, so there is no question left open on this list. "
            "That means the usual explanations have been looked at; it does not show that the "
            "depression is truly treatment-resistant, and it is not a verdict."
        )
    count = len(still_open)
    asked = " ".join(
        " ".join(filter(None, (f"{n}.", item.question, STRENGTH_IN_PLAIN_WORDS.get(item.strength))))
        for n, (item, _) in enumerate(still_open, start=1)
    )
    return (
        "This list is a prompt for a conversation with your clinician, not a verdict. "
        f"{count} {'question is' if count == 1 else 'questions are'} still open, and you could "
        f"bring {'it' if count == 1 else 'them'} to an appointment: {asked} A 'no' or 'not sure' "
        "does not mean anyone did something wrong, and it does not mean your depression is not "
        "real; it points to something worth talking about."
    )


CALCULATOR = Calculator(
    id="pseudo_resistance",
    title="Pseudo-resistance: checks still open",
    version="2.0.0",
    purpose="Which checks of an apparent non-response to treatment are still open?",
    kind="unscored",
    fields=FIELDS,
    sources=SOURCES,
    evaluate=evaluate,
    describe=describe,
    table=tuple(
        TableRow(
            f"{n}. {item.title}",
            f"Why it matters: {item.why} Question to ask: {item.question}",
            "open if no; unknown if not sure",
            item.rule,
        )
        for n, item in enumerate(ITEMS, start=1)
    ),
    value_label="Status",
)
