"""The gold scorer: a small invented world scored exactly, plus the oracle export of the real sample gold."""

from __future__ import annotations

import copy
import json

import pytest

from newsgraph.evaluate import (
    Documents,
    _date_matches,
    evaluate,
    find_collapsed,
    main,
    name_key,
    oracle_export,
    to_json,
)
from newsgraph.resources import sample_dir

# ---------------------------------------------------------------- an invented world

TEXT_A = (
    "Yusuf Karimi, the commander of the Red Falcon Brigade, said on Monday that the brigade had joined the "
    "Northern Front Coalition.\n\u201cWe will hold the bridge until the end,\u201d Karimi said.\n\n"
    "Fighters of the RFB clashed with the Blue Hawk militia near Riverton on Sunday, killing four."
)
TEXT_B = (
    "Nadia Farouk, a spokeswoman for the Northern Front Coalition, said six people were killed in Riverton.\n"
    "\"The coalition stands united,\" Farouk said. Hassan Adel was wounded in a drone strike on Monday; "
    "Hassan was taken to hospital. The Blue Hawk militia denied any alliance with the coalition."
)
TEXT_C = "Residents said Hassan was seen in Riverton. \"Nobody knows who fired,\" one said. Hassan Bakr declined to comment."

S_LEADS = ("Yusuf Karimi, the commander of the Red Falcon Brigade, said on Monday that the brigade had joined the "
           "Northern Front Coalition.")
S_CLASH = "Fighters of the RFB clashed with the Blue Hawk militia near Riverton on Sunday, killing four."
S_SPOKES = "Nadia Farouk, a spokeswoman for the Northern Front Coalition, said six people were killed in Riverton."
S_WOUND = "Hassan Adel was wounded in a drone strike on Monday; Hassan was taken to hospital."
S_DENIED = "The Blue Hawk militia denied any alliance with the coalition."


def _ev(file, sentence, polarity="asserted", locator=""):
    return {"file": file, "locator": locator, "sentence": sentence, "polarity": polarity}


GOLD = {
    "schema": "newsgraph-gold/1",
    "documents": [
        {"file": "a.txt", "locator": "", "published": "2024-05-06", "story": "s_a", "flags": []},
        {"file": "b.txt", "locator": "", "published": "2024-05-07", "story": "s_b",
         "flags": [{"kind": "weekday-mismatch"}]},
        {"file": "feed.jsonl", "locator": "line 1", "published": None, "story": "s_c", "flags": []},
    ],
    "stories": {},
    "entities": [
        {"id": "karimi", "name": "Yusuf Karimi", "type": "PERSON", "aliases": ["Yusuf Karimi", "Karimi"]},
        {"id": "rfb", "name": "Red Falcon Brigade", "type": "ORG", "aliases": ["Red Falcon Brigade", "RFB", "the brigade"]},
        {"id": "nfc", "name": "Northern Front Coalition", "type": "ORG",
         "aliases": ["Northern Front Coalition", "the coalition"]},
        {"id": "bhm", "name": "Blue Hawk Militia", "type": "ORG", "aliases": ["Blue Hawk militia"]},
        {"id": "nadia", "name": "Nadia Farouk", "type": "PERSON", "aliases": ["Nadia Farouk", "Farouk"]},
        {"id": "hassan_a", "name": "Hassan Adel", "type": "PERSON", "aliases": ["Hassan Adel", "Hassan"]},
        {"id": "hassan_b", "name": "Hassan Bakr", "type": "PERSON", "aliases": ["Hassan Bakr", "Hassan"]},
        {"id": "riverton", "name": "Riverton", "type": "LOC", "aliases": ["Riverton"]},
    ],
    "relations": [
        {"subject": "karimi", "predicate": "leads", "object": "rfb", "evidence": [_ev("a.txt", S_LEADS)]},
        {"subject": "rfb", "predicate": "member_of", "object": "nfc", "evidence": [_ev("a.txt", S_LEADS)]},
        {"subject": "rfb", "predicate": "fights", "object": "bhm", "evidence": [_ev("a.txt", S_CLASH)]},
        {"subject": "nadia", "predicate": "spokesperson_for", "object": "nfc", "evidence": [_ev("b.txt", S_SPOKES)]},
        {"subject": "bhm", "predicate": "allied_with", "object": "nfc", "evidence": [_ev("b.txt", S_DENIED, "denied")]},
    ],
    "events": [
        {"id": "ev_clash", "type": "FIGHT", "date": "2024-05-05", "date_precision": "day", "location": "riverton",
         "actors": ["rfb"], "targets": ["bhm"], "mentions": [_ev("a.txt", S_CLASH), _ev("b.txt", S_SPOKES)]},
        {"id": "ev_wounding", "type": "ASSAULT", "date": "2024-05-06", "date_precision": "day", "location": None,
         "actors": [], "targets": ["hassan_a"], "mentions": [_ev("b.txt", S_WOUND)]},
        {"id": "ev_funeral", "type": "OTHER", "date": None, "date_precision": None, "location": None,
         "actors": [], "targets": [], "mentions": [_ev("b.txt", S_DENIED)]},
    ],
    "quotes": [
        {"speaker": "karimi", "file": "a.txt", "locator": "", "starts_with": "We will hold the bridge", "kind": "direct"},
        {"speaker": "nadia", "file": "b.txt", "locator": "", "starts_with": "The coalition stands united", "kind": "direct"},
        {"speaker": None, "file": "feed.jsonl", "locator": "line 1", "starts_with": "Nobody knows", "kind": "partial"},
    ],
    "contradictions": [{"id": "c_toll", "kind": "quantity", "files": ["a.txt", "b.txt"]}],
    "not_contradictions": [{"description": "not a clash", "files": ["b.txt", "feed.jsonl"]}],
}

