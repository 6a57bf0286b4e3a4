"""`make eval-corpus`: entity resolution scored on a real corpus (FA-KES) against hand-checked gold.

Run::

    python -m newsgraph.evaluate_corpus [--csv FA-KES-Dataset.csv] [--gold eval/fakes/entities.json]
        [--work out/eval-corpus] [--fresh | --db STORE [--resolve]] [--json FILE] [--compare OLD.json]

Steps. The CSV (latin-1; unit_id, article_title, article_content, source, date M/D/YYYY, ...) becomes
JSON lines in the work folder (``fakes.jsonl``: title, text = article_content, publisher = source,
published = ISO date, url = ``urn:fakes:<unit_id>``), which the normal pipeline ingests into
``fakes.db`` (incremental: an existing store is reused and only re-resolved; ``--fresh`` rebuilds it).
``--db STORE`` scores an existing store as it is (``--resolve`` re-runs the resolution on it first,
timed, with the code of this tree: it rewrites that store's entities).

Gold documents are found by the ``urn:fakes:`` url kept in document meta, and, when the CSV is at
hand, by content hash (articles whose content duplicates another's are stored once, under the first
one's url). A gold mention (doc, field, start, end, text) is located in the stored cleaned text: a
content offset maps through the stored segments (raw offset -> cleaned offset); a stated offset a few
characters off is moved to the nearest occurrence of the text; without segments, the same occurrence
ordinal of the text is used. A title mention is located where the title occurs in the cleaned text.
A located gold mention is *found* when a system mention (facts stage, not the raw NER spans) covers
its span, or failing that overlaps at least half of it; its entity is that mention's ``entity_id``.

Figures, per split (dev, test, and all actors together):
  * false merges: system entities holding found mentions of two or more gold actors of the split;
    never-merge pairs violated (an actor side is every entity its found mentions lie in, a
    ``{"name": ...}`` side every entity having that alias or name);
  * fragmentation: distinct system entities per actor (mean over actors with a resolved found
    mention); the worst actors are listed;
  * completeness: gold mentions found as mentions; resolved to the actor's main entity (the entity
    holding most of its found mentions);
  * type accuracy (main entity type vs gold type) and display names (main entity name among the
    gold display names, compared case-folded, hyphens as spaces, so "al-Tarmi" = "al Tarmi");
  * geocoding of gold places: great-circle distance from the main entity's coordinates (gazetteer
    link, else approximate position) to the gold location; share within 161 km (100 miles), share
    with no coordinates (no main entity, or one without coordinates);
  * story pairs: same / not same story, against the gold pairs.
Store-wide: entities, singletons (entities with one mention), resolution seconds, junk among the 100
most mentioned entities (judged junk in the gold ``judgements`` plus automatic flags: URLs, e-mail,
handles, digits only, one lowercase word, more than six words); the top-100 entities neither judged
nor covered by a gold actor are printed as "unjudged" for review; the ten largest story groups are
printed (never written to the JSON, which holds no corpus text).

``--json FILE`` writes every figure; ``--compare OLD.json`` prints old -> new for each figure.
Exit 0 whatever the scores; 2 when the inputs are missing or unreadable.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "corpus" / "fakes-syria-war-news" / "FA-KES-Dataset.csv"
DEFAULT_GOLD = REPO / "eval" / "fakes" / "entities.json"
DEFAULT_WORK = REPO / "out" / "eval-corpus"
URL_PREFIX = "urn:fakes:"
SPLITS = ("dev", "test", "all")
NEAR_KM = 161.0  # 100 miles
_WRONG_COUNTRY_KM = 20000.0  # a country linked to another country: as far as a place can be
TOP_JUNK = 100


# -- conversion ----------------------------------------------------------------------------------
def iso_date(value: str) -> str | None:
    """"4/5/2017" (M/D/YYYY) -> "2017-04-05"; None when it is not such a date."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    except ValueError:
        return None


