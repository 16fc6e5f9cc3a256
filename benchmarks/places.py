"""Toponym resolution accuracy on GeoWebNews and GeoVirus (../shared/eval).

Given the gold toponym spans, each name is resolved in its article's context with
``newsgraph.places.resolve_toponym``; a resolution counts as correct within 161 km (100
miles) of the gold coordinates, and as an exact match when the GeoNames ids agree.
``--end-to-end`` also runs the full places extractor (spaCy) and reports the share of gold
toponyms whose span it found and placed within 161 km (recall).

The articles of each set are split with a fixed seed into a tuning half and a report half
(``split``): development looks at the tuning half; docs/benchmarks.md and the CI floors use
the report half.

    .venv/bin/python benchmarks/places.py [--half report|tuning|all] [--limit N] [--end-to-end]
        [--show N]   (the N worst resolutions of the chosen half)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path
from typing import Any

from newsgraph.places import article_focus, resolve_toponym

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATASETS = {"geowebnews": "geowebnews/geowebnews.jsonl", "geovirus": "geovirus/geovirus.jsonl"}
KM_161 = 161.0
MORDECAI3_GWN_ACC161 = 0.941  # published: Halterman (2023), GeoWebNews, within 161 km
SEED = 15
HALVES = ("report", "tuning", "all")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def split(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(tuning half, report half), by a seeded shuffle of the article ids."""
    ids = sorted(str(a["id"]) for a in articles)
    random.Random(SEED).shuffle(ids)
    tuning = set(ids[: len(ids) // 2])
    return (
        [a for a in articles if str(a["id"]) in tuning],
        [a for a in articles if str(a["id"]) not in tuning],
    )


def load_articles(name: str, limit: int | None = None, half: str = "all") -> list[dict[str, Any]]:
    path = EVAL / DATASETS[name]
    if not path.is_file():
        raise FileNotFoundError(f"{path} is not present")
    with path.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    if half != "all":
        articles = split(articles)[0 if half == "tuning" else 1]
    # Deterministic sample: every k-th article.
    if limit and limit < len(articles):
        step = len(articles) / limit
        articles = [articles[int(i * step)] for i in range(limit)]
    return articles


def evaluate(
    name: str, limit: int | None = None, half: str = "report", misses: list[str] | None = None
) -> dict[str, float]:
    """Given-span resolution metrics for one dataset (``misses`` collects wrong ones)."""
    total = within = resolved = gid_total = gid_exact = 0
    errors: list[float] = []
    t0 = time.perf_counter()
    for art in load_articles(name, limit, half):
        text = art["text"]
        # The headline is part of the article: it often names the story's place.
        focus = article_focus(text, title=art.get("title") or "")
        for t in art["toponyms"]:
            if t.get("lat") is None or t.get("lon") is None:
                continue
            total += 1
            res = resolve_toponym(t["phrase"], text, start=t["start"], end=t["end"], focus=focus)
            gold_gid = t.get("geonameid")
            if gold_gid:
                gid_total += 1
            if res is None:
                if misses is not None:
                    misses.append(
                        f"{art['id']}\t{t['phrase']!r}\tunresolved\t{t.get('normalised_name') or t.get('wikipedia')}"
                    )
                continue
            resolved += 1
            km = haversine_km(res.entry.lat, res.entry.lon, float(t["lat"]), float(t["lon"]))
            errors.append(km)
            within += km <= KM_161
            if misses is not None and km > KM_161:
                e = res.entry
                misses.append(
                    f"{art['id']}\t{t['phrase']!r}\t{e.name}/{e.admin1}/{e.country} {e.feature} "
                    f"pop {e.population} {res.rule}\t{km:.0f} km\tgold {t.get('normalised_name') or t.get('wikipedia')}"
                )
            if gold_gid and res.entry.geonameid == int(gold_gid):
                gid_exact += 1
    errors.sort()
    return {
        "toponyms": total,
        "resolved": resolved / total if total else 0.0,
        "acc161": within / total if total else 0.0,
        "geonameid_exact": gid_exact / gid_total if gid_total else 0.0,
        "median_km": errors[len(errors) // 2] if errors else 0.0,
        "seconds": time.perf_counter() - t0,
    }


_UNSCORED_TYPES = ("Demonym", "Language")  # GeoWebNews names without a point: neither way


def end_to_end(name: str, limit: int | None = None, half: str = "report") -> dict[str, float]:
    """The full extractor on each article: the share of gold toponyms whose span it found
    (any overlapping place) and found within 161 km (recall); precision is the share of its
    places that overlap a gold toponym with a point (a place over a gold demonym without one
    counts neither way; sets that do not annotate demonyms or names inside names count them
    as wrong)."""
    import newsgraph

    found = spotted = total = right = wrong = 0
    for art in load_articles(name, limit, half):
        rec = newsgraph.process(art["text"])
        gold = art["toponyms"]
        for t in gold:
            if t.get("lat") is None:
                continue
            total += 1
            over = [p for p in rec.places if p.start < t["end"] and t["start"] < p.end]
            spotted += bool(over)
            found += any(
                p.lat is not None
                and p.lon is not None
                and haversine_km(p.lat, p.lon, t["lat"], t["lon"]) <= KM_161
                for p in over
            )
        for p in rec.places:
            hit = [t for t in gold if p.start < t["end"] and t["start"] < p.end]
            if any(t.get("lat") is not None for t in hit):
                right += 1
            elif not any(t.get("type") in _UNSCORED_TYPES for t in hit):
                wrong += 1
    return {
        "toponyms": total,
        "spotted": spotted / total if total else 0.0,
        "recall161": found / total if total else 0.0,
        "precision": right / (right + wrong) if right + wrong else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="Toponym resolution benchmark")
    ap.add_argument("--limit", type=int, default=None, help="articles per dataset (sampled)")
    ap.add_argument("--end-to-end", action="store_true", help="also run the full extractor")
    ap.add_argument("--half", choices=HALVES, default="report", help="which half of each set")
    ap.add_argument("--show", type=int, default=0, help="print the N worst resolutions")
    args = ap.parse_args()
    print(f"{args.half} half")
    print(
        f"{'dataset':<12}{'toponyms':>9}{'resolved':>10}{'acc@161km':>11}{'id exact':>10}"
        f"{'median km':>11}{'seconds':>9}"
    )
    for name in DATASETS:
        misses: list[str] = []
        m = evaluate(name, args.limit, args.half, misses)
        for line in misses[: args.show]:
            print("  miss", line)
        print(
            f"{name:<12}{m['toponyms']:>9}{m['resolved']:>10.3f}{m['acc161']:>11.3f}"
            f"{m['geonameid_exact']:>10.3f}{m['median_km']:>11.1f}{m['seconds']:>9.1f}"
        )
    print(f"{'Mordecai3 (published, GeoWebNews)':<44}{MORDECAI3_GWN_ACC161:>11.3f}")
    if args.end_to_end:
        for name in DATASETS:
            m = end_to_end(name, args.limit, args.half)
            print(
                f"end-to-end {name}: span found {m['spotted']:.3f}, found within 161 km "
                f"{m['recall161']:.3f} of {m['toponyms']} gold toponyms; precision "
                f"{m['precision']:.3f}"
            )


if __name__ == "__main__":
    main()
