"""Word lists for finding entity mentions: head nouns, Arabic group words, place cues, role nouns.

Everything here is general linguistic knowledge about English news text and the Arabic, Persian and
Kurdish names that appear in it: which noun heads an organisation's name and what kind of
organisation it signals, which Arabic words start the names of armed groups, which words announce
a place, which capitalised words are not names. No name is taken from any corpus.

All keys are lower-case; Arabic words are also listed without apostrophes (``fold`` removes them).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _table(text: str) -> dict[str, str | None]:
    """'subtype: word|word ...' blocks (continued on the following lines) -> {word: subtype}.

    The subtype '-' means: an organisation of unknown kind.
    """
    out: dict[str, str | None] = {}
    kind: str | None = None
    for line in text.strip().splitlines():
        head, sep, rest = line.partition(":")
        if sep and head.strip() and " " not in head.strip():
            kind, line = head.strip(), rest
        for w in line.split("|"):
            w = " ".join(w.split())
            if w and kind is not None:
                out[w] = None if kind == "-" else kind
    return out


# -- organisations -------------------------------------------------------------------------------

# The last word (or words) of an organisation's English name, and what kind of body it signals.
ORG_HEADS: dict[str, str | None] = _table(
    """
    armed_group: brigade|brigades|battalion|battalions|militia|militias|front|movement|resistance|
                 mujahideen|mujahedeen|legion|insurgency|group|faction|factions|companies|martyrs|
                 knights|lions|guardians|partisans|hosts|vanguard|vanguards|squad|squads|cell|cells
    military:    army|forces|force|division|divisions|corps|command|air force|navy|guard|guards|
                 regiment|units|unit|fleet|marines|gendarmerie|police|federal police|commandos|
                 special forces|peshmerga|operations command|joint operations command|headquarters|
                 counter-terrorism service|counterterrorism service|staff
    government:  ministry|council of ministers|parliament|government|directorate|cabinet|presidency|
                 office|department|commission|authority|court|supreme court|assembly|senate|
                 embassy|consulate|secretariat|administration|service|services|bureau|
                 municipality|governorate council|provincial council|judiciary|tribunal
    party:       party|bloc|list|parties
    media:       news agency|agency press|press|tv|television|radio|times|post|monitor|bulletin|
                 gazette|observer|dispatch|courier|herald|tribune|journal|daily|chronicle|news|
                 channel|newspaper|magazine|broadcasting|broadcasting corporation|review|ledger|
                 telegraph|guardian|sun|star|mail|express|weekly|online|media|network news|
                 satellite channel|wire
    research:    institute|institution|watch|observatory|foundation|university|academy|
                 think tank|crisis group|research center|research centre|studies|program|
                 programme|initiative|project|society|association|endowment|fund|trust|
                 human rights|amnesty international
    -:           organization|organisation|alliance|coalition|council|committee|network|agency|
                 union|federation|league|company|corporation|group of|center|centre|bank|
                 conference|congress|mission|office of
    """
)
# Heads that begin a name and are followed by "of"/"for": "Ministry of Defence", "Institute for ...".
ORG_OF_HEADS: frozenset[str] = _words(
    "ministry ministries council institute institution center centre foundation university academy "
    "organization organisation league union federation association army armies brigade brigades "
    "battalion battalions companies company knights lions guardians soldiers sons "
    "partisans party movement front committee office department directorate agency commission "
    "authority court assembly bank corps forces force division command government coalition "
    "alliance network observatory society vanguard legion martyrs"
)
# First words of the names of bodies that are international by nature ("U.N. Security Council").
INTERNATIONAL_PREFIXES: tuple[str, ...] = (
    "united nations", "u.n.", "u.n", "un", "nato", "european union", "eu", "arab league", "african union",
    "international", "global", "world", "red cross", "red crescent", "unicef", "unhcr", "ocha", "iaea",
    "icrc", "iom", "unami", "wfp", "undp", "organisation of islamic cooperation",
    "organization of islamic cooperation", "gulf cooperation council",
)
# International bodies whose organs the news names without them ("the Security Council" of the "UN
# Security Council"), as their names' first words read once normalised
BODY_PREFIXES: tuple[tuple[str, ...], ...] = (("united", "nations"), ("european", "union"), ("un",), ("eu",), ("nato",))


def body_prefix_length(tokens: tuple[str, ...]) -> int:
    """How many of a name's first (normalised) words name the international body it is an organ of."""
    return next((len(p) for p in BODY_PREFIXES if tokens[: len(p)] == p and len(tokens) > len(p)), 0)


