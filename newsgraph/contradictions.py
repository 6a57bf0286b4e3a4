"""Where sources disagree: conflicting values for one fact, and claims that negate each other.

Kinds, each listed with both evidence spans:

* ``quantity``: one event, two independent stories, different exact counts of the same kind
  (7 killed / 11 killed). A perpetrator's claim ("claimed", e.g. "more than 20") is not a source
  disagreement, and an approximate figure conflicts only when it excludes the other ("at least
  60" against 40). A count is compared only when its sentence gives the incident's own place, and
  its day (stated, or left unstated when no other day could be meant); every count shown is one
  incident's with every other (``aggregate.same_incident``).
* ``date``: one event dated to different days by different stories.
* ``relation``: the same relation asserted by one story and denied in another.
* ``claim``: a topic said to have changed and said not to have changed ("a break with past policy"
  against "policy has not changed"), in one document, or in two documents whose claims name the
  same actor.

Document-internal inconsistencies found while cleaning (a weekday that does not match its date)
are flags on the document; ``query`` lists them next to these.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import combinations

from newsgraph.aggregate import StoredDoc, _EventRef, same_incident
from newsgraph.extract.incidents import INCIDENT_METHOD
from newsgraph.extract.quantities import counted

_CLAIM_REACH = 200  # characters around a claim in which an actor counts as its subject


def _hid(*parts: object) -> str:
    return "C" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def _ev(doc: str, start: int, end: int, **detail) -> dict:
    return {"doc": doc, "start": start, "end": end, "detail": detail}


_LOWER_ONLY = {"at least", "more than", "over", "upwards of"}
# Two lower bounds are both true whatever the toll; sources still disagree on it when one is half
# as large again as the other ("at least 58" against "at least 87").
BOUNDS_RATIO = 1.5


def _excludes(a: tuple[int, str | None], b: tuple[int, str | None]) -> bool:
    """Whether two counts of the same thing disagree: they cannot both be true, or they are lower
    bounds far apart."""
    (va, qa), (vb, qb) = a, b
    if qa is None and qb is None:
        return va != vb
    if qa in _LOWER_ONLY and qb is None:
        return vb < va
    if qb in _LOWER_ONLY and qa is None:
        return va < vb
    if qa in _LOWER_ONLY and qb in _LOWER_ONLY and min(va, vb) > 0:
        return max(va, vb) >= BOUNDS_RATIO * min(va, vb)
    return False


def _comparable(a: str, b: str) -> bool:
    """Two counts of the same people: the same words ("seven fighters" / "eleven fighters"), or a bare
    figure against any ("put the toll at 11"); never a subgroup against a total ("136 children" /
    "735 civilians") or one side's dead against the other's ("four YPG fighters" / "132 militants")."""
    ca, cb = counted(a), counted(b)
    if ca is None or cb is None:
        return False
    return ca == cb or ca == "" or cb == ""


@dataclass
class _StoryProfile:
    """What one story's reports of an event say about it: places, actors, targets, counts."""
    places: set[str] = field(default_factory=set)  # settlements only
    crowded: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    counts: set[tuple[str, int]] = field(default_factory=set)


def _profiles(members: list[_EventRef]) -> dict[str, _StoryProfile]:
    out: dict[str, _StoryProfile] = defaultdict(_StoryProfile)
    for r in members:
        p = out[r.doc.story]
        if r.location and not r.coarse:
            p.places.add(r.location)
            if r.crowded:
                p.crowded.add(r.location)
        for e, role in r.actors:
            (p.targets if role == "target" else p.actors).add(e)
        p.counts |= {(q.kind, q.value) for q in r.mention.quantities if q.scope is None and q.value}
    return out


def _one_incident(a: _StoryProfile, b: _StoryProfile) -> bool:
    """Two stories that date an event differently report one incident, not two, when they name the
    same town and the same count (in a crowded city, also the same actor):
    anything less is likelier a town struck on Monday and again on Thursday."""
    places = a.places & b.places
    if not places or not a.counts & b.counts:
        return False
    return bool(places - a.crowded - b.crowded) or bool(a.actors & b.actors)


