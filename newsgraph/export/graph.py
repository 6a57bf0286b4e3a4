"""The actor network as a graph file for Gephi, Cytoscape or networkx: GraphML and dynamic GEXF.

Nodes are entities (actors and places) with their type, subtype, story and document counts and,
for places, coordinates. Edges are the relations (directed subject -> predicate -> object) and the
events that name both an actor and a target (actor -> target, labelled with the event type). Every
node and edge carries ``start`` and ``end``: for an entity the first and last day a document naming it
was published, for a relation the same over its evidence, for an event its own date when known
(else its reports'). In GEXF they are the element's time interval (``mode="dynamic"``), which Gephi's
timeline filters on; in GraphML they are plain attributes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.export.snapshot import Snapshot, date_bounds


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF attributes are scalars; a missing value is left out, not written as ''."""
    return {k: v for k, v in attrs.items() if v is not None}


def build(snap: Snapshot) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="newsgraph")
    for e in snap.entities:
        first_last = snap.reported(snap.entity_documents.get(e["id"], []))
        place = snap.places.get(e["id"])
        g.add_node(e["id"], **_clean({
            "label": e["name"], "type": e["type"], "subtype": e["subtype"],
            "kind": f"{e['type']}/{e['subtype']}" if e["subtype"] else e["type"],
            "stories": e["stories"], "documents": e["documents"],
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "country": place.country_alpha2 if place else None,
            "start": first_last[0] if first_last else None, "end": first_last[1] if first_last else None,
        }))
    for r in snap.relations:
        if r["subject"] not in g or r["object"] not in g:
            continue
        first_last = snap.reported(snap.evidence_documents(r))
        g.add_edge(r["subject"], r["object"], key=r["id"], **_clean({
            "label": r["predicate"], "kind": "relation", "predicate": r["predicate"], "polarity": r["polarity"],
            "confidence": r["confidence"], "stories": r["stories"], "documents": r["documents"],
            "weight": float(r["stories"] or 1),
            "start": first_last[0] if first_last else None, "end": first_last[1] if first_last else None,
        }))
    for e in snap.events:
        actors = [a["entity"] for a in e.get("actors", []) if a["role"] == "actor" and a["entity"] in g]
        targets = [a["entity"] for a in e.get("actors", []) if a["role"] == "target" and a["entity"] in g]
        first_last = date_bounds(e.get("date")) or snap.reported(snap.evidence_documents(e))
        for i, a in enumerate(actors):
            for j, t in enumerate(targets):
                if a == t:
                    continue
                g.add_edge(a, t, key=f"{e['id']}-{i}-{j}", **_clean({
                    "label": e["type"], "kind": "event", "event": e["id"], "event_type": e["type"],
                    "acled_type": e.get("acled_type"), "sub_event_type": e.get("sub_event_type"),
                    "location": e.get("location_name"), "polarity": e["polarity"], "confidence": e["confidence"],
                    "stories": e["stories"], "documents": e["documents"], "weight": float(e["stories"] or 1),
                    "date": e.get("date"),
                    "start": first_last[0] if first_last else None, "end": first_last[1] if first_last else None,
                }))
    # a node lives at least as long as its edges: Gephi hides an edge whose ends are not alive
    for u, v, data in g.edges(data=True):
        for n in (u, v):
            node = g.nodes[n]
            if "start" in data and "start" in node:
                node["start"] = min(node["start"], data["start"])
                node["end"] = max(node["end"], data["end"])
    return g


def write_graphml(snap: Snapshot, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(build(snap), out, encoding="utf-8", named_key_ids=True)
    return [out]


def write_gexf(snap: Snapshot, out: Path) -> list[Path]:
    g = build(snap)
    g.graph["mode"] = "dynamic"  # start/end become the elements' intervals (Gephi's timeline)
    for _, _, key, data in g.edges(keys=True, data=True):
        data["id"] = key  # the relation's (or event's) id as the GEXF edge id, not a running number
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(g, out, encoding="utf-8")
    return [out]
