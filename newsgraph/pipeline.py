"""The ingest run: read -> per-document stages (pure, mappable) -> store in batches -> cross-document stages.

    read -> clean + fingerprint (``process_document``) -> store       a transaction per batch
         -> finalize: stories, date completion                       over the whole store
         -> NLP + facts (``work_on``) -> store                       a transaction per chunk
         -> resolve_corpus: entities, relations, events, contradictions

``process_document`` and ``work_on`` are the per-document map steps: pure functions of their input,
so they run in worker processes (``workers``; 1 runs them in this process) and a distributed engine
could run them anywhere. The NLP and facts stages run together, a chunk of documents per task, in
workers that load the model once (forked from this process where the platform allows, so they share
it); this process only stores what they return. Everything that needs the whole corpus reads the
compact per-document outputs back from the store, and every stage picks up what the store lacks: a
run killed at any point is completed by running it again.
"""

from __future__ import annotations

import dataclasses

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsgraph import annotate as annotation
from newsgraph import clean as cleaning
from newsgraph import syndication
from newsgraph.ingest.budget import Budget, OverBudget, time_limit
from newsgraph.ingest.readers import IngestNote, ReadOptions, expand, read_file
from newsgraph.store import Store
from newsgraph.types import CleanedDocument, IngestProblem, RawDocument


@dataclass(slots=True)
class ProcessedDocument:
    """Everything the per-document stages produce for one article."""

    raw: RawDocument
    cleaned: CleanedDocument
    shingles: int
    sample: np.ndarray


@dataclass
class IngestReport:
    files: int = 0
    read: int = 0  # documents read from the sources
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0  # identical documents met twice within this run
    problems: list[IngestProblem] = field(default_factory=list)
    notes: list[IngestNote] = field(default_factory=list)  # files not read, repairs, dates left unread
    annotated: int = 0  # documents the NLP stage ran on
    analysed: int = 0  # documents the facts stage ran on
    fact_problems: list[str] = field(default_factory=list)  # "doc: stage: error" from the facts stage
    entities: int = 0
    relations: int = 0
    events: int = 0
    quotes: int = 0
    contradictions: int = 0
    nlp_skipped: str | None = None  # why the NLP stage did not run
    documents: int = 0  # in the store after the run
    stories: int = 0
    syndicated: int = 0  # documents that share their story with another document
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # wall-clock seconds of each stage of the run
    work_seconds: dict[str, float] = field(default_factory=dict)  # seconds spent in nlp / facts, summed over processes

    @property
    def failed(self) -> bool:
        return bool(self.problems)


class ProcessingError(RuntimeError):
    pass


def process_document(raw: RawDocument) -> ProcessedDocument:
    """The per-document map step: raw -> cleaned text and metadata -> syndication fingerprint."""
    cleaned = cleaning.clean(raw)
    shingles, sample = syndication.fingerprint(cleaned.text)
    return ProcessedDocument(raw, cleaned, shingles, sample)


def _safe_process(raw: RawDocument, budget: Budget = Budget()) -> ProcessedDocument | IngestProblem:
    # One pathological article must not end the run: it is reported like any other bad input.
    where = f"{raw.source}:{raw.locator}" if raw.locator else raw.source
    if budget.chars and len(raw.content) > 20 * budget.chars:  # even the markup of a huge page is less
        return IngestProblem(where, f"over the size budget: {len(raw.content):,} characters to clean "
                                    f"(limit {20 * budget.chars:,}); skipped")
    try:
        with time_limit(budget.seconds, "cleaning"):
            done = process_document(raw)
    except OverBudget as exc:
        return IngestProblem(where, f"{exc}; skipped")
    except Exception as exc:  # noqa: BLE001 - the message names the file and the cause (RecursionError too)
        return IngestProblem(where, f"processing failed ({exc.__class__.__name__}: {exc})")
    if not done.cleaned.text.strip():
        why = next((f.message for f in done.cleaned.flags if f.kind == "no-main-text"), "every line was judged boilerplate")
        return IngestProblem(where, f"no article text ({why}); not stored")
    if budget.chars and len(done.cleaned.text) > budget.chars:
        return IngestProblem(where, f"over the size budget: {len(done.cleaned.text):,} characters of text "
                                    f"(limit {budget.chars:,}); skipped")
    return done


