"""Where things live: the repository root, the bundled corpus, figures and package data.

Every notebook and command takes its paths from here, so nothing is written as ``../``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
CORPUS_DIR = ROOT / "corpus"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"
DATA_DIR = PACKAGE_DIR / "data"

__all__ = ["PACKAGE_DIR", "ROOT", "CORPUS_DIR", "FIGURES_DIR", "NOTEBOOKS_DIR", "DATA_DIR"]
