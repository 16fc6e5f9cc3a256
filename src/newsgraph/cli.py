"""The command line: the one place that parses argv and exits."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_watch import watch_app
from .errors import NewsgraphError, QueryError
from .isodate import require_day
from .settings import Settings, describe, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newsgraph: who did what to whom, where, when, who said what.")
actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base.")
app.add_typer(actors_app, name="actors")
app.add_typer(watch_app, name="watch")

log = logging.getLogger("newsgraph")

DateOpt = Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD.")]  # noqa: UP045
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings file (TOML).")]  # noqa: UP045
ActorsOpt = Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actor dictionary.")]  # noqa: UP045
PatternsOpt = Annotated[Optional[list[Path]], typer.Option("--patterns", help="Extra event patterns.")]  # noqa: UP045
ExtractorsOpt = Annotated[Optional[str], typer.Option(  # noqa: UP045
    "--extractors", help="Comma-separated extractors to run (default: the setting, all).")]


def _settings(config: Path | None = None, **flags: object) -> Settings:
    return load_settings({k: v for k, v in flags.items() if v not in (None, [], ())},
                         config=config)


def _date(value: str | None) -> dt.date | None:
    try:
        return require_day(value or None)
    except QueryError as exc:
        raise typer.BadParameter(exc.message) from None


def _fail(exc: NewsgraphError) -> None:
    typer.echo(f"newsgraph: {exc}", err=True)
    raise typer.Exit(2)


def _paths(items: list[Path] | None) -> tuple[str, ...] | None:
    return tuple(str(p) for p in items) if items else None


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
          version: Annotated[bool, typer.Option(
              "--version", callback=_version, is_eager=True,
              help="Print the version and exit.")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def process(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here.")] = None,  # noqa: UP045
    pretty: Annotated[bool, typer.Option("--pretty", help="Indented JSON.")] = False,
    date: DateOpt = None,
    config: ConfigOpt = None,
    actors: ActorsOpt = None,
    patterns: PatternsOpt = None,
    extractors: ExtractorsOpt = None,
) -> None:
    """Print one record per article as JSON Lines."""
    from .pipeline import process_batch
    from .sources import Failure, read_inputs

    try:
        settings = _settings(config, actors_files=_paths(actors), patterns_files=_paths(patterns),
                             extractors=extractors)
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        raws, failures = [], 0
        for item in read_inputs(inputs, max_bytes=settings.max_bytes,
                                private_hosts=settings.fetch_private_hosts):
            if isinstance(item, Failure):
                failures += 1
                typer.echo(f"newsgraph: {item.source}: {item.error}", err=True)
            else:
                raws.append(item)
        for rec in process_batch(raws, settings, date=_date(date)):
            out.write(rec.to_json(indent=2 if pretty else None) + "\n")
            if rec.error:
                failures += 1
        if output:
            out.close()
    except NewsgraphError as exc:
        _fail(exc)
    if failures and not raws:
        raise typer.Exit(1)


@app.command()
def explain(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    date: DateOpt = None,
    config: ConfigOpt = None,
    patterns: PatternsOpt = None,
) -> None:
    """Print each sentence with its events, the rule that fired and the evidence spans."""
    from .events import explain as explain_record
    from .pipeline import process_batch
    from .sources import Failure, read_inputs

    try:
        settings = _settings(config, patterns_files=_paths(patterns))
        raws = [x for x in read_inputs(inputs, max_bytes=settings.max_bytes,
                                       private_hosts=settings.fetch_private_hosts)
                if not isinstance(x, Failure)]
        for rec in process_batch(raws, settings, date=_date(date)):
            typer.echo(explain_record(rec) + "\n")
    except NewsgraphError as exc:
        _fail(exc)


def _batch_line():
    """Off a terminal, one progress line per committed batch (to stderr, like the summary)."""
    import time

    start = time.monotonic()

    def line(report) -> None:
        rate = report.read / max(time.monotonic() - start, 1e-6)
        redated = f"{report.redated:,} re-dated, " if report.redated else ""
        typer.echo(f"ingest: {report.read:,} read, {report.stored:,} new, {redated}"
                   f"{report.skipped:,} known, {sum(report.errors.values()):,} failed "
                   f"({rate:,.1f} articles/s)", err=True)

    return line


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    store: Annotated[Optional[str], typer.Option("--store", help="DuckDB file.")] = None,  # noqa: UP045
    date: DateOpt = None,
    config: ConfigOpt = None,
    actors: ActorsOpt = None,
    patterns: PatternsOpt = None,
    batch: Annotated[int, typer.Option("--batch", help="Articles per batch.")] = 64,
    workers: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--workers", help="Local worker processes (default: the setting; 0 = all cores).")] = None,
    dask: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--dask", help="Dask scheduler address, or 'local' for a local cluster.")] = None,
    extractors: ExtractorsOpt = None,
    lake: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--lake", help="Also write a Parquet lake here, partitioned by publication month.")] = None,
) -> None:
    """Process articles into the DuckDB store (idempotent and resumable)."""
    from .ingest import ingest_paths

    try:
        settings = _settings(config, store=store, actors_files=_paths(actors),
                             patterns_files=_paths(patterns), workers=workers,
                             extractors=extractors, lake=lake)
        tty = sys.stderr.isatty()
        report = ingest_paths(inputs, settings, date=_date(date), batch_size=batch,
                              progress=tty, dask=dask, on_batch=None if tty else _batch_line())
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo(report.summary(), err=True)
    if report.stopped:
        raise typer.Exit(128 + 15)  # stopped by SIGTERM, as a shell reports it


@app.command()
def stats(store: Annotated[Optional[str], typer.Option("--store")] = None) -> None:  # noqa: UP045
    """Row counts of the store."""
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            s.verify()  # every block read once: a damaged store is E040, not counts
            for table, n in s.counts().items():
                typer.echo(f"{table:<12}{n:>10,}")
            row = s.con.execute(
                "SELECT count(*), count(*) FILTER (WHERE counted) FROM merged_events").fetchone()
            merged, counted = row if row else (0, 0)
            # The events table holds mentions (one per report); events are merged events.
            typer.echo(f"{'merged events':<14}{merged:>8,}")
            typer.echo(f"{'counted events':<14}{counted:>8,}")
    except NewsgraphError as exc:
        _fail(exc)


@app.command()
def settings() -> None:
    """Every setting with its current value and help."""
    try:
        current = load_settings()
    except NewsgraphError as exc:
        _fail(exc)
    for name, kind, _default, help_ in describe():
        typer.echo(f"{name:<20}{kind:<18}{getattr(current, name)!r:<28}{help_}")


@app.command()
def serve(
    store: Annotated[Optional[str], typer.Option("--store")] = None,  # noqa: UP045
    host: Annotated[Optional[str], typer.Option("--host")] = None,  # noqa: UP045
    port: Annotated[Optional[int], typer.Option("--port")] = None,  # noqa: UP045
) -> None:
    """Serve the REST API and the dashboard."""
    from .store import Store

    try:
        settings = _settings(store=store, host=host, port=port)
        with Store(settings.store, read_only=True) as s:
            counts = s.counts()
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo(f"store {settings.store}: {counts['articles']:,} articles, "
               f"{counts['events']:,} events, {counts['quotes']:,} quotes", err=True)
    typer.echo(f"dashboard: http://{settings.host}:{settings.port}/  "
               f"(API docs: http://{settings.host}:{settings.port}/docs; Ctrl-C stops)", err=True)
    try:
        from .api import run_server
    except ImportError:
        typer.echo("newsgraph: the web extra is not installed (pip install 'newsgraph[web]')",
                   err=True)
        raise typer.Exit(2) from None
    run_server(settings)


@actors_app.command("lookup")
def actors_lookup(
    name: str,
    date: DateOpt = None,
    actors: ActorsOpt = None,
) -> None:
    """What the knowledge base knows about NAME (on DATE)."""
    from . import actors as actors_mod

    settings = _settings(actors_files=_paths(actors))
    hits = actors_mod.lookup(name, _date(date), settings)
    if not hits:
        typer.echo(f"no actor named {name!r}", err=True)
        raise typer.Exit(1)
    for hit in hits:
        typer.echo(json.dumps(hit, ensure_ascii=False, default=str))


StoreOpt = Annotated[Optional[str], typer.Option("--store", help="DuckDB file.")]  # noqa: UP045
StartOpt = Annotated[Optional[str], typer.Option("--start", help="First day YYYY-MM-DD.")]  # noqa: UP045
EndOpt = Annotated[Optional[str], typer.Option("--end", help="Last day YYYY-MM-DD.")]  # noqa: UP045


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt-events, gdelt-mentions, "
                                     "gdelt-gkg, plover, icews, parquet, graphml, gexf, geojson, csv.")],
    output: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "-o", "--output", help="File (folder for parquet); default stdout.")] = None,
    store: StoreOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    header: Annotated[bool, typer.Option("--header", help="GDELT: column names first.")] = False,
    all_events: Annotated[bool, typer.Option(
        "--all-events", help="Include negated and modal events.")] = False,
    include_past: Annotated[Optional[bool], typer.Option(  # noqa: UP045
        "--include-past/--no-include-past",
        help="Event files: write references to earlier events, dated by their own date "
             "(default: the export_past_events setting, off).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Export the store in a format analysts' tools read (see docs/exports.md)."""
    from .exports import ExportOptions, summary
    from .exports import export as run_export
    from .store import Store

    try:
        settings = _settings(config, store=store, export_past_events=include_past)
        options = ExportOptions(start, end, header, all_events,
                                include_past=settings.export_past_events)
        with Store(settings.store, read_only=True) as s:
            s.verify()  # no export of a damaged store, however few blocks it reads
            n = run_export(s.con, fmt, output, options)
            lines = summary(s.con, fmt, n, options)
    except NewsgraphError as exc:
        _fail(exc)
    for line in lines:
        typer.echo(line, err=True)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="Actor code: country (TUR) or composite (TURGOV).")],
    b: Annotated[str, typer.Argument(help="The other actor code.")],
    by: Annotated[str, typer.Option("--by", help="day, week, month or year.")] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="Only A acting on B.")] = False,
    store: StoreOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON records instead of a table.")] = False,
) -> None:
    """Events between two actors per period, with change points."""
    from .analytics import change_points, dyad_series
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            df = dyad_series(s.con, a.upper(), b.upper(), by=by, directed=directed,
                             start=start, end=end)
    except NewsgraphError as exc:
        _fail(exc)
    points = change_points(df)
    if as_json:
        typer.echo(json.dumps({"series": json.loads(df.to_json(orient="records")),
                               "change_points": points,
                               "off_axis": df.attrs.get("off_axis", 0)}, indent=2))
        return
    if df.empty:
        typer.echo(f"no events between {a} and {b}", err=True)
        raise typer.Exit(1)
    typer.echo(df.to_string(index=False, na_rep="-", float_format=lambda x: f"{x:.2f}"))
    if off := df.attrs.get("off_axis"):
        typer.echo(f"{off} event(s) dated more coarsely than a {by} (e.g. only a year) are "
                   f"on no {by}; see --by year")
    for p in points:
        typer.echo(f"change point {p['period']}: {a.upper()}-{b.upper()} relations turned "
                   f"{p['direction']} (mean Goldstein {p['before']:+.2f} -> {p['after']:+.2f}; "
                   f"{p['method']})")


