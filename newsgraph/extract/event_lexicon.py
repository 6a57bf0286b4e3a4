"""Trigger words for event typing: lemma (or lemma sequence) -> PLOVER category, mode, ACLED type.

The scheme is described in ``EVENTS.md`` next to this file. In short: the 16 event categories of
PLOVER 2.0 plus ``FIGHT`` (CAMEO cue category 19, "use conventional military force", which PLOVER
folds into ASSAULT but which conflict reporting needs apart: clashes, offensives, shelling, air and
drone strikes between organised forces). Modes follow the PLOVER mode tables where one exists.

The lexicon is written from the codebook's category definitions and ordinary English usage, not from
any coded sentences. Each entry carries:

- ``weight``: how specific the word is. When several triggers in one sentence describe the same
  violent event ("a drone strike killed..."), the most specific one decides category and mode; a
  bare "killed" or "attack" says less than "drone strike" or "abducted".
- ``pos``: ``V`` (verbs only), ``N`` (nouns only) or ``*``. "strike" the noun is an attack; "strike"
  as a verb is too, but "went on strike" is a protest -- phrases take care of that.
- ``governs``: the word is a verbal act whose complement is its *content*, not a separate event that
  happened ("threatened to attack", "demanded the release", "agreed to withdraw"). Triggers inside
  such a complement are subsumed.
- ``needs``: categories of which some other trigger must occur in the sentence for this weak word to
  count ("gathered ... to demand" is a protest, "gathered for a funeral" is not).

Lookup is by spaCy lemma; :func:`lemma_candidates` supplies lemmas for the model-free path.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CATEGORIES",
    "NON_CONFLICT",
    "VIOLENT",
    "SPEECH_ACTS",
    "Trigger",
    "LEXICON",
    "PHRASES",
    "SPEECH_VERBS",
    "HEDGES",
    "acled_type",
    "lemma_candidates",
]

# PLOVER 2.0 event categories, plus FIGHT (see module docstring).
CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
    "DISASTER", "ACCIDENT", "CRIME",
)
# Events that are no political interaction but that reports mix in (natural hazards, accidents,
# ordinary crime); ACLED does not code them (see acled.py).
NON_CONFLICT = frozenset({"DISASTER", "ACCIDENT", "CRIME"})
# Categories whose triggers in one clause describe one violent incident and are merged.
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
# Verbal acts: when one of these heads the sentence it is the sentence's main event.
SPEECH_ACTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    mode: str | None
    weight: int
    pos: str = "*"  # "V", "N" or "*"
    governs: bool = False
    needs: frozenset[str] = frozenset()


LEXICON: dict[str, list[Trigger]] = {}
PHRASES: dict[tuple[str, ...], Trigger] = {}  # lemma sequences, matched before single words


def _add(words: str, category: str, mode: str | None = None, weight: int = 3, pos: str = "*",
         governs: bool = False, needs: tuple[str, ...] = ()) -> None:
    trig = Trigger(category, mode, weight, pos, governs, frozenset(needs))
    for w in words.split("|"):
        w = w.strip()
        if " " in w:
            PHRASES[tuple(w.split())] = trig
        else:
            LEXICON.setdefault(w, []).append(trig)


# -- verbal cooperation ---------------------------------------------------------------------------
_add("agree|pledge|promise|vow|swear|commit|consent|offer|propose|accept|invite", "AGREE", weight=4, pos="V",
     governs=True)
_add("agreement|deal|accord|pact|truce|understanding|pledge|promise|offer|proposal|invitation|roadmap",
     "AGREE", weight=3, pos="N", governs=True)
_add("ceasefire|cease-fire", "AGREE", "ceasefire", weight=2, pos="N")
_add("reach agreement|reach deal|strike deal|strike agreement|reach understanding|sign up", "AGREE",
     weight=5, governs=True)
_add("meet|visit|host|discuss|negotiate|consult|confer|tour", "CONSULT", weight=4, pos="V")
_add("meeting|talk|visit|discussion|negotiation|consultation|summit|conference|trip|tour|dialogue",
     "CONSULT", weight=3, pos="N")
_add("mediate|mediation", "CONSULT", "third-party", weight=4)
_add("telephone|phone call|video call", "CONSULT", "phone", weight=4)
_add("hold talk|hold meeting|hold discussion", "CONSULT", weight=5)
_add("support|praise|commend|welcome|endorse|approve|hail|applaud|recognize|recognise|congratulate|forgive|defend|"
     "thank|ratify|sign|salute|laud", "SUPPORT", weight=3, pos="V", governs=True)
_add("support|praise|endorsement|approval|recognition|solidarity|ratification", "SUPPORT", weight=2,
     pos="N", governs=True)
_add("concede|apologize|apologise|regret|pardon|acquit|relent|compromise", "CONCEDE", weight=4, pos="V",
     governs=True)
_add("apology|amnesty|pardon|concession|acquittal", "CONCEDE", weight=3, pos="N", governs=True)
_add("lift|ease|relax", "CONCEDE", weight=2, pos="V")
_add("call off|back down|give in|drop demand|lift curfew|lift ban|lift sanction|lift siege|ease restriction",
     "CONCEDE", weight=5)

# -- material cooperation -------------------------------------------------------------------------
_add("cooperate|collaborate|extradite|share", "COOPERATE", weight=4, pos="V")
_add("cooperation|collaboration|extradition", "COOPERATE", weight=2, pos="N")
_add("joint exercise|joint patrol|joint operation|share intelligence|exchange intelligence|"
     "military exercise|joint drill|joint maneuver|joint manoeuvre", "COOPERATE", weight=5)
_add("aid|assistance|donation|grant|loan|asylum", "AID", weight=3, pos="N")
_add("donate|assist|fund|finance|supply|rescue|shelter", "AID", weight=3, pos="V")
_add("humanitarian aid|military aid|financial aid|grant asylum|send aid|deliver aid|provide aid|"
     "train and arm|train and equip|arm and train",
     "AID", weight=5)

# -- retreat (material concessions) ---------------------------------------------------------------
_add("withdraw|retreat|pull|evacuate|cede|abandon", "RETREAT", "withdraw", weight=4, pos="V")
_add("withdrawal|retreat|pullout|evacuation", "RETREAT", "withdraw", weight=3, pos="N")
_add("pull out|pull back|hand over|handover|hand-over|turn over", "RETREAT", "withdraw", weight=5)
_add("release|free|repatriate|exchange", "RETREAT", "release", weight=4, pos="V")
_add("release|repatriation|swap|exchange", "RETREAT", "release", weight=3, pos="N")
_add("prisoner exchange|prisoner swap|set free", "RETREAT", "release", weight=5)
_add("disarm|demobilize|demobilise|surrender|decommission", "RETREAT", "disarm", weight=4)
_add("disarmament|demobilization|demobilisation|surrender", "RETREAT", "disarm", weight=3, pos="N")
_add("resign|quit", "RETREAT", "resign", weight=4, pos="V")
_add("resignation", "RETREAT", "resign", weight=3, pos="N")
_add("step down", "RETREAT", "resign", weight=5)
_add("allow access|grant access|let in", "RETREAT", "access", weight=5)
_add("observe ceasefire|respect ceasefire|hold fire", "RETREAT", "ceasefire", weight=6)
# stopping violence is de-escalation ("stopped bombing the city", "halted its air strikes"), not the violence
_add("|".join(f"{v} {o}" for v in ("halt", "suspend", "stop", "cease", "pause", "end")
              for o in ("bomb", "bombing", "bombardment", "strike", "airstrike", "raid", "attack", "shelling",
                        "offensive", "hostility", "fighting", "operation")),
     "RETREAT", "ceasefire", weight=7, governs=True)

# -- verbal conflict ------------------------------------------------------------------------------
_add("demand|urge|ask|appeal|request|insist|plead|press|order|instruct|beg|summon", "REQUEST",
     weight=4, pos="V", governs=True)
_add("demand|appeal|request|plea|ultimatum|call", "REQUEST", weight=3, pos="N", governs=True)
_add("call for|call on|call upon|push for|press for|lobby for", "REQUEST", weight=5, governs=True)
_add("seek refuge|seek asylum|seek shelter|seek help|seek aid|seek assistance", "REQUEST", weight=6)
_add("accuse|blame|condemn|denounce|criticize|criticise|allege|deplore|decry|slam|censure|rebuke|"
     "reprimand|complain|disapprove|object|lambast|fault", "ACCUSE", "disapprove", weight=4,
     pos="V", governs=True)
_add("accusation|condemnation|criticism|allegation|complaint|denunciation|charge", "ACCUSE",
     "disapprove", weight=3, pos="N", governs=True)
_add("investigate|probe|inquire", "ACCUSE", "investigate", weight=4, pos="V", governs=True)
_add("investigation|probe|inquiry|enquiry|inquest", "ACCUSE", "investigate", weight=3, pos="N",
     governs=True)
_add("sue|indict|charge|prosecute", "ACCUSE", "allege", weight=3, pos="V", governs=True)
_add("lawsuit|indictment|prosecution|trial", "ACCUSE", "allege", weight=3, pos="N", governs=True)
_add("file lawsuit|file suit|bring charge|press charge", "ACCUSE", "allege", weight=5)
_add("reject|refuse|deny|decline|veto|rebuff|spurn|oppose|dismiss|defy|resist|disobey|snub|cancel",
     "REJECT", weight=4, pos="V", governs=True)
_add("rejection|refusal|denial|veto|defiance|cancellation", "REJECT", weight=3, pos="N",
     governs=True)
_add("turn down|refuse to", "REJECT", weight=5, governs=True)
_add("threaten|menace", "THREATEN", weight=5, pos="V", governs=True)
_add("warn", "THREATEN", weight=3, pos="V", governs=True)
_add("threat|warning|ultimatum", "THREATEN", weight=4, pos="N", governs=True)

# -- protest ---------------------------------------------------------------------------------------
_add("protest|demonstrate|rally|march|riot|picket|chant", "PROTEST", "demo", weight=4, pos="V")
_add("protest|demonstration|rally|march|sit-in|protester|protestor|demonstrator|marcher", "PROTEST",
     "demo", weight=4, pos="N")
_add("riot|rioting|unrest|rioter", "PROTEST", "riot", weight=5, pos="N")
_add("riot", "PROTEST", "riot", weight=5, pos="V")
_add("gather|assemble|converge|crowd", "PROTEST", "demo", weight=1, needs=("REQUEST", "ACCUSE", "REJECT"))
_add("take to street|go on strike|general strike|on strike|labor strike|labour strike|walk out|walkout",
     "PROTEST", "strike", weight=6)
_add("hunger strike", "PROTEST", "hunger", weight=7)
_add("boycott", "PROTEST", "boycott", weight=4)
_add("block|barricade", "PROTEST", "obstruct", weight=3, pos="V")
# leaving talks is a rejection of them, not a labour walkout
_add("walk out of talk|walk out of negotiation|walk out of meeting|walk out of session|walk out of conference|"
     "walk out of summit", "REJECT", weight=6)
_add("block road|block highway|blockade road|road block|roadblock", "PROTEST", "obstruct", weight=4)

# -- sanction (reduce relations) -------------------------------------------------------------------
_add("sanction|embargo|suspension", "SANCTION", "discontinue", weight=4)
_add("sever|suspend|freeze|halt|cut|downgrade|terminate|curtail", "SANCTION", "discontinue", weight=2,
     pos="V")
_add("cut tie|sever tie|break off|break tie|suspend aid|cut aid|freeze asset|impose sanction|"
     "suspend relation|sever relation|cut off", "SANCTION", "discontinue", weight=6)
_add("|".join(f"{v} {o}" for v in ("halt", "suspend", "cut", "reduce", "stop", "end", "freeze", "terminate",
                                    "curtail", "sever", "downgrade", "withdraw")
              for o in ("aid", "assistance", "supply", "link", "tie", "relation", "mediation", "talk",
                        "negotiation", "cooperation", "trade", "funding", "contact")),
     "SANCTION", "discontinue", weight=6)
_add("establish tie|establish relation|restore tie|restore relation|upgrade tie|upgrade relation|"
     "open embassy|normalize relation|normalise relation", "SUPPORT", weight=6)
_add("send arm|send weapon|supply arm|supply weapon|provide weapon|deliver weapon|send medicine|"
     "send food", "AID", weight=6)
_add("|".join(f"{v} {o}" for v in ("expel", "deport", "withdraw", "pull")
              for o in ("diplomat", "ambassador", "envoy", "inspector", "observer", "peacekeeper", "monitor")),
     "SANCTION", "expel", weight=7)
_add("recall ambassador|expel ambassador|expel diplomat|expel envoy|withdraw ambassador|"
     "recall envoy", "SANCTION", "expel", weight=6)
_add("convict|sentence", "SANCTION", "convict", weight=4, pos="V")
_add("conviction|verdict", "SANCTION", "convict", weight=3, pos="N")

# -- mobilize ----------------------------------------------------------------------------------------
_add("deploy|mobilize|mobilise|reinforce|station|dispatch|recruit|conscript", "MOBILIZE",
     "troops", weight=4, pos="V")
_add("patrol", "MOBILIZE", "troops", weight=2)
_add("deployment|mobilization|mobilisation|reinforcement|build-up|buildup|drill|exercise|"
     "maneuver|manoeuvre|recruitment", "MOBILIZE", "troops", weight=3, pos="N")
_add("war game", "MOBILIZE", "troops", weight=6)
_add("send troop|send force|send soldier|send reinforcement|put on alert|high alert|raise alert|"
     "state of alert|send warship|move troop", "MOBILIZE", "troops", weight=6)
_add("test missile|missile test|test-fire|test fire", "MOBILIZE", "weapons", weight=6)

# -- coerce ------------------------------------------------------------------------------------------
_add("arrest|detain|jail|imprison|apprehend|incarcerate|intern", "COERCE", "arrest", weight=5, pos="V")
_add("arrest|detention|imprisonment|custody|internment|crackdown", "COERCE", "arrest", weight=4, pos="N")
_add("round up|crack down|take into custody|put under arrest|place under arrest|house arrest",
     "COERCE", "arrest", weight=6)
_add("raid|search|confiscate|seize|impound|requisition|expropriate|nationalize|nationalise", "COERCE",
     "seize", weight=3, pos="V")
_add("raid|seizure|confiscation", "COERCE", "seize", weight=3, pos="N")
_add("ban|outlaw|restrict|prohibit|forbid|bar|cordon|disperse|prevent", "COERCE", "restrict", weight=3, pos="V")
_add("ban|restriction|prohibition|lockdown|blockade", "COERCE", "restrict", weight=3, pos="N")
_add("censor|censorship", "COERCE", "censor", weight=5)
_add("shut down newspaper|close newspaper|block website|block access", "COERCE", "censor", weight=6)
_add("curfew", "COERCE", "curfew", weight=5)
_add("impose curfew|declare curfew", "COERCE", "curfew", weight=7)
_add("martial law|state of emergency|emergency rule|military rule", "COERCE", "martial-law", weight=6)
_add("deport|expel|exile|banish|evict", "COERCE", "deport", weight=4, pos="V")
_add("deportation|expulsion|exile|eviction", "COERCE", "deport", weight=3, pos="N")
_add("shut off|cut off power|cut off water|withhold", "COERCE", "withhold", weight=4)
_add("hack|cyberattack|cyber-attack|cyber attack", "COERCE", "cyber", weight=5)

# -- violence: ASSAULT (one-sided, unconventional) and FIGHT (organised forces) --------------------
_add("attack|assault|storm|overrun|ambush|strike|target|hit", "ASSAULT", None, weight=3, pos="V")
_add("attack|assault|ambush|violence", "ASSAULT", None, weight=3, pos="N")
_add("kill|murder|slay|slaughter|massacre|die|wound|injure|maim|hurt", "ASSAULT", None, weight=1, pos="V")
_add("killing|murder|massacre|death|casualty|bloodshed|carnage", "ASSAULT", None, weight=1, pos="N")
_add("assassinate|execute|behead|lynch", "ASSAULT", "targeted", weight=6, pos="V")
_add("assassination|execution|beheading|lynching", "ASSAULT", "targeted", weight=6, pos="N")
_add("abduct|kidnap|hijack|snatch|seize hostage|take hostage|hold hostage|take captive", "ASSAULT",
     "abduct", weight=6)
_add("abduction|kidnapping|hijacking|hostage-taking", "ASSAULT", "abduct", weight=6, pos="N")
_add("torture|torment|mutilate", "ASSAULT", "torture", weight=6)
_add("beat|punch|flog|whip|club|batter", "ASSAULT", "beat", weight=5, pos="V")
_add("beating|flogging", "ASSAULT", "beat", weight=5, pos="N")
_add("rape|sexual assault|sexual violence|sexually assault", "ASSAULT", "sexual", weight=6)
_add("stab|hack to death|machete|knife attack|set fire|set ablaze|arson", "ASSAULT", "primitive", weight=4)
_add("stone|burn|torch", "ASSAULT", "primitive", weight=3, pos="V")
_add("ethnic cleansing|genocide|mass killing|mass execution", "ASSAULT", "targeted", weight=7)
_add("abuse|mistreat", "ASSAULT", "beat", weight=3, pos="V")
_add("sexually abuse|sexually assault", "ASSAULT", "sexual", weight=7)
_add("shoot|gun down|shot dead|open fire|fire on|fire at|snipe", "ASSAULT", "firearms", weight=4)
_add("shooting|gunfire|gunshot|sniper", "ASSAULT", "firearms", weight=4, pos="N")
_add("bomb|blow up|detonate|explode", "ASSAULT", "explosives", weight=5, pos="V")
_add("bombing|bomb|blast|explosion|ied|landmine|mine|grenade|car bomb|roadside bomb|truck bomb|"
     "booby trap|explosive device", "ASSAULT", "explosives", weight=5, pos="N")
_add("suicide bomber|suicide bombing|suicide attack|suicide bomb|suicide car bomb|self-immolation",
     "ASSAULT", "suicide-attack", weight=8)
_add("destroy|demolish|raze|bulldoze|blow up house|vandalize|vandalise|loot|ransack|sabotage",
     "ASSAULT", "destroy", weight=3, pos="V")
_add("destruction|demolition|looting|sabotage", "ASSAULT", "destroy", weight=3, pos="N")
_add("tear gas|water cannon|rubber bullet|baton charge|stun grenade", "ASSAULT", "crowd-control",
     weight=7)
_add("chemical weapon|chemical attack|nerve agent|poison gas|chlorine gas|sarin|nuclear attack",
     "ASSAULT", "unconventional", weight=8)

_add("clash|fight|battle|skirmish", "FIGHT", "firearms", weight=5, pos="V")
_add("clash|fighting|battle|skirmish|firefight|gunbattle|combat|hostility|offensive|counteroffensive|"
     "counter-offensive|incursion|invasion", "FIGHT", "firearms", weight=4, pos="N")
_add("war|hostility", "FIGHT", "firearms", weight=1, pos="N")
_add("violate ceasefire|break ceasefire|breach ceasefire|violate truce|break truce|breach truce|"
     "ceasefire violation", "FIGHT", "firearms", weight=7)
_add("gun battle|exchange fire|exchange of fire|trade fire|armed clash|heavy fighting|street fighting|"
     "fierce fighting", "FIGHT", "firearms", weight=7)
_add("shell|bombard|pound", "FIGHT", "heavy-weapons", weight=6, pos="V")
_add("shelling|bombardment|artillery|mortar|rocket|tank|barrage|katyusha|howitzer", "FIGHT",
     "heavy-weapons", weight=6, pos="N")
_add("rocket attack|rocket fire|mortar attack|mortar fire|artillery fire|tank fire|missile attack|"
     "ballistic missile|cruise missile", "FIGHT", "heavy-weapons", weight=7)
# a missile is ACLED's "shelling/artillery/missile attack" unless aircraft fired it (acled.sub_event reads
# the aircraft named in the sentence)
_add("missile", "FIGHT", "heavy-weapons", weight=6, pos="N")
_add("airstrike|air-strike|warplane|airstrikes|helicopter gunship|gunship|fighter jet", "FIGHT",
     "aerial", weight=7, pos="N")
_add("air strike|air raid|air attack|aerial bombardment|aerial attack|shoot down|strike", "FIGHT",
     "aerial", weight=5)
# bombs only aircraft drop: the weapon makes the mention an air strike, whatever else it says
_add("barrel bomb|cluster bomb|cluster munition|vacuum bomb|incendiary bomb|thermobaric bomb|bunker buster|"
     "parachute bomb", "FIGHT", "aerial", weight=8, pos="N")
_add("drone strike|drone attack|drone|uav|unmanned aerial vehicle", "FIGHT", "drone", weight=8)
_add("capture|recapture|retake|seize control|take control|take over|occupy|invade|liberate|overrun",
     "FIGHT", "occupy", weight=4, pos="V")
_add("capture|recapture|occupation|takeover", "FIGHT", "occupy", weight=3, pos="N")
_add("besiege|encircle|lay siege|siege|blockade", "FIGHT", "blockade", weight=5)
_add("push into|push toward|push towards|push deep|sweep|repel|repulse|counterattack|counter-attack|"
     "operation|raid", "FIGHT", "offensive", weight=2)
_add("military operation|ground operation|ground offensive|security operation|clearing operation|"
     "military campaign|ground assault", "FIGHT", "offensive", weight=6)

_add("set up base|establish base|build base|open base|set up headquarters|establish headquarters|"
     "set up outpost|establish outpost|set up camp|establish camp|build outpost", "MOBILIZE", "base", weight=6)
_add("take back|win back|regain control", "FIGHT", "occupy", weight=5)

# -- non-conflict events ------------------------------------------------------------------------------
_add("earthquake|quake|tremor|flood|flooding|flash flood|storm|hurricane|cyclone|typhoon|tornado|landslide|"
     "mudslide|avalanche|tsunami|drought|wildfire|forest fire|heatwave|heat wave|volcanic eruption|blizzard|"
     "snowstorm|epidemic|outbreak of cholera|cholera", "DISASTER", None, weight=5, pos="N")
_add("crash|collision|derailment|accident|stampede|capsize|shipwreck|gas leak|building collapse|"
     "fire break out|short circuit|traffic accident|road accident|plane crash|car crash", "ACCIDENT", None,
     weight=4, pos="N")
_add("crash|collide|derail|capsize|drown", "ACCIDENT", None, weight=4, pos="V")
_add("robbery|theft|burglary|smuggling|trafficking|fraud|embezzlement|extortion|carjacking|counterfeiting",
     "CRIME", None, weight=2, pos="N")
_add("rob|steal|smuggle|embezzle|extort|burgle", "CRIME", None, weight=4, pos="V")
_add("drug trafficking|human trafficking|arms smuggling|drug smuggling", "CRIME", None, weight=6)

# Reporting verbs: never events themselves (the reported content may be).
SPEECH_VERBS = frozenset(
    "say tell add state report announce claim note explain write post declare confirm "
    "acknowledge estimate describe according quote".split()
)
# Adverbs and phrases that hedge the reported event.
HEDGES = frozenset("reportedly allegedly purportedly apparently supposedly possibly likely".split())

_EXPLOSIVE_MODES = {"explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "unconventional"}
_ONE_SIDED_MODES = {"abduct", "beat", "torture", "sexual", "targeted"}


def acled_type(category: str, mode: str | None) -> str | None:
    """The ACLED event type a PLOVER category and mode fall under, where one does.

    ASSAULT with firearms or an unknown weapon is left ``None`` here: ACLED types it by the target
    (Battles against armed forces, Violence against civilians otherwise), which the caller refines.
    """
    if category in VIOLENT and mode in _EXPLOSIVE_MODES:
        return "Explosions/Remote violence"
    if category == "FIGHT":
        return "Battles"
    if category == "ASSAULT":
        return "Violence against civilians" if mode in _ONE_SIDED_MODES else None
    if category == "PROTEST":
        return "Riots" if mode == "riot" else "Protests"
    if category in ("COERCE", "MOBILIZE") or (category == "RETREAT" and mode in ("withdraw", "disarm")):
        return "Strategic developments"
    if category == "AGREE" and mode == "ceasefire":
        return "Strategic developments"
    return None


# Irregular English forms for the model-free path (spaCy lemmatises these itself).
_IRREGULAR = {
    "fought": "fight", "shot": "shoot", "met": "meet", "held": "hold", "struck": "strike", "took": "take",
    "taken": "take", "fled": "flee", "sought": "seek", "withdrew": "withdraw", "withdrawn": "withdraw",
    "gave": "give", "given": "give", "sent": "send", "overran": "overrun", "drove": "drive",
    "broke": "break", "broken": "break", "forbade": "forbid", "forbidden": "forbid", "beaten": "beat",
    "hit": "hit", "led": "lead", "threw": "throw", "thrown": "throw", "spoke": "speak", "told": "tell",
    "said": "say", "began": "begin", "begun": "begin", "won": "win", "lost": "lose", "stole": "steal",
    "stolen": "steal", "bore": "bear", "seized": "seize", "dead": "die", "died": "die", "dying": "die",
    "brought": "bring", "caught": "catch", "blew": "blow", "blown": "blow", "slain": "slay",
    "slew": "slay", "arose": "arise", "rose": "rise", "went": "go", "gone": "go", "paid": "pay",
    "cut": "cut", "put": "put", "quit": "quit", "mined": "mine", "laid": "lay", "freed": "free",
    "pled": "plead", "pleaded": "plead", "rode": "ride", "flew": "fly", "flown": "fly",
    "fell": "fall", "fallen": "fall", "sped": "speed", "swept": "sweep", "kept": "keep", "left": "leave",
    "made": "make", "met with": "meet", "ran": "run", "saw": "see", "seen": "see", "came": "come",
    "casualties": "casualty", "hostilities": "hostility", "talks": "talk", "mines": "mine",
    "militias": "militia", "arms": "arm", "troops": "troop", "forces": "force",
}


def lemma_candidates(word: str) -> tuple[str, ...]:
    """Possible lemmas of a lower-cased English word form, for matching without a lemmatiser.

    Over-generates on purpose ("raided" -> raid, raide): only candidates found in the lexicon matter.
    """
    w = word.lower()
    if w in _IRREGULAR:
        return (_IRREGULAR[w],)
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    for suf in ("ed", "ing"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)]
            out.extend((stem, stem + "e"))
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "shelled" -> shell + "stopped" -> stop
                out.append(stem[:-1])
    return tuple(dict.fromkeys(out))