# Well-known bodies whose names carry no head noun: general knowledge of the region's main actors.
KNOWN_ORGS: dict[str, str | None] = _table(
    """
    armed_group: islamic state|islamic state group|isis|isil|daesh|da'esh|al-qaeda|al-qaida|al qaeda|
                 hezbollah|hizbollah|hizbullah|hamas|taliban|houthis|houthi movement|ansar allah|
                 al-shabaab|boko haram|hayat tahrir al-sham|jabhat al-nusra|al-nusra front|pkk|ypg|
                 ypj|sdf|fsa|aqap|aqim|is|jnim
    military:    peshmerga|pentagon|centcom|irgc
    international: united nations|u.n.|un|nato|european union|eu|arab league|unicef|unhcr|ocha|iaea|
                 icrc|iom|unami|wfp|undp|who|red cross|red crescent|opec|interpol
    research:    amnesty international|human rights watch|doctors without borders|msf
    media:       reuters|afp|ap|bbc|cnn|al jazeera|al-jazeera|al arabiya|al-arabiya|xinhua|tass|irna|
                 sana|ina|rudaw|kurdistan24|al-sumaria|alsumaria|sputnik|bloomberg
    """
)

# What the Arabic head words of group names mean in English, so that "Jabhat X" meets "X Front"
# and "Jaish X" meets "X Army" / "Army of X": a bilingual lexicon of kinds of group, no group's name.
ARABIC_HEAD_MEANINGS: dict[str, str] = {
    **dict.fromkeys(("jabhat", "jabha"), "front"),
    **dict.fromkeys(("jaish", "jaysh", "jeish"), "army"),
    **dict.fromkeys(("liwa", "liwaa", "liwa'"), "brigade"),
    **dict.fromkeys(("kataib", "kataeb", "kata'ib"), "brigades"),
    **dict.fromkeys(("katiba", "katibat"), "battalion"),
    **dict.fromkeys(("harakat", "harakah", "haraka"), "movement"),
    **dict.fromkeys(("hizb", "hezb"), "party"),
    **dict.fromkeys(("faylaq", "failaq"), "legion"),
    **dict.fromkeys(("quwat", "quwwat"), "forces"),
    "tahaluf": "alliance", "majlis": "council", "tanzim": "organization", "saraya": "companies",
}
# Arabic words that complete a group's name and that English reports translate ("Liwa al-Shamiyya"
# reported as the "Levant Brigade", "Katibat al-Fatah" as the "Battalion of Conquest"): common
# vocabulary, no group's name.
ARABIC_NAME_WORD_MEANINGS: dict[str, str] = {
    **dict.fromkeys(("sham", "shamiya", "shamiyya", "shamiyah", "shami"), "Levant"),
    **dict.fromkeys(("fatah", "fateh", "fath"), "Conquest"),
    "quds": "Jerusalem", "tahrir": "Liberation", "nasr": "Victory", "thawra": "Revolution",
}


# Arabic (and Persian/Kurdish) words that head the names of armed groups and movements, folded.
ARABIC_GROUP_HEADS: dict[str, str | None] = _table(
    """
    armed_group: kataib|kataeb|kata'ib|katai'b|katiba|katibat|asaib|asa'ib|asaeb|saraya|sarayat|
                 liwa|liwaa|liwa'|alwiya|alwiyat|harakat|harakah|haraka|jaish|jaysh|jeish|firqat|
                 firqa|quwat|quwwat|hashd|tahaluf|jabhat|jabha|ansar|fawj|afwaj|jamaat|jama'at|
                 jamaah|tanzim|hay'at|hayat|faylaq|failaq|usbat|junud|jund|fursan|ahrar|thuwar|
                 muqawama|muqawamat|hurras|ashab|abna|ahl|hashid|hashed
    party:       hizb|hezb|tayyar|itilaf|i'tilaf|majlis|tajamu|tajammu
    """
)

