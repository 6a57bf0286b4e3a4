"""Which event mentions report an occurrence, and of which type (issue 15: typed precision).

Sentences are our own (invented names). An event named only as what people fled, avoided or
suffered, or as a cause, is told elsewhere or is background, not a new incident.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.events import find_events
from newsgraph.types import EventMention

PUBLISHED = date(2024, 5, 8)


def _events(nlp, text: str) -> list[EventMention]:
    return find_events(nlp(text), [], PUBLISHED)


def _triggers(events: list[EventMention]) -> list[str]:
    return [e.trigger for e in events]


@pytest.mark.parametrize("text, trigger", [
    ("Hundreds of families in Velmora fled their homes to avoid the battles raging nearby.", "battles"),
    ("Medics in Sahil treated those injured as a result of the Dawn Front's battles with the army on Monday.", "battles"),
    ("Rescuers in Sahil worked through the night to reach the victims of Monday's army shelling.", "shelling"),
    ("Shops in Velmora stayed closed on Monday because of the army's clashes with the Dawn Front.", "clashes"),
    ("Thousands of residents fled the fighting between the army and the Dawn Front in Velmora on Monday.", "fighting"),
])
def test_an_event_named_as_what_was_fled_or_suffered_is_no_new_incident(nlp, text, trigger):
    assert trigger not in _triggers(_events(nlp, text))


@pytest.mark.parametrize("text", [
    "Twelve people died in Velmora due to the attacks by the Dawn Front.",
    "Dawn Front fighters and the Norland army fought fierce battles in Velmora on Monday.",
])
def test_the_incident_itself_stays(nlp, text):
    assert any(e.type in ("FIGHT", "ASSAULT") for e in _events(nlp, text)), text


@pytest.mark.parametrize("text", [
    "Norland reported 13 alleged chemical attacks to the council.",
    "Chemical weapons are alleged to have been used in Sahil on May 2.",
])
def test_alleged_as_a_hedge_is_no_accusation(nlp, text):
    assert "ACCUSE" not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "The Dawn Front alleged that the army used gas in Sahil on Monday.",
    "Chemical weapons were alleged by the Dawn Front to have been used in Sahil.",
])
def test_an_alleging_actor_accuses(nlp, text):
    assert "ACCUSE" in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "The death toll in Sahil on Monday was expected to rise.",
    "The fighting in Velmora on Monday is likely to spread.",
])
def test_a_forecast_is_no_incident(nlp, text):
    assert _events(nlp, text) == []


def test_a_told_spread_stays(nlp):
    assert [e.type for e in _events(nlp, "The fighting in Velmora on Monday spread to Sahil.")] == ["FIGHT"]


@pytest.mark.parametrize("text", [
    "Norland's air force had stopped bombing Velmora on Tuesday.",
    "The Dawn Front suspended its attacks on Sahil on Monday.",
])
def test_stopping_violence_is_a_retreat(nlp, text):
    types = [e.type for e in _events(nlp, text)]
    assert "RETREAT" in types and "ASSAULT" not in types, types


@pytest.mark.parametrize("text, category", [
    ("The government then blocked the Norland inspectors in Sahil on Monday.", "COERCE"),
    ("Protesters blocked the main road in Velmora on Monday.", "PROTEST"),
    ("The opposition walked out of negotiations in Sahil in April.", "REJECT"),
    ('The prime minister promised the "harshest reaction" if the Dawn Front attacks Velmora.', "THREATEN"),
])
def test_a_category_read_off_its_arguments(nlp, text, category):
    types = [e.type for e in _events(nlp, text)]
    assert types and types[0] == category and "CONSULT" not in types, types


@pytest.mark.parametrize("text", [
    "The Dawn Front is seeking to strengthen its hold on Sahil, Karim al-Tarmi warned.",
    "Karim al-Tarmi issued a warning against a rush to judgement on Monday.",
])
def test_a_warning_that_threatens_nothing_is_no_threat(nlp, text):
    assert "THREATEN" not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "The Dawn Front warned it would attack Sahil.",
    "Karim al-Tarmi warned Norland to expect reprisals.",
    "The Dawn Front warned of serious consequences on Monday.",
])
def test_a_warning_of_an_act_or_a_reprisal_is_a_threat(nlp, text):
    assert "THREATEN" in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text, category", [
    ("The two sites to be visited by the inspectors on Monday are Kafr Sahil and Sahil.", "CONSULT"),
    ("Norland inspectors to visit Velmora weapons sites.", "CONSULT"),
    ("The mission will travel to Velmora as soon as possible to investigate the reported incidents.", "ACCUSE"),
])
def test_what_is_yet_to_be_done_is_no_event(nlp, text, category):
    assert category not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text, category", [
    ("The Dawn Front launched an operation to seize control over Sahil on Monday.", "FIGHT"),
    ("Velmora was the first country to recognise the Dawn Front on Monday.", "SUPPORT"),
])
def test_the_aim_of_an_act_and_a_rank_stay(nlp, text, category):
    assert category in [e.type for e in _events(nlp, text)]


def test_a_denied_state_is_no_rejection(nlp):
    text = "Ministry spokeswoman Karim al-Tarmi denied the Norland navy had any ships near Sahil that week."
    assert "REJECT" not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "Most of the city except the battered district of Kafr Sahil has returned to army control.",
    "The targeted facilities also included 51 clinics in Sahil in 2015.",
])
def test_a_participle_that_describes_a_noun_is_no_event(nlp, text):
    assert _events(nlp, text) == []


def test_a_described_noun_hit_again_is_the_new_hit(nlp):
    assert [e.trigger for e in _events(nlp, "The bombed hospital in Sahil was hit again on Monday.")] == ["hit"]


def test_a_toll_summed_over_a_recent_span_of_attacks_is_no_incident(nlp):
    text = ("31 people died and about 60 were hurt in mortar attacks on the market streets of Sahil "
            "during the past 24 hours.")
    assert _events(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Ten civilians were killed in an air strike on Sahil during the past 24 hours.",
    "The Dawn Front carried out intense airstrikes on western Sahil over the past two days.",
])
def test_one_attack_or_a_span_without_a_toll_stays(nlp, text):
    assert [e.type for e in _events(nlp, text)] == ["FIGHT"]


def test_an_event_named_as_the_topic_of_information_is_no_new_incident(nlp):
    text = "Karim al-Tarmi said he had received information about the killings of 12 villagers in Sahil."
    assert _events(nlp, text) == []


@pytest.mark.parametrize("text, trigger", [
    # a relative clause in the present says what its noun is like
    ("The Norland army will never use such weapons against the militants that attack our villages with their "
     "mortar rounds.", "mortar"),
    ("Velmora was hit by unrest since March where the Norland government accuses its neighbours of "
     "orchestrating the riots.", "accuses"),
])
def test_an_act_in_a_present_relative_clause_characterizes_its_noun(nlp, text, trigger):
    assert trigger not in _triggers(_events(nlp, text))


@pytest.mark.parametrize("text, trigger", [
    ("The Dawn Front, which seized Sahil on Monday, shelled the town.", "seized"),
    ("The fighters who are attacking Sahil killed ten people on Monday.", "attacking"),
])
def test_an_act_in_a_past_or_ongoing_relative_clause_is_reported(nlp, text, trigger):
    assert trigger in _triggers(_events(nlp, text))


def test_ground_an_operation_aims_to_take_is_fought_for_not_taken(nlp):
    text = "In November the Dawn Front launched an operation called the Wrath of the River to seize control over Sahil."
    taking = [e for e in _events(nlp, text) if e.trigger.startswith("seize")]
    assert taking and all(e.sub_event_type == "Armed clash" for e in taking), [(e.trigger, e.sub_event_type) for e in taking]
