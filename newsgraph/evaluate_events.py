"""`make eval-events`: event extraction scored on real text (FA-KES) against hand-annotated gold.

Run::

    python -m newsgraph.evaluate_events [--gold eval/fakes/events.json] [--db out/eval-corpus/fakes.db]
        [--csv FA-KES-Dataset.csv] [--json out/eval-events/figures.json] [--compare OLD.json]

The store is the one ``make eval-corpus`` builds (``out/eval-corpus/fakes.db``); ``--ingest`` first
brings it up to date the same way (``evaluate_corpus.convert`` + the normal incremental ingest, which
redoes the documents whose facts version is stale; ``--fresh`` rebuilds it), and a missing store is
always built. ``make eval-events`` runs with ``--ingest``.
The gold (``eval/fakes/events.json``, see eval/fakes/EVENTS_README.md) holds, per article, every
reported event with its evidence sentence as character offsets into the article text, further
sentences reporting the same event (``also``), and its labels; no article text.

Matching, per document. Gold spans are mapped to the stored cleaned text through the stored
segments. A system event mention (one row of the document's facts) *matches* a gold event when its
evidence sentence overlaps one of the gold event's spans; when several gold events overlap it, the
one whose PLOVER category, then ACLED type agrees wins, then one not matched yet. Several system
mentions may match one gold event (the second and later ones count as duplicates); a system event
that overlaps no gold span is a false positive (counted by why: a span marked as a non-event in the
gold, e.g. a headline link, a hypothetical, a cumulative toll; else an unannotated sentence).

Figures, per part (dev, test, all). Records are counted as an analyst sees them after aggregation,
one per event: the system's distinct events are the gold events it found plus its false-positive
mentions (repeat mentions of a found event are counted apart, as ``duplicates``).
  * precision: gold events found / system's distinct events; recall: gold events found / gold events;
  * typed precision: gold events found with the right PLOVER category / system's distinct events
    (the issue's "real events with the right type");
  * field accuracy over gold events found, each scored once on the system mention of its evidence
    sentence (else its best mention): PLOVER category, ACLED event type, ACLED sub-event type,
    actor 1, actor 2, place, date, fatalities; a field no system event carries is reported as
    "not provided" and left out of "every field";
  * right in every field: over the system's distinct events (the issue's measure) and over gold found;
  * fatalities accuracy over gold events found whose gold states a toll (0 included);
  * mention precision: system mentions on a gold event / system mentions (no aggregation).
Field rules: a name is right when it equals one of the gold alternatives or one contains the other
as whole words (case, hyphens, apostrophes, "the" and "al" ignored), a missing gold name is right
only when the system gives none; in a battle (FIGHT, armed clash) the two sides may come in either
order. A date is right when it equals a gold alternative exactly (precision included); a gold event
without a stated date is right when the system gives none or marks its date as the report's.
Fatalities: not stated counts as 0 on both sides; a gold list holds every acceptable figure.

Contradictions (store-wide): a contradiction is *judged* when every report it cites lies in a gold
article; it is right when all of them lie on one gold event (within an article), or on gold events
sharing an identity ``key`` (across articles). A report on no gold event makes it wrong. With 60 of
804 articles few contradictions are judged so, and the gold file also holds an audit: 60 contradictions
(seeded samples, ``--audit-sample N`` draws the next) whose two cited reports were read and judged one event or not;
a contradiction citing the same reports (overlapping spans) takes that verdict. The store-wide
precision counts both; contradictions neither judges are counted as unjudged (audit them next).

``--json FILE`` writes every figure (no corpus text); ``--compare OLD.json`` prints old -> new.
Exit 0 whatever the scores; 2 when inputs are missing or unreadable.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import evaluate_corpus as ec

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "eval" / "fakes" / "events.json"
DEFAULT_DB = ec.DEFAULT_WORK / "fakes.db"
DEFAULT_OUT = REPO / "out" / "eval-events" / "figures.json"
PARTS = ("dev", "test", "all")
FIELDS = ("plover", "acled_event_type", "sub_event_type", "actor1", "actor2", "place", "date", "fatalities")
_BATTLE_SUBS = {"Armed clash"}


# -- the system's side ----------------------------------------------------------------------------
@dataclass
class SysDoc:
    id: str
    text: str
    segments: list[tuple[int, int | None, int]]  # clean_start, raw_start, length
    events: list[dict[str, Any]]
    entities: list[dict[str, Any]]  # document-local entities (facts): name, names, type
    published: str | None = None


@dataclass
class SystemEvents:
    docs: dict[str, SysDoc]
    unit_doc: dict[str, str]  # gold doc key -> stored doc id
    contradictions: list[dict[str, Any]] = field(default_factory=list)  # id, kind, reports: [(doc, start, end)]


def load_system(store, csv_rows=None) -> SystemEvents:
    base = ec.load_system(store, csv_rows)
    docs: dict[str, SysDoc] = {}
    wanted = set(base.docs)
    for r in store.query("SELECT doc_id, data FROM facts"):
        if r[0] not in wanted:
            continue
        try:
            data = json.loads(r[1])
        except ValueError:
            data = {}
        d = base.docs[r[0]]
        docs[r[0]] = SysDoc(d.id, d.text, d.segments, list(data.get("events") or []),
                            list(data.get("entities") or []), d.published)
    for doc_id, d in base.docs.items():
        docs.setdefault(doc_id, SysDoc(d.id, d.text, d.segments, [], [], d.published))
    reports: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for r in store.query("SELECT owner_id, doc_id, start, end FROM evidence WHERE owner = 'contradiction'"):
        reports[r[0]].append((r[1], r[2], r[3]))
    contradictions = [{"id": r[0], "kind": r[1], "reports": reports.get(r[0], [])}
                      for r in store.query("SELECT id, kind FROM contradictions ORDER BY id")]
    return SystemEvents(docs, base.unit_doc, contradictions)


# -- locating gold spans ----------------------------------------------------------------------------
def clean_span(doc: SysDoc, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) of the raw article text in the cleaned text (the part the cleaner kept), or None."""
    if not doc.segments or all(seg_raw is None for _, seg_raw, _ in doc.segments):
        return (start, min(end, len(doc.text))) if start < len(doc.text) else None
    lo = hi = None
    for clean_start, seg_raw, length in doc.segments:
        if seg_raw is None:
            continue
        a, b = max(start, seg_raw), min(end, seg_raw + length)
        if a < b:
            ca, cb = clean_start + a - seg_raw, clean_start + b - seg_raw
            lo = ca if lo is None else min(lo, ca)
            hi = cb if hi is None else max(hi, cb)
    return None if lo is None else (lo, hi)


