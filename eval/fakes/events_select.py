"""Choose the FA-KES articles of the events gold (eval/fakes/events.json) and their dev/test split.

Reproducible: seed SEED. Articles whose unit_id occurs more than once in the CSV, or whose content
duplicates another article's, are left out (the store keeps one copy under the first url), and so are
articles longer than MAX_CHARS characters (an annotation budget: a long article can hold fifty events).
N articles are drawn stratified over the `source` column: every source gets at least one, the rest is
shared in proportion to the source's size (largest remainders). Within each source the eligible
unit_ids are sorted and shuffled with random.Random(f"{SEED}-{source}"). The split puts N_TEST of them
in `test`: the chosen articles are ordered by (source, draw order) and every third goes to test, so
both parts cover the sources.

Run: python eval/fakes/events_select.py [CSV]   prints the choice as JSON (doc, source, split).
"""
import csv, json, random, sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20240615
N = 60
N_TEST = 20
MAX_CHARS = 4000
DEFAULT_CSV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "fakes-syria-war-news" / "FA-KES-Dataset.csv"


def read_rows(path):
    csv.field_size_limit(10_000_000)
    with Path(path).open(encoding="latin-1", newline="") as f:
        return list(csv.DictReader(f))


def allocate(sizes, n):
    """Articles per source: one each, the rest in proportion to size, largest remainders first."""
    share = {s: 1 for s in sizes}
    rest = n - len(sizes)
    total = sum(sizes.values())
    quota = {s: rest * sizes[s] / total for s in sizes}
    for s in sizes:
        share[s] += int(quota[s])
    left = n - sum(share.values())
    for s in sorted(sizes, key=lambda s: (-(quota[s] - int(quota[s])), s))[:left]:
        share[s] += 1
    return share


def choose(rows):
    ids = Counter(r["unit_id"].strip() for r in rows)
    contents = Counter(r["article_content"] for r in rows)
    eligible = defaultdict(list)
    for r in rows:
        uid = r["unit_id"].strip()
        if ids[uid] == 1 and contents[r["article_content"]] == 1 and 0 < len(r["article_content"]) <= MAX_CHARS:
            eligible[r["source"].strip()].append(uid)
    sizes = Counter(r["source"].strip() for r in rows)
    share = allocate(dict(sizes), N)
    chosen = []
    for source in sorted(share):
        pool = sorted(eligible[source])
        random.Random(f"{SEED}-{source}").shuffle(pool)
        chosen += [(source, uid) for uid in pool[:share[source]]]
    out = []
    for i, (source, uid) in enumerate(chosen):  # chosen is in (source, draw order)
        out.append({"doc": uid, "source": source, "split": "test" if i % 3 == 2 else "dev"})
    assert sum(d["split"] == "test" for d in out) == N_TEST, "the split no longer gives N_TEST test articles"
    return out


if __name__ == "__main__":
    print(json.dumps(choose(read_rows(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV)), indent=1))
