"""Train the relation pair classifier (newsgraph/extract/relation_classifier.py) on re3d-partial and
write newsgraph/models/relation_classifier/.

    python training/scripts/train_relation_classifier.py --data ../shared/data [--out DIR] [--no-save]

Data: re3d-partial's four sources (``newsgraph.evaluate_re3d``). Every pair of distinct local entities
sharing a sentence (our own mentions, our own parse) is an instance; its label is the mapped gold
relation whose arguments its mentions overlap (any gold argument, named or not), else ``none``.

Leave-one-source-out: for each source, a model is trained on the three others, its threshold chosen
by an inner leave-one-source-out over those three, and the held-out source is scored by
``evaluate_re3d`` with the rules alone and with rules + that model (the honest figures). The shipped
model is trained on all four sources, with the threshold chosen from their leave-one-source-out
probabilities. Needs scikit-learn at training time only.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgraph import evaluate_re3d as ev
from newsgraph.extract import relation_classifier as rc
from newsgraph.extract import relations as rel

try:
    from sklearn.linear_model import LogisticRegression
except ImportError:  # pragma: no cover - training-time dependency
    sys.exit("train_relation_classifier.py needs scikit-learn at training time: .venv/bin/pip install scikit-learn")

THRESHOLDS = [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)]
MIN_PRECISION = 0.75  # the threshold is the best F1 among those keeping pair precision at least this


@dataclass(slots=True)
class Instance:
    source: str
    features: list[str]
    label: str  # gold
    rule: str | None  # the rules' label for the pair


def _gold_label(golds, left_spans, right_spans) -> str:
    found = []
    for g in golds:
        if g.label not in ("fights", "allied_with", "member_of", "leads"):
            continue
        fwd = ev._overlaps(g.subject, left_spans) and ev._overlaps(g.object, right_spans)
        bwd = ev._overlaps(g.subject, right_spans) and ev._overlaps(g.object, left_spans)
        if g.label in rc.SYMMETRIC and (fwd or bwd):
            found.append(g.label)
        elif fwd:
            found.append(g.label + ">")
        elif bwd:
            found.append(g.label + "<")
    order = ("fights", "allied_with", "leads>", "leads<", "member_of>", "member_of<")
    return min(found, key=order.index) if found else "none"


def document_instances(d: ev.Document, parsed) -> list[Instance]:
    from newsgraph.entities.local import link_mentions
    from newsgraph.entities.mentions import find_mentions

    mentions, _ = link_mentions(d.text, find_mentions(d.text, parsed))
    golds = ev.gold_relations(d, named_only=False)
    usable = sorted((m for m in mentions if m.entity >= 0 and m.end > m.start),
                    key=lambda m: (m.start, -(m.end - m.start)))
    out = []
    for sent in rel._sentences(parsed):
        in_sent = [m for m in usable if m.start >= sent.start_char and m.end <= sent.end_char]
        if len({m.entity for m in in_sent}) < 2:
            continue
        args = rel._sentence_args(parsed, sent, in_sent)
        if len({a.entity for a in args}) < 2:
            continue
        found = rel._sentence_relations(parsed, sent, args)
        by_pair = {}
        for r in sorted(found, key=lambda r: -r.confidence):
            by_pair.setdefault(frozenset((r.subject, r.object)), r)
        for left, right in rc.candidate_pairs(args):
            r = by_pair.get(frozenset((left.entity, right.entity)))
            rule = rel._pair_label(r, left.entity) if r is not None else None
            spans = {e: [(m.start, m.end) for m in in_sent if m.entity == e] for e in (left.entity, right.entity)}
            label = _gold_label(golds, spans[left.entity], spans[right.entity])
            out.append(Instance(d.source, rc.pair_features(parsed, left, right, args, rule), label, rule))
    return out


def fit(instances: list[Instance], c: float) -> rc.RelationClassifier:
    vocab: dict[str, int] = {}
    for inst in instances:
        for f in inst.features:
            vocab.setdefault(f, len(vocab))
    rows, cols = [], []
    for n, inst in enumerate(instances):
        for j in {vocab[f] for f in inst.features}:
            rows.append(n)
            cols.append(j)
    from scipy.sparse import csr_matrix

    x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(instances), len(vocab)))
    y = [i.label for i in instances]
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, y)
    labels = [str(k) for k in clf.classes_]
    coef = clf.coef_.T.astype(np.float32)
    intercept = clf.intercept_.astype(np.float32)
    if len(labels) == 2:  # binary fit: one column; spread it into two for the softmax
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2], dtype=np.float32)
    return rc.RelationClassifier(vocab, coef, intercept, {"labels": labels, "C": c})


def _scored(label: str | None) -> str | None:
    """A label as evaluate_re3d scores it (backed_by is allied_with, directions of symmetric ones drop)."""
    if label is None:
        return None
    base = label.rstrip("<>")
    base = {"part_of": "member_of", "backed_by": "allied_with"}.get(base, base)
    if base in ("fights", "allied_with"):
        return base
    if base in ("member_of", "leads"):
        return base + label[-1]
    return None


def pair_prf(instances: list[Instance], scores: list[tuple[str, float]], threshold: float) -> tuple[float, float, float]:
    tp = pred = gold = 0
    for inst, (label, p) in zip(instances, scores):
        system = _scored(inst.rule) if inst.rule else (label if p >= threshold else None)
        truth = None if inst.label == "none" else inst.label
        gold += truth is not None
        if system is not None:
            pred += 1
            tp += system == truth
    prec = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    return prec, recall, 2 * prec * recall / (prec + recall) if prec + recall else 0.0


def best_label(model: rc.RelationClassifier, instances: list[Instance]) -> list[tuple[str, float]]:
    probs = model.probabilities([i.features for i in instances])
    none_col = model.labels.index("none")
    out = []
    for p in probs:
        p = p.copy()
        p[none_col] = -1
        k = int(p.argmax())
        out.append((model.labels[k], float(p[k])))
    return out


def out_of_source_scores(by_source: dict[str, list[Instance]], c: float) -> tuple[list[Instance], list]:
    insts, scores = [], []
    for held in by_source:
        train = [i for s, xs in by_source.items() if s != held for i in xs]
        if not train or not by_source[held]:
            continue
        model = fit(train, c)
        insts.extend(by_source[held])
        scores.extend(best_label(model, by_source[held]))
    return insts, scores


def choose_threshold(insts, scores) -> tuple[float | None, dict]:
    """The best pair-level F1 among thresholds whose precision is at least MIN_PRECISION and whose
    recall beats the rules alone; None when no threshold does (the classifier then adds nothing)."""
    table = {t: pair_prf(insts, scores, t) for t in THRESHOLDS}
    rules_alone = pair_prf(insts, scores, float("inf"))
    ok = [t for t, (p, r, f) in table.items() if p >= MIN_PRECISION and r > rules_alone[1]]
    best = max(ok, key=lambda t: (round(table[t][2], 4), t)) if ok else None
    return best, {str(t): [round(v, 3) for v in prf] for t, prf in table.items()} | {"rules": list(rules_alone)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=rc.MODEL_DIR)
    ap.add_argument("--c", type=float, default=0.2)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--also-at", type=float, nargs="*", default=[], help="also score LOSO at these thresholds")
    ap.add_argument("--save-anyway", type=Path, help="write the final model here even when it is not good enough "
                    "to ship (threshold off), e.g. to time it")
    args = ap.parse_args(argv)
    root = args.data / "re3d-partial"
    if not root.is_dir():
        sys.exit(f"{root} not found")
    from newsgraph import nlp as nlp_module

    nlp = nlp_module.load()
    corpus = ev.load(root)
    t0 = time.time()
    parsed = {d.id: nlp(d.text) for docs in corpus.values() for d in docs}
    by_source = {s: [i for d in docs for i in document_instances(d, parsed[d.id])] for s, docs in corpus.items()}
    print(f"parsed and paired in {time.time() - t0:.1f}s:",
          {s: dict(Counter(i.label for i in xs)) for s, xs in by_source.items()})

    # leave-one-source-out: model and threshold from the other sources only
    fold_models: dict[str, rc.RelationClassifier] = {}
    for held in corpus:
        rest = {s: xs for s, xs in by_source.items() if s != held}
        thr, _ = choose_threshold(*out_of_source_scores(rest, args.c))
        model = fit([i for xs in rest.values() for i in xs], args.c)
        model.threshold = thr if thr is not None else float("inf")
        fold_models[held] = model
        print(f"  fold {held}: threshold {thr}")

    cached_nlp = lambda text: parsed[next(d.id for docs in corpus.values() for d in docs if d.text == text)]  # noqa: E731
    before = ev.evaluate(corpus, cached_nlp, lambda s: functools.partial(rel.find_relations, classifier=None))
    after = ev.evaluate(corpus, cached_nlp, lambda s: functools.partial(rel.find_relations, classifier=fold_models[s]))
    print("LOSO, rules alone:\n" + ev.format_table(before))
    print("LOSO, rules + classifier:\n" + ev.format_table(after))
    for forced in args.also_at:
        def at(s, t=forced):
            m = rc.RelationClassifier(fold_models[s].vocab, fold_models[s].coef, fold_models[s].intercept,
                                      {**fold_models[s].meta, "threshold": t})
            return functools.partial(rel.find_relations, classifier=m)
        print(f"LOSO, rules + classifier at threshold {forced} (not chosen on training folds):\n"
              + ev.format_table(ev.evaluate(corpus, cached_nlp, at)))

    # the shipped model: all four sources; threshold from their leave-one-source-out scores
    thr, table = choose_threshold(*out_of_source_scores(by_source, args.c))
    final = fit([i for xs in by_source.values() for i in xs], args.c)
    final.threshold = thr
    final.meta.update({
        "name": "newsgraph relation pair classifier",
        "version": "0.1.0",
        "threshold": thr,
        "features": "rule proposal, argument types and order, words and cue classes between, dependency path "
                    "between heads (labels, lemmas, lowest common head), conjunction, negation",
        "model": "multinomial logistic regression (scikit-learn), binary features",
        "training_data": "re3d-partial (Dstl), 4 sources: UK Government (OGL v3.0), Wikipedia (CC BY-SA 3.0), "
                         "Australian Department of Foreign Affairs (CC BY 3.0 AU), Delegation of the European "
                         "Union to Syria (EEAS reuse notice, source acknowledged)",
        "training_counts": {s: dict(Counter(i.label for i in xs)) for s, xs in by_source.items()},
        "threshold_table_pair_level": table,
        "evaluation_loso": {"rules": before["all"], "rules+classifier": after["all"],
                            "rules_by_source": before["sources"], "combined_by_source": after["sources"]},
    })
    if thr is None:
        print(f"no threshold keeps pair precision >= {MIN_PRECISION} above the rules' recall: "
              f"model not written (the rules run alone); pair-level table: {table}")
        if args.save_anyway:
            final.threshold = float("inf")
            final.save(args.save_anyway)
        return 0
    if not args.no_save:
        final.save(args.out)
        print(f"wrote {args.out} (threshold {thr}, {len(final.vocab)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
