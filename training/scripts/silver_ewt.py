"""Silver NER annotation of UD English-EWT *train* (web genre) for self-training.

A first NER model (stage 1, trained without this file) labels EWT train
sentences (gold tokens). Kept: predicted PERSON/ORG/GPE/LOC spans containing
a gold PROPN token, and predicted NORP/DATE spans. Gold-PROPN tokens outside
kept spans are left unannotated (missing); all other tokens are O. This gives
the NER web-genre negatives (sentence-initial "Please", "PM", emoticons ...)
without inventing labels for uncertain names. EWT test/dev are not used.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgraph.nlp.news_tokenizer import add_news_exceptions  # noqa: E402
from convert_ner import detok  # noqa: E402
from evaluate import read_conllu  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--ner", default="training/output/ner_stage1/model-best")
    ap.add_argument("--out", default="training/corpus/ner/train/ewt-silver.spacy")
    a = ap.parse_args()
    sents = read_conllu(Path(a.data) / "ud-english-ewt" / "en_ewt-ud-train.conllu")
    ner_nlp = add_news_exceptions(spacy.load(a.ner))
    tok = ner_nlp
    db = DocBin(store_user_data=False)
    n_ents = 0
    texts, propn_offsets = [], []
    for s in sents:
        words = [t["form"] for t in s]
        text, offs = detok(words)
        texts.append(text)
        propn_offsets.append([offs[i] for i, t in enumerate(s) if t["upos"] == "PROPN"])
    docs = [tok.make_doc(t) for t in texts]
    for doc, poffs in zip(ner_nlp.get_pipe("ner").pipe(docs, batch_size=256), propn_offsets):
        propn_tok = set()
        for cs, ce in poffs:
            sp = doc.char_span(cs, ce, alignment_mode="expand")
            if sp is not None:
                propn_tok.update(range(sp.start, sp.end))
        kept = []
        for e in doc.ents:
            if e.label_ in ("NORP", "DATE") or any(i in propn_tok for i in range(e.start, e.end)):
                kept.append(Span(doc, e.start, e.end, e.label_))
        covered = {i for e in kept for i in range(e.start, e.end)}
        missing = [Span(doc, i, i + 1) for i in sorted(propn_tok - covered)]
        new = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        new.set_ents([Span(new, e.start, e.end, e.label_) for e in kept],
                     missing=[Span(new, m.start, m.end) for m in missing], default="outside")
        db.add(new)
        n_ents += len(kept)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(a.out)
    print(f"EWT silver: {len(sents)} sentences, {n_ents} entities -> {a.out}")


if __name__ == "__main__":
    main()
