"""FollowTheMoney entities (Aleph, OpenAleph, yente, the ``ftm`` tools), one JSON object a line.

- every document is an ``Article`` (title, cleaned body text, publication date, publisher, URL);
- actors are ``Person`` and ``Organization`` (subtype as ``classification``), places ``Address``
  entities with coordinates and country, so events and ``based_in`` links can point at them;
- relations map as newsgraph's relation ontology says (``extract/RELATIONS.md``): ``member_of`` and
  ``part_of`` are ``Membership``, ``leads`` a ``Membership`` with role "leader", ``spokesperson_for``
  and ``advisor_to`` ``Representation``, ``family`` ``Family``, the rest (and any pair a schema's
  ranges do not admit) ``UnknownLink`` with the predicate as role. A denied relation is left out
  (FollowTheMoney states links, not their absence); a hedged one says so in ``status``;
- events are ``Event`` entities: ``organizer`` the actors, ``involved`` the targets, ``location`` and
  ``addressEntity`` the place, ``date`` the event's date;
- each (entity, document) pair is a ``Mention`` with the names the document uses, ``resolved`` to
  the actor (a place's Mention names it and its schema only: ``resolved`` admits legal entities);
- every entity, link and event has ``proof`` links to the Articles its evidence comes from, and the
  evidence sentence as ``summary``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from newsgraph.export.snapshot import Snapshot

# predicate -> (schema, subject property, object property, role)
LINKS: dict[str, tuple[str, str, str, str | None]] = {
    "member_of": ("Membership", "member", "organization", "member"),
    "part_of": ("Membership", "member", "organization", "part of"),
    "leads": ("Membership", "member", "organization", "leader"),
    "spokesperson_for": ("Representation", "agent", "client", "spokesperson"),
    "advisor_to": ("Representation", "agent", "client", "advisor"),
    "family": ("Family", "person", "relative", None),
}
_ACTOR_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "LOC": "Address"}


def doc_id(doc: str) -> str:
    return f"ng-doc-{doc}"


def entity_id(entity: str) -> str:
    return f"ng-ent-{entity}"


def _make(schema: str, id_: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = id_
    return proxy


def _fits(schema: str, prop: str, entity_schema: str) -> bool:
    """Whether an entity of ``entity_schema`` may fill ``prop`` of ``schema`` (the property's range)."""
    rng = model.get(schema).get(prop).range
    return rng is not None and model.get(entity_schema).is_a(rng)


def _proof(proxy: EntityProxy, snap: Snapshot, fact: dict[str, Any]) -> None:
    for d in snap.evidence_documents(fact):
        proxy.add("proof", doc_id(d))
    ev = fact.get("evidence") or []
    if ev and ev[0].get("text"):
        proxy.add("summary", " ".join(ev[0]["text"].split()))


def entities(snap: Snapshot) -> list[EntityProxy]:
    out: list[EntityProxy] = []
    for d in snap.documents:
        a = _make("Article", doc_id(d["id"]))
        a.add("title", d["title"])
        a.add("bodyText", d["text"])
        a.add("publishedAt", d["published"])
        a.add("publisher", d["publisher"])
        a.add("sourceUrl", d["url"])
        a.add("fileName", d["source"].rsplit("/", 1)[-1] if not d["url"] else None)
        out.append(a)

    schema_of: dict[str, str] = {}
    for e in snap.entities:
        schema = _ACTOR_SCHEMA.get(e["type"], "LegalEntity")
        schema_of[e["id"]] = schema
        p = _make(schema, entity_id(e["id"]))
        if schema == "Address":
            p.add("full", e["name"])
            place = snap.places.get(e["id"])
            if place:
                p.add("latitude", None if place.latitude is None else str(place.latitude))
                p.add("longitude", None if place.longitude is None else str(place.longitude))
                p.add("country", place.country_alpha2)
                p.add("region", place.admin1)
        p.add("name", e["name"])
        p.add("alias", [a for a in e["aliases"] if a != e["name"]])
        if schema != "Address":
            p.add("classification", e["subtype"])
        for d in snap.entity_documents.get(e["id"], []):
            p.add("proof", doc_id(d))
        out.append(p)

    # one Mention per entity and document, with the names the document uses for it
    names: dict[tuple[str, str], list[str]] = {}
    for m in snap.mentions:
        if m["entity_id"] in schema_of:
            names.setdefault((m["entity_id"], m["doc_id"]), []).append(m["text"])
    for (eid, d), texts in names.items():
        m = _make("Mention", f"ng-mention-{eid}-{d}")
        m.add("document", doc_id(d))
        m.add("name", list(dict.fromkeys(" ".join(t.split()) for t in texts)))
        m.add("detectedSchema", schema_of[eid])
        if _fits("Mention", "resolved", schema_of[eid]):
            m.add("resolved", entity_id(eid))
        out.append(m)

    for r in snap.relations:
        if r["polarity"] == "negated" or r["subject"] not in schema_of or r["object"] not in schema_of:
            continue
        schema, subj, obj, role = LINKS.get(r["predicate"], ("UnknownLink", "subject", "object", None))
        if not (_fits(schema, subj, schema_of[r["subject"]]) and _fits(schema, obj, schema_of[r["object"]])):
            schema, subj, obj, role = "UnknownLink", "subject", "object", None
        link = _make(schema, f"ng-rel-{r['id']}")
        link.add(subj, entity_id(r["subject"]))
        link.add(obj, entity_id(r["object"]))
        if schema == "Family":
            link.add("relationship", r["predicate"])
        else:
            link.add("role", role or r["predicate"].replace("_", " "))
        if r["polarity"] != "asserted":
            link.add("status", r["polarity"])
        link.add("description", f"{r['stories']} independent stories, confidence {r['confidence']}")
        _proof(link, snap, r)
        out.append(link)

    for e in snap.events:
        ev = _make("Event", f"ng-event-{e['id']}")
        what = e.get("sub_event_type") or e.get("acled_type") or e["type"]
        where = e.get("location_name")
        ev.add("name", " — ".join(x for x in (what, where, e.get("date")) if x))
        ev.add("date", e.get("date"))
        ev.add("keywords", [x for x in (e["type"], e.get("mode"), e.get("acled_type"), e.get("sub_event_type")) if x])
        if where:
            ev.add("location", where)
        place_id = e.get("location")
        if place_id in schema_of and schema_of[place_id] == "Address":
            ev.add("addressEntity", entity_id(place_id))
            place = snap.places.get(place_id)
            ev.add("country", place.country_alpha2 if place else None)
        for a in e.get("actors", []):
            prop = "organizer" if a["role"] == "actor" else "involved"
            if a["entity"] in schema_of and _fits("Event", prop, schema_of[a["entity"]]):
                ev.add(prop, entity_id(a["entity"]))
            elif a["name"]:  # a country as an actor: named, not linked (no FollowTheMoney schema acts)
                ev.add("namesMentioned", a["name"])
        if e["polarity"] != "asserted":
            ev.add("description", f"{e['polarity']}; {e['stories']} independent stories")
        else:
            ev.add("description", f"{e['stories']} independent stories")
        _proof(ev, snap, e)
        out.append(ev)
    return out


def write(snap: Snapshot, out: Path) -> list[Path]:
    """Line-delimited FollowTheMoney JSON (``ftm validate -i FILE``, ``ftm aggregate``, Aleph's loaders)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for proxy in entities(snap):
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return [out]
