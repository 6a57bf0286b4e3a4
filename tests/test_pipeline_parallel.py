"""The NLP and facts stages in worker processes: the same results as in one process, and a bad or
fatal document costs only itself."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from newsgraph import annotate, facts, pipeline, query
from newsgraph.resources import sample_dir
from newsgraph.store import Store

from conftest import OTHER_STORY, WIRE_STORY, make_cleaner_crash_on

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="a patched function reaches the workers only through fork")


def write_corpus(folder, n=8):
    folder.mkdir(exist_ok=True)
    (folder / "wire.txt").write_text("Brigade pushes into river town\n\n" + WIRE_STORY)
    (folder / "bank.txt").write_text("Central bank raises rates\n\n" + OTHER_STORY)
    for i in range(n - 2):
        (folder / f"note{i}.txt").write_text(
            f"Bulletin {i}\n\n" + WIRE_STORY.replace("Tuesday", f"day {i}") + f" Item {i} of the bulletin series.")
    return folder


def stored(db):
    """Everything the per-document stages store, in a comparable form."""
    with Store(db) as store:
        facts_rows = [tuple(r) for r in store.query("SELECT doc_id, version, data FROM facts ORDER BY doc_id")]
        parses = [tuple(r) for r in store.query("SELECT doc_id, model, docbin FROM nlp_docs ORDER BY doc_id")]
        sentences = [tuple(r) for r in store.query("SELECT * FROM sentences ORDER BY doc_id, idx")]
        export = query.export(store)
    return facts_rows, parses, sentences, export


def model_or_skip():
    model, why = annotate.load_model()
    if model is None:
        pytest.skip(f"model not available: {why}")


@pytest.mark.model
def test_two_workers_give_the_same_results_as_one_on_the_sample(tmp_path):
    model_or_skip()
    reports = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            reports[workers] = pipeline.ingest(store, [sample_dir()], workers=workers)
    assert reports[1].annotated == reports[2].annotated == reports[1].documents > 0
    assert reports[1].analysed == reports[2].analysed == reports[1].documents
    assert reports[1].fact_problems == reports[2].fact_problems
    one, two = stored(tmp_path / "w1.db"), stored(tmp_path / "w2.db")
    assert one[0] == two[0]  # facts
    assert one[1] == two[1]  # parses
    assert one[2] == two[2]  # sentences
    assert one[3] == two[3]  # the export


@pytest.mark.model
@needs_fork
def test_a_document_the_model_fails_on_is_reported_and_the_others_are_parsed(tmp_path, monkeypatch):
    model_or_skip()
    corpus = write_corpus(tmp_path / "corpus")
    real = annotate.annotate

    def fragile(nlp, texts, *args, **kwargs):
        if any("central bank" in t for t in texts):
            raise ValueError("the model choked")
        return real(nlp, texts, *args, **kwargs)

    monkeypatch.setattr(annotate, "annotate", fragile)
    db = tmp_path / "g.db"
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], workers=2, batch_size=3)
        assert [p.source.split("/")[-1] for p in report.problems] == ["bank.txt"]
        assert "NLP failed (ValueError: the model choked)" in report.problems[0].reason
        assert report.annotated == 7 and report.analysed == 8
        assert store.count("nlp_docs") == 7 and store.count("facts") == 8  # the bank story: facts, no parse
    monkeypatch.setattr(annotate, "annotate", real)
    with Store(db) as store:  # the next run parses it and redoes its facts
        report = pipeline.ingest(store, [corpus], workers=2)
        assert (report.annotated, report.analysed, report.problems) == (1, 1, [])
        assert store.count("nlp_docs") == 8


@needs_fork
def test_a_document_that_kills_its_worker_costs_only_itself(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", n=12)
    real = facts.extract_facts

    def deadly(text, doc, published):
        if "central bank" in text:
            os._exit(3)  # what a crash in native code or the out-of-memory killer looks like
        return real(text, doc, published)

    monkeypatch.setattr(facts, "extract_facts", deadly)
    db = tmp_path / "g.db"
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], workers=2, nlp=False)
        assert [p.source.split("/")[-1] for p in report.problems] == ["bank.txt"]
        assert "worker died" in report.problems[0].reason
        assert report.analysed == 11
        assert store.count("facts") == 11
        assert store.count("documents") == 12
    monkeypatch.setattr(facts, "extract_facts", real)
    with Store(db) as store:  # the next run does the one left
        report = pipeline.ingest(store, [corpus], workers=2, nlp=False)
        assert (report.analysed, report.problems) == (1, [])
        assert store.count("facts") == 12


@needs_fork
def test_an_interrupted_parallel_run_keeps_whole_chunks_and_a_rerun_completes_it(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", n=12)
    db = tmp_path / "g.db"
    calls = []

    def stop_after_first_chunk(stage, done, total):
        calls.append(done)
        if done > 0:
            raise KeyboardInterrupt  # Ctrl-C while the workers run

    with Store(db) as store:
        store_docs = pipeline.ingest(store, [corpus], workers=2, nlp=False, on_stage=lambda *a: None).documents
        assert store_docs == 12
        store.db.execute("DELETE FROM facts")  # as if the stage had never run
        with pytest.raises(KeyboardInterrupt):
            pipeline.process_stored(store, pipeline.IngestReport(), nlp=False, workers=2, chunk=4,
                                    on_stage=stop_after_first_chunk)
        assert store.count("facts") == 4  # one whole chunk, nothing half-written
    assert calls == [0, 4]
    assert not multiprocessing.active_children()  # the workers are gone
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], workers=2, nlp=False)
        assert report.analysed == 8
        assert store.count("facts") == 12


def test_one_process_path_reports_progress_in_documents(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", n=5)
    seen = []
    with Store(tmp_path / "g.db") as store:
        report = pipeline.ingest(store, [corpus], nlp=False, on_stage=lambda *a: seen.append(a))
    assert report.analysed == 5
    assert seen[0] == ("nlp+facts", 0, 5) and seen[-1] == ("nlp+facts", 5, 5)
    assert set(report.timings) == {"read+clean+store", "syndication+dates", "nlp+facts", "resolution"}


@needs_fork
def test_bad_input_and_a_cleaner_crash_with_two_workers(tmp_path, monkeypatch):
    import json

    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "garbage.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (corpus / "feed.jsonl").write_text('{"text": "broken\n' + json.dumps({"text": OTHER_STORY + " Extra line."}) + "\n")
    make_cleaner_crash_on(monkeypatch, "bank.txt")
    with Store(tmp_path / "g.db") as store:
        report = pipeline.ingest(store, [corpus], workers=2, nlp=False)
        reasons = {p.source.split("/")[-1].split(":")[0]: p.reason for p in report.problems}
        assert set(reasons) == {"garbage.txt", "feed.jsonl", "bank.txt"}
        assert "cleaner choked" in reasons["bank.txt"]
        assert report.added == store.count("documents") == 8  # 7 files + the good line of the feed
        assert report.analysed == store.count("facts") == 8


@pytest.mark.model
def test_documents_parsed_by_another_model_are_parsed_again_with_their_facts(tmp_path):
    model_or_skip()
    corpus = write_corpus(tmp_path / "corpus", n=4)
    db = tmp_path / "g.db"
    with Store(db) as store:
        pipeline.ingest(store, [corpus], workers=2)
        before = stored(db)
        doc_id = store.query("SELECT doc_id FROM nlp_docs ORDER BY doc_id LIMIT 1")[0][0]
        store.db.execute("UPDATE nlp_docs SET model = 'older-model' WHERE doc_id = ?", (doc_id,))
        report = pipeline.ingest(store, [corpus], workers=2)
        assert (report.annotated, report.analysed) == (1, 1)
    after = stored(db)
    assert after[:3] == before[:3]
    # the document's quotes are stored again: new row ids, so another order
    assert unordered(after[3]) == unordered(before[3])


def unordered(export):
    import json

    return {k: sorted(json.dumps({f: y for f, y in x.items() if not (k == "quotes" and f == "id")}, sort_keys=True)
                      for x in v) for k, v in export.items()}
