"""Transliteration-aware name keys and name similarity.

Everything here is rule-based and corpus-independent: the rules describe how Arabic/Persian names
are romanised in English-language news (particles, vowels, doubled consonants, q/k, ou/u, ei/ai,
-a/-ah and -i/-ie/-iy endings, th/dh/z), how British and American spelling differ, and which typing slips are
tolerated (one transposition). No name list is used.

Entry points
------------
``fold(text)``                 lower-case, diacritics and apostrophes removed
``tokens(name)``               name tokens, titles and particles stripped, kunyas kept ("abu mahdi")
``name_key(name)``             aggressive skeleton key for blocking ("Haidar al-Abbadi" -> "hdr abd")
``name_similarity(a, b)``      0..1; >= ``MATCH_THRESHOLD`` means "same name"
``explain_match(a, b)``        human-readable reasons for the score
``names_match(a, b)``          ``name_similarity(a, b) >= MATCH_THRESHOLD``

Scoring policy (deliberately conservative, see ``_compare``):

* all tokens of both names correspond                      -> 0.9 .. 1.0
* same first and last token, middle name(s) omitted         -> ~0.85
* one name is only a part of the other ("Ali" / "Ali Khamenei", "Hezbollah" / "Kataib Hezbollah")
                                                            -> <= 0.6 (never a match by name alone)
* tokens that differ (different surname, Iraq / Iran)       -> < 0.6
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein, OSA

from .titles import split_title

__all__ = [
    "MATCH_THRESHOLD",
    "Token",
    "fold",
    "strip_diacritics",
    "american_spelling",
    "parse_name",
    "tokens",
    "token_key",
    "token_sort_key",
    "name_key",
    "variant_key",
    "token_similarity",
    "name_similarity",
    "explain_match",
    "names_match",
    "head_last",
]

MATCH_THRESHOLD = 0.8

# ----------------------------------------------------------------------------------------------
# Character folding
# ----------------------------------------------------------------------------------------------

_APOSTROPHES = "'’‘`´ʼʻʿʾ′ʹ"
_EXTRA_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "–": "-", "‐": "-", "‑": "-", "—": "-"}
)
_APOS_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")


def strip_diacritics(text: str) -> str:
    """Remove combining marks: "Fallūjah" -> "Fallujah", "Ḥaydar" -> "Haydar"."""
    text = text.translate(_EXTRA_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes/ayn/hamza marks: "Shi’ite" -> "shiite".
    Memoised: a corpus folds the same few thousand names and words again and again."""
    return _APOS_RE.sub("", strip_diacritics(text)).casefold()


# ----------------------------------------------------------------------------------------------
# British / American spelling (applied to every token; generic English orthography)
# ----------------------------------------------------------------------------------------------

_SPELLING_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"is(ation|ations|e|es|ed|ing|er|ers)$"), r"iz\1"),  # organisation, mobilised
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralyse
    (re.compile(r"^(def|off|lic|pret)ence(s?)$"), r"\1ense\2"),  # defence, offence
    (re.compile(r"tre(s?)$"), r"ter\1"),  # centre, kilometre, theatre
    (re.compile(r"([bcdfghlmnprstv])our(s|ed|ing|ite|ites)?$"), r"\1or\2"),  # colour, labour, favourite
    (re.compile(r"iour(s?)$"), r"ior\1"),  # behaviour
    (re.compile(r"gramme(s?)$"), r"gram\1"),
    (re.compile(r"([aeiou]l)l(ed|ing|er|ers)$"), r"\1\2"),  # travelled, labelled
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
]
# Words that merely look British: the rules above must leave them alone.
_SPELLING_EXCEPTIONS = frozenset(
    "rise rises raise raised wise promise promised premise premises precise concise exercise "
    "exercised compromise compromised enterprise enterprises surprise surprised franchise disguise "
    "advertise advertised televise televised revise revised supervise supervised devise despise "
    "chastise merchandise expertise paradise noise poise praise praised cruise bruise tease "
    "these those arise arisen otherwise treatise excise incise demise reprise four hour hours "
    "your yours tour tours our ours pour poured flour sour detour contour dour amour".split()
)


@lru_cache(maxsize=65536)
def american_spelling(word: str) -> str:
    """Map a lower-case British spelling to the American one ("organisation" -> "organization")."""
    if len(word) < 5 or word in _SPELLING_EXCEPTIONS:
        return word
    for pattern, repl in _SPELLING_RULES:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


# ----------------------------------------------------------------------------------------------
# Parsing a name into tokens
# ----------------------------------------------------------------------------------------------

# The Arabic article and its sun-letter assimilations (ad-Dawr, ar-Rahman, as-Sadr, ash-Shami ...).
_ARTICLES = frozenset("al el ul il".split())
_ASSIMILATED = {
    "ad": "d", "ed": "d", "ud": "d", "adh": "dh", "ar": "r", "er": "r", "ur": "r", "as": "s",
    "es": "s", "us": "s", "ash": "sh", "esh": "sh", "ush": "sh", "at": "t", "et": "t", "ut": "t",
    "ath": "th", "az": "z", "ez": "z", "uz": "z", "an": "n", "en": "n", "un": "n",
}
_KUNYA = {"abu": "abu", "abou": "abu", "abo": "abu", "abul": "abu", "abi": "abu", "umm": "umm",
          "um": "umm", "om": "umm", "omm": "umm"}
