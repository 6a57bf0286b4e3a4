// Contradictions: each disagreement with all its conflicting values, their sources and dates.
import { api } from "./api.js";
import { el, clear } from "./dom.js";

export async function showContradictions(panel) {
  const rows = (await api.contradictions()).items;
  clear(panel);
  panel.append(el("h2", { text: `Contradictions (${rows.length})` }));
  const list = el("ul", { class: "contradictions", id: "contradictions" });
  for (const c of rows) {
    list.append(el("li", { class: "contradiction" },
      el("div", {}, el("span", { class: "badge", text: c.kind }), " ", el("span", { text: c.description })),
      el("table", {}, el("tr", {}, ...["value", "as written", "source", "published"].map((h) => el("th", { text: h }))),
        ...c.evidence.map((v) => el("tr", {},
          el("td", { text: v.value ?? "" }),
          el("td", {}, v.start == null ? el("span", { text: v.text || "" })
            : el("a", { href: `#/doc/${encodeURIComponent(v.doc)}` + (c.id ? `?fact=${encodeURIComponent(`contradiction:${c.id}`)}` : ""), text: v.text || "" })),
          el("td", { text: v.publisher || v.source || v.doc }),
          el("td", { text: v.published || "undated" }))))));
  }
  panel.append(list);
}
