"""Score a newsgraph JSON export against the hand-written gold annotations of the sample corpus.

Run::

    python -m newsgraph.evaluate --export out/sample.json [--gold newsgraph/sample/gold.json] [--json] [--verbose]

The gold format is described in ``newsgraph/sample/GOLD.md``. Exit code 0 whatever the scores; 2 when the
export or the gold file cannot be read or is not a JSON object.

Scoring rules
-------------
Normalisation. Texts are compared after mapping curly quotes and apostrophes to straight ones, unicode dashes
to ``-`` and collapsing runs of whitespace. Names are also case-folded and lose a leading "the " and a
trailing possessive "'s". Gold sentences and quote openings are located in each exported document's
``text`` by this whitespace-collapsed search.

Documents. An exported document is the gold document with the same file basename and locator (a ``source``
of the form ``path#line N`` is understood too). Publication-date accuracy: exported ``published`` (first ten
characters) equals the gold date, over the gold documents present in the export; a gold ``null`` is only
matched by a missing date.

Entities. Each exported mention whose text matches a gold alias (or gold name) is labelled with that gold
entity; mentions without ``text`` are read from their document span. When the
text is an alias of several gold entities, the label goes to the one of them that has an unambiguous alias
in the same document; if that does not single one out, the mention stays unlabelled. An exported entity
aligns with the gold entity most of its labelled mentions belong to (ties: the first in gold order); an
entity with no labelled mention aligns through its own name and aliases, when they name exactly one gold
entity. Per gold entity: found (some exported entity aligns with it), split (its labelled mentions lie in
more than one exported entity), and merged (an exported entity holding labelled mentions of two or more gold
entities; the worst error, since no two actors may share an entity). B-cubed precision/recall over labelled
mentions, the exported entity being the cluster. Gold mentions the export never made are not in B-cubed;
they show as missed entities and as relation/event/quote errors.

Relations. Exported relations are mapped to (aligned subject, predicate, aligned object) and deduplicated.
``member_of`` and ``part_of`` are one predicate; ``allied_with``, ``fights`` and ``family`` are symmetric.
The object of ``holds_office`` is an office string, matched by containment after normalisation. A relation
whose subject or object aligns with no gold entity is a false positive. Recall: gold relations hit by an
exported one. Polarity: a gold relation is ``asserted`` if any evidence sentence asserts it, else ``denied``
if any denies it, else ``hedged``; a denied one is right when exported as denied/negated/disputed, a hedged
one when exported as hedged/reported/disputed. Denied relations exported as plain facts are counted apart.

Events (type ``OTHER`` is skipped, as GOLD.md allows). A gold event is recalled when the evidence of an
exported event overlaps one of its mention sentences in the same document (character overlap with the
located sentence; when a span is unusable, containment of the evidence text in the sentence or the reverse).
The best exported event is the one overlapping most mention sentences (then most characters). Over recalled
events: type accuracy; date accuracy where gold has a date (exported date equals it at the gold precision;
the per-source dates of a contested event are accepted too); location accuracy where gold names one (top
level or per mention); actor recall over gold actors and targets together.

Quotes. A gold quote is aligned with an exported quote of the same document whose text (opening quotation
marks dropped) starts with the gold ``starts_with``, or failing that contains it. Recall counts ``direct``
and ``partial`` quotes only. Speaker accuracy over all aligned quotes: the exported speaker entity aligns with
the gold speaker (a gold ``null`` speaker wants a null exported speaker).

Contradictions. Files are compared by basename, copies in one gold story group counting as the same file. A
gold contradiction is recalled when one exported contradiction cites all its files; kind agreement is
reported separately. A false alarm is an exported contradiction, not matching any gold one, whose files are
exactly those of a ``not_contradictions`` entry; a single-document contradiction whose kind is a gold flag of
that document (e.g. ``weekday-mismatch``) is an expected flag, not a false alarm.

Targets (issues 4 and 5): relation precision >= 0.85, relation recall >= 0.7, quote-speaker accuracy >= 0.9,
event-date accuracy >= 0.9, no merged entities.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from newsgraph.resources import sample_dir

DocKey = tuple[str, str]  # (file basename, locator)

SYMMETRIC_PREDICATES = frozenset({"allied_with", "fights", "family"})
PREDICATE_ALIASES = {"part_of": "member_of"}  # GOLD.md: scorers may treat them as one
OFFICE_PREDICATE = "holds_office"
SKIPPED_EVENT_TYPES = frozenset({"OTHER"})

# Exported polarity words, mapped onto the gold vocabulary (the extractor's exact words are not fixed yet).
POLARITY_WORDS = {
    "asserted": "asserted", "affirmed": "asserted", "positive": "asserted", "stated": "asserted",
    "hedged": "hedged", "reported": "hedged", "attributed": "hedged", "alleged": "hedged", "uncertain": "hedged",
    "denied": "denied", "negated": "denied", "negative": "denied",
    "disputed": "disputed", "contested": "disputed",
}
ACCEPTED_POLARITY = {"denied": {"denied", "disputed"}, "hedged": {"hedged", "disputed"}}

TARGETS = (  # (label, metric path, threshold)
    ("relation precision", ("relations", "overall", "precision"), 0.85),
    ("relation recall", ("relations", "overall", "recall"), 0.7),
    ("quote-speaker accuracy", ("quotes", "speaker_accuracy"), 0.9),
    ("event-date accuracy", ("events", "date_accuracy"), 0.9),
)


class EvaluationInputError(Exception):
    """An input file is missing, unreadable or not the expected JSON."""


# ---------------------------------------------------------------- text matching

_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})  # one character for one, so offsets in a mapped text still index the original
_QUOTE_MARKS = "\"' "


def normalise(text: str) -> str:
    """Quotes and dashes unified, whitespace collapsed."""
    return " ".join(text.translate(_CHAR_MAP).split())


def name_key(text: str) -> str:
    """The form under which a mention and a gold alias are the same name."""
    key = normalise(text).casefold().strip(_QUOTE_MARKS + ".,;:")
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip()


@lru_cache(maxsize=64)
def _collapsed(text: str) -> tuple[str, tuple[int, ...]]:
    """``normalise(text)`` plus, for each of its characters, the offset it came from in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(_CHAR_MAP)):
        if ch.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            origin.append(i - 1)
            pending_space = False
        chars.append(ch)
        origin.append(i)
    return "".join(chars), tuple(origin)