# -- field comparisons ------------------------------------------------------------------------------
def _norm(name: str) -> list[str]:
    s = (name or "").casefold()
    s = re.sub(r"[\u2010-\u2015\-_/]", " ", s)
    s = re.sub(r"[\u2018\u2019'`\".,()]", "", s)
    words = [w for w in s.split() if w not in {"the", "al", "el"}]
    return words


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return n > 0 and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def name_matches(system: str, gold: str) -> bool:
    a, b = _norm(system), _norm(gold)
    if not a or not b:
        return False
    return a == b or _contains(a, b) or _contains(b, a)


def _names_right(system_names: list[list[str]], gold: list[str] | None) -> bool:
    """system_names: one list of surface names per system argument."""
    if not gold:
        return not system_names
    return any(name_matches(n, g) for names in system_names for n in names for g in gold)


def _entity_names(doc: SysDoc, idx: Any) -> list[str]:
    if isinstance(idx, int) and 0 <= idx < len(doc.entities):
        e = doc.entities[idx]
        return [e.get("name") or ""] + list(e.get("names") or [])
    return []


def _arg_names(doc: SysDoc, ev: dict[str, Any], key: str, role: str) -> list[list[str]]:
    """The system's arguments for actor 1 (role 'actor'), actor 2 ('target') or the place, as names.

    A record that carries the field itself (``actor1``: a name, a dict with name/text, or a list of
    them) is read first; otherwise the local-entity roles of the mention and its described actors."""
    value = ev.get(key)
    if value is not None:
        items = value if isinstance(value, list) else [value]
        out = []
        for it in items:
            if isinstance(it, dict):
                names = [it.get(k) for k in ("name", "text", "label") if isinstance(it.get(k), str)]
                if isinstance(it.get("entity"), int):
                    names += _entity_names(doc, it["entity"])
                if names:
                    out.append(names)
            elif isinstance(it, str) and it:
                out.append([it])
            elif isinstance(it, int):
                out.append(_entity_names(doc, it))
        return [n for n in out if n]
    if key == "place":
        return [n for n in [_entity_names(doc, ev.get("location"))] if n]
    named = [n for n in (_entity_names(doc, i) for i, r in (ev.get("actors") or []) if r == role) if n]
    # actors described without a name ("gunmen", "Russian jets"): (words, role, code) in newer records
    described = [[t[0]] for t in ev.get("actor_terms") or [] if len(t) >= 2 and t[1] == role and isinstance(t[0], str) and t[0]]
    return named + described


