"""Words and strings that look like names but are not: web-page furniture and common English words.

* ``junk_spans(text)``: character ranges of URLs, e-mail addresses, @handles and #hashtags;
* ``is_interface_word(word)``: the vocabulary of web widgets and social-media buttons ("URL",
  "Comment", "Share", "Tweet", "Print", "Subscribe"...), also glued together in CamelCase
  ("FacebookComment", "ShareTweet") as text extraction leaves it;
* ``is_common_word(word)``: a word that English writes mostly in lower case ("Almost", "Regime",
  "Supporters"), from the word probabilities of ``spacy-lookups-data`` (loaded once, on first use;
  without the package, no word is common). Used to tell the capitalised words of a Title-Cased
  headline that are names from those that are not.

General knowledge of English and of web pages; nothing here comes from a corpus.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["junk_spans", "is_interface_word", "is_interface_phrase", "is_common_word", "is_common_abbreviation",
           "split_camel"]

# Buttons, labels and counters of news sites and social media, as text extraction leaves them.
INTERFACE_WORDS: frozenset[str] = frozenset(
    """
    url urls link links permalink shortlink short comment comments commenting discussion reply replies
    share shares sharing tweet tweets retweet retweets like likes view views print email e-mail mail
    subscribe subscription unsubscribe newsletter login logout log sign signup register password
    tags tag topic topics menu search home click download app embed copy cookie cookies privacy
    terms community standards advertisement advertising sponsored trending related next previous prev
    more less loading reload button widget feed rss pin whatsapp messenger send latest breaking
    """.split()
)
# Abbreviations of English common nouns: written in capitals like a name, they name a kind of thing
# ("an NGO", "IDPs", "an IED"), never one actor.
COMMON_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    ngo ngos ingo ingos idp idps ied ieds vbied vbieds svbied uav uavs ugv mp mps mep meps ceo ceos pow pows
    rpg rpgs manpads atgm atgms apc apcs ifv ifvs mbt hq hqs vip vips gdp faq pdf
    """.split()
)
# Platforms whose names appear in share bars; they are not actors of a news story.
PLATFORMS: frozenset[str] = frozenset(
    "facebook twitter google linkedin pinterest reddit tumblr vk odnoklassniki telegram whatsapp youtube "
    "instagram tiktok flipboard digg stumbleupon disqus".split()
)

_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|co\.uk|ru|tv|io|me|ly)(?:/\S*)?\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])[@#][A-Za-z_][\w]*")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def junk_spans(text: str) -> list[tuple[int, int]]:
    """Sorted character ranges of URLs, e-mail addresses, @handles and #hashtags in ``text``."""
    spans = [m.span() for rx in (_EMAIL, _URL, _HANDLE) for m in rx.finditer(text)]
    return sorted(spans)


def split_camel(word: str) -> list[str]:
    """ "FacebookComment" -> ["Facebook", "Comment"]; "URL" -> ["URL"]."""
    return _CAMEL.findall(word) or [word]


def is_common_abbreviation(word: str) -> bool:
    """ "NGO", "IDPs": the capitals of a common noun, not of a name."""
    return word.strip(".,;:").lower().replace(".", "") in COMMON_ABBREVIATIONS


def is_interface_word(word: str) -> bool:
    """True for widget vocabulary ("Comment", "URL") and glued runs of it ("FacebookComment")."""
    low = word.lower()
    if low in INTERFACE_WORDS:
        return True
    parts = split_camel(word)
    return len(parts) > 1 and all(p.lower() in INTERFACE_WORDS or p.lower() in PLATFORMS for p in parts) and any(
        p.lower() in INTERFACE_WORDS for p in parts
    )


def is_interface_phrase(words: list[str] | tuple[str, ...]) -> bool:
    """True when every word is widget vocabulary or a platform, at least one of them widget vocabulary:
    "Get short URL", "Tweet Views", "Comment via Facebook"."""
    words = [w for w in words if w.lower() not in ("get", "via", "on", "us", "to", "with", "by", "the")]
    return bool(words) and all(is_interface_word(w) or w.lower() in PLATFORMS for w in words) and any(
        is_interface_word(w) for w in words
    )


# -- common words ---------------------------------------------------------------------------------

# A word is common when its lower-case form is seen often enough and clearly more often than its
# capitalised form (log probabilities): "almost" -8.2 / "Almost" -10.8, but "donald" -15.5 / "Donald" -12.6.
_MIN_LOGPROB = -16.0
_MARGIN = 1.0


# The list as computed below, shipped with the package: reading the word probabilities took ~1.9 s of
# CPU in every process that needed it (each ingest worker and the resolution), a 14-article demo's
# worth. `python -m newsgraph.names.junk` writes it again (after an upgrade of spacy-lookups-data).
COMMON_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common_words.txt.gz"


def compute_common_words() -> frozenset[str]:
    """The common words, from the word probabilities of ``spacy-lookups-data`` (empty without it)."""
    try:
        import spacy_lookups_data  # noqa: F401
        from importlib.resources import files

        path = files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
        with gzip.open(str(path), "rt", encoding="utf8") as f:
            probs: dict[str, float] = json.load(f)
    except Exception:  # the package is optional: without it only the document's own evidence counts
        return frozenset()
    out = set()
    for w, p in probs.items():
        if p < _MIN_LOGPROB or not w.isalpha() or not w.islower():
            continue
        cap = probs.get(w[:1].upper() + w[1:], -30.0)
        if p - cap >= _MARGIN:
            out.add(w)
    return frozenset(out)


def write_common_words(path: Path = COMMON_WORDS_FILE) -> int:
    words = sorted(compute_common_words())
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as f:
        f.write("".join(w + "\n" for w in words))
    return len(words)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    try:
        with gzip.open(COMMON_WORDS_FILE, "rt", encoding="utf-8") as f:
            return frozenset(f.read().split())
    except OSError:  # a checkout without the shipped list
        return compute_common_words()


def is_common_word(word: str) -> bool:
    """True when English writes ``word`` mostly in lower case ("Used", "Supporters"); False for names
    ("Florida", "Dupont") and for words the resource does not know."""
    low = word.lower()
    if "-" in low:
        return all(is_common_word(p) for p in low.split("-") if p)
    return low in _common_words()


if __name__ == "__main__":
    print(f"{write_common_words()} common words written to {COMMON_WORDS_FILE}")
