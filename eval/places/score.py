"""Score place linking in a newsgraph store against eval/places/gold.jsonl.

    .venv/bin/python eval/places/score.py --fakes STORE.db --re3d STORE.db [--split dev|test|all] [-v]

For each gold unit the store's entity is found (re3d: the entity of a mention overlapping the
annotated span; FA-KES: an entity of the article whose name or alias is the gold place name,
kind words such as "province" ignored).  A unit is correct when the entity's coordinates
(gazetteer link, country point or approximate position) lie within 161 km of the gold point;
for a country, when the entity is that country and has coordinates.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

from newsgraph.names.normalize import name_similarity

GOLD = Path(__file__).with_name("gold.jsonl")
KIND_WORDS = re.compile(r"\b(?:province|governorate|city|countryside|town|the|of|district|region|eastern|western|northern|southern|rural|countryside)\b", re.I)


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1, math.sqrt(h)))


def coords(meta: dict):
    g = meta.get("gazetteer") or {}
    if g.get("latitude") is not None:
        return g["latitude"], g["longitude"]
    c = meta.get("country") or {}
    if c.get("latitude") is not None:
        return c["latitude"], c["longitude"]
    a = meta.get("approximate_position") or {}
    if a.get("latitude") is not None:
        return a["latitude"], a["longitude"]
    return None


def predicted_country(meta: dict):
    return (meta.get("country") or {}).get("alpha2")


class Store:
    def __init__(self, path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.db.row_factory = sqlite3.Row
        self.doc_of_line = {int(r["locator"].split()[-1]): r["id"] for r in self.db.execute("select id, locator from documents")}
        self.ents = {r["id"]: (r["name"], r["type"], json.loads(r["meta"] or "{}")) for r in self.db.execute("select * from entities")}
        self.aliases = defaultdict(set)
        for r in self.db.execute("select * from aliases"):
            self.aliases[r["entity_id"]].add(r["alias"])

    def text(self, doc):
        return self.db.execute("select text from documents where id=?", (doc,)).fetchone()[0]

    def mentions(self, doc):
        return self.db.execute("select start, end, text, entity_id from mentions where doc_id=? and entity_id is not null "
                               "and origin != 'ner'", (doc,)).fetchall()

    def loc_coverage(self):
        locs = [m for n, t, m in self.ents.values() if t == "LOC"]
        return len(locs), sum(1 for m in locs if coords(m) is not None)


def find_re3d(store, g):
    doc = store.doc_of_line.get(g["line"])
    if doc is None:
        return None
    text = store.text(doc)
    spans = [(g["begin"], g["end"])] if text[g["begin"]:g["end"]] == g["name"] else \
        sorted(((m.start(), m.end()) for m in re.finditer(re.escape(g["name"]), text)), key=lambda s: abs(s[0] - g["begin"]))[:1]
    for s, e in spans:
        for m in store.mentions(doc):
            if m["start"] < e and s < m["end"]:
                return m["entity_id"]
    return None


def find_fakes(store, g):
    doc = store.doc_of_line.get(g["line"])
    if doc is None:
        return "missing-doc"
    best, best_score = None, 0.0
    counts = defaultdict(int)
    for m in store.mentions(doc):
        counts[m["entity_id"]] += 1
    for eid, n in counts.items():
        name, typ, _ = store.ents.get(eid, ("", "", {}))
        for alias in {name} | store.aliases.get(eid, set()):
            core = KIND_WORDS.sub(" ", alias).strip(" -,")
            if not core:
                continue
            s = name_similarity(g["name"], core, "LOC")
            if s >= 0.8 and (s, n) > (best_score, counts.get(best, 0)):
                best, best_score = eid, s
    return best


def judge(store, g, eid):
    if eid is None or eid == "missing-doc":
        return "not-found", None
    name, typ, meta = store.ents[eid]
    c = coords(meta)
    if typ != "LOC" and c is None:
        return "not-loc", name
    if c is None:
        return "no-coords", name
    if g["kind"] == "country":
        ok = predicted_country(meta) == g["country"]
    else:
        ok = km(g["lat"], g["lon"], *c) <= 161
    return ("correct" if ok else "wrong"), f"{name} -> {c[0]:.2f},{c[1]:.2f} {meta.get('gazetteer', {}).get('country_code', '')}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fakes")
    ap.add_argument("--re3d")
    ap.add_argument("--split", default="all")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(GOLD)]
    for source, path, finder in (("fakes", a.fakes, find_fakes), ("re3d", a.re3d, find_re3d)):
        if not path:
            continue
        store = Store(path)
        n_loc, n_coord = store.loc_coverage()
        print(f"{source}: {n_coord}/{n_loc} LOC entities with coordinates ({100 * n_coord / max(n_loc, 1):.1f}%)")
        for split in ("dev", "test") if a.split == "all" else (a.split,):
            rows = [g for g in gold if g["source"] == source and g["split"] == split]
            tally = defaultdict(int)
            for g in rows:
                eid = finder(store, g)
                if eid == "missing-doc":
                    continue
                verdict, what = judge(store, g, eid)
                tally[verdict] += 1
                if a.v and verdict != "correct":
                    print(f"   {split} {verdict:9} {g['name']!r:28} {what}")
            n = sum(tally.values())
            found = n - tally["not-found"]
            print(f"  {split}: units {n}, acc@161 {100 * tally['correct'] / max(n, 1):.1f}% of all, "
                  f"{100 * tally['correct'] / max(found, 1):.1f}% of found; " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))


if __name__ == "__main__":
    main()
