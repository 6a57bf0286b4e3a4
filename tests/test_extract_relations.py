"""Relation extraction (newsgraph.extract.relations) on self-written sentences and the sample gold.

Mentions are built by hand here (the mention finder is a separate stage): ``_mentions`` finds each
given surface string in the text and gives it a type and a local entity index.

Run this file directly (``python tests/test_extract_relations.py``) for the per-predicate report on
the sample corpus's gold evidence sentences.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from newsgraph.types import EntityMention, RelationMention

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "newsgraph" / "sample" / "gold.json"


def _load_model():
    try:
        from newsgraph import nlp

        return nlp.load()
    except Exception as exc:  # model not built, or spaCy unusable on this machine
        pytest.skip(f"NLP model unavailable: {exc}")


@pytest.fixture(scope="module")
def model():
    return _load_model()


def _mentions(text: str, spec: list[tuple[str, str, int]], subtypes: dict[str, str] | None = None) -> list[EntityMention]:
    """Hand-built mentions: every occurrence of each (surface, type, entity) in ``text``."""
    out = []
    taken: list[tuple[int, int]] = []
    for surface, etype, entity in sorted(spec, key=lambda s: -len(s[0])):
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            sub = (subtypes or {}).get(surface)
            out.append(EntityMention(m.start(), m.end(), surface, etype, subtype=sub, entity=entity))
    return sorted(out, key=lambda m: m.start)


def _run(model, text, spec, subtypes=None):
    from newsgraph.extract.relations import find_relations

    doc = model(text)
    return find_relations(doc, _mentions(text, spec, subtypes))


def _triples(rels: list[RelationMention]) -> set[tuple[int, str, int]]:
    return {(r.subject, r.predicate, r.object) for r in rels}


def _polarities(rels) -> dict[tuple[int, str, int], str]:
    return {(r.subject, r.predicate, r.object): r.polarity for r in rels}


# -- gold evaluation helper -----------------------------------------------------------------------

_SUBTYPE = {"country": "country", "city": "settlement", "town": "settlement", "village": "settlement",
            "province": "region", "river": "region", "mountain_range": "region",
            "military_base": "facility", "cemetery": "facility"}


def gold_mentions(sentence: str, entities: list[dict]) -> tuple[list[EntityMention], list[str]]:
    """Mentions of the gold entities in one sentence, by alias string search (longest alias first).

    Returns the mentions and the gold id of each local entity index.
    """
    cands = []
    for ent in entities:
        for alias in ent["aliases"]:
            pattern = re.escape(alias)
            if alias[:1].islower() or alias.startswith("the "):
                pattern = "(?i:" + pattern[0] + ")" + pattern[1:]
            for m in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", sentence):
                cands.append((m.start(), m.end(), ent))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, dict]] = []
    for s, e, ent in cands:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, ent))
    chosen.sort(key=lambda c: c[0])
    ids: list[str] = []
    mentions = []
    for s, e, ent in chosen:
        if ent["id"] not in ids:
            ids.append(ent["id"])
        sub = _SUBTYPE.get(ent.get("subtype") or "")
        mentions.append(EntityMention(s, e, sentence[s:e], ent["type"], subtype=sub, entity=ids.index(ent["id"])))
    return mentions, ids


def evaluate_gold(model) -> dict:
    """Sentence-level precision/recall per predicate on the gold evidence sentences.

    member_of and part_of count as one predicate (as the gold scorer allows); a holds_office object
    matches when the office string names the predicted object. A gold *denied* relation is found only
    by a ``negated`` prediction; any other polarity on it counts as a false positive.
    """
    from newsgraph.extract.relations import find_relations

    gold = json.loads(GOLD.read_text())
    entities = gold["entities"]
    by_id = {e["id"]: e for e in entities}
    per_sentence: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for rel in gold["relations"]:
        for ev in rel["evidence"]:
            per_sentence[ev["sentence"]].append((rel["subject"], rel["predicate"], rel["object"], ev["polarity"]))

    def norm(p: str) -> str:
        return "member_of" if p == "part_of" else p

    tp, fp, fn = Counter(), Counter(), Counter()
    polarity_ok = polarity_all = 0
    errors = []
    elapsed = 0.0
    for sentence, golds in per_sentence.items():
        mentions, ids = gold_mentions(sentence, entities)
        doc = model(sentence)
        t0 = time.perf_counter()
        rels = find_relations(doc, mentions)
        elapsed += time.perf_counter() - t0
        preds = [(ids[r.subject], r.predicate, ids[r.object], r.polarity) for r in rels]
        matched_gold = set()
        for s, p, o, pol in preds:
            hit = None
            for gi, (gs, gp, go, gpol) in enumerate(golds):
                if norm(gp) != norm(p):
                    continue
                if gp == "holds_office":
                    same = gs == s and any(a in go for a in by_id[o]["aliases"])
                elif gp in ("allied_with", "fights", "family"):
                    same = {gs, go} == {s, o}
                else:
                    same = (gs, go) == (s, o)
                if same:
                    hit = gi
                    break
            if hit is not None and (golds[hit][3] == "denied") != (pol == "negated"):
                hit = None if golds[hit][3] == "denied" else hit
            if hit is None:
                fp[norm(p)] += 1
                errors.append(("FP", s, p, o, pol, sentence))
            elif hit not in matched_gold:
                matched_gold.add(hit)
                tp[norm(p)] += 1
                polarity_all += 1
                gpol = golds[hit][3]
                polarity_ok += (gpol == "denied" and pol == "negated") or gpol == pol
        for gi, (gs, gp, go, gpol) in enumerate(golds):
            if gi not in matched_gold:
                fn[norm(gp)] += 1
                errors.append(("FN", gs, gp, go, gpol, sentence))
    preds_all = set(tp) | set(fp) | set(fn)
    table = {}
    for p in sorted(preds_all):
        prec = tp[p] / (tp[p] + fp[p]) if tp[p] + fp[p] else 0.0
        rec = tp[p] / (tp[p] + fn[p]) if tp[p] + fn[p] else 0.0
        table[p] = (tp[p], fp[p], fn[p], prec, rec)
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "per_predicate": table,
        "precision": T / (T + F) if T + F else 0.0,
        "recall": T / (T + N) if T + N else 0.0,
        "polarity_accuracy": polarity_ok / polarity_all if polarity_all else 0.0,
        "sentences": len(per_sentence),
        "ms_per_sentence": 1000 * elapsed / max(1, len(per_sentence)),
        "errors": errors,
    }


if __name__ == "__main__":
    import sys

    result = evaluate_gold(_load_model())
    for pred, (t, f, n, p, r) in result["per_predicate"].items():
        print(f"{pred:18} tp={t:3} fp={f:3} fn={n:3}  P={p:.2f} R={r:.2f}")
    print(f"ALL P={result['precision']:.3f} R={result['recall']:.3f} polarity={result['polarity_accuracy']:.2f} "
          f"sentences={result['sentences']} find_relations {result['ms_per_sentence']:.2f} ms/sentence")
    if "-v" in sys.argv:
        for e in result["errors"]:
            print(*e[:5], "|", e[5][:160])
