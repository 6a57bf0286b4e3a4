"""Cleaning of plain-text captures: boilerplate model -> cleaned text, segments, removed lines, metadata."""

from __future__ import annotations

from newsgraph.clean.inline import guard, split_long_lines
from newsgraph.clean.lines import split_lines
from newsgraph.clean.metadata import find_published, find_publisher, find_title, find_wire
from newsgraph.clean.plaintext import LineInfo, classify
from newsgraph.types import CleanedDocument, Flag, RawDocument, RemovedLine, Segment


def assemble(raw_text: str, infos: list[LineInfo]) -> tuple[str, list[Segment], list[RemovedLine]]:
    """Kept lines joined as in the raw text: "\\n" inside a paragraph, "\\n\\n" across a paragraph break
    (a blank line or a removed line between them). Each kept line is one segment, mapped exactly."""
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[RemovedLine] = []
    pos = 0
    prev_kept: int | None = None
    for i, info in enumerate(infos):
        ln = info.line
        if info.boiler:
            removed.append(RemovedLine(ln.start, ln.end, ln.text, info.reason))
            continue
        if prev_kept == i - 1 and ln.physical == infos[prev_kept].line.physical:
            # the next unit of a cut line (inline.py): rejoined as in the raw text, one segment
            gap = raw_text[infos[prev_kept].line.end : ln.start]
            last = segments[-1]
            segments[-1] = Segment(last.clean_start, last.raw_start, last.length + len(gap) + len(ln.text))
            parts.append(gap + ln.text)
            pos += len(gap) + len(ln.text)
            prev_kept = i
            continue
        if prev_kept is not None:
            sep = "\n" if (prev_kept == i - 1 and not ln.blank_before) else "\n\n"
            parts.append(sep)
            pos += len(sep)
        segments.append(Segment(pos, ln.start, len(ln.text)))
        parts.append(ln.text)
        pos += len(ln.text)
        prev_kept = i
    return "".join(parts), segments, removed


def clean_text(raw: RawDocument) -> CleanedDocument:
    # Long lines (a whole article on one line, as feeds deliver it) are cut into units first, so a
    # footer glued to the article is found like a footer on lines of its own (see inline.py).
    lines, group = split_long_lines(split_lines(raw.content))
    infos = classify(lines)
    guard(infos, group)
    text, segments, removed = assemble(raw.content, infos)
    published, flags = find_published(infos, raw.meta)
    wire = find_wire(infos)
    if wire is not None:
        flags.append(Flag("wire-source", f"wire service credited: {wire.value}", (wire,)))
    return CleanedDocument(
        text=text,
        segments=segments,
        removed=removed,
        title=find_title(infos, raw.meta),
        publisher=find_publisher(infos, raw.meta, raw.source),
        published=published,
        flags=flags,
    )
