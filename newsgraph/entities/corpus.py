"""The corpus-level entity stage: local entities of every document -> resolved entities, then
demonyms linked to their country or group, and places linked to the gazetteer.

Demonyms ("Iraqi", "Iranian-backed") never become entities: each is attached to the entity of its
country (created when the corpus names the country only through the adjective) or of its community
(only when the corpus names that community as an actor).
"""

from __future__ import annotations

from collections import Counter
from sys import intern
from typing import Callable, Iterable, Union

from newsgraph.aggregate import StoredDoc
from newsgraph.entities import corrections
from newsgraph.entities.resolve import LocalRecord, ResolvedEntity, generic_place_name, entity_id, resolve
from newsgraph.entities.lexicon import admin_division
from newsgraph.names.normalize import name_key, names_match, variant_key


# The documents of the corpus: a list, or a reader that makes one fresh pass over them holding
# only the named fields of their facts (``pipeline.resolve_corpus`` reads the store so): the stage
# then never holds the facts of the whole corpus at once, only its compact local records.
Documents = Union[list[StoredDoc], Callable[[frozenset[str]], Iterable[StoredDoc]]]


def _each(docs: Documents, fields: frozenset[str]) -> Iterable[StoredDoc]:
    return docs(fields) if callable(docs) else docs


def _records_of(d: StoredDoc) -> list[LocalRecord]:
    # names and titles interned: a corpus writes the same names in thousands of documents, and each
    # document's facts would otherwise keep a copy of each for as long as resolution runs. They are
    # tuples, read only: most records have one name and no title, and a list of one name costs half
    # as much again as a tuple, an empty list 56 bytes where every empty tuple is one object (some
    # 80 bytes a record; a news corpus holds some fifteen records a document)
    return [LocalRecord(d.doc_id, i, d.story_id, intern(e.name), e.type, e.subtype, tuple(intern(n) for n in e.names),
                        tuple(intern(t) for t in e.titles), e.mentions)
            for i, e in enumerate(d.facts.entities)]


def _records(docs: Iterable[StoredDoc]) -> list[LocalRecord]:
    return [r for d in docs for r in _records_of(d)]


def _demonym_target(word: str):
    try:
        from newsgraph.entities.mentions import demonym_target
    except ImportError:  # the mention stage is not installed: demonyms stay unlinked
        return None
    return demonym_target(word)


class _DemonymTargets:
    """The entities a demonym can name: its country or community, found by ``variant_key``, which
    says two spellings are one name (``name_key`` only gathers candidates: "Sunni" and "Sana" share
    it). A country the corpus names only through its adjective becomes an entity of its own, with an
    id no other entity has (ids are hashed from ``name_key``, so "Sweden" would take another's)."""

    def __init__(self, entities: list[ResolvedEntity]):
        self.entities = entities
        self.by_key: dict[tuple[str, str], ResolvedEntity] = {}
        for e in entities:
            for alias in [e.name, *e.aliases]:
                self.by_key.setdefault((e.type, variant_key(alias)), e)
        self.ids = {e.id for e in entities}

    def find(self, typ: str, name: str) -> ResolvedEntity | None:
        return self.by_key.get((typ, variant_key(name)))

    def add_country(self, name: str) -> ResolvedEntity:
        base = eid = entity_id("LOC", name)
        k = 2
        while eid in self.ids:
            eid, k = f"{base}-{k}", k + 1
        ent = ResolvedEntity(eid, name, "LOC", "country", [], Counter(), 0, 0, [], [])
        self.entities.append(ent)
        self.ids.add(eid)
        self.by_key[("LOC", variant_key(name))] = ent
        return ent


def _link_demonyms(docs: Iterable[StoredDoc], targets: _DemonymTargets) -> list[tuple[str, int, int, str]]:
    """The mentions of the documents that are demonyms, linked to their country or community
    (created when the corpus names the country only through the adjective): (doc, start, end,
    entity id)."""
    extra: list[tuple[str, int, int, str]] = []
    for d in docs:
        for m in d.facts.mentions:
            if m.origin != "demonym":
                continue
            target = _demonym_target(m.text)
            if not target:
                continue
            name, kind = target
            ent = targets.find("LOC" if kind == "country" else "ORG", name)
            if ent is None:
                if kind != "country":
                    continue
                ent = targets.add_country(name)
            ent.aliases[m.text] += 1
            kind_count = ent.alias_kinds.get(m.text, ("demonym", 0))
            ent.alias_kinds[m.text] = (kind_count[0], kind_count[1] + 1)
            extra.append((d.doc_id, m.start, m.end, ent.id))
    return extra


