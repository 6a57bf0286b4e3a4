"""Entity mentions of one document: NER clean-up, title/group/place patterns, roles, demonyms.

All sentences are written for these tests; names are invented or generic.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from newsgraph.entities.demonyms import country_name, demonym_target
from newsgraph.entities.mentions import find_mentions
from newsgraph.types import EntityMention

SAMPLE = Path(__file__).resolve().parent.parent / "newsgraph" / "sample"


def _find(text: str, surface: str, doc=None) -> EntityMention | None:
    """The mention whose text is exactly ``surface`` (None when there is none)."""
    for m in find_mentions(text, doc):
        if m.text == surface:
            return m
    return None


def _covering(mentions: list[EntityMention], text: str, surface: str) -> EntityMention | None:
    at = text.index(surface)
    for m in mentions:
        if m.start <= at and at + len(surface) <= m.end:
            return m
    return None


def _assert_well_formed(text: str, mentions: list[EntityMention]) -> None:
    last_end = -1
    for m in mentions:
        assert m.text == text[m.start : m.end]
        assert m.start >= last_end, f"overlap at {m.text!r}"
        assert m.type in ("PERSON", "ORG", "LOC")
        assert m.entity == -1
        if m.name_start >= 0:
            assert m.start <= m.name_start < m.name_end <= m.end
        last_end = m.end


def _blank_doc(text: str, ents: list[tuple[str, str]]):
    """A Doc of ``text`` with hand-made entity spans (surface, label), to imitate NER errors."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    spans = []
    for surface, label in ents:
        # the first whole-word occurrence ("Farhan" alone, not inside "al-Farhan")
        whole = re.search(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text)
        start = whole.start() if whole else text.index(surface)  # a cut-off span ("Abu Sajjad el")
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


# -- input edge cases ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\t"])
def test_empty_text_gives_no_mentions(text):
    assert find_mentions(text) == []


def test_text_without_names_gives_no_mentions():
    text = "the rain kept falling on the fields, and nobody in the house wanted to go out before noon."
    assert find_mentions(text) == []


def test_doc_of_another_text_is_rejected():
    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("en")("Something else entirely.")
    with pytest.raises(ValueError):
        find_mentions("Col. Karim Haddad arrived in Basra.", doc)


def test_punctuation_and_numbers_only():
    assert find_mentions("|| -- 12,000 ... ?? 2024-03-01 | | |") == []


# -- titled persons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Prime Minister Adel Rashid Hamoudi told parliament the budget would pass.", "Prime Minister", "Adel Rashid Hamoudi"),
        ("President Samir Karam flew to Amman on Monday.", "President", "Samir Karam"),
        ("Col. Faris al-Mansouri said the road was reopened.", "Col.", "Faris al-Mansouri"),
        ("Maj. Gen. Tahsin al-Khafaji denied the report.", "Maj. Gen.", "Tahsin al-Khafaji"),
        ("The deal was signed by Brig. Gen. Rashid Omari on Friday.", "Brig. Gen.", "Rashid Omari"),
        ("Ayatollah Kadhim al-Hakimi issued a statement.", "Ayatollah", "Kadhim al-Hakimi"),
        ("Followers of Grand Ayatollah Hussein al-Najafi gathered at the shrine.", "Grand Ayatollah", "Hussein al-Najafi"),
        ("Sheikh Jamal al-Dulaimi hosted the tribal meeting.", "Sheikh", "Jamal al-Dulaimi"),
        ("Sayyed Murtada al-Hashimi addressed the crowd.", "Sayyed", "Murtada al-Hashimi"),
        ("Hajji Abbas Karim runs the checkpoint at night.", "Hajji", "Abbas Karim"),
        ("The attack was claimed on Telegram, said spokesman Qais al-Rubai.", "spokesman", "Qais al-Rubai"),
        ("The unit is led by commander Ali Hassan Jaber.", "commander", "Ali Hassan Jaber"),
    ],
)
def test_title_before_name_gives_titled_person(text, title, name):
    persons = [m for m in find_mentions(text) if m.type == "PERSON" and m.origin == "title"]
    assert len(persons) == 1, persons
    m = persons[0]
    assert m.title == title
    assert m.name == name
    assert m.text.endswith(name)
    assert "Gen." not in m.name and "Col." not in m.name


def test_descriptor_title_keeps_the_organisation_apart():
    text = "Badr Organization head Hamid al-Zubaidi rejected the plan."
    mentions = find_mentions(text)
    org = _find(text, "Badr Organization")
    person = [m for m in mentions if m.type == "PERSON"][0]
    assert org is not None and org.type == "ORG"
    assert person.name == "Hamid al-Zubaidi"
    assert person.title == "Badr Organization head"
    assert person.start >= org.end


def test_demonym_before_office_is_its_own_mention():
    text = "Iraqi Prime Minister Salim Jawad met the envoy."
    mentions = find_mentions(text)
    assert mentions[0].text == "Iraqi" and mentions[0].origin == "demonym"
    assert mentions[1].type == "PERSON" and mentions[1].name == "Salim Jawad"
    assert mentions[1].title == "Iraqi Prime Minister"


def test_honorific_inside_group_name_is_not_a_title():
    text = "Kataib Sayyid al-Mujtaba fighters entered the town."
    m = _find(text, "Kataib Sayyid al-Mujtaba")
    assert m is not None and m.type == "ORG" and m.subtype == "armed_group"


def test_lowercase_word_before_name_is_not_a_title():
    # "said" is not a title; the person is found by name shape only
    m = _find("The mayor said Abu Layth al-Anbari had fled.", "Abu Layth al-Anbari")
    assert m is not None and m.type == "PERSON" and m.title is None


