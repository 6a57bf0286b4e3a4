// Map view (Leaflet): located places and the events that happened there, on Natural Earth country and
// first-level region outlines served with the app. No tile, font or script comes from the internet.
import { api } from "./api.js";
import { state, on, select, eventEntities } from "./state.js";
import { el, plural } from "./dom.js";

let map = null;
let markers = new Map(); // place id -> circle marker
let placesById = new Map();

export async function initMap() {
  map = window.L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth outlines · Leaflet");
  // Panes from the bottom up: land, first-level region lines, country borders, then the places
  // (Leaflet's overlay pane, 400). Each pane draws on its own SVG or canvas.
  for (const [name, z] of [["land", 300], ["regions", 350], ["borders", 380]]) map.createPane(name).style.zIndex = z;
  const [world, admin1] = await Promise.all([
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
    fetch("/static/vendor/natural-earth-admin1/admin1-10m.json").then((r) => r.json()),
  ]);
  const countries = window.topojson.feature(world, world.objects.countries);
  window.L.geoJSON(countries, {
    pane: "land", style: { stroke: false, fillColor: "#eef0ea", fillOpacity: 1 }, interactive: false,
  }).addTo(map);
  drawRegions(admin1);
  window.L.geoJSON(countries, {
    pane: "borders", style: { color: "#8a8f98", weight: 0.7, fill: false }, interactive: false,
  }).addTo(map);
  map.setView([30, 30], 2);
  map.getContainer().leaflet = map; // for the browser tests, which hover where Leaflet drew a region
  await loadMap();
}

// Provinces, governorates and states: thin lines between neighbouring regions (coasts are the
// countries' to draw), and under them each region's area, which names the region on hover. A canvas
// holds all of it: 4,600 regions as SVG paths would slow every pan.
function drawRegions(topology) {
  const renderer = window.L.canvas({ pane: "regions", padding: 0.2 });
  const object = topology.objects.regions;
  const regions = window.topojson.feature(topology, object);
  window.L.geoJSON(regions, {
    pane: "regions", renderer, style: { stroke: false, fill: true, fillOpacity: 0 },
    onEachFeature: (feature, layer) => layer.bindTooltip(() => regionTip(feature.properties), { sticky: true }),
  }).addTo(map);
  const borders = window.topojson.mesh(topology, object, (a, b) => a !== b);
  window.L.geoJSON(borders, {
    pane: "regions", renderer, style: { color: "#9ea3aa", weight: 0.6, dashArray: "3 2" }, interactive: false,
  }).addTo(map);
  map.getContainer().dataset.regions = String(regions.features.length);
}

function regionTip({ name, country }) {
  return el("div", { class: "tip region-tip" }, el("strong", { text: name }), el("br"), country);
}

function tooltip(place, events) {
  // a DOM node, not a string: Leaflet would parse a string as HTML
  return el("div", { class: "tip" }, el("strong", { text: place.name }), el("br"),
    `${plural(events, "event")} · ${plural(place.stories, "story", "stories")}`);
}

export async function loadMap() {
  const places = (await api.places()).items;
  placesById = new Map(places.map((p) => [p.id, p]));
  for (const m of markers.values()) m.remove();
  markers = new Map();
  const perPlace = new Map();
  for (const e of state.events) {
    if (e.location && e.coordinates) perPlace.set(e.location, (perPlace.get(e.location) || 0) + 1);
  }
  const located = [];
  for (const p of places) {
    const n = perPlace.get(p.id) || 0;
    const marker = window.L.circleMarker(p.coordinates, {
      radius: 4 + 3 * Math.sqrt(n + p.stories / 2), color: "#1d5c2b", weight: 1,
      fillColor: n ? "#e07a1f" : "#3f9a52", fillOpacity: 0.75, className: "place-marker",
    });
    marker.bindTooltip(tooltip(p, n));
    marker.on("click", () => {
      select("entity", p.id);
      window.location.hash = `#/entity/${encodeURIComponent(p.id)}`;
    });
    marker.addTo(map);
    markers.set(p.id, marker);
    located.push(p.coordinates);
  }
  const box = document.getElementById("map");
  const eventsOnMap = state.events.filter((e) => e.coordinates).length;
  box.dataset.places = String(places.length);
  box.dataset.events = String(eventsOnMap);
  document.getElementById("map-count").textContent =
    `${plural(places.length, "place")}, ${plural(eventsOnMap, "event")} located`;
  if (located.length) map.fitBounds(located, { padding: [20, 20], maxZoom: 7 });
  highlight(state.selection);
}

function highlight(sel) {
  let ids = new Set();
  if (sel.kind === "entity") {
    ids.add(sel.id);
    for (const e of state.events) if (eventEntities(e).has(sel.id) && e.location) ids.add(e.location);
  } else if (sel.kind === "event") {
    const event = state.events.find((e) => e.id === sel.id);
    if (event && event.location) ids.add(event.location);
  }
  for (const [id, marker] of markers) {
    const hit = ids.has(id);
    marker.setStyle({ color: hit ? "#f2b134" : "#1d5c2b", weight: hit ? 4 : 1, opacity: ids.size && !hit ? 0.4 : 1,
                      fillOpacity: ids.size && !hit ? 0.25 : 0.75 });
    if (hit) marker.bringToFront();
    marker.getElement()?.classList.toggle("hit", hit);
  }
}

on("select", highlight);
