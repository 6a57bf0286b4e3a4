"""Cross-document aggregation: per-document relation and event mentions -> corpus facts.

Local entity indices are mapped to resolved entity ids first. Then:

* **relations**: mentions with the same (subject, predicate, object, polarity) are one relation;
  symmetric predicates are stored with their arguments in id order. The confidence combines the
  best mention of each independent story (1 - prod(1 - c)), so twelve copies of one wire story do
  not count more than the story itself.
* **events**: mentions of one type family (an attack and a battle are one family: sources differ
  on which it was) that share a place - the same place entity, or two settlements within
  ``NEAR_KM`` - or an actor, and whose dates are compatible (equal, or within ``DATE_SLACK_DAYS``
  when at least one comes from another story) are one event. An undated mention is dated by its
  report: two undated mentions of different stories are one event only when their reports appeared
  within ``RECENT_DAYS`` of each other, and no event's reports span more than that, so a toll from
  2013 never meets one from 2017 at the same place. Blocking by (family, place), (family, map cell)
  and (family, actor) keeps this near-linear. Events whose dates differ across stories stay one
  event - the disagreement is what ``contradictions`` reports.

Every fact keeps its evidence spans and counts documents and independent stories.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from newsgraph.extract import acled as acled_coding
from newsgraph.facts import DocumentFacts
from newsgraph.types import EventMention

SYMMETRIC = frozenset({"allied_with", "fights", "family"})
_MEMBERSHIP_SPECIFIC = ("leads", "spokesperson_for")
DATE_SLACK_DAYS = 3
NEAR_KM = 25.0  # two settlements this close are one place for an event's reports ("in X" / "near X")
_CELL_DEGREES = 0.5  # blocking cell for places by coordinates; a point also joins the cells within NEAR_KM
# Reports disagree on whether an incident was an attack or a battle; they are one event's reports.
_TYPE_FAMILY = {"ASSAULT": "violence", "FIGHT": "violence"}


def type_family(event_type: str) -> str:
    return _TYPE_FAMILY.get(event_type, event_type)
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass(slots=True)
class StoredDoc:
    doc_id: str
    story_id: str | None
    published: str | None
    facts: DocumentFacts

    @property
    def story(self) -> str:
        return self.story_id or self.doc_id


def _hid(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def _header(d: StoredDoc) -> StoredDoc:
    """The document without its facts: what a fact's evidence keeps of its report. The corpus's
    documents are read one at a time; each report holding the whole facts of its document would
    keep every document's facts alive until the stage ends."""
    return StoredDoc(d.doc_id, d.story_id, d.published, _NO_FACTS)


_NO_FACTS = DocumentFacts()


def relations(docs: Iterable[StoredDoc], entity_of: dict[tuple[str, int], str]) -> list[dict]:
    """``docs`` is read once: a list, or a pass over the store."""
    groups: dict[tuple[str, str, str, str], list[tuple[StoredDoc, object]]] = defaultdict(list)
    for d in docs:
        header = _header(d)
        for rm in d.facts.relations:
            s, o = entity_of.get((d.doc_id, rm.subject)), entity_of.get((d.doc_id, rm.object))
            if s is None or o is None or s == o:
                continue
            if rm.predicate in SYMMETRIC and o < s:
                s, o = o, s
            groups[(s, rm.predicate, o, rm.polarity)].append((header, rm))
    # a leader or spokesperson of a group is a member of it: the specific relation says it already
    for s, p, o, pol in list(groups):
        if p == "member_of" and any((s, q, o, pol) in groups for q in _MEMBERSHIP_SPECIFIC):
            del groups[(s, p, o, pol)]
    rows = []
    for (s, p, o, pol), items in groups.items():
        best_per_story: dict[str, float] = {}
        for d, rm in items:
            best_per_story[d.story] = max(best_per_story.get(d.story, 0.0), rm.confidence)
        miss = 1.0
        for c in best_per_story.values():
            miss *= 1.0 - min(max(c, 0.0), 0.99)
        rows.append({
            "id": _hid("R", s, p, o, pol), "subject": s, "predicate": p, "object": o, "polarity": pol,
            "confidence": round(1.0 - miss, 3), "documents": len({d.doc_id for d, _ in items}),
            "stories": len(best_per_story),
            "evidence": [{"doc": d.doc_id, "start": rm.start, "end": rm.end,
                          "detail": {"cue": rm.cue, "cue_start": rm.cue_start, "cue_end": rm.cue_end,
                                     "confidence": rm.confidence}} for d, rm in items],
        })
    rows.sort(key=lambda r: (-r["stories"], -r["confidence"], r["id"]))
    return rows


