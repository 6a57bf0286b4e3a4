"""The MiniLM fine-tuning experiment (training/scripts/finetune_minilm_ner.py): BIO decoding
and windowing, the two places where a silent bug would skew its reported F1."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
finetune = pytest.importorskip("finetune_minilm_ner")


def tags(*names):
    return [finetune.TAG_ID[n] for n in names]


@pytest.mark.parametrize("seq, spans", [
    (("B-PERSON", "I-PERSON", "O", "B-GPE"), [(0, 2, "PERSON"), (3, 4, "GPE")]),
    # two names side by side stay two names
    (("B-ORG", "B-ORG", "I-ORG"), [(0, 1, "ORG"), (1, 3, "ORG")]),
    # an I- with no B- before it still opens a span (the classifier is not a CRF)
    (("O", "I-LOC", "I-LOC"), [(1, 3, "LOC")]),
    # a change of type inside a run closes the first span
    (("B-ORG", "I-GPE"), [(0, 1, "ORG"), (1, 2, "GPE")]),
    (("O", "O"), []),
])
def test_bio_tags_decode_to_word_spans(seq, spans):
    assert finetune.decode(tags(*seq)) == spans


def test_windows_never_cut_an_entity(monkeypatch):
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    doc = nlp.make_doc("the envoy met Abu Mahdi al - Muhandis in the capital on Sunday")
    doc.set_ents([Span(doc, 3, 8, "PERSON")], default="outside")
    monkeypatch.setattr(finetune, "MAX_WORDS", 5)
    windows = list(finetune.chunks(doc))
    assert windows[0][0] == 0 and windows[-1][1] == len(doc)
    assert all(a < b for a, b in windows)
    assert all(doc[b].ent_iob_ != "I" for _, b in windows if b < len(doc))
    assert (3, 8) in windows   # the name is not split across windows


def test_case_classes():
    assert [finetune.case_of(w) for w in ("militia", "Baghdad", "PMF", "F-16", "a")] == [0, 1, 2, 3, 0]
