"""Acronym detection and matching by general rules (no acronym tables)."""

import pytest

from newsgraph.names.acronyms import acronym_keys, acronym_letters, acronym_match, explain_acronym, initials, is_acronym


@pytest.mark.parametrize("t", ["PMF", "PMUs", "U.S.", "MoD", "NVDU", "IRGC-QF"])
def test_is_acronym(t):
    assert is_acronym(t)


@pytest.mark.parametrize("t", ["Daesh", "Baghdad", "A", "Popular Mobilization", "the", "I"])
def test_is_not_acronym(t):
    assert not is_acronym(t)


@pytest.mark.parametrize(
    "acr,long",
    [
        ("PMF", "Popular Mobilization Forces"),
        ("PMU", "Popular Mobilization Units"),
        ("PMUs", "Popular Mobilisation Units"),
        ("NVDU", "Northern Valley Defence Units"),
        ("ISTR", "Islamic State of the Two Rivers"),  # of/the skipped
        ("MoD", "Ministry of Defence"),  # function word giving its letter
        ("AQSD", "al-Qaeda in the Southern Desert"),  # particle giving its letter
        ("CTS", "Counter-Terrorism Service"),  # hyphenated words
        ("TSh", "Tahaluf Shamali"),  # digraph
    ],
)
def test_acronym_match(acr, long):
    assert acronym_match(acr, long)


@pytest.mark.parametrize(
    "acr,long",
    [
        ("PMF", "Popular Mobilization Units"),
        ("PMF", "Popular Mobilization Forces Commission"),  # uncovered content word
        ("NVDU", "Northern Valley Units"),
        ("PM", "Popular Mobilization Forces"),
        ("FMP", "Popular Mobilization Forces"),  # order matters
    ],
)
def test_acronym_mismatch(acr, long):
    assert not acronym_match(acr, long)


def test_pronounceable_arabic_style_acronym():
    # vowel-initial Arabic words (alif/ayn) may surface as any vowel; particles are skipped
    assert acronym_match("Daqam", "al-Dawla al-Qawmiya fi al-Ard wa al-Maghrib")
    # in a word-like acronym, up to two vowels may be fillers added for pronunciation
    assert acronym_match("Tamas", "Tahaluf al-Muqawama al-Sharqiya")
    assert not acronym_match("TAMAS", "Tahaluf Muqawama Sharqiya")  # all-caps: every letter must be spelled
    assert acronym_match("TAMAS", "Tahaluf al-Muqawama al-Sharqiya")  # ... here by the particles
    assert explain_acronym("Daqam", "al-Dawla al-Qawmiya fi al-Ard wa al-Maghrib") is not None


def test_explain_and_keys():
    assert explain_acronym("PMF", "the Popular Mobilization Forces") == "PMF = Popular Mobilization Forces"
    assert acronym_keys("PMF") & acronym_keys("Popular Mobilization Forces")
    assert acronym_keys("U.S.") == {"ACR:US"}
    assert initials("Islamic State of Iraq and the Levant") == "ISIL"
    assert acronym_letters("PMUs") == "pmu"


def test_a_word_written_as_initials_gives_all_its_letters():
    # "NDF Relief Office" abbreviated "NDFRO": the initials of a word of initials are all its letters
    assert acronym_match("NDFRO", "NDF Relief Office")
    assert acronym_match("UNRO", "UN Relief Office")
    assert "ACR:UNRO" in acronym_keys("UN Relief Office")
    assert not acronym_match("UNRO", "Un Relief Office")  # a word in lower case is a word