TEXTS = {"da": TEXT_A, "db": TEXT_B, "dc": TEXT_C}
BRIGADE_AT = TEXT_A.index("Red Falcon Brigade")


def at(doc: str, needle: str, nth: int = 0) -> dict:
    """A span record for the nth occurrence of needle in a synthetic document."""
    start = -1
    for _ in range(nth + 1):
        start = TEXTS[doc].index(needle, start + 1)
    return {"doc": doc, "start": start, "end": start + len(needle), "text": needle}


def mentions(*spans: tuple) -> list[dict]:
    return [at(*s) for s in spans]


def perfect_export() -> dict:
    return {
        "documents": [
            {"id": "da", "source": "corpus/a.txt", "locator": "", "published": "2024-05-06", "text": TEXT_A},
            {"id": "db", "source": "corpus/b.txt", "locator": "", "published": "2024-05-07T10:00", "text": TEXT_B},
            {"id": "dc", "source": "corpus/feed.jsonl", "locator": "line 1", "published": None, "text": TEXT_C},
        ],
        "entities": [
            {"id": "E1", "name": "Yusuf Karimi", "mentions": mentions(("da", "Yusuf Karimi"), ("da", "Karimi", 1))},
            {"id": "E2", "name": "Red Falcon Brigade",
             "mentions": mentions(("da", "Red Falcon Brigade"), ("da", "the brigade"), ("da", "RFB"))},
            {"id": "E3", "name": "Northern Front Coalition",
             "mentions": mentions(("da", "Northern Front Coalition"), ("db", "Northern Front Coalition"),
                                  ("db", "The coalition"), ("db", "the coalition"))},
            {"id": "E4", "name": "Blue Hawk militia", "mentions": mentions(("da", "Blue Hawk militia"), ("db", "Blue Hawk militia"))},
            {"id": "E5", "name": "Nadia Farouk", "mentions": mentions(("db", "Nadia Farouk"), ("db", "Farouk", 1))},
            {"id": "E6", "name": "Hassan Adel", "mentions": mentions(("db", "Hassan Adel"), ("db", "Hassan", 1))},
            {"id": "E7", "name": "Hassan Bakr", "mentions": mentions(("dc", "Hassan"), ("dc", "Hassan Bakr"))},
            {"id": "E8", "name": "Riverton", "mentions": mentions(("da", "Riverton"), ("db", "Riverton"), ("dc", "Riverton"))},
            {"id": "E9", "name": "one resident", "mentions": mentions(("dc", "one"))},  # not a gold actor
        ],
        "relations": [
            {"id": "r1", "subject": "E1", "predicate": "leads", "object": "E2", "polarity": "asserted", "evidence": [at("da", S_LEADS)]},
            {"id": "r2", "subject": "E2", "predicate": "part_of", "object": "E3", "polarity": "asserted", "evidence": [at("da", S_LEADS)]},
            {"id": "r3", "subject": "E2", "predicate": "fights", "object": "E4", "polarity": "asserted", "evidence": [at("da", S_CLASH)]},
            {"id": "r4", "subject": "E5", "predicate": "spokesperson_for", "object": "E3", "polarity": "asserted", "evidence": [at("db", S_SPOKES)]},
            {"id": "r5", "subject": "E4", "predicate": "allied_with", "object": "E3", "polarity": "negated", "evidence": [at("db", S_DENIED)]},
        ],
        "events": [
            {"id": "v1", "type": "FIGHT", "date": "2024-05-05", "location": "E8",
             "actors": [{"entity": "E2", "role": "actor"}, {"entity": "E4", "role": "target"}],
             "evidence": [at("da", "clashed with the Blue Hawk militia")]},
            {"id": "v2", "type": "ASSAULT", "date": "2024-05-06", "location": None,
             "actors": [{"entity": "E6", "role": "target"}], "evidence": [at("db", S_WOUND)]},
        ],
        "quotes": [
            {"id": "q1", "speaker": "E1", "kind": "direct", **at("da", "\u201cWe will hold the bridge until the end,\u201d")},
            {"id": "q2", "speaker": "E5", "kind": "direct", **at("db", "The coalition stands united,")},
            {"id": "q3", "speaker": None, "kind": "partial", **at("dc", "Nobody knows who fired,")},
        ],
        "contradictions": [
            {"id": "c1", "kind": "quantity", "description": "four vs six killed",
             "evidence": [at("da", "killing four"), at("db", "six people were killed")]},
            {"id": "c2", "kind": "weekday-mismatch", "description": "flag", "evidence": [at("db", "Monday")]},
        ],
    }