# -- events ------------------------------------------------------------------------------------

@dataclass(slots=True)
class _EventRef:
    doc: StoredDoc
    mention: EventMention
    actors: tuple[tuple[str, str], ...]  # (entity id, role)
    location: str | None
    point: tuple[float, float] | None = None  # the place's coordinates, when it is a settlement
    coarse: bool = False  # the place is a country or a province: it locates nothing by itself
    crowded: bool = False  # a city large enough to have several incidents of a kind on one day

    def reported(self) -> date | None:
        published = self.doc.published
        if not published or len(published) < 10:
            return None
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None

    def day(self) -> date | None:
        m = self.mention
        if m.date and m.date_precision == "day":
            try:
                return date.fromisoformat(m.date)
            except ValueError:
                return None
        return None


def coarse_places(entities) -> set[str]:
    """Place entities that are countries or first-level regions (by the corpus or the gazetteer)."""
    out = set()
    for e in entities:
        if getattr(e, "type", None) != "LOC":
            continue
        gaz = (getattr(e, "meta", None) or {}).get("gazetteer")
        kind = gaz.get("kind") if isinstance(gaz, dict) else None
        if e.subtype in ("country", "region") or kind in ("country", "admin1"):
            out.add(e.id)
    return out


CROWDED_POPULATION = 250_000


def places_below_country(entities) -> set[str]:
    """Place entities that are no country: a town, a province, a quarter. A country may act ("Norland
    shelled the border"); a town never does, whatever one document's model made of it ("Velmora" read
    as a person, "Velmora bombed" for the government that sits there)."""
    out = set()
    for e in entities:
        if getattr(e, "type", None) != "LOC":
            continue
        gaz = (getattr(e, "meta", None) or {}).get("gazetteer")
        if e.subtype != "country" and not (isinstance(gaz, dict) and gaz.get("kind") == "country"):
            out.add(e.id)
    return out


def crowded_places(entities) -> set[str]:
    """Settlements whose gazetteer population reaches ``CROWDED_POPULATION``."""
    out = set()
    for e in entities:
        gaz = (getattr(e, "meta", None) or {}).get("gazetteer")
        if isinstance(gaz, dict) and isinstance(gaz.get("population"), (int, float)) and gaz["population"] >= CROWDED_POPULATION:
            out.add(e.id)
    return out


def settlement_points(entities) -> dict[str, tuple[float, float]]:
    """Coordinates of the place entities small enough to stand for an incident's place: a gazetteer
    city (or smaller), or a position the text stated ("30 km south of X"). A province's or a
    country's centre says nothing about where two incidents happened."""
    out: dict[str, tuple[float, float]] = {}
    for e in entities:
        meta = getattr(e, "meta", None) or {}
        gaz, approx = meta.get("gazetteer"), meta.get("approximate_position")
        if isinstance(approx, dict) and approx.get("method") == "neighbours":
            approx = None  # the area of its neighbours: too coarse to say two incidents were in one place
        src = gaz if isinstance(gaz, dict) and gaz.get("kind") not in ("country", "admin1", "admin2", "region") else approx
        if isinstance(src, dict) and isinstance(src.get("latitude"), (int, float)) and isinstance(src.get("longitude"), (int, float)):
            out[e.id] = (float(src["latitude"]), float(src["longitude"]))
    return out


