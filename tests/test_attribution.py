"""The trained attribution tagger (newsgraph.extract.attribution), its combination with the quote
rules, the PolNeAR reader and the attribution scorer. All sentences and names are invented."""

from __future__ import annotations

import pytest

from newsgraph.evaluate_relations import Predicted, score
from newsgraph.extract import attribution as at
from newsgraph.extract.attribution_corpus import Article, GoldAttribution, content_kind, read_split, tune_split
from newsgraph.extract.quotes import find_quotes


def _span(text: str, phrase: str) -> tuple[int, int]:
    s = text.index(phrase)
    return s, s + len(phrase)


# --- combining the tagger with the rules ----------------------------------------------------------


def test_a_direct_quote_without_a_speaker_takes_the_taggers_source():
    text = "Mara Olsen had a warning for the council. “The votes are not there.”"
    quotes = find_quotes(text)
    assert quotes and quotes[0].speaker_start is None
    tagged = [at.Attribution(_span(text, "Mara Olsen"), _span(text, "had a warning for"),
                             (_span(text, "“The votes are not there.”"),))]
    out = at.combine(text, quotes, tagged)
    direct = [q for q in out if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_text == "Mara Olsen" and direct[0].how == "tagger"
    assert not [q for q in out if q.kind == "indirect"]  # the report is the quotation itself


def test_a_report_the_rules_miss_is_added_with_its_source_and_role():
    text = "Mara Olsen, a researcher at the institute, warned that the dam in Velmora could fail."
    tagged = [at.Attribution(_span(text, "Mara Olsen, a researcher at the institute"), _span(text, "warned"),
                             (_span(text, "the dam in Velmora could fail"),))]
    out = at.combine(text, [], tagged)
    assert len(out) == 1
    q = out[0]
    assert (q.kind, q.how, q.text) == ("indirect", "tagger", "the dam in Velmora could fail")
    assert q.speaker_text == "Mara Olsen" and q.speaker_role == "a researcher at the institute"


def test_the_rules_indirect_report_stays_only_where_the_tagger_found_nothing():
    text = "Karim Haddad said the road to Sahil was open again after the floods."
    rules = find_quotes(text)
    assert [q.kind for q in rules] == ["indirect"]
    assert at.combine(text, rules, []) == rules
    tagged = [at.Attribution(_span(text, "Karim Haddad"), _span(text, "said"),
                             (_span(text, "the road to Sahil was open again after the floods"),))]
    out = at.combine(text, rules, tagged)
    assert [q.how for q in out] == ["tagger"]


def test_a_partly_quoted_report_keeps_its_quotation_and_adds_the_report():
    text = "Karim Haddad said the new bridge was “a gift to smugglers” and should be closed at night."
    rules = find_quotes(text)
    tagged = [at.Attribution(_span(text, "Karim Haddad"), _span(text, "said"),
                             (_span(text, "the new bridge was “a gift to smugglers” and should be closed at night"),))]
    out = at.combine(text, rules, tagged)
    kinds = sorted(q.kind for q in out)
    assert kinds == ["direct", "indirect"]
    assert all(q.speaker_text == "Karim Haddad" for q in out)


# --- the corpus reader and the scorer --------------------------------------------------------------


def test_content_kind_reads_the_quotation_marks():
    text = "He said “we will win.” She said the plan was “late” but sound. They said it was over."
    assert content_kind(text, (_span(text, "“we will win.”"),)) == "direct"
    assert content_kind(text, (_span(text, "the plan was “late” but sound"),)) == "mixed"
    assert content_kind(text, (_span(text, "it was over"),)) == "indirect"


def test_the_reader_takes_one_annotator_and_discontinuous_content(tmp_path):
    text = "The plan, Ilse Varga said, will fail in the spring."
    (tmp_path / "train" / "text").mkdir(parents=True)
    (tmp_path / "train" / "attributions").mkdir(parents=True)
    (tmp_path / "train" / "text" / "a_doc.txt").write_text(text, encoding="utf-8")
    s, e = _span(text, "Ilse Varga")
    c, d = _span(text, "said")
    ann = (f"T1\tSource {s} {e}\tIlse Varga\nT2\tCue {c} {d}\tsaid\n"
           f"T3\tContent 0 8;{d + 2} {len(text) - 1}\tThe plan will fail in the spring\n"
           f"T4\tAttribution {c} {d}\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "train" / "attributions" / "a_doc_0001.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "train" / "attributions" / "a_doc_0002.ann").write_text("", encoding="utf-8")
    [art] = read_split("train", tmp_path)
    assert art.name == "a_doc" and len(art.attributions) == 1
    g = art.attributions[0]
    assert g.source == ((s, e),) and len(g.content) == 2


def test_the_reader_names_a_missing_split(tmp_path):
    with pytest.raises(FileNotFoundError, match="dev"):
        read_split("dev", tmp_path)


def test_tune_split_is_fixed_and_by_article():
    names = [f"doc{k}" for k in range(50)]
    assert tune_split(names) == tune_split(list(reversed(names)))
    assert len(tune_split(names)) == 5


def test_score_counts_overlap_found_and_source():
    text = "Ilse Varga said the bridge will close. Karim Haddad warned that the road is unsafe."
    gold = [GoldAttribution((_span(text, "Ilse Varga"),), (_span(text, "said"),), (_span(text, "the bridge will close"),)),
            GoldAttribution((_span(text, "Karim Haddad"),), (_span(text, "warned"),),
                            (_span(text, "the road is unsafe"),))]
    art = Article("x", text, gold)
    perfect = [Predicted(_span(text, "Ilse Varga"), (_span(text, "the bridge will close"),)),
               Predicted(_span(text, "Karim Haddad"), (_span(text, "the road is unsafe"),))]
    r = score([art], [perfect])
    assert r["content"]["f1"] == 1.0 and r["found"] == 1.0 and r["source_accuracy"] == 1.0
    half = [Predicted(_span(text, "Karim Haddad"), (_span(text, "the bridge will close"),))]
    r = score([art], [half])
    assert r["found"] == 0.5 and r["source_accuracy"] == 0.0
    assert r["content"]["precision"] == 1.0 and r["content"]["recall"] == pytest.approx(4 / 8)


# --- the shipped model -----------------------------------------------------------------------------


@pytest.mark.model
def test_the_tagger_finds_reports_beyond_say(nlp):
    text = ("The health minister of Norland warned on Monday that the clinics in Velmora would close by winter. "
            "Villagers in Sahil believe the new road will bring the army back.")
    found = at.find_attributions(nlp(text))
    contents = [text[a.content_span[0]:a.content_span[1]] for a in found]
    sources = [text[a.source[0]:a.source[1]] if a.source else None for a in found]
    assert any("clinics in Velmora would close" in c for c in contents), contents
    assert any(s and "minister" in s for s in sources), sources
    assert any("road will bring" in c for c in contents), contents


@pytest.mark.model
def test_the_facts_stage_adds_the_taggers_reports(nlp):
    from newsgraph.facts import extract_facts

    text = "The health minister of Norland warned on Monday that the clinics in Velmora would close by winter.\n"
    facts = extract_facts(text, nlp(text), None)
    assert not facts.problems
    assert any(q.how == "tagger" and "clinics" in q.text for q in facts.quotes)


def test_eval_relations_skips_without_the_corpus(tmp_path, capsys):
    from newsgraph.evaluate_relations import main

    assert main(["--polnear", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out
