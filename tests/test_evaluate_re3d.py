"""The re3d relation scorer (newsgraph.evaluate_re3d): type mapping, named arguments, span matching,
on an invented document written in re3d's JSON-lines layout. The real corpus is scored only when
../shared/data/re3d-partial is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import evaluate_re3d as ev
from newsgraph.types import EntityMention, RelationMention

TEXT = ("Karim al-Tarmi, the commander of the Dawn Front, said the Dawn Front and Norland are fighting "
        "the Velmora Brigade. They met in Sahil.")


def _span(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


ENTITIES = {
    "tarmi": ("Karim al-Tarmi", 0, "Person"),
    "front1": ("the Dawn Front", 0, "Organisation"),
    "front2": ("the Dawn Front", 1, "Organisation"),
    "norland": ("Norland", 0, "Organisation"),
    "velmora": ("the Velmora Brigade", 0, "Organisation"),
    "they": ("They", 0, "Organisation"),
    "sahil": ("Sahil", 0, "Location"),
}


def _write_source(root: Path) -> None:
    folder = root / "Invented Source"
    folder.mkdir(parents=True)
    doc = {"_id": "D1", "title": "t", "text": TEXT, "sourceName": "Invented Source", "sourceUrl": ""}
    ents = []
    for key, (sub, nth, typ) in ENTITIES.items():
        b, e = _span(sub, nth)
        ents.append({"_id": key, "documentId": "D1", "begin": b, "end": e, "type": typ, "value": sub,
                     "confidence": 1})

    def rel(typ, src, tgt, conf=1.0):
        (sb, se), (tb, te) = _span(*ENTITIES[src][:2]), _span(*ENTITIES[tgt][:2])
        return {"_id": f"{src}-{tgt}-{typ}", "documentId": "D1", "type": typ, "begin": 0, "end": 0, "value": "",
                "sourceBegin": sb, "sourceEnd": se, "source": "", "targetBegin": tb, "targetEnd": te, "target": "",
                "confidence": conf}

    rels = [
        rel("InChargeOf", "tarmi", "front1"),
        rel("FightingAgainst", "front2", "velmora"),
        rel("FightingAgainst", "velmora", "front2"),  # the same fact the other way round: kept once
        rel("FightingAgainst", "norland", "velmora", conf=0.2),  # rejected by the annotators
        rel("AlliesOf", "front2", "norland"),
        rel("FightingAgainst", "they", "velmora"),  # a pronoun: not a named argument
        rel("CoLocated", "norland", "sahil"),  # no predicate of ours
        rel("FightingAgainst", "front2", "sahil"),  # a place is never a party to fights
    ]
    for name, rows in (("documents.json", [doc]), ("entities.json", ents), ("relations.json", rels)):
        (folder / name).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path):
    _write_source(tmp_path)
    return ev.load(tmp_path)


def test_named_arguments():
    assert ev.is_named("the Global Front") and ev.is_named("Norland") and ev.is_named("Foreign Office Minister")
    assert not ev.is_named("they") and not ev.is_named("these fighters") and not ev.is_named("Some members")


def test_gold_mapping_keeps_mapped_types_between_named_actors(corpus):
    (doc,) = corpus["Invented Source"]
    golds = ev.gold_relations(doc)
    got = {(g.label, TEXT[slice(*g.subject)], TEXT[slice(*g.object)]) for g in golds}
    assert got == {("leads", "Karim al-Tarmi", "the Dawn Front"),
                   ("fights", "the Dawn Front", "the Velmora Brigade"),
                   ("allied_with", "the Dawn Front", "Norland")}
    everything = ev.gold_relations(doc, named_only=False)
    assert len(everything) == 4  # + the pronoun's fights


def _mention(sub, nth, typ, entity):
    b, e = _span(sub, nth)
    return EntityMention(b, e, sub, typ, entity=entity)


def test_scoring_by_span_overlap_type_and_direction(corpus):
    (doc,) = corpus["Invented Source"]
    mentions = [_mention("Karim al-Tarmi", 0, "PERSON", 0), _mention("Dawn Front", 0, "ORG", 1),
                _mention("Dawn Front", 1, "ORG", 1), _mention("Norland", 0, "ORG", 2),
                _mention("Velmora Brigade", 0, "ORG", 3), _mention("Sahil", 0, "LOC", 4)]
    sent = (0, TEXT.index(".") + 1)

    def rel(s, p, o, polarity="asserted"):
        return RelationMention(s, p, o, polarity, 0.8, "", *sent)

    relations = [
        rel(0, "leads", 1),  # right
        rel(3, "fights", 1),  # right, the other way round (symmetric)
        rel(1, "backed_by", 2),  # a backer is on the same side: allied_with, right
        rel(2, "member_of", 3),  # wrong
        rel(3, "part_of", 2, polarity="negated"),  # denied: not a claim, not scored
        rel(2, "based_in", 4),  # no re3d type: not scored
    ]
    preds = ev.predicted_relations(mentions, relations)
    assert [p.label for p in preds] == ["leads", "fights", "allied_with", "member_of"]
    counts = ev.score_document(ev.gold_relations(doc), preds, ev.gold_relations(doc, named_only=False))
    figs = counts.figures()
    assert figs["micro"]["predicted"] == 4 and figs["micro"]["predicted_right"] == 3
    assert figs["micro"]["gold"] == 3 and figs["micro"]["gold_found"] == 3
    assert figs["member_of"]["precision"] == 0.0 and figs["leads"]["recall"] == 1.0

    # a directed relation the wrong way round is wrong
    backwards = ev.predicted_relations(mentions, [rel(1, "leads", 0)])
    assert ev.score_document(ev.gold_relations(doc), backwards).figures()["leads"]["predicted_right"] == 0


def test_real_corpus_loads_when_present():
    if not ev.DEFAULT_ROOT.is_dir():
        pytest.skip("../shared/data/re3d-partial is not available")
    corpus = ev.load()
    assert len(corpus) == 4
    golds = [g for docs in corpus.values() for d in docs for g in ev.gold_relations(d)]
    assert len(golds) >= 30 and {g.label for g in golds} >= {"member_of", "leads", "fights", "allied_with"}
