"""The command line: a thin layer over newsgraph.pipeline and newsgraph.query."""

from __future__ import annotations

import datetime
import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph import pipeline, query
from newsgraph.ingest.budget import Budget
from newsgraph.store import Store, StoreError

app = typer.Typer(
    help="newsgraph: turn a pile of news articles into evidence-backed knowledge.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err = Console(stderr=True)

DEFAULT_DB = os.environ.get("NEWSGRAPH_DB", "newsgraph.db")
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite store (env NEWSGRAPH_DB).", envvar="NEWSGRAPH_DB")]


def open_store(db: Path, must_exist: bool = True) -> Store:
    if must_exist and not db.exists():
        err.print(f"[red]error:[/] no store at {escape(str(db))} (run [bold]newsgraph ingest PATH --db {escape(str(db))}[/] first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as exc:
        err.print(Text("error: ", style="red") + safe(str(exc)))
        raise typer.Exit(2) from exc


# Escape sequences and control characters a terminal acts on (colours, cursor moves, titles,
# hyperlinks, bells), and the bidirectional controls that reorder what is shown: article text and
# file names are data, printed as Text (never as markup) with these made visible as "�".
_TERMINAL_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"            # CSI: colours, cursor
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"      # DCS, PM, APC, SOS strings
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)


def safe(value, style: str = "") -> Text:
    """Text from the data (an article, a title, a file name) for the terminal: no markup, no escapes."""
    return Text(_TERMINAL_CONTROLS.sub("\ufffd", "" if value is None else str(value)), style=style)


# the per-document stages scale with processes; two is what our laptops have to spare
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories: .txt .html .htm .jsonl .warc .warc.gz")],
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[int, typer.Option(help="Processes for the per-document stages (default: up to 2).")] = DEFAULT_WORKERS,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run the NLP model (sentences, tokens, mentions).")] = True,
    actors: Annotated[Optional[list[Path]], typer.Option(
        "--actors", help="CAMEO/Phoenix actor and agent dictionaries (a directory or a file; repeatable): "
                         "codes, roles and aliases for the entities. Remembered by the store.")] = None,
    columns: Annotated[Optional[str], typer.Option(
        "--columns", help="CSV columns of each role: text=COL,title=COL,published=COL,publisher=COL,url=COL "
                          "(html=COL for a column of markup). Roles not named are looked for under their usual "
                          "names; every other column is kept as the document's metadata.")] = None,
    date_order: Annotated[Optional[str], typer.Option(
        "--date-order", help="How to read all-numeric dates such as 4/5/2017: dmy, mdy or ymd. Without it an "
                             "ambiguous one is left unread and flagged.")] = None,
    max_seconds: Annotated[float, typer.Option(
        "--max-seconds", help="Time budget of one document in each stage (0: none); over it, it is reported and skipped.")] = Budget().seconds,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", help="Size budget: characters of cleaned text of one document (0: none).")] = Budget().chars,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", help="Run the per-document stages on a Dask cluster: a scheduler address (tcp://HOST:8786), or "
                       "local:N for N worker processes on this machine (see docs/dask.md).")] = None,
    dask_parts: Annotated[Optional[str], typer.Option(
        "--dask-parts", help="With --dask: where the partitions' Parquet outputs go, a folder or an fsspec URL "
                             "(s3://bucket/run); default DB.parts beside the store. A re-run skips partitions there.")] = None,
) -> None:
    """Read articles, clean them, group syndicated copies, and store everything.

    Idempotent and incremental: documents already stored (same content) are skipped. Bad inputs are
    reported one line each and the run goes on; the exit status is 1 when any input failed. Files a
    directory walk does not read are named, with the reason, and counted in the summary.
    """
    from newsgraph.ingest.numeric_dates import DATE_ORDERS
    from newsgraph.ingest.readers import ReadOptions
    from newsgraph.ingest.tables import parse_columns

    try:
        roles = parse_columns(columns or "")
    except ValueError as exc:
        _bad_option("--columns", str(exc))
    if date_order is not None and date_order.lower() not in DATE_ORDERS:
        _bad_option("--date-order", f"{date_order!r} is none of {', '.join(DATE_ORDERS)}")
    options = ReadOptions(roles, date_order.lower() if date_order else None)
    dictionaries = [_checked_dictionary(p) for p in actors or []]
    store = open_store(db, must_exist=False)
    _remember_dictionaries(store, dictionaries)

    def on_problem(problem):
        err.print(Text("skipped ", style="yellow") + safe(problem.source) + Text(": ") + safe(problem.reason), soft_wrap=True)

    def on_note(note):
        label = {"unread": "not read", "repaired": "repaired", "ambiguous": "dates", "columns": "columns"}.get(note.kind, note.kind)
        reason = note.reason.removeprefix("not read: ")
        err.print(Text(f"{label} ", style="cyan") + safe(note.source) + Text(": ") + safe(reason), soft_wrap=True)

    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
        TimeElapsedColumn(), TextColumn("[dim]{task.fields[current]}"), console=err,
        disable=quiet or not err.is_terminal, transient=True,
    ) as progress:
        task = progress.add_task("read", total=None, current="", unit="files")
        stages: dict[str, object] = {}

        def on_progress(done: int, total: int, current: str) -> None:
            progress.update(task, completed=done, total=total, current=Path(current).name)

        def on_stage(stage: str, done: int, total: int) -> None:
            if stage not in stages:
                stages[stage] = progress.add_task(stage, total=total, current="", unit="documents")
            progress.update(stages[stage], completed=done, total=total)

        if dask:
            report = _ingest_on_dask(store, paths, dask, dask_parts or f"{db}.parts", nlp=nlp, options=options,
                                     budget=Budget(max_seconds, max_chars), on_problem=on_problem, on_note=on_note,
                                     on_stage=on_stage)
        else:
            report = pipeline.ingest(
                store, paths, workers=workers, batch_size=batch_size, on_progress=on_progress, on_problem=on_problem,
                nlp=nlp, on_stage=on_stage, options=options, budget=Budget(max_seconds, max_chars), on_note=on_note,
            )
    # one line per document, or per cause when many documents share it (a model not installed)
    by_cause: dict[str, list[str]] = {}
    for line in report.fact_problems:
        where, _, why = line.partition(": ")
        by_cause.setdefault(why, []).append(where)
    for why, wheres in by_cause.items():
        shown = wheres[0] if len(wheres) == 1 else f"{len(wheres)} documents (first {wheres[0]})"
        err.print(Text("incomplete facts ", style="yellow") + safe(shown) + Text(": ") + safe(why), soft_wrap=True)
    _print_report(report, db)
    store.close()
    if report.failed:
        raise typer.Exit(1)