# -- organisations by head noun ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, subtype",
    [
        ("Envoys of the Guardians of the Marshes Alliance met the governor.", "Guardians of the Marshes Alliance", None),
        ("Fighters of the Guardians of the Marshes Alliance took the bridge.", "Guardians of the Marshes Alliance", "armed_group"),
        ("The Popular Mobilization Forces sent reinforcements.", "Popular Mobilization Forces", "military"),
        ("Human Rights Watch documented the abuses.", "Human Rights Watch", "research"),
        ("Troops of the Iraqi Counter-Terrorism Service cleared the area.", "Iraqi Counter-Terrorism Service", "military"),
        ("Gunmen of the Martyrs of Dawn Brigade attacked.", "Martyrs of Dawn Brigade", "armed_group"),
        ("The Ministry of Interior announced a curfew.", "Ministry of Interior", "government"),
        ("The Northern Unity Party won four seats.", "Northern Unity Party", "party"),
        ("The Basra Evening Post reported the arrests.", "Basra Evening Post", "media"),
        ("The Iraqi News Agency carried the statement.", "Iraqi News Agency", "media"),
        ("The Euphrates Institute for Policy Studies published a report.", "Euphrates Institute for Policy Studies", "research"),
        ("The Syrian Observatory for Human Rights counted the dead.", "Syrian Observatory for Human Rights", "research"),
        ("The Ninth Armoured Division moved north.", "Ninth Armoured Division", "military"),
        ("The Anbar Operations Command said the desert was quiet.", "Anbar Operations Command", "military"),
        ("The World Health Organization sent doctors.", "World Health Organization", "international"),
        ("The United Nations Security Council met in New York.", "United Nations Security Council", "international"),
        ("The Council of Ministers approved the law.", "Council of Ministers", "government"),
        ("The Tigris Free Movement issued a statement.", "Tigris Free Movement", "armed_group"),
    ],
)
def test_head_noun_gives_organisation_and_subtype(text, surface, subtype):
    m = _find(text, surface)
    assert m is not None, [x.text for x in find_mentions(text)]
    assert m.type == "ORG"
    assert m.subtype == subtype


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Kataib al-Fath al-Qarib claimed the attack.", "Kataib al-Fath al-Qarib"),
        ("Members of Asa'ib Ahl al-Karama were arrested.", "Asa'ib Ahl al-Karama"),
        ("Saraya al-Wafa denied any role.", "Saraya al-Wafa"),
        ("Liwa Ahrar al-Janub took over the base.", "Liwa Ahrar al-Janub"),
        ("Harakat al-Nujum al-Thaqib fired rockets.", "Harakat al-Nujum al-Thaqib"),
        ("Jaish al-Umma al-Islamiya was founded in 2013.", "Jaish al-Umma al-Islamiya"),
    ],
)
def test_arabic_group_word_gives_armed_group(text, surface):
    m = _find(text, surface)
    assert m is not None and m.type == "ORG" and m.subtype == "armed_group"


def test_apposition_gives_subtype():
    text = "The Sons of the Valley Alliance, a Shiite militia coalition, denied it."
    assert _find(text, "Sons of the Valley Alliance").subtype == "armed_group"
    text = "The Levant Policy Network, a think tank based in Beirut, disagreed."
    assert _find(text, "Levant Policy Network").subtype == "research"


def test_militia_context_makes_forces_an_armed_group():
    text = "The paramilitary Popular Defence Forces recruited hundreds of men."
    assert _find(text, "Popular Defence Forces").subtype == "armed_group"


def test_of_phrase_without_head_is_not_part_of_the_name():
    text = "Dozens of Fighters of the Brave Lions Brigade surrendered."
    m = _covering(find_mentions(text), text, "Brave Lions Brigade")
    assert m is not None and m.text == "Brave Lions Brigade"


def test_international_coalition():
    text = "The US-led coalition said its aircraft struck the depot; the international coalition did not comment."
    assert _find(text, "US-led coalition").type == "ORG"
    assert _find(text, "international coalition").subtype == "international"


# -- places --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, subtype, name",
    [
        ("Gunmen entered the village of Umm Sirwal at dawn.", "Umm Sirwal", "settlement", None),
        ("Shelling hit the town of Qaryat al-Nakhil.", "Qaryat al-Nakhil", "settlement", None),
        ("Families fled the city of Qasr Shirin after the raid.", "Qasr Shirin", "settlement", None),
        # an administrative division is not the town it is named after: the kind word stays in the name
        ("Clashes spread across Wasit Province.", "Wasit Province", "region", "Wasit Province"),
        ("Two soldiers died in Maysan province on Sunday.", "Maysan province", "region", "Maysan province"),
        ("Aid reached Dohuk governorate by truck.", "Dohuk governorate", "region", "Dohuk governorate"),
        ("The convoy crossed Sinjar district overnight.", "Sinjar district", "region", "Sinjar district"),
        ("Drones were launched from Tamarra airfield.", "Tamarra airfield", "facility", "Tamarra"),
        ("Rockets hit the Sahra air base twice.", "Sahra air base", "facility", "Sahra"),
        ("Advisers left Camp Falcon in April.", "Camp Falcon", "facility", None),
        ("Soldiers manned the Zarga checkpoint.", "Zarga checkpoint", "facility", "Zarga"),
        ("Engineers repaired the Hadhar bridge.", "Hadhar bridge", "facility", "Hadhar"),
        ("Water levels at the Dukan dam fell.", "Dukan dam", "facility", "Dukan"),
        ("A fire broke out at the Samawa refinery.", "Samawa refinery", "facility", "Samawa"),
        ("Militants hid in the Jallam valley.", "Jallam valley", "region", "Jallam"),
        ("Patrols searched the Makhoul mountains.", "Makhoul mountains", "region", "Makhoul"),
        ("Bodies were pulled from the Diyala River.", "Diyala River", "region", "Diyala"),
        # a name that reads as a town by its own words ("Deir ...") is still the province after it
        ("Airstrikes hit Deir Velmora province overnight.", "Deir Velmora province", "region", "Deir Velmora province"),
        ("Airstrikes hit Deir Velmora Governorate overnight.", "Deir Velmora Governorate", "region", "Deir Velmora Governorate"),
        ("Shelling hit the Velmora countryside on Monday.", "Velmora countryside", "region", "Velmora countryside"),
    ],
)
def test_place_cues(text, surface, subtype, name):
    m = _find(text, surface)
    assert m is not None, [x.text for x in find_mentions(text)]
    assert m.type == "LOC" and m.subtype == subtype
    if name is not None:
        assert m.name == name


def test_weak_place_cue_after_preposition():
    text = "The convoy was ambushed near Qayyarah and north of Shirqat."
    for place in ("Qayyarah", "Shirqat"):
        m = _find(text, place)
        assert m is not None and m.type == "LOC"


def test_places_listed_with_a_plural_cue():
    text = "Curfews were declared in Babil, Karbala and Wasit provinces."
    for place in ("Babil", "Karbala", "Wasit"):
        m = _find(text, place)
        assert m is not None and m.type == "LOC" and m.subtype == "region"
        assert m.title == "province"  # the level of the division, for the linker


