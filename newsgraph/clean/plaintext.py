"""Line-level boilerplate model for plain-text web captures.

Design
------
A capture is a sequence of lines; each non-blank line is either article *body* (kept) or page
*boilerplate* (removed, with a reason). The model has three small, inspectable parts:

1. **Per-line features** (``_features``): length, sentence shape (terminal punctuation, starts
   lower-case), cue phrases of the web-page genre (``cues.py``: subscription, contact, footer,
   cookie notice, share buttons, photo credits, navigation, bylines, date lines), bullets and
   relative indentation, breadcrumb shape, duplicates of an earlier line, caption shape
   ("..., Iraq, March 23, 2017."), topical overlap with the rest of the document, position
   (before the first / after the last prose paragraph) and neighbours (a short line followed by
   prose is a sub-heading).
2. **Zones** (``_zones``): a heading such as "Top stories", "More from ...", "About the author" or
   "To contact the author" opens a zone; the lines under it go with it, even full sentences (a list
   of unrelated headlines looks like prose line by line). A zone ends at the end of its block when
   it opened in the page header, otherwise only at a prose paragraph that is on the article's topic
   (it shares words with the rest of the text) - that is how the article resumes after a box.
3. **Scoring and smoothing**: a hand-weighted logistic model turns features into a log-odds of
   boilerplate per line (``WEIGHTS``); a two-state Viterbi pass over the lines then adds block
   cohesion: switching between body and boilerplate costs more inside a block (no blank line) than
   across a paragraph break, so an uncued line wedged between cued boilerplate lines of the same
   block (e.g. "Newsweek cover" inside a subscription promo) goes with its block, while a strong
   body line never does.

Why hand weights rather than a trained model: the labelled data we have is a handful of captures,
far too few to fit ~30 weights without memorising them; the features are nearly independent
evidence of clearly different strength (a cue phrase like "all rights reserved" is decisive, a
short line without punctuation is weak), so log-odds that can be read and argued about are the
honest choice. The weights are in one table below with the reasoning next to them; tests over our
own invented captures of unseen site styles guard against tuning to the development seeds. If a
labelled set of a few hundred captures becomes available, the same features can be fed to a
logistic regression and the table replaced by the fitted coefficients.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from newsgraph.clean import cues
from newsgraph.clean.dates import DATE_LINE_LEFTOVER, RELATIVE_TIME, find_dates
from newsgraph.clean.lines import Line, split_lines

# Log-odds contributions (positive = boilerplate). See the module docstring for the rationale.
WEIGHTS: dict[str, float] = {
    "bias": -1.5,  # a line is body unless there is evidence otherwise
    "strong_cue": 8.0,  # a genre phrase: decisive on its own ...
    "strong_cue_long": 4.0,  # ... but on a long line of prose it may be quoted ("Reuters reported ...")
    "strong_cue_very_long": 1.0,  # ... and a > 60-word line is body, whatever it ends with
    "very_long": -3.0,  # > 60 words: only article text comes in paragraphs this long
    "weak_cue": 3.0,  # single cue word, scaled down linearly to 0 at 16 words
    "related_heading": 8.0,  # "Top stories", "More from X": decisive
    "related_item": 7.0,  # "Read more: <headline>"
    "read_more_link": 6.0,  # "Read more »"
    "share_line": 7.0,  # a line made only of share-button words
    "breadcrumb": 7.0,  # "Site › News › Region" / "Home | World | ..." / "[ Home ] [ World ]" / "[ Donate ]"
    "byline": 6.0,  # "By Jane Doe", "Posted by X at <date>"
    "date_line": 7.0,  # a line that is only a date/time ("Updated 3 hours ago", "Last Modified: ...")
    "separator": 6.5,  # "---", "* * *", "1.2K": no words
    "caption": 9.0,  # sentence ending in ", <Place>, <Month> <day>[, <year>]." (a photo caption)
    "duplicate": 12.0,  # repeats an earlier line (title, caption): decisive, the first copy stays
    "masthead": 4.0,  # a line just above a menu line in the header: site name / tagline
    "zone": 5.0,  # inside a related / contact / bio / promo zone
    "zone_not_prose": 1.5,  # ... and not even shaped like prose
    "long_prose": -4.0,  # >= 20 words ending a sentence
    "prose": -2.5,  # >= 12 words ending a sentence
    "quote": -1.5,  # quotation marks and a speech verb
    "topical": -2.5,  # times the share of content words found elsewhere in the text
    "off_topic": 1.5,  # >= 5 content words, < 15 % found elsewhere: likely a teaser of another story
    "short_no_end": 0.8,  # <= 12 words, no sentence-final punctuation: headline / menu shape
    "bullet": 1.5,
    "indented": 1.5,  # indented more than the document's body text
    "header": 0.5,  # before the first prose paragraph
    "tail": 1.5,  # after the last prose paragraph
    "subheading": -2.0,  # short line directly followed by prose (and not cued)
    "title": -6.0,  # the headline (see _mark_title)
    "before_title": 3.0,  # a line above the headline that is no paragraph: site name, section label
    "lower_start": -1.0,  # starts in lower case: continuation of a wrapped paragraph
}
SWITCH_IN_BLOCK = 2.0  # Viterbi: cost (nats) of switching label between lines with no blank line between
SWITCH_ACROSS_BLANK = 0.6  # ... and across a paragraph break

_CAPTION_END = re.compile(
    r",\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s*\d{4})?)\.?[\"”’]?"
    r"(?:\s*\(?[A-Z][\w ./'’&-]{0,60}\)?\.?)?$"
)
_CAPTION_PLACE_DATE = re.compile(
    r"\b[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)*,\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)"
)


@dataclass(slots=True)
class LineInfo:
    line: Line
    words: int = 0
    ends_sentence: bool = False
    prose: bool = False
    long_prose: bool = False
    content: frozenset[str] = frozenset()
    topical: float | None = None  # share of content words found in other blocks or the title
    cue_reason: str | None = None
    cue_weight: float = 0.0
    heading: str | None = None  # zone kind when this line opens a zone
    zone: str | None = None  # zone kind when inside a zone
    is_title: bool = False
    score: float = 0.0  # log-odds of boilerplate
    feats: dict[str, float] = field(default_factory=dict)
    boiler: bool = False
    reason: str = ""


_NORM_STRIP = "\"'“”‘’«»()[].,:;!?-–—•·*|"


def _norm(text: str) -> str:
    """Comparison key for duplicate lines: case, spacing and edge punctuation ignored."""
    if len(text) > 160:
        return " ".join(text.lower().split())
    return " ".join(w.strip(_NORM_STRIP) for w in text.lower().split()).strip()


def _breadcrumb(text: str, words: int) -> bool:
    if words > 16 or cues.SENTENCE_END.search(text):
        return False
    parts = [p for p in cues.NAV_SPLIT.split(text) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
        return True
    if len(parts) == 2 and all(len(p.split()) <= 3 for p in parts):
        # Two parts: only when it reads as site/section ("NEWS24X | WORLD", "World | Middle East").
        if text.upper() == text and any(c.isalpha() for c in text):
            return True
        return any(p.strip().lower() in cues.SECTION_WORDS for p in parts)
    return False


_BRACKET_ITEM = re.compile(r"\[\s*([^\[\]]{1,40}?)\s*\]")
_BRACKETS_ONLY = re.compile(r"^(?:\s*\[[^\[\]]{1,40}\]\s*)+$")


def _bracket_menu(text: str) -> bool:
    """A line made only of bracketed link labels: a menu ("[ Home ] [ World ] [ About ]", each item
    at most four words) or a lone one- or two-word widget button ("[ Donate ]", "[Search]")."""
    if not _BRACKETS_ONLY.match(text):
        return False
    items = [i.split() for i in _BRACKET_ITEM.findall(text)]
    if not all(items) or not all(any(c.isalpha() for c in "".join(i)) for i in items):
        return False  # "[1]", "[ ]": footnote marks, empty boxes
    if len(items) >= 2:
        return all(len(i) <= 4 for i in items)
    return len(items[0]) <= 2


def _spaced_menu(text: str, words: int) -> bool:
    """A menu flattened to one line with its links separated by runs of spaces ("Home  News  World
    Sport"): at least four short items, two of them common section names."""
    if words > 16 or cues.SENTENCE_END.search(text) or "  " not in text:
        return False
    parts = [p for p in re.split(r"\s{2,}|\t", text) if p.strip()]
    if len(parts) < 4 or any(len(p.split()) > 3 for p in parts):
        return False
    return sum(1 for p in parts if p.strip().lower() in cues.SECTION_WORDS) >= 2


def _share_line(text: str, words: int) -> bool:
    if words > 14:
        return False
    rest = cues.SHARE_TOKENS.sub(" ", text)
    left = rest.split()
    return len(left) == 0 and bool(re.search(r"share|tweet|facebook|twitter|whatsapp|linkedin|e-?mail|print", text, re.I))


def _date_line(text: str, words: int) -> bool:
    """A line that is (almost) only a date or a time stamp."""
    if words > 14:
        return False
    if RELATIVE_TIME.search(text) and words <= 8:
        return True
    found = find_dates(text)
    if not found:
        return False
    rest = text
    for d in found:
        rest = rest.replace(text[d.start : d.end], " ")
    rest = DATE_LINE_LEFTOVER.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


def _byline(text: str, words: int) -> bool:
    if words > 14 or (cues.SENTENCE_END.search(text) and words > 8):
        return False
    if cues.POSTED_LINE.search(text):
        return True
    m = cues.BYLINE.match(text)
    if not m:
        return False
    # "By the time ..." is prose: after "By" the words must be names (capitalised), not a clause.
    after = text[m.start() :].split()[1:]
    if after and after[0].lower() in ("the", "a", "an", "then", "now", "late", "early", "contrast", "comparison"):
        return False
    return True


def _cue(text: str, words: int) -> tuple[str | None, float]:
    best: tuple[str | None, float] = (None, 0.0)
    low = text.lower()
    if len(low) > 240:  # genre phrases in a long line sit near its start or end; keep the scan cheap
        low = low[:120] + " \n " + low[-120:]
    prefixes = cues.word_prefixes(low)
    for cue in cues.CUES:
        reason, weak = cue.reason, cue.weak
        if cue.strong_hit(low, prefixes):
            if words <= 30:
                w = WEIGHTS["strong_cue"]
            elif words <= 60:
                w = WEIGHTS["strong_cue_long"]
            else:  # a whole article on one line may end with the page footer: the body wins
                w = WEIGHTS["strong_cue_very_long"]
            if w > best[1]:
                best = (reason, w)
        elif weak is not None and words < 16 and weak.search(low):
            w = WEIGHTS["weak_cue"] * (1.0 - words / 16.0)
            if w > best[1]:
                best = (reason, w)
    return best


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in cues.CONTENT_WORD.findall(text.lower()) if w not in cues.STOPWORDS)


