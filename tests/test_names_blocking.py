"""Blocking for cross-document resolution and the name-only merge guard."""

import random

from newsgraph.names.blocking import block_names, candidate_pairs, link_by_name, match_names, may_link_by_name


def pairs_of(items, **kw):
    return {frozenset(p) for p in candidate_pairs(items, **kw)}


def test_variants_share_a_block():
    items = [(1, "Haider al-Abadi", "PERSON"), (2, "Haidar al-Abbadi", "PERSON"), (3, "Qais al-Khazali", "PERSON"),
             (4, "Sheikh Qais al-Khalazi", "PERSON"), (5, "Faris Nizar al-Tarmi", "PERSON"), (6, "Faris al-Tarmi", "PERSON"),
             (7, "Abu Fadil Karim Dulfi", "PERSON"), (8, "Karim al-Dulfi", "PERSON")]
    got = pairs_of(items)
    for a, b in [(1, 2), (3, 4), (5, 6), (7, 8)]:
        assert frozenset((a, b)) in got


def test_unrelated_names_not_paired():
    items = [(1, "Faris al-Tarmi", "PERSON"), (2, "Nizar Dulfi", "PERSON"), (3, "Iraq", "GPE"), (4, "Iran", "GPE")]
    assert pairs_of(items) == set()


def test_types_are_blocked_apart_but_ner_confusions_together():
    items = [(1, "Qarmala", "GPE"), (2, "Qarmalah", "LOC"), (3, "Qarmala", "PERSON")]
    got = pairs_of(items)
    assert frozenset((1, 2)) in got
    assert frozenset((1, 3)) not in got and frozenset((2, 3)) not in got


def test_identical_names_are_chained_not_all_paired():
    items = [(i, "Faris al-Tarmi", "PERSON") for i in range(100)]
    got = list(candidate_pairs(items))
    assert len(got) == 99
    nb = block_names(items)
    assert len(nb.names) == 1 and len(nb.members[0]) == 100


def test_acronym_and_long_form_share_a_block():
    items = [(1, "Popular Mobilization Forces", "ORG"), (2, "PMF", "ORG"), (3, "the Popular Mobilisation Forces", "ORG")]
    got = pairs_of(items)
    assert frozenset((1, 2)) in got
    assert frozenset((1, 3)) in got  # British/American spelling: one distinct name, chained


def test_loose_mode_gives_partial_candidates():
    items = [(1, "Hezbollah", "ORG"), (2, "Kataib Hezbollah", "ORG")]
    assert pairs_of(items) == set()
    assert pairs_of(items, mode="loose") == {frozenset((1, 2))}


def test_large_blocks_use_sorted_neighbourhood():
    rng = random.Random(3)
    syl = ["ka", "ri", "mu", "ta", "zi", "lo", "fa", "ne"]
    items = [(i, "Faris " + "".join(rng.choice(syl) for _ in range(3)).capitalize() + " al-Tarmi", "PERSON")
             for i in range(400)]
    nb = block_names(items, max_block=20, window=4)
    assert nb.n_large_blocks >= 1
    assert len(nb.pairs) <= len(nb.names) * 2 * 4


def test_guard_lone_given_name():
    assert not may_link_by_name("Ali", "Ali Khamenei", "PERSON")
    assert not may_link_by_name("Ali", "Ali al-Sistani", "PERSON")
    assert not may_link_by_name("Ali", "Ali", "PERSON")  # two documents' "Ali": not by name alone
    assert not may_link_by_name("Ali Khamenei", "Ali al-Sistani", "PERSON")
    ok, why = link_by_name("Faris", "Faris al-Tarmi", "PERSON")
    assert not ok and "single-token" in why[0]


def test_guard_accepts_full_name_variants():
    assert may_link_by_name("Haider al-Abadi", "Haidar al-Abbadi", "PERSON")
    assert may_link_by_name("Qarmala", "Qarmalah", "GPE")
    assert not may_link_by_name("Hezbollah", "Kataib Hezbollah", "ORG")
    assert not may_link_by_name("Iraq", "Iran", "GPE")


def test_guard_acronyms_need_a_definition():
    assert not may_link_by_name("PMF", "Popular Mobilization Forces", "ORG")
    assert may_link_by_name("PMF", "Popular Mobilization Forces", "ORG") is False
    assert link_by_name("PMF", "Popular Mobilization Forces", "ORG", link_acronyms=True)[0]
    assert not may_link_by_name("PMF", "PMU", "ORG")


def test_match_names_end_to_end():
    items = [(1, "Haider al-Abadi", "PERSON"), (2, "Haidar al-Abbadi", "PERSON"), (3, "Ali", "PERSON"),
             (4, "Ali Khamenei", "PERSON"), (5, "Ali al-Sistani", "PERSON"), (6, "Falluja", "GPE"),
             (7, "Fallūjah", "GPE")]
    nb, acc = match_names(items)
    linked = {frozenset((nb.names[a], nb.names[b])) for a, b, _ in acc}
    assert frozenset(("Haider al-Abadi", "Haidar al-Abbadi")) in linked
    assert frozenset(("Falluja", "Fallūjah")) in linked
    assert all("Ali" not in pair for pair in linked)
    assert len(linked) == 2


def test_bench_runs_small(capsys):
    from newsgraph.names.bench import run

    run(3000, seed=1)
    out = capsys.readouterr().out
    assert "block + score" in out and "precision" in out


def test_a_name_meets_the_same_name_with_its_first_words_as_initials():
    from newsgraph.names.blocking import candidate_pairs, match_names
    items = [(1, "United Nations Relief Office", "ORG"), (2, "UN Relief Office", "ORG")]
    assert len(list(candidate_pairs(items))) == 1
    assert len(match_names(items)[1]) == 1


def test_a_name_meets_its_spelling_with_ie_written_the_other_way_round():
    from newsgraph.names.blocking import match_names
    assert len(match_names([(1, "Karim al-Snieh", "PERSON"), (2, "Karim al-Sneih", "PERSON")])[1]) == 1