def value(ratio) -> float | None:
    return ratio.value


def score(export: dict, gold: dict = GOLD) -> dict:
    return evaluate(export, gold)


# ---------------------------------------------------------------- perfect and broken exports

def test_perfect_export_scores_one_everywhere():
    result = score(perfect_export())
    assert value(result["documents"]["publication_date"]) == 1.0
    ent = result["entities"]
    assert value(ent["found"]) == 1.0 and ent["split"] == [] and ent["merged"] == []
    assert ent["bcubed"]["precision"] == ent["bcubed"]["recall"] == 1.0
    assert ent["unlabelled_mentions"] == 1  # "one" names no gold actor
    rel = result["relations"]["overall"]
    assert (rel["precision"].correct, rel["precision"].total, rel["recall"].total) == (5, 5, 5)
    ev = result["events"]
    assert (ev["recall"].correct, ev["recall"].total) == (2, 2)  # OTHER is skipped
    for key in ("type_accuracy", "date_accuracy", "location_accuracy", "actor_recall"):
        assert value(ev[key]) == 1.0, key
    assert value(result["quotes"]["recall"]) == value(result["quotes"]["speaker_accuracy"]) == 1.0
    con = result["contradictions"]
    assert value(con["recall"]) == 1.0 and con["false_alarms"] == [] and con["expected_flags"] == 1
    assert all(t["pass"] for t in result["targets"])


def test_split_entity_is_reported_but_still_found():
    export = perfect_export()
    karimi = export["entities"][0]
    export["entities"].append({"id": "E1b", "name": "Karimi", "mentions": [karimi["mentions"].pop()]})
    result = score(export)
    ent = result["entities"]
    assert [s["gold"] for s in ent["split"]] == ["Yusuf Karimi"]
    assert ent["split"][0]["entities"] == 2
    assert ent["per_entity"]["karimi"] == {"name": "Yusuf Karimi", "found": True, "exported_entities": 2, "mentions": 2}
    assert ent["per_entity"]["rfb"]["exported_entities"] == 1
    assert ent["merged"] == [] and value(ent["found"]) == 1.0
    assert ent["bcubed"]["precision"] == 1.0 and ent["bcubed"]["recall"] < 1.0
    # both halves align to Karimi, so the quote speaker E1 is still right
    assert value(result["quotes"]["speaker_accuracy"]) == 1.0


