"""Model-independent extractors over cleaned article text (issue 5).

Pure functions: they take the cleaned text (and, for dates, the publication date) and return
frozen records whose ``start``/``end`` are character offsets into that same text.

- :func:`newsgraph.extract.timex.find_dates` -- temporal expressions resolved against the publication date.
- :func:`newsgraph.extract.quotes.find_quotes` -- direct and indirect quotations with attribution cues.
"""

from newsgraph.extract.quotes import Quote, find_quotes
from newsgraph.extract.timex import TimeExpr, find_dates

__all__ = ["Quote", "TimeExpr", "find_dates", "find_quotes"]