def _same_reported_facts(a: _EventRef, b: _EventRef) -> bool:
    """Two dated sentences that report the same count: the sentences themselves, not only their
    stories, tell one incident ("Monday's strike killed 15" and "Tuesday's strike" in one story are
    two; a group targeted in both says nothing, it is targeted every day)."""
    counts = {(q.kind, q.value) for q in a.mention.quantities if q.scope is None and q.value}
    return bool(counts & {(q.kind, q.value) for q in b.mention.quantities if q.scope is None and q.value})


def _event_context(row: dict, names: dict[str, str]) -> str:
    """" at X on 2024-03-09 (A, B)": where, when and by whom, so a reader can tell which event it is."""
    parts = []
    if row.get("location"):
        parts.append(f"at {names.get(row['location'], row['location'])}")
    if row.get("date"):
        parts.append(f"on {row['date']}")
    actors = list(dict.fromkeys(names.get(a["entity"], a["entity"]) for a in row.get("actors", [])))[:4]
    text = " ".join(parts)
    if actors:
        text += f" ({', '.join(actors)})"
    return (" " + text) if text else ""


def _places_its_incident(r: _EventRef) -> bool:
    """Whether the sentence of a report says where its incident happened: a settlement (or smaller)
    it names itself or calls "the town", or one it takes from its own incident's telling: a headline
    or lead from the sentences that detail it (extract.incidents carries a place back only over such
    strong links), a later sentence from the incident it refers back to ("the attack"). A sentence
    that names no place, only a country or a province, or borrows its place from the sentence before
    it without referring back ("One civilian was killed by a barrel bomb" after a toll in another
    district) may count another incident's dead: its count is no one's to compare."""
    m = r.mention
    if r.location is None or r.coarse:
        return False
    if m.location_method != INCIDENT_METHOD:
        return True
    return m.antecedent >= 0 or m.location_start >= m.end


def _dates_its_incident(r: _EventRef) -> bool:
    """Whether the sentence of a report gives its own day, or refers back to the incident it takes
    the day from ("the attack"). A sentence that took its day from the sentence before it
    (extract.incidents) only details that incident: its counts may be a part of the toll ("three
    nurses as well as a guard") or of a place nearby ("two were hurt across the border"),
    and its day is that sentence's claim, not one more."""
    m = r.mention
    return m.date_method != INCIDENT_METHOD or m.antecedent >= 0


def _own_counts(r: _EventRef) -> list:
    """The counts a report gives its incident: its own counts (no part of a larger one, no running
    total), except a kind the sentence counts twice ("19 killed near the capital hours after an
    attack left dozens dead in the town"): two incidents, or two sources, and which figure is this
    incident's own the sentence does not say."""
    own = [q for q in r.mention.quantities if q.scope is None]
    kinds = Counter(q.kind for q in own)
    return [q for q in own if kinds[q.kind] == 1]


def _days_of_counts(groups: list[list[_EventRef]]) -> dict[tuple[str, str, int], set]:
    """The days each article's sentences give a count of theirs: (document, kind, value) -> days."""
    out: dict[tuple[str, str, int], set] = defaultdict(set)
    for members in groups:
        for r in members:
            day = r.day()
            if day:
                for q in _own_counts(r):
                    out[(r.doc.doc_id, q.kind, q.value)].add(day)
    return out


def _dated_by_article(r: _EventRef, q, days_of_counts: dict[tuple[str, str, int], set]) -> _EventRef:
    """A report stating no day takes the day of the sentence of its own article that gives the same
    count on one stated day: a headline's "26 killed in raids" is the lead's "raids on Wednesday
    killed 26", not Monday's toll of another report."""
    if r.day():
        return r
    days = days_of_counts.get((r.doc.doc_id, q.kind, q.value), set())
    if len(days) != 1:
        return r
    day = next(iter(days)).isoformat()
    return replace(r, mention=replace(r.mention, date=day, date_precision="day"))


def _one_day(items: list[tuple[_EventRef, object]]) -> list[tuple[_EventRef, object]]:
    """The reports whose day is known or unambiguous: a report stating no day counts only when the
    reports stating a day that it could be one incident with all state the same one (an undated toll
    of a report written after a Monday strike and a Tuesday strike in one town is of neither)."""
    dated = [r for r, _ in items if r.day()]
    kept = []
    for r, q in items:
        if not r.day() and len({d.day() for d in dated if same_incident(r, d)}) > 1:
            continue
        kept.append((r, q))
    return kept