def _link_moved_names(docs: Iterable[StoredDoc], name_links: dict[tuple[str, int], dict[str, str]]
                      ) -> list[tuple[str, int, int, str]]:
    """The mentions written with a name that resolution gave to another entity than the rest of
    their local entity ("X, formerly Y" where the corpus does not confirm X = Y): (doc, start, end, id)."""
    if not name_links:
        return []
    out: list[tuple[str, int, int, str]] = []
    for d in docs:
        for m in d.facts.mentions:
            links = name_links.get((d.doc_id, m.entity))
            if links:
                eid = links.get(m.text) or {name_key(n): e for n, e in links.items()}.get(name_key(m.text))
                if eid:
                    out.append((d.doc_id, m.start, m.end, eid))
    return out


class _PlaceEvidence:
    """What the documents say about the places they name, gathered in one pass over them: the
    entities of each document with their mention counts, and stated relative positions."""

    def __init__(self) -> None:
        self.doc_ents: dict[str, Counter] = {}  # document -> entity id -> mentions
        # entity -> [(anchor name, distance, bearing, doc, start, end)]
        self.stated: dict[str, list] = {}

    def add(self, docs: Iterable[StoredDoc], entity_of: dict[tuple[str, int], str]) -> None:
        for d in docs:
            c = self.doc_ents.setdefault(d.doc_id, Counter())
            for i, le in enumerate(d.facts.entities):
                eid = entity_of.get((d.doc_id, i))
                if eid is not None:
                    c[eid] += max(int(getattr(le, "mentions", 1) or 1), 1)
            for pos in d.facts.positions:
                eid = entity_of.get((d.doc_id, pos.entity))
                if eid is not None and pos.distance_km is not None and pos.bearing is not None:
                    self.stated.setdefault(eid, []).append(
                        (pos.anchor, pos.distance_km, pos.bearing, d.doc_id, pos.start, pos.end))