def test_merged_entity_fails_the_no_shared_actor_target():
    export = perfect_export()
    brigade, coalition = export["entities"][1], export["entities"][2]
    brigade["mentions"] += coalition["mentions"][:1]  # one coalition mention lands in the brigade
    result = score(export)
    merged = result["entities"]["merged"]
    assert len(merged) == 1 and merged[0]["entity"] == "E2"
    assert merged[0]["gold"] == {"Red Falcon Brigade": 3, "Northern Front Coalition": 1}
    assert result["entities"]["bcubed"]["precision"] < 1.0
    target = next(t for t in result["targets"] if t["name"] == "merged entities")
    assert target == {"name": "merged entities", "value": 1, "target": "= 0", "pass": False}


def test_fully_merged_actor_is_missed():
    export = perfect_export()
    export["entities"][1]["mentions"] += export["entities"][2]["mentions"][:2]  # brigade keeps the majority
    del export["entities"][2]
    result = score(export)
    assert result["entities"]["missed"] == ["Northern Front Coalition"]
    assert [m["entity"] for m in result["entities"]["merged"]] == ["E2"]
    # relations to the coalition now point at no entity: missed, and counted against precision
    rel = result["relations"]["overall"]
    assert (rel["recall"].correct, rel["precision"].correct, rel["precision"].total) == (2, 2, 5)


def test_missed_relation_lowers_recall_only():
    export = perfect_export()
    export["relations"] = [r for r in export["relations"] if r["id"] != "r2"]
    rel = score(export)["relations"]
    assert (rel["overall"]["recall"].correct, rel["overall"]["recall"].total) == (4, 5)
    assert value(rel["overall"]["precision"]) == 1.0
    assert rel["false_negatives"] == ["Red Falcon Brigade --member_of--> Northern Front Coalition"]
    assert value(rel["by_predicate"]["member_of/part_of"]["recall"]) == 0.0


def test_false_positive_relations_lower_precision():
    export = perfect_export()
    export["relations"] += [
        {"id": "r6", "subject": "E5", "predicate": "leads", "object": "E2"},
        {"id": "r7", "subject": "E9", "predicate": "member_of", "object": "E3"},  # subject is no gold actor
        {"id": "r8", "subject": "E1", "predicate": "leads", "object": "E2"},  # a duplicate counts once
    ]
    rel = score(export)["relations"]
    assert (rel["overall"]["precision"].correct, rel["overall"]["precision"].total) == (5, 7)
    assert value(rel["overall"]["recall"]) == 1.0
    assert "Nadia Farouk --leads--> Red Falcon Brigade" in rel["false_positives"]
    assert any("one resident" in fp and "not a gold actor" in fp for fp in rel["false_positives"])


def test_symmetric_predicates_match_in_either_order_others_do_not():
    export = perfect_export()
    fights = next(r for r in export["relations"] if r["predicate"] == "fights")
    fights["subject"], fights["object"] = fights["object"], fights["subject"]
    assert value(score(export)["relations"]["overall"]["recall"]) == 1.0
    leads = next(r for r in export["relations"] if r["predicate"] == "leads")
    leads["subject"], leads["object"] = leads["object"], leads["subject"]
    rel = score(export)["relations"]
    assert rel["false_negatives"] == ["Yusuf Karimi --leads--> Red Falcon Brigade"]
    assert rel["false_positives"] == ["Red Falcon Brigade --leads--> Yusuf Karimi"]


def test_denied_relation_exported_as_fact_is_counted():
    export = perfect_export()
    export["relations"][4]["polarity"] = "asserted"
    polarity = score(export)["relations"]["polarity"]
    assert (polarity["right"], polarity["non_asserted_found"], polarity["denied_exported_as_fact"]) == (0, 1, 1)
    export["relations"][4]["polarity"] = "disputed"
    polarity = score(export)["relations"]["polarity"]
    assert (polarity["right"], polarity["denied_exported_as_fact"]) == (1, 0)


