"""The silver UD builder (training/scripts/silver_ud.py), with the shipped CNN as a stand-in teacher."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
silver_ud = pytest.importorskip("silver_ud")

GMB_CSV = """Sentence #,Word,POS,Tag
Sentence: 1,Militants,NNS,O
,attacked,VBD,O
,Mosul,NNP,B-geo
,.,.,O
Sentence: 2,The,DT,O
,army,NN,O
,"said",VBD,O
,so,RB,O
,.,.,O
Sentence: 3,Talks,NNS,O
,resumed,VBD,O
,.,.,O
Sentence: 4,Dr.,NNP,B-per
,Smith,NNP,I-per
,left,VBD,O
,.,.,O
Sentence: 5,It,PRP,O
,rained,VBD,O
,.,.,O
"""


def test_only_the_training_block_of_gmb_is_read(tmp_path):
    folder = tmp_path / "gmb-ner-dataset-partial"
    folder.mkdir()
    (folder / "ner_dataset.partial.csv").write_text(GMB_CSV, encoding="utf-8")
    sents = silver_ud.gmb_training_sentences(tmp_path)
    # 5 sentences: the first 80 % (4) train the NER and may be parsed; the last is held out.
    assert sents == [["Militants", "attacked", "Mosul", "."], ["The", "army", "said", "so", "."],
                     ["Talks", "resumed", "."], ["Dr.", "Smith", "left", "."]]


@pytest.fixture(scope="module")
def teacher():
    from newsgraph import nlp as ngnlp

    try:
        return ngnlp.load()
    except Exception as exc:  # the model is in the repo; a broken install should say why
        pytest.skip(f"no shipped model: {exc}")


def test_gold_sentence_starts_are_fixed_before_parsing(teacher):
    # GMB's first sentence lacks its full stop: left alone, the parser reads one sentence.
    sents = [["Militants", "attacked", "Mosul"], ["Dr.", "Smith", "left", "."],
             ["The", "army", "said", "so", "."]]
    doc = silver_ud.doc_with_sentences(teacher, sents)
    assert doc.text == "Militants attacked Mosul Dr. Smith left. The army said so."
    (doc,) = silver_ud.annotate(teacher, [doc])
    assert [s.text for s in doc.sents] == ["Militants attacked Mosul", "Dr. Smith left.",
                                           "The army said so."]
    for sent in doc.sents:
        assert sum(t.dep_ == "ROOT" for t in sent) == 1
        assert all(sent.start <= t.head.i < sent.end for t in sent)
    assert doc.has_annotation("TAG") and doc.has_annotation("POS") and doc.has_annotation("MORPH")
    assert doc[1].pos_ == "VERB" and doc[1].dep_ == "ROOT"