def _link_places(entities: list[ResolvedEntity], found: _PlaceEvidence) -> dict[str, object]:
    """Link every place to the gazetteer, deciding ambiguous names by the evidence of the
    documents where the place occurs (``kb.places.decide_place``): the countries they name, the
    other places they name, the kind of place the text calls it, stated relative positions.
    The candidates (top 5) with their scores and reasons are kept in ``meta["gazetteer_candidates"]``.
    Returns the decision of each place the gazetteer linked (entity id -> ``kb.places.Decision``)."""
    try:
        from newsgraph.kb import places as gazetteer
        from newsgraph.kb.position import offset_position
    except ImportError:
        return {}
    linked: dict[str, object] = {}
    by_id = {e.id: e for e in entities}
    doc_ents, stated = found.doc_ents, found.stated
    docs_of: dict[str, list[str]] = {}
    for doc, c in doc_ents.items():
        for eid in c:
            docs_of.setdefault(eid, []).append(doc)
    country_of: dict[str, str] = {}  # entity id -> alpha-2, for country entities
    for e in entities:
        if e.type == "LOC":
            c = _country(e.name)
            if c is not None and c.get("alpha2"):
                country_of[e.id] = c["alpha2"]
    corpus_countries: Counter = Counter()
    for eid, cc in country_of.items():
        corpus_countries[cc] += len(docs_of.get(eid, ())) or by_id[eid].documents
    corpus_countries = Counter(dict(corpus_countries.most_common(3)))

    decided: dict[str, object] = {}  # entity id -> Place

    def evidence(e: ResolvedEntity, with_places: bool) -> "gazetteer.Evidence":
        countries: Counter = Counter()
        near: Counter = Counter()
        for doc in docs_of.get(e.id, ()):
            for other, n in doc_ents[doc].items():
                if other == e.id:
                    continue
                if other in country_of:
                    countries[country_of[other]] += n
                elif with_places and other in decided:
                    p = decided[other]
                    countries[p.country_code] += 0.5 * n
                    if p.latitude is not None:
                        near[(p.latitude, p.longitude)] += 1
        kind = {"settlement": "city", "region": "admin1"}.get(e.subtype or "")
        return gazetteer.Evidence(countries=dict(countries), corpus_countries=dict(corpus_countries),
                                  near=[(lat, lon, w) for (lat, lon), w in near.items()], kind=kind)

    def decide(e: ResolvedEntity, ev) -> object:
        try:
            return gazetteer.decide_place(e.name, ev)
        except Exception as exc:  # noqa: BLE001 - a gazetteer failure leaves the place unlinked
            e.meta["gazetteer_error"] = str(exc)
            return None

    # "the Old City", "Southern": a part of the place the document names, which no gazetteer row is
    generic = {e.id for e in entities if e.type == "LOC" and all(generic_place_name(n) for n in [e.name, *e.aliases])}
    places = [e for e in entities if e.type == "LOC" and e.id not in country_of and e.id not in generic]
    # pass 1: countries only; pass 2: with the places pass 1 decided as neighbours
    for with_places in (False, True):
        found = {}
        for e in places:
            dec = decide(e, evidence(e, with_places))
            if dec is not None and dec.place is not None:
                found[e.id] = dec.place
        decided = found

    for e in entities:
        if e.type != "LOC":
            continue
        if e.id in generic:
            continue
        if e.id in country_of:
            c = _country(e.name)
            dec = decide(e, evidence(e, True)) if _has_namesake_region(e.name) else None
            best = dec.candidates[0] if dec is not None and dec.candidates else None
            if best is not None and best.place.kind != "country" and dec.place is not None \
                    and any(r.startswith("near co-mentioned") for r in best.reasons):
                # "Georgia" among Atlanta and Savannah: the US state, not the country
                _store_decision(e, dec)
                continue
            e.meta["country"] = c
            e.subtype = "country"
            continue
        ev = evidence(e, True)
        offsets = []
        for anchor, dist, bearing, doc, start, end in stated.get(e.id, ()):
            a = gazetteer.decide_place(anchor, evidence(e, True)).place
            if a is not None and a.latitude is not None:
                lat, lon = offset_position(a.latitude, a.longitude, dist, bearing)
                offsets.append((lat, lon, max(15.0, 0.5 * dist), anchor, dist, bearing, doc, start, end))
        if offsets:
            ev.offsets = [o[:3] for o in offsets]
        dec = decide(e, ev)
        if dec is None:
            continue
        _store_decision(e, dec)
        if dec.place is not None:
            linked[e.id] = dec
        if dec.place is None and offsets:
            # the gazetteer lacks the place (or has only namesakes far away): the stated position
            lat, lon, _, anchor, dist, bearing, doc, start, end = offsets[0]
            e.meta["approximate_position"] = {
                "latitude": round(lat, 4), "longitude": round(lon, 4), "approximate": True,
                "from": anchor, "distance_km": dist, "bearing": bearing,
                "evidence": {"doc": doc, "start": start, "end": end},
            }
    return linked


def _user_splits(decisions: list[corrections.Override]) -> list[tuple[str, str]]:
    """(entity, alias) of each split the user decided, applied or not: the gazetteer does not join
    again what a user took apart, nor what they would have taken apart had resolution joined it."""
    return [(ov.a.casefold(), ov.b.casefold().strip()) for ov in decisions if ov.action == "split"]


def _split_by_user(a: ResolvedEntity, b: ResolvedEntity, splits: list[tuple[str, str]]) -> bool:
    if not splits:
        return False
    names = [{e.id.casefold(), *(n.casefold() for n in e.aliases)} for e in (a, b)]
    return any(ref in names[i] and alias in names[1 - i] for ref, alias in splits for i in (0, 1))


# The gazetteer's word that two place names are one place: entries have the local name and the
# exonyms ("Tadmur" and "Palmyra"), transliterations and older spellings as names of one row. Name
# comparison cannot see that two unlike names are one town; a linked row can, and it is evidence
# only when the row came from the name itself (not from a qualifier dropped, "northern X", nor
# from a facility's name, "X airport" linked to the town) and the kinds of place agree.
GAZETTEER_JOIN = "one place in the gazetteer"