def test_a_part_of_a_place_is_no_division_named_after_it():
    # "a northern district of X" is a quarter of the town X; "the district of X" is the division X
    part = _find("Raids killed nine in a northern district of Sarwan on Monday.", "Sarwan")
    assert part is not None and part.type == "LOC" and part.subtype == "settlement" and part.title is None
    part = _find("Shells hit one neighbourhood of Sarwan.", "Sarwan")
    assert part is not None and part.subtype == "settlement" and part.title is None
    area = _find("Shells hit a rural area of Sarwan.", "Sarwan")
    assert area is not None and area.type == "LOC" and area.subtype is None and area.title is None
    division = _find("Police sealed off the district of Sarwan.", "Sarwan")
    assert division is not None and division.subtype == "region" and division.title == "district"


@pytest.mark.parametrize("text", ["Rebels attacked the Zahra neighbourhood of Sarwan on Monday.",
                                  "Shells hit the Midan district of Sarwan."])
def test_a_named_part_of_a_place_makes_the_place_a_town(text):
    m = _find(text, "Sarwan")
    assert m is not None and m.type == "LOC" and m.subtype == "settlement" and m.title is None


@pytest.mark.parametrize("text, level", [("Jets hit a village of the north Norwegian province of Sarwan.", "province"),
                                         ("Shells hit the eastern neighbourhood of Sarwan.", None)])
def test_a_kind_word_with_no_part_s_name_before_it_names_the_place_itself(text, level):
    m = _find(text, "Sarwan")
    assert m is not None and m.subtype == "region" and m.title == level


@pytest.mark.parametrize("text, places", [
    ("Jets struck positions in Qadis and Harun provinces overnight.", ("Qadis", "Harun")),
    ("Jets struck positions in Qadis and Deir el-Harun provinces overnight.", ("Qadis", "Deir el-Harun")),
    ("Jets struck positions in Deir el-Harun, Sarwan and Wadi Harun provinces overnight.", ("Deir el-Harun", "Wadi Harun")),
])
def test_two_places_listed_with_a_plural_cue(text, places):
    # two names need no comma; a name may hold a lower-case particle ("el-Harun"); a first word that
    # makes names of towns ("Deir", "Wadi") does not make a listed province a town
    for place in places:
        m = _find(text, place)
        assert m is not None and m.type == "LOC" and m.subtype == "region" and m.title == "province"


@pytest.mark.parametrize(
    "text, place, level",
    [
        ("Floods hit the governorate of Qadis last spring.", "Qadis", "province"),
        ("Police sealed off the district of Tel Harun.", "Tel Harun", "district"),
        ("Marwa Saleh, the governor of Dhi Nakhla, resigned.", "Dhi Nakhla", "province"),
        ("Curfews hit the Hamdi, Sarwan and Qalat districts.", "Sarwan", "district"),
        ("Patrols searched the Makhoul mountains.", "Makhoul mountains", None),
        ("Raids hit the eastern province of Deir Velmora.", "Deir Velmora", "province"),
        # the countryside of a provincial seat is its province, the rural part of it
        ("Fighting raged in the northern countryside of Velmora.", "Velmora", "province"),
    ],
)
def test_division_level_given_by_a_cue_outside_the_name(text, place, level):
    m = _find(text, place)
    assert m is not None and m.type == "LOC", [x.text for x in find_mentions(text)]
    assert m.title == level
    if level is not None:
        assert m.subtype == "region"  # a division, never the town it is named after


def test_dateline_in_capitals_is_a_place():
    text = "FALLUJAH, Iraq — Three policemen were killed on Monday."
    m = _find(text, "FALLUJAH")
    assert m is not None and m.type == "LOC"


def test_country_names_get_country_subtype():
    text = "Delegations from Iran, Syria and the United States met in Geneva."
    for name in ("Iran", "Syria", "United States"):
        m = _covering(find_mentions(text), text, name)
        assert m is not None and m.type == "LOC" and m.subtype == "country", name


# -- role references -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, role, title",
    [
        ("The prime minister said the vote would be held in May.", "The prime minister", "The prime minister"),
        ("Asked about the raid, the colonel declined to comment.", "the colonel", "the colonel"),
        ("The former commander was wounded in the strike.", "The former commander", "The former commander"),
    ],
)
def test_definite_role_refers_to_a_person(text, role, title):
    m = _find(text, role)
    assert m is not None, [x.text for x in find_mentions(text)]
    assert m.type == "PERSON" and m.origin == "role"
    assert m.name_start == m.name_end == -1
    assert m.title == title


def test_role_with_acronym_descriptor_leaves_the_acronym_its_own_mention():
    text = "The KSF spokesman said two fighters were missing."
    mentions = find_mentions(text)
    acronym = _find(text, "KSF")
    role = [m for m in mentions if m.origin == "role" and m.type == "PERSON"][0]
    assert acronym is not None and acronym.type == "ORG" and acronym.origin == "acronym"
    assert role.text == "spokesman" and role.title == "The KSF spokesman"


@pytest.mark.parametrize("text, org_ref", [
    ("The brigade spokesman said the road was closed.", "The brigade"),
    ("The group's commander was wounded in the strike.", "The group"),
])
def test_organisation_descriptor_of_a_role_is_an_org_reference(text, org_ref):
    org = _find(text, org_ref)
    role = [m for m in find_mentions(text) if m.type == "PERSON"]
    assert org is not None and org.type == "ORG" and org.origin == "role"
    assert len(role) == 1 and role[0].origin == "role" and role[0].start > org.start
    assert role[0].title.startswith(org_ref)


@pytest.mark.parametrize(
    "text",
    [
        "The commanders met in the capital.",  # plural
        "A colonel was wounded in the blast.",  # indefinite
        "The general public was not told.",  # adjective
        "Prices rose sharply, the head office said nothing.",  # "head office"
    ],
)
def test_non_specific_roles_are_not_persons(text):
    assert not [m for m in find_mentions(text) if m.type == "PERSON" and m.origin == "role"]


def test_role_followed_by_name_is_a_title_not_a_role():
    text = "The spokesman Omar Salih said the talks had failed."
    persons = [m for m in find_mentions(text) if m.type == "PERSON"]
    assert [p.origin for p in persons] != ["role"]
    assert any(p.name == "Omar Salih" for p in persons)


