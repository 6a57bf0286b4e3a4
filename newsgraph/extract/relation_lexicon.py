"""Cue words for relation extraction, grouped by the relation they signal.

Kept apart from the matching code in :mod:`newsgraph.extract.relations` so the vocabulary can be read
and extended without touching the rules. Every entry is ordinary English news vocabulary; nothing
here names an actor, a place or a corpus.

Words are lower-case lemmas (or lower-case surface forms where spaCy's lemma is unreliable, e.g.
past participles used as adjectives). See RELATIONS.md for the ontology.
"""

from __future__ import annotations

# -- role nouns: "X, the <role> of Y", "Y <role> X", "X is a <role> at Y" ------------------------
# The holder of the role is the subject; the organisation/person after the preposition, or the
# possessor/compound before the noun, is the object.

LEADER_NOUNS = frozenset(
    "leader head chief commander founder co-founder cofounder secretary-general chairman chairwoman chair "
    "director boss emir amir commandant ringleader".split()
)
# Offices are held, not led: "governor of X", "Iraqi Prime Minister X" -> holds_office.
OFFICE_NOUNS = frozenset(
    "minister governor president premier mayor ambassador envoy lawmaker legislator speaker "
    "vice-president chancellor king queen emir sultan prefect councillor councilor senator".split()
)
MEMBER_NOUNS = frozenset(
    "member fighter official officer soldier militant operative researcher fellow analyst scholar "
    "employee staffer recruit veteran colonel general commander-in-chief representative delegate "
    "negotiator loyalist activist cadre agent".split()
) - {"commander-in-chief"}
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson mouthpiece".split())
ADVISOR_NOUNS = frozenset("adviser advisor aide counsellor counselor consultant".split())
FAMILY_NOUNS = frozenset(
    "brother sister son daughter father mother cousin nephew niece uncle aunt wife husband widow "
    "grandson granddaughter grandfather brother-in-law son-in-law father-in-law half-brother".split()
)
# "X, Y's deputy" -> X reports_to Y.
SUBORDINATE_NOUNS = frozenset("deputy subordinate lieutenant protege protégé".split())
# Organisational nouns that make an ORG holder a part of the object: "X, a faction of Y".
UNIT_NOUNS = frozenset(
    "faction unit wing arm branch brigade battalion regiment division affiliate offshoot component "
    "part subsidiary cell detachment contingent constituent member franchise".split()
)
# Relation nouns between two actors of any type: "X, an ally of Y", "a proxy of Y".
ALLY_NOUNS = frozenset("ally partner".split())
PROXY_NOUNS = frozenset("proxy client".split())
ENEMY_NOUNS = frozenset("enemy rival foe adversary opponent".split())
# Umbrella nouns whose "of"-list names its parts: "X, a coalition of A, B and C".
UMBRELLA_NOUNS = frozenset("coalition alliance umbrella grouping bloc federation confederation network".split())

# A person noun after a place: "the Najaf cleric", "a Basra tribal leader" -> based_in.
LOCAL_PERSON_NOUNS = frozenset("cleric imam sheikh resident businessman tribesman elder notable".split())

# Modifiers that turn a leader noun into plain membership: "deputy commander of X".
NON_HEAD_MODIFIERS = frozenset("deputy vice assistant acting-deputy second-in-command field local regional".split())

# Generic nouns for an organisation, allowed between a role's preposition and the name:
# "the leader of the tribal force X".
GENERIC_ORG_NOUNS = frozenset(
    "force group militia faction brigade movement organization organisation coalition alliance party "
    "network outfit unit battalion".split()
)

ROLE_PREPOSITIONS = frozenset("of for at in with within to from".split())

# -- verbs and adjectives ---------------------------------------------------------------------
# (lemma) -> predicate. "active" verbs: subject -pred-> object ("X leads Y").
ACTIVE_VERBS = {
    "lead": "leads",
    "head": "leads",
    "command": "controls",
    "found": "leads",
    "co-found": "leads",
    "advise": "advisor_to",
    "fight": "fights",
    "battle": "fights",
    "clash": "fights",
    "attack": "fights",
    "ambush": "fights",
    "storm": "fights",
    "overrun": "fights",
    "target": "fights",
    "shell": "fights",
    "raid": "fights",
    "belong": "member_of",
    "answer": "reports_to",
    "report": "reports_to",
    "obey": "reports_to",
    "join": "member_of",
    "kill": "fights",  # only between two organisations ("militants killed members of the alliance")
    "defeat": "fights",
    "combat": "fights",
    # authority over an organisation: a person leads it, an organisation commands it (the other
    # reports to it); over a place it is territorial control, which is no relation between actors
    "control": "controls",
}
# Active verbs whose object is the one backed: "Y backs X" -> X backed_by Y.
PATRON_VERBS = frozenset(
    "back support train arm fund finance equip sponsor bankroll supply arm".split()
)
# Passive participles / adjectives: "X, which is backed by Y", "X is loyal to Y".
PARTICIPLE_CUES = {
    # participle -> (predicate, preposition that introduces the object, object leads subject?)
    "led": ("leads", "by", True),
    "commanded": ("leads", "by", True),
    "headed": ("leads", "by", True),
    "founded": ("leads", "by", True),
    "run": ("leads", "by", True),
    "backed": ("backed_by", "by", False),
    "supported": ("backed_by", "by", False),
    "trained": ("backed_by", "by", False),
    "armed": ("backed_by", "by", False),
    "funded": ("backed_by", "by", False),
    "financed": ("backed_by", "by", False),
    "equipped": ("backed_by", "by", False),
    "sponsored": ("backed_by", "by", False),
    "bankrolled": ("backed_by", "by", False),
    "supplied": ("backed_by", "by", False),
    "based": ("based_in", "in", False),
    "headquartered": ("based_in", "in", False),
    "stationed": ("based_in", "in", False),
    "deployed": ("based_in", "in", False),
    "garrisoned": ("based_in", "in", False),
    "allied": ("allied_with", "with", False),
    "aligned": ("allied_with", "with", False),
    "affiliated": ("member_of", "with", False),
    "attached": ("member_of", "to", False),
    "represented": ("member_of", "by", True),
    "subordinate": ("reports_to", "to", False),
    "loyal": ("reports_to", "to", False),
    "beholden": ("reports_to", "to", False),
    "accountable": ("reports_to", "to", False),
}
# Hyphenated compound adjectives: "Iran-backed militia", "Baghdad-based group", "US-led coalition".
HYPHEN_CUES = {
    "backed": "backed_by",
    "supported": "backed_by",
    "funded": "backed_by",
    "sponsored": "backed_by",
    "trained": "backed_by",
    "armed": "backed_by",
    "aligned": "allied_with",
    "allied": "allied_with",
    "affiliated": "member_of",
    "based": "based_in",
    "led": "leads",
}