# A militia context turns "Forces", "Units", "Alliance" and "Coalition" into an armed group.
MILITIA_CONTEXT: frozenset[str] = _words(
    "militia militias paramilitary paramilitaries armed faction factions fighters insurgent insurgents "
    "jihadist jihadists rebel rebels guerrilla guerrillas"
)

# Apposition nouns that give the kind of an organisation: "X, a Shiite militia".
APPOSITION_KINDS: dict[str, str | None] = _table(
    """
    armed_group: militia|militias|paramilitary|armed group|faction|rebel group|insurgent group|
                 jihadist group|terrorist group|extremist group|brigade|umbrella group|
                 militia alliance|militia coalition|armed faction
    research:    think tank|think-tank|research center|research centre|monitor|monitoring group|
                 rights group|watchdog|ngo|charity|nonprofit|non-profit|institute|research group
    media:       news agency|newspaper|broadcaster|television channel|tv channel|news outlet|
                 website|news site|daily|weekly|magazine|outlet
    party:       party|political party|bloc|political bloc|electoral list|political movement
    government:  ministry|agency|government body|commission|authority|directorate
    military:    army unit|military unit|force|special forces unit|command
    international: un agency|u.n. agency|international organization|international organisation
    """
)

# Generic words for kinds of organisation (English, and the Arabic unit words used untranslated):
# not distinctive enough to name one organisation on their own.
GENERIC_ORG_WORDS: frozenset[str] = _words(
    """
    army armies brigade brigades battalion battalions company companies division regiment corps
    force forces front group groups movement organization organisation party council command
    committee ministry militia militias units unit alliance coalition union league network
    office agency authority government administration state institute centre center
    liwa kataib kata'ib katibat saraya sariya harakat haraka jaish jabhat jabha asaib firqat
    quwat tahaluf hizb majlis tanzim fawj
    """
)

# Kind words after an armed group's own name ("al-Dawn Front", "Sahil Brigade"): the name before
# them is the group's too, so a document or a corpus that writes the group without its kind word
# still means it.
GROUP_KIND_WORDS: frozenset[str] = _words("front army movement brigade brigades battalion legion")
# ... and the kind words after any body's name that a corpus joins a bare name to ("al-Dawn" is the
# "al-Dawn Party" the corpus names). Within one document, where a glued span is split, the armed
# group's words alone are read so: "Norland Council" does not make "Norland" an organisation there.
BODY_KIND_WORDS: frozenset[str] = GROUP_KIND_WORDS | _words(
    "party forces council group organization organisation militia")
# Words after a broadcaster's name that its short form leaves out ("Al-Dawn TV" is "Al-Dawn").
BROADCAST_KIND_WORDS: frozenset[str] = _words("tv television channel radio")
# Arabic words in front of a group's own name that a corpus may leave out ("Jabhat al-Dawn" is often
# just "al-Dawn"). Only words that say "front, movement, organisation": a word such as "Ansar"
# ("supporters") is part of what the name says.
LEADING_GROUP_WORDS: frozenset[str] = _words("jabhat jabha hayat hay'at harakat haraka tanzim")

# Descriptive words in front of an organisation's name that its short form often leaves out
# ("Islamic Revolutionary Guard Corps" / "Revolutionary Guards"). Words that make another
# organisation ("Free", "New", a country) are not among them.
ORG_DESCRIPTORS: frozenset[str] = _words(
    "islamic national popular united democratic supreme higher high central general federal special "
    "republican revolutionary international joint arab"
)

# Weekdays and months, whole or cut short ("Mon Jul 4"): a date's words, never a name of their own.
DATE_WORDS: frozenset[str] = _words(
    """mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december""")

# -- places --------------------------------------------------------------------------------------

