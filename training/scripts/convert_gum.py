"""GUM -> (a) CC-BY-only CoNLL-U for parser training, (b) NER DocBin.

Licence filter: GUM as a whole is CC BY-NC-SA 4.0, but its LICENSE.txt says
the material is licensed "in keeping with the underlying texts": Wikinews
(news, interview), Wikipedia bios, Wikivoyage, OpenStax textbooks, CC vlogs,
public-domain speeches and SBC conversations are CC BY (or PD); wikiHow
(GUM_whow_*) and fiction (GUM_fiction_*) are CC BY-NC-SA.  We therefore keep
only documents whose genre is NOT in EXCLUDED_GENRES.  GUM *test* documents are
never used.

NER: a mention from the MISC ``Entity=`` layer counts as a named entity when
it carries a Wikipedia ``identity`` and (after a leading determiner) consists of
capitalised words / proper nouns with at least one PROPN.  person -> PERSON,
organization -> ORG, place -> GPE (LOC for natural features).  GUM does not
annotate DATE/NORP as names, so numbers and words seen in GMB NORP/DATE
spans are left unannotated (missing) outside such mentions; the rest is O.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgraph.nlp.news_tokenizer import add_news_exceptions  # noqa: E402
from convert_ner import NATURAL, TITLES, case_variant, make_doc  # noqa: E402

EXCLUDED_GENRES = {"whow", "fiction", "reddit"}
ALLOWED_LOWER = {"of", "the", "and", "for", "de", "al", "la", "du", "von", "van", "on", "in",
                 "-", "&", "'s", "to", "at"}
TYPE_MAP = {"person": "PERSON", "organization": "ORG", "place": "GPE"}


def read_docs(path):
    """Yield (doc_id, [sentence lines...]) with each sentence a list of raw lines."""
    doc_id, sents, cur = None, [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id"):
            if doc_id is not None:
                yield doc_id, sents
            doc_id, sents = line.split("=", 1)[1].strip(), []
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append(line)
    if cur:
        sents.append(cur)
    if doc_id is not None:
        yield doc_id, sents


def genre(doc_id):
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 1 else ""


ENT_RE = re.compile(r"\(([^()]*)(\))?|(\d+)\)")


def sentence_entities(tokens):
    """tokens: list of dicts with form, upos, misc. Return [(s, e, etype, identity)]."""
    open_stack = {}
    out = []
    for i, t in enumerate(tokens):
        m = re.search(r"(?:^|\|)Entity=([^|]*)", t["misc"])
        if not m:
            continue
        for mm in ENT_RE.finditer(m.group(1)):
            if mm.group(1) is not None:
                fields = mm.group(1).split("-")
                eid = fields[0]
                etype = fields[1] if len(fields) > 1 else ""
                ident = "-".join(fields[7:]) if len(fields) > 7 else ""
                if mm.group(2):
                    out.append((i, i + 1, etype, ident))
                else:
                    open_stack.setdefault(eid, []).append((i, etype, ident))
            else:
                eid = mm.group(3)
                if open_stack.get(eid):
                    s, etype, ident = open_stack[eid].pop()
                    out.append((s, i + 1, etype, ident))
    return out


def is_named(tokens, s, e, ident):
    """Return the trimmed (start, end) of a named mention, or None."""
    while s < e and tokens[s]["upos"] == "DET":
        s += 1
    while e > s and (tokens[e - 1]["upos"] in ("PUNCT", "PART")
                     or tokens[e - 1]["form"] in ("'s", "'", "’s")):
        e -= 1
    if s >= e or not tokens[s]["form"][:1].isupper():
        return None
    n_propn = 0
    for t in tokens[s:e]:
        f = t["form"]
        if t["upos"] == "PROPN":
            n_propn += 1
        elif t["upos"] == "PUNCT" or f.lower() in ALLOWED_LOWER:
            continue
        elif not f[:1].isupper() and not f[:1].isdigit():
            return None
    if not n_propn:
        return None
    if not ident:
        # Without a Wikipedia link accept only all-PROPN mentions, and not
        # single plural tokens ("Americans", "Democrats" -> NORP-like).
        if n_propn != sum(1 for t in tokens[s:e] if t["upos"] != "PUNCT"):
            return None
        if e - s == 1 and tokens[s]["form"].endswith("s"):
            return None
    return s, e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="training/corpus")
    a = ap.parse_args()
    gum = Path(a.data) / "ud-english-gum"
    out = Path(a.out)
    (out / "gum").mkdir(parents=True, exist_ok=True)
    (out / "ner" / "train").mkdir(parents=True, exist_ok=True)
    nlp = add_news_exceptions(spacy.blank("en"))
    # Written by convert_ner.py: words seen in GMB NORP/DATE spans.
    rng = random.Random(17)
    vocab = set(json.loads((out / "ner" / "norp_date_vocab.json").read_text()))
    db = DocBin(store_user_data=False)
    n_docs = n_sents = n_ents = 0
    for split in ("train", "dev"):
        kept_lines = []
        for doc_id, sents in read_docs(gum / f"en_gum-ud-{split}.conllu"):
            if genre(doc_id) in EXCLUDED_GENRES:
                continue
            n_docs += 1
            first = True
            for sent in sents:
                if first:
                    kept_lines.append(f"# newdoc id = {doc_id}")
                    first = False
                kept_lines.extend(l for l in sent if not l.startswith("# newdoc"))
                kept_lines.append("")
                toks = []
                for l in sent:
                    if l.startswith("#"):
                        continue
                    c = l.split("\t")
                    if "-" in c[0] or "." in c[0]:
                        continue
                    toks.append({"form": c[1], "upos": c[3], "misc": c[9]})
                spans = []
                for s, e, etype, ident in sentence_entities(toks):
                    lab = TYPE_MAP.get(etype)
                    if not lab:
                        continue
                    se = is_named(toks, s, e, ident)
                    if se is None:
                        continue
                    s2, e2 = se
                    while lab == "PERSON" and e2 - s2 > 1 and toks[s2]["form"].lower() in TITLES:
                        s2 += 1
                    if lab == "GPE" and any(t["form"].lower() in NATURAL for t in toks[s2:e2]):
                        lab = "LOC"
                    spans.append((s2, e2, lab))
                # keep outermost named mentions
                spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
                kept, last_end = [], -1
                for sp in spans:
                    if sp[0] >= last_end:
                        kept.append(sp)
                        last_end = sp[1]
                doc = make_doc(nlp, [t["form"] for t in toks], kept, missing_vocab=vocab)
                db.add(doc)
                v = case_variant(doc, rng)
                if v is not None:
                    db.add(v)
                n_sents += 1
                n_ents += len(kept)
        (out / "gum" / f"gum-ccby-{split}.conllu").write_text("\n".join(kept_lines) + "\n",
                                                               encoding="utf-8")
    db.to_disk(out / "ner" / "train" / "gum-ccby.spacy")
    print(f"GUM CC-BY subset: {n_docs} docs, {n_sents} sentences, {n_ents} named entities")


if __name__ == "__main__":
    main()