# "Al Bu" (house of), written apart or joined to the name: "Albu Kamal", "al-Bu Kamal", "al-Bukamal"
_HOUSE = frozenset({"albu", "bu", "bou"})
_NASAB = {"bin": "bin", "ibn": "bin", "ben": "bin", "bn": "bin", "ibin": "bin", "bint": "bint"}
_ABD_RE = re.compile(r"^abd(?:[aeiou]([lrsztdn]|sh))?$")
_ABD_ATTACHED = re.compile(r"^abd([aeiou])(l|r|s|z|t|d|n|sh)(.{3,})$")
_LEADING_STOP = frozenset("the a an".split())
_SPLIT_ATTACHED_AL = re.compile(r"\b(A[lL]|E[lL])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Token:
    """One name token. ``norm`` is the folded, particle-free form used for matching."""

    surface: str  # as written, without particles ("Amiri", "Abu Mahdi", "Abdul-Rahman")
    norm: str  # folded lower-case ("amiri", "abu mahdi", "abdrahman")
    kind: str  # "name", "kunya" (abu/umm X), "nasab" (bin X), "abd" (abd al-X)


@dataclass(frozen=True, slots=True)
class ParsedName:
    title: str
    tokens: tuple[Token, ...]
    particles: tuple[str, ...]  # particles dropped, as written ("al-", "Al", "ash-")


# initials written with dots ("U.S.", "U.N."): one word, as "US" and "UN" are
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def _words(name: str) -> list[tuple[str, bool]]:
    """Split into (word, hyphen_follows) pairs; dots and commas act as separators."""
    name = _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), name)
    name = _SPLIT_ATTACHED_AL.sub(r"\1 ", name)
    out: list[tuple[str, bool]] = []
    for chunk in re.split(r"[\s,;/.()\[\]\"“”]+", name):
        if not chunk:
            continue
        parts = [p for p in re.split(r"[-‐‑–—]", chunk)]
        parts = [p for p in parts if p]
        for k, p in enumerate(parts):
            out.append((p, k < len(parts) - 1))
    return out


def _is_particle(words: list[tuple[str, bool]], i: int) -> bool:
    w, hyphen = words[i]
    lw = fold(w)
    if i == len(words) - 1:
        return False  # a name never ends in a particle
    nxt = fold(words[i + 1][0])
    if lw in _ARTICLES:
        return True
    cons = _ASSIMILATED.get(lw)
    if cons is None:
        return False
    if w.isupper() and not words[i + 1][0].isupper():
        return False  # "US-led", "UN-backed": initials, not "as-Sadr" (an all-capitals text keeps its articles)
    # "as-Sadr" (hyphen) or "as Sadr" (spaced, next word starts with the assimilated consonant)
    return hyphen or nxt.startswith(cons)


def parse_name(name: str, strip_title: bool = True) -> ParsedName:
    """Parse a name into tokens; see ``tokens``."""
    return _parsed_name(name, bool(strip_title))


@lru_cache(maxsize=262144)
def _parsed_name(name: str, strip_title: bool) -> ParsedName:
    # one memo entry per name and reading, however the caller passes the flag: a memo keys
    # parse_name(n) and parse_name(n, True) apart, and kept most names parsed twice
    title = ""
    if strip_title:
        title, name = split_title(name)
    words = _words(name)
    # leading English article ("the Popular Mobilization Forces")
    while len(words) > 1 and fold(words[0][0]) in _LEADING_STOP:
        words = words[1:]
    toks: list[Token] = []
    particles: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w, hyphen = words[i]
        lw = fold(w)
        if _is_particle(words, i):
            particles.append(w + ("-" if hyphen else ""))
            i += 1
            continue
        # "Albu Kamal", "al-Bu Kamal", "Bou Kamal" are one word in "al-Bukamal", "Boukamal"
        if lw in _HOUSE and i + 1 < n and words[i + 1][0][:1].isupper():
            tail = words[i + 1][0]
            toks.append(Token(f"{w} {tail}", _norm_word("bu" + fold(tail)), "name"))
            i += 2
            continue
        # kunya (Abu X, Umm X) and nasab (bin X; not as first word: "Ben" is also a given name)
        head = _KUNYA.get(lw) or (_NASAB.get(lw) if toks else None)
        if head and i + 1 < n:
            j = i + 1
            while j < n - 1 and _is_particle(words, j):
                particles.append(words[j][0] + ("-" if words[j][1] else ""))
                j += 1
            tail = words[j][0]
            toks.append(Token(f"{w} {tail}", f"{head} {_norm_word(tail)}", "kunya" if head in ("abu", "umm") else "nasab"))
            i = j + 1
            continue
        # Abd al-X / Abdul X / Abdel-X / Abdulrahman / Abdurrahman
        m = _ABD_RE.match(lw)
        if m and i + 1 < n:
            j = i + 1
            while j < n - 1 and _is_particle(words, j):
                particles.append(words[j][0] + ("-" if words[j][1] else ""))
                j += 1
            tail = words[j][0]
            toks.append(Token(f"{w} {tail}" if not hyphen else f"{w}-{tail}", "abd" + _norm_word(tail), "abd"))
            i = j + 1
            continue
        m = _ABD_ATTACHED.match(lw)
        if m and (m.group(2) == "l" or m.group(3).startswith(m.group(2))):
            toks.append(Token(w, "abd" + m.group(3), "abd"))
            i += 1
            continue
        toks.append(Token(w, _norm_word(w), "name"))
        i += 1
    return ParsedName(title, tuple(_shared_token(t) for t in toks), tuple(particles))


