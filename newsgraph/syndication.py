"""Syndication: group the copies of one story (wire republications, truncated copies) under a story id.

Why our own and not MinHash LSH: republished wire copies are often *truncated*, and MinHash estimates
Jaccard similarity, which falls with truncation (a copy holding half the story has Jaccard ~0.5 at
best, lower with edits), so LSH either misses truncated copies or, with a low threshold, floods the
verifier. What we need is *containment*. We sample shingles by their own hash (keep a shingle when its
hash falls in a fixed 1/RATE slice): the sample of a subset is then exactly a subset of the sample of
the whole, so containment estimated on samples is unbiased, deterministic and incremental (each
document's sample is computed once, stored, and never depends on the rest of the corpus). Candidate
pairs come from a sort over (hash, document) pairs, so the cross-document cost is O(S log S) in the
number of sampled shingles S, i.e. near n log n in documents.

Spelling is normalised before shingling (organisation/organization, kilometres/kilometers,
defence/defense) so that a copy edited for British style still matches its source.

Common shingles are not evidence of one story. A site's footer, a standard disclaimer or a stock
background paragraph ("more than N people have been killed since ...") recurs in many unrelated
documents; two documents sharing only such text are not copies of each other. In ``group_stories``
(the cross-document stage) the document frequency of every sampled shingle is counted over the
corpus, and a shingle held by more than ``common_limit(n)`` documents (k grows with log n: a site's
boilerplate recurs in a share of the corpus, a story's copies do not grow with it) is dropped before
candidate pairs are formed and containment is measured, like a stop word in IDF weighting. The samples
stored per document stay pure (the filter needs only the stored samples, one ``np.unique`` over them:
O(S log S)). Exception: a document whose sample is mostly common shingles is itself a text
republished more than k times (a wire story carried by many sites), so it keeps them.

Groups are checked for coherence: a chain of pairwise matches (A like B, B like C) may still join
documents that share nothing. Each member must match the group's centre (its best-connected member)
on its own; the others are split off and grouped again among themselves.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 4
RATE = 4  # keep about one shingle in RATE
MIN_SHARED = 3  # sampled shingles two copies must share at least
MIN_CONTAINMENT = 0.4  # of the shorter text's sample found in the longer one
MAX_POSTING = 64  # cost cap on one posting list (pairs grow with its square)
COMMON_DF_MIN = 5  # a sampled shingle in more than common_limit(n) documents is ignored when comparing ...
COMMON_DF_LOG = 1.0  # ... common_limit(n) = max(COMMON_DF_MIN, ceil(COMMON_DF_LOG * log2 n))
MOSTLY_COMMON = 0.8  # a document with this share of common sampled shingles keeps them (see the docstring)
MIN_COHERENCE = 0.3  # containment every member of a group must reach against the group's centre

_WORD = re.compile(r"[a-z0-9]+")
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)

# Ordered: the first matching ending wins. Applied to every text alike, so over-normalising a word
# is harmless; what matters is that British and American spellings land on one key.
_SPELLING = (
    ("isation", "ization"), ("isations", "izations"), ("ised", "ized"), ("ising", "izing"), ("ise", "ize"),
    ("ises", "izes"), ("yse", "yze"), ("ysed", "yzed"), ("tres", "ters"), ("tre", "ter"), ("ours", "ors"),
    ("our", "or"), ("ence", "ense"), ("lled", "led"), ("lling", "ling"), ("ogue", "og"),
)


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    for old, new in _SPELLING:
        if len(word) > len(old) + 2 and word.endswith(old):
            word = word[: -len(old)] + new
            break
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the combined word hashes so the sampling slice is uniform."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(30))
        h = h * np.uint64(0xBF58476D1CE4E5B9)
        h = h ^ (h >> np.uint64(27))
        h = h * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def fingerprint(text: str) -> tuple[int, np.ndarray]:
    """(number of shingles, sorted unique sampled shingle hashes) of a cleaned text. Pure."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0, np.empty(0, dtype=np.uint64)
    hashes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < SHINGLE_WORDS:
        combined = hashes[:1].copy()
        for i in range(1, len(words)):
            combined = _mix(combined ^ hashes[i : i + 1])
    else:
        n = len(words) - SHINGLE_WORDS + 1
        combined = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(SHINGLE_WORDS):
                combined = _mix(combined ^ hashes[i : i + n])
    sample = np.unique(combined[(combined % np.uint64(RATE)) == 0])
    return len(combined), sample


def to_blob(sample: np.ndarray) -> bytes:
    return sample.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")


