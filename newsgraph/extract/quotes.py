"""Quotations and their attribution cues in cleaned article text.

Entry point: :func:`find_quotes`. Pure, rule-based, English news prose; no model.

Direct quotes
-------------
Double quotation marks only: straight ``"`` and curly ``“ ”`` (also ``„``/``«»``). Single marks ``‘ ’``
and ``'`` are left alone: in English news they are apostrophes, quotes inside quotes, or scare quotes
and titles -- British-style primary single quotes are not handled.

Marks are paired per paragraph (one line of the cleaned text). A curly mark's direction comes from its
glyph; a straight mark's from its neighbours (space before -> opening, space after -> closing,
otherwise it toggles). Nested pairs are folded into the outer quote. An opening mark left unclosed at
the end of a paragraph continues into the next non-empty paragraph when that one starts with an
opening mark (the news convention for a quote running over paragraphs); the quote then spans both
paragraphs and ``parts`` lists the per-paragraph spans of the quoted words. An unclosed quote without
such a continuation is dropped (usually a typo or a nested mark gone wrong).

Not quotes: a single word without sentence-final ``?``/``!`` and without an attribution cue right next
to the marks (scare quotes: the "arena"); short Title Case phrases (the "League of the Righteous.");
anything after a naming or sign cue ("so-called", "titled", "dubbed", "known as", "banners reading").
Two or three words are kept only when a reporting verb claims them: inside the clause of an indirect
report ("said its fighters had killed “more than 20” militiamen") or after a verb of saying or
judging ("called the deal “a first step”"). Quotes that sit inside a sentence and do not open it
("committed “serious violations of law” against") are kept with ``fragment=True``.

Attribution (``cue_*``, ``speaker_*``, ``how``), tried in this order:

- ``after-inverted``   "…," said X / "…," says the spokesman
- ``after``            "…," X said / "…," he told reporters / "…," X, a spokesman for Y, said
- ``after-mid``        "…" to stop them, he said, "…"  (cue later in the same sentence)
- ``before``           X said: "…" / X, a spokesman for Y, said "…" / X insisted that "…"
- ``according-to``     according to X, "…"
- ``in-indirect``      a fragment inside an indirect report: X says that … "…" …
- ``act-verb``         a fragment after a verb of saying or judging whose subject opens a clause:
                       the group mourned him as "…" and blamed "…" / X, the governor, called it "…"
- ``continuation``     a quote with no cue of its own, after an attributed quote in the same paragraph
                       ("“A,” he said. “B.”" -> both halves get the same speaker)
- ``answer``           an uncued quote after a question put to somebody: "“…?” the reporter asked
                       the colonel. “…”" -> the colonel (continuations pass to the one asked)
- ``next-sentence``    a quote that is its whole sentence, the speaker opening the next one:
                       "…" X said this at a rally / "…" X made the remarks on Monday
- ``before-paragraph`` a quote opening its paragraph after a paragraph ending "X told the crowd:"
- ``continuation-paragraph``  a quote opening its paragraph with no cue, after a paragraph whose
                       quote is attributed: one speaker goes on

Indirect quotes (``kind="indirect"``), only in sentences without a direct quote:
``X said (that) …``, ``X said on Sunday that …``, ``X told Y that …``, ``according to X, …`` and
``…, X said.`` The quote span is the reported clause.

Speakers are returned as written: a name, a pronoun ("he" -- resolving it is not done here, see
``speakers``), or a role ("the spokesman", "police in Kirkuk": a name inside a prepositional phrase is
not the subject). A passive ("this could not be confirmed") has no speaker. An apposition ("Ahmed X, a
PMF spokesman, said"; "said X, 26, a former soldier"; "according to X, a researcher at Y, …") is
returned as ``speaker_role``. For pronoun speakers, ``speaker_hint`` is a cheap *hint*
(not a resolution): the named speaker of the nearest earlier quote within the two paragraphs before,
else the nearest capitalised multiword name in the same or previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    kind: str  # "direct" | "indirect"
    cue_start: int | None  # the attribution, e.g. "said Adel", "he said", "according to X"
    cue_end: int | None
    speaker_text: str | None  # as written: a name, "he"/"she", "the spokesman", or None
    speaker_start: int | None
    speaker_end: int | None
    speaker_role: str | None = None  # apposition: "a PMF spokesman"
    role_start: int | None = None
    role_end: int | None = None
    speaker_hint: str | None = None  # a HINT for pronoun speakers, never a resolution
    hint_start: int | None = None
    hint_end: int | None = None
    how: str | None = None  # attribution rule, see module docstring
    fragment: bool = False  # a partial quote inside a sentence
    parts: tuple[tuple[int, int], ...] = ()  # per-paragraph spans when a quote runs over paragraphs


# ---------------------------------------------------------------------------------------------
# vocabulary

_VERB_STEMS = (
    "say:says:said|tell:tells:told|add:adds:added|explain:explains:explained|ask:asks:asked"
    "|state:states:stated|insist:insists:insisted|note:notes:noted|warn:warns:warned"
    "|declare:declares:declared|continue:continues:continued|claim:claims:claimed"
    "|reply:replies:replied|recall:recalls:recalled|write:writes:wrote|argue:argues:argued"
    "|acknowledge:acknowledges:acknowledged|admit:admits:admitted|announce:announces:announced"
    "|confirm:confirms:confirmed|deny:denies:denied|stress:stresses:stressed|urge:urges:urged"
    "|vow:vows:vowed|pledge:pledges:pledged|boast:boasts:boasted|complain:complains:complained"
    "|concede:concedes:conceded|counter:counters:countered|caution:cautions:cautioned"
    "|predict:predicts:predicted|promise:promises:promised|remark:remarks:remarked"
    "|respond:responds:responded|shout:shouts:shouted|tweet:tweets:tweeted|post:posts:posted"
    "|emphasise:emphasises:emphasised|emphasize:emphasizes:emphasized|maintain:maintains:maintained"
    "|observe:observes:observed|suggest:suggests:suggested|testify:testifies:testified"
    "|threaten:threatens:threatened|conclude:concludes:concluded|comment:comments:commented"
    "|agree:agrees:agreed|demand:demands:demanded|estimate:estimates:estimated|report:reports:reported"
    "|allege:alleges:alleged|assert:asserts:asserted|believe:believes:believed|think:thinks:thought"
    "|reiterate:reiterates:reiterated|contend:contends:contended|charge:charges:charged"
)
_VERBS = sorted({f for group in _VERB_STEMS.split("|") for f in group.split(":")}, key=len, reverse=True)
_VERB = r"(?:" + "|".join(_VERBS) + r")"
_PAST_VERBS = {v for v in _VERBS if v.endswith("ed") or v in ("said", "told", "wrote", "thought")}
# verbs that may introduce an indirect clause; "think"/"believe" only report opinions of the subject
_INDIRECT_VERBS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|claimed|claims|insisted|insists|acknowledged|acknowledges"
    r"|argued|argues|warned|warns|announced|announces|denied|denies|stated|states|noted|notes"
    r"|confirmed|confirms|stressed|stresses|admitted|admits|alleged|alleges|asserted|asserts"
    r"|reported|reports|explained|explains|reiterated|reiterates|estimated|estimates)\b"
)
_DIRECT_ONLY = {"ask", "asks", "asked", "continue", "continues", "continued", "post", "posts", "posted",
                "counter", "counters", "countered", "think", "thinks", "thought", "believe", "believes",
                "believed", "charge", "charges", "charged", "report", "reports", "reported", "observe",
                "observes", "observed"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_ADVS = {"also", "later", "then", "previously", "earlier", "again", "has", "have", "had", "would",
         "will", "once", "further", "simply", "had", "recently", "repeatedly", "publicly", "privately",
         "reportedly", "not", "never", "did", "does", "do", "in", "an", "interview", "a", "statement"}
_CONNECTORS = {"al", "al-", "el", "el-", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della", "da",
               "di", "du", "la", "le", "van", "von", "der", "den", "ter", "ben", "bou", "ould", "y", "of",
               "and"}
_LEADING = {"but", "and", "yet", "so", "then", "meanwhile", "however", "also", "in", "on", "at", "when",
            "after", "while", "today", "now", "still", "instead", "asked", "speaking", "as", "although",
            "though", "because", "if", "since", "later", "earlier", "separately", "according", "to",
            "for", "with", "from", "by", "said", "says", "told"}
_CLAUSE_STOPS = {"and", "but", "that", "which", "who", "whom", "when", "while", "as", "because", "if",
                 "although", "though", "where", "said", "says", "told", "is", "are", "was", "were",
                 "has", "have", "had", "to", "according", "after", "before", "since", "until"}
_DETS = {"a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
         "my", "one", "some", "many", "several", "two", "three", "four", "both", "other", "another",
         "most", "all", "each", "every", "no", "any"}
_PREPS = {"in", "on", "at", "during", "after", "before", "to", "by", "from", "with", "for", "of",
          "about", "over", "under", "through", "late", "early", "last", "this", "earlier", "later",
          "afterwards", "yesterday", "today", "recently", "repeatedly", "again", "also", "privately",
          "publicly", "separately", "previously"}
_ABBREV = {"mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
           "st", "jr", "sr", "no", "prof", "rev", "brig", "cpl", "pvt", "adm", "cmdr", "lt.col", "u.s",
           "u.n", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "vs", "mt", "ft", "inc", "corp", "co", "ltd", "fig", "approx"}

# words of "in a statement"/"in an interview", popped only as that whole phrase ("the statement said")
_NOUN_ADVS = {"in", "a", "an", "statement", "interview"}
_MODALS = {"could", "can", "cannot", "may", "might", "should", "must", "shall"}
_AUX_END = {"be", "been", "being", "is", "was", "were", "are", "am", "get", "gets", "got"}
# Heads before which a quote is a name, a title or the text of a sign, not somebody's words.
_NAMING = re.compile(
    r"(?:\bso-called|\b(?:titled|entitled|headlined|captioned|dubbed|nicknamed|codenamed|code-named)"
    r"|\bknown\s+as|\b(?:banners?|placards?|signs?|posters?|slogans?|graffiti|t-shirts?|plaques?|stickers?)"
    r"\s+(?:that\s+)?(?:read|reads|reading|saying))\s*[,:]?\s*(?:the\s+)?$", re.I)
# Verbs whose object or complement can be somebody's quoted words ("called the deal “a first step”",
# "mourned him as “a hero”"): a fragment after them belongs to their subject.
_ACT_VERBS = re.compile(
    r"\b(?:call|calls|called|describe|describes|described|term|terms|termed|label|labels|labelled|labeled"
    r"|brand|brands|branded|denounce|denounces|denounced|condemn|condemns|condemned|mourn|mourns|mourned"
    r"|praise|praises|praised|hail|hails|hailed|blame|blames|blamed|accuse|accuses|accused|dismiss|dismisses"
    r"|dismissed|reject|rejects|rejected|welcome|welcomes|welcomed|criticise|criticises|criticised|criticize"
    r"|criticizes|criticized|decry|decries|decried|characterise|characterises|characterised|characterize"
    r"|characterizes|characterized|eulogise|eulogised|eulogize|eulogized|promise|promises|promised|vow|vows"
    r"|vowed|pledge|pledges|pledged|urge|urges|urged|demand|demands|demanded|warn|warns|warned|threaten"
    r"|threatens|threatened|put|puts|refer|refers|referred|speak|speaks|spoke)\b")

_OPEN = "“„«"
_CLOSE = "”»"
_MARKS = re.compile(r"[\"“”„«»]")
_WORD = re.compile(r"[\w’'-]+")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|(?:[A-Z]\.)+|al-\w+|el-\w+|bin|ibn|abu|de|van|von)$")


# ---------------------------------------------------------------------------------------------
# sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines, except that a hard-wrapped line continues into the next one.

    A single newline is a soft wrap when the line before does not end a sentence and the next line
    starts in lowercase, or when the line before is long (>= 50 chars, so not a heading) and does not
    end with terminal punctuation. Blank lines always separate paragraphs.
    """
    paras: list[tuple[int, int]] = []
    pos = 0
    cur: tuple[int, int] | None = None
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line.strip():
            if cur:
                paras.append(cur)
            cur = None
            continue
        if cur is not None:
            prev = text[cur[0]:cur[1]].rstrip()
            nxt = line.lstrip()
            terminal = prev[-1:] in ".!?:\"”’)…"
            soft = not terminal and (nxt[:1].islower() or (len(text[text.rfind("\n", 0, cur[1]) + 1:cur[1]]) >= 50
                                                          and nxt[:1] not in "\"“”"))
            if soft:
                cur = (cur[0], le)
                continue
            paras.append(cur)
        cur = (ls, le)
    if cur:
        paras.append(cur)
    return paras


