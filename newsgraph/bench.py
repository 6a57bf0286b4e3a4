"""`make bench`: throughput and peak memory of ingest + clean + syndication on a synthetic corpus.

The corpus is generated (seeded, reproducible): articles built from sentence templates over random
vocabulary, wrapped in site boilerplate of several styles, and ~15% of stories republished once or
twice (truncated, British spelling, a different site's boilerplate). Each size runs in a fresh
process so that peak memory (ru_maxrss) belongs to that size alone.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

SIZES = (5_000, 10_000, 20_000)

_SYLLABLES = "ka ri mo sa lu de ba ha ne qa zi ta ru fa di lo ma na sh kh ya wa ja".split()
_WORDS = (
    "army militia brigade council ministry province district village town river road bridge convoy checkpoint "
    "airstrike shelling offensive ceasefire talks negotiations refugees camp aid water fuel hospital school market "
    "commander spokesman official governor minister president envoy analyst researcher fighter soldier police "
    "said told reported announced denied confirmed warned accused claimed agreed rejected urged promised "
    "north south east west border desert valley capital outskirts front line operation attack clashes raid"
).split()
_TEMPLATES = (
    "{P} said on {D} that {n} fighters had been killed near {L}.",
    "The {w} in {L} was hit by {w} fire, according to a {w} {w}.",
    "Forces loyal to {P} took control of {n} villages around {L} after days of {w}.",
    "\"We will not leave {L} until the {w} is over,\" {P} told reporters.",
    "Residents said the {w} and the {w} had been closed since {D}, leaving {n} families without {w}.",
    "A {w} for the {G} said the group had {w} the {w} and {w} any role in the {w}.",
    "{P}, the leader of the {G}, {w} talks with the {w} {w} in {L} on {D}.",
    "Officials {w} that {n} people were {w} and {n} others {w} in the {w}.",
)
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_BOILER_HEAD = (
    ["Home | World | Middle East | Politics | Opinion", "Subscribe to our newsletter", ""],
    ["Daily Courier - Region - Security", ""],
    ["Menu", "Search", "Sign in", ""],
)
_BOILER_FOOT = (
    ["", "Top stories", "{h1}", "{h2}", "{h3}", "", "© 2024 Daily Courier. All rights reserved."],
    ["", "Share this article", "Contact us: desk@courier.example", "Follow us on social media"],
    ["", "Most read", "{h1}", "{h2}", "", "Terms of use | Privacy policy | Cookies"],
)


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} al-{last}"


def _article(rng: random.Random, sentences: int) -> list[str]:
    people = [_name(rng) for _ in range(3)]
    places = ["".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() for _ in range(3)]
    group = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + " Brigade"
    paragraphs, current = [], []
    for _ in range(sentences):
        t = rng.choice(_TEMPLATES)
        s = t.format(
            P=rng.choice(people), L=rng.choice(places), G=group, D=rng.choice(_DAYS), n=rng.randint(2, 900),
            w="{w}",
        )
        while "{w}" in s:
            s = s.replace("{w}", rng.choice(_WORDS), 1)
        current.append(s)
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _wrap(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    headlines = {f"h{i}": " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 11))).capitalize() for i in (1, 2, 3)}
    head = rng.choice(_BOILER_HEAD)
    foot = [line.format(**headlines) for line in rng.choice(_BOILER_FOOT)]
    return "\n".join(head + [title, ""] + ["\n\n".join(paragraphs)] + foot) + "\n"


def _british(text: str) -> str:
    for us, uk in (("defense", "defence"), ("organization", "organisation"), ("kilometers", "kilometres")):
        text = text.replace(us, uk)
    return text


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write n articles (originals and their syndicated copies) under folder; returns the copy count."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = copies = 0
    truth: dict[str, str] = {}  # file name -> the file name of the story's original
    while written < n:
        paragraphs = _article(rng, rng.randint(14, 30))
        title = " ".join(rng.choice(_WORDS) for _ in range(7)).capitalize()
        sub = folder / f"{written // 1000:03d}"
        sub.mkdir(exist_ok=True)
        original = f"a{written:06d}.txt"
        (sub / original).write_text(_wrap(rng, title, paragraphs))
        truth[original] = original
        written += 1
        if rng.random() < 0.15:
            for _ in range(rng.randint(1, 2)):
                if written >= n:
                    break
                keep = max(2, int(len(paragraphs) * rng.uniform(0.5, 1.0)))
                body = [_british(p) for p in paragraphs[:keep]]
                (sub / f"a{written:06d}.txt").write_text(_wrap(rng, title + " (wire)", body))
                truth[f"a{written:06d}.txt"] = original
                written += 1
                copies += 1
    (folder / "truth.json").write_text(json.dumps(truth))
    return copies


def syndication_accuracy(store, truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the story grouping against the generator's truth."""
    from itertools import combinations

    def pairs(groups):
        return {tuple(sorted(p)) for g in groups for p in combinations(sorted(g), 2)}

    found: dict[str, list[str]] = {}
    for row in store.query("SELECT source, story_id FROM documents"):
        found.setdefault(row["story_id"], []).append(Path(row["source"]).name)
    expected: dict[str, list[str]] = {}
    for name, original in truth.items():
        expected.setdefault(original, []).append(name)
    got, want = pairs(found.values()), pairs(expected.values())
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall


