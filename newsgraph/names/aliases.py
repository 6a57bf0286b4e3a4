"""Within-document alias definitions and partial-name references, found by general textual rules.

``find_alias_definitions(text)`` finds places where a text itself says that two names denote the
same thing, with character offsets:

=====================  =========================================================================
pattern                example shape (our own invented names)
=====================  =========================================================================
paren-acronym          Northern Valley Defence Units (NVDU)
paren-expansion        NVDU (Northern Valley Defence Units)
acronym-for            Tamas, an Arabic acronym for Tahaluf al-Muqawama al-Sharqiya
is-acronym-for         Tamas is an Arabic acronym for ... / NVDU stands for Northern Valley ...
by-acronym             the Eastern Front, known by its acronym EF
known-as               Saraya al-Nasr, also known as the Victory Companies
known-in-language-as   the Victory Companies, known in Arabic as Saraya al-Nasr
also-called / aka      Jund al-Wadi, also called Valley Soldiers / aka Valley Soldiers
translates-as          Saraya al-Nasr, which translates as Victory Companies
meaning                Saraya al-Nasr, meaning "Victory Companies"
language-for           Saraya al-Nasr, Arabic for Victory Companies
or                     Saraya al-Nasr, or the Victory Companies,  /  Saraya al-Nasr (or Victory ...)
quoted-translation     Saraya al-Nasr, the "Victory Companies"
paren-label            Norland Workers Party (PKN)                 (an acronym that does not spell the name)
paren-alt              Saraya al-Nasr (Victory Companies)          (weakest; two words or more)
=====================  =========================================================================

Every record gives ``long_span`` (the name being defined, or the expansion of an acronym),
``short_span`` (the acronym or alternative name) and the pattern name.

``resolve_partial_mentions(mentions)`` maps later surname / given-name / kunya mentions ("Amiri"
after "Hadi al-Amiri") to the full mention of the same document, refusing when two different full
names in the document could be meant.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .acronyms import STOPWORDS, acronym_match, is_acronym
from .normalize import MATCH_THRESHOLD, Token, name_similarity, parse_name, _match_norm

__all__ = [
    "AliasDef",
    "find_alias_definitions",
    "Mention",
    "PartialLink",
    "resolve_partial_mentions",
]


@dataclass(frozen=True, slots=True)
class AliasDef:
    long_span: tuple[int, int]
    short_span: tuple[int, int]
    pattern: str
    long_text: str
    short_text: str


# ----------------------------------------------------------------------------------------------
# Word scanning
# ----------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’‘ʿʾ\-‐]*\w)?", re.UNICODE)
_PARTICLE_WORD = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|at|az|an|bin|ibn|bint|abu|abou|umm)[-‐]\w", re.I)
_CONNECTORS = STOPWORDS | {"bin", "ibn", "bint", "abu", "umm", "d'", "du"}
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "„": "“"}
_MAX_PHRASE = 10


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) in text order; starts and ends both increase (words never overlap), so
    the word at a position is found by bisection."""
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


def _word_start(w: tuple[int, int, str]) -> int:
    return w[0]


def _word_end(w: tuple[int, int, str]) -> int:
    return w[1]


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or bool(_PARTICLE_WORD.match(w)) or w[:1].isdigit() and len(w) <= 4


def _is_connector(w: str) -> bool:
    return w.lower() in _CONNECTORS


# Lower-case kind nouns written after an organisation's name ("the X network, aka Y"): the
# definition is about the name in front of them.
_KIND_NOUNS = frozenset("network group militia movement organization organisation coalition alliance faction".split())


