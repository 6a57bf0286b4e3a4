"""User corrections of entity resolution: merge, split, rename, retype.

Resolution is rebuilt from scratch on every run, so a correction is a stored *decision* that is
replayed, in the order the decisions were made, on every run:

- ``merge A B``: the entities named A and B are one; its display name is A's entity's name.
- ``split ENTITY ALIAS``: the local entities (one per document) of ENTITY that carry the surface
  name ALIAS leave ENTITY and form an entity of their own. Local entities of ENTITY that were joined
  to it only through them leave with them.
- ``rename ENTITY NAME``: the display name is NAME; the old name stays an alias.
- ``retype ENTITY TYPE``: PERSON, ORG or LOC, optionally with a subtype (``ORG/armed_group``).

A decision names entities by any of their names: first an entity whose display name it is, then
the entity whose local entities carry it exactly (case aside), then one whose names match it under
transliteration-aware comparison (``names.normalize.name_key``). The alias of a split is matched
exactly (case aside): a split is wanted precisely when the resolver took two spellings for one name,
so a transliteration-aware match would find the entity's own spellings too.

Merges and splits change the clusters (``apply_to_clusters``, called by ``resolve.resolve`` after
clustering); the display names and types the decisions set are applied to the resolved entities
afterwards (``apply_to_entities``), before entity ids are final. Each decision records on itself a
local entity of the entity it named (``anchor``), so that the second step finds the same entity.

The corrections file (``newsgraph corrections export/import``) holds one decision a line:
``action<TAB>a<TAB>b``; blank lines and lines starting with ``#`` are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.names.normalize import name_key

if TYPE_CHECKING:  # pragma: no cover
    from newsgraph.entities.resolve import LocalRecord, ResolvedEntity, _Clusters

ACTIONS = ("merge", "split", "rename", "retype")
TYPES = ("PERSON", "ORG", "LOC")
_SUBTYPE = re.compile(r"^[a-z][a-z0-9_]*$")

MERGED = "merged by the user"
SPLIT = "split off by the user"
RENAMED = "renamed by the user"
RETYPED = "retyped by the user"


@dataclass(slots=True)
class Override:
    """One user decision, and (filled in by each run) what it applied to."""

    action: str  # merge | split | rename | retype
    a: str
    b: str
    anchor: tuple[str, int] | None = None  # a local entity of the entity the decision names
    name: str | None = None  # the display name it decides
    type: str | None = None  # the type (and subtype) it decides
    subtype: str | None = None
    applied: bool = False
    note: str = ""  # why it did not apply
    moved: list[tuple[str, int]] = field(default_factory=list)  # split: the local entities that left


def parse_type(text: str) -> tuple[str, str | None]:
    """'ORG/armed_group' -> ('ORG', 'armed_group'); ValueError for anything else."""
    typ, _, sub = text.strip().partition("/")
    typ = typ.strip().upper()
    sub = sub.strip()
    if typ not in TYPES:
        raise ValueError(f"unknown type {text.strip()!r} (PERSON, ORG or LOC, optionally with /subtype)")
    if sub and not _SUBTYPE.match(sub):
        raise ValueError(f"bad subtype {sub!r} (lower-case letters, digits and _)")
    return typ, sub or None


def decisions(rows) -> list[Override]:
    """Store rows (action, a, b) -> the corrections among them, in order (other rows, such as the
    remembered actor dictionaries, are not corrections)."""
    return [Override(r[0], r[1], r[2]) for r in rows if r[0] in ACTIONS]


# -- the corrections file ---------------------------------------------------------------------------

FILE_HEADER = ("# newsgraph corrections: one decision a line, applied in this order on every run\n"
               "# action<TAB>a<TAB>b   merge A B | split ENTITY ALIAS | rename ENTITY NAME | retype ENTITY TYPE[/subtype]\n")


def _field(text: str) -> str:
    return " ".join(text.split())  # a tab or a line break in a name would break the line format


def format_line(action: str, a: str, b: str) -> str:
    return f"{action}\t{_field(a)}\t{_field(b)}"


def parse_line(line: str) -> tuple[str, str, str]:
    """One line of a corrections file -> (action, a, b); ValueError with the reason."""
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) != 3:
        raise ValueError(f"expected 3 tab-separated fields (action, a, b), found {len(parts)}")
    action, a, b = (p.strip() for p in parts)
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    if not a or not b:
        raise ValueError("an empty name")
    if action == "retype":
        typ, sub = parse_type(b)
        b = typ + (f"/{sub}" if sub else "")
    if action in ("merge", "split") and a.casefold() == b.casefold():
        raise ValueError(f"{action} of a name with itself")
    return action, a, b


def parse_file(text: str) -> tuple[list[tuple[int, tuple[str, str, str]]], list[tuple[int, str]]]:
    """(line number, decision) for the good lines, (line number, reason) for the bad ones."""
    good, bad = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            good.append((n, parse_line(line)))
        except ValueError as exc:
            bad.append((n, str(exc)))
    return good, bad


# -- replay on the clusters ---------------------------------------------------------------------------

class _Replay:
    def __init__(self, records: list[LocalRecord], cl: _Clusters):
        from newsgraph.entities import resolve as R

        self.R = R
        self.records = records
        self.cl = cl
        self.index = {r.key: i for i, r in enumerate(records)}
        self.names = [{n.casefold() for n in R._record_names(r)} for r in records]
        self._keys: list[set[str]] | None = None
        self.pins: list[Override] = []  # merges, renames, retypes: decisions that set a name or type

    @property
    def keys(self) -> list[set[str]]:
        if self._keys is None:
            self._keys = [{k for k in map(name_key, self.R._record_names(r)) if k} for r in self.records]
        return self._keys

    def members(self, root: int) -> list[int]:
        return sorted(i for ms in self.cl.docs[root].values() for i in ms)

    def display(self, root: int) -> str:
        name = None
        for ov in self.pins:
            if ov.name and self.cl.find(self.index[ov.anchor]) == root:
                name = ov.name
        return name or self.R._canonical([self.records[i] for i in self.members(root)])

    def find(self, ref: str) -> int | None:
        """The cluster a decision's name refers to, or None."""
        f, k = ref.casefold().strip(), name_key(ref)
        exact = {self.cl.find(i) for i, ns in enumerate(self.names) if f in ns}
        keyed = {self.cl.find(i) for i, ks in enumerate(self.keys) if k in ks} if k else set()
        pinned = {self.cl.find(self.index[ov.anchor]) for ov in self.pins if ov.name and ov.name.casefold() == f}
        for level in ([r for r in pinned | exact | keyed if self.display(r).casefold() == f], exact, keyed):
            if level:
                return max(level, key=lambda r: (len(self.cl.docs[r]), -min(self.members(r))))
        return None

    def _missing(self, ov: Override, *refs: str) -> bool:
        gone = [r for r in refs if self.find(r) is None]
        if gone:
            ov.note = "; ".join(f"no entity named {r!r}" for r in gone)
        return bool(gone)

    def merge(self, ov: Override) -> None:
        if self._missing(ov, ov.a, ov.b):
            return
        ra, rb = self.find(ov.a), self.find(ov.b)
        ov.name = self.display(ra)
        ov.anchor = self.records[self.members(ra)[0]].key
        if ra != rb:
            self.cl.join(ra, rb, (ov.a, ov.b, [MERGED]), force=True)
        self.pins.append(ov)
        ov.applied = True

    def rename(self, ov: Override) -> None:
        if self._missing(ov, ov.a):
            return
        ov.anchor = self.records[self.members(self.find(ov.a))[0]].key
        ov.name = ov.b
        self.pins.append(ov)
        ov.applied = True

    def retype(self, ov: Override) -> None:
        if self._missing(ov, ov.a):
            return
        try:
            ov.type, ov.subtype = parse_type(ov.b)
        except ValueError as exc:
            ov.note = str(exc)
            return
        ov.anchor = self.records[self.members(self.find(ov.a))[0]].key
        self.pins.append(ov)
        ov.applied = True

    def split(self, ov: Override) -> None:
        if self._missing(ov, ov.a):
            return
        root = self.find(ov.a)
        members = self.members(root)
        alias = ov.b.casefold().strip()
        movers = [i for i in members if alias in self.names[i]]
        if not movers:
            ov.note = f"no local entity of {ov.a!r} carries the name {ov.b!r}"
            return
        stay = [i for i in members if i not in set(movers)]
        if not stay:
            ov.note = f"every local entity of {ov.a!r} carries the name {ov.b!r}: nothing would be left"
            return
        stay, moved = self._through(root, stay, movers, ov.a)
        ov.moved = [self.records[i].key for i in moved]
        self.cl = self._regroup(root, stay, moved, ov)
        # earlier decisions about ENTITY follow the part that stays
        keep = self.records[stay[0]].key
        moved_keys = set(ov.moved)
        for pin in self.pins:
            if pin.anchor in moved_keys:
                pin.anchor = keep
        ov.applied = True

    def _through(self, root: int, stay: list[int], movers: list[int], entity: str) -> tuple[list[int], list[int]]:
        """Split the staying local entities into those still linked to ENTITY without the movers and
        those linked to it only through the movers (these leave with them)."""
        parent = {i: i for i in stay}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: int, b: int) -> None:
            parent[find(a)] = find(b)

        carriers: dict[str, list[int]] = {}
        for i in stay:
            for n in self.names[i]:
                carriers.setdefault(n, []).append(i)
        for group in carriers.values():
            for i in group[1:]:
                union(group[0], i)
        joins = [(a.casefold(), b.casefold()) for a, b, _ in self.cl.joins[root] if a and b]
        for a, b in joins:
            if a in carriers and b in carriers:
                union(carriers[a][0], carriers[b][0])
        comps: dict[int, list[int]] = {}
        for i in stay:
            comps.setdefault(find(i), []).append(i)
        if len(comps) == 1:
            return stay, movers
        f = entity.casefold().strip()
        core = {find(i) for i in stay if f in self.names[i]}
        if not core:  # ENTITY was named by the movers' name or a decision: the largest part stays
            core = {max(comps, key=lambda c: (len(comps[c]), -min(comps[c])))}
        mover_names = set().union(*(self.names[i] for i in movers))
        linked = {a for a, b in joins if b in mover_names} | {b for a, b in joins if a in mover_names} | mover_names
        keep, leave = [], list(movers)
        for c, part in comps.items():
            through = c not in core and any(self.names[i] & linked for i in part)
            (leave if through else keep).extend(part)
        return sorted(keep), sorted(leave)

    def _regroup(self, root: int, stay: list[int], moved: list[int], ov: Override) -> _Clusters:
        old, new = self.cl, self.R._Clusters(self.records)
        new.moved_names = old.moved_names
        groups: dict[int, list[int]] = {}
        for i in range(len(self.records)):
            r = old.find(i)
            if r != root:
                groups.setdefault(r, []).append(i)
        names_of = lambda part: set().union(*(self.names[i] for i in part))  # noqa: E731
        stay_names, moved_names = names_of(stay), names_of(moved)
        note = ("", "", [f"{SPLIT}: {ov.b!r} is not {ov.a}"])
        parts = [(stay, [j for j in old.joins[root] if not j[0] and not j[1]
                         or j[0].casefold() in stay_names and j[1].casefold() in stay_names]
                  + [note], old.notes[root]),
                 (moved, [j for j in old.joins[root] if j[0].casefold() in moved_names and j[1].casefold() in moved_names]
                  + [note], [])]
        for r, members in groups.items():
            parts.append((members, old.joins[r], old.notes[r]))
        for members, joins, notes in parts:
            for m in members[1:]:
                new.join(members[0], m, ("", "", []), force=True)
            top = new.find(members[0])
            new.joins[top] = list(joins)
            new.notes[top] = list(notes)
        return new


