"""Cleaning of HTML pages: main text and metadata with trafilatura, paragraphs located in the markup."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import replace
from typing import Any

from newsgraph.clean.dates import mismatch_flag, parse_iso_like
from newsgraph.clean.lines import split_lines
from newsgraph.clean.metadata import find_published
from newsgraph.clean.plaintext import classify
from newsgraph.types import CleanedDocument, Evidence, Flag, PublishedDate, RawDocument, Segment

_WINDOW = 200_000  # how far past the previous paragraph to look for the next one
_MIN_RUN = 12  # shorter verbatim runs are too ambiguous to anchor (a word like "the" is everywhere)
_TOKEN = re.compile(r"\S+\s*")

try:  # trafilatura needs lxml's html cleaner (package lxml_html_clean with lxml >= 5.2)
    import trafilatura as _trafilatura
except Exception:  # pragma: no cover - exercised only in a broken environment
    _trafilatura = None


def _extract(markup: str, url: str | None) -> dict[str, Any] | None:
    if _trafilatura is None:
        return _fallback_extract(markup)
    try:
        doc = _trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2100-01-01"},
        )
    except Exception:
        return None
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


class _Paragraphs:
    """Paragraph text of a page read as a stream of tags, with no tree: a page nested deeper than
    lxml's limit (256 levels) or trafilatura's recursion still gives its paragraphs."""

    _BLOCKS = {"p", "h1", "h2", "h3", "blockquote"}
    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg"}

    def __init__(self, markup: str):
        from html.parser import HTMLParser

        self.paras: list[str] = []
        self.title: str | None = None
        buf: list[str] = []
        skipping = 0
        in_block = 0
        in_title = False
        outer = self

        class Reader(HTMLParser):
            def handle_starttag(self, tag, attrs):
                nonlocal skipping, in_block, in_title
                if tag in outer._SKIP:
                    skipping += 1
                elif tag in outer._BLOCKS:
                    in_block += 1
                elif tag == "title":
                    in_title = True

            def handle_endtag(self, tag):
                nonlocal skipping, in_block, in_title
                if tag in outer._SKIP:
                    skipping = max(0, skipping - 1)
                elif tag in outer._BLOCKS and in_block:
                    in_block -= 1
                    if not in_block:
                        text = " ".join("".join(buf).split())
                        buf.clear()
                        if text:
                            outer.paras.append(text)
                elif tag == "title":
                    in_title = False

            def handle_data(self, data):
                if in_title and outer.title is None and data.strip():
                    outer.title = " ".join(data.split())
                elif in_block and not skipping:
                    buf.append(data)

        reader = Reader(convert_charrefs=True)
        reader.feed(markup)
        reader.close()


def _stream_extract(markup: str) -> dict[str, Any] | None:
    try:
        found = _Paragraphs(markup)
    except Exception:  # noqa: BLE001 - html.parser is lenient; anything else means: no text
        return None
    if not found.paras:
        return None
    return {"text": "\n".join(found.paras), "title": found.title}


def _fallback_extract(markup: str) -> dict[str, Any] | None:
    """Without trafilatura: the text of <h1>-<h3>/<p> elements, and <title>."""
    try:
        import lxml.html

        root = lxml.html.fromstring(markup)
    except Exception:
        return None
    paras = [" ".join(el.text_content().split()) for el in root.iter("h1", "h2", "h3", "p")]
    title = root.findtext(".//title")
    return {"text": "\n".join(p for p in paras if p), "title": title.strip() if title else None}


def _locate(raw: str, para: str, cursor: int) -> list[tuple[int, int | None, int]]:
    """Runs (offset in para, raw offset or None, length) covering ``para``. The whole paragraph when
    it stands verbatim in the markup; otherwise the longest verbatim runs, word by word (inline tags
    and entities break a paragraph into several runs)."""
    i = raw.find(para, cursor)
    if i < 0:
        i = raw.find(para)
    if i >= 0:
        return [(0, i, len(para))]
    bounds = [m.end() for m in _TOKEN.finditer(para)]
    out: list[tuple[int, int | None, int]] = []
    p = 0
    k = 0  # index into bounds: para[p:bounds[k]] is the current first token
    while p < len(para):
        while k < len(bounds) and bounds[k] <= p:
            k += 1
        if k >= len(bounds):
            out.append((p, None, len(para) - p))
            break
        # anchor on up to three tokens, then grow the run token by token while it stays verbatim
        j = min(k + 2, len(bounds) - 1)
        pos = -1
        while j >= k:
            pos = raw.find(para[p : bounds[j]].rstrip(), cursor, cursor + _WINDOW)
            if pos >= 0:
                break
            j -= 1
        if pos < 0:
            out.append((p, None, bounds[k] - p))
            p = bounds[k]
            continue
        end = bounds[j]
        while j + 1 < len(bounds) and raw.startswith(para[p : bounds[j + 1]].rstrip(), pos):
            j += 1
            end = bounds[j]
        run = para[p:end].rstrip()
        if len(run) < _MIN_RUN:
            out.append((p, None, end - p))
        else:
            out.append((p, pos, len(run)))
            if end - p > len(run):
                out.append((p + len(run), None, end - p - len(run)))
            cursor = pos + len(run)
        p = end
    # merge adjacent unmapped runs
    merged: list[tuple[int, int | None, int]] = []
    for r in out:
        if merged and merged[-1][1] is None and r[1] is None:
            a = merged[-1]
            merged[-1] = (a[0], None, a[2] + r[2])
        else:
            merged.append(r)
    return merged


_TITLE_TAG = re.compile(r"<title[^>]*>(?P<t>[^<]{3,300})</title>", re.I)
_TITLE_SEP = re.compile(r"\s+[-–—|]\s+")


def _title_suffix(markup: str) -> str | None:
    """The site name pages append to their <title>: "Headline - Site Name" / "Headline | Site"."""
    m = _TITLE_TAG.search(markup[:20000])
    if not m:
        return None
    parts = _TITLE_SEP.split(html_lib.unescape(m.group("t")).strip())
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    return tail if 1 <= len(tail.split()) <= 5 and len(tail) < len(parts[0]) else None


def _find_ev(raw: str, value: str, origin: str) -> Evidence:
    i = raw.find(value)
    return Evidence(value, i if i >= 0 else None, i + len(value) if i >= 0 else None, origin)


def clean_html(raw: RawDocument) -> CleanedDocument:
    markup = raw.content
    meta = raw.meta or {}
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    data = _extract(markup, url) if markup.strip() else None
    flags: list[Flag] = []
    paras = [p.strip() for p in (data or {}).get("text", "").split("\n")] if data else []
    paras = [p for p in paras if p]
    if not paras and markup.strip():
        # trafilatura found nothing: a page it cannot parse (nested too deep, broken markup) still
        # has its paragraphs, read as a stream of tags
        streamed = _stream_extract(markup)
        if streamed:
            data = {**(data or {}), **{k: v for k, v in streamed.items() if v}}
            paras = [p for p in streamed["text"].split("\n") if p]
            flags.append(Flag("fallback-extraction", "the page could not be parsed as a tree (nested too deep or "
                                                     "broken markup): its paragraphs were read as a stream of tags"))
    if not paras:
        flags.append(Flag("no-main-text", "no article text found in the HTML"))

    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    cursor = 0
    for para in paras:
        if parts:
            parts.append("\n\n")
            pos += 2
        for off, rstart, length in _locate(markup, para, cursor):
            segments.append(Segment(pos + off, rstart, length))
            if rstart is not None:
                cursor = rstart + length
        parts.append(para)
        pos += len(para)
    text = "".join(parts)

    title = None
    t = (data or {}).get("title") or meta.get("title")
    if isinstance(t, str) and t.strip():
        title = _find_ev(markup, t.strip(), "metadata")

    publisher = None
    sitename = (data or {}).get("sitename")
    named = sitename if isinstance(sitename, str) and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename.strip()) else None
    # a site's own name beats a host name, which is what trafilatura falls back to
    for value in (meta.get("publisher"), named, _title_suffix(markup), sitename, (data or {}).get("hostname")):
        if isinstance(value, str) and value.strip():
            publisher = _find_ev(markup, value.strip(), "metadata")
            break
    if publisher is None and url:
        from newsgraph.clean.metadata import find_publisher

        publisher = find_publisher([], {}, url)

    published: PublishedDate | None = None
    for value in (meta.get("published"), (data or {}).get("date")):
        if isinstance(value, str) and value.strip():
            y, mo, d = parse_iso_like(value)
            if y is not None:
                published = PublishedDate(y, mo, d, None, _find_ev(markup, value.strip(), "metadata"), "metadata")
                break
    if published is None and text:
        # No date in the page metadata: read the extracted text the way a plain capture is read
        # (date lines, dateline, captions, lead) and map the evidence back to the markup.
        infos = classify(split_lines(text))
        date, fl = find_published(infos, {})
        if date is not None:
            doc = CleanedDocument(text=text, segments=segments, removed=[])
            ev = date.evidence
            rs = doc.raw_offset(ev.raw_start) if ev.raw_start is not None else None
            re_ = doc.raw_offset(ev.raw_end) if ev.raw_end is not None else None
            published = replace(date, evidence=replace(ev, raw_start=rs, raw_end=re_ if rs is not None else None))
            if date.weekday_evidence is not None:
                w = date.weekday_evidence
                ws = doc.raw_offset(w.raw_start) if w.raw_start is not None else None
                we = doc.raw_offset(w.raw_end) if w.raw_end is not None else None
                published = replace(
                    published, weekday_evidence=replace(w, raw_start=ws, raw_end=we if ws is not None else None)
                )
            m = mismatch_flag(published)
            if m is not None:
                flags.append(m)
    return CleanedDocument(
        text=text, segments=segments, removed=[], title=title, publisher=publisher, published=published, flags=flags
    )
