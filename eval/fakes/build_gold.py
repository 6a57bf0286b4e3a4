"""Build eval/fakes/entities.json from the hand-verified spec_*.py files (annotator's tool; needs the CSV only
for computing nothing -- offsets and texts come from the specs; run check_gold.py afterwards)."""
import json, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from spec_persons import PERSONS
from spec_orgs import ORGS
from spec_places import PLACES
from spec_pairs import NEVER_MERGE, STORY_PAIRS, JUDGEMENTS, NOT_JUNK
import split

KEYS = ["id", "batch", "split", "type", "kind", "display_names", "forms", "mentions", "location"]


def mention(ref):
    doc, rest = ref.split("@", 1)
    start, text = rest.split("|", 1)
    field = "content"
    if doc.startswith("T:"):
        doc, field = doc[2:], "title"
    start = int(start)
    return {"doc": doc, "field": field, "start": start, "end": start + len(text), "text": text}


actors = []
for typ, specs in (("PERSON", PERSONS), ("ORG", ORGS), ("LOC", PLACES)):
    for s in specs:
        a = dict(s, type=typ, split=None)
        a["mentions"] = [mention(m) for m in s["mentions"]]
        actors.append({k: a[k] for k in KEYS if k in a})

gold = {
    "corpus": "FA-KES", "csv": "FA-KES-Dataset.csv", "doc_key": "unit_id",
    "offsets": "character offsets into the decoded (latin-1) article_content field, or article_title when field is 'title'",
    "actors": actors,
    "never_merge": [dict(a=p[0], b=p[1], split=None, why=p[2], **({"batch": p[3]} if len(p) > 3 else {}))
                    for p in NEVER_MERGE],
    "story_pairs": [dict(a=p[0], b=p[1], same=p[2], split=None) for p in STORY_PAIRS],
    "judgements": [{"name": n, "junk": True} for n in JUDGEMENTS] + [{"name": n, "junk": False} for n in NOT_JUNK],
}
split.assign(gold)
out = pathlib.Path(__file__).with_name("entities.json")
out.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("wrote", out, len(actors), "actors")
