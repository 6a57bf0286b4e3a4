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


# -- extracted facts (per document) ---------------------------------------------------------------
# Offsets below index the cleaned text. Entity references inside one document are indices into the
# document's list of local entities (``EntityMention.entity``); cross-document resolution maps local
# entities to global entity ids later, so the per-document stage stays a pure function.

EntityType = Literal["PERSON", "ORG", "LOC"]

# Subtypes, when the text shows them. ORG: armed_group, government, military, party, media,
# research (NGOs, think tanks, monitors), international. LOC: country, settlement (city, town,
# village), region (province, district, river valley, mountains), facility (base, airfield,
# checkpoint, bridge, cemetery).
ORG_SUBTYPES = ("armed_group", "government", "military", "party", "media", "research", "international")
LOC_SUBTYPES = ("country", "settlement", "region", "facility")


@dataclass(slots=True)
class EntityMention:
    """A stretch of cleaned text that names (or, for role and pronoun mentions, refers to) an actor or place."""

    start: int
    end: int
    text: str
    type: str  # PERSON | ORG | LOC
    subtype: str | None = None
    origin: str = "ner"  # ner | title | group | place-cue | alias | acronym | partial | role | pronoun | demonym; after resolution also corpus | split (entities/recall.py)
    name_start: int = -1  # the bare name inside the mention ("Haidar al-Jubouri" in "Col. Haidar al-Jubouri")
    name_end: int = -1
    title: str | None = None  # "Col.", "Prime Minister", "spokesman for the alliance", as written
    entity: int = -1  # index of the document-local entity, set by within-document resolution

    @property
    def name(self) -> str:
        if self.name_start < 0:
            return self.text
        return self.text[self.name_start - self.start : self.name_end - self.start]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text with what it counts: 'killing seven fighters' -> killed 7."""

    kind: str  # killed | wounded | abducted | arrested | displaced | troops | fighters | recruits | advisers | ...
    value: int  # the lower bound when approximate
    approx: str | None  # None, "at least", "more than", "about", "up to", "dozens", ...
    start: int
    end: int
    text: str
    # None: the event's own count; "part": a part of a larger count ("30 people, including seven
    # children"); "cumulative": a running total ("has killed 280,000 people since 2011")
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class RelationMention:
    """One sentence's support for subject -predicate-> object between two document-local entities."""

    subject: int
    predicate: str  # leads | member_of | part_of | spokesperson_for | advisor_to | backed_by | reports_to |
    #                 allied_with | fights | family | based_in | holds_office
    object: int
    polarity: str  # asserted | negated | hedged
    confidence: float
    cue: str  # the words that carry the relation ("belongs to", "commander of", appositive)
    start: int  # evidence: the sentence
    end: int
    cue_start: int = -1
    cue_end: int = -1


@dataclass(frozen=True, slots=True)
class EventMention:
    """One sentence's report of an event."""

    type: str  # PLOVER category: ASSAULT, FIGHT, PROTEST, COERCE, CONSULT, AGREE, ...
    acled_type: str | None  # ACLED event type where one maps (Battles, Explosions/Remote violence, ...)
    mode: str | None  # PLOVER mode or a short description ("airstrike", "abduction")
    trigger: str
    trigger_start: int
    trigger_end: int
    start: int  # evidence: the sentence
    end: int
    actors: tuple[tuple[int, str], ...] = ()  # (local entity, role): role is "actor" or "target"
    location: int = -1  # local entity of the place
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_precision: str | None = None
    date_method: str | None = None  # the timex rule and anchor that resolved it
    date_text: str | None = None
    date_start: int = -1
    date_end: int = -1
    # an undated document's "in July" / "on July 4": the month (and day) without a year, "--07" or
    # "--07-04" (ISO 8601 truncated form), so it can still join a dated report of the same event
    date_partial: str | None = None
    quantities: tuple[Quantity, ...] = ()
    polarity: str = "asserted"  # asserted | negated | hedged | claimed
    confidence: float = 0.5
    antecedent: int = -1  # index of an earlier event of the same document it refers back to ("the attack")
    # ACLED's coding (extract/acled.py): one of the 25 sub-event types, or a non-conflict one
    # ("Natural disaster", "Accident", "Crime"); None where ACLED codes nothing (talks, accusations)
    sub_event_type: str | None = None
    # actors the text describes without naming them: (words as written, "actor" | "target", ACLED
    # interaction code or None): ("gunmen", "actor", 3), ("Russian jets", "actor", 1), ("villagers", "target", 7)
    actor_terms: tuple[tuple[str, str, int | None], ...] = ()
    fatalities: int | None = None  # deaths this mention reports for its event, by ACLED's rules
    # how the place was found when the sentence does not give it: "named-before" ("the town": the last
    # place named before), "carried-by-incident" (another mention of the same incident gives it);
    # location_start/end: the place name read
    location_method: str | None = None
    location_start: int = -1
    location_end: int = -1
    # the place read is the area around the one it names ("the X countryside", "X's outskirts"): the
    # event lies near X, not in it, so it locates no incident by itself
    location_area: bool = False
    # "carried-by-incident": missing actors taken from mention ``actors_source`` of the same incident
    actors_method: str | None = None
    actors_source: int = -1
    # the other days its sentence states ("Tuesday's toll follows the raids of Monday"): a source
    # whose sentence states a day does not contradict a report of that day (contradictions.py)
    sentence_days: tuple[str, ...] = ()
