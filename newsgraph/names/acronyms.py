"""Acronyms: detection, matching against long forms, and keys for blocking.

Matching is by general rules only (no table of known acronyms):

* every content word of the long form gives its initial letter ("Popular Mobilization Forces" ->
  PMF), in order;
* function words and Arabic particles (of, the, and, in, for, al-, fi, wa ...) may be skipped or may
  give their letter (AQAP = al-Qaeda in the Arabian Peninsula, MoD = Ministry of Defence);
* consonant digraphs may give two letters (sh, kh, th, gh, dh, ch);
* in pronounceable acronyms written like words ("Daesh", "Hamas") a vowel may stand for any
  vowel-initial word (Arabic alif/ayn words romanise with a, e, i, o or u) and up to two vowels may
  be fillers added for pronunciation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import fold

__all__ = [
    "STOPWORDS",
    "is_acronym",
    "acronym_letters",
    "long_form_words",
    "acronym_match",
    "explain_acronym",
    "initials",
    "acronym_keys",
]

STOPWORDS = frozenset(
    "of the and for in on at to by a an & de du des la le les et del della di da van von "
    "al el ul il ad ar as ash at az an fi fil wa wal bil li lil min ala fee".split()
)
_DIGRAPHS = ("sh", "kh", "th", "gh", "dh", "ch", "ph")
_VOWELS = set("aeiou")
_ACR_SHAPE = re.compile(r"^(?:[A-Z]\.?){2,}(?:-(?:[A-Z]\.?)+)?s?$|^[A-Z][A-Za-z]*[A-Z][A-Za-z]*s?$")


def acronym_letters(acr: str) -> str:
    """Letters of an acronym, lower-case: dots, hyphens and a plural "s" removed ("PMUs" -> "pmu")."""
    a = acr.strip().replace(".", "").replace("-", "").replace("&", "")
    if len(a) > 2 and a.endswith("s") and a[:-1].isupper():
        a = a[:-1]
    return fold(a)


def is_acronym(text: str) -> bool:
    """True for tokens shaped like an acronym: "PMF", "PMUs", "U.S.", "MoD", "IRGC-QF".

    Pronounceable acronyms written as words ("Daesh") are not recognisable by shape; they are found
    through textual definitions (see ``aliases``).
    """
    t = text.strip()
    if " " in t or not 2 <= len(t.replace(".", "")) <= 12:
        return False
    if not _ACR_SHAPE.match(t):
        return False
    upper = sum(c.isupper() for c in t)
    letters = sum(c.isalpha() for c in t)
    return upper >= 2 and upper * 2 >= letters


def long_form_words(long_form: str) -> list[str]:
    """Folded words of a long form; hyphens split words ("Counter-Terrorism" -> two words)."""
    return [w for w in re.split(r"[\s\-‐‑–—/,.]+", fold(long_form)) if w]


def initials(long_form: str, keep_stopwords: bool = False) -> str:
    """Upper-case initials of the content words: "Islamic State of Iraq and the Levant" -> "ISIL"."""
    words = long_form_words(long_form)
    return "".join(w[0] for w in words if keep_stopwords or w not in STOPWORDS).upper()


def _units(word: str) -> list[str]:
    """Possible initial units of a word: its first letter and, for digraphs, the first two."""
    out = [word[0]]
    if word[:2] in _DIGRAPHS:
        out.append(word[:2])
    return out


def _acronym_words(long_form: str) -> frozenset[str]:
    """The folded words of a long form written as initials themselves ("UN" of "UN Security
    Council"): each gives all its letters to an acronym of the whole ("UNSC")."""
    return frozenset(fold(w) for w in re.split(r"[\s\-‐‑–—/,]+", long_form.replace(".", ""))
                     if 2 <= len(w) <= 5 and w.isalpha() and w.isupper())


@lru_cache(maxsize=65536)
def _match(acr: str, words: tuple[str, ...], pronounceable: bool,
           whole: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """Return the sequence of words used (None if no match).  DP over (acr position, word); a word
    of ``whole`` may give all its letters."""

    @lru_cache(maxsize=None)
    def go(i: int, j: int, fillers: int) -> tuple[str, ...] | None:
        if i == len(acr):
            return () if all(w in STOPWORDS for w in words[j:]) else None
        if j == len(words):
            if pronounceable and fillers < 2 and acr[i] in _VOWELS:
                return go(i + 1, j, fillers + 1)
            return None
        w = words[j]
        for unit in sorted(_units(w) + ([w] if w in whole else []), key=len, reverse=True):
            if acr.startswith(unit, i):
                r = go(i + len(unit), j + 1, fillers)
                if r is not None:
                    return (w,) + r
        if pronounceable and acr[i] in _VOWELS and w[0] in _VOWELS and w not in STOPWORDS:
            r = go(i + 1, j + 1, fillers)
            if r is not None:
                return (w,) + r
        if w in STOPWORDS:
            r = go(i, j + 1, fillers)
            if r is not None:
                return r
        if pronounceable and fillers < 2 and acr[i] in _VOWELS:
            r = go(i + 1, j, fillers + 1)
            if r is not None:
                return r
        return None

    return go(0, 0, 0)


def acronym_match(acr: str, long_form: str) -> bool:
    """True when ``acr`` abbreviates ``long_form``.

    >>> acronym_match("PMF", "Popular Mobilization Forces")
    True
    >>> acronym_match("PMF", "Popular Mobilization Forces Commission")
    False
    """
    return explain_acronym(acr, long_form) is not None


def explain_acronym(acr: str, long_form: str) -> str | None:
    """A one-line explanation of how ``acr`` spells ``long_form``, or None if it does not."""
    letters = acronym_letters(acr)
    words = tuple(long_form_words(long_form))
    if len(letters) < 2 or len(words) < 2:
        return None
    content = [w for w in words if w not in STOPWORDS]
    if len(content) < 2 and len(letters) < 2:
        return None
    stripped = acr.strip().replace(".", "")
    pronounceable = not stripped.replace("-", "").rstrip("s").isupper()
    used = _match(letters, words, pronounceable, _acronym_words(long_form))
    if used is None:
        return None
    if sum(1 for w in used if w not in STOPWORDS) < min(2, len(content)):
        return None
    return f"{acr.strip()} = " + " ".join(w.capitalize() if w not in STOPWORDS else w for w in used)


def acronym_keys(name: str) -> set[str]:
    """Blocking keys shared by an acronym and its long form ("PMF" and "Popular Mobilization Forces"
    both give "ACR:PMF"; the long form also gives the variant with function-word letters)."""
    t = name.strip()
    if is_acronym(t):
        return {"ACR:" + acronym_letters(t).upper()}
    words = long_form_words(t)
    content = [w for w in words if w not in STOPWORDS]
    if len(content) < 2:
        return set()
    keys = {"ACR:" + "".join(w[0] for w in content).upper()}
    if len(content) != len(words):
        keys.add("ACR:" + "".join(w[0] for w in words).upper())
    whole = _acronym_words(t)
    if whole:  # "UN Security Council" meets "UNSC"
        keys.add("ACR:" + "".join(w if w in whole else w[0] for w in content).upper())
    return keys
