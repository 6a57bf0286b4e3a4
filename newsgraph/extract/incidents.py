"""One incident told over several sentences of an article: what a sentence leaves out, another gives.

Each sentence is read on its own (events.py), so a mention often lacks the place another sentence
gives. "the town", "the city", "the district" stand for a place named before
(``place_named_before``).
"""

from __future__ import annotations

import re

from newsgraph.types import EntityMention

__all__ = ["place_named_before", "NAMED_BEFORE_METHOD"]

NAMED_BEFORE_METHOD = "named-before"  # "the town": the last place named before


# -- "the town", "the city" -------------------------------------------------------------------------

_PLACE_NOUNS = frozenset("town city village district neighbourhood neighborhood suburb camp".split())
# "the nearby town", "the neighbouring village": another place than the one just named
_OTHER_PLACE = frozenset("nearby neighbouring neighboring other next adjacent adjoining surrounding".split())


def place_named_before(sent, mentions: list[EntityMention], is_place) -> tuple[EntityMention, object] | None:
    """A bare definite place noun in ``sent`` ("inside the town", "the same neighbourhood was shelled",
    "in the east of the city") and the last place named before it in the text: (that mention, the
    noun's token), or None. A noun with its own name ("the town of X", "X city") is not bare."""
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
        text = sent.doc.text
        # "Tehran's network": a place in the possessive acts as its state, it is no setting
        before = [m for m in mentions if m.end <= tok.idx and m.entity >= 0 and is_place(m)
                  and not re.match(r"['’]s?\b", text[m.end:m.end + 2])]
        if not before:
            continue
        # "the border town of X", "X city": the place the text itself called a town (a city) before
        noun = tok.lower_
        called = [m for m in before if re.search(rf"\b{noun}\s+of\s+$", text[max(0, m.start - 20):m.start], re.I)
                  or re.match(rf"\s+{noun}\b", text[m.end:m.end + len(noun) + 2], re.I)
                  or re.search(rf"\b{noun}\b", text[m.start:m.end], re.I)]
        return max(called or before, key=lambda m: m.start), tok
    return None
