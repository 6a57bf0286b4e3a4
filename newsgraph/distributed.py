"""Ingest on a Dask cluster: the per-document stages mapped over partitions on the workers, the
cross-document stages on this machine from the partitions' Parquet outputs.

    plan:     files -> partitions (single-document files in groups, a JSON lines file cut into
              line-aligned byte ranges of ``partition_docs`` records, a CSV or WARC file whole)
    map:      on a worker, per partition: read -> clean + fingerprint -> NLP -> facts, written as one
              Parquet file ``<parts>/<key>.parquet`` (fsspec: a folder, s3://, gs://, ...)
    load:     here, partition by partition in plan order: documents, fingerprints -> the store
    reduce:   stories and dates (``pipeline.finalize``), then each document's parse and facts from
              its partition, then entities, relations, events, contradictions (``pipeline.resolve_corpus``)

The model is loaded once per worker by a ``WorkerPlugin`` (also on workers that join later); the
task graph holds only partition descriptions (paths, byte ranges, options), never the model or the
texts. A partition's key is a hash of what it reads (path, size, modification time, byte range) and
of what it runs (facts version, model, read options, size budget): a re-run finds the partitions
already written and skips them, and a partition is written under a temporary name and renamed when
complete, so a worker killed mid-partition leaves nothing that a re-run could take for finished.
Dask gives the task of a dead worker to another one; the store is filled only from complete
partitions, one transaction per partition, and skips documents it already holds, so a run killed
at any point is completed, without duplicates, by running it again.

The facts stage sees a document's own publication date. A document whose date is completed from its
story (``finalize``) needs facts that see the completed date: its facts from the partition are not
used, and ``pipeline.process_stored`` redoes them here from the stored parse (a few documents).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph import annotate as annotation
from newsgraph import pipeline, syndication
from newsgraph.ingest.budget import Budget
from newsgraph.ingest.readers import (
    JSONL_SUFFIXES, TEXT_SUFFIXES, HTML_SUFFIXES, IngestNote, ReadOptions, expand, read_file, read_jsonl, suffix_of,
)
from newsgraph.store import Store
from newsgraph.types import (
    CleanedDocument, Evidence, Flag, IngestProblem, PublishedDate, RawDocument, RemovedLine, Segment,
)

PARTITION_DOCS = 500  # documents per partition: minutes of work for a worker, a few MB of Parquet
PARTITION_FORMAT = 1  # bump when the Parquet columns change: older partitions are then redone
_NLP_CHUNK = 32  # documents per call of the NLP and facts stage inside a partition
FAULT_ENV = "NEWSGRAPH_DASK_FAULT"  # tests: a marker path; the first partition to see it absent dies


# -- plan ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work for one worker: some single-document files, or a byte range of one JSON
    lines file starting at line ``first_line``, or one other many-document file (CSV, WARC)."""

    key: str
    files: tuple[str, ...]
    start: int = 0
    stop: int = -1  # -1: to the end of the file
    first_line: int = 1


def jsonl_ranges(path: str, docs: int) -> list[tuple[int, int, int]]:
    """(start byte, stop byte, first line number) of consecutive ranges of ``path``, each holding
    ``docs`` non-blank lines (the last fewer), cut at line starts."""
    ranges: list[tuple[int, int, int]] = []
    start, first, count, offset = 0, 1, 0, 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if count == docs and line.strip():
                ranges.append((start, offset, first))
                start, first, count = offset, number, 0
            if line.strip():
                count += 1
            offset += len(line)
    ranges.append((start, -1, first))
    return ranges


def _key(parts: list, settings: dict) -> str:
    return hashlib.sha256(json.dumps([PARTITION_FORMAT, parts, settings], sort_keys=True).encode()).hexdigest()[:24]


def _identity(path: str) -> list:
    stat = os.stat(path)
    return [os.path.abspath(path), stat.st_size, stat.st_mtime_ns]


def plan(files: list[Path], settings: dict, partition_docs: int = PARTITION_DOCS,
         ranges_of: Callable[[list[str]], list[list[tuple[int, int, int]]]] | None = None) -> list[Partition]:
    """Partitions of ``files`` in their order. ``ranges_of`` cuts JSON lines files (by default here;
    the cluster run cuts them on the workers, which may be nearer the files)."""
    jsonl = [str(f) for f in files if suffix_of(f) in JSONL_SUFFIXES]
    cuts = dict(zip(jsonl, (ranges_of or (lambda paths: [jsonl_ranges(p, partition_docs) for p in paths]))(jsonl)))
    out: list[Partition] = []
    group: list[str] = []

    def close_group() -> None:
        if group:
            out.append(Partition(_key([_identity(f) for f in group], settings), tuple(group)))
            group.clear()

    for f in map(str, files):
        suffix = suffix_of(Path(f))
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES or not suffix:
            group.append(f)
            if len(group) >= partition_docs:
                close_group()
            continue
        close_group()
        if f in cuts:
            for start, stop, first in cuts[f]:
                out.append(Partition(_key([_identity(f), start, stop], settings), (f,), start, stop, first))
        else:
            out.append(Partition(_key([_identity(f)], settings), (f,)))
    close_group()
    return out


