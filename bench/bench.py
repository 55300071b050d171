"""Start-up, latency and bytes of the MSM page against a naive page, in Debian's Chromium.

`make bench` serves the built `site/` with the project's own server (WhiteNoise, the build's
.br/.gz copies) and, for a few rounds, opens two fresh on-disk Chromium profiles: one visits the
site's MSM page, one a NAIVE page (generated here, inside the served folder, never shipped) that
loads the same self-hosted Pyodide on the main thread, the same package archive, and computes the
same Maudsley result. Each profile is visited once, then reloaded (so the reload can use the disk
caches, the compiled-wasm cache included). It prints, per page and visit, navigation to first MSM
result (median of the rounds) with the site/naive ratio; the site's start-up steps (performance
marks the page script sets); main-thread long tasks, and the runtime's own scripts among them
(long animation frames name each script); bytes on the wire for a first visit; bytes
of a page without a calculator; input-to-result latency over 50 changes (the work, and the
frame that shows the result).

A script, not a test: figures vary with the machine. BENCH_ROUNDS=5 for more rounds.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.local_site import CHROMIUM_ARGS, chromium_path, server_for, start  # noqa: E402

SITE = ROOT / "site"
PAGE = "staging/maudsley/"
PLAIN_PAGE = "about/"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LATENCY_SAMPLES = 50
RESULT_TIMEOUT_MS = 90_000
LONG_TASK_MS = 50
INPUTS = {
    "duration_months": 12,
    "severity": "moderate",
    "failed_antidepressants": 3,
    "augmentation": False,
    "ect": False,
}

# Runs before any page script: long tasks, and the time the first result appears.
PROBE = """
window.__bench = { result: null, longTasks: [], ownScripts: [] };
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__bench.longTasks.push([entry.startTime, entry.duration]);
    }
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames name the scripts that ran in them: the runtime's own are its modules.
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      for (const script of frame.scripts) {
        if (!/[/]javascripts[/]calc-/.test(script.sourceURL)) continue;
        const name = script.sourceURL.split("/").pop().replace(/[.][0-9a-f]{12}[.]mjs$/, "");
        window.__bench.ownScripts.push([script.startTime, script.duration, name, script.invoker]);
      }
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch {}
new MutationObserver(() => {
  if (window.__bench.result !== null) return;
  const done = document.querySelector(
    "form[data-calc][data-calc-result], #naive-result[data-done]");
  if (done) window.__bench.result = performance.now();
}).observe(document, { subtree: true, attributes: true, childList: true });
"""

# On the site: answer the MSM form as soon as it exists, like a reader who starts at once.
ANSWER = """
(inputs) => {
  const form = document.querySelector('form[data-calc="msm"]');
  form.querySelector('input[name="duration_months"]').value = String(inputs.duration_months);
  form.querySelector('input[name="failed_antidepressants"]').value =
    String(inputs.failed_antidepressants);
  form.querySelector(`input[name="severity"][value="${inputs.severity}"]`).checked = true;
  const input = form.querySelector('input[name="duration_months"]');
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
"""

# Input to result, two ways, for each of 50 changes of one field:
# - `work`: from the input event to the result in the page (message to the worker, Python, the
#   DOM update): what the site controls;
# - `shown`: from the input event to the frame that shows the result. Each input comes at a
#   different moment of a frame (0 to 15 ms after its start, in turn), as a reader's keys do;
#   `nextFrame` says the result made it into the first frame after the input, the best any page
#   can do. (Starting every input right at a frame's start, as this bench did before, makes one
#   frame, 16.7 ms at 60 Hz, the floor of every sample.)
LATENCY = """
async (samples) => {
  const form = document.querySelector("form[data-calc]");
  const input = form.querySelector('input[name="duration_months"]');
  const now = () => performance.now();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(now())));
  const rows = [];
  for (let i = 0; i < samples; i++) {
    await frame();
    await new Promise((resolve) => setTimeout(resolve, (i * 7) % 16));
    const inPage = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(now());
      });
      observer.observe(form, { attributes: true, attributeFilter: ["data-calc-result"] });
    });
    let firstFrame = null;
    requestAnimationFrame(() => { firstFrame = now(); });
    const start = now();
    input.value = String(2 + (i % 40));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const done = await inPage;
    const nextFrame = firstFrame === null;  // that frame has not begun: the result is in it
    const shown = await frame();
    rows.push({ work: done - start, shown: shown - start, nextFrame });
  }
  return rows;
}
"""

NAIVE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>naive</title>
<script type="module" src="naive.mjs"></script></head>
<body><pre id="naive-result">loading</pre></body></html>
"""

