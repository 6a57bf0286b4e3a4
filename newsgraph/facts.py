"""The per-document facts stage: one parsed document -> entity mentions, local entities, relations,
events and quotes, all with offsets into the cleaned text.

A pure function of (text, spaCy Doc, publication date), so a distributed engine can map it; its
output, ``DocumentFacts``, is small and serialises to JSON for the store, where the cross-document
stages (entity resolution, aggregation, contradictions) read it back.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from newsgraph.extract.claims import ChangeClaim, find_change_claims
from newsgraph.types import EntityMention, EventMention, Quantity, RelationMention

# Bump when the stage's output changes, so stored facts are recomputed on the next run.
# 2: event date_partial/antecedent, quantity scope, division names, speaker roles from attribution
# 4: mentions: headline words and web junk are no names, compound adjectives cut ("X-linked" -> X)
# 7: mentions: an Arabic name with its article ("Al-X") starting a sentence is kept
# 8: mentions: persons of a "reporting by" credit line keep their names
# 9: events: ACLED sub-event type, descriptive actors, fatalities; hypotheticals and boilerplate dropped
# 10: quotes: reports found by the trained attribution tagger; descriptive speakers, local pronouns
# 15: events: an ASSAULT whose ACLED sub-event is an air/drone strike or shelling is FIGHT; event typer retrained
# 51-56: mentions: place lists, parts of a town, glued spans split (issue 14)
# 57: events: a report's source is no side of its incident; subjects shared up verb chains
# 58: events: an incident with no day of its own takes the day its source said it on (marked)
# 59: events: ... only when it sits in what the source says, not in the description of who says it
# 60: mentions: a person's name glued after an organisation or place the document names is split off (issue 14)
# 61: mentions: "X of Y province" is a place and its division; a compound adjective before a listed place goes;
#     a dateline without brackets ("Sahil NVDU") is the place and the agency
# 62: events: "took", "won", "grabbed" with ground as object are FIGHT occupy, as "seized" was; an act attempted
#     ("in a bid to capture") is its attempt's subject's (issue 15)
# 63: events: a described actor beside a named one on the same side is kept (issue 15)
# 64: events: a place read as the area around another ("the X countryside") is marked so (location_area); "the bomb"
#     refers back to the event told with the same noun first; a report set apart ("earlier") continues no incident
# 65: events: "the X area" and "X vicinity" are the area around X too (lexicon.AREA_WORDS, shared with the gazetteer)
# 66: events: a warning that threatens no act and names no reprisal is no THREATEN (issue 15)
# 67: events: the other party of an act ("between X and Y", "X and Y agreed", "sent ... to X", "seized ... from X") is its target
# 68: events: what a noun's "to" says is yet to be done ("sites to be visited", "calls to fight") is a plan
# 69: events: a past form hung on a noun with an object of its own is an active clause; an act in an actor's slot is no descriptive actor
# 70: events: victims from "claimed the lives of X" and "N people, mostly X"
# 71: events: an object phrase ending the sentence with a word of reporting is the source, not a target
# 72: events: "of" opens a phrase also when the parser hung it on a name's "al-"
# 73: events: a pronoun subject of what a speaker says is the speaker when they agree ("X said it shelled")
# 74: events: a denial of a state of affairs ("denied the air force was active") is no REJECT
# 75: events: an event told only by participles that describe a noun ("the battered district") is none
# 76: events: a toll over a bare plural incident noun in a recent span ("during the past 24 hours") is no incident
# 77: events: an event noun that is the topic ("about") of a noun that is no trigger is no new incident
# 78: merged with this stop's other event, date and count rules (incident dates, shared tolls, coordinated counts)
# 79-86: this stop's mention, name and event rules (lower-case article names, sentence days,
# initials, plural heads, nisba endings, country pairs; anchored events, publication, content clauses)
# 87: merged with the event-precision rules of h15b
# 88-96: this stop's mention rules (an office before a name, the article before an Arabic name, dates,
# directions, Arabic place words, listed provinces, an international body's organs)
# 97: merged with the event rules of h15c (accusation targets, present relative clauses, aimed ground)
# 98: a dateline whose comma a feed dropped is a place
FACTS_VERSION = "105"


@dataclass(slots=True)
class LocalEntityFacts:
    name: str
    type: str
    subtype: str | None
    names: list[str]
    titles: list[str]
    mentions: int
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class QuoteFacts:
    start: int
    end: int
    text: str
    kind: str
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_role: str | None
    cue_start: int | None
    cue_end: int | None
    how: str | None
    entity: int  # document-local speaker, -1 unknown
    attributed_by: str  # name | role | anaphor | pronoun | descriptive | none


@dataclass(slots=True)
class Position:
    """An approximate position stated in the text: 'some 30 kilometers south of Mosul'."""

    entity: int  # the place being positioned (local entity)
    anchor: str  # the place it is measured from, as written
    distance_km: float | None
    bearing: float | None
    start: int
    end: int


@dataclass(slots=True)
class DocumentFacts:
    mentions: list[EntityMention] = field(default_factory=list)
    entities: list[LocalEntityFacts] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    quotes: list[QuoteFacts] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    claims: list[ChangeClaim] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # a sub-stage that failed on this document

    def to_json(self) -> str:
        return json.dumps(_plain(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, skip: frozenset[str] = frozenset()) -> DocumentFacts:
        """``skip`` names fields the caller does not need (the cross-document stages never read
        quotes): they are left empty, which saves their memory on a large corpus."""
        data: dict[str, Any] = json.loads(text)
        for name in skip:
            data.pop(name, None)
        events = []
        for e in data.get("events", []):
            _intern(e, _EVENT_LABELS)
            e["actors"] = tuple(tuple(a) for a in e.get("actors", ()))
            e["actor_terms"] = tuple(tuple(a) for a in e.get("actor_terms", ()))
            e["sentence_days"] = tuple(e.get("sentence_days", ()))
            e["quantities"] = tuple(Quantity(**_intern(q, ("kind", "scope"))) for q in e.get("quantities", ()))
            events.append(EventMention(**e))
        return cls(
            mentions=[EntityMention(**_intern(m, ("type", "subtype", "origin"))) for m in data.get("mentions", [])],
            entities=[LocalEntityFacts(**{**_intern(e, ("type", "subtype")), "links": [tuple(x) for x in e.get("links", [])]})
                      for e in data.get("entities", [])],
            relations=[RelationMention(**r) for r in data.get("relations", [])],
            events=events,
            quotes=[QuoteFacts(**q) for q in data.get("quotes", [])],
            positions=[Position(**p) for p in data.get("positions", [])],
            claims=[ChangeClaim(**c) for c in data.get("claims", [])],
            problems=list(data.get("problems", [])),
        )


# Labels from small vocabularies, repeated in every document: one string object each, not one per
# mention (a third of the memory that a corpus's facts take while the cross-document stages run).
_EVENT_LABELS = ("type", "acled_type", "mode", "trigger", "date_precision", "date_method", "polarity",
                 "sub_event_type")


def _intern(d: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    for k in keys:
        v = d.get(k)
        if type(v) is str:
            d[k] = sys.intern(v)
    return d


_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _plain(x):
    """``dataclasses.asdict`` for JSON, without its deep copies (a tenth of the facts stage's time):
    dataclasses -> dicts in field order, lists and tuples -> lists, dicts -> dicts."""
    t = type(x)
    if t in _ATOMS:
        return x
    if t is list or t is tuple:
        return [_plain(v) for v in x]
    if t is dict:
        return {_plain(k): _plain(v) for k, v in x.items()}
    names = _FIELDS.get(t)
    if names is None:
        if not is_dataclass(x) or isinstance(x, type):
            return copy.deepcopy(x)  # what asdict does with anything else
        names = _FIELDS[t] = tuple(f.name for f in fields(x))
    return {n: _plain(getattr(x, n)) for n in names}


def _stage(facts: DocumentFacts, name: str, fn, *args, default=None):
    """Run one sub-stage; a crash in it costs this document that kind of fact, not the run."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - reported per document, the run goes on
        facts.problems.append(f"{name}: {type(exc).__name__}: {exc}")
        return default


def _component(facts: DocumentFacts, module: str, name: str, fallback):
    """A stage function, or ``fallback`` with a problem noted when its module cannot be imported."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        facts.problems.append(f"{module}.{name} unavailable: {exc}")
        return fallback


def _positions(text: str, mentions: list[EntityMention]) -> list[Position]:
    out: list[Position] = []
    try:
        from newsgraph.kb.position import find_relative_positions as finder
    except ImportError:
        return out
    for span, rel in finder(text):
        lo, hi = span
        for m in mentions:
            if m.type == "LOC" and m.entity >= 0 and m.start < hi and m.end > lo:
                start, end = rel.span
                out.append(Position(m.entity, rel.anchor, rel.distance_km, rel.bearing_deg, start, end))
                break
    return out


def extract_facts(text: str, doc, published: date | None) -> DocumentFacts:
    """All per-document facts of one cleaned text and its spaCy Doc (``doc`` may be None)."""
    from newsgraph.extract import speakers
    from newsgraph.extract.quotes import find_quotes

    facts = DocumentFacts()
    find_mentions = _component(facts, "newsgraph.entities.mentions", "find_mentions", lambda text, doc: [])
    link_mentions = _component(facts, "newsgraph.entities.local", "link_mentions", lambda text, ms: (ms, []))
    mentions = _stage(facts, "mentions", find_mentions, text, doc, default=[])
    linked = _stage(facts, "entities", link_mentions, text, mentions, default=(mentions, []))
    mentions, local = linked
    facts.mentions = mentions
    facts.entities = [
        LocalEntityFacts(e.name, e.type, e.subtype, list(e.names), list(e.titles), len(e.mentions),
                         [tuple(x) for x in getattr(e, "links", [])])
        for e in local
    ]
    if doc is not None:
        find_events = _component(facts, "newsgraph.extract.events", "find_events", lambda *a: [])
        find_relations = _component(facts, "newsgraph.extract.relations", "find_relations", lambda *a: [])
        facts.relations = _stage(facts, "relations", find_relations, doc, mentions, default=[])
        facts.events = _stage(facts, "events", find_events, doc, mentions, published, default=[])
    quotes = _stage(facts, "quotes", find_quotes, text, default=[])
    if doc is not None:
        attribute_quotes = _component(facts, "newsgraph.extract.attribution", "attribute_quotes",
                                      lambda text, doc, quotes: quotes)
        quotes = _stage(facts, "attribution", attribute_quotes, text, doc, quotes, default=quotes)
    attributions = _stage(facts, "speakers", speakers.attribute, text, quotes, mentions,
                          [[e.name, *e.names] for e in facts.entities],
                          default=[speakers.Attribution(-1, "none")] * len(quotes))
    facts.quotes = [
        QuoteFacts(q.start, q.end, q.text, q.kind, q.speaker_text, q.speaker_start, q.speaker_end,
                   q.speaker_role or a.role, q.cue_start, q.cue_end, q.how, a.entity, a.how)
        for q, a in zip(quotes, attributions)
    ]
    facts.positions = _stage(facts, "positions", _positions, text, mentions, default=[])
    facts.claims = _stage(facts, "claims", find_change_claims, text, default=[])
    return facts