# -- demonyms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, target",
    [
        ("Iraqi", ("Iraq", "country")),
        ("Iraqis", ("Iraq", "country")),
        ("Iranian-backed", ("Iran", "country")),
        ("Iran-backed", ("Iran", "country")),
        ("pro-Iranian", ("Iran", "country")),
        ("Shi'ite", ("Shia", "community")),
        ("Shi’ite", ("Shia", "community")),
        ("Shiite", ("Shia", "community")),
        ("Shia", ("Shia", "community")),
        ("Kurdish", ("Kurds", "community")),
        ("Syrian", ("Syria", "country")),
        ("American", ("United States", "country")),
        ("U.S.", ("United States", "country")),
        ("U.S.-led", ("United States", "country")),
        ("British", ("United Kingdom", "country")),
        ("Emirati", ("United Arab Emirates", "country")),
        ("Saudi", ("Saudi Arabia", "country")),
        ("Yazidi", ("Yazidis", "community")),
        ("Sunni", ("Sunni", "community")),
    ],
)
def test_demonym_target(word, target):
    assert demonym_target(word) == target


@pytest.mark.parametrize("word", ["", "us", "Us", "iraqi", "Baghdad", "Islamist", "the", "Monday"])
def test_demonym_target_rejects_non_demonyms(word):
    assert demonym_target(word) is None


def test_country_name_variants():
    assert country_name("the United States") == "United States"
    assert country_name("Syrian Arab Republic") == "Syria"
    assert country_name("Russian Federation") == "Russia"
    assert country_name("IRAQ") == "Iraq"
    assert country_name("Tikrit") is None
    assert country_name("us") is None


def test_demonyms_are_mentions_of_their_target_not_entities():
    text = "Iraqi troops and Kurdish fighters pushed back Iranian-backed and Shi’ite militias."
    mentions = {m.text: m for m in find_mentions(text)}
    assert mentions["Iraqi"].type == "LOC" and mentions["Iraqi"].origin == "demonym"
    assert mentions["Kurdish"].type == "ORG" and mentions["Kurdish"].origin == "demonym"
    assert mentions["Iranian-backed"].type == "LOC" and mentions["Iranian-backed"].origin == "demonym"
    assert mentions["Shi’ite"].type == "ORG" and mentions["Shi’ite"].origin == "demonym"


def test_demonym_with_institution_is_an_organisation():
    text = "The Syrian army and the Turkish government traded accusations."
    army = _find(text, "Syrian army")
    assert army is not None and army.type == "ORG" and army.subtype == "military"
    gov = _find(text, "Turkish government")
    assert gov is not None and gov.subtype == "government"


def test_demonym_with_institution_whose_possessive_lost_its_apostrophe():
    text = "The Norwegian armys advance stalled, and the Danish militarys losses mounted."
    army = _find(text, "Norwegian armys")
    assert army is not None and army.type == "ORG" and army.subtype == "military"
    assert _find(text, "Danish militarys") is not None


# -- acronyms ------------------------------------------------------------------------------------


def test_acronyms_are_organisations_or_countries():
    text = "The PMF and KH blamed the IRGC, while the U.N. and the UAE urged calm; U.S. officials agreed."
    by_text = {m.text: m for m in find_mentions(text)}
    for acr in ("PMF", "KH", "IRGC"):
        assert by_text[acr].type == "ORG" and by_text[acr].origin == "acronym"
    assert by_text["U.N."].type == "ORG" and by_text["U.N."].subtype == "international"
    assert by_text["UAE"].type == "LOC" and by_text["UAE"].subtype == "country"
    assert by_text["U.S."].type == "LOC"


def test_words_in_capitals_lines_are_not_acronyms():
    text = "THE MORNING POST\n\nSECURITY NEWS\n\nThe army said the road was open."
    assert not [m for m in find_mentions(text) if m.origin == "acronym"]


def test_units_and_roman_numerals_are_not_acronyms():
    text = "The convoy left at 6 AM, drove 40 KM and reached Phase II of the plan."
    assert not [m for m in find_mentions(text) if m.origin == "acronym"]


# -- repeated names within a document ------------------------------------------------------------


def test_surname_after_full_name_is_a_partial_person_mention():
    text = "Col. Yasin al-Badri commands the sector. Badri said the militants fled, and al-Badri later confirmed it."
    partials = [m for m in find_mentions(text) if m.origin == "partial"]
    assert [m.text for m in partials] == ["Badri", "al-Badri"]
    assert all(m.type == "PERSON" for m in partials)


def test_place_name_repeated_after_a_cue_is_a_place():
    text = "Rockets hit the Q9 air base on Monday. Q9 hosts foreign advisers."
    m = [x for x in find_mentions(text) if x.text == "Q9"]
    assert m and m[0].type == "LOC" and m[0].origin == "alias"


# -- NER errors (hand-made Doc) ------------------------------------------------------------------


def test_ner_errors_are_fixed_by_shape():
    text = (
        "Saraya al-Wafa fighters guard the road, said Kazem Jabbar al-Hilali, a veteran of the war. "
        "Maj. Gen Adnan al-Tai spoke to Brig. officers."
    )
    doc = _blank_doc(
        text,
        [("Saraya al-Wafa", "PERSON"), ("Kazem Jabbar al-Hilali", "ORG"), ("Gen Adnan al-Tai", "PERSON"), ("Brig.", "GPE")],
    )
    mentions = find_mentions(text, doc)
    _assert_well_formed(text, mentions)
    by_text = {m.text: m for m in mentions}
    assert by_text["Saraya al-Wafa"].type == "ORG" and by_text["Saraya al-Wafa"].subtype == "armed_group"
    assert by_text["Kazem Jabbar al-Hilali"].type == "PERSON"
    general = by_text["Maj. Gen Adnan al-Tai"]
    assert general.type == "PERSON" and general.name == "Adnan al-Tai" and general.title == "Maj. Gen"
    assert "Brig." not in by_text


def test_ner_spans_that_are_not_names_are_dropped():
    text = "Leila Darwish, Research Fellow\n\nReading the report | the ministry said nothing."
    doc = _blank_doc(text, [("Research Fellow\n\nReading", "PERSON"), ("|", "PERSON"), ("Leila Darwish", "PERSON")])
    mentions = find_mentions(text, doc)
    assert [m.text for m in mentions if m.type == "PERSON"] == ["Leila Darwish"]
    assert not any("\n" in m.text for m in mentions)


def test_ner_span_across_paragraphs_is_cut_at_the_break():
    text = "Levant Wire Press\n\nSeven people died in the blast."
    doc = _blank_doc(text, [("Levant Wire Press\n\nSeven", "ORG")])
    mentions = find_mentions(text, doc)
    assert [(m.text, m.type, m.subtype) for m in mentions] == [("Levant Wire Press", "ORG", "media")]


