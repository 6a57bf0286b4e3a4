"""`make eval-relations`: attributions scored on PolNeAR, then the sample figures as `make eval`.

Two PolNeAR parts are scored, each for today's rules alone (``quotes.find_quotes``) and for the
pipeline's attribution stage (the rules' direct quotes with the trained tagger,
``attribution.combine``):

* ``held-out train``: the tenth of PolNeAR train held out by article (``tune_split``), which the
  tagger was tuned on (epochs, features);
* ``dev``: PolNeAR dev, never used for training or tuning (the reported test).

Measures (words = ``\\w+`` runs of the article text):

* content precision / recall / F1 by word overlap: the words inside predicted content against the
  words inside gold content, over the whole part; recall is split by the gold attribution's kind and
  precision by the predicted one's (``content_kind``: direct = one quotation, mixed = partly quoted,
  indirect = no quotation marks);
* found: a gold attribution is found when one predicted attribution covers at least half of its
  content words (recall by kind);
* source accuracy: of the found attributions whose gold has a source, the share whose predicted
  source shares a word with the gold source, or a capitalised name word when it is another mention of
  it ("Trump" for "Donald Trump"); a pronoun is right when it is the annotated pronoun. Also split by
  the gold source's form: named, pronoun, nominal ("officials", "the newspaper").

The articles are parsed with the shipped model (or read from the parse cached by
``make train-attribution`` when present: the same model, the same parse).
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsgraph.extract.attribution_corpus import DEFAULT_ROOT, Article, content_kind, read_split, tune_split

KINDS = ("direct", "mixed", "indirect")
_WORDS = re.compile(r"\w+")
_MARKS = "\"“”«»„"
CACHE = Path(__file__).resolve().parents[1] / "training" / "corpus" / "attribution"


@dataclass(frozen=True, slots=True)
class Predicted:
    source: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]


class _Words:
    def __init__(self, text: str):
        self.starts, self.ends = [], []
        for m in _WORDS.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, spans) -> set[int]:
        out: set[int] = set()
        for a, b in spans:
            i = bisect.bisect_right(self.ends, a)
            while i < len(self.starts) and self.starts[i] < b:
                out.add(i)
                i += 1
        return out


def _with_marks(text: str, spans) -> tuple[tuple[int, int], ...]:
    """Content pieces widened over the quotation marks right outside them (the rules give a direct
    quote without its marks), so that its kind is read as the annotation's would be."""
    out = []
    for a, b in spans:
        if a > 0 and text[a - 1] in _MARKS:
            a -= 1
        while b < len(text) and text[b] in _MARKS + ".,!?":
            b += 1
        out.append((a, b))
    return tuple(out)


SOURCE_TYPES = ("named", "pronoun", "nominal")
_PRONOUN_SOURCES = frozenset("i you he she it we they me him her us them who whom which that".split())


def _source_type(text: str, spans) -> str:
    """named (a capitalised word past the first), pronoun, or nominal ("officials", "the newspaper")."""
    words = _WORDS.findall(" ".join(text[a:b] for a, b in spans))
    if len(words) == 1 and words[0].lower() in _PRONOUN_SOURCES:
        return "pronoun"
    if any(w[:1].isupper() and w not in _NOT_NAMES for w in words[1:]) or \
            len(words) == 1 and words[0][:1].isupper() and words[0] not in _NOT_NAMES:
        return "named"
    return "nominal"


_NOT_NAMES = frozenset("I A An The He She It We They You This That Mr Mrs Ms Dr".split())


def _same_name(text: str, gold, pred: tuple[int, int]) -> bool:
    """Another mention of the same named source ("Trump" for "Donald Trump" two sentences on)."""
    def names(s: str) -> set[str]:
        return {w for w in _WORDS.findall(s) if w[:1].isupper() and w not in _NOT_NAMES}
    g = names(" ".join(text[a:b] for a, b in gold))
    return bool(g & names(text[pred[0]:pred[1]]))


def score(articles: list[Article], predictions: list[list[Predicted]]) -> dict:
    tp_r, gold_n = defaultdict(int), defaultdict(int)
    tp_p, pred_n = defaultdict(int), defaultdict(int)
    found, total = defaultdict(int), defaultdict(int)
    src_ok, src_n = defaultdict(int), defaultdict(int)
    for art, preds in zip(articles, predictions):
        words = _Words(art.text)
        gold_all: set[int] = set()
        gold_items = []
        for g in art.attributions:
            ws = words.of(g.content)
            if not ws:
                continue
            gold_all |= ws
            gold_items.append((g, ws, content_kind(art.text, g.content)))
        pred_items = []
        pred_all: set[int] = set()
        for p in preds:
            ws = words.of(p.content)
            if ws:
                pred_items.append((p, ws, content_kind(art.text, _with_marks(art.text, p.content))))
                pred_all |= ws
        for _, ws, kind in gold_items:
            for k in (kind, "all"):
                gold_n[k] += len(ws)
                tp_r[k] += len(ws & pred_all)
        for _, ws, kind in pred_items:
            for k in (kind, "all"):
                pred_n[k] += len(ws)
                tp_p[k] += len(ws & gold_all)
        for g, ws, kind in gold_items:
            best, best_n = None, 0
            for p, pws, _ in pred_items:
                n = len(ws & pws)
                if n > best_n:
                    best, best_n = p, n
            for k in (kind, "all"):
                total[k] += 1
            if best is None or best_n * 2 < len(ws):
                continue
            for k in (kind, "all"):
                found[k] += 1
            if g.source:
                ok = best.source is not None and (bool(words.of(g.source) & words.of([best.source]))
                                                  or _same_name(art.text, g.source, best.source))
                for k in (kind, "all", "source:" + _source_type(art.text, g.source)):
                    src_n[k] += 1
                    src_ok[k] += ok

    def ratio(a, b):
        return a / b if b else 0.0

    out = {"by_kind": {}}
    for k in (*KINDS, "all"):
        p, r = ratio(tp_p[k], pred_n[k]), ratio(tp_r[k], gold_n[k])
        out["by_kind"][k] = {
            "precision": p, "recall": r, "f1": ratio(2 * p * r, p + r), "gold": total[k],
            "found": ratio(found[k], total[k]), "source_accuracy": ratio(src_ok[k], src_n[k]),
        }
    out["source_by_type"] = {t: {"right": ratio(src_ok["source:" + t], src_n["source:" + t]),
                                 "found": src_n["source:" + t]} for t in SOURCE_TYPES}
    a = out["by_kind"]["all"]
    out["content"] = {"precision": a["precision"], "recall": a["recall"], "f1": a["f1"]}
    out["found"] = a["found"]
    out["source_accuracy"] = a["source_accuracy"]
    return out


