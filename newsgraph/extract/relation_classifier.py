"""A trained relation classifier over candidate pairs of named mentions in one sentence.

The rules of :mod:`newsgraph.extract.relations` read relations off fixed constructions; this model
scores *every* pair of distinct local entities that share a sentence, from features that carry over
between writers:

* the rules' own proposal for the pair (predicate and direction), so the model learns when to trust it;
* the argument types (PERSON / ORG / LOC with its subtype) and their order;
* the words between the two mentions (lemmas), how many, how many other names lie between, the word
  before the first and after the second, a short gap written out ("," / "and" / ", the");
* the dependency path between the two mentions' heads: its labels, its length, the lemmas on it and
  the lowest common head; whether the two are conjoined;
* cue classes of the lemmas between and on the path, from the shared lexicons (PLOVER event category
  of :mod:`event_lexicon`: FIGHT, ASSAULT, SUPPORT, CONSULT ...; the relation lexicon's leader,
  member, ally, enemy nouns and verb cues), which generalise beyond the lemmas seen in training;
* a negator on the path.

Labels (re3d-partial's mapped types, RELATIONS.md): ``none``, ``fights``, ``allied_with`` (both
symmetric), ``member_of`` and ``leads`` with a direction (``>``: the first mention is the subject).

Model: multinomial logistic regression trained by ``make train-relations``
(``training/scripts/train_relation_classifier.py``); it ships as plain arrays (``model.npz`` +
``vocab.json`` + ``meta.json`` in ``newsgraph/models/relation_classifier``) and needs numpy only.
The threshold above which a pair the rules left alone becomes a relation is chosen on held-out
sources during training (``meta.json``: ``threshold``).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgraph.extract import relation_lexicon as lex

__all__ = ["MODEL_DIR", "LABELS", "RelationClassifier", "pair_features", "load", "candidate_pairs"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "relation_classifier"
LABELS = ("none", "fights", "allied_with", "member_of>", "member_of<", "leads>", "leads<")
SYMMETRIC = frozenset({"fights", "allied_with"})


def _cue_classes() -> dict[str, tuple[str, ...]]:
    from newsgraph.extract.event_lexicon import LEXICON

    classes: dict[str, set[str]] = {}

    def add(words, cls):
        for w in words:
            classes.setdefault(w, set()).add(cls)

    for lemma, triggers in LEXICON.items():
        add([lemma], {t.category for t in triggers}.pop() if len({t.category for t in triggers}) == 1 else "EVENT")
        for t in triggers:
            classes[lemma].add("ev:" + t.category)
    add(lex.LEADER_NOUNS, "leader")
    add(lex.OFFICE_NOUNS, "office")
    add(lex.MEMBER_NOUNS, "member")
    add(lex.SPOKES_NOUNS, "spokes")
    add(lex.SUBORDINATE_NOUNS, "subordinate")
    add(lex.ALLY_NOUNS, "ally")
    add(lex.PROXY_NOUNS, "proxy")
    add(lex.ENEMY_NOUNS, "enemy")
    add(lex.UMBRELLA_NOUNS, "umbrella")
    add(lex.GENERIC_ORG_NOUNS, "group")
    add(lex.PATRON_VERBS, "patron")
    add(lex.NEGATORS, "neg")
    for lemma, pred in lex.ACTIVE_VERBS.items():
        add([lemma], "verb:" + pred)
    for word, (pred, _, _) in lex.PARTICIPLE_CUES.items():
        add([word], "part:" + pred)
    return {k: tuple(sorted(v)) for k, v in classes.items()}


_CLASSES: dict[str, tuple[str, ...]] | None = None


def _classes_of(lemma: str) -> tuple[str, ...]:
    global _CLASSES
    if _CLASSES is None:
        _CLASSES = _cue_classes()
    return _CLASSES.get(lemma, ())


def _type(a) -> str:
    return a.type if a.type != "LOC" else f"LOC:{a.subtype or '?'}"


def _head(doc, a):
    """The token of the mention whose head lies outside it (the mention's syntactic head)."""
    span = doc[a.first:a.last]
    for t in span:
        if not (a.first <= t.head.i < a.last) or t.head is t:
            return t
    return span[-1]


def _ancestors(tok, limit: int = 40) -> list:
    out = [tok]
    while tok.head is not tok and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7-10" if n <= 10 else "11+"


def _lemma(t) -> str:
    return (t.lemma_ or t.text).lower()


def pair_features(doc, left, right, args, rule: str | None) -> list[str]:
    """The features of one candidate pair (``left`` before ``right`` in the text); ``args`` are all
    the sentence's arguments, ``rule`` the rules' proposal for the pair ("fights", "member_of>", ...)."""
    f = [f"rule={rule or 'none'}", f"tL={_type(left)}", f"tR={_type(right)}", f"tt={_type(left)}|{_type(right)}"]
    if rule:
        f.append(f"rule_tt={rule}|{_type(left)}|{_type(right)}")
    between = [t for t in doc[left.last:right.first] if not t.is_space]
    f.append(f"gap={_bucket(len(between))}")
    inside = sum(1 for a in args if a.first >= left.last and a.last <= right.first)
    f.append(f"names_between={_bucket(inside)}")
    if len(between) <= 3:
        f.append("gap_text=" + " ".join(t.lower_ for t in between))
    if left.first > 0:
        f.append("before=" + _lemma(doc[left.first - 1]))
    if right.last < len(doc):
        f.append("after=" + _lemma(doc[right.last]))
    for t in between:
        if t.is_punct and t.text not in ",(":
            continue
        lem = _lemma(t)
        f.append("btw=" + lem)
        for c in _classes_of(lem):
            f.append("btw_cls=" + c)
    # dependency path between the heads
    hl, hr = _head(doc, left), _head(doc, right)
    up_l, up_r = _ancestors(hl), _ancestors(hr)
    ids_r = {t.i: k for k, t in enumerate(up_r)}
    lca_k = next((k for k, t in enumerate(up_l) if t.i in ids_r), None)
    if lca_k is None:
        f.append("path=none")
    else:
        lca = up_l[lca_k]
        rk = ids_r[lca.i]
        path_up = [t.dep_ for t in up_l[:lca_k]]
        path_down = [t.dep_ for t in up_r[:rk]]
        f.append("path=" + "^".join(path_up) + "|" + "v".join(reversed(path_down)))
        f.append(f"path_len={_bucket(lca_k + rk)}")
        f.append("lca=" + _lemma(lca))
        f.append("lca_pos=" + lca.pos_)
        f.append("lca_dep_l=" + (path_up[-1] if path_up else "self") + "|r=" + (path_down[-1] if path_down else "self"))
        inner = up_l[1:lca_k + 1] + up_r[1:rk]
        for t in inner:
            lem = _lemma(t)
            f.append("pl=" + lem)
            for c in _classes_of(lem):
                f.append("p_cls=" + c)
            for ch in t.children:
                if ch.lower_ in lex.NEGATORS and ch.dep_ in ("advmod", "neg", "det"):
                    f.append("path_neg")
                if ch.dep_ == "case" and ch.i not in (hl.i, hr.i):
                    f.append("p_case=" + ch.lower_)
        for h in (hl, hr):
            for ch in h.children:
                if ch.dep_ == "case":
                    f.append("arg_case=" + ch.lower_)
        if any(t.dep_ == "conj" for t in up_r[:rk]) and not path_up:
            f.append("conj")
        if path_up and path_down and path_up[-1].startswith("nsubj") and path_down[-1].startswith("nsubj"):
            f.append("co_subjects")
    return f


@dataclass(frozen=True, slots=True)
class PairScore:
    left: object  # the sentence argument (relations._Arg) that comes first
    right: object
    label: str  # best label other than none
    probability: float  # of that label
    none: float  # probability of no relation


def candidate_pairs(args) -> list[tuple]:
    """One (left, right) pair per two distinct entities in the sentence: their closest mentions."""
    best: dict[tuple[int, int], tuple[int, object, object]] = {}
    for i, a in enumerate(args):
        for b in args[i + 1:]:
            if a.entity == b.entity:
                continue
            key = (min(a.entity, b.entity), max(a.entity, b.entity))
            dist = b.first - a.last
            if key not in best or dist < best[key][0]:
                best[key] = (dist, a, b)
    return [(a, b) for _, a, b in best.values()]


class RelationClassifier:
    def __init__(self, vocab: dict[str, int], coef: np.ndarray, intercept: np.ndarray, meta: dict):
        self.vocab = vocab
        self.coef = coef  # (n_features, n_labels)
        self.intercept = intercept
        self.labels = list(meta.get("labels", LABELS))
        threshold = meta.get("threshold", 0.5)
        self.threshold = float("inf") if threshold is None else float(threshold)  # None: adds nothing
        self.meta = meta

    @classmethod
    def from_dir(cls, path: Path) -> "RelationClassifier":
        missing = [n for n in ("vocab.json", "model.npz", "meta.json") if not (path / n).is_file()]
        if missing:
            raise FileNotFoundError(f"relation classifier in {path}: missing {', '.join(missing)} "
                                    "(rebuild it with `make train-relations`)")
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        with np.load(path / "model.npz") as z:
            return cls(vocab, z["coef"].astype(np.float32), z["intercept"].astype(np.float32), meta)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "model.npz", coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32))
        (path / "vocab.json").write_text(json.dumps(self.vocab, ensure_ascii=False, sort_keys=True),
                                         encoding="utf-8")
        (path / "meta.json").write_text(json.dumps(self.meta, indent=1, ensure_ascii=False), encoding="utf-8")

    def probabilities(self, features: list[list[str]]) -> np.ndarray:
        z = np.tile(self.intercept, (len(features), 1))
        for n, feats in enumerate(features):
            cols = list({self.vocab[x] for x in feats if x in self.vocab})
            if cols:
                z[n] += self.coef[cols].sum(axis=0)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def score(self, doc, args, rule_of) -> list[PairScore]:
        """Every candidate pair of the sentence with its best relation label; ``rule_of(left, right)``
        gives the rules' proposal for the pair as a label string or None."""
        pairs = candidate_pairs(args)
        if not pairs:
            return []
        feats = [pair_features(doc, a, b, args, rule_of(a, b)) for a, b in pairs]
        probs = self.probabilities(feats)
        none_col = self.labels.index("none")
        out = []
        for (a, b), p in zip(pairs, probs):
            order = np.argsort(-p)
            k = int(order[0]) if int(order[0]) != none_col else int(order[1])
            out.append(PairScore(a, b, self.labels[k], float(p[k]), float(p[none_col])))
        return out


_LOCK = threading.Lock()
_LOADED: dict[str, RelationClassifier | None] = {}


def load(path: Path = MODEL_DIR) -> RelationClassifier | None:
    """The shipped classifier, loaded once; None when it is not built (the rules then run alone)."""
    key = str(path)
    if key not in _LOADED:
        with _LOCK:
            if key not in _LOADED:
                try:
                    _LOADED[key] = RelationClassifier.from_dir(path)
                except (FileNotFoundError, OSError, ValueError, KeyError):
                    _LOADED[key] = None
    return _LOADED[key]