def system_fatalities(ev: dict[str, Any]) -> int | None:
    if "fatalities" in ev:
        v = ev["fatalities"]
        return int(v) if isinstance(v, (int, float)) else None
    for q in ev.get("quantities") or []:
        if q.get("kind") == "killed" and q.get("scope") is None and isinstance(q.get("value"), (int, float)):
            return int(q["value"])
    return None


def _date_is_fallback(ev: dict[str, Any]) -> bool:
    """The date is the report's own, standing in for an unstated one. A date the text states relative
    to the report ("on Tuesday": method "weekday-before-publication") is a stated date."""
    if ev.get("date_fallback") or ev.get("date_is_fallback"):
        return True
    how = str(ev.get("date_method") or "") + " " + str(ev.get("date_precision") or "")
    return bool(re.search(r"(?:^|\s)(?:report|fallback|publication|published)", how))


def judge(doc: SysDoc, ev: dict[str, Any], gold: dict[str, Any], provided: set[str]) -> dict[str, bool | None]:
    """Right/wrong per field for one matched system event; None for a field the system does not provide."""
    out: dict[str, bool | None] = {}
    out["plover"] = ev.get("type") in gold["plover"]
    out["acled_event_type"] = (ev.get("acled_type") in gold["acled_event_type"]) if gold["acled_event_type"] else not ev.get("acled_type")
    if "sub_event_type" in provided:
        sub = ev.get("sub_event_type")
        out["sub_event_type"] = (sub in gold["sub_event_type"]) if gold["sub_event_type"] else not sub
    else:
        out["sub_event_type"] = None
    a1 = _arg_names(doc, ev, "actor1", "actor")
    a2 = _arg_names(doc, ev, "actor2", "target")
    r1, r2 = _names_right(a1, gold["actor1"]), _names_right(a2, gold["actor2"])
    battle = "FIGHT" in gold["plover"] and set(gold["sub_event_type"] or []) & _BATTLE_SUBS
    if battle and not (r1 and r2):
        s1, s2 = _names_right(a2, gold["actor1"]), _names_right(a1, gold["actor2"])
        if s1 and s2:
            r1, r2 = True, True
    out["actor1"], out["actor2"] = r1, r2
    out["place"] = _names_right(_arg_names(doc, ev, "place", ""), gold["place"])
    date = ev.get("date")
    if gold["date"]:
        out["date"] = date in gold["date"] and not _date_is_fallback(ev)
    else:
        out["date"] = date is None or _date_is_fallback(ev) or date == doc.published
    fat = system_fatalities(ev) or 0
    out["fatalities"] = fat in (gold["fatalities"] or [0])
    return out


# -- matching and scoring ---------------------------------------------------------------------------
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def provided_fields(system: SystemEvents) -> set[str]:
    """Fields at least one system event carries (the sub-event type only exists in newer records)."""
    keys = {k for d in system.docs.values() for ev in d.events for k, v in ev.items() if v not in (None, "", [])}
    out = {"plover", "acled_event_type", "actor1", "actor2", "place", "date", "fatalities"}
    if "sub_event_type" in keys:
        out.add("sub_event_type")
    return out


