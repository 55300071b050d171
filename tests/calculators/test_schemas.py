"""Every calculator's schema is internally sound.

Sources exist, labels are known, rows ascend, bands tile the total range, and the extremes of the
rows add up to the published range.
"""

from __future__ import annotations

import pytest

import trdcalc
from trdcalc.schema import CONFIDENCE_LABELS, Range

CALCS = list(trdcalc.CALCULATORS.values())


@pytest.mark.parametrize("calc", CALCS, ids=[c.id for c in CALCS])
def test_every_rule_cites_a_known_source_with_a_known_label(calc):
    keys = {s.key for s in calc.sources}
    rules = [row.rule for f in calc.fields for row in f.rows() if row.rule]
    rules += [b.rule for b in calc.bands] + [row.rule for row in calc.table_rows()]
    for rule in rules:
        assert rule.confidence in CONFIDENCE_LABELS
        assert set(rule.sources) <= keys

    for field in calc.fields:
        for row in field.rows():
            if row.points:
                assert row.rule, (field.name, "points need a rule")
                assert row.rule.verified, "a RECALLED or NOT FOUND rule must not be scored"


@pytest.mark.parametrize("calc", CALCS, ids=[c.id for c in CALCS])
def test_points_only_in_scored_calculators(calc):
    """The kind is explicit: only a scored calculator gives answers points (issue 10, item 2)."""
    pointed = [r for f in calc.fields for r in f.rows() if getattr(r, "points", None)]
    assert bool(pointed) == calc.scored, calc.id


@pytest.mark.parametrize("calc", CALCS, ids=[c.id for c in CALCS])
def test_sources_have_a_doi_or_url(calc):
    for source in calc.sources:
        # A DOI or address only where the evidence file gives one; the source list says when
        # there is none (sources.html.j2).
        assert source.short
        assert source.citation


@pytest.mark.parametrize("calc", CALCS, ids=[c.id for c in CALCS])
def test_ranges_ascend_and_end_open(calc):
    for field in calc.fields:
        if not field.ranges:
            continue
        bounds = [r.up_to for r in field.ranges]
        assert bounds[-1] is None, field.name
        assert bounds[:-1] == sorted(bounds[:-1]), field.name
        assert all(isinstance(r, Range) for r in field.ranges)


@pytest.mark.parametrize("calc", [c for c in CALCS if c.bands], ids=lambda c: c.id)
def test_bands_tile_the_total_range(calc):
    low, high = calc.total_range
    covered = [t for b in calc.bands for t in range(b.low, b.high + 1)]
    assert covered == list(range(low, high + 1))


@pytest.mark.parametrize("calc", [c for c in CALCS if c.total_range], ids=lambda c: c.id)
def test_row_extremes_add_up_to_the_published_range(calc):
    """A transcription check: minimum and maximum points per field sum to the stated range."""
    lows = sum(min(r.points for r in f.rows()) for f in calc.fields)
    highs = sum(max(r.points for r in f.rows()) for f in calc.fields)
    # MSM: booleans can be 0, so the minimum 3 comes from 1 + 1 + 1 + 0 + 0 (Fekadu 2018).
    assert (lows, highs) == tuple(calc.total_range)


@pytest.mark.parametrize("calc", CALCS, ids=[c.id for c in CALCS])
def test_field_names_are_unique(calc):
    names = [f.name for f in calc.fields]
    assert len(names) == len(set(names))


def test_each_citation_is_defined_once():
    """A source key means one citation text everywhere (issue 10: athf and rush2006 had two)."""
    seen: dict[str, object] = {}
    for calc in CALCS:
        for source in calc.sources:
            assert seen.setdefault(source.key, source) == source, source.key
