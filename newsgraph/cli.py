"""The command line: a thin layer over newsgraph.pipeline and newsgraph.query."""

from __future__ import annotations

import json
import os
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
        err.print(f"[red]error:[/] no store at {db} (run [bold]newsgraph ingest PATH --db {db}[/] first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories: .txt .html .htm .jsonl .warc .warc.gz")],
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[int, typer.Option(help="Processes for the per-document stages.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run the NLP model (sentences, tokens, mentions).")] = True,
) -> None:
    """Read articles, clean them, group syndicated copies, and store everything.

    Idempotent and incremental: documents already stored (same content) are skipped. Bad inputs are
    reported one line each and the run goes on; the exit status is 1 when any input failed.
    """
    store = open_store(db, must_exist=False)

    def on_problem(problem):
        err.print(f"[yellow]skipped[/] {escape(problem.source)}: {escape(problem.reason)}", soft_wrap=True)

    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[current]}"), console=err, disable=quiet or not err.is_terminal, transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, current="")

        def on_progress(done: int, total: int, current: str) -> None:
            progress.update(task, completed=done, total=total, current=Path(current).name)

        report = pipeline.ingest(
            store, paths, workers=workers, batch_size=batch_size, on_progress=on_progress, on_problem=on_problem,
            nlp=nlp,
        )
    _print_report(report, db)
    store.close()
    if report.failed:
        raise typer.Exit(1)


def _print_report(report: pipeline.IngestReport, db: Path) -> None:
    rate = report.read / report.seconds if report.seconds else 0
    table = Table.grid(padding=(0, 2))
    table.add_row("files", str(report.files), "documents read", str(report.read))
    table.add_row("added", f"[green]{report.added}[/]", "already stored", str(report.already_stored))
    table.add_row("duplicates in run", str(report.duplicates), "problems", f"[{'red' if report.problems else 'green'}]{len(report.problems)}[/]")
    table.add_row("documents in store", str(report.documents), "independent stories", str(report.stories))
    table.add_row("syndicated copies", str(report.syndicated), "time", f"{report.seconds:.1f}s ({rate:.0f} docs/s)")
    if report.nlp_skipped:
        short = report.nlp_skipped.split(" (")[0].split(". ")[0]  # the first clause says it; the rest is how to fix
        hint = "" if report.nlp_skipped == "switched off" else " — see training/README.md"
        table.add_row("NLP", "[yellow]not run[/]", "", f"[yellow]{escape(short)}[/]{hint}")
    else:
        table.add_row("NLP annotated", str(report.annotated))
    console.print(Panel(table, title=f"ingest → {db}", expand=False))


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
            r.id[:8], _short(r.source, r.locator), r.publisher or "[dim]—[/]", date, story, str(r.words),
            str(r.removed_lines), f"[yellow]{r.flags}[/]" if r.flags else "0",
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
    head = Table.grid(padding=(0, 2))
    head.add_row("id", doc["id"])
    head.add_row("source", doc["source"] + (f" ({doc['locator']})" if doc["locator"] else ""))
    head.add_row("title", doc["title"] or "—")
    head.add_row("publisher", doc["publisher"] or "—")
    ev = doc["published_evidence"]
    head.add_row("published", (doc["published"] or "—") + (f"  [dim]{doc['published_method']}: “{ev.get('text', ev.get('origin'))}”[/]" if ev else ""))
    head.add_row("story", (doc["story"] or "—") + (f"  [dim]with {', '.join(s[:12] for s in doc['story_siblings'])}[/]" if doc["story_siblings"] else ""))
    for f in doc["flags"]:
        head.add_row("[yellow]flag[/]", f"[yellow]{f['kind']}[/]: {f['message']}")
    console.print(Panel(head, expand=False))
    if doc["format"] == "text":
        for line in query.raw_lines(doc):
            if line.removed:
                console.print(Text("  ✗ ", style="red") + Text(line.text, style="dim strike") + Text(f"  [{line.removed}]", style="red dim"))
            elif line.text.strip():
                console.print(Text("    ") + Text(line.text))
            else:
                console.print()
    else:
        console.print(doc["text"])
        if doc["removed"]:
            console.print(f"[dim]{len(doc['removed'])} removed blocks[/]")


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[str, typer.Option("--format", "-f", help="Only json for now.")] = "json",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file; stdout when omitted.")] = None,
) -> None:
    """Export documents, entities, relations, events, quotes and contradictions as JSON."""
    if format != "json":
        err.print(f"[red]error:[/] unknown format {format!r} (supported: json)")
        raise typer.Exit(2)
    with open_store(db) as store:
        data = query.export(store)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(text + "\n")
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
        counts = ", ".join(f"{len(v)} {k}" for k, v in data.items())
        err.print(f"wrote {out}: {counts}")


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Counts of what the store holds."""
    with open_store(db) as store:
        s = query.summary(store)
    table = Table.grid(padding=(0, 2))
    for k, v in s.items():
        table.add_row(k.replace("_", " "), f"[bold]{v}[/]")
    console.print(Panel(table, title=str(db), expand=False))


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
    report = pipeline.ingest(store, [sample_dir()])
    store.close()
    _print_report(report, db)
    for problem in report.problems:
        err.print(f"[yellow]skipped[/] {escape(problem.source)}: {escape(problem.reason)}", soft_wrap=True)
    docs(db=db)
    stats(db=db)
    export(db=db, format="json", out=out)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
