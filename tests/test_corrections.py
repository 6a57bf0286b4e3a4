"""User corrections (merge, split, rename, retype): stored, replayed on every run, exported and
imported. Small corpora written for the test, ingested with the shipped model."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.entities.corrections import parse_file
from newsgraph.entities.resolve import LocalRecord, Override, resolve

runner = CliRunner()

DOCS = {
    "a.txt": """Governor visits the ridge

Haidar Salman, the governor of Qarmala province, visited the ridge above Bayt Saffar on Monday.
Karim Hadi al-Tarmi, the commander of the Qarmala Valley Front, met him at the checkpoint, officials said.
""",
    "b.txt": """Market reopens after clashes

Haider Salman, a spice trader in Bayt Saffar, said the market had reopened on Tuesday after two days of clashes.
The Dawood Hills Brigade withdrew its fighters from the square, residents said.
""",
    "c.txt": """Front and brigade agree truce

Jabhat Wadi Qarmala and the Dawood Hills Brigade agreed a truce in Bayt Saffar on Wednesday.
Sami Nasser Hamdan, who leads the brigade, signed for his side. Karim al-Tarmi signed for the front.
""",
    "d.txt": """Truce holds in Bayt Saffar

The truce between the Qarmala Valley Front and the Dawood Hills Brigade held on Thursday, said Sami Hamdan.
""",
}
EXTRA = """Prices fall in Bayt Saffar

