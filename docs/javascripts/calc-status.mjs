// The form's visible state: `data-calc-state` (static, loading, ready, error) for CSS and tests,
// and the status line under the buttons, in words (never a traceback).

const MB = 1_000_000;

export const STATUS = Object.freeze({
  starting: "Starting Python in your browser.",
  ready: (python) => `Ready: Python ${python} is running in your browser. Nothing you enter leaves this page.`,
  startFailed: (reason) =>
    `The calculator could not start (${reason}). You can still score by hand with the scoring table below.`,
  updated:
    "This site was updated after this page was opened, and the calculator's files changed with it. " +
    "Reload the page to use the new version; your answers are kept in the address.",
  stopped: (reason) =>
    `The calculator stopped (${reason}). Change an answer or choose “Try again” to start it afresh; ` +
    "the scoring table below works by hand.",
});

function statusOf(form) {
  return form.querySelector('[data-slot="status"]');
}

/**
 * Set the state and put `text` in the status line; the error state adds its two ways out: the
 * scoring table, and "Try again" (or "Reload the page" when `action` is "reload").
 */
export function setState(form, state, text, action = "retry") {
  form.dataset.calcState = state;
  const status = statusOf(form);
  status.replaceChildren(text);
  if (state !== "error") return;
  const link = document.createElement("a");
  link.href = `#calc-${form.dataset.calc}-scoring`;
  link.textContent = "Go to the scoring table";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.dataset.action = action;
  button.textContent = action === "reload" ? "Reload the page" : "Try again";
  status.append(" ", link, " ", button);
}

function megabytes(bytes) {
  return (bytes / MB).toFixed(1);
}

/**
 * Show download progress in the loading state: "Downloading Python: 4.1 of 12.3 MB" with a
 * progress bar. The figures are hidden from screen readers, so the live status line is not read
 * out again for every tenth of a megabyte; the bar carries the same value for them.
 */
export function showProgress(form, loaded, total) {
  if (form.dataset.calcState !== "loading") return;
  const status = statusOf(form);
  let bar = status.querySelector("progress");
  if (!bar) {
    const figures = document.createElement("span");
    figures.dataset.slot = "figures";
    figures.setAttribute("aria-hidden", "true");
    bar = document.createElement("progress");
    bar.setAttribute("aria-label", "Python download");
    status.replaceChildren("Downloading Python: ", figures, " ", bar);
  }
  const figures = `${megabytes(loaded)} of ${megabytes(total)} MB`;
  const shown = status.querySelector('[data-slot="figures"]');
  if (shown.textContent !== figures) shown.textContent = figures;
  bar.max = Math.max(total, 1);
  bar.value = Math.min(loaded, bar.max);
}
