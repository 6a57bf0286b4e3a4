// Timeline view: events in date order with their date precision, one row per event (the reports of
// all the articles that tell of it grouped under it); filtered by event type and dates.
import { api } from "./api.js";
import { state, on, select, eventEntities } from "./state.js";
import { el, clear, plural } from "./dom.js";

function dayNumber(date) {
  const [y, m = "06", d = "15"] = date.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86400000;
}

export async function loadEvents() {
  const f = state.filters;
  const page = await api.events({
    type: f.event_type, date_from: f.date_from, date_to: f.date_to, min_stories: f.min_stories, limit: 5000,
    evidence: false, // the reports of an event are fetched when it is opened
  });
  state.events = page.items;
  renderTimeline();
}

function renderTimeline() {
  const box = clear(document.getElementById("timeline"));
  const events = state.events;
  const dated = events.filter((e) => e.date);
  box.dataset.events = String(events.length);
  document.getElementById("timeline-count").textContent =
    `${plural(events.length, "event")}, ${dated.length} dated`;
  // the strip: one tick per dated event, placed by day; years-only dates are drawn hollow
  const strip = el("div", { class: "tl-strip", role: "img", "aria-label": "events over time" });
  if (dated.length) {
    const days = dated.map((e) => dayNumber(e.date));
    const lo = Math.min(...days), hi = Math.max(...days), span = Math.max(1, hi - lo);
    for (const e of dated) {
      const tick = el("span", { class: `tl-tick p-${e.date_precision || "day"}`, "data-id": e.id, title: `${e.date} ${e.type}` });
      tick.style.left = `${(100 * (dayNumber(e.date) - lo)) / span}%`;
      tick.addEventListener("click", () => select("event", e.id));
      strip.append(tick);
    }
    strip.append(el("span", { class: "tl-lo", text: dated[0].date }), el("span", { class: "tl-hi", text: dated[dated.length - 1].date }));
  }
  box.append(strip);
  const list = el("ol", { class: "tl-list" });
  for (const e of events) list.append(row(e));
  box.append(list);
  highlight(state.selection);
}

function row(e) {
  const actors = e.actors.map((a) => el("a", { href: `#/entity/${encodeURIComponent(a.entity)}`, class: "actor", text: a.name || a.entity, title: a.role }));
  const details = el("div", { class: "tl-reports" });
  const item = el("li", { class: "tl-event", "data-id": e.id },
    el("span", { class: "tl-date", text: e.date || "undated" }),
    el("span", { class: "tl-precision", text: e.date ? e.date_precision || "" : "" }),
    el("span", { class: "tl-type", text: e.type + (e.acled_type ? ` · ${e.acled_type}` : "") + (e.mode ? ` (${e.mode})` : "") }),
    e.location ? el("a", { href: `#/entity/${encodeURIComponent(e.location)}`, class: "place", text: e.location_name || e.location }) : null,
    el("span", { class: "tl-actors" }, ...actors),
    e.quantities.length ? el("span", { class: "tl-q", text: e.quantities.map((q) => `${q.kind} ${q.approx ? "≈" : ""}${q.value}`).join(", ") }) : null,
    el("span", { class: "tl-count", text: `${plural(e.documents, "report")} · ${plural(e.stories, "story", "stories")}` }),
    details);
  item.addEventListener("click", (evt) => {
    if (evt.target.closest("a")) return;
    select("event", e.id);
  });
  return item;
}

async function showReports(item, id) {
  const details = item.querySelector(".tl-reports");
  if (details.dataset.loaded) return;
  details.dataset.loaded = "1";
  const e = await api.event(id);
  for (const r of e.reports) {
    details.append(el("div", {},
      el("a", { href: `#/doc/${encodeURIComponent(r.id)}?fact=event:${encodeURIComponent(e.id)}`, text: r.publisher || r.source }),
      ` ${r.published || "undated"} · `, el("span", { class: "muted", text: r.title || "" })));
  }
}

function highlight(sel) {
  const box = document.getElementById("timeline");
  let hits = new Set();
  if (sel.kind === "event") hits.add(sel.id);
  else if (sel.kind === "entity") for (const e of state.events) if (eventEntities(e).has(sel.id)) hits.add(e.id);
  for (const node of box.querySelectorAll("[data-id]")) {
    const hit = hits.has(node.dataset.id);
    node.classList.toggle("hit", hit);
    const open = hit && sel.kind === "event" && node.tagName === "LI";
    node.classList.toggle("open", open);
    if (open) showReports(node, node.dataset.id).catch(() => {});
  }
  box.classList.toggle("has-selection", hits.size > 0);
  const first = box.querySelector("li.hit");
  if (first && sel.kind === "event") first.scrollIntoView({ block: "nearest" });
}

on("select", highlight);
