"""Evaluate the shipped pipeline on held-out data.

  * UD English-EWT test: UPOS accuracy, UAS, LAS (gold tokenisation and gold
    sentence boundaries, punctuation included as in CoNLL 2018; LAS without
    punctuation also shown), plus spaCy's raw-text scores (own tokenisation
    and sentence splitting, aligned to gold).
  * UNER English-EWT test: NER P/R/F1 for PER, ORG, LOC (our GPE/LOC/FAC -> LOC).
  * GMB held-out split (last 10 %): NER P/R/F1 per label.
  * training/eval/names_test.txt (our own sentences, unseen names).

Usage: python training/scripts/evaluate.py --model newsgraph/models/en_newsgraph \
           --data ../shared/data --corpus training/corpus [--json out.json]
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from newsgraph import nlp as ngnlp  # noqa: E402

TO_UNER = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_conllu(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        cur.append({"form": c[1], "upos": c[3], "head": int(c[6]), "deprel": c[7],
                    "space": "SpaceAfter=No" not in c[9]})
    if cur:
        sents.append(cur)
    return sents


def run_pipeline(nlp, doc, skip=()):
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        doc = proc(doc)
    return doc


def eval_ud(nlp, conllu):
    sents = read_conllu(conllu)
    n = pos_ok = uas_ok = las_ok = full_ok = 0
    n_np = las_np = 0
    t0 = time.time()
    docs = [Doc(nlp.vocab, words=[t["form"] for t in s], spaces=[t["space"] for t in s])
            for s in sents]
    # Gold sentence boundaries: each sentence is its own Doc, and the parser may not
    # split it further (CoNLL's gold-segmentation setting; a split adds a second root).
    for d in docs:
        for t in d[1:]:
            t.is_sent_start = False
    procs = [(name, p) for name, p in nlp.pipeline if name not in ("ner", "news_sentence_guard")]
    for name, proc in procs:
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=256))
        else:
            docs = [proc(d) for d in docs]
    for s, doc in zip(sents, docs):
        for g, t in zip(s, doc):
            n += 1
            pos_ok += g["upos"] == t.pos_
            ghead = g["head"] - 1 if g["head"] > 0 else t.i  # root: head is self in spaCy
            phead = t.head.i
            plab = "root" if t.dep_ == "ROOT" else t.dep_
            h = ghead == phead
            uas_ok += h
            las_ok += h and _universal(plab) == _universal(g["deprel"])
            full_ok += h and plab.lower() == g["deprel"].lower()
            if g["upos"] != "PUNCT":
                n_np += 1
                las_np += h and _universal(plab) == _universal(g["deprel"])
    return {"tokens": n, "UPOS": 100 * pos_ok / n, "UAS": 100 * uas_ok / n,
            "LAS": 100 * las_ok / n, "LAS_nopunct": 100 * las_np / n_np,
            "LAS_full_labels": 100 * full_ok / n, "seconds": round(time.time() - t0, 1)}


def _universal(deprel: str) -> str:
    """The universal part of a relation: LAS as the CoNLL 2018 scorer counts it
    (conll18_ud_eval.py ignores language-specific subtypes: nsubj:pass is nsubj)."""
    return deprel.lower().split(":")[0]


def eval_ud_raw(nlp, docbin):
    gold = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    from spacy.training import Example
    exs = [Example(nlp.make_doc(d.text), d) for d in gold]
    sc = nlp.evaluate(exs)
    return {k: round(100 * sc[k], 2) for k in ("pos_acc", "tag_acc", "morph_acc", "lemma_acc",
                                                "dep_uas", "dep_las", "sents_f") if sc.get(k) is not None}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 2), "R": round(100 * r, 2), "F1": round(100 * f, 2),
            "n_gold": tp + fn}


def score_spans(pairs, labels):
    """pairs: iterable of (gold set, pred set) of (start, end, label)."""
    c = collections.defaultdict(lambda: [0, 0, 0])
    for gold, pred in pairs:
        gold = {x for x in gold if x[2] in labels}
        pred = {x for x in pred if x[2] in labels}
        for x in pred & gold:
            c[x[2]][0] += 1
        for x in pred - gold:
            c[x[2]][1] += 1
        for x in gold - pred:
            c[x[2]][2] += 1
    out = {lab: prf(*c[lab]) for lab in sorted(labels)}
    tot = [sum(c[l][i] for l in labels) for i in range(3)]
    out["ALL"] = prf(*tot)
    return out


def ner_inputs(nlp) -> list[str]:
    """The components whose output the NER reads: the shared tok2vec when the NER listens to one
    (a listener given no doc.tensor silently reads zeros), else none."""
    return [name for name, proc in nlp.pipeline
            if "ner" in getattr(proc, "listening_components", ())]


def eval_ner_docbin(nlp, docbin, mapping=None):
    gold_docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
              for d in gold_docs]
    # NER only needs the tokenizer output (and the tok2vec it listens to, if it shares one);
    # the full pipeline is not required.
    preds = inputs
    for name in ner_inputs(nlp) + ["ner"]:
        preds = list(nlp.get_pipe(name).pipe(preds, batch_size=256))
    m = mapping or (lambda l: l)
    pairs = []
    for g, p in zip(gold_docs, preds):
        gs = {(e.start, e.end, m(e.label_)) for e in g.ents}
        ps = {(e.start, e.end, m(e.label_)) for e in p.ents}
        pairs.append((gs, ps))
    return pairs


MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]")


def read_names_test(path):
    items = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            start = len(text)
            text += m.group(1)
            spans.append((start, len(text), m.group(2)))
            pos = m.end()
        text += line[pos:]
        items.append((text, spans))
    return items


def eval_names(nlp, path):
    items = read_names_test(path)
    docs = list(nlp.pipe([t for t, _ in items]))
    pairs = []
    for (text, spans), doc in zip(items, docs):
        gs = {(s, e, TO_UNER.get(l, l)) for s, e, l in spans}
        ps = {(e.start_char, e.end_char, TO_UNER.get(e.label_, e.label_)) for e in doc.ents}
        pairs.append((gs, ps))
    return score_spans(pairs, {"PER", "ORG", "LOC"}), items, docs


def fmt_table(title, res):
    lines = [title, f"  {'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}"]
    for lab, v in res.items():
        lines.append(f"  {lab:<8}{v['P']:>8.2f}{v['R']:>8.2f}{v['F1']:>8.2f}{v['n_gold']:>7}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--corpus", default="training/corpus")
    ap.add_argument("--names", default="training/eval/names_test.txt")
    ap.add_argument("--json", default=None)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--ner-only", action="store_true", help="skip the UD evaluations (NER variants)")
    ap.add_argument("--dev-only", action="store_true",
                    help="only the GMB dev split, to choose between NER variants before any test set is read")
    a = ap.parse_args()
    a.ner_only = a.ner_only or a.dev_only
    nlp = ngnlp.load(a.model)
    data, corpus = Path(a.data), Path(a.corpus)
    results = {}
    print(f"model: {ngnlp.model_path(a.model)}  pipeline: {nlp.pipe_names}")

    conllu = data / "ud-english-ewt" / "en_ewt-ud-test.conllu"
    if conllu.exists() and not a.ner_only:
        r = eval_ud(nlp, conllu)
        results["ewt_test_gold_tok"] = r
        print(f"\nUD English-EWT test (gold tokens + sentences, {r['tokens']} tokens): "
              f"UPOS {r['UPOS']:.2f}  UAS {r['UAS']:.2f}  LAS {r['LAS']:.2f}  "
              f"(LAS w/o punct {r['LAS_nopunct']:.2f}; with relation subtypes {r['LAS_full_labels']:.2f})  "
              f"[targets: UPOS>=95, LAS>=85; LAS as the CoNLL 2018 scorer counts it]")
    ud_db = corpus / "ud" / "en_ewt-ud-test.spacy"
    if ud_db.exists() and not a.ner_only:
        r = eval_ud_raw(nlp, ud_db)
        results["ewt_test_raw_text_spacy_scorer"] = r
        print("UD English-EWT test (raw text, spaCy scorer, punct excluded from deps): "
              + "  ".join(f"{k} {v:.2f}" for k, v in r.items()))

    uner = corpus / "ner" / "uner-test.spacy"
    if uner.exists() and not a.dev_only:
        res = score_spans(eval_ner_docbin(nlp, uner, lambda l: TO_UNER.get(l, "_")),
                          {"PER", "ORG", "LOC"})
        results["uner_ewt_test"] = res
        print("\n" + fmt_table("UNER English-EWT test (GPE/LOC/FAC->LOC) [target F1>=80]", res))
    gmb_dev = corpus / "ner" / "gmb-dev.spacy"
    if gmb_dev.exists():
        res = score_spans(eval_ner_docbin(nlp, gmb_dev), {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"})
        results["gmb_dev"] = res["ALL"]
        print(f"\nGMB dev split (model selection): P {res['ALL']['P']:.2f} R {res['ALL']['R']:.2f} "
              f"F1 {res['ALL']['F1']:.2f}")
    gmb = corpus / "ner" / "gmb-test.spacy"
    if gmb.exists() and not a.dev_only:
        pairs = eval_ner_docbin(nlp, gmb)
        res = score_spans(pairs, {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"})
        results["gmb_heldout"] = res
        print("\n" + fmt_table("GMB held-out split (last 10 %) [target F1>=85]", res))
        res2 = score_spans(pairs, {"PERSON", "ORG", "GPE", "LOC"})
        results["gmb_heldout_core4"] = res2["ALL"]
        print(f"  core types PERSON/ORG/GPE/LOC: P {res2['ALL']['P']:.2f} R {res2['ALL']['R']:.2f} "
              f"F1 {res2['ALL']['F1']:.2f}")

    names = Path(a.names)
    if names.exists() and not a.dev_only:
        res, items, docs = eval_names(nlp, names)
        results["names_test"] = res
        print("\n" + fmt_table(f"Unseen-names test ({names}, {len(items)} sentences; "
                               "GPE/LOC->LOC)", res))
        if a.show_errors:
            for (text, spans), doc in zip(items, docs):
                gs = {(text[s:e], TO_UNER[l]) for s, e, l in spans if l in TO_UNER}
                ps = {(e.text, TO_UNER[e.label_]) for e in doc.ents if e.label_ in TO_UNER}
                if gs != ps:
                    print("   ", text, "\n      missed:", sorted(gs - ps), "\n      spurious:",
                          sorted(ps - gs))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
