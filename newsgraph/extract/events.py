"""Event mentions: which sentences report an event, of what type, by whom, against whom, where, when.

Entry points:

- :func:`find_events` over a parsed spaCy ``Doc`` and the document's entity mentions.
- :func:`classify_sentence` for one sentence of plain text: the category of its main event. With a
  spaCy pipeline it uses the same parse-based analysis as :func:`find_events`; without one it falls
  back to word matching (no parse), which is what ``plover_eval`` measures by default.

The typing scheme (PLOVER categories, modes, ACLED types, FIGHT vs ASSAULT) is in ``EVENTS.md``; the
trigger words are in :mod:`newsgraph.extract.event_lexicon`.

How a sentence is read
----------------------
1. Triggers: lexicon lemmas (and lemma sequences) in the sentence, skipping words inside names
   ("Popular Mobilization Forces") and the "asked not to be named" idiom.
2. Subsumption: a trigger inside the complement of a verbal act ("threatened to *attack*",
   "demanded the *release*", "agreed to *withdraw*") is that act's content, not a separate event.
   Content of factive acts ("condemned the *attack*") did happen and is kept as its own event.
   A promise or vow whose content is violent is a threat.
3. Grouping: violent triggers linked in the parse ("a drone *strike* *killed*", "stormed ...,
   *killing*") are one incident, typed by the most specific word; triggers joined as nouns by "and"
   or by "after"/"since" clauses are different incidents. Other triggers group by category.
4. Arguments: actor = subject / passive agent / possessor ("the group's attack"); target = object /
   passive subject / "on X" / "against X"; both sides of "between X and Y" are actors. Only mentions
   with a local entity (``entity >= 0``) are used. Location: a LOC mention attached by
   in/near/at/outside/... (directly or via "south of X"), else the dateline place.
5. Date: a time expression whose parse path reaches the event's words before any reporting verb
   ("killed ... *on Sunday*" yes; "officials said *on Sunday*" no). No such expression -> ``None``.
6. Polarity: ``negated`` (not/never on the trigger, or the direct object of "deny"), ``claimed``
   (under "claim"), ``hedged`` (reportedly, allegedly, ...), else ``asserted``.
7. Confidence: 0.55 for a verb trigger, 0.3 for a noun, +0.15 with actor/target, +0.1 with a date,
   +0.1 with a quantity, +0.05 with a location. Events below :data:`MIN_CONFIDENCE` (0.35) are
   dropped: that removes generic nominal uses ("the fighting", "attacks" in analysis) that carry
   no actor, target, date, quantity or place. A noun with only a place (below
   :data:`ANCHOR_CONFIDENCE`) is kept only when it has a date once its incident's are shared, and
   so is an act other than violence with no party at all (_anchored).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from newsgraph.extract.event_lexicon import (
    HEDGES,
    LEXICON,
    PHRASES,
    SPEECH_ACTS,
    SPEECH_VERBS,
    VIOLENT,
    Trigger,
    acled_type,
    lemma_candidates,
)
from newsgraph.entities.lexicon import AREA_WORDS, countryside_of
from newsgraph.extract import event_typer
from newsgraph.extract import acled
from newsgraph.extract import incidents
from newsgraph.extract.place_reference import located_place
from newsgraph.extract.quantities import COORDINATION, find_quantities
from newsgraph.extract.timex import find_dates, own_date
from newsgraph.kb.countries import country
from newsgraph.types import EntityMention, EventMention, Quantity

__all__ = ["find_events", "classify_sentence", "rule_category", "MIN_CONFIDENCE"]

MIN_CONFIDENCE = 0.35
# below this, a mention has a place and no other anchor (a noun trigger: 0.3 + 0.05); it is kept only
# with a date, its own or its incident's (_anchored)
ANCHOR_CONFIDENCE = 0.4
_WEAK = 2  # trigger weight at or below which a word only types a sentence that has nothing better

# Governors whose content is not asserted to have happened.
_IRREALIS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})
# Clause links that start a different event ("three days *after* militants killed ...").
_SEPARATE_MARKS = frozenset({"after", "before", "since", "following", "until", "unlike", "despite"})
# Prepositions that place an event (not content): "a meeting *in* Tikrit", "reached *at* a meeting".
_SETTING_CASES = frozenset({"at", "in", "during", "near", "outside", "inside", "on", "around", "across",
                            "after", "before", "since", "following", "amid", "under"})
_LOC_CASES = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "into", "on",
                        "from", "off", "towards", "toward", "between", "through", "along", "of", "to"})
_PLACE_HEADS = frozenset({"south", "north", "east", "west", "southwest", "southeast", "northwest",
                          "northeast", "south-west", "south-east", "north-west", "north-east",
                          "outskirts", "edge", "centre", "center", "village", "town", "city", "province", "quarter",
                          "neighbourhood", "neighborhood", "countryside",
                          "district", "area", "region", "border", "road", "highway", "suburb", "part",
                          "heart", "vicinity", "west", "kilometres", "kilometers", "miles"})
_LOC_RANK = {"facility": 0, "settlement": 1, "region": 2, "country": 3}
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Verbs that carry an event noun ("carried out an attack", "staged a protest"): the noun is as good as a verb.
_LIGHT_VERBS = frozenset("carry launch conduct stage mount claim perpetrate commit wage hold organize organise deny "
                         "execute undertake begin start step drop fire lob plant".split())
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,")
_ANONYMITY = re.compile(r"\b(?:asked|requested|spoke on condition)\b[^.]{0,30}\b(?:named|identified|anonymity)\b", re.I)
_COMBATANT_NOUNS = frozenset("fighter militant soldier troop gunman gunmen militiaman militiamen rebel insurgent "
                             "jihadist force unit army militia guard policeman policemen police".split())
# people who act for the group they come from ("fighters from the alliance")
_MEMBER_NOUNS = (_COMBATANT_NOUNS - {"force", "army", "militia", "police"}) | frozenset(
    "member leader official commander delegation volunteer officer".split())


@dataclass
class _Hit:
    trigger: Trigger
    tokens: list  # the trigger's tokens (several for a phrase)
    head: object  # the token that stands for the trigger in the parse
    subsumed_by: "_Hit | None" = None
    category: str = ""
    mode: str | None = None

    def __post_init__(self) -> None:
        self.category = self.trigger.category
        self.mode = self.trigger.mode


@dataclass
class _Event:
    hits: list[_Hit] = field(default_factory=list)
    content_ids: set[int] = field(default_factory=set)  # tokens of triggers this event's acts govern

    @property
    def best(self) -> _Hit:
        return max(self.hits, key=lambda h: (h.trigger.weight, -h.head.i))


# -- tokens without a parse ------------------------------------------------------------------------

@dataclass(eq=False)
class _PlainToken:
    """Just enough of a spaCy token for trigger matching on unparsed text."""

    i: int
    idx: int
    text: str
    lemmas: tuple[str, ...]
    pos_: str = ""
    dep_: str = ""
    ent_type_: str = ""
    head: "_PlainToken | None" = None
    children: tuple = ()

    @property
    def lower_(self) -> str:
        return self.text.lower()


_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d[\d,.]*|\S")


def _plain_tokens(text: str) -> list[_PlainToken]:
    toks = []
    for n, m in enumerate(_WORD.finditer(text)):
        w = m.group()
        t = _PlainToken(n, m.start(), w, lemma_candidates(w) if w[0].isalpha() else (w,))
        t.head = t
        toks.append(t)
    return toks


# -- trigger matching ------------------------------------------------------------------------------

def _lemmas(tok) -> tuple[str, ...]:
    if isinstance(tok, _PlainToken):
        return tok.lemmas
    lem = tok.lemma_.lower()
    low = tok.lower_
    return (lem,) if lem == low else (lem, low)


# Roles only a noun phrase fills. A word the tagger reads in its commoner sense ("the offensive"
# as an adjective) still heads a noun phrase when the parse gives it one of these: the parse wins.
_NOMINAL_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod"})


def _pos_ok(trig: Trigger, tok) -> bool:
    if not tok.pos_ or trig.pos == "*":
        return True
    if trig.pos == "V":
        return tok.pos_ in ("VERB",) or (tok.pos_ == "ADJ" and tok.tag_ == "VBN")
    if tok.pos_ == "NOUN":
        return True
    if tok.pos_ == "VERB":
        return tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_ROLES
    return tok.pos_ == "ADJ" and tok.dep_ in _NOMINAL_ROLES


_SKIPPABLE = frozenset({"the", "a", "an", "its", "their", "his", "her", "all", "of"})
# Phrases led by a verb may have a short object phrase inside ("expelled two Russian diplomats").
_GAPPY = frozenset(
    "hold reach strike lift ease drop cut sever break suspend freeze impose recall expel withdraw pull send "
    "put raise move test take round crack place shut block set blow open exchange trade violate breach "
    "establish restore upgrade normalize normalise seek call allow grant hand turn observe respect file bring "
    "press halt reduce stop end terminate curtail downgrade deport supply provide deliver share lay give "
    "step declare gun shoot hack train arm".split()
)
# Words the lemma guesser would misread as triggers ("according" is not "accord").
_NOT_TRIGGERS = frozenset({"according", "accordingly", "wounded", "dead", "injured"})
_LABOUR = frozenset("worker workers union unions employee employees teacher teachers doctors nurses labour labor "
                    "general nationwide open-ended strikers miners drivers staff".split())
_FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
_INTENT = frozenset({"ready", "willing", "prepared", "planning", "plans", "plan", "intends", "intend", "set",
                     "going", "expected", "due", "decided", "decides", "announced"})
_OBLIGATION = frozenset({"must", "should"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "refused", "refuses", "refuse", "failed", "fails", "fail"})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "RETREAT", "CONCEDE"})
# words a natural disaster or an accident shares with an attack ("the quake struck", "the blast")
_TOLL_WORDS = frozenset("strike hit destroy explode explosion blast fire burn attack".split())


def _in_name(tok, names: list[tuple[int, int]]) -> bool:
    if isinstance(tok, _PlainToken):
        # capitalised mid-sentence words are names ("Popular Mobilization Forces")
        return tok.i > 0 and tok.text[:1].isupper() and tok.text.lower() not in ("ied", "ieds")
    if tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "DATE", "TIME"):
        return True
    return any(s <= tok.idx < e for s, e in names)


def _match(tokens: list, names: list[tuple[int, int]], places: list[tuple[int, int]] = ()) -> list[_Hit]:
    hits: list[_Hit] = []
    used: set[int] = set()
    n = len(tokens)
    # phrases first (longest match), then single words
    lemma_lists = [_lemmas(t) for t in tokens]
    for k, tok in enumerate(tokens):
        if not any(lem in _PHRASES_BY_FIRST for lem in lemma_lists[k]) or k in used or _in_name(tok, names):
            continue
        best: tuple[int, Trigger, list] | None = None
        for first in lemma_lists[k]:
            for phrase, trig in _PHRASES_BY_FIRST.get(first, ()):
                pos, taken = k + 1, [k]
                ok = True
                gap = 3 if phrase[0] in _GAPPY else 2
                for word in phrase[1:]:
                    while pos < n and pos - taken[-1] <= gap and word not in lemma_lists[pos] and (
                        tokens[pos].lower_ in _SKIPPABLE or (phrase[0] in _GAPPY and tokens[pos].text[:1].isalnum())
                    ):
                        pos += 1
                    if pos < n and word in lemma_lists[pos]:
                        taken.append(pos)
                        pos += 1
                    else:
                        ok = False
                        break
                if ok and (best is None or len(taken) > len(best[2])):
                    best = (len(taken), trig, taken)
        if best is not None:
            toks = [tokens[j] for j in best[2]]
            hits.append(_Hit(best[1], toks, _phrase_head(toks)))
            used.update(best[2])
    for k, tok in enumerate(tokens):
        # "took", "grabbed", "won" are no triggers of their own: only ground taken makes them one
        taking = not isinstance(tok, _PlainToken) and tok.lemma_.lower() in _TERRITORY_TAKING
        if not (taking or any(lem in LEXICON for lem in lemma_lists[k])) or k in used or _in_name(tok, names):
            continue
        if tok.lower_ in _NOT_TRIGGERS or _hedge_use(tok):
            continue
        if _territory_taken(tok, places):
            hits.append(_Hit(_TERRITORY_TAKEN, [tok], tok))
            continue
        cands = [t for lem in lemma_lists[k] for t in LEXICON.get(lem, ()) if _pos_ok(t, tok)]
        if _pressing_on(tok):
            cands = [t for t in cands if t.category != "REQUEST"]
        if _describes_people(tok):
            cands = [t for t in cands if t.category in VIOLENT]
        if cands:
            trig = max(cands, key=lambda t: t.weight)
            hits.append(_Hit(trig, [tok], tok))
    for k, tok in enumerate(tokens):
        if k not in used and _people_taken(tok) and not any(h.head is tok for h in hits):
            hits.append(_Hit(_TAKEN_CAPTIVE, [tok], tok))
    return hits


# "pressed on with the assault", "pushed ahead with its offensive": going on with an act, no demand
_ONWARD = frozenset({"on", "ahead", "forward"})


def _pressing_on(tok) -> bool:
    return not isinstance(tok, _PlainToken) and tok.pos_ == "VERB" and any(
        c.dep_ in ("compound:prt", "advmod") and c.lower_ in _ONWARD for c in tok.children)


# verbs of alleging used as a hedge ("an alleged gas attack", "weapons are alleged to have been used"):
# they say how sure the report is of another event, not that anyone accused anyone
_HEDGE_LEMMAS = frozenset({"allege", "purport"})


def _hedge_use(tok) -> bool:
    """An alleging verb as a modifier of a noun ("13 alleged attacks") or in the impersonal passive
    with an infinitive and no agent ("are alleged to have been used"); "the group alleged that ..."
    and "was alleged by the ministry" are accusations."""
    if isinstance(tok, _PlainToken) or tok.lemma_.lower() not in _HEDGE_LEMMAS:
        return False
    if tok.dep_ == "amod":
        return True
    kids = list(tok.children)
    passive = any(c.dep_ == "aux:pass" for c in kids) or any(c.dep_ == "nsubj:pass" for c in kids)
    agent = any(c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case(c) == "by") for c in kids)
    return passive and not agent and any(c.dep_ == "xcomp" for c in kids)


# "the men were taken from a grazing area": people taken (not things seized) are abducted; "taken to
# hospital" / "taken into custody" are not
_TAKE_LEMMAS = frozenset({"take", "seize", "grab", "snatch"})
_HUMAN_NOUNS = frozenset(
    "man men woman women child children boy boys girl girls people person civilian civilians resident residents "
    "villager villagers farmer farmers shepherd shepherds herder herders worker workers journalist journalists "
    "reporter reporters student students pilgrim pilgrims tourist tourists driver drivers engineer engineers "
    "doctor doctors nurse nurses employee employees traveller travellers traveler travelers fisherman fishermen "
    "activist activists teacher teachers merchant merchants trader traders tribesman tribesmen "
    "relative relatives brother brothers son sons daughter daughters father mother wife husband".split())
_TAKEN_CAPTIVE = Trigger("ASSAULT", "abduct", 5, "V")


_GROUP_NOUNS = frozenset("agency agencies group groups organisation organisations organization organizations "
                        "official officials convoy convoys team teams delegation delegations".split())


def _describes_people(tok) -> bool:
    """"aid workers", "aid convoy", "talks delegation": a noun that only says what kind of people or
    group the phrase names is no event of its own."""
    if isinstance(tok, _PlainToken) or tok.dep_ != "compound":
        return False
    head = tok.head.lemma_.lower()
    return head in _HUMAN_NOUNS or head in _GROUP_NOUNS or tok.head.lower_ in _HUMAN_NOUNS


def _people_taken(tok) -> bool:
    if isinstance(tok, _PlainToken) or tok.tag_ != "VBN" or tok.lemma_.lower() not in _TAKE_LEMMAS:
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj:pass"]
    if not subj or not (subj[0].lower_ in _HUMAN_NOUNS or subj[0].ent_type_ == "PERSON"):
        return False
    return not any(_case(c) in ("to", "into", "for") for c in tok.children)


# "seized the town", "took Velmora", "seized 60 villages": territory taken by force is a FIGHT (PLOVER
# occupy; ACLED "non-state actor overtakes territory" / "government regains territory"), not a
# confiscation; "took place", "took part" or "took positions" take no territory
_TERRITORY_TAKING = frozenset({"take", "seize", "grab", "win"})
_TERRITORY_NOUNS = frozenset(
    "town towns city cities village villages hamlet hamlets area areas territory territories district districts "
    "neighbourhood neighbourhoods neighborhood neighborhoods quarter quarters suburb suburbs region province "
    "countryside hill hills hilltop hilltops mountain mountains ridge peak valley airport airbase base bases "
    "checkpoint checkpoints crossing crossings outpost outposts stronghold strongholds bastion kilometers "
    "kilometres km miles square island oilfield oilfields dam".split())
_TERRITORY_TAKEN = Trigger("FIGHT", "occupy", 4, "V")


def _territory_taken(tok, places) -> bool:
    if isinstance(tok, _PlainToken) or tok.pos_ != "VERB" or tok.lemma_.lower() not in _TERRITORY_TAKING:
        return False
    kids = list(tok.children)
    objs = [c for c in kids if c.dep_ in ("obj", "nsubj:pass")]
    for o in objs:
        if o.lemma_.lower() in _TERRITORY_NOUNS or o.lower_ in _TERRITORY_NOUNS:
            return True
        if o.pos_ == "PROPN" and (o.ent_type_ in ("GPE", "LOC", "FAC")
                                  or any(a <= o.idx < b for a, b in places)):
            return True
        # "seize it from the army": what is taken from an armed force is ground
        if o.pos_ == "PRON" and any(
                _case(c) == "from" and (c.ent_type_ == "ORG" or c.lemma_.lower() in _COMBATANT_NOUNS
                                        or c.lemma_.lower() in ("regime", "government", "group"))
                for c in kids if c.dep_.startswith("obl")):
            return True
    return False


def _build_phrase_index() -> dict[str, list[tuple[tuple[str, ...], Trigger]]]:
    idx: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for phrase, trig in PHRASES.items():
        idx.setdefault(phrase[0], []).append((phrase, trig))
    return idx


_PHRASES_BY_FIRST = _build_phrase_index()


def _phrase_head(toks: list):
    """The token of a phrase whose head lies outside the phrase ("opened fire" -> opened)."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i == t.i or t.head.i not in ids:
            return t
    return toks[0]


