"""finditer_cued gives exactly what pattern.finditer gives, for each pattern that uses it, on texts
built to stress its conditions (brackets, numbers with commas and full stops, quotes, dashes)."""

import random
import re

import pytest

from newsgraph.cued_search import finditer_cued
from newsgraph.kb import position


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _texts(pieces: list[str], chains: list[list[str]], n: int = 400, seed: int = 7) -> list[str]:
    """Random pieces, and runs that follow a phrase's word order (each slot one of its choices)
    with random pieces slipped in."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        while len(words) < rng.randint(1, 40):
            if rng.random() < 0.3:
                for slot in rng.choice(chains):
                    words.append(rng.choice(slot.split("|")))
                    if rng.random() < 0.1:
                        words.append(rng.choice(pieces))
            else:
                words.append(rng.choice(pieces))
        out.append("".join(w + rng.choice(["", " ", " ", " ", "  ", "\n"]) for w in words))
    return out


_PLACE_PIECES = [
    "some", "about", "nearly", "30", "1,200", "2.5", "12", "two", "a few", "km", "kilometres", "kilometers",
    "miles", "m", "metres", "(", ")", "(20 miles)", "(about 12 miles; see map)", "north", "north-east",
    "south west", "NE", "SSW", "Western", "of", "from", "outside", "away", "to the", "to", "or", "–", "-",
    "Velmora", "Sahil", "al-Tarmi", "Deir al-Sahil", "the capital", "the town of", "the border", ".", ",",
    ";", ":", '"', "“", "”", "’s", "Karim's", "I'm", "30km", "5-km", "near", "?", "!", "\u2014",
]
_PLACE_CHAINS = [
    ["some|about|", "30|1,200|2.5|two|a few", "km|kilometres|miles|m", "(20 miles)|(a; b)|", "north|NE|south-west",
     "of|from", "Velmora|the capital|Deir al-Sahil|al-Tarmi"],
    ["nearly|", "12|three", "-|", "km|miles", "from|outside|away from", "Sahil|the town of Velmora"],
]


@pytest.mark.parametrize("name", ["offset", "from"])
def test_position_phrases_are_found_exactly_as_by_a_full_scan(name):
    pattern, cue = {"offset": (position._OFFSET_RE, position._OFFSET_CUE),
                    "from": (position._FROM_RE, position._FROM_CUE)}[name]
    found = 0
    for text in _texts(_PLACE_PIECES, _PLACE_CHAINS, n=1500):
        barriers = position._phrase_barriers(text)
        expected = _spans(pattern.finditer(text))
        assert _spans(finditer_cued(pattern, cue, text, barriers)) == expected, text
        found += len(expected)
    assert found > 50  # the texts do hold phrases


def test_a_match_is_found_across_a_cue_that_is_not_its_own():
    # the cue hit "east of" ends inside the match that starts at "30": the match is still whole
    pattern = re.compile(r"\d+ km (?:north|east) of [A-Z]\w+")
    cue = re.compile(r"(?:north|east) of")
    text = "Fighting 30 km east of Velmora and 4 km north of Sahil."
    assert _spans(finditer_cued(pattern, cue, text)) == _spans(pattern.finditer(text))
    assert len(list(finditer_cued(pattern, cue, text))) == 2


def test_nothing_is_tried_without_a_cue():
    calls = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx
            self.pattern = rx.pattern

        def match(self, text, pos):
            calls.append(pos)
            return self.rx.match(text, pos)

    pattern = Counting(re.compile(r"\d+ km north of \w+"))
    assert list(finditer_cued(pattern, re.compile("north of"), "Rain fell on Velmora for 3 days. " * 20)) == []
    assert calls == []
    text = "A long sentence first; then 30 km north of Sahil."
    assert [m.group() for m in finditer_cued(pattern, re.compile("north of"), text, [text.index(";")])] == \
        ["30 km north of Sahil"]
    assert min(calls) == text.index(";") + 1  # nothing before the barrier was tried


def test_an_empty_cue_is_refused():
    with pytest.raises(ValueError):
        list(finditer_cued(re.compile("a"), re.compile("x*"), "abc"))


_DATE_PIECES = [
    "Monday", "Sunday,", "the", "4", "4th", "30", "31st", "of", "December", "Dec.", "Dec", "Sept.", "Sept",
    "May", "March", "2016", "2017,", "1990s", "mid-", "early", "late", "last", "next", "this", "past", "in",
    "since", "End of", "until", "week", "weekend", "month", "year", "years", "ago", "two", "a few", "several",
    "summer", "Winter", "spring", "yesterday", "today", "night", "morning", "coming", ",", ".", ":", ";", "-",
    "(", ")", '"', "“", "2016-10-30", "Velmora", "said", "killed", "\n", "5:30", "1,200", "2.5",
]
_DATE_CHAINS = [
    ["Sunday,|", "the|", "4|30th", "of|", "December|Dec.|Sept.|May", ",|", "2016|1999"],
    ["Monday,|", "March|Dec.|Oct", "4|31", ",|", "2017|"],
    ["last|in|since|End of|", "early|mid-|late|", "June|December"],
    ["this|last|the", "summer|Winter", "of|", "2014|"],
    ["two|a few|3", "days|weeks|years", "ago"],
    ["last|this coming|", "Sunday|Friday", "morning|night|"],
    ["the|", "early|mid-", "1990s|2010s"],
]


def test_date_rules_find_exactly_what_a_full_scan_finds():
    from newsgraph.cued_search import barrier_positions
    from newsgraph.extract import timex

    cued_rules = [(rx, cued) for rx, _, cued in timex._RULES if cued is not None]
    assert len(cued_rules) >= 5
    found = 0
    for text in _texts(_DATE_PIECES, _DATE_CHAINS, n=1500, seed=11):
        for rx, (cue, barrier) in cued_rules:
            expected = _spans(rx.finditer(text))
            assert _spans(finditer_cued(rx, cue, text, barrier_positions(barrier, text))) == expected, (rx.pattern, text)
            found += len(expected)
    assert found > 500


_CLAIM_PIECES = [
    "policy", "policies", "support", "the", "U.S.", "its", "role", "plan", "has", "have", "not", "n't", "never",
    "been", "changed", "shifted", "reversed", "overturned", "altered", "remains", "remained", "unchanged", "same",
    "stayed", "is", "was", ".", ";", '"', "“", "”", ",", "'", "on", "Velmora", "Sahil", "strategy", "now", "-",
]
_CLAIM_CHAINS = [
    ["the|its", "policy|support|plan", "on Sahil|", "has|have", "now|", "changed|shifted|been reversed"],
    ["policy|role|strategy", "toward Velmora|, officials said,|. Then|", "has|is|was", "not|n't|never", "been|",
     "changed|altered|reversed"],
    ["support|stance", "for the Dawn Front|; still|", "remains|stayed|is", "unchanged|the same"],
]


def test_claim_patterns_find_exactly_what_a_full_scan_finds():
    from newsgraph.cued_search import barrier_positions
    from newsgraph.extract import claims

    cued = [(p, claims._CUES[p.pattern]) for p in claims._CHANGED_RE + claims._UNCHANGED_RE if p.pattern in claims._CUES]
    assert len(cued) == 3
    found = 0
    for text in _texts(_CLAIM_PIECES, _CLAIM_CHAINS, n=1500, seed=13):
        barriers = barrier_positions(claims._NOT_IN_CLAIM, text)
        for rx, cue in cued:
            expected = _spans(rx.finditer(text))
            assert _spans(finditer_cued(rx, cue, text, barriers)) == expected, (rx.pattern, text)
            found += len(expected)
    assert found > 300
