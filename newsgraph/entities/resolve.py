"""Cross-document entity resolution: document-local entities -> one entity per real-world actor.

Input is the compact output of the per-document stage: for each document, its local entities (the
within-document linker has already joined "Karim al-Tarmi", "Tarmi" and "the Dawn chief" there).
Resolution joins local entities of different documents:

1. **Blocking** (``names.blocking``): every distinct name gets a few keys (skeletons of its first
   and last token, acronym letters), so only names that could match are compared: O(n log n).
2. **Name evidence**: two local entities of the same type are candidates when they share a name
   (after normalisation) or when two of their names match under transliteration-aware comparison
   (``names.normalize``). A PERSON name of one token is never enough across documents.
3. **Cannot-link**: two local entities of one document are two actors (the linker kept them
   apart), so a merge that would put two entities of one document into one cluster is refused.
   This is what keeps "Hadi Salman" and "Hadi al-Wadi" apart when a third document only
   says "Hadi", and stops chains of near-matches from gluing different people together.
4. **Unique head names**: a lone surname ("Tarmi") or the first word of an organisation's name
   ("Dawn") joins the one cluster in the corpus that it can belong to, and nothing when two could.
5. **Acronyms and short forms**: an acronym that no document spells out joins the one cluster that
   a document defines it for ("Harbour Institute (HI)") or, for three letters or more, the one
   cluster whose name it spells by the initials of its words; when several do, the one the corpus
   reports far more than the rest (``DOMINANCE_RATIO``), else none, with the candidates noted. An organisation's name of two words
   or more joins the one cluster whose name contains it, up to a plural, generic kind words after
   it ("... Corps", "... group") and one descriptive word before it ("Islamic"), but not a country,
   a demonym or "Free", which make another organisation ("Norwegian X Forces" is not "X Forces").
6. **Divisions and towns**: "Wadi Tal province" (or "Wadi Tal" in "Sahil and Wadi Tal provinces") is a
   place of its own, never the town it is named after, so it is matched under its division name
   only. A bare name ("Sahil") joins the one division named after it when nothing says it is a
   town: no document calls it one and the gazetteer, when given, does not know it as one. The
   document linker left such bare names apart from the division undecided, so this join may join
   two entities of one document: only those two.
7. **User overrides** (``merge``/``split``; ``rename``/``retype`` act on the entities afterwards,
   ``entities.corrections``) are applied last, in the order they were made, so they survive every
   later run.

Before any join, the corpus is read for evidence on the names themselves (``_fold_possessives``,
``_trim_glued_names``, ``_vote_types``): a name with a stripped possessive ("Tarmis") is the name
the corpus uses without it; a neighbouring country, place, acronym or title glued to an
established name ("Norway Karim al-Tarmi") is trimmed off; every name takes the type its
records vote for, their own evidence (titles, head words, country names) counted more, so the
model's one-off "Karim al-Tarmi" ORG joins the person.

Joins need evidence in proportion to what they merge:

* a short name that fits several actors joins the one the corpus reports far more than all the
  others together (``DOMINANCE_RATIO``), and otherwise stays apart with the candidates recorded
  (``kept_apart`` in the entity's meta, shown by ``newsgraph show``);
* two stories that name two clusters as one ("X, formerly known as Y") outweigh one document that
  listed them apart; a document's keeping two records apart counts only where its linker could
  have joined them (not a person and a place the model typed so);
* after joining, each cluster is checked for coherence (``_cut_weak_links``): its names form a
  graph whose edges are the records that carry two names, supported by their independent stories,
  and the name comparisons the resolver made. A link carried by one story only between two parts
  that are each established (``HUB_STORIES``), or between names whose records disagree on the
  type, is cut, so one sentence cannot glue a country to an armed group;
* the display name is the full form most independent stories use (``_canonical``), never a
  one-off headline fragment.

Every join records its reasons, for ``newsgraph why-same``. Entity ids are derived from the type
and the canonical name, so they stay stable across runs while the corpus grows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import time
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from typing import Any, Callable

import numpy as np

from newsgraph.names.normalize import _norm_word  # the form in which the token comparison sees a word

from newsgraph.entities.corrections import Override, apply_to_clusters  # user decisions
from newsgraph.entities.demonyms import country_name, demonym_target
from newsgraph.entities.lexicon import (
    ADMIN_DIVISIONS,
    ARABIC_HEAD_MEANINGS,
    ARABIC_NAME_WORD_MEANINGS,
    ARABIC_GROUP_HEADS,
    BODY_KIND_WORDS,
    BROADCAST_KIND_WORDS,
    COMPOUND_ADJECTIVE,
    DATE_WORDS,
    DIRECTION_ADJECTIVES,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    LEADING_GROUP_WORDS,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    AREA_WORDS,
    NAME_PARTICLES,
    PLACE_MODIFIERS,
    PLACE_PREFIXES_OF,
    PLACE_SUFFIXES,
    COMPASS_OF,
    admin_division,
    body_prefix_length,
    countryside_of,
)
from newsgraph.names.acronyms import acronym_keys, acronym_letters, acronym_match, is_acronym
from newsgraph.names.blocking import link_by_name, match_names
from newsgraph.names.junk import is_common_word
from newsgraph.names.titles import HONORIFICS, ROLES
from functools import lru_cache

from newsgraph.names.normalize import (
    MATCH_THRESHOLD,
    fold,
    head_last,
    name_key,
    names_match,
    parse_name,
    token_similarity,
    token_sort_key,
    variant_key,
)

# Kinds of place that never share a name with each other by accident of spelling: a province and its
# capital, a country and a city.
_PLACE_KINDS = frozenset({"settlement", "region", "country"})

# Words that start many organisation names and so identify none of them on their own (and any
# demonym: ``_generic_head``).
_GENERIC_ORG_HEADS = frozenset(
    "islamic national popular united democratic people peoples people's arab free new "
    "supreme central general federal state special republican revolutionary international "
    "higher high joint first second third army forces force party front movement council".split()
)


def _generic_head(word: str) -> bool:
    return word in _GENERIC_ORG_HEADS or demonym_target(word.capitalize()) is not None


def _find(parent: list[int], x: int) -> int:
    """The root of ``x`` in a union-find forest, halving the path on the way."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


@dataclass(slots=True)
class LocalRecord:
    """One document-local entity, as the resolver sees it."""

    doc_id: str
    idx: int
    story_id: str | None
    name: str
    type: str
    subtype: str | None = None
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: int = 1
    retyped_from: str | None = None  # the model's type, when the corpus vote changed it

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.idx)


@dataclass(slots=True)
class ResolvedEntity:
    id: str
    name: str
    type: str
    subtype: str | None
    members: list[tuple[str, int]]  # (doc id, local index)
    aliases: Counter  # surface name -> number of local entities that use it
    documents: int
    stories: int
    titles: list[str]
    joins: list[tuple[str, str, list[str]]]  # (name a, name b, reasons) of every union inside it
    alias_kinds: dict[str, tuple[str, int]] = field(default_factory=dict)  # alias -> (kind, count)
    meta: dict = field(default_factory=dict)  # gazetteer link, coordinates, codes


class _PerCluster:
    """One value per cluster of the union-find, held only for the clusters that were joined or
    read: a record never touched has the value ``make(i)`` gives (a lone record's own state, or
    nothing once it has joined another), so a corpus of a million records does not hold a million
    dicts, sets and lists at once."""

    __slots__ = ("make", "values")

    def __init__(self, make: Callable[[int], Any]):
        self.make, self.values = make, {}

    def __getitem__(self, i: int):
        v = self.values.get(i)
        if v is None:
            v = self.values[i] = self.make(i)
        return v

    def peek(self, i: int):
        """The value, for reading only: a lone record's state is made, not kept."""
        v = self.values.get(i)
        return self.make(i) if v is None else v

    def __setitem__(self, i: int, value) -> None:
        self.values[i] = value

    def drop(self, i: int) -> None:
        self.values.pop(i, None)


