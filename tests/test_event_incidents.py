"""One incident over several sentences: its mentions share place, date and actors (extract/incidents.py)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import events_with_names

PUBLISHED = date(2024, 5, 8)

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    return events_with_names(nlp, text, PUBLISHED)


def _one(events, trigger: str):
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [e.trigger for e in events]
    return found[0]


def test_the_town_is_the_place_named_before(nlp):
    text = ("Dawn Front fighters seized Velmora on Friday. "
            "Those still inside the town were trapped after the army blocked all roads in and out.")
    events, name = _events(nlp, text)
    blocked = _one(events, "blocked all roads")
    assert name(blocked.location) == "Velmora"
    assert blocked.location_method == "named-before"
    assert text[blocked.location_start:blocked.location_end] == "Velmora"


def test_the_town_is_the_place_called_a_town_not_a_state_in_the_possessive(nlp):
    text = ("A commander was killed near the border town of Velmora on Tuesday, the latest attack on "
            "Norland's network of armed groups in Sahil province. "
            "He died when a missile hit his car on the road north of the town late on Tuesday.")
    events, name = _events(nlp, text)
    missile = _one(events, "missile")
    assert name(missile.location) == "Velmora" and missile.location_method == "named-before"


def test_the_nearby_town_is_another_place(nlp):
    text = ("Dawn Front fighters seized Velmora on Friday. "
            "Residents of the nearby town were trapped after the army blocked all roads in and out.")
    events, name = _events(nlp, text)
    assert name(_one(events, "blocked all roads").location) is None


def test_a_lead_that_names_only_the_country_takes_the_town_of_the_next_sentence(nlp):
    text = ("Air strikes killed 14 people in northern Chile on Tuesday, a monitor said. "
            "The dead were killed in strikes on the village of Kafr Sahil, residents said.")
    events, name = _events(nlp, text)
    lead = _one(events, "Air strikes")
    assert name(lead.location) == "Kafr Sahil"
    assert lead.location_method == "carried-by-incident"
    assert text[lead.location_start:lead.location_end] == "Kafr Sahil"


def test_the_attack_takes_its_attacker_and_place_from_the_incident(nlp):
    text = ("Dawn Front fighters attacked an army checkpoint in Velmora on Monday. "
            "The attack killed seven soldiers, officials said.")
    events, name = _events(nlp, text)
    attack = _one(events, "attack")
    assert [name(e) for e, role in attack.actors if role == "actor"] == ["Dawn Front"]
    assert (attack.actors_method, attack.actors_source) == ("carried-by-incident", 0)
    assert name(attack.location) == "Velmora"


def test_the_attack_takes_the_day_of_its_incident(nlp):
    text = ("Dawn Front fighters attacked an army checkpoint in Velmora on Monday. "
            "The attack killed seven soldiers, officials said.")
    events, _ = _events(nlp, text)
    attack = _one(events, "attack")
    assert (attack.date, attack.date_method) == ("2024-05-06", "carried-by-incident")
    assert text[attack.date_start:attack.date_end] == "Monday"


@pytest.mark.parametrize("text, trigger", [
    # another incident: an additive word, or a place of its own
    ("Rebels shelled the village of Kafr Sahil on Monday. Meanwhile six others were killed in air strikes.",
     "air strikes"),
    ("Rebels shelled the village of Kafr Sahil on Monday. Separate air strikes killed six people, residents said.",
     "air strikes"),
])
def test_another_incident_takes_nothing(nlp, text, trigger):
    events, name = _events(nlp, text)
    other = _one(events, trigger)
    assert name(other.location) is None and other.location_method is None
    assert other.actors_method is None and other.date_method != "carried-by-incident"


def test_a_place_of_its_own_is_kept(nlp):
    text = ("Air strikes killed 14 people in the village of Kafr Sahil on Tuesday. "
            "Gunmen killed two farmers near the town of Velmora, residents said.")
    events, name = _events(nlp, text)
    assert name(_one(events, "Air strikes").location) == "Kafr Sahil"
    farmers = [e for e in events if e.trigger == "killed" and name(e.location) == "Velmora"]
    assert farmers and farmers[0].location_method is None and farmers[0].actors_method is None


def test_a_report_set_apart_in_the_lead_takes_no_place_from_the_story_after_it(nlp):
    # the lead's second clause tells another incident ("earlier this week"): the bombing's town,
    # named in the next sentence, is not where the executions were
    text = ("A car bomb killed four people in the town of Velmora on Friday. "
            "The attack came as a monitor said soldiers had executed 48 captives earlier in the week at a hamlet up north. "
            "The bomb killed four people near a school in Velmora, state media said.")
    events, name = _events(nlp, text)
    executed = _one(events, "executed")
    assert executed.location < 0 or name(executed.location) != "Velmora"


def test_a_sentence_printed_twice_states_its_toll_once(nlp):
    # a feed glued a sentence to its own copy, with no full stop between them
    once = "Seven civilians were killed and 25 others were injured in a car bomb attack in Velmora on Wednesday"
    events, _ = _events(nlp, f"{once} {once}.")
    assert {e.fatalities for e in events if e.fatalities is not None} == {7}
    # two counts of the same size in one sentence are two groups
    events, _ = _events(nlp, "Seven civilians were killed in Sahil and seven soldiers were killed in Velmora on Wednesday.")
    assert 14 in {e.fatalities for e in events}


def test_the_words_of_one_incident_in_a_sentence_share_its_toll(nlp):
    events, _ = _events(nlp, "Two days ago the Sahil quarter was shelled by militants based in nearby farms with the "
                             "attack leaving nine dead and 20 others hurt.")
    assert [e.fatalities for e in events if e.trigger in ("shelled", "attack")] == [9, 9]
    # "while": two incidents, each its own toll
    events, _ = _events(nlp, "Two days ago the Sahil quarter was shelled by militants based in nearby farms while "
                             "the attack on Velmora left nine dead.")
    assert _one(events, "shelled").fatalities is None