def read_csv(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    csv.field_size_limit(10_000_000)
    rows = []
    with Path(path).open(encoding="latin-1", newline="") as f:
        for row in csv.DictReader(f):
            if limit is not None and len(rows) >= limit:
                break
            rows.append(row)
    return rows


def convert(csv_path: Path, out: Path, limit: int | None = None) -> int:
    """The CSV as JSON lines (one article a line); returns the number of lines written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    tmp = out.with_suffix(out.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as w:
        for row in read_csv(csv_path, limit):
            record: dict[str, Any] = {"title": row.get("article_title") or "", "text": row.get("article_content") or "",
                                      "publisher": row.get("source") or "", "url": URL_PREFIX + row["unit_id"].strip()}
            published = iso_date(row.get("date") or "")
            if published:
                record["published"] = published
            w.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    # rewrite only on change, so the file (and an incremental ingest) stays put between runs
    if out.exists() and out.read_bytes() == tmp.read_bytes():
        tmp.unlink()
    else:
        tmp.replace(out)
    return n


def content_id(text: str) -> str:
    """The store id of a document whose raw content is ``text`` (RawDocument.id)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# -- the system's side, read from the store ------------------------------------------------------
@dataclass
class Doc:
    id: str
    text: str
    raw: str
    title: str | None
    story: str | None
    publisher: str | None
    published: str | None
    segments: list[tuple[int, int | None, int]] = field(default_factory=list)  # clean_start, raw_start, length


@dataclass
class Entity:
    id: str
    name: str
    type: str
    subtype: str | None
    meta: dict[str, Any]
    documents: int
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)


@dataclass
class System:
    docs: dict[str, Doc]
    unit_doc: dict[str, str]  # gold doc key (unit_id) -> stored doc id
    mentions: dict[str, list[tuple[int, int, str | None]]]  # doc id -> (start, end, entity id), facts mentions
    entities: dict[str, Entity]


def load_system(store, csv_rows: list[dict[str, str]] | None = None) -> System:
    docs: dict[str, Doc] = {}
    unit_doc: dict[str, str] = {}
    for r in store.query("SELECT id, text, raw, title, story_id, publisher, published, meta FROM documents"):
        try:
            meta = json.loads(r["meta"] or "{}")
        except ValueError:
            meta = {}
        docs[r["id"]] = Doc(r["id"], r["text"], r["raw"], meta.get("title") or r["title"], r["story_id"],
                            r["publisher"], r["published"])
        url = meta.get("url") or ""
        if url.startswith(URL_PREFIX):
            unit_doc[url[len(URL_PREFIX):]] = r["id"]
    for r in store.query("SELECT doc_id, clean_start, raw_start, length FROM segments ORDER BY doc_id, clean_start"):
        d = docs.get(r[0])
        if d is not None:
            d.segments.append((r[1], r[2], r[3]))
    for row in csv_rows or ():
        doc_id = content_id(row.get("article_content") or "")
        unit = (row.get("unit_id") or "").strip()
        if unit and unit not in unit_doc and doc_id in docs:
            unit_doc[unit] = doc_id
    mentions: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
    counts: Counter[str] = Counter()
    for r in store.query("SELECT doc_id, start, end, entity_id FROM mentions WHERE origin != 'ner'"):
        mentions[r[0]].append((r[1], r[2], r[3]))
        if r[3]:
            counts[r[3]] += 1
    entities: dict[str, Entity] = {}
    for r in store.query("SELECT id, name, type, subtype, meta, documents FROM entities"):
        try:
            meta = json.loads(r["meta"] or "{}")
        except ValueError:
            meta = {}
        entities[r["id"]] = Entity(r["id"], r["name"], r["type"], r["subtype"], meta, r["documents"] or 0,
                                   counts.get(r["id"], 0), {r["name"]})
    for r in store.query("SELECT entity_id, alias FROM aliases"):
        e = entities.get(r[0])
        if e is not None:
            e.aliases.add(r[1])
    return System(docs, unit_doc, dict(mentions), entities)


