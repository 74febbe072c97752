# Kennisbank Antwerps Onderwijs. `make serve` and `make test` set everything up themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
TEST_WORKERS ?= 2

.PHONY: help setup serve test check build bench new stale links schemas lock clean

help:
	@echo "make serve   - set up, build and serve the site on http://127.0.0.1:8000 (live reload)"
	@echo "make test    - set up and run all tests (browser tests included)"
	@echo "make check   - validate all content without building"
	@echo "make build   - validate and build the site into site/"
	@echo "make bench   - measure build time, memory, page size and search speed"
	@echo "make new     - start a new practice, partner or guide"
	@echo "make stale   - list entries whose newest source is over 12 months old"
	@echo "make links   - check external links (needs internet)"
	@echo "make schemas - regenerate schemas/vocabularies.schema.json"

DEV_STAMP := $(VENV)/.installed-dev

# The runtime set (build, serve) and, for the tests, the development set on top of it.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

setup: $(DEV_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(DEV_STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS)

check: $(STAMP)
	$(PY) scripts/check.py

build: $(STAMP)
	$(PY) scripts/build.py

bench: $(STAMP)
	$(PY) scripts/bench.py $(if $(BASELINE),--baseline,)

new: $(STAMP)
	$(PY) scripts/new.py

stale: $(STAMP)
	$(PY) scripts/stale.py

links: $(STAMP)
	$(PY) scripts/links.py

schemas: $(STAMP)
	$(PY) scripts/make_schemas.py

# Re-pin every dependency after changing requirements.in or requirements-dev.in: the runtime set
# first, then the development set with the runtime pins held fixed.
lock:
	rm -rf /tmp/kb-lock && $(PYTHON) -m venv /tmp/kb-lock
	/tmp/kb-lock/bin/pip install --quiet -r requirements.in
	/tmp/kb-lock/bin/pip freeze --exclude-editable > requirements.txt
	/tmp/kb-lock/bin/pip install --quiet -r requirements-dev.in -c requirements.txt
	/tmp/kb-lock/bin/pip freeze --exclude-editable > requirements-dev.txt

clean:
	rm -rf site .venv .pytest_cache bench-results.json
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
