"""kill -9 in the middle of an ingest loses nothing committed, and a re-run completes the store
without duplicates: the same counts and the same export as a run that was never interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.resources import sample_dir
from newsgraph.store import Store

pytestmark = pytest.mark.model

TABLES = ("documents", "entities", "relations", "events", "quotes", "contradictions")


def _ingest(db: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(sample_dir()), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)


def _counts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return {t: store.count(t) for t in TABLES}


def _export(db: Path, out: Path, env: dict) -> dict:
    subprocess.run([sys.executable, "-m", "newsgraph", "export", "--db", str(db), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("generated", None)
    return data


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    try:
        from newsgraph import nlp

        nlp.load()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"model not available: {exc}")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    started = time.monotonic()
    assert _ingest(db, env).wait(timeout=600) == 0
    return db, time.monotonic() - started, env


# kill points as shares of an uninterrupted run's time; not near its end, as a busy machine varies
@pytest.mark.parametrize("fraction", [0.3, 0.55])
def test_a_run_killed_at_any_moment_is_completed_by_the_next_without_duplicates(tmp_path, clean_run, fraction):
    clean, duration, env = clean_run
    killed = tmp_path / "killed.db"
    for attempt in range(4):  # a busy machine runs faster or slower than the clean run: kill earlier
        killed.unlink(missing_ok=True)
        for extra in ("-wal", "-shm"):
            Path(str(killed) + extra).unlink(missing_ok=True)
        proc = _ingest(killed, env)
        time.sleep(duration * fraction / 2 ** attempt)
        if proc.poll() is None:
            break
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the process and its workers, as kill -9 would leave them
    proc.wait(timeout=60)
    if killed.exists():
        with Store(killed) as store:  # what was committed before the kill is readable
            store.count("documents")
    rerun = _ingest(killed, env)
    _, stderr = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, stderr.decode(errors="replace")[-2000:]

    assert _counts(killed) == _counts(clean)
    assert _export(killed, tmp_path / "k.json", env) == _export(clean, tmp_path / "c.json", env)