# Words after a name that make it a place: "Kirkuk province", "the Hamrin mountains", "K1 air base".
PLACE_SUFFIXES: dict[str, str | None] = _table(
    """
    region:     province|governorate|district|sub-district|subdistrict|region|valley|mountains|
                mountain|mountain range|range|hills|desert|plain|plains|river|lake|marshes|
                neighborhood|neighbourhood|area|countryside|basin|peninsula|island|islands|
                county|canton|oblast|corridor|strip|heights|gorge|sea|gulf|bay|canal
    settlement: city|town|village|camp|suburb|quarter
    facility:   airfield|air base|airbase|air field|base|military base|checkpoint|bridge|dam|
                refinery|cemetery|airport|prison|border crossing|crossing|oil field|oilfield|
                gas field|power station|power plant|palace|stadium|hospital|mosque|shrine|square|
                compound|barracks|highway|road|port|harbor|harbour|station|complex|garrison
    """
)
# Words before a name that make it a place: "the village of X", "Camp X", "Mount X".
PLACE_PREFIXES_OF: dict[str, str | None] = _table(
    """
    settlement: village|town|city|hamlet|suburb|settlement|capital|port city|border town|market town|mayor|outskirts|
                township|refugee camp|camp
    region:     province|governorate|district|sub-district|region|area|county|neighborhood|governor|
                neighbourhood|island|valley|state|countryside
    """
)
PLACE_CAPITAL_PREFIXES: dict[str, str | None] = _table(
    """
    facility:   camp|fort|forward operating base|fob|checkpoint
    region:     mount|mt|lake|wadi|jabal|jebel|jabel|gulf|cape|lake
    settlement: albu|al-bu|tell|tal|tel|tall|deir|dayr|dair|ras|ain|ayn|khan|bab|kafr|kfar|kafar|kefr|kfr|
                khirbet|khirbat|kherbet|khirbit|maarat|ma'arat|qassr|
                jisr|qasr|bir|hammam|qalaat|qal'at|nahr|madinat|suq|souq|beit|bayt
    """
)
# Administrative divisions, which are usually named after their seat: "Kirkuk province" is not the
# city of Kirkuk, so the kind word stays part of the name. Each word maps to its level; words of one
# level are synonyms ("X governorate" = "X province"). "The X countryside" (Arabic "rif") is the rural
# part of the province around X: the province, not the town.
ADMIN_DIVISIONS: dict[str, str | None] = _table(
    """
    province:   province|provinces|governorate|governorates|wilayah|wilaya|muhafazah|oblast|
                prefecture|canton|countryside
    district:   district|districts|sub-district|sub-districts|subdistrict|subdistricts|county|
                counties|qadaa|qada|nahiya
    """
)
_ADMIN_OF = re.compile(r"^(?:the\s+)?(" + "|".join(sorted(map(re.escape, ADMIN_DIVISIONS), key=len, reverse=True))
                       + r")\s+of\s+(?:the\s+)?(\S.*)$", re.IGNORECASE)


def admin_division(name: str) -> tuple[str, str] | None:
    """(place name, level) of an administrative division named with its kind word, else None.

    >>> admin_division("Wasit Governorate")
    ('Wasit', 'province')
    >>> admin_division("the district of Sinjar")
    ('Sinjar', 'district')
    """
    words = name.split()
    if len(words) >= 2 and words[0] in ("Rural", "rural"):
        return " ".join(words[1:]), "province"  # "Rural X" is "the X countryside"
    if len(words) >= 2:
        level = ADMIN_DIVISIONS.get(words[-1].lower())
        if level is not None:
            return " ".join(words[:-1]), level
        m = _ADMIN_OF.match(" ".join(words))
        if m:
            return m.group(2), ADMIN_DIVISIONS[m.group(1).lower()]  # type: ignore[return-value]
    return None


_COUNTRYSIDE_OF = re.compile(r"^(?:the\s+)?countryside\s+of\s+(?:the\s+)?(\S.*)$", re.IGNORECASE)


def countryside_of(name: str) -> str | None:
    """X of "X countryside", "Rural X" or "the countryside of X" (Arabic "rif X"), else None.

    >>> countryside_of("Wadi Tal countryside"), countryside_of("Rural Sahil"), countryside_of("Sahil")
    ('Wadi Tal', 'Sahil', None)
    """
    words = name.split()
    if len(words) < 2:
        return None
    if words[-1].lower() == "countryside":
        return " ".join(words[:-1])
    if words[0] in ("Rural", "rural"):
        return " ".join(words[1:])
    m = _COUNTRYSIDE_OF.match(name)
    return m.group(1) if m else None


