"""Aggregation across documents (story-aware counting) and the contradictions between sources."""

from __future__ import annotations

from newsgraph import aggregate, contradictions
from newsgraph.extract.claims import find_change_claims
from newsgraph.facts import DocumentFacts, QuoteFacts
from newsgraph.types import EntityMention, EventMention, Quantity, RelationMention


def doc(doc_id: str, story: str, **facts) -> aggregate.StoredDoc:
    return aggregate.StoredDoc(doc_id, story, "2024-03-10", DocumentFacts(**facts))


def rel(s: int, p: str, o: int, pol: str = "asserted", c: float = 0.8) -> RelationMention:
    return RelationMention(s, p, o, pol, c, "cue", 0, 50)


def attack(date: str | None, killed: int | None, *, loc: int = 0, polarity: str = "asserted", approx=None) -> EventMention:
    q = (Quantity("killed", killed, approx, 10, 15, f"{killed} killed"),) if killed is not None else ()
    return EventMention("ASSAULT", "Violence against civilians", None, "attack", 0, 6, 0, 80, actors=((1, "actor"),),
                        location=loc, date=date, date_precision="day" if date else None, date_text="on Saturday",
                        date_start=20, date_end=31, quantities=q, polarity=polarity)


ENT = {("a", 0): "E_place", ("a", 1): "E_is", ("b", 0): "E_place", ("b", 1): "E_is",
       ("c", 0): "E_place", ("c", 1): "E_is", ("d", 0): "E_place", ("d", 1): "E_is"}


def test_copies_of_one_story_count_once():
    docs = [doc("a", "s1", relations=[rel(0, "leads", 1)]), doc("b", "s1", relations=[rel(0, "leads", 1)]),
            doc("c", "s2", relations=[rel(0, "leads", 1, c=0.5)])]
    rows = aggregate.relations(docs, ENT)
    assert len(rows) == 1
    r = rows[0]
    assert (r["documents"], r["stories"]) == (3, 2)
    assert r["confidence"] == round(1 - (1 - 0.8) * (1 - 0.5), 3)  # one vote per story, not per copy
    assert len(r["evidence"]) == 3


def test_a_leader_is_not_listed_again_as_a_member():
    docs = [doc("a", "s1", relations=[rel(0, "leads", 1), rel(0, "member_of", 1)]),
            doc("c", "s2", relations=[rel(0, "member_of", 1, "negated"), rel(2, "member_of", 1)])]
    ents = {("a", 0): "E_x", ("a", 1): "E_g", ("c", 0): "E_x", ("c", 1): "E_g", ("c", 2): "E_y"}
    found = {(r["subject"], r["predicate"], r["object"], r["polarity"]) for r in aggregate.relations(docs, ents)}
    assert found == {("E_x", "leads", "E_g", "asserted"), ("E_x", "member_of", "E_g", "negated"),
                     ("E_y", "member_of", "E_g", "asserted")}


def test_symmetric_relations_merge_regardless_of_order():
    docs = [doc("a", "s1", relations=[rel(0, "fights", 1)]), doc("b", "s2", relations=[rel(1, "fights", 0)])]
    assert len(aggregate.relations(docs, ENT)) == 1
    docs = [doc("a", "s1", relations=[rel(0, "leads", 1)]), doc("b", "s2", relations=[rel(1, "leads", 0)])]
    assert len(aggregate.relations(docs, ENT)) == 2


def test_relations_to_unresolved_or_self_are_dropped():
    docs = [doc("a", "s1", relations=[rel(0, "leads", 7), rel(0, "leads", 0)])]
    assert aggregate.relations(docs, ENT) == []