def test_quote_with_wrong_speaker():
    export = perfect_export()
    export["quotes"][0]["speaker"] = "E5"  # Nadia instead of Karimi
    export["quotes"][2]["speaker"] = "E6"  # gold has no speaker for this one
    quotes = score(export)["quotes"]
    assert (quotes["speaker_accuracy"].correct, quotes["speaker_accuracy"].total) == (1, 3)
    assert value(quotes["recall"]) == 1.0
    assert any("gold Yusuf Karimi" in w for w in quotes["wrong_speaker"])
    target = next(t for t in score(export)["targets"] if t["name"] == "quote-speaker accuracy")
    assert not target["pass"]


def test_quote_missing_or_in_another_document_is_not_recalled():
    export = perfect_export()
    export["quotes"][1]["doc"] = "da"  # right words, wrong document
    del export["quotes"][1]["text"]  # and no text: the (wrong) document slice is used
    quotes = score(export)["quotes"]
    assert quotes["recall"].correct == 2 and len(quotes["missed"]) == 1


def test_event_with_wrong_date_and_type():
    export = perfect_export()
    export["events"][0]["date"] = "2024-05-06"
    export["events"][0]["type"] = "fight"  # case does not matter
    ev = score(export)["events"]
    assert (ev["date_accuracy"].correct, ev["date_accuracy"].total) == (1, 2)
    assert value(ev["type_accuracy"]) == 1.0
    assert ev["wrong_date"] == ["ev_clash (exported v1): gold 2024-05-05 (day), exported 2024-05-06"]
    export["events"][1]["type"] = "PROTEST"
    assert score(export)["events"]["type_accuracy"].correct == 1


def test_event_evidence_must_overlap_a_gold_sentence_in_the_same_document():
    export = perfect_export()
    export["events"][1]["evidence"] = [at("db", "Nadia Farouk")]  # another sentence: that one is ev_clash's
    ev = score(export)["events"]
    assert ev["missed"] == ["ev_wounding"]
    export["events"][1]["evidence"] = [{"doc": "da", "start": None, "end": None, "text": "Hassan Adel was wounded"}]
    assert score(export)["events"]["missed"] == ["ev_wounding"]
    export["events"][1]["evidence"][0]["doc"] = "db"  # no offsets, but the text lies inside the sentence
    assert score(export)["events"]["missed"] == []


@pytest.mark.parametrize(("predicted", "gold", "precision", "expected"), [
    ("2024-05-05", "2024-05-05", "day", True),
    ("2024-05-05T23:00", "2024-05-05", "day", True),
    ("2024-05", "2024-05-05", "day", False),
    ("2024-07-12", "2024-07", "month", True),
    ("2024-08", "2024-07", "month", False),
    (None, "2024-07", "month", False),
])
def test_dates_compare_at_gold_precision(predicted, gold, precision, expected):
    assert _date_matches(predicted, gold, precision) is expected


def test_wrong_publication_date_and_missing_document():
    export = perfect_export()
    export["documents"][0]["published"] = "2024-05-05"
    export["documents"][2]["published"] = "2024-01-01"  # gold: no date anywhere
    del export["documents"][1]
    docs = score(export)["documents"]
    assert docs["missing"] == ["b.txt"]
    assert (docs["publication_date"].correct, docs["publication_date"].total) == (0, 2)


def test_ambiguous_alias_resolved_by_document_context():
    export = perfect_export()
    # "Hassan" in b.txt means Hassan Adel; putting it in Hassan Bakr's entity merges two people.
    export["entities"][6]["mentions"].append(at("db", "Hassan", 1))
    merged = score(export)["entities"]["merged"]
    assert merged and merged[0]["gold"] == {"Hassan Bakr": 2, "Hassan Adel": 1}


def test_ambiguous_alias_without_context_stays_unlabelled():
    gold = copy.deepcopy(GOLD)
    gold["entities"][6].update(name="Hassan", aliases=["Hassan"])  # nothing tells this Hassan apart any more
    result = score(perfect_export(), gold)["entities"]
    # "Hassan" in b.txt still goes to Hassan Adel, named in full there; in the feed it cannot be placed
    assert result["ambiguous_mentions"] == 2
    assert result["unlabelled_mentions"] == 3  # "one", "Hassan" and "Hassan Bakr" in the feed
    assert result["missed"] == ["Hassan"] and result["merged"] == []


