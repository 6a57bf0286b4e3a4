"""A trained event typer: the PLOVER category (and mode) of a sentence's main event, as probabilities.

The lexicon rules (:mod:`newsgraph.extract.events`) find triggers and arguments; this model reads the
whole sentence and says which event type it reports. It knows the 16 PLOVER categories plus FIGHT
(EVENTS.md) and the non-conflict events that news mixes in: ``DISASTER`` (natural hazards,
epidemics), ``ACCIDENT`` (crashes, fires, collapses, accidental blasts) and ``CRIME`` (non-violent
crime). A second head gives the mode (``aerial``, ``explosives``, ``riot``, ``arrest`` ...), which
the ACLED sub-event type is read from.

Model: tf-idf over word unigrams, bigrams and 5-letter word stems, then multinomial logistic
regression (one for categories, one for modes). A model trained with ``--dense-scale`` > 0 also reads
the sentence's idf-weighted mean of static word vectors (the 96-d MiniLM-distilled vectors of the
bundled spaCy model, loaded only then), so that a verb never seen in training lands near its synonyms;
the shipped model does not (training/README.md, "Event typer": no gain on the dev parts). It is trained by ``make train-events``
(``training/scripts/train_event_typer.py``) from the PLOVER gold-standard sentences (train part),
the NGEC synthetic stories (weak labels) and GMB news sentences labelled by hand
(``eval/event_typer/gmb_events*.tsv``). It ships as plain arrays (``model.npz`` + ``vocab.json``)
and needs only numpy at run time: a batch of sentences costs microseconds per sentence.

:func:`combine` is how a rule's category and the model's probabilities are reconciled.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

__all__ = ["MODEL_DIR", "NON_CONFLICT", "EventTyper", "WordVectors", "analyse", "THRESHOLDS", "combine", "content_words",
           "load", "mode_sentences", "type_sentences", "word_vectors"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "event_typer"
NON_CONFLICT = frozenset({"DISASTER", "ACCIDENT", "CRIME"})

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_CASED_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")
_STEM = 5
VECTORS_DIR = MODEL_DIR.parent / "en_newsgraph" / "vocab"


def analyse(text: str) -> list[str]:
    """The features of one sentence: lower-cased words (numbers as ``0``), word bigrams and the
    first five letters of longer words (so "shelled", "shelling" share ``~shell``)."""
    words = ["0" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    feats = list(words)
    feats += [f"{a} {b}" for a, b in zip(words, words[1:])]
    feats += [f"~{w[:_STEM]}" for w in words if len(w) > _STEM]
    return feats


def content_words(text: str) -> list[str]:
    """The lower-cased words that say what happened: numbers and capitalised words after the first
    (names, which say who and where) are left out."""
    return [w.lower() for i, w in enumerate(_CASED_WORD.findall(text))
            if not w[0].isdigit() and not (i > 0 and w[0].isupper())]


class WordVectors:
    """The static word vectors of the bundled spaCy model (``en_newsgraph/vocab``), looked up by word."""

    def __init__(self, path: Path = VECTORS_DIR):
        from spacy.strings import hash_string
        from spacy.vectors import Vectors

        vectors = Vectors(shape=(0, 0)).from_disk(path)
        self._hash = hash_string
        self._key2row = vectors.key2row
        self.table = np.asarray(vectors.data, dtype=np.float32)
        self._rows: dict[str, int] = {}

    @property
    def width(self) -> int:
        return int(self.table.shape[1])

    def row(self, word: str) -> int:
        """The word's row in :attr:`table`, -1 when it has no vector."""
        r = self._rows.get(word)
        if r is None:
            r = self._rows[word] = int(self._key2row.get(self._hash(word), -1))
        return r

    def sentence_vectors(self, texts: list[str], idf: Callable[[str], float]) -> np.ndarray:
        """Per text: the idf-weighted mean of its content words' vectors, l2-normalised (rare words
        weigh more: "shelled" says more about the event than "said")."""
        out = np.zeros((len(texts), self.width), dtype=np.float32)
        for i, text in enumerate(texts):
            rows, weights = [], []
            for w in content_words(text):
                r = self.row(w)
                if r >= 0:
                    rows.append(r)
                    weights.append(idf(w))
            if rows:
                v = np.asarray(weights, dtype=np.float32) @ self.table[rows]
                norm = float(np.sqrt((v * v).sum()))
                out[i] = v / norm if norm > 0 else v
        return out