Haider Salman, the spice trader, said prices in Bayt Saffar had fallen since the truce. Sami Nasser Hamdan
of the Dawood Hills Brigade visited the market with fighters of Jabhat Wadi Qarmala on Friday.
"""


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def build(tmp_path, name="x.db"):
    folder = tmp_path / "in"
    if not folder.exists():
        folder.mkdir()
        for fname, text in DOCS.items():
            (folder / fname).write_text(text)
    db = tmp_path / name
    invoke("ingest", folder, "--db", db, "-q")
    return folder, db


def entities(db) -> dict[str, dict]:
    return {e["name"]: e for e in json.loads(invoke("entities", "--db", db, "--json"))}


def reingest(tmp_path, folder, db):
    """The same files again, then one new document: every correction must still hold each time."""
    invoke("ingest", folder, "--db", db, "-q")
    yield entities(db)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "e.txt").write_text(EXTRA)
    invoke("ingest", extra, "--db", db, "-q")
    yield entities(db)


pytestmark = pytest.mark.model


def test_split_takes_a_spelling_variant_out_and_survives_reingest(tmp_path):
    folder, db = build(tmp_path)
    before = entities(db)
    assert "Haider Salman" in before["Haidar Salman"]["aliases"]  # the resolver took two men for one
    out = invoke("split", "Haidar Salman", "Haider Salman", "--db", db)
    assert "Haider Salman" in out
    for step, ents in enumerate([entities(db), *reingest(tmp_path, folder, db)]):
        assert "Haider Salman" not in ents["Haidar Salman"]["aliases"], step
        assert ents["Haidar Salman"]["documents"] == 1, step
        assert ents["Haider Salman"]["documents"] == (2 if step == 2 else 1), step
    why = invoke("why-same", "Haidar Salman", "Haider Salman", "--db", db)
    assert "different entities" in why and "split off by the user" in why


def test_split_alias_carried_next_to_another_name_of_the_entity(tmp_path):
    # "Abu Sahl" is carried by a local entity that also carries a spelling of the entity's name
    records = [LocalRecord("d1", 0, None, "Abu Sahl al-Raadi", "PERSON", names=["Abu Sahl al-Raadi"]),
               LocalRecord("d2", 0, None, "Nizar Tawfiq al-Ra'adi", "PERSON",
                           names=["Nizar Tawfiq al-Ra'adi", "Abu Sahl al-Ra'idi", "Abu Sahl"]),
               LocalRecord("d3", 0, None, "Abu Sahl al-Raadi", "PERSON", names=["Abu Sahl al-Raadi"])]
    merge = Override("merge", "Abu Sahl al-Raadi", "Nizar Tawfiq al-Ra'adi")
    ents, _ = resolve(records, [merge])
    assert len(ents) == 1
    ents, mapping = resolve(records, [merge, Override("split", "Abu Sahl al-Raadi", "Abu Sahl")])
    assert sorted(sorted(e.members) for e in ents) == [[("d1", 0), ("d3", 0)], [("d2", 0)]]


def test_split_leaves_nothing_joined_through_the_alias():
    # "Salman Jr" joined the entity only through the record split off: it leaves with it
    records = [LocalRecord("d1", 0, None, "Haidar Salman", "PERSON", names=["Haidar Salman"]),
               LocalRecord("d4", 0, None, "Haidar Salman", "PERSON", names=["Haidar Salman"]),
               LocalRecord("d2", 0, None, "Haider Salman", "PERSON", names=["Haider Salman", "Abu Ali Salman"]),
               LocalRecord("d3", 0, None, "Abu Ali Salman", "PERSON", names=["Abu Ali Salman"])]
    ents, _ = resolve(records, [Override("merge", "Haidar Salman", "Haider Salman")])
    assert len(ents) == 1
    ents, _ = resolve(records, [Override("merge", "Haidar Salman", "Haider Salman"),
                                Override("split", "Haidar Salman", "Haider Salman")])
    groups = sorted(sorted(k[0] for k in e.members) for e in ents)
    assert groups == [["d1", "d4"], ["d2", "d3"]]


def test_merge_keeps_the_first_name_and_survives_reingest(tmp_path):
    folder, db = build(tmp_path)
    before = entities(db)
    assert "Jabhat Wadi Qarmala" in before and "Qarmala Valley Front" in before
    invoke("merge", "Jabhat Wadi Qarmala", "Qarmala Valley Front", "--db", db)
    for step, ents in enumerate([entities(db), *reingest(tmp_path, folder, db)]):
        assert "Qarmala Valley Front" not in ents, step
        assert "Qarmala Valley Front" in ents["Jabhat Wadi Qarmala"]["aliases"], step
        assert ents["Jabhat Wadi Qarmala"]["documents"] == (4 if step == 2 else 3), step
    shown = invoke("show", "Qarmala Valley Front", "--db", db)
    assert "Jabhat Wadi Qarmala" in shown and "merged by the user" in shown


def test_merge_with_a_name(tmp_path):
    folder, db = build(tmp_path)
    invoke("merge", "Qarmala Valley Front", "Jabhat Wadi Qarmala", "--name", "Qarmala Front", "--db", db)
    for step, ents in enumerate([entities(db), *reingest(tmp_path, folder, db)]):
        assert "Qarmala Valley Front" not in ents and "Jabhat Wadi Qarmala" not in ents, step
        assert {"Qarmala Valley Front", "Jabhat Wadi Qarmala"} <= set(ents["Qarmala Front"]["aliases"]), step
    assert "Qarmala Front" in invoke("show", "Qarmala Front", "--db", db)


def test_rename_keeps_the_old_name_as_alias_and_survives_reingest(tmp_path):
    folder, db = build(tmp_path)
    invoke("rename", "Sami Hamdan", "Abu Nasser", "--db", db)
    for step, ents in enumerate([entities(db), *reingest(tmp_path, folder, db)]):
        assert "Sami Nasser Hamdan" not in ents, step
        assert {"Sami Nasser Hamdan", "Sami Hamdan"} <= set(ents["Abu Nasser"]["aliases"]), step
        assert ents["Abu Nasser"]["documents"] == (3 if step == 2 else 2), step
    shown = invoke("show", "Abu Nasser", "--db", db)
    assert "renamed by the user" in shown
    assert "Abu Nasser" in invoke("show", "Sami Nasser Hamdan", "--db", db)
    # relations and mentions follow the entity's new id
    show = json.loads(invoke("show", "Abu Nasser", "--db", db, "--json"))
    assert show["mentions"] >= 3


def test_retype_and_survives_reingest(tmp_path):
    folder, db = build(tmp_path)
    assert entities(db)["Dawood Hills Brigade"]["type"] == "ORG"
    invoke("retype", "Dawood Hills Brigade", "LOC/region", "--db", db)
    for step, ents in enumerate([entities(db), *reingest(tmp_path, folder, db)]):
        e = ents["Dawood Hills Brigade"]
        assert (e["type"], e["subtype"]) == ("LOC", "region"), step
    assert "retyped by the user" in invoke("show", "Dawood Hills Brigade", "--db", db)
    bad = runner.invoke(app, ["retype", "Dawood Hills Brigade", "ANIMAL", "--db", str(db)])
    assert bad.exit_code == 2 and "unknown type" in bad.output


def test_export_fresh_store_import_gives_the_same_entities(tmp_path):
    folder, db = build(tmp_path)
    invoke("split", "Haidar Salman", "Haider Salman", "--db", db)
    invoke("merge", "Jabhat Wadi Qarmala", "Qarmala Valley Front", "--db", db)
    invoke("rename", "Sami Nasser Hamdan", "Abu Nasser", "--db", db)
    invoke("retype", "Dawood Hills Brigade", "ORG/political_party", "--db", db)
    path = tmp_path / "corrections.tsv"
    invoke("corrections", "export", path, "--db", db)
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines[0] == "split\tHaidar Salman\tHaider Salman" and len(lines) == 4
    _, fresh = build(tmp_path, "fresh.db")
    out = invoke("corrections", "import", path, "--db", fresh)
    assert "4 imported" in out

    def summary(d):
        return {n: (e["type"], e["subtype"], sorted(e["aliases"]), e["documents"]) for n, e in entities(d).items()}

    assert summary(fresh) == summary(db)
    again = invoke("corrections", "import", path, "--db", fresh)
    assert "0 imported" in again and "4 already stored" in again
    listed = invoke("corrections", "--db", fresh)
    assert listed.count("applies") == 4


def test_bad_lines_are_reported_and_the_rest_imported(tmp_path):
    _, db = build(tmp_path)
    path = tmp_path / "fix.tsv"
    path.write_text("# my corrections\n"
                    "rename\tSami Hamdan\tAbu Nasser\n"
                    "rename Sami Hamdan Abu Nasser\n"
                    "explode\tA\tB\n"
                    "retype\tBayt Saffar\tANIMAL\n"
                    "merge\t\tBayt Saffar\n"
                    "\n"
                    "rename\tNobody Here\tSomebody\n")
    result = runner.invoke(app, ["corrections", "import", str(path), "--db", str(db)])
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert f"{path}:3: expected 3 tab-separated fields" in out
    assert f"{path}:4: unknown action 'explode'" in out
    assert f"{path}:5: unknown type 'ANIMAL'" in out
    assert f"{path}:6: an empty name" in out
    assert "2 imported" in out
    assert "Abu Nasser" in entities(db)
    listed = " ".join(invoke("corrections", "--db", db).split())
    assert "no entity named 'Nobody Here'" in listed


def test_parse_file_reports_line_numbers():
    good, bad = parse_file("merge\tA\tB\n# c\nsplit\tA\n")
    assert good == [(1, ("merge", "A", "B"))] and bad[0][0] == 3
