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


# -- glued names: a feed without commas ------------------------------------------------------------
GLUED = ENTITIES + [
    _entity("E_dawn", "Dawn Front", "ORG", {"Dawn Front": 6, "al-Dawn Front": 1}),
    _entity("E_karim", "Karim Haddad", "PERSON", {"Karim Haddad": 3, "Karim": 2}),
    _entity("E_glued", "Velmora Kafr Sahil", "PERSON", {"Velmora Kafr Sahil": 1}, stories=1),
    _entity("E_front_tarmi", "Dawn Front Tarmi", "PERSON", {"Dawn Front Tarmi": 1}, stories=1),
    _entity("E_two_people", "Karim Tarmi", "PERSON", {"Karim Tarmi": 1}, stories=1),
    _entity("E_west_velmora", "Western Velmora", "LOC", {"Western Velmora": 1}, stories=1),
    _entity("E_free", "Free Dawn Front", "ORG", {"Free Dawn Front": 1}, stories=1),
    _entity("E_known", "Velmora Sahil Council", "ORG", {"Velmora Sahil Council": 4}, stories=3),
]


def _split(text: str, start: int, end: int, entity: str) -> list[tuple[str, str, str]]:
    found = recall_mentions(GLUED, [("d1", text, [(start, end, 0)])], {("d1", 0): entity})
    return [(m.text, m.entity_id, m.origin) for m in found if m.origin == "split"]


def test_a_glued_list_of_established_names_is_read_as_those_names():
    text = "Shells fell on Velmora Kafr Sahil overnight."
    assert _split(text, 15, 33, "E_glued") == [("Velmora", "E_velmora", "split"), ("Kafr Sahil", "E_sahil", "split")]
    # the Arabic article and the case do not hide a name; "of", "and", "the" may stand between names
    text = "Fighters of al-Dawn front and the Tarmi said so."
    assert _split(text, 12, 39, "E_front_tarmi") == [("al-Dawn front", "E_dawn", "split"), ("Tarmi", "E_tarmi", "split")]


def test_a_name_of_its_own_is_not_split():
    # an entity of several stories is a name, whatever words it shares with others
    assert _split("The Velmora Sahil Council met.", 4, 25, "E_known") == []
    # a word no entity owns is left over: "Free Dawn Front" is another group
    assert _split("The Free Dawn Front withdrew.", 4, 19, "E_free") == []
    # a modifier is no name of its own: "Western Velmora" is a part of Velmora
    assert _split("Rain fell in Western Velmora.", 13, 28, "E_west_velmora") == []
    # two persons side by side are one person's given name and surname
    assert _split("Karim Tarmi said so.", 0, 11, "E_two_people") == []
    # without the corpus's entity of the span, nothing is split
    assert [m for m in recall_mentions(GLUED, [("d1", "Velmora Kafr Sahil", [(0, 18, 0)])]) if m.origin == "split"] == []


def test_a_name_the_corpus_does_not_know_may_stand_in_a_glued_list():
    glued = GLUED + [_entity("E_list", "Kafr Sahil Qarnos Velmora", "LOC", {"Kafr Sahil Qarnos Velmora": 1}, stories=1)]
    found = recall_mentions(glued, [("d1", "Kafr Sahil Qarnos Velmora", [(0, 25, 0)])], {("d1", 0): "E_list"})
    assert [(m.text, m.entity_id) for m in found if m.origin == "split"] == [("Kafr Sahil", "E_sahil"), ("Velmora", "E_velmora")]


def test_a_word_that_begins_other_names_is_no_name_before_an_unknown_word():
    glued = GLUED + [
        _entity("E_qasr", "Qasr", "LOC", {"Qasr": 4}),
        _entity("E_qasr_sahil", "Qasr Sahil", "LOC", {"Qasr Sahil": 3}),
        _entity("E_quarter", "Qasr Qarnos Velmora", "LOC", {"Qasr Qarnos Velmora": 1}, stories=1),
    ]
    found = recall_mentions(glued, [("d1", "Qasr Qarnos Velmora", [(0, 18, 0)])], {("d1", 0): "E_quarter"})
    assert [m.text for m in found if m.origin == "split"] == []
    # the same word before a known name is a name of its own
    found = recall_mentions(glued, [("d1", "Qasr Kafr Sahil Qarnos", [(0, 21, 0)])], {("d1", 0): "E_quarter"})
    assert [m.text for m in found if m.origin == "split"] == ["Qasr", "Kafr Sahil"]


