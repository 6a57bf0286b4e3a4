"""End to end on the bundled sample corpus, scored against its gold annotations (newsgraph/sample/gold.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import pipeline, query
from newsgraph.resources import sample_dir
from newsgraph.store import Store

GOLD = json.loads((sample_dir() / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(db) as s:
        report = pipeline.ingest(s, [sample_dir()], nlp=False)
        assert report.problems == []
        yield s


def by_file(store):
    docs = {}
    for d in query.export(store)["documents"]:
        docs[(Path(d["source"]).name, d["locator"])] = d
    return docs


def gold_docs():
    return [(g["file"], g["locator"], g) for g in GOLD["documents"]]


def test_every_sample_article_is_stored(store):
    assert set(by_file(store)) == {(f, loc) for f, loc, _ in gold_docs()}


def test_stories_match_gold(store):
    docs = by_file(store)
    ours: dict[str, set] = {}
    theirs: dict[str, set] = {}
    for f, loc, g in gold_docs():
        ours.setdefault(docs[(f, loc)]["story"], set()).add(f + loc)
        theirs.setdefault(g["story"], set()).add(f + loc)
    assert sorted(map(sorted, ours.values())) == sorted(map(sorted, theirs.values()))


@pytest.mark.parametrize("file,locator,gold", gold_docs(), ids=[f + l for f, l, _ in gold_docs()])
def test_published_dates_match_gold(store, file, locator, gold):
    assert by_file(store)[(file, locator)]["published"] == gold["published"]


@pytest.mark.parametrize("file,locator,gold", gold_docs(), ids=[f + l for f, l, _ in gold_docs()])
def test_boilerplate_removed_and_body_kept(store, file, locator, gold):
    text = by_file(store)[(file, locator)]["text"]
    lines = {line.strip() for line in text.splitlines()}
    kept_boilerplate = [b for b in gold.get("boilerplate", []) if b.strip() in lines]
    lost_body = [k for k in gold.get("keep", []) if k not in text]
    assert kept_boilerplate == [] and lost_body == []


@pytest.mark.parametrize("file,locator,gold", gold_docs(), ids=[f + l for f, l, _ in gold_docs()])
def test_publisher_matches_gold(store, file, locator, gold):
    found = by_file(store)[(file, locator)]["publisher"]
    # a site name may come with or without its leading article ("The Levant Dispatch")
    norm = lambda s: (s or "").lower().removeprefix("the ").strip()  # noqa: E731
    assert norm(found) == norm(gold["publisher"])
