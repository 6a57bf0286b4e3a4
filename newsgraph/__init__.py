"""newsgraph: turn a pile of news articles into evidence-backed knowledge."""

__version__ = "0.1.0"