def _ingest_on_dask(store: Store, paths, address: str, parts: str, **kwargs) -> pipeline.IngestReport:
    try:
        from newsgraph import distributed

        report, stats = distributed.ingest(store, paths, address, parts=parts, **kwargs)
    except ImportError as exc:
        _bad_option("--dask", f"needs Dask and pyarrow ({exc}): pip install 'dask[distributed]' pyarrow")
    except (ValueError, OSError, TimeoutError) as exc:
        _bad_option("--dask", f"{address}: {type(exc).__name__}: {exc}")
    err.print(Text(f"dask: {stats.partitions} partitions in {parts}, {stats.skipped} written by an earlier run"))
    return report


def _bad_option(option: str, why: str) -> None:
    err.print(Text(f"error: {option}: ", style="red") + safe(why))
    raise typer.Exit(2)


def _print_report(report: pipeline.IngestReport, db: Path) -> None:
    rate = report.read / report.seconds if report.seconds else 0
    table = Table.grid(padding=(0, 2))
    table.add_row("files", str(report.files), "documents read", str(report.read))
    table.add_row("added", f"[green]{report.added}[/]", "already stored", str(report.already_stored))
    table.add_row("duplicates in run", str(report.duplicates), "problems", f"[{'red' if report.problems else 'green'}]{len(report.problems)}[/]")
    table.add_row("documents in store", str(report.documents), "independent stories", str(report.stories))
    table.add_row("syndicated copies", str(report.syndicated), "time", f"{report.seconds:.1f}s ({rate:.0f} docs/s)")
    unread = sum(1 for n in report.notes if n.kind == "unread")
    if unread or report.fact_problems:
        table.add_row("files not read", f"[{'yellow' if unread else 'green'}]{unread}[/]",
                      "incomplete facts", f"[{'yellow' if report.fact_problems else 'green'}]{len(report.fact_problems)}[/]")
    if report.nlp_skipped:
        short = report.nlp_skipped.split(" (")[0].split(". ")[0]  # the first clause says it; the rest is how to fix
        hint = "" if report.nlp_skipped == "switched off" else " — see training/README.md"
        table.add_row("NLP", "[yellow]not run[/]", "", f"[yellow]{escape(short)}[/]{hint}")
    else:
        table.add_row("NLP annotated", str(report.annotated))
    console.print(Panel(table, title=f"ingest → {escape(str(db))}", expand=False))