ProgressFn = Callable[[int, int, str], None]  # (files done, files total, current file)
StageProgressFn = Callable[[str, int, int], None]  # (stage, documents done, documents total)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = 200,
    workers: int = 1,
    on_progress: ProgressFn | None = None,
    on_problem: Callable[[IngestProblem], None] | None = None,
    nlp: bool = True,
    on_stage: StageProgressFn | None = None,
    options: ReadOptions | None = None,
    budget: Budget = Budget(),
    on_note: Callable[[IngestNote], None] | None = None,
) -> IngestReport:
    """Read every source, store new documents batch by batch, then run the cross-document stages.

    With ``nlp`` (the default) the shipped model annotates every stored document it has not
    annotated yet, and the facts stage runs on every document whose facts are missing or stale, a
    few documents a transaction, so an interrupted run resumes where it stopped. ``workers`` is the
    number of processes for the per-document stages (cleaning, NLP and facts); 1 runs them in this
    process. ``on_stage(stage, done, total)`` reports the progress of the NLP and facts stage in
    documents. ``options`` say how to read CSV columns and numeric dates; ``budget`` bounds the text
    and the seconds of each document (one over it is reported and skipped); ``on_note`` hears of
    what the run did not read or repaired, which loses nothing stored.
    """
    started = time.perf_counter()
    report = IngestReport()
    files: list[Path] = []
    for item in expand(paths):
        if isinstance(item, IngestProblem):
            _problem(store, report, item, on_problem)
        elif isinstance(item, IngestNote):
            _note(report, item, on_note)
        else:
            files.append(item)
    report.files = len(files)

    seen_in_run: set[str] = set()
    pending: list[RawDocument] = []
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        for done, path in enumerate(files, start=1):
            for item in read_file(path, options):
                if isinstance(item, IngestProblem):
                    _problem(store, report, item, on_problem)
                    continue
                if isinstance(item, IngestNote):
                    _note(report, item, on_note)
                    continue
                report.read += 1
                if item.content_hash in seen_in_run:
                    report.duplicates += 1
                    continue
                seen_in_run.add(item.content_hash)
                pending.append(item)
                if len(pending) >= batch_size:
                    _store_batch(store, pending, report, pool, on_problem, budget, on_note)
                    pending = []
            if on_progress:
                on_progress(done, len(files), str(path))
        if pending:
            _store_batch(store, pending, report, pool, on_problem, budget, on_note)
    finally:
        if pool:
            pool.shutdown()
    report.timings["read+clean+store"] = time.perf_counter() - started
    mark = time.perf_counter()
    finalize(store, report)
    report.timings["syndication+dates"] = time.perf_counter() - mark
    mark = time.perf_counter()
    process_stored(store, report, nlp=nlp, workers=workers, on_stage=on_stage, on_problem=on_problem, budget=budget)
    report.timings["nlp+facts"] = time.perf_counter() - mark - report.timings.get("model load", 0.0)
    mark = time.perf_counter()
    resolve_corpus(store, report)
    report.timings["resolution"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - started
    return report


def _problem(store: Store, report: IngestReport, problem: IngestProblem, on_problem) -> None:
    report.problems.append(problem)
    with store.batch():
        store.add_problem(problem.source, problem.reason)
    if on_problem:
        on_problem(problem)


def _note(report: IngestReport, note: IngestNote, on_note) -> None:
    report.notes.append(note)
    if on_note:
        on_note(note)


# flags of the cleaner that say the text was recovered from input it could not read the usual way
_RECOVERY_FLAGS = ("fallback-extraction",)


def _store_batch(store: Store, raws: list[RawDocument], report: IngestReport, pool, on_problem,
                 budget: Budget = Budget(), on_note=None) -> None:
    known = store.known_hashes(r.content_hash for r in raws)
    report.already_stored += sum(1 for r in raws if r.content_hash in known)
    new = [r for r in raws if r.content_hash not in known]
    if not new:
        return
    results: Iterator[ProcessedDocument | IngestProblem]
    results = (pool.map(_safe_process, new, [budget] * len(new), chunksize=16) if pool
               else map(_safe_process, new, [budget] * len(new)))
    processed = []
    for result in results:
        if isinstance(result, IngestProblem):
            _problem(store, report, result, on_problem)
        else:
            processed.append(result)
            for flag in result.cleaned.flags:
                if flag.kind in _RECOVERY_FLAGS:
                    raw = result.raw
                    _note(report, IngestNote(f"{raw.source}:{raw.locator}" if raw.locator else raw.source,
                                             flag.message, "repaired"), on_note)
    try:
        with store.batch():
            for doc in processed:
                _add(store, doc)
    except (sqlite3.Error, ValueError, UnicodeError):
        # the store refused one document (a value SQLite cannot hold): the batch is rolled back, so
        # store them one at a time and name the one refused
        kept = []
        for doc in processed:
            try:
                with store.batch():
                    _add(store, doc)
            except (sqlite3.Error, ValueError, UnicodeError) as exc:
                where = f"{doc.raw.source}:{doc.raw.locator}" if doc.raw.locator else doc.raw.source
                _problem(store, report, IngestProblem(where, f"not stored ({type(exc).__name__}: {exc})"), on_problem)
            else:
                kept.append(doc)
        processed = kept
    report.added += len(processed)


def _add(store: Store, doc: ProcessedDocument) -> None:
    doc_id = store.add_document(doc.raw, doc.cleaned)
    store.add_fingerprint(doc_id, doc.shingles, syndication.to_blob(doc.sample))


def _published(value: str | None):
    from datetime import date

    if not value or len(value) != 10:  # a month or a year is no anchor for "on Sunday"
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# -- the NLP and facts stages, per document, in worker processes ------------------------------------

CHUNK = 16  # documents per task: enough for nlp.pipe to batch, small enough to balance two workers


@dataclass(slots=True)
class WorkItem:
    doc_id: str
    where: str  # source[:locator], for messages
    text: str
    published: str | None
    docbin: bytes | None  # the stored parse, when the document needs no new one
    needs_nlp: bool


@dataclass(slots=True)
class WorkResult:
    doc_id: str
    where: str
    annotation: annotation.Annotation | None  # a new parse, to store
    facts: object  # DocumentFacts
    parsed: bool  # the facts were extracted from the model's parse
    problem: str | None = None  # why the NLP stage failed on this document


def _doc_of(model, blob: bytes):
    from spacy.tokens import DocBin

    return next(iter(DocBin().from_bytes(blob).get_docs(model.vocab)))


def work_on(items: list[WorkItem], use_model: bool, budget: Budget = Budget()) -> tuple[list[WorkResult], float, float]:
    """The per-document stages of a few stored documents: the NLP model where its parse is missing,
    then the facts stage. A pure function of its input (it never touches the store), run in a worker
    process or in this one. Returns the results and the CPU seconds spent in NLP and in facts.

    The facts stage always reads the parse back from its DocBin, as a later run reading the store
    would, so the facts do not depend on whether the parse is new. Each document has ``budget.seconds``
    for its parse and as many for its facts; one over it gets no parse, or no facts, and a problem.
    """
    from newsgraph.facts import DocumentFacts, extract_facts

    model = annotation.load_model()[0] if use_model else None
    _warm_up(model)
    started = time.process_time()
    parses: dict[str, annotation.Annotation] = {}
    failed: dict[str, str] = {}
    todo = [it for it in items if it.needs_nlp] if model is not None else []
    if todo:
        try:
            with time_limit(budget.seconds * len(todo), "the NLP of a batch"):
                parses = dict(zip((it.doc_id for it in todo), annotation.annotate(model, [it.text for it in todo])))
        except (Exception, OverBudget):  # noqa: BLE001 - one document spoilt the batch: parse them one by one
            parses = {}
            for it in todo:
                try:
                    with time_limit(budget.seconds, "the NLP model"):
                        parses[it.doc_id] = annotation.annotate(model, [it.text])[0]
                except (Exception, OverBudget) as exc:  # noqa: BLE001 - reported with the document's name
                    failed[it.doc_id] = str(exc) if isinstance(exc, OverBudget) else f"{type(exc).__name__}: {exc}"
    nlp_seconds = time.process_time() - started
    results = []
    for it in items:
        blob = None
        if model is not None:
            blob = parses[it.doc_id].docbin if it.doc_id in parses else None if it.needs_nlp else it.docbin
        doc = None
        trouble = None
        if blob is not None:
            try:
                doc = _doc_of(model, blob)
            except Exception as exc:  # noqa: BLE001 - an unreadable parse costs this document its parse
                trouble = f"parse: {type(exc).__name__}: {exc}"
        try:
            with time_limit(budget.seconds, "the facts stage"):
                facts = extract_facts(it.text, doc, _published(it.published))
        except OverBudget as exc:
            facts = DocumentFacts(problems=[f"facts: {exc}"])
        except Exception as exc:  # noqa: BLE001 - the stage guards its parts; this is a last resort
            facts = DocumentFacts(problems=[f"facts: {type(exc).__name__}: {exc}"])
        if trouble:
            facts.problems.append(trouble)
        results.append(WorkResult(it.doc_id, it.where, parses.get(it.doc_id), facts, doc is not None, failed.get(it.doc_id)))
    return results, nlp_seconds, time.process_time() - started - nlp_seconds


_WARM: set[str] = set()
_WARM_UP_TEXT = "Karim al-Tarmi, a commander of the Dawn Front, said on Monday that 12 fighters were killed near Velmora."


def _warm_up(model) -> None:
    """Run the facts stage once, outside any time budget, on a short text of our own: the stages load
    their lexicons, gazetteer and models on first use, once per process, and that one-time cost must
    not be charged to (and cut short in) the first document's budget."""
    key = annotation.model_name(model) if model is not None else "-"
    if key in _WARM:
        return
    from newsgraph.facts import extract_facts

    try:
        doc = _doc_of(model, annotation.annotate(model, [_WARM_UP_TEXT])[0].docbin) if model is not None else None
        extract_facts(_WARM_UP_TEXT, doc, None)
    except Exception:  # noqa: BLE001 - a stage that fails here fails on the documents too, and is reported there
        pass
    _WARM.add(key)


def _worker_init(use_model: bool) -> None:
    """A worker process of the per-document stages: Ctrl-C is the parent's to handle, one BLAS
    thread per process (the processes are the parallelism), the model loaded once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _BLAS_LIMIT
    try:
        from threadpoolctl import threadpool_limits

        _BLAS_LIMIT = threadpool_limits(1)
    except Exception:  # noqa: BLE001 - an optional nicety
        pass
    import sys

    if "torch" in sys.modules:
        try:
            sys.modules["torch"].set_num_threads(1)
        except Exception:  # noqa: BLE001
            pass
    if use_model:
        annotation.load_model()


_BLAS_LIMIT = None


class _Inline:
    """An executor that runs each task at once in this process (workers=1)."""

    def submit(self, fn, *args):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 - delivered through the future, as a pool would
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _new_pool(workers: int, use_model: bool):
    if workers <= 1:
        return _Inline()
    import multiprocessing

    # fork shares the loaded model and the imported code with the workers; spawn loads them again
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_init, initargs=(use_model,))


def _kill_pool(pool) -> None:
    """Stop a pool at once (an interrupted run): pending tasks are dropped, workers terminated."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(timeout=5)


def _chunks(ids: list[str], chunk: int, workers: int) -> list[list[str]]:
    """Tasks of ``chunk`` documents, smaller towards the end so that the workers finish together."""
    out = []
    i = 0
    while i < len(ids):
        size = chunk if workers <= 1 else max(min(4, chunk), min(chunk, -(-(len(ids) - i) // (3 * workers))))
        out.append(ids[i : i + size])
        i += size
    return out


def process_stored(
    store: Store,
    report: IngestReport,
    *,
    nlp: bool = True,
    workers: int = 1,
    on_stage: StageProgressFn | None = None,
    on_problem: Callable[[IngestProblem], None] | None = None,
    chunk: int = CHUNK,
    budget: Budget = Budget(),
) -> None:
    """The NLP and facts stages over every stored document that needs either: the model's parse
    where it is missing or from another model, then facts where they are missing or stale.

    Documents go to ``workers`` processes (1: this process) a ``chunk`` at a time, and each
    chunk's results are stored in one transaction, in document order: an interrupted run keeps what
    it stored and the next run does the rest. A document the model fails on is reported (naming its
    source) and gets its facts without the parse; a document that kills its worker process is
    reported and left for the next run, and the documents it shared the worker with are redone. A
    task a worker holds longer than its documents' time budget allows is treated the same way: the
    worker is stopped (native code may not see the budget's timer) and the document over budget is
    reported and left.
    """
    from concurrent.futures.process import BrokenProcessPool

    from newsgraph.facts import FACTS_VERSION

    model_name = None
    if nlp:
        mark = time.perf_counter()
        model, why = annotation.load_model()
        report.timings["model load"] = report.timings.get("model load", 0.0) + time.perf_counter() - mark
        if model is None:
            report.nlp_skipped = why
        else:
            model_name = annotation.model_name(model)
    else:
        report.nlp_skipped = "switched off"
    use_model = model_name is not None
    pending = store.pending_documents(model_name, FACTS_VERSION)
    if not pending:
        return
    needs_nlp = dict(pending)
    ids = [doc_id for doc_id, _ in pending]
    chunks = _chunks(ids, chunk, workers)
    done = 0
    if on_stage:
        on_stage("nlp+facts", 0, len(ids))

    def items_of(doc_ids: list[str]) -> list[WorkItem]:
        return [WorkItem(d, where, text, published, blob, needs_nlp[d])
                for d, where, text, published, blob in store.work_items(doc_ids)]

    def keep(outcome) -> None:
        nonlocal done
        results, nlp_seconds, facts_seconds = outcome
        with store.batch():
            for r in results:
                if r.annotation is not None:
                    store.add_annotation(r.doc_id, r.annotation)
                store.add_facts(r.doc_id, FACTS_VERSION, model_name if r.parsed else None, r.facts)
                report.fact_problems.extend(f"{r.where}: {p}" for p in r.facts.problems)
        report.annotated += sum(1 for r in results if r.annotation is not None)
        report.analysed += len(results)
        report.work_seconds["nlp"] = report.work_seconds.get("nlp", 0.0) + nlp_seconds
        report.work_seconds["facts"] = report.work_seconds.get("facts", 0.0) + facts_seconds
        for r in results:
            if r.problem:
                _problem(store, report, IngestProblem(
                    r.where, f"NLP failed ({r.problem}); facts stored without the parse, the next run tries again"),
                    on_problem)
        done += len(results)
        if on_stage:
            on_stage("nlp+facts", done, len(ids))

    pool = _new_pool(workers, use_model)
    lost: list[str] = []  # documents of tasks that died with a worker, redone one at a time
    try:
        queue = list(reversed(chunks))
        inflight: list = []
        while queue or inflight:
            while queue and len(inflight) < 2 * max(workers, 1):
                doc_ids = queue.pop()
                inflight.append((pool.submit(work_on, items_of(doc_ids), use_model, budget), doc_ids))
            future, doc_ids = inflight.pop(0)
            try:
                outcome = future.result(timeout=_hard(budget, doc_ids, workers))
            except (BrokenProcessPool, TimeoutError):
                # a worker died (killed, out of memory, a crash in native code): every task in
                # flight is lost with it; which document did it is found out one at a time below
                lost += doc_ids
                for _, other in inflight:
                    lost += other
                inflight = []
                _kill_pool(pool)
                pool = _new_pool(workers, use_model)
                continue
            except Exception:  # noqa: BLE001 - the task failed as a whole: redo its documents singly
                lost += doc_ids
                continue
            keep(outcome)
        for doc_id in sorted(lost):
            items = items_of([doc_id])
            if not items:
                continue
            try:
                outcome = pool.submit(work_on, items, use_model, budget).result(timeout=_hard(budget, [doc_id], workers))
            except TimeoutError:
                reason = (f"over the time budget: the NLP and facts worker held this document more than "
                          f"{_hard(budget, [doc_id], workers):g} s and was stopped; the next run tries again")
                _kill_pool(pool)
                pool = _new_pool(workers, use_model)
            except BrokenProcessPool as exc:
                reason = f"the NLP and facts worker died on this document ({exc}); the next run tries again"
                _kill_pool(pool)
                pool = _new_pool(workers, use_model)
            except Exception as exc:  # noqa: BLE001
                reason = f"NLP and facts failed ({type(exc).__name__}: {exc}); the next run tries again"
            else:
                keep(outcome)
                continue
            _problem(store, report, IngestProblem(items[0].where, reason), on_problem)
            done += 1
            if on_stage:
                on_stage("nlp+facts", done, len(ids))
    except BaseException:
        _kill_pool(pool)
        raise
    pool.shutdown(wait=True)


def _hard(budget: Budget, doc_ids: list[str], workers: int) -> float | None:
    """How long to wait for a worker's task before stopping it (None: no limit, or no worker to stop)."""
    return budget.hard_seconds(len(doc_ids)) if workers > 1 and budget.seconds else None


def resolve_corpus(store: Store, report: IngestReport | None = None) -> None:
    """Cross-document facts: entities, relations, events, contradictions (rebuilt as a whole)."""
    from newsgraph import aggregate, contradictions
    from newsgraph.entities import recall
    from newsgraph.entities.corpus import resolve_entities
    from newsgraph.facts import DocumentFacts

    every = frozenset(f.name for f in dataclasses.fields(DocumentFacts))

    def each_doc(keep: frozenset[str]) -> Iterator[aggregate.StoredDoc]:
        skip = every - keep
        for doc_id, story, published, data in store.all_facts():
            yield aggregate.StoredDoc(doc_id, story, published, DocumentFacts.from_json(data, skip=skip))

    # passes over the stored facts, each reading only the fields its stage reads, one document at
    # a time: entity resolution keeps only compact local records, the claims, relations and events
    # keep their own mentions (with the id, story and date of their document), never a document's
    # facts, so no stage holds the corpus's facts at once
    entities, entity_of, extra = resolve_entities(each_doc, store.overrides())
    # the names the corpus now knows, where the model missed them in a document or glued them
    recalled = recall.recall_mentions(entities, store.texts_with_mentions(), entity_of)
    story_of: dict[str, str] = {}

    def with_story(docs: Iterable[aggregate.StoredDoc]) -> Iterator[aggregate.StoredDoc]:
        for d in docs:
            story_of[d.doc_id] = d.story
            yield d

    claim_conflicts = contradictions.claim_conflicts(with_story(each_doc(frozenset({"mentions", "claims"}))), entity_of)
    relation_rows = aggregate.relations(each_doc(frozenset({"relations"})), entity_of)
    event_rows, event_groups = aggregate.events(each_doc(frozenset({"events"})), entity_of,
                                                 aggregate.settlement_points(entities),
                                                 aggregate.coarse_places(entities), aggregate.crowded_places(entities),
                                                 aggregate.places_below_country(entities))
    conflicts = (contradictions.event_conflicts(event_rows, event_groups, {e.id: e.name for e in entities})
                 + contradictions.relation_conflicts(relation_rows, story_of)
                 + claim_conflicts)
    with store.batch():
        store.replace_entities(entities, entity_of, extra)
        store.replace_recalled_mentions(recalled)
        store.replace_facts_of("relation", relation_rows)
        store.replace_facts_of("event", event_rows)
        store.replace_facts_of("contradiction", conflicts)
    if report is not None:
        report.entities = len(entities)
        report.relations = len(relation_rows)
        report.events = len(event_rows)
        report.quotes = store.count("quotes")
        report.contradictions = len(conflicts)


def finalize(store: Store, report: IngestReport | None = None) -> None:
    """Cross-document stages over the whole store: stories, then publication-date completion."""
    fps = [(doc_id, n, syndication.from_blob(blob), words) for doc_id, n, blob, words in store.fingerprints()]
    stories = syndication.group_stories(fps)
    story_of = {doc: sid for sid, (_, members) in stories.items() for doc in members}
    completed = cleaning.complete_dates(store.partial_dates(), story_of)
    with store.batch():
        store.set_stories(stories)
        for doc_id, (date, flags) in completed.items():
            store.set_published(doc_id, date)
            store.replace_flags(doc_id, "dates", flags)
    if report is not None:
        report.documents = store.count("documents")
        report.stories = len(stories)
        report.syndicated = sum(len(m) for _, m in stories.values() if len(m) > 1)
