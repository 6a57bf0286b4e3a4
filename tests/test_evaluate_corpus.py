"""newsgraph.evaluate_corpus: the FA-KES converter and the entity-resolution scorer.

The scorer runs on a small store the real pipeline builds from invented articles in the FA-KES CSV
layout; each test then sets up the situation it checks (a false merge, a fragment, coordinates, a
junk name) by editing the entity assignments of a copy of that store, so the expected figures are
known exactly whatever the resolver does.
"""

from __future__ import annotations

import io
import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsgraph import evaluate_corpus as ec
from newsgraph import pipeline
from newsgraph.store import Store
from newsgraph.types import RawDocument

from conftest import SHARED

FAKES_CSV = SHARED / "corpus" / "fakes-syria-war-news" / "FA-KES-Dataset.csv"

# Invented articles (no corpus text): unit_id -> (title, content, source, date)
STORY = ("Governor Karim Haddad said on Tuesday that shelling had hit the central market of Lyon, killing four "
         "people and wounding eleven. Haddad said rescue teams from the Alpine Rescue League were still searching the "
         "rubble of two shops near the old clock tower. Residents said the shells came from the north and that "
         "the market had been crowded with families buying food before the holiday. The provincial council "
         "called an emergency meeting for Wednesday and asked the army to secure the road to the hospital.")
ARTICLES = {
    "5001": ("Shelling hits Lyon market", "Tue 14 Mar 2016 Shelling hits Lyon market. " + STORY, "alpha", "3/14/2016"),
    "5002": ("Four killed in Lyon market shelling", "Wed 15 Mar 2016 " + STORY, "beta", "3/15/2016"),
    "5003": ("Doctor describes airstrike", "Nadia Mansour, a doctor in Grenoble, said the hospital had received dozens of "
             "wounded after an airstrike on the town of Vizille on Saturday. Mansour told reporters that the Alpine Rescue "
             "League had sent two ambulances from Grenoble. Karim Haddad, the governor of Lyon, visited the wounded "
             "on Sunday and promised help for the families.", "gamma", "3/20/2016"),
    "5004": ("Poor harvest near Valence", "Farmers near Valence said the wheat harvest had been poor this year "
             "because the rains came late. Officials in Chambery promised seed and fuel for the next season, "
             "and Nadia Mansour of the farmers union said the aid had not yet arrived.", "delta", "4/2/2016"),
}


