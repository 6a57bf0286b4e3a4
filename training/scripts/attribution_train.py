"""Train the attribution tagger (newsgraph/extract/attribution.py) on PolNeAR train.

Input: the parsed articles (training/scripts/attribution_parse.py) and the gold spans read again
from ../shared/data/polnear. A fixed tenth of the train articles (``attribution_corpus.tune_split``,
seed 16, by article) is held out for choosing the number of epochs; the shipped model is trained on
the other nine tenths, so the figures on the held-out tenth stay honest. PolNeAR dev is not read here.

    python training/scripts/attribution_train.py --parsed training/corpus/attribution \
        --out newsgraph/models/attribution --epochs 12
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from newsgraph.extract import attribution as at
from newsgraph.extract.attribution_corpus import read_split, tune_split


def load_parsed(path: Path):
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    return {d.user_data["name"]: d for d in DocBin().from_disk(path).get_docs(vocab)}


def gold_labels(doc, article) -> list[int]:
    """A label id per token: the role of the gold span the token overlaps, B at a piece's start."""
    starts = np.array([t.idx for t in doc])
    ends = starts + np.array([len(t.text) for t in doc])
    labels = [0] * len(doc)
    owner = [-1] * len(doc)
    for k, g in enumerate(article.attributions):
        for role, spans in (("SRC", g.source), ("CUE", g.cue), ("CON", g.content)):
            for a, b in spans:
                idx = np.nonzero((starts < b) & (ends > a))[0]
                first = True
                for i in idx:
                    if doc[int(i)].is_space:
                        continue
                    labels[i] = at.LABELS.index(("B-" if first else "I-") + role)
                    owner[i] = k
                    first = False
    return labels


