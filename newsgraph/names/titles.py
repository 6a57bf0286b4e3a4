"""Titles, honorifics and roles in front of names: split a mention into (title, name).

The vocabulary below is generic English/Arabic/Persian title vocabulary (ranks, offices, religious
honorifics), not names taken from any corpus.

Two classes of title word are distinguished:

* honorifics (Sheikh, Sayyed, Ayatollah, Imam, Haj, Mr ...) are also found *inside* proper names
  ("Kataib Sayyid al-Shuhada"), so they are split off only when everything before them is itself
  title material (other titles, modifiers such as "former", demonyms such as "Iraqi", possessives
  such as "Iraq's");
* roles and ranks (spokesman, commander, Minister, Gen. ...) may follow an arbitrary descriptor
  ("Kataib Hezbollah spokesman X", "Defense Secretary X", "Iraqi army Col. X").

A split happens only when a name remains after the title and that name begins like a name (a
capitalised word or a name particle such as al-/bin/abu).
"""

from __future__ import annotations

import re

__all__ = ["split_title", "title_end", "HONORIFICS", "ROLES", "is_title_phrase"]

def _vocab(items: list[str]) -> frozenset[str]:
    return frozenset(" ".join(i.split()) for i in items if i.strip())


# Multi-word entries are matched as phrases; dots are ignored ("Lt. Col." == "lt col").
HONORIFICS: frozenset[str] = _vocab(
    """
    grand ayatollah|ayatollah|ayatullah|hojatoleslam|hojjatoleslam|hujjat al-islam|hujjatulislam|
    sheikh|shaikh|shaykh|sheik|sheykh|sayyed|sayyid|sayed|seyed|seyyed|syed|sayyida|sayeda|
    imam|mullah|mulla|mufti|grand mufti|allamah|allama|maulana|mawlana|
    haj|hajj|haji|hajji|hajja|mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|
    pope|patriarch|cardinal|archbishop|bishop|father|rabbi|reverend|rev|mar|
    king|queen|prince|princess|crown prince|emir|sultan|sheikha|
    mujahid
    """.split("|")
)

ROLES: frozenset[str] = _vocab(
    """
    general|gen|lieutenant general|lt gen|ltgen|lieutenant colonel|lt col|ltcol|major general|maj gen|
    brigadier general|brig gen|brigadier|brig|colonel|col|major|maj|captain|capt|lieutenant|lt|
    first lieutenant|second lieutenant|sergeant|sgt|staff sergeant|staff sgt|master sergeant|
    corporal|cpl|lance corporal|private|pvt|specialist|spc|admiral|adm|vice admiral|rear admiral|
    commander|cmdr|cdr|field marshal|marshal|air marshal|commodore|staff general|
    staff major general|staff maj gen|staff lieutenant general|staff lt gen|staff brigadier general|
    staff brig gen|staff colonel|staff col|
    president|vice president|president-elect|prime minister|deputy prime minister|premier|
    minister|foreign minister|defence minister|defense minister|interior minister|
    chancellor|secretary|secretary of state|secretary-general|secretary general|undersecretary|
    under secretary|ambassador|envoy|special envoy|governor|deputy governor|mayor|senator|sen|
    representative|rep|congressman|congresswoman|lawmaker|mp|legislator|deputy|speaker|
    judge|justice|chief justice|attorney general|prosecutor|
    spokesman|spokeswoman|spokesperson|leader|supreme leader|chief|head|chairman|chairwoman|
    chairperson|director|director-general|director general|official|adviser|advisor|aide|
    commander-in-chief|emissary|militant|fighter|cleric|preacher|analyst|correspondent|
    reporter|editor|founder|co-founder|member|activist|researcher|officer|soldier|colonel-general
    """.split("|")
)

_ALL_TITLES = HONORIFICS | ROLES
_MAX_TITLE_WORDS = max(len(t.split()) for t in _ALL_TITLES)

MODIFIERS: frozenset[str] = frozenset(
    "former then late the acting deputy vice interim caretaker outgoing incoming top senior new "
    "ex retired veteran powerful influential prominent fellow local regional national military "
    "army police security militia tribal religious spiritual de facto self-styled self-proclaimed "
    "so-called assistant associate".split()
)

_NON_NAME_WORDS = frozenset("of the for and in on to at with against by from".split())
_WORD = re.compile(r"\S+")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:i|is|ian|ians|ean|an|ese|ish|ic)$")
_NAME_START = re.compile(r"^(?:[A-Z\u00C0-\u024F\u1E00-\u1EFF]|(?:al|el|ul|ad|ar|as|ash|at|az|an|bin|ibn|bint|abu|abou|umm|de|van|von)\b)")


def _clean(word: str) -> str:
    return word.strip(",;:()\"“”").replace(".", "").lower()


def _title_at(words: list[str], i: int) -> int:
    """Length in words of the longest title phrase starting at words[i], 0 if none."""
    for n in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
        phrase = " ".join(_clean(w) for w in words[i : i + n])
        if phrase in _ALL_TITLES or "-" in phrase and phrase.replace("-", " ") in _ALL_TITLES:
            return n  # "Major-General" is "Major General"
    return 0


def is_title_phrase(text: str) -> bool:
    """True when the whole text is a title phrase ("Lt. Col.", "Grand Ayatollah")."""
    return " ".join(_clean(w) for w in text.split()) in _ALL_TITLES


def _strict_prefix_ok(words: list[str]) -> bool:
    """Everything before an honorific must itself be title material."""
    i = 0
    while i < len(words):
        n = _title_at(words, i)
        if n:
            i += n
            continue
        w = words[i].strip(",")
        lw = _clean(w)
        if lw in MODIFIERS or lw.rstrip("-") in MODIFIERS or lw.startswith(("ex-", "then-")):
            i += 1
            continue
        if _DEMONYM.match(w) or w.endswith(("'s", "’s")) or (w.replace(".", "").isupper() and len(w) <= 6):
            i += 1
            continue
        return False
    return True


def title_end(mention: str) -> int:
    """Offset in ``mention`` where the name starts after any leading title (0 when there is none)."""
    matches = list(_WORD.finditer(mention))
    words = [m.group() for m in matches]
    best = 0
    i = 0
    while i < len(words):
        n = _title_at(words, i)
        if not n:
            i += 1
            continue
        j = i + n
        if j >= len(words):
            break  # nothing left after the title: no name to split off
        nxt = words[j]
        if words[j - 1].endswith(("'s", "’s")) or not _NAME_START.match(nxt.lstrip("\"“'(")):
            i += 1
            continue
        if any(_clean(w) in _NON_NAME_WORDS for w in words[j:]):
            break  # "General Command of the Armed Forces": what follows is not a person's name
        phrase = " ".join(_clean(w) for w in words[i:j])
        first = _clean(words[i])
        lenient = phrase in ROLES or first in ROLES
        if lenient or _strict_prefix_ok(words[:i]):
            best = matches[j].start()
        i = j
    return best


def split_title(mention: str) -> tuple[str, str]:
    """Split ``mention`` into (title, name); title is "" when none is found.

    >>> split_title("Grand Ayatollah Ali al-Sistani")
    ('Grand Ayatollah', 'Ali al-Sistani')
    >>> split_title("Kataib Sayyid al-Shuhada")
    ('', 'Kataib Sayyid al-Shuhada')
    """
    cut = title_end(mention)
    if not cut:
        return "", mention.strip()
    return mention[:cut].strip().rstrip(","), mention[cut:].strip()
