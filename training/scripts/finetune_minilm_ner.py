"""Experiment (not shipped): fine-tune all-MiniLM-L6-v2 end to end as an NER token classifier.

The shipped MiniLM variant keeps MiniLM frozen and trains CNN components on its features. This
script measures what fine-tuning the whole transformer buys on the same data, because the
UNER EWT target (F1 >= 80) is the one the frozen variant misses (66.4):

    .venv/bin/python training/scripts/finetune_minilm_ner.py --epochs 3 --out training/output/ft_ner

Data: training/corpus/ner (built by `make train-data`): GMB train + GUM CC-BY + UNER dev for
training, tokens marked missing ignored by the loss. Tags are BIO over the six NER labels,
predicted on each word's first wordpiece. MiniLM is uncased, so a learned embedding of each
word's case (lower, Title, UPPER, has a digit) is added to the wordpiece embeddings (zero at
the start, so training begins from the pretrained model) and again beside the output.

The number of epochs is fixed beforehand and no test score chooses anything: GMB dev is
printed after each epoch, the held-out GMB split and UNER EWT test once at the end. Three
epochs take about 45 minutes of one core.
"""
import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
import spacy
from spacy.tokens import DocBin

from evaluate import TO_UNER, read_names_test, score_spans  # make eval-nlp's scorer (sibling script)
from newsgraph.nlp.minilm import minilm_path

LABELS = ["PERSON", "ORG", "GPE", "LOC", "DATE", "NORP"]
TAGS = ["O"] + [f"{p}-{l}" for l in LABELS for p in "BI"]
TAG_ID = {t: i for i, t in enumerate(TAGS)}
MAX_WORDS = 100


def case_of(w):
    """0 lower, 1 Title, 2 UPPER, 3 has a digit (4 is kept for [CLS]/[SEP]/padding)."""
    if any(c.isdigit() for c in w):
        return 3
    if w.isupper() and len(w) > 1:
        return 2
    if w[:1].isupper():
        return 1
    return 0


def chunks(doc):
    """Word windows of <= MAX_WORDS, cut only outside entities."""
    n, i = len(doc), 0
    while i < n:
        j = min(n, i + MAX_WORDS)
        while j < n and j > i + 1 and doc[j].ent_iob_ == "I":
            j -= 1
        yield i, j
        i = j


def encode(tok, doc, with_tags):
    """Wordpiece ids, case ids and (for training) BIO tag ids per window of a gold Doc."""
    out = []
    for a, b in chunks(doc):
        words = [t.text for t in doc[a:b]]
        enc = tok.encode(words, is_pretokenized=True)
        ids, wids = enc.ids, enc.word_ids
        if len(ids) > 510:
            ids, wids = ids[:509] + [ids[-1]], wids[:509] + [None]
        case = [4 if w is None else case_of(words[w]) for w in wids]
        first, seen = [], set()
        for k, w in enumerate(wids):
            if w is not None and w not in seen:
                seen.add(w)
                first.append(k)
        tags = None
        if with_tags:
            tags = [-100] * len(ids)
            firsts = set(first)
            for k, w in enumerate(wids):
                if w is None or k not in firsts:
                    continue
                t = doc[a + w]
                if t.ent_iob_ == "":
                    continue
                if t.ent_iob_ == "O" or t.ent_type_ not in LABELS:
                    tags[k] = 0
                else:
                    tags[k] = TAG_ID[f"{t.ent_iob_}-{t.ent_type_}"]
        out.append({"ids": ids, "case": case, "first": first, "tags": tags, "a": a, "b": b})
    return out


