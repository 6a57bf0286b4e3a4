"""Within-document entity linking: which mentions of one article denote the same actor or place.

Input is the mention list of one document (``EntityMention``, offsets into the cleaned text);
output is the same mentions with ``.entity`` set to an index into a list of ``LocalEntity``.
Mentions are joined, in this order, by

1. alias definitions the text itself makes ("Popular Mobilization Forces (PMF)", "X, known in
   Arabic as Y", "X, the 'Y'" ...; ``names.aliases``), plus those behind an apposition ("X, a
   commander better known by his nom de guerre, Y"), in the next sentence ("X. The name
   translates as Y") or made by an anaphor ("The alliance, known in Arabic as Y"). A side of a
   definition that the mention finder missed is added as a mention with origin "alias", and so
   are later occurrences of a defined name; an organisation's Arabic and English names joined by
   "or" ("Saraya X or the X Brigades") define each other. Only a definition may join a PERSON
   with an ORG;
2. the same name, repeated with or without a title or in another spelling (``names_match``);
   a name that fits two different full names joins neither; an administrative division ("X
   province", or "X" the text calls a province) never joins the bare "X", which may be the town;
3. acronyms that spell exactly one multi-word name of the document, defined or not;
4. ORG short forms: the name without its generic last words ("Islamic State" / "... group") and
   a one-word mention that is the first word of exactly one longer ORG name ("Badr" after "the
   Badr Organization"), but not a word the document uses as a place;
5. person partial names: surname, given name, kunya ("Amiri" after "Hadi al-Amiri"), refused
   when two different persons of the document share the part (``resolve_partial_mentions``);
6. role references ("the colonel", "the PMF spokesman"): linked to the one entity whose titles
   (written before the name, or as an apposition after it) carry that role, and to none when
   several or no entity fits; "the alliance", "the brigade": linked to the one organisation whose
   name ends in that noun. A role never makes an entity of its own.

Demonym and pronoun mentions are left unlinked (``entity == -1``): demonyms are resolved across
documents, pronoun resolution is not attempted here.

Every join is recorded in ``LocalEntity.links`` as (kind, evidence) so that a user can see why
two mentions were taken to be one entity (``explain``).

Cost: names are collapsed to distinct names first and compared only inside blocks of the
same name key or the same first/last token, so a 300-mention article costs a few hundred
comparisons, not 45,000.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..names.acronyms import acronym_match, explain_acronym, is_acronym
from ..names.aliases import AliasDef, Mention, find_alias_definitions, resolve_partial_mentions
from ..names.blocking import initial_prefixes
from ..names.normalize import (
    MATCH_THRESHOLD,
    explain_match,
    fold,
    head_last,
    name_key,
    name_similarity,
    parse_name,
    token_similarity,
    token_sort_key,
)
from ..names.titles import HONORIFICS, ROLES, split_title
from ..types import EntityMention
from .demonyms import country_name, demonym_target
from .lexicon import ADMIN_DIVISIONS, ARABIC_GROUP_HEADS, GENERIC_ORG_WORDS, ORG_DESCRIPTORS, ORG_HEADS, admin_division, body_prefix_length

__all__ = ["LocalEntity", "link_mentions", "explain"]

# Mentions that refer to an entity without naming it: they never found an entity.
_UNNAMED_ORIGINS = frozenset({"role", "pronoun", "demonym"})
_TYPES = ("PERSON", "ORG", "LOC")
_TOKEN_MATCH = 0.85  # the token-level threshold of names.normalize


@dataclass
class LocalEntity:
    """One actor or place of one document, with the evidence that joined its mentions."""

    name: str  # the best (longest full, untitled) name in the document
    type: str  # PERSON | ORG | LOC, by vote over its mentions
    subtype: str | None
    names: list[str] = field(default_factory=list)  # distinct bare surface names, acronyms included
    titles: list[str] = field(default_factory=list)  # titles and roles as written
    mentions: list[int] = field(default_factory=list)  # indices into the returned mention list
    links: list[tuple[str, str]] = field(default_factory=list)  # (kind, evidence) of every join


def explain(entity: LocalEntity) -> list[str]:
    """One line per join: why the entity's mentions were taken to be one entity."""
    lines = [f"{kind}: {evidence}" for kind, evidence in entity.links]
    return lines or [f"single name: {entity.name}"]


# ---------------------------------------------------------------------------------------------
# Input checks and per-mention name/title
# ---------------------------------------------------------------------------------------------


