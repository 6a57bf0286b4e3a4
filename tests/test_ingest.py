"""Reading sources: every format, and every kind of bad input named with its reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest.readers import read_paths
from newsgraph.types import IngestProblem, RawDocument

from conftest import WIRE_STORY


def read(*paths):
    items = list(read_paths(paths))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, IngestProblem)]
    return docs, problems


def test_plain_text_and_html_by_suffix(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE_STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{WIRE_STORY}</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored: not an article format")
    docs, problems = read(tmp_path)
    assert [(Path(d.source).name, d.format) for d in docs] == [("a.txt", "text"), ("b.html", "html")]
    assert problems == []


def test_jsonl_fields_and_broken_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": WIRE_STORY, "title": "Brigade advances", "url": "https://example.org/a", "published": "2024-03-14", "publisher": "Example Wire"}),
        '{"text": "unterminated',
        json.dumps({"html": "<p>" + WIRE_STORY + "</p>"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body"}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, problems = read(path)
    assert [d.locator for d in docs] == ["line 1", "line 3"]
    assert docs[0].meta == {"title": "Brigade advances", "url": "https://example.org/a", "published": "2024-03-14", "publisher": "Example Wire"}
    assert docs[1].format == "html"
    reasons = {p.source.rsplit(":", 1)[1]: p.reason for p in problems}
    assert reasons["2"].startswith("malformed JSON")
    assert reasons["4"] == "JSON line is not an object"
    assert "no 'text' or 'html'" in reasons["5"]


def test_warc_response_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        html = f"<html><head><title>T</title></head><body><article><p>{WIRE_STORY}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/a", "response", payload=io.BytesIO(html.encode()), http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/i.png", "response", payload=io.BytesIO(b"\x89PNG\x00\x00"), http_headers=img))
    docs, problems = read(path)
    assert len(docs) == 1 and docs[0].format == "html" and docs[0].meta["url"] == "https://news.example/a"
    assert problems == []


def test_bad_inputs_each_named_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    docs, problems = read(tmp_path, tmp_path / "missing.txt")
    assert docs == []
    by_file = {Path(p.source).name: p.reason for p in problems}
    assert by_file["empty.txt"] == "empty file"
    assert by_file["blank.txt"].startswith("no text")
    assert by_file["binary.txt"].startswith("binary content")
    assert by_file["huge.txt"].startswith("file too large")
    assert by_file["bad.warc"].startswith("malformed WARC") or "no HTML response" in by_file["bad.warc"]
    assert by_file["missing.txt"] == "no such file or directory"


def test_other_encodings_are_detected(tmp_path):
    text = "Le ministère de la Défense a annoncé que les combats près de la frontière étaient terminés. " * 5
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    docs, problems = read(tmp_path)
    assert problems == []
    assert [d.content.strip() for d in docs] == [text.strip(), text.strip()]
    assert all(d.encoding for d in docs)


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(WIRE_STORY)

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    docs, problems = read(path)
    assert docs == [] and problems[0].reason == "permission denied"


def test_malformed_html_is_still_read(tmp_path):
    (tmp_path / "broken.html").write_text("<html><body><div><p>" + WIRE_STORY + "<p><b>unclosed <i>tags</div>")
    docs, problems = read(tmp_path)
    assert len(docs) == 1 and problems == []


def test_same_content_same_id():
    a = RawDocument("a.txt", "", "text", WIRE_STORY)
    b = RawDocument("copy/a.txt", "", "text", WIRE_STORY)
    assert a.id == b.id and len(a.id) == 16
    assert RawDocument("a.txt", "", "text", WIRE_STORY + ".").id != a.id


@pytest.mark.parametrize("name", ["dir_without_articles"])
def test_directory_without_supported_files(tmp_path, name):
    d = tmp_path / name
    d.mkdir()
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    docs, problems = read(d)
    assert docs == [] and "no supported files" in problems[0].reason


def test_named_unsupported_file_and_extensionless_capture(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "capture").write_text("<!DOCTYPE html><html><body><p>" + WIRE_STORY + "</p></body></html>")
    (tmp_path / "notes").write_text(WIRE_STORY)
    docs, problems = read(tmp_path / "photo.jpg", tmp_path / "capture", tmp_path / "notes")
    assert [(Path(d.source).name, d.format) for d in docs] == [("capture", "html"), ("notes", "text")]
    assert problems[0].reason.startswith("unsupported file type '.jpg'")
