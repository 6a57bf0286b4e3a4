"""Blocking for cross-document name resolution, and the name-only merge guard.

Cost model: mentions are first collapsed to distinct (type family, token tuple) names, so that the
thousands of identical "Baghdad" mentions cost one name.  Each distinct name gets a few block keys:

* ``FL:<first>|<last>`` (mode "strict", the default): the sorted skeletons of the first and the
  last token (first letter + sorted consonants, so one transposition, vowel variation, doubled
  letters, q/k, particles ... give the same key).  A name-only match needs the first and last
  tokens to correspond (all tokens, or only a middle name omitted), so this loses no match that
  ``name_similarity`` would accept;
* ``T:<sorted skeleton>`` of every token instead (mode "loose"), for callers that also want partial
  candidates ("Hezbollah" / "Kataib Hezbollah") to weigh with context;
* the same keys for a token without an attached article ("Alamiri" -> "amiri");
* ``J:<key>`` of the whole name written as one word (spacing variants);
* ``ACR:<letters>`` for acronyms and the initials of multi-word names (PMF / Popular Mobilization
  Forces).

Small blocks give all pairs.  A block larger than ``max_block`` (a very common given name, say)
is not compared exhaustively: its names are sorted by their skeleton key and each is paired with
its ``window`` successors (sorted neighbourhood), once in token order and once in reversed token
order.  The number of pairs is therefore O(n * (max_block + window)) and the run time
O(n log n).

``may_link_by_name`` is the guard applied on top of ``name_similarity``: a PERSON name of a single
token (a lone given name or surname, a lone kunya) is never linked across documents by name alone
- "Ali" the fighter is not "Ali Khamenei" and not another document's "Ali" - and full names must
match token for token, so "Ali Khamenei" and "Ali al-Sistani" stay apart.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Iterator, Sequence

import numpy as np

from .acronyms import acronym_keys, is_acronym
from .normalize import MATCH_THRESHOLD, explain_match, head_last, name_similarity, parse_name, token_key, token_sort_key

__all__ = [
    "TYPE_FAMILY",
    "NameBlocks",
    "block_names",
    "candidate_pairs",
    "may_link_by_name",
    "link_by_name",
    "match_names",
    "initial_prefixes",
]

# NER labels that are often confused with each other are blocked together.
TYPE_FAMILY = {
    "PERSON": "PER", "PER": "PER",
    "ORG": "ORG", "NORP": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "GPE": "LOC", "LOC": "LOC", "LOCATION": "LOC", "FAC": "LOC", "PLACE": "LOC",
}


def _family(t: str | None) -> str:
    if not t:
        return "ANY"
    return TYPE_FAMILY.get(t.upper(), t.upper())


@dataclass
class NameBlocks:
    """Distinct names, the mentions carrying each, and the candidate pairs of distinct names."""

    names: list[str] = field(default_factory=list)  # one representative spelling per distinct name
    types: list[str] = field(default_factory=list)  # type family
    members: Sequence[list[Hashable]] = field(default_factory=list)  # mention ids per distinct name (``_Members``)
    pairs: Sequence[tuple[int, int]] = ()  # indices into names, (a, b) with a < b, in order (``_Pairs``)
    n_blocks: int = 0
    n_large_blocks: int = 0


def initial_prefixes(toks) -> list[str]:
    """The initials of a name's first two to five capitalised words, in lower case ("un" of "United
    Nations Security Council"), each leaving a word after it: the forms ``normalize`` reads as one
    name with the words written out."""
    out = []
    for n in range(2, min(5, len(toks) - 1) + 1):
        run = toks[:n]
        if not all(t.surface[:1].isupper() for t in run):
            break
        out.append("".join(t.surface[:1] for t in run).lower())
    return out


def _keys(name: str, fam: str, mode: str) -> tuple[set[str], str]:
    toks = parse_name(name, fam in ("PER", "ANY")).tokens
    keys: set[str] = set()
    tkeys = [token_sort_key(t.norm) for t in toks]
    if mode == "loose":
        keys.update(f"{fam}|T:{k}" for k in tkeys if k)
    else:
        # strict: a name-only match needs the first and the last tokens to correspond
        keys.add(f"{fam}|FL:{tkeys[0]}|{tkeys[-1]}")
        # a leading kunya may be left out ("Abu X Given Surname" / "Given Surname")
        lead = 0
        while lead < len(toks) - 2 and toks[lead].kind == "kunya":
            lead += 1
        if lead:
            keys.add(f"{fam}|FL:{tkeys[lead]}|{tkeys[-1]}")
    for t in (toks[0], toks[-1]) if mode != "loose" else toks:
        if t.norm.startswith(("al", "el")) and len(t.norm) >= 6 and " " not in t.norm:
            alt = token_sort_key(t.norm[2:])
            if mode == "loose":
                keys.add(f"{fam}|T:{alt}")
            elif t is toks[-1]:
                keys.add(f"{fam}|FL:{tkeys[0] if len(toks) > 1 else alt}|{alt}")
            else:
                keys.add(f"{fam}|FL:{alt}|{tkeys[-1]}")
    if mode != "loose" and any("ie" in t.norm for t in (toks[0], toks[-1])):
        # "Frieh" / "Freih": the two letters written the other way round change the skeleton
        swapped = [token_sort_key(t.norm.replace("ie", "ei")) for t in (toks[0], toks[-1])]
        keys.add(f"{fam}|FL:{swapped[0]}|{swapped[1]}")
    if len(toks) >= 2:
        keys.add(f"{fam}|J:{token_key(''.join(t.norm.replace(' ', '') for t in toks))}")
    if fam != "PER":
        for k in acronym_keys(name):
            keys.add(f"{fam}|{k}")
        # its first words as initials: "United Nations Security Council" meets "UN Security Council"
        for lead in initial_prefixes(toks):
            keys.add(f"{fam}|FL:{token_sort_key(lead)}|{tkeys[-1]}")
        turned = head_last(name)
        if turned:  # "Ministry of Defence" meets "Defence Ministry"
            keys |= _keys(turned, fam, mode)[0]
    sort_key = " ".join(token_key(t.norm) for t in toks)
    return keys, sort_key


def block_names(
    items: Iterable[tuple[Hashable, str, str | None]],
    max_block: int = 48,
    window: int = 6,
    mode: str = "strict",
) -> NameBlocks:
    """Collapse mentions to distinct names and generate candidate pairs of distinct names."""
    nb = NameBlocks()
    index: dict[tuple[str, tuple[str, ...]], int] = {}
    # integer mention ids (a large corpus's millions) are held in flat arrays, with the distinct name
    # of each: a list of int objects for every distinct name cost some 40 bytes a mention more
    int_ids, name_of_id = array("q"), array("q")
    lists: list[list[Hashable]] | None = None  # ids of other kinds: a list for each distinct name
    for mid, name, typ in items:
        fam = _family(typ)
        toks = parse_name(name, fam in ("PER", "ANY")).tokens
        if not toks:
            continue
        g = (fam, tuple(t.norm for t in toks))
        k = index.get(g)
        if k is None:
            k = index[g] = len(nb.names)
            nb.names.append(name)
            nb.types.append(fam)
            if lists is not None:
                lists.append([])
        if lists is None and type(mid) is int and -(1 << 63) <= mid < 1 << 63:
            int_ids.append(mid)
            name_of_id.append(k)
            continue
        if lists is None:  # the first id that is no int: every id so far goes to the lists
            lists = [list(mem) for mem in _Members(int_ids, name_of_id, len(nb.names))]
            int_ids = name_of_id = array("q")
        lists[k].append(mid)
    nb.members = lists if lists is not None else _Members(int_ids, name_of_id, len(nb.names))
    del index, int_ids, name_of_id  # the distinct names are known: its keys would sit beside the blocks
    # the blocks as (key, name) rows of two flat arrays, the key by two 64-bit hashes of it: a large
    # corpus has millions of block keys, and a dict of key strings to lists of names cost some 170
    # bytes a key (1.4 million records: some 250 MB at once), this 24 bytes a row. Sorted by key and
    # then name, each block holds its names in the order a dict of lists gave them
    key_hashes, key_checks, key_names = array("q"), array("q"), array("q")
    sort_keys: list[str] = []
    for k, (name, fam) in enumerate(zip(nb.names, nb.types)):
        keys, sk = _keys(name, fam, mode)
        sort_keys.append(sk)
        for key in keys:
            key_hashes.append(hash(key))
            key_checks.append(hash((key, 1)))  # two distinct keys share both hashes with a chance of 2**-128
            key_names.append(k)
    hashes, checks, names = (np.array(a, dtype=np.int64) for a in (key_hashes, key_checks, key_names))
    del key_hashes, key_checks, key_names
    by_key = np.lexsort((names, checks, hashes))
    hashes, checks, names = hashes[by_key], checks[by_key], names[by_key]
    del by_key
    new_key = np.ones(len(names), dtype=bool)
    new_key[1:] = (hashes[1:] != hashes[:-1]) | (checks[1:] != checks[:-1])
    starts = np.flatnonzero(new_key)
    ends = np.append(starts[1:], len(names))
    del new_key
    nb.n_blocks = len(starts)

    # each pair coded as one integer a * m + b (a < b) in a flat array: a large corpus has millions
    # of candidate pairs, and a set of tuples of them costs some 150 bytes a pair where this costs 8
    # (a pair found in several blocks is written again, and dropped when the codes are sorted)
    m = len(nb.names)
    codes = array("q")
    several = np.flatnonzero(ends - starts >= 2)
    for start, end in zip(starts[several].tolist(), ends[several].tolist()):
        mem = names[start:end].tolist()
        if len(mem) <= max_block:
            for x in range(len(mem)):
                a = mem[x]
                for y in range(x + 1, len(mem)):
                    b = mem[y]
                    codes.append(a * m + b if a < b else b * m + a)
            continue
        nb.n_large_blocks += 1
        for order in (
            sorted(mem, key=lambda i: sort_keys[i]),
            sorted(mem, key=lambda i: " ".join(reversed(sort_keys[i].split()))),
        ):
            for x in range(len(order)):
                a = order[x]
                for y in range(x + 1, min(x + 1 + window, len(order))):
                    b = order[y]
                    codes.append(a * m + b if a < b else b * m + a)
    del hashes, checks, names, starts, ends
    nb.pairs = _Pairs(np.unique(np.frombuffer(codes, dtype=np.int64)) if codes else np.zeros(0, np.int64), m)
    return nb


class _Members(Sequence):
    """The mention ids of each distinct name, in the order they came, read as a list per name: one
    array of the ids sorted (stably) by their name, and where each name's run starts."""

    def __init__(self, ids: array, names: array, n: int):
        by_name = np.argsort(np.frombuffer(names, dtype=np.int64) if names else np.zeros(0, np.int64), kind="stable")
        self.ids = (np.frombuffer(ids, dtype=np.int64) if ids else np.zeros(0, np.int64))[by_name]
        counts = np.bincount(np.frombuffer(names, dtype=np.int64), minlength=n) if names else np.zeros(n, np.int64)
        self.starts = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=self.starts[1:])

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self.ids[self.starts[k] : self.starts[k + 1]].tolist()

    def __iter__(self) -> Iterator[list[int]]:
        for k in range(len(self)):
            yield self[k]


