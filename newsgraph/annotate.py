"""The NLP stage: cleaned text -> sentences, tokens (a spaCy DocBin) and entity mentions, with offsets.

A batch map over documents: ``annotate(texts)`` runs the shipped pipeline with ``nlp.pipe`` (batching
is what makes spaCy fast), and returns compact, storable records. When the model is missing, ingest
goes on without this stage and says so once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Annotation:
    model: str
    docbin: bytes
    sentences: list[tuple[int, int]]
    mentions: list[Mention]


def model_name(nlp) -> str:
    return f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def annotate(nlp, texts: Sequence[str], batch_size: int = 32) -> list[Annotation]:
    from spacy.tokens import DocBin

    name = model_name(nlp)
    results = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        docbin = DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "SENT_START"])
        docbin.add(doc)
        results.append(
            Annotation(
                model=name,
                docbin=docbin.to_bytes(),
                sentences=[(s.start_char, s.end_char) for s in doc.sents],
                mentions=[Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
            )
        )
    return results


def load_model():
    """The shipped pipeline, or None (with the reason) when it is not installed."""
    try:
        from newsgraph import nlp as nlp_module

        return nlp_module.load(), None
    except Exception as exc:  # noqa: BLE001 - any failure to load means: run without the NLP stage
        return None, str(exc)