def _join_places_of_one_gazetteer_entry(entities: list[ResolvedEntity], mapping: dict[tuple[str, int], str],
                                        linked: dict[str, object], story_of: dict[str, str],
                                        splits: list[tuple[str, str]]) -> dict[str, str]:
    """Join the places linked to one gazetteer row when the link is the name's own; returns the
    ids absorbed (absorbed id -> id of the place that took it), after updating ``entities`` and
    ``mapping``. A link through a spelling variant counts only where name comparison agrees the
    names are one (kept apart before by the kind of place the documents called them), and a
    division named with its kind word ("X province") never joins a town."""
    by_id = {e.id: e for e in entities}
    rows: dict[int, list[ResolvedEntity]] = {}
    for eid, dec in linked.items():
        e = by_id.get(eid)
        place = dec.place
        if (e is None or e.type != "LOC" or e.subtype in ("country", "facility") or dec.base
                or place.geonameid is None or place.kind == "country"):
            continue
        rows.setdefault(place.geonameid, []).append(e)
    absorbed: dict[str, str] = {}
    for geonameid, group in rows.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: (-e.stories, -e.documents, e.id))
        taken: list[ResolvedEntity] = []
        for e in group:
            host = next((h for h in taken if _one_gazetteer_place(h, e, linked) and not _split_by_user(h, e, splits)),
                        None)
            if host is None:
                taken.append(e)
                continue
            _absorb(host, e, story_of, f"{GAZETTEER_JOIN}: {linked[host.id].place.name} (GeoNames {geonameid})")
            absorbed[e.id] = host.id
    if not absorbed:
        return absorbed
    for key, eid in mapping.items():
        if eid in absorbed:
            mapping[key] = absorbed[eid]
    entities[:] = [e for e in entities if e.id not in absorbed]
    return absorbed


def _one_gazetteer_place(a: ResolvedEntity, b: ResolvedEntity, linked: dict[str, object]) -> bool:
    same_name = names_match(a.name, b.name, "LOC")
    if not (linked[a.id].place.exact and linked[b.id].place.exact) and not same_name:
        return False  # a spelling variant's link is the gazetteer's guess, not its word
    kinds = {a.subtype, b.subtype} - {None}
    if len(kinds) < 2:
        return True
    if kinds != {"region", "settlement"} or not same_name:
        return False
    region = a if a.subtype == "region" else b
    # the town's surroundings ("the X area") are the town; "X province" is not
    return not any(admin_division(n) for n in region.aliases)


def _absorb(host: ResolvedEntity, e: ResolvedEntity, story_of: dict[str, str], why: str) -> None:
    host.members.extend(e.members)
    host.aliases.update(e.aliases)
    for alias, (kind, n) in e.alias_kinds.items():
        old = host.alias_kinds.get(alias)
        host.alias_kinds[alias] = (old[0], old[1] + n) if old else (kind, n)
    docs = {doc for doc, _ in host.members}
    host.documents = len(docs)
    host.stories = len({story_of.get(doc, doc) for doc in docs})
    host.titles.extend(t for t in e.titles if t not in host.titles)
    host.joins.extend(e.joins)
    host.joins.append((host.name, e.name, [why]))


# A place the gazetteer lacks is put where the places written next to it lie, when they agree:
# mentions within NEXT_TO_CHARS characters ("the towns of X and Y", "X in Y province", "X, near Y"),
# counted once per document, at least NEXT_TO_MIN_DOCS documents, and most of them within
# NEXT_TO_KM of one another.
NEXT_TO_CHARS = 80
NEXT_TO_MIN_DOCS = 2
NEXT_TO_KM = 50.0


