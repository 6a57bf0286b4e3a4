"""Annotator's viewer for the events gold: prints chosen FA-KES articles on screen, one sentence a line
with its character offsets into the article_content field (nothing is written to disk).

Run: python eval/fakes/events_view.py UNIT_ID [UNIT_ID ...]
"""
import re, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from events_select import DEFAULT_CSV, read_rows

# a sentence ends at . ! ? (optionally followed by a quote or bracket) before whitespace, or at a line break
_END = re.compile(r"(?<=[.!?])['\")\u201d\u2019]?\s+|\n+")


def sentences(text):
    start = 0
    for m in _END.finditer(text):
        end = m.start() if text[m.start()] in "\n " else m.end()
        seg = text[start:m.start() + (len(m.group(0).rstrip()) if m.group(0).strip() else 0)]
        s = start + len(seg) - len(seg.lstrip())
        e = start + len(seg.rstrip())
        if e > s:
            yield s, e
        start = m.end()
    if text[start:].strip():
        s = start + len(text[start:]) - len(text[start:].lstrip())
        yield s, len(text.rstrip())


if __name__ == "__main__":
    rows = {r["unit_id"].strip(): r for r in read_rows(DEFAULT_CSV)}
    for uid in sys.argv[1:]:
        r = rows[uid]
        print(f"=== {uid}  {r['source']}  {r['date']}  TITLE: {r['article_title']}")
        t = r["article_content"]
        for s, e in sentences(t):
            print(f"[{s}-{e}] {t[s:e]}")
        print()
