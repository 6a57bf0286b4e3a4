"""Quotations and attribution (newsgraph.extract.quotes).

All sentences are our own inventions. The seed test reads /work/shared/corpus/seeds at run time (skipped
when absent) and asserts only aggregate patterns, never their sentences.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import Quote, find_quotes

from conftest import SEEDS, WIRE_STORY


def direct(text: str) -> list[Quote]:
    return [q for q in find_quotes(text) if q.kind == "direct"]


def check_offsets(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_text is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
            assert q.cue_start <= q.speaker_start and q.speaker_end <= q.cue_end
        if q.speaker_role is not None:
            assert text[q.role_start:q.role_end] == q.speaker_role
        if q.speaker_hint is not None:
            assert text[q.hint_start:q.hint_end] == q.speaker_hint


# --- direct quotes, cue after --------------------------------------------------------------------


def test_said_x_inverted_with_age_and_apposition():
    text = '"We came to guard the wells, nothing more," said Karim Haddad, 31, a volunteer from the delta villages.'
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.text == "We came to guard the wells, nothing more,"
    assert (q.speaker_text, q.how) == ("Karim Haddad", "after-inverted")
    assert text[q.cue_start:q.cue_end] == "said Karim Haddad"
    assert q.speaker_role == "a volunteer from the delta villages"


def test_x_said_after_curly():
    text = "“The road is open again,” Haddad said."
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.text, q.speaker_text, q.how) == ("The road is open again,", "Haddad", "after")
    assert text[q.cue_start:q.cue_end] == "Haddad said"


def test_apposition_role():
    text = ("“Our units are ready to move to any front,” Samir al-Tamimi, a spokesman for the river brigade, "
            "told reporters in the capital on Friday.")
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.speaker_text == "Samir al-Tamimi"
    assert q.speaker_role == "a spokesman for the river brigade"
    assert text[q.cue_start:q.cue_end].endswith("told reporters")


def test_pronoun_speaker_with_hint():
    text = ("Lina Okafor, a nurse at the field clinic, described the night. "
            "“We ran out of bandages by midnight,” she said.")
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.speaker_text == "she"
    assert q.speaker_hint == "Lina Okafor"


def test_hint_prefers_previous_named_speaker():
    text = ("“The bridge will hold,” said Tomas Brandt, an engineer.\n\n"
            "“It was built for tanks,” he added.")
    qs = direct(text)
    check_offsets(text, qs)
    assert qs[1].speaker_text == "he" and qs[1].speaker_hint == "Tomas Brandt"


def test_split_quote_both_halves_same_speaker():
    text = "“We held the hill for three days,” he said. “Then the ammunition ran out.”"
    qs = direct(text)
    check_offsets(text, qs)
    assert [q.text for q in qs] == ["We held the hill for three days,", "Then the ammunition ran out."]
    assert [q.speaker_text for q in qs] == ["he", "he"]
    assert qs[1].how == "continuation"
    assert (qs[0].cue_start, qs[0].cue_end) == (qs[1].cue_start, qs[1].cue_end)


def test_quote_interrupted_mid_sentence():
    text = '"We asked them for trucks" to move the wounded, she said, "but none came for a week."'
    qs = direct(text)
    check_offsets(text, qs)
    assert len(qs) == 2
    assert [q.speaker_text for q in qs] == ["she", "she"]
    assert qs[0].how == "after-mid" and qs[1].how == "before"


def test_several_sentences_in_one_quote():
    text = "“The water is gone. The power is gone. We are next,” said the mayor of the town."
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.text.startswith("The water is gone.") and q.text.endswith("We are next,")
    assert q.speaker_text == "the mayor of the town"


# --- direct quotes, cue before -------------------------------------------------------------------


def test_x_said_colon_before():
    text = 'The commander said: "Nobody leaves the base tonight."'
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.speaker_text, q.how) == ("The commander", "before")


def test_apposition_said_before_and_insisted_that():
    text = ("In a statement, Farah Nasser, the governor of the northern district, insisted that "
            "“no civilian was harmed during the raid.”")
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.speaker_text == "Farah Nasser"
    assert q.speaker_role == "the governor of the northern district"


def test_according_to_direct():
    text = "According to the district police chief, “the smugglers crossed at night in small boats.”"
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.how == "according-to" and q.speaker_text == "the district police chief"


# --- quote spanning paragraphs -------------------------------------------------------------------


def test_quote_running_over_paragraphs():
    text = ("“We buried eleven people that week,” said Rahim Sato. “Nobody came to help us.\n\n"
            "“The next week we buried nine more.”\n\nThe army denies the account.")
    qs = direct(text)
    check_offsets(text, qs)
    assert len(qs) == 2
    second = qs[1]
    assert second.text.startswith("Nobody came to help us.") and second.text.endswith("nine more.")
    assert len(second.parts) == 2
    assert [text[s:e] for s, e in second.parts] == ["Nobody came to help us.", "The next week we buried nine more."]
    assert second.speaker_text == "Rahim Sato"


def test_unclosed_quote_without_continuation_is_dropped():
    text = "“This quote never ends and nobody closes it\n\nThe next paragraph is plain narration."
    assert direct(text) == []


# --- not quotes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry called the province the main “arena” of the conflict.",
        'Critics called the deal a "sellout" and walked out.',
        "The group, known as the “Guardians of the Valley,” runs three checkpoints.",
        "The militia, also called the 'Sons of the River', denies it.",
        "Fighters of the ‘Northern Shield’ brigade moved in.",
        "It was a so-called \"humanitarian pause\" in name only.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text):
    assert direct(text) == []


def test_short_quote_with_cue_is_kept():
    text = "“Never again,” she said."
    (q,) = direct(text)
    assert q.text == "Never again," and q.speaker_text == "she"


def test_short_question_is_kept_as_continuation():
    text = "“They call us thieves,” said Omar Bekele, a driver. “Is that fair?”"
    qs = direct(text)
    assert [q.text for q in qs] == ["They call us thieves,", "Is that fair?"]
    assert qs[1].speaker_text == "Omar Bekele"


def test_fragment_inside_indirect_report():
    text = ("A monitoring group says that the militias committed “grave abuses against fleeing families” "
            "near the border.")
    (q,) = direct(text)
    check_offsets(text, [q])
    assert q.fragment is True
    assert q.speaker_text == "A monitoring group" and q.how == "in-indirect"


def test_inner_single_quotes_stay_inside():
    text = "“They told us, ‘Leave by morning or stay forever,’ and then they left,” said Nadia Farouk."
    (q,) = direct(text)
    assert "‘Leave by morning" in q.text and q.speaker_text == "Nadia Farouk"


# --- indirect -----------------------------------------------------------------------------------


def test_indirect_said_that():
    text = "The defense ministry said that the operation had been coordinated with the army."
    (q,) = find_quotes(text)
    check_offsets(text, [q])
    assert q.kind == "indirect"
    assert q.text == "the operation had been coordinated with the army"
    assert q.speaker_text == "The defense ministry"


def test_indirect_said_on_sunday_that():
    text = "Colonel Idris Mahmoud said on Sunday that two villages had been retaken."
    (q,) = find_quotes(text)
    check_offsets(text, [q])
    assert q.speaker_text == "Colonel Idris Mahmoud"
    assert q.text == "two villages had been retaken"
    assert text[q.cue_start:q.cue_end] == "Colonel Idris Mahmoud said on Sunday"


def test_indirect_told_y_that():
    text = "He told reporters that no one had consulted the council."
    (q,) = find_quotes(text)
    assert (q.kind, q.speaker_text, q.text) == ("indirect", "He", "no one had consulted the council")
    assert "told reporters" in text[q.cue_start:q.cue_end]


def test_indirect_without_that():
    text = "A spokesman for the brigade said four of its fighters had been killed."
    (q,) = find_quotes(text)
    assert (q.kind, q.speaker_text) == ("indirect", "A spokesman for the brigade")
    assert q.text == "four of its fighters had been killed"


def test_indirect_according_to():
    text = "According to local officials, more than 3,000 families have fled the district."
    (q,) = find_quotes(text)
    assert q.kind == "indirect" and q.speaker_text == "local officials"
    assert q.text == "more than 3,000 families have fled the district"
    text = "More than 3,000 families have fled the district, according to aid coordinator Mira Solberg."
    (q,) = find_quotes(text)
    assert q.speaker_text == "Mira Solberg" and q.speaker_role == "aid coordinator"
    assert q.text == "More than 3,000 families have fled the district"


def test_indirect_content_first():
    text = "The fighters pushed into the outskirts of the town after two days of shelling, commanders said."
    (q,) = find_quotes(text)
    assert q.kind == "indirect" and q.speaker_text == "commanders"
    assert q.text.startswith("The fighters pushed")


@pytest.mark.parametrize(
    "text",
    [
        "The road said to be mined was closed.",  # no subject before the verb
        "Nothing was said about the prisoners.",
        "The convoy left at dawn and reached the camp by noon.",
    ],
)
def test_no_indirect(text):
    assert find_quotes(text) == []


def test_wire_story_from_conftest():
    qs = find_quotes(WIRE_STORY)
    check_offsets(WIRE_STORY, qs)
    (farmer,) = [q for q in qs if q.kind == "direct"]
    assert farmer.speaker_text == "a farmer"
    assert any(q.kind == "indirect" and q.speaker_text == "He" for q in qs)


# --- seeds: aggregate patterns only --------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")), reason="seed corpus not present")
def test_seed_articles_patterns():
    total = attributed = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        qs = find_quotes(text)
        check_offsets(text, qs)
        d = [q for q in qs if q.kind == "direct"]
        total += len(d)
        attributed += sum(q.speaker_text is not None for q in d)
        for q in d:
            assert q.text.strip() and '"' not in q.text[:1] and "“" not in q.text[:1]
    assert total >= 20
    assert attributed / total >= 0.85


@pytest.mark.parametrize(
    "text, quote, speaker, role, cue",
    [
        ('Hana Weiss, a spokeswoman for the agency, said "the trucks will not move until the shelling stops."',
         "the trucks will not move until the shelling stops.", "Hana Weiss", "a spokeswoman for the agency",
         "Hana Weiss, a spokeswoman for the agency, said"),
        ('Officials said: "We expect the road to reopen within days."',
         "We expect the road to reopen within days.", "Officials", None, "Officials said"),
        ('"The talks failed," he said on Sunday.', "The talks failed,", "he", None, "he said"),
        ("“We will not leave our homes,” says the elder of the village.",
         "We will not leave our homes,", "the elder of the village", None, "says the elder of the village"),
    ],
)
def test_cue_forms(text, quote, speaker, role, cue):
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.text, q.speaker_text, q.speaker_role, text[q.cue_start:q.cue_end]) == (quote, speaker, role, cue)