def _largest_incident(group: list[tuple[_EventRef, object]],
                      clashes: list[tuple[int, int]]) -> list[tuple[_EventRef, object]]:
    """The most reports that are pairwise one incident and hold a clash: every value shown is a count
    of the incident of every other (chains of one-incident pairs can join a Monday's toll to a
    Tuesday's through an undated one)."""
    best: list[int] = []
    for x, y in clashes:
        members = [x, y]
        for k in range(len(group)):
            if k not in members and all(same_incident(group[k][0], group[m][0]) for m in members):
                members.append(k)
        if len(members) > len(best):
            best = members
    return [group[k] for k in sorted(best)]


def _conflicting_reports(items: list[tuple[_EventRef, object]]) -> list[tuple[_EventRef, object]]:
    """The reports of one count that disagree, one per story and value: every value is shown with
    its source, and copies of one story count once. Empty when no two of them exclude each other."""
    groups: dict[str, list[tuple[_EventRef, object]]] = defaultdict(list)
    bare = []
    for r, q in _one_day(items):
        what = counted(q.text)
        if what is None:
            continue
        (bare if what == "" else groups[what]).append((r, q))
    # a bare figure ("put the toll at 11") counts whatever the others count
    candidates = [g + bare for g in groups.values()] or [bare]
    best: list[tuple[_EventRef, object]] = []
    for group in candidates:
        clashes = [(x, y) for x, y in combinations(range(len(group)), 2)
                   if group[x][0].doc.story != group[y][0].doc.story
                   and _excludes((group[x][1].value, group[x][1].approx), (group[y][1].value, group[y][1].approx))
                   and same_incident(group[x][0], group[y][0])]
        if not clashes:
            continue
        group = _largest_incident(group, clashes)
        seen: set[tuple[str, object, object]] = set()
        kept = []
        for r, q in sorted(group, key=lambda x: (x[0].doc.published or "", x[0].doc.doc_id, x[1].start)):
            key = (r.doc.story, q.value, q.approx)
            if key not in seen:
                seen.add(key)
                kept.append((r, q))
        if len(kept) > len(best):
            best = kept
    return best


def event_conflicts(event_rows: list[dict], groups: list[list[_EventRef]],
                    names: dict[str, str] | None = None) -> list[dict]:
    """Disagreements between the reports of one event (``aggregate.events`` decides which reports
    are one event). ``names`` gives entity names for the descriptions."""
    names = names or {}
    out: list[dict] = []
    days_of_counts = _days_of_counts(groups)
    for row, members in zip(event_rows, groups):
        if len({r.doc.story for r in members}) < 2:
            continue
        context = _event_context(row, names)
        # quantities
        by_kind: dict[tuple[str, str | None], list[tuple[_EventRef, object]]] = defaultdict(list)
        for r in members:
            if r.mention.polarity == "claimed" or not _places_its_incident(r) or not _dates_its_incident(r):
                continue
            # counts of one place only: "two were hurt in <the town across the border>" counts other
            # people than the toll of the town the blast hit
            for q in _own_counts(r):
                by_kind[(q.kind, r.location)].append((_dated_by_article(r, q, days_of_counts), q))
        for (kind, _), items in by_kind.items():
            reports = _conflicting_reports(items)
            if not reports:
                continue
            values = ", ".join({(q.value, q.approx): repr(q.text) for _, q in reversed(reports)}.values())
            out.append({
                "id": _hid("quantity", row["id"], kind, *sorted({r.doc.doc_id for r, _ in reports})),
                "kind": "quantity", "subject": row["id"],
                "description": f"{kind}: {values} in {len({r.doc.story for r, _ in reports})} stories "
                               f"of one {row['type']} event{context}",
                "evidence": [_ev(r.doc.doc_id, q.start, q.end, value=q.value, approx=q.approx, text=q.text,
                                 published=r.doc.published, story=r.doc.story)
                             for r, q in reports],
            })
        # dates
        dated = [r for r in members if r.mention.date and r.mention.date_precision == "day" and _dates_its_incident(r)]
        seen: set[tuple[str, str]] = set()
        profiles = _profiles(members) if len(dated) > 1 else {}
        for ra, rb in combinations(dated, 2):
            if ra.doc.story == rb.doc.story or ra.mention.date == rb.mention.date:
                continue
            if not _one_incident(profiles[ra.doc.story], profiles[rb.doc.story]):
                continue
            if ra.location and rb.location and ra.location != rb.location:
                continue  # the two dates are given for two places: two of the event's moments, not one
            if not _same_reported_facts(ra, rb):
                continue  # the two dated sentences themselves must tell the same incident
            if rb.mention.date in ra.mention.sentence_days or ra.mention.date in rb.mention.sentence_days:
                continue  # one sentence states both days: the parser chose one, its source may mean the other
            pair = tuple(sorted((ra.mention.date, rb.mention.date)))
            if pair in seen:
                continue
            seen.add(pair)
            sa = (ra.mention.date_start, ra.mention.date_end) if ra.mention.date_start >= 0 else (ra.mention.start, ra.mention.end)
            sb = (rb.mention.date_start, rb.mention.date_end) if rb.mention.date_start >= 0 else (rb.mention.start, rb.mention.end)
            out.append({
                "id": _hid("date", row["id"], *pair),
                "kind": "date", "subject": row["id"],
                "description": f"date of one {row['type']} event{_event_context({**row, 'date': None}, names)}: "
                               f"{ra.mention.date} ({ra.mention.date_text!r}) against {rb.mention.date} ({rb.mention.date_text!r})",
                "evidence": [_ev(ra.doc.doc_id, *sa, value=ra.mention.date), _ev(rb.doc.doc_id, *sb, value=rb.mention.date)],
            })
    return out


