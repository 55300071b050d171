// A table too wide for the screen scrolls sideways inside the theme's wrapper. A keyboard user can
// only scroll it if the wrapper takes focus, so each wrapper that overflows gets tabindex="0",
// role="region" and a name (WCAG 2.1.1; axe rule scrollable-region-focusable). Wrappers that fit
// get nothing, so they add no tab stop. Checked on every page (Material's document$) and on resize.

const WRAPPER = ".md-typeset__scrollwrap";
const MARK = "readersRegion"; // data-readers-region: attributes we set, and may take back

/** A short name for the region: the table's caption, else its column headers. */
function nameOf(wrap) {
  const caption = wrap.querySelector("caption");
  if (caption?.textContent.trim()) return `Table: ${caption.textContent.trim()}`;
  const headers = [...wrap.querySelectorAll("thead th")].map((th) => th.textContent.trim()).filter(Boolean);
  return headers.length ? `Table: ${headers.join(", ")}` : "Table";
}

function update() {
  for (const wrap of document.querySelectorAll(WRAPPER)) {
    const overflows = wrap.scrollWidth > wrap.clientWidth + 1;
    if (overflows && !wrap.dataset[MARK]) {
      wrap.dataset[MARK] = "true";
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `${nameOf(wrap)} (scrolls sideways)`);
    } else if (!overflows && wrap.dataset[MARK]) {
      delete wrap.dataset[MARK];
      for (const name of ["tabindex", "role", "aria-label"]) wrap.removeAttribute(name);
    }
  }
}

let pending = 0;
function schedule() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(update);
}

// The theme wraps tables in its own document$ subscriber, which runs before this one.
if (window.document$) window.document$.subscribe(schedule);
else schedule();
window.addEventListener("resize", schedule, { passive: true });