def test_contradictions_recall_false_alarms_and_story_copies():
    export = perfect_export()
    export["contradictions"].append(
        {"id": "c3", "kind": "date", "evidence": [at("db", "Monday"), at("dc", "Riverton")]})
    con = score(export)["contradictions"]
    assert con["false_alarms"] == ["date: "] and value(con["recall"]) == 1.0
    export["contradictions"] = [{"id": "c1", "evidence": [at("da", "four")]}]
    con = score(export)["contradictions"]
    assert con["missed"] == ["c_toll"]
    gold = copy.deepcopy(GOLD)
    gold["stories"] = {"s_ac": ["a.txt", "feed.jsonl"]}  # feed is a copy of a: citing it stands for a
    export["contradictions"] = [{"id": "c1", "kind": "quantity", "evidence": [at("dc", "Riverton"), at("db", "six")]}]
    con = score(export, gold)["contradictions"]
    assert value(con["recall"]) == 1.0 and value(con["kind_matches"]) == 1.0


def test_export_with_missing_keys_is_scored_not_crashed():
    export = {
        "documents": [
            {"id": "da", "source": "x/a.txt#", "text": TEXT_A},
            {"id": "dc", "source": "x/feed.jsonl#line 1"},  # older export: locator inside source, no text
        ],
        "entities": [
            {"id": "E1", "name": "Yusuf Karimi"},  # no mentions: aligned by name
            {"id": "E2", "name": "Red Falcon Brigade", "aliases": ["RFB"], "mentions": "broken"},
            {"id": "E3", "mentions": [{"doc": "da", "start": BRIGADE_AT, "end": BRIGADE_AT + 18}]},  # text from the slice
            {"name": "no id"},
        ],
        "relations": [{"subject": "E1", "predicate": "leads", "object": "E2"}, {"predicate": None}, "junk"],
        "events": [{"type": "FIGHT", "actors": ["E2"], "evidence": [{"doc": "da", "start": 0, "end": 10**6}]}],
        "quotes": [{"doc": "dc", "speaker": None}, {"doc": "da", "text": "We will hold the bridge", "speaker": "E1"}],
    }
    result = score(export)
    assert result["documents"]["missing"] == ["b.txt"]
    ent = result["entities"]
    assert ent["found"].correct == 2 and ent["merged"] == [] and ent["bcubed"]["mentions"] == 1
    rel = result["relations"]["overall"]
    assert (rel["recall"].correct, rel["precision"].correct, rel["precision"].total) == (1, 1, 1)
    ev = result["events"]
    assert ev["missed"] == ["ev_wounding"]  # its document is not in the export
    assert (ev["date_accuracy"].correct, ev["date_accuracy"].total) == (0, 1)
    assert (ev["actor_recall"].correct, ev["actor_recall"].total) == (1, 2)
    quotes = result["quotes"]
    assert (quotes["recall"].correct, quotes["speaker_accuracy"].correct, quotes["speaker_accuracy"].total) == (1, 1, 1)
    assert value(result["contradictions"]["recall"]) == 0.0
    json.dumps(to_json(result))  # the machine output stays serialisable


def test_empty_export_scores_zero_and_misses_every_target():
    result = score({})
    assert result["documents"]["missing"] == ["a.txt", "b.txt", "feed.jsonl line 1"]
    assert [t["pass"] for t in result["targets"]] == [False, False, False, False, True]


# ---------------------------------------------------------------- matching helpers

def test_name_key_and_collapsed_search():
    assert name_key("  The  Red Falcon Brigade\u2019s ") == "red falcon brigade"
    assert name_key("\u201cRFB\u201d") == "rfb"
    text = "Line one\n\n  of  \u201cthe\u201d text"
    start, end = find_collapsed(text, 'one of "the" text')
    assert text[start:end] == "one\n\n  of  \u201cthe\u201d text"
    assert find_collapsed(text, "absent") is None and find_collapsed("", "x") is None


