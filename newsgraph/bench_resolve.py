"""`make bench` (third part): cross-document entity resolution, ``entities.resolve.resolve``, on
200,000 synthetic mentions.

Run: ``.venv/bin/python -m newsgraph.bench_resolve [--mentions N] [--per-doc K] [--seed S]``

The actors come from ``names.bench`` (persons, organisations and places made of syllables written
for the benchmark: no real names) and are mentioned with the romanisation noise the name rules are
meant to absorb: particles, vowels, doubled letters, q/k, ou/u, -a/-ah, one transposition, titles,
British/American spelling, acronyms, lone surnames, omitted middle names. Some places also have a
province named after them, mentioned as "X province" or as "X" listed under "provinces" (the
level as title), while a third of the town's mentions carry a cue that makes it a town (as a
dateline does).

Each document mentions ``--per-doc`` actors drawn with a Zipf-like popularity; the mentions of one
actor in one document make one local entity, as the document linker would make them (its names
are the distinct spellings used, its mention count the number of mentions). ``resolve`` then
clusters the local entities of all documents. The report gives the time of each step of
``resolve``, the peak memory, and how the clusters compare with the generating actors: B-cubed
precision and recall over mentions, the number of clusters that hold two actors (which the rules
exist to prevent) and of actors spread over several clusters.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter, defaultdict

from newsgraph.entities.resolve import LocalRecord, resolve
from newsgraph.names.bench import make_entities, render

_PROVINCE_SHARE = 0.1  # places that have a province of the same name
_TOWN_CUE_SHARE = 0.33  # mentions of a town that say it is one


def actors(rng: random.Random) -> list[tuple[str, list[str]]]:
    """The generating actors: ``names.bench`` entities plus provinces named after some places."""
    ents = make_entities(rng, n_person=30000, n_org=4000, n_place=6000)
    provinces = [("PROVINCE", parts) for typ, parts in ents if typ == "GPE" and rng.random() < _PROVINCE_SHARE]
    return ents + provinces


def mention(actor: tuple[str, list[str]], rng: random.Random) -> tuple[str, str, str | None, str | None]:
    """(surface name, type, subtype, title) of one mention."""
    typ, parts = actor
    if typ == "PROVINCE":
        name = render(("GPE", parts), rng)
        if rng.random() < 0.5:
            return f"{name} {rng.choice(['province', 'Province', 'governorate'])}", "LOC", "region", None
        return name, "LOC", "region", "province"  # "X, Y and Z provinces"
    if typ == "GPE":
        return render(actor, rng), "LOC", "settlement" if rng.random() < _TOWN_CUE_SHARE else None, None
    return render(actor, rng).removeprefix("the "), typ, None, None


def documents(n_mentions: int, per_doc: int, rng: random.Random) -> tuple[list[LocalRecord], dict[tuple[str, int], int], int]:
    """Local entities of ``n_mentions // per_doc`` documents, their generating actor, and the actor count."""
    ents = actors(rng)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ents))]
    order = list(range(len(ents)))
    rng.shuffle(order)
    records: list[LocalRecord] = []
    truth: dict[tuple[str, int], int] = {}
    n_docs = max(1, n_mentions // per_doc)
    for d in range(n_docs):
        doc_id = f"d{d}"
        by_actor: dict[int, list[tuple[str, str, str | None, str | None]]] = defaultdict(list)
        for a in rng.choices(order, weights=weights, k=per_doc):
            by_actor[a].append(mention(ents[a], rng))
        for a, ms in by_actor.items():
            names = list(dict.fromkeys(m[0] for m in ms))
            best = max(names, key=lambda n: (len(n.split()), -names.index(n)))
            subtypes = Counter(m[2] for m in ms if m[2])
            titles = list(dict.fromkeys(m[3] for m in ms if m[3]))
            rec = LocalRecord(doc_id, len(records), f"s{d}", best, ms[0][1], subtypes.most_common(1)[0][0] if subtypes else None,
                              names, titles, len(ms))
            truth[rec.key] = a
            records.append(rec)
    return records, truth, len(ents)


def score(records: list[LocalRecord], mapping: dict[tuple[str, int], str], truth: dict[tuple[str, int], int]) -> dict:
    """B-cubed over mentions, clusters holding two actors, actors split over several clusters."""
    cluster_actor: dict[str, Counter] = defaultdict(Counter)
    actor_cluster: dict[int, Counter] = defaultdict(Counter)
    for r in records:
        c, a = mapping[r.key], truth[r.key]
        cluster_actor[c][a] += r.mentions
        actor_cluster[a][c] += r.mentions
    total = sum(r.mentions for r in records)
    precision = sum(n * n / sum(cnt.values()) for cnt in cluster_actor.values() for n in cnt.values()) / total
    recall = sum(n * n / sum(cnt.values()) for cnt in actor_cluster.values() for n in cnt.values()) / total
    return {
        "precision": precision,
        "recall": recall,
        "mixed clusters": sum(1 for cnt in cluster_actor.values() if len(cnt) > 1),
        "split actors": sum(1 for cnt in actor_cluster.values() if len(cnt) > 1),
    }


def run(n_mentions: int, per_doc: int, seed: int) -> dict:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    records, truth, n_actors = documents(n_mentions, per_doc, rng)
    t1 = time.perf_counter()
    print(f"generated {n_mentions:,} mentions in {n_mentions // per_doc:,} documents: {len(records):,} local "
          f"entities of {len(set(truth.values())):,} actors ({n_actors:,} in the pool) in {t1 - t0:.1f}s")
    timings: dict[str, float] = {}
    t2 = time.perf_counter()
    entities, mapping = resolve(records, timings=timings)
    t3 = time.perf_counter()
    for step, seconds in timings.items():
        print(f"  {step:<32} {seconds:7.1f}s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(f"resolve: {t3 - t2:.1f}s for {len(records):,} local entities -> {len(entities):,} entities "
          f"({n_mentions / (t3 - t2):,.0f} mentions/s); peak memory {peak:,.0f} MB")
    result = score(records, mapping, truth)
    print(f"B-cubed over mentions: precision {result['precision']:.3f}, recall {result['recall']:.3f}; "
          f"clusters holding two actors: {result['mixed clusters']:,}; actors over several clusters: "
          f"{result['split actors']:,}")
    result["seconds"] = t3 - t2
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=200_000)
    ap.add_argument("--per-doc", type=int, default=12, help="actor mentions per document")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    run(args.mentions, args.per_doc, args.seed)


if __name__ == "__main__":
    main()
