"""Relations between the entities of one document, sentence by sentence.

Entry point: :func:`find_relations` (spaCy ``Doc`` + resolved entity mentions -> ``RelationMention``).
The ontology, argument types, cues and confidence scale are documented in ``RELATIONS.md`` next to
this file; the cue vocabulary lives in :mod:`newsgraph.extract.relation_lexicon`.

Two matchers run over every sentence that holds at least two distinct entities:

- a *dependency* matcher that starts from cue words (role nouns, verbs, participles) and reads their
  arguments off the parse: appositions, copulas, titles before names, relative clauses, passives,
  coordination;
- a *surface* matcher over the words between two neighbouring mentions (and the few words after the
  second), which keeps working where the parser (LAS ~82) gets a long name or a title wrong.

When both find the same fact the confidence goes up. Type constraints then fix or drop what the
cues proposed (a leader of a *place* holds an office; a person cannot be ``part_of`` anything but is
``member_of``; nothing is led by an organisation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract import relation_lexicon as lex
from newsgraph.types import EntityMention, RelationMention

__all__ = ["find_relations"]

SYMMETRIC = frozenset({"allied_with", "fights", "family"})

# Confidence scale (see RELATIONS.md): how directly the text ties the cue to both arguments.
CONF_TIGHT = 0.9  # apposition, title before a name, possessive role ("X, the leader of Y")
CONF_CLAUSE = 0.8  # verb or participle with both arguments in its own clause
CONF_SURFACE = 0.7  # words between neighbouring mentions, parse not confirming
CONF_LOOSE = 0.55  # inferred: possessive between two names, hyphen compound reached via apposition
CONF_AGREE_BONUS = 0.05

# Honorifics and ranks written before a name; they are not cues.
_TITLE_TOKENS = frozenset(
    "mr mrs ms dr gen maj col lt brig capt sgt cpl sheikh shaikh sayyid ayatollah hojatoleslam imam "
    "mullah general colonel major lieutenant brigadier captain sergeant sen rep gov prof".split()
)
_DETS = r"(?:the|a|an|its|their|his|her|one of the|one of|another|also)"
_GENERIC_ORG = "(?:" + "|".join(sorted(lex.GENERIC_ORG_NOUNS)) + ")"
_MODS = r"(?:[a-z][\w'-]*\s+){0,3}?"


@dataclass(slots=True)
class _Arg:
    """One usable mention inside the sentence, in token coordinates."""

    entity: int
    type: str
    subtype: str | None
    first: int  # token index of the first token
    last: int  # token index after the last token
    title_first: int = -1  # where a person's title before the bare name starts ("Prime Minister X"), else first


@dataclass(slots=True)
class _Candidate:
    subject: _Arg
    predicate: str
    object: _Arg
    confidence: float
    cue_first: int  # token range of the cue
    cue_last: int
    source: str  # "dep" | "surface"


_SHIPPED = object()


def find_relations(doc, mentions: list[EntityMention], classifier=_SHIPPED) -> list[RelationMention]:
    """Relations stated in ``doc`` between the local entities of ``mentions``.

    One ``RelationMention`` per (sentence, subject, predicate, object). Mentions with ``entity < 0``
    are ignored. Returns ``[]`` for an empty document or one without two entities in a sentence.
    ``classifier``: the trained pair classifier that adds relations the rules leave out (the shipped
    one by default; None for the rules alone).
    """
    if classifier is _SHIPPED:
        from newsgraph.extract import relation_classifier

        classifier = relation_classifier.load()
    usable = [m for m in mentions or () if m.entity >= 0 and m.end > m.start]
    if len(doc) == 0 or len({m.entity for m in usable}) < 2:
        return []
    usable.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[RelationMention] = []
    mi = 0
    for sent in _sentences(doc):
        s_start, s_end = sent.start_char, sent.end_char
        while mi < len(usable) and usable[mi].start < s_start:
            mi += 1
        in_sent = []
        j = mi
        while j < len(usable) and usable[j].start < s_end:
            if usable[j].end <= s_end:
                in_sent.append(usable[j])
            j += 1
        if len({m.entity for m in in_sent}) < 2:
            continue
        args = _sentence_args(doc, sent, in_sent)
        if len({a.entity for a in args}) < 2:
            continue
        found = _sentence_relations(doc, sent, args)
        if classifier is not None:
            found.extend(_classifier_relations(doc, sent, args, found, classifier))
        out.extend(found)
    return out


_FINAL = frozenset('. ! ? " ” ’ \' ) : ;'.split()) | {"…"}


def _sentences(doc):
    """The parser's sentences, re-joined where a split falls inside a clause.

    The shipped parser sometimes cuts "X commander | Karim Nasser met ..." before a name; a sentence
    that does not end in final punctuation is merged with the next one (paragraph breaks still split).
    """
    sents = list(doc.sents)
    i = 0
    while i < len(sents):
        j = i
        while (j + 1 < len(sents) and sents[j][-1].text not in _FINAL and "\n" not in sents[j][-1].whitespace_
               and "\n" not in sents[j][-1].text):
            j += 1
        yield doc[sents[i].start : sents[j].end] if j > i else sents[i]
        i = j + 1


# -- mentions -> token spans ----------------------------------------------------------------------


def _sentence_args(doc, sent, mentions: list[EntityMention]) -> list[_Arg]:
    """Token spans of the sentence's mentions, without overlaps (the earlier, longer one wins).

    A person mention that carries a title ("PMF spokesman Ahmed Nouri") is cut to its bare name so
    that the title words stay visible to the matchers.
    """
    args: list[_Arg] = []
    taken_until = -1
    for m in mentions:
        start, end = m.start, m.end
        if m.type == "PERSON" and m.name_start >= 0 and m.name_end > m.name_start:
            start, end = m.name_start, m.name_end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if span.start < taken_until:
            continue
        first, last = max(span.start, sent.start), min(span.end, sent.end)
        if last - first >= 3 and doc[last - 2].text in ("-", "–") and doc[last - 1].lower_ in lex.HYPHEN_CUES:
            last -= 2  # a mention read with its hyphen cue ("Norlandi-backed"): the cue stays visible
        if first >= last:
            continue
        title_first = first
        if (start, end) != (m.start, m.end):
            whole = doc.char_span(m.start, m.end, alignment_mode="expand")
            if whole is not None and sent.start <= whole.start < first:
                title_first = whole.start
        args.append(_Arg(m.entity, m.type, m.subtype, first, last, title_first))
        taken_until = last
    return args


# -- per sentence ---------------------------------------------------------------------------------


def _sentence_relations(doc, sent, args: list[_Arg]) -> list[RelationMention]:
    tok2arg: dict[int, _Arg] = {}
    for a in args:
        for i in range(a.first, a.last):
            tok2arg[i] = a
    cands: list[_Candidate] = []
    cands.extend(_dependency_candidates(doc, sent, args, tok2arg))
    cands.extend(_surface_candidates(doc, sent, args, tok2arg))

    best: dict[tuple[int, str, int], tuple[_Candidate, set[str]]] = {}
    for c in cands:
        fitted = _fit_types(c)
        if fitted is None:
            continue
        key = (fitted.subject.entity, fitted.predicate, fitted.object.entity)
        if fitted.predicate in SYMMETRIC:
            rkey = (key[2], key[1], key[0])
            if rkey in best:
                key = rkey
        if key not in best:
            best[key] = (fitted, {fitted.source})
        else:
            prev, sources = best[key]
            sources.add(fitted.source)
            if fitted.confidence > prev.confidence:
                best[key] = (fitted, sources)
    out = []
    for (subj, pred, obj), (c, sources) in best.items():
        conf = c.confidence + (CONF_AGREE_BONUS if len(sources) > 1 else 0.0)
        polarity = _polarity(doc, sent, c)
        cue_span = doc[c.cue_first : c.cue_last]
        out.append(
            RelationMention(
                subject=subj,
                predicate=pred,
                object=obj,
                polarity=polarity,
                confidence=round(min(conf, 0.95), 2),
                cue=cue_span.text,
                start=sent.start_char,
                end=sent.end_char,
                cue_start=cue_span.start_char,
                cue_end=cue_span.end_char,
            )
        )
    return out


# -- the trained pair classifier ------------------------------------------------------------------

CONF_MODEL_MAX = 0.75  # a relation only the classifier sees ranks below the rules' clause readings


def _pair_label(rel: RelationMention, left_entity: int) -> str:
    """A rule relation as the classifier's label for (left, right): "fights", "member_of>", ..."""
    p = "member_of" if rel.predicate == "part_of" else rel.predicate
    if p in SYMMETRIC:
        return p
    return p + (">" if rel.subject == left_entity else "<")