def find_collapsed(text: str, needle: str) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text`` when both are compared whitespace-collapsed; None if absent."""
    wanted = normalise(needle)
    if not wanted or not text:
        return None
    hay, origin = _collapsed(text)
    at = hay.find(wanted)
    if at < 0:
        return None
    return origin[at], origin[at + len(wanted) - 1] + 1


# ---------------------------------------------------------------- small result types

@dataclass(frozen=True)
class Ratio:
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}

    def __str__(self) -> str:
        return f"{self.correct}/{self.total} = {self.value:.3f}" if self.total else f"{self.correct}/0 = n/a"


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _list(value: Any) -> list:
    """Optional list fields: missing or malformed values count as empty."""
    return [v for v in value if isinstance(v, dict) or isinstance(v, str)] if isinstance(value, list) else []


# ---------------------------------------------------------------- loading

def load_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationInputError(f"{what} file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationInputError(f"cannot read {what} file {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise EvaluationInputError(f"{what} file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise EvaluationInputError(f"{what} file {path} does not hold a JSON object")
    return data


# ---------------------------------------------------------------- documents

def doc_key_of(document: dict[str, Any]) -> DocKey:
    source = str(document.get("source") or "")
    locator = document.get("locator")
    if locator is None and "#" in source:  # older exports: "path#line N"
        source, _, locator = source.partition("#")
    return PurePath(source).name, str(locator or "")


class Documents:
    """Exported documents, reachable by id and by gold key."""

    def __init__(self, export: dict[str, Any]):
        self.by_id: dict[str, dict[str, Any]] = {}
        self.key_of: dict[str, DocKey] = {}
        self.id_of: dict[DocKey, str] = {}
        for doc in _list(export.get("documents")):
            if not isinstance(doc, dict) or doc.get("id") is None:
                continue
            doc_id = str(doc["id"])
            key = doc_key_of(doc)
            self.by_id[doc_id] = doc
            self.key_of[doc_id] = key
            self.id_of.setdefault(key, doc_id)

    def text(self, doc_id: Any) -> str:
        text = self.by_id.get(str(doc_id), {}).get("text")
        return text if isinstance(text, str) else ""

    def span_text(self, item: dict[str, Any]) -> str:
        """An item's own ``text``, else the slice of its document it points at."""
        if isinstance(item.get("text"), str) and item["text"]:
            return item["text"]
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int):
            return self.text(item.get("doc"))[start:end]
        return ""


def score_documents(gold: dict[str, Any], docs: Documents) -> dict[str, Any]:
    missing, wrong = [], []
    correct = total = 0
    for g in gold.get("documents", []):
        key = (g["file"], g.get("locator") or "")
        doc_id = docs.id_of.get(key)
        if doc_id is None:
            missing.append(_label(key))
            continue
        total += 1
        predicted = docs.by_id[doc_id].get("published")
        predicted = str(predicted)[:10] if predicted else None
        if predicted == g.get("published"):
            correct += 1
        else:
            wrong.append({"document": _label(key), "gold": g.get("published"), "predicted": predicted})
    return {"missing": missing, "publication_date": Ratio(correct, total), "wrong_publication_date": wrong}


def _label(key: DocKey) -> str:
    return f"{key[0]} {key[1]}".strip()


# ---------------------------------------------------------------- entity alignment

