"""A trained attribution tagger: who (source) says (cue) what (content), on the parsed document.

Entry point: :func:`find_attributions` (a spaCy ``Doc`` with the pipeline's parse -> attributions
with character spans). The model is a linear sequence tagger over the BIO labels of three roles
(SRC, CUE, CON), decoded by Viterbi sentence after sentence (a sentence starts from the label the
sentence before ended with, so content running over sentences is one span), trained as an averaged
structured perceptron on PolNeAR (training/scripts/attribution_train.py; model card in
``newsgraph/models/attribution/README.md``).

Features are those of the word and its neighbours and those of its place in the parse: for each of
its first ancestors, the ancestor's lemma joined with the dependency of the branch the word hangs
from ("under 'say' through ccomp", "under 'warn' through nsubj"). That is what tells the content of
a report ("warned that ...", "declined to ...", "believes ...") from its source. Feature strings are
hashed (crc32) into a fixed table, so the shipped model is a weight matrix and no vocabulary.

A sentence is only decoded when it could hold an attribution: a word whose lemma was a cue in
training, a quotation mark, or content running on from the sentence before. This keeps the cost per
article small on text with few reports.

Spans are grouped into attributions per sentence: each cue takes the source and content spans under
it in the parse (else the nearest); content without a cue in its sentence continues the attribution
of the sentence before.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["Attribution", "AttributionModel", "find_attributions", "load_model", "LABELS", "MODEL_DIR"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "attribution"
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
ROLES = ("SRC", "CUE", "CON")
N_LABELS = len(LABELS)
START = N_LABELS  # row of the transition table for "no label before"

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Attribution:
    source: tuple[int, int] | None  # character span of the source as written, None if not stated
    cue: tuple[int, int]
    content: tuple[tuple[int, int], ...]  # content pieces in text order (a report split by its cue)

    @property
    def content_span(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


def _allowed() -> np.ndarray:
    """Transitions BIO allows: I-X only after B-X or I-X (and never first)."""
    ok = np.ones((N_LABELS + 1, N_LABELS), dtype=bool)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            role = lab[2:]
            for i in range(N_LABELS + 1):
                prev = LABELS[i] if i < N_LABELS else None
                ok[i, j] = prev in (f"B-{role}", f"I-{role}")
    return ok


_ALLOWED = _allowed()


# ---------------------------------------------------------------------------------------------
# features

_QUOTE_CHARS = _OPEN + _CLOSE + _STRAIGHT
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_NONE = np.uint64(1)
N_ANCESTORS = 5


def _mix(template: int, *cols: np.ndarray) -> np.ndarray:
    """A 64-bit hash of a feature template and the string ids (spaCy's hashes) it joins."""
    seed = _seed(template)
    h = np.full(cols[0].shape if cols else (1,), seed, dtype=np.uint64)
    for c in cols:
        h = (h ^ c.astype(np.uint64, copy=False)) * _M1
        h ^= h >> np.uint64(29)
    return h


def _seed(template: int) -> int:
    return (template * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) % (1 << 64)


def _mix_rows(templates: list[int], *cols: np.ndarray) -> np.ndarray:
    """``_mix`` of several templates at once, one per row: row k is ``_mix(templates[k], *(c[k] for c
    in cols))``, bit for bit (the same integer operations, a few array calls instead of a few per
    template: a document has only some hundred tokens, so the calls are what costs)."""
    h = np.array([_seed(t) for t in templates], dtype=np.uint64)[:, None]
    for c in cols:
        h = (h ^ c.astype(np.uint64, copy=False)) * _M1
        h ^= h >> np.uint64(29)
    return h


def _string_id(s: str) -> np.uint64:
    from spacy.strings import get_string_id

    return np.uint64(get_string_id(s))


def quote_flags(doc, orth: np.ndarray | None = None) -> np.ndarray:
    """Per token: 0 outside quotation marks, 1 inside, 2 the mark itself. Marks pair within a
    paragraph; a curly mark's direction is its glyph, a straight one toggles."""
    n = len(doc)
    flags = np.zeros(n, dtype=np.int64)
    marks = [i for i, t in enumerate(doc) if t.text in _QUOTE_CHARS] if orth is None else \
        [int(i) for i in np.nonzero(np.isin(orth, _quote_ids()))[0]]
    if not marks:
        return flags
    from spacy.attrs import IS_SPACE

    spaces = np.nonzero(doc.to_array(IS_SPACE))[0]
    breaks = np.array([int(i) for i in spaces if "\n" in doc[int(i)].text] or [n + 1])
    inside_from = None
    last_para = -1
    for i in marks:
        para = int(np.searchsorted(breaks, i))
        if para != last_para:
            inside_from = None
            last_para = para
        flags[i] = 2
        t = doc[i].text
        if t in _OPEN or (t == _STRAIGHT and inside_from is None):
            inside_from = i + 1
        else:
            if inside_from is not None:
                flags[inside_from:i] = 1
            inside_from = None
    return flags


_QUOTE_IDS: np.ndarray | None = None


def _quote_ids() -> np.ndarray:
    global _QUOTE_IDS
    if _QUOTE_IDS is None:
        _QUOTE_IDS = np.array([_string_id(c) for c in _QUOTE_CHARS], dtype=np.uint64)
    return _QUOTE_IDS


@dataclass(slots=True)
class DocFeatures:
    """Hashed feature ids of every token of a document (``ids``: tokens x templates), the features a
    token gets from its dependents (``child_heads``, ``child_ids``), the sentence bounds and which
    sentences the tagger reads (``gate``)."""

    ids: np.ndarray
    child_heads: np.ndarray
    child_ids: np.ndarray
    sents: list[tuple[int, int]]
    gate: np.ndarray  # per sentence: a cue word or a quotation mark
    open_end: np.ndarray  # per sentence: it ends inside quotation marks (a quotation running on)


def doc_features(doc, cue_ids: np.ndarray, gate_ids: np.ndarray, mask: int) -> DocFeatures:
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_TITLE, LEMMA, LOWER, ORTH, SENT_START, TAG

    arr = doc.to_array([LOWER, LEMMA, TAG, DEP, ENT_TYPE, IS_TITLE, HEAD, SENT_START, ORTH])
    n = len(doc)
    low, lem, tag, dep, ent, title = (arr[:, k] for k in range(6))
    idx = np.arange(n)
    heads = idx + arr[:, 6].view(np.int64)
    sstart = arr[:, 7].view(np.int64) == 1
    sstart[0] = True
    sid = np.cumsum(sstart) - 1
    starts = np.nonzero(sstart)[0]
    sents = list(zip(starts.tolist(), starts[1:].tolist() + [n]))
    q = quote_flags(doc, arr[:, 8])
    qs = q.astype(np.uint64) + np.uint64(7)
    is_root = heads == idx
    root_of = np.zeros(len(sents), dtype=np.int64)
    root_of[sid[is_root]] = idx[is_root]
    root = root_of[sid]
    posrel = np.where(idx < root, 2, np.where(idx > root, 3, 4)).astype(np.uint64)

    offsets: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # k -> (token k away in the sentence?, its index)

    def shift(col: np.ndarray, k: int) -> np.ndarray:
        if k not in offsets:
            j = idx + k
            ok = (j >= 0) & (j < n)
            jj = np.clip(j, 0, n - 1)
            ok &= sid[jj] == sid
            offsets[k] = ok, jj
        ok, jj = offsets[k]
        return np.where(ok, col[jj], _NONE)

    is_cue = np.isin(lem, cue_ids)
    lem_next, lem_prev = shift(lem, 1), shift(lem, -1)
    singles = _mix_rows(
        [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 25],
        np.stack([np.zeros(n, np.uint64), low, lem, tag, dep, qs, tag[heads], ent, title, posrel, lem[root],
                  shift(low, -1), shift(low, 1), shift(tag, -1), shift(tag, 1), shift(tag, -2), shift(tag, 2),
                  shift(qs, -1), shift(qs, 1), is_cue.astype(np.uint64), is_root.astype(np.uint64)]))
    pairs = _mix_rows([7, 8, 23, 24], np.stack([tag, dep, lem, lem_prev]), np.stack([dep, lem[heads], lem_next, lem]))
    # in the order of the templates' numbers
    cols = [*singles[:6], pairs[0], pairs[1], *singles[6:20], pairs[2], pairs[3], singles[20]]
    # the word's place under its first ancestors: ancestor lemma x the dependency of the branch
    child, anc = idx, heads
    first_lem = np.full(n, _NONE, dtype=np.uint64)
    first_rel = np.full(n, _NONE, dtype=np.uint64)
    first_depth = np.full(n, 9, dtype=np.uint64)
    found = np.zeros(n, dtype=bool)
    for k in range(N_ANCESTORS):
        valid = child != anc
        rel = np.where(valid, dep[child], _NONE)
        alem = np.where(valid, lem[anc], _NONE)
        cols.extend(_mix_rows([30 + k, 40], np.stack([alem, alem]), np.stack([rel, rel])))
        hit = valid & is_cue[anc] & ~found
        first_lem[hit], first_rel[hit], first_depth[hit] = alem[hit], rel[hit], min(k, 3)
        found |= hit
        child, anc = anc, heads[anc]
    cols.append(_mix(41, first_lem, first_rel))
    cols.append(_mix(42, first_rel, first_depth))
    ids = (np.stack(cols, axis=1) & np.uint64(mask)).astype(np.int64)
    kids = idx[~is_root]
    kh = heads[kids]
    child_heads = np.concatenate([kh, kh])
    child_ids = (np.concatenate([_mix(50, dep[kids]), _mix(51, lem[kh], dep[kids])]) & np.uint64(mask)).astype(np.int64)
    gate_tok = (q == 2) | np.isin(lem, gate_ids)
    gate = np.bincount(sid, weights=gate_tok, minlength=len(sents)) > 0
    ends = np.array([e - 1 for _, e in sents])
    open_end = q[ends] == 1
    return DocFeatures(ids, child_heads, child_ids, sents, gate, open_end)


# ---------------------------------------------------------------------------------------------
# the model


class AttributionModel:
    def __init__(self, weights: np.ndarray, transitions: np.ndarray, cue_lemmas: frozenset[str],
                 gate_lemmas: frozenset[str] | None = None):
        self.weights = weights.astype(np.float32, copy=False)
        self.transitions = transitions.astype(np.float32, copy=False)
        self.cue_lemmas = cue_lemmas
        self.gate_lemmas = gate_lemmas if gate_lemmas is not None else cue_lemmas
        self.n_buckets = weights.shape[0]
        self.cue_ids = np.array(sorted(_string_id(w) for w in cue_lemmas), dtype=np.uint64)
        self.gate_ids = np.array(sorted(_string_id(w) for w in self.gate_lemmas), dtype=np.uint64)

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> AttributionModel:
        path = directory / "model.npz"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: attribution model missing (make train-attribution)")
        data = np.load(path)
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        return cls(data["weights"], data["transitions"], frozenset(meta["cue_lemmas"]),
                   frozenset(meta["gate_lemmas"]))

    def save(self, directory: Path, meta: dict) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / "model.npz", weights=self.weights.astype(np.float16),
                            transitions=self.transitions.astype(np.float32))
        meta = dict(meta, labels=list(LABELS), n_buckets=self.n_buckets, cue_lemmas=sorted(self.cue_lemmas),
                    gate_lemmas=sorted(self.gate_lemmas))
        (directory / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    # -- decoding

    def features(self, doc) -> DocFeatures:
        return doc_features(doc, self.cue_ids, self.gate_ids, self.n_buckets - 1)

    def emissions(self, f: DocFeatures, rows: np.ndarray | None = None) -> np.ndarray:
        """Label scores of every token (``rows``: of those tokens only, the others score 0)."""
        if rows is None:
            em = self.weights[f.ids].sum(axis=1)
            np.add.at(em, f.child_heads, self.weights[f.child_ids])
            return em
        em = np.zeros((f.ids.shape[0], N_LABELS), dtype=np.float32)
        em[rows] = self.weights[f.ids[rows]].sum(axis=1)
        keep = np.isin(f.child_heads, rows)
        np.add.at(em, f.child_heads[keep], self.weights[f.child_ids[keep]])
        return em

    def viterbi(self, em: np.ndarray, prev: int = START) -> list[int]:
        n = em.shape[0]
        trans = np.where(_ALLOWED[:N_LABELS], self.transitions[:N_LABELS], -1e9)
        score = em[0] + np.where(_ALLOWED[prev], self.transitions[prev], -1e9)
        back = np.empty((n, N_LABELS), dtype=np.int64)
        cols = np.arange(N_LABELS)
        for t in range(1, n):
            cand = score[:, None] + trans
            b = cand.argmax(0)
            back[t] = b
            score = cand[b, cols] + em[t]
        best = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t][best[-1]]))
        return best[::-1]

    def batch_viterbi(self, em: np.ndarray, spans: list[tuple[int, int]]) -> list[list[int]]:
        """Viterbi paths of several sentences at once (each starting from no label)."""
        n_s = len(spans)
        lens = np.array([e - s for s, e in spans])
        width = int(lens.max())
        pad = np.zeros((n_s, width, N_LABELS), dtype=np.float32)
        for k, (s, e) in enumerate(spans):
            pad[k, :e - s] = em[s:e]
        trans = np.where(_ALLOWED[:N_LABELS], self.transitions[:N_LABELS], -1e9).astype(np.float32)
        score = pad[:, 0] + np.where(_ALLOWED[START], self.transitions[START], -1e9)
        back = np.zeros((n_s, width, N_LABELS), dtype=np.int64)
        rows = np.arange(n_s)[:, None]
        cols = np.arange(N_LABELS)[None, :]
        for t in range(1, width):
            cand = score[:, :, None] + trans[None]
            b = cand.argmax(1)
            new = cand[rows, b, cols] + pad[:, t]
            live = (t < lens)[:, None]
            score = np.where(live, new, score)
            back[:, t] = b
        last = score.argmax(1).tolist()
        paths = []
        for k in range(n_s):
            n = int(lens[k])
            path = [last[k]]
            bk = back[k]
            for t in range(n - 1, 0, -1):
                path.append(int(bk[t, path[-1]]))
            paths.append(path[::-1])
        return paths

    def tag(self, doc, f: DocFeatures | None = None) -> list[int]:
        """A label id per token of ``doc``. A sentence starts from no label, unless the sentence
        before ends inside content and inside quotation marks (a quotation running on): then it
        starts from that label."""
        f = f or self.features(doc)
        labels = [0] * len(doc)
        if not f.gate.any():
            return labels
        # only the sentences that may be read: those the gate opens and the one after each that
        # ends inside a quotation
        read = f.gate | np.concatenate([[False], f.gate[:-1] & f.open_end[:-1]])
        rows = np.concatenate([np.arange(s, e) for k, (s, e) in enumerate(f.sents) if read[k]])
        em = self.emissions(f, rows)
        gated = [k for k in range(len(f.sents)) if f.gate[k]]
        first = dict(zip(gated, self.batch_viterbi(em, [f.sents[k] for k in gated])))
        prev = START
        for k, (s, e) in enumerate(f.sents):
            if prev in (5, 6) and read[k]:
                path = self.viterbi(em[s:e], prev)  # content running on: decoded again from there
            elif k in first:
                path = first[k]
            else:
                prev = START
                continue
            labels[s:e] = path
            prev = path[-1] if path[-1] in (5, 6) and f.open_end[k] else START
        return labels


