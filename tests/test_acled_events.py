"""ACLED coding of events: sub-event types, interaction codes, fatalities, precision filters, CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract import acled
from newsgraph.extract.quantities import find_quantities
from newsgraph.types import EventMention, Quantity

runner = CliRunner()


# -- sub-event types from category, mode and cue words ------------------------------------------------

@pytest.mark.parametrize("category, mode, sentence, kwargs, expected", [
    ("FIGHT", "firearms", "Dawn Front fighters clashed with troops near Velmora.", {}, "Armed clash"),
    ("FIGHT", "occupy", "Government troops recaptured Velmora on Saturday.", {"actor_inter": 1},
     "Government regains territory"),
    ("FIGHT", "occupy", "Dawn Front fighters captured the town of Sahil.", {"actor_inter": 2},
     "Non-state actor overtakes territory"),
    ("ASSAULT", None, "A chlorine attack on Velmora left dozens choking.", {}, "Chemical weapon"),
    ("FIGHT", "aerial", "Air strikes hit a market in Velmora.", {}, "Air/drone strike"),
    ("ASSAULT", "suicide-attack", "A suicide bomber blew himself up at a checkpoint.", {}, "Suicide bomb"),
    ("FIGHT", "heavy-weapons", "Mortar shells fell on the old city of Sahil.", {}, "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosives", "A roadside bomb struck a patrol near Sahil.", {}, "Remote explosive/landmine/IED"),
    ("ASSAULT", "explosives", "A grenade was thrown into a cafe in Lyon.", {}, "Grenade"),
    ("ASSAULT", "sexual", "Soldiers raped two women in a village.", {}, "Sexual violence"),
    ("ASSAULT", "firearms", "Gunmen shot dead a shopkeeper in Sahil.", {"target_inter": 7}, "Attack"),
    ("ASSAULT", "abduct", "Gunmen kidnapped a doctor in Velmora.", {}, "Abduction/forced disappearance"),
    ("PROTEST", "demo", "Hundreds marched peacefully through Lyon.", {}, "Peaceful protest"),
    ("PROTEST", "demo", "Police fired tear gas to disperse protesters in Lyon.", {}, "Protest with intervention"),
    ("ASSAULT", "firearms", "Troops opened fire on protesters in Sahil, killing four.",
     {"target_inter": 6, "killed": True}, "Excessive force against protesters"),
    ("PROTEST", "riot", "Rioters torched cars in Velmora.", {}, "Violent demonstration"),
    ("PROTEST", "demo", "An angry mob lynched a man accused of theft.", {}, "Mob violence"),
    ("AGREE", "ceasefire", "The two sides signed a ceasefire in Oslo.", {}, "Agreement"),
    ("COERCE", "arrest", "Police arrested twelve men in Sahil.", {}, "Arrests"),
    ("MOBILIZE", "troops", "The Dawn Front recruited hundreds of new fighters.", {}, "Change to group/activity"),
    ("ASSAULT", "explosives", "Engineers defused a car bomb outside Velmora.", {}, "Disrupted weapons use"),
    ("MOBILIZE", "base", "Troops set up a new military base outside Sahil.", {}, "Headquarters or base established"),
    ("ASSAULT", "destroy", "Militiamen looted shops and burned houses in Velmora.", {}, "Looting/property destruction"),
    ("RETREAT", "withdraw", "The militia handed over Sahil to the army.", {}, "Non-violent transfer of territory"),
    ("COERCE", "curfew", "The governor imposed a curfew on Velmora.", {}, "Other"),
    ("DISASTER", None, "An earthquake struck northern Chile.", {}, "Natural disaster"),
    ("ACCIDENT", None, "A bus crashed on a mountain road in Norway.", {}, "Accident"),
    ("CRIME", None, "Thieves robbed a bank in Lyon.", {}, "Crime"),
])
def test_sub_event_types(category, mode, sentence, kwargs, expected):
    event_type, sub = acled.sub_event(category, mode, sentence, **kwargs)
    assert sub == expected
    assert event_type == acled.SUB_EVENT_TYPES.get(expected)  # None for non-conflict sub-types


def test_every_acled_sub_event_type_is_covered():
    assert len(acled.SUB_EVENT_TYPES) == 25
    assert set(acled.EVENT_TYPES) == {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                      "Protests", "Riots", "Strategic developments"}


def test_armed_target_makes_an_attack_a_battle():
    assert acled.sub_event("ASSAULT", None, "Gunmen attacked an army post.", target_inter=1)[1] == "Armed clash"
    assert acled.sub_event("ASSAULT", None, "Gunmen attacked a wedding.", target_inter=7)[1] == "Attack"


def test_talks_are_no_acled_event():
    assert acled.sub_event("CONSULT", None, "The envoy met tribal leaders in Oslo.") == (None, None)
    assert acled.sub_event("AGREE", None, "The minister will visit Lyon.", trigger="visit") == (None, None)


# -- interaction codes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("noun, code", [("troops", 1), ("jets", 1), ("rebels", 2), ("militants", 2), ("gunmen", 3),
                                        ("tribesmen", 4), ("rioters", 5), ("protesters", 6), ("villagers", 7),
                                        ("peacekeepers", 8), ("weather", None)])
def test_inter_of_noun(noun, code):
    assert acled.inter_of_noun(noun) == code


def test_inter_of_entity_from_type_and_kind_words():
    assert acled.inter_of_entity("ORG", "military", "Norland Army") == 1
    assert acled.inter_of_entity("ORG", "armed_group", "Dawn Front") == 2
    assert acled.inter_of_entity("ORG", "armed_group", "Velmora Popular Militia") == 3
    assert acled.inter_of_entity("ORG", "armed_group", "Sahil Tribal Council") == 4
    assert acled.inter_of_entity("ORG", "international", "Northern Relief Mission") == 8
    assert acled.inter_of_entity("ORG", None, "Dawn Front", roles=["REB"]) == 2
    # a country acting at home is state forces, abroad an external force
    assert acled.inter_of_entity("LOC", "country", "Norland", country="NL", place_country="NL") == 1
    assert acled.inter_of_entity("LOC", "country", "Norland", country="NO", place_country="CL") == 8
    assert acled.inter_of_entity("LOC", "settlement", "Velmora") is None  # a town is no actor


# -- fatalities ------------------------------------------------------------------------------------------

def _killed(text: str) -> int | None:
    return acled.mention_fatalities(find_quantities(text))


@pytest.mark.parametrize("text, expected", [
    ("Dozens of people were killed in the raid.", 12),       # ACLED: "dozens" is 12
    ("Hundreds of people were killed in the siege.", 100),
    ("Between 10 and 15 people were killed in the blast.", 10),  # a range counts as its lower bound
    ("10-15 people were killed in the blast.", 10),
    ("Two or three soldiers died in the ambush.", 2),
    ("The strike killed seven fighters and three civilians.", 10),  # distinct groups add up
    ("The blast killed 30 people, including seven children.", 30),  # a part of the count is not added
    ("The war has killed 280,000 people since 2011.", None),  # a running total is no event's count
    ("Nine people were wounded.", None),
])
def test_fatalities_rules(text, expected):
    assert _killed(text) == expected


def test_death_toll_change_counts_the_later_figure():
    assert [q.value for q in find_quantities("The toll rose from 10 to 15 dead on Monday.")] == [15]


def _mention(value: int, polarity: str = "asserted", approx: str | None = None) -> EventMention:
    q = Quantity("killed", value, approx, 0, 5, "x", None)
    return EventMention("ASSAULT", None, None, "killed", 0, 6, 0, 40, quantities=(q,), polarity=polarity)


def test_event_fatalities_are_the_most_conservative_report():
    assert acled.fatalities([_mention(58), _mention(72), _mention(100, approx="more than")]) == 58
    # a party's claim of its own kills is no report of the toll
    assert acled.fatalities([_mention(40, polarity="claimed"), _mention(12)]) == 12
    assert acled.fatalities([_mention(40, polarity="claimed")]) is None


def test_geo_precision():
    assert acled.geo_precision("settlement", {"gazetteer": {"kind": "city"}}) == 1
    assert acled.geo_precision("settlement", {"approximate_position": {"latitude": 1.0}}) == 2
    assert acled.geo_precision("region", {}) == 3
    assert acled.geo_precision("country", {"country": {"alpha2": "NO"}}) == 3


# -- precision filters and argument rules on parsed sentences ---------------------------------------

@pytest.fixture(scope="module")
def parse():
    from newsgraph import nlp
    from newsgraph.extract.events import find_events

    model = nlp.load()

    def run(text: str, mentions=()):
        return find_events(model(text), list(mentions), date(2024, 3, 11))
    return run


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "If the rebels attack the town, the army will respond.",            # hypothetical
    "The militants could strike the pipeline at any time.",            # only possible
    "Launched in Lyon in 1978, the paper offers its readers analysis.",  # a publisher's self-description
    "Rebels Seize Key Town In North",                                  # a headline link
    "Subscribe to our newsletter for the latest attacks and clashes.",
    "Sign up to our Telegram channel so you never miss a story on the fighting in Norland.",
])
def test_no_event_in(parse, text):
    assert parse(text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Another 35 people including nine children have been killed in raids on northern Velmora, the group said.",
    "Fifteen residents of Sahil have been killed and nearly 60 others wounded by rockets that landed across the town.",
    "Karim al-Tarmi will meet with security aides on Friday.",                      # a schedule
    "Inspectors will go to Norland to investigate three sites.",                   # a plan
    "President Karim al-Tarmi is set to face Western pressure at international talks in Lyon on Wednesday.",
    "Velmora said it would support armed groups fighting against the Dawn Front.",  # future cooperation
    "Yet alliance strikes have also claimed hundreds of civilian lives across northern Norland.",
    "He said that at least 6000 Dawn Front militants have been killed on this front.",
    "The attack would have caused serious casualties.",                            # counterfactual
])
def test_running_totals_and_plans_are_no_events(parse, text):
    assert parse(text) == []


@pytest.mark.model
def test_a_setting_that_acts_is_no_event(parse):
    assert parse("Norland was hit by the unrest in March 2011.") == []


@pytest.mark.model
def test_areas_under_siege_are_a_state_a_siege_laid_is_an_event(parse):
    from newsgraph.types import EntityMention

    text = "Rebels left areas under regime siege around Velmora on Monday."
    velmora = EntityMention(text.find("Velmora"), text.find("Velmora") + 7, "Velmora", "LOC", subtype="settlement", entity=0)
    assert all(e.type != "FIGHT" for e in parse(text, [velmora]))
    [ev] = parse("The army laid siege to Velmora on Monday.")
    assert (ev.type, ev.mode) == ("FIGHT", "blockade")


@pytest.mark.model
def test_a_weapon_is_an_event_only_where_it_is_used(parse):
    from newsgraph.types import EntityMention

    for text in ("The army did not have chemical weapons in Velmora, a source said.",
                 "Stockpiles of sarin were shipped out of Velmora in 2014."):
        k = text.find("Velmora")
        assert parse(text, [EntityMention(k, k + 7, "Velmora", "LOC", subtype="settlement", entity=0)]) == []
    [ev] = parse("Government helicopters dropped chlorine gas on Velmora on Monday.")
    assert ev.sub_event_type == "Chemical weapon"
    [ev] = parse("The chemical weapons attack near Velmora on August 21 killed more than 1400 people.")
    assert (ev.sub_event_type, ev.fatalities) == ("Chemical weapon", 1400)


@pytest.mark.model
def test_a_participle_shares_the_running_span_of_its_perfect(parse):
    assert parse("In recent months many clinics have been shelled and doctors killed across Velmora.") == []


@pytest.mark.model
def test_one_incident_in_the_perfect_and_an_attempt_stay_events(parse):
    [ev] = parse("At least ten people have been killed in an air strike on Sahil.")
    assert (ev.type, ev.fatalities) == ("FIGHT", 10)
    [ev] = parse("More than 100 people have been killed in an air strike on a market in Velmora.")
    assert ev.fatalities == 100
    # the attempt is an event; the ground is fought for, not yet taken (ACLED: armed clash)
    [ev] = parse("The Dawn Front massed its forces near the city in an attempt to seize it from the army.")
    assert (ev.type, ev.mode) == ("FIGHT", "offensive")
    [ev] = parse("The Dawn Front said it will attack Velmora.")  # a future use of force is a threat
    assert ev.type == "THREATEN"


@pytest.mark.model
def test_a_photo_caption_is_no_report(parse):
    from newsgraph.types import EntityMention

    text = "A man stands in the rubble of a clinic hit by a raid in Sahil, Norland May 3, 2019."
    sahil = EntityMention(text.find("Sahil"), text.find("Sahil") + 5, "Sahil", "LOC", subtype="settlement", entity=0)
    assert parse(text, [sahil]) == []


@pytest.mark.model
def test_a_tally_of_incidents_is_no_incident(parse):
    from newsgraph.types import EntityMention

    text = "Norland was the most dangerous place for health workers, with 135 attacks on clinics in Sahil in 2015."
    sahil = EntityMention(text.find("Sahil"), text.find("Sahil") + 5, "Sahil", "LOC", subtype="settlement", entity=0)
    assert parse(text, [sahil]) == []
    # munitions counted are one barrage; a day's strikes are that day's event
    assert parse("Militants fired 28 rocket and mortar shells on Sahil village last month.")
    assert parse("Jets carried out 30 air strikes on Velmora on Sunday, the monitor said.")


@pytest.mark.model
def test_strikes_pushed_for_are_requested_not_carried_out(parse):
    events = parse("The report comes as Norland pushes for congressional approval for military strikes on Velmora.")
    assert [e.type for e in events] == ["REQUEST"]


@pytest.mark.model
def test_a_dated_report_is_no_caption(parse):
    [ev] = parse("Jets struck a hospital in Sahil on April 27, 2017.")
    assert ev.type == "FIGHT"


@pytest.mark.model
def test_due_to_is_a_cause_not_an_intent(parse):
    events = parse("Five civilians were killed due to terrorist rocket attacks on Velmora on Monday.")
    assert events and all(e.type != "THREATEN" for e in events)
    assert events[0].fatalities == 5


@pytest.mark.model
def test_aircraft_as_subject_make_an_air_strike(parse):
    ev = parse("Norwegian jets targeted a market in Velmora on Tuesday, killing dozens of people.")[0]
    assert (ev.type, ev.mode, ev.sub_event_type) == ("FIGHT", "aerial", "Air/drone strike")
    assert ev.fatalities == 12
    assert ("Norwegian jets", "actor", 1) in ev.actor_terms


@pytest.mark.model
def test_deaths_from_an_air_raid_are_a_fight(parse):
    # the trigger is "killed" (an assault), but the sentence's weapon makes it an air strike
    [ev] = parse("In Sahil the monitor reported ten people killed when Norland helicopters dropped bombs on the city.")
    assert (ev.type, ev.mode, ev.sub_event_type) == ("FIGHT", "aerial", "Air/drone strike")


@pytest.mark.model
def test_barrel_bombs_are_an_air_strike(parse):
    [ev] = parse("Six others died in government barrel bombs on the western edge of Velmora.")
    assert (ev.type, ev.mode, ev.sub_event_type, ev.fatalities) == ("FIGHT", "aerial", "Air/drone strike", 6)


@pytest.mark.model
def test_bombs_dropped_and_the_deaths_they_caused_are_one_incident(parse):
    # the weapon is the object of a verb that is no trigger ("dropped"); its participle gives the toll
    [ev] = parse("Norland helicopters on Monday dropped barrel bombs on a district of Velmora, killing at least 20 people.")
    assert (ev.type, ev.sub_event_type, ev.fatalities) == ("FIGHT", "Air/drone strike", 20)
    assert ("Norland helicopters", "actor", 1) in ev.actor_terms


@pytest.mark.model
@pytest.mark.parametrize("text, sub", [
    ("Dawn Front fighters seized the strategic town of Velmora from the army last week.",
     "Non-state actor overtakes territory"),
    ("Rebels seized 60 villages near the border in a two-day campaign.", "Non-state actor overtakes territory"),
    # "take", "win" and "grab" are no event words of their own: ground as their object makes them one
    ("Dawn Front fighters took the town of Velmora on Monday.", "Non-state actor overtakes territory"),
    ("Rebels have taken territory held by the army south of Velmora.", "Non-state actor overtakes territory"),
])
def test_territory_seized_is_a_fight(parse, text, sub):
    [ev] = parse(text)
    assert (ev.type, ev.mode, ev.sub_event_type) == ("FIGHT", "occupy", sub)


@pytest.mark.model
def test_goods_seized_stay_a_seizure(parse):
    [ev] = parse("Police seized weapons from the smugglers in Velmora.")
    assert ev.type == "COERCE"
    assert all(e.type != "FIGHT" for e in parse("The talks took place in Velmora after the delegates took their seats."))


@pytest.mark.model
def test_an_assault_on_a_town_is_an_offensive(parse):
    from newsgraph.types import EntityMention

    text = "The Dawn Front began an assault on Velmora in late May."
    mentions = [EntityMention(4, 14, "Dawn Front", "ORG", subtype="armed_group", entity=0),
                EntityMention(33, 40, "Velmora", "LOC", subtype="settlement", entity=1)]
    [ev] = parse(text, mentions)
    assert (ev.type, ev.sub_event_type) == ("FIGHT", "Armed clash")
    assert (0, "actor") in ev.actors and ev.location == 1


@pytest.mark.model
def test_killing_soldiers_is_a_fight(parse):
    [ev] = parse("Gunmen killed seven soldiers at a checkpoint near Velmora on Monday.")
    assert (ev.type, ev.acled_type, ev.sub_event_type) == ("FIGHT", "Battles", "Armed clash")


@pytest.mark.model
@pytest.mark.parametrize("text, actor", [
    ("Norwegian air strikes killed 23 civilians in Velmora on May 31.", "Norwegian"),        # nationality
    ("Six others died in government barrel bombs on the western edge of Velmora.", "government"),  # modifier
    ("A girl was killed on Sunday by rocket shells fired by militants on a district of Velmora.", "militants"),
    ("At least 19 civilians were killed in airstrikes believed to be carried out by the Norland air force.",
     "Norland air force"),
])
def test_the_attacker_named_around_the_event_noun(parse, text, actor):
    events = parse(text)
    assert any((actor, "actor") == t[:2] for e in events for t in e.actor_terms), [e.actor_terms for e in events]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor", [
    # the agent hangs on the noun the trigger modifies, not on the trigger
    ("At least 20 people were killed on Saturday in a barrel bomb attack carried out by government troops in Sahil.",
     "barrel bomb", "government troops"),
    ("A mortar shell fired by militants on a Velmora camp on Saturday left a child dead.", "mortar", "militants"),
    # the means belongs to the attack it is used in
    ("Due to militant attacks with rocket shells on a Velmora district one child has been killed on Monday.",
     "rocket", "militant"),
    # a coordinated casualty verb shares the agent phrase
    ("Three residents were killed and eight others were wounded by shells fired by militants at a Sahil suburb.",
     "killed", "militants"),
])
def test_the_attacker_named_on_the_phrase_the_trigger_builds_on(parse, text, trigger, actor):
    [ev] = [e for e in parse(text) if e.trigger == trigger]
    assert (actor, "actor") in [t[:2] for t in ev.actor_terms], ev.actor_terms


@pytest.mark.model
def test_a_group_name_tagged_as_an_adjective_is_the_actor(nlp):
    """"A Tarmi counterattack": a proper noun the parser attached as an adjective still names who acted."""
    from spacy.tokens import Doc

    from newsgraph.extract.events import find_events
    from newsgraph.types import EntityMention

    words = ["A", "Tarmi", "counterattack", "on", "government", "forces", "left", "28", "militants", "dead", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 9 + [False, False],
              heads=[2, 2, 6, 5, 5, 2, 6, 8, 6, 8, 6],
              deps=["det", "amod", "nsubj", "case", "compound", "nmod", "ROOT", "nummod", "obj", "amod", "punct"],
              pos=["DET", "ADJ", "NOUN", "ADP", "NOUN", "NOUN", "VERB", "NUM", "NOUN", "ADJ", "PUNCT"],
              tags=["DT", "NNP", "NN", "IN", "NN", "NNS", "VBD", "CD", "NNS", "JJ", "."],
              lemmas=["a", "tarmi", "counterattack", "on", "government", "force", "leave", "28", "militant", "dead", "."])
    tarmi = EntityMention(2, 7, "Tarmi", "ORG", subtype="armed_group", entity=0)
    [ev] = find_events(doc, [tarmi], date(2024, 3, 11))
    assert (0, "actor") in ev.actors


@pytest.mark.model
def test_the_other_side_of_a_clash_is_an_actor(parse):
    [ev] = parse("Nine Islamist fighters were killed on Friday in clashes with Kurdish militants near Velmora.")
    assert ("Kurdish militants", "actor", 2) in ev.actor_terms
    assert ("Islamist fighters", "target", 2) in ev.actor_terms


@pytest.mark.model
def test_people_reported_killed_are_victims_not_attackers(parse):
    [ev] = parse("In Sahil the monitor reported ten children killed when Norland helicopters dropped bombs on the city.")
    assert ("children", "target", 7) in ev.actor_terms
    assert not any(t[0] == "children" and t[1] == "actor" for t in ev.actor_terms)


@pytest.mark.model
def test_people_say_nothing_of_who_the_victims_were(parse):
    [ev] = parse("Norland helicopters dropped barrel bombs on Velmora, killing at least 20 people.")
    assert [t for t in ev.actor_terms if t[1] == "target"] == []


@pytest.mark.model
@pytest.mark.parametrize("text, killed", [
    ("Fierce clashes have erupted between two groups in Velmora, claiming at least 10 killed and 15 injured.", 10),
    ("A car bomb rocked a district of Velmora on Tuesday, claiming eight and injuring 14 citizens.", 8),
])
def test_a_bare_toll_belongs_to_the_incident_of_its_sentence(parse, text, killed):
    [ev] = parse(text)
    assert ev.fatalities == killed and ev.polarity == "asserted"  # "claiming" gives a toll, not a claim


@pytest.mark.model
def test_a_verbal_act_is_not_placed_where_its_content_happened(parse):
    from newsgraph.types import EntityMention

    text = "Norland has accused Belgium of killing civilians in Velmora."
    mentions = [EntityMention(0, 7, "Norland", "LOC", subtype="country", entity=0),
                EntityMention(20, 27, "Belgium", "LOC", subtype="country", entity=1),
                EntityMention(51, 58, "Velmora", "LOC", subtype="settlement", entity=2)]
    accusations = [e for e in parse(text, mentions) if e.type == "ACCUSE"]
    assert [e.location for e in accusations] == [-1]
    text = "The Dawn Front condemned the killings at a news conference in Velmora on Monday."
    mentions = [EntityMention(4, 14, "Dawn Front", "ORG", subtype="armed_group", entity=0),
                EntityMention(62, 69, "Velmora", "LOC", subtype="settlement", entity=1)]
    [accusation] = [e for e in parse(text, mentions) if e.type == "ACCUSE"]
    assert accusation.location == 1


@pytest.mark.model
def test_a_missile_is_shelling_unless_aircraft_fired_it(parse):
    [ev] = parse("A missile fired by Norland forces killed at least 18 civilians on Tuesday in Velmora.")
    assert (ev.mode, ev.sub_event_type) == ("heavy-weapons", "Shelling/artillery/missile attack")
    ev = parse("Norland jets fired a missile at a convoy near Velmora on Tuesday.")[0]
    assert ev.sub_event_type == "Air/drone strike"


@pytest.mark.model
def test_the_sides_of_clashes_that_erupted(parse):
    from newsgraph.types import EntityMention

    text = "Fierce clashes have erupted between the Dawn Front and the Sahil Brigade in Velmora."
    mentions = [EntityMention(text.find(n), text.find(n) + len(n), n, "ORG", subtype="armed_group", entity=k)
                for k, n in enumerate(("Dawn Front", "Sahil Brigade"))]
    [ev] = parse(text, mentions)
    assert set(ev.actors) == {(0, "actor"), (1, "target")}


@pytest.mark.model
def test_an_attack_without_military_means_stays_an_assault(parse):
    [ev] = parse("Gunmen killed three villagers in Velmora on Monday.")
    assert (ev.type, ev.sub_event_type) == ("ASSAULT", "Attack")


@pytest.mark.model
def test_unnamed_actors_are_described(parse):
    ev = parse("Unidentified gunmen abducted four aid workers near Sahil on Friday.")
    assert [e.sub_event_type for e in ev] == ["Abduction/forced disappearance"]  # "aid workers" is no AID event
    assert ("Unidentified gunmen", "actor", 3) in ev[0].actor_terms
    assert ("aid workers", "target", 7) in ev[0].actor_terms


@pytest.mark.model
def test_a_place_is_never_the_actor(parse):
    from newsgraph.types import EntityMention

    text = "Velmora was hit by a car bomb that killed six people on Monday."
    velmora = EntityMention(0, 7, "Velmora", "LOC", subtype="settlement", entity=0)
    ev = parse(text, [velmora])[0]
    assert all(ent != 0 for ent, _ in ev.actors)
    assert ev.location == 0


@pytest.mark.model
def test_disaster_toll_is_no_attack(parse):
    events = parse("An earthquake struck northern Chile on Sunday, killing 40 people.")
    assert [(e.type, e.sub_event_type, e.fatalities) for e in events] == [("DISASTER", "Natural disaster", 40)]


@pytest.mark.model
def test_police_dispersing_a_protest_is_one_event(parse):
    events = parse("Police fired tear gas to disperse hundreds of protesters in Lyon on Saturday.")
    assert [(e.type, e.sub_event_type) for e in events] == [("PROTEST", "Protest with intervention")]


# -- the command line ------------------------------------------------------------------------------------

@pytest.fixture
def empty_store(tmp_path):
    from newsgraph.store import Store

    db = tmp_path / "x.db"
    Store(db).close()
    return db


@pytest.mark.parametrize("args, accepted", [
    (["events", "--from", "Oct 2016"], "YYYY-MM-DD"),
    (["events", "--to", "2016-13"], "YYYY-MM"),
    (["events", "--type", "NOPE"], "Air/drone strike"),
    (["events", "--sort", "bogus"], "fatalities"),
    (["contradictions", "--sort", "bogus"], "reports"),
])
def test_unreadable_filter_values_are_errors_that_list_what_is_accepted(empty_store, args, accepted):
    result = runner.invoke(app, [*args, "--db", str(empty_store)])
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "cannot be read" in out and accepted in out


def test_readable_filter_values_pass(empty_store):
    for args in (["events", "--from", "2016-10", "--type", "air/drone strike", "--limit", "5", "--sort", "-date"],
                 ["events", "--type", "Battles", "--json"], ["contradictions", "--limit", "1", "--json"]):
        result = runner.invoke(app, [*args, "--db", str(empty_store)])
        assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, ["events", "--json", "--db", str(empty_store)]).output) == []
