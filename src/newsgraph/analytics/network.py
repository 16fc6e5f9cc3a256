"""Actor networks: who acts on whom, as a directed graph for GraphML / GEXF tools."""

from __future__ import annotations

from pathlib import Path

import duckdb
import networkx as nx

from .dyads import top_dyads


def network(
    con: duckdb.DuckDBPyConnection,
    start: str | None = None,
    end: str | None = None,
    *,
    by: str = "code",
    min_events: int = 1,
) -> nx.DiGraph:
    """Nodes are actor codes (TURGOV, or TUR with ``by="country"``); an edge source->target
    carries weight (events), goldstein (mean), quad1..quad4 and articles."""
    df = top_dyads(con, n=2**31 - 1, start=start, end=end, by=by)
    g = nx.DiGraph(name="newsgraph actor network", start=start or "", end=end or "")
    for row in df.itertuples(index=False):
        if row.events < min_events:
            continue
        g.add_edge(row.source, row.target, weight=int(row.events),
                   goldstein=float(row.goldstein_mean), quad1=int(row.quad1),
                   quad2=int(row.quad2), quad3=int(row.quad3), quad4=int(row.quad4),
                   articles=int(row.articles))
    for node in g.nodes:
        g.nodes[node]["label"] = node
        g.nodes[node]["country"] = node[:3]
        g.nodes[node]["events"] = int(
            sum(d["weight"] for *_, d in g.in_edges(node, data=True))
            + sum(d["weight"] for *_, d in g.out_edges(node, data=True)))
    return g


def write_graphml(graph: nx.DiGraph, path: str | Path) -> None:
    nx.write_graphml(graph, str(path))


def write_gexf(graph: nx.DiGraph, path: str | Path) -> None:
    nx.write_gexf(graph, str(path))
