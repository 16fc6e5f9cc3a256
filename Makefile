# Two commands for users: `make run` (set up, ingest examples/, serve the dashboard)
# and `make test` (set up, run the tests). Both create .venv when it is missing and
# install only when pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-web
STORE  ?= newsgraph.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-all perf lint bench fuzz browser-deps clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[web,dask,dev]'
	touch $(STAMP)

# The demo needs the web extra only (no Dask, no test tools).
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/newsgraph ingest examples/ --store $(STORE)
	$(BIN)/newsgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest

test-all: $(STAMP) browser-deps
	$(BIN)/python -m pytest -m ''

# Timing floors: machine-dependent, so apart from the correctness tests.
perf: $(STAMP)
	$(BIN)/python -m pytest -m 'perf and not slow'

# ruff, then mypy over src/ at default strictness (settings in pyproject.toml; no module exempt).
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# Seeded random documents (mutated articles as text, HTML, JSON lines, WARC, feeds, gzip)
# through every reader and process_batch: counts codes and uncaught exceptions, peak RSS.
# The tests run a small sample; this is the long run (FUZZ_DOCS=3000 for a short one).
FUZZ_DOCS ?= 100000
FUZZ_SEED ?= 1
fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py --docs $(FUZZ_DOCS) --seed $(FUZZ_SEED) --every 5000

# Debian's Chromium for the browser tests; skipped where it is already there or apt is absent.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "note: could not install chromium; browser tests will be skipped"

# Rewrites docs/screenshots/*.png (1400x900) from a store of CORPUS; tests never write there.
CORPUS ?= ../shared/corpus/news.jsonl
screenshots: $(STAMP) browser-deps
	$(BIN)/python tools/screenshots.py --corpus $(CORPUS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