# The second half of a compound adjective: "Dawn-backed", "rebel-held", "oil-rich". A word ending so
# describes the name after it ("Oil-rich Sahil") or names the one before the hyphen ("Dawn-led").
COMPOUND_ADJECTIVE = re.compile(
    r"[-‐](?:based|led|backed|funded|aligned|affiliated|linked|run|trained|supported|allied|held|controlled|"
    r"sponsored|inspired|dominated|rich)$", re.IGNORECASE)


# English words that qualify a place's name ("Western X", "Old X") and are never a place on their own
# The Arabic article written before a name with a hyphen, as such or assimilated ("al-", "ash-",
# "ad-"), in any case: "al-Sahil" is the name "Sahil".
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|at|az|an|ez|es|adh|ath)[-‐‑](?=[^\W_])", re.IGNORECASE)

PLACE_MODIFIERS: frozenset[str] = _words(
    """north south east west northern southern eastern western central northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern old new upper lower greater inner outer rural downtown""")
# "Eastern", "Northwestern": a direction, never a name alone ("in the Eastern part of X")
DIRECTION_ADJECTIVES: frozenset[str] = frozenset(w for w in PLACE_MODIFIERS if w.endswith("ern"))

# Words after a place that name the area around it ("the Sahil countryside", "Sahil's outskirts"):
# what happens there happens near the place, not in it, and the place itself is the name before.
AREA_WORDS: frozenset[str] = _words("countryside outskirts suburbs environs surroundings vicinity area")


# Prepositions that make a following capitalised name a (weak) place.
PLACE_PREPOSITIONS: frozenset[str] = _words(
    "in near outside around across inside into toward towards through via along beyond between"
)
COMPASS_OF: frozenset[str] = _words(
    "north south east west northeast northwest southeast southwest north-east north-west south-east "
    "south-west northern southern eastern western outskirts"
)

# -- persons -------------------------------------------------------------------------------------

# Nouns that, with "the" in front and nothing after, refer to one specific person.
PERSON_ROLE_NOUNS: frozenset[str] = _words(
    "president vice-president premier minister colonel general lieutenant captain major commander "
    "brigadier sergeant admiral spokesman spokeswoman spokesperson leader governor mayor ambassador "
    "envoy cleric ayatollah sheikh imam emir king prince chairman chairwoman director "
    "secretary-general commander-in-chief chief speaker deputy adviser advisor general-secretary "
    "founder head"
)
# Multi-word person roles ("the prime minister"), matched before the single nouns.
PERSON_ROLE_PHRASES: tuple[str, ...] = (
    "prime minister", "deputy prime minister", "foreign minister", "defense minister",
    "defence minister", "interior minister", "oil minister", "finance minister", "vice president",
    "supreme leader", "lieutenant colonel", "major general", "brigadier general", "lieutenant general",
    "deputy governor", "deputy commander", "secretary general", "secretary of state",
    "defense secretary", "defence secretary", "national security adviser", "chief of staff",
    "army chief", "police chief", "grand ayatollah", "crown prince", "deputy leader",
)
# Roles that are also adjectives or count nouns in other uses ("the general public", "the major
# roads", "the head office"): a role reference needs a verb, punctuation or a preposition next.
AMBIGUOUS_ROLES: frozenset[str] = _words("general major chief head deputy captain speaker director leader founder")
ROLE_FOLLOWERS: frozenset[str] = _words(
    "said says told added stated announced warned denied confirmed declared insisted argued called "
    "urged vowed pledged was is has had would will could did does who whose whom and or of for in on "
    "at to with from by later also himself herself then visited met ordered"
)

# Kunya, nasab and article particles that shape Arabic personal names.
NAME_PARTICLES: frozenset[str] = _words("al el ul ad ar as ash at az an bin ibn bint bn abu abou umm um")
KUNYA: frozenset[str] = _words("abu abou abo umm um")
NASAB: frozenset[str] = _words("bin ibn bint ben")

