"""Analytics over the store: dyad time series, change points, top actors and dyads, networks.

Every function takes a DuckDB connection (``Store.con``) and returns a pandas DataFrame
(or a networkx graph). Events are counted once per happening (``merged_id``), not once per
report, and only when ``counted`` (asserted, not negated or modal, unless the setting says so).
"""

from .changepoints import change_points
from .dyads import PERIODS, dyad_series, top_actors, top_dyads, volume_series
from .network import network, write_gexf, write_graphml

__all__ = [
    "PERIODS",
    "change_points",
    "dyad_series",
    "network",
    "top_actors",
    "top_dyads",
    "volume_series",
    "write_gexf",
    "write_graphml",
]
