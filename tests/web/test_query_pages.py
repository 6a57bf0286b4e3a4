"""The read side's pages (newsgraph.query) filter in SQL what they used to filter in Python: the same
events as filtering every event, page by page, partial dates included; and a timeline page is read
in index order, not sorted out of the whole table."""

from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.store import Store


@pytest.fixture
def store(store_copy):
    with Store(store_copy) as s:
        # dates of every precision, and undated events, as a larger store has them
        ids = [r["id"] for r in s.query("SELECT id FROM events ORDER BY id")]
        for event_id, date in zip(ids, ["2024", "2024-03", None, "2023-12-31", "2024-03-15", "2025"]):
            s.db.execute("UPDATE events SET date = ? WHERE id = ?", (date, event_id))
        yield s


def reference(store: Store, date_from=None, date_to=None, bbox=None, min_stories=0) -> list[str]:
    """The ids the filters keep, filtering every event in Python."""
    every = query.events_page(store, limit=10000, evidence=False)["items"]
    return [e["id"] for e in every
            if query._in_range(e["date"], e["date"], date_from, date_to) and e["stories"] >= min_stories
            and (bbox is None or bbox.contains(tuple(e["coordinates"]) if e["coordinates"] else None))]


@pytest.mark.parametrize("date_from,date_to", [
    ("2024", "2024"), ("2024-03", None), (None, "2024-03"), ("2024-03-15", "2024-03-15"), ("2023", "2024-02"),
    ("1900", "1900"),
])
def test_event_dates_filter_as_the_reference(store, date_from, date_to):
    page = query.events_page(store, date_from=date_from, date_to=date_to, limit=10000, evidence=False)
    assert [e["id"] for e in page["items"]] == reference(store, date_from, date_to)
    assert page["total"] == len(page["items"])


def test_event_bounding_box_and_pages_as_the_reference(store):
    located = [e for e in query.events_page(store, limit=10000, evidence=False)["items"] if e["coordinates"]]
    lat, lon = located[0]["coordinates"]
    box = query.BBox(lon - 1, lat - 1, lon + 1, lat + 1)
    expected = reference(store, bbox=box)
    assert expected and len(expected) < len(located) + 1
    got, offset = [], 0
    while True:  # pages of 3 partition the filtered list
        page = query.events_page(store, bbox=box, limit=3, offset=offset, evidence=False)
        assert page["total"] == len(expected)
        if not page["items"]:
            break
        got += [e["id"] for e in page["items"]]
        offset += 3
    assert got == expected
    assert [e["id"] for e in query.events_page(store, min_stories=2, limit=10000)["items"]] == reference(store, min_stories=2)


def test_a_timeline_page_is_read_in_index_order(store, monkeypatch):
    seen: list[tuple[str, tuple]] = []
    real = Store.query

    def recording(self, sql, params=()):
        seen.append((sql, params))
        return real(self, sql, params)

    monkeypatch.setattr(Store, "query", recording)
    query.events_page(store, limit=5, evidence=False)
    sql, params = next((q, p) for q, p in seen if q.startswith("SELECT *") and "LIMIT" in q)
    plan = " | ".join(r[-1] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "events_timeline" in plan and "ORDER BY" not in plan, plan
