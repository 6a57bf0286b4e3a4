"""Tests for newsgraph.nlp (the shipped spaCy pipeline). No /work/shared needed."""
from __future__ import annotations

import pytest

from newsgraph import nlp as ngnlp
from newsgraph.nlp import ModelMissingError

HAVE_MODEL = (ngnlp.model_path() / "config.cfg").is_file()
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="shipped NLP model not built")


def test_missing_model_error_is_clear(tmp_path):
    with pytest.raises(ModelMissingError) as ei:
        ngnlp.load(tmp_path / "no_such_model")
    msg = str(ei.value)
    assert "no_such_model" in msg
    assert "make train" in msg


def test_missing_model_error_is_runtime_error():
    assert issubclass(ModelMissingError, RuntimeError)


@pytest.fixture(scope="module")
def nlp():
    if not HAVE_MODEL:
        pytest.skip("shipped NLP model not built")
    return ngnlp.load()


@needs_model
@pytest.mark.model
def test_load_returns_cached_language(nlp):
    from spacy.language import Language

    assert isinstance(nlp, Language)
    assert ngnlp.load() is nlp
    for name in ("tagger", "morphologizer", "parser", "lemmatizer", "ner"):
        assert name in nlp.pipe_names


@needs_model
@pytest.mark.model
def test_news_abbreviations_are_single_tokens(nlp):
    text = "Col. John Smith, Maj. Gen. Ali Hassan and Lt. Col. Omar Jr. met U.S. and U.N. envoys on Dec. 4."
    toks = [t.text for t in nlp.tokenizer(text)]
    for abbr in ("Col.", "Maj.", "Gen.", "Lt.", "Jr.", "U.S.", "U.N.", "Dec."):
        assert abbr in toks, (abbr, toks)


def _same_sentence(doc, words):
    toks = []
    for w in words:
        matches = [t for t in doc if t.text == w]
        assert matches, (w, [t.text for t in doc])
        toks.append(matches[0])
    return len({t.sent.start for t in toks}) == 1


@needs_model
@pytest.mark.model
@pytest.mark.parametrize("text,together", [
    ("Col. John Smith said the convoy left at dawn. Two trucks were hit.", ["Col.", "John", "Smith"]),
    ("The U.S. Army said the U.N. team arrived. It did not say when.", ["U.S.", "Army", "said"]),
    ("Talks resumed on Dec. 4 in Geneva. Both sides attended.", ["Dec.", "4", "Geneva"]),
    ("Maj. Gen. Ali Hassan visited the base. He praised the troops.", ["Maj.", "Gen.", "Ali", "Hassan"]),
])
def test_sentence_splitting_keeps_abbreviations(nlp, text, together):
    doc = nlp(text)
    assert _same_sentence(doc, together), [s.text for s in doc.sents]
    assert len(list(doc.sents)) == 2, [s.text for s in doc.sents]


