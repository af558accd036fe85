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
def _repo_with(tmp_path, *files: str):
    """A git repository holding this Makefile and ``files`` (tracked)."""
    (tmp_path / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    for name in files:
        (tmp_path / name).write_text("left over\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "Makefile", *files], cwd=tmp_path, check=True)
    return tmp_path


@pytest.mark.parametrize("leftover", ["textstat.py.orig", "frames.py.rej", "notes.bak",
                                      "tokens.py~"])
def test_make_stray_fails_on_a_tracked_leftover_file(tmp_path, leftover):
    done = subprocess.run(["make", "--no-print-directory", "stray"],
                          cwd=_repo_with(tmp_path, "kept.py", leftover),
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert f"remove them with git rm: {leftover}" in done.stdout


def test_make_stray_passes_without_leftover_files(tmp_path):
    done = subprocess.run(["make", "--no-print-directory", "stray"],
                          cwd=_repo_with(tmp_path, "kept.py"), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_make_lint_checks_for_leftover_files():
    assert "git ls-files -- '*.orig' '*.rej' '*.bak' '*~'" in _dry_run("lint", "STAMP=Makefile")
