"""The cross-document stages hold compact state, not the facts of the whole corpus: entity
resolution reads the documents as a stream (one document's facts at a time) and gives what it
gives from a list; the union-find keeps state only for clusters that were joined or read."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

from newsgraph import aggregate
from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import resolve_entities
from newsgraph.entities.resolve import LocalRecord, _Clusters
from newsgraph.facts import DocumentFacts, LocalEntityFacts
from newsgraph.names import normalize
from newsgraph.types import EntityMention, EventMention, RelationMention


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


def _reports(k: int) -> StoredDoc:
    """A document with two reports of one attack in Velmora by the Dawn Front (one sentence), a
    protest elsewhere, and a relation between the group and its leader."""
    attack = EventMention("ASSAULT", None, None, "attack", 0, 6, 0, 80, actors=((1, "actor"),), location=0,
                          date="2024-03-09", date_precision="day")
    shelling = EventMention("ASSAULT", None, None, "shelling", 20, 28, 0, 80, actors=((1, "actor"),), location=0)
    protest = EventMention("PROTEST", None, None, "protest", 90, 97, 90, 160, location=2)
    facts = DocumentFacts(events=_Watched([attack, shelling, protest]),
                          relations=_Watched([RelationMention(3, "leads", 1, "asserted", 0.8, "leader of", 0, 80)]))
    return StoredDoc(f"d{k}", f"s{k // 2}", f"2024-03-{10 + k:02d}", facts)


_REPORT_ENTITIES = {(f"d{k}", i): eid for k in range(6)
                    for i, eid in enumerate(["L_velmora", "O_dawn_front", f"L_town{k}", "P_karim_al_tarmi"])}


def test_event_identity_and_relations_read_a_stream_keeping_no_document_s_facts():
    listed = [_reports(k) for k in range(6)]
    expected_events = aggregate.events(listed, _REPORT_ENTITIES)
    expected_relations = aggregate.relations(listed, _REPORT_ENTITIES)
    alive: list[weakref.ref] = []

    def stream() -> Iterator[StoredDoc]:
        for k in range(6):
            d = _reports(k)
            alive.extend((weakref.ref(d.facts.events), weakref.ref(d.facts.relations)))
            yield d

    rows, groups = aggregate.events(stream(), _REPORT_ENTITIES)
    relations = aggregate.relations(stream(), _REPORT_ENTITIES)
    gc.collect()
    assert rows == expected_events[0] and relations == expected_relations
    assert [len(g) for g in groups] == [12, 1, 1, 1, 1, 1, 1]  # the attack's twelve reports are one event
    # the reports keep their mentions and their documents' id, story and date: no document's facts
    assert groups[0][0].doc.doc_id == "d0" and groups[0][0].doc.story == "s0"
    assert not any(r() for r in alive)


def test_resolution_lets_go_of_its_name_memos():
    resolve_entities(list(_docs()))
    assert normalize._match_norm.cache_info().currsize == 0
    assert normalize.parse_name.cache_info().currsize == 0


def test_local_records_hold_their_names_in_tuples():
    # a corpus holds some fifteen records a document: a list of one name, and an empty list of
    # titles, cost some 80 bytes a record more than tuples (the empty one shared by all)
    from newsgraph.entities.corpus import _records_of

    records = _records_of(_doc("d1", [("Karim al-Tarmi", "PERSON"), ("Velmora", "LOC")]))
    assert [r.names for r in records] == [("Karim al-Tarmi",), ("Velmora",)]
    assert all(type(r.titles) is tuple and not r.titles for r in records)


def test_candidate_pairs_of_distinct_names_cost_a_few_bytes_each():
    # three hundred spellings of one name in one block: every pair of them is a candidate. A set,
    # then a list, of tuples held some 60 bytes a pair, 110 at the peak; a corpus has millions
    import tracemalloc

    from newsgraph.names.blocking import block_names

    items = [(k, f"Karim Tarm{'i' * (k % 3 + 1)}{'y' * k}", "PERSON") for k in range(300)]
    block_names(items, max_block=400)  # the names parsed and memoised: what is measured is the pairs
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    nb = block_names(items, max_block=400)
    kept, peak = (size - before for size in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    pairs = list(nb.pairs)
    assert len(pairs) == 300 * 299 // 2 and pairs == sorted(pairs) and all(a < b for a, b in pairs)
    assert nb.pairs[0] == pairs[0] and nb.pairs[-1] == pairs[-1]
    assert kept < 16 * len(pairs) and peak < 60 * len(pairs)  # names and blocks included


def test_the_token_memo_keeps_only_tokens_that_share_a_skeleton():
    from newsgraph.names.normalize import _match_norm

    _match_norm.cache_clear()
    score, codes = _match_norm("tarmi", "velmora")  # rejected by skeleton: computed, not kept
    assert score < 0.85 and codes == () and _match_norm.cache_info().currsize == 0
    assert _match_norm("tarmi", "tarmy")[0] >= 0.85 and _match_norm.cache_info().currsize == 1


def test_parsed_names_share_their_tokens():
    from newsgraph.names.normalize import parse_name

    a, b = parse_name("Karim al-Tarmi"), parse_name("Hadi al-Tarmi")
    assert a.tokens[-1] is b.tokens[-1]


def test_a_short_form_is_tested_only_against_names_its_last_word_may_meet():
    from newsgraph.entities.resolve import _join_org_short_forms, _WordPositions

    words = ["Norland", "Velmora", "Sahil", "Tarmi", "Qamar", "Fajr", "Harbour", "Dawn"]
    # many organisations share their first two words ("Dawn Front X"); one short form of each
    records = [LocalRecord(f"d{k}", 0, f"s{k}", f"Dawn Front {w} Brigade", "ORG", names=(f"Dawn Front {w} Brigade",))
               for k, w in enumerate(words)]
    records += [LocalRecord(f"e{k}", 0, f"t{k}", f"Dawn Front {w}", "ORG", names=(f"Dawn Front {w}",))
                for k, w in enumerate(words)]
    forms = {j: [(tuple(w.lower() for w in r.name.split()), r.name.split())] for j, r in enumerate(records)}
    index = _WordPositions(set(range(len(records))), forms)
    # "Dawn Front Sahil" may only shorten the names with "sahil" where a short form's last word goes
    assert set(index.candidates(("dawn", "front", "sahil"))) == {2, 10}
    assert index.candidates(("dawn", "front", "sahil")) == sorted({2, 10}, key=index.order.index)
    cl = _Clusters(records)
    _join_org_short_forms(records, cl)
    assert all(cl.find(k) == cl.find(k + len(words)) for k in range(len(words)))
    assert len({cl.find(k) for k in range(len(words))}) == len(words)


def test_resolution_without_user_decisions_builds_no_replay_of_them(monkeypatch):
    from newsgraph.entities import corrections

    def refuse(*args):
        raise AssertionError("replay built without a decision")

    monkeypatch.setattr(corrections, "_Replay", refuse)
    entities, mapping, _ = resolve_entities(list(_docs()))
    assert len({mapping[("d0", 0)], mapping[("x", 0)]}) == 1


def test_joined_clusters_keep_no_empty_kinds_or_notes():
    records = [LocalRecord(f"d{k}", 0, None, "Dawn Front", "ORG") for k in range(6)]
    records.append(LocalRecord("d9", 0, None, "Velmora", "LOC", "settlement"))
    cl = _Clusters(records)
    for k in range(1, 6):
        assert cl.join(0, k, ("Dawn Front", "Dawn Front", ["same name"]))
    # organisations have no kind of place and nothing was refused: nothing kept for either
    assert cl.kinds.values == {} and cl.notes.values == {}
    assert not cl.kinds.peek(cl.find(0)) and cl.notes.peek(cl.find(0)) == []
    assert cl.kinds.peek(6) == {"settlement": 1}


def test_misspelling_slots_are_kept_only_where_a_word_is_another_with_a_letter_left_out():
    from newsgraph.entities.resolve import _join_rare_misspellings, _misspelling_slots

    records = [LocalRecord(f"d{k}", 0, f"s{k}", "Karim Velmorani", "PERSON") for k in range(6)]
    records.append(LocalRecord("d9", 0, "s9", "Karim Velmrani", "PERSON"))  # one letter left out
    records += [LocalRecord(f"e{k}", 0, f"t{k}", name, "ORG")
                for k, name in enumerate(["Sahilian Brigade", "Norland Guards", "Dawn Frontiers"])]
    slots = _misspelling_slots(records)
    # one slot (the first word kept, the second wildcarded), not one for every long word of every name
    assert list(slots) == [("PERSON", ("karim",), ())]
    assert {w: sorted(m) for w, m in slots[("PERSON", ("karim",), ())].items()} == {
        "velmorani": [0, 1, 2, 3, 4, 5], "velmrani": [6]}
    cl = _Clusters(records)
    for k in range(1, 6):
        cl.join(0, k, ("Karim Velmorani", "Karim Velmorani", ["same name"]))
    _join_rare_misspellings(records, cl)
    assert cl.find(6) == cl.find(0) and cl.find(7) != cl.find(0)


def test_the_coherence_check_keeps_no_joins_or_notes_for_lone_records():
    from newsgraph.entities.resolve import _cut_weak_links

    records = [LocalRecord(f"d{k}", 0, f"s{k}", "Dawn Front", "ORG") for k in range(3)]
    records += [LocalRecord(f"e{k}", 0, f"t{k}", name, "LOC") for k, name in enumerate(["Velmora", "Sahil"])]
    cl = _Clusters(records)
    for k in (1, 2):
        cl.join(0, k, ("Dawn Front", "Dawn Front", ["same name"]))
    after = _cut_weak_links(records, cl, [(r.name,) for r in records])
    root = after.find(0)
    # the joined cluster keeps its joins; the two lone places hold nothing
    assert set(after.joins.values) == {root} and after.notes.values == {}
    assert after.joins.peek(root) == [("Dawn Front", "Dawn Front", ["same name"])] * 2


def test_entities_are_built_after_the_clusters_let_go_of_their_documents_and_stories(monkeypatch):
    from newsgraph.entities import resolve as resolver

    forgotten = []
    keep = resolver._Clusters.forget_all_but_reasons

    def forget(self):
        keep(self)
        forgotten.append(self)

    monkeypatch.setattr(resolver._Clusters, "forget_all_but_reasons", forget)
    entities, mapping, _ = resolve_entities(list(_docs()))
    assert len(forgotten) == 1 and forgotten[0].docs is None and forgotten[0].stories is None
    # what the entities need is still there: joins and their reasons
    (tarmi,) = [e for e in entities if e.name == "Karim al-Tarmi"]
    assert len(tarmi.members) == 10 and ("x", 0) in tarmi.members and tarmi.joins


def test_the_union_find_holds_its_parents_in_a_flat_array():
    records = [LocalRecord(f"d{k}", 0, None, "Dawn Front", "ORG") for k in range(300)]
    cl = _Clusters(records)
    assert cl.parent.itemsize == 8 and len(cl.parent) == 300  # no int object per record
    for k in range(1, 300):
        cl.join(0, k, ("Dawn Front", "Dawn Front", ["same name"]))
    assert {cl.find(k) for k in range(300)} == {cl.find(0)}


def test_blocks_held_as_hashed_rows_give_the_pairs_a_dict_of_blocks_gives():
    from collections import defaultdict

    from newsgraph.names.blocking import _keys, block_names

    # a large block (every name shares the acronym of its words) beside small ones
    firsts = ["Dawn", "Dusk", "Dune", "Dale", "Dell", "Dome", "Dock", "Deer"]
    items = [(k, f"{a} {b} Front", "ORG") for k, (a, b) in enumerate((a, b) for a in firsts for b in firsts)]
    items += [(100, "Karim al-Tarmi", "PERSON"), (101, "Karim Tarmy", "PERSON"), (102, "Velmora", "LOC")]
    nb = block_names(items, max_block=12, window=3)
    blocks: dict[str, list[int]] = defaultdict(list)
    sort_keys = []
    for k, (name, fam) in enumerate(zip(nb.names, nb.types)):
        keys, sk = _keys(name, fam, "strict")
        sort_keys.append(sk)
        for key in keys:
            blocks[key].append(k)
    pairs = set()
    for mem in blocks.values():
        if len(mem) <= 12:
            pairs |= {(a, b) if a < b else (b, a) for x, a in enumerate(mem) for b in mem[x + 1:]}
            continue
        for order in (sorted(mem, key=lambda i: sort_keys[i]),
                      sorted(mem, key=lambda i: " ".join(reversed(sort_keys[i].split())))):
            pairs |= {tuple(sorted((order[x], order[y]))) for x in range(len(order))
                      for y in range(x + 1, min(x + 4, len(order)))}
    assert nb.n_large_blocks >= 1 and nb.n_blocks == len(blocks)
    assert list(nb.pairs) == sorted(pairs) and len(pairs) > len(items)


def test_blocking_holds_integer_mention_ids_in_one_array_and_others_in_lists():
    from newsgraph.names.blocking import block_names

    names = ["Dawn Front", "Velmora", "Dawn Front", "Sahil", "Velmora", "Dawn Front"]
    types = ["ORG", "LOC", "ORG", "LOC", "LOC", "ORG"]
    nb = block_names([(10 * k, n, t) for k, (n, t) in enumerate(zip(names, types))])
    assert nb.members.ids.itemsize == 8  # no list of int objects for each name
    assert list(nb.members) == [[0, 20, 50], [10, 40], [30]] and nb.members[-1] == [30]
    # an id of another kind, once ints came first: every id is kept, in its name's list
    mixed = block_names([(0, "Dawn Front", "ORG"), (1, "Velmora", "LOC"), ("x", "Dawn Front", "ORG")])
    assert mixed.members == [[0, "x"], [1]]


def test_the_coherence_check_lets_go_of_the_old_clusters_before_it_remakes_them(monkeypatch):
    from newsgraph.entities import resolve as resolver

    records = [LocalRecord(f"d{k}", 0, f"s{k}", "Dawn Front", "ORG") for k in range(3)]
    records.append(LocalRecord("e0", 0, "t0", "Velmora", "LOC"))
    cl = _Clusters(records)
    for k in (1, 2):
        cl.join(0, k, ("Dawn Front", "Dawn Front", ["same name"]))
    # a hub cut in two parts: the clusters are remade from the records
    monkeypatch.setattr(resolver, "HUB_STORIES", 1)
    monkeypatch.setattr(resolver, "_coherent_parts", lambda records, idxs, *rest: ([idxs[:1], idxs[1:]], ["cut"]))
    new = resolver._cut_weak_links(records, cl, [(r.name,) for r in records])
    assert new is not cl and cl.docs is None and cl.stories is None  # not held beside the new ones
    assert new.find(1) == new.find(2) != new.find(0)
