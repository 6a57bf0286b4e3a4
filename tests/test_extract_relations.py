"""Relation extraction (newsgraph.extract.relations) on self-written sentences and the sample gold.

Mentions are built by hand here (the mention finder is a separate stage): ``_mentions`` finds each
given surface string in the text and gives it a type and a local entity index.

Run this file directly (``python tests/test_extract_relations.py``) for the per-predicate report on
the sample corpus's gold evidence sentences.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from newsgraph.types import EntityMention, RelationMention

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "newsgraph" / "sample" / "gold.json"


def _load_model():
    try:
        from newsgraph import nlp

        return nlp.load()
    except Exception as exc:  # model not built, or spaCy unusable on this machine
        pytest.skip(f"NLP model unavailable: {exc}")


@pytest.fixture(scope="module")
def model():
    return _load_model()


def _mentions(text: str, spec: list[tuple[str, str, int]], subtypes: dict[str, str] | None = None) -> list[EntityMention]:
    """Hand-built mentions: every occurrence of each (surface, type, entity) in ``text``."""
    out = []
    taken: list[tuple[int, int]] = []
    for surface, etype, entity in sorted(spec, key=lambda s: -len(s[0])):
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            sub = (subtypes or {}).get(surface)
            out.append(EntityMention(m.start(), m.end(), surface, etype, subtype=sub, entity=entity))
    return sorted(out, key=lambda m: m.start)


def _run(model, text, spec, subtypes=None):
    from newsgraph.extract.relations import find_relations

    doc = model(text)
    return find_relations(doc, _mentions(text, spec, subtypes))


def _triples(rels: list[RelationMention]) -> set[tuple[int, str, int]]:
    return {(r.subject, r.predicate, r.object) for r in rels}


def _polarities(rels) -> dict[tuple[int, str, int], str]:
    return {(r.subject, r.predicate, r.object): r.polarity for r in rels}


# -- gold evaluation helper -----------------------------------------------------------------------

_SUBTYPE = {"country": "country", "city": "settlement", "town": "settlement", "village": "settlement",
            "province": "region", "river": "region", "mountain_range": "region",
            "military_base": "facility", "cemetery": "facility"}


def gold_mentions(sentence: str, entities: list[dict]) -> tuple[list[EntityMention], list[str]]:
    """Mentions of the gold entities in one sentence, by alias string search (longest alias first).

    Returns the mentions and the gold id of each local entity index.
    """
    cands = []
    for ent in entities:
        for alias in ent["aliases"]:
            pattern = re.escape(alias)
            if alias[:1].islower() or alias.startswith("the "):
                pattern = "(?i:" + pattern[0] + ")" + pattern[1:]
            for m in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", sentence):
                cands.append((m.start(), m.end(), ent))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, dict]] = []
    for s, e, ent in cands:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, ent))
    chosen.sort(key=lambda c: c[0])
    ids: list[str] = []
    mentions = []
    for s, e, ent in chosen:
        if ent["id"] not in ids:
            ids.append(ent["id"])
        sub = _SUBTYPE.get(ent.get("subtype") or "")
        mentions.append(EntityMention(s, e, sentence[s:e], ent["type"], subtype=sub, entity=ids.index(ent["id"])))
    return mentions, ids


def evaluate_gold(model) -> dict:
    """Sentence-level precision/recall per predicate on the gold evidence sentences.

    member_of and part_of count as one predicate (as the gold scorer allows); a holds_office object
    matches when the office string names the predicted object. A gold *denied* relation is found only
    by a ``negated`` prediction; any other polarity on it counts as a false positive.
    """
    from newsgraph.extract.relations import find_relations

    gold = json.loads(GOLD.read_text())
    entities = gold["entities"]
    by_id = {e["id"]: e for e in entities}
    per_sentence: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for rel in gold["relations"]:
        for ev in rel["evidence"]:
            per_sentence[ev["sentence"]].append((rel["subject"], rel["predicate"], rel["object"], ev["polarity"]))

    def norm(p: str) -> str:
        return "member_of" if p == "part_of" else p

    tp, fp, fn = Counter(), Counter(), Counter()
    polarity_ok = polarity_all = 0
    errors = []
    elapsed = 0.0
    for sentence, golds in per_sentence.items():
        mentions, ids = gold_mentions(sentence, entities)
        doc = model(sentence)
        t0 = time.perf_counter()
        rels = find_relations(doc, mentions)
        elapsed += time.perf_counter() - t0
        preds = [(ids[r.subject], r.predicate, ids[r.object], r.polarity) for r in rels]
        matched_gold = set()
        for s, p, o, pol in preds:
            hit = None
            for gi, (gs, gp, go, gpol) in enumerate(golds):
                if norm(gp) != norm(p):
                    continue
                if gp == "holds_office":
                    same = gs == s and any(a in go for a in by_id[o]["aliases"])
                elif gp in ("allied_with", "fights", "family"):
                    same = {gs, go} == {s, o}
                else:
                    same = (gs, go) == (s, o)
                if same:
                    hit = gi
                    break
            if hit is not None and (golds[hit][3] == "denied") != (pol == "negated"):
                hit = None if golds[hit][3] == "denied" else hit
            if hit is None:
                fp[norm(p)] += 1
                errors.append(("FP", s, p, o, pol, sentence))
            elif hit not in matched_gold:
                matched_gold.add(hit)
                tp[norm(p)] += 1
                polarity_all += 1
                gpol = golds[hit][3]
                polarity_ok += (gpol == "denied" and pol == "negated") or gpol == pol
        for gi, (gs, gp, go, gpol) in enumerate(golds):
            if gi not in matched_gold:
                fn[norm(gp)] += 1
                errors.append(("FN", gs, gp, go, gpol, sentence))
    preds_all = set(tp) | set(fp) | set(fn)
    table = {}
    for p in sorted(preds_all):
        prec = tp[p] / (tp[p] + fp[p]) if tp[p] + fp[p] else 0.0
        rec = tp[p] / (tp[p] + fn[p]) if tp[p] + fn[p] else 0.0
        table[p] = (tp[p], fp[p], fn[p], prec, rec)
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "per_predicate": table,
        "precision": T / (T + F) if T + F else 0.0,
        "recall": T / (T + N) if T + N else 0.0,
        "polarity_accuracy": polarity_ok / polarity_all if polarity_all else 0.0,
        "sentences": len(per_sentence),
        "ms_per_sentence": 1000 * elapsed / max(1, len(per_sentence)),
        "errors": errors,
    }


if __name__ == "__main__":
    import sys

    result = evaluate_gold(_load_model())
    for pred, (t, f, n, p, r) in result["per_predicate"].items():
        print(f"{pred:18} tp={t:3} fp={f:3} fn={n:3}  P={p:.2f} R={r:.2f}")
    print(f"ALL P={result['precision']:.3f} R={result['recall']:.3f} polarity={result['polarity_accuracy']:.2f} "
          f"sentences={result['sentences']} find_relations {result['ms_per_sentence']:.2f} ms/sentence")
    if "-v" in sys.argv:
        for e in result["errors"]:
            print(*e[:5], "|", e[5][:160])


# -- bad input (no model needed beyond a blank pipeline) --------------------------------------------


def _blank_doc(text: str):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_empty_document_gives_nothing():
    from newsgraph.extract.relations import find_relations

    assert find_relations(_blank_doc(""), []) == []


def test_no_mentions_and_unresolved_mentions_give_nothing():
    from newsgraph.extract.relations import find_relations

    text = "Karim Nasser, the leader of the Falcon Brigade, spoke on Monday."
    doc = _blank_doc(text)
    assert find_relations(doc, []) == []
    unresolved = _mentions(text, [("Karim Nasser", "PERSON", -1), ("Falcon Brigade", "ORG", -1)])
    assert find_relations(doc, unresolved) == []
    # one entity only: nothing to relate
    single = _mentions(text, [("Karim Nasser", "PERSON", 0), ("Falcon Brigade", "ORG", 0)])
    assert find_relations(doc, single) == []


def test_mentions_outside_the_text_are_harmless():
    from newsgraph.extract.relations import find_relations

    doc = _blank_doc("Short text.")
    far = [EntityMention(500, 510, "Nobody", "PERSON", entity=0), EntityMention(520, 530, "Nowhere", "LOC", entity=1)]
    assert find_relations(doc, far) == []


# -- predicates and constructions (model) ---------------------------------------------------------

P, O, L = "PERSON", "ORG", "LOC"


@pytest.mark.model
def test_apposition_leader_and_evidence_offsets(model):
    text = "Fighting resumed on Monday. Karim Nasser, the leader of the Falcon Brigade, vowed to retake the town."
    rels = _run(model, text, [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1)])
    assert _triples(rels) == {(0, "leads", 1)}
    r = rels[0]
    assert text[r.start : r.end].startswith("Karim Nasser") and text[r.start : r.end].endswith("town.")
    assert "leader" in text[r.cue_start : r.cue_end]
    assert r.polarity == "asserted" and r.confidence >= 0.8


@pytest.mark.model
def test_apposition_spokesman_and_adviser(model):
    text = "Samir Haddad, a spokesman for the River Front, said the convoy was hit."
    assert _triples(_run(model, text, [("Samir Haddad", P, 0), ("River Front", O, 1)])) == {(0, "spokesperson_for", 1)}
    text = "Tariq Mansour, who serves as an adviser to the Northern Council, declined to comment."
    assert (0, "advisor_to", 1) in _triples(_run(model, text, [("Tariq Mansour", P, 0), ("Northern Council", O, 1)]))


@pytest.mark.model
def test_title_before_name(model):
    text = "Falcon Brigade commander Karim Nasser met Desert Shield spokesman Omar Rafi on Sunday."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Karim Nasser", P, 1), ("Desert Shield", O, 2), ("Omar Rafi", P, 3)])
    assert {(1, "leads", 0), (3, "spokesperson_for", 2)} <= _triples(rels)
    assert (1, "leads", 2) not in _triples(rels)


@pytest.mark.model
def test_possessive_role_and_tail_role(model):
    text = "The brigade's commander, Karim Nasser, denied the report."
    # "The brigade" stands for a resolved role mention here.
    assert (1, "leads", 0) in _triples(_run(model, text, [("The brigade", O, 0), ("Karim Nasser", P, 1)]))
    text = "Omar Rafi, the Desert Shield spokesman, said the road was open."
    assert _triples(_run(model, text, [("Omar Rafi", P, 0), ("Desert Shield", O, 1)])) == {(0, "spokesperson_for", 1)}


@pytest.mark.model
def test_copula_and_passive_leadership(model):
    text = "Layla Nouri is a senior fellow at the Basin Policy Institute."
    assert _triples(_run(model, text, [("Layla Nouri", P, 0), ("Basin Policy Institute", O, 1)])) == {(0, "member_of", 1)}
    text = "The Falcon Brigade is led by Karim Nasser, a former police officer."
    assert (1, "leads", 0) in _triples(_run(model, text, [("Falcon Brigade", O, 0), ("Karim Nasser", P, 1)]))
    text = "Karim Nasser founded the Falcon Brigade in 2014."
    assert (0, "leads", 1) in _triples(_run(model, text, [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1)]))


@pytest.mark.model
def test_relative_clause_backing_and_base(model):
    text = "The Falcon Brigade, which is backed by Varania, holds the hills, and the Desert Shield, which is based in Qasr, holds the plain."
    spec = [("Falcon Brigade", O, 0), ("Varania", L, 1), ("Desert Shield", O, 2), ("Qasr", L, 3)]
    rels = _run(model, text, spec, {"Varania": "country", "Qasr": "settlement"})
    assert {(0, "backed_by", 1), (2, "based_in", 3)} <= _triples(rels)
    assert (0, "based_in", 3) not in _triples(rels)


@pytest.mark.model
def test_trained_and_armed_distributes_over_coordinated_patrons(model):
    text = "The Falcon Brigade is trained and armed by Varania and Ostrland."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Varania", L, 1), ("Ostrland", L, 2)],
                {"Varania": "country", "Ostrland": "country"})
    assert {(0, "backed_by", 1), (0, "backed_by", 2)} <= _triples(rels)


@pytest.mark.model
def test_hyphen_compounds(model):
    text = "The Varania-backed Falcon Brigade seized the bridge."
    rels = _run(model, text, [("Varania", L, 0), ("Falcon Brigade", O, 1)], {"Varania": "country"})
    assert _triples(rels) == {(1, "backed_by", 0)}
    text = "The Desert Shield, a Qasr-based militia, denied the claim."
    rels = _run(model, text, [("Desert Shield", O, 0), ("Qasr", L, 1)], {"Qasr": "settlement"})
    assert (0, "based_in", 1) in _triples(rels)


@pytest.mark.model
def test_part_of_constructions(model):
    text = "The Falcon Brigade is part of the Northern Coalition."
    assert _triples(_run(model, text, [("Falcon Brigade", O, 0), ("Northern Coalition", O, 1)])) == {(0, "part_of", 1)}
    text = "The Northern Coalition brings together three factions: the Falcon Brigade, the Desert Shield and the Iron Line."
    spec = [("Northern Coalition", O, 0), ("Falcon Brigade", O, 1), ("Desert Shield", O, 2), ("Iron Line", O, 3)]
    assert {(1, "part_of", 0), (2, "part_of", 0), (3, "part_of", 0)} <= _triples(_run(model, text, spec))
    text = "The Iron Line, another faction in the Northern Coalition, withdrew."
    assert (0, "part_of", 1) in _triples(_run(model, text, [("Iron Line", O, 0), ("Northern Coalition", O, 1)]))


@pytest.mark.model
def test_possessive_state_unit_is_part_of(model):
    text = "Officials blamed Varania's Border Guard for the shelling."
    rels = _run(model, text, [("Varania", L, 0), ("Border Guard", O, 1)], {"Varania": "country"})
    assert _triples(rels) == {(1, "part_of", 0)}


@pytest.mark.model
def test_reports_to_and_loyalty(model):
    text = "The Desert Shield answers to the Eastern Operations Command."
    assert (0, "reports_to", 1) in _triples(_run(model, text, [("Desert Shield", O, 0), ("Eastern Operations Command", O, 1)]))
    text = "The Iron Line is loyal to Sheikh Adnan Karimi, a cleric in the south."
    assert (0, "reports_to", 1) in _triples(_run(model, text, [("Iron Line", O, 0), ("Sheikh Adnan Karimi", P, 1)]))


@pytest.mark.model
def test_allied_and_fights(model):
    text = "The Desert Shield fought alongside the national army against the Black Banner group in 2019."
    spec = [("Desert Shield", O, 0), ("national army", O, 1), ("Black Banner", O, 2)]
    rels = _run(model, text, spec)
    got = _triples(rels)
    assert (0, "allied_with", 1) in got
    assert (0, "fights", 2) in got or (2, "fights", 0) in got
    assert (1, "fights", 2) not in got and (2, "fights", 1) not in got or (0, "fights", 2) in got
    text = "Tensions between the Desert Shield and the Falcon Brigade have grown since the spring."
    got = _triples(_run(model, text, [("Desert Shield", O, 0), ("Falcon Brigade", O, 1)]))
    assert got & {(0, "fights", 1), (1, "fights", 0)}


@pytest.mark.model
def test_family_and_office(model):
    text = "Among the dead was Hassan Nasser, the younger brother of Karim Nasser."
    assert _triples(_run(model, text, [("Hassan Nasser", P, 0), ("Karim Nasser", P, 1)])) == {(0, "family", 1)}
    text = "Qasr's deputy governor, Salim Ayoub, called for calm."
    rels = _run(model, text, [("Qasr", L, 0), ("Salim Ayoub", P, 1)], {"Qasr": "region"})
    assert _triples(rels) == {(1, "holds_office", 0)}


@pytest.mark.model
def test_demonym_title_holds_office_only_when_resolved(model):
    text = "Varanian Prime Minister Jonas Adler visited the front."
    spec = [("Varanian", L, 0), ("Jonas Adler", P, 1)]
    assert _triples(_run(model, text, spec, {"Varanian": "country"})) == {(1, "holds_office", 0)}
    # an unresolved demonym (entity -1) is not an argument
    assert _run(model, text, [("Varanian", L, -1), ("Jonas Adler", P, 1), ("the front", L, 2)]) == []


@pytest.mark.model
def test_negation_and_denial(model):
    text = "The Falcon Brigade has denied any links to the Varanian Guard."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Varanian Guard", O, 1)])
    assert _polarities(rels) == {(0, "backed_by", 1): "negated"}
    text = "The Falcon Brigade is not backed by Varania."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Varania", L, 1)], {"Varania": "country"})
    assert _polarities(rels) == {(0, "backed_by", 1): "negated"}


@pytest.mark.model
def test_hedging(model):
    text = "The Falcon Brigade is reportedly funded by Varania."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Varania", L, 1)], {"Varania": "country"})
    assert _polarities(rels) == {(0, "backed_by", 1): "hedged"}
    text = "Western officials say the Falcon Brigade is trained by Varania, a charge the group rejects."
    rels = _run(model, text, [("Falcon Brigade", O, 0), ("Varania", L, 1)], {"Varania": "country"})
    assert _polarities(rels) == {(0, "backed_by", 1): "hedged"}
    # a hedge on the main verb does not reach the apposition
    text = "Karim Nasser, the leader of the Falcon Brigade, reportedly met the envoy."
    rels = _run(model, text, [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1)])
    assert _polarities(rels) == {(0, "leads", 1): "asserted"}


@pytest.mark.model
def test_coordinated_appositions_keep_their_own_holders(model):
    text = "Karim Nasser, the leader of the Falcon Brigade, and Omar Rafi, commander of the Iron Line, signed the deal."
    spec = [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1), ("Omar Rafi", P, 2), ("Iron Line", O, 3)]
    assert _triples(_run(model, text, spec)) == {(0, "leads", 1), (2, "leads", 3)}


@pytest.mark.model
def test_mere_cooccurrence_gives_nothing(model):
    text = "Karim Nasser and Omar Rafi attended the conference in Qasr with officials from the Falcon Brigade."
    spec = [("Karim Nasser", P, 0), ("Omar Rafi", P, 1), ("Qasr", L, 2), ("Falcon Brigade", O, 3)]
    assert _run(model, text, spec, {"Qasr": "settlement"}) == []


@pytest.mark.model
def test_wrong_direction_and_type_guards(model):
    # an organisation cannot lead a person; a person is member_of (never part_of)
    text = "The Falcon Brigade, led by the Northern Coalition, holds the bridge."
    assert _run(model, text, [("Falcon Brigade", O, 0), ("Northern Coalition", O, 1)]) == []
    text = "Karim Nasser belongs to the Falcon Brigade."
    assert _triples(_run(model, text, [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1)])) == {(0, "member_of", 1)}
    # a place after "in" says where the spokesman works, not whom he speaks for
    text = "Mark Tillman, a coalition spokesman in Qasr, gave the figures."
    assert _run(model, text, [("Mark Tillman", P, 0), ("Qasr", L, 1)], {"Qasr": "settlement"}) == []
    # leadership of a place is an office
    text = "Salim Ayoub, the head of Qasr province, resigned."
    rels = _run(model, text, [("Salim Ayoub", P, 0), ("Qasr province", L, 1)], {"Qasr province": "region"})
    assert _triples(rels) == {(0, "holds_office", 1)}


@pytest.mark.model
def test_one_relation_per_sentence_and_triple(model):
    text = ("Karim Nasser, the leader of the Falcon Brigade, said the Falcon Brigade, which Karim Nasser "
            "leads, would stay.")
    rels = _run(model, text, [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1)])
    keys = [(r.start, r.subject, r.predicate, r.object) for r in rels]
    assert len(keys) == len(set(keys)) and (0, "leads", 1) in _triples(rels)


@pytest.mark.model
def test_sample_gold_sentence_level_quality(model):
    result = evaluate_gold(model)
    assert result["precision"] >= 0.85, result["per_predicate"]
    assert result["recall"] >= 0.70, result["per_predicate"]


# -- speed ----------------------------------------------------------------------------------------

_SPEED_TEXT = """\
Karim Nasser, the leader of the Falcon Brigade, said on Monday that his fighters had pushed the Black Banner
group out of three villages north of Qasr. The Falcon Brigade, which is backed by Varania, is part of the
Northern Coalition, an umbrella of armed factions that answers to the Eastern Operations Command.
Omar Rafi, a spokesman for the Northern Coalition, said the operation had been planned with the national army.
"""


@pytest.mark.model
def test_speed_on_a_600_word_article(model):
    from newsgraph.extract.relations import find_relations

    text = (_SPEED_TEXT + "\n") * 8  # about 600 words, every sentence with several entities
    assert 550 <= len(text.split()) <= 700
    spec = [("Karim Nasser", P, 0), ("Falcon Brigade", O, 1), ("Black Banner", O, 2), ("Qasr", L, 3),
            ("Varania", L, 4), ("Northern Coalition", O, 5), ("Eastern Operations Command", O, 6),
            ("Omar Rafi", P, 7), ("national army", O, 8)]
    doc = model(text)
    mentions = _mentions(text, spec, {"Varania": "country", "Qasr": "settlement"})
    t0 = time.perf_counter()
    rels = find_relations(doc, mentions)
    ms = 1000 * (time.perf_counter() - t0)
    assert rels
    assert ms < 100, f"find_relations took {ms:.1f} ms on a 600-word article"


def test_against_phrase_hung_on_an_argument_still_names_the_opponent():
    # The parse is fixed by hand: "against the Black Banner group" hangs on "army", not on
    # "fought", an attachment parsers choose as often as the other.
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extract.relations import find_relations

    words = ["The", "Desert", "Shield", "fought", "alongside", "the", "army", "against", "the", "Black",
             "Banner", "group", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["DET", "PROPN", "PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "NOUN", "PUNCT"],
              deps=["det", "compound", "nsubj", "ROOT", "case", "det", "obl", "case", "det", "compound", "compound",
                    "nmod", "punct"],
              heads=[2, 2, 3, 3, 6, 6, 3, 11, 11, 10, 11, 6, 3],
              lemmas=["the", "Desert", "Shield", "fight", "alongside", "the", "army", "against", "the", "Black",
                      "Banner", "group", "."],
              sent_starts=[True] + [False] * 12)
    text = doc.text
    spec = [("Desert Shield", O, 0), ("army", O, 1), ("Black Banner", O, 2)]
    got = _triples(find_relations(doc, _mentions(text, spec)))
    assert (0, "allied_with", 1) in got
    assert (0, "fights", 2) in got
    assert (1, "fights", 2) not in got


def test_phrase_after_a_participle_is_not_the_role_holders_office():
    # The parse is fixed by hand, as a parser left it: "with Varania" hangs on "commander"
    # although it completes "allied". Varania is the militia's ally, not the commander's office.
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extract.relations import find_relations

    words = ["Dara", "Vance", ",", "commander", "of", "a", "militia", "allied", "with", "Varania", ",",
             "was", "killed", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "ADJ", "ADP", "PROPN", "PUNCT",
                   "AUX", "VERB", "PUNCT"],
              deps=["compound", "nsubj:pass", "punct", "appos", "case", "det", "compound", "nmod", "case",
                    "nmod", "punct", "aux:pass", "ROOT", "punct"],
              heads=[1, 12, 3, 1, 7, 6, 7, 3, 9, 3, 3, 12, 12, 12],
              lemmas=["Dara", "Vance", ",", "commander", "of", "a", "militia", "allied", "with", "Varania", ",",
                      "be", "kill", "."],
              sent_starts=[True] + [False] * 13)
    spec = [("Dara Vance", P, 0), ("Varania", L, 1)]
    got = _triples(find_relations(doc, _mentions(doc.text, spec, {"Varania": "country"})))
    assert not {t for t in got if t[1] in ("holds_office", "leads", "member_of")}, got


def _parsed(rows):
    """A Doc with a hand-fixed parse: rows of (word, pos, dep, head index, lemma)."""
    import spacy
    from spacy.tokens import Doc

    words, pos, deps, heads, lemmas = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_bracketed_acronym_hung_on_a_noun_does_not_make_the_noun_that_group():
    # As a parser left it: "(VG)" hangs on "ties", not on "Guard". The acronym is the Guard's
    # short form; the faction has ties to the Guard, it is not part of it.
    from newsgraph.extract.relations import find_relations

    doc = _parsed([("The", "DET", "det", 2, "the"), ("Iron", "PROPN", "compound", 2, "Iron"),
                   ("Hand", "PROPN", "nsubj", 5, "Hand"), ("is", "AUX", "cop", 5, "be"), ("a", "DET", "det", 5, "a"),
                   ("faction", "NOUN", "ROOT", 5, "faction"), ("with", "ADP", "case", 8, "with"),
                   ("close", "ADJ", "amod", 8, "close"), ("ties", "NOUN", "nmod", 5, "tie"), ("to", "ADP", "case", 12, "to"),
                   ("the", "DET", "det", 12, "the"), ("Varanian", "ADJ", "amod", 12, "Varanian"),
                   ("Guard", "PROPN", "nmod", 8, "Guard"), ("(", "PUNCT", "punct", 14, "("),
                   ("VG", "PROPN", "appos", 8, "VG"), (")", "PUNCT", "punct", 14, ")"), (".", "PUNCT", "punct", 5, ".")])
    spec = [("Iron Hand", O, 0), ("Varanian Guard", O, 1), ("VG", O, 1)]
    got = _triples(find_relations(doc, _mentions(doc.text, spec)))
    assert not {t for t in got if t[1] in ("member_of", "part_of", "leads")}, got


def test_role_of_a_possessed_unit_is_the_unit_not_its_owner():
    # As a parser left it: "the alliance's" hangs on "brigade" beside the compound "Red Dawn".
    from newsgraph.extract.relations import find_relations

    doc = _parsed([("Sami", "PROPN", "compound", 1, "Sami"), ("Qadir", "PROPN", "nsubj", 12, "Qadir"),
                   (",", "PUNCT", "punct", 3, ","), ("commander", "NOUN", "appos", 1, "commander"),
                   ("of", "ADP", "case", 10, "of"), ("the", "DET", "det", 6, "the"),
                   ("alliance", "NOUN", "nmod:poss", 10, "alliance"), ("'s", "PART", "case", 6, "'s"),
                   ("Red", "PROPN", "compound", 9, "Red"), ("Dawn", "PROPN", "compound", 10, "Dawn"),
                   ("brigade", "NOUN", "nmod", 3, "brigade"), (",", "PUNCT", "punct", 3, ","),
                   ("spoke", "VERB", "ROOT", 12, "speak"), (".", "PUNCT", "punct", 12, ".")])
    spec = [("Sami Qadir", P, 0), ("Red Dawn", O, 1), ("alliance", O, 2)]
    got = _triples(find_relations(doc, _mentions(doc.text, spec)))
    assert (0, "leads", 1) in got, got
    assert (0, "leads", 2) not in got, got


@pytest.mark.parametrize("commander, allied, killed", [
    (("nsubj", 6), ("ROOT", 6), ("advcl", 6)),  # "allied" made the predicate of "commander"
    (("nsubj:pass", 10), ("acl", 1), ("ROOT", 10)),  # "allied" made a modifier of "commander"
])
def test_participle_after_x_of_y_describes_y(commander, allied, killed):
    # Two parses fixed by hand, as parsers left them: "allied" hangs on "commander". With no
    # auxiliary of its own, "allied with Varania" describes the nearer noun, the Black Banner.
    from newsgraph.extract.relations import find_relations

    doc = _parsed([("The", "DET", "det", 1, "the"), ("commander", "NOUN", *commander, "commander"),
                   ("of", "ADP", "case", 5, "of"), ("the", "DET", "det", 5, "the"), ("Black", "PROPN", "compound", 5, "Black"),
                   ("Banner", "PROPN", "nmod", 1, "Banner"), ("allied", "ADJ", *allied, "allied"),
                   ("with", "ADP", "case", 8, "with"), ("Varania", "PROPN", "obl", 6, "Varania"),
                   ("was", "AUX", "aux:pass", 10, "be"), ("killed", "VERB", *killed, "kill"),
                   (".", "PUNCT", "punct", killed[1], ".")])
    spec = [("The commander", P, 0), ("Black Banner", O, 1), ("Varania", L, 2)]
    got = _triples(find_relations(doc, _mentions(doc.text, spec, {"Varania": "country"})))
    assert (1, "allied_with", 2) in got or (2, "allied_with", 1) in got, got
    assert not {t for t in got if 0 in (t[0], t[2]) and t[1] == "allied_with"}, got


def test_subject_the_parser_gave_to_after_is_the_verbs_subject():
    # As a parser left it: "after" read as a preposition, "militants" its object on "advanced",
    # and "killed" left with no subject.
    from newsgraph.extract.relations import find_relations

    doc = _parsed([("The", "DET", "det", 2, "the"), ("Falcon", "PROPN", "compound", 2, "Falcon"),
                   ("Brigade", "PROPN", "nsubj", 3, "Brigade"), ("advanced", "VERB", "ROOT", 3, "advance"),
                   ("after", "ADP", "case", 7, "after"), ("Black", "PROPN", "compound", 6, "Black"),
                   ("Banner", "PROPN", "compound", 7, "Banner"), ("militants", "NOUN", "obl", 3, "militant"),
                   ("killed", "VERB", "advcl", 3, "kill"), ("members", "NOUN", "obj", 8, "member"),
                   ("of", "ADP", "case", 13, "of"), ("the", "DET", "det", 13, "the"), ("Red", "PROPN", "compound", 13, "Red"),
                   ("Dawn", "PROPN", "nmod", 9, "Dawn"), (".", "PUNCT", "punct", 3, ".")])
    doc[8].tag_ = "VBD"
    spec = [("Falcon Brigade", O, 0), ("Black Banner", O, 1), ("Red Dawn", O, 2)]
    got = _triples(find_relations(doc, _mentions(doc.text, spec)))
    assert (1, "fights", 2) in got or (2, "fights", 1) in got, got
    assert not {t for t in got if 0 in (t[0], t[2]) and t[1] == "fights"}, got


# -- campaigns, purpose clauses, coordination (constructions missed on real reporting) -----------

_N, _V, _D, _S, _T = "Norland", "Velmora", "Dawn Front", "Sahil Brigades", "Tarmi Coalition"
_STATES = {"Norland": "country", "Velmora": "country"}


@pytest.mark.parametrize("text, spec, expected", [
    # a purpose clause shares its subject with the verb it depends on
    ("Norland stands by Velmora to defeat the Dawn Front and end this violence.",
     [(_N, "LOC", 0), (_V, "LOC", 1), (_D, "ORG", 2)], {(0, "fights", 2)}),
    # ... through "as part of", and an object the parser gave the first of two coordinated verbs
    ("That is why Norland is working as part of the Tarmi Coalition to degrade and defeat the Dawn Front.",
     [(_N, "LOC", 0), (_T, "ORG", 1), (_D, "ORG", 2)], {(0, "fights", 2), (0, "part_of", 1)}),
    # a campaign noun: launched by the verb's subject, carried out by its possessor
    ("Over the last year the Tarmi Coalition has launched almost 800 strikes against the Dawn Front in the north.",
     [(_T, "ORG", 0), (_D, "ORG", 1)], {(0, "fights", 1)}),
    ("The Dawn Front's campaign against the Sahil Brigades has failed.",
     [(_D, "ORG", 0), (_S, "ORG", 1)], {(0, "fights", 1)}),
    ("The Tarmi Coalition's strategy to defeat the Dawn Front is working.",
     [(_T, "ORG", 0), (_D, "ORG", 1)], {(0, "fights", 1)}),
    # help given to someone in their fight: the one helped fights, the helper backs
    ("The minister reiterated Norland's support for the Velmora Government in the fight against the Dawn Front.",
     [(_N, "LOC", 0), ("Velmora Government", "ORG", 1), (_D, "ORG", 2)], {(1, "fights", 2)}),
    ("Norland remains steadfast in its support of the Velmora Government in their fight against the Dawn Front.",
     [(_N, "LOC", 0), ("Velmora Government", "ORG", 1), (_D, "ORG", 2)], {(1, "fights", 2)}),
    ("We are proud that Norland has supported the Sahil Brigades in their efforts to defeat the Dawn Front.",
     [(_N, "LOC", 0), (_S, "ORG", 1), (_D, "ORG", 2)], {(1, "backed_by", 0), (1, "fights", 2)}),
    # a perfect is active: the agent of the action supported is the one backed
    ("Norland has already supported the re-taking of the town by the Sahil Brigades.",
     [(_N, "LOC", 0), (_S, "ORG", 1)], {(1, "backed_by", 0)}),
    # the people killed stand for their tribe
    ("Officials confirmed that the Dawn Front has killed 40 members of the Sahil tribe near the river.",
     [(_D, "ORG", 0), ("Sahil", "ORG", 1)], {(0, "fights", 1)}),
    # a state in a coalition
    ("Norland, as part of the Tarmi Coalition, is committed to helping the displaced.",
     [(_N, "LOC", 0), (_T, "ORG", 1)], {(0, "part_of", 1)}),
    # an organisation that controls another commands it
    ("He was moved to the Sahil Command, which controls all Velmora Army units in the north.",
     [("Sahil Command", "ORG", 0), ("Velmora Army", "ORG", 1)], {(1, "reports_to", 0)}),
    # the object of "appoint" holds the role, not the subject
    ("Rashid Omar appointed Karim al-Tarmi the commander for the Sahil Brigades in 2004.",
     [("Rashid Omar", "PERSON", 0), ("Karim al-Tarmi", "PERSON", 1), (_S, "ORG", 2)], {(1, "leads", 2)}),
    # co-belligerents: allies against a common opponent, enemies when reciprocal or with no opponent
    ("The Sahil Brigades, the Tarmi Coalition and the Velmora Government have vowed to defeat these militants.",
     [(_S, "ORG", 0), (_T, "ORG", 1), ("Velmora Government", "ORG", 2)],
     {(0, "allied_with", 1), (0, "allied_with", 2), (2, "allied_with", 1)}),
    ("The Dawn Front and the Sahil Brigades attacked each other near the bridge.",
     [(_D, "ORG", 0), (_S, "ORG", 1)], {(0, "fights", 1)}),
    ("The Dawn Front and the Sahil Brigades clashed near the bridge on Monday.",
     [(_D, "ORG", 0), (_S, "ORG", 1)], {(0, "fights", 1)}),
    # guards: a clause with its own subject is not the first clause's; condemning is not fighting
    ("Velmora faces hard choices and all communities must cooperate to defeat the Dawn Front.",
     [(_V, "LOC", 0), (_D, "ORG", 1)], set()),
    ("Rashid Omar condemned the attack against the Sahil Brigades.",
     [("Rashid Omar", "PERSON", 0), (_S, "ORG", 1)], set()),
])
def test_campaign_purpose_and_coordination_constructions(model, text, spec, expected):
    assert _triples(_run(model, text, spec, _STATES)) == expected


def _titled(text: str, title_and_name: str, name: str, entity: int) -> EntityMention:
    start = text.index(title_and_name)
    name_start = text.index(name, start)
    return EntityMention(start, start + len(title_and_name), title_and_name, "PERSON", origin="title",
                         name_start=name_start, name_end=name_start + len(name), entity=entity)


def test_participle_before_a_titled_name_reads_past_the_title(model):
    from newsgraph.extract.relations import find_relations

    text = ("Talks opened between the Velmora Government, led by Prime Minister Karim al-Tarmi, and the "
            "Sahil Council, represented by Prime Minister Rashid Omar, on revenue sharing.")
    mentions = _mentions(text, [("Velmora Government", "ORG", 0), ("Sahil Council", "ORG", 2)])
    mentions += [_titled(text, "Prime Minister Karim al-Tarmi", "Karim al-Tarmi", 1),
                 _titled(text, "Prime Minister Rashid Omar", "Rashid Omar", 3)]
    found = _triples(find_relations(model(text), sorted(mentions, key=lambda m: m.start), classifier=None))
    assert (1, "leads", 0) in found and (3, "member_of", 2) in found


def test_a_state_in_a_persons_title_is_not_what_is_joined(model):
    from newsgraph.extract.relations import find_relations

    text = "Foreign Minister Rashid Omar joined Norland Foreign Minister Karim al-Tarmi in Sahil for talks."
    mentions = [_titled(text, "Foreign Minister Rashid Omar", "Rashid Omar", 0)]
    mentions += _mentions(text, [("Norland", "LOC", 1), ("Karim al-Tarmi", "PERSON", 2), ("Sahil", "LOC", 3)],
                          _STATES)
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    found = _triples(find_relations(model(text), mentions, classifier=None))
    assert (0, "member_of", 1) not in found


@pytest.mark.model
def test_hyphen_adjective_in_apposition_to_a_list(model):
    # "two of the main X-backed groups" after two coordinated names backs both; the mention may
    # carry the hyphen cue itself, as the mention finder gives a demonym ("Varanian-backed")
    text = "Banners of the Falcon Brigade and the Dawn Front, two of the main Varanian-backed groups, were seen."
    for surface in ("Varanian", "Varanian-backed"):
        rels = _run(model, text, [("Falcon Brigade", O, 0), ("Dawn Front", O, 1), (surface, L, 2)],
                    {surface: "country"})
        assert {(0, "backed_by", 2), (1, "backed_by", 2)} <= _triples(rels), surface


@pytest.mark.model
def test_organisation_noun_after_a_place_is_not_the_place(model):
    # the militia that is aligned with Ostrland is not Qasr, the place named before it
    text = ("As Varanian forces come closer to expelling the Dawn Front from Qasr, a militia aligned with "
            "Ostrland is threatening to turn against the coalition.")
    spec = [("Varanian", L, 0), ("Dawn Front", O, 1), ("Qasr", L, 2), ("Ostrland", L, 3)]
    rels = _run(model, text, spec, {"Varanian": "country", "Ostrland": "country"})
    assert not any(2 in (s, o) for s, _, o in _triples(rels))
