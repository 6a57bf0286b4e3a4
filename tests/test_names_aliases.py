"""In-document alias definitions and partial-name references (all text invented for the tests)."""

import pytest

from newsgraph.names.aliases import Mention, find_alias_definitions, resolve_partial_mentions


def defs(text):
    return [(d.long_text, d.short_text, d.pattern) for d in find_alias_definitions(text)]


def test_offsets_are_exact():
    text = "Fighters of the Northern Valley Defence Units (NVDU) moved in."
    (d,) = find_alias_definitions(text)
    assert text[d.long_span[0] : d.long_span[1]] == "Northern Valley Defence Units"
    assert text[d.short_span[0] : d.short_span[1]] == "NVDU"
    assert d.pattern == "paren-acronym"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Fighters of the Northern Valley Defence Units (NVDU) moved.",
         ("Northern Valley Defence Units", "NVDU", "paren-acronym")),
        ("The Popular Mobilisation Units (PMUs) said.", ("Popular Mobilisation Units", "PMUs", "paren-acronym")),
        ("Later the NVDU (Northern Valley Defence Units) said.",
         ("Northern Valley Defence Units", "NVDU", "paren-expansion")),
        ("Militants of al-Qaeda in the Southern Desert (AQSD) fled.",
         ("al-Qaeda in the Southern Desert", "AQSD", "paren-acronym")),
        ("It calls itself Tamas, an Arabic acronym for Tahaluf al-Muqawama al-Sharqiya.",
         ("Tahaluf al-Muqawama al-Sharqiya", "Tamas", "acronym-for")),
        ("The Eastern Front, known by its acronym EF, said.", ("Eastern Front", "EF", "by-acronym")),
        ("Saraya al-Nasr, also known as the Victory Companies, denied it.",
         ("Saraya al-Nasr", "Victory Companies", "known-as")),
        ("The Victory Companies, known in Arabic as Saraya al-Nasr, said.",
         ("Victory Companies", "Saraya al-Nasr", "known-in-language-as")),
        ("Jund al-Wadi, also called Valley Soldiers, said.", ("Jund al-Wadi", "Valley Soldiers", "also-called")),
        ("Jund al-Wadi (aka Valley Soldiers) said.", ("Jund al-Wadi", "Valley Soldiers", "aka")),
        ("Jund al-Wadi, which translates as Valley Soldiers, said.",
         ("Jund al-Wadi", "Valley Soldiers", "translates-as")),
        ('Liwa al-Fajr, meaning "Dawn Brigade", clashed.', ("Liwa al-Fajr", "Dawn Brigade", "meaning")),
        ("Beit al-Nour, Arabic for House of Light, opened.", ("Beit al-Nour", "House of Light", "language-for")),
        ('Harakat al-Jabal, or the "Mountain Movement", said.', ("Harakat al-Jabal", "Mountain Movement", "or")),
        ("Harakat al-Jabal, or Mountain Movement, said.", ("Harakat al-Jabal", "Mountain Movement", "or")),
        ("Asa'ib Qadim, the 'League of the Ancients', met.",
         ("Asa'ib Qadim", "League of the Ancients", "quoted-translation")),
        ("Kutaib Ahl al-Sahil (Coast People Battalions) fought.",
         ("Kutaib Ahl al-Sahil", "Coast People Battalions", "paren-alt")),
        ("Fighters pushed on. Tamas is an Arabic acronym for Tahaluf al-Muqawama al-Sharqiya.",
         ("Tahaluf al-Muqawama al-Sharqiya", "Tamas", "is-acronym-for")),
        ("NVDU stands for Northern Valley Defence Units, a militia.",
         ("Northern Valley Defence Units", "NVDU", "is-acronym-for")),
        # a lower-case kind noun after the name: the definition is about the name
        ('He founded the Asa\'ib Qadim network, aka the "League of the Ancients." He fled.',
         ("Asa'ib Qadim", "League of the Ancients", "aka")),
    ],
)
def test_patterns(text, expected):
    assert expected in defs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Attacks on Basra, Najaf, or Karbala were reported.",  # a list, not an alias
        "MOSUL, Iraq (Wire) - Fighting resumed.",  # agency in parentheses
        "A militia known as the main force in the area left.",  # lower-case phrase after 'known as'
        "Fighters (about 200) left the town.",
        "The deal (PMF) was signed.",  # acronym that does not spell the words before it
    ],
)
def test_non_aliases(text):
    assert defs(text) == []