NAIVE_MODULE = """// The naive page: Pyodide on the main thread, then the same calculation.
const pyodideDir = new URL(%(pyodide_dir)s, import.meta.url).href;
const { loadPyodide } = await import(pyodideDir + "pyodide.mjs");
const pyodide = await loadPyodide({
  indexURL: pyodideDir,
  packageBaseUrl: pyodideDir,
  lockFileContents: { info: %(lock_info)s, packages: {} },
});
const response = await fetch(new URL(%(archive)s, import.meta.url));
const archive = new Uint8Array(await response.arrayBuffer());
pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/calc" });
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/calc')");
const runJson = pyodide.pyimport("trdcalc").run_json;
const [text] = runJson("msm", %(inputs)s).toJs();
const out = document.getElementById("naive-result");
out.textContent = text;
out.dataset.done = "";
"""


def write_naive_page(site: Path) -> str:
    """The naive page, in a temporary folder of `site`; returns its path from the site root."""
    (pyodide_dir,) = (site / "assets").glob("pyodide-*")
    (archive,) = (site / "assets").glob("trdcalc-*.zip")
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    folder = Path(tempfile.mkdtemp(prefix="bench-naive-", dir=site))
    (folder / "index.html").write_text(NAIVE_HTML, encoding="utf-8")
    module = NAIVE_MODULE % {
        "pyodide_dir": json.dumps(f"../assets/{pyodide_dir.name}/"),
        "archive": json.dumps(f"../assets/{archive.name}"),
        "lock_info": json.dumps(lock["info"]),
        "inputs": json.dumps(json.dumps(INPUTS)),
    }
    (folder / "naive.mjs").write_text(module, encoding="utf-8")
    return folder.name + "/"


def record_requests(page: object) -> list[object]:
    """Every finished request of the page, the worker's included (sizes read afterwards)."""
    finished: list[object] = []
    page.on("requestfinished", lambda request: finished.append(request))  # noqa: PLW0108 - Playwright tags handlers, a bound builtin cannot be
    return finished


def total_bytes(requests: list[object], only: str = "") -> int:
    """Bytes received (encoded bodies and headers), of the URLs containing `only`."""
    sizes = [request.sizes() for request in requests if only in request.url]
    return sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)


def wait_for_result(page: object) -> dict:
    # Polled from here: the site's CSP refuses the eval that wait_for_function needs.
    for _ in range(RESULT_TIMEOUT_MS // 50):
        if page.evaluate("window.__bench && window.__bench.result !== null"):
            break
        page.wait_for_timeout(50)
    else:
        raise TimeoutError(f"no result on {page.url}")
    page.wait_for_timeout(300)  # long tasks right after the result still count
    return page.evaluate(
        """() => ({
          result: window.__bench.result,
          longTasks: window.__bench.longTasks,
          ownScripts: window.__bench.ownScripts,
          marks: performance.getEntriesByType("mark")
            .filter((m) => m.name.startsWith("calc-"))
            .map((m) => [m.name, m.startTime]),
        })"""
    )


def visit(page: object, url: str, *, reload: bool, answer: bool) -> dict:
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    if answer:
        # The page script enables the form's buttons in the same task as it adds its listeners.
        mounted = 'form[data-calc="msm"] button[data-needs-script]:not([disabled])'
        page.wait_for_selector(mounted, state="attached", timeout=RESULT_TIMEOUT_MS)
        page.evaluate(ANSWER, INPUTS)
    return wait_for_result(page)


def one_profile(playwright: object, url: str, *, answer: bool, latency: bool) -> dict:
    """First visit and reload of `url` in a fresh on-disk profile."""
    profile = tempfile.mkdtemp(prefix="bench-profile-")
    try:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        context.add_init_script(PROBE)
        page = context.pages[0] if context.pages else context.new_page()
        requests = record_requests(page)
        first = visit(page, url, reload=False, answer=answer)
        page.wait_for_load_state("networkidle")
        first["bytes"] = total_bytes(requests)
        again = visit(page, url, reload=True, answer=answer)
        if latency:
            again["latency"] = page.evaluate(LATENCY, LATENCY_SAMPLES)
        context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {"first": first, "reload": again}


def plain_page_bytes(playwright: object, url: str) -> tuple[int, int]:
    """(all bytes, calculator-script bytes) of a first visit to a page without a calculator."""
    profile = tempfile.mkdtemp(prefix="bench-profile-")
    try:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        page = context.pages[0] if context.pages else context.new_page()
        requests = record_requests(page)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)
        calc = total_bytes(requests, "/javascripts/calc") + total_bytes(requests, "/assets/pyodide")
        figures = (total_bytes(requests), calc)
        context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return figures


def measure(playwright: object, base: str, naive: str) -> dict:
    rounds: dict[str, list[dict]] = {"site": [], "naive": []}
    for number in range(ROUNDS):
        order = ["site", "naive"] if number % 2 == 0 else ["naive", "site"]
        for which in order:
            url = base + (PAGE if which == "site" else naive)
            run = one_profile(
                playwright, url, answer=which == "site", latency=which == "site" and number == 0
            )
            rounds[which].append(run)
            print(
                f"  round {number + 1} {which:5}: first {run['first']['result']:6.0f} ms, "
                f"reload {run['reload']['result']:6.0f} ms",
                file=sys.stderr,
            )
    return {"rounds": rounds, "plain": plain_page_bytes(playwright, base + PLAIN_PAGE)}


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _during_startup(run: dict) -> list[float]:
    """Long tasks that overlap the runtime's start (first calc mark to the result)."""
    marks = [time for _, time in run["marks"]]
    if not marks:  # the naive page: Pyodide runs from its first script on
        return [duration for _, duration in run["longTasks"]]
    begin, end = min(marks), run["result"]
    return [d for start, d in run["longTasks"] if start + d > begin and start < end]