def cue_lexicon(docs, golds, min_count: int = 3, min_ratio: float = 0.04) -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas that head a gold cue often enough, and often enough of the times they occur (features);
    of those, the verbs, nouns and adjectives (the gate: a sentence without one, and without a
    quotation mark, is not read)."""
    cue, seen, pos = Counter(), Counter(), defaultdict(Counter)
    for doc, labels in zip(docs, golds):
        for tok in doc:
            lem = tok.lemma_.lower()
            seen[lem] += 1
            lab = at.LABELS[labels[tok.i]]
            if lab.endswith("CUE") and (tok.head is tok or not at.LABELS[labels[tok.head.i]].endswith("CUE")):
                cue[lem] += 1
                pos[lem][tok.pos_] += 1
    lemmas = frozenset(w for w, c in cue.items() if c >= min_count and c / seen[w] >= min_ratio and w.isalpha())
    gate = frozenset(w for w in lemmas if pos[w].most_common(1)[0][0] in ("VERB", "NOUN", "ADJ"))
    return lemmas, gate


class Trainer:
    def __init__(self, n_buckets: int, cue_lemmas: frozenset[str], gate_lemmas: frozenset[str]):
        self.model = at.AttributionModel(np.zeros((n_buckets, at.N_LABELS), np.float32),
                                         np.zeros((at.N_LABELS + 1, at.N_LABELS), np.float32),
                                         cue_lemmas, gate_lemmas)
        self.w_acc = np.zeros_like(self.model.weights)
        self.t_acc = np.zeros_like(self.model.transitions)
        self.c = 1

    def prepare(self, doc, gold):
        f = self.model.features(doc)
        order = np.argsort(f.child_heads, kind="stable")
        return f, f.child_heads[order], f.child_ids[order], np.array(gold, dtype=np.int64)

    def update(self, f, kh, kid, s: int, gold, pred, prev: int) -> None:
        rows, cols, vals = [], [], []
        for t in range(len(gold)):
            g, p = int(gold[t]), pred[t]
            if g == p:
                continue
            tok = s + t
            lo, hi = np.searchsorted(kh, tok), np.searchsorted(kh, tok, side="right")
            ids = np.concatenate([f.ids[tok], kid[lo:hi]])
            rows += [ids, ids]
            cols += [np.full(len(ids), g), np.full(len(ids), p)]
            vals += [np.ones(len(ids)), -np.ones(len(ids))]
        if rows:
            r, c, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals).astype(np.float32)
            np.add.at(self.model.weights, (r, c), v)
            np.add.at(self.w_acc, (r, c), v * self.c)
        gp = pp = prev
        for g, p in zip(gold, pred):
            g = int(g)
            if (gp, g) != (pp, p):
                self.model.transitions[gp, g] += 1
                self.model.transitions[pp, p] -= 1
                self.t_acc[gp, g] += self.c
                self.t_acc[pp, p] -= self.c
            gp, pp = g, p

    def epoch(self, data, rng: random.Random) -> float:
        order = list(range(len(data)))
        rng.shuffle(order)
        wrong = total = 0
        for k in order:
            f, kh, kid, gold = data[k]
            em = self.model.emissions(f)  # per document: updates within it apply from the next one
            prev = at.START
            for j, (s, e) in enumerate(f.sents):
                g = gold[s:e]
                if not f.gate[j] and prev == at.START:
                    prev = at.START
                    continue
                pred = self.model.viterbi(em[s:e], prev)
                if any(int(a) != b for a, b in zip(g, pred)):
                    self.update(f, kh, kid, s, g, pred, prev)
                    wrong += sum(int(a) != b for a, b in zip(g, pred))
                total += e - s
                self.c += 1
                prev = int(g[-1]) if int(g[-1]) in (5, 6) and f.open_end[j] else at.START
        return wrong / max(total, 1)

    def averaged(self) -> at.AttributionModel:
        m = self.model
        return at.AttributionModel(m.weights - self.w_acc / self.c, m.transitions - self.t_acc / self.c,
                                   m.cue_lemmas, m.gate_lemmas)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--parsed", type=Path, default=Path("training/corpus/attribution"))
    ap.add_argument("--out", type=Path, default=at.MODEL_DIR)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--buckets", type=int, default=1 << 18)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args(argv)
    from newsgraph.evaluate_relations import score_tagger

    articles = {a.name: a for a in read_split("train", args.data / "polnear" / "data")}
    docs = load_parsed(args.parsed / "train.spacy")
    tune = tune_split(list(articles))
    fit_names = sorted(n for n in articles if n not in tune and n in docs)
    tune_names = sorted(n for n in tune if n in docs)
    golds = {n: gold_labels(docs[n], articles[n]) for n in fit_names}
    cue_lemmas, gate_lemmas = cue_lexicon([docs[n] for n in fit_names], [golds[n] for n in fit_names])
    print(f"{len(fit_names)} articles to fit, {len(tune_names)} held out; {len(cue_lemmas)} cue lemmas, "
          f"{len(gate_lemmas)} open the gate", flush=True)
    trainer = Trainer(args.buckets, cue_lemmas, gate_lemmas)
    started = time.perf_counter()
    data = [trainer.prepare(docs[n], golds[n]) for n in fit_names]
    print(f"features in {time.perf_counter() - started:.0f}s", flush=True)
    rng = random.Random(args.seed)
    best, best_f1, best_epoch = None, -1.0, 0
    for e in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        err = trainer.epoch(data, rng)
        model = trainer.averaged()
        figures = score_tagger(model, [articles[n] for n in tune_names], [docs[n] for n in tune_names])
        f1 = figures["content"]["f1"]
        print(f"epoch {e}: train token error {err:.4f}; held-out content F1 {f1:.3f}, found "
              f"{figures['found']:.3f}, source {figures['source_accuracy']:.3f} ({time.perf_counter() - t0:.0f}s)",
              flush=True)
        if f1 > best_f1:
            best, best_f1, best_epoch = model, f1, e
    meta = {
        "name": "newsgraph-attribution", "version": "1",
        "trained_on": "PolNeAR v1.0.0 train (networkdynamics/PolNeAR c3eee83), minus a held-out tenth by article",
        "licence": "PolNeAR states no licence (see README.md); research use",
        "epochs": best_epoch, "held_out_content_f1": round(best_f1, 4),
        "fit_articles": len(fit_names), "held_out_articles": len(tune_names),
    }
    best.save(args.out, meta)
    print(f"saved epoch {best_epoch} (held-out content F1 {best_f1:.3f}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
