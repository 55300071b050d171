"""Serving a built site on loopback and finding Debian's Chromium: shared by tests and bench."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

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


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files with the module and wasm types Pyodide needs, and no request log."""

    extensions_map = {  # noqa: RUF012 - the stdlib attribute we override
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, *_args: object) -> None:
        pass


def server_for(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """A server for `directory` on a free loopback port, not yet started, and its address."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory))
    )
    return server, f"http://127.0.0.1:{server.server_port}/"


def start(server: ThreadingHTTPServer) -> None:
    threading.Thread(target=server.serve_forever, daemon=True).start()


def chromium_path() -> str:
    """Debian's Chromium, or the one named by $CHROMIUM."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
