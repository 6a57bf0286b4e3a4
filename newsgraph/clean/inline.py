"""Boilerplate inside a long line: feed text that holds a whole article (or a long paragraph) on one line.

Why: the boilerplate model (``plaintext.py``) labels *lines*. Text from feeds (JSONL ``text`` fields,
CSV columns) often puts one paragraph, or the whole article, on one physical line, with the site's
footer, "Related News" list, share widget or copyright notice glued to its end. As one line of
hundreds of words it is body, whatever it ends with, so nothing was removed.

What: a line of more than ``MIN_WORDS`` words is cut into *units* at sentence ends and before
boilerplate cue phrases ("Related News", "Follow us", "Copyright", "Reporting by", "(Source: ...",
"Tags", ...); a heading phrase ("Related News", "Read Also", "Tags") becomes a unit of its own, so that
it opens a zone as it would on its own line. The units go through the line model like lines of one
block (no paragraph break between them), so cue lexicons, zones, topicality and Viterbi smoothing
apply unchanged, and removed units are recorded like removed lines, with their exact raw span.

Guard (never remove article text): inside a cut line only a run of units at its *end* (a footer) or at
its *start* (a header) may go, and that run must begin (for an end run) with a unit that carries a cue
of its own (a lexicon phrase, a zone heading) and hold no long uncued sentence (a zone opened by an
inline "Related" heading does not swallow the article after it): a sentence of the article in the
middle of the line is always kept, and so is a plain last sentence that merely looks short.
"""

from __future__ import annotations

import re

from newsgraph.clean.lines import Line

MIN_WORDS = 40  # shorter lines are judged whole by the line model

# Heading phrases cut out as units of their own (a split before and after): they open zones.
_HEADING = (
    r"Related(?:\ (?:News|Articles?|Stories|Story|Posts?|Coverage|Content|Topics|Links))?"
    r"|RELATED(?:\ (?:NEWS|ARTICLES?|STORIES))?|Read\ (?:[Aa]lso|[Mm]ore|[Nn]ext)|READ\ (?:ALSO|MORE)"
    r"|Also\ [Rr]ead|ALSO\ READ|See\ [Aa]lso|More\ (?:[Nn]ews|[Ss]tories|[Aa]rticles)|Top\ [Ss]tories"
    r"|Latest\ (?:[Nn]ews|[Uu]pdates|[Ss]tories|[Hh]eadlines)|Most\ (?:[Rr]ead|[Pp]opular|[Vv]iewed)"
    r"|Recommended(?:\ (?:[Ss]tories|[Aa]rticles|[Ff]or\ [Yy]ou))?|You\ [Mm]ay\ [Aa]lso\ [Ll]ike"
    r"|Filed\ [Uu]nder"
)
# Cue phrases a unit starts with: a cut before them (the phrase stays at the start of its unit).
_CUE_START = (
    r"\(?Source\s*:|\(?SOURCE\s*:|(?:Additional\ )?[Rr]eporting\ by\b|(?:Editing|Writing|Written|Compiled|Edited)\ by\b"
    r"|Follow\ (?:us|@)|FOLLOW\ US|Subscribe\b|SUBSCRIBE\b|Sign\ up\b|Share\ (?:this|on|via)\b|SHARE\b"
    r"|Copyright\b|COPYRIGHT\b|©|\([Cc]\)\ ?\d{4}|All\ [Rr]ights\ [Rr]eserved|ALL\ RIGHTS\ RESERVED"
    r"|Last\ (?:[Uu]pdated?|[Mm]odified)\b|Updated\s*:|Published\s*:|Privacy\ Policy|Terms\ of\ (?:Use|Service)"
    r"|Cookie\ Policy|Contact\ Us\b|Community\ [Ss]tandards|Comments?\ via\b|This\ article\ (?:is|was)\ (?:an?\ )?(?:edited\ )?"
    r"(?:translat|originally|first|adapted|published)"
)
_CUT_BEFORE = re.compile(
    r"(?<=\S)\s+(?=(?:" + _HEADING + r")\b(?!['’-])|(?:" + _CUE_START + r"))", re.X
)
# Right after a heading phrase that starts a unit: a cut between the heading and what follows.
_HEADING_AT_START = re.compile(r"(?:" + _HEADING + r")\b(?!['’-])\s*[:»›>|\-–—]*\s*(?=\S)", re.X)
# A sentence end followed by the start of another sentence.
_SENTENCE_CUT = re.compile(r"(?<=[a-z0-9%)\]][.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[.!?][\"”’])\s+(?=[\"“‘]?[A-Z])")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|Prof|St|Jr|Sr|No|Vol|vs|etc|U\.S|U\.N|U\.K)\.)$")


