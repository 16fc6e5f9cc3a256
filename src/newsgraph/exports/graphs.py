"""Actor networks as GraphML and GEXF (Gephi, Cytoscape, networkx, igraph read them)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..analytics.network import network, write_gexf, write_graphml
from .registry import ExportOptions, register


@register("graphml", suffix=".graphml", stream=False,
          help="Actor network (nodes: actor codes; edges: events, mean Goldstein) as GraphML.")
def write_gml(con: duckdb.DuckDBPyConnection, out: Path, options: ExportOptions) -> int:
    g = network(con, options.start, options.end)
    write_graphml(g, out)
    return g.number_of_edges()


@register("gexf", suffix=".gexf", stream=False,
          help="Actor network (nodes: actor codes; edges: events, mean Goldstein) as GEXF.")
def write_gx(con: duckdb.DuckDBPyConnection, out: Path, options: ExportOptions) -> int:
    g = network(con, options.start, options.end)
    write_gexf(g, out)
    return g.number_of_edges()
