"""Labelled sentences for the event typer, read in place from ../shared/data.

* PLOVER gold-standard records (plover-gsr-cameo): 322 sentences, split train/dev/test by a hash of
  their id (:func:`part`), written to ``eval/event_typer/gsr_split.json`` so the evaluation reports
  the parts separately.
* NGEC synthetic stories (ngec-plover-synthetic, GPT-2 text, weak labels from the prompting
  headline): the headline and the first sentence of each story, read from the zip member in place.
  Its ASSAULT stories with aerial, drone or heavy-weapons modes are FIGHT in our scheme (EVENTS.md).
* GMB news sentences labelled by us (``eval/event_typer/gmb_events.tsv`` and ``gmb_events_2.tsv``), split
  like the GSR; sentences labelled ``-`` (no event) are left out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# GSR / NGEC mode spellings -> EVENTS.md names
MODE_ALIASES = {
    "strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot", "demo-org": "demo",
    "demo-spon": "demo", "assassinate": "targeted", "detain": "arrest", "confiscate": "seize",
    "sieze": "seize", "primative": "primitive", "other": "", "none": "",
}
_FIGHT_MODES = {"aerial", "drone", "heavy-weapons"}
_SENT_END = re.compile(r"(?<=[a-z0-9\"'”)][.!?])\s+(?=[A-Z\"“])")


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    mode: str
    source: str  # gsr / ngec / gmb
    part: str  # train / dev / test
    ident: str


def part(ident: str, salt: str = "event-typer-1") -> str:
    """A fixed split: half train, a quarter dev, a quarter test, by a hash of the record's id."""
    b = int(hashlib.sha1(f"{salt}:{ident}".encode()).hexdigest(), 16) % 4
    return "train" if b < 2 else ("dev" if b == 2 else "test")


def norm_mode(mode: str | None) -> str:
    m = (mode or "").strip().lower()
    return MODE_ALIASES.get(m, m)


def gsr(data: Path) -> list[Example]:
    path = data / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt"
    out = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        cat, text = r.get("event"), r.get("text")
        if not cat or not text or cat == "DOCUMENT":
            continue
        out.append(Example(text, GOLD_ALIASES.get(cat, cat), norm_mode(r.get("mode")), "gsr", part(r["id"]), r["id"]))
    return out


def ngec(data: Path, sentences: int = 1) -> list[Example]:
    """Headline + the first ``sentences`` sentences of each synthetic story, with its intended label."""
    path = data / "ngec-plover-synthetic" / "setup" / "train_classifiers" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    out = []
    with zipfile.ZipFile(path) as z:
        member = z.namelist()[0]
        with z.open(member) as f:
            for k, r in enumerate(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))):
                cat, mode = r["label"].strip(), norm_mode(r["mode"])
                if cat == "ASSAULT" and mode in _FIGHT_MODES:
                    cat = "FIGHT"
                headline = r["prompt"].split("\n")[0].strip()
                if headline:
                    out.append(Example(headline, cat, mode, "ngec", "train", f"ngec:{k}:h"))
                body = " ".join(r["text"].split())
                for n, s in enumerate(_SENT_END.split(body)[:sentences]):
                    if len(s.split()) >= 5:
                        out.append(Example(s, cat, mode, "ngec", "train", f"ngec:{k}:{n}"))
    return out


def gmb_sentences(data: Path) -> dict[int, str]:
    path = data / "gmb-ner-dataset-partial" / "ner_dataset.partial.csv"
    out: dict[int, list[str]] = {}
    cur = None
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row[0].startswith("Sentence:"):
                cur = int(row[0].split(":")[1])
                out[cur] = []
            if cur is not None:
                out[cur].append(row[1])
    return {n: _detok(" ".join(ws)) for n, ws in out.items()}