def test_a_persons_full_name_at_the_end_of_an_organisations_span_is_the_person():
    glued = GLUED + [_entity("E_union", "Norland Union", "ORG", {"Norland Union": 5,
                                                                "Norland Union for Trade Policy Karim Haddad": 1})]
    text = "The Norland Union for Trade Policy Karim Haddad spoke."
    found = recall_mentions(glued, [("d1", text, [(4, 47, 0)])], {("d1", 0): "E_union"})
    assert [(m.text, m.entity_id, m.type) for m in found if m.origin == "split"] == [("Karim Haddad", "E_karim", "PERSON")]
    # a one-word name (a given name, a surname) is no proof of a person at the end
    text = "The Norland Union for Trade Policy Karim spoke."
    assert [m for m in recall_mentions(glued, [("d1", text, [(4, 40, 0)])], {("d1", 0): "E_union"}) if m.origin == "split"] == []
    # one word before the name: an organisation named after a person
    text = "The Jabhat Karim Haddad fought on."
    glued = glued + [_entity("E_jabhat", "Jabhat Karim Haddad", "ORG", {"Jabhat Karim Haddad": 3})]
    assert [m for m in recall_mentions(glued, [("d1", text, [(4, 23, 0)])], {("d1", 0): "E_jabhat"}) if m.origin == "split"] == []


def test_a_place_is_found_with_the_article_and_in_a_list_after_a_place():
    # the corpus writes "Velmora"; a report writes "al-Velmora"
    assert _found("Shells fell on al-Velmora at dawn.") == [("al-Velmora", "E_velmora")]
    assert _found("Shells fell on al-velmora at dawn.") == []  # no name without its capital
    # a list whose commas the feed dropped: the place before locates the next one
    text = "Shells hit Qarnos Velmora and Tarsa."
    with_place = recall_mentions(ENTITIES, [("d1", text, [(11, 17, 0)])], {("d1", 0): "E_qarnos"})
    assert with_place == []  # without the corpus's place, "Qarnos" locates nothing
    places = ENTITIES + [_entity("E_qarnos", "Qarnos", "LOC", {"Qarnos": 3}, subtype="settlement")]
    found = recall_mentions(places, [("d1", text, [(11, 17, 0)])], {("d1", 0): "E_qarnos"})
    assert [(m.text, m.entity_id) for m in found] == [("Velmora", "E_velmora")]
    # after a person, a one-word place is no place of a list
    people = places + [_entity("E_tarsa", "Karim Tarsa", "PERSON", {"Karim Tarsa": 3})]
    found = recall_mentions(people, [("d1", "Karim Tarsa Velmora spoke.", [(0, 11, 0)])], {("d1", 0): "E_tarsa"})
    assert found == []


def test_an_established_surname_alone_is_the_person():
    assert _found("Earlier in the day Tarmi said the talks would go on.") == [("Tarmi", "E_tarmi")]
    # beside a capitalised word it is a word of another name
    assert _found("Earlier in the day Anna Tarmi said so.") == []
    assert _found("Shells hit Tarmi Street.") == []
    # a surname used alone in fewer stories is not established
    few = [_entity("E_few", "Omar Qasrawi", "PERSON", {"Omar Qasrawi": 3, "Qasrawi": 2})]
    assert recall_mentions(few, [("d1", "Later Qasrawi said so.", [])]) == []


def test_words_each_with_the_article_are_a_list_of_places():
    glued = GLUED + [_entity("E_sahil1", "Sahil", "LOC", {"al-Sahil": 4}),
                     _entity("E_pair", "al-Sahil al-Qarnos", "ORG", {"al-Sahil al-Qarnos": 1}, stories=1)]
    found = recall_mentions(glued, [("d1", "in al-Sahil al-Qarnos and", [(3, 21, 0)])], {("d1", 0): "E_pair"})
    assert [(m.text, m.entity_id) for m in found if m.origin == "split"] == [("al-Sahil", "E_sahil1")]
    # without the article on each word, one known name and one unknown word stay one name
    glued[-1] = _entity("E_pair", "al-Sahil Qarnos", "ORG", {"al-Sahil Qarnos": 1}, stories=1)
    found = recall_mentions(glued, [("d1", "in al-Sahil Qarnos and", [(3, 18, 0)])], {("d1", 0): "E_pair"})
    assert [m for m in found if m.origin == "split"] == []


def test_an_unknown_word_before_a_word_with_the_article_is_one_name_with_it():
    glued = GLUED + [_entity("E_sahil1", "Sahil", "LOC", {"al-Sahil": 4}),
                     _entity("E_quarter2", "Qarnos al-Sahil Velmora", "LOC", {"Qarnos al-Sahil Velmora": 1}, stories=1)]
    found = recall_mentions(glued, [("d1", "Qarnos al-Sahil Velmora", [(0, 23, 0)])], {("d1", 0): "E_quarter2"})
    assert [m for m in found if m.origin == "split"] == []