def test_kind_noun_after_a_description_is_no_name():
    # "40 Sunni militia" describes; only "the X network/militia" names X
    found = defs("A grouping of 40 Sunni militia known as the Valley Units met.")
    assert not any("Sunni" in long or "Sunni" in short for long, short, _ in found)


def test_paren_alt_is_the_weak_pattern():
    # a capitalised two-word phrase in parentheses is reported, under its own pattern name, so that
    # callers can weigh it (it may be a region rather than a translation)
    assert defs("Police in Qarmala (Northern Province) said.") == [("Qarmala", "Northern Province", "paren-alt")]
    assert ("Islamic Emirate of Qarmala", "Qarmala Emirate", "known-as") in defs(
        "Islamic Emirate of Qarmala, also known as Qarmala Emirate, said."
    )


def test_several_definitions_sorted_by_position():
    text = ("The Northern Valley Defence Units (NVDU) and Saraya al-Nasr, also known as the Victory "
            "Companies, met the Eastern Front (EF).")
    pats = [p for _, _, p in defs(text)]
    assert pats == ["paren-acronym", "known-as", "paren-acronym"]


# --- partial names ---------------------------------------------------------------------------


def M(*texts):
    out, pos = [], 0
    for t in texts:
        out.append(Mention(pos, pos + len(t), t))
        pos += len(t) + 50
    return out


def links(ms, **kw):
    return {(l.mention, l.full, l.kind) for l in resolve_partial_mentions(ms, **kw)}


def test_surname_after_full_name():
    ms = M("Faris al-Tarmi", "Tarmi")
    assert links(ms) == {(1, 0, "surname")}


def test_surname_with_particle_and_title():
    ms = M("Jafar al-Hosseini", "al-Hosseini", "Col. Hosseini")
    assert links(ms) == {(1, 0, "surname"), (2, 0, "surname")}


def test_ambiguous_surname_refused():
    ms = M("Faris al-Tarmi", "Nizar al-Tarmi", "Tarmi")
    (l,) = resolve_partial_mentions(ms)
    assert l.full is None and l.kind == "ambiguous"


def test_spelling_variants_of_one_person_are_not_ambiguous():
    ms = M("Faris al-Tarmi", "Tarmi", "Faris al-Tarmy")
    assert links(ms) == {(1, 0, "surname")}


def test_given_name_only_when_unambiguous():
    assert links(M("Faris al-Tarmi", "Faris")) == {(1, 0, "given-name")}
    assert links(M("Faris al-Tarmi", "Faris"), allow_given_name=False) == set()
    (l,) = resolve_partial_mentions(M("Faris al-Tarmi", "Faris Dulfi", "Faris"))
    assert l.kind == "ambiguous"


def test_kunya_reference():
    ms = M("Abu Fadil al-Tarmi", "Abu Fadil", "Tarmi")
    assert links(ms) == {(1, 0, "kunya"), (2, 0, "surname")}


def test_middle_name_alone_is_not_a_reference():
    assert links(M("Faris Karim al-Tarmi", "Karim")) == set()


def test_nearest_preceding_full_mention_and_cataphora():
    ms = M("Tarmi", "Faris al-Tarmi", "Faris Tarmi", "Tarmi")
    got = links(ms)
    assert (0, 1, "surname") in got  # only later full mentions: the first one
    assert (3, 2, "surname") in got  # nearest preceding


def test_accepts_tuples():
    assert links([(0, 14, "Faris al-Tarmi"), (40, 45, "Tarmi")]) == {(1, 0, "surname")}


def test_an_acronym_that_does_not_spell_the_name_before_it_labels_it():
    defs = find_alias_definitions("Fighters of the self-proclaimed Dawn State (DSVN) attacked Sahil.")
    assert [(d.pattern, d.long_text, d.short_text) for d in defs] == [("paren-label", "Dawn State", "DSVN")]


@pytest.mark.parametrize("text", ["NORTH CITY (NNA) - Fighting resumed.", "Shelling resumed.\nNorth City (NNA) - Fighting",
                                  "Shelling hit Sahil (NNA) on Monday."])
def test_datelines_and_single_words_are_not_labelled(text):
    assert [d for d in find_alias_definitions(text) if d.pattern == "paren-label"] == []
