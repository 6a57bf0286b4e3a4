"""Country names and demonyms: "Iraqi" -> Iraq, "Iranian-backed" -> Iran, "Shi'ite" -> the Shia community.

News text names states far more often through adjectives ("Iraqi troops", "U.S.-led coalition",
"Iranian-backed militias") than through the country name, and communities almost only through
adjectives ("Shiite militias", "Kurdish forces"). The resolver links such words to the place or group
they stand for instead of creating new entities, so this module maps a word to its target.

The country table is general knowledge (ISO 3166 countries, their usual English short names,
common alternative names and demonyms); pycountry supplies the formal names ("Syrian Arab
Republic") on top.

Entry points
------------
``demonym_target(word)``   -> ("Iraq", "country") | ("Shia", "community") | None
``country_name(text)``     -> "Iraq" for "Iraq", "the Republic of Iraq", "IRAQ"; None otherwise
``COUNTRY_ACRONYMS``       acronyms that name a country ("U.S.", "UK", "UAE")
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.names.normalize import fold

__all__ = ["demonym_target", "country_name", "is_country", "COUNTRY_ACRONYMS"]

# alpha-2 | short name used as the canonical target | demonyms (adjective and plural noun forms are
# derived: -s) | other common names. Kept as text so that one line per country stays readable.
_COUNTRY_TABLE = """
AF|Afghanistan|Afghan/Afghani|
AL|Albania|Albanian|
DZ|Algeria|Algerian|
AD|Andorra|Andorran|
AO|Angola|Angolan|
AG|Antigua and Barbuda|Antiguan|
AR|Argentina|Argentine/Argentinian|
AM|Armenia|Armenian|
AU|Australia|Australian|
AT|Austria|Austrian|
AZ|Azerbaijan|Azerbaijani/Azeri|
BS|Bahamas|Bahamian|
BH|Bahrain|Bahraini|
BD|Bangladesh|Bangladeshi|
BB|Barbados|Barbadian|
BY|Belarus|Belarusian|
BE|Belgium|Belgian|
BZ|Belize|Belizean|
BJ|Benin|Beninese|
BT|Bhutan|Bhutanese|
BO|Bolivia|Bolivian|
BA|Bosnia and Herzegovina|Bosnian|Bosnia
BW|Botswana|Botswanan|
BR|Brazil|Brazilian|
BN|Brunei|Bruneian|
BG|Bulgaria|Bulgarian|
BF|Burkina Faso|Burkinabe|
BI|Burundi|Burundian|
KH|Cambodia|Cambodian|
CM|Cameroon|Cameroonian|
CA|Canada|Canadian|
CV|Cape Verde|Cape Verdean|Cabo Verde
CF|Central African Republic|Central African|
TD|Chad|Chadian|
CL|Chile|Chilean|
CN|China|Chinese|People's Republic of China/PRC
CO|Colombia|Colombian|
KM|Comoros|Comorian|
CG|Republic of the Congo|Congolese|Congo-Brazzaville
CD|Democratic Republic of the Congo|Congolese|DR Congo/DRC/Congo-Kinshasa/Congo
CR|Costa Rica|Costa Rican|
CI|Ivory Coast|Ivorian|Cote d'Ivoire
HR|Croatia|Croatian/Croat|
CU|Cuba|Cuban|
CY|Cyprus|Cypriot|
CZ|Czech Republic|Czech|Czechia
DK|Denmark|Danish/Dane|
DJ|Djibouti|Djiboutian|
DM|Dominica|Dominican|
DO|Dominican Republic|Dominican|
EC|Ecuador|Ecuadorian|
EG|Egypt|Egyptian|
SV|El Salvador|Salvadoran|
GQ|Equatorial Guinea|Equatoguinean|
ER|Eritrea|Eritrean|
EE|Estonia|Estonian|
SZ|Eswatini|Swazi|Swaziland
ET|Ethiopia|Ethiopian|
FJ|Fiji|Fijian|
FI|Finland|Finnish/Finn|
FR|France|French/Frenchman|
GA|Gabon|Gabonese|
GM|Gambia|Gambian|
GE|Georgia|Georgian|
DE|Germany|German|
GH|Ghana|Ghanaian|
GR|Greece|Greek|
GD|Grenada|Grenadian|
GT|Guatemala|Guatemalan|
GN|Guinea|Guinean|
GW|Guinea-Bissau|Bissau-Guinean|
GY|Guyana|Guyanese|
HT|Haiti|Haitian|
HN|Honduras|Honduran|
HU|Hungary|Hungarian|
IS|Iceland|Icelandic/Icelander|
IN|India|Indian|
ID|Indonesia|Indonesian|
IR|Iran|Iranian/Persian|Islamic Republic of Iran/Islamic Republic
IQ|Iraq|Iraqi|Republic of Iraq
IE|Ireland|Irish|
IL|Israel|Israeli|
IT|Italy|Italian|
JM|Jamaica|Jamaican|
JP|Japan|Japanese|
JO|Jordan|Jordanian|
KZ|Kazakhstan|Kazakh/Kazakhstani|
KE|Kenya|Kenyan|
KI|Kiribati|I-Kiribati|
KP|North Korea|North Korean|DPRK
KR|South Korea|South Korean/Korean|Korea
XK|Kosovo|Kosovar/Kosovan|
KW|Kuwait|Kuwaiti|
KG|Kyrgyzstan|Kyrgyz|
LA|Laos|Laotian/Lao|
LV|Latvia|Latvian|
LB|Lebanon|Lebanese|
LS|Lesotho|Basotho|
LR|Liberia|Liberian|
LY|Libya|Libyan|
LI|Liechtenstein|Liechtensteiner|
LT|Lithuania|Lithuanian|
LU|Luxembourg|Luxembourgish|
MG|Madagascar|Malagasy|
MW|Malawi|Malawian|
MY|Malaysia|Malaysian|
MV|Maldives|Maldivian|
ML|Mali|Malian|
MT|Malta|Maltese|
MH|Marshall Islands|Marshallese|
MR|Mauritania|Mauritanian|
MU|Mauritius|Mauritian|
MX|Mexico|Mexican|
FM|Micronesia|Micronesian|
MD|Moldova|Moldovan|
MC|Monaco|Monegasque|
MN|Mongolia|Mongolian|
ME|Montenegro|Montenegrin|
MA|Morocco|Moroccan|
MZ|Mozambique|Mozambican|
MM|Myanmar|Myanmar/Burmese|Burma
NA|Namibia|Namibian|
NR|Nauru|Nauruan|
NP|Nepal|Nepali/Nepalese|
NL|Netherlands|Dutch|Holland/the Netherlands
NZ|New Zealand|New Zealander|
NI|Nicaragua|Nicaraguan|
NE|Niger|Nigerien|
NG|Nigeria|Nigerian|
MK|North Macedonia|Macedonian|Macedonia
NO|Norway|Norwegian|
OM|Oman|Omani|
PK|Pakistan|Pakistani|
PW|Palau|Palauan|
PS|Palestine|Palestinian|Palestinian territories/State of Palestine
PA|Panama|Panamanian|
PG|Papua New Guinea|Papua New Guinean|
PY|Paraguay|Paraguayan|
PE|Peru|Peruvian|
PH|Philippines|Filipino/Philippine|the Philippines
PL|Poland|Polish/Pole|
PT|Portugal|Portuguese|
QA|Qatar|Qatari|
RO|Romania|Romanian|
RU|Russia|Russian|Russian Federation
RW|Rwanda|Rwandan|
KN|Saint Kitts and Nevis|Kittitian|
LC|Saint Lucia|Saint Lucian|
VC|Saint Vincent and the Grenadines|Vincentian|
WS|Samoa|Samoan|
SM|San Marino|Sammarinese|
ST|Sao Tome and Principe|Santomean|
SA|Saudi Arabia|Saudi/Saudi Arabian|Kingdom of Saudi Arabia/KSA
SN|Senegal|Senegalese|
RS|Serbia|Serbian/Serb|
SC|Seychelles|Seychellois|
SL|Sierra Leone|Sierra Leonean|
SG|Singapore|Singaporean|
SK|Slovakia|Slovak|
SI|Slovenia|Slovenian/Slovene|
SB|Solomon Islands|Solomon Islander|
SO|Somalia|Somali|
ZA|South Africa|South African|
SS|South Sudan|South Sudanese|
ES|Spain|Spanish/Spaniard|
LK|Sri Lanka|Sri Lankan|
SD|Sudan|Sudanese|
SR|Suriname|Surinamese|
SE|Sweden|Swedish/Swede|
CH|Switzerland|Swiss|
SY|Syria|Syrian|Syrian Arab Republic
TW|Taiwan|Taiwanese|
TJ|Tajikistan|Tajik|
TZ|Tanzania|Tanzanian|
TH|Thailand|Thai|
TL|East Timor|Timorese|Timor-Leste
TG|Togo|Togolese|
TO|Tonga|Tongan|
TT|Trinidad and Tobago|Trinidadian|
TN|Tunisia|Tunisian|
TR|Turkey|Turkish/Turk|Turkiye/Türkiye
TM|Turkmenistan|Turkmenistani|
TV|Tuvalu|Tuvaluan|
UG|Uganda|Ugandan|
UA|Ukraine|Ukrainian|
AE|United Arab Emirates|Emirati|UAE/U.A.E./the Emirates/Emirates
GB|United Kingdom|British/Briton|Britain/Great Britain/UK/U.K./the United Kingdom
US|United States|American/U.S./US|United States of America/the United States/USA/U.S.A./America/U.S./US
UY|Uruguay|Uruguayan|
UZ|Uzbekistan|Uzbek|
VU|Vanuatu|Ni-Vanuatu|
VA|Vatican City|Vatican|Holy See/the Vatican
VE|Venezuela|Venezuelan|
VN|Vietnam|Vietnamese|Viet Nam
YE|Yemen|Yemeni|
ZM|Zambia|Zambian|
ZW|Zimbabwe|Zimbabwean|
"""

# Religious, ethnic and sectarian communities of the region: adjective/noun forms -> one target.
_COMMUNITY_TABLE = """
Shia|Shia/Shiite/Shi'ite/Shi'a/Shii/Shi'i/Shiites/Shi'ites/Shias
Sunni|Sunni/Sunnis/Sunnite
Kurds|Kurdish/Kurd/Kurds
Arabs|Arab/Arabs/Arabian
Yazidis|Yazidi/Yazidis/Yezidi/Yezidis/Ezidi
Turkmen|Turkmen/Turkoman/Turkomen/Turkmens
Christians|Christian/Christians
Assyrians|Assyrian/Assyrians
Chaldeans|Chaldean/Chaldeans
Alawites|Alawite/Alawites/Alawi
Druze|Druze/Druzes
Shabak|Shabak
Sabians|Sabian/Sabean/Mandaean/Mandaeans
Armenians|Armenians
Baloch|Baloch/Baluch/Balochi
Pashtuns|Pashtun/Pashtuns
Hazaras|Hazara/Hazaras
Jews|Jewish/Jew/Jews
Muslims|Muslim/Muslims/Moslem
Bedouin|Bedouin/Bedouins
"""

# Acronyms that name countries; everything else acronym-shaped is an organisation by default.
COUNTRY_ACRONYMS: frozenset[str] = frozenset("US U.S. USA U.S.A. UK U.K. UAE U.A.E. DRC DPRK KSA PRC".split())

# Hyphenated compounds formed on a demonym or a country name: "Iranian-backed", "U.S.-led".
_COMPOUND_SUFFIX = re.compile(
    r"[-‐‑–](?:backed|led|supported|allied|aligned|funded|trained|armed|sponsored|based|born|run|"
    r"controlled|held|made|affiliated|linked|leaning|friendly|dominated|brokered)$",
    re.IGNORECASE,
)
_COMPOUND_PREFIX = re.compile(r"^(?:pro|anti|non|ex)[-‐‑–]", re.IGNORECASE)
_APOSTROPHES = re.compile("[’‘`´ʼʻ]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(text: str) -> str:
    """Lookup key: apostrophes unified, article and case dropped, dots kept (U.S. vs US differ only in dots)."""
    t = _APOSTROPHES.sub("'", text.strip())
    t = _LEADING_THE.sub("", t)
    return " ".join(t.split()).casefold()


def _add(table: dict[str, tuple[str, str]], form: str, target: tuple[str, str]) -> None:
    table.setdefault(_key(form), target)
    table.setdefault(fold(form), target)  # "Shi'ite" also as "shiite"


def _build() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    demonyms: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        _, short, dems, others = line.split("|")
        names[_key(short)] = short
        for alias in filter(None, others.split("/")):
            names[_key(alias)] = short
        for dem in dems.split("/"):
            _add(demonyms, dem, (short, "country"))
            if any(c.islower() for c in dem) and not dem.endswith(("sh", "ch", "ese", "ss")):
                _add(demonyms, dem + "s", (short, "country"))  # Iraqis, Afghans
    for line in _COMMUNITY_TABLE.strip().splitlines():
        target, forms = line.split("|")
        for form in forms.split("/"):
            _add(demonyms, form, (target, "community"))
    try:  # formal and alternative ISO names ("Syrian Arab Republic", "Iran, Islamic Republic of")
        import pycountry

        by_code = {line.split("|")[0]: line.split("|")[1] for line in _COUNTRY_TABLE.strip().splitlines()}
        for c in pycountry.countries:
            short = by_code.get(c.alpha_2)
            if short is None:
                continue  # territories (Aruba, Greenland ...): not countries for our purposes
            for attr in ("name", "common_name", "official_name"):
                val = getattr(c, attr, None)
                if val:
                    names.setdefault(_key(val), short)
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        pass
    return demonyms, names


_DEMONYMS, _COUNTRY_NAMES = _build()


@lru_cache(maxsize=8192)
def country_name(text: str) -> str | None:
    """The canonical short name when ``text`` names a country ("the United States" -> "United States")."""
    if not text or not text.strip():
        return None
    stripped = _LEADING_THE.sub("", text.strip())
    if not stripped[:1].isupper() or len(stripped.replace(".", "")) <= 3 and not stripped.replace(".", "").isupper():
        return None
    key = _key(text)
    hit = _COUNTRY_NAMES.get(key)
    if hit is None and text.strip().isupper() and len(key) > 4:
        hit = _COUNTRY_NAMES.get(key.title().casefold())  # "IRAQ" in a dateline
    return hit


def is_country(text: str) -> bool:
    return country_name(text) is not None


@lru_cache(maxsize=8192)
def demonym_target(word: str) -> tuple[str, str] | None:
    """What a demonym stands for: (target, kind) with kind "country" or "community"; None if not one.

    >>> demonym_target("Iranian-backed")
    ('Iran', 'country')
    >>> demonym_target("Shi’ite")
    ('Shia', 'community')
    """
    if not word or not word.strip():
        return None
    w = _COMPOUND_PREFIX.sub("", _COMPOUND_SUFFIX.sub("", word.strip()))
    if not w or not w[0].isupper() or len(w.replace(".", "")) <= 3 and not w.replace(".", "").isupper():
        return None  # "us", "Us": demonyms are capitalised, short forms are acronyms
    key = _key(w)
    hit = _DEMONYMS.get(key)
    if hit is not None:
        return hit
    folded = fold(w)  # diacritics and apostrophes gone: "Shī‘ī" -> "shii"
    hit = _DEMONYMS.get(folded)
    if hit is not None:
        return hit
    if w != word.strip():  # "Iran-backed", "US-led": a country name inside a compound
        name = country_name(w)
        if name is not None:
            return (name, "country")
    return None