class _JsonlRange:
    """A byte range of a JSON lines file, read by ``read_jsonl`` as if it were the file: the same
    source name, and blank lines in front so that line numbers (the documents' locators) are the
    file's own (the reader skips blank lines)."""

    def __init__(self, path: str, start: int, stop: int, first_line: int):
        self.path, self.start, self.stop, self.first_line = path, start, stop, first_line

    def __str__(self) -> str:
        return self.path

    def open(self, mode: str = "rb"):
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read() if self.stop < 0 else handle.read(self.stop - self.start)
        return io.BytesIO(b"\n" * (self.first_line - 1) + data)


def read_partition(part: Partition, options: ReadOptions | None = None) -> Iterator[RawDocument | IngestProblem | IngestNote]:
    if part.stop != -1 or part.start or part.first_line != 1:
        yield from read_jsonl(_JsonlRange(part.files[0], part.start, part.stop, part.first_line), options)  # type: ignore[arg-type]
        return
    for f in part.files:
        yield from read_file(Path(f), options)


# -- the per-document stages of one partition, on a worker ---------------------------------------

def _evidence(d: dict | None) -> Evidence | None:
    return Evidence(**d) if d else None


def cleaned_to_json(c: CleanedDocument) -> str:
    return json.dumps(asdict(c), ensure_ascii=False, separators=(",", ":"))


def cleaned_from_json(text: str) -> CleanedDocument:
    d = json.loads(text)
    published = None
    if d["published"]:
        p = d["published"]
        published = PublishedDate(p["year"], p["month"], p["day"], p["weekday"], _evidence(p["evidence"]),
                                  p["method"], _evidence(p.get("weekday_evidence")))
    return CleanedDocument(
        text=d["text"],
        segments=[Segment(**s) for s in d["segments"]],
        removed=[RemovedLine(**r) for r in d["removed"]],
        title=_evidence(d["title"]),
        publisher=_evidence(d["publisher"]),
        published=published,
        flags=[Flag(f["kind"], f["message"], tuple(Evidence(**e) for e in f["evidence"])) for f in d["flags"]],
    )


def _own_date(cleaned: CleanedDocument) -> str | None:
    """The date the store gives the document before any completion from its story."""
    return cleaned.published.iso if cleaned.published is not None and cleaned.published.year is not None else None


_COLUMNS = ("seq", "kind", "source", "locator", "reason", "doc_id", "content_hash", "format", "encoding", "content",
            "meta", "cleaned", "shingles", "sample", "published", "nlp_model", "docbin", "sentences", "mentions",
            "facts", "facts_model", "nlp_problem")


def _where(raw: RawDocument) -> str:
    return f"{raw.source}:{raw.locator}" if raw.locator else raw.source


