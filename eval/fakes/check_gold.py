"""Verify eval/fakes/entities.json against the FA-KES CSV and print counts per split.

Usage: python eval/fakes/check_gold.py [path/to/FA-KES-Dataset.csv]   (or env FAKES_CSV)
Skips cleanly (exit 0, message) when the CSV is absent. Exit 1 on any error.
unit_id is not unique in the CSV (9 ids occur 2-4 times); a mention must match every row carrying its unit_id.
"""
import collections, csv, json, os, pathlib, sys

HERE = pathlib.Path(__file__).parent
DEFAULT_CSV = "/work/shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv"
FIELDS = {"content": "article_content", "title": "article_title"}


def counts(gold):
    by = collections.Counter()
    for a in gold["actors"]:
        by[(a["split"], a["type"])] += 1
        by[(a["split"], "mentions")] += len(a["mentions"])
    for p in gold["never_merge"]:
        by[(p["split"], "never_merge")] += 1
    for p in gold["story_pairs"]:
        by[(p["split"], "story_same" if p["same"] else "story_different")] += 1
    keys = ["PERSON", "ORG", "LOC", "mentions", "never_merge", "story_same", "story_different"]
    for s in ("dev", "test"):
        print(f"{s:5s} " + "  ".join(f"{k}={by[(s, k)]}" for k in keys))
    print(f"total " + "  ".join(f"{k}={by[('dev', k)] + by[('test', k)]}" for k in keys) + f"  judgements={len(gold['judgements'])}")


def main():
    gold = json.loads((HERE / "entities.json").read_text(encoding="utf-8"))
    errors = []
    ids = {a["id"] for a in gold["actors"]}
    if len(ids) != len(gold["actors"]):
        errors.append("duplicate actor ids")
    for a in gold["actors"]:
        if a.get("split") not in ("dev", "test"):
            errors.append(f"{a['id']}: bad split")
        if a["type"] == "LOC" and not {"lat", "lon"} <= set(a.get("location", {})):
            errors.append(f"{a['id']}: place without location")
        for m in a["mentions"]:
            if m["text"] not in a["forms"]:
                errors.append(f"{a['id']}: mention text {m['text']!r} not listed in forms")
            if m["end"] - m["start"] != len(m["text"]):
                errors.append(f"{a['id']}: span length mismatch {m}")
    seen = collections.Counter((m["doc"], m["field"], m["start"]) for a in gold["actors"] for m in a["mentions"])
    errors += [f"mention annotated twice: {k}" for k, v in seen.items() if v > 1]
    for p in gold["never_merge"]:
        for side in (p["a"], p["b"]):
            if isinstance(side, str) and side not in ids:
                errors.append(f"never_merge refers to unknown actor {side}")
        if p.get("split") not in ("dev", "test"):
            errors.append(f"never_merge {p}: bad split")

    csv_path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FAKES_CSV", DEFAULT_CSV))
    if not csv_path.exists():
        print(f"SKIP offset check: CSV not found at {csv_path} (pass its path or set FAKES_CSV)")
    else:
        rows = collections.defaultdict(list)
        with open(csv_path, encoding="latin-1", newline="") as f:
            for r in csv.DictReader(f):
                rows[r["unit_id"]].append(r)
        n = 0
        for a in gold["actors"]:
            for m in a["mentions"]:
                n += 1
                if m["doc"] not in rows:
                    errors.append(f"{a['id']}: unknown doc {m['doc']}")
                    continue
                for r in rows[m["doc"]]:
                    got = r[FIELDS[m["field"]]][m["start"]:m["end"]]
                    if got != m["text"]:
                        errors.append(f"{a['id']}: {m['doc']}[{m['start']}:{m['end']}] is {got!r}, expected {m['text']!r}")
        for p in gold["story_pairs"]:
            for d in (p["a"], p["b"]):
                if d not in rows:
                    errors.append(f"story pair with unknown doc {d}")
        print(f"checked {n} mention offsets against {csv_path.name}")
    counts(gold)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
