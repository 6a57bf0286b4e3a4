"""Cue lexicons of the line-level boilerplate model.

These are phrases of the *web page genre*, not of any one site: nothing here names a site. Each cue
family maps to a removal reason. A cue comes in two strengths:

* STRONG cues are multi-word phrases that almost never occur in article prose ("all rights reserved",
  "to contact the author", "sign up for our newsletter"); they count at any line length.
* WEAK cues are single words or generic phrases ("subscribe", "newsletter", "share") that do occur
  in prose; the model only trusts them on short lines (see ``plaintext.py``).
"""

from __future__ import annotations

import re

I = re.IGNORECASE

# --- Headings that open a block of links to other stories ("related-headlines" zone) ---------------
_RELATED_HEADS = r"""
top\ (?:stories|news|headlines|reads|picks|videos)
| (?:most\ )?popular(?:\ (?:posts?|stories|articles|news|now|today|this\ week|reads|videos))?
| most\ (?:read|viewed|watched|shared|commented|emailed|recent)
| trending(?:\ (?:now|stories|news|articles|topics))?
| related(?:\ (?:articles?|stories|story|news|posts?|coverage|content|topics|links|reading|videos?|items))?
| recommended(?:\ (?:for\ you|stories|articles|reading|videos?))?
| suggested\ (?:reading|articles|stories)
| editor'?s'?\ (?:picks?|choice|selection) | editors[’']?\ (?:picks?|choice|selection) | editor[’]s\ (?:picks?|choice)
| staff\ picks | featured(?:\ (?:stories|articles|posts|news|videos?))?
| partner(?:s'?)?\ (?:news|content|stories) | from\ (?:our|the)\ (?:partners?|network|web)
| sponsored(?:\ (?:content|stories|links|news|posts?))? | promoted(?:\ (?:stories|content|links))?
| paid\ (?:content|partner\ content|post) | around\ the\ web
| you\ (?:may|might|could|will)\ (?:also\ )?(?:like|enjoy|be\ interested(?:\ in)?|have\ missed)
| we\ recommend | also\ (?:read|see|on|in\ the\ news) | read\ (?:more|next|also|this\ next)
| more\ to\ (?:read|explore) | further\ reading | see\ also | don[’']?t\ miss | must\ reads?
| in\ other\ news | elsewhere(?:\ on\ \S+)? | in\ case\ you\ missed\ it
| more\ (?:from|on|in|about|news|stories|headlines|articles|like\ this|top\ stories|videos?|coverage)
| other\ (?:news|stories|articles|headlines) | latest(?:\ (?:news|stories|headlines|articles|posts|updates|videos?))?
| recent\ (?:posts|articles|stories|news) | breaking\ news | just\ in | up\ next | watch\ next
| what\ to\ (?:read|watch)\ next | next\ (?:article|story) | previous\ (?:article|story)
| people\ (?:also\ )?(?:read|viewed|watched) | readers\ also\ (?:read|liked)
| today[’']?s\ (?:top\ )?(?:headlines|stories)
"""
# A line that *is* such a heading: the phrase, then at most a few more words, no sentence ending.
RELATED_HEADING = re.compile(
    r"^[\W_]*(?:" + _RELATED_HEADS + r")(?:\s+(?:from|on|in|about|for|of)?\s*[\w'’&.-]+){0,4}\s*[:»›>|\-–—]*\s*$",
    I | re.X,
)
# An inline "Read more: <headline>" / "RELATED: <headline>" item.
RELATED_ITEM = re.compile(
    r"^[\W_]*(?:read\ (?:more|also|next)|also\ read|related(?:\ (?:story|article|coverage))?|see\ also|more|watch|listen"
    r"|recommended|further\ reading|don[’']?t\ miss|must\ read|click\ here\ to\ read)\s*(?::|»|›|>|\||—|–|-)\s*\S",
    I | re.X,
)
# A "Read more »" / "Continue reading" link line.
READ_MORE_LINK = re.compile(r"^[\W_]*(?:read|see|view|show|load|continue\ reading|click\ here)(?:\ \w+){0,3}\s*[»›>→…]*\s*$", I | re.X)