def _checked_copies(text: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Copies of the mentions (the caller's objects are not modified), after sanity checks."""
    out = []
    for i, m in enumerate(mentions):
        if not (0 <= m.start < m.end <= len(text)):
            raise ValueError(
                f"mention {i} {m.text!r} has offsets {m.start}..{m.end}, outside a text of {len(text)} characters"
            )
        if text[m.start : m.end] != m.text:
            raise ValueError(
                f"mention {i} says {m.text!r} but the text at {m.start}..{m.end} is {text[m.start:m.end]!r}"
            )
        if m.name_start >= 0 and not (m.start <= m.name_start < m.name_end <= m.end):
            raise ValueError(f"mention {i} {m.text!r}: name span {m.name_start}..{m.name_end} lies outside the mention")
        out.append(dataclasses.replace(m, entity=-1))
    return out


_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
# "the al-Dawn-linked Velmora Front, known as ...": a compound adjective describes the name, it is not part of it
_LEADING_COMPOUND = re.compile(r"^\S+-(?:linked|backed|affiliated|led|based|allied|aligned|funded|run|held|"
                               r"controlled|inspired|sponsored|trained|supported)\s+(?:the\s+)?", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _name_span(m: EntityMention) -> tuple[int, int]:
    """Offsets of the bare name: no title, no leading "the", no possessive ending."""
    if m.name_start >= 0:
        s, e = m.name_start, m.name_end
    else:
        _, bare = split_title(m.text)
        k = m.text.rfind(bare) if bare else -1
        s, e = (m.start + k, m.start + k + len(bare)) if k >= 0 else (m.start, m.end)
    sub = m.text[s - m.start : e - m.start]
    lead = _LEADING_ARTICLE.match(sub)
    if lead and lead.end() < len(sub):
        s += lead.end()
        sub = sub[lead.end() :]
    tail = _POSSESSIVE.search(sub)
    if tail and tail.start() > 0:
        e -= len(tail.group())
    return s, e


def _title_of(m: EntityMention, name_start: int) -> str | None:
    if m.title:
        return m.title
    before = m.text[: max(0, name_start - m.start)].strip().rstrip(",")
    if before and not _LEADING_ARTICLE.match(before + " ") and fold(before) != "the":
        return before
    return None


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t.norm for t in parse_name(name, False).tokens)


def _exact_key(name: str) -> str:
    """Key under which two names count as identical (case, particles, diacritics ignored)."""
    toks = _name_tokens(name)
    return " ".join(toks) if toks else fold(name).strip()


def _family(typ: str) -> str:
    # identical ORG and LOC names are one entity (a city tagged ORG once); PERSON stays apart
    return "PERSON" if typ == "PERSON" else "ORGLOC"


_DIVISION_LEVELS = frozenset(level for level in ADMIN_DIVISIONS.values() if level)


def _division(m: EntityMention, name: str) -> tuple[str, str] | None:
    """(exact key of the place name, level) when the mention names an administrative division:
    "Kirkuk province", or "Kirkuk" in "Diyala and Kirkuk provinces" (the mention finder gives the
    level as the title). A division is never the town it is named after."""
    if m.type != "LOC":
        return None
    div = admin_division(name)
    if div is not None:
        return _exact_key(div[0]), div[1]
    if m.title in _DIVISION_LEVELS:
        return _exact_key(name), m.title
    return None


# ---------------------------------------------------------------------------------------------
# Union-find over mentions, with the evidence of every join
# ---------------------------------------------------------------------------------------------


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.joins: list[tuple[int, str, str]] = []  # (a mention of the group, kind, evidence)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, kind: str | None = None, evidence: str = "") -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        if kind:
            self.joins.append((a, kind, evidence))
        return True


# ---------------------------------------------------------------------------------------------
# Alias definitions
# ---------------------------------------------------------------------------------------------

_SPAN_TRIM = " \t\n,.;:\"“”‘’'"


def _trim_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in _SPAN_TRIM:
        s += 1
    while e > s and text[e - 1] in _SPAN_TRIM:
        e -= 1
    lead = _LEADING_ARTICLE.match(text[s:e])
    if lead and s + lead.end() < e:
        s += lead.end()
    lead = _LEADING_COMPOUND.match(text[s:e])
    if lead and s + lead.end() < e:
        s += lead.end()
    return s, e


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class _Document:
    """The mentions of one document with their bare names, built up by the linking steps."""

    def __init__(self, text: str, mentions: list[EntityMention]) -> None:
        self.text = text
        self.mentions = mentions
        self.spans = [_name_span(m) for m in mentions]

    def named(self, i: int) -> bool:
        return self.mentions[i].origin not in _UNNAMED_ORIGINS and self.mentions[i].type in _TYPES

    def name(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def mention_at(self, span: tuple[int, int]) -> tuple[int | None, bool]:
        """The named mention whose name covers ``span`` (index or None) and whether any named
        mention overlaps the span at all."""
        best, best_overlap, touched = None, 0, False
        for i, m in enumerate(self.mentions):
            if m.end <= span[0] or m.start >= span[1] or not self.named(i):
                continue
            touched = True
            ov = _overlap(self.spans[i], span)
            name_len = self.spans[i][1] - self.spans[i][0]
            if ov * 10 >= 6 * (span[1] - span[0]) and ov * 2 >= name_len and ov > best_overlap:
                best, best_overlap = i, ov
        return best, touched

    def extend_to(self, span: tuple[int, int]) -> int | None:
        """The model cut a defined name short ("Dawn Front of the North" as "Dawn Front of"): the
        one named mention that starts where the definition's name starts and ends inside it takes
        the definition's end. Returns its index, or None when no mention fits so."""
        inside = [i for i, m in enumerate(self.mentions)
                  if m.start < span[1] and m.end > span[0] and self.named(i)]
        if len(inside) != 1:
            return None
        i = inside[0]
        m = self.mentions[i]
        if self.spans[i][0] != span[0] or not (span[0] < m.end < span[1]) or m.name_start not in (-1, m.start):
            return None
        tail = self.text[m.end:span[1]].split()
        if not tail or not all(w in ("of", "and", "the", "for") or w[:1].isupper() and w.strip(".,").lower() not in _TIME_NAMES
                               for w in tail) or tail[-1] in ("of", "and", "the", "for"):
            return None  # "Dawn Front on Friday": the definition's phrase ran past the name
        text = self.text[m.start:span[1]]
        self.mentions[i] = dataclasses.replace(m, end=span[1], text=text,
                                               name_end=span[1] if m.name_end >= 0 else m.name_end)
        self.spans[i] = _name_span(self.mentions[i])
        return i

    def add(self, m: EntityMention) -> int:
        self.mentions.append(m)
        self.spans.append(_name_span(m))
        return len(self.mentions) - 1


_TIME_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                        "june july august september october november december".split())


def _alias_mention(text: str, span: tuple[int, int], like: EntityMention) -> EntityMention:
    s, e = span
    return EntityMention(s, e, text[s:e], like.type, like.subtype, "alias", s, e)


def name_type_evidence(name: str) -> str | None:
    """The type a name's own words vouch for, whatever the model said: a country's name or an
    administrative division is a place, a name headed by an organisation word ("... Front",
    "Kataib ...") an organisation."""
    if country_name(name) or admin_division(name) is not None:
        return "LOC"
    toks = _name_tokens(name)
    if len(toks) >= 2 and (toks[-1] in ORG_HEADS or " ".join(toks[-2:]) in ORG_HEADS or _arabic_headed(toks)):
        return "ORG"
    return None


# A definition may join a person with an organisation (a group known by its leader's name), never
# a place with an actor.
_DEFINABLE = frozenset({("PERSON", "PERSON"), ("ORG", "ORG"), ("LOC", "LOC"), ("PERSON", "ORG"),
                        ("ORG", "PERSON"), ("ORG", "LOC"), ("LOC", "ORG")})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|from|at|across|inside|outside|around|throughout|of)\s+(?:the\s+)?$", re.I)


def _side_type(doc: _Document, i: int | None, span: tuple[int, int]) -> str | None:
    evidence = name_type_evidence(doc.text[span[0]:span[1]])
    if evidence or i is None:
        return evidence
    return doc.mentions[i].type if doc.mentions[i].origin != "alias" else None


def _definition_attaches(doc: _Document, d: AliasDef, li: int | None, si: int | None,
                         long_span: tuple[int, int], short_span: tuple[int, int]) -> bool:
    """True when the two sides of a definition may be one entity: types that agree (a country is
    never "known as" an armed group), and a place that is the definition's subject rather than the
    object of a preposition inside it ("the group's affiliate in X, known as Y" defines the
    affiliate, not X)."""
    lt, st = _side_type(doc, li, long_span), _side_type(doc, si, short_span)
    if lt and st and ((lt, st) not in _DEFINABLE or {lt, st} == {"ORG", "LOC"} and "LOC" in
                      (name_type_evidence(doc.text[long_span[0]:long_span[1]]),
                       name_type_evidence(doc.text[short_span[0]:short_span[1]]))):
        return False
    left = min(long_span, short_span)
    if lt == "LOC" and st != "LOC" and left == long_span and _LOCATIVE_BEFORE.search(doc.text[max(0, left[0] - 30):left[0]]):
        return False
    return True


def _add_definition_mentions(doc: _Document, defs: list[AliasDef]) -> list[tuple[int, int, AliasDef]]:
    """Map each definition onto mentions, adding the side the mention finder missed.

    Returns (long mention, short mention, definition) for every usable definition."""
    pairs = []
    for d in defs:
        long_span, short_span = _trim_span(doc.text, d.long_span), _trim_span(doc.text, d.short_span)
        if long_span[0] >= long_span[1] or short_span[0] >= short_span[1]:
            continue
        (li, l_touched), (si, s_touched) = doc.mention_at(long_span), doc.mention_at(short_span)
        if li is None and si is None and not (l_touched or s_touched):
            continue  # nothing the mention finder saw: probably not a name at all
        if not _definition_attaches(doc, d, li, si, long_span, short_span):
            continue
        if li is None and l_touched:
            li = doc.extend_to(long_span)
        if si is None and s_touched:
            si = doc.extend_to(short_span)
        if li is None and si is None:
            continue
        if d.pattern == "paren-label" and not (
                li is not None and si is not None and doc.mentions[li].type == doc.mentions[si].type == "ORG"):
            continue  # an acronym that does not spell the name: only two organisations the model found
        if li is not None and si is not None:
            if li != si:
                pairs.append((li, si, d))
            continue
        if d.pattern == "paren-alt":
            continue  # the weakest pattern does not introduce names on its own
        if li is None and not l_touched:
            li = doc.add(_alias_mention(doc.text, long_span, doc.mentions[si]))  # type: ignore[index]
        elif si is None and not s_touched:
            si = doc.add(_alias_mention(doc.text, short_span, doc.mentions[li]))  # type: ignore[index]
        if li is not None and si is not None:
            pairs.append((li, si, d))
    return pairs


def _add_repeated_aliases(doc: _Document, pairs: list[tuple[int, int, AliasDef]]) -> None:
    """Later occurrences of a defined name that the mention finder missed ("GMA" after "... (GMA)")."""
    seen: set[str] = set()
    for li, si, _ in pairs:
        for i in (li, si):
            name = doc.name(i)
            if name in seen or len(name) < 2 or not (name[0].isupper() or is_acronym(name)):
                continue
            seen.add(name)
            rx = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
            for m in rx.finditer(doc.text):
                span = (m.start(), m.end())
                if not any(
                    doc.named(k) and _overlap((x.start, x.end), span) for k, x in enumerate(doc.mentions)
                ):
                    doc.add(_alias_mention(doc.text, span, doc.mentions[i]))


# Alias definitions that names.aliases does not see because the name being defined is not right
# before the trigger: an apposition stands between ("X, a veteran commander better known by his
# nom de guerre, Y"; "X, the state-funded umbrella known in Arabic as Y"), or the definition
# starts the next sentence ("X. The name translates as the 'Y'").
_LANGUAGE = r"[A-Z][a-z]+(?:ic|ish|ian|an|i|e)"
_APPOSITION_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("nickname", re.compile(
        r"\b(?:(?:better|also|widely|commonly|popularly)\s+)?(?:known|referred\s+to)\s+by\s+(?:his|her|the|a)\s+"
        r"(?:nom\s+de\s+guerre|kunya|alias|nickname|pseudonym|code\s*name|war\s+name)\s*,?\s*"
        r"|\b(?:whose|his|her)\s+(?:nom\s+de\s+guerre|kunya|alias|nickname|pseudonym|code\s*name|war\s+name)"
        r"\s+(?:is|was)\s+|\bwho\s+goes\s+by\s+(?:the\s+name\s+)?")),
    ("name-means", re.compile(
        r"\b(?:[Ww]hose|[Ii]ts|[Tt]heir|[Tt]he)\s+name\s+(?:means|(?:roughly\s+)?translates\s+(?:as|to)|"
        r"(?:is|can\s+be)\s+translated\s+as)\s+")),
    ("known-as", re.compile(
        r"\b(?:(?:also|better|commonly|widely|formally|locally)\s+)?(?:known|referred\s+to)\s+"
        r"(?:in\s+" + _LANGUAGE + r"\s+)?as\s+|\balso\s+called\s+|(?<=, )formally\s+"
        r"|\b(?:(?:also|better)\s+)?known\s+by\s+(?:its|their)\s+(?:" + _LANGUAGE + r"\s+)?name\s*,?\s+")),
]
_NAME_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn)-[A-Z][\w'’]*)"
_DEFINED_NAME = re.compile(
    r"(?:the\s+)?[\"“'‘]?(" + _NAME_WORD + r"(?:\s+(?:of\s+(?:the\s+)?|for\s+)?" + _NAME_WORD + r"){0,6})"
)
# what may stand between the name and the trigger: nothing, or a short noun phrase in apposition
_APPOSITION_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:an?|the|its|his|her|their)\s+(?:[a-z][\w’'-]*\s+){0,6})?)?$"
)
_CLAUSE_WORDS = frozenset("who which that whose and or but when where while after before said says".split())
_NEXT_SENTENCE_GAP = re.compile(r"\s*[.!?]\s+$")


def _apposition_definitions(doc: _Document) -> tuple[list[AliasDef], list[tuple[int, tuple[int, int], str]]]:
    """Definitions whose defined name is a named mention, and (anaphor mention, alias span,
    pattern) for those whose defined name is an anaphor ("The alliance, known in Arabic as Y")."""
    out: list[AliasDef] = []
    anaphoric: list[tuple[int, tuple[int, int], str]] = []
    lefts = [i for i in range(len(doc.mentions))
             if doc.named(i) or doc.mentions[i].origin == "role" and _anaphor_head(doc.mentions[i].text)]
    for pattern, rx in _APPOSITION_TRIGGERS:
        for t in rx.finditer(doc.text):
            name = _DEFINED_NAME.match(doc.text, t.end())
            before = [i for i in lefts if doc.mentions[i].end <= t.start()]
            if not name or not before:
                continue
            left = max(before, key=lambda i: (doc.mentions[i].end, -doc.mentions[i].start))
            gap = doc.text[doc.mentions[left].end : t.start()]
            across = pattern == "name-means" and t.group()[0].isupper() and _NEXT_SENTENCE_GAP.match(gap)
            if not across and (
                not _APPOSITION_GAP.match(gap) or _CLAUSE_WORDS & set(gap.lower().replace(",", " ").split())
            ):
                continue
            if pattern == "nickname" and doc.mentions[left].type != "PERSON":
                continue
            short_span = (name.start(1), name.end(1))
            if not doc.named(left):
                anaphoric.append((left, short_span, pattern))
                continue
            long_span = doc.spans[left]
            if _overlap(long_span, short_span):
                continue
            out.append(AliasDef(long_span, short_span, pattern, doc.text[slice(*long_span)], name.group(1)))
    return out, anaphoric


_OR_BETWEEN = re.compile(r"\s+or\s+(?:the\s+)?")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:and|or)\b")


