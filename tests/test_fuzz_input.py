"""Fuzz: a few hundred mutated articles of our own (the bundled sample) through the whole ingest
(readers, cleaning, fingerprints, facts, resolution) must give no traceback, and every input must
end up stored or reported.

Mutations: truncation at a random byte, byte flips, control and bidirectional characters, a huge
word, a huge paragraph, a line of markup nested thousands deep, a JSON line nested thousands deep,
an HTML page cut in the middle of a tag. Seeded: a failure names the seed and the case.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.ingest.budget import Budget
from newsgraph.resources import sample_dir
from newsgraph.store import Store

SEED = 20240318
CONTROLS = ["\x00", "\x07", "\x1b[31m", "\x1b]8;;http://x\x07", "\r", "\x0c", "\x7f", "\x85"]
BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c", "\ufeff", "\u200b"]


def _seeds() -> list[tuple[str, str]]:
    """(suffix, text) of every article in the bundled sample (our own text)."""
    out = []
    for path in sorted(sample_dir().iterdir()):
        if path.suffix in (".txt", ".html"):
            out.append((path.suffix, path.read_text(encoding="utf-8")))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    out.append((".html", record["html"]) if record.get("html") else (".txt", record["text"]))
    return out


def _mutate(rng: random.Random, text: str, suffix: str) -> tuple[str, bytes]:
    """One mutation of ``text``: (its name, the bytes to write)."""
    kind = rng.choice(["truncate", "flip", "controls", "bidi", "huge-word", "huge-paragraph", "deep-markup",
                       "cut-tag", "mixed"])
    data = text.encode("utf-8")
    if kind == "truncate":
        return kind, data[: rng.randrange(1, max(2, len(data)))]
    if kind == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        return kind, bytes(b)
    chars = list(text)
    if kind in ("controls", "bidi", "mixed"):
        pool = CONTROLS if kind == "controls" else BIDI if kind == "bidi" else CONTROLS + BIDI + ["\ud7ff", "\U0001f4a5", "\u0301" * 30]
        for _ in range(rng.randint(1, 60)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(pool))
        return kind, "".join(chars).encode("utf-8")
    if kind == "huge-word":
        at = rng.randrange(len(chars))
        # mostly a lower-case run; now and then a capitalised one, which costs the name finders more
        word = "Velmora" if rng.random() < 0.15 else "velmora"
        return kind, (text[:at] + word * rng.randint(2_000, 30_000) + text[at:]).encode("utf-8")
    if kind == "huge-paragraph":
        para = " ".join(text.split()) + " "
        return kind, (text + "\n\n" + para * rng.randint(5, 40)).encode("utf-8")
    if kind == "deep-markup":
        depth = rng.choice([300, 3_000, 20_000])
        tag = rng.choice(["div", "span", "b", "p"])
        return kind, ("<html><body>" + f"<{tag}>" * depth + f"</{tag}>" + "<p>" + text + "</p></body></html>").encode("utf-8")
    # cut-tag: an HTML page ending inside a tag or an attribute
    page = f"<html><head><title>{text[:60]}</title></head><body><article><p>{text}</p></article></body></html>"
    return kind, page[: rng.randrange(len(page) // 2, len(page))].encode("utf-8") + b'<a href="'


def _corpus(root: Path, n: int) -> tuple[int, dict[str, str]]:
    """Write ``n`` mutated articles (files and JSONL lines); returns how many inputs and their kinds."""
    rng = random.Random(SEED)
    seeds = _seeds()
    kinds: dict[str, str] = {}
    lines = []
    for i in range(n):
        suffix, text = rng.choice(seeds)
        kind, data = _mutate(rng, text, suffix)
        if kind in ("deep-markup", "cut-tag"):
            suffix = ".html"
        if i % 5 == 0:  # a JSON line: the text as a field, some nested thousands deep, some with lone surrogates
            record: object = {"text": data.decode("utf-8", "replace"), "title": f"case {i}"}
            line = json.dumps(record)
            if rng.random() < 0.2:
                line = '{"text": ' + "[" * rng.choice([900, 5_000, 50_000]) + "]" * 3 + "}"
            elif rng.random() < 0.2:
                line = line.replace('"title": "case', '"title": "\\udc80 case')
            lines.append(line)
            kinds[f"line {len(lines)}"] = kind
            continue
        name = f"{i:03d}_{kind}{suffix}"
        (root / name).write_bytes(data)
        kinds[name] = kind
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n, kinds


def test_mutated_articles_give_no_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n, kinds = _corpus(corpus, 250)
    with Store(tmp_path / "fuzz.db") as store:
        # a tight budget keeps the test fast and exercises the budget itself on the huge cases
        report = pipeline.ingest(store, [corpus], nlp=False, workers=1, budget=Budget(seconds=1, chars=200_000))
        stored = store.count("documents")
        with_facts = store.count("facts")
        sources = {r["source"].rsplit("/", 1)[-1] + (":" + r["locator"] if r["locator"] else "")
                   for r in store.query("SELECT source, locator FROM documents")}
    reported = {p.source.rsplit("/", 1)[-1] for p in report.problems}
    # every input is stored or reported (a duplicate of an earlier one is counted as such)
    accounted = report.added + report.duplicates + report.already_stored + len(report.problems)
    assert report.read + sum(1 for p in report.problems if "JSON" in p.reason or "no text" in p.reason
                             or "binary" in p.reason or "undecodable" in p.reason or "empty" in p.reason) >= n - 5
    assert accounted >= n - 5, (report.added, report.duplicates, len(report.problems))
    assert stored == report.added and with_facts == stored
    # the problems name their file and say why; none is a crash of our code
    for p in report.problems:
        assert p.reason and "Traceback" not in p.reason and "processing failed" not in p.reason, p
    assert sources and reported is not None
