"""Name matching and alias core for entity resolution (issue 4).

Pure-Python, corpus-independent building blocks:

* ``normalize``  transliteration-aware keys and similarity (``name_key``, ``tokens``,
  ``name_similarity``, ``explain_match``)
* ``titles``     split "Lt. Col. X" into (title, name)
* ``acronyms``   acronym detection / matching ("PMF" ~ "Popular Mobilization Forces")
* ``aliases``    in-document alias definitions and partial-name references
* ``blocking``   candidate pairs for cross-document resolution, and the name-only guard
"""

from .acronyms import acronym_match, is_acronym
from .aliases import AliasDef, Mention, PartialLink, find_alias_definitions, resolve_partial_mentions
from .blocking import block_names, candidate_pairs, link_by_name, match_names, may_link_by_name
from .normalize import MATCH_THRESHOLD, explain_match, fold, name_key, name_similarity, names_match, tokens
from .titles import split_title

__all__ = [
    "MATCH_THRESHOLD", "AliasDef", "Mention", "PartialLink", "acronym_match", "block_names", "candidate_pairs",
    "explain_match", "find_alias_definitions", "fold", "is_acronym", "link_by_name", "match_names",
    "may_link_by_name", "name_key", "name_similarity", "names_match", "resolve_partial_mentions", "split_title",
    "tokens",
]
