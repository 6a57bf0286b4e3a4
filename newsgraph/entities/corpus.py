"""The corpus-level entity stage: local entities of every document -> resolved entities, then
demonyms linked to their country or group, and places linked to the gazetteer.

Demonyms ("Iraqi", "Iranian-backed") never become entities: each is attached to the entity of its
country (created when the corpus names the country only through the adjective) or of its community
(only when the corpus names that community as an actor).
"""

from __future__ import annotations

from collections import Counter

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.resolve import LocalRecord, Override, ResolvedEntity, entity_id, resolve
from newsgraph.names.normalize import name_key


def _records(docs: list[StoredDoc]) -> list[LocalRecord]:
    return [
        LocalRecord(d.doc_id, i, d.story_id, e.name, e.type, e.subtype, list(e.names), list(e.titles), e.mentions)
        for d in docs
        for i, e in enumerate(d.facts.entities)
    ]


def _demonym_target(word: str):
    try:
        from newsgraph.entities.mentions import demonym_target
    except ImportError:  # the mention stage is not installed: demonyms stay unlinked
        return None
    return demonym_target(word)


def _link_demonyms(docs: list[StoredDoc], entities: list[ResolvedEntity]) -> list[tuple[str, int, str]]:
    by_key: dict[tuple[str, str], ResolvedEntity] = {}
    for e in entities:
        for alias in [e.name, *e.aliases]:
            by_key.setdefault((e.type, name_key(alias)), e)
    extra: list[tuple[str, int, str]] = []
    for d in docs:
        for m in d.facts.mentions:
            if m.origin != "demonym":
                continue
            target = _demonym_target(m.text)
            if not target:
                continue
            name, kind = target
            typ = "LOC" if kind == "country" else "ORG"
            ent = by_key.get((typ, name_key(name)))
            if ent is None:
                if kind != "country":
                    continue
                ent = ResolvedEntity(entity_id(typ, name), name, typ, "country", [], Counter(), 0, 0, [], [])
                entities.append(ent)
                by_key[(typ, name_key(name))] = ent
            ent.aliases[m.text] += 1
            kind_count = ent.alias_kinds.get(m.text, ("demonym", 0))
            ent.alias_kinds[m.text] = (kind_count[0], kind_count[1] + 1)
            extra.append((d.doc_id, m.start, ent.id))
    return extra


def _link_places(entities: list[ResolvedEntity], docs: list[StoredDoc], entity_of: dict[tuple[str, int], str]) -> None:
    try:
        from newsgraph.kb import places as gazetteer
    except ImportError:
        return
    countries = {e.id: e for e in entities if e.type == "LOC" and e.subtype == "country"}
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type != "LOC":
            continue
        try:
            country = _country(e.name)
            if country is not None:
                e.meta["country"] = country
                e.subtype = "country"
                continue
            place = gazetteer.lookup_place(e.name, country_hint=_corpus_country_hint(countries))
        except Exception as exc:  # noqa: BLE001 - a gazetteer failure leaves the place unlinked
            e.meta["gazetteer_error"] = str(exc)
            continue
        if place is not None:
            e.meta["gazetteer"] = {k: getattr(place, k) for k in
                                   ("geonameid", "name", "country_code", "admin1", "latitude", "longitude", "population")
                                   if hasattr(place, k)}
            if getattr(place, "matched_alias", None):
                e.alias_kinds.setdefault(place.name, ("gazetteer", 0))
    # approximate positions stated in the text, for places the gazetteer lacks
    for d in docs:
        for p in d.facts.positions:
            eid = entity_of.get((d.doc_id, p.entity))
            ent = by_id.get(eid) if eid else None
            if ent is None or "gazetteer" in ent.meta or p.distance_km is None or p.bearing is None:
                continue
            try:
                from newsgraph.kb.position import offset_position

                anchor = gazetteer.lookup_place(p.anchor)
                if anchor is None:
                    continue
                lat, lon = offset_position(anchor.latitude, anchor.longitude, p.distance_km, p.bearing)
            except Exception:  # noqa: BLE001
                continue
            ent.meta["approximate_position"] = {
                "latitude": round(lat, 4), "longitude": round(lon, 4), "approximate": True,
                "from": p.anchor, "distance_km": p.distance_km, "bearing": p.bearing,
                "evidence": {"doc": d.doc_id, "start": p.start, "end": p.end},
            }


def _country(name: str):
    try:
        from newsgraph.kb.countries import country
    except ImportError:
        return None
    c = country(name)
    if c is None:
        return None
    return {k: getattr(c, k) for k in ("alpha2", "alpha3", "name") if hasattr(c, k)}


def _corpus_country_hint(countries: dict[str, ResolvedEntity]) -> str | None:
    """The country the corpus talks about most: the default when a town name exists in several."""
    if not countries:
        return None
    top = max(countries.values(), key=lambda e: (e.documents, sum(e.aliases.values())))
    code = top.meta.get("country", {}).get("alpha2") if top.meta.get("country") else None
    return code or top.name


def _gazetteer_place_kind(records: list[LocalRecord]):
    """What the gazetteer knows a bare place name as ("settlement", "region"), in the country the
    corpus names most; None without the gazetteer."""
    try:
        from newsgraph.kb import places as gazetteer
    except ImportError:
        return None
    docs_of: dict[str, set[str]] = {}
    for r in records:
        if r.type == "LOC" and r.subtype == "country":
            docs_of.setdefault(r.name, set()).add(r.doc_id)
    hint = None
    if docs_of:
        top = _country(max(docs_of, key=lambda n: (len(docs_of[n]), n)))
        hint = top.get("alpha2") if top else None

    def place_kind(name: str) -> str | None:
        try:
            found = gazetteer.candidates(name, country_hint=hint)
        except Exception:  # noqa: BLE001 - no gazetteer reading: decided by the corpus alone
            return None
        if not found:
            return None
        return {"city": "settlement", "admin1": "region"}.get(found[0].kind)

    return place_kind


def _apply_actor_dictionaries(entities: list[ResolvedEntity], docs: list[StoredDoc],
                              mapping: dict[tuple[str, int], str], paths: list[str]) -> None:
    from newsgraph.entities import actors

    dicts = actors.load(paths)
    if dicts is None:
        return
    published = {d.doc_id: actors.parse_date(d.published) for d in docs}
    latest: dict[str, object] = {}
    for (doc, _), eid in mapping.items():
        when = published.get(doc)
        if when is not None and (latest.get(eid) is None or when > latest[eid]):
            latest[eid] = when
    actors.annotate(entities, dicts, latest)


def resolve_entities(docs: list[StoredDoc], overrides: list[tuple[str, str, str]] = ()):
    """Returns (entities, (doc, local idx) -> entity id, extra mention links (doc, start, entity id)).

    ``overrides`` are the user's merges and splits, and the CAMEO dictionaries they loaded
    (``entities.actors``)."""
    from newsgraph.entities.actors import ACTORS_OVERRIDE, dictionary_paths

    records = _records(docs)
    decisions = [Override(*o) for o in overrides if o[0] != ACTORS_OVERRIDE]
    entities, mapping = resolve(records, decisions, _gazetteer_place_kind(records))
    extra = _link_demonyms(docs, entities)
    _link_places(entities, docs, mapping)
    _apply_actor_dictionaries(entities, docs, mapping, dictionary_paths(overrides))
    return entities, mapping, extra
