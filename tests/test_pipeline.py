"""The ingest run end to end: idempotent, incremental, survives bad input and interruption."""

from __future__ import annotations

import json

import pytest

from newsgraph import pipeline, query
from newsgraph.store import Store

from conftest import OTHER_STORY, WIRE_STORY, british, make_cleaner_crash_on


def write_corpus(folder, n=6):
    folder.mkdir(exist_ok=True)
    (folder / "wire.txt").write_text("Brigade pushes into river town\n\n" + WIRE_STORY)
    (folder / "wire_copy.txt").write_text("Brigade advances\n\n" + british(WIRE_STORY.split("\n\n")[0] + "\n\n" + WIRE_STORY.split("\n\n")[1] + "\n\n" + WIRE_STORY.split("\n\n")[2]))
    (folder / "bank.txt").write_text("Central bank raises rates\n\n" + OTHER_STORY)
    for i in range(n - 3):
        (folder / f"note{i}.txt").write_text(f"Bulletin {i}\n\n" + OTHER_STORY.replace("Thursday", f"day {i}") + f" Item {i} of the bulletin series.")
    return folder


def test_ingest_groups_and_stores(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "g.db") as store:
        report = pipeline.ingest(store, [corpus])
        assert (report.read, report.added, report.problems) == (6, 6, [])
        rows = {r.source.split("/")[-1]: r for r in query.documents(store)}
    assert rows["wire.txt"].story == rows["wire_copy.txt"].story
    assert rows["wire.txt"].canonical and not rows["wire_copy.txt"].canonical
    assert rows["bank.txt"].story != rows["wire.txt"].story


def test_second_run_is_idempotent_and_incremental(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "g.db"
    with Store(db) as store:
        pipeline.ingest(store, [corpus])
    (corpus / "late.txt").write_text("A later article\n\n" + OTHER_STORY + " With one more sentence about the late report.")
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus, corpus / "wire.txt"])
        assert (report.added, report.already_stored, report.duplicates) == (1, 6, 1)
        assert store.count("documents") == 7
        doubled = "SELECT COUNT(*) FROM (SELECT doc_id, clean_start FROM segments GROUP BY 1, 2 HAVING COUNT(*) > 1)"
        assert store.query(doubled)[0][0] == 0


def test_interrupted_run_keeps_committed_batches_and_rerun_completes(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", n=8)
    db = tmp_path / "g.db"
    calls = {"n": 0}
    real = pipeline.process_document

    def dies_on_fifth(raw):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt  # what Ctrl-C or a kill looks like from inside
        return real(raw)

    monkeypatch.setattr(pipeline, "process_document", dies_on_fifth)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        pipeline.ingest(store, [corpus], batch_size=2)
    with Store(db) as store:
        assert store.count("documents") == 4  # two whole batches, nothing half-written
        assert store.count("fingerprints") == 4
    monkeypatch.setattr(pipeline, "process_document", real)
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], batch_size=2)
        assert (report.added, report.already_stored) == (4, 4)
        assert store.count("documents") == 8
        assert store.query("SELECT COUNT(*) FROM documents WHERE story_id IS NULL")[0][0] == 0


def test_bad_input_does_not_lose_stored_documents(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "g.db"
    with Store(db) as store:
        pipeline.ingest(store, [corpus])
    (corpus / "garbage.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (corpus / "feed.jsonl").write_text('{"text": "broken\n' + json.dumps({"text": WIRE_STORY + " Extra line."}) + "\n")
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus, tmp_path / "nowhere"])
        assert report.failed
        assert sorted(p.reason.split(" ")[0] for p in report.problems) == ["binary", "malformed", "no"]
        assert report.added == 1
        assert store.count("documents") == 7
        assert store.count("problems") == 3


def test_processing_crash_on_one_document_is_reported(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    make_cleaner_crash_on(monkeypatch, "bank.txt")
    with Store(tmp_path / "g.db") as store:
        report = pipeline.ingest(store, [corpus])
        assert report.added == 5
        assert report.problems[0].source.endswith("bank.txt")
        assert "cleaner choked" in report.problems[0].reason


def test_export_contract(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "g.db") as store:
        pipeline.ingest(store, [corpus])
        data = query.export(store)
    assert list(data) == ["documents", "entities", "relations", "events", "quotes", "contradictions"]
    doc = data["documents"][0]
    assert set(doc) == {"id", "source", "locator", "title", "publisher", "published", "story", "text"}
    assert doc["published"] is None or len(doc["published"]) in (4, 7, 10)
    # the bulletins are near-verbatim copies of the bank story: two independent stories in all
    assert len({d["story"] for d in data["documents"]}) == 2


def test_not_a_database(tmp_path):
    from newsgraph.store import StoreError

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"definitely not sqlite" * 100)
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(bogus)