def _classifier_relations(doc, sent, args: list[_Arg], found: list[RelationMention], classifier) -> list[RelationMention]:
    """Relations the classifier gives pairs the rules found nothing for, above its threshold, fitted
    to the ontology's argument types (a place never fights; a backer is never an enemy: a pair the
    rules already relate, by any predicate, is left to them)."""
    by_pair: dict[frozenset, RelationMention] = {}
    for r in sorted(found, key=lambda r: -r.confidence):
        by_pair.setdefault(frozenset((r.subject, r.object)), r)

    def rule_of(left: _Arg, right: _Arg) -> str | None:
        r = by_pair.get(frozenset((left.entity, right.entity)))
        return _pair_label(r, left.entity) if r is not None else None

    out = []
    for ps in classifier.score(doc, args, rule_of):
        if ps.probability < classifier.threshold or frozenset((ps.left.entity, ps.right.entity)) in by_pair:
            continue
        pred = ps.label.rstrip("<>")
        subj, obj = (ps.right, ps.left) if ps.label.endswith("<") else (ps.left, ps.right)
        cue = _lowest_common_head(doc, subj, obj)
        fitted = _fit_types(_Candidate(subj, pred, obj, ps.probability, cue, cue + 1, "model"))
        if fitted is None or fitted.predicate not in (pred, "part_of", "holds_office"):
            continue
        span = doc[cue:cue + 1]
        out.append(RelationMention(
            subject=fitted.subject.entity, predicate=fitted.predicate, object=fitted.object.entity,
            polarity=_polarity(doc, sent, fitted), confidence=round(min(CONF_MODEL_MAX, ps.probability), 2),
            cue=span.text, start=sent.start_char, end=sent.end_char, cue_start=span.start_char,
            cue_end=span.end_char))
    return out


def _lowest_common_head(doc, a: _Arg, b: _Arg) -> int:
    """The token that governs both mentions (the word that relates them, for polarity and the cue)."""
    def chain(arg):
        tok = doc[arg.last - 1]
        seen = [tok]
        while tok.head is not tok and len(seen) < 40:
            tok = tok.head
            seen.append(tok)
        return seen
    ids = {t.i for t in chain(b)}
    for t in chain(a):
        if t.i in ids and not (a.first <= t.i < a.last or b.first <= t.i < b.last):
            return t.i
    return min(a.last, b.last) if a.last <= b.first or b.last <= a.first else a.first


# -- argument types -------------------------------------------------------------------------------


def _is_state(a: _Arg) -> bool:
    """A place that can act (a country), or a place of unknown kind."""
    return a.type == "LOC" and a.subtype in (None, "country")


def _fit_types(c: _Candidate) -> _Candidate | None:
    """Map a proposed relation onto the ontology's argument types, or drop it."""
    s, o, p = c.subject, c.object, c.predicate
    if s.entity == o.entity:
        return None
    st, ot = s.type, o.type

    def as_(pred: str) -> _Candidate:
        return _Candidate(s, pred, o, c.confidence, c.cue_first, c.cue_last, c.source)

    if p == "leads":
        if st != "PERSON":
            return None
        return as_("leads") if ot == "ORG" else as_("holds_office") if ot == "LOC" else None
    if p == "controls":
        if st == "PERSON":
            return as_("leads") if ot == "ORG" else None
        if st == "ORG" and ot in ("ORG", "PERSON"):  # the commanded one reports to its command
            return _Candidate(o, "reports_to", s, c.confidence, c.cue_first, c.cue_last, c.source)
        return None
    if p == "holds_office":
        return as_(p) if st == "PERSON" and ot in ("ORG", "LOC") else None
    if p in ("member_of", "part_of"):
        if st == "PERSON" and (ot == "ORG" or _is_state(o)):
            return as_("member_of")
        if st == "ORG" and (ot == "ORG" or _is_state(o)):
            return as_("part_of")
        if st == "LOC" and s.subtype == "country" and ot == "ORG":
            return as_("part_of")  # a state in a coalition or an international organisation
        return None
    if p == "spokesperson_for":
        return as_(p) if st == "PERSON" and ot in ("ORG", "PERSON") or (st == "PERSON" and _is_state(o)) else None
    if p == "advisor_to":
        return as_(p) if st == "PERSON" else None
    if p == "backed_by":
        return as_(p) if st in ("ORG", "PERSON") and (ot in ("ORG", "PERSON") or _is_state(o)) else None
    if p == "reports_to":
        if st not in ("ORG", "PERSON"):
            return None
        if ot in ("ORG", "PERSON"):
            return as_(p)
        return as_("backed_by") if _is_state(o) else None  # "loyal to <country>"
    if p in ("allied_with", "fights"):
        ok = lambda a: a.type in ("ORG", "PERSON") or _is_state(a)  # noqa: E731
        if p == "fights" and st == ot == "PERSON":
            return None  # two people "fighting" is rarely an armed conflict between them
        return as_(p) if ok(s) and ok(o) else None
    if p == "family":
        return as_(p) if st == ot == "PERSON" else None
    if p == "based_in":
        return as_(p) if st in ("ORG", "PERSON") and ot == "LOC" else None
    return None


def _role_predicate(noun: str, holder: _Arg, target: _Arg, modifiers: set[str], prep: str = "") -> str | None:
    """The relation a role noun sets up between its holder and its target."""
    if target.type == "LOC" and prep in ("in", "at", "from", "within") and noun not in lex.LOCAL_PERSON_NOUNS:
        return None  # "a spokesman in Baghdad" says where, not for whom
    if noun in lex.SPOKES_NOUNS:
        return "spokesperson_for"
    if noun in lex.ADVISOR_NOUNS:
        return "advisor_to"
    if noun in lex.FAMILY_NOUNS:
        return "family"
    if noun in lex.SUBORDINATE_NOUNS:
        return "reports_to" if target.type == "PERSON" else "member_of"
    if noun in lex.OFFICE_NOUNS:
        return "holds_office"
    if noun in lex.ALLY_NOUNS:
        return "allied_with"
    if noun in lex.PROXY_NOUNS:
        return "backed_by"
    if noun in lex.ENEMY_NOUNS:
        return "fights"
    if noun in lex.LEADER_NOUNS:
        if holder.type == "ORG":
            return "part_of" if noun in lex.UNIT_NOUNS else None
        if modifiers & lex.NON_HEAD_MODIFIERS or prep in ("at", "in", "within"):
            return "member_of"  # "deputy commander of X", "a director at X"
        return "leads"
    if holder.type == "ORG" and (noun in lex.UNIT_NOUNS or noun in lex.UMBRELLA_NOUNS and noun != "umbrella"):
        # "X, a coalition of ..." is handled as a gathering; "X, another faction in Y" lands here.
        return "part_of" if noun in lex.UNIT_NOUNS else None
    if holder.type == "PERSON" and noun in lex.MEMBER_NOUNS:
        return "member_of"
    if holder.type == "PERSON" and noun in lex.LOCAL_PERSON_NOUNS and target.type == "LOC" and prep in ("", "in"):
        return "based_in"  # "the Najaf cleric", not "a cleric from Hilla" (origin)
    return None


