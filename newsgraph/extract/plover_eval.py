"""Event-category accuracy on the PLOVER gold-standard sentences.

    python -m newsgraph.extract.plover_eval [PATH] [--model] [--rules-only]

PATH defaults to ``../shared/data/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt`` (relative to the repository).
The file is a JSON list of records with ``text`` and ``event`` (a PLOVER category); the leading
``DOCUMENT`` record is skipped. It is evaluation data only: nothing here is derived from it.

The gold file predates PLOVER 2.0 and uses its older names. They are mapped onto the categories we
emit, following the manual's CAMEO/PLOVER table: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE. FIGHT is kept (our scheme keeps it, see EVENTS.md); the accuracy with FIGHT
and ASSAULT merged (PLOVER 2.0 proper) is printed too.

By default sentences are classified by word matching (:func:`classify_sentence` without a model);
``--model`` parses them with the newsgraph spaCy pipeline first. The lexicon's reading is combined with
the trained event typer (``newsgraph/models/event_typer``); ``--rules-only`` measures the lexicon alone.
The typer was trained on the train part of these sentences, so the accuracy is also printed for each
part of its split (``eval/event_typer/gsr_split.json``): only dev and test are unseen by the model, and
only test was never used to choose anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newsgraph.extract.events import classify_sentence

__all__ = ["DEFAULT_PATH", "GOLD_ALIASES", "SPLIT_PATH", "load_gold", "load_gold_records", "evaluate", "main"]

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "shared" / "data" / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt"
SPLIT_PATH = Path(__file__).resolve().parents[2] / "eval" / "event_typer" / "gsr_split.json"
GOLD_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def load_gold_records(path: Path) -> list[tuple[str, str, str]]:
    """(record id, sentence, category), categories renamed to the PLOVER 2.0 names we emit."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in records:
        cat = r.get("event")
        text = r.get("text")
        if not cat or not text or cat == "DOCUMENT":
            continue
        out.append((str(r.get("id", "")), text, GOLD_ALIASES.get(cat, cat)))
    return out


def load_gold(path: Path) -> list[tuple[str, str]]:
    """(sentence, category) pairs, categories renamed to the PLOVER 2.0 names we emit."""
    return [(text, cat) for _, text, cat in load_gold_records(path)]


def evaluate(pairs: list[tuple[str, str]], nlp=None, use_model: bool = True) -> dict:
    """Accuracy overall and per gold category, the confusions, and how many got no prediction."""
    confusion: Counter[tuple[str, str | None]] = Counter()
    for text, gold in pairs:
        confusion[(gold, classify_sentence(text, nlp, use_model=use_model))] += 1
    n = sum(confusion.values())
    correct = sum(c for (g, p), c in confusion.items() if g == p)
    merged = sum(c for (g, p), c in confusion.items()
                 if g == p or {g, p} <= {"ASSAULT", "FIGHT"})
    per: dict[str, tuple[int, int]] = {}
    for (g, p), c in confusion.items():
        ok, tot = per.get(g, (0, 0))
        per[g] = (ok + (c if g == p else 0), tot + c)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "accuracy_fight_as_assault": merged / n if n else 0.0,
        "no_prediction": sum(c for (g, p), c in confusion.items() if p is None),
        "per_category": per,
        "confusion": confusion,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--model", action="store_true", help="parse sentences with the newsgraph spaCy model")
    ap.add_argument("--rules-only", action="store_true", help="the lexicon alone, without the trained typer")
    args = ap.parse_args(argv)
    if not args.path.is_file():
        print(f"PLOVER gold file not found: {args.path}\n"
              "Pass its path, e.g. python -m newsgraph.extract.plover_eval "
              "../shared/data/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt", file=sys.stderr)
        return 2
    nlp = None
    if args.model:
        from newsgraph import nlp as ngnlp

        nlp = ngnlp.load()
    records = load_gold_records(args.path)
    use_model = not args.rules_only
    res = evaluate([(t, c) for _, t, c in records], nlp, use_model)
    print(f"sentences: {res['n']}   path: {'parse' if nlp else 'words'}   "
          f"{'rules only' if args.rules_only else 'rules + trained typer'}")
    print(f"category accuracy: {res['accuracy']:.3f}   (FIGHT counted as ASSAULT: {res['accuracy_fight_as_assault']:.3f})")
    if SPLIT_PATH.is_file():
        split = json.loads(SPLIT_PATH.read_text(encoding="utf-8"))
        parts = []
        for part in ("train", "dev", "test"):
            sub = evaluate([(t, c) for i, t, c in records if split.get(i) == part], nlp, use_model)
            parts.append(f"{part} {sub['accuracy']:.3f} (n={sub['n']})")
        print("by part of the typer's split: " + ", ".join(parts) + "   (test: never trained or tuned on)")
    print(f"no prediction: {res['no_prediction']}")
    print("\nper category (correct/total):")
    for cat, (ok, tot) in sorted(res["per_category"].items(), key=lambda kv: -kv[1][1]):
        print(f"  {cat:<11} {ok:>3}/{tot:<3} {ok / tot:.2f}")
    print("\nmost frequent confusions (gold -> predicted):")
    wrong = [(k, c) for k, c in res["confusion"].items() if k[0] != k[1]]
    for (g, p), c in sorted(wrong, key=lambda kc: -kc[1])[:15]:
        print(f"  {g:<11} -> {p or '(none)':<11} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
