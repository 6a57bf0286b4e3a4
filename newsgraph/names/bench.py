"""Micro benchmark: block + score 200,000 synthetic name mentions.

Run: ``.venv/bin/python -m newsgraph.names.bench [--mentions N] [--seed S]``

Names are generated from syllable lists written for this benchmark (no real names).  Each entity
(person, organisation, place) is mentioned many times with romanisation noise that the name rules
are meant to absorb (particles, vowel variation, doubled letters, q/k, ou/u, -a/-ah, one
transposition, titles, British/American spelling, acronyms).  The report gives the time to block
and to score, the number of candidate pairs, and sampled pair precision/recall against the
generating entities.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import defaultdict

from .acronyms import is_acronym
from .blocking import match_names
from .normalize import _compare, _match_norm, parse_name

ONSETS = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z", "gh", "dh"]
VOWELS = ["a", "a", "i", "u", "e", "ai", "ou"]
CODAS = ["", "", "", "r", "n", "m", "l", "s", "d", "b"]
TITLES = ["Gen.", "Col.", "Sheikh", "Minister", "Brig. Gen.", "spokesman", "President", "Sayyed", "Dr."]
ORG_HEADS = ["Forces", "Units", "Brigades", "Front", "Movement", "Organisation", "Council", "Army",
             "Battalions", "Companies", "Party", "Defence Committee", "Alliance", "Centre"]


def syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)


def word(rng: random.Random, lo: int = 2, hi: int = 3, suffix: str = "") -> str:
    return ("".join(syllable(rng) for _ in range(rng.randint(lo, hi))) + suffix).capitalize()


def vary_token(tok: str, rng: random.Random) -> str:
    """One romanisation variation of the kinds the rules cover."""
    low = tok.lower()
    r = rng.random()
    if r < 0.25 and "e" in low:
        i = low.index("e")
        low = low[:i] + "a" + low[i + 1 :] if low[i - 1 : i] != "a" else low  # Haider / Haidar
    elif r < 0.4 and "ou" in low:
        low = low.replace("ou", "u", 1)
    elif r < 0.55:
        cons = [i for i in range(1, len(low) - 1) if low[i] in "bdfklmnrstz" and low[i - 1] in "aeiou" and low[i + 1] in "aeiou"]
        if cons:
            i = rng.choice(cons)
            low = low[: i + 1] + low[i:]  # doubled consonant
    elif r < 0.65 and "q" in low:
        low = low.replace("q", "k", 1)
    elif r < 0.75 and low.endswith("a"):
        low += "h"
    elif r < 0.8:
        # one transposition of two consonants around a vowel (Khazali / Khalazi)
        idx = [i for i in range(1, len(low) - 2) if low[i] not in "aeiouh" and low[i + 1] in "aeiou"
               and low[i + 2] not in "aeiouh" and low[i + 2] != low[i] and (i + 3 >= len(low) or low[i + 3] in "aeiou")
               and low[i - 1] in "aeiou"]
        if idx:
            i = rng.choice(idx)
            low = low[:i] + low[i + 2] + low[i + 1] + low[i] + low[i + 3 :]
    elif r < 0.85 and re.search(r"ai(?![aeiou])", low):
        low = re.sub(r"ai(?![aeiou])", "ei", low, count=1)
    return low.capitalize()


def make_entities(rng: random.Random, n_person: int, n_org: int, n_place: int) -> list[tuple[str, list[str]]]:
    given = [word(rng, 2, 2) for _ in range(400)]
    surnames = [word(rng, 2, 3, rng.choice(["", "", "i", "awi"])) for _ in range(n_person // 2)]
    ents: list[tuple[str, list[str]]] = []
    for _ in range(n_person):
        parts = [rng.choice(given)]
        if rng.random() < 0.15:
            parts.insert(0, "Abu " + rng.choice(given))
        if rng.random() < 0.2:
            parts.append(rng.choice(given))
        parts.append(rng.choice(surnames))
        ents.append(("PERSON", parts))
    vocab = [word(rng, 2, 3) for _ in range(600)]
    for _ in range(n_org):
        parts = [rng.choice(vocab) for _ in range(rng.randint(1, 3))] + [rng.choice(ORG_HEADS)]
        ents.append(("ORG", parts))
    for _ in range(n_place):
        parts = [word(rng, 2, 3, rng.choice(["", "a", "iya"]))]
        if rng.random() < 0.15:
            parts.insert(0, rng.choice(vocab))
        ents.append(("GPE", parts))
    return ents


def render(ent: tuple[str, list[str]], rng: random.Random) -> str:
    typ, parts = ent
    if typ == "ORG":
        if rng.random() < 0.15:
            return "".join(p[0] for w in parts for p in w.split()).upper()  # acronym
        words = [vary_token(p, rng) if rng.random() < 0.1 and p not in ORG_HEADS else p for p in parts]
        s = " ".join(words)
        if rng.random() < 0.3:
            s = s.replace("Organisation", "Organization").replace("Defence", "Defense").replace("Centre", "Center")
        return ("the " if rng.random() < 0.3 else "") + s
    if typ == "GPE":
        return " ".join(vary_token(p, rng) if rng.random() < 0.2 else p for p in parts)
    out: list[str] = []
    for k, p in enumerate(parts):
        if rng.random() < 0.2:
            p = vary_token(p, rng) if " " not in p else p
        if k == len(parts) - 1 and k > 0:
            p = rng.choice(["al-", "al-", "Al ", "", "el-"]) + p
        out.append(p)
    if len(out) > 2 and rng.random() < 0.3:
        out.pop(1 if not out[0].startswith("Abu") else 0)  # middle name / kunya omitted
    s = " ".join(out)
    if rng.random() < 0.05:
        s = out[-1]  # lone surname
    if rng.random() < 0.2:
        s = rng.choice(TITLES) + " " + s
    return s


def run(n_mentions: int, seed: int, mode: str = "strict") -> None:
    rng = random.Random(seed)
    ents = make_entities(rng, n_person=30000, n_org=4000, n_place=6000)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ents))]
    order = list(range(len(ents)))
    rng.shuffle(order)
    t0 = time.perf_counter()
    chosen = rng.choices(order, weights=weights, k=n_mentions)
    items = []
    truth: dict[int, int] = {}
    for mid, e in enumerate(chosen):
        items.append((mid, render(ents[e], rng), ents[e][0]))
        truth[mid] = e
    t1 = time.perf_counter()
    print(f"generated {n_mentions:,} mentions of {len(set(chosen)):,} entities in {t1 - t0:.1f}s")

    t2 = time.perf_counter()
    nb, accepted = match_names(items, mode=mode)
    t3 = time.perf_counter()
    print(f"distinct names: {len(nb.names):,}; blocks: {nb.n_blocks:,} ({nb.n_large_blocks} windowed)")
    print(f"candidate pairs of distinct names: {len(nb.pairs):,}; accepted: {len(accepted):,}")
    print(f"block + score: {t3 - t2:.1f}s  (parse cache {parse_name.cache_info().currsize:,}, "
          f"token-pair cache {_match_norm.cache_info().currsize:,}, name-pair cache {_compare.cache_info().currsize:,})")

    # evaluation: clusters of distinct names (union-find over accepted pairs)
    parent = list(range(len(nb.names)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in accepted:
        parent[find(a)] = find(b)
    ents_of = [frozenset(truth[m] for m in mem) for mem in nb.members]
    # recall is measured over names that may be linked by name alone: not lone person tokens, and
    # not acronyms (those are linked through in-text definitions)
    multi = [k for k, n in enumerate(nb.names)
             if not (nb.types[k] == "PER" and len(parse_name(n).tokens) < 2) and not is_acronym(n)]
    sample = rng.sample(accepted, min(20000, len(accepted)))
    prec = sum(1 for a, b, _ in sample if ents_of[a] & ents_of[b]) / max(1, len(sample))
    by_ent: dict[int, list[int]] = defaultdict(list)
    for k in multi:
        for e in ents_of[k]:
            by_ent[e].append(k)
    pos = [(a, b) for ks in by_ent.values() for a, b in zip(ks, ks[1:])]
    pos = rng.sample(pos, min(20000, len(pos)))
    rec = sum(1 for a, b in pos if find(a) == find(b)) / max(1, len(pos))
    ambiguous = sum(1 for k in multi if len(ents_of[k]) > 1)
    print(f"sampled pair precision {prec:.3f}, recall {rec:.3f} over distinct multi-token names "
          f"({ambiguous:,} names generated by more than one entity)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mode", choices=["strict", "loose"], default="strict", help="blocking keys (see blocking.py)")
    args = ap.parse_args()
    run(args.mentions, args.seed, args.mode)


if __name__ == "__main__":
    main()
