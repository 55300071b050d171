"""The static server `make serve` and the tests use: encodings, types, caching and the policy."""

from __future__ import annotations

import re
import subprocess
import urllib.request

import pytest

from build_tools import SiteError, headers, serve
from tests.conftest import ROOT


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    accept = {"Accept-Encoding": encoding or "identity"}
    request = urllib.request.Request(url, headers=accept)  # noqa: S310 - our loopback server
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def published(site, pattern):
    (found,) = site.glob(pattern)
    return found.relative_to(site).as_posix()


def meta_policy(site) -> str:
    html = (site / "index.html").read_text()
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


@pytest.mark.parametrize(
    ("pattern", "media_type"),
    [
        ("assets/pyodide-*/pyodide.asm.wasm", "application/wasm"),
        ("javascripts/calc-worker.*.mjs", "text/javascript"),
        ("javascripts/calc.*.mjs", "text/javascript"),
        ("assets/trdcalc-*.zip", "application/zip"),
    ],
)
def test_hashed_files_are_immutable_with_their_type(site_server, pattern, media_type):
    site, url = site_server
    _, got, _ = fetch(url + published(site, pattern))
    assert got["content-type"].split(";")[0] == media_type
    assert got["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("path", ["", "staging/maudsley/", "stylesheets/calc.css", "_headers"])
def test_pages_and_plain_files_are_revalidated(site_server, path):
    _, url = site_server
    status, got, _ = fetch(url + path)
    assert status == 200
    assert got["cache-control"] == "no-cache"
    assert got.get("etag") or got.get("last-modified")


@pytest.mark.parametrize(("accept", "sent"), [("br, gzip", "br"), ("gzip", "gzip"), (None, None)])
def test_precompressed_copies_are_sent_to_browsers_that_accept_them(site_server, accept, sent):
    site, url = site_server
    path = published(site, "assets/pyodide-*/pyodide.asm.wasm")
    _, got, body = fetch(url + path, accept)
    assert got.get("content-encoding") == sent
    suffix = {"br": ".br", "gzip": ".gz", None: ""}[sent]
    assert body == (site / (path + suffix)).read_bytes()
    assert "Accept-Encoding" in got["vary"]


def test_every_response_carries_the_pages_policy_as_a_header(site_server):
    site, url = site_server
    policy = meta_policy(site)
    for path in ["", published(site, "javascripts/calc-worker.*.mjs"), "stylesheets/calc.css"]:
        _, got, _ = fetch(url + path)
        assert got["content-security-policy"] == policy, path


def test_unknown_path_is_404_with_the_sites_page(site_server):
    site, url = site_server
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(url + "no/such/page/")
    assert error.value.code == 404
    assert error.value.read() == (site / "404.html").read_bytes()


def test_server_reports_a_site_that_was_not_post_processed(tmp_path):
    (tmp_path / "index.html").write_text("<p>built by an engine alone</p>")
    with pytest.raises(SiteError, match="not post-processed"):
        serve.application(tmp_path)


def test_headers_file_round_trips_and_merges_like_netlify():
    rules = headers.rules_for("default-src 'self'", ["a/x.1.mjs", "assets/p-1/*"], "/trd/")
    parsed = headers.parse(headers.render(rules))
    assert parsed == rules
    assert headers.headers_for(parsed, "/trd/a/x.1.mjs") == {
        "Content-Security-Policy": "default-src 'self'",
        "Cache-Control": headers.IMMUTABLE,
    }
    assert headers.headers_for(parsed, "/trd/assets/p-1/pyodide.mjs")["Cache-Control"] == (
        headers.IMMUTABLE
    )
    assert headers.headers_for(parsed, "/trd/index.html")["Cache-Control"] == "no-cache"
    assert headers.headers_for(parsed, "/other/")["Cache-Control"] == "no-cache"
    assert "Content-Security-Policy" not in headers.headers_for(parsed, "/other/")


def make_dry_run(*args: str) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_serve_builds_for_the_port_it_serves_on():
    out = make_dry_run("serve", "PORT=8101")
    build = [line for line in out.splitlines() if "mkdocs build" in line]
    assert build == ["SITE_URL=http://127.0.0.1:8101/ .venv/bin/python -m mkdocs build --strict"]
    assert ".venv/bin/python -m build_tools.serve site --host 127.0.0.1 --port 8101" in out
    assert out.index("mkdocs build") < out.index("build_tools.serve")


def test_make_build_fails_on_warnings_and_keeps_the_default_site_url():
    out = make_dry_run("build", "SITE_URL=")
    (build,) = [line for line in out.splitlines() if "mkdocs build" in line]
    assert build == ".venv/bin/python -m mkdocs build --strict"  # no --quiet, no -q


def test_serve_warns_when_the_site_was_built_for_another_address(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>http://127.0.0.1:8000/</loc></url>")
    assert serve.built_for(tmp_path) == "http://127.0.0.1:8000/"
    assert serve.local_url("127.0.0.1", 8101) == "http://127.0.0.1:8101/"
    done = subprocess.run(
        [".venv/bin/python", "-m", "build_tools.serve", str(tmp_path), "--port", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert "was built for http://127.0.0.1:8000/, not http://127.0.0.1:0/" in done.stderr
    assert "not post-processed" in done.stderr  # and it refuses a site without its headers
    assert done.returncode == 1
