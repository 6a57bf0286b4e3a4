"""Assign the dev/test split of the FA-KES entity-resolution gold (eval/fakes/entities.json).

Fixed seed SEED; ~60% dev / 40% test. Actors are stratified by type (PERSON, ORG, LOC): within each type the ids
are sorted, shuffled with random.Random(SEED) and the first round(0.6*n) go to dev. never_merge pairs and story_pairs
are split the same way (story pairs stratified by same=true/false). Run: python eval/fakes/split.py  (rewrites the file).

Annotation rounds: actors and never_merge pairs carry an optional ``batch`` (absent = 1, the first round). Each batch
is split on its own, with the seed salted by the batch number from batch 2 on, so adding a later batch never moves an
item of an earlier one between dev and test (batch 1 is shuffled exactly as before batches existed).
"""
import json, pathlib, random

SEED = 20190601
DEV_FRACTION = 0.6


def _assign(items, key, seed_salt):
    order = sorted(range(len(items)), key=lambda i: key(items[i]))
    rnd = random.Random(f"{SEED}-{seed_salt}")
    rnd.shuffle(order)
    n_dev = round(DEV_FRACTION * len(order))
    for rank, i in enumerate(order):
        items[i]["split"] = "dev" if rank < n_dev else "test"


def _batches(items):
    return sorted({it.get("batch", 1) for it in items})


def _salt(name, batch):
    return name if batch == 1 else f"{name}-batch{batch}"


def assign(gold):
    for batch in _batches(gold["actors"]):
        for typ in ("PERSON", "ORG", "LOC"):
            _assign([a for a in gold["actors"] if a["type"] == typ and a.get("batch", 1) == batch],
                    lambda a: a["id"], _salt(typ, batch))
    for batch in _batches(gold["never_merge"]):
        _assign([p for p in gold["never_merge"] if p.get("batch", 1) == batch],
                lambda p: json.dumps([p["a"], p["b"]], sort_keys=True), _salt("never_merge", batch))
    for same in (True, False):
        _assign([p for p in gold["story_pairs"] if p["same"] is same], lambda p: (p["a"], p["b"]), f"story-{same}")
    return gold


if __name__ == "__main__":
    path = pathlib.Path(__file__).with_name("entities.json")
    gold = assign(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("split assigned with seed", SEED)
