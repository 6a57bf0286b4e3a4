// Entity page: aliases with why they were joined, relations with evidence, events, quotes, documents,
// gazetteer candidates, the corrections that name it, and forms to make new ones.
import { api } from "./api.js";
import { select, dataChanged } from "./state.js";
import { el, clear, typeLabel, plural } from "./dom.js";

const entityLink = (id, name) => el("a", { href: `#/entity/${encodeURIComponent(id)}`, class: "entity-link", text: name || id });
const docLink = (doc, fact, text) =>
  el("a", { href: `#/doc/${encodeURIComponent(doc)}${fact ? `?fact=${encodeURIComponent(fact)}` : ""}`, class: "doc-link", text });

function section(title, count, ...body) {
  return el("section", { class: "block" }, el("h3", {}, title, count === undefined ? "" : el("span", { class: "n", text: ` ${count}` })), ...body);
}

export async function showEntity(panel, ref) {
  const e = await api.entity(ref);
  select("entity", e.id);
  clear(panel);
  panel.dataset.entity = e.id;
  const head = el("header", { class: "entity-head" },
    el("h2", { id: "entity-name", text: e.name }),
    el("span", { class: `badge t-${e.type}`, text: typeLabel(e.type, e.subtype) }),
    el("p", { class: "muted", text: `${e.id} · ${plural(e.documents, "document")} · ${plural(e.stories, "independent story", "independent stories")} · ${plural(e.mentions, "mention")}` + (e.coordinates ? ` · ${e.coordinates[0]}, ${e.coordinates[1]}` : "") }));
  panel.append(head, corrections(e));

  panel.append(section("Aliases", e.aliases.length,
    el("ul", { class: "aliases" }, ...e.aliases.map((a) => el("li", {}, el("span", { class: "alias", text: a.alias }), el("span", { class: "muted", text: ` ${a.kind} ×${a.count}` }))))));
  // one line per pair of different spellings (the joins of one spelling to itself say little)
  const seen = new Set();
  const joins = e.joins.filter((j) => {
    const key = [j.a, j.b].sort().join("\u0000");
    if (j.a === j.b || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (joins.length) {
    panel.append(section("Why these names were joined", joins.length,
      el("ul", { class: "joins" }, ...joins.slice(0, 60).map((j) => el("li", {},
        el("span", { class: "alias", text: j.a || "(user)" }), " = ", el("span", { class: "alias", text: j.b || "(user)" }),
        el("span", { class: "muted", text: ` — ${j.reasons.join("; ")}` }))))));
  }
  const relation = (r) => el("li", {},
    el("div", {}, entityLink(r.subject, r.subject_name),
      el("span", { class: "predicate", text: ` ${r.polarity === "negated" ? "not " : ""}${r.predicate} ` }),
      entityLink(r.object, r.object_name),
      el("span", { class: "muted", text: ` ${plural(r.stories, "story", "stories")}, confidence ${Number(r.confidence).toFixed(2)}` })),
    el("ul", { class: "evidence" }, ...r.evidence.slice(0, 5).map((v) =>
      el("li", {}, docLink(v.doc, `relation:${r.id}`, "“" + v.text.replace(/\s+/g, " ").slice(0, 220) + "”")))));
  panel.append(section("Relations", e.relations.length, el("ul", { class: "relations" }, ...e.relations.map(relation))));
  panel.append(section("Events", e.events.length, el("ul", { class: "events" }, ...e.events.map((v) => {
    const item = el("li", { class: "event-link", "data-id": v.id },
      el("span", { class: "tl-date", text: v.date || "undated" }), " ",
      el("strong", { text: v.type }), v.location_name ? ` at ${v.location_name}` : "",
      el("span", { class: "muted", text: ` · ${v.actors.map((a) => `${a.name} (${a.role})`).join(", ")} · ${plural(v.documents, "report")}` }));
    item.addEventListener("click", (evt) => { if (!evt.target.closest("a")) select("event", v.id); });
    return item;
  }))));
  panel.append(section("Quotes", e.quotes.length, el("ul", { class: "quotes" }, ...e.quotes.slice(0, 50).map((q) => el("li", {},
    el("q", { text: q.text.replace(/\s+/g, " ").slice(0, 300) }), " ", docLink(q.doc, `quote:${q.id}`, q.source ? q.source.split("/").pop() : q.doc))))));
  panel.append(section("Documents", e.documents_list.length, el("ul", { class: "documents" }, ...e.documents_list.map((d) => el("li", {},
    docLink(d.id, `entity:${e.id}`, d.title || d.source), el("span", { class: "muted", text: ` ${d.publisher || ""} ${d.published || "undated"} · ${plural(d.mentions, "mention")}` }))))));
  if (e.type === "LOC") panel.append(gazetteer(e));
  if (e.corrections.length) {
    panel.append(section("Corrections naming it", e.corrections.length, el("ul", {}, ...e.corrections.map((c) =>
      el("li", { text: `${c.action} ${c.a} → ${c.b} (${c.applies ? "applies" : c.status}, ${c.created_at})` })))));
  }
}

function gazetteer(e) {
  const rows = e.gazetteer_candidates.map((c) => el("tr", {},
    el("td", { text: c.name }), el("td", { text: c.country_code || "" }), el("td", { text: c.kind || "" }),
    el("td", { text: c.latitude == null ? "—" : `${c.latitude}, ${c.longitude}` }), el("td", { text: c.score }),
    el("td", { class: "muted", text: (c.reasons || []).join("; ") })));
  return section("Gazetteer", e.gazetteer_candidates.length,
    el("p", { text: e.gazetteer ? `linked to ${e.gazetteer.name} (${e.gazetteer.country_code || ""}, ${e.gazetteer.kind || ""})` : e.gazetteer_why || "not linked" }),
    rows.length ? el("table", { class: "candidates" }, el("tr", {}, ...["name", "country", "kind", "position", "score", "why"].map((h) => el("th", { text: h }))), ...rows) : "");
}

function corrections(e) {
  const status = el("p", { class: "status", role: "status", id: "correction-status" });
  const run = async (action, a, b, name) => {
    status.className = "status";
    status.textContent = "re-resolving entities…";
    try {
      const r = await api.correct(action, a, b, name);
      status.textContent = `${action}: ${r.entity.name} (${r.entity.id}, ${typeLabel(r.entity.type, r.entity.subtype)})`;
      dataChanged();
      window.location.hash = `#/entity/${encodeURIComponent(r.entity.id)}`;
    } catch (err) {
      status.className = "status error";
      status.textContent = err.message;
    }
  };
  const form = (cls, label, fields, submit) => {
    const f = el("form", { class: `correct ${cls}` }, el("label", { text: label }), ...fields, el("button", { type: "submit", text: label.split(" ")[0] }));
    f.addEventListener("submit", (evt) => { evt.preventDefault(); submit(); });
    return f;
  };
  const newName = el("input", { name: "name", placeholder: "new display name", required: true });
  const type = el("select", { name: "type" }, ...["PERSON", "ORG", "LOC"].map((t) => el("option", { value: t, text: t, selected: t === e.type })));
  const subtype = el("input", { name: "subtype", placeholder: "subtype (optional)", value: e.subtype || "" });
  const other = el("input", { name: "other", placeholder: "another entity's name", required: true });
  const mergedName = el("input", { name: "merged_name", placeholder: "merged name (optional)" });
  const alias = el("select", { name: "alias" }, ...e.aliases.filter((a) => a.alias !== e.name).map((a) => el("option", { value: a.alias, text: a.alias })));
  return el("details", { class: "corrections" }, el("summary", { text: "Correct this entity" }),
    form("rename", "Rename to", [newName], () => run("rename", e.id, newName.value)),
    form("retype", "Retype as", [type, subtype], () => run("retype", e.id, subtype.value.trim() ? `${type.value}/${subtype.value.trim()}` : type.value)),
    form("merge", "Merge with", [other, mergedName], () => run("merge", e.id, other.value, mergedName.value)),
    form("split", "Split off the alias", [alias], () => run("split", e.id, alias.value)),
    status);
}
