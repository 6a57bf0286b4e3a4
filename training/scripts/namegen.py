"""Synthetic name generator for NER augmentation.

Everything here is generated from syllable / particle lists written for this
project -- no names are taken from any corpus.  The goal is to expose the NER
model to name *shapes* that the training data rarely shows: Arabic / Persian /
Kurdish names with particles (al-, el-, bin, ibn, abu), hyphenated and
transliterated names, armed-group names built on Arabic words, acronyms in
parentheses, and titles before names.
"""
from __future__ import annotations

import random

ONSETS = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s",
          "sh", "t", "th", "w", "y", "z", "gh", "dh", "g", "p", "v", "ch"]
VOWELS = ["a", "a", "a", "i", "i", "u", "o", "e", "aa", "ee", "ou", "ai"]
CODAS = ["", "", "", "r", "l", "m", "n", "s", "d", "b", "k", "h", "sh", "z", "t"]
GIVEN_ENDINGS = ["", "", "", "a", "an", "ad", "ir", "im", "id", "een", "ullah",
                 "eddin", "uddin", "ar", "ish", "o", "ya"]
FAMILY_ENDINGS = ["i", "i", "ani", "awi", "ari", "uri", "zadeh", "pour", "nejad",
                  "abadi", "", "", "", "oun", "ein", "ah", "li", "ki", "ov"]
PARTICLES = ["al-", "al-", "al-", "el-", "Al-", "as-", "ash-", "ad-", "ar-", "an-"]
LINKERS = ["bin", "ibn", "ben", "bint", "ould", "Abu", "abu", "Abd al-", "Abdul"]
PERSON_TITLES = ["Ayatollah", "Sheikh", "Col.", "Maj. Gen.", "Gen.", "Brig. Gen.",
                 "Lt. Col.", "Maj.", "Capt.", "Mullah", "Imam", "Sayyed", "Hajji",
                 "Dr.", "Mr.", "Mrs.", "President", "Prime Minister",
                 "Commander", "Emir", "Sgt.", "Judge", "Defence Minister",
                 "Grand Ayatollah", "Lt. Gen.", "spokesman", "cleric",
                 "commander", "Minister", "Governor", "Mayor"]

GROUP_HEADS = ["Kataib", "Kata'ib", "Asaib", "Asa'ib", "Saraya", "Liwa", "Harakat",
               "Jaish", "Ansar", "Jabhat", "Hizb", "Firqat", "Quwat", "Tanzim",
               "Katibat", "Majlis", "Tahaluf", "Alwiya", "Faylaq", "Hashd"]
GROUP_MIDDLES = ["Ahl", "Sayyid", "Imam", "Jund", "Rijal", "Abna", "Shabab",
                 "Thuwar", "Ahrar", "Mujahidin", "Nasr", "Haqq", "Fath", "Tawhid",
                 "Islam", "Sunna", "Ummah", "Khilafa", "Shuhada", "Wa'd", "Hurras"]
ENGLISH_GROUP_PATTERNS = [
    "{X} Brigades", "{X} Brigade", "{X} Battalion", "{X} Front",
    "{X} Revolutionary Front", "{X} Liberation Army", "{X} Movement",
    "{X} Protection Units", "{X} Defence Forces", "{X} Popular Mobilization Forces",
    "Army of {X}", "{X} Martyrs Brigade", "{X} Council", "{X} Party",
    "{X} Democratic Party", "{X} Islamic Movement", "{X} Guards", "Ministry of {X}",
    "{X} Red Crescent", "{X} Human Rights Observatory", "{X} Network",
    "Union of {X} Workers", "Front for the Liberation of {X}", "Council of {X} Tribes",
    "Islamic Front of {X}", "{X} Organization for Human Rights", "Party of {X} Unity",
    "{X} Commission for Refugees", "Movement for {X} Justice", "{X} News Agency",
]
PLACE_PREFIXES = ["Tel ", "Deir ", "Kafr ", "Ain ", "Beit ", "Ras ", "Jisr ", "Qasr ",
                  "Tall ", "Khan ", "Bab ", "Maarat ", "Sheikh ", "Umm ", "Abu ", "", "", ""]
PLACE_SUFFIXES = ["", "", "", "abad", "istan", "iyah", "iyeh", "shahr", "kent", "a",
                  "ah", "ein", "an", "ar", "oun"]
