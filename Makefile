# Discourse analysis of Dutch news: `make help` lists the targets.
# Every target sets up the local virtual environment (.venv) first when it is missing or
# older than pyproject.toml or the lock file, so a fresh clone needs nothing but Python 3.11
# and make. The environment is installed from requirements-lock.txt: exact versions, with
# hashes, of every package (the same on every machine); `make lock` refreshes it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements-lock.txt
# The lock tool lives in its own environment, so .venv holds only what the lock names.
UV_VERSION := 0.13.9
UV     := $(VENV)/lock-tool/bin/uv

.DEFAULT_GOAL := help
.PHONY: help install lock figures test lint check bench clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; \
	  echo "$(LOCK) lacks a package that pyproject.toml asks for: run make lock"; exit 1; }
	touch $(STAMP)

install: $(STAMP) ## set up .venv with the toolkit and the exact versions in requirements-lock.txt

$(UV):
	$(PYTHON) -m venv $(VENV)/lock-tool
	$(VENV)/lock-tool/bin/python -m pip install --quiet uv==$(UV_VERSION)

# The lock holds pyproject.toml's dependencies with the test and bench extras, the build
# backend and pip, for every platform and Python >= 3.11 (one version of each package).
# Versions already in the lock are kept; `make lock UPGRADE=1` moves all to the newest.
lock: $(UV) ## pin every dependency with hashes in requirements-lock.txt (UPGRADE=1: newest)
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], "pip", sep="\n")' \
	  | $(UV) pip compile pyproject.toml - --extra test --extra bench --generate-hashes \
	    --universal --fork-strategy fewest --python-version 3.11 --custom-compile-command "make lock" \
	    $(if $(UPGRADE),--upgrade) --quiet -o $(LOCK)

figures: $(STAMP) ## regenerate every figure and table in figures/ from the bundled corpus
	$(BIN)/discourse figures --out figures

test: $(STAMP) ## run the whole test suite
	$(BIN)/pytest

lint: $(STAMP) ## check code style, the layers of the package, and that notebooks are stored without outputs
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/nbstripout --verify notebooks/*.ipynb

check: lint test ## lint, then the tests

bench: $(STAMP) ## time every stage on 0.1, 1 and 10 million tokens, against peers
	$(BIN)/python -m benchmarks.run

clean: ## remove the virtual environment and caches (not figures/)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