def test_event_mentions_of_one_attack_join_and_their_tolls_conflict():
    docs = [doc("a", "s1", events=[attack("2024-03-09", 7)]), doc("b", "s1", events=[attack("2024-03-09", 7)]),
            doc("c", "s2", events=[attack("2024-03-09", 11)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 1 and rows[0]["stories"] == 2 and rows[0]["date"] == "2024-03-09"
    found = contradictions.event_conflicts(rows, groups)
    assert [c["kind"] for c in found] == ["quantity"]
    assert {e["doc"] for e in found[0]["evidence"]} in ({"a", "c"}, {"b", "c"})


def test_same_toll_or_a_perpetrator_claim_is_no_contradiction():
    docs = [doc("a", "s1", events=[attack("2024-03-09", 7)]), doc("c", "s2", events=[attack("2024-03-09", 7)]),
            doc("d", "s3", events=[attack("2024-03-09", 20, polarity="claimed", approx="more than")])]
    rows, groups = aggregate.events(docs, ENT)
    assert contradictions.event_conflicts(rows, groups) == []


def test_lower_bound_conflicts_only_when_it_excludes_the_other_figure():
    docs = [doc("a", "s1", events=[attack("2024-03-09", 60, approx="at least")]), doc("c", "s2", events=[attack("2024-03-09", 75)])]
    rows, groups = aggregate.events(docs, ENT)
    assert contradictions.event_conflicts(rows, groups) == []
    docs = [doc("a", "s1", events=[attack("2024-03-09", 60, approx="at least")]), doc("c", "s2", events=[attack("2024-03-09", 40)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(contradictions.event_conflicts(rows, groups)) == 1


def _counting(text: str, value: int, scope=None) -> EventMention:
    q = (Quantity("killed", value, None, 10, 10 + len(text), text, scope),)
    return EventMention("ASSAULT", None, None, "attack", 0, 6, 0, 80, actors=((1, "actor"),), location=0,
                        date="2024-03-09", date_precision="day", quantities=q)


def test_only_counts_of_the_same_people_conflict():
    def conflicts(a: str, va: int, b: str, vb: int, scope_b=None) -> int:
        docs = [doc("a", "s1", events=[_counting(a, va)]), doc("c", "s2", events=[_counting(b, vb, scope_b)])]
        return len(contradictions.event_conflicts(*aggregate.events(docs, ENT)))

    assert conflicts("seven fighters", 7, "eleven militia fighters", 11) == 1  # a description, same people
    assert conflicts("seven people", 7, "11", 11) == 1  # "put the toll at 11"
    assert conflicts("136 children", 136, "735 civilians", 735) == 0  # a subgroup against a total
    assert conflicts("four YPG fighters", 4, "132 Islamic State militants", 132) == 0  # two sides' dead
    assert conflicts("three children", 3, "six others", 6) == 0  # "others": part of a count
    assert conflicts("30 people", 30, "24 people", 24, scope_b="part") == 0  # part of a larger count
    assert conflicts("30 people", 30, "2,000 people", 2000, scope_b="cumulative") == 0  # a running total


def test_without_a_publication_date_a_place_alone_does_not_join_events():
    # an undated report's undated bombing in a city is not the dated bombing there in another report
    dated = doc("a", "s1", events=[attack("2024-03-09", 7)])
    undated = aggregate.StoredDoc("b", "s2", None, DocumentFacts(events=[
        EventMention("ASSAULT", None, None, "bombing", 0, 7, 0, 80, location=0, quantities=())]))
    rows, _ = aggregate.events([dated, undated], ENT)
    assert len(rows) == 2
    recent = doc("b", "s2", events=[EventMention("ASSAULT", None, None, "bombing", 0, 7, 0, 80, location=0)])
    rows, _ = aggregate.events([dated, recent], ENT)  # in a dated report the same place is enough
    assert len(rows) == 1


def test_an_undated_mention_is_not_an_event_months_older_than_its_report():
    # a March report's "the strike" near the town is not the strike of Dec. 4 there
    older = doc("a", "s1", events=[attack("2023-12-04", 5)])
    recent = aggregate.StoredDoc("b", "s2", "2024-03-14", DocumentFacts(events=[
        EventMention("ASSAULT", None, None, "strike", 0, 6, 0, 80, location=0)]))
    rows, _ = aggregate.events([older, recent], ENT)
    assert len(rows) == 2
    last_week = doc("a", "s1", events=[attack("2024-03-09", 5)])
    rows, _ = aggregate.events([last_week, recent], ENT)
    assert len(rows) == 1


def test_one_event_dated_differently_by_two_stories():
    # the same toll at the same place by the same actor, dated a day apart: one incident, two dates
    docs = [doc("a", "s1", events=[attack("2024-03-13", 7)]), doc("c", "s2", events=[attack("2024-03-12", 7)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 1
    found = contradictions.event_conflicts(rows, groups)
    assert [c["kind"] for c in found] == ["date"]
    assert {e["detail"]["value"] for e in found[0]["evidence"]} == {"2024-03-12", "2024-03-13"}


def test_a_sentence_that_states_both_days_does_not_contradict_either():
    # "Tuesday's toll follows the raids of Monday that killed 7": the parser dated the event by
    # Tuesday, the other source by Monday, and the first sentence states Monday too
    import dataclasses
    both = dataclasses.replace(attack("2024-03-13", 7), sentence_days=("2024-03-12",))
    docs = [doc("a", "s1", events=[both]), doc("c", "s2", events=[attack("2024-03-12", 7)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 1
    assert contradictions.event_conflicts(rows, groups) == []


def test_two_days_with_nothing_else_in_common_are_no_date_disagreement():
    # a town attacked on two days, no count shared: likelier two incidents than one misdated
    docs = [doc("a", "s1", events=[attack("2024-03-13", None)]), doc("c", "s2", events=[attack("2024-03-12", None)])]
    rows, groups = aggregate.events(docs, ENT)
    assert [c["kind"] for c in contradictions.event_conflicts(rows, groups)] == []


def test_events_a_week_apart_are_two_events():
    docs = [doc("a", "s1", events=[attack("2024-03-02", 3)]), doc("c", "s2", events=[attack("2024-03-09", 7)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 2 and contradictions.event_conflicts(rows, groups) == []


def test_relation_asserted_and_denied():
    docs = [doc("a", "s1", relations=[rel(0, "backed_by", 1)]), doc("c", "s2", relations=[rel(0, "backed_by", 1, "negated")])]
    rows = aggregate.relations(docs, ENT)
    found = contradictions.relation_conflicts(rows, {})
    assert len(found) == 1 and found[0]["kind"] == "relation"


TEXT_CHANGED = "In a sharp break with past policy, the coalition began arming the tribal fighters."
TEXT_SAME = "The coalition spokesman said its policy on the tribes has not changed."


def test_change_claims():
    assert [(c.topic, c.stance) for c in find_change_claims(TEXT_CHANGED)] == [("policy", "changed")]
    assert [(c.topic, c.stance) for c in find_change_claims(TEXT_SAME)] == [("policy", "unchanged")]
    assert find_change_claims("Prices have not changed since spring.") == []
    assert find_change_claims("") == []


def test_claims_that_negate_each_other_in_one_document():
    text = TEXT_CHANGED + " " + TEXT_SAME
    d = doc("a", "s1", claims=find_change_claims(text))
    found = contradictions.claim_conflicts([d], {})
    assert len(found) == 1
    ev = found[0]["evidence"]
    assert text[ev[0]["start"]:ev[0]["end"]] == "break with past policy"
    assert "has not changed" in text[ev[1]["start"]:ev[1]["end"]]


def test_claims_in_two_documents_need_a_shared_actor():
    m = EntityMention(4, 13, "coalition", "ORG", entity=0)
    a = doc("a", "s1", claims=find_change_claims(TEXT_CHANGED), mentions=[m])
    b = doc("b", "s2", claims=find_change_claims(TEXT_SAME), mentions=[EntityMention(4, 13, "coalition", "ORG", entity=0)])
    assert len(contradictions.claim_conflicts([a, b], {("a", 0): "E1", ("b", 0): "E1"})) == 1
    assert contradictions.claim_conflicts([a, b], {("a", 0): "E1", ("b", 0): "E2"}) == []


def test_facts_round_trip_through_json():
    f = DocumentFacts(
        mentions=[EntityMention(0, 5, "Tikri", "LOC", "settlement", entity=0)],
        relations=[rel(0, "based_in", 1)], events=[attack("2024-03-09", 7)],
        quotes=[QuoteFacts(1, 5, "abc", "direct", "he", 7, 9, None, 6, 12, "after", 0, "pronoun")],
        claims=find_change_claims(TEXT_SAME),
    )
    back = DocumentFacts.from_json(f.to_json())
    assert back.events[0].quantities[0].value == 7 and back.events[0].actors == ((1, "actor"),)
    assert back.to_json() == f.to_json()


def test_a_chain_of_mentions_does_not_stretch_one_event_over_months():
    docs = [doc("a", "s1", events=[attack("2023-12-04", None), attack(None, None)]),
            doc("b", "s2", events=[attack("2024-03-13", None)]), doc("c", "s3", events=[attack(None, None)])]
    rows, groups = aggregate.events(docs, ENT)
    dated = sorted(r["date"] for r in rows if r["date"])
    assert dated == ["2023-12-04", "2024-03-13"]
    assert contradictions.event_conflicts(rows, groups) == []


# -- one event across reports: type family, place by distance, report windows -------------------

def _dated_doc(doc_id: str, story: str, published: str, **facts) -> aggregate.StoredDoc:
    return aggregate.StoredDoc(doc_id, story, published, DocumentFacts(**facts))


def test_undated_reports_years_apart_are_two_events_and_never_contradict():
    # the same place and actor, no stated date: a 2013 report and a 2017 report are two incidents
    docs = [_dated_doc("a", "s1", "2013-03-10", events=[attack(None, 4)]),
            _dated_doc("c", "s2", "2017-04-05", events=[attack(None, 1400)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 2
    assert contradictions.event_conflicts(rows, groups) == []


def test_undated_reports_of_one_week_are_one_event_and_their_tolls_conflict():
    docs = [_dated_doc("a", "s1", "2017-04-04", events=[attack(None, 58)]),
            _dated_doc("c", "s2", "2017-04-06", events=[attack(None, 72)])]
    rows, groups = aggregate.events(docs, ENT)
    assert len(rows) == 1
    assert [c["kind"] for c in contradictions.event_conflicts(rows, groups)] == ["quantity"]


def test_a_chain_of_undated_reports_does_not_stretch_one_event_over_months():
    docs = [_dated_doc(d, f"s{k}", pub, events=[attack(None, None)])
            for k, (d, pub) in enumerate([("a", "2017-01-01"), ("b", "2017-01-15"), ("c", "2017-01-29"),
                                          ("d", "2017-02-12")])]
    rows, _ = aggregate.events(docs, ENT)
    assert len(rows) >= 2  # no single event spans the six weeks of reports


def test_an_attack_and_a_battle_reported_of_one_incident_are_one_event():
    battle = EventMention("FIGHT", "Battles", None, "clashes", 0, 6, 0, 80, actors=((1, "actor"),), location=0,
                          date="2024-03-09", date_precision="day")
    docs = [doc("a", "s1", events=[attack("2024-03-09", 7)]), doc("c", "s2", events=[battle])]
    rows, _ = aggregate.events(docs, ENT)
    assert len(rows) == 1 and rows[0]["stories"] == 2


def test_reports_placing_an_incident_in_two_nearby_towns_are_one_event():
    ents = {("a", 0): "E_town", ("a", 1): "E_x", ("c", 0): "E_village", ("c", 1): "E_y"}
    docs = [doc("a", "s1", events=[attack("2024-03-09", 7)]), doc("c", "s2", events=[attack("2024-03-09", 9)])]
    near = {"E_town": (59.91, 10.75), "E_village": (59.95, 10.90)}  # about 9 km apart
    far = {"E_town": (59.91, 10.75), "E_village": (60.39, 5.32)}  # Oslo and Bergen
    assert len(aggregate.events(docs, ents, near)[0]) == 1
    assert len(aggregate.events(docs, ents, far)[0]) == 2
    assert len(aggregate.events(docs, ents)[0]) == 2  # without coordinates: two places, two actors


def test_a_toll_contradiction_lists_every_value_with_its_source_and_the_event():
    docs = [doc("a", "s1", events=[attack("2024-03-09", 58)]), doc("b", "s1", events=[attack("2024-03-09", 58)]),
            doc("c", "s2", events=[attack("2024-03-09", 72)]), doc("d", "s3", events=[attack("2024-03-09", 80)])]
    rows, groups = aggregate.events(docs, ENT)
    found = contradictions.event_conflicts(rows, groups, {"E_place": "Velmora", "E_is": "Dawn Front"})
    assert len(found) == 1
    c = found[0]
    assert sorted(e["detail"]["value"] for e in c["evidence"]) == [58, 72, 80]  # the copy in b counts once
    assert {e["doc"] for e in c["evidence"]} in ({"a", "c", "d"}, {"b", "c", "d"})
    assert all(e["detail"]["published"] == "2024-03-10" for e in c["evidence"])
    assert "at Velmora on 2024-03-09" in c["description"] and "Dawn Front" in c["description"]
    assert "3 stories" in c["description"]


def test_lower_bounds_far_apart_are_a_disagreement_close_ones_are_not():
    def n(a: int, b: int) -> int:
        docs = [doc("a", "s1", events=[attack("2024-03-09", a, approx="at least")]),
                doc("c", "s2", events=[attack("2024-03-09", b, approx="at least")])]
        return len(contradictions.event_conflicts(*aggregate.events(docs, ENT)))

    assert n(58, 87) == 1 and n(60, 75) == 0


def test_counts_in_a_crowded_city_are_compared_only_for_one_actor_and_one_kind_of_attack():
    ents = {("a", 0): "E_city", ("a", 1): "E_x", ("c", 0): "E_city", ("c", 1): "E_y"}
    docs = [doc("a", "s1", events=[attack("2024-03-09", 11)]), doc("c", "s2", events=[attack("2024-03-09", 3)])]
    rows, groups = aggregate.events(docs, ents, crowded={"E_city"})
    assert contradictions.event_conflicts(rows, groups) == []  # two actors' attacks in one city on one day
    rows, groups = aggregate.events(docs, ents)
    assert len(contradictions.event_conflicts(rows, groups)) == 1  # a town: one incident that day


# -- a count is compared only when its sentence tells the incident's own place and day ----------------

def _toll(value: int, *, date: str | None = "2024-03-11", loc: int = 0, method: str | None = None,
          place_at: int = -1, antecedent: int = -1, actor: int = 1, start: int = 100,
          extra: tuple[Quantity, ...] = ()) -> EventMention:
    """An air strike's toll read from the sentence at ``start``: its place ``loc`` (-1: none), read where
    ``method`` says (None: in the sentence itself; "carried-by-incident": from the sentence at ``place_at``)."""
    q = (Quantity("killed", value, None, start + 10, start + 20, f"{value} civilians"),) + extra
    return EventMention("ASSAULT", None, None, "strikes", start, start + 7, start, start + 90,
                        actors=((actor, "actor"),), location=loc, date=date,
                        date_precision="day" if date else None, quantities=q, antecedent=antecedent,
                        location_method=method, location_start=place_at, location_end=place_at + 6 if place_at >= 0 else -1)


def _docs(*items: tuple[str, str, str, list[EventMention]]) -> list[aggregate.StoredDoc]:
    return [aggregate.StoredDoc(d, story, published, DocumentFacts(events=evs)) for d, story, published, evs in items]


_VELMORA = {(d, 0): "E_velmora" for d in "abcd"} | {(d, 1): "E_dawn_front" for d in "abcd"} | \
           {(d, 2): "E_sahil" for d in "abcd"}


def _conflicts(docs) -> list[dict]:
    return contradictions.event_conflicts(*aggregate.events(docs, _VELMORA))


def test_a_toll_borrowing_the_place_of_the_sentence_before_is_not_compared():
    # "Strikes killed 20 civilians on Monday in Velmora. One civilian was killed by a barrel bomb dropped
    # on <an unrecognised district>": the second sentence takes Velmora from the first without referring
    # back to its incident; another report's 20 is no contradiction of it
    lead = _toll(20, start=0)
    borrowed = _toll(1, date=None, method="carried-by-incident", place_at=40, start=100)
    other = _toll(20, start=0)
    assert _conflicts(_docs(("a", "s1", "2024-03-12", [lead, borrowed]), ("b", "s2", "2024-03-12", [other]))) == []
    # "the strike killed one more": a sentence that refers back to the incident tells its count
    referring = _toll(1, date=None, method="carried-by-incident", place_at=40, antecedent=0, start=100)
    assert len(_conflicts(_docs(("a", "s1", "2024-03-12", [lead, referring]), ("b", "s2", "2024-03-12", [other])))) == 1
    # a headline placed by the lead after it: the headline's count is the incident's
    headline = _toll(1, method="carried-by-incident", place_at=140, start=0)
    detail = EventMention("ASSAULT", None, None, "raids", 120, 125, 120, 200, actors=((1, "actor"),), location=0,
                          date="2024-03-11", date_precision="day")
    assert len(_conflicts(_docs(("a", "s1", "2024-03-12", [headline, detail]), ("b", "s2", "2024-03-12", [other])))) == 1


def test_a_toll_whose_sentence_names_no_place_is_not_compared():
    # the Dawn Front killed 33 fighters on Sunday (no place) / the Dawn Front killed 50 on Sunday in
    # Velmora: one army fights on several fronts a day
    unplaced = _toll(33, date="2024-03-10", loc=-1)
    placed = _toll(50, date="2024-03-10")
    assert _conflicts(_docs(("a", "s1", "2024-03-11", [unplaced]), ("b", "s2", "2024-03-11", [placed]))) == []
    assert len(_conflicts(_docs(("a", "s1", "2024-03-11", [_toll(33, date="2024-03-10")]),
                                ("b", "s2", "2024-03-11", [placed])))) == 1


def test_a_sentence_counting_the_dead_twice_gives_neither_count():
    # "19 were killed near the capital on Monday hours after an attack left dozens dead in Velmora":
    # two incidents in one sentence; which count is Velmora's the sentence does not say
    twice = _toll(19, extra=(Quantity("killed", 24, "dozens", 60, 66, "dozens"),))
    other = _toll(58)
    assert _conflicts(_docs(("a", "s1", "2024-03-12", [twice]), ("b", "s2", "2024-03-12", [other]))) == []


def test_an_undated_toll_between_two_days_is_of_neither():
    # strikes on Velmora on Monday (15 dead) and on Tuesday (56 dead); a report of Wednesday gives
    # 160 without a day: it is no contradiction of Monday's 15
    monday = _toll(15, date="2024-03-11")
    tuesday = _toll(56, date="2024-03-12")
    undated = _toll(160, date=None)
    docs = _docs(("a", "s1", "2024-03-11", [monday]), ("b", "s2", "2024-03-12", [tuesday]),
                 ("c", "s3", "2024-03-13", [undated]))
    found = _conflicts(docs)
    assert all({e["detail"]["value"] for e in c["evidence"]} != {15, 160} for c in found)
    assert all(not {15, 56} <= {e["detail"]["value"] for e in c["evidence"]} for c in found)
    # with Monday's report alone the undated toll can only be Monday's
    assert len(_conflicts(_docs(("a", "s1", "2024-03-11", [monday]), ("c", "s3", "2024-03-13", [undated])))) == 1


def test_an_undated_headline_takes_the_day_of_its_lead_that_gives_the_same_count():
    # report 1: "16 dead in Velmora" (headline), "16 civilians were killed on Monday in Velmora" (lead);
    # report 2, two days later: "26 killed in raids on Velmora" (headline), "raids on Wednesday killed 26"
    # (lead): the two headlines count two days' dead, not one incident's
    first = [_toll(16, date=None, start=0), _toll(16, date="2024-03-11", start=100)]
    second = [_toll(26, date=None, start=0), _toll(26, date="2024-03-13", start=100)]
    assert _conflicts(_docs(("a", "s1", "2024-03-11", first), ("b", "s2", "2024-03-13", second))) == []
    # undated leads too: the headlines stand for their reports' days, two days apart as before
    first = [_toll(16, date=None, start=0)]
    second = [_toll(26, date=None, start=0)]
    assert len(_conflicts(_docs(("a", "s1", "2024-03-11", first), ("b", "s2", "2024-03-13", second)))) == 1


def test_a_toll_in_the_countryside_around_a_town_is_no_toll_of_the_town():
    # "raids on the Sahil countryside killed 11" and "the attack in Sahil killed 7": near one town, not
    # in it, so not shown to be one incident; an actor in common does not make them one either
    from dataclasses import replace

    docs = [doc("a", "s1", events=[attack("2024-03-09", 7)]),
            doc("c", "s2", events=[replace(attack("2024-03-09", 11), location_area=True)])]
    rows, groups = aggregate.events(docs, ENT)
    assert contradictions.event_conflicts(rows, groups) == []
    docs[1] = doc("c", "s2", events=[attack("2024-03-09", 11)])
    rows, groups = aggregate.events(docs, ENT)
    assert [c["kind"] for c in contradictions.event_conflicts(rows, groups)] == ["quantity"]


def _clash(actor: int, target: int, method: str | None = None) -> EventMention:
    return EventMention("FIGHT", None, None, "clashes", 0, 7, 0, 90, actors=((actor, "actor"), (target, "target")),
                        location=2, date="2024-03-11", date_precision="day", actors_method=method)


def test_an_actor_never_acts_on_itself_in_an_event_record():
    # three reports of one battle in Sahil: two say the army fought the Dawn Front, one the reverse
    docs = _docs(("a", "s1", "2024-03-12", [_clash(0, 1)]), ("b", "s2", "2024-03-12", [_clash(0, 1)]),
                 ("c", "s3", "2024-03-12", [_clash(1, 0)]))
    (row,), _ = aggregate.events(docs, _VELMORA)
    assert sorted((a["entity"], a["role"]) for a in row["actors"]) == [("E_dawn_front", "target"), ("E_velmora", "actor")]
    # one report each way: the side of the first report
    (row,), _ = aggregate.events(docs[1:], _VELMORA)
    assert sorted((a["entity"], a["role"]) for a in row["actors"]) == [("E_dawn_front", "target"), ("E_velmora", "actor")]


def test_counts_of_two_places_of_one_event_are_not_compared():
    # one blast in Velmora: 140 wounded there; "two people were hurt in Sahil", across the border
    there = _toll(140, start=0)
    across = _toll(2, loc=2, start=0)
    near = {"E_velmora": (37.05, 41.22), "E_sahil": (37.07, 41.21)}  # two towns 2 km apart: one event

    def conflicts(docs):
        rows, groups = aggregate.events(docs, _VELMORA, points=near)
        assert len(rows) == 1
        return contradictions.event_conflicts(rows, groups)

    assert conflicts(_docs(("a", "s1", "2024-03-12", [there]), ("b", "s2", "2024-03-12", [across]))) == []
    assert len(conflicts(_docs(("a", "s1", "2024-03-12", [there]), ("b", "s2", "2024-03-12", [_toll(2, start=0)])))) == 1


def test_a_town_the_model_took_for_a_party_is_the_events_place_not_its_actor():
    # one report's model read the shelled town as a person: resolution knows it is a town
    shelled = EventMention("FIGHT", "Explosions/Remote violence", None, "shelled", 0, 7, 0, 60,
                           actors=((1, "actor"), (0, "target")), location=-1)
    ents = {("a", 0): "E_town", ("a", 1): "E_army"}
    (row,), _ = aggregate.events([doc("a", "s1", events=[shelled])], ents, places={"E_town"})
    assert row["location"] == "E_town" and [a["entity"] for a in row["actors"]] == ["E_army"]
    # a town written as the actor ("Velmora bombed ...", for the government there) is no party either
    bombed = EventMention("ASSAULT", "Violence against civilians", None, "bombed", 0, 6, 0, 60,
                          actors=((0, "actor"),), location=-1)
    (row,), _ = aggregate.events([doc("a", "s1", events=[bombed])], ents, places={"E_town"})
    assert row["actors"] == [] and row["location"] is None
    # without the corpus's places, the report's own reading stands
    (row,), _ = aggregate.events([doc("a", "s1", events=[shelled])], ents)
    assert row["location"] is None and len(row["actors"]) == 2
