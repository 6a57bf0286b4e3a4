"""Temporal expressions (newsgraph.extract.timex). All sentences are our own inventions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsgraph.extract.timex import TimeExpr, find_dates

MON_2016_10_31 = date(2016, 10, 31)  # a Monday


def one(text: str, published, **kw) -> TimeExpr:
    found = find_dates(text, published, **kw)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


def values(text: str, published) -> dict[str, str | None]:
    return {t.text: t.value for t in find_dates(text, published)}


# --- the resolution examples of the brief ---------------------------------------------------------


def test_on_sunday_published_monday_is_yesterday():
    t = one("Convoys of pickup trucks drove toward the dam on Sunday.", MON_2016_10_31)
    assert (t.text, t.value, t.precision, t.anchor) == ("Sunday", "2016-10-30", "day", "published")
    assert t.how == "weekday-before-publication"


def test_saturday_night():
    t = one("Two mortar rounds landed near the bakery Saturday night.", MON_2016_10_31)
    assert (t.text, t.value, t.precision) == ("Saturday night", "2016-10-29", "day")


def test_a_weekdays_possessive_without_its_apostrophe_is_that_day():
    # feeds that strip apostrophes write "Sundays shelling" for "Sunday's shelling"
    t = one("Sundays shelling of the bakery killed four people.", MON_2016_10_31)
    assert (t.text, t.value, t.how) == ("Sundays", "2016-10-30", "weekday-before-publication")
    # a plural weekday is a habit, not a day
    assert find_dates("On Sundays the market in Sahil closes early.", MON_2016_10_31) == []
    assert find_dates("The Sundays are quiet in Sahil.", MON_2016_10_31) == []


def test_on_a_weekday_before_a_name_is_that_day_when_a_feed_stripped_the_comma():
    t = one("On Tuesday Norland's forces said the strike killed nine.", MON_2016_10_31)
    assert (t.text, t.value) == ("Tuesday", "2016-10-25")
    assert find_dates("He writes for the Sunday Times in Sahil.", MON_2016_10_31) == []


def test_weekday_equal_to_publication_day_is_that_day():
    t = one("The council met on Monday to discuss the ceasefire.", MON_2016_10_31)
    assert t.value == "2016-10-31"


def test_last_week_is_previous_calendar_week_reported_by_containment():
    t = one("The general toured the river crossings last week.", MON_2016_10_31)
    assert (t.earliest, t.latest) == ("2016-10-24", "2016-10-30")
    assert (t.value, t.precision, t.how) == ("2016-10", "month", "last-week")


def test_last_week_straddling_months_is_the_year():
    t = one("The general toured the river crossings last week.", date(2016, 11, 2))
    assert (t.earliest, t.latest) == ("2016-10-24", "2016-10-30")
    t = one("The general toured the river crossings last week.", date(2016, 11, 9))
    assert (t.earliest, t.latest, t.value, t.precision) == ("2016-10-31", "2016-11-06", "2016", "year")


def test_last_june():
    t = one("But last June, the cleric called on volunteers to defend the towns.", MON_2016_10_31)
    assert (t.value, t.precision, t.how) == ("2016-06", "month", "last-month-name")


def test_last_month_name_is_strictly_before_publication_month():
    assert one("The bridge collapsed last October.", MON_2016_10_31).value == "2015-10"
    assert one("The bridge collapsed last November.", MON_2016_10_31).value == "2015-11"


def test_dec_4_published_december_19():
    t = one("The checkpoint was overrun on Dec. 4, officials said.", date(2016, 12, 19))
    assert (t.text, t.value, t.precision, t.anchor) == ("Dec. 4", "2016-12-04", "day", "published")


def test_month_day_after_publication_rolls_back_a_year():
    assert one("The siege began on Dec. 20.", date(2016, 12, 19)).value == "2015-12-20"


def test_in_july():
    t = one("In July the brigade withdrew from the plain.", MON_2016_10_31)
    assert (t.text, t.value, t.precision) == ("July", "2016-07", "month")
    assert one("The brigade withdrew from the plain in November.", MON_2016_10_31).value == "2015-11"


def test_in_july_future_tense():
    t = one("The province will hold a vote in July.", MON_2016_10_31)
    assert t.value == "2017-07" and t.how == "month-name-after-publication"


def test_future_cue_before_reporting_verb_does_not_count():
    t = one("The column will push on, commanders said on Sunday.", MON_2016_10_31)
    assert t.value == "2016-10-30"


def test_future_weekday():
    t = one("Negotiators are expected to meet again on Thursday.", MON_2016_10_31)
    assert t.value == "2016-11-03"


def test_no_publication_date_leaves_relative_values_none():
    text = ("On Sunday and last week, and last June, on Dec. 4, in July, yesterday, two days ago, "
            "this summer; but on March 23, 2017 and 30 October 2016 and in 2010.")
    found = {t.text: t for t in find_dates(text, None)}
    for rel in ("Sunday", "last week", "last June", "Dec. 4", "July", "yesterday", "two days ago", "this summer"):
        assert found[rel].value is None and found[rel].precision is None and found[rel].anchor is None, rel
    assert found["March 23, 2017"].value == "2017-03-23"
    assert found["30 October 2016"].value == "2016-10-30"
    assert found["2010"].value == "2010" and found["2010"].anchor == "absolute"


# --- more patterns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, value, precision",
    [
        ("yesterday", "2016-10-30", "day"),
        ("today", "2016-10-31", "day"),
        ("last night", "2016-10-30", "day"),
        ("earlier this week", "2016-10-31", "day"),
        ("this week", "2016", "year"),  # Oct 31 .. Nov 6
        ("last month", "2016-09", "month"),
        ("earlier this month", "2016-10", "month"),
        ("last year", "2015", "year"),
        ("next year", "2017", "year"),
        ("this summer", "2016", "year"),
        ("last summer", "2016", "year"),
        ("next spring", "2017", "year"),
        ("seven months ago", "2016-03", "month"),
        ("two days ago", "2016-10-29", "day"),
        ("a year ago", "2015", "year"),
        ("three weeks ago", "2016-10", "month"),
        ("over the weekend", "2016-10", "month"),
    ],
)
def test_relative_phrases(phrase, value, precision):
    t = one(f"Witnesses said the shelling started {phrase} near the market.", MON_2016_10_31)
    assert phrase.endswith(t.text)
    assert (t.value, t.precision, t.anchor) == (value, precision, "published")


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("October 30", "2016-10-30"),
        ("Oct 17", "2016-10-17"),
        ("Oct. 17", "2016-10-17"),
        ("17 October", "2016-10-17"),
        ("the 17th of October", "2016-10-17"),
        ("March 23, 2017", "2017-03-23"),
        ("Sunday, October 30, 2016", "2016-10-30"),
        ("23 March 2017", "2017-03-23"),
        ("2015-02-11", "2015-02-11"),
        ("July 2014", "2014-07"),
        ("June of 2014", "2014-06"),
    ],
)
def test_explicit_dates(phrase, value):
    t = one(f"The town changed hands on {phrase} after heavy fighting.", MON_2016_10_31)
    assert t.text.endswith(phrase.replace("the ", "")) or t.text == phrase
    assert t.value == value


def test_explicit_dates_are_absolute():
    t = one("The accord was signed on March 23, 2017.", None)
    assert (t.anchor, t.how) == ("absolute", "explicit")


def test_weekday_mismatch_is_flagged():
    t = one("Trucks drove north on Sunday, October 31, the witnesses said.", MON_2016_10_31)
    assert t.value == "2016-10-31" and t.how.endswith("+weekday-mismatch")


def test_years_and_decades():
    found = find_dates("He was freed in 2010 and had fought since the 1980s, from 2003 to 2011.", None)
    got = {t.text: (t.value, t.precision) for t in found}
    assert got["2010"] == ("2010", "year")
    assert got["the 1980s"] == (None, None)
    assert got["2003"] == ("2003", "year") and got["2011"] == ("2011", "year")
    decade = next(t for t in found if t.text == "the 1980s")
    assert (decade.earliest, decade.latest, decade.anchor) == ("1980-01-01", "1989-12-31", "absolute")


@pytest.mark.parametrize(
    "sentence",
    [
        "The group claimed 2010 fighters had joined.",  # a count, not a year
        "Officials may review the decision.",  # modal "may"
        "The march on the capital was postponed.",  # the noun
        "Thousands marched in the Bloody Sunday commemoration.",  # a name
        "An editorial in the Sunday Times criticised the plan.",  # a newspaper
        "The convoy carried 2,016 tents and 1,980 blankets.",
        "Supplies could fall short.",
    ],
)
def test_negatives(sentence):
    assert find_dates(sentence, MON_2016_10_31) == []


def test_precision_cap_and_spans_only():
    text = "The town fell on Sunday."
    assert one(text, MON_2016_10_31, precision="month").value == "2016-10"
    assert one(text, MON_2016_10_31, precision="year").value == "2016"
    t = one(text, MON_2016_10_31, precision=None)
    assert t.value is None and t.text == "Sunday"
    with pytest.raises(ValueError):
        find_dates(text, MON_2016_10_31, precision="week")


def test_accepts_datetime_and_offsets_are_exact():
    text = "Fighting resumed yesterday after a lull that began last Thursday."
    found = find_dates(text, datetime(2016, 10, 31, 9, 30))
    assert [t.text for t in found] == ["yesterday", "last Thursday"]
    assert [t.value for t in found] == ["2016-10-30", "2016-10-27"]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_record_is_frozen():
    t = one("The town fell on Sunday.", MON_2016_10_31)
    with pytest.raises(AttributeError):
        t.value = "x"  # type: ignore[misc]


# --- seeds: aggregate patterns only (read at run time, skipped when absent) ----------------------


def test_seed_articles_patterns():
    from conftest import SEEDS

    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip("seed corpus not present")
    total = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        anchored = find_dates(text, MON_2016_10_31)
        unanchored = find_dates(text, None)
        assert [(t.start, t.end) for t in anchored] == [(t.start, t.end) for t in unanchored]
        for a, u in zip(anchored, unanchored):
            assert text[a.start:a.end] == a.text
            assert (u.value is None) or u.anchor == "absolute"  # never a guess without an anchor
            if a.anchor == "published":
                assert u.value is None
        assert all(a.start < b.start for a, b in zip(anchored, anchored[1:]))
        total += len(anchored)
    assert total >= 3 * len(paths)