# ---------------------------------------------------------------- systems


def rules_predictions(text: str) -> list[Predicted]:
    """Today's rules: each quote (direct or indirect) with its speaker as written."""
    from newsgraph.extract.quotes import find_quotes

    return _from_quotes(find_quotes(text))


def _from_quotes(quotes) -> list[Predicted]:
    out = []
    for q in quotes:
        content = q.parts or ((q.start, q.end),)
        src = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        out.append(Predicted(src, tuple(content)))
    return out


def combined_predictions(text: str, doc, model=None) -> list[Predicted]:
    """The pipeline's attribution stage: rule quotes and the tagger, combined."""
    from newsgraph.extract import attribution
    from newsgraph.extract.quotes import find_quotes

    quotes = attribution.combine(text, find_quotes(text), attribution.find_attributions(doc, model))
    return _from_quotes(quotes)


def score_tagger(model, articles: list[Article], docs) -> dict:
    """The tagger alone (no rules), for training."""
    from newsgraph.extract.attribution import find_attributions

    preds = [[Predicted(a.source, a.content) for a in find_attributions(doc, model)] for doc in docs]
    return score(articles, preds)


# ---------------------------------------------------------------- running


def _parsed(split: str, articles: list[Article]):
    """Docs for ``articles``: the training cache when it holds them all, else parsed now."""
    cache = CACHE / f"{split}.spacy"
    if cache.is_file():
        import spacy
        from spacy.tokens import DocBin

        docs = {d.user_data.get("name"): d for d in DocBin().from_disk(cache).get_docs(spacy.blank("en").vocab)}
        if all(a.name in docs and docs[a.name].text == a.text for a in articles):
            return [docs[a.name] for a in articles]
    from newsgraph import nlp as ngnlp

    model = ngnlp.load()
    return list(model.pipe([a.text for a in articles], batch_size=16))


def _table(name: str, before: dict, after: dict) -> str:
    lines = [f"{name}", f"  {'':10} {'content P':>18} {'content R':>18} {'content F1':>18} {'found':>18} "
                        f"{'source right':>18}  gold"]
    for k in (*KINDS, "all"):
        b, a = before["by_kind"][k], after["by_kind"][k]
        cells = [f"{b[m]:.3f} -> {a[m]:.3f}" for m in ("precision", "recall", "f1", "found", "source_accuracy")]
        lines.append(f"  {k:10} " + " ".join(f"{c:>18}" for c in cells) + f"  {a['gold']}")
    lines.append("  source right by the gold source's form (found attributions): " + ", ".join(
        f"{t} {before['source_by_type'][t]['right']:.3f} -> {after['source_by_type'][t]['right']:.3f} "
        f"(of {before['source_by_type'][t]['found']} -> {after['source_by_type'][t]['found']})" for t in SOURCE_TYPES))
    return "\n".join(lines)


def evaluate_part(name: str, split: str, articles: list[Article]) -> dict:
    docs = _parsed(split, articles)
    t0 = time.perf_counter()
    before = score(articles, [rules_predictions(a.text) for a in articles])
    t1 = time.perf_counter()
    from newsgraph.extract.attribution import load_model

    model = load_model()
    after = score(articles, [combined_predictions(a.text, d, model) for a, d in zip(articles, docs)])
    t2 = time.perf_counter()
    print(_table(f"PolNeAR {name} ({len(articles)} articles): rules -> rules + tagger", before, after))
    print(f"  time per article: rules {1000 * (t1 - t0) / len(articles):.1f} ms, "
          f"rules + tagger {1000 * (t2 - t1) / len(articles):.1f} ms (parse not counted)\n")
    return {"before": before, "after": after}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--parts", nargs="+", default=["held-out", "dev"], choices=["held-out", "dev"])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.polnear.is_dir():
        print(f"{args.polnear} not found: PolNeAR attribution scores skipped")
        return 0
    results = {}
    if "held-out" in args.parts:
        train = read_split("train", args.polnear)
        tune = tune_split([a.name for a in train])
        results["held-out"] = evaluate_part("held-out train", "train", [a for a in train if a.name in tune])
    if "dev" in args.parts:
        results["dev"] = evaluate_part("dev (test: never tuned on)", "dev", read_split("dev", args.polnear))
    if args.json:
        import json

        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
