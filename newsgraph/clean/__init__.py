"""Cleaning stage: raw document -> main text, removed lines, title, publisher, publication date.

Contract (used by newsgraph.pipeline):
    clean(raw: RawDocument) -> CleanedDocument          pure, per document
    complete_dates(docs: dict[str, PublishedDate | None], story_of: dict[str, str])
        -> dict[str, tuple[PublishedDate | None, list[Flag]]]
                                                       cross-document: fills missing years from
                                                       the stated weekday, story siblings and the
                                                       corpus period (see dates.complete_dates)
Modules:
    lines.py      raw text -> non-blank lines with exact raw offsets and block numbers
    cues.py       genre cue lexicons (subscription, related headlines, contact, footer, ...)
    plaintext.py  the line-level boilerplate model (features, zones, weights, Viterbi smoothing)
    inline.py     long lines (a whole feed article on one line) cut into units for that model, and the
                  guard that only a cued run at a line's end or start may go
    metadata.py   title / publisher / wire / publication date of a plain capture, with evidence
    dates.py      date parsing, weekday checks, cross-document year completion
    text.py       plain-text cleaning (assembles the CleanedDocument)
    html.py       HTML cleaning with trafilatura
"""

from __future__ import annotations

from newsgraph.clean.dates import complete_dates
from newsgraph.types import CleanedDocument, Flag, RawDocument

__all__ = ["clean", "complete_dates"]


def clean(raw: RawDocument) -> CleanedDocument:
    """Clean one document. Never raises on odd input: empty or unreadable text gives an empty result.

    The one hand-off for every reader (pipeline.process_document): the cleaning depends on the
    format and the text only, so text from a feed (a JSONL or CSV field) is cleaned exactly like a
    capture, and HTML from any container like an HTML page."""
    if raw.format == "html":
        from newsgraph.clean.html import clean_html

        cleaned = clean_html(raw)
    else:
        from newsgraph.clean.text import clean_text

        cleaned = clean_text(raw)
    ambiguous = (raw.meta or {}).get("published_ambiguous")
    if isinstance(ambiguous, str):
        # the container's date could be read two ways (ingest.numeric_dates): not used, said so
        cleaned.flags.append(Flag("ambiguous-date", f"the source's date {ambiguous!r} reads as day/month or "
                                                    "month/day and was not used; ingest with --date-order to read it"))
    return cleaned
