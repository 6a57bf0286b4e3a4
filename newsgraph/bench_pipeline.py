"""`make bench` (second part): the whole pipeline, ingest to export, on ordinary news articles.

Corpus: the FA-KES Syrian-war articles in ../shared/corpus when present (converted to JSON lines in
a temporary folder, the first ``--limit`` rows), otherwise the bundled sample repeated with a
distinct marker per copy so that no copy is a duplicate. Runs ``pipeline.ingest`` as the command
line does (NLP and facts together in ``--workers`` processes), then the export, and reports the
wall-clock time and articles/s of each stage (read + clean + store, syndication + dates, loading
the NLP model, NLP + facts, cross-document resolution, export) and in total, with the CPU time the
NLP and the facts stage took.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsgraph import pipeline, query
from newsgraph.resources import sample_dir
from newsgraph.store import Store

FAKES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-syria-war-news" / "FA-KES-Dataset.csv"


def corpus(folder: Path, limit: int) -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "articles.jsonl"
    if FAKES.exists():
        csv.field_size_limit(10_000_000)
        with FAKES.open(encoding="utf-8", errors="replace", newline="") as f, out.open("w", encoding="utf-8") as w:
            for k, row in enumerate(csv.DictReader(f)):
                if k >= limit:
                    break
                w.write(json.dumps({"title": row.get("article_title"), "text": row.get("article_content", ""),
                                    "publisher": row.get("source")}, ensure_ascii=False) + "\n")
        return out, f"FA-KES (first {limit} articles)"
    with out.open("w", encoding="utf-8") as w:
        texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.txt"))]
        for k in range(limit):
            w.write(json.dumps({"text": texts[k % len(texts)] + f"\n\nReference {k}.\n"}, ensure_ascii=False) + "\n")
    return out, f"bundled sample repeated ({limit} articles)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2, help="processes for the per-document stages")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path, label = corpus(Path(tmp) / "corpus", args.limit)
        store = Store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        r = pipeline.ingest(store, [path], workers=args.workers)
        t = dict(r.timings)
        mark = time.perf_counter()
        data = query.export(store)
        t["export"] = time.perf_counter() - mark
        total = time.perf_counter() - start
        n = r.documents
        words = store.query("SELECT SUM(words) AS w FROM documents")[0]["w"] or 0
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"whole pipeline on {label}: {n} articles, {words / max(n, 1):.0f} words each, workers={args.workers}")
    for stage, secs in t.items():
        print(f"  {stage:<26} {secs:7.1f} s  {n / secs if secs else 0:8.1f} articles/s")
    print(f"  {'total':<26} {total:7.1f} s  {n / total:8.1f} articles/s   peak {peak:.0f} MB"
          + (f" (largest worker {children:.0f} MB)" if args.workers > 1 else ""))
    work = r.work_seconds
    if work:
        print("  cpu in the per-document stages, summed over processes: "
              + ", ".join(f"{k} {v:.1f} s ({1000 * v / max(n, 1):.0f} ms/article)" for k, v in work.items()))
    if r.problems or r.nlp_skipped:
        print(f"  problems: {len(r.problems)}; NLP: {r.nlp_skipped or 'ran'}")
    print(f"  found: {len(data['entities'])} entities, {len(data['relations'])} relations, {len(data['events'])} events, "
          f"{len(data['quotes'])} quotes, {len(data['contradictions'])} contradictions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
