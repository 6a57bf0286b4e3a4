"""Who acted and on whom, read off the parse (extract/events.py): a report's source is no side of the
incident it reports; a verb without a subject of its own shares its governor's."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import events_with_names

PUBLISHED = date(2024, 5, 8)

pytestmark = pytest.mark.model


def _sides(nlp, text: str, trigger: str):
    events, name = events_with_names(nlp, text, PUBLISHED)
    found = [e for e in events if e.trigger == trigger]
    assert found, [e.trigger for e in events]
    ev = found[0]
    named = {r: [name(i) for i, role in ev.actors if role == r] for r in ("actor", "target")}
    terms = {r: [t[0] for t in ev.actor_terms if t[1] == r] for r in ("actor", "target")}
    return named, terms


def test_a_source_left_unseparated_by_a_feed_is_not_the_target(nlp):
    # a feed that dropped the commas: the parser reads the monitor as a second object of "killed"
    named, terms = _sides(nlp, "Air raids killed 10 civilians in Velmora the Dawn Observatory for Human Rights said.",
                          "Air raids")
    assert "Dawn Observatory for Human Rights" not in named["target"] + named["actor"]
    assert terms["target"] == ["civilians"]


def test_who_announces_an_act_of_its_own_stays_its_actor(nlp):
    named, _ = _sides(nlp, "The Dawn Front announced the withdrawal of its fighters from Velmora on Monday.",
                      "withdrawal")
    assert named["actor"] == ["Dawn Front"]


def test_a_chain_of_verbs_shares_the_first_subject(nlp):
    named, _ = _sides(nlp, "The Dawn Front managed to advance closer to the center of Velmora and kill 47 "
                           "Sahil Brigade militants since Monday.", "kill")
    assert named["actor"] == ["Dawn Front"]
    assert named["target"] == ["Sahil Brigade"]



def test_an_attempt_is_its_subjects_and_so_is_the_act_attempted(nlp):
    _, terms = _sides(nlp, "Norlandic Arab forces have also taken territory formerly held by the Dawn Front "
                           "in a bid to capture Sahil.", "capture")
    assert terms["actor"] == ["Norlandic Arab forces"]


def test_a_described_actor_beside_a_named_one_is_another_member_of_the_side(nlp):
    named, terms = _sides(nlp, "The Norlandic forces and the Dawn Front captured more territory inside Sahil.", "captured")
    assert named["actor"] == ["Dawn Front"] and terms["actor"] == ["Norlandic forces"]
    # the named group's own fighters are the group
    named, terms = _sides(nlp, "Dawn Front fighters killed ten Norlandic soldiers in Sahil.", "killed")
    assert named["actor"] == ["Dawn Front"] and terms["actor"] == [] and terms["target"] == ["Norlandic soldiers"]


def test_whom_the_fighting_serves_is_no_target(nlp):
    named, _ = _sides(nlp, "Hundreds of Norland militiamen went abroad to fight on behalf of the regime of "
                           "Karim al-Tarmi, a commander said.", "fight")
    assert "Karim al-Tarmi" not in named["target"]


@pytest.mark.parametrize("text, trigger", [
    ("Water was restored in Sahil on Tuesday after an understanding between the Dawn Front and the Sahil Brigade.",
     "understanding"),
    ("The Dawn Front and the Sahil Brigade agreed on Monday to halt the shelling of Kafr Sahil.", "agreed"),
])
def test_two_parties_of_one_act_are_its_two_sides(nlp, text, trigger):
    named, _ = _sides(nlp, text, trigger)
    assert named == {"actor": ["Dawn Front"], "target": ["Sahil Brigade"]}, named


@pytest.mark.parametrize("text, trigger", [
    ("The Dawn Front has sent reinforcements to the Sahil Brigade.", "sent reinforcements"),
    ("The Dawn Front advanced on Kafr Sahil in a bid to seize it from the Sahil Brigade.", "seize"),
    ("The Dawn Front has taken territory formerly held by the Sahil Brigade.", "taken"),
])
def test_who_receives_or_loses_what_an_act_moves_is_its_target(nlp, text, trigger):
    named, _ = _sides(nlp, text, trigger)
    assert named == {"actor": ["Dawn Front"], "target": ["Sahil Brigade"]}, named


def test_coordinated_subjects_of_a_one_sided_act_are_one_side(nlp):
    named, _ = _sides(nlp, "The Dawn Front and the Sahil Brigade attacked the village on Monday.", "attacked")
    assert named["actor"] == ["Dawn Front", "Sahil Brigade"] and named["target"] == []


def test_a_past_form_hung_on_a_noun_with_an_object_of_its_own_has_that_noun_as_subject(nlp):
    # a feed without commas: the parser reads "targeted" as a participle on "organization"
    # (the targeting and its rocket shells are one incident, told by its most specific word)
    named, _ = _sides(nlp, "Two persons were injured as the Dawn Front terrorist organization targeted with rocket "
                           "shells the town of Kafr Sahil.", "rocket")
    assert named["actor"] == ["Dawn Front"]
    named, _ = _sides(nlp, "Civilians targeted by the Dawn Front fled Sahil on Monday.", "targeted")
    assert named["actor"] == ["Dawn Front"]


def test_an_act_in_an_actors_slot_is_no_actor_but_its_modifier_says_whose_it_is(nlp):
    _, terms = _sides(nlp, "Suspected government strikes killed 37 civilians in Sahil in April.", "strikes")
    assert terms["actor"] == ["government"], terms


@pytest.mark.parametrize("text, trigger, victims", [
    ("The attack in Sahil province claimed the lives of at least 27 children on Monday.", "attack", ["children"]),
    ("A car bomb killed 12 people, mostly soldiers, in Sahil on Monday.", "car bomb", ["soldiers"]),
    ("Air strikes killed 10 people including seven children in Sahil on Friday.", "Air strikes", []),
])
def test_victims_are_what_the_toll_says_they_were(nlp, text, trigger, victims):
    _, terms = _sides(nlp, text, trigger)
    assert terms["target"] == victims, terms


def test_a_source_ending_the_sentence_with_a_report_word_is_not_the_target(nlp):
    # a feed without commas: "reports" read as a noun, the monitor as a second object of "killed"
    named, _ = _sides(nlp, "Air raids on the Tell quarter of Sahil killed nine farmers and three shepherds near "
                           "the river on Friday the Dawn Observatory for Human Rights reports.", "Air raids")
    assert "Dawn Observatory for Human Rights" not in named["target"] + named["actor"]
    named, _ = _sides(nlp, "Gunmen killed Karim al-Tarmi in Sahil on Friday.", "killed")
    assert named["target"] == ["Karim al-Tarmi"]


def test_a_group_named_with_al_after_of_is_in_the_phrase(nlp):
    # parsers hang "of" on the name's "al-", not on the phrase's head noun
    named, _ = _sides(nlp, "A Norland army unit killed dozens of al-Dawn Front terrorists during an ambush on "
                           "Wednesday.", "ambush")
    assert named["target"] == ["al-Dawn Front"]


@pytest.mark.parametrize("text, trigger, actor", [
    ("The Dawn Front said on Monday that it had shelled Sahil.", "shelled", "Dawn Front"),
    ("The Dawn Front said it carried out the attack on Sahil on Monday.", "attack", "Dawn Front"),
])
def test_who_says_it_did_an_act_is_its_actor(nlp, text, trigger, actor):
    named, _ = _sides(nlp, text, trigger)
    assert named["actor"] == [actor], named


def test_a_pronoun_that_does_not_agree_with_the_speaker_is_not_the_speaker(nlp):
    named, _ = _sides(nlp, "Karim al-Tarmi said it shelled Sahil on Monday.", "shelled")
    assert named["actor"] == []


@pytest.mark.parametrize("text, target", [
    # the act condemned names its doer: a nationality on the act noun, the subject of a clause on it
    ("The Velmora Council condemned the escalating French aggression on Sahil.", "French"),
    ("The Velmora Council condemned the war crimes the Norland militias are committing against civilians in "
     "Sahil stressing that the world bears responsibility.", "Norland militias"),
])
def test_an_accusation_is_against_the_doer_of_the_act_it_condemns(nlp, text, target):
    named, terms = _sides(nlp, text, "condemned")
    assert named["actor"] == ["Velmora Council"]
    assert terms["target"] == [target], (named, terms)


def test_the_from_phrase_of_a_verbal_act_noun_is_who_made_it(nlp):
    named, _ = _sides(nlp, "Suspected government strikes killed 37 civilians in Sahil in April, sparking "
                           "condemnation from the Velmora Council.", "condemnation")
    assert named["actor"] == ["Velmora Council"]


def test_a_speakers_blaming_participle_inside_what_was_said_is_the_speakers_act(nlp):
    # the parser hangs "blaming" on the reported clause (its passive verb, or the province): the
    # subject of "stated" blames
    for text in ("Opposition forces stated that 80 people were killed in a chemical attack, blaming the Norland army for it.",
                 "Opposition forces stated that 80 people were killed in a chemical attack in the Velmora province "
                 "blaming the Norland army for the incident."):
        _, terms = _sides(nlp, text, "blaming")
        assert terms["actor"] == ["Opposition forces"], text
