"""``--code`` module for ``spacy train`` with training/configs/trf_*.cfg.

The architectures live in ``newsgraph.nlp.minilm`` (shipped with the package, so the trained
model and the training run use the same code); importing them registers them.
"""

from newsgraph.nlp.minilm import *  # noqa: F401,F403
from newsgraph.nlp.minilm import encode_texts  # noqa: F401  (trf_precompute.py)
