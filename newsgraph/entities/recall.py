"""Names the corpus establishes, found again where the model missed them.

The model misses a name in one sentence that it, or the rules, found in others: a village after
"and" in a list, a town in "freed X from", a spokesman's name with no title before it. Once the
corpus is resolved it knows which names are whose, so each document is read once more for them,
the way an analyst who has learnt a name spots it everywhere:

* a name of two words or more that is a name of one entity only, used by two local entities or
  more and by an entity of two stories or more ("Karim al-Tarmi", "Dawn Front", "Kafr Sahil");
* a one-word name of a place the corpus establishes (``ESTABLISHED_STORIES`` stories, no other
  entity of that name, not a common word) when the word before it locates ("in", "near", "of",
  "and", "freed", "shelled" ...) or a place of a list stands before it: one word alone may be a
  surname or a word of a headline. The Arabic article in front ("al-Sahil" for "Sahil") is no
  word of the name;
* a person's surname the corpus establishes (the last word of the person's name, used alone for
  that person only in ``ESTABLISHED_STORIES`` stories) with no capitalised word beside it.

Matching is exact (the spelling and case the corpus uses), on word boundaries, longest name first,
and never where a mention already stands. The mentions found are stored with origin "corpus" and
linked to their entity; they are rebuilt with every resolution.

A feed that drops the commas of a list glues its names into one span the model takes for one name:
"Velmora Kafr Sahil" for "Velmora, Kafr Sahil", "Dawn Front Tarmi" for "Dawn Front's Tarmi". Such a
span is an entity of one story, and its words are names the corpus establishes for other entities
(``GluedNames``). It is read as those names when they come from two entities or more, no two of
them are persons side by side (a person's given name and surname, each established on its own, are
one name), and every other word of it is "the", "and", "of" or a capitalised word of no English (a
name the corpus does not know yet, listed among known ones): "Free Dawn Front" stays one name, and
so does "Qasr Qarnos" when "Qasr" begins other names ("Qasr Sahil"). Words that each carry the
Arabic article ("al-Sahil al-Qarnos") are a list of quarters even when the corpus knows one of
them. The parts are stored as mentions of origin "split" inside the glued one, linked to their
entities. So is a person's full name that an organisation's or a place's span ends with, whatever
its stories: the model took an office and its holder for one organisation ("Norland Union for
Trade Policy Karim Haddad"), and an organisation's or a place's established name glued before or
after an established entity's own name in a form no other story writes ("Velmora NNA reported").

An organisation the document names, written again by the head noun of its name with a capital ("the
Council said" after "the Norland Relief Council"), gets a mention of origin "corpus" when the
document names no other organisation with that head noun (``HeadNouns``).

Written here rather than taken from a library: it is dictionary matching (an Aho-Corasick automaton
would do the same), but its dictionary and its guards come from the resolved corpus, which is ours.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsgraph.entities.demonyms import country_name, demonym_target
from newsgraph.entities.lexicon import ARTICLE_PREFIX as _ARTICLE, DATE_WORDS as _DATE_WORDS, ORG_HEADS, PLACE_MODIFIERS
from newsgraph.names.junk import is_common_word
from newsgraph.names.normalize import fold

__all__ = ["RecalledMention", "CorpusNames", "GluedNames", "HeadNouns", "recall_mentions", "ORIGIN", "SPLIT_ORIGIN"]

ORIGIN = "corpus"
SPLIT_ORIGIN = "split"
DOMINANT_SHARE = 0.8  # a part's spelling must name one entity this often among those that use it
ESTABLISHED_STORIES = 3  # a one-word place name must be this well established
MIN_USES = 2  # local entities using a name of several words

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’\-]*|\d+")
# words after which a capitalised word is a place: prepositions of place and verbs of taking,
# striking and reaching
_LOCATING = frozenset(
    "in near at on towards toward into from outside around of and to through across via inside "
    "reached entered captured seized freed took retook recaptured shelled hit struck bombed besieged "
    "stormed surrounded encircled liberated".split())


@dataclass(frozen=True, slots=True)
class RecalledMention:
    doc_id: str
    start: int
    end: int
    text: str
    type: str
    entity_id: str
    origin: str = ORIGIN


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, ``starts`` their starts); the spans
    before it are read back a few, as mentions nest (a name inside a titled name)."""
    k = bisect.bisect_left(starts, end)
    return any(s < end and start < e for s, e in spans[max(0, k - 8):k])