# -- locating gold mentions -------------------------------------------------------------------------
def _nearest(haystack: str, needle: str, around: int, window: int | None = None) -> int | None:
    best = None
    for m in re.finditer(re.escape(needle), haystack):
        if window is not None and abs(m.start() - around) > window:
            continue
        if best is None or abs(m.start() - around) < abs(best - around):
            best = m.start()
    return best


def _raw_to_clean(doc: Doc, raw_start: int, length: int) -> int | None:
    for clean_start, seg_raw, seg_len in doc.segments:
        if seg_raw is not None and seg_raw <= raw_start and raw_start + length <= seg_raw + seg_len:
            return clean_start + raw_start - seg_raw
    return None


def locate(doc: Doc, field_name: str, start: int, end: int, text: str) -> tuple[int | None, str]:
    """(start in the cleaned text, how) of a gold mention; None with the reason when it cannot be placed."""
    if not text:
        return None, "empty text"
    if field_name == "title":
        title = doc.title or ""
        if title[start:end] != text:
            s = _nearest(title, text, start)
            if s is None:
                return None, "text not in the title"
            start = s
        p = doc.text.find(title) if title else -1
        if p >= 0:
            return p + start, "title in text"
        return None, "title not in the cleaned text"
    raw = doc.raw
    how = "offset"
    if raw[start:start + len(text)] != text:
        s = _nearest(raw, text, start, window=200)
        if s is None:
            return None, "text not in the article"
        start, how = s, "nearby"
    if any(seg_raw is not None for _, seg_raw, _ in doc.segments):
        c = _raw_to_clean(doc, start, len(text))
        if c is not None and doc.text[c:c + len(text)] == text:
            return c, how
        if c is None and not any(seg_raw is None for _, seg_raw, _ in doc.segments):
            return None, "removed by the cleaner"
    # no usable segment map: the same occurrence of the string, counted from the start
    ordinal = sum(1 for m in re.finditer(re.escape(text), raw) if m.start() < start)
    found = [m.start() for m in re.finditer(re.escape(text), doc.text)]
    if ordinal < len(found):
        return found[ordinal], "ordinal"
    if found:
        return found[-1], "ordinal (last)"
    return None, "not in the cleaned text"


def system_mention(mentions: list[tuple[int, int, str | None]], start: int, end: int) -> tuple[int, int, str | None] | None:
    """The system mention that covers [start, end) (the shortest), else the one overlapping at least half of it."""
    covering = [m for m in mentions if m[0] <= start and m[1] >= end]
    if covering:
        return min(covering, key=lambda m: (m[2] is None, m[1] - m[0]))
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(m[1], end) - max(m[0], start)
        if overlap * 2 >= end - start and overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


