"""REST endpoints for analyses: dyad time series with change points, the actor network."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from .. import analytics
from .db import Database
from .deps import clean, get_db
from .filters import LOOSE_CODE, norm_code

router = APIRouter(prefix="/api")
DB = Annotated[Database, Depends(get_db)]
Start = Annotated[dt.date | None, Query(description="On or after (YYYY-MM-DD).")]
End = Annotated[dt.date | None, Query(description="On or before (YYYY-MM-DD).")]
Country = Annotated[str, Path(pattern=LOOSE_CODE, description="Country (TUR) or actor code (TURGOV), any case.")]


@router.get("/dyads/{a}/{b}/series", tags=["analysis"],
            summary="Events between two countries per period, with change points")
def dyad_series(
    db: DB, a: Country, b: Country,
    by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
    start: Start = None, end: End = None,
) -> dict[str, Any]:
    a, b = norm_code(a, "a"), norm_code(b, "b")

    def run(cur: Any) -> dict[str, Any]:
        series = analytics.dyad_series(cur, a, b, by=by, directed=directed, start=_iso(start),
                                       end=_iso(end))
        return {"a": a, "b": b, "by": by, "directed": directed,
                "series": clean(series.to_dict(orient="records")),
                "change_points": clean(analytics.change_points(series)),
                "off_axis": series.attrs.get("off_axis", 0)}

    return db.with_cursor(run)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def graph_json(g: nx.DiGraph) -> dict[str, Any]:
    return clean({"nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
                  "edges": [{"source": s, "target": t, **d} for s, t, d in g.edges(data=True)]})


@router.get("/network", tags=["analysis"],
            summary="Country-to-country event network as JSON, GraphML or GEXF")
def network(
    db: DB, start: Start = None, end: End = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    by: Annotated[str, Query(pattern="^(country|code)$",
                             description="Nodes are countries (TUR) or actor codes (TURGOV).")] = "country",
    format: Annotated[str, Query(pattern="^(json|graphml|gexf)$")] = "json",
) -> Any:
    g = db.with_cursor(lambda cur: analytics.network(cur, _iso(start), _iso(end), by=by,
                                                     min_events=min_events))
    if format == "json":
        return graph_json(g)
    buf = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(g, buf)
        media = "application/graphml+xml"
    else:
        nx.write_gexf(g, buf)
        media = "application/gexf+xml"
    return Response(buf.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="network.{format}"'})
