"""The corpus's names found again where the model missed them (entities/recall.py)."""

from __future__ import annotations

from collections import Counter

from newsgraph.entities.recall import CorpusNames, recall_mentions
from newsgraph.entities.resolve import ResolvedEntity


def _entity(eid: str, name: str, typ: str, aliases: dict[str, int], stories: int = 5, subtype=None) -> ResolvedEntity:
    return ResolvedEntity(id=eid, name=name, type=typ, subtype=subtype, members=[], aliases=Counter(aliases),
                          documents=stories, stories=stories, titles=[], joins=[])


ENTITIES = [
    _entity("E_tarmi", "Karim al-Tarmi", "PERSON", {"Karim al-Tarmi": 4, "Tarmi": 3}),
    _entity("E_sahil", "Kafr Sahil", "LOC", {"Kafr Sahil": 5, "Sahilo": 2}, subtype="settlement"),
    _entity("E_velmora", "Velmora", "LOC", {"Velmora": 6}, subtype="settlement"),
    _entity("E_west", "Western countryside", "LOC", {"Western countryside": 3, "Western": 3}),
    _entity("E_once", "Dawn Watch", "ORG", {"Dawn Watch": 1}),  # one local entity: not established
]


def _found(text: str, taken=()) -> list[tuple[str, str]]:
    return [(m.text, m.entity_id) for m in recall_mentions(ENTITIES, [("d1", text, list(taken))])]


def test_an_established_name_the_model_missed_is_found_again():
    assert _found("Shelling hit Kafr Sahil again, said Karim al-Tarmi of the council.") == [
        ("Kafr Sahil", "E_sahil"), ("Karim al-Tarmi", "E_tarmi")]


def test_a_one_word_place_needs_a_word_that_locates_it():
    assert _found("Rebels freed Velmora from the army.") == [("Velmora", "E_velmora")]
    assert _found("Velmora Times reported the clashes.") == []
    assert _found("Karim Tarmi and Dawn Watch spoke in Western Norland.") == []  # a modifier is no place


def test_nothing_is_found_where_a_mention_stands_or_in_another_word():
    text = "Shelling hit Kafr Sahil again."
    assert _found(text, taken=[(13, 23)]) == []
    assert _found("The Kafr Sahilian delegation left.") == []
    assert _found("Dawn Watch said nothing.") == []  # a name one document used


def test_a_name_of_two_entities_is_nobodys():
    twice = ENTITIES + [_entity("E_other", "Kafr Sahil", "ORG", {"Kafr Sahil": 3})]
    assert [m.text for m in recall_mentions(twice, [("d1", "Shelling hit Kafr Sahil again.", [])])] == []
    assert not CorpusNames([])
