"""The static-vector table builder (training/scripts/minilm_vectors.py), without MiniLM."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
minilm_vectors = pytest.importorskip("minilm_vectors")


def test_every_casing_of_a_word_shares_its_row():
    forms = {"mcdonald": {"McDonald"}}
    assert minilm_vectors.casings("mcdonald", forms) == ["MCDONALD", "McDonald", "Mcdonald", "mcdonald"]
    assert minilm_vectors.casings("iraq", {}) == ["IRAQ", "Iraq", "iraq"]


def test_pca_keeps_the_widest_axes_and_is_deterministic():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(500, 40)).astype(np.float32) * np.linspace(5, 0.1, 40)
    Y = minilm_vectors.pca(X, 8)
    assert Y.shape == (500, 8)
    assert abs(float(Y.std()) - 1.0) < 1e-4
    # The first axis carries the most variance.
    assert Y[:, 0].var() > Y[:, 7].var()
    # The axes depend on the data's spread only: negated data gives the negated table.
    np.testing.assert_allclose(minilm_vectors.pca(-X, 8), -Y, atol=1e-4)
    np.testing.assert_allclose(minilm_vectors.pca(X.copy(), 8), Y, atol=1e-5)