# -- sentence analysis ------------------------------------------------------------------------------

def _case(tok) -> str | None:
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return c.lower_
    return None


def _phrase_case(tok) -> str | None:
    """The preposition that opens a phrase, also when the parser hung it on the phrase's first word
    rather than on its head ("dozens of al-Dawn Front terrorists": "of" on "al")."""
    case = _case(tok)
    if case is not None:
        return case
    first = tok.left_edge
    if first.dep_ == "case" and first.i < tok.i and first.head.i != tok.i and first.head.head.i == tok.i:
        return first.lower_
    return None


def _path_up(tok, stop, limit: int = 10):
    """Tokens from ``tok`` (exclusive) up to ``stop`` or the root, with the dep label used at each step."""
    steps = []
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        steps.append((cur.dep_, _case(cur), cur.head))
        cur = cur.head
        if stop is not None and cur.i == stop.i:
            break
    return steps


def _subsumes(gov: _Hit, hit: _Hit, parsed: bool) -> bool:
    if not gov.trigger.governs or gov.category == hit.category or gov is hit:
        return False
    if not parsed:
        return gov.head.i < hit.head.i  # "X threatened to attack Y": the act comes first
    gov_ids = {t.i for t in gov.tokens}
    cur = hit.head
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        dep, case = cur.dep_, _case(cur)
        if dep in ("conj", "parataxis", "appos", "list", "dep", "reparandum"):
            return False
        # "called for stopping the attacks", "insisted on withdrawing": a clause the act's own
        # preposition introduces is its content, whatever the preposition
        own_marker = any(c.dep_ in ("case", "mark") and c.i in gov_ids for c in cur.children)
        if dep.startswith(("obl", "nmod", "advcl", "advmod")) and case in _SETTING_CASES and not own_marker:
            return False
        if dep.startswith("advcl") and case != "to" and not own_marker:
            return False
        cur = cur.head
        if cur.i in gov_ids:
            return True
    return False


def _linked(a: _Hit, b: _Hit) -> bool:
    """Two violent triggers describe the same incident (adjacent in the parse, not merely coordinated nouns)."""
    for x, y in ((a, b), (b, a)):
        h = x.head
        y_ids = {t.i for t in y.tokens}
        if h.dep_ == "compound" and h.head.pos_ == "NOUN" and h.head.i not in y_ids and h.head.i > h.i:
            h = h.head  # "attacks with rocket shells", "an attack with mortar rounds": the weapon's phrase
        if h.head.lemma_.lower() in _AMOUNT_NOUNS and _case(h) == "of" and h.head.i not in y_ids:
            h = h.head  # "pounding the town with tens of barrel bombs": the amount stands in its phrase's place
        governor = h.head
        if governor.i not in y_ids and governor.dep_ == "conj" and governor.pos_ == "VERB" and h.dep_.startswith("obl"):
            # "three were killed and four wounded in a gun battle": a phrase the coordinated verbs
            # share may hang on either of them
            governor = governor.head
        if h.head.i != h.i and governor.i in y_ids:
            dep, case = h.dep_, _case(h)
            if dep == "conj" and h.pos_ != "VERB":
                continue
            if case in _SEPARATE_MARKS:
                continue
            return True
        if _carried_to(h, y_ids):
            return True
    return False


_AMOUNT_NOUNS = frozenset("ten tens dozen dozens score scores hundred hundreds thousand thousands number series "
                          "wave waves volley volleys salvo salvos string spate round rounds couple".split())


def _carried_to(noun, y_ids: set[int]) -> bool:
    """"helicopters dropped barrel bombs ..., killing 20", "20 killed when jets dropped barrel bombs": an
    event noun carried by a verb that is no trigger ("dropped", "fired") belongs to the violent
    trigger that verb's participle or "when" clause links to it."""
    carrier = noun.head
    if noun.dep_ not in ("obj", "nsubj", "nsubj:pass", "obl") or noun.pos_ not in ("NOUN", "PROPN") \
            or carrier.pos_ != "VERB" or carrier.i in y_ids:
        return False
    for t in carrier.doc[carrier.left_edge.i:carrier.right_edge.i + 1]:
        # "dropped bombs ..., killing 20" (parsers hang the participle on the verb or on its object)
        if t.i in y_ids and t.dep_ in ("advcl", "acl") and t.tag_ == "VBG" and _case(t) not in _SEPARATE_MARKS \
                and any(a.i == carrier.i for a in list(t.ancestors)[:3]):
            return True
    # "20 killed when jets dropped bombs"
    return carrier.dep_ == "advcl" and carrier.head.i in y_ids and _case(carrier) not in _SEPARATE_MARKS


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _analyse(tokens: list, text: str, names: list[tuple[int, int]], parsed: bool,
             places: list[tuple[int, int]] = ()) -> list[_Event]:
    """Triggers -> events of one sentence (before arguments are attached). ``places``: spans of the
    sentence's place names (so "took Velmora" takes ground)."""
    if _ANONYMITY.search(text):
        tokens = [t for t in tokens if t.lower_ not in ("asked", "requested")]
    hits = _match(tokens, names, places)
    if not hits:
        return []
    _apply_context(hits, tokens)
    cats = {h.category for h in hits}
    hits = [h for h in hits if not h.trigger.needs or h.trigger.needs & (cats - {h.category})]
    # subsumption by verbal acts
    for h in hits:
        govs = [g for g in hits if _subsumes(g, h, parsed)]
        if govs:
            h.subsumed_by = min(govs, key=lambda g: g.head.i if not parsed else _depth(g.head))
    for g in hits:
        if g.category == "AGREE" and g.tokens[0].lower_.startswith(("vow", "pledge", "promis", "swore", "swear")):
            if any(h.subsumed_by is g and h.category in VIOLENT for h in hits):
                g.category, g.mode = "THREATEN", "violence"
    # a weapon's name is an event only where it is used ("a sarin attack", "the use of chlorine gas",
    # "fired chemical weapons"): "the army did not have chemical weapons", "stockpiles were destroyed"
    hits = [h for h in hits if not (parsed and h.mode == "unconventional" and h.head.pos_ in ("NOUN", "PROPN")
                                    and not _weapon_used(h, hits))]
    kept = [h for h in hits if h.subsumed_by is None
            or (h.subsumed_by.category not in _IRREALIS and h.category in VIOLENT)
            or _lemma_of(h.subsumed_by) == "deny"]
    # denying an incident is how the incident is reported (polarity), not a rejection event of its own
    kept = [g for g in kept if not (_lemma_of(g) == "deny" and any(h.subsumed_by is g for h in kept))]
    # "an earthquake struck ..., killing 40": the toll and the verbs of a disaster or an accident are
    # that event, not an attack
    if any(h.category in ("DISASTER", "ACCIDENT") for h in kept):
        kept = [h for h in kept if not (h.category in VIOLENT and (h.trigger.weight <= 1 or _lemma_of(h) in _TOLL_WORDS))]
    # a protest's demands are its topic, not a separate event (PLOVER, PROTEST ambiguities)
    if any(h.category == "PROTEST" for h in kept):
        kept = [h for h in kept if h.category != "REQUEST"]
    events: list[_Event] = []
    violent = [h for h in kept if h.category in VIOLENT]
    groups: list[list[_Hit]] = []
    for h in violent:
        joined = [g for g in groups if (not parsed) or any(_linked(h, x) for x in g)]
        if joined:
            merged = [x for g in joined for x in g] + [h]
            groups = [g for g in groups if g not in joined] + [merged]
        else:
            groups.append([h])
    groups = _join_tolls(groups) if parsed else groups
    events.extend(_Event(g) for g in groups)
    by_cat: dict[str, _Event] = {}
    for h in kept:
        if h.category not in VIOLENT:
            by_cat.setdefault(h.category, _Event()).hits.append(h)
    events.extend(by_cat.values())
    for ev in events:
        own = {id(h) for h in ev.hits}
        ev.content_ids = {t.i for h in hits if h.subsumed_by is not None and id(h.subsumed_by) in own for t in h.tokens}
    return events


_USE_WORDS = frozenset("use fire drop launch deploy employ unleash attack strike bomb shell hit kill".split())


def _weapon_used(hit: _Hit, hits: list[_Hit]) -> bool:
    """A weapon named with its use: a use verb or an attack noun governs it, it modifies one ("chemical
    weapons attack"), or another violent trigger of the sentence links to it."""
    tok = hit.head
    own = {t.i for t in hit.tokens}
    if tok.head.i not in own and tok.head.lemma_.lower() in _USE_WORDS:
        return True
    if any(c.lemma_.lower() in _USE_WORDS for c in tok.children if c.dep_ in ("acl", "amod")):
        return True  # "chlorine gas used against civilians"
    return any(h is not hit and h.category in VIOLENT and h.mode not in ("unconventional", "destroy") and _linked(h, hit)
               for h in hits)


def _join_tolls(groups: list[list[_Hit]]) -> list[list[_Hit]]:
    """A bare toll in a sentence with one violent incident is that incident's ("clashes erupted,
    claiming 10 killed and 15 injured", "a car bomb rocked the district, claiming eight and injuring
    14"): casualty words with no attacker of their own and no "after/since" of their own join it."""
    def toll_only(g: list[_Hit]) -> bool:
        for h in g:
            if h.trigger.weight > 1 or h.category not in VIOLENT:
                return False
            tok = h.head
            if any((c.dep_ == "nsubj" and not _reduced_passive(tok)) or (c.dep_.startswith("obl") and _case(c) == "by")
                   for c in tok.children):
                return False
            if any(_case(t) in _SEPARATE_MARKS for t in [tok, *list(tok.ancestors)[:3]]):
                return False
        return True

    tolls = [g for g in groups if toll_only(g)]
    others = [g for g in groups if not toll_only(g)]
    if len(others) != 1 or not tolls:
        return groups
    return [others[0] + [h for g in tolls for h in g]]


def _apply_context(hits: list[_Hit], tokens: list) -> None:
    """Retype triggers by the words around them: modality (PLOVER: future cooperation is AGREE, a
    future use of force or restriction is a THREATEN, "must" is a REQUEST, "will not meet" a REJECT)
    and labour strikes."""
    pos = {id(t): k for k, t in enumerate(tokens)}
    words = {t.lower_ for t in tokens}
    for h in hits:
        if _lemma_of(h) == "strike" and len(h.tokens) == 1 and words & _LABOUR:
            h.category, h.mode = "PROTEST", "strike"
        k = pos.get(id(min(h.tokens, key=lambda t: t.i)))
        if k is None or h.category in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
            continue
        before = []
        for t in reversed(tokens[max(0, k - 4):k]):
            if not t.text[:1].isalnum() and t.text not in ("n't", "'ll"):
                break
            before.append(t.lower_)
        cues = set(before)
        if "due" in cues and not _scheduled(before):
            cues.discard("due")  # "killed due to rocket attacks" gives a cause, not an intent
        negated = bool(cues & _NEG_WORDS)
        future = bool(cues & _FUTURE) or (bool(cues & _INTENT) and "to" in cues)
        if negated and h.category in _COOPERATIVE:
            h.category, h.mode = "REJECT", None
        elif cues & _OBLIGATION and not negated:
            h.category, h.mode = "REQUEST", None
        elif future and not negated:
            if h.category in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
                h.category, h.mode = "AGREE", None
            elif h.category == "RETREAT":
                h.category = "CONCEDE"
            elif h.category in VIOLENT or h.category in ("COERCE", "SANCTION", "PROTEST", "MOBILIZE"):
                h.mode = "violence" if h.category in VIOLENT else h.mode
                h.category = "THREATEN"


_BE = frozenset({"is", "are", "was", "were", "be", "been", "'s", "'re"})


def _scheduled(before: list[str]) -> bool:
    """"X is due to visit": "due" after a form of "be" schedules; "due to" alone gives a cause.
    ``before``: the words before the trigger, nearest first."""
    k = before.index("due")
    return k + 1 < len(before) and before[k + 1] in _BE


def _typed_by_context(hit: _Hit) -> bool:
    """The hit's category comes from the words around it (modality, a labour strike) or from what it
    governs in the parse (ground taken), not from the word alone: the trained typer leaves it be."""
    return hit.category != hit.trigger.category or hit.trigger is _TERRITORY_TAKEN


def _lemma_of(hit: _Hit) -> str:
    return _lemmas(hit.head)[0]


def _main_event(events: list[_Event], parsed: bool) -> _Event | None:
    if not events:
        return None
    if parsed:
        return min(events, key=lambda e: (min(_depth(h.head) for h in e.hits), -e.best.trigger.weight))
    # no parse: news sentences put the main event early (subject, verb); weak words only when alone
    strong = [e for e in events if e.best.trigger.weight > _WEAK] or events
    return min(strong, key=lambda e: min(h.head.i for h in e.hits))


def rule_category(text: str, nlp=None) -> tuple[str | None, bool]:
    """The lexicon's category of the main event of one sentence (``None`` if no trigger), and whether
    its trigger is weak (a word that only types a sentence with nothing better)."""
    if not text or not text.strip():
        return None, False
    if nlp is not None:
        doc = nlp(text)
        names = [(e.start_char, e.end_char) for e in doc.ents]
        main = _main_event(_analyse(list(doc), text, names, parsed=True, places=_place_ents(doc)), parsed=True)
    else:
        main = _main_event(_analyse(_plain_tokens(text), text, [], parsed=False), parsed=False)
    return (main.best.category, main.best.trigger.weight <= _WEAK) if main else (None, False)


def _place_ents(doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]


def _retyped_by_context(text: str, nlp=None) -> bool:
    """Whether the main event's category comes from the words around its trigger (modality, labour
    strikes) rather than from the trigger itself: the trained typer leaves such readings alone."""
    if nlp is not None:
        doc = nlp(text)
        main = _main_event(_analyse(list(doc), text, [(e.start_char, e.end_char) for e in doc.ents], parsed=True,
                                    places=_place_ents(doc)), parsed=True)
    else:
        main = _main_event(_analyse(_plain_tokens(text), text, [], parsed=False), parsed=False)
    return main is not None and _typed_by_context(main.best)


def classify_sentence(text: str, nlp=None, use_model: bool = True) -> str | None:
    """The PLOVER category (or FIGHT, or a non-conflict type) of the main event of one sentence,
    ``None`` if none is found.

    With ``nlp`` (a spaCy pipeline with a parser) the sentence is parsed; without, words are matched.
    The lexicon's reading is combined with the trained typer (:func:`event_typer.combine`) unless
    ``use_model`` is false or no typer is installed.
    """
    category, weak = rule_category(text, nlp)
    typer = event_typer.load() if use_model and text and text.strip() else None
    if typer is None or (category is not None and _retyped_by_context(text, nlp)):
        return category
    return event_typer.combine(category, typer.categories([text])[0], weak, typer.thresholds)


