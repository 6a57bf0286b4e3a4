"""The resolution benchmark runs end to end on a small corpus and reports its figures."""

from newsgraph.bench_resolve import run


def test_bench_resolve_runs_small(capsys):
    result = run(3000, per_doc=12, seed=1)
    out = capsys.readouterr().out
    assert "resolve:" in out and "B-cubed" in out and "names: block and compare" in out
    assert result["precision"] > 0.95 and result["recall"] > 0.85