class GoldNames:
    """Gold aliases by name key, and which gold entities a document names unambiguously."""

    def __init__(self, gold: dict[str, Any]):
        self.names = {e["id"]: e.get("name", e["id"]) for e in gold.get("entities", [])}
        self.order = {gid: i for i, gid in enumerate(self.names)}
        self.owners: dict[str, list[str]] = defaultdict(list)
        for e in gold.get("entities", []):
            for alias in [e.get("name", "")] + list(e.get("aliases", [])):
                key = name_key(alias)
                if key and e["id"] not in self.owners[key]:
                    self.owners[key].append(e["id"])
        unambiguous: dict[str, list[str]] = defaultdict(list)
        for key, owners in self.owners.items():
            if len(owners) == 1:
                unambiguous[owners[0]].append(key)
        self._patterns = {
            gid: re.compile("|".join(rf"(?<!\w){re.escape(k)}(?!\w)" for k in sorted(keys, key=len, reverse=True)))
            for gid, keys in unambiguous.items()
        }
        self._present: dict[str, set[str]] = {}
        # (file, locator) -> [(phrase, alias key, gold id)]: "Kirkuk" in "..., Kirkuk and Diyala provinces"
        self.contexts: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        for e in gold.get("entities", []):
            for c in e.get("in_context", []):
                self.contexts[(c["file"], c.get("locator") or "")].append((c["text"], name_key(c["alias"]), e["id"]))

    def in_context(self, text: str, doc_id: str | None, docs: "Documents", start: Any, end: Any) -> str | None:
        """The gold entity a phrase annotation gives this mention, if one covers it."""
        key = docs.key_of.get(doc_id) if doc_id is not None else None
        if key is None or not isinstance(start, int) or not isinstance(end, int):
            return None
        for phrase, alias, gid in self.contexts.get(key, ()):
            span = find_collapsed(docs.text(doc_id), phrase)
            if span is not None and span[0] <= start and end <= span[1] and name_key(text) == alias:
                return gid
        return None

    def present_in(self, doc_id: str, text: str) -> set[str]:
        """Gold entities with an unambiguous alias in this document."""
        if doc_id not in self._present:
            hay = normalise(text).casefold()
            self._present[doc_id] = {gid for gid, pat in self._patterns.items() if pat.search(hay)}
        return self._present[doc_id]

    def label(self, text: str, doc_id: str | None, docs: Documents) -> tuple[str | None, bool]:
        """(gold entity named by this mention text or None, whether the text was ambiguous)."""
        owners = self.owners.get(name_key(text), [])
        if len(owners) <= 1:
            return (owners[0] if owners else None), False
        if doc_id is None:
            return None, True
        in_doc = [gid for gid in owners if gid in self.present_in(doc_id, docs.text(doc_id))]
        return (in_doc[0] if len(in_doc) == 1 else None), True


@dataclass
class EntityAlignment:
    gold_of: dict[str, str]  # exported entity id -> gold entity id
    labelled: list[tuple[str, str]]  # (exported entity id, gold entity id), one per labelled mention
    unlabelled: int
    ambiguous: int

    def __call__(self, entity_id: Any) -> str | None:
        return self.gold_of.get(str(entity_id)) if entity_id is not None else None


def align_entities(export: dict[str, Any], names: GoldNames, docs: Documents) -> EntityAlignment:
    gold_of: dict[str, str] = {}
    labelled: list[tuple[str, str]] = []
    unlabelled = ambiguous = 0
    for entity in _list(export.get("entities")):
        if not isinstance(entity, dict) or entity.get("id") is None:
            continue
        eid = str(entity["id"])
        votes: Counter[str] = Counter()
        for mention in _list(entity.get("mentions")):
            if not isinstance(mention, dict):
                continue
            doc_id = str(mention["doc"]) if mention.get("doc") is not None else None
            text = docs.span_text(mention)
            gid = names.in_context(text, doc_id, docs, mention.get("start"), mention.get("end"))
            was_ambiguous = False
            if gid is None:
                gid, was_ambiguous = names.label(text, doc_id, docs)
            ambiguous += was_ambiguous
            if gid is None:
                unlabelled += 1
                continue
            votes[gid] += 1
            labelled.append((eid, gid))
        if votes:
            best = max(votes.values())
            gold_of[eid] = min((g for g, n in votes.items() if n == best), key=names.order.__getitem__)
            continue
        # No usable mentions (or none exported): fall back on the entity's own names.
        by_name = {g for n in [entity.get("name") or ""] + _list(entity.get("aliases")) if isinstance(n, str)
                   for g in names.owners.get(name_key(n), [])}
        if len(by_name) == 1:
            gold_of[eid] = by_name.pop()
    return EntityAlignment(gold_of, labelled, unlabelled, ambiguous)


def score_entities(export: dict[str, Any], names: GoldNames, alignment: EntityAlignment) -> dict[str, Any]:
    exported_names = {str(e["id"]): e.get("name") for e in _list(export.get("entities"))
                      if isinstance(e, dict) and e.get("id") is not None}
    holders: dict[str, Counter[str]] = defaultdict(Counter)  # gold -> exported entity -> mentions
    contents: dict[str, Counter[str]] = defaultdict(Counter)  # exported entity -> gold -> mentions
    for eid, gid in alignment.labelled:
        holders[gid][eid] += 1
        contents[eid][gid] += 1
    aligned_to: dict[str, list[str]] = defaultdict(list)
    for eid, gid in alignment.gold_of.items():
        aligned_to[gid].append(eid)
    found = [gid for gid in names.names if aligned_to.get(gid)]
    missed = [names.names[gid] for gid in names.names if not aligned_to.get(gid)]
    split = [
        {"gold": names.names[gid], "entities": len(holders[gid]),
         "spread": {f"{eid} {exported_names.get(eid) or ''}".strip(): n for eid, n in holders[gid].most_common()}}
        for gid in names.names if len(holders.get(gid, ())) > 1
    ]
    merged = [
        {"entity": eid, "name": exported_names.get(eid),
         "gold": {names.names[gid]: n for gid, n in counts.most_common()}}
        for eid, counts in contents.items() if len(counts) > 1
    ]
    # B-cubed: each labelled mention scores how pure its exported entity is (precision) and how much of
    # its gold entity that exported entity holds (recall).
    precision = recall = 0.0
    for eid, gid in alignment.labelled:
        shared = contents[eid][gid]
        precision += shared / sum(contents[eid].values())
        recall += shared / sum(holders[gid].values())
    n = len(alignment.labelled)
    p, r = (precision / n, recall / n) if n else (None, None)
    per_entity = {
        gid: {"name": name, "found": bool(aligned_to.get(gid)), "exported_entities": len(holders.get(gid, ())),
              "mentions": sum(holders.get(gid, Counter()).values())}
        for gid, name in names.names.items()
    }
    return {
        "gold": len(names.names),
        "found": Ratio(len(found), len(names.names)),
        "per_entity": per_entity,
        "missed": missed,
        "split": split,
        "merged": merged,
        "bcubed": {"precision": p, "recall": r, "f1": f1(p, r), "mentions": n},
        "unlabelled_mentions": alignment.unlabelled,
        "ambiguous_mentions": alignment.ambiguous,
    }


