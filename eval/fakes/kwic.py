"""Annotation helper: keyword-in-context lines for a regex over the FA-KES CSV.

Usage: python kwic.py REGEX [max_docs] [width]   (one hit per document, spread over documents)
Prints doc@start|matched|context for the annotator to judge by reading; nothing is written.
"""
import csv, re, sys, random
CSV = "/work/shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv"
rows = list(csv.DictReader(open(CSV, encoding="latin-1")))
pat = re.compile(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
w = int(sys.argv[3]) if len(sys.argv) > 3 else 70
hits = []
for r in rows:
    t = r["article_content"]
    ms = list(pat.finditer(t))
    if ms:
        m = ms[len(ms) // 2]
        hits.append((r["unit_id"], m, t, len(ms)))
random.Random(7).shuffle(hits)
print(f"# {len(hits)} docs, {sum(h[3] for h in hits)} hits")
for uid, m, t, k in hits[:n]:
    ctx = t[max(0, m.start() - w):m.end() + w].replace("\n", " ")
    print(f"{uid}@{m.start()}|{m.group()}|{ctx}")