def _phrase_back(text: str, words: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    """The name-like phrase (capitalised words, inner connectors) ending exactly at ``end``, or
    right before a lower-case kind noun that ends there."""
    idx = None
    k = bisect.bisect_right(words, end, key=_word_end) - 1  # the last word ending by ``end``
    if k >= 0 and text[words[k][1] : end].strip() == "":
        idx = k
    kind_noun = idx is not None and idx > 0 and words[idx][2] in _KIND_NOUNS
    if kind_noun and not text[words[idx - 1][1] : words[idx][0]].strip():  # type: ignore[index]
        idx -= 1  # type: ignore[operator]
    if idx is None or not _is_name_word(words[idx][2]):
        return None
    first = idx
    k = idx - 1
    while k >= 0 and idx - k < _MAX_PHRASE:
        gap = text[words[k][1] : words[k + 1][0]]
        w = words[k][2]
        if gap.strip() != "" or not (_is_name_word(w) or _is_connector(w)):
            break
        first = k
        k -= 1
    while first < idx and (_is_connector(words[first][2]) or words[first][2] in ("The", "A", "An")):
        first += 1
    # a sentence-initial capital followed by an English connector is not part of the name
    # ("Police in Qarmala"): drop both
    sentence_start = re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[: words[first][0]]) is not None
    if (
        sentence_start
        and first < idx
        and words[first + 1][2] in ("in", "of", "for", "on", "at", "to", "from", "and", "by", "with")
    ):
        first += 1
        while first < idx and (_is_connector(words[first][2]) or words[first][2] in ("The", "A", "An")):
            first += 1
    if kind_noun and not (first > 0 and words[first - 1][2] in ("the", "The")):
        return None  # "the X network" names X; "40 Shiite militia" describes
    return words[first][0], words[idx][1]