def _sentence_bounds(text: str, paras: list[tuple[int, int]]) -> list[int]:
    """Sorted offsets where a sentence starts (paragraph starts, after [.!?] + space + capital)."""
    starts = [0] + [p[0] for p in paras]
    for m in re.finditer(r"[.!?…]+[\"”’)\]]*(\s+)(?=[\"“‘(\[]?[A-Z0-9])", text):
        # the word before the period: an abbreviation or an initial is not a sentence end
        w = re.search(r"([\w.]+)$", text[max(0, m.start() - 20):m.start()])
        word = (w.group(1) if w else "").lower().strip(".")
        if m.group(0).startswith(".") and (word in _ABBREV or re.fullmatch(r"[a-z]", word)
                                           or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)):
            continue
        starts.append(m.end())
    return sorted(set(starts))


def _sentence_start(bounds: list[int], pos: int) -> int:
    import bisect

    i = bisect.bisect_right(bounds, pos) - 1
    return bounds[max(i, 0)]


def _sentence_end(bounds: list[int], pos: int, limit: int) -> int:
    """First sentence start strictly after ``pos`` (capped at ``limit``)."""
    import bisect

    i = bisect.bisect_right(bounds, pos)
    return min(bounds[i] if i < len(bounds) else limit, limit)


def _is_abbrev(tok: str) -> bool:
    w = tok.rstrip(".").lower()
    return w in _ABBREV or bool(re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", w))


def _dots_ok(phrase: str) -> bool:
    """Every period in ``phrase`` closes an abbreviation or an initial ("Col.", "J.", "U.S.")."""
    return all(_is_abbrev(m.group(1)) for m in re.finditer(r"(\S+?)\.(?=\s|$)", phrase))


def _phrase_end(text: str, a: int, limit: int, max_len: int = 90) -> int | None:
    """End of the phrase at ``a``: before a comma, colon, semicolon, bracket, quote mark or a sentence
    period (an abbreviation's period does not end it: "according to Col. Idris Mahmoud")."""
    end = a
    for m in re.finditer(r"\S+", text[a:limit]):
        tok = m.group()
        cut = re.search(r"[,;:()\"“”]", tok)
        if cut:
            end = a + m.start() + cut.start()
            break
        if tok.endswith((".", "!", "?")) and not (tok.endswith(".") and _is_abbrev(tok)):
            end = a + m.end() - 1
            break
        end = a + m.end()
    while end > a and text[end - 1].isspace():
        end -= 1
    if end - a > max_len or end - a < 2:
        return None
    return end


# ---------------------------------------------------------------------------------------------
# pairing marks


def _mark_role(text: str, i: int) -> str:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _OPEN:
        return "open"
    if ch in _CLOSE:
        # a closing glyph used as an opener ("”Text" after a space) -- bad typesetting
        if (before.isspace() or before in "([—–-") and after.isalnum():
            return "open"
        return "close"
    left_ok = before.isspace() or before in "([{—–-/:" or i == 0
    right_ok = after.isspace() or after in ".,;:!?)]}—–-…" or i + 1 == len(text)
    if left_ok and not after.isspace():
        return "open"
    if right_ok and not before.isspace():
        return "close"
    return "toggle"


def _pair_marks(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Top-level quote spans (open mark, close mark, per-paragraph content spans)."""
    spans = []
    pending: tuple[int, list[tuple[int, int]]] | None = None  # quote carried over a paragraph end
    for ls, le in paras:
        line = text[ls:le]
        stack: list[int] = []
        parts_start: int | None = None
        marks = [ls + m.start() for m in _MARKS.finditer(line)]
        if pending is not None:
            first = ls + len(line) - len(line.lstrip())
            if marks and marks[0] == first and _mark_role(text, first) != "close":
                stack = [pending[0]]
                parts_start = first + 1
                marks = marks[1:]
            else:
                pending = None
        for i in marks:
            role = _mark_role(text, i)
            if role == "toggle":
                role = "close" if stack else "open"
            if role == "open":
                stack.append(i)
                if len(stack) == 1:
                    parts_start = i + 1
            elif stack:
                o = stack.pop()
                if not stack:
                    parts = tuple(pending[1]) + ((parts_start, i),) if pending else ()
                    spans.append((o, i, parts))
                    pending = None
        if stack:
            prev = list(pending[1]) if pending else []
            end = le
            while end > ls and text[end - 1].isspace():
                end -= 1
            pending = (stack[0], prev + [(parts_start, end)])
        else:
            pending = None
    return spans


# ---------------------------------------------------------------------------------------------
# speakers


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(lo + m.start(), lo + m.end(), m.group()) for m in re.finditer(r"\S+", text[lo:hi])]


def _bare(tok: str) -> str:
    return tok.strip(",;:.!?()[]\"“”‘’'")


def _is_name_token(tok: str) -> bool:
    b = _bare(tok)
    if not b:
        return False
    if b.lower() in _CONNECTORS and b.islower():
        return True
    return bool(b[0].isupper() or re.match(r"^(?:al|el)-[A-Z]", b))


def _trailing_np(text: str, toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The noun phrase at the end of ``toks`` (the subject just before a verb)."""
    if not toks:
        return None
    last = _bare(toks[-1][2])
    if not last or toks[-1][2][-1] in ",;:":
        return None
    if len(toks) == 1 and (last.lower() in _LEADING or last.lower() in _CLAUSE_STOPS):
        return None
    if last.lower() in _AUX_END:
        return None  # a passive ("could not be confirmed", "was told") has no speaker before it
    if last.lower() in _CLAUSE_STOPS | _MODALS:
        return None  # "a source who spoke", "the monitor could not confirm"
    if last.lower() in _PRONOUNS:
        return toks[-1][0], toks[-1][0] + len(toks[-1][2].rstrip(",;:.!?"))
    i = len(toks) - 1
    if _is_name_token(toks[-1][2]):
        while i > 0 and _is_name_token(toks[i - 1][2]) and toks[i - 1][2][-1] not in ",;:":
            i -= 1
        # connectors only inside a name
        while i < len(toks) - 1 and _bare(toks[i][2]).lower() in _CONNECTORS and _bare(toks[i][2]).islower():
            i += 1
        while i < len(toks) - 1 and _bare(toks[i][2]).lower() in _LEADING:
            i += 1
        if i > 0 and _bare(toks[i - 1][2]).lower() == "the" and toks[i - 1][2][-1] not in ",;:":
            i -= 1
        # a name inside a prepositional phrase is not the subject: "police in Kirkuk said", "sources
        # close to the Alliance said" -- the noun phrase runs back to its head noun
        if i >= 2 and toks[i - 1][2] in ("in", "of", "for", "from", "at", "with", "near", "to") and \
                toks[i - 2][2][-1] not in ",;:.!?\"”“" and toks[i - 2][2].islower() and \
                toks[i - 2][2] not in _CLAUSE_STOPS | _PREPS | _DETS:
            j, n = i - 2, 0
            while j > 0 and n < 4:
                prev = toks[j - 1][2]
                if prev[-1] in ",;:.!?\"”“" or _bare(prev).lower() in _CLAUSE_STOPS | (_PREPS - {"late", "early"}):
                    break
                j -= 1
                n += 1
            while j < i - 2 and _bare(toks[j][2]).lower() in _LEADING:
                j += 1
            i = j
    else:
        n = 0
        while i > 0 and n < 7:
            prev = toks[i - 1][2]
            if prev[-1] in ",;:.!?\"”“" or _bare(prev).lower() in _CLAUSE_STOPS:
                break
            i -= 1
            n += 1
        while i < len(toks) - 1 and _bare(toks[i][2]).lower() in _LEADING:
            i += 1
        first = _bare(toks[i][2]).lower()
        # a lowercase NP must start like one: a determiner, a capital, or be a bare plural ("analysts")
        if not (first in _DETS or toks[i][2][:1].isupper() or (i == len(toks) - 1 and last.endswith("s"))
                or toks[i][0] == 0 or (i > 0 and toks[i - 1][2][-1] in ",;:.!?")):
            return None
        if _bare(toks[i][2]).lower() in _CLAUSE_STOPS:
            return None
        # a finite reporting verb inside is a clause, not a noun phrase: "the army denied any involvement"
        if any(_bare(t[2]).lower() in _PAST_VERBS for t in toks[i:-1]):
            return None
    s, e = toks[i][0], toks[-1][0] + len(toks[-1][2].rstrip(",;:.!?\"”"))
    if e <= s or e - s > 90 or text[s:e].lower() in _DETS:
        return None
    return s, e


def _is_appositive(chunk: list[tuple[int, int, str]]) -> bool:
    first = _bare(chunk[0][2])
    if not first:
        return False
    return (first[0].islower() or first.isdigit() or first.lower() in _DETS
            or first.lower() in ("who", "which", "aged")
            # a possessive opens a role: "X, Salahuddin's deputy governor, said"
            or len(chunk) > 1 and re.search(r"[’']s$", first) is not None)


def _speaker_before(text: str, lo: int, hi: int):
    """Subject before a reporting verb at ``hi``: ((s, e), role span or None) or None."""
    toks = _tokens(text, lo, hi)
    low = [_bare(t[2]).lower() for t in toks]
    for k in range(max(len(toks) - 8, 1), len(toks) - 2):
        # "X in an interview with a local channel said": the phrase is not the subject
        if low[k] == "in" and low[k + 1] in ("a", "an") and low[k + 2] in ("statement", "interview", "speech", "message") \
                and (k + 3 == len(toks) or low[k + 3] in ("with", "to", "on", "from", "posted", "published", "released", "issued")):
            del toks[k:]
            break
    while toks:
        tail = [_bare(t[2]).lower() for t in toks[-3:]]
        if len(tail) == 3 and tail[0] == "in" and tail[1] in ("a", "an") and tail[2] in _ADVS:
            del toks[-3:]  # "X in a statement said", "X in an interview said"
        elif tail[-1] in _ADVS - _NOUN_ADVS or re.fullmatch(r"[a-z]+ly", toks[-1][2]):
            toks.pop()
        else:
            break
    if not toks:
        return None
    if toks[-1][2].endswith(","):
        chunks: list[list[tuple[int, int, str]]] = [[]]
        for t in toks:
            chunks[-1].append(t)
            if t[2].endswith(","):
                chunks.append([])
        chunks = [c for c in chunks if c]
        j = len(chunks) - 1
        while j > 0 and _is_appositive(chunks[j]):
            j -= 1
        if j == len(chunks) - 1 or j < 0:
            return None
        head = chunks[j][:-1] + [(chunks[j][-1][0], chunks[j][-1][1] - 1, chunks[j][-1][2][:-1])]
        name = _trailing_np(text, head)
        if name is None or not _is_name_token(text[name[0]:name[1]].split()[-1]) and \
                text[name[0]:name[1]].lower() not in _PRONOUNS and not text[name[0]:name[1]][:1].islower():
            return None
        rs = chunks[j + 1][0][0]
        re_ = chunks[-1][-1][1] - 1
        return name, _strip_age(text, rs, re_)
    name = _trailing_np(text, toks)
    if name is None:
        # a restrictive relative clause between subject and verb: "a source who spoke on condition
        # of anonymity said" -> "a source"
        k = next((k for k in range(len(toks) - 1, 0, -1) if toks[k][2] == "who"), None)
        if k is not None and len(toks) - k <= 10:
            name = _trailing_np(text, toks[:k])
    return (name, None) if name else None


def _strip_age(text: str, s: int, e: int) -> tuple[int, int] | None:
    m = re.match(r"\d{1,3},\s*", text[s:e])
    if m:
        s += m.end()
    while e > s and text[e - 1] in " ,.;":
        e -= 1
    return (s, e) if e > s else None


def _speaker_after(text: str, s: int, limit: int):
    """Inverted order: the speaker right after the verb ("said Adel Khiali, 26, a fighter ...")."""
    toks = _tokens(text, s, limit)
    if not toks:
        return None
    first = _bare(toks[0][2])
    if first.lower() in _PRONOUNS:
        return (toks[0][0], toks[0][0] + len(first)), None
    i = 0
    if _is_name_token(toks[0][2]):
        while i + 1 < len(toks) and toks[i][2][-1] not in ",;:.!?" and _is_name_token(toks[i + 1][2]):
            i += 1
    elif first.lower() in _DETS:
        while i + 1 < len(toks) and i < 7 and toks[i][2][-1] not in ",;:.!?" and \
                _bare(toks[i + 1][2]).lower() not in _CLAUSE_STOPS | _PREPS - {"of", "for"}:
            i += 1
    else:
        return None
    while i > 0 and _bare(toks[i][2]).lower() in _CONNECTORS:
        i -= 1
    name = (toks[0][0], toks[i][0] + len(toks[i][2].rstrip(",;:.!?\"”")))
    role = None
    if toks[i][2].endswith(",") and i + 1 < len(toks):
        rs = toks[i + 1][0]
        seg = text[rs:limit]
        age = re.match(r"\d{1,3},\s*", seg)
        if age:
            rs += age.end()
        if rs < limit and (text[rs].islower() or text[rs:rs + 4] in ("the ", "The ")):
            role = _strip_age(text, rs, limit)
    return name, role


def _told_object(text: str, e: int, limit: int) -> int:
    """Extend a "told" cue over its object ("told reporters", "told a news conference")."""
    m = re.match(r"\s+((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+?)(?=[,.;:]|\s+(?:in|on|at|during|after|before|from|"
                 r"with|by|that|this|last|earlier|when|while)\b|\s*$)", text[e:limit])
    if m and len(m.group(1).split()) <= 4 and m.group(1).lower() not in ("that",):
        return e + m.end(1)
    return e


# ---------------------------------------------------------------------------------------------
# attribution around a direct quote


_RX_AFTER_INV = re.compile(rf"^\s*[,—–-]?\s*(?P<verb>{_VERB})\s+(?=\S)")
_RX_AFTER = re.compile(rf"\b(?P<verb>{_VERB})\b")
_RX_BEFORE = re.compile(
    rf"\b(?P<verb>{_VERB})\b(?P<adj>(?:\s+[^\s,:;]+){{0,8}}?)\s*(?P<end>:|,|\bthat)?\s*$")
_RX_ACCORDING = re.compile(r"\baccording to\s+(?P<sp>[^,;:“”\"]{2,90}?)\s*[,:]?\s*$", re.I)


@dataclass
class _Attr:
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    role: tuple[int, int] | None
    how: str


def _attr_after(text: str, close: int, limit: int) -> _Attr | None:
    seg = text[close + 1:limit]
    base = close + 1
    m = _RX_AFTER_INV.match(seg)
    if m:
        got = _speaker_after(text, base + m.end(), limit)
        if got:
            (ss, se), role = got
            cs = base + m.start("verb")
            return _Attr((cs, se), (ss, se), role, "after-inverted")
    # "…," X said / "…," X, a spokesman for Y, said / "…" to stop them, he said,
    for m in _RX_AFTER.finditer(seg):
        vs, ve = base + m.start(), base + m.end()
        between = text[base:vs]
        if len(between) > 140 or re.search(r"[\"“”]", between):
            break
        lead = re.match(r"^\s*[,—–-]?\s*", between).end()
        got = _speaker_before(text, base + lead, vs)
        if got is None:
            continue
        (ss, se), role = got
        mid = text[base:ss].strip(" ,—–-")
        if mid:
            # a cue later in the sentence must be its own clause: ", he said"
            if not re.search(r",\s*$", text[base:ss]):
                continue
            how = "after-mid"
        else:
            how = "after"
        ce = _told_object(text, ve, limit) if m["verb"] in ("told", "tells", "tell") else ve
        return _Attr((ss, ce), (ss, se), role, how)
    return None


def _attr_before(text: str, lo: int, open_: int) -> _Attr | None:
    seg = text[lo:open_]
    m = _RX_ACCORDING.search(seg)
    if m and _dots_ok(m["sp"]):
        sp = (lo + m.start("sp"), lo + m.end("sp"))
        return _Attr((lo + m.start(), sp[1]), sp, None, "according-to")
    m = _RX_BEFORE.search(seg)
    if not m:
        return None
    if m["adj"].strip() and not m["end"] and m["verb"] not in ("told", "tells"):
        return None
    if m["adj"].strip() and re.search(rf"\b{_VERB}\b", m["adj"]):
        return None
    vs, ve = lo + m.start("verb"), lo + m.end("verb")
    got = _speaker_before(text, lo, vs)
    if got is None:
        return None
    (ss, se), role = got
    ce = _told_object(text, ve, open_) if m["verb"] in ("told", "tells") else ve
    return _Attr((ss, ce), (ss, se), role, "before")


def _clause_start_ok(text: str, s: int, ss: int) -> bool:
    """The subject at ``ss`` opens the sentence at ``s`` or one of its clauses."""
    lead = text[s:ss].strip()
    if not lead or lead.endswith((",", ";", "—", "–")):
        return True
    last = lead.split()[-1].lower()
    return last in ("but", "and", "yet", "so", "while", "whereas", "meanwhile", "however", "also")


def _attr_act(text: str, s: int, open_: int) -> _Attr | None:
    """A quote inside its sentence after a verb of saying or judging whose subject opens a clause:
    "the group mourned him as “…”", "X, the deputy governor, called the deal “…”", "X said its
    fighters had killed “…”". The nearest such verb before the quote wins; a verb without a subject of
    its own ("… and blamed “…”") passes to the verb before it."""
    seg = text[s:open_]
    verbs = sorted({(m.start(), m.end(), m.group()) for rx in (_ACT_VERBS, _RX_AFTER) for m in rx.finditer(seg)},
                   reverse=True)
    for vs, ve, verb in verbs:
        vs, ve = s + vs, s + ve
        between = text[ve:open_]
        if len(between) > 100:
            break
        if verb.lower() in ("put", "puts") and not re.search(r"\bat\s*$", between):
            continue
        if re.search(r"\b(?:a|an|the|this|that|its|his|her|their|our)\s*$", text[s:vs], re.I):
            continue  # a noun ("broadcast a call", "the demand"), not a verb
        if re.match(r"\s*(?:to|by)\b", text[ve:open_]) and verb.lower() not in ("refer", "refers", "referred"):
            continue
        got = _speaker_before(text, s, vs)
        if got is None:
            continue
        (ss, se), role = got
        if not _clause_start_ok(text, s, ss):
            continue
        return _Attr((ss, ve), (ss, se), role, "act-verb")
    return None


def _next_turn(text: str, bounds: list[int], a: _Attr, how: str) -> _Attr | None:
    """Who speaks in an uncued quote after the attributed quote ``a``: the same speaker goes on,
    except after a question put to somebody ("“…?” the reporter asked the colonel. “…”"): then the
    one asked answers ("answer"), or nobody we can name ("I asked him")."""
    m = re.search(r"\b(?:asked|asks|ask)\b", text[a.cue[0]:a.cue[1]])
    if m is None or a.how not in ("after", "after-mid", "before", "next-sentence") or a.speaker is None \
            or a.speaker[0] >= a.cue[0] + m.end():  # "asked X": X asked, and goes on
        return _Attr(a.cue, a.speaker, a.role, how)
    ve = a.cue[0] + m.end()
    got = _speaker_after(text, ve, _sentence_end(bounds, ve, len(text)))
    if got is None:
        return None
    (ss, se), role = got
    if text[ss:se].lower() in _PRONOUNS:
        return None
    return _Attr((ss, se), (ss, se), role, "answer")


def _attr_next_sentence(text: str, bounds: list[int], close: int, para_end: int) -> _Attr | None:
    """A quote that ends its sentence, whose speaker opens the next one: "“…” X said this at ...",
    "“…” X made the remarks on ...". """
    ns = _sentence_end(bounds, close + 1, para_end)
    if ns >= para_end or text[close + 1:ns].strip(" .,!?;\"”’"):
        return None
    ne = _sentence_end(bounds, ns + 1, para_end)
    m = re.search(rf"\b(?:spoke|(?:made|gave|issued)\s+(?:the|these|those|his|her|its|their)\s+(?:remarks?|comments?"
                  rf"|promise|pledge|statement|warning|speech|announcement|claim)|{_VERB})\b", text[ns:ne])
    if m is None or m.start() > 90:
        return None
    vs, ve = ns + m.start(), ns + m.end()
    got = _speaker_before(text, ns, vs)
    if got is None:
        return None
    (ss, se), role = got
    if text[ns:ss].strip():
        return None
    return _Attr((ss, ve), (ss, se), role, "next-sentence")


# ---------------------------------------------------------------------------------------------
# indirect quotes


def _indirect(text: str, s: int, e: int) -> tuple[int, int, _Attr] | None:
    """An indirect report in the sentence text[s:e]: (content start, content end, attribution)."""
    sent = text[s:e]
    end = s + len(sent.rstrip(" \n.!?"))
    m = re.search(r"\baccording to\s+", sent, re.I)
    if m:
        a = s + m.end()
        pe = _phrase_end(text, a, e)
        if pe is not None:
            sp = (a, pe)
            cue = (s + m.start(), sp[1])
            before = text[s:cue[0]].strip(" ,")
            after_s = sp[1]
            while after_s < end and text[after_s] in " ,":
                after_s += 1
            role = None
            first = text[after_s:end].split(maxsplit=1)[:1]
            if after_s < end and text[sp[1]:after_s].strip() == "," and first and \
                    first[0].lower() in _DETS | {"who", "whose"}:
                # "according to X, a researcher at Y, the strike ...": the apposition is X's role
                cm = re.compile(r",\s").search(text, after_s, end)
                comma = cm.start() if cm else -1
                if comma > 0 and len(text[comma + 1:end].split()) >= 3 or comma < 0 and len(before.split()) >= 3:
                    rend = comma if comma > 0 else end
                    role = (after_s, rend)
                    after_s = rend
                    while after_s < end and text[after_s] in " ,":
                        after_s += 1
            # content: the rest of the sentence around the according-to phrase
            if after_s < end and len(text[after_s:end].split()) >= 3:
                cs, ce = after_s, end
            elif len(before.split()) >= 3:
                cs, ce = s, s + len(text[s:cue[0]].rstrip(" ,"))
            else:
                return None
            toks = text[sp[0]:sp[1]].split()
            k = 0
            while k < len(toks) and not toks[k][0].isupper():
                k += 1
            if 0 < k < len(toks) and role is None:  # "group spokesman Naeem al-Aboudi"
                rs = sp[0]
                ns = sp[0] + text[sp[0]:sp[1]].index(toks[k])
                # "a report by X", "a statement from X": the source is X, the words before are no role
                if toks[k - 1].lower() not in ("by", "from", "of", "in", "on"):
                    role = (rs, ns - 1)
                sp = (ns, sp[1])
            return cs, ce, _Attr(cue, sp, role, "according-to")
    for m in _INDIRECT_VERBS.finditer(sent):
        vs, ve = s + m.start(), s + m.end()
        rest = text[ve:end]
        # ", X said." at the end: the content precedes
        tail = re.match(r"\s*(?:(?:on|late|early|this|last)\s+\w+\s*)?(?:[,.]|\s*$)", rest)
        comma = text.rfind(",", s, vs)
        if tail and comma > s:
            got = _speaker_before(text, comma + 1, vs)
            if got and len(text[s:comma].split()) >= 3:
                (ss, se), role = got
                if re.match(r"\s*(?:(?:on|late|early|this|last)\s+\w+\s*)?,", rest) and \
                        len(text[ve:end].split()) >= 3:
                    # parenthetical ("…, X said, …"): the report is the whole sentence, cue inside
                    return s, end, _Attr((ss, ve), (ss, se), role, "indirect-parenthetical")
                return s, comma, _Attr((ss, ve), (ss, se), role, "indirect-after")
        got = _speaker_before(text, s, vs)
        if got is None:
            continue
        (ss, se), role = got
        if text[s:ss].strip(" ,") and not text[s:ss].rstrip().endswith(","):
            # the subject must open the sentence or its clause
            lead = text[s:ss].strip().lower()
            if lead not in ("but", "and", "yet", "so", "meanwhile", "however,", "also"):
                continue
        tm = re.match(r"(?P<adj>(?:\s+[^\s,;:.]+){0,8}?)\s+that\s+", rest)
        if tm and re.search(r"\b(?:and|but|or)$", tm["adj"]) and len(tm["adj"].split()) >= 3:
            # "said the brigade had not been consulted and that ...": two reported clauses
            nm = re.match(r"\s+", rest)
            cs, ce = ve + (nm.end() if nm else 0), ve
        elif tm and not re.search(rf"\b{_VERB}\b|\b(?:something|nothing|anything|little|much)\b", tm["adj"]):
            cs = ve + tm.end()
            ce = ve + tm.start() + len(tm["adj"])
        elif m.group() in ("said", "says"):
            nm = re.match(r"\s+(?P<w>[\w’'-]+)", rest)
            if not nm or nm["w"].lower() in _PREPS or nm["w"].lower() in ("that", "so", "as", "it", "something", "nothing",
                                                                           "anything", "little", "much", "no"):
                continue
            cs, ce = ve + nm.start("w"), ve
        else:
            continue
        if len(text[cs:end].split()) < 3:
            continue
        cue_end = ce if ce > ve else ve
        return cs, end, _Attr((ss, cue_end), (ss, se), role, "indirect")
    return None


# ---------------------------------------------------------------------------------------------
# hints

_MULTI_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'-]+|(?:[A-Z]\.)+)(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von)[- ])?"
    r"(?:[A-Z][\w’'-]+|(?:[A-Z]\.)+))+")


def _hint_from_text(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    best = None
    for m in _MULTI_NAME.finditer(text, lo, hi):
        s = m.start()
        words = m.group().split()
        while words and words[0].lower() in _LEADING | {"the"}:
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) >= 2:
            best = (s, m.end())
    return best


# ---------------------------------------------------------------------------------------------


def _para_index(paras: list[tuple[int, int]], pos: int) -> int:
    import bisect

    return max(bisect.bisect_right([p[0] for p in paras], pos) - 1, 0)


def _word_count(s: str) -> int:
    return len(_WORD.findall(s))


def _title_case(s: str) -> bool:
    words = _WORD.findall(s)
    content = [w for w in words if w.lower() not in {"of", "the", "and", "for", "in", "on", "a", "an", "to", "al"}]
    return bool(content) and all(w[0].isupper() for w in content)


def find_quotes(text: str) -> list[Quote]:
    """Direct and indirect quotations in ``text`` with their attribution cues, in text order."""
    paras = _paragraphs(text) or [(0, len(text))]
    bounds = _sentence_bounds(text, paras)
    raw = _pair_marks(text, paras)
    quotes: list[dict] = []
    for o, c, parts in raw:
        cs, ce = o + 1, c
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        content = text[cs:ce]
        if not content or not any(ch.isalpha() for ch in content):
            continue
        line_start, line_end = paras[_para_index(paras, c)]
        next_open = next((o2 for o2, _, _ in raw if o2 > c), len(text))
        after_limit = min(_sentence_end(bounds, c + 1, line_end), next_open, line_end)
        line_start = paras[_para_index(paras, o)][0]
        prev_close = max([c2 for _, c2, _ in raw if c2 < o] + [line_start - 1])
        before_lo = max(_sentence_start(bounds, o), prev_close + 1, line_start)
        attr = _attr_after(text, c, after_limit) or _attr_before(text, before_lo, o)
        n = _word_count(content)
        final = content.rstrip()[-1:] in "?!" or content.rstrip("”’\"' ").endswith(("?", "!"))
        adjacent = attr is not None and attr.how in ("after", "after-inverted") or \
            attr is not None and attr.how == "before" and re.search(r"[:,]\s*$", text[before_lo:o])
        if _NAMING.search(text[before_lo:o]) and not adjacent:
            continue
        short = False
        if n <= 3 and not final and not adjacent:
            if n < 2 or _title_case(content) or attr is None and not re.search(r"\w", text[before_lo:o]):
                continue
            # two or three words: kept only if a reporting verb claims them below ("said its fighters
            # had killed “more than 20” militiamen", "called the deal “a first step”")
            short = attr is None
        if n <= 5 and not final and _title_case(content) and not adjacent:
            continue
        opens_sentence = not text[before_lo:o].strip() or re.search(r"[:,]\s*$", text[before_lo:o])
        fragment = bool(not opens_sentence and not (attr and attr.how in ("before", "according-to")))
        quotes.append(dict(start=cs, end=ce, attr=attr, fragment=fragment, parts=parts, para=line_start,
                           open=o, close=c, short=short))

    # indirect reports: sentences without a direct quote
    indirect: list[dict] = []
    sent_spans = list(zip(bounds, bounds[1:] + [len(text)]))
    for s, e in sent_spans:
        if e - s < 15:
            continue
        inner = [q for q in quotes if s <= q["start"] < e]
        if any(not q["fragment"] for q in inner):
            continue
        if _MARKS.search(text, s, e) and not inner:
            continue  # marks we chose not to treat as quotes, fine, but also no direct quote
        got = _indirect(text, s, e)
        if got is None:
            continue
        cs, ce, attr = got
        if inner:  # a fragment inside an indirect report takes that report's speaker
            for q in inner:
                if q["short"] and not (cs <= q["start"] and q["end"] <= ce + 1):
                    continue  # a short quote outside the reported clause may be a scare quote
                if q["attr"] is None:
                    q["attr"] = _Attr(attr.cue, attr.speaker, attr.role, "in-indirect")
            continue
        indirect.append(dict(start=cs, end=ce, attr=attr, fragment=False, parts=(),
                             para=paras[_para_index(paras, s)][0], kind="indirect"))

    # a fragment after a verb of saying or judging ("the group mourned him as “…”")
    for q in quotes:
        if q["attr"] is None:
            q["attr"] = _attr_act(text, _sentence_start(bounds, q["open"]), q["open"])
    quotes = [q for q in quotes if not (q["short"] and q["attr"] is None)]

    # a quote with no cue of its own, in text order (so the quote before has its final speaker):
    # the speaker of the quote before in the same paragraph ("“A,” he said. “B.”"); a speaker named
    # in the next sentence; a cue ending the paragraph before ("X told the crowd:"); the speaker of
    # the quote ending the paragraph before (one speaker goes on)
    for k, q in enumerate(quotes):
        if q["attr"] is not None:
            continue
        prev = quotes[k - 1] if k > 0 else None
        if prev is not None and prev["para"] == q["para"] and prev["attr"] is not None:
            q["attr"] = _next_turn(text, bounds, prev["attr"], "continuation")
            continue
        if q["fragment"]:
            continue
        pi = _para_index(paras, q["open"])
        ps, pe = paras[pi]
        q["attr"] = _attr_next_sentence(text, bounds, q["close"], pe)
        opens_para = not text[ps:q["open"]].strip()
        if q["attr"] is None and opens_para and pi > 0:
            prev_s, prev_e = paras[pi - 1]
            if text[prev_s:prev_e].rstrip().endswith(":"):
                got = _attr_before(text, max(prev_s, _sentence_start(bounds, prev_e - 1)), q["open"])
                if got is not None:
                    q["attr"] = _Attr(got.cue, got.speaker, got.role, "before-paragraph")
            elif prev is not None and prev["para"] == prev_s and prev["attr"] is not None and not prev["fragment"]:
                q["attr"] = _next_turn(text, bounds, prev["attr"], "continuation-paragraph")

    out: list[Quote] = []
    allq = sorted([dict(q, kind="direct") for q in quotes] + indirect, key=lambda q: q["start"])
    named: list[tuple[int, tuple[int, int]]] = []  # (quote start, named speaker span)
    for q in allq:
        a = q["attr"]
        sp = a.speaker if a else None
        sp_text = text[sp[0]:sp[1]] if sp else None
        role = a.role if a else None
        hint = None
        if sp_text and sp_text.lower() in _PRONOUNS:
            # nearest earlier named speaker within two paragraphs, else a name in this/previous sentence
            para_floor = paras[max(_para_index(paras, q["para"]) - 2, 0)][0]
            for qs, span in reversed(named):
                if qs >= para_floor:
                    hint = span
                    break
            if hint is None:
                s0 = _sentence_start(bounds, max(0, _sentence_start(bounds, sp[0]) - 1))
                hint = _hint_from_text(text, s0, sp[0])
        elif sp_text and _is_name_token(sp_text.split()[-1]):
            named.append((q["start"], sp))
        out.append(Quote(
            start=q["start"], end=q["end"], text=text[q["start"]:q["end"]], kind=q["kind"],
            cue_start=a.cue[0] if a else None, cue_end=a.cue[1] if a else None,
            speaker_text=sp_text, speaker_start=sp[0] if sp else None, speaker_end=sp[1] if sp else None,
            speaker_role=text[role[0]:role[1]] if role else None,
            role_start=role[0] if role else None, role_end=role[1] if role else None,
            speaker_hint=text[hint[0]:hint[1]] if hint else None,
            hint_start=hint[0] if hint else None, hint_end=hint[1] if hint else None,
            how=a.how if a else None, fragment=q["fragment"], parts=tuple(q["parts"]),
        ))
    return out