parse_name.cache_info = _parsed_name.cache_info  # type: ignore[attr-defined]
parse_name.cache_clear = _parsed_name.cache_clear  # type: ignore[attr-defined]


@lru_cache(maxsize=1 << 18)
def _shared_token(token: Token) -> Token:
    """The first Token equal to ``token``: a corpus writes the same words in thousands of names,
    and the memo of ``parse_name`` keeps a parsed name for each distinct name, some 600 bytes with
    tokens of its own, 200 with shared ones."""
    return token


def _norm_word(w: str) -> str:
    return american_spelling(fold(w))


def tokens(name: str, strip_title: bool = True) -> list[str]:
    """Name tokens, folded: titles and particles stripped, "Abu X"/"Umm X"/"bin X" kept as one token.

    >>> tokens("Grand Ayatollah Ali al-Sistani")
    ['ali', 'sistani']
    >>> tokens("Abu Mahdi al-Muhandis")
    ['abu mahdi', 'muhandis']
    """
    return [t.norm for t in parse_name(name, strip_title).tokens]


# ----------------------------------------------------------------------------------------------
# Token variant forms
# ----------------------------------------------------------------------------------------------
# Each step rewrites a folded token towards a transliteration-neutral form.  Steps are applied in
# order; ``explain`` reports a step when it brings the two spellings closer together.

_VOWELS = "aeiou"


def _step_digraphs(s: str) -> str:
    # single symbols for consonant digraphs, so that vowel/consonant analysis sees one consonant
    s = s.replace("sh", "$").replace("kh", "x").replace("gh", "G").replace("ch", "C").replace("ph", "f")
    return s


def _step_thdh(s: str) -> str:
    # the Arabic interdentals dhal and za are written dh, th or z (Kadhim / Kazem, Nadhim / Nazim,
    # Dhiab / Ziab); z for zay gives no pair of different names that this would join
    return s.replace("dh", "T").replace("th", "T").replace("z", "T")


def _step_qk(s: str) -> str:
    return s.replace("ck", "k").replace("q", "k")


def _step_ou(s: str) -> str:
    s = s.replace("ou", "u").replace("oo", "u")
    return re.sub(r"aw(?=u)", "a", s)  # Dawud / Daoud / Daud


def _step_ei(s: str) -> str:
    # diphthong spellings: ei / ey / ay / ai / ae -> ai  (Hussein / Husain / Husayn)
    s = re.sub(r"(?<=[a-z$xGCT])(ei|ey|ay|ae)(?![aeiou])", "ai", s)
    s = re.sub(r"^(ei|ey|ay|ae)(?![aeiou])", "ai", s)
    # y as a vowel at the end after a consonant (Shukry / Shukri) or after o and u (Sudrokoy / Sudrokoi)
    s = re.sub(r"(?<=[^aei])y$", "i", s)
    return s.replace("ee", "i")


def _step_nisba(s: str) -> str:
    # the feminine nisba ending, written -iyeh, -iyah, -iya, -iyye, -ieh or -ia (Qarnosiyeh /
    # Qarnosieh / Qarnosiya): one ending; a bare "-ie" is the masculine -i (Rubaie), not this
    return re.sub(r"(?<=[^aeiouy])(?:iyyah|iyyeh|iyya|iyye|iyah|iyeh|iya|iye|ieh|ia)$", "iya", s) if len(s) >= 5 else s


def _step_ah(s: str) -> str:
    return s[:-1] if len(s) >= 4 and s.endswith(("ah", "eh")) else s


def _step_final_i(s: str) -> str:
    # the nisba ending -i after a vowel or an ayn is also written -ie, -iy (Rubaie / Rubaiy / Rubai)
    return s[:-1] if len(s) >= 4 and s.endswith(("ie", "iy")) else s