def test_an_established_name_glued_before_or_after_the_spans_own_name_gets_its_mention():
    # a dateline or a credit without its punctuation: "... in Velmora NNA reported"
    glued = GLUED + [_entity("E_nna", "Norland News Agency", "ORG", {"Norland News Agency": 2, "NNA": 6})]
    text = "Shells fell in Velmora NNA reported."
    found = recall_mentions(glued, [("d1", text, [(15, 26, 0)])], {("d1", 0): "E_velmora"})
    assert [(m.text, m.entity_id, m.type) for m in found if m.origin == "split"] == [("NNA", "E_nna", "ORG")]
    # a list without its comma: "Velmora Dawn Front" read as the front's span
    text = "Raids on Velmora Dawn Front positions."
    found = recall_mentions(glued, [("d1", text, [(9, 27, 0)])], {("d1", 0): "E_dawn"})
    assert [(m.text, m.entity_id) for m in found if m.origin == "split"] == [("Velmora", "E_velmora")]
    # a word the corpus does not establish stays in the span, and a form written twice is a name
    text = "Shells fell in Velmora XQZ reported."
    assert [m for m in recall_mentions(glued, [("d1", text, [(15, 26, 0)])], {("d1", 0): "E_velmora"})
            if m.origin == "split"] == []
    often = glued + [_entity("E_vdf", "Velmora Dawn Front", "ORG", {"Velmora Dawn Front": 2})]
    text = "Raids on Velmora Dawn Front positions."
    assert [m for m in recall_mentions(often, [("d1", text, [(9, 27, 0)])], {("d1", 0): "E_vdf"})
            if m.origin == "split"] == []


def test_an_organisation_named_again_by_its_head_noun_is_found():
    council = _entity("E_council", "Norland Relief Council", "ORG", {"Norland Relief Council": 4})
    other = _entity("E_other", "Sahil Town Council", "ORG", {"Sahil Town Council": 3})
    corpus = ENTITIES + [council, other]

    def councils(text: str) -> list[tuple[str, str]]:
        taken, ents = [], {}
        for k, (name, eid) in enumerate([("Norland Relief Council", "E_council"), ("Sahil Town Council", "E_other")]):
            if name in text:
                taken.append((text.index(name), text.index(name) + len(name), k))
                ents[("d1", k)] = eid
        return [(m.text, m.entity_id) for m in recall_mentions(corpus, [("d1", text, taken)], ents)
                if m.text == "Council"]

    assert councils("The Norland Relief Council said aid came. The Council added more.") == [("Council", "E_council")]
    # two councils in the document: "the Council" is nobody's; and no head noun before a name
    assert councils("The Norland Relief Council and the Sahil Town Council met. The Council agreed.") == []
    assert councils("The Norland Relief Council met. The Council Chairman spoke.") == []


def test_a_head_noun_inside_a_longer_mention_gets_none():
    # "the Council" inside a mention that holds another, nested one: already a name's word
    council = _entity("E_council", "Norland Relief Council", "ORG", {"Norland Relief Council": 4})
    text = "The Norland Relief Council met. Envoy Karim Tarmi of the Council spoke."
    outer = text.index("Envoy")
    inner = text.index("Karim")
    taken = [(4, 26, 0), (outer, text.index(" spoke"), 1), (inner, inner + len("Karim Tarmi"), 1)]
    ents = {("d1", 0): "E_council", ("d1", 1): "E_tarmi"}
    found = recall_mentions(ENTITIES + [council], [("d1", text, taken)], ents)
    assert not [m for m in found if m.text == "Council"]


def test_a_place_name_shared_by_a_town_and_its_province_splits_a_glued_list():
    # "Qarnos" names the town, and the province in documents that wrote "Qarnos province" first:
    # neither owns it 80% of the time, yet it is a place's name that a comma-less list glues
    entities = GLUED + [
        _entity("E_qarnos", "Qarnos", "LOC", {"Qarnos": 30}, subtype="settlement"),
        _entity("E_qarnos_prov", "Qarnos province", "LOC", {"Qarnos province": 20, "Qarnos": 16}, subtype="region"),
        _entity("E_list", "Velmora Qarnos", "PERSON", {"Velmora Qarnos": 1}, stories=1),
    ]
    text = "Factions in Velmora Qarnos and the coast agreed."
    found = recall_mentions(entities, [("d1", text, [(12, 26, 0)])], {("d1", 0): "E_list"})
    assert [(m.text, m.entity_id) for m in found if m.origin == "split"] == [("Velmora", "E_velmora"), ("Qarnos", "E_qarnos")]
    # a name an organisation shares with a place stays nobody's
    entities[-3] = _entity("E_qarnos", "Qarnos", "ORG", {"Qarnos": 30})
    found = recall_mentions(entities, [("d1", text, [(12, 26, 0)])], {("d1", 0): "E_list"})
    assert [m for m in found if m.origin == "split"] == []
