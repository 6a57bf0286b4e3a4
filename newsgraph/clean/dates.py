"""Dates: a small, fast parser for the date shapes found in news pages, and cross-document year completion.

We do not use a general date parser on free text here: the hard part is not parsing "Sunday, October
31" but deciding *which* date in a page is its publication date, and that is done by the caller from
the line's role (date line, dateline, caption, lead). The parser only finds explicit calendar dates:
"March 23, 2017", "Oct. 30", "19 December 2016", "2017-03-23", each with an adjacent weekday when
one is stated ("Sunday, October 31", "Monday، 19 December 2016").
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, replace
from statistics import median_low

from newsgraph.types import Evidence, Flag, PublishedDate

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
    "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MON_ANY = rf"(?:{_MON}|{_MON.upper()})"
_WD = r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
_WD_ANY = rf"(?:{_WD}|{_WD.upper()})"
_WD_PREFIX = rf"(?:(?P<wd>{_WD_ANY})\.?\s*[,،]?\s+)?"
_MDY = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{_MON_ANY})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s*,?\s*(?P<year>(?:1[89]|20)\d\d)(?![\d-]))?"
)
_DMY = re.compile(
    rf"\b{_WD_PREFIX}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON_ANY})\b\.?(?:\s*,?\s*(?P<year>(?:1[89]|20)\d\d)(?![\d-]))?"
)
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
# All-numeric day and month with a four-digit year: "11/03/2024", "17.03.2024", "3-11-2024". Which of
# the two numbers is the day is decided by the caller (see ``NumericOrder`` and ``date_order_signals``).
_NUMERIC = re.compile(
    rf"\b{_WD_PREFIX}(?<![\d./-])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d]|[./-]\d)"
)

RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one|a\ few|few)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week)s?\s+ago\b|^(?:just\ now|yesterday|today)$",
    re.I | re.X,
)
# Words allowed around a date on a "date line".
DATE_LINE_LEFTOVER = re.compile(
    r"\b\d+\s*min(?:ute)?s?\ read\b|"
    r"\b(?:last\ )?(?:modified|updated?|published|posted|first\ published|date|time|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|"
    r"bst|cet|cest|ast|ist|msk|et|pt|local|time|\d+)\b|[|:/,.،+\-–—()]",
    re.I | re.X,
)
LEAD_WEEKDAY = re.compile(
    r"\b(?:(?:on|late|early|last|this|since|by)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None  # stated next to the date
    # All-numeric dates only: "dmy" / "mdy" when a number > 12 decides which is the day, "ambiguous"
    # when both numbers could be the month (then month/day are read day-first until the caller
    # decides by the document's convention, see ``resolve_order``). "" for all other shapes.
    order: str = ""


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


_GATE = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d[-./]\d")


def find_dates(text: str) -> list[DateMatch]:
    """All explicit calendar dates in ``text`` (offsets relative to ``text``), left to right."""
    out: list[DateMatch] = []
    if not _GATE.search(text):  # cheap test first: most lines have no date at all
        return out
    taken: list[tuple[int, int]] = []
    for rx in (_ISO, _NUMERIC, _MDY, _DMY):
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            gd = m.groupdict()
            order = ""
            year = int(gd["year"]) if gd.get("year") else None
            if gd.get("a"):
                a, b = int(gd["a"]), int(gd["b"])
                if a == b:
                    order, day, month = "same", a, b  # 5/5/2024: either reading gives the same date
                elif a > 12:
                    order, day, month = "dmy", a, b
                elif b > 12:
                    order, day, month = "mdy", b, a
                else:
                    order, day, month = "ambiguous", a, b  # day-first until resolved
            else:
                month = int(gd["month"]) if gd.get("month") else MONTHS[gd["mon"].lower()]
                day = int(gd["day"])
            if not _valid(year, month, day):
                continue
            wd = gd.get("wd")
            out.append(DateMatch(s, e, year, month, day, WEEKDAYS[wd.lower()] if wd else None, order))
            taken.append((s, e))
    out.sort(key=lambda d: d.start)
    return out


# Spellings that tell a British-style text (day-first dates) from an American one (month-first).
_BRITISH = re.compile(
    r"\b(?:colour|favour|honour|labour|neighbour|armour|rumour|behaviour|harbour|vigour)\w*|\b\w*(?:centre|metre|litre|theatre)s?\b"
    r"|\b(?:defence|offence|programmes?|catalogue|grey)\b|\b\w{3,}isations?\b|\btravell(?:ed|ing|ers?)\b"
    r"|\b(?:organis|recognis|criticis|apologis|realis|mobilis|authoris|utilis|analys)(?:e|ed|es|ing)\b",
    re.I,
)
_AMERICAN = re.compile(
    r"\b(?:color|favor|honor|labor|neighbor|armor|rumor|behavior|harbor|vigor)(?:s|ed|ing|ful|able|hood|ly)?\b"
    r"|\b\w*(?:center|liter|theater)s?\b|\bkilometers?\b|\b(?:defense|offense|catalog|gray)\b|\b\w{3,}izations?\b"
    r"|\btravel(?:ed|ing|er|ers)\b|\b(?:organiz|recogniz|criticiz|apologiz|realiz|mobiliz|authoriz|utiliz|analyz)(?:e|ed|es|ing)\b"
)
_ZONE_DMY = re.compile(r"\b(?:GMT|BST)\b")
_ZONE_MDY = re.compile(r"\b(?:EST|EDT|CST|CDT|PST|PDT|ET|PT)\b")


def date_order_signals(text: str, skip: tuple[int, int] | None = None) -> tuple[str | None, list[str]]:
    """The date convention a document signals: "dmy", "mdy" or None (no clear signal), with the
    signals found. Evidence, strongest first: other all-numeric dates in the text whose day is > 12
    (8 each: the same site writes its dates one way, so this outweighs all the rest); dates written with the month name, "11 March" vs "March 11" (1 each, at most 3);
    British vs American spellings (1 each, at most 3); GMT/BST vs US time zones (1). ``skip``: the
    span of the date being decided, which is no evidence for itself."""
    dmy = mdy = 0
    why: list[str] = []
    numeric_votes = {"dmy": 0, "mdy": 0}
    for d in find_dates(text):
        if skip and d.start < skip[1] and skip[0] < d.end:
            continue
        if d.order in numeric_votes:
            numeric_votes[d.order] += 1
    named_dmy = min(3, sum(1 for _ in _DMY.finditer(text)))
    named_mdy = min(3, sum(1 for _ in _MDY.finditer(text)))
    brit = min(3, len(_BRITISH.findall(text)))
    amer = min(3, len(_AMERICAN.findall(text)))
    zone_d = 1 if _ZONE_DMY.search(text) else 0
    zone_m = 1 if _ZONE_MDY.search(text) else 0
    dmy = 8 * numeric_votes["dmy"] + named_dmy + brit + zone_d
    mdy = 8 * numeric_votes["mdy"] + named_mdy + amer + zone_m
    for n, label in (
        (numeric_votes["dmy"], "day-first numeric dates"), (numeric_votes["mdy"], "month-first numeric dates"),
        (named_dmy, "day-month dates"), (named_mdy, "month-day dates"), (brit, "British spellings"),
        (amer, "American spellings"), (zone_d, "GMT/BST"), (zone_m, "US time zone"),
    ):
        if n:
            why.append(f"{label}: {n}")
    if dmy > mdy:
        return "dmy", why
    if mdy > dmy:
        return "mdy", why
    return None, why


def resolve_order(d: DateMatch, convention: str | None) -> DateMatch:
    """An ambiguous all-numeric date read in the given convention (day-first when None: the more
    common convention worldwide; the caller flags it)."""
    if d.order != "ambiguous" or convention != "mdy":
        return d
    return replace(d, month=d.day, day=d.month)


def weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return _dt.date(year, month, day).weekday()
    except ValueError:
        return None


def mismatch_flag(date: PublishedDate) -> Flag | None:
    """A "weekday-mismatch" flag when the full date's weekday contradicts the stated weekday."""
    if date.year is None or date.month is None or date.day is None or date.weekday is None:
        return None
    actual = weekday_of(date.year, date.month, date.day)
    if actual is None or actual == date.weekday:
        return None
    ev = (date.evidence,) + ((date.weekday_evidence,) if date.weekday_evidence else ())
    return Flag(
        "weekday-mismatch",
        f"stated weekday {WEEKDAY_NAMES[date.weekday]} but {date.iso} is a {WEEKDAY_NAMES[actual]}",
        ev,
    )