def test_truncated_ner_name_is_snapped_to_whole_words():
    text = "Speaking at the funeral, Abu Sajjad el-Fartousi said the checkpoint was exposed."
    doc = _blank_doc(text, [("Abu Sajjad el", "PERSON")])
    m = _find(text, "Abu Sajjad el-Fartousi", doc)
    assert m is not None and m.type == "PERSON"


def test_ner_gpe_with_place_context_keeps_its_type():
    text = "The prisoners were moved to Abu Safa prison and held in Abu Safa for a week."
    doc = _blank_doc(text, [("Abu Safa", "GPE")])
    mentions = find_mentions(text, doc)
    assert _covering(mentions, text, "Abu Safa").type == "LOC"


def test_model_person_label_on_a_listed_place_is_corrected():
    text = "Attacks rose in Babil, Najaf and Dhi Qar over the winter."
    doc = _blank_doc(text, [("Babil", "GPE"), ("Najaf", "PERSON"), ("Dhi Qar", "GPE")])
    assert _find(text, "Najaf", doc).type == "LOC"


def test_ner_norp_becomes_a_demonym_and_unknown_norp_is_dropped():
    text = "Syrian officials blamed Islamist cells."
    doc = _blank_doc(text, [("Syrian", "NORP"), ("Islamist", "NORP")])
    mentions = find_mentions(text, doc)
    assert [(m.text, m.origin) for m in mentions] == [("Syrian", "demonym")]


# -- unicode, overlaps, size ---------------------------------------------------------------------


def test_diacritics_and_curly_apostrophes():
    text = "Sheikh Ḥaydar al-Jubūrī met Shi’ite clerics from Asa’ib Ahl al-Nūr in Fallūjah province."
    by_text = {m.text: m for m in find_mentions(text)}
    assert by_text["Sheikh Ḥaydar al-Jubūrī"].name == "Ḥaydar al-Jubūrī"
    assert by_text["Shi’ite"].origin == "demonym"
    assert by_text["Asa’ib Ahl al-Nūr"].subtype == "armed_group"
    assert by_text["Fallūjah province"].type == "LOC"


