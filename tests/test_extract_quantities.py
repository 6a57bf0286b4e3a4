"""find_quantities: what numbers count, and which numbers are not counts."""

from __future__ import annotations

import pytest

from newsgraph.extract.quantities import find_quantities


def kinds(text: str) -> list[tuple[str, int, str | None]]:
    return [(q.kind, q.value, q.approx) for q in find_quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen raided the post at dawn, killing seven fighters and wounding five others.",
         [("killed", 7, None), ("wounded", 5, None)]),
        ("Eleven fighters were killed and nine wounded in the ambush.",
         [("killed", 11, None), ("wounded", 9, None)]),
        ("Four soldiers from the border brigade were killed when the convoy was hit.",
         [("killed", 4, None)]),
        ("At least 60 people died in the floods of violence that followed.", [("killed", 60, "at least")]),
        ("The death toll rose to 23 on Friday.", [("killed", 23, None)]),
        ("Dozens of villagers were abducted and hundreds fled.",
         [("abducted", 24, "dozens"), ("displaced", 200, "hundreds")]),
        ("Police said three suspects had been detained.", [("arrested", 3, None)]),
        ("Around 2,000 fighters and up to 300 vehicles took part, backed by a dozen drones.",
         [("fighters", 2000, "around"), ("vehicles", 300, "up to"), ("drones", 12, "a dozen")]),
        ("Some twenty-five rockets were fired at the base.", [("rockets", 25, "some")]),
        ("Tens of thousands of people have been displaced by the offensive.",
         [("displaced", 20000, "tens of thousands")]),
        ("Two guards and one driver died in the blast.", [("killed", 2, None), ("killed", 1, None)]),
        ("The organisers put the crowd at about 400.", [("protesters", 400, "about")]),
        ("More than 3,000 troops were deployed to the province.", [("troops", 3000, "more than")]),
        # an army's word for killing, of people only
        ("The ministry said its jets eliminated 49 fighters near Sahil.", [("killed", 49, None)]),
        ("Some 30 militants were liquidated in the raid.", [("killed", 30, "some")]),
        ("The jets eliminated 20 vehicles.", [("vehicles", 20, None)]),
        # one predicate over coordinated counts, an aside between them; not over a count with its own
        ("Mortar fire cost the lives of 3 nurses (two of them sisters) as well as 3 guards.",
         [("killed", 3, None), ("killed", 3, None)]),
        ("Gunmen killed seven fighters, and 3,000 troops were deployed.", [("killed", 7, None), ("troops", 3000, None)]),
        # one person, whose age is no count
        ("A 14-year-old boy was killed by a sniper in Sahil.", [("killed", 1, None)]),
    ],
)
def test_counts_and_what_they_count(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 34-year-old farmer was among them.",
        "The men, aged between 19 and 52, were taken away.",
        "The attack happened on March 9, 2024, at 2:30 a.m.",
        "It was the worst attack since 2017.",
        "Prices rose by 15 percent, or 12%, in a month.",
        "The town lies 30 kilometers north of the capital.",
        "The ministry paid $3 million to 40 contractors.",
        "Brigade 52 took over the K1 base.",
        "She was one of the first to arrive.",
        "The 3rd Division arrived on the third day.",
        "The drone hit a white four-wheel-drive vehicle.",
        "Ahmed Saleh, 34, said he heard shots.",
        "The offensive lasted three days.",
    ],
)
def test_numbers_that_are_not_counts(text):
    assert find_quantities(text) == []


def test_offsets_and_span_limits():
    text = "Intro. Seven soldiers were wounded. Nine more were killed."
    qs = find_quantities(text)
    assert [(q.kind, q.value) for q in qs] == [("wounded", 7), ("killed", 9)]
    q = qs[0]
    assert text[q.start:q.end] == q.text and q.text.startswith("Seven")
    second = text.index("Nine")
    only_second = find_quantities(text, second)
    assert [(q.kind, q.value, q.start) for q in only_second] == [("killed", 9, second)]
    assert find_quantities(text, 0, text.index(" Nine")) == qs[:1]


