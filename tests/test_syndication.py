"""Syndication: copies of one story share a story id; different stories never do."""

from __future__ import annotations

from newsgraph import syndication

from conftest import OTHER_STORY, WIRE_STORY, british


def fp(doc_id, text):
    n, sample = syndication.fingerprint(text)
    return doc_id, n, sample, len(text.split())


def stories_of(docs):
    stories = syndication.group_stories(docs)
    return {doc: sid for sid, (_, members) in stories.items() for doc in members}, stories


def test_truncated_british_copy_joins_the_story():
    paragraphs = WIRE_STORY.split("\n\n")
    truncated = "Wire agency report.\n\n" + british("\n\n".join(paragraphs[:3]))
    story_of, stories = stories_of([fp("full", WIRE_STORY), fp("copy", truncated), fp("other", OTHER_STORY)])
    assert story_of["full"] == story_of["copy"]
    assert story_of["other"] != story_of["full"]
    canonical, members = stories[story_of["full"]]
    assert canonical == "full" and members == ["copy", "full"]


def test_spelling_normalisation_makes_edited_copies_identical():
    assert syndication.fingerprint(WIRE_STORY)[1].tolist() == syndication.fingerprint(british(WIRE_STORY))[1].tolist()


def test_same_events_different_reporting_are_not_grouped():
    # A second article about the same operation, written independently, sharing names and one quote.
    other_report = (
        "A tribal brigade said on Tuesday it had cleared eleven villages on the eastern bank of the river, "
        "a claim that could not be independently verified. The provincial council chairman said nobody had "
        "asked the council before the operation began, and that the brigade had ignored the army's orders. "
        '"We left with nothing but the clothes we wore," one displaced farmer told aid workers. '
        "Hospitals in the provincial capital said they had received dozens of wounded civilians since Monday, "
        "and local officials appealed for fuel for generators as power cuts spread across the district."
    )
    story_of, _ = stories_of([fp("wire", WIRE_STORY), fp("other", other_report)])
    assert story_of["wire"] != story_of["other"]


def test_story_id_is_stable_whatever_the_order():
    docs = [fp("b", WIRE_STORY), fp("a", british(WIRE_STORY)), fp("c", OTHER_STORY)]
    first, _ = stories_of(docs)
    second, _ = stories_of(list(reversed(docs)))
    assert first == second


def test_empty_and_tiny_texts():
    story_of, _ = stories_of([fp("empty", ""), fp("tiny", "Ceasefire holds"), fp("tiny2", "Ceasefire holds")])
    assert story_of["tiny"] != story_of["empty"]
    assert syndication.fingerprint("")[0] == 0