NATURAL_PATTERNS = ["Mount {X}", "Jabal {X}", "{X} Mountains", "Wadi {X}", "{X} Valley",
                    "{X} River", "Lake {X}", "{X} Desert", "{X} Plain", "Gulf of {X}"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def stem(rng: random.Random, syll=(2, 3)) -> str:
    n = rng.randint(*syll)
    out = ""
    for i in range(n):
        out += rng.choice(ONSETS) + rng.choice(VOWELS)
        if i == n - 1 or rng.random() < 0.3:
            out += rng.choice(CODAS)
    return _cap(out)


def given_name(rng: random.Random) -> str:
    return _cap(stem(rng, (1, 2)).lower() + rng.choice(GIVEN_ENDINGS))


def family_name(rng: random.Random) -> str:
    r = rng.random()
    base = stem(rng, (1, 3))
    if r < 0.40:
        return rng.choice(PARTICLES) + base + rng.choice(["", "", "i", "awi", "ani"])
    if r < 0.55:
        return base + "-" + stem(rng, (1, 2))
    if r < 0.65:
        return rng.choice(PARTICLES).capitalize() + base
    return base + rng.choice(FAMILY_ENDINGS)


def person_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.30:
        return f"{given_name(rng)} {family_name(rng)}"
    if r < 0.45:
        return f"{given_name(rng)} {rng.choice(LINKERS[:5])} {given_name(rng)} {family_name(rng)}"
    if r < 0.58:
        return f"Abu {given_name(rng)} {family_name(rng)}"
    if r < 0.66:
        return f"Abu {given_name(rng)}"
    if r < 0.74:
        return f"{given_name(rng)} {given_name(rng)} {family_name(rng)}"
    if r < 0.82:
        return f"{given_name(rng)} {stem(rng)}"
    if r < 0.88:
        return f"{given_name(rng)} {rng.choice(['Abd al-', 'Abdul-', 'Abdel '])}{given_name(rng)}"
    if r < 0.94:
        return family_name(rng).replace("al-", "Al-", 1) if rng.random() < 0.5 else family_name(rng)
    return f"{given_name(rng)} {stem(rng, (1, 2))}-{stem(rng, (1, 2))}"


def person_with_title(rng: random.Random) -> tuple[str, str]:
    """Return (title, name); the title is *not* part of the PERSON span."""
    return rng.choice(PERSON_TITLES), person_name(rng)


def group_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        head = rng.choice(GROUP_HEADS)
        parts = [head]
        if rng.random() < 0.5:
            parts.append(rng.choice(GROUP_MIDDLES))
        parts.append(rng.choice(["al-", "al-", "", "el-"]) + stem(rng, (1, 3)))
        if rng.random() < 0.3:
            parts.append("al-" + rng.choice(GROUP_MIDDLES))
        return " ".join(parts)
    if r < 0.9:
        x = stem(rng, (1, 3)) + rng.choice(["", "", "i", "an", "iya"])
        return rng.choice(ENGLISH_GROUP_PATTERNS).format(X=x)
    # Single-word movement names
    return stem(rng, (2, 3)) + rng.choice(["", "a", "ullah", "iya"])


def acronym(name: str) -> str:
    letters = [w.lstrip("al-").lstrip("el-")[:1] for w in name.replace("-", " ").split()
               if w and w[0].isupper() and w.lower() not in {"al", "el", "of"}]
    acr = "".join(l.upper() for l in letters if l)
    return acr if len(acr) >= 2 else (acr + "X")


def place_name(rng: random.Random) -> tuple[str, str]:
    """Return (name, label) where label is GPE (settlements) or LOC (natural)."""
    if rng.random() < 0.2:
        return rng.choice(NATURAL_PATTERNS).format(X=stem(rng, (1, 2))), "LOC"
    p = rng.choice(PLACE_PREFIXES)
    body = stem(rng, (1, 3)) + rng.choice(PLACE_SUFFIXES)
    if p and rng.random() < 0.4:
        body = rng.choice(["al-", "el-", "as-"]) + body
    return (p + body).strip(), "GPE"


if __name__ == "__main__":  # quick look
    rng = random.Random(1)
    for _ in range(10):
        print(person_with_title(rng), "|", group_name(rng), "|", place_name(rng))
