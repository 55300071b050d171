"""Precompressed copies: only where they pay, identical to the original once decoded, cached."""

from __future__ import annotations

import gzip
import os
import time

import brotli

from build_tools import compress


def test_copies_only_where_they_pay(tmp_path):
    text = ("<p>treatment-resistant depression</p>\n" * 200).encode()
    (tmp_path / "page.html").write_bytes(text)
    (tmp_path / "tiny.css").write_bytes(b"a{}" * 10)
    (tmp_path / "noise.bin").write_bytes(os.urandom(4096))
    sizes = compress.precompress(tmp_path, cache=None)
    assert set(sizes) == {"page.html"}
    assert gzip.decompress((tmp_path / "page.html.gz").read_bytes()) == text
    assert brotli.decompress((tmp_path / "page.html.br").read_bytes()) == text
    assert sizes["page.html"][".br"] < sizes["page.html"][".gz"] < len(text)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "noise.bin",
        "page.html",
        "page.html.br",
        "page.html.gz",
        "tiny.css",
    ]


def test_large_results_come_from_the_cache_the_second_time(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    big = b"".join(b"line %d of a large module\n" % i for i in range(20_000))
    assert len(big) >= compress.CACHE_MIN_BYTES
    (site / "big.mjs").write_bytes(big)
    compress.precompress(site, cache)
    cached = sorted(p.name for p in cache.iterdir())
    assert [name.rsplit(".", 1)[1] for name in cached] == ["br", "gz"]
    # A planted entry shows that the second run reads the cache instead of compressing again.
    (cache / cached[0]).write_bytes(brotli.compress(b"from the cache"))
    compress.precompress(site, cache)
    assert brotli.decompress((site / "big.mjs.br").read_bytes()) == b"from the cache"


def test_cache_entries_unused_for_a_month_are_removed(tmp_path):
    old, fresh = tmp_path / "old.br", tmp_path / "fresh.br"
    old.write_bytes(b"1")
    fresh.write_bytes(b"2")
    long_ago = time.time() - (compress.KEEP_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    compress.prune(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.br"]


def test_the_cache_lives_outside_the_project(monkeypatch, tmp_path):
    monkeypatch.delenv("TRD_BUILD_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compress.default_cache_dir() == tmp_path / "trd-site" / "precompressed"
    monkeypatch.setenv("TRD_BUILD_CACHE", str(tmp_path / "elsewhere"))
    assert compress.default_cache_dir() == tmp_path / "elsewhere" / "precompressed"
