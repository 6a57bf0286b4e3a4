"""Reader for the PolNeAR attribution corpus (brat standoff), for training and scoring the tagger.

Layout (``../shared/data/polnear/data``): ``<split>/text/<name>.txt`` and
``<split>/attributions/<name>_<annotator>.ann``. One annotation file is used per article (the first
annotator in sorted order): the corpus has a few articles annotated several times for agreement.

An attribution is three span lists (source, cue, content; character offsets, a discontinuous span
gives several pieces). Attributions without a source have an empty source list.

The corpus states no licence: the texts stay in ../shared and nothing read here is copied into the
project; the trained model's card says so.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["GoldAttribution", "Article", "read_split", "tune_split", "content_kind", "DEFAULT_ROOT"]

DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "data"

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: Spans
    cue: Spans
    content: Spans


@dataclass(slots=True)
class Article:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


_SPAN = re.compile(r"(\d+) (\d+)")


def _parse_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue  # a span text running onto the next line leaves such a fragment
            label_and_offsets = parts[1].split(" ", 1)
            if len(label_and_offsets) != 2:
                raise ValueError(f"{path}:{n}: span line without offsets")
            pieces = tuple((int(a), int(b)) for a, b in _SPAN.findall(label_and_offsets[1]))
            spans[parts[0]] = pieces
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                raise ValueError(f"{path}:{n}: relation line without arguments")
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            events.append(args)
    out = []
    for args in events:
        def get(*roles: str) -> Spans:
            return tuple(p for r in roles if r in args for p in spans.get(args[r], ()))
        content = get("Content", "Content2")
        cue = get("Cue")
        if not content or not cue:
            continue
        out.append(GoldAttribution(get("Source"), cue, tuple(sorted(content))))
    return out


def read_split(split: str, root: Path = DEFAULT_ROOT) -> list[Article]:
    """The articles of one split (``train`` or ``dev``), sorted by name."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"{text_dir}: PolNeAR split '{split}' not found")
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        name = p.stem.rsplit("_", 1)[0]
        anns.setdefault(name, p)
    articles = []
    for p in sorted(text_dir.glob("*.txt")):
        ann = anns.get(p.stem)
        articles.append(Article(p.stem, p.read_text(encoding="utf-8"), _parse_ann(ann) if ann else []))
    return articles


def tune_split(names: list[str], fraction: float = 0.1, seed: int = 16) -> set[str]:
    """The train articles held out for tuning: a fixed random tenth, by article."""
    ordered = sorted(names)
    rng = random.Random(seed)
    rng.shuffle(ordered)
    return set(ordered[:max(1, round(len(ordered) * fraction))])


_QUOTE_MARKS = "\"“”«»„"


def content_kind(text: str, spans: Spans) -> str:
    """direct (the content is one quotation), mixed (part of it is quoted) or indirect."""
    pieces = [text[a:b] for a, b in spans]
    body = " ".join(p.strip() for p in pieces).strip()
    marks = sum(body.count(m) for m in _QUOTE_MARKS)
    if not marks:
        return "indirect"
    stripped = body.rstrip(".,;:!? ")
    if body[:1] in _QUOTE_MARKS and stripped[-1:] in _QUOTE_MARKS and marks <= 2:
        return "direct"
    if body[:1] in _QUOTE_MARKS and body.rstrip()[-1:] in _QUOTE_MARKS + ".,!?" and marks == 2:
        return "direct"
    return "mixed"