def test_documents_accept_source_with_locator_suffix():
    docs = Documents({"documents": [{"id": "1", "source": "dir/feed.jsonl#line 3"}, {"id": "2", "source": "b.txt", "locator": None}]})
    assert docs.key_of == {"1": ("feed.jsonl", "line 3"), "2": ("b.txt", "")}


# ---------------------------------------------------------------- command line

def test_cli_json_output_and_exit_code(tmp_path, capsys):
    (tmp_path / "export.json").write_text(json.dumps(perfect_export()), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert main(["--export", str(tmp_path / "export.json"), "--gold", str(tmp_path / "gold.json"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["relations"]["overall"]["precision"]["value"] == 1.0
    assert all(t["pass"] for t in out["targets"])
    assert main(["--export", str(tmp_path / "export.json"), "--gold", str(tmp_path / "gold.json"), "-v"]) == 0
    text = capsys.readouterr().out
    assert "PASS  relation precision" in text and "MISS" not in text


@pytest.mark.parametrize(("content", "message"), [
    (None, "export file not found"),
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "does not hold a JSON object"),
    (b"\xff\xfe\x00", "cannot read export file"),
])
def test_unreadable_export_exits_2_naming_the_file(tmp_path, capsys, content, message):
    path = tmp_path / "broken.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["--export", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err


def test_unreadable_gold_exits_2(tmp_path, capsys):
    (tmp_path / "export.json").write_text("{}", encoding="utf-8")
    missing = tmp_path / "nope" / "gold.json"
    assert main(["--export", str(tmp_path / "export.json"), "--gold", str(missing)]) == 2
    assert f"gold file not found: {missing}" in capsys.readouterr().err


# ---------------------------------------------------------------- the real sample gold

@pytest.fixture(scope="module")
def sample_gold() -> dict:
    return json.loads((sample_dir() / "gold.json").read_text(encoding="utf-8"))


def test_oracle_export_of_the_sample_gold_scores_one(sample_gold):
    export = oracle_export(sample_gold, sample_dir())
    result = evaluate(export, sample_gold)
    assert result["documents"]["missing"] == []
    assert result["events"]["gold_sentences_not_found"] == 0  # every gold sentence located in the oracle text
    ratios = [
        result["documents"]["publication_date"], result["entities"]["found"],
        result["relations"]["overall"]["precision"], result["relations"]["overall"]["recall"],
        result["relations"]["polarity"]["accuracy"],
        result["events"]["recall"], result["events"]["type_accuracy"], result["events"]["date_accuracy"],
        result["events"]["location_accuracy"], result["events"]["actor_recall"],
        result["quotes"]["recall"], result["quotes"]["speaker_accuracy"],
        result["contradictions"]["recall"],
    ]
    assert all(r.total > 0 and r.value == 1.0 for r in ratios), [str(r) for r in ratios]
    assert result["entities"]["bcubed"]["f1"] == 1.0 and result["entities"]["merged"] == []
    assert result["contradictions"]["false_alarms"] == [] and result["contradictions"]["expected_flags"] == 1
    assert all(t["pass"] for t in result["targets"])


def test_oracle_with_one_error_per_area_is_caught(sample_gold):
    """The scorer is not trivially satisfied on the real gold: each planted error shows up."""
    export = oracle_export(sample_gold, sample_dir())
    export["relations"] = export["relations"][1:]
    export["events"][0]["date"] = "1999-01-01"
    export["quotes"][0]["speaker"] = None
    salman = next(e for e in export["entities"] if e["id"] == "salman")
    jubouri = next(e for e in export["entities"] if e["id"] == "jubouri")
    salman["mentions"] += jubouri["mentions"][:1]  # the two Haidars must stay apart
    result = evaluate(export, sample_gold)
    assert result["relations"]["overall"]["recall"].correct == result["relations"]["overall"]["recall"].total - 1
    assert result["events"]["date_accuracy"].correct == result["events"]["date_accuracy"].total - 1
    assert result["quotes"]["speaker_accuracy"].correct == result["quotes"]["speaker_accuracy"].total - 1
    assert [m["entity"] for m in result["entities"]["merged"]] == ["salman"]
