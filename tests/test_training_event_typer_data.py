"""The event typer's GMB labels (training/scripts/event_typer_data.py): several label files read as one,
no-event rows left out, a sentence labelled twice refused."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import SHARED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "scripts"))
event_typer_data = pytest.importorskip("event_typer_data")

GMB_CSV = """Sentence #,Word,POS,Tag
Sentence: 1,Rebels,NNS,O
,shelled,VBD,O
,Velmora,NNP,B-geo
,.,.,O
Sentence: 2,Norland,NNP,B-geo
,signed,VBD,O
,a,DT,O
,truce,NN,O
,.,.,O
Sentence: 3,Prices,NNS,O
,rose,VBD,O
,.,.,O
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    gmb = tmp_path / "data" / "gmb-ner-dataset-partial"
    gmb.mkdir(parents=True)
    (gmb / "ner_dataset.partial.csv").write_text(GMB_CSV, encoding="utf-8")
    return tmp_path / "data"


def _labels(path: Path, rows: list[str]) -> Path:
    path.write_text("# a comment\ngmb_sentence\tcategory\tmode\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_two_label_files_read_as_one_and_no_event_rows_left_out(data_dir, tmp_path):
    first = _labels(tmp_path / "a.tsv", ["1\tFIGHT\theavy-weapons"])
    second = _labels(tmp_path / "b.tsv", ["2\tAGREE", "3\t-"])
    got = event_typer_data.gmb(data_dir, (first, second))
    assert [(e.ident, e.category, e.mode) for e in got] == [("gmb:1", "FIGHT", "heavy-weapons"), ("gmb:2", "AGREE", "")]
    assert got[1].text == "Norland signed a truce."
    assert all(e.part == event_typer_data.part(e.ident) for e in got)


def test_a_sentence_labelled_in_two_files_is_refused(data_dir, tmp_path):
    first = _labels(tmp_path / "a.tsv", ["1\tFIGHT"])
    second = _labels(tmp_path / "b.tsv", ["1\tASSAULT"])
    with pytest.raises(ValueError, match="b.tsv, line 3: GMB sentence 1 is labelled twice"):
        event_typer_data.gmb(data_dir, (first, second))


def test_an_unknown_sentence_is_named_with_its_line(data_dir, tmp_path):
    labels = _labels(tmp_path / "a.tsv", ["1\tFIGHT", "9\tAGREE"])
    with pytest.raises(ValueError, match="a.tsv, line 4: GMB sentence 9 is not in the partial GMB file"):
        event_typer_data.gmb(data_dir, (labels,))


@pytest.mark.skipif(not (SHARED / "data" / "gmb-ner-dataset-partial").is_dir(), reason="needs ../shared/data")
def test_the_shipped_label_files_load():
    got = event_typer_data.gmb(SHARED / "data")
    assert len(got) > 500 and len({e.ident for e in got}) == len(got)
    assert {"DISASTER", "ACCIDENT", "CRIME", "FIGHT"} <= {e.category for e in got}
