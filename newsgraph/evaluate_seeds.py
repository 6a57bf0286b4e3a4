"""Relations scored on the seed captures (``../shared/corpus/seeds``) against our own gold.

Run::

    python -m newsgraph.evaluate_seeds [--gold eval/seeds/relations.json] [--seeds DIR] [--json OUT] [--errors dev|test|all]

The seeds are ingested into a temporary store with the normal pipeline (``pipeline.ingest``, NLP on)
and read back through the JSON export. The gold (``eval/seeds/relations.json``, format in
``eval/seeds/README.md``) lists, per document, every relation an analyst would list between named
actors, with entity ids, the names as they appear, predicate, polarity and the character offsets of
the evidence sentence in the raw capture. Relations marked ``optional`` (implied, past, hedged or
cross-sentence) are right when found and not counted as misses when not.

Scoring is per document: a system relation is one (document, subject, predicate, object) for every
document its evidence comes from.

* Alignment: an exported entity aligns, in one document, with the gold entity most of its mentions in
  that document name (gold name or alias, compared as ``evaluate.name_key``: case, "the", possessive
  and quotes ignored; an alias of several gold entities goes to the one the document names
  unambiguously); without such mentions, through its own name and aliases.
* A system relation whose two arguments align is right when the gold lists the pair in that document
  with the same predicate (``member_of`` = ``part_of``; ``allied_with``, ``fights``, ``family`` either
  way round) or one the gold ``accept``\\s for it, and the polarity agrees (a gold ``denied`` relation
  wants a ``negated`` one; a negated system relation is wrong on an asserted one; hedged = asserted).
  ``holds_office`` is right too when its object names the gold office ("Prime Minister"). Anything
  else between aligned actors is wrong: the gold is complete between the actors it names.
* A system relation with an argument that aligns with no gold entity is judged by the ``judgements``
  of the gold file (by document, subject and object names and predicate); unjudged ones are listed so
  that a human can judge them, and left out of the precision over all relations.

Figures per split (dev / test, fixed in the gold file before any system output was seen): precision
over relations between aligned actors; precision over all judged relations (with the unjudged count);
recall over required gold relations (optional ones found shown apart). Exit code 0, also when the
seeds are absent (skipped with a message); 2 when the gold file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Iterable

from newsgraph.evaluate import (SYMMETRIC_PREDICATES, Documents, EvaluationInputError, GoldNames, Ratio,
                                canonical_predicate, exported_polarity, load_json, name_key)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "eval" / "seeds" / "relations.json"
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class SystemRelation:
    doc: str  # gold document name (file basename)
    subject: str  # exported entity id
    predicate: str
    object: str
    subject_name: str
    object_name: str
    polarity: str  # on the evaluate vocabulary: asserted / hedged / denied / disputed
    evidence: str = ""


@dataclass
class Verdict:
    relation: SystemRelation
    outcome: str  # "right", "wrong" or "unjudged"
    aligned: bool  # both arguments align with gold entities
    gold: dict[str, Any] | None = None  # the gold relation it matches
    why: str = ""


@dataclass
class SplitFigures:
    verdicts: list[Verdict] = field(default_factory=list)
    gold: list[dict[str, Any]] = field(default_factory=list)
    found: set[int] = field(default_factory=set)  # ids (positions) of gold relations hit

    def figures(self) -> dict[str, Any]:
        aligned = [v for v in self.verdicts if v.aligned]
        judged = [v for v in self.verdicts if v.outcome != "unjudged"]
        required = [g for g in self.gold if not g.get("optional")]
        optional = [g for g in self.gold if g.get("optional")]
        return {
            "system_relations": len(self.verdicts),
            "precision_aligned": Ratio(sum(v.outcome == "right" for v in aligned), len(aligned)),
            "precision_judged": Ratio(sum(v.outcome == "right" for v in judged), len(judged)),
            "unjudged": len(self.verdicts) - len(judged),
            "recall": Ratio(sum(id(g) in self.found for g in required), len(required)),
            "optional_found": Ratio(sum(id(g) in self.found for g in optional), len(optional)),
        }


# ---------------------------------------------------------------- reading the export

def system_relations(export: dict[str, Any], docs: Documents) -> list[SystemRelation]:
    """One relation per (document, subject, predicate, object, polarity) of the exported relations."""
    seen: dict[tuple, SystemRelation] = {}
    for rel in export.get("relations") or []:
        if not isinstance(rel, dict) or not rel.get("predicate"):
            continue
        for ev in rel.get("evidence") or []:
            doc = docs.key_of.get(str(ev.get("doc")))
            if doc is None:
                continue
            item = SystemRelation(doc[0], str(rel.get("subject")), str(rel["predicate"]), str(rel.get("object")),
                                  str(rel.get("subject_name") or ""), str(rel.get("object_name") or ""),
                                  exported_polarity(rel), " ".join(str(ev.get("text") or "").split()))
            seen.setdefault((item.doc, item.subject, item.predicate, item.object, item.polarity), item)
    return list(seen.values())


class Alignment:
    """Exported entities aligned with gold entities document by document."""

    def __init__(self, export: dict[str, Any], names: GoldNames, docs: Documents):
        self._in_doc: dict[tuple[str, str], str] = {}
        self._by_name: dict[str, str] = {}
        for entity in export.get("entities") or []:
            if not isinstance(entity, dict) or entity.get("id") is None:
                continue
            eid = str(entity["id"])
            votes: dict[str, Counter[str]] = defaultdict(Counter)
            for mention in entity.get("mentions") or []:
                doc_id = str(mention.get("doc"))
                doc = docs.key_of.get(doc_id)
                if doc is None:
                    continue
                gid, _ = names.label(docs.span_text(mention), doc_id, docs)
                if gid is not None:
                    votes[doc[0]][gid] += 1
            for doc, counts in votes.items():
                best = max(counts.values())
                self._in_doc[(eid, doc)] = min((g for g, n in counts.items() if n == best),
                                               key=names.order.__getitem__)
            owners = {g for n in [entity.get("name") or ""] + list(entity.get("aliases") or [])
                      if isinstance(n, str) for g in names.owners.get(name_key(n), [])}
            if len(owners) == 1:
                self._by_name[eid] = owners.pop()

    def __call__(self, entity_id: str, doc: str) -> str | None:
        return self._in_doc.get((entity_id, doc)) or self._by_name.get(entity_id)


# ---------------------------------------------------------------- judging

def _gold_predicates(gold_rel: dict[str, Any]) -> set[str]:
    return {canonical_predicate(p) for p in [gold_rel["predicate"], *gold_rel.get("accept", [])]}


def _same_arguments(gold_rel: dict[str, Any], subject: str, obj: str, predicate: str) -> bool:
    if (gold_rel["subject"], gold_rel["object"]) == (subject, obj):
        return True
    return predicate in SYMMETRIC_PREDICATES and (gold_rel["object"], gold_rel["subject"]) == (subject, obj)


def _polarity_agrees(gold_rel: dict[str, Any], system_polarity: str) -> bool:
    denied = gold_rel.get("polarity") == "denied"
    return (system_polarity in ("denied", "disputed")) if denied else system_polarity != "denied"


def _office_named(gold_rel: dict[str, Any], object_name: str) -> bool:
    office, named = name_key(gold_rel.get("office") or ""), name_key(object_name)
    return bool(office and named) and named == office


def judge(rel: SystemRelation, gold_in_doc: list[dict[str, Any]], align: Alignment,
          judgements: dict[tuple, dict[str, Any]]) -> Verdict:
    predicate = canonical_predicate(rel.predicate)
    subject, obj = align(rel.subject, rel.doc), align(rel.object, rel.doc)
    if subject is not None and predicate == "holds_office":
        for g in gold_in_doc:
            if (g["subject"] == subject and predicate in _gold_predicates(g)
                    and (g["object"] == obj or _office_named(g, rel.object_name))):
                return Verdict(rel, "right" if _polarity_agrees(g, rel.polarity) else "wrong", True, g,
                               "" if _polarity_agrees(g, rel.polarity) else "polarity")
    if subject is not None and obj is not None:
        for g in gold_in_doc:
            if predicate in _gold_predicates(g) and _same_arguments(g, subject, obj, predicate):
                agrees = _polarity_agrees(g, rel.polarity)
                return Verdict(rel, "right" if agrees else "wrong", True, g, "" if agrees else "polarity")
        return Verdict(rel, "wrong", True, None, f"gold has no {subject} {predicate} {obj}")
    verdict = judgements.get(judgement_key(rel.doc, rel.subject_name, rel.predicate, rel.object_name))
    if verdict is None:
        return Verdict(rel, "unjudged", False)
    return Verdict(rel, "right" if verdict.get("verdict") == "right" else "wrong", False, None,
                   str(verdict.get("why") or ""))


def judgement_key(doc: str, subject: str, predicate: str, obj: str) -> tuple[str, str, str, str]:
    return doc, name_key(subject), canonical_predicate(predicate), name_key(obj)


def score(gold: dict[str, Any], export: dict[str, Any]) -> dict[str, SplitFigures]:
    docs = Documents(export)
    names = GoldNames(gold)
    align = Alignment(export, names, docs)
    split_of = {doc: split for split, members in gold.get("split", {}).items() for doc in members}
    gold_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold.get("relations", []):
        gold_by_doc[g["doc"]].append(g)
    judgements = {judgement_key(j["doc"], j["subject"], j["predicate"], j["object"]): j
                  for j in gold.get("judgements", [])}
    result = {split: SplitFigures() for split in dict.fromkeys([*SPLITS, *split_of.values()])}
    for doc, rels in gold_by_doc.items():
        result[split_of[doc]].gold.extend(rels)
    for rel in system_relations(export, docs):
        split = split_of.get(rel.doc)
        if split is None:
            continue
        verdict = judge(rel, gold_by_doc.get(rel.doc, []), align, judgements)
        result[split].verdicts.append(verdict)
        if verdict.outcome == "right" and verdict.gold is not None:
            result[split].found.add(id(verdict.gold))
    return result


# ---------------------------------------------------------------- running

def ingest_seeds(seeds: Path, db: Path) -> dict[str, Any]:
    """The seeds through the whole pipeline into a store at ``db``; its JSON export."""
    from newsgraph import pipeline, query
    from newsgraph.store import Store

    store = Store(db)
    try:
        pipeline.ingest(store, [seeds], workers=1)
        return query.export(store)
    finally:
        store.close()


def _fmt(r: Ratio) -> str:
    return f"{r.value:.3f} ({r.correct}/{r.total})" if r.total else "n/a (0/0)"


def report(result: dict[str, SplitFigures], show_errors: Iterable[str], gold: dict[str, Any], out=sys.stdout) -> None:
    entity_names = {e["id"]: e["name"] for e in gold.get("entities", [])}
    print("seed captures: relations against eval/seeds/relations.json (per document)", file=out)
    for split, figs in result.items():
        f = figs.figures()
        print(f"  {split:5} precision (aligned actors) {_fmt(f['precision_aligned'])}   "
              f"precision (all judged) {_fmt(f['precision_judged'])}, unjudged {f['unjudged']}   "
              f"recall {_fmt(f['recall'])}   optional found {_fmt(f['optional_found'])}", file=out)
    for split, figs in result.items():
        unjudged = [v for v in figs.verdicts if v.outcome == "unjudged"]
        if unjudged:
            print(f"\n{split}: unjudged (an argument aligns with no gold entity; judge in the gold file)", file=out)
            for v in sorted(unjudged, key=lambda v: (v.relation.doc, v.relation.subject_name)):
                r = v.relation
                print(f"  ? {r.doc} | {r.subject_name} --{r.predicate}--> {r.object_name} [{r.polarity}] | {r.evidence[:200]}",
                      file=out)
    for split in show_errors:
        figs = result.get(split)
        if figs is None:
            continue
        print(f"\n{split}: wrong", file=out)
        for v in figs.verdicts:
            if v.outcome == "wrong":
                r = v.relation
                print(f"  - {r.doc} | {r.subject_name} --{r.predicate}--> {r.object_name} [{r.polarity}] ({v.why}) | "
                      f"{r.evidence[:200]}", file=out)
        print(f"{split}: missed (required)", file=out)
        for g in figs.gold:
            if not g.get("optional") and id(g) not in figs.found:
                print(f"  - {g['doc']} | {entity_names.get(g['subject'], g['subject'])} --{g['predicate']}--> "
                      f"{entity_names.get(g['object'], g['object'])} [{g.get('polarity', 'asserted')}]", file=out)


def to_json(result: dict[str, SplitFigures]) -> dict[str, Any]:
    def plain(v: Any) -> Any:
        return v.to_json() if isinstance(v, Ratio) else v
    return {split: {k: plain(v) for k, v in figs.figures().items()} for split, figs in result.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary one)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--errors", choices=("none", "dev", "test", "all"), default="dev",
                    help="print wrong and missed relations of this split (default dev: never tune on test)")
    args = ap.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"{args.seeds} not found: seed relation scores skipped")
        return 0
    try:
        gold = load_json(args.gold, "gold")
    except EvaluationInputError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.db is not None:
        args.db.parent.mkdir(parents=True, exist_ok=True)
        for stale in (args.db, PurePath(f"{args.db}-wal"), PurePath(f"{args.db}-shm")):
            Path(stale).unlink(missing_ok=True)
        export = ingest_seeds(args.seeds, args.db)
    else:
        with tempfile.TemporaryDirectory(prefix="newsgraph-seeds-") as tmp:
            export = ingest_seeds(args.seeds, Path(tmp) / "seeds.db")
    result = score(gold, export)
    shown = {"none": (), "dev": ("dev",), "test": ("test",), "all": tuple(result)}[args.errors]
    report(result, shown, gold)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(result), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
