"""Event typing and event mentions (PLOVER categories, arguments, dates, polarity)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.extract import event_lexicon
from newsgraph.extract.events import MIN_CONFIDENCE, classify_sentence, find_events
from newsgraph.extract.plover_eval import DEFAULT_PATH, evaluate, load_gold, main
from newsgraph.types import EntityMention


# -- model-free typing ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, category",
    [
        ("A drone strike killed two commanders near the border on Tuesday.", "FIGHT"),
        ("Rebels and government troops clashed in the hills overnight.", "FIGHT"),
        ("Artillery shelling hit the eastern districts for a second day.", "FIGHT"),
        ("Gunmen abducted four aid workers from their car.", "ASSAULT"),
        ("A suicide bomber blew himself up at a crowded market.", "ASSAULT"),
        ("Police arrested twelve students outside the university.", "COERCE"),
        ("The governor imposed a curfew on the old city.", "COERCE"),
        ("Thousands of people demonstrated in the capital against the new tax.", "PROTEST"),
        ("The militia threatened to attack the pipeline unless wages were paid.", "THREATEN"),
        ("The two factions agreed to exchange prisoners next month.", "AGREE"),
        ("The minister will visit the refugee camps next week.", "AGREE"),
        ("The envoy met tribal leaders in the provincial capital.", "CONSULT"),
        ("The opposition demanded the release of all detained activists.", "REQUEST"),
        ("The government must withdraw its forces from the valley, the council said.", "REQUEST"),
        ("The army said it would not meet the rebels' representatives.", "REJECT"),
        ("The rebels rejected the peace proposal on Sunday.", "REJECT"),
        ("The foreign ministry condemned the bombing of the hospital.", "ACCUSE"),
        ("The European Union imposed sanctions on three army generals.", "SANCTION"),
        ("The army deployed reinforcements to the northern border.", "MOBILIZE"),
        ("The group released ten hostages on Friday.", "RETREAT"),
        ("Workers went on strike at the port to demand higher pay.", "PROTEST"),
    ],
)
def test_classify_sentence_without_model(sentence, category):
    assert classify_sentence(sentence) == category


@pytest.mark.parametrize(
    "sentence",
    ["", "   ", "The spokesman said on Monday that he had nothing to add.",
     "The weather was mild and the markets were busy.", "According to officials, the figures are final."],
)
def test_no_event_no_category(sentence):
    assert classify_sentence(sentence) is None


def test_lexicon_is_consistent():
    cats = set(event_lexicon.CATEGORIES)
    triggers = [t for ts in event_lexicon.LEXICON.values() for t in ts] + list(event_lexicon.PHRASES.values())
    assert {t.category for t in triggers} <= cats
    assert {t.pos for t in triggers} <= {"V", "N", "*"}
    assert not (event_lexicon.SPEECH_VERBS & set(event_lexicon.LEXICON))  # "said" is never an event
    assert event_lexicon.acled_type("FIGHT", "drone") == "Explosions/Remote violence"
    assert event_lexicon.acled_type("FIGHT", "firearms") == "Battles"
    assert event_lexicon.acled_type("PROTEST", "riot") == "Riots"
    assert event_lexicon.acled_type("CONSULT", None) is None


# -- PLOVER evaluation script ------------------------------------------------------------------------

def test_plover_eval_on_own_records(tmp_path: Path):
    path = tmp_path / "gold.json"
    path.write_text(
        '[{"event": "DOCUMENT", "text": "header"},'
        ' {"event": "FIGHT", "text": "Government troops clashed with rebels near the border."},'
        ' {"event": "DEMAND", "text": "The union demanded higher wages."},'
        ' {"event": "AID", "text": "The weather was mild."}]'
    )
    pairs = load_gold(path)
    assert pairs[1] == ("The union demanded higher wages.", "REQUEST")  # old name mapped to PLOVER 2.0
    res = evaluate(pairs)
    assert res["n"] == 3 and res["no_prediction"] == 1
    assert res["accuracy"] == pytest.approx(2 / 3)


def test_plover_eval_missing_file(tmp_path: Path, capsys):
    assert main([str(tmp_path / "absent.txt")]) == 2
    assert "not found" in capsys.readouterr().err


@pytest.mark.shared
def test_plover_gold_accuracy():
    if not DEFAULT_PATH.is_file():
        pytest.skip("../shared PLOVER gold records are not available")
    res = evaluate(load_gold(DEFAULT_PATH))
    assert res["n"] == 322
    assert res["accuracy"] >= 0.68


# -- event mentions over a parsed document -----------------------------------------------------------

ARTICLE = (
    "RIVERTON, Freedonia — Fighters of the Northern Front stormed an army checkpoint outside Riverton "
    "on Saturday night, killing six soldiers and wounding four others, officials said on Sunday.\n"
    "The Northern Front claimed the attack in a statement.\n"
    "The Eastern Brigade denied carrying out the attack.\n"
    "Analysts said attacks were becoming more common.\n"
    "Police reportedly arrested two suspects in Marsh Town on Monday.\n"
)


def _mentions(text: str) -> list[EntityMention]:
    names = [("Riverton", "LOC", "settlement", 0), ("Freedonia", "LOC", "country", 1),
             ("Northern Front", "ORG", "armed_group", 2), ("Eastern Brigade", "ORG", "armed_group", 3),
             ("Marsh Town", "LOC", "settlement", 4)]
    out = []
    for name, typ, sub, ent in names:
        start = 0
        while (k := text.find(name, start)) >= 0:
            out.append(EntityMention(k, k + len(name), name, typ, subtype=sub, entity=ent))
            start = k + len(name)
    return out


@pytest.fixture(scope="module")
def events():
    from newsgraph import nlp

    model = nlp.load()
    doc = model(ARTICLE)
    return find_events(doc, _mentions(ARTICLE), date(2024, 3, 11))


@pytest.mark.model
def test_attack_sentence(events):
    first = [e for e in events if e.start == 0]
    assert len(first) == 1
    ev = first[0]
    assert ev.type == "FIGHT" and ev.trigger == "stormed"  # soldiers killed: force between armed sides
    assert (2, "actor") in ev.actors
    assert ev.location == 0  # outside Riverton, not the country
    assert ev.date == "2024-03-09" and ev.date_text == "Saturday night"  # not "said on Sunday"
    assert sorted((q.kind, q.value) for q in ev.quantities) == [("killed", 6), ("wounded", 4)]
    assert ev.polarity == "asserted"
    assert ev.acled_type == "Battles"  # soldiers are an armed target
    assert ARTICLE[ev.trigger_start:ev.trigger_end] == "stormed"


@pytest.mark.model
def test_claim_denial_hedge_and_generic_use(events):
    by_line = {ARTICLE[e.start:e.end].split()[1]: e for e in events}
    claimed = by_line["Northern"]
    assert claimed.polarity == "claimed" and (2, "actor") in claimed.actors
    denied = by_line["Eastern"]
    assert [e.type for e in events if e.start == denied.start] == ["ASSAULT"]  # no REJECT event for a denial
    assert denied.polarity == "negated" and not any(ent == 3 for ent, _ in denied.actors)
    assert "said" not in by_line  # "Analysts said attacks were ..." has no event worth keeping
    arrest = by_line["reportedly"]
    assert arrest.type == "COERCE" and arrest.polarity == "hedged"
    assert arrest.location == 4 and arrest.date == "2024-03-11"
    assert [(q.kind, q.value) for q in arrest.quantities] == [("arrested", 2)]
    assert all(e.confidence >= MIN_CONFIDENCE for e in events)


@pytest.mark.model
def test_empty_and_eventless_documents():
    from newsgraph import nlp

    model = nlp.load()
    assert find_events(model(""), [], None) == []
    assert find_events(model("The spokesman said the weather was fine."), [], date(2024, 1, 1)) == []
    # no publication date: relative dates are not guessed
    evs = find_events(model("Rebels shelled the town on Sunday."), [], None)
    assert len(evs) == 1 and evs[0].type == "FIGHT" and evs[0].date is None


@pytest.mark.model
@pytest.mark.parametrize("background", [
    "The war in Norland, which began in 2011 with protests against the government, has killed 300,000 people.",
    "Millions have fled since the civil war started in 2012 with the repression of demonstrations.",
    "Peace talks have stalled with no end in sight to a conflict that has killed 280,000 people.",
    "Dawn Front fighters have been battling the army since January.",
    "In recent months warplanes have struck a number of hospitals in Velmora.",
    "More than 250,000 people have been killed since the conflict erupted in 2011.",
])
def test_background_and_running_states_are_no_occurrences(background):
    from newsgraph import nlp

    model = nlp.load()
    assert find_events(model(background), [], date(2016, 6, 1)) == []


@pytest.mark.model
def test_an_incident_beside_its_background_is_kept():
    from newsgraph import nlp

    model = nlp.load()
    text = "Dawn Front fighters attacked an army post in Velmora on Sunday, killing four soldiers."
    evs = find_events(model(text), [], date(2016, 6, 1))
    assert evs and evs[0].date == "2016-05-29" and evs[0].fatalities == 4
    # "the first deaths since the truce began" reports an occurrence
    first = find_events(model("Two civilians have been killed in Sahil in the first deaths since the truce began."),
                        [], date(2016, 6, 1))
    assert any(e.type == "ASSAULT" for e in first)
