"""The make targets a user types: what they run."""

from __future__ import annotations

import subprocess

import pytest

from analysis.paths import ROOT


def _dry_run(*args: str) -> str:
    done = subprocess.run(["make", "-n", "--no-print-directory", *args], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize("user_id, allow_root", [("0", True), ("1000", False)])
def test_make_lab_starts_jupyterlab_and_allows_root_only_for_root(user_id, allow_root):
    commands = _dry_run("lab", f"USER_ID={user_id}", "STAMP=Makefile")
    assert ".venv/bin/jupyter lab --no-browser" in commands
    assert ("--allow-root" in commands) is allow_root
    assert "open the address printed below" in commands


def test_install_turns_off_the_jupyter_news_pop_up():
    """The project's JupyterLab never asks to fetch news (there is no network)."""
    commands = _dry_run("install", "STAMP=.never-made").replace("\\\n", " ")
    line = next(c for c in commands.splitlines() if "overrides.json" in c)
    assert '"fetchNews": "false"' in line and ".venv/share/jupyter/lab/settings" in line


def test_a_users_data_and_parameters_are_ignored_by_git(tmp_path):
    """data/ (the README's place for a corpus) and parameters.toml are never committed."""
    for path in ("data/mijn_corpus.csv", "parameters.toml", "results/x/a.png"):
        done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert done.returncode == 0, path
