"""The ingest run: read -> per-document stages (pure, mappable) -> store in batches -> cross-document stages.

``process_document`` is the per-document map step: a pure function of one RawDocument, so a
distributed engine can run it anywhere. Everything that needs the whole corpus (syndication, date
completion, later entity resolution) reads the compact per-document outputs back from the store in
``finalize``, which is idempotent: a run killed at any point is completed by running it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsgraph import annotate as annotation
from newsgraph import clean as cleaning
from newsgraph import syndication
from newsgraph.ingest.readers import expand, read_file
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


def _safe_process(raw: RawDocument) -> ProcessedDocument | IngestProblem:
    # One pathological article must not end the run: it is reported like any other bad input.
    try:
        return process_document(raw)
    except Exception as exc:  # noqa: BLE001 - the message names the file and the cause
        where = f"{raw.source}:{raw.locator}" if raw.locator else raw.source
        return IngestProblem(where, f"processing failed ({exc.__class__.__name__}: {exc})")


ProgressFn = Callable[[int, int, str], None]  # (files done, files total, current file)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = 200,
    workers: int = 1,
    on_progress: ProgressFn | None = None,
    on_problem: Callable[[IngestProblem], None] | None = None,
    nlp: bool = True,
) -> IngestReport:
    """Read every source, store new documents batch by batch, then run the cross-document stages.

    With ``nlp`` (the default) the shipped model annotates every stored document it has not
    annotated yet, batch by batch, so an interrupted run resumes where it stopped.
    """
    started = time.perf_counter()
    report = IngestReport()
    files: list[Path] = []
    for item in expand(paths):
        if isinstance(item, IngestProblem):
            _problem(store, report, item, on_problem)
        else:
            files.append(item)
    report.files = len(files)

    seen_in_run: set[str] = set()
    pending: list[RawDocument] = []
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        for done, path in enumerate(files, start=1):
            for item in read_file(path):
                if isinstance(item, IngestProblem):
                    _problem(store, report, item, on_problem)
                    continue
                report.read += 1
                if item.content_hash in seen_in_run:
                    report.duplicates += 1
                    continue
                seen_in_run.add(item.content_hash)
                pending.append(item)
                if len(pending) >= batch_size:
                    _store_batch(store, pending, report, pool, on_problem)
                    pending = []
            if on_progress:
                on_progress(done, len(files), str(path))
        if pending:
            _store_batch(store, pending, report, pool, on_problem)
    finally:
        if pool:
            pool.shutdown()
    finalize(store, report)
    if nlp:
        annotate_stored(store, report, batch_size=batch_size)
    else:
        report.nlp_skipped = "switched off"
    analyse_stored(store, report, batch_size=batch_size, use_model=nlp)
    resolve_corpus(store, report)
    report.seconds = time.perf_counter() - started
    return report


def _problem(store: Store, report: IngestReport, problem: IngestProblem, on_problem) -> None:
    report.problems.append(problem)
    with store.batch():
        store.add_problem(problem.source, problem.reason)
    if on_problem:
        on_problem(problem)


def _store_batch(store: Store, raws: list[RawDocument], report: IngestReport, pool, on_problem) -> None:
    known = store.known_hashes(r.content_hash for r in raws)
    report.already_stored += sum(1 for r in raws if r.content_hash in known)
    new = [r for r in raws if r.content_hash not in known]
    if not new:
        return
    results: Iterator[ProcessedDocument | IngestProblem]
    results = pool.map(_safe_process, new, chunksize=16) if pool else map(_safe_process, new)
    processed = []
    for result in results:
        if isinstance(result, IngestProblem):
            _problem(store, report, result, on_problem)
        else:
            processed.append(result)
    with store.batch():
        for doc in processed:
            doc_id = store.add_document(doc.raw, doc.cleaned)
            store.add_fingerprint(doc_id, doc.shingles, syndication.to_blob(doc.sample))
    report.added += len(processed)


def annotate_stored(store: Store, report: IngestReport, batch_size: int = 200) -> None:
    """The NLP stage over every document the current model has not annotated, one transaction a batch."""
    model, why = annotation.load_model()
    if model is None:
        report.nlp_skipped = why
        return
    pending = store.unannotated(annotation.model_name(model))
    for i in range(0, len(pending), batch_size):
        chunk = pending[i : i + batch_size]
        results = annotation.annotate(model, [text for _, text in chunk])
        with store.batch():
            for (doc_id, _), result in zip(chunk, results):
                store.add_annotation(doc_id, result)
        report.annotated += len(chunk)


def _published(value: str | None):
    from datetime import date

    if not value or len(value) != 10:  # a month or a year is no anchor for "on Sunday"
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _analyse_chunk(chunk, use_model: bool):
    """Facts of a chunk of stored documents: (doc id, facts). Parses from the stored DocBin."""
    from newsgraph.facts import extract_facts

    model = None
    if use_model:
        model, _ = annotation.load_model()
    docs = [None] * len(chunk)
    if model is not None:
        from spacy.tokens import DocBin

        for k, (_, _, _, blob) in enumerate(chunk):
            if blob is not None:
                docs[k] = next(iter(DocBin().from_bytes(blob).get_docs(model.vocab)))
    return [(doc_id, extract_facts(text, docs[k], _published(published)))
            for k, (doc_id, text, published, _) in enumerate(chunk)]


def analyse_stored(store: Store, report: IngestReport, batch_size: int = 200, use_model: bool = True) -> None:
    """The facts stage over every document whose facts are missing or stale, a transaction a batch."""
    from newsgraph.facts import FACTS_VERSION

    model_name = None
    if use_model:
        model, _ = annotation.load_model()
        model_name = annotation.model_name(model) if model is not None else None
    pending = store.needing_facts(FACTS_VERSION)
    if model_name is not None:
        pending = [p for p in pending if p[3] is not None] + [p for p in pending if p[3] is None]
    for i in range(0, len(pending), batch_size):
        chunk = pending[i : i + batch_size]
        results = _analyse_chunk(chunk, use_model and model_name is not None)
        parsed = {doc_id for doc_id, _, _, blob in chunk if blob is not None}
        with store.batch():
            for doc_id, facts in results:
                store.add_facts(doc_id, FACTS_VERSION, model_name if doc_id in parsed else None, facts)
                report.fact_problems.extend(f"{doc_id}: {p}" for p in facts.problems)
        report.analysed += len(chunk)


def resolve_corpus(store: Store, report: IngestReport | None = None) -> None:
    """Cross-document facts: entities, relations, events, contradictions (rebuilt as a whole)."""
    from newsgraph import aggregate, contradictions
    from newsgraph.entities.corpus import resolve_entities
    from newsgraph.facts import DocumentFacts

    docs = [aggregate.StoredDoc(doc_id, story, published, DocumentFacts.from_json(data))
            for doc_id, story, published, data in store.all_facts()]
    entities, entity_of, extra = resolve_entities(docs, store.overrides())
    relation_rows = aggregate.relations(docs, entity_of)
    event_rows, event_groups = aggregate.events(docs, entity_of)
    conflicts = (contradictions.event_conflicts(event_rows, event_groups)
                 + contradictions.relation_conflicts(relation_rows, {d.doc_id: d.story for d in docs})
                 + contradictions.claim_conflicts(docs, entity_of))
    with store.batch():
        store.replace_entities(entities, entity_of, extra)
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
