// What is selected (an entity or an event) and the filters, shared by the linked views: each view
// subscribes and highlights what the others selected.

const listeners = { select: [], filters: [], data: [] };

export const state = {
  selection: { kind: null, id: null },
  filters: { predicate: "", types: "PERSON,ORG,LOC", date_from: "", date_to: "", min_stories: 0, event_type: "" },
  events: [], // the events the timeline and the map show (current filters)
};

export function on(what, fn) {
  listeners[what].push(fn);
}

export function select(kind, id) {
  state.selection = { kind, id };
  for (const fn of listeners.select) fn(state.selection);
}

export function setFilters(changes) {
  Object.assign(state.filters, changes);
  for (const fn of listeners.filters) fn(state.filters);
}

export function dataChanged() {
  for (const fn of listeners.data) fn();
}

// The entities an event involves: its actors and its place.
export function eventEntities(event) {
  const ids = new Set(event.actors.map((a) => a.entity));
  if (event.location) ids.add(event.location);
  return ids;
}
