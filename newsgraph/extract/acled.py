"""ACLED's view of an event: event and sub-event type, actor interaction codes, fatalities, geo precision.

An analyst loads newsgraph's events next to ACLED's hand-coded rows, so each event also carries the
fields ACLED codes (ACLED Codebook, 2023 edition, sections on event types, actors and fatalities):

- **Sub-event type** (:func:`sub_event`): one of ACLED's 25 sub-event types, decided from the PLOVER
  category and mode :mod:`newsgraph.extract.events` found, the words of the weapon and of the act in
  the sentence ("grenade", "landmine", "chemical", "recaptured", "set up a base"), and who the
  target is (armed forces make a one-sided attack a battle, protesters make it excessive force).
  Reports also mix in events that are no political violence; those get a non-conflict sub-type
  (:data:`NON_CONFLICT`: natural disasters, accidents, crime) and no ACLED event type.
- **Interaction codes** (:func:`inter_of_noun`, :func:`inter_of_entity`): 1 state forces, 2 rebel
  groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8
  external/other forces. They are read from what an actor *is* (entity type and subtype, CAMEO role
  codes, the descriptive noun the text uses: "gunmen", "troops", "villagers"), never from the names of
  particular groups.
- **Fatalities** (:func:`fatalities`): ACLED's conservative rules. "Dozens" is 12, "hundreds" 100,
  a range its lower bound; a running total ("since 2011", "so far") and a part of a larger count
  ("including seven children") are not the event's; when reports disagree, the lowest stated figure.
- **Geo precision** (:func:`geo_precision`): 1 the place itself (a town, a facility), 2 near it or a
  part of a region (a position relative to a town), 3 only a region or a country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsgraph.types import EventMention, Quantity

__all__ = [
    "EVENT_TYPES", "SUB_EVENT_TYPES", "NON_CONFLICT", "INTER_CODES", "sub_event", "inter_of_noun",
    "inter_of_entity", "fatalities", "geo_precision", "event_fields", "ACTOR_NOUNS",
]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}
# Events reports mix in that ACLED does not code (event categories of their own, as the trained
# typer has them): no ACLED event type, one of these sub-types.
NON_CONFLICT: dict[str, str] = {"DISASTER": "Natural disaster", "ACCIDENT": "Accident", "CRIME": "Crime"}

INTER_CODES: dict[int, str] = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}

# -- cue words ---------------------------------------------------------------------------------------

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_CHEMICAL = _rx(r"\b(?:chemical|sarin|chlorine|nerve (?:agent|gas)|mustard gas|toxic gas|poison(?:ous)? gas|"
                r"organophosph\w*|phosgene|vx\b)")
_SUICIDE = _rx(r"\bsuicide[- ](?:bomb\w*|attack\w*|car|vest|belt|truck|blast|explosion)|"
               r"\bblew (?:him|her|them)sel(?:f|ves) up|\bself-immolat")
_AIR = _rx(r"\b(?:air ?strikes?|air[- ]raids?|air attacks?|aerial|warplanes?|war planes?|jets?|aircraft|"
           r"helicopters?|gunships?|bombers?|barrel bombs?|drones?|uavs?|unmanned|air force|planes?)\b")
_SHELLING = _rx(r"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|rockets?|missiles?|howitzers?|katyushas?|barrages?|"
                r"bombard\w*|tank (?:fire|rounds?|shells?)|projectiles?|grad)\b")
_GRENADE = _rx(r"(?<!rocket-propelled )(?<!rocket propelled )(?<!stun )\bgrenades?\b")
_REMOTE = _rx(r"\b(?:ieds?|improvised explosive|roadside bombs?|car bombs?|land ?mines?|mines?|explosive devices?|"
              r"booby[- ]trap\w*|vbieds?|sticky bombs?|bomb(?:s|ing|ings|ed)?|blasts?|explosions?|explosives?|"
              r"detonat\w*|exploded)\b")
_DISRUPTED = _rx(r"\b(?:defus\w*|dismantl\w*|foil\w*|thwart\w*|intercept\w*|"
                 r"(?:seiz|found|discover|uncover|confiscat)\w* (?:\w+ ){0,4}?(?:explosive\w*|ieds?|bombs?|"
                 r"weapons?|arms|ammunition|cache|mines?|detonators?|suicide vests?))\b")
_INTERCEPTED_THING = _rx(r"\b(?:drones?|missiles?|rockets?|uavs?|projectiles?)\b")
_REGAIN = _rx(r"\b(?:re-?captur\w*|retak\w*|retook|regain\w*|liberat\w*|reclaim\w*|took back|take back|"
              r"taken back|recover\w* control|restor\w* control)\b")
_BASE = _rx(r"\b(?:set(?:s|ting)? up|establish\w*|buil[dt]\w*|open\w*|construct\w*)\b(?:\W+\w+){0,4}?\W+"
            r"(?:bases?|headquarters|outposts?|military posts?|garrison)\b")
_HANDOVER = _rx(r"\bhand(?:ed|ing|s)? over|\bhandover|\bhand-over|\bwithdr\w+ from|\bpull\w* out of|"
                r"\bevacuat\w* (?:from|of)\b|\bhand(?:ed|ing|s)? (?:\w+ ){0,3}to\b")
_AGREEMENT = _rx(r"\b(?:agree\w*|deal|accord|pact|truce|cease-?fires?|treaty|memorandum|signed|sign|"
                 r"reconciliation|settlement|exchange|swap|understanding)\b")
_MOB = _rx(r"\b(?:mobs?|lynch\w*|vigilantes?|angry (?:crowds?|residents|villagers)|communal|sectarian clash\w*)\b")
_VIOLENT_DEMO = _rx(r"\b(?:riot\w*|threw (?:stones|rocks)|throwing (?:stones|rocks)|stone-throw\w*|petrol bombs?|"
                    r"molotov|torch\w*|set fire|set ablaze|burn\w* (?:tyres|tires|cars|vehicles|buildings)|"
                    r"vandali[sz]\w*|clash\w* with (?:the )?(?:police|security|riot))\b")
_INTERVENTION = _rx(r"\b(?:dispers\w*|tear ?gas|water cannons?|rubber bullets?|arrest\w*|detain\w*|beat\w*|batons?|"
                    r"stun grenades?|broke up|break up|crack\w* down|crackdown)\b")
_LETHAL = _rx(r"\b(?:live (?:fire|ammunition|rounds|bullets)|opened fire|shot|shooting|kill\w*|dead|died|deaths?)\b")
_PROTESTERS = _rx(r"\b(?:protest\w*|demonstrat\w*|marchers|rally|rallies|sit-in)\b")
_LOOT = _rx(r"\b(?:loot\w*|ransack\w*|pillag\w*|plunder\w*|demolish\w*|raz(?:e|ed|ing)|bulldoz\w*|vandali[sz]\w*|"
            r"(?:torch|burn|destroy)\w* (?:\w+ ){0,2}(?:houses|homes|shops|property|properties|crops|fields|"
            r"mosques?|churches?|schools?|offices?))\b")
_GROUP_CHANGE = _rx(r"\b(?:merg\w*|split|defect\w*|form\w* (?:a |the )?new|formation of|dissolv\w*|renam\w*|"
                    r"pledg\w* allegiance|join\w* (?:the )?ranks|recruit\w*|appoint\w*)\b")

# Descriptive nouns for actors with no name, by what they are. "Militants" and "rebels" are armed
# opposition (2); "gunmen" and unnamed armed men are unidentified armed groups, which ACLED codes as
# political militias (3); clan and tribal fighters are identity militias (4).
ACTOR_NOUNS: dict[str, int] = {}
for _words, _code in (
    ("troop troops soldier soldiers army military police policeman policemen officer servicemen serviceman guard guards "
     "jet jets warplane warplanes aircraft helicopter helicopters gunship gunships bomber bombers plane planes "
     "navy marines marine regime government forces force security artillery tank tanks airforce", 1),
    ("militant militants rebel rebels insurgent insurgents jihadist jihadists extremist extremists terrorist "
     "terrorists guerrilla guerrillas separatist separatists opposition fighter fighters", 2),
    ("gunman gunmen militia militias militiaman militiamen attacker attackers assailant assailants "
     "paramilitary paramilitaries kidnapper kidnappers bomber", 3),
    ("tribesman tribesmen clansman clansmen tribal clan", 4),
    ("rioter rioters mob mobs looter looters", 5),
    ("protester protesters protestor protestors demonstrator demonstrators marcher marchers", 6),
    ("civilian civilians resident residents villager villagers farmer farmers shepherd shepherds child children "
     "woman women man men people family families worker workers student students journalist journalists "
     "doctor doctors nurse nurses teacher teachers pilgrim pilgrims worshipper worshippers passenger passengers "
     "refugee refugees patient patients boy boys girl girls driver drivers trader traders merchant merchants "
     "activist activists displaced", 7),
    ("peacekeeper peacekeepers monitor monitors observer observers coalition contractor contractors "
     "mercenary mercenaries", 8),
):
    for _w in _words.split():
        ACTOR_NOUNS.setdefault(_w, _code)

# CAMEO role codes (newsgraph.kb.cameo.ROLE_CODES) -> interaction code
_ROLE_INTER = {
    "MIL": 1, "GOV": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1,
    "REB": 2, "INS": 2, "SEP": 2,
    "UAF": 3, "PTY": 3, "OPP": 3,
    "CVL": 7, "REF": 7, "MED": 7, "HRI": 7, "NGO": 7, "EDU": 7, "HLH": 7, "LAB": 7, "BUS": 7, "AGR": 7, "ELI": 7,
    "IGO": 8, "IMG": 8, "MNC": 8,
}
# head words of organisation names that say what kind of armed group it is
_MILITIA_WORDS = frozenset("militia militias mobilization mobilisation popular guards defenders".split())
_IDENTITY_WORDS = frozenset("tribe tribes tribal clan clans ethnic self-defense self-defence".split())
_STATE_WORDS = frozenset("army police ministry forces military navy guard".split())


def inter_of_noun(word: str) -> int | None:
    """The interaction code of a descriptive actor noun ("gunmen" -> 3, "troops" -> 1), else None."""
    return ACTOR_NOUNS.get(word.lower())


def inter_of_entity(type_: str, subtype: str | None, name: str = "", roles: Iterable[str] = (),
                    country: str | None = None, place_country: str | None = None) -> int | None:
    """The interaction code of a named actor from what it is.

    ``roles`` are CAMEO role codes of the entity (MIL, REB, ...) when a dictionary coded it; ``name``
    is read only for its kind words ("... Militia", "... Tribal ..."). A country, or a state organ of
    one, acting in another country (``place_country``) is an external force (8)."""
    for r in roles:
        if r in _ROLE_INTER:
            code = _ROLE_INTER[r]
            if code == 1 and country and place_country and country != place_country:
                return 8
            return code
    words = {w.lower().strip(".,'’") for w in name.split()}
    if type_ == "LOC":
        if subtype != "country":
            return None
        return 8 if country and place_country and country != place_country else 1
    if type_ == "ORG":
        if subtype in ("military", "government"):
            return 8 if country and place_country and country != place_country else 1
        if subtype == "armed_group":
            if words & _IDENTITY_WORDS:
                return 4
            if words & _MILITIA_WORDS:
                return 3
            return 2
        if subtype == "party":
            return 3
        if subtype in ("media", "research"):
            return 7
        if subtype == "international":
            return 8
        if words & _STATE_WORDS:
            return 1
    return None


# -- sub-event types ---------------------------------------------------------------------------------

_ARMED = frozenset({1, 2, 3, 4, 8})
_AIR_MODES = frozenset({"aerial", "drone"})


def _typed(sub: str) -> tuple[str, str]:
    return SUB_EVENT_TYPES[sub], sub


def sub_event(category: str, mode: str | None, sentence: str, trigger: str = "",
              actor_inter: int | None = None, target_inter: int | None = None,
              killed: bool = False) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of one event mention, or (None, None) when ACLED codes none.

    ``category``/``mode``: the PLOVER category and mode; ``sentence``: the evidence sentence, read for
    weapon and act words; ``actor_inter``/``target_inter``: interaction codes of the two sides where
    known; ``killed``: the mention reports deaths. Non-conflict events give (None, "Natural
    disaster" | "Accident" | "Crime")."""
    text = sentence
    if category in NON_CONFLICT:
        return None, NON_CONFLICT[category]
    violent = category in ("ASSAULT", "FIGHT")
    at_protesters = target_inter in (5, 6) or (violent and bool(_PROTESTERS.search(text)) and target_inter is None
                                               and actor_inter in (None, 1))
    if violent:
        if mode != "occupy" and _DISRUPTED.search(text) and not killed and (
                not re.search(r"\bintercept|\bshot down|\bshoot down", text, re.I) or _INTERCEPTED_THING.search(text)):
            return _typed("Disrupted weapons use")
        if at_protesters and mode not in _AIR_MODES:
            if mode == "crowd-control" and not killed:
                return _typed("Protest with intervention")
            return _typed("Excessive force against protesters" if killed or _LETHAL.search(text)
                          else "Protest with intervention")
        if mode == "unconventional" or _CHEMICAL.search(text):
            return _typed("Chemical weapon")
        if mode == "suicide-attack" or _SUICIDE.search(text):
            return _typed("Suicide bomb")
        if mode in _AIR_MODES or (mode not in ("occupy", "abduct", "sexual", "explosives") and _AIR.search(text)
                                  and mode != "heavy-weapons"):
            return _typed("Air/drone strike")
        if mode == "heavy-weapons" or (mode in (None, "firearms", "offensive") and _SHELLING.search(text)):
            if mode == "heavy-weapons" and _AIR.search(text) and re.search(r"\bmissiles?\b", trigger, re.I):
                return _typed("Air/drone strike")
            return _typed("Shelling/artillery/missile attack")
        if _GRENADE.search(text) and mode in (None, "explosives", "firearms"):
            return _typed("Grenade")
        if mode == "explosives" or (mode is None and _REMOTE.search(text)):
            return _typed("Remote explosive/landmine/IED")
        if mode == "occupy":
            if _REGAIN.search(text) or actor_inter == 1:
                return _typed("Government regains territory")
            return _typed("Non-state actor overtakes territory")
        if mode == "sexual":
            return _typed("Sexual violence")
        if mode == "abduct":
            return _typed("Abduction/forced disappearance")
        if mode == "destroy" and not killed:
            return _typed("Looting/property destruction")
        if mode == "crowd-control":
            return _typed("Protest with intervention")
        if category == "FIGHT":
            return _typed("Armed clash")
        if target_inter in _ARMED:
            return _typed("Armed clash")
        return _typed("Attack")
    if category == "PROTEST":
        if _MOB.search(text):
            return _typed("Mob violence")
        if mode == "riot" or _VIOLENT_DEMO.search(text):
            return _typed("Violent demonstration")
        if killed or re.search(r"\blive (?:fire|ammunition|rounds)", text, re.I):
            return _typed("Excessive force against protesters")
        if _INTERVENTION.search(text):
            return _typed("Protest with intervention")
        return _typed("Peaceful protest")
    if category == "COERCE":
        if mode == "arrest":
            return _typed("Protest with intervention" if _PROTESTERS.search(text) else "Arrests")
        if mode == "seize" and _DISRUPTED.search(text):
            return _typed("Disrupted weapons use")
        return _typed("Other")
    if category == "MOBILIZE":
        if mode == "base" or _BASE.search(text):
            return _typed("Headquarters or base established")
        return _typed("Change to group/activity")
    if category == "RETREAT":
        if mode == "ceasefire":
            return _typed("Agreement")
        if mode == "withdraw":
            return _typed("Non-violent transfer of territory" if _HANDOVER.search(text)
                          else "Change to group/activity")
        if mode in ("disarm", "resign"):
            return _typed("Change to group/activity")
        if mode == "release" and re.search(r"\b(?:exchange|swap)\b", text, re.I):
            return _typed("Agreement")
        return _typed("Other")
    if category == "AGREE" and (mode == "ceasefire" or _AGREEMENT.search(trigger)):
        return _typed("Agreement")
    return None, None


