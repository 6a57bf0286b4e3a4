"""Precompute frozen MiniLM features for the texts of spaCy DocBins (training cache).

    python training/scripts/trf_precompute.py OUT.pkl a.spacy dir/ ...

Writes a pickle {doc.text: (wordpiece char offsets int32 [n,2], features float16 [n,384])}
(layers = trf_minilm.DEFAULT_LAYERS, averaged). Point NEWSGRAPH_TRF_CACHE at the
files (os.pathsep-separated) when training with training/configs/trf_*.cfg.
Run with one thread: OMP_NUM_THREADS=1 (torch.set_num_threads(1) is called here).
"""
from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

import spacy
import torch
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trf_minilm as T  # noqa: E402


def main():
    torch.set_num_threads(1)
    out, inputs = Path(sys.argv[1]), sys.argv[2:]
    nlp = spacy.blank("en")
    files = []
    for p in map(Path, inputs):
        files += sorted(p.rglob("*.spacy")) if p.is_dir() else [p]
    texts = []
    for f in files:
        texts += [d.text for d in DocBin().from_disk(f).get_docs(nlp.vocab)]
    texts = list(dict.fromkeys(t for t in texts if t))
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {n_chars} chars from {[str(f) for f in files]}", flush=True)
    cache, t0, done = {}, time.time(), 0
    step = 200
    for i in range(0, len(texts), step):
        chunk = texts[i:i + step]
        for t, enc in zip(chunk, T.encode_texts(chunk)):
            cache[t] = enc
        done += sum(map(len, chunk))
        el = time.time() - t0
        print(f"  {i + len(chunk)}/{len(texts)} texts  {el:.0f}s  eta {el / done * (n_chars - done):.0f}s",
              flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        pickle.dump(cache, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.0f} MB) in {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
