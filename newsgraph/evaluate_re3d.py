"""Relations scored on re3d-partial (``../shared/data/re3d-partial``), leave-one-source-out.

re3d (Dstl, 2017) annotates entities and relations in Syria/Iraq documents from several sources; the
partial copy holds four of them (UK Government, Wikipedia, Australian Department of Foreign Affairs,
Delegation of the European Union to Syria). Each source folder has ``documents.json``,
``entities.json`` and ``relations.json`` as JSON lines; annotations carry an IBCC confidence and only
those at or above ``MIN_CONFIDENCE`` are kept.

What is scored (see RELATIONS.md, "re3d mapping"):

* gold: the re3d relations whose type maps onto one of our predicates *for its argument types*
  (``GOLD_MAP``), whose two arguments are named (Person / Organisation / Location / Nationality with a
  capitalised word that is not a pronoun: "the Global Coalition", "Daesh", not "these terrorists",
  "they"); symmetric types are kept once per unordered pair;
* predicted: our per-document stages as the pipeline runs them (``newsgraph.facts``: the spaCy parse,
  ``find_mentions``, ``link_mentions``, ``find_relations``) on the document text; a relation counts
  when its predicate maps to a scored label (``PREDICATE_LABEL``) and it is not negated. Its argument
  spans are the mentions of its subject and object entities inside its evidence sentence;
* a match: same label, the predicted subject overlaps the gold source and the object the gold target
  (either way round for symmetric labels; ``reports_to`` is ``InChargeOf`` read backwards).

Precision = predictions matching some gold / predictions; recall = gold matched by some prediction;
per label and micro, per source and over all sources. A source is a held-out fold: the rules use no
re3d data, and a trained component is trained on the other sources (``--loso``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "re3d-partial"
MIN_CONFIDENCE = 0.5

# re3d type -> [(source types, target types, scored label, read backwards)]. The argument types say
# which reading of the re3d type is one of our predicates: InChargeOf between an organisation and a
# place is territorial control, which our ontology has no predicate for; a place is never a party to
# fights or allied_with. Likes/Dislikes (welcoming, condemning), CommWith (meetings), CoLocated and
# Apart (where someone is at a time), HasAttrOf and IsSynonymOf are not relations between actors.
_ACTORS = frozenset({"Person", "Organisation", "Nationality"})
GOLD_MAP: dict[str, list[tuple[frozenset, frozenset, str, bool]]] = {
    "BelongsTo": [(frozenset({"Person", "Organisation"}), frozenset({"Organisation"}), "member_of", False)],
    "InChargeOf": [
        (frozenset({"Person"}), frozenset({"Organisation"}), "leads", False),
        # an organisation in charge of another one: the other reports to it
        (frozenset({"Organisation"}), frozenset({"Organisation", "Person"}), "reports_to", True),
    ],
    "FightingAgainst": [(_ACTORS, _ACTORS, "fights", False)],
    "AlliesOf": [(_ACTORS, _ACTORS, "allied_with", False)],
}
# our predicate -> scored label. member_of and part_of are one (re3d's BelongsTo covers both);
# backed_by counts as allied_with: re3d's "military allies of" is being on the same side of a
# conflict, which a backer is ("the UK has supported the Iraqi security forces" is AlliesOf there).
PREDICATE_LABEL = {"member_of": "member_of", "part_of": "member_of", "leads": "leads",
                   "reports_to": "reports_to", "fights": "fights", "allied_with": "allied_with",
                   "backed_by": "allied_with"}
SYMMETRIC_LABELS = frozenset({"fights", "allied_with"})
LABELS = ("member_of", "leads", "reports_to", "fights", "allied_with")
NAMED_TYPES = frozenset({"Person", "Organisation", "Location", "Nationality"})

_PRONOUNS = frozenset("i we you he she it they us them him her its their his our my me who which that this these "
                      "those".split())
# capitalised at the start of a sentence without being names
_FUNCTION = frozenset("the a an of and in for on at to some many several all both each other most few one two three "
                      "four five former new".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_named(value: str) -> bool:
    """A name or a titled reference ("the Global Coalition", "Foreign Office Minister"), not a pronoun
    or a common noun phrase ("they", "these terrorists", "families")."""
    words = _WORD.findall(value)
    if not words or (len(words) == 1 and words[0].lower() in _PRONOUNS):
        return False
    return any(w[0].isupper() and w.lower() not in _FUNCTION | _PRONOUNS for w in words)


@dataclass(frozen=True, slots=True)
class GoldRelation:
    label: str
    subject: tuple[int, int]  # character span of the argument playing our subject
    object: tuple[int, int]
    re3d_type: str


@dataclass(slots=True)
class Document:
    id: str
    source: str
    title: str
    text: str
    entities: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PredictedRelation:
    label: str
    predicate: str
    subject: tuple[tuple[int, int], ...]  # the subject's mention spans in the evidence sentence
    object: tuple[tuple[int, int], ...]
    confidence: float
    sentence: tuple[int, int]


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def sources(root: Path = DEFAULT_ROOT) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "documents.json").is_file())


def load_source(root: Path, source: str, min_confidence: float = MIN_CONFIDENCE) -> list[Document]:
    folder = root / source
    docs = {d["_id"]: Document(d["_id"], source, d.get("title", ""), d["text"])
            for d in _json_lines(folder / "documents.json")}
    for e in _json_lines(folder / "entities.json"):
        if e.get("confidence", 0) >= min_confidence and e["documentId"] in docs:
            docs[e["documentId"]].entities.append(e)
    for r in _json_lines(folder / "relations.json"):
        if r.get("confidence", 0) >= min_confidence and r["documentId"] in docs:
            docs[r["documentId"]].relations.append(r)
    return sorted(docs.values(), key=lambda d: d.id)


def load(root: Path = DEFAULT_ROOT) -> dict[str, list[Document]]:
    return {s: load_source(root, s) for s in sources(root)}


def gold_relations(doc: Document, named_only: bool = True) -> list[GoldRelation]:
    """The document's relations that map onto our ontology, deduplicated; with ``named_only`` only
    those between named arguments (the recall base; precision is judged against all of them)."""
    types = {(e["begin"], e["end"]): e["type"] for e in doc.entities}
    out: dict[tuple, GoldRelation] = {}
    for r in doc.relations:
        src, tgt = (r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"])
        st, tt = types.get(src), types.get(tgt)
        if st not in NAMED_TYPES or tt not in NAMED_TYPES:
            continue
        if named_only and not (is_named(doc.text[src[0]:src[1]]) and is_named(doc.text[tgt[0]:tgt[1]])):
            continue
        for src_types, tgt_types, label, backwards in GOLD_MAP.get(r["type"], ()):
            if st in src_types and tt in tgt_types:
                subj, obj = (tgt, src) if backwards else (src, tgt)
                key = (label, *sorted((subj, obj))) if label in SYMMETRIC_LABELS else (label, subj, obj)
                out.setdefault(key, GoldRelation(label, subj, obj, r["type"]))
                break
    return sorted(out.values(), key=lambda g: (g.subject, g.object, g.label))


# -- our pipeline ---------------------------------------------------------------------------------

RelationFinder = Callable[..., list]


def document_relations(text: str, doc, find_relations: RelationFinder | None = None):
    """The per-document stages as ``newsgraph.facts.extract_facts`` runs them, up to relations:
    (mentions with local entities, relations)."""
    from newsgraph.entities.local import link_mentions
    from newsgraph.entities.mentions import find_mentions

    if find_relations is None:
        from newsgraph.extract.relations import find_relations
    mentions, _ = link_mentions(text, find_mentions(text, doc))
    return mentions, find_relations(doc, mentions)


def predicted_relations(mentions, relations) -> list[PredictedRelation]:
    """Our relations as scored items: mapped label, argument spans inside the evidence sentence."""
    out = []
    for r in relations:
        label = PREDICATE_LABEL.get(r.predicate)
        if label is None or r.polarity == "negated":
            continue

        def spans(entity: int) -> tuple[tuple[int, int], ...]:
            return tuple((m.start, m.end) for m in mentions
                         if m.entity == entity and m.start >= r.start and m.end <= r.end)

        out.append(PredictedRelation(label, r.predicate, spans(r.subject), spans(r.object), r.confidence,
                                     (r.start, r.end)))
    return out


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def matches(pred: PredictedRelation, gold: GoldRelation) -> bool:
    if pred.label != gold.label:
        return False
    if _overlaps(gold.subject, pred.subject) and _overlaps(gold.object, pred.object):
        return True
    return gold.label in SYMMETRIC_LABELS and _overlaps(gold.subject, pred.object) and \
        _overlaps(gold.object, pred.subject)


@dataclass(slots=True)
class Counts:
    """Per label: predictions, predictions matching gold, gold, gold matched."""

    pred: Counter = field(default_factory=Counter)
    pred_ok: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    gold_ok: Counter = field(default_factory=Counter)

    def add(self, other: "Counts") -> None:
        for name in ("pred", "pred_ok", "gold", "gold_ok"):
            getattr(self, name).update(getattr(other, name))

    def figures(self) -> dict:
        def prf(p, pok, g, gok) -> dict:
            prec = pok / p if p else 0.0
            rec = gok / g if g else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            return {"predicted": p, "predicted_right": pok, "gold": g, "gold_found": gok,
                    "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}

        out = {lab: prf(self.pred[lab], self.pred_ok[lab], self.gold[lab], self.gold_ok[lab]) for lab in LABELS}
        out["micro"] = prf(sum(self.pred.values()), sum(self.pred_ok.values()), sum(self.gold.values()),
                           sum(self.gold_ok.values()))
        return out


def score_document(golds: list[GoldRelation], preds: list[PredictedRelation],
                   any_golds: list[GoldRelation] | None = None) -> Counts:
    """Recall over ``golds`` (named arguments); precision against ``any_golds`` (all mapped gold
    relations, whatever their arguments; ``golds`` when not given): a prediction that finds a right
    relation is right even when the annotators' argument was "its commander" or "ISIL forces"."""
    c = Counts()
    for g in golds:
        c.gold[g.label] += 1
        c.gold_ok[g.label] += any(matches(p, g) for p in preds)
    judge = golds if any_golds is None else any_golds
    for p in preds:
        c.pred[p.label] += 1
        c.pred_ok[p.label] += any(matches(p, g) for g in judge)
    return c