def _is_heading_shape(info: LineInfo) -> bool:
    t = info.line.text
    return 1 <= info.words <= 30 and not t.endswith(".") and not info.cue_reason


def _wrapped_paragraphs(infos: list[LineInfo]) -> None:
    """Hard-wrapped text (e-mail newsletters, some wire feeds) splits a paragraph over several lines.
    A line of >= 40 characters that ends no sentence and is followed, in the same block, by a line
    starting in lower case continues on that line; the sentence shape of the whole paragraph then
    stands for each of its lines (word count, sentence end)."""
    i = 0
    n = len(infos)
    while i < n:
        j = i
        while (
            j + 1 < n
            and not infos[j + 1].line.blank_before
            and len(infos[j].line.text) >= 40
            and not infos[j].ends_sentence
            and infos[j + 1].line.text[:1].islower()
        ):
            j += 1
        group = infos[i : j + 1]
        words = sum(x.words for x in group)
        end = group[-1].ends_sentence
        # a paragraph of several sentences is prose even when its end was cut off or carries a
        # trailing credit ("... the governor said. Twitter")
        sentences = sum(len(_SENTENCE_BREAK.findall(x.line.text)) for x in group)
        shaped = end or sentences >= 2
        for x in group:
            if j > i:
                x.words, x.ends_sentence = words, end
            x.prose = x.words >= 12 and shaped
            x.long_prose = x.words >= 20 and shaped
        i = j + 1


_SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?][\"”’]?\s+[\"“‘]?[A-Z]")


def _analyse(lines: list[Line]) -> list[LineInfo]:
    infos = [LineInfo(line=ln) for ln in lines]
    seen: dict[str, int] = {}
    for info in infos:
        info.words = len(info.line.text.split())
        info.ends_sentence = bool(cues.SENTENCE_END.search(info.line.text))
    _wrapped_paragraphs(infos)
    for info in infos:
        t = info.line.text
        info.content = _content_words(t)
        f = info.feats
        words = len(t.split())  # cue strength goes by the line itself
        reason, w = _cue(t, words)

        def cue(name: str, weight: float, why: str) -> None:
            nonlocal reason, w
            f[name] = weight
            if weight > w:
                reason, w = why, weight

        if cues.SEPARATOR.match(t):
            cue("separator", WEIGHTS["separator"], "separator")
        if words <= 12 and cues.RELATED_HEADING.match(t):
            cue("related_heading", WEIGHTS["related_heading"], "related-headlines")
            info.heading = "related-headlines"
        elif words <= 24 and cues.RELATED_ITEM.match(t):
            cue("related_item", WEIGHTS["related_item"], "related-headlines")
        if words <= 5 and cues.READ_MORE_LINK.match(t):
            cue("read_more_link", WEIGHTS["read_more_link"], "related-headlines")
        if words <= 10 and not info.heading:
            for kind, rx in cues.ZONE_OPENERS:
                if rx.match(t) and (not info.ends_sentence or t.endswith(":")):
                    info.heading = kind
                    cue("zone_heading", WEIGHTS["related_heading"], kind)
                    break
        if _share_line(t, words):
            cue("share_line", WEIGHTS["share_line"], "share")
        if _breadcrumb(t, words) or _bracket_menu(t) or _spaced_menu(t, words):
            cue("breadcrumb", WEIGHTS["breadcrumb"], "navigation")
        if _date_line(t, words):
            cue("date_line", WEIGHTS["date_line"], "date-line")
        if _byline(t, words):
            cue("byline", WEIGHTS["byline"], "byline")
        if _CAPTION_END.search(t) and _CAPTION_PLACE_DATE.search(t) and words >= 6:
            cue("caption", WEIGHTS["caption"], "caption")
        key = _norm(t)
        if len(key) >= 8 and words >= 2:
            if key in seen:
                first = infos[seen[key]]
                # (renamed "duplicate-title" in classify() once the title is known)
                kind = "duplicate-caption" if first.cue_reason in ("caption", "photo-credit") else "duplicate"
                cue("duplicate", WEIGHTS["duplicate"], kind)
            else:
                seen[key] = info.line.idx
        info.cue_reason = reason
        info.cue_weight = w
    return infos


