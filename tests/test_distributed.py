"""Ingest on Dask (newsgraph.distributed): partitions read like the whole file, the cluster run stores
what the plain run stores, a worker killed mid-partition loses nothing and a re-run adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import annotate, distributed, pipeline, query
from newsgraph.ingest.readers import read_file
from newsgraph.resources import sample_dir
from newsgraph.store import Store

from conftest import WIRE_STORY


def _items(items):
    return [(type(i).__name__, getattr(i, "source", None), getattr(i, "locator", None), getattr(i, "content", None),
             getattr(i, "reason", None)) for i in items]


def test_jsonl_partitions_read_exactly_what_the_whole_file_reads(tmp_path):
    lines = []
    for i in range(11):
        lines.append(json.dumps({"title": f"Report {i} from Velmora", "text": WIRE_STORY.replace("Tuesday", f"day {i}")}))
        if i % 4 == 1:
            lines.append("")  # blank lines are skipped but counted in the locators
        if i == 6:
            lines.append("{not json")  # a bad line is a problem of the partition holding it
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    whole = _items(read_file(path))
    for docs in (1, 3, 4, 50):
        ranges = distributed.jsonl_ranges(str(path), docs)
        assert len(ranges) == -(-12 // docs)  # 11 articles and one bad line: non-blank lines
        parts = distributed.plan([path], {"test": docs}, docs)
        assert [(p.start, p.stop, p.first_line) for p in parts] == ranges
        read = [i for p in parts for i in _items(distributed.read_partition(p))]
        assert read == whole, docs
    assert any(kind == "IngestProblem" and where.endswith(":10") for kind, where, *_ in whole)


def test_partition_keys_change_with_the_input_and_the_settings(tmp_path):
    files = []
    for i in range(5):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(f"Dispatch {i}\n\n{WIRE_STORY}")
    first = distributed.plan(files, {"facts": "1"}, partition_docs=2)
    assert [len(p.files) for p in first] == [2, 2, 1]
    assert [p.key for p in distributed.plan(files, {"facts": "1"}, 2)] == [p.key for p in first]
    assert distributed.plan(files, {"facts": "2"}, 2)[0].key != first[0].key  # a new facts version redoes them
    files[4].write_text("Dispatch 4, corrected\n\n" + WIRE_STORY)
    again = distributed.plan(files, {"facts": "1"}, 2)
    assert [p.key for p in again[:2]] == [p.key for p in first[:2]] and again[2].key != first[2].key


def test_a_cleaned_document_survives_its_parquet_column():
    from newsgraph import clean
    from newsgraph.types import RawDocument

    raw = RawDocument("lyon.html", "", "html",
                      "<html><head><title>Talks in Lyon</title></head><body><p>LYON, Monday 3 March 2014 - "
                      + WIRE_STORY + "</p><p>Share this on social media</p></body></html>")
    cleaned = clean.clean(raw)
    assert cleaned.published is not None and cleaned.title is not None
    assert distributed.cleaned_from_json(distributed.cleaned_to_json(cleaned)) == cleaned


def _everything(db: Path):
    with Store(db) as store:
        tables = {t: store.count(t) for t in ("documents", "facts", "nlp_docs", "sentences", "mentions", "quotes",
                                              "fingerprints", "problems")}
        return query.export(store), tables


@pytest.mark.model
def test_a_local_cluster_gives_the_plain_runs_export_and_survives_a_killed_worker(tmp_path, monkeypatch):
    """One cluster for the whole story, to keep it fast: plain run; Dask run whose first partition
    kills its worker half-way (Dask gives the task to a new worker); a re-run that finds every
    partition written; a run interrupted after loading the documents, completed by the next."""
    if annotate.load_model()[0] is None:
        pytest.skip("model not available")
    from distributed import Client, LocalCluster

    with Store(tmp_path / "plain.db") as store:
        pipeline.ingest(store, [sample_dir()], workers=1)
    plain, plain_tables = _everything(tmp_path / "plain.db")

    marker = tmp_path / "killed"
    monkeypatch.setenv(distributed.FAULT_ENV, str(marker))  # the workers inherit it when they start
    parts = tmp_path / "parts"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        with Store(tmp_path / "dask.db") as store:
            report, stats = distributed.ingest(store, [sample_dir()], "", parts=str(parts), partition_docs=4, client=client)
        assert marker.exists()  # a worker did die mid-partition
        assert stats.partitions == len(list(parts.glob("*.parquet"))) >= 4 and stats.skipped == 0
        assert report.added == plain_tables["documents"] and not report.problems
        dask_export, dask_tables = _everything(tmp_path / "dask.db")
        assert dask_tables == plain_tables
        assert dask_export == plain

        with Store(tmp_path / "dask.db") as store:  # again: nothing recomputed, nothing added
            report, stats = distributed.ingest(store, [sample_dir()], "", parts=str(parts), partition_docs=4, client=client)
        assert stats.skipped == stats.partitions and report.added == 0
        assert report.already_stored == plain_tables["documents"]
        assert _everything(tmp_path / "dask.db") == (plain, plain_tables)

        # killed after the documents were stored, before stories, facts and resolution: the next run finishes
        def killed(*args, **kwargs):
            raise KeyboardInterrupt
        with monkeypatch.context() as m, Store(tmp_path / "cut.db") as store:
            m.setattr(pipeline, "finalize", killed)
            with pytest.raises(KeyboardInterrupt):
                distributed.ingest(store, [sample_dir()], "", parts=str(parts), partition_docs=4, client=client)
            assert store.count("documents") == plain_tables["documents"] and store.count("facts") == 0
        with Store(tmp_path / "cut.db") as store:
            distributed.ingest(store, [sample_dir()], "", parts=str(parts), partition_docs=4, client=client)
        assert _everything(tmp_path / "cut.db") == (plain, plain_tables)
