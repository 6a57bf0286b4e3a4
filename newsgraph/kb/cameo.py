"""CAMEO actor and agent dictionaries in the TABARI / PETRARCH text format (optional).

The Phoenix / PETRARCH dictionaries are not shipped with newsgraph; users point
``load_dictionaries`` at their copy.  Two file kinds are read (verb, issue and discard files are
not needed here):

Actor dictionaries (``*.actors.txt``)::

    NAME_OF_ACTOR_  [CODE]          # primary phrase, optional default code, comment
    +SYNONYM_PHRASE                 # synonym of the entry above
    <tab>[CODE 020101-050630]       # code valid between two dates (YYMMDD or YYYYMMDD)
    <tab>[CODE >050630]             # ... after a date;  [CODE <050630] before it
    <tab>[CODE]                     # default code

  Several bracket groups may share the primary line.  A primary phrase without code that is
  immediately followed by another primary phrase shares that entry's codes (the PETRARCH reader
  does the same), so it is stored as an alias of the entry.  ``;`` also starts a comment on
  phrase lines; ``<!-- ... -->`` comments may span lines.

Agent dictionaries (``*.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN      # substitution set
    INSURGENT [~REB]                       # code added after the actor's: "IRQREB"
    HUMAN_RIGHTS_BODY [NGO~]               # code added before it
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   # irregular plural; {} = no plural
    CONGRESS!PERSON! [~LEG]                # expands to CONGRESSMAN, CONGRESSMEN, ...

  Regular plurals (+S, Y -> IES, S -> +ES) are generated as PETRARCH does.

In phrases ``_`` joins words (they are stored with spaces) and a trailing ``_`` marks a
whole-word match; both are dropped.  Parsing never stops on a bad line: the problem is recorded
as ``"<file>:<line>: <message>"`` in ``warnings``.  A missing path raises ``FileNotFoundError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ..names.normalize import fold, names_match
from .keys import skeleton_keys

__all__ = [
    "CodeSpan",
    "ActorEntry",
    "ActorDictionary",
    "AgentEntry",
    "AgentDictionary",
    "CameoDictionaries",
    "load_actor_dictionary",
    "load_agent_dictionary",
    "load_dictionaries",
    "phrase_key",
    "ROLE_CODES",
    "describe_code",
]

NULL_CODE = "---"  # PETRARCH's "no code"


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """A CAMEO code, valid from ``start`` to ``end`` (inclusive; ``None`` = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def is_default(self) -> bool:
        return self.start is None and self.end is None

    def applies(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    primary: str  # "ABU NIDAL ORGANIZATION"
    aliases: tuple[str, ...]  # synonyms, without the primary
    codes: tuple[CodeSpan, ...]
    source: str  # "path:line" of the primary phrase

    @property
    def names(self) -> tuple[str, ...]:
        return (self.primary, *self.aliases)

    def code_on(self, when: date | None = None) -> str | None:
        """The code that applies on a date: a date-restricted code valid then, else the default
        code; ``None`` for no code or PETRARCH's null code ``---``."""
        chosen = None
        if when is not None:
            chosen = next((c for c in self.codes if not c.is_default and c.applies(when)), None)
        if chosen is None:
            chosen = next((c for c in reversed(self.codes) if c.is_default), None)
        if chosen is None and when is None and self.codes:
            # undated question: the most recent restriction (an open end is the most recent)
            chosen = max(self.codes, key=lambda c: (c.end or date.max, c.start or date.min))
        return None if chosen is None or chosen.code == NULL_CODE else chosen.code


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str  # "ATTORNEY GENERAL"
    forms: tuple[str, ...]  # phrase and plurals
    code: str  # "GOV" (without the tilde)
    prefix: bool  # True for "NGO~": the code goes before the actor code
    source: str


def phrase_key(text: str) -> str:
    """Lookup key of a phrase: underscores and punctuation as spaces, case and diacritics folded."""
    s = fold(text.replace("_", " "))
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def _display(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").split())


# ----------------------------------------------------------------------------------------------
# Reading lines
# ----------------------------------------------------------------------------------------------


def _check_file(path: Path) -> None:
    if not path.exists():
        raise FileNotFoundError(f"CAMEO dictionary not found: {path}")
    if path.is_dir():
        raise IsADirectoryError(f"CAMEO dictionary path is a directory, expected a file: {path}")


def _lines(path: Path, warnings: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, text without comments) for every non-blank line, streamed."""
    in_comment = False
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("latin-1")
                warnings.append(f"{path}:{n}: not valid UTF-8, read as Latin-1")
            line = line.rstrip("\r\n")
            # <!-- ... --> comments, possibly over several lines
            out = ""
            while line:
                if in_comment:
                    end = line.find("-->")
                    if end < 0:
                        line = ""
                        break
                    line = line[end + 3 :]
                    in_comment = False
                else:
                    start = line.find("<!--")
                    if start < 0:
                        out += line
                        break
                    out += line[:start]
                    line = line[start + 4 :]
                    in_comment = True
            line = out.split("#", 1)[0]
            if line.strip():
                yield n, line
    if in_comment:
        warnings.append(f"{path}: unterminated <!-- comment at end of file")


_BRACKET_RE = re.compile(r"\[([^\[\]{}]*)([\]}])?")


def _parse_date(text: str) -> date:
    """YYMMDD (years < 30 are 20xx, as in PETRARCH's data) or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"bad date {text!r} (expected YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date {text!r}") from None


def _parse_code_span(body: str) -> CodeSpan:
    parts = body.split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0].upper()
    if len(parts) == 1:
        return CodeSpan(code)
    rest = parts[1].replace(" ", "")
    if rest.startswith(">"):
        return CodeSpan(code, start=_parse_date(rest[1:]))
    if rest.startswith("<"):
        return CodeSpan(code, end=_parse_date(rest[1:]))
    if "-" in rest:
        a, _, b = rest.partition("-")
        start, end = _parse_date(a), _parse_date(b)
        if end < start:
            raise ValueError(f"date range {rest!r} ends before it starts")
        return CodeSpan(code, start, end)
    raise ValueError(f"cannot read date restriction {rest!r}")


def _codes_in(text: str, where: str, warnings: list[str]) -> tuple[str, list[CodeSpan]]:
    """(text before the first bracket, code spans); malformed brackets are reported."""
    first = text.find("[")
    head = text if first < 0 else text[:first]
    spans: list[CodeSpan] = []
    if first < 0:
        return head, spans
    for m in _BRACKET_RE.finditer(text, first):
        body, close = m.group(1), m.group(2)
        if close is None:
            warnings.append(f"{where}: unclosed '[' in {text.strip()!r}")
            continue
        if close == "}":
            warnings.append(f"{where}: '[' closed by '}}' in {text.strip()!r}, read as ']'")
        try:
            spans.append(_parse_code_span(body.strip()))
        except ValueError as e:
            warnings.append(f"{where}: {e}; code skipped")
    return head, spans


# ----------------------------------------------------------------------------------------------
# Actor dictionaries
# ----------------------------------------------------------------------------------------------


@dataclass
class _Names:
    """Lookup by folded phrase, and (built on first use) by transliteration-aware name key."""

    by_key: dict[str, list[int]] = field(default_factory=dict)
    _by_skeleton: dict[str, list[str]] | None = None

    def add(self, name: str, i: int) -> None:
        bucket = self.by_key.setdefault(phrase_key(name), [])
        if i not in bucket:
            bucket.append(i)

    def exact(self, name: str) -> list[int]:
        return list(self.by_key.get(phrase_key(name), ()))

    def variants(self, name: str) -> list[int]:
        """Entries whose name is a spelling variant: candidates share a skeleton key
        (``newsgraph.kb.keys``; the table is built on first use), ``names_match`` decides."""
        if self._by_skeleton is None:
            table: dict[str, list[str]] = {}
            for k in self.by_key:
                for sk in skeleton_keys(k, spelling=True):
                    table.setdefault(sk, []).append(k)
            self._by_skeleton = table
        q = phrase_key(name)
        out: list[int] = []
        for sk in skeleton_keys(q, spelling=True):
            for k in self._by_skeleton.get(sk, ()):
                if names_match(q, k):
                    out.extend(i for i in self.by_key[k] if i not in out)
        return out


@dataclass
class ActorDictionary:
    path: Path | None
    entries: list[ActorEntry]
    warnings: list[str]
    _names: _Names = field(default_factory=_Names, repr=False)

    def __post_init__(self) -> None:
        for i, e in enumerate(self.entries):
            for n in e.names:
                self._names.add(n, i)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str, fuzzy: bool = True) -> list[ActorEntry]:
        """Entries with this name or alias: the exact (folded) phrase, else, with ``fuzzy``, a
        spelling variant by ``newsgraph.names.normalize`` ("Abu Nidal Organisation").  Variants
        are weaker evidence: they can join unrelated short names."""
        ids = self._names.exact(name)
        if not ids and fuzzy:
            ids = self._names.variants(name)
        return [self.entries[i] for i in ids]


class _ActorBuilder:
    def __init__(self, path: Path, warnings: list[str]):
        self.path = path
        self.warnings = warnings
        self.entries: list[ActorEntry] = []
        self._names: list[str] = []
        self._codes: list[CodeSpan] = []
        self._line = 0
        self._bracketed = False  # the current entry had a code bracket, even a malformed one

    def _where(self, n: int) -> str:
        return f"{self.path}:{n}"

    def primary(self, n: int, line: str) -> None:
        head, codes = _codes_in(line, self._where(n), self.warnings)
        name = _display(head.split(";", 1)[0])
        if not name:
            self.warnings.append(f"{self._where(n)}: code without a phrase: {line.strip()!r}")
            return
        if self._names and (self._codes or self._bracketed):
            self.flush()
        # a primary phrase without codes shares the codes of the next entry (see module doc);
        # one whose brackets were all malformed does not: its author meant it to stand alone
        if not self._names:
            self._line = n
        self._names.append(name)
        self._codes.extend(codes)
        self._bracketed = self._bracketed or "[" in line

    def synonym(self, n: int, line: str) -> None:
        head, codes = _codes_in(line[1:], self._where(n), self.warnings)
        if not self._names:
            self.warnings.append(f"{self._where(n)}: synonym before any primary phrase: {line.strip()!r}")
            return
        parts = [p for p in head.split(";", 1)[0].split("+")]
        if len(parts) > 1:
            self.warnings.append(f"{self._where(n)}: '+' inside a synonym, read as {len(parts)} synonyms")
        for p in parts:
            if _display(p):
                self._names.append(_display(p))
        self._codes.extend(codes)
        self._bracketed = self._bracketed or "[" in line

    def restriction(self, n: int, line: str) -> None:
        if not self._names:
            self.warnings.append(f"{self._where(n)}: date restriction before any primary phrase: {line.strip()!r}")
            return
        head, codes = _codes_in(line, self._where(n), self.warnings)
        if head.strip():
            self.warnings.append(f"{self._where(n)}: text before '[' in a date restriction: {line.strip()!r}")
        self._codes.extend(codes)
        self._bracketed = True

    def flush(self) -> None:
        if not self._names:
            return
        if not self._codes:
            self.warnings.append(f"{self._where(self._line)}: entry {self._names[0]!r} has no code")
        names = list(dict.fromkeys(self._names))
        self.entries.append(ActorEntry(names[0], tuple(names[1:]), tuple(self._codes), self._where(self._line)))
        self._names, self._codes, self._bracketed = [], [], False


def load_actor_dictionary(path: str | Path) -> ActorDictionary:
    """Read one actor dictionary; see the module docstring for the format."""
    path = Path(path)
    _check_file(path)
    warnings: list[str] = []
    b = _ActorBuilder(path, warnings)
    for n, line in _lines(path, warnings):
        if line[0] == "+":
            b.synonym(n, line)
        elif line[0] in " \t" or line.lstrip().startswith("["):
            if line.strip().startswith("["):
                b.restriction(n, line)
            elif line.strip().startswith("+"):
                b.synonym(n, line.strip())
            else:
                b.primary(n, line.strip())  # an indented phrase: leniently a primary phrase
        else:
            b.primary(n, line)
    b.flush()
    return ActorDictionary(path, b.entries, warnings)


# ----------------------------------------------------------------------------------------------
# Agent dictionaries
# ----------------------------------------------------------------------------------------------


@dataclass
class AgentDictionary:
    path: Path | None
    entries: list[AgentEntry]
    warnings: list[str]
    _by_form: dict[str, list[AgentEntry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for e in self.entries:
            for f in e.forms:
                self._by_form.setdefault(phrase_key(f), []).append(e)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, phrase: str) -> list[AgentEntry]:
        """Entries whose phrase or one of its plurals is ``phrase`` ("insurgents", "Foreign Minister")."""
        return list(self._by_form.get(phrase_key(phrase), ()))

    def agent_code(self, phrase: str) -> str | None:
        """The agent code of a role word ("insurgent" -> "REB"), or ``None``."""
        found = self.lookup(phrase)
        return found[0].code if found else None


def _plurals(phrase: str) -> list[str]:
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY", "UY")):
        return [phrase[:-1] + "IES"]
    if phrase.endswith(("S", "X", "CH", "SH")):
        return [phrase + "ES"]
    return [phrase + "S"]


_MARKER_DEF_RE = re.compile(r"^\s*!([^!\s]+)!\s*=\s*(.*)$")
_MARKER_USE_RE = re.compile(r"!([^!\s]*)!")


def load_agent_dictionary(path: str | Path) -> AgentDictionary:
    """Read an agent dictionary; see the module docstring for the format."""
    path = Path(path)
    _check_file(path)
    warnings: list[str] = []
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for n, line in _lines(path, warnings):
        where = f"{path}:{n}"
        m = _MARKER_DEF_RE.match(line)
        if m:
            items = [i.strip().upper() for i in m.group(2).split(",") if i.strip()]
            if not items:
                warnings.append(f"{where}: empty substitution set !{m.group(1)}!")
            markers[m.group(1).upper()] = items
            continue
        if "[" not in line:
            warnings.append(f"{where}: agent without a code: {line.strip()!r}")
            continue
        head, codes = _codes_in(line, where, warnings)
        if not codes:
            continue  # reported by _codes_in
        raw_code = codes[0].code
        prefix = raw_code.endswith("~")
        if not (prefix or raw_code.startswith("~")):
            warnings.append(f"{where}: agent code {raw_code!r} lacks '~'")
        code = raw_code.strip("~")
        if not code:
            warnings.append(f"{where}: empty agent code")
            continue
        plural_forms: list[str] | None = None
        if "{" in head:
            if "}" not in head:
                warnings.append(f"{where}: missing '}}' in {line.strip()!r}; line skipped")
                continue
            inner = head[head.index("{") + 1 : head.index("}")]
            plural_forms = [_display(p).upper() for p in inner.split()]
            head = head[: head.index("{")]
        phrase = _display(head).upper()
        if not phrase:
            warnings.append(f"{where}: code without a phrase: {line.strip()!r}")
            continue
        use = _MARKER_USE_RE.search(phrase)
        if use:
            subst = markers.get(use.group(1).upper())
            if subst is None:
                warnings.append(f"{where}: substitution marker !{use.group(1)}! is not defined; line skipped")
                continue
            # every item replaces the marker; no plurals are formed (they are in the set)
            for item in subst:
                form = phrase[: use.start()] + item + phrase[use.end() :]
                entries.append(AgentEntry(" ".join(form.split()), (" ".join(form.split()),), code, prefix, where))
            continue
        forms = [phrase] + (plural_forms if plural_forms is not None else _plurals(phrase))
        entries.append(AgentEntry(phrase, tuple(dict.fromkeys(forms)), code, prefix, where))
    return AgentDictionary(path, entries, warnings)


# ----------------------------------------------------------------------------------------------
# A set of dictionaries
# ----------------------------------------------------------------------------------------------


@dataclass
class CameoDictionaries:
    actors: list[ActorDictionary]
    agents: list[AgentDictionary]

    @property
    def warnings(self) -> list[str]:
        return [w for d in [*self.actors, *self.agents] for w in d.warnings]

    def lookup(self, name: str, fuzzy: bool = True) -> list[ActorEntry]:
        """Actor entries for a name over all actor dictionaries, in loading order; spelling
        variants only when no dictionary has the exact phrase."""
        out = [e for d in self.actors for e in d.lookup(name, fuzzy=False)]
        if not out and fuzzy:
            out = [e for d in self.actors for e in d.lookup(name, fuzzy=True)]
        return out

    def agent_code(self, role_word: str) -> str | None:
        for d in self.agents:
            code = d.agent_code(role_word)
            if code is not None:
                return code
        return None


def _is_agent_file(path: Path) -> bool:
    return "agent" in path.name.lower()


def load_dictionaries(source: str | Path | Iterable[str | Path]) -> CameoDictionaries:
    """Load actor and agent dictionaries from a directory or from a list of files.

    A directory contributes its ``*.actors.txt`` and ``*.agents.txt`` files, except the
    ``*.Validate.*`` test-suite dictionaries of the PETRARCH distribution (list those explicitly
    to load them).  In a list of files, a file whose name contains "agent" is an agent
    dictionary, any other an actor dictionary.
    """
    if isinstance(source, (str, Path)):
        root = Path(source)
        if not root.exists():
            raise FileNotFoundError(f"CAMEO dictionary path not found: {root}")
        if root.is_dir():
            files = sorted(
                p
                for p in root.iterdir()
                if p.is_file() and p.name.lower().endswith((".actors.txt", ".agents.txt")) and ".validate." not in p.name.lower()
            )
            if not files:
                raise FileNotFoundError(f"no *.actors.txt or *.agents.txt dictionaries in {root}")
        else:
            files = [root]
    else:
        files = [Path(p) for p in source]
    actors = [load_actor_dictionary(p) for p in files if not _is_agent_file(p)]
    agents = [load_agent_dictionary(p) for p in files if _is_agent_file(p)]
    return CameoDictionaries(actors, agents)


# ----------------------------------------------------------------------------------------------
# What a code says
# ----------------------------------------------------------------------------------------------

# Three-letter role and attribute codes of the CAMEO codebook (ch. 3, "Actor codes").
ROLE_CODES: dict[str, str] = {
    "COP": "police", "GOV": "government", "INS": "insurgents", "JUD": "judiciary", "MIL": "military",
    "OPP": "opposition", "REB": "rebels", "SEP": "separatists", "SPY": "intelligence",
    "UAF": "unaligned armed forces", "AGR": "agriculture", "BUS": "business", "CRM": "criminal",
    "CVL": "civilians", "DEV": "development", "EDU": "education", "ELI": "elites", "ENV": "environment",
    "HLH": "health", "HRI": "human rights", "LAB": "labour", "LEG": "legislature", "MED": "media",
    "REF": "refugees", "MOD": "moderate", "RAD": "radical", "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation", "NGM": "non-governmental movement", "MNC": "multinational company",
    "IMG": "international militarised group", "PTY": "political party", "ATH": "atheist", "BAH": "Baha'i",
    "BUD": "Buddhist", "CHR": "Christian", "CON": "Confucian", "HIN": "Hindu", "JAN": "Jain", "JEW": "Jewish",
    "MOS": "Muslim", "MUS": "Muslim", "SHI": "Shia", "SUN": "Sunni", "ALE": "Alawite", "DRZ": "Druze",
    "SIK": "Sikh", "SHN": "Shinto", "TAO": "Taoist", "ZRO": "Zoroastrian",
}


def describe_code(code: str) -> dict:
    """Country and roles a CAMEO code spells, three letters at a time: "IRQGOVMIL" ->
    {"code": ..., "country": "IRQ", "roles": ["government", "military"], "other": []}. A first
    group that is an ISO 3166 alpha-3 code is the country; groups the codebook does not list are
    kept under "other" (dictionary-specific codes such as Phoenix's "ISI")."""
    from .countries import country

    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    out: dict = {"code": code, "country": None, "roles": [], "other": []}
    for k, part in enumerate(parts):
        if k == 0 and len(part) == 3:
            c = country(part)
            if c is not None and c.alpha3 == part:
                out["country"] = part
                continue
        if part in ROLE_CODES:
            out["roles"].append(ROLE_CODES[part])
        else:
            out["other"].append(part)
    return out
