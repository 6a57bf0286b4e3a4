"""Train the event typer (newsgraph/extract/event_typer.py) and write newsgraph/models/event_typer/.

    python training/scripts/train_event_typer.py --data ../shared/data [--out DIR] [--search]

Training data: the train part of the PLOVER gold sentences, the NGEC synthetic headlines and first
sentences (weak labels, weight ``--ngec-weight``), the train part of our GMB labels
(training/scripts/event_typer_data.py). Dev parts choose the hyper-parameters (``--search``) and the
thresholds of ``event_typer.combine``; test parts are only reported. Needs scikit-learn at training
time only (``pip install scikit-learn``); the shipped model is plain numpy arrays.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_typer_data as data  # noqa: E402

from newsgraph.extract import event_typer  # noqa: E402
from newsgraph.extract.events import rule_category  # noqa: E402

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
except ImportError:  # pragma: no cover - training-time dependency
    sys.exit("train_event_typer.py needs scikit-learn at training time: .venv/bin/pip install scikit-learn")


def fit(train: list[data.Example], c: float, weights: dict[str, float], min_df: int, dense_scale: float,
        modes: bool = True):
    """tf-idf (and, with ``dense_scale`` > 0, the sentence vectors the shipped typer computes, scaled by
    it) and one logistic regression per head."""
    vec = TfidfVectorizer(analyzer=event_typer.analyse, sublinear_tf=True, min_df=min_df, dtype=np.float32)
    texts = [e.text for e in train]
    x = vec.fit_transform(texts)
    if dense_scale > 0:
        # the features the shipped typer computes at run time, from the same vocabulary and idf
        bare = to_typer(vec, {}, {}, dense_scale)
        x = sparse.hstack([x, sparse.csr_matrix(bare.sentence_vectors(texts))]).tocsr()
    w = np.array([weights.get(e.source, 1.0) for e in train])
    heads = {}
    keys = (("category", lambda e: e.category), ("mode", lambda e: e.mode))
    for name, key in keys if modes else keys[:1]:
        y = [key(e) for e in train]
        clf = LogisticRegression(C=c, max_iter=3000)
        clf.fit(x, y, sample_weight=w)
        heads[name] = clf
    return vec, heads


def to_typer(vec, heads, meta: dict, dense_scale: float) -> event_typer.EventTyper:
    vocab = {f: int(j) for f, j in vec.vocabulary_.items()}
    n = len(vocab)
    hs = {name: event_typer._Head([str(c) for c in h.classes_], h.coef_.T[:n].astype(np.float32).copy(),
                                  h.intercept_.astype(np.float32),
                                  h.coef_.T[n:].astype(np.float32).copy() if dense_scale > 0 else None)
          for name, h in heads.items()}
    empty = event_typer._Head([], np.zeros((n, 0), np.float32), np.zeros(0, np.float32))
    return event_typer.EventTyper(vocab, vec.idf_.astype(np.float32), hs.get("category", empty), hs.get("mode", empty),
                                  meta, dense_scale)


def accuracy(pred: list, gold: list) -> float:
    return sum(p == g for p, g in zip(pred, gold)) / len(gold) if gold else 0.0


def save(typer: event_typer.EventTyper, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "vocab.json").write_text(json.dumps(typer.vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    np.savez_compressed(out / "model.npz", idf=typer.idf.astype(np.float16),
                        category_coef=typer.category.coef.astype(np.float16),
                        category_intercept=typer.category.intercept,
                        mode_coef=typer.mode.coef.astype(np.float16), mode_intercept=typer.mode.intercept,
                        **({"category_dense_coef": typer.category.dense_coef, "mode_dense_coef": typer.mode.dense_coef}
                           if typer.dense_scale > 0 else {}))
    meta = dict(typer.meta)
    meta["dense_scale"] = typer.dense_scale
    meta["category_labels"] = typer.category.labels
    meta["mode_labels"] = typer.mode.labels
    meta["combine"] = typer.thresholds
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=event_typer.MODEL_DIR)
    ap.add_argument("--c", type=float, default=10.0)
    ap.add_argument("--ngec-weight", type=float, default=0.1)
    ap.add_argument("--ngec-sentences", type=int, default=1)
    ap.add_argument("--petrarch-weight", type=float, default=0.3)
    ap.add_argument("--gmb-weight", type=float, default=3.0,
                    help="weight of our GMB labels (the only examples of the non-conflict types)")
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--dense-scale", type=float, default=0.0,
                    help="scale of the sentence's averaged word vectors beside the tf-idf features (0: none)")
    ap.add_argument("--search", action="store_true",
                    help="choose C / NGEC and PETRARCH weights / vector scale on the dev parts")
    args = ap.parse_args(argv)

    gsr = data.gsr(args.data)
    gmb = data.gmb(args.data)
    ngec = data.ngec(args.data, args.ngec_sentences)
    petrarch = data.petrarch(args.data)
    data.write_gsr_split(gsr)
    train = [e for e in gsr + gmb if e.part == "train"] + ngec + petrarch
    dev = [e for e in gsr + gmb if e.part == "dev"]
    print(f"train {len(train)} (gsr {sum(e.source == 'gsr' for e in train)}, gmb {sum(e.source == 'gmb' for e in train)}, "
          f"ngec {len(ngec)}, petrarch {len(petrarch)}); dev {len(dev)}; test {sum(e.part == 'test' for e in gsr + gmb)}")

    settings = [(args.c, args.ngec_weight, args.petrarch_weight, args.dense_scale)]
    if args.search:
        settings = list(itertools.product((3.0, 10.0, 30.0), (0.0, 0.1, 0.3), (0.3, 1.0), (0.0, 1.0, 2.0, 4.0)))
    best = None
    for c, nw, pw, ds in settings:
        vec, heads = fit([e for e in train if nw > 0 or e.source != "ngec"], c,
                         {"ngec": nw, "petrarch": pw, "gmb": args.gmb_weight}, args.min_df, ds, modes=False)
        typer = to_typer(vec, heads | {"mode": heads["category"]}, {}, ds)
        acc = accuracy([max(p, key=p.get) for p in typer.categories([e.text for e in dev])], [e.category for e in dev])
        print(f"  C={c:<5} ngec_weight={nw:<4} petrarch_weight={pw:<4} dense_scale={ds:<4} dev model accuracy {acc:.3f}",
              flush=True)
        if best is None or acc > best[0]:
            best = (acc, c, nw, pw, ds)
    _, c, nw, pw, ds = best
    m = args.min_df
    print(f"chosen: C={c} ngec_weight={nw} petrarch_weight={pw} dense_scale={ds} min_df={m}")
    train = [e for e in train if nw > 0 or e.source != "ngec"]
    vec, heads = fit(train, c, {"ngec": nw, "petrarch": pw, "gmb": args.gmb_weight}, m, ds)

    # rules once per sentence (word path, as `make eval`), then the thresholds of combine() on dev
    rules = {e.ident: rule_category(e.text) for e in gsr + gmb}
    typer = to_typer(vec, heads, {}, ds)
    probs = {e.ident: p for e, p in zip(gsr + gmb, typer.categories([e.text for e in gsr + gmb]))}

    def combined(examples, t):
        return [event_typer.combine(rules[e.ident][0], probs[e.ident], rules[e.ident][1], t) for e in examples]

    grid = [dict(override=o, doubt=d, weak_override=wo, fill=f)
            for o in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9) for d in (0.05, 0.1, 0.2, 0.3, 0.5)
            for wo in (0.3, 0.4, 0.5, 0.6) for f in (0.3, 0.4, 0.5, 0.6, 0.8, 1.01)]
    gold_dev = [e.category for e in dev]
    # ties go to the more conservative setting (higher thresholds: the rules keep more)
    t_best = max(grid, key=lambda t: (round(accuracy(combined(dev, t), gold_dev), 6), t["override"], -t["doubt"], t["fill"]))
    typer.thresholds = t_best
    print(f"combine thresholds (dev): {t_best}")

    report = {}
    for src in ("gsr", "gmb"):
        for prt in ("train", "dev", "test", "all"):
            ex = [e for e in (gsr if src == "gsr" else gmb) if prt == "all" or e.part == prt]
            gold = [e.category for e in ex]
            report[f"{src}/{prt}"] = {
                "n": len(ex),
                "rules": round(accuracy([rules[e.ident][0] for e in ex], gold), 3),
                "model": round(accuracy([max(probs[e.ident], key=probs[e.ident].get) for e in ex], gold), 3),
                "combined": round(accuracy(combined(ex, t_best), gold), 3),
            }
    print(f"{'part':<10} {'n':>4} {'rules':>6} {'model':>6} {'combined':>8}")
    for k, r in report.items():
        print(f"{k:<10} {r['n']:>4} {r['rules']:>6.3f} {r['model']:>6.3f} {r['combined']:>8.3f}")

    texts = [e.text for e in gsr] * 3
    t0 = time.perf_counter()
    typer.categories(texts)
    typer.modes(texts)
    per = (time.perf_counter() - t0) / len(texts) * 1000
    print(f"speed: {per:.3f} ms per sentence (both heads)")

    typer.meta = {
        "name": "newsgraph event typer",
        "version": "0.1.0",
        "features": "tf-idf (sublinear) over lower-cased words, word bigrams, 5-letter stems"
                    + (f"; idf-weighted mean of the content words' en_newsgraph static vectors, l2-normalised, x {ds}"
                       if ds > 0 else ""),
        "model": "multinomial logistic regression (category head, mode head)",
        "hyper": {"C": c, "ngec_weight": nw, "petrarch_weight": pw, "gmb_weight": args.gmb_weight, "min_df": m,
                  "ngec_sentences": args.ngec_sentences, "dense_scale": ds},
        "command": "make train-events (training/scripts/train_event_typer.py --data DATA"
                   + (" --search" if args.search else "") + ")",
        "training_counts": dict(Counter(e.source for e in train)),
        "evaluation": report,
        "data": {
            "plover-gsr-cameo": "PLOVER gold-standard records, OEDA, CC BY-SA 4.0 (train part only)",
            "ngec-plover-synthetic": "NGEC synthetic stories, A. Halterman (arXiv:2303.16028, 2304.01331), MIT; "
                                     "GPT-2 text with intended, unverified labels",
            "petrarch2-cameo-dictionaries": "PETRARCH2 CAMEO verb dictionary (MIT), verb patterns as phrases, "
                                            "codes mapped by the PLOVER manual's CAMEO2PLOVER table",
            "gmb": "Groningen Meaning Bank sentences (partial Kaggle copy), labels ours "
                   "(eval/event_typer/gmb_events.tsv, gmb_events_2.tsv); research use",
        } | ({"en_newsgraph vectors": "static word vectors of the bundled spaCy model (distilled from all-MiniLM-L6-v2), "
                                     "read at run time from newsgraph/models/en_newsgraph/vocab"} if ds > 0 else {}),
        "license": "CC BY-SA 4.0 (GSR), research / internal use (GMB), as en_newsgraph",
    }
    save(typer, args.out)
    reloaded = event_typer.EventTyper.from_dir(args.out)
    agree = accuracy([max(p, key=p.get) for p in reloaded.categories([e.text for e in gsr])],
                     [max(probs[e.ident], key=probs[e.ident].get) for e in gsr])
    print(f"wrote {args.out} ({sum(f.stat().st_size for f in args.out.iterdir()) / 1e6:.1f} MB); "
          f"reloaded model agrees with the trained one on {agree:.3f} of the GSR sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
