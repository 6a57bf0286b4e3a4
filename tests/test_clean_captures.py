"""The cleaner on our own invented captures of site styles it was not developed on.

tests/data/captures/*.txt are invented texts; labels.json lists, per file, the 1-based line numbers
that must be removed (with the line's prefix as a consistency check) and the expected metadata.
Every other non-blank line is article body and must be kept, verbatim and mapped back exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.clean import clean
from newsgraph.types import RawDocument

DATA = Path(__file__).parent / "data" / "captures"
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]


def _doc(name: str):
    text = (DATA / name).read_text(encoding="utf-8")
    return text, clean(RawDocument(name, "", "text", text))


@pytest.mark.parametrize("name", sorted(LABELS))
def test_capture_lines(name: str) -> None:
    text, doc = _doc(name)
    lines = text.split("\n")
    expected_removed = {int(k) for k in LABELS[name]["remove"]}
    for k, prefix in LABELS[name]["remove"].items():
        assert lines[int(k) - 1].strip().startswith(prefix), f"labels out of date for {name}:{k}"
    # physical line number of each removed span
    removed_no = {text.count("\n", 0, r.raw_start) + 1: r for r in doc.removed}
    wrong_removed = sorted(set(removed_no) - expected_removed)
    missed = sorted(expected_removed - set(removed_no))
    assert not wrong_removed, f"body removed: {[(n, lines[n - 1][:50], removed_no[n].reason) for n in wrong_removed]}"
    assert not missed, f"boilerplate kept: {[(n, lines[n - 1][:50]) for n in missed]}"
    kept = {ln for ln in doc.text.split("\n") if ln}
    for n, ln in enumerate(lines, 1):
        if ln.strip() and n not in expected_removed:
            assert ln.strip() in kept
    for seg in doc.segments:
        assert doc.text[seg.clean_start : seg.clean_start + seg.length] == text[seg.raw_start : seg.raw_start + seg.length]


@pytest.mark.parametrize("name", sorted(LABELS))
def test_capture_metadata(name: str) -> None:
    text, doc = _doc(name)
    exp = LABELS[name]
    assert doc.title is not None and doc.title.value == exp["title"]
    assert text[doc.title.raw_start : doc.title.raw_end] == exp["title"]
    got = doc.published.iso if doc.published else None
    assert got == exp["published"]
    if doc.published is not None:
        ev = doc.published.evidence
        assert text[ev.raw_start : ev.raw_end] == ev.value
    if "publisher" in exp:
        assert doc.publisher is not None and doc.publisher.value == exp["publisher"]
        assert text[doc.publisher.raw_start : doc.publisher.raw_end] == exp["publisher"]
    wires = [f.evidence[0].value for f in doc.flags if f.kind == "wire-source"]
    assert wires == ([exp["wire"]] if "wire" in exp else [])
    if doc.publisher is not None:
        assert doc.publisher.value not in ("Reuters", "AFP", "AP")


def test_capture_reasons_are_informative() -> None:
    _, doc = _doc("c02_cookie_magazine.txt")
    reasons = {r.text.split()[0]: r.reason for r in doc.removed}
    assert reasons["We"] == "cookie-notice"
    assert reasons["Firefighters"] in ("caption", "photo-credit")
    assert reasons["»"] == "related-headlines"
    assert reasons["Subscribe"] == "subscription"
    _, doc = _doc("c05_breadcrumb_indent.txt")
    assert [r.reason for r in doc.removed if r.text.startswith("Smoke")] == ["photo-credit", "duplicate-caption"]


def test_capture_menu_widget_and_promo_reasons() -> None:
    """Menus flattened to bracketed labels or runs of spaces, lone bracketed widget buttons, a
    "Search..." box and newsletter sign-up promos are recognised as such, not just swept up as page
    header or tail (they are removed wherever they stand, e.g. a widget between two paragraphs)."""
    _, doc = _doc("c16_bracket_menu.txt")
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["[ Home ] [ Towns ] [ Farming ] [ Schools ] [ Opinion ] [ Contact ]"] == "navigation"
    assert reasons["[ Donate ]"] == reasons["[ Play video ]"] == reasons["[ Search ]"] == "navigation"
    _, doc = _doc("c17_spaced_menu_promo.txt")
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Home  News  Local  Sport  Weather  Opinion"] == "navigation"
    assert reasons["Search..."] == "navigation"
    assert [v for k, v in reasons.items() if k.startswith("Newsletters:")] == ["subscription"]
    _, doc = _doc("c18_us_numeric_date.txt")
    assert [r.reason for r in doc.removed if r.text.startswith("Get the best")] == ["subscription"]
    assert doc.published is not None and doc.published.method == "stated-month-first-by-document"
    assert [f.kind for f in doc.flags] == ["ambiguous-date-order"]
    assert "sign up to help" in doc.text  # the phrase in prose, without a newsletter word, stays