def apply_to_clusters(records: list[LocalRecord], cl: _Clusters, overrides: list[Override]) -> _Clusters:
    """Replay the merges and splits on the clusters, in order; note on each decision what it named."""
    if not overrides:
        return cl  # the replay's indexes cost some 300 bytes a record: none without a decision
    replay = _Replay(records, cl)
    for ov in overrides:
        ov.anchor, ov.name, ov.type, ov.subtype, ov.applied, ov.note, ov.moved = None, None, None, None, False, "", []
        if ov.action not in ACTIONS:
            ov.note = f"unknown action {ov.action!r}"
            continue
        getattr(replay, ov.action)(ov)
    return replay.cl


# -- names and types on the resolved entities --------------------------------------------------------

def apply_to_entities(entities: list[ResolvedEntity], mapping: dict[tuple[str, int], str],
                      overrides: list[Override]) -> None:
    """Set the display names and types the decisions chose, then give the changed entities the ids
    their new type and name derive (``resolve.entity_id``), in ``entities`` and ``mapping``."""
    from newsgraph.entities.resolve import entity_id

    by_id = {e.id: e for e in entities}
    changed: dict[str, ResolvedEntity] = {}
    for ov in overrides:
        if not ov.applied or ov.anchor not in mapping:
            continue
        e = by_id[mapping[ov.anchor]]
        if ov.name and ov.name != e.name:
            old = e.name
            e.name = ov.name
            if ov.action == "rename":
                e.joins.append((old, ov.name, [RENAMED]))
            for n in (old, ov.name):
                if n not in e.alias_kinds:
                    e.alias_kinds[n] = ("user", 0)
            changed[e.id] = e
        if ov.type:
            before = e.type + (f"/{e.subtype}" if e.subtype else "")
            e.type, e.subtype = ov.type, ov.subtype
            e.joins.append(("", "", [f"{RETYPED}: {before} → {ov.b}"]))
            changed[e.id] = e
    if not changed:
        return
    used = {e.id for e in entities if e.id not in changed}
    new_ids: dict[str, str] = {}
    for old_id, e in changed.items():
        base = entity_id(e.type, e.name)
        eid, k = base, 2
        while eid in used:
            eid, k = f"{base}-{k}", k + 1
        used.add(eid)
        new_ids[old_id] = eid
        e.id = eid
    for key, eid in mapping.items():
        if eid in new_ids:
            mapping[key] = new_ids[eid]
