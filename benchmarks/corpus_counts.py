"""Counts that tell the truth, on a real corpus: exports, merging, dashboard, API and CLI.

    .venv/bin/python benchmarks/corpus_counts.py [--store FILE] [--corpus FILE]

Without ``--store`` it ingests ``--corpus`` (default ../shared/corpus/news.jsonl) into a
temporary store first (several minutes). Then it checks, and prints as JSON:

* each event file (``gdelt-events``, ``plover``, ``csv``, ``geojson``), with and without
  past references: the rows written equal the counted merged events less the past
  references excluded and less what the format leaves out, as ``newsgraph export`` reports;
  the rows without a date equal the reported "events without a date";
* no merged event spans articles that share no event date (every merged event reported by
  more than one article has one date, the same in every mention);
* the dashboard's "Events" figure, the API's ``/api/health`` count, ``newsgraph stats`` and
  ``newsgraph export`` all say the same number of events.

Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from newsgraph.exports import FORMATS, ExportOptions, event_counts, export, summary
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def _rows(fmt: str, path: Path) -> tuple[int, int]:
    """(rows, rows without a date) of an event file."""
    text = path.read_text(encoding="utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        return len(rows), sum(1 for r in rows if not r["day"])
    if fmt == "plover":
        recs = [json.loads(line) for line in text.splitlines()]
        return len(recs), sum(1 for r in recs if r["date"] is None)
    if fmt == "geojson":
        feats = json.loads(text)["features"]
        return len(feats), sum(1 for f in feats if not f["properties"]["day"])
    lines = text.splitlines()
    if fmt == "icews":
        lines = lines[1:]  # the Dataverse layout starts with its header row
    return len(lines), sum(1 for line in lines if line.split("\t")[1] == "")


def check_exports(store: str, out: Path) -> tuple[list[dict], bool]:
    results, ok = [], True
    with Store(store, read_only=True) as s:
        for fmt, exporter in FORMATS.items():
            if exporter.keep is None:
                continue
            for past in (False, True):
                options = ExportOptions(include_past=past)
                path = out / f"{fmt}{'.past' if past else ''}"
                n = export(s.con, fmt, path, options)
                rows, undated = _rows(fmt, path)
                c = event_counts(s.con, options, fmt)
                excluded = 0 if past else c["past"]
                good = (rows == n == c["events"] - excluded - c["left_out"]
                        and undated == c["undated"])
                ok &= good
                results.append({"format": fmt, "include_past": past, "rows": rows,
                                "counted": c["events"], "past_excluded": excluded,
                                "left_out": c["left_out"], "undated": undated, "ok": good,
                                "summary": summary(s.con, fmt, n, options)})
    return results, ok


def check_merging(store: str) -> tuple[dict, bool]:
    with Store(store, read_only=True) as s:
        bad, multi, widest = s.con.execute("""
            WITH m AS (
                SELECT merged_id, count(DISTINCT article_id) AS arts,
                       count(*) - count(date) AS undated, count(DISTINCT date) AS dates
                FROM events GROUP BY merged_id)
            SELECT count(*) FILTER (WHERE arts > 1 AND (undated > 0 OR dates <> 1)),
                   count(*) FILTER (WHERE arts > 1), max(arts) FROM m
        """).fetchone()
    return {"spanning_without_shared_date": bad, "merged_across_articles": multi,
            "most_articles_in_one_event": widest}, bad == 0


def _cli(*args: str) -> str:
    res = subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True,
                         text=True, check=True)
    return res.stdout + res.stderr


def _number(pattern: str, text: str) -> int | None:
    m = re.search(pattern, text)
    return int(m.group(1).replace(",", "")) if m else None


def check_counts(store: str, out: Path) -> tuple[dict, bool]:
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    with TestClient(create_app(Settings(store=store)), base_url="http://localhost") as client:
        api = client.get("/api/health").json()["counts"]["events"]
        page = client.get("/").text
    dashboard = _number(r'data-kpi="events">([\d,]+)<', page)
    stats = _number(r"counted events\s+([\d,]+)", _cli("stats", "--store", store))
    exported = _number(r"([\d,]+) counted events",
                       _cli("export", "-f", "gdelt-events", "-o", str(out / "cli.tsv"),
                            "--store", store))
    with Store(store, read_only=True) as s:
        python = event_counts(s.con)["events"]
    numbers = {"dashboard": dashboard, "api": api, "cli_stats": stats, "cli_export": exported,
               "python": python}
    return numbers, len(set(numbers.values())) == 1


def run(store: str | None = None, corpus: Path = CORPUS) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if store is None:
            from newsgraph.ingest import ingest_paths
            from newsgraph.settings import Settings

            store = str(out / "corpus.duckdb")
            report = ingest_paths([str(corpus)], Settings(store=store))
            ingested = report.summary().splitlines()[0]
        else:
            ingested = None
        exports, ok_e = check_exports(store, out)
        merging, ok_m = check_merging(store)
        counts, ok_c = check_counts(store, out)
    return {"ingest": ingested, "exports": exports, "merging": merging, "counts": counts,
            "ok": ok_e and ok_m and ok_c}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="an existing store (default: ingest --corpus first)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    result = run(args.store, args.corpus)
    print(json.dumps(result, indent=2))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
