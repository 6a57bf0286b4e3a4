"""CPU time per article of each pipeline component, for one or more models, measured in turns.

Runs the tokenizer and then each component over the first N FA-KES articles (batches of 16, one
thread), with process CPU time rather than wall time, so that other jobs on the machine disturb
the figures less; the models take turns round after round and the median and minimum over the
rounds are printed. Used to compare NER variants against the shipped model (training/README.md,
"Tried: a NER on the shared tok2vec").

Usage: OMP_NUM_THREADS=1 python training/scripts/bench_components.py --rounds 5 \
           newsgraph/models/en_newsgraph /tmp/model_X
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import load_texts  # noqa: E402
from newsgraph import nlp as ngnlp  # noqa: E402


def component_seconds(nlp, texts, batch_size: int = 16) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each component over ``texts``, one after the other."""
    seconds = {}
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    seconds["tokenizer"] = time.process_time() - start
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        seconds[name] = time.process_time() - start
    return seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--fakes", default="../shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv")
    ap.add_argument("--sample-dir", default=str(ROOT / "newsgraph" / "sample"))
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    texts, src = load_texts(Path(a.fakes), Path(a.sample_dir))
    texts = texts[:a.articles]
    n = len(texts)
    nlps = {m: ngnlp.load(m, cache=False) for m in a.models}
    for nlp in nlps.values():
        list(nlp.pipe(texts[:20]))
    print(f"corpus: {src} (first {n} texts)")
    ms = {m: [] for m in a.models}
    for r in range(a.rounds):
        for m, nlp in nlps.items():
            seconds = component_seconds(nlp, texts)
            ms[m].append({k: 1000 * v / n for k, v in seconds.items()})
            print(f"round {r} {Path(m).name:<16} total {sum(ms[m][-1].values()):6.1f} ms/article; "
                  + " ".join(f"{k} {v:.1f}" for k, v in ms[m][-1].items()), flush=True)
    for m, rounds in ms.items():
        totals = [sum(x.values()) for x in rounds]
        ner = [x.get("ner", 0.0) for x in rounds]
        print(f"{Path(m).name:<16} total median {statistics.median(totals):5.1f} min {min(totals):5.1f}; "
              f"ner median {statistics.median(ner):5.1f} min {min(ner):5.1f} ms/article ({a.rounds} rounds)")


if __name__ == "__main__":
    main()
