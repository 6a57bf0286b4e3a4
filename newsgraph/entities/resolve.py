"""Cross-document entity resolution: document-local entities -> one entity per real-world actor.

Input is the compact output of the per-document stage: for each document, its local entities (the
within-document linker has already joined "Hadi al-Amiri", "Amiri" and "the Badr chief" there).
Resolution joins local entities of different documents:

1. **Blocking** (``names.blocking``): every distinct name gets a few keys (skeletons of its first
   and last token, acronym letters), so only names that could match are compared: O(n log n).
2. **Name evidence**: two local entities of the same type are candidates when they share a name
   (after normalisation) or when two of their names match under transliteration-aware comparison
   (``names.normalize``). A PERSON name of one token is never enough across documents.
3. **Cannot-link**: two local entities of one document are two actors (the linker kept them
   apart), so a merge that would put two entities of one document into one cluster is refused.
   This is what keeps "Haidar Salman" and "Haidar al-Jubouri" apart when a third document only
   says "Haidar", and stops chains of near-matches from gluing different people together.
4. **Unique head names**: a lone surname ("Amiri") or the first word of an organisation's name
   ("Badr") joins the one cluster in the corpus that it can belong to, and nothing when two could.
5. **Divisions and towns**: "Kirkuk province" (or "Kirkuk" in "Diyala and Kirkuk provinces") is a
   place of its own, never the town it is named after, so it is matched under its division name
   only. A bare name ("Salahuddin") joins the one division named after it when nothing says it is a
   town: no document calls it one and the gazetteer, when given, does not know it as one. The
   document linker left such bare names apart from the division undecided, so this join may join
   two entities of one document: only those two.
6. **User overrides** (``merge``/``split``) are applied last, in the order they were made, so they
   survive every later run.

Every join records its reasons, for ``newsgraph why-same``. Entity ids are derived from the type
and the canonical name, so they stay stable across runs while the corpus grows.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from typing import Callable

from newsgraph.entities.lexicon import ADMIN_DIVISIONS, admin_division
from newsgraph.names.acronyms import is_acronym
from newsgraph.names.blocking import link_by_name, match_names
from newsgraph.names.normalize import MATCH_THRESHOLD, fold, name_key, parse_name, token_similarity

# Kinds of place that never share a name with each other by accident of spelling: a province and its
# capital, a country and a city.
_PLACE_KINDS = frozenset({"settlement", "region", "country"})

# Words that start many organisation names and so identify none of them on their own.
_GENERIC_ORG_HEADS = frozenset(
    "islamic national popular united democratic people peoples people's iraqi syrian arab free new "
    "supreme central general federal state special republican revolutionary international "
    "higher high joint first second third army forces force party front movement council".split()
)


@dataclass(slots=True)
class LocalRecord:
    """One document-local entity, as the resolver sees it."""

    doc_id: str
    idx: int
    story_id: str | None
    name: str
    type: str
    subtype: str | None = None
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: int = 1

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.idx)


@dataclass(slots=True)
class Override:
    action: str  # merge | split
    a: str
    b: str


@dataclass(slots=True)
class ResolvedEntity:
    id: str
    name: str
    type: str
    subtype: str | None
    members: list[tuple[str, int]]  # (doc id, local index)
    aliases: Counter  # surface name -> number of local entities that use it
    documents: int
    stories: int
    titles: list[str]
    joins: list[tuple[str, str, list[str]]]  # (name a, name b, reasons) of every union inside it
    alias_kinds: dict[str, tuple[str, int]] = field(default_factory=dict)  # alias -> (kind, count)
    meta: dict = field(default_factory=dict)  # gazetteer link, coordinates, codes


class _Clusters:
    """Union-find over local records that tracks each cluster's documents (for cannot-link)."""

    def __init__(self, records: list[LocalRecord]):
        self.parent = list(range(len(records)))
        self.docs: list[set[str]] = [{r.doc_id} for r in records]
        # a town and the province named after it are two places: LOC kinds must agree
        self.kinds: list[set[str]] = [{r.subtype} if r.type == "LOC" and r.subtype in _PLACE_KINDS else set()
                                      for r in records]
        self.joins: list[list[tuple[str, str, list[str]]]] = [[] for _ in records]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def conflict(self, ra: int, rb: int) -> bool:
        if self.docs[ra] & self.docs[rb]:
            return True
        ka, kb = self.kinds[ra], self.kinds[rb]
        return bool(ka and kb and not (ka & kb))

    def join(self, a: int, b: int, why: tuple[str, str, list[str]], force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and self.conflict(ra, rb):
            return False
        if len(self.docs[ra]) < len(self.docs[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.docs[ra] |= self.docs[rb]
        self.kinds[ra] |= self.kinds[rb]
        self.joins[ra].extend(self.joins[rb])
        self.joins[ra].append(why)
        return True


def _family(typ: str) -> str:
    return {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"}.get(typ, typ)


def _single_token_person(name: str) -> bool:
    return len(parse_name(name).tokens) < 2


def _record_names(r: LocalRecord) -> list[str]:
    names = list(dict.fromkeys([r.name, *r.names]))
    return [n for n in names if n and parse_name(n, r.type == "PERSON").tokens]


_DIVISION_LEVELS = frozenset(level for level in ADMIN_DIVISIONS.values() if level)


def _place_key(name: str) -> str:
    return name_key(name) or fold(name).strip()


def division_of(record: LocalRecord) -> tuple[str, str] | None:
    """(key of the place name, level) when the record names an administrative division: by a name
    with its kind word ("Kirkuk province") or by the level the document gave it as a title."""
    if record.type != "LOC":
        return None
    for n in _record_names(record):
        div = admin_division(n)
        if div is not None:
            return _place_key(div[0]), div[1]
    level = next((t for t in record.titles if t in _DIVISION_LEVELS), None)
    return (_place_key(record.name), level) if level else None


def _matching_names(record: LocalRecord, division: tuple[str, str] | None) -> list[str]:
    """The names a record is matched under across documents: a division only under its division
    name, so that the bare "Kirkuk" of a division never meets the town."""
    names = _record_names(record)
    if division is None:
        return names
    out = []
    for n in names:
        div = admin_division(n)
        if div is not None:  # one word for each level: "X Governorate" is "X province"
            n = f"{div[0]} {div[1]}"
        elif _place_key(n) == division[0]:
            n = f"{n} {division[1]}"
        out.append(n)
    return list(dict.fromkeys(out))


def candidate_links(records: list[LocalRecord], names_of: list[list[str]] | None = None
                    ) -> list[tuple[float, int, int, tuple[str, str, list[str]]]]:
    """Scored candidate joins between records of different documents, best first. ``names_of``
    gives the names each record is matched under (its own names by default)."""
    items = []
    for i, r in enumerate(records):
        for n in (names_of[i] if names_of is not None else _record_names(r)):
            if r.type == "PERSON" and _single_token_person(n):
                continue  # never a cross-document key on its own
            items.append(((i, n), n, r.type))
    nb, accepted = match_names(items, threshold=MATCH_THRESHOLD)
    links: list[tuple[float, int, int, tuple[str, str, list[str]]]] = []
    # records that share a name (identical after normalisation) are chained
    for mem in nb.members:
        # same kinds side by side, so a chain is not cut by one record of another kind
        mem = sorted(mem, key=lambda m: (records[m[0]].subtype or "", m[0]))
        pairs = list(zip(mem, mem[1:])) + [(mem[0], m) for m in mem[2:]]
        for (i, na), (j, nbm) in pairs:
            if records[i].doc_id != records[j].doc_id and records[i].type == records[j].type:
                links.append((1.0, i, j, (na, nbm, [f"same name after normalisation: {na!r} = {nbm!r}"])))
    for a, b, score in accepted:
        # every record carrying either name: link the first of each (the chains above do the rest)
        i, na = nb.members[a][0]
        j, nbm = nb.members[b][0]
        if records[i].type != records[j].type:
            continue
        ok, reasons = link_by_name(na, nbm, records[i].type)
        if ok:
            links.append((score, i, j, (na, nbm, reasons)))
    links.sort(key=lambda x: -x[0])
    return links


def _head_key(record: LocalRecord) -> tuple[str, str] | None:
    """The key under which a one-word name may join a unique larger cluster."""
    toks = parse_name(record.name, record.type == "PERSON").tokens
    if len(toks) != 1 or is_acronym(record.name.strip()):
        return None
    return (record.type, toks[0].norm)


def _heads_of(record: LocalRecord) -> set[tuple[str, str, str]]:
    """(type, position, token) of multi-word names: surname (last) and first token."""
    out: set[tuple[str, str, str]] = set()
    for n in _record_names(record):
        toks = parse_name(n, record.type == "PERSON").tokens
        if len(toks) < 2:
            continue
        out.add((record.type, "first", toks[0].norm))
        out.add((record.type, "last", toks[-1].norm))
    return out


def _join_unique_heads(records: list[LocalRecord], cl: _Clusters) -> None:
    """A lone surname / org head word joins the only cluster it can belong to."""
    by_head: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        for h in _heads_of(r):
            by_head[h].add(i)
    for i, r in enumerate(records):
        hk = _head_key(r)
        if hk is None:
            continue
        typ, tok = hk
        if typ == "PERSON":
            wanted, rival = "last", "first"  # a lone given name is ambiguous by nature
        elif typ == "ORG":
            if tok in _GENERIC_ORG_HEADS:
                continue
            wanted, rival = "first", "last"
        else:
            continue
        roots = {cl.find(j) for j in _fuzzy_heads(by_head, typ, wanted, tok)}
        rivals = {cl.find(j) for j in _fuzzy_heads(by_head, typ, rival, tok)} - roots
        roots.discard(cl.find(i))
        if len(roots) == 1 and not rivals:
            target = next(iter(roots))
            other = records[target]
            pos = "surname" if typ == "PERSON" else "first word"
            cl.join(i, target, (r.name, other.name, [f"{r.name!r} is the {pos} of {other.name!r}, the only such {typ} in the corpus"]))


def _fuzzy_heads(by_head: dict[tuple[str, str, str], set[int]], typ: str, pos: str, tok: str) -> set[int]:
    out = set(by_head.get((typ, pos, tok), ()))
    if not out:
        for (t, p, k), members in by_head.items():
            if t == typ and p == pos and k[:1] == tok[:1] and token_similarity(k, tok) >= MATCH_THRESHOLD:
                out |= members
    return out


PlaceKind = Callable[[str], "str | None"]


def _join_undivided_places(records: list[LocalRecord], cl: _Clusters, divisions: list[tuple[str, str] | None],
                           place_kind: PlaceKind | None) -> None:
    """A bare place name joins the one division named after it unless the name is also a town's."""
    division_records: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(divisions):
        if d is not None:
            division_records[d[0]].append(i)
    if not division_records:
        return
    bare: dict[str, list[int]] = defaultdict(list)
    towns: set[str] = set()
    for i, r in enumerate(records):
        if r.type != "LOC" or divisions[i] is not None:
            continue
        key = _place_key(r.name)
        if key in division_records:
            bare[key].append(i)
            if r.subtype == "settlement":
                towns.add(key)
    if not bare:
        return
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        members[cl.find(i)].append(i)
    for key, bares in bare.items():
        targets = {cl.find(i) for i in division_records[key]}
        levels = {divisions[i][1] for i in division_records[key]}  # type: ignore[index]
        if len(targets) != 1 or len(levels) != 1 or key in towns:
            continue
        name = records[bares[0]].name
        if place_kind is not None and place_kind(name) == "settlement":
            continue
        target = next(iter(targets))
        for root in dict.fromkeys(cl.find(i) for i in bares):
            if root == target or cl.kinds[root] - {"region"}:
                continue
            if not _only_division_pairs(records, members, root, target, key, divisions):
                continue
            div_name = records[target].name
            cl.join(root, target, (name, div_name, [f"{name!r} is named by {div_name!r} and by no town in the corpus"]),
                    force=True)
            joined = members.pop(root, []) + members.pop(target, [])
            target = cl.find(target)
            members[target] = joined


def _only_division_pairs(records: list[LocalRecord], members: dict[int, list[int]], a: int, b: int, key: str,
                         divisions: list[tuple[str, str] | None]) -> bool:
    """True when every document the two clusters share gives one of them only the bare name and
    the other only the division: the linker's undecided pair, not two places it told apart."""
    shared = {records[i].doc_id for i in members[a]} & {records[i].doc_id for i in members[b]}
    for i in members[a] + members[b]:
        if records[i].doc_id in shared and _place_key(records[i].name) != key and (divisions[i] or ("", ""))[0] != key:
            return False
    return True


def _matches_alias(record: LocalRecord, alias: str) -> bool:
    key = name_key(alias)
    return any(n.casefold() == alias.casefold() or (key and name_key(n) == key) for n in _record_names(record))


def _is_named(record: LocalRecord, alias: str) -> bool:
    return record.name.casefold() == alias.casefold() or name_key(record.name) == name_key(alias)


def _apply_overrides(records: list[LocalRecord], cl: _Clusters, overrides: list[Override]) -> _Clusters:
    for ov in overrides:
        if ov.action == "merge":
            left = [i for i, r in enumerate(records) if _matches_alias(r, ov.a)]
            right = [i for i, r in enumerate(records) if _matches_alias(r, ov.b)]
            if left and right:
                for j in left[1:] + right:
                    cl.join(left[0], j, (ov.a, ov.b, ["merged by the user"]), force=True)
        elif ov.action == "split":
            # records carrying ALIAS leave the cluster that is named ENTITY (or holds ENTITY as an alias)
            owners = {cl.find(i) for i, r in enumerate(records) if _matches_alias(r, ov.a)}
            movers = [i for i, r in enumerate(records) if cl.find(i) in owners and _matches_alias(r, ov.b)
                      and (not _matches_alias(r, ov.a) or _is_named(r, ov.b))]
            if not movers:
                continue
            cl = _rebuild_without(records, cl, set(movers))
    return cl


def _rebuild_without(records: list[LocalRecord], cl: _Clusters, movers: set[int]) -> _Clusters:
    """A new union-find where ``movers`` form their own cluster, apart from their old one."""
    roots = [cl.find(i) for i in range(len(records))]
    new = _Clusters(records)
    groups: dict[tuple[int, bool], list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[(root, i in movers)].append(i)
    for (root, moved), members in groups.items():
        joins = [j for j in cl.joins[root] if not moved] if members else []
        for m in members[1:]:
            new.join(members[0], m, ("", "", []), force=True)
        if members:
            new.joins[new.find(members[0])] = [j for j in joins if j[0]] + (
                [] if not moved else [("", "", ["split off by the user"])]
            )
    return new


def _canonical(members: list[LocalRecord]) -> str:
    votes: Counter = Counter()
    for r in members:
        for n in _record_names(r):
            weight = r.mentions if n == r.name else 1
            votes[n] += weight
    if not votes:
        return members[0].name

    def rank(n: str) -> tuple:
        toks = parse_name(n).tokens
        return (not is_acronym(n.strip()), min(len(toks), 4), votes[n], len(n))

    return max(votes, key=rank)


def entity_id(typ: str, name: str) -> str:
    return "E" + hashlib.sha1(f"{typ}|{name_key(name) or name.casefold()}".encode()).hexdigest()[:10]


def resolve(records: list[LocalRecord], overrides: list[Override] = (), place_kind: PlaceKind | None = None
            ) -> tuple[list[ResolvedEntity], dict[tuple[str, int], str]]:
    """Cluster local entities into corpus entities. Returns the entities and (doc, idx) -> entity id.

    ``place_kind(name)`` says what a bare place name is known as outside the corpus ("settlement",
    "region" or None), so that a town is not joined to the province named after it."""
    cl = _Clusters(records)
    divisions = [division_of(r) for r in records]
    names_of = [_matching_names(r, d) for r, d in zip(records, divisions)]
    for _, i, j, why in candidate_links(records, names_of):
        cl.join(i, j, why)
    _join_unique_heads(records, cl)
    _join_undivided_places(records, cl, divisions, place_kind)
    cl = _apply_overrides(records, cl, list(overrides))

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[cl.find(i)].append(i)
    entities: list[ResolvedEntity] = []
    used: set[str] = set()
    for root, idxs in sorted(groups.items(), key=lambda kv: min(records[i].key for i in kv[1])):
        members = [records[i] for i in idxs]
        typ = Counter(r.type for r in members).most_common(1)[0][0]
        sub = Counter(r.subtype for r in members if r.subtype).most_common(1)
        name = _canonical(members)
        eid = entity_id(typ, name)
        k = 2
        while eid in used:
            eid = f"{entity_id(typ, name)}-{k}"
            k += 1
        used.add(eid)
        aliases: Counter = Counter()
        for r in members:
            for n in _record_names(r):
                aliases[n] += 1
        titles = list(dict.fromkeys(t for r in members for t in r.titles
                                    if not (r.type == "LOC" and t in _DIVISION_LEVELS)))
        entities.append(
            ResolvedEntity(
                id=eid, name=name, type=typ, subtype=sub[0][0] if sub else None,
                members=[r.key for r in members], aliases=aliases,
                documents=len({r.doc_id for r in members}),
                stories=len({r.story_id or r.doc_id for r in members}),
                titles=titles, joins=list(cl.joins[root]),
                alias_kinds={a: ("acronym" if is_acronym(a.strip()) else "mention", n) for a, n in aliases.items()},
            )
        )
    mapping: dict[tuple[str, int], str] = {}
    for e in entities:
        for key in e.members:
            mapping[key] = e.id
    return entities, mapping
