"""Titles, honorifics and roles before names (examples invented for the tests)."""

import pytest

from newsgraph.names.titles import is_title_phrase, split_title


@pytest.mark.parametrize(
    "mention,title,name",
    [
        ("Grand Ayatollah Faris al-Tarmi", "Grand Ayatollah", "Faris al-Tarmi"),
        ("Ayatollah Nizar Dulfi", "Ayatollah", "Nizar Dulfi"),
        ("Sheikh Kamil al-Shawwaf", "Sheikh", "Kamil al-Shawwaf"),
        ("Sayyed Salim Qarnawi", "Sayyed", "Salim Qarnawi"),
        ("Col. Yasin Tarmi", "Col.", "Yasin Tarmi"),
        ("Lt. Col. Yasin Tarmi", "Lt. Col.", "Yasin Tarmi"),
        ("Maj. Gen. Walid al-Zubari", "Maj. Gen.", "Walid al-Zubari"),
        ("Brig. Gen. Walid al-Zubari", "Brig. Gen.", "Walid al-Zubari"),
        ("Gen. Zubari", "Gen.", "Zubari"),
        ("General Walid Zubari", "General", "Walid Zubari"),
        ("Captain Rafi Dulfi", "Captain", "Rafi Dulfi"),
        ("Prime Minister Rafi Dulfi", "Prime Minister", "Rafi Dulfi"),
        ("President Rafi Dulfi", "President", "Rafi Dulfi"),
        ("Minister Rafi Dulfi", "Minister", "Rafi Dulfi"),
        ("spokesman Rafi Dulfi", "spokesman", "Rafi Dulfi"),
    ],
)
def test_title_vocabulary(mention, title, name):
    assert split_title(mention) == (title, name)


def test_descriptors_before_title():
    assert split_title("Iraqi Prime Minister Rafi Dulfi") == ("Iraqi Prime Minister", "Rafi Dulfi")
    assert split_title("Valley Front spokesman Abu Fadil al-Tarmi") == ("Valley Front spokesman", "Abu Fadil al-Tarmi")
    assert split_title("Defense Secretary Rafi Dulfi") == ("Defense Secretary", "Rafi Dulfi")
    assert split_title("the late Sayyed Salim Qarnawi") == ("the late Sayyed", "Salim Qarnawi")
    assert split_title("former Staff Maj. Gen. Walid Zubari") == ("former Staff Maj. Gen.", "Walid Zubari")


def test_honorific_inside_a_name_is_not_a_title():
    assert split_title("Kataib Sayyid al-Qarnawi") == ("", "Kataib Sayyid al-Qarnawi")
    assert split_title("Liwa Imam al-Dulfi") == ("", "Liwa Imam al-Dulfi")


def test_no_name_left_means_no_split():
    assert split_title("Office of the Supreme Leader") == ("", "Office of the Supreme Leader")
    assert split_title("Rafi Dulfi") == ("", "Rafi Dulfi")
    assert split_title("the Prime Minister") == ("", "the Prime Minister")
    assert split_title("Prime Minister's Office") == ("", "Prime Minister's Office")


def test_title_before_non_person_words_is_kept():
    assert split_title("General Command of the Armed Forces") == ("", "General Command of the Armed Forces")


def test_is_title_phrase():
    assert is_title_phrase("Lt. Col.")
    assert is_title_phrase("Grand Ayatollah")
    assert not is_title_phrase("Dulfi")


def test_a_hyphenated_rank_is_a_title():
    assert split_title("Major-General Pavel Orlov") == ("Major-General", "Pavel Orlov")
    assert split_title("Jean-Pierre Dupont") == ("", "Jean-Pierre Dupont")
