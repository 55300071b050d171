"""The memory snapshot: made the same way twice, stored small, and holding the whole package."""

from __future__ import annotations

import struct

import brotli
import pytest

from build_tools import bytecode, package, snapshot
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def published(built_site):
    (stdlib,) = built_site.glob("assets/stdlib-*.zip")
    (compiled,) = built_site.glob("assets/bytecode/trdcalc-*.zip")
    (memory,) = built_site.glob("assets/snapshot-*.bin")
    return stdlib.read_bytes(), compiled.read_bytes(), memory


def test_a_fresh_snapshot_gives_the_same_bytes(published, tmp_path):
    stdlib, compiled, memory = published
    pkg = package.load(ROOT / "calculators")
    runs = bytecode.warmup(pkg.module.CALCULATORS, ROOT / "tests" / "cases")
    made = snapshot.make(ROOT, stdlib, compiled, runs, tmp_path / "cache")
    assert made == memory.read_bytes()
    assert len(list((tmp_path / "cache").iterdir())) == 1  # the result is cached


def test_the_stored_snapshot_is_small(published):
    """31 MB of memory kept in about 10 MB, about 2.6 MB with brotli.

    XOR with the wasm's data segments, and no zero pages: 10 MB is what the browser decompresses
    and hands to the worker; brotli's size is what goes on the wire.
    """
    memory = published[2]
    stored = memory.read_bytes()
    assert stored[:4] == b"TRDS"
    whole = struct.unpack_from("<I", stored, 4)[0]
    assert whole > 30_000_000  # the whole wasm memory
    assert len(stored) < 0.4 * whole
    assert stored.find(b"\x00snp") == 4 * (3 + 2 * struct.unpack_from("<I", stored, 8)[0])
    compressed = memory.with_name(memory.name + ".br").read_bytes()
    assert len(compressed) < 3_000_000
    assert brotli.decompress(compressed) == stored


def test_the_snapshot_does_not_hold_the_folder_it_was_made_in(published):
    """The same bytes from any checkout (a path in memory made caches disagree between clones)."""
    stored = published[2].read_bytes()
    assert str(ROOT).encode() not in stored


def test_the_snapshot_is_made_again_when_an_input_changes(published, tmp_path):
    stdlib, compiled, _ = published
    runs = [["msm", "{}"]]
    snapshot.make(ROOT, stdlib, compiled, runs, tmp_path / "cache")
    snapshot.make(ROOT, stdlib, compiled, runs, tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    snapshot.make(ROOT, stdlib, compiled, [*runs, ["esm", "{}"]], tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 2
