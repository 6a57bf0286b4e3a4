"""Temporal expressions in article text, resolved against the publication date.

Entry point: :func:`find_dates`.

Why a regex grammar and not ``dateparser``
------------------------------------------
``dateparser.search.search_dates`` is built for "what date is this string", not for "where are the
dates in this article": it gives no character offsets (only the matched substrings, which may occur
more than once), runs language detection per call, costs milliseconds per sentence, and resolves
relative expressions with ``PREFER_DATES_FROM`` ("past"/"future"/"current period") -- none of which
is the news convention we need ("on Sunday" in a report published on a Monday means yesterday; "last
June" means the most recent June strictly before the publication month). A small grammar over
English news prose gives exact offsets, deterministic resolution and a named rule (``how``) for every
value, and scans an article in well under a millisecond. We therefore do not use dateparser here.

Resolution model
----------------
Every expression is resolved to a closed interval of calendar days ``[earliest, latest]`` (exposed on
the record). ``value``/``precision`` are the *smallest contract unit that contains the whole
interval* (the containment rule):

- one day                               -> ``"YYYY-MM-DD"``, precision ``"day"``
- inside one calendar month             -> ``"YYYY-MM"``,    precision ``"month"``
- inside one calendar year              -> ``"YYYY"``,       precision ``"year"``
- wider (a winter, a decade)            -> ``None`` (the interval is still given)

So ``value`` never claims more than the text says. Consequences, documented here once:

- "last week" is the calendar week (Monday-Sunday) before the publication's week. Published Monday
  2016-10-31 that is 2016-10-24..2016-10-30, so value ``"2016-10"`` (month), how ``"last-week"``.
  A week straddling two months comes out as the year; two years, ``None``.
- "this week" / "earlier this week" / "the weekend" / "a few days ago" likewise.
- "this summer" (northern-hemisphere meteorological seasons: spring Mar-May, summer Jun-Aug,
  autumn/fall Sep-Nov, winter Dec-Feb, named by the year of its December) is the season of the
  publication year -> year precision. "last summer" is the most recent summer that ended before the
  publication month.
- "N weeks ago" is the Monday-Sunday week containing publication minus 7*N days.
- "the 1980s" -> value ``None`` with interval 1980-01-01..1989-12-31, anchor ``"absolute"``.

Relative expressions need the publication date: with ``published=None`` they are still found, but
``value``/``precision``/``anchor``/``earliest``/``latest`` are ``None`` -- never a guess. Explicit
dates with a year resolve regardless (anchor ``"absolute"``); a month-day without a year is relative
(the most recent such date on or before publication).

Direction: past by default (news reports what happened). When the clause before the expression has an
evident future cue ("will", "is expected to", "plans to", ...) and no reporting verb in between, a
weekday, month name or month-day resolves forward instead (on or after publication).

Out of scope (not emitted): "two days later"/"the day before" (anchored on the narrative, not on
publication), "recently", "in recent weeks", times of day, numeric dates like 30/10/2016 (ambiguous
day/month order).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.cued_search import barrier_positions, finditer_cued

__all__ = ["TimeExpr", "find_dates", "partial_date"]

_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int  # char offsets into the text
    end: int
    text: str
    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    precision: str | None  # "day" | "month" | "year" | None
    anchor: str | None  # "published" (relative to publication) | "absolute" | None (unresolved)
    how: str  # rule name, e.g. "weekday-before-publication", "last-month-name", "explicit"
    earliest: str | None = None  # the interval the expression denotes, ISO days, inclusive
    latest: str | None = None
    partial: str | None = None  # unresolved for want of a publication date: "--07" / "--07-04" (see partial_date)


# ---------------------------------------------------------------------------------------------
# vocabulary

_MONTH_FULL = {
    m.lower(): i for i, m in enumerate(calendar.month_name) if m
}
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "a couple": 2,
}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Month names are matched case-sensitively (capitalised) so "may"/"march" as words do not fire.
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_NUM = (
    r"(?:\d{1,3}|a couple of|a couple|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were) (?:due|expected|scheduled|set|slated|planned|going) to"
    r"|(?:is|are) (?:due|scheduled|planned|slated)|plans? to|intends? to|going to"
    # a commitment looks ahead: "agreed to hand over its posts by the end of April"
    r"|(?:agree[sd]?|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|decide[sd]?|undert(?:ake|akes|ook)) to"
    r" (?!(?:a|an|the|its|their|his|her|this|that|these|those|our|any|some|all|no)\b)[a-z]+)\b",
    re.I,
)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|reported|added|stated)\b", re.I)


def _month_of(token: str) -> int:
    t = token.lower().rstrip(".")
    return _MONTH_FULL.get(t) or _MONTH_ABBR[t]


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _future(text: str, start: int) -> bool:
    """An evident future cue in the clause just before ``start`` (and no reporting verb after it)."""
    seg = text[max(0, start - 120):start]
    cut = max(seg.rfind(c) for c in ".,;:!?\"“”\n")
    seg = seg[cut + 1:]
    m = None
    for m in _FUTURE.finditer(seg):
        pass
    return m is not None and not _REPORTING.search(seg[m.end():])


# ---------------------------------------------------------------------------------------------
# rules: each returns (earliest, latest, how, relative) or None to reject the match.
# ``relative`` = needs the publication date; when it is missing the interval is dropped.

Interval = tuple[date | None, date | None, str, bool]


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _r_explicit_full(m: re.Match, text: str, pub: date | None) -> Interval | None:
    y, mo, d = int(m["y"]), _month_of(m["mon"]), _day_of(m["d"])
    if not _valid(y, mo, d):
        return None
    day = date(y, mo, d)
    return day, day, "explicit" + _wd_check(m, day), False


def _r_month_day(m: re.Match, text: str, pub: date | None) -> Interval | None:
    mo, d = _month_of(m["mon"]), _day_of(m["d"])
    if not _valid(2000, mo, d):  # 2000 is a leap year: Feb 29 passes here
        return None
    if pub is None:
        return None, None, "month-day-no-year", True
    if _future(text, m.start()):
        for y in (pub.year, pub.year + 1):
            if _valid(y, mo, d) and date(y, mo, d) >= pub:
                return date(y, mo, d), date(y, mo, d), "month-day-after-publication", True
    for y in range(pub.year, pub.year - 8, -1):
        if _valid(y, mo, d) and date(y, mo, d) <= pub:
            return date(y, mo, d), date(y, mo, d), "month-day-before-publication" + _wd_check(m, date(y, mo, d)), True
    return None


def _wd_check(m: re.Match, day: date) -> str:
    """Flag a stated weekday ("Sunday, October 31") that does not fall on the resolved date."""
    wd = re.match(_WD, m[0])
    if wd and _WEEKDAYS[wd[0].lower()] != day.weekday():
        return "+weekday-mismatch"
    return ""


def _r_iso(m: re.Match, text: str, pub: date | None) -> Interval | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    return date(y, mo, d), date(y, mo, d), "explicit-iso", False


def _r_month_year(m: re.Match, text: str, pub: date | None) -> Interval | None:
    y, mo = int(m["y"]), _month_of(m["mon"])
    return date(y, mo, 1), _month_end(y, mo), "explicit-month", False


def _r_rel_month(m: re.Match, text: str, pub: date | None) -> Interval | None:
    mo = _month_of(m["mon"])
    mod = (m["mod"] or "").lower()
    if not mod and m["mon"] in ("May", "March") and not m["cue"]:
        return None  # the modal verb / the noun: only with a cue ("in May", "last March")
    if pub is None:
        return None, None, f"{mod or 'bare'}-month-name", True
    if mod == "last":  # most recent such month strictly before the publication month
        y = pub.year if mo < pub.month else pub.year - 1
        how = "last-month-name"
    elif mod == "next":  # first such month strictly after the publication month
        y = pub.year if mo > pub.month else pub.year + 1
        how = "next-month-name"
    elif mod == "this":
        y, how = pub.year, "this-month-name"
    elif _future(text, m.start()):  # "will hold elections in July": on or after
        y = pub.year if mo >= pub.month else pub.year + 1
        how = "month-name-after-publication"
    else:  # "in July": the most recent July not after the publication month
        y = pub.year if mo <= pub.month else pub.year - 1
        how = "month-name-before-publication"
    return date(y, mo, 1), _month_end(y, mo), how, True


_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|to|of|before|after|during|early|late|mid|and|through|between"
    r"|around|summer|winter|spring|autumn)\s+|\bmid-|\d[-–])$", re.I)
_YEAR_NOT = re.compile(
    r"\s+(?:people|troops|fighters|soldiers|men|women|civilians|members|km|kilometers|kilometres|miles"
    r"|families|refugees|dollars|euros)\b")


def _r_year(m: re.Match, text: str, pub: date | None) -> Interval | None:
    """A bare year only after a temporal cue ("in 2010", "since 2003", "2003-2011"), never a count."""
    if not _YEAR_CUE.search(text, max(0, m.start() - 12), m.start()) or _YEAR_NOT.match(text, m.end()):
        return None
    y = int(m["y"])
    return date(y, 1, 1), date(y, 12, 31), "explicit-year", False


def _r_decade(m: re.Match, text: str, pub: date | None) -> Interval | None:
    y = int(m["y"])
    if y % 10:
        return None
    return date(y, 1, 1), date(y + 9, 12, 31), "decade", False


# "Sundays attack" is "Sunday's attack" with the apostrophe a feed stripped; "on Sundays the market
# closes" is a habit, not a day
_HABITUAL_BEFORE = re.compile(r"\b(?:on|every|most|all|some|many|other|few|several|two|three)\s+$", re.I)
_FUNCTION_AFTER = re.compile(
    r"s\s+(?:the|a|an|and|or|but|at|in|on|of|to|for|with|when|while|as|is|are|was|were|too|only|off|there)\b")


def _r_weekday(m: re.Match, text: str, pub: date | None) -> Interval | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    mod = (m["mod"] or "").lower()
    if m["poss"] and (mod or _HABITUAL_BEFORE.search(text, max(0, m.start() - 20), m.start())
                      or _FUNCTION_AFTER.match(text, m.end("wd"))):
        return None
    # "Bloody Sunday", "Good Friday", "Sunday Times": part of a name, not a date
    before = text[max(0, m.start() - 40):m.start()]
    prev = re.search(r"(\S+)\s*$", before)
    if not mod and prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?:\"“”]$", prev.group(1)):
        if prev.group(1).lower() not in ("on", "late", "early", "since", "until", "by", "from"):
            return None
    # "the Sunday Times", "Friday Prayer": a name; but "on Tuesday Norland said" is a date whose comma
    # a feed stripped
    if not m["part"] and re.match(r" [A-Z][a-z]", text[m.end("wd"):m.end("wd") + 3]) and not (
            mod or prev and prev.group(1).lower() in ("on", "early", "late", "until", "since")):
        return None
    if pub is None:
        return None, None, "weekday", True
    back = (pub.weekday() - wd) % 7  # days back to the most recent such weekday, on or before pub
    if mod in ("last", "this past", "past"):
        back = back or 7  # strictly before
        how = "last-weekday"
    elif mod in ("next", "this coming", "coming"):
        fwd = (wd - pub.weekday()) % 7 or 7
        d = pub + timedelta(days=fwd)
        return d, d, "next-weekday", True
    elif _future(text, m.start()):
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
        return d, d, "weekday-after-publication", True
    else:
        how = "weekday-before-publication"
    d = pub - timedelta(days=back)
    return d, d, how, True


def _r_deictic(m: re.Match, text: str, pub: date | None) -> Interval | None:
    w = re.sub(r"\s+", " ", m[0].lower())
    if pub is None:
        return None, None, w.replace(" ", "-"), True
    offs = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    }
    if w in offs:
        d = pub + timedelta(days=offs[w])
        return d, d, w.replace(" ", "-"), True
    return None


def _r_period(m: re.Match, text: str, pub: date | None) -> Interval | None:
    return _period(re.sub(r"\s+", " ", m["mod"].lower()), m["unit"].lower(), pub)


def _period(mod: str, unit: str, pub: date | None) -> Interval | None:
    how = f"{mod.replace(' ', '-')}-{unit}"
    if pub is None:
        return None, None, how, True
    if unit == "week":
        mon = _monday(pub)
        lo, hi = {
            "last": (mon - timedelta(days=7), mon - timedelta(days=1)),
            "the previous": (mon - timedelta(days=7), mon - timedelta(days=1)),
            "this": (mon, mon + timedelta(days=6)),
            "earlier this": (mon, max(mon, pub - timedelta(days=1))),
            "later this": (min(pub + timedelta(days=1), mon + timedelta(days=6)), mon + timedelta(days=6)),
            "next": (mon + timedelta(days=7), mon + timedelta(days=13)),
            "the past": (pub - timedelta(days=7), pub),
        }[mod]
    elif unit == "weekend":
        # the most recent Saturday-Sunday on or before publication (this/the/last weekend alike,
        # except that "next weekend" is the first one after it)
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if mod == "next":
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        elif mod == "last" and pub.weekday() >= 5:
            sat -= timedelta(days=7)
        lo, hi = sat, sat + timedelta(days=1)
    elif unit == "month":
        k = {"last": -1, "the previous": -1, "this": 0, "earlier this": 0, "later this": 0,
             "next": 1, "the past": None}[mod]
        if k is None:
            lo, hi = pub - timedelta(days=30), pub
        else:
            y, mo = _add_months(pub.year, pub.month, k)
            lo, hi = date(y, mo, 1), _month_end(y, mo)
            if mod == "earlier this":
                hi = pub
            elif mod == "later this":
                lo = pub
    else:  # year
        k = {"last": -1, "the previous": -1, "this": 0, "earlier this": 0, "later this": 0,
             "next": 1, "the past": None}[mod]
        if k is None:
            lo, hi = pub - timedelta(days=365), pub
        else:
            y = pub.year + k
            lo, hi = date(y, 1, 1), date(y, 12, 31)
            if mod == "earlier this":
                hi = pub
            elif mod == "later this":
                lo = pub
    return lo, hi, how, True


def _r_season(m: re.Match, text: str, pub: date | None) -> Interval | None:
    season = (m["season"] or m["season2"]).lower()
    first, last = _SEASONS[season]
    wraps = first > last

    def span(y: int) -> tuple[date, date]:  # the season named by year y (winter: starts Dec of y)
        if wraps:
            return date(y, first, 1), _month_end(y + 1, last)
        return date(y, first, 1), _month_end(y, last)

    if m["y"]:
        lo, hi = span(int(m["y"]))
        return lo, hi, "explicit-season", False
    mod = m["mod"].lower()
    how = f"{mod}-season"
    if pub is None:
        return None, None, how, True
    # the season whose span contains the publication date, if any (winter of the previous year in Jan)
    cur = None
    for y in (pub.year - 1, pub.year):
        lo, hi = span(y)
        if lo <= pub <= hi:
            cur = y
    if mod == "this":
        y = cur if cur is not None else pub.year if not wraps else (pub.year if pub.month >= 3 else pub.year - 1)
    elif mod in ("last", "past"):
        y = pub.year
        while span(y)[1] >= date(pub.year, pub.month, 1):  # ended before the publication month
            y -= 1
    else:  # next
        y = pub.year - 1
        while span(y)[0] <= _month_end(pub.year, pub.month):  # starts after the publication month
            y += 1
    lo, hi = span(y)
    return lo, hi, how, True


def _r_the_weekend(m: re.Match, text: str, pub: date | None) -> Interval | None:
    return _period("the", "weekend", pub)


def _r_ago(m: re.Match, text: str, pub: date | None) -> Interval | None:
    unit = m["unit"].lower().rstrip("s")
    q = (m["n"] or "").lower()
    vague = q in ("a few", "few", "several")
    n = 0 if vague else (int(q) if q.isdigit() else _NUMBERS.get(re.sub(r"\s+", " ", q), 0))
    how = f"{unit}s-ago"
    if pub is None:
        return None, None, how, True
    if vague:  # "a few"/"several": 2..7 units back
        lo_n, hi_n = 7, 2
    else:
        lo_n = hi_n = n
    if unit == "day":
        return pub - timedelta(days=lo_n), pub - timedelta(days=hi_n), how, True
    if unit == "week":
        lo = _monday(pub - timedelta(days=7 * lo_n))
        hi = _monday(pub - timedelta(days=7 * hi_n)) + timedelta(days=6)
        return lo, hi, how, True
    if unit == "month":
        y1, m1 = _add_months(pub.year, pub.month, -lo_n)
        y2, m2 = _add_months(pub.year, pub.month, -hi_n)
        return date(y1, m1, 1), _month_end(y2, m2), how, True
    return date(pub.year - lo_n, 1, 1), date(pub.year - hi_n, 12, 31), how, True


_WD_PREFIX = rf"(?:{_WD},?\s+)?"
# Each rule: its pattern, what a match means, and, when every match of the pattern holds a cue
# (spelt as the pattern spells it), the cue and a barrier no match holds: such a rule is searched
# only around its cue (finditer_cued, the same matches). Dates hold only word characters, spaces,
# commas and the full stop of a month's abbreviation ("Dec. 4, 2016"); the other rules' matches
# hold only word characters, spaces and hyphens. A rule without a cue may start with a lookahead of
# the characters its matches start with, which changes nothing but fails the other positions sooner.
_NOT_IN_DATE = re.compile(r"[^\w\s,.]|\.(?<!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)(?<!Sept\.)")
_NOT_IN_PHRASE = re.compile(r"[^\w\s-]")
_MONTH_CUE = (re.compile(rf"{_MON}(?!\w)"), _NOT_IN_DATE)


def _cued(cue: str, flags: int = 0) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(cue, flags), _NOT_IN_PHRASE


_RULES: list[tuple[re.Pattern, object, tuple[re.Pattern, re.Pattern] | None]] = [
    # "Sunday, 30 October 2016", "4 Dec. 2016"
    (re.compile(rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})(?!\w),?\s+(?P<y>{_YEAR})"),
     _r_explicit_full, _MONTH_CUE),
    # "March 23, 2017", "Sunday, October 30, 2016"
    (re.compile(rf"\b{_WD_PREFIX}(?P<mon>{_MON})(?!\w)\s*(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"), _r_explicit_full, _MONTH_CUE),
    # "Dec. 4", "October 30", "Oct 17", "Sunday, October 31"
    (re.compile(rf"\b{_WD_PREFIX}(?P<mon>{_MON})(?!\w)\s*(?P<d>{_DAY})(?![\w,]\d)"), _r_month_day, _MONTH_CUE),
    # "4 December", "the 4th of December"
    (re.compile(rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})(?!\w)"), _r_month_day, _MONTH_CUE),
    (re.compile(r"(?=[12])\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"), _r_iso, None),
    # "July 2016", "June of 2014"
    (re.compile(rf"\b(?P<mon>{_MON_FULL}|{_MON})(?!\w)\s+(?:of\s+)?(?P<y>{_YEAR})"), _r_month_year, _MONTH_CUE),
    # "last June", "in July", "early March"
    (re.compile(
        rf"(?:\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+|(?P<cue>(?P<prep>\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring"
        rf"|[Bb]efore|[Aa]fter|[Ff]rom|[Tt]hrough|[Ee]nd of|[Ss]tart of)\s+)?(?:\b(?:[Ee]arly|[Ll]ate|[Mm]id)[- ]?)?))"
        rf"\b(?P<mon>{_MON_FULL})\b(?!\s+\d)"),
     _r_rel_month, _cued(rf"\b{_MON_FULL}\b(?!\s+\d)")),
    # seasons: "this summer", "last winter", "the summer of 2014", "summer 2014"
    (re.compile(
        r"\b(?:(?P<mod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+(?P<season>spring|summer|autumn|fall|winter)\b"
        r"|(?:the\s+)?(?P<season2>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)(?!\d))"),
     _r_season, _cued(r"[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter")),
    (re.compile(rf"\b(?P<n>{_NUM}|a few|few|several)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I), _r_ago, _cued(r"ago\b", re.I)),
    (re.compile(
        r"(?=[ltne])\b(?P<mod>last|this|next|earlier\s+this|later\s+this|the\s+past|the\s+previous)\s+"
        r"(?P<unit>week|weekend|month|year)\b", re.I), _r_period, None),
    (re.compile(r"\b(?:the|over\s+the)\s+weekend\b", re.I), _r_the_weekend, _cued(r"weekend\b", re.I)),
    (re.compile(r"(?=[tyl])\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night"
                r"|this\s+(?:morning|afternoon|evening))\b", re.I), _r_deictic, None),
    (re.compile(rf"\b(?P<mod>(?:[Ll]ast|[Nn]ext|[Tt]his(?:\s+past|\s+coming)?|[Pp]ast|[Cc]oming)\s+)?(?P<wd>{_WD})"
                r"(?:(?P<poss>s)(?=\s+[a-z]))?(?P<part>\s+(?:morning|afternoon|evening|night))?\b"), _r_weekday, _cued(_WD)),
    (re.compile(rf"(?=[12])(?<![\d,.])\b(?P<y>{_YEAR})(?![,.]\d)"), _r_year, None),
    (re.compile(r"\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?P<y>(?:1[89]|20)\d0)s\b"), _r_decade, _cued(r"(?:1[89]|20)\d0s\b")),
]


def _cap(value: str | None, precision: str | None, cap: str) -> tuple[str | None, str | None]:
    """Truncate a value to at most the requested granularity."""
    if value is None or precision is None:
        return value, precision
    if _PRECISIONS.index(precision) >= _PRECISIONS.index(cap):
        return value, precision
    return value[: {"month": 7, "year": 4}[cap]], cap


def _containing(lo: date, hi: date) -> tuple[str | None, str | None]:
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, None


def find_dates(text: str, published: date | None, precision: str | None = "day") -> list[TimeExpr]:
    """Temporal expressions in ``text``, in text order, non-overlapping (longest match wins).

    ``published`` anchors relative expressions; ``None`` leaves them unresolved (value ``None``).
    ``precision`` is the finest granularity to report: ``"day"`` (default) keeps everything,
    ``"month"``/``"year"`` truncate finer values (e.g. "2016-10-30" -> "2016-10"), and ``None``
    only finds the spans (every value ``None``) -- for callers that resolve elsewhere.
    """
    if precision is not None and precision not in _PRECISIONS:
        raise ValueError(f"precision must be one of {_PRECISIONS} or None, not {precision!r}")
    if hasattr(published, "date") and callable(published.date):  # a datetime
        published = published.date()
    cands: list[tuple[int, int, int, Interval]] = []
    barriers: dict[re.Pattern, list[int]] = {}
    for order, (rx, fn, cued) in enumerate(_RULES):
        if cued is None:
            matches = rx.finditer(text)
        else:
            cue, barrier = cued
            if barrier not in barriers:
                barriers[barrier] = barrier_positions(barrier, text)
            matches = finditer_cued(rx, cue, text, barriers[barrier])
        for m in matches:
            res = fn(m, text, published)
            if res is not None:
                # a leading preposition ("in July") is a cue, not part of the expression
                start = m.end("prep") if "prep" in rx.groupindex and m["prep"] else m.start()
                cands.append((start, m.end(), order, res))
    # longest first, then earlier rule; keep the non-overlapping ones
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, int, Interval]] = []
    occupied: list[tuple[int, int]] = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c[0], c[1]))
    out = []
    for s, e, _, (lo, hi, how, relative) in sorted(taken):
        if lo is None or hi is None or (relative and published is None):
            out.append(TimeExpr(s, e, text[s:e], None, None, None, how, partial=partial_date(text[s:e])))
            continue
        value, prec = _containing(lo, hi)
        anchor = "published" if relative else "absolute"
        if precision is None:
            value = prec = None
        else:
            value, prec = _cap(value, prec, precision)
        out.append(TimeExpr(s, e, text[s:e], value, prec, anchor, how, lo.isoformat(), hi.isoformat()))
    return out


_PARTIAL = re.compile(rf"(?P<mon>{_MON})\s*(?P<day>{_DAY})?|(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON})")


def partial_date(expression: str) -> str | None:
    """The month (and day) an unresolved expression names, without a year: "July" -> "--07",
    "Dec. 4" -> "--12-04"; None when it names neither ("on Sunday", "last week")."""
    m = _PARTIAL.search(expression)
    if m is None:
        return None
    mon = _month_of(m["mon"] or m["mon2"])
    day = m["day"] or m["day2"]
    return f"--{mon:02d}" + (f"-{_day_of(day):02d}" if day else "")


# -- the date a text gives itself ------------------------------------------------------------------
# A capture whose header lines were flattened into the body keeps its own date at its head: a label
# ("Published", "Posted on", "Last updated at"), a weekday-and-date after the headline, or a bare full
# date opening the text. Punctuation lost in the flattening glues the day to the year ("Jun 132016")
# and leaves day-first numbers ("29-06-2016").
_OWN_HEAD = 200
_OWN_LABEL = re.compile(r"(?:\b(?:published|posted|updated|modified|dated?)(?:\s+(?:on|at))?|\bdate\s*:)\s*$", re.I)
_OWN_PREP = re.compile(r"\b(?:on|since|until|till|by|from|before|after|in|of|between|and|to)\s*$", re.I)
_WD_ANY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?"
_OWN_WEEKDAY = re.compile(rf"(?:^|\s){_WD_ANY}\s*$")
_GLUED = re.compile(rf"\b(?P<mon>{_MON})\s*(?P<day>[12]\d|3[01]|0?[1-9])(?P<year>(?:19|20)\d\d)\b")
_NUMERIC_DMY = re.compile(r"\b(?P<day>1[3-9]|2\d|3[01])[-/.](?P<mon>0?[1-9]|1[0-2])[-/.](?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    day: date


def own_date(text: str) -> Dateline | None:
    """The date the text states for itself at its head (see above), with its span, or None.

    Relative expressions in the body ("on Tuesday") are written against this date, which may
    differ from the date a catalogue or crawler recorded for the capture. A full date at the head
    counts only when it is labelled, opens the text, or follows a weekday (a dateline); one after a
    preposition ("on 12 June 2015 ...") is narrative."""
    head = text[:_OWN_HEAD]
    found: list[Dateline] = []
    for tx in find_dates(head, None):
        if tx.precision == "day" and tx.anchor == "absolute" and tx.value:
            found.append(Dateline(tx.start, tx.end, date.fromisoformat(tx.value)))
    for rx in (_GLUED, _NUMERIC_DMY):
        for m in rx.finditer(head):
            y, mo, d = int(m["year"]), (_month_of(m["mon"]) if rx is _GLUED else int(m["mon"])), int(m["day"])
            if _valid(y, mo, d):
                found.append(Dateline(m.start(), m.end(), date(y, mo, d)))
    for line in sorted(found, key=lambda f: f.start):
        before = head[max(0, line.start - 24):line.start]
        if _OWN_LABEL.search(before):
            return line
        if _OWN_PREP.search(before):
            continue
        if line.start <= 2 or _OWN_WEEKDAY.search(before) or _starts_with_weekday(head, line.start):
            return line
    return None


def _starts_with_weekday(text: str, start: int) -> bool:
    return re.match(_WD, text[start:]) is not None