# -- arguments --------------------------------------------------------------------------------------

def _mention_index(mentions: list[EntityMention]) -> list[EntityMention]:
    return sorted((m for m in mentions if m.entity >= 0), key=lambda m: m.start)


def _is_member_noun(tok) -> bool:
    return bool(_MEMBER_NOUNS & {tok.lemma_.lower(), tok.lower_, tok.lower_[:-1]})


def _mentions_for(tok, mentions: list[EntityMention], conj: bool = True) -> list[EntityMention]:
    """Mentions naming the noun phrase headed by ``tok`` (its own words, compounds and "of" parts,
    coordinated phrases unless ``conj`` is false), not those inside relative clauses or appositions."""
    spans = []
    stack = [tok]
    own = ("compound", "flat", "flat:name", "amod", "nmod:poss", "det", "nummod") + (("conj",) if conj else ())
    while stack:
        t = stack.pop()
        spans.append((t.idx, t.idx + len(t.text)))
        for c in t.children:
            if c.dep_ in own or (
                c.dep_ == "nmod" and (_phrase_case(c) == "of" or (_phrase_case(c) == "from" and _is_member_noun(t)))
            ):
                stack.append(c)
    out = []
    for m in mentions:
        if any(m.start < e and s < m.end for s, e in spans):
            out.append(m)  # places too: find_events makes a place attacked the event's place, never an actor
    return out


# "fight on behalf of X", "on the side of X": X is whom the fighting serves, not whom it hits
_ALLY_NOUNS = frozenset({"behalf", "side"})


def _roles(event: _Event, mentions: list[EntityMention]) -> tuple[list[EntityMention], list[EntityMention]]:
    actors: list[EntityMention] = []
    targets: list[EntityMention] = []
    for h in event.hits:
        tok = h.head
        deny_subject = False
        partners: list[EntityMention] = []  # "with X": the other side when someone else acts, else a side
        for c in tok.children:
            dep, case = c.dep_, _case(c)
            if dep == "nsubj" and _reduced_passive(tok):
                targets += _mentions_for(c, mentions)
            elif dep in ("nsubj", "csubj") and _mutual(h) and any(g.dep_ == "conj" for g in c.children):
                # "Norland and Velmora agreed to halt the bombing": the first named, and the other party
                first, others = _first_and_others(_antecedent(c))
                actors += _mentions_for(first, mentions, conj=False)
                targets += [m for o in others for m in _mentions_for(o, mentions)]
            elif dep in ("nsubj", "csubj"):
                actors += _mentions_for(_antecedent(c), mentions)
            elif dep in ("nsubj:pass", "obj", "iobj") and not _trailing_source(c):
                targets += _mentions_for(c, mentions)
                if dep == "obj":
                    targets += [m for t in _holders(h, c) for m in _mentions_for(t, mentions)]
            elif dep.startswith(("obl", "nmod")) and case == "by":
                actors += _mentions_for(c, mentions)
            elif dep.startswith(("obl", "nmod")) and case in ("on", "against", "upon", "targeting") \
                    and c.lemma_.lower() not in _ALLY_NOUNS:
                targets += _mentions_for(c, mentions)
            elif dep.startswith(("obl", "nmod")) and case == "between" and any(g.dep_ == "conj" for g in c.children):
                # "an understanding between X and Y", "clashes between X and Y": X one side, Y the other
                first, others = _first_and_others(c)
                actors += _mentions_for(first, mentions, conj=False)
                targets += [m for o in others for m in _mentions_for(o, mentions)]
            elif dep.startswith(("obl", "nmod")) and case in ("between", "with", "among"):
                partners += _mentions_for(c, mentions)
            elif dep.startswith(("obl", "nmod")) and case == "to" and h.category in _GIVING:
                targets += _mentions_for(c, mentions)  # "sent reinforcements to X": X receives them
            elif dep.startswith(("obl", "nmod")) and case == "from" and h.mode == "occupy":
                targets += _mentions_for(c, mentions)  # "to seize the town from X": X held it
            elif _said_from(h, c):
                actors += _mentions_for(c, mentions)  # "condemnation from X": X said it
            elif dep == "nmod:poss" or (dep == "compound" and c.pos_ == "PROPN") or (dep == "amod" and (c.ent_type_ or c.tag_ == "NNP")):
                actors += _mentions_for(c, mentions)
        if h.mode == "occupy":
            targets += [m for t in _holders(h, tok) for m in _mentions_for(t, mentions)]
        if not targets:
            targets += [m for t in _accused(h) for m in _mentions_for(t, mentions)]
        if partners:
            (targets if actors else actors).extend(partners)
        # participles and infinitives share the subject of the verb they hang on
        if not actors and tok.dep_ in _SHARING_DEPS and tok.head.i != tok.i:
            if h.subsumed_by is not None and _lemma_of(h.subsumed_by) == "deny":
                deny_subject = True
            if not deny_subject:
                for c in _shared_subjects(tok):
                    actors += _mentions_for(c, mentions)
        for t in _agent_tokens(tok):
            actors += _mentions_for(t, mentions)
        for t in _sides_of_happening(tok):
            # "between X and Y": X one side, Y the other
            if _case(t) == "between" and any(c.dep_ == "conj" for c in t.children):
                actors += _mentions_for(t, mentions, conj=False)
                targets += [m for c in t.children if c.dep_ == "conj" for m in _mentions_for(c, mentions)]
            else:
                actors += _mentions_for(t, mentions)
        carrier = _carrier(tok)
        if carrier is not None and not actors:
            for c in carrier.children:
                if c.dep_ == "nsubj" or (c.dep_.startswith("obl") and _case(c) == "by"):
                    actors += _mentions_for(_antecedent(c) if c.dep_ == "nsubj" else c, mentions)
                elif c.dep_.startswith("obl") and _case(c) in ("on", "against", "upon", "at") \
                        and c.lemma_.lower() not in _ALLY_NOUNS:
                    targets += _mentions_for(c, mentions)
        # a noun trigger that is the subject of a verb: the verb's object is the target
        if tok.dep_ in ("nsubj",) and tok.head.i != tok.i:
            for c in tok.head.children:
                if c.dep_ in ("obj",) and not _trailing_source(c):
                    targets += _mentions_for(c, mentions)
        # "X claimed (responsibility for) the attack": X is the actor
        claim = _claimer(tok)
        if claim is not None:
            for c in claim.children:
                if c.dep_ == "nsubj":
                    actors += _mentions_for(c, mentions)
    seen: set[int] = set()
    actors = [m for m in actors if not (m.entity in seen or seen.add(m.entity))]
    targets = [m for m in targets if m.entity not in seen and not (m.entity in seen or seen.add(m.entity))]
    return actors, targets


def _said_from(hit: _Hit, phrase) -> bool:
    """"condemnation from the opposition", "a request from Velmora": the "from" phrase of a noun of a
    verbal act names who made it."""
    tok = hit.head
    return hit.category in SPEECH_ACTS and tok.pos_ == "NOUN" and phrase.dep_.startswith("nmod") \
        and _case(phrase) == "from" and phrase.pos_ in ("NOUN", "PROPN")


# verbs of condemning whose content clause says who did the act condemned: "condemned the crimes the
# militias are committing" (parsers hang such a relative clause on the verb as its content)
_CONDEMN_LEMMAS = frozenset("condemn denounce deplore decry criticize criticise slam censure rebuke lambast".split())


def _accused(hit: _Hit) -> list:
    """Whom an accusation is against when its object is an act, not a party: the doer its phrase names.
    A nationality or armed kind on the act noun ("condemned the escalating Norlandic aggression"),
    its possessor, its "by" agent, on the noun or on a participle on it ("the atrocities committed by
    the militia"), the subject of a clause that describes it ("the crimes the militias are
    committing"). Empty for any other act, or an object that is itself a party."""
    tok = hit.head
    if hit.category != "ACCUSE" or isinstance(tok, _PlainToken):
        return []
    objects = [c for c in tok.children if c.dep_ == "obj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    out = []
    for o in objects:
        if o.pos_ != "NOUN" or o.ent_type_ or acled.inter_of_noun(o.lower_) is not None \
                or acled.inter_of_noun(o.lemma_.lower()) is not None:
            continue  # a party accused is the object itself, which the role rules read
        for c in o.children:
            if c.dep_ in ("amod", "compound") and c.i < o.i and (
                    c.ent_type_ == "NORP" or acled.inter_of_noun(c.lower_) in _ARMED_INTER):
                out.append(c)
            elif c.dep_ == "nmod:poss" or (c.dep_.startswith(("nmod", "obl")) and _case(c) == "by"):
                out.append(c)
            elif c.dep_.startswith("acl"):
                out += [a for a in c.children if a.dep_.startswith("obl") and _case(a) == "by"
                        or a.dep_ == "nsubj" and a.pos_ in ("NOUN", "PROPN")]
    if tok.lemma_.lower() in _CONDEMN_LEMMAS and not out:
        out += [a for cl in tok.children if cl.dep_ == "ccomp"
                for a in cl.children if a.dep_ == "nsubj" and a.pos_ in ("NOUN", "PROPN")]
    return out


# acts whose "to" phrase names who receives them ("sent reinforcements to X", "delivered aid to X")
_GIVING = frozenset({"MOBILIZE", "AID", "SUPPORT"})
# acts two parties do with each other: coordinated subjects are the two sides ("X and Y agreed")
_MUTUAL_LEMMAS = frozenset("agree meet talk negotiate reconcile clash".split())


_TRAILING_REPORT_WORDS = frozenset("reports reported said says added stated".split())


def _trailing_source(noun) -> bool:
    """"... killed ten on Friday the Dawn Observatory reports": a feed without commas, read by the
    parser as a second object; the phrase ends the sentence with a word of reporting, so it is who
    reports, not who suffered."""
    last = noun.right_edge
    if last.lower_ not in _TRAILING_REPORT_WORDS or last.i == noun.i:
        return False
    rest = noun.doc[last.i + 1:noun.sent.end]
    return all(t.is_punct for t in rest)


def _mutual(hit: _Hit) -> bool:
    """An act done together whose verb names no one else it is done to: "X and Y agreed", "X and Y
    clashed" (not "X and Y agreed to X's terms", "X and Y attacked the town")."""
    tok = hit.head
    if isinstance(tok, _PlainToken) or tok.pos_ != "VERB" or _lemma_of(hit) not in _MUTUAL_LEMMAS:
        return False
    return not any(c.dep_ in ("obj", "iobj") or (c.dep_.startswith("obl") and _case(c) in ("with", "against", "between"))
                   for c in tok.children)


def _first_and_others(tok) -> tuple[object, list]:
    """"X and Y", "X as well as Y and Z": the first conjunct and the rest (conjuncts hang on the first)."""
    return tok, [c for c in tok.children if c.dep_ == "conj"]


_CONTROL_PARTICIPLES = frozenset("hold control occupy run seize capture".split())


def _holders(hit: _Hit, tok) -> list:
    """Who held the ground an act of taking took: "took territory held by X", "seized the town
    controlled by X" (parsers hang the participle on the ground or on the verb)."""
    if hit.mode != "occupy" or isinstance(tok, _PlainToken):
        return []
    return [a for v in tok.children
            if v.dep_ in ("acl", "xcomp", "advcl") and v.tag_ == "VBN" and v.lemma_.lower() in _CONTROL_PARTICIPLES
            for a in v.children if a.dep_.startswith("obl") and _case(a) == "by"]


_SHARING_DEPS = ("advcl", "xcomp", "conj", "acl")
# "in a bid to capture", "in an attempt to seize": the attempt is its subject's, and so is the act
_ATTEMPT_NOUNS = frozenset("bid attempt effort push drive".split())


def _attempt(tok) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _ATTEMPT_NOUNS


# what an act of taking is the aim of, when the taking is yet to come: an attempt ("in an attempt to
# seize"), an operation launched for it ("launched an operation to seize control over X")
_AIM_NOUNS = _ATTEMPT_NOUNS | frozenset("operation offensive campaign assault advance".split())
_AIM_VERBS = frozenset("try attempt seek aim strive launch begin start".split())


def _attempted_taking(event: _Event) -> bool:
    """Ground to be taken is no ground taken: "advanced in an attempt to seize the town", "launched an
    operation to seize control over X" report fighting for it (ACLED: armed clash), not a territory
    overtaken; "took the town in a bid to reach the border" took it."""
    occupying = [h for h in event.hits if h.mode == "occupy"]
    if not occupying:
        return False
    for h in occupying:
        tok = h.head
        if isinstance(tok, _PlainToken) or tok.pos_ != "VERB" or not any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children):
            return False
        gov = tok.head
        if gov.dep_ == "acl" and gov.tag_ in ("VBN", "VBD") and gov.head.i != gov.i:
            gov = gov.head  # "an operation called X to seize": the operation's aim
        if not (gov.pos_ == "NOUN" and gov.lemma_.lower() in _AIM_NOUNS
                or gov.pos_ == "VERB" and gov.lemma_.lower() in _AIM_VERBS):
            return False
    return True


def _shared_subjects(tok, limit: int = 3) -> list:
    """The subject a verb without one of its own shares: its governor's, up a chain of infinitives,
    participles and coordinated verbs ("the Dawn Front managed to advance and kill ten": the subject
    of "managed") and through an attempt ("advanced in a bid to capture the town"). The chain stops
    at a governor with a passive or clausal subject, or at any other noun: neither says who acted,
    except for a speech act's participle inside what a speaker said (``_speakers_act``). A relative
    pronoun stands for the noun its clause describes."""
    cur = tok
    for step in range(limit):
        if cur.head.i == cur.i or not (cur.dep_ in _SHARING_DEPS or _attempt(cur) and cur.dep_ in ("obl", "nmod")):
            return _speakers_act(tok)
        if step and any(c.dep_ in ("nsubj:pass", "csubj", "expl") for c in cur.children):
            return _speakers_act(tok)
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and _active_participle(cur):
            return [_first_conjunct(cur.head)]  # "Dawn Front fighters targeted with shells the town"
        cur = cur.head
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        if subjects:
            return [_antecedent(c) for c in subjects]
        if any(c.dep_ == "nsubj:pass" for c in cur.children):
            return _speakers_act(tok)
        if cur.pos_ not in ("VERB", "AUX") and not _attempt(cur) or any(c.dep_ == "csubj" for c in cur.children):
            return _speakers_act(tok)
    return _speakers_act(tok)


def _speakers_act(tok):
    """ "X stated that 80 people were killed in Velmora province, blaming Y": a speech act's participle
    with no subject of its own, that the parser hung inside the clause of what was said (on its
    passive verb, on a noun), is the speaker's act; its subject is the speaker's."""
    if tok.tag_ != "VBG" or not any(t.category in SPEECH_ACTS for t in LEXICON.get(tok.lemma_.lower(), ())):
        return []
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return []
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_VERBS:
            return [_antecedent(c) for c in cur.head.children if c.dep_ == "nsubj"]
        cur = cur.head
    return []


