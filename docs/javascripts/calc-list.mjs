// List fields: one fieldset per item, cloned from the field's <template>, with Move up, Move down
// and Remove buttons. Replacing a whole list builds every item first and numbers them once, so
// the time grows with the number of items, never with its square.

/** Attributes that carry the item's index: `trials.__i__.weeks` becomes `trials.2.weeks`. */
const INDEXED = ["name", "id", "for", "data-error-for"];

export function itemsOf(set) {
  return [...set.querySelector('[data-slot="items"]').children];
}

/** The name of a control's own key inside its item: `trials.2.weeks` gives `weeks`. */
export function keyOf(control) {
  return control.name.split(".").pop();
}

/** A new, unnumbered item: the template's attributes with `__i__` are kept as patterns. */
function newItem(set) {
  const template = set.querySelector('template[data-slot="item-template"]');
  const item = template.content.firstElementChild.cloneNode(true);
  for (const node of item.querySelectorAll("*")) {
    for (const attr of INDEXED) {
      if (node.hasAttribute(attr)) node.dataset[patternKey(attr)] = node.getAttribute(attr);
    }
  }
  return item;
}

function patternKey(attr) {
  return `tpl${attr.replaceAll("-", "")}`;
}

/** Give every control of every item its index, number the legends, and set the move buttons. */
function renumber(set) {
  const items = itemsOf(set);
  items.forEach((item, index) => {
    item.querySelector('[data-slot="n"]').textContent = String(index + 1);
    for (const node of item.querySelectorAll("*")) {
      for (const attr of INDEXED) {
        const pattern = node.dataset[patternKey(attr)];
        if (pattern !== undefined) node.setAttribute(attr, pattern.replaceAll("__i__", String(index)));
      }
    }
    item.querySelector('[data-list="up"]').disabled = index === 0;
    item.querySelector('[data-list="down"]').disabled = index === items.length - 1;
  });
}

/**
 * Put one value into a new item: a choice or number as text, or an object of answers by key
 * (checkboxes take booleans, other controls text). Values were checked by calc-fragment.mjs.
 */
function fill(set, item, value) {
  if (set.dataset.item !== "object") {
    item.querySelector("select, input").value = value;
    return;
  }
  for (const control of item.querySelectorAll("[name]")) {
    const key = keyOf(control);
    if (!Object.hasOwn(value, key)) continue;
    if (control.type === "checkbox") control.checked = value[key] === true;
    else control.value = value[key];
  }
}

/** Replace all items of a list with new ones holding `values` (an array), in one pass. */
export function replaceItems(set, values) {
  const items = values.map((value) => {
    const item = newItem(set);
    fill(set, item, value);
    return item;
  });
  set.querySelector('[data-slot="items"]').replaceChildren(...items);
  renumber(set);
}

function addItem(set) {
  const item = newItem(set);
  set.querySelector('[data-slot="items"]').append(item);
  renumber(set);
  return item;
}

function move(button, item, set, direction) {
  const other = direction === "up" ? item.previousElementSibling : item.nextElementSibling;
  if (!other) return false;
  if (direction === "up") other.before(item);
  else other.after(item);
  renumber(set);
  const opposite = direction === "up" ? "down" : "up";
  (button.disabled ? item.querySelector(`[data-list="${opposite}"]`) : button).focus();
  return true;
}

/** Handle Add / Move up / Move down / Remove; returns true when the list changed. */
export function editList(button) {
  const set = button.closest('fieldset[data-kind="list"]');
  const item = button.closest(".calc-list__item");
  const action = button.dataset.list;
  if (action === "add") {
    addItem(set).querySelector("select, input")?.focus();
    return true;
  }
  if (action === "remove") {
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    renumber(set);
    (next?.querySelector('[data-list="remove"]') ?? set.querySelector('[data-list="add"]')).focus();
    return true;
  }
  if (action === "up" || action === "down") return move(button, item, set, action);
  return false;
}
