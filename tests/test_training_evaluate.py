"""The held-out scorer (training/scripts/evaluate.py): LAS as the CoNLL 2018 scorer counts it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
evaluate = pytest.importorskip("evaluate")


@pytest.mark.parametrize("ours, gold, same", [
    ("nsubj:pass", "nsubj:pass", True),
    ("nsubj", "nsubj:pass", True),      # a subtype is language-specific: CoNLL 2018 ignores it
    ("obl:tmod", "obl", True),
    ("ROOT", "root", True),
    ("obj", "obl", False),
    ("nmod:poss", "det", False),
])
def test_labelled_attachment_compares_universal_relations(ours, gold, same):
    assert (evaluate._universal(ours) == evaluate._universal(gold)) is same
