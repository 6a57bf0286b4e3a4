"""newsgraph.evaluate_events: the event scorer on a tiny invented corpus (no ../shared needed).

Most tests build the system's side by hand (documents, their event mentions and local entities) so
each figure is known exactly; one test runs the command on a store the real pipeline builds.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsgraph import evaluate_corpus as ec
from newsgraph import evaluate_events as ee

# Invented articles (no corpus text). Offsets below are computed from these strings.
A1 = ("Dawn Front fighters clashed with the Norland army near Velmora on Tuesday, killing 12 people. "
      "Karim al-Tarmi said the fighting was over. "
      "More than 3000 people have died since the war began. "
      "Read also: Sahil talks collapse.")
A2 = ("Norland jets struck a market in Sahil on Friday, killing 7 civilians. "
      "The strike destroyed two shops.")


def span(text: str, part: str) -> list[int]:
    s = text.index(part)
    return [s, s + len(part)]


def sentence(text: str, start_words: str) -> list[int]:
    s = text.index(start_words)
    e = text.index(". ", s) + 1 if ". " in text[s:] else len(text.rstrip())
    return [s, e]


def gold_event(eid, sp, plover, sub, a1, a2, place, date, fat, also=(), key=None):
    typ = {"Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence"}.get(sub) if sub else None
    ev = {"id": eid, "span": sp, "also": list(also), "plover": [plover], "acled_event_type": [typ] if typ else None,
          "sub_event_type": [sub] if sub else None, "actor1": a1, "actor2": a2, "place": place,
          "country": "Norway", "admin1": None, "date": date, "date_precision": "day" if date else None,
          "fatalities": fat}
    if key:
        ev["key"] = key
    return ev


def gold(audit=()) -> dict:
    return {"documents": [
        {"doc": "901", "split": "dev", "article_date": "2016-03-16", "events": [
            gold_event("901-e01", sentence(A1, "Dawn Front"), "FIGHT", "Armed clash", ["Dawn Front"], ["Norland army", "Norland"],
                       ["Velmora"], ["2016-03-15"], [12], key="velmora-clash"),
        ], "not_events": [{"span": sentence(A1, "More than"), "why": "cumulative"},
                          {"span": [A1.index("Read also"), len(A1)], "why": "headline link"}]},
        {"doc": "902", "split": "test", "article_date": "2016-03-19", "events": [
            gold_event("902-e01", sentence(A2, "Norland jets"), "FIGHT", "Air/drone strike", ["Norland jets", "Norland"], ["civilians"],
                       ["Sahil"], ["2016-03-18"], [7], also=[sentence(A2, "The strike")]),
        ], "not_events": []},
    ], "contradiction_audit": list(audit)}


def sys_event(text, sentence_words, etype, actors=(), location=-1, date=None, killed=None, **extra):
    s, e = sentence(text, sentence_words)
    ev = {"type": etype, "acled_type": extra.pop("acled_type", None), "start": s, "end": e, "trigger": "x",
          "actors": [list(a) for a in actors], "location": location, "date": date, "date_method": None,
          "quantities": [{"kind": "killed", "value": killed, "scope": None}] if killed is not None else [],
          "polarity": "asserted"}
    ev.update(extra)
    return ev


ENTS1 = [{"name": "Dawn Front", "names": ["Dawn Front"]}, {"name": "Norland", "names": ["Norland"]},
         {"name": "Velmora", "names": ["Velmora"]}, {"name": "Karim al-Tarmi", "names": ["Karim al-Tarmi"]}]
ENTS2 = [{"name": "Norland", "names": ["Norland"]}, {"name": "Sahil", "names": ["Sahil"]}]


def system(events1, events2, contradictions=(), segments1=None) -> ee.SystemEvents:
    docs = {
        "d1": ee.SysDoc("d1", A1, segments1 or [(0, 0, len(A1))], events1, ENTS1, "2016-03-16"),
        "d2": ee.SysDoc("d2", A2, [(0, 0, len(A2))], events2, ENTS2, "2016-03-19"),
    }
    return ee.SystemEvents(docs, {"901": "d1", "902": "d2"}, list(contradictions))


def perfect_clash(**extra):
    return sys_event(A1, "Dawn Front", "FIGHT", actors=[(0, "actor"), (1, "target")], location=2, date="2016-03-15",
                     killed=12, acled_type="Battles", **extra)


def perfect_strike(**extra):
    return sys_event(A2, "Norland jets", "FIGHT", actors=[(0, "actor")], location=1, date="2016-03-18", killed=7,
                     acled_type="Explosions/Remote violence", **extra)


def test_a_perfect_system_scores_one_everywhere_and_reports_the_missing_sub_event_type():
    strike = perfect_strike(actor_terms=[["civilians", "target", 7]])
    r = ee.score(gold(), system([perfect_clash()], [strike]))
    dev, test = r["splits"]["dev"], r["splits"]["test"]
    for part in (dev, test):
        assert part["precision"] == 1.0 and part["recall"] == 1.0 and part["typed_precision"] == 1.0
        assert part["every_field_precision"] == 1.0 and part["fatalities_stated_accuracy"] == 1.0
    assert dev["sub_event_type_accuracy"] == "not provided" and "sub_event_type" in r["not_provided"]
    assert dev["actor2_accuracy"] == 1.0 and test["actor2_accuracy"] == 1.0  # "civilians" read from actor_terms


def test_a_provided_sub_event_type_is_scored_and_counts_in_every_field():
    clash = perfect_clash(sub_event_type="Air/drone strike")  # wrong sub-type
    r = ee.score(gold(), system([clash], [perfect_strike(sub_event_type="Air/drone strike")]))
    assert r["splits"]["dev"]["sub_event_type_accuracy"] == 0.0
    assert r["splits"]["test"]["sub_event_type_accuracy"] == 1.0
    assert r["splits"]["dev"]["every_field_precision"] == 0.0


def test_false_positives_are_counted_by_why_and_repeats_are_not_false_positives():
    extra = [sys_event(A1, "More than", "ASSAULT", killed=3000),           # a cumulative toll
             sys_event(A1, "Read also", "COERCE"),                         # a headline link
             sys_event(A1, "Karim al-Tarmi", "CONSULT", actors=[(3, "actor")])]  # nothing annotated there
    repeat = sys_event(A2, "The strike", "ASSAULT")
    r = ee.score(gold(), system([perfect_clash()] + extra, [perfect_strike(), repeat]))
    dev, test = r["splits"]["dev"], r["splits"]["test"]
    assert dev["false_positives"] == {"cumulative": 1, "headline link": 1, "unannotated sentence": 1}
    assert dev["precision"] == 0.25 and dev["mention_precision"] == 0.25
    assert test["duplicates"] == 1 and test["precision"] == 1.0 and test["mention_precision"] == 1.0
    assert test["mention_typed_precision"] == 0.5  # the repeat is typed ASSAULT
    # the event is scored on the mention of its evidence sentence, not on the repeat
    assert test["plover_accuracy"] == 1.0


def test_battle_sides_may_come_in_either_order_but_other_fields_are_strict():
    swapped = sys_event(A1, "Dawn Front", "FIGHT", actors=[(1, "actor"), (0, "target")], location=2,
                        date="2016-03-15", killed=12, acled_type="Battles")
    r = ee.score(gold(), system([swapped], [perfect_strike()]))
    assert r["splits"]["dev"]["actor1_accuracy"] == 1.0 and r["splits"]["dev"]["actor2_accuracy"] == 1.0
    wrong_place = sys_event(A1, "Dawn Front", "FIGHT", actors=[(0, "actor"), (1, "target")], location=3,
                            date="2016-03-16", killed=None, acled_type="Battles")
    r = ee.score(gold(), system([wrong_place], [perfect_strike()]))
    dev = r["splits"]["dev"]
    assert dev["place_accuracy"] == 0.0 and dev["date_accuracy"] == 0.0 and dev["fatalities_stated_accuracy"] == 0.0
    assert dev["every_field_precision"] == 0.0 and dev["typed_precision"] == 1.0


def test_field_rules_for_names_dates_and_tolls():
    assert ee.name_matches("the Norland Army", "Norland army") and ee.name_matches("al-Tarmi", "Karim al Tarmi")
    assert not ee.name_matches("Norway", "Norland") and not ee.name_matches("", "Norland")
    doc = ee.SysDoc("d", "", [], [], ENTS2, "2016-03-19")
    g = gold_event("g", [0, 1], "FIGHT", None, None, None, None, None, [12, 62])
    base = {"type": "FIGHT", "acled_type": None, "actors": [], "location": -1}
    right = ee.judge(doc, {**base, "date": "2016-03-19", "fatalities": 62}, g, set(ee.FIELDS))
    assert right["date"] and right["fatalities"] and right["actor1"] and right["place"]  # undated: the report's date is fine
    wrong = ee.judge(doc, {**base, "date": "2016-03-01", "fatalities": 20, "actors": [[0, "actor"]]}, g, set(ee.FIELDS))
    assert not wrong["date"] and not wrong["fatalities"] and not wrong["actor1"]
    none_stated = gold_event("g", [0, 1], "FIGHT", None, None, None, None, None, None)
    assert ee.judge(doc, {**base, "date": None}, none_stated, set(ee.FIELDS))["fatalities"]


def test_a_date_stated_relative_to_the_report_is_no_fallback():
    doc = ee.SysDoc("d", "", [], [], ENTS2, "2016-03-19")
    g = gold_event("g", [0, 1], "FIGHT", None, None, None, None, ["2016-03-15"], None)
    base = {"type": "FIGHT", "acled_type": None, "actors": [], "location": -1, "date": "2016-03-15"}
    stated = {**base, "date_method": "weekday-before-publication", "date_precision": "day"}
    assert ee.judge(doc, stated, g, set(ee.FIELDS))["date"]
    fallback = {**base, "date_method": "report-date", "date_precision": "day"}
    assert not ee.judge(doc, fallback, g, set(ee.FIELDS))["date"]
    assert not ee.judge(doc, {**base, "date_fallback": True}, g, set(ee.FIELDS))["date"]


def test_gold_spans_map_through_the_segments_of_the_cleaned_text():
    # the cleaner removed the first 10 raw characters: clean = raw[10:]
    doc = ee.SysDoc("d", "x" * 50, [(0, 10, 50)], [], [], None)
    assert ee.clean_span(doc, 20, 30) == (10, 20)
    assert ee.clean_span(doc, 0, 5) is None  # removed by the cleaner
    assert ee.clean_span(doc, 5, 15) == (0, 5)


def test_contradictions_are_judged_by_gold_identity_and_by_the_audit():
    s1, s2 = span(A1, "12 people"), span(A2, "7 civilians")
    across = {"id": "C1", "kind": "quantity", "reports": [("d1", *s1), ("d2", *s2)]}  # two different events
    within = {"id": "C2", "kind": "date", "reports": [("d2", *span(A2, "Friday")), ("d2", *span(A2, "two shops"))]}
    r = ee.score(gold(), system([perfect_clash()], [perfect_strike()], [across, within]))
    assert r["splits"]["all"]["contradictions_judged"] == 2 and r["splits"]["all"]["contradictions_right"] == 1
    assert r["splits"]["test"]["contradiction_precision"] == 1.0
    # a contradiction no gold article covers on both sides is judged by the audit when it cites audited reports
    outside = {"id": "C3", "kind": "quantity", "reports": [("d1", *s1), ("d9", 0, 4)]}
    sysm = system([perfect_clash()], [perfect_strike()], [outside])
    sysm.docs["d9"] = ee.SysDoc("d9", "Four dead in Chile", [(0, 0, 18)], [], [], None)
    sysm.unit_doc["909"] = "d9"
    audit = [{"reports": [{"doc": "901", "start": s1[0], "end": s1[1]}, {"doc": "909", "start": 0, "end": 4}], "same": False}]
    c = ee.score(gold(audit), sysm)["contradictions"]
    assert c["judged"] == 1 and c["by_audit"] == 1 and c["precision"] == 0.0


def test_a_bad_gold_file_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "events.json"
    bad.write_text(json.dumps({"documents": [{"doc": "1", "events": [{"id": "x", "span": [0, 1]}]}]}))
    with pytest.raises(ValueError, match=r"events\.json.*lacks"):
        ee.read_gold(bad)
    bad.write_text("[1, 2")
    with pytest.raises(ValueError, match="cannot read the events gold"):
        ee.read_gold(bad)
    assert ee.main(["--gold", str(bad)]) == 2


def test_the_command_scores_a_store_the_pipeline_built(tmp_path):
    from newsgraph import pipeline
    from newsgraph.store import Store

    csv_path = tmp_path / "fakes.csv"
    with csv_path.open("w", encoding="latin-1", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_id", "article_title", "article_content", "source", "date"])
        w.writerow(["901", "Clash near Velmora", A1, "alpha", "3/16/2016"])
        w.writerow(["902", "Strike on Sahil", A2, "beta", "3/19/2016"])
    jsonl, db = tmp_path / "fakes.jsonl", tmp_path / "fakes.db"
    ec.convert(csv_path, jsonl)
    with Store(db) as store:
        pipeline.ingest(store, [jsonl])
    gold_path, out = tmp_path / "events.json", tmp_path / "figures.json"
    gold_path.write_text(json.dumps(gold()))
    assert ee.main(["--gold", str(gold_path), "--db", str(db), "--csv", str(csv_path), "--json", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["splits"]["dev"]["documents_unplaced"] == 0 and figures["splits"]["test"]["documents_unplaced"] == 0
    assert figures["splits"]["all"]["gold_events"] == 2 and figures["splits"]["all"]["system_events"] >= 1
    assert ee.main(["--gold", str(gold_path), "--db", str(db), "--csv", str(csv_path), "--json", str(out),
                    "--compare", str(out)]) == 0
