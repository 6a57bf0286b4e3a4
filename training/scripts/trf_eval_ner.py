"""NER-only evaluation of a trained NER pipeline directory (UNER EWT test, GMB held-out),
with the same scoring as evaluate.py. Usage: trf_eval_ner.py MODEL_DIR [--code trf_minilm.py]"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import spacy  # noqa: E402

import trf_minilm  # noqa: E402,F401
from evaluate import TO_UNER, eval_ner_docbin, fmt_table, score_spans  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--corpus", default="training/corpus")
    ap.add_argument("--uner-extra", nargs="*", default=[],
                    help="more UNER-style DocBins scored on PER/ORG/LOC (e.g. a UNER-dev holdout)")
    ap.add_argument("--gmb-extra", nargs="*", default=[], help="more GMB-style DocBins (e.g. gmb-dev)")
    a = ap.parse_args()
    nlp = spacy.load(a.model)
    c = Path(a.corpus) / "ner"
    for f in a.uner_extra:
        res = score_spans(eval_ner_docbin(nlp, f, lambda l: TO_UNER.get(l, "_")), {"PER", "ORG", "LOC"})
        print(fmt_table(f, res))
    for f in a.gmb_extra:
        res = score_spans(eval_ner_docbin(nlp, f), {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"})
        print(fmt_table(f, res))
    res = score_spans(eval_ner_docbin(nlp, c / "uner-test.spacy", lambda l: TO_UNER.get(l, "_")),
                      {"PER", "ORG", "LOC"})
    print(fmt_table("UNER English-EWT test", res))
    pairs = eval_ner_docbin(nlp, c / "gmb-test.spacy")
    print(fmt_table("GMB held-out", score_spans(pairs, {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"})))


if __name__ == "__main__":
    main()
