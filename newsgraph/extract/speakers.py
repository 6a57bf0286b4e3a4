"""Who said it: quotes attributed to document-local entities through names, roles and pronouns.

``quotes.find_quotes`` finds the quoted words and the attribution as written ("al-Ghurairi told
reporters", "he said", "according to a spokesman for the alliance"). This module maps that
attribution onto the document's entity mentions:

* a name -> the mention that covers the head of the speaker phrase; a place only when it is the whole
  speaker ("Baghdad said"), never as a modifier ("police in Kirkuk", "Kirkuk police");
* an organisation named as a modifier of a speaking role ("a spokesman for the alliance", "a Pentagon
  official", "the group's statement") -> that organisation; of any other noun ("two commanders in
  the brigade", "residents of the village") -> nobody;
* a definite description ("the alliance", "the organisation", "the colonel", "the alliance's
  leader") -> the mention linked by within-document resolution, else the entity it refers back to:
  an organisation whose name or description holds the head noun, a generic one ("the group") -> the
  organisation that is the subject of the nearest sentence before, a person role -> the one person
  described with that word; "the statement" -> who issued the last statement mentioned;
* a pronoun -> searched back sentence by sentence (to the start of the previous paragraph): in each
  sentence, the speaker of a quote attributed there, else its first person (subjects come first in
  English, and a person named later in the sentence is usually an object); "he"/"she" skip people of
  the other stated gender, "it"/"they" look for an organisation that is a sentence subject, and
  "they" after an unnamed plural source ("two officials said") stays unknown;
* a common-noun source that names nobody the document names ("officials", "activists", "the
  newspaper", "a voter") -> a descriptive speaker: no entity, ``how="descriptive"`` and the phrase
  as its ``role``; a pronoun whose nearest compatible antecedent is such a description ("One voter
  ... she said") takes that description, not a named person further back;
* nothing usable -> no speaker (never a guess from the far context).

A person speaker also gets ``role``: the role the text last stated for them before the quote (the
apposition in the cue, else the latest apposition, title or role phrase of their mentions: "then the
town's mayor" for an early quote, "now the regional governor" for a later one).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsgraph.extract.quotes import Quote, _paragraphs, _sentence_bounds
from newsgraph.types import EntityMention

_PRONOUNS = frozenset("he she they it we i".split())

_FEMALE = frozenset(
    "mrs ms miss madam madame mme lady umm um sister queen princess dame baroness duchess sheikha sayyida "
    "woman women spokeswoman chairwoman congresswoman businesswoman policewoman councilwoman "
    "mother wife daughter widow grandmother aunt girl niece actress hostess".split())
_MALE = frozenset(
    "mr sir lord king prince father brother abu ayatollah imam mullah sayyid sayyed mufti emir "
    "man men spokesman chairman congressman businessman policeman councilman "
    "husband son widower grandfather uncle boy nephew actor".split())
# Heads of a speaker phrase that speak for the organisation named in it.
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokesmen official officials statement statements "
    "representative representatives office media leadership command communique communiqué release "
    "announcement channel website account envoy delegation negotiator negotiators".split())
# Definite descriptions that name a document, not a person: "according to the statement".
_DOC_HEADS = frozenset("statement communique communiqué release announcement video message letter".split())
# Heads that may refer back to any organisation.
_GENERIC_ORG = frozenset(
    "group organisation organization movement faction militia network outfit".split())
_ORG_HEADS = _GENERIC_ORG | frozenset(
    "alliance coalition brigade brigades battalion party front force forces army ministry government "
    "council committee command agency company union institute militias factions "
    "ministry newspaper paper magazine outlet broadcaster network campaign".split())
# A noun phrase describing unnamed people in subject position ("one voter", "a retired teacher",
# "two officials"): a closer antecedent for "he"/"she"/"they" than a person named further back.
_PERSON_NOUNS = (
    "voter|resident|supporter|woman|man|women|men|mother|father|worker|teacher|student|veteran|official"
    "|activist|protester|protestor|attendee|member|volunteer|owner|employee|farmer|nurse|doctor|neighbor"
    "|neighbour|friend|witness|person|people|relative|survivor|fighter|soldier|civilian|villager|parent"
    "|delegate|donor|organizer|organiser|aide|adviser|advisor|staffer|analyst|expert|lawmaker|diplomat")
_DESCRIBED = re.compile(
    r"(?:^|[.;:]\s+|\b(?:and|but|said|says)\s+)((?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any)"
    rf"\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_PERSON_NOUNS})(?:s|es)?)\b(?!\s+(?:of|for|at|in|from)\s+[A-Z])")
_ABBREV_WORDS = {"col": "colonel", "gen": "general", "maj": "major", "lt": "lieutenant", "brig": "brigadier",
                 "capt": "captain", "sgt": "sergeant", "gov": "governor", "sen": "senator", "dr": "doctor",
                 "prof": "professor", "adm": "admiral", "cmdr": "commander", "rep": "representative"}
_PREP = frozenset("of for in from at with to near close".split())
_DEFINITE = frozenset("the this that its their his her our".split())
_WORD = re.compile(r"[\w’'-]+")
_LINKS = re.compile(r"\b(?:between|and|with|met|meets|after|before|including|among|as|by|from|told|said|says)\s")
_FUNCTION_WORDS = frozenset("a an the of for in at to and from with on by".split())


@dataclass(frozen=True, slots=True)
class Attribution:
    entity: int  # document-local entity, -1 when unknown
    how: str  # name | role | anaphor | pronoun | descriptive | none
    role: str | None = None  # the speaker's role as the text last stated it before the quote


def _words(s: str) -> list[str]:
    out = []
    for w in _WORD.findall(s.lower()):
        w = re.sub(r"[’']s$", "", w).strip("’'-")
        if w and w not in _FUNCTION_WORDS:
            out.append(_ABBREV_WORDS.get(w, w))
    return out


def _head(text: str, s: int, e: int) -> tuple[int, int]:
    """The head word of a speaker phrase: the word before its first lowercase preposition
    ("police in Kirkuk" -> police, "a spokesman for the alliance" -> spokesman), else its last word."""
    toks = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\s,]+", text[s:e])]
    if not toks:
        return s, e
    for k in range(1, len(toks)):
        if text[toks[k][0]:toks[k][1]] in _PREP:
            return toks[k - 1]
    return toks[-1]


class _Document:
    def __init__(self, text: str, quotes: list[Quote], mentions: list[EntityMention],
                 entity_names: list[list[str]] | None):
        self.text = text
        paras = _paragraphs(text) or [(0, len(text))]
        self.para_starts = [p[0] for p in paras]
        self.bounds = _sentence_bounds(text, paras)
        self.mentions = sorted((m for m in mentions if m.origin != "demonym"), key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
        self.entity_names = entity_names or []
        types: dict[int, Counter] = defaultdict(Counter)
        subtypes: dict[int, Counter] = defaultdict(Counter)
        for m in self.mentions:
            if m.entity >= 0:
                types[m.entity][m.type] += 1
                if m.subtype:
                    subtypes[m.entity][m.subtype] += 1
        self.etype = {e: c.most_common(1)[0][0] for e, c in types.items()}
        self.esubtype = {e: c.most_common(1)[0][0] for e, c in subtypes.items()}
        self.roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
        self.descr = self._descriptors(quotes)
        self.gender = {e: self._gender(e) for e in self.descr if self.etype.get(e) == "PERSON"}
        self.described: dict[int, str] = {}  # speaker position -> description of a descriptive speaker
        self._name_forms: list[list[tuple[str, str, list[str]]]] | None = None  # see by_name

    # ---------------------------------------------------------------- what the text says about entities

    def _descriptors(self, quotes: list[Quote]) -> dict[int, set[str]]:
        """Words that describe each entity: its names, titles, role references and appositions."""
        text = self.text
        descr: dict[int, set[str]] = defaultdict(set)
        for idx, names in enumerate(self.entity_names):
            for n in names:
                descr[idx].update(_words(n))
        for m in self.mentions:
            if m.entity < 0:
                continue
            d = descr[m.entity]
            d.update(_words(m.text))
            if m.title:
                d.update(_words(m.title))
                self.roles[m.entity].append((m.start, m.title))
            if m.type != "PERSON":
                continue
            after = re.match(r"\s*,\s*((?:(?:now|then|formerly|still|until recently)\s+)?"
                             r"(?:a|an|the|its|his|her|their)\b[^,;.]{1,80}"
                             r"|[A-Z][\w’'-]*[’']s\s[^,;.]{1,60})", text[m.end:m.end + 120])
            if after:
                d.update(_words(after.group(1)))
                self.roles[m.entity].append((m.start, after.group(1).strip()))
            # "the alliance's leader, NAME," -- bracketed by commas on both sides
            if re.match(r"\s*,", text[m.end:m.end + 3]):
                window = text[max(0, m.start - 100):m.start]
                # the phrase starts after the last word that links it to the clause before ("a meeting
                # between the alliance's leader, NAME," -> "the alliance's leader")
                cut = max((b.end() for b in _LINKS.finditer(window)), default=0)
                before = re.search(r"\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s[^,;.]{1,60}"
                                   r"|[A-Z][\w’'-]*[’']s\s[^,;.]{1,50}),\s*$", window[cut:])
                if before:
                    d.update(_words(before.group(1)))
                    self.roles[m.entity].append((m.start, before.group(1).strip()))
        for q in quotes:
            if q.speaker_role and q.speaker_start is not None:
                m = self._covering(q.speaker_start, q.speaker_end or q.speaker_start)
                if m is not None and m.entity >= 0:
                    descr[m.entity].update(_words(q.speaker_role))
                    self.roles[m.entity].append((q.speaker_start, q.speaker_role))
        for r in self.roles.values():
            r.sort()
        return descr

    def role_at(self, entity: int, pos: int) -> str | None:
        """The role the text last gave ``entity`` before ``pos`` ("the alliance's spokesman",
        "Maj. Gen."): the speaker's stated role at the time of the quote."""
        best = None
        for p, role in self.roles.get(entity, ()):
            if p > pos:
                break
            best = role
        return best

    def _gender(self, entity: int) -> str | None:
        words = self.descr.get(entity, set())
        f, m = bool(words & _FEMALE), bool(words & _MALE)
        return "f" if f and not m else "m" if m and not f else None

    # ---------------------------------------------------------------- geometry

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def _sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.bounds, pos) - 1
        return self.bounds[max(i, 0)]

    def _floor(self, pos: int, paragraphs_back: int = 1) -> int:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        return self.para_starts[max(i - paragraphs_back, 0)] if self.para_starts else 0

    def _sentences_back(self, pos: int, floor: int):
        """(start, end) of the sentence holding ``pos`` (cut at ``pos``), then the ones before it."""
        i = bisect.bisect_right(self.bounds, pos) - 1
        end = pos
        while i >= 0 and end > floor:
            s = max(self.bounds[i], floor)
            yield s, end
            end = s
            i -= 1

    def _mentions_in(self, lo: int, hi: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.entity >= 0 and not self._in_quote(m.start):
                out.append(m)
            i += 1
        return out

    def _covering(self, lo: int, hi: int) -> EntityMention | None:
        """The mention overlapping [lo, hi): a person first, then the longest."""
        i = bisect.bisect_right(self.starts, hi) - 1
        best = None
        while i >= 0 and self.mentions[i].end > lo - 200:
            m = self.mentions[i]
            if m.start < hi and m.end > lo and (m.entity >= 0 or m.origin == "role"):
                key = (m.entity >= 0, m.type == "PERSON", m.end - m.start)
                if best is None or key > (best.entity >= 0, best.type == "PERSON", best.end - best.start):
                    best = m
            i -= 1
        return best

    def _subject_position(self, s: int, m: EntityMention) -> bool:
        lead = self.text[s:m.start].strip().lower()
        return lead in ("", "the") or lead.endswith(",") and len(lead.split()) <= 8

    # ---------------------------------------------------------------- resolution

    def pronoun(self, spoken: str, anchor: int, resolved: list[tuple[int, int, str]]) -> int | str:
        """The entity a pronoun speaker refers to, a description of unnamed people when the nearest
        compatible antecedent is one ("One voter ... she said"), or -1. ``resolved``: (cue position,
        entity, its type as a speaker, "DESC" for a descriptive speaker) of the quotes before, in
        text order."""
        if spoken in ("he", "she"):
            want, gender = "PERSON", "m" if spoken == "he" else "f"
        elif spoken in ("it", "they"):
            want, gender = "ORG", None
        else:
            return -1  # "we"/"I": the writer or a group we cannot name
        floor = self._floor(anchor)
        s0 = self._sentence_start(anchor)
        if spoken == "they":
            # "…, two officials said. “…,” they said": the same unnamed source goes on
            prev = [(p, e, kind) for p, e, kind in resolved if p < anchor]
            if prev and prev[-1][0] >= self._sentence_start(max(s0 - 1, 0)):
                p, e, kind = prev[-1]
                if kind == "DESC":
                    return self.described.get(p, -1)
                if e < 0 or kind == "ORG":
                    return e
        for s, hi in self._sentences_back(anchor, floor):
            # the nearest antecedent wins: within a sentence, the subject (first) before the others
            # the speaker of a report in the sentence comes first (the latest), then its subject
            for pos, e, kind in reversed(resolved):
                if s <= pos < hi:
                    if e >= 0 and kind == want and self._fits(e, None, gender):
                        return e
                    if kind == "DESC" and self._plural(self.described.get(pos, "")) == (spoken == "they"):
                        return self.described[pos]
            cands: list[tuple[int, int | str]] = []
            for m in self._mentions_in(s, hi):
                if m.type != want or not self._fits(m.entity, want, gender):
                    continue
                if (s == s0 or want == "ORG") and not self._subject_position(s, m):
                    break  # only a sentence subject: "After meeting X, he said" is not X
                cands.append((m.start, m.entity))
                break
            if spoken != "it":
                for d in _DESCRIBED.finditer(self.text[s:hi]):
                    phrase = d.group(1)
                    if self._plural(phrase) == (spoken == "they") and not self._in_quote(s + d.start(1)):
                        cands.append((s + d.start(1), phrase))
                        break
            if cands:
                return min(cands, key=lambda c: c[0])[1]
        return -1

    @staticmethod
    def _plural(phrase: str) -> bool:
        words = phrase.lower().split()
        if not words:
            return False
        last = words[-1]
        return words[0] in ("two", "three", "some", "many") or last in ("people", "men", "women", "children") or \
            (last.endswith("s") and not last.endswith("ss"))

    def _fits(self, entity: int, want: str | None, gender: str | None) -> bool:
        if want is not None and self.etype.get(entity) != want:
            return False
        g = self.gender.get(entity)
        return gender is None or g is None or g == gender

    def definite(self, np_start: int, np_end: int, head: str, kind: str,
                 resolved: list[tuple[int, int, str]]) -> int:
        """The entity a definite description refers back to ("the organisation", "the alliance's
        leader", "the statement"), or -1."""
        words = set(_words(self.text[np_start:np_end])) - _DEFINITE
        if kind == "DOC":
            for s, hi in self._sentences_back(np_start, self._floor(np_start, 3)):
                if not re.search(rf"\b{re.escape(head)}s?\b", self.text[s:hi], re.I) or s == self._sentence_start(np_start):
                    continue
                for pos, e, _ in reversed(resolved):
                    if s <= pos < hi and e >= 0:
                        return e
                for m in self._mentions_in(s, hi):
                    if m.type in ("ORG", "PERSON"):
                        return m.entity
            return -1
        before = [m for m in self.mentions[:bisect.bisect_left(self.starts, np_start)]
                  if m.entity >= 0 and self.etype.get(m.entity) == kind and not self._in_quote(m.start)]
        # an entity whose names or descriptions hold the head noun; more shared words, then nearer
        best, best_key = -1, None
        for dist, m in enumerate(reversed(before)):
            d = self.descr.get(m.entity, set())
            if head not in d:
                continue
            key = (len(words & d), -dist)
            if best_key is None or key > best_key:
                best, best_key = m.entity, key
        if best >= 0:
            rivals = {m.entity for m in before if head in self.descr.get(m.entity, set())
                      and len(words & self.descr[m.entity]) == best_key[0]}
            if kind == "ORG" or len(rivals) == 1:
                return best
            return -1
        if kind == "ORG" and head in _GENERIC_ORG:
            for s, hi in self._sentences_back(np_start, self._floor(np_start)):
                for m in self._mentions_in(s, hi):
                    if m.type == "ORG" and self.esubtype.get(m.entity) not in ("government", "military") \
                            and self._subject_position(s, m):
                        return m.entity
        return -1

    def by_name(self, speaker: str) -> int:
        """The one local entity whose names contain the speaker as written (a surname, a full name,
        a given name carried by one person only)."""
        from newsgraph.names.normalize import name_key, names_match, tokens

        key = name_key(speaker)
        if not key:
            return -1
        spoken = tokens(speaker)
        if self._name_forms is None:
            # each entity's distinct names with their keys and tokens, once per document, not once
            # per speaker (an entity lists its name again among its names)
            self._name_forms = [[(n, name_key(n), tokens(n)) for n in dict.fromkeys(names)]
                                for names in self.entity_names]
        hits, given = set(), set()
        for idx, forms in enumerate(self._name_forms):
            for n, n_key, toks in forms:
                # the name comparison last: it costs a hundred times what the other two cost
                if n_key == key or (len(spoken) == 1 and toks and spoken[0] == toks[-1]) or names_match(n, speaker):
                    hits.add(idx)
                    break
                if len(spoken) == 1 and len(toks) > 1 and spoken[0] == toks[0] \
                        and self.etype.get(idx, "PERSON") == "PERSON":
                    given.add(idx)
            if len(hits) > 1:
                return -1  # two entities carry the name: no more names can make it one
        if len(hits) == 1:
            return hits.pop()
        return given.pop() if not hits and len(given) == 1 else -1

    def named(self, q: Quote, resolved: list[tuple[int, int, str]]) -> Attribution:
        """A speaker phrase that is not a pronoun."""
        text = self.text
        ss, se = q.speaker_start, q.speaker_end
        hs, he = _head(text, ss, se)
        head = (_words(text[hs:he]) or [""])[-1]
        m = self._covering(hs, he)
        if m is not None and m.entity >= 0:
            if m.type != "LOC" or (m.start <= ss + 4 and m.end >= se - 1):
                return Attribution(m.entity, "role" if m.origin == "role" else "name")
        first = text[ss:se].split()[0].lower() if text[ss:se].split() else ""
        definite = first in _DEFINITE or re.match(r"[\w-]+[’']s$", first) is not None
        if (m is None or m.entity < 0) and definite:
            kind = "DOC" if head in _DOC_HEADS else "ORG" if head in _ORG_HEADS or (m and m.type == "ORG") else "PERSON"
            e = self.definite(ss, se, head, kind, resolved)
            if e >= 0:
                return Attribution(e, "anaphor")
        if head in _SPEAKS_FOR:
            for span in ((ss, se), (q.role_start, q.role_end)):
                if span[0] is None:
                    continue
                for om in self._mentions_in(*span):
                    if om.type == "ORG":
                        return Attribution(om.entity, "role")
        if q.speaker_text and self.entity_names:
            idx = self.by_name(q.speaker_text)
            if idx >= 0:
                return Attribution(idx, "name")
        if q.role_start is not None and q.role_end is not None:
            rh = (_words(text[slice(*_head(text, q.role_start, q.role_end))]) or [""])[-1]
            if rh in _SPEAKS_FOR:
                for om in self._mentions_in(q.role_start, q.role_end):
                    if om.type == "ORG":
                        return Attribution(om.entity, "role")
        spoken = text[ss:se].strip()
        if spoken and not any(w[:1].isupper() for w in spoken.split()[1:]) and re.search(r"[a-z]", spoken) \
                and spoken.lower() not in _PRONOUNS:
            # "officials", "the newspaper", "a voter": somebody the document does not name
            return Attribution(-1, "descriptive", spoken)
        return Attribution(-1, "none")


def attribute(text: str, quotes: list[Quote], mentions: list[EntityMention],
              entity_names: list[list[str]] | None = None) -> list[Attribution]:
    """One Attribution per quote, in order. ``entity_names``: the names of each local entity, used
    when the attribution names a speaker that no mention covers."""
    doc = _Document(text, quotes, mentions, entity_names)
    out: dict[int, Attribution] = {}
    resolved: list[tuple[int, int, str]] = []  # (speaker position, entity, type) of the quotes so far
    order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
    for k in order:
        q = quotes[k]
        a = Attribution(-1, "none")
        if q.speaker_start is not None and q.speaker_end is not None:
            spoken = (q.speaker_text or "").strip().lower()
            if spoken in _PRONOUNS:
                # the quote finder's text hint is not used: the search above sees the same names as
                # typed mentions, and a name it passed over (an object, the other gender) is no answer
                e = doc.pronoun(spoken, min(q.start, q.speaker_start), resolved)
                if isinstance(e, str):
                    a = Attribution(-1, "descriptive", e)
                elif e >= 0:
                    a = Attribution(e, "pronoun")
            else:
                a = doc.named(q, resolved)
            kind = doc.etype.get(a.entity, "")
            if a.how == "descriptive":
                kind = "DESC"
                doc.described[q.speaker_start] = a.role
            if kind == "LOC" and q.speaker_role:
                kind = "PERSON"  # "X, a researcher at Y, said": a person, whatever the tagger thought
            resolved.append((q.speaker_start, a.entity, kind))
            if a.entity >= 0 and doc.etype.get(a.entity) != "ORG":
                stated = q.speaker_role if q.speaker_role and a.how in ("name", "role") else None
                a = Attribution(a.entity, a.how, stated or doc.role_at(a.entity, max(q.start, q.speaker_start)))
            resolved.sort()
        out[k] = a
    return [out[k] for k in range(len(quotes))]
