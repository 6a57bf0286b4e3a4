from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

# An article of our own, used where a test needs realistic running text.
WIRE_STORY = """\
Fighters of a newly formed tribal brigade pushed into the outskirts of the river town on Tuesday after
two days of shelling, commanders said, in the largest ground operation in the province this year.

The brigade, which draws its recruits from three clans along the eastern bank, said it had cleared
eleven villages and taken control of the main road to the provincial capital, some 40 kilometers to the
north. A spokesman for the brigade said four of its fighters had been killed and nine wounded.

Residents who fled the fighting described a night of artillery fire and drone strikes. "We left with
nothing but the clothes we wore," said a farmer who reached a camp near the capital on Wednesday
morning with his wife and five children. Aid workers said more than 3,000 people had arrived at the camp
since the weekend, and that water and medicine were running short.

The defense ministry said in a statement that the operation was coordinated with the army and had the
backing of the provincial council, a claim the council's chairman disputed. He told reporters that no one
had consulted the council and that the brigade answered to its own leaders rather than to the state.

Analysts said the operation showed how far the balance of power in the province had shifted toward armed
groups that are formally part of the security forces but keep their own chains of command, budgets and
foreign patrons. The organization that monitors the conflict said it had recorded at least 60 attacks in
the district since January, most of them blamed on remnants of the insurgency hiding in the desert.
"""

OTHER_STORY = """\
The central bank raised its main interest rate by half a point on Thursday, its third increase this year,
as the currency slid to a record low against the dollar on the parallel market. Traders in the capital
said the gap between the official and street rates had widened to almost a fifth, pushing up the price
of imported flour, cooking oil and medicine. The governor told a news conference that the bank would
sell more dollars to importers of food and would tighten checks on money changers accused of hoarding.
Economists said the measures would ease pressure for a few weeks at best, since the budget still depends
on oil revenue that has fallen by a third since the spring, and the government has yet to agree on cuts.
"""


def british(text: str) -> str:
    """The kind of edit a syndicating outlet makes: British spelling."""
    for us, uk in (("kilometers", "kilometres"), ("defense", "defence"), ("organization", "organisation")):
        text = text.replace(us, uk)
    return text


@pytest.fixture
def shared_seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not available")
    return SEEDS


def make_cleaner_crash_on(monkeypatch, suffix: str) -> None:
    """Make the per-document stage raise "cleaner choked" on the file whose name ends in ``suffix``."""
    from newsgraph import pipeline

    real = pipeline.process_document

    def fragile(raw):
        if raw.source.endswith(suffix):
            raise ValueError("cleaner choked")
        return real(raw)

    monkeypatch.setattr(pipeline, "process_document", fragile)


@pytest.fixture(scope="session")
def nlp():
    """The shipped NLP pipeline, loaded once for the whole run; tests that need it skip without it."""
    from newsgraph import nlp as ngnlp

    try:
        return ngnlp.load()
    except Exception as exc:  # noqa: BLE001 - the model is not built on this machine
        pytest.skip(f"NLP model unavailable: {exc}")


def events_with_names(nlp, text: str, published):
    """The events of ``text`` and a function from an entity index to that entity's name."""
    from newsgraph.facts import extract_facts

    facts = extract_facts(text, nlp(text), published)
    names = [e.name for e in facts.entities]

    def name(i: int) -> str | None:
        return names[i] if 0 <= i < len(names) else None

    return facts.events, name
