"""Screenshots of every dashboard page at 1400x900 into docs/screenshots/.

Ingests a corpus (default ../shared/corpus/news.jsonl) into a scratch store, serves it on a
free loopback port and saves one PNG per page with headless Chromium. Run by
`make screenshots`; the tests never write docs/screenshots/.

    .venv/bin/python tools/screenshots.py [--corpus FILE] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [("overview", "/", "#volume-chart svg"), ("events", "/events", "table.events"),
         ("dyad", "/dyad", "#dyad-chart svg"), ("network", "/network", "#network[data-ready]"),
         ("map", "/map", "#map[data-ready]"), ("search", "/search?q=%22White+House%22+putin", "#article-results"),
         ("articles", "/articles?dated=false", "main"),
         ("watchlists", "/watch", "#watch-form"), ("error", "/no-such-page", "main"),
         ("docs", "/docs", "#swagger-ui")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "news.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--store", type=Path, help="reuse (or create) this store")
    ap.add_argument("--demo-watchlist", action="store_true",
                    help="save a watchlist of the busiest dyad first (done anyway for the "
                         "scratch store; this writes to --store)")
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsgraph.api import create_app
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "corpus.duckdb"
        settings = Settings(store=str(store), port=_free_port())
        if not store.exists():
            print(ingest_paths([str(args.corpus)], settings).summary())
        server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1",
                                               port=settings.port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{settings.port}"
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            ids = page.request.get(f"{base}/api/articles?limit=1").json()["items"]
            if args.demo_watchlist or not args.store:
                top = page.request.get(f"{base}/api/network").json()["edges"]
                pair = max((e for e in top if e["source"] != e["target"]),
                           key=lambda e: e["weight"], default=None)
                if pair:
                    page.request.post(f"{base}/api/watchlists", data={
                        "kind": "dyad", "value": f"{pair['source']}-{pair['target']}"})
            shots = PAGES + ([("article", f"/articles/{ids[0]['id']}", "#article-text")]
                             if ids else [])
            for name, path, ready in shots:
                page.goto(base + path)
                try:
                    page.wait_for_selector(ready, timeout=10_000)
                    page.wait_for_timeout(600)
                except Exception:  # noqa: BLE001  (a page without the marker is still shot)
                    print(f"{name}: {ready} did not appear")
                page.screenshot(path=str(args.out / f"{name}.png"))
                print(args.out / f"{name}.png")
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