def _mark_title(infos: list[LineInfo]) -> int | None:
    """The headline, among the title-shaped lines of the page header (before the first prose
    paragraph): not a list item, not a site name or tagline above a menu line, and - when there are
    several - the one that best announces the text: most of its words recur in the body, a
    headline's length, not shouted in capitals like a masthead or a section label."""
    heading_block = -1
    cands: list[int] = []
    # menu_below[i]: a menu line follows line i in the same block (one backward pass, linear)
    menu_below = [False] * len(infos)
    seen_menu = False
    for i in range(len(infos) - 1, -1, -1):
        menu_below[i] = seen_menu
        x = infos[i]
        if x.feats.get("breadcrumb") or x.cue_reason == "navigation":
            seen_menu = True
        if x.line.blank_before:
            seen_menu = False
    for i, info in enumerate(infos):
        if info.cue_reason or info.heading:
            if info.heading:
                heading_block = info.line.block
            continue
        if info.prose or len(cands) >= 8:
            break
        t = info.line.text
        if cues.BULLET.match(t) or info.line.block == heading_block:
            continue  # an item of a list of links ("Latest News" / "1. ...")
        if not (2 <= info.words <= 30) or (t.endswith(".") and not t.endswith("..")):
            continue  # headlines do not end with a full stop
        # A site name or tagline sits just above a menu line in the same block: skip it.
        if menu_below[i]:
            info.feats["masthead"] = WEIGHTS["masthead"]
            continue
        cands.append(i)
    if not cands:
        # Some sites end headlines with a full stop: fall back on the first line of the text when it
        # stands alone in its block as one short sentence.
        for i, info in enumerate(infos):
            if info.cue_reason or info.heading:
                continue
            alone = (i + 1 == len(infos) or infos[i + 1].line.blank_before) and info.line.blank_before
            if alone and 2 <= info.words <= 25 and not _SENTENCE_BREAK.search(info.line.text) and i + 1 < len(infos):
                info.is_title = True
                return i
            return None
        return None
    best = cands[0]
    if len(cands) > 1:
        counts: dict[str, int] = {}
        for x in infos:
            if not x.cue_reason:
                for wd in x.content:
                    counts[wd] = counts.get(wd, 0) + 1

        def score(i: int) -> float:
            x = infos[i]
            recur = sum(1 for wd in x.content if counts.get(wd, 0) >= 2) / max(1, len(x.content))
            caps = x.line.text.upper() == x.line.text
            return 2.0 * recur + min(x.words, 12) / 12.0 - (0.8 if caps else 0.0)

        # the first candidate is the usual place of the headline: later ones must score clearly better
        best = max(cands, key=lambda i: (score(i) - 0.3 * cands.index(i), -i))
    infos[best].is_title = True
    return best