@pytest.mark.parametrize("text", ["", "   ", "no numbers here", "1,2,3,,,", "-", "a dozen"])
def test_bad_or_empty_input(text):
    assert find_quantities(text) == []
    assert find_quantities(text, 5, 2) == []


def test_a_count_inside_a_larger_one_is_a_part():
    found = find_quantities("At least 30 people, including seven children, were killed in the raid.")
    part = [q for q in found if q.value == 7]
    assert part and part[0].scope == "part"
    assert [q.scope for q in find_quantities("Thirteen civilians, among them two women, died.") if q.value == 2] == ["part"]
    assert all(q.scope is None for q in find_quantities("Seven fighters were killed and five wounded."))


@pytest.mark.parametrize("sentence, scope", [
    ("The war has killed more than 300,000 people since 2011.", "cumulative"),
    ("The coalition has acknowledged killing 600 civilians so far.", "cumulative"),
    ("Rights groups say 120 people have died in the camps since the start of the siege.", "cumulative"),
    ("Twelve people were killed in the market on Sunday.", None),
    ("Coalition strikes have killed 649 civilians since September 2014.", "cumulative"),
    ("More than 250,000 people have been killed since the conflict erupted in Norland.", "cumulative"),
    ("Since then more than 250,000 people have been killed.", "cumulative"),
    ("In recent months 30 people have been killed in Velmora.", "cumulative"),
    ("The army has killed 47 militants around Sahil since Monday.", None),
    ("Fourteen people had died since being brought to the hospital.", None),
    ("Twelve civilians were killed in the first deaths since the truce began.", None),
])
def test_a_running_total_is_not_an_incident_count(sentence, scope):
    (q,) = [q for q in find_quantities(sentence) if q.value >= 12]
    assert q.scope == scope


@pytest.mark.parametrize("sentence, killed", [
    ("At least 10 people including four women were killed in raids on Sahil.", 10),
    ("Twelve people including the local minister Karim al-Tarmi were killed.", 12),
    ("Thirteen civilians, among them two women, died.", 13),
    ("Six civilians from one family were killed in shelling on Velmora.", 6),
    ("A judge was among at least 12 people killed when a car bomb exploded.", 12),
])
def test_the_whole_count_takes_the_predicate_after_a_part_inside_it(sentence, killed):
    from newsgraph.extract.acled import mention_fatalities

    assert mention_fatalities(find_quantities(sentence)) == killed


def test_one_person_named_by_an_article_is_one_victim():
    from newsgraph.extract.acled import mention_fatalities

    assert mention_fatalities(find_quantities("A girl was killed and two others were injured in Sahil.")) == 1
    assert mention_fatalities(find_quantities("A sniper killed a civilian in Velmora.")) == 1
    # no casualty word: "a soldier" counts nothing
    assert find_quantities("A soldier said the army had advanced on Sahil.") == []


@pytest.mark.parametrize("sentence, killed", [
    ("On Friday 23 villagers including six women were killed in air raids on Sahil.", 23),  # not the 23rd
    ("A car bomb rocked a district of Velmora on Tuesday, claiming eight and injuring 14 citizens.", 8),
    ("The monitor reported five more deaths in rebel fire on the Sahil district.", 5),
    ("The strike on Velmora killed a two-day-old baby.", 1),
    ("The blast claimed 12 lives.", 12),
])
def test_tolls_written_without_a_casualty_participle(sentence, killed):
    from newsgraph.extract.acled import mention_fatalities

    assert mention_fatalities(find_quantities(sentence)) == killed


def test_what_a_group_claims_is_no_toll():
    assert kinds("The Dawn Front claimed 40 attacks last year.") == [("attacks", 40, None)]
    assert kinds("The meeting on Friday 12 was cancelled.") == []