def evaluate(corpus: dict[str, list[Document]], nlp, finder_for_source: Callable[[str], RelationFinder | None]
             = lambda source: None, errors: list | None = None) -> dict:
    """Figures per held-out source and over all sources; ``finder_for_source(source)`` is the relation
    finder to use on that source's documents (one trained without it, or None for the shipped one)."""
    total = Counts()
    per_source = {}
    elapsed = 0.0
    n_docs = 0
    for source, docs in corpus.items():
        finder = finder_for_source(source)
        counts = Counts()
        for d in docs:
            parsed = nlp(d.text)
            t0 = time.perf_counter()
            mentions, relations = document_relations(d.text, parsed, finder)
            elapsed += time.perf_counter() - t0
            n_docs += 1
            golds, preds = gold_relations(d), predicted_relations(mentions, relations)
            any_golds = gold_relations(d, named_only=False)
            counts.add(score_document(golds, preds, any_golds))
            if errors is not None:
                errors.extend(_errors(d, golds, any_golds, preds))
        per_source[source] = counts.figures()
        total.add(counts)
    return {"sources": per_source, "all": total.figures(),
            "ms_per_document_mentions_and_relations": round(1000 * elapsed / max(1, n_docs), 2)}


def _errors(d: Document, golds, any_golds, preds) -> list[tuple]:
    out = []
    text = d.text

    def show(spans) -> str:
        return "|".join(text[a:b] for a, b in spans) if spans and isinstance(spans[0], tuple) else text[spans[0]:spans[1]]
    for g in golds:
        if not any(matches(p, g) for p in preds):
            out.append(("FN", d.source, g.label, show(g.subject), show(g.object), g.re3d_type))
    for p in preds:
        if not any(matches(p, g) for g in any_golds):
            out.append(("FP", d.source, p.predicate, show(p.subject), show(p.object),
                        text[p.sentence[0]:p.sentence[1]].replace("\n", " ")[:200]))
    return out


def format_table(result: dict) -> str:
    lines = []
    for name, figs in [*result["sources"].items(), ("ALL (pooled)", result["all"])]:
        lines.append(f"{name}")
        for lab in (*LABELS, "micro"):
            f = figs[lab]
            if not f["predicted"] and not f["gold"]:
                continue
            lines.append(f"  {lab:12} P={f['precision']:.3f} ({f['predicted_right']}/{f['predicted']})  "
                         f"R={f['recall']:.3f} ({f['gold_found']}/{f['gold']})  F1={f['f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--errors", action="store_true", help="print missed and wrong relations")
    args = ap.parse_args(argv)
    if not args.root.is_dir():
        print(f"{args.root} not found: re3d relation scores skipped")
        return 0
    from newsgraph import nlp as nlp_module

    corpus = load(args.root)
    errors: list | None = [] if args.errors else None
    result = evaluate(corpus, nlp_module.load(), errors=errors)
    print("re3d-partial relations (rules; each source held out)")
    print(format_table(result))
    if errors:
        for e in errors:
            print(*e, sep=" | ")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
