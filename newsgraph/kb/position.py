"""Approximate positions from relative phrases: "some 30 kilometers south of Mosul".

News often places a village nobody has heard of by distance and direction from a town everybody
has: "the village of Albu Jassim, some 30 kilometers south of Tikrit".  This module

* parses such phrases (``parse_relative_position``): distance (kilometres, miles or metres,
  converted to km), compass bearing (N = 0, NE = 45, ..., 16 points), hedge words ("some",
  "about", "nearly") and the anchor place with its character span;
* pairs them with the place they locate (``find_relative_positions``), whether the phrase follows
  the place ("X, 30 km south of Y") or precedes it ("30 km south of Y, in the village of X");
* computes the offset point on the sphere (``offset_position``) and, with the gazetteer, the
  approximate position of the located place (``resolve_relative_position``).

Everything is rule-based English; the anchor is any capitalised name (with Arabic particles such
as al-, ez-) or "the capital"/"the city" (left to the caller to resolve).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsgraph.cued_search import barrier_positions, finditer_cued

__all__ = [
    "RelativePosition",
    "ApproximatePosition",
    "parse_relative_position",
    "find_relative_positions",
    "offset_position",
    "bearing_of",
    "resolve_relative_position",
    "places_one_by_the_other",
]

EARTH_RADIUS_KM = 6371.0088
_KM_PER_MILE = 1.609344


@dataclass(frozen=True, slots=True)
class RelativePosition:
    anchor: str  # "Mosul", "the capital", "Syria"
    anchor_span: tuple[int, int]  # character offsets of the anchor in the parsed text
    distance_km: float | None  # None: "near X", "on the border with X"
    bearing_deg: float | None  # direction from the anchor, N = 0, E = 90; None when not stated
    approx: bool  # a hedge word ("some", "about", "nearly") or a range ("20 to 30 km")
    relation: str  # "offset" (distance and/or direction), "near", "border", "outskirts"
    span: tuple[int, int]  # the whole phrase
    text: str  # the phrase as written


@dataclass(frozen=True, slots=True)
class ApproximatePosition:
    latitude: float
    longitude: float
    anchor: object  # newsgraph.kb.places.Place
    relative: RelativePosition
    approximate: bool = True  # always: a stated distance is never a surveyed position


# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

_POINTS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}
_DIR_WORD = r"(?:north|south|east|west)"
# north, north-east, north east, northeast, north-northeast, NNE, NE
_DIRECTION = (
    rf"(?:{_DIR_WORD}(?:[\s-]?{_DIR_WORD}){{0,2}}(?:ern)?|\b(?:N|S|E|W|NE|NW|SE|SW|NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW)\b)"
)
_HEDGE = (
    r"(?:some|about|around|approximately|roughly|nearly|almost|an\s+estimated|close\s+to|just\s+over"
    r"|just\s+under|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|barely|only|just|estimated)"
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "one hundred": 100, "a few": 3, "several": 5, "a couple of": 2, "a dozen": 12,
}
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_UNIT = r"(?:kilomet(?:er|re)s?|kms?|miles?|mi|met(?:er|re)s?|m)\b"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|en|ul|bin|ibn|abu|bani|bu|de|du|la|le|of)"
# A capitalised place name: "Mosul", "Deir ez-Zor", "Jurf al-Sakhar", "Tal Afar", "Sana'a"
_NAME = (
    rf"(?:[A-Z][\w'’ʿ]*(?:-[A-Za-z][\w'’]*)*"
    rf"(?:\s+(?:{_PARTICLE}[-\s])?[A-Z][\w'’ʿ]*(?:-[A-Za-z][\w'’]*)*|\s+{_PARTICLE}-[A-Z][\w'’]*)*)"
)
_ANCHOR = rf"(?P<anchor>(?:the\s+)?(?:(?:capital|city|town|provincial\s+capital|border)\b(?:\s+of\s+{_NAME})?|{_NAME}))"

_DISTANCE = (
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?P<num>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<num2>{_NUM}))?"
    rf"(?:\s*|-)(?P<unit>{_UNIT})(?:\s*\([^)]{{0,40}}\))?"
)
# Only the vocabulary is case-insensitive; names must be capitalised.
_OFFSET_RE = re.compile(
    rf"(?i:(?:{_DISTANCE}\s+)?(?:to\s+the\s+)?(?P<dir>{_DIRECTION})\s+(?:of|from))\s+{_ANCHOR}"
)
_FROM_RE = re.compile(rf"(?i:{_DISTANCE}\s+(?:from|outside(?:\s+of)?|away\s+from))\s+{_ANCHOR}")
_NEAR_RE = re.compile(
    r"\b(?P<rel>(?i:near|close\s+to|outside|on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|on\s+the\s+edge\s+of))"
    rf"\s+(?:the\s+border\s+with\s+(?P<border>{_NAME})|the\s+(?P<border2>{_NAME})\s+border\b|{_ANCHOR})",
)
_BORDER_RE = re.compile(rf"\b(?:on|along|at)\s+the\s+border\s+with\s+(?P<border>{_NAME})")

# Cues for finditer_cued: every offset phrase holds its direction and "of"/"from", every distance
# phrase its unit and "from"/"outside"/"away from", exactly as the phrase patterns spell them.
_OFFSET_CUE = re.compile(rf"(?i:(?P<dir>{_DIRECTION})\s+(?:of|from))")
_FROM_CUE = re.compile(rf"(?i:(?P<unit>{_UNIT})(?:\s*\([^)]{{0,40}}\))?\s+(?:from|outside|away\s+from))")
# A character no offset or distance phrase holds outside its parenthesis (``\([^)]{0,40}\)``):
# anything but word characters, spaces, hyphens, dashes, apostrophes and brackets, and a full
# stop or comma that is not inside a number ("2.5", "1,200").
_NOT_IN_PHRASE = re.compile(r"[^\w\s,.\-–'’ʿ()]|(?<!\d)[.,]|[.,](?!\d)")


def _phrase_barriers(text: str) -> list[int]:
    """Positions no offset or distance phrase can cover: a character of ``_NOT_IN_PHRASE`` with
    no opening bracket in the 40 characters before it (which could make it part of the phrase's
    parenthesis)."""
    return [b for b in barrier_positions(_NOT_IN_PHRASE, text) if "(" not in text[max(0, b - 40):b]]


# ----------------------------------------------------------------------------------------------
# Parsing
# ----------------------------------------------------------------------------------------------


def bearing_of(direction: str) -> float | None:
    """Compass bearing of a direction word: "northwest"/"north-west"/"NW" -> 315, "NNE" -> 22.5."""
    d = direction.strip().lower()
    if d.endswith("ern"):
        d = d[:-3]
    parts = re.findall(r"north|south|east|west", d)
    if not parts:
        abbr = {"n": "north", "s": "south", "e": "east", "w": "west"}
        if re.fullmatch(r"[nsew]{1,3}", d):
            parts = [abbr[c] for c in d]
        else:
            return None
    if len(parts) == 1:
        return _POINTS[parts[0]]
    if len(parts) == 2:
        a, b = (_POINTS[p] for p in parts)
        if abs(a - b) == 180:
            return None  # "north-south" is not a direction
        return _mean_bearing(a, b)
    if len(parts) == 3:
        # north-northeast: half way between north and northeast
        first = _POINTS[parts[0]]
        inter = bearing_of(parts[1] + parts[2])
        return None if inter is None else _mean_bearing(first, inter)
    return None


def _mean_bearing(a: float, b: float) -> float:
    if abs(a - b) > 180:  # north (0) and west (270) meet at 315, not 135
        if a < b:
            a += 360
        else:
            b += 360
    return ((a + b) / 2) % 360


def _number(text: str) -> float | None:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def _to_km(value: float, unit: str) -> float:
    u = unit.lower()
    if u.startswith("mi"):
        return value * _KM_PER_MILE
    if u.startswith("k"):
        return value
    return value / 1000.0  # metres


def _clean_anchor(m: re.Match) -> tuple[str, tuple[int, int]]:
    start, end = m.span("anchor")
    anchor = m.group("anchor")
    # "the town of Tikrit" -> "Tikrit"; "the capital" stays
    sub = re.match(r"the\s+(?:capital|city|town|provincial\s+capital)\s+of\s+", anchor, re.IGNORECASE)
    if sub:
        start += sub.end()
        anchor = anchor[sub.end():]
    return anchor, (start, end)


def _offset_from_match(m: re.Match, text: str) -> RelativePosition | None:
    anchor, aspan = _clean_anchor(m)
    if not re.match(r"(?:the\s+)?[A-Za-z]", anchor) or (anchor[0].islower() and not anchor.lower().startswith("the ")):
        return None
    direction = m.group("dir") if "dir" in m.groupdict() else None
    bearing = bearing_of(direction) if direction else None
    if direction and bearing is None:
        return None
    distance = None
    approx = False
    num = m.group("num")
    if num is not None:
        unit = m.group("unit")
        value = _number(num)
        num2 = m.group("num2")
        if value is None:
            return None
        if num2 is not None and _number(num2) is not None:
            value = (value + _number(num2)) / 2  # a range: its middle, hedged
            approx = True
        distance = _to_km(value, unit)
        approx = approx or bool(m.group("hedge"))
    if distance is None and bearing is None:
        return None
    return RelativePosition(anchor, aspan, distance, bearing, approx, "offset", m.span(), text[m.start():m.end()])


def _iter_relative(text: str):
    """Every relative phrase in the text, in order, non-overlapping."""
    found: list[RelativePosition] = []
    barriers = _phrase_barriers(text)
    for m in finditer_cued(_OFFSET_RE, _OFFSET_CUE, text, barriers):
        rp = _offset_from_match(m, text)
        if rp is not None:
            found.append(rp)
    taken = [r.span for r in found]
    for m in finditer_cued(_FROM_RE, _FROM_CUE, text, barriers):
        if not any(s <= m.start() < e for s, e in taken):
            rp = _offset_from_match(m, text)
            if rp is not None:
                found.append(rp)
                taken.append(rp.span)
    for m in list(_NEAR_RE.finditer(text)) + list(_BORDER_RE.finditer(text)):
        if any(s <= m.start() < e for s, e in taken):
            continue
        gd = m.groupdict()
        if gd.get("border") or gd.get("border2"):
            name = "border" if gd.get("border") else "border2"
            anchor, aspan, relation = m.group(name), m.span(name), "border"
        else:
            anchor, aspan = _clean_anchor(m)
            rel = m.group("rel").lower()
            relation = "outskirts" if "outskirts" in rel or "edge" in rel else "near"
            if anchor.lower().startswith("the border"):
                continue
        found.append(RelativePosition(anchor, aspan, None, None, True, relation, m.span(), text[m.start():m.end()]))
        taken.append(m.span())
    return sorted(found, key=lambda r: r.span)


def parse_relative_position(text: str) -> RelativePosition | None:
    """The first relative position phrase in ``text``, or ``None``.

    >>> rp = parse_relative_position("some 30 kilometers south of Mosul")
    >>> (rp.distance_km, rp.bearing_deg, rp.approx, rp.anchor)
    (30.0, 180.0, True, 'Mosul')
    """
    found = _iter_relative(text)
    return found[0] if found else None


# ----------------------------------------------------------------------------------------------
# Pairing with the located place
# ----------------------------------------------------------------------------------------------

_PLACE_NOUN = r"(?:village|town|city|hamlet|district|area|region|neighbo(?:u)?rhood|suburb|settlement|camp|base|airbase|border\s+crossing|crossing|oil\s+field|refinery|dam|bridge|checkpoint)"
# "the village of Albu Jassim" / "Albu Jassim" right before ", <relative phrase>"
_BEFORE_RE = re.compile(rf"(?:(?:the\s+)?{_PLACE_NOUN}\s+of\s+)?(?P<place>{_NAME})\s*,?\s*(?:\(\s*)?(?:which\s+is\s+|located\s+|situated\s+|lying\s+)?$")
# "<relative phrase>, in the village of Albu Jassim" / ", at Albu Jassim"
_AFTER_RE = re.compile(rf"^\s*,?\s*(?:in|at|near|to)?\s*(?:the\s+)?(?:{_PLACE_NOUN}\s+of\s+)?(?P<place>{_NAME})")
_NOT_PLACES = frozenset(
    "The A An In At On Near From Some About Around He She They It We Officials Police Residents "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def find_relative_positions(text: str) -> list[tuple[tuple[int, int], RelativePosition]]:
    """(span of the located place, relative phrase) pairs.

    The place may precede the phrase ("the village of Albu Jassim, some 30 kilometers south of
    Tikrit") or follow it ("about 30 km south of Tikrit, in the village of Albu Jassim").
    Phrases that locate no named place ("fighting 20 km west of Mosul") are left out.
    """
    out = []
    for rp in _iter_relative(text):
        start, end = rp.span
        place_span = _place_before(text, start, rp.anchor_span) or _place_after(text, end)
        if place_span is not None:
            out.append((place_span, rp))
    return out


def _place_before(text: str, start: int, anchor_span: tuple[int, int]) -> tuple[int, int] | None:
    window_start = max(0, start - 120)
    m = _BEFORE_RE.search(text[window_start:start])
    if not m:
        return None
    s, e = window_start + m.start("place"), window_start + m.end("place")
    # the place must be set off from the phrase by a comma or parenthesis, or name its kind
    between = text[e:start]
    named_kind = re.search(rf"{_PLACE_NOUN}\s+of\s+$", text[window_start:s], re.IGNORECASE) is not None
    # (or stand right before it: feeds that strip commas write "Velmora south of Sahil")
    if "," not in between and "(" not in between and not named_kind and between.strip():
        return None
    return _trim_place(text, s, e)


def _place_after(text: str, end: int) -> tuple[int, int] | None:
    m = _AFTER_RE.match(text[end : end + 120])
    if not m:
        return None
    lead = text[end : end + m.start("place")]
    if "," not in lead:
        return None  # "... south of Tikrit Tuesday": no comma, no apposition
    return _trim_place(text, end + m.start("place"), end + m.end("place"))


def _trim_place(text: str, s: int, e: int) -> tuple[int, int] | None:
    words = text[s:e].split()
    while words and words[0] in _NOT_PLACES:
        s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
        words = words[1:]
    if not words:
        return None
    return s, e


# What stands between a place and the place it is located by: "X west of Y", "X valley northwest
# of Y", "X, an area south of Y", "X, some 30 km from Y", "X near the city of Y". Commas are optional:
# feeds often strip them.
_PLAIN_DISTANCE = re.sub(r"\(\?P<\w+>", "(?:", _DISTANCE)  # used twice below: no named groups
_KIND_WORD = rf"(?:{_PLACE_NOUN}|valley|province|governorate|countryside|enclave|plain|mountains?|hills?)"
_BETWEEN_RE = re.compile(
    rf"\s*,?\s*(?:(?:the|an?)\s+)?(?:(?i:{_KIND_WORD})\s*,?\s*)?(?:(?:an?|the)\s+(?i:{_KIND_WORD})\s+)?"
    rf"(?:(?i:which\s+is|located|situated|lying)\s+)?"
    rf"(?i:(?:{_PLAIN_DISTANCE}\s+)?(?:to\s+the\s+)?{_DIRECTION}\s+(?:of|from)|{_PLAIN_DISTANCE}\s+(?:from|outside(?:\s+of)?|away\s+from)"
    rf"|near|close\s+to|outside|on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of)"
    rf"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?(?:(?i:capital|provincial\s+capital|city|town|village|province)\s+of\s+)?"
)


def places_one_by_the_other(between: str) -> bool:
    """Whether ``between``, the words between two place names, locates the first by the second:
    "X west of Y", "X valley northwest of Y", "X, an area south of Y", "X, some 30 km from Y", "X near
    the city of Y". The first is the place meant; the second only says where it lies."""
    return _BETWEEN_RE.fullmatch(between) is not None


# ----------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------


def offset_position(lat: float, lon: float, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along the initial bearing (great circle)."""
    d = distance_km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def resolve_relative_position(rel: RelativePosition, country_hint: str | None = None, lookup=None) -> ApproximatePosition | None:
    """Approximate coordinates of the place a relative phrase locates.

    The anchor is linked with the gazetteer (``lookup`` defaults to
    ``newsgraph.kb.places.lookup_place``); without a stated distance and direction the anchor's own
    position is returned ("near Mosul" -> Mosul), still marked approximate.  ``None`` when the anchor
    cannot be linked ("the capital" needs the caller's context).
    """
    if lookup is None:
        from .places import lookup_place as lookup
    anchor = lookup(rel.anchor, country_hint=country_hint)
    if anchor is None or anchor.latitude is None:
        return None
    lat, lon = anchor.latitude, anchor.longitude
    if rel.distance_km is not None and rel.bearing_deg is not None:
        lat, lon = offset_position(lat, lon, rel.distance_km, rel.bearing_deg)
    return ApproximatePosition(lat, lon, anchor, rel)
