"""The gazetteer lookups of a corpus's place names run in a forked process while the parent
resolves the names; the parent takes the cities found, and gives up a child that stays silent."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from newsgraph.entities import corpus
from newsgraph.entities.resolve import LocalRecord
from newsgraph.kb import places

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _records(*names: str) -> list[LocalRecord]:
    return [LocalRecord(f"d{k}", 0, None, n, "LOC") for k, n in enumerate(names)]


def test_the_parent_links_places_with_the_cities_the_child_found(monkeypatch):
    gaz = places.gazetteer()
    gaz.index  # loaded before the fork, as resolve_entities does
    names = ("Velmora Heights", "Sahil al-Norland", "Qaryat Dawn")
    for n in names:
        for key in [k for k in gaz._hits_memo if k[0] == n]:
            del gaz._hits_memo[key]
    lookups = corpus._PlaceLookups.start(_records(*names))
    assert lookups is not None

    # from here on the parent may not look a name up itself: everything must come from the child
    def no_lookup(self, q, fuzzy):
        raise AssertionError(f"parent looked up {q.text!r}")

    monkeypatch.setattr(places.Gazetteer, "_city_hits_uncached", no_lookup)
    lookups.install()
    for n in names:
        gaz._city_hits(places._Query.of(n))
    assert not lookups.process.is_alive()


def test_a_silent_child_is_given_up_and_the_parent_looks_the_names_up_itself(monkeypatch):
    monkeypatch.setattr(corpus, "_look_up_places", lambda names, sender: time.sleep(30))
    monkeypatch.setattr(corpus._PlaceLookups, "QUIET_SECONDS", 0.3)
    lookups = corpus._PlaceLookups.start(_records("Velmora Lowlands"))
    started = time.perf_counter()
    lookups.install()
    assert time.perf_counter() - started < 5
    assert not lookups.process.is_alive()
    assert places.gazetteer().candidates("Velmora Lowlands") == []  # looked up here, no match