# -- fatalities --------------------------------------------------------------------------------------

# ACLED's reading of vague amounts: "dozens" is 12, "hundreds" 100, "thousands" 1000
_VAGUE_FATALITIES = {"dozens": 12, "a dozen": 12, "half a dozen": 6, "scores": 20, "hundreds": 100,
                     "thousands": 1000, "dozens of thousands": 12000, "hundreds of thousands": 100_000,
                     "tens of thousands": 10_000}


def _acled_value(q: Quantity) -> int:
    if q.approx:
        label = q.approx
        for vague, value in _VAGUE_FATALITIES.items():
            if label == vague or label.endswith(" " + vague):
                return value
    return q.value


def mention_fatalities(quantities: Iterable[Quantity]) -> int | None:
    """Deaths one mention reports for its own event: the killed counts that are neither a part of a
    larger count nor a running total, added up ("seven soldiers and three civilians were killed" is
    10), each by ACLED's reading ("dozens" 12, a range its lower bound). None when it states none."""
    own = [q for q in quantities if q.kind == "killed" and q.scope is None]
    if not own:
        return None
    return sum(_acled_value(q) for q in own)


def fatalities(mentions: Iterable[EventMention]) -> int | None:
    """The event's fatalities over its mentions: the most conservative (lowest) figure any report
    states for it; claims by a party ("the group said it killed 40") do not count. None: no figure."""
    figures = [f for m in mentions if m.polarity != "claimed"
               for f in [mention_fatalities(m.quantities)] if f is not None]
    return min(figures) if figures else None


