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
