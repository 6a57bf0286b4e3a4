"""The one module that talks to storage: a single SQLite file in WAL mode.

Every write goes through a transaction (``with store.batch():``), so a killed run keeps exactly what
it had committed and a re-run adds the rest without duplicates (documents are keyed by content hash).
The schema already holds what the later stages fill: sentences, mentions, entities, aliases,
relations, events, quotes, contradictions, and evidence spans as (document, start, end) in cleaned
text, which ``segments`` map back to raw-text offsets.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsgraph.types import CleanedDocument, Evidence, Flag, PublishedDate, RawDocument

# The shape of the tables. A store records the version that wrote it (meta.schema_version); a store
# of an older version is opened only after `newsgraph migrate` (which says what it changes), one of a
# newer version not at all: this code cannot know what the newer tables mean.
SCHEMA_VERSION = 2

# Tables version 1 had in another shape; they are derived data, so the migration drops them (and the
# NLP output, which the next run recomputes) rather than converting them.
_DERIVED_TABLES = ("mentions", "entities", "aliases", "relations", "events", "event_actors", "quotes",
                   "contradictions", "evidence", "nlp_docs", "sentences")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,                -- first 16 hex of the content hash
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,               -- file name or URL as given
    locator TEXT NOT NULL DEFAULT '',   -- line of a JSONL file, WARC record id
    format TEXT NOT NULL,               -- text | html
    encoding TEXT,                      -- detected encoding when not UTF-8
    raw TEXT NOT NULL,
    text TEXT NOT NULL,                 -- cleaned text: every offset elsewhere indexes into it
    words INTEGER NOT NULL,
    title TEXT, title_evidence TEXT,    -- evidence: JSON {raw_start, raw_end, origin}
    publisher TEXT, publisher_evidence TEXT,
    published TEXT,                     -- YYYY-MM-DD | YYYY-MM | YYYY | NULL, after completion
    published_precision TEXT,
    published_method TEXT,
    published_evidence TEXT,
    published_partial TEXT,             -- the per-document date before cross-document completion
    meta TEXT NOT NULL DEFAULT '{}',
    story_id TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id);
-- a document's card without its text: the columns after raw and text are reached only by walking the
-- text's overflow pages, so listings read them here (newsgraph.query.DOCUMENT_CARD)
CREATE INDEX IF NOT EXISTS documents_card ON documents(id, source, title, publisher, published, story_id);

CREATE TABLE IF NOT EXISTS segments (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clean_start INTEGER NOT NULL, raw_start INTEGER, length INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS segments_doc ON segments(doc_id);

CREATE TABLE IF NOT EXISTS removed_lines (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS removed_doc ON removed_lines(doc_id);

CREATE TABLE IF NOT EXISTS flags (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,                -- clean | dates | ...: lets a stage replace only its own flags
    kind TEXT NOT NULL, message TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS flags_doc ON flags(doc_id);

-- compact per-document outputs the cross-document stages work on
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    shingles INTEGER NOT NULL,          -- how many shingles the whole text has
    sample BLOB NOT NULL                -- sorted uint64 hashes of the sampled shingles
);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, canonical_doc TEXT NOT NULL, size INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS nlp_docs (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    model TEXT NOT NULL, docbin BLOB NOT NULL   -- tokens, tags, parse, entities (spaCy DocBin)
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT NOT NULL,                -- NER label (origin ner) or PERSON | ORG | LOC (facts stage)
    origin TEXT NOT NULL DEFAULT 'ner', -- ner: the model's raw span; otherwise how the facts stage found it
    subtype TEXT, title TEXT, name TEXT,
    local_entity INTEGER,               -- the document-local entity (facts stage)
    entity_id TEXT                      -- the corpus-wide entity (resolution)
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
-- the entities of a set of documents without reading the mentions (co-mentions on an entity page)
CREATE INDEX IF NOT EXISTS mentions_doc_entity ON mentions(doc_id, entity_id, origin);

-- compact per-document output of the facts stage, the input of the cross-document stages
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS local_entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, subtype TEXT,
    names TEXT NOT NULL, titles TEXT NOT NULL, entity_id TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS local_entities_entity ON local_entities(entity_id);

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, subtype TEXT,
    documents INTEGER NOT NULL DEFAULT 0, stories INTEGER NOT NULL DEFAULT 0,
    meta TEXT NOT NULL DEFAULT '{}'     -- place: gazetteer link and coordinates; CAMEO codes; titles
);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'mention',   -- mention | acronym | alias | demonym | gazetteer | cameo
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE IF NOT EXISTS merges (           -- why each pair of local entities was joined (why-same)
    entity_id TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, reasons TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merges_entity ON merges(entity_id);
CREATE TABLE IF NOT EXISTS overrides (      -- user decisions that survive later runs
    id INTEGER PRIMARY KEY, action TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
    polarity TEXT NOT NULL DEFAULT 'asserted',   -- asserted | negated | hedged
    confidence REAL, documents INTEGER, stories INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, acled_type TEXT, mode TEXT,
    date TEXT, date_precision TEXT, date_method TEXT, location TEXT,
    quantities TEXT NOT NULL DEFAULT '[]', polarity TEXT NOT NULL DEFAULT 'asserted',
    confidence REAL, documents INTEGER, stories INTEGER,
    sub_event_type TEXT, fatalities INTEGER,     -- ACLED sub-event type; deaths by ACLED's rules
    actor_terms TEXT NOT NULL DEFAULT '[]'       -- unnamed actors: [{text, role, inter}]
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, role TEXT NOT NULL
);
-- the read side (newsgraph.query): events in timeline order a page at a time, an entity's events
CREATE INDEX IF NOT EXISTS events_timeline ON events(date IS NULL, date, id);
CREATE INDEX IF NOT EXISTS events_location ON events(location);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'direct',
    speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_role TEXT,
    cue_start INTEGER, cue_end INTEGER, how TEXT,
    local_entity INTEGER, speaker TEXT       -- document-local speaker; corpus-wide entity (resolution)
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS contradictions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT, description TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (         -- span-level provenance for every fact
    owner TEXT NOT NULL,                      -- relation | event | contradiction | entity
    owner_id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    detail TEXT                               -- the cue, the value, the polarity as JSON
);
CREATE INDEX IF NOT EXISTS evidence_owner ON evidence(owner, owner_id);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc_id);

CREATE TABLE IF NOT EXISTS problems (          -- bad inputs of the last runs, for the summary
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, seen_at TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _evidence_json(ev: Evidence | None) -> str | None:
    if ev is None:
        return None
    return json.dumps({"raw_start": ev.raw_start, "raw_end": ev.raw_end, "origin": ev.origin})


def _date_json(date: PublishedDate | None) -> str | None:
    return None if date is None else json.dumps(asdict(date))


def date_from_json(text: str | None) -> PublishedDate | None:
    if not text:
        return None
    data = json.loads(text)
    data["evidence"] = Evidence(**data["evidence"])
    if data.get("weekday_evidence"):
        data["weekday_evidence"] = Evidence(**data["weekday_evidence"])
    return PublishedDate(**data)


class StoreError(RuntimeError):
    pass


class SchemaMismatch(StoreError):
    """The store was written by another schema version (``found``; this code has ``SCHEMA_VERSION``)."""

    def __init__(self, path: Path, found: int):
        self.found = found
        if found > SCHEMA_VERSION:
            message = (f"{path} was written by a newer newsgraph (store schema version {found}; this newsgraph "
                       f"reads version {SCHEMA_VERSION}): upgrade newsgraph to use it; it was left untouched")
        else:
            message = (f"{path} has store schema version {found}, this newsgraph uses version {SCHEMA_VERSION}: "
                       f"run `newsgraph migrate --db {path}` to upgrade it (documents and corrections are kept; "
                       "the NLP, facts and cross-document results are recomputed by the next ingest)")
        super().__init__(message)


def _migrate_1_to_2(db: sqlite3.Connection) -> str:
    for table in _DERIVED_TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    return "derived tables rebuilt (mentions, entities, relations, events, quotes, NLP output)"


# from version -> the step to the next version, returning what it did
_MIGRATIONS = {1: _migrate_1_to_2}


class Store:
    """A newsgraph database. Open with ``Store(path)``; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, migrate: bool = False):
        """Open (or create) a store. One of an older schema version raises SchemaMismatch unless
        ``migrate`` (see ``newsgraph migrate``); one of a newer version always does."""
        self.path = Path(path)
        self.migrated: list[str] = []  # what opening with ``migrate`` did, one line a step
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            found = self.schema_version()
            if found is not None and found != SCHEMA_VERSION:
                if found > SCHEMA_VERSION or not migrate:
                    self.db.close()
                    raise SchemaMismatch(self.path, found)
                self._migrate(found)
            self.db.executescript(SCHEMA)
            self._add_columns()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path} is not a newsgraph database ({exc})") from exc
        self.db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )

    def schema_version(self) -> int | None:
        """The schema version the store was written with; None for a new (empty) file."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is not None:
                try:
                    return int(row[0])
                except ValueError:
                    self.db.close()
                    raise StoreError(f"{self.path}: unreadable store schema version {row[0]!r}") from None
        if "documents" in tables:
            return 1  # written before stores recorded their version
        self.db.close()
        raise StoreError(f"{self.path} is an SQLite file but not a newsgraph store "
                         f"(its tables: {', '.join(sorted(tables)[:8])})")

    def _migrate(self, found: int) -> None:
        """Bring a store of schema version ``found`` to this one, in one transaction."""
        version = found
        self.db.execute("BEGIN IMMEDIATE")
        try:
            while version < SCHEMA_VERSION:
                self.migrated.append(f"version {version} → {version + 1}: {_MIGRATIONS[version](self.db)}")
                version += 1
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(version),))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # columns added to derived tables after their schema version; the next aggregation fills them
    _ADDED_COLUMNS = {"events": (("sub_event_type", "TEXT"), ("fatalities", "INTEGER"),
                                 ("actor_terms", "TEXT NOT NULL DEFAULT '[]'"))}

    def _add_columns(self) -> None:
        for table, columns in self._ADDED_COLUMNS.items():
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            for name, decl in columns:
                if name not in have:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """One transaction: all of it lands, or none of it."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- documents -------------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self.db.execute(f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", chunk)
            )
        return found

    def add_document(self, raw: RawDocument, cleaned: CleanedDocument) -> str:
        doc_id = raw.id
        self.db.execute(
            """INSERT INTO documents (id, content_hash, source, locator, format, encoding, raw, text, words,
                   title, title_evidence, publisher, publisher_evidence,
                   published, published_precision, published_method, published_evidence, published_partial,
                   meta, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc_id, raw.content_hash, raw.source, raw.locator, raw.format, raw.encoding, raw.content,
                cleaned.text, len(cleaned.text.split()),
                cleaned.title.value if cleaned.title else None, _evidence_json(cleaned.title),
                cleaned.publisher.value if cleaned.publisher else None, _evidence_json(cleaned.publisher),
                None, None, None, None, _date_json(cleaned.published),
                json.dumps(raw.meta, ensure_ascii=False), _now(),
            ),
        )
        self.db.executemany(
            "INSERT INTO segments (doc_id, clean_start, raw_start, length) VALUES (?,?,?,?)",
            [(doc_id, s.clean_start, s.raw_start, s.length) for s in cleaned.segments],
        )
        self.db.executemany(
            "INSERT INTO removed_lines (doc_id, raw_start, raw_end, text, reason) VALUES (?,?,?,?,?)",
            [(doc_id, r.raw_start, r.raw_end, r.text, r.reason) for r in cleaned.removed],
        )
        self.replace_flags(doc_id, "clean", cleaned.flags)
        return doc_id

    def replace_flags(self, doc_id: str, stage: str, flags: Iterable[Flag]) -> None:
        self.db.execute("DELETE FROM flags WHERE doc_id = ? AND stage = ?", (doc_id, stage))
        self.db.executemany(
            "INSERT INTO flags (doc_id, stage, kind, message, evidence) VALUES (?,?,?,?,?)",
            [
                (doc_id, stage, f.kind, f.message,
                 json.dumps([{"value": e.value, "raw_start": e.raw_start, "raw_end": e.raw_end, "origin": e.origin}
                             for e in f.evidence], ensure_ascii=False))
                for f in flags
            ],
        )

    def partial_dates(self) -> dict[str, PublishedDate | None]:
        return {r["id"]: date_from_json(r["published_partial"])
                for r in self.db.execute("SELECT id, published_partial FROM documents")}

    def set_published(self, doc_id: str, date: PublishedDate | None) -> None:
        self.db.execute(
            "UPDATE documents SET published=?, published_precision=?, published_method=?, published_evidence=? WHERE id=?",
            (
                date.iso if date else None,
                date.precision if date else None,
                date.method if date and date.iso else None,
                _evidence_json(date.evidence) if date and date.iso else None,
                doc_id,
            ),
        )

    def add_annotation(self, doc_id: str, annotation) -> None:
        """The NLP stage's output for one document (replaces an earlier one)."""
        self.db.execute("DELETE FROM sentences WHERE doc_id = ?", (doc_id,))
        self.db.execute("DELETE FROM mentions WHERE doc_id = ? AND origin = 'ner'", (doc_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO nlp_docs (doc_id, model, docbin) VALUES (?,?,?)",
            (doc_id, annotation.model, annotation.docbin),
        )
        self.db.executemany(
            "INSERT INTO sentences (doc_id, idx, start, end) VALUES (?,?,?,?)",
            [(doc_id, i, s, e) for i, (s, e) in enumerate(annotation.sentences)],
        )
        self.db.executemany(
            "INSERT INTO mentions (doc_id, start, end, text, label, origin) VALUES (?,?,?,?,?, 'ner')",
            [(doc_id, m.start, m.end, m.text, m.label) for m in annotation.mentions],
        )

    # -- facts (per document) --------------------------------------------------------------------
    def pending_documents(self, model: str | None, version: str) -> list[tuple[str, bool]]:
        """(doc id, needs NLP) of every document the per-document stages still have to run on, in
        id order: not annotated by ``model`` (when one is given), or with facts missing, older than
        ``version`` or older than their NLP annotation."""
        return [
            (r[0], bool(r[1]))
            for r in self.db.execute(
                "SELECT d.id, ? IS NOT NULL AND (n.doc_id IS NULL OR n.model != ?) AS needs_nlp FROM documents d "
                "LEFT JOIN nlp_docs n ON n.doc_id = d.id LEFT JOIN facts f ON f.doc_id = d.id "
                "WHERE needs_nlp OR f.doc_id IS NULL OR f.version != ? || '/' || COALESCE(n.model, '-') "
                "ORDER BY d.id",
                (model, model, version),
            )
        ]

    def work_items(self, doc_ids: list[str]) -> list[tuple[str, str, str, str | None, bytes | None]]:
        """(doc id, where: source[:locator], cleaned text, publication date, stored DocBin or None) of
        the given documents, in the given order."""
        rows = {}
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                "SELECT d.id, d.source, d.locator, d.text, d.published, n.docbin FROM documents d "
                f"LEFT JOIN nlp_docs n ON n.doc_id = d.id WHERE d.id IN ({marks})",
                chunk,
            ):
                where = f"{r[1]}:{r[2]}" if r[2] else r[1]
                rows[r[0]] = (r[0], where, r[3], r[4], r[5])
        return [rows[d] for d in doc_ids if d in rows]

    def add_facts(self, doc_id: str, version: str, model: str | None, facts) -> None:
        """Store one document's facts, replacing what an earlier run stored for it."""
        self.db.execute(
            "INSERT OR REPLACE INTO facts (doc_id, version, data) VALUES (?,?,?)",
            (doc_id, f"{version}/{model or '-'}", facts.to_json()),
        )
        self.db.execute("DELETE FROM mentions WHERE doc_id = ? AND origin != 'ner'", (doc_id,))
        self.db.executemany(
            "INSERT INTO mentions (doc_id, start, end, text, label, origin, subtype, title, name, local_entity) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, m.start, m.end, m.text, m.type, m.origin if m.origin != "ner" else "model",
              m.subtype, m.title, m.name, m.entity if m.entity >= 0 else None) for m in facts.mentions],
        )
        self.db.execute("DELETE FROM local_entities WHERE doc_id = ?", (doc_id,))
        self.db.executemany(
            "INSERT INTO local_entities (doc_id, idx, name, type, subtype, names, titles) VALUES (?,?,?,?,?,?,?)",
            [(doc_id, i, e.name, e.type, e.subtype, json.dumps(e.names, ensure_ascii=False),
              json.dumps(e.titles, ensure_ascii=False)) for i, e in enumerate(facts.entities)],
        )
        self.db.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
        self.db.executemany(
            "INSERT INTO quotes (doc_id, start, end, text, kind, speaker_text, speaker_start, speaker_end, "
            "speaker_role, cue_start, cue_end, how, local_entity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, q.start, q.end, q.text, q.kind, q.speaker_text, q.speaker_start, q.speaker_end,
              q.speaker_role, q.cue_start, q.cue_end, q.how, q.entity if q.entity >= 0 else None)
             for q in facts.quotes],
        )

    def all_facts(self) -> Iterator[tuple[str, str | None, str | None, str]]:
        """(doc id, story id, publication date, facts JSON) for every document with facts."""
        for r in self.db.execute(
            "SELECT d.id, d.story_id, d.published, f.data FROM facts f JOIN documents d ON d.id = f.doc_id ORDER BY d.id"
        ):
            yield r[0], r[1], r[2], r[3]

    def texts_with_mentions(self) -> Iterator[tuple[str, str, list[tuple[int, int, int | None]]]]:
        """(doc id, cleaned text, (start, end, local entity) of each of its mentions but the model's raw
        spans and the corpus's) for every document with facts, one at a time."""
        for doc_id, text in self.db.execute(
                "SELECT d.id, d.text FROM documents d JOIN facts f ON f.doc_id = d.id ORDER BY d.id"):
            spans = [(r[0], r[1], r[2]) for r in self.db.execute(
                "SELECT start, end, local_entity FROM mentions WHERE doc_id = ? AND origin NOT IN ('ner', 'corpus', 'split')",
                (doc_id,))]
            yield doc_id, text or "", spans

    def replace_recalled_mentions(self, rows) -> None:
        """The mentions found by the corpus's names (``entities.recall``), replacing the last run's."""
        self.db.execute("DELETE FROM mentions WHERE origin IN ('corpus', 'split')")
        self.db.executemany(
            "INSERT INTO mentions (doc_id, start, end, text, label, origin, name, entity_id) VALUES (?,?,?,?,?,?,?,?)",
            [(m.doc_id, m.start, m.end, m.text, m.type, m.origin, m.text, m.entity_id) for m in rows],
        )

    def overrides(self) -> list[tuple[str, str, str]]:
        return [(r[0], r[1], r[2]) for r in self.db.execute("SELECT action, a, b FROM overrides ORDER BY id")]

    def add_override(self, action: str, a: str, b: str) -> None:
        self.db.execute("INSERT INTO overrides (action, a, b, created_at) VALUES (?,?,?,?)", (action, a, b, _now()))

    def override_rows(self, actions: Iterable[str] | None = None) -> list[sqlite3.Row]:
        """Stored decisions (id, action, a, b, created_at) in the order they were made."""
        rows = self.db.execute("SELECT id, action, a, b, created_at FROM overrides ORDER BY id").fetchall()
        wanted = set(actions) if actions is not None else None
        return [r for r in rows if wanted is None or r["action"] in wanted]

    def has_override(self, action: str, a: str, b: str) -> bool:
        return self.db.execute("SELECT 1 FROM overrides WHERE action = ? AND a = ? AND b = ?", (action, a, b)).fetchone() is not None

    # -- cross-document results (rebuilt as a whole by each run) --------------------------------
    def replace_entities(self, entities, mapping: dict[tuple[str, int], str], extra_mentions=()) -> None:
        """entities: resolve.ResolvedEntity list (with .meta dict); mapping: (doc, local idx) -> id.
        extra_mentions: (doc id, mention start, mention end, entity id) for mentions linked outside
        their local entity (demonyms). A mention is its span, not its start: the demonym "Norlandic"
        starts where the longer mention "Norlandic Army" of another entity starts."""
        for table in ("aliases", "merges", "entities"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.executemany(
            "INSERT INTO entities (id, name, type, subtype, documents, stories, meta) VALUES (?,?,?,?,?,?,?)",
            [(e.id, e.name, e.type, e.subtype, e.documents, e.stories,
              json.dumps(getattr(e, "meta", {}) or {}, ensure_ascii=False)) for e in entities],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, kind, count) VALUES (?,?,?,?)",
            [(e.id, alias, kind, n) for e in entities for alias, (kind, n) in e.alias_kinds.items()],
        )
        self.db.executemany(
            "INSERT INTO merges (entity_id, a, b, reasons) VALUES (?,?,?,?)",
            [(e.id, a, b, json.dumps(reasons, ensure_ascii=False)) for e in entities for a, b, reasons in e.joins],
        )
        self.db.execute("UPDATE local_entities SET entity_id = NULL")
        self.db.executemany(
            "UPDATE local_entities SET entity_id = ? WHERE doc_id = ? AND idx = ?",
            [(eid, doc, idx) for (doc, idx), eid in mapping.items()],
        )
        self.db.execute(
            "UPDATE mentions SET entity_id = (SELECT l.entity_id FROM local_entities l "
            "WHERE l.doc_id = mentions.doc_id AND l.idx = mentions.local_entity) WHERE origin != 'ner'"
        )
        self.db.executemany(
            "UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND start = ? AND end = ? AND origin != 'ner'",
            [(eid, doc, start, end) for doc, start, end, eid in extra_mentions],
        )
        self.db.execute(
            "UPDATE quotes SET speaker = (SELECT l.entity_id FROM local_entities l "
            "WHERE l.doc_id = quotes.doc_id AND l.idx = quotes.local_entity)"
        )

    def replace_facts_of(self, owner: str, rows: list[dict[str, Any]]) -> None:
        """Replace every relation / event / contradiction, with their evidence, by ``rows``."""
        table = {"relation": "relations", "event": "events", "contradiction": "contradictions"}[owner]
        self.db.execute("DELETE FROM evidence WHERE owner = ?", (owner,))
        if owner == "event":
            self.db.execute("DELETE FROM event_actors")
        self.db.execute(f"DELETE FROM {table}")
        for row in rows:
            evidence = row.pop("evidence", [])
            actors = row.pop("actors", [])
            cols = ",".join(row)
            self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * len(row))})",
                            [json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for v in row.values()])
            self.db.executemany(
                "INSERT INTO evidence (owner, owner_id, doc_id, start, end, detail) VALUES (?,?,?,?,?,?)",
                [(owner, row["id"], ev["doc"], ev["start"], ev["end"],
                  json.dumps(ev.get("detail") or {}, ensure_ascii=False)) for ev in evidence],
            )
            if actors:
                self.db.executemany(
                    "INSERT INTO event_actors (event_id, entity_id, role) VALUES (?,?,?)",
                    [(row["id"], a["entity"], a["role"]) for a in actors],
                )

    # -- syndication -----------------------------------------------------------------------------
    def add_fingerprint(self, doc_id: str, shingles: int, sample: bytes) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO fingerprints (doc_id, shingles, sample) VALUES (?,?,?)", (doc_id, shingles, sample)
        )

    def fingerprints(self) -> Iterator[tuple[str, int, bytes, int]]:
        """(doc_id, shingle count, sample, words) for every document, in id order."""
        for r in self.db.execute(
            "SELECT f.doc_id, f.shingles, f.sample, d.words FROM fingerprints f JOIN documents d ON d.id = f.doc_id ORDER BY f.doc_id"
        ):
            yield r[0], r[1], r[2], r[3]

    def set_stories(self, stories: dict[str, tuple[str, list[str]]]) -> None:
        """stories: story id -> (canonical doc, members). Replaces the previous grouping."""
        self.db.execute("DELETE FROM stories")
        self.db.executemany(
            "INSERT INTO stories (id, canonical_doc, size) VALUES (?,?,?)",
            [(sid, canon, len(members)) for sid, (canon, members) in stories.items()],
        )
        self.db.executemany(
            "UPDATE documents SET story_id=? WHERE id=?",
            [(sid, doc) for sid, (_, members) in stories.items() for doc in members],
        )

    # -- problems --------------------------------------------------------------------------------
    def add_problem(self, source: str, reason: str) -> None:
        self.db.execute("INSERT INTO problems (source, reason, seen_at) VALUES (?,?,?)", (source, reason, _now()))

    # -- reading ---------------------------------------------------------------------------------
    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