def _empty() -> dict[str, Any]:
    return {"documents": 0, "documents_unplaced": 0, "gold_events": 0, "gold_spans_unplaced": 0, "system_events": 0,
            "matched": 0, "typed": 0, "mention_typed": 0, "every_field": 0, "duplicates": 0, "gold_found": 0,
            "right": Counter(), "judged": Counter(), "fat_stated": 0, "fat_right": 0,
            "fp_why": Counter(), "fp_polarity": Counter(), "confusion": Counter()}


def score(gold: dict[str, Any], system: SystemEvents) -> dict[str, Any]:
    provided = provided_fields(system)
    acc = {p: _empty() for p in PARTS}
    gold_spans_by_doc: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]] = {}
    per_doc = []
    for gd in gold.get("documents") or []:
        parts = [gd.get("split") or "dev", "all"]
        doc_id = system.unit_doc.get(str(gd["doc"]))
        doc = system.docs.get(doc_id) if doc_id else None
        for p in parts:
            acc[p]["documents"] += 1
            acc[p]["gold_events"] += len(gd["events"])
        if doc is None:
            for p in parts:
                acc[p]["documents_unplaced"] += 1
            continue
        spans: list[tuple[tuple[int, int], dict[str, Any], bool]] = []  # (clean span, gold event, primary)
        for ge in gd["events"]:
            for k, sp in enumerate([ge["span"]] + list(ge.get("also") or [])):
                cs = clean_span(doc, sp[0], sp[1])
                if cs is None:
                    if k == 0:
                        for p in parts:
                            acc[p]["gold_spans_unplaced"] += 1
                    continue
                spans.append((cs, ge, k == 0))
        gold_spans_by_doc[doc.id] = [(s, g) for s, g, _ in spans]
        negatives = []
        for ne in gd.get("not_events") or []:
            cs = clean_span(doc, ne["span"][0], ne["span"][1])
            if cs:
                negatives.append((cs, ne.get("why") or "non-event"))
        taken: Counter[str] = Counter()
        found: dict[str, list] = defaultdict(list)
        doc_rows = []
        for ev in doc.events:
            es = (int(ev.get("start", 0)), int(ev.get("end", 0)))
            cands = [(s, g, prim) for s, g, prim in spans if _overlap(s, es) > 0]
            for p in parts:
                acc[p]["system_events"] += 1
            if not cands:
                why = next((w for s, w in negatives if _overlap(s, es) > 0), "unannotated sentence")
                why = why.split(",")[0].split("(")[0].strip()
                for p in parts:
                    acc[p]["fp_why"][why] += 1
                    acc[p]["fp_polarity"][ev.get("polarity") or "?"] += 1
                doc_rows.append({"start": es[0], "end": es[1], "type": ev.get("type"), "gold": None, "why": why})
                continue

            def rank(c):
                s, g, prim = c
                return (ev.get("type") in g["plover"],
                        bool(g["acled_event_type"]) and ev.get("acled_type") in (g["acled_event_type"] or []),
                        taken[g["id"]] == 0, prim, _overlap(s, es))
            sp_best, g, _ = max(cands, key=rank)
            taken[g["id"]] += 1
            verdict = judge(doc, ev, g, provided)
            on_primary = any(prim and gg is g and _overlap(s, es) > 0 for s, gg, prim in cands)
            found[g["id"]].append((on_primary, sum(bool(v) for v in verdict.values()), ev, verdict))
            for p in parts:
                acc[p]["matched"] += 1
                acc[p]["duplicates"] += taken[g["id"]] > 1
                acc[p]["mention_typed"] += bool(verdict["plover"])
            doc_rows.append({"start": es[0], "end": es[1], "type": ev.get("type"), "gold": g["id"],
                             "wrong": [f for f, v in verdict.items() if v is False]})
        # each gold event found is scored once, on the mention of its evidence sentence (else its best one)
        for ge in gd["events"]:
            if not found.get(ge["id"]):
                continue
            _, _, ev, verdict = max(found[ge["id"]], key=lambda x: (x[0], x[1]))
            every = all(v for v in verdict.values() if v is not None)
            for p in parts:
                a = acc[p]
                a["typed"] += bool(verdict["plover"])
                a["every_field"] += every
                a["confusion"][(ge["plover"][0], ev.get("type"))] += 1
                for f, v in verdict.items():
                    if v is not None:
                        a["judged"][f] += 1
                        a["right"][f] += v
                if ge["fatalities"] is not None:
                    a["fat_stated"] += 1
                    a["fat_right"] += bool(verdict["fatalities"])
        for p in parts:
            acc[p]["gold_found"] += sum(1 for ge in gd["events"] if taken[ge["id"]])
        per_doc.append({"doc": str(gd["doc"]), "split": gd.get("split"), "system": doc_rows,
                        "missed": [ge["id"] for ge in gd["events"] if not taken[ge["id"]]]})
    splits = {p: _figures(acc[p], provided) for p in PARTS}
    contra = contradiction_figures(gold, system, gold_spans_by_doc)
    for p in PARTS:
        splits[p].update(contra[p])
    return {"splits": splits, "contradictions": contradiction_audit(gold, system, contra["verdicts"]),
            "provided": sorted(provided),
            "not_provided": [f for f in FIELDS if f not in provided], "documents": per_doc,
            }


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _figures(a: dict[str, Any], provided: set[str]) -> dict[str, Any]:
    out = {k: a[k] for k in ("documents", "documents_unplaced", "gold_events", "gold_spans_unplaced",
                             "system_events", "matched", "duplicates")}
    # distinct events: each gold event found once, each false-positive mention once
    out["false_positive_mentions"] = a["system_events"] - a["matched"]
    records = a["gold_found"] + out["false_positive_mentions"]
    out["precision"] = _ratio(a["gold_found"], records)
    out["recall"] = _ratio(a["gold_found"], a["gold_events"])
    p, r = out["precision"], out["recall"]
    out["f1"] = round(2 * p * r / (p + r), 4) if p and r else None
    out["typed_precision"] = _ratio(a["typed"], records)
    out["every_field_precision"] = _ratio(a["every_field"], records)
    out["every_field_found"] = _ratio(a["every_field"], a["gold_found"])
    for f in FIELDS:
        out[f"{f}_accuracy"] = _ratio(a["right"][f], a["judged"][f]) if f in provided else "not provided"
    out["mention_precision"] = _ratio(a["matched"], a["system_events"])
    out["mention_typed_precision"] = _ratio(a["mention_typed"], a["system_events"])
    out["fatalities_stated"] = a["fat_stated"]
    out["fatalities_stated_accuracy"] = _ratio(a["fat_right"], a["fat_stated"])
    out["false_positives"] = dict(a["fp_why"].most_common())
    out["false_positive_polarity"] = dict(a["fp_polarity"].most_common())
    out["type_confusion"] = {f"{g} -> {s}": n for (g, s), n in a["confusion"].most_common() if g != s}
    return out


