"""Speaker attribution (newsgraph.extract.speakers): quotes -> document-local entities.

The mentions are built by hand here, so the tests exercise the attribution rules alone, not the
mention finder. All sentences, names and places are our own inventions.
"""

from __future__ import annotations

import re

from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.speakers import attribute
from newsgraph.types import EntityMention


def mentions(text: str, spec: list[tuple[str, str, int] | tuple[str, str, int, str]]) -> list[EntityMention]:
    """Every occurrence of each surface form, as a mention: (surface, type, entity[, origin])."""
    out = []
    for item in spec:
        surface, typ, entity = item[:3]
        origin = item[3] if len(item) > 3 else "ner"
        for m in re.finditer(re.escape(surface), text):
            out.append(EntityMention(m.start(), m.end(), surface, typ, origin=origin, entity=entity))
    return out


def speakers(text: str, spec, names: list[list[str]] | None = None, kind: str | None = None) -> list[tuple[str, int]]:
    qs = find_quotes(text)
    got = attribute(text, qs, mentions(text, spec), names)
    return [(q.text, a.entity) for q, a in zip(qs, got) if kind is None or q.kind == kind]


def speaker_of(text: str, opening: str, spec, names=None) -> int:
    for quote, entity in speakers(text, spec, names):
        if quote.startswith(opening):
            return entity
    raise AssertionError(f"no quote starting {opening!r}")


# --- pronouns ------------------------------------------------------------------------------------


def test_pronoun_takes_the_subject_of_the_sentence_before_not_the_last_quoted_speaker():
    text = ("“The plan is sound and the money is there,” said Ilse Varga.\n\n"
            "General Tomas Brandt, the army chief, described the plan as slow. "
            "“It will take years to build,” he told reporters.")
    spec = [("Ilse Varga", "PERSON", 0), ("Tomas Brandt", "PERSON", 1)]
    assert speaker_of(text, "It will take years", spec) == 1
    assert speaker_of(text, "The plan is sound", spec) == 0


def test_pronoun_prefers_the_speaker_of_a_report_in_the_sentence_before():
    text = ("After the talks with Piet Mols, Ilse Varga said the deal was close. "
            "“We need one more week,” she said.")
    spec = [("Piet Mols", "PERSON", 0), ("Ilse Varga", "PERSON", 1)]
    assert speaker_of(text, "We need one more week", spec) == 1


def test_pronoun_skips_a_person_of_the_other_stated_gender():
    text = ("Umm Salwa waited at the gate for news of her son. Mr. Karim Haddad, a neighbour, had driven her there. "
            "“We come every week and nobody answers,” she said.")
    spec = [("Umm Salwa", "PERSON", 0), ("Mr. Karim Haddad", "PERSON", 1)]
    assert speaker_of(text, "We come every week", spec) == 0


def test_a_person_named_later_in_the_same_sentence_is_not_the_pronoun():
    text = "After meeting Ilse Varga on Monday, he said: “The bridge will not be ready this year.”"
    spec = [("Ilse Varga", "PERSON", 0)]
    assert speaker_of(text, "The bridge will not", spec) == -1


def test_a_pronoun_with_nobody_before_it_stays_unknown():
    text = "The floods came early this year.\n\n“We were not warned,” he said."
    assert speaker_of(text, "We were not warned", []) == -1


def test_they_after_an_unnamed_source_stays_unknown():
    text = ("The River Front moved its trucks north on Monday. Two officials said the convoy was late. "
            "“It never reached the depot,” they said.")
    spec = [("River Front", "ORG", 0)]
    assert speaker_of(text, "It never reached", spec) == -1


def test_it_is_the_organisation_that_was_the_subject_before():
    text = "The River Front denied the claim on Monday. “We were not in the valley that night,” it said in a statement."
    spec = [("River Front", "ORG", 0)]
    assert speaker_of(text, "We were not in the valley", spec) == 0


def test_a_mistyped_speaker_with_a_role_is_still_a_person_for_she():
    text = ("Mara Olsen, a researcher at the institute, said she doubts Prime Minister Ivo Dahl can pass the law. "
            "“The votes are not there,” she said.")
    spec = [("Mara Olsen", "LOC", 0), ("Ivo Dahl", "PERSON", 1)]
    assert speaker_of(text, "The votes are not there", spec) == 0


# --- organisations and definite descriptions -----------------------------------------------------


def test_organisation_as_subject_of_a_verb_of_judging():
    text = "In a message on its website, the River Front mourned the driver as “a son of the valley”."
    spec = [("River Front", "ORG", 0)]
    assert speaker_of(text, "a son of the valley", spec) == 0


def test_the_organisation_refers_back_to_the_group_named_before():
    text = ("The River Front claimed the bombing in a message on Sunday. The organisation said its fighters had "
            "planted “more than ten” mines along the road.")
    spec = [("River Front", "ORG", 0), ("The organisation", "ORG", -1, "role")]
    assert speaker_of(text, "more than ten", spec) == 0


def test_the_alliance_refers_back_to_the_organisation_that_carries_the_word():
    text = ("The Northern Alliance and the Coastal Army signed the truce in Varn. "
            "The alliance said the truce was “only the first step”.")
    spec = [("Northern Alliance", "ORG", 0), ("Coastal Army", "ORG", 1)]
    assert speaker_of(text, "only the first step", spec, [["Northern Alliance"], ["Coastal Army"]]) == 0


def test_the_statement_is_its_issuer():
    text = ("Governor Ilse Varga said in a statement that the dam had held.\n\n"
            "Three villages were evacuated on Sunday night, according to the statement.")
    spec = [("Ilse Varga", "PERSON", 0)]
    got = speakers(text, spec, kind="indirect")
    assert [e for quote, e in got if quote.startswith("Three villages")] == [0]