# --- Cue families: (reason, strong regex, weak regex) ---------------------------------------------
_CUE_SPECS: dict[str, tuple[str, str | None]] = {
    "subscription": (
        r"subscribe\ to\ (?:our|the|my)\ (?:\w+\ )?(?:newsletter|channel|podcast|feed|mailing|list|alerts|updates|digest)"
        r"|subscribe\ (?:now|today|here|for\ (?:free|just|only|\$))|^subscribe\b|sign\ up\ (?:for\ (?:our|the|a\ free)\ \w+|now|today|here)|unlimited\ access"
        r"|ad-free|ad\ free|delivered\ to\ your\ (?:door|inbox|email)|app\ access|become\ a\ (?:member|subscriber|supporter)"
        r"|already\ a\ (?:subscriber|member)|enter\ your\ e-?mail|your\ e-?mail\ address|free\ trial"
        r"|support\ (?:our|independent|quality)\ journalism|premium\ (?:content|access|members?)|newsletters?\ \+"
        r"|get\ our\ (?:app|daily|weekly|morning|evening|newsletter)|download\ (?:our|the)\ app"
        r"|join\ our\ (?:whatsapp|telegram|youtube)|follow\ our\ (?:whatsapp|telegram|youtube)|breaking\ news\ alerts|push\ notifications"
        r"|for\ subscribers|subscriber[-\ ]only|members[-\ ]only|log\ in\ to\ (?:read|continue)|create\ (?:a\ )?(?:free\ )?account"
        r"|unsubscribe|you\ are\ receiving\ this|you\ received\ this|view\ (?:this|the|it)\ (?:email\ |newsletter\ )?in\ (?:your|a)\ browser"
        r"|forward\ (?:this\ )?to\ a\ friend|^newsletters?\s*:|sign\ up\ (?:to|for)\ \S.{0,80}?\b(?:inbox|newsletters?|briefings?|digest|e-?mail\ alerts)\b"
        r"|straight\ to\ your\ inbox|directly\ to\ your\ inbox|get\ (?:\S+\ ){1,12}?in\ your\ inbox|update\ (?:your\ )?(?:email\ |subscription\ )?preferences|signed\ up\ (?:for|at|to|on)\ (?:our|the)",
        r"\bsubscribe\b|\bsubscription\b|\bsubscribers?\b|\bsign\ up\b|\bsign-up\b|\blog\ ?in\b|\bsign\ in\b|\bregister\b"
        r"|\bmembership\b|\bnewsletters?\b|\bjoin\ (?:us|now|today)\b|\bunlock\b|\bpodcasts?\b|\bdonate\b|\bper\ month\b",
    ),
    "contact": (
        r"to\ contact\ the\ (?:author|editor|reporter|writer|journalist)|^contact\ us\b|contact\ us\ (?:at|on|via|by)|email\ us|e-mail\ us|write\ to\ us|send\ us\ (?:a\ tip|your)"
        r"|news\ tips?|@[\w-]+\.[a-z]{2,}|\btel(?:ephone)?\s*[:.]\s*\+?\d|\bphone\s*:\s*\+?\d|reach\ (?:the\ )?(?:author|reporter|editor)",
        r"\bcontact\b|\be-?mail\b",
    ),
    "footer": (
        r"©|\(c\)\ ?\d{4}|^copyright(?:\ \S+){0,5}$|copyright\ (?:©|\(c\)|\d{4})|all\ rights\ reserved|privacy\ (?:policy|notice|settings)|terms\ (?:of|and)\ (?:use|service|conditions)"
        r"|not\ necessarily\ (?:reflect|represent)|views\ expressed\ (?:in|here|are|by\ (?:the\ )?(?:author|writer|contributor))"
        r"|opinions\ expressed\ (?:in|here|are|by\ (?:the\ )?(?:author|writer|contributor))"
        r"|may\ not\ be\ (?:published|reproduced|redistributed|copied)|this\ material\ may\ not|^disclaimer\b|^powered\ by|^about\ us$|^site\ ?map$"
        r"|^(?:reporting|editing|writing|additional\ reporting|compiled|edited)\ by\ \w|;\ (?:editing|writing)\ by|^(?:tags|labels|topics|filed\ under|categories|category|keywords)\s*:|comments?\s*\(\d+\)|^\d+\s+comments?$"
        r"|leave\ a\ (?:comment|reply)|report\ (?:an\ )?(?:error|typo)|^advertisement$|^advertising$|^ad$|scroll\ (?:down\ )?to\ continue"
        r"|story\ continues\ below|article\ continues\ below|back\ to\ top|all\ content\ ©"
        r"|^\(?source\s*:\s*\S|this\ article\ (?:is|was)\ (?:an?\ )?(?:edited\ )?(?:translation|translated|originally\ (?:published|appeared)|first\ (?:published|appeared)|adapted\ from)"
        r"|^comments?\ via\ \w+",
        r"\bcorrections?\b|\bfeedback\b|\bdisclaimer\b",
    ),
    "cookie-notice": (
        r"uses?\ cookies|accept\ (?:all\ )?cookies|cookie\ (?:policy|settings|preferences|consent)"
        r"|manage\ (?:preferences|cookies|consent)|use\ of\ cookies|^(?:reject|accept)\ all(?:\ cookies)?$",
        r"\bcookies?\b|\bconsent\b",
    ),
    "share": (
        r"^share\ (?:this|on|to|via|the\ story|the\ article)|follow\ us\ on|copy\ (?:the\ )?link|^print\ this|^email\ this|^tweet\ this"
        r"|click\ to\ share|share\ article",
        r"\bshare\b|\bshares\b",
    ),
    "photo-credit": (
        r"^(?:photo(?:graph)?s?|photographer|photo\ credit|image|images|picture|pictures|credit|illustration|file\ photo|video|graphic)"
        r"(?:\ by)?\s*:|getty\ images|\((?:ap|afp|reuters|epa)\ ?(?:photo)?\s*/|\bap\ photo\b|/\s*(?:reuters|afp|ap|getty|epa|anadolu)\b"
        r"|reuters\s*/|afp\s*/|epa\s*/|getty\s*/|image\ (?:copyright|caption|source)|\bphoto\s*:\s*\w|\bcredit\s*:\s*\w"
        r"|(?:[.!?]|\d)[\"”’)]*\s+(?:\(?(?:reuters|afp|ap|epa|getty\ images|ap\ photo|xinhua|anadolu(?:\ agency)?)\)?)\.?$",
        None,
    ),
    "navigation": (
        r"^skip\ to|^jump\ to|^(?:main\ )?menu$|^search(?:\ (?:this\ site|the\ site|news|articles))?\s*(?:\.{2,3}|…|:)?$|^sections?$|^home$|^toggle\ navigation|^open\ menu|^close\ menu"
        r"|listen\ to\ this\ (?:article|story)|^\d+\s*(?:-|\ )?min(?:ute)?s?\ read\b|^print$|^(?:follow|following|listen|save|bookmark|clap|like|more)$|^font\ size|^text\ size"
        r"|^(?:next|previous|prev)$|^(?:sign\ in|log\ in|register)$",
        None,
    ),
}