def _arabic_headed(tokens: tuple[str, ...]) -> bool:
    return bool(tokens) and fold(tokens[0]) in ARABIC_GROUP_HEADS


def _english_headed(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= 2 and tokens[-1] in ORG_HEADS


def _or_translation_definitions(doc: _Document) -> list[AliasDef]:
    """ "Hashd Tahrir or Liberation Forces": an organisation's romanised Arabic name and its English
    name joined by "or" are one name given twice, not a choice between two groups. A list ("X,
    Y or Z", "X or Y and Z") is a choice."""
    named = sorted((i for i in range(len(doc.mentions)) if doc.named(i) and doc.mentions[i].type == "ORG"),
                   key=lambda i: doc.spans[i])
    out = []
    for i, j in zip(named, named[1:]):
        (ls, le), (rs, re_) = doc.spans[i], doc.spans[j]
        gap = doc.text[le:rs]
        if not _OR_BETWEEN.fullmatch(gap):
            continue
        if _LIST_BEFORE.search(doc.text[max(0, ls - 6) : doc.mentions[i].start]) or _LIST_AFTER.match(doc.text[re_ : re_ + 40]):
            continue
        left, right = _name_tokens(doc.name(i)), _name_tokens(doc.name(j))
        if _arabic_headed(left) and _english_headed(right) or _english_headed(left) and _arabic_headed(right):
            out.append(AliasDef((ls, le), (rs, re_), "or-translation", doc.name(i), doc.name(j)))
    return out


def _add_anaphor_definition_mentions(doc: _Document, anaphoric: list[tuple[int, tuple[int, int], str]]
                                     ) -> list[tuple[int, int, str]]:
    """(anaphor, alias mention, pattern), adding the alias when the mention finder missed it."""
    out = []
    for ai, span, pattern in anaphoric:
        si, touched = doc.mention_at(span)
        if si is None and not touched:
            si = doc.add(_alias_mention(doc.text, span, doc.mentions[ai]))
        if si is not None and doc.mentions[si].type == doc.mentions[ai].type:
            out.append((ai, si, pattern))
    return out


def _definition_evidence(text: str, d: AliasDef) -> str:
    s = min(d.long_span[0], d.short_span[0])
    e = max(d.long_span[1], d.short_span[1])
    return " ".join(text[s : min(e + 1, len(text))].split())


# ---------------------------------------------------------------------------------------------
# The linking steps over distinct names
# ---------------------------------------------------------------------------------------------


@dataclass
class _Name:
    """One distinct name of the document (same family, same exact key)."""

    text: str  # the first surface form
    type: str  # type of its first mention
    family: str
    tokens: tuple[str, ...]
    mentions: list[int]
    division: tuple[str, str] | None = None  # (place key, level) of an administrative division


def _distinct_names(doc: _Document, groups: _Groups) -> list[_Name]:
    by_key: dict[tuple[str, str], _Name] = {}
    # a name the document calls a division once ("the governor of X") is that division wherever
    # else a cue makes it a region ("the X provincial council"); with no cue it may be the town
    levels = {}
    for i, m in enumerate(doc.mentions):
        if doc.named(i) and m.type == "LOC" and m.title in _DIVISION_LEVELS:
            levels.setdefault(_exact_key(doc.name(i)), m.title)
    for i, m in enumerate(doc.mentions):
        if not doc.named(i):
            continue
        name = doc.name(i)
        division = _division(m, name)
        if division is None and m.type == "LOC" and m.subtype == "region" and _exact_key(name) in levels:
            division = _exact_key(name), levels[_exact_key(name)]
        key = ("DIVISION", *division) if division else (_family(m.type), _exact_key(name))
        entry = by_key.get(key)
        if entry is None:
            by_key[key] = _Name(name, m.type, _family(m.type), _name_tokens(name), [i], division)
        else:
            entry.mentions.append(i)
            if not groups.union(entry.mentions[0], i):
                continue
            if fold(name) != fold(entry.text):
                groups.joins.append((i, "same-name", f"{entry.text} = {name}"))
    return list(by_key.values())


def _link_same_names(names: list[_Name], groups: _Groups) -> None:
    """Spelling variants and omitted middle names, compared inside blocks; a name that matches two
    names which do not match each other ("Mohammed al-Sudani" between two different Mohammed
    X al-Sudani) is ambiguous and joins neither."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for k, n in enumerate(names):
        if not n.tokens or is_acronym(n.text):
            continue
        blocks[(n.type, "K", name_key(n.text, False))].append(k)
        turned = head_last(n.text)
        if turned:  # "Ministry of Defence" meets "Defence Ministry"
            blocks[(n.type, "K", name_key(turned, False))].append(k)
        blocks[(n.type, "FL", token_sort_key(n.tokens[0]), token_sort_key(n.tokens[-1]))].append(k)
        if n.type != "PERSON":  # "United Nations Relief Office" meets "UN Relief Office"
            for lead in initial_prefixes(parse_name(n.text, False).tokens):
                blocks[(n.type, "FL", token_sort_key(lead), token_sort_key(n.tokens[-1]))].append(k)
    matches: dict[int, set[int]] = defaultdict(set)
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                if b in matches[a]:
                    continue
                da, db = names[a].division, names[b].division
                if (da is None) != (db is None) or da and db and da[1] != db[1]:
                    continue  # a province and the town it is named after
                if name_similarity(names[a].text, names[b].text, names[a].type) >= MATCH_THRESHOLD:
                    matches[a].add(b)
                    matches[b].add(a)

    def ambiguous(k: int) -> bool:
        near = sorted(matches[k])
        return any(q not in matches[p] for i, p in enumerate(near) for q in near[i + 1 :])

    for a in sorted(matches):
        if ambiguous(a):
            continue
        for b in sorted(matches[a]):
            if b > a and not ambiguous(b):
                reasons = "; ".join(explain_match(names[a].text, names[b].text, names[a].type))
                groups.union(names[a].mentions[0], names[b].mentions[0], "same-name",
                             f"{names[a].text} = {names[b].text} ({reasons})")


def _compatible_for_acronym(acr_type: str, long_type: str) -> bool:
    return acr_type == long_type or {acr_type, long_type} == {"ORG", "LOC"}


def _link_acronyms(names: list[_Name], groups: _Groups) -> None:
    """An acronym joins the one entity whose multi-word name it spells, defined in the text or not."""
    long_names = [n for n in names if len(n.text.split()) >= 2 and not is_acronym(n.text)]
    # "X province", a country: an agency's "XP" byline does not spell a name that says it is a place
    places = {id(ln) for ln in long_names if name_type_evidence(ln.text) == "LOC"}
    for n in names:
        if not is_acronym(n.text) or n.type == "PERSON":
            continue
        spelled: dict[int, _Name] = {}
        for ln in long_names:
            if n.type == "ORG" and id(ln) in places:
                continue
            if _compatible_for_acronym(n.type, ln.type) and acronym_match(n.text, ln.text):
                spelled.setdefault(groups.find(ln.mentions[0]), ln)
        if len(spelled) == 1:
            (ln,) = spelled.values()
            groups.union(ln.mentions[0], n.mentions[0], "acronym", explain_acronym(n.text, ln.text) or n.text)


_GENERIC_ORG_WORDS = GENERIC_ORG_WORDS


# Heads of names whose first word is usually the place they serve ("X Operations Command",
# "X Police", "X Provincial Council", "X Courier"): the first word alone is the place.
_PLACE_QUALIFIED_HEADS = frozenset({"military", "government", "media"})


def _tokens_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(x == y or token_similarity(x, y) >= _TOKEN_MATCH for x, y in zip(a, b))


def _link_org_short_forms(names: list[_Name], groups: _Groups, mention_types: list[str]) -> None:
    """Short forms of ORG names, each linked only when exactly one entity fits:

    * the name without its generic trailing words ("Islamic State" / "Islamic State group",
      "Guardians of X" / "Guardians of X Alliance") and without one descriptive word in front
      ("Shiite X Units" / "X Units", but not "Free X Army" / "X Army"), for names of two words or more;
    * a single word that is the first word of a longer name ("Badr" / "the Badr Organization"),
      when no other ORG name of the document contains it. A generic first word ("Kataib Zahra")
      makes the rest the name, not a short form of it ("Zahra" is another group).

    Names whose head usually follows the place they serve ("X Operations Command", "X Police",
    "X Courier") and words the document uses as places give no short form."""
    longer = [n for n in names if n.type == "ORG" and len(n.tokens) >= 2]
    place_words = {t for n in names for i in n.mentions if mention_types[i] == "LOC" for t in n.tokens}
    for n in names:
        if n.type != "ORG" or not n.tokens or is_acronym(n.text):
            continue
        generic_end = n.tokens[-1] in _GENERIC_ORG_WORDS  # "X group" is no short form of "X group Y"
        if generic_end and len(n.tokens) == 1:
            continue
        if len(n.tokens) == 1 and n.tokens[0] in place_words:
            continue  # "Salahuddin" is a place here, not the short form of "Salahuddin Operations Command"
        k = len(n.tokens)
        containing: set[int] = set()
        fits: dict[int, _Name] = {}
        for ln in longer:
            if len(ln.tokens) <= k:
                continue
            root = groups.find(ln.mentions[0])
            if k == 1:
                if ORG_HEADS.get(" ".join(ln.tokens[1:]), "-") in _PLACE_QUALIFIED_HEADS:
                    continue
                if not any(token_similarity(n.tokens[0], t) >= _TOKEN_MATCH for t in ln.tokens):
                    continue
                containing.add(root)
                if ln.tokens[0] not in _GENERIC_ORG_WORDS and _tokens_match(n.tokens, ln.tokens[:1]):
                    fits.setdefault(root, ln)
                continue
            # "Popular Mobilization" / "Popular Mobilization Forces", and with one descriptive word
            # in front: "Shiite Popular Mobilization Units" / "Popular Mobilization Units"
            body = body_prefix_length(ln.tokens)  # "Security Council" / "UN Security Council"
            for lead in sorted({0, 1, body}):
                if not lead and generic_end:
                    continue
                if lead and lead != body and not (ln.tokens[0] in ORG_DESCRIPTORS or demonym_target(ln.tokens[0].capitalize())):
                    break  # "Kataib X Y", "Free X Army": the first word makes another name
                part, rest = ln.tokens[lead : lead + k], ln.tokens[lead + k :]
                # kind words after it, or the complement of its head word ("X Observatory" for
                # "X Observatory for Human Rights")
                complement = len(rest) >= 2 and rest[0] in ("for", "of") and n.tokens[-1] in ORG_HEADS
                if len(part) == k and (complement or all(t in _GENERIC_ORG_WORDS for t in rest)) and _tokens_match(n.tokens, part):
                    containing.add(root)
                    fits.setdefault(root, ln)
                    break
        if len(containing) == 1 and len(fits) == 1:
            (ln,) = fits.values()
            groups.union(ln.mentions[0], n.mentions[0], "short-form", f"{n.text} is the short form of {ln.text}")


def _link_partial_names(names: list[_Name], groups: _Groups) -> None:
    """Surnames, given names, kunyas and partial person names.

    ``resolve_partial_mentions`` is asked about one (short name, full name) pair at a time, so
    that ambiguity is judged on this document's entities: a surname shared by two names of one
    person (a nom de guerre joined by a definition) is fine, one shared by two persons is not."""
    persons = [n for n in names if n.type == "PERSON" and n.tokens]
    by_token: dict[str, list[int]] = defaultdict(list)
    for k, n in enumerate(persons):
        if len(n.tokens) >= 2:
            for t in set(n.tokens):
                by_token[token_sort_key(t)].append(k)
    for k, short in enumerate(persons):
        candidates = {f for t in short.tokens for f in by_token.get(token_sort_key(t), ()) if f != k}
        fits: dict[int, tuple[_Name, str, str]] = {}
        for f in sorted(candidates, key=lambda f: persons[f].mentions[0]):
            full = persons[f]
            if len(full.tokens) <= len(short.tokens):
                continue
            pair = [Mention(short.mentions[0], short.mentions[0] + 1, short.text),
                    Mention(full.mentions[0], full.mentions[0] + 1, full.text)]
            link = next((x for x in resolve_partial_mentions(pair) if x.mention == 0 and x.full == 1), None)
            if link is not None:
                fits.setdefault(groups.find(full.mentions[0]), (full, link.kind, link.reason))
        if len(fits) == 1:
            full, kind, reason = next(iter(fits.values()))
            groups.union(full.mentions[0], short.mentions[0], f"partial:{kind}", reason)


# ---------------------------------------------------------------------------------------------
# Titles: before the name, and appositions after it
# ---------------------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "gen": "general", "col": "colonel", "lt": "lieutenant", "maj": "major", "brig": "brigadier",
    "capt": "captain", "sgt": "sergeant", "cpl": "corporal", "pvt": "private", "adm": "admiral",
    "cmdr": "commander", "cdr": "commander", "sen": "senator", "rep": "representative",
    "gov": "governor", "spc": "specialist", "ltgen": "lieutenant general", "ltcol": "lieutenant colonel",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chairperson": "chairman", "advisor": "adviser", "congresswoman": "congressman", "defence": "defense",
}
_ROLE_WORDS = frozenset(
    _ABBREVIATIONS.get(w, w) for phrase in ROLES | HONORIFICS for w in phrase.split()
) - {"of", "the", "state", "first", "second", "staff", "vice", "deputy", "prime", "foreign", "interior",
     "supreme", "crown", "grand", "chief", "under", "special", "field", "air", "lance", "master", "rear"}
_WORD_RE = re.compile(r"[A-Za-z][\w'’.\-]*")


def _role_words(phrase: str) -> list[tuple[str, bool, bool]]:
    """(canonical word, capitalised as written, possessive) for each word of a title or role."""
    out = []
    for m in _WORD_RE.finditer(phrase):
        w = m.group().rstrip(".")
        possessive = bool(re.search(r"['’]s?$", w))
        w = re.sub(r"['’]s?$", "", w)
        canon = fold(w).replace(".", "")
        canon = _ABBREVIATIONS.get(canon, canon)
        for part in canon.split():
            out.append((part, w[:1].isupper(), possessive))
    return out


_APPOSITION = re.compile(r"\s*,\s+([^,;:()\"“”\n]{3,100}?)(?=\s*(?:[,;:)]|\.(?:\s|$)|$))")
_APPOSITION_STOP = re.compile(r"\s+(?:who|which|that|whose|better|known|said|says|told|added|and)\b.*$", re.S)
_PREPOSITIONS = frozenset("of for at in with to from on".split())
_MAX_APPOSITION_WORDS = 10


def _apposition_title(text: str, end: int) -> str | None:
    """A role given by apposition right after a name: "X, a spokesman for the ministry, said"."""
    m = _APPOSITION.match(text, end, min(len(text), end + 130))
    if not m:
        return None
    phrase = _APPOSITION_STOP.sub("", m.group(1)).strip()
    words = phrase.split()
    if not words or len(words) > _MAX_APPOSITION_WORDS:
        return None
    for k, w in enumerate(words):
        canon = _role_words(w)
        if canon and canon[-1][0] in _PREPOSITIONS:
            return None  # "the son of the commander": the head noun comes before the preposition
        if canon and canon[-1][0] in _ROLE_WORDS:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt[:1].isupper():
                return None  # "Commander Hassan ...": another titled name, not an apposition
            return phrase
    return None


# ---------------------------------------------------------------------------------------------
# Role references
# ---------------------------------------------------------------------------------------------

_IGNORABLE = frozenset(
    "the a an his her its their this that our whose former top senior then late new veteran powerful "
    "influential prominent local retired ex outgoing incoming fellow longtime current".split()
)
_SOFT = _GENERIC_ORG_WORDS | {"police", "military", "government", "security"}


def _title_has_word(title: str, title_words: set[str], word: str, capitalised: bool,
                    entity_names_of: dict[str, list[list[str]]]) -> bool:
    if word in title_words:
        return True
    if capitalised:
        # "the PMF spokesman" and "a spokesman for the Popular Mobilization Forces"
        low = fold(title)
        for names in entity_names_of.get(word, []):
            if any(re.search(r"(?<!\w)" + re.escape(fold(n)) + r"(?!\w)", low) for n in names):
                return True
    return False


def _role_candidates(role: str, typ: str, entities: list[LocalEntity],
                     entity_names_of: dict[str, list[list[str]]]) -> list[int]:
    """Entities of type ``typ`` whose titles carry ``role``; when several do, a generic noun of the
    role ("the alliance spokesman") may single one out."""
    words = [(w, cap, pos) for w, cap, pos in _role_words(role) if w not in _IGNORABLE]
    if not any(w in _ROLE_WORDS for w, _, _ in words):
        return []
    hard = [(w, cap) for w, cap, pos in words if not pos and w not in _SOFT]
    soft = [w for w, _, pos in words if pos or w in _SOFT]
    if not hard:
        return []
    fits: list[tuple[int, bool]] = []
    for k, ent in enumerate(entities):
        if ent.type != typ:
            continue
        best: bool | None = None
        for title in ent.titles:
            tw = {w for w, _, _ in _role_words(title)}
            if all(_title_has_word(title, tw, w, cap, entity_names_of) for w, cap in hard):
                best = bool(best) or all(s in tw for s in soft) and bool(soft)
        if best is not None:
            fits.append((k, best))
    if len(fits) > 1:
        narrowed = [k for k, with_soft in fits if with_soft]
        return narrowed
    return [k for k, _ in fits]


# ---------------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------------

_ORIGIN_WEIGHT = {"alias": 1.0}


# a role that only a person holds, when it heads an apposition: "X, the Norland researcher for a
# rights group, said" (not "member": countries and groups are members too)
_NOT_PERSONAL_ROLES = frozenset({"member", "leader", "head", "official"})
_PERSONAL_APPOSITION_WEIGHT = 3.0  # more than one mention the model typed otherwise


def _personal_apposition(text: str, end: int) -> bool:
    """An apposition right after a name whose head noun is a person's role: "Karim Tarmi, the
    Norland researcher for Dawn Watch, said". The head is the last word before the first preposition
    ("a militant group" is headed by "group", "a spokesman for the army" by "spokesman")."""
    m = _APPOSITION.match(text, end, min(len(text), end + 130))
    if not m:
        return False
    words = _APPOSITION_STOP.sub("", m.group(1)).strip().split()
    if not words or len(words) > _MAX_APPOSITION_WORDS:
        return False
    head = None
    for w in words:
        canon = _role_words(w)
        if not canon:
            continue
        if canon[-1][0] in _PREPOSITIONS:
            break
        head = canon[-1][0]
    return head in _ROLE_WORDS and head not in _NOT_PERSONAL_ROLES


def _vote_type(doc: _Document, members: list[int]) -> str:
    votes: Counter[str] = Counter()
    for i in members:
        m = doc.mentions[i]
        votes[m.type] += _ORIGIN_WEIGHT.get(m.origin, 2.0)
        if (m.type in ("LOC", "ORG") and m.origin == "ner" and m.subtype != "country"
                and len(doc.name(i).split()) >= 2 and not country_name(doc.name(i))
                and _personal_apposition(doc.text, m.end)):
            votes["PERSON"] += _PERSONAL_APPOSITION_WEIGHT  # the model's place is somebody with a role
    first = doc.mentions[members[0]].type
    return max(votes, key=lambda t: (votes[t], t == first))


def _best_name(doc: _Document, members: list[int], typ: str) -> str:
    candidates = [i for i in members if doc.mentions[i].type == typ] or members

    def rank(i: int) -> tuple:
        name = doc.name(i)
        # most tokens; among spellings of equal length the first, which introduces the name
        return (not is_acronym(name), doc.mentions[i].origin != "alias", len(parse_name(name, False).tokens),
                -doc.mentions[i].start)

    return doc.name(max(candidates, key=rank))


def _dedupe(items: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for s in items:
        key = " ".join(s.casefold().split())
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(s.split()))
    return out


def _build_entities(doc: _Document, groups: _Groups) -> list[LocalEntity]:
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(doc.mentions)):
        if doc.named(i):
            members[groups.find(i)].append(i)
    ordered = sorted(members.values(), key=lambda ms: doc.mentions[ms[0]].start)
    joins: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for i, kind, evidence in groups.joins:
        joins[groups.find(i)].append((kind, evidence))
    entities = []
    for ms in ordered:
        typ = _vote_type(doc, ms)
        subtypes = Counter(doc.mentions[i].subtype for i in ms if doc.mentions[i].type == typ and doc.mentions[i].subtype)
        titles = []
        for i in ms:
            title = _title_of(doc.mentions[i], doc.spans[i][0])
            if title:
                titles.append(title)
            if doc.mentions[i].type == "PERSON":
                appos = _apposition_title(doc.text, doc.mentions[i].end)
                if appos:
                    titles.append(appos)
        subtype = subtypes.most_common(1)[0][0] if subtypes else None
        if subtype == "region" and 2 * subtypes["region"] < sum(doc.mentions[i].type == typ for i in ms):
            # "the Velmora region" once among bare mentions of Velmora: the region around the town,
            # named by it, is no reason to make every mention of the town a region's
            subtype = None
        entity = LocalEntity(
            name=_best_name(doc, ms, typ),
            type=typ,
            subtype=subtype,
            names=_dedupe(doc.name(i) for i in ms),
            titles=_dedupe(titles),
            mentions=list(ms),
            links=joins[groups.find(ms[0])],
        )
        for i in ms:
            doc.mentions[i].entity = len(entities)
        entities.append(entity)
    return entities


# Nouns for a kind of organisation that, after "the", refer back to the one organisation of the
# document whose name ends in them ("the alliance" after "the Guardians of the Valley Alliance").
# Vaguer nouns (group, organization, government, state) are left out: they refer too freely.
_ANAPHOR_HEADS = frozenset(
    "alliance coalition brigade battalion front movement ministry army council committee militia league "
    "union party corps command division regiment institute".split()
)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _anaphor_head(role: str) -> str | None:
    """"brigade" for "the brigade" / "the brigade's"; None for anything else."""
    words = _role_words(role)
    if len(words) != 2 or words[0][0] != "the" or words[1][1]:
        return None
    head = _singular(words[1][0])
    return head if head in _ANAPHOR_HEADS else None


def _ends_in(tokens: tuple[str, ...], head: str) -> bool:
    return bool(tokens) and _singular(tokens[-1]) == head


def _link_anaphor_definitions(doc: _Document, names: list[_Name], groups: _Groups,
                              anaphoric: list[tuple[int, int, str]]) -> None:
    for ai, si, pattern in anaphoric:
        head = _anaphor_head(doc.mentions[ai].text)
        roots = {groups.find(n.mentions[0]): n for n in names
                 if n.type == doc.mentions[ai].type and _ends_in(n.tokens, head or "")}
        if len(roots) == 1:
            (n,) = roots.values()
            a = doc.mentions[ai]
            evidence = " ".join(doc.text[a.start : doc.mentions[si].end + 1].split())
            groups.union(n.mentions[0], si, f"alias-definition:anaphor-{pattern}",
                         f"{evidence} ({a.text!r} = {n.text})")


def _link_roles(doc: _Document, entities: list[LocalEntity]) -> None:
    entity_names_of: dict[str, list[list[str]]] = defaultdict(list)
    for ent in entities:
        for n in ent.names:
            entity_names_of[fold(n)].append(ent.names)
    decided: list[tuple[int, int]] = []
    for i, m in enumerate(doc.mentions):
        if m.origin != "role" or m.type not in _TYPES:
            continue
        fits = _role_candidates(m.text, m.type, entities, entity_names_of)
        if len(fits) == 1:
            decided.append((i, fits[0], "role"))
            continue
        head = _anaphor_head(m.text)
        if head and not fits:
            fits = [k for k, ent in enumerate(entities)
                    if ent.type == m.type and any(_ends_in(_name_tokens(n), head) for n in ent.names)]
            if len(fits) == 1:
                decided.append((i, fits[0], "anaphor"))
    # titles are extended only after every role was decided, so that the order does not matter
    for i, k, kind in decided:
        ent, m = entities[k], doc.mentions[i]
        m.entity = k
        ent.mentions.append(i)
        if kind == "role":
            ent.links.append(("role", f"{m.text!r} -> {ent.name} (titles: {'; '.join(ent.titles)})"))
            ent.titles = _dedupe(ent.titles + [m.text])
        else:
            ent.links.append(("anaphor", f"{m.text!r} -> {ent.name}, the only name of its kind in the text"))


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def link_mentions(text: str, mentions: Sequence[EntityMention]) -> tuple[list[EntityMention], list[LocalEntity]]:
    """Group the mentions of one document into local entities.

    Returns new mention objects (the input is left untouched), sorted by position, with mentions
    added for alias names the text defines (origin "alias"), ``.entity`` set to an index into the
    returned entities (-1 for demonyms, pronouns and roles that fit no single entity), and the
    entities in order of first mention. Raises ``ValueError`` when a mention does not lie in
    ``text`` as its offsets say.
    """
    doc = _Document(text, _checked_copies(text, mentions))
    appositive, anaphoric = _apposition_definitions(doc) if doc.mentions else ([], [])
    defs = find_alias_definitions(text) + appositive + _or_translation_definitions(doc) if doc.mentions else []
    pairs = _add_definition_mentions(doc, defs)
    anaphor_pairs = _add_anaphor_definition_mentions(doc, anaphoric)
    _add_repeated_aliases(doc, pairs)

    # sort now (mention indices are final from here on), keeping the definition pairs
    order = sorted(range(len(doc.mentions)), key=lambda i: (doc.mentions[i].start, -doc.mentions[i].end, i))
    new_index = {old: new for new, old in enumerate(order)}
    doc.mentions = [doc.mentions[i] for i in order]
    doc.spans = [doc.spans[i] for i in order]
    pairs = [(new_index[li], new_index[si], d) for li, si, d in pairs]
    anaphor_pairs = [(new_index[ai], new_index[si], p) for ai, si, p in anaphor_pairs]

    groups = _Groups(len(doc.mentions))
    for li, si, d in pairs:
        groups.union(li, si, f"alias-definition:{d.pattern}", _definition_evidence(text, d))
    names = _distinct_names(doc, groups)
    _link_same_names(names, groups)
    _link_acronyms(names, groups)
    _link_org_short_forms(names, groups, [m.type for m in doc.mentions])
    _link_partial_names(names, groups)
    _link_anaphor_definitions(doc, names, groups, anaphor_pairs)
    entities = _build_entities(doc, groups)
    _link_roles(doc, entities)
    for ent in entities:
        ent.mentions.sort()
    return doc.mentions, entities
