"""The workbench's HTTP API (newsgraph.web) on a store built from the bundled sample plus a hostile
article: every answer agrees with newsgraph.query, filters filter, pages partition, errors are JSON
with the right status, corrections are the ones the CLI writes."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from newsgraph import query  # noqa: E402
from newsgraph.cli import app as cli  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:
        yield c


def ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


def hostile_id(client) -> str:
    docs = ok(client.get("/api/documents", params={"limit": 1000}))["items"]
    return next(d["id"] for d in docs if d["source"].endswith("zz_hostile_notice.txt"))


def test_summary_counts_are_the_stores(client, web_store):
    with Store(web_store) as s:
        expected = query.summary(s)
    assert ok(client.get("/api/summary"))["counts"] == expected


def test_every_response_carries_a_strict_content_security_policy(client):
    for path in ("/", "/api/summary", "/static/js/main.js", "/api/entities/nobody-at-all"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_docs_and_openapi_are_served_without_a_cdn(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert "<script>" not in html.replace(" ", "")  # no inline script: the CSP allows none
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
    paths = ok(client.get("/openapi.json"))["paths"]
    assert {"/api/search", "/api/entities/{ref}", "/api/relations", "/api/events", "/api/documents/{ref}",
            "/api/contradictions", "/api/corrections/{action}"} <= set(paths)


def test_search_finds_an_entity_by_any_alias(client):
    top = next(e for e in ok(client.get("/api/entities", params={"limit": 50}))["items"] if e["aliases"])
    for alias in top["aliases"]:
        hits = ok(client.get("/api/search", params={"q": alias}))["items"]
        assert top["id"] in [h["id"] for h in hits], alias
    part = top["aliases"][0][1:-1].lower()  # part of a spelling, another case
    assert top["id"] in [h["id"] for h in ok(client.get("/api/search", params={"q": part}))["items"]]
    assert ok(client.get("/api/search", params={"q": "Karim al-Tarmi"}))["items"][0]["name"].endswith("Tarmi")
    assert ok(client.get("/api/search", params={"q": "zzqx-nobody"}))["items"] == []


def test_entity_page_has_aliases_joins_relations_events_quotes_documents(client):
    ents = ok(client.get("/api/entities", params={"limit": 100}))["items"]
    eid = next(e["id"] for e in ents if e["type"] == "ORG" and e["aliases"])
    page = ok(client.get(f"/api/entities/{eid}"))
    assert page["id"] == eid and len(page["aliases"]) >= 2 and page["joins"]
    assert page["documents_list"] and all(d["mentions"] >= 1 for d in page["documents_list"])
    for r in page["relations"]:
        assert eid in (r["subject"], r["object"]) and r["evidence"]
    for e in page["events"]:
        assert eid == e["location"] or eid in [a["entity"] for a in e["actors"]]
    # the same entity under another of its names
    alias = next(a["alias"] for a in page["aliases"] if a["alias"] != page["name"])
    assert ok(client.get(f"/api/entities/{alias}"))["id"] == eid
    place = next(e for e in ents if e["type"] == "LOC" and e["meta"].get("gazetteer"))
    loc = ok(client.get(f"/api/entities/{place['id']}"))
    assert loc["coordinates"] and loc["gazetteer_candidates"]


def test_relations_filters_and_pages(client):
    everything = ok(client.get("/api/relations", params={"limit": 10000}))
    assert everything["total"] == len(everything["items"]) > 4
    predicate = everything["items"][0]["predicate"]
    some = ok(client.get("/api/relations", params={"predicate": predicate, "limit": 10000}))["items"]
    assert some and all(r["predicate"] == predicate for r in some)
    actor = everything["items"][0]["subject"]
    assert all(actor in (r["subject"], r["object"]) for r in
               ok(client.get("/api/relations", params={"actor": actor, "limit": 10000}))["items"])
    # pages partition the list
    pages = [ok(client.get("/api/relations", params={"limit": 3, "offset": o}))["items"]
             for o in range(0, everything["total"], 3)]
    assert [r["id"] for p in pages for r in p] == [r["id"] for r in everything["items"]]
    # dates: the reports' publication dates meet the range
    dated = [r for r in everything["items"] if r["first_reported"]]
    day = dated[0]["first_reported"]
    within = ok(client.get("/api/relations", params={"date_from": day, "date_to": day, "limit": 10000}))["items"]
    assert dated[0]["id"] in [r["id"] for r in within]
    assert all(r["first_reported"] <= day <= r["last_reported"] for r in within)
    assert ok(client.get("/api/relations", params={"date_from": "1900", "date_to": "1900"}))["total"] == 0
    many = ok(client.get("/api/relations", params={"min_stories": 3, "limit": 10000}))["items"]
    assert all(r["stories"] >= 3 for r in many) and len(many) < everything["total"]


def test_events_filter_by_type_actor_place_dates_and_bounding_box(client):
    everything = ok(client.get("/api/events", params={"limit": 10000}))
    items = everything["items"]
    assert everything["total"] == len(items) > 10
    etype = items[0]["type"]
    assert all(e["type"] == etype or e["acled_type"] == etype
               for e in ok(client.get("/api/events", params={"type": etype, "limit": 10000}))["items"])
    located = [e for e in items if e["coordinates"]]
    lat, lon = located[0]["coordinates"]
    box = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    inside = ok(client.get("/api/events", params={"bbox": box, "limit": 10000}))["items"]
    assert located[0]["id"] in [e["id"] for e in inside]
    assert all(abs(e["coordinates"][0] - lat) <= 1 and abs(e["coordinates"][1] - lon) <= 1 for e in inside)
    assert len(inside) < len(items)
    place = located[0]["location"]
    assert {e["location"] for e in ok(client.get("/api/events", params={"place": place, "limit": 10000}))["items"]} == {place}
    actor = next(a["entity"] for e in items for a in e["actors"])
    assert all(actor in [a["entity"] for a in e["actors"]] or e["location"] == actor
               for e in ok(client.get("/api/events", params={"actor": actor, "limit": 10000}))["items"])
    month = next(e["date"][:7] for e in items if e["date"] and len(e["date"]) == 10)
    in_month = ok(client.get("/api/events", params={"date_from": month, "date_to": month, "limit": 10000}))["items"]
    assert in_month and all(e["date"].startswith(month) or month.startswith(e["date"]) for e in in_month)
    # each event's reports are the documents of its evidence
    for e in items[:20]:
        assert {r["id"] for r in e["reports"]} == {v["doc"] for v in e["evidence"]}


def test_document_view_text_removed_lines_spans_and_copies(client):
    docs = ok(client.get("/api/documents", params={"limit": 1000}))["items"]
    syndicated = next(d for d in docs if d["story_size"] > 1)
    view = ok(client.get(f"/api/documents/{syndicated['id']}"))
    text = view["text"]
    assert view["copies"] and all(c["id"] != view["id"] for c in view["copies"])
    assert view["removed"] and all(r["reason"] and 0 <= r["at"] <= len(text) for r in view["removed"])
    kinds = {s["kind"] for s in view["spans"]}
    assert {"mention", "event"} <= kinds
    for s in view["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    # a relation's evidence is one of the document's spans
    rel = ok(client.get("/api/relations", params={"limit": 10000}))["items"]
    ev = next(v for r in rel for v in r["evidence"])
    doc = ok(client.get(f"/api/documents/{ev['doc']}"))
    assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
    assert any(s["kind"] == "relation" and (s["start"], s["end"]) == (ev["start"], ev["end"]) for s in doc["spans"])


def test_contradictions_list_every_value_with_source_and_date(client):
    items = ok(client.get("/api/contradictions"))["items"]
    assert items
    for c in items:
        assert c["description"] and c["evidence"]
        for v in c["evidence"]:
            assert v["source"] and "published" in v
    assert any(len({v["value"] for v in c["evidence"]}) >= 2 for c in items)


def test_hostile_article_comes_back_as_plain_text(client):
    view = ok(client.get(f"/api/documents/{hostile_id(client)}"))
    assert "onerror=" in view["text"] and "javascript:" in view["text"]


def test_errors_are_json_with_the_right_status(client):
    cases = [
        ("get", "/api/entities/zzqx-nobody", None, 404, "no entity named"),
        ("get", "/api/documents/zzqx", None, 404, "no document matches"),
        ("get", "/api/events?bbox=1,2", None, 400, "bbox"),
        ("get", "/api/events?bbox=10,50,20,40", None, 400, "south <= north"),
        ("get", "/api/relations?date_from=March", None, 400, "date_from"),
        ("get", "/api/events?limit=0", None, 422, "limit"),
        ("get", "/api/search", None, 422, "q"),
        ("get", "/api/no-such-thing", None, 404, "no such path"),
        ("post", "/api/corrections/explode", {"a": "x", "b": "y"}, 422, "action"),
        ("post", "/api/corrections/rename", {"a": "x"}, 422, "b"),
        ("post", "/api/corrections/rename", {"a": "zzqx-nobody", "b": "Someone"}, 404, "no entity named"),
        ("post", "/api/corrections/retype", {"a": "Karim al-Tarmi", "b": "ANIMAL"}, 400, "ANIMAL"),
        ("post", "/api/corrections/rename", {"a": "Karim al-Tarmi", "b": "K", "name": "N"}, 400, "merge only"),
    ]
    for method, path, body, status, words in cases:
        r = client.request(method, path, json=body)
        assert r.status_code == status, (path, r.text)
        err = r.json()["error"]
        assert err["status"] == status and words in err["message"], (path, err)


def test_a_correction_posted_is_the_one_the_cli_lists_and_applies(store_copy):
    with TestClient(create_app(store_copy)) as c:
        r = ok(c.post("/api/corrections/rename", json={"a": "Karim al-Tarmi", "b": "Karim al-Tarmi of Velmora"}), 201)
        assert r["decisions"] == [["rename", "Karim al-Tarmi", "Karim al-Tarmi of Velmora"]]
        assert r["entity"]["name"] == "Karim al-Tarmi of Velmora"
        assert ok(c.get("/api/search", params={"q": "of Velmora"}))["items"][0]["id"] == r["entity"]["id"]
        listed = ok(c.get("/api/corrections"))["items"]
        assert [(x["action"], x["b"], x["applies"]) for x in listed] == [("rename", "Karim al-Tarmi of Velmora", True)]
    exported = store_copy.parent / "fix.tsv"
    out = CliRunner().invoke(cli, ["corrections", "export", str(exported), "--db", str(store_copy)])
    assert out.exit_code == 0, out.output
    assert "rename\tKarim al-Tarmi\tKarim al-Tarmi of Velmora" in exported.read_text(encoding="utf-8").splitlines()
    shown = CliRunner().invoke(cli, ["show", "Karim al-Tarmi of Velmora", "--db", str(store_copy)])
    assert shown.exit_code == 0, shown.output
    assert "Karim al-Tarmi of Velmora" in shown.output


def test_one_event_with_its_reports(client):
    first = ok(client.get("/api/events", params={"limit": 1, "evidence": "false"}))["items"][0]
    assert first["evidence"] == [] and first["reports"] == []
    one = ok(client.get(f"/api/events/{first['id']}"))
    assert one["id"] == first["id"] and one["evidence"] and {r["id"] for r in one["reports"]} == {v["doc"] for v in one["evidence"]}
    assert client.get("/api/events/Vnothing").status_code == 404