# ---------------------------------------------------------------- relations

def canonical_predicate(predicate: str) -> str:
    return PREDICATE_ALIASES.get(predicate, predicate)


def predicate_label(predicate: str) -> str:
    """How a canonical predicate is reported: merged predicates show all their names."""
    merged = sorted(p for p, c in PREDICATE_ALIASES.items() if c == predicate)
    return "/".join([predicate] + merged)


def relation_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    predicate = canonical_predicate(predicate)
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


def gold_polarity(relation: dict[str, Any]) -> str:
    seen = {ev.get("polarity", "asserted") for ev in relation.get("evidence", [])} or {"asserted"}
    for polarity in ("asserted", "denied", "hedged"):
        if polarity in seen:
            return polarity
    return "asserted"


def exported_polarity(relation: dict[str, Any]) -> str:
    word = str(relation.get("polarity") or "asserted").strip().lower()
    return POLARITY_WORDS.get(word, word)


def score_relations(gold: dict[str, Any], export: dict[str, Any], names: GoldNames,
                    align: EntityAlignment) -> dict[str, Any]:
    entity_names = {str(e["id"]): e.get("name") for e in _list(export.get("entities"))
                    if isinstance(e, dict) and e.get("id") is not None}
    gold_by_key: dict[tuple[str, str, str], dict[str, Any]] = {}
    offices: dict[str, str] = {}  # "office:" + name key -> the office as gold writes it
    for rel in gold.get("relations", []):
        obj = rel["object"]
        if rel["predicate"] == OFFICE_PREDICATE and obj not in names.names:
            obj = "office:" + name_key(obj)
            offices[obj] = rel["object"]
        gold_by_key[relation_key(rel["subject"], rel["predicate"], obj)] = rel

    entity_aliases = {str(e["id"]): [a for a in _list(e.get("aliases")) if isinstance(a, str)]
                      for e in _list(export.get("entities")) if isinstance(e, dict) and e.get("id") is not None}

    def office_of(rel: dict[str, Any]) -> str | None:
        """The gold office whose words name the object ("deputy governor of Salahuddin" for the
        entity "Salahuddin province", alias "Salahuddin"), else an office of its own."""
        text = rel.get("object_name") or entity_names.get(str(rel.get("object"))) or rel.get("object")
        key = name_key(str(text or ""))
        keys = [key] + [name_key(a) for a in entity_aliases.get(str(rel.get("object")), [])]
        for office in offices:
            if any(k and (office[7:] in k or re.search(rf"(?<!\w){re.escape(k)}(?!\w)", office[7:])) for k in keys):
                return office
        return ("office:" + key) if key else None

    predicted: dict[tuple, list[dict[str, Any]]] = defaultdict(list)  # aligned key -> exported relations
    for rel in _list(export.get("relations")):
        if not isinstance(rel, dict) or not rel.get("predicate"):
            continue
        predicate = str(rel["predicate"])
        subject = align(rel.get("subject"))
        obj = office_of(rel) if predicate == OFFICE_PREDICATE else align(rel.get("object"))
        if subject is None or obj is None:  # unaligned: a false positive of its own
            key: tuple = ("?", canonical_predicate(predicate), str(rel.get("subject")), str(rel.get("object")))
        else:
            key = relation_key(subject, predicate, obj)
        predicted[key].append(rel)

    def describe(key: tuple, rels: list[dict[str, Any]] | None = None) -> str:
        if key[0] == "?":
            rel = rels[0]
            subj = rel.get("subject_name") or entity_names.get(key[2]) or key[2]
            obj = rel.get("object_name") or entity_names.get(key[3]) or key[3]
            return f"{subj} --{rel['predicate']}--> {obj} (not a gold actor)"
        subj, pred, obj = key
        shown_object = names.names.get(obj) or offices.get(obj) or obj.removeprefix("office:")
        return f"{names.names.get(subj, subj)} --{pred}--> {shown_object}"

    by_predicate: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    false_positives, false_negatives = [], []
    for key, rels in predicted.items():
        label = predicate_label(key[1])
        if key in gold_by_key:
            by_predicate[label]["tp"] += 1
        else:
            by_predicate[label]["fp"] += 1
            false_positives.append(describe(key, rels))
    polarity = {"non_asserted": 0, "right": 0, "denied_as_fact": 0, "wrong": []}
    for key, rel in gold_by_key.items():
        if key not in predicted:
            by_predicate[predicate_label(key[1])]["fn"] += 1
            false_negatives.append(describe(key))
            continue
        want = gold_polarity(rel)
        if want == "asserted":
            continue
        got = {exported_polarity(r) for r in predicted[key]}
        polarity["non_asserted"] += 1
        if got & ACCEPTED_POLARITY[want]:
            polarity["right"] += 1
        else:
            polarity["wrong"].append(f"{describe(key)}: gold {want}, exported {', '.join(sorted(got))}")
        if want == "denied" and "asserted" in got:
            polarity["denied_as_fact"] += 1

    def pr(counts: dict[str, int]) -> dict[str, Ratio]:
        return {"precision": Ratio(counts["tp"], counts["tp"] + counts["fp"]),
                "recall": Ratio(counts["tp"], counts["tp"] + counts["fn"])}

    total = {k: sum(c[k] for c in by_predicate.values()) for k in ("tp", "fp", "fn")}
    return {
        "overall": pr(total),
        "by_predicate": {p: pr(c) for p, c in sorted(by_predicate.items())},
        "false_positives": sorted(false_positives),
        "false_negatives": sorted(false_negatives),
        "polarity": {"non_asserted_found": polarity["non_asserted"], "right": polarity["right"],
                     "accuracy": Ratio(polarity["right"], polarity["non_asserted"]),
                     "denied_exported_as_fact": polarity["denied_as_fact"], "wrong": polarity["wrong"]},
    }


