"""Sources -> RawDocuments: plain text, HTML, JSON lines and WARC, files or directories.

Readers are generators that yield either a RawDocument or an IngestProblem, so one bad file (or one
bad line of a JSONL file, or one bad WARC record) is reported and the run goes on.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.decode import MAX_DOCUMENT_BYTES, NotText, decode
from newsgraph.types import IngestProblem, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES)

Item = RawDocument | IngestProblem


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestProblem]:
    """Files named directly, and supported files found under directories (sorted, hidden skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f
                    for f in sorted(files)
                    if not f.startswith(".") and suffix_of(Path(f)) in SUPPORTED
                )
            if not found:
                yield IngestProblem(str(path), f"no supported files ({', '.join(SUPPORTED)}) in directory")
            yield from found
        elif path.exists():
            yield path
        else:
            yield IngestProblem(str(path), "no such file or directory")


def read_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Item]:
    for item in expand(paths):
        if isinstance(item, IngestProblem):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    suffix = suffix_of(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path)
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


def read_jsonl(path: Path) -> Iterator[Item]:
    source = str(path)
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
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield IngestProblem(where, f"malformed JSON ({exc.__class__.__name__}: {exc})")
                continue
            if not isinstance(record, dict):
                yield IngestProblem(where, "JSON line is not an object")
                continue
            body = record.get("html") or record.get("text")
            if not isinstance(body, str) or not body.strip():
                yield IngestProblem(where, "no 'text' or 'html' field with content")
                continue
            meta = {k: record[k] for k in _META_FIELDS if isinstance(record.get(k), str) and record[k].strip()}
            fmt = "html" if record.get("html") else "text"
            yield RawDocument(source=source, locator=f"line {number}", format=fmt, content=body, meta=meta)
        if not any_line:
            yield IngestProblem(source, "empty file")


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
        except (ArchiveLoadFailed, gzip.BadGzipFile, EOFError, ValueError) as exc:
            yield IngestProblem(source, f"malformed WARC ({exc.__class__.__name__}: {exc})")
            return
    if not found:
        yield IngestProblem(source, "no HTML response records in WARC")
