"""Entity mentions in one document: typed spans of persons, organisations and places.

``find_mentions(text, doc)`` combines three sources and keeps one reading of every stretch of text:

1. the statistical NER spans of ``doc`` (PERSON, ORG, GPE, LOC, FAC, NORP), cleaned of the model's
   typical errors on this domain (spans across paragraphs, title-only or job-title spans, common
   words, truncated Arabic names) and retyped by the shape of the name: Arabic group words make an
   armed group, "Abu X" or "Given al-Surname" make a person, an English head noun ("Forces",
   "Ministry", "Institute") makes an organisation;
2. patterns over runs of capitalised words for what the model misses: titled persons ("Maj. Gen.
   X", "spokesman X"), organisations by head noun, places announced by a cue ("the village of X",
   "X province", "Camp X"), acronyms, demonyms, datelines;
3. references that name no one: "the colonel", "the PMF spokesman" (persons) and "the alliance",
   "the ministry" (organisations), with origin "role" and no name.

Origins: "ner" (a model span, possibly retyped), "title" (a title in front of the name), "group" (an
organisation by head noun, Arabic group word or a well-known name), "place-cue", "shape" (a person
by the shape of the name alone: "Abu X", "X bin Y", "Ali al-X"), "acronym", "role", "demonym",
"partial" (a surname repeated after the full name) and "alias" (a place or group name repeated
after a cue typed it).

An administrative division keeps its kind word in its name ("Kirkuk province" is not the city of
Kirkuk); when the kind word stands outside the mention ("Diyala and Kirkuk provinces", "the
governor of Kirkuk"), the division's level ("province", "district") is the mention's title.

Demonyms ("Iraqi", "Shiite", "Iranian-backed") come back with origin "demonym" and the type of what
they stand for (a country is a LOC, a community an ORG) so that the resolver can link them to that
place or group; they are not names of new entities.

Overlaps are settled by evidence strength, then length: a span found by a specific pattern beats the
model's span, which beats an acronym, demonym or role reference. All offsets are character offsets
into ``text``. Everything is rule-based and corpus-independent (see ``lexicon``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.entities import lexicon as lx
from newsgraph.entities.demonyms import COUNTRY_ACRONYMS, country_name, demonym_target
from newsgraph.names import junk as _junk
from newsgraph.names.acronyms import is_acronym
from newsgraph.names.normalize import fold as _fold_uncached
from newsgraph.names.titles import HONORIFICS, ROLES, is_title_phrase, title_end
from newsgraph.types import EntityMention

__all__ = ["find_mentions", "demonym_target"]

fold = lru_cache(maxsize=65536)(_fold_uncached)  # the same words recur in every article

# -- tokens --------------------------------------------------------------------------------------

# A word: letters/digits joined by hyphens, inner apostrophes (not a possessive 's) and the dots of
# dotted acronyms ("U.S.", "U.S.-led"); a trailing dot is left out and recorded on the token.
_WORD = re.compile(r"[^\W_]+(?:(?:[-‐‑]|['’‘ʼ](?![sS]\b)|\.(?=[^\W\d_]\.)|\.[-‐‑])[^\W_]+)*")
_TITLE_PREFIXES = ("then-", "ex-", "Then-", "Ex-")  # "then-Prime Minister X"
_CONNECTORS = frozenset("of for on the and".split())
_ARTICLE_PREFIX = lx.ARTICLE_PREFIX
_LOWER_PARTICLES = frozenset("al el bin ibn bint bn de van von da di du le la".split())
_TITLE_WORDS = frozenset(w for phrase in HONORIFICS | ROLES for w in phrase.split())
_OFFICE_WORDS = frozenset(w for phrase in ROLES for w in phrase.split()) - frozenset(w for p in HONORIFICS for w in p.split())
_POSSESSIVE = ("'s", "’s", "'S", "’S")

# -- headlines and junk --------------------------------------------------------------------------
# A headline is Title Cased: its capitalised words are names only when the document writes them
# capitalised mid-sentence elsewhere or they are known parts of names; "Tarmi Regime Airstrikes
# Kill ..." yields "Tarmi", not a three-word name.
_SEGMENT_END = re.compile(r"\n|[.!?][\"”’)]*[ \t]+(?=[\"“‘(]?[A-Z0-9])")
_TITLECASE_SMALL = frozenset("a an the of for on in at to by and or but nor with from as vs via per into over off up out".split())
_INITIAL_AFTER = frozenset(':"“‘(\n')
# Lone head nouns are kinds of bodies or places, not names: "the Institute", "Militias", "Ministry".
_LONE_GENERIC = frozenset(
    {w for w, sub in lx.ORG_HEADS.items() if " " not in w and sub in ("armed_group", "military", "government", "research", "party")}
    | lx.GENERIC_ORG_WORDS | {w for w in lx.PLACE_SUFFIXES if " " not in w} | set(lx.ADMIN_DIVISIONS)
    | set("news media press television radio channel newspaper magazine".split())
) - {"martyrs", "knights", "lions", "guardians", "partisans", "hosts", "vanguard", "watch", "peshmerga", "hashd"}
# Credit lines: "By X", "Photo: X", "Source: X" name an author or a supplier, not an actor.
_CREDIT_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[Bb]y|BY|[Pp]hoto(?:graph)?(?:\s+credit)?|[Cc]redits?|[Ss]ource|[Ii]mage|[Pp]icture|[Cc]ourtesy(?:\s+of)?)[ \t]*[:|]?[ \t]*$")
# "Additional reporting by Kinda X; Editing by Y": a credit line names persons, it is no headline.
_REPORTING_BY = re.compile(r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Cc]ontributed|[Tt]ranslated)\s+by\b")
_CREDIT_WORDS = frozenset("source sources credit credits photo photos image images picture courtesy copyright published "
                          "updated posted reporting editing writing".split())


@lru_cache(maxsize=16384)
def _known_name_part(word: str) -> bool:
    """Words that belong to names whatever the case of the line: particles, head nouns of groups and
    places, titles, Arabic group words, given names, countries and demonyms, compass points."""
    low = word.lower()
    if low in _NAME_PART_WORDS or fold(low) in _NAME_PART_WORDS:
        return True
    if lx.COMPOUND_ADJECTIVE.search(low):
        return False  # "Norland-Trained": a description
    return country_name(word) is not None or demonym_target(word) is not None


_NAME_PART_WORDS = frozenset(
    {w for table in (lx.ORG_HEADS, lx.PLACE_SUFFIXES, lx.ARABIC_GROUP_HEADS, lx.PLACE_CAPITAL_PREFIXES) for k in table for w in k.split()}
    | {w for k in lx.KNOWN_ORGS for w in k.split()} | {w for p in lx.INTERNATIONAL_PREFIXES for w in p.lower().split()}
    | lx.GENERIC_ORG_WORDS | lx.ORG_DESCRIPTORS | lx.NAME_PARTICLES | lx.GIVEN_NAMES | _TITLE_WORDS | _LOWER_PARTICLES
    | set("north south east west northern southern eastern western central upper lower greater new old".split())
) - lx.NOT_NAME_WORDS


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    cap: bool  # starts with a capital letter
    dot: bool  # a "." follows immediately


def _tokenize(text: str) -> list[_Tok]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        cap = w[0].isupper() or (w.startswith(_TITLE_PREFIXES) and w[w.index("-") + 1 :][:1].isupper())
        out.append(_Tok(m.start(), m.end(), w, w.lower(), cap, text.startswith(".", m.end())))
    return out


def _capital_after_article(word: str) -> bool:
    m = _ARTICLE_PREFIX.match(word)
    return bool(m) and word[m.end():][:1].isupper()


def _is_particle(t: _Tok) -> bool:
    """Lower-case words that belong inside names: "al-Sadiq", "bin", "ibn"."""
    return not t.cap and (t.low in _LOWER_PARTICLES or bool(_ARTICLE_PREFIX.match(t.text)))


def _bare(low: str) -> str:
    """A word without its Arabic article: "al-hashd" -> "hashd"."""
    return _ARTICLE_PREFIX.sub("", low)


def _abbrev(t: _Tok) -> bool:
    """A dotted word that does not end the sentence: "Gen.", "U.S.", an initial "J."."""
    if not t.dot:
        return False
    return t.low in lx.ABBREVIATIONS or (len(t.text) == 1 and t.cap) or ("." in t.text and t.text.isupper())


# -- candidates ----------------------------------------------------------------------------------

# Evidence strength, used to settle overlaps (higher wins, then longer).
_PATTERN, _NER, _SHAPE, _ACRONYM, _DEMONYM, _ROLE, _WEAK = 6, 5, 4, 3, 3, 2, 1


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str
    subtype: str | None
    origin: str
    strength: int
    name_start: int = -1
    name_end: int = -1
    title: str | None = None
    label: str | None = None  # the NER label it came from, if any
    # "Kirkuk province": the name span is the bare "Kirkuk" for typing the document's other
    # mentions, but the division is not the town, so the emitted name keeps the kind word
    kind_named: bool = False


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the words of a span say about it, independent of the NER label."""

    type: str | None = None
    subtype: str | None = None
    origin: str = "group"
    strong: bool = False  # a specific pattern (head noun, Arabic group word, cue) rather than a hint


def _org_head(lows: list[str], allow_single: bool = False) -> tuple[bool, str | None] | None:
    """Head-noun reading of a capitalised run: (is ORG, subtype) or None."""
    n = len(lows)
    if n >= 2 or allow_single:
        for k in (3, 2, 1):
            if k <= n and (n > k or k >= 2 or allow_single):
                phrase = " ".join(lows[n - k :])
                if phrase in lx.ORG_HEADS:
                    return True, lx.ORG_HEADS[phrase]
    for k in range(n - 2):
        if lows[k + 1] in ("of", "for", "on") and (lows[k] in lx.ORG_OF_HEADS or lows[k] in lx.ORG_HEADS):
            return True, lx.ORG_HEADS.get(lows[k])
    return None


def _international(lows: list[str], subtype: str | None) -> str | None:
    """ "United Nations Security Council", "World Health Organization": international bodies."""
    if subtype in (None, "government", "military") and _INTERNATIONAL_START.match(" ".join(lows)):
        return "international"
    return subtype


_INTERNATIONAL_START = re.compile(
    r"(?:" + "|".join(re.escape(p) for p in sorted(lx.INTERNATIONAL_PREFIXES, key=len, reverse=True)) + r")(?![\w.])"
)


