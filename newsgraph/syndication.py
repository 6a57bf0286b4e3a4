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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 4
RATE = 4  # keep about one shingle in RATE
MIN_SHARED = 3  # sampled shingles two copies must share at least
MIN_CONTAINMENT = 0.4  # of the shorter text's sample found in the longer one
MAX_POSTING = 64  # a shingle in more documents than this is site boilerplate or a stock phrase

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
    samples = [d[2] for d in docs]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (a, b), shared in candidate_pairs(samples).items():
        if shared >= MIN_SHARED and containment(shared, len(samples[a]), len(samples[b])) >= MIN_CONTAINMENT:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    stories: dict[str, tuple[str, list[str]]] = {}
    for members in groups.values():
        member_ids = sorted(ids[i] for i in members)
        canonical = sorted(members, key=lambda i: (-docs[i][3], ids[i]))[0]
        stories["s" + member_ids[0][:15]] = (ids[canonical], member_ids)
    return stories
