"""CSV and TSV files: one article a row, a header line naming the columns; comma,
semicolon or tab separated (detected from the header line; ``.tsv`` is always tab)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from analysis.corpus.problems import Problem
from analysis.corpus.readers.base import Entry, ReadOptions, ReadResult
from analysis.corpus.readers.table import table_read, table_text

__all__ = ["read"]


def _csv_delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_rows(text: str, delimiter: str, shown: str,
              problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Rows of CSV ``text`` with the line each starts on; a quoting error ends the rows
    and adds a problem (the rest of the file cannot be trusted)."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                message = ("a value opened with a double quote (\") is never closed, so the "
                           "rest of the file would be read as one value.")
            else:
                message = f"a value is quoted wrongly ({exc})."
            problems.append(Problem(
                shown, message, "Put double quotes around whole values only, and write a "
                "double quote inside a quoted value as two (\"\").", line=start))
            return
        if row:
            yield start, row
        start = reader.line_num + 1


def _header_columns(header: list[str], shown: str, problems: list[Problem]) -> list[str]:
    columns = [c.strip().lstrip("\ufeff") or f"Unnamed: {i}" for i, c in enumerate(header)]
    seen: dict[str, int] = {}
    for i, name in enumerate(columns, start=1):
        if name in seen:
            problems.append(Problem(shown, f"names the column {name!r} twice (columns "
                                    f"{seen[name]} and {i} of the header).",
                                    "Give every column its own name.", line=1))
        seen.setdefault(name, i)
    return columns


def _row_dict(columns: list[str], values: list[str]) -> dict[str, str]:
    return dict(zip(columns, values, strict=False))


def _field_count_problem(entry: Entry, n: int, width: int, delimiter: str) -> None:
    shown = {"\t": "tab", ",": "','", ";": "';'"}[delimiter]
    if n > width:
        entry.problem(f"this row has {n} values where the header names {width} columns.",
                      f"A value that holds the separator {shown} must be in double quotes.")
    else:
        entry.problem(f"this row has {n} values where the header names {width} columns.",
                      "Fill in the missing values (they may be empty, but the separators "
                      "must be there).")


def read(path: Path, options: ReadOptions) -> ReadResult:
    """The articles of a CSV or TSV file, and problems about the whole file."""
    shown = str(path)
    text, problems = table_text(path, options)
    if text is None:
        return [], problems
    delimiter = _csv_delimiter(text, path.suffix.lower())
    found = list(_csv_rows(text, delimiter, shown, problems))
    columns: list[str] = []
    if found:
        columns = _header_columns(found[0][1], shown, problems)
    rows = []
    for line, values in found[1:]:
        row = _row_dict(columns, values)
        if len(values) != len(columns):
            entry = Entry(f"line {line}", (shown, line, "line"))
            _field_count_problem(entry, len(values), len(columns), delimiter)
            rows.append((line, row, entry))
        else:
            rows.append((line, row, None))
    return table_read(path, rows, columns, problems, options, "line")