def _step_double(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


_STEPS: list[tuple[str, object]] = [
    ("digraph", _step_digraphs),
    ("thdh", _step_thdh),
    ("qk", _step_qk),
    ("ou", _step_ou),
    ("ei", _step_ei),
    ("nisba", _step_nisba),
    ("ah", _step_ah),
    ("final-i", _step_final_i),
    ("double", _step_double),
]

_STEP_TEXT = {
    "thdh": "th/dh/z variation",
    "qk": "q/k variation",
    "ou": "ou/u variation",
    "ei": "ei/ai variation",
    "nisba": "-iyeh/-ieh/-iya/-ia ending",
    "ah": "-a/-ah ending",
    "final-i": "-i/-ie/-iy ending",
    "double": "doubled letters",
}


@lru_cache(maxsize=262144)
def _vform(norm: str) -> str:
    s = norm.replace(" ", "").replace("-", "")
    for _, fn in _STEPS:
        s = fn(s)  # type: ignore[operator]
    return s


def _split_vowels(v: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Consonant skeleton and vowel groups (position in the skeleton, group)."""
    cons: list[str] = []
    groups: list[tuple[int, str]] = []
    cur = ""
    for ch in v:
        if ch in _VOWELS:
            cur += ch
        else:
            if cur:
                groups.append((len(cons), cur))
                cur = ""
            cons.append(ch)
    if cur:
        groups.append((len(cons), cur))
    return "".join(cons), tuple(groups)


def _vclass(g: str) -> str:
    g = g.replace("o", "u")  # one vowel, damma, however written (Qouaa / Qoaa)
    if len(g) == 1:
        return {"a": "A", "e": "E", "i": "I", "o": "U", "u": "U"}[g]
    if g in ("ai", "ae", "ei", "aei"):
        return "AI"
    if set(g) <= set("ou"):
        return "U"
    if set(g) <= set("ie"):
        return "I"
    if set(g) == {"a"}:
        return "A"
    return g


# Vowel classes that romanisations use for the same Arabic/Persian vowel.  a~i is *not* here:
# it would merge Ali with Alaa, and o/u~a would merge Hussein with Hassan.
_VCOMPAT = {frozenset(p) for p in (("A", "E"), ("E", "I"), ("AI", "E"), ("AI", "I"))}


def _vowels_compatible(ga: tuple[tuple[int, str], ...], gb: tuple[tuple[int, str], ...], nskel: int) -> bool:
    da = dict(ga)
    db = dict(gb)
    inserted = 0
    for pos in set(da) | set(db):
        a, b = da.get(pos), db.get(pos)
        if a is None or b is None:
            present = a or b
            # one short vowel inserted between two consonants (Hashd / Hashid); never at the edges
            if 0 < pos < nskel and len(present) == 1 and nskel >= 3 and inserted == 0:
                inserted += 1
                continue
            return False
        ca, cb = _vclass(a), _vclass(b)
        if ca != cb and frozenset((ca, cb)) not in _VCOMPAT:
            return False
    return True


def _close_in_letters(a: str, b: str) -> bool:
    """Romanisations of one name differ in a few letters: each rule changes one or two, so rules
    that stack up to rewrite most of a short word ("Qaida" / "Kedah": q/k, a vowel, an -ah
    ending) have found two different words."""
    return Levenshtein.distance(a, b) <= max(2, max(len(a), len(b)) / 2)


def _is_transposition(a: str, b: str) -> bool:
    return len(a) == len(b) and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def _match_norm(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """Compare two folded tokens: (score, rule codes).  score >= 0.85 means the tokens match."""
    if a == b:
        return 1.0, ()
    if ("ie" in a or "ie" in b) and a.replace("ie", "ei") == b.replace("ie", "ei"):
        # Sneih / Snieh: the two letters written the other way round. The one rule that changes the
        # skeleton (the -eh ending is read off one spelling only): blocking adds a key for it
        return 0.95, ("ie/ei",)
    if (
        token_sort_key(a) != token_sort_key(b)
        and " " not in a + b
        and not a.startswith(("al", "el"))
        and not b.startswith(("al", "el"))
    ):
        # every rule below keeps the sorted skeleton key: a cheap, exact reject. Not memoised: most
        # token pairs of the names a corpus compares end here, and a memo of pairs grows with the
        # square of the corpus's words (some 400 bytes a pair) while the reject costs less than a
        # memo entry does to make
        return 0.6 * JaroWinkler.similarity(a, b), ()
    return _match_close_tokens(a, b)


@lru_cache(maxsize=1 << 20)
def _match_close_tokens(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """``_match_norm`` of two tokens that share a skeleton (or hold a space or an article)."""
    codes: list[str] = []
    sa = a.replace(" ", "").replace("-", "")
    sb = b.replace(" ", "").replace("-", "")
    if sa == sb:
        return 0.99, ("spacing",)
    if not _close_in_letters(sa, sb):
        return _attached_article(a, b) or (0.6 * JaroWinkler.similarity(sa, sb), ())
    for code, fn in _STEPS:
        na, nb = fn(sa), fn(sb)  # type: ignore[operator]
        if (na != sa or nb != sb) and code in _STEP_TEXT and Levenshtein.distance(na, nb) < Levenshtein.distance(sa, sb):
            codes.append(code)
        sa, sb = na, nb
    if sa == sb:
        return 0.97 if len(codes) <= 1 else 0.95, tuple(codes)
    ka, ga = _split_vowels(sa)
    kb, gb = _split_vowels(sb)
    if ka == kb and len(ka) >= 2 and _vowels_compatible(ga, gb, len(ka)):
        return 0.93, tuple(codes) + ("vowel",)
    if len(sa) >= 5 and sa[0] == sb[0]:
        if _is_transposition(sa, sb):
            return 0.9, tuple(codes) + ("transposition",)
        # consonants swapped across a vowel (Khazali / Khalazi): a transposition in the skeleton
        if [g for _, g in ga] == [g for _, g in gb] and _is_transposition(ka, kb) and len(ka) >= 3:
            return 0.88, tuple(codes) + ("transposition",)
    literal = _literal_vowel_match(a, b)
    if literal:
        return literal
    return _attached_article(a, b) or (0.6 * JaroWinkler.similarity(sa, sb), ())


_match_norm.cache_info = _match_close_tokens.cache_info  # type: ignore[attr-defined]
_match_norm.cache_clear = _match_close_tokens.cache_clear  # type: ignore[attr-defined]


# Steps that read two letters as one sound ("th" as one consonant, a final "-eh" as the feminine
# ending) also fire where the letters are two sounds: "Fath" is f-t-h, the "Fateh" of another
# romanisation with its vowel written. Without them the two words differ by one vowel.
_LITERAL_SKIP = frozenset({"digraph", "thdh", "ah"})


def _literal_vowel_match(a: str, b: str) -> tuple[float, tuple[str, ...]] | None:
    sa, sb = a.replace(" ", "").replace("-", ""), b.replace(" ", "").replace("-", "")
    for code, fn in _STEPS:
        if code not in _LITERAL_SKIP:
            sa, sb = fn(sa), fn(sb)  # type: ignore[operator]
    ka, ga = _split_vowels(sa)
    kb, gb = _split_vowels(sb)
    if ka == kb and len(ka) >= 3 and _vowels_compatible(ga, gb, len(ka)):
        return 0.9, ("vowel",)
    return None


def _attached_article(a: str, b: str) -> tuple[float, tuple[str, ...]] | None:
    """ "Alamiri" / "Amiri": the article written as part of the word."""
    for x, y in ((a, b), (b, a)):
        if x.startswith(("al", "el")) and len(x) >= 6:
            s, c = _match_norm(x[2:], y)
            if s >= 0.85:
                return min(s, 0.93), c + ("attached-article",)
    return None


def token_similarity(a: str, b: str) -> float:
    """Similarity of two single name tokens (folded or not)."""
    return _match_norm(_norm_word(a), _norm_word(b))[0]


# ----------------------------------------------------------------------------------------------
# Keys for blocking
# ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=262144)
def token_key(norm: str) -> str:
    """Aggressive skeleton of one token: first letter (any vowel -> "a") + consonants, no doubles.

    Kunya/nasab tokens keep their head: "abu mahdi" -> "ab_mhd".
    """
    if " " in norm:
        head, _, tail = norm.partition(" ")
        return token_key(head)[:2] + "_" + token_key(tail)
    v = _vform(norm)
    if not v:
        return ""
    first = "a" if v[0] in _VOWELS else v[0]
    rest = re.sub(r"[aeiouwy]", "", v[1:])
    key = first + rest
    return re.sub(r"(.)\1+", r"\1", key).lower()


@lru_cache(maxsize=262144)
def token_sort_key(norm: str) -> str:
    """Like ``token_key`` but with the set of consonants after the first letter, sorted, so that
    one transposition (Khazali / Khalazi) gives the same key.  Every rule by which two tokens can
    match keeps this key, so it is both a blocking key and an exact pre-filter."""
    if " " in norm:
        head, _, tail = norm.partition(" ")
        return token_key(head)[:2] + "_" + token_sort_key(tail)
    v = _vform(norm)
    if not v:
        return ""
    first = "a" if v[0] in _VOWELS else v[0].lower()
    rest = {c.lower() for c in v[1:] if c not in "aeiouwy"}
    rest.discard(first)
    return first + "".join(sorted(rest))


def variant_key(name: str, strip_title: bool = True) -> str:
    """Key shared by spellings that differ only by the consonant and ending rules (particles,
    doubled letters, q/k, ou/u, ei/ai, -a/-ah, th/dh/z), not by vowels: strict enough to say two
    names are the same, unlike ``name_key``, which only gathers candidates.

    >>> variant_key("Qarmalah") == variant_key("al-Karmala")
    True
    """
    return " ".join(_vform(t.norm) for t in parse_name(name, strip_title).tokens)


def name_key(name: str, strip_title: bool = True) -> str:
    """Aggressive, phonetic-ish skeleton key of a whole name, for blocking.

    >>> name_key("Haider al-Abadi") == name_key("Haidar al-Abbadi")
    True
    """
    return " ".join(token_key(t.norm) for t in parse_name(name, strip_title).tokens)


# ----------------------------------------------------------------------------------------------
# Name similarity
# ----------------------------------------------------------------------------------------------

_TOKEN_MATCH = 0.85


def _token_reasons(ta: Token, tb: Token, codes: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    pair = f"{ta.surface}~{tb.surface}"
    la, lb = ta.surface.casefold(), tb.surface.casefold()
    if la != lb:
        if strip_diacritics(la) != la or strip_diacritics(lb) != lb:
            out.append(f"diacritics ignored {pair}")
        if _APOS_RE.search(la) or _APOS_RE.search(lb) or "-" in la + lb:
            if _APOS_RE.sub("", strip_diacritics(la)) != strip_diacritics(la) or _APOS_RE.sub(
                "", strip_diacritics(lb)
            ) != strip_diacritics(lb) or ("-" in la + lb):
                out.append(f"apostrophe/hyphen ignored {pair}")
        fa, fb = fold(ta.surface), fold(tb.surface)
        if fa != fb and (american_spelling(fa) != fa or american_spelling(fb) != fb):
            out.append(f"British/American spelling {pair}")
    for c in codes:
        if c in _STEP_TEXT:
            out.append(f"{_STEP_TEXT[c]} {pair}")
        elif c == "vowel":
            out.append(f"vowel variation {pair}")
        elif c == "transposition":
            out.append(f"transposition {pair}")
        elif c == "ie/ei":
            out.append(f"ie/ei written the other way round {pair}")
        elif c == "attached-article":
            out.append(f"attached article ignored {pair}")
        elif c == "spacing":
            out.append(f"spacing ignored {pair}")
    if not out and la != lb:
        if "abd" in (ta.kind, tb.kind):
            out.append(f"Abd al- compound {pair}")
        elif ta.kind in ("kunya", "nasab") or tb.kind in ("kunya", "nasab"):
            out.append(f"kunya/nasab spelling {pair}")
        else:
            out.append(f"spelling variant {pair}")
    return out


def _align(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> tuple[float, list[tuple[int, int, float, tuple[str, ...]]]]:
    """Best order-preserving alignment of matching tokens (maximal total score)."""
    na, nb = len(ta), len(tb)
    sim = [[_match_norm(x.norm, y.norm) for y in tb] for x in ta]
    if not any(s[0] >= _TOKEN_MATCH for row in sim for s in row):
        return 0.0, []  # no token matches (most pairs of names compared): nothing to align
    best = [[0.0] * (nb + 1) for _ in range(na + 1)]
    for i in range(na - 1, -1, -1):
        for j in range(nb - 1, -1, -1):
            v = max(best[i + 1][j], best[i][j + 1])
            s = sim[i][j][0]
            if s >= _TOKEN_MATCH:
                v = max(v, s + best[i + 1][j + 1])
            best[i][j] = v
    pairs: list[tuple[int, int, float, tuple[str, ...]]] = []
    i = j = 0
    while i < na and j < nb:
        s = sim[i][j][0]
        if s >= _TOKEN_MATCH and abs(best[i][j] - (s + best[i + 1][j + 1])) < 1e-9:
            pairs.append((i, j, s, sim[i][j][1]))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return best[0][0], pairs


# Heads of institutional names written both ways: "Ministry of Defence" / "Defence Ministry",
# "Commission of Integrity" / "Integrity Commission". "Affairs" is left out of ministries as often
# as not ("Ministry of Foreign Affairs" / "Foreign Ministry").
_OF_HEADS = "ministry|department|directorate|commission|office|bureau|council|agency|authority"
_HEAD_OF = re.compile(rf"^(?:the\s+)?({_OF_HEADS})\s+of\s+(?:the\s+)?(\S.*?)$", re.IGNORECASE)
_AFFAIRS_HEAD = re.compile(rf"^(.+?)\s+affairs\s+({_OF_HEADS})$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def head_last(name: str) -> str | None:
    """The "X Ministry" form of an institutional name, when it is written otherwise.

    >>> head_last("Ministry of the Interior")
    'Interior Ministry'
    >>> head_last("Ministry of Foreign Affairs"), head_last("Foreign Affairs Ministry"), head_last("Foreign Ministry")
    ('Foreign Ministry', 'Foreign Ministry', None)
    """
    text = " ".join(name.split())
    m = _HEAD_OF.match(text)
    if m:
        text = f"{m.group(2)} {m.group(1)}"
    a = _AFFAIRS_HEAD.match(text)
    if a:
        text = f"{a.group(1)} {a.group(2)}"
    return text if text != " ".join(name.split()) else None


@lru_cache(maxsize=65536)
def _compare(a: str, b: str, explain: bool = True, family: str | None = None) -> tuple[float, tuple[str, ...]]:
    ra, rb = head_last(a), head_last(b)
    if ra or rb:
        score, why = _compare(ra or a, rb or b, explain, family)
        if score >= MATCH_THRESHOLD:
            turned = " / ".join(f"{x} = {y}" for x, y in ((a, ra), (b, rb)) if y)
            return min(score, 0.97), (f"word order: {turned}", *(w for w in why if w != "identical"))
    pa, pb = parse_name(a), parse_name(b)
    ta, tb = pa.tokens, pb.tokens
    if not ta or not tb:
        return 0.0, ("empty name",)
    reasons: list[str] = []
    if not explain:
        pass
    elif pa.title or pb.title:
        reasons.append("title ignored " + " / ".join(t for t in (pa.title, pb.title) if t))
    if explain and (pa.particles or pb.particles):
        ps = sorted({p.lower().rstrip("-") + "-" for p in pa.particles + pb.particles})
        reasons.append("particle " + ", ".join(ps) + " ignored")

    total, pairs = _align(ta, tb)
    if explain:
        for i, j, _, codes in pairs:
            reasons.extend(_token_reasons(ta[i], tb[j], codes))
    n_a, n_b, k = len(ta), len(tb), len(pairs)
    mean = total / k if k else 0.0
    if k == n_a == n_b:
        return mean, tuple(reasons) or ("identical",)

    # token counts differ or some tokens do not match: try the names written as one word
    ja = "".join(t.norm.replace(" ", "") for t in ta)
    jb = "".join(t.norm.replace(" ", "") for t in tb)
    s, codes = _match_norm(ja, jb)
    if s >= _TOKEN_MATCH and min(len(ja), len(jb)) >= 5:
        return min(s, 0.9), tuple(reasons + [f"spacing ignored {' '.join(t.surface for t in ta)}~{' '.join(t.surface for t in tb)}"])

    # institutional names that differ only in a connecting word or in a country written as its
    # adjective: "Monitor for/of Human Rights", "Free Norway/Norwegian Army"
    if family != "PER":
        ca, cb = _name_core_words(a), _name_core_words(b)
        if ca and ca == cb and len(ca) >= 2:
            return 0.9, tuple(reasons + ["connecting words and country adjectives ignored"])

    # initials for some of the words: "UN Security Council" / "United Nations Security Council"
    if family != "PER":
        initials = _initials_for_words(ta, tb) or _initials_for_words(tb, ta)
        if initials:
            return 0.9, tuple(reasons + [f"initials {initials}"])

    # acronym against long form
    from .acronyms import acronym_match, is_acronym  # local import: acronyms uses this module

    for short, long in ((a, b), (b, a)):
        if is_acronym(short.strip()) and not is_acronym(long.strip()) and acronym_match(short, long):
            return 0.85, (f"acronym {short.strip()} = {long.strip()}",)

    short_t, long_t = (ta, tb) if n_a <= n_b else (tb, ta)
    if k == len(short_t):
        # every token of the shorter name is in the longer one
        si = [p[0] if n_a <= n_b else p[1] for p in pairs]
        li = [p[1] if n_a <= n_b else p[0] for p in pairs]
        omitted_i = [x for x in range(len(long_t)) if x not in li]
        omitted = " ".join(long_t[x].surface for x in omitted_i)
        if family not in ("ORG", "LOC") and len(short_t) >= 2 and li[-1] == len(long_t) - 1:
            # persons: a middle name, or a kunya (Abu X) in front, may be left out
            if li[0] == 0 and si[0] == 0:
                return 0.85 * mean, tuple(reasons + [f"middle name omitted: {omitted}"])
            if all(long_t[x].kind == "kunya" or 0 < x < len(long_t) - 1 and x > li[0] for x in omitted_i) and any(
                long_t[x].kind == "kunya" for x in omitted_i
            ):
                return 0.85 * mean, tuple(reasons + [f"kunya omitted: {omitted}"])
        shorter = " ".join(t.surface for t in short_t)
        longer = " ".join(t.surface for t in long_t)
        return 0.6 * k / len(long_t), tuple(
            reasons + [f"partial name: {shorter!r} is only part of {longer!r} (not the same name by itself)"]
        )
    # some tokens on both sides unmatched
    ua = [t.surface for x, t in enumerate(ta) if x not in {p[0] for p in pairs}]
    ub = [t.surface for x, t in enumerate(tb) if x not in {p[1] for p in pairs}]
    if k:
        return 0.4 * k / max(n_a, n_b), tuple(reasons + [f"different tokens: {' '.join(ua)} vs {' '.join(ub)}"])
    jw = JaroWinkler.similarity(_vform(ja), _vform(jb))
    return 0.55 * jw, (f"different names: {' '.join(ua)} vs {' '.join(ub)}",)


_CONNECTORS = frozenset("of for the and in on at".split())


def _initials_for_words(short: tuple[Token, ...], long: tuple[Token, ...]) -> str | None:
    """"UN = United Nations" when ``short`` is ``long`` with a run of its words written as their
    initials (a word of two to five capitals), every other word the same; else None."""
    for k, t in enumerate(short):
        letters = t.surface
        if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
            continue
        n = len(letters)
        for i in range(len(long) - n + 1):
            run = long[i:i + n]
            if "".join(w.surface[:1] for w in run).upper() != letters or not all(w.surface[:1].isupper() for w in run):
                continue
            rest_long = [w.norm for w in long[:i] + long[i + n:]]
            rest_short = [w.norm for w in short[:k] + short[k + 1:]]
            if rest_long == rest_short and rest_long:
                return f"{letters} = {' '.join(w.surface for w in run)}"
    return None


def _core_words(toks: tuple[Token, ...]) -> tuple[str, ...]:
    """The words of a name without connecting words, each country adjective as its country, the
    last word in the singular."""
    from newsgraph.entities.demonyms import demonym_target  # local import: demonyms uses this module

    out = []
    for t in toks:
        if t.norm in _CONNECTORS:
            continue
        target = demonym_target(t.surface[:1].upper() + t.surface[1:]) if t.surface[:1].isalpha() else None
        out.append(fold(target[0]) if target and target[1] == "country" else t.norm)
    # the head word in the singular: "Local Coordination Committees" is the "Committee" of one
    # story, "Russian air forces" the "air force" of another
    if len(out) >= 2 and len(out[-1]) > 4 and out[-1].endswith("s") and not out[-1].endswith("ss"):
        out[-1] = out[-1][:-1]
    return tuple(out)


@lru_cache(maxsize=65536)
def _name_core_words(name: str) -> tuple[str, ...]:
    """``_core_words`` of a name's tokens, once per name: a name is compared with many others."""
    return _core_words(parse_name(name).tokens)


def _fam(typ: str | None) -> str | None:
    if not typ:
        return None
    t = typ.upper()
    if t in ("PERSON", "PER"):
        return "PER"
    if t in ("ORG", "NORP", "ORGANIZATION", "ORGANISATION"):
        return "ORG"
    if t in ("GPE", "LOC", "FAC", "LOCATION", "PLACE"):
        return "LOC"
    return None


def name_similarity(a: str, b: str, typ: str | None = None) -> float:
    """Similarity in [0, 1] of two names; ``>= MATCH_THRESHOLD`` means the same name.

    Titles ("Gen.", "Sheikh"), Arabic particles (al-, ash-, ...), diacritics, apostrophes, British
    vs American spelling and common romanisation variants are ignored; a partial name ("Ali",
    "Hezbollah") never reaches the threshold against a longer one ("Ali Khamenei", "Kataib
    Hezbollah").  With ``typ`` an organisation or place type, a left-out middle word is not
    tolerated (it is for persons: "Mohammed Shia al-Sudani" / "Mohammed al-Sudani").
    """
    if a == b:
        return 1.0 if parse_name(a).tokens else 0.0
    return _compare(a, b, False, _fam(typ))[0]


def explain_match(a: str, b: str, typ: str | None = None) -> list[str]:
    """Human-readable reasons behind ``name_similarity(a, b)``.

    >>> explain_match("Haider al-Abadi", "Haidar al-Abbadi")
    ['particle al- ignored', 'vowel variation Haider~Haidar', 'doubled letters Abadi~Abbadi']
    """
    if a == b:
        return ["identical"]
    return list(_compare(a, b, True, _fam(typ))[1])


def names_match(a: str, b: str, typ: str | None = None, threshold: float = MATCH_THRESHOLD) -> bool:
    if threshold > _UNRULED_MAX and not _may_match(a, b):
        return False  # no rule of _compare can reach the threshold: most pairs, decided without it
    return name_similarity(a, b, typ) >= threshold


# -- an exact pre-filter for names_match ---------------------------------------------------------
# Without one of its rules, ``_compare`` scores at most 0.55 (0.55 × Jaro-Winkler of two names
# with no matching token). ``_may_match`` tests whether any rule can apply, cheaply:
#   word order turned ("Ministry of X" / "X Ministry"): ``head_last`` of either name (then True);
#   tokens aligned (all of them, all but a middle name or kunya): a pair of tokens that
#     ``_match_norm`` matches, tried only where its quick reject does not hold (equal
#     ``token_sort_key``s, a space in either, either starting with "al"/"el");
#   the names written as one word: the same test on the two joined strings, both at least 5 long;
#   connecting words and country adjectives ignored: equal core words, at least two;
#   acronym against long form: the rule itself, when either name is shaped like an acronym.
# A new rule in ``_compare`` that can score above ``_UNRULED_MAX`` must be added here too
# (tests/test_names_prefilter.py compares both on many pairs).
_UNRULED_MAX = 0.6
_ARTICLE_FRONT = ("al", "el")


@dataclass(frozen=True, slots=True)
class _Signature:
    turned: bool  # written in the other word order too (head_last)
    acronym: bool
    tokens: tuple[tuple[str, str, bool], ...]  # (norm, token_sort_key, never rejected by its key)
    joined: str
    joined_key: str
    core: tuple[str, ...]


def _never_rejected(norm: str) -> bool:
    return " " in norm or norm.startswith(_ARTICLE_FRONT)


@lru_cache(maxsize=65536)
def _signature(name: str) -> _Signature:
    from .acronyms import is_acronym  # local import: acronyms uses this module

    norms = [t.norm for t in parse_name(name).tokens]
    joined = "".join(n.replace(" ", "") for n in norms)
    return _Signature(
        turned=head_last(name) is not None,
        acronym=is_acronym(name.strip()),
        tokens=tuple((n, token_sort_key(n), _never_rejected(n)) for n in norms),
        joined=joined,
        joined_key=token_sort_key(joined),
        core=_name_core_words(name) if norms else (),
    )


def _may_match(a: str, b: str) -> bool:
    """False when ``_compare(a, b)`` cannot score above ``_UNRULED_MAX`` (see above)."""
    sa, sb = _signature(a), _signature(b)
    if sa.turned or sb.turned:
        return True
    if sa.acronym or sb.acronym:
        from .acronyms import acronym_match, is_acronym  # local import: acronyms uses this module

        for short, long in ((a, b), (b, a)):
            if is_acronym(short.strip()) and not is_acronym(long.strip()) and acronym_match(short, long):
                return True
    for x, kx, free_x in sa.tokens:  # the order _align compares them in
        for y, ky, free_y in sb.tokens:
            if (kx == ky or free_x or free_y) and _match_norm(x, y)[0] >= _TOKEN_MATCH:
                return True
    ja, jb = sa.joined, sb.joined
    if min(len(ja), len(jb)) >= 5 and (sa.joined_key == sb.joined_key or _never_rejected(ja) or _never_rejected(jb)) \
            and _match_norm(ja, jb)[0] >= _TOKEN_MATCH:
        return True
    return len(sa.core) >= 2 and sa.core == sb.core