def _is_role_noun(word: str) -> bool:
    return any(
        word in group
        for group in (
            lex.LEADER_NOUNS, lex.OFFICE_NOUNS, lex.MEMBER_NOUNS, lex.SPOKES_NOUNS, lex.ADVISOR_NOUNS,
            lex.FAMILY_NOUNS, lex.SUBORDINATE_NOUNS, lex.UNIT_NOUNS, lex.ALLY_NOUNS, lex.PROXY_NOUNS,
            lex.ENEMY_NOUNS, lex.LOCAL_PERSON_NOUNS,
        )
    )


# -- dependency matcher ---------------------------------------------------------------------------

_RELATIVE_PRONOUNS = frozenset("which who that whom".split())
_GENERIC_HOPS = 2  # how many generic nouns ("a militia", "one of three groups") we follow to a name


def _arg_of(tok, tok2arg, hops: int = _GENERIC_HOPS):
    """The mention a token stands for: itself, or a generic noun in apposition with a mention."""
    a = tok2arg.get(tok.i)
    if a is not None:
        return a
    if tok.lower_ in _RELATIVE_PRONOUNS and tok.head.dep_ in ("acl:relcl", "acl", "advcl:relcl"):
        antecedent = tok.head.head
        # A relative clause hung on a time word ("formed last year that is ...") belongs higher up.
        for _ in range(3):
            if antecedent.i in tok2arg or antecedent.lemma_.lower() not in _TIME_NOUNS | {"form", "found", "create"}:
                break
            antecedent = antecedent.head
        return _arg_of(antecedent, tok2arg, hops)
    if hops <= 0 or tok.pos_ not in ("NOUN", "NUM", "PRON", "ADJ", "PROPN"):
        return None
    for child in tok.children:
        if child.dep_ == "appos" and child.i in tok2arg and not _alias_of_name_before(child, tok2arg):
            return tok2arg[child.i]
    if tok.dep_ in ("appos", "nmod:desc") and tok.head.i in tok2arg:
        return tok2arg[tok.head.i]
    if tok.dep_ == "appos":
        return _arg_of(tok.head, tok2arg, hops - 1)
    if tok.lemma_.lower() in _MEMBERSHIP_NOUNS:
        # "Islamic State militants", "members of the alliance": the people stand for their group
        for child in tok.children:
            if child.i in tok2arg and (child.dep_ == "compound" or child.dep_ == "nmod" and _case(child) in ("of", "from")):
                return tok2arg[child.i]
        for child in tok.children:  # "members of the X tribe": the name inside a generic group noun
            if child.dep_ == "nmod" and _case(child) in ("of", "from") and child.lemma_.lower() in _GROUP_NOUNS:
                inside = _named_inside(child, tok2arg)
                if inside:
                    return inside[0]
    if tok.lower_ == "one":  # "one of the three factions" stands for its apposed name
        for child in tok.children:
            if child.dep_ == "appos":
                return _arg_of(child, tok2arg, hops - 1)
    return None


def _alias_of_name_before(appos, tok2arg) -> bool:
    """"ties to Iran's Revolutionary Guard Corps (IRGC)": a bracketed name right after another
    name is that name's short form, wherever the parser hangs it (here on "ties", which would
    make the ties stand for the Guard)."""
    doc = appos.doc
    opening = appos.left_edge.i  # the bracket hangs on the appositive, or just before it
    if doc[opening].text not in ("(", "["):
        opening -= 1
    return opening >= 1 and doc[opening].text in ("(", "[") and (opening - 1) in tok2arg


_TIME_NOUNS = frozenset("year month week day time decade spring summer autumn fall winter".split())
_PLACE_NOUNS = frozenset("city town village province district region area governorate county capital".split())
_MEMBERSHIP_NOUNS = frozenset("militant fighter member gunman soldier troop force".split())
_GROUP_NOUNS = lex.GENERIC_ORG_NOUNS | {"tribe", "clan"}


def _with_conjuncts(tok):
    """The token and the heads of its coordinated siblings ("X, Y and Z").

    "A, B and C" is often parsed as A with the apposition "B and C", or as A with the apposition B
    and the conjunct C: an apposition that itself coordinates, or that stands between A and its
    conjunct, is an item of a list, not a second name for A."""
    out = [tok]
    for t in tok.conjuncts:
        out.append(t)
    coordinated = [c.i for c in tok.children if c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children)]
    for child in tok.children:
        if child.dep_ != "appos":
            continue
        if any(c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children) for c in child.children):
            out.append(child)
            out.extend(child.conjuncts)
        elif coordinated and child.i < min(coordinated):
            out.append(child)
    return out


def _args_of(tok, tok2arg) -> list[_Arg]:
    seen: dict[int, _Arg] = {}
    for t in _with_conjuncts(tok):
        a = _arg_of(t, tok2arg)
        if a is not None:
            seen[id(a)] = a
    return list(seen.values())


def _subjects(tok, tok2arg, depth: int = 4) -> list[_Arg]:
    """Who the predicate word ``tok`` is said of."""
    if depth <= 0:
        return []
    own_subject = False
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubj:pass"):
            found = _args_of(child, tok2arg)
            if found:
                return found
            own_subject = True
    if own_subject:
        return []  # "Iraq faces ... and all communities must cooperate to defeat Y": not Iraq
    stolen = _subject_read_as_object(tok)
    if stolen is not None:
        found = _args_of(stolen, tok2arg)
        if found:
            return found
    dep = tok.dep_
    if dep in ("acl", "acl:relcl", "amod", "appos"):
        a = _arg_of(tok.head, tok2arg)
        if a is not None:
            return [a]
        return _subjects(tok.head, tok2arg, depth - 1) if tok.head.pos_ in ("NOUN", "NUM") else []
    if dep in ("conj", "xcomp"):
        return _subjects(tok.head, tok2arg, depth - 1)
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children):
        return _subjects(tok.head, tok2arg, depth - 1)  # "X stands by Y to defeat Z": X defeats
    if dep == "obl" and any(c.lower_ == "as" for c in tok.children):  # "serves as an adviser to"
        return _subjects(tok.head, tok2arg, depth - 1)
    return []


_CLAUSE_OR_PREPOSITION = frozenset("after before since until".split())


def _subject_read_as_object(verb):
    """"three days after Islamic State militants killed members of the alliance": a parser may
    read "after" as a preposition, make "militants" its object and leave "killed" with no
    subject. A finite verb with no subject, right after a noun phrase opened by a word that also
    joins clauses, takes that phrase as its subject. Returns the phrase's head, or None."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass", "expl", "mark") for c in verb.children):
        return None
    doc = verb.doc
    for tok in doc[verb.sent.start:verb.i]:
        if (tok.dep_ in ("obl", "nmod") and tok.pos_ in ("NOUN", "PROPN") and tok.right_edge.i == verb.i - 1
                and _case(tok) in _CLAUSE_OR_PREPOSITION):
            return tok
    return None


def _case(tok) -> str:
    for child in tok.children:
        if child.dep_ == "case" and child.pos_ == "ADP":
            return child.lower_
    return ""


def _prep_objects(tok, tok2arg) -> list[tuple[str, _Arg, int]]:
    """(preposition, argument, token index) for obj/obl/nmod children of ``tok``."""
    out = []
    for child in tok.children:
        if child.dep_ in ("obj", "obl", "obl:agent", "nmod", "nmod:poss", "iobj"):
            prep = "'s" if child.dep_ == "nmod:poss" else _case(child) if child.dep_ != "obj" else ""
            for a in _args_of(child, tok2arg) or _named_inside(child, tok2arg):
                out.append((prep, a, child.i))
    return out


def _named_inside(noun, tok2arg) -> list[_Arg]:
    """"the alliance's leadership" / "an army regiment" / "the holy city of X": the name inside
    a generic noun."""
    # A compound names the noun itself, a possessor only its owner: "commander of the alliance's
    # Liwa X brigade" leads Liwa X, whether the parser hangs "the alliance's" on "Liwa" or on "brigade".
    # A noun that governs a person's name is that person's title ("joined Norland's Foreign Minister
    # X"): its owner is not the noun.
    if any(c.i in tok2arg and tok2arg[c.i].type == "PERSON" for c in noun.children):
        return []
    for dep in ("compound", "nmod:poss"):
        for grand in noun.children:
            if grand.dep_ == dep and grand.i in tok2arg:
                return [tok2arg[grand.i]]
    for grand in noun.children:
        if (grand.dep_ == "nmod" and _case(grand) == "of" and grand.i in tok2arg
                and noun.lemma_.lower() in _PLACE_NOUNS):
            return [tok2arg[grand.i]]
    return []


def _against_on_argument(tok, tok2arg) -> list[tuple[str, _Arg, int]]:
    """"fought alongside the army against the group": the parser may hang "against the group"
    on "army" rather than on the verb. Only a fight is ever *against* someone, so the phrase
    names the verb's opponent wherever it is attached."""
    out = []
    for child in tok.children:
        if child.dep_ not in ("obj", "obl"):
            continue
        for grand in child.children:
            if grand.dep_ == "nmod" and _case(grand) == "against":
                args = _args_of(grand, tok2arg) or _named_inside(grand, tok2arg)
                out.extend(("against", a, grand.i) for a in args)
    return out


