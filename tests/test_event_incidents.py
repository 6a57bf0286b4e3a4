"""What one sentence leaves out and another gives: "the town" is the place named before (extract/incidents.py)."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.facts import extract_facts

PUBLISHED = date(2024, 5, 8)

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    facts = extract_facts(text, nlp(text), PUBLISHED)
    names = [e.name for e in facts.entities]

    def name(i: int) -> str | None:
        return names[i] if 0 <= i < len(names) else None

    return facts.events, name


def _one(events, trigger: str):
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [e.trigger for e in events]
    return found[0]


def test_the_town_is_the_place_named_before(nlp):
    text = ("Dawn Front fighters seized Velmora on Friday. "
            "Those still inside the town were trapped after the army blocked all roads in and out.")
    events, name = _events(nlp, text)
    blocked = _one(events, "blocked all roads")
    assert name(blocked.location) == "Velmora"
    assert blocked.location_method == "named-before"
    assert text[blocked.location_start:blocked.location_end] == "Velmora"


def test_the_town_is_the_place_called_a_town_not_a_state_in_the_possessive(nlp):
    text = ("A commander was killed near the border town of Velmora on Tuesday, the latest attack on "
            "Norland's network of armed groups in Sahil province. "
            "He died when a missile hit his car on the road north of the town late on Tuesday.")
    events, name = _events(nlp, text)
    missile = _one(events, "missile")
    assert name(missile.location) == "Velmora" and missile.location_method == "named-before"


def test_the_nearby_town_is_another_place(nlp):
    text = ("Dawn Front fighters seized Velmora on Friday. "
            "Residents of the nearby town were trapped after the army blocked all roads in and out.")
    events, name = _events(nlp, text)
    assert name(_one(events, "blocked all roads").location) is None