class Tagger(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        from transformers import AutoModel
        self.bert = AutoModel.from_pretrained(str(path), local_files_only=True)
        h = self.bert.config.hidden_size
        self.case_in = torch.nn.Embedding(5, h)
        torch.nn.init.zeros_(self.case_in.weight)
        self.case_out = torch.nn.Embedding(5, 16)
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(h + 16, len(TAGS))

    def forward(self, ids, case, mask):
        emb = self.bert.embeddings.word_embeddings(ids) + self.case_in(case)
        hid = self.bert(inputs_embeds=emb, attention_mask=mask).last_hidden_state
        return self.head(self.drop(torch.cat([hid, self.case_out(case)], -1)))


def batches(items, max_tokens, shuffle, rng):
    """Windows of similar length together, so little of a batch is padding."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]["ids"]))
    groups, cur, longest = [], [], 0
    for i in order:
        L = len(items[i]["ids"])
        if cur and max(longest, L) * (len(cur) + 1) > max_tokens:
            groups.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, L)
    if cur:
        groups.append(cur)
    if shuffle:
        rng.shuffle(groups)
    return groups


def collate(items, idx, with_tags):
    L = max(len(items[i]["ids"]) for i in idx)
    ids = torch.zeros(len(idx), L, dtype=torch.long)
    case = torch.full((len(idx), L), 4, dtype=torch.long)
    mask = torch.zeros(len(idx), L, dtype=torch.long)
    tags = torch.full((len(idx), L), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        it = items[i]
        n = len(it["ids"])
        ids[r, :n] = torch.tensor(it["ids"])
        case[r, :n] = torch.tensor(it["case"])
        mask[r, :n] = 1
        if with_tags:
            tags[r, :n] = torch.tensor(it["tags"])
    return ids, case, mask, tags


def decode(tag_ids):
    """BIO tag ids per word -> (start, end, label) word spans; an I- without its B- opens a span."""
    spans, cur = [], None
    for i, t in enumerate(list(tag_ids) + [0]):
        tag = TAGS[t]
        if tag == "O" or tag.startswith("B-") or (cur and tag[2:] != cur[2]):
            if cur:
                spans.append((cur[0], i, cur[2]))
                cur = None
            if tag != "O":
                cur = (i, None, tag[2:])
        elif cur is None:
            cur = (i, None, tag[2:])
    return spans


@torch.no_grad()
def predict(model, tok, docs, max_tokens=8000):
    model.eval()
    items, owner = [], []
    for d, doc in enumerate(docs):
        for it in encode(tok, doc, False):
            items.append(it)
            owner.append(d)
    word_tags = [np.zeros(len(doc), dtype=np.int64) for doc in docs]
    for idx in batches(items, max_tokens, False, None):
        ids, case, mask, _ = collate(items, idx, False)
        logits = model(ids, case, mask)
        best = logits.argmax(-1).numpy()
        for r, i in enumerate(idx):
            it = items[i]
            word_tags[owner[i]][it["a"]:it["a"] + len(it["first"])] = best[r, it["first"]]
    return [decode(wt) for wt in word_tags]


def score(model, tok, docs, mapping, labels):
    preds = predict(model, tok, docs)
    pairs = []
    for g, p in zip(docs, preds):
        gs = {(e.start, e.end, mapping(e.label_)) for e in g.ents}
        ps = {(s, e, mapping(l)) for s, e, l in p}
        pairs.append((gs, ps))
    return score_spans(pairs, labels)


def score_names(model, tok, path):
    """Our unseen-names test, tokenised by the shipped model's tokenizer, scored on characters."""
    from newsgraph.nlp import load

    make_doc = load().make_doc
    items = read_names_test(path)
    docs = [make_doc(text) for text, _ in items]
    pairs = []
    for (_, spans), doc, pred in zip(items, docs, predict(model, tok, docs)):
        gs = {(s, e, TO_UNER.get(l, l)) for s, e, l in spans}
        ps = {(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), TO_UNER.get(l, l)) for s, e, l in pred}
        pairs.append((gs, ps))
    return score_spans(pairs, {"PER", "ORG", "LOC"})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="training/corpus/ner")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--max-tokens", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--uner-weight", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="training/output/ft_ner")
    ap.add_argument("--names", default="training/eval/names_test.txt")
    ap.add_argument("--load", help="score a saved model.pt instead of training")
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each file (smoke runs)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    from tokenizers import Tokenizer
    path = minilm_path()
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_truncation(); tok.no_padding()
    nlp = spacy.blank("en")
    corpus = Path(a.corpus)

    def load(p):
        return list(DocBin().from_disk(p).get_docs(nlp.vocab))

    train = []
    for p in sorted((corpus / "train").glob("*.spacy")):
        docs = load(p)
        if a.limit:
            docs = docs[:a.limit]
        w = a.uner_weight if "uner" in p.name else 1
        for doc in docs:
            for _ in range(w):
                train.extend(encode(tok, doc, True))
    print(f"train windows {len(train)}, subword tokens {sum(len(x['ids']) for x in train)}", flush=True)
    gmb_dev, gmb_test, uner_test = (load(corpus / f)[:a.limit or None] for f in ("gmb-dev.spacy", "gmb-test.spacy", "uner-test.spacy"))

    model = Tagger(path)
    ident = lambda l: l  # noqa: E731
    if a.load:
        model.load_state_dict(torch.load(a.load))
        a.epochs = 0
        dev = score(model, tok, gmb_dev, ident, set(LABELS))
    bert_params = list(model.bert.parameters())
    other = [p for n, p in model.named_parameters() if not n.startswith("bert.")]
    opt = torch.optim.AdamW([{"params": bert_params, "lr": a.lr},
                             {"params": other, "lr": a.head_lr}], weight_decay=0.01)
    n_batches = len(batches(train, a.max_tokens, False, None))
    total = n_batches * a.epochs
    warm = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(1, warm), max(0.0, (total - s) / max(1, total - warm))))
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)
    step, t0 = 0, time.time()
    for ep in range(a.epochs):
        model.train()
        run = 0.0
        for bi, idx in enumerate(batches(train, a.max_tokens, True, rng)):
            ids, case, mask, tags = collate(train, idx, True)
            logits = model(ids, case, mask)
            loss = lossf(logits.view(-1, len(TAGS)), tags.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step(); opt.zero_grad()
            step += 1
            run = 0.98 * run + 0.02 * loss.item() if bi else loss.item()
            if step % 200 == 0:
                print(f"ep {ep} step {step}/{total} loss {run:.4f} {time.time() - t0:.0f}s", flush=True)
        dev = score(model, tok, gmb_dev, ident, set(LABELS))
        print(f"epoch {ep}: GMB dev F1 {dev['ALL']['F1']} ({time.time() - t0:.0f}s)", flush=True)
    res = {"gmb_dev": dev,
           "gmb_test": score(model, tok, gmb_test, ident, set(LABELS)),
           "uner_test": score(model, tok, uner_test, lambda l: TO_UNER.get(l, "_"), {"PER", "ORG", "LOC"}),
           "names_test": score_names(model, tok, a.names)}
    for k, v in res.items():
        print(k, json.dumps(v), flush=True)
    Path(a.out).mkdir(parents=True, exist_ok=True)
    if not a.load:
        torch.save(model.state_dict(), Path(a.out) / "model.pt")
    (Path(a.out) / "scores.json").write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