# ---------------------------------------------------------------- events

def _overlap(span: tuple[int, int] | None, evidence: dict[str, Any], evidence_text: str, sentence: str) -> int:
    """Characters an evidence span shares with a gold sentence (1 for a text-only match, 0 for none)."""
    start, end = evidence.get("start"), evidence.get("end")
    if span is not None and isinstance(start, int) and isinstance(end, int) and end > start:
        return max(0, min(end, span[1]) - max(start, span[0]))
    a, b = normalise(evidence_text), normalise(sentence)
    return 1 if a and b and (a in b or b in a) else 0


def _date_matches(predicted: Any, gold_date: str, precision: str | None) -> bool:
    if not predicted:
        return False
    width = {"day": 10, "month": 7, "year": 4}.get(precision or "", len(gold_date))
    predicted = str(predicted)
    return len(predicted) >= width and predicted[:width] == gold_date[:width]


def _participants(event: dict[str, Any]) -> list[Any]:
    """Exported actor entity ids; actors may be dicts (``entity``) or bare ids."""
    ids = []
    for actor in event.get("actors") or []:
        ids.append(actor.get("entity") if isinstance(actor, dict) else actor)
    return ids


def score_events(gold: dict[str, Any], export: dict[str, Any], names: GoldNames, docs: Documents,
                 align: EntityAlignment) -> dict[str, Any]:
    exported = [e for e in _list(export.get("events")) if isinstance(e, dict)]
    recalled = total = type_ok = 0
    dated = date_ok = located = location_ok = actors_total = actors_found = 0
    missed, wrong_type, wrong_date, wrong_location = [], [], [], []
    matched_exported: set[int] = set()
    sentences_not_found = 0
    for g in gold.get("events", []):
        if g.get("type") in SKIPPED_EVENT_TYPES:
            continue
        total += 1
        hits: Counter[int] = Counter()  # exported event index -> mention sentences overlapped
        chars: Counter[int] = Counter()
        for mention in g.get("mentions", []):
            doc_id = docs.id_of.get((mention["file"], mention.get("locator") or ""))
            if doc_id is None:
                continue
            span = find_collapsed(docs.text(doc_id), mention["sentence"])
            sentences_not_found += span is None
            for i, event in enumerate(exported):
                best = max((_overlap(span, ev, docs.span_text(ev), mention["sentence"])
                            for ev in _list(event.get("evidence"))
                            if isinstance(ev, dict) and str(ev.get("doc")) == doc_id), default=0)
                if best:
                    hits[i] += 1
                    chars[i] += best
        if not hits:
            missed.append(g["id"])
            continue
        recalled += 1
        index = max(hits, key=lambda i: (hits[i], chars[i], -i))
        matched_exported.update(hits)
        event = exported[index]
        label = f"{g['id']} (exported {event.get('id')})"
        if str(event.get("type") or "").upper() == g.get("type"):
            type_ok += 1
        else:
            wrong_type.append(f"{label}: gold {g.get('type')}, exported {event.get('type')}")
        if g.get("date"):
            dated += 1
            accepted = {g["date"], *(g.get("date_by_source") or {}).values(),
                        *(m["date"] for m in g.get("mentions", []) if m.get("date"))}
            if any(_date_matches(event.get("date"), d, g.get("date_precision")) for d in accepted):
                date_ok += 1
            else:
                wrong_date.append(f"{label}: gold {g['date']} ({g.get('date_precision')}), exported {event.get('date')}")
        places = {p for p in [g.get("location"), *(m.get("location") for m in g.get("mentions", []))] if p}
        if places:
            located += 1
            place = align(event.get("location"))
            if place is None and event.get("location_name"):
                owners = names.owners.get(name_key(str(event["location_name"])), [])
                place = owners[0] if len(owners) == 1 else None
            if place in places:
                location_ok += 1
            else:
                wrong_location.append(f"{label}: gold {sorted(places)}, exported {event.get('location') or event.get('location_name')}")
        people = set(g.get("actors") or []) | set(g.get("targets") or [])
        if people:
            actors_total += len(people)
            actors_found += len(people & {align(a) for a in _participants(event)})
    return {
        "recall": Ratio(recalled, total),
        "type_accuracy": Ratio(type_ok, recalled),
        "date_accuracy": Ratio(date_ok, dated),
        "location_accuracy": Ratio(location_ok, located),
        "actor_recall": Ratio(actors_found, actors_total),
        "missed": missed,
        "wrong_type": wrong_type,
        "wrong_date": wrong_date,
        "wrong_location": wrong_location,
        "unmatched_exported": len(exported) - len(matched_exported),
        "gold_sentences_not_found": sentences_not_found,
    }