def _place_by_neighbours(entities: list[ResolvedEntity], docs: Documents,
                         entity_of: dict[tuple[str, int], str]) -> None:
    """An approximate position (``method`` "neighbours", ACLED geo precision 3) for each place left
    without coordinates, from the placed places its documents name right next to it."""
    try:
        from newsgraph.kb.places import haversine_km
    except ImportError:
        return
    by_id = {e.id: e for e in entities}

    def point(e: ResolvedEntity) -> tuple[float, float] | None:
        if e.type != "LOC" or e.subtype == "country":
            return None
        gaz = e.meta.get("gazetteer") or {}
        if gaz.get("kind") in ("country", "admin1") or not isinstance(gaz.get("latitude"), (int, float)):
            return None  # a province's centre says little about where a place in it lies
        return float(gaz["latitude"]), float(gaz["longitude"])

    unplaced = {e.id for e in entities if e.type == "LOC" and e.subtype != "country" and not e.meta.get("gazetteer")
                and not e.meta.get("approximate_position") and not e.meta.get("country")}
    if not unplaced:
        return
    votes: dict[str, dict[str, set[str]]] = {}  # unplaced id -> neighbour id -> documents
    # a place the text sets beside another ("X south of Y", "X near Y", no distance given): that
    # one is where it lies, whatever else the sentence names next to it
    stated: dict[str, dict[str, set[str]]] = {}
    for d in _each(docs, frozenset({"mentions", "positions"})):
        for pos in d.facts.positions:
            eid = entity_of.get((d.doc_id, pos.entity))
            if eid not in unplaced:
                continue
            anchor = next((entity_of.get((d.doc_id, m.entity)) for m in d.facts.mentions
                           if m.entity >= 0 and pos.start <= m.start and m.end <= pos.end
                           and pos.anchor in (m.text, m.name)), None)
            if anchor in by_id and anchor != eid:
                stated.setdefault(eid, {}).setdefault(anchor, set()).add(d.doc_id)
        ms = sorted((m.start, m.end, entity_of.get((d.doc_id, m.entity))) for m in d.facts.mentions if m.entity >= 0)
        for k, (start, end, eid) in enumerate(ms):
            if eid not in unplaced:
                continue
            for j in range(k - 1, -1, -1):
                if start - ms[j][1] > NEXT_TO_CHARS:
                    break
                if ms[j][2] in by_id and ms[j][2] != eid:
                    votes.setdefault(eid, {}).setdefault(ms[j][2], set()).add(d.doc_id)
            for j in range(k + 1, len(ms)):
                if ms[j][0] - end > NEXT_TO_CHARS:
                    break
                if ms[j][2] in by_id and ms[j][2] != eid:
                    votes.setdefault(eid, {}).setdefault(ms[j][2], set()).add(d.doc_id)
    # the corpus's own countries: a neighbour the gazetteer put elsewhere is more likely misplaced
    countries: Counter = Counter()
    for e in entities:
        cc = (e.meta.get("gazetteer") or {}).get("country_code") if e.type == "LOC" else None
        if cc:
            countries[cc] += e.documents
    home = {cc for cc, _ in countries.most_common(3)}
    for eid in set(votes) | set(stated):
        def placed_of(neighbours: dict[str, set[str]]) -> list:
            return [(point(by_id[n]), len(ds), by_id[n].name) for n, ds in neighbours.items()
                    if point(by_id[n]) and (by_id[n].meta.get("gazetteer") or {}).get("country_code") in home]

        # what the text states ("south of Y") decides; the places written next to it only without it
        placed = placed_of(stated.get(eid, {}))
        min_docs, said = 1, bool(placed)
        if not placed:
            placed, min_docs = placed_of(votes.get(eid, {})), NEXT_TO_MIN_DOCS
        total = sum(w for _, w, _ in placed)
        if total < min_docs:
            continue
        best = max(placed, key=lambda c: sum(w for p, w, _ in placed if haversine_km(*c[0], *p) <= NEXT_TO_KM))
        close = [(p, w, name) for p, w, name in placed if haversine_km(*best[0], *p) <= NEXT_TO_KM]
        weight = sum(w for _, w, _ in close)
        if weight < min_docs or weight * 2 <= total or min_docs > 1 and len(close) < 2 and weight < min_docs + 1:
            continue
        lat = sum(p[0] * w for p, w, _ in close) / weight
        lon = sum(p[1] * w for p, w, _ in close) / weight
        by_id[eid].meta["approximate_position"] = {
            "latitude": round(lat, 4), "longitude": round(lon, 4), "approximate": True, "method": "neighbours",
            "from": ", ".join(name for _, _, name in sorted(close, key=lambda c: -c[1])[:3]),
            "documents": weight,
            **({"stated": True} if said else {}),
        }


def _has_namesake_region(name: str) -> bool:
    """Whether a country's name is also a first-level region elsewhere ("Georgia")."""
    try:
        from newsgraph.kb import places as gazetteer

        return any(p.kind == "admin1" and p.exact for p in gazetteer.candidates(name))
    except Exception:  # noqa: BLE001
        return False


