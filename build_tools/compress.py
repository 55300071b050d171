"""Precompressed `.br` and `.gz` files beside every large file of the built site.

A server that finds `x.br` or `x.gz` beside `x` sends it to browsers that accept that encoding
(WhiteNoise does; nginx with `gzip_static`/`brotli_static` too), so the 9.6 MB wasm travels as
2.7 MB. Large files get the strongest settings, which for brotli is slow (about a minute for the
wasm on two cores), so their results are kept in a cache keyed by the content's hash and a build
pays it once. Small files change with every build (pages name the site's URL) and get brotli's
quality 5: about 3x faster than 9 for 2 % more bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from pathlib import Path

import brotli

MIN_BYTES = 1024  # smaller files gain nothing worth a second request path
KEEP_RATIO = 0.95  # keep a compressed copy only if it saves at least 5 %
CACHE_MIN_BYTES = 256 * 1024
SMALL_BROTLI_QUALITY = 5
ENCODINGS = {
    ".gz": lambda data: gzip.compress(data, 9, mtime=0),
    ".br": lambda data: brotli.compress(
        data, quality=11 if len(data) >= CACHE_MIN_BYTES else SMALL_BROTLI_QUALITY
    ),
}
SKIP_SUFFIXES = {".gz", ".br", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2"}


KEEP_DAYS = 30  # cache entries unused for this long are removed


def default_cache_dir() -> Path:
    """`$TRD_BUILD_CACHE/precompressed`, else the user's cache folder (`~/.cache/trd-site/...`).

    Outside the project, so fresh clones on the same machine (CI) reuse it; keyed by content, so
    any project or version may share it.
    """
    if explicit := os.environ.get("TRD_BUILD_CACHE"):
        return Path(explicit) / "precompressed"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "trd-site" / "precompressed"


def prune(cache: Path, keep_days: int = KEEP_DAYS) -> None:
    """Remove entries not used for `keep_days` (each use refreshes an entry's time)."""
    if cache.is_dir():
        cutoff = time.time() - keep_days * 86400
        for entry in cache.iterdir():
            if entry.stat().st_mtime < cutoff:
                entry.unlink(missing_ok=True)


def _compressed(data: bytes, suffix: str, cache: Path | None) -> bytes:
    if cache is None or len(data) < CACHE_MIN_BYTES:
        return ENCODINGS[suffix](data)
    entry = cache / (hashlib.sha256(data).hexdigest() + suffix)
    if entry.exists():
        os.utime(entry)
        return entry.read_bytes()
    result = ENCODINGS[suffix](data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(result)
    partial.replace(entry)  # atomic: builds running side by side never read half a file
    return result


def precompress(site: Path, cache: Path | None = None) -> dict[str, dict[str, int]]:
    """Write `x.gz` and `x.br` beside every file of at least MIN_BYTES that they shrink by 5 %.

    Returns {site-relative path: {"raw": n, ".gz": n, ".br": n}} for the files it compressed.
    Gzip is tried first: a file gzip cannot shrink (an archive) is not given to brotli either.
    An existing `x.gz` is replaced (MkDocs writes `sitemap.xml.gz`: the same content).
    """
    sizes: dict[str, dict[str, int]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix in SKIP_SUFFIXES or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        entry = {"raw": len(data)}
        for suffix in ENCODINGS:
            packed = _compressed(data, suffix, cache)
            if len(packed) > KEEP_RATIO * len(data):
                break
            path.with_name(path.name + suffix).write_bytes(packed)
            entry[suffix] = len(packed)
        if len(entry) > 1:
            sizes[path.relative_to(site).as_posix()] = entry
    if cache is not None:
        prune(cache)
    return sizes
