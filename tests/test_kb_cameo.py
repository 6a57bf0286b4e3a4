"""CAMEO actor / agent dictionaries in the TABARI-PETRARCH text format.

All fixtures are invented dictionaries written here in the published syntax; the real Phoenix
files are only read (never copied) by the test marked ``shared``.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from newsgraph.kb.cameo import (
    CodeSpan,
    load_actor_dictionary,
    load_agent_dictionary,
    load_dictionaries,
    phrase_key,
)

SHARED_DICTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "petrarch2-cameo-dictionaries" / "dictionaries"

ACTORS = """\
# Invented actors for newsgraph tests
<!-- a block comment
     over two lines -->
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREE_DONIA   ; an old spelling
+FRIDONIA_  # misspelling seen in wires

RUFUS_T_FIREFLY_  # a leader
\t[FRDGOV 330101-331231]
\t[FRDELI >340101]
\t[FRDOPP]
AMBASSADOR_TRENTINO_  [SYLGOV 300101-341231] [SYLELI]
SYLVANIA_LIBERATION_FRONT_
+SLF
+SYLVANIAN_LIBERATION_FRONT
\t[SYLREB]
MARX_BROTHERS_
GROUCHO_MARX_  [FRDMED]
BADLY_DATED_  [FRDGOV 331399-340101] [FRD]
BACKWARDS_  [FRDGOV 340101-330101]
ZEPPO_ [NGO
HARPO_ [---]
+CHICO_+GUMMO_
"""

AGENTS = """\
<!-- invented agents -->
!FOLK! = MAN, MEN, WOMAN, WOMEN
!BUREAU! = MINISTRY, MINISTRIES

MILITIAMAN {MILITIAMEN} [~REB]  # irregular plural
INSURGENT [~REB]
DEPUTY [~GOV]
ARMED_FORCES {} [~MIL]
BOSS [~BUS]
LIFEBOAT!FOLK! [~CVL]
WAR_!BUREAU! [~GOV]
AID_AGENCY [NGO~]
PATROL [MIL]
SILLY_!WALKS! [~GOV]
ORPHAN
BROKEN {PLURAL [~CVL]
"""


@pytest.fixture
def actor_file(tmp_path: Path) -> Path:
    p = tmp_path / "Invented.actors.txt"
    p.write_text(ACTORS, encoding="utf-8")
    return p


@pytest.fixture
def agent_file(tmp_path: Path) -> Path:
    p = tmp_path / "Invented.agents.txt"
    p.write_text(AGENTS, encoding="utf-8")
    return p


# ----------------------------------------------------------------------------------------------
# Actors
# ----------------------------------------------------------------------------------------------


def test_primary_and_synonyms(actor_file):
    d = load_actor_dictionary(actor_file)
    [e] = d.lookup("Freedonia")
    assert e.primary == "FREEDONIA"
    assert e.aliases == ("FREEDONIAN", "FREE DONIA", "FRIDONIA")
    assert e.codes == (CodeSpan("FRD"),)
    assert e.code_on() == "FRD" and e.code_on(date(2001, 1, 1)) == "FRD"
    assert e.source == f"{actor_file}:4"
    assert d.lookup("free donia") == [e] and d.lookup("FREE_DONIA") == [e]


def test_date_restricted_codes(actor_file):
    [e] = load_actor_dictionary(actor_file).lookup("Rufus T. Firefly")
    assert e.codes == (
        CodeSpan("FRDGOV", date(1933, 1, 1), date(1933, 12, 31)),
        CodeSpan("FRDELI", start=date(1934, 1, 1)),
        CodeSpan("FRDOPP"),
    )
    assert e.code_on(date(1933, 6, 1)) == "FRDGOV"
    assert e.code_on(date(1990, 6, 1)) == "FRDELI"
    assert e.code_on(date(1920, 6, 1)) == "FRDOPP"  # no restriction applies: the default


def test_undated_question_without_default_gets_most_recent_code(tmp_path):
    p = tmp_path / "Dated.actors.txt"
    p.write_text("PINKY_\n\t[AAAGOV 900101-991231]\n\t[AAAELI >000101]\n\t[AAAOPP 800101-891231]\n",
                 encoding="utf-8")
    [e] = load_actor_dictionary(p).entries
    assert e.code_on() == "AAAELI"
    assert e.code_on(date(1985, 1, 1)) == "AAAOPP"
    assert e.code_on(date(1970, 1, 1)) is None  # no restriction applies and there is no default


def test_codes_on_the_primary_line(actor_file):
    [e] = load_actor_dictionary(actor_file).lookup("Ambassador Trentino")
    assert e.code_on(date(1932, 2, 2)) == "SYLGOV"
    assert e.code_on(date(1950, 2, 2)) == "SYLELI"


def test_synonyms_then_codes_and_codeless_primary_joins_next_entry(actor_file):
    d = load_actor_dictionary(actor_file)
    [slf] = d.lookup("SLF")
    assert slf.primary == "SYLVANIA LIBERATION FRONT" and slf.code_on() == "SYLREB"
    # "MARX_BROTHERS_" has no code: like PETRARCH, it shares the next entry's code
    [marx] = d.lookup("Marx Brothers")
    assert marx.primary == "MARX BROTHERS" and marx.aliases == ("GROUCHO MARX",)
    assert marx.code_on() == "FRDMED"


def test_null_code(actor_file):
    [harpo] = load_actor_dictionary(actor_file).lookup("Harpo")
    assert harpo.codes == (CodeSpan("---"),) and harpo.code_on() is None
    # two synonyms run together on one '+' line are split (and reported)
    assert harpo.aliases == ("CHICO", "GUMMO")


def test_malformed_lines_are_reported_with_file_and_line(actor_file):
    d = load_actor_dictionary(actor_file)
    w = d.warnings
    assert any(x.startswith(f"{actor_file}:20: bad date '331399'") for x in w), w
    assert any(x.startswith(f"{actor_file}:21: date range") and "ends before it starts" in x for x in w), w
    assert any(x.startswith(f"{actor_file}:22: unclosed '['") for x in w), w
    assert any(x.startswith(f"{actor_file}:24: '+' inside a synonym") for x in w), w
    # the rest of a bad line survives: the valid default code, the entry with no usable code
    [bad] = d.lookup("Badly Dated")
    assert bad.codes == (CodeSpan("FRD"),)
    [zeppo] = d.lookup("Zeppo")
    assert zeppo.codes == ()
    assert any(x.startswith(f"{actor_file}:22: entry 'ZEPPO' has no code") for x in w), w
    assert len(d) == 9


def test_orphan_lines_and_unterminated_comment(tmp_path):
    p = tmp_path / "Orphans.actors.txt"
    p.write_text("\t[ABC]\n+LONELY_SYNONYM\nREAL_ONE_ [XYZ]\n<!-- never closed\nHIDDEN_ [QQQ]\n", encoding="utf-8")
    d = load_actor_dictionary(p)
    assert [e.primary for e in d.entries] == ["REAL ONE"]
    assert d.warnings[0].startswith(f"{p}:1: date restriction before any primary phrase")
    assert d.warnings[1].startswith(f"{p}:2: synonym before any primary phrase")
    assert d.warnings[2] == f"{p}: unterminated <!-- comment at end of file"


def test_wrong_encoding_is_read_as_latin1_and_reported(tmp_path):
    p = tmp_path / "Latin.actors.txt"
    p.write_bytes("CAF\xc9_NOIR_ [CFN]\nPLAIN_ [PLN]\n".encode("latin-1"))
    d = load_actor_dictionary(p)
    assert d.warnings == [f"{p}:1: not valid UTF-8, read as Latin-1"]
    assert d.lookup("Cafe Noir")[0].code_on() == "CFN"  # diacritics folded in the key
    assert d.lookup("Café Noir")[0].primary == "CAFÉ NOIR"


def test_spelling_variant_lookup(tmp_path):
    p = tmp_path / "Groups.actors.txt"
    p.write_text("KATAIB_AL_QAMAR_ORGANIZATION_ [ZZZREB]\nHAIDAR_AL_QUSAYBI_ [ZZZGOV]\n", encoding="utf-8")
    d = load_actor_dictionary(p)
    assert d.lookup("Kataib al-Qamar Organisation")[0].code_on() == "ZZZREB"
    assert d.lookup("Haider al-Qusaibi")[0].code_on() == "ZZZGOV"
    assert d.lookup("Haider al-Qusaibi", fuzzy=False) == []
    assert d.lookup("Kataib") == []  # a part of a name is not the name


def test_phrase_key():
    assert phrase_key("AL-QA'IDA_") == phrase_key("al-Qa’ida") == "al qaida"
    assert phrase_key("U.N._SECURITY_COUNCIL") == "u n security council"


def test_missing_path_raises_naming_it(tmp_path):
    missing = tmp_path / "nope.actors.txt"
    with pytest.raises(FileNotFoundError, match="nope.actors.txt"):
        load_actor_dictionary(missing)
    with pytest.raises(FileNotFoundError, match="nope.actors.txt"):
        load_dictionaries(missing)
    with pytest.raises(IsADirectoryError, match=str(tmp_path)):
        load_actor_dictionary(tmp_path)


# ----------------------------------------------------------------------------------------------
# Agents
# ----------------------------------------------------------------------------------------------


def test_agent_codes_and_plurals(agent_file):
    d = load_agent_dictionary(agent_file)
    assert d.agent_code("militiaman") == "REB"
    assert d.agent_code("militiamen") == "REB"
    assert d.agent_code("insurgents") == "REB"  # regular plural generated
    assert d.agent_code("deputies") == "GOV"  # Y -> IES
    assert d.agent_code("bosses") == "BUS"  # S -> ES
    assert d.agent_code("armed forces") == "MIL"
    assert d.agent_code("armed forceses") is None  # {}: no plural
    assert d.agent_code("tourist") is None


def test_agent_substitution_sets(agent_file):
    d = load_agent_dictionary(agent_file)
    assert [d.agent_code(w) for w in ("lifeboatman", "lifeboatwomen", "war ministry", "war ministries")] == [
        "CVL", "CVL", "GOV", "GOV"]
    assert d.agent_code("lifeboatmans") is None  # substitutions form no plurals


def test_agent_prefix_codes(agent_file):
    [e] = load_agent_dictionary(agent_file).lookup("aid agencies")
    assert (e.code, e.prefix) == ("NGO", True)
    [e] = load_agent_dictionary(agent_file).lookup("insurgent")
    assert (e.code, e.prefix) == ("REB", False)


def test_agent_malformed_lines(agent_file):
    d = load_agent_dictionary(agent_file)
    w = d.warnings
    assert any(x.startswith(f"{agent_file}:13: agent code 'MIL' lacks '~'") for x in w), w
    assert any(x.startswith(f"{agent_file}:14: substitution marker !WALKS! is not defined") for x in w), w
    assert any(x.startswith(f"{agent_file}:15: agent without a code") for x in w), w
    assert any(x.startswith(f"{agent_file}:16: missing '}}'") for x in w), w
    assert d.agent_code("patrol") == "MIL"  # reported, still usable


# ----------------------------------------------------------------------------------------------
# A dictionary set
# ----------------------------------------------------------------------------------------------


def test_load_dictionaries_from_directory(tmp_path, actor_file, agent_file):
    (tmp_path / "Extra.actors.txt").write_text("FREEDONIA_ [FRDX]\n", encoding="utf-8")
    (tmp_path / "PETR.Validate.actors.txt").write_text("FREEDONIA_ [TEST]\n", encoding="utf-8")
    (tmp_path / "Some.verbs.txt").write_text("--- SAY [010] ---\n", encoding="utf-8")
    d = load_dictionaries(tmp_path)
    assert sorted(a.path.name for a in d.actors) == ["Extra.actors.txt", "Invented.actors.txt"]
    assert [a.path.name for a in d.agents] == ["Invented.agents.txt"]
    assert sorted(e.code_on() for e in d.lookup("Freedonia")) == ["FRD", "FRDX"]
    assert d.agent_code("insurgents") == "REB"
    assert any(str(actor_file) in w for w in d.warnings) and any(str(agent_file) in w for w in d.warnings)


def test_load_dictionaries_from_file_list(actor_file, agent_file):
    d = load_dictionaries([actor_file, agent_file])
    assert len(d.actors) == 1 and len(d.agents) == 1
    assert d.lookup("SLF")[0].code_on() == "SYLREB"


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no \\*.actors.txt"):
        load_dictionaries(tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_DICTS.is_dir(), reason="../shared PETRARCH dictionaries not present")
def test_real_phoenix_dictionaries_load():
    start = time.perf_counter()
    d = load_dictionaries(SHARED_DICTS)
    elapsed = time.perf_counter() - start
    assert elapsed < 15
    assert {a.path.name for a in d.actors} >= {"Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt"}
    assert sum(len(a) for a in d.actors) > 20_000 and len(d.agents[0]) > 1_000
    assert len(d.warnings) < 50  # a handful of genuine slips in the published files
    assert any(e.code_on() and e.code_on().startswith("IRQ") for e in d.lookup("Iraq"))
    assert d.agent_code("insurgents") == "REB"
