"""Architectures this model's config refers to: importing them registers them with spaCy."""

import newsgraph.nlp.minilm  # noqa: F401
