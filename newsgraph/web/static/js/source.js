// Source viewer: the cleaned text with the evidence spans of the selected fact highlighted, every
// entity mention linked, the lines the cleaner removed shown dimmed with their reasons, and the other
// copies of the story. The article is untrusted: it is only ever inserted as text nodes.
import { api } from "./api.js";
import { select } from "./state.js";
import { el, clear, plural } from "./dom.js";

export async function showDocument(panel, ref, fact) {
  const d = await api.document(ref);
  clear(panel);
  panel.dataset.doc = d.id;
  const [kind, id] = fact ? fact.split(/:(.*)/s) : [null, null];
  const selected = d.spans.filter((s) => kind && (
    (s.kind === kind && s.id === id) || (kind === "entity" && s.kind === "mention" && s.entity === id)));
  if (kind === "event") select("event", id);
  else if (kind === "entity") select("entity", id);

  panel.append(el("header", { class: "doc-head" },
    el("h2", { id: "doc-title", text: d.title || d.source }),
    el("p", { class: "muted", text: `${d.publisher || "unknown publisher"} · ${d.published || "undated"}${d.published_method ? ` (${d.published_method})` : ""} · ${plural(d.words, "word")} · ${d.source}${d.locator ? ":" + d.locator : ""}` }),
    selected.length ? el("p", { class: "fact", id: "selected-fact", text: `${kind}: ${selected[0].label || id} (${plural(selected.length, "span")})` }) : null));
  if (d.copies.length) {
    panel.append(el("section", { class: "block copies" }, el("h3", { text: `Other copies of this story (${d.copies.length})` }),
      el("ul", {}, ...d.copies.map((c) => el("li", {},
        el("a", { href: `#/doc/${encodeURIComponent(c.id)}${fact ? `?fact=${encodeURIComponent(fact)}` : ""}`, text: c.publisher || c.source }),
        el("span", { class: "muted", text: ` ${c.published || "undated"}${c.canonical ? " · canonical copy" : ""}` }))))));
  }
  if (d.flags.length) {
    panel.append(el("ul", { class: "flags" }, ...d.flags.map((f) => el("li", { text: `${f.kind}: ${f.message}` }))));
  }
  const meta = Object.entries(d.metadata || {}).filter(([, v]) => typeof v !== "object");
  if (meta.length) panel.append(el("dl", { class: "metadata" }, ...meta.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: String(v) })])));
  panel.append(renderText(d, selected));
  const first = panel.querySelector(".hl");
  if (first) first.scrollIntoView({ block: "center" });
}

function renderText(d, selected) {
  const text = d.text;
  const mentions = d.spans.filter((s) => s.kind === "mention");
  const cuts = new Set([0, text.length]);
  for (const s of [...mentions, ...selected]) { cuts.add(s.start); cuts.add(s.end); }
  for (const r of d.removed) cuts.add(Math.min(r.at, text.length));
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const removedAt = new Map();
  for (const r of d.removed) {
    const at = Math.min(r.at, text.length);
    if (!removedAt.has(at)) removedAt.set(at, []);
    removedAt.get(at).push(r);
  }
  const body = el("div", { class: "doc-text", id: "doc-text" });
  const removedBlock = (rs) => rs.map((r) => el("span", { class: "removed", title: `removed: ${r.reason}` },
    el("span", { class: "reason", text: r.reason }), el("span", { class: "removed-text", text: r.text })));
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    if (removedAt.has(a)) body.append(...removedBlock(removedAt.get(a)));
    if (i === points.length - 1) break;
    const b = points[i + 1];
    // control characters (a terminal escape, say) shown as their visible symbols, one for one
    const piece = text.slice(a, b).replace(/[\x00-\x08\x0b-\x1f\x7f]/g,
      (c) => String.fromCharCode(c === "\x7f" ? 0x2421 : 0x2400 + c.charCodeAt(0)));
    const mention = mentions.filter((m) => m.start <= a && m.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start))[0];
    const hl = selected.some((s) => s.start <= a && s.end >= b);
    if (!mention && !hl) { body.append(document.createTextNode(piece)); continue; }
    const node = mention
      ? el("a", { href: `#/entity/${encodeURIComponent(mention.entity)}`, class: `mention t-${mention.type}`, title: mention.label, text: piece })
      : el("span", { text: piece });
    if (hl) node.classList.add("hl");
    body.append(node);
  }
  return body;
}
