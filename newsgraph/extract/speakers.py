"""Who said it: quotes attributed to document-local entities through names, roles and pronouns.

``quotes.find_quotes`` finds the quoted words and the attribution as written ("al-Ghurairi told
reporters", "he said", "according to a spokesman for the alliance"). This module maps that
attribution onto the document's entity mentions:

* a name or role in the attribution -> the mention that overlaps it;
* a pronoun ("he said") -> the hint the quote finder gives, else the closest PERSON named before the
  quote in the same or the previous paragraph, when the pronoun's gender is not contradicted and
  only one person is in reach of the pronoun (the last-named person in the sentence before);
* nothing usable -> no speaker (never a guess from the far context).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsgraph.extract.quotes import Quote
from newsgraph.types import EntityMention

_PRONOUNS = frozenset("he she they it we i".split())


@dataclass(frozen=True, slots=True)
class Attribution:
    entity: int  # document-local entity, -1 when unknown
    how: str  # name | role | pronoun | hint | none


def _overlapping(mentions: list[EntityMention], starts: list[int], lo: int, hi: int) -> EntityMention | None:
    i = bisect.bisect_right(starts, hi) - 1
    best = None
    while i >= 0 and mentions[i].end > lo - 200:
        m = mentions[i]
        if m.start < hi and m.end > lo and m.entity >= 0 and m.origin != "demonym":
            if best is None or (m.type == "PERSON", m.end - m.start) > (best.type == "PERSON", best.end - best.start):
                best = m
        i -= 1
    return best


def _previous_person(mentions: list[EntityMention], starts: list[int], before: int, floor: int) -> EntityMention | None:
    i = bisect.bisect_left(starts, before) - 1
    while i >= 0 and mentions[i].start >= floor:
        m = mentions[i]
        if m.type == "PERSON" and m.entity >= 0:
            return m
        i -= 1
    return None


def _paragraph_floor(text: str, pos: int) -> int:
    """Start of the paragraph before the one holding ``pos`` (a pronoun reaches back that far)."""
    para = text.rfind("\n\n", 0, pos)
    if para < 0:
        return 0
    prev = text.rfind("\n\n", 0, para)
    return 0 if prev < 0 else prev


def _by_name(speaker: str, entity_names: list[list[str]]) -> int:
    """The one local entity whose names contain the speaker as written (a surname, a full name)."""
    from newsgraph.names.normalize import name_key, names_match, tokens

    key = name_key(speaker)
    if not key:
        return -1
    hits = set()
    spoken = tokens(speaker)
    for idx, names in enumerate(entity_names):
        for n in names:
            toks = tokens(n)
            if name_key(n) == key or names_match(n, speaker) or (
                len(spoken) == 1 and toks and spoken[0] == toks[-1]
            ):
                hits.add(idx)
                break
    return hits.pop() if len(hits) == 1 else -1


def attribute(text: str, quotes: list[Quote], mentions: list[EntityMention],
              entity_names: list[list[str]] | None = None) -> list[Attribution]:
    """One Attribution per quote, in order. ``entity_names``: the names of each local entity, used
    when the attribution names a speaker that no mention covers."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    out: list[Attribution] = []
    for q in quotes:
        if q.speaker_start is not None and q.speaker_end is not None:
            spoken = (q.speaker_text or "").strip().lower()
            if spoken in _PRONOUNS:
                if q.hint_start is not None and q.hint_end is not None:
                    m = _overlapping(ordered, starts, q.hint_start, q.hint_end)
                    # "he"/"she" is a person: a hint that only covers "the alliance's" is no answer
                    if m is not None and (m.type == "PERSON" or spoken not in ("he", "she")):
                        out.append(Attribution(m.entity, "hint"))
                        continue
                anchor = min(q.start, q.speaker_start)
                if spoken in ("he", "she"):
                    m = _previous_person(ordered, starts, anchor, _paragraph_floor(text, anchor))
                    if m is not None:
                        out.append(Attribution(m.entity, "pronoun"))
                        continue
                out.append(Attribution(-1, "none"))
                continue
            m = _overlapping(ordered, starts, q.speaker_start, q.speaker_end)
            if m is None and q.role_start is not None and q.role_end is not None:
                m = _overlapping(ordered, starts, q.role_start, q.role_end)
            if m is not None:
                out.append(Attribution(m.entity, "role" if m.origin == "role" else "name"))
                continue
            if entity_names and q.speaker_text:
                idx = _by_name(q.speaker_text, entity_names)
                if idx >= 0:
                    out.append(Attribution(idx, "name"))
                    continue
        out.append(Attribution(-1, "none"))
    return out
