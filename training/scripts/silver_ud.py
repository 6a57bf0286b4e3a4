"""Silver UD annotation of GMB news text by the MiniLM model, for distilling it into the CNN.

The MiniLM variant (``en_newsgraph_trf``) parses better than the CNN (EWT test LAS 85.6
against 82.6) but runs 3-4 times slower. Its tags, morphology and dependency trees on
unlabelled news sentences are added to the CNN's gold UD training data, so the fast
model learns from the slow one (knowledge distillation through silver data).

Text: the sentences of GMB's *training* block only (the first 80 %, the same block the
NER trains on; GMB dev and held-out test are not touched), without the NER's name
augmentation. Ten consecutive sentences make one Doc, with GMB's sentence starts fixed
before parsing, so the silver trees never cross a gold sentence boundary.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_ner import detok, read_gmb  # noqa: E402

# The components whose output is the silver annotation; the sentence guard, lemmatizer
# and NER are not needed (lemmas come from lookup tables, not from training).
TEACHER_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser")
TRAIN_FRACTION = 0.8  # GMB's training block, as in convert_ner.py


def gmb_training_sentences(data: Path) -> list[list[str]]:
    sents = read_gmb(data / "gmb-ner-dataset-partial" / "ner_dataset.partial.csv")
    return [words for words, _tags in sents[: int(len(sents) * TRAIN_FRACTION)]]


def doc_with_sentences(nlp, sentences: list[list[str]]) -> Doc:
    """Tokenize the joined text with the teacher's tokenizer and fix GMB's sentence starts."""
    texts = [detok(words)[0] for words in sentences]
    starts, pos = set(), 0
    for t in texts:
        starts.add(pos)
        pos += len(t) + 1
    doc = nlp.make_doc(" ".join(texts))
    for tok in doc:
        tok.is_sent_start = tok.idx in starts
    return doc


def annotate(nlp, docs: list[Doc], batch_size: int = 32) -> list[Doc]:
    for name in TEACHER_COMPONENTS:
        docs = list(nlp.get_pipe(name).pipe(docs, batch_size=batch_size))
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--teacher", default="trf", help="model name or path for newsgraph.nlp.load")
    ap.add_argument("--out", default="training/corpus/silver/gmb-silver.spacy")
    ap.add_argument("--per-doc", type=int, default=10, help="sentences per Doc")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (0 = all)")
    a = ap.parse_args()

    from newsgraph import nlp as ngnlp

    teacher = ngnlp.load(a.teacher, cache=False)
    sents = gmb_training_sentences(Path(a.data))
    if a.limit:
        sents = sents[: a.limit]
    groups = [sents[i: i + a.per_doc] for i in range(0, len(sents), a.per_doc)]
    db = DocBin(attrs=["ORTH", "TAG", "POS", "MORPH", "HEAD", "DEP", "SENT_START"],
                store_user_data=False)
    t0, n_tok, chunk = time.time(), 0, 100
    for i in range(0, len(groups), chunk):
        docs = annotate(teacher, [doc_with_sentences(teacher, g) for g in groups[i: i + chunk]])
        for d in docs:
            db.add(d)
            n_tok += len(d)
        rate = n_tok / max(time.time() - t0, 1e-9)
        print(f"{min(i + chunk, len(groups))}/{len(groups)} docs, {n_tok} tokens, {rate:.0f} tokens/s",
              flush=True)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    print(f"wrote {out}: {len(groups)} docs, {len(sents)} sentences, {n_tok} tokens")


if __name__ == "__main__":
    main()
