"""Every export format, read back by its target tool's own reader, on the bundled sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import pipeline
from newsgraph.cli import app
from newsgraph.export import acled as acled_export
from newsgraph.export import snapshot
from newsgraph.export import tables as flat
from newsgraph.resources import sample_dir
from newsgraph.store import Store

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from newsgraph import nlp

    try:
        nlp.load()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"model not available: {exc}")
    db = tmp_path_factory.mktemp("export") / "sample.db"
    with Store(db) as store:
        pipeline.ingest(store, [sample_dir()])
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


@pytest.fixture(scope="module")
def snap(sample_db):
    with Store(sample_db) as store:
        return snapshot.read(store)


def export(db: Path, fmt: str, out: Path) -> Path:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in " ".join(result.output.split())
    return out


# -- json ----------------------------------------------------------------------------------------

def test_json_export_validates_against_the_documented_schema(sample_db, tmp_path):
    import jsonschema

    schema = json.loads((REPO / "docs" / "export.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(export(sample_db, "json", tmp_path / "x.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["events"] and data["relations"] and data["entities"]
    # the schema bites: an event without its place, a relation with a made-up polarity
    broken = json.loads(json.dumps(data))
    del broken["events"][0]["location"]
    broken["relations"][0]["polarity"] = "rumoured"
    paths = sorted(str(e.json_path) for e in validator.iter_errors(broken))
    assert paths == ["$.events[0]", "$.relations[0].polarity"]


# -- FollowTheMoney ------------------------------------------------------------------------------

def test_ftm_export_passes_ftm_validate_unchanged_with_proof_links(sample_db, snap, tmp_path):
    from click.testing import CliRunner as ClickRunner
    from followthemoney import model
    from followthemoney.cli.cli import cli as ftm_cli

    path = export(sample_db, "ftm", tmp_path / "sample.ftm.json")
    checked = tmp_path / "validated.ftm.json"
    result = ClickRunner().invoke(ftm_cli, ["validate", "-i", str(path), "-o", str(checked)])
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in path.read_text().splitlines()]
    validated = [json.loads(line) for line in checked.read_text().splitlines()]

    def props(e):
        return e["id"], e["schema"], {k: sorted(v) for k, v in e["properties"].items()}

    # ftm validate re-parses every value: nothing it would clean, drop or change
    assert [props(e) for e in validated] == [props(e) for e in written]

    by_id = {e["id"]: e for e in written}
    assert len(by_id) == len(written)
    for e in written:
        schema = model.get(e["schema"])
        schema.validate(e)
        assert all(e["properties"].get(p) for p in schema.required), (e["id"], schema.required)
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop.type.name == "entity":  # every reference resolves, to an entity its range admits
                for v in values:
                    assert v in by_id, (e["id"], name, v)
                    assert model.get(by_id[v]["schema"]).is_a(prop.range), (e["id"], name, by_id[v]["schema"])
    schemas = {e["schema"] for e in written}
    assert {"Article", "Person", "Organization", "Membership", "Family", "Representation", "UnknownLink",
            "Event", "Mention"} <= schemas
    assert schemas <= {"Article", "Person", "Organization", "Address", "Membership", "Family", "Representation",
                       "UnknownLink", "Event", "Mention", "LegalEntity"}
    count = {s: sum(e["schema"] == s for e in written) for s in schemas}
    assert count["Article"] == len(snap.documents) and count["Event"] == len(snap.events)
    assert count["Person"] == sum(e["type"] == "PERSON" for e in snap.entities)
    # a relation the articles deny is no link; the others prove themselves with their articles
    denied = [r for r in snap.relations if r["polarity"] == "negated"]
    assert denied and not any(f"ng-rel-{r['id']}" in by_id for r in denied)
    for r in snap.relations:
        link = by_id.get(f"ng-rel-{r['id']}")
        if link:
            assert set(link["properties"]["proof"]) == {f"ng-doc-{d}" for d in snap.evidence_documents(r)}
    spoke = next(r for r in snap.relations if r["predicate"] == "spokesperson_for" and r["polarity"] == "asserted")
    rep = by_id[f"ng-rel-{spoke['id']}"]
    assert rep["schema"] == "Representation" and rep["properties"]["agent"] == [f"ng-ent-{spoke['subject']}"]


# -- graphs ----------------------------------------------------------------------------------------

def test_graphml_reads_back_in_networkx_with_types_counts_and_dates(sample_db, snap, tmp_path):
    import networkx as nx

    g = nx.read_graphml(export(sample_db, "graphml", tmp_path / "g.graphml"))
    assert g.number_of_nodes() == len(snap.entities)
    relations = [(u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "relation"]
    assert len(relations) == len(snap.relations)
    r = max(snap.relations, key=lambda r: r["stories"])
    edge = next(d for u, v, d in relations if (u, v) == (r["subject"], r["object"]) and d["predicate"] == r["predicate"])
    assert edge["stories"] == r["stories"] and edge["start"] <= edge["end"]
    node = g.nodes[r["subject"]]
    assert node["type"] in ("PERSON", "ORG") and node["stories"] >= 1 and node["start"] <= edge["start"]
    assert any(d["kind"] == "event" for _, _, d in g.edges(data=True))


def test_gexf_is_dynamic_for_gephis_timeline(sample_db, snap, tmp_path):
    import networkx as nx

    path = export(sample_db, "gexf", tmp_path / "g.gexf")
    head = path.read_text()[:2000]
    assert 'mode="dynamic"' in head and 'timeformat="date"' in head
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == len(snap.entities)
    assert {f"{r['id']}" for r in snap.relations} <= {d["id"] for _, _, d in g.edges(data=True)}
    dated = [d for _, d in g.nodes(data=True) if "start" in d]
    assert len(dated) >= len(snap.entities) * 0.8
    assert all(len(d["start"]) == 10 and d["start"] <= d["end"] for d in dated)
    # an edge lives within the lives of its ends, or Gephi's timeline would hide it
    for u, v, d in g.edges(data=True):
        if "start" in d:
            for n in (u, v):
                if "start" in g.nodes[n]:
                    assert g.nodes[n]["start"] <= d["start"] and d["end"] <= g.nodes[n]["end"]


# -- ACLED rows -------------------------------------------------------------------------------------

def test_acled_csv_has_acleds_columns_in_order_then_newsgraphs(sample_db, snap, tmp_path):
    import pandas as pd

    df = pd.read_csv(export(sample_db, "acled-csv", tmp_path / "acled.csv"), encoding="utf-8-sig",
                     keep_default_na=False, dtype=str)
    assert list(df.columns[:31]) == acled_export.ACLED_COLUMNS
    assert all(c.startswith("ng_") for c in df.columns[31:])
    assert len(df) == len(snap.events) and set(df["ng_event_id"]) == {e["id"] for e in snap.events}
    events = {e["id"]: e for e in snap.events}
    for _, row in df.iterrows():
        e = events[row["ng_event_id"]]
        assert row["event_type"] == (e["acled_type"] or "")
        assert row["sub_event_type"] == (e.get("sub_event_type") or "")
        place = snap.places.get(e["location"] or "")
        if place and place.latitude is not None:
            assert float(row["latitude"]) == pytest.approx(place.latitude)
        if e["date_precision"] == "day":
            assert row["event_date"] == e["date"] and row["time_precision"] == "1"
        if row["event_date"]:
            assert row["year"] == row["event_date"][:4]
        assert row["disorder_type"] == {"Battles": "Political violence", "Strategic developments": "Strategic developments",
                                        "": ""}.get(row["event_type"], row["disorder_type"])
        assert row["notes"] and row["ng_evidence_doc"] in snap.documents_by_id
    located = df[df["latitude"] != ""]
    assert len(located) >= len(df) / 3
    for _, row in located.iterrows():
        place = snap.places[events[row["ng_event_id"]]["location"]]
        if place.country:
            assert row["iso"] == str(int(place.country.numeric)) and row["event_id_cnty"].startswith(place.country.alpha_3)
    with_actor = df[df["actor1"] != ""]
    assert len(with_actor) and (with_actor["interaction"].eq("") | with_actor["inter1"].ne("")).all()


def test_acled_inter_codes_come_from_what_actors_are_and_a_person_from_their_organisation(snap):
    from newsgraph.extract import acled as coding

    rows = acled_export.rows(snap)
    by_id = snap.entities_by_id
    affiliations = acled_export._affiliations(snap)
    checked_org = checked_person = 0
    for row in rows:
        actor = by_id.get(row["ng_actor1_id"] or "")
        if actor is None:
            continue
        if actor["type"] == "ORG" and actor["subtype"] == "armed_group":
            assert row["inter1"] in (2, 3, 4)
            checked_org += 1
        if actor["type"] == "PERSON" and actor["id"] in affiliations:
            org = by_id[affiliations[actor["id"]]]
            assert row["inter1"] == coding.inter_of_entity(org["type"], org["subtype"], org["name"])
            checked_person += 1
        if row["inter1"] is not None and row["inter2"] is not None:
            assert row["interaction"] == min(row["inter1"], row["inter2"]) * 10 + max(row["inter1"], row["inter2"])
    assert checked_org and checked_person


def test_acled_cells_a_spreadsheet_would_run_are_defused():
    assert acled_export._safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert acled_export._safe("@SUM(A1)") == "'@SUM(A1)" and acled_export._safe("Lyon") == "Lyon"
    assert acled_export._safe(-3.5) == -3.5  # numbers are numbers


# -- flat tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_tables_load_in_one_call_with_pandas_and_duckdb(sample_db, snap, tmp_path, fmt):
    import duckdb
    import pandas as pd

    folder = export(sample_db, fmt, tmp_path / fmt)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    frames = {name: read(folder / f"{name}.{fmt}") for name in flat.COLUMNS}
    for name, frame in frames.items():
        assert list(frame.columns[:len(flat.COLUMNS[name])]) == [c for c, _ in flat.COLUMNS[name]]
        rows = duckdb.sql(f"SELECT COUNT(*) FROM '{folder / f'{name}.{fmt}'}'").fetchall()[0][0]
        assert rows == len(frame), name
    assert len(frames["documents"]) == len(snap.documents) and len(frames["events"]) == len(snap.events)
    assert len(frames["event_actors"]) == sum(len(e["actors"]) for e in snap.events)
    # events carry their place's coordinates, no join needed
    events = frames["events"].set_index("id")
    located = [e for e in snap.events if snap.places.get(e["location"] or "") and snap.places[e["location"]].latitude]
    assert located
    for e in located:
        assert events.loc[e["id"], "latitude"] == pytest.approx(snap.places[e["location"]].latitude)
        assert events.loc[e["id"], "longitude"] == pytest.approx(snap.places[e["location"]].longitude)
    assert str(events["latitude"].dtype) == "float64"
    # provenance survives flattening: a mention's offsets still index its document's text
    texts = frames["documents"].set_index("id")["text"]
    mentions = frames["mentions"].head(200)
    assert all(texts[m.doc_id][m.start:m.end] == m.text for m in mentions.itertuples())
    evidence = frames["evidence"]
    assert set(evidence["owner"]) >= {"relation", "event"}
    joined = duckdb.sql(
        f"SELECT e.id, COUNT(*) AS n FROM '{folder / f'events.{fmt}'}' e JOIN '{folder / f'evidence.{fmt}'}' v "
        f"ON v.owner = 'event' AND v.owner_id = e.id GROUP BY e.id").fetchall()
    assert len(joined) == len(snap.events)


def test_flat_tables_need_a_folder_and_formats_are_checked(sample_db, tmp_path):
    missing = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "csv"])
    assert missing.exit_code == 2 and "give --out PATH" in missing.output
    a_file = tmp_path / "taken.csv"
    a_file.write_text("x")
    taken = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "parquet", "--out", str(a_file)])
    assert taken.exit_code == 2 and "writes a folder" in taken.output
    unknown = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert unknown.exit_code == 2 and "unknown format 'xlsx'" in unknown.output and "acled-csv" in unknown.output


def test_date_bounds_cover_partial_dates():
    assert snapshot.date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert snapshot.date_bounds("2023") == ("2023-01-01", "2023-12-31")
    assert snapshot.date_bounds("2024-03-10") == ("2024-03-10", "2024-03-10")
    assert snapshot.date_bounds(None) is None and snapshot.date_bounds("March") is None
    assert snapshot.span(["2024-03", None, "2024-01-05"]) == ("2024-01-05", "2024-03-31")


def test_places_take_gazetteer_then_stated_offset_then_country_coordinates():
    gaz = {"type": "LOC", "meta": {"gazetteer": {"latitude": 59.9, "longitude": 10.7, "country_code": "NO",
                                                 "admin1": "Oslo", "kind": "city"}}}
    offset = {"type": "LOC", "meta": {"approximate_position": {"latitude": 45.5, "longitude": 4.9, "approximate": True}}}
    country = {"type": "LOC", "meta": {"country": {"alpha2": "CL", "latitude": -33.4, "longitude": -70.6}}}
    assert snapshot.place_of(gaz) == snapshot.Place(59.9, 10.7, False, "NO", "Oslo", "city")
    assert snapshot.place_of(offset).approximate and snapshot.place_of(offset).latitude == 45.5
    assert snapshot.place_of(country).country.alpha_3 == "CHL" and snapshot.place_of(country).gazetteer_kind == "country"
    assert snapshot.place_of({"type": "PERSON", "meta": {}}) is None

