"""Bytes -> text, refusing what is not text and naming the encoding when it is not UTF-8."""

from __future__ import annotations

from charset_normalizer import from_bytes


class NotText(ValueError):
    """The bytes are not a text document (binary, or no encoding explains them)."""


# A real article page is well under this; anything larger is a dump or a mistake, and reading it
# whole would hold the run hostage (the limit is per document, so a big JSONL/WARC file is fine).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# Bytes that never occur in text documents; a NUL anywhere in the first block is decisive.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) - {27}


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text is half NULs; the decoder reads it by its BOM
    # binary formats are full of NULs; a text with a stray one (a bad copy, a flipped byte) is text
    if head.count(b"\x00") > max(2, len(head) // 200):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes) -> tuple[str, str | None]:
    """Return (text, encoding) where encoding is None for UTF-8; raise NotText otherwise."""
    if looks_binary(data):
        raise NotText("binary content (not a text document)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text, encoding = _decode(data)
    # a stray NUL is no character of any text, and many tools stop reading at it
    return (text.replace("\x00", "\ufffd") if "\x00" in text else text), encoding


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise NotText("undecodable bytes: not UTF-8 and no other encoding fits")
    best = matches[0]
    # Ties between single-byte code pages are common on short texts; non-UTF-8 web text is
    # overwhelmingly Windows-1252, so it wins any tie it is part of.
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos and match.coherence >= best.coherence:
            best = match
            break
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise NotText(f"undecodable bytes: detected {encoding} but decoding failed ({exc})") from exc
    return text, encoding
