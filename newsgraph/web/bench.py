"""API latency on a store: `python -m newsgraph.web.bench --db FILE [--runs N]`.

Times each read endpoint in process (FastAPI's test client: the whole HTTP stack but the socket),
with the arguments the UI sends, after one warm-up call; prints the median and worst of N runs."""

from __future__ import annotations

import argparse
import statistics
import time


def main(argv: list[str] | None = None) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    with TestClient(create_app(args.db)) as c:
        summary = c.get("/api/summary").json()
        top = c.get("/api/entities", params={"limit": 1}).json()["items"][0]
        place = next(iter(c.get("/api/entities", params={"type": "LOC", "limit": 1}).json()["items"]), top)
        doc = c.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        alias = (top["aliases"] or [top["name"]])[0]
        lat, lon = (c.get(f"/api/entities/{place['id']}").json().get("coordinates") or [0, 0])
        calls = [
            ("summary", "/api/summary", {}),
            ("search", "/api/search", {"q": alias[: max(3, len(alias) // 2)]}),
            ("entity page (most reported)", f"/api/entities/{top['id']}", {}),
            ("graph", "/api/graph", {}),
            ("graph, min 2 stories", "/api/graph", {"min_stories": 2}),
            ("places", "/api/places", {}),
            ("events, all (timeline/map)", "/api/events", {"limit": 5000, "evidence": "false"}),
            ("events, first page", "/api/events", {"limit": 100}),
            ("events in a bbox", "/api/events", {"bbox": f"{lon - 2},{lat - 2},{lon + 2},{lat + 2}"}),
            ("relations of an actor", "/api/relations", {"actor": top["id"]}),
            ("relations, a month", "/api/relations", {"date_from": (summary["facets"]["published"][0] or "2000")[:7],
                                                      "date_to": (summary["facets"]["published"][0] or "2000")[:7]}),
            ("document view", f"/api/documents/{doc}", {}),
            ("contradictions", "/api/contradictions", {}),
        ]
        counts = summary["counts"]
        print(f"{args.db}: {counts['documents']} documents, {counts['entities']} entities, "
              f"{counts['relations']} relations, {counts['events']} events")
        print(f"  {'endpoint':32} {'median ms':>10} {'worst ms':>9} {'bytes':>9}")
        for name, path, params in calls:
            r = c.get(path, params=params)
            assert r.status_code == 200, (path, r.text)
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                c.get(path, params=params)
                times.append(1000 * (time.perf_counter() - t))
            print(f"  {name:32} {statistics.median(times):10.1f} {max(times):9.1f} {len(r.content):9d}")


if __name__ == "__main__":
    main()