def write_csv(path: Path, articles=ARTICLES) -> Path:
    with path.open("w", encoding="latin-1", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_id", "article_title", "article_content", "source", "date"])
        for uid, (title, text, source, day) in articles.items():
            w.writerow([uid, title, text, source, day])
    return path


def mention(uid: str, text: str, nth: int = 0, field: str = "content") -> dict:
    """A gold mention of the nth occurrence of ``text`` in the article's field."""
    title, content, _, _ = ARTICLES[uid]
    source = content if field == "content" else title
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    return {"doc": uid, "field": field, "start": start, "end": start + len(text), "text": text}


def gold(**extra) -> dict:
    g = {
        "corpus": "synthetic", "doc_key": "unit_id",
        "actors": [
            {"id": "P01", "split": "dev", "type": "PERSON", "display_names": ["Karim Haddad"],
             "forms": ["Karim Haddad", "Haddad"],
             "mentions": [mention("5001", "Karim Haddad"), mention("5002", "Karim Haddad"),
                          mention("5003", "Karim Haddad")]},
            {"id": "P02", "split": "test", "type": "PERSON", "display_names": ["Nadia Mansour"],
             "forms": ["Nadia Mansour"],
             "mentions": [mention("5003", "Nadia Mansour"), mention("5004", "Nadia Mansour")]},
            {"id": "L01", "split": "dev", "type": "LOC", "display_names": ["Lyon"], "forms": ["Lyon"],
             "mentions": [mention("5003", "Lyon")], "location": {"lat": 45.76, "lon": 4.84}},
            {"id": "L02", "split": "dev", "type": "LOC", "display_names": ["Grenoble"], "forms": ["Grenoble"],
             "mentions": [mention("5003", "Grenoble"), mention("5003", "Grenoble", 1)],
             "location": {"lat": 45.19, "lon": 5.72}},
            {"id": "O01", "split": "test", "type": "ORG", "display_names": ["Alpine Rescue League"], "forms": ["Alpine Rescue League"],
             "mentions": [mention("5001", "Alpine Rescue League"), mention("5002", "Alpine Rescue League"),
                          mention("5003", "Alpine Rescue League")]},
        ],
        "never_merge": [{"a": "P01", "b": "P02", "split": "dev", "why": "two people"},
                        {"a": "L01", "b": {"name": "Grenoble"}, "split": "test", "why": "two towns"}],
        "story_pairs": [{"a": "5001", "b": "5002", "same": True, "split": "dev"},
                        {"a": "5001", "b": "5003", "same": False, "split": "test"}],
        "judgements": [],
    }
    g.update(extra)
    return g


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A store the whole pipeline (with the shipped model) built from the invented articles."""
    folder = tmp_path_factory.mktemp("evalcorpus")
    csv_path = write_csv(folder / "fakes.csv")
    jsonl = folder / "fakes.jsonl"
    assert ec.convert(csv_path, jsonl) == 4
    db = folder / "fakes.db"
    with Store(db) as store:
        report = pipeline.ingest(store, [jsonl])
        assert report.nlp_skipped is None and report.added == 4
    return db


def system_span(store: Store, uid: str, text: str, nth: int = 0) -> tuple[str, int, int]:
    """(doc id, start, end) of the system mention covering a gold mention (asserting there is one)."""
    system = ec.load_system(store)
    doc = system.docs[system.unit_doc[uid]]
    m = mention(uid, text, nth)
    pos, how = ec.locate(doc, "content", m["start"], m["end"], text)
    assert pos is not None, how
    found = ec.system_mention(system.mentions.get(doc.id, []), pos, pos + len(text))
    assert found is not None, f"the mention finder no longer finds {text!r} in article {uid}"
    return doc.id, found[0], found[1]


def move(db: Path, uid: str, text: str, to_entity: str, nth: int = 0) -> None:
    """Put the system mention covering the nth ``text`` of article ``uid`` in entity ``to_entity``."""
    with Store(db) as store:
        doc, s, e = system_span(store, uid, text, nth)
        store.db.execute("UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND start = ? AND end = ? "
                         "AND origin != 'ner'", (to_entity, doc, s, e))


def new_entity(db: Path, eid: str, name: str, type_: str = "PERSON", meta: dict | None = None) -> None:
    with Store(db) as store:
        store.db.execute("INSERT INTO entities (id, name, type, documents, meta) VALUES (?,?,?,1,?)",
                         (eid, name, type_, json.dumps(meta or {})))


@pytest.fixture
def store_copy(built, tmp_path) -> Path:
    """A copy of the store in which the gold actors are resolved perfectly: one entity G-<actor id>
    per actor (named and typed as the gold says), holding the system mentions of its gold mentions.
    Each test adds the errors it checks, so the expected figures are exact whatever the resolver does."""
    db = tmp_path / "copy.db"
    with sqlite3.connect(built) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    for actor in gold()["actors"]:
        new_entity(db, "G-" + actor["id"], actor["display_names"][0], actor["type"])
        for m in actor["mentions"]:
            nth = ARTICLES[m["doc"]][1][: m["start"]].count(m["text"])
            move(db, m["doc"], m["text"], "G-" + actor["id"], nth)
    return db


def run(db: Path, g: dict) -> dict:
    with Store(db) as store:
        system = ec.load_system(store)
    return ec.score(g, system)


# -- without the model ------------------------------------------------------------------------------
def test_iso_date_and_names():
    assert ec.iso_date("4/5/2017") == "2017-04-05"
    assert ec.iso_date("12/31/2016") == "2016-12-31"
    assert ec.iso_date("31/12/2016") is None and ec.iso_date("") is None
    assert ec.norm_name("Karim al-Tarmi") == ec.norm_name("karim Al Tarmi")
    assert ec.norm_name("The Alpine Rescue League") == ec.norm_name("Alpine Rescue League")
    assert ec.norm_name("Grenoble") != ec.norm_name("Lyon")


def test_auto_junk_flags():
    assert ec.auto_junk("www.example.com") == "url"
    assert ec.auto_junk("desk@example.org") == "e-mail"
    assert ec.auto_junk("@newsdesk") == "handle"
    assert ec.auto_junk("2016") == "no letters"
    assert ec.auto_junk("comment") == "one lowercase word"
    assert ec.auto_junk("one two three four five six seven") == "long"
    for fine in ("Lyon", "Karim Haddad", "al-Fajr Front", "Norland Monitor for Human Rights"):
        assert ec.auto_junk(fine) is None


def test_haversine_and_coordinates():
    assert ec.haversine_km(34.0, 36.0, 35.0, 36.0) == pytest.approx(111.2, abs=0.2)
    assert ec.haversine_km(34.0, 36.0, 34.0, 36.0) == 0
    assert ec.coordinates({"gazetteer": {"latitude": 1.0, "longitude": 2.0}}) == (1.0, 2.0)
    assert ec.coordinates({"approximate_position": {"latitude": 3.0, "longitude": 4.0}}) == (3.0, 4.0)
    assert ec.coordinates({"country": {"alpha2": "SY"}}) is None


def test_locate_through_segments_and_offsets():
    raw = "Menu\nHaddad met Haddad.\nfooter"
    # the cleaned text keeps only the middle line, at clean offset 0 (raw offset 5)
    doc = ec.Doc("d", "Haddad met Haddad.", raw, "T", None, None, None, [(0, 5, 18)])
    second = raw.index("Haddad", 10)
    assert ec.locate(doc, "content", second, second + 6, "Haddad") == (11, "offset")
    assert ec.locate(doc, "content", second - 2, second + 4, "Haddad") == (11, "nearby")  # stated 2 characters off
    assert ec.locate(doc, "content", 0, 4, "Menu") == (None, "removed by the cleaner")
    assert ec.locate(doc, "content", 0, 5, "Jones")[0] is None
    # no segment map: the same occurrence ordinal
    bare = ec.Doc("d", "Haddad met Haddad.", "Haddad  met  Haddad.", None, None, None, None, [(0, None, 18)])
    assert ec.locate(bare, "content", 13, 19, "Haddad") == (11, "ordinal")
    titled = ec.Doc("d", "Mon 1 Jan Big news. Body", "Mon 1 Jan Big news. Body", "Big news", None, None, None, [])
    assert ec.locate(titled, "title", 4, 8, "news") == (14, "title in text")


def test_system_mention_prefers_covering():
    ms = [(0, 12, "a"), (6, 12, "b"), (20, 25, "c")]
    assert ec.system_mention(ms, 6, 12) == (6, 12, "b")  # the shortest covering
    assert ec.system_mention(ms, 19, 25) == (20, 25, "c")  # overlaps more than half
    assert ec.system_mention(ms, 14, 19) is None


def test_compare_prints_old_to_new(capsys):
    old = {"splits": {"dev": {"false_merges": 3, "found_share": 0.5, "false_merge_list": []}}, "store": {"entities": 10}}
    new = {"splits": {"dev": {"false_merges": 1, "found_share": 0.75, "false_merge_list": []}}, "store": {"entities": 12}}
    ec.compare(old, new)
    out = capsys.readouterr().out
    assert "dev.false_merges" in out and "3 → 1" in out and "(-2)" in out
    assert "0.500 → 0.750" in out and "store.entities" in out and "(+2)" in out
    assert "false_merge_list" not in out


# -- on a store the pipeline built -----------------------------------------------------------------
@pytest.mark.model
def test_converter_output(built):
    rows = [json.loads(line) for line in (built.parent / "fakes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in rows] == [f"urn:fakes:{u}" for u in ARTICLES]
    assert rows[0]["published"] == "2016-03-14" and rows[0]["publisher"] == "alpha"
    assert rows[2]["text"] == ARTICLES["5003"][1] and rows[2]["title"] == ARTICLES["5003"][0]


@pytest.mark.model
def test_perfect_resolution_scores_perfectly(store_copy):
    r = run(store_copy, gold())["splits"]
    for split, actors in (("dev", 3), ("test", 2), ("all", 5)):
        f = r[split]
        assert f["actors"] == actors and f["found_share"] == 1.0 and f["main_entity_share"] == 1.0
        assert f["false_merges"] == 0 and f["never_merge_violated"] == 0
        assert f["fragmentation"] == 1.0 and f["fragmented_actors"] == 0
        assert f["type_accuracy"] == 1.0 and f["display_name_accuracy"] == 1.0
    assert r["dev"]["gold_mentions"] == 6 and r["test"]["gold_mentions"] == 5 and r["all"]["gold_mentions"] == 11


@pytest.mark.model
def test_gold_mentions_unlocated_and_missed(store_copy):
    g = gold()
    g["actors"][0]["mentions"] += [
        mention("5003", "Sunday"),                      # in the text, but no entity mention there
        {"doc": "5003", "field": "content", "start": 3, "end": 8, "text": "Zorro"},  # not in the article
        {"doc": "9999", "field": "content", "start": 0, "end": 5, "text": "Karim"},  # no such document
    ]
    r = run(store_copy, g)["splits"]
    dev = r["dev"]
    assert dev["gold_mentions"] == 9 and dev["unlocated"] == 2 and dev["missed"] == 1 and dev["found"] == 6
    assert dev["found_share"] == pytest.approx(6 / 9, abs=1e-3) and dev["main_entity_share"] == pytest.approx(6 / 9, abs=1e-3)
    assert dev["unlocated_reasons"] == {"text not in the article": 1, "document not in the store": 1}
    assert r["test"]["gold_mentions"] == 5 and r["test"]["found"] == 5 and r["test"]["unlocated"] == 0


@pytest.mark.model
def test_false_merge_and_never_merge_detected_by_split(store_copy):
    # Nadia Mansour (P02, test) of article 5004 put into Karim Haddad's entity (P01, dev): a merge across splits
    move(store_copy, "5004", "Nadia Mansour", "G-P01")
    r = run(store_copy, gold())["splits"]
    assert (r["dev"]["false_merges"], r["test"]["false_merges"], r["all"]["false_merges"]) == (0, 0, 1)
    assert r["all"]["false_merge_list"] == [{"entity": "G-P01", "name": "Karim Haddad",
                                             "actors": ["P01 Karim Haddad", "P02 Nadia Mansour"]}]
    # the never-merge pair P01/P02 is a dev pair: violated in dev only
    assert (r["dev"]["never_merge_violated"], r["test"]["never_merge_violated"]) == (1, 0)
    assert r["dev"]["never_merge_list"][0]["entities"] == ["Karim Haddad"]
    # Lyon (L01, dev) put into the Grenoble entity (L02, dev): a dev merge, and the test pair L01 / {"name": "Grenoble"}
    move(store_copy, "5003", "Lyon", "G-L02")
    r = run(store_copy, gold())["splits"]
    assert (r["dev"]["false_merges"], r["test"]["false_merges"], r["all"]["false_merges"]) == (1, 0, 2)
    assert r["dev"]["false_merge_list"][0]["actors"] == ["L01 Lyon", "L02 Grenoble"]
    assert r["test"]["never_merge_violated"] == 1 and r["test"]["never_merge_list"][0]["b"] == "Grenoble"


@pytest.mark.model
def test_fragment_counted(store_copy):
    new_entity(store_copy, "frag-1", "Haddad")
    move(store_copy, "5003", "Karim Haddad", "frag-1")
    dev = run(store_copy, gold())["splits"]["dev"]
    assert dev["fragmentation"] == pytest.approx(4 / 3, abs=1e-3) and dev["fragmented_actors"] == 1
    assert dev["worst_fragmented"] == [{"actor": "P01 Karim Haddad", "entities": 2,
                                        "names": ["Karim Haddad (2)", "Haddad (1)"]}]
    assert dev["found_share"] == 1.0 and dev["main_entity_share"] == pytest.approx(5 / 6, abs=1e-3)
    assert run(store_copy, gold())["splits"]["test"]["fragmentation"] == 1.0


@pytest.mark.model
def test_types_and_display_names(store_copy):
    with Store(store_copy) as store:
        store.db.execute("UPDATE entities SET name = 'Karim al-Haddad', type = 'ORG' WHERE id = 'G-P01'")
    g = gold()
    g["actors"][0]["display_names"] = ["Karim Al Haddad"]  # case and "al-" / "Al " differences are accepted
    dev = run(store_copy, g)["splits"]["dev"]
    assert dev["wrong_display_name"] == [] and dev["display_name_accuracy"] == 1.0
    assert dev["wrong_type"] == [{"actor": "P01 Karim Al Haddad", "gold": "PERSON", "system": "ORG",
                                  "entity": "Karim al-Haddad"}]
    assert dev["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    dev = run(store_copy, gold())["splits"]["dev"]
    assert dev["wrong_display_name"] == [{"actor": "P01 Karim Haddad", "system": "Karim al-Haddad"}]
    assert dev["display_name_accuracy"] == pytest.approx(2 / 3, abs=1e-3)


@pytest.mark.model
def test_geocoding_distance(store_copy):
    with Store(store_copy) as store:
        # Lyon one degree of latitude north of its gold point (111 km), Grenoble three degrees (334 km)
        store.db.execute("UPDATE entities SET meta = ? WHERE id = 'G-L01'",
                         (json.dumps({"gazetteer": {"latitude": 46.76, "longitude": 4.84}}),))
        store.db.execute("UPDATE entities SET meta = ? WHERE id = 'G-L02'",
                         (json.dumps({"approximate_position": {"latitude": 48.19, "longitude": 5.72}}),))
    r = run(store_copy, gold())["splits"]
    dev = r["dev"]
    assert dev["places"] == 2 and dev["geo_no_coordinates"] == 0 and dev["geo_within_161km"] == 0.5
    assert dev["geo_median_km"] == pytest.approx(333.6, abs=0.5)
    assert [(f["actor"], round(f["km"])) for f in dev["geo_far"]] == [("L02 Grenoble", 334)]
    assert r["test"]["places"] == 0 and r["test"]["geo_within_161km"] is None
    with Store(store_copy) as store:
        store.db.execute("UPDATE entities SET meta = '{}' WHERE id = 'G-L02'")
    dev = run(store_copy, gold())["splits"]["dev"]
    assert dev["geo_no_coordinates"] == 0.5 and dev["geo_within_161km"] == 0.5 and dev["geo_far"] == []


@pytest.mark.model
def test_junk_flagged_and_unjudged_listed(store_copy):
    with Store(store_copy) as store:
        store.db.execute("DELETE FROM entities WHERE id NOT LIKE 'G-%'")  # only what the test sets up
        store.db.execute("UPDATE entities SET name = 'www.example.com' WHERE id = 'G-O01'")
    for eid, name in (("J1", "Read More"), ("J2", "Vercors Plain"), ("J3", "Qudsaya Council"), ("J4", "12 34")):
        new_entity(store_copy, eid, name, "ORG")
    g = gold(judgements=[{"name": "read more", "junk": True}, {"name": "Vercors Plain", "junk": False}])
    st = run(store_copy, g)["store"]
    junk = {j["name"]: j["why"] for j in st["junk_list"]}
    assert junk == {"www.example.com": "url", "Read More": "judged junk", "12 34": "no letters"}
    assert st["junk_in_top"] == 3 and st["junk_share_top"] == pytest.approx(3 / st["top_entities"], abs=1e-3)
    unjudged = {u["name"] for u in st["unjudged_list"]}
    assert "Qudsaya Council" in unjudged
    assert not unjudged & {"Karim Haddad", "Lyon", "Grenoble", "Nadia Mansour", "Vercors Plain", "Read More"}


@pytest.mark.model
def test_story_pairs_and_cli_json(store_copy, tmp_path, capsys):
    r = run(store_copy, gold())["splits"]
    assert r["dev"]["story_pair_accuracy"] == 1.0 and r["test"]["story_pair_accuracy"] == 1.0
    g = gold(story_pairs=[{"a": "5001", "b": "5002", "same": False, "split": "dev"},
                          {"a": "5001", "b": "7777", "same": True, "split": "dev"}])
    dev = run(store_copy, g)["splits"]["dev"]
    assert dev["story_pair_accuracy"] == 0.0 and dev["story_pairs_unplaced"] == 1
    gold_path, out = tmp_path / "gold.json", tmp_path / "figs.json"
    gold_path.write_text(json.dumps(gold()))
    args = ["--db", str(store_copy), "--gold", str(gold_path), "--csv", str(tmp_path / "none.csv")]
    assert ec.main(args + ["--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "completeness" in printed and "largest story groups" in printed and "Shelling hits Lyon" in printed
    data = json.loads(out.read_text())
    assert data["splits"]["dev"]["actors"] == 3 and data["splits"]["test"]["actors"] == 2
    assert "Shelling" not in out.read_text()  # titles are printed, never written
    assert ec.main(args + ["--compare", str(out)]) == 0
    assert "dev.actors" in capsys.readouterr().out


@pytest.mark.shared
def test_converter_on_the_real_csv_head(tmp_path):
    if not FAKES_CSV.exists():
        pytest.skip("../shared/corpus/fakes-syria-war-news is not available")
    out = tmp_path / "head.jsonl"
    assert ec.convert(FAKES_CSV, out, limit=25) == 25
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    source = ec.read_csv(FAKES_CSV, limit=25)
    for row, rec in zip(source, rows, strict=True):
        assert rec["url"] == "urn:fakes:" + row["unit_id"]
        assert rec["text"] == row["article_content"] and rec["publisher"] == row["source"]
        m, d, y = (int(x) for x in row["date"].split("/"))
        assert rec["published"] == f"{y:04d}-{m:02d}-{d:02d}"
        # the store id the scorer computes is the one the pipeline gives the document
        assert ec.content_id(rec["text"]) == RawDocument("x", "", "text", rec["text"]).id


@pytest.mark.model
def test_a_gold_country_is_placed_right_when_its_entity_is_linked_to_that_country(store_copy):
    g = gold()
    g["actors"][2].update(kind="country", display_names=["France"], forms=["France"])
    for linked, wrong in (("France", False), ("Chile", True)):
        with Store(store_copy) as store:
            # a capital as the country's point: hundreds of kilometres from the gold centroid, and right
            store.db.execute("UPDATE entities SET meta = ? WHERE id = 'G-L01'",
                             (json.dumps({"country": {"name": linked, "latitude": 48.85, "longitude": 2.35}}),))
        far = {f["actor"]: f["km"] for f in run(store_copy, g)["splits"]["dev"]["geo_far"]}
        assert ("L01 France" in far) == wrong


@pytest.mark.model
def test_report_lists_the_errors_of_the_tuning_part_only(store_copy):
    # a merge across splits (P01 dev, P02 test) is a test-part error too: the report names it only when asked
    move(store_copy, "5004", "Nadia Mansour", "G-P01")
    new_entity(store_copy, "frag-1", "Haddad")
    move(store_copy, "5003", "Karim Haddad", "frag-1")
    result = run(store_copy, gold())
    dev, test = io.StringIO(), io.StringIO()
    ec.report(result, out=dev)
    ec.report(result, out=test, errors="test")
    assert "the dev part" in dev.getvalue() and "P01 Karim Haddad: 2 entities" in dev.getvalue()
    def errors(text: str) -> str:  # the per-part error lists, not the store-wide ones after them
        return text.split("errors listed below")[1].split("junk among")[0]
    assert "P02 Nadia Mansour:" not in errors(dev.getvalue())
    assert "P02 Nadia Mansour:" in errors(test.getvalue())
