"""The command line: the one place that parses argv and exits."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import NewsgraphError
from .settings import Settings, describe, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newsgraph: who did what to whom, where, when, who said what.")
actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base.")
app.add_typer(actors_app, name="actors")

log = logging.getLogger("newsgraph")

DateOpt = Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD.")]  # noqa: UP045
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings file (TOML).")]  # noqa: UP045
ActorsOpt = Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actor dictionary.")]  # noqa: UP045
PatternsOpt = Annotated[Optional[list[Path]], typer.Option("--patterns", help="Extra event patterns.")]  # noqa: UP045


def _settings(config: Path | None = None, **flags: object) -> Settings:
    return load_settings({k: v for k, v in flags.items() if v not in (None, [], ())},
                         config=config)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _fail(exc: NewsgraphError) -> None:
    typer.echo(f"newsgraph: {exc}", err=True)
    raise typer.Exit(2)


def _paths(items: list[Path] | None) -> tuple[str, ...] | None:
    return tuple(str(p) for p in items) if items else None


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
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
) -> None:
    """Print one record per article as JSON Lines."""
    from .pipeline import process_batch
    from .sources import Failure, read_inputs

    try:
        settings = _settings(config, actors_files=_paths(actors), patterns_files=_paths(patterns))
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        raws, failures = [], 0
        for item in read_inputs(inputs, max_bytes=settings.max_bytes):
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
) -> None:
    """Process articles into the DuckDB store (idempotent and resumable)."""
    from .ingest import ingest_paths

    try:
        settings = _settings(config, store=store, actors_files=_paths(actors),
                             patterns_files=_paths(patterns), workers=workers)
        report = ingest_paths(inputs, settings, date=_date(date), batch_size=batch,
                              progress=sys.stderr.isatty(), dask=dask)
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo(report.summary(), err=True)


@app.command()
def stats(store: Annotated[Optional[str], typer.Option("--store")] = None) -> None:  # noqa: UP045
    """Row counts of the store."""
    from .store import Store

    try:
        with Store(_settings(store=store).store, read_only=True) as s:
            for table, n in s.counts().items():
                typer.echo(f"{table:<12}{n:>10,}")
    except NewsgraphError as exc:
        _fail(exc)


@app.command()
def settings() -> None:
    """Every setting with its current value and help."""
    current = load_settings()
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
    typer.echo(json.dumps(counts), err=True)
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