def run_one(corpus: Path, db: Path, workers: int) -> dict:
    """Ingest one corpus into a fresh store; meant to run in its own process."""
    from newsgraph import pipeline
    from newsgraph.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], workers=workers, batch_size=500, nlp=False)
        t_final = time.perf_counter()
        pipeline.finalize(store)  # once more, alone, to time the cross-document stage
        final_seconds = time.perf_counter() - t_final
        truth_file = corpus / "truth.json"
        precision, recall = syndication_accuracy(store, json.loads(truth_file.read_text())) if truth_file.exists() else (None, None)
    seconds = time.perf_counter() - started - final_seconds
    return {
        "articles": report.read,
        "seconds": round(seconds, 2),
        "articles_per_s": round(report.read / seconds, 1),
        "cross_document_s": round(final_seconds, 2),
        "stories": report.stories,
        "syndicated_docs": report.syndicated,
        "problems": len(report.problems),
        "syndication_precision": precision,
        "syndication_recall": recall,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.bench", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", nargs=3, metavar=("CORPUS", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), Path(args.one[1]), int(args.one[2]))))
        return 0

    results = []
    print(f"newsgraph bench: ingest + clean + syndication, {args.workers} worker(s)")
    print(f"{'articles':>9} {'copies':>7} {'seconds':>8} {'art/s':>7} {'x-doc s':>8} {'stories':>8} {'peak MB':>8} {'synd P/R':>10}")
    for size in args.sizes:
        corpus = args.out / f"corpus-{size}"
        if not corpus.exists():
            copies = generate(corpus, size)
            (corpus.parent / f"corpus-{size}.copies").write_text(str(copies))
        copies = int((corpus.parent / f"corpus-{size}.copies").read_text())
        proc = subprocess.run(
            [sys.executable, "-m", "newsgraph.bench", "--one", str(corpus), str(args.out / f"bench-{size}.db"), str(args.workers)],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        r["copies"] = copies
        results.append(r)
        print(f"{r['articles']:>9} {copies:>7} {r['seconds']:>8} {r['articles_per_s']:>7} {r['cross_document_s']:>8} {r['stories']:>8} {r['peak_mb']:>8} {r['syndication_precision']:.3f}/{r['syndication_recall']:.3f}")
    if len(results) > 1:
        a, b = results[0], results[-1]
        growth = (b["seconds"] / a["seconds"]) / (b["articles"] / a["articles"])
        print(f"growth {a['articles']}→{b['articles']}: time ×{b['seconds'] / a['seconds']:.2f} for ×{b['articles'] / a['articles']:.1f} articles "
              f"(1.00 = linear; measured {growth:.2f} per unit)")
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