def _topicality(infos: list[LineInfo], title_idx: int | None) -> None:
    """Share of a line's content words that occur in another line (or the title): body paragraphs
    of one article share names and words; a teaser of another story shares almost none."""
    lines_with: dict[str, int] = {}
    for info in infos:
        for wd in info.content:
            lines_with[wd] = lines_with.get(wd, 0) + 1
    title_words = infos[title_idx].content if title_idx is not None else frozenset()
    if sum(1 for x in infos if len(x.content) >= 4) < 4:
        return  # too few lines to tell what the text is about
    for info in infos:
        if len(info.content) < 4 or info.words > 60:
            continue
        hits = sum(1 for wd in info.content if wd in title_words or lines_with[wd] >= 2)
        info.topical = hits / len(info.content)


def _body_like(info: LineInfo) -> bool:
    """A paragraph of the article itself: a long sentence on the article's topic, with no cue."""
    return (
        info.words >= 15
        and info.ends_sentence
        and info.topical is not None
        and info.topical >= 0.3
        and not info.cue_reason
    )


def _zones(infos: list[LineInfo], first_prose: int | None) -> None:
    """Lines under a zone heading belong to the zone. A zone opened in the page header ends with its
    block. Elsewhere it ends, after a paragraph break, at a line that reads as the article again:
    a long sentence on the article's topic, or any sentence-shaped paragraph when the zone so far
    held only headline-shaped items (the style breaks: the list is over and the text resumes)."""
    kind: str | None = None
    opened_in_header = False
    items_prose = False
    for i, info in enumerate(infos):
        if info.heading:
            kind = info.heading
            opened_in_header = first_prose is None or i < first_prose
            items_prose = False
            continue
        if kind is None:
            continue
        if info.line.blank_before:
            if opened_in_header or _body_like(info):
                kind = None
                continue
            sentence = info.words >= 10 and info.ends_sentence and not info.cue_reason
            if sentence and not items_prose and (info.topical or 0.0) >= 0.15:
                kind = None
                continue
        if info.words >= 10 and info.ends_sentence:
            items_prose = True
        info.zone = kind