def parse_iso_like(value: str) -> tuple[int | None, int | None, int | None]:
    """Metadata dates: "2017-03-23", "2017-03-23T10:00:00Z", "2017-03", "2017", or any text date."""
    m = re.match(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", value)
    if m:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        mo_i = int(mo) if mo else None
        d_i = int(d) if d else None
        if mo_i and not 1 <= mo_i <= 12:
            return None, None, None
        if mo_i and d_i and not _valid(y, mo_i, d_i):
            return y, mo_i, None
        return y, mo_i, d_i
    found = find_dates(value)
    if found:
        return found[0].year, found[0].month, found[0].day
    return None, None, None


# ---------------------------------------------------------------------------------------------------
# Cross-document completion of partial dates.


def complete_dates(
    docs: dict[str, PublishedDate | None], story_of: dict[str, str]
) -> dict[str, tuple[PublishedDate | None, list[Flag]]]:
    """Fill in the year of partial dates (month and day known, year not).

    Order of preference, as each is weaker evidence than the one before:
    1. a year in the corpus period (years of the fully dated documents of this run, widened by one
       year each side) where the stated weekday falls on that month/day - "year-from-weekday-and-corpus";
       if several do, the one nearest a story sibling's year, else nearest the corpus median;
    2. the year of a story sibling (same ``story_of`` id: a syndicated copy), choosing among that
       year and its neighbours the one that puts the date nearest the sibling's date - "year-from-story";
    3. the corpus median year - "year-from-corpus-median".
    A chosen date whose weekday contradicts the stated one gets a "weekday-mismatch" flag.
    Dates with no month/day, and runs with nothing to anchor a year, stay as they are.
    Returned flags are the new ones only (flags found while cleaning stay on the cleaned document).
    """
    result: dict[str, tuple[PublishedDate | None, list[Flag]]] = {k: (v, []) for k, v in docs.items()}
    full_years = sorted(d.year for d in docs.values() if d is not None and d.year is not None)
    partial = [k for k, d in docs.items() if d is not None and d.year is None and d.month and d.day]
    if not partial:
        return result
    known: dict[str, PublishedDate] = {k: d for k, d in docs.items() if d is not None and d.year is not None}
    members: dict[str, list[str]] = {}
    for k, s in story_of.items():
        members.setdefault(s, []).append(k)

    def sibling_dates(k: str) -> list[PublishedDate]:
        s = story_of.get(k)
        if s is None:
            return []
        return [known[o] for o in members.get(s, []) if o != k and o in known]

    corpus_median = median_low(full_years) if full_years else None

    def finish(k: str, year: int, method: str) -> None:
        d = docs[k]
        assert d is not None
        new = replace(d, year=year, method=method)
        flags = []
        fl = mismatch_flag(new)
        if fl is not None:
            flags.append(fl)
        known[k] = new
        result[k] = (new, flags)

    # 1. weekday + corpus period
    if full_years:
        lo, hi = full_years[0] - 1, full_years[-1] + 1
        for k in partial:
            d = docs[k]
            assert d is not None and d.month is not None and d.day is not None
            if d.weekday is None:
                continue
            cands = [y for y in range(lo, hi + 1) if weekday_of(y, d.month, d.day) == d.weekday]
            if not cands:
                continue
            sib = [s.year for s in sibling_dates(k) if s.year is not None]
            target = sib[0] if sib else corpus_median
            assert target is not None
            finish(k, min(cands, key=lambda y: (abs(y - target), y)), "year-from-weekday-and-corpus")

    # 2. story siblings (repeat: a sibling completed in this step can anchor another)
    changed = True
    while changed:
        changed = False
        for k in partial:
            if k in known:
                continue
            sibs = sibling_dates(k)
            if not sibs:
                continue
            d = docs[k]
            assert d is not None and d.month is not None and d.day is not None
            best: tuple[int, int] | None = None
            for s in sibs:
                assert s.year is not None
                for y in (s.year - 1, s.year, s.year + 1):
                    if not _valid(y, d.month, d.day):
                        continue
                    if s.month and s.day and _valid(s.year, s.month, s.day):
                        gap = abs((_dt.date(y, d.month, d.day) - _dt.date(s.year, s.month, s.day)).days)
                    else:
                        gap = abs(y - s.year) * 365
                    if best is None or gap < best[0]:
                        best = (gap, y)
            if best is not None:
                finish(k, best[1], "year-from-story")
                changed = True

    # 3. corpus median
    if corpus_median is not None:
        for k in partial:
            if k not in known:
                d = docs[k]
                assert d is not None and d.month is not None and d.day is not None
                if _valid(corpus_median, d.month, d.day):
                    finish(k, corpus_median, "year-from-corpus-median")
    return result


def evidence_for(value: str, start: int | None, end: int | None, origin: str) -> Evidence:
    return Evidence(value=value, raw_start=start, raw_end=end, origin=origin)