# Common given names of the region (Arabic, Persian, Kurdish, Turkish), in common romanisations.
# They make "Given al-Surname" a person rather than a group or place.
GIVEN_NAMES: frozenset[str] = _words(
    """
    abbas abbass abdallah abdullah abdulla abdul abdel abd abdulrahman abdul-rahman abdelrahman
    abdulaziz abdulkarim abdul-karim abdulla abdulqadir adel adil adnan ahmad ahmed ahmet akram ala
    alaa ali amer amin amir ammar amr anas anwar arif asaad asad ashraf atheel ayad ayman ayoub aziz
    bakr baqir baqer basim basil bassam bilal dawood dawud daoud diyar emad faisal faysal faleh falih
    falah farhad farhan faris fares farouk farooq fatima fadhil fadel fawzi firas fuad ghassan ghazi
    hadi haidar haider haydar hakim hamid hamad hamza hana hani harith hasan hassan hatem hazem hisham
    hossein hosseini husam hussam hussein husain hussain ibrahim ihsan imad iyad issa jabbar jaafar
    jafar jalal jamal jamil jasim jassim jawad jihad kadhim kazem kazim kamal kamran karim khalid
    khaled khalaf khalil khamis laith layla leila mahdi mahmoud mahmud majid majed malik mansour
    marwan maryam masoud massoud mazen mehdi mohammed mohammad muhammad mohamed mohamad muhammed
    mohsen mohannad muhannad moqtada muqtada mustafa mostafa muayad muthanna nabil nabeel nader
    nadia naji najib nasser nasir nawaf nizar nouri nuri nour noor omar umar osama usama qais qassem
    qasim qusay rafi rahim raed rami rashid rasheed reza riyad riyadh saad saddam sadiq sadeq safa
    saif sayf salah saleh salih salim salem salman sami samir sattar shaker shakir sharif suleiman
    sulaiman tahir talal tamer tariq tareq thamer uday waleed walid wael yahya yasir yasser yassin
    younis yunus yousef yusuf youssef zaid zayd zainab zeinab ziad ziyad zuhair masrour masoud nechirvan
    barham jalal qubad hemin karwan kawa rebwar shirwan hoshyar fuad nawzad esmail ismail ismael
    qassim hojjat javad jalil mojtaba mahmood ebrahim hassan mohsin hamed ruhollah hashem hashim
    """
)

# -- things that look like names but are not ----------------------------------------------------

# Capitalised words that start sentences or headlines but are never part of a name.
NOT_NAME_WORDS: frozenset[str] = _words(
    """
    the a an in on at by for from to of and or but if as with without after before during since
    while when where who whom whose what which why how this that these those there here then than
    he she it they we i you his her its their our my your him them us me nobody everybody somebody
    anyone someone everyone no yes not also however meanwhile still yet so thus though although
    asked speaking according despite amid amidst among under over about across into onto upon unlike
    like besides including following instead whereas until unless against along around behind beyond
    near outside inside toward towards via per throughout within
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow tonight last next

    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand dozens scores hundreds thousands many several some most more few both all each
    every other another such
    related photo photos video videos read share follow subscribe sign advertisement breaking update
    updated exclusive analysis opinion editorial comment live watch listen
    """
)
# Proper nouns that are neither actors nor places in this domain: languages, platforms, vehicles.
NOT_ENTITIES: frozenset[str] = _words(
    """
    arabic english kurdish persian farsi turkish french german russian hebrew sorani kurmanji
    telegram twitter facebook whatsapp youtube instagram tiktok x signal google apple
    humvee humvees kalashnikov ak-47 katyusha katyushas kornet grad rpg rpgs ied ieds mrap
    islam quran koran ramadan eid ashura arbaeen arbaeen nowruz covid-19 covid
    god allah
    """
)
# Words that end job titles, so that "Research Fellow" or "Senior Analyst" are not names.
JOB_WORDS: frozenset[str] = _words(
    "fellow analyst researcher professor lecturer editor correspondent reporter writer author "
    "director associate senior junior visiting nonresident non-resident research chief staff "
    "contributor columnist producer photographer manager coordinator officer head deputy"
)

# Abbreviations that carry a dot but do not end a sentence (ranks, "St.", initials are handled apart).
ABBREVIATIONS: frozenset[str] = _words(
    "gen lt col maj brig capt sgt cpl pvt adm cmdr cdr mr mrs ms dr prof st mt ft rev gov sen rep "
    "jr sr no lt.col u.s u.n u.k e.u"
)
