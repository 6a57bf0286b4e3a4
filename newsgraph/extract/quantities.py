"""Counted quantities in news text: "killing seven fighters" -> killed 7, "about 5,000 troops" -> troops 5000.

Entry point: :func:`find_quantities`. Pure, rule-based, English news prose; no model, so it can run
on any text span and costs a few microseconds per sentence.

What a number counts is read from its neighbours, most telling first:

1. a casualty word right after it: "nine wounded", "five dead";
2. a casualty verb right before it: "killing seven", "wounded 5 others", "the toll rose to 11";
3. a casualty predicate after the counted noun phrase: "seven fighters from the militia were
   killed", "six shepherds who were abducted", "three soldiers died";
4. the counted noun itself: "2,000 fighters", "three rockets", "dozens of vehicles".

A number coordinated with a later one that has a casualty predicate shares it ("Two fighters and
one policeman died" -> killed 2, killed 1). Numbers whose count is unknown ("three days", "19 and
52") are not reported.

Never counted: years and dates ("March 9", "Dec. 4", "in 2017"), ages ("34-year-old", "aged 19",
"Ali, 34,"), times ("2:30 a.m."), percentages, money, distances and other measures ("30
kilometers"), unit names ("Brigade 52", "K1"), "one of the", and ordinals ("3rd", "third").

``value`` is the number as stated; for vague amounts it is the lower bound ("dozens" -> 24,
"hundreds" -> 200) and ``approx`` names the vague word. Stated qualifiers go to ``approx`` ("at
least", "more than", "about", "up to", "nearly", "some", ...). A count that is part of a larger one
("30 people, including seven children", "among them four women") has ``scope`` "part", and a
running total ("the war has killed 280,000 people since 2011", "so far") has ``scope`` "cumulative":
neither is an incident's own count, and neither contradicts one.
"""

from __future__ import annotations

import re

from newsgraph.types import Quantity