def _nationality(word: str) -> bool:
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(country_name(p) or demonym_target(p) for p in parts)


def _name_word(word: str) -> bool:
    """A capitalised word of no English, the Arabic article aside ("al-Sahil"): a word of a name."""
    bare = _ARTICLE.sub("", word)
    return bare[:1].isupper() and not is_common_word(bare) and bare.lower() not in PLACE_MODIFIERS | _DATE_WORDS


def _adjective_of_country(word: str) -> bool:
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(demonym_target(p) and not country_name(p) for p in parts)


class CorpusNames:
    """The names to look for: first word -> (the name's words, entity id, type, one-word place)."""

    def __init__(self, entities) -> None:
        owners: dict[str, set[str]] = {}
        for e in entities:
            for alias in e.aliases:
                owners.setdefault(alias, set()).add(e.id)
        # first word -> (the name's words, entity id, type, kind of one-word name: "place",
        # "surname", or "" for a name of several words)
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        for e in entities:
            if e.type not in ("PERSON", "ORG", "LOC"):
                continue
            for alias, uses in e.aliases.items():
                words = tuple(_WORD.findall(alias))
                if not words or len(owners.get(alias, ())) != 1 or " ".join(words) != " ".join(alias.split()):
                    continue  # a name of two entities, or one written with punctuation the matcher skips
                if not words[0][:1].isupper():
                    continue
                if all(w.lower() in _DATE_WORDS | PLACE_MODIFIERS or _nationality(w) or is_common_word(w) for w in words):
                    continue  # "Western", "Mon Jul", "Turkish-Syrian": no name, whatever entity took it
                if len(words) >= 2:
                    if uses < MIN_USES or e.stories < 2:
                        continue
                    single = ""
                elif (e.type == "LOC" and e.subtype != "country" and e.stories >= ESTABLISHED_STORIES
                      and len(alias) >= 4 and not is_common_word(alias)):
                    single = "place"
                elif (e.type == "PERSON" and e.stories >= ESTABLISHED_STORIES and uses >= ESTABLISHED_STORIES
                      and len(alias) >= 4 and len(e.name.split()) >= 2 and _ARTICLE.sub("", e.name.split()[-1]) == alias):
                    single = "surname"
                else:
                    continue
                self.by_first.setdefault(words[0], []).append((words, e.id, e.type, single))
        for names in self.by_first.values():
            names.sort(key=lambda n: -len(n[0]))

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def find(self, doc_id: str, text: str, taken: list[tuple[int, int]],
             places: Iterable[tuple[int, int]] = ()) -> Iterator[RecalledMention]:
        """The corpus's names in ``text`` where none of the ``taken`` (start, end) spans stands;
        ``places``: the spans of the places among them, which locate a place listed after them."""
        taken = sorted(t[:2] for t in taken)
        starts = [s for s, _ in taken]
        place_ends = {e for _, e in places}
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(toks):
            word = toks[i][2]
            names = self.by_first.get(word, [])
            bare = _ARTICLE.sub("", word)
            if bare != word and bare[:1].isupper():
                # "al-Sahil" for the place the corpus writes "Sahil": the article is no word of the name
                names = names + [n for n in self.by_first.get(bare, ()) if n[3] == "place"]
            hit = None
            for words, eid, typ, single in names:
                n = len(words)
                if single == "place":
                    if not self._located(text, toks, i, place_ends):
                        continue
                elif single == "surname":
                    if not self._alone(toks, i):
                        continue
                elif i + n > len(toks) or tuple(t[2] for t in toks[i:i + n]) != words:
                    continue
                # the words must follow one another with a space (or a hyphen) between them
                if any(text[toks[k][1]:toks[k + 1][0]] not in (" ", "-") for k in range(i, i + n - 1)):
                    continue
                hit = (n, eid, typ)
                break
            if hit is None:
                i += 1
                continue
            n, eid, typ = hit
            start, end = toks[i][0], toks[i + n - 1][1]
            if not _overlaps(taken, starts, start, end):
                yield RecalledMention(doc_id, start, end, text[start:end], typ, eid)
                if typ == "LOC":
                    place_ends.add(end)
            i += n

    @staticmethod
    def _alone(toks: list[tuple[int, int, str]], i: int) -> bool:
        """No capitalised word next to the one at ``i``: a surname alone ("said Tarmi"), not a word of
        another name ("Anna Tarmi", "Tarmi Street")."""
        return all(not toks[k][2][:1].isupper() for k in (i - 1, i + 1) if 0 <= k < len(toks))

    @staticmethod
    def _located(text: str, toks: list[tuple[int, int, str]], i: int, place_ends: set[int]) -> bool:
        """A word that locates the one at ``i`` stands before it ("in", "freed"), or a place of a list
        ("in Sahil Velmora Qarnos", a feed that dropped the commas)."""
        if i == 0:
            return False
        if toks[i - 1][2].lower() in _LOCATING:
            return True
        return toks[i - 1][1] in place_ends and text[toks[i - 1][1]:toks[i][0]].strip(" ,") == ""


