"""Date parsing and cross-document year completion."""

from __future__ import annotations

from newsgraph.clean import complete_dates
from newsgraph.clean.dates import find_dates, parse_iso_like
from newsgraph.types import Evidence, PublishedDate

EV = Evidence("x", 0, 1, "caption")


def _p(month: int, day: int, weekday: int | None = None, year: int | None = None) -> PublishedDate:
    return PublishedDate(year, month, day, weekday, EV, "stated")


def test_find_dates_shapes() -> None:
    got = [(d.year, d.month, d.day, d.weekday) for d in find_dates(
        "Sunday, October 31 and Monday\u060c 19 December 2016 11:27 PM, Oct. 17, on Dec. 4, 2017-03-23, "
        "5th of June 2022, MARCH 14 and Tue 3 Jan"
    )]
    assert got == [
        (None, 10, 31, 6), (2016, 12, 19, 0), (None, 10, 17, None), (None, 12, 4, None), (2017, 3, 23, None),
        (2022, 6, 5, None), (None, 3, 14, None), (None, 1, 3, 1),
    ]


def test_find_dates_rejects_non_dates() -> None:
    assert find_dates("in March 2019 the may 5 rule; February 30, 2019; 2019-13-45; a 45-minute drive") == []
    assert parse_iso_like("2017-03-23T08:00:00Z") == (2017, 3, 23)
    assert parse_iso_like("2017-03") == (2017, 3, None)
    assert parse_iso_like("garbage") == (None, None, None)


def test_year_from_weekday_and_corpus() -> None:
    docs = {"full": _p(12, 19, year=2016), "part": _p(10, 30, weekday=6)}
    out = complete_dates(docs, {})
    d, flags = out["part"]
    assert d.iso == "2016-10-30" and d.method == "year-from-weekday-and-corpus" and flags == []
    assert out["full"] == (docs["full"], [])


def test_year_from_story_with_mismatch_flag() -> None:
    # October 31 was a Sunday in 2010 and 2021, far from the corpus period (2015-2017)
    docs = {"a": _p(10, 30, year=2016), "b": _p(10, 31, weekday=6), "c": _p(3, 23, year=2016)}
    out = complete_dates(docs, {"a": "s", "b": "s", "c": "t"})
    d, flags = out["b"]
    assert d.iso == "2016-10-31" and d.method == "year-from-story"
    assert [f.kind for f in flags] == ["weekday-mismatch"]
    assert "Sunday" in flags[0].message and "Monday" in flags[0].message


def test_story_year_across_new_year() -> None:
    docs = {"a": _p(12, 31, year=2016), "b": _p(1, 2)}
    out = complete_dates(docs, {"a": "s", "b": "s"})
    assert out["b"][0].iso == "2017-01-02"


def test_story_chain_through_completed_sibling() -> None:
    # b gets its year from the weekday, then c (same story, no weekday) from b
    docs = {"a": _p(5, 1, year=2016), "b": _p(10, 30, weekday=6), "c": _p(10, 29)}
    out = complete_dates(docs, {"b": "s", "c": "s"})
    assert out["b"][0].iso == "2016-10-30"
    assert out["c"][0].iso == "2016-10-29" and out["c"][0].method == "year-from-story"


def test_corpus_median_and_no_anchor() -> None:
    docs = {"a": _p(1, 1, year=2014), "b": _p(1, 1, year=2015), "c": _p(1, 1, year=2019), "p": _p(6, 6), "n": None}
    out = complete_dates(docs, {})
    assert out["p"][0].iso == "2015-06-06" and out["p"][0].method == "year-from-corpus-median"
    assert out["n"] == (None, [])
    # nothing dated in the run: partial dates stay partial, None stays None
    out = complete_dates({"p": _p(6, 6, weekday=2), "n": None}, {"p": "s"})
    assert out["p"][0].year is None and out["n"][0] is None


def test_feb_29_only_in_leap_years() -> None:
    out = complete_dates({"a": _p(3, 1, year=2017), "b": _p(2, 29)}, {"a": "s", "b": "s"})
    assert out["b"][0].iso == "2016-02-29"


def test_numeric_dates_order() -> None:
    got = [(d.year, d.month, d.day, d.order) for d in find_dates("17.03.2024, 3/25/2024, 04-05-2023, 6/6/2021 and 2024-03-13")]
    assert got == [(2024, 3, 17, "dmy"), (2024, 3, 25, "mdy"), (2023, 5, 4, "ambiguous"), (2021, 6, 6, "same"), (2024, 3, 13, "")]
    assert find_dates("a 45-minute drive, 3.5 percent, 1/2 cup, 32/13/2020, version 1.2.3") == []


def test_numeric_date_convention_signals() -> None:
    from newsgraph.clean.dates import date_order_signals, resolve_order

    british = "Posted 04/05/2023. The armoured convoy travelled 20 kilometres; the ministry of defence said at 10:00 GMT."
    american = "Posted 04/05/2023. The armored convoy traveled 20 kilometers, the defense ministry said at 10 a.m. EST."
    d = find_dates(british)[0]
    skip = (d.start, d.end)
    assert date_order_signals(british, skip)[0] == "dmy"
    assert date_order_signals(american, skip)[0] == "mdy"
    assert date_order_signals("Posted 04/05/2023. Nothing else.", skip)[0] is None
    # another date in the same text whose day is > 12 decides, and outweighs spelling
    assert date_order_signals(american + " Updated 13/05/2023.", skip)[0] == "dmy"
    assert (resolve_order(d, "mdy").month, resolve_order(d, "mdy").day) == (4, 5)
    assert (resolve_order(d, "dmy").month, resolve_order(d, None).day) == (5, 4)