def classify(lines: list[Line]) -> list[LineInfo]:
    """Label each non-blank line as body or boilerplate (``info.boiler``, ``info.reason``)."""
    infos = _analyse(lines)
    if not infos:
        return infos
    title_idx = _mark_title(infos)
    # Name duplicates of the title now that the title is known.
    if title_idx is not None:
        tkey = _norm(infos[title_idx].line.text)
        for info in infos[title_idx + 1 :]:
            if info.feats.get("duplicate") and _norm(info.line.text) == tkey:
                info.cue_reason = "duplicate-title"
    _topicality(infos, title_idx)
    # A heading directly followed by a paragraph of the article is a sub-heading ("Latest
    # developments"), not the head of a box of links: it opens no zone and is not removed for it.
    for i, info in enumerate(infos[:-1]):
        if info.heading == "related-headlines" and _body_like(infos[i + 1]):
            info.heading = None
            for k in ("related_heading",):
                info.feats.pop(k, None)
            info.cue_reason, info.cue_weight = _cue(info.line.text, info.words)
    anchors = [i for i, x in enumerate(infos) if x.long_prose and not x.cue_reason and not x.heading]
    first_prose = anchors[0] if anchors else None
    _zones(infos, first_prose)
    anchors = [i for i in anchors if not infos[i].zone]
    first_prose = anchors[0] if anchors else None
    # The tail starts after the last sentence of the article (any length from 8 words).
    sentences = [
        i for i, x in enumerate(infos) if x.words >= 8 and x.ends_sentence and not x.cue_reason and not x.zone and not x.heading
    ]
    last_prose = sentences[-1] if sentences else None

    # Typical body indentation: the median indent of prose lines.
    prose_indents = sorted(x.line.indent for x in infos if x.prose and not x.cue_reason)
    body_indent = prose_indents[len(prose_indents) // 2] if prose_indents else 0

    for i, info in enumerate(infos):
        f = info.feats
        t = info.line.text
        s = WEIGHTS["bias"] + info.cue_weight
        if info.zone:
            f["zone"] = WEIGHTS["zone"]
            if not info.prose:
                f["zone_not_prose"] = WEIGHTS["zone_not_prose"]
        if info.words > 60:
            f["very_long"] = WEIGHTS["very_long"]
        if info.long_prose:
            f["long_prose"] = WEIGHTS["long_prose"]
        elif info.prose:
            f["prose"] = WEIGHTS["prose"]
        if cues.QUOTE_CHARS.search(t) and cues.SPEECH.search(t):
            f["quote"] = WEIGHTS["quote"]
        if info.topical is not None:
            f["topical"] = WEIGHTS["topical"] * info.topical
            if len(info.content) >= 5 and info.topical < 0.15:
                f["off_topic"] = WEIGHTS["off_topic"]
        if info.words <= 12 and not info.ends_sentence:
            f["short_no_end"] = WEIGHTS["short_no_end"]
        if cues.BULLET.match(t):
            f["bullet"] = WEIGHTS["bullet"]
        if info.line.indent > body_indent + 1:
            f["indented"] = WEIGHTS["indented"]
        if first_prose is not None and i < first_prose:
            f["header"] = WEIGHTS["header"]
        if last_prose is not None and i > last_prose:
            f["tail"] = WEIGHTS["tail"]
        if (
            info.words <= 12
            and not info.cue_reason
            and not info.zone
            and i + 1 < len(infos)
            and infos[i + 1].prose
            and not infos[i + 1].cue_reason
            and not infos[i + 1].zone
        ):
            f["subheading"] = WEIGHTS["subheading"]
        if info.is_title:
            f["title"] = WEIGHTS["title"]
        elif title_idx is not None and i < title_idx and not info.prose and not info.cue_reason:
            f["before_title"] = WEIGHTS["before_title"]
        if t[:1].islower():
            f["lower_start"] = WEIGHTS["lower_start"]
        # cue features were already folded into cue_weight (the strongest one counts); add the rest
        s += sum(v for k, v in f.items() if k in _CONTEXT_FEATURES)
        info.score = s

    _viterbi(infos)
    _name_reasons(infos)
    return infos


_CONTEXT_FEATURES = frozenset(
    "very_long zone zone_not_prose long_prose prose quote topical off_topic short_no_end bullet indented header tail subheading title "
    "lower_start masthead before_title".split()
)


def _softplus(x: float) -> float:
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def _viterbi(infos: list[LineInfo]) -> None:
    # Costs: -log P(state | line) from the logistic score; state 1 = boilerplate.
    n = len(infos)
    cost = [[_softplus(x.score), _softplus(-x.score)] for x in infos]  # [body, boiler]
    best = [cost[0][:]]
    back: list[list[int]] = [[0, 1]]
    for i in range(1, n):
        sw = SWITCH_ACROSS_BLANK if infos[i].line.blank_before else SWITCH_IN_BLOCK
        row, ptr = [], []
        for s in (0, 1):
            stay = best[-1][s]
            switch = best[-1][1 - s] + sw
            if stay <= switch:
                row.append(stay + cost[i][s])
                ptr.append(s)
            else:
                row.append(switch + cost[i][s])
                ptr.append(1 - s)
        best.append(row)
        back.append(ptr)
    s = 0 if best[-1][0] <= best[-1][1] else 1
    for i in range(n - 1, -1, -1):
        infos[i].boiler = s == 1
        s = back[i][s]


# Reasons that describe one line, not the block around it.
_LINE_ONLY_REASONS = frozenset({"date-line", "byline", "duplicate", "duplicate-title", "duplicate-caption", "separator", "caption"})


def _name_reasons(infos: list[LineInfo]) -> None:
    by_block: dict[int, dict[str, int]] = {}
    for info in infos:
        if info.boiler and info.cue_reason and info.cue_reason not in _LINE_ONLY_REASONS:
            d = by_block.setdefault(info.line.block, {})
            d[info.cue_reason] = d.get(info.cue_reason, 0) + 1
    for info in infos:
        if not info.boiler:
            continue
        if info.cue_reason:
            info.reason = info.cue_reason
        elif info.line.block in by_block:
            d = by_block[info.line.block]
            info.reason = max(d, key=d.get)  # type: ignore[arg-type]
        elif info.zone:
            info.reason = info.zone
        elif info.feats.get("masthead") or info.feats.get("before_title"):
            info.reason = "masthead"
        else:
            info.reason = "boilerplate-context"


def classify_text(text: str) -> list[LineInfo]:
    return classify(split_lines(text))
