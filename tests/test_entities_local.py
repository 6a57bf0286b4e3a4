"""Within-document entity linking (newsgraph.entities.local), on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.entities import local
from newsgraph.entities.local import LocalEntity, explain, link_mentions
from newsgraph.types import EntityMention


def mention(text: str, surface: str, typ: str = "PERSON", origin: str = "ner", nth: int = 0,
            title: str | None = None) -> EntityMention:
    """The ``nth`` occurrence of ``surface`` in ``text``; with ``title``, ``surface`` starts with it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    m = EntityMention(start, start + len(surface), surface, typ, origin=origin)
    if title:
        assert surface.startswith(title)
        m.title = title
        m.name_start = start + len(title) + 1
        m.name_end = m.end
    return m


def entity_of(mentions: list[EntityMention], entities: list[LocalEntity], surface: str, nth: int = 0) -> LocalEntity | None:
    found = [m for m in mentions if m.text == surface]
    k = found[nth].entity
    return entities[k] if k >= 0 else None


def check_consistent(mentions: list[EntityMention], entities: list[LocalEntity]) -> None:
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for k, ent in enumerate(entities):
        assert ent.mentions, "an entity without mentions"
        for i in ent.mentions:
            assert mentions[i].entity == k
    linked = sum(1 for m in mentions if m.entity >= 0)
    assert linked == sum(len(e.mentions) for e in entities)


# -- basics ---------------------------------------------------------------------------------------


def test_no_mentions():
    assert link_mentions("Nothing happened in the valley today.", []) == ([], [])
    assert link_mentions("", []) == ([], [])


def test_input_is_not_modified_and_output_is_sorted():
    text = "Rana Qasim met Tariq Mansour. Later Tariq Mansour left."
    ms = [mention(text, "Tariq Mansour", nth=1), mention(text, "Rana Qasim"), mention(text, "Tariq Mansour")]
    out, ents = link_mentions(text, ms)
    assert all(m.entity == -1 for m in ms)
    assert [m.text for m in out] == ["Rana Qasim", "Tariq Mansour", "Tariq Mansour"]
    assert [e.name for e in ents] == ["Rana Qasim", "Tariq Mansour"]
    check_consistent(out, ents)


@pytest.mark.parametrize(
    "start,end,surface",
    [(5, 400, "Qasim"), (-1, 4, "Rana"), (10, 10, ""), (12, 8, "xx")],
)
def test_offsets_outside_the_text_are_refused(start, end, surface):
    text = "Rana Qasim spoke."
    with pytest.raises(ValueError, match="offsets"):
        link_mentions(text, [EntityMention(start, end, surface, "PERSON")])


def test_text_that_does_not_match_its_offsets_is_refused():
    text = "Rana Qasim spoke."
    with pytest.raises(ValueError, match="Qasim"):
        link_mentions(text, [EntityMention(0, 4, "Qasim", "PERSON")])


def test_name_span_outside_the_mention_is_refused():
    text = "Col. Rana Qasim spoke."
    m = EntityMention(0, 15, "Col. Rana Qasim", "PERSON", name_start=5, name_end=30)
    with pytest.raises(ValueError, match="name span"):
        link_mentions(text, [m])


# -- the same name repeated -------------------------------------------------------------------------


