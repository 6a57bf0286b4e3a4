"""Stored facts read back as they were written; the cross-document stages may leave out what they
never read."""

from __future__ import annotations

import pytest

from newsgraph.facts import DocumentFacts, extract_facts

TEXT = ('Dawn Front fighters attacked the village of Qaryat Sahil on Monday, killing four civilians, '
        'the Velmora Observatory said. "We will not leave," Karim al-Tarmi, a Dawn Front commander, told reporters.')


@pytest.mark.model
def test_facts_read_back_equal_and_a_skipped_field_stays_empty(nlp):
    facts = extract_facts(TEXT, nlp(TEXT), None)
    assert facts.events and facts.quotes and facts.mentions
    text = facts.to_json()
    assert DocumentFacts.from_json(text) == facts
    light = DocumentFacts.from_json(text, skip=frozenset({"quotes"}))
    assert light.quotes == [] and light.events == facts.events and light.mentions == facts.mentions
    # labels from small vocabularies are one shared string, whichever document they come from
    again = DocumentFacts.from_json(text)
    assert again.events[0].type is light.events[0].type
    assert again.mentions[0].origin is light.mentions[0].origin