def _active_participle(verb) -> bool:
    """A past form the parser hung on a noun as a participle though it has an object of its own and no
    agent ("gunmen targeted with rockets the area", feeds without commas): an active clause whose
    subject is that noun. "Civilians targeted by the shelling" and "the town targeted on Monday" are
    passive."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_.startswith("obl") and _case(c) == "by" or c.dep_ == "obl:agent"
                                               for c in verb.children):
        return False  # "a coalition fighting militants" is read by the participle rules as it is
    return any(c.dep_ == "obj" or (c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN")) for c in verb.children)


def _first_conjunct(tok):
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _antecedent(subject):
    """"the resolution, which called for observers": a relative pronoun subject stands for the noun
    its clause describes; "the Dawn Front said it shelled the town": a pronoun subject of what a
    speaker says is the speaker, when they agree (see _speaker_of)."""
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "acl:relcl" and subject.head.head.i != subject.head.i:
        return subject.head.head
    return _speaker_of(subject) or subject


_SPEAKER_PRONOUNS = {"it": "thing", "he": "person", "she": "person", "they": "group", "we": "group"}


def _speaker_of(pronoun):
    """The subject of the verb of saying whose content holds ``pronoun`` as a subject ("X said it
    carried out the attack", "X said on Monday that they had shelled the town"), when the two agree:
    "he"/"she" a person, "it" no person, "they"/"we" a group or a plural. None otherwise."""
    kind = _SPEAKER_PRONOUNS.get(pronoun.lower_)
    if kind is None or pronoun.tag_ != "PRP":
        return None
    clause = pronoun.head
    for _ in range(3):  # "said it had tried to attack": up the content's own verb chain
        if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in SPEECH_VERBS:
            break
        if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
            return None
        clause = clause.head
    else:
        return None
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if len(speakers) != 1:
        return None
    sp = speakers[0]
    person = sp.ent_type_ == "PERSON"
    if kind == "person" and person or kind == "thing" and not person and sp.tag_ in ("NN", "NNP") \
            or kind == "group" and not person and (sp.tag_ in ("NNS", "NNPS") or sp.ent_type_ in ("ORG", "NORP")):
        return sp
    return None


def _claimer(tok):
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        prev, cur = cur, cur.head
        if cur.lemma_.lower() == "claim":
            return None if _claims_a_toll(cur, prev) else cur
        if cur.pos_ == "VERB":
            return None
    return None


def _claims_a_toll(claim, via) -> bool:
    """"clashes erupted, claiming at least 10 killed", "the blast claimed 12 lives": "claim" with a count
    of dead is the toll of an event, not a party claiming it."""
    if via.dep_ == "xcomp" and any(c.dep_ == "nummod" or c.like_num for c in via.children):
        return True
    return any(c.dep_ == "obj" and (c.like_num or c.lemma_.lower() in ("life", "lives")
                                    or any(g.dep_ == "nummod" for g in c.children)) for c in claim.children)


# a report's source: who says an incident happened is no party to it ("killed ten, the Observatory
# said"). "claim" is left out: who claims an attack did it.
_REPORTING_VERBS = SPEECH_VERBS - {"claim"}
_ADDED_REPORT_DEPS = ("conj", "parataxis", "advcl")  # how parsers hang a trailing "X said" on its clause
_REPORTED_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis", "advcl", "conj")  # what a reporting verb says
_REPORTED_AS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "csubj"})


def _reporting_words(sent) -> list:
    """The tokens of a sentence that ``_reporting_sources`` looks at ("according", reporting verbs),
    in order: found once per sentence, not once per event of it."""
    return [tok for tok in sent if tok.lemma_.lower() == "accord" or tok.lower_ == "according"
            or (tok.lemma_.lower() in _REPORTING_VERBS and tok.pos_ == "VERB")]


def _reporting_sources(event: _Event, words_of: dict[int, list] | None = None) -> list:
    """Noun phrases that name the source reporting the event rather than a side in it: the subject
    of a reporting verb whose clause carries the event ("the monitor said air raids killed ten",
    "air raids killed ten, the monitor said"), the object a feed without commas leaves right before a
    subjectless reporting verb ("killed ten civilians the monitor said"), and "according to X".
    A reporting verb whose own object or subject is the event ("announced the withdrawal") makes its
    subject the actor, not a source, and stays out. ``words_of``: the sentences' reporting words
    found so far (by the sentence's first token), shared by the events of a document."""
    heads = [h.head for h in event.hits if not isinstance(h.head, _PlainToken)]
    if not heads:
        return []
    own = {t.i for h in event.hits for t in h.tokens}
    out = []
    sent = heads[0].sent
    carriers = [c for c in (_carrier(h) for h in heads) if c is not None]
    spoken_for = {sp.i for v in heads + carriers for c in v.children if c.dep_ == "nsubj"
                  for sp in [_speaker_of(c)] if sp is not None}
    if words_of is None:
        words = _reporting_words(sent)
    elif sent.start in words_of:
        words = words_of[sent.start]
    else:
        words = words_of[sent.start] = _reporting_words(sent)
    for tok in words:
        if tok.lemma_.lower() == "accord" or tok.lower_ == "according":
            out += [tok.head] if tok.dep_ in ("case", "fixed", "mwe") or tok.head.dep_.startswith("obl") else []
            out += [c for c in tok.children if c.dep_.startswith("obl") or c.dep_ == "pobj"]
            continue
        if tok.lemma_.lower() not in _REPORTING_VERBS or tok.pos_ != "VERB" or tok.i in own:
            continue
        nominal = [c for c in tok.children if c.dep_ in _REPORTED_AS]
        if any(h.i in {t.i for c in nominal for t in c.subtree} for h in heads):
            continue  # "announced the withdrawal": what was said is the event's own noun
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        # "X said it shelled the town": X reports what it did itself, and stays its actor
        out += [c for c in subjects if c.i not in spoken_for]
        if subjects:
            continue
        # the reported clause hangs on the reporting verb or the reporting verb on it, by either parse
        clauses = [h for h in heads if (h.head.i == tok.i and h.dep_ in ("ccomp", "parataxis"))
                   or (tok.head.i == h.i and tok.dep_ in _ADDED_REPORT_DEPS)]
        for verb in clauses:
            before = [c for c in verb.children if c.dep_ == "obj" and c.i < tok.i]
            if len(before) >= 2 and not [t for t in tok.doc[before[-1].right_edge.i + 1:tok.i] if not t.is_punct]:
                out.append(before[-1])  # two objects in a row: the second is the unseparated source
    return out


def _outside(mentions: list[EntityMention], phrases: list) -> list[EntityMention]:
    spans = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)) for p in phrases]
    return [m for m in mentions if not any(s <= m.start < e for s, e in spans)]


# participles of a compound that says who holds a place ("rebel-held", "regime-controlled")
_CONTROL_LEMMAS = frozenset("hold control besiege siege occupy run dominate administer encircle".split())
# prepositions by which a place on the event's own noun is where it happened: "the siege of X", "the
# battle for X", "seized control over X"
_GROUND_CASES = frozenset({"of", "for", "over"})


def _control_participle(tok) -> bool:
    """"rebel-held", "regime-controlled": a participle of holding joined by a hyphen to who holds."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() in _CONTROL_LEMMAS and tok.i > 0 \
        and tok.doc[tok.i - 1].text in ("-", "‐", "–")


def _place_phrase(root):
    """The token a place's phrase hangs by and its preposition. "In rebel-held X", which the parser
    reads as a participle "held" with X as its object, hangs by the participle: the compound says
    who holds the place, the place is still where it happened."""
    if root.dep_ == "obj" and root.head.i != root.i and _control_participle(root.head):
        return root.head, _case(root.head)
    return root, _case(root)


def _attack_word(tok) -> bool:
    """A word the lexicon reads as an attack or a fight ("shelled", the "bombing" of "stopped bombing")."""
    return any(t.category in VIOLENT for t in LEXICON.get(tok.lemma_.lower(), ()))


def _location(event: _Event, sent, mentions: list[EntityMention], text: str) -> EntityMention | None:
    """``text`` is the document's text: spaCy's ``doc.text`` joins every token of the document on
    each access (read here once per place mention, that was a sixth of the whole facts stage)."""
    locs = [m for m in mentions if m.type == "LOC" and sent.start_char <= m.start < sent.end_char]
    if not locs:
        return None
    doc = sent.doc
    own = {t.i for h in event.hits for t in h.tokens}
    violent = any(h.category in VIOLENT for h in event.hits)
    attached = []
    for m in locs:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root, case = _place_phrase(span.root)
        ok = case in _LOC_CASES and case not in ("of", "to")
        if not ok and root.head.i != root.i and root.head.lower_ in _PLACE_HEADS:
            ok = _case(root.head) in _LOC_CASES or root.head.dep_ in ("advmod", "obl", "nmod")
        if not ok and case == "of" and root.head.lower_ in _PLACE_HEADS:
            ok = True
        if not ok and violent and case in _GROUND_CASES and root.head.i in own:
            ok = True  # "the siege of X", "the battle for X", "seize control over X"
        if not ok and case is None and root.dep_ == "obj" and root.head.i in own and _attack_word(root.head):
            ok = True  # "shelled X", "stopped bombing X": the place attacked is where it happened
        if ok:
            dist = min(abs(root.i - h.head.i) for h in event.hits)
            # "X west of Y", "X near the city of Y": the event is in X; Y only says where X lies
            m = located_place(m, mentions, text) or m
            attached.append((_LOC_RANK.get(m.subtype or "", 2), dist, m))
    if attached:
        return min(attached, key=lambda x: (x[1] > 12, x[0], x[1]))[2]
    # the dateline ("TIKRIT, Iraq (ALP) —") places the lead sentence's events
    if locs[0].start == sent.start_char and _DATELINE.match(sent.text):
        return locs[0]
    return None


# verbal acts placed where they were said; an agreement is placed where it applies (ACLED), which its
# content names ("agreed to hand over its checkpoints in Velmora")
_SAID_ACTS = SPEECH_ACTS - {"AGREE"}


def _own_setting(loc: EntityMention, event: _Event, sent) -> bool:
    """Whether a place is where a verbal act itself happened ("condemned the attack at a news conference
    in Lyon", a dateline), not a place its content mentions ("accused Norland of killing civilians in
    Velmora", "called for observers in Velmora"): the place phrase hangs on the act's own word."""
    span = sent.doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None:
        return False
    if loc.start == sent.start_char and _DATELINE.match(sent.text):
        return True
    own = {t.i for h in event.hits for t in h.tokens}
    cur = span.root
    for _ in range(4):  # up through the place phrase: "the town of X", "X city", "north of X"
        if cur.head.i in own:
            return cur.dep_.startswith(("obl", "advmod")) or (cur.dep_.startswith("nmod") and _case(cur) not in ("of", "over", "against", "on"))
        # "at a news conference in Lyon": the place of the occasion the act took place at
        occasion = cur.dep_.startswith("nmod") and _case(cur) in ("in", "at") and cur.head.dep_.startswith("obl") \
            and _case(cur.head) in ("at", "in", "during") and cur.head.head.i in own
        if cur.head.i == cur.i or not (cur.dep_ in ("compound", "flat", "flat:name", "appos", "amod") or occasion
                                         or (cur.dep_.startswith("nmod") and cur.head.lower_ in _PLACE_HEADS)):
            return False
        cur = cur.head
    return False


# "by the end of April", "until Friday": a deadline or the end of a span, not when the event happened
_DEADLINE = re.compile(r"(?:\bby|\buntil|\btill|\bbefore|no later than|deadline of|(?:by|before) the (?:end|middle|start|beginning) of)$")
# a past participle that modifies the event's content noun reports the content being done
# ("a ceasefire mediated late on Sunday", "an agreement reached on Monday"); scheduling words do not
_SCHEDULING = frozenset("schedule plan set expect due slate propose intend".split())


_STATEMENT_NOUNS = frozenset("statement report communique communiqué message video post tweet interview "
                             "announcement broadcast speech press conference briefing letter".split())
_ORDERING = frozenset("after before since until till follow precede".split())


def _ordered(tok, top) -> bool:
    """A temporal-ordering word between ``tok`` and its ancestor ``top`` ("three days after X
    killed", "the sweep follows the attack on Saturday"): the date on one side is not the other's."""
    def marked(t) -> bool:
        return any(c.dep_ in ("mark", "case") and c.lower_ in _ORDERING for c in t.children)

    # "after the opposition walked out in April": a date with its own "in"/"on" on the clause that
    # "after" orders is that clause's date; "three days after militants killed" measures from it
    own_case = any(c.dep_ == "case" and c.lower_ in ("in", "on", "during") for c in tok.children)
    cur = tok
    while True:
        # "three days after militants killed": the marker may hang on a sibling of the path
        if cur.lemma_.lower() in _ORDERING or (marked(cur) and not (own_case and cur.i == top.i and tok.head.i == top.i)) or (
                cur.i != top.i and any(marked(c) for c in cur.children if c.dep_ in ("nmod", "obl", "nsubj"))):
            return True
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        cur = cur.head


def _participle_of_content(tok, event_ids: set[int]) -> bool:
    """"a ceasefire mediated late on Sunday": a past participle on the event's own noun reports when
    it was done; scheduling words ("a vote scheduled for May") do not."""
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() not in _SCHEDULING
            and tok.head.i in event_ids)


def _timex_anchor(span, event: _Event, event_ids: set[int]) -> str | None:
    """How a date phrase hangs on ``event`` in the parse: "direct" (it modifies the trigger),
    "fallback" (it modifies the clause the trigger sits in), or None (it belongs elsewhere)."""
    cur = span.root
    main = event.best.head
    ancestors = list(main.ancestors)
    if (main.dep_ == "obj" and cur.dep_ in ("obl", "obl:tmod", "nmod:tmod") and cur.head.i == main.head.i
            and cur.left_edge.i == main.right_edge.i + 1 and main.head.lemma_.lower() in _ORDERING):
        # "the raid follows the attack on Saturday": the parser may hang the date on "follows" or on
        # "attack"; across an ordering verb it can only be the object's own date.
        return "direct"
    if cur.dep_ in ("obl", "obl:tmod", "nmod:tmod") and any(
            doc_tok.pos_ == "NOUN" and doc_tok.dep_ in ("obj", "nsubj:pass") and doc_tok.head.i == cur.head.i
            and cur.left_edge.i == doc_tok.right_edge.i + 1 for doc_tok in (span.doc[i] for i in event_ids)):
        # "the government reported a chemical attack on March 19": a date right after the event's
        # noun, hung by the parser on the verb that has the noun for object, is the noun's own date
        # (the low attachment), whatever that verb is
        return "direct"
    for _ in range(12):
        if cur.i in event.content_ids:
            return "direct" if _participle_of_content(cur, event_ids) else None
        if cur.i in event_ids:
            return None if _ordered(span.root, cur) else "direct"
        if cur.lemma_.lower() in SPEECH_VERBS and cur.pos_ == "VERB":
            return "statement" if _reports(cur, main, ancestors) else None
        if cur.lemma_.lower() in _STATEMENT_NOUNS and cur.pos_ == "NOUN":
            return None  # "a statement circulated on Sunday" dates the statement, whatever it is attached to
        if cur.head.i == cur.i:
            if cur.i != main.i and not any(a.i == cur.i for a in ancestors):
                return None
            top = cur
            return None if _ordered(span.root, top) or _ordered(main, top) else "fallback"
        cur = cur.head
    return None


def _date(event: _Event, sent, timexes, text: str) -> object | None:
    doc = sent.doc
    event_ids = {t.i for h in event.hits for t in h.tokens}
    direct, fallback, stated = [], [], []
    lo, hi = sent.start_char, sent.end_char
    for tx in timexes:
        if not (lo <= tx.start < hi):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        before = text_before(text, tx.start, 24)
        if re.search(r"\bsince(?: early| late| mid-?)?$", before):
            continue  # "since 2017", "since mid-March" starts a duration; it does not date the event
        if _DEADLINE.search(before):
            continue
        verdict = _timex_anchor(span, event, event_ids)
        if verdict == "direct":
            direct.append(tx)
        elif verdict == "fallback":
            fallback.append(tx)
        elif verdict == "statement" and tx.precision == "day":
            stated.append(replace(tx, how=f"{tx.how} {STATEMENT_DAY}"))
    for pool in (direct, fallback, stated):
        for tx in pool:
            return tx
    return None


def _other_days(sent, timexes, chosen) -> tuple[str, ...]:
    """The days the sentence states besides the event's own: with two days in one sentence, which
    one the event took is the parser's reading, and the other stays a day the source may mean."""
    lo, hi = sent.start_char, sent.end_char
    return tuple(sorted({tx.value for tx in timexes if lo <= tx.start < hi and tx.precision == "day" and tx.value
                         and (chosen is None or tx.value != chosen.value)}))


# an event the text gives no day of takes the day its source said it on ("clashes overnight killed
# 18, a monitor said Saturday"): the latest day it can have happened, and the day daily conflict
# reporting tells it. The method says so, so that a reader can tell it from the event's own day.
STATEMENT_DAY = "(day of the statement)"


def _reports(verb, main, ancestors) -> bool:
    """The reporting ``verb`` tells of the event of ``main``: the event sits inside what it says
    ("the monitor said Saturday that clashes killed 18"), or the verb is added to the event's
    clause ("clashes killed 18, the monitor said Saturday"). "claim" is no report: who claims did it."""
    if verb.lemma_.lower() not in _REPORTING_VERBS:
        return False
    if any(a.i == verb.i for a in ancestors):
        # inside what the verb says, not inside who says it: in "families of men abducted last
        # week said on Wednesday ...", the abduction hangs on the speakers, and Wednesday is only
        # the day they spoke
        entry = next((a for a in (main, *ancestors) if a.head.i == verb.i and a.i != verb.i), None)
        return entry is not None and entry.dep_ in _REPORTED_CLAUSE_DEPS
    return verb.dep_ in _ADDED_REPORT_DEPS and (verb.head.i == main.i or any(a.i == verb.head.i for a in ancestors))


_SINCE_BEFORE = re.compile(r"\bsince\b[^.;]*$", re.I)


