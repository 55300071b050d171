"""The Content-Security-Policy of the site: nothing from another host.

Scripts come from this site only, plus the exact hashes of the theme's inline scripts.

One site-wide policy, because instant navigation keeps the first page's policy while it runs the
inline scripts of the pages it swaps in. Every page carries it in a `<meta>` tag (so it holds on
any host); the server should also send it as an HTTP header, the only form that reaches workers.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import TYPE_CHECKING

from build_tools import SiteError

if TYPE_CHECKING:
    from pathlib import Path

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL
)
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# 'wasm-unsafe-eval' lets Pyodide compile WebAssembly; styles stay 'unsafe-inline' because the
# theme sets inline style attributes. Everything else comes from this site only.
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
CHARSET = '<meta charset="utf-8">'  # the policy goes right after it, before any script


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def policy_for(pages: list[str]) -> str:
    """The policy that allows exactly the inline scripts of these pages."""
    hashes = sorted({script_hash(body) for text in pages for body in INLINE_SCRIPT.findall(text)})
    return POLICY.format(hashes=" ".join(hashes))


def policy_of(site: Path) -> str:
    """The policy the built pages carry (the same on every page), read from the home page."""
    match = META.search((site / "index.html").read_text(encoding="utf-8"))
    if not match:
        raise SiteError([f"{site / 'index.html'}: no Content-Security-Policy meta tag"])
    return match.group(1)


def apply(site: Path) -> str:
    """Put the site-wide policy into every page; returns it."""
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    if already := [str(p) for p, text in texts.items() if META.search(text)]:
        raise SiteError([f"{p}: already has a policy; post-process a fresh build" for p in already])
    if missing := [str(p) for p, text in texts.items() if CHARSET not in text]:
        raise SiteError(
            [f"{p}: no {CHARSET} to put the Content-Security-Policy after" for p in missing]
        )
    policy = policy_for(list(texts.values()))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for page, text in texts.items():
        page.write_text(text.replace(CHARSET, f"{CHARSET}\n{meta}", 1), encoding="utf-8")
    return policy
