"""Serving a built site on loopback and finding Debian's Chromium: shared by tests and bench.

The server is the one `make serve` runs (build_tools/serve.py: WhiteNoise on Waitress), so the
browser tests see the production headers: precompressed files, caching rules and the
Content-Security-Policy as an HTTP header.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from build_tools.serve import SiteServer

if TYPE_CHECKING:
    from pathlib import Path

# Flags that keep Chromium quiet on a closed network (platform-facts.md).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def server_for(directory: Path) -> tuple[SiteServer, str]:
    """A server for `directory` on a free loopback port, bound but not serving, and its address.

    Build the site for that address, then `start` the server.
    """
    server = SiteServer(directory)
    return server, server.url


def start(server: SiteServer) -> None:
    server.start()


def chromium_path() -> str:
    """Debian's Chromium, or the one named by $CHROMIUM."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
