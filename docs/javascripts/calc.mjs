// Page script: brings the build-time calculator forms to life on every page Material shows.
// site.mjs imports it once a page with a calculator form is shown.
// The pieces: calc-form (reading and writing answers), calc-list (list fields), calc-fragment
// (the link that holds the answers), calc-client (the one Python worker per tab), calc-render
// (the result), calc-status (the form's state), calc-mount (one form, tied together).
import { mount } from "./calc-mount.mjs";
import "./calc-print.mjs";
import "./calc-reading.mjs";

let teardowns = [];
let mountedPath = null;

/** Tear down the forms of the page before, then mount the forms of this one. */
function mountAll() {
  for (const teardown of teardowns) teardown();
  const samePage = mountedPath === location.pathname;
  mountedPath = location.pathname;
  teardowns = [...document.querySelectorAll("form[data-calc]")].map((form) => mount(form, { samePage }));
}

// Material re-renders the page on instant navigation and announces it on `document$`.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
