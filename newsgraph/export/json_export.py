"""The nested JSON export (the contract in README and ``docs/export.schema.json``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsgraph import query
from newsgraph.store import Store


def write(store: Store, out: Path | None) -> tuple[list[Path], dict[str, int]]:
    """The export as indented UTF-8 JSON to ``out`` (stdout when None); the paths and the counts."""
    data = query.export(store)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    counts = {k: len(v) for k, v in data.items()}
    if out is None:
        sys.stdout.write(text)
        return [], counts
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return [out], counts