# -- names ----------------------------------------------------------------------------------------
def norm_name(name: str) -> str:
    s = (name or "").casefold()
    s = re.sub(r"[\u2010-\u2015\-_]", " ", s)
    s = re.sub(r"[\u2018\u2019'`\".,]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


_URL = re.compile(r"(https?:|www\.|\.(com|org|net|gov|info|co\.uk)\b|\burl\b)", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"^[@#]\w+")


def auto_junk(name: str) -> str | None:
    """Why a name is junk on its face, or None."""
    n = (name or "").strip()
    if _EMAIL.search(n):
        return "e-mail"
    if _URL.search(n):
        return "url"
    if _HANDLE.match(n):
        return "handle"
    if not re.search(r"[^\W\d_]", n):
        return "no letters"
    words = n.split()
    if len(words) == 1 and n == n.lower():
        return "one lowercase word"
    if len(words) > 6:
        return "long"
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def coordinates(meta: dict[str, Any]) -> tuple[float, float] | None:
    """An entity's coordinates from its meta: gazetteer link, else approximate position, else top level."""
    for key in ("gazetteer", "approximate_position", "country", None):
        src = meta.get(key) if key else meta
        if isinstance(src, dict):
            lat, lon = src.get("latitude", src.get("lat")), src.get("longitude", src.get("lon"))
            if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
                return float(lat), float(lon)
    return None


_TYPE = {"GPE": "LOC", "FAC": "LOC", "NORP": "ORG"}


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


# -- scoring --------------------------------------------------------------------------------------
def _actor_label(actor: dict[str, Any]) -> str:
    names = actor.get("display_names") or actor.get("forms") or [""]
    return f"{actor['id']} {names[0]}"


def score(gold: dict[str, Any], system: System, resolve_seconds: float | None = None) -> dict[str, Any]:
    actors = gold.get("actors") or []
    # every gold mention, placed and matched once
    resolved: dict[str, list[dict[str, Any]]] = {}
    for actor in actors:
        rows = []
        for gm in actor.get("mentions") or []:
            row = {"doc": str(gm.get("doc")), "status": "found", "entity": None, "how": ""}
            doc_id = system.unit_doc.get(row["doc"])
            doc = system.docs.get(doc_id) if doc_id else None
            if doc is None:
                row["status"], row["how"] = "unlocated", "document not in the store"
            else:
                text = gm.get("text") or ""
                start = int(gm.get("start") or 0)
                end = int(gm.get("end") or start + len(text))
                pos, how = locate(doc, gm.get("field") or "content", start, end, text)
                row["how"] = how
                if pos is None:
                    row["status"] = "unlocated"
                else:
                    m = system_mention(system.mentions.get(doc.id, []), pos, pos + len(text))
                    if m is None:
                        row["status"] = "missed"
                    else:
                        row["entity"] = m[2]
            rows.append(row)
        resolved[actor["id"]] = rows
    main: dict[str, str | None] = {}
    for actor in actors:
        c = Counter(r["entity"] for r in resolved[actor["id"]] if r["entity"])
        main[actor["id"]] = (max(c, key=lambda e: (c[e], system.entities[e].documents if e in system.entities else 0))
                             if c else None)
    figures = {split: _score_split(gold, system, [a for a in actors if split == "all" or a.get("split") == split],
                                   resolved, main, split) for split in SPLITS}
    return {"splits": figures, "store": _store_figures(gold, system, main, resolve_seconds)}


def _score_split(gold, system: System, actors, resolved, main, split) -> dict[str, Any]:
    ents = system.entities

    def ename(eid: str | None) -> str:
        return ents[eid].name if eid in ents else str(eid)

    out: dict[str, Any] = {"actors": len(actors)}
    rows = [r for a in actors for r in resolved[a["id"]]]
    n = len(rows)
    found = [r for r in rows if r["status"] == "found"]
    out["gold_mentions"] = n
    out["unlocated"] = sum(r["status"] == "unlocated" for r in rows)
    out["unlocated_reasons"] = dict(Counter(r["how"] for r in rows if r["status"] == "unlocated").most_common())
    out["missed"] = sum(r["status"] == "missed" for r in rows)
    out["found"] = len(found)
    out["found_share"] = _ratio(len(found), n)
    out["found_of_located"] = _ratio(len(found), n - out["unlocated"])
    out["unresolved_found"] = sum(r["entity"] is None for r in found)
    on_main = sum(1 for a in actors for r in resolved[a["id"]] if r["entity"] and r["entity"] == main[a["id"]])
    out["main_entity_share"] = _ratio(on_main, n)
    # false merges
    holders: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        for r in resolved[a["id"]]:
            if r["entity"]:
                holders[r["entity"]].add(a["id"])
    label = {a["id"]: _actor_label(a) for a in actors}
    merges = sorted(((eid, ids) for eid, ids in holders.items() if len(ids) > 1), key=lambda x: (-len(x[1]), x[0]))
    out["false_merges"] = len(merges)
    out["false_merge_actors"] = sum(len(ids) for _, ids in merges)
    out["false_merge_list"] = [{"entity": eid, "name": ename(eid), "actors": [label[i] for i in sorted(ids)]}
                               for eid, ids in merges]
    # never-merge pairs
    all_actors = {a["id"]: a for a in gold.get("actors") or []}

    def side(s) -> tuple[str, set[str]]:
        if isinstance(s, dict) and "name" in s:
            key = norm_name(s["name"])
            return s["name"], {e.id for e in ents.values() if any(norm_name(x) == key for x in e.aliases)}
        aid = s.get("id") if isinstance(s, dict) else s
        who = all_actors.get(aid)
        return (_actor_label(who) if who else str(aid)), {r["entity"] for r in resolved.get(aid, []) if r["entity"]}

    pairs = [p for p in gold.get("never_merge") or [] if split == "all" or p.get("split") == split]
    violated = []
    for p in pairs:
        (la, ea), (lb, eb) = side(p.get("a")), side(p.get("b"))
        both = sorted(ea & eb)
        if both:
            violated.append({"a": la, "b": lb, "entities": [ename(e) for e in both], "why": p.get("why", "")})
    out["never_merge_pairs"] = len(pairs)
    out["never_merge_violated"] = len(violated)
    out["never_merge_list"] = violated
    # fragmentation
    frag = []
    for a in actors:
        es = Counter(r["entity"] for r in resolved[a["id"]] if r["entity"])
        if es:
            frag.append((len(es), a, es))
    out["fragmentation"] = round(sum(k for k, _, _ in frag) / len(frag), 3) if frag else None
    out["fragmented_actors"] = sum(k > 1 for k, _, _ in frag)
    out["worst_fragmented"] = [{"actor": label[a["id"]], "entities": k,
                                "names": [f"{ename(e)} ({c})" for e, c in es.most_common(6)]}
                               for k, a, es in sorted(frag, key=lambda x: (-x[0], x[1]["id"]))[:40] if k > 1]
    # types and display names of the main entities
    with_main = [a for a in actors if main[a["id"]] in ents]
    typed = [a for a in with_main if a.get("type")]
    right_type = [a for a in typed if _TYPE.get(ents[main[a["id"]]].type, ents[main[a["id"]]].type) == a["type"]]
    out["with_main_entity"] = len(with_main)
    out["type_accuracy"] = _ratio(len(right_type), len(typed))
    out["wrong_type"] = [{"actor": label[a["id"]], "gold": a["type"], "system": ents[main[a["id"]]].type,
                          "entity": ents[main[a["id"]]].name} for a in typed if a not in right_type]
    named = [a for a in with_main if a.get("display_names")]
    good = [a for a in named
            if norm_name(ents[main[a["id"]]].name) in {norm_name(x) for x in a["display_names"]}]
    out["display_name_accuracy"] = _ratio(len(good), len(named))
    out["wrong_display_name"] = [{"actor": label[a["id"]], "system": ents[main[a["id"]]].name}
                                 for a in named if a not in good]
    # geocoding
    places = [a for a in actors if isinstance(a.get("location"), dict) and "lat" in a["location"]]
    dists, no_coords, far = [], 0, []
    for a in places:
        e = ents.get(main[a["id"]]) if main[a["id"]] else None
        xy = coordinates(e.meta) if e else None
        if xy is None:
            no_coords += 1
            continue
        country = e.meta.get("country") if isinstance(e.meta.get("country"), dict) else None
        if a.get("kind") == "country" and country:
            # a country is placed right when it is linked to that country: its point (a capital
            # or a centroid) is a convention, hundreds of kilometres either way
            right = norm_name(str(country.get("name", ""))) in {norm_name(x) for x in a["display_names"] + a.get("forms", [])}
            dists.append(0.0 if right else _WRONG_COUNTRY_KM)
            if not right:
                far.append({"actor": label[a["id"]], "entity": e.name, "km": _WRONG_COUNTRY_KM})
            continue
        d = haversine_km(xy[0], xy[1], float(a["location"]["lat"]), float(a["location"]["lon"]))
        dists.append(d)
        if d > NEAR_KM:
            far.append({"actor": label[a["id"]], "entity": e.name, "km": round(d, 1)})
    out["places"] = len(places)
    out["geo_within_161km"] = _ratio(sum(d <= NEAR_KM for d in dists), len(places))
    out["geo_no_coordinates"] = _ratio(no_coords, len(places))
    out["geo_median_km"] = round(sorted(dists)[len(dists) // 2], 1) if dists else None
    out["geo_far"] = sorted(far, key=lambda x: -x["km"])
    # story pairs
    sp = [p for p in gold.get("story_pairs") or [] if split == "all" or p.get("split") == split]
    right = unplaced = 0
    wrong = []
    for p in sp:
        da, db = system.unit_doc.get(str(p["a"])), system.unit_doc.get(str(p["b"]))
        if da not in system.docs or db not in system.docs:
            unplaced += 1
            continue
        same = da == db or (system.docs[da].story is not None and system.docs[da].story == system.docs[db].story)
        if same == bool(p.get("same")):
            right += 1
        else:
            wrong.append({"a": str(p["a"]), "b": str(p["b"]), "gold_same": bool(p.get("same"))})
    out["story_pairs"] = len(sp)
    out["story_pairs_unplaced"] = unplaced
    out["story_pair_accuracy"] = _ratio(right, len(sp) - unplaced)
    out["story_pairs_wrong"] = wrong
    return out


def _store_figures(gold, system: System, main, resolve_seconds) -> dict[str, Any]:
    ents = system.entities
    out: dict[str, Any] = {"documents": len(system.docs), "entities": len(ents),
                           "singletons": sum(e.mentions <= 1 for e in ents.values()),
                           "resolve_seconds": round(resolve_seconds, 2) if resolve_seconds is not None else None}
    judged = {}
    for j in gold.get("judgements") or []:
        if isinstance(j, dict) and j.get("name"):
            judged[norm_name(j["name"])] = bool(j.get("junk"))
    covered_names = {norm_name(x) for a in gold.get("actors") or [] for x in (a.get("forms") or []) + (a.get("display_names") or [])}
    mains = {e for e in main.values() if e}
    top = sorted(ents.values(), key=lambda e: (-e.mentions, e.name))[:TOP_JUNK]
    junk, unjudged = [], []
    for e in top:
        key = norm_name(e.name)
        why = "judged junk" if judged.get(key) else (None if key in judged else auto_junk(e.name))
        if why:
            junk.append({"name": e.name, "mentions": e.mentions, "why": why})
        elif key not in judged and e.id not in mains and key not in covered_names:
            unjudged.append({"name": e.name, "type": e.type, "mentions": e.mentions})
    out["top_entities"] = len(top)
    out["junk_in_top"] = len(junk)
    out["junk_share_top"] = _ratio(len(junk), len(top))
    out["junk_list"] = junk
    out["unjudged_in_top"] = len(unjudged)
    out["unjudged_list"] = unjudged
    return out


def story_groups(system: System, top: int = 10) -> list[dict[str, Any]]:
    groups: dict[str, list[Doc]] = defaultdict(list)
    for d in system.docs.values():
        if d.story:
            groups[d.story].append(d)
    out = []
    for sid, docs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        if len(docs) < 2:
            break
        out.append({"story": sid, "size": len(docs), "publishers": sorted({d.publisher or "?" for d in docs}),
                    "dates": sorted({d.published or "?" for d in docs}),
                    "titles": sorted({(d.title or "")[:60] for d in docs})})
    return out


# -- printing -------------------------------------------------------------------------------------
_ROWS = [
    ("actors", "gold actors"), ("gold_mentions", "gold mentions"), ("unlocated", "  not located in the text"),
    ("missed", "  located, no system mention"), ("found_share", "completeness: found as mentions"),
    ("main_entity_share", "completeness: on the actor's main entity"), ("false_merges", "false merges (entities)"),
    ("false_merge_actors", "  actors in them"), ("never_merge_violated", "never-merge pairs violated"),
    ("never_merge_pairs", "  pairs checked"), ("fragmentation", "fragmentation (entities per actor)"),
    ("fragmented_actors", "  actors in >1 entity"), ("type_accuracy", "type accuracy"),
    ("display_name_accuracy", "display name accuracy"), ("places", "gold places"),
    ("geo_within_161km", "  within 161 km"), ("geo_no_coordinates", "  no coordinates"),
    ("geo_median_km", "  median distance km"), ("story_pair_accuracy", "story-pair accuracy"),
    ("story_pairs", "  pairs"),
]


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def report(result: dict[str, Any], groups: list[dict[str, Any]] | None = None, out=None, errors: str = "dev") -> None:
    """The figures of every split, then the errors of the split ``errors`` only: listing the test
    part's errors would invite tuning on it."""
    out = out or sys.stdout
    sp = result["splits"]
    w = max(len(label) for _, label in _ROWS) + 2
    print(f"{'':<{w}}{'dev':>10}{'test':>10}{'all':>10}", file=out)
    for key, label in _ROWS:
        print(f"{label:<{w}}" + "".join(f"{_fmt(sp[s].get(key)):>10}" for s in SPLITS), file=out)
    st = result["store"]
    print(f"\nstore: {st['documents']} documents, {st['entities']} entities, {st['singletons']} singletons "
          f"(one mention), resolution {_fmt(st['resolve_seconds'])} s", file=out)
    a = sp[errors]
    print(f"\nerrors listed below: the {errors} part", file=out)
    if a["false_merge_list"]:
        print("\nfalse merges (system entity: gold actors)", file=out)
        for m in a["false_merge_list"]:
            print(f"  {m['name']}: {'; '.join(m['actors'])}", file=out)
    if a["never_merge_list"]:
        print("\nnever-merge pairs violated", file=out)
        for v in a["never_merge_list"]:
            print(f"  {v['a']} + {v['b']} in {', '.join(v['entities'])}" + (f"  ({v['why']})" if v["why"] else ""), file=out)
    if a["worst_fragmented"]:
        print("\nmost fragmented actors", file=out)
        for f in a["worst_fragmented"]:
            print(f"  {f['actor']}: {f['entities']} entities: {', '.join(f['names'])}", file=out)
    for key, title in (("wrong_type", "wrong types"), ("wrong_display_name", "display names not accepted"),
                       ("geo_far", "places more than 161 km off")):
        if a[key]:
            print(f"\n{title}", file=out)
            for x in a[key]:
                print("  " + ", ".join(f"{k}={v}" for k, v in x.items()), file=out)
    print(f"\njunk among the {st['top_entities']} most mentioned entities: {st['junk_in_top']}", file=out)
    for j in st["junk_list"]:
        print(f"  {j['name']!r} ({j['mentions']} mentions): {j['why']}", file=out)
    if st["unjudged_list"]:
        print(f"unjudged ({st['unjudged_in_top']}; not a gold actor, not in 'judgements'): "
              + ", ".join(f"{u['name']} [{u['type']} {u['mentions']}]" for u in st["unjudged_list"]), file=out)
    if groups:
        print("\nlargest story groups", file=out)
        for g in groups:
            print(f"  {g['size']:>3} docs  {', '.join(g['publishers'])}  {', '.join(g['dates'][:4])}"
                  + (" ..." if len(g["dates"]) > 4 else ""), file=out)
            for t in g["titles"][:4]:
                print(f"        {t}", file=out)


def flatten(result: dict[str, Any]) -> dict[str, float]:
    """The numeric figures of a result as "split.figure" -> value."""
    flat: dict[str, float] = {}
    for split, figs in result.get("splits", {}).items():
        for k, v in figs.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                flat[f"{split}.{k}"] = v
    for k, v in result.get("store", {}).items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            flat[f"store.{k}"] = v
    return flat


def compare(old: dict[str, Any], new: dict[str, Any], out=None) -> None:
    out = out or sys.stdout
    a, b = flatten(old), flatten(new)
    keys = [k for k in b if k in a] + [k for k in b if k not in a] + [k for k in a if k not in b]
    w = max((len(k) for k in keys), default=10) + 2
    for k in keys:
        o, n = a.get(k), b.get(k)
        delta = f"  ({n - o:+.4g})" if o is not None and n is not None and n != o else ""
        print(f"{k:<{w}}{_fmt(o):>10} → {_fmt(n):<10}{delta}", file=out)


# -- command line ---------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="folder for fakes.jsonl and fakes.db")
    ap.add_argument("--db", type=Path, help="score this existing store instead of ingesting")
    ap.add_argument("--resolve", action="store_true", help="with --db: re-run the resolution on it first (timed)")
    ap.add_argument("--fresh", action="store_true", help="rebuild the work store from scratch")
    ap.add_argument("--limit", type=int, help="only the first N articles of the CSV")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write every figure to this JSON file")
    ap.add_argument("--compare", type=Path, help="a JSON file of an earlier run: print old -> new")
    ap.add_argument("--errors", choices=SPLITS, default="dev",
                    help="list the errors of this part only (default dev: the test part is for scoring, not tuning)")
    args = ap.parse_args(argv)

    from newsgraph import pipeline
    from newsgraph.store import Store

    csv_rows = read_csv(args.csv, args.limit) if args.csv.exists() else None
    resolve_seconds = None
    if args.db:
        if not args.db.exists():
            print(f"no store at {args.db}", file=sys.stderr)
            return 2
        store = Store(args.db)
        if args.resolve:
            mark = time.perf_counter()
            pipeline.resolve_corpus(store, pipeline.IngestReport())
            resolve_seconds = time.perf_counter() - mark
    else:
        if csv_rows is None:
            print(f"corpus not found: {args.csv}", file=sys.stderr)
            return 2
        jsonl, db = args.work / "fakes.jsonl", args.work / "fakes.db"
        n = convert(args.csv, jsonl, args.limit)
        if args.fresh:
            for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                p.unlink(missing_ok=True)
        print(f"{n} articles -> {jsonl}; ingesting into {db}{' (reused)' if db.exists() else ''} ...", flush=True)
        store = Store(db)
        r = pipeline.ingest(store, [jsonl], workers=args.workers)
        resolve_seconds = r.timings.get("resolution")
        print(f"ingest {r.seconds:.1f} s: {r.added} added, {r.already_stored} already stored, {r.duplicates} duplicates"
              + (f", {len(r.problems)} problems" if r.problems else "")
              + (f", NLP: {r.nlp_skipped}" if r.nlp_skipped else ""), flush=True)
    try:
        system = load_system(store, csv_rows)
    finally:
        store.close()
    if args.gold.exists():
        try:
            gold = json.loads(args.gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"cannot read the gold file {args.gold}: {exc}", file=sys.stderr)
            return 2
    else:
        print(f"gold file {args.gold} not found: only the store-wide figures are meaningful")
        gold = {}
    result = score(gold, system, resolve_seconds)
    result["gold"] = str(args.gold)
    result["store_path"] = str(args.db or args.work / "fakes.db")
    print()
    report(result, story_groups(system), errors=args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    if args.compare:
        try:
            old = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"cannot read {args.compare}: {exc}", file=sys.stderr)
            return 2
        print(f"\n{args.compare} → this run")
        compare(old, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
