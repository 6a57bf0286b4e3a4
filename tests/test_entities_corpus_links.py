"""Mentions follow the entity of the name they are written with, when resolution cuts a
document's alias off its local entity."""

from __future__ import annotations

from newsgraph.aggregate import StoredDoc
from newsgraph.entities.corpus import resolve_entities
from newsgraph.facts import DocumentFacts, LocalEntityFacts
from newsgraph.types import EntityMention


def _doc(doc_id: str, names: list[str]) -> StoredDoc:
    text_pos = 0
    mentions = []
    for n in names:
        mentions.append(EntityMention(text_pos, text_pos + len(n), n, "PERSON", None, "ner", -1, -1, None, 0))
        text_pos += len(n) + 10
    ent = LocalEntityFacts(names[0], "PERSON", None, list(dict.fromkeys(names)), [], len(names), [])
    return StoredDoc(doc_id, None, None, DocumentFacts(mentions=mentions, entities=[ent]))


def test_a_mention_written_with_a_name_cut_off_its_local_entity_goes_to_that_names_entity():
    docs = ([_doc(f"c{k}", ["Karim al-Tarmi"]) for k in range(12)] + [_doc(f"g{k}", ["Hadi Salman"]) for k in range(6)]
            + [_doc("x1", ["Hadi Salman", "Karim al-Tarmi"])])
    entities, mapping, extra = resolve_entities(docs)
    ids = {e.name: e.id for e in entities}
    assert mapping[("x1", 0)] == ids["Hadi Salman"]
    # the second mention of x1 ("Karim al-Tarmi", at offset 21) is linked to Karim al-Tarmi
    assert ("x1", len("Hadi Salman") + 10, ids["Karim al-Tarmi"]) in extra
    assert not any(doc == "x1" and start == 0 for doc, start, _ in extra)