def _dates_a_start(tx, sent, text: str) -> bool:
    """The date is where a running total starts ("since 2011", "since the war began in 2011", "so
    far"), not when an incident happened."""
    if (tx.text or "").lower().startswith(("since", "so far", "to date")):
        return True
    return bool(_SINCE_BEFORE.search(text, sent.start_char, tx.start))


def text_before(text: str, pos: int, width: int = 12) -> str:
    return text[max(0, pos - width):pos].rstrip().lower()


def _polarity(event: _Event, sent) -> str:
    for h in event.hits:
        tok = h.head
        if any(c.dep_ == "advmod" and c.lower_ in _NEGATIONS or c.dep_ == "neg" for c in tok.children):
            return "negated"
        if h.subsumed_by is not None and _lemma_of(h.subsumed_by) == "deny":
            # "denied the attack", "denied carrying out the attack" -- not "denied involvement in it"
            deny_ids = {t.i for t in h.subsumed_by.tokens}
            cur = tok
            for _ in range(3):
                if cur.dep_ not in ("obj", "xcomp", "ccomp", "csubj", "advcl") or cur.head.i == cur.i:
                    break
                cur = cur.head
                if cur.i in deny_ids:
                    return "negated"
    for h in event.hits:
        if _claimer(h.head) is not None:
            return "claimed"
    for h in event.hits:
        near = list(h.head.children) + ([h.head.head] if h.head.head.i != h.head.i else [])
        near += [c for n in near[-1:] for c in n.children]
        if any(t.lower_ in HEDGES for t in near):
            return "hedged"
    return "asserted"


def _acled(event: _Event, category: str, mode: str | None, targets: list[EntityMention]) -> str | None:
    t = acled_type(category, mode)
    if t is not None or category != "ASSAULT":
        return t
    # armed targets make a one-sided attack a battle in ACLED's terms
    if any(m.subtype in ("armed_group", "military") for m in targets):
        return "Battles"
    for h in event.hits:
        for c in h.head.children:
            if c.dep_ in ("obj", "nsubj:pass") and c.lemma_.lower() in _COMBATANT_NOUNS:
                return "Battles"
    return "Violence against civilians" if targets else None


_ACCEPTS = {
    "killed": VIOLENT | {"DISASTER", "ACCIDENT"}, "wounded": VIOLENT | {"DISASTER", "ACCIDENT"}, "abducted": VIOLENT | {"COERCE"}, "arrested": {"COERCE"},
    "protesters": {"PROTEST"}, "troops": VIOLENT | {"MOBILIZE", "RETREAT"},
}


_TOLL_KINDS = frozenset({"killed", "wounded"})
# words that set two incidents of one sentence apart
_TWO_INCIDENTS = re.compile(r"\b(?:while|whereas|also|meanwhile|separately|separate|another|elsewhere|earlier|later)\b",
                            re.I)


def _share_casualties(events: list[_Event], qmap: dict[int, list[Quantity]], sentence: str) -> dict[int, list[Quantity]]:
    """One violent incident told by several event words of one sentence ("X was shelled ..., the
    attack leaving 14 dead"; "due to rocket attacks on X one child was killed") has one toll: the
    casualty counts went to the nearest word, and the others of the sentence share them, kind by kind
    (the dead, the wounded), unless a word sets two incidents apart or several words have counts of
    that kind of their own."""
    violent = [n for n, e in enumerate(events) if e.best.category in VIOLENT]
    if len(violent) < 2 or _TWO_INCIDENTS.search(sentence):
        return qmap
    out = {n: list(qs) for n, qs in qmap.items()}
    for kind in sorted(_TOLL_KINDS):
        holders = [n for n in violent if any(q.kind == kind for q in qmap.get(n, ()))]
        if len(holders) != 1:
            continue  # none, or counts of several words: each keeps its own
        counts = [q for q in qmap[holders[0]] if q.kind == kind]
        for n in violent:
            if n != holders[0]:
                out.setdefault(n, []).extend(counts)
    return out


_REPEAT_CHARS = 60


def _without_repeats(quants: list[Quantity], text: str) -> list[Quantity]:
    """A sentence a feed printed twice with no full stop between the copies ("Seven civilians were
    killed and 25 injured in a car bomb attack ... Seven civilians were killed and 25 injured in a car
    bomb attack ...") states its counts once: a count whose words run on exactly like an earlier
    count's is that count again."""
    seen: set[tuple] = set()
    out = []
    for q in quants:
        key = (q.kind, q.value, text[q.start:q.start + _REPEAT_CHARS])
        if key in seen and len(key[2]) == _REPEAT_CHARS:
            continue
        seen.add(key)
        out.append(q)
    return out


def _assign_quantities(events: list[_Event], quants: list[Quantity], text: str = "") -> dict[int, list[Quantity]]:
    """Each count goes to the nearest event that can have it; counts of one kind joined by a
    coordination ("three nurses as well as a guard") are the parts of one toll and go together."""
    out: dict[int, list[Quantity]] = {}
    prev: tuple[Quantity, int] | None = None
    for q in quants:
        if prev is not None and prev[0].kind == q.kind and text and COORDINATION.fullmatch(text, prev[0].end, q.start):
            out.setdefault(prev[1], []).append(q)
            prev = (q, prev[1])
            continue
        accept = _ACCEPTS.get(q.kind)
        cands = [(n, e) for n, e in enumerate(events) if accept is None or e.best.category in accept]
        if not cands:
            cands = list(enumerate(events))
        n, _ = min(cands, key=lambda ne: min(abs(h.head.idx - q.start) for h in ne[1].hits))
        out.setdefault(n, []).append(q)
        prev = (q, n)
    return out


def find_events(doc, mentions: list[EntityMention], published: date | None,
                min_confidence: float = MIN_CONFIDENCE) -> list[EventMention]:
    """Event mentions in a parsed ``doc`` (one or more per sentence), in text order.

    ``mentions`` are the document's entity mentions (offsets into ``doc.text``); ``published``
    anchors relative dates unless the text states its own date at its head (timex.own_date). Events below ``min_confidence`` are dropped (0 keeps all).
    """
    text = doc.text
    if not text.strip():
        return []
    ms = _mention_index(mentions)
    names = [(m.start, m.end) for m in mentions if m.type in ("ORG", "PERSON", "LOC") and m.origin not in ("role", "pronoun")]
    place_spans = [(m.start, m.end) for m in mentions if m.type == "LOC"]
    # "on Tuesday" is written against the date the text gives itself at its head, when it gives one;
    # that date is when the text was written, no event's
    dateline = own_date(text)
    timexes = find_dates(text, dateline.day if dateline else published)
    if dateline is not None:
        timexes = [tx for tx in timexes if tx.end <= dateline.start or tx.start >= dateline.end]
    quants = find_quantities(text)
    quoted = _quoted_spans(text)
    out: list[EventMention] = []
    definite: list[str | None] = []
    parties: list[bool] = []  # whether each event's roles name a party (_names_a_party)
    reads: list[incidents.PlaceRead | None] = []  # where each event's own place was read
    typer = event_typer.load()
    reporting_words: dict[int, list] = {}  # see _reporting_sources
    for sent in doc.sents:
        lo, hi = sent.start_char, sent.end_char  # computed by spaCy on each access
        # sent.text, without spaCy joining the tokens' texts again: ``text`` is doc.text, whose
        # offsets the span's characters are
        sent_text = text[lo:hi]
        if _not_a_report(sent_text):
            continue
        # only the names this sentence overlaps can hold one of its tokens (_in_name)
        events = _analyse(list(sent), sent_text, [(a, b) for a, b in names if a < hi and b > lo], parsed=True,
                          places=place_spans)
        if not events:
            continue
        sent_ms = [m for m in ms if lo <= m.start < hi]
        sent_qs = _without_repeats([q for q in quants if lo <= q.start < hi], text)
        events = _fold_interventions(events)
        qmap = _share_casualties(events, _assign_quantities(events, sent_qs, text), sent_text)
        # the trained typer reads the whole sentence and may retype its main event (event_typer.combine)
        main = _main_event(events, parsed=True)
        for n, ev in enumerate(events):
            best = ev.best
            category = best.category
            mode = best.mode or next((h.mode for h in sorted(ev.hits, key=lambda h: -h.trigger.weight) if h.mode), None)
            # a category the context gave the trigger ("must withdraw" is a REQUEST) is not the model's to undo;
            # the model reads the sentence only when its answer is used
            if ev is main and typer is not None and not _typed_by_context(best):
                probs = typer.categories([sent_text])[0]
                if probs:
                    category = event_typer.combine(category, probs, best.trigger.weight <= _WEAK, typer.thresholds)
                    mode = mode if category == best.category else None
            actors, targets = _roles(ev, sent_ms)
            sources = _reporting_sources(ev, reporting_words) if category not in SPEECH_ACTS else []
            actors, targets = _outside(actors, sources), _outside(targets, sources)
            loc = _location(ev, sent, sent_ms, text)
            # a place is where an event happened, never who did it; a town attacked is its place
            actors = [m for m in actors if not _is_place(m)]
            places = [m for m in targets if _is_place(m)]
            targets = [m for m in targets if not _is_place(m)]
            if loc is None and places and category not in _SAID_ACTS:
                loc = places[0]
            placed = loc is not None  # a place in its content still anchors the act as a specific one
            if loc is not None and category in _SAID_ACTS and not _own_setting(loc, ev, sent):
                loc = None  # "accused Belgium of killing civilians in Velmora": the place of the content
            loc_method = None
            if category not in _SAID_ACTS and (loc is None or not _is_place(loc)):
                # "inside the town", "in the east of the city": the last place named before
                named = incidents.place_named_before(sent, ms, _is_settlement_or_smaller, text)
                if named is not None:
                    loc, loc_method = named[0], incidents.NAMED_BEFORE_METHOD
            slots = _slot_nouns(ev)
            source_ids = {t.i for p in sources for t in p.subtree}
            slots = [(t, r) for t, r in slots if t.i not in source_ids]
            category, mode = _by_means(category, mode, slots)
            category, mode = _on_ground(ev, category, mode, places, targets, slots)
            category, mode = _sense_by_arguments(ev, category, mode)
            if category == "FIGHT" and mode == "occupy" and _attempted_taking(ev):
                mode = "offensive"
            if _hypothetical(ev, category) or _background(ev) or _characterizing(ev) or _running(ev) or _lasting_state(ev) or _referred(ev) or _forecast(ev):
                continue
            if category == "THREATEN" and _bare_warning(ev):
                continue
            if category == "REJECT" and _denied_state(ev):
                continue
            if _only_described(ev) or _published(ev):
                continue
            plan = _planned(ev) if category != "THREATEN" else None
            if plan == "counterfactual":
                continue  # "the attack would have caused serious casualties"
            if plan == "future":
                if category not in VIOLENT | {"COERCE", "SANCTION", "PROTEST", "MOBILIZE"}:
                    continue  # "Obama will meet aides on Friday", "inspectors will go to investigate": a plan
                category, mode = "THREATEN", "violence" if category in VIOLENT else mode
            if category != best.trigger.category and category in ("AGREE", "CONCEDE") and best.trigger.category in _COOPERATIVE:
                continue
            tx = _date(ev, sent, timexes, text)
            qs = tuple(qmap.get(n, ()))
            if tx is None and qs and _running_toll(ev, text, qs):
                continue
            if qs and _span_tally(ev, qs):
                continue  # "25 killed in rocket attacks on the city during the past 24 hours": a day's sum
            if _tally(ev) and not any(sent.start_char <= t.start < sent.end_char and t.precision == "day" for t in timexes):
                continue  # "135 attacks on health facilities in 2015": a statistic of many events, not one day's
            if qs and all(q.scope == "cumulative" for q in qs) and (tx is None or _dates_a_start(tx, sent, text)):
                continue  # a running total ("the war has killed 400,000 since 2011") is no occurrence
            is_verb = any(h.head.pos_ == "VERB" or (h.head.head.lemma_.lower() in _LIGHT_VERBS and h.head.head.pos_ == "VERB")
                          for h in ev.hits)
            conf = 0.55 if is_verb else 0.3
            conf += 0.15 if (actors or targets) else 0.0
            conf += 0.1 if tx is not None and not tx.how.endswith(STATEMENT_DAY) else 0.0  # its own day only
            conf += 0.1 if qs else 0.0
            conf += 0.05 if placed else 0.0
            conf = round(min(conf, 0.95), 2)
            if conf < min_confidence:
                continue
            if any(a <= best.tokens[0].idx < b for a, b in quoted) or _no_comment(best):
                continue
            definite.append(_definite(best))
            parties.append(bool(actors or targets) or _names_a_party(ev, slots))
            reads.append(None if loc is None else incidents.PlaceRead(
                loc.start, loc.end, _LOC_RANK.get(loc.subtype or "", 2), not _is_place(loc)))
            trig_toks = sorted(best.tokens, key=lambda t: t.i)
            t_start = trig_toks[0].idx
            t_end = trig_toks[-1].idx + len(trig_toks[-1].text)
            terms = _actor_terms(slots, actors, targets, text)
            fatal = acled.mention_fatalities(qs)
            acled_type, sub_event = acled.sub_event(
                category, mode, sent_text, text[t_start:t_end],
                actor_inter=_side_inter(actors, terms, "actor"), target_inter=_side_inter(targets, terms, "target"),
                killed=bool(fatal))
            category, mode = _by_acled_sub_event(category, mode, sub_event)
            out.append(EventMention(
                type=category,
                acled_type=acled_type if sub_event else _acled(ev, category, mode, targets),
                sub_event_type=sub_event,
                actor_terms=terms,
                fatalities=fatal,
                mode=mode,
                trigger=text[t_start:t_end],
                trigger_start=t_start,
                trigger_end=t_end,
                start=sent.start_char,
                end=sent.end_char,
                actors=tuple([(m.entity, "actor") for m in actors] + [(m.entity, "target") for m in targets]),
                location=loc.entity if loc is not None else -1,
                location_area=loc is not None and _names_an_area(loc.text),
                location_method=loc_method,
                location_start=loc.start if loc_method else -1,
                location_end=loc.end if loc_method else -1,
                date=tx.value if tx is not None else None,
                date_precision=tx.precision if tx is not None else None,
                date_method=tx.how if tx is not None else None,
                date_text=tx.text if tx is not None else None,
                date_start=tx.start if tx is not None else -1,
                date_end=tx.end if tx is not None else -1,
                date_partial=tx.partial if tx is not None else None,
                sentence_days=_other_days(sent, timexes, tx),
                quantities=qs,
                polarity=_polarity(ev, sent),
                confidence=conf,
            ))
    _carry_dates(out, text)
    _link_anaphors(out, definite)
    _share_means(out)
    incidents.share_incident_arguments(out, reads, text, ms, [(st.start_char, st.end_char) for st in doc.sents],
                                       dateline.day if dateline else published)
    return _anchored(out, parties) if min_confidence > 0 else out


# nouns for the holders of an office or an institution: a party to an act though no actor kind
# (acled.ACTOR_NOUNS) says which side ("the prime minister promised", "the two factions agreed")
_PARTY_NOUNS = frozenset("minister president official spokesman spokeswoman spokesperson ministry council faction "
                         "party leader commander delegation envoy diplomat authority authorities state court "
                         "parliament king emir governor mayor prosecutor cabinet administration".split())
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _names_a_party(event: _Event, slots: list[tuple[object, str]]) -> bool:
    """A word in the event's roles names a party: a name, or a noun for a kind of actor or an office
    ("the army", "Norland's president", "hundreds of militiamen"); "she", "some", "rights groups",
    "many of them" do not. A finite verb the parse gave no subject at all ("after the army blocked
    the roads" read as "after the army", then "blocked the roads") is not judged: it counts as one."""
    for h in event.hits:
        tok = h.head
        if not isinstance(tok, _PlainToken) and tok.tag_ in ("VBD", "VBZ", "VBP") \
                and not any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in tok.children):
            return True
    for tok, _ in slots:
        words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "flat", "amod", "nmod:poss")
                         or (c.dep_ == "nmod" and _phrase_case(c) == "of")]
        for w in words:
            if w.pos_ == "PROPN" or w.ent_type_ in _PARTY_ENTITIES:
                return True
            lemma = w.lemma_.lower()
            if acled.inter_of_noun(w.lower_) is not None or acled.inter_of_noun(lemma) is not None or lemma in _PARTY_NOUNS:
                return True
    return False


