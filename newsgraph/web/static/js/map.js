// Map view (Leaflet): located places and the events that happened there, on Natural Earth country
// outlines served with the app. No tile, font or script comes from the internet.
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
  const world = await fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json());
  const countries = window.topojson.feature(world, world.objects.countries);
  window.L.geoJSON(countries, {
    style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  map.setView([30, 30], 2);
  await loadMap();
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
