"""Events as ACLED rows: ACLED's 31 columns in ACLED's order, then newsgraph's own (``ng_*``).

An analyst puts these rows next to ACLED's own export and filters, counts and maps them with the same
sheet or script. What newsgraph does not know stays an empty cell (admin2, admin3, source scale, the
ACLED region); nothing is guessed to fill a column.

- ``event_date`` is the event's own date; with none stated, the first report's publication date, with
  ``time_precision`` 3 and ``ng_date_method`` ``report-date``. Precision: 1 a day, 3 a month or a year
  (the first day of it stands as the date); ACLED's 2, a week, is never set.
- ``disorder_type`` follows from the event type as in ACLED's codebook.
- ``actor1``/``assoc_actor_1`` are the event's named actors, ``actor2``/``assoc_actor_2`` its targets;
  with no named one, an actor the text describes ("gunmen", "villagers") stands in as its ACLED
  category and country ("Civilians (Norway)"). ``inter1``/``inter2`` are ACLED's actor codes,
  ``interaction`` their two-digit combination (lower first; one actor: code × 10).
- ``iso`` is the ISO 3166 numeric code of the place's country; latitude/longitude are the place's.
- ``source`` the publishers of the reports; ``notes`` the first evidence sentence; ``tags`` the
  quantities other than deaths ("wounded=4"); ``timestamp`` the store's last ingest (Unix seconds).

Text from articles is untrusted: a cell that a spreadsheet would read as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with an apostrophe in this file, the
one meant for spreadsheets (the flat tables keep text verbatim, since their offsets index it).
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.export.snapshot import Snapshot, date_bounds

from newsgraph.extract import acled as coding  # ACLED's actor codes and geo precision

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
NEWSGRAPH_COLUMNS = [
    "ng_event_id", "ng_plover_type", "ng_plover_mode", "ng_polarity", "ng_confidence", "ng_stories", "ng_documents",
    "ng_date", "ng_date_precision", "ng_date_method", "ng_location_id", "ng_actor1_id", "ng_actor2_id",
    "ng_evidence_doc", "ng_evidence_start", "ng_evidence_end", "ng_evidence", "ng_first_reported",
]
COLUMNS = ACLED_COLUMNS + NEWSGRAPH_COLUMNS

DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# sub-event types ACLED files under another disorder type than their event type's
DISORDER_OF_SUB = {"Excessive force against protesters": "Political violence; Demonstrations",
                   "Mob violence": "Political violence"}
INTER_LABEL = {1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
               5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}
_PRECISION = {"day": 1, "month": 3, "year": 3}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# a person acts for the organisation they lead, speak for, hold office in or belong to
_AFFILIATIONS = ("leads", "spokesperson_for", "holds_office", "member_of")


def _affiliations(snap: Snapshot) -> dict[str, str]:
    """person id -> the organisation most stories tie them to through an affiliation relation."""
    best: dict[str, tuple[int, str]] = {}
    by_id = snap.entities_by_id
    for r in snap.relations:
        if r["predicate"] in _AFFILIATIONS and r["polarity"] == "asserted" \
                and by_id.get(r["subject"], {}).get("type") == "PERSON" and by_id.get(r["object"], {}).get("type") == "ORG":
            if r["stories"] > best.get(r["subject"], (0, ""))[0]:
                best[r["subject"]] = (r["stories"], r["object"])
    return {person: org for person, (_, org) in best.items()}


def _inter(snap: Snapshot, entity_id: str, place_country: str | None, affiliations: dict[str, str]) -> int | None:
    """ACLED's actor code of an entity (a person's is their organisation's)."""
    e = snap.entities_by_id.get(affiliations.get(entity_id, entity_id))
    if e is None:
        return None
    own = snap.places.get(e["id"])
    return coding.inter_of_entity(e["type"], e["subtype"], e["name"],
                                  country=own.country_alpha2 if own else None, place_country=place_country)


def _side(snap: Snapshot, event: dict[str, Any], role: str, place_country: str | None, country_name: str | None,
          affiliations: dict[str, str]) -> tuple[str | None, str | None, int | None, str | None]:
    """(actor, associated actors, inter code, entity id) of one side of an event."""
    named = [a for a in event.get("actors", []) if a["role"] == role]
    if named:
        first = named[0]
        assoc = "; ".join(dict.fromkeys(a["name"] for a in named[1:] if a["name"])) or None
        return first["name"], assoc, _inter(snap, first["entity"], place_country, affiliations), first["entity"]
    for term in event.get("actor_terms") or []:
        if isinstance(term, dict) and term.get("role") == role and term.get("inter") in INTER_LABEL:
            label = INTER_LABEL[term["inter"]]
            return (f"{label} ({country_name})" if country_name else label), None, term["inter"], None
    return None, None, None, None


