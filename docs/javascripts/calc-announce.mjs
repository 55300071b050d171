// What a screen reader hears: one polite live region per calculator (in its result panel), fed
// only from here. While the reader types, an announcement waits until the typing settles, so a
// result is read once, not after every keystroke; what the reader asked for (Show the result,
// Copy, Print) and a failure are read at once.

/** How long the reader must pause typing before a result is read out. */
export const SETTLE_MS = 1200;

/** Pending announcements by live region. */
const pending = new WeakMap();

function regionOf(form) {
  const id = CSS.escape(form.dataset.calc);
  return document.querySelector(`[data-calc-output="${id}"] [data-slot="announce"]`);
}

function cancelIn(region) {
  clearTimeout(pending.get(region));
  pending.delete(region);
}

/**
 * Say `text` in the form's live region. `now`: at once, even if the same words were said last
 * (the region is emptied first so they are read again); otherwise once the typing settles, and
 * only if the words differ from what was said last.
 */
export function announce(form, text, { now = false } = {}) {
  const region = regionOf(form);
  if (!region) return;
  cancelIn(region);
  if (now) {
    region.textContent = "";
    pending.set(region, setTimeout(() => (region.textContent = text), 50));
    return;
  }
  pending.set(region, setTimeout(() => {
    pending.delete(region);
    if (region.textContent !== text) region.textContent = text;
  }, SETTLE_MS));
}

/** Drop an announcement not yet made (the result it was about has gone). */
export function cancelAnnouncement(form) {
  const region = regionOf(form);
  if (region) cancelIn(region);
}