def contradiction_figures(gold, system: SystemEvents, spans_by_doc) -> dict[str, dict[str, Any]]:
    part_of = {}
    for gd in gold.get("documents") or []:
        doc_id = system.unit_doc.get(str(gd["doc"]))
        if doc_id:
            part_of[doc_id] = gd.get("split") or "dev"
    out: dict[str, Any] = {p: {"contradictions_judged": 0, "contradictions_right": 0, "contradictions_touching_gold": 0} for p in PARTS}
    verdicts: dict[str, bool] = {}
    for c in system.contradictions:
        docs = {d for d, _, _ in c["reports"]}
        if not docs or not docs & set(part_of):
            continue
        touched = {part_of[d] for d in docs if d in part_of}
        for p in list(touched) + ["all"]:
            out[p]["contradictions_touching_gold"] += 1
        if not docs <= set(part_of):
            continue
        identities = set()
        for d, s, e in c["reports"]:
            hits = [g for sp, g in spans_by_doc.get(d, []) if _overlap(sp, (s, e)) > 0]
            if not hits:
                identities.add(("none", d, s))
                continue
            g = hits[0]
            identities.add(g.get("key") or g["id"])
        right = len(identities) == 1 and not any(isinstance(i, tuple) for i in identities)
        verdicts[c["id"]] = right
        for p in (touched if len(touched) == 1 else set()) | {"all"}:
            out[p]["contradictions_judged"] += 1
            out[p]["contradictions_right"] += right
    for p in PARTS:
        out[p]["contradiction_precision"] = _ratio(out[p]["contradictions_right"], out[p]["contradictions_judged"])
    out["verdicts"] = verdicts
    return out


