"""CAMEO/Phoenix dictionaries applied to resolved entities, with a dictionary written for the tests."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from newsgraph.entities import actors
from newsgraph.entities.resolve import ResolvedEntity

ACTORS = """\
QARMALA_VALLEY_FRONT_ [IRQREB]
+QVF_
+JABHAT_WADI_QARMALA_
+TARIQ_BAZZAZ_  # its founder: coded alike, not another name of the front
KARIM_HADI_AL_TARMI_
+KARIM_AL-TARMI_
+PRIME_MINISTER_KARIM_AL_TARMI
+KARIM_HADI_AL-TARMY_
\t[IRQGOV 20200101-20251231]
\t[IRQELI]
IRAQ_ [IRQ]
+SADUN_
BADR_ [IRQMIL]
"""
AGENTS = """\
SPOKESMAN [~MED]
PRIME_MINISTER [~GOV]
"""


@pytest.fixture()
def dictionaries(tmp_path):
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "Test.actors.txt").write_text(ACTORS)
    (folder / "Test.agents.txt").write_text(AGENTS)
    return actors.load([str(folder)])


def entity(name: str, typ: str, aliases=(), titles=()) -> ResolvedEntity:
    names = Counter({name: 1, **{a: 1 for a in aliases}})
    return ResolvedEntity(f"E{name}", name, typ, None, [], names, 1, 1, list(titles), [],
                          {a: ("acronym" if a.isupper() else "mention", 1) for a in names})


def test_codes_roles_and_aliases(dictionaries):
    front = entity("Qarmala Valley Front", "ORG", ["QVF"])
    person = entity("Karim al-Tarmi", "PERSON", titles=["spokesman"])
    town = entity("Sadun", "LOC")
    assert actors.annotate([front, person, town], dictionaries, {}) == 3
    assert front.meta["cameo"]["codes"] == ["IRQREB"]
    assert front.meta["cameo"]["countries"] == ["IRQ"] and "rebels" in front.meta["cameo"]["roles"]
    assert front.meta["cameo"]["entries"][0]["source"].endswith("Test.actors.txt:1")
    # synonyms that are spellings of the entity's own name become aliases; the others do not
    assert "Tariq Bazzaz" not in front.alias_kinds and "Jabhat Wadi Qarmala" not in front.alias_kinds
    assert person.alias_kinds.get("Karim Hadi al-Tarmi") == ("cameo", 0)
    assert not any(a.startswith("Prime") for a in person.alias_kinds)  # a title is not a name
    assert person.meta["cameo"]["agents"] == {"spokesman": "MED"} and "media" in person.meta["cameo"]["roles"]
    assert town.meta["cameo"]["codes"] == ["IRQ"] and set(town.alias_kinds) == {"Sadun"}


def test_dated_codes_follow_the_entity_s_documents(dictionaries):
    early, late = entity("Karim Hadi al-Tarmi", "PERSON"), entity("Karim Hadi al-Tarmi", "PERSON")
    late.id = "late"
    actors.annotate([early, late], dictionaries, {early.id: date(2021, 5, 1), late.id: date(2026, 5, 1)})
    assert early.meta["cameo"]["codes"] == ["IRQGOV"] and late.meta["cameo"]["codes"] == ["IRQELI"]


def test_lone_words_and_near_spellings_of_places_are_not_looked_up(dictionaries):
    badr = entity("Badr", "ORG")
    surname = entity("al-Tarmi", "PERSON")
    near_place = entity("Saduun", "LOC")
    assert actors.annotate([badr, surname, near_place], dictionaries, {}) == 0
    assert all("cameo" not in e.meta for e in (badr, surname, near_place))


def test_a_spelling_variant_of_a_full_name_is_found(dictionaries):
    person = entity("Kareem Hadi al-Tarmi", "PERSON")
    assert actors.annotate([person], dictionaries, {}) == 1


def test_missing_dictionaries_are_left_out(tmp_path):
    assert actors.load([str(tmp_path / "gone")]) is None
    assert actors.dictionary_paths([("merge", "a", "b"), ("actors", "/x", ""), ("actors", "/x", "")]) == ["/x"]


def test_dates_of_documents():
    assert actors.parse_date("2024-03") == date(2024, 3, 1)
    assert actors.parse_date("2024-03-10") == date(2024, 3, 10)
    assert actors.parse_date(None) is None and actors.parse_date("n.d.") is None
