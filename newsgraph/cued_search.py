"""``pattern.finditer(text)``, exactly, at a fraction of the cost for patterns that rarely match.

A regular expression with optional parts in front ("some 30 km north of X", "early in March", "the
past three days ago") is tried by Python's engine at every character of an article, and most of
the facts stage's regex time goes into those failed attempts. Such a pattern usually has a *cue*:
a cheap sub-pattern every match contains ("north of", a month name, "ago"). ``finditer_cued`` looks
for the cue first and tries the whole pattern only at the positions from which a match could
reach a cue: from the last *barrier* before the cue (a character no match can contain: a quote
mark, a semicolon, a full stop outside a number) up to the cue's end.

The result is the same sequence of matches as ``pattern.finditer(text)``, provided that

* every match of ``pattern`` contains a position where ``cue`` matches (in the same text), and
* no match of ``pattern`` contains a position of ``barriers``, and
* neither ``pattern`` nor ``cue`` matches an empty string;

each caller states why both hold for its pattern. Each match is made by ``pattern.match`` on the
whole text, so word boundaries and lookarounds see the same context as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence


def finditer_cued(pattern: re.Pattern[str], cue: re.Pattern[str], text: str,
                  barriers: Sequence[int] = ()) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)`` (see the module docstring for the conditions on
    ``cue`` and ``barriers``, a sorted sequence of character positions)."""
    pos = 0  # every position before this one is settled: tried, inside a match, or never a start
    for hit in cue.finditer(text):
        hit_start, hit_end = hit.span()
        if hit_end == hit_start:
            raise ValueError(f"cue {cue.pattern!r} matched an empty string")
        if hit_end <= pos:
            continue
        # a match holding this cue cannot reach back over a barrier
        k = bisect.bisect_left(barriers, hit_start) - 1
        p = max(pos, barriers[k] + 1 if k >= 0 else 0)
        while p < hit_end:
            m = pattern.match(text, p)
            if m is None:
                p += 1
                continue
            if m.end() == p:
                raise ValueError(f"pattern {pattern.pattern!r} matched an empty string")
            yield m
            p = m.end()
        pos = p


def barrier_positions(barrier: re.Pattern[str], text: str) -> list[int]:
    """The start of every match of ``barrier`` (a pattern of one character, or of characters that
    are all barriers)."""
    return [m.start() for m in barrier.finditer(text)]
