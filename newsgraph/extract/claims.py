"""Claims about change: "a break with past policy" against "the policy has not changed".

Reporters and officials often disagree not on a number but on whether something changed: a
policy, a position, a strategy. This module finds statements that a named topic *changed* or *did
not change*, so the contradictions stage can set the two against each other. It is deliberately
narrow (a topic noun plus an explicit change or no-change construction): a false contradiction
costs an analyst more time than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.cued_search import barrier_positions, finditer_cued

# Nouns whose change is newsworthy and commonly disputed.
_TOPICS = (
    "policy|policies|position|stance|strategy|approach|posture|doctrine|plan|plans|mission|role|"
    "rules of engagement|relationship|support|cooperation|commitment|status"
)
_T = rf"(?P<topic>{_TOPICS})"
_MOD = r"(?:\w+(?:-\w+)?\s+){0,3}?"  # up to three modifiers: "U.S. policy on this matter"

_CHANGED = [
    rf"\b(?:break|departure|shift|change|reversal|U-turn|turnaround|about-face)\s+(?:with|from|in|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|past\s+|previous\s+|prior\s+|longstanding\s+|long-standing\s+|earlier\s+|former\s+)*{_MOD}{_T}\b",
    rf"\b{_T}\s+(?:has|have|had)\s+(?:now\s+)?(?:changed|shifted|been\s+reversed|been\s+overturned)\b",
    rf"\b(?:reversed|overturned|abandoned|changed|shifted)\s+(?:its|their|his|her|the)\s+{_MOD}{_T}\b",
]
_UNCHANGED = [
    rf"\b{_T}\b[^.;\"“”]{{0,60}}?\b(?:has|have|had|is|are|was|were)\s+(?:not|n't|never)\s+(?:been\s+)?(?:changed|shifted|altered|reversed)\b",
    rf"\b{_T}\b[^.;\"“”]{{0,60}}?\b(?:remains|remained|is|was|stays|stayed)\s+(?:unchanged|the\s+same)\b",
    rf"\bno\s+(?:change|shift)\s+(?:in|to|of)\s+(?:the\s+|its\s+|their\s+|our\s+)?{_MOD}{_T}\b",
    rf"\b(?:has|have|had|did|does|do)\s+not\s+(?:changed?|shift(?:ed)?|alter(?:ed)?|reversed?)\s+(?:its|their|his|her|the|our)\s+{_MOD}{_T}\b",
]
_CHANGED_RE = [re.compile(p, re.IGNORECASE) for p in _CHANGED]
_UNCHANGED_RE = [re.compile(p, re.IGNORECASE) for p in _UNCHANGED]
# The patterns that start at their topic noun (a common word: "support", "role", "plan") are
# searched only around the verb every match of theirs holds (finditer_cued: the same matches). No
# match holds a full stop, semicolon or double quotation mark.
_CUES = {
    _CHANGED_RE[1].pattern: re.compile(r"(?:changed|shifted|reversed|overturned)\b", re.IGNORECASE),
    _UNCHANGED_RE[0].pattern: re.compile(r"(?:changed|shifted|altered|reversed)\b", re.IGNORECASE),
    _UNCHANGED_RE[1].pattern: re.compile(r"(?:unchanged|same)\b", re.IGNORECASE),
}
_NOT_IN_CLAIM = re.compile(r"[.;\"“”]")


@dataclass(frozen=True, slots=True)
class ChangeClaim:
    topic: str  # the noun, lower-case, singular ("policy")
    stance: str  # changed | unchanged
    start: int  # the claim's words
    end: int
    text: str


def _singular(topic: str) -> str:
    t = topic.lower()
    return {"policies": "policy", "plans": "plan"}.get(t, t)


def find_change_claims(text: str) -> list[ChangeClaim]:
    """Every 'X changed' / 'X did not change' claim in ``text``, by position."""
    found: dict[tuple[int, int], ChangeClaim] = {}
    barriers: list[int] | None = None
    for stance, patterns in (("unchanged", _UNCHANGED_RE), ("changed", _CHANGED_RE)):
        for pattern in patterns:
            cue = _CUES.get(pattern.pattern)
            if cue is None:
                matches = pattern.finditer(text)
            else:
                if barriers is None:
                    barriers = barrier_positions(_NOT_IN_CLAIM, text)
                matches = finditer_cued(pattern, cue, text, barriers)
            for m in matches:
                overlaps = any(s < m.end() and m.start() < e for s, e in found)
                if not overlaps:
                    found[(m.start(), m.end())] = ChangeClaim(_singular(m.group("topic")), stance, m.start(), m.end(), m.group(0))
    return sorted(found.values(), key=lambda c: c.start)
