"""The network page's layout: computed once on the server for the whole period, so a node
keeps its place while the time slider only shows or hides nodes and links.

Self-loops (events between two actors of one country: ``USA -> USA``) are left out of the
drawing and counted on their node instead; countries whose only events are such loops have
no link to place them by and are set in a row beneath the graph. Colours follow
communities (networkx's Louvain method with a fixed seed, so reloads agree).
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

SEED = 7
MAIN_H = 1.0  # the main component's height, rows beneath it in the same units
ROW_H = 0.16
PER_ROW = 6
PER_ROW_ISOLATED = 12


def spread_out(raw: dict[str, Any], mix: float = 0.6) -> dict[str, tuple[float, float]]:
    """Force-layout positions scaled to the unit square and blended with their rank on each
    axis: a dense core (the hubs of news coverage) opens up, and the order of the nodes
    along each axis, which is what the layout says, is kept."""
    out: dict[str, tuple[float, float]] = {}
    axes = []
    for k in (0, 1):
        vals = {v: float(p[k]) for v, p in raw.items()}
        lo, hi = min(vals.values()), max(vals.values())
        order = sorted(vals, key=lambda v: (vals[v], v))
        rank = {v: i / max(len(order) - 1, 1) for i, v in enumerate(order)}
        axes.append({v: (1 - mix) * ((vals[v] - lo) / (hi - lo) if hi > lo else 0.5)
                     + mix * rank[v] for v in vals})
    for v in raw:
        out[v] = (axes[0][v], axes[1][v])
    return out


def layout(g: nx.DiGraph) -> dict[str, Any]:
    """Positions in the unit square ({id: [x, y]}), community per node, isolated nodes."""
    und = nx.Graph()
    loops: dict[str, int] = {}
    for s, t, d in g.edges(data=True):
        if s == t:
            loops[s] = loops.get(s, 0) + int(d.get("weight", 1))
            continue
        w = math.log1p(d.get("weight", 1))
        if und.has_edge(s, t):
            und[s][t]["weight"] += w
        else:
            und.add_edge(s, t, weight=w)
    linked = sorted(und.nodes)
    isolated = sorted(n for n in g.nodes if n not in und)
    pos: dict[str, list[float]] = {}
    community: dict[str, int] = {}
    if linked:
        parts = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(c)))
        main = und.subgraph(parts[0])
        raw = nx.spring_layout(main, k=1.8 / math.sqrt(len(parts[0])), iterations=300,
                               seed=SEED, weight="weight")
        spread = spread_out(raw)
        for v, (x, y) in spread.items():
            pos[v] = [x, y * MAIN_H]
        # Small components (a pair or three linked only to each other) sit in rows beneath
        # the main one, each in its own slot, instead of being flung to the frame.
        y = MAIN_H
        for row_start in range(0, len(parts) - 1, PER_ROW):
            row = parts[1 + row_start:1 + row_start + PER_ROW]
            y += ROW_H
            for i, comp in enumerate(row):
                members = sorted(comp, key=lambda v: (-g.nodes[v].get("events", 0), v))
                slot = 1 / PER_ROW
                cx = slot * (i + 0.5)
                if len(members) == 2:
                    pos[members[0]] = [cx - slot * 0.25, y]
                    pos[members[1]] = [cx + slot * 0.25, y]
                    continue
                for j, v in enumerate(members):  # three or more: round a small circle
                    a = 2 * math.pi * j / len(members)
                    pos[v] = [cx + slot * 0.3 * math.cos(a), y + ROW_H * 0.3 * math.sin(a)]
    if isolated:
        y = max((p[1] for p in pos.values()), default=0.0) + ROW_H
        for i, v in enumerate(isolated):
            pos[v] = [(i % PER_ROW_ISOLATED + 0.5) / PER_ROW_ISOLATED,
                      y + (i // PER_ROW_ISOLATED) * ROW_H * 0.7]
    if pos:
        top = max(p[1] for p in pos.values()) or 1.0
        pos = {v: [round(x, 4), round(y / top, 4)] for v, (x, y) in pos.items()}
    if linked:
        groups = nx.community.louvain_communities(und, weight="weight", seed=SEED)
        for i, grp in enumerate(sorted(groups, key=lambda c: (-len(c), min(c)))):
            for v in grp:
                community[v] = i
    return {"pos": pos, "community": community, "isolated": isolated, "loops": loops}
