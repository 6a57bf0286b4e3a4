"""The shortcuts of alias finding change nothing: a trigger is skipped only in a text without any of
its words, and the word at a position is found by bisection as by the scan it replaced."""

import random

from newsgraph.names import aliases

_PIECES = [
    "Dawn Front", "the Velmora Brigades", "(VB)", "DF", ",", " ", "  ", "(", ")", "also", "known", "as",
    "called", "sometimes", "aka", "a.k.a.", "AKA", "an", "Arabic", "acronym", "abbreviation", "for", "of",
    "is", "stands", "which", "translates", "translated", "into", "meaning", "literally", "means", "or",
    "the", "“Valley Soldiers”", "Jund al-Wadi", "Karim al-Tarmi", "Sahil", ".", "—", "in", "Kurdish",
]


# phrases in a trigger's word order, each slot one of its choices
_CHAINS = [
    ["Dawn Front", ",|(| —", "an|the|its", "Arabic|Kurdish|", "language|", "acronym|abbreviation", "for|of", "Jund al-Wadi"],
    ["DF", "is|was", "an|the", "Arabic|", "acronym|abbreviation", "for", "Dawn Front"],
    ["Dawn Front", ",|(", "also|", "known|referred to", "by", "its|the", "Arabic|", "acronym", ",|", "DF"],
    ["Jund al-Wadi", ",|(", "also|commonly|", "known", "in", "Arabic|Kurdish", "as", "Valley Soldiers"],
]


def _texts(n=3000, seed=3):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        while len(words) < rng.randint(3, 25):
            if rng.random() < 0.2:
                words += [rng.choice(slot.split("|")) for slot in rng.choice(_CHAINS)]
            words.append(rng.choice(_PIECES))
        out.append("".join(w + rng.choice([" ", " ", ""]) for w in words))
    return out


def test_every_trigger_match_holds_one_of_its_words():
    rules = dict((name, rx) for name, rx, _ in aliases._TRIGGERS)
    seen = {name: 0 for name in aliases._TRIGGER_WORDS}
    for text in _texts():
        for name, words in aliases._TRIGGER_WORDS.items():
            for m in rules[name].finditer(text):
                assert any(w in m.group() for w in words), (name, m.group())
                seen[name] += 1
    assert all(seen.values()), seen  # each trigger was exercised


def test_words_are_found_by_position_as_by_a_scan():
    text = "The Dawn Front (DF), also known as the Velmora Brigades, met Karim al-Tarmi in Sahil."
    words = aliases._words(text)
    for pos in range(len(text) + 1):
        by_scan = next((k for k in range(len(words) - 1, -1, -1) if words[k][1] <= pos), -1)
        assert aliases.bisect.bisect_right(words, pos, key=aliases._word_end) - 1 == by_scan
        first = next((k for k, w in enumerate(words) if w[0] >= pos), len(words))
        assert aliases.bisect.bisect_left(words, pos, key=aliases._word_start) == first


def test_definitions_are_found_with_the_shortcuts():
    text = ("The Dawn Front (DF) fought in Sahil. Jund al-Wadi, also known as the Velmora Brigades, "
            "held the town. Saraya al-Nasr, which translates as Victory Companies, joined them.")
    found = {(d.pattern, d.long_text, d.short_text) for d in aliases.find_alias_definitions(text)}
    assert ("paren-acronym", "Dawn Front", "DF") in found
    assert ("known-as", "Jund al-Wadi", "Velmora Brigades") in found
    assert ("translates-as", "Saraya al-Nasr", "Victory Companies") in found
    assert not any(d.pattern == "known-as" for d in aliases.find_alias_definitions(text.replace("known", "named")))