@app.command()
def docs(db: DbOption = Path(DEFAULT_DB)) -> None:
    """List the stored documents: id, publisher, date, story, words, removed lines."""
    with open_store(db) as store:
        rows = query.documents(store)
    table = Table(title=f"{len(rows)} documents", header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True, min_width=8)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=30)
    table.add_column("publisher", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("published", no_wrap=True, min_width=11)
    table.add_column("story", no_wrap=True, min_width=12)
    table.add_column("words", justify="right", no_wrap=True, min_width=5)
    table.add_column("removed", justify="right", no_wrap=True, min_width=7)
    table.add_column("flags", justify="right", no_wrap=True, min_width=5)
    inferred = False
    for r in rows:
        story = (r.story or "")[1:7]
        if r.story_size > 1:
            story = f"[magenta]{story} ×{r.story_size}[/]" + ("[bold] ★[/]" if r.canonical else "")
        date = r.published or "[dim]—[/]"
        if r.published and (r.published_method or "").startswith("year-"):
            date += "[cyan]*[/]"
            inferred = True
        table.add_row(
            r.id[:8], safe(_short(r.source, r.locator)), safe(r.publisher) if r.publisher else "[dim]—[/]", date, story,
            str(r.words), str(r.removed_lines), f"[yellow]{r.flags}[/]" if r.flags else "0",
        )
    console.print(table)
    notes = ["[magenta]×N[/] copies of one story, [bold]★[/] its canonical (most complete) copy"]
    if inferred:
        notes.append("[cyan]*[/] date completed from the story or the corpus (see show-doc)")
    console.print("[dim]" + "; ".join(notes) + "[/]")


def _short(source: str, locator: str) -> str:
    name = Path(source).name if "://" not in source else source
    if len(name) > 28:
        name = name[:27] + "…"
    return f"{name}:{locator.replace('line ', '')}" if locator else name


@app.command("show-doc")
def show_doc(
    ref: Annotated[str, typer.Argument(help="Document id (or a unique prefix), or its file name.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Show a document's cleaned text, with the lines the cleaner removed marked."""
    with open_store(db) as store:
        try:
            doc = query.document(store, ref)
        except query.NotFound as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        meta = json.loads(store.query("SELECT meta FROM documents WHERE id = ?", (doc["id"],))[0]["meta"] or "{}")
    # everything below comes from the data: printed as Text, never read as markup (see ``safe``)
    head = Table.grid(padding=(0, 2))
    head.add_row("id", doc["id"])
    head.add_row("source", safe(doc["source"] + (f" ({doc['locator']})" if doc["locator"] else "")))
    head.add_row("title", safe(doc["title"] or "—"))
    head.add_row("publisher", safe(doc["publisher"] or "—"))
    ev = doc["published_evidence"]
    head.add_row("published", safe(doc["published"] or "—")
                 + (safe(f"  {doc['published_method']}: “{ev.get('text', ev.get('origin'))}”", "dim") if ev else Text()))
    head.add_row("story", safe(doc["story"] or "—")
                 + (safe(f"  with {', '.join(s[:12] for s in doc['story_siblings'])}", "dim") if doc["story_siblings"] else Text()))
    for key in ("url", "crawled"):
        if isinstance(meta.get(key), str):
            head.add_row(key, safe(meta[key]))
    for name, value in (meta.get("columns") or {}).items():  # a CSV's other columns
        head.add_row(safe(name, "dim"), safe(value if len(str(value)) <= 300 else str(value)[:300] + "…"))
    for f in doc["flags"]:
        head.add_row(Text("flag", style="yellow"), safe(f["kind"], "yellow") + Text(": ") + safe(f["message"]))
    console.print(Panel(head, expand=False))
    if doc["format"] == "text":
        for line in query.raw_lines(doc):
            if line.removed:
                console.print(Text("  ✗ ", style="red") + safe(line.text, "dim strike") + safe(f"  [{line.removed}]", "red dim"))
            elif line.text.strip():
                console.print(Text("    ") + safe(line.text))
            else:
                console.print()
    else:
        console.print(safe(doc["text"]))
        if doc["removed"]:
            console.print(f"[dim]{len(doc['removed'])} removed blocks[/]")


@app.command()
def migrate(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Upgrade a store written by an older newsgraph to this version's schema (in one transaction).

    Documents and corrections are kept; results derived from them whose shape changed are dropped
    and recomputed by the next ingest."""
    from newsgraph.store import SCHEMA_VERSION

    if not db.exists():
        err.print(Text(f"error: no store at {db}", style="red"))
        raise typer.Exit(2)
    try:
        store = Store(db, migrate=True)
    except StoreError as exc:
        err.print(Text("error: ", style="red") + safe(str(exc)))
        raise typer.Exit(2) from exc
    with store:
        steps = store.migrated
    for step in steps:
        console.print(safe(step))
    if steps:
        console.print(safe(f"{db}: now store schema version {SCHEMA_VERSION}; run `newsgraph ingest` to recompute"))
    else:
        console.print(safe(f"{db}: already at store schema version {SCHEMA_VERSION}, nothing to do"))


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[str, typer.Option(
        "--format", "-f", help="json (nested, the default), ftm (FollowTheMoney), graphml, gexf (dynamic), "
                               "acled-csv (one ACLED row per event), csv or parquet (a folder of flat tables).")] = "json",
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Output file (a folder for csv and parquet); json goes to stdout when omitted.")] = None,
) -> None:
    """Export the store for other tools: JSON, FollowTheMoney (Aleph), GraphML/GEXF (Gephi), ACLED rows,
    flat CSV or Parquet tables (pandas, DuckDB)."""
    from newsgraph.export import export as write_export

    with open_store(db) as store:
        try:
            paths, counts = write_export(store, format, out)
        except (ValueError, RuntimeError) as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(2) from exc
    if out is not None:
        size = sum(p.stat().st_size for p in paths)
        summary = ", ".join(f"{n} {k}" for k, n in counts.items())
        err.print(f"wrote {escape(str(out))} ({format}, {len(paths)} file{'s' if len(paths) != 1 else ''}, "
                  f"{size / 1024:.0f} KB): {summary}")


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Counts of what the store holds."""
    with open_store(db) as store:
        s = query.summary(store)
    table = Table.grid(padding=(0, 2))
    for k, v in s.items():
        table.add_row(k.replace("_", " "), f"[bold]{v}[/]")
    console.print(Panel(table, title=str(db), expand=False))


# -- entities --------------------------------------------------------------------------------------

TYPE_STYLE = {"PERSON": "cyan", "ORG": "magenta", "LOC": "green"}


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/] {escape(str(exc))}")
    raise typer.Exit(2) from exc


def _fetch(db: Path, fn, *args, **kwargs):
    """Run one query against the store; an unknown name ends the command with a clear message."""
    with open_store(db) as store:
        try:
            return fn(store, *args, **kwargs)
        except query.NotFound as exc:
            _fail(exc)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _type_label(typ: str, subtype: str | None) -> str:
    style = TYPE_STYLE.get(typ, "white")
    return f"[{style}]{typ}[/]" + (f"[dim]/{subtype}[/]" if subtype else "")


@app.command("entities")
def entities_cmd(
    db: DbOption = Path(DEFAULT_DB),
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="PERSON, ORG or LOC.")] = None,
    min_docs: Annotated[int, typer.Option("--min-docs", help="Only entities named in at least N documents.")] = 1,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List the actors and places: name, type, aliases, documents and independent stories."""
    with open_store(db) as store:
        rows = query.entities(store, type=type, min_docs=min_docs, limit=limit or None)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} entities", header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("name", no_wrap=True, max_width=34, overflow="ellipsis")
    table.add_column("type", no_wrap=True)
    table.add_column("aliases", max_width=60)
    table.add_column("docs", justify="right")
    table.add_column("stories", justify="right")
    for r in rows:
        table.add_row(escape(r["name"]), _type_label(r["type"], r["subtype"]), escape(", ".join(r["aliases"][:8])) +
                      (f" [dim]+{len(r['aliases']) - 8}[/]" if len(r["aliases"]) > 8 else ""),
                      str(r["documents"]), f"[bold]{r['stories']}[/]")
    console.print(table)
    console.print("[dim]stories: independent stories (syndicated copies of one story count once)[/]")


@app.command("show")
def show_cmd(
    name: Annotated[str, typer.Argument(help="The entity's name, any of its aliases, or its id.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Everything about one entity: aliases, mentions in context, co-mentioned entities, relations, quotes."""
    e = _fetch(db, query.entity, name)
    if as_json:
        _print_json(e)
        return
    head = Table.grid(padding=(0, 2))
    head.add_row("id", e["id"])
    head.add_row("type", _type_label(e["type"], e["subtype"]))
    head.add_row("reported in", f"{e['documents']} documents, {e['stories']} independent stories, {e['mentions']} mentions")
    head.add_row("aliases", escape(", ".join(f"{a['alias']}" + (f" [{a['kind']}]" if a["kind"] != "mention" else "") for a in e["aliases"])))
    meta = e["meta"]
    if meta.get("gazetteer"):
        g = meta["gazetteer"]
        head.add_row("gazetteer", escape(f"{g.get('name')} ({g.get('country_code')}) {g.get('latitude')}, {g.get('longitude')}"
                                         f"  population {g.get('population')}  geonames {g.get('geonameid')}"))
    if meta.get("gazetteer_why"):
        head.add_row("why", escape(meta["gazetteer_why"]))
    for i, c in enumerate(meta.get("gazetteer_candidates") or ()):
        head.add_row("candidates" if i == 0 else "", escape(
            f"{c['score']:>6}  {c['name']} ({c['country_code']}, {c['kind']})  {c['latitude']}, {c['longitude']}")
            + f"\n        [dim]{escape('; '.join(c['reasons']))}[/]")
    if meta.get("approximate_position"):
        p = meta["approximate_position"]
        if p.get("method") == "neighbours":
            how = (f"near {p['from']}: where {p.get('documents')} documents say it lies" if p.get("stated")
                   else f"near {p['from']}: the places named next to it in {p.get('documents')} documents")
        else:
            how = f"about {p['distance_km']} km from {p['from']}"
        head.add_row("position", f"≈ {p['latitude']}, {p['longitude']} [dim]({escape(how)})[/]")
    if meta.get("country"):
        head.add_row("country", escape(str(meta["country"])))
    if meta.get("cameo"):
        c = meta["cameo"]
        head.add_row("CAMEO", escape(", ".join(c["codes"]) + (f"  ({', '.join(c['roles'])})" if c["roles"] else "")
                                     + (f"  entry {c['entries'][0]['phrase']}" if c["entries"] else "")))
    console.print(Panel(head, title=f"[bold]{escape(e['name'])}[/]", expand=False))
    if e["contexts"]:
        console.rule("[bold]mentions in context", align="left")
        for c in e["contexts"]:
            console.print(Text(f"{Path(c['source']).name[:24]:<24} ", style="dim") + Text("…" + c["before"][-50:])
                          + Text(c["match"], style="bold yellow") + Text(c["after"][:50] + "…"))
    if e["co_mentioned"]:
        console.rule("[bold]named in the same documents", align="left")
        console.print(", ".join(f"{escape(c['name'])} [dim]×{c['docs']}[/]" for c in e["co_mentioned"]))
    if e["relations"]:
        console.rule("[bold]relations", align="left")
        for r in e["relations"]:
            _print_relation(r)
    if e["quotes"]:
        console.rule("[bold]quotes", align="left")
        for q in e["quotes"][:10]:
            console.print(Text("“" + q["text"][:160] + ("…" if len(q["text"]) > 160 else "") + "”", style="italic")
                          + Text(f"  {Path(q['source']).name}", style="dim"))
    if e["joins"]:
        console.rule("[bold]why these names are one entity", align="left")
        for j in e["joins"][:12]:
            console.print(_join_text(j))
    if meta.get("kept_apart"):
        console.rule("[bold]names kept apart, and why", align="left")
        for note in meta["kept_apart"][:12]:
            console.print(Text("  " + note))


def _join_text(j: dict) -> Text:
    """One join of an entity: "a = b  reasons", or the reasons alone for a user decision about the whole."""
    head = Text(f"  {j['a']} = {j['b']}  ") if j["a"] or j["b"] else Text("  ")
    return head + Text("; ".join(j["reasons"]), style="dim")


@app.command("why-same")
def why_same_cmd(
    a: Annotated[str, typer.Argument(help="A name or alias.")],
    b: Annotated[str, typer.Argument(help="Another name or alias.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Explain whether two names are one entity, and why (or why not)."""
    w = _fetch(db, query.why_same, a, b)
    if w["same"]:
        console.print(f"[green]same entity[/]: [bold]{escape(w['name'])}[/] ({w['entity']})")
        for d in w["same_document"][:3]:
            console.print(f"  both names in one document ({d['doc_id'][:8]}), joined there by the in-document linker")
        for j in w["joins"]:
            console.print(_join_text(j))
    else:
        console.print(f"[yellow]different entities[/]: {escape(w['a']['name'])} ({w['a']['id']}) and "
                      f"{escape(w['b']['name'])} ({w['b']['id']})")
        for reason in w["why_not"]:
            console.print(f"  • {escape(reason)}")


def _rerun_resolution(store) -> None:
    with console.status("re-resolving entities"):
        pipeline.resolve_corpus(store)


def _correct(db: Path, action: str, a: str, b: str, name: str | None = None) -> dict:
    """Store one correction and re-run resolution (``query.correct``); a bad request ends the command."""
    with open_store(db) as store:
        try:
            with console.status("re-resolving entities"):
                return query.correct(store, action, a, b, name=name)
        except (query.NotFound, ValueError) as exc:
            _fail(exc)


def _entity_text(e: dict) -> Text:
    return Text(e["name"], style="bold") + Text(f" ({e['id']}, {e['type']}" + (f"/{e['subtype']}" if e["subtype"] else "") + ")")


@app.command("merge")
def merge_cmd(
    a: Annotated[str, typer.Argument(help="A name or alias of the first entity (its name is kept).")],
    b: Annotated[str, typer.Argument(help="A name or alias of the second entity.")],
    name: Annotated[Optional[str], typer.Option("--name", help="The merged entity's display name.")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Declare two entities one actor, named as the first (or --name). Stored; applied on every later run."""
    r = _correct(db, "merge", a, b, name)
    console.print(Text("merged ") + Text(repr(r["decisions"][0][2])) + Text(" into ") + _entity_text(r["entity"]))


@app.command("split")
def split_cmd(
    entity: Annotated[str, typer.Argument(help="The entity (name, alias or id).")],
    alias: Annotated[str, typer.Argument(help="The name, as documents spell it, that names someone else.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Take the documents' entities named ALIAS out of ENTITY into an entity of their own. Stored; applied on every later run."""
    r = _correct(db, "split", entity, alias)
    out = Text("split ") + Text(repr(r["decisions"][0][2])) + Text(" from ") + _entity_text(r["entity"])
    if r.get("split_off"):
        out += Text(" → ") + _entity_text(r["split_off"])
    console.print(out)


@app.command("rename")
def rename_cmd(
    entity: Annotated[str, typer.Argument(help="The entity (name, alias or id).")],
    name: Annotated[str, typer.Argument(help="Its new display name (the old one stays an alias).")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Set an entity's display name. Stored; applied on every later run."""
    r = _correct(db, "rename", entity, name)
    console.print(Text("renamed ") + Text(repr(r["decisions"][0][1])) + Text(" → ") + _entity_text(r["entity"]))


@app.command("retype")
def retype_cmd(
    entity: Annotated[str, typer.Argument(help="The entity (name, alias or id).")],
    type: Annotated[str, typer.Argument(help="PERSON, ORG or LOC, optionally with a subtype: ORG/armed_group.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Set an entity's type (and subtype). Stored; applied on every later run."""
    r = _correct(db, "retype", entity, type)
    console.print(Text("retyped ") + _entity_text(r["entity"]))


corrections_app = typer.Typer(help="User corrections (merge, split, rename, retype): list, export, import.",
                              invoke_without_command=True)
app.add_typer(corrections_app, name="corrections")


@corrections_app.callback()
def corrections_list(
    ctx: typer.Context,
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List the stored corrections in the order they are applied, with whether each still applies."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db) as store:
        rows = query.corrections(store)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} corrections", header_style="bold", box=box.SIMPLE_HEAD)
    for col in ("#", "action", "a", "b", "made", "status"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["id"]), r["action"], Text(r["a"]), Text(r["b"]), r["created_at"][:16].replace("T", " "),
                      Text(r["status"], style="green" if r["applies"] else "yellow"))
    console.print(table)


@corrections_app.command("export")
def corrections_export(
    path: Annotated[Path, typer.Argument(help="The corrections file to write (one decision a line, tab-separated).")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Write the corrections to a file you can review and keep in git."""
    with open_store(db) as store:
        text = query.export_corrections(store)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(exc)
    n = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    console.print(Text(f"{n} corrections → {path}"))


@corrections_app.command("import")
def corrections_import(
    path: Annotated[Path, typer.Argument(help="A corrections file (as `corrections export` writes it).")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Add the corrections of a file (those not stored yet) and re-resolve. Exit status 1 when a line was bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _fail(exc)
    with open_store(db) as store:
        with console.status("re-resolving entities"):
            r = query.import_corrections(store, text, str(path))
    for p in r["problems"]:
        err.print(Text(f"{p['where']}: {p['reason']}"))
    console.print(Text(f"{r['imported']} imported, {r['already_stored']} already stored, {len(r['problems'])} bad lines"))
    if r["problems"]:
        raise typer.Exit(1)


# -- CAMEO / Phoenix actor dictionaries -----------------------------------------------------------

actors_app = typer.Typer(help="CAMEO/Phoenix actor dictionaries from your own copy: codes, roles and aliases.",
                         no_args_is_help=True)
app.add_typer(actors_app, name="actors")


def _checked_dictionary(path: Path) -> str:
    """The absolute path of a dictionary that loads, after a one-line summary; exits on failure."""
    from newsgraph.entities.actors import path_of
    from newsgraph.kb.cameo import load_dictionaries

    try:
        d = load_dictionaries(path)
    except (FileNotFoundError, OSError, ValueError) as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    n_actors, n_agents = sum(len(a) for a in d.actors), sum(len(a) for a in d.agents)
    err.print(f"dictionaries {escape(str(path))}: {n_actors:,} actor entries, {n_agents:,} agent entries"
              + (f", [yellow]{len(d.warnings)} warnings[/] (first: {escape(d.warnings[0])})" if d.warnings else ""),
              soft_wrap=True)
    return path_of(path)


def _remember_dictionaries(store: Store, paths: list[str]) -> None:
    from newsgraph.entities.actors import ACTORS_OVERRIDE, dictionary_paths

    known = set(dictionary_paths(store.overrides()))
    with store.batch():
        for p in paths:
            if p not in known:
                store.add_override(ACTORS_OVERRIDE, p, "")


def _coded_entities(store: Store) -> list[dict]:
    rows = store.query("SELECT id, name, type, subtype, documents, meta FROM entities ORDER BY documents DESC, name")
    out = []
    for r in rows:
        cameo = json.loads(r["meta"] or "{}").get("cameo")
        if cameo:
            out.append({"id": r["id"], "name": r["name"], "type": r["type"], "subtype": r["subtype"],
                        "documents": r["documents"], **cameo})
    return out


@actors_app.command("load")
def actors_load(
    path: Annotated[Path, typer.Argument(help="A directory of *.actors.txt / *.agents.txt files, or one file.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Load dictionaries and code the stored entities with them. Remembered: later runs apply them too."""
    checked = _checked_dictionary(path)
    with open_store(db) as store:
        _remember_dictionaries(store, [checked])
        _rerun_resolution(store)
        coded = _coded_entities(store)
    console.print(f"{len(coded)} entities coded with {escape(str(path))}; list them with [bold]newsgraph actors list[/]")


@actors_app.command("list")
def actors_list(
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Entities the loaded dictionaries code: codes, countries, roles and the dictionary entries matched."""
    from newsgraph.entities.actors import dictionary_paths

    with open_store(db) as store:
        paths = dictionary_paths(store.overrides())
        coded = _coded_entities(store)
    if as_json:
        _print_json({"dictionaries": paths, "entities": coded})
        return
    if not paths:
        console.print("no dictionaries loaded (newsgraph actors load PATH)")
        return
    table = Table(box=box.SIMPLE_HEAD, title=f"{len(coded)} coded entities")
    for col in ("name", "type", "codes", "roles", "entry"):
        table.add_column(col)
    for e in coded:
        table.add_row(escape(e["name"]), _type_label(e["type"], e["subtype"]), ", ".join(e["codes"]),
                      escape(", ".join(e["roles"])), escape(", ".join(x["phrase"] for x in e["entries"][:2])))
    console.print(table)
    console.print("[dim]dictionaries: " + escape(", ".join(paths)) + "[/]")


# -- relations, events, quotes, contradictions -----------------------------------------------------

_POLARITY = {"asserted": "", "negated": "[red]denied[/] ", "hedged": "[yellow]reportedly[/] "}


def _print_relation(r: dict) -> None:
    console.print(f"{_POLARITY.get(r['polarity'], '')}[bold]{escape(r['subject_name'] or r['subject'])}[/] "
                  f"[cyan]{r['predicate']}[/] [bold]{escape(r['object_name'] or r['object'])}[/]"
                  f"  [dim]{r['stories']} stor{'y' if r['stories'] == 1 else 'ies'}, confidence {r['confidence']:.2f}[/]")
    ev = r["evidence"][0] if r["evidence"] else None
    if ev:
        console.print(Text("    “" + " ".join(ev["text"].split())[:180] + "”", style="dim italic"))


@app.command("relations")
def relations_cmd(
    db: DbOption = Path(DEFAULT_DB),
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Only relations of this entity.")] = None,
    predicate: Annotated[Optional[str], typer.Option("--predicate", "-p", help="leads, member_of, backed_by, ...")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Who leads, belongs to, backs, speaks for, fights whom, with evidence and story counts."""
    with open_store(db) as store:
        try:
            eid = query.find_entity(store, entity) if entity else None
        except query.NotFound as exc:
            _fail(exc)
        rows = query.relations(store, entity=eid, predicate=predicate)
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        _print_relation(r)
    console.print(f"[dim]{len(rows)} relations[/]")


def _event_line(e: dict, rec: dict | None = None) -> Text:
    date = e["date"] or (f"~{rec['event_date']}" if rec and rec["event_date"] else "????-??-??")
    actors = ", ".join(a["name"] or a["entity"] for a in e["actors"] if a["role"] == "actor")
    targets = ", ".join(a["name"] or a["entity"] for a in e["actors"] if a["role"] == "target")
    q = ", ".join(f"{x['kind']} {('≥' if x.get('approx') else '')}{x['value']}" for x in e["quantities"])
    line = Text(f"{date:<10} ", style="bold") + Text(f"{e['type']:<9}", style="magenta")
    if rec and rec["sub_event_type"]:
        line += Text(f" [{rec['sub_event_type']}]", style="dim")
    elif e.get("acled_type"):
        line += Text(f" [{e['acled_type']}]", style="dim")
    if actors:
        line += Text(f" {actors}", style="cyan")
    if targets:
        line += Text(" → ") + Text(targets, style="cyan")
    if e["location_name"]:
        line += Text(" @ ") + Text(e["location_name"], style="green")
    if rec and rec["fatalities"] is not None:
        line += Text(f"  ({rec['fatalities']} killed)", style="red")
    elif q:
        line += Text(f"  ({q})", style="red")
    line += Text(f"  {e['stories']} stor{'y' if e['stories'] == 1 else 'ies'}", style="dim")
    return line


# --type accepts any of these (case-insensitive): PLOVER categories, ACLED event and sub-event types
def _event_types() -> dict[str, tuple[str, str]]:
    from newsgraph.extract import acled
    from newsgraph.extract.event_lexicon import CATEGORIES

    kinds = {s.lower(): ("sub_event_type", s) for s in (*acled.SUB_EVENT_TYPES, *acled.NON_CONFLICT.values())}
    kinds.update({t.lower(): ("acled_type", t) for t in acled.EVENT_TYPES})
    kinds.update({c.lower(): ("type", c) for c in CATEGORIES})  # "ACCIDENT" the category is "Accident" the sub-type
    return kinds


_EVENT_SORTS = {
    "date": lambda r: (r["event_date"] is None, r["event_date"] or "", r["event_id"]),
    "-date": lambda r: (r["event_date"] is None, _descending(r["event_date"] or ""), r["event_id"]),
    "fatalities": lambda r: (-(r["fatalities"] or 0), r["event_date"] or "", r["event_id"]),
    "stories": lambda r: (-r["stories"], r["event_date"] or "", r["event_id"]),
    "confidence": lambda r: (-(r["confidence"] or 0), r["event_date"] or "", r["event_id"]),
    "type": lambda r: (r["plover_type"], r["sub_event_type"] or "", r["event_date"] or "", r["event_id"]),
}


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def _bad_value(option: str, value: str, accepted: str) -> None:
    err.print(f"[red]error:[/] {option} {escape(repr(value))} cannot be read; accepted: {escape(accepted)}")
    raise typer.Exit(2)


_ISO_PARTIAL = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _checked_date(option: str, value: str | None) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD filter value that names a real date, else a clear error."""
    if value is None:
        return None
    ok = bool(_ISO_PARTIAL.fullmatch(value.strip()))
    if ok:
        parts = [int(p) for p in value.strip().split("-")] + [1, 1]
        try:
            datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            ok = False
    if not ok:
        _bad_value(option, value, "a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016, 2016-10, 2016-10-04)")
    return value.strip()


def _checked_choice(option: str, value: str | None, choices) -> str | None:
    if value is None:
        return None
    if value.lower() not in choices:
        _bad_value(option, value, ", ".join(choices))
    return value.lower()


@app.command("events")
def events_cmd(
    db: DbOption = Path(DEFAULT_DB),
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="PLOVER category, ACLED event type or ACLED sub-event type.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Only events at this place (any alias).")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="At most this many events.")] = None,
    sort: Annotated[str, typer.Option("--sort", help="date, -date, fatalities, stories, confidence or type.")] = "date",
    denied: Annotated[bool, typer.Option("--denied", help="Also events only reported as denied.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Rows with their ACLED-style record.")] = False,
) -> None:
    """What happened, where and when, with actors, fatalities and evidence: one record per event,
    with ACLED's fields (event and sub-event type, actors and interaction codes, place and geo
    precision, date and time precision, fatalities, source, notes)."""
    from newsgraph.event_records import records

    kinds = _event_types()
    sort = _checked_choice("--sort", sort, list(_EVENT_SORTS))
    kind = None
    if type is not None:
        if type.lower() not in kinds:
            names = {group: [v[1] for v in kinds.values() if v[0] == group]
                     for group in ("type", "acled_type", "sub_event_type")}
            _bad_value("--type", type, "a PLOVER category (" + ", ".join(names["type"]) + "), an ACLED event type ("
                       + ", ".join(names["acled_type"]) + ") or sub-event type (" + ", ".join(names["sub_event_type"])
                       + "); any case")
        kind = kinds[type.lower()]
    date_from, date_to = _checked_date("--from", date_from), _checked_date("--to", date_to)
    with open_store(db) as store:
        try:
            rows = query.events(store, type=kind[1] if kind and kind[0] != "sub_event_type" else None, place=place,
                                date_from=date_from, date_to=date_to)
        except query.NotFound as exc:
            _fail(exc)
        recs = records(store, rows)
    pairs = [(r, rec) for r, rec in zip(rows, recs)
             if (denied or r["polarity"] != "negated")
             and (kind is None or kind[0] != "sub_event_type" or rec["sub_event_type"] == kind[1])]
    pairs.sort(key=lambda p: _EVENT_SORTS[sort](p[1]))
    total = len(pairs)
    pairs = pairs[:limit] if limit else pairs
    if as_json:
        _print_json([{**r, "sub_event_type": rec["sub_event_type"], "fatalities": rec["fatalities"], "record": rec}
                     for r, rec in pairs])
        return
    for e, rec in pairs:
        console.print(_event_line(e, rec))
        if rec["notes"]:
            console.print(Text("           “" + rec["notes"][:170] + "”", style="dim italic"))
    shown = f"{len(pairs)} of {total}" if len(pairs) < total else f"{total}"
    console.print(f"[dim]{shown} events; dates resolved from the text, or the report's week (see --json)[/]")


@app.command("timeline")
def timeline_cmd(
    name: Annotated[str, typer.Argument(help="An entity: actor or place.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The events an actor took part in, or that happened at a place, in date order."""
    t = _fetch(db, query.timeline, name)
    if as_json:
        _print_json(t)
        return
    console.rule(f"[bold]{escape(t['name'])}")
    for e in t["events"]:
        console.print(_event_line(e))
    if not t["events"]:
        console.print("[dim]no events[/]")


@app.command("quotes")
def quotes_cmd(
    db: DbOption = Path(DEFAULT_DB),
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only quotes of this entity.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Who said what: direct and indirect quotes with their speakers."""
    rows = _fetch(db, query.quotes, speaker=speaker)
    if as_json:
        _print_json(rows)
        return
    for q in rows:
        who = q["speaker_name"] or (f"[dim]{escape(q['speaker_text'])}?[/]" if q["speaker_text"] else "[dim]unattributed[/]")
        role = f" [dim]({escape(q['speaker_role'])})[/]" if q["speaker_role"] else ""
        console.print(f"[bold]{who if q['speaker_name'] is None else escape(who)}[/]{role}: "
                      + escape(("“" if q["kind"] == "direct" else "") + q["text"][:200] + ("…" if len(q["text"]) > 200 else "")
                               + ("”" if q["kind"] == "direct" else "")))
    console.print(f"[dim]{len(rows)} quotes[/]")


_CONTRADICTION_SORTS = {
    "kind": lambda c: (c.get("kind") or "", c.get("id") or ""),
    "subject": lambda c: (c.get("subject") or "", c.get("kind") or "", c.get("id") or ""),
    "reports": lambda c: (-len({e["doc"] for e in c["evidence"]}), c.get("kind") or "", c.get("id") or ""),
}


@app.command("contradictions")
def contradictions_cmd(
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="At most this many.")] = None,
    sort: Annotated[str, typer.Option("--sort", help="kind, subject or reports (most reports first).")] = "kind",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Where sources disagree (numbers, dates, claims) or a document contradicts itself."""
    sort = _checked_choice("--sort", sort, list(_CONTRADICTION_SORTS))
    with open_store(db) as store:
        rows = query.contradictions_view(store)  # each report with its publisher and date
        sources = {r["id"]: " ".join(filter(None, (Path(r["source"]).name, r["locator"])))
                   for r in store.query("SELECT id, source, locator FROM documents")}
    rows = sorted(rows, key=_CONTRADICTION_SORTS[sort])
    total = len(rows)
    rows = rows[:limit] if limit else rows
    if as_json:
        _print_json(rows)
        return
    for c in rows:
        console.print(Text(f"{c.get('kind', '')} ", style="yellow") + safe(c["description"]), soft_wrap=True)
        for ev in c["evidence"]:
            where = ", ".join(filter(None, (ev.get("publisher"), (ev.get("published") or "")[:10],
                                            sources.get(ev["doc"], ev["doc"]))))
            text = ev.get("text") or ""
            console.print(Text("    ") + safe(where, "dim") + Text(": ", style="dim")
                          + safe(" ".join(text.split())[:150], "italic"), soft_wrap=True)
    console.print(f"[dim]{f'{len(rows)} of {total}' if len(rows) < total else total} contradictions[/]")


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Where to build the demo store.")] = Path("out/demo.db"),
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON export.")] = Path("out/demo.json"),
) -> None:
    """Ingest the bundled sample corpus, print a summary, and write an export."""
    from newsgraph.resources import sample_dir

    if db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    console.rule("[bold]newsgraph demo: the bundled sample corpus")
    store = open_store(db, must_exist=False)
    report = pipeline.ingest(store, [sample_dir()], workers=DEFAULT_WORKERS)
    store.close()
    _print_report(report, db)
    for problem in report.problems:
        err.print(f"[yellow]skipped[/] {escape(problem.source)}: {escape(problem.reason)}", soft_wrap=True)
    docs(db=db)
    stats(db=db)
    export(db=db, format="json", out=out)
    console.print(Text("open it in the workbench: ", style="bold") + Text(f"newsgraph serve --db {db}"))


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    port: Annotated[int, typer.Option("--port", help="The port to listen on.", min=1, max=65535)] = 8000,
    host: Annotated[Optional[str], typer.Option("--host", help="The address to listen on (default 127.0.0.1: this machine only).")] = None,
) -> None:
    """Open the store in the web workbench: network, map, timeline, entity pages, source viewer,
    contradictions, corrections; its HTTP API is documented at /docs."""
    import uvicorn

    from newsgraph.web import create_app

    open_store(db).close()  # a missing or broken store is reported here, not on the first request
    if host and host not in LOOPBACK:
        err.print(f"[yellow]warning:[/] serving on {escape(host)}: anyone who can reach this address can read the "
                  "store and change its corrections; there is no authentication")
    host = host or "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    console.print(f"newsgraph workbench for {escape(str(db))} on [bold]http://{shown}:{port}/[/] "
                  f"(API docs at /docs); Ctrl-C stops it")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
