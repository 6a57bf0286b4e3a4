"""Feed text (JSONL ``text`` fields) is cleaned like captures, and site boilerplate never makes a story.

The corpus here is generated: invented place and person names in sentences built from templates, so
no real article text is copied. Thirty unrelated short articles share one site's footer (three lines)
and a related-links block; half of them hold the whole article on one line, as many feeds do, with
the boilerplate glued to its end. Two more documents are true syndicated copies of one story.
"""

from __future__ import annotations

import json
import random

import numpy as np

from newsgraph import syndication
from newsgraph.ingest.readers import read_paths
from newsgraph.pipeline import process_document
from newsgraph.types import RawDocument

_SYL = "ka lo mi ra tu se ni va do re shu bel gar tan vor lim pes hud zan qir om et ba".split()
_WORDS = (
    "convoy bridge clinic market council checkpoint reservoir school depot harbour mill station farmers drivers "
    "traders nurses teachers engineers elders police pumps trucks tents blankets flour fuel water power roads "
    "reopened shelled evacuated inspected rebuilt sealed repaired flooded guarded emptied counted reported "
    "quietly slowly again twice partly nearly openly north south east west upper lower old new main small"
).split()


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _article(seed: int) -> tuple[str, list[str]]:
    """(title, body sentences) of one invented article: its own town and people, words drawn at random
    (so that two articles share no run of four words by construction of their text)."""
    rng = random.Random(seed)
    town, person = _name(rng), f"{_name(rng, 2)} {_name(rng)}"

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    sentences = [
        f"{town} {words(6)} {rng.randint(3, 900)} {words(5)} {person}.",
        f"{person} said {words(7)} {town} {words(4)}.",
        f"In {town} {words(8)} {rng.randint(3, 900)} {words(3)}.",
        f"{words(5)} {town} {words(6)} said {person}.",
        f"{person} {words(9)} {town}.",
    ]
    sentences = [s[0].upper() + s[1:] for s in sentences]
    return f"{person} on {town} {words(3)}", sentences


FOOTER = [
    "Follow us on Twitter and Facebook for the latest updates",
    "Sign up for our newsletter to get the top stories in your inbox",
    "Copyright 2024 The Example Herald. All rights reserved.",
]
RELATED = ["Related News", "Storm damages pier in coastal city", "New library opens downtown", "Council approves budget for roads"]

# A story told by a wire service, carried by two sites (the second copy shorter, with its own intro).
WIRE = (
    "Engineers from the Dorvalan water authority began pumping out the flooded Karsimet tunnel on Wednesday "
    "after three days of heavy rain left the main road between Ulbek and Feshtar under two metres of water. "
    "The authority said four pumps were working through the night and that the tunnel could reopen by Saturday "
    "if no more rain fell. Drivers were told to use the mountain pass, which adds about ninety minutes to the "
    "journey. Traders in Feshtar said deliveries of flour and fuel had already slowed and that prices at the "
    "central market had risen by a fifth since the weekend. A spokesman for the provincial governor said "
    "emergency funds had been released to repair the drainage channels, which residents said had not been "
    "cleaned for years."
)


def _feed_records() -> list[dict]:
    records = []
    for i in range(30):
        title, body = _article(i)
        if i % 2 == 0:  # the whole article and its page boilerplate on one line
            text = " ".join([title + ".", *body, *RELATED, *FOOTER])
        else:  # one paragraph a line
            text = "\n".join([title, *body, "", *RELATED, "", *FOOTER])
        records.append({"title": title, "text": text, "publisher": "The Example Herald"})
    records.append({"title": "Karsimet tunnel", "text": WIRE + " " + " ".join(FOOTER), "publisher": "Site A"})
    short = " ".join(WIRE.split(". ")[:4]) + "."
    records.append({"title": "Tunnel pumped out", "text": "From our wire desk. " + short, "publisher": "Site B"})
    return records


def _processed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _feed_records()) + "\n", encoding="utf-8")
    raws = [r for r in read_paths([path]) if isinstance(r, RawDocument)]
    assert len(raws) == 32
    return [process_document(r) for r in raws]


