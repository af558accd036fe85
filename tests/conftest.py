"""Shared fixtures: every notebook is run (twice) once per test session.

The token store (:mod:`analysis.tokens.store`) of the whole session, notebook kernels
included, is a temporary folder, set here before any test runs, so that no test writes into
the user's cache folder; it is removed at the end.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.paths import CORPUS_DIR

SESSION_CACHE = Path(tempfile.mkdtemp(prefix="discourse-test-cache-"))
os.environ["DISCOURSE_CACHE_DIR"] = str(SESSION_CACHE)
os.environ.pop("DISCOURSE_NO_CACHE", None)
os.environ.pop("DISCOURSE_CACHE_MAX_GIB", None)
os.environ.pop("DISCOURSE_SCHEDULER", None)  # the notebooks run in their own process
atexit.register(shutil.rmtree, SESSION_CACHE, ignore_errors=True)


def tree_digest(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, by path inside it: equal digests mean no file
    was added, removed or changed."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class FiguresRuns:
    """Two runs of every notebook: ``first`` exactly as ``discourse figures --out DIR``
    does it (the bundled corpus), ``second`` on ``corpus_copy``, a copy of the bundled
    corpus in a temporary folder. ``before`` and ``after`` hold the digests of both corpus
    folders around the runs; ``notebooks`` lists the notebooks run."""

    first: Path
    second: Path
    corpus_copy: Path
    before: dict[str, dict[str, str]]
    after: dict[str, dict[str, str]]
    notebooks: tuple[Path, ...]
    executed: Path


@pytest.fixture(scope="session")
def figures_runs(tmp_path_factory) -> FiguresRuns:
    from analysis.cli import main
    from analysis.notebooks import notebooks_list, notebooks_run

    base = tmp_path_factory.mktemp("figures-runs")
    copy = shutil.copytree(CORPUS_DIR, base / "corpus")
    digests = {"bundled": lambda: tree_digest(CORPUS_DIR), "copy": lambda: tree_digest(copy)}
    before = {name: digest() for name, digest in digests.items()}
    assert main(["figures", "--out", str(base / "first")]) == 0
    ran = notebooks_list()
    notebooks_run(corpus=copy, out_dir=base / "second", notebooks=ran, progress=False,
                  executed_dir=base / "executed")
    after = {name: digest() for name, digest in digests.items()}
    return FiguresRuns(base / "first", base / "second", copy, before, after, tuple(ran),
                       base / "executed")


@pytest.fixture(scope="session")
def figures_run_english(tmp_path_factory) -> Path:
    """The output folder of ``discourse figures --lang en --out DIR`` (the bundled corpus)."""
    from analysis.cli import main

    out = tmp_path_factory.mktemp("figures-english") / "english"
    assert main(["figures", "--lang", "en", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def figures_run_twice(figures_runs) -> tuple[Path, Path]:
    """The output folders of two runs of every notebook (see :class:`FiguresRuns`)."""
    return figures_runs.first, figures_runs.second


@pytest.fixture
def read_only_folder(tmp_path) -> Path:
    """A folder this user may not write to: a folder without write permission, or (for
    root, who may write anywhere on a normal file system) the kernel's /sys/kernel."""
    import os

    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if not os.access(folder, os.W_OK):
        return folder
    if Path("/sys/kernel").is_dir():
        return Path("/sys/kernel")
    pytest.skip("no folder on this machine that this user may not write to")