def _phrase_fwd(text: str, words: list[tuple[int, int, str]], start: int) -> tuple[int, int] | None:
    """The name-like phrase starting at ``start`` (after optional whitespace), or a quoted string."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and text[i] in _QUOTES:
        close = _QUOTES[text[i]]
        j = text.find(close, i + 1)
        while j != -1 and close == "'" and j + 1 < len(text) and text[j + 1].isalpha():
            j = text.find(close, j + 1)  # an apostrophe inside the quote (Asa'ib)
        if j == -1 or j - i > 100 or not any(c.isalpha() for c in text[i + 1 : j]):
            return None
        inner = text[i + 1 : j]
        lead = len(inner) - len(inner.lstrip())
        if inner.lower().startswith("the "):
            lead += 4
        return i + 1 + lead, i + 1 + len(inner.rstrip())
    idx = None
    k = bisect.bisect_left(words, i, key=_word_start)  # the first word starting at or after ``i``
    if k < len(words) and words[k][0] == i:
        idx = k
    if idx is None:
        return None
    if words[idx][2] in ("the", "The") and idx + 1 < len(words):
        idx += 1
    if not _is_name_word(words[idx][2]):
        return None
    last = idx
    k = idx + 1
    while k < len(words) and k - idx < _MAX_PHRASE:
        gap = text[words[k - 1][1] : words[k][0]]
        w = words[k][2]
        if gap.strip() != "" or not (_is_name_word(w) or _is_connector(w)):
            break
        last = k
        k += 1
    while last > idx and _is_connector(words[last][2]):
        last -= 1
    return words[idx][0], words[last][1]


# ----------------------------------------------------------------------------------------------
# Patterns
# ----------------------------------------------------------------------------------------------

_LEAD = r"(?:\s*,\s*|\s*\(\s*|\s+[-—–]+\s+|\s+)"
_LANG = r"[A-Z][a-z]+(?:ic|ish|ian|an|i|e)"
_TRIGGERS: list[tuple[str, re.Pattern[str], bool]] = [
    # (pattern name, regex for the words between the two names, left side is the long form?)
    ("acronym-for", re.compile(_LEAD + r"(?:an?|the|its)\s+(?:" + _LANG + r"\s+)?(?:language\s+)?(?:acronym|abbreviation)\s+(?:for|of)\s+"), False),
    ("is-acronym-for", re.compile(r"\s+(?:is|was|being)\s+(?:an?|the|its)\s+(?:" + _LANG + r"\s+)?(?:language\s+)?(?:acronym|abbreviation)\s+(?:for|of)\s+|\s+stands\s+for\s+"), False),
    ("by-acronym", re.compile(_LEAD + r"(?:also\s+)?(?:known|referred\s+to)\s+by\s+(?:its|the|their)\s+(?:" + _LANG + r"\s+)?(?:acronym|abbreviation)\s*,?\s+"), True),
    ("known-in-language-as", re.compile(_LEAD + r"(?:also\s+|better\s+|commonly\s+|widely\s+)?known\s+in\s+" + _LANG + r"\s+as\s+"), True),
    ("known-as", re.compile(_LEAD + r"(?:also\s+|better\s+|formerly\s+|widely\s+|commonly\s+|locally\s+|simply\s+)?known\s+(?:locally\s+|widely\s+|simply\s+|collectively\s+)?as\s+"), True),
    ("also-called", re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+)(?:also|sometimes|often)\s+called\s+|\s*,\s*called\s+"), True),
    ("aka", re.compile(_LEAD + r"(?:aka|a\.k\.a\.?|AKA)\s+"), True),
    ("translates-as", re.compile(_LEAD + r"(?:which\s+|that\s+|a\s+name\s+that\s+)?(?:roughly\s+|loosely\s+)?(?:translates|translated|is\s+translated)\s+(?:as|to|into)\s+(?:English\s+as\s+)?"), True),
    ("meaning", re.compile(r"(?:\s*,\s*|\s*\(\s*)(?:meaning|which\s+means|literally)\s+"), True),
    ("language-for", re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+[-—–]+\s+)(?:the\s+)?" + _LANG + r"\s+(?:word\s+|name\s+|term\s+)?for\s+"), True),
    ("or", re.compile(r"\s*,\s*or\s+|\s*\(\s*or\s+"), True),
]
# Words one of which every match of a trigger holds, as its regex spells them: a text without any is
# not searched (most texts hold no "acronym", "known", "called" ...; the search is most of the time
# the definitions take).
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "acronym-for": ("acronym", "abbreviation"),
    "is-acronym-for": ("acronym", "abbreviation", "stands"),
    "by-acronym": ("acronym", "abbreviation"),
    "known-in-language-as": ("known",),
    "known-as": ("known",),
    "also-called": ("called",),
    "aka": ("aka", "a.k.a", "AKA"),
    "translates-as": ("translate",),
    "meaning": ("meaning", "means", "literally"),
}
_QUOTED_TRANSLATION = re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+[-—–]+\s+)(?:or\s+)?(?:the\s+)?(?=[\"“‘'«„])")
_PAREN = re.compile(r"\(\s*([^()]{2,100}?)\s*\)")


def _n_words(text: str) -> int:
    return len(text.split())


def _acronym_long_form(text: str, words: list[tuple[int, int, str]], end: int, acr: str) -> tuple[int, int] | None:
    """Shortest phrase ending at ``end`` that the acronym spells."""
    last = bisect.bisect_right(words, end, key=_word_end) - 1
    if last < 0:
        return None
    if text[words[last][1] : end].strip():
        return None
    for first in range(last, max(-1, last - 14), -1):
        if first < last and text[words[first][1] : words[first + 1][0]].strip() not in ("",):
            break  # punctuation between words: stop
        w = words[first][2]
        if _is_connector(w):
            continue
        span = (words[first][0], words[last][1])
        if acronym_match(acr, text[span[0] : span[1]]):
            return span
    return None


def _labelled_name(text: str, words: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    """The name of two words or more before an acronym that does not spell it: an acronym of the
    name in another language ("Norland Workers Party (PKN)") or of its fuller form. A line's
    first words in capitals are a dateline ("NORTH CITY (NNA)"), not a name."""
    span = _phrase_back(text, words, end)
    if not span:
        return None
    name = text[span[0]:span[1]]
    if _n_words(name) < 2 or name.upper() == name:
        return None
    line_start = text.rfind("\n", 0, span[0]) + 1
    if not text[line_start:span[0]].strip():
        return None  # a name opening its line may be a dateline or a byline
    return span


def find_alias_definitions(text: str) -> list[AliasDef]:
    """All alias definitions in ``text``, sorted by position (see module docstring)."""
    words = _words(text)
    out: dict[tuple[tuple[int, int], tuple[int, int]], AliasDef] = {}

    def add(long_span: tuple[int, int] | None, short_span: tuple[int, int] | None, pattern: str) -> None:
        if not long_span or not short_span or long_span == short_span:
            return
        lt, st = text[long_span[0] : long_span[1]], text[short_span[0] : short_span[1]]
        if not lt.strip() or not st.strip() or lt.casefold() == st.casefold():
            return
        key = (long_span, short_span)
        if key not in out:
            out[key] = AliasDef(long_span, short_span, pattern, lt, st)

    # parentheses: acronym after its long form, long form after its acronym, alternative name
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        inner_span = (m.start(1), m.end(1))
        if is_acronym(inner):
            long_form = _acronym_long_form(text, words, m.start(), inner)
            if long_form:
                add(long_form, inner_span, "paren-acronym")
            else:
                add(_labelled_name(text, words, m.start()), inner_span, "paren-label")
            continue
        # reversed: ACR (Long Form)
        before = _phrase_back(text, words, m.start())
        if before:
            btxt = text[before[0] : before[1]]
            last_word = btxt.split()[-1]
            if is_acronym(last_word):
                lead = 4 if inner.lower().startswith("the ") else 0
                if acronym_match(last_word, inner[lead:]):
                    add((inner_span[0] + lead, inner_span[1]), (before[1] - len(last_word), before[1]), "paren-expansion")
                    continue
            first = inner.split()[0] if inner.split() else ""
            if (
                _n_words(inner) >= 2
                and _is_name_word(first)
                and not any(c in inner for c in ",;:")
                and not is_acronym(last_word)
            ):
                fwd = _phrase_fwd(text, words, inner_span[0])
                if fwd and fwd[1] == inner_span[1]:
                    add(before, fwd, "paren-alt")

    # textual triggers
    for name, rx, left_is_long in _TRIGGERS:
        cues = _TRIGGER_WORDS.get(name)
        if cues is not None and not any(c in text for c in cues):
            continue
        for m in rx.finditer(text):
            left = _phrase_back(text, words, m.start())
            right = _phrase_fwd(text, words, m.end())
            if not left or not right:
                continue
            if name == "or":
                rtxt = text[right[0] : right[1]]
                quoted = text[right[0] - 1 : right[0]] in _QUOTES or text[right[0] - 5 : right[0] - 4] in _QUOTES
                paren = "(" in m.group()
                # lists ("Basra, Najaf, or Karbala") are not aliases
                pre = text[max(0, left[0] - 3) : left[0]]
                after = text[right[1] : right[1] + 6]
                if not (quoted or paren):
                    if "," in pre or re.match(r"\s*(?:and|or)\b", after) or (
                        _n_words(rtxt) < 2 and _n_words(text[left[0] : left[1]]) < 2
                    ):
                        continue
                    if not re.match(r"\s*(?:[,.;:)]|$)", after):
                        continue
            if left_is_long:
                add(left, right, name)
            else:
                add(right, left, name)

    # quoted translations: Name, the "Translated Name"
    for m in _QUOTED_TRANSLATION.finditer(text):
        left = _phrase_back(text, words, m.start())
        right = _phrase_fwd(text, words, m.end())
        if left and right and _is_name_word(text[right[0] : right[1]]):
            add(left, right, "quoted-translation")

    return sorted(out.values(), key=lambda d: (min(d.long_span[0], d.short_span[0]), d.pattern))


# ----------------------------------------------------------------------------------------------
# Partial-name references inside one document
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PartialLink:
    mention: int  # index into the input list
    full: int | None  # index of the full mention it refers to; None when refused
    kind: str  # surname, given-name, kunya, partial, ambiguous
    reason: str


def _as_mention(m: Mention | tuple[int, int, str] | str, i: int) -> Mention:
    if isinstance(m, Mention):
        return m
    if isinstance(m, str):
        return Mention(i, i, m)
    return Mention(m[0], m[1], m[2])


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _sub_alignment(part: tuple[Token, ...], full: tuple[Token, ...]) -> list[int] | None:
    """Positions in ``full`` matched, in order, by every token of ``part`` (None if impossible)."""
    pos: list[int] = []
    j = 0
    for t in part:
        while j < len(full) and _match_norm(t.norm, full[j].norm)[0] < 0.85:
            j += 1
        if j == len(full):
            return None
        pos.append(j)
        j += 1
    return pos


def resolve_partial_mentions(
    mentions: Sequence[Mention | tuple[int, int, str]],
    allow_given_name: bool = True,
) -> list[PartialLink]:
    """Link short mentions (surname, given name, kunya, part of a name) to a full mention.

    ``mentions`` are the person mentions of ONE document (text with offsets; titles are ignored).
    A full mention has at least two name tokens.  Full mentions that are variants of each other
    ("Hadi al-Amiri", "Hadi al-Ameri") count as one person.  A short mention is linked to the
    nearest preceding full mention of the only person it can denote (or, failing that, the first
    following one); when two different persons share the token it is refused ("ambiguous").  A
    lone given name links only when ``allow_given_name`` and unambiguous; a middle name alone
    never links.
    """
    ms = [_as_mention(m, i) for i, m in enumerate(mentions)]
    parsed = [parse_name(m.text).tokens for m in ms]
    full = [i for i, t in enumerate(parsed) if len(t) >= 2]
    parent = list(range(len(ms)))
    for x in range(len(full)):
        for y in range(x + 1, len(full)):
            a, b = full[x], full[y]
            if _find(parent, a) != _find(parent, b) and name_similarity(ms[a].text, ms[b].text) >= MATCH_THRESHOLD:
                parent[_find(parent, a)] = _find(parent, b)
    links: list[PartialLink] = []
    for i, toks in enumerate(parsed):
        if not toks or len(toks) >= 2 and i in full and not any(
            len(parsed[f]) > len(toks) and _sub_alignment(toks, parsed[f]) for f in full
        ):
            continue
        persons: dict[int, list[tuple[int, str]]] = {}
        for f in full:
            if f == i or len(parsed[f]) <= len(toks):
                continue
            pos = _sub_alignment(toks, parsed[f])
            if pos is None:
                continue
            n = len(parsed[f])
            if len(toks) == 1:
                t = toks[0]
                if t.kind == "kunya":
                    kind = "kunya"
                elif pos[0] == n - 1:
                    kind = "surname"
                elif pos[0] == 0 and parsed[f][0].kind == "name":
                    kind = "given-name"
                elif parsed[f][pos[0]].kind == "kunya":
                    kind = "kunya"
                else:
                    continue  # a middle name alone is not a reference
            else:
                kind = "partial" if pos[-1] == n - 1 or pos[0] == 0 else ""
                if not kind:
                    continue
            persons.setdefault(_find(parent, f), []).append((f, kind))
        if not persons:
            continue
        if len(persons) > 1:
            names = sorted({ms[fs[0][0]].text for fs in persons.values()})
            links.append(PartialLink(i, None, "ambiguous", f"{ms[i].text!r} could be any of: " + "; ".join(names)))
            continue
        cands = next(iter(persons.values()))
        kind = cands[0][1]
        if kind == "given-name" and not allow_given_name:
            continue
        before = [f for f, _ in cands if ms[f].start <= ms[i].start]
        target = max(before, key=lambda f: ms[f].start) if before else min((f for f, _ in cands), key=lambda f: ms[f].start)
        links.append(PartialLink(i, target, kind, f"{kind} {ms[i].text!r} -> {ms[target].text!r}"))
    return links


def alias_pairs(text: str) -> Iterable[tuple[str, str, str]]:
    """Convenience: (long text, short text, pattern) for every alias definition in ``text``."""
    for d in find_alias_definitions(text):
        yield d.long_text, d.short_text, d.pattern
