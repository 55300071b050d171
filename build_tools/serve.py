"""Serve a built site the way a production static host should, on this machine.

WhiteNoise (a maintained static-file library) answers from the files: the precompressed `.br` or
`.gz` copy when the browser accepts it, `text/javascript` for `.mjs`, `application/wasm` for
`.wasm`, `index.html` for a folder, ETag and Last-Modified for revalidation. The headers come
from the site's own `_headers` (written by the post-build step, the same file Netlify reads): the
Content-Security-Policy on every response, so it reaches the worker too, and a year of
`immutable` caching for content-hashed files; everything else gets `no-cache`. Waitress, a
threaded pure-Python WSGI server, runs it: Pyodide fetches several files at once.

    python -m build_tools.serve site --port 8000
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from waitress.server import create_server
from whitenoise import WhiteNoise

from build_tools import SiteError, headers

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from wsgiref.headers import Headers

HOST = "127.0.0.1"
THREADS = 8
LOC = re.compile(r"<loc>([^<]+)</loc>")


def local_url(host: str, port: int) -> str:
    """The address `make serve` serves on, which the build must use as `site_url`."""
    return f"http://{host}:{port}/"


def built_for(site: Path) -> str | None:
    """The `site_url` the site was built for, read from the first entry of its sitemap."""
    sitemap = site / "sitemap.xml"
    match = LOC.search(sitemap.read_text(encoding="utf-8")) if sitemap.exists() else None
    return match.group(1) if match else None


def _not_found(site: Path) -> Callable[..., Iterable[bytes]]:
    page = site / "404.html"

    def respond(_environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        body = page.read_bytes() if page.exists() else b"Not found"
        start_response(
            "404 Not Found",
            [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache")],
        )
        return [body]

    return respond


def application(site: Path) -> WhiteNoise:
    """A WSGI app serving `site` with the headers its `_headers` file asks for."""
    rules = headers.read(site)

    def add_headers(found: Headers, _path: str, url: str) -> None:
        for name, value in headers.headers_for(rules, url).items():
            found[name] = value

    return WhiteNoise(
        _not_found(site),
        root=str(site),
        index_file=True,
        max_age=None,  # Cache-Control comes from `_headers` (or no-cache), see add_headers
        allow_all_origins=False,
        add_headers_function=add_headers,
    )


class _Deferred:
    """Answers with the app loaded at `start()`: the port is bound before the site is built."""

    def __init__(self) -> None:
        self.app: Callable[..., Iterable[bytes]] | None = None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self.app is None:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"The site is not loaded yet."]
        return self.app(environ, start_response)


class SiteServer:
    """`site` on a loopback port (0: any free one), bound now, serving after `start()`."""

    def __init__(self, site: Path, host: str = HOST, port: int = 0) -> None:
        self.site = Path(site)
        self._app = _Deferred()
        self._server = create_server(self._app, host=host, port=port, threads=THREADS)
        self.url = local_url(host, self._server.effective_port)
        self._thread: threading.Thread | None = None

    def load(self) -> None:
        """Read the site's files and headers (WhiteNoise scans the folder once)."""
        self._app.app = application(self.site)

    def start(self) -> None:
        self.load()
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()

    def serve_forever(self) -> None:
        self.load()
        self._server.run()

    def stop(self) -> None:
        self._server.close()
        self._server.task_dispatcher.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.serve", description=__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--host", default=HOST)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    url = local_url(args.host, args.port)
    if (expected := built_for(args.site)) and not expected.startswith(url):
        print(
            f"warning: {args.site} was built for {expected}, not {url}: instant navigation "
            f"will be off. Build with SITE_URL={url} (make serve PORT={args.port} does).",
            file=sys.stderr,
        )
    try:
        server = SiteServer(args.site, args.host, args.port)
        print(f"Serving {args.site} on {server.url} (Ctrl-C to stop)")
        server.serve_forever()
    except SiteError as error:
        print(*error.problems, sep="\n", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
