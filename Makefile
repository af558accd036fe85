# Discourse analysis of Dutch news: `make help` lists the targets.
# Every target sets up the local virtual environment (.venv) first when it is missing or
# older than pyproject.toml, so a fresh clone needs nothing but Python 3.11 and make.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install figures test lint check bench clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP) ## set up .venv with the toolkit and everything it needs

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
