"""Read-side queries over a store: the one module the CLI, the export and any API or UI call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsgraph.store import Store


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class DocumentRow:
    id: str
    source: str
    locator: str
    title: str | None
    publisher: str | None
    published: str | None
    published_method: str | None
    story: str | None
    story_size: int
    canonical: bool
    words: int
    removed_lines: int
    flags: int


def documents(store: Store) -> list[DocumentRow]:
    rows = store.query(
        """SELECT d.id, d.source, d.locator, d.title, d.publisher, d.published, d.published_method, d.story_id,
                  d.words, COALESCE(s.size, 1) AS story_size, (s.canonical_doc = d.id) AS canonical,
                  (SELECT COUNT(*) FROM removed_lines r WHERE r.doc_id = d.id) AS removed,
                  (SELECT COUNT(*) FROM flags f WHERE f.doc_id = d.id) AS flags
           FROM documents d LEFT JOIN stories s ON s.id = d.story_id
           ORDER BY d.source, d.locator, d.id"""
    )
    return [
        DocumentRow(
            r["id"], r["source"], r["locator"], r["title"], r["publisher"], r["published"], r["published_method"],
            r["story_id"], r["story_size"], bool(r["canonical"]), r["words"], r["removed"], r["flags"],
        )
        for r in rows
    ]


def resolve_document_id(store: Store, ref: str) -> str:
    """A document id, a unique prefix of one, or a source path / file name."""
    rows = store.query("SELECT id FROM documents WHERE id LIKE ? ORDER BY id", (ref + "%",))
    if not rows:
        rows = store.query(
            "SELECT id FROM documents WHERE source = ? OR source LIKE ? ORDER BY id", (ref, "%/" + ref)
        )
    if not rows:  # a file-name prefix, as a user types it: "001" for 001_87383f2d.txt
        rows = store.query(
            "SELECT id FROM documents WHERE source LIKE ? OR source LIKE ? ORDER BY id", (ref + "%", "%/" + ref + "%")
        )
    if not rows:
        raise NotFound(f"no document matches {ref!r}")
    if len(rows) > 1:
        raise NotFound(f"{ref!r} matches {len(rows)} documents: {', '.join(r['id'] for r in rows[:5])} ...")
    return rows[0]["id"]


@dataclass(frozen=True)
class RawLine:
    text: str
    removed: str | None  # the reason, when the cleaner dropped the line


def document(store: Store, ref: str) -> dict[str, Any]:
    doc_id = resolve_document_id(store, ref)
    d = store.query("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]
    removed = store.query(
        "SELECT raw_start, raw_end, text, reason FROM removed_lines WHERE doc_id = ? ORDER BY raw_start", (doc_id,)
    )
    flags = store.query("SELECT stage, kind, message, evidence FROM flags WHERE doc_id = ? ORDER BY id", (doc_id,))
    story = store.query("SELECT id FROM documents WHERE story_id = ? AND id != ? ORDER BY id", (d["story_id"], doc_id))
    return {
        "id": doc_id,
        "source": d["source"],
        "locator": d["locator"],
        "format": d["format"],
        "encoding": d["encoding"],
        "title": d["title"],
        "publisher": d["publisher"],
        "published": d["published"],
        "published_precision": d["published_precision"],
        "published_method": d["published_method"],
        "published_evidence": _evidence_text(d["raw"], d["published_evidence"]),
        "story": d["story_id"],
        "story_siblings": [r["id"] for r in story],
        "words": d["words"],
        "text": d["text"],
        "raw": d["raw"],
        "removed": [dict(r) for r in removed],
        "flags": [{**dict(f), "evidence": json.loads(f["evidence"])} for f in flags],
    }


def _evidence_text(raw: str, evidence_json: str | None) -> dict[str, Any] | None:
    if not evidence_json:
        return None
    ev = json.loads(evidence_json)
    if ev.get("raw_start") is not None and ev.get("raw_end") is not None:
        ev["text"] = raw[ev["raw_start"] : ev["raw_end"]]
    return ev


def raw_lines(doc: dict[str, Any]) -> list[RawLine]:
    """The raw text line by line, each marked with the reason it was removed (plain-text captures)."""
    removed = [(r["raw_start"], r["raw_end"], r["reason"]) for r in doc["removed"]]
    lines, offset = [], 0
    for line in doc["raw"].splitlines(keepends=True):
        text = line.rstrip("\r\n")
        end = max(offset + len(text), offset + 1)
        reason = next((why for start, stop, why in removed if start < end and stop > offset), None)
        lines.append(RawLine(text, reason))
        offset += len(line)
    return lines


def summary(store: Store) -> dict[str, int]:
    return {
        "documents": store.count("documents"),
        "stories": store.count("stories"),
        "syndicated": store.query(
            "SELECT COALESCE(SUM(size), 0) FROM stories WHERE size > 1"
        )[0][0],
        "removed_lines": store.count("removed_lines"),
        "dated": store.query("SELECT COUNT(*) FROM documents WHERE published IS NOT NULL")[0][0],
        "flags": store.count("flags"),
        "mentions": store.count("mentions"),
        "entities": store.count("entities"),
        "relations": store.count("relations"),
        "events": store.count("events"),
        "quotes": store.count("quotes"),
        "contradictions": store.count("contradictions"),
    }


def _evidence(store: Store, owner: str, owner_id: Any) -> list[dict[str, Any]]:
    return [
        {"doc": r["doc_id"], "start": r["start"], "end": r["end"]}
        for r in store.query(
            "SELECT doc_id, start, end FROM evidence WHERE owner = ? AND owner_id = ? ORDER BY doc_id, start",
            (owner, str(owner_id)),
        )
    ]


def clean_span(store: Store, doc_id: str, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """Map a raw-text span onto the cleaned text, when the cleaner kept it."""
    for seg in store.query(
        "SELECT clean_start, raw_start, length FROM segments WHERE doc_id = ? AND raw_start IS NOT NULL "
        "AND raw_start <= ? AND raw_start + length >= ?",
        (doc_id, raw_start, raw_end),
    ):
        return seg["clean_start"] + raw_start - seg["raw_start"], seg["clean_start"] + raw_end - seg["raw_start"]
    return None


def document_inconsistencies(store: Store) -> list[dict[str, Any]]:
    """Flags raised inside one document (a weekday that does not match its date), as contradictions."""
    found = []
    for f in store.query("SELECT doc_id, kind, message, evidence FROM flags ORDER BY doc_id, id"):
        evidence = []
        for ev in json.loads(f["evidence"]):
            if ev.get("raw_start") is None:
                continue
            span = clean_span(store, f["doc_id"], ev["raw_start"], ev["raw_end"])
            if span:
                evidence.append({"doc": f["doc_id"], "start": span[0], "end": span[1]})
            else:  # the line was removed as boilerplate: point into the raw text instead
                evidence.append({"doc": f["doc_id"], "start": None, "end": None, "raw_start": ev["raw_start"], "raw_end": ev["raw_end"]})
        found.append({"description": f"{f['kind']}: {f['message']}", "kind": f["kind"], "evidence": evidence})
    return found


def export(store: Store) -> dict[str, Any]:
    """The JSON export contract; offsets index into each document's exported ``text``."""
    docs = [
        {
            "id": r["id"],
            "source": r["source"] + (f"#{r['locator']}" if r["locator"] else ""),
            "title": r["title"],
            "publisher": r["publisher"],
            "published": r["published"],
            "story": r["story_id"],
            "text": r["text"],
        }
        for r in store.query(
            "SELECT id, source, locator, title, publisher, published, story_id, text FROM documents ORDER BY source, locator, id"
        )
    ]
    mentions_by_entity: dict[str, list[dict[str, Any]]] = {}
    for m in store.query("SELECT entity_id, doc_id, start, end FROM mentions WHERE entity_id IS NOT NULL ORDER BY doc_id, start"):
        mentions_by_entity.setdefault(m["entity_id"], []).append({"doc": m["doc_id"], "start": m["start"], "end": m["end"]})
    aliases: dict[str, list[str]] = {}
    for a in store.query("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"):
        aliases.setdefault(a["entity_id"], []).append(a["alias"])
    entities = [
        {
            "id": e["id"], "name": e["name"], "type": e["type"],
            **({"subtype": e["subtype"]} if e["subtype"] else {}),
            "aliases": aliases.get(e["id"], []),
            "mentions": mentions_by_entity.get(e["id"], []),
        }
        for e in store.query("SELECT id, name, type, subtype FROM entities ORDER BY id")
    ]
    relations = [
        {
            "subject": r["subject"], "predicate": r["predicate"], "object": r["object"],
            "polarity": r["polarity"], "confidence": r["confidence"], "stories": r["stories"],
            "evidence": _evidence(store, "relation", r["id"]),
        }
        for r in store.query("SELECT * FROM relations ORDER BY id")
    ]
    actors: dict[str, list[str]] = {}
    for a in store.query("SELECT event_id, entity_id FROM event_actors ORDER BY rowid"):
        actors.setdefault(a["event_id"], []).append(a["entity_id"])
    events = [
        {
            "id": e["id"], "type": e["type"], "date": e["date"], "location": e["location"],
            "actors": actors.get(e["id"], []), "evidence": _evidence(store, "event", e["id"]),
        }
        for e in store.query("SELECT * FROM events ORDER BY id")
    ]
    quotes = [
        {"speaker": q["speaker"], "text": q["text"], "doc": q["doc_id"], "start": q["start"], "end": q["end"]}
        for q in store.query("SELECT * FROM quotes ORDER BY doc_id, start")
    ]
    contradictions = [
        {"description": c["description"], "evidence": _evidence(store, "contradiction", c["id"])}
        for c in store.query("SELECT * FROM contradictions ORDER BY id")
    ] + document_inconsistencies(store)
    return {
        "documents": docs,
        "entities": entities,
        "relations": relations,
        "events": events,
        "quotes": quotes,
        "contradictions": contradictions,
    }
