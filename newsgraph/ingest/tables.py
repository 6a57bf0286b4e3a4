"""CSV (and TSV) corpora: one article a row, its columns mapped to the document's roles.

``--columns text=article_content,title=article_title,published=date,publisher=source,url=link`` names
the column of each role; a role not named is looked for under its usual column names (text, content,
body, title, headline, date, source, url...). Every other column is kept, as the document's metadata
(``meta["columns"]``), and shown by ``show-doc``. Dates go through ``numeric_dates``: an ambiguous
all-numeric date is read only with ``--date-order``.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from newsgraph.ingest.decode import MAX_DOCUMENT_BYTES, NotText, decode, looks_binary
from newsgraph.ingest.numeric_dates import evident_order, read_date
from newsgraph.ingest.readers import IngestNote, Item, ReadOptions, repair_surrogates
from newsgraph.types import IngestProblem, RawDocument

ROLES = ("text", "html", "title", "published", "publisher", "url")

# usual column names of each role, tried in this order when --columns does not name one
_USUAL = {
    "text": ("text", "content", "body", "article", "article_content", "article_text", "full_text", "story", "maintext"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline", "article_title", "heading"),
    "published": ("published", "date", "pubdate", "publish_date", "published_at", "date_publish", "datetime", "time"),
    "publisher": ("publisher", "source", "outlet", "site", "site_name", "sitename", "domain", "media"),
    "url": ("url", "link", "article_url", "source_url", "href"),
}

_SAMPLE = 1 << 20  # bytes read to find the encoding and the delimiter


def parse_columns(spec: str) -> dict[str, str]:
    """``"text=article_content,title=article_title"`` -> {"text": "article_content", ...}; raises
    ValueError naming the bad part."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        role, sep, column = part.partition("=")
        role, column = role.strip().lower(), column.strip()
        if not sep or not column:
            raise ValueError(f"{part!r} is not ROLE=COLUMN")
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r} in {part!r} (roles: {', '.join(ROLES)})")
        out[role] = column
    return out


def _encoding(path: Path, head: bytes) -> str:
    """The file's encoding: UTF-8 when the whole file decodes as UTF-8 (checked in blocks, so a
    Windows-1252 byte far down the file is not replaced in silence), else what the first block
    that fails shows."""
    check = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        while block := handle.read(_SAMPLE):
            try:
                check.decode(block)
            except UnicodeDecodeError:
                _, encoding = decode(head if not head.isascii() else block)
                return encoding or "cp1252"
    return "utf-8-sig"


def _dialect(head: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    first = head.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


class DateReport:
    """Ambiguous container dates of one file, reported in one line at its end (not one per row)."""

    def __init__(self, source: str, order: str | None):
        self.source, self.order = source, order
        self.values: list[str] = []
        self.ambiguous: list[tuple[str, str]] = []  # (where, value)
        self.reason = ""

    def read(self, where: str, value: str, meta: dict) -> None:
        self.values.append(value)
        iso, why = read_date(value, self.order)
        if why:
            meta["published_ambiguous"] = value
            self.ambiguous.append((where, value))
            self.reason = self.reason or why
        elif iso:
            meta["published"] = iso
        else:
            meta["published"] = value  # a text or ISO date: the cleaner reads it

    def notes(self) -> Iterator[IngestNote]:
        if not self.ambiguous:
            return
        n = len(self.ambiguous)
        order, example = evident_order(self.values)
        hint = ""
        if order:
            shown = {"dmy": "day/month/year", "mdy": "month/day/year"}[order]
            hint = f"; this file's unambiguous dates read {shown} (e.g. {example!r}): pass --date-order {order} if all do"
        first_where, _ = self.ambiguous[0]
        yield IngestNote(self.source, f"{n} date{'s' if n > 1 else ''} left unread and flagged on the document, "
                                      f"first {first_where.rsplit(':', 1)[-1]}: {self.reason}{hint}", "ambiguous")


def read_csv(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    options = options or ReadOptions()
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE)
    if not head.strip():
        yield IngestProblem(source, "empty file")
        return
    if looks_binary(head):
        yield IngestProblem(source, "binary content (not a CSV file)")
        return
    try:
        encoding = _encoding(path, head)
    except NotText as exc:
        yield IngestProblem(source, str(exc))
        return
    delimiter = _dialect(head.decode(encoding, "replace"), path.suffix.lower())
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            yield IngestProblem(source, f"malformed CSV header ({exc})")
            return
        if not header:
            yield IngestProblem(source, "empty file")
            return
        header = [h.strip() for h in header]
        given = options.columns
        missing = [c for c in given.values() if c not in header]
        if missing:
            yield IngestProblem(source, f"no column {', '.join(map(repr, missing))} (the columns are: {', '.join(header)})")
            return
        lowered = {h.lower(): h for h in header}
        role_of: dict[str, str] = dict(given)
        for role, names in _USUAL.items():
            if role not in role_of:
                found = next((lowered[n] for n in names if n in lowered and lowered[n] not in role_of.values()), None)
                if found:
                    role_of[role] = found
        if "text" not in role_of and "html" not in role_of:
            yield IngestProblem(source, f"no text column found (the columns are: {', '.join(header)}); "
                                        "name it: --columns text=COLUMN")
            return
        index = {h: i for i, h in enumerate(header)}
        kept = [h for h in header if h and h not in role_of.values()]
        yield IngestNote(source, "columns read as " + ", ".join(f"{r}={c}" for r, c in role_of.items())
                         + (f"; kept as metadata: {', '.join(kept)}" if kept else ""), "columns")
        dates = DateReport(source, options.date_order)
        number = 0
        any_row = False
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield IngestProblem(f"{source}:row {number + 1}", f"malformed CSV ({exc}); the rest of the file is not read")
                break
            number += 1
            if not any(cell.strip() for cell in row):
                continue
            any_row = True
            where = f"{source}:row {number}"

            def cell(role: str) -> str:
                col = role_of.get(role)
                i = index.get(col) if col else None
                return row[i].strip() if i is not None and i < len(row) else ""

            html, body = cell("html"), cell("text")
            content = html or body
            if not content:
                yield IngestProblem(where, f"empty text column {role_of.get('text') or role_of.get('html')!r}")
                continue
            if len(content) > MAX_DOCUMENT_BYTES:
                yield IngestProblem(where, "cell too large for one article")
                continue
            meta: dict = {}
            for role in ("title", "publisher", "url"):
                if cell(role):
                    meta[role] = cell(role)
            if cell("published"):
                dates.read(where, cell("published"), meta)
            extra = {h: row[index[h]] for h in kept if index[h] < len(row) and row[index[h]].strip()}
            if extra:
                meta["columns"] = extra
            meta, _ = repair_surrogates(meta)
            yield RawDocument(source=source, locator=f"row {number}", format="html" if html else "text",
                              content=content, meta=meta, encoding=None if encoding.startswith("utf-8") else encoding)
        if not any_row:
            yield IngestProblem(source, "no rows under the header")
        yield from dates.notes()
