"""The held-out scorer (training/scripts/evaluate.py): LAS as the CoNLL 2018 scorer counts it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
evaluate = pytest.importorskip("evaluate")


@pytest.mark.parametrize("ours, gold, same", [
    ("nsubj:pass", "nsubj:pass", True),
    ("nsubj", "nsubj:pass", True),      # a subtype is language-specific: CoNLL 2018 ignores it
    ("obl:tmod", "obl", True),
    ("ROOT", "root", True),
    ("obj", "obl", False),
    ("nmod:poss", "det", False),
])
def test_labelled_attachment_compares_universal_relations(ours, gold, same):
    assert (evaluate._universal(ours) == evaluate._universal(gold)) is same


def _ner_pipeline(shared_tok2vec: bool):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    if shared_tok2vec:
        nlp.add_pipe("tok2vec")
        listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"}
        nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2",
                                              "state_type": "ner", "hidden_width": 16, "maxout_pieces": 2,
                                              "use_upper": True, "tok2vec": listener}})
    else:
        nlp.add_pipe("ner")
    nlp.get_pipe("ner").add_label("PERSON")
    nlp.initialize()
    return nlp


def test_a_ner_on_the_shared_tok2vec_is_scored_after_that_tok2vec():
    # Run alone, a listening NER reads zeros instead of the tok2vec's output.
    assert evaluate.ner_inputs(_ner_pipeline(shared_tok2vec=True)) == ["tok2vec"]


def test_a_ner_with_its_own_tok2vec_is_scored_alone():
    assert evaluate.ner_inputs(_ner_pipeline(shared_tok2vec=False)) == []
