"""Cleaning stage: raw document -> main text, removed lines, title, publisher, publication date.

Contract (used by newsgraph.pipeline):
    clean(raw: RawDocument) -> CleanedDocument          pure, per document
    complete_dates(docs: dict[str, PublishedDate | None], story_of: dict[str, str])
        -> dict[str, tuple[PublishedDate | None, list[Flag]]]
                                                       cross-document: fills missing years from
                                                       story siblings and the corpus period
PLACEHOLDER: keeps every line; replaced by the real cleaner.
"""

from __future__ import annotations

from newsgraph.types import CleanedDocument, Flag, PublishedDate, RawDocument, Segment


def clean(raw: RawDocument) -> CleanedDocument:
    text = raw.content
    return CleanedDocument(text=text, segments=[Segment(0, 0, len(text))], removed=[])


def complete_dates(
    docs: dict[str, PublishedDate | None], story_of: dict[str, str]
) -> dict[str, tuple[PublishedDate | None, list[Flag]]]:
    return {doc_id: (date, []) for doc_id, date in docs.items()}
