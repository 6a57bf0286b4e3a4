"""Sources -> RawDocuments: plain text, HTML, JSON lines, CSV and WARC, files or directories.

Readers are generators that yield a RawDocument, an IngestProblem (a source, or one line, row or
record of it, that could not be read: reported, the run goes on) or an IngestNote (something the
user should know that loses nothing: a file a directory walk leaves unread, a repaired string, an
ambiguous date left unread). Nothing is skipped in silence.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.ingest.decode import MAX_DOCUMENT_BYTES, NotText, decode
from newsgraph.types import IngestProblem, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES)
# files that hold many documents: a folder holding one is a corpus folder, its text files are its notes
STRUCTURED_SUFFIXES = JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES

# A text file named like these, found by a directory walk next to a corpus file (CSV, JSONL, WARC),
# describes the corpus (where it came from, its licence, its columns): it is no article.
DOCUMENTATION_NAMES = re.compile(
    r"(?i)(?:readme|source|sources|licen[cs]e|copying|notice|citation|changelog|about|datasheet|metadata)"
    r"(?:[-_. ].*)?"
)


@dataclass(slots=True)
class IngestNote:
    """Something a run tells the user that costs no stored data: a file a directory walk left unread
    (``unread``), a repair made to an input (``repaired``), a value left unread (``ambiguous``)."""

    source: str
    reason: str
    kind: str = "unread"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read structured sources. ``columns`` maps a role (text, html, title, published,
    publisher, url) to a CSV column; ``date_order`` (dmy, mdy, ymd) reads all-numeric dates."""

    columns: dict[str, str] = field(default_factory=dict)
    date_order: str | None = None


