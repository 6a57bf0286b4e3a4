"""Acceptance of the cleaner on the development seeds (real captures in ../shared, read at run time).

The seeds are copyrighted: nothing of their text is written here. Which lines are body and which are
boilerplate is computed from the files themselves, from their structure (line positions) and from
generic page-widget labels ("Top stories", "Editor's Picks", ...), never from article sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.clean import clean, complete_dates
from newsgraph.types import RawDocument

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not available"),
]
_CAPTION_DATE = re.compile(r", [A-Z][a-z]+ \d{1,2}(?:, \d{4})?\.(?: \w+)?$")


def _seed(prefix: str) -> tuple[str, list[str]]:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    text = path.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return text, [ln for ln in lines if ln]


def _first(lines: list[str], pred) -> int:
    return next(i for i, ln in enumerate(lines) if pred(ln))


def _kept_lines(doc) -> set[str]:
    return {ln.strip() for ln in doc.text.split("\n") if ln.strip()}


def _removed_lines(doc) -> list[str]:
    return [r.text for r in doc.removed]


# For each seed: (index of the first body line, predicate of the first tail-boilerplate line,
# predicate of body-zone lines that are not body, e.g. captions and photo credits)
_LAYOUT = {
    "000": (1, lambda ln: ln == "Editor's Picks", lambda ln: ln.endswith("Reuters") and _CAPTION_DATE.search(ln)),
    "001": (2, lambda ln: ln == "Top stories", lambda ln: False),
    "002": (1, lambda ln: ln.startswith("This column does not necessarily"), lambda ln: ln.startswith("Photographer:")),
    "003": (1, lambda ln: ln.startswith("Last Modified:"), lambda ln: False),
    "004": (1, lambda ln: ln.startswith("Popular posts"), lambda ln: bool(_CAPTION_DATE.search(ln))),
}


@pytest.mark.parametrize("prefix", sorted(_LAYOUT))
def test_seed_body_kept_and_boilerplate_removed(prefix: str) -> None:
    text, lines = _seed(prefix)
    doc = clean(RawDocument(prefix, "", "text", text))
    first_body, tail_start, not_body = _LAYOUT[prefix]
    tail = _first(lines, tail_start)
    kept = _kept_lines(doc)
    removed = set(_removed_lines(doc))
    body = [ln for ln in lines[first_body:tail] if not not_body(ln)]
    assert len(body) >= 5
    missing = [ln[:40] for ln in body if ln not in kept]
    assert not missing, f"body lines dropped: {missing}"
    leftovers = [ln[:40] for ln in lines[tail:] if ln in kept]
    assert not leftovers, f"boilerplate kept: {leftovers}"
    for ln in lines[first_body:tail]:
        if not_body(ln):
            assert ln in removed
    # the headline is kept, once
    assert lines[0] in kept or prefix == "003"
    assert doc.text.count(lines[0]) <= 1 or prefix == "003"


def test_seed_specific_lines() -> None:
    # 001: the duplicated title line goes, as "duplicate-title"
    text, lines = _seed("001")
    doc = clean(RawDocument("001", "", "text", text))
    assert lines[1] == lines[0]
    assert any(r.reason == "duplicate-title" and r.text == lines[0] for r in doc.removed)
    # every line under "Top stories" (full sentences) goes as related headlines
    top = _first(lines, lambda ln: ln == "Top stories")
    for ln in lines[top + 1 : top + 5]:
        assert any(r.text == ln and r.reason == "related-headlines" for r in doc.removed)
    # 002: disclaimer, contact lines and the terminal promo go
    text, lines = _seed("002")
    doc = clean(RawDocument("002", "", "text", text))
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons[_first_line(lines, "To contact the author")] == "contact"
    assert reasons[_first_line(lines, "This column does not necessarily")] == "footer"
    assert reasons[_first_line(lines, "Photographer:")] == "photo-credit"
    # 003: the site header goes as navigation, its site name is the publisher
    text, lines = _seed("003")
    doc = clean(RawDocument("003", "", "text", text))
    assert reasons_of(doc)[lines[0]] == "navigation"
    assert doc.publisher is not None and doc.publisher.origin == "site-header"
    assert text[doc.publisher.raw_start : doc.publisher.raw_end] == doc.publisher.value
    assert doc.title is not None and doc.title.value == lines[1]
    # 004: both copies of the caption go, the second as a duplicate
    text, lines = _seed("004")
    doc = clean(RawDocument("004", "", "text", text))
    caps = [ln for ln in lines if _CAPTION_DATE.search(ln)]
    assert len(caps) == 2 and caps[0] == caps[1]
    assert [r.reason for r in doc.removed if r.text == caps[0]] == ["caption", "duplicate-caption"]


def _first_line(lines: list[str], prefix: str) -> str:
    return lines[_first(lines, lambda ln: ln.startswith(prefix))]


def reasons_of(doc) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


def test_seed_segments_map_exactly() -> None:
    for prefix in _LAYOUT:
        text, _ = _seed(prefix)
        doc = clean(RawDocument(prefix, "", "text", text))
        covered = 0
        for seg in doc.segments:
            assert seg.raw_start is not None
            assert doc.text[seg.clean_start : seg.clean_start + seg.length] == text[seg.raw_start : seg.raw_start + seg.length]
            covered += seg.length
        # everything but the paragraph separators is covered by segments
        assert covered == len(doc.text.replace("\n", ""))
        for r in doc.removed:
            assert text[r.raw_start : r.raw_end] == r.text


def test_seed_publication_dates() -> None:
    docs = {}
    cleaned = {}
    for prefix in _LAYOUT:
        text, _ = _seed(prefix)
        cleaned[prefix] = (text, clean(RawDocument(prefix, "", "text", text)))
        docs[prefix] = cleaned[prefix][1].published
    out = complete_dates(docs, {"000": "story-a", "001": "story-a", "002": "b", "003": "c", "004": "d"})
    iso = {k: (v[0].iso if v[0] else None) for k, v in out.items()}
    assert iso["000"] == "2016-10-30"
    assert iso["001"] == "2016-10-31"
    assert iso["003"] == "2016-12-19"
    assert iso["002"] is None
    assert iso["004"] in (None, "2017-03-23")
    # 000: caption date + "on Sunday" in the lead -> year from weekday and corpus period
    d0 = out["000"][0]
    assert d0.method == "year-from-weekday-and-corpus" and d0.weekday == 6
    assert d0.weekday_evidence is not None and d0.weekday_evidence.origin == "lead"
    # 001: "Sunday, October 31" matches no year near the corpus period -> story sibling's year,
    # and the stated weekday contradicts the date
    d1, flags1 = out["001"]
    assert d1.method == "year-from-story" and d1.weekday == 6
    assert [f.kind for f in flags1] == ["weekday-mismatch"]
    # evidence spans point into the raw text
    for prefix, (text, doc) in cleaned.items():
        d = out[prefix][0]
        if d is not None:
            ev = d.evidence
            assert text[ev.raw_start : ev.raw_end] == ev.value
    # 003: the "Last Modified" line with its weekday
    d3 = out["003"][0]
    assert d3.evidence.origin == "last-modified" and d3.weekday == 0 and not out["003"][1]
    # 004: the caption date, never a date from body narrative
    if iso["004"]:
        assert out["004"][0].evidence.origin == "caption"


def test_seed_publisher_and_wire() -> None:
    text, _ = _seed("001")
    doc = clean(RawDocument("001", "", "text", text))
    assert doc.publisher is not None and doc.publisher.origin == "lead-attribution"
    assert text[doc.publisher.raw_start : doc.publisher.raw_end] == doc.publisher.value
    wires = [f for f in doc.flags if f.kind == "wire-source"]
    assert wires and wires[0].evidence[0].value != doc.publisher.value
    text, _ = _seed("002")
    doc = clean(RawDocument("002", "", "text", text))
    assert doc.publisher is not None and doc.publisher.origin == "disclaimer"


FAKES = SEEDS.parent / "fakes-syria-war-news" / "FA-KES-Dataset.csv"
_EDGE_REASONS = {
    "footer", "related-headlines", "subscription", "share", "contact", "cookie-notice", "separator", "date-line",
    "photo-credit", "navigation", "duplicate", "boilerplate-context",
}


@pytest.mark.skipif(not FAKES.is_file(), reason="FA-KES corpus not available")
def test_clean_article_texts_lose_no_body() -> None:
    """804 article texts, often one long line per article (title + body). Some carry their site's
    page chrome glued to the end of that line (footer, related headlines, share and subscription
    widgets): that may go, with a lexicon reason, but only at the edges of the line - what is kept of
    each article is one contiguous run of it, no sentence inside it is lost - and the title is found."""
    import csv

    with FAKES.open(encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 700
    removed_words, words, titles = 0, 0, 0
    for r in rows:
        title, body = r["article_title"].strip(), r["article_content"].strip()
        doc = clean(RawDocument(r["unit_id"], "", "text", title + "\n\n" + body + "\n"))
        words += len(body.split())
        removed_words += sum(len(x.text.split()) for x in doc.removed)
        titles += doc.title is not None and doc.title.value == title
        kept_body = doc.text[len(title) + 2 :] if doc.text.startswith(title + "\n\n") else doc.text
        assert kept_body in body, r["unit_id"]  # only the edges of the article line went
        assert {x.reason for x in doc.removed} <= _EDGE_REASONS, r["unit_id"]
        if doc.published is not None:
            assert doc.published.evidence.origin in ("dateline", "lead", "date-line", "last-modified", "caption", "byline")
    assert removed_words < 0.05 * words
    assert titles >= 0.98 * len(rows)
