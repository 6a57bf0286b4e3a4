"""Relative positions stated in the text ("30 km south of X") reach the facts of the place they describe."""

from __future__ import annotations

from newsgraph.facts import extract_facts


def test_a_stated_offset_is_a_position_of_the_place_it_follows():
    text = ("Fighting reached the village of Qaryat Sahil, some 30 kilometers south of Lyon, on Monday. "
            "Residents fled north.")
    facts = extract_facts(text, None, None)
    assert not [p for p in facts.problems if p.startswith("positions")], facts.problems
    (pos,) = facts.positions
    place = facts.entities[pos.entity]
    assert place.name == "Qaryat Sahil"
    assert pos.anchor == "Lyon" and pos.distance_km == 30.0 and pos.bearing == 180.0
    assert text[pos.start:pos.end] == "some 30 kilometers south of Lyon"


def test_a_direction_with_no_distance_and_no_comma_positions_the_place_before_it():
    # feeds that strip commas: "stuck in Qaryat Sahil south of Lyon"
    text = "Hundreds of families were stuck in Qaryat Sahil south of Lyon on Monday."
    facts = extract_facts(text, None, None)
    (pos,) = facts.positions
    assert facts.entities[pos.entity].name == "Qaryat Sahil"
    assert pos.anchor == "Lyon" and pos.distance_km is None and pos.bearing == 180.0
