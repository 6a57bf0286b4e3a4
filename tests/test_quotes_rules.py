"""Quote finding rules added for issue 5 (newsgraph.extract.quotes): short partial quotes, fragments after
verbs of saying or judging, cues in the next sentence or paragraph, and the cases that are not quotes.

All sentences, names and places are our own inventions.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import Quote, find_quotes


def direct(text: str) -> list[Quote]:
    return [q for q in find_quotes(text) if q.kind == "direct"]


def indirect(text: str) -> list[Quote]:
    return [q for q in find_quotes(text) if q.kind == "indirect"]


def check_offsets(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_text is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        if q.speaker_role is not None:
            assert text[q.role_start:q.role_end] == q.speaker_role


# --- short partial quotes ------------------------------------------------------------------------


def test_short_quote_inside_an_indirect_report_is_a_partial_quote():
    text = 'The militia said its gunmen had destroyed "at least six" armoured cars, a claim nobody could check.'
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.text, q.fragment, q.speaker_text, q.how) == ("at least six", True, "The militia", "in-indirect")


def test_short_quote_after_a_verb_of_judging_with_an_apposition_subject():
    text = ("Nadia Rahimi, the region’s water minister, called the ceasefire “a fragile start” and promised "
            "more talks.")
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.text, q.speaker_text, q.how) == ("a fragile start", "Nadia Rahimi", "act-verb")
    assert q.speaker_role == "the region’s water minister"


def test_put_the_toll_at():
    text = "The health office put the toll at “well over 40” on Thursday evening."
    (q,) = direct(text)
    assert (q.text, q.speaker_text) == ("well over 40", "The health office")


# --- fragments after verbs of saying or judging -------------------------------------------------


def test_organisation_mourns_and_blames_two_fragments_one_subject():
    text = ("In a message on its website, the movement praised the driver as “a son of the valley” and "
            "condemned “the cowards who planted the mine”.")
    qs = direct(text)
    check_offsets(text, qs)
    assert [q.text for q in qs] == ["a son of the valley", "the cowards who planted the mine"]
    assert [q.speaker_text for q in qs] == ["the movement", "the movement"]
    assert all(q.fragment for q in qs)


def test_a_second_clause_with_its_own_subject_takes_its_own_speaker():
    text = ("The council welcomed “a new chapter for the port” but the opposition denounced “a shameful "
            "deal made at night”.")
    qs = direct(text)
    assert [q.speaker_text for q in qs] == ["The council", "the opposition"]


def test_a_fragment_with_no_verb_of_saying_has_no_speaker():
    text = "The slogan “land before bread” appeared on walls across the old town last spring."
    qs = direct(text)
    assert all(q.speaker_text is None for q in qs)


# --- cues outside the quote's sentence -----------------------------------------------------------


def test_speaker_named_in_the_next_sentence():
    text = "“The bridge will stand again by summer.” Mayor Ilse Varga made the promise at a rally on Friday."
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.speaker_text, q.how) == ("Mayor Ilse Varga", "next-sentence")


def test_next_sentence_without_a_reporting_verb_gives_no_speaker():
    text = "“The bridge will stand again by summer.” The crowd applauded and went home."
    (q,) = direct(text)
    assert q.speaker_text is None


def test_cue_ending_the_paragraph_before():
    text = "Ilse Varga told the crowd outside the town hall:\n\n“We will rebuild every house on this street.”"
    (q,) = direct(text)
    check_offsets(text, [q])
    assert (q.speaker_text, q.how) == ("Ilse Varga", "before-paragraph")


def test_one_speaker_goes_on_in_the_next_paragraph():
    text = ("“We lost the whole harvest to the floods,” said Jonas Pike, a farmer.\n\n"
            "“Next year we plant again, and the year after.”")
    qs = direct(text)
    assert [q.speaker_text for q in qs] == ["Jonas Pike", "Jonas Pike"]
    assert qs[1].how == "continuation-paragraph"


def test_no_continuation_after_a_paragraph_without_a_quote():
    text = ("The river rose by two metres overnight and the ferry stopped.\n\n"
            "“Nobody told us anything about the dam release.”")
    (q,) = direct(text)
    assert q.speaker_text is None


# --- not quotes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the “corridor” was closed until further notice.",  # one word: a scare quote
        "Farmers crossed the “green line” at dawn to reach their fields.",  # no reporting verb claims it
        'Villagers fled the so-called "safe zone" at dawn.',
        'Marchers held placards reading "Bring them home now" outside the court.',
        'The committee published a report titled "the cost of silence in the valley" last week.',
        "The fighters, known as “the night watch of the river”, left the town.",
        "The unit, dubbed “the ghosts of the marsh” by locals, withdrew.",
    ],
)
def test_titles_signs_and_scare_quotes_are_not_quotes(text):
    assert direct(text) == []


# --- indirect speech -----------------------------------------------------------------------------


def test_according_to_an_officer_with_an_abbreviated_rank_and_an_apposition():
    text = "Two bridges were destroyed overnight, according to Lt. Col. Mara Jensen, a spokeswoman for the engineers."
    (q,) = indirect(text)
    check_offsets(text, [q])
    assert q.speaker_text == "Lt. Col. Mara Jensen"
    assert q.speaker_role == "a spokeswoman for the engineers"
    assert q.text == "Two bridges were destroyed overnight"


def test_according_to_with_apposition_then_content():
    text = "According to Pavel Ruzicka, an analyst at a policy institute in Brno, the blockade will not last."
    (q,) = indirect(text)
    check_offsets(text, [q])
    assert (q.speaker_text, q.speaker_role) == ("Pavel Ruzicka", "an analyst at a policy institute in Brno")
    assert q.text == "the blockade will not last"


def test_according_to_a_report_by_has_no_role():
    text = "According to a report by Open Borders Watch, at least 40 families were turned back at the crossing."
    (q,) = indirect(text)
    assert (q.speaker_text, q.speaker_role) == ("Open Borders Watch", None)


def test_a_passive_has_no_speaker():
    text = "Soldiers were seen near the pumping station, though this could not be confirmed."
    assert all(q.speaker_text != "this could not be" for q in find_quotes(text))
    assert indirect(text) == []


def test_a_place_inside_the_subject_stays_a_modifier():
    text = "The shelling lasted for more than two hours, police in Dornbach said."
    (q,) = indirect(text)
    assert q.speaker_text == "police in Dornbach"
    text = "Residents of Valdera said the water supply had been cut off for a week."
    (q,) = indirect(text)
    assert q.speaker_text == "Residents of Valdera"
    assert q.text == "the water supply had been cut off for a week"


def test_two_reported_clauses_both_belong_to_the_report():
    text = "The mayor said the dam had held and that no village downstream was flooded."
    (q,) = indirect(text)
    assert q.text == "the dam had held and that no village downstream was flooded"


# --- turn-taking ---------------------------------------------------------------------------------


def test_the_one_asked_answers_in_the_next_paragraph():
    text = ("“Will the army leave the town before winter?” the reporter asked Colonel Idris Mahmoud.\n\n"
            "“Not before the summer, and only if the road is safe.”")
    qs = direct(text)
    check_offsets(text, qs)
    assert [q.speaker_text for q in qs] == ["the reporter", "Colonel Idris Mahmoud"]
    assert qs[1].how == "answer"


def test_the_one_asked_answers_in_the_same_paragraph():
    text = "“Are you afraid of the shelling?” I asked the old farmer. “Of what? Everything I had is gone.”"
    qs = direct(text)
    assert [q.speaker_text for q in qs] == ["I", "the old farmer"]


def test_an_answer_by_somebody_unnamed_gets_no_speaker():
    text = "“Are you afraid of the shelling?” I asked him. “Of what? Everything I had is gone.”"
    qs = direct(text)
    assert [q.speaker_text for q in qs] == ["I", None]


def test_a_rhetorical_question_by_the_speaker_goes_on():
    text = "“Is that justice for the families?” asked Jonas Pike. “Nobody has even called us.”"
    qs = direct(text)
    assert [q.speaker_text for q in qs] == ["Jonas Pike", "Jonas Pike"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The road is open,” Ilse Varga in an interview with a local channel said.", "Ilse Varga"),
        ("Ilse Varga in a statement posted online said the road was open again.", "Ilse Varga"),
        ("“We stay where we are,” the group in a statement said.", "the group"),
        ("“The statement is clear,” the statement said.", "the statement"),
        ("A source who spoke on condition of anonymity said the talks had failed.", "A source"),
    ],
)
def test_the_subject_before_a_medium_or_a_relative_clause(text, speaker):
    (q,) = find_quotes(text)
    check_offsets(text, [q])
    assert q.speaker_text == speaker
