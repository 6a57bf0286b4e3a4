// The HTTP API of newsgraph serve (see /docs). Errors come back as {"error": {"status", "message"}}.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(method, path, params, body) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error && data.error.message) || response.statusText);
  }
  return data;
}

export const api = {
  summary: () => request("GET", "/api/summary"),
  search: (q) => request("GET", "/api/search", { q, limit: 12 }),
  entity: (ref) => request("GET", `/api/entities/${encodeURIComponent(ref)}`),
  graph: (filters) => request("GET", "/api/graph", filters),
  places: () => request("GET", "/api/places"),
  events: (filters) => request("GET", "/api/events", filters),
  event: (id) => request("GET", `/api/events/${encodeURIComponent(id)}`),
  document: (ref) => request("GET", `/api/documents/${encodeURIComponent(ref)}`),
  contradictions: () => request("GET", "/api/contradictions"),
  correct: (action, a, b, name) => request("POST", `/api/corrections/${action}`, undefined, { a, b, name: name || null }),
};