def _long_tasks(runs: list[dict]) -> str:
    tasks = [duration for run in runs for _, duration in run["longTasks"]]
    over = [t for t in tasks if t > LONG_TASK_MS]
    worst = max(tasks, default=0)
    startup = [t for run in runs for t in _during_startup(run) if t > LONG_TASK_MS]
    return (
        f"{len(over) / len(runs):4.1f} per visit over {LONG_TASK_MS} ms, longest {worst:.0f} ms;"
        f" while Python starts: {len(startup) / len(runs):4.1f} per visit,"
        f" longest {max(startup, default=0):.0f} ms"
    )


def _own_scripts(runs: list[dict]) -> str:
    """The longest run of the calculator runtime's own code in a long animation frame."""
    scripts = [script for run in runs for script in run.get("ownScripts", [])]
    if not scripts:
        return "none in a long frame"
    _, duration, name, invoker = max(scripts, key=lambda script: script[1])
    over = sum(script[1] > LONG_TASK_MS for script in scripts)
    return (
        f"{len(scripts) / len(runs):4.1f} per visit in long frames, {over} over {LONG_TASK_MS} ms,"
        f" longest {duration:.0f} ms ({name}, {invoker})"
    )


def _marks(runs: list[dict]) -> list[str]:
    names: dict[str, list[float]] = {}
    for run in runs:
        for name, time in run["marks"]:
            names.setdefault(name, []).append(time)
    ordered = sorted(names.items(), key=lambda item: _median(item[1]))
    return [f"      {name:32} {_median(times):7.0f} ms" for name, times in ordered]


def report(figures: dict) -> None:
    site, naive = figures["rounds"]["site"], figures["rounds"]["naive"]
    print(f"MSM page ({PAGE}) vs a naive main-thread page, Debian Chromium, local server,")
    print(f"fresh on-disk profile per round, median of {ROUNDS} rounds")
    for visit_name in ("first", "reload"):
        s = [run[visit_name]["result"] for run in site]
        n = [run[visit_name]["result"] for run in naive]
        print(
            f"  navigation to first result, {visit_name:6}: site {_median(s):6.0f} ms, "
            f"naive {_median(n):6.0f} ms, ratio {_median(s) / _median(n):.2f} "
            f"(site {', '.join(f'{v:.0f}' for v in s)}; naive {', '.join(f'{v:.0f}' for v in n)})"
        )
    for visit_name in ("first", "reload"):
        print(f"  site start-up marks, {visit_name} visit (from navigation):")
        print(*_marks([run[visit_name] for run in site]) or ["      (none)"], sep="\n")
    for which, runs in (("site", site), ("naive", naive)):
        for visit_name in ("first", "reload"):
            visits = [run[visit_name] for run in runs]
            print(f"  main-thread long tasks, {which:5} {visit_name:6}: {_long_tasks(visits)}")
    for visit_name in ("first", "reload"):
        visits = [run[visit_name] for run in site]
        print(f"  the runtime's own scripts, {visit_name:6}: {_own_scripts(visits)}")
    site_bytes = _median([run["first"]["bytes"] for run in site])
    naive_bytes = _median([run["first"]["bytes"] for run in naive])
    print(
        f"  bytes on the wire, first visit: site {site_bytes / 1e6:.2f} MB, "
        f"naive {naive_bytes / 1e6:.2f} MB"
    )
    total, calc = figures["plain"]
    print(
        f"  page without a calculator ({PLAIN_PAGE}): {total / 1e3:.0f} kB, "
        f"of which calculator files {calc / 1e3:.1f} kB"
    )
    rows = site[0]["reload"]["latency"]
    kinds = (("work", "input to result in the page"), ("shown", "input to the frame showing it"))
    for key, what in kinds:
        values = sorted(row[key] for row in rows)
        print(
            f"  {what}: median {_median(values):.1f} ms, p95 {_p95(values):.1f} ms "
            f"({len(values)} changes)"
        )
    in_next = sum(row["nextFrame"] for row in rows)
    print(f"  results shown in the first frame after the input: {in_next} of {len(rows)}")


def _p95(values: list[float]) -> float:
    return values[max(0, round(0.95 * len(values)) - 1)]


def main() -> int:
    if not (SITE / PAGE / "index.html").exists():
        print("site/ is not built: run `make bench`", file=sys.stderr)
        return 1
    naive = write_naive_page(SITE)
    server, base = server_for(SITE)
    start(server)
    try:
        with sync_playwright() as playwright:
            report(measure(playwright, base, naive))
    finally:
        server.stop()
        shutil.rmtree(SITE / naive, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