# Multi-word phrases matched on the gap text between two mentions (lower case, single spaces).
# phrase -> (predicate, object leads subject?)
PHRASE_CUES = {
    "as part of": ("part_of", False),
    "part of": ("part_of", False),
    "under the umbrella of": ("part_of", False),
    "a member of": ("member_of", False),
    "belongs to": ("member_of", False),
    "belonging to": ("member_of", False),
    "belonged to": ("member_of", False),
    "under the command of": ("reports_to", False),
    "takes orders from": ("reports_to", False),
    "take orders from": ("reports_to", False),
    "took orders from": ("reports_to", False),
    "answers to": ("reports_to", False),
    "answer to": ("reports_to", False),
    "answered to": ("reports_to", False),
    "reports to": ("reports_to", False),
    "reported to": ("reports_to", False),
    "fought alongside": ("allied_with", False),
    "fights alongside": ("allied_with", False),
    "fighting alongside": ("allied_with", False),
    "in coordination with": ("allied_with", False),
    "in alliance with": ("allied_with", False),
    "close ties to": ("allied_with", False),
    "close ties with": ("allied_with", False),
    "ties to": ("allied_with", False),
    "ties with": ("allied_with", False),
    "links to": ("backed_by", False),
    "links with": ("backed_by", False),
    "linked to": ("backed_by", False),
    "fought against": ("fights", False),
    "fighting against": ("fights", False),
    "fights against": ("fights", False),
    "clashed with": ("fights", False),
    "clashes with": ("fights", False),
    "at war with": ("fights", False),
    "battled": ("fights", False),
    "attacked": ("fights", False),
    "a base in": ("based_in", False),
    "headquarters in": ("based_in", False),
    "operates from": ("based_in", False),
    "operates out of": ("based_in", False),
}

# Verbs whose list-object names the parts of the subject: "X brings together A, B and C".
GATHER_PHRASES = ("brings together", "bring together", "brought together", "groups together", "is made up of",
                  "consists of", "comprises", "includes", "is a coalition of", "an alliance of",
                  "a coalition of", "an umbrella of", "is an alliance of", "is an umbrella for")
# "A, B and C make up X" / "one of three groups that make up X".
COMPOSE_PHRASES = ("make up", "makes up", "made up", "form", "formed", "forms", "constitute", "constitutes")

# -- campaigns: "X's fight against Y", "X launched strikes against Y", "support for X in the fight
# against Y", "X's strategy to defeat Y" ------------------------------------------------------
# Nouns that are a fight themselves; their opponent follows "against".
CAMPAIGN_NOUNS = frozenset(
    "fight battle war campaign struggle strike airstrike air-strike attack offensive assault raid "
    "bombardment counteroffensive counter-offensive insurgency".split()
)
# Nouns that are a fight only through their infinitive: "efforts to defeat Y", "a mission to fight Y".
PURPOSE_NOUNS = frozenset("effort strategy mission plan bid drive campaign operation".split())
# Verbs whose subject carries out the campaign that is their object: "X launched strikes against Y".
CAMPAIGN_VERBS = frozenset(
    "launch wage conduct carry mount lead stage step intensify escalate continue spearhead join pursue "
    "begin start resume win".split()
)
# Help given to someone "in" their campaign: the one helped is the fighter ("support for X in the
# fight against Y", "helped X in its efforts to defeat Y").
HELP_WORDS = frozenset("support help assist aid back backing assistance stand solidarity".split())
# Verbs that put someone in a role: their object holds it ("appointed X commander of Y").
APPOINT_VERBS = frozenset("appoint name make elect nominate designate install promote choose select".split())

# -- polarity --------------------------------------------------------------------------------
NEGATORS = frozenset("not n't never no without".split())
DENY_LEMMAS = frozenset("deny reject dismiss refute disavow disown".split())
HEDGE_WORDS = frozenset(
    "reportedly allegedly purportedly apparently supposedly possibly probably likely may might could "
    "suspected alleged rumoured rumored".split()
)
# A relation inside the complement of these verbs is somebody's claim.
REPORT_LEMMAS = frozenset("say claim allege accuse believe suspect think report assert insist contend".split())
# Nouns that turn what they govern into a claim: "a charge the alliance rejects".
CLAIM_NOUNS = frozenset("charge claim allegation accusation assertion".split())
