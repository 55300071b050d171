// A result's chart (`chart_svg`, drawn by the Python) rebuilt from an allow-list: only shapes,
// text and their geometry and colour attributes are copied, so no link, script, style, animation
// or outside reference can reach the page, whatever the markup holds.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Elements copied, with their text; any other element is dropped with everything inside it. */
const ELEMENTS = new Set([
  "svg", "g", "title", "desc", "text", "tspan",
  "rect", "line", "polyline", "polygon", "path", "circle", "ellipse",
]);

/** Elements whose text is copied (text elsewhere in SVG is never drawn). */
const TEXT_ELEMENTS = new Set(["title", "desc", "text", "tspan"]);

/** Attributes copied when their value is plain (numbers, colours, words). */
const ATTRIBUTES = new Set([
  "viewBox", "width", "height", "preserveAspectRatio", "role",
  "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "cx", "cy", "r", "rx", "ry", "d", "points", "transform",
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
  "stroke-linecap", "stroke-linejoin", "opacity",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
]);

/** Attributes that hold words for people, copied as text (they are never fetched or run). */
const TEXT_ATTRIBUTES = new Set(["aria-label"]);

/** A plain value: no URL, no CSS escape, no "url(...)" reference, not too long. */
const PLAIN_VALUE = /^[-#\w\s.,%()]{0,2000}$/;

/**
 * An `<svg>` element for the page, built from `markup`, or null when the markup is not an SVG
 * document. Only elements and attributes on the allow-lists are created, each with
 * `createElementNS` and `setAttribute`, and text only as text nodes.
 */
export function chartFromMarkup(markup) {
  if (typeof markup !== "string" || markup.length > 200_000) return null;
  if (/<!(DOCTYPE|ENTITY)/i.test(markup)) return null; // no entities, so no entity bombs
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== "svg") return null;
  if (doc.getElementsByTagNameNS("*", "parsererror").length > 0) return null;
  return copyElement(root);
}

function copyElement(source) {
  const copy = document.createElementNS(SVG_NS, source.localName);
  for (const attr of source.attributes) {
    if (attr.namespaceURI !== null) continue; // xlink:href, xml:base and the like
    if (TEXT_ATTRIBUTES.has(attr.name) || (ATTRIBUTES.has(attr.name) && isPlain(attr.value))) {
      copy.setAttribute(attr.name, attr.value);
    }
  }
  for (const child of source.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && isAllowed(child)) copy.append(copyElement(child));
    const isText = child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE;
    if (isText && TEXT_ELEMENTS.has(source.localName)) copy.append(document.createTextNode(child.data));
  }
  return copy;
}

function isAllowed(element) {
  return element.namespaceURI === SVG_NS && ELEMENTS.has(element.localName) && element.localName !== "svg";
}

function isPlain(value) {
  return PLAIN_VALUE.test(value) && !/url\s*\(|javascript|expression/i.test(value);
}
