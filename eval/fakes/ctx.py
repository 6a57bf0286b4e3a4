"""Annotation helper: show context around doc@start (python ctx.py DOC@START [width] ...)."""
import csv, sys
CSV = "/work/shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv"
rows = {r["unit_id"]: r for r in csv.DictReader(open(CSV, encoding="latin-1"))}
w = 250
args = sys.argv[1:]
if args and args[-1].isdigit(): w = int(args.pop())
for a in args:
    d, s = a.split("@"); s = int(s)
    t = rows[d]["article_content"]
    print(f"--- {a}: {t[max(0,s-w):s]}[[{t[s:s+25]}]]{t[s+25:s+w]}\n")
