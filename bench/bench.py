"""Load-time and latency figures of the MSM page in Debian's Chromium (`make bench`).

Serves the built `site/` on a free local port and prints: time to first paint, time from the
first interaction to Python being ready (cold cache and warm cache), input-to-result latency
(median and p95) and bytes transferred, with the same bytes for a page without a calculator.
A script, not a test: figures vary with the machine.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.local_site import CHROMIUM_ARGS, chromium_path, server_for, start  # noqa: E402

SITE = ROOT / "site"
RUNS = 3
LATENCY_SAMPLES = 60

# Timestamps recorded in the page itself, on the page's own clock.
PROBE = """
window.__bench = { interaction: null, ready: null };
document.addEventListener("focusin", () => {
  window.__bench.interaction ??= performance.now();
}, { capture: true });
new MutationObserver(() => {
  const form = document.querySelector("form[data-calc]");
  if (form && form.dataset.calcState === "ready") window.__bench.ready ??= performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-calc-state"] });
"""

LATENCY = """
async (samples) => {
  const form = document.querySelector("form[data-calc]");
  const input = form.querySelector('input[name="duration_months"]');
  form.querySelector('input[name="severity"][value="moderate"]').checked = true;
  form.querySelector('input[name="failed_antidepressants"]').value = "3";
  const times = [];
  for (let i = 0; i < samples; i++) {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(form, { attributes: true, attributeFilter: ["data-calc-result"] });
    });
    const start = performance.now();
    input.value = String(1 + (i % 40));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await changed;
    await new Promise(requestAnimationFrame);  // until the result is painted
    times.push(performance.now() - start);
  }
  return times;
}
"""


def record_requests(page: object) -> list[object]:
    """Every finished request of the page, the worker's included.

    Sizes are read afterwards: the sync API must not be called inside an event handler.
    """
    finished: list[object] = []
    page.on("requestfinished", lambda request: finished.append(request))  # noqa: PLW0108 - Playwright tags handlers, a bound builtin cannot be
    return finished


def total_bytes(requests: list[object]) -> int:
    """Bytes received: response headers and bodies."""
    sizes = [request.sizes() for request in requests]
    return sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)


def first_paint(page: object) -> float:
    return page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime"
        " ?? performance.getEntriesByName('first-paint')[0].startTime"
    )


def interact_until_ready(page: object) -> float:
    page.focus('input[name="duration_months"]')
    page.wait_for_selector('form[data-calc-state="ready"]', timeout=60_000)
    marks = page.evaluate("window.__bench")
    return marks["ready"] - marks["interaction"]


def measure(browser: object, base: str) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"paint": [], "cold": [], "warm": [], "bytes_msm": []}
    for _ in range(RUNS):
        context = browser.new_context()
        context.add_init_script(PROBE)
        page = context.new_page()
        requests = record_requests(page)
        page.goto(base + "staging/maudsley/", wait_until="domcontentloaded")
        figures["cold"].append(interact_until_ready(page))
        figures["paint"].append(first_paint(page))
        page.wait_for_load_state("networkidle")
        figures["bytes_msm"].append(total_bytes(requests))
        page.reload(wait_until="domcontentloaded")
        figures["warm"].append(interact_until_ready(page))
        if "latency" not in figures:
            figures["latency"] = page.evaluate(LATENCY, LATENCY_SAMPLES)
        context.close()
    context = browser.new_context()
    page = context.new_page()
    requests = record_requests(page)
    page.goto(base + "about/", wait_until="networkidle")
    figures["bytes_about"] = [total_bytes(requests)]
    context.close()
    return figures


def report(figures: dict[str, list[float]]) -> None:
    def ms(values: list[float]) -> str:
        return (
            f"{statistics.median(values):7.0f} ms (runs: {', '.join(f'{v:.0f}' for v in values)})"
        )

    latency = sorted(figures["latency"])
    p95 = latency[max(0, round(0.95 * len(latency)) - 1)]
    print("MSM page (staging/maudsley/), Debian Chromium, local server, median of", RUNS)
    print(f"  first contentful paint              {ms(figures['paint'])}")
    print(f"  first interaction to ready, cold    {ms(figures['cold'])}")
    print(f"  first interaction to ready, warm    {ms(figures['warm'])}")
    print(
        f"  input to result shown               median {statistics.median(latency):.1f} ms, "
        f"p95 {p95:.1f} ms ({len(latency)} changes)"
    )
    mib = statistics.median(figures["bytes_msm"]) / 2**20
    print(f"  bytes transferred, cold, to ready   {mib:7.2f} MiB (brotli/gzip server)")
    kib = figures["bytes_about"][0] / 2**10
    print(f"  bytes for a page without calculator {kib:7.0f} KiB (about/)")


def main() -> int:
    if not (SITE / "staging" / "maudsley" / "index.html").exists():
        print("site/ is not built: run `make bench`", file=sys.stderr)
        return 1
    server, base = server_for(SITE)
    start(server)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            report(measure(browser, base))
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