# ---------------------------------------------------------------- quotes

def _quote_body(text: str) -> str:
    return normalise(text).lstrip(_QUOTE_MARKS).lower()


def score_quotes(gold: dict[str, Any], export: dict[str, Any], names: GoldNames, docs: Documents,
                 align: EntityAlignment) -> dict[str, Any]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in _list(export.get("quotes")):
        if isinstance(quote, dict) and quote.get("doc") is not None:
            by_doc[str(quote["doc"])].append(quote)
    recall_total = recall_found = aligned = speaker_ok = 0
    missed, wrong_speaker = [], []
    for g in gold.get("quotes", []):
        scored_for_recall = g.get("kind") in ("direct", "partial")
        recall_total += scored_for_recall
        label = f"{_label((g['file'], g.get('locator') or ''))}: {g['starts_with'][:40]}"
        doc_id = docs.id_of.get((g["file"], g.get("locator") or ""))
        opening = normalise(g["starts_with"]).lower()
        candidates = [(_quote_body(docs.span_text(q)), q) for q in by_doc.get(doc_id, [])] if doc_id else []
        quote = next((q for body, q in candidates if body.startswith(opening)), None) or \
            next((q for body, q in candidates if opening in body), None)
        if quote is None:
            if scored_for_recall:
                missed.append(label)
            continue
        recall_found += scored_for_recall
        aligned += 1
        want = g.get("speaker")
        got = align(quote.get("speaker"))
        if (got == want) if want else quote.get("speaker") is None:
            speaker_ok += 1
        else:
            shown = quote.get("speaker_name") or quote.get("speaker")
            wrong_speaker.append(f"{label}: gold {names.names.get(want, want)}, exported {shown}")
    return {
        "recall": Ratio(recall_found, recall_total),
        "speaker_accuracy": Ratio(speaker_ok, aligned),
        "missed": missed,
        "wrong_speaker": wrong_speaker,
    }


# ---------------------------------------------------------------- contradictions

def score_contradictions(gold: dict[str, Any], export: dict[str, Any], docs: Documents) -> dict[str, Any]:
    story_of = {f: story for story, files in (gold.get("stories") or {}).items() for f in files}

    def same_file(files) -> frozenset[str]:
        return frozenset(story_of.get(f, f) for f in files)

    flag_kinds = {(d["file"], d.get("locator") or ""): {f.get("kind") for f in d.get("flags", [])}
                  for d in gold.get("documents", [])}
    exported = []
    for c in _list(export.get("contradictions")):
        if not isinstance(c, dict):
            continue
        keys = {docs.key_of[str(ev.get("doc"))] for ev in _list(c.get("evidence"))
                if isinstance(ev, dict) and str(ev.get("doc")) in docs.key_of}
        exported.append((c, keys, same_file(k[0] for k in keys)))
    recalled, kind_ok, missed = 0, 0, []
    used: set[int] = set()
    for g in gold.get("contradictions", []):
        wanted = same_file(g.get("files", []))
        hits = [i for i, (_, _, files) in enumerate(exported) if wanted <= files]
        if not hits:
            missed.append(g.get("id"))
            continue
        recalled += 1
        used.update(hits)
        if any(str(exported[i][0].get("kind") or "").lower() == g.get("kind") for i in hits):
            kind_ok += 1
    false_alarms, expected_flags = [], 0
    for i, (c, keys, files) in enumerate(exported):
        if i in used:
            continue
        if len(keys) == 1 and c.get("kind") in flag_kinds.get(next(iter(keys)), set()):
            expected_flags += 1
            continue
        for near_miss in gold.get("not_contradictions", []):
            if files and files == same_file(near_miss.get("files", [])):
                false_alarms.append(f"{c.get('kind') or 'contradiction'}: {str(c.get('description') or '')[:80]}")
                break
    total = len(gold.get("contradictions", []))
    return {
        "recall": Ratio(recalled, total),
        "kind_matches": Ratio(kind_ok, recalled),
        "missed": missed,
        "false_alarms": false_alarms,
        "expected_flags": expected_flags,
        "exported": len(exported),
    }


# ---------------------------------------------------------------- the whole evaluation

