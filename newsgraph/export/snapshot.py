"""The store read once, through ``newsgraph.query``, into plain rows every exporter shares.

Exporters differ in shape (FollowTheMoney entities, a graph, ACLED rows, flat tables) but read the
same facts; reading them here once keeps each exporter a pure function of a :class:`Snapshot` and
keeps the place, date and provenance rules the same in every format.
"""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pycountry

from newsgraph import query
from newsgraph.store import Store


@dataclass(frozen=True)
class Place:
    """Where a place entity is: its coordinates (gazetteer, a stated offset from another place, or a
    country's reference point) and the country and first-level region it lies in, when known."""

    latitude: float | None = None
    longitude: float | None = None
    approximate: bool = False
    country_alpha2: str | None = None
    admin1: str | None = None
    gazetteer_kind: str | None = None  # city | admin1 | ... as the gazetteer has it; "country"

    @property
    def country(self) -> pycountry.db.Country | None:
        if not self.country_alpha2:
            return None
        return pycountry.countries.get(alpha_2=self.country_alpha2)


def place_of(entity: dict[str, Any]) -> Place | None:
    """A place entity's :class:`Place` from its stored meta; None for actors."""
    if entity["type"] != "LOC":
        return None
    meta = entity.get("meta") or {}
    gaz, approx, country = meta.get("gazetteer") or {}, meta.get("approximate_position") or {}, meta.get("country") or {}
    lat, lon = query.place_coordinates(meta) or (None, None)
    alpha2 = country.get("alpha2") or gaz.get("country_code")
    kind = "country" if country else gaz.get("kind")
    admin1 = gaz.get("admin1") if not country else None
    return Place(lat, lon, bool(approx) and not gaz, alpha2, admin1, kind)


def date_bounds(date: str | None) -> tuple[str, str] | None:
    """The first and last day a date of day, month or year precision covers: ``2024-03`` is
    (2024-03-01, 2024-03-31). None for no date or one in no ISO form."""
    if not date:
        return None
    parts = date.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(nums) == 3:
        return date, date
    if len(nums) == 2:
        y, m = nums
        return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    if len(nums) == 1:
        return f"{nums[0]:04d}-01-01", f"{nums[0]:04d}-12-31"
    return None


def span(dates: list[str | None]) -> tuple[str, str] | None:
    """The first and last day the given (possibly partial) dates cover."""
    bounds = [b for b in map(date_bounds, dates) if b]
    if not bounds:
        return None
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


@dataclass
class Snapshot:
    documents: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    aliases: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    exported_at: str | None = None  # the last ingest: the store's state, not the clock's
    places: dict[str, Place] = field(default_factory=dict)
    entity_documents: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def documents_by_id(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: d for d in self.documents}

    @cached_property
    def entities_by_id(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.entities}

    def reported(self, docs: list[str]) -> tuple[str, str] | None:
        """The first and last day of publication of the given documents."""
        by_id = self.documents_by_id
        return span([by_id[d]["published"] for d in docs if d in by_id])

    def evidence_documents(self, fact: dict[str, Any]) -> list[str]:
        return list(dict.fromkeys(ev["doc"] for ev in fact.get("evidence", []) if ev.get("doc")))


def _url(source: str, meta: dict[str, Any]) -> str | None:
    url = meta.get("url") or source
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def read(store: Store) -> Snapshot:
    """Everything the exporters write, from the store."""
    docs = []
    rows = {r.id: r for r in query.documents(store)}
    for r in store.query("SELECT id, text, published_precision, meta, ingested_at FROM documents ORDER BY source, locator, id"):
        d = rows[r["id"]]
        meta = json.loads(r["meta"] or "{}")
        docs.append({
            "id": d.id, "source": d.source, "locator": d.locator, "url": _url(d.source, meta), "title": d.title,
            "publisher": d.publisher, "published": d.published, "published_precision": r["published_precision"],
            "published_method": d.published_method, "story": d.story, "story_size": d.story_size,
            "canonical": d.canonical, "words": d.words, "text": r["text"],
        })
    last_ingest = store.query("SELECT MAX(ingested_at) AS t FROM documents")[0]["t"]

    entities = query.entities(store)
    aliases = [dict(a) for a in store.query(
        "SELECT entity_id, alias, kind, count FROM aliases ORDER BY entity_id, count DESC, alias")]
    mentions = [dict(m) for m in store.query(
        "SELECT id, doc_id, start, end, text, label AS type, origin, entity_id FROM mentions "
        "WHERE origin != 'ner' ORDER BY doc_id, start")]
    entity_documents: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        if m["entity_id"] and (not entity_documents[m["entity_id"]] or entity_documents[m["entity_id"]][-1] != m["doc_id"]):
            entity_documents[m["entity_id"]].append(m["doc_id"])

    # the event row as stored, for fields the listing does not carry yet (ACLED's coding)
    stored = {r["id"]: dict(r) for r in store.query("SELECT * FROM events")}
    events = []
    for e in query.events(store):
        extra = {k: v for k, v in stored.get(e["id"], {}).items() if k not in e}
        for k, v in extra.items():
            if isinstance(v, str) and v[:1] in "[{":
                try:
                    extra[k] = json.loads(v)
                except ValueError:
                    pass
        events.append({**e, **extra})

    contradictions = []
    for i, c in enumerate(query.contradictions(store)):
        # in-document flags have no stored id: number them after the stored ones
        contradictions.append({"id": c.get("id") or f"F{i}", "subject": None, **{k: v for k, v in c.items() if k != "id"}})

    places = {e["id"]: p for e in entities if (p := place_of(e)) is not None}
    return Snapshot(
        documents=docs, entities=entities, aliases=aliases, mentions=mentions,
        relations=query.relations(store), events=events, quotes=query.quotes(store),
        contradictions=contradictions, exported_at=last_ingest, places=places,
        entity_documents=dict(entity_documents),
    )