_MODEL: AttributionModel | None = None


def load_model() -> AttributionModel:
    global _MODEL
    if _MODEL is None:
        _MODEL = AttributionModel.load()
    return _MODEL


# ---------------------------------------------------------------------------------------------
# from labels to attributions


def _spans(labels: list[int], lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(role, first token, end token) of each labelled span within tokens [lo, hi)."""
    out: list[tuple[str, int, int]] = []
    cur = None
    for i in range(lo, hi):
        lab = LABELS[labels[i]]
        if lab == "O":
            cur = None
            continue
        kind, role = lab.split("-")
        if kind == "B" or cur is None or cur[0] != role:
            cur = [role, i, i + 1]
            out.append(cur)
        else:
            cur[2] = i + 1
    return [tuple(c) for c in out]


def _owner(doc, span: tuple[str, int, int], cues: list[tuple[str, int, int]]) -> int:
    """The cue a source or content span belongs to: the one it hangs from in the parse, else the
    nearest in the sentence."""
    tok = doc[span[1]]
    for t in (doc[i] for i in range(span[1], span[2])):
        if t.head.i < span[1] or t.head.i >= span[2] or t.head is t:
            tok = t
            break
    anc = tok.head
    seen = 0
    while seen < 8:
        for k, c in enumerate(cues):
            if c[1] <= anc.i < c[2]:
                return k
        if anc.head is anc:
            break
        anc = anc.head
        seen += 1
    for k, c in enumerate(cues):  # the cue hangs from the span ("X, she said": cue under the content)
        t = doc[c[1]]
        steps = 0
        while t.head is not t and steps < 8:
            t = t.head
            if span[1] <= t.i < span[2]:
                return k
            steps += 1
    mid = (span[1] + span[2]) / 2
    return min(range(len(cues)), key=lambda k: abs((cues[k][1] + cues[k][2]) / 2 - mid))


_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")


def _subject_of(doc, cue: tuple[str, int, int], content: list, labels: list[int]) -> tuple[int, int] | None:
    """The parse's subject of a cue the tagger gave no source: the subject of its head word, or of
    the verb it depends on ("declined to comment": the subject of "declined"); its words up to its
    head (a relative clause after it is no part of the name)."""
    head = doc[cue[1]]
    for i in range(cue[1], cue[2]):
        if not cue[1] <= doc[i].head.i < cue[2] or doc[i].head.i == i:
            head = doc[i]
            break
    for verb in (head, head.head):
        for child in verb.children:
            if child.dep_ in _SUBJECTS and child.pos_ != "PRON" or child.dep_ in _SUBJECTS and \
                    child.lower_ in ("he", "she", "they", "i", "we"):
                lo, hi = child.left_edge.i, child.i + 1
                if any(labels[i] != 0 and not LABELS[labels[i]].endswith("SRC") for i in range(lo, hi)):
                    continue
                if any(c[1] < hi and lo < c[2] for c in content):
                    continue
                return _char(doc, lo, hi)
        if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") and verb is head:
            break
        if verb.head is verb:
            break
    return None


def _char(doc, a: int, b: int) -> tuple[int, int]:
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def group(doc, labels: list[int]) -> list[Attribution]:
    """Attributions from a label per token."""
    out: list[dict] = []
    last: dict | None = None
    for sent in doc.sents:
        spans = _spans(labels, sent.start, sent.end)
        if not spans:
            continue
        cues = [s for s in spans if s[0] == "CUE"]
        if not cues:
            # content running on from the attribution before (a quotation over several sentences)
            if last is not None and labels[sent.start] in (5, 6):
                last["content"].extend(s for s in spans if s[0] == "CON")
            continue
        here = [dict(cue=c, sources=[], content=[]) for c in cues]
        for s in spans:
            if s[0] == "CUE":
                continue
            k = _owner(doc, s, cues)
            here[k]["sources" if s[0] == "SRC" else "content"].append(s)
        # a content span opening this sentence that runs on from the sentence before stays there
        for h in here:
            if h["content"] and last is not None and h["content"][0][1] == sent.start \
                    and labels[sent.start] == 6 and not h["sources"]:
                last["content"].append(h["content"].pop(0))
        out.extend(here)
        last = here[-1]
    result = []
    for h in out:
        if not h["content"]:
            continue
        src = None
        if h["sources"]:
            s = min(h["sources"], key=lambda s: abs(s[1] - h["cue"][1]))
            src = _char(doc, s[1], s[2])
        else:
            src = _subject_of(doc, h["cue"], h["content"], labels)
        result.append(Attribution(src, _char(doc, h["cue"][1], h["cue"][2]),
                                  tuple(sorted(_char(doc, s[1], s[2]) for s in h["content"]))))
    return result


def find_attributions(doc, model: AttributionModel | None = None) -> list[Attribution]:
    """The attributions in a parsed document, in text order of their cues."""
    if doc is None or len(doc) == 0:
        return []
    model = model or load_model()
    return group(doc, model.tag(doc))


# ---------------------------------------------------------------------------------------------
# with the rules' quotes

_ROLE_START = re.compile(r"^(?:a|an|the|its|his|her|their|our|now|then|former|formerly|who)\b|^[a-z]")
_LEAD_WORDS = re.compile(r"^(?:and|but|so|yet|as|while|when|because|although|though|if)\s+", re.I)


def _speaker(text: str, span: tuple[int, int] | None):
    """(speaker span, role span) of a source as the tagger marked it: "X, a researcher at Y" is X
    with the role "a researcher at Y"."""
    if span is None or not text[span[0]:span[1]].strip():
        return None, None
    s, e = span
    lead = _LEAD_WORDS.match(text[s:e])
    if lead and lead.end() < e - s:
        s += lead.end()
    comma = text.find(",", s, e)
    if comma > s:
        rest_s = comma + 1
        while rest_s < e and text[rest_s].isspace():
            rest_s += 1
        rest = text[rest_s:e].rstrip(" ,")
        if rest and _ROLE_START.match(rest):
            return (s, len(text[:comma].rstrip()) if text[s:comma].strip() else comma), (rest_s, rest_s + len(rest))
    e = s + len(text[s:e].rstrip(" ,"))
    return (s, e), None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def combine(text: str, quotes: list, attributions: list[Attribution]) -> list:
    """The rules' direct quotes, with the tagger's attributions: a direct quote the rules left
    without a speaker takes the source of the tagger's attribution that holds it; a report the
    tagger found (indirect, or partly quoted) is added as an ``indirect`` quote (``how="tagger"``);
    the rules' own indirect reports are kept only where the tagger found nothing."""
    from dataclasses import replace

    from newsgraph.extract.quotes import Quote

    direct = [q for q in quotes if q.kind == "direct"]
    added: list = []
    for a in attributions:
        span = a.content_span
        inside = [k for k, q in enumerate(direct) if _overlap((q.start, q.end), span) > 0]
        (sp, role) = _speaker(text, a.source)
        if sp is None:  # the rules' reading of the same report may name its speaker
            for q in quotes:
                if q.kind != "direct" and q.speaker_start is not None and _overlap((q.start, q.end), span):
                    sp = (q.speaker_start, q.speaker_end)
                    role = (q.role_start, q.role_end) if q.role_start is not None else None
                    break
        for k in inside:
            q = direct[k]
            if q.speaker_start is None and sp is not None:
                direct[k] = replace(
                    q, speaker_text=text[sp[0]:sp[1]], speaker_start=sp[0], speaker_end=sp[1],
                    speaker_role=text[role[0]:role[1]] if role else None,
                    role_start=role[0] if role else None, role_end=role[1] if role else None,
                    cue_start=a.cue[0], cue_end=a.cue[1], how="tagger")
        # the words outside the quotation marks: a report in its own right only if there are some
        outside = sum(len(_WORD.findall(text[s:e])) for s, e in a.content)
        for k in inside:
            outside -= len(_WORD.findall(text[max(direct[k].start, span[0]):min(direct[k].end, span[1])]))
        if inside and outside < 3:
            continue
        added.append(Quote(
            start=span[0], end=span[1], text=text[span[0]:span[1]], kind="indirect",
            cue_start=a.cue[0], cue_end=a.cue[1],
            speaker_text=text[sp[0]:sp[1]] if sp else None, speaker_start=sp[0] if sp else None,
            speaker_end=sp[1] if sp else None, speaker_role=text[role[0]:role[1]] if role else None,
            role_start=role[0] if role else None, role_end=role[1] if role else None,
            how="tagger", parts=a.content if len(a.content) > 1 else ()))
    for q in quotes:
        if q.kind != "direct" and not any(_overlap((q.start, q.end), (x.start, x.end)) for x in added):
            added.append(q)
    return sorted(direct + added, key=lambda q: (q.start, q.end))


def attribute_quotes(text: str, doc, quotes: list) -> list:
    """The pipeline's attribution stage: the rules' quotes of ``text`` combined with the tagger's
    attributions on its parse ``doc`` (None: the rules' quotes as they are)."""
    if doc is None:
        return quotes
    if doc.text != text:
        raise ValueError("attribution: the parse is of another text than the one quoted")
    return combine(text, quotes, find_attributions(doc))