def evaluate(export: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """All scores, as plain data plus ``Ratio`` values (see ``to_json``)."""
    docs = Documents(export)
    names = GoldNames(gold)
    align = align_entities(export, names, docs)
    result = {
        "documents": score_documents(gold, docs),
        "entities": score_entities(export, names, align),
        "relations": score_relations(gold, export, names, align),
        "events": score_events(gold, export, names, docs, align),
        "quotes": score_quotes(gold, export, names, docs, align),
        "contradictions": score_contradictions(gold, export, docs),
    }
    targets = []
    for label, path, threshold in TARGETS:
        metric = result
        for step in path:
            metric = metric[step]
        value = metric.value
        targets.append({"name": label, "value": value, "target": f">= {threshold}",
                        "pass": value is not None and value >= threshold})
    merges = len(result["entities"]["merged"])
    targets.append({"name": "merged entities", "value": merges, "target": "= 0", "pass": merges == 0})
    result["targets"] = targets
    return result


def to_json(value: Any) -> Any:
    if isinstance(value, Ratio):
        return value.to_json()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


RULES_SUMMARY = (
    "rules: entities aligned by mention text vs gold aliases (majority vote); relations on aligned "
    "(subject, predicate, object), member_of=part_of, allied_with/fights/family symmetric; events recalled by "
    "evidence overlapping a gold sentence, dates at gold precision; quotes by document + opening words; "
    "contradictions by cited files (story copies count as one). Full rules: pydoc newsgraph.evaluate"
)


def format_report(result: dict[str, Any], verbose: bool = False) -> str:
    lines: list[str] = []
    add = lines.append

    def listing(title: str, items: list, always: bool = False) -> None:
        if items and (verbose or always):
            add(f"  {title}:")
            lines.extend(f"    - {item}" for item in items)

    docs = result["documents"]
    add("Documents")
    add(f"  publication date accuracy   {docs['publication_date']}")
    listing("missing from the export", docs["missing"], always=True)
    listing("wrong publication dates", [f"{w['document']}: gold {w['gold']}, exported {w['predicted']}"
                                        for w in docs["wrong_publication_date"]])
    ent = result["entities"]
    b3 = ent["bcubed"]
    add("Entities")
    add(f"  found                       {ent['found']}")
    add(f"  split / merged              {len(ent['split'])} / {len(ent['merged'])}")
    if b3["mentions"]:
        add(f"  B-cubed P / R / F1          {b3['precision']:.3f} / {b3['recall']:.3f} / {b3['f1']:.3f}"
            f"  over {b3['mentions']} mentions ({ent['unlabelled_mentions']} unlabelled)")
    listing("merged (two actors in one entity)",
            [f"{m['entity']} {m['name'] or ''}: " + ", ".join(f"{g} x{n}" for g, n in m["gold"].items())
             for m in ent["merged"]], always=True)
    listing("split", [f"{s['gold']} over {s['entities']}: " + ", ".join(f"{e} x{n}" for e, n in s["spread"].items())
                      for s in ent["split"]])
    listing("missed", ent["missed"])
    rel = result["relations"]
    add("Relations                     precision            recall")
    for predicate, pr in [("overall", rel["overall"]), *rel["by_predicate"].items()]:
        add(f"  {predicate:<27} {str(pr['precision']):<20} {pr['recall']}")
    pol = rel["polarity"]
    add(f"  hedged/denied polarity      {pol['accuracy']}; denied exported as fact: {pol['denied_exported_as_fact']}")
    listing("false positives", rel["false_positives"])
    listing("false negatives", rel["false_negatives"])
    listing("wrong polarity", pol["wrong"])
    ev = result["events"]
    add("Events")
    for label, key in (("recall", "recall"), ("type accuracy", "type_accuracy"), ("date accuracy", "date_accuracy"),
                       ("location accuracy", "location_accuracy"), ("actor recall", "actor_recall")):
        add(f"  {label:<27} {ev[key]}")
    add(f"  exported events matching no gold event: {ev['unmatched_exported']}")
    listing("missed", ev["missed"])
    listing("wrong type", ev["wrong_type"])
    listing("wrong date", ev["wrong_date"])
    listing("wrong location", ev["wrong_location"])
    q = result["quotes"]
    add("Quotes")
    add(f"  recall (direct + partial)   {q['recall']}")
    add(f"  speaker accuracy            {q['speaker_accuracy']}")
    listing("missed", q["missed"])
    listing("wrong speaker", q["wrong_speaker"])
    c = result["contradictions"]
    add("Contradictions")
    add(f"  recall                      {c['recall']} (same kind: {c['kind_matches']})")
    add(f"  false alarms                {len(c['false_alarms'])}")
    listing("missed", c["missed"])
    listing("false alarms", c["false_alarms"])
    add("Targets")
    for t in result["targets"]:
        value = "n/a" if t["value"] is None else t["value"] if isinstance(t["value"], int) else f"{t['value']:.3f}"
        add(f"  {'PASS' if t['pass'] else 'MISS'}  {t['name']:<24} {value!s:<7} (target {t['target']})")
    add(RULES_SUMMARY)
    return "\n".join(lines)


# ---------------------------------------------------------------- oracle export

def _strip_html(markup: str) -> str:
    """Visible text as GOLD.md defines it: tags removed, entities decoded, whitespace collapsed."""
    markup = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _raw_documents(sample: Path) -> dict[DocKey, tuple[str, dict[str, Any]]]:
    """Gold key -> (document text, JSONL metadata) for the files of the sample folder."""
    found: dict[DocKey, tuple[str, dict[str, Any]]] = {}
    for path in sorted(sample.iterdir()):
        if path.suffix == ".txt" and path.name[:1].isdigit():
            found[(path.name, "")] = (path.read_text(encoding="utf-8"), {})
        elif path.suffix == ".html":
            found[(path.name, "")] = (_strip_html(path.read_text(encoding="utf-8")), {})
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    record = json.loads(line)
                    text = record["text"] if "text" in record else _strip_html(record.get("html", ""))
                    found[(path.name, f"line {number}")] = (text, record)
    return found


def oracle_export(gold: dict[str, Any], sample: Path | str) -> dict[str, Any]:
    """A perfect export built from gold plus the raw sample files; scoring it must give 1.0 everywhere."""
    raw = _raw_documents(Path(sample))
    documents, doc_ids = [], {}
    for n, g in enumerate(gold.get("documents", []), 1):
        key = (g["file"], g.get("locator") or "")
        text = raw.get(key, ("", {}))[0]
        doc_id = f"d{n:02d}"
        doc_ids[key] = doc_id
        documents.append({"id": doc_id, "source": str(Path(sample) / g["file"]), "locator": key[1],
                          "title": g.get("title"), "publisher": g.get("publisher"), "published": g.get("published"),
                          "story": g.get("story"), "text": text})
    text_of = {d["id"]: d["text"] for d in documents}

    def span(file: str, locator: str, needle: str) -> dict[str, Any] | None:
        doc_id = doc_ids.get((file, locator or ""))
        found = find_collapsed(text_of.get(doc_id, ""), needle) if doc_id else None
        if found is None:
            return None
        return {"doc": doc_id, "start": found[0], "end": found[1], "text": text_of[doc_id][found[0]:found[1]]}

    # Mentions: every alias occurrence, longest first, never overlapping another mention; inside a
    # phrase annotation ("in_context") the alias names that phrase's entity.
    key_of = {doc_id: key for key, doc_id in doc_ids.items()}
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc_id, text in text_of.items():
        matches = []
        for e in gold.get("entities", []):
            for alias in set(e.get("aliases", [])):
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                    matches.append((m.end() - m.start(), m.start(), m.end(), e["id"]))
        for e in gold.get("entities", []):
            for c in e.get("in_context", []):
                if (c["file"], c.get("locator") or "") != key_of[doc_id]:
                    continue
                phrase = find_collapsed(text, c["text"])
                if phrase is None:
                    continue
                inside = [(n, m) for n, m in enumerate(matches) if phrase[0] <= m[1] and m[2] <= phrase[1]
                          and name_key(text[m[1]:m[2]]) == name_key(c["alias"])]
                for n, m in inside:
                    matches[n] = (m[0], m[1], m[2], e["id"])
        taken: list[tuple[int, int]] = []
        for _, start, end, gid in sorted(matches, key=lambda m: (-m[0], m[1])):
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                mentions[gid].append({"doc": doc_id, "start": start, "end": end, "text": text[start:end]})
    entities = [{"id": e["id"], "name": e["name"], "type": e.get("type"), "subtype": e.get("subtype"),
                 "aliases": list(e.get("aliases", [])), "mentions": sorted(mentions[e["id"]], key=lambda m: (m["doc"], m["start"]))}
                for e in gold.get("entities", [])]
    entity_ids = {e["id"] for e in entities}
    relations = []
    for n, r in enumerate(gold.get("relations", []), 1):
        is_office = r["object"] not in entity_ids
        relations.append({
            "id": f"r{n}", "subject": r["subject"], "predicate": r["predicate"],
            "object": None if is_office else r["object"], "object_name": r["object"] if is_office else None,
            "polarity": gold_polarity(r),
            "evidence": [s for ev in r.get("evidence", []) if (s := span(ev["file"], ev.get("locator"), ev["sentence"]))],
        })
    events = []
    for g in gold.get("events", []):
        location = g.get("location") or next((m["location"] for m in g.get("mentions", []) if m.get("location")), None)
        events.append({
            "id": g["id"], "type": g.get("type"), "date": g.get("date"), "date_precision": g.get("date_precision"),
            "location": location,
            "actors": [{"entity": a, "role": "actor"} for a in g.get("actors", [])]
                      + [{"entity": t, "role": "target"} for t in g.get("targets", [])],
            "evidence": [s for m in g.get("mentions", []) if (s := span(m["file"], m.get("locator"), m["sentence"]))],
        })
    quotes = []
    for n, q in enumerate(gold.get("quotes", []), 1):
        opening = span(q["file"], q.get("locator"), q["starts_with"])
        if opening is not None:
            quotes.append({"id": f"q{n}", "speaker": q.get("speaker"), "kind": q.get("kind"), **opening})
    contradictions = []
    for c in gold.get("contradictions", []):
        evidence = [{"doc": doc_ids[key], "start": 0, "end": 0, "text": "", "value": (c.get("values") or {}).get(key[0])}
                    for key in doc_ids if key[0] in c.get("files", []) and key[1] == ""]
        contradictions.append({"id": c["id"], "kind": c.get("kind"), "description": c.get("description"), "evidence": evidence})
    for g in gold.get("documents", []):  # in-document flags travel with contradictions in the export
        for flag in g.get("flags", []):
            where = span(g["file"], g.get("locator"), flag.get("evidence") or "") or \
                {"doc": doc_ids[(g["file"], g.get("locator") or "")], "start": 0, "end": 0}
            contradictions.append({"id": f"flag-{g['file']}", "kind": flag["kind"], "description": flag["kind"], "evidence": [where]})
    return {"documents": documents, "entities": entities, "relations": relations, "events": events,
            "quotes": quotes, "contradictions": contradictions}


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.evaluate",
                                     description="Score a newsgraph JSON export against gold annotations.")
    parser.add_argument("--export", required=True, type=Path, help="the JSON written by `newsgraph export`")
    parser.add_argument("--gold", type=Path, default=sample_dir() / "gold.json", help="gold annotations (GOLD.md)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error, not only the counts")
    args = parser.parse_args(argv)
    try:
        export = load_json(args.export, "export")
        gold = load_json(args.gold, "gold")
    except EvaluationInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = evaluate(export, gold)
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print(format_report(result, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
