"""`make bench` (scale): the whole ingest at 1k, 10k, 100k articles, plain and on Dask, stage by stage.

Run: ``.venv/bin/python -m newsgraph.bench_scale [--sizes 1000,10000] [--modes plain,dask] [--out bench-out/scale]``

The corpus is generated from real sentences: the bundled sample's articles (our own text), cleaned
and cut into sentences, recombined into new articles whose names are renamed. Every capitalised run
of words (a name, an acronym) is replaced by an invented one made of syllables, consistently within
a "world" of about 50 articles; a third of the names are renamed the same way in every world (the
actors a whole corpus keeps mentioning), the rest per world (the local ones), so the number of actors
grows with the corpus as in a real press archive. About 15% of stories are republished once or twice
by other outlets (a copy may be truncated), dated the same day or the next.

Each size and mode runs in a fresh process (its own peak memory). The table gives, per stage, the
wall time, the CPU seconds per article (this process and its worker processes) and the peak resident
memory of the largest process, then the store's size. After the ingest, the cross-document stages run
once more on their own (syndication, entity resolution, event identity, relations and contradictions)
so that each is measured apart: those are the ones that must stay near n log n.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

SIZES = (1_000, 10_000)
WORLD = 50  # articles sharing one renaming of the local names
SHARED_NAMES = 0.33  # share of names renamed the same way in every world
SYNDICATED = 0.15  # share of stories republished
_SYLLABLES = "ka ri mo sa lu de ba ha ne qa zi ta ru fa di lo ma na sha kha ya wa ja ve to pe".split()
# words that start a sentence without being a name, and capitalised words that are no name
_NOT_NAMES = set("""the a an he she it they we i in on at but and or as after before when while this that these those
his her its their our there here if for with by from to of some many most several two three four five six seven
eight nine ten one no not more about according also however meanwhile earlier later since until yesterday today
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december mr mrs ms dr gen maj col lt sgt capt brig president minister prime""".split())
_NAME_RUN = re.compile(r"\b(?:al-)?[A-Z][\w'’-]*(?:\s+(?:al-|bin\s+|of\s+the\s+|of\s+)?[A-Z][\w'’-]*)*")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“]?[A-Z])")


def sample_sentences() -> list[str]:
    """The sample's articles, cleaned as ingest cleans them, cut into sentences."""
    from newsgraph import clean
    from newsgraph.ingest.readers import read_paths
    from newsgraph.resources import sample_dir
    from newsgraph.types import RawDocument

    sentences: list[str] = []
    for item in read_paths([sample_dir()]):
        if not isinstance(item, RawDocument):
            continue
        for paragraph in clean.clean(item).text.split("\n"):
            for s in _SENTENCE.split(paragraph.strip()):
                if 40 <= len(s) <= 400 and s.endswith((".", '"', "”")):
                    sentences.append(s)
    return sorted(set(sentences))


def _invented(rng: random.Random, words: int, acronym: bool) -> str:
    if acronym:
        return "".join(rng.choice("BDFGHKLMNPRSTVZ") for _ in range(words))
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words))


class Renamer:
    """Replaces every name of a sentence with an invented one, the same in one world."""

    def __init__(self, seed: int):
        self.seed = seed
        self.cache: dict[tuple[str, int], str] = {}

    def name(self, original: str, world: int) -> str:
        shared = random.Random(f"{self.seed}:{original}").random() < SHARED_NAMES
        key = (original, -1 if shared else world)
        if key not in self.cache:
            rng = random.Random(f"{self.seed}:{key}")
            words = original.split()
            acronym = len(words) == 1 and original.isupper() and len(original) <= 6
            self.cache[key] = _invented(rng, len(original) if acronym else len(words), acronym)
            if len(self.cache) > 200_000:  # a bound on memory: names are recomputed, not remembered
                self.cache.clear()
        return self.cache[key]

    def __call__(self, sentence: str, world: int) -> str:
        def swap(m: re.Match) -> str:
            text = m.group(0)
            first, sep, rest = text.partition(" ")
            if first.lower().strip("'’") in _NOT_NAMES:  # "The Dawn Front": keep "The", rename the rest
                return first + sep + _NAME_RUN.sub(swap, rest)
            base, possessive = (text[:-2], text[-2:]) if text.endswith(("'s", "’s")) else (text, "")
            return self.name(base, world) + possessive
        return _NAME_RUN.sub(swap, sentence)