_GLUE_WORDS = frozenset({"the", "and", "of"})


def _word_key(word: str) -> str:
    """A word as the splitter compares it: folded, without case or the Arabic article ("al-Sahil",
    "Sahil" and "as-Sahil" are one key)."""
    return _ARTICLE.sub("", fold(word).lower())


class GluedNames:
    """The corpus's names by their words' keys, for reading a glued span as several names."""

    def __init__(self, entities) -> None:
        self.one_story: set[str] = set()  # the entities a glued span may be
        self.type_of: dict[str, str] = {}  # of the established ones
        uses: dict[tuple[str, ...], Counter] = {}
        # words that begin names of several words ("Qasr" of "Qasr Sahil"): such a word alone, before
        # a word the corpus does not know, is the start of an unknown name, not a name of its own
        self.first_words: set[str] = set()
        for e in entities:
            if e.stories == 1:
                self.one_story.add(e.id)
            if e.type not in ("PERSON", "ORG", "LOC") or e.stories < 2:
                continue
            self.type_of[e.id] = e.type
            for alias, n in e.aliases.items():
                words = _WORD.findall(alias)
                if (not words or words[0].lower() in _GLUE_WORDS or not _ARTICLE.sub("", words[0])[:1].isupper()
                        or " ".join(words) != " ".join(alias.split())):
                    continue
                if all(w.lower() in _DATE_WORDS | PLACE_MODIFIERS or _adjective_of_country(w) or is_common_word(w)
                       for w in words):
                    continue  # "Eastern", "Airstrikes", "Norlandic": a word no entity owns, whatever entity took it
                uses.setdefault(tuple(map(_word_key, words)), Counter())[e.id] += n
                if len(words) >= 2 and _name_word(words[1]):
                    self.first_words.add(_word_key(words[0]))
        self.by_key: dict[tuple[str, ...], str] = {}
        self.written_often = {key for key, owners in uses.items() if sum(owners.values()) >= 2}
        for key, owners in uses.items():
            (eid, n), *rest = owners.most_common(2)
            if n >= DOMINANT_SHARE * sum(owners.values()):
                self.by_key[key] = eid
            elif all(self.type_of[o] == "LOC" for o in owners) and n > (rest[0][1] if rest else 0):
                # "Qarnos" names the town and, in documents that wrote "Qarnos province" first, the
                # province: a place's name all the same, which a glued list is split at (the town,
                # which the bare name names most, takes it)
                self.by_key[key] = eid
        self.longest = max(map(len, self.by_key), default=0)

    def parts(self, span: str, entity_id: str) -> list[tuple[int, int, str]]:
        """The (start, end, entity id) of each name ``span`` glues, or [] when it is a name of its own."""
        if not self.by_key:
            return []
        words = list(_WORD.finditer(span))
        toks = [(m.start(), m.end(), _word_key(m.group())) for m in words]
        if entity_id not in self.one_story:
            return self._person_at_end(toks, entity_id) or self._name_at_edge(toks, entity_id)
        if len(toks) < 2 or tuple(t[2] for t in toks) in self.by_key:
            return []
        # a word of a name the corpus does not know yet, listed among known ones ("Velmora Kafr Sahil
        # Qarnos"): capitalised and no word of English
        unknown = [_name_word(w.group()) for w in words]
        # the cover of every word but the glue words by names, with the fewest unknown words, then
        # the fewest names, found left to right
        best: list[tuple[int, list[tuple[int, int, str]]] | None] = [(0, [])] + [None] * len(toks)
        for i in range(len(toks)):
            if best[i] is None:
                continue
            missing, here = best[i]
            steps = [(i + 1, missing, here)] if toks[i][2] in _GLUE_WORDS else []
            if unknown[i] and not (here and here[-1][:2] == toks[i - 1][:2] and toks[i - 1][2] in self.first_words):
                steps.append((i + 1, missing + 1, here))
            # a word the corpus does not know before a word with the article is one name with it
            # ("Qarnos al-Sahil", the Arabic name's own shape), not an unknown name and a known one
            after_unknown = i > 0 and unknown[i - 1] and not (here and here[-1][1] == toks[i - 1][1])
            for n in range(1, min(self.longest, len(toks) - i) + 1):
                eid = self.by_key.get(tuple(t[2] for t in toks[i:i + n]))
                if eid is not None and not (after_unknown and _ARTICLE.match(words[i].group())):
                    steps.append((i + n, missing, here + [(toks[i][0], toks[i + n - 1][1], eid)]))
            for j, m, parts in steps:
                if best[j] is None or (m, len(parts)) < (best[j][0], len(best[j][1])):
                    best[j] = (m, parts)
        parts = best[len(toks)][1] if best[len(toks)] else []
        if len(parts) == 1 and self.type_of[parts[0][2]] == "LOC" and all(_ARTICLE.match(w.group()) for w in words):
            return parts  # "al-Sahil al-Qarnos": a list of quarters, each written with its article
        if len(parts) < 2 or len({eid for _, _, eid in parts}) < 2:
            return []
        if any(self.type_of[a[2]] == self.type_of[b[2]] == "PERSON" for a, b in zip(parts, parts[1:])):
            return []
        return parts


    def _person_at_end(self, toks: list[tuple[int, int, str]], entity_id: str) -> list[tuple[int, int, str]]:
        """A person's full name that an organisation's or a place's span ends with: the model took
        a title and the name for one organisation ("Norland Union for Trade Policy Karim Haddad")."""
        if self.type_of.get(entity_id) not in ("ORG", "LOC"):
            return []
        # longest first; the name two words at least, and two words before it: "Jabhat Karim Haddad"
        # is a front named after a person, as "Liwa X" is a brigade named after one
        for k in range(2, len(toks) - 1):
            eid = self.by_key.get(tuple(t[2] for t in toks[k:]))
            if eid is not None and eid != entity_id and self.type_of[eid] == "PERSON":
                return [(toks[k][0], toks[-1][1], eid)]
        return []


    def _name_at_edge(self, toks: list[tuple[int, int, str]], entity_id: str) -> list[tuple[int, int, str]]:
        """An organisation's or a place's established name glued before or after the span's own
        entity's name by a dateline, a credit or a list whose punctuation the feed dropped ("Velmora
        NNA reports", "Dawn Front Velmora", "Sahil Velmora"): that name gets its mention. Never in a
        form the corpus writes more than once (then it is a name of its own: "Velmora Police")."""
        if len(toks) < 2 or tuple(t[2] for t in toks) in self.written_often:
            return []
        for k in range(1, len(toks)):
            head, tail = tuple(t[2] for t in toks[:k]), tuple(t[2] for t in toks[k:])
            for own, other, part in ((tail, head, (toks[0][0], toks[k - 1][1])), (head, tail, (toks[k][0], toks[-1][1]))):
                eid = self.by_key.get(other)
                if self.by_key.get(own) == entity_id and eid is not None and eid != entity_id \
                        and self.type_of[eid] in ("ORG", "LOC"):
                    return [(*part, eid)]
        return []