def candidate_pairs(samples: list[np.ndarray]) -> dict[tuple[int, int], int]:
    """Document index pairs sharing sampled shingles, with how many they share."""
    if not samples:
        return {}
    sizes = np.fromiter((len(s) for s in samples), dtype=np.int64, count=len(samples))
    if sizes.sum() == 0:
        return {}
    hashes = np.concatenate(samples)
    docs = np.repeat(np.arange(len(samples), dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")
    hashes, docs = hashes[order], docs[order]
    starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
    counts = np.diff(np.concatenate((starts, [len(hashes)])))
    shared: dict[tuple[int, int], int] = {}
    for start, count in zip(starts[counts > 1], counts[counts > 1]):
        if count > MAX_POSTING:
            continue
        members = docs[start : start + count]
        for a in range(count):
            for b in range(a + 1, count):
                key = (int(members[a]), int(members[b]))
                shared[key] = shared.get(key, 0) + 1
    return shared


def common_limit(n_docs: int) -> int:
    """Document frequency above which a shingle is boilerplate, not evidence of one story."""
    return max(COMMON_DF_MIN, math.ceil(COMMON_DF_LOG * math.log2(max(n_docs, 2))))


def drop_common(samples: list[np.ndarray], limit: int | None = None) -> tuple[list[np.ndarray], int]:
    """The samples without the shingles found in more than ``limit`` documents (default
    ``common_limit(len(samples))``), and how many distinct shingles were dropped. Each sample is
    sorted and unique, so a hash's count over the concatenation is its document frequency."""
    if not samples:
        return [], 0
    limit = common_limit(len(samples)) if limit is None else limit
    nonempty = [s for s in samples if len(s)]
    if not nonempty:
        return list(samples), 0
    hashes, counts = np.unique(np.concatenate(nonempty), return_counts=True)
    common = hashes[counts > limit]
    if not len(common):
        return list(samples), 0
    sizes = np.fromiter((len(x) for x in samples), dtype=np.int64, count=len(samples))
    flat = np.concatenate(nonempty)
    at = np.minimum(np.searchsorted(common, flat), len(common) - 1)
    is_common = common[at] == flat
    running = np.concatenate(([0], np.cumsum(is_common, dtype=np.int64)))
    ends = np.cumsum(sizes)
    per_doc = running[ends] - running[ends - sizes]  # common shingles of each document
    out: list[np.ndarray] = []
    offset = 0
    for x, n, n_common in zip(samples, sizes.tolist(), per_doc.tolist()):
        if n and 0 < n_common < MOSTLY_COMMON * n:
            out.append(x[~is_common[offset : offset + n]])
        else:
            out.append(x)
        offset += n
    return out, len(common)


def containment(shared: int, size_a: int, size_b: int) -> float:
    smaller = min(size_a, size_b)
    return shared / smaller if smaller else 0.0


def group_stories(
    docs: Iterable[tuple[str, int, np.ndarray, int]],
) -> dict[str, tuple[str, list[str]]]:
    """Group documents into stories.

    docs: (doc_id, shingle count, sample, words) for every document of the corpus.
    Returns story id -> (canonical doc, sorted members). The story id is stable across runs as long as
    the membership does not change (it derives from the smallest member id); the canonical member is
    the most complete copy (most words).
    """
    docs = list(docs)
    ids = [d[0] for d in docs]
    samples, _ = drop_common([np.asarray(d[2], dtype=np.uint64) for d in docs])
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges: dict[int, set[int]] = {}
    for (a, b), shared in candidate_pairs(samples).items():
        if shared >= MIN_SHARED and containment(shared, len(samples[a]), len(samples[b])) >= MIN_CONTAINMENT:
            edges.setdefault(a, set()).add(b)
            edges.setdefault(b, set()).add(a)
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    words = [d[3] for d in docs]
    coherent: list[list[int]] = []
    for members in groups.values():
        coherent.extend(_coherent(members, samples, edges, words, ids))
    stories: dict[str, tuple[str, list[str]]] = {}
    for members in coherent:
        member_ids = sorted(ids[i] for i in members)
        canonical = sorted(members, key=lambda i: (-docs[i][3], ids[i]))[0]
        stories["s" + member_ids[0][:15]] = (ids[canonical], member_ids)
    return stories


def _matches(a: np.ndarray, b: np.ndarray, threshold: float) -> bool:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared >= MIN_SHARED and containment(shared, len(a), len(b)) >= threshold


def _coherent(
    members: list[int], samples: list[np.ndarray], edges: dict[int, set[int]], words: list[int], ids: list[str]
) -> list[list[int]]:
    """Split a connected group until every member matches its group's centre (the member with most
    matches inside the group, then the longest): a chain of near-matches does not make one story."""
    out: list[list[int]] = []
    pending = [members]
    while pending:
        group = pending.pop()
        if len(group) <= 2:  # a pair is one verified match
            out.append(group)
            continue
        inside = set(group)
        centre = max(group, key=lambda i: (len(edges.get(i, set()) & inside), words[i], ids[i]))
        keep = [centre] + [i for i in group if i != centre and _matches(samples[i], samples[centre], MIN_COHERENCE)]
        out.append(keep)
        rest = inside - set(keep)
        # what is left is grouped again by its own matches
        while rest:
            seed = min(rest)
            comp, stack = {seed}, [seed]
            while stack:
                for j in edges.get(stack.pop(), set()) & rest:
                    if j not in comp:
                        comp.add(j)
                        stack.append(j)
            rest -= comp
            pending.append(sorted(comp))
    return out