def relation_conflicts(relation_rows: list[dict], docs_story: dict[str, str]) -> list[dict]:
    by_triple: dict[tuple[str, str, str], dict[str, dict]] = defaultdict(dict)
    for r in relation_rows:
        by_triple[(r["subject"], r["predicate"], r["object"])][r["polarity"]] = r
    out = []
    for triple, pols in by_triple.items():
        yes, no = pols.get("asserted"), pols.get("negated")
        if not yes or not no:
            continue
        ea, eb = yes["evidence"][0], no["evidence"][0]
        out.append({
            "id": _hid("relation", *triple), "kind": "relation", "subject": yes["id"],
            "description": f"{triple[1]} asserted in one source and denied in another",
            "evidence": [_ev(ea["doc"], ea["start"], ea["end"], polarity="asserted"),
                         _ev(eb["doc"], eb["start"], eb["end"], polarity="negated")],
        })
    return out


def claim_conflicts(docs: Iterable[StoredDoc], entity_of: dict[tuple[str, int], str]) -> list[dict]:
    """Change claims that contradict each other ("changed" against "unchanged" on one topic), in
    one document or about a shared actor. ``docs`` is read once: only the claims are kept."""
    by_topic: dict[str, list[tuple[str, object, set[str]]]] = defaultdict(list)
    for d in docs:
        for c in d.facts.claims:
            actors = {
                entity_of[(d.doc_id, m.entity)]
                for m in d.facts.mentions
                if m.entity >= 0 and (d.doc_id, m.entity) in entity_of
                and c.start - _CLAIM_REACH <= m.start <= c.end + _CLAIM_REACH
            }
            by_topic[c.topic].append((d.doc_id, c, actors))
    out = []
    for topic, items in by_topic.items():
        changed = [x for x in items if x[1].stance == "changed"]
        unchanged = [x for x in items if x[1].stance == "unchanged"]
        for (da, ca, aa), (db, cb, ab) in ((a, b) for a in changed for b in unchanged):
            if da != db and not (aa & ab):
                continue
            out.append({
                "id": _hid("claim", da, ca.start, db, cb.start), "kind": "claim", "subject": topic,
                "description": f"{topic}: {ca.text!r} against {cb.text!r}",
                "evidence": [_ev(da, ca.start, ca.end, stance="changed"),
                             _ev(db, cb.start, cb.end, stance="unchanged")],
            })
    return out