def _store_decision(e: ResolvedEntity, dec) -> None:
    place = dec.place
    e.meta["gazetteer_candidates"] = [
        {"name": s.place.name, "country_code": s.place.country_code, "kind": s.place.kind,
         "latitude": None if s.place.latitude is None else round(s.place.latitude, 4),
         "longitude": None if s.place.longitude is None else round(s.place.longitude, 4),
         "score": s.score, "reasons": list(s.reasons)}
        for s in dec.candidates[:5]
    ]
    e.meta["gazetteer_why"] = dec.why
    if dec.base:
        e.meta["gazetteer_base"] = dec.base
    if place is None:
        return
    e.meta["gazetteer"] = {k: getattr(place, k) for k in
                           ("geonameid", "name", "country_code", "admin1", "latitude", "longitude", "population", "kind")
                           if hasattr(place, k)}
    if getattr(place, "matched_alias", None):
        e.alias_kinds.setdefault(place.name, ("gazetteer", 0))


def _country(name: str):
    try:
        from newsgraph.kb.countries import country
    except ImportError:
        return None
    c = country(name)
    if c is None:
        return None
    # a country's point is its capital (kb.countries): where "in Chile" is placed on a map
    return {k: getattr(c, k) for k in ("alpha2", "alpha3", "name", "latitude", "longitude") if hasattr(c, k)}


def _corpus_country_hint(countries: dict[str, ResolvedEntity]) -> str | None:
    """The country the corpus talks about most: the default when a town name exists in several."""
    if not countries:
        return None
    top = max(countries.values(), key=lambda e: (e.documents, sum(e.aliases.values())))
    code = top.meta.get("country", {}).get("alpha2") if top.meta.get("country") else None
    return code or top.name


class _PlaceLookups:
    """The gazetteer's cities for every place name of the corpus, looked up in a forked process
    while this one resolves the names.

    Why: matching a name against every gazetteer place that shares its skeleton key is a third of
    resolution on a real corpus, and resolution runs on one core after the per-document workers have
    finished, with the other core idle. The lookups depend on the names alone, so the child fills
    the same memo the place linking would fill and hands it over; linking then reads it. Where
    fork is unavailable, or the child fails, linking looks the names up itself, as before."""

    def __init__(self, process, receiver) -> None:
        self.process, self.receiver = process, receiver

    @classmethod
    def start(cls, records: list[LocalRecord]) -> "_PlaceLookups | None":
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        names = sorted({n for r in records if r.type == "LOC" for n in (r.name, *r.names)})
        if not names:
            return None
        ctx = multiprocessing.get_context("fork")
        receiver, sender = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_look_up_places, args=(names, sender), daemon=True)
        try:
            process.start()
        except OSError:
            return None
        sender.close()
        return cls(process, receiver)

    def install(self) -> None:
        """Take the cities the child has found. It sends them in batches; a child that sends
        nothing for ``QUIET_SECONDS`` (stuck, or killed) is given up and the names it did not
        get to are looked up here."""
        try:
            from newsgraph.kb import places as gazetteer

            gaz = gazetteer.gazetteer()
            while self.receiver.poll(self.QUIET_SECONDS):
                batch = self.receiver.recv()
                if batch is None:
                    break
                gaz.remember_city_hits(batch)
        except Exception:  # noqa: BLE001 - the child failed: linking looks the names up itself
            pass
        finally:
            self.receiver.close()
            self.process.join(timeout=1)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(timeout=5)

    QUIET_SECONDS = 30.0


def _look_up_places(names: list[str], sender, batch: int = 200) -> None:
    try:
        from newsgraph.kb import places as gazetteer

        gaz = gazetteer.gazetteer()
        sent: set = set()
        for k in range(0, len(names), batch):
            for name in names[k : k + batch]:
                gaz.candidates(name)
            memo = gaz.city_hits_memo()
            sender.send({key: hits for key, hits in memo.items() if key not in sent})
            sent.update(memo)
        sender.send(None)
    except Exception:  # noqa: BLE001 - the parent looks up what it did not receive
        pass
    finally:
        sender.close()


def _load_gazetteer() -> None:
    """Load the gazetteer's index now. When the code that keys it changed, the index is rebuilt,
    which takes some 500 MB for a minute: done before the corpus's records are read, that memory
    is free again when resolution needs its own, instead of adding to it."""
    try:
        from newsgraph.kb import places as gazetteer

        gazetteer.gazetteer().index
    except Exception:  # noqa: BLE001 - no gazetteer: places are decided by the corpus alone
        return


