"""The trained event typer: the shipped model loads offline and reads invented sentences right; the
combination with the lexicon keeps the rule's type when the model is unsure."""

import json

import numpy as np
import pytest

from newsgraph.extract import event_typer
from newsgraph.extract.event_typer import EventTyper, combine
from newsgraph.extract.events import classify_sentence, rule_category


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    t = event_typer.load()
    assert t is not None, f"no event typer shipped in {event_typer.MODEL_DIR}"
    return t


def _best(probs: dict[str, float]) -> str:
    return max(probs, key=probs.get)


def test_shipped_model_types_invented_sentences(typer):
    texts = [
        "Warplanes of the Norland air force bombed positions of the Dawn Front near Velmora on Tuesday.",
        "Thousands of students marched through the centre of Lyon to protest against the new tuition fees.",
        "Police arrested Karim al-Tarmi in Lyon on Friday.",
    ]
    got = [_best(p) for p in event_typer.type_sentences(texts, typer)]
    assert got == ["FIGHT", "PROTEST", "COERCE"]
    assert {"DISASTER", "ACCIDENT", "CRIME"} <= set(typer.category.labels)


def test_probabilities_and_modes(typer):
    [probs] = event_typer.type_sentences(["Norland and Chile signed a ceasefire agreement in Oslo."], typer)
    assert set(probs) == set(typer.category.labels)
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    [modes] = event_typer.mode_sentences(["A suicide bomber blew himself up at a checkpoint in Sahil."], typer)
    assert _best(modes) == "suicide-attack"


def test_combine_keeps_the_rule_when_the_model_is_unsure():
    unsure = {"ASSAULT": 0.3, "FIGHT": 0.35, "THREATEN": 0.35}
    assert combine("ASSAULT", unsure) == "ASSAULT"
    # sure, but the rule's category keeps a fair share: the rule stands
    assert combine("ASSAULT", {"FIGHT": 0.7, "ASSAULT": 0.3}) == "ASSAULT"
    # sure of another category, which the rule's category barely has: the model wins
    assert combine("THREATEN", {"ASSAULT": 0.95, "THREATEN": 0.01, "FIGHT": 0.04}) == "ASSAULT"
    assert combine("THREATEN", {}) == "THREATEN"  # no model: the rules decide


def test_combine_without_a_rule_trigger():
    t = {"fill": 0.5}
    assert combine(None, {"PROTEST": 0.8, "AGREE": 0.2}, thresholds=t) == "PROTEST"
    assert combine(None, {"PROTEST": 0.4, "AGREE": 0.6}, thresholds={"fill": 0.7}) is None
    # a non-conflict type never creates an event the rules did not see
    assert combine(None, {"DISASTER": 0.99, "AGREE": 0.01}, thresholds=t) is None


def test_weak_trigger_gives_way_sooner():
    probs = {"DISASTER": 0.55, "ASSAULT": 0.05, "AGREE": 0.4}
    t = {"override": 0.6, "weak_override": 0.5, "doubt": 0.1}
    assert combine("ASSAULT", probs, weak=False, thresholds=t) == "ASSAULT"
    assert combine("ASSAULT", probs, weak=True, thresholds=t) == "DISASTER"


def test_rules_only_flag_reads_the_lexicon_alone():
    text = "Norland and Chile signed a trade agreement in Lyon."
    assert classify_sentence(text, use_model=False) == rule_category(text)[0]


def test_a_broken_model_directory_is_named(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"category_labels": ["A"], "mode_labels": [""]}))
    with pytest.raises(FileNotFoundError, match="vocab.json"):
        EventTyper.from_dir(tmp_path)
    (tmp_path / "vocab.json").write_text(json.dumps({"x": 0, "y": 1}))
    np.savez(tmp_path / "model.npz", idf=np.ones(2), category_coef=np.zeros((3, 1)), category_intercept=np.zeros(1),
             mode_coef=np.zeros((2, 1)), mode_intercept=np.zeros(1))
    with pytest.raises(ValueError, match="category weights have shape"):
        EventTyper.from_dir(tmp_path)


