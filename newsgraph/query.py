"""Read-side queries over a store: the one module the CLI, the export and any API or UI call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsgraph.store import Store


class NotFound(LookupError):
    pass


# Documents are read through this index where only their card is needed: the columns after the raw
# and cleaned text in a row are reached by walking the text's overflow pages (store.py).
DOCUMENT_CARD = "INDEXED BY documents_card"


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
        # as many as `contradictions` lists: the cross-document ones and the in-document flags
        "contradictions": store.count("contradictions") + len(_inconsistency_flags(store)),
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


# Document flags that are a disagreement. The others ("wire-source", "ambiguous-date-order",
# "no-main-text") are notes on the document, shown by `show-doc`, not contradictions.
INCONSISTENCY_FLAGS = ("weekday-mismatch",)


def _inconsistency_flags(store: Store) -> list[Any]:
    marks = ",".join("?" * len(INCONSISTENCY_FLAGS))
    return store.query(f"SELECT doc_id, kind, message, evidence FROM flags WHERE kind IN ({marks}) ORDER BY doc_id, id",
                       INCONSISTENCY_FLAGS)


def document_inconsistencies(store: Store) -> list[dict[str, Any]]:
    """Flags raised inside one document (a weekday that does not match its date), as contradictions."""
    found = []
    for f in _inconsistency_flags(store):
        evidence = []
        for ev in json.loads(f["evidence"]):
            if ev.get("raw_start") is None:
                continue
            span = clean_span(store, f["doc_id"], ev["raw_start"], ev["raw_end"])
            if span:
                evidence.append({"doc": f["doc_id"], "start": span[0], "end": span[1], "text": ev.get("value")})
            else:  # the line was removed as boilerplate: point into the raw text instead
                evidence.append({"doc": f["doc_id"], "start": None, "end": None, "raw_start": ev["raw_start"],
                                 "raw_end": ev["raw_end"], "text": ev.get("value")})
        found.append({"description": f["message"], "kind": f["kind"], "evidence": evidence})
    return found


# -- entities ----------------------------------------------------------------------------------

def _snippet(text: str, start: int, end: int, width: int = 60) -> dict[str, str]:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return {"before": text[lo:start].replace("\n", " "), "match": text[start:end], "after": text[end:hi].replace("\n", " ")}


def entities(store: Store, type: str | None = None, min_docs: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
    """Entities with their aliases, most widely reported first."""
    where, params = ["documents >= ?"], [min_docs]
    if type:
        where.append("type = ?")
        params.append(type.upper())
    rows = store.query(
        f"SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id AND m.origin != 'ner') AS mentions "
        f"FROM entities e WHERE {' AND '.join(where)} ORDER BY stories DESC, documents DESC, mentions DESC, name"
        + (f" LIMIT {int(limit)}" if limit else ""),
        tuple(params),
    )
    aliases: dict[str, list[str]] = {}
    for a in store.query("SELECT entity_id, alias FROM aliases ORDER BY count DESC, alias"):
        aliases.setdefault(a["entity_id"], []).append(a["alias"])
    return [
        {"id": r["id"], "name": r["name"], "type": r["type"], "subtype": r["subtype"],
         "aliases": [a for a in aliases.get(r["id"], []) if a != r["name"]], "documents": r["documents"],
         "stories": r["stories"], "mentions": r["mentions"], "meta": json.loads(r["meta"] or "{}")}
        for r in rows
    ]


def find_entity(store: Store, ref: str) -> str:
    """An entity id from an id, a name or any alias (case-insensitive, then transliteration-aware)."""
    from newsgraph.names.normalize import name_key

    ref = ref.strip()
    row = store.query("SELECT id FROM entities WHERE id = ?", (ref,))
    if row:
        return row[0]["id"]
    hits = store.query(
        "SELECT DISTINCT e.id, e.stories FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id "
        "WHERE e.name = ? COLLATE NOCASE OR a.alias = ? COLLATE NOCASE ORDER BY e.stories DESC",
        (ref, ref),
    )
    if not hits:
        key = name_key(ref)
        if key:
            ids: dict[str, int] = {}
            for a in store.query("SELECT a.entity_id, a.alias, e.stories FROM aliases a JOIN entities e ON e.id = a.entity_id"):
                if name_key(a["alias"]) == key:
                    ids[a["entity_id"]] = a["stories"]
            hits = [{"id": k} for k in sorted(ids, key=lambda k: -ids[k])]
    if not hits:
        raise NotFound(f"no entity named {ref!r} (try `newsgraph entities` for the list)")
    if len(hits) > 1:
        names = [store.query("SELECT name FROM entities WHERE id = ?", (h["id"],))[0]["name"] for h in hits[:5]]
        raise NotFound(f"{ref!r} names {len(hits)} entities: " + "; ".join(f"{n} ({h['id']})" for n, h in zip(names, hits)))
    return hits[0]["id"]


def entity(store: Store, ref: str, contexts: int = 8) -> dict[str, Any]:
    """One entity: aliases, mentions in context, co-mentioned entities, relations, quotes, events."""
    eid = find_entity(store, ref)
    e = store.query("SELECT * FROM entities WHERE id = ?", (eid,))[0]
    aliases = [dict(a) for a in store.query("SELECT alias, kind, count FROM aliases WHERE entity_id = ? ORDER BY count DESC, alias", (eid,))]
    # the texts are read only for the documents shown: a widely reported entity has thousands of mentions
    mentions = store.query(
        "SELECT m.doc_id, m.start, m.end, m.origin, m.title, d.source, d.locator FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? AND m.origin != 'ner' ORDER BY d.source, m.start",
        (eid,),
    )
    shown, seen_docs = [], set()
    for m in mentions:  # one context per document first: the reader wants breadth
        if m["doc_id"] in seen_docs:
            continue
        seen_docs.add(m["doc_id"])
        text = store.query("SELECT text FROM documents WHERE id = ?", (m["doc_id"],))[0]["text"]
        shown.append({"doc": m["doc_id"], "source": m["source"], "start": m["start"], "end": m["end"],
                      "origin": m["origin"], **_snippet(text, m["start"], m["end"])})
        if len(shown) >= contexts:
            break
    co = store.query(  # over the entity's documents, each counted once; counted first, then named
        "SELECT e.id, e.name, e.type, c.docs FROM (SELECT m2.entity_id AS id, COUNT(DISTINCT m2.doc_id) AS docs "
        "FROM mentions m2 WHERE m2.doc_id IN (SELECT doc_id FROM mentions WHERE entity_id = ? AND origin != 'ner') "
        "AND m2.entity_id != ? AND m2.origin != 'ner' GROUP BY m2.entity_id) c "
        "JOIN entities e ON e.id = c.id ORDER BY c.docs DESC, e.name LIMIT 15",
        (eid, eid),
    )
    return {
        "id": eid, "name": e["name"], "type": e["type"], "subtype": e["subtype"], "documents": e["documents"],
        "stories": e["stories"], "meta": json.loads(e["meta"] or "{}"), "aliases": aliases,
        "mentions": len(mentions), "contexts": shown,
        "co_mentioned": [dict(c) for c in co],
        "relations": relations(store, entity=eid),
        "quotes": quotes(store, speaker=eid),
        "joins": [{"a": j["a"], "b": j["b"], "reasons": json.loads(j["reasons"])}
                  for j in store.query("SELECT a, b, reasons FROM merges WHERE entity_id = ?", (eid,))],
    }


def why_same(store: Store, a: str, b: str) -> dict[str, Any]:
    """Whether two names are one entity, and why (the joins that connect them) or why not."""
    from newsgraph.names.blocking import link_by_name

    ea, eb = find_entity(store, a), find_entity(store, b)
    ta = store.query("SELECT name, type FROM entities WHERE id = ?", (ea,))[0]
    tb = store.query("SELECT name, type FROM entities WHERE id = ?", (eb,))[0]
    if ea == eb:
        joins = [{"a": j["a"], "b": j["b"], "reasons": json.loads(j["reasons"])}
                 for j in store.query("SELECT a, b, reasons FROM merges WHERE entity_id = ?", (ea,))]
        local = [dict(r) for r in store.query(
            "SELECT doc_id, name, names FROM local_entities WHERE entity_id = ? AND (names LIKE ? OR names LIKE ?)",
            (ea, f"%{a}%", f"%{b}%"))]
        return {"same": True, "entity": ea, "name": ta["name"], "joins": _path(joins, a, b), "all_joins": joins,
                "same_document": [x for x in local if a in x["names"] and b in x["names"]]}
    ok, reasons = link_by_name(a, b, ta["type"] if ta["type"] == tb["type"] else None)
    why_not = []
    if ta["type"] != tb["type"]:
        why_not.append(f"different types: {ta['type']} / {tb['type']}")
    shared = store.query(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT doc_id FROM local_entities WHERE entity_id = ? "
        "INTERSECT SELECT DISTINCT doc_id FROM local_entities WHERE entity_id = ?)", (ea, eb))[0]["n"]
    if shared:
        why_not.append(f"both named as different actors in {shared} document(s): never joined")
    if not ok:
        why_not.append("names alone do not match: " + "; ".join(reasons))
    # a split the user made between them (entities.corrections.SPLIT)
    for eid, other in ((ea, (b, tb["name"])), (eb, (a, ta["name"]))):
        for j in store.query("SELECT reasons FROM merges WHERE entity_id = ? AND a = '' AND b = ''", (eid,)):
            for reason in json.loads(j["reasons"]):
                if reason.startswith("split off by the user") and reason not in why_not \
                        and any(o.casefold() in reason.casefold() for o in other):
                    why_not.insert(0, reason)
    return {"same": False, "a": {"id": ea, "name": ta["name"]}, "b": {"id": eb, "name": tb["name"]},
            "name_match": ok, "reasons": reasons, "why_not": why_not}


def _path(joins: list[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    """The joins on the path from alias a to alias b (breadth-first over the join graph)."""
    import networkx as nx

    g = nx.Graph()
    for j in joins:
        g.add_edge(j["a"], j["b"], reasons=j["reasons"])
    src = next((n for n in g if n.casefold() == a.casefold()), None)
    dst = next((n for n in g if n.casefold() == b.casefold()), None)
    if src is None or dst is None or not nx.has_path(g, src, dst):
        return joins[:10]
    nodes = nx.shortest_path(g, src, dst)
    return [{"a": x, "b": y, "reasons": g.edges[x, y]["reasons"]} for x, y in zip(nodes, nodes[1:])]


# -- relations, events, quotes, contradictions ------------------------------------------------

def _by_ids(store: Store, sql: str, ids, params: tuple = (), chunk: int = 500, tail: str = "") -> list[Any]:
    """The rows of ``sql`` (ending in ``IN``, then ``tail``) for each of ``ids``, a chunk of ids per
    query: one query per page rather than one per row, within SQLite's limit on parameters."""
    wanted = list(dict.fromkeys(i for i in ids if i is not None))
    rows: list[Any] = []
    for i in range(0, len(wanted), chunk):
        part = wanted[i:i + chunk]
        rows += store.query(f"{sql} ({','.join('?' * len(part))}){tail}", (*params, *part))
    return rows


