# Two commands for a fresh machine (Python 3.11, Node 20, apt): `make serve` and `make test`.
# Each step is skipped when already done, so both are fast the second time.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
HOST ?= 127.0.0.1
PORT ?= 8000
# `python -m` puts the project root on sys.path: mkdocs.yml names the Markdown extension
# `build_tools.calc_markers`, and the project is not installed.
MKDOCS := $(BIN)/python -m mkdocs
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup setup-site build serve test lint bench clean lock

## Everything the site and the tests need: pinned Python packages, pinned Pyodide, Debian Chromium.
setup: setup-site chromium

## What building and serving the site needs (no browser).
setup-site: $(STAMPS)/python $(STAMPS)/node

# Every package pinned with its hashes, transitive ones included (requirements.lock).
$(STAMPS)/python: requirements.lock
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	@mkdir -p $(STAMPS) && touch $@

## Re-pin requirements.lock after editing requirements.txt (pip-tools, in a venv of its own).
lock:
	python3 -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
	  --output-file requirements.lock requirements.txt

$(STAMPS)/node: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p $(STAMPS) && touch $@

.PHONY: chromium
chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## The static site, built strictly into site/ (no --quiet: it hides warnings from --strict).
## SITE_URL=https://example.org/trd/ make build: the address the site will live at.
build: setup-site
	$(if $(SITE_URL),SITE_URL=$(SITE_URL) )$(MKDOCS) build --strict

## Build for http://$(HOST):$(PORT)/ and serve it there with the production headers
## (precompressed files, caching, CSP). The build must know the port: instant navigation
## follows only links under site_url.
serve: SITE_URL = http://$(HOST):$(PORT)/
serve: build
	$(BIN)/python -m build_tools.serve site --host $(HOST) --port $(PORT)

lint: setup-site
	$(BIN)/ruff check calculators build_tools hooks tests bench
	$(BIN)/ruff format --check calculators build_tools hooks tests bench

## Every test: lint, unit and property tests, Pyodide parity in Node, browser tests in Chromium.
test: setup lint
	$(BIN)/python -m pytest

## Load-time and latency figures of the MSM page (a script, not a test).
bench: setup build
	$(BIN)/python bench/bench.py

clean:
	rm -rf site $(STAMPS) .pytest_cache .hypothesis .ruff_cache