@needs_model
@pytest.mark.model
def test_ner_finds_person_and_org(nlp):
    # A sentence of our own writing.
    doc = nlp("Defence Minister Karim Haddad told reporters that the United Nations "
              "would send observers to Baghdad next week.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert any(lab == "PERSON" and "Haddad" in txt for txt, lab in ents), ents
    assert any(lab == "ORG" and "United Nations" in txt for txt, lab in ents), ents
    assert any(lab in ("GPE", "LOC") and txt == "Baghdad" for txt, lab in ents), ents


@needs_model
@pytest.mark.model
def test_lemmas_and_pos(nlp):
    doc = nlp("The soldiers were killed in the attacks.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["soldiers"] == "soldier"
    assert lemmas["were"] == "be"
    assert doc[1].pos_ == "NOUN"


@needs_model
@pytest.mark.model
def test_pipe_helper(nlp):
    docs = list(ngnlp.pipe(["Gen. Ali Hassan arrived.", "Talks ended on Dec. 4."]))
    assert len(docs) == 2 and docs[0][0].text == "Gen."


@pytest.mark.parametrize("words, spaces, start, kept", [
    # a hyphenated name is one word, wherever the parser would cut it
    (["Hussein", "Najafi", "-", "Shirazi", "issued", "it"], [True, False, False, True, True, False], 3, False),
    # a name particle is followed by the rest of the name
    (["Mahmoud", "Abu", "Zeid", "told", "them"], [True, True, True, True, False], 2, False),
    (["Hamad", "bin", "Rashed", "left"], [True, True, True, False], 2, False),
    # a full stop may end a sentence with or without a space after it
    (["It", "ended", ".", "The", "convoy", "left"], [True, False, False, True, True, False], 3, True),
    (["It", "ended", ".", "Zeid", "left"], [True, False, True, True, False], 3, True),
    # an acronym keeps a following name or number, but not a sentence-initial function word
    (["the", "U.S.", "Army", "said"], [True, True, True, False], 2, False),
    (["the", "U.N.", "40", "said"], [True, True, True, False], 2, False),
    (["the", "U.S.", "The", "talks"], [True, True, True, False], 2, True),
    (["on", "Dec.", "4"], [True, True, False], 2, False),
])
def test_sentence_guard_inside_words_and_names(words, spaces, start, kept):
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.news_tokenizer import news_sentence_guard

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    doc[start].is_sent_start = True
    doc = news_sentence_guard(doc)
    assert doc[start].is_sent_start is kept


def test_sentence_guard_blank_line_is_a_sentence_and_empty_doc_passes():
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.news_tokenizer import news_sentence_guard

    vocab = spacy.blank("en").vocab
    doc = news_sentence_guard(Doc(vocab, words=["Talks", "ended", ".", "\n\n", "Fighting", "resumed"],
                                  spaces=[True, False, False, False, True, False]))
    assert [t.is_sent_start for t in doc][3:5] == [True, True]
    assert len(news_sentence_guard(Doc(vocab, words=[]))) == 0


@needs_model
@pytest.mark.model
def test_every_layer_multiplies_with_numpy_blas(nlp):
    # thinc's blis wheel runs a generic kernel on x86-64, 3-4x slower than numpy's OpenBLAS
    from thinc.api import NumpyOps

    layers = [layer for _, pipe in nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
              for layer in pipe.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


@needs_model
@pytest.mark.model
def test_lemmatizer_gives_spacy_rule_lemmas_with_auxiliary_fixes(nlp):
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from newsgraph.nlp.news_tokenizer import AUX_LEMMAS

    lemmatizer = nlp.get_pipe("lemmatizer")
    spacy_rules = EnglishLemmatizer(nlp.vocab, None, "rules", mode="rule")
    spacy_rules.lookups = lemmatizer.lookups
    text = ("Karim al-Tarmi's fighters weren't retreating; they had been shelling the villages north of "
            "Velmora, officials said, and the Dawn Front's commanders were n't denying the heavier losses.")
    doc = nlp(text)
    for token in doc:
        if token.pos_ == "AUX":
            expected = AUX_LEMMAS.get(token.lower_, token.lower_)
        elif token.pos_ == "PART" and AUX_LEMMAS.get(token.lower_) == "not":
            expected = "not"
        else:
            expected = spacy_rules.rule_lemmatize(token)[0]
        assert token.lemma_ == expected, token.text
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in doc]  # from the cache, the same
    assert {t.lemma_ for t in doc} >= {"fighter", "shell", "village", "official", "say", "be", "not"}


@needs_model
@pytest.mark.model
def test_lemmatizer_reads_the_word_index_as_sets_and_saves_spacy_tables(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    nlp("The villages were shelled.")
    # a look-up in a set, not a scan of spaCy's 57,000-word list of nouns
    assert isinstance(lemmatizer._set_lookups.get_table("lemma_index").get("noun"), frozenset)
    assert lemmatizer._set_lookups_of is lemmatizer.lookups
    saved = lemmatizer.lookups.get_table("lemma_index").get("noun")
    assert isinstance(saved, list) and lemmatizer.to_bytes()  # what it saves stays spaCy's format


def _blas_threads() -> int:
    from threadpoolctl import threadpool_info

    return max((i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"), default=1)


@needs_model
@pytest.mark.model
def test_processes_forked_from_the_model_multiply_on_one_blas_thread(nlp):
    # nlp.pipe(n_process=2) forks: a BLAS thread per core in each process oversubscribed the cores
    import multiprocessing

    pytest.importorskip("threadpoolctl")
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_blas_threads) == 1
