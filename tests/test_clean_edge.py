"""Bad and edge input for the cleaner: empty, no boilerplate, single line, huge line, odd line
endings, malformed HTML, HTML without an article; and the HTML path's segment mapping."""

from __future__ import annotations

import time

import pytest

from newsgraph.clean import clean
from newsgraph.types import RawDocument


def _text(content: str, **meta) -> RawDocument:
    return RawDocument("x.txt", "", "text", content, meta=meta)


def _html(content: str, **meta) -> RawDocument:
    return RawDocument("x.html", "", "html", content, meta=meta)


def _check_segments(raw: str, doc) -> None:
    for seg in doc.segments:
        if seg.raw_start is not None:
            assert doc.text[seg.clean_start : seg.clean_start + seg.length] == raw[seg.raw_start : seg.raw_start + seg.length]


@pytest.mark.parametrize("content", ["", " ", "\n\n\n", "\t \u00a0\n \r\n", "\ufeff"])
def test_empty_text(content: str) -> None:
    doc = clean(_text(content))
    assert doc.text == "" and doc.segments == [] and doc.removed == []
    assert doc.title is None and doc.published is None


def test_single_line() -> None:
    doc = clean(_text("Rebels shell the airport"))
    assert doc.text == "Rebels shell the airport"
    assert doc.title is not None and doc.title.value == "Rebels shell the airport"
    doc = clean(_text("  Militants attacked a checkpoint on Monday, killing two soldiers, the army said.\n"))
    assert doc.text == "Militants attacked a checkpoint on Monday, killing two soldiers, the army said."
    assert doc.segments[0].raw_start == 2


def test_no_boilerplate_keeps_everything() -> None:
    body = [
        "Talks resume in the capital",
        "Delegations from both sides met again on Friday after a pause of three weeks, officials said.",
        "The talks focus on prisoner exchanges and the reopening of two crossings in the north.",
        "\"We hope for progress,\" a mediator said.",
        "Talks continue.",
    ]
    raw = "\n\n".join(body) + "\n"
    doc = clean(_text(raw))
    assert doc.removed == []
    assert doc.text == "\n\n".join(body)
    _check_segments(raw, doc)


def test_huge_line_is_fast_and_kept() -> None:
    sentence = "Shelling continued across the region as civilians fled toward the border crossings. "
    raw = "Heavy fighting\n\n" + sentence * 20000  # ~1.7 MB on one line
    t = time.perf_counter()
    doc = clean(_text(raw))
    assert time.perf_counter() - t < 5.0
    assert doc.text.startswith("Heavy fighting\n\nShelling continued")
    assert len(doc.text) == len(raw.strip())


def test_many_short_lines_are_fast() -> None:
    raw = "\n".join(f"Item {i} of a long list" for i in range(20000))
    t = time.perf_counter()
    clean(_text(raw))
    assert time.perf_counter() - t < 10.0


def test_crlf_and_cr_line_endings_map_exactly() -> None:
    raw = "Title of the story\r\n\r\nFirst paragraph of the story is long enough to be prose, officials said.\r\nSecond line.\rThird line.\r\n"
    doc = clean(_text(raw))
    assert "\r" not in doc.text
    _check_segments(raw, doc)
    assert "Second line." in doc.text and "Third line." in doc.text


def test_only_boilerplate() -> None:
    raw = "Skip to content\nHome | World | Sport | Opinion\n\nSubscribe to our newsletter\n\n© 2020 Example Media. All rights reserved.\n"
    doc = clean(_text(raw))
    assert doc.text == ""
    assert {r.reason for r in doc.removed} >= {"navigation", "footer"}


def test_binary_junk_does_not_crash() -> None:
    doc = clean(_text("\x00\x01\x02 \ufffd\ufffd\n\x7f\n" + "é" * 50))
    assert isinstance(doc.text, str)


def test_body_date_is_not_publication_date() -> None:
    raw = (
        "Officials recall the siege\n\n"
        "Officials said the plan dates back to an April 7, 2014, meeting between the two leaders, "
        "which was held in secret at a villa outside the capital.\n\n"
        "The meeting was never made public, two people who attended it said.\n"
    )
    assert clean(_text(raw)).published is None