def _known_org(text: str) -> tuple[str | None] | None:
    """(subtype,) of a well-known body ("Islamic State", "NATO"); short forms only in capitals ("IS", not "Is")."""
    key = text.lower()
    if key not in lx.KNOWN_ORGS:
        key = fold(text)
        if key not in lx.KNOWN_ORGS:
            return None
    if len(text.replace(".", "")) <= 4 and not text.replace(".", "").isupper():
        return None
    return (lx.KNOWN_ORGS[key],)


def _person_shape(toks: list[_Tok]) -> str | None:
    return _person_shape_of(tuple(t.text for t in toks))


@lru_cache(maxsize=65536)
def _person_shape_of(words: tuple[str, ...]) -> str | None:
    """ "kunya" (Abu X), "nasab" (X bin Y), "given" (Ali al-X), "article" (X al-Y) or None."""
    if not words:
        return None
    lows = [fold(w) for w in words]
    caps = [w[:1].isupper() for w in words]
    if len(words) >= 2 and lows[0] in lx.KUNYA and caps[1]:
        return "kunya"
    for k in range(1, len(words) - 1):
        if lows[k] in lx.NASAB and caps[k - 1] and caps[k + 1]:
            return "nasab"
    first = lows[0].split("-")[0]
    if len(words) >= 2 and caps[0] and (first in lx.GIVEN_NAMES or lows[0] in lx.GIVEN_NAMES):
        return "given"
    if len(words) >= 2 and caps[0] and any(_ARTICLE_PREFIX.match(w) for w in words[1:]):
        return "article"
    return None


def _shape(toks: list[_Tok], lenient_head: bool = False) -> _Shape:
    """Type a span by its words alone (no context): lexicons, head nouns, Arabic group words, name shapes."""
    return _shape_of(tuple(t.text for t in toks), lenient_head)


_NO_SHAPE = _Shape()


_GENERIC_PLURALS = frozenset("militias forces factions groups units fighters brigades troops".split())


# "May" and "Sun" name people and papers as often as a month and a day
_DATE_WORDS = lx.DATE_WORDS - {"may", "sun"}


def _country_or_possessive(word: str) -> bool:
    """ "Turkey", "Chad", and "Turkeys" for "Turkey's" (feeds drop apostrophes): a country, though an English word."""
    return bool(country_name(word) or word.endswith("s") and country_name(word[:-1]))


def _date_word(low: str) -> bool:
    low = low.rstrip(".")
    for ending in ("'s", "’s", "s"):  # a day's possessive, with or without its apostrophe ("Mars" is no month's)
        stem = low[: -len(ending)]
        if low.endswith(ending) and stem in _DATE_WORDS and len(stem) > 4:
            return True
    return low in _DATE_WORDS


def _surname_like_suffix(toks: list[_Tok]) -> bool:
    """ "Karim Lake", "Sahil Hill": a place read from a kind word after the name, a word that is a
    surname as often (a division, an area or a capital-prefixed name is a place whoever is named before)."""
    last = toks[-1].low if toks else ""
    return (len(toks) >= 2 and toks[-1].cap and last in lx.PLACE_SUFFIXES and last not in lx.ADMIN_DIVISIONS
            and last not in lx.AREA_WORDS and fold(toks[0].low) not in lx.PLACE_CAPITAL_PREFIXES)


@lru_cache(maxsize=65536)
def _shape_of(words: tuple[str, ...], lenient_head: bool) -> _Shape:
    if not words:
        return _NO_SHAPE
    lows = [w.lower() for w in words]
    caps = [w[:1].isupper() for w in words]
    joined = " ".join(words)
    known = _known_org(joined)
    if known is not None:
        return _Shape("ORG", known[0], "group", True)
    if country_name(joined):
        return _Shape("LOC", "country", "place-cue", True)
    # Arabic group words head the name: "Kataib Hezbollah", "al-Hashd al-Shaabi".
    head = fold(_bare(lows[0]))
    if len(words) >= 2 and head in lx.ARABIC_GROUP_HEADS and (caps[1] or _ARTICLE_PREFIX.match(words[1]) or lows[1] in _LOWER_PARTICLES):
        return _Shape("ORG", lx.ARABIC_GROUP_HEADS[head], "group", True)
    org = _org_head(lows, allow_single=False)
    if org is not None and lows[-1] in _GENERIC_PLURALS and all(demonym_target(w) for w in words[:-1]):
        return _NO_SHAPE  # "Iranian-Backed Militias", "Iraqi Forces" in a headline: a description
    if org is not None and (caps[-1] or lenient_head):
        return _Shape("ORG", _international(lows, org[1]), "group", True)
    if len(words) >= 2 and fold(lows[0]) in lx.PLACE_CAPITAL_PREFIXES:
        return _Shape("LOC", lx.PLACE_CAPITAL_PREFIXES[fold(lows[0])], "place-cue", True)
    if len(words) >= 2 and lows[-1] in lx.PLACE_SUFFIXES and caps[-1] and not all(demonym_target(w) for w in words[:-1]):
        return _Shape("LOC", lx.PLACE_SUFFIXES[lows[-1]], "place-cue", True)
    person = _person_shape_of(words)
    if person is not None:
        return _Shape("PERSON", None, "shape", person in ("kunya", "nasab", "given"))
    if len(words) == 1:
        target = demonym_target(words[0])
        if target is not None:
            return _Shape("LOC" if target[1] == "country" else "ORG", "country" if target[1] == "country" else None, "demonym", True)
    return _NO_SHAPE


# -- the document scanner ------------------------------------------------------------------------

_SUFFIX_CUE = re.compile(
    r"^[ \t]+(" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lx.PLACE_SUFFIXES), key=len, reverse=True)) + r")\b(?!['’]s\b|-)",
)
_PREFIX_CUE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lx.PLACE_PREFIXES_OF), key=len, reverse=True)) + r")\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the provinces of X and Y": a list of provinces; the gap between two of its names
_DIVISIONS_OF = re.compile(r"\b(?:provinces|governorates)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|as well as)\s+|\s+|"
                       r"\s+in\s+the\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)\s*,?\s*(?:and\s+)?")
# An indefinite or counted kind word before "of X" ("a northern district of", "one neighbourhood of")
# names a part of X, not the division called X ("the district of X").
_PART_OF = re.compile(r"\b(?:a|an|one|another|two|three|four|five|several|some|many|other|each)\s+(?:[a-z][\w-]*\s+){0,2}$",
                      re.IGNORECASE)