def test_mentions_never_overlap_and_are_sorted():
    text = (
        "Maj. Gen. Salam Hadi, commander of the Basra Operations Command, said the Sons of the River "
        "Brigade had left Camp Anwar near the village of Kut al-Hayy. The PMF spokesman, Abu Ridha "
        "al-Saedi, said the brigade's commander was in Wasit province."
    )
    mentions = find_mentions(text)
    _assert_well_formed(text, mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    # the longer, better-typed reading wins over its parts
    assert _find(text, "Basra Operations Command").type == "ORG"
    assert _find(text, "Basra") is None


WRITTEN_STORY = """\
BAQUBA, Iraq — Gunmen attacked a checkpoint of the Sons of the Hills Brigade near the village of Abu Tamur \
late on Tuesday, killing four fighters, the brigade said. Lt. Col. Husam al-Karkhi, a spokesman for the \
Diyala Operations Command, said the attackers fled toward the Hamra mountains.

The brigade, part of the Popular Mobilization Forces, is led by Sheikh Abbas al-Quraishi. The colonel said \
Iraqi troops and Kurdish Peshmerga units had closed the road to Khalis district. Karkhi added that the \
Islamic State group had claimed the attack on Telegram.

Human Rights Watch and the U.N. urged restraint. The prime minister ordered an inquiry.
"""


def test_long_text_is_fast_and_well_formed():
    text = "\n\n".join([WRITTEN_STORY] * 120)  # about 14,000 words
    find_mentions(WRITTEN_STORY)  # warm the caches
    t0 = time.perf_counter()
    mentions = find_mentions(text)
    elapsed = time.perf_counter() - t0
    _assert_well_formed(text, mentions)
    words = len(text.split())
    assert len(mentions) >= 120 * 15
    assert elapsed < 0.5 * words / 1000  # well under 0.5 s per 1,000 words even on a busy machine


def test_written_story_pattern_only():
    text = WRITTEN_STORY
    mentions = find_mentions(text)
    _assert_well_formed(text, mentions)
    got = {(m.text, m.type) for m in mentions}
    for expected in [
        ("BAQUBA", "LOC"),
        ("Sons of the Hills Brigade", "ORG"),
        ("Abu Tamur", "LOC"),
        ("Lt. Col. Husam al-Karkhi", "PERSON"),
        ("Diyala Operations Command", "ORG"),
        ("Hamra mountains", "LOC"),
        ("Popular Mobilization Forces", "ORG"),
        ("Sheikh Abbas al-Quraishi", "PERSON"),
        ("The colonel", "PERSON"),
        ("Khalis district", "LOC"),
        ("Karkhi", "PERSON"),
        ("Human Rights Watch", "ORG"),
        ("U.N.", "ORG"),
        ("The prime minister", "PERSON"),
    ]:
        assert expected in got, expected
    # "Abu Tamur" follows "the village of": a place, although "Abu X" is a person's shape
    assert _find(text, "Abu Tamur").subtype == "settlement"


# -- with the model ------------------------------------------------------------------------------


@pytest.mark.model
def test_model_story(nlp):
    text = WRITTEN_STORY
    mentions = find_mentions(text, nlp(text))
    _assert_well_formed(text, mentions)
    types = {m.text: m.type for m in mentions}
    assert types.get("Lt. Col. Husam al-Karkhi") == "PERSON"
    assert types.get("Sheikh Abbas al-Quraishi") == "PERSON"
    assert types.get("Sons of the Hills Brigade") == "ORG"
    assert types.get("Hamra mountains") == "LOC"
    assert types.get("Telegram") is None  # a platform, not an actor


def _sample_documents():
    from newsgraph import clean as cleaning
    from newsgraph.ingest.readers import read_file

    for path in sorted(SAMPLE.iterdir()):
        if path.suffix in (".txt", ".html", ".jsonl"):
            for raw in read_file(path):
                yield cleaning.clean(raw).text


@pytest.mark.model
def test_sample_corpus_recall_and_type_accuracy(nlp):
    """Every gold alias occurrence should be covered by a mention of the gold type."""
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    aliases = sorted(((a, e["type"]) for e in gold["entities"] for a in e["aliases"]), key=lambda x: -len(x[0]))
    total = found = typed = 0
    for text in _sample_documents():
        mentions = find_mentions(text, nlp(text))
        _assert_well_formed(text, mentions)
        used: list[tuple[int, int]] = []
        for alias, typ in aliases:
            for occ in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
                s, e = occ.span()
                if any(s < ue and us < e for us, ue in used):
                    continue
                used.append((s, e))
                total += 1
                hits = [m for m in mentions if m.start < e and s < m.end and m.origin != "demonym"]
                if hits:
                    found += 1
                    best = max(hits, key=lambda m: min(m.end, e) - max(m.start, s))
                    typed += best.type == typ
    assert total > 400
    assert found / total >= 0.95, found / total
    assert typed / found >= 0.95, typed / found


# -- details found on real-looking text ----------------------------------------------------------


def test_then_prefixed_title():
    text = "The 2014 talks between then-Prime Minister Jalal Hamdan and the envoys failed."
    persons = [m for m in find_mentions(text) if m.type == "PERSON"]
    assert len(persons) == 1
    assert persons[0].name == "Jalal Hamdan" and persons[0].title == "then-Prime Minister"


def test_compound_adjective_is_not_part_of_an_organisation_name():
    text = "A fellow at the London-based Levant Research Institute said so."
    m = _covering(find_mentions(text), text, "Levant Research Institute")
    assert m is not None and m.text == "Levant Research Institute" and m.subtype == "research"


def test_two_names_joined_by_and_are_split():
    text = "Fighters of the Army of Truth and Saraya al-Nasr crossed the river."
    by_text = {m.text: m for m in find_mentions(text)}
    assert by_text["Army of Truth"].type == "ORG"
    assert by_text["Saraya al-Nasr"].subtype == "armed_group"
    text = "The Ministry of Displacement and Migration opened a camp."
    assert _find(text, "Ministry of Displacement and Migration").subtype == "government"


def test_generic_plural_in_a_headline_is_not_a_name():
    text = "Iranian-Backed Militias Gain Ground\n\nThe fighting went on."
    assert not [m for m in find_mentions(text) if m.type == "ORG" and m.origin == "group"]


def test_variant_spelling_of_arabic_group_word():
    m = _find("The Hashid Shaabi units moved north.", "Hashid Shaabi")
    assert m is not None and m.type == "ORG"


def test_surname_labelled_as_place_by_the_model_becomes_a_person():
    text = "Sheikh Salim al-Farhan spoke first. Later Farhan left for Basra."
    doc = _blank_doc(text, [("Salim al-Farhan", "PERSON"), ("Farhan", "GPE"), ("Basra", "GPE")])
    mentions = find_mentions(text, doc)
    later = [m for m in mentions if m.text == "Farhan"]
    assert later and later[0].type == "PERSON"
    assert _find(text, "Basra", doc).type == "LOC"


def test_long_model_place_span_is_dropped():
    text = "Tribal Elders Reject Deal Over Water Rights In Diyala\n\nThe elders met on Sunday."
    doc = _blank_doc(text, [("Tribal Elders Reject Deal Over Water Rights In Diyala", "GPE")])
    assert not [m for m in find_mentions(text, doc) if "Reject" in m.text]


# -- names glued by a source that strips punctuation ------------------------------------------------

def _texts(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in find_mentions(text, _blank_doc(text, ents))]


def test_a_place_glued_to_an_organisation_the_document_names_alone_is_split():
    text = "Reuters said that Lyon was quiet by noon. Lyon Reuters Fighting went on near the city."
    got = _texts(text, [("Reuters", "ORG"), ("Lyon", "GPE"), ("Lyon Reuters", "ORG")])
    assert got[-2:] == [("Lyon", "LOC"), ("Reuters", "ORG")]


def test_an_acronym_glued_to_a_person_is_split():
    text = "Karim al-Tarmi leads the NVDU, which denied it. NVDU Karim al-Tarmi spoke on Monday."
    got = _texts(text, [("Karim al-Tarmi", "PERSON"), ("NVDU", "ORG"), ("NVDU Karim al-Tarmi", "PERSON")])
    assert got[-2:] == [("NVDU", "ORG"), ("Karim al-Tarmi", "PERSON")]


def test_an_acronym_the_document_uses_once_glued_to_a_group_it_names_alone_is_split():
    text = "Al-Qamar fighters attacked the base. According to NVDU Al-Qamar militants tried to enter the town."
    got = _texts(text, [("Al-Qamar", "ORG"), ("NVDU Al-Qamar", "PERSON")])
    assert got[-2:] == [("NVDU", "ORG"), ("Al-Qamar", "ORG")]


def test_an_acronym_glued_to_a_group_named_elsewhere_with_its_kind_word_is_split():
    text = "Troops killed Al-Qamar Front fighters. According to NVDU Al-Qamar militants tried to enter the town."
    got = _texts(text, [("NVDU Al-Qamar", "PERSON")])
    assert ("NVDU", "ORG") in got and ("Al-Qamar", "ORG") in got and ("NVDU Al-Qamar", "PERSON") not in got


def test_the_place_a_cue_announces_glued_to_a_group_the_document_names_alone_is_split():
    text = "Qamar fighters fled. When it held the ancient city of Sarwan Qamar carried out executions."
    got = _texts(text, [("Qamar", "ORG"), ("Sarwan Qamar", "GPE")])
    assert got[-2:] == [("Sarwan", "LOC"), ("Qamar", "ORG")]
    # an acronym before an organisation's name with its head word is that organisation's name
    text = "The Security Council met. The UN Security Council said so."
    assert ("UN Security Council", "ORG") in _texts(text, [("Security Council", "ORG"), ("UN Security Council", "ORG")])


def test_a_town_glued_before_a_division_is_the_town_and_the_division():
    # "in Sarwan, Qadis province" with the comma stripped: the town is named alone elsewhere
    text = "Shells hit the town of Sarwan on Monday. Gas was used in Sarwan Qadis province on Tuesday."
    got = [(m.text, m.type, m.subtype) for m in find_mentions(text)]
    assert got[-2:] == [("Sarwan", "LOC", "settlement"), ("Qadis province", "LOC", "region")]
    # a direction word or a word the document never names alone is part of the division's name
    text = "Jets hit Eastern Qadis province and Harun Qadis province."
    got = [m.text for m in find_mentions(text)]
    assert "Eastern Qadis province" in got and "Harun Qadis province" in got


def test_names_that_only_look_glued_stay_whole():
    # a given name and a surname used alone elsewhere: one person
    text = "Karim was calm and Tarmi spoke. Karim Tarmi met reporters."
    assert ("Karim Tarmi", "PERSON") in _texts(text, [("Karim Tarmi", "PERSON"), ("Karim", "PERSON"), ("Tarmi", "PERSON")])
    # a nationality before an organisation, and a place in an organisation's name, are the name
    text = "The Defence Ministry added more. The Norwegian Defence Ministry said so, and the Lyon Media Center agreed."
    got = _texts(text, [("Norwegian Defence Ministry", "ORG"), ("Defence Ministry", "ORG"), ("Lyon Media Center", "ORG")])
    assert ("Norwegian Defence Ministry", "ORG") in got and ("Lyon Media Center", "ORG") in got


def test_a_persons_name_glued_after_an_organisation_the_document_names_is_split_off():
    # a feed that strips commas: "The Velmora Network for Human Rights, Karim Tarmi, said ..."
    text = ("The Velmora Network for Human Rights Karim Tarmi said 20 people died. "
            "The Velmora Network for Human Rights documented the deaths.")
    mentions = find_mentions(text)
    _assert_well_formed(text, mentions)
    got = [(m.text, m.type) for m in mentions]
    assert got[:2] == [("Velmora Network for Human Rights", "ORG"), ("Karim Tarmi", "PERSON")]
    # a title before the name goes with the person
    text = "The Velmora Network for Human Rights Director Karim Tarmi said so. The Velmora Network for Human Rights agreed."
    got = [(m.text, m.type, text[m.name_start:m.name_end] if m.name_start >= 0 else None) for m in find_mentions(text)]
    assert got[:2] == [("Velmora Network for Human Rights", "ORG", None), ("Director Karim Tarmi", "PERSON", "Karim Tarmi")]
    # a place's own words are no person's
    text = "The King Hussein Bridge reopened. Prince Sultan Air Base is far."
    assert not any(m.type == "PERSON" for m in find_mentions(text))


@pytest.mark.model
def test_a_run_of_arabic_article_names_is_a_list_of_places(nlp):
    # a feed that strips commas glues a list of quarters into one span, which would join them all
    text = "Strikes hit al-Sahil al-Bu Tarmi al-Wadi al-Dawn al-Qasr in the east on Monday."
    got = [m.text for m in find_mentions(text, nlp(text))]
    assert got == ["al-Sahil", "al-Bu Tarmi", "al-Wadi", "al-Dawn", "al-Qasr"]
    # three article words with none named alone may be one name ("the Free Syrian Army" in Arabic)
    text = "The al-Jaysh al-Suri al-Hurr fighters held the line."
    assert [m.text for m in find_mentions(text, nlp(text))] == ["al-Jaysh al-Suri al-Hurr"]


def test_a_place_of_a_province_and_a_described_province_are_named_apart():
    text = "Troops killed fighters in the Ras al-Sahil of al-Wadi province on Monday."
    assert [(m.text, m.type) for m in find_mentions(text)] == [("Ras al-Sahil", "LOC"), ("al-Wadi province", "LOC")]
    # "Oil-rich" describes the first of two listed provinces: it is no part of its name
    text = "Oil-rich Sahil and Wadi Tal provinces border Norland. Fighting in Sahil went on."
    assert [m.text for m in find_mentions(text)][:2] == ["Sahil", "Wadi Tal"]


def test_a_dateline_without_brackets_is_the_place_and_the_agency():
    # "WADI TAL (NVDU) -" as a feed without brackets prints it
    text = "Wadi Tal NVDU- Troops entered the town on Monday. Shelling hit Wadi Tal again."
    assert [(m.text, m.type) for m in find_mentions(text)][:2] == [("Wadi Tal", "LOC"), ("NVDU", "ORG")]


@pytest.mark.model
def test_a_name_written_with_the_arabic_article_in_lower_case_is_a_name(nlp):
    # "al-Zafir" is capitalised after its article: the model's span is a name as "Zafir" would be
    text = "Army units killed al-Zafir terrorists in operations near Velmora."
    assert _find(text, "al-Zafir", nlp(text)).type == "ORG"
    text = "Sources told al-Qamar that the brigade seized the town."
    assert _find(text, "al-Qamar", nlp(text)) is not None


@pytest.mark.model
def test_two_countries_joined_by_a_hyphen_are_two_places(nlp):
    # "the Peru-Bolivia talks": both countries, not a place named "Peru-Bolivia"
    text = "The Peru-Bolivia talks stalled."
    got = [(m.text, m.type, m.subtype) for m in find_mentions(text, nlp(text))]
    assert got == [("Peru", "LOC", "country"), ("Bolivia", "LOC", "country")]
    # and their demonyms before a place word: "the Peruvian-Bolivian border" is no place named so
    text = "The Peruvian-Bolivian border was closed on Monday."
    got = [(m.text, m.type, m.origin) for m in find_mentions(text, nlp(text))]
    assert got == [("Peruvian", "LOC", "demonym"), ("Bolivian", "LOC", "demonym")]


def test_a_name_after_a_title_ending_in_a_place_word_is_a_person():
    # "Lake", "Hill", "Bridge" are surnames as often as kinds of place: after a title, a person
    text = ("The Norland Relief Fund's director Karim Lake condemned the shelling. Relief Fund "
            "Executive Director Hadi Hill said the convoy was hit near Velmora Lake.")
    mentions = find_mentions(text)
    for name in ("Karim Lake", "Hadi Hill"):
        m = _covering(mentions, text, name)
        assert m is not None and m.type == "PERSON", (name, m)
    lake = _covering(mentions, text, "Velmora Lake")
    assert lake is not None and lake.type == "LOC"
    # a division's or an area's word keeps the place whatever title is before it
    m = _covering(find_mentions("Governor Karim Haddad toured Wasit Province on Monday."), "Governor Karim Haddad toured Wasit Province on Monday.", "Wasit Province")
    assert m is not None and m.type == "LOC"


@pytest.mark.model
def test_the_english_article_before_an_arabic_name_ends_a_persons_span(nlp):
    # "Abu Karim, an al-Fajr emir": no Arabic name writes two articles in a row ("an al-")
    text = "Rebels executed Abu Karim an al-Fajr emir near Sahil."
    got = [(m.text, m.type) for m in find_mentions(text, nlp(text))]
    assert ("Abu Karim", "PERSON") in got
    assert not any("an al-Fajr" in name for name, _ in got)


@pytest.mark.model
def test_a_days_possessive_or_a_date_is_no_place(nlp):
    # a feed that strips apostrophes writes "Tuesday's shelling" as "Tuesdays shelling"
    for text in ("Officials said 12 people wounded in Tuesdays shelling were taken to Velmora.",
                 "The Red Crescent said in Tuesdays report that aid reached Velmora."):
        got = [m.text for m in find_mentions(text, nlp(text))]
        assert "Tuesdays" not in got and "Velmora" in got
    assert [m.text for m in find_mentions("Posted Mon Jul 3 by the desk in Velmora.")] == ["Velmora"]


@pytest.mark.model
def test_a_capitalised_direction_alone_is_no_place(nlp):
    text = "Shells hit homes in the Eastern part of Sahil. Fighting raged in Eastern Velmora Province."
    got = [m.text for m in find_mentions(text, nlp(text))]
    assert "Eastern" not in got
    # the direction does not join the division after it ("Eastern Velmora Province" is the province's east)
    assert "Velmora Province" in got
    # a place named with its direction stays: "the Western countryside" is no name, "Western Velmora" is
    assert "Western Velmora" in [m.text for m in find_mentions("Shells fell in Western Velmora at dawn.")]


@pytest.mark.model
def test_arabic_place_words_spelt_otherwise_make_places(nlp):
    # "Kafar" for "Kafr" (village), "Khirbet" (ruin, hamlet), "Qassr" for "Qasr" (palace, fort)
    text = "Shelling hit Kafar Tamra and Khirbet Sahil on Monday, and Qassr Abu Velmor was emptied."
    got = {m.text: m.type for m in find_mentions(text, nlp(text))}
    assert got == {"Kafar Tamra": "LOC", "Khirbet Sahil": "LOC", "Qassr Abu Velmor": "LOC"}


@pytest.mark.model
def test_the_names_listed_after_provinces_of_are_provinces(nlp):
    text = ("A convoy travelled between the provinces of Velmora in the east and Sahil in the northeast. "
            "Fighting hit the provinces of Qarnos, Tarsa and Wadi Tal. Shells hit the eastern districts of Velmora.")
    got = [(m.text, m.type, m.subtype, m.title) for m in find_mentions(text, nlp(text))]
    for name in ("Velmora", "Sahil", "Qarnos", "Tarsa", "Wadi Tal"):
        assert (name, "LOC", "region", "province") in got, name
    # "the districts of X" are parts of X: the town stays a town
    assert got[-1][0] == "Velmora" and got[-1][3] is None


def test_a_dateline_whose_comma_a_feed_dropped_is_a_place_not_an_acronym():
    for text in ("Last updated at Oct 042017 VELMORA A car bomb killed 12 people in the town.",
                 "VELMORA (Agency) The air force struck the town.", "VELMORA - Shells hit the town on Monday."):
        got = {m.text: m.type for m in find_mentions(text)}
        assert got.get("VELMORA") == "LOC", text
    # an organisation's acronym at the head stays an organisation
    got = {m.text: m.type for m in find_mentions("NATO - Ministers met on Monday.")}
    assert got.get("NATO") != "LOC"


@pytest.mark.model
def test_ordinary_words_before_a_place_word_keep_it_and_make_no_place_alone(nlp):
    # "the Old City" is named by both words (its bare name is no "Old"), "Sadr City" by "Sadr";
    # a headline's "in New Rocket Attacks" names no place "New"
    text = "Rebels entered the Old City. 40 Civilians Killed in New Terrorist Rocket Attacks in Velmora. Troops reached Sadr City."
    got = {(m.text, m.name, m.type) for m in find_mentions(text, nlp(text))}
    assert ("Old City", "Old City", "LOC") in got and ("Sadr City", "Sadr", "LOC") in got
    assert not any(m.name in ("Old", "New") for m in find_mentions(text, nlp(text)))


@pytest.mark.model
def test_a_verb_the_model_ran_into_a_name_is_cut_off(nlp):
    # the model reads "Lake said" as one place; the verb is no part of the surname
    text = ('UNICEF Director Karim Lake toured Velmora on Monday. "We are shocked" a teacher told reporters by '
            "telephone. Lake said the clinic had been shelled twice.")
    doc = nlp(text)
    assert any(e.text == "Lake said" for e in doc.ents)  # the model's span this test is about
    got = [(m.text, m.type) for m in find_mentions(text, doc) if m.start >= text.index("Lake said")]
    assert got[0] == ("Lake", "PERSON")


@pytest.mark.model
def test_a_the_after_a_name_word_ends_the_name_even_after_of(nlp):
    # a feed dropped the full stop: "... of the UN Security Council Ahmad Salim the Coalition said"
    text = ("The head of the Velmora Coalition wrote to the President of the UN Security Council Ahmad Salim "
            "the Coalition underscored the desperate situation in Velmora.")
    got = [m.text for m in find_mentions(text, nlp(text))]
    assert "UN Security Council" in got and not any("Salim the" in t for t in got)


@pytest.mark.model
def test_a_captions_date_after_a_place_is_no_part_of_its_name(nlp):
    text = "Victims rest in a mosque in the Duma neighbourhood of Velmora August 21 2013. REUTERS/Karim Tarmi"
    got = [m.text for m in find_mentions(text, nlp(text))]
    assert "Velmora" in got and not any("August" in t for t in got)
    # without the model too
    assert not any("August" in m.text for m in find_mentions(text))


@pytest.mark.model
def test_a_mediums_kind_after_a_name_makes_it_an_organisation(nlp):
    # the model reads a news agency's one-word name as a person or a place
    text = "Militants said in a statement carried by the Amraq news agency that they had seized the town."
    doc = nlp(text)
    assert any(e.text == "Amraq" and e.label_ != "ORG" for e in doc.ents)  # the model's reading this test is about
    (m,) = [m for m in find_mentions(text, doc) if m.text == "Amraq"]
    assert (m.type, m.subtype) == ("ORG", "media")
    # a country before such a word stays the country ("the Norway newspaper")
    text = "The Norway newspaper ran the story on Monday."
    assert [m.type for m in find_mentions(text, nlp(text)) if m.text == "Norway"] == ["LOC"]


@pytest.mark.model
def test_a_part_named_before_of_x_makes_x_the_place_that_holds_it(nlp):
    # the model finds the city itself; the cue before it names a part of the city, not a region X
    text = ("Two children were killed in a rebel-held area of Lyon. A blast hit the al-Sahil neighbourhood "
            "of Grenoble. Fighting spread to the district of Qarnos.")
    got = {m.name: m.subtype for m in find_mentions(text, nlp(text))}
    assert got["Lyon"] is None and got["Grenoble"] == "settlement"
    assert got["Qarnos"] == "region"  # "the district of X" names X itself
