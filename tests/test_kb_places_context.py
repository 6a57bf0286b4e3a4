"""Places decided by context: scored candidates, relative positions, countries with coordinates."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import _PlaceEvidence, _country, _link_places
from newsgraph.entities.resolve import ResolvedEntity
from newsgraph.facts import DocumentFacts, LocalEntityFacts, Position
from newsgraph.kb.places import Evidence, Gazetteer, decide_place, haversine_km

# ----------------------------------------------------------------------------------------------
# decide_place over the real gazetteer (well-known world places)
# ----------------------------------------------------------------------------------------------


def _where(name, ev=None):
    d = decide_place(name, ev)
    return None if d.place is None else (d.place.country_code, d.place.kind)


def test_big_city_beats_namesakes_without_context():
    assert _where("Paris") == ("FR", "city")
    assert _where("Alexandria") == ("EG", "city")  # formerly refused as a tie
    assert _where("Oxford") == ("GB", "city")


def test_country_focus_alone_does_not_move_a_world_capital():
    # a US story naming Vienna: the Austrian capital, not the Virginia town
    assert _where("Vienna", Evidence(countries={"US": 5})) == ("AT", "city")
    assert _where("Warsaw", Evidence(countries={"US": 5})) == ("PL", "city")


def test_nearby_places_choose_the_namesake():
    # co-mentioned places in north-east Texas (Dallas area): Paris, Texas
    near = [(32.78, -96.80, 1.0), (33.66, -95.55, 1.0)]
    d = decide_place("Paris", Evidence(countries={"US": 3}, near=near))
    assert (d.place.country_code, d.place.admin1) == ("US", "Texas")
    assert any(r.startswith("near co-mentioned") for r in d.candidates[0].reasons)


def test_name_that_states_its_country_or_state():
    d = decide_place("Paris, Texas")
    assert (d.place.country_code, d.place.admin1) == ("US", "Texas") and d.base == "Paris"
    assert _where("Alexandria, Egypt") == ("EG", "city")


def test_georgia_is_the_country_unless_us_places_surround_it():
    assert _where("Georgia") == ("GE", "country")
    atlanta = [(33.75, -84.39, 2.0)]
    assert _where("Georgia", Evidence(countries={"US": 2}, near=atlanta)) == ("US", "admin1")


def test_kind_word_picks_the_region():
    d = decide_place("Valparaiso Region")
    assert d.place is not None and d.place.kind == "admin1" and d.place.country_code == "CL"


def test_qualified_names_link_to_their_base():
    d = decide_place("Eastern Paris")
    assert d.place.country_code == "FR" and d.base == "Paris"
    assert decide_place("Paris countryside").base == "Paris"


def test_namesake_in_an_unnamed_country_is_refused():
    # a small town matched by name only, while the documents talk about other countries
    d = decide_place("Kareda", Evidence(countries={"CL": 3}))
    assert d.place is None and d.candidates and "nothing in the documents" in d.why


def test_scores_and_reasons_are_kept():
    d = decide_place("London", Evidence(countries={"GB": 1}))
    best = d.candidates[0]
    assert best.place.country_code == "GB" and best.score > d.candidates[1].score
    assert any("capital" in r for r in best.reasons) and "over" in d.why


# ----------------------------------------------------------------------------------------------
# Synthetic gazetteer: ties, offsets
# ----------------------------------------------------------------------------------------------


def _rec(gid, name, lat, lon, cc="XA", pop=1000):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "population": pop, "admin1code": "01", "alternatenames": []}


@pytest.fixture
def twin_villages():
    # two villages of one name 300 km apart, and a town
    return Gazetteer.from_records([_rec(1, "Ain Zarqa", 34.0, 40.0), _rec(2, "Ain Zarqa", 36.4, 41.5),
                                   _rec(3, "Bigtown", 36.67, 41.5, pop=500_000)])


def test_equal_namesakes_tie_without_evidence(twin_villages):
    d = decide_place("Ain Zarqa", Evidence(), twin_villages)
    assert d.place is None and d.why.startswith("tie") and len(d.candidates) == 2


def test_stated_offset_chooses_the_consistent_namesake(twin_villages):
    from newsgraph.kb.position import offset_position

    lat, lon = offset_position(36.67, 41.5, 30, 180)  # "30 km south of Bigtown"
    d = decide_place("Ain Zarqa", Evidence(offsets=[(lat, lon, 15.0)]), twin_villages)
    assert d.place is not None and d.place.geonameid == 2
    assert any(r.startswith("stated position") for r in d.candidates[0].reasons)


def test_stated_offset_far_from_every_candidate_refuses(twin_villages):
    d = decide_place("Ain Zarqa", Evidence(offsets=[(10.0, 10.0, 15.0)]), twin_villages)
    assert d.place is None and "where the text places it" in d.why


# ----------------------------------------------------------------------------------------------
# Corpus level: _link_places
# ----------------------------------------------------------------------------------------------


def _entity(eid, name, doc, idx, subtype=None):
    return ResolvedEntity(eid, name, "LOC", subtype, [(doc, idx)], Counter({name: 1}), 1, 1, [], [])


def _evidence(docs, entity_of) -> _PlaceEvidence:
    found = _PlaceEvidence()
    found.add(docs, entity_of)
    return found


def test_link_places_uses_the_stated_position_over_a_bigger_namesake():
    # "Cordoba, some 18 km east of Orizaba": Mexico, not Argentina
    facts = DocumentFacts(
        entities=[LocalEntityFacts("Cordoba", "LOC", "settlement", ["Cordoba"], [], 2),
                  LocalEntityFacts("Orizaba", "LOC", "settlement", ["Orizaba"], [], 1),
                  LocalEntityFacts("Mexico", "LOC", "country", ["Mexico"], [], 1)],
        positions=[Position(0, "Orizaba", 18.0, 80.0, 0, 40)],
    )
    ents = [_entity("E1", "Cordoba", "d1", 0, "settlement"), _entity("E2", "Orizaba", "d1", 1, "settlement"),
            _entity("E3", "Mexico", "d1", 2, "country")]
    _link_places(ents, _evidence([StoredDoc("d1", None, None, facts)], {("d1", 0): "E1", ("d1", 1): "E2", ("d1", 2): "E3"}))
    g = ents[0].meta["gazetteer"]
    assert g["country_code"] == "MX" and haversine_km(g["latitude"], g["longitude"], 18.88, -96.93) < 20
    cands = ents[0].meta["gazetteer_candidates"]
    assert 2 <= len(cands) <= 5 and cands[0]["score"] >= cands[1]["score"] and cands[0]["reasons"]
    assert ents[0].meta["gazetteer_why"]
    # the country carries a point (its capital)
    assert ents[2].meta["country"]["alpha2"] == "MX" and ents[2].meta["country"]["latitude"] is not None


def test_link_places_positions_a_place_the_gazetteer_lacks():
    facts = DocumentFacts(
        entities=[LocalEntityFacts("Qaryat Zzyzxq", "LOC", "settlement", ["Qaryat Zzyzxq"], [], 1),
                  LocalEntityFacts("Paris", "LOC", "settlement", ["Paris"], [], 1)],
        positions=[Position(0, "Paris", 30.0, 180.0, 0, 40)],
    )
    ents = [_entity("E1", "Qaryat Zzyzxq", "d1", 0), _entity("E2", "Paris", "d1", 1)]
    _link_places(ents, _evidence([StoredDoc("d1", None, None, facts)], {("d1", 0): "E1", ("d1", 1): "E2"}))
    p = ents[0].meta["approximate_position"]
    assert p["approximate"] and abs(p["latitude"] - (48.86 - 0.27)) < 0.05


def test_country_entities_get_coordinates():
    c = _country("Chile")  # its capital, Santiago
    assert c["alpha2"] == "CL" and abs(c["latitude"] + 33.45) < 0.3 and abs(c["longitude"] + 70.65) < 0.3


def test_a_namesake_a_country_away_from_every_co_mentioned_place_is_refused():
    # a small town in a country the documents never name; the places named beside it lie 500 km off
    g = Gazetteer.from_records([_rec(1, "Fenwa", 31.2, 30.5, cc="XB", pop=90_000),
                                _rec(2, "Bigtown", 35.9, 36.6, cc="XA", pop=500_000)])
    far = Evidence(countries={"XA": 4}, near=[(35.9, 36.6, 3.0)])
    assert decide_place("Fenwa", far, g).place is None
    close = Evidence(countries={"XA": 4}, near=[(31.5, 30.8, 3.0)])  # 40 km away: support
    assert decide_place("Fenwa", close, g).place is not None


def test_a_far_place_that_has_the_name_only_as_another_of_its_names_is_refused():
    # "Fenwa" is one of the alternate names of a big city 3,000 km from every place the documents name
    far_city = _rec(1, "Grand Borough", 10.0, 10.0, cc="XC", pop=2_000_000)
    far_city["alternatenames"] = ["Fenwa"]
    g = Gazetteer.from_records([far_city, _rec(2, "Bigtown", 35.9, 36.6, cc="XA", pop=500_000)])
    d = decide_place("Fenwa", Evidence(near=[(35.9, 36.6, 3.0)]), g)
    assert d.place is None and "far from every place" in d.why
    # named so itself (its own name), the same city is taken
    assert decide_place("Grand Borough", Evidence(near=[(35.9, 36.6, 3.0)]), g).place is not None
