// The reading level a result opens in. Pages on the patients' route say `reading: plain` in their
// front matter; the build writes it into the page (overrides/partials/reading.html) and this
// module hands it to each form and result panel (data-reading) and selects that tab before any
// result is shown. Nothing is stored: a reader's click on the other tab lasts for this page view.

/** "plain" or "clinical": what this page asks for (clinical when it says nothing). */
export function pageReading() {
  const asked = document.querySelector("article [data-reading-first]")?.dataset.readingFirst;
  return asked === "plain" ? "plain" : "clinical";
}

/** Give every calculator on the page its reading level and open that tab. */
export function applyReading() {
  const reading = pageReading();
  for (const form of document.querySelectorAll("form[data-calc]")) {
    const id = form.dataset.calc;
    const out = document.querySelector(`[data-calc-output="${CSS.escape(id)}"]`);
    form.dataset.reading = reading;
    if (!out) continue;
    out.dataset.reading = reading;
    const tab = document.getElementById(`calc-${id}-tab-${reading}`);
    if (tab) tab.checked = true;
  }
}

if (window.document$) window.document$.subscribe(applyReading);
else applyReading();
