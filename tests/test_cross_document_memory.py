"""The cross-document stages hold compact state, not the facts of the whole corpus: entity
resolution reads the documents as a stream (one document's facts at a time) and gives what it
gives from a list; the union-find keeps state only for clusters that were joined or read."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import resolve_entities
from newsgraph.entities.resolve import LocalRecord, _Clusters
from newsgraph.facts import DocumentFacts, LocalEntityFacts
from newsgraph.types import EntityMention


def _doc(doc_id: str, names: list[tuple[str, str]], story: str | None = None) -> StoredDoc:
    mentions, ents = [], []
    pos = 0
    for i, (name, typ) in enumerate(names):
        mentions.append(EntityMention(pos, pos + len(name), name, typ, None, "ner", -1, -1, None, i))
        ents.append(LocalEntityFacts(name, typ, None, [name], [], 1, []))
        pos += len(name) + 12
    mentions.append(EntityMention(pos, pos + 9, "Norlandic", "NORP", None, "demonym", -1, -1, None, -1))
    return StoredDoc(doc_id, story, "2024-03-10", DocumentFacts(mentions=_Watched(mentions), entities=ents))


class _Watched(list):
    """A list a weak reference can watch: is a document's facts still held?"""


def _docs() -> Iterator[StoredDoc]:
    for k in range(9):
        yield _doc(f"d{k}", [("Karim al-Tarmi", "PERSON"), ("Dawn Front", "ORG"), ("Velmora", "LOC")][: 1 + k % 3],
                   story=f"s{k // 2}")
    yield _doc("x", [("Karim Tarmi", "PERSON"), ("Sahil", "LOC")])


def _summary(result):
    entities, mapping, extra = result
    return ([(e.id, e.name, e.type, e.members, dict(e.aliases), e.documents, e.stories, e.joins) for e in entities],
            sorted(mapping.items()), extra)


def test_a_stream_of_documents_resolves_as_the_list_does_holding_one_document_at_a_time():
    listed = list(_docs())
    passes: list[frozenset[str]] = []
    alive: list[weakref.ref] = []
    most_alive = 0

    def reader(fields: frozenset[str]):
        nonlocal most_alive
        passes.append(fields)
        for d in _docs():
            gc.collect()
            most_alive = max(most_alive, sum(r() is not None for r in alive))
            alive.append(weakref.ref(d.facts.mentions))
            yield d

    assert _summary(resolve_entities(reader)) == _summary(resolve_entities(listed))
    assert passes and "entities" in passes[0] and "mentions" not in passes[0]
    assert any("mentions" in p for p in passes)
    # the facts of the document read before are gone when the next one is read
    assert most_alive <= 1


def test_clusters_keep_no_state_for_records_that_joined_another():
    records = [LocalRecord(f"d{k}", 0, None, "Karim al-Tarmi", "PERSON") for k in range(50)]
    cl = _Clusters(records)
    for k in range(1, 50):
        assert cl.join(0, k, ("Karim al-Tarmi", "Karim al-Tarmi", ["same name"]))
    root = cl.find(0)
    assert len(cl.docs[root]) == 50 and len(cl.stories[root]) == 50 and len(cl.joins[root]) == 49
    # one cluster: its root's state only, nothing for the 49 records it absorbed
    assert set(cl.docs.values) == {root} and set(cl.stories.values) == {root}
    # a record never touched reads as its own cluster, and reading it keeps nothing
    lone = _Clusters(records)
    assert lone.shared_docs(3, 4) == [] and lone.docs.values == {}
