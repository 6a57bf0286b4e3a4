"""Where an event happened, read within its sentence (extract/events.py _location, place_reference.py)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import events_with_names
from newsgraph.kb.position import places_one_by_the_other

PUBLISHED = date(2024, 5, 8)


def _events(nlp, text: str):
    return events_with_names(nlp, text, PUBLISHED)


def _place_of(nlp, text: str, trigger: str) -> str | None:
    events, name = _events(nlp, text)
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [e.trigger for e in events]
    return name(found[0].location)


@pytest.mark.parametrize("between, expected", [
    (" west of ", True),
    (" valley northwest of ", True),
    (", an area south of ", True),
    (" some 30 km from ", True),
    (" near the Norlandic city of ", True),
    (" and ", False),
    (" in ", False),
    (" said on Monday west of ", False),
])
def test_words_that_place_one_place_by_another(between, expected):
    assert places_one_by_the_other(between) is expected


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, place", [
    # the direction phrase hangs on the verb; the valley is where the bombs fell
    ("Regime forces escalated aerial bombardment on Wadi Tarmi valley northwest of Velmora pounding the "
     "enclave with barrel bombs.", "barrel bombs", "Wadi Tarmi"),
    ("Inspectors are due to visit Kafr Sahil near the Norlandic city of Velmora, where officials reported "
     "a chemical weapons attack on 2 May.", "chemical weapons", "Kafr Sahil"),
])
def test_the_place_located_not_its_reference(nlp, text, trigger, place):
    assert _place_of(nlp, text, trigger) == place


@pytest.mark.model
def test_the_town_after_a_relative_position_is_the_located_one(nlp):
    text = ("Activists in Kafr Sahil west of Velmora spoke to reporters on Monday. "
            "They said the town was pounded with barrel bombs.")
    assert _place_of(nlp, text, "barrel bombs") == "Kafr Sahil"


@pytest.mark.model
def test_a_place_held_by_a_side_is_still_the_place(nlp):
    # the parser reads "held" as a participle with the town as its object
    text = "At least 31 people were killed on Tuesday morning in rebel-held Kafr Sahil and many more were hurt."
    assert _place_of(nlp, text, "killed") == "Kafr Sahil"


@pytest.mark.model
def test_a_place_in_the_quarter_of_a_city(nlp):
    text = "A missile killed nine civilians on Sunday in a busy neighbourhood of the old quarter of Velmora city."
    assert _place_of(nlp, text, "missile") == "Velmora"


@pytest.mark.model
def test_an_event_in_the_countryside_of_a_place_is_near_it_not_in_it(nlp):
    events, _ = _events(nlp, "Air raids on the Sahil countryside killed 16 civilians on Monday. "
                             "A shell hit a school in Sahil on Tuesday.")
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["Air raids"].location_area and not by_trigger["hit"].location_area


def test_the_words_of_an_area_are_one_list_for_events_and_the_gazetteer():
    from newsgraph.entities.lexicon import AREA_WORDS
    from newsgraph.extract.events import _names_an_area
    from newsgraph.kb.places import _TRAILING

    for word in AREA_WORDS:
        assert _names_an_area(f"Sahil {word}") and _TRAILING.match(f"Sahil {word}").group("base") == "Sahil"
    assert not _names_an_area("Sahil") and not _names_an_area("Sahil province")


def test_a_place_a_stopped_attack_was_aimed_at_is_its_place(nlp):
    # "stopped bombing Grozny": the object of the attack word inside the trigger is where it happened
    assert _place_of(nlp, "Officials said Norland jets had stopped bombing Grozny on Tuesday.", "stopped bombing") == "Grozny"