# -- places ------------------------------------------------------------------------------------------

def geo_precision(subtype: str | None, meta: dict | None = None) -> int | None:
    """ACLED's geo precision of a place: 1 the place itself, 2 near it (a stated distance from it, or a
    small region), 3 a province or a country only. None without a place."""
    meta = meta or {}
    if meta.get("approximate_position"):
        # a stated distance from a known place: near it; the places named next to it: the area only
        return 3 if meta["approximate_position"].get("method") == "neighbours" else 2
    gaz = meta.get("gazetteer") or {}
    kind = gaz.get("kind")
    if subtype in ("settlement", "facility") or kind in ("city", "town", "village", "settlement"):
        return 1
    if subtype == "region" or kind in ("admin1", "admin2", "region"):
        return 3 if kind == "admin1" or subtype == "region" else 2
    if subtype == "country" or meta.get("country") and not gaz:
        return 3
    return 1 if gaz else None


# -- the event row -----------------------------------------------------------------------------------

def event_fields(mentions: list[EventMention]) -> dict:
    """ACLED fields of one event (over the mentions that report it), for the event row: the sub-event
    type most mentions give (ties: the first), its event type, fatalities, and the descriptive actors
    of every mention ("gunmen", role, inter code)."""
    subs = Counter(m.sub_event_type for m in mentions if m.sub_event_type)
    sub = subs.most_common(1)[0][0] if subs else None
    terms: dict[tuple[str, str], int | None] = {}
    for m in mentions:
        for text, role, inter in m.actor_terms:
            terms.setdefault((text, role), inter)
    return {
        "sub_event_type": sub,
        "acled_type": SUB_EVENT_TYPES.get(sub) if sub else None,
        "fatalities": fatalities(mentions),
        "actor_terms": [{"text": t, "role": r, "inter": i} for (t, r), i in terms.items()],
    }