def contradiction_audit(gold, system: SystemEvents, by_gold: dict[str, bool]) -> dict[str, Any]:
    """Store-wide contradiction precision: a contradiction is judged by the gold events (every report in a
    gold article) or, failing that, by the audit in the gold file (pairs of cited reports read and judged
    one event or not), matched when each report it cites overlaps one of an audited pair's reports."""
    doc_of = system.unit_doc
    audited = []
    for a in gold.get("contradiction_audit") or []:
        if a.get("same") is None:
            continue
        reps = []
        for r in a.get("reports") or []:
            d = doc_of.get(str(r["doc"]))
            doc = system.docs.get(d) if d else None
            cs = clean_span(doc, int(r["start"]), int(r["end"])) if doc else None
            if cs:
                reps.append((d, cs))
        if len(reps) == len(a.get("reports") or []):
            audited.append((reps, bool(a["same"])))
    judged = right = from_gold = from_audit = 0
    unjudged: list[str] = []
    for c in system.contradictions:
        verdict = by_gold.get(c["id"])
        if verdict is not None:
            from_gold += 1
        else:
            for reps, same in audited:
                if c["reports"] and all(any(d == rd and _overlap(sp, (s, e)) > 0 for rd, sp in reps) for d, s, e in c["reports"]):
                    verdict = same
                    from_audit += 1
                    break
        if verdict is None:
            unjudged.append(c["id"])
            continue
        judged += 1
        right += verdict
    return {"in_store": len(system.contradictions), "judged": judged, "by_gold_events": from_gold,
            "by_audit": from_audit, "within_one_event": right, "precision": _ratio(right, judged),
            "unjudged": len(unjudged), "unjudged_ids": unjudged}


# -- printing ----------------------------------------------------------------------------------------
_ROWS = [
    ("documents", "articles"), ("gold_events", "gold events"), ("system_events", "system event mentions"),
    ("matched", "  on a gold event"), ("duplicates", "    repeats of an event already found"),
    ("false_positive_mentions", "  on no gold event"),
    ("precision", "precision (events)"), ("recall", "recall"), ("f1", "F1"),
    ("typed_precision", "real events with the right type"),
    ("every_field_precision", "right in every field (of system events)"),
    ("every_field_found", "right in every field (of gold found)"),
    ("plover_accuracy", "PLOVER category (gold found)"), ("acled_event_type_accuracy", "ACLED event type"),
    ("sub_event_type_accuracy", "ACLED sub-event type"), ("actor1_accuracy", "actor 1"),
    ("actor2_accuracy", "actor 2"), ("place_accuracy", "place"), ("date_accuracy", "date"),
    ("fatalities_accuracy", "fatalities"),
    ("fatalities_stated", "gold found that state a toll"),
    ("fatalities_stated_accuracy", "  fatalities right"),
    ("mention_precision", "mention precision"), ("mention_typed_precision", "mention precision, right type"),
    ("contradictions_judged", "contradictions judged"), ("contradiction_precision", "  within one event"),
    ("contradictions_touching_gold", "contradictions citing a gold article"),
]


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def report(result: dict[str, Any], out=None) -> None:
    out = out or sys.stdout
    sp = result["splits"]
    w = max(len(label) for _, label in _ROWS) + 2
    print(f"{'':<{w}}{'dev':>14}{'test':>14}{'all':>14}", file=out)
    for key, label in _ROWS:
        print(f"{label:<{w}}" + "".join(f"{_fmt(sp[p].get(key)):>14}" for p in PARTS), file=out)
    if result["not_provided"]:
        print(f"\nnot provided by the system: {', '.join(result['not_provided'])}", file=out)
    for p in ("dev", "test"):
        fp = sp[p]["false_positives"]
        if fp:
            print(f"\n{p}: false positives by why: " + ", ".join(f"{k} {v}" for k, v in fp.items()), file=out)
        conf = sp[p]["type_confusion"]
        if conf:
            print(f"{p}: type confusions (gold -> system): " + ", ".join(f"{k} {v}" for k, v in list(conf.items())[:10]), file=out)
    c = result["contradictions"]
    print(f"\ncontradictions (store-wide): {c['in_store']}; judged {c['judged']} ({c['by_gold_events']} by the gold events, "
          f"{c['by_audit']} by the audit); within one event {c['within_one_event']} -> precision {_fmt(c['precision'])}; "
          f"unjudged {c['unjudged']}", file=out)


