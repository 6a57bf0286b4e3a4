"""`newsgraph actors load/list` and `ingest --actors`, with a dictionary written for the test."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLE = """Front fighters enter river town

Karim Hadi al-Tarmi met commanders of the Qarmala Valley Front on Monday, officials said.
The Qarmala Valley Front has held the ridge since the spring.
"""
ACTORS = """\
QARMALA_VALLEY_FRONT_ [IRQREB]
+QVF_
KARIM_HADI_AL_TARMI_ [IRQGOV]
+KARIM_HADI_AL-TARMY_
"""


def setup(tmp_path):
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "front.txt").write_text(ARTICLE)
    dicts = tmp_path / "dicts"
    dicts.mkdir()
    (dicts / "Mine.actors.txt").write_text(ACTORS)
    (dicts / "Mine.agents.txt").write_text("COMMANDER [~MIL]\n")
    return docs, dicts


def coded(db) -> dict[str, list[str]]:
    result = runner.invoke(app, ["actors", "list", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return {e["name"]: e["codes"] for e in json.loads(result.output)["entities"]}


def test_actors_load_codes_the_stored_entities_and_is_remembered(tmp_path):
    docs, dicts = setup(tmp_path)
    db = tmp_path / "x.db"
    assert runner.invoke(app, ["ingest", str(docs), "--db", str(db), "--no-nlp", "-q"]).exit_code == 0
    assert coded(db) == {}
    loaded = runner.invoke(app, ["actors", "load", str(dicts), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "2 actor entries" in loaded.output and "entities coded" in loaded.output
    assert coded(db) == {"Qarmala Valley Front": ["IRQREB"], "Karim Hadi al-Tarmi": ["IRQGOV"]}
    shown = runner.invoke(app, ["show", "Karim Hadi al-Tarmi", "--db", str(db)])
    assert "IRQGOV" in shown.output and "government" in shown.output
    assert "Karim Hadi al-Tarmy" in shown.output  # a spelling from the dictionary, as an alias
    # later runs apply the dictionaries without being told again
    (docs / "second.txt").write_text(ARTICLE.replace("Monday", "Tuesday") + "\nA second report.\n")
    assert runner.invoke(app, ["ingest", str(docs), "--db", str(db), "--no-nlp", "-q"]).exit_code == 0
    assert "Qarmala Valley Front" in coded(db)
    table = runner.invoke(app, ["actors", "list", "--db", str(db)])
    assert "IRQREB" in table.output and "rebels" in table.output


def test_ingest_with_actors(tmp_path):
    docs, dicts = setup(tmp_path)
    db = tmp_path / "y.db"
    result = runner.invoke(app, ["ingest", str(docs), "--db", str(db), "--no-nlp", "-q", "--actors", str(dicts / "Mine.actors.txt")])
    assert result.exit_code == 0, result.output
    assert coded(db)["Qarmala Valley Front"] == ["IRQREB"]


def test_missing_dictionary_is_an_error(tmp_path):
    db = tmp_path / "z.db"
    result = runner.invoke(app, ["actors", "load", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 2 and "not found" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--actors", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_list_without_dictionaries(tmp_path):
    docs, _ = setup(tmp_path)
    db = tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(docs), "--db", str(db), "--no-nlp", "-q"])
    result = runner.invoke(app, ["actors", "list", "--db", str(db)])
    assert result.exit_code == 0 and "no dictionaries loaded" in result.output
