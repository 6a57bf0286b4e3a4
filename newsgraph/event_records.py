"""Event records an analyst loads next to ACLED: one flat row per event, ACLED's columns first.

:func:`records` turns the rows of :func:`newsgraph.query.events` into records with

- ``event_id``, ``event_date``, ``date_precision`` and ACLED's ``time_precision`` (1 day, 2 within a
  week, 3 month or coarser). An event no report dates falls back to its earliest report's date
  window (the week up to the publication date): ``date_source`` "report", ``date_window`` [from, to];
  a date read from the text has ``date_source`` "text".
- ``plover_type``/``plover_mode``, ``event_type``/``sub_event_type`` (ACLED, or a non-conflict
  sub-type with no event type).
- ``actor1``/``assoc_actor_1``/``inter1``, ``actor2``/``assoc_actor_2``/``inter2`` and
  ``interaction`` (the two codes, lower first, as ACLED writes it: 12, 17...). Named actors come
  first; an unnamed one is described ("gunmen"); a protest's side is "Protesters" (6) or "Rioters"
  (5) and violence against civilians has "Civilians" (7) as actor 2, as ACLED codes them.
- ``location``, ``country``, ``admin1``, ``latitude``/``longitude``, ``geo_precision`` (1-3).
- ``fatalities`` (ACLED's conservative reading, see :mod:`newsgraph.extract.acled`).
- ``source`` (the publishers), ``source_scale`` where a document's metadata states one, ``documents``,
  ``stories``, and ``notes``: the evidence sentence.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from newsgraph.extract import acled
from newsgraph.store import Store

__all__ = ["records", "RECORD_FIELDS", "REPORT_WINDOW_DAYS"]

REPORT_WINDOW_DAYS = 7  # an undated event in a report: the week up to its publication

RECORD_FIELDS = (
    "event_id", "event_date", "date_precision", "time_precision", "date_source", "date_window",
    "plover_type", "plover_mode", "event_type", "sub_event_type", "polarity",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "location", "country", "admin1", "latitude", "longitude", "geo_precision",
    "fatalities", "source", "source_scale", "documents", "stories", "confidence", "notes",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _chunks(ids: list[str], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _by_id(store: Store, sql: str, ids: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chunk in _chunks(list(dict.fromkeys(i for i in ids if i))):
        for r in store.query(sql.format(",".join("?" * len(chunk))), tuple(chunk)):
            out[r["id"]] = r
    return out


def _meta(row) -> dict:
    try:
        return json.loads(row["meta"] or "{}")
    except (ValueError, TypeError):
        return {}


def _country_code(ent, meta: dict) -> str | None:
    if ent is None:
        return None
    if meta.get("country"):
        return meta["country"].get("alpha2")
    gaz = meta.get("gazetteer") or {}
    if gaz.get("country_code"):
        return gaz["country_code"]
    cameo = meta.get("cameo") or {}
    return cameo.get("country")


def _place(ent, meta: dict) -> dict[str, Any]:
    if ent is None:
        return {"location": None, "country": None, "admin1": None, "latitude": None, "longitude": None,
                "geo_precision": None}
    gaz = meta.get("gazetteer") or {}
    ctry = meta.get("country") or {}
    approx = meta.get("approximate_position") or {}
    lat = approx.get("latitude", gaz.get("latitude", ctry.get("latitude")))
    lon = approx.get("longitude", gaz.get("longitude", ctry.get("longitude")))
    country_name = ctry.get("name")
    if country_name is None and gaz.get("country_code"):
        from newsgraph.kb.countries import country as _country
        c = _country(gaz["country_code"])
        country_name = c.name if c else gaz["country_code"]
    return {"location": ent["name"], "country": country_name, "admin1": gaz.get("admin1"),
            "latitude": lat, "longitude": lon, "geo_precision": acled.geo_precision(ent["subtype"], meta)}


def _window(published: str | None) -> tuple[str, str] | None:
    if not published or len(published) < 10:
        return None
    try:
        hi = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (hi - timedelta(days=REPORT_WINDOW_DAYS - 1)).isoformat(), hi.isoformat()


def records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACLED-style records for ``rows`` of :func:`newsgraph.query.events`, in the same order."""
    ids = [r["id"] for r in rows]
    coded = _by_id(store, "SELECT id, sub_event_type, fatalities, actor_terms FROM events WHERE id IN ({})", ids)
    ent_ids = [a["entity"] for r in rows for a in r["actors"]] + [r["location"] for r in rows if r["location"]]
    ents = _by_id(store, "SELECT id, name, type, subtype, meta FROM entities WHERE id IN ({})", ent_ids)
    metas = {k: _meta(v) for k, v in ents.items()}
    doc_ids = [ev["doc"] for r in rows for ev in r["evidence"]]
    docs = _by_id(store, "SELECT id, publisher, published, meta FROM documents WHERE id IN ({})", doc_ids)
    out = []
    for r in rows:
        c = coded.get(r["id"])
        sub = c["sub_event_type"] if c is not None else None
        terms = json.loads(c["actor_terms"] or "[]") if c is not None else []
        loc = ents.get(r["location"]) if r["location"] else None
        place = _place(loc, metas.get(r["location"], {}))
        place_country = _country_code(loc, metas.get(r["location"], {}))
        sides: dict[str, list[tuple[str, int | None]]] = {"actor": [], "target": []}
        for a in r["actors"]:
            ent = ents.get(a["entity"])
            if ent is None:
                continue
            meta = metas.get(a["entity"], {})
            roles = (meta.get("cameo") or {}).get("roles") or []
            inter = acled.inter_of_entity(ent["type"], ent["subtype"], ent["name"], roles,
                                          _country_code(ent, meta), place_country)
            sides[a["role"]].append((ent["name"], inter))
        for t in terms:
            if not any(name for name, _ in sides[t["role"]]):
                sides[t["role"]].append((t["text"], t["inter"]))
        if r["type"] == "PROTEST" and not sides["actor"]:
            sides["actor"].append(("Rioters", 5) if acled.SUB_EVENT_TYPES.get(sub or "") == "Riots" else ("Protesters", 6))
        if acled.SUB_EVENT_TYPES.get(sub or "") == "Violence against civilians" and not sides["target"]:
            sides["target"].append(("Civilians", 7))
        a1, a2 = sides["actor"], sides["target"]
        inter1 = next((i for _, i in a1 if i is not None), None)
        inter2 = next((i for _, i in a2 if i is not None), None)
        # ACLED writes the two codes lower first, a lone actor with 0: 12 (state forces v rebels), 60
        codes = sorted(i for i in (inter1, inter2) if i is not None)
        interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else codes[0] * 10 if codes else None
        evidence = r["evidence"]
        publishers = list(dict.fromkeys(docs[e["doc"]]["publisher"] for e in evidence
                                        if e["doc"] in docs and docs[e["doc"]]["publisher"]))
        scales = list(dict.fromkeys(_meta(docs[e["doc"]]).get("source_scale") for e in evidence if e["doc"] in docs))
        if r["date"]:
            event_date, precision, date_source, window = r["date"], r["date_precision"], "text", None
        else:
            reported = sorted(docs[e["doc"]]["published"] for e in evidence
                              if e["doc"] in docs and docs[e["doc"]]["published"])
            window = _window(reported[0]) if reported else None
            event_date = window[1] if window else None
            precision, date_source = ("week", "report") if window else (None, None)
        out.append({
            "event_id": r["id"], "event_date": event_date, "date_precision": precision,
            "time_precision": _TIME_PRECISION.get(precision or ""), "date_source": date_source,
            "date_window": list(window) if window else None,
            "plover_type": r["type"], "plover_mode": r["mode"],
            "event_type": acled.SUB_EVENT_TYPES.get(sub or "", r["acled_type"] if not sub else None),
            "sub_event_type": sub, "polarity": r["polarity"],
            "actor1": a1[0][0] if a1 else None, "assoc_actor_1": "; ".join(n for n, _ in a1[1:]) or None,
            "inter1": inter1,
            "actor2": a2[0][0] if a2 else None, "assoc_actor_2": "; ".join(n for n, _ in a2[1:]) or None,
            "inter2": inter2,
            "interaction": interaction,
            **place,
            "fatalities": c["fatalities"] if c is not None else None,
            "source": "; ".join(publishers) or None,
            "source_scale": "; ".join(s for s in scales if s) or None,
            "documents": r["documents"], "stories": r["stories"], "confidence": r["confidence"],
            "notes": " ".join(evidence[0]["text"].split()) if evidence and evidence[0].get("text") else None,
        })
    return out