def _anchored(events: list[EventMention], parties: list[bool]) -> list[EventMention]:
    """The mentions that tie to one occasion, once incidents have shared their arguments.

    * A mention told only by a noun with a place and nothing else (confidence below
      :data:`ANCHOR_CONFIDENCE`: no actor, target, toll or date of its own) is an occurrence only
      when its incident or its sentence gives it a time; with none ("evacuation deals around the
      capital", "the rockets used in the attack", "the use of poison gas on rebel areas") it names a
      kind of event, or one told elsewhere.
    * An act other than violence is what one party did to another: with no party at all (no actor
      or target, named or described, and no word in its roles that names one: ``parties[k]``, see
      _names_a_party) and no time, it is no record an analyst can use ("she also warned that all
      sides should not think they are immune", "rights groups have criticised both sides", "many
      were fighting to defend their villages"). Violence stays: where it struck and whom it killed
      are the record even when nobody is named.
    Indices between mentions (antecedent, actors_source) follow the mentions kept."""
    keep = [(ev.confidence >= ANCHOR_CONFIDENCE or ev.date is not None)
            and (ev.type in VIOLENT or ev.date is not None or party or bool(ev.actors) or bool(ev.actor_terms))
            for ev, party in zip(events, parties)]
    if all(keep):
        return events
    new_index: dict[int, int] = {}
    for k, kept in enumerate(keep):
        if kept:
            new_index[k] = len(new_index)

    def kept_antecedent(j: int) -> int:
        while j >= 0 and j not in new_index:
            j = events[j].antecedent
        return new_index.get(j, -1)

    out = []
    for k, ev in enumerate(events):
        if keep[k]:
            out.append(replace(ev, antecedent=kept_antecedent(ev.antecedent),
                               actors_source=new_index.get(ev.actors_source, -1)))
    return out


# "also", "meanwhile", "separate", "further", "another": the sentence adds one more incident to the
# ones just told, in the same time ("Meanwhile six others were killed in the east of the city")
_ADDITIVE = re.compile(r"\b(?:also|meanwhile|separately|separate|further|another|in addition|likewise)\b", re.I)


def _carry_dates(events: list[EventMention], text: str) -> None:
    """An undated violent incident whose sentence adds it to those just told ("also", "meanwhile",
    "separate strikes") takes the day of the latest incident dated to a day before it; its method
    says so ("carried-by-additive") and its date evidence is that incident's expression."""
    last: EventMention | None = None
    for k, ev in enumerate(events):
        if ev.date is not None:
            if ev.date_precision == "day" and ev.type in VIOLENT:
                last = ev
            continue
        if last is None or ev.type not in VIOLENT or ev.date_partial or not _ADDITIVE.search(text, ev.start, ev.end):
            continue
        events[k] = replace(ev, date=last.date, date_precision=last.date_precision, date_method="carried-by-additive",
                            date_text=last.date_text, date_start=last.date_start, date_end=last.date_end)


# -- ACLED coding and what is no report of an event -----------------------------------------------------

# newsroom boilerplate: a publisher's description of itself, subscription and sharing prompts
_BOILERPLATE = re.compile(r"\b(?:its|our|their) readers\b|\bsubscrib\w*|\bnewsletter\b|all rights reserved|\bcopyright\b|"
                          r"\bclick here\b|\bread more\b|\bfollow us\b|\bsign up (?:for|to)\b|"
                          r"\bour (?:website|app|(?:\w+ )?channel|podcast)\b|\bnever miss a story\b", re.I)
# a wire photo's caption: a present-tense description ending in the date the picture was taken
# ("A man stands in the rubble of a clinic hit by a raid in Sahil, Norland May 3, 2019.")
_CAPTION_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December) \d{1,2},? \d{4}\.?(?:\s+[A-Z]{2,}\S*)?\s*$")
_CAPTION_VERB = re.compile(r"\b(?:shows?|walks?|stands?|sits?|rides?|carr(?:y|ies)|inspects?|looks?|rises?|"
                           r"gather|is seen|are seen|pictured|poses?|holds?|waves?)\b")


_INTERVENTION_LEMMAS = frozenset("disperse arrest detain break beat".split())


def _fold_interventions(events: list[_Event]) -> list[_Event]:
    """Police dispersing, tear-gassing or arresting the protesters of the same sentence intervene in
    that protest: one event (ACLED "Protest with intervention"), not three."""
    if not any(e.best.category == "PROTEST" for e in events):
        return events
    return [e for e in events if not (
        e.best.mode == "crowd-control"
        or (e.best.category == "COERCE" and _lemma_of(e.best) in _INTERVENTION_LEMMAS | {"restrict", "ban"}))]


def _not_a_report(sentence: str) -> bool:
    """A sentence that reports nothing that happened: boilerplate ("Launched in 1978, the paper
    offers its readers ...", "Subscribe to our newsletter"), a photo caption (present tense, ending in
    the picture's date) or a bare headline of a link (a line of title-case words without a verb's full
    stop, inside the body)."""
    if _BOILERPLATE.search(sentence):
        return True
    if _CAPTION_DATE.search(sentence) and _CAPTION_VERB.search(sentence):
        return True
    return _headline_link(sentence)


def _headline_link(sentence: str) -> bool:
    """A line of a related-articles list: short, no final full stop, most words capitalised
    ("Rebels Seize Key Town In North"), or led by a link cue ("Related:", "READ MORE")."""
    line = sentence.strip()
    if re.match(r"(?:related|see also|more|watch|read|also read)\b\s*[:|>»-]", line, re.I):
        return True
    if not line or line[-1] in ".!?\"”'’)" or "\n" in line.strip():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
    if not 3 <= len(words) <= 16:
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from", "after"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _is_settlement_or_smaller(m: EntityMention) -> bool:
    """What "the town", "the city", "the district" can stand for: a place that is no country or region."""
    return _is_place(m) and m.subtype != "region"


def _is_place(m: EntityMention) -> bool:
    """A place that is no state: a town, a region, a facility (a country acts as its state)."""
    if m.type != "LOC" or m.origin == "demonym" or m.subtype == "country":
        return False
    return not (m.subtype is None and country(m.name) is not None)


# what the subject of a violent verb says about the weapon: "Russian jets targeted ...", "drones hit ..."
_MEANS = {"jet": "aerial", "warplane": "aerial", "aircraft": "aerial", "helicopter": "aerial", "plane": "aerial",
          "bomber": "aerial", "gunship": "aerial", "airplane": "aerial", "drone": "drone", "uav": "drone",
          "artillery": "heavy-weapons", "tank": "heavy-weapons", "mortar": "heavy-weapons",
          "howitzer": "heavy-weapons", "battery": "heavy-weapons"}
# modes that say less about the weapon than the means in the subject
_VAGUE_MODES = frozenset({None, "firearms", "offensive", "explosives", "destroy", "targeted"})


def _slot_nouns(event: _Event) -> list[tuple[object, str]]:
    """(noun token, "actor" | "target") for the phrases that fill an event's roles in the parse:
    subject, passive agent, possessor -> actor; object, passive subject, "on"/"against" -> target.
    A participle or infinitive with no subject of its own shares its governor's."""
    out: list[tuple[object, str]] = []
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken):
            continue
        has_subject = False
        for c in tok.children:
            dep, case = c.dep_, _case(c)
            if dep == "nsubj" and _reduced_passive(tok):
                out.append((c, "target"))
            elif dep in ("nsubj", "nmod:poss") or (dep.startswith(("obl", "nmod")) and case == "by"):
                out.append((_antecedent(c) if dep == "nsubj" else c, "actor"))
                has_subject = has_subject or dep == "nsubj" or case == "by"
            elif dep in ("obj", "nsubj:pass") or (dep.startswith(("obl", "nmod")) and case in ("on", "against", "upon")):
                out.append((c, "target"))
                if dep == "obj":
                    out += [(t, "target") for t in _holders(h, c)]
            elif dep.startswith(("obl", "nmod")) and case == "between" and any(g.dep_ == "conj" for g in c.children):
                first, others = _first_and_others(c)  # "clashes between gunmen and soldiers"
                out += [(first, "actor")] + [(o, "target") for o in others]
            elif h.category == "FIGHT" and dep.startswith(("obl", "nmod")) and case in ("with", "between"):
                out.append((c, "actor"))  # "clashes with Kurdish militants": the other side of a battle
            elif dep.startswith(("obl", "nmod")) and (case == "to" and h.category in _GIVING or case == "from" and h.mode == "occupy"):
                out.append((c, "target"))  # "sent reinforcements to the rebels", "seized the town from militants"
        if h.mode == "occupy":
            out += [(t, "target") for t in _holders(h, tok)]
        out += [(t, "target") for t in _accused(h)]
        out += [(c, "actor") for c in tok.children if _said_from(h, c)]
        out += [(t, "actor") for t in _agent_tokens(tok)]
        out += [(t, "actor") for t in _sides_of_happening(tok)]
        # "the attack claimed the lives of 27 children", "the blast killed ten soldiers": the event noun
        # is the subject of its toll, whose object are its victims
        if tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() in _TOLL_LEMMAS:
            out += [(_lives_of(c), "target") for c in tok.head.children if c.dep_ == "obj"]
        if not has_subject and tok.dep_ in _SHARING_DEPS and tok.head.i != tok.i:
            out += [(c, "actor") for c in _shared_subjects(tok)]
        carrier = _carrier(tok)
        if carrier is not None and not has_subject:
            for c in carrier.children:
                if c.dep_ == "nsubj" or (c.dep_.startswith("obl") and _case(c) == "by"):
                    out.append((_antecedent(c) if c.dep_ == "nsubj" else c, "actor"))
                elif c.dep_.startswith("obl") and _case(c) in ("on", "against", "upon", "at"):
                    out.append((c, "target"))
    return out


_AGENT_VERBS = frozenset("carry fire drop launch conduct stage mount lob plant believe suspect think".split())


_LIFE_NOUNS = frozenset({"life", "lives"})


def _lives_of(tok):
    """"the lives of 27 children": whose lives."""
    if tok.lower_ in _LIFE_NOUNS or tok.lemma_.lower() in _LIFE_NOUNS:
        return next((c for c in tok.children if c.dep_.startswith("nmod") and _case(c) == "of"), tok)
    return tok


def _agent_tokens(tok) -> list:
    """Who did an event the parse names around its trigger rather than as its subject: a modifier of
    the event noun that says who ("government barrel bombs", "Russian air strikes", "rebel fire"), or
    the agent of a participle on it or on its weapon ("shells fired by militants", "air strikes
    believed to be carried out by the Norland air force", "killed by rockets fired by gunmen")."""
    if isinstance(tok, _PlainToken):
        return []
    out = []
    nouns = _weapon_phrase(tok)
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.i < noun.i and c not in nouns and (
                    c.ent_type_ == "NORP" or acled.inter_of_noun(c.lower_) in _ARMED_INTER):
                out.append(c)
    # "were killed and wounded by shells fired by X": the agent phrase of a coordinated casualty verb
    verbs_of = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and tok.pos_ == "VERB"]
    holders = nouns + [c for h in nouns + verbs_of[1:] for c in h.children
                       if c.dep_.startswith(("obl", "nmod")) and _case(c) in ("by", "with", "in") and c.pos_ == "NOUN"]
    verbs = [v for h in holders for v in h.children
             if v.dep_ in ("acl", "advcl", "xcomp") and v.lemma_.lower() in _AGENT_VERBS and _passive_participle(v)]
    verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp" and x.tag_ == "VBN"]
    for v in verbs:
        out += [c for c in v.children if c.dep_.startswith("obl") and _case(c) == "by"]
        # "air raids believed to be Norlandic": who is thought to have done it, said as what it is
        if v.lemma_.lower() in _ATTRIBUTION_VERBS:
            out += [c for c in v.children if c.dep_ == "xcomp" and (
                c.ent_type_ in ("NORP", "GPE") or acled.inter_of_noun(c.lower_) in _ARMED_INTER)]
    return out


_ATTRIBUTION_VERBS = frozenset("believe suspect think".split())


def _weapon_phrase(tok) -> list:
    """The event noun and the nouns its phrase builds on: a modifier's head ("rocket" in "rocket
    shells", "barrel bomb" in "barrel bomb attack") and the attack a means belongs to ("attacks with
    rocket shells"). Who fired is said on any of them ("rocket shells fired by X", "terrorist attacks
    with rocket shells")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return [tok]
    out = [tok]
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or head.pos_ != "NOUN":
            break
        if not (cur.dep_ == "compound" or (cur.dep_.startswith("nmod") and _case(cur) == "with")):
            break
        out.append(head)
        cur = head
    return out


def _passive_participle(verb) -> bool:
    """"fired", "carried out": a participle, or a form the tagger took for a past tense but that has
    a "by" agent of its own ("an attack carried out by X")."""
    return verb.tag_ == "VBN" or any(c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case(c) == "by")
                                     for c in verb.children)


_ARMED_INTER = frozenset({1, 2, 3, 4, 8})
_HAPPEN_VERBS = frozenset("erupt break rage continue intensify escalate resume occur begin start flare".split())


def _sides_of_happening(tok) -> list:
    """"clashes erupted between the Dawn Front and the army", "fighting raged with rebels": the sides
    of a fight named on the verb that says it happened."""
    if isinstance(tok, _PlainToken) or tok.pos_ != "NOUN" or tok.dep_ != "nsubj" \
            or tok.head.lemma_.lower() not in _HAPPEN_VERBS:
        return []
    return [c for c in tok.head.children if c.dep_.startswith("obl") and _case(c) in ("between", "with")]


def _reduced_passive(tok) -> bool:
    """"reported ten people killed", "about 80 militants killed": a past participle with no auxiliary
    and no object, whose subject in the parse is the one it happened to."""
    return (not isinstance(tok, _PlainToken) and tok.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "aux:pass", "cop", "obj") for c in tok.children))


def _carrier(tok):
    """The verb that carries an event noun as its object ("jets dropped barrel bombs on the town",
    "the Dawn Front began an assault"): its subject did the event, its "on"/"at" phrase suffered it.
    None for a trigger verb or a noun in any other role."""
    if isinstance(tok, _PlainToken) or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "obj":
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or any(l in LEXICON for l in _lemmas(verb)):
        return None
    if verb.lemma_.lower() in SPEECH_VERBS and verb.lemma_.lower() not in _SELF_DECLARING:
        return None
    return verb


# who announces or declares a withdrawal, a truce or a campaign makes it ("the group announced the
# withdrawal of its fighters"); who reports or says it only tells of it
_SELF_DECLARING = frozenset({"announce", "declare"})


def _by_means(category: str, mode: str | None, slots: list[tuple[object, str]]) -> tuple[str, str | None]:
    """An attack by aircraft, drones or artillery is an air strike or shelling, whatever the verb
    ("Russian jets targeted the market" is no assault with an unknown weapon)."""
    if category not in VIOLENT or mode not in _VAGUE_MODES:
        return category, mode
    for tok, role in slots:
        if role == "actor":
            means = _MEANS.get(tok.lemma_.lower()) or _MEANS.get(tok.lower_.rstrip("s"))
            if means:
                return "FIGHT", means
    return category, mode


def _on_ground(event: _Event, category: str, mode: str | None, places: list[EntityMention],
               targets: list[EntityMention], slots: list[tuple[object, str]]) -> tuple[str, str | None]:
    """An attack on a town, a district or a region ("began an assault on Velmora", "the offensive
    is targeting the Sahil district") is an offensive for ground, FIGHT; one on people, a facility
    or with a weapon of its own stays as typed."""
    if category != "ASSAULT" or mode is not None or event.best.trigger.weight <= 1 or targets:
        return category, mode
    if any(role == "target" and tok.lemma_.lower() not in _TERRITORY_NOUNS for tok, role in slots
           if not any(m.start <= tok.idx < m.end for m in places)):
        return category, mode
    ground = [m for m in places if m.subtype != "facility"]
    ground_nouns = [tok for tok, role in slots if role == "target" and tok.lemma_.lower() in _TERRITORY_NOUNS]
    if ground or ground_nouns:
        return "FIGHT", "offensive"
    return category, mode


# ACLED sub-events of force between organised sides, and the FIGHT mode each is: remote violence by
# aircraft, drones, artillery, rockets and missiles; a clash with an armed side; ground taken
_FIGHT_SUB_EVENTS = {"Air/drone strike": "aerial", "Shelling/artillery/missile attack": "heavy-weapons",
                     "Armed clash": "firearms", "Government regains territory": "occupy",
                     "Non-state actor overtakes territory": "occupy"}
_REMOTE_MILITARY_MODES = frozenset({"aerial", "drone", "heavy-weapons"})
# killing a captive or torturing one stays one-sided, whoever the victim was
_ONE_SIDED_MODES = frozenset({"abduct", "beat", "torture", "sexual", "targeted"})


def _by_acled_sub_event(category: str, mode: str | None, sub_event: str | None) -> tuple[str, str | None]:
    """Air and drone strikes, shelling, rocket and missile fire, and violence against an armed side are
    FIGHT (EVENTS.md), whatever word carried the mention: when the sentence's weapon or the target
    makes an ASSAULT one of these ACLED sub-events ("killed when helicopters dropped ...", "deaths in
    rocket fire", "killed 40 militants"), its PLOVER type follows."""
    means = _FIGHT_SUB_EVENTS.get(sub_event or "")
    if category != "ASSAULT" or means is None or mode in _ONE_SIDED_MODES:
        return category, mode
    if means in _REMOTE_MILITARY_MODES:
        return "FIGHT", mode if mode in _REMOTE_MILITARY_MODES else means
    return "FIGHT", mode or means


# who blocks decides what a block is: a crowd obstructs (a protest), anyone else restricts (COERCE)
_CROWD_NOUNS = frozenset("protester protestor demonstrator crowd resident villager student worker farmer activist "
                         "people youth mob rioter driver trader merchant striker supporter".split())
_PERSONAL = frozenset({"they", "we", "them"})
# what a promise promises decides whether it is one: "promised the harshest reaction" is a threat
_RETALIATION_NOUNS = frozenset("reaction response retaliation revenge retribution consequence punishment "
                               "reprisal vengeance".split())
_PROMISE_LEMMAS = frozenset("promise pledge vow swear".split())


def _sense_by_arguments(event: _Event, category: str, mode: str | None) -> tuple[str, str | None]:
    """A trigger's category read off its arguments: a block ("blocked the roads", "blocked the
    inspectors") by anyone but a crowd is a restriction (COERCE restrict), not a protest; a promise of
    a reaction, a response or revenge is a THREATEN."""
    tok = event.best.head
    if isinstance(tok, _PlainToken):
        return category, mode
    if category == "PROTEST" and mode == "obstruct" and tok.pos_ == "VERB":
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "obl:agent")]
        if subj and not any(c.lemma_.lower() in _CROWD_NOUNS or c.lower_ in _PERSONAL for c in subj):
            return "COERCE", "restrict"
    if category == "AGREE" and tok.lemma_.lower() in _PROMISE_LEMMAS and any(
            c.dep_ == "obj" and c.lemma_.lower() in _RETALIATION_NOUNS for c in tok.children):
        return "THREATEN", "violence"
    return category, mode


