"""The workbench in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright,
against `newsgraph serve`'s app on a store of the bundled sample plus a hostile article.

Screenshots of each view go to $NEWSGRAPH_SCREENSHOTS (default out/screenshots; the README shows
the ones in docs/screenshots, made with NEWSGRAPH_SCREENSHOTS=docs/screenshots)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = next((p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p), None)
if CHROMIUM is None and os.environ.get("NEWSGRAPH_REQUIRE_BROWSER"):  # CI installs it: not having it is a failure
    raise RuntimeError("NEWSGRAPH_REQUIRE_BROWSER is set but there is no chromium (apt-get install chromium)")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium): browser tests skipped",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
uvicorn = pytest.importorskip("uvicorn")

from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from newsgraph.cli import app as cli  # noqa: E402
from newsgraph.web import create_app  # noqa: E402

SHOTS = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS", Path(__file__).resolve().parents[2] / "out" / "screenshots"))
# Records every Content-Security-Policy violation. (Predicates given to wait_for_function are arrow
# functions: a bare expression would be eval'ed in the page, which the CSP rightly blocks.)
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory, web_store):
    db = tmp_path_factory.mktemp("served") / "served.db"
    shutil.copy(web_store, db)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    context.add_init_script(WATCH)
    # nothing but this server: a request anywhere else fails the test
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served[0])
                  else (outside.append(route.request.url), route.abort()))
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    assert not errors, errors
    assert not outside, f"fetched from outside: {outside}"
    assert pg.evaluate("window.__violations") == []
    context.close()


def api(served, path, **params):
    with TestClient(create_app(served[1])) as c:
        r = c.get(path, params=params)
        assert r.status_code == 200, r.text
        return r.json()


def open_app(page, served, hash_=""):
    page.goto(served[0] + "/" + hash_)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_the_store_loads_and_graph_map_timeline_render_with_the_expected_counts(page, served):
    open_app(page, served)
    graph = api(served, "/api/graph")
    places = api(served, "/api/places")["items"]
    events = api(served, "/api/events", limit=10000)
    summary = api(served, "/api/summary")["counts"]
    assert f"{summary['documents']} documents" in page.text_content("#store-info")
    net = page.locator("#network")
    assert int(net.get_attribute("data-nodes")) == len(graph["nodes"]) > 5
    assert int(net.get_attribute("data-edges")) == len(graph["edges"]) > 5
    assert page.evaluate("document.getElementById('network').cy.nodes().length") == len(graph["nodes"])
    assert page.locator("#network canvas").count() >= 1
    # the map: one marker per located place, over the country outlines shipped with the app
    page.wait_for_function("() => document.querySelectorAll('#map path.place-marker').length > 0")
    assert page.locator("#map path.place-marker").count() == len(places)
    assert page.locator("#map path.leaflet-interactive").count() == len(places)
    assert page.locator("#map svg path").count() > len(places) + 100  # country outlines
    assert int(page.get_attribute("#map", "data-events")) == sum(1 for e in events["items"] if e["coordinates"])
    assert page.locator("#timeline li.tl-event").count() == events["total"]
    assert page.locator("#timeline .tl-tick").count() == sum(1 for e in events["items"] if e["date"])
    shot(page, "overview")


def test_the_map_draws_first_level_regions_and_names_one_on_hover(page, served):
    vendored = Path(__file__).resolve().parents[2] / "newsgraph/web/static/vendor/natural-earth-admin1/admin1-10m.json"
    regions = len(json.loads(vendored.read_text(encoding="utf-8"))["objects"]["regions"]["geometries"])
    open_app(page, served)
    assert int(page.get_attribute("#map", "data-regions")) == regions > 4000
    assert page.locator("#map .leaflet-regions-pane canvas").count() == 1
    # a point in the middle of an island state far from the sample's places, where no marker sits
    here = page.evaluate("""(() => { const box = document.getElementById('map'), m = box.leaflet;
        m.setView([-42.0, 146.6], 6, { animate: false });
        const p = m.latLngToContainerPoint([-42.0, 146.6]), r = box.getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; })()""")
    page.mouse.move(here[0] - 5, here[1] - 5)
    page.mouse.move(here[0], here[1])
    tip = page.wait_for_selector("#map .leaflet-tooltip .region-tip")
    assert tip.text_content() == "TasmaniaAustralia"
    # the place markers stay above the regions: hovering one names the place, not its region
    place = sorted(api(served, "/api/places")["items"], key=lambda p: p["coordinates"])[0]
    lat, lon = place["coordinates"]
    page.mouse.move(0, 0)
    here = page.evaluate(f"""(() => {{ const box = document.getElementById('map'), m = box.leaflet;
        m.setView([{lat}, {lon}], 5.5, {{ animate: false }});
        const p = m.latLngToContainerPoint([{lat}, {lon}]), r = box.getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()""")
    page.mouse.move(here[0] - 1, here[1])
    page.mouse.move(here[0], here[1])
    page.wait_for_function("() => document.querySelector('#map .leaflet-tooltip .tip:not(.region-tip)')")
    assert page.text_content("#map .leaflet-tooltip .tip strong") == place["name"]
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#map").screenshot(path=str(SHOTS / "map-regions.png"))


def test_filters_change_the_network(page, served):
    open_app(page, served)
    predicate = api(served, "/api/graph")["edges"][0]["predicate"]
    expected = api(served, "/api/graph", predicate=predicate)
    page.select_option("#f-predicate", predicate)
    page.wait_for_function(f"() => document.getElementById('network').dataset.edges === '{len(expected['edges'])}'")
    assert int(page.get_attribute("#network", "data-nodes")) == len(expected["nodes"])


def test_clicking_an_actor_in_the_network_opens_its_page_and_highlights_it_elsewhere(page, served):
    open_app(page, served)
    graph = api(served, "/api/graph")
    actor = max((n for n in graph["nodes"] if n["type"] != "LOC"), key=lambda n: n["stories"])
    pos = page.evaluate(f"""(() => {{ const cy = document.getElementById('network').cy;
        const p = cy.getElementById({actor['id']!r}).renderedPosition(); return [p.x, p.y]; }})()""")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + pos[0], box["y"] + pos[1])
    page.wait_for_function(f"() => document.getElementById('detail').dataset.entity === {actor['id']!r}")
    assert page.text_content("#entity-name") == actor["name"]
    # linked views: its events are highlighted in the timeline, its node in the network
    involved = api(served, "/api/events", actor=actor["id"], limit=10000)["total"]
    assert page.locator("#timeline li.tl-event.hit").count() == involved
    assert page.evaluate(f"document.getElementById('network').cy.getElementById({actor['id']!r}).hasClass('hit')")
    shot(page, "entity")


def test_an_evidence_link_opens_the_source_with_the_span_highlighted(page, served):
    rel = api(served, "/api/relations", limit=1)["items"][0]
    ev = rel["evidence"][0]
    open_app(page, served, f"#/entity/{rel['subject']}")
    page.locator(f"a.doc-link[href*='relation%3A{rel['id']}'], a.doc-link[href*='relation:{rel['id']}']").first.click()
    page.wait_for_selector("#doc-text .hl")
    highlighted = "".join(page.locator("#doc-text .hl").all_text_contents())
    assert ev["text"] in highlighted or highlighted in ev["text"]
    assert " ".join(ev["text"].split())[:40] in " ".join(highlighted.split())
    # removed lines are shown dimmed with their reasons
    assert page.locator("#doc-text .removed .reason").count() == len(api(served, f"/api/documents/{ev['doc']}")["removed"])
    shot(page, "source")


def test_contradictions_view_lists_each_with_its_values(page, served):
    items = api(served, "/api/contradictions")["items"]
    open_app(page, served, "#/contradictions")
    page.wait_for_selector("#contradictions")
    assert page.locator("#contradictions li.contradiction").count() == len(items)
    rows = page.locator("#contradictions tr").count() - len(items)  # less each table's header
    assert rows == sum(len(c["evidence"]) for c in items)
    shot(page, "contradictions")


def test_a_correction_made_in_the_ui_shows_in_the_cli(page, served):
    hit = api(served, "/api/search", q="Karim al-Tarmi")["items"][0]
    open_app(page, served, f"#/entity/{hit['id']}")
    page.click("details.corrections summary")
    page.fill("form.rename input[name=name]", "Karim al-Tarmi of Sahil")
    page.click("form.rename button")
    page.wait_for_function("() => document.getElementById('entity-name')?.textContent === 'Karim al-Tarmi of Sahil'",
                           timeout=60000)
    exported = served[1].parent / "fix.tsv"
    out = CliRunner().invoke(cli, ["corrections", "export", str(exported), "--db", str(served[1])])
    assert out.exit_code == 0, out.output
    assert "rename\tKarim al-Tarmi\tKarim al-Tarmi of Sahil" in exported.read_text(encoding="utf-8").splitlines()
    shown = CliRunner().invoke(cli, ["show", "Karim al-Tarmi of Sahil", "--db", str(served[1])])
    assert shown.exit_code == 0, shown.output


def test_the_hostile_article_runs_no_script_and_shows_its_markup_as_text(page, served):
    doc = next(d for d in api(served, "/api/documents", limit=1000)["items"] if d["source"].endswith("zz_hostile_notice.txt"))
    open_app(page, served, f"#/doc/{doc['id']}")
    page.wait_for_selector("#doc-text")
    page.wait_for_timeout(500)
    text = page.text_content("#doc-text")
    assert 'onerror="window.__pwned' in text and "javascript:window.__pwned" in text
    assert page.evaluate("window.__pwned") is None
    detail = page.locator("#detail")
    assert detail.locator("script, img, iframe, [onerror]").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    # the title, with its <script>, is shown as text too
    title = page.text_content("#doc-title") or ""
    if "<script>" in doc["title"]:
        assert "<script>" in title
    shot(page, "hostile")


def test_opening_an_event_in_the_timeline_lists_its_reports_and_marks_its_place(page, served):
    events = api(served, "/api/events", limit=10000)["items"]
    chosen = max((e for e in events if e["coordinates"]), key=lambda e: e["documents"])
    open_app(page, served)
    page.click(f"#timeline li.tl-event[data-id='{chosen['id']}'] .tl-type")
    reports = api(served, f"/api/events/{chosen['id']}")["reports"]
    page.wait_for_function(f"() => document.querySelectorAll(\"li.tl-event[data-id='{chosen['id']}'] .tl-reports a\").length === {len(reports)}")
    assert page.locator("#map path.place-marker.hit").count() == 1
