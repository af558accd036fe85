"""Parquet files: one article a row (read as data by pyarrow, nothing executed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.problems import Problem
from analysis.corpus.readers.base import ReadOptions, ReadResult
from analysis.corpus.readers.table import table_read

__all__ = ["read", "sniff"]


def sniff(head: bytes) -> bool:
    """True when the file starts with Parquet's magic number ``PAR1``."""
    return head.startswith(b"PAR1")


def read(path: Path, options: ReadOptions) -> ReadResult:
    """The articles of a Parquet file (rows numbered from 1), and problems about the file."""
    shown = str(path)
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises many types for a broken file
        return [], [Problem(shown, f"cannot be read as Parquet ({exc}).",
                            "Check that the file is a complete Parquet file.")]
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    records = frame.astype(object).to_dict("records")
    rows = [(i, rec, None) for i, rec in enumerate(records, start=1)]
    return table_read(path, rows, columns, [], options, "row")