def test_same_name_with_title_and_spelling_variants():
    text = ("Brig. Gen. Nabil al-Khatib said the road was open. Nabeel al-Khateeb added that two "
            "trucks had passed. al-Khatib did not say when.")
    ms = [mention(text, "Brig. Gen. Nabil al-Khatib", title="Brig. Gen."), mention(text, "Nabeel al-Khateeb"),
          mention(text, "al-Khatib", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    (ent,) = ents
    assert ent.name == "Nabil al-Khatib"
    assert ent.names == ["Nabil al-Khatib", "Nabeel al-Khateeb", "al-Khatib"]
    assert ent.titles == ["Brig. Gen."]
    assert any(kind == "same-name" for kind, _ in ent.links)
    assert any(line.startswith("same-name") for line in explain(ent))
    check_consistent(out, ents)


def test_overlapping_mentions_of_one_name():
    text = "Col. Rana Qasim inspected the post."
    ms = [mention(text, "Col. Rana Qasim", title="Col."), mention(text, "Rana Qasim")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1 and out[0].entity == out[1].entity == 0


def test_different_names_stay_apart():
    text = "Tariq Mansour and Tariq Hamdan met in the town. Mansour spoke first."
    ms = [mention(text, "Tariq Mansour"), mention(text, "Tariq Hamdan"), mention(text, "Mansour", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2
    assert entity_of(out, ents, "Mansour").name == "Tariq Mansour"


def test_a_name_between_two_people_joins_neither():
    text = ("Khalid Faris al-Bazzaz and his cousin Khalid Omar al-Bazzaz were both named. "
            "Khalid al-Bazzaz was not reachable.")
    ms = [mention(text, "Khalid Faris al-Bazzaz"), mention(text, "Khalid Omar al-Bazzaz"),
          mention(text, "Khalid al-Bazzaz")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 3


def test_person_and_org_of_the_same_name_are_not_joined():
    text = "Sami Nadir spoke for the Nadir Front. Later Nadir Front fighters and Sami Nadir left."
    ms = [mention(text, "Sami Nadir"), mention(text, "Nadir Front", "ORG"), mention(text, "Nadir Front", "ORG", nth=1),
          mention(text, "Sami Nadir", nth=1)]
    out, ents = link_mentions(text, ms)
    assert sorted((e.type, len(e.mentions)) for e in ents) == [("ORG", 2), ("PERSON", 2)]


def test_identical_place_tagged_org_once_is_one_entity():
    text = "Shelling hit Qarmala on Monday. Qarmala officials said the market burned."
    ms = [mention(text, "Qarmala", "LOC"), mention(text, "Qarmala", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1 and ents[0].type == "LOC"


def test_a_name_the_model_took_for_a_place_is_a_person_when_an_apposition_gives_a_role():
    text = "Other observers doubt it. Lena Marsh, the Norland researcher for Dawn Watch, said the plan would fail."
    out, ents = link_mentions(text, [mention(text, "Lena Marsh", "LOC"), mention(text, "Dawn Watch", "ORG")])
    assert [(e.name, e.type) for e in ents] == [("Lena Marsh", "PERSON"), ("Dawn Watch", "ORG")]
    # a group or a town in apposition keeps its type: the head noun is no person's role
    text = "Dawn Front, a militant group, and Kafr Sahil, the home town of a commander, were named."
    out, ents = link_mentions(text, [mention(text, "Dawn Front", "ORG"), mention(text, "Kafr Sahil", "LOC")])
    assert [e.type for e in ents] == ["ORG", "LOC"]


def _place(text: str, surface: str, nth: int = 0, subtype: str | None = None, level: str | None = None) -> EntityMention:
    m = mention(text, surface, "LOC", "place-cue" if subtype else "ner", nth)
    m.subtype, m.title = subtype, level
    return m


def test_a_province_and_the_town_it_is_named_after_stay_apart():
    text = ("Rockets fell in Qarmala province overnight. Officials in Qarmala said the town was calm; "
            "curfews covered Sadun, Harat and Qarmala provinces.")
    ms = [_place(text, "Qarmala province", subtype="region"), _place(text, "Qarmala", nth=1),
          _place(text, "Sadun", subtype="region", level="province"),
          _place(text, "Harat", subtype="region", level="province"),
          _place(text, "Qarmala", nth=2, subtype="region", level="province")]
    out, ents = link_mentions(text, ms)
    province = entity_of(out, ents, "Qarmala province")
    assert province.name == "Qarmala province" and province.subtype == "region"
    # the listed name is the province; the bare name without a cue may be the town: left apart
    assert entity_of(out, ents, "Qarmala", nth=1) is province
    assert entity_of(out, ents, "Qarmala", nth=0) is not province
    assert len(ents) == 4


def test_a_governorate_is_the_province_of_the_same_name_and_a_cue_elsewhere_says_which():
    text = ("The Sadun governorate council met. The governor of Sadun spoke outside the Sadun provincial "
            "building, and Sadun province paid.")
    ms = [_place(text, "Sadun governorate", subtype="region"), _place(text, "Sadun", nth=1, subtype="region", level="province"),
          _place(text, "Sadun", nth=2, subtype="region"), _place(text, "Sadun province", subtype="region")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1


def test_a_district_is_not_the_province_of_the_same_name():
    text = "Qarmala district lies in Qarmala province."
    ms = [_place(text, "Qarmala district", subtype="region"), _place(text, "Qarmala province", subtype="region")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2


# -- alias definitions ------------------------------------------------------------------------------


def test_arabic_and_english_names_joined_by_or_are_one_name():
    text = "A new force joined: Saraya Tahrir or Liberation Brigades (LB), a coalition of militias."
    ms = [mention(text, "Saraya Tahrir", "ORG"), mention(text, "Liberation Brigades", "ORG"), mention(text, "LB", "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert any(kind == "alias-definition:or-translation" for kind, _ in ents[0].links)


@pytest.mark.parametrize("text", [
    "Fighters from the Qarmala Army, Saraya Tahrir or Liberation Brigades attacked.",  # a list
    "Either Saraya Tahrir or Liberation Brigades and the army will hold the town.",  # a list
    "Either the Qarmala Army or Liberation Brigades will hold the town.",  # two English names
])
def test_or_between_two_names_is_otherwise_a_choice(text):
    names = [n for n in ("Qarmala Army", "Saraya Tahrir", "Liberation Brigades") if n in text]
    out, ents = link_mentions(text, [mention(text, n, "ORG") for n in names])
    assert len(ents) == len(names)


@pytest.mark.parametrize(
    "text,long,short,pattern",
    [
        ("Fighters of the Northern Valley Defence Units (NVDU) moved in.",
         "Northern Valley Defence Units", "NVDU", "paren-acronym"),
        ("The NVDU, or Junud al-Wadi, moved in.", "NVDU", "Junud al-Wadi", "or"),
        ("Saraya al-Nasr, also known as the Victory Companies, denied it.",
         "Saraya al-Nasr", "Victory Companies", "known-as"),
        ("Jund al-Wadi, also called Valley Soldiers, said it fired.", "Jund al-Wadi", "Valley Soldiers", "also-called"),
        ("Jund al-Wadi, aka Valley Soldiers, said it fired.", "Jund al-Wadi", "Valley Soldiers", "aka"),
        ("The Victory Companies, known in Arabic as Saraya al-Nasr, said it fired.",
         "Victory Companies", "Saraya al-Nasr", "known-in-language-as"),
        ("Its members call it Tamas, an Arabic acronym for Tahaluf al-Muqawama al-Sharqiya.",
         "Tahaluf al-Muqawama al-Sharqiya", "Tamas", "acronym-for"),
        ("Harakat al-Jabal, the \"Mountain Movement,\" said it fired.",
         "Harakat al-Jabal", "Mountain Movement", "quoted-translation"),
        ("Kutaib Ahl al-Sahil, the 'League of the Coast', said it fired.",
         "Kutaib Ahl al-Sahil", "League of the Coast", "quoted-translation"),
    ],
)
def test_alias_definitions_join_both_names(text, long, short, pattern):
    ms = [mention(text, long, "ORG"), mention(text, short, "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert set(ents[0].names) == {long, short}
    kinds = [k for k, _ in ents[0].links]
    assert kinds == [f"alias-definition:{pattern}"]


def test_definition_adds_the_alias_the_mention_finder_missed_and_its_repetitions():
    text = ("Fighters of the Northern Valley Defence Units (NVDU) moved in. "
            "The NVDU said later that the road was cut, and NVDU medics treated the wounded.")
    ms = [mention(text, "Northern Valley Defence Units", "ORG")]
    out, ents = link_mentions(text, ms)
    added = [m for m in out if m.origin == "alias"]
    assert [m.text for m in added] == ["NVDU", "NVDU", "NVDU"]
    assert all(text[m.start : m.end] == "NVDU" and m.type == "ORG" for m in added)
    assert len(ents) == 1 and ents[0].names == ["Northern Valley Defence Units", "NVDU"]
    assert ents[0].name == "Northern Valley Defence Units"
    check_consistent(out, ents)


def test_quoted_translation_is_added_without_quotes():
    text = "A post of Liwa al-Sabah, or the \"Morning Brigade,\" was hit."
    out, ents = link_mentions(text, [mention(text, "Liwa al-Sabah", "ORG")])
    assert [m.text for m in out] == ["Liwa al-Sabah", "Morning Brigade"]
    assert ents[0].name == "Liwa al-Sabah"


def test_definition_may_join_a_mistyped_mention_and_type_is_voted():
    text = ("The Popular Defence Committees (PDC) said on Monday that PDC units and the Popular "
            "Defence Committees had withdrawn.")
    ms = [mention(text, "Popular Defence Committees", "ORG"), mention(text, "PDC", "PERSON"),
          mention(text, "PDC", "ORG", nth=1), mention(text, "Popular Defence Committees", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1 and ents[0].type == "ORG"


def test_no_definition_no_alias_mentions():
    text = "Fighters of the Northern Valley Defence Units moved in, residents said."
    out, ents = link_mentions(text, [mention(text, "Northern Valley Defence Units", "ORG")])
    assert len(out) == 1 and len(ents) == 1 and ents[0].links == []
    assert explain(ents[0]) == ["single name: Northern Valley Defence Units"]


def test_nom_de_guerre_after_an_apposition():
    text = ("The brigade is led by Jasim Kadhim al-Rawi, a former teacher better known by his nom de guerre, "
            "Abu Sajjad al-Rawi. Abu Sajjad has not been seen since May.")
    ms = [mention(text, "Jasim Kadhim al-Rawi"), mention(text, "Abu Sajjad", nth=1)]
    out, ents = link_mentions(text, ms)
    assert [m.text for m in out if m.origin == "alias"] == ["Abu Sajjad al-Rawi"]
    assert len(ents) == 1 and ents[0].name == "Jasim Kadhim al-Rawi"
    assert [k for k, _ in ents[0].links] == ["alias-definition:nickname", "partial:kunya"]


def test_nom_de_guerre_of_another_sentence_is_not_a_definition():
    text = ("Jasim Kadhim al-Rawi spoke first. The next speaker, known by his nom de guerre Abu Sajjad, "
            "was masked.")
    ms = [mention(text, "Jasim Kadhim al-Rawi"), mention(text, "Abu Sajjad")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2


@pytest.mark.parametrize(
    "text,long,short",
    [
        ("Harakat al-Sabr, whose name means \"Patience Movement\", denied it.", "Harakat al-Sabr", "Patience Movement"),
        ("Few know Tahaluf al-Sahil. The name translates as the \"Coastal Alliance\" in English.",
         "Tahaluf al-Sahil", "Coastal Alliance"),
        ("Its fighters joined the Tribal Defence Forces, the state-funded umbrella known in Arabic as "
         "Quwat al-Difa al-Qabali, last year.", "Tribal Defence Forces", "Quwat al-Difa al-Qabali"),
        ("The strike hit the Northern Front, formally Jabhat al-Shamal, on Monday.", "Northern Front", "Jabhat al-Shamal"),
        ("Officials say the Northern Front, known by its Arabic name Jabhat al-Shamal, is armed by its neighbour.",
         "Northern Front", "Jabhat al-Shamal"),
    ],
)
def test_definitions_behind_an_apposition_or_in_the_next_sentence(text, long, short):
    out, ents = link_mentions(text, [mention(text, long, "ORG")])
    assert [m.text for m in out if m.origin == "alias"] == [short]
    assert len(ents) == 1 and ents[0].names == [long, short]


@pytest.mark.parametrize(
    "text",
    [
        "Rana Qasim called Tariq Mansour on Monday.",
        "Rana Qasim, who met the man known as Tariq Mansour, left.",
        "Rana Qasim spoke first. Then the man known as Tariq Mansour spoke.",
    ],
)
def test_no_definition_across_clauses(text):
    out, ents = link_mentions(text, [mention(text, "Rana Qasim"), mention(text, "Tariq Mansour")])
    assert len(ents) == 2


# -- acronyms without definitions, and ORG short forms ------------------------------------------------


def test_acronym_without_definition_links_to_its_long_form():
    text = "The Southern Tribal Mobilisation Front claimed the attack. A STMF statement denied casualties."
    ms = [mention(text, "Southern Tribal Mobilisation Front", "ORG"), mention(text, "STMF", "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert ents[0].links[0][0] == "acronym"


def test_acronym_that_spells_two_names_is_not_linked():
    text = ("The Northern Defence Units and the National Democratic Union both blamed the NDU "
            "for the clashes.")
    ms = [mention(text, "Northern Defence Units", "ORG"), mention(text, "National Democratic Union", "ORG"),
          mention(text, "NDU", "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 3


def test_org_short_form():
    text = "Fighters of the Zahra Organization held the bridge. Zahra later withdrew."
    ms = [mention(text, "the Zahra Organization", "ORG"), mention(text, "Zahra", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1 and ents[0].name == "Zahra Organization"
    assert ents[0].links[0][0] == "short-form"


def test_org_name_without_its_generic_last_word():
    text = ("The Guardians of the Valley Alliance held the ridge. The Guardians of the Valley said on Monday "
            "that the Sabr Front and the Sabr Movement had left, and Sabr fighters went home.")
    ms = [mention(text, "Guardians of the Valley Alliance", "ORG"), mention(text, "Guardians of the Valley", "ORG", nth=1),
          mention(text, "Sabr Front", "ORG"), mention(text, "Sabr Movement", "ORG"), mention(text, "Sabr", "ORG", nth=2)]
    out, ents = link_mentions(text, ms)
    assert [e.names for e in ents] == [["Guardians of the Valley Alliance", "Guardians of the Valley"],
                                       ["Sabr Front"], ["Sabr Movement"], ["Sabr"]]


def test_org_name_without_a_descriptive_first_word():
    text = ("The Sunni Valley Defence Units, known locally as Hurras al-Wadi, held the ridge. Later some "
            "Valley Defence Units withdrew, and the Valley Defence Council met.")
    ms = [mention(text, "Sunni Valley Defence Units", "ORG"), mention(text, "Valley Defence Units", "ORG", nth=1),
          mention(text, "Valley Defence Council", "ORG")]
    out, ents = link_mentions(text, ms)
    units = entity_of(out, ents, "Sunni Valley Defence Units")
    assert entity_of(out, ents, "Valley Defence Units") is units
    assert entity_of(out, ents, "Valley Defence Council") is not units


@pytest.mark.parametrize("long", ["Kataib Valley Guards", "Free Valley Guards", "Sadun Valley Guards"])
def test_a_distinctive_word_in_front_makes_another_name(long):
    text = f"{long} denied it; the Valley Guards said nothing."
    ms = [mention(text, long, "ORG"), mention(text, "Valley Guards", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2


def test_org_short_form_refused_when_another_org_contains_the_word():
    text = "Kataib Zahra and Zahra Brigades both deny the raid, but Zahra fighters were seen."
    ms = [mention(text, "Kataib Zahra", "ORG"), mention(text, "Zahra Brigades", "ORG"),
          mention(text, "Zahra", "ORG", nth=2)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 3


def test_last_word_of_an_org_is_not_its_short_form():
    text = "Kataib Zahra denied the raid. Zahra officials were not available."
    ms = [mention(text, "Kataib Zahra", "ORG"), mention(text, "Zahra", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2


def test_place_word_is_not_the_short_form_of_an_org():
    text = ("The Qarmala Operations Command said Qarmala was calm. Fighters of the Sadun Brigade and "
            "residents of Sadun disagreed, and Sadun officials said so.")
    ms = [mention(text, "Qarmala Operations Command", "ORG"), mention(text, "Qarmala", "ORG", nth=1),
          mention(text, "Sadun Brigade", "ORG"), mention(text, "Sadun", "LOC", nth=1),
          mention(text, "Sadun", "ORG", nth=2)]
    out, ents = link_mentions(text, ms)
    assert sorted(e.name for e in ents) == ["Qarmala", "Qarmala Operations Command", "Sadun", "Sadun Brigade"]


# -- partial names ----------------------------------------------------------------------------------


def test_surname_and_particle_surname_link_to_the_full_name():
    text = "Hadi al-Amiri spoke on Monday. Amiri said the deal held, and al-Amiri left for the capital."
    ms = [mention(text, "Hadi al-Amiri"), mention(text, "Amiri", nth=1), mention(text, "al-Amiri", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1 and ents[0].name == "Hadi al-Amiri"
    assert any(kind.startswith("partial") for kind, _ in ents[0].links)


def test_titled_given_name_links_to_the_full_name():
    text = "Sheikh Qais al-Khazali addressed supporters. Sheikh Qais said the talks had failed."
    ms = [mention(text, "Sheikh Qais al-Khazali", title="Sheikh"), mention(text, "Sheikh Qais", nth=1, title="Sheikh")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert ents[0].titles == ["Sheikh"]


def test_given_name_shared_by_two_full_names_is_not_linked():
    text = "Ali Khamenei and Ali al-Sistani were both quoted. Ali said the matter was closed."
    ms = [mention(text, "Ali Khamenei"), mention(text, "Ali al-Sistani"), mention(text, "Ali", nth=2)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 3
    assert entity_of(out, ents, "Ali").names == ["Ali"]


def test_surname_shared_by_brothers_is_not_linked():
    text = "Brothers Murad al-Hiti and Karim al-Hiti were arrested. Hiti denied the charges."
    ms = [mention(text, "Murad al-Hiti"), mention(text, "Karim al-Hiti"), mention(text, "Hiti", nth=2)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 3


def test_surname_of_two_names_of_one_person_is_linked():
    text = ("The faction is led by Jasim Kadhim al-Rawi, better known as Abu Sajjad al-Rawi. "
            "Rawi has not appeared in public since May.")
    ms = [mention(text, "Jasim Kadhim al-Rawi"), mention(text, "Abu Sajjad al-Rawi"), mention(text, "Rawi", nth=2)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    kinds = [k for k, _ in ents[0].links]
    assert "alias-definition:known-as" in kinds and "partial:surname" in kinds


# -- titles and roles -------------------------------------------------------------------------------


def test_apposition_titles_are_kept():
    text = ("Tariq Mansour, a spokesman for the provincial council, said the road was open. "
            "Rana Qasim, who fled the town, said it was not. Omar Saleh, the son of the mayor, agreed.")
    ms = [mention(text, "Tariq Mansour"), mention(text, "Rana Qasim"), mention(text, "Omar Saleh")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "Tariq Mansour").titles == ["a spokesman for the provincial council"]
    assert entity_of(out, ents, "Rana Qasim").titles == []
    assert entity_of(out, ents, "Omar Saleh").titles == []


def test_unique_role_links_to_the_titled_person():
    text = ("Col. Haidar Nouri led the patrol. Tariq Mansour, a farmer, watched. "
            "The colonel said the area was safe.")
    ms = [mention(text, "Col. Haidar Nouri", title="Col."), mention(text, "Tariq Mansour"),
          mention(text, "The colonel", origin="role")]
    out, ents = link_mentions(text, ms)
    colonel = entity_of(out, ents, "Col. Haidar Nouri")
    assert entity_of(out, ents, "The colonel") is colonel
    assert colonel.titles == ["Col.", "The colonel"]
    assert ("role" in [k for k, _ in colonel.links])


def test_role_with_two_candidates_stays_unlinked():
    text = "Col. Haidar Nouri and Lt. Col. Sami Rashid led the patrols. The colonel said the area was safe."
    ms = [mention(text, "Col. Haidar Nouri", title="Col."), mention(text, "Lt. Col. Sami Rashid", title="Lt. Col."),
          mention(text, "The colonel", origin="role")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2
    assert entity_of(out, ents, "The colonel") is None


def test_role_without_candidate_makes_no_entity():
    text = "Tariq Mansour spoke. The prime minister did not comment."
    ms = [mention(text, "Tariq Mansour"), mention(text, "The prime minister", origin="role")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert entity_of(out, ents, "The prime minister") is None


def test_role_qualifiers_must_fit():
    text = ("Foreign Minister Rana Qasim arrived on Monday. Prime Minister Tariq Mansour met her. "
            "The prime minister said the border would reopen.")
    ms = [mention(text, "Foreign Minister Rana Qasim", title="Foreign Minister"),
          mention(text, "Prime Minister Tariq Mansour", title="Prime Minister"),
          mention(text, "The prime minister", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The prime minister").name == "Tariq Mansour"


def test_role_qualified_by_an_acronym_of_the_organisation():
    text = ("Fighters of the Northern Valley Defence Units (NVDU) moved in. Omar Saleh, a spokesman for the "
            "Northern Valley Defence Units, confirmed it. Rana Qasim, a spokeswoman for the ministry, did not. "
            "The NVDU spokesman said more would follow.")
    ms = [mention(text, "Northern Valley Defence Units", "ORG"), mention(text, "NVDU", "ORG"),
          mention(text, "Omar Saleh"), mention(text, "Northern Valley Defence Units", "ORG", nth=1),
          mention(text, "Rana Qasim"), mention(text, "The NVDU spokesman", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The NVDU spokesman").name == "Omar Saleh"


def test_generic_noun_of_a_role_picks_between_candidates():
    text = ("Omar Saleh, a spokesman for the alliance, spoke first. Rana Qasim, a spokeswoman for the "
            "ministry, followed. The alliance spokesman later denied it.")
    ms = [mention(text, "Omar Saleh"), mention(text, "Rana Qasim"),
          mention(text, "The alliance spokesman", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The alliance spokesman").name == "Omar Saleh"


def test_role_of_another_type_is_not_linked():
    text = "Col. Haidar Nouri spoke. The colonel's brigade withdrew."
    ms = [mention(text, "Col. Haidar Nouri", title="Col."), mention(text, "The colonel", "ORG", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The colonel") is None


def test_org_anaphor_links_to_the_only_org_of_its_kind():
    text = ("Fighters of the Guardians of the Valley Alliance and the Sabr Brigade held the ridge. "
            "The alliance said the brigade had lost two men. The ministry did not comment.")
    ms = [mention(text, "Guardians of the Valley Alliance", "ORG"), mention(text, "Sabr Brigade", "ORG"),
          mention(text, "The alliance", "ORG", origin="role"), mention(text, "the brigade", "ORG", origin="role"),
          mention(text, "The ministry", "ORG", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The alliance").name == "Guardians of the Valley Alliance"
    assert entity_of(out, ents, "the brigade").name == "Sabr Brigade"
    assert entity_of(out, ents, "The ministry") is None
    assert ents[0].titles == [] and ("anaphor" in [k for k, _ in ents[0].links])


def test_org_anaphor_with_two_candidates_stays_unlinked():
    text = "The Sabr Brigade and the Nasr Brigade clashed. The brigade said it won."
    ms = [mention(text, "Sabr Brigade", "ORG"), mention(text, "Nasr Brigade", "ORG"),
          mention(text, "The brigade", "ORG", origin="role")]
    out, ents = link_mentions(text, ms)
    assert entity_of(out, ents, "The brigade") is None


def test_definition_made_by_an_anaphor():
    text = ("The Guardians of the Valley Alliance was formed in May. The alliance, known in Arabic as "
            "Tahaluf Hurras al-Wadi, has three factions.")
    ms = [mention(text, "Guardians of the Valley Alliance", "ORG"), mention(text, "The alliance", "ORG", origin="role")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1
    assert ents[0].names == ["Guardians of the Valley Alliance", "Tahaluf Hurras al-Wadi"]
    assert ents[0].links[0][0] == "alias-definition:anaphor-known-as"


# -- demonyms and pronouns --------------------------------------------------------------------------


def test_demonyms_and_pronouns_are_left_alone():
    text = "Iraqi troops entered Qarmala. He said Iraq would hold it. Iraqi officials agreed."
    ms = [mention(text, "Iraqi", "LOC", origin="demonym"), mention(text, "Qarmala", "LOC"),
          mention(text, "He", origin="pronoun"), mention(text, "Iraq", "LOC", nth=1),
          mention(text, "Iraqi", "LOC", origin="demonym", nth=1)]
    out, ents = link_mentions(text, ms)
    assert [e.name for e in ents] == ["Qarmala", "Iraq"]
    assert [m.entity for m in out if m.origin in ("demonym", "pronoun")] == [-1, -1, -1]
    check_consistent(out, ents)


# -- cost -------------------------------------------------------------------------------------------


def test_cost_is_not_all_pairs(monkeypatch):
    calls = 0
    real = local.name_similarity

    def counting(a, b, typ=None):
        nonlocal calls
        calls += 1
        return real(a, b, typ)

    monkeypatch.setattr(local, "name_similarity", counting)
    given = ["Tariq", "Rana", "Omar", "Sami", "Karim", "Nadia", "Layth", "Huda", "Bilal", "Yasir"]
    family = ["Mansour", "Qasim", "Saleh", "Nouri", "Rashid", "Hamdan", "Faris", "Jaber", "Zaki", "Wahab"]
    names = [f"{g} {f}" for g in given for f in family]
    text = ". ".join(f"{n} spoke" for n in names * 3) + "."
    ms, pos = [], 0
    for n in names * 3:
        start = text.index(n, pos)
        ms.append(EntityMention(start, start + len(n), n, "PERSON"))
        pos = start + len(n)
    out, ents = link_mentions(text, ms)
    assert len(ents) == 100
    assert calls < 100 * 99 // 2 // 4
    check_consistent(out, ents)


@pytest.mark.parametrize("text, place, group", [
    # the definition's subject is the affiliate, not the place inside its phrase
    ("Attacks have targeted officials of the network's affiliate in Norland known as Liwa al-Qamar.",
     "Norland", "Liwa al-Qamar"),
    ("Strikes hit the branch in Eastmark known as the Dawn Front on Friday.", "Eastmark", "Dawn Front"),
])
def test_a_known_as_definition_never_joins_a_place_to_the_group_after_it(text, place, group):
    mentions = [mention(text, place, "LOC"), mention(text, group, "ORG")]
    out, entities = link_mentions(text, mentions)
    check_consistent(out, entities)
    assert entity_of(out, entities, place) is not entity_of(out, entities, group)


def test_a_country_is_never_known_as_an_armed_group():
    text = "Fighters entered Norway, known as the Sunrise Brigades, on Monday."
    mentions = [mention(text, "Norway", "LOC"), mention(text, "Sunrise Brigades", "ORG")]
    out, entities = link_mentions(text, mentions)
    assert entity_of(out, entities, "Norway") is not entity_of(out, entities, "Sunrise Brigades")
    # the type check leaves a real definition between two organisations alone
    text = "The Dawn Front, also known as Liwa al-Fajr, denied it."
    mentions = [mention(text, "Dawn Front", "ORG"), mention(text, "Liwa al-Fajr", "ORG")]
    out, entities = link_mentions(text, mentions)
    assert entity_of(out, entities, "Dawn Front") is entity_of(out, entities, "Liwa al-Fajr")


def test_an_organisation_named_without_the_complement_of_its_head_word_is_one_entity():
    text = "The Norland Observatory for Human Rights said ten died. The Norland Observatory said more may die."
    mentions = [mention(text, "Norland Observatory for Human Rights", "ORG"), mention(text, "Norland Observatory", "ORG", nth=1)]
    out, entities = link_mentions(text, mentions)
    assert len(entities) == 1


def test_a_compound_adjective_before_a_defined_name_is_not_part_of_it():
    text = "Fighters of the Dawn-linked Velmora Army formerly known as the Sahil Front advanced. The Sahil Front denied it."
    ms = [mention(text, "Velmora Army", "ORG"), mention(text, "Sahil Front", "ORG"), mention(text, "Sahil Front", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    army = entity_of(out, ents, "Velmora Army")
    assert army is not None and army is entity_of(out, ents, "Sahil Front", 1)


def test_a_name_the_model_cut_short_takes_the_end_its_definition_shows():
    text = "The Dawn Front of the Northern Hills and Coast, also known as the Harbour Brigade, advanced on Lyon."
    ms = [mention(text, "Dawn Front", "ORG"), mention(text, "Harbour Brigade", "ORG"), mention(text, "Lyon", "LOC")]
    out, ents = link_mentions(text, ms)
    assert [m.text for m in out if m.type == "ORG"][0] == "Dawn Front of the Northern Hills and Coast"
    front = entity_of(out, ents, "Dawn Front of the Northern Hills and Coast")
    assert front is not None and front is entity_of(out, ents, "Harbour Brigade")
    assert entity_of(out, ents, "Lyon") is not front


# -- an acronym in parentheses that does not spell the name --------------------------------------


def test_acronym_that_labels_an_organisation_in_another_language_joins_it():
    text = "Fighters of the Norland Workers Party (PKN) crossed the border. PKN units then withdrew."
    ms = [mention(text, "Norland Workers Party", "ORG"), mention(text, "PKN", "ORG"),
          mention(text, "PKN", "ORG", nth=1)]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 1


def test_acronym_label_after_a_place_or_a_person_joins_nothing():
    text = "Troops entered Velmora Heights (PKN) on Monday, said Karim Tarmi (NNA)."
    ms = [mention(text, "Velmora Heights", "LOC"), mention(text, "PKN", "ORG"),
          mention(text, "Karim Tarmi", "PERSON"), mention(text, "NNA", "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 4


def test_an_organisations_acronym_does_not_spell_a_division():
    text = "Shelling hit Velmora province on Monday, VP reported."
    ms = [mention(text, "Velmora province", "ORG"), mention(text, "VP", "ORG")]
    out, ents = link_mentions(text, ms)
    assert len(ents) == 2


def test_a_name_with_its_first_words_as_initials_is_the_same_organisation():
    text = "The United Nations Relief Office said the UN Relief Office had sent food; the UN Refugee Office did not."
    ms = [mention(text, "United Nations Relief Office", "ORG"), mention(text, "UN Relief Office", "ORG"),
          mention(text, "UN Refugee Office", "ORG")]
    out, ents = link_mentions(text, ms)
    assert out[0].entity == out[1].entity != out[2].entity


def test_an_international_bodys_organ_without_the_bodys_name():
    # "the Security Council" after "the UN Security Council": the organ, written without its body
    for long in ("UN Security Council", "United Nations Relief Council"):
        short = long.split(None, 2 if long.startswith("United") else 1)[-1]
        text = f"The {long} met on Monday. The {short} condemned the shelling of Velmora."
        ms = [mention(text, long, "ORG"), mention(text, short, "ORG", nth=1)]
        out, ents = link_mentions(text, ms)
        assert len(ents) == 1 and ents[0].links[0][0] == "short-form", long
    # a national body's organ stays apart from another's ("Norland Security Council")
    text = "The Norland Security Council met. The Security Council condemned it."
    ms = [mention(text, "Norland Security Council", "ORG"), mention(text, "Security Council", "ORG", nth=1)]
    assert len(link_mentions(text, ms)[1]) == 2


def test_one_region_cue_among_bare_mentions_of_a_town_does_not_make_it_a_region():
    import dataclasses

    text = "Shells hit Velmora on Monday. Fighting spread across the Velmora region. Residents of Velmora fled."
    ms = [mention(text, "Velmora", "LOC"), dataclasses.replace(mention(text, "Velmora", "LOC", nth=1), subtype="region"),
          mention(text, "Velmora", "LOC", nth=2)]
    _, ents = link_mentions(text, ms)
    assert len(ents) == 1 and ents[0].subtype is None
    # a place the document calls a region more often than not stays one
    text = "Rain fell on the Qarnos region. The Qarnos region flooded. Qarnos is large."
    ms = [dataclasses.replace(mention(text, "Qarnos", "LOC"), subtype="region"),
          dataclasses.replace(mention(text, "Qarnos", "LOC", nth=1), subtype="region"), mention(text, "Qarnos", "LOC", nth=2)]
    _, ents = link_mentions(text, ms)
    assert ents[0].subtype == "region"
