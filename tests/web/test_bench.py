"""The API latency benchmark (newsgraph.web.bench): it calls every endpoint the UI uses, each answering
200, and gives a median and a 95th percentile per endpoint."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")
from newsgraph.web import bench  # noqa: E402


def test_percentile_interpolates_between_ranks():
    assert bench.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert bench.percentile([10.0, 20.0], 0.95) == pytest.approx(19.5)
    assert bench.percentile([7.0], 0.95) == 7.0


def test_every_ui_endpoint_is_timed_and_its_answer_saved(web_store, tmp_path):
    save = tmp_path / "answers.json"
    rows = bench.measure(str(web_store), runs=2, save=save)
    paths = {r["path"].split("/")[2] for r in rows}
    assert {"summary", "search", "entities", "graph", "places", "events", "relations", "documents",
            "contradictions"} <= paths
    assert sum(r["path"].startswith("/api/entities/") for r in rows) >= 2  # the largest entities and a place
    assert any(r["params"].get("bbox") for r in rows)
    for r in rows:
        assert 0 < r["median_ms"] <= r["p95_ms"] and r["bytes"] > 0
    answers = json.loads(save.read_text())
    assert set(answers) == {r["endpoint"] for r in rows}
    assert "over budget" in bench.table([{**rows[0], "median_ms": bench.BUDGET_MS + 1}])