def show(result: dict[str, Any], system: SystemEvents, uid: str, out=None) -> None:
    """One article's system events and how each was judged (triggers quoted from the text, screen only)."""
    out = out or sys.stdout
    row = next((d for d in result["documents"] if d["doc"] == uid), None)
    doc = system.docs.get(system.unit_doc.get(uid, ""))
    if row is None or doc is None:
        print(f"\n{uid}: not a scored gold article", file=out)
        return
    print(f"\n{uid} ({row['split']}): {len(row['system'])} system events; gold missed: {', '.join(row['missed']) or 'none'}", file=out)
    for ev, r in zip(doc.events, row["system"]):
        verdict = f"-> {r['gold']}  wrong: {', '.join(r['wrong']) or '-'}" if r["gold"] else f"-> no gold ({r['why']})"
        print(f"  [{r['start']}-{r['end']}] {ev.get('type')} {ev.get('trigger')!r} date={ev.get('date')} "
              f"killed={system_fatalities(ev)} {verdict}", file=out)


def raw_offset(doc: SysDoc, clean: int) -> int | None:
    """The raw-text offset of a cleaned-text offset (the inverse of clean_span), None where the text was inserted."""
    if not doc.segments or all(seg_raw is None for _, seg_raw, _ in doc.segments):
        return clean
    for clean_start, seg_raw, length in doc.segments:
        if seg_raw is not None and clean_start <= clean < clean_start + length:
            return seg_raw + clean - clean_start
    return None


def audit_sample(result: dict[str, Any], system: SystemEvents, n: int, seed: int = 20240615, out=None) -> None:
    """Print n unjudged contradictions (a seeded sample) with the sentences they cite, for reading (screen only),
    each followed by an entry to complete (True/False) and add to eval/fakes/spec_events.py CONTRADICTION_AUDIT."""
    import random

    out = out or sys.stdout
    unit_of = {d: u for u, d in system.unit_doc.items()}
    by_id = {c["id"]: c for c in system.contradictions}
    ids = sorted(result["contradictions"]["unjudged_ids"])
    pick = random.Random(seed).sample(ids, min(n, len(ids)))
    print(f"\n{len(pick)} of {len(ids)} unjudged contradictions (seed {seed}):", file=out)
    for cid in pick:
        c = by_id[cid]
        print(f"\n{cid} {c['kind']}", file=out)
        refs = []
        for d, s, e in c["reports"]:
            doc = system.docs.get(d)
            if doc is None:
                continue
            a = max(doc.text.rfind(". ", 0, s) + 2, 0)
            b = doc.text.find(". ", e)
            b = len(doc.text) if b < 0 else b + 1
            rs = raw_offset(doc, s)
            print(f"  {unit_of.get(d, d)} published {doc.published}: value {doc.text[s:e]!r} in: {doc.text[a:b][:300]!r}", file=out)
            if rs is not None:
                refs.append(f'"{unit_of.get(d, d)}@{rs}-{rs + e - s}"')
        print(f"  A([{', '.join(refs)}], None),", file=out)


