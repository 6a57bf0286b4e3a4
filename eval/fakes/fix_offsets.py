"""Annotation helper: report (and with --write, correct) spec mentions whose offset does not match the text.
Only corrects when the exact text occurs within +-60 chars of the annotated offset (the occurrence that was read)."""
import csv, re, sys, pathlib
CSV = "/work/shared/corpus/fakes-syria-war-news/FA-KES-Dataset.csv"
rows = {r["unit_id"]: r for r in csv.DictReader(open(CSV, encoding="latin-1"))}
here = pathlib.Path(__file__).parent
for f in sorted(here.glob("spec_*.py")):
    src = f.read_text()
    def fix(m):
        ref = m.group(1); doc, rest = ref.split("@", 1); s, text = rest.split("|", 1)
        field = "article_content"
        if doc.startswith("T:"): doc = doc[2:]; field = "article_title"
        s = int(s); t = rows[doc][field]
        if t[s:s + len(text)] == text: return m.group(0)
        cands = [i.start() for i in re.finditer(re.escape(text), t) if abs(i.start() - s) <= 60]
        if cands:
            best = min(cands, key=lambda i: abs(i - s))
            print(f"{f.name}: {ref} -> {best}")
            return m.group(0).replace(f"@{s}|", f"@{best}|")
        print(f"{f.name}: {ref} NOT FOUND nearby; context: {t[max(0,s-60):s+60]!r}")
        return m.group(0)
    new = re.sub(r'"((?:T:)?\d+@\d+\|[^"]+)"', fix, src)
    if "--write" in sys.argv and new != src: f.write_text(new)
