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
export_app = typer.Typer(help="Export entities, claims or events, or the whole knowledge base as STIX, GeoJSON, "
                              "GraphML or GEXF.", no_args_is_help=True)
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


TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds allowed for each web request.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1, help="Largest page or feed fetched, in bytes.")]
DelayOption = Annotated[float, typer.Option("--delay", min=0.0, help="Seconds between two requests to the same "
                                            "site (a longer robots.txt Crawl-delay wins).")]


def _fetcher(timeout: float, max_bytes: int, delay: float):
    from dossier.ingest import Fetcher

    return Fetcher(timeout=timeout, max_bytes=max_bytes, delay=delay)


@app.command()
def ingest(paths: Annotated[list[str], typer.Argument(help="JSONL, .txt, .md, .html or .rss/.atom/.xml feed files, "
                                                      "folders, or http(s) URLs of pages and feeds.")],
           published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents "
                                                         "that lack one.")] = None,
           publisher: Annotated[str | None, typer.Option(help="Publisher for documents that lack one.")] = None,
           progress: Annotated[bool, typer.Option(help="Show a progress bar on a terminal.")] = True,
           timeout: TimeoutOption = 20.0, max_bytes: MaxBytesOption = 5_000_000, delay: DelayOption = 1.0,
           workers: Annotated[int, typer.Option("--workers", min=1, help="Local processes that parse and "
                                                "extract (the result is the same as with one).")] = 1,
           scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                                                         "(tcp://HOST:PORT): parse and extract on that "
                                                         "cluster, write from here.")] = None):
    """Read documents, extract sourced claims and events, and store them."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from dossier.pipeline import ingest as run_ingest

    err = Console(stderr=True, soft_wrap=True)
    pub = _parse_date(published)
    show = progress and sys.stderr.isatty()
    with open_store() as store, _fetcher(timeout, max_bytes, delay) as fetcher, \
            Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                     disable=not show) as bar:
        task = bar.add_task("ingest", total=None)
        report = run_ingest(paths, store, published=pub, publisher=publisher,
                            on_error=lambda e: err.print(f"[red]error[/red] {e}", highlight=False),
                            on_document=lambda d: bar.advance(task), fetcher=fetcher, workers=workers,
                            scheduler=scheduler)
    err.print(report.summary(), highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def watch(feeds: Annotated[list[str], typer.Argument(help="Feed URLs (or feed files) to poll.")],
          every: Annotated[str, typer.Option(help="Time between two polls: 30s, 15m, 2h.")] = "15m",
          max_rounds: Annotated[int | None, typer.Option("--max-rounds", min=1, help="Stop after this many polls "
                                                         "(default: poll until interrupted).")] = None,
          timeout: TimeoutOption = 20.0, max_bytes: MaxBytesOption = 5_000_000, delay: DelayOption = 1.0):
    """Poll feeds and ingest only their new items (items already stored are not fetched again)."""
    from rich.console import Console

    from dossier.ingest import parse_duration, poll
    from dossier.pipeline import ingest as run_ingest

    try:
        seconds = parse_duration(every)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--every") from None
    err = Console(stderr=True, soft_wrap=True)
    failed = []

    with open_store() as store, _fetcher(timeout, max_bytes, delay) as fetcher:
        def one_round(number: int) -> None:
            report = run_ingest(feeds, store, fetcher=fetcher,
                                on_error=lambda e: err.print(f"[red]error[/red] {e}", highlight=False))
            stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            err.print(f"round {number} ({stamp}): {report.summary()}", highlight=False)
            failed.append(bool(report.errors))

        try:
            poll(one_round, seconds, max_rounds)
        except KeyboardInterrupt:
            err.print("stopped", highlight=False)
    if failed and failed[-1]:
        raise typer.Exit(1)


class Kind(StrEnum):
    entities = "entities"
    claims = "claims"
    events = "events"


def _write_out(output: Path | None, write) -> None:
    """`write(stream)` to standard output, or to `output` atomically; an unknown --group is a one-line error."""
    from dossier.export import UnknownGroup

    try:
        if output is None:
            write(sys.stdout)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                write(out)
            os.replace(tmp, output)  # a partial file never replaces a good one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except UnknownGroup as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None


def _export(kind: Kind, fmt: str, output: Path | None, group: str | None = None) -> None:
    from dossier.export import export, formats

    if fmt not in formats(kind.value):
        raise typer.BadParameter(f"unknown format {fmt!r} for {kind.value}; choose from {formats(kind.value)}")
    with open_store() as store:
        _write_out(output, lambda out: export(store, kind.value, fmt, out, group=group))


OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="File to write, atomically "
                                                   "(default: standard output).")]
GroupOption = Annotated[str | None, typer.Option("--group", help="Only this group (any of its names) and what "
                                                 "touches it.")]


def _export_command(kind: Kind):
    def command(fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
                output: OutputOption = None):
        _export(kind, fmt, output)

    def events_command(fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or acled")] = "jsonl",
                       output: OutputOption = None, group: GroupOption = None):
        _export(kind, fmt, output, group)

    chosen = events_command if kind is Kind.events else command
    chosen.__doc__ = f"Export {kind.value}."
    return chosen


for _kind in Kind:
    export_app.command(_kind.value)(_export_command(_kind))

WHOLE_FORMATS = {"stix": "a STIX 2.1 bundle (JSON) for OpenCTI, MISP and other threat-intelligence platforms",
                 "geojson": "a GeoJSON FeatureCollection of events and bases for QGIS or geojson.io",
                 "graphml": "the entity network as GraphML for Gephi, yEd or networkx",
                 "gexf": "the entity network as GEXF 1.2 for Gephi or networkx"}


def _whole_command(fmt: str):
    def command(output: OutputOption = None, group: GroupOption = None):
        from dossier.export import export_scope

        with open_store() as store:
            _write_out(output, lambda out: export_scope(store, fmt, out, group=group))

    command.__doc__ = f"Export {WHOLE_FORMATS[fmt]}."
    return command


for _fmt in WHOLE_FORMATS:
    export_app.command(_fmt)(_whole_command(_fmt))


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


class ProfileFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
def profile(name: Annotated[str, typer.Argument(help="A group (or person) by any of its names, e.g. \"IS-K\".")],
            fmt: Annotated[ProfileFormat, typer.Option("--format", "-f", help="md, html or json")] = ProfileFormat.md,
            output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write "
                                                        "(default: standard output).")] = None):
    """Write an explainer of a group from the knowledge base: overview, size, attacks, places, links, people."""
    import json

    from dossier.query.profile import UnknownName, build_profile

    with open_store() as store:
        try:
            prof = build_profile(store, name)
        except UnknownName:
            typer.echo(f"Not known: the knowledge base has no entity named {name!r}.", err=True)
            raise typer.Exit(1) from None
    if fmt is ProfileFormat.json:
        text = json.dumps(prof.to_dict(), ensure_ascii=False, indent=1, default=str) + "\n"
    elif fmt is ProfileFormat.html:
        from dossier.export.profile_html import render_html

        text = render_html(prof)
    else:
        from dossier.export.profile_md import render_md

        text = render_md(prof)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, output)  # a partial file never replaces a good one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to bind (loopback by default; another address "
                                            "exposes the knowledge base to the network).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
          write_token: Annotated[str | None, typer.Option("--write-token", envvar="DOSSIER_WRITE_TOKEN",
                                                          help="Enable POST /api/ingest for requests bearing "
                                                          "this token (read-only without it).")] = None,
          tiles: Annotated[str | None, typer.Option(help="Tile URL template for an online base map, e.g. "
                                                    "https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: the "
                                                    "bundled world outline only, no requests outside).")] = None,
          workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes (one per core "
                                               "serves more requests at once).")] = 1):
    """Serve the web app (groups, profiles, map, timeline, network, documents, ask) and the JSON API."""
    from dossier.serve import run

    typer.echo(f"dossier serve: http://{host}:{port}/ ({'ingest enabled' if write_token else 'read-only'})",
               err=True)
    run(_db_url(State.db), host=host, port=port, write_token=write_token, tiles=tiles, workers=workers)


class SearchKind(StrEnum):
    documents = "documents"
    claims = "claims"


class SearchFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def search(query: Annotated[str, typer.Argument(help="Words to find (all must occur; stemmed: 'bombing' finds "
                                                "'bombings').")],
           kind: Annotated[SearchKind, typer.Option("--kind", help="Search documents or claims.")]
           = SearchKind.documents,
           limit: Annotated[int, typer.Option("--limit", min=1, help="Most results shown.")] = 10,
           fmt: Annotated[SearchFormat, typer.Option("--format", help="text or json (one object a line).")]
           = SearchFormat.text):
    """Full-text search of documents or claims (PostgreSQL text search, or SQLite FTS5), best first."""
    import json

    with open_store() as store:
        hits = store.search(query, kind=kind.value, limit=limit)
    for hit in hits:
        if fmt is SearchFormat.json:
            typer.echo(json.dumps(hit, ensure_ascii=False))
        elif hit["kind"] == "document":
            typer.echo(f"{hit['id']}  {hit['published'] or '':10}  {hit['title'] or ''}\n    {hit['snippet']}")
        else:
            typer.echo(f"{hit['id']}  {hit['doc_id']}  {hit['subject']} {hit['predicate']} "
                       f"[{hit['modality']}]\n    {hit['evidence']}")
    if not hits:
        typer.echo(f"No {kind.value} match {query!r}.", err=True)


if __name__ == "__main__":
    app()
