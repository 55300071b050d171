"""After a deploy, an open page keeps running the Python it was built with.

Two builds, the second with a changed calculator package, are served together (the old files
stay, as on a host or cache that keeps them). Every file that names another is content-hashed,
so an old page (still open, or its HTML still cached) loads the old page script, config, worker
and memory snapshot, and a new page loads only new ones: neither runs the other's Python. When a
deploy removed the old files instead, an open old page says the site was updated and offers a
reload that keeps the answers.
"""

from __future__ import annotations

import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_cli_result
from tests.conftest import load_cases, mkdocs_build, project_copy
from tests.local_site import server_for, start

pytestmark = pytest.mark.browser
START_MS = 90_000  # about versions, not speed: generous for a loaded two-core machine

PAGE = "staging/maudsley/"
MARK = "+updated"
# The change deployed in the second build: the same results, with a mark on the version.
UPDATE = f"""

_released_run_json = run_json


def run_json(calc_id, text):
    import json

    out, code = _released_run_json(calc_id, text)
    if code == 0:
        result = json.loads(out)
        result["version"] += "{MARK}"
        out = json.dumps(result)
    return out, code
"""


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    """The union of an old and a new build on one server: (address, the old page's HTML)."""
    root = tmp_path_factory.mktemp("update")
    union = root / "union"
    server, url = server_for(union)
    old, new = project_copy(root / "old"), project_copy(root / "new")
    init = new / "calculators" / "trdcalc" / "__init__.py"
    init.write_text(init.read_text() + UPDATE)
    with ThreadPoolExecutor(max_workers=2) as pool:
        builds = [pool.submit(mkdocs_build, p / "site", url, p) for p in (old, new)]
        for build in builds:
            build.result()
    shutil.copytree(old / "site", union)
    shutil.copytree(new / "site", union, dirs_exist_ok=True)  # new pages replace old ones
    start(server)
    yield url, (old / "site" / PAGE / "index.html").read_text()
    server.stop()


def fill(page, inputs):
    page.fill('input[name="duration_months"]', str(inputs["duration_months"]))
    page.check(f'input[name="severity"][value="{inputs["severity"]}"]')
    page.fill('input[name="failed_antidepressants"]', str(inputs["failed_antidepressants"]))


# The files that hold a release's calculators: the memory snapshot, or an archive of trdcalc.
PYTHON_FILES = re.compile(
    r"/assets/(snapshot-[0-9a-f]{12}\.bin|(bytecode/)?trdcalc-[0-9a-f]{12}\.zip)$"
)


def python_files(page) -> set[str]:
    return {url.split("/assets/", 1)[1] for url in page.requests if PYTHON_FILES.search(url)}


def test_old_and_new_pages_each_run_their_own_python(context, two_releases):
    url, old_html = two_releases
    inputs = load_cases("msm")[0]["inputs"]

    old_page = context.new_page()
    old_page.requests = []
    old_page.on("request", lambda r: old_page.requests.append(r.url))
    # The page as a reader opened it before the deploy.
    old_page.route(url + PAGE, lambda route: route.fulfill(body=old_html, content_type="text/html"))
    old_page.goto(url + PAGE)
    fill(old_page, inputs)
    released = expect_cli_result(old_page, "msm", inputs, timeout=START_MS)
    assert not released["version"].endswith(MARK)

    new_page = context.new_page()  # same browser profile: the old files are in its cache
    new_page.requests = []
    new_page.on("request", lambda r: new_page.requests.append(r.url))
    new_page.goto(url + PAGE)
    fill(new_page, inputs)
    form = new_page.locator('form[data-calc="msm"]')
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=START_MS)
    expect(form).to_have_attribute(
        "data-calc-result", re.compile(re.escape(MARK)), timeout=START_MS
    )
    updated = json.loads(form.get_attribute("data-calc-result"))
    assert updated["version"] == released["version"] + MARK
    assert {k: v for k, v in updated.items() if k != "version"} == {
        k: v for k, v in released.items() if k != "version"
    }
    # Each page fetched one snapshot (no fallback was needed), and not the same one.
    assert len(python_files(old_page)) == len(python_files(new_page)) == 1
    assert python_files(old_page) != python_files(new_page)


# A deploy that replaced the folder: this page's content-hashed runtime files are gone (404).
GONE_FILES = re.compile(r".*/assets/.*\.(zip|bin)$")


def test_a_page_whose_release_is_gone_says_reload_and_keeps_the_answers(page, base_url):
    inputs = load_cases("msm")[0]["inputs"]
    answers = "&".join(f"{k}={str(v).lower()}" for k, v in inputs.items())
    page.route(GONE_FILES, lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{base_url}{PAGE}#{answers}")
    form = page.locator('form[data-calc="msm"]')
    expect(form).to_have_attribute("data-calc-state", "error", timeout=START_MS)
    status = form.locator('[data-slot="status"]')
    expect(status).to_contain_text("This site was updated after this page was opened")
    expect(status.get_by_role("button", name="Try again")).to_have_count(0)
    page.unroute(GONE_FILES)  # the new release is there now
    status.get_by_role("button", name="Reload the page").click()
    expect_cli_result(page, "msm", inputs, timeout=START_MS)


def test_a_page_whose_script_is_gone_says_so_at_the_form(page, base_url):
    page.route(
        re.compile(r".*/javascripts/calc\.[^/]*mjs$"), lambda route: route.fulfill(status=404)
    )
    page.goto(base_url + PAGE)
    status = page.locator('form[data-calc="msm"] [data-slot="status"]')
    expect(status).to_contain_text("could not be loaded", timeout=START_MS)
    expect(status).to_contain_text("reload the page")
    assert page.locator('form[data-calc="msm"]').get_attribute("data-calc-state") == "static"
