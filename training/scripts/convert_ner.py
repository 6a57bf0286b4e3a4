"""Build NER training / evaluation DocBins.

Sources
  * GMB (Kaggle ner_dataset.csv partial copy): split in contiguous blocks
    (80 % train, 10 % dev, 10 % held-out test) so that sentences of one news
    story rarely straddle splits.
  * UNER English-EWT dev (optional, --uner-dev-train): PER/ORG/LOC gold; used as
    extra training data for web-genre text.  UNER *test* is converted for
    evaluation only.
  * Synthetic augmentation: GMB training sentences with PERSON / ORG / GPE spans
    replaced by generated names (training/scripts/namegen.py).

Label mapping (GMB -> ours)
  per -> PERSON (leading titles such as "Mr.", "President", "Prime Minister"
         are stripped, matching the OntoNotes/UNER convention)
  org -> ORG;  geo -> GPE, or LOC for natural features (Mount X, X River ...)
  gpe -> NORP (GMB's gpe is mostly demonyms: Iraqi, Afghan, Palestinians);
         surface forms that GMB tags as geo more often than gpe -> GPE
  tim -> DATE (leading prepositions stripped);  art/eve/nat -> O
All text is re-tokenised with the news tokenizer so the training tokens match
the run-time tokens; entity spans are re-aligned via character offsets.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgraph.nlp.news_tokenizer import add_news_exceptions  # noqa: E402
import namegen  # noqa: E402

TITLES = {
    "mr.", "mrs.", "ms.", "dr.", "president", "prime", "minister", "vice", "general",
    "gen.", "senator", "sen.", "king", "queen", "foreign", "secretary", "chancellor",
    "pope", "sheikh", "ayatollah", "grand", "colonel", "col.", "lt.", "lieutenant",
    "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "brigadier", "brig.",
    "admiral", "adm.", "commander", "defense", "defence", "interior", "finance",
    "deputy", "governor", "gov.", "mayor", "judge", "justice", "chief", "ambassador",
    "envoy", "premier", "prince", "princess", "rev.", "reverend", "cardinal",
    "archbishop", "bishop", "father", "imam", "mullah", "cleric", "rep.",
    "representative", "congressman", "congresswoman", "spokesman", "spokeswoman",
    "former", "late", "new", "acting", "opposition", "leader", "top", "senior",
    "u.n.", "u.s.", "secretary-general", "professor", "prof.", "sir", "lord", "lady", "dame",
    "saint", "st.", "coach", "captain", "officer", "agent", "detective", "sheriff", "state", "emir", "sultan", "crown",
    "field", "marshal", "supreme", "head", "army", "police", "pakistani", "iraqi",
}
PREPOSITIONS = {"since", "from", "until", "till", "by", "in", "on", "at", "after",
                "before", "during", "of", "for", "through", "to", "within", "over"}
NATURAL = {"river", "sea", "ocean", "mountains", "mountain", "mount", "mt.", "lake",
           "gulf", "valley", "desert", "strait", "straits", "peninsula", "island",
           "islands", "plateau", "basin", "coast", "bay", "canal", "jabal", "wadi",
           "plain", "plains", "range", "hills", "hill", "sahara", "channel", "delta",
           "himalayas", "alps", "continent", "region", "pole", "arctic", "antarctic",
           "atlantic", "pacific", "mediterranean", "horn", "bank", "strip", "heights"}
# "West Bank", "Gaza Strip", "Golan Heights" are treated as LOC (territories
# without their own state), consistent with OntoNotes practice.

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S",
                   "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def detok(words):
    """Join tokens into text; return (text, [(start, end)] per token)."""
    text, offs = "", []
    for i, w in enumerate(words):
        if i > 0 and w not in NO_SPACE_BEFORE and words[i - 1] not in NO_SPACE_AFTER:
            text += " "
        offs.append((len(text), len(text) + len(w)))
        text += w
    return text, offs


def read_gmb(path):
    sents, cur = [], None
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            if len(row) < 4:
                continue
            sid, w, _pos, tag = row[:4]
            if sid.startswith("Sentence"):
                cur = ([], [])
                sents.append(cur)
            cur[0].append(w)
            cur[1].append(tag)
    return sents


def iob_spans(tags):
    spans, start, lab = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != lab):
            if start is not None:
                spans.append((start, i, lab))
                start, lab = None, None
            if t.startswith("B-") or t.startswith("I-"):
                start, lab = i, t[2:]
    return spans


def gmb_surface_stats(sents):
    c = collections.defaultdict(collections.Counter)
    for words, tags in sents:
        for s, e, lab in iob_spans(tags):
            c[" ".join(words[s:e])][lab] += 1
    return c


def map_gmb_span(words, s, e, lab, stats):
    if lab == "per":
        while s < e - 1 and (words[s].lower() in TITLES or words[s].islower()):
            s += 1
        if all(w.lower() in TITLES for w in words[s:e]):
            return None  # GMB sometimes tags a bare title ("Prime", "Mr.") as per
        return s, e, "PERSON"
    while s < e - 1 and words[s].lower() in {"the"}:
        s += 1
    if lab in ("org", "geo"):
        # GMB's automatic annotation is inconsistent between org and geo for
        # the same string (U.N., Israel ...): use the majority label of that
        # surface form in the GMB training split.
        st = stats.get(" ".join(words[s:e]), {})
        if st.get("org", 0) > st.get("geo", 0):
            lab = "org"
        elif st.get("geo", 0) > st.get("org", 0):
            lab = "geo"
    if lab == "org":
        return s, e, "ORG"
    if lab == "geo":
        if any(w.lower() in NATURAL for w in words[s:e]):
            return s, e, "LOC"
        return s, e, "GPE"
    if lab == "gpe":
        surf = " ".join(words[s:e])
        st = stats.get(surf, {})
        if st.get("geo", 0) > st.get("gpe", 0):
            return s, e, "GPE"
        return s, e, "NORP"
    if lab == "tim":
        while s < e - 1 and words[s].lower() in PREPOSITIONS:
            s += 1
        if words[s].lower() in PREPOSITIONS:
            return None
        return s, e, "DATE"
    return None


def make_doc(nlp, words, spans, missing_vocab=None):
    """spans: (start_tok, end_tok, label) over ``words``.

    ``missing_vocab``: for corpora that annotate only PER/ORG/LOC, tokens
    outside their entities that are numbers or belong to this vocabulary
    (words seen inside GMB NORP/DATE spans) are left unannotated instead of O,
    because they may be NORP/DATE for us. Everything else is O.
    """
    text, offs = detok(words)
    doc = nlp.make_doc(text)
    ents = []
    for s, e, lab in spans:
        sp = doc.char_span(offs[s][0], offs[e - 1][1], label=lab, alignment_mode="expand")
        if sp is not None:
            ents.append(sp)
    ents = spacy.util.filter_spans(ents)
    if missing_vocab is not None:
        covered = set()
        for sp in ents:
            covered.update(range(sp.start, sp.end))
        missing = [Span(doc, t.i, t.i + 1) for t in doc if t.i not in covered
                   and (t.like_num or t.text in missing_vocab)]
        doc.set_ents(ents, missing=missing, default="outside")
    else:
        doc.set_ents(ents, default="outside")
    return doc


def case_variant(doc, rng, p_upper=0.03, p_lower=0.03):
    """Occasionally return an UPPER- or lower-cased copy (same annotation)."""
    r = rng.random()
    if r < p_upper:
        f = str.upper
    elif r < p_upper + p_lower:
        f = str.lower
    else:
        return None
    words = [f(t.text) for t in doc]
    new = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    ents = [Span(new, e.start, e.end, e.label_) for e in doc.ents]
    missing = [Span(new, t.i, t.i + 1) for t in doc if t.ent_iob == 0]
    new.set_ents(ents, missing=missing, default="outside")
    return new


def augment(words, spans, rng):
    """Replace PERSON/ORG/GPE spans by generated names; maybe add titles/acronyms."""
    new_words, new_spans, i = [], [], 0
    by_start = {s: (s, e, lab) for s, e, lab in spans}
    changed = False
    while i < len(words):
        if i in by_start:
            s, e, lab = by_start[i]
            seg = words[s:e]
            rep = None
            if lab == "PERSON" and rng.random() < 0.9:
                prev = new_words[-1] if new_words else ""
                if prev.lower() not in TITLES and rng.random() < 0.35:
                    title = rng.choice(namegen.PERSON_TITLES)
                    new_words.extend(title.split())
                rep = namegen.person_name(rng).split()
            elif lab == "ORG" and rng.random() < 0.8:
                g = namegen.group_name(rng)
                rep = g.split()
                if rng.random() < 0.3:
                    acr = namegen.acronym(g)
                    start = len(new_words)
                    new_words.extend(rep)
                    new_spans.append((start, len(new_words), "ORG"))
                    new_words.extend(["(", acr, ")"])
                    new_spans.append((len(new_words) - 2, len(new_words) - 1, "ORG"))
                    i = e
                    changed = True
                    continue
            elif lab in ("GPE", "LOC") and rng.random() < 0.5:
                name, lab = namegen.place_name(rng)
                rep = name.split()
            if rep is None:
                rep = seg
            else:
                changed = True
            start = len(new_words)
            new_words.extend(rep)
            new_spans.append((start, len(new_words), lab))
            i = e
        else:
            new_words.append(words[i])
            i += 1
    return (new_words, new_spans) if changed else None


def read_iob2(path):
    sents, words, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        sents.append((words, tags))
    return sents


def uner_spans(words, tags):
    out = []
    for s, e, lab in iob_spans(tags):
        if lab == "PER":
            out.append((s, e, "PERSON"))
        elif lab == "ORG":
            out.append((s, e, "ORG"))
        elif lab == "LOC":
            nat = any(w.lower() in NATURAL for w in words[s:e])
            out.append((s, e, "LOC" if nat else "GPE"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="training/corpus/ner")
    ap.add_argument("--aug-ratio", type=float, default=2.0,
                    help="augmented copies per GMB training sentence with names")
    ap.add_argument("--uner-dev-train", action="store_true")
    ap.add_argument("--uner-dev-holdout", type=int, default=0,
                    help="keep the last N UNER dev sentences out of training, in dev/ (tuning)")
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    data, out = Path(a.data), Path(a.out)
    (out / "train").mkdir(parents=True, exist_ok=True)
    nlp = add_news_exceptions(spacy.blank("en"))

    gmb = read_gmb(data / "gmb-ner-dataset-partial" / "ner_dataset.partial.csv")
    n = len(gmb)
    stats = gmb_surface_stats(gmb[: int(n * 0.8)])  # label statistics from train only
    blocks = {"train": gmb[: int(n * 0.8)], "dev": gmb[int(n * 0.8): int(n * 0.9)],
              "test": gmb[int(n * 0.9):]}
    label_counts = collections.Counter()
    norp_date_vocab = set()
    for split, sents in blocks.items():
        db = DocBin(store_user_data=False)
        n_aug = 0
        for words, tags in sents:
            spans = [m for m in (map_gmb_span(words, s, e, lab, stats)
                                 for s, e, lab in iob_spans(tags)) if m]
            doc = make_doc(nlp, words, spans)
            db.add(doc)
            if split == "train":
                v = case_variant(doc, rng)
                if v is not None:
                    db.add(v)
            if split == "train":
                for ent in doc.ents:
                    if ent.label_ in ("NORP", "DATE"):
                        norp_date_vocab.update(
                            t.text for t in ent
                            if (t.is_alpha or t.like_num) and not t.is_stop
                            and (ent.label_ == "DATE" or t.text[:1].isupper()))
            for ent in doc.ents:
                label_counts[(split, ent.label_)] += 1
            if split == "train" and any(l in ("PERSON", "ORG", "GPE") for *_, l in spans):
                k = int(a.aug_ratio) + (1 if rng.random() < a.aug_ratio % 1 else 0)
                for _ in range(k):
                    res = augment(words, spans, rng)
                    if res:
                        db.add(make_doc(nlp, *res))
                        n_aug += 1
        db.to_disk((out / "train" / "gmb-train.spacy") if split == "train"
                   else (out / f"gmb-{split}.spacy"))
        print(f"gmb-{split}: {len(sents)} sentences (+{n_aug} augmented)")
    print("label counts:", sorted(label_counts.items()))
    (out / "norp_date_vocab.json").write_text(json.dumps(sorted(norp_date_vocab)))

    uner = data / "uner-english-ewt"
    for split in ("dev", "test"):
        sents = read_iob2(uner / f"en_ewt-ud-{split}.iob2")
        db = DocBin(store_user_data=False)
        if split == "dev" and a.uner_dev_holdout:
            hold = DocBin(store_user_data=False)
            for words, tags in sents[-a.uner_dev_holdout:]:
                hold.add(make_doc(nlp, words, uner_spans(words, tags)))
            (out / "dev").mkdir(exist_ok=True)
            hold.to_disk(out / "dev" / "uner-dev-holdout.spacy")
            (out / "dev" / "gmb-dev.spacy").write_bytes((out / "gmb-dev.spacy").read_bytes())
            sents = sents[:-a.uner_dev_holdout]
        for words, tags in sents:
            doc = make_doc(nlp, words, uner_spans(words, tags),
                           missing_vocab=norp_date_vocab if split == "dev" and a.uner_dev_train else None)
            db.add(doc)
            if split == "dev" and a.uner_dev_train:
                v = case_variant(doc, rng)
                if v is not None:
                    db.add(v)
        if split == "dev" and a.uner_dev_train:
            db.to_disk(out / "train" / "uner-dev.spacy")
        db.to_disk(out / f"uner-{split}.spacy")
        print(f"uner-{split}: {len(sents)} sentences")


if __name__ == "__main__":
    main()