class _Clusters:
    """Union-find over local records that tracks each cluster's documents (for cannot-link)."""

    def __init__(self, records: list[LocalRecord]):
        self.records = records
        # 8 bytes a record: a list of ints held an int object for each (some 36 bytes)
        self.parent = array("q", range(len(records)))
        lone = self._lone
        self.docs: _PerCluster = _PerCluster(lambda i: {records[i].doc_id: [i]} if lone(i) else {})  # doc -> members
        # a town and the province named after it are two places: LOC kinds must agree
        # (a country is a country whatever one sentence made of it: "the Norway region")
        self.kinds: _PerCluster = _PerCluster(
            lambda i: Counter({records[i].subtype: 1}) if lone(i) and records[i].type == "LOC"
            and records[i].subtype in _PLACE_KINDS and not country_name(records[i].name) else Counter())
        self.joins: _PerCluster = _PerCluster(lambda i: [])  # (name a, name b, reasons) of each union
        self.stories: _PerCluster = _PerCluster(lambda i: {records[i].story_id or records[i].doc_id} if lone(i) else set())
        self.linker_family = ["PERSON" if (r.retyped_from or r.type) == "PERSON" else "ORGLOC" for r in records]
        # a record that only describes a place by its part ("the Old City"): 1 byte a record
        self.generic = bytearray(r.type == "LOC" and all(generic_place_name(n) for n in _record_names(r)) for r in records)
        self.notes: _PerCluster = _PerCluster(lambda i: [])  # why a join was refused, for the user
        # record -> a name of it that the coherence check put in another part -> a record of that part
        self.moved_names: dict[int, dict[str, int]] = {}

    def find(self, x: int) -> int:
        return _find(self.parent, x)

    def _lone(self, i: int) -> bool:
        """A root without kept state has never been joined: it holds its own record only."""
        return self.parent[i] == i

    def conflict(self, ra: int, rb: int) -> bool:
        if self.generic[ra] or self.generic[rb]:
            return True  # "the Old City" of one report is no other report's: a part of the town it names
        for d in self.shared_docs(ra, rb):
            # the document linker kept two records apart: evidence that they are two actors,
            # unless it did so only because the model gave them types it never joins, or because
            # the document spells one name two ways that only the corpus matcher knows as one
            if any(self.linker_family[x] == self.linker_family[y] and not self._spelling_variants(x, y)
                   for x in self.docs.peek(ra)[d] for y in self.docs.peek(rb)[d]):
                return True
        ka, kb = self.kinds.peek(ra), self.kinds.peek(rb)
        return bool(ka and kb and not (ka.keys() & kb.keys()))

    def _spelling_variants(self, x: int, y: int) -> bool:
        a, b = self.records[x], self.records[y]
        if a.type != b.type or _key(a.name) == _key(b.name) or a.subtype and b.subtype and a.subtype != b.subtype:
            return False
        return link_by_name(a.name, b.name, a.type)[0]

    def shared_docs(self, ra: int, rb: int) -> list[str]:
        small, large = sorted((self.docs.peek(ra), self.docs.peek(rb)), key=len)
        return [d for d in small if d in large]

    def in_shared_docs(self, ra: int, rb: int) -> tuple[list[int], list[int]]:
        """Members of each cluster in the documents both name."""
        shared = self.shared_docs(ra, rb)
        return [i for d in shared for i in self.docs.peek(ra)[d]], [i for d in shared for i in self.docs.peek(rb)[d]]

    def join(self, a: int, b: int, why: tuple[str, str, list[str]], force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and self.conflict(ra, rb):
            return False
        if len(self.docs[ra]) < len(self.docs[rb]):
            ra, rb = rb, ra
        docs, joins, stories = self.docs[ra], self.joins[ra], self.stories[ra]
        for doc, members in self.docs.peek(rb).items():
            docs.setdefault(doc, []).extend(members)
        # kinds and notes only kept where there are some: a root's own state is what it reads as
        if kinds := self.kinds.peek(rb):
            self.kinds[ra] += kinds
        joins.extend(self.joins.peek(rb))
        joins.append(why)
        stories |= self.stories.peek(rb)
        if notes := self.notes.peek(rb):
            self.notes[ra].extend(notes)
        self.parent[rb] = ra
        for per_cluster in (self.docs, self.kinds, self.joins, self.stories, self.notes):
            per_cluster.drop(rb)  # rb is no cluster any more: nothing of it is read again
        return True

    def note(self, x: int, text: str) -> None:
        notes = self.notes[self.find(x)]
        if text not in notes:
            notes.append(text)

    def forget_all_but_reasons(self) -> None:
        """Let go of what deciding the joins needed (each cluster's documents, stories and kinds of
        place, the linker's families: some 150 MB for a million records) once no more joins are
        made: the entities are built from the union-find and the joins' reasons and notes alone."""
        self.docs = self.stories = self.kinds = self.linker_family = None


def _family(typ: str) -> str:
    return {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"}.get(typ, typ)


def _single_token_person(name: str) -> bool:
    return len(_parse(name).tokens) < 2


def _record_names(r: LocalRecord) -> list[str]:
    return list(_names_of(r.name, tuple(r.names), r.type == "PERSON"))


@lru_cache(maxsize=1 << 17)
def _names_of(name: str, names: tuple[str, ...], person: bool) -> tuple[str, ...]:
    return tuple(n for n in dict.fromkeys([name, *names]) if n and _parse(n, person).tokens)


_DIVISION_LEVELS = frozenset(level for level in ADMIN_DIVISIONS.values() if level)


def _parse(name: str, strip_title: bool = True):
    """``parse_name`` (memoised there, one entry per name and reading: a second memo here kept
    262,144 more entries of the same parsed names)."""
    return parse_name(name, strip_title)


@lru_cache(maxsize=1 << 18)
def _key(name: str) -> str:
    """The key under which two spellings count as one form of a name: strict (``variant_key``:
    particles, case, doubled letters), never the blocking skeleton, which "Dair" and "Dara" share."""
    return variant_key(name) or fold(name).strip()


# -- corpus evidence on names and types, before any join ------------------------------------------


def _possessive_stem(name: str) -> str | None:
    """ "Karim al-Tarmis" -> "Karim al-Tarmi": the name without an -s that may be a possessive
    whose apostrophe the source stripped. Only a candidate: the corpus decides (``_fold_possessives``)."""
    words = name.split()
    last = words[-1] if words else ""
    if re.fullmatch(r"[A-Z]{2,}s", last):  # "NVDUs fighters": an acronym's possessive
        return name.rstrip()[:-1]
    if len(last) < 4 or not last.endswith("s") or last.endswith("ss"):
        return None
    if not any(c.isupper() for c in last) and len(words) < 2:
        return None  # a lone lower-case word is a plural, not a name
    return name.rstrip()[:-1]


def _inner_possessor(name: str, typ: str, uses: Counter) -> str | None:
    """ "Karim al-Tarmis Alawite" -> "Karim al-Tarmi": a person's name the corpus establishes
    (``HUB_STORIES`` uses, three times the whole span's), written with a possessive whose
    apostrophe was stripped, and the words of what he owns after it, which are no name the corpus
    uses. Persons only: what a place or an organisation owns is often an actor of its own
    ("Norways Velmora", "Dawn Fronts al-Fajr TV"), and "Tarmis Air Force" is the air force."""
    words = name.split()
    for k in range(len(words) - 2, -1, -1):
        if any(uses[(t, _key(" ".join(words[k + 1:j])))] for t in ("PERSON", "ORG", "LOC") for j in range(k + 2, len(words) + 1)):
            continue  # "Norways Velmora Sahil": what follows begins a name
        w = words[k]
        if len(w) < 4 or not w.endswith("s") or w.endswith("ss") or not w.rsplit("-", 1)[-1][:1].isupper():
            continue
        stem = " ".join(words[:k] + [w[:-1]])
        n = uses[(typ, _key(stem))]
        if n >= HUB_STORIES and n > 3 * uses[(typ, _key(name))]:
            return stem
    return None


def _fold_possessives(records: list[LocalRecord]) -> list[LocalRecord]:
    """Names written with a stripped possessive ("Tarmis", "Norways") are the name without the -s
    when the corpus uses that name, with the same type, more often (and twice at least): a corpus
    property, not a spelling rule ("Qamas" stays when the corpus does not name "Qama" as an
    organisation). The model often takes such a lone word for a person ("Norways said"): a lone
    untitled person word folds into a place or organisation the corpus establishes, whose type the
    vote then gives it."""
    uses: Counter = Counter()
    stories: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for n in _record_names(r):
            uses[(r.type, _key(n))] += 1
            if r.type != "PERSON":
                stories[_key(n)].add(r.story_id or r.doc_id)
            div = admin_division(n) if r.type == "LOC" else None
            if div and _key(div[0]) != _key(n):  # "X province" is a use of the place name X too
                uses[(r.type, _key(div[0]))] += 1
    changed: list[LocalRecord] = []
    for r in records:
        mapping = {}
        for n in _record_names(r):
            stem = _possessive_stem(n)
            div = admin_division(n) if r.type == "LOC" and stem is None else None
            base_stem = _possessive_stem(div[0]) if div else None
            if base_stem:  # "Norways countryside": the division of the place the corpus names
                key = (r.type, _key(base_stem))
                if uses[key] >= 2 and uses[key] > uses[(r.type, _key(div[0]))]:
                    mapping[n] = f"{base_stem} {n.rsplit(None, 1)[-1]}"
                continue
            if stem is None and r.type == "PERSON":
                inner = _inner_possessor(n, r.type, uses)
                if inner:  # "Karim al-Tarmis Alawite": the person's possessive, then what is his
                    mapping[n] = inner
                continue
            if stem is None:
                continue
            key = (r.type, _key(stem))
            # a lower-case last word ("the Norlandic armys advance") may be a plural: only a far
            # more used singular name makes it a possessive
            floor = 1 if any(c.isupper() for c in n.split()[-1]) else 3
            if uses[key] >= 2 * floor and uses[key] > floor * uses[(r.type, _key(n))]:
                mapping[n] = stem
            elif (r.type == "PERSON" and not r.titles and _lone_word(n)
                  and len(stories.get(_key(stem), ())) >= HUB_STORIES):
                mapping[n] = stem
            elif r.type != "PERSON" and not r.subtype and _type_evidence(r) is None:
                # "Dawn Fronts" taken for a place: the organisation the corpus names far more often
                # under another type, whose type the vote then gives it
                other = max(uses[(t, _key(stem))] for t in ("ORG", "LOC") if t != r.type)
                own = sum(uses[(t, _key(n))] for t in ("PERSON", "ORG", "LOC"))
                if other >= 2 * floor and other > floor * own and len(stories.get(_key(stem), ())) >= HUB_STORIES:
                    mapping[n] = stem
        if mapping:
            names = list(dict.fromkeys(mapping.get(n, n) for n in _record_names(r)))
            r = dataclasses.replace(r, name=mapping.get(r.name, r.name), names=names)
        changed.append(r)
    return changed


_TITLE_WORDS = frozenset(w for phrase in HONORIFICS | ROLES for w in phrase.replace("-", " ").split())


_DROPPABLE_PARTICLES = frozenset("al el al- el-".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_WORDS = _WEEKDAYS | frozenset("on in at".split())
# words that make a name of their own after a name ("X Road", "X Front", "X province", "X Old City"):
# never a headline's word
_NAME_MAKING_WORDS = frozenset(
    w for table in (ORG_HEADS, PLACE_SUFFIXES, PLACE_PREFIXES_OF, ADMIN_DIVISIONS)
    for phrase in table for w in phrase.split()
) | GENERIC_ORG_WORDS | BODY_KIND_WORDS | BROADCAST_KIND_WORDS | ORG_DESCRIPTORS | PLACE_MODIFIERS | AREA_WORDS | NAME_PARTICLES


def _headline_word(word: str) -> bool:
    """A word a headline or a caption puts after a name, which no name makes its own: a verb or a
    noun of the news ("Killing", "Warns", "Photo"), a month, a number, a lower-case word."""
    low = fold(word).strip(".,:;")
    if not low or low in _NAME_MAKING_WORDS or low in _TITLE_WORDS:
        return False
    if low in DATE_WORDS or low.isdigit():
        return True
    return is_common_word(word) and (word[:1].isupper() or word.islower())


def _headline_tail(words: list[str]) -> bool:
    """ "- Reports", "Killing", "September": what a title or caption glued after a name (a dash
    begins the site's part of a title: whatever follows it goes)."""
    if words and words[0] in ("-", "–", "—", "|"):
        return True
    return bool(words) and all(_headline_word(w) for w in words)


def _trim_glued_names(records: list[LocalRecord]) -> list[LocalRecord]:
    """ "Norway Karim al-Tarmi", "Wadi Tal Norway", "Kurdish-Arab Norwegian Dawn Forces": a
    source that strips punctuation glues a neighbouring word to a name. A name that is a name the
    corpus establishes (two or more other stories use it, with the same type) plus, at one edge,
    words that are themselves names of another kind (a country, a demonym, an acronym, a place the
    corpus names, a title) is that name. An organisation keeps a country word in front unless its
    name still says the country ("Norwegian Defence Ministry" is not "Defence Ministry"). A day after
    the name ("X on Tuesday") goes too."""
    stories: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in records:
        for n in _record_names(r):
            stories[(r.type, _key(n))].add(r.story_id or r.doc_id)
    kind_votes: dict[str, Counter] = defaultdict(Counter)  # place name -> the kinds its records state
    for r in records:
        if r.type == "LOC" and r.subtype in ("settlement", "region"):
            kind_votes[_key(r.name)][r.subtype] += 1
    place_kinds = {k: c.most_common(1)[0][0] for k, c in kind_votes.items()}
    surnames: dict[str, set[str]] = defaultdict(set)  # last word of persons' fuller names -> stories
    for r in records:
        if r.type == "PERSON":
            for n in _record_names(r):
                words = n.split()
                if len(words) >= 2:
                    surnames[fold(words[-1])].add(r.story_id or r.doc_id)
    types_of: dict[str, list[str]] = defaultdict(list)
    for typ, k in stories:
        types_of[k].append(typ)

    def support_any_type(name: str) -> set[str]:
        k = _key(name)
        return set().union(*(stories[(t, k)] for t in types_of.get(k, ())))

    def support_of(r: LocalRecord, remainder: str) -> set[str]:
        """Stories naming the remainder with the record's type; for a record whose type is only
        the model's guess ("Lyon Reuters" read as a place), with whatever type the corpus gives
        the remainder, or the type the record's own words state (the type vote that follows
        retypes the record)."""
        k = _key(remainder)
        same = stories.get((r.type, k), set())
        others = [t for t in types_of.get(k, ()) if t != r.type and len(stories[(t, k)]) > len(same)]
        if len(same) >= 2 or r.subtype or not others:
            return same
        evidence = _type_evidence(r)
        if evidence == r.type:
            return same
        other = max((stories[(t, k)] for t in others if evidence in (None, t)), key=len, default=set())
        return other if len(other) > len(same) else same

    def nationality(word: str) -> bool:
        w = word.strip("-")
        if not w[:1].isupper():
            return False
        if w.endswith("s") and len(w) > 4 and (country_name(w[:-1]) or demonym_target(w[:-1])):
            return True
        return bool(country_name(w) or demonym_target(w)
                    or "-" in w and all(country_name(p) or demonym_target(p) for p in w.split("-") if p))

    def country_possessive(word: str) -> bool:
        """ "Norways": a country's possessive whose apostrophe the source stripped. Written whole
        ("Norway's Home Guard"), the country is no word of the name; the plural of a demonym
        ("Norwegians") is no possessive."""
        w = word.strip("-")
        return (w[:1].isupper() and w.endswith("s") and len(w) > 4 and bool(country_name(w[:-1]))
                and not (country_name(w) or demonym_target(w)))

    def owner_possessive(word: str) -> bool:
        """ "Norland Fronts": an organisation's or a place's possessive whose apostrophe the source
        stripped, of a name the corpus establishes ("Norland Front's radio" is the radio)."""
        w = word.strip("-")
        return (w[:1].isupper() and w.endswith("s") and len(w) > 4 and not w.endswith("ss")
                and not stories.get(("PERSON", _key(w[:-1])))
                and any(len(stories.get((t, _key(w[:-1])), ())) >= HUB_STORIES for t in ("ORG", "LOC")))

    def qualifier(word: str) -> bool:
        if word in ("The", "the") or COMPOUND_ADJECTIVE.search(word):
            return True
        if nationality(word) or is_acronym(word) and len(word) >= 2 or owner_possessive(word):
            return True
        low = fold(word).strip(".")
        if low in _TITLE_WORDS:
            return True
        if low in DIRECTION_ADJECTIVES or low in ("old", "downtown"):
            # "Eastern X province", "Old X": the part of the place, named by the place ("New X" is
            # often another place: a town's new quarter, or a namesake far away)
            return True
        return len(stories.get(("LOC", _key(word)), ())) >= 2

    out = []
    for r in records:
        mapping = {}
        for n in _record_names(r):
            words = n.split()
            if len(words) < 2 or is_acronym(n.strip()):
                continue
            own = stories[(r.type, _key(n))]
            best = None
            for a, b in [(k, len(words)) for k in (1, 2)] + [(0, len(words) - k) for k in (1, 2, 3)]:
                rest = words[a:b]
                dropped = words[:a] + words[b:]
                if not rest or not dropped:
                    continue
                if (r.type == "PERSON" and len(rest) == 1
                        and not (not a and not r.titles and not stories.get(("PERSON", _key(rest[0])))
                                 and _headline_tail(dropped))
                        and not (all(nationality(w) for w in dropped) and not nationality(rest[0])
                                 and len(surnames.get(fold(rest[0]), ())) >= 2)
                        and not (all(is_acronym(w) for w in dropped) and not stories.get(("PERSON", _key(rest[0])))
                                 and any(len(stories.get((t, _key(rest[0])), ())) >= HUB_STORIES for t in ("ORG", "LOC")))):
                    continue  # a lone word is a person's only as the surname of one ("Norwegian Tarmi"); an
                    # agency's acronym glued to a group's one-word name ("NNA Tarmiya") leaves the group
                remainder = " ".join(rest).strip("-–—")  # "Velmora- Opposition Fractions": the dash is the glue's
                if (is_acronym(remainder) or not any(w[:1].isupper() for w in rest)
                        or any(not any(c.isalnum() for c in w) for w in rest)
                        or len(rest) == 1 and is_common_word(rest[0])
                        or all(fold(w) in PLACE_MODIFIERS for w in rest)):
                    continue  # "Western", "Old", "-": no name left
                # a place of several words glued to another place ("Eastern Wadi Douma") qualifies as a whole
                place_words = r.type == "LOC" and len(dropped) > 1 and len(stories.get(("LOC", _key(" ".join(dropped))), ())) >= 2
                # a headline's common word beside a qualifier ("Norland Crisis Karim Tarmi") goes with it
                # when a person's full name is left (an organisation's place and kind words are its name:
                # "X Countryside Police Command")
                headline = (len(rest) >= 2 and len(dropped) == 2 and any(qualifier(w) for w in dropped)
                            and len(stories.get(("PERSON", _key(remainder)), ())) >= 2)
                # a headline's words after a person's full name the corpus establishes ("Karim Tarmi
                # Visits Norland", "Karim Tarmi Airstrikes"): capitalised common words and qualifiers
                person_tail = (not a and len(rest) >= 2 and len(stories.get(("PERSON", _key(remainder)), ())) >= HUB_STORIES
                               and all(w[:1].isupper() and (is_common_word(w) or qualifier(w)) for w in dropped))
                # "Dawn Fronts Al-Sahil TV": an established owner's possessive, of one word or several
                owner = a > 0 and owner_possessive(" ".join(dropped))
                # a title's words after a name of an organisation or a place ("Velmora Killing", "Dawn
                # Front Warns", "Velmora - Reports"): only for a name no other story writes so
                # (a span the model called a person, "Velmora Death", when the rest is no person's name
                # anywhere and the record has no title: the model's guess of a person is the glue's)
                headline_tail = (not a and (r.type != "PERSON" or not r.titles and not stories.get(("PERSON", _key(remainder))))
                                 and _headline_tail(dropped) and len(support_any_type(n)) <= 1)
                if headline_tail and len(support_of(r, remainder) - {r.story_id or r.doc_id}) >= HUB_STORIES:
                    best = best or ((False, False, False, HUB_STORIES), remainder)
                    continue
                # "New Norland-based": the words before a compound adjective are its place's name
                compound_lead = [k + 1 < len(dropped) and bool(COMPOUND_ADJECTIVE.search(dropped[k + 1]))
                                 and dropped[k][:1].isupper() for k in range(len(dropped))]
                if not place_words and not person_tail and not owner and (
                        not all(qualifier(w) or compound_lead[k] or w.lower() in _DROPPABLE_PARTICLES
                                or not a and w.lower() in _TIME_WORDS or headline and is_common_word(w)
                                for k, w in enumerate(dropped))
                        or not any(qualifier(w) or not a and w.lower() in _WEEKDAYS for w in dropped)):
                    continue
                if r.type == "ORG" and not a and fold(words[0]) in ARABIC_GROUP_HEADS:
                    continue  # "Jaish Fajr al-Sham": an Arabic group name's last word completes it ("of the Levant")
                if (r.type == "ORG" and a and not owner and any(nationality(w) and not country_possessive(w) for w in dropped)
                        and not any(nationality(w) for w in rest)
                        and ORG_HEADS.get(fold(rest[-1])) in ("government", "military")):
                    continue  # "Norwegian Defence Ministry" is not "Defence Ministry"; "Norway Dawn Front" is
                    # "Dawn Front", and "Norways Home Guard" the "Home Guard" of "Norway's Home Guard"
                if (r.type == "ORG" and a and not owner and not any(nationality(w) for w in words)
                        and ORG_HEADS.get(fold(rest[-1])) in ("government", "military")):
                    continue  # "Velmora Police Command", "Velmora City Council": a town's own body,
                    # not the "Police Command" of another town ("Velmora Dawn Front" is a list glued)
                support = support_of(r, remainder) - {r.story_id or r.doc_id}
                if r.type == "PERSON" and len(rest) == 1:
                    # "Norways Tarmi": a surname the corpus's fuller names carry, used alone
                    support |= surnames.get(fold(rest[0]), set()) - {r.story_id or r.doc_id}
                # "Wadi Tal Norway" is the town in the country, not the country: dropping a
                # country, a title or a day beats dropping another place, whatever the support
                plain = all(nationality(w) or fold(w).strip(".") in _TITLE_WORDS or w.lower() in _TIME_WORDS
                            or w.lower() in _DROPPABLE_PARTICLES or w in ("The", "the") for w in dropped)
                # two places glued: the town is meant, the region around it qualifies it ("Douma, Eastern X")
                town_in_region = (r.type == "LOC" and place_kinds.get(_key(remainder)) == "settlement"
                                  and place_kinds.get(_key(" ".join(dropped))) == "region")
                # otherwise the first of two glued places: "X, Y" names X and says where it is
                first_place = r.type == "LOC" and not a and place_kinds.get(_key(remainder)) is not None
                rank = (plain, town_in_region, first_place, len(support))
                # "Karim al-Tarmi Norways": a country's possessive ends no name (the next word was
                # its noun: "Norway's defence minister"); it goes whatever support the rest has
                trailing_possessive = not a and len(rest) >= 2 and all(country_possessive(w) for w in dropped)
                if (len(support) >= 2 and len(support) > len(own) or trailing_possessive) and (best is None or rank > best[0]):
                    best = (rank, remainder)
            if best:
                mapping[n] = best[1]
        if mapping:
            names = list(dict.fromkeys(mapping.get(n, n) for n in _record_names(r)))
            name = mapping.get(r.name, r.name)
            subtype = r.subtype
            if r.type == "LOC" and admin_division(r.name) is not None and admin_division(name) is None:
                # "Atareb X Province" was read as a division for its last word: the town is left
                subtype = place_kinds.get(_key(name))
            r = dataclasses.replace(r, name=name, names=names, subtype=subtype)
        out.append(r)
    return out


def _type_evidence(r: LocalRecord) -> str | None:
    """The type a record's own text vouches for, beyond the model's label: a person's title, an
    organisation's head word, a country's name."""
    if r.type == "PERSON" and any(t not in _DIVISION_LEVELS for t in r.titles):
        return "PERSON"
    for n in _record_names(r):
        if country_name(n):
            return "LOC"
        toks = _parse(n, False).tokens
        if len(toks) >= 2 and (ORG_HEADS.get(toks[-1].norm) is not None or toks[-1].norm in ORG_HEADS
                               or fold(toks[0].surface) in ARABIC_GROUP_HEADS):
            return "ORG"
    if r.type == "LOC" and (r.subtype in _PLACE_KINDS or division_of(r)):
        return "LOC"
    return None


# A record's own evidence counts this many times its mentions in the vote over a name's types.
_EVIDENCE_WEIGHT = 3
# A record is retyped only when the corpus's type for its name outvotes its own by this factor.
_TYPE_MAJORITY = 2.0


def _vote_types(records: list[LocalRecord], place_kind: "PlaceKind | None" = None) -> list[LocalRecord]:
    """One name, one type across the corpus: the model calls "Karim al-Tarmi" an ORG in one
    article and a PERSON in a hundred, "Wadi Tal" a person here and a place there. Every record
    votes for the type of its name (its mentions, with its own evidence counted more); a record
    outvoted by the corpus, with no evidence of its own for its type, takes the corpus's type."""
    votes: dict[str, Counter] = defaultdict(Counter)
    # a lone word that is part of persons' full names elsewhere in the corpus may be one of them:
    # each such person votes for it, as evidence
    person_words: Counter = Counter()
    for r in records:
        if r.type == "PERSON":
            for n in _record_names(r):
                toks = _parse(n).tokens
                if len(toks) >= 2:
                    person_words.update({toks[0].norm, toks[-1].norm})
    evidence = [_type_evidence(r) for r in records]
    keys = [_key(r.name) for r in records]
    for r, ev, key in zip(records, evidence, keys):
        if r.type in _FAMILIES:
            votes[key][r.type] += max(1, r.mentions) * (_EVIDENCE_WEIGHT if ev == r.type else 1)
            if ev and ev != r.type:
                votes[key][ev] += max(1, r.mentions) * _EVIDENCE_WEIGHT
    lone = {key: _lone_word(r.name) for r, key in zip(records, keys) if r.type == "PERSON"}
    for key, tally in votes.items():
        word = lone.get(key)
        if word and len(tally) > 1:
            tally["PERSON"] += _EVIDENCE_WEIGHT * person_words.get(word, 0)
    # a lone word the model mistyped ("Al-Fajr" a person, "De Tarmi" a place) is the distinctive
    # word of names of another type that several stories use: those stories vote for their type
    support = _word_support(records)
    voted: set[str] = set()
    looked_up: set[str] = set()
    for r, ev, key in zip(records, evidence, keys):
        word = _lone_word(r.name)
        if not word or ev or key in voted:
            continue
        voted.add(key)
        for typ, words in support.items():
            n = len(words.get(word, ()))
            if typ != r.type and n >= HUB_STORIES:
                votes[key][typ] += _EVIDENCE_WEIGHT * n
    # a lone word that is no part of any person's fuller name, that no record gives a person's
    # title, and that the model calls a place in several stories is a place, however often the
    # model also calls it a person (an unknown town's name reads like a surname)
    titled: set[str] = {key for r, key in zip(records, keys) if r.titles and r.type == "PERSON"}
    place_stories: dict[str, set[str]] = defaultdict(set)
    for r, key in zip(records, keys):
        if r.type == "LOC":
            place_stories[key].add(r.story_id or r.doc_id)
    for key, word in lone.items():
        tally = votes[key]
        if (word and set(tally) == {"PERSON", "LOC"} and key not in titled and not person_words.get(word)
                and len(place_stories[key]) >= 2):
            tally["LOC"] += _TYPE_MAJORITY * tally["PERSON"] + 1
    # a lone untitled word the model only ever calls a person, that is no part of any person's
    # fuller name in the corpus, is the place the gazetteer knows by that name
    if place_kind is not None:
        for r, ev, key in zip(records, evidence, keys):
            word = _lone_word(r.name)
            tally = votes[key]
            if (r.type != "PERSON" or ev or r.titles or not word or person_words.get(word) or set(tally) != {"PERSON"}
                    or key in looked_up):
                continue
            looked_up.add(key)
            try:
                known = place_kind(r.name) is not None
            except Exception:  # noqa: BLE001 - no gazetteer reading: the model's type stands
                known = False
            if known:
                tally["LOC"] += _TYPE_MAJORITY * tally["PERSON"] + 1
    out = []
    for r, ev, key in zip(records, evidence, keys):
        tally = votes.get(key)
        if r.type in _FAMILIES and tally and len(tally) > 1 and ev != r.type:
            winner, n = max(tally.items(), key=lambda kv: (kv[1], kv[0] == r.type))
            if winner != r.type and n >= _TYPE_MAJORITY * tally[r.type]:
                r = dataclasses.replace(r, type=winner, subtype=None, retyped_from=r.type)
        out.append(r)
    return out


_FAMILIES = ("PERSON", "ORG", "LOC")


def _word_support(records: list[LocalRecord]) -> dict[str, dict[str, set[str]]]:
    """type -> distinctive word -> stories of the multi-word names it distinguishes: a person's
    surname, the name word of an organisation ("Fajr" in "Fajr Front" and "Jabhat al-Fajr"), the
    place of a division ("X province")."""
    out: dict[str, dict[str, set[str]]] = {t: defaultdict(set) for t in _FAMILIES}
    for r in records:
        story = r.story_id or r.doc_id
        for n in _record_names(r):
            toks = _parse(n).tokens
            if len(toks) < 2:
                continue
            norms = [t.norm for t in toks]
            if r.type == "PERSON":
                out["PERSON"][norms[-1]].add(story)
            elif r.type == "ORG":
                if fold(toks[0].surface) in ARABIC_GROUP_HEADS and len(norms) == 2:
                    out["ORG"][norms[1]].add(story)
                elif all(w in GENERIC_ORG_WORDS or w in ORG_HEADS for w in norms[1:]) and not _generic_head(norms[0]):
                    out["ORG"][norms[0]].add(story)
            elif r.type == "LOC" and admin_division(n) is not None:
                out["LOC"][norms[0]].add(story)
    return out


# European surname particles: "De Tarmi" is a surname alone, as "al-Tarmi" is.
_SURNAME_PARTICLES = frozenset("de da di du del della der den van von le la dos das".split())


def _name_words(name: str, strip_title: bool = True) -> list[str]:
    """The words of a name, a European surname particle in front of the last word left out."""
    norms = [t.norm for t in _parse(name, strip_title).tokens]
    return [w for k, w in enumerate(norms) if not (w in _SURNAME_PARTICLES and k == len(norms) - 2)]


def _lone_word(name: str) -> str | None:
    words = _name_words(name)
    return words[0] if len(words) == 1 else None


def _place_key(name: str) -> str:
    return variant_key(name) or fold(name).strip()


def _town_countrysides(records: list[LocalRecord], names_region: Callable[[str], bool] | None) -> list[LocalRecord]:
    """"The X countryside" (Arabic "rif X") is the province X when X names one: a first-level region
    the gazetteer knows, or a division some document names with its kind word ("X province"). The
    countryside of a town that seats no province is the town's surroundings, which an analyst codes
    at the town, so its record becomes the town X; kept a province, it would stand apart from every
    other mention of X as a division of one mention."""
    if names_region is None:
        return records
    countrysides: dict[int, str] = {}
    for i, r in enumerate(records):
        if r.type == "LOC" and not any(t in _DIVISION_LEVELS for t in r.titles):
            bases = [countryside_of(n) for n in _record_names(r)]
            # a compass word ("X Northern Countryside") names a part of a larger place: left as it was
            if (bases and all(bases) and len({_place_key(b) for b in bases}) == 1
                    and not set(fold(bases[0]).split()) & COMPASS_OF):
                countrysides[i] = bases[0]
    if not countrysides:
        return records
    explicit: set[str] = set()
    for r in records:
        if r.type == "LOC":
            for n in _record_names(r):
                div = admin_division(n)
                if div is not None and countryside_of(n) is None:
                    explicit.add(_place_key(div[0]))
    out = list(records)
    for i, base in countrysides.items():
        if _place_key(base) not in explicit and not names_region(base):
            out[i] = dataclasses.replace(records[i], name=base, names=(base,), subtype=None)
    return out


def division_of(record: LocalRecord) -> tuple[str, str] | None:
    """(key of the place name, level) when the record names an administrative division: by a name
    with its kind word ("Wadi Tal province") or by the level the document gave it as a title."""
    if record.type != "LOC":
        return None
    for n in _record_names(record):
        div = admin_division(n)
        if div is not None:
            return _place_key(div[0]), div[1]
    level = next((t for t in record.titles if t in _DIVISION_LEVELS), None)
    return (_place_key(record.name), level) if level else None


def _matching_names(record: LocalRecord, division: tuple[str, str] | None) -> list[str]:
    """The names a record is matched under across documents: a division only under its division
    name, so that the bare "Wadi Tal" of a division never meets the town."""
    names = _record_names(record)
    if division is None:
        return names + _translated_forms(record, names) if record.type == "ORG" else names
    out = []
    for n in names:
        div = admin_division(n)
        if div is not None:  # one word for each level: "X Governorate" is "X province"
            n = f"{div[0]} {div[1]}"
        elif _place_key(n) == division[0]:
            n = f"{n} {division[1]}"
        out.append(n)
    return list(dict.fromkeys(out))


_COMPASS_POINTS = frozenset("north south east west northeast northwest southeast southwest".split())


def generic_place_name(name: str) -> bool:
    """ "Old City", "Western countryside", "Old": a place's description by its part and kind words only."""
    words = [fold(w).lower() for w in name.replace("-", " ").split()]
    if not words or not all(w in PLACE_MODIFIERS or w in PLACE_SUFFIXES or w in AREA_WORDS for w in words):
        return False
    # a kind word, or a lone adjective ("Old"); a lone compass point names a region ("the West")
    return any(w in PLACE_SUFFIXES or w in AREA_WORDS for w in words) or words[0] not in _COMPASS_POINTS



def _translated_forms(record: LocalRecord, names: list[str]) -> list[str]:
    """ "Jabhat al-Fajr" is also matched as "Fajr Front", "Jaish al-Qamar" as "Qamar Army" and
    "Army of Qamar": the Arabic head word of a group's name translated, the rest kept, and a one-word
    rest that English reports translate too ("Katibat al-Fatah", the "Battalion of Conquest")."""
    out = []
    for n in names:
        words = n.split()
        if len(words) < 2:
            continue
        meaning = ARABIC_HEAD_MEANINGS.get(fold(words[0]))
        if not meaning:
            continue
        rest = " ".join(words[1:])
        bare = re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]", "", rest, flags=re.I)
        head = meaning.capitalize()
        out += [f"{bare} {head}", f"{head} of {bare}"]
        translated = ARABIC_NAME_WORD_MEANINGS.get(fold(bare)) if " " not in bare else None
        if translated:  # "Liwa al-Shamiyya" as the "Levant Brigade", the "Brigade of the Levant"
            out += [f"{translated} {head}", f"{head} of the {translated}", f"{head} of {translated}"]
    return [x for x in dict.fromkeys(out) if x not in names]


def _top(counts: Counter) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _join_same_name_in_document(records: list[LocalRecord], cl: _Clusters, names_of: list[list[str]]) -> None:
    """Two records of one document with the same name are one actor: the document linker kept them
    apart only for a difference the corpus settles (a stripped possessive, a type the model got
    wrong in one sentence: "Sahil" a place in one line and a person in the next). This comes
    first, so that they never count as two actors of one document."""
    seen: dict[tuple[str, str], int] = {}
    surnames: dict[tuple[str, str], list[int]] = defaultdict(list)  # (doc, last word) -> full-name records
    for i, r in enumerate(records):
        words = _name_words(r.name) if r.type == "PERSON" else []
        if len(words) >= 2 and words.count(words[-1]) == 1:  # "X Tarmi Y Tarmi" is two people glued
            surnames[(r.doc_id, words[-1])].append(i)
    for i, r in enumerate(records):
        word = _lone_word(r.name) if r.type == "PERSON" else None
        full = surnames.get((r.doc_id, word), []) if word else []
        if len({cl.find(j) for j in full}) == 1:
            j = full[0]
            cl.join(j, i, (records[j].name, r.name, [f"{r.name!r} is the surname of {records[j].name!r}, "
                                                     "the only person of that name in the document"]), force=True)
    for i, r in enumerate(records):
        if not names_of[i]:
            continue
        key = (r.doc_id, _key(names_of[i][0]))
        j = seen.setdefault(key, i)
        kinds = {x.subtype for x in (r, records[j]) if x.type == "LOC" and x.subtype in _PLACE_KINDS}
        if j != i and len(kinds) < 2:  # the town and the region the document told apart stay apart
            cl.join(j, i, (records[j].name, r.name, [f"the same name {r.name!r} twice in one document"]), force=True)


class _Links:
    """Scored candidate joins, read as (score, i, j, reason) best first (in the order they were
    added among equal scores). Held in flat arrays: a large corpus has millions of links, which
    as tuples of a float, two ints and a reason cost some 170 bytes each, here 24."""

    def __init__(self) -> None:
        self.scores, self.firsts, self.seconds = array("d"), array("q"), array("q")
        self.reasons: list[tuple[str, str, list[str]]] = []
        self.order = None

    def append(self, link: tuple[float, int, int, tuple[str, str, list[str]]]) -> None:
        score, i, j, why = link
        self.scores.append(score)
        self.firsts.append(i)
        self.seconds.append(j)
        self.reasons.append(why)

    def sort_best_first(self) -> None:
        self.order = np.argsort(-np.frombuffer(self.scores, dtype=np.float64), kind="stable") if self.scores else []

    def __len__(self) -> int:
        return len(self.scores)

    def __iter__(self):
        order = self.order if self.order is not None else range(len(self.scores))
        scores, firsts, seconds, reasons = self.scores, self.firsts, self.seconds, self.reasons
        for start in range(0, len(order), 1 << 16):
            for k in (order[start : start + (1 << 16)].tolist() if isinstance(order, np.ndarray)
                      else order[start : start + (1 << 16)]):
                yield scores[k], firsts[k], seconds[k], reasons[k]


def candidate_links(records: list[LocalRecord], names_of: list[list[str]] | None = None) -> _Links:
    """Scored candidate joins between records of different documents, best first. ``names_of``
    gives the names each record is matched under (its own names by default)."""
    if names_of is None:
        names_of = [_record_names(r) for r in records]
    # a record's name is known to the blocking by one int, record * width + its place among the
    # record's names: a (record, name) tuple for each of a large corpus's millions cost some 100 bytes
    width = 1 + max((len(names) for names in names_of), default=0)

    def items():  # read once by the blocking: never held as a list beside the blocks
        for i, r in enumerate(records):
            for k, n in enumerate(names_of[i]):
                if r.type == "PERSON" and _single_token_person(n):
                    continue  # never a cross-document key on its own
                yield i * width + k, n, r.type

    def record_name(code: int) -> tuple[int, str]:
        i, k = divmod(code, width)
        return i, names_of[i][k]

    nb, accepted = match_names(items(), threshold=MATCH_THRESHOLD)
    links = _Links()
    # one reason per pair of spellings, shared by its links and the joins they make (never changed
    # in place: the join loop copies a reason it adds to)
    same_name: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    # records that share a name (identical after normalisation) are chained
    for mem in nb.members:
        mem = [record_name(m) for m in mem]
        # same kinds side by side, so a chain is not cut by one record of another kind; the most
        # common kind first and records of no stated kind right after it, so that they go with
        # what most of their namesakes are
        kinds = Counter(records[m[0]].subtype for m in mem if records[m[0]].subtype)
        mem = sorted(mem, key=lambda m: (records[m[0]].subtype is not None and records[m[0]].subtype != _top(kinds),
                                         -kinds.get(records[m[0]].subtype, 0), records[m[0]].subtype or "", m[0]))
        pairs = list(zip(mem, mem[1:])) + [(mem[0], m) for m in mem[2:]]
        for (i, na), (j, nbm) in pairs:
            if records[i].doc_id != records[j].doc_id and records[i].type == records[j].type:
                why = same_name.get((na, nbm))
                if why is None:
                    why = same_name[(na, nbm)] = (na, nbm, [f"same name after normalisation: {na!r} = {nbm!r}"])
                links.append((1.0, i, j, why))
    for a, b, score in accepted:
        # every record carrying either name: link the first of each (the chains above do the rest)
        i, na = record_name(nb.members[a][0])
        j, nbm = record_name(nb.members[b][0])
        if records[i].type != records[j].type:
            continue
        ok, reasons = link_by_name(na, nbm, records[i].type)
        if ok:
            links.append((score, i, j, (na, nbm, reasons)))
    links.sort_best_first()
    return links


def _head_key(record: LocalRecord) -> tuple[str, str] | None:
    """The key under which a one-word name may join a unique larger cluster."""
    words = _name_words(record.name, record.type == "PERSON")
    if len(words) != 1 or is_acronym(record.name.strip()):
        return None
    return (record.type, words[0])


def _heads_of(record: LocalRecord) -> set[tuple[str, str, str]]:
    """(type, position, token) of multi-word names: surname (last) and first token. An
    organisation's first word followed by kind words only ("Dawn Organization", "X command") is a
    "weak" head: the one word names it only when no fuller name has that first word."""
    out: set[tuple[str, str, str]] = set()
    for n in _record_names(record):
        toks = _parse(n, record.type == "PERSON").tokens
        if len(toks) < 2:
            continue
        weak = record.type == "ORG" and all(t.norm in GENERIC_ORG_WORDS for t in toks[1:])
        if not COMPOUND_ADJECTIVE.search(n.split()[0]):  # "Dawn-affiliated Sahil Front" does not start with its own name
            out.add((record.type, "first-weak" if weak else "first", toks[0].norm))
        out.add((record.type, "last", toks[-1].norm))
    return out


def _join_unique_heads(records: list[LocalRecord], cl: _Clusters, again: bool = False) -> None:
    """A lone surname / org head word joins the only cluster it can belong to. ``again``: a second
    pass, over the clusters later joins made, for the short names still without a fuller one."""
    heads = _Heads()
    for i, r in enumerate(records):
        for h in _heads_of(r):
            heads.add(h, i)
    for i, r in enumerate(records):
        hk = _head_key(r)
        if hk is None:
            continue
        typ, tok = hk
        if typ == "PERSON":
            wanted, rival = "last", "first"  # a lone given name is ambiguous by nature
        elif typ == "ORG":
            if _generic_head(tok):
                continue
            wanted, rival = "first", "last"
        else:
            continue
        roots = heads.roots(typ, wanted, tok, cl)
        if typ == "ORG" and not roots:
            roots = heads.roots(typ, "first-weak", tok, cl)
        rivals = heads.roots(typ, rival, tok, cl) - roots
        own = cl.find(i)
        if again and (typ != "PERSON" or own in roots or not _only_lone_names(records, cl, own)):
            continue  # the second pass is for lone surnames still on their own, nothing else
        roots.discard(own)
        rivals.discard(own)
        pos = "surname" if typ == "PERSON" else "first word"
        if len(roots) == 1 and not rivals:
            target = next(iter(roots))
            other = records[target]
            why = (r.name, other.name, [f"{r.name!r} is the {pos} of {other.name!r}, the only such {typ} in the corpus"])
        elif roots:
            target, why = _dominant_candidate(records, cl, i, roots, rivals, pos)
            if target is None:
                continue
        else:
            continue
        if not cl.join(i, target, why) and typ == "ORG" and _never_compared(records, cl, cl.find(i), target, tok):
            why[2].append("the documents that name both never compared them: none has a name with that word")
            cl.join(i, target, why, force=True)


def _only_lone_names(records: list[LocalRecord], cl: _Clusters, root: int) -> bool:
    """Whether every record of a cluster is a lone word (a surname used alone, never with a fuller name)."""
    return all(_lone_word(records[m].name) for ms in cl.docs.peek(root).values() for m in ms)


def _qualified_titles(titles: list[str]) -> set[str]:
    """Titles that tell persons apart: of two words or more ("Norwegian President"); a bare
    "President" fits too many."""
    return {fold(t) for t in titles if len(t.split()) >= 2}


def _join_partial_person_names(records: list[LocalRecord], cl: _Clusters) -> None:
    """ "Karim Hadi Tarmi" written without his first given name ("Hadi Tarmi") joins the one
    person whose fuller name ends so. A son's name often ends with his father's ("X Hadi Tarmi"
    is X son of Hadi Tarmi), so an established short name (HUB_STORIES stories or more) joins
    only when the two share a qualified title ("Norwegian President"), and never a smaller
    cluster than its own."""
    by_tail: dict[tuple[str, ...], set[int]] = defaultdict(set)  # fuller names without the first token
    named_otherwise = {_singular(t.norm) for r in records if r.type != "PERSON"
                       for n in _record_names(r) for t in _parse(n, False).tokens[:1]}
    tokens_of: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for i, r in enumerate(records):
        if r.type != "PERSON":
            continue
        for n in _record_names(r):
            toks = tuple(_singular(t.norm) for t in _parse(n).tokens)
            if len(toks) >= 2:
                tokens_of[i].append(toks)
            # one given name left out; a word twice is two people glued ("X Tarmi Y Tarmi"), and
            # a first word the corpus names a place or group by is a neighbouring name glued on
            if len(toks) >= 3 and len(set(toks)) == len(toks) and toks[0] not in named_otherwise:
                by_tail[toks[1:]].add(i)
    titles: dict[int, set[str]] = defaultdict(set)  # kept only for clusters with a qualified title
    for i in tokens_of:
        if qualified := _qualified_titles(records[i].titles):
            titles[cl.find(i)] |= qualified
    for i, forms in tokens_of.items():
        for toks in forms:
            if len(toks) < 2 or toks not in by_tail:
                continue
            own = cl.find(i)
            roots = {cl.find(j) for j in by_tail[toks]} - {own}
            if len(roots) != 1:
                continue
            (target,) = roots
            small, big = len(cl.stories[own]), len(cl.stories[target])
            if big < small:
                continue
            shared = titles[own] & titles[target]
            if small >= HUB_STORIES and not shared:
                continue
            r = records[i]
            why = (f"{r.name!r} is {_cluster_name(records, cl, target)!r} without the first given name, "
                   "the only person whose name ends so")
            if shared:
                why += f"; both are titled {sorted(shared)[0]!r}"
            if cl.join(i, target, (r.name, _cluster_name(records, cl, target), [why])):
                titles[cl.find(i)] = titles[own] | titles[target]


# A word this long that differs from a far more reported name's word by one left-out letter is a
# misspelling of it ("Erdoan" for a name whose "ğ" a feed dropped); shorter words are names of their own.
MISSPELLING_MIN_LETTERS = 6
MISSPELLING_MAX_STORIES = 2


def _join_rare_misspellings(records: list[LocalRecord], cl: _Clusters) -> None:
    """A name seen in one or two stories that equals a dominant cluster's name but for one letter
    left out of one long word joins that cluster. Blocked by the name with that word wildcarded;
    the dominance rule of short names decides (the other cluster is reported DOMINANCE_RATIO times
    as often, in DOMINANT_MIN_STORIES stories or more)."""
    slots = _misspelling_slots(records)
    for by_word in slots.values():
        if len(by_word) < 2:
            continue
        for longer, common_members in list(by_word.items()):
            if len(longer) < MISSPELLING_MIN_LETTERS:
                continue
            # every spelling of the word with one letter (not the first) left out
            for word in {longer[:k] + longer[k + 1:] for k in range(1, len(longer))}:
                members = by_word.get(word)
                if members:
                    rare = {cl.find(i) for i in members}
                    common = {cl.find(j) for j in common_members}
                    if len(common) != 1 or rare & common:
                        continue
                    target = next(iter(common))
                    big = len(cl.stories[target])
                    for root in rare:
                        small = len(cl.stories[root])
                        if (small <= MISSPELLING_MAX_STORIES and big >= DOMINANT_MIN_STORIES
                                and big >= DOMINANCE_RATIO * small):
                            i = next(m for m in members if cl.find(m) == root)
                            cl.join(i, target, (records[i].name, _cluster_name(records, cl, target), [
                                f"{word!r} is {longer!r} with one letter left out; the name with {longer!r} is "
                                f"reported in {big} stories, this one in {small}"]))


def _misspelt_word_positions(words: tuple[str, ...]) -> list[int]:
    return [p for p, w in enumerate(words) if len(w) >= MISSPELLING_MIN_LETTERS - 1 and " " not in w]


def _misspelling_slots(records: list[LocalRecord]) -> dict[tuple, dict[str, set[int]]]:
    """(type, words before, words after) -> word there -> records of that name: the slots where
    one word of a name may be another's with one letter left out, in the order the records first
    fill them, each with its words in the order they come, but only the slots where it is so.

    Why not every slot: a large corpus fills one for every name and long word, each a dict of sets
    (some 700 bytes a record's name and word: 1.4 million records held 220 MB more in this step).
    Three passes over the names instead: the names as 64-bit hashes; the pairs of a name and its
    one-letter-shorter namesake that both occur (a hash that collides only adds a slot to look at);
    then exactly the slots and records of those pairs, in the order the single pass made them."""
    def names(r: LocalRecord):
        for n in _record_names(r):
            words = tuple(t.norm for t in _parse(n, r.type == "PERSON").tokens)
            if words and not (r.type == "PERSON" and len(words) < 2):
                positions = _misspelt_word_positions(words)
                if positions:
                    yield words, positions

    seen = array("q", (hash((r.type, words)) for r in records for words, _ in names(r)))
    known = set(np.unique(np.frombuffer(seen, dtype=np.int64)).tolist()) if seen else set()
    del seen
    wanted: set[tuple[str, tuple[str, ...]]] = set()  # the names of those pairs
    active: set[tuple] = set()  # the slots where they meet
    for r in records:
        for words, positions in names(r):
            for p in positions:
                longer = words[p]
                if len(longer) < MISSPELLING_MIN_LETTERS:
                    continue
                for k in range(1, len(longer)):
                    shorter = (*words[:p], longer[:k] + longer[k + 1:], *words[p + 1:])
                    if hash((r.type, shorter)) in known:
                        wanted.update(((r.type, words), (r.type, shorter)))
                        active.add((r.type, words[:p], words[p + 1:]))
    del known
    slots: dict[tuple, dict[str, set[int]]] = {}
    for i, r in enumerate(records):
        for words, positions in names(r):
            for p in positions:
                slot = (r.type, words[:p], words[p + 1:])
                if slot not in active:
                    continue
                # the slots and their words in the order they come, as the one pass made them (a
                # word of no wanted name has no namesake one letter apart: it is left out)
                by_word = slots.setdefault(slot, {})
                if (r.type, words) in wanted:
                    by_word.setdefault(words[p], set()).add(i)
    return slots


# A short name that fits several actors means the one the corpus reports far more than all the
# others together: "Tarmi" in a corpus with 120 stories on one Tarmi and 2 on another. The ratio
# and the floor keep a real choice between comparable actors undecided.
DOMINANCE_RATIO = 5.0
DOMINANT_MIN_STORIES = 5


def _cluster_name(records: list[LocalRecord], cl: _Clusters, root: int) -> str:
    # memoised per cluster and size: a hub is named for every short name that may join it
    key = (id(cl), root, len(cl.docs[root]))
    name = _CLUSTER_NAMES.get(key)
    if name is None:
        if len(_CLUSTER_NAMES) > 100_000:
            _CLUSTER_NAMES.clear()
        members = [k for ks in cl.docs[root].values() for k in ks]
        name = _CLUSTER_NAMES[key] = _canonical([records[k] for k in members]) if members else records[root].name
    return name


_CLUSTER_NAMES: dict[tuple[int, int, int], str] = {}


def _cluster_label(records: list[LocalRecord], cl: _Clusters, root: int) -> str:
    n = len(cl.stories[root])
    return f"{_cluster_name(records, cl, root)} ({n} {'story' if n == 1 else 'stories'})"


def _dominant_candidate(records: list[LocalRecord], cl: _Clusters, i: int, roots: set[int],
                        rivals: set[int], pos: str) -> tuple[int | None, tuple[str, str, list[str]]]:
    """The one candidate cluster the corpus means by a short name that fits several, or None (and
    a note on the short name's cluster saying which candidates tie)."""
    r = records[i]
    support = {root: len(cl.stories[root]) for root in roots | rivals}
    best = max(roots, key=lambda x: (support[x], -x))
    others = sum(v for k, v in support.items() if k != best)
    ranked = sorted(support, key=lambda x: -support[x])
    listing = ", ".join(_cluster_label(records, cl, x) for x in ranked[:4]) + (" ..." if len(ranked) > 4 else "")
    if support[best] >= DOMINANT_MIN_STORIES and support[best] >= DOMINANCE_RATIO * max(1, others):
        other = _cluster_name(records, cl, best)
        return best, (r.name, other, [
            f"{r.name!r} is the {pos} of {len(support)} {r.type} names in the corpus; "
            f"{other!r} is reported {support[best] / max(1, others):.0f} times as often as the others: {listing}"])
    cl.note(i, f"{r.name!r} left apart: the {pos} of several {r.type} names, none reported {DOMINANCE_RATIO:.0f} "
            f"times as often as the rest: {listing}")
    return None, ("", "", [])


def _unrelated_names(a: list[str], b: list[str]) -> bool:
    """True when the document linker had nothing to join two organisations' names on: no word in
    common (up to spelling), neither an acronym of the other."""
    words_a = {t.norm for n in a for t in _parse(n, False).tokens} - GENERIC_ORG_WORDS
    words_b = {t.norm for n in b for t in _parse(n, False).tokens} - GENERIC_ORG_WORDS
    if any(x == y or token_similarity(x, y) >= MATCH_THRESHOLD for x in words_a for y in words_b):
        return False
    return not any(acronym_match(x, y) or acronym_match(y, x) for x in a for y in b)


def _never_compared_names(records: list[LocalRecord], cl: _Clusters, a: int, b: int) -> bool:
    """True when two organisation clusters meet only in documents whose two entities have unrelated
    names ("Fajr" beside "Dawn Front" where neither is defined): the document's keeping them
    apart is no evidence, while the link that brought them together (a definition or a shared name
    elsewhere) is."""
    in_a, in_b = cl.in_shared_docs(a, b)
    if not in_a:
        return False
    docs = {records[i].doc_id for i in in_a}
    return all(
        _unrelated_names([n for i in in_a if records[i].doc_id == d for n in _record_names(records[i])],
                         [n for i in in_b if records[i].doc_id == d for n in _record_names(records[i])])
        for d in docs
    )


def _never_compared(records: list[LocalRecord], cl: _Clusters, a: int, b: int, word: str) -> bool:
    """True when, in every document the two clusters share, cluster ``a`` is only the one word and
    no name of cluster ``b`` there contains it: the document linker, which joins a one-word
    organisation to the one longer name that contains it, had nothing to compare ("the Wadi"
    beside "Dawn Defence Forces"), so its keeping them apart says nothing."""
    in_a, in_b = cl.in_shared_docs(a, b)
    if not in_a:
        return False
    for i in in_a:
        if any(len(toks := _parse(n, False).tokens) != 1 or token_similarity(toks[0].norm, word) < MATCH_THRESHOLD
               for n in _record_names(records[i])):
            return False
    for i in in_b:
        if any(token_similarity(t.norm, word) >= MATCH_THRESHOLD
               for n in _record_names(records[i]) for t in _parse(n, False).tokens):
            return False
    return True


def _sort_keys(token: str) -> set[str]:
    """Keys that every spelling variant of ``token`` shares with it (see ``token_sort_key``)."""
    keys = {token_sort_key(token)}
    if token.startswith(("al", "el")) and len(token) >= 6:
        keys.add(token_sort_key(token[2:]))  # "Altarmi" / "Tarmi"
    return keys


class _Heads:
    """Records by (type, position, head token), found exactly or by spelling variant."""

    def __init__(self) -> None:
        self.exact: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self.variants: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    def add(self, head: tuple[str, str, str], i: int) -> None:
        if head not in self.exact:
            for key in _sort_keys(head[2]):
                self.variants[(head[0], head[1], key)].add(head[2])
        self.exact[head].add(i)

    def roots(self, typ: str, pos: str, tok: str, cl: "_Clusters") -> set[int]:
        """The clusters of the records with this head word (or, when none has it exactly, with a
        spelling of it: the same first letter, a close token). Clusters only merge, so each stored set is cut to
        one record per cluster as it is read: a head word that thousands of records carry ("the
        surname of the president") then costs its clusters on every later question, not its
        records, which made asking it once per lone surname quadratic in the corpus."""
        keys = [(typ, pos, tok)] if self.exact.get((typ, pos, tok)) else [
            (typ, pos, k) for key in _sort_keys(tok) for k in self.variants.get((typ, pos, key), ())
            if k[:1] == tok[:1] and token_similarity(k, tok) >= MATCH_THRESHOLD]
        out: set[int] = set()
        for key in keys:
            members = self.exact.get(key)
            if not members:
                continue
            one_each: dict[int, int] = {}
            for j in members:
                one_each.setdefault(cl.find(j), j)
            if len(one_each) < len(members):
                self.exact[key] = set(one_each.values())
            out.update(one_each)
        return out


def _acronym_only(record: LocalRecord) -> bool:
    return record.type == "ORG" and all(is_acronym(n.strip()) for n in _record_names(record))


def _join_acronyms(records: list[LocalRecord], cl: _Clusters) -> None:
    """An acronym no document of its cluster spells out joins the one cluster it stands for."""
    defined: dict[str, set[int]] = defaultdict(set)  # letters -> records that define them
    spelled: dict[str, set[int]] = defaultdict(set)  # letters -> records whose name spells them
    long_of: dict[tuple[str, int], str] = {}  # (letters, record) -> the name that spells them
    for i, r in enumerate(records):
        if r.type != "ORG":
            continue
        names = _record_names(r)
        acronyms = [n for n in names if is_acronym(n.strip())]
        longs = [n for n in names if not is_acronym(n.strip())]
        for a in acronyms:
            for n in longs:
                if acronym_match(a, n):
                    defined[acronym_letters(a)].add(i)
                    long_of.setdefault((acronym_letters(a), i), n)
        for n in longs:
            for key in acronym_keys(n):
                spelled[key[4:].lower()].add(i)
                long_of.setdefault((key[4:].lower(), i), n)
    done: set[int] = set()
    initials = _place_initials(records)
    for i, r in enumerate(records):
        if not _acronym_only(r):
            continue
        letters = {acronym_letters(n) for n in _record_names(r)}
        root = cl.find(i)
        if len(letters) != 1 or root in done:
            continue
        done.add(root)
        (x,) = letters
        if x in defined:
            sources, how = defined[x], "is defined in another document as"
        elif len(x) >= 3:
            sources, how = spelled.get(x, set()), "spells the initials of"
        else:
            continue  # two letters stand for too many names
        targets = {cl.find(j): j for j in sorted(sources)}
        targets.pop(root, None)
        if len(targets) == 1:
            (target, j), = targets.items()
            long = long_of[(x, j)]
            cl.join(i, target, (r.name, long, [f"{r.name!r} {how} {long!r}, the only such name in the corpus"]))
        elif targets:
            # several names fit the letters: the one the corpus reports far more than the rest, or
            # none, with the candidates noted for the user
            target, why = _dominant_candidate(records, cl, i, set(targets), set(), "acronym")
            if target is not None:
                cl.join(i, target, why)
        elif not sources:
            _join_place_qualified_acronym(records, cl, i, x, defined, long_of, initials)


def _place_initials(records: list[LocalRecord]) -> dict[str, list[str]]:
    """Initial letter -> the places the corpus names in several stories, for acronyms that add
    places to an organisation's acronym."""
    stories: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.type == "LOC" and not is_acronym(r.name.strip()):
            stories[r.name].add(r.story_id or r.doc_id)
    out: dict[str, list[str]] = defaultdict(list)
    for name, s in stories.items():
        if len(s) >= HUB_STORIES and name[:1].isalpha():
            out[name[0].lower()].append(name)
    return out


def _join_place_qualified_acronym(records: list[LocalRecord], cl: _Clusters, i: int, x: str,
                                  defined: dict[str, set[int]], long_of: dict[tuple[str, int], str],
                                  initials: dict[str, list[str]]) -> None:
    """An acronym no name spells that is a defined acronym followed by the initials of places the
    corpus names ("DFNS" = "DF" + Norway + Sweden) stands for the organisation of the defined one."""
    for k in range(len(x) - 1, 1, -1):
        base, extra = x[:k], x[k:]
        if base not in defined or len(extra) > 3 or not all(initials.get(c) for c in extra):
            continue
        targets = {cl.find(j): j for j in sorted(defined[base])}
        targets.pop(cl.find(i), None)
        if len(targets) != 1:
            return
        (target, j), = targets.items()
        long = long_of[(base, j)]
        places = " + ".join(initials[c][0] for c in extra)
        r = records[i]
        cl.join(i, target, (r.name, long, [
            f"{r.name!r} is {base!r} (defined as {long!r}) followed by the initials of places the corpus names ({places})"]))
        return


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _same_token(a: str, b: str) -> bool:
    return a == b or _singular(a) == _singular(b) or token_similarity(a, b) >= 0.85


def _short_form_of(short: tuple[str, ...], long: tuple[str, ...], long_words: list[str]) -> bool:
    """True when ``short`` is ``long`` without kind words after it and one descriptive word before."""
    n = len(short)
    for o in range(0, min(2, len(long) - n + 1)):
        if not all(_same_token(x, y) for x, y in zip(short, long[o : o + n])):
            continue
        rest = long[o + n :]
        # kind words after it, or a complement after its head word: "X Monitor" is
        # "X Monitor for Human Rights", as "X Council" is "X Council of Y"
        complement = bool(rest) and rest[0] in ("for", "of") and len(rest) >= 2 and short[-1] in ORG_HEADS
        if not complement and not all(t in GENERIC_ORG_WORDS for t in rest):
            continue
        if o and long[0] not in ORG_DESCRIPTORS and body_prefix_length(long) != o:
            continue  # "Norwegian X Forces", "Free X Army" are other organisations than "X Forces", "X Army"
        return True
    return False


def _word_bucket(word: str) -> str | None:
    """The bucket of a name word that ``_same_token`` can accept another word in: its skeleton
    (``token_sort_key``, which the token comparison keeps in every rule that can reach its
    threshold but "ie"/"ei" written the other way round, which this index does not offer), or
    None for a word that comparison does not reject by skeleton (a space in it, an article at its
    start): such a word may meet any word."""
    norm = _norm_word(word)
    if " " in norm or norm.startswith(("al", "el")):
        return None
    return token_sort_key(norm)


class _WordPositions:
    """The records of one set (in the set's order), indexed by each word of each of their forms
    with its position: the records that a short form may shorten, found by its last word without
    comparing it to every record. A superset of what ``_same_token`` accepts: the same word, the
    same singular, or the same bucket (``_word_bucket``); the comparison itself still decides."""

    def __init__(self, members: set[int], forms: dict[int, list[tuple[tuple[str, ...], list[str]]]]):
        self.order = list(members)
        # positions in ``order``, 4 bytes each: a large corpus indexes millions of words here
        self.at: dict[tuple, array] = {}
        for k, j in enumerate(self.order):
            for long, _ in forms[j]:
                for q, word in enumerate(long):
                    for key in ((q, "bucket", _word_bucket(word)), (q, "singular", _singular(word))):
                        positions = self.at.get(key)
                        if positions is None:
                            positions = self.at[key] = array("i")
                        positions.append(k)

    def candidates(self, short: tuple[str, ...]) -> list[int]:
        """The records whose forms may have ``short``'s last word where ``_short_form_of`` looks
        for it (the short form at the start of the long one, or after one word), in set order."""
        word = short[-1]
        bucket = _word_bucket(word)
        if bucket is None:
            return self.order
        found: set[int] = set()
        for q in (len(short) - 1, len(short)):
            for key in ((q, "bucket", bucket), (q, "bucket", None), (q, "singular", _singular(word))):
                found.update(self.at.get(key, ()))
        return [self.order[k] for k in sorted(found)]


def _join_org_short_forms(records: list[LocalRecord], cl: _Clusters) -> None:
    """ "Harbour Guards" joins the one cluster named "Northern Harbour Guard Corps"."""
    by_pair: dict[tuple[str, str], set[int]] = defaultdict(set)
    parsed: dict[int, list[tuple[tuple[str, ...], list[str]]]] = {}
    for i, r in enumerate(records):
        if r.type != "ORG":
            continue
        forms = []
        for n in _record_names(r):
            if is_acronym(n.strip()):
                continue
            toks = _parse(n, False).tokens
            if len(toks) >= 2:
                norms = tuple(t.norm for t in toks)
                forms.append((norms, [t.surface for t in toks]))
                for x, y in zip(norms, norms[1:]):
                    by_pair[(_singular(x), _singular(y))].add(i)
        parsed[i] = forms
    # The records each short form shortens (with the first of their names it shortens), in the
    # order the pair index gives them. A form's answer does not depend on the clusters, so it is
    # worked out once per distinct form: a frequent form ("X Army") recurs in thousands of records
    # of a large corpus, and asking it again of every record sharing its first two words was
    # quadratic in the corpus.
    shortened: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    # the records sharing a form's first two words, indexed by the word its last word meets: in a
    # large corpus thousands of names share their first two words ("X Army" of many X), and
    # testing every one of them against every form sharing them was quadratic in the corpus
    by_last_word: dict[tuple[str, str], _WordPositions] = {}

    def records_shortened_by(short: tuple[str, ...]) -> list[tuple[int, str, str]]:
        got = shortened.get(short)
        if got is None:
            got = shortened[short] = []
            pair = (_singular(short[0]), _singular(short[1]))
            index = by_last_word.get(pair)
            if index is None and pair in by_pair:
                index = by_last_word[pair] = _WordPositions(by_pair[pair], parsed)
            for j in index.candidates(short) if index is not None else ():
                for long, words in parsed[j]:
                    if len(long) > len(short) and _short_form_of(short, long, words):
                        got.append((j, records[j].name, " ".join(words)))
                        break
        return got

    for i, forms in parsed.items():
        for short, words in forms:
            # "Norwegian Army", "National Council": no word of the short form names anyone, but an
            # international body's organ ("Security Council" of the "UN Security Council")
            generic = all(t in GENERIC_ORG_WORDS or t in _GENERIC_ORG_HEADS or demonym_target(w.capitalize())
                          or country_name(w) for t, w in zip(short, words))
            root = cl.find(i)
            targets: dict[int, tuple[str, str]] = {}
            for j, name, long_name in records_shortened_by(short):
                if generic and body_prefix_length(tuple(t.norm for t in _parse(long_name, False).tokens)) == 0:
                    continue
                targets.setdefault(cl.find(j), (name, long_name))
            if targets.pop(root, None) is not None:
                continue  # joined already to a name it shortens: the others are no candidates left
            if len(targets) == 1:
                (target, (name, long_name)), = targets.items()
                short_name = records[i].name
                cl.join(i, target, (short_name, name,
                                    [f"{short_name!r} is the short form of {long_name!r}, the only such name in the corpus"]))
            elif len(targets) > 1:
                support = {t: len(cl.stories[cl.find(t)]) for t in targets}
                best = max(support, key=lambda t: (support[t], -t))
                others = sum(v for t, v in support.items() if t != best)
                if support[best] >= DOMINANT_MIN_STORIES and support[best] >= DOMINANCE_RATIO * max(1, others):
                    name, long_name = targets[best]
                    short_name = records[i].name
                    cl.join(i, best, (short_name, name, [
                        f"{short_name!r} is the short form of {long_name!r}, reported {support[best]} times "
                        f"against {others} for the {len(targets) - 1} other names it shortens"]))


def _join_bare_group_names(records: list[LocalRecord], cl: _Clusters, place_kind: "PlaceKind | None") -> None:
    """ "Al-Dawn", typed a person or a place by the model, is the "Al-Dawn Front" the corpus names as
    an organisation: a name that is an organisation's name without its front/army/movement word
    (or a broadcaster's without "TV", "channel", "radio"),
    with nothing of its own saying what it is (no title, not a country, not a place the gazetteer
    knows), joins the one organisation it shortens (or the one reported far more than the others).
    A document that named both apart did so only because the model typed them apart: joined too."""
    bare_of: dict[str, set[int]] = defaultdict(set)
    for j, r in enumerate(records):
        if r.type != "ORG":
            continue
        for n in _record_names(r):
            words = n.split()
            if len(words) < 2 or is_acronym(n.strip()):
                continue
            if fold(words[-1]) in BODY_KIND_WORDS:
                bare_of[_key(" ".join(words[:-1]))].add(j)
            elif fold(words[-1]) in BROADCAST_KIND_WORDS:
                # a channel's short name as written ("Al-Dawn" for "Al-Dawn TV"), not a spelling of it:
                # "Dawn" alone may be a reporter's first name
                bare_of["=" + fold(" ".join(words[:-1]))].add(j)
            if fold(words[0]) in LEADING_GROUP_WORDS and len(words) >= 2:
                bare_of[_key(" ".join(words[1:]))].add(j)
    if not bare_of:
        return
    for i, r in enumerate(records):
        # the model's own organisation of that name is an actor of its own ("Dawn" beside "Dawn
        # Brigades"); one it typed a person or a place, retyped by the corpus vote, is a shortening
        if (r.type == "ORG" and r.retyped_from in (None, "ORG")) or r.titles or _type_evidence(r) is not None:
            continue
        key = _key(r.name)
        if key not in bare_of:
            key = "=" + fold(r.name)
            if key not in bare_of:
                continue
        words = [w for w in _name_words(r.name, False) if not _generic_head(w)]
        # a place the gazetteer knows by that name counts unless the corpus's vote made the name a
        # person's (the vote weighs the gazetteer already: a far namesake lost it)
        if not words or country_name(r.name) or demonym_target(r.name) or (
                r.type != "PERSON" and place_kind is not None and place_kind(r.name)):
            continue
        own = cl.find(i)
        support = Counter({cl.find(j): len(cl.stories[cl.find(j)]) for j in bare_of[key]})
        support.pop(own, None)
        if not support:
            continue
        (best, n), *rest = support.most_common()
        others = sum(v for _, v in rest)
        if n < 2 or (rest and n < DOMINANCE_RATIO * others):
            continue
        in_own, _ = cl.in_shared_docs(own, best)
        if any(_key(records[k].name) != key and "=" + fold(records[k].name) != key for k in in_own):
            continue  # a document told another name of this cluster apart from the organisation
        long_name = _cluster_name(records, cl, best)
        shortenings = [m for ms in cl.docs.peek(own).values() for m in ms
                       if _key(records[m].name) == key or "=" + fold(records[m].name) == key]
        cl.join(own, best, (r.name, long_name, [
            f"{r.name!r} is {long_name!r} without its group word; nothing else in the corpus says what "
            f"{r.name!r} is"]), force=True)
        for m in shortenings:  # an organisation's name, whatever the model took it for
            if records[m].type != "ORG":
                records[m] = dataclasses.replace(records[m], type="ORG", subtype=None,
                                                 retyped_from=records[m].retyped_from or records[m].type)


def _fuller_person_name_words(records: list[LocalRecord]) -> set[str]:
    """The words of persons' names of two words or more: a lone word among them may be anyone's."""
    words: set[str] = set()
    for r in records:
        if r.type == "PERSON":
            for n in _record_names(r):
                toks = _parse(n).tokens
                if len(toks) >= 2:
                    words.update(t.norm for t in toks)
    return words


def _join_places_taken_for_persons(records: list[LocalRecord], cl: _Clusters, person_words: set[str]) -> None:
    """A lone untitled word the model took for a person ("Sahil has seen attacks") is the
    place of that name when the corpus names the place in several documents and no person in the
    corpus has that word in a fuller name."""
    places: dict[str, set[int]] = defaultdict(set)
    skeletons: dict[str, set[str]] = defaultdict(set)  # blocking key -> place names, for spellings
    for i, r in enumerate(records):
        if r.type == "LOC":
            for n in _record_names(r):
                places[_place_key(n)].add(i)
                if len(_parse(n).tokens) == 1:
                    skeletons[name_key(n)].add(n)
    for i, r in enumerate(records):
        if r.type != "PERSON" or r.titles:
            continue
        toks = _parse(r.name).tokens
        if len(toks) != 1 or toks[0].norm in person_words or any(len(_parse(n).tokens) != 1 for n in r.names):
            continue
        roots = {cl.find(j) for j in places.get(_place_key(r.name), ())}
        if not roots:  # another spelling of the place ("Sahiil"), as the name comparison accepts
            roots = {cl.find(j) for n in skeletons.get(name_key(r.name), ())
                     if link_by_name(r.name, n, "LOC")[0] for j in places[_place_key(n)]}
        if len(roots) == 1:
            target = next(iter(roots))
            if len(cl.docs[target]) >= 2 and cl.find(i) != target and len(cl.docs[cl.find(i)]) == 1:
                cl.join(i, target, (r.name, records[target].name,
                                    [f"{r.name!r} is no person's name in the corpus but the place {records[target].name!r}"]))


def _join_mononyms(records: list[LocalRecord], cl: _Clusters, person_words: set[str]) -> None:
    """One word the model calls a person in several stories, that no fuller person name in the corpus
    carries and that nothing else has joined, is one referent: a figure known by one name, or a
    group or outlet the model misread as a person. A lone given name of anyone with a fuller name
    ("Karim" of "Karim Tarmi"), or a common given name ("Ali"), is not one: it stays where the
    surname rules left it."""
    lone: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if r.type != "PERSON":
            continue
        toks = [t for n in _record_names(r) for t in _parse(n).tokens]
        if (len({t.norm for t in toks}) == 1 and toks[0].norm not in person_words
                and fold(toks[0].surface).lower() not in GIVEN_NAMES):
            lone[toks[0].norm].append(i)  # a common given name alone ("Ali") is anyone's
    for word, idxs in lone.items():
        roots = {cl.find(i) for i in idxs}
        if len(roots) < 2 or len({s for root in roots for s in cl.stories[root]}) < 2:
            continue
        if any(any(len(_parse(n).tokens) > 1 for k in cl.docs[root].values() for m in k for n in _record_names(records[m]))
               for root in roots):
            continue  # a cluster that holds a fuller name was joined on other evidence
        first = idxs[0]
        for i in idxs[1:]:
            cl.join(first, i, (records[first].name, records[i].name, [
                f"{records[i].name!r} is a lone name in several stories that no fuller person name in the corpus carries"]))


PlaceKind = Callable[[str], "str | None"]


def _join_undivided_places(records: list[LocalRecord], cl: _Clusters, divisions: list[tuple[str, str] | None],
                           place_kind: PlaceKind | None) -> None:
    """A bare place name joins the one division named after it unless the name is also a town's. A
    "district" is another matter: the word names a city's quarter as often as an administrative
    district, and a district is named after its seat: "X district" and the town or quarter X are one
    place, whatever the gazetteer or a document says X is."""
    division_records: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(divisions):
        if d is not None:
            division_records[d[0]].append(i)
    if not division_records:
        return
    # a district is often spelt otherwise than its town ("Sadun" and "Sadoun district"): a bare name
    # that no division carries meets the one district whose name it matches under another spelling
    districts_by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key, idxs in division_records.items():
        if all(divisions[i][1] == "district" for i in idxs):  # type: ignore[index]
            districts_by_skeleton[name_key(key)].append(key)
    bare: dict[str, list[int]] = defaultdict(list)
    spelled: dict[str, set[str]] = defaultdict(set)  # division key -> the bare names' own keys
    towns: set[str] = set()
    for i, r in enumerate(records):
        if r.type != "LOC" or divisions[i] is not None:
            continue
        own = key = _place_key(r.name)
        if key not in division_records:
            near = districts_by_skeleton.get(name_key(key), ())
            if len(near) != 1 or not names_match(r.name, _division_place(records[division_records[near[0]][0]]), "LOC"):
                continue
            key = near[0]
        bare[key].append(i)
        spelled[key].add(own)
        if r.subtype == "settlement":
            towns.add(key)
    if not bare:
        return
    for key, bares in bare.items():
        targets = {cl.find(i) for i in division_records[key]}
        levels = {divisions[i][1] for i in division_records[key]}  # type: ignore[index]
        if len(targets) != 1 or len(levels) != 1:
            continue
        district = levels == {"district"}
        if key in towns and not district:
            continue
        name = records[bares[0]].name
        if not district and place_kind is not None and place_kind(name) == "settlement":
            continue
        target = next(iter(targets))
        for root in dict.fromkeys(cl.find(i) for i in bares):
            if root == target or (cl.kinds[root].keys() - {"region"} and not district):
                continue
            if not _only_division_pairs(records, cl, root, target, spelled[key] | {key}, divisions):
                continue
            div_name = records[target].name
            cl.join(root, target, (name, div_name, [f"{name!r} is named by {div_name!r} and by no town in the corpus"]),
                    force=True)
            target = cl.find(target)


def _join_bare_places_of_weak_kind(records: list[LocalRecord], cl: _Clusters,
                                   divisions: list[tuple[str, str] | None]) -> None:
    """A bare place name ("X" with no "province" in its name or title) that its document's context
    made a region ("the X countryside", "X's governor") is the division named X when the corpus has
    exactly one; failing that, with no division of that name anywhere, its kind is only a reading of
    the context and it joins the one place the rest of the corpus calls X. A kind read off one
    document's context must not keep a name apart from the place every other story means by it."""
    division_roots: dict[str, set[int]] = defaultdict(set)
    bare_roots: dict[str, Counter] = defaultdict(Counter)
    weak: list[int] = []
    for i, r in enumerate(records):
        if r.type != "LOC":
            continue
        if divisions[i] is not None:
            division_roots[divisions[i][0]].add(cl.find(i))
            continue
        key = _place_key(r.name)
        bare_roots[key][cl.find(i)] += 1
        if r.subtype == "region":
            weak.append(i)
    division_members = {cl.find(x) for roots in division_roots.values() for x in roots}
    for i in weak:
        root, key, name = cl.find(i), _place_key(records[i].name), records[i].name
        if root in division_members or cl.kinds[root].keys() - {"region"}:
            continue  # the cluster holds a division or a town: its kind is not a reading of context alone
        divs = Counter({cl.find(x): len(cl.stories[cl.find(x)]) for x in division_roots.get(key, ())})
        if divs:
            top = divs.most_common(2)
            target = top[0][0] if len(top) == 1 or top[0][1] >= DOMINANCE_RATIO * top[1][1] else None
            why = (f"{name!r} is made a region by its documents' context, and the corpus names one division "
                   f"{name!r} far more than any other")
        elif len(cl.stories[root]) > 1:
            continue  # several stories read it as a region and none names the division: leave it
        else:
            counts = Counter({cl.find(x): n for x, n in bare_roots[key].items()})
            counts.pop(root, None)
            top = counts.most_common(2)
            target = top[0][0] if top and (len(top) == 1 or top[0][1] >= DOMINANCE_RATIO * top[1][1]) else None
            why = f"{name!r} is made a region only by its own document's context; no division is named {name!r} in the corpus"
        if target is None or target == root:
            continue
        # documents naming both must give one only the bare name and the other only the division
        if cl.shared_docs(root, target) and not (divs and _only_division_pairs(records, cl, root, target, {key}, divisions)):
            continue
        cl.join(root, target, (name, records[target].name, [why]), force=True)


def _division_place(record: LocalRecord) -> str:
    """The place a division's record is named after: "Sadun" of "Sadun district"."""
    div = admin_division(record.name)
    return div[0] if div is not None else record.name


def _only_division_pairs(records: list[LocalRecord], cl: _Clusters, a: int, b: int, keys: set[str],
                         divisions: list[tuple[str, str] | None]) -> bool:
    """True when every document the two clusters share gives one of them only the bare name and
    the other only the division: the linker's undecided pair, not two places it told apart."""
    in_a, in_b = cl.in_shared_docs(a, b)
    # a document may spell the name its own way ("Alsadun" and "Alsadun District"): its pair is a bare
    # name and a division of one key, that key or the corpus's
    bare: dict[str, set[str]] = defaultdict(set)
    divided: dict[str, set[str]] = defaultdict(set)
    for i in in_a + in_b:
        if divisions[i] is None:
            bare[records[i].doc_id].add(_place_key(records[i].name))
        else:
            divided[records[i].doc_id].add(divisions[i][0])
    return all(bare[d] <= divided[d] | keys and divided[d] <= bare[d] | keys for d in set(bare) | set(divided))


def _join_corroborated(records: list[LocalRecord], cl: _Clusters, names_of: list[list[str]]) -> None:
    """Two clusters that independent stories name as one ("X, formerly known as Y" in two stories)
    are one, although some document listed them apart: that document's silence is one story's
    evidence against two. One story's say-so does not override a document (a definition may be
    wrong, or two names may be two actors there). A record's names find the clusters they name
    under any spelling the name comparison accepts."""
    by_skeleton: dict[str, dict[int, str]] = defaultdict(dict)
    for i in range(len(records)):
        for n in names_of[i]:
            by_skeleton[name_key(n)].setdefault(cl.find(i), n)
    support: dict[tuple[int, int], set[str]] = defaultdict(set)
    evidence: dict[tuple[int, int], tuple[str, str]] = {}
    for i, r in enumerate(records):
        if len(names_of[i]) < 2:
            continue
        own = cl.find(i)
        # the clusters each of the record's names stands for: its own, and any other cluster that
        # uses the name under a spelling the comparison accepts. The record says all are one; two
        # records in two other clusters ("X, formerly Y" and "X', formerly Y") support the same pair.
        named: list[tuple[str, set[int]]] = []
        for n in names_of[i]:
            if r.type != "LOC" and len(_parse(n).tokens) < 2 and not is_acronym(n.strip()):
                continue  # a lone surname or word may be anyone's
            roots = {own}
            for root, m in by_skeleton.get(name_key(n), {}).items():
                other = cl.find(root)
                if other == own or records[other].type != r.type:
                    continue
                if _key(m) != _key(n) and not link_by_name(n, m, r.type)[0]:
                    continue
                roots.add(other)
            named.append((n, roots))
        for k, (n, roots_n) in enumerate(named):
            for m, roots_m in named[k + 1:]:
                if len(roots_n) > 6 or len(roots_m) > 6:
                    continue  # a name many clusters share says nothing about which two are one
                for x in roots_n:
                    for y in roots_m:
                        if x != y:
                            pair = (min(x, y), max(x, y))
                            support[pair].add(r.story_id or r.doc_id)
                            evidence.setdefault(pair, (n, m))
    for pair, stories in sorted(support.items(), key=lambda kv: -len(kv[1])):
        if len(stories) < 2:
            continue
        a, b = cl.find(pair[0]), cl.find(pair[1])
        if a == b:
            continue
        x, y = evidence[pair]
        cl.join(a, b, (x, y, [f"{len(stories)} independent stories name {x!r} and {y!r} as one, "
                              "though a document lists them apart"]), force=True)


# An actor named in this many independent stories is established: joining two of them takes
# more than one story's say-so.
HUB_STORIES = 3


class _NameGraph:
    """The names of one cluster as nodes; a record that carries two names is an edge between them,
    supported by the record's story; a join the resolver made on name evidence (spelling, acronym,
    surname) is an edge that needs no story."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.label: list[str] = []
        self.stories: list[set[str]] = []
        self.types: list[Counter] = []
        self.parent: list[int] = []

    def node(self, name: str) -> int:
        key = _key(name)
        k = self.index.get(key)
        if k is None:
            k = self.index[key] = len(self.label)
            self.label.append(name)
            self.stories.append(set())
            self.types.append(Counter())
            self.parent.append(k)
        return k

    def find(self, x: int) -> int:
        return _find(self.parent, x)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.stories[ra] |= self.stories[rb]
            self.types[ra] += self.types[rb]


def _conflicting_types(a: Counter, b: Counter) -> bool:
    """Two names whose own records say different kinds of thing: a place and an armed group, a
    person and a place."""
    if not a or not b:
        return False
    ta, tb = a.most_common(1)[0][0], b.most_common(1)[0][0]
    return ta != tb


# Heads of group names that translations write both ways ("Army of Valour" / "Valour Army", as
# ``_translated_forms`` renders "Jaish al-X"). Across the corpus such names are not matched on word
# order alone (``names.normalize.head_last`` turns institutions only); inside a cluster the corpus
# already joined, the two orders are one name.
_GROUP_HEAD_OF = re.compile(r"^(?:the\s+)?(army|front|brigades?|battalions?|movement|party|legion|forces|alliance)"
                            r"\s+of\s+(?:the\s+)?(\S.*?)$", re.IGNORECASE)


def _head_last_form(name: str) -> str:
    """The name with its head word last: "Army of Valour" -> "Valour Army", "Ministry of X" -> "X Ministry"."""
    m = _GROUP_HEAD_OF.match(" ".join(name.split()))
    return f"{m.group(2)} {m.group(1)}" if m else head_last(name) or name


def _country_qualified_form(a: str, b: str) -> bool:
    """Whether one name is the other with its country in front ("Norwegian Dawn Council" / "Dawn
    Council"), the shape of an organisation's short form: one story that says so is evidence
    enough. Not for a ministry, an army or a government, whose unqualified name each country's
    own takes ("Defence Ministry")."""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb):
        return False
    long, short = (wa, wb) if len(wa) > len(wb) else (wb, wa)
    if len(short) < 2 or len(long) != len(short) + 1 or [fold(w) for w in long[1:]] != [fold(w) for w in short]:
        return False
    if ORG_HEADS.get(fold(short[-1])) in ("government", "military"):
        return False
    first = long[0].strip("-")
    return bool(first[:1].isupper() and (country_name(first) or demonym_target(first)))


def _coherent_parts(records: list[LocalRecord], members: list[int], names_of: list[list[str]],
                    joins: list[tuple[str, str, list[str]]],
                    moved: dict[int, dict[str, int]] | None = None) -> tuple[list[list[int]], list[str]]:
    """The parts a cluster falls into when every weak link between two established actors is cut:
    a name pair carried by records of one story only, or by names whose records disagree on the
    type. Returns the parts (record indices) and why each cut was made. A record whose names fall
    into several parts stays with its first name's part; ``moved`` (when given) receives, for such
    a record, each other name -> a record of the part that name went to, so that the mentions
    written with that name can follow it."""
    g = _NameGraph()
    rec_nodes: dict[int, list[int]] = {}
    for i in members:
        r = records[i]
        nodes = list(dict.fromkeys(g.node(n) for n in names_of[i]))
        rec_nodes[i] = nodes
        story = r.story_id or r.doc_id
        for k in nodes:
            g.stories[k].add(story)
        if nodes:
            g.types[nodes[0]][r.type] += 1
    pair_stories: dict[tuple[int, int], set[str]] = defaultdict(set)
    for i, nodes in rec_nodes.items():
        for k in nodes[1:]:
            if k != nodes[0]:
                pair_stories[tuple(sorted((nodes[0], k)))].add(records[i].story_id or records[i].doc_id)
    own_types = [Counter(t) for t in g.types]
    # spellings of one name are one name here too, whether or not the join that made the cluster
    # went through them
    buckets: dict[str, list[int]] = defaultdict(list)
    forms = [_head_last_form(label) for label in g.label]  # each label with its head word last
    turned = [_key(f) for f in forms]
    for k, form in enumerate(forms):
        buckets[name_key(form)].append(k)
    for ks in buckets.values():
        for x in range(len(ks)):
            for y in range(x + 1, min(len(ks), x + 20)):
                a, b = ks[x], ks[y]
                typ = (own_types[a] or own_types[b] or Counter({"ORG": 1})).most_common(1)[0][0]
                if (g.find(a) != g.find(b) and not _conflicting_types(own_types[a], own_types[b])
                        and (turned[a] == turned[b] or link_by_name(g.label[a], g.label[b], typ)[0])):
                    g.union(a, b)
    for a, b, _ in joins:
        if a and b and (_key(a)) in g.index and (_key(b)) in g.index:
            ka, kb = g.node(a), g.node(b)
            if not _conflicting_types(own_types[ka], own_types[kb]):
                g.union(ka, kb)
    weak = []
    for (a, b), stories in pair_stories.items():
        if len(stories) >= 2 and not _conflicting_types(own_types[a], own_types[b]):
            g.union(a, b)
        else:
            weak.append((a, b, stories))
    # stories count between parts, not between spellings: three stories that each pair another
    # spelling of X with another spelling of Y corroborate X = Y three times
    changed = True
    while changed:
        changed = False
        between: dict[tuple[int, int], set[str]] = defaultdict(set)
        for a, b, stories in weak:
            ra, rb = g.find(a), g.find(b)
            if ra != rb and not _conflicting_types(own_types[a], own_types[b]):
                between[(min(ra, rb), max(ra, rb))] |= stories
        for (ra, rb), stories in between.items():
            if len(stories) >= 2 and g.find(ra) != g.find(rb):
                g.union(ra, rb)
                changed = True
    weak.sort(key=lambda e: min(len(g.stories[g.find(e[0])]), len(g.stories[g.find(e[1])])))
    cuts: list[str] = []
    for a, b, stories in weak:
        ra, rb = g.find(a), g.find(b)
        if ra == rb:
            continue
        sa, sb = len(g.stories[ra]), len(g.stories[rb])
        conflict = _conflicting_types(own_types[a], own_types[b])
        if not conflict and (min(sa, sb) < HUB_STORIES or _country_qualified_form(g.label[a], g.label[b])):
            g.union(a, b)
            continue
        why = (f"types differ ({own_types[a].most_common(1)[0][0]} / {own_types[b].most_common(1)[0][0]})"
               if conflict else f"only {len(stories)} story says they are one, and each is named in "
                                f"{min(sa, sb)}+ stories")
        cuts.append(f"{g.label[a]!r} kept apart from {g.label[b]!r}: {why}")
    if not cuts:
        return [members], []
    parts: dict[int, list[int]] = defaultdict(list)
    split_names: dict[int, dict[str, int]] = {}
    for i, nodes in rec_nodes.items():
        if not nodes:
            parts[-1].append(i)
            continue
        comps = {g.find(k) for k in nodes}
        home = g.find(nodes[0])
        parts[home if len(comps) > 1 else comps.pop()].append(i)
        if len(comps) > 1:
            split_names[i] = {g.label[k]: g.find(k) for k in nodes if g.find(k) != home}
    if -1 in parts and len(parts) > 1:  # a record with no matching name stays with the largest part
        loose = parts.pop(-1)
        max(parts.values(), key=len).extend(loose)
    if moved is not None:
        for i, names in split_names.items():
            targets = {n: parts[comp][0] for n, comp in names.items() if parts.get(comp)}
            if targets:
                moved[i] = targets
    return list(parts.values()), cuts


def _cut_weak_links(records: list[LocalRecord], cl: _Clusters, names_of: list[list[str]]) -> _Clusters:
    """Clusters checked for coherence after joining: one sentence cannot glue two hubs."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[cl.find(i)].append(i)
    regroup: list[tuple[list[int], list[tuple[str, str, list[str]]], list[str]]] = []
    cut_any = False
    # a cluster's joins and notes are read with peek and kept only where there are some: a corpus's
    # lone records are most of its clusters, and an empty list each cost some 100 bytes a cluster
    for root, idxs in groups.items():
        if len(idxs) > 1 and len(cl.stories.peek(root)) >= 2 * HUB_STORIES:
            parts, cuts = _coherent_parts(records, idxs, names_of, cl.joins.peek(root), cl.moved_names)
        else:
            parts, cuts = [idxs], []
        if len(parts) == 1:
            notes = list(dict.fromkeys(cl.notes.peek(root) + cuts))
            if notes or root in cl.notes.values:
                cl.notes[root] = notes
            regroup.append((idxs, cl.joins.peek(root), notes))
            continue
        cut_any = True
        for part in parts:
            keys = {_key(n) for i in part for n in names_of[i]}
            joins = [j for j in cl.joins[root]
                     if (_key(j[0])) in keys and (_key(j[1])) in keys]
            # each part keeps the notes that name one of its own names
            quoted = {repr(n) for i in part for n in (records[i].name, *names_of[i])}
            notes = [t for t in cl.notes[root] + cuts if any(q in t for q in quoted)]
            regroup.append((part, joins, notes))
    if not cut_any:
        return cl
    # the parts are joined anew from their records: the old clusters' documents and stories go first,
    # or both would be held at once (1.4 million records: 150 MB more in this step)
    del groups
    cl.forget_all_but_reasons()
    new = _Clusters(records)
    new.moved_names = cl.moved_names
    for part, joins, notes in regroup:
        for m in part[1:]:
            new.join(part[0], m, _REJOINED, force=True)
        root = new.find(part[0])
        if joins or root in new.joins.values:  # the placeholder reasons of the joins above go
            new.joins[root] = list(joins)
        if notes:
            new.notes[root] = list(dict.fromkeys(notes))
    return new


_REJOINED = ("", "", [])  # the reason of a join that remakes a part the coherence check kept


def _canonical(members: list[LocalRecord]) -> str:
    """The display name: the full form most independent stories use. Spellings that normalise alike
    ("Karim al Tarmi", "Karim al-Tarmi") pool their stories and show the most used spelling; a
    person's full form has two words or more, nobody's is an acronym when a name exists; a one-off
    headline fragment ("X Almost") loses to the name many stories use."""
    stories: dict[str, set[str]] = defaultdict(set)
    uses: Counter = Counter()
    for r in members:
        for n in _record_names(r):
            stories[n].add(r.story_id or r.doc_id)
            uses[n] += r.mentions if n == r.name else 1
    if not stories:
        return members[0].name
    # a province shows its kind word ("X province", never the town X); a district, which is its seat
    # town or a city's quarter by another word, shows the place's own name
    division = members[0].type == "LOC" and any((division_of(r) or ("", "district"))[1] != "district" for r in members)
    person = members[0].type == "PERSON"
    forms: dict[str, list[str]] = defaultdict(list)
    for n in stories:
        forms[_key(n)].append(n)
    form_stories = {k: set().union(*(stories[n] for n in ns)) for k, ns in forms.items()}
    form_uses = {k: sum(uses[n] for n in ns) for k, ns in forms.items()}

    # a person's surname written alone ("Tarmi") vouches for the full forms spelled the same way: a
    # full name typed once with its letters swapped loses to the spelling the later mentions use
    lone_words = {t.norm for k in forms for t in [*_parse(forms[k][0]).tokens][:1]
                  if person and len(_parse(forms[k][0]).tokens) == 1}

    def rank(k: str) -> tuple:
        n = forms[k][0]
        toks = _parse(n).tokens
        full = len(toks) >= 2 if person else True
        vouched = bool(person and full and toks[-1].norm in lone_words)
        return (not is_acronym(n.strip()), not division or admin_division(n) is not None, full,
                len(form_stories[k]), vouched, form_uses[k], min(len(toks), 4), len(n))

    best = max(forms, key=rank)
    acronyms = [k for k in forms if is_acronym(forms[k][0].strip())]
    if acronyms and not is_acronym(forms[best][0].strip()):
        # an organisation known by its acronym keeps it unless the longer name spells it out or is
        # used as widely: "NPA Monitor" once is no name for NPA
        top = max(acronyms, key=lambda k: (len(form_stories[k]), form_uses[k]))
        if len(form_stories[top]) > len(form_stories[best]) and not any(
                acronym_match(forms[top][0].strip(), n) for n in forms[best]):
            best = top
    if person:
        # a fuller form of the same name, with the same first and last word ("Karim Hadi al-Tarmi"
        # for "Karim al-Tarmi"), is the full name; extra words at either end may be a headline's
        head = [t.norm for t in _parse(forms[best][0]).tokens]
        fuller = [k for k in forms if k != best and _inner_extension(head, [t.norm for t in _parse(forms[k][0]).tokens])]
        if fuller:
            best = max(fuller, key=rank)
    # a dateline's or a headline's capitals are no spelling of a place or a person: "VELMORA" shows
    # as "Velmora" (an organisation's capitals may be its name: "UNICEF")
    cased = members[0].type in ("LOC", "PERSON")
    name = max(forms[best], key=lambda n: (not (cased and _shouted(n)), len(stories[n]), uses[n], "-" in n, n))
    return name.title() if cased and _shouted(name) else name


def _shouted(name: str) -> bool:
    """A name written in capitals that is no acronym: a word of five letters or more."""
    return name.isupper() and any(len(w) >= 5 for w in re.findall(r"[A-Z]+", name))


def _inner_extension(short: list[str], long: list[str]) -> bool:
    """True when ``long`` is ``short`` with a middle name or two inserted between its first and last
    word (not the surname again: "Karim Tarmi Hadi Tarmi" is two people)."""
    if len(short) < 2 or not len(short) < len(long) <= len(short) + 2 or long[0] != short[0] or long[-1] != short[-1]:
        return False
    if long.count(short[-1]) > 1 or long.count(short[0]) > 1:
        return False
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _entity_subtype(members: list[LocalRecord], typ: str) -> str | None:
    """The kind most of an entity's records give. A facility is named after the place it stands
    in ("X prison", "X airport") and its record carries the place's bare name, so one story's
    facility joined to a town's records must not make the town a facility (and keep it from the
    joins a town takes): a facility needs most of the records."""
    of_type = [r for r in members if r.type == typ]
    kinds = Counter(r.subtype for r in of_type if r.subtype)
    for kind, n in kinds.most_common():
        if kind != "facility" or 2 * n >= len(of_type):
            return kind
    return None


def _entity_type(members: list[LocalRecord], place_kind: PlaceKind | None = None) -> str:
    """The type of a cluster by vote over its mentions, a record's own evidence (title, head word,
    country) counting more; a name the gazetteer knows as a place outweighs the model's untitled
    PERSON tags on it ("Sahil was shelled" tagged as a person)."""
    votes: Counter = Counter()
    titled = False
    for r in members:
        ev = _type_evidence(r)
        titled = titled or ev == "PERSON"
        votes[r.type] += max(1, r.mentions) * (_EVIDENCE_WEIGHT if ev == r.type else 1)
    if votes["LOC"] and votes["PERSON"] and not titled and place_kind is not None:
        try:
            known = place_kind(_canonical(members)) is not None
        except Exception:  # noqa: BLE001 - no gazetteer reading: the vote stands
            known = False
        if known:
            votes["LOC"] += votes["PERSON"]
    return max(votes, key=lambda t: (votes[t], t))


_LEFT_APART = re.compile(r"^'(.+?)' left apart: .*?: (.*)$")
_CANDIDATE = re.compile(r"(?:^|, )(.+?) \(\d+ stor(?:y|ies)\)")


def _live_notes(notes: list[str], aliases: Counter) -> list[str]:
    """The refusals that still hold: a short name "left apart" among several candidates that a
    later rule joined to one of them (its entity now carries that candidate's name) is no longer
    apart."""
    out = []
    for note in notes:
        m = _LEFT_APART.match(note)
        if m and any(c in aliases for c in _CANDIDATE.findall(m.group(2))):
            continue
        out.append(note)
    return out


def entity_id(typ: str, name: str) -> str:
    return "E" + hashlib.sha1(f"{typ}|{name_key(name) or name.casefold()}".encode()).hexdigest()[:10]


def resolve(records: list[LocalRecord], overrides: list[Override] = (), place_kind: PlaceKind | None = None,
            timings: dict[str, float] | None = None, name_links: dict[tuple[str, int], dict[str, str]] | None = None,
            names_region: Callable[[str], bool] | None = None,
            ) -> tuple[list[ResolvedEntity], dict[tuple[str, int], str]]:
    """Cluster local entities into corpus entities. Returns the entities and (doc, idx) -> entity id.

    ``place_kind(name)`` says what a bare place name is known as outside the corpus ("settlement",
    "region" or None), so that a town is not joined to the province named after it.
    ``names_region(name)`` says whether the name is also a first-level region's (a province named
    after its seat); without it, "the X countryside" is always the province X. ``timings``,
    when given, receives the seconds each step took (for ``newsgraph.bench_resolve``).
    ``name_links``, when given, receives (doc, idx) -> {name: entity id} for the names of a local
    entity that belong to another entity than the local entity's own (a document's alias the
    corpus does not confirm, cut off by the coherence check): the mentions written with such a
    name go to that entity."""
    clock = _StepClock(timings)
    _CLUSTER_NAMES.clear()
    records = _vote_types(_trim_glued_names(_fold_possessives(list(records))), place_kind)
    records = _town_countrysides(records, names_region)
    cl = _Clusters(records)
    divisions = [division_of(r) for r in records]
    # read only: records with the same names share one tuple of them (a corpus repeats its names)
    shared_names: dict[tuple[str, ...], tuple[str, ...]] = {}
    names_of = [shared_names.setdefault(t, t) for t in (tuple(_matching_names(r, d)) for r, d in zip(records, divisions))]
    del shared_names
    _join_same_name_in_document(records, cl, names_of)
    links = candidate_links(records, names_of)
    _forget_compared_pairs()  # the steps below compare other pairs, and far fewer
    clock("names: block and compare")
    for _, i, j, why in links:
        if not cl.join(i, j, why) and records[i].type == "ORG" and _never_compared_names(records, cl, cl.find(i), cl.find(j)):
            why = (why[0], why[1], [*why[2], "the documents that name both keep them apart only for want of "
                                    "evidence: their names are unrelated"])
            cl.join(i, j, why, force=True)
    del links  # the joins keep the reasons they were made for; the refused links go
    clock("names: join")
    _join_org_short_forms(records, cl)
    clock("short forms")
    _join_acronyms(records, cl)
    clock("acronyms")
    _join_corroborated(records, cl, names_of)
    clock("corroborated definitions")
    _join_unique_heads(records, cl)
    _join_partial_person_names(records, cl)
    clock("lone surnames and head words")
    _join_rare_misspellings(records, cl)
    clock("misspellings")
    _join_corroborated(records, cl, names_of)
    clock("corroborated definitions")
    # again, over the clusters the joins since made: a lone surname that had two fuller names of one
    # person to choose from ("Tayyip X", "Recep Tayyip X") now has the one
    _join_unique_heads(records, cl, again=True)
    clock("lone surnames and head words")
    _join_undivided_places(records, cl, divisions, place_kind)
    _join_bare_places_of_weak_kind(records, cl, divisions)
    _join_bare_group_names(records, cl, place_kind)
    person_words = _fuller_person_name_words(records)
    _join_places_taken_for_persons(records, cl, person_words)
    _join_mononyms(records, cl, person_words)
    clock("places")
    cl = _cut_weak_links(records, cl, names_of)
    clock("coherence")
    cl = apply_to_clusters(records, cl, list(overrides))
    clock("overrides")
    del names_of, divisions
    _forget_compared_pairs()  # no two names are compared any more: the entities are built in that memory

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[cl.find(i)].append(i)
    cl.forget_all_but_reasons()  # the entities are built in that memory
    entities: list[ResolvedEntity] = []
    used: set[str] = set()
    for root, idxs in sorted(groups.items(), key=lambda kv: min(records[i].key for i in kv[1])):
        members = [records[i] for i in idxs]
        typ = _entity_type(members, place_kind)
        sub = _entity_subtype(members, typ)
        name = _canonical(members)
        eid = entity_id(typ, name)
        k = 2
        while eid in used:
            eid = f"{entity_id(typ, name)}-{k}"
            k += 1
        used.add(eid)
        aliases: Counter = Counter()
        for r in members:
            for n in _record_names(r):
                aliases[n] += 1
        titles = list(dict.fromkeys(t for r in members for t in r.titles
                                    if not (r.type == "LOC" and t in _DIVISION_LEVELS)))
        entities.append(
            ResolvedEntity(
                id=eid, name=name, type=typ, subtype=sub,
                members=[r.key for r in members], aliases=aliases,
                documents=len({r.doc_id for r in members}),
                stories=len({r.story_id or r.doc_id for r in members}),
                titles=titles, joins=list(cl.joins.peek(root)),
                alias_kinds={a: ("acronym" if is_acronym(a.strip()) else "mention", n) for a, n in aliases.items()},
                meta={"kept_apart": notes} if (notes := _live_notes(cl.notes.peek(root), aliases)) else {},
            )
        )
    mapping: dict[tuple[str, int], str] = {}
    for e in entities:
        for key in e.members:
            mapping[key] = e.id
    if name_links is not None:
        for i, names in cl.moved_names.items():
            own = mapping[records[i].key]
            links = {n: mapping[records[j].key] for n, j in names.items() if mapping[records[j].key] != own}
            if links:
                name_links[records[i].key] = links
    clock("entities")
    return entities, mapping


def _forget_compared_pairs() -> None:
    """Empty the memos of compared pairs of names and tokens (bounded, but a large corpus fills
    them: some 300 MB). Pure functions: emptying them changes no answer."""
    from newsgraph.names import normalize

    normalize._compare.cache_clear()
    normalize._match_norm.cache_clear()


class _StepClock:
    """Adds the time since the previous call to ``timings[step]``; does nothing without timings."""

    def __init__(self, timings: dict[str, float] | None):
        self.timings = timings
        self.last = time.perf_counter()

    def __call__(self, step: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[step] = self.timings.get(step, 0.0) + now - self.last
            self.last = now
