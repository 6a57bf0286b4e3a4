"""Title, publisher, wire source and publication date of a plain-text capture, each with evidence.

Everything here reads the line labels of the boilerplate model (``plaintext.classify``): the role
of a line (date line, byline, caption, page header, lead paragraph, related-headlines zone) decides
whether a date or a name on it says anything about *this* article.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from newsgraph.clean import cues
from newsgraph.clean.dates import (
    LEAD_WEEKDAY,
    WEEKDAYS,
    DateMatch,
    date_order_signals,
    find_dates,
    mismatch_flag,
    parse_iso_like,
    resolve_order,
)
from newsgraph.clean.plaintext import LineInfo
from newsgraph.types import Evidence, Flag, PublishedDate

# Priority of date origins: a labelled date line beats a dateline, which beats a caption, which
# beats a weekday-and-date in the lead paragraph. Dates anywhere else (body narrative, related
# headlines) are never taken: "an April 7, 2014, meeting" is not when the article was published.
_ORIGIN_RANK = {"metadata": 0, "last-modified": 1, "date-line": 1, "byline": 1, "dateline": 2, "caption": 3, "lead": 4}
_LAST_MODIFIED = re.compile(r"\b(?:last\s+modified|modified|updated?)\b", re.I)
_DATE_LABEL = re.compile(r"^\W*(?:last\s+modified|modified|updated?|published|posted|first\s+published|date)\b", re.I)
_DATELINE = re.compile(r"^(?P<pre>[^\n]{2,90}?)\s*(?:[-–—]{1,2}|:)\s+\S")
_LEAD_PUBLISHER = re.compile(r"^(?P<name>[A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|of|the|and)){0,4})\s+[-–—]\s+(?P<rest>[A-Z\"“‘'])")
_NAME_WORD = r"[A-Z][\w&'’-]*(?:\.[A-Za-z]{2,})*"
_COPYRIGHT_HOLDER = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?P<name>" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r"){0,4})"
)
_DISCLAIMER_OWNER = re.compile(
    r"(?:opinion|views?|position|stance)\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,4}?)(?:['’]s)?\s+"
    r"(?:editorial|editors|management)"
)


def _ev(info: LineInfo, s: int, e: int, origin: str) -> Evidence:
    base = info.line.start
    return Evidence(value=info.line.text[s:e], raw_start=base + s, raw_end=base + e, origin=origin)


def find_title(infos: list[LineInfo], meta: dict[str, Any]) -> Evidence | None:
    for info in infos:
        if info.is_title and not info.boiler:
            return _ev(info, 0, len(info.line.text), "text")
    t = meta.get("title")
    if isinstance(t, str) and t.strip():
        return Evidence(t.strip(), None, None, "metadata")
    return None


def _is_wire(name: str) -> bool:
    return bool(cues.WIRE_NAME.match(name.strip()))


def find_wire(infos: list[LineInfo]) -> Evidence | None:
    """A wire service credited in the dateline/lead ("(Reuters)", "..., Reuters reports.") or the footer."""
    body = [x for x in infos if not x.boiler and x.words >= 8 and not x.is_title][:2]
    for info in body:
        m = cues.WIRE_PAREN.search(info.line.text[:120]) or cues.WIRE_SLASH.search(info.line.text[:120])
        if m:
            return _ev(info, m.start(1), m.end(1), "dateline")
        m = cues.WIRE_REPORTS.search(info.line.text)
        if m:
            return _ev(info, m.start(1), m.end(1), "wire-attribution")
    for info in infos:
        if info.boiler and info.reason == "footer":
            m = _COPYRIGHT_HOLDER.search(info.line.text)
            if m and _is_wire(m.group("name")):
                return _ev(info, m.start("name"), m.end("name"), "copyright")
    return None


def _site_from_breadcrumb(text: str) -> tuple[int, int] | None:
    spans = []
    pos = 0
    for part in cues.NAV_SPLIT.split(text):
        i = text.find(part, pos)
        if part.strip():
            spans.append((i, i + len(part)))
        pos = i + len(part)
    if len(spans) < 2 or "|" in text:
        # "A | B | C" is a menu of sections (and languages), not a breadcrumb ending in the site name
        return None

    def sitey(span: tuple[int, int]) -> bool:
        words = text[span[0] : span[1]].lower().split()
        return bool(words) and not any(w in cues.SECTION_WORDS for w in words)

    if sitey(spans[0]):
        return spans[0]
    if sitey(spans[-1]):
        return spans[-1]
    return None


_MASTHEAD = re.compile(r"^(?:[A-Z][\w.&'’-]*|of|the|and|for|on|in|al-\w+)(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|for|on|in|al-\w+)){0,5}$")


def _masthead(header: list[LineInfo]) -> Evidence | None:
    """The site's name standing alone on the first line of the page header ("NORTHERN IRAQ OBSERVER",
    "Kirkuk Courier"): short, capitalised, no sentence punctuation, no menu separators, and not a
    section word. Only the first non-empty line qualifies: further down, short lines are sections."""
    # page widgets above the site name ("Skip to content", "Menu", "Search...") are not it
    first = next((x for x in header if x.line.text.strip() and x.cue_reason != "navigation"), None)
    if first is None or first.is_title:
        return None
    text = first.line.text.strip()
    words = text.split()
    if not 1 <= len(words) <= 6 or any(c in text for c in "|>›»:/") or text.endswith((".", "?", "!")):
        return None
    if not _MASTHEAD.match(text) or all(w.lower() in cues.SECTION_WORDS for w in words):
        return None
    lead = first.line.text.index(text)
    ev = _ev(first, lead, lead + len(text), "masthead")
    if text.isupper():  # the value reads as a name; the evidence keeps the span as written
        ev = Evidence(text.title(), ev.raw_start, ev.raw_end, ev.origin)
    return ev


def find_publisher(infos: list[LineInfo], meta: dict[str, Any], source: str) -> Evidence | None:
    """Publisher: a "Name - " lead attribution, the site name of a header breadcrumb, a copyright or
    disclaimer holder, then container metadata, then the URL host. Wire services are not publishers."""
    # What the container says (a JSONL "publisher" field) is the user's own statement: it wins.
    v = meta.get("publisher")
    if isinstance(v, str) and v.strip():
        return Evidence(v.strip(), None, None, "metadata")
    body = [x for x in infos if not x.boiler and x.words >= 8 and not x.is_title]
    if body:
        lead = body[0]
        m = _LEAD_PUBLISHER.match(lead.line.text)
        if m:
            name = m.group("name")
            # A dateline city is written in capitals ("BAGHDAD - "); a site name is not (or has a dot).
            if (name.upper() != name or "." in name) and not _is_wire(name) and len(name) >= 3:
                return _ev(lead, m.start("name"), m.end("name"), "lead-attribution")
    header_end = next((i for i, x in enumerate(infos) if x.is_title or (not x.boiler and x.long_prose)), len(infos))
    masthead = _masthead(infos[:header_end])
    if masthead:
        return masthead
    for info in infos[:header_end]:
        if info.boiler and info.feats.get("breadcrumb"):
            span = _site_from_breadcrumb(info.line.text)
            if span:
                return _ev(info, span[0], span[1], "site-header")
    for info in reversed(infos):
        if info.boiler and info.reason == "footer":
            m = _COPYRIGHT_HOLDER.search(info.line.text)
            if m:
                name = m.group("name").rstrip(".")
                if not _is_wire(name) and name.lower() not in ("all", "the"):
                    return _ev(info, m.start("name"), m.start("name") + len(name), "copyright")
            m = _DISCLAIMER_OWNER.search(info.line.text)
            if m:
                return _ev(info, m.start("name"), m.end("name"), "disclaimer")
    for key in ("publisher", "sitename", "site_name"):
        v = meta.get(key)
        if isinstance(v, str) and v.strip():
            return Evidence(v.strip(), None, None, "metadata")
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    if not url and re.match(r"https?://", source or ""):
        url = source
    if url:
        host = urlsplit(url).hostname or ""
        host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
        if host:
            return Evidence(host, None, None, "url")
    return None


def _lead_weekday(infos: list[LineInfo]) -> tuple[int, Evidence] | None:
    body = [x for x in infos if not x.boiler and x.words >= 8 and not x.is_title]
    if not body:
        return None
    lead = body[0]
    m = LEAD_WEEKDAY.search(lead.line.text)
    if not m:
        return None
    return WEEKDAYS[m.group("wd").lower()], _ev(lead, m.start(), m.end(), "lead")


def _candidates(infos: list[LineInfo]) -> list[tuple[int, int, LineInfo, DateMatch, str]]:
    out: list[tuple[int, int, LineInfo, DateMatch, str]] = []
    body = [x for x in infos if not x.boiler and x.words >= 8 and not x.is_title]
    lead = body[0] if body else None
    for info in infos:
        if info.zone or info.heading:
            continue  # dates in a related-headlines box belong to other stories
        t = info.line.text
        found = None
        origin = ""
        dated_line = info.feats.get("date_line") or info.feats.get("byline")
        if (info.boiler and dated_line) or (info.words <= 14 and _DATE_LABEL.search(t)):
            found = find_dates(t)
            origin = "last-modified" if _LAST_MODIFIED.search(t) else ("byline" if info.feats.get("byline") else "date-line")
            if found:
                found = found[:1]
        elif info.boiler and info.reason in ("caption", "duplicate-caption", "photo-credit"):
            found = find_dates(t)[-1:]
            origin = "caption"
        elif info is lead:
            m = _DATELINE.match(t)
            pre = m.group("pre") if m else ""
            if pre and re.match(r"[A-Z]{2,}", pre):
                found = [d for d in find_dates(pre)][:1]
                origin = "dateline"
            if not found:
                # a date opening the first paragraph ("8 Jun 2016 Russian air strikes ...")
                found = [d for d in find_dates(t[:40]) if d.start <= 1][:1]
                origin = "dateline"
            if not found:
                found = [d for d in find_dates(t) if d.weekday is not None][:1]
                origin = "lead"
        for d in found or ():
            out.append((_ORIGIN_RANK[origin], info.line.idx, info, d, origin))
    out.sort(key=lambda c: (c[0], c[1]))
    return out


def _doc_span(infos: list[LineInfo], info: LineInfo, dm: DateMatch) -> tuple[int, int]:
    """Offsets of ``dm`` in the text of ``infos`` joined with newlines."""
    pos = 0
    for x in infos:
        if x is info:
            return pos + dm.start, pos + dm.end
        pos += len(x.line.text) + 1
    return 0, 0


def find_published(infos: list[LineInfo], meta: dict[str, Any]) -> tuple[PublishedDate | None, list[Flag]]:
    flags: list[Flag] = []
    lead_wd = _lead_weekday(infos)
    mv = meta.get("published") or meta.get("date")
    if isinstance(mv, str) and mv.strip():
        y, mo, d = parse_iso_like(mv)
        if y is not None:
            return PublishedDate(y, mo, d, None, Evidence(mv.strip(), None, None, "metadata"), "metadata"), flags
    cands = _candidates(infos)
    if not cands:
        return None, flags
    rank, _, info, dm, origin = cands[0]
    if dm.year is None:
        # Prefer a full date of a lower-ranked origin that agrees on month and day.
        for _, _, i2, d2, o2 in cands[1:]:
            if d2.year is not None and (d2.month, d2.day) == (dm.month, dm.day):
                info, dm, origin = i2, d2, o2
                break
    ev = _ev(info, dm.start, dm.end, origin)
    method = "stated"
    if dm.order == "ambiguous":
        # "11/03/2024": both numbers could be the month. Read it in the convention the document
        # signals (other day-first dates, spellings, time zone), day-first when it signals none,
        # and say so in the method and a flag.
        text = "\n".join(x.line.text for x in infos)
        skip = _doc_span(infos, info, dm)
        convention, why = date_order_signals(text, skip)
        dm = resolve_order(dm, convention)
        order = "day-first" if convention != "mdy" else "month-first"
        method = f"stated-{order}-by-document" if convention else "stated-day-first-by-default"
        signals = "; ".join(why) if why else "no signal"
        flags.append(
            Flag("ambiguous-date-order", f"{ev.value!r} read {order} ({dm.year}-{dm.month:02d}-{dm.day:02d}): {signals}", (ev,))
        )
    weekday, wev = dm.weekday, None
    if weekday is None and dm.year is None and lead_wd is not None:
        # A partial date: the lead's "on Sunday" is the best clue to its year.
        weekday, wev = lead_wd
    date = PublishedDate(dm.year, dm.month, dm.day, weekday, ev, method, wev)
    fl = mismatch_flag(date)
    if fl is not None:
        flags.append(fl)
    return date, flags