_VECTORS_LOCK = threading.Lock()
_VECTORS: dict[Path, WordVectors] = {}


def word_vectors(path: Path = VECTORS_DIR) -> WordVectors:
    """The word vectors (loaded once per process)."""
    with _VECTORS_LOCK:
        if path not in _VECTORS:
            _VECTORS[path] = WordVectors(path)
        return _VECTORS[path]


@dataclass
class _Head:
    labels: list[str]
    coef: np.ndarray  # (n_features, n_labels)
    intercept: np.ndarray  # (n_labels,)
    dense_coef: np.ndarray | None = None  # (vector width, n_labels): weights of the sentence vector


class EventTyper:
    """The shipped model: ``vocab`` (feature -> column), ``idf`` weights and two linear heads; with
    ``dense_scale`` > 0 the heads also read the sentence vector (:meth:`WordVectors.sentence_vectors`)
    scaled by it."""

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, category: _Head, mode: _Head, meta: dict,
                 dense_scale: float = 0.0):
        self.vocab = vocab
        self.idf = idf
        self.category = category
        self.mode = mode
        self.meta = meta
        self.dense_scale = dense_scale
        self.thresholds: dict[str, float] = dict(meta.get("combine", {}))
        self._max_idf = float(idf.max()) if len(idf) else 1.0

    def word_idf(self, word: str) -> float:
        """A word's idf in the training sentences; a word never seen there weighs as the rarest."""
        j = self.vocab.get(word)
        return float(self.idf[j]) if j is not None else self._max_idf

    def sentence_vectors(self, texts: list[str]) -> np.ndarray | None:
        """The scaled sentence vectors the heads read (``None`` for a model without them)."""
        if self.dense_scale <= 0:
            return None
        return word_vectors().sentence_vectors(texts, self.word_idf) * np.float32(self.dense_scale)

    @classmethod
    def from_dir(cls, path: Path) -> "EventTyper":
        missing = [n for n in ("vocab.json", "model.npz", "meta.json") if not (path / n).is_file()]
        if missing:
            raise FileNotFoundError(f"event typer model in {path}: missing {', '.join(missing)} "
                                    "(rebuild it with `make train-events`)")
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        with np.load(path / "model.npz") as z:
            arrays = {k: z[k] for k in z.files}
        dense_scale = float(meta.get("dense_scale", 0.0))
        heads = {
            name: _Head(meta[f"{name}_labels"], arrays[f"{name}_coef"].astype(np.float32),
                        arrays[f"{name}_intercept"].astype(np.float32),
                        arrays[f"{name}_dense_coef"].astype(np.float32) if dense_scale > 0 else None)
            for name in ("category", "mode")
        }
        for name, head in heads.items():
            if head.coef.shape != (len(vocab), len(head.labels)):
                raise ValueError(f"event typer model in {path}: {name} weights have shape {head.coef.shape}, "
                                 f"expected ({len(vocab)}, {len(head.labels)})")
            if head.dense_coef is not None and head.dense_coef.shape[1] != len(head.labels):
                raise ValueError(f"event typer model in {path}: {name} vector weights have shape "
                                 f"{head.dense_coef.shape}, expected (width, {len(head.labels)})")
        return cls(vocab, arrays["idf"].astype(np.float32), heads["category"], heads["mode"], meta, dense_scale)

    def _features(self, texts: list[str]) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray | None]:
        """Per text: feature columns and their l2-normalised sublinear tf-idf weights; and the scaled
        sentence vectors (``None`` without them)."""
        out = []
        for text in texts:
            counts: dict[int, int] = {}
            for f in analyse(text):
                j = self.vocab.get(f)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            w = (1.0 + np.log(tf)) * self.idf[cols] if len(cols) else tf
            norm = float(np.sqrt((w * w).sum()))
            out.append((cols, w / norm if norm > 0 else w))
        return out, self.sentence_vectors(texts)

    def _predict(self, head: _Head, feats) -> list[dict[str, float]]:
        sparse, dense = feats
        out = []
        for i, (cols, w) in enumerate(sparse):
            z = head.intercept + w @ head.coef[cols] if len(cols) else head.intercept.copy()
            if dense is not None and head.dense_coef is not None:
                z = z + dense[i] @ head.dense_coef
            z = np.exp(z - z.max())
            p = z / z.sum()
            out.append(dict(zip(head.labels, p.tolist())))  # the same floats as float(v) each, in one call
        return out

    def categories(self, texts: list[str]) -> list[dict[str, float]]:
        return self._predict(self.category, self._features(texts))

    def modes(self, texts: list[str]) -> list[dict[str, float]]:
        return self._predict(self.mode, self._features(texts))


