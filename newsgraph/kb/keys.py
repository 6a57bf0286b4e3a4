"""Fast skeleton keys for indexing many names (places, dictionary phrases).

``skeleton_keys("Salah ad-Din")`` drops the Arabic article and assimilated particles (al-, ar-,
ez-, ...), reduces each word with ``newsgraph.names.normalize.token_key`` (first letter and
consonants, romanisation variants folded) and concatenates them.  Names that
``newsgraph.names.normalize`` would call the same usually share a key, so a key lookup gathers
candidates that are then verified with ``name_similarity``; the key itself is never evidence.

It exists beside ``normalize.name_key`` because that one parses titles, kunyas and nasabs and
costs ~50 µs per name: too slow for the ~700,000 names of the gazetteer.
"""

from __future__ import annotations

import re

from ..names.normalize import american_spelling, fold, token_key

__all__ = ["compact", "content_words", "keys_of_words", "skeleton_keys"]

# The Arabic article and its sun-letter assimilations, as in newsgraph.names.normalize
# (duplicated there as private tables; here they drive a regex-free fast path).
_ARTICLES = frozenset("al el ul il".split())
_ASSIMILATED = {
    "ad": "d", "ed": "d", "ud": "d", "adh": "dh", "ar": "r", "er": "r", "ur": "r", "as": "s",
    "es": "s", "us": "s", "ash": "sh", "esh": "sh", "ush": "sh", "at": "t", "et": "t", "ut": "t",
    "ath": "th", "az": "z", "ez": "z", "uz": "z", "an": "n", "en": "n", "un": "n",
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile("['’‘`´ʼʻʿʾ]")


def compact(name: str) -> str:
    """Folded, punctuation-free form: "Deir ez-Zor" -> "deir ez zor", "Sana'a" -> "sanaa"."""
    s = name.lower() if name.isascii() else fold(name)
    s = _APOSTROPHES.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


def content_words(compact_name: str) -> list[str]:
    """Words of a compact name without a leading "the" and without Arabic particles."""
    words = compact_name.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    out = []
    last = len(words) - 1
    for i, w in enumerate(words):
        if i < last:
            if w in _ARTICLES:
                continue
            cons = _ASSIMILATED.get(w)
            if cons is not None and words[i + 1].startswith(cons):
                continue
        out.append(w)
    return out


def keys_of_words(words: list[str], spelling: bool = False) -> tuple[str, ...]:
    """One or two keys: per word, and (when different) of the words written as one.

    With ``spelling``, British spellings are first made American ("organisation").
    """
    if not words:
        return ()
    if spelling:
        words = [american_spelling(w) for w in words]
    per_word = "".join(token_key(w) for w in words)
    if len(words) == 1:
        return (per_word,)
    # token_key reads a final "-ah" as an ending, so "Salah ad Din" and "Salahuddin" only meet
    # when keyed as one word.
    whole = token_key("".join(words))
    return (per_word,) if whole == per_word else (per_word, whole)


def skeleton_keys(name: str, spelling: bool = False) -> tuple[str, ...]:
    """Keys under which a name is indexed.

    >>> bool(set(skeleton_keys("Salahuddin")) & set(skeleton_keys("Salah ad-Din")))
    True
    """
    return keys_of_words(content_words(compact(name)), spelling)