class _Pairs(Sequence):
    """The candidate pairs of distinct names, sorted, as the codes ``a * m + b`` of ``block_names``:
    read as (a, b) tuples, made a block at a time."""

    _BLOCK = 1 << 16

    def __init__(self, codes: np.ndarray, m: int):
        self.codes, self.m = codes, max(m, 1)

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        a, b = divmod(int(self.codes[k]), self.m)
        return a, b

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for start in range(0, len(self.codes), self._BLOCK):
            chunk = self.codes[start : start + self._BLOCK]
            yield from zip((chunk // self.m).tolist(), (chunk % self.m).tolist())


def candidate_pairs(
    items: Iterable[tuple[Hashable, str, str | None]],
    max_block: int = 48,
    window: int = 6,
    mode: str = "strict",
) -> Iterator[tuple[Hashable, Hashable]]:
    """Candidate (mention_id, mention_id) pairs for ``items`` = (mention_id, name, type).

    Mentions whose names are identical after normalisation are chained (id1-id2, id2-id3, ...)
    rather than paired exhaustively; across distinct names, the first mention of each name stands
    for all of them.  Connected components over accepted pairs are therefore the same as with
    all-pairs comparison, at a near-linear number of pairs.
    """
    nb = block_names(items, max_block, window, mode)
    for mem in nb.members:
        for x in range(len(mem) - 1):
            yield mem[x], mem[x + 1]
    for a, b in nb.pairs:
        yield nb.members[a][0], nb.members[b][0]


def _single_person_token(name: str) -> bool:
    return len(parse_name(name).tokens) < 2


def may_link_by_name(a: str, b: str, typ: str | None = None, threshold: float = MATCH_THRESHOLD) -> bool:
    """True when the two names alone justify linking two mentions from different documents."""
    return link_by_name(a, b, typ, threshold)[0]


def link_by_name(
    a: str, b: str, typ: str | None = None, threshold: float = MATCH_THRESHOLD, link_acronyms: bool = False
) -> tuple[bool, list[str]]:
    """Decision and reasons for linking by name alone (see ``may_link_by_name``).

    An acronym and a long form it spells ("PMF" / "Popular Mobilization Forces") are similar names,
    but short acronyms are ambiguous across a corpus: unless ``link_acronyms``, they are linked
    through in-document definitions (``aliases``), not by name alone.
    """
    fam = _family(typ)
    if fam == "PER" and (_single_person_token(a) or _single_person_token(b)):
        return False, [f"single-token person name ({a!r} / {b!r}): not linked across documents by name alone"]
    ia, ib = is_acronym(a.strip()), is_acronym(b.strip())
    if ia and ib and a.strip() != b.strip():
        return False, ["different acronyms"]
    s = name_similarity(a, b, typ)
    reasons = [f"similarity {s:.2f}"] + explain_match(a, b, typ)
    if ia != ib and not link_acronyms:
        return False, reasons + ["acronym vs long form: link through an in-text definition"]
    return s >= threshold, reasons


def match_names(
    items: Iterable[tuple[Hashable, str, str | None]],
    threshold: float = MATCH_THRESHOLD,
    max_block: int = 48,
    window: int = 6,
    mode: str = "strict",
    link_acronyms: bool = False,
) -> tuple[NameBlocks, list[tuple[int, int, float]]]:
    """Block, then score every candidate pair of distinct names with the name-only guard.

    Returns the blocks and the accepted (name index, name index, score) pairs.
    """
    nb = block_names(items, max_block, window, mode)
    accepted: list[tuple[int, int, float]] = []
    single = [fam == "PER" and len(parse_name(n).tokens) < 2 for n, fam in zip(nb.names, nb.types)]
    acr = [is_acronym(n.strip()) for n in nb.names]
    for a, b in nb.pairs:
        if single[a] or single[b]:
            continue
        if acr[a] != acr[b] and not link_acronyms:
            continue
        if acr[a] and acr[b]:
            continue  # distinct acronyms (identical ones were collapsed into one name)
        s = name_similarity(nb.names[a], nb.names[b], nb.types[a])
        if s >= threshold:
            accepted.append((a, b, s))
    return nb, accepted