def _names(store: Store, ids=None) -> dict[str, str]:
    """Entity id -> display name, of every entity or of ``ids`` only (a page reads its own)."""
    if ids is None:
        return {r["id"]: r["name"] for r in store.query("SELECT id, name FROM entities")}
    return {r["id"]: r["name"] for r in _by_ids(store, "SELECT id, name FROM entities WHERE id IN", ids)}


def _texts(store: Store, doc_ids) -> dict[str, str]:
    return {r["id"]: r["text"] for r in _by_ids(store, "SELECT id, text FROM documents WHERE id IN", doc_ids)}


def _evidence_rows(store: Store, owner: str, ids: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    sql = "SELECT owner_id, doc_id, start, end, detail FROM evidence WHERE owner = ?"
    if ids is None:
        rows = store.query(sql + " ORDER BY doc_id, start", (owner,))
    else:  # the rows of these owners only, through the (owner, owner_id) index: a page of a large store
        rows = _by_ids(store, sql + " AND owner_id IN", (str(i) for i in ids), (owner,))
        rows.sort(key=lambda r: (r["doc_id"], r["start"]))
    texts = _texts(store, (r["doc_id"] for r in rows))
    for r in rows:
        text = texts[r["doc_id"]]
        out.setdefault(r["owner_id"], []).append(
            {"doc": r["doc_id"], "start": r["start"], "end": r["end"], "text": text[r["start"]:r["end"]],
             **json.loads(r["detail"] or "{}")}
        )
    return out


def relations(store: Store, entity: str | None = None, predicate: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if entity:
        where.append("(subject = ? OR object = ?)")
        params += [entity, entity]
    if predicate:
        where.append("predicate = ?")
        params.append(predicate)
    rows = store.query("SELECT * FROM relations" + (" WHERE " + " AND ".join(where) if where else "")
                       + " ORDER BY stories DESC, confidence DESC, id", tuple(params))
    names = _names(store, [x for r in rows for x in (r["subject"], r["object"])])
    ev = _evidence_rows(store, "relation", [r["id"] for r in rows] if entity or predicate else None)
    return [
        {"id": r["id"], "subject": r["subject"], "subject_name": names.get(r["subject"]), "predicate": r["predicate"],
         "object": r["object"], "object_name": names.get(r["object"]), "polarity": r["polarity"],
         "confidence": r["confidence"], "documents": r["documents"], "stories": r["stories"],
         "evidence": ev.get(r["id"], [])}
        for r in rows
    ]


def events(store: Store, type: str | None = None, place: str | None = None, date_from: str | None = None,
           date_to: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if type:
        where.append("(type = ? COLLATE NOCASE OR acled_type = ? COLLATE NOCASE)")
        params += [type, type]
    if place:
        where.append("location = ?")
        params.append(find_entity(store, place))
    if date_from:
        where.append("date >= ?")
        params.append(date_from)
    if date_to:
        where.append("substr(date, 1, ?) <= ?")
        params += [len(date_to), date_to]
    if entity:
        where.append("(location = ? OR id IN (SELECT event_id FROM event_actors WHERE entity_id = ?))")
        params += [entity, entity]
    rows = store.query("SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
                       + " ORDER BY date IS NULL, date, id", tuple(params))
    names = _names(store)
    actors: dict[str, list[dict[str, Any]]] = {}
    for a in store.query("SELECT event_id, entity_id, role FROM event_actors ORDER BY rowid"):
        actors.setdefault(a["event_id"], []).append({"entity": a["entity_id"], "name": names.get(a["entity_id"]), "role": a["role"]})
    ev = _evidence_rows(store, "event", [r["id"] for r in rows] if where else None)
    return [
        {"id": r["id"], "type": r["type"], "acled_type": r["acled_type"], "mode": r["mode"], "date": r["date"],
         "date_precision": r["date_precision"], "date_method": r["date_method"], "location": r["location"],
         "location_name": names.get(r["location"]), "actors": actors.get(r["id"], []),
         "quantities": json.loads(r["quantities"] or "[]"), "polarity": r["polarity"], "confidence": r["confidence"],
         "documents": r["documents"], "stories": r["stories"], "evidence": ev.get(r["id"], [])}
        for r in rows
    ]


def timeline(store: Store, ref: str) -> dict[str, Any]:
    """Events an entity took part in (or that happened at a place), in date order."""
    eid = find_entity(store, ref)
    name = store.query("SELECT name FROM entities WHERE id = ?", (eid,))[0]["name"]
    return {"entity": eid, "name": name, "events": events(store, entity=eid)}


def quotes(store: Store, speaker: str | None = None) -> list[dict[str, Any]]:
    params: tuple = ()
    where = ""
    if speaker:
        where = " WHERE q.speaker = ?"
        params = (find_entity(store, speaker),)
    rows = store.query("SELECT q.*, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id" + where
                       + " ORDER BY d.source, q.start", params)
    names = _names(store, [q["speaker"] for q in rows])
    return [
        {"id": q["id"], "speaker": q["speaker"], "speaker_name": names.get(q["speaker"]), "speaker_text": q["speaker_text"],
         "speaker_role": q["speaker_role"], "kind": q["kind"], "text": q["text"], "doc": q["doc_id"],
         "source": q["source"], "start": q["start"], "end": q["end"]}
        for q in rows
    ]


def contradictions(store: Store) -> list[dict[str, Any]]:
    ev = _evidence_rows(store, "contradiction")
    stored = [
        {"id": c["id"], "kind": c["kind"], "subject": c["subject"], "description": c["description"], "evidence": ev.get(c["id"], [])}
        for c in store.query("SELECT * FROM contradictions ORDER BY kind, id")
    ]
    return stored + document_inconsistencies(store)


def export(store: Store) -> dict[str, Any]:
    """The JSON export contract; offsets index into each document's exported ``text``."""
    docs = [
        {
            "id": r["id"],
            "source": r["source"],
            "locator": r["locator"],
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
    texts = {d["id"]: d["text"] for d in docs}
    mentions_by_entity: dict[str, list[dict[str, Any]]] = {}
    for m in store.query("SELECT entity_id, doc_id, start, end, origin FROM mentions WHERE entity_id IS NOT NULL "
                         "AND origin != 'ner' ORDER BY doc_id, start"):
        mentions_by_entity.setdefault(m["entity_id"], []).append(
            {"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": texts[m["doc_id"]][m["start"]:m["end"]],
             "origin": m["origin"]})
    ents = entities(store)
    for e in ents:
        e["aliases"] = [e["name"], *e["aliases"]]
        e["mentions"] = mentions_by_entity.get(e["id"], [])
    return {
        "documents": docs,
        "entities": ents,
        "relations": relations(store),
        "events": events(store),
        "quotes": quotes(store),
        "contradictions": contradictions(store),
    }


# -- user corrections (merge, split, rename, retype) -------------------------------------------------
# Each is stored as a decision naming entities by their display names, then the resolution stage is
# re-run (it replays every decision in order: ``entities.corrections``).

def _lookup(store: Store, ref: str) -> list[str]:
    """Entity ids named ``ref`` (name or alias, case-insensitive, then transliteration-aware)."""
    from newsgraph.names.normalize import name_key

    ref = ref.strip()
    hits = [r["id"] for r in store.query(
        "SELECT DISTINCT e.id FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id "
        "WHERE e.id = ? OR e.name = ? COLLATE NOCASE OR a.alias = ? COLLATE NOCASE", (ref, ref, ref))]
    if hits:
        return hits
    key = name_key(ref)
    if not key:
        return []
    return list(dict.fromkeys(a["entity_id"] for a in store.query("SELECT entity_id, alias FROM aliases")
                              if name_key(a["alias"]) == key))


def _entity_row(store: Store, eid: str) -> dict[str, Any]:
    r = store.query("SELECT id, name, type, subtype FROM entities WHERE id = ?", (eid,))[0]
    return dict(r)


def _local_names(store: Store, eid: str) -> list[list[str]]:
    """The names of each document-local entity of an entity."""
    return [list(dict.fromkeys([r["name"], *json.loads(r["names"] or "[]")]))
            for r in store.query("SELECT name, names FROM local_entities WHERE entity_id = ?", (eid,))]


def _rerun_resolution(store: Store) -> None:
    from newsgraph import pipeline

    pipeline.resolve_corpus(store)


def plan_correction(store: Store, action: str, a: str, b: str) -> tuple[str, str, str]:
    """Check a correction against the store and return the decision to store: entities are named by
    their display names (NotFound for an unknown or ambiguous name, ValueError for a bad request)."""
    from newsgraph.entities.corrections import ACTIONS, parse_type

    if action not in ACTIONS:
        raise ValueError(f"unknown correction {action!r} (one of {', '.join(ACTIONS)})")
    b = " ".join(b.split())
    if not b:
        raise ValueError("an empty name")
    ea = _entity_row(store, find_entity(store, a))
    if action == "merge":
        eb = _entity_row(store, find_entity(store, b))
        if ea["id"] == eb["id"]:
            raise ValueError(f"{a!r} and {b!r} are already one entity: {ea['name']} ({ea['id']})")
        return "merge", ea["name"], eb["name"]
    if action == "split":
        locals_ = _local_names(store, ea["id"])
        spelled = next((n for names in locals_ for n in names if n.casefold() == b.casefold()), None)
        if spelled is None:
            raise ValueError(f"no document names {ea['name']} ({ea['id']}) {b!r}: its names from documents are "
                             + ", ".join(sorted({n for names in locals_ for n in names})))
        if all(any(n.casefold() == b.casefold() for n in names) for names in locals_):
            raise ValueError(f"every document that names {ea['name']} calls it {b!r}: nothing would be left")
        return "split", ea["name"], spelled
    if action == "rename":
        return "rename", ea["name"], b
    typ, sub = parse_type(b)
    return "retype", ea["name"], typ + (f"/{sub}" if sub else "")


def correct(store: Store, action: str, a: str, b: str, name: str | None = None) -> dict[str, Any]:
    """Store a correction (``merge`` with ``name`` also stores a rename) and re-run resolution.
    Returns the decisions stored and the entities they name now."""
    decisions = [plan_correction(store, action, a, b)]
    if action == "merge" and name and name.strip():
        decisions.append(("rename", decisions[0][1], " ".join(name.split())))
    with store.batch():
        for d in decisions:
            store.add_override(*d)
    _rerun_resolution(store)
    _, first, second = decisions[0]
    if action == "rename":
        first = decisions[0][2]
    elif len(decisions) > 1:
        first = decisions[1][2]
    result: dict[str, Any] = {"decisions": [list(d) for d in decisions],
                              "entity": _entity_row(store, find_entity(store, first))}
    if action == "split":
        ids = [eid for eid in _lookup(store, second) if eid != result["entity"]["id"]]
        result["split_off"] = _entity_row(store, ids[0]) if ids else None
    return result


def _status(store: Store, action: str, a: str, b: str) -> tuple[bool, str]:
    """Whether a stored correction holds in the store as it is now, and if not, why."""
    ids_a = _lookup(store, a)
    if not ids_a and action != "rename":
        return False, f"no entity named {a!r}"
    if action == "merge":
        ids_b = _lookup(store, b)
        if not ids_b:
            return False, f"no entity named {b!r}"
        return (True, "applies") if set(ids_a) & set(ids_b) else (False, "the two names are two entities")
    if action == "split":
        holders = {r["entity_id"] for r in store.query("SELECT entity_id, name, names FROM local_entities")
                   if any(n.casefold() == b.casefold() for n in [r["name"], *json.loads(r["names"] or "[]")])}
        if not holders:
            return False, f"no document names {b!r}"
        names_a = {_entity_row(store, i)["name"].casefold() for i in ids_a}
        if a.casefold() in names_a and holders & set(ids_a):
            return False, f"{b!r} is still part of {a!r}"
        return True, "applies"
    if action == "rename":
        now = store.query("SELECT id FROM entities WHERE name = ?", (b,))
        if now:
            return True, "applies"
        if not ids_a:
            return False, f"no entity named {a!r}"
        return False, "a later decision named it " + ", ".join(repr(_entity_row(store, i)["name"]) for i in ids_a)
    typ, _, sub = b.partition("/")
    rows = [_entity_row(store, i) for i in ids_a]
    if any(r["type"] == typ and (not sub or r["subtype"] == sub) for r in rows):
        return True, "applies"
    return False, "now " + ", ".join(r["type"] + (f"/{r['subtype']}" if r["subtype"] else "") for r in rows)


def corrections(store: Store) -> list[dict[str, Any]]:
    """The stored corrections in the order they were made, each with whether it still applies."""
    from newsgraph.entities.corrections import ACTIONS

    out = []
    for r in store.override_rows(ACTIONS):
        applies, status = _status(store, r["action"], r["a"], r["b"])
        out.append({"id": r["id"], "action": r["action"], "a": r["a"], "b": r["b"], "created_at": r["created_at"],
                    "applies": applies, "status": status})
    return out


def export_corrections(store: Store) -> str:
    """The corrections file: a header comment, then one ``action<TAB>a<TAB>b`` line per decision."""
    from newsgraph.entities.corrections import ACTIONS, FILE_HEADER, format_line

    return FILE_HEADER + "".join(format_line(r["action"], r["a"], r["b"]) + "\n" for r in store.override_rows(ACTIONS))


def import_corrections(store: Store, text: str, source: str = "-") -> dict[str, Any]:
    """Add the decisions of a corrections file that the store does not hold yet (importing twice adds
    nothing), in file order, then re-run resolution. Bad lines are reported as ``source:line: reason``
    and skipped; the good ones are imported."""
    from newsgraph.entities.corrections import parse_file

    good, bad = parse_file(text)
    imported = skipped = 0
    with store.batch():
        seen: set[tuple[str, str, str]] = set()
        for _, d in good:
            if d in seen or store.has_override(*d):
                skipped += 1
                continue
            seen.add(d)
            store.add_override(*d)
            imported += 1
    if imported:
        _rerun_resolution(store)
    return {"imported": imported, "already_stored": skipped,
            "problems": [{"where": f"{source}:{n}", "reason": reason} for n, reason in bad]}


# -- the workbench (newsgraph.web): search, filtered pages, graph, map, source view -------------------
# Filters the web API offers on top of the listings above. Each returns plain JSON-ready data; the
# API is a thin layer over them.

def place_coordinates(meta: dict[str, Any]) -> tuple[float, float] | None:
    """A place's coordinates from its meta: the gazetteer link, else a position stated relative to
    another place, else (a country) its capital."""
    for key in ("gazetteer", "approximate_position", "country"):
        src = meta.get(key)
        if isinstance(src, dict):
            lat, lon = src.get("latitude"), src.get("longitude")
            if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
                return float(lat), float(lon)
    return None


def _coordinates(store: Store, ids=None) -> dict[str, tuple[float, float]]:
    """Every located place, or those of ``ids``: entity id -> (latitude, longitude)."""
    out = {}
    sql = "SELECT id, meta FROM entities WHERE type = 'LOC' AND meta LIKE '%latitude%'"
    for r in store.query(sql) if ids is None else _by_ids(store, sql + " AND id IN", ids):
        point = place_coordinates(json.loads(r["meta"] or "{}"))
        if point:
            out[r["id"]] = point
    return out


@dataclass(frozen=True)
class BBox:
    """A bounding box in degrees: west, south, east, north (a west greater than east crosses 180°)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        try:
            w, s, e, n = (float(x) for x in text.split(","))
        except ValueError:
            raise ValueError(f"bbox {text!r}: four numbers west,south,east,north expected") from None
        if not (-90 <= s <= n <= 90 and -180 <= w <= 180 and -180 <= e <= 180):
            raise ValueError(f"bbox {text!r}: latitudes within -90..90 with south <= north, longitudes within -180..180")
        return cls(w, s, e, n)

    def contains(self, point: tuple[float, float] | None) -> bool:
        if point is None:
            return False
        lat, lon = point
        inside_lon = self.west <= lon <= self.east if self.west <= self.east else (lon >= self.west or lon <= self.east)
        return self.south <= lat <= self.north and inside_lon


def _check_date(value: str | None, what: str) -> str | None:
    """A date filter as stored dates are written (YYYY, YYYY-MM or YYYY-MM-DD)."""
    import re

    if value is None or value == "":
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"{what} {value!r}: a date as YYYY, YYYY-MM or YYYY-MM-DD expected")
    return value


def _in_range(first: str | None, last: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether a date span [first, last] (possibly partial dates) meets [date_from, date_to]; an undated
    item is outside any range."""
    if date_from is None and date_to is None:
        return True
    if first is None:
        return False
    last = last or first
    if date_from and last[: len(date_from)] < date_from[: len(last)]:
        return False
    if date_to and first[: len(date_to)] > date_to[: len(first)]:
        return False
    return True


def search_entities(store: Store, q: str, type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or any alias contains ``q`` (case-insensitive), exact and prefix matches
    first, then the most widely reported; if nothing contains it, those whose names match it under
    transliteration-aware comparison ("Tarmi" finds "al-Tarmi")."""
    from newsgraph.names.normalize import name_key

    q = " ".join(q.split())
    if not q:
        raise ValueError("an empty search")
    where, params = "", []
    if type:
        where = " AND e.type = ?"
        params.append(type.upper())
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = store.query(
        "SELECT e.id, e.name, e.type, e.subtype, e.documents, e.stories, a.alias FROM entities e "
        "LEFT JOIN aliases a ON a.entity_id = e.id "
        "WHERE (e.name LIKE ? ESCAPE '\\' OR a.alias LIKE ? ESCAPE '\\')" + where,
        (like, like, *params),
    )
    if not rows:
        key = name_key(q)
        if key:
            rows = [r for r in store.query(
                "SELECT e.id, e.name, e.type, e.subtype, e.documents, e.stories, a.alias FROM entities e "
                "JOIN aliases a ON a.entity_id = e.id WHERE 1" + where, tuple(params))
                if name_key(r["alias"]) == key]
    found: dict[str, dict[str, Any]] = {}
    fold = q.casefold()
    for r in rows:
        names = [r["name"]] + ([r["alias"]] if r["alias"] else [])
        rank = min(0 if n.casefold() == fold else 1 if n.casefold().startswith(fold) else 2 for n in names)
        hit = found.setdefault(r["id"], {"id": r["id"], "name": r["name"], "type": r["type"], "subtype": r["subtype"],
                                         "documents": r["documents"], "stories": r["stories"], "matched": [], "_rank": rank})
        hit["_rank"] = min(hit["_rank"], rank)
        if r["alias"] and r["alias"] != r["name"] and fold in r["alias"].casefold():
            hit["matched"].append(r["alias"])
    ordered = sorted(found.values(), key=lambda h: (h["_rank"], -h["stories"], -h["documents"], h["name"]))
    for h in ordered:
        del h["_rank"]
    return ordered[:limit]


def entity_page(store: Store, ref: str) -> dict[str, Any]:
    """Everything the entity page shows: ``entity`` plus its events, documents, place and the user's
    corrections that name it."""
    e = entity(store, ref)
    eid = e["id"]
    e["events"] = events_page(store, actor=eid, limit=300, evidence=False)["items"]  # reports: /api/events/{id}
    e["documents_list"] = [dict(r) for r in store.query(
        "SELECT d.id, d.source, d.title, d.publisher, d.published, d.story_id AS story, COUNT(*) AS mentions "
        f"FROM mentions m JOIN documents d {DOCUMENT_CARD} ON d.id = m.doc_id WHERE m.entity_id = ? AND m.origin != 'ner' "
        "GROUP BY d.id ORDER BY d.published IS NULL, d.published, d.source", (eid,))]
    point = place_coordinates(e["meta"])
    e["coordinates"] = list(point) if point else None
    e["gazetteer"] = e["meta"].get("gazetteer")
    e["gazetteer_candidates"] = e["meta"].get("gazetteer_candidates", [])
    e["gazetteer_why"] = e["meta"].get("gazetteer_why")
    names = {e["name"].casefold(), *(a["alias"].casefold() for a in e["aliases"])}
    e["corrections"] = [c for c in corrections(store) if c["a"].casefold() in names or c["b"].casefold() in names]
    return e


def _relation_dates(store: Store, ids: list[str] | None = None) -> dict[str, tuple[str | None, str | None]]:
    """Each relation's first and last report (or those of ``ids``): the publication dates of the
    documents of its evidence."""
    sql = ("SELECT v.owner_id, MIN(d.published) AS first, MAX(d.published) AS last FROM evidence v "
           f"JOIN documents d {DOCUMENT_CARD} ON d.id = v.doc_id WHERE v.owner = 'relation'")
    if ids is None:
        rows = store.query(sql + " GROUP BY v.owner_id")
    else:
        rows = _by_ids(store, sql + " AND v.owner_id IN", ids, tail=" GROUP BY v.owner_id")
    return {r["owner_id"]: (r["first"], r["last"]) for r in rows}


def _check_page(limit: int, offset: int) -> None:
    if limit < 1 or offset < 0:
        raise ValueError("limit must be at least 1 and offset at least 0")


def _page(items: list[Any], limit: int, offset: int) -> tuple[list[Any], dict[str, int]]:
    _check_page(limit, offset)
    return items[offset:offset + limit], {"total": len(items), "limit": limit, "offset": offset}


def relations_page(store: Store, predicate: str | None = None, actor: str | None = None, place: str | None = None,
                   date_from: str | None = None, date_to: str | None = None, bbox: BBox | None = None,
                   min_stories: int = 0, limit: int = 100, offset: int = 0, polarity: str | None = None) -> dict[str, Any]:
    """Relations filtered by predicate, an actor at either end, a place at either end, the dates of the
    reports behind them, an end located in a bounding box, and a minimum of independent stories;
    most widely reported first, one page with its evidence."""
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    where, params = ["stories >= ?"], [min_stories]
    if predicate:
        where.append("predicate IN (" + ",".join("?" * len(predicate.split(","))) + ")")
        params += predicate.split(",")
    if polarity:
        where.append("polarity = ?")
        params.append(polarity)
    for ref in (actor, place):
        if ref:
            eid = find_entity(store, ref)
            where.append("(subject = ? OR object = ?)")
            params += [eid, eid]
    rows = store.query("SELECT * FROM relations WHERE " + " AND ".join(where)
                       + " ORDER BY stories DESC, confidence DESC, id", tuple(params))
    dates = _relation_dates(store) if date_from or date_to else {}
    if date_from or date_to:
        rows = [r for r in rows if _in_range(*dates.get(r["id"], (None, None)), date_from, date_to)]
    if bbox:
        points = _coordinates(store, {x for r in rows for x in (r["subject"], r["object"])})
        rows = [r for r in rows if bbox.contains(points.get(r["subject"])) or bbox.contains(points.get(r["object"]))]
    page, meta = _page(rows, limit, offset)
    if not dates:
        dates = _relation_dates(store, [r["id"] for r in page])
    names = _names(store, [x for r in page for x in (r["subject"], r["object"])])
    ev = _evidence_rows(store, "relation", [r["id"] for r in page])
    items = [
        {"id": r["id"], "subject": r["subject"], "subject_name": names.get(r["subject"]), "predicate": r["predicate"],
         "object": r["object"], "object_name": names.get(r["object"]), "polarity": r["polarity"],
         "confidence": r["confidence"], "documents": r["documents"], "stories": r["stories"],
         "first_reported": dates.get(r["id"], (None, None))[0], "last_reported": dates.get(r["id"], (None, None))[1],
         "evidence": ev.get(r["id"], [])}
        for r in page
    ]
    return {**meta, "items": items}


def events_page(store: Store, type: str | None = None, actor: str | None = None, place: str | None = None,
                date_from: str | None = None, date_to: str | None = None, bbox: BBox | None = None,
                min_stories: int = 0, limit: int = 100, offset: int = 0, evidence: bool = True) -> dict[str, Any]:
    """Events filtered by PLOVER or ACLED type, an actor taking part (or the place it happened at), the
    place, the event's date, its place located in a bounding box and a minimum of independent stories;
    in date order (undated last), one page, each event with its actors, coordinates and reports."""
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    where, params = ["stories >= ?"], [min_stories]
    if type:
        types = type.split(",")
        marks = ",".join("?" * len(types))
        where.append(f"(type IN ({marks}) OR acled_type IN ({marks}))")
        params += types + types
    if actor:
        eid = find_entity(store, actor)
        where.append("(location = ? OR id IN (SELECT event_id FROM event_actors WHERE entity_id = ?))")
        params += [eid, eid]
    if place:
        where.append("location = ?")
        params.append(find_entity(store, place))
    if date_from or date_to:  # _in_range of the event's date, in SQL
        where.append("date IS NOT NULL")
        for bound, op in ((date_from, ">="), (date_to, "<=")):
            if bound:
                where.append(f"substr(date, 1, ?) {op} substr(?, 1, length(date))")
                params += [len(bound), bound]
    if bbox:  # the located places of events inside the box, as a JSON array: one parameter however many
        located = _coordinates(store, (r[0] for r in store.query("SELECT DISTINCT location FROM events")))
        where.append("location IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(p for p, point in located.items() if bbox.contains(point))))
    # every filter is SQL: the page is read alone, in the order of the events_timeline index
    _check_page(limit, offset)
    sql = " FROM events WHERE " + " AND ".join(where)
    total = store.query("SELECT COUNT(*)" + sql, tuple(params))[0][0]
    page = store.query("SELECT *" + sql + " ORDER BY date IS NULL, date, id LIMIT ? OFFSET ?", (*params, limit, offset))
    points = _coordinates(store, {r["location"] for r in page})
    return {"total": total, "limit": limit, "offset": offset, "items": _event_items(store, page, points, evidence)}


def event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its actors, coordinates, evidence and the reports behind it."""
    rows = store.query("SELECT * FROM events WHERE id = ?", (event_id,))
    if not rows:
        raise NotFound(f"no event {event_id!r}")
    return _event_items(store, rows, _coordinates(store, [rows[0]["location"]]), evidence=True)[0]


def _event_items(store: Store, page: list[Any], points: dict[str, tuple[float, float]],
                 evidence: bool) -> list[dict[str, Any]]:
    ids = [r["id"] for r in page]
    actor_rows = _by_ids(store, "SELECT rowid, event_id, entity_id, role FROM event_actors WHERE event_id IN", ids)
    actor_rows.sort(key=lambda a: a["rowid"])
    names = _names(store, [a["entity_id"] for a in actor_rows] + [r["location"] for r in page])
    actors: dict[str, list[dict[str, Any]]] = {}
    for a in actor_rows:
        actors.setdefault(a["event_id"], []).append({"entity": a["entity_id"], "name": names.get(a["entity_id"]),
                                                     "role": a["role"]})
    ev = _evidence_rows(store, "event", ids) if evidence else {}
    reports: dict[str, list[dict[str, Any]]] = {}
    if evidence:
        docs = {d for spans in ev.values() for d in (s["doc"] for s in spans)}
        info = {r["id"]: dict(r) for r in _documents_by_id(store, docs)}
        for eid_, spans in ev.items():
            for doc in dict.fromkeys(s["doc"] for s in spans):
                reports.setdefault(eid_, []).append(info[doc])
    items = []
    for r in page:
        point = points.get(r["location"])
        items.append(
            {"id": r["id"], "type": r["type"], "acled_type": r["acled_type"], "mode": r["mode"], "date": r["date"],
             "date_precision": r["date_precision"], "date_method": r["date_method"], "location": r["location"],
             "location_name": names.get(r["location"]), "coordinates": list(point) if point else None,
             "actors": actors.get(r["id"], []), "quantities": _json_list(r["quantities"]),
             "polarity": r["polarity"], "confidence": r["confidence"], "documents": r["documents"],
             "stories": r["stories"], "evidence": ev.get(r["id"], []), "reports": reports.get(r["id"], [])})
    return items


def _json_list(text: str | None) -> list[Any]:
    # most events have no quantities: parsing "[]" thousands of times is a large part of the timeline
    return [] if not text or text == "[]" else json.loads(text)


def _documents_by_id(store: Store, ids) -> list[Any]:
    return _by_ids(store, f"SELECT id, source, title, publisher, published, story_id AS story FROM documents {DOCUMENT_CARD} "
                          "WHERE id IN", ids)


def graph(store: Store, predicate: str | None = None, types: str | None = None, date_from: str | None = None,
          date_to: str | None = None, min_stories: int = 0, max_nodes: int = 2000) -> dict[str, Any]:
    """The network of actors and their relations: nodes are entities (sized by independent stories,
    typed), edges are relations with at least ``min_stories`` stories, of the given predicates,
    reported within the dates, between entities of the given types (PERSON,ORG,LOC)."""
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    where, params = ["stories >= ?"], [min_stories]
    if predicate:
        where.append("predicate IN (" + ",".join("?" * len(predicate.split(","))) + ")")
        params += predicate.split(",")
    rows = store.query("SELECT id, subject, predicate, object, polarity, confidence, stories, documents FROM relations "
                       "WHERE " + " AND ".join(where) + " ORDER BY stories DESC, id", tuple(params))
    dates = _relation_dates(store)
    if date_from or date_to:
        rows = [r for r in rows if _in_range(*dates.get(r["id"], (None, None)), date_from, date_to)]
    ents = {r["id"]: r for r in _by_ids(store, "SELECT id, name, type, subtype, documents, stories FROM entities "
                                        "WHERE id IN", (x for r in rows for x in (r["subject"], r["object"])))}
    wanted = {t.strip().upper() for t in types.split(",")} if types else None
    edges, nodes = [], {}
    for r in rows:
        s, o = ents.get(r["subject"]), ents.get(r["object"])
        if s is None or o is None or (wanted and (s["type"] not in wanted or o["type"] not in wanted)):
            continue
        if len(nodes) >= max_nodes and (s["id"] not in nodes or o["id"] not in nodes):
            continue
        for e in (s, o):
            nodes.setdefault(e["id"], {"id": e["id"], "name": e["name"], "type": e["type"], "subtype": e["subtype"],
                                       "documents": e["documents"], "stories": e["stories"]})
        first, last = dates.get(r["id"], (None, None))
        edges.append({"id": r["id"], "source": r["subject"], "target": r["object"], "predicate": r["predicate"],
                      "polarity": r["polarity"], "confidence": r["confidence"], "stories": r["stories"],
                      "documents": r["documents"], "first_reported": first, "last_reported": last})
    return {"nodes": list(nodes.values()), "edges": edges,
            "predicates": [r["predicate"] for r in store.query("SELECT DISTINCT predicate FROM relations ORDER BY predicate")]}


def places(store: Store) -> list[dict[str, Any]]:
    """Located places with how many events happened there, for the map."""
    points = _coordinates(store)
    counts = {r["location"]: r["n"] for r in store.query(
        "SELECT location, COUNT(*) AS n FROM events WHERE location IS NOT NULL GROUP BY location")}
    rows = store.query("SELECT id, name, subtype, documents, stories FROM entities WHERE type = 'LOC'")
    return [{"id": r["id"], "name": r["name"], "subtype": r["subtype"], "documents": r["documents"],
             "stories": r["stories"], "events": counts.get(r["id"], 0), "coordinates": list(points[r["id"]])}
            for r in rows if r["id"] in points]


def facets(store: Store) -> dict[str, Any]:
    """What the filters can choose from: predicates, event types, entity types, the date span."""
    span = store.query("SELECT MIN(date) AS lo, MAX(date) AS hi FROM events WHERE date IS NOT NULL")[0]
    pub = store.query("SELECT MIN(published) AS lo, MAX(published) AS hi FROM documents WHERE published IS NOT NULL")[0]
    return {
        "predicates": [r[0] for r in store.query("SELECT DISTINCT predicate FROM relations ORDER BY 1")],
        "event_types": [r[0] for r in store.query("SELECT DISTINCT type FROM events ORDER BY 1")],
        "acled_types": [r[0] for r in store.query("SELECT DISTINCT acled_type FROM events WHERE acled_type IS NOT NULL ORDER BY 1")],
        "entity_types": [r[0] for r in store.query("SELECT DISTINCT type FROM entities ORDER BY 1")],
        "event_dates": [span["lo"], span["hi"]],
        "published": [pub["lo"], pub["hi"]],
    }


def documents_page(store: Store, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    rows = [r.__dict__ for r in documents(store)]
    page, meta = _page(rows, limit, offset)
    return {**meta, "items": page}


def document_view(store: Store, ref: str) -> dict[str, Any]:
    """A document as the source viewer shows it: the cleaned text; the removed lines with their
    reasons, each placed at the offset of the cleaned text where it stood; the spans of every fact
    found in it (mentions, relation, event and contradiction evidence, quotes), each naming its
    fact; and the other copies of its story."""
    d = document(store, ref)
    doc_id = d["id"]
    segs = store.query("SELECT clean_start, raw_start, length FROM segments WHERE doc_id = ? AND raw_start IS NOT NULL "
                       "ORDER BY raw_start", (doc_id,))
    removed = []
    for r in d["removed"]:
        at = 0
        for s in segs:  # the cleaned offset after the last kept segment that starts before the line
            if s["raw_start"] > r["raw_start"]:
                break
            at = s["clean_start"] + min(s["length"], r["raw_start"] - s["raw_start"])
        removed.append({"at": at, "text": r["text"], "reason": r["reason"], "raw_start": r["raw_start"],
                        "raw_end": r["raw_end"]})
    mentions = store.query("SELECT id, start, end, entity_id, label, origin FROM mentions WHERE doc_id = ? "
                           "AND origin != 'ner' AND entity_id IS NOT NULL ORDER BY start", (doc_id,))
    relation_rows = store.query("SELECT r.id, r.subject, r.predicate, r.object FROM relations r WHERE r.id IN "
                                "(SELECT owner_id FROM evidence WHERE owner = 'relation' AND doc_id = ?)", (doc_id,))
    event_rows = store.query("SELECT id, type, location FROM events WHERE id IN "
                             "(SELECT owner_id FROM evidence WHERE owner = 'event' AND doc_id = ?)", (doc_id,))
    quote_rows = store.query("SELECT id, start, end, speaker, speaker_text, kind FROM quotes WHERE doc_id = ? ORDER BY start",
                             (doc_id,))
    names = _names(store, [m["entity_id"] for m in mentions] + [r["location"] for r in event_rows]
                   + [x for r in relation_rows for x in (r["subject"], r["object"])] + [q["speaker"] for q in quote_rows])
    spans: list[dict[str, Any]] = []
    for m in mentions:
        spans.append({"kind": "mention", "id": str(m["id"]), "start": m["start"], "end": m["end"],
                      "entity": m["entity_id"], "label": names.get(m["entity_id"]), "type": m["label"]})
    labels = {
        "relation": {r["id"]: f"{names.get(r['subject'])} {r['predicate']} {names.get(r['object'])}" for r in relation_rows},
        "event": {r["id"]: r["type"] + (f" at {names[r['location']]}" if r["location"] in names else "")
                  for r in event_rows},
        "contradiction": {r["id"]: r["description"] for r in store.query(
            "SELECT id, description FROM contradictions WHERE id IN "
            "(SELECT owner_id FROM evidence WHERE owner = 'contradiction' AND doc_id = ?)", (doc_id,))},
    }
    # spans starting together in a fixed order whatever index reads them (the sort below is stable)
    for v in store.query("SELECT owner, owner_id, start, end, detail FROM evidence WHERE doc_id = ? "
                         "AND owner IN ('relation', 'event', 'contradiction') "
                         "ORDER BY start, owner, owner_id, end, detail", (doc_id,)):
        detail = json.loads(v["detail"] or "{}")
        spans.append({"kind": v["owner"], "id": v["owner_id"], "start": v["start"], "end": v["end"],
                      "label": labels[v["owner"]].get(v["owner_id"]), "cue": detail.get("cue")})
    for q in quote_rows:
        spans.append({"kind": "quote", "id": str(q["id"]), "start": q["start"], "end": q["end"], "entity": q["speaker"],
                      "label": names.get(q["speaker"]) or q["speaker_text"], "quote_kind": q["kind"]})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    story = store.query("SELECT canonical_doc, size FROM stories WHERE id = ?", (d["story"],))
    canonical = story[0]["canonical_doc"] if story else doc_id
    copies = [{**dict(r), "canonical": r["id"] == canonical} for r in _documents_by_id(store, d["story_siblings"])]
    meta = store.query("SELECT meta FROM documents WHERE id = ?", (doc_id,))[0]["meta"]
    return {key: d[key] for key in ("id", "source", "locator", "format", "encoding", "title", "publisher", "published",
                                    "published_precision", "published_method", "published_evidence", "story",
                                    "words", "text", "flags")} | {
        "canonical": canonical == doc_id, "copies": copies, "removed": removed, "spans": spans,
        "metadata": json.loads(meta or "{}")}


def contradictions_view(store: Store) -> list[dict[str, Any]]:
    """Contradictions with the source, publisher and date of each piece of evidence."""
    rows = contradictions(store)
    docs = {r["id"]: dict(r) for r in _documents_by_id(store, {ev["doc"] for c in rows for ev in c["evidence"]})}
    for c in rows:
        for ev in c["evidence"]:
            info = docs.get(ev["doc"], {})
            ev.update({"source": info.get("source"), "publisher": info.get("publisher"), "published": info.get("published")})
    return rows