def flatten(result: dict[str, Any]) -> dict[str, float]:
    flat: dict[str, float] = {}
    for part, figs in result.get("splits", {}).items():
        for k, v in figs.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                flat[f"{part}.{k}"] = v
    for k, v in (result.get("contradictions") or {}).items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            flat[f"contradictions.{k}"] = v
    return flat


def compare(old: dict[str, Any], new: dict[str, Any], out=None) -> None:
    out = out or sys.stdout
    a, b = flatten(old), flatten(new)
    keys = [k for k in b if k in a] + [k for k in b if k not in a] + [k for k in a if k not in b]
    w = max((len(k) for k in keys), default=10) + 2
    for k in keys:
        o, n = a.get(k), b.get(k)
        delta = f"  ({n - o:+.4g})" if o is not None and n is not None and n != o else ""
        print(f"{k:<{w}}{_fmt(o):>10} → {_fmt(n):<10}{delta}", file=out)


# -- command line ------------------------------------------------------------------------------------
def read_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read the events gold {path}: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise ValueError(f"{path}: not an events gold file (no 'documents' list)")
    for d in gold["documents"]:
        for e in d.get("events") or []:
            missing = [k for k in ("id", "span", "plover", "acled_event_type", "sub_event_type", "actor1", "actor2",
                                   "place", "date", "fatalities") if k not in e]
            if missing:
                raise ValueError(f"{path}: event {e.get('id', '?')} of {d.get('doc')} lacks {', '.join(missing)}")
    return gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB, help="the store to score (built from the CSV when missing)")
    ap.add_argument("--csv", type=Path, default=ec.DEFAULT_CSV)
    ap.add_argument("--json", type=Path, default=DEFAULT_OUT, help="write every figure to this JSON file")
    ap.add_argument("--compare", type=Path, help="a JSON file of an earlier run: print old -> new")
    ap.add_argument("--ingest", action="store_true",
                    help="first bring the store up to date with this tree's code (incremental ingest of the CSV, as make eval-corpus)")
    ap.add_argument("--fresh", action="store_true", help="with --ingest: rebuild the store from scratch")
    ap.add_argument("--audit-sample", type=int, metavar="N",
                    help="print N unjudged contradictions (seeded) with their sentences, to audit (screen only)")
    ap.add_argument("--show", action="append", default=[], metavar="UNIT_ID",
                    help="print this article's system events against the gold (on screen only)")
    args = ap.parse_args(argv)
    try:
        gold = read_gold(args.gold)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    from newsgraph.store import Store

    csv_rows = ec.read_csv(args.csv) if args.csv.exists() else None
    if args.ingest or not args.db.exists():
        if csv_rows is None:
            print(f"no corpus at {args.csv}: cannot {'update' if args.db.exists() else 'build'} the store {args.db}", file=sys.stderr)
            return 2
        from newsgraph import pipeline
        jsonl = args.db.parent / "fakes.jsonl"
        ec.convert(args.csv, jsonl)
        if args.fresh:
            for f in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
                f.unlink(missing_ok=True)
        print(f"ingesting {jsonl} into {args.db}{' (reused: only documents whose facts are stale are redone)' if args.db.exists() else ''} ...",
              flush=True)
        store = Store(args.db)
        r = pipeline.ingest(store, [jsonl], workers=2)
        print(f"ingest {r.seconds:.1f} s: {r.added} added, {r.already_stored} already stored", flush=True)
    else:
        store = Store(args.db)
    try:
        system = load_system(store, csv_rows)
    finally:
        store.close()
    result = score(gold, system)
    result["gold"] = str(args.gold)
    result["store_path"] = str(args.db)
    report(result)
    for uid in args.show:
        show(result, system, uid)
    if args.audit_sample:
        audit_sample(result, system, args.audit_sample)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    if args.compare:
        try:
            old = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"cannot read {args.compare}: {exc}", file=sys.stderr)
            return 2
        print(f"\n{args.compare} → this run")
        compare(old, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