def process_partition(part: Partition, parts_url: str, options: ReadOptions | None, budget: Budget,
                      nlp: bool) -> dict:
    """Read, clean, fingerprint, parse and extract the facts of one partition's documents and write
    them as ``<parts_url>/<key>.parquet``; a partition already written is skipped. Returns counts and
    CPU seconds (a small dict: the documents go through the Parquet file, not through Dask)."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(parts_url)
    target = f"{root.rstrip('/')}/{part.key}.parquet"
    if fs.exists(target):
        return {"key": part.key, "skipped": True}
    cpu = time.process_time()
    rows: dict[str, list] = {c: [] for c in _COLUMNS}

    def row(**values) -> None:
        values["seq"] = len(rows["seq"])
        for c in _COLUMNS:
            rows[c].append(values.get(c))

    seen: set[str] = set()
    duplicates = 0
    processed: list[pipeline.ProcessedDocument] = []
    index: dict[str, int] = {}  # doc id -> its row
    for item in read_partition(part, options):
        if isinstance(item, IngestProblem):
            row(kind="problem", source=item.source, reason=item.reason)
        elif isinstance(item, IngestNote):
            row(kind="note", source=item.source, reason=item.reason, locator=item.kind)
        elif item.content_hash in seen:
            duplicates += 1
        else:
            seen.add(item.content_hash)
            done = pipeline._safe_process(item, budget)  # the plain run's own guard: same problems, same text
            if isinstance(done, IngestProblem):
                row(kind="problem", source=done.source, reason=done.reason)
                continue
            for flag in done.cleaned.flags:
                if flag.kind in pipeline._RECOVERY_FLAGS:
                    row(kind="note", source=_where(item), reason=flag.message, locator="repaired")
            index[item.id] = len(rows["seq"])
            processed.append(done)
            row(kind="doc", source=item.source, locator=item.locator, doc_id=item.id, content_hash=item.content_hash,
                format=item.format, encoding=item.encoding, content=item.content,
                meta=json.dumps(item.meta, ensure_ascii=False), cleaned=cleaned_to_json(done.cleaned),
                shingles=done.shingles, sample=syndication.to_blob(done.sample), published=_own_date(done.cleaned))
    clean_cpu = time.process_time() - cpu
    nlp_cpu = facts_cpu = 0.0
    model = annotation.load_model()[0] if nlp else None  # loaded by the worker plugin: a cache hit
    name = annotation.model_name(model) if model is not None else None
    for i in range(0, len(processed), _NLP_CHUNK):
        chunk = processed[i:i + _NLP_CHUNK]
        items = [pipeline.WorkItem(d.raw.id, _where(d.raw), d.cleaned.text, _own_date(d.cleaned), None, True)
                 for d in chunk]
        results, n_cpu, f_cpu = pipeline.work_on(items, model is not None, budget)
        nlp_cpu += n_cpu
        facts_cpu += f_cpu
        for r in results:
            at = index[r.doc_id]
            if r.annotation is not None:
                rows["nlp_model"][at] = r.annotation.model
                rows["docbin"][at] = r.annotation.docbin
                rows["sentences"][at] = json.dumps(r.annotation.sentences)
                rows["mentions"][at] = json.dumps([asdict(m) for m in r.annotation.mentions], ensure_ascii=False)
            rows["facts"][at] = r.facts.to_json()
            rows["facts_model"][at] = name if r.parsed else None
            rows["nlp_problem"][at] = r.problem
    table = pa.table({c: rows[c] for c in _COLUMNS}, schema=_schema())
    fs.makedirs(root, exist_ok=True)
    _fault_once(fs, root)
    partial = f"{root.rstrip('/')}/.{part.key}.{uuid.uuid4().hex}.partial"
    with fs.open(partial, "wb") as handle:
        pq.write_table(table, handle, compression="zstd")
    fs.mv(partial, target)  # a rename on a file system; an object store's upload appears whole
    return {"key": part.key, "skipped": False, "documents": len(processed), "duplicates": duplicates, "model": name,
            "cpu": {"read+clean": clean_cpu, "nlp": nlp_cpu, "facts": facts_cpu}}


def _schema():
    import pyarrow as pa

    binary = {"sample", "docbin"}
    ints = {"seq", "shingles"}
    return pa.schema([(c, pa.int64() if c in ints else pa.binary() if c in binary else pa.string()) for c in _COLUMNS])


def _fault_once(fs, root: str) -> None:
    """Tests only: die like a killed worker, mid-partition (a partial file written, not renamed),
    the first time a partition reaches this point while ``$NEWSGRAPH_DASK_FAULT`` names a missing file."""
    marker = os.environ.get(FAULT_ENV)
    if not marker or os.path.exists(marker):
        return
    with open(marker, "w") as handle:
        handle.write(str(os.getpid()))
    with fs.open(f"{root.rstrip('/')}/.fault.{uuid.uuid4().hex}.partial", "wb") as handle:
        handle.write(b"PAR1 half a partition")
    os._exit(9)


# -- the worker plugin: the model, once per worker -----------------------------------------------

try:
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # dask is an optional extra; the plain run never needs it
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class ModelPlugin(_WorkerPlugin):
    """Loads the NLP model and warms the facts stage up when a worker starts (and on every worker
    that joins later), so that tasks find it in the process and never carry it."""

    name = "newsgraph-model"

    def setup(self, worker) -> None:
        try:
            from threadpoolctl import threadpool_limits

            threadpool_limits(1)  # the worker processes are the parallelism
        except Exception:  # noqa: BLE001 - an optional nicety
            pass
        model, _ = annotation.load_model()
        if model is not None:
            pipeline.work_on([pipeline.WorkItem("warm-up", "warm-up", _WARM_UP_TEXT, None, None, True)], True)


_WARM_UP_TEXT = "Karim al-Tarmi, a commander of the Dawn Front, said on Monday that 12 fighters were killed near Velmora."


# -- the driver ----------------------------------------------------------------------------------

def connect(address: str):
    """(client, cluster or None) for ``address``: ``local:N`` starts a LocalCluster of N worker
    processes of one thread each; anything else is a scheduler address (tcp://host:8786)."""
    from distributed import Client, LocalCluster

    if address.startswith("local"):
        _, _, n = address.partition(":")
        try:
            workers = int(n) if n else max(1, os.cpu_count() or 1)
        except ValueError:
            raise ValueError(f"--dask {address!r}: expected local:N with N a number of workers") from None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        return Client(cluster), cluster
    return Client(address, timeout="30s"), None


def model_tag(nlp: bool) -> str | None:
    """The shipped model's name-version, as ``annotate.model_name`` gives it, read without loading it."""
    if not nlp:
        return None
    try:
        from newsgraph import nlp as nlp_module

        meta = json.loads((nlp_module.model_path() / "meta.json").read_text())
        return f"{meta.get('name', 'model')}-{meta.get('version', '0')}"
    except Exception:  # noqa: BLE001 - no model: the run goes on without the NLP stage, as the plain one
        return None


@dataclass
class DaskStats:
    partitions: int = 0
    skipped: int = 0  # partitions a previous run had written
    worker_cpu: dict[str, float] = field(default_factory=dict)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    address: str,
    *,
    parts: str,
    nlp: bool = True,
    options: ReadOptions | None = None,
    budget: Budget = Budget(),
    partition_docs: int = PARTITION_DOCS,
    on_problem: Callable[[IngestProblem], None] | None = None,
    on_note: Callable[[IngestNote], None] | None = None,
    on_stage: pipeline.StageProgressFn | None = None,
    client=None,
) -> tuple[pipeline.IngestReport, DaskStats]:
    """``pipeline.ingest`` with the per-document stages on the Dask cluster at ``address`` (or on
    ``client``), their outputs in Parquet under ``parts`` (a folder or an fsspec URL)."""
    started = time.perf_counter()
    report, stats = pipeline.IngestReport(), DaskStats()
    files: list[Path] = []
    for item in expand(paths):
        if isinstance(item, IngestProblem):
            pipeline._problem(store, report, item, on_problem)
        elif isinstance(item, IngestNote):
            pipeline._note(report, item, on_note)
        else:
            files.append(item)
    report.files = len(files)
    from newsgraph.facts import FACTS_VERSION

    tag = model_tag(nlp)
    settings = {"facts": FACTS_VERSION, "model": tag, "columns": sorted((options or ReadOptions()).columns.items()),
                "date_order": (options or ReadOptions()).date_order, "chars": budget.chars}
    own = None
    if client is None:
        client, own = connect(address)
    try:
        mark = time.perf_counter()
        partitions = plan(files, settings, partition_docs,
                          lambda ps: client.gather(client.map(jsonl_ranges, ps, docs=partition_docs, pure=False)) if ps else [])
        stats.partitions = len(partitions)
        if nlp and tag is not None:
            client.register_plugin(ModelPlugin())
        from distributed import as_completed

        futures = client.map(process_partition, partitions, parts_url=parts, options=options, budget=budget,
                             nlp=nlp and tag is not None, key=[f"newsgraph-partition-{p.key}" for p in partitions])
        if on_stage:
            on_stage("partitions", 0, len(partitions))
        for n, future in enumerate(as_completed(futures), start=1):
            summary = future.result()
            stats.skipped += summary["skipped"]
            report.duplicates += summary.get("duplicates", 0)
            for stage, seconds in summary.get("cpu", {}).items():
                stats.worker_cpu[stage] = stats.worker_cpu.get(stage, 0.0) + seconds
            if on_stage:
                on_stage("partitions", n, len(partitions))
        report.timings["workers"] = time.perf_counter() - mark
    finally:
        if own is not None:
            client.close()
            own.close()
    report.work_seconds.update({k: v for k, v in stats.worker_cpu.items() if k in ("nlp", "facts")})

    mark = time.perf_counter()
    for part in partitions:
        _load_documents(store, _read_part(parts, part.key, ("kind", "source", "locator", "reason", "doc_id",
                        "content_hash", "format", "encoding", "content", "meta", "cleaned", "shingles", "sample")),
                        report, on_problem, on_note)
    report.timings["load"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pipeline.finalize(store, report)
    report.timings["syndication+dates"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pending = dict(store.pending_documents(tag, FACTS_VERSION))
    if pending:
        _load_facts(store, parts, partitions, pending, tag, report)
    # what the partitions could not give (a date completed from the story, a document stored by an
    # earlier run under another model) is done here, as the plain run does it
    if store.pending_documents(tag, FACTS_VERSION):
        pipeline.process_stored(store, report, nlp=nlp, workers=1, on_stage=on_stage, on_problem=on_problem, budget=budget)
    report.timings["facts load"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pipeline.resolve_corpus(store, report)
    report.timings["resolution"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - started
    return report, stats


def _read_part(parts: str, key: str, columns: tuple[str, ...]) -> list[dict]:
    import fsspec
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(parts)
    with fs.open(f"{root.rstrip('/')}/{key}.parquet", "rb") as handle:
        return pq.read_table(handle, columns=list(columns)).to_pylist()


def _load_documents(store: Store, rows: list[dict], report: pipeline.IngestReport, on_problem, on_note) -> None:
    docs = [r for r in rows if r["kind"] == "doc"]
    known = store.known_hashes(r["content_hash"] for r in docs)
    for r in rows:
        if r["kind"] == "problem":
            pipeline._problem(store, report, IngestProblem(r["source"], r["reason"]), on_problem)
        elif r["kind"] == "note":
            pipeline._note(report, IngestNote(r["source"], r["reason"], r["locator"]), on_note)
    report.read += len(docs)
    fresh = []
    for r in docs:
        if r["content_hash"] in known:
            report.already_stored += 1
        else:
            known.add(r["content_hash"])
            fresh.append(r)
    with store.batch():
        for r in fresh:
            raw = RawDocument(r["source"], r["locator"] or "", r["format"], r["content"], json.loads(r["meta"]), r["encoding"])
            doc_id = store.add_document(raw, cleaned_from_json(r["cleaned"]))
            store.add_fingerprint(doc_id, r["shingles"], r["sample"])
    report.added += len(fresh)


_FACT_COLUMNS = ("doc_id", "published", "nlp_model", "docbin", "sentences", "mentions", "facts", "facts_model",
                 "source", "locator")


def _load_facts(store: Store, parts: str, partitions: list[Partition], pending: dict[str, bool],
                model: str | None, report: pipeline.IngestReport, batch: int = 200) -> None:
    """The partitions' parses and facts of the documents still pending, stored in document id order
    as the plain run stores them (the order numbers quotes): staged in a scratch SQLite file on
    disk, so that memory does not grow with the corpus."""
    import sqlite3
    import tempfile

    from newsgraph.annotate import Annotation, Mention
    from newsgraph.facts import FACTS_VERSION, DocumentFacts

    published = {r[0]: r[1] for r in store.query("SELECT id, published FROM documents")}
    with tempfile.TemporaryDirectory(prefix="newsgraph-facts-") as scratch:
        stage = sqlite3.connect(Path(scratch) / "stage.db")
        stage.execute(f"CREATE TABLE staged ({', '.join(c + (' PRIMARY KEY' if c == 'doc_id' else '') for c in _FACT_COLUMNS)})")
        for part in partitions:
            rows = [r for r in _read_part(parts, part.key, ("kind",) + _FACT_COLUMNS)
                    if r["kind"] == "doc" and r["doc_id"] in pending and r["facts"] is not None]
            stage.executemany(f"INSERT OR IGNORE INTO staged VALUES ({','.join('?' * len(_FACT_COLUMNS))})",
                              [tuple(r[c] for c in _FACT_COLUMNS) for r in rows])
        stage.commit()
        cursor = stage.execute(f"SELECT {', '.join(_FACT_COLUMNS)} FROM staged ORDER BY doc_id")
        while rows := [dict(zip(_FACT_COLUMNS, r)) for r in cursor.fetchmany(batch)]:
            with store.batch():
                for r in rows:
                    doc_id = r["doc_id"]
                    has_parse = r["docbin"] is not None and r["nlp_model"] == model
                    if pending[doc_id] and model is not None and not has_parse:
                        continue  # the model failed on it in the partition: process_stored tries again and reports it
                    if has_parse and pending[doc_id]:
                        store.add_annotation(doc_id, Annotation(
                            r["nlp_model"], r["docbin"], [tuple(s) for s in json.loads(r["sentences"])],
                            [Mention(**m) for m in json.loads(r["mentions"])]))
                        report.annotated += 1
                    if published.get(doc_id) != r["published"]:
                        continue  # its date was completed from its story: its facts are redone with that date
                    facts = DocumentFacts.from_json(r["facts"])
                    store.add_facts(doc_id, FACTS_VERSION, r["facts_model"], facts)
                    report.analysed += 1
                    where = f"{r['source']}:{r['locator']}" if r["locator"] else r["source"]
                    report.fact_problems.extend(f"{where}: {p}" for p in facts.problems)
        stage.close()
