"""Flat tables: one row per document, entity, alias, mention, relation, event, event actor, quote,
contradiction and evidence span, with scalar cells only, so pandas and DuckDB read each table in
one call (``pd.read_csv``, ``pd.read_parquet``, ``SELECT * FROM 'events.parquet'``).

Nested facts of the JSON export are spread over tables joined by id: an event's actors are rows of
``event_actors``, the spans behind a relation, an event or a contradiction are rows of ``evidence``.
Events and entities carry their place's coordinates, so a map needs no join.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from newsgraph.export.snapshot import Snapshot

# table -> [(column, type)], type one of str int float bool; the order is the files' column order
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [("id", "str"), ("source", "str"), ("locator", "str"), ("url", "str"), ("title", "str"),
                  ("publisher", "str"), ("published", "str"), ("published_precision", "str"),
                  ("published_method", "str"), ("story", "str"), ("story_size", "int"), ("canonical", "bool"),
                  ("words", "int"), ("text", "str")],
    "entities": [("id", "str"), ("name", "str"), ("type", "str"), ("subtype", "str"), ("documents", "int"),
                 ("stories", "int"), ("mentions", "int"), ("latitude", "float"), ("longitude", "float"),
                 ("approximate", "bool"), ("country", "str"), ("admin1", "str"), ("first_reported", "str"),
                 ("last_reported", "str")],
    "aliases": [("entity_id", "str"), ("alias", "str"), ("kind", "str"), ("count", "int")],
    "mentions": [("id", "int"), ("doc_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"),
                 ("type", "str"), ("origin", "str"), ("entity_id", "str")],
    "relations": [("id", "str"), ("subject", "str"), ("subject_name", "str"), ("predicate", "str"),
                  ("object", "str"), ("object_name", "str"), ("polarity", "str"), ("confidence", "float"),
                  ("documents", "int"), ("stories", "int"), ("first_reported", "str"), ("last_reported", "str")],
    "events": [("id", "str"), ("type", "str"), ("mode", "str"), ("acled_type", "str"), ("sub_event_type", "str"),
               ("date", "str"), ("date_precision", "str"), ("date_method", "str"), ("location", "str"),
               ("location_name", "str"), ("latitude", "float"), ("longitude", "float"), ("approximate", "bool"),
               ("country", "str"), ("admin1", "str"), ("fatalities", "int"), ("quantities", "str"),
               ("polarity", "str"), ("confidence", "float"), ("documents", "int"), ("stories", "int"),
               ("first_reported", "str"), ("last_reported", "str")],
    "event_actors": [("event_id", "str"), ("entity_id", "str"), ("name", "str"), ("type", "str"), ("role", "str")],
    "quotes": [("id", "int"), ("doc_id", "str"), ("start", "int"), ("end", "int"), ("kind", "str"), ("text", "str"),
               ("speaker", "str"), ("speaker_name", "str"), ("speaker_text", "str"), ("speaker_role", "str")],
    "contradictions": [("id", "str"), ("kind", "str"), ("subject", "str"), ("description", "str"),
                       ("values", "str"), ("documents", "int")],
    "evidence": [("owner", "str"), ("owner_id", "str"), ("doc_id", "str"), ("start", "int"), ("end", "int"),
                 ("text", "str"), ("cue", "str"), ("value", "str")],
}


def _place_columns(snap: Snapshot, place_id: str | None) -> dict[str, Any]:
    p = snap.places.get(place_id or "")
    if p is None:
        return {"latitude": None, "longitude": None, "approximate": None, "country": None, "admin1": None}
    return {"latitude": p.latitude, "longitude": p.longitude, "approximate": p.approximate if p.latitude is not None else None,
            "country": p.country_alpha2, "admin1": p.admin1}


def _reported(snap: Snapshot, docs: list[str]) -> dict[str, str | None]:
    first_last = snap.reported(docs)
    return {"first_reported": first_last[0] if first_last else None, "last_reported": first_last[1] if first_last else None}


def _evidence_rows(owner: str, owner_id: Any, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"owner": owner, "owner_id": str(owner_id), "doc_id": ev.get("doc"), "start": ev.get("start"),
             "end": ev.get("end"), "text": ev.get("text"), "cue": ev.get("cue") or ev.get("trigger"),
             "value": None if ev.get("value") is None else str(ev["value"])} for ev in evidence]


def _scalar(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def build(snap: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """Every table as a list of rows (dicts keyed by the table's columns, plus, for events, the stored
    fields the columns do not name yet, as scalars)."""
    by_id = snap.entities_by_id
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    tables["documents"] = [dict(d) for d in snap.documents]
    for e in snap.entities:
        tables["entities"].append({
            **{k: e[k] for k in ("id", "name", "type", "subtype", "documents", "stories", "mentions")},
            **_place_columns(snap, e["id"]), **_reported(snap, snap.entity_documents.get(e["id"], [])),
        })
    tables["aliases"] = [dict(a) for a in snap.aliases]
    tables["mentions"] = [dict(m) for m in snap.mentions]
    for r in snap.relations:
        tables["relations"].append({**{k: r[k] for k in dict(COLUMNS["relations"]) if k in r},
                                    **_reported(snap, snap.evidence_documents(r))})
        tables["evidence"] += _evidence_rows("relation", r["id"], r["evidence"])
    known = dict(COLUMNS["events"])
    for e in snap.events:
        row = {k: e.get(k) for k in known}
        row.update(_place_columns(snap, e.get("location")))
        row.update(_reported(snap, snap.evidence_documents(e)))
        row["quantities"] = json.dumps(e.get("quantities") or [], ensure_ascii=False)
        row.update({k: _scalar(v) for k, v in e.items() if k not in known and k not in ("actors", "evidence")})
        tables["events"].append(row)
        for a in e.get("actors", []):
            ent = by_id.get(a["entity"], {})
            tables["event_actors"].append({"event_id": e["id"], "entity_id": a["entity"], "name": a["name"],
                                           "type": ent.get("type"), "role": a["role"]})
        tables["evidence"] += _evidence_rows("event", e["id"], e["evidence"])
    for q in snap.quotes:
        tables["quotes"].append({"id": q["id"], "doc_id": q["doc"], **{k: q[k] for k in (
            "start", "end", "kind", "text", "speaker", "speaker_name", "speaker_text", "speaker_role")}})
    for c in snap.contradictions:
        values = [str(ev["value"]) for ev in c["evidence"] if ev.get("value") is not None]
        tables["contradictions"].append({"id": c["id"], "kind": c.get("kind"), "subject": c.get("subject"),
                                         "description": c["description"], "values": "; ".join(values) or None,
                                         "documents": len({ev["doc"] for ev in c["evidence"]})})
        tables["evidence"] += _evidence_rows("contradiction", c["id"], c["evidence"])
    return tables


def _columns(name: str, rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The declared columns, then any further field the rows carry (typed by their values)."""
    cols = list(COLUMNS[name])
    declared = {c for c, _ in cols}
    for row in rows:
        for k, v in row.items():
            if k not in declared:
                declared.add(k)
                cols.append((k, {bool: "bool", int: "int", float: "float"}.get(type(v), "str")))
    return cols


def write_csv(snap: Snapshot, out: Path) -> list[Path]:
    """One UTF-8 CSV per table in the folder ``out`` (RFC 4180 quoting; empty cell for no value)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in build(snap).items():
        path = out / f"{name}.csv"
        cols = [c for c, _ in _columns(name, rows)]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="raise")
            writer.writeheader()
            writer.writerows({c: row.get(c) for c in cols} for row in rows)
        written.append(path)
    return written


def write_parquet(snap: Snapshot, out: Path) -> list[Path]:
    """One Parquet file per table in the folder ``out``, with typed columns (an empty table keeps them)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError("the parquet export needs pyarrow: pip install 'newsgraph[parquet]'") from exc
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in build(snap).items():
        cols = _columns(name, rows)
        schema = pa.schema([(c, types[t]) for c, t in cols])
        table = pa.Table.from_pylist([{c: row.get(c) for c, _ in cols} for row in rows], schema=schema)
        path = out / f"{name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written
