"""A place named only to say where another lies: "X west of Y", "X valley northwest of Y", "X, an
area south of Y", "X, some 30 km from Y", "X near the city of Y".

An event there happened in X; Y is the reference a reader knows. Read as written, Y is often the
place the parse attaches to the event ("shelled X valley northwest of Y": "of Y" hangs on the
direction word), and "the town" a sentence later is X, not Y.
"""

from __future__ import annotations

from newsgraph.kb.position import places_one_by_the_other
from newsgraph.types import EntityMention

__all__ = ["located_place"]

_GAP = 60  # characters at most between the located place and its reference


def located_place(m: EntityMention, mentions: list[EntityMention], text: str) -> EntityMention | None:
    """The place that ``m`` only locates ("X" in "X west of M"), or None when ``m`` is no reference."""
    before = [p for p in mentions if p.type == "LOC" and p is not m and p.end <= m.start and m.start - p.end <= _GAP]
    # nearest first; a nearer one may be inside the phrase ("near the Norlandic city of M")
    for p in sorted(before, key=lambda p: -p.end):
        if places_one_by_the_other(text[p.end:m.start]):
            return p
    return None
