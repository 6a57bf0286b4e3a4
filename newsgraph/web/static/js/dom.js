// DOM helpers. Everything that comes from the store (article text, names, titles) is untrusted: it is
// only ever set as textContent or as an attribute value by these helpers, never parsed as markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links we make point into the app (#/...) or to this origin; anything else (a javascript: URL
// from an article, say) becomes an inert fragment.
export function safeHref(value) {
  const text = String(value);
  return text.startsWith("#") || text.startsWith("/") ? text : "#";
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function typeLabel(type, subtype) {
  return subtype ? `${type}/${subtype}` : type;
}

export function plural(n, word, many = word + "s") {
  return `${n} ${n === 1 ? word : many}`;
}
