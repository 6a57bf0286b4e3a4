// Network view: actors and their relations (cytoscape.js), nodes sized by independent stories and
// coloured by type; filtered by predicate, entity type, dates and minimum stories.
import { api } from "./api.js";
import { state, on, select, eventEntities } from "./state.js";
import { plural } from "./dom.js";

export const TYPE_COLOURS = { PERSON: "#d1495b", ORG: "#2e86ab", LOC: "#3f9a52" };

let cy = null;
const container = () => document.getElementById("network");

export async function loadNetwork() {
  const f = state.filters;
  const data = await api.graph({
    predicate: f.predicate, types: f.types, date_from: f.date_from, date_to: f.date_to, min_stories: f.min_stories,
  });
  const maxStories = Math.max(1, ...data.nodes.map((n) => n.stories));
  const elements = [
    ...data.nodes.map((n) => ({
      data: { id: n.id, label: n.name, type: n.type, stories: n.stories, size: 14 + 36 * Math.sqrt(n.stories / maxStories) },
    })),
    ...data.edges.map((e) => ({
      data: { id: e.id, source: e.source, target: e.target, label: e.predicate, stories: e.stories, polarity: e.polarity },
    })),
  ];
  if (cy) cy.destroy();
  cy = window.cytoscape({
    container: container(),
    elements,
    style: [
      { selector: "node", style: {
        "background-color": (n) => TYPE_COLOURS[n.data("type")] || "#888",
        width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 10, color: "#222",
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
      } },
      { selector: "edge", style: {
        width: (e) => 1 + Math.min(6, e.data("stories")), "line-color": "#b8c0c8", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#b8c0c8", "arrow-scale": 0.8,
        label: "data(label)", "font-size": 8, color: "#667", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
      } },
      { selector: 'edge[polarity = "negated"]', style: { "line-style": "dashed" } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: "node.hit", style: { "border-width": 4, "border-color": "#f2b134" } },
      { selector: "edge.hit", style: { "line-color": "#f2b134", "target-arrow-color": "#f2b134" } },
    ],
    layout: { name: elements.length ? "cose" : "grid", animate: false, randomize: false, nodeRepulsion: 9000,
              idealEdgeLength: 90, numIter: 1500 },
  });
  container().cy = cy; // for the browser tests, which click nodes where cytoscape drew them
  cy.on("tap", "node", (evt) => {
    select("entity", evt.target.id());
    window.location.hash = `#/entity/${encodeURIComponent(evt.target.id())}`;
  });
  cy.on("tap", (evt) => {
    if (evt.target === cy) select(null, null);
  });
  const box = container();
  box.dataset.nodes = String(data.nodes.length);
  box.dataset.edges = String(data.edges.length);
  document.getElementById("network-count").textContent =
    `${plural(data.nodes.length, "actor")}, ${plural(data.edges.length, "relation")}`;
  highlight(state.selection);
}

function highlight(sel) {
  if (!cy) return;
  cy.elements().removeClass("faded hit");
  let ids = null;
  if (sel.kind === "entity") ids = new Set([sel.id]);
  else if (sel.kind === "event") {
    const event = state.events.find((e) => e.id === sel.id);
    if (event) ids = eventEntities(event);
  }
  if (!ids) return;
  const hits = cy.nodes().filter((n) => ids.has(n.id()));
  if (!hits.length) return;
  const near = hits.closedNeighborhood();
  cy.elements().not(near).addClass("faded");
  hits.addClass("hit");
  hits.connectedEdges().addClass("hit");
}

on("select", highlight);
