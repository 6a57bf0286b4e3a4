"""Exports analysts load directly: one module per format, all reading one :class:`Snapshot` of the store.

| format      | writes                       | read by                                   | module          |
| ----------- | ---------------------------- | ----------------------------------------- | --------------- |
| json        | one nested JSON file         | ``docs/export.schema.json``, any JSON tool | json_export     |
| ftm         | FollowTheMoney, one a line   | ``ftm validate``, Aleph                    | ftm             |
| graphml     | the actor network            | networkx, Gephi, Cytoscape, yEd            | graph           |
| gexf        | the network, dynamic         | Gephi (timeline), networkx                 | graph           |
| acled-csv   | one ACLED row per event      | spreadsheets, ACLED scripts                | acled           |
| csv         | a folder of flat tables      | pandas, DuckDB, spreadsheets               | tables          |
| parquet     | a folder of flat tables      | pandas, DuckDB, Arrow                      | tables          |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.store import Store


@dataclass(frozen=True)
class Format:
    name: str
    folder: bool  # writes a folder of files rather than one file
    suffix: str  # the usual file name ending, for the help text
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", False, ".json", "documents, entities, relations, events, quotes, contradictions, nested"),
    Format("ftm", False, ".ftm.json", "FollowTheMoney entities, one JSON object a line"),
    Format("graphml", False, ".graphml", "actors and relations as a graph"),
    Format("gexf", False, ".gexf", "actors and relations as a dynamic graph (Gephi's timeline)"),
    Format("acled-csv", False, ".csv", "one row per event with ACLED's columns, then newsgraph's"),
    Format("csv", True, "/", "flat tables, one CSV file each, in a folder"),
    Format("parquet", True, "/", "flat tables, one Parquet file each, in a folder"),
)}


def _writer(name: str) -> Callable:
    # imported on use: each format's library (pyarrow, followthemoney) loads only when asked for
    if name == "ftm":
        from newsgraph.export import ftm
        return ftm.write
    if name in ("graphml", "gexf"):
        from newsgraph.export import graph
        return graph.write_graphml if name == "graphml" else graph.write_gexf
    if name == "acled-csv":
        from newsgraph.export import acled
        return acled.write
    from newsgraph.export import tables
    return tables.write_csv if name == "csv" else tables.write_parquet


def export(store: Store, name: str, out: Path | None) -> tuple[list[Path], dict[str, int]]:
    """Write the store in format ``name`` to ``out`` (a file, or a folder for csv and parquet; stdout
    for json when None). Returns the files written and how many records of each kind they hold.
    ValueError for an unknown format or a missing ``out``; RuntimeError when the format's library is
    not installed."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (one of {', '.join(FORMATS)})")
    if name == "json":
        from newsgraph.export import json_export
        return json_export.write(store, out)
    if out is None:
        raise ValueError(f"--format {name} writes {'a folder' if FORMATS[name].folder else 'a file'}: give --out PATH")
    if FORMATS[name].folder and out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file; --format {name} writes a folder of tables")
    if not FORMATS[name].folder and out.is_dir():
        raise ValueError(f"{out} is a folder; --format {name} writes one file")
    from newsgraph.export import snapshot

    snap = snapshot.read(store)
    counts = {k: len(getattr(snap, k)) for k in ("documents", "entities", "relations", "events", "quotes", "contradictions")}
    return _writer(name)(snap, out), counts
