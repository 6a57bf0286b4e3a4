"""The command line, as a user runs it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

from conftest import OTHER_STORY, WIRE_STORY

runner = CliRunner()


def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text("Brigade pushes into river town\n\n" + WIRE_STORY)
    (folder / "bank.txt").write_text("Central bank raises rates\n\n" + OTHER_STORY)
    (folder / "broken.jsonl").write_text('{"text": \n')
    return folder


def test_ingest_reports_problems_and_exit_status(tmp_path):
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", str(db), "--no-nlp", "-q"])
    assert result.exit_code == 1  # one bad input
    assert "broken.jsonl:1: malformed JSON" in result.output
    assert "added" in result.output
    again = runner.invoke(app, ["ingest", str(tmp_path / "in" / "wire.txt"), "--db", str(db), "--no-nlp", "-q"])
    assert again.exit_code == 0
    assert "already stored" in again.output


def test_docs_show_doc_and_export(tmp_path):
    db = tmp_path / "x.db"
    runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", str(db), "--no-nlp", "-q"])
    docs = runner.invoke(app, ["docs", "--db", str(db)])
    assert docs.exit_code == 0 and "2 documents" in docs.output
    shown = runner.invoke(app, ["show-doc", "wire.txt", "--db", str(db)])
    assert shown.exit_code == 0 and "eleven villages" in shown.output
    missing = runner.invoke(app, ["show-doc", "nope", "--db", str(db)])
    assert missing.exit_code == 2 and "no document matches 'nope'" in missing.output
    out = tmp_path / "export.json"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "--out", str(out)])
    assert exported.exit_code == 0
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 2
    assert any("eleven villages" in d["text"] for d in data["documents"])


def test_missing_store_and_bad_format(tmp_path):
    result = runner.invoke(app, ["docs", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 2 and "no store at" in result.output
    db = tmp_path / "x.db"
    runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", str(db), "--no-nlp", "-q"])
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_help_everywhere():
    for command in ([], ["ingest"], ["docs"], ["show-doc"], ["export"], ["demo"], ["stats"]):
        result = runner.invoke(app, command + ["--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_show_lists_the_names_kept_apart_and_why_as_plain_text(tmp_path):
    from collections import Counter

    from newsgraph.entities.resolve import ResolvedEntity
    from newsgraph.store import Store

    db = tmp_path / "k.db"
    note = "'[bold red]Tarmi[/]' left apart: the surname of several PERSON names: Karim al-Tarmi (6 stories), Hadi al-Tarmi (4 stories)"
    with Store(db) as store, store.batch():
        store.replace_entities([ResolvedEntity("E1", "Tarmi", "PERSON", None, [], Counter({"Tarmi": 1}), 1, 1, [], [],
                                               meta={"kept_apart": [note]})], {})
    result = runner.invoke(app, ["show", "Tarmi", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "names kept apart, and why" in result.output
    assert "[bold red]Tarmi[/]" in result.output and "Hadi al-Tarmi (4 stories)" in " ".join(result.output.split())