@app.command()
def network(
    output: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "-o", "--output", help="Write GraphML (.graphml) or GEXF (.gexf) here.")] = None,
    store: StoreOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    by: Annotated[str, typer.Option("--by", help="code (TURGOV) or country (TUR).")] = "code",
    top: Annotated[int, typer.Option("--top", help="Edges to print.")] = 20,
) -> None:
    """The actor network: print its heaviest edges, or write it as GraphML/GEXF."""
    from .analytics import network as build
    from .analytics import write_gexf, write_graphml
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            g = build(s.con, start, end, by=by)
    except NewsgraphError as exc:
        _fail(exc)
    if output:
        (write_gexf if output.endswith(".gexf") else write_graphml)(g, output)
        typer.echo(f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges -> {output}",
                   err=True)
        return
    edges = sorted(g.edges(data=True), key=lambda e: -e[2]["weight"])[:top]
    typer.echo(f"{'source':<12}{'target':<12}{'events':>8}{'goldstein':>10}")
    for u, v, d in edges:
        typer.echo(f"{u:<12}{v:<12}{d['weight']:>8,}{d['goldstein']:>10.2f}")


@app.command()
def dyads(
    n: Annotated[int, typer.Option("-n", help="How many.")] = 20,
    by: Annotated[str, typer.Option("--by", help="code (TURGOV) or country (TUR).")] = "country",
    undirected: Annotated[bool, typer.Option(
        "--undirected", help="Fold A->B and B->A into one pair (the dashboard's view).")] = False,
    international: Annotated[bool, typer.Option(
        "--international", help="Leave out pairs whose two sides are the same.")] = False,
    store: StoreOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
) -> None:
    """The dyads with most events (merged events, counted ones only)."""
    from .analytics import top_dyads
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            df = top_dyads(s.con, n, start, end, by=by, directed=not undirected,
                           international=international)
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo(df.to_string(index=False, float_format=lambda x: f"{x:.2f}"))


@actors_app.command("top")
def actors_top(
    n: Annotated[int, typer.Option("-n", help="How many.")] = 20,
    store: StoreOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    by: Annotated[str, typer.Option("--by", help="code (TURGOV) or country (TUR).")] = "code",
) -> None:
    """The actors in most events."""
    from .analytics import top_actors
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            df = top_actors(s.con, n, start, end, by=by)
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo(df.to_string(index=False, float_format=lambda x: f"{x:.2f}"))


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:  # any command: a coded error is a message, not a traceback
        typer.echo(f"newsgraph: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:
        from .store.connect import damaged

        if (err := damaged(exc)) is None:
            raise
        typer.echo(f"newsgraph: {err}", err=True)  # a damaged store file: E040, what to do
        sys.exit(2)


if __name__ == "__main__":
    main()