def test_a_role_the_text_gave_one_person_refers_back_to_them():
    text = ("The council’s chairman, Piet Mols, opened the session on Monday. "
            "“The port will stay open,” the chairman told the members.")
    spec = [("Piet Mols", "PERSON", 0)]
    assert speaker_of(text, "The port will stay open", spec) == 0


def test_a_role_two_people_share_is_not_guessed():
    text = ("The council’s chairman, Piet Mols, met the union’s chairman, Jan Stoop, on Monday. "
            "“The port will stay open,” the chairman said.")
    spec = [("Piet Mols", "PERSON", 0), ("Jan Stoop", "PERSON", 1)]
    assert speaker_of(text, "The port will stay open", spec) == -1


# --- modifiers, spokesmen and nobody -------------------------------------------------------------


def test_a_place_inside_the_speaker_phrase_is_not_the_speaker():
    text = "The shelling lasted for more than two hours, police in Dornbach said."
    assert [e for _, e in speakers(text, [("Dornbach", "LOC", 0)])] == [-1]
    text = "Dornbach police said the shelling lasted for more than two hours."
    assert [e for _, e in speakers(text, [("Dornbach", "LOC", 0)])] == [-1]


def test_a_country_as_the_whole_speaker_is_kept():
    text = "Ruritania said the border would stay closed until the spring."
    assert [e for _, e in speakers(text, [("Ruritania", "LOC", 0)])] == [0]


def test_a_spokesman_speaks_for_the_organisation_members_do_not():
    text = "A River Front spokesman said the road to the dam was closed."
    assert [e for _, e in speakers(text, [("River Front", "ORG", 0)])] == [0]
    text = "Two fighters from the River Front said the road to the dam was closed."
    assert [e for _, e in speakers(text, [("River Front", "ORG", 0)])] == [-1]


def test_an_unnamed_spokesman_of_nobody_is_nobody():
    text = ("Piet Mols, the council spokesman, spoke on Monday.\n\n"
            "“The port will stay open,” a spokesman said on Tuesday.")
    assert speaker_of(text, "The port will stay open", [("Piet Mols", "PERSON", 0)]) == -1


def test_a_given_name_carried_by_one_person():
    text = "Ilse Varga and Piet Mols left the meeting early. “We will be back,” Ilse said."
    spec = [("Ilse Varga", "PERSON", 0), ("Piet Mols", "PERSON", 1)]
    assert speaker_of(text, "We will be back", spec, [["Ilse Varga"], ["Piet Mols"]]) == 0
    text = "Ilse Varga and Ilse Brandt left the meeting early. “We will be back,” Ilse said."
    spec = [("Ilse Varga", "PERSON", 0), ("Ilse Brandt", "PERSON", 1)]
    assert speaker_of(text, "We will be back", spec, [["Ilse Varga"], ["Ilse Brandt"]]) == -1


def test_a_quote_with_no_attribution_gets_no_speaker():
    text = "Ilse Varga walked past the burned trucks. Nearby, a sign said nothing. The slogan “land before bread” was everywhere."
    assert all(e == -1 for _, e in speakers(text, [("Ilse Varga", "PERSON", 0)]))


# --- the speaker's role at the time --------------------------------------------------------------


def test_the_role_stated_last_before_the_quote():
    text = ("In 2019 Ilse Varga, then the town’s mayor, opened the bridge. “It took four years,” she said.\n\n"
            "Varga, now the regional governor, came back on Monday. “It will stand for a century,” she said.")
    spec = [("Ilse Varga", "PERSON", 0), ("Varga", "PERSON", 0)]
    qs = find_quotes(text)
    got = attribute(text, qs, mentions(text, spec), [["Ilse Varga", "Varga"]])
    assert [(a.entity, a.role) for a in got] == [(0, "then the town’s mayor"), (0, "now the regional governor")]


def test_the_role_in_the_cue_wins_and_organisations_have_none():
    text = ("“The road is open,” said Jonas Pike, a driver for the River Front. "
            "In a message, the River Front called the reopening “a gift to the valley”.")
    spec = [("Jonas Pike", "PERSON", 0), ("River Front", "ORG", 1)]
    qs = find_quotes(text)
    got = attribute(text, qs, mentions(text, spec))
    assert [(a.entity, a.role) for a in got] == [(0, "a driver for the River Front"), (1, None)]


# --- descriptive speakers and local salience ------------------------------------------------------


def _attributed(text: str, opening: str, spec):
    qs = find_quotes(text)
    got = attribute(text, qs, mentions(text, spec), [[name] for name, *_ in spec])
    for q, a in zip(qs, got):
        if q.text.startswith(opening):
            return q, a
    raise AssertionError(f"no quote starting {opening!r}")


def test_a_pronoun_after_an_unnamed_voter_is_that_voter_not_a_woman_named_before():
    text = ("Ilse Varga spoke in Lyon on Monday and promised lower taxes.\n\n"
            "One voter in the crowd had doubts. “I have heard this before,” she said.")
    _, a = _attributed(text, "I have heard this before", [("Ilse Varga", "PERSON", 0)])
    assert a.entity == -1 and a.how == "descriptive" and a.role == "One voter"


def test_a_common_noun_source_is_a_descriptive_speaker():
    _, a = _attributed("Officials said the bridge over the Glomma would reopen in May.", "the bridge", [])
    assert a.entity == -1 and a.how == "descriptive" and a.role == "Officials"


def test_a_named_speaker_with_an_apposition_is_not_taken_for_a_description():
    text = "Karim Haddad, a neighbour, drove to the gate. “Nobody answers,” he said."
    assert speaker_of(text, "Nobody answers", [("Karim Haddad", "PERSON", 0)]) == 0
