"""The `dossier` command line: parse options, call one library function, print."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dossier.store import Store

DEFAULT_DB = "dossier.db"

app = typer.Typer(help="Turn news reporting about armed groups into a sourced knowledge base.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
export_app = typer.Typer(help="Export entities, claims or events.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class State:
    db: str = DEFAULT_DB


def _db_url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def open_store() -> Store:
    return Store(_db_url(State.db))


@app.callback()
def main(db: Annotated[str, typer.Option("--db", envvar="DOSSIER_DB",
                                         help="Database: a SQLite file path or an SQLAlchemy URL.")] = DEFAULT_DB):
    """dossier: sourced facts and events about armed groups, from news text."""
    State.db = db


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="JSONL, .txt, .md or .html files, or folders.")],
           published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents "
                                                         "that lack one.")] = None,
           publisher: Annotated[str | None, typer.Option(help="Publisher for documents that lack one.")] = None,
           progress: Annotated[bool, typer.Option(help="Show a progress bar on a terminal.")] = True):
    """Read documents, extract sourced claims and events, and store them."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from dossier.pipeline import ingest as run_ingest

    err = Console(stderr=True, soft_wrap=True)
    pub = _parse_date(published)
    show = progress and sys.stderr.isatty()
    with open_store() as store, Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                         TimeElapsedColumn(), console=err, disable=not show) as bar:
        task = bar.add_task("ingest", total=None)
        report = run_ingest(paths, store, published=pub, publisher=publisher,
                            on_error=lambda e: err.print(f"[red]error[/red] {e}", highlight=False),
                            on_document=lambda d: bar.advance(task))
    err.print(report.summary(), highlight=False)
    if report.errors:
        raise typer.Exit(1)


class Kind(StrEnum):
    entities = "entities"
    claims = "claims"
    events = "events"


def _export(kind: Kind, fmt: str, output: Path | None) -> None:
    from dossier.export import export, formats

    if fmt not in formats(kind.value):
        raise typer.BadParameter(f"unknown format {fmt!r} for {kind.value}; choose from {formats(kind.value)}")
    with open_store() as store:
        if output is None:
            export(store, kind.value, fmt, sys.stdout)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                export(store, kind.value, fmt, out)
            os.replace(tmp, output)  # a partial file never replaces a good one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _export_command(kind: Kind):
    def command(fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
                output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write "
                                                            "(default: standard output).")] = None):
        _export(kind, fmt, output)

    command.__doc__ = f"Export {kind.value}."
    return command


for _kind in Kind:
    export_app.command(_kind.value)(_export_command(_kind))


class AnswerFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def ask(question: Annotated[str, typer.Argument(help="A question, e.g. \"Who leads the Haqqani network?\"")],
        fmt: Annotated[AnswerFormat, typer.Option("--format", "-f", help="text or json")] = AnswerFormat.text):
    """Answer a question from the knowledge base, citing the sources."""
    import json

    from dossier.query import ask as run_ask

    with open_store() as store:
        answer = run_ask(store, question)
    if fmt is AnswerFormat.json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, default=str))
    else:
        typer.echo(answer.to_text())


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _figure(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low is not None and high is None:
        return f"{low}+"
    if low is None:
        return f"<={high}"
    return str(low) if low == high else f"{low}-{high}"


def _event_cells(ev: dict) -> list[str]:
    place = ev.get("place") or {}
    where = ", ".join(x for x in dict.fromkeys([place.get("name"), place.get("admin1"), place.get("country")]) if x)
    perps = "; ".join(f"{p['name']} ({p['attribution']})" for p in ev.get("perpetrators") or [])
    return [ev.get("date") or "?", ev.get("type") or "", where, perps, _figure(ev.get("killed"), ev.get("killed_high")),
            _figure(ev.get("injured"), ev.get("injured_high")), str(len(ev.get("doc_ids") or []))]


@app.command()
def events(group: Annotated[str | None, typer.Option(help="Only events of this group (any of its names).")] = None,
           country: Annotated[str | None, typer.Option(help="Only events in this country (ISO code or name).")] = None,
           since: Annotated[str | None, typer.Option(help="Only events on or after this date (ISO).")] = None,
           until: Annotated[str | None, typer.Option(help="Only events on or before this date.")] = None,
           fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="table or jsonl")] = EventFormat.table):
    """List events: date, type, place, perpetrators, killed, injured and how many sources report them."""
    import json

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY[-MM[-DD]])", param_hint=name)
    with open_store() as store:
        rows = list(store.iter_events(group=group, country=country, since=since, until=until))
    if fmt is EventFormat.jsonl:
        for ev in rows:
            typer.echo(json.dumps(ev, ensure_ascii=False))
        return
    header = ["date", "type", "place", "perpetrators", "killed", "injured", "sources"]
    cells = [header, *(_event_cells(ev) for ev in rows)]
    widths = [min(40, max(len(r[i]) for r in cells)) for i in range(len(header))]
    for r in cells:
        typer.echo("  ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    typer.echo(f"{len(rows)} events", err=True)


@app.command()
def demo(db: Annotated[Path, typer.Option("--db", help="Database file to (re)create.")] = Path("dossier-demo.db")):
    """Build a database from the bundled sample corpus, profile one group and answer a few questions."""
    from dossier.query.demo import run_demo

    run_demo(db, echo=typer.echo)


if __name__ == "__main__":
    app()
