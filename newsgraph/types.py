"""The typed records that flow between pipeline stages.

Per-document stages are pure functions over these records (raw -> cleaned -> nlp -> facts), so that a
distributed engine can map them; cross-document stages consume only their compact outputs.

Offsets: ``raw_*`` offsets index into ``RawDocument.content`` (the decoded source text, HTML markup
included for HTML); every other offset indexes into the cleaned text. ``Segment`` records map the
cleaned text back onto the raw text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

SourceFormat = Literal["text", "html"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from disk, before any cleaning."""

    source: str  # the file name or URL as given
    locator: str  # where inside the source: "" for a plain file, "line 12" (JSONL), a WARC record id
    format: SourceFormat
    content: str  # decoded text; the markup itself for HTML
    meta: dict[str, Any] = field(default_factory=dict)  # container metadata: title, url, published, publisher
    encoding: str | None = None  # the detected encoding when it was not UTF-8

    @property
    def content_hash(self) -> str:
        """Identity of the article: the same bytes ingested twice are stored once."""
        return hashlib.sha256(self.content.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def id(self) -> str:
        return self.content_hash[:16]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of cleaned text that stands verbatim in the raw text."""

    clean_start: int
    raw_start: int | None  # None when the run could not be located in the raw text (some HTML)
    length: int


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A raw line the cleaner dropped, kept for inspection."""

    raw_start: int
    raw_end: int
    text: str
    reason: str  # navigation, subscription, related-headlines, contact, footer, photo-credit, caption, ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """A value with the raw-text span that supports it (start/end None when it came from metadata)."""

    value: str
    raw_start: int | None
    raw_end: int | None
    origin: str  # text, url, filename, metadata, caption, date-line, dateline, last-modified, ...


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date, possibly partial (no year) until cross-document completion fills it in."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None  # 0=Monday, as stated in the text next to the date, if any
    evidence: Evidence  # the span that gave the date
    method: str  # how the value was obtained: stated, year-from-story, year-from-weekday-and-corpus, ...
    weekday_evidence: Evidence | None = None  # e.g. "on Sunday" in the lead, when it helped date the text

    @property
    def precision(self) -> Precision | None:
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    @property
    def iso(self) -> str | None:
        """"YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None (no year, no date)."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Flag:
    """An internal inconsistency noticed in one document (e.g. a weekday that does not match its date)."""

    kind: str  # weekday-mismatch, ...
    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class CleanedDocument:
    """Output of the cleaning stage for one raw document."""

    text: str
    segments: list[Segment]
    removed: list[RemovedLine]
    title: Evidence | None = None
    publisher: Evidence | None = None
    published: PublishedDate | None = None
    flags: list[Flag] = field(default_factory=list)

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset in the cleaned text back to the raw text (None when unmappable)."""
        for seg in self.segments:
            if seg.clean_start <= clean_offset <= seg.clean_start + seg.length:
                if seg.raw_start is None:
                    return None
                return seg.raw_start + (clean_offset - seg.clean_start)
        return None


@dataclass(slots=True)
class IngestProblem:
    """A source that could not be read; the run goes on."""

    source: str
    reason: str