def _cuts(text: str) -> list[int]:
    """Offsets inside ``text`` where a new unit starts."""
    cuts: set[int] = set()
    for m in _SENTENCE_CUT.finditer(text):
        if not _ABBREV.search(text[max(0, m.start() - 12) : m.start()].rstrip("\"”’)")):
            cuts.add(m.end())
    for m in _CUT_BEFORE.finditer(text):
        cuts.add(m.end())
    # a heading phrase at the start of a unit is a unit of its own
    for start in sorted(cuts | {0}):
        h = _HEADING_AT_START.match(text, start)
        if h is not None and h.end() < len(text):
            cuts.add(h.end())
    return sorted(c for c in cuts if 0 < c < len(text))


def split_long_lines(lines: list[Line]) -> tuple[list[Line], dict[int, int]]:
    """Cut every line of more than ``MIN_WORDS`` words into units (see the module docstring).

    Returns the new line list (renumbered) and, for each unit of a cut line, the index of the first
    unit of its line (``group``), so the caller can apply the guard per original line."""
    out: list[Line] = []
    group: dict[int, int] = {}
    for ln in lines:
        if len(ln.text.split()) <= MIN_WORDS:
            ln.idx = len(out)
            out.append(ln)
            continue
        cuts = _cuts(ln.text)
        if not cuts:
            ln.idx = len(out)
            out.append(ln)
            continue
        first = len(out)
        bounds = [0, *cuts, len(ln.text)]
        for k in range(len(bounds) - 1):
            piece = ln.text[bounds[k] : bounds[k + 1]]
            text = piece.rstrip()
            lead = len(piece) - len(piece.lstrip())
            text = text.lstrip()
            if not text:
                continue
            start = ln.start + bounds[k] + lead
            unit = Line(
                idx=len(out),
                start=start,
                end=start + len(text),
                text=text,
                indent=ln.indent,
                blank_before=ln.blank_before if k == 0 else False,
                block=ln.block,
                physical=ln.physical,
            )
            group[unit.idx] = first
            out.append(unit)
    return out, group


def guard(infos: list, group: dict[int, int]) -> None:
    """Inside each cut line keep every unit except a boilerplate run at its end that starts with a cued
    unit, and a boilerplate run at its start made only of cued units."""
    members: dict[int, list[int]] = {}
    for idx, first in group.items():
        members.setdefault(first, []).append(idx)
    for idxs in members.values():
        idxs.sort()
        units = [infos[i] for i in idxs]
        allowed = [False] * len(units)
        # end run
        k = len(units)
        while k > 0 and units[k - 1].boiler and not _sentence_of_body(units[k - 1]):
            k -= 1
        while k < len(units) and not _cued(units[k]):
            k += 1
        for j in range(k, len(units)):
            allowed[j] = True
        # start run
        j = 0
        while j < len(units) and units[j].boiler and _cued_head(units[j]):
            allowed[j] = True
            j += 1
        if all(allowed):  # the whole line would go: never past its last uncued sentence of prose
            last = max((j for j, u in enumerate(units) if u.long_prose and not _cued(u)), default=-1)
            for j in range(last + 1):
                allowed[j] = False
        for u, ok in zip(units, allowed):
            if u.boiler and not ok:
                u.boiler = False
                u.reason = ""
            elif ok and u.boiler and not u.reason:
                u.reason = "boilerplate-context"


_NOT_CUES = frozenset({"duplicate", "duplicate-title", "duplicate-caption"})


def _cued(info) -> bool:
    """A unit with boilerplate evidence of its own. A repeated sentence is not: feed text repeats
    sentences of the article (the headline as its first sentence, a quote twice)."""
    return bool((info.cue_reason and info.cue_reason not in _NOT_CUES) or info.heading or info.zone)


def _sentence_of_body(info) -> bool:
    """A long sentence with no cue of its own: article text, even inside a zone opened by an inline
    heading ("Related ..." boxes flattened into the text are often followed by the article itself,
    with nothing but the sentence shape to tell where the box ends). A list of links (" | ") is not."""
    return info.long_prose and not info.cue_reason and not info.heading and "|" not in info.line.text


def _cued_head(info) -> bool:
    """A unit that may open a header run: cued, and not a bare list number ("1.")."""
    return _cued(info) and info.cue_reason != "separator"
