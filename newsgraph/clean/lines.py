"""Split a raw text into lines with exact raw offsets.

A ``Line`` is the stripped content of one physical line; ``start``/``end`` index into the raw text,
so ``raw[line.start:line.end] == line.text`` always holds. Blank lines are not returned, but each
line records whether a blank line (or several) separated it from the previous non-blank line: a run
of lines with no blank between them is a *block*, the unit that the cleaner's context model uses.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters stripped around a line besides ordinary whitespace (str.strip already covers NBSP).
_EXTRA_STRIP = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(slots=True)
class Line:
    idx: int  # index among non-blank lines
    start: int  # raw offset of the first non-space character
    end: int  # raw offset just after the last non-space character
    text: str  # raw[start:end]
    indent: int  # leading whitespace width (tabs count 4)
    blank_before: bool  # a blank line separates it from the previous non-blank line (True for the first)
    block: int = 0  # block number (consecutive lines with no blank line between)
    physical: int = 0  # 0-based physical line number in the raw text


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    blank = True
    block = -1
    pos = 0
    strip_chars = _EXTRA_STRIP + " \t\u00a0"
    for phys, seg in enumerate(raw.splitlines(True)):
        seg_start = pos
        pos += len(seg)
        body = seg.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        left = body.lstrip()
        if left[:1] in _EXTRA_STRIP and left:
            left = left.lstrip(strip_chars).lstrip()
        text = left.rstrip()
        if text[-1:] in _EXTRA_STRIP and text:
            text = text.rstrip(strip_chars).rstrip()
        if not text:
            blank = True
            continue
        start = seg_start + len(body) - len(left)
        if blank:
            block += 1
        lines.append(
            Line(
                idx=len(lines),
                start=start,
                end=start + len(text),
                text=text,
                indent=sum(4 if c == "\t" else 1 for c in body[: len(body) - len(left)]),
                blank_before=blank,
                block=block,
                physical=phys,
            )
        )
        blank = False
    return lines
