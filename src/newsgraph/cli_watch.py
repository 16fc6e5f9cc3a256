"""``newsgraph watch``: watchlists from the command line (for scripts and cron).

    newsgraph watch --json          what arrived for each watchlist since it was marked seen
    newsgraph watch add dyad tur-rus --name "Turkey and Russia"
    newsgraph watch seen [ID]       mark one (or every) watchlist seen
    newsgraph watch rm ID

Exit status of the report: 0, or 3 with ``--exit-code`` when something changed (for cron).
"""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

watch_app = typer.Typer(help="Watchlists: saved dyads, actors and event queries, and what "
                             "each ingest brought them.")
StoreOpt = Annotated[Optional[str], typer.Option("--store", help="DuckDB file.")]  # noqa: UP045


def _store_path(store: str | None) -> str:
    from .settings import load_settings

    return load_settings({"store": store} if store else {}).store


@watch_app.callback(invoke_without_command=True)
def watch(ctx: typer.Context, store: StoreOpt = None,
          as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
          mark: Annotated[bool, typer.Option("--mark-seen", help="Mark every watchlist seen after reporting.")] = False,
          exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 3 when anything changed.")] = False,
          ) -> None:
    """Report what each watchlist got since it was last marked seen."""
    if ctx.invoked_subcommand:
        return
    from . import watchlists as wl
    from .store import Store

    path = _store_path(store)
    with Store(path, read_only=not mark) as s:
        found = wl.reports(s.con)
        if mark:
            wl.mark_seen(s.con)
    if as_json:
        typer.echo(json.dumps(found, default=str, indent=1))
    else:
        if not found:
            typer.echo("no watchlists (newsgraph watch add dyad TUR-RUS)")
        for r in found:
            head = f"{r['id']}  {r['kind']:<6} {r['value']:<24} {r['name']}"
            typer.echo(f"{head}\n    since {r['seen_at']}: {r['new_events']} new events, "
                       f"{len(r['new_pairs'])} new actor pairs, "
                       f"{len(r['new_change_points'])} new change points")
    if exit_code and any(r["changed"] for r in found):
        raise typer.Exit(3)


@watch_app.command("add")
def watch_add(kind: Annotated[str, typer.Argument(help="dyad, actor or events")],
              value: Annotated[str, typer.Argument(help="TUR-RUS; TUR, TURGOV or a name; "
                                                        "root=18&country=SYR")],
              name: Annotated[Optional[str], typer.Option("--name")] = None,  # noqa: UP045
              store: StoreOpt = None) -> None:
    """Save a watchlist (what is stored now counts as seen)."""
    from . import watchlists as wl
    from .store import Store

    try:
        with Store(_store_path(store)) as s:
            typer.echo(wl.add(s.con, kind, value, name))
    except wl.WatchlistError as exc:
        typer.echo(f"newsgraph: {exc}", err=True)
        raise typer.Exit(2) from None


@watch_app.command("seen")
def watch_seen(wid: Annotated[Optional[str], typer.Argument(help="Watchlist id (default: all).")] = None,  # noqa: UP045
               store: StoreOpt = None) -> None:
    """Mark a watchlist's changes (or every watchlist's) as seen."""
    from . import watchlists as wl
    from .store import Store

    with Store(_store_path(store)) as s:
        n = wl.mark_seen(s.con, wid)
    if wid and not n:
        typer.echo(f"newsgraph: no watchlist {wid!r}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{n} marked seen")


@watch_app.command("rm")
def watch_rm(wid: str, store: StoreOpt = None) -> None:
    """Delete a watchlist."""
    from . import watchlists as wl
    from .store import Store

    with Store(_store_path(store)) as s:
        if not wl.remove(s.con, wid):
            typer.echo(f"newsgraph: no watchlist {wid!r}", err=True)
            raise typer.Exit(2)