def _split_top(pattern: str) -> list[str]:
    """Split a regex on its top-level "|" (outside groups and classes)."""
    out, depth, cls, cur, i = [], 0, False, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i : i + 2])
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


class Cue:
    """One cue family, split for speed: alternatives anchored at the line start are tried once with
    ``match``; the others are searched. Patterns are compiled case-sensitively and matched against
    the lower-cased line (much faster than re.IGNORECASE)."""

    __slots__ = ("reason", "start", "anywhere", "weak")

    __slots__ = ("reason", "start", "anywhere", "keys", "prefixes", "ungated", "end", "weak")

    def __init__(self, reason: str, strong: str, weak: str | None) -> None:
        alts = [a.strip() for a in _split_top(strong)]
        starts = [a[1:] for a in alts if a.startswith("^")]
        ends = [a for a in alts if not a.startswith("^") and a.endswith("$")]
        others = [a for a in alts if not a.startswith("^") and not a.endswith("$")]
        gated = [(a, _literal_prefix(a)) for a in others]
        self.reason = reason
        self.start = _alt(starts)
        # Alternatives that begin with a literal are only tried when that literal occurs in the
        # line (a substring test is ~100x cheaper than a regex scan); the others always are.
        keys = {k for _, k in gated if k}
        # gate on the first three letters of the key's first word (a line token with that prefix),
        # or on the key itself when it starts with punctuation ("©", "@", "(c)")
        self.keys = tuple(sorted(k for k in keys if not _ALPHA.search(k[:1])))
        self.prefixes = frozenset(_ALPHA.findall(k)[0][:3] for k in keys if _ALPHA.search(k[:1]))
        self.anywhere = _alt([a for a, k in gated if k])
        self.ungated = _alt([a for a, k in gated if not k])
        self.end = _alt(ends)  # anchored at the line end: searched in the last 80 characters
        self.weak = re.compile(weak, re.X) if weak else None

    def strong_hit(self, low: str, prefixes: frozenset[str] | set[str]) -> bool:
        """``prefixes``: the first three letters of each word of ``low`` (see ``word_prefixes``)."""
        if self.start is not None and self.start.match(low):
            return True
        if self.end is not None and self.end.search(low[-80:]):
            return True
        if self.ungated is not None and self.ungated.search(low):
            return True
        if self.anywhere is None:
            return False
        if self.prefixes.isdisjoint(prefixes) and not any(k in low for k in self.keys):
            return False
        return bool(self.anywhere.search(low))


