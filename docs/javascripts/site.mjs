// The one script every page loads, kept tiny: the calculators' page script (calc.mjs, and with it
// the worker, Pyodide and the rest) is imported only when a page shown has a calculator form, so
// a page without one fetches no calculator file. Material's instant navigation swaps pages
// without reloading scripts and announces each on `document$`: a calculator page reached that
// way imports calc.mjs then, which mounts its forms (it subscribes to `document$` itself, and
// Material replays the current page to a new subscriber).

/** Open every collapsible note while printing, so the printout has the help text too. */
function openDetailsForPrint() {
  const closed = [...document.querySelectorAll("details:not([open])")];
  for (const details of closed) details.open = true;
  window.addEventListener("afterprint", () => closed.forEach((d) => (d.open = false)), { once: true });
}
window.addEventListener("beforeprint", openDetailsForPrint);

let calculators = null;

const SCRIPT_MISSING =
  "The calculator's script could not be loaded. If this site was updated after this page was " +
  "opened, reload the page; the scoring table below works by hand.";

/** Say so at every form: without its script a form stays inert (it can send nothing). */
function sayScriptMissing() {
  for (const status of document.querySelectorAll('form[data-calc] [data-slot="status"]')) {
    status.textContent = SCRIPT_MISSING;
  }
}

function loadCalculatorsIfNeeded() {
  if (calculators || !document.querySelector("form[data-calc]")) return;
  calculators = import("./calc.mjs").catch((error) => {
    calculators = null; // a later page may try again
    console.error("The calculators' script could not be loaded", error);
    sayScriptMissing();
  });
}

if (window.document$) window.document$.subscribe(loadCalculatorsIfNeeded);
else loadCalculatorsIfNeeded();