def _detok(s: str) -> str:
    s = re.sub(r" ([,.;:!?%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    return s.replace(" 's", "'s").replace(" n't", "n't")


GMB_LABELS = (ROOT / "eval" / "event_typer" / "gmb_events.tsv", ROOT / "eval" / "event_typer" / "gmb_events_2.tsv")
NO_EVENT = "-"


def gmb(data: Path, labels: tuple[Path, ...] = GMB_LABELS) -> list[Example]:
    """Our labelled GMB sentences; those labelled ``-`` (no event) are left out."""
    sents = gmb_sentences(data)
    out = []
    seen: set[int] = set()
    for path in labels:
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#") or line.startswith("gmb_sentence"):
                continue
            cols = line.split("\t")
            n = int(cols[0])
            if n not in sents:
                raise ValueError(f"{path}, line {k}: GMB sentence {n} is not in the partial GMB file")
            if n in seen:
                raise ValueError(f"{path}, line {k}: GMB sentence {n} is labelled twice")
            seen.add(n)
            if cols[1] == NO_EVENT:
                continue
            ident = f"gmb:{n}"
            out.append(Example(sents[n], cols[1], norm_mode(cols[2] if len(cols) > 2 else ""), "gmb", part(ident), ident))
    return out


def write_gsr_split(examples: list[Example], path: Path = ROOT / "eval" / "event_typer" / "gsr_split.json") -> None:
    split = {e.ident: e.part for e in examples if e.source == "gsr"}
    path.write_text(json.dumps(split, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def cameo_to_plover(data: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (category, mode) from the PLOVER manual's table; CAMEO 19 (conventional military
    force) is FIGHT in our scheme where the table says ASSAULT."""
    out = {}
    for line in (data / "plover-gsr-cameo" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([a-z-]*))?", line)
        if not m:
            continue
        code, cat, mode = m.group(1), GOLD_ALIASES.get(m.group(2), m.group(2)), norm_mode(m.group(3))
        if cat == "ASSAULT" and code.startswith("19"):
            cat = "FIGHT"
        out[code] = (cat, mode)
    return out


def petrarch(data: Path) -> list[Example]:
    """Verb phrases of the PETRARCH2 CAMEO verb dictionary (MIT) as short labelled examples: each
    pattern ("- * SANCTIONS [163] # ADD") becomes the words "add sanctions" with the PLOVER category
    of its CAMEO code. Synset references (&WEAPON) take the synset's first member."""
    table = cameo_to_plover(data)
    text = (data / "petrarch2-cameo-dictionaries" / "dictionaries" / "CAMEO.2.0.txt").read_text(encoding="utf-8",
                                                                                                errors="replace")
    synsets: dict[str, str] = {}
    cur = None
    for line in text.splitlines():
        if line.startswith("&"):
            cur = line.split()[0]
        elif line.startswith("+") and cur and cur not in synsets:
            synsets[cur] = line[1:].split("#")[0].strip().rstrip("_").replace("_", " ").lower()
        elif not line.strip():
            cur = None
    out = []
    head = None
    for k, line in enumerate(text.splitlines()):
        m = re.match(r"^---\s+(\S+)\s+\[", line)
        if m:
            head = m.group(1).lower()
            continue
        m = re.match(r"^-\s+(.*?)\s*\[([0-9A-Z:]+)\]\s*(?:#\s*(\S+))?", line)
        if not m or head is None:
            continue
        code = re.sub(r"[A-Z]", "", m.group(2).split(":")[-1])
        lab = next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), None)
        if lab is None:
            continue
        verb = (m.group(3) or head).lower()
        if not verb.isalpha():
            verb = head
        words = []
        for w in re.sub(r"[{}()$%+^|]", " ", m.group(1)).split():
            if w == "*":
                words.append(verb)
            elif w.startswith("&"):
                words.append(synsets.get(w.rstrip("_"), ""))
            else:
                words.append(w.rstrip("_").replace("_", " ").lower())
        phrase = " ".join(w for w in words if w)
        if verb not in phrase.split():
            phrase = f"{verb} {phrase}"
        out.append(Example(phrase, lab[0], lab[1], "petrarch", "train", f"petrarch:{k}"))
    return out