_ALPHA = re.compile(r"[a-z]+")


def word_prefixes(low: str) -> set[str]:
    return {w[:3] for w in _ALPHA.findall(low)}


def _alt(parts: list[str]) -> re.Pattern[str] | None:
    return re.compile("(?:" + "|".join(parts) + ")", re.X) if parts else None


def _literal_prefix(alt: str) -> str:
    """The literal text an alternative must start with ("" when it has none of >= 3 characters,
    or a single punctuation character such as "©" or "@")."""
    out: list[str] = []
    i = 0
    if alt.startswith("\\b"):
        i = 2
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            if i + 1 < len(alt) and not alt[i + 1].isalnum():
                out.append(alt[i + 1])
                i += 2
                continue
            break
        if c in "()[]{}?*+|.^$":
            if c in "?*{" and out:
                out.pop()  # the last literal character is optional or repeated
            break
        out.append(c)
        i += 1
    lit = "".join(out)
    if len(lit) >= 3 or (len(lit) >= 1 and not lit[0].isalnum() and not lit[0].isspace()):
        return lit
    return ""


CUES: list[Cue] = [Cue(reason, strong, weak) for reason, (strong, weak) in _CUE_SPECS.items()]

# Openers of a zone other than related headlines (the lines under them go with them).
ZONE_OPENERS: list[tuple[str, re.Pattern[str]]] = [
    ("author-bio", re.compile(r"^[\W_]*about\ (?:the\ )?(?:author|writer|contributor)s?\s*:?\s*$", I | re.X)),
    ("contact", re.compile(r"^[\W_]*(?:to\ contact\ the\ (?:author|editor|reporter|writer)|contact(?:\ us|\ the\ (?:author|editor))?)\b.*:?\s*$", I | re.X)),
    ("share", re.compile(r"^[\W_]*share\ (?:this|the\ (?:story|article))?\s*:?\s*$", I | re.X)),
    (
        "comments",
        re.compile(
            r"^[\W_]*(?:(?:\d+\s+)?comments?(?:\s*\(\d+\))?|(?:leave|post|add|write)\ a\ (?:reply|comment)|(?:show|view|load|read)"
            r"\ (?:all\ )?comments|join\ the\ (?:discussion|conversation)|reader\ comments|responses?\ to\ .{1,80})\s*:?\s*$",
            I | re.X,
        ),
    ),
    ("subscription", re.compile(r"^[\W_]*(?:get|sign\ up\ for|subscribe\ to)\ (?:our|the)\ (?:\w+\ ){0,2}(?:newsletter|briefing|digest|alerts?)\s*:?\s*$", I | re.X)),
]