def test_dateline_and_weekday_mismatch_flag() -> None:
    raw = (
        "Army retakes hill\n\n"
        "BAGHDAD, Tuesday, March 5, 2019 (Reuters) - Iraqi troops retook a strategic hill on Tuesday after a "
        "day of fighting, the army said in a statement.\n"
    )
    doc = clean(_text(raw))
    assert doc.published is not None and doc.published.iso == "2019-03-05"
    assert doc.published.evidence.origin == "dateline"
    # March 5, 2019 was a Tuesday: no mismatch; make it wrong and the flag appears
    doc = clean(_text(raw.replace("Tuesday, March 5", "Sunday, March 5")))
    assert [f.kind for f in doc.flags if f.kind == "weekday-mismatch"] == ["weekday-mismatch"]
    assert [f.evidence[0].value for f in doc.flags if f.kind == "wire-source"] == ["Reuters"]


def test_metadata_fallbacks() -> None:
    doc = clean(_text("short line only", title="Meta title", published="2018-02-03T10:00:00Z", url="https://www.example.org/a/b"))
    assert doc.published is not None and doc.published.iso == "2018-02-03" and doc.published.method == "metadata"
    assert doc.publisher is not None and doc.publisher.value == "example.org" and doc.publisher.origin == "url"


# --- HTML --------------------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html><html><head><title>Rebels seize dam | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-03-23T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Rebels seize dam after three-day battle</h1>
<p>Rebel fighters seized a strategic dam on the river on Thursday after three days of fighting with government forces, a monitoring group said.</p>
<p>The dam supplies electricity to much of the province &amp; its capital, and engineers warned that damage to the turbines could cut power for weeks.</p>
<p>Government forces said they had withdrawn to positions <a href="/x">south of the dam</a> to avoid damaging the structure and would counterattack.</p>
</article>
<footer>Copyright 2017 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_article() -> None:
    doc = clean(_html(_PAGE))
    assert "Rebel fighters seized a strategic dam" in doc.text
    assert "All rights reserved" not in doc.text and "Sport" not in doc.text.split("\n")
    _check_segments(_PAGE, doc)
    # the first paragraph stands verbatim in the markup: located
    para = "Rebel fighters seized a strategic dam on the river on Thursday"
    off = doc.text.index(para)
    assert doc.raw_offset(off) == _PAGE.index(para)
    # the entity and the link break the other paragraphs into located runs
    assert any(s.raw_start is not None for s in doc.segments if s.clean_start > off + 200)
    assert doc.published is not None and doc.published.iso == "2017-03-23"
    assert doc.publisher is not None and doc.publisher.value == "Example News"
    assert doc.title is not None and "Rebels seize dam" in doc.title.value


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "<html>",
        "<html><body></body></html>",
        "<html><head><title>Login</title></head><body><nav><a href=/>Home</a></nav><form><input name=q></form></body></html>",
        "<div><p>Unclosed <b>tags <i>everywhere<p>and more",
        "<<<>>>&&&;;;<script>alert(1)</script>",
        "\x00\x01<html>\ufffd</html>",
    ],
)
def test_html_bad_input_does_not_crash(markup: str) -> None:
    doc = clean(_html(markup))
    assert isinstance(doc.text, str)
    _check_segments(markup, doc)
    if not doc.text:
        assert any(f.kind == "no-main-text" for f in doc.flags)


def test_malformed_html_with_article_text() -> None:
    para = (
        "Aid agencies said on Tuesday that food stocks in the besieged district had run out and that families were "
        "surviving on bread made from animal feed, with prices up tenfold since the autumn."
    )
    markup = f"<html><body><div class=story><h1>Famine warning<p>{para}<p>{para.replace('Tuesday', 'Wednesday')}</div></span></body>"
    doc = clean(_html(markup))
    assert para in doc.text
    _check_segments(markup, doc)


def test_prose_with_genre_words_survives() -> None:
    """Body sentences that happen to use page-widget words are not boilerplate."""
    body = [
        "Militants claim attack on army post",
        "The group said in a statement posted on its Telegram channel that its fighters had attacked the post at dawn.",
        "Reuters reported last week that the group had been preparing the attack for months, citing two officials.",
        "\"They did not contact us before the strike,\" a village elder said, adding that residents had no warning.",
        "Officials said they share this view of the threat and would subscribe to any plan that protects civilians.",
        "Copyright disputes over the footage were raised by two broadcasters, but the ministry said it would publish it.",
        "Related attacks were reported in two other provinces on Sunday, where most read the statement as a warning.",
        "Soldiers are paid about $300 a month, and many have not received their salaries since the spring, they said.",
        "Top stories in local papers focused on the funerals.",
        "The army said it would follow up on the reports.",
    ]
    raw = "\n\n".join(body) + "\n"
    doc = clean(_text(raw))
    assert [r.text[:40] for r in doc.removed] == []
    assert doc.text == "\n\n".join(body)
