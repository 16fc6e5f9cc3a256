"""Change points in a dyad series: binary segmentation on the mean, CUSUM split statistic.

Method: over the non-empty periods of ``column``, find the split that maximises the CUSUM
statistic |S_k| = |sum_{i<=k}(x_i - mean)| weighted by sqrt(n / (k (n - k))), i.e. the
split whose two segments' means differ most relative to their sizes. Keep the split when it
lowers the residual sum of squares by more than a BIC-style penalty
(``penalty`` x variance x log n), then recurse into both halves. Each kept split is reported
at the first period of the new segment, with the direction of the change (a higher mean
Goldstein score = more "cooperative", lower = more "hostile") and its magnitude (new segment
mean minus old segment mean).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

METHOD = "binary segmentation (CUSUM split, BIC penalty)"


def _best_split(x: np.ndarray, min_size: int) -> tuple[int, float]:
    n = len(x)
    best_k, best_gain = -1, 0.0
    total_sse = float(((x - x.mean()) ** 2).sum())
    csum = np.cumsum(x)
    csq = np.cumsum(x * x)
    for k in range(min_size, n - min_size + 1):
        left_n, right_n = k, n - k
        left_sum, right_sum = csum[k - 1], csum[-1] - csum[k - 1]
        sse = (csq[k - 1] - left_sum**2 / left_n) + (csq[-1] - csq[k - 1] - right_sum**2 / right_n)
        gain = total_sse - float(sse)
        if gain > best_gain:
            best_k, best_gain = k, gain
    return best_k, best_gain


def change_points(
    series: pd.DataFrame,
    column: str = "goldstein_mean",
    *,
    min_size: int = 2,
    penalty: float = 3.0,
    max_points: int = 10,
) -> list[dict]:
    """Change points of ``series[column]`` (see module docstring); sorted by period."""
    data = series[["period", column]].dropna()
    x = data[column].to_numpy(dtype=float)
    periods = data["period"].tolist()
    if len(x) < 2 * min_size:
        return []
    # Noise level from first differences (robust to the shifts we are looking for).
    sigma2 = float(np.median(np.abs(np.diff(x))) / 0.6745 / math.sqrt(2)) ** 2 if len(x) > 2 else 0
    sigma2 = max(sigma2, 1e-9, 0.01 * float(np.var(x)))
    threshold = penalty * sigma2 * math.log(len(x))
    found: list[tuple[int, float]] = []
    stack = [(0, len(x))]
    while stack and len(found) < max_points:
        lo, hi = stack.pop()
        seg = x[lo:hi]
        if len(seg) < 2 * min_size:
            continue
        k, gain = _best_split(seg, min_size)
        if k < 0 or gain <= threshold:
            continue
        found.append((lo + k, gain))
        stack += [(lo, lo + k), (lo + k, hi)]
    out = []
    bounds = sorted(i for i, _ in found)
    edges = [0, *bounds, len(x)]
    for j, i in enumerate(bounds):
        before = float(x[edges[j]:i].mean())
        after = float(x[i:edges[j + 2]].mean())
        out.append({
            "period": periods[i],
            "direction": "cooperative" if after > before else "hostile",
            "magnitude": round(after - before, 3),
            "before": round(before, 3),
            "after": round(after, 3),
            "method": METHOD,
        })
    return out