Item = RawDocument | IngestProblem | IngestNote


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestProblem | IngestNote]:
    """Files named directly, and supported files found under directories (sorted, hidden skipped).

    A file a directory walk does not read is named in an IngestNote with the reason: a type no
    reader takes, or a corpus's documentation (README, SOURCE, LICENSE... text files in a folder
    that holds a CSV, JSONL or WARC corpus). A file named directly is always read."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[Path] = []
            unread: list[IngestNote] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                names = sorted(f for f in files if not f.startswith("."))
                corpus_folder = any(suffix_of(Path(f)) in STRUCTURED_SUFFIXES for f in names)
                for f in names:
                    suffix = suffix_of(Path(f))
                    where = str(Path(root) / f)
                    if suffix not in SUPPORTED:
                        kind = f"{suffix!r} files" if suffix else "files without an extension"
                        unread.append(IngestNote(where, f"not read: no reader takes {kind} (supported: {', '.join(SUPPORTED)})"))
                    elif corpus_folder and suffix in TEXT_SUFFIXES and DOCUMENTATION_NAMES.fullmatch(Path(f).stem):
                        unread.append(IngestNote(where, "not read: the documentation of the corpus in this folder, "
                                                        "not an article (name the file to read it anyway)"))
                    else:
                        found.append(Path(root) / f)
            if not found:
                yield IngestProblem(str(path), f"no supported files ({', '.join(SUPPORTED)}) in directory")
            yield from unread
            yield from found
        elif path.exists():
            yield path
        else:
            yield IngestProblem(str(path), "no such file or directory")


def read_paths(paths: Iterable[str | os.PathLike], options: ReadOptions | None = None) -> Iterator[Item]:
    for item in expand(paths):
        if isinstance(item, (IngestProblem, IngestNote)):
            yield item
        else:
            yield from read_file(item, options)


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    source = str(path)
    suffix = suffix_of(path)
    options = options or ReadOptions()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, options)
            return
        if suffix in CSV_SUFFIXES:
            from newsgraph.ingest.tables import read_csv

            yield from read_csv(path, options)
            return
        if suffix in WARC_SUFFIXES:
            yield from read_warc(path)
            return
        size = path.stat().st_size
        if size == 0:
            yield IngestProblem(source, "empty file")
            return
        if size > MAX_DOCUMENT_BYTES:
            yield IngestProblem(
                source, f"file too large for one article ({size / 1e6:.0f} MB > {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)"
            )
            return
        data = path.read_bytes()
    except PermissionError:
        yield IngestProblem(source, "permission denied")
        return
    except IsADirectoryError:
        yield IngestProblem(source, "is a directory")
        return
    except OSError as exc:
        yield IngestProblem(source, f"unreadable: {exc.strerror or exc}")
        return
    # a capture saved without an extension is sniffed below; any other extension is not ours
    if suffix and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield IngestProblem(source, f"unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED)})")
        return
    decoded = _decode(source, data)
    if isinstance(decoded, IngestProblem):
        yield decoded
        return
    text, encoding = decoded
    fmt = "html" if suffix in HTML_SUFFIXES or (not suffix and _looks_like_html(text)) else "text"
    yield RawDocument(source=source, locator="", format=fmt, content=text, encoding=encoding)


_BLANK = "no text (only whitespace)"


def _decode(where: str, data: bytes) -> tuple[str, str | None] | IngestProblem:
    """Text and its encoding, or the reason these bytes are not an article."""
    try:
        text, encoding = decode(data)
    except NotText as exc:
        return IngestProblem(where, str(exc))
    if not text.strip():
        return IngestProblem(where, _BLANK)
    return text, encoding


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


_META_FIELDS = ("title", "url", "published", "publisher")


_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_surrogates(value):
    """``value`` (a JSON value) with every lone surrogate code point (a "\\ud800" escape with no
    partner: not text, and SQLite and UTF-8 refuse it) replaced by U+FFFD, and how many there were."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, dict):
        out, n = {}, 0
        for k, v in value.items():
            k2, a = repair_surrogates(k)
            out[k2], b = repair_surrogates(v)
            n += a + b
        return out, n
    if isinstance(value, list):
        pairs = [repair_surrogates(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    return value, 0


def _loads(line: bytes):
    """A JSON value, or the reason the line is none. Nesting deeper than the decoder's stack
    (thousands of brackets) is malformed input like any other, not a crash."""
    try:
        return json.loads(line), None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, f"malformed JSON ({exc.__class__.__name__}: {exc})"
    except RecursionError:
        return None, "malformed JSON (nested too deep to decode)"


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    source = str(path)
    options = options or ReadOptions()
    from newsgraph.ingest.tables import DateReport

    dates = DateReport(source, options.date_order)
    with path.open("rb") as handle:
        any_line = False
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            any_line = True
            where = f"{source}:{number}"
            if len(line) > MAX_DOCUMENT_BYTES:
                yield IngestProblem(where, "line too large for one article")
                continue
            record, why = _loads(line)
            if why:
                yield IngestProblem(where, why)
                continue
            if not isinstance(record, dict):
                yield IngestProblem(where, "JSON line is not an object")
                continue
            record, lone = repair_surrogates(record)
            body = record.get("html") or record.get("text")
            if not isinstance(body, str) or not body.strip():
                yield IngestProblem(where, "no 'text' or 'html' field with content")
                continue
            if lone:
                yield IngestNote(where, f"{lone} lone surrogate escape{'s' if lone > 1 else ''} (\\ud800-\\udfff with no "
                                        "partner) replaced by U+FFFD; the article is kept", "repaired")
            meta = {k: record[k] for k in _META_FIELDS if isinstance(record.get(k), str) and record[k].strip()}
            if "published" in meta:
                dates.read(where, meta.pop("published"), meta)
            fmt = "html" if record.get("html") else "text"
            yield RawDocument(source=source, locator=f"line {number}", format=fmt, content=body, meta=meta)
        if not any_line:
            yield IngestProblem(source, "empty file")
    yield from dates.notes()


def read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    found = 0
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    continue
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                if len(data) > MAX_DOCUMENT_BYTES:
                    yield IngestProblem(where, "record too large for one article")
                    continue
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if missing > 0:
                    # the archive ends inside this record (a truncated download): its page is cut
                    yield IngestProblem(where, f"truncated WARC: the file ends {missing} bytes before this record does")
                    continue
                decoded = _decode(where, data)
                if isinstance(decoded, IngestProblem):
                    if decoded.reason != _BLANK:  # an empty response record is not a problem
                        yield decoded
                    continue
                text, encoding = decoded
                found += 1
                meta = {"url": url} if url else {}
                date = record.rec_headers.get_header("WARC-Date")
                if date:
                    meta["crawled"] = date
                fmt = "html" if "html" in ctype.lower() else "text"
                yield RawDocument(
                    source=source,
                    locator=record.rec_headers.get_header("WARC-Record-ID") or url,
                    format=fmt,
                    content=text,
                    meta=meta,
                    encoding=encoding,
                )
        except (ArchiveLoadFailed, gzip.BadGzipFile, EOFError, ValueError, OSError) as exc:
            yield IngestProblem(source, f"malformed WARC ({exc.__class__.__name__}: {exc}); "
                                        f"{found} records before it were read")
            return
    if not found:
        yield IngestProblem(source, "no HTML response records in WARC")