__all__ = ["find_quantities", "counted", "KINDS", "COORDINATION"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague plurals: (lower bound, approx label)
_VAGUE = {"dozens": (24, "dozens"), "scores": (40, "scores"), "hundreds": (200, "hundreds"),
          "thousands": (2000, "thousands"), "millions": (2_000_000, "millions")}

# Qualifiers, longest first so "at least" wins over "least".
_QUALIFIERS = sorted(
    ["at least", "more than", "over", "about", "around", "nearly", "almost", "some", "up to", "roughly",
     "approximately", "an estimated", "estimated", "as many as", "fewer than", "less than", "close to",
     "upwards of", "at most", "no fewer than", "no less than", "in excess of", "approx", "just over",
     "just under", "well over", "under", "nearly all", "a total of", "at least another", "another",
     "roughly", "maybe", "perhaps", "possibly", "as few as"],
    key=lambda q: -len(q.split()),
)
_NOT_APPROX = {"a total of", "another", "at least another"}

# What the counted noun says (singular and plural forms both listed via _plural below).
_NOUN_KIND = {
    "troops": "troops", "troop": "troops", "soldier": "troops", "serviceman": "troops",
    "servicemen": "troops", "servicemember": "troops", "personnel": "personnel", "officer": "troops",
    "policeman": "police", "policemen": "police", "police": "police", "policemen's": "police",
    "fighter": "fighters", "militant": "fighters", "militiaman": "fighters", "militiamen": "fighters",
    "gunman": "fighters", "gunmen": "fighters", "rebel": "fighters", "insurgent": "fighters",
    "jihadist": "fighters", "combatant": "fighters", "guerrilla": "fighters", "commando": "fighters",
    "mercenary": "fighters", "paramilitary": "fighters", "attacker": "fighters", "bodyguard": "fighters",
    "guard": "fighters", "recruit": "recruits", "conscript": "recruits", "volunteer": "recruits",
    "adviser": "advisers", "advisor": "advisers", "trainer": "advisers", "instructor": "advisers",
    "member": "members", "commander": "commanders", "leader": "commanders",
    "civilian": "civilians", "resident": "civilians", "villager": "civilians", "shepherd": "civilians",
    "farmer": "civilians", "worker": "civilians", "student": "civilians", "child": "civilians",
    "children": "civilians", "woman": "civilians", "women": "civilians", "pilgrim": "civilians",
    "worshipper": "civilians", "passenger": "civilians", "journalist": "civilians", "driver": "civilians",
    "citizen": "civilians", "baby": "civilians", "infant": "civilians", "medic": "civilians",
    "paramedic": "civilians", "nurse": "civilians", "patient": "civilians",
    "doctor": "civilians", "teacher": "civilians", "boy": "civilians", "girl": "civilians",
    "people": "people", "person": "people", "persons": "people", "man": "people", "men": "people",
    "individual": "people", "family": "families", "suspect": "suspects", "prisoner": "prisoners",
    "detainee": "prisoners", "hostage": "hostages", "captive": "hostages", "refugee": "displaced",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
    "mourner": "mourners", "vehicle": "vehicles", "car": "vehicles", "truck": "vehicles",
    "tank": "vehicles", "humvee": "vehicles", "pickup": "vehicles", "convoy": "convoys",
    "rocket": "rockets", "missile": "missiles", "drone": "drones", "shell": "shells",
    "mortar": "shells", "bomb": "bombs", "airstrike": "airstrikes", "strike": "strikes",
    "checkpoint": "checkpoints", "post": "checkpoints", "position": "positions", "village": "villages",
    "house": "houses", "home": "houses", "building": "buildings", "aircraft": "aircraft",
    "helicopter": "aircraft", "plane": "aircraft", "jet": "aircraft", "weapon": "weapons",
    "rifle": "weapons", "attack": "attacks", "body": "bodies", "corpse": "bodies",
}
# Words that name what a number measures but is not a count of anything we track.
_MEASURE = re.compile(
    r"(?:-|\s)*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|nights?|decades?|centur(?:y|ies)|"
    r"times|percent|per\s*cent|pc|%|kilomet(?:er|re)s?|km|kms|miles?|met(?:er|re)s?|m|feet|foot|ft|"
    r"yards?|inches|kilograms?|kg|kilos?|tons?|tonnes?|pounds?|lbs?|litres?|liters?|gallons?|barrels?|"
    r"degrees?|dollars?|euros?|dinars?|riyals?|liras?|pounds sterling|rupees?|yuan|rubles?|roubles?|"
    r"shekels?|afghanis?|usd|a\.m\.|p\.m\.|am|pm|o'clock|gmt|utc|square|sq|hectares?|acres?|"
    r"mm|cm|calibre|caliber|points?|votes?|seats?|-strong)\b",
    re.I,
)
_MONTHS = {m.lower() for m in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that may precede a count ("In 2,000 cases" is rare; "Brigade 52" is a name).
_FUNCTION_WORDS = {
    "in", "on", "at", "by", "of", "the", "for", "with", "from", "to", "and", "but", "some", "about",
    "around", "nearly", "almost", "over", "up", "more", "at", "least", "an", "a", "another", "only",
    "all", "roughly", "approximately", "as", "just", "while", "when", "after", "before", "since",
    "killing", "wounding", "including", "among", "another", "those", "these", "their", "its", "his",
    "her", "our", "than", "under", "estimated", "fewer", "less", "close", "upwards", "nearly",
}

# After the number (or after the counted noun): a casualty word.
_DIRECT = {
    "dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
    "missing": "missing", "abducted": "abducted", "kidnapped": "abducted", "arrested": "arrested",
    "detained": "arrested", "displaced": "displaced", "captured": "captured", "homeless": "displaced",
    "deaths": "killed", "fatalities": "killed",
}
# Before the number: a casualty verb.
_BEFORE = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed", "wounding": "wounded",
    "wounded": "wounded", "wound": "wounded", "injuring": "wounded", "injured": "wounded",
    "injure": "wounded", "abducting": "abducted", "abducted": "abducted", "abduct": "abducted",
    "kidnapping": "abducted", "kidnapped": "abducted", "kidnap": "abducted", "arresting": "arrested",
    "arrested": "arrested", "arrest": "arrested", "detaining": "arrested", "detained": "arrested",
    "detain": "arrested", "displacing": "displaced", "displaced": "displaced", "executing": "killed",
    "executed": "killed", "capturing": "captured", "captured": "captured", "freed": "released",
    "released": "released", "releasing": "released", "freeing": "released", "destroyed": "destroyed",
    "destroying": "destroyed", "fired": "fired", "firing": "fired", "launched": "fired",
    "launching": "fired", "deployed": "troops", "deploying": "troops", "sent": "troops",
    "rescued": "rescued", "rescuing": "rescued", "evacuated": "displaced",
    # armies' and ministries' word for killing ("eliminated 49 terrorists"), of people only
    "eliminated": "killed", "eliminating": "killed", "liquidated": "killed", "liquidating": "killed",
}
_KILLING_EUPHEMISMS = frozenset(("eliminated", "eliminating", "liquidated", "liquidating"))
# After the counted noun phrase: passive or intransitive casualty predicates.
_PARTICIPLE = {
    "killed": "killed", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
    "abducted": "abducted", "kidnapped": "abducted", "seized": "abducted", "arrested": "arrested",
    "detained": "arrested", "jailed": "arrested", "displaced": "displaced", "executed": "killed",
    "murdered": "killed", "slain": "killed", "shot": "wounded", "captured": "captured",
    "evacuated": "displaced", "missing": "missing", "released": "released", "freed": "released",
    "rescued": "rescued", "taken": "abducted", "massacred": "killed", "beheaded": "killed",
    "dead": "killed", "deployed": "troops", "stationed": "troops", "eliminated": "killed", "liquidated": "killed",
}
_INTRANSITIVE = {"died": "killed", "perished": "killed", "fled": "displaced", "disappeared": "missing",
                 "drowned": "killed"}
_AUX = {"were", "was", "been", "are", "is", "be", "being", "had", "have", "has", "remain", "remained",
        "remains", "went", "go", "who", "which", "that", "reportedly", "also", "later", "all",
        "allegedly", "all", "subsequently", "since", "then", "initially", "either", "both", "each",
        "seriously", "critically", "lightly", "slightly", "badly", "fatally", "shot", "now", "still"}
# Tokens that end the counted phrase's clause.
_BREAK = {"after", "when", "while", "before", "because", "but", "although", "though", "following",
          "said", "says", "say", "told", "according", "if", "than", "until", "during", "as", "where",
          "whereas", "unlike", "despite", "amid"}

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:['’][A-Za-z]+)*|[^\sA-Za-z\d]")

KINDS = frozenset(set(_NOUN_KIND.values()) | set(_DIRECT.values()) | set(_BEFORE.values())
                  | set(_PARTICIPLE.values()) | set(_INTRANSITIVE.values()) | {"protesters"})


def _singular(w: str) -> str:
    if w in _NOUN_KIND:
        return w
    if w.endswith("ies") and w[:-3] + "y" in _NOUN_KIND:
        return w[:-3] + "y"
    if w.endswith("es") and w[:-2] in _NOUN_KIND:
        return w[:-2]
    if w.endswith("s") and w[:-1] in _NOUN_KIND:
        return w[:-1]
    return w


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


# "a child was killed": one victim, counted only when a casualty word says what happened to them
_ONE_PERSON = "one person"
_PERSON_KINDS = frozenset({"troops", "police", "fighters", "civilians", "people", "commanders", "members"})
_SINGULAR_PEOPLE = frozenset(w for w, k in _NOUN_KIND.items() if k in _PERSON_KINDS and not w.endswith(("s", "men")))


def _one_person_after(toks, j: int) -> int | None:
    """"a child", "a two-day-old baby", "a girl child": a person within three words (an age written
    as one hyphenated word counts as one). The index where the counted noun phrase starts (past an
    age, whose number is no count); None when no person follows."""
    words = 0
    for k in range(j, min(j + 9, len(toks))):
        w = toks[k][2].lower()
        if w in _SINGULAR_PEOPLE or w == "baby":
            return k if k > j and toks[k - 1][2].lower() == "old" else j  # past an age: "a 14-year-old boy"
        glued = k > j and (w == "-" or toks[k - 1][2] == "-") and toks[k][0] == toks[k - 1][1]
        if glued:
            continue
        words += 1
        if words > 3 or not toks[k][2][:1].isalnum() or toks[k][2][:1].isupper() or w in ("a", "an", "the", "of", "and"):
            return None
    return None


def _number_at(toks, i) -> tuple[int, int, str | None] | None:
    """(value, next token index, vague label) for a number starting at token ``i``, else None."""
    s, e, w = toks[i]
    lw = w.lower()
    if w[0].isdigit():
        try:
            val = float(w.replace(",", ""))
        except ValueError:
            return None
        j = i + 1
        if j < len(toks) and toks[j][2].lower() in _MULTIPLIERS and toks[j][0] == e + 1:
            val *= _MULTIPLIERS[toks[j][2].lower()]
            j += 1
        return int(val), j, None
    if lw in _VAGUE:
        val, label = _VAGUE[lw]
        j = i + 1
        # "tens of thousands" / "hundreds of thousands"
        if j + 1 < len(toks) and toks[j][2].lower() == "of" and toks[j + 1][2].lower() in ("thousands", "millions"):
            val = val * (1000 if toks[j + 1][2].lower() == "thousands" else 1_000_000)
            label = f"{label} of {toks[j + 1][2].lower()}"
            j += 2
        return val, j, label
    if lw == "tens" and i + 2 < len(toks) and toks[i + 1][2].lower() == "of" and toks[i + 2][2].lower() in ("thousands", "millions"):
        big = toks[i + 2][2].lower()
        return (20_000 if big == "thousands" else 20_000_000), i + 3, f"tens of {big}"
    if lw == "several" and i + 1 < len(toks) and toks[i + 1][2].lower() in ("hundred", "thousand", "dozen"):
        mult = {"hundred": 100, "thousand": 1000, "dozen": 12}[toks[i + 1][2].lower()]
        return 2 * mult, i + 2, "several"
    if lw == "half" and i + 2 < len(toks) and toks[i + 1][2].lower() == "a" and toks[i + 2][2].lower() == "dozen":
        return 6, i + 3, "half a dozen"
    if lw == "a" and i + 1 < len(toks):
        nxt = toks[i + 1][2].lower()
        if nxt == "dozen":
            return 12, i + 2, "a dozen"
        if nxt in ("hundred", "thousand"):
            return _MULTIPLIERS[nxt], i + 2, None
    if lw in ("a", "an") and (after := _one_person_after(toks, i + 1)) is not None:
        return 1, after, _ONE_PERSON
    if lw == "a":
        return None
    if lw == "dozen":
        return 12, i + 1, "a dozen"
    if lw not in _UNITS:
        return None
    # word numbers: "twenty-five", "two hundred", "three thousand five hundred"
    total, current, j = 0, 0, i
    while j < len(toks):
        t = toks[j][2].lower()
        if t in _UNITS:
            current += _UNITS[t]
        elif t in _MULTIPLIERS and j > i:
            current = max(current, 1) * _MULTIPLIERS[t]
            if _MULTIPLIERS[t] >= 1000:
                total, current = total + current, 0
        elif t in ("-", "and") and j > i and j + 1 < len(toks) and toks[j + 1][2].lower() in _UNITS \
                and (t == "-" or toks[j - 1][2].lower() in _MULTIPLIERS):
            pass
        else:
            break
        j += 1
    return total + current, j, None


_CASUALTY_KINDS = frozenset(set(_DIRECT.values()) | set(_INTRANSITIVE.values()))
_RANGE_LINKS = frozenset({"to", "-", "–", "or"})


def _range_end(toks, i: int, j: int) -> tuple[int, int] | str | None:
    """A range starting with the number at ``i`` (ending before ``j``): "10 to 15", "10-15",
    "between 10 and 15", "two or three" -> (the upper figure, index after it); "skip" for a change
    ("rose from 10 to 15"), whose count is the later figure; None for no range."""
    if j + 1 >= len(toks):
        return None
    link = toks[j][2].lower()
    between = i > 0 and toks[i - 1][2].lower() == "between"
    if not (link in _RANGE_LINKS or (link == "and" and between)):
        return None
    second = _number_at(toks, j + 1)
    if second is None or second[2] is not None or second[0] < 0:
        return None
    if link == "to" and i > 0 and toks[i - 1][2].lower() == "from":
        return "skip"
    first = _number_at(toks, i)
    if first is None or second[0] <= first[0]:
        return None
    return second[0], second[1]


def _qualifier(toks, i) -> tuple[str | None, int]:
    """The qualifier words right before token ``i`` and the index where they start."""
    for q in _QUALIFIERS:
        words = q.split()
        k = i - len(words)
        if k >= 0 and [t[2].lower() for t in toks[k:i]] == words:
            return (None if q in _NOT_APPROX else q), k
    return None, i


def _excluded(text: str, toks, i: int, j: int, q_start: int, lo: int) -> bool:
    s, _, w = toks[i]
    e = toks[j - 1][1]
    after = text[e:e + 24]
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "$€£#№:/.") :
        return True  # glued to letters ("K1"), money, times ("2:30"), "No.5"
    if e < len(text) and (text[e].isalpha() or text[e] in "%:/") :
        return True  # "3rd", "5%", "2:30", "9/11"
    if re.match(r"\s*(?:st|nd|rd|th)\b", after) and w[0].isdigit():
        return True
    if _MEASURE.match(after):
        return True
    if re.match(r"\s*-?\s*years?[- ]old|\s*-\s*\w+-old", after):
        return True
    if re.match(r"-[a-z]", after) and not re.match(r"-(?:strong)\b", after):
        return True  # a compound modifier: "four-wheel-drive", "three-day", "two-storey"
    if w[0].isdigit() and 1800 <= int(float(w.replace(",", ""))) <= 2100 and "," not in w and j == i + 1:
        # a year, unless it plainly counts something ("1,900" has a comma; "2000 troops" is rare)
        nxt = toks[j][2].lower() if j < len(toks) else ""
        if _singular(nxt) not in _NOUN_KIND:
            return True
    prev = [t[2] for t in toks[max(0, q_start - 4):q_start]]
    if prev and prev[-1].lower().rstrip(".") in _MONTHS:
        return True
    if len(prev) >= 2 and prev[-1] == "." and prev[-2].lower() in _MONTHS:
        return True
    if j < len(toks) and toks[j][2].lower().rstrip(".") in _MONTHS:
        return True
    if any(p.lower() in ("aged", "ages", "age") for p in prev):
        return True
    if prev and prev[-1] in ("$", "€", "£", "#"):
        return True
    nxt = toks[j][2].lower() if j < len(toks) else ""
    if prev and prev[-1].lower() in _WEEKDAYS and _singular(nxt) in _NOUN_KIND:
        return False  # "On Thursday 23 civilians were killed": a count after the day, not the 23rd
    if prev and q_start == i and w[0].isdigit() and prev[-1][:1].isupper() and prev[-1].lower() not in _FUNCTION_WORDS:
        # "Brigade 52", "Hill 60", and ages in appositions ("Ali, 34,") are handled below
        return True
    if prev and prev[-1] == "," and len(prev) >= 2 and prev[-2][:1].isupper() and re.match(r"\s*,", after):
        return True  # "Ahmed Ali, 34, a farmer"
    lw = w.lower()
    if lw == "one" and j < len(toks) and toks[j][2].lower() in ("of", "another", "side", "day", "point"):
        return True
    return False


def _noun_after(toks, j: int) -> tuple[str | None, int, bool]:
    """(kind of the counted noun, index after it, whether a noun was found) looking from token ``j``."""
    k = j
    if k < len(toks) and toks[k][2].lower() == "of":  # "dozens of", "two of his bodyguards"
        k += 1
    for step in range(5):
        if k >= len(toks):
            break
        w = toks[k][2]
        lw = w.lower()
        sing = _singular(lw)
        if sing in _NOUN_KIND:
            # "police officers": take the last noun of a compound
            if k + 1 < len(toks) and _singular(toks[k + 1][2].lower()) in _NOUN_KIND:
                k += 1
                continue
            return _NOUN_KIND[sing], k + 1, True
        if not w[0].isalpha() and w not in ("-",):
            break
        if lw in _BREAK or lw in _AUX or lw in _DIRECT or lw in _INTRANSITIVE or lw in ("and", "or", "to", "in", "on", "at", "by", "with", "from", "for", "into"):
            break
        k += 1
    if j < len(toks) and toks[j][2].lower() in ("more", "others", "other", "further", "additional"):
        return None, j + 1, True  # "nine more were killed"
    # an unknown noun: still allow a predicate after one or two plural-looking words ("six shepherds")
    if j < len(toks) and toks[j][2].isalpha() and toks[j][2].lower().endswith("s") and toks[j][2].lower() not in _AUX:
        return None, j + 1, True
    return None, j, False


def _predicate_after(toks, k: int, limit: int) -> tuple[str | None, int | None]:
    """A casualty predicate in the clause after the counted phrase; also the index of a coordinated
    number ("Two fighters and one policeman died") when the scan stops there."""
    n = 0
    while k < len(toks) and n < 12 and toks[k][0] < limit:
        w = toks[k][2]
        lw = w.lower()
        if w in (".", ";", ":", "(") or lw in _BREAK:
            return None, None
        if lw in _INTRANSITIVE:
            return _INTRANSITIVE[lw], None
        if lw == "lost" and k + 2 < len(toks) and toks[k + 2][2].lower() == "lives":
            return "killed", None
        if lw in _PARTICIPLE and k > 0 and toks[k - 1][2].lower() in _AUX:
            return _PARTICIPLE[lw], None
        if lw == "went" and k + 1 < len(toks) and toks[k + 1][2].lower() == "missing":
            return "missing", None
        if w[0].isdigit() or lw in _UNITS or lw in _VAGUE:
            if k > 0 and toks[k - 1][2].lower() == "and":
                return None, k
            if k > 0 and toks[k - 1][2].lower() in _INNER_COUNT_CUES:
                # "23 civilians including nine children were killed", "six civilians from one family
                # died": a count inside the phrase; the predicate further on is the whole count's
                k += 1
                n += 1
                continue
            return None, None
        if lw in ("and", "or") and k + 1 < len(toks) and (toks[k + 1][2][0].isdigit() or toks[k + 1][2].lower() in _UNITS):
            k += 1
            n += 1
            continue
        k += 1
        n += 1
    return None, None


_TOLL_VERBS = frozenset({"claiming", "claimed"})
_INNER_COUNT_CUES = frozenset({"including", "among", "them", "whom", "from", "of"})


def _kind_before(toks, q_start: int) -> str | None:
    prev = [t[2].lower() for t in toks[max(0, q_start - 5):q_start]]
    if not prev:
        return None
    if prev[-1] in _BEFORE:
        return _BEFORE[prev[-1]]
    # "killing seven fighters and wounding five others" is covered above; "the death toll rose to 11",
    # "put the toll at 11", "a toll of 11"
    if prev[-1] in _TOLL_VERBS:
        return "killed"  # "a car bomb ... claiming eight": a toll; what else it claims is no count of people
    if prev[-1] in ("to", "at", "of", "reached", "hit", "stood", "is", "was") and "toll" in prev:
        return "killed"
    if prev[-1] in ("at", "of") and ("crowd" in prev or "crowds" in prev or "turnout" in prev):
        return "protesters"
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in ("deaths", "killing", "killings", "lives"):
        return "killed"
    if len(prev) >= 2 and prev[-1] in ("including", "leaving", "left") and prev[-2] in _BEFORE:
        return None
    return None


def _part_of_larger(toks, q_start: int) -> bool:
    before = [t[2].lower() for t in toks[max(0, q_start - 2):q_start]]
    # "among them four women" is a part; "was among 12 people killed" names the whole
    return bool(before) and (before[-1] in ("including", "includes", "include")
                             or before[-2:] == ["among", "them"] or before[-2:] == ["among", "those"]
                             or before[-2:] == ["of", "whom"])


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Counted quantities in ``text[start:end]``, in text order; offsets index ``text``."""
    end = len(text) if end is None else min(end, len(text))
    if start >= end:
        return []
    toks = _tokens(text, start, end)
    found: list[tuple[int, int, int, str | None, str | None, int | None, int]] = []
    i = 0
    while i < len(toks):
        num = _number_at(toks, i)
        if num is None or num[1] <= i:
            i += 1
            continue
        value, j, vague = num
        rng = _range_end(toks, i, j)
        if rng == "skip":  # "rose from 10 to 15": the count is the later figure
            i = j
            continue
        qual, q_start = _qualifier(toks, i)
        if isinstance(rng, tuple):
            high, j = rng
            vague = f"{value} to {high}"  # a range counts as its lower bound (ACLED)
            if q_start == i and i > 0 and toks[i - 1][2].lower() == "between":
                q_start = i - 1
        if _excluded(text, toks, i, j, q_start, start):
            i = j
            continue
        one_person = vague == _ONE_PERSON
        if one_person:
            vague = None
        approx = qual or vague
        if qual and vague:
            approx = f"{qual} {vague}"
        kind = None
        coord = None
        if j < len(toks) and toks[j][2].lower() in _DIRECT:
            kind = _DIRECT[toks[j][2].lower()]
        elif j < len(toks) and toks[j][2].lower() in _INTRANSITIVE:  # "hundreds fled"
            kind = _INTRANSITIVE[toks[j][2].lower()]
        if kind is None:
            kind = _kind_before(toks, q_start)
        noun_kind, k, has_noun = _noun_after(toks, j)
        if q_start > 0 and toks[q_start - 1][2].lower() in _TOLL_VERBS | _KILLING_EUPHEMISMS \
                and noun_kind not in (None, *_PERSON_KINDS):
            kind = None  # "claimed 40 attacks" counts attacks, "eliminated 20 vehicles" vehicles, not the dead
        if kind is None and k < len(toks) and toks[k][2].lower() in _DIRECT and has_noun:
            kind = _DIRECT[toks[k][2].lower()]  # "five people dead"
        if kind is None and (has_noun or j < len(toks) and toks[j][2].lower() in _AUX):
            kind, coord = _predicate_after(toks, k, end)
        if kind is None and noun_kind is None and not has_noun and coord is None:
            # a bare number with no noun and no casualty cue: unknown count
            i = j
            continue
        span_end = toks[k - 1][1] if has_noun and k > j else toks[j - 1][1]
        scope = "part" if _part_of_larger(toks, q_start) else None
        if one_person and kind not in _CASUALTY_KINDS:
            i = j
            continue
        found.append((toks[q_start][0], span_end, value, approx, kind or noun_kind, coord, i, scope))
        i = j
    # coordinated numbers share a later predicate
    by_tok = {f[6]: n for n, f in enumerate(found)}
    out: list[Quantity] = []
    for n, (s, e, value, approx, kind, coord, _, scope) in enumerate(found):
        if coord is not None and coord in by_tok:
            later = found[by_tok[coord]]
            if later[4] in _DIRECT.values() or later[4] in _INTRANSITIVE.values():
                kind = later[4]
        if out and kind not in _CASUALTY_KINDS and out[-1].kind in _CASUALTY_KINDS \
                and COORDINATION.fullmatch(text, out[-1].end, s) and not _OWN_PREDICATE.match(text, e):
            kind = out[-1].kind  # "killing seven fighters and three civilians": both were killed
        if kind is None:
            continue
        if out and out[-1].kind == kind and re.fullmatch(r"\s+(?:from|of)\s+", text[out[-1].end:s]):
            continue  # "six civilians from one family were killed": the family says who they were
        if scope is None and _cumulative(text, s):
            scope = "cumulative"
        out.append(Quantity(kind=kind, value=value, approx=approx, start=s, end=e, text=text[s:e], scope=scope))
    return out


# what joins two counts of one predicate: "seven fighters and three civilians", "3 nurses (two of them
# sisters) as well as 3 guards"
_OWN_PREDICATE = re.compile(r"\s+(?:were|was|are|is|have|had|has|had been|have been)\b")  # "... and 3,000 troops were deployed"
COORDINATION = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:,|and|as well as|plus|along with)\s*")


# "since" opens a running total ("since 2011", "since the war began", "since then"), unless it only
# means "after" ("died since being brought") or dates the event's own last days ("since Monday": the
# incident is still going on); a causal "since" is rare in news prose
_RECENT_START = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|dawn|midnight|this|tonight"
                 "|last night|being|arriving|arrival")
_CUMULATIVE = re.compile(
    rf"\bsince\b(?!\s+(?:(?:early|late)\s+)?(?:{_RECENT_START})\b)|\bso far\b|\bto date\b|\bin total\b|\baltogether\b"
    r"|\b(?:over|in|during) the (?:past|last|recent) (?:\w+ )?(?:years?|months?|decades?|weeks)\b"
    r"|\bin recent (?:weeks|months|years)\b|\bdeath toll (?:in|of|from) the (?:[\w-]+ )*?(?:war|conflict)\b", re.I)


def _cumulative(text: str, pos: int) -> bool:
    """A running total: a cue such as "since 2011" or "so far" in the count's sentence."""
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    hi = [k for k in (text.find(". ", pos), text.find("\n", pos)) if k >= 0]
    for m in _CUMULATIVE.finditer(text, lo, min(hi) if hi else len(text)):
        # "the first deaths since the truce began" counts one occurrence, dated by its novelty
        if m.group().lower().startswith("since") and _FIRST.search(text, lo, m.start()):
            continue
        return True
    return False


_FIRST = re.compile(r"\bfirst\b", re.I)


_NOT_COUNTED = ({w for q in _QUALIFIERS for w in q.split()} | set(_UNITS) | set(_MULTIPLIERS) | set(_VAGUE)
                | {"a", "an", "the", "of", "at", "toll", "death"})
_PART_WORDS = frozenset({"other", "others", "more", "further", "another", "additional"})


def counted(text: str) -> str | None:
    """What a count's text counts, reduced to compare like with like: "at least 15 people" ->
    "people", "Four YPG fighters" -> "ypg fighter", "11" -> ""; None for a part of a larger count
    ("six others")."""
    raw = [w for w in text.replace(",", " ").split() if not w.replace(".", "").isdigit()]
    # "another six people", "six more": a part of a count ("more than six" is a bound, not a part)
    lowered = [w.lower() for w in raw]
    if any(w in _PART_WORDS and not (w == "more" and k + 1 < len(lowered) and lowered[k + 1] == "than")
           for k, w in enumerate(lowered)):
        return None
    raw = [w for w in raw if w.lower() not in _NOT_COUNTED]
    # the head noun and any named side ("YPG fighters"); a plain description ("militia fighters")
    # does not make it another count
    words = [w.lower() for k, w in enumerate(raw) if k == len(raw) - 1 or w[:1].isupper()]
    return " ".join(w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w for w in words)