def test_feed_boilerplate_removed_with_reasons_and_body_kept(tmp_path):
    docs = _processed(tmp_path)
    for i, doc in enumerate(docs[:30]):
        _, body = _article(i)
        for sentence in body:  # never article text
            assert sentence in doc.cleaned.text, (i, sentence)
        removed = {r.text: r.reason for r in doc.cleaned.removed}
        for line in FOOTER:
            assert line not in doc.cleaned.text, (i, line)
        assert any(r.startswith("Follow us") for r in removed) and any(r.startswith("Copyright") for r in removed), i
        assert set(removed.values()) <= {"share", "subscription", "footer", "related-headlines", "navigation"}, removed
        assert "Related News" not in doc.cleaned.text and RELATED[1] not in doc.cleaned.text
        for r in doc.cleaned.removed:  # each record points at its raw characters
            assert doc.raw.content[r.raw_start : r.raw_end] == r.text
    # the syndicated copy loses its footer, keeps all its sentences
    assert "All rights reserved" not in docs[30].cleaned.text and WIRE in docs[30].cleaned.text


def test_cleaned_offsets_map_back_to_the_raw_line(tmp_path):
    doc = _processed(tmp_path)[0]
    text = doc.cleaned.text
    for seg in doc.cleaned.segments:
        assert doc.raw.content[seg.raw_start : seg.raw_start + seg.length] == text[seg.clean_start : seg.clean_start + seg.length]


def test_feed_corpus_stories(tmp_path):
    docs = _processed(tmp_path)
    stories = syndication.group_stories((d.raw.id, d.shingles, d.sample, len(d.cleaned.text.split())) for d in docs)
    story_of = {doc: sid for sid, (_, members) in stories.items() for doc in members}
    assert len(stories) == 31
    assert story_of[docs[30].raw.id] == story_of[docs[31].raw.id]
    assert len({story_of[d.raw.id] for d in docs[:30]}) == 30


# -- the document-frequency filter on its own: boilerplate that survived cleaning ------------------------

STOCK = (
    "The regional conflict began more than a decade ago and has displaced millions of people from their homes "
    "while the international mediators continue to meet without agreement on a lasting ceasefire or a new government"
)


def _fp(doc_id: str, text: str):
    n, sample = syndication.fingerprint(text)
    return doc_id, n, sample, len(text.split())


def test_shared_boilerplate_paragraph_does_not_make_one_story():
    # 30 unrelated short articles ending with the same uncued background paragraph (it is ~45 % of
    # each text: enough to join every pair without the filter)
    docs = [_fp(f"a{i:02d}", " ".join(_article(i)[1][:2]) + " " + STOCK) for i in range(30)]
    docs += [_fp("wire1", WIRE), _fp("wire2", "Wire desk. " + " ".join(WIRE.split(". ")[:4]))]
    stories = syndication.group_stories(docs)
    sizes = sorted(len(m) for _, m in stories.values())
    assert len(stories) == 31 and sizes[-1] == 2
    story_of = {doc: sid for sid, (_, members) in stories.items() for doc in members}
    assert story_of["wire1"] == story_of["wire2"]


def test_drop_common_counts_document_frequency():
    common = np.array([7, 11, 13, 17, 19], dtype=np.uint64)
    samples = [np.sort(np.concatenate([common, np.arange(100 + 10 * i, 104 + 10 * i, dtype=np.uint64)])) for i in range(12)]
    samples.append(np.array([7, 11, 13, 17, 19, 500], dtype=np.uint64))  # mostly common: a republished text keeps them
    filtered, dropped = syndication.drop_common(samples, limit=10)
    assert dropped == 5
    assert all(7 not in s and 19 not in s and len(s) == 4 for s in filtered[:12])
    assert filtered[12].tolist() == [7, 11, 13, 17, 19, 500]
    # below the limit nothing is dropped
    assert syndication.drop_common(samples, limit=13)[1] == 0


def test_common_limit_grows_slowly():
    limits = [syndication.common_limit(n) for n in (10, 100, 1_000, 10_000, 100_000)]
    assert limits == sorted(limits) and limits[0] >= 5 and limits[-1] <= 20


def test_many_copies_of_one_wire_story_stay_one_story():
    # more copies than the filter's limit: their shingles are common, but they are the whole text
    docs = [_fp(f"copy{i:02d}", WIRE) for i in range(12)]
    docs += [_fp(f"a{i:02d}", " ".join(_article(i)[1])) for i in range(28)]
    assert syndication.common_limit(len(docs)) < 12
    stories = syndication.group_stories(docs)
    assert len(stories) == 29


def test_a_chain_of_partial_matches_is_not_one_story():
    # A shares half with B, B with C, C with D: A and D share nothing and are not one story
    parts = [" ".join(_article(100 + i)[1]) for i in range(5)]
    chain = [_fp(name, parts[k] + " " + parts[k + 1]) for k, name in enumerate("ABCD")]
    stories = syndication.group_stories(chain)
    story_of = {doc: sid for sid, (_, members) in stories.items() for doc in members}
    assert story_of["A"] != story_of["D"]
