"""CAMEO / Phoenix actor dictionaries applied to resolved entities (optional).

The dictionaries are the user's own copy (``newsgraph actors load PATH`` records the path in the
store; nothing from them is shipped). Each entity is looked up by its names:

* **codes**: the CAMEO code of every dictionary entry that has one of the entity's names as its
  phrase or synonym, for the date of the entity's latest document (entries carry date-restricted
  codes: a minister's code ends with the office). A person is looked up by full names only and an
  organisation's one-word name only when it is an acronym: a lone "Badr" or "al-Baghdadi" is a
  synonym of too many entries. Spelling variants ("Haider" / "Haidar") are tried for names of two
  words or more when no entry has the exact phrase; places only by the exact phrase.
* **roles**: what the codes spell (``kb.cameo.describe_code``: "IRQGOV" is Iraq, government), and
  the agent codes of a person's titles ("Prime Minister" -> GOV).
* **aliases**: synonyms of the matched entry that are spellings of the entity's own name (a fuller
  name, another romanisation), with kind "cameo". Other synonyms are not aliases: the dictionaries
  list what is coded alike, so the entry of a country holds its cities and that of a group its
  leaders.

Dictionaries never join two entities, for the same reason.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from newsgraph.entities.resolve import ResolvedEntity
from newsgraph.names.acronyms import is_acronym
from newsgraph.names.normalize import names_match, parse_name
from newsgraph.names.titles import split_title

ACTORS_OVERRIDE = "actors"  # the override action under which a dictionary path is stored


def dictionary_paths(overrides: Iterable[tuple[str, str, str]]) -> list[str]:
    """The dictionary paths the user loaded, in order, each once."""
    return list(dict.fromkeys(a for action, a, _ in overrides if action == ACTORS_OVERRIDE))


@lru_cache(maxsize=4)
def _load(paths: tuple[tuple[str, float], ...]):
    from newsgraph.kb.cameo import CameoDictionaries, load_dictionaries

    actors, agents = [], []
    for path, _ in paths:
        d = load_dictionaries(path)
        actors.extend(d.actors)
        agents.extend(d.agents)
    return CameoDictionaries(actors, agents)


def load(paths: list[str]):
    """The dictionaries at ``paths`` (cached while the files are unchanged); missing paths are left
    out. None when there is none."""
    stamped = []
    for p in paths:
        try:
            stamped.append((p, os.stat(p).st_mtime))
        except OSError:
            continue  # moved or deleted since it was loaded: the run goes on without it
    return _load(tuple(stamped)) if stamped else None


def _lookup_names(entity: ResolvedEntity) -> list[str]:
    names = [entity.name] + [a for a, (kind, _) in entity.alias_kinds.items() if kind in ("mention", "acronym")]
    out = []
    for n in dict.fromkeys(names):
        words = len(parse_name(n, entity.type == "PERSON").tokens)
        if entity.type == "PERSON" and words < 2:
            continue
        if entity.type == "ORG" and words < 2 and not is_acronym(n.strip()):
            continue
        out.append(n)
    return out


def _entries(dicts, entity: ResolvedEntity) -> list[tuple[str, object]]:
    """(name, entry) pairs: exact phrases first, then spelling variants of longer names."""
    found: dict[int, tuple[str, object]] = {}
    names = _lookup_names(entity)
    for n in names:
        for e in dicts.lookup(n, fuzzy=False) or (dicts.lookup("the " + n, fuzzy=False) if entity.type == "ORG" else []):
            found.setdefault(id(e), (n, e))
    if not found and entity.type != "LOC":
        for n in names:
            if len(parse_name(n).tokens) >= 2:
                for e in dicts.lookup(n, fuzzy=True):
                    found.setdefault(id(e), (n, e))
    return list(found.values())


_LOWER = frozenset("al el ad ar as ash at az an bin ibn bint of the and for in on fi wa".split())


def _pretty(phrase: str) -> str:
    """Dictionary phrases are upper case: "HAIDER JAWAD AL-ABADI" -> "Haider Jawad al-Abadi"; a
    phrase of one short word stays an acronym ("ISIL")."""
    words = phrase.split()
    if len(words) == 1 and len(phrase) <= 5:
        return phrase
    out = []
    for k, w in enumerate(words):
        parts = [p[:1].upper() + p[1:].lower() for p in w.split("-")]
        for i, part in enumerate(parts):
            if part.lower() in _LOWER and (k or i) and (i < len(parts) - 1 or k < len(words) - 1):
                parts[i] = part.lower()
        out.append("-".join(parts))
    # "AL_ABADI" is written "al-Abadi"
    joined: list[str] = []
    for w in out:
        if joined and joined[-1] in ("al", "el") and len(joined) > 1:
            joined[-1] += "-" + w
        else:
            joined.append(w)
    return " ".join(joined)


def annotate(entities: list[ResolvedEntity], dicts, latest: dict[str, date | None]) -> int:
    """Adds ``meta["cameo"]`` (codes, country, roles, the entries matched) and the synonyms that are
    spellings of the entity's name; ``latest`` gives each entity's latest document date. Returns
    the number of entities the dictionaries know."""
    from newsgraph.kb.cameo import describe_code

    known = 0
    for ent in entities:
        if ent.type not in ("PERSON", "ORG", "LOC"):
            continue
        matched = _entries(dicts, ent)
        agent_roles = {}
        if ent.type == "PERSON":
            for title in ent.titles:
                code = dicts.agent_code(title)
                if code:
                    agent_roles[title] = code
        if not matched and not agent_roles:
            continue
        when = latest.get(ent.id)
        codes = list(dict.fromkeys(c for _, e in matched if (c := e.code_on(when))))
        described = [describe_code(c) for c in codes] + [describe_code(c) for c in agent_roles.values()]
        ent.meta["cameo"] = {
            "codes": codes,
            "countries": list(dict.fromkeys(d["country"] for d in described if d["country"])),
            "roles": list(dict.fromkeys(r for d in described for r in d["roles"])),
            "agents": agent_roles,
            "entries": [{"phrase": e.primary, "matched": n, "source": e.source} for n, e in matched],
        }
        if matched:
            known += 1
        if ent.type == "LOC":
            continue
        own = [ent.name, *ent.aliases]
        present = {_tokens(a) for a in [*ent.alias_kinds, *ent.aliases]}
        for _, e in matched:
            for phrase in e.names:
                alias = _pretty(phrase)
                if split_title(alias)[0] or _tokens(alias) in present:
                    continue  # "Prime Minister X" is X with a title; the same words are no new alias
                if not any(names_match(alias, n, ent.type) for n in own):
                    continue
                present.add(_tokens(alias))
                ent.alias_kinds[alias] = ("cameo", 0)
    return known


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t.norm for t in parse_name(name).tokens)


def parse_date(text: str | None) -> date | None:
    """A stored publication date (YYYY, YYYY-MM or YYYY-MM-DD) as the first day it covers."""
    if not text:
        return None
    parts = (text.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def path_of(path: str | Path) -> str:
    return str(Path(path).expanduser().resolve())