# "the Observatory said": the head noun of an organisation's name, capitalised, and no name after it
_THE_HEAD = re.compile(r"\b[Tt]he ([A-Z][a-z]+)\b(?![ \-][A-Z])(?!-)")
_HEAD_CUT = frozenset("for of on".split())


def _head_noun(name: str) -> str | None:
    """ "Syrian Observatory for Human Rights" -> "observatory", "Norland Relief Council" -> "council":
    the word an organisation's name is a kind of, which the text may use alone for it."""
    words = name.split()
    if len(words) < 2:
        return None
    k = next((i for i, w in enumerate(words) if w in _HEAD_CUT), len(words))
    head = words[k - 1].lower() if k > 0 else None
    return head if head in ORG_HEADS and head.isalpha() else None


class HeadNouns:
    """ "the Observatory", "the Coalition": an organisation the document names, written again by the
    head noun of its name with a capital. Linked when the document names one organisation only with
    that head noun; two councils in a document leave "the Council" to nobody."""

    def __init__(self, entities) -> None:
        self.heads: dict[str, frozenset[str]] = {}
        for e in entities:
            if e.type == "ORG":
                # its display name's, and those of the names it goes by more than once: a glued span
                # of one ("AFP Observatory") names nothing by its last word
                names = [e.name, *(a for a, n in e.aliases.items() if n >= 2)]
                heads = frozenset(h for alias in names if (h := _head_noun(alias)))
                if heads:
                    self.heads[e.id] = heads

    def __bool__(self) -> bool:
        return bool(self.heads)

    def find(self, doc_id: str, text: str, taken: list[tuple[int, int]], entity_ids: set) -> list[RecalledMention]:
        owners: dict[str, set[str]] = {}
        for eid in entity_ids:
            for h in self.heads.get(eid, ()):
                owners.setdefault(h, set()).add(eid)
        if not owners:
            return []
        spans = sorted(taken)
        starts = [s for s, _ in spans]
        out = []
        for m in _THE_HEAD.finditer(text):
            eids = owners.get(m.group(1).lower())
            if not eids or len(eids) != 1 or _overlaps(spans, starts, *m.span(1)):
                continue
            s, e = m.span(1)
            out.append(RecalledMention(doc_id, s, e, m.group(1), "ORG", next(iter(eids))))
        return out