def _dependency_candidates(doc, sent, args, tok2arg) -> list[_Candidate]:
    out: list[_Candidate] = []
    for tok in sent:
        low = tok.lower_
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and _is_role_noun(lemma):
            out.extend(_role_noun_candidates(tok, lemma, tok2arg))
        elif low in lex.PARTICIPLE_CUES and _is_passive_like(tok):
            out.extend(_participle_candidates(tok, low, tok2arg))
        elif tok.pos_ == "VERB" and (lemma in lex.ACTIVE_VERBS or lemma in lex.PATRON_VERBS):
            out.extend(_verb_candidates(tok, lemma, tok2arg))
        if tok.pos_ == "NOUN" and (lemma in lex.CAMPAIGN_NOUNS or lemma in lex.PURPOSE_NOUNS):
            out.extend(_campaign_candidates(tok, lemma, tok2arg))
    return out


def _campaign_candidates(tok, lemma: str, tok2arg) -> list[_Candidate]:
    """A fight named by a noun: "X's fight against Y", "X launched strikes against Y", "support for
    X in the fight against Y", "helped X in its efforts to defeat Y", "X's strategy to defeat Y"."""
    opponents: list[_Arg] = []
    if lemma in lex.CAMPAIGN_NOUNS:
        for child in tok.children:
            if child.dep_ in ("nmod", "obl") and _case(child) == "against":
                opponents.extend(_args_of(child, tok2arg) or _named_inside(child, tok2arg))
    for child in tok.children:
        if (child.dep_ == "acl" and child.pos_ == "VERB" and lex.ACTIVE_VERBS.get(child.lemma_.lower()) == "fights"
                and any(m.dep_ == "mark" and m.lower_ == "to" for m in child.children)):
            for verb in _with_conjuncts(child):  # "to degrade and defeat Y"
                opponents.extend(a for prep, a, _ in _prep_objects(verb, tok2arg) if prep in ("", "against"))
    if not opponents:
        return []
    out = []
    for fighter in _campaigners(tok, tok2arg):
        for opponent in opponents:
            if fighter.entity != opponent.entity:
                out.append(_Candidate(fighter, "fights", opponent, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
    return out


def _campaigners(tok, tok2arg) -> list[_Arg]:
    """Who carries out the campaign noun ``tok``: its possessor or name compound, the subject of a
    verb that launches it, or the one helped "in" it."""
    own = [tok2arg[c.i] for c in tok.children
           if c.dep_ in ("nmod:poss", "compound", "amod") and c.i in tok2arg and c.i < tok.i]
    if own:
        return own
    head = tok.head
    if tok.dep_ == "obj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.CAMPAIGN_VERBS:
        return _subjects(head, tok2arg)
    if _case(tok) != "in" or head is tok:
        return []
    if head.i in tok2arg:  # "X in its fight against Y"
        return _args_of(head, tok2arg)
    if head.dep_ == "conj" and head.pos_ == "NOUN" and head.head.i in tok2arg:
        return _args_of(head.head, tok2arg)  # "A and the B people in their fight"
    helped = _helped(head, tok2arg)
    if not helped and head.pos_ == "VERB":  # "reiterated its support for X in the fight"
        for child in head.children:
            if child.dep_ == "obj":
                helped.extend(_helped(child, tok2arg))
    if not helped:
        # "support for X in the fight" with the phrase hung elsewhere: the name right before "in",
        # when a help word governs it
        case = next(c for c in tok.children if c.dep_ == "case")
        before = tok2arg.get(case.i - 1)
        if before is not None:
            root = next((t for t in tok.doc[before.first:before.last] if not before.first <= t.head.i < before.last), None)
            if root is not None and root.head.lemma_.lower() in lex.HELP_WORDS and root.dep_ in ("nmod", "obj"):
                helped = [before]
    return helped


def _helped(tok, tok2arg) -> list[_Arg]:
    """The ones a help word is given to: "supported X", "support for/of X"."""
    if tok.lemma_.lower() not in lex.HELP_WORDS:
        return []
    out: list[_Arg] = []
    for child in tok.children:
        if tok.pos_ == "VERB" and child.dep_ == "obj" or child.dep_ == "nmod" and _case(child) in ("for", "of", "to"):
            out.extend(_args_of(child, tok2arg))
    return out


def _role_noun_candidates(tok, noun: str, tok2arg) -> list[_Candidate]:
    holders: list[_Arg] = []
    own = tok2arg.get(tok.i)
    if own is not None and own.type == "PERSON":
        holders = [own]  # the title is part of the person mention
    elif own is None:
        holders = _adjacent_holder(tok, tok2arg)
    if not holders and own is None:
        for child in tok.children:
            if child.dep_ == "appos" and child.i in tok2arg and not _alias_of_name_before(child, tok2arg):
                holders = [tok2arg[child.i]]  # "the alliance's leader, X"
                break
        if not holders and tok.dep_ in ("nmod:desc", "compound", "flat") and tok.head.i in tok2arg:
            holders = [tok2arg[tok.head.i]]  # "spokesman Ahmed Nouri"
        if not holders and tok.dep_ == "appos":
            a = _arg_of(tok.head, tok2arg)
            holders = [a] if a is not None else []
        if not holders:
            holders = _appointee(tok, tok2arg)  # "appointed X commander of Y"
        if not holders:
            holders = _subjects(tok, tok2arg)  # copula, relative clause, "serves as"
        if not holders and tok.dep_ == "nmod" and _case(tok) == "of" and tok.head.pos_ in ("ADJ", "NUM", "PRON"):
            # "X is the smallest of the alliance's factions" / "X, one of the factions of Y"
            head = tok.head
            holders = _subjects(head, tok2arg) or [a for a in [_arg_of(head, tok2arg)] if a is not None]
    if not holders:
        return []
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod:desc")}
    targets: list[tuple[_Arg, int, str]] = []
    for prep, a, where in _prep_objects(tok, tok2arg):
        if (prep in lex.ROLE_PREPOSITIONS or prep == "'s") and not _taken_by_predicate(tok, where):
            targets.append((a, where, prep))
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod:desc", "nmod:unmarked") and child.i in tok2arg:
            targets.append((tok2arg[child.i], child.i, ""))
    out = []
    tight = tok.dep_ in ("appos", "nmod:desc", "compound") or any(c.dep_ == "appos" for c in tok.children)
    for holder in holders:
        for target, where, prep in targets:
            pred = _role_predicate(noun, holder, target, modifiers, prep)
            if pred is None:
                continue
            lo, hi = min(tok.i, where), max(tok.i, where)
            cue_lo = tok.i if where > tok.i else where + 1
            cue_hi = (where if where > tok.i else tok.i + 1)
            if cue_lo >= cue_hi:
                cue_lo, cue_hi = tok.i, tok.i + 1
            conf = CONF_TIGHT if tight and hi - lo <= 6 else CONF_CLAUSE
            out.append(_Candidate(holder, pred, target, conf, cue_lo, cue_hi, "dep"))
    return out


def _appointee(role, tok2arg) -> list[_Arg]:
    """The object of a verb that puts someone in ``role``: "named X (as) head of Y", "X was
    appointed commander of Y" (the passive subject)."""
    verb = role.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.APPOINT_VERBS:
        return []
    if role.dep_ not in ("obj", "xcomp") and not (role.dep_ == "obl" and _case(role) == "as"):
        return []
    for child in verb.children:
        if child.i != role.i and child.dep_ in ("obj", "nsubj:pass") and child.i < role.i:
            found = _args_of(child, tok2arg)
            if found:
                return found
    return []


def _taken_by_predicate(role, where: int) -> bool:
    """A phrase that opens right after an adjective or participle belongs to it, whatever the
    parse says: in "the commander of a militia allied with Iran" the parser may hang "with Iran"
    on "commander", but Iran is the militia's ally, not the commander's office."""
    doc = role.doc
    case = next((c for c in doc[where].children if c.dep_ == "case" and c.i < where), None)
    if case is None or case.i <= role.i + 1:
        return False
    before = doc[case.i - 1]
    return before.pos_ in ("VERB", "ADJ") and before.tag_ != "JJS"


def _adjacent_holder(tok, tok2arg) -> list[_Arg]:
    """The name right next to a role phrase, separated by a comma: "X, the leader of Y" / "Y's leader, X".

    Adjacency beats the parse: in "A, the leader of B, and C, commander of D" the parser often hangs
    both appositions on A.
    """
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and doc[left].is_punct:  # the apposition's own comma hangs on its head
        left += 1
    if left >= 2 and doc[left - 1].text == "," and (left - 2) in tok2arg:
        holder = tok2arg[left - 2]
        if holder.type == "PERSON" or tok.lemma_.lower() in lex.UNIT_NOUNS:
            return [holder]
    nxt = tok.i + 1
    if nxt + 1 < len(doc) and doc[nxt].text == "," and (nxt + 1) in tok2arg:
        holder = tok2arg[nxt + 1]
        if holder.type == "PERSON" and holder.first == nxt + 1:
            return [holder]
    return []


def _is_passive_like(tok) -> bool:
    if tok.pos_ == "ADJ":
        return True
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children) and \
            not any(c.dep_ == "aux:pass" for c in tok.children):
        return False  # a perfect: "X has supported Y" is active
    if tok.dep_ in ("acl", "amod"):
        return True
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent", "cop") for c in tok.children) or tok.tag_ == "VBN"


def _closest_noun_of_subject(tok):
    """"The commander of a militia allied with Iran was killed": with no auxiliary or copula, a
    participle right after "X of Y" describes Y, the nearer noun, even when the parser makes it
    the predicate of X or a modifier of X. Returns Y, or None when the parse needs no correction."""
    if any(c.dep_ in ("aux", "aux:pass", "cop") for c in tok.children):
        return None
    if tok.dep_ in ("acl", "amod") and tok.head.i < tok.i:  # "the commander of a militia allied with"
        for nmod in tok.head.children:
            if nmod.dep_ == "nmod" and nmod.i < tok.i and nmod.right_edge.i == tok.i - 1:
                return nmod
        return None
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.right_edge.i == tok.i - 1:
            for nmod in child.children:
                if nmod.dep_ == "nmod" and nmod.right_edge.i == tok.i - 1:
                    return nmod
    return None


def _participle_candidates(tok, low: str, tok2arg) -> list[_Candidate]:
    pred, wanted, inverted = lex.PARTICIPLE_CUES[low]
    nearer = _closest_noun_of_subject(tok)
    if nearer is not None:
        a = _arg_of(nearer, tok2arg)
        subjects = [a] if a is not None else []
    else:
        subjects = _subjects(tok, tok2arg)
    if not subjects and pred == "leads" and tok.dep_ == "acl" and tok.head.lower_ in _UNIT_WORDS:
        # "an army regiment commanded by X": X commands a unit of the army
        owners = [tok2arg[c.i] for c in tok.head.children if c.dep_ in ("compound", "nmod:poss") and c.i in tok2arg]
        subjects, pred = owners, "member_of"
    if not subjects:
        return []
    out = []
    for prep, obj, where in _prep_objects(tok, tok2arg):
        if prep != wanted:
            continue
        for subj in subjects:
            s, o = (obj, subj) if inverted else (subj, obj)
            out.append(_Candidate(s, pred, o, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
    return out


def _verb_candidates(tok, lemma: str, tok2arg) -> list[_Candidate]:
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)
    subjects = _subjects(tok, tok2arg)
    objs = _prep_objects(tok, tok2arg)
    out = []
    if lemma in lex.PATRON_VERBS and not passive:
        for prep, obj, _ in objs:
            if prep == "":
                for s in subjects:
                    out.append(_Candidate(obj, "backed_by", s, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
        for obj in _action_agents(tok, tok2arg):  # "supported the offensive by X": X is backed
            for s in subjects:
                out.append(_Candidate(obj, "backed_by", s, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
        return out
    pred = lex.ACTIVE_VERBS.get(lemma)
    if pred is None:
        return out
    if pred == "fights":
        objs = objs + _against_on_argument(tok, tok2arg)
        if not objs and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            # "to degrade and defeat Y": the object the parser gave the first verb is shared
            objs = [o for o in _prep_objects(tok.head, tok2arg) if o[2] > tok.i and o[0] in ("", "against")]
        if not passive:
            out.extend(_co_belligerents(tok, lemma, subjects, tok2arg))
    for prep, obj, where in objs:
        if passive:
            if prep == "by":
                for s in subjects:
                    out.append(_Candidate(obj, pred, s, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
            continue
        this = pred
        if pred == "fights" and prep == "alongside":
            this = "allied_with"
        elif pred == "fights" and prep not in ("", "against", "with"):
            continue
        elif pred in ("member_of", "reports_to") and prep not in ("to", ""):
            continue
        elif pred in ("leads", "advisor_to", "controls") and prep != "":
            continue
        if pred in ("leads", "controls") and where not in tok2arg and tok.doc[where].lower_ in _UNIT_WORDS:
            this = "member_of"  # "commands an army regiment"
        if lemma == "kill" and (obj.type != "ORG" or any(s.type != "ORG" for s in subjects)):
            continue
        for s in subjects:
            out.append(_Candidate(s, this, obj, CONF_CLAUSE, tok.i, tok.i + 1, "dep"))
    return out


_RECIPROCAL = frozenset("other another each".split())


def _co_belligerents(verb, lemma: str, subjects: list[_Arg], tok2arg) -> list[_Candidate]:
    """Coordinated subjects of one fight: on the same side when it has an opponent ("A, B and C
    are committed to defeating the group"), each other's enemies when it has none ("A and B
    clashed")."""
    if len(subjects) < 2:
        return []
    opponent = [c for c in verb.children if c.dep_ == "obj" or c.dep_ == "obl" and _case(c) in ("against", "with")]
    if any(c.lower_ in _RECIPROCAL for c in opponent) or lemma == "clash" and not opponent:
        pred = "fights"  # "A and B attacked each other", "A and B clashed"
    elif opponent:
        pred = "allied_with"
    else:
        return []
    out = []
    for i, a in enumerate(subjects):
        for b in subjects[i + 1:]:
            out.append(_Candidate(a, pred, b, CONF_CLAUSE, verb.i, verb.i + 1, "dep"))
    return out


def _action_agents(verb, tok2arg) -> list[_Arg]:
    """The agents ("by X") of the actions a support verb takes as its object: "supported the
    re-taking of the town by X"."""
    out: list[_Arg] = []
    for child in verb.children:
        if child.dep_ in ("obj", "advcl", "xcomp") and child.pos_ in ("NOUN", "VERB") and child.i not in tok2arg:
            # the agent hangs on the action or, misattached, on its object ("of the town by X")
            for grand in [*child.children, *(g for c in child.children if c.i not in tok2arg for g in c.children)]:
                if grand.dep_ in ("obl:agent", "nmod", "obl") and _case(grand) == "by":
                    out.extend(_args_of(grand, tok2arg))
    return out


# -- surface matcher ------------------------------------------------------------------------------

_ROLE_WORDS = sorted(
    lex.LEADER_NOUNS | lex.OFFICE_NOUNS | lex.MEMBER_NOUNS | lex.SPOKES_NOUNS | lex.ADVISOR_NOUNS
    | lex.FAMILY_NOUNS | lex.SUBORDINATE_NOUNS | lex.UNIT_NOUNS | lex.ALLY_NOUNS | lex.PROXY_NOUNS
    | lex.ENEMY_NOUNS | {"prime minister", "foreign minister"},
    key=len,
    reverse=True,
)
_ROLE = "(?P<role>(?:" + "|".join(re.escape(w) for w in _ROLE_WORDS) + ")(?P<plural>e?s)?)"
_PREP = r"(?P<prep>of|for|at|in|with|within|to)"
_BE = r"(?:is|was|are|were|remains|remain|remained|has been|have been|had been|became|becomes|serves as|served as|acts as|acted as)"

# holder = first mention, target = second: "X, the leader of Y", "X is a fellow at Y", "X, another faction in Y"
_APPOS_ROLE = re.compile(
    rf"^(?:,|,? {_BE}|, (?:who|which) {_BE})(?: [a-z]+ly)? (?:{_DETS} )?(?:(?:\w+ )?(?:three|two|four|five|several|many) )?{_MODS}{_ROLE} {_PREP}(?: the)?(?: (?:[a-z][\w-]* ){{0,2}}{_GENERIC_ORG})?$"
)
# target = first, holder = second: "Y's leader, X", "Y spokesman X", "Y's deputy governor, X"
_TITLE_ROLE = re.compile(rf"^(?:'s )?{_MODS}{_ROLE},?$")
# holder = first, target = second + role after it: "X, the alliance spokesman", "X, an Iraqi army officer"
_TAIL_GAP = re.compile(rf"^, (?:{_DETS} )?(?:[a-z][\w-]* ){{0,2}}$")
_TAIL_ROLE = re.compile(rf"^(?:'s )?{_MODS}{_ROLE}\b")
# "X, which is backed by Y", "X, a tribal force led by Y", "X is trained and armed by Y"
_PARTICIPLE = re.compile(
    r"^(?:, (?:which|who|that) |, (?:" + _DETS + r" )?" + _MODS + r"[a-z]+ |, | )?"
    r"(?:(?:is|are|was|were|has been|have been|had been|being|remains|remain) )?(?:[a-z]+ly )?"
    r"(?P<cue>(?P<p1>[a-z]+)(?: and (?P<p2>[a-z]+))?) (?P<prep>by|in|with|to)(?: the)?$"
)
_ACTIVE = re.compile(
    r"^(?:, (?:which|who|that) | )?(?:(?:has|have|had|also|still|now|repeatedly|reportedly) )*(?:[a-z]+ly )?"
    r"(?P<verb>leads|led|heads|headed|commands|commanded|founded|co-founded|advises|advised|"
    r"backs|backed|supports|supported|trains|trained|arms|armed|funds|funded|"
    r"attacked|attacks|fought|fights|battled|battles|ambushed|stormed|overran|targeted|clashed with|"
    r"defeated|defeats|controls|controlled|"
    r"joined|joins)(?: the)?$"
)
_LIST_SEP = re.compile(r"^(?:,|, and|and|or|, or|;)(?: the)?$")
# ", a (Shi'ite) militia aligned with": the words after a name put an organisation noun beside it
_APPOSED_ORG_NOUN = re.compile(rf"^, (?:{_DETS} )?(?:[\w'-]+ ){{0,3}}?{_GENERIC_ORG}s? ")


def _apposed_noun_fits(gap: str, a: _Arg) -> bool:
    """False when the gap sets an organisation noun in apposition with a name that is no organisation:
    in "expelling Y from Velmora, a militia aligned with Z" the militia is not Velmora, and what is said
    of it is not said of the place."""
    return a.type == "ORG" or not _APPOSED_ORG_NOUN.match(gap + " ")


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("—", ",").replace("–", ",").replace(":", ",")
    text = re.sub(r'["()]', " ", text.lower())
    text = re.sub(r"\s*,\s*", " , ", text)
    text = re.sub(r"(?:\s*,\s*)+", " , ", text)
    text = re.sub(r"\s+'s\b", " 's", text)
    return re.sub(r"\s+", " ", text).strip().replace(" ,", ",").replace(", ,", ",")


def _gap_text(doc, a_last: int, b_first: int, b: _Arg | None = None) -> str:
    words = [t.text for t in doc[a_last:b_first]]
    if b is not None and b.type == "PERSON":
        while words and words[-1].lower().rstrip(".") in _TITLE_TOKENS:
            words.pop()
    return _norm(" ".join(words))


def _list_after(doc, args: list[_Arg], k: int, limit: int) -> list[_Arg]:
    """args[k] and the mentions coordinated with it: "A, B and C" (same type)."""
    out = [args[k]]
    j = k
    while j + 1 < len(args) and args[j + 1].first < limit:
        gap = _norm(doc[args[j].last : args[j + 1].first].text)
        if _LIST_SEP.match(gap) and args[j + 1].type == args[k].type:
            out.append(args[j + 1])
            j += 1
        elif args[j + 1].entity == args[j].entity and gap in ("", ",", "or"):
            j += 1
        else:
            break
    return out


def _list_before(doc, args: list[_Arg], k: int) -> list[_Arg]:
    out = [args[k]]
    j = k
    while j - 1 >= 0:
        gap = _norm(doc[args[j - 1].last : args[j].first].text)
        if _LIST_SEP.match(gap) and args[j - 1].type == args[k].type:
            out.append(args[j - 1])
            j -= 1
        else:
            break
    return out


def _surface_candidates(doc, sent, args: list[_Arg], tok2arg) -> list[_Candidate]:
    out: list[_Candidate] = []
    for k in range(len(args) - 1):
        a, b = args[k], args[k + 1]
        if b.first - a.last > 14:
            out.extend(_gather_candidates(doc, sent, args, k))
            continue
        gap = _gap_text(doc, a.last, b.first, b)
        # the words before a person's title: "X, led by Prime Minister Y" is "X, led by" Y
        bare = gap if b.title_first in (-1, b.first) else _gap_text(doc, a.last, b.title_first)
        cue = (a.last, max(b.first, a.last + 1))
        if a.entity == b.entity:
            continue

        t = _np_target(doc, args, k + 1, sent)  # "of the army's X Command" -> X Command
        m = _APPOS_ROLE.match(gap)
        if m:
            role = _singular(m.group("role").split()[-1])
            mods = set(gap.split())
            # "X and Y, the leaders of Z": a plural role is shared by the names before it
            holders = _list_before(doc, args, k) if m.group("plural") else [a]
            for holder in holders:
                pred = _role_predicate(role, holder, args[t], mods, m.group("prep"))
                if pred:
                    for target in _list_after(doc, args, t, sent.end):
                        out.append(_Candidate(holder, pred, target, CONF_SURFACE + 0.1, *cue, "surface"))
        m = _TITLE_ROLE.match(gap)
        if m and b.type == "PERSON":
            pred = _role_predicate(_singular(m.group("role").split()[-1]), b, a, set(gap.split()))
            if pred:
                out.append(_Candidate(b, pred, a, CONF_SURFACE + 0.1, *cue, "surface"))
        if _TAIL_GAP.match(gap + " " if gap else "") or gap == ",":
            tail = _norm(doc[b.last : min(b.last + 5, sent.end)].text)
            m = _TAIL_ROLE.match(tail)
            if m and not (k + 2 < len(args) and args[k + 2].first <= b.last + 1):
                pred = _role_predicate(_singular(m.group("role").split()[-1]), a, b, set(tail.split()[:3]))
                if pred:
                    out.append(_Candidate(a, pred, b, CONF_SURFACE, a.last, b.last + 2, "surface"))
        m = _PARTICIPLE.match(bare) if _apposed_noun_fits(bare, a) else None
        if m:
            for p in (m.group("p1"), m.group("p2")):
                if p in lex.PARTICIPLE_CUES and lex.PARTICIPLE_CUES[p][1] == m.group("prep"):
                    pred, _, inverted = lex.PARTICIPLE_CUES[p]
                    for target in _list_after(doc, args, t, sent.end):
                        s, o = (target, a) if inverted else (a, target)
                        out.append(_Candidate(s, pred, o, CONF_SURFACE, *cue, "surface"))
        m = _ACTIVE.match(bare)
        if m:
            verb = m.group("verb").split()[0]
            lemma = _VERB_FORMS.get(verb)
            if _in_person_title(doc, args, t, tok2arg):
                pass  # "joined Norland Foreign Minister X": the person, not Norland
            elif lemma in lex.PATRON_VERBS:
                for target in _list_after(doc, args, t, sent.end):
                    out.append(_Candidate(target, "backed_by", a, CONF_SURFACE, *cue, "surface"))
            elif lemma in lex.ACTIVE_VERBS:
                pred = lex.ACTIVE_VERBS[lemma]
                if pred in ("leads", "controls") and _unit_follows(doc, args[t]):
                    pred = "member_of"  # "commands an army regiment": a unit of the army
                for target in _list_after(doc, args, t, sent.end):
                    out.append(_Candidate(a, pred, target, CONF_SURFACE, *cue, "surface"))
        if _apposed_noun_fits(bare, a):
            out.extend(_phrase_candidates(doc, args, k, t, bare, sent))
        out.extend(_extra_gap_patterns(doc, sent, args, k, gap, cue))
        if gap in ("'s", "'"):
            out.extend(_possessive_candidates(a, b, cue))
        out.extend(_gather_candidates(doc, sent, args, k))
    for k, a in enumerate(args):
        out.extend(_hyphen_candidates(doc, sent, args, k, tok2arg))
    return out


_VERB_FORMS = {
    "leads": "lead", "led": "lead", "heads": "head", "headed": "head", "commands": "command",
    "commanded": "command", "founded": "found", "co-founded": "found", "advises": "advise",
    "advised": "advise", "backs": "back", "backed": "back", "supports": "support", "supported": "support",
    "trains": "train", "trained": "train", "arms": "arm", "armed": "arm", "funds": "fund", "funded": "fund",
    "attacked": "attack", "attacks": "attack", "fought": "fight", "fights": "fight", "battled": "battle",
    "battles": "battle", "ambushed": "ambush", "stormed": "storm", "overran": "overrun",
    "targeted": "target", "clashed": "clash", "joined": "join", "joins": "join", "defeated": "defeat",
    "defeats": "defeat", "controls": "control", "controlled": "control",
}


def _in_person_title(doc, args, t: int, tok2arg) -> bool:
    """True when ``args[t]`` only modifies the title of a person named next ("Norland Foreign
    Minister X"): the noun it hangs on governs, or is, a person's name."""
    b = args[t]
    head = doc[b.last - 1].head
    if b.type == "PERSON" or b.first <= head.i < b.last or head.i < b.last:
        return False
    if head.i in tok2arg:
        return tok2arg[head.i].type == "PERSON"
    return any(c.i in tok2arg and tok2arg[c.i].type == "PERSON" for c in head.children)


def _singular(word: str) -> str:
    if word.endswith("s") and _is_role_noun(word[:-1]):
        return word[:-1]
    if word.endswith("es") and _is_role_noun(word[:-2]):
        return word[:-2]
    return word


def _possessed(doc, b: _Arg, sent) -> bool:
    """True when ``b`` is only the possessor of what follows ("the alliance's Y brigade")."""
    return b.last < sent.end and doc[b.last].text in ("'s", "’s", "'", "’")


def _np_target(doc, args, j: int, sent) -> int:
    """Index of the argument a cue before ``args[j]`` is about: the possessed name in "j's X", else j."""
    if _possessed(doc, args[j], sent) and j + 1 < len(args) and args[j + 1].first == args[j].last + 1:
        return j + 1
    return j


_UNIT_WORDS = frozenset("regiment brigade battalion unit division company platoon squad cell detachment".split())


def _unit_follows(doc, a: _Arg) -> bool:
    return a.last < len(doc) and doc[a.last].lower_ in _UNIT_WORDS


_CONFLICT_NOUNS = frozenset("tensions tension clashes clash fighting battle battles war rivalry feud conflict "
                            "skirmishes skirmish hostilities firefight".split())


def _extra_gap_patterns(doc, sent, args, k, gap, cue) -> list[_Candidate]:
    """Patterns that need more than the gap: a conflict noun before "between A and B", "at X in Y",
    "has kept fighters in Y", "A, one of three groups that make up B"."""
    a, b = args[k], args[k + 1]
    out = []
    if gap in ("and", "and the") and a.first >= 2:
        before = [t.lower_ for t in doc[max(sent.start, a.first - 5) : a.first]]
        if before and before[-1] in ("the",):
            before = before[:-1]
        if before and before[-1] == "between" and _CONFLICT_NOUNS & set(before[:-1]):
            out.append(_Candidate(a, "fights", b, CONF_SURFACE, a.first - 2, a.first, "surface"))
    if gap == "in" and b.type == "LOC" and a.type == "ORG" and a.first >= 1:
        prev = [t.lower_ for t in doc[max(sent.start, a.first - 2) : a.first]]
        if "at" in prev:  # "a researcher at the X Institute in Y"
            out.append(_Candidate(a, "based_in", b, CONF_LOOSE, a.last, b.first, "surface"))
    if re.fullmatch(r"(?:has |have |had )?(?:kept|keeps|keep|stationed|stations|deployed|deploys|maintains|maintained|has)"
                    r"(?: [\w,-]+){0,4} (?:fighters|troops|men|forces|soldiers|members|units|advisers|advisors) in", gap):
        out.append(_Candidate(a, "based_in", b, CONF_SURFACE, *cue, "surface"))
    if re.fullmatch(r", (?:also )?(?:one|two|some|many|several) of (?:the )?(?:\w+ )?(?:groups|factions|militias|units|"
                    r"brigades|members|parties|organi[sz]ations|components) (?:that|which) (?:make up|makes up|form|"
                    r"forms|constitute|constitutes)(?: the)?", gap):
        for part in _list_before(doc, args, k):
            out.append(_Candidate(part, "part_of", b, CONF_SURFACE + 0.1, *cue, "surface"))
    if re.fullmatch(r"(?:, |and )?(?:which |that )?(?:make up|together make up|form|together form|constitute|founded)(?: the)?", gap):
        parts = _list_before(doc, args, k)
        if len(parts) > 1 or gap.startswith(","):
            for part in parts:
                out.append(_Candidate(part, "part_of", b, CONF_SURFACE, *cue, "surface"))
    return out


def _phrase_candidates(doc, args, k, t, gap, sent) -> list[_Candidate]:
    out = []
    a = args[k]
    b = args[k + 1]
    for phrase, (pred, inverted) in lex.PHRASE_CUES.items():
        if not gap.endswith(phrase) and not gap.endswith(phrase + " the"):
            continue
        if phrase.split()[-2:-1] in (["ties"], ["links"]) and a.type != "ORG":
            continue  # a person's "ties" or "links" to a group are too vague to type
        n_words = len(phrase.split()) + (1 if gap.endswith(" the") else 0)
        cue = (max(a.last, b.first - n_words), b.first)
        head = gap[: gap.rfind(phrase)].strip()
        # Only the subject's own predicate: nothing but a relative pronoun, auxiliaries, adverbs,
        # a generic noun in apposition ("a militia belonging to"), or "any"/"no" before the cue.
        if not re.fullmatch(
            r"(?:,\s*)?(?:(?:a|an|the|which|who|that|is|are|was|were|has|have|had|been|being|nominally|"
            r"formally|still|also|now|remains?|remained|repeatedly|denied|denies|deny|any|no|not|close|"
            r"[a-z]+ly|a [a-z]+|an [a-z]+|with|working|operating|acting|serving|fighting)\s*)*",
            head,
        ):
            continue
        for target in _list_after(doc, args, t, sent.end):
            s, o = (target, a) if inverted else (a, target)
            out.append(_Candidate(s, pred, o, CONF_SURFACE, *cue, "surface"))
        break
    return out


def _possessive_candidates(a: _Arg, b: _Arg, cue) -> list[_Candidate]:
    """"A's B" between two names: a state's or force's unit, a leader's group, a state's officer."""
    if b.type == "ORG" and (a.type == "ORG" or _is_state(a)):
        return [_Candidate(b, "part_of", a, CONF_LOOSE + 0.1, *cue, "surface")]
    if a.type == "PERSON" and b.type == "ORG":
        return [_Candidate(a, "leads", b, CONF_LOOSE, *cue, "surface")]
    if b.type == "PERSON" and (a.type == "ORG" or _is_state(a)):
        return [_Candidate(b, "member_of", a, CONF_LOOSE, *cue, "surface")]
    return []


def _gather_candidates(doc, sent, args, k) -> list[_Candidate]:
    """"A brings together B, C and D" / "A, a coalition of three factions: B, C and D" -> parts of A."""
    a = args[k]
    if a.type != "ORG" or k + 1 >= len(args):
        return []
    gap = _gap_text(doc, a.last, args[k + 1].first)
    for _ in range(4):  # ", the", "three armed factions:", ...
        gap = gap.rstrip(", ")
        gap = re.sub(r"\s*(?:factions|groups|militias|units|brigades|members|parties|organi[sz]ations|forces)$", "", gap)
        gap = re.sub(r"\s*(?:the|some|two|three|four|five|six|seven|several|many|its|main|armed|rival|\d+)$", "", gap)
    if not any(gap.endswith(p) for p in lex.GATHER_PHRASES):
        return []
    parts = _list_after(doc, args, k + 1, sent.end)
    cue = (a.last, args[k + 1].first)
    return [_Candidate(p, "part_of", a, CONF_SURFACE, *cue, "surface") for p in parts if p.type == "ORG"]


def _hyphen_candidates(doc, sent, args, k, tok2arg) -> list[_Candidate]:
    """"Iran-backed militia X", "X, a Baghdad-based group", "Y-aligned coalition" next to a name."""
    b = args[k]
    i = b.last
    if i + 1 >= sent.end or doc[i].text not in ("-", "–") or doc[i + 1].lower_ not in lex.HYPHEN_CUES:
        return []
    pred = lex.HYPHEN_CUES[doc[i + 1].lower_]
    cue = (b.first, i + 2)
    subject = None
    conf = CONF_CLAUSE
    # the name right after the adjective's noun phrase: "Iran-backed Kataib X"
    between = doc[i + 2 : args[k + 1].first] if k + 1 < len(args) else None
    if between is not None and len(between) <= 2 and all(t.pos_ in ("NOUN", "ADJ", "PROPN") for t in between):
        subject = args[k + 1]
    subjects = [subject] if subject is not None else []
    if subject is None:
        noun = doc[i + 1]
        while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i and noun.head.i < sent.end:
            noun = noun.head
        subject = _arg_of(noun, tok2arg)
        subjects = [subject] if subject is not None else []
        conf = CONF_LOOSE
        if subject is None and k > 0:
            # "X, an Iran-aligned coalition" / "X and Y, two of the main Iran-backed groups": an
            # apposition to the previous mention, or to the names coordinated before it when plural
            gap = _gap_text(doc, args[k - 1].last, b.first)
            m = _HYPHEN_APPOSITION.fullmatch(gap)
            if m:
                subjects = _list_before(doc, args, k - 1) if m.group("plural") else [args[k - 1]]
    out = []
    for subject in subjects:
        if subject.type != "LOC":
            s, o = (b, subject) if pred == "leads" else (subject, b)
            out.append(_Candidate(s, pred, o, conf, *cue, "surface"))
    return out


_HYPHEN_APPOSITION = re.compile(
    r", (?:a|an|the|one of the|(?P<plural>both|two|three|four|five|six|some) of the)(?: [a-z]+){0,2}")


# -- polarity -------------------------------------------------------------------------------------


def _polarity(doc, sent, c: _Candidate) -> str:
    """negated | hedged | asserted, from the cue's clause and the verbs that govern it."""
    cue_tokens = list(doc[c.cue_first : c.cue_last])
    if not cue_tokens:
        return "asserted"
    if all(t.text in ("'s", "’s", "'", "’") for t in cue_tokens):
        return "asserted"  # "Iran's Quds Force" is presupposed, even inside "denied links to ..."
    cue_set = {t.i for t in cue_tokens}
    for t in cue_tokens:
        if t.lower_ in lex.NEGATORS or t.lemma_.lower() in lex.DENY_LEMMAS:
            return "negated"
    # Walk from the cue up to the root: negators and hedges attached to the cue's own clause count;
    # deny/claim verbs that take the clause as their complement count wherever they are.
    top = min(cue_tokens, key=lambda t: _depth(t))
    in_clause = True
    hedged = False
    node = top
    for t in cue_tokens:
        for ch in t.children:
            if ch.i not in cue_set and ch.lower_ in lex.NEGATORS and ch.dep_ in ("advmod", "det", "neg"):
                return "negated"
    steps = 0
    while steps < 12:
        steps += 1
        if in_clause:
            for ch in node.children:
                w = ch.lower_
                if ch.dep_ in ("advmod", "det", "aux", "neg") and w in lex.NEGATORS:
                    return "negated"
                if w in lex.HEDGE_WORDS and ch.dep_ in ("advmod", "aux", "amod"):
                    hedged = True
                if ch.dep_ in ("xcomp", "ccomp") and ch.lemma_ in ("believe", "say", "think", "suspect"):
                    hedged = True  # "is believed to", "is said to"
        if node.dep_ in ("ROOT",) or node.head is node:
            break
        parent = node.head
        rel = node.dep_
        if rel in ("ccomp", "xcomp", "obj", "parataxis", "csubj", "advcl", "acl:relcl", "conj", "acl"):
            if parent.lemma_.lower() in lex.DENY_LEMMAS and rel in ("obj", "ccomp", "xcomp"):
                return "negated"
            if parent.lemma_.lower() in lex.REPORT_LEMMAS and rel in ("ccomp", "parataxis", "xcomp"):
                hedged = True
            if parent.lemma_.lower() in ("believe", "say") and rel == "xcomp":
                hedged = True
        if rel not in ("conj", "xcomp", "compound", "flat", "amod", "case", "fixed"):
            in_clause = False  # hedges on the verb that governs an apposition are not about it
        if rel == "appos" and parent.lemma_.lower() in lex.CLAIM_NOUNS:
            hedged = True
        node = parent
    if not hedged:
        hedged = _claim_apposition(sent, c) or _hedge_in_gap(doc, c)
    return "hedged" if hedged else "asserted"


def _depth(tok) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok = tok.head
        d += 1
    return d


def _claim_apposition(sent, c: _Candidate) -> bool:
    """"..., a charge the alliance rejects" after the relation: a disputed claim."""
    tail = _norm(sent.doc[c.cue_last : sent.end].text)
    return bool(re.search(r", (?:a|an) (?:charge|claim|allegation|accusation)s? (?:that )?(?:the |it |they )?\w* ?(?:rejects?|denies|denied|dismiss)", tail))


def _hedge_in_gap(doc, c: _Candidate) -> bool:
    lo = min(c.subject.last, c.object.last, c.cue_first)
    hi = max(c.subject.first, c.object.first, c.cue_last)
    words = {t.lower_ for t in doc[lo:hi]}
    return bool(words & lex.HEDGE_WORDS)
