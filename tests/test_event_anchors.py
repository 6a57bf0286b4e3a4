"""Which event mentions tie to one occasion (issue 15: typed precision).

Sentences are our own (invented names). A mention told only by a noun with a place, and no actor,
target, toll or date, names a kind of event or one told elsewhere, unless its incident gives it a date.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import events_with_names

PUBLISHED = date(2024, 5, 8)

pytestmark = pytest.mark.model


def _triggers(nlp, text: str) -> list[str]:
    events, _ = events_with_names(nlp, text, PUBLISHED)
    return [e.trigger for e in events]


@pytest.mark.parametrize("text, trigger", [
    ("Families who had chosen to leave areas under siege around Sahil in evacuation deals have headed for Velmora.",
     "deals"),
    ("Experts have not documented opposition fighters in possession of the rockets used in the attack in Velmora.",
     "attack"),
])
def test_a_noun_with_only_a_place_is_no_occurrence(nlp, text, trigger):
    assert trigger not in _triggers(nlp, text)


@pytest.mark.parametrize("text, trigger", [
    ("The blast in Velmora on Monday left the market in ruins.", "blast"),
    # the incident's date reaches the noun: "the blast" is the car bomb of Monday
    ("A car bomb exploded in Velmora on Monday. The dead in the blast in Velmora included a woman and a child.",
     "blast"),
])
def test_a_noun_with_a_place_and_a_date_stays(nlp, text, trigger):
    assert trigger in _triggers(nlp, text)


def test_references_between_kept_mentions_follow_the_mentions_kept(nlp):
    text = ("Dawn Front fighters attacked an army post in Velmora on Monday. "
            "Experts have not documented the rockets used in the attack in Velmora. "
            "The attack killed three soldiers, the monitor said.")
    events, _ = events_with_names(nlp, text, PUBLISHED)
    for k, ev in enumerate(events):
        assert -1 <= ev.antecedent < k
        assert ev.actors_source < len(events)


def _types(nlp, text: str) -> list[str]:
    events, _ = events_with_names(nlp, text, PUBLISHED)
    return [e.type for e in events]


@pytest.mark.parametrize("text, category", [
    ("Aid agencies have faulted both camps for careless shelling of homes.", "ACCUSE"),
    ("Some of them were fighting to protect and defend their orchards in Sahil.", "SUPPORT"),
])
def test_an_act_other_than_violence_with_no_party_and_no_time_is_no_record(nlp, text, category):
    assert category not in _types(nlp, text)


@pytest.mark.parametrize("text, category", [
    ("The Velmora Council criticised the Dawn Front on Monday.", "ACCUSE"),
    ("The Velmora Council criticised the Dawn Front.", "ACCUSE"),  # a party and no time
    ("Rights groups criticised the siege of Sahil on Monday.", "ACCUSE"),  # a time and no party
    # violence is a record without a party: where it struck and whom it killed
    ("Some of them were fighting to protect and defend their orchards in Sahil.", "FIGHT"),
])
def test_an_act_with_a_party_or_a_time_stays(nlp, text, category):
    assert category in _types(nlp, text)


@pytest.mark.parametrize("text, content", [
    ("The Velmora Council called for stopping attacks on civilians.", "RETREAT"),
    ("Earlier Velmora Council resolutions which called for stopping attacks on civilians were not implemented.",
     "RETREAT"),
])
def test_a_clause_the_acts_own_preposition_introduces_is_its_content(nlp, text, content):
    types = _types(nlp, text)
    assert "REQUEST" in types and content not in types


@pytest.mark.parametrize("text", [
    "In June the Norland State Department released a report stating that Velmora stockpiles chemical weapons.",
    "The footage was released by the Dawn Front on Monday.",
    "The army released the names of the dead.",
])
def test_releasing_a_report_is_publication_not_a_release(nlp, text):
    assert "RETREAT" not in _types(nlp, text)


def test_releasing_prisoners_is_a_release(nlp):
    assert "RETREAT" in _types(nlp, "The Dawn Front released 20 prisoners in Sahil on Monday.")


@pytest.mark.parametrize("text, category", [
    ("The Dawn Front pressed on with its offensive in Sahil on Monday.", "FIGHT"),
    ("Velmoran troops pushed ahead with their offensive in Sahil on Monday.", "FIGHT"),
])
def test_pressing_on_with_an_act_is_no_request(nlp, text, category):
    types = _types(nlp, text)
    assert "REQUEST" not in types and category in types


def test_pressing_someone_is_a_request(nlp):
    assert "REQUEST" in _types(nlp, "Norland pressed the Dawn Front to withdraw from Sahil.")


@pytest.mark.parametrize("text", [
    "Velmora is seeking to consolidate its presence in Sahil through the deployment of foreign militias in key areas, "
    "Karim al-Tarmi warned.",
    "Karim al-Tarmi warned that the Dawn Front is massing fighters near Sahil.",
])
def test_a_warning_of_what_someone_else_is_doing_is_no_threat(nlp, text):
    assert "THREATEN" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The Dawn Front warned it would attack Sahil.",
    "Karim al-Tarmi warned that the Dawn Front would attack Sahil.",
])
def test_a_warning_of_an_act_to_come_stays_a_threat(nlp, text):
    assert "THREATEN" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Twelve people were killed in Velmora on Monday due to the Dawn Front's attacks with rocket shells on the market.",
    "Dawn Front fighters targeted the Kafr district of Sahil on Saturday with dozens of rocket shells.",
    "Seven residents were wounded in an assault with mortar rounds by the Dawn Front on the Kafr camp.",
])
def test_an_attack_and_the_weapon_it_was_made_with_are_one_incident(nlp, text):
    assert [t for t in _types(nlp, text) if t in ("FIGHT", "ASSAULT")] == ["FIGHT"]
