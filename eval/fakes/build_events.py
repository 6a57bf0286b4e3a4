"""Build eval/fakes/events.json from the hand annotation in spec_events.py and the article choice of
events_select.py (annotator's tool). With the CSV at hand every span is checked against its article (inside the
content, not blank, trimmed) and its text's hash is stored, so a later check can tell a shifted offset without
keeping the text.

Run: python eval/fakes/build_events.py [CSV]
"""
import hashlib, json, re, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from events_select import DEFAULT_CSV, MAX_CHARS, N, N_TEST, SEED, choose, read_rows
from spec_events import CONTRADICTION_AUDIT, DOCS

SUB_EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
EVENT_TYPE_OF = {sub: typ for typ, subs in SUB_EVENT_TYPES.items() for sub in subs}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def alts(value):
    return None if value is None else [v.strip() for v in str(value).split("|")]


def span(text, where):
    s, e = (int(x) for x in text.split("-"))
    if not 0 <= s < e:
        raise ValueError(f"{where}: bad span {text}")
    return [s, e]


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def build(rows=None):
    choice = {d["doc"]: d for d in choose(rows)} if rows is not None else None
    content = {r["unit_id"].strip(): r["article_content"] for r in rows} if rows is not None else {}
    docs, seen = [], set()
    for d in DOCS:
        uid = d["doc"]
        if uid in seen:
            raise ValueError(f"{uid}: annotated twice")
        seen.add(uid)
        if choice is not None and uid not in choice:
            raise ValueError(f"{uid}: not among the chosen articles")
        text = content.get(uid)

        def checked(sp, where):
            if text is not None:
                s, e = sp
                if e > len(text) or not text[s:e].strip() or text[s:e] != text[s:e].strip():
                    raise ValueError(f"{where}: span {s}-{e} is outside the article, blank or untrimmed")
            return sp

        events = []
        for i, ev in enumerate(d["events"]):
            where = f"{uid} event {i}"
            plover = alts(ev["plover"])
            if not set(plover) <= PLOVER:
                raise ValueError(f"{where}: unknown PLOVER category {ev['plover']}")
            subs = alts(ev["sub"])
            if subs and not all(s in EVENT_TYPE_OF for s in subs):
                raise ValueError(f"{where}: unknown ACLED sub-event type {ev['sub']}")
            dates = alts(ev["date"])
            if dates and not all(_DATE.fullmatch(x) for x in dates):
                raise ValueError(f"{where}: date not ISO: {ev['date']}")
            fat = ev["fat"]
            fats = None if fat is None else sorted(set(fat if isinstance(fat, list) else [fat]))
            sp = checked(span(ev["span"], where), where)
            rec = {
                "id": f"{uid}-e{i + 1:02d}", "span": sp,
                "also": [checked(span(a, where), where) for a in ev["also"]],
                "plover": plover,
                "acled_event_type": sorted({EVENT_TYPE_OF[s] for s in subs}) if subs else None,
                "sub_event_type": subs,
                "actor1": alts(ev["a1"]), "actor2": alts(ev["a2"]), "place": alts(ev["place"]),
                "country": ev["country"], "admin1": ev["admin1"],
                "date": dates, "date_precision": _PRECISION[len(dates[0])] if dates else None,
                "fatalities": fats,
            }
            if ev["key"]:
                rec["key"] = ev["key"]
            if ev["note"]:
                rec["note"] = ev["note"]
            if text is not None:
                rec["span_sha1"] = sha(text[sp[0]:sp[1]])
            events.append(rec)
        not_events = []
        for ne in d["not_events"]:
            sp_text, why = ne.split(":", 1)
            not_events.append({"span": checked(span(sp_text, uid), uid), "why": why.strip()})
        docs.append({"doc": uid, "source": choice[uid]["source"] if choice else None,
                     "split": choice[uid]["split"] if choice else None,
                     "article_date": d["article_date"], "events": events, "not_events": not_events})
    if choice is not None and set(choice) != seen:
        raise ValueError(f"chosen articles not annotated: {sorted(set(choice) - seen)}")
    audit = []
    for i, a in enumerate(CONTRADICTION_AUDIT):
        reports = []
        for ref in a["reports"]:
            uid, sp_text = ref.split("@")
            sp = span(sp_text, f"audit {i}")
            if content and (uid not in content or sp[1] > len(content[uid])):
                raise ValueError(f"audit {i}: {ref} is not in the corpus")
            reports.append({"doc": uid, "start": sp[0], "end": sp[1]})
        audit.append({"reports": reports, "same": a["same"], **({"note": a["note"]} if a["note"] else {})})
    return {
        "corpus": "FA-KES", "csv": "FA-KES-Dataset.csv", "doc_key": "unit_id",
        "offsets": "character offsets [start, end) into the decoded (latin-1) article_content field, which is the raw "
                   "text newsgraph stores for the document; the scorer maps them to the cleaned text through the stored segments",
        "selection": {"script": "eval/fakes/events_select.py", "seed": SEED, "articles": N, "test": N_TEST, "max_chars": MAX_CHARS},
        "acled_sub_event_types": SUB_EVENT_TYPES,
        "documents": sorted(docs, key=lambda x: (x["split"] or "", x["doc"])),
        "contradiction_audit": audit,
    }


if __name__ == "__main__":
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    gold = build(read_rows(csv_path) if csv_path.exists() else None)
    out = Path(__file__).with_name("events.json")
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(d["events"]) for d in gold["documents"])
    print(f"wrote {out}: {len(gold['documents'])} articles, {n} events")
