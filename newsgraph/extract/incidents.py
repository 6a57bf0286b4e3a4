"""One incident told over several sentences of an article: its mentions share place, date and actors.

Reports tell an incident in steps: a headline and a lead that say "in northern Norland", a second
sentence that names the town, a third that says who fired; "the attack" or "the strikes" a few lines
on. Each sentence is read on its own (events.py), so a mention often lacks the place or the attacker
another sentence of the same incident gives. Here the mentions of one incident are found and a
mention with no place, or only its country, takes the most specific place of the incident, a mention
with no date the incident's, and a mention with no attacker (no target) takes the incident's, each
with how it was obtained.

Two mentions are one incident when
* the later refers back to the earlier with a definite noun ("the attack", events._link_anaphors), or
* both are violent, the later's sentence is the next one that reports an event, and nothing sets it
  apart: no additive or separating word ("also", "meanwhile", "separately", "elsewhere", "another"),
  no date, place or attacker of its own that disagrees with the incident's.

Places are compared as written: the same place, a country against anything inside it, or two places
one of whose sentences names the other ("Kafr Sahil in Velmora province") agree; two different
places otherwise do not, as no gazetteer is consulted at this stage.

Separately, "the town", "the city", "the district" stand for a place named before
(``place_named_before``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsgraph.extract.event_lexicon import SPEECH_ACTS, VIOLENT
from newsgraph.extract.place_reference import located_place
from newsgraph.types import EntityMention, EventMention

__all__ = ["PlaceRead", "share_incident_arguments", "place_named_before", "INCIDENT_METHOD", "NAMED_BEFORE_METHOD"]

INCIDENT_METHOD = "carried-by-incident"  # the place or actors of another mention of the same incident
NAMED_BEFORE_METHOD = "named-before"  # "the town": the last place named before

# a sentence that adds another incident, or moves to another one
_SEPARATING = re.compile(r"\b(?:also|meanwhile|separately|separate|another|elsewhere|in other news|in addition|"
                         r"likewise|further|earlier|previously|similar)\b", re.I)
# verbal acts are placed where they were said, not where their content happened (events._SAID_ACTS)
_SAID_ACTS = SPEECH_ACTS - {"AGREE"}


@dataclass(frozen=True, slots=True)
class PlaceRead:
    """The place a mention's sentence gave it: the mention's offsets, its kind's rank (lower is more
    specific: facility, settlement, region, country) and whether it is a country."""

    start: int
    end: int
    rank: int
    country: bool


def _sides(ev: EventMention) -> tuple[set, set]:
    """Who acted and who was acted on, as entity ids and lower-cased descriptions."""
    acts = {("e", e) for e, r in ev.actors if r == "actor"} | {("t", t[0].lower()) for t in ev.actor_terms if t[1] == "actor"}
    tgts = {("e", e) for e, r in ev.actors if r == "target"} | {("t", t[0].lower()) for t in ev.actor_terms if t[1] == "target"}
    return acts, tgts


def _actors_agree(a: EventMention, b: EventMention) -> bool:
    """Both name attackers and share no party at all: two incidents ("rebels shelled ... government
    jets bombed ...")."""
    a_act, a_tgt = _sides(a)
    b_act, b_tgt = _sides(b)
    if not (a_act and b_act):
        return True
    return bool((a_act | a_tgt) & (b_act | b_tgt))


class _Incidents:
    """Union-find over mentions; each incident holds the specific places its mentions read, as
    (entity, sentence) pairs, and the dates they state."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.places: dict[int, set[tuple[int, int]]] = {}
        self.dates: dict[int, set[str]] = {}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.places[ra] = self.places.get(ra, set()) | self.places.pop(rb, set())
            self.dates[ra] = self.dates.get(ra, set()) | self.dates.pop(rb, set())

    def agree(self, a: int, b: int, named_in: dict[int, set[int]], published: date | None) -> bool:
        """The two incidents' places agree (the same place, or one named in the sentence the other was
        read in: "Kafr Sahil in Velmora") and so do their dates (one a prefix of the other); an
        incident no mention dates is one of the report's days, which a date weeks before it is not
        ("last month witnessed heavy clashes")."""
        ra, rb = self.find(a), self.find(b)
        for pa, sa in self.places.get(ra, ()):
            for pb, sb in self.places.get(rb, ()):
                if pa != pb and not (pb in named_in.get(sa, ()) or pa in named_in.get(sb, ())):
                    return False
        da, db = self.dates.get(ra, set()), self.dates.get(rb, set())
        if published is not None and bool(da) != bool(db):
            return all(_recent(d, published) for d in da | db)
        return all(x.startswith(y) or y.startswith(x) for x in da for y in db)


def _recent(value: str, published: date) -> bool:
    """A stated date (day, month or year) that can be one of the days a report tells about."""
    if len(value) == 10:
        try:
            return 0 <= (published - date.fromisoformat(value)).days <= _RECENT_DAYS
        except ValueError:
            return True
    recent = {published.isoformat()[:len(value)], (published - timedelta(days=_RECENT_DAYS)).isoformat()[:len(value)]}
    return value in recent


_LEAD_SENTENCES = 2  # a headline and the lead sentence (the first two that report events) summarise the incident the next sentences detail
_RECENT_DAYS = 7  # an undated mention is of the week before its report
_MAX_GAP = 3  # sentences between a mention and the one it continues, when nothing refers back


def share_incident_arguments(events: list[EventMention], reads: list[PlaceRead | None], text: str,
                             mentions: list[EntityMention], sentences: list[tuple[int, int]],
                             published: date | None = None) -> None:
    """Fill, in place, the missing place, date and actors of each mention from the other mentions of its
    incident. ``reads[k]`` is where event ``k``'s own place was read (None when it has none), updated
    as places are carried; ``mentions`` the document's entity mentions; ``sentences`` the (start, end)
    of each sentence; ``published`` the report's date.

    A mention takes what it lacks from the mention it continues; the mention continued takes back
    from it only when the link is strong: a definite reference ("the attack"), the same stated day,
    or a headline or lead sentence, which tells in short what the next sentences detail."""
    if len(events) < 2 or not sentences:
        return
    starts = [s for s, _ in sentences]

    def sentence_at(pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    # which local place entities each sentence names (to see "X in Y" containment)
    named_in: dict[int, set[int]] = {}
    for m in mentions:
        if m.type == "LOC" and m.entity >= 0:
            named_in.setdefault(sentence_at(m.start), set()).add(m.entity)
    sent_index = [sentence_at(ev.start) for ev in events]
    inc = _Incidents(len(events))
    for k, ev in enumerate(events):
        read = reads[k]
        if read is not None and not read.country and ev.location >= 0:
            inc.places[k] = {(ev.location, sent_index[k])}
        if ev.date:
            inc.dates[k] = {ev.date}
    lead = set(sorted(set(sent_index))[:_LEAD_SENTENCES])  # the headline and lead: the first sentences with events
    links: list[tuple[int, int, bool]] = []  # (mention continued, mention continuing it, strong)
    linked_sentences: set[int] = set()
    for k, ev in enumerate(events):
        partner, strong = None, False
        if 0 <= ev.antecedent < k and sent_index[ev.antecedent] < sent_index[k]:
            partner, strong = ev.antecedent, True
        elif ev.type in VIOLENT and sent_index[k] not in linked_sentences \
                and not _SEPARATING.search(text, ev.start, ev.end):
            earlier = [j for j in range(k) if sent_index[j] < sent_index[k]]
            if earlier and sent_index[earlier[-1]] >= sent_index[k] - _MAX_GAP:
                last = sent_index[earlier[-1]]
                for j in earlier:
                    # a sentence that sets its own report apart ("troops had executed 48 people
                    # earlier this week") is continued by no later one either
                    if sent_index[j] == last and events[j].type == ev.type and _actors_agree(events[j], ev) \
                            and not _SEPARATING.search(text, events[j].start, events[j].end):
                        partner = j
                        strong = sent_index[j] in lead or bool(
                            ev.date and ev.date == events[j].date and ev.date_precision == "day")
                        break
        if partner is None or inc.find(k) == inc.find(partner) or not inc.agree(k, partner, named_in, published):
            continue
        inc.join(partner, k)
        links.append((partner, k, strong))
        linked_sentences.add(sent_index[k])  # one continuation per sentence: its other mentions are others
    for p, k, _ in links:
        _take(events, reads, k, p)
    for p, k, strong in reversed(links):
        if strong:
            _take(events, reads, p, k)
    for p, k, _ in links:  # what the lead took back reaches the rest of the incident
        _take(events, reads, k, p)


def _take(events: list[EventMention], reads: list[PlaceRead | None], k: int, j: int) -> None:
    """Mention ``k`` takes from mention ``j`` the place it lacks (none, or only its country), the date
    it lacks and the attacker and target it lacks."""
    ev, donor = events[k], events[j]
    read, given = reads[k], reads[j]
    if ev.type not in _SAID_ACTS and (read is None or read.country) and given is not None and not given.country \
            and donor.location >= 0:
        ev = replace(ev, location=donor.location, location_method=INCIDENT_METHOD,
                     location_start=given.start, location_end=given.end)
        reads[k] = given
    if ev.date is None and donor.date is not None and not ev.date_partial:
        # the incident's day is each of its mentions' ("a shell hit the school's gate", after "rockets
        # fired at the town on Tuesday killed nine"): the donor's expression is the evidence
        ev = replace(ev, date=donor.date, date_precision=donor.date_precision, date_method=INCIDENT_METHOD,
                     date_text=donor.date_text, date_start=donor.date_start, date_end=donor.date_end)
    acts, tgts = _sides(ev)
    taken_actors: list[tuple[int, str]] = []
    taken_terms: list[tuple[str, str, int | None]] = []
    for role, have in (("actor", acts), ("target", tgts)):
        if have:
            continue
        # a party this mention already has, or has just taken, on the other side is not taken again
        known = acts | tgts | {("e", e) for e, _ in taken_actors} | {("t", t[0].lower()) for t in taken_terms}
        taken_actors += [(e, r) for e, r in donor.actors if r == role and ("e", e) not in known]
        taken_terms += [t for t in donor.actor_terms if t[1] == role and ("t", t[0].lower()) not in known]
    if taken_actors or taken_terms:
        ev = replace(ev, actors=tuple(ev.actors) + tuple(taken_actors),
                     actor_terms=tuple(ev.actor_terms) + tuple(taken_terms),
                     actors_method=INCIDENT_METHOD, actors_source=j if ev.actors_source < 0 else ev.actors_source)
    events[k] = ev


# -- "the town", "the city" -------------------------------------------------------------------------

_PLACE_NOUNS = frozenset("town city village district neighbourhood neighborhood suburb camp".split())
# "the nearby town", "the neighbouring village": another place than the one just named
_OTHER_PLACE = frozenset("nearby neighbouring neighboring other next adjacent adjoining surrounding".split())


def place_named_before(sent, mentions: list[EntityMention], is_place, text: str) -> tuple[EntityMention, object] | None:
    """A bare definite place noun in ``sent`` ("inside the town", "the same neighbourhood was shelled",
    "in the east of the city") and the last place named before it in ``text``, the document's text:
    (that mention, the noun's token), or None. A noun with its own name ("the town of X", "X city") is
    not bare. The text is passed in because spaCy's ``doc.text`` joins all the tokens on each access."""
    for tok in sent:
        if tok.lower_ not in _PLACE_NOUNS or tok.pos_ != "NOUN":
            continue
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids):
            continue
        if any(c.dep_ in ("compound", "flat", "flat:name", "nmod", "appos", "nummod", "nmod:poss")
               or (c.dep_ == "amod" and (c.lower_ in _OTHER_PLACE or c.ent_type_ or c.tag_ == "NNP")) for c in kids):
            continue
        if tok.dep_ in ("compound", "appos") or any(m.start <= tok.idx < m.end for m in mentions):
            continue
        # "Tehran's network": a place in the possessive acts as its state, it is no setting
        # "X west of Y": Y only says where X lies, it is not the place the text went on about
        before = [m for m in mentions if m.end <= tok.idx and m.entity >= 0 and is_place(m)
                  and not re.match(r"['’]s?\b", text[m.end:m.end + 2]) and located_place(m, mentions, text) is None]
        if not before:
            continue
        # "the border town of X", "X city": the place the text itself called a town (a city) before
        noun = tok.lower_
        called = [m for m in before if re.search(rf"\b{noun}\s+of\s+$", text[max(0, m.start - 20):m.start], re.I)
                  or re.match(rf"\s+{noun}\b", text[m.end:m.end + len(noun) + 2], re.I)
                  or re.search(rf"\b{noun}\b", text[m.start:m.end], re.I)]
        return max(called or before, key=lambda m: m.start), tok
    return None