# A line consisting only of share-button words.
SHARE_TOKENS = re.compile(
    r"(?:share(?:\ (?:this|on|to|via))?(?:\ (?:article|story|page|post))?|tweet|twitter|facebook|whatsapp|linkedin|e-?mail|print|pinterest"
    r"|reddit|telegram|messenger|flipboard|copy\ link|save|comments?|\d+\ shares?|\d+|x|vk|share\ this|:|\||·|•|,)",
    I | re.X,
)

# Byline ("By Jane Doe and John Roe", "Posted by admin at ...", "Written by ...").
BYLINE = re.compile(
    r"^(?i:(?:written|posted|reported|words|story|text|published)\ by|by)\s+"
    r"(?:[A-Z][\w.'’-]*|[a-z]+\d*)(?:[\s,&]+(?:and\ |[A-Z][\w.'’-]*|al-\w+|bin|de|van|von|da))*",
    re.X,
)
POSTED_LINE = re.compile(r"^(?:posted|published|submitted|filed)\s+(?:on|at|by|in)\b", I)

# Separator lines: no letter or digit at all ("---", "* * *").
SEPARATOR = re.compile(r"^[\W\d_]*(?:[^\W\d_][\W\d_]*)?$")  # at most one letter: "---", "* * *", "1.2K", "12"

# Breadcrumb / menu separators.
NAV_SPLIT = re.compile(r"\s+(?:[|›»>/•·]|-|–|—|::)\s+|\s*[|›»•·]\s*")
SECTION_WORDS = frozenset(
    """home news world local national international politics business economy sport sports opinion opinions video videos
    culture science health tech technology entertainment lifestyle weather about archive contact blog blogs analysis features
    latest live middle east africa asia europe americas us uk region regions media photos gallery podcasts search menu more
    editorial comment columns markets travel""".split()
)

# Wire services: an attribution to them is the *source*, not the publisher.
WIRES = {
    "reuters": "Reuters", "afp": "AFP", "ap": "AP", "associated press": "AP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "xinhua": "Xinhua", "tass": "TASS", "ria novosti": "RIA Novosti", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "dpa": "dpa", "efe": "EFE", "ani": "ANI", "pti": "PTI", "sana": "SANA", "irna": "IRNA",
    "upi": "UPI", "bernama": "Bernama", "kyodo": "Kyodo", "yonhap": "Yonhap", "ians": "IANS", "interfax": "Interfax",
}
_WIRE_ALT = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))
WIRE_PAREN = re.compile(r"\((" + _WIRE_ALT + r")\)", I)
WIRE_SLASH = re.compile(r"(?<![\w/])/(" + _WIRE_ALT + r")/", I)  # "MOSCOW, May 9. /TASS/."
WIRE_REPORTS = re.compile(r"[,;]\s*(" + _WIRE_ALT + r")\s+(?:reports|reported|said|says|writes)\.?[\"”’]?\s*$", I)
WIRE_NAME = re.compile(r"^(?:" + _WIRE_ALT + r")$", I)

TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
BULLET = re.compile(r"^(?:[•·●▪■◦‣►▶»›\-–—*+→✓✔☐]|\d{1,2}[.)]|[a-z][.)])\s+")
QUOTE_CHARS = re.compile(r"[\"“”«»]")
SPEECH = re.compile(r"\b(?:said|says|told|added|according\ to|asked|stated|warned|insisted)\b", I | re.X)
WORD = re.compile(r"[\w'’-]+")
CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{3,}")

STOPWORDS = frozenset(
    """that this with from have were been will would which their there they them than then when what where while about
    after before also into over under more most some such only other very just said says told your yours ours
    being because could should these those here each does done doing made make many much like even last first
    year years week month today time since still between during against through says according people""".split()
)