def _gazetteer_readings(records: list[LocalRecord]):
    """Two readings of the gazetteer, in the country the corpus names most: what a bare place name
    is known as ("settlement", "region"), and whether a first-level region goes by that name too.
    (None, None) without the gazetteer."""
    try:
        from newsgraph.kb import places as gazetteer
    except ImportError:
        return None, None
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

    def names_region(name: str) -> bool:
        try:
            return any(p.kind == "admin1" for p in gazetteer.candidates(name, country_hint=hint))
        except Exception:  # noqa: BLE001 - no gazetteer reading: the name may be a region's
            return True

    return place_kind, names_region


def _apply_actor_dictionaries(entities: list[ResolvedEntity], published_of: dict[str, str | None],
                              mapping: dict[tuple[str, int], str], paths: list[str]) -> None:
    from newsgraph.entities import actors

    dicts = actors.load(paths)
    if dicts is None:
        return
    published = {doc: actors.parse_date(p) for doc, p in published_of.items()}
    latest: dict[str, object] = {}
    for (doc, _), eid in mapping.items():
        when = published.get(doc)
        if when is not None and (latest.get(eid) is None or when > latest[eid]):
            latest[eid] = when
    actors.annotate(entities, dicts, latest)


def resolve_entities(docs: Documents, overrides: list[tuple[str, str, str]] = ()):
    """Returns (entities, (doc, local idx) -> entity id, extra mention links (doc, start, end, entity id)).

    ``docs`` is a list of documents, or a reader of them (``Documents``) that is asked for three
    passes: local entities; entities, mentions and positions; mentions (only when a place is left
    unplaced). ``overrides`` are the user's corrections (``entities.corrections``: merge, split,
    rename, retype), and the CAMEO dictionaries they loaded (``entities.actors``)."""
    from newsgraph.entities.actors import ACTORS_OVERRIDE, dictionary_paths

    paths = dictionary_paths(overrides)
    if callable(docs):  # a whole store's corpus: the gazetteer is loaded before the records are held
        _load_gazetteer()
    records: list[LocalRecord] = []
    published: dict[str, str | None] = {}
    for d in _each(docs, frozenset({"entities"})):
        records += _records_of(d)
        if paths:
            published[d.doc_id] = d.published
    decisions = corrections.decisions(o for o in overrides if o[0] != ACTORS_OVERRIDE)
    name_links: dict[tuple[str, int], dict[str, str]] = {}
    place_kind, names_region = _gazetteer_readings(records)
    lookups = _PlaceLookups.start(records) if callable(docs) else None
    entities, mapping = resolve(records, decisions, place_kind, name_links=name_links,
                                names_region=names_region)
    del records  # the resolver made its own; the entities hold what the rest needs
    _release_name_caches()
    corrections.apply_to_entities(entities, mapping, decisions)  # names and types the user decided
    demonym_targets = _DemonymTargets(entities)
    demonyms: list[tuple[str, int, int, str]] = []
    moved: list[tuple[str, int, int, str]] = []
    places = _PlaceEvidence()
    story_of: dict[str, str] = {}
    for d in _each(docs, frozenset({"entities", "mentions", "positions"})):
        demonyms += _link_demonyms((d,), demonym_targets)
        moved += _link_moved_names((d,), name_links)
        places.add((d,), mapping)
        story_of[d.doc_id] = d.story
    if lookups is not None:
        lookups.install()
    linked = _link_places(entities, places)
    del places
    absorbed = _join_places_of_one_gazetteer_entry(entities, mapping, linked, story_of, _user_splits(decisions))
    if absorbed:
        demonyms = [(doc, s, e, absorbed.get(eid, eid)) for doc, s, e, eid in demonyms]
        moved = [(doc, s, e, absorbed.get(eid, eid)) for doc, s, e, eid in moved]
    del story_of
    _place_by_neighbours(entities, docs, mapping)
    _apply_actor_dictionaries(entities, published, mapping, paths)
    _release_name_caches()
    return entities, mapping, demonyms + moved


def _release_name_caches() -> None:
    """Empty the memos of name parsing and comparison once the names are resolved. They are bounded,
    but their bounds are set for the speed of resolution on a large corpus (some 800 MB when full):
    kept, the stages after resolution (event identity, contradictions) would run beside memory that
    nothing reads any more. The memos are of pure functions, so emptying them changes no answer."""
    from newsgraph.entities import resolve as resolver
    from newsgraph.names import acronyms, normalize

    for module in (normalize, acronyms, resolver):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and callable(getattr(value, "cache_info", None)):
                value.cache_clear()
