"""API latency on a store: `python -m newsgraph.web.bench --db FILE [--runs N] [--save FILE]`.

Times every read endpoint the web UI calls, with the arguments it sends, in process (FastAPI's test
client: the whole HTTP stack but the socket): the entity pages of the most widely reported entities
and of the largest place, the timeline's "all events" with and without filters, a bounding box, the
relations, the longest document, the network and the map. Each call is made once to warm up, then
``runs`` times; the table gives the median and the 95th percentile of the wall time, and the median
CPU time of the process (server and client threads: on a shared machine, less noisy than the wall).
``--save`` writes every answer as JSON, so that two versions of the code can be checked to answer
the same."""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from pathlib import Path
from typing import Any

BUDGET_MS = 200  # the goal for every endpoint's median on a 5,000-article store


def calls(c, db: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, path, query parameters) of each call, chosen from what the store holds."""
    from newsgraph.store import Store

    summary = c.get("/api/summary").json()
    with Store(db) as store:  # the subjects: the largest of each kind, read directly
        top = [r["id"] for r in store.query("SELECT id FROM entities ORDER BY stories DESC, documents DESC, id LIMIT 3")]
        place = store.query("SELECT id FROM entities WHERE type = 'LOC' AND meta LIKE '%latitude%' "
                            "ORDER BY stories DESC, documents DESC, id LIMIT 1")
        alias = store.query("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY count DESC, alias LIMIT 1",
                            (top[0],)) if top else []
        long_doc = store.query("SELECT id, words FROM documents ORDER BY words DESC, id LIMIT 1")
        busy_event = store.query("SELECT id FROM events ORDER BY documents DESC, id LIMIT 1")
        event_type = store.query("SELECT type FROM events GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 1")
        event_year = store.query("SELECT substr(date, 1, 4) AS y FROM events WHERE date IS NOT NULL "
                                 "GROUP BY y ORDER BY COUNT(*) DESC, y LIMIT 1")
    out: list[tuple[str, str, dict[str, Any]]] = [("summary", "/api/summary", {})]
    if alias:
        text = alias[0]["alias"]
        out.append(("search", "/api/search", {"q": text[: max(3, len(text) // 2)], "limit": 12}))
    for rank, eid in enumerate(top, 1):
        out.append((f"entity page, #{rank} most reported", f"/api/entities/{eid}", {}))
    lat = lon = 0.0
    if place:
        out.append(("entity page, largest place", f"/api/entities/{place[0]['id']}", {}))
        lat, lon = c.get(f"/api/entities/{place[0]['id']}").json().get("coordinates") or (0.0, 0.0)
    timeline = {"limit": 5000, "evidence": "false"}
    month = (summary["facets"]["published"][0] or "2000")[:7]
    out += [
        ("graph", "/api/graph", {}),
        ("graph, min 2 stories", "/api/graph", {"min_stories": 2}),
        ("places (map)", "/api/places", {}),
        ("events, all (timeline)", "/api/events", timeline),
    ]
    if event_type:
        out.append(("events, all of one type", "/api/events", {**timeline, "type": event_type[0]["type"]}))
    if event_year:
        year = event_year[0]["y"]
        out.append(("events, all of one year", "/api/events", {**timeline, "date_from": year, "date_to": year}))
    out += [
        ("events, all, min 2 stories", "/api/events", {**timeline, "min_stories": 2}),
        ("events, a page with evidence", "/api/events", {"limit": 100}),
        ("events in a bbox", "/api/events", {"bbox": f"{lon - 2},{lat - 2},{lon + 2},{lat + 2}"}),
    ]
    if busy_event:
        out.append(("event, most reported", f"/api/events/{busy_event[0]['id']}", {}))
    if top:
        out.append(("relations of an actor", "/api/relations", {"actor": top[0]}))
    out += [
        ("relations, all, first page", "/api/relations", {}),
        ("relations, a month", "/api/relations", {"date_from": month, "date_to": month}),
    ]
    if long_doc:
        out.append((f"document view, longest ({long_doc[0]['words']} words)", f"/api/documents/{long_doc[0]['id']}", {}))
    out.append(("contradictions", "/api/contradictions", {}))
    return out


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation between the closest ranks."""
    ordered = sorted(values)
    at = q * (len(ordered) - 1)
    lo, hi = math.floor(at), math.ceil(at)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (at - lo)


def measure(db: str, runs: int, save: Path | None = None) -> list[dict[str, Any]]:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    rows, answers = [], {}
    with TestClient(create_app(db)) as c:
        summary = c.get("/api/summary").json()
        counts = summary["counts"]
        print(f"{db}: {counts['documents']:,} documents, {counts['entities']:,} entities, "
              f"{counts['relations']:,} relations, {counts['events']:,} events, {counts['contradictions']:,} contradictions")
        for name, path, params in calls(c, db):
            r = c.get(path, params=params)
            assert r.status_code == 200, (path, r.text)
            answers[name] = r.json()
            times, cpu = [], []
            for _ in range(runs):
                t, p = time.perf_counter(), time.process_time()
                c.get(path, params=params)
                times.append(1000 * (time.perf_counter() - t))
                cpu.append(1000 * (time.process_time() - p))
            rows.append({"endpoint": name, "path": path, "params": params, "median_ms": statistics.median(times),
                         "p95_ms": percentile(times, 0.95), "cpu_ms": statistics.median(cpu), "bytes": len(r.content)})
    if save:
        save.write_text(json.dumps(answers, indent=1, sort_keys=True, ensure_ascii=False))
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [f"  {'endpoint':40} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8} {'bytes':>10}"]
    for r in rows:
        over = "  over budget" if r["median_ms"] > BUDGET_MS else ""
        lines.append(f"  {r['endpoint']:40} {r['median_ms']:10.1f} {r['p95_ms']:8.1f} {r['cpu_ms']:8.1f} "
                     f"{r['bytes']:10,d}{over}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--save", type=Path, help="write every answer here as JSON (to compare two versions)")
    ap.add_argument("--json", type=Path, help="write the timings here")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():  # opening a store that is not there would create an empty one
        ap.error(f"no store at {args.db}")
    rows = measure(args.db, args.runs, args.save)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
