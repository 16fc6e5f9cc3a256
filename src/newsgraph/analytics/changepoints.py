"""Change points in a dyad series: binary segmentation on the mean, weighted least squares.

The series is calendar-true (every period, empty ones included; see ``dyad_series``), and
so is the search: a split is a calendar period, segments are at least ``min_size``
periods long, and each period's value ``x_i`` (``column``, the mean Goldstein score)
weighs by ``w_i``, its number of events (``weight``; 1 per non-missing value when the
series has no such column). An empty period has weight 0: it holds its place on the time
axis without pulling a segment's mean, which is the mean over the segment's events. The
best split minimises the weighted residual sum of squares; it is kept when it lowers it
by more than a BIC-style penalty (``penalty`` x per-event variance x log of the total
weight), then both halves are searched again. Each kept split is reported at the first
period with events of the new segment, with the direction of the change (a higher mean
Goldstein score = more "cooperative", lower = more "hostile") and its magnitude (new
segment mean minus old segment mean).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

METHOD = "binary segmentation (weighted least squares, BIC penalty)"


def _best_split(x: np.ndarray, w: np.ndarray, min_size: int) -> tuple[int, float]:
    """The split k (first index of the right segment) with the largest weighted SSE drop."""
    n = len(x)
    cw, cs, cq = np.cumsum(w), np.cumsum(w * x), np.cumsum(w * x * x)

    def sse(wt: float, sm: float, sq: float) -> float:
        return sq - sm * sm / wt if wt > 0 else 0.0

    total = sse(cw[-1], cs[-1], cq[-1])
    best_k, best_gain = -1, 0.0
    for k in range(min_size, n - min_size + 1):
        left_w, right_w = cw[k - 1], cw[-1] - cw[k - 1]
        if left_w <= 0 or right_w <= 0:
            continue
        split = (sse(left_w, cs[k - 1], cq[k - 1])
                 + sse(right_w, cs[-1] - cs[k - 1], cq[-1] - cq[k - 1]))
        gain = total - split
        if gain > best_gain + 1e-12:
            best_k, best_gain = k, gain
    return best_k, best_gain


def _noise(x: np.ndarray, w: np.ndarray) -> float:
    """Per-event variance, robustly from differences of neighbouring non-empty periods:
    Var(x_i - x_j) = sigma^2 (1/w_i + 1/w_j)."""
    idx = np.flatnonzero(w > 0)
    mean = float((w * x).sum() / w.sum())
    spread = float((w * (x - mean) ** 2).sum() / w.sum())
    if len(idx) < 3:
        return max(spread, 1e-9)
    d = np.diff(x[idx]) / np.sqrt(1 / w[idx][1:] + 1 / w[idx][:-1])
    sigma = float(np.median(np.abs(d))) / 0.6745
    return max(sigma * sigma, 1e-9, 0.01 * spread)


def change_points(
    series: pd.DataFrame,
    column: str = "goldstein_mean",
    *,
    weight: str = "events",
    min_size: int = 2,
    penalty: float = 3.0,
    max_points: int = 10,
) -> list[dict]:
    """Change points of ``series[column]`` (see module docstring); sorted by period."""
    if series.empty:
        return []
    values = pd.to_numeric(series[column], errors="coerce").to_numpy(dtype=float)
    if weight in series.columns:
        w = pd.to_numeric(series[weight], errors="coerce").fillna(0).to_numpy(dtype=float)
    else:
        w = np.ones(len(values))
    w = np.where(np.isnan(values), 0.0, np.maximum(w, 0.0))
    x = np.nan_to_num(values)
    periods = series["period"].tolist()
    if np.count_nonzero(w) < 2 * min_size:
        return []
    threshold = penalty * _noise(x, w) * math.log(max(float(w.sum()), 2.0))
    found: list[int] = []
    stack = [(0, len(x))]
    while stack and len(found) < max_points:
        lo, hi = stack.pop()
        if np.count_nonzero(w[lo:hi]) < 2 * min_size:
            continue
        k, gain = _best_split(x[lo:hi], w[lo:hi], min_size)
        if k < 0 or gain <= threshold:
            continue
        at = lo + k
        while w[at] == 0:  # report the split at the new segment's first period with events
            at += 1
        found.append(at)
        stack += [(lo, at), (at, hi)]
    out = []
    bounds = sorted(found)
    edges = [0, *bounds, len(x)]

    def mean(a: int, b: int) -> float:
        return float((w[a:b] * x[a:b]).sum() / w[a:b].sum())

    for j, i in enumerate(bounds):
        before, after = mean(edges[j], i), mean(i, edges[j + 2])
        out.append({
            "period": periods[i],
            "direction": "cooperative" if after > before else "hostile",
            "magnitude": round(after - before, 3),
            "before": round(before, 3),
            "after": round(after, 3),
            "method": METHOD,
        })
    return out