def test_a_rule_disaster_is_not_overruled():
    # the model knows disasters from too few sentences to turn one into an attack
    assert combine("DISASTER", {"ASSAULT": 0.9, "DISASTER": 0.01, "FIGHT": 0.09}) == "DISASTER"


def test_a_category_from_context_stands():
    # "must" makes a withdrawal a REQUEST in the lexicon; the bag-of-words model does not undo it
    text = "The government of Norland must withdraw its forces from the valley, the council said."
    assert classify_sentence(text) == rule_category(text)[0] == "REQUEST"


def test_content_words_leave_out_names_and_numbers():
    words = event_typer.content_words("Jets of Norland bombed 3 villages near Velmora, Karim al-Tarmi said.")
    assert words == ["jets", "of", "bombed", "villages", "near", "al", "said"]
    # the first word of a sentence is capitalised whatever it is
    assert event_typer.content_words("Protesters marched")[0] == "protesters"


def _vector_only_typer(labels: list[str], anchors: list[str]) -> EventTyper:
    """A typer with no tf-idf features: each label's weights are the vector of one anchor word."""
    vectors = event_typer.word_vectors()
    dense = np.stack([vectors.table[vectors.row(w)] / np.linalg.norm(vectors.table[vectors.row(w)]) for w in anchors],
                     axis=1) * 10
    head = event_typer._Head(labels, np.zeros((1, len(labels)), np.float32), np.zeros(len(labels), np.float32), dense)
    return EventTyper({"unused": 0}, np.ones(1, np.float32), head, head, {}, dense_scale=1.0)


def test_word_vectors_type_words_the_tf_idf_never_saw():
    t = _vector_only_typer(["FIGHT", "PROTEST"], ["shelling", "protest"])
    fight, protest = [_best(p) for p in t.categories([
        "Artillery of the Dawn Front shelled rebel positions.",
        "Thousands of protesters marched in the streets of Sahil.",
    ])]
    assert (fight, protest) == ("FIGHT", "PROTEST")
    # a sentence without any known content word falls back to the intercepts (uniform here)
    [probs] = t.categories(["2024 Karim Tarmi"])
    assert abs(probs["FIGHT"] - 0.5) < 1e-6


def test_a_model_with_vector_weights_loads_and_reads_them(tmp_path):
    width = event_typer.word_vectors().width
    protest = event_typer.word_vectors().table[event_typer.word_vectors().row("protest")]
    dense = np.stack([np.zeros(width), protest / np.linalg.norm(protest) * 10], axis=1)
    (tmp_path / "vocab.json").write_text(json.dumps({"unused": 0}))
    np.savez(tmp_path / "model.npz", idf=np.ones(1), category_coef=np.zeros((1, 2)), category_intercept=np.zeros(2),
             category_dense_coef=dense, mode_coef=np.zeros((1, 2)), mode_intercept=np.zeros(2), mode_dense_coef=dense)
    meta = {"category_labels": ["AGREE", "PROTEST"], "mode_labels": ["", "demo"], "dense_scale": 1.0}
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    t = EventTyper.from_dir(tmp_path)
    [probs] = t.categories(["Thousands of protesters marched in the streets of Sahil."])
    assert probs["PROTEST"] > 0.9
    vecs = t.sentence_vectors(["Police arrested a journalist in Sahil."])
    assert vecs.shape == (1, width) and abs(float(np.linalg.norm(vecs[0])) - 1.0) < 1e-3
    # without vector weights (dense_scale 0, the older files) the same arrays read the tf-idf part only
    (tmp_path / "meta.json").write_text(json.dumps({**meta, "dense_scale": 0}))
    [flat] = EventTyper.from_dir(tmp_path).categories(["Thousands of protesters marched in the streets of Sahil."])
    assert abs(flat["PROTEST"] - 0.5) < 1e-6