def _geo_precision(snap: Snapshot, place_id: str | None) -> int | None:
    if not place_id:
        return None
    e = snap.entities_by_id.get(place_id)
    return coding.geo_precision(e["subtype"], e.get("meta")) if e else None


def rows(snap: Snapshot) -> list[dict[str, Any]]:
    docs = snap.documents_by_id
    timestamp = None
    if snap.exported_at:
        timestamp = int(datetime.fromisoformat(snap.exported_at).timestamp())
    affiliations = _affiliations(snap)
    out = []
    for e in snap.events:
        place = snap.places.get(e.get("location") or "")
        country = place.country if place else None
        country_name = getattr(country, "common_name", None) or getattr(country, "name", None)
        alpha2 = place.country_alpha2 if place else None
        evidence_docs = snap.evidence_documents(e)
        reported = snap.reported(evidence_docs)
        date, precision, method = e.get("date"), _PRECISION.get(e.get("date_precision") or ""), e.get("date_method")
        bounds = date_bounds(date)
        if bounds is None and reported:
            bounds, precision, method = (reported[0], reported[0]), 3, "report-date"
        event_type = e.get("acled_type")
        sub = e.get("sub_event_type")
        actor1, assoc1, inter1, actor1_id = _side(snap, e, "actor", alpha2, country_name, affiliations)
        actor2, assoc2, inter2, actor2_id = _side(snap, e, "target", alpha2, country_name, affiliations)
        codes = sorted(c for c in (inter1, inter2) if c is not None)
        interaction = None
        if inter1 is not None:
            interaction = codes[0] * 10 + codes[1] if len(codes) == 2 else inter1 * 10
        civilian = "Civilian targeting" if inter2 == 7 and DISORDER.get(event_type or "") == "Political violence" else None
        evidence = e.get("evidence") or []
        first_ev = evidence[0] if evidence else {}
        publishers = [docs[d]["publisher"] for d in evidence_docs if d in docs and docs[d]["publisher"]]
        tags = [f"{q['kind']}={q['value']}" for q in e.get("quantities") or []
                if q.get("kind") != "killed" and q.get("value") is not None]
        row = {
            "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}-{e['id']}",
            "event_date": bounds[0] if bounds else None,
            "year": int(bounds[0][:4]) if bounds else None,
            "time_precision": precision if bounds else None,
            "disorder_type": DISORDER_OF_SUB.get(sub or "") or DISORDER.get(event_type or ""),
            "event_type": event_type, "sub_event_type": sub,
            "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
            "interaction": interaction, "civilian_targeting": civilian,
            "iso": int(country.numeric) if country else None, "region": None,
            "country": country_name, "admin1": place.admin1 if place and place.gazetteer_kind != "admin1" else (
                e.get("location_name") if place and place.gazetteer_kind == "admin1" else None),
            "admin2": None, "admin3": None, "location": e.get("location_name"),
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "geo_precision": e.get("geo_precision") or _geo_precision(snap, e.get("location")),
            "source": "; ".join(dict.fromkeys(publishers)) or None, "source_scale": None,
            "notes": " ".join((first_ev.get("text") or "").split()) or None,
            "fatalities": e.get("fatalities"), "tags": "; ".join(tags) or None, "timestamp": timestamp,
            "ng_event_id": e["id"], "ng_plover_type": e.get("type"), "ng_plover_mode": e.get("mode"),
            "ng_polarity": e.get("polarity"), "ng_confidence": e.get("confidence"), "ng_stories": e.get("stories"),
            "ng_documents": e.get("documents"), "ng_date": date, "ng_date_precision": e.get("date_precision"),
            "ng_date_method": method, "ng_location_id": e.get("location"),
            "ng_actor1_id": actor1_id, "ng_actor2_id": actor2_id,
            "ng_evidence_doc": first_ev.get("doc"), "ng_evidence_start": first_ev.get("start"),
            "ng_evidence_end": first_ev.get("end"),
            "ng_evidence": "; ".join(f"{ev['doc']}:{ev['start']}-{ev['end']}" for ev in evidence) or None,
            "ng_first_reported": reported[0] if reported else None,
        }
        out.append(row)
    return out


def write(snap: Snapshot, out: Path) -> list[Path]:
    """The rows as one UTF-8 CSV file (with a byte-order mark, so spreadsheets read it as UTF-8)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({k: _safe(v) for k, v in row.items()} for row in rows(snap))
    return [out]