_LOCK = threading.Lock()
_LOADED: dict[Path, EventTyper | None] = {}


def load(path: Path | None = None) -> EventTyper | None:
    """The shipped typer (cached); ``None`` when no model is installed, so the rules decide alone."""
    path = Path(path) if path is not None else MODEL_DIR
    with _LOCK:
        if path not in _LOADED:
            _LOADED[path] = EventTyper.from_dir(path) if (path / "meta.json").is_file() else None
        return _LOADED[path]


def type_sentences(texts: list[str], typer: EventTyper | None = None) -> list[dict[str, float]]:
    """Category probabilities for each sentence (empty dicts when no model is installed)."""
    typer = typer or load()
    return typer.categories(list(texts)) if typer is not None else [{} for _ in texts]


def mode_sentences(texts: list[str], typer: EventTyper | None = None) -> list[dict[str, float]]:
    """Mode probabilities for each sentence (``""`` is "no particular mode"); empty without a model."""
    typer = typer or load()
    return typer.modes(list(texts)) if typer is not None else [{} for _ in texts]


# Thresholds of :func:`combine`; the shipped model's meta.json carries the ones chosen on the dev parts
# (training/README.md, "Event typer"), these are the fallbacks.
THRESHOLDS = {
    "override": 0.6,  # the model replaces a rule's category when it is at least this sure of another one ...
    "doubt": 0.1,  # ... and gives the rule's category less than this
    "weak_override": 0.4,  # the same against a weak trigger (a word that only types a sentence with nothing better)
    "fill": 0.5,  # the model types a sentence the rules found no trigger in when it is at least this sure
}


def combine(rule: str | None, probs: dict[str, float], weak: bool = False,
            thresholds: dict[str, float] | None = None) -> str | None:
    """The category to keep: the rule's, unless the model is sure of another one.

    ``rule`` is the lexicon's category (``None`` when no trigger was found), ``probs`` the model's
    probabilities for the sentence (empty: no model, the rule stands), ``weak`` whether the rule's
    trigger is a weak word. A sentence without trigger gets the model's category only when the model
    is sure; the non-conflict types never fill a sentence without trigger (the rules saw no event
    there for them to describe).
    """
    if not probs:
        return rule
    t = {**THRESHOLDS, **(thresholds or {})}
    best = max(probs, key=probs.get)
    p = probs[best]
    if rule is None:
        return best if p >= t["fill"] and best not in NON_CONFLICT else None
    if best == rule or rule in NON_CONFLICT:
        # the model has seen too few disasters and accidents to overrule the lexicon on them
        return rule
    need = t["weak_override"] if weak else t["override"]
    if p >= need and probs.get(rule, 0.0) < t["doubt"]:
        return best
    return rule
