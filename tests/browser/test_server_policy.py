"""Served with the policy as an HTTP header, the Python worker cannot reach another origin.

A `<meta>` policy covers the page but not its workers; only the header reaches them. The test
asks the running worker to fetch from a second local server (another origin: another port) and
counts what that server receives; the control serves the same files with Python's plain file
server, which sends no policy header.
"""

from __future__ import annotations

import functools
import threading
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.helpers import expect_cli_result
from tests.conftest import load_cases

pytestmark = pytest.mark.browser
# These tests are about headers, not speed: a loaded two-core machine can take over 30 s to
# start Python, so they wait longer than the calculator tests do.
START_MS = 90_000

FETCH = """async (url) => {
  try { await fetch(url, { mode: "no-cors", cache: "no-store" }); return "fetched"; }
  catch (error) { return "blocked"; }
}"""


class _Counter(BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def other_origin():
    """A server on another port that records every request it gets."""
    handler = type("Counter", (_Counter,), {"hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", handler.hits
    server.shutdown()
    server.server_close()


def running_worker(page, base_url):
    """Open the MSM page, run the calculator once and return its Python worker."""
    page.goto(base_url + "staging/maudsley/")
    inputs = load_cases("msm")[0]["inputs"]
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))
    expect_cli_result(page, "msm", inputs, timeout=START_MS)
    (worker,) = [w for w in page.workers if "calc-worker" in w.url]
    return worker


def test_the_worker_gets_the_policy_and_cannot_fetch_from_another_origin(
    page, base_url, other_origin
):
    responses = []
    page.on("response", lambda r: "calc-worker" in r.url and responses.append(r))
    worker = running_worker(page, base_url)
    assert "connect-src 'self'" in responses[0].headers["content-security-policy"]
    other_url, hits = other_origin
    assert worker.evaluate(FETCH, base_url + "index.html") == "fetched"
    assert worker.evaluate(FETCH, other_url + "leak") == "blocked"
    assert hits == []


class _PlainFiles(SimpleHTTPRequestHandler):
    """Python's own file server: the same files, with the meta tags but no policy header."""

    extensions_map = {  # noqa: RUF012 - the stdlib attribute we override
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, *_args: object) -> None:
        pass


def test_served_without_the_header_the_same_fetch_gets_through(page, site_server, other_origin):
    """The control: the header, not the page's meta tag, is what stops the worker."""
    site, _ = site_server
    plain = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PlainFiles, directory=site))
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    try:
        worker = running_worker(page, f"http://127.0.0.1:{plain.server_port}/")
        other_url, hits = other_origin
        assert worker.evaluate(FETCH, other_url + "leak") == "fetched"
        assert hits == ["/leak"]
    finally:
        plain.shutdown()
        plain.server_close()


def test_the_python_runtime_arrives_compressed(page, base_url):
    encodings = {}

    def record(response):
        if response.url.endswith((".wasm", "pyodide.asm.mjs")):
            encodings[response.url.rsplit("/", 1)[1]] = response.headers.get("content-encoding")

    page.on("response", record)
    running_worker(page, base_url)
    assert set(encodings) == {"pyodide.asm.wasm", "pyodide.asm.mjs"}
    assert set(encodings.values()) <= {"br", "gzip"}, encodings
