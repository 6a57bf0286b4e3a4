"""A place the gazetteer lacks is put, approximately, where the places written next to it lie."""

from __future__ import annotations

import pytest

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import resolve_entities
from newsgraph.facts import DocumentFacts, LocalEntityFacts
from newsgraph.types import EntityMention


def _doc(doc_id: str, text: str, places: list[str]) -> StoredDoc:
    mentions, ents = [], []
    for i, name in enumerate(places):
        start = text.index(name)
        mentions.append(EntityMention(start, start + len(name), name, "LOC", "settlement", "ner", -1, -1, None, i))
        ents.append(LocalEntityFacts(name, "LOC", "settlement", [name], [], 1, []))
    return StoredDoc(doc_id, None, None, DocumentFacts(mentions=mentions, entities=ents))


def _position(entities, name):
    (e,) = [e for e in entities if e.name == name]
    return e.meta.get("approximate_position")


def test_an_unknown_village_named_next_to_a_city_is_placed_near_it():
    pytest.importorskip("newsgraph.kb.places")
    quiet = " Elsewhere the day passed without any report of fighting or of casualties at all."
    docs = [_doc(f"d{k}", f"Shelling hit Qaryat Velmora near Lyon on day {k}.{quiet} Grenoble was quiet.",
                 ["Qaryat Velmora", "Lyon", "Grenoble"]) for k in range(3)]
    entities, _, _ = resolve_entities(docs)
    lyon = next(e for e in entities if e.name == "Lyon").meta.get("gazetteer")
    if not lyon or lyon.get("country_code") != "FR":
        pytest.skip("the gazetteer does not place Lyon in France here")
    pos = _position(entities, "Qaryat Velmora")
    assert pos and pos["method"] == "neighbours" and "Lyon" in pos["from"]
    assert abs(pos["latitude"] - lyon["latitude"]) < 0.5 and abs(pos["longitude"] - lyon["longitude"]) < 0.5
    # the known places keep their own coordinates
    assert _position(entities, "Lyon") is None


def test_neighbours_that_disagree_or_a_single_report_give_no_position():
    pytest.importorskip("newsgraph.kb.places")
    split = [_doc("a", "Qaryat Velmora near Lyon.", ["Qaryat Velmora", "Lyon"]),
             _doc("b", "Qaryat Velmora near Oslo.", ["Qaryat Velmora", "Oslo"])]
    entities, _, _ = resolve_entities(split)
    assert _position(entities, "Qaryat Velmora") is None
    once = [_doc("a", "Qaryat Velmora near Lyon.", ["Qaryat Velmora", "Lyon"])]
    entities, _, _ = resolve_entities(once)
    assert _position(entities, "Qaryat Velmora") is None


def test_a_position_from_neighbours_is_an_area_not_a_place_for_event_identity():
    from newsgraph import aggregate
    from newsgraph.entities.resolve import ResolvedEntity
    from newsgraph.extract.acled import geo_precision

    near = {"approximate_position": {"latitude": 45.7, "longitude": 4.8, "method": "neighbours", "from": "Lyon"}}
    stated = {"approximate_position": {"latitude": 45.7, "longitude": 4.8, "from": "Lyon", "distance_km": 30}}
    assert geo_precision("settlement", near) == 3 and geo_precision("settlement", stated) == 2
    ents = [ResolvedEntity("a", "Qaryat Velmora", "LOC", "settlement", [], None, 1, 1, [], [], meta=near),
            ResolvedEntity("b", "Qaryat Sahil", "LOC", "settlement", [], None, 1, 1, [], [], meta=stated)]
    assert set(aggregate.settlement_points(ents)) == {"b"}


def test_a_stated_direction_outweighs_the_places_a_sentence_lists_beside():
    # two reports list the village with two towns far away; one says where it lies: south of Grenoble
    pytest.importorskip("newsgraph.kb.places")
    from newsgraph.facts import Position

    listed = [_doc(f"l{k}", "Families from Oslo Bergen and Qaryat Velmora were moved.", ["Oslo", "Bergen", "Qaryat Velmora"])
              for k in range(2)]
    text = "Hundreds were stuck in Qaryat Velmora south of Grenoble."
    said = _doc("s", text, ["Qaryat Velmora", "Grenoble"])
    start = text.index("south")
    said.facts.positions.append(Position(0, "Grenoble", None, 180.0, start, start + len("south of Grenoble")))
    entities, _, _ = resolve_entities(listed + [said])
    grenoble = next(e for e in entities if e.name == "Grenoble").meta.get("gazetteer")
    oslo = next(e for e in entities if e.name == "Oslo").meta.get("gazetteer")
    if not grenoble or grenoble.get("country_code") != "FR" or not oslo or oslo.get("country_code") != "NO":
        pytest.skip("the gazetteer does not place Grenoble and Oslo here")
    pos = _position(entities, "Qaryat Velmora")
    assert pos and pos.get("stated") and "Grenoble" in pos["from"] and abs(pos["latitude"] - grenoble["latitude"]) < 0.5
