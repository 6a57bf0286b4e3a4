"""Publication dates given by a container field (a CSV column, a JSON field): all-numeric dates in a
stated day/month order, and the ones no order can be read from without being told.

"4/5/2017" is 4 May in most of the world and 5 April in the United States: read without an order it
is a guess, and a wrong guess shifts the event by a month in silence. A date whose numbers decide
the order themselves ("4/16/2017", "16/4/2017", "4/4/2017") is read; an ambiguous one is read only
with ``--date-order`` and is otherwise left unread and reported, so the cleaner's own reading of the
article (a dateline, a date line) can still date it.
"""

from __future__ import annotations

import re
from datetime import date

DATE_ORDERS = ("dmy", "mdy", "ymd")

_NUMERIC = re.compile(r"\s*(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T].*)?\s*")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def read_date(value: str, order: str | None) -> tuple[str | None, str | None]:
    """(ISO date, None) for a numeric date the order (given or evident) reads; (None, why) for an
    ambiguous one without an order; (None, None) when ``value`` is no all-numeric date (the cleaner
    reads text dates and ISO dates itself)."""
    m = _NUMERIC.fullmatch(value or "")
    if not m:
        return None, None
    a, b, c = m.group(1), m.group(3), m.group(4)
    if len(a) == 4:  # 2017-04-05, 2017/4/5: year first is never day-first
        return _iso(int(a), int(b), int(c)), None
    if len(c) != 4:
        if order is None:
            return None, f"date {value.strip()!r} has a two-digit year; pass --date-order to read it"
        if len(c) != 2:
            return None, None
        year = 2000 + int(c) if int(c) < 70 else 1900 + int(c)
    else:
        year = int(c)
    x, y = int(a), int(b)
    if order == "dmy":
        return _iso(year, y, x), None
    if order == "mdy":
        return _iso(year, x, y), None
    if order == "ymd":  # a stated ymd with the year last cannot be read
        return None, f"date {value.strip()!r} does not fit --date-order ymd"
    if x == y or x > 12 or y > 12:
        return (_iso(year, y, x) if x > 12 else _iso(year, x, y)), None
    return None, (f"date {value.strip()!r} is ambiguous ({date(year, x, y):%-d %B} or {date(year, y, x):%-d %B}): "
                  "not read; pass --date-order dmy or mdy")


def evident_order(values: list[str]) -> tuple[str | None, str | None]:
    """The order a column's unambiguous all-numeric dates show ("mdy" when some read 4/16/2017 and
    none 16/4/2017), with an example, or (None, None) when they show none or disagree."""
    seen: dict[str, str] = {}
    for v in values:
        m = _NUMERIC.fullmatch(v or "")
        if not m or len(m.group(1)) == 4:
            continue
        x, y = int(m.group(1)), int(m.group(3))
        if x > 12 >= y:
            seen.setdefault("dmy", v.strip())
        elif y > 12 >= x:
            seen.setdefault("mdy", v.strip())
    if len(seen) == 1:
        order, example = next(iter(seen.items()))
        return order, example
    return None, None
