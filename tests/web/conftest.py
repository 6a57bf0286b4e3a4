"""A store built once per test session from the bundled sample plus one hostile article, for the API
and browser tests of the workbench (newsgraph.web)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# An article written to attack the UI: markup, an event handler, a javascript: link, a terminal escape
# and rich markup, around ordinary reporting (so the cleaner keeps it and the model finds names).
HOSTILE_ARTICLE = """\
Velmora Courier
Dawn Front commander vows to hold Sahil <script>window.__pwned = "script"</script>
Published: Tuesday, 12 March 2024

Karim al-Tarmi, the commander of the Dawn Front, said on Tuesday that his fighters would hold the town of
Sahil against any attack. <img src=x onerror="window.__pwned = 'onerror'"> Residents of Sahil said the
fighting had stopped for now.

"We will not leave Sahil," Karim al-Tarmi told reporters at a press conference in Velmora, according to a
statement posted <a href="javascript:window.__pwned = 'link'">on the group's website</a>.

\x1b[31mThe Dawn Front\x1b[0m [bold red]was formed[/bold red] last year from three local brigades, and
al-Tarmi has led it since its founding, officials in Velmora said.
"""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    """The path of a built store; tests that write must copy it first (``store_copy``)."""
    from newsgraph import pipeline
    from newsgraph.resources import sample_dir
    from newsgraph.store import Store

    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    shutil.copytree(sample_dir(), corpus)
    (corpus / "zz_hostile_notice.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = root / "web.db"
    with Store(db) as store:
        report = pipeline.ingest(store, [corpus], workers=1)
    assert report.added == len(list(corpus.glob("*.txt"))) + len(list(corpus.glob("*.htm*"))) + 3, report
    assert report.relations and report.events, "the sample gave no relations or events: the NLP model did not run"
    return db


@pytest.fixture
def store_copy(web_store, tmp_path) -> Path:
    db = tmp_path / "copy.db"
    shutil.copy(web_store, db)
    return db