# "the Midan district of X": the part's own name before the kind word
_NAMED_PART = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|In|Of|On|At|And|But|From)\s)((?:[a-z]{1,3}-)?[A-Z][\w'’-]*)\s+$")
_QUARTERS = frozenset({"district", "neighborhood", "neighbourhood", "suburb"})


def _part_of_cue(before: str, m: re.Match) -> str | None:
    """For a kind word before "of X" (``m`` of ``_PREFIX_CUE`` in ``before``): "" or "settlement" when
    it names a part of X ("a northern district of X", "a rebel-held area of X", "the Midan district
    of X", "the al-Sahil neighbourhood of X"): X holds the part (a town, when the part is a quarter)
    and is no division named X ("the district of X", "the eastern neighbourhood of X" name X itself);
    None when the cue names X."""
    cue = " ".join(m.group(1).lower().split())
    if cue == "governor":
        return None
    named_part = _NAMED_PART.search(before, 0, m.start())
    if _PART_OF.search(before, 0, m.start()) or cue in _QUARTERS and named_part and not demonym_target(named_part.group(1)):
        return "settlement" if cue in _QUARTERS else ""
    return None
_WEAK_CUE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(lx.PLACE_PREPOSITIONS)) + r")|\b(?:" + "|".join(sorted(lx.COMPASS_OF, key=len, reverse=True)) + r")\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Nineveh's governor", "Basra's provincial council": offices of a place.
_POSSESSIVE_PLACE_CUE = re.compile(r"['’]s\s+(?:deputy\s+|acting\s+|former\s+)?(?:governor|provincial\s+council|governorate)\b")
# Places listed with a plural cue: "Diyala, Salahuddin and Kirkuk provinces", "Sahil and Deir el-Harun
# provinces" (two names need no comma; a second word may start with a particle).
_LISTED_NAME_PATTERN = r"[A-Z][\w'’-]*(?:\s(?:[a-z]{1,3}-)?[A-Z][\w'’-]*)?"
_LIST_PLACE_CUE = re.compile(
    rf"((?:{_LISTED_NAME_PATTERN},\s+)*(?:{_LISTED_NAME_PATTERN},?\s+and\s+){_LISTED_NAME_PATTERN})"
    r"\s+(provinces|governorates|districts|villages|towns|cities|regions)\b"
)
_LISTED_NAME = re.compile(_LISTED_NAME_PATTERN)
_DIVISION_LEVELS = frozenset(level for level in lx.ADMIN_DIVISIONS.values() if level)
_ROLE_WORDS_BEFORE = re.compile(r"[\w.'’-]+")
_LINE_BREAK = re.compile(r"(\n)")
# "Amraq news agency", "the Velmora Times newspaper": a medium's kind written after its name in lower
# case says the name is the medium's, whatever the model read it as
_MEDIUM_AFTER = re.compile(r"\s+(?:news\s+agency|newspaper|news\s+website|news\s+site|website|broadcaster|"
                           r"(?:tv|television)\s+(?:channel|station)|daily|weekly|magazine)\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|from|to|into|around|of|at)\s+$", re.IGNORECASE)
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’\-]+(?:[ ][A-Z][A-Z'’\-]+)*),[ ](?=[A-Z])")
_HEAD_CHARS = 120  # a dateline stands at the text's head, after a time stamp at most
# a name in capitals then an agency in brackets, a dash, or "A"/"The" beginning the sentence; or a
# word of six capitals at least, longer than acronyms mostly are
_HEAD_DATELINE = re.compile(r"(?:^|(?<=\s))([A-Z][A-Z'’\-]{3,}(?:[ ][A-Z][A-Z'’\-]+){0,2})"
                            r"(?:[ ]?\([^()\n]{1,25}\)[ ]?|[ ]?[-–—][ ]?|[ ](?=(?:A|An|The)[ ])|(?<=[A-Z]{6})[ ](?=[A-Z][a-z]))")
_APPOSITION = re.compile(
    r"^(?:\s*\([^()\n]{1,12}\))?,\s+(?:a|an|the)\s+((?:[\w'’-]+\s+){0,3}?)("
    + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lx.APPOSITION_KINDS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_MILITIA_NEAR = re.compile(r"\b(?:" + "|".join(sorted(lx.MILITIA_CONTEXT)) + r")\b", re.IGNORECASE)
# Person roles by their first word: "prime" -> [("prime", "minister")], "colonel" -> [("colonel",)].
_ROLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted((*lx.PERSON_ROLE_PHRASES, *lx.PERSON_ROLE_NOUNS), key=lambda p: -len(p.split())):
    _ROLES_BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))
# "the" and up to three descriptor words right before a role word ("the PMF ", "the group's ").
_ROLE_DETERMINER = re.compile(
    r"\b[Tt]he\s+((?:(?!(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|that|who|said|says|told)\b)"
    r"(?:[A-Z][\w.'’-]*|[a-z][\w-]*(?:['’]s)?)\s+){0,3})$"
)
_ORG_NOUNS = (r"army|military|government|ministry|alliance|coalition|brigade|militia|movement|party|council|"
              r"parliament|police|agency|faction|front|organi[sz]ation|group")
_ORG_ROLE_NOUNS = frozenset(_ORG_NOUNS.replace("organi[sz]ation", "organization|organisation").split("|")) - {"group"}
_NEXT_WORD = re.compile(r"[ \t]*(?:['’](s)\b|([\w.'’-]+))")
_NEXT_CAPITAL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
_ORG_DESCRIPTOR = re.compile(r"(" + _ORG_NOUNS + r")(?:['’]s)?\s+", re.IGNORECASE)
_INSTITUTION_AFTER_DEMONYM = re.compile(
    r"^[ \t]+(army|military|navy|air\s+force|police|security\s+forces|armed\s+forces|special\s+forces|forces|"
    r"government|parliament|cabinet|judiciary|foreign\s+ministry|defen[cs]e\s+ministry|interior\s+ministry)"
    r"(?:s(?=[ \t]+[a-z]))?\b(?!['’]?-)",  # "the Norlandic armys advance": a possessive whose apostrophe a feed stripped
    re.IGNORECASE,
)
_INSTITUTION_SUBTYPE = {"army": "military", "military": "military", "navy": "military", "air force": "military",
                        "police": "military", "security forces": "military", "armed forces": "military",
                        "special forces": "military", "forces": "military", "government": "government",
                        "parliament": "government", "cabinet": "government", "judiciary": "government"}
_NON_ACRONYMS = frozenset(
    "AM PM GMT UTC KM BC AD OK CEO ID TV DNA PDF VIP HQ II III IV VI VII VIII IX XI XII XX FAQ PS "
    "NB AKA USD IQD EUR GDP COVID RPG RPGS IED IEDS MRAP SUV ATM SMS".split()
)
_NOT_NAME_POS = frozenset("VERB AUX PRON ADV DET ADP CCONJ SCONJ NUM PART INTJ".split())
_ALLCAPS_LINE = re.compile(r"(?m)^[^\na-zß-öø-ÿ]*[A-Z][^\na-zß-öø-ÿ]*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class _Scanner:
    """One pass over one document; builds candidates, then keeps the best non-overlapping ones."""

    def __init__(self, text: str, doc) -> None:
        self.text = text
        self.doc = doc
        self.toks = _tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.cands: list[_Cand] = []
        self._allcaps_lines = self._find_allcaps_lines()
        self._junk = _junk.junk_spans(text)
        self._find_headlines()

    # -- helpers ---------------------------------------------------------------------------------

    def _find_allcaps_lines(self) -> list[tuple[int, int]]:
        """Lines in capitals (mastheads, kickers): their words are not acronyms."""
        return [m.span() for m in _ALLCAPS_LINE.finditer(self.text) if len(m.group().split()) >= 2]

    def _find_headlines(self) -> None:
        """Title-Cased segments (headlines, kickers, related-story lists) and, from the rest of the
        text, how the document writes each word mid-sentence (capitalised or not)."""
        toks, text = self.toks, self.text
        bounds = [m.end() for m in _SEGMENT_END.finditer(text)]
        segs: list[tuple[int, int]] = []
        k = 0
        while k < len(toks):
            b = bisect.bisect_right(bounds, toks[k].start)
            j = k + 1
            while j < len(toks) and bisect.bisect_right(bounds, toks[j].start) == b:
                j += 1
            segs.append((k, j))
            k = j
        self.headline = [False] * len(toks)
        # sentence-initial words are capitalised whatever they are: "Rocket fire hit ...", "Include X"
        self.initial = [False] * len(toks)
        for a, b in segs:
            self.initial[a] = True
        for k, t in enumerate(toks):
            if t.start > 0 and (text[t.start - 1] in _INITIAL_AFTER or text[max(0, t.start - 2) : t.start] in (': ', '" ', '“ ')):
                self.initial[k] = True
        self._cap_mid: dict[str, int] = {}
        self._low_mid: dict[str, int] = {}
        candidates = []
        glued = self._glued_headlines()
        for a, b in segs:
            content = [t for t in toks[a + 1 : b] if t.text[:1].isalpha() and t.low not in _TITLECASE_SMALL
                       and not _is_particle(t) and not (len(t.text) > 1 and t.text.isupper())
                       and not t.text.startswith(_TITLE_PREFIXES)]
            lower = sum(1 for t in content if not t.text[:1].isupper())
            if len(content) >= 3 and lower * 6 <= len(content) and not _REPORTING_BY.search(text, toks[a].start, toks[b - 1].end):
                candidates.append((a, b, content))
                continue
            for k in range(a + 1, b):
                t = toks[k]
                if not t.text[:1].isalpha() or self.initial[k] or k in glued:
                    continue
                counts = self._cap_mid if t.text[:1].isupper() else self._low_mid
                counts[t.low] = counts.get(t.low, 0) + 1
        for a, b, content in candidates:
            # Title Case shows in capitalised words that are no names: "Kills", "Regime", "Almost".
            plain = sum(1 for t in content if t.text[:1].isupper() and not self._name_word(t))
            if plain >= 2 or plain and len(content) >= 4 and all(t.text[:1].isupper() for t in content):
                for k in range(a, b):
                    self.headline[k] = True
        for k in glued:
            self.headline[k] = True

    def _glued_headlines(self) -> set[int]:
        """Headlines run into the text without a full stop ("... said on Monday Velmora Death Toll
        Rises as Shelling Continues"): long runs of capitalised words, several of them common words."""
        toks = self.toks
        out: set[int] = set()
        k = 0
        while k < len(toks):
            if not toks[k].text[:1].isupper():
                k += 1
                continue
            j = k + 1
            while j < len(toks) and (toks[j].text[:1].isupper() or toks[j].low in _TITLECASE_SMALL or _is_particle(toks[j])) \
                    and self._joinable(toks[j - 1], toks[j]):
                j += 1
            while j > k and not toks[j - 1].text[:1].isupper():
                j -= 1
            a = k + 1 if toks[k].low in lx.NOT_NAME_WORDS else k  # "The Local Coordination Committees"
            caps = [t for t in toks[a:j] if t.text[:1].isupper()]
            if len(caps) >= 4 and _org_head([t.low for t in toks[a:j]]) is None:
                plain = [t for t in caps[1:] if t.low in lx.NOT_NAME_WORDS or _junk.is_interface_word(t.text)
                         or _junk.is_common_word(t.text) and not _known_name_part(t.text)]
                if len(plain) >= 3 or len(plain) >= 2 and self._has_verb(plain):
                    out.update(range(k, j))
            k = max(j, k + 1)
        return out

    def _has_verb(self, toks: list[_Tok]) -> bool:
        """A finite verb among the words ("Rises", "Kills"): names have none, headlines do."""
        if self.doc is None or not self.doc.has_annotation("TAG"):
            return False
        for t in toks:
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and any(x.tag_ in ("VBZ", "VBD", "VBP") for x in span):
                return True
        return False

    def _name_word(self, t: _Tok, strict: bool = True) -> bool:
        """Whether a capitalised word of a headline is evidence of a name. ``strict=False`` only
        looks at what the word is (for telling a headline), not at the known parts of names."""
        w = t.text
        if not w[:1].isupper() or any(ch.isdigit() for ch in w) or (len(w) > 1 and w.replace("-", "").isupper()):
            return True
        low = t.low
        if low in lx.NOT_NAME_WORDS or _junk.is_interface_word(w):
            return False
        art = _ARTICLE_PREFIX.match(w)
        if art and w[art.end() :][:1].isupper():
            return True  # "Al-Zaatari", written "al-Zaatari" mid-sentence: an Arabic name
        cap, lower = self._cap_mid.get(low, 0), self._low_mid.get(low, 0)
        if cap > lower:
            return True
        if strict and _known_name_part(w):
            return True
        if lower > 0:
            return False
        return not _junk.is_common_word(w)

    def _headline_pieces(self, i: int, j: int) -> list[tuple[int, int]]:
        """Token range i..j cut at the words of a headline that are no names; unchanged outside headlines."""
        toks = self.toks
        while i < j and self.initial[i] and not self.headline[i] and not self._name_word(toks[i]):
            i += 1  # "Rocket", "Earlier": a common word capitalised at the start of a sentence
            while i < j and toks[i].low in _CONNECTORS:
                i += 1  # "Followers of X" -> "X"
        if not any(self.headline[i:j]):
            return [(i, j)] if j > i else []
        out: list[tuple[int, int]] = []
        s = None
        for k in range(i, j + 1):
            if k < j and (not self.headline[k] or self._name_word(toks[k])):
                if s is None:
                    s = k
                continue
            if s is not None:
                a, b = s, k
                while a < b and not toks[a].text[:1].isupper() and not _ARTICLE_PREFIX.match(toks[a].text):
                    a += 1
                while b > a and (toks[b - 1].low in _CONNECTORS or _is_particle(toks[b - 1]) and "-" not in toks[b - 1].text):
                    b -= 1
                if b > a:
                    out.append((a, b))
                s = None
        return out

    def _credit_before(self, start: int) -> bool:
        return bool(_CREDIT_BEFORE.search(self.text, max(0, start - 40), start))

    def _is_junk(self, cand: _Cand) -> bool:
        """Widget text, URLs and handles, credits, lone head nouns and title prefixes are no names."""
        ns, ne = (cand.name_start, cand.name_end) if cand.name_start >= 0 else (cand.start, cand.end)
        k = bisect.bisect_left(self._junk, (ne, ne))
        if k > 0 and any(a < ne and b > ns for a, b in self._junk[max(0, k - 3) : k]):
            return True
        if cand.origin in ("role", "demonym"):
            return False
        words = self.text[ns:ne].split()
        if not words:
            return True
        if _junk.is_interface_phrase(words) or all(w.lower() in _CREDIT_WORDS for w in words):
            return True
        if all(_date_word(w.lower()) for w in words):
            return True  # "Mon Jul", "Tuesdays": a date a feed glued on, or a day's possessive
        if len(words) == 1 and _junk.is_common_abbreviation(words[0]):
            return True  # "an NGO", "IDPs": a kind of thing, not an actor
        if words[0].startswith(_TITLE_PREFIXES) and len(words) == 1:
            return True  # "then-Prime": the start of a title
        if len(words) == 1 and cand.origin != "acronym" and words[0].lower() in _LONE_GENERIC:
            low = words[0].lower()
            if words[0][:1].isupper() and low in lx.ORG_HEADS and self.text[max(0, ns - 4) : ns] in ("the ", "The "):
                # "the Institute said": a reference to a body named elsewhere, like "the ministry"
                self.cands.append(_Cand(ns - 4, ne, "ORG", lx.ORG_HEADS[low], "role", _ROLE))
            return True
        if cand.type != "PERSON" and self._credit_before(cand.start):
            return True  # "By Agence X", "Photo: Y"
        return False

    def _in_allcaps_line(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self._allcaps_lines)

    def _tok_range(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return i, j

    def _before(self, start: int, width: int = 48) -> str:
        """The text before ``start`` on the same line."""
        chunk = self.text[max(0, start - width) : start]
        return chunk.rsplit("\n", 1)[-1]

    def _add(self, cand: _Cand) -> None:
        if cand.end > cand.start and not self._is_junk(cand):
            if cand.strength == _PATTERN and cand.origin != "ner" and self._in_headline(cand.start):
                cand.strength = _NER - 0.5  # a pattern over a headline's words: the model's span decides
            self.cands.append(cand)

    def _in_headline(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return 0 <= k < len(self.headline) and self.headline[k]

    # -- runs of capitalised words ----------------------------------------------------------------

    def _joinable(self, a: _Tok, b: _Tok) -> bool:
        gap = self.text[a.end : b.start]
        if gap == " " or (gap.strip(" \t") == "" and "\n" not in gap and gap):
            return True
        return gap.startswith(".") and gap[1:].strip(" \t") == "" and len(gap) > 1 and _abbrev(a)

    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of name-like tokens on one line (token index ranges), trimmed of function words."""
        toks = self.toks
        out: list[tuple[int, int]] = []
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            if not (t.cap or _capital_after_article(t.text)):
                i += 1
                continue
            j = i + 1
            while j < n and self._joinable(toks[j - 1], toks[j]):
                u = toks[j]
                if u.cap or _is_particle(u) or u.low in _CONNECTORS:
                    if toks[j - 1].end < len(self.text) and self.text.startswith(_POSSESSIVE, toks[j - 1].end):
                        break
                    if j + 1 < n and _date_word(u.low) and toks[j + 1].text[:1].isdigit():
                        break  # "... of Velmora August 21 2013": a caption's date after the place
                    j += 1
                    continue
                break
            out.extend(self._split_run(i, j))
            i = j
        return out

    def _split_run(self, i: int, j: int) -> list[tuple[int, int]]:
        toks = self.toks
        # "and"/"the" belong inside a name only after "of"/"for" ("Ministry of Displacement and Migration").
        parts: list[tuple[int, int]] = []
        s = i
        seen_of = False
        for k in range(i, j):
            low = toks[k].low
            if toks[k].cap:
                continue
            prev = toks[k - 1].low if k > i else ""
            if low in ("for", "on") and not (prev in lx.ORG_OF_HEADS or prev in lx.ORG_HEADS):
                parts.append((s, k))  # "Rashid Omari on Friday"; but "Council on Foreign Relations"
                s = k + 1
            elif low in ("of", "for", "on"):
                seen_of = True
            elif low in ("and", "the") and not seen_of:
                parts.append((s, k))
                s = k + 1
            elif low == "the" and prev not in ("of", "for", "on", "and"):
                # "... Council Ahmad Salim the Coalition said": a "the" inside a name follows its
                # preposition ("Army of the Men"); after a name word it begins the next phrase
                parts.append((s, k))
                s = k + 1
        parts.append((s, j))
        parts = self._split_at_and(parts)
        out = []
        for a, b in parts:
            while a < b and (toks[a].low in lx.NOT_NAME_WORDS and not _is_particle(toks[a]) or lx.COMPOUND_ADJECTIVE.search(toks[a].low)
                             or _junk.is_interface_word(toks[a].text) or toks[a].low in _CREDIT_WORDS):
                a += 1  # "The", "Unlike"; "Oslo-based Fjord Institute"; "Tags X"
            while b > a and (toks[b - 1].low in _CONNECTORS or _is_particle(toks[b - 1]) and "-" not in toks[b - 1].text
                             or _junk.is_interface_word(toks[b - 1].text)):
                b -= 1
            if b > a:
                out.extend(self._headline_pieces(a, b))
        return out

    def _split_at_and(self, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Party of God and Saraya Ashura": two names when what follows "and" is a name of its own."""
        out = []
        for a, b in parts:
            for k in range(a + 1, b - 1):
                if self.toks[k].low == "and" and not self.toks[k].cap and _shape(self.toks[k + 1 : b]).strong:
                    out.extend([(a, k), (k + 1, b)])
                    break
            else:
                out.append((a, b))
        return out

    # -- pattern candidates -----------------------------------------------------------------------

    def scan_runs(self) -> None:
        for i, j in self.runs():
            self._classify_run(i, j)

    def _classify_run(self, i: int, j: int) -> None:
        toks = self.toks[i:j]
        start, end = toks[0].start, toks[-1].end
        run_text = self.text[start:end]
        if len(toks) == 1 and (toks[0].low in lx.NOT_NAME_WORDS or toks[0].low in lx.NOT_ENTITIES or is_acronym(toks[0].text)):
            return  # acronyms are typed by scan_acronyms
        if self._split_at_of(i, j):
            return
        shape = _shape(toks)
        if shape.origin == "demonym":
            return  # single demonyms are handled by scan_demonyms
        # A title in front: "Maj. Gen. X", "Prime Minister X", "Popular Mobilization Forces chief X".
        has_title_word = any(t.low.rstrip(".") in _TITLE_WORDS for t in toks[:-1])
        if (shape.type == "LOC" and shape.strong and _surname_like_suffix(toks)
                and (any(t.low.rstrip(".") in _OFFICE_WORDS for t in toks[:-2]) or self._role_before(self._before(start)) >= 0)):
            shape = _NO_SHAPE  # "director Karim Lake": after an office, the last word is a surname
            # (an honorific names places: "King Hussein Bridge")
        cut = title_end(run_text) if has_title_word and not (shape.strong and shape.type in ("ORG", "LOC")) else 0
        if cut:
            self._titled_person(i, j, start + cut)
            return
        if shape.type is not None and shape.strong:
            if shape.type == "ORG":
                self._add(_Cand(start, end, "ORG", self._context_subtype(start, end, toks, shape.subtype), shape.origin, _PATTERN))
                return
            if shape.type == "LOC":
                name_end = self._name_before_suffix(toks)
                cue = _SUFFIX_CUE.match(self.text[end : end + 40]) if name_end is None else None
                if cue and " ".join(cue.group(1).lower().split()) in lx.ADMIN_DIVISIONS:
                    # "X Y province": a name that reads as a town by its own words is the province
                    # its kind word after it names, as a one-word name is (``_place_by_cue``)
                    start = self._place_of_division(toks, start)
                    self._add(_Cand(start, end + cue.end(), "LOC", "region", "place-cue", _PATTERN, start, end,
                                    kind_named=True))
                elif name_end is None:
                    level = self._division_before(start)  # "the province of X Y" is no town either
                    self._add(_Cand(start, end, "LOC", "region" if level else shape.subtype, shape.origin, _PATTERN,
                                    title=level))
                else:  # "Wasit Province", "Balad Air Base": the bare name is "Wasit", "Balad"
                    division = toks[-1].low in lx.ADMIN_DIVISIONS
                    # "Deir X Governorate": a division, whatever kind the name's first word suggests
                    self._add(_Cand(start, end, "LOC", "region" if division else shape.subtype, shape.origin, _PATTERN,
                                    start, name_end, kind_named=division))
                return
        if self._place_by_cue(i, j):
            return
        before = self._before(start)
        role = self._role_before(before)
        if role >= 0 and self._looks_like_person(toks, shape):
            r0 = start - len(before) + role
            self._add(_Cand(r0, end, "PERSON", None, "title", _PATTERN, start, end, self.text[r0:start].strip()))
            return
        if shape.type == "PERSON":
            if shape.strong and _LOCATIVE_BEFORE.search(before) and _person_shape(toks) == "kunya":
                self._add(_Cand(start, end, "LOC", None, "place-cue", _WEAK))  # "in Abu Ghraib"
            else:
                self._add(_Cand(start, end, "PERSON", None, "shape", _SHAPE if shape.strong else _WEAK))
            return
        if len(toks) <= 3 and _WEAK_CUE.search(before) and self._weak_place_ok(toks):
            self._add(_Cand(start, end, "LOC", None, "place-cue", _WEAK))

    def _split_at_of(self, i: int, j: int) -> bool:
        """ "Fighters of the X Alliance": "of" joins a name only after a head ("Ministry of Defence")."""
        for k in range(i + 1, j - 1):
            t = self.toks[k]
            if t.low in ("of", "for", "on") and not t.cap:
                left = self.toks[k - 1].low
                r = k + 1
                while r < j and self.toks[r].low == "the":
                    r += 1
                titled = (  # "Followers of Grand Ayatollah X"
                    r < j
                    and self.toks[r].low.rstrip(".") in _TITLE_WORDS
                    and title_end(self.text[self.toks[r].start : self.toks[j - 1].end]) > 0
                )
                if not titled and (left in lx.ORG_OF_HEADS or left in lx.ORG_HEADS or _shape(self.toks[i:k]).strong):
                    return False
                if titled and k > i:
                    self._classify_run(i, k)
                if r < j:
                    self._classify_run(r, j)
                return True
        return False

    @staticmethod
    def _name_before_suffix(toks: list[_Tok]) -> int | None:
        """End of the name in front of a capitalised place word ("Province", "Air Base"), if any.
        Ordinary words in front ("Old City", "New Town") are no name of their own: the place word
        belongs to the name."""
        for n in (2, 1):
            if len(toks) > n and " ".join(t.low for t in toks[-n:]) in lx.PLACE_SUFFIXES:
                if all(_junk.is_common_word(t.text) for t in toks[:-n]):
                    return None
                return toks[-n - 1].end
        return None

    @staticmethod
    def _looks_like_person(toks: list[_Tok], shape: _Shape) -> bool:
        if shape.type in ("ORG", "LOC") and shape.strong:
            return False
        return len(toks) >= 2 or shape.type == "PERSON"

    @staticmethod
    def _weak_place_ok(toks: list[_Tok]) -> bool:
        # "in New Rocket Attacks" of a headline: an ordinary word alone is no place by a cue
        if len(toks) == 1 and _junk.is_common_word(toks[0].text) and not _country_or_possessive(toks[0].text):
            return False
        return all(t.cap for t in toks) and not any(
            t.low in lx.NOT_NAME_WORDS or t.low in lx.NOT_ENTITIES or demonym_target(t.text) for t in toks
        ) and not is_title_phrase(" ".join(t.text for t in toks))

    @staticmethod
    def _role_before(before: str) -> int:
        """Offset in ``before`` where a lower-case role title ending right before a name starts, else -1.

        "... said alliance spokesman " -> the offset of "spokesman"; only title vocabulary counts.
        """
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        if not before.endswith((" ", "\t")) or last not in _TITLE_WORDS:
            return -1
        words = list(_ROLE_WORDS_BEFORE.finditer(before))[-3:]
        best = -1
        for k in range(len(words) - 1, -1, -1):
            phrase = before[words[k].start() : words[-1].end()]
            if not phrase.islower():
                break
            if is_title_phrase(phrase):
                best = words[k].start()
        return best

    def _titled_person(self, i: int, j: int, name_start: int) -> None:
        """A run with a title in front of a name; a descriptor before the title is its own mention."""
        toks = self.toks[i:j]
        start, end = toks[0].start, toks[-1].end
        # Title words run back from the name; what precedes them ("Popular Mobilization Forces",
        # "Iraqi") is a descriptor mention of its own.
        k = bisect.bisect_left(self.starts, name_start) - 1
        while k >= i and (toks[k - i].low.rstrip(".") in _TITLE_WORDS or toks[k - i].low in ("of", "state")):
            k -= 1
        role_start = self.toks[k + 1].start if k + 1 < j else start
        name_toks = self.toks[bisect.bisect_left(self.starts, name_start) : j]
        name_shape = _shape(name_toks)
        if name_shape.strong and name_shape.type in ("ORG", "LOC") and not (name_shape.type == "LOC" and _surname_like_suffix(name_toks)):
            # "President of Iraq"-like runs that split badly: the remainder is the entity.
            self._add(_Cand(name_start, end, name_shape.type, name_shape.subtype, name_shape.origin, _PATTERN))
            return
        if k + 1 > i:
            self._classify_run(i, k + 1)
        title = self.text[start:name_start].strip()
        self._add(_Cand(role_start, end, "PERSON", None, "title", _PATTERN, name_start, end, title))

    def _place_of_division(self, toks: list[_Tok], start: int) -> int:
        """Where the division's name starts in a run before its kind word. "Sahil of Wadi Tal
        province" names a place, added here, and the division it lies in, which starts after "of"."""
        of = next((k for k in range(1, len(toks) - 1) if toks[k].low == "of" and not toks[k].cap), None)
        if of is None:
            return start
        self._add(_Cand(start, toks[of - 1].end, "LOC", None, "place-cue", _PATTERN))
        return toks[of + 1].start

    def _country_pair(self, s: int, e: int, origin: str) -> bool:
        """"the US-Peru deal", "the Peruvian-Bolivian border": two countries joined by a hyphen, each a
        place of its own (a demonym its country's), never one place; True when added so."""
        pair = self.text[s:e].split("-")
        if len(pair) != 2 or not all(country_name(x) or (demonym_target(x) or ("", ""))[1] == "country" for x in pair):
            return False
        for a, b in ((s, s + len(pair[0])), (e - len(pair[1]), e)):
            part = self.text[a:b]
            if country_name(part):
                self._add(_Cand(a, b, "LOC", "country", origin, _NER))
            else:
                self._add(_Cand(a, b, "LOC", "country", "demonym", _DEMONYM))
        return True

    def _place_by_cue(self, i: int, j: int) -> bool:
        toks = self.toks[i:j]
        start, end = toks[0].start, toks[-1].end
        if self._country_pair(start, end, "place-cue"):
            return True
        m = _SUFFIX_CUE.match(self.text[end : end + 40])
        if m:
            cue = " ".join(m.group(1).lower().split())
            cend = end + m.end()
            if cue in lx.ADMIN_DIVISIONS:
                start = self._place_of_division(toks, start)
            self._add(_Cand(start, cend, "LOC", lx.PLACE_SUFFIXES.get(cue), "place-cue", _PATTERN, start, end,
                            kind_named=cue in lx.ADMIN_DIVISIONS))
            return True
        if _POSSESSIVE_PLACE_CUE.match(self.text, end):
            # a governor or a provincial council belongs to a province
            self._add(_Cand(start, end, "LOC", "region", "place-cue", _PATTERN, title="province"))
            return True
        before = self._before(start)
        m = _PREFIX_CUE.search(before)
        if m:
            cue = " ".join(m.group(1).lower().split())
            part = _part_of_cue(before, m)
            if part is not None:
                self._add(_Cand(start, end, "LOC", part or None, "place-cue", _PATTERN))
                return True
            self._add(_Cand(start, end, "LOC", lx.PLACE_PREFIXES_OF.get(cue), "place-cue", _PATTERN,
                            title=self._division_before(start)))
            return True
        return False

    def _division_before(self, start: int) -> str | None:
        """The level of the division a cue before the name makes it: "the district of X" -> "district".
        A governor governs a province. The level becomes the mention's title: it is not in the span."""
        m = _PREFIX_CUE.search(self._before(start))
        if not m:
            return None
        cue = " ".join(m.group(1).lower().split())
        return "province" if cue == "governor" else lx.ADMIN_DIVISIONS.get(cue)

    def _context_subtype(self, start: int, end: int, toks: list[_Tok] | None, subtype: str | None) -> str | None:
        """Refine an organisation's kind from an apposition ("X, a Shiite militia") or militia words nearby."""
        m = _APPOSITION.match(self.text[end : end + 90])
        if m:
            kind = lx.APPOSITION_KINDS.get(" ".join(m.group(2).lower().split()))
            if kind is not None:
                return kind
        last = toks[-1].low if toks else ""
        if subtype in (None, "military") and last in ("forces", "units", "alliance", "coalition", "organization", "organisation", "front"):
            window = self.text[max(0, start - 60) : min(len(self.text), end + 60)]
            if _MILITIA_NEAR.search(window):
                return "armed_group"
        return subtype

    def scan_place_lists(self) -> None:
        """ "Diyala, Salahuddin and Kirkuk provinces": every listed name is a place of that kind."""
        for m in _LIST_PLACE_CUE.finditer(self.text):
            plural = m.group(2).lower()
            sub = "region" if plural in ("provinces", "governorates", "districts", "regions") else "settlement"
            level = lx.ADMIN_DIVISIONS.get(plural)  # the kind word is not in the span: it becomes the title
            for name in _LISTED_NAME.finditer(m.group(1)):
                if name.group().lower() not in lx.NOT_NAME_WORDS:
                    start = m.start(1) + name.start()
                    first, _, rest = name.group().partition(" ")
                    if rest and lx.COMPOUND_ADJECTIVE.search(first):
                        start += len(first) + 1  # "Oil-rich Sahil and Wadi Tal provinces": a description
                    self._add(_Cand(start, m.start(1) + name.end(), "LOC", sub, "place-cue", _PATTERN, title=level))

    def scan_datelines(self) -> None:
        found = list(_DATELINE.finditer(self.text))
        # the text's own dateline whose comma a feed dropped: "VELMORA (Agency) A car bomb ...",
        # "Updated 4 May VELMORA A car bomb ...": a place in capitals before the first sentence, not an acronym
        head = _HEAD_DATELINE.search(self.text, 0, min(len(self.text), _HEAD_CHARS))
        if head and not _known_org(head.group(1)):
            found.append(head)
        for m in found:
            word = m.group(1)
            if len(word) >= 4:
                sub = "country" if country_name(word) else "settlement"
                self._add(_Cand(m.start(1), m.end(1), "LOC", sub, "place-cue", _PATTERN))

    def scan_acronyms(self) -> None:
        for t in self.toks:
            if not t.cap or len(t.text) < 2:
                continue
            form = t.text + "." if t.dot and "." in t.text else t.text
            letters = form.replace(".", "").replace("-", "")
            if not (2 <= len(letters.rstrip("s")) <= 6) or not is_acronym(form) or letters.upper() in _NON_ACRONYMS:
                continue
            if letters.lower() in lx.NOT_ENTITIES or self._in_allcaps_line(t.start):
                continue
            if form in COUNTRY_ACRONYMS:
                end = t.end + (1 if form.endswith(".") and form != t.text else 0)
                self._add(_Cand(t.start, end, "LOC", "country", "acronym", _ACRONYM))
                continue
            known = _known_org(form) or _known_org(form.replace(".", ""))
            sub = known[0] if known else None
            end = t.end + (1 if form != t.text else 0)
            self._add(_Cand(t.start, end, "ORG", sub, "acronym", _ACRONYM))

    def scan_demonyms(self) -> None:
        for t in self.toks:
            if not (t.cap or t.low.startswith(("pro-", "anti-"))):
                continue
            target = demonym_target(t.text)
            if target is None:
                continue
            if not t.cap and t.text[t.text.index("-") + 1 :][:1].islower():
                continue
            inst = _INSTITUTION_AFTER_DEMONYM.match(self.text[t.end : t.end + 40])
            if inst and target[1] == "country" and "-" not in t.text:
                word = " ".join(inst.group(1).lower().split())
                sub = _INSTITUTION_SUBTYPE.get(word, "government")
                self._add(_Cand(t.start, t.end + inst.end(), "ORG", sub, "group", _NER))
            typ = "LOC" if target[1] == "country" else "ORG"
            self._add(_Cand(t.start, t.end, typ, "country" if typ == "LOC" else None, "demonym", _DEMONYM))

    def scan_roles(self) -> None:
        """ "the colonel", "the PMF spokesman", "the group's commander": a person named nowhere here;
        "the alliance", "the ministry", "army troops": an organisation by its common noun."""
        toks = self.toks
        for k, t in enumerate(toks):
            if t.cap:
                continue
            phrases = _ROLES_BY_FIRST.get(t.low)
            if phrases:
                self._person_role(k, phrases)
            if t.low in _ORG_ROLE_NOUNS:
                self._org_role(k)
            if t.low in ("coalition", "alliance", "forces") and k > 0 and self._joinable(toks[k - 1], t):
                prev = toks[k - 1]
                if prev.low in ("international", "global", "multinational"):
                    self._add(_Cand(prev.start, t.end, "ORG", "international", "group", _PATTERN))
                elif prev.low.endswith(("-led", "-backed")) and prev.cap:
                    self._add(_Cand(prev.start, t.end, "ORG", "military", "group", _PATTERN))

    def _followed_by(self, end: int) -> str:
        """The next word after ``end`` ("" when punctuation comes first)."""
        m = _NEXT_WORD.match(self.text, end)
        return (m.group(1) or m.group(2) or "") if m else ""

    def _person_role(self, k: int, phrases: list[tuple[str, ...]]) -> None:
        toks = self.toks
        for phrase in phrases:
            n = len(phrase)
            words = toks[k : k + n]
            if len(words) != n or any(w.low != p for w, p in zip(words, phrase)):
                continue
            end = words[-1].end
            if self.text.startswith(("-", "‐"), end):
                return
            after = self._followed_by(end)
            if after[:1].isupper():
                return  # "the prime minister Mohammed ...": a title, handled with the name
            if phrase[-1] in lx.AMBIGUOUS_ROLES and after and after.lower() not in lx.ROLE_FOLLOWERS:
                return  # "the general public", "the head office"
            m = _ROLE_DETERMINER.search(self.text, max(0, toks[k].start - 60), toks[k].start)
            if m is None:
                return
            if self.doc is not None and not self._role_is_noun(toks[k].start, end):
                return
            descriptor = m.group(1)
            title = " ".join(self.text[m.start() : end].split())
            org = _ORG_DESCRIPTOR.fullmatch(descriptor)
            start = m.start()
            if any(w[:1].isupper() for w in descriptor.split()):
                start = toks[k].start  # the descriptor names an entity of its own ("the PMF spokesman")
            elif org:
                # "the alliance spokesman": the organisation is a reference of its own
                self._add(_Cand(m.start(), m.start(1) + len(org.group(1)), "ORG", lx.ORG_HEADS.get(org.group(1).lower()), "role", _ROLE))
                start = toks[k].start
            self._add(_Cand(start, end, "PERSON", None, "role", _ROLE, -1, -1, title))
            return

    def _org_role(self, k: int) -> None:
        toks = self.toks
        t = toks[k]
        if self.text.startswith(("-", "‐"), t.end):
            return  # "army-run"
        after = self._followed_by(t.end)
        prev = toks[k - 1] if k > 0 and self._joinable(toks[k - 1], t) else None
        if prev is not None and prev.low == "the":
            if after[:1].isupper() or after in ("of", "for") and _NEXT_CAPITAL.match(self.text, t.end):
                return  # "the army Col. X", "the Ministry of X"
            self._add(_Cand(prev.start, t.end, "ORG", lx.ORG_HEADS.get(t.low), "role", _ROLE))
        elif t.low == "army":
            # "army troops", "an army unit": the national army by its common noun ("Iraqi army" is
            # a demonym + institution, found with the demonyms)
            if prev is None or prev.low in ("a", "an") or not (prev.cap or demonym_target(prev.text)):
                self._add(_Cand(t.start, t.end, "ORG", "military", "role", _ROLE))

    def _role_is_noun(self, start: int, end: int) -> bool:
        if not self.doc.has_annotation("POS"):
            return True  # a hand-made or untagged Doc says nothing about the word
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        tok = span[-1]
        return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod")

    # -- NER candidates ----------------------------------------------------------------------------

    def scan_ner(self) -> None:
        if self.doc is None:
            return
        for ent in self.doc.ents:
            label = ent.label_
            if label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
                continue
            pieces = self._pieces(ent.start_char, ent.end_char)
            for s, e in pieces:
                if len(pieces) > 1 and " " not in self.text[s:e]:
                    continue  # one word cut off a span the model ran across a line break ("...\n\nSeven")
                self._ner_span(s, e, label)

    def _pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """Split a span at line breaks (the model runs names across paragraphs) and snap to whole words."""
        out = []
        pos = start
        for part in _LINE_BREAK.split(self.text[start:end]):
            if part != "\n" and part.strip():
                s = pos + len(part) - len(part.lstrip())
                e = pos + len(part.rstrip())
                out.append(self._snap(s, e))
            pos += len(part)
        return out

    def _snap(self, s: int, e: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, s) - 1
        if i >= 0 and self.toks[i].start < s < self.toks[i].end:
            s = self.toks[i].start
        j = bisect.bisect_right(self.starts, e - 1) - 1
        if j >= 0 and self.toks[j].end > e:
            e = self.toks[j].end
        return s, e

    def _ner_span(self, s: int, e: int, label: str) -> None:
        text = self.text
        # "the", possessives and punctuation at the edges are not part of the name.
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] == "."):
            e -= 1
        if text.startswith(("the ", "The "), s):
            s += 4
        if e - s >= 2 and text[e - 2 : e] in _POSSESSIVE:
            e -= 2
        i, j = self._tok_range(s, e)
        while i < j and (self.toks[i].low in lx.NOT_NAME_WORDS and not _is_particle(self.toks[i])
                         or _junk.is_interface_word(self.toks[i].text) or self.toks[i].low in _CREDIT_WORDS):
            i += 1  # "Few of ...", "Asked ...", "Tags ..."
        while j > i and (self.toks[j - 1].low in _CONNECTORS or self.toks[j - 1].low in lx.NOT_NAME_WORDS
                         and not _is_particle(self.toks[j - 1]) or _junk.is_interface_word(self.toks[j - 1].text)):
            j -= 1  # "... on Sunday"
        while j - i > 1 and self._lower_case_verb(self.toks[j - 1]):
            j -= 1  # "Lake said": the model ran a sentence's first name into its verb
        for k in range(i + 1, j - 1):
            if self.toks[k].text in ("a", "an") and _ARTICLE_PREFIX.match(self.toks[k + 1].text):
                j = k  # "Abu Hassan an al-Dawn commander": no Arabic name writes two articles in a row
                break
        pieces = self._headline_pieces(i, j)
        if pieces != [(i, j)]:
            if not pieces:
                return
            a, b = max(pieces, key=lambda p: (p[1] - p[0], -p[0]))
            if b - a < 2 and label not in ("GPE", "LOC", "FAC", "NORP"):
                return  # one word left of a headline run: the patterns and the repeated names judge it
            i, j = a, b
            while i < j and (self.toks[i].low in lx.NOT_NAME_WORDS and not _is_particle(self.toks[i]) or self.toks[i].low in _CREDIT_WORDS):
                i += 1
        toks = self.toks[i:j]
        compound = bool(toks) and bool(lx.COMPOUND_ADJECTIVE.search(toks[-1].low)) and not toks[-1].text.startswith(_TITLE_PREFIXES)
        if compound:
            # "al Fajr-linked", "Dawn-held": the name is what comes before the hyphen
            last = toks[-1]
            cut = lx.COMPOUND_ADJECTIVE.search(last.low).start()
            toks = toks[:-1] + [_Tok(last.start, last.start + cut, last.text[:cut], last.low[:cut], last.cap, False)]
            if not toks[-1].text:
                return
        if toks and toks[0].text.startswith(_TITLE_PREFIXES) and label != "PERSON":
            toks = toks[1:]  # "then-Prime": a title prefix, no place
        if not toks or not self._is_name(toks, label, compound) or self._has_finite_verb(toks, label):
            return
        s, e = toks[0].start, toks[-1].end
        if e < len(text) and text[e] == "." and _abbrev(toks[-1]) and len(toks[-1].text) > 1 and "." in toks[-1].text:
            e += 1  # "U.S."
        if label != "PERSON" and self._country_pair(s, e, "ner"):
            return
        shape = _shape(toks, lenient_head=True)
        if label == "NORP" or (shape.origin == "demonym" and len(toks) == 1):
            target = demonym_target(text[s:e])
            if target is not None:
                typ = "LOC" if target[1] == "country" else "ORG"
                self._add(_Cand(s, e, typ, "country" if typ == "LOC" else None, "demonym", _DEMONYM, label=label))
                return
            if label == "NORP":
                return  # "Islamist", "jihadist": a description, not an actor
        typ = {"PERSON": "PERSON", "ORG": "ORG"}.get(label, "LOC")
        subtype = None
        before = self._before(s)
        if typ != "ORG" and _MEDIUM_AFTER.match(text, e) and not country_name(text[s:e]):
            self._add(_Cand(s, e, "ORG", "media", "ner", _NER, label=label))
            return
        if shape.type is not None and (shape.strong or shape.type == "PERSON"):
            if shape.type == "PERSON" and typ != "PERSON":
                # A person's shape overrides ORG/GPE unless the context says place ("in Abu Ghraib").
                if shape.strong and not (typ == "LOC" and _LOCATIVE_BEFORE.search(before)):
                    typ = "PERSON"
            elif shape.type != "PERSON":
                typ, subtype = shape.type, shape.subtype
        if typ == "LOC" and subtype is None:
            subtype = "country" if country_name(text[s:e]) else self._place_subtype(s, e)
        if typ == "ORG":
            subtype = self._context_subtype(s, e, toks, subtype)
        if typ == "PERSON":
            cut = title_end(text[s:e])
            t0 = self._extend_title_left(s)
            if cut or t0 < s:
                name_start = s + cut
                self._add(_Cand(t0, e, "PERSON", None, "title", _NER, name_start, e, text[t0:name_start].strip(), label))
                return
        self._add(_Cand(s, e, typ, subtype, "ner", _NER, label=label))

    def _place_subtype(self, s: int, e: int) -> str | None:
        before = self._before(s)
        m = _PREFIX_CUE.search(before)
        if m:
            part = _part_of_cue(before, m)
            if part is not None:
                return part or None
            return lx.PLACE_PREFIXES_OF.get(" ".join(m.group(1).lower().split()))
        return None

    def _extend_title_left(self, s: int) -> int:
        """Start of the title words right before a person's name ("Maj." before "Gen Nabil ...")."""
        k = bisect.bisect_left(self.starts, s) - 1
        best = s
        while k >= 0:
            t = self.toks[k]
            gap = self.text[t.end : best]
            if "\n" in gap or gap.strip(" .") != "" or len(gap) > 3:
                break
            if t.low.rstrip(".") not in _TITLE_WORDS or t.low in ("the", "of"):
                break
            if not t.cap and not is_title_phrase(self.text[t.start : best].strip()) and best != s:
                break
            best = t.start
            k -= 1
        if best < s and not is_title_phrase(self.text[best:s].strip()):
            # Keep only a whole title phrase: "Gen" before a name is, "said" is not.
            words = self.text[best:s].split()
            while words and not is_title_phrase(" ".join(words)):
                words = words[1:]
            if not words:
                return s
            best = s - len(self.text[best:s]) + self.text[best:s].rindex(words[0]) if len(words) == 1 else self.text.rindex(" ".join(words), best, s)
        return best

    def _lower_case_verb(self, tok: _Tok) -> bool:
        """A word written in lower case that the tagger reads as a verb: no part of a name."""
        if tok.cap or not tok.text.isalpha() or not tok.text.islower() or self.doc is None:
            return False
        span = self.doc.char_span(tok.start, tok.end)
        return span is not None and span[0].tag_.startswith(("VB", "MD"))

    def _has_finite_verb(self, toks: list[_Tok], label: str) -> bool:
        """A headline run together into one span: "... Militias Join Fight for Mosul"."""
        if label in ("GPE", "LOC", "FAC") and len(toks) > 4 and not _shape(toks).strong:
            return True  # place names are short; a long "place" is a headline the tagger took for names
        if self.doc is None or len(toks) < 3 or label == "PERSON" or not self.doc.has_annotation("TAG"):
            return False
        span = self.doc.char_span(toks[0].start, toks[-1].end, alignment_mode="expand")
        return span is not None and any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in span)

    def _is_name(self, toks: list[_Tok], label: str, compound: bool = False) -> bool:
        """False for what the model labels but is no name: common words, titles, job titles, symbols."""
        words = [t.text for t in toks]
        joined = " ".join(words)
        if not any(t.cap or _capital_after_article(t.text) for t in toks):
            return False  # "al-Dawn" is a name as "Dawn" is, "al-jazira" none
        if is_title_phrase(joined) or all(t.low.rstrip(".") in _TITLE_WORDS or t.low in lx.JOB_WORDS for t in toks):
            return False
        if label != "NORP" and fold(joined) in lx.NOT_ENTITIES:
            return False
        if len(toks) >= 2 and toks[-1].low in _GENERIC_PLURALS - {"forces"} and all(demonym_target(t.text) for t in toks[:-1]):
            return False  # "Norland-Trained Hill Militias": a description of fighters, not a name
        if len(toks) == 1:
            t = toks[0]
            if t.low in lx.NOT_NAME_WORDS or t.low in lx.NOT_ENTITIES:
                return False
            if self.doc is not None and not compound:  # the name in "X-linked" is tagged a modifier
                span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and len(span) == 1 and (
                    span[0].pos_ in _NOT_NAME_POS
                    or span[0].tag_ == "NNS" and t.low.endswith("s")  # "Residents", "Relatives"
                    or span[0].pos_ == "ADJ" and label != "NORP" and demonym_target(t.text) is None  # "Western"
                ):
                    return False
        return True

    # -- settling --------------------------------------------------------------------------------

    def select(self) -> list[_Cand]:
        """Best non-overlapping candidates: stronger evidence first, then the longer span."""
        merged: dict[tuple[int, int], _Cand] = {}
        for c in sorted(self.cands, key=lambda c: -c.strength):
            key = (c.start, c.end)
            best = merged.get(key)
            if best is None:
                merged[key] = c
            elif (c.type == best.type == "LOC" and c.title in _DIVISION_LEVELS and not best.title
                  and c.subtype == "region"):
                # a list of divisions ("X and Y provinces") says what the span is more surely than
                # the first word that makes names of towns ("Deir Y")
                best.subtype, best.title = c.subtype, c.title
            elif best.subtype is None and c.subtype is not None and c.type == best.type:
                best.subtype = c.subtype
        ordered = sorted(merged.values(), key=lambda c: (-c.strength, -(c.end - c.start), c.start))
        taken: list[tuple[int, int]] = []
        chosen: list[_Cand] = []
        for c in ordered:
            k = bisect.bisect_left(taken, (c.start, c.end))
            if k > 0 and taken[k - 1][1] > c.start:
                continue
            if k < len(taken) and taken[k][0] < c.end:
                continue
            taken.insert(k, (c.start, c.end))
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        self._listed_divisions(chosen)
        chosen = self._split_glued(chosen)
        self._vote_types(chosen)
        chosen = self._repeat_names(chosen)
        self._descriptor_titles(chosen)
        # "in the Eastern part of X": a direction, whatever its capital. Its candidate stays until
        # here: it keeps a model's span from gluing the direction to the place after it
        return [c for c in chosen if self.text[c.start:c.end].strip().lower() not in lx.DIRECTION_ADJECTIVES]

    def _listed_divisions(self, chosen: list[_Cand]) -> None:
        """ "the provinces of X and Y", "the governorates of X, Y and Z": each name of the list is a
        province, as "the province of X" makes X one. ("The districts of X" are parts of X: not here.)"""
        starts = [c.start for c in chosen]
        for m in _DIVISIONS_OF.finditer(self.text):
            k = bisect.bisect_left(starts, m.end())
            prev_end = m.end()
            while k < len(chosen) and chosen[k].start >= prev_end:
                c = chosen[k]
                gap = self.text[prev_end:c.start]
                if not (c.start == m.end() or _LIST_GAP.fullmatch(gap)) or c.type == "PERSON" and c.title:
                    break
                c.type, c.subtype, c.title = "LOC", "region", "province"
                prev_end, k = c.end, k + 1

    def _split_glued(self, chosen: list[_Cand]) -> list[_Cand]:
        """ "Lyon Reuters", "NVDU al-Tarmi", "Tarmi Norwegian": a source that strips punctuation
        ("LYON (Reuters)", "(NVDU) al-Tarmi") glues two names into one span. A span made of two
        names that the document uses on their own elsewhere, of two different kinds (a place and an
        organisation, an acronym and a person), or a name and a country or demonym at its edge, is
        those two names. A person's given name and surname are one kind: never split."""
        known: dict[str, tuple[str, str | None, str]] = {}
        for c in chosen:
            if c.origin not in ("role", "demonym"):
                known.setdefault(fold(self.text[c.start:c.end]), (c.type, c.subtype, c.origin))
        for c in chosen:
            # a group named with its kind word is named without it too: "al-Y" of "al-Y Front"
            words = self.text[c.start:c.end].split()
            if c.type == "ORG" and c.origin == "group" and len(words) >= 2 and words[-1].lower() in lx.GROUP_KIND_WORDS:
                known.setdefault(fold(" ".join(words[:-1])), (c.type, c.subtype, c.origin))

        def reading(part: str) -> tuple[str, str | None, str, bool] | None:
            """(type, subtype, origin, independent): how the document reads a part on its own."""
            hit = known.get(fold(part))
            if hit is not None:
                return (*hit, True)
            if country_name(part):
                return ("LOC", "country", "demonym" if demonym_target(part) else "ner", False)
            target = demonym_target(part)
            if target is not None:
                return ("LOC" if target[1] == "country" else "ORG", None, "demonym", False)
            return None

        def unknown_left(c: _Cand, left: str) -> tuple[str, str | None, str, bool] | None:
            """How a part the document never uses on its own reads before a name it does use: an
            acronym ("NVDU Dawn Front": a source stripped its brackets), or the place a cue before
            the span announces ("the city of Sarwan Dawn Front": a stripped comma)."""
            if is_acronym(left) and left.isupper():
                return ("ORG", None, "acronym", False)
            cue = _PREFIX_CUE.search(self._before(c.start))
            if cue is not None and " " not in left:
                return ("LOC", lx.PLACE_PREFIXES_OF.get(" ".join(cue.group(1).lower().split())), "place-cue", False)
            return None

        def town_before_division(c: _Cand, piece: str, words: list[tuple[int, int]]) -> list[_Cand] | None:
            """ "Sarwan Qadis province" (from "Sarwan, Qadis province"): a place the document names
            alone, glued before a division named by its kind word, is that place and the division."""
            for k in range(1, min(4, len(words) - 1)):
                left = piece[: words[k - 1][1]]
                if piece[words[k - 1][1]: words[k][0]] != " ":
                    continue
                a = known.get(fold(left))
                if a is not None and a[0] == "LOC" and a[1] != "country" and a[2] != "demonym":
                    right = c.start + words[k][0]
                    return [_Cand(c.start, c.start + words[k - 1][1], "LOC", a[1], a[2], c.strength),
                            _Cand(right, c.end, c.type, c.subtype, c.origin, c.strength, right,
                                  c.name_end if c.name_end > right else -1, c.title, kind_named=True)]
            return None

        def person_after(c: _Cand, piece: str, words: list[tuple[int, int]]) -> list[_Cand] | None:
            """ "Dawn Network for Rights Karim al-Tarmi" (from "..., Karim al-Tarmi, said"), "Sahil
            Karim al-Tarmi": an organisation or place the document names alone, or whose words say it
            is an organisation ("Network"), glued before a person's name, which begins with a given
            name and holds nothing but name words."""
            for k in range(1, len(words) - 1):
                first = piece[words[k][0]:words[k][1]]
                if fold(first) not in lx.GIVEN_NAMES or not first[:1].isupper():
                    continue
                tail = [piece[a:b] for a, b in words[k:]]
                if len(tail) > 4 or piece[words[k - 1][1]:words[k][0]] != " ":
                    return None
                if not all(w[:1].isupper() or _ARTICLE_PREFIX.match(w) for w in tail) or any(
                        _junk.is_common_word(w) or fold(w) in lx.ORG_HEADS or fold(w) in lx.PLACE_SUFFIXES for w in tail[1:]):
                    return None
                # "Dawn Council Director Karim al-Tarmi": the title goes with the person
                role = piece[words[k - 1][0]:words[k - 1][1]]
                titled = fold(role) in lx.PERSON_ROLE_NOUNS and role[:1].isupper()
                if fold(role.rstrip(".")) in HONORIFICS or titled and k < 2:
                    return None
                org_end = k - 2 if titled else k - 1
                left = piece[: words[org_end][1]]
                if piece[words[org_end][1]: words[org_end + 1][0]] != " ":
                    return None
                hit = known.get(fold(left))
                if hit is not None and hit[0] in ("ORG", "LOC") and hit[2] != "demonym":
                    typ, sub = hit[0], hit[1]
                elif org_end >= 1 and c.type == "ORG" and any(fold(w) in lx.ORG_HEADS for w in left.split()):
                    typ, sub = c.type, c.subtype
                else:
                    return None
                name = c.start + words[k][0]
                person = (_Cand(c.start + words[k - 1][0], c.end, "PERSON", None, "title", c.strength, name, c.end, role)
                          if titled else _Cand(name, c.end, "PERSON", None, "ner", c.strength))
                return [_Cand(c.start, c.start + words[org_end][1], typ, sub, c.origin, c.strength), person]
            return None

        def article_list(c: _Cand, piece: str, words: list[tuple[int, int]]) -> list[_Cand] | None:
            """ "al-Sahil al-Bu Tarmi al-Wadi al-Dawn" (from "al-Sahil, al-Bu Tarmi, ..."): a run of
            names that each begin with the Arabic article is a list once it holds four of them, or
            three of which the document names one on its own. Each name keeps the reading the
            document gives it, else the span's."""
            heads = [k for k, (a, b) in enumerate(words) if _ARTICLE_PREFIX.match(piece[a:b])]
            if not heads or heads[0] != 0 or len(heads) < 3:
                return None
            bounds = [(words[k][0], words[(heads + [len(words)])[n + 1] - 1][1]) for n, k in enumerate(heads)]
            if any(piece[words[k - 1][1]:words[k][0]] != " " for k in heads[1:]):
                return None
            names = [piece[a:b] for a, b in bounds]
            if len(names) < 4 and not any(fold(n) in known for n in names):
                return None
            parts = []
            for (a, b), n in zip(bounds, names):
                hit = known.get(fold(n))
                typ, sub = (hit[0], hit[1]) if hit is not None and hit[0] in ("ORG", "LOC") else (c.type, None)
                parts.append(_Cand(c.start + a, c.start + b, typ, sub, c.origin, c.strength))
            return parts

        out: list[_Cand] = []
        for c in chosen:
            piece = self.text[c.start:c.end]
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", piece)]
            if c.type in ("ORG", "LOC") and len(words) >= 3 and c.origin in ("ner", "group", "shape", "place-cue"):
                parts = article_list(c, piece, words)
                if parts is not None:
                    out += parts
                    continue
            if c.type in ("ORG", "LOC", "PERSON") and 3 <= len(words) <= 12 and not c.kind_named and c.name_start <= c.start \
                    and c.origin in ("ner", "group", "shape", "place-cue"):
                parts = person_after(c, piece, words)
                if parts is not None:
                    out += parts
                    continue
            if c.kind_named and c.type == "LOC" and 3 <= len(words) <= 6 and c.name_start <= c.start:
                parts = town_before_division(c, piece, words)
                if parts is not None:
                    out += parts
                    continue
            if (len(words) < 2 or len(words) > 6 or c.origin not in ("ner", "group", "shape", "place-cue")
                    or c.kind_named or c.name_start > c.start):
                out.append(c)
                continue
            split = None
            for k in range(1, len(words)):
                left, right = piece[: words[k - 1][1]], piece[words[k][0]:]
                if piece[words[k - 1][1]: words[k][0]] != " ":
                    continue
                a, b = reading(left), reading(right)
                if a is None and b is not None and b[3] and b[0] != "LOC":
                    a = unknown_left(c, left)
                    if a is not None and (c.origin == "place-cue"
                                          or not (b[0] == "ORG" and fold(right.split()[-1]) in lx.ORG_HEADS)):
                        split = (words[k - 1][1], words[k][0], a, b)
                        break
                if (b is None and a is not None and a[3] and a[0] == "LOC" and a[2] != "demonym"
                        and " " not in right and is_acronym(right) and right.isupper()):
                    # "Sahil NVDU" (a dateline "SAHIL (NVDU) -" without its brackets): the place, and
                    # the agency's acronym
                    split = (words[k - 1][1], words[k][0], a, ("ORG", None, "acronym", False))
                    break
                if a is None or b is None or not (a[3] or b[3]):
                    continue
                if not (a[3] and b[3]) and (a if b[3] else b)[0] != "PERSON":
                    continue  # a nationality before an organisation is part of its name ("Norwegian Army")
                acronym = is_acronym(left) or is_acronym(right)
                if a[0] == b[0] and not acronym:
                    continue  # "Karim" and "al-Tarmi": the parts of one person's name
                if b[0] == "ORG" and fold(right.split()[-1]) in lx.ORG_HEADS:
                    continue  # "Lyon Media Center": a place in an organisation's name
                split = (words[k - 1][1], words[k][0], a, b)
                break
            if split is None:
                out.append(c)
                continue
            left_end, right_start, a, b = split
            for (s0, e0), (typ, sub, origin, _) in (((c.start, c.start + left_end), a), ((c.start + right_start, c.end), b)):
                out.append(_Cand(s0, e0, typ, sub, origin, c.strength))
        return out

    def _vote_types(self, chosen: list[_Cand]) -> None:
        """One name, one type within a document. A cue elsewhere ("the Hamrin mountains", "Salahuddin
        province") or a full name ("Sheikh Khalaf al-Obeidi" for "Obeidi") retypes the model's plain
        mentions of the same word; so does a list of places it stands in ("Diyala, X and Kirkuk")."""
        evidence: dict[str, tuple[str, str | None]] = {}
        surnames: set[str] = set()
        for c in chosen:
            ns, ne = (c.name_start, c.name_end) if c.name_start >= 0 else (c.start, c.end)
            if c.strength >= _PATTERN and c.origin in ("place-cue", "group", "title"):
                evidence.setdefault(fold(self.text[ns:ne]), (c.type, c.subtype if c.name_start < 0 else None))
            if c.type == "PERSON" and c.origin != "role":
                words = self.text[ns:ne].split()
                if len(words) >= 2:
                    surnames.add(fold(_ARTICLE_PREFIX.sub("", words[-1])))
        for k, c in enumerate(chosen):
            if c.origin != "ner":
                continue
            key = fold(self.text[c.start : c.end])
            hit = evidence.get(key)
            if hit is not None and hit[0] != c.type:
                c.type, c.subtype = hit
            elif " " not in key and fold(_ARTICLE_PREFIX.sub("", key)) in surnames:
                if c.type != "PERSON":
                    c.type, c.subtype, c.origin = "PERSON", None, "partial"
            elif c.type == "PERSON" and " " not in key and self._listed_with_places(chosen, k):
                c.type, c.subtype = "LOC", None

    def _listed_with_places(self, chosen: list[_Cand], k: int) -> bool:
        """True when mention k stands in a list between places: "Diyala, Salahuddin and Kirkuk"."""
        def place(j: int, gap: str) -> bool:
            return 0 <= j < len(chosen) and chosen[j].type == "LOC" and chosen[j].origin != "demonym" and gap in (", ", " and ", ", and ", " or ")

        c = chosen[k]
        left = k > 0 and place(k - 1, self.text[chosen[k - 1].end : c.start])
        right = k + 1 < len(chosen) and place(k + 1, self.text[c.end : chosen[k + 1].start])
        return left or right

    def _repeat_names(self, chosen: list[_Cand]) -> list[_Cand]:
        """Later bare uses of a name typed once in the document: "Ghurairi" after "Maj. Gen. Nabil
        al-Ghurairi" (origin "partial"), "K1" after "the K1 air base" (origin "alias")."""
        keys: dict[tuple[str, ...], tuple[str, str | None, str] | None] = {}

        def put(words: tuple[str, ...], value: tuple[str, str | None, str]) -> None:
            first = words[0]
            if not (first[:1].isupper() or _ARTICLE_PREFIX.match(first)) or len(" ".join(words)) < 2:
                return
            if len(words) == 1 and first.lower() in lx.NOT_NAME_WORDS:
                return
            old = keys.get(words, value)
            keys[words] = value if old is not None and old[0] == value[0] else None  # two types: ambiguous

        for c in chosen:
            if c.strength < _NER or c.origin in ("role", "demonym", "acronym"):
                continue
            ns, ne = (c.name_start, c.name_end) if c.name_start >= 0 else (c.start, c.end)
            i, j = self._tok_range(ns, ne)
            words = tuple(t.text for t in self.toks[i:j])
            if not words:
                continue
            if c.type == "PERSON":
                if len(words) >= 2 and words[-1].lower() not in lx.NAME_PARTICLES:
                    put(words[-1:], ("PERSON", None, "partial"))
                    bare = _ARTICLE_PREFIX.sub("", words[-1])
                    if bare != words[-1]:
                        put((bare,), ("PERSON", None, "partial"))
            elif len(words) <= 3:
                put(words, (c.type, c.subtype if c.name_start < 0 else None, "alias"))
        keys = {k: v for k, v in keys.items() if v is not None}
        if not keys:
            return chosen
        spans = [(c.start, c.end) for c in chosen]
        toks = self.toks
        added = False
        for i, t in enumerate(toks):
            if not t.cap and not _ARTICLE_PREFIX.match(t.text):
                continue
            for n in (3, 2, 1):
                words = tuple(u.text for u in toks[i : i + n])
                if len(words) != n or words not in keys:
                    continue
                start, end = t.start, toks[i + n - 1].end
                if any(not self._joinable(toks[x], toks[x + 1]) for x in range(i, i + n - 1)):
                    continue
                k = bisect.bisect_left(spans, (start, end))
                if k > 0 and spans[k - 1][1] > start or k < len(spans) and spans[k][0] < end:
                    break
                typ, sub, origin = keys[words]
                chosen.append(_Cand(start, end, typ, sub, origin, _WEAK))
                spans.insert(k, (start, end))
                added = True
                break
        if added:
            chosen.sort(key=lambda c: c.start)
        return chosen

    def _descriptor_titles(self, chosen: list[_Cand]) -> None:
        """ "Badr Organization head X": the title is the whole descriptor, the ORG keeps its mention."""
        for k in range(1, len(chosen)):
            c, prev = chosen[k], chosen[k - 1]
            if c.type != "PERSON" or c.title is None or c.origin != "title" or prev.type != "ORG":
                continue
            gap = self.text[prev.end : c.start]
            if gap in (" ", "'s ", "’s "):
                c.title = self.text[prev.start : c.name_start].strip()


def find_mentions(text: str, doc=None) -> list[EntityMention]:
    """Typed mentions of persons, organisations and places in ``text``, sorted and non-overlapping.

    ``doc`` is the spaCy ``Doc`` of exactly ``text``; without it only the patterns run. ``entity``
    stays -1 (within-document linking is done elsewhere).
    """
    if not text or not text.strip():
        return []
    if doc is not None and doc.text != text:
        raise ValueError("doc is not the spaCy Doc of text (its text differs)")
    scanner = _Scanner(text, doc)
    scanner.scan_ner()
    scanner.scan_runs()
    scanner.scan_place_lists()
    scanner.scan_datelines()
    scanner.scan_acronyms()
    scanner.scan_demonyms()
    scanner.scan_roles()
    out = []
    for c in scanner.select():
        out.append(
            EntityMention(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                type=c.type,
                subtype=c.subtype,
                origin=c.origin,
                name_start=-1 if c.kind_named else c.name_start,
                name_end=-1 if c.kind_named else c.name_end,
                title=c.title,
            )
        )
    return out
