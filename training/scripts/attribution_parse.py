"""Parse the PolNeAR articles with the shipped newsgraph model, once, for training and scoring the
attribution tagger: one DocBin per split (``<out>/<split>.spacy``, the article name in user_data),
with the attributes the pipeline stores (newsgraph/annotate.py), so features are computed from the
same parse the pipeline gives the tagger.

    python training/scripts/attribution_parse.py --data ../shared/data --out training/corpus/attribution
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.annotate import annotate
from newsgraph.extract.attribution_corpus import read_split


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/corpus/attribution"))
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    args = ap.parse_args(argv)
    from spacy.tokens import DocBin

    from newsgraph import nlp as ngnlp

    root = args.data / "polnear" / "data"
    if not root.is_dir():
        print(f"{root}: PolNeAR not found", file=sys.stderr)
        return 2
    model = ngnlp.load()
    args.out.mkdir(parents=True, exist_ok=True)
    for split in args.splits:
        started = time.perf_counter()
        articles = read_split(split, root)
        out = DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
                            "SENT_START"], store_user_data=True)
        for k in range(0, len(articles), 32):
            batch = articles[k:k + 32]
            for art, ann in zip(batch, annotate(model, [a.text for a in batch])):
                doc = next(iter(DocBin().from_bytes(ann.docbin).get_docs(model.vocab)))
                doc.user_data["name"] = art.name
                out.add(doc)
        out.to_disk(args.out / f"{split}.spacy")
        print(f"{split}: {len(articles)} articles parsed in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
