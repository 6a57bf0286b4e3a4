"""The relation pair classifier (newsgraph.extract.relation_classifier) and how find_relations combines
it with the rules, on invented sentences and a hand-made model (no trained model needed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.extract import relation_classifier as rc
from newsgraph.extract.relations import find_relations
from tests.test_extract_relations import _mentions, _triples


@pytest.fixture(scope="module")
def model():
    from tests.test_extract_relations import _load_model

    return _load_model()


def _hand_made(weights: dict[str, dict[str, float]], threshold: float = 0.5) -> rc.RelationClassifier:
    """A classifier whose features push the given labels: {feature: {label: weight}}."""
    labels = list(rc.LABELS)
    vocab = {f: i for i, f in enumerate(weights)}
    coef = np.zeros((len(vocab), len(labels)), dtype=np.float32)
    for f, by_label in weights.items():
        for label, w in by_label.items():
            coef[vocab[f], labels.index(label)] = w
    intercept = np.zeros(len(labels), dtype=np.float32)
    intercept[labels.index("none")] = 2.0
    return rc.RelationClassifier(vocab, coef, intercept, {"labels": labels, "threshold": threshold})


AGAINST_IS_FIGHTING = _hand_made({"btw=against": {"fights": 6.0}, "rule=backed_by>": {"fights": 9.0},
                                  "rule=backed_by<": {"fights": 9.0}})


def test_candidate_pairs_take_the_closest_mentions_of_two_entities():
    from newsgraph.extract.relations import _Arg

    args = [_Arg(0, "ORG", None, 0, 2), _Arg(1, "ORG", None, 5, 6), _Arg(0, "ORG", None, 8, 9), _Arg(0, "ORG", None, 12, 13)]
    pairs = rc.candidate_pairs(args)
    assert len(pairs) == 1
    left, right = pairs[0]
    assert (left.first, right.first) == (5, 8)


def test_classifier_adds_what_the_rules_miss_above_its_threshold(model):
    text = "The Dawn Front launched dozens of strikes against the Velmora Brigade last week."
    spec = [("Dawn Front", "ORG", 0), ("Velmora Brigade", "ORG", 1)]
    doc = model(text)
    mentions = _mentions(text, spec)
    assert _triples(find_relations(doc, mentions, classifier=None)) == set()
    found = find_relations(doc, mentions, classifier=AGAINST_IS_FIGHTING)
    assert _triples(found) == {(0, "fights", 1)}
    assert found[0].confidence <= 0.75 and found[0].start == 0
    # under its threshold it adds nothing
    strict = _hand_made({"btw=against": {"fights": 6.0}}, threshold=0.999)
    assert _triples(find_relations(doc, mentions, classifier=strict)) == set()


def test_a_place_is_never_a_party_to_fights(model):
    text = "The Dawn Front launched dozens of strikes against Sahil last week."
    spec = [("Dawn Front", "ORG", 0), ("Sahil", "LOC", 1)]
    found = find_relations(model(text), _mentions(text, spec, {"Sahil": "settlement"}), classifier=AGAINST_IS_FIGHTING)
    assert not any(r.predicate == "fights" for r in found)


def test_a_pair_the_rules_relate_keeps_the_rules_reading(model):
    text = "The Dawn Front, which is backed by the Tamar Council, attacked a checkpoint."
    spec = [("Dawn Front", "ORG", 0), ("Tamar Council", "ORG", 1)]
    doc = model(text)
    mentions = _mentions(text, spec)
    rules = _triples(find_relations(doc, mentions, classifier=None))
    assert (0, "backed_by", 1) in rules
    assert _triples(find_relations(doc, mentions, classifier=AGAINST_IS_FIGHTING)) == rules  # backer never an enemy


def test_save_and_load_round_trip(tmp_path):
    AGAINST_IS_FIGHTING.save(tmp_path / "m")
    loaded = rc.RelationClassifier.from_dir(tmp_path / "m")
    feats = [["btw=against", "unknown"], ["nothing"]]
    assert np.allclose(loaded.probabilities(feats), AGAINST_IS_FIGHTING.probabilities(feats))
    assert loaded.probabilities(feats)[0].argmax() == rc.LABELS.index("fights")
    assert rc.load(tmp_path / "missing") is None