_WARNING_LEMMAS = frozenset({"warn", "warning"})


def _bare_warning(event: _Event) -> bool:
    """A warning that threatens nothing (PLOVER THREATEN is a stated intent to act against someone):
    "warned that all sides should not think they are immune", "warning against a rush to judgement",
    "X is seeking to consolidate its presence, he warned". A warning is a threat when it governs an
    act ("warned it would attack"), names a reprisal ("warned of serious consequences", "to expect
    reprisals") or tells someone what to do ("warned residents to leave")."""
    heads = _told_only_by(event, _WARNING_LEMMAS)
    if heads is None and event.content_ids:
        # "X is seeking to consolidate its presence through the deployment of militias, he warned":
        # what a third party is doing is the warning's content, acts in it included, and no threat
        heads = _told_only_by(_Event(event.hits), _WARNING_LEMMAS)
        if heads is None or not all(_warns_of_a_state(tok) for tok in heads):
            return False
    return heads is not None and not any(
        any(c.dep_ == "xcomp" for c in tok.children) or any(t.lemma_.lower() in _RETALIATION_NOUNS for t in tok.subtree)
        for tok in heads)


def _warns_of_a_state(warning) -> bool:
    """The warning's content is a clause about someone else, in no future: its subject a noun or a
    name (not "it", "they": the warner) and no "will", "would" or "shall" on its verb."""
    clauses = [c for c in warning.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(
        any(s.dep_.startswith("nsubj") and s.pos_ in ("NOUN", "PROPN") for s in cl.children)
        and not any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in cl.children)
        for cl in clauses)


def _told_only_by(event: _Event, lemmas: frozenset[str]) -> list | None:
    """The parsed head words of an event told only by words of ``lemmas`` and with no content of its
    own; None for any other event."""
    if event.content_ids:
        return None
    heads = []
    for h in event.hits:
        if isinstance(h.head, _PlainToken) or _lemma_of(h) not in lemmas:
            return None
        heads.append(h.head)
    return heads


def _only_described(event: _Event) -> bool:
    """An event told only by participles that describe a noun ("the battered district", "the targeted
    facilities included 51 clinics", "the opposing monitor"): the noun is what the text talks about;
    the act is background or told elsewhere."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken) or len(h.tokens) > 1 or tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBG", "VBD"):
            return False
    return True


# what is released when a release publishes: "released a report", "freed the footage"
_PUBLISHED_NOUNS = _STATEMENT_NOUNS | frozenset("figure figures footage image images photo photos picture pictures "
                                                "detail details data finding findings result results list name names document "
                                                "documents record records study survey toll account".split())


def _published(event: _Event) -> bool:
    """A release of a report, a video or figures is publication, no release of people (PLOVER
    RETREAT release frees prisoners or hostages): "the State Department released a report stating
    ...". An event told only by such releases is no event; what the report says is read on its own."""
    heads = []
    for h in event.hits:
        if isinstance(h.head, _PlainToken) or h.mode != "release":
            return False
        heads.append(h.head)
    return bool(heads) and all(
        any(c.dep_ in ("obj", "nsubj:pass") and c.lemma_.lower() in _PUBLISHED_NOUNS for c in tok.children)
        for tok in heads)


_DENIAL_LEMMAS = frozenset({"deny", "denial"})


def _denied_state(event: _Event) -> bool:
    """A denial of a state of affairs ("denied the navy had ships near the coast"): what is denied
    is no act, so nothing is rejected (PLOVER REJECT turns down a proposal or a demand) and no
    incident is reported; a denied incident ("denied that it attacked the town") is that incident,
    negated, and "denied the request" stays a REJECT."""
    heads = _told_only_by(event, _DENIAL_LEMMAS)
    return heads is not None and all(any(c.dep_ == "ccomp" for c in tok.children) for tok in heads)


_CONDITIONAL = frozenset({"if", "unless", "whether", "lest"})
_MAYBE = frozenset({"could", "might", "may"})


def _hypothetical(event: _Event, category: str) -> bool:
    """An event the sentence only supposes: in an "if"/"unless" clause, or under "could/might/may"
    without a perfect ("could attack" -- but "may have been killed" reports a likely death). A
    threat is typed THREATEN and kept."""
    if category == "THREATEN":
        return False
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken):
            return False
        for _ in range(3):
            kids = list(tok.children)
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in kids):
                return True
            auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "aux:pass")}
            if auxes & _MAYBE and not auxes & {"have", "'ve", "been"}:
                return True
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
    return False


# verbs (and predicative adjectives: "set to", "due to") whose infinitive is only planned; an attempt
# ("tried to seize", "in a bid to capture") is under way and stays an event
_PLAN_VERBS = frozenset("plan intend set expect hope aim seek want prepare schedule due go decide vow pledge "
                        "promise threaten".split())


def _planned(event: _Event) -> str | None:
    """"future" when the event is only planned or foreseen: a future auxiliary on its clause ("Obama
    will meet aides", "inspectors will go to Syria to investigate"), a plan verb it is the infinitive
    of ("is set to face pressure at talks"), or a headline's bare "to" ("Inspectors to visit sites");
    "counterfactual" under "would have"; else None. Walks up from the trigger through its own verb and
    the infinitives and "to" clauses above it, not into relative clauses or reported speech."""
    tok = event.best.head
    if isinstance(tok, _PlainToken):
        return None
    cur = tok
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("obj", "obl", "nsubj", "nsubj:pass") and cur.head.pos_ == "VERB":
        cur = cur.head  # "face pressure at talks": the noun's verb
    for _ in range(4):
        aux = {c.lower_ for c in cur.children if c.dep_ in ("aux", "aux:pass")}
        if aux & _FUTURE:
            return "counterfactual" if aux & {"have", "'ve"} else "future"
        if cur.i != tok.i and cur.lemma_.lower() in _PLAN_VERBS and cur.pos_ in ("VERB", "AUX", "ADJ"):
            return "future"
        marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
        if cur.head.i == cur.i:
            return "future" if "to" in marks and not aux and cur.pos_ == "VERB" else None
        if cur.dep_ == "acl" and "to" in marks and _unrealised_by(cur.head, event):
            return "future"  # "sites to be visited", "calls to fight X", "Inspectors to visit Velmora"
        if cur.dep_ == "xcomp" or (cur.dep_ in ("advcl", "acl") and "to" in marks):
            cur = cur.head
            continue
        if cur.dep_ in ("advmod", "advcl") and cur.pos_ in ("ADV", "ADJ"):
            cur = cur.head  # "will travel as soon as possible to investigate": the clause of "soon"
            continue
        return None
    return None


# "the first country to recognise X", "the last to leave": who did it, not what is to be done
_RANKING_WORDS = frozenset("first last only second third next".split())


def _unrealised_by(noun, event: _Event) -> bool:
    """A noun whose "to" infinitive says what is yet to be done ("sites to be visited", "calls to
    fight", "orders to attack", a headline's "Inspectors to visit"), not an event of its own that the
    infinitive gives the aim of ("an operation to seize the town", "an attempt to capture it" are
    under way) nor a rank ("the first country to recognise X")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    own = {t.i for h in event.hits for t in h.tokens}
    # an act's own noun ("an operation to seize") has an aim; a verbal noun's ("calls to fight") is content
    acts = [t for l in _lemmas(noun) for t in LEXICON.get(l, ()) if not t.governs]
    if noun.i in own or _attempt(noun) or acts:
        return False
    return not any(c.lower_ in _RANKING_WORDS or c.dep_ == "amod" and c.tag_ == "JJS" for c in noun.children)


_CASUALTY_LEMMAS = frozenset("kill die wound injure".split())
_TOLL_LEMMAS = _CASUALTY_LEMMAS | {"claim", "leave", "cause"}
_TOTAL_MIN = 100


def _names_an_area(name: str) -> bool:
    """"Wadi Tal countryside", "Rural Sahil", "Sahil outskirts": the area around a place."""
    words = name.split()
    return len(words) >= 2 and (words[-1].lower() in AREA_WORDS or countryside_of(name) is not None)


def _bare_plural(tok) -> bool:
    """"strikes", "rockets": a plural event noun with no article or count, a series of incidents."""
    return tok.tag_ == "NNS" and not any(g.dep_ in ("det", "nummod") for g in tok.children)
_INCIDENT_NOUNS = frozenset("attack strike airstrike raid bombing explosion blast clash assault ambush shooting "
                            "killing massacre operation incident".split())
_TALLY_MIN = 10  # incidents counted in one phrase that make it a statistic rather than a report


def _tally(event: _Event) -> bool:
    """An event noun counted in the tens or more ("135 attacks on health facilities", "13 alleged
    chemical attacks"): a tally of many incidents, no one of them."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken) or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _INCIDENT_NOUNS:
            continue  # "fired 28 rocket and mortar shells": munitions counted, one barrage
        for c in tok.children:
            if c.dep_ == "nummod" and c.like_num:
                try:
                    if float(c.text.replace(",", "")) >= _TALLY_MIN:
                        return True
                except ValueError:
                    continue
    return False


_SPAN_NOUNS = frozenset("hours days week weeks".split())


def _span_tally(event: _Event, quants) -> bool:
    """A toll summed over several incidents in a recent span: "25 civilians were killed in rocket
    attacks on the city during the past 24 hours" counts a day of attacks, no one incident (a bare
    plural incident noun and "the past/last N hours/days"). "Airstrikes over the past two days" with no
    toll, and a toll of one attack, stay."""
    if not any(q.kind in ("killed", "wounded", "injured") for q in quants):
        return False
    plural = [h.head for h in event.hits if not isinstance(h.head, _PlainToken) and h.head.pos_ == "NOUN"
              and h.head.lemma_.lower() in _INCIDENT_NOUNS and _bare_plural(h.head)]
    if not plural:
        return False
    sent = plural[0].sent
    return any(t.lower_ in _SPAN_NOUNS and any(g.lower_ in _RECENT_SPAN for g in t.children) for t in sent)


def _running_toll(event: _Event, text: str, quants) -> bool:
    """An undated count in the perfect over a series rather than one incident: "another 42 people
    have been killed in strikes on the east", "twenty people in Sahil have been killed by rockets";
    "ten have been killed in an air strike on Sahil" is one incident."""
    def has_perfect(v) -> bool:  # "have been killed and 70 others wounded": the second shares the first's
        return any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "have" for c in v.children) or (
            v.dep_ == "conj" and any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "have" for c in v.head.children))

    hits = [h for h in event.hits if not isinstance(h.head, _PlainToken)]
    perfect = [h for h in hits if _lemma_of(h) in _CASUALTY_LEMMAS and has_perfect(h.head)]
    # "coalition strikes have claimed hundreds of lives": the strikes are the subject of a perfect toll
    carried = [h for h in hits if h.head.dep_ == "nsubj" and h.head.head.lemma_.lower() in _TOLL_LEMMAS
               and has_perfect(h.head.head)]
    if not perfect and not carried:
        return False
    if any(_bare_plural(h.head) for h in carried):
        return True
    if any(re.search(r"\banother\s*$", text[max(0, q.start - 12):q.start], re.I) or q.text.lower().startswith("another")
           for q in quants):
        return True
    # "at least 6,000 militants have been killed on this front": hundreds and more, undated, in no one
    # incident the sentence names, is a running total
    one_incident = any(h.head.pos_ == "NOUN" and h.head.tag_ == "NN" for h in hits)
    if not one_incident and any(q.kind == "killed" and q.value >= _TOTAL_MIN for q in quants):
        return True
    for h in perfect:
        # "have been killed and 70 others wounded by rockets": a coordinated participle shares the clause
        for c in h.head.subtree:
            series = c.dep_.startswith("obl") and c.head.tag_ == "VBN" and _case(c) in ("in", "by") and c.tag_ == "NNS" and (
                c.lemma_.lower() in LEXICON or any(l in LEXICON for l in _lemmas(c))) and not any(
                g.dep_ in ("det", "nummod") for g in c.children)
            if series:
                return True
    return False


# nouns that name the whole conflict or a lasting state: the setting of a story, not something that
# happened in it ("the war", "Syria's conflict", "the uprising")
_SETTING_NOUNS = frozenset("war conflict unrest uprising revolution crisis insurgency".split())
_ONSET_VERBS = frozenset("begin start erupt break spark".split())


