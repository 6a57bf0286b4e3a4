"""The seed relation scorer (newsgraph/evaluate_seeds.py) on invented documents and an invented export."""

from __future__ import annotations

import io

from newsgraph import evaluate_seeds as es

DOC_A, DOC_B = "a.txt", "b.txt"

GOLD = {
    "split": {"dev": [DOC_A], "test": [DOC_B]},
    "entities": [
        {"id": "tarmi", "name": "Karim al-Tarmi", "type": "PERSON", "aliases": ["Tarmi"]},
        {"id": "dawn", "name": "Dawn Front", "type": "ORG", "aliases": ["the Front"]},
        {"id": "norland", "name": "Norland", "type": "COUNTRY", "aliases": ["Norlandi"]},
        {"id": "velmora", "name": "Velmora", "type": "LOC", "aliases": []},
        {"id": "sahil", "name": "Sahil Brigade", "type": "ORG", "aliases": []},
    ],
    "relations": [
        {"doc": DOC_A, "subject": "tarmi", "predicate": "leads", "object": "dawn", "evidence": [[0, 10]]},
        {"doc": DOC_A, "subject": "dawn", "predicate": "allied_with", "object": "norland", "accept": ["backed_by"],
         "evidence": [[11, 20]]},
        {"doc": DOC_A, "subject": "sahil", "predicate": "fights", "object": "dawn", "evidence": [[21, 30]]},
        {"doc": DOC_A, "subject": "tarmi", "predicate": "holds_office", "object": "norland", "office": "Prime Minister",
         "evidence": [[0, 10]]},
        {"doc": DOC_A, "subject": "sahil", "predicate": "based_in", "object": "velmora", "optional": True,
         "evidence": [[31, 40]]},
        {"doc": DOC_B, "subject": "tarmi", "predicate": "leads", "object": "sahil", "polarity": "denied",
         "evidence": [[0, 10]]},
        {"doc": DOC_B, "subject": "dawn", "predicate": "part_of", "object": "sahil", "evidence": [[11, 20]]},
    ],
    "judgements": [
        {"doc": DOC_A, "subject": "Velmora", "predicate": "allied_with", "object": "Norland", "verdict": "wrong"},
    ],
}


def _mention(doc: str, text: str) -> dict:
    return {"doc": doc, "start": 0, "end": len(text), "text": text}


def _export() -> dict:
    entities = [
        {"id": "E1", "name": "Karim al-Tarmi", "mentions": [_mention("d1", "Karim al-Tarmi"), _mention("d2", "Tarmi")]},
        {"id": "E2", "name": "Dawn Front", "mentions": [_mention("d1", "the Front"), _mention("d2", "Dawn Front")]},
        {"id": "E3", "name": "Norland", "mentions": [_mention("d1", "Norlandi")]},
        {"id": "E4", "name": "Sahil Brigade", "mentions": [_mention("d1", "Sahil Brigade"),
                                                           _mention("d2", "Sahil Brigade")]},
        {"id": "E5", "name": "Velmora", "mentions": [_mention("d1", "Velmora")]},
        {"id": "E6", "name": "Prime Minister", "mentions": [_mention("d1", "Prime Minister")]},
        {"id": "E7", "name": "Ostmark Guard", "mentions": [_mention("d1", "Ostmark Guard")]},
    ]

    def rel(subject, predicate, obj, doc, polarity="asserted"):
        names = {e["id"]: e["name"] for e in entities}
        return {"subject": subject, "subject_name": names[subject], "predicate": predicate, "object": obj,
                "object_name": names[obj], "polarity": polarity, "evidence": [{"doc": doc, "text": "..."}]}

    relations = [
        rel("E1", "leads", "E2", "d1"),  # right
        rel("E2", "backed_by", "E3", "d1"),  # right: the gold accepts backed_by for the alliance
        rel("E2", "fights", "E4", "d1"),  # right: fights is symmetric
        rel("E1", "holds_office", "E6", "d1"),  # right: the object names the gold office
        rel("E4", "allied_with", "E2", "d1"),  # wrong: aligned actors, not in the gold
        rel("E5", "allied_with", "E3", "d1"),  # wrong: both align, so the judgement does not apply
        rel("E7", "fights", "E3", "d1"),  # unjudged: Ostmark Guard is no gold entity
        rel("E1", "leads", "E4", "d2", "negated"),  # right: the gold denies it
        rel("E2", "member_of", "E4", "d2", "negated"),  # wrong: asserted in the gold, negated here
    ]
    return {"documents": [{"id": "d1", "source": f"/x/{DOC_A}", "text": ""},
                          {"id": "d2", "source": f"/x/{DOC_B}", "text": ""}],
            "entities": entities, "relations": relations}


def test_scores_per_split_with_symmetry_accept_office_and_polarity():
    result = es.score(GOLD, _export())
    dev, test = result["dev"].figures(), result["test"].figures()
    assert (dev["precision_aligned"].correct, dev["precision_aligned"].total) == (4, 6)
    assert dev["unjudged"] == 1
    assert (dev["recall"].correct, dev["recall"].total) == (4, 4)
    assert (dev["optional_found"].correct, dev["optional_found"].total) == (0, 1)
    assert (test["precision_aligned"].correct, test["precision_aligned"].total) == (1, 2)
    assert (test["recall"].correct, test["recall"].total) == (1, 2)


def test_judgements_count_in_precision_over_all_relations():
    export = _export()
    export["relations"].append({"subject": "E5", "subject_name": "Velmora", "predicate": "allied_with",
                                "object": "E7", "object_name": "Ostmark Guard", "polarity": "asserted",
                                "evidence": [{"doc": "d1", "text": "..."}]})
    gold = dict(GOLD, judgements=[{"doc": DOC_A, "subject": "Velmora", "predicate": "allied_with",
                                   "object": "Ostmark Guard", "verdict": "wrong"}])
    dev = es.score(gold, export)["dev"].figures()
    assert (dev["precision_judged"].correct, dev["precision_judged"].total) == (4, 7)
    assert dev["unjudged"] == 1


def test_report_lists_unjudged_relations():
    out = io.StringIO()
    es.report(es.score(GOLD, _export()), ("dev",), GOLD, out=out)
    text = out.getvalue()
    assert "? a.txt | Ostmark Guard --fights--> Norland" in text
    assert "Sahil Brigade --allied_with--> Dawn Front" in text  # listed as wrong


def test_skips_without_seeds(tmp_path, capsys):
    assert es.main(["--seeds", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out