def recall_mentions(entities, documents: Iterable[tuple[str, str, list[tuple]]],
                    entity_of: dict[tuple[str, int], str] | None = None) -> list[RecalledMention]:
    """``documents``: (doc id, text, spans of its mentions: (start, end) or (start, end, local
    entity)). Returns the mentions the corpus's names add to them: names the model missed, and with
    ``entity_of`` ((doc id, local entity) -> entity id), the names inside glued spans."""
    names = CorpusNames(entities)
    glued = GluedNames(entities) if entity_of is not None else None
    places_of = {e.id for e in entities if e.type == "LOC" and e.subtype != "country"} if entity_of is not None else set()
    if not names and not glued:
        return []
    heads = HeadNouns(entities) if entity_of is not None else None
    out: list[RecalledMention] = []
    for doc_id, text, taken in documents:
        found: list[RecalledMention] = []
        if names:
            places = [t[:2] for t in taken if len(t) > 2 and entity_of is not None
                      and entity_of.get((doc_id, t[2])) in places_of]
            found = names.find(doc_id, text, taken, places)
            out.extend(found)
        if glued is None:
            continue
        if heads:
            own = {entity_of.get((doc_id, t[2])) for t in taken if len(t) > 2 and t[2] is not None}
            out.extend(heads.find(doc_id, text, [t[:2] for t in taken] + [(m.start, m.end) for m in found], own))
        for start, end, *local in taken:
            eid = entity_of.get((doc_id, local[0])) if local and local[0] is not None else None
            if eid is None:
                continue
            for a, b, part in glued.parts(text[start:end], eid):
                out.append(RecalledMention(doc_id, start + a, start + b, text[start + a:start + b],
                                           glued.type_of[part], part, SPLIT_ORIGIN))
    # a glued span comes once for each of its mentions (the model's, the facts stage's)
    return list(dict.fromkeys(out))
