"""Names the corpus establishes, found again where the model missed them.

The model misses a name in one sentence that it, or the rules, found in others: a village after
"and" in a list, a town in "freed X from", a spokesman's name with no title before it. Once the
corpus is resolved it knows which names are whose, so each document is read once more for them,
the way an analyst who has learnt a name spots it everywhere:

* a name of two words or more that is a name of one entity only, used by two local entities or
  more and by an entity of two stories or more ("Karim al-Tarmi", "Dawn Front", "Kafr Sahil");
* a one-word name of a place the corpus establishes (``ESTABLISHED_STORIES`` stories, no other
  entity of that name, not a common word) when the word before it locates ("in", "near", "of",
  "and", "freed", "shelled" ...): one word alone may be a surname or a word of a headline.

Matching is exact (the spelling and case the corpus uses), on word boundaries, longest name first,
and never where a mention already stands. The mentions found are stored with origin "corpus" and
linked to their entity; they are rebuilt with every resolution.

Written here rather than taken from a library: it is dictionary matching (an Aho-Corasick automaton
would do the same), but its dictionary and its guards come from the resolved corpus, which is ours.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsgraph.entities.demonyms import country_name, demonym_target
from newsgraph.entities.lexicon import PLACE_MODIFIERS
from newsgraph.names.junk import is_common_word

__all__ = ["RecalledMention", "CorpusNames", "recall_mentions", "ORIGIN"]

ORIGIN = "corpus"
ESTABLISHED_STORIES = 3  # a one-word place name must be this well established
MIN_USES = 2  # local entities using a name of several words

# a date's words ("Mon Jul 4"): never a name of their own
_DATE_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split())
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


def _nationality(word: str) -> bool:
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(country_name(p) or demonym_target(p) for p in parts)


class CorpusNames:
    """The names to look for: first word -> (the name's words, entity id, type, one-word place)."""

    def __init__(self, entities) -> None:
        owners: dict[str, set[str]] = {}
        for e in entities:
            for alias in e.aliases:
                owners.setdefault(alias, set()).add(e.id)
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
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
                    single = False
                elif (e.type == "LOC" and e.subtype != "country" and e.stories >= ESTABLISHED_STORIES
                      and len(alias) >= 4 and not is_common_word(alias)):
                    single = True
                else:
                    continue
                self.by_first.setdefault(words[0], []).append((words, e.id, e.type, single))
        for names in self.by_first.values():
            names.sort(key=lambda n: -len(n[0]))

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def find(self, doc_id: str, text: str, taken: list[tuple[int, int]]) -> Iterator[RecalledMention]:
        """The corpus's names in ``text`` where none of the ``taken`` (start, end) spans stands."""
        taken = sorted(taken)
        starts = [s for s, _ in taken]
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(toks):
            names = self.by_first.get(toks[i][2])
            hit = None
            for words, eid, typ, single in names or ():
                n = len(words)
                if i + n > len(toks) or tuple(t[2] for t in toks[i:i + n]) != words:
                    continue
                # the words must follow one another with a space (or a hyphen) between them
                if any(text[toks[k][1]:toks[k + 1][0]] not in (" ", "-") for k in range(i, i + n - 1)):
                    continue
                if single and not (i > 0 and toks[i - 1][2].lower() in _LOCATING):
                    continue
                hit = (n, eid, typ)
                break
            if hit is None:
                i += 1
                continue
            n, eid, typ = hit
            start, end = toks[i][0], toks[i + n - 1][1]
            k = bisect.bisect_left(starts, end)
            if not any(s < end and start < e for s, e in taken[max(0, k - 8):k]):
                yield RecalledMention(doc_id, start, end, text[start:end], typ, eid)
            i += n


def recall_mentions(entities, documents: Iterable[tuple[str, str, list[tuple[int, int]]]]) -> list[RecalledMention]:
    """``documents``: (doc id, text, spans of its mentions). Returns the mentions the corpus's names
    add to them."""
    names = CorpusNames(entities)
    if not names:
        return []
    out: list[RecalledMention] = []
    for doc_id, text, taken in documents:
        out.extend(names.find(doc_id, text, taken))
    return out