def generate(n: int, out: Path, seed: int = 18) -> dict[str, int]:
    """``n`` articles as JSON lines in ``out``; returns counts (stories, copies)."""
    rng = random.Random(seed)
    sentences = sample_sentences()
    rename = Renamer(seed)
    publishers = [_invented(random.Random(f"pub{i}"), 2, False) + " News" for i in range(40)]
    written = stories = copies = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        while written < n:
            world = written // WORLD
            body = [rename(s, world) for s in rng.sample(sentences, rng.randint(6, 14))]
            day = 730 * rng.random()
            published = time.strftime("%Y-%m-%d", time.gmtime(1_420_070_400 + int(day) * 86_400))
            title = " ".join(body[0].split()[:9]).rstrip(",.;:")
            record = {"title": title, "publisher": rng.choice(publishers), "published": published,
                      "url": f"https://bench.example/{written}", "text": "\n\n".join(body)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
            stories += 1
            if rng.random() < SYNDICATED:
                for _ in range(rng.randint(1, 2)):
                    if written >= n:
                        break
                    kept = body if rng.random() < 0.5 else body[: max(3, int(len(body) * rng.uniform(0.5, 0.9)))]
                    # a republisher's credit line: the copy is a document of its own, not the same bytes
                    credit = f"This report was first published by {record['publisher']}."
                    copy = dict(record, publisher=rng.choice(publishers), url=f"https://bench.example/{written}",
                                text="\n\n".join(kept + [credit]))
                    handle.write(json.dumps(copy, ensure_ascii=False) + "\n")
                    written += 1
                    copies += 1
    return {"articles": written, "stories": stories, "copies": copies, "sentences": len(sentences)}


# -- measuring -----------------------------------------------------------------------------------

class PeakMemory:
    """The largest resident set of this process and of the largest child, sampled while a stage runs
    (ru_maxrss only ever grows, so it cannot give a stage its own peak)."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self.me = psutil.Process()
        self.interval, self.peak, self.child_peak = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self.me.memory_info().rss)
                for child in self.me.children(recursive=True):
                    try:
                        self.child_peak = max(self.child_peak, child.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _worker_cpu(client) -> float:
    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    return sum(client.run(cpu).values())


def _worker_peak(client) -> int:
    def peak() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return max(client.run(peak).values())


def run_one(corpus: Path, mode: str, work: Path) -> dict:
    """One ingest of ``corpus`` (plain, or dask on a LocalCluster of 2), then the cross-document
    stages one by one; every figure of the table for this size and mode."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from newsgraph import aggregate, contradictions, distributed, pipeline
    from newsgraph.entities.corpus import resolve_entities
    from newsgraph.facts import DocumentFacts
    from newsgraph.store import Store

    db = work / f"{mode}.db"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    stages: dict[str, dict] = {}
    started, cpu0 = time.perf_counter(), _cpu()
    with Store(db) as store, PeakMemory() as mem:
        if mode == "plain":
            report = pipeline.ingest(store, [corpus], workers=2)
            worker_peak = mem.child_peak
            worker_cpu = 0.0
        else:
            import shutil

            from distributed import Client, LocalCluster

            parts = work / "parts"
            shutil.rmtree(parts, ignore_errors=True)
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                    Client(cluster) as client:
                report, _ = distributed.ingest(store, [corpus], "", parts=str(parts), client=client)
                worker_cpu = _worker_cpu(client)
                worker_peak = _worker_peak(client)
    # the cluster's worker processes are this process's descendants: their CPU is in RUSAGE_CHILDREN once
    # they have exited, so it is not added again
    total_wall, total_cpu = time.perf_counter() - started, _cpu() - cpu0
    n = report.documents or 1
    for stage, seconds in report.timings.items():
        stages[f"ingest: {stage}"] = {"wall": seconds}
    if "ingest: nlp+facts" in stages:  # CPU summed over the worker processes
        stages["ingest: nlp+facts"]["cpu_ms_per_article"] = 1000 * sum(report.work_seconds.values()) / n
    if "ingest: workers" in stages:
        stages["ingest: workers"]["cpu_ms_per_article"] = 1000 * worker_cpu / n
        stages["ingest: workers"]["peak_mb"] = worker_peak / 2**20
    stages["ingest: total"] = {"wall": total_wall, "cpu_ms_per_article": 1000 * total_cpu / n,
                               "peak_mb": max(mem.peak, worker_peak) / 2**20,
                               "driver_peak_mb": mem.peak / 2**20, "worker_peak_mb": worker_peak / 2**20}

    def measure(name: str, fn):
        t, c = time.perf_counter(), time.process_time()
        with PeakMemory() as m:
            value = fn()
        stages[name] = {"wall": time.perf_counter() - t, "cpu_ms_per_article": 1000 * (time.process_time() - c) / n,
                        "peak_mb": m.peak / 2**20}
        return value

    with Store(db) as store:
        measure("syndication", lambda: pipeline.finalize(store))
        every = frozenset(f.name for f in dataclasses.fields(DocumentFacts))

        def each(keep: frozenset[str]):  # the passes of pipeline.resolve_corpus
            for d, s, p, j in store.all_facts():
                yield aggregate.StoredDoc(d, s, p, DocumentFacts.from_json(j, skip=every - keep))

        # resolution reads the stored facts itself, one document at a time
        entities, entity_of, _ = measure("entity resolution", lambda: resolve_entities(each, store.overrides()))
        claims = measure("contradictions (claims)", lambda: contradictions.claim_conflicts(
            each(frozenset({"mentions", "claims"})), entity_of))
        story_of = {d: s or d for d, s, _, _ in store.all_facts()}
        # as pipeline.resolve_corpus: each stage reads the stored facts again, one document at a time
        measure("event identity", lambda: aggregate.events(
            each(frozenset({"events"})), entity_of, aggregate.settlement_points(entities),
            aggregate.coarse_places(entities), aggregate.crowded_places(entities)))
        rels = measure("relations", lambda: aggregate.relations(each(frozenset({"relations"})), entity_of))
        measure("contradictions", lambda: contradictions.relation_conflicts(rels, story_of) + claims)
    return {"mode": mode, "articles": report.documents, "stories": report.stories, "entities": report.entities,
            "events": report.events, "store_mb": db.stat().st_size / 2**20, "stages": stages}


def cross_only(db: Path, n: int) -> dict:
    """The cross-document stages alone on ``n`` documents made by replicating the facts of the store
    ``db`` (a bench store): replica j renames every entity name with a word of its own, so the
    replicas hold new actors (as a larger corpus would) and resolution and event identity see n
    documents. Syndication is not replicated (the copies would all be one story): the ingest rows
    measure it."""
    from newsgraph import aggregate
    from newsgraph.entities.corpus import resolve_entities
    from newsgraph.facts import DocumentFacts
    from newsgraph.store import Store

    with Store(db) as store:
        base = list(store.all_facts())
    stages: dict[str, dict] = {}

    def measure(name: str, fn):
        t, c = time.perf_counter(), time.process_time()
        with PeakMemory() as m:
            value = fn()
        stages[name] = {"wall": time.perf_counter() - t, "cpu_ms_per_article": 1000 * (time.process_time() - c) / n,
                        "peak_mb": m.peak / 2**20}
        return value

    every = frozenset(f.name for f in dataclasses.fields(DocumentFacts))

    def each_replica(keep: frozenset[str]):
        if "mentions" in keep:  # the mentions are renamed as their entities are
            keep = keep | {"entities"}
        for i in range(n):
            j, (doc_id, story, published, data) = divmod(i, len(base))[0], base[i % len(base)]
            facts = DocumentFacts.from_json(data, skip=every - keep)
            if j:
                word = _invented(random.Random(f"replica{j}"), 1, False)
                rename = {}
                for e in facts.entities:
                    for name in [e.name, *e.names]:
                        rename.setdefault(name, f"{name} {word}")
                    e.name, e.names = rename[e.name], [rename[x] for x in e.names]
                for m in facts.mentions:
                    if m.name in rename:
                        m.text, m.name_start, m.name_end = rename[m.name], -1, -1
            yield aggregate.StoredDoc(f"{doc_id}~{j}", f"{story}~{j}" if story else None, published, facts)

    # the passes of pipeline.resolve_corpus: resolution reads the documents itself, one at a time
    entities, entity_of, _ = measure("entity resolution", lambda: resolve_entities(each_replica, []))
    # event identity and relations read the documents themselves, one at a time (reading included)
    measure("event identity", lambda: aggregate.events(
        each_replica(frozenset({"events"})), entity_of, aggregate.settlement_points(entities),
        aggregate.coarse_places(entities), aggregate.crowded_places(entities)))
    measure("relations", lambda: aggregate.relations(each_replica(frozenset({"relations"})), entity_of))
    return {"mode": "cross-only", "articles": n, "entities": len(entities), "store_mb": float("nan"), "stages": stages}


def table(results: list[dict]) -> str:
    lines = ["| articles | mode | stage | wall s | CPU ms/article | peak MB | store MB |", "|---:|---|---|---:|---:|---:|---:|"]
    for r in results:
        for stage, f in r["stages"].items():
            lines.append(f"| {r['articles']:,} | {r['mode']} | {stage} | {f['wall']:.1f} | "
                         f"{f.get('cpu_ms_per_article', float('nan')):.1f} | {f.get('peak_mb', float('nan')):.0f} | "
                         f"{r['store_mb']:.0f} |".replace("nan", "–"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--modes", default="plain,dask")
    ap.add_argument("--out", type=Path, default=Path("bench-out/scale"))
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--cross", nargs=2, metavar=("DB", "N"), help="the cross-document stages alone on N documents "
                    "replicated from the facts of a bench store DB")
    ap.add_argument("--one", nargs=3, metavar=("CORPUS", "MODE", "WORK"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cross:
        result = cross_only(Path(args.cross[0]), int(args.cross[1]))
        print(table([result]))
        return 0
    if args.one:
        corpus, mode, work = args.one
        print(json.dumps(run_one(Path(corpus), mode, Path(work))))
        return 0
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        work = args.out / f"n{size}"
        corpus = work / "corpus.jsonl"
        if not corpus.exists():
            counts = generate(size, corpus, args.seed)
            print(f"{size:,} articles generated ({counts['copies']:,} syndicated copies, from {counts['sentences']} "
                  f"sample sentences) -> {corpus}", flush=True)
        for mode in args.modes.split(","):
            done = work / f"{mode}.json"
            proc = subprocess.run([sys.executable, "-m", "newsgraph.bench_scale", "--one", str(corpus), mode, str(work)],
                                  capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            if proc.returncode:
                print(f"{size} {mode} failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
                return 1
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            done.write_text(json.dumps(result, indent=1))
            results.append(result)
            print(table([result]), flush=True)
    (args.out / "table.md").write_text(table(results) + "\n")
    print(f"\n{table(results)}\n\n(table in {args.out / 'table.md'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
