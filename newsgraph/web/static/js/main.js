// The workbench: wires the filters, the search box and the routes (#/entity/ID, #/doc/ID?fact=KIND:ID,
// #/contradictions) to the linked views.
import { api } from "./api.js";
import { state, on, setFilters, select } from "./state.js";
import { el, clear, typeLabel } from "./dom.js";
import { loadNetwork } from "./network.js";
import { initMap, loadMap } from "./map.js";
import { loadEvents } from "./timeline.js";
import { showEntity } from "./entity.js";
import { showDocument } from "./source.js";
import { showContradictions } from "./contradictions.js";

const panel = () => document.getElementById("detail");

async function route() {
  const hash = decodeURIComponent(window.location.hash.slice(1) || "/");
  const [path, queryString] = hash.split("?");
  const params = new URLSearchParams(queryString || "");
  const parts = path.split("/").filter(Boolean);
  const box = panel();
  box.dataset.view = parts[0] || "home";
  try {
    if (parts[0] === "entity" && parts[1]) await showEntity(box, parts.slice(1).join("/"));
    else if (parts[0] === "doc" && parts[1]) await showDocument(box, parts[1], params.get("fact"));
    else if (parts[0] === "contradictions") await showContradictions(box);
    else home(box);
  } catch (err) {
    clear(box).append(el("p", { class: "status error", text: err.message }));
  }
  document.body.dataset.ready = "1";
}

function home(box) {
  clear(box).append(el("h2", { text: "Select an actor, a place or an event" }),
    el("p", { text: "Click a node in the network, a place on the map or an event in the timeline; search any spelling of a name above. The views highlight the selection together." }));
}

async function summary() {
  const s = await api.summary();
  const c = s.counts;
  document.getElementById("store-info").textContent =
    `${s.db} · ${c.documents} documents, ${c.stories} stories, ${c.entities} entities, ${c.relations} relations, ${c.events} events, ${c.contradictions} contradictions`;
  const predicate = document.getElementById("f-predicate");
  for (const p of s.facets.predicates) predicate.append(el("option", { value: p, text: p }));
  const eventType = document.getElementById("f-event-type");
  for (const t of [...s.facets.event_types, ...s.facets.acled_types]) eventType.append(el("option", { value: t, text: t }));
}

function wireFilters() {
  const form = document.getElementById("filters");
  const read = () => ({
    predicate: form.elements.predicate.value,
    types: [...form.querySelectorAll("input[name=type]:checked")].map((x) => x.value).join(",") || "NONE",
    date_from: form.elements.date_from.value.trim(),
    date_to: form.elements.date_to.value.trim(),
    min_stories: Number(form.elements.min_stories.value || 0),
    event_type: form.elements.event_type.value,
  });
  form.addEventListener("change", () => setFilters(read()));
  form.addEventListener("submit", (evt) => { evt.preventDefault(); setFilters(read()); });
}

function wireSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      clear(list);
      if (!input.value.trim()) return;
      try {
        const hits = (await api.search(input.value)).items;
        for (const h of hits) {
          list.append(el("li", {}, el("a", { href: `#/entity/${encodeURIComponent(h.id)}`, text: h.name }),
            el("span", { class: "muted", text: ` ${typeLabel(h.type, h.subtype)} · ${h.stories} stories${h.matched.length ? " · " + h.matched.slice(0, 3).join(", ") : ""}` })));
        }
        if (!hits.length) list.append(el("li", { class: "muted", text: "no entity has that name" }));
      } catch (err) {
        list.append(el("li", { class: "status error", text: err.message }));
      }
    }, 200);
  });
  list.addEventListener("click", () => setTimeout(() => clear(list), 0));
}

async function refresh() {
  await loadEvents();
  await Promise.all([loadMap(), loadNetwork()]);
}

async function main() {
  wireFilters();
  wireSearch();
  on("filters", refresh);
  on("data", refresh);
  window.addEventListener("hashchange", route);
  document.addEventListener("keydown", (evt) => { if (evt.key === "Escape") select(null, null); });
  try {
    await summary();
    await loadEvents();
    await Promise.all([initMap(), loadNetwork()]);
  } catch (err) {
    document.getElementById("store-info").textContent = `error: ${err.message}`;
  }
  document.body.dataset.loaded = "1";
  await route();
}

main();
