"""Throughput of the shipped pipeline (nlp.pipe), in words per second.

Corpus: the FA-KES CSV (latin-1, column article_content) when present, else the
package's sample text files under newsgraph/sample/.  Nothing is written.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from newsgraph import nlp as ngnlp  # noqa: E402


def load_texts(fakes: Path, sample_dir: Path):
    if fakes.is_file():
        csv.field_size_limit(10**8)
        with open(fakes, encoding="latin-1", newline="") as f:
            texts = [r["article_content"] for r in csv.DictReader(f) if r.get("article_content")]
        return texts, str(fakes)
    files = sorted(p for p in sample_dir.rglob("*") if p.is_file() and p.suffix == ".txt")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return [t for t in texts if t.strip()], str(sample_dir)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--fakes", default="../shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv")
    ap.add_argument("--sample-dir", default=str(ROOT / "newsgraph" / "sample"))
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16,
                    help="texts per batch; news articles are long, small batches balance the 2 processes")
    ap.add_argument("--max-words", type=int, default=0, help="cap corpus size (0 = all)")
    a = ap.parse_args()
    texts, src = load_texts(Path(a.fakes), Path(a.sample_dir))
    if not texts:
        print("bench-nlp: no corpus found; skipped")
        return
    if a.max_words:
        out, n = [], 0
        for t in texts:
            out.append(t)
            n += len(t.split())
            if n >= a.max_words:
                break
        texts = out
    nlp = ngnlp.load(a.model)
    nlp("warm up the pipeline .")
    t0 = time.perf_counter()
    words = tokens = 0
    for doc in nlp.pipe(texts, n_process=a.n_process, batch_size=a.batch_size):
        tokens += len(doc)
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
    dt = time.perf_counter() - t0
    print(f"corpus: {src} ({len(texts)} texts)")
    print(f"pipeline: {nlp.pipe_names}  n_process={a.n_process}")
    print(f"{words} words ({tokens} tokens) in {dt:.1f}s: {words / dt:,.0f} words/s "
          f"({tokens / dt:,.0f} tokens/s)  [target >= 8,000 words/s]")


if __name__ == "__main__":
    main()
