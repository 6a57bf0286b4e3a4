"""A trained event typer: the PLOVER category (and mode) of a sentence's main event, as probabilities.

The lexicon rules (:mod:`newsgraph.extract.events`) find triggers and arguments; this model reads the
whole sentence and says which event type it reports. It knows the 16 PLOVER categories plus FIGHT
(EVENTS.md) and the non-conflict events that news mixes in: ``DISASTER`` (natural hazards,
epidemics), ``ACCIDENT`` (crashes, fires, collapses, accidental blasts) and ``CRIME`` (non-violent
crime). A second head gives the mode (``aerial``, ``explosives``, ``riot``, ``arrest`` ...), which
the ACLED sub-event type is read from.

Model: tf-idf over word unigrams, bigrams and 5-letter word stems, then multinomial logistic
regression (one for categories, one for modes). It is trained by ``make train-events``
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

import numpy as np

__all__ = ["MODEL_DIR", "NON_CONFLICT", "EventTyper", "analyse", "THRESHOLDS", "combine", "load", "mode_sentences",
           "type_sentences"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "event_typer"
NON_CONFLICT = frozenset({"DISASTER", "ACCIDENT", "CRIME"})

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_STEM = 5


def analyse(text: str) -> list[str]:
    """The features of one sentence: lower-cased words (numbers as ``0``), word bigrams and the
    first five letters of longer words (so "shelled", "shelling" share ``~shell``)."""
    words = ["0" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    feats = list(words)
    feats += [f"{a} {b}" for a, b in zip(words, words[1:])]
    feats += [f"~{w[:_STEM]}" for w in words if len(w) > _STEM]
    return feats


@dataclass
class _Head:
    labels: list[str]
    coef: np.ndarray  # (n_features, n_labels)
    intercept: np.ndarray  # (n_labels,)


class EventTyper:
    """The shipped model: ``vocab`` (feature -> column), ``idf`` weights and two linear heads."""

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, category: _Head, mode: _Head, meta: dict):
        self.vocab = vocab
        self.idf = idf
        self.category = category
        self.mode = mode
        self.meta = meta
        self.thresholds: dict[str, float] = dict(meta.get("combine", {}))

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
        heads = {
            name: _Head(meta[f"{name}_labels"], arrays[f"{name}_coef"].astype(np.float32),
                        arrays[f"{name}_intercept"].astype(np.float32))
            for name in ("category", "mode")
        }
        for name, head in heads.items():
            if head.coef.shape != (len(vocab), len(head.labels)):
                raise ValueError(f"event typer model in {path}: {name} weights have shape {head.coef.shape}, "
                                 f"expected ({len(vocab)}, {len(head.labels)})")
        return cls(vocab, arrays["idf"].astype(np.float32), heads["category"], heads["mode"], meta)

    def _features(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text: feature columns and their l2-normalised sublinear tf-idf weights."""
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
        return out

    def _predict(self, head: _Head, feats) -> list[dict[str, float]]:
        out = []
        for cols, w in feats:
            z = head.intercept + w @ head.coef[cols] if len(cols) else head.intercept.copy()
            z = np.exp(z - z.max())
            p = z / z.sum()
            out.append({lab: float(v) for lab, v in zip(head.labels, p)})
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
