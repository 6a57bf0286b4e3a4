"""Places the gazetteer knows as one row (a town's local name and its exonym) are one place, when
the row came from the name itself; a qualifier, a facility or a named division never joins a town."""

from __future__ import annotations

import pytest

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import GAZETTEER_JOIN, resolve_entities
from newsgraph.facts import DocumentFacts, LocalEntityFacts
from newsgraph.types import EntityMention

places = pytest.importorskip("newsgraph.kb.places")


def _rec(gid, name, lat, lon, alternates=(), pop=60_000):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": "XA",
            "population": pop, "admin1code": "01", "alternatenames": list(alternates)}


@pytest.fixture
def norland(monkeypatch):
    # a town written by its local name and by an older exonym, and a city elsewhere in the country
    g = places.Gazetteer.from_records([
        _rec(1, "Qasr Tamra", 34.5, 38.3, alternates=["Velmorine", "Qasr Tamrah"]),
        _rec(2, "Sahilburg", 35.9, 36.6, pop=500_000),
    ])
    monkeypatch.setattr(places, "gazetteer", lambda: g)
    return g


def _doc(doc_id: str, names: list[tuple[str, str | None]]) -> StoredDoc:
    text = ". ".join(f"Shelling was reported in {n}" for n, _ in names) + "."
    mentions, ents = [], []
    for i, (name, subtype) in enumerate(names):
        start = text.index(name)
        mentions.append(EntityMention(start, start + len(name), name, "LOC", subtype, "ner", -1, -1, None, i))
        ents.append(LocalEntityFacts(name, "LOC", subtype, [name], [], 1, []))
    return StoredDoc(doc_id, None, None, DocumentFacts(mentions=mentions, entities=ents))


def _entity_of(entities, name):
    return [e for e in entities if name in e.aliases]


def test_a_town_and_its_exonym_are_one_place(norland):
    docs = [_doc(f"a{k}", [("Qasr Tamra", "settlement"), ("Sahilburg", "settlement")]) for k in range(3)]
    docs += [_doc(f"b{k}", [("Velmorine", "settlement"), ("Sahilburg", "settlement")]) for k in range(2)]
    entities, mapping, _ = resolve_entities(docs)
    (town,) = _entity_of(entities, "Qasr Tamra")
    assert "Velmorine" in town.aliases and town.documents == 5
    assert any(GAZETTEER_JOIN in reason for _, _, reasons in town.joins for reason in reasons)
    assert {mapping[(f"b{k}", 0)] for k in range(2)} == {town.id}
    assert town.meta["gazetteer"]["geonameid"] == 1
    # the other place stays itself
    assert "Qasr Tamra" not in _entity_of(entities, "Sahilburg")[0].aliases


def test_a_facility_or_a_named_division_linked_to_the_town_stays_apart(norland):
    docs = [_doc(f"a{k}", [("Qasr Tamra", "settlement"), ("Sahilburg", "settlement")]) for k in range(3)]
    docs += [_doc(f"b{k}", [("Velmorine", "facility")]) for k in range(2)]
    docs += [_doc(f"c{k}", [("Qasr Tamra province", "region")]) for k in range(2)]
    entities, _, _ = resolve_entities(docs)
    (town,) = _entity_of(entities, "Qasr Tamra")
    assert "Velmorine" not in town.aliases and "Qasr Tamra province" not in town.aliases
    assert not any(GAZETTEER_JOIN in reason for e in entities for _, _, reasons in e.joins for reason in reasons)


def test_a_users_split_is_not_undone_by_the_gazetteer(norland):
    docs = [_doc(f"a{k}", [("Qasr Tamra", "settlement"), ("Velmorine", "settlement")]) for k in range(3)]
    entities, _, _ = resolve_entities(docs)
    (town,) = _entity_of(entities, "Qasr Tamra")
    assert "Velmorine" in town.aliases  # one document names both: joined in the document or by the row
    entities, _, _ = resolve_entities(docs, [("split", town.id, "Velmorine")])
    assert "Velmorine" not in _entity_of(entities, "Qasr Tamra")[0].aliases
    entities, _, _ = resolve_entities(docs, [("split", "Qasr Tamra", "Velmorine")])
    assert "Velmorine" not in _entity_of(entities, "Qasr Tamra")[0].aliases


def test_a_place_described_by_its_part_is_linked_to_no_row_and_joins_nothing(monkeypatch):
    # "the Old City" of three reports: three towns' old quarters, whatever a gazetteer calls "Old City"
    g = places.Gazetteer.from_records([_rec(7, "Old City", 40.0, -90.0, pop=9_000)])
    monkeypatch.setattr(places, "gazetteer", lambda: g)
    docs = [_doc(f"o{k}", [("Old City", "settlement")]) for k in range(3)]
    entities, _, _ = resolve_entities(docs)
    olds = [e for e in entities if e.name == "Old City"]
    assert len(olds) == 3 and not any(e.meta.get("gazetteer") for e in olds)


def test_a_towns_prison_in_one_story_does_not_make_the_town_a_facility(norland):
    # "Velmorine prison" in one story carries the town's bare name; joined to the town's records
    # of three stories it must not make the town a facility kept from its exonym's row
    docs = [_doc(f"a{k}", [("Qasr Tamra", "settlement"), ("Sahilburg", "settlement")]) for k in range(3)]
    docs += [_doc(f"b{k}", [("Velmorine", None)]) for k in range(3)]
    docs += [_doc("p0", [("Velmorine", "facility")])]
    entities, _, _ = resolve_entities(docs)
    (town,) = _entity_of(entities, "Qasr Tamra")
    assert "Velmorine" in town.aliases and town.documents == 7
    assert town.subtype != "facility"
