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
USER_ID ?= $(shell id -u)

.DEFAULT_GOAL := help
.PHONY: help install lock figures test docs lint stray check bench lab clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; \
	  echo "$(LOCK) lacks a package that pyproject.toml asks for: run make lock"; exit 1; }
	@# notebooks saved in JupyterLab keep their outputs on disk, never in git: .gitattributes
	@# names the filter; git runs it from the top of the working tree (a checkout without
	@# .venv passes notebooks through unchanged, and `make lint` catches any outputs)
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  git config filter.nbstripout.clean \
	    '[ -x $(BIN)/python ] && exec $(BIN)/python -m nbstripout || exec cat' && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv "sh -c 'if [ -x $(BIN)/python ]; then exec \
	    $(BIN)/python -m nbstripout -t \"\$$0\"; else exec cat \"\$$0\"; fi'"; fi
	@# JupyterLab of this project: no pop-up asking to fetch Jupyter news (no network here)
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
	  > $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

install: $(STAMP) ## set up .venv with the toolkit and the exact versions in requirements-lock.txt

$(UV):
	$(PYTHON) -m venv $(VENV)/lock-tool
	$(VENV)/lock-tool/bin/python -m pip install --quiet uv==$(UV_VERSION)

# The lock holds pyproject.toml's dependencies with the test, bench and docs extras, the build
# backend and pip, for every platform and Python >= 3.11 (one version of each package).
# Versions already in the lock are kept; `make lock UPGRADE=1` moves all to the newest.
lock: $(UV) ## pin every dependency with hashes in requirements-lock.txt (UPGRADE=1: newest)
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], "pip", sep="\n")' \
	  | $(UV) pip compile pyproject.toml - --extra test --extra bench --extra docs --generate-hashes \
	    --universal --fork-strategy fewest --python-version 3.11 --custom-compile-command "make lock" \
	    $(if $(UPGRADE),--upgrade) --quiet -o $(LOCK)

figures: $(STAMP) ## regenerate every figure and table in figures/ from the bundled corpus
	$(BIN)/discourse figures --out figures

test: $(STAMP) ## run the whole test suite
	$(BIN)/pytest

# The documentation site, offline, into site/ (git ignores it); a warning (a broken link or
# anchor, a docstring that cannot be rendered) is an error.
docs: $(STAMP) ## build the documentation site into site/ (open site/index.html)
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/mkdocs build --strict --site-dir site

lint: $(STAMP) stray ## check code style, the layers of the package, and that notebooks are stored without outputs
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/lint-imports
	@# what git stores: the index when the output filter is installed, else the file
	@for nb in notebooks/*.ipynb; do \
	  if git config filter.nbstripout.clean >/dev/null 2>&1 && \
	     git ls-files --error-unmatch "$$nb" >/dev/null 2>&1; \
	  then git show ":$$nb"; else cat "$$nb"; fi | $(BIN)/nbstripout --verify >/dev/null || \
	  { echo "$$nb has outputs: run 'make install' (its git filter strips them)," \
	    "or $(BIN)/nbstripout $$nb"; exit 1; }; done

# merge and editor leftovers never belong in the repository
stray: ## fail when git tracks a leftover file (*.orig, *.rej, *.bak, *~)
	@files=$$(git ls-files -- '*.orig' '*.rej' '*.bak' '*~'); \
	if [ -n "$$files" ]; then \
	  echo "git tracks leftover files; remove them with git rm:" $$files; exit 1; fi

check: lint test ## lint, then the tests

bench: $(STAMP) ## time every stage on 0.1, 1 and 10 million tokens, against peers
	$(BIN)/python -m benchmarks.run

lab: $(STAMP) ## start JupyterLab on this project and print the address to open
	@echo "Starting JupyterLab; open the address printed below (with its token). Ctrl-C stops it."
	$(BIN)/jupyter lab --no-browser --ServerApp.root_dir="$(CURDIR)" \
	  $(if $(filter 0,$(USER_ID)),--allow-root,)

clean: ## remove the virtual environment and caches (not figures/)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis site
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