def _partial_agrees(undated: EventMention, dated: EventMention) -> bool:
    """"in July" in an undated report against 2023-07 (or 2023-07-14) in a dated one."""
    part, full = undated.date_partial, dated.date
    if not part or not full or len(full) < 7:
        return False
    month_day = full[4:]  # "-07" or "-07-14"
    short = min(len(part) - 1, len(month_day))
    return part[1:1 + short] == month_day[:short]


def _recent(r: _EventRef) -> bool:
    """A mention with a date, or an undated one in a dated report, which news makes recent; an
    undated mention in an undated document could be any event at that place."""
    return bool(r.mention.date) or r.doc.published is not None


RECENT_DAYS = 21  # how old an event a report mentions without a date can be


def _near(undated: _EventRef, dated: _EventRef) -> bool:
    """An undated mention in a report published on P is about something recent: a dated event in
    another report can be it only if it falls in the weeks before P (the Dec. 4 strike is not
    "the strike" of a March report)."""
    published = undated.doc.published
    if not published or len(published) < 10:
        return True
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return True
    value = dated.mention.date
    try:
        lo = date.fromisoformat(value) if len(value) == 10 else date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return True
    hi = lo if len(value) == 10 else date(lo.year, 12, 31) if len(value) == 4 else date(
        lo.year + lo.month // 12, lo.month % 12 + 1, 1)
    return (pub - hi).days <= RECENT_DAYS and (lo - pub).days <= 1


def _cells_near(point: tuple[float, float]) -> set[tuple[int, int]]:
    """The blocking cells within ``NEAR_KM`` of a point: two points that near each other share one
    (the cell of either lies in the other's square), also across a cell border."""
    lat, lon = point
    d_lat = NEAR_KM / 111.0
    d_lon = d_lat / max(math.cos(math.radians(lat)), 0.01)
    lats = {math.floor((lat + k * d_lat) / _CELL_DEGREES) for k in (-1, 0, 1)}
    lons = {math.floor((lon + k * d_lon) / _CELL_DEGREES) for k in (-1, 0, 1)}
    return {(a, b) for a in lats for b in lons}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _same_place(a: _EventRef, b: _EventRef) -> bool:
    """One place for two reports: the same settlement (or two within ``NEAR_KM``). Two reports
    placed only in one country or province may be of any two incidents in it."""
    if a.location is not None and a.location == b.location:
        return not a.coarse
    return a.point is not None and b.point is not None and _km(a.point, b.point) <= NEAR_KM


def _compatible(a: _EventRef, b: _EventRef) -> bool:
    if type_family(a.mention.type) != type_family(b.mention.type):
        return False
    undated = not (a.mention.date or a.mention.date_partial or b.mention.date or b.mention.date_partial)
    if undated and (a.doc.story or a.doc.doc_id) != (b.doc.story or b.doc.doc_id):
        # an undated report is about something recent: its report's date stands for the event's
        ra, rb = a.reported(), b.reported()
        if ra is None or rb is None or abs((ra - rb).days) > RECENT_DAYS:
            return False
    da, db = a.day(), b.day()
    pa, pb = a.mention.date_partial, b.mention.date_partial
    # a month without a year against a month, or against a full date: agree, or they are two events;
    # against nothing at all it says no more than an undated mention
    if pa and pb:
        short = min(len(pa), len(pb))
        if pa[:short] != pb[:short]:
            return False
    elif (pa and b.mention.date) or (pb and a.mention.date):
        undated, dated = (a, b) if pa else (b, a)
        if not _partial_agrees(undated.mention, dated.mention):
            return False
    elif da and db:
        slack = 0 if a.doc.story == b.doc.story else DATE_SLACK_DAYS
        if abs((da - db).days) > slack:
            return False
    elif a.mention.date and b.mention.date:
        short = min(len(a.mention.date), len(b.mention.date))
        if a.mention.date[:short] != b.mention.date[:short]:
            return False
    elif a.doc.doc_id != b.doc.doc_id and bool(a.mention.date) != bool(b.mention.date) and not _near(
            *((a, b) if b.mention.date else (b, a))):
        return False
    elif a.doc.doc_id != b.doc.doc_id and not (_same_place(a, b) and (da or db) and _recent(a) and _recent(b)):
        # two undated mentions in different documents: only the same place *and* a shared actor
        shared = {e for e, _ in a.actors} & {e for e, _ in b.actors}
        if not (_same_place(a, b) and shared):
            return False
    same_place = _same_place(a, b)
    shared_actor = bool({e for e, _ in a.actors} & {e for e, _ in b.actors})
    same_sentence = a.doc.doc_id == b.doc.doc_id and a.mention.start == b.mention.start
    if shared_actor and not same_place and a.point and b.point:
        return False  # one actor's two incidents in two towns, not one event
    return same_place or shared_actor or same_sentence


def same_incident(a: _EventRef, b: _EventRef) -> bool:
    """Stricter than one event's reports: two reports whose counts can be compared, because they
    place the incident in one settlement (or name the same actor on one stated day) and date it to
    the same day or, undated, appeared within ``SAME_INCIDENT_DAYS`` of each other."""
    da, db = a.day(), b.day()
    crowded = a.crowded or b.crowded
    if da and db:
        if da != db:
            return False  # a day apart may be one incident misdated or two: counts of two days are not compared
    else:
        ra, rb = a.reported(), b.reported()
        window = CROWDED_INCIDENT_DAYS if crowded else SAME_INCIDENT_DAYS
        if ra is None or rb is None or abs((ra - rb).days) > window:
            return False
        dated = da or db
        if dated and not (0 <= ((ra if not da else rb) - dated).days <= SAME_INCIDENT_DAYS):
            return False
    shared_actor = bool({e for e, _ in a.actors} & {e for e, _ in b.actors})
    same_kind = a.mention.sub_event_type is not None and a.mention.sub_event_type == b.mention.sub_event_type
    if _same_place(a, b):
        # a besieged city has several incidents a day: the same actor or the same kind of attack too
        return (shared_actor and same_kind) if (a.crowded or b.crowded) else True
    return shared_actor and bool(da and db and da == db) and (a.location == b.location or not (a.location and b.location))


SAME_INCIDENT_DAYS = 7  # a week of follow-up reports still counts the same dead
CROWDED_INCIDENT_DAYS = 1  # in a city with several incidents a day, undated reports only of the same or next day


def events(docs: Iterable[StoredDoc], entity_of: dict[tuple[str, int], str],
           points: dict[str, tuple[float, float]] | None = None,
           coarse: set[str] | frozenset[str] = frozenset(),
           crowded: set[str] | frozenset[str] = frozenset(),
           places: set[str] | frozenset[str] = frozenset()) -> tuple[list[dict], list[list[_EventRef]]]:
    """``points`` gives the coordinates of place entities that are settlements (or smaller), so that
    reports placing one incident "in X" and "near X" meet; ``coarse`` holds the place entities that
    are countries or provinces, which do not make two reports one event by themselves; ``crowded``
    the cities where one day holds several incidents, whose counts are compared only between
    reports that also share an actor or the kind of attack; ``places`` the place entities below a
    country (``places_below_country``), which are never an event's party.

    ``docs`` is read once, one document at a time (a list, or a pass over the store): a report
    keeps its event mention and its document's id, story and date, not the document's facts."""
    points = points or {}
    refs: list[_EventRef] = []
    anaphors: list[tuple[int, int]] = []  # (event, its antecedent) as indices into refs
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for d in docs:
        first = len(refs)
        header = _header(d)
        for em in d.facts.events:
            actors = tuple((entity_of[(d.doc_id, i)], role) for i, role in em.actors if (d.doc_id, i) in entity_of)
            loc = entity_of.get((d.doc_id, em.location)) if em.location >= 0 else None
            if places and any(e in places for e, _ in actors):
                # ``places``: a town the document's model took for a party is where it happened
                # when it was the target ("shelled X"), and no party at all
                attacked = [e for e, role in actors if e in places and role == "target"]
                actors = tuple((e, role) for e, role in actors if e not in places)
                if loc is None and attacked:
                    loc = attacked[0]
            if 0 <= em.antecedent < len(d.facts.events):
                anaphors.append((len(refs), first + em.antecedent))
            # "the X countryside" is near X, not in it: no place of its own to compare reports by
            area = em.location_area
            refs.append(_EventRef(header, em, actors, loc, points.get(loc) if loc and not area else None,
                                  loc in coarse or area, loc in crowded))
        sentences: list[tuple[str, str]] = []
        for i in range(first, len(refs)):
            r = refs[i]
            t = type_family(r.mention.type)
            if r.location and not r.coarse:
                blocks[(t, "at:" + r.location)].append(i)
            if r.point:
                for cell in _cells_near(r.point):
                    blocks[(t, f"cell:{cell}")].append(i)
            for e, _ in r.actors:
                blocks[(t, "by:" + e)].append(i)
            key = (t, "doc:" + r.doc.doc_id + f":{r.mention.start}")
            if key not in blocks:
                sentences.append(key)
            blocks[key].append(i)
        for key in sentences:
            # a sentence with one report of its kind compares nothing: its block would be one list
            # per report of the corpus (no other document adds to it, so dropping it now changes
            # neither the blocks nor their order)
            if len(blocks[key]) == 1:
                del blocks[key]
    parent = list(range(len(refs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # each cluster's span of stated days, and of the report dates of its undated mentions: a chain of
    # pairwise-compatible mentions must not stretch one event over weeks (Dec. 4 -> undated -> March 13)
    span: list[tuple[date, date] | None] = [(r.day(), r.day()) if r.day() else None for r in refs]
    reports: list[tuple[date, date] | None] = [
        None if r.mention.date or r.reported() is None else (r.reported(), r.reported()) for r in refs]

    def merged_span(a: int, b: int) -> tuple[date, date] | None | bool:
        return _merged_window(span[a], span[b], DATE_SLACK_DAYS)

    def merged_reports(a: int, b: int) -> tuple[date, date] | None | bool:
        return _merged_window(reports[a], reports[b], RECENT_DAYS)

    # "the deal" is the agreement reported sentences earlier: joined first, whatever place or actors
    for i, j in anaphors:
        ri, rj = find(i), find(j)
        if ri != rj:
            joined, window = merged_span(ri, rj), merged_reports(ri, rj)
            if joined is not False and window is not False:
                parent[ri] = rj
                span[rj], reports[rj] = joined, window
    for members in blocks.values():
        # sorted neighbourhood by date (stated, else reported) keeps large blocks (a much-reported
        # capital) near-linear
        members.sort(key=lambda i: (refs[i].mention.date or refs[i].doc.published or "", refs[i].doc.doc_id))
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 9]:
                ri, rj = find(i), find(j)
                if ri != rj and _compatible(refs[i], refs[j]):
                    joined, window = merged_span(ri, rj), merged_reports(ri, rj)
                    if joined is False or window is False:
                        continue
                    parent[rj] = ri
                    span[ri], reports[ri] = joined, window
    # the rows are built without the blocking's state: on a large corpus the blocks hold a dozen
    # entries a report, and the rows' evidence about as much again
    del blocks, span, reports, anaphors
    clusters: dict[int, list[_EventRef]] = defaultdict(list)
    for i, r in enumerate(refs):
        clusters[find(i)].append(r)
    del refs, parent

    rows, groups = [], []
    for members in clusters.values():
        rows.append(_event_row(members))
        groups.append(members)
    order = sorted(range(len(rows)), key=lambda k: (rows[k]["date"] or "9999", rows[k]["id"]))
    return [rows[k] for k in order], [groups[k] for k in order]


def _merged_window(sa: tuple[date, date] | None, sb: tuple[date, date] | None,
                   limit_days: int) -> tuple[date, date] | None | bool:
    """The days two clusters span together, or False when that exceeds ``limit_days``."""
    if sa is None or sb is None:
        return sa or sb
    lo, hi = min(sa[0], sb[0]), max(sa[1], sb[1])
    return False if (hi - lo).days > limit_days else (lo, hi)


def _sides_of(members: list[_EventRef]) -> dict[tuple[str, str], None]:
    """The (entity, role) pairs of an event's reports, in order. An actor never acts on itself: an
    entity that one report makes the actor and another the target (two reports of a battle told
    from either side) keeps the role more reports give it, then the role reports read off their
    own sentence (not taken from a neighbouring one), then the role of the first report."""
    support: dict[tuple[str, str], list[int]] = {}
    for r in members:
        own = not r.mention.actors_method
        for a in dict.fromkeys(r.actors):
            counts = support.setdefault(a, [0, 0, -len(support)])
            counts[0] += 1
            counts[1] += own
    out: dict[tuple[str, str], None] = {}
    for (entity, role), counts in support.items():
        other = support.get((entity, {"actor": "target", "target": "actor"}.get(role, role)))
        if other is not None and other is not counts and tuple(counts) < tuple(other):
            continue  # the other side is better supported
        out[(entity, role)] = None
    return out


def _event_row(members: list[_EventRef]) -> dict:
    typ = Counter(r.mention.type for r in members).most_common(1)[0][0]
    acled = Counter(r.mention.acled_type for r in members if r.mention.acled_type).most_common(1)
    mode = Counter(r.mention.mode for r in members if r.mention.mode).most_common(1)
    dated = [r for r in members if r.mention.date]
    if dated:
        best = max(_PRECISION_RANK[r.mention.date_precision] for r in dated)
        votes = Counter(r.mention.date for r in dated if _PRECISION_RANK[r.mention.date_precision] == best)
        date_value = votes.most_common(1)[0][0]
        first = next(r for r in dated if r.mention.date == date_value)
        precision, method = first.mention.date_precision, first.mention.date_method
    else:
        date_value = precision = method = None
    location = Counter(r.location for r in members if r.location).most_common(1)
    actors = _sides_of(members)
    quantities: dict[str, dict] = {}
    for r in members:
        if r.mention.polarity == "claimed":
            continue
        for q in r.mention.quantities:
            if q.scope is None:
                quantities.setdefault(q.kind, {"kind": q.kind, "value": q.value, "approx": q.approx})
    polarities = Counter(r.mention.polarity for r in members)
    stories = {r.doc.story for r in members}
    # by trigger, not sentence: two events of one sentence that stay apart need two ids
    first_ev = min(members, key=lambda r: (r.doc.doc_id, r.mention.start, r.mention.trigger_start))
    coded = acled_coding.event_fields([r.mention for r in members])  # sub-event type, fatalities, unnamed actors
    return {
        "id": _hid("V", typ, date_value, location[0][0] if location else "", first_ev.doc.doc_id, first_ev.mention.trigger_start),
        "type": typ, "acled_type": coded["acled_type"] if coded["sub_event_type"] else acled[0][0] if acled else None,
        "sub_event_type": coded["sub_event_type"], "fatalities": coded["fatalities"],
        "actor_terms": coded["actor_terms"], "mode": mode[0][0] if mode else None,
        "date": date_value, "date_precision": precision, "date_method": method,
        "location": location[0][0] if location else None,
        "quantities": list(quantities.values()),
        "polarity": "asserted" if polarities.get("asserted") else polarities.most_common(1)[0][0],
        "confidence": round(max(r.mention.confidence for r in members), 3),
        "documents": len({r.doc.doc_id for r in members}), "stories": len(stories),
        "actors": [{"entity": e, "role": role} for e, role in actors],
        "evidence": [{"doc": r.doc.doc_id, "start": r.mention.start, "end": r.mention.end,
                      "detail": {"trigger": r.mention.trigger, "date": r.mention.date,
                                 "date_text": r.mention.date_text, "polarity": r.mention.polarity,
                                 "quantities": [[q.kind, q.value, q.approx] for q in r.mention.quantities]}}
                     for r in members],
    }