_RELATIVE_WORDS = frozenset({"which", "that", "who", "where"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _relative_clause(verb) -> bool:
    """A clause that describes a noun: the parser's relative clause, or one whose subject is a
    relative pronoun or that opens with "where" (parsers hang such clauses on anything)."""
    return verb.dep_ == "acl:relcl" or any(
        c.lower_ in _RELATIVE_WORDS and (c.dep_ in ("nsubj", "nsubj:pass") and c.tag_ in ("WDT", "WP")
                                         or c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in verb.children)


def _characterizing(event: _Event) -> bool:
    """An act told in a relative clause in the present or the undated present perfect says what its
    noun is like, not what happened: "the militants that attack our villages with mortars", "the
    offensive, which has destroyed hospitals", "the country, where the government accuses its
    neighbours of arming the rebels". A past tense ("the group, which seized the town on Monday"), an
    ongoing act ("the fighters who are attacking the town") or a date in the clause reports one."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken):
            return False
        verb = tok
        for _ in range(3):  # a noun trigger ("with their mortar rounds"): the verb of its clause
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or not _relative_clause(verb):
            return False
        auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
        present = verb.tag_ in _PRESENT_TAGS and not auxes
        perfect = verb.tag_ == "VBN" and auxes and all(a.lemma_.lower() == "have" and a.tag_ in _PRESENT_TAGS for a in auxes)
        if not (present or perfect):
            return False
        if any(t.ent_type_ in ("DATE", "TIME") or t.lower_ == "since" for t in verb.subtree):
            return False
    return True


def _background(event: _Event) -> bool:
    """The story's setting rather than an occurrence it reports (ACLED codes incidents, not wars):
    the war itself ("the war has stalled"), what a phrase about it says ("a war that has killed
    400,000", "a conflict that began in 2011 with protests", "the war started with the repression of
    demonstrations"). Walking up from the trigger stops at a reporting verb: what someone says about
    the war is their statement, not its description."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken):
            return False
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _SETTING_NOUNS:
            return True
        # "the conflict has killed 400,000", "the country was hit by the unrest": the setting did it
        if any(c.lemma_.lower() in _SETTING_NOUNS and (c.dep_ == "nsubj" or (c.dep_.startswith("obl") and _case(c) == "by"))
               for c in tok.children):
            return True
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            lemma = cur.lemma_.lower()
            if lemma in SPEECH_VERBS and cur.pos_ == "VERB":
                break
            if cur.pos_ in ("NOUN", "PROPN") and lemma in _SETTING_NOUNS:
                return True
            if lemma in _ONSET_VERBS and cur.pos_ == "VERB" and _onset_of_setting(cur):
                return True
    return False


def _onset_of_setting(verb) -> bool:
    """"the war began", "a conflict which started": the verb's subject (or the noun its relative
    clause hangs on) is a setting noun. Parsers often cut "since the war started ..." apart (the noun
    to the main verb, "started" left without a subject): the noun right before still counts."""
    if any(c.dep_.startswith("nsubj") and c.lemma_.lower() in _SETTING_NOUNS for c in verb.children):
        return True
    if verb.dep_ == "acl:relcl" and verb.head.lemma_.lower() in _SETTING_NOUNS:
        return True
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (before is not None and before.lemma_.lower() in _SETTING_NOUNS
            and not any(c.dep_.startswith("nsubj") for c in verb.children))


# words that take an event only as what people fled, avoided or suffered, or as a cause ("fled the
# fighting", "to avoid the battles", "victims of the shelling", "as a result of the clashes"): the
# clause names an event told elsewhere in the story, or the background, and reports no new incident
_ESCAPE_VERBS = frozenset("flee escape avoid evade dodge survive".split())
_CONSEQUENCE_NOUNS = frozenset("victim survivor result consequence aftermath wake".split())
_CAUSE_CASES = frozenset({"because", "due", "owing"})


def _noun_heads(event: _Event) -> list:
    """The parsed head tokens of an event told only by nouns; empty when a hit is a verb or unparsed."""
    heads = []
    for h in event.hits:
        if isinstance(h.head, _PlainToken) or h.head.pos_ not in ("NOUN", "PROPN"):
            return []
        heads.append(h.head)
    return heads


def _referred(event: _Event) -> bool:
    """An event told only by event nouns that something else escapes, follows from or is caused by:
    "residents fled the fighting", "to avoid the battles raging nearby", "victims of the shelling",
    "clinics treat those injured as a result of the fighting", "shops closed because of the clashes".
    A casualty or violent word governing the cause ("twelve died due to the attacks") is the incident
    itself and keeps it."""
    heads = _noun_heads(event)
    if not heads:
        return False
    for tok in heads:
        top = _first_conjunct(tok)  # "the shelling and air strikes": the first conjunct carries the role
        gov, case = top.head, _case(top)
        if gov.i == top.i:
            return False
        lemma = gov.lemma_.lower()
        if gov.pos_ == "VERB" and lemma in _ESCAPE_VERBS and (top.dep_ == "obj" or case == "from"):
            continue
        if gov.pos_ == "NOUN" and lemma in _CONSEQUENCE_NOUNS and case in ("of", "from"):
            continue
        if gov.pos_ == "NOUN" and case == "about" and lemma not in LEXICON:
            continue  # "information about the killings", "questions about the strike": its topic
        if case in _CAUSE_CASES and lemma not in LEXICON and not any(l in LEXICON for l in _lemmas(gov)):
            continue
        return False
    return True


# words that foresee rather than report: "the toll is expected to rise", "the fighting is likely to
# spread", "deaths are feared to climb"
_FORECAST_WORDS = frozenset("expect fear predict forecast anticipate likely unlikely set poised bound".split())
_GROWTH_VERBS = frozenset("rise climb increase grow mount spread continue escalate worsen".split())
_MAYBE_AUX = frozenset({"could", "might", "may", "will", "would"})


def _forecast(event: _Event) -> bool:
    """An event noun (or the count it names: "the death toll") that is the subject of a forecast: of
    a forecasting word ("the toll is expected to rise", "the fighting is likely to spread") or of a
    growth verb under a modal ("the toll could climb"). The report foresees, it tells no new incident."""
    heads = _noun_heads(event)
    if not heads:
        return False
    for tok in heads:
        np = tok.head if tok.dep_ == "compound" else tok  # "the death toll": the toll is the subject
        if not np.dep_.startswith("nsubj"):
            return False
        pred = np.head
        lemma = pred.lemma_.lower()
        modal = {c.lower_ for c in pred.children if c.dep_ == "aux"} & _MAYBE_AUX
        if lemma in _FORECAST_WORDS and any(c.dep_ == "xcomp" for c in pred.children):
            continue
        if lemma in _GROWTH_VERBS and modal:
            continue
        return False
    return True


_DURATION_UNITS = frozenset("day week month year decade".split())


def _lasting_state(event: _Event) -> bool:
    """A condition rather than an occurrence: a place "under siege" or "under bombardment" (not "came
    under fire"), "two years of bombardment and siege"."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken) or tok.pos_ != "NOUN":
            return False
        if _case(tok) == "under" and tok.head.lemma_.lower() not in ("come", "fall"):
            return True  # "areas under regime siege"; "came under fire" is an occurrence
        head = tok.head if tok.dep_ != "conj" else tok.head.head
        top = tok if tok.dep_ != "conj" else tok.head
        if _case(top) == "of" and head.lemma_.lower() in _DURATION_UNITS and head.tag_ == "NNS":
            return True
    return False


_RECENT_SPAN = frozenset({"recent", "past", "last"})
_SPAN_UNITS = frozenset({"days", "weeks", "months", "years"})


def _running(event: _Event) -> bool:
    """A state or a series running up to the report, not one occurrence: a perfect with a "since"
    phrase ("rebels have been fighting the group since January", "the town has been under rocket
    fire since mid-January", "have killed thousands since Norland intervened") or over "recent weeks"
    ("in recent months jets have struck a number of hospitals"). "The first deaths since the truce
    began" dates an occurrence by its novelty, and a verb carries that "first"."""
    for h in event.hits:
        tok = h.head
        if isinstance(tok, _PlainToken):
            return False
        clause = tok
        for _ in range(2):  # an event noun is dated by the verb it fills ("carried out attacks since ...")
            if clause.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in clause.children) or clause.head.i == clause.i:
                break
            clause = clause.head
        kids = list(clause.children)
        perfect = any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "have" for c in kids) or (
            # "hospitals have been damaged and staff killed": the second participle shares the perfect
            clause.dep_ in ("conj", "xcomp") and any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "have"
                                                     for c in clause.head.children))
        if perfect and not any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "have" for c in kids):
            clause = clause.head  # the clause that carries the perfect carries its "since" and its span too
            kids = list(clause.children)
        if not perfect:
            continue
        if any(c.lower_ == "first" for c in clause.subtree):
            continue
        for c in kids:
            if c.dep_ == "advmod" and c.lower_ == "since":
                return True
            if c.dep_.startswith(("obl", "advcl", "nmod")) and _case(c) == "since":
                return True
        # "in recent months" anywhere in the clause: parsers attach it to whatever stands next to it;
        # "over the past two days" counts the days of one escalation, not a running series
        if any(t.lower_ in _SPAN_UNITS and any(g.lower_ in _RECENT_SPAN for g in t.children)
               and not (t.lower_ == "days" and any(g.dep_ == "nummod" for g in t.children))
               for t in clause.subtree):
            return True
    return False


def _phrase_start(tok) -> int:
    return min([tok.idx] + [c.idx for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i])


def _phrase_text(tok, text: str) -> str:
    """The short words of a noun phrase: its own modifiers and the noun ("unidentified gunmen",
    "Russian jets"), not relative clauses or prepositional phrases."""
    return " ".join(text[_phrase_start(tok):tok.idx + len(tok.text)].split())


# bare nouns that, beside a named actor, refer back to it rather than add a member to its side
_REFERRING_NOUNS = frozenset("group groups organisation organization movement militants fighters forces "
                             "members units unit faction factions".split())


_NO_KIND_NOUNS = frozenset({"people", "person", "persons", "individuals", "others"})


def _actor_terms(slots: list[tuple[object, str]], actors: list[EntityMention], targets: list[EntityMention],
                 text: str) -> tuple[tuple[str, str, int | None], ...]:
    """Descriptive actors ("gunmen", "government troops", "villagers"): role fillers whose noun says
    what kind of actor they are, with its ACLED interaction code. A named actor keeps its name ("Dawn
    Front fighters" is the Dawn Front); a described one beside it is another member of the side ("the
    Norlandic army and the Dawn Front")."""
    named = {"actor": [(m.start, m.end) for m in actors], "target": [(m.start, m.end) for m in targets]}
    out: dict[tuple[str, str], int | None] = {}
    expanded = []
    for tok, role in slots:
        if acled.inter_of_noun(tok.lower_) is None and _event_word(tok):
            # an act in an actor's slot ("government strikes sparked condemnation", "rebel-on-rebel
            # violence witnessed clashes") is no actor: the modifier that says whose act it is may be
            expanded += [(c, role) for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                         and (c.ent_type_ == "NORP" or acled.inter_of_noun(c.lower_) in _ARMED_INTER)]
        else:
            expanded.append((tok, role))
    for tok, role in expanded:
        noun = tok.lower_
        if noun in _NO_KIND_NOUNS:
            # "20 people were killed": who they were is not said (civilians, fighters or both), unless
            # the text says what most of them were ("18 people, mostly children")
            expanded += [(k, role) for k in _kind_of_most(tok) if (k, role) not in expanded]
            continue
        inter = acled.inter_of_noun(noun)
        if inter is None:
            inter = acled.inter_of_noun(tok.lemma_.lower())
        if inter is None and tok.ent_type_ == "NORP":
            inter = 1  # "Russian air strikes": a nationality on a military act names that state's forces
        if inter is None:  # "terrorist groups": the modifier says what kind of actor the group is
            inter = next((acled.inter_of_noun(c.lower_) for c in tok.children if c.dep_ in ("amod", "compound")
                          and acled.inter_of_noun(c.lower_) in _ARMED_INTER), None)
        if inter is None:
            continue
        phrase, lo = _phrase_text(tok, text), _phrase_start(tok)
        hi = tok.idx + len(tok.text)
        if any(a < hi and lo < b for a, b in named[role]) or named[role] and noun in _REFERRING_NOUNS and lo == tok.idx:
            continue  # "the fighters" beside a named group are its own; "Norlandic forces" are others
        out.setdefault((phrase, role), inter)
    return tuple((t, r, i) for (t, r), i in out.items())


_VIOLENCE_NOUNS = _SETTING_NOUNS | {"violence", "bloodshed", "hostilities"}


def _event_word(tok) -> bool:
    """A noun that names an act or a state of violence ("strikes", "violence", "the war"), no actor."""
    return any(l in LEXICON or l in _VIOLENCE_NOUNS for l in _lemmas(tok) + (tok.lower_,))


_MOSTLY = frozenset("mostly mainly largely predominantly chiefly".split())


def _kind_of_most(tok) -> list:
    """"18 people mostly children": the noun right after a count of people that says what most of them
    were (parsers hang it on the noun or on its verb). "10 people including seven children" names a
    part, not the kind of the whole."""
    near = [c for c in list(tok.children) + list(tok.head.children)
            if c.pos_ == "NOUN" and tok.i < c.i <= tok.i + 4]
    return [c for c in near if any(a.lower_ in _MOSTLY for a in c.children)]


def _side_inter(named: list[EntityMention], terms: tuple[tuple[str, str, int | None], ...], role: str) -> int | None:
    for m in named:
        inter = acled.inter_of_entity(m.type, m.subtype, m.name)
        if inter is not None:
            return inter
    return next((i for _, r, i in terms if r == role and i is not None), None)


_QUOTE_PAIRS = re.compile(r"“[^”]{20,}?(?:”|(?=\n\n))|\"[^\"\n]{20,}?(?:\"|(?=\n))")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Direct speech of four words or more: what is said there ("we asked for armoured vehicles",
    "I promise you") is the quote's content, recorded with the quote, not an event the report
    states. Short quoted names and figures ("the 'Knights of Hawija'", killed "more than 20") stay."""
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text) if len(m.group().split()) >= 4]


def _no_comment(hit: _Hit) -> bool:
    """"declined to comment", "did not respond to a request for comment": a newsroom formula."""
    tok = hit.head
    if isinstance(tok, _PlainToken):
        return False
    near = {t.lemma_.lower() for t in tok.subtree} | {c.lemma_.lower() for c in tok.head.children}
    return "comment" in near and _lemma_of(hit) in ("decline", "refuse", "request", "respond", "ask", "reply")


# modifiers that make "the ... attack" a different one from the last attack reported
_OTHER_EVENT = frozenset("first second third latest previous last earlier new other similar next recent separate "
                         "second-deadliest deadliest largest biggest".split())


def _definite(hit: _Hit) -> str | None:
    """"bare" for a noun trigger with a definite determiner and nothing more ("the deal", "this
    attack"); "specified" when the noun also carries its own date, place or other modifier ("the attack
    on Saturday night at X", "Saturday's assault"); None for anything else."""
    head = hit.head
    if isinstance(head, _PlainToken) or head.pos_ != "NOUN":
        return None
    kids = list(head.children)
    if any(c.dep_ == "amod" and c.lower_ in _OTHER_EVENT for c in kids):
        return None
    if not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "nmod:poss"
               for c in kids):
        return None
    own = {t.i for t in hit.tokens}
    specified = any(c.dep_ in ("nmod", "obl", "nmod:poss", "acl", "acl:relcl", "nmod:tmod") and c.i not in own
                    for c in kids)
    if not specified and head.dep_ == "obj":
        # "follows the attack on Saturday night": a phrase right after an object may hang on the
        # verb or on the object, and parsers choose either; read it as describing the event noun.
        specified = any(c.dep_ in ("obl", "obl:tmod", "nmod:tmod") and c.left_edge.i == head.right_edge.i + 1
                        for c in head.head.children)
    return "specified" if specified else "bare"


_REMOTE_MEANS = frozenset(acled.EVENT_TYPES["Explosions/Remote violence"])


def _share_means(events: list[EventMention]) -> None:
    """ "A chemical attack on X ... The attack killed 86": a definite mention of an event told
    earlier with its means is that event, done that way; the bare noun's reading ("Attack", "Armed
    clash") gives way to the means its antecedent states."""
    for k, ev in enumerate(events):
        j = ev.antecedent
        if not 0 <= j < k:
            continue
        prev = events[j]
        if prev.sub_event_type in _REMOTE_MEANS and ev.sub_event_type in (None, "Attack", "Armed clash"):
            events[k] = replace(ev, acled_type=prev.acled_type, sub_event_type=prev.sub_event_type,
                                mode=prev.mode or ev.mode)


def _link_anaphors(events: list[EventMention], definite: list[str | None]) -> None:
    """A definite event noun refers back to an earlier event of its type in another sentence: a bare
    one ("... has agreed to hand over ... The deal was reached on Monday") to the latest, unless their
    dates differ; a described one ("the strike, which killed Salman", "the attack on Saturday night
    at X") to the latest that agrees with the description: a shared actor, the same date, or the
    same place with no other actors. An earlier event told with the same noun ("a car bomb ... the
    bomb"), or else done the same way or of the same ACLED kind (a suicide bomber ... the blast), is
    preferred to a later one told otherwise ("... had executed 48 people")."""
    def noun(e: EventMention) -> str:
        return e.trigger.lower().split()[-1].rstrip("s") if e.trigger.strip() else ""

    for k, ev in enumerate(events):
        if not definite[k]:
            continue
        mine = {a for a, _ in ev.actors}
        earlier = range(k - 1, -1, -1)
        same_noun = [j for j in earlier if noun(events[j]) == noun(ev)]
        same_mode = [j for j in earlier if j not in same_noun and (ev.mode and events[j].mode == ev.mode
                                                                   or ev.acled_type and events[j].acled_type == ev.acled_type)]
        for j in same_noun + same_mode + [j for j in earlier if j not in same_noun and j not in same_mode]:
            prev = events[j]
            if prev.start == ev.start or prev.type != ev.type:
                continue
            both_dated = bool(prev.date and ev.date)
            if both_dated and not (prev.date.startswith(ev.date) or ev.date.startswith(prev.date)):
                if definite[k] == "bare":
                    break
                continue
            if definite[k] == "specified":
                theirs = {a for a, _ in prev.actors}
                same_place = prev.location >= 0 and prev.location == ev.location
                if not (mine & theirs or both_dated or (same_place and not (mine and theirs))):
                    continue
            events[k] = replace(ev, antecedent=j)
            break
