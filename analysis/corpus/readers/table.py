"""What the table formats (CSV/TSV, JSON Lines, Parquet) share: the decoded text of a
text file, and the entries of its rows once a reader has parsed them.

A table reader parses its file into ``rows``: ``(line, row, bad)`` per article, with
``line`` the line (or row) it starts on, ``row`` a dict ``{column: value}`` (``None`` when
the row could not be parsed at all) and ``bad`` an :class:`Entry` already holding the
problem that makes the row unusable (``None`` when there is none); then
:func:`table_read` checks the columns and turns the rows into entries.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.decode import _CONTROL, _decode
from analysis.corpus.problems import CorpusError, Problem
from analysis.corpus.readers.base import Entry, ReadOptions, ReadResult, missing_column
from analysis.corpus.values import (
    _as_text,
    _bad_date,
    _clean,
    _date_zone,
    _missing,
    _normalise_date,
    _zone_warning,
)
from analysis.tables import MISSING_GROUP

__all__ = ["table_text", "table_read"]


def table_text(path: Path, options: ReadOptions) -> tuple[str | None, list[Problem]]:
    """The decoded text of a table file and any warnings; ``None`` (and the problem) when
    it cannot be decoded or is empty."""
    shown = str(path)
    try:
        text, notes = _decode(path.read_bytes(), shown, options.encoding)
    except CorpusError as exc:
        return None, exc.problems
    if not text.strip():
        return None, [Problem(shown, "is empty.", "Check that you named the right file.")]
    return text, list(notes)


def table_read(path: Path, rows: list, columns: list[str], problems: list[Problem],
               options: ReadOptions, unit: str) -> ReadResult:
    """Entries of the parsed ``rows`` (see the module docstring) of ``path``, whose header
    names ``columns``; ``problems`` holds those found while parsing."""
    shown = str(path)
    cols, named = options.columns, options.named
    if any(p.severity == "error" for p in problems):
        return [], problems
    if not rows:
        problems.append(Problem(shown, "has column names but no articles." if columns else
                                "holds no articles.", "Check that you named the right file."))
        return [], problems
    for key, column in cols.items():
        if (key == "text" or key in named) and column not in columns:
            problems.append(missing_column(shown, column, key, columns))
    if any(p.severity == "error" for p in problems):
        return [], problems
    zoned: list[tuple[str, str]] = []
    entries = _table_entries(path, rows, cols, unit, zoned)
    zones = _zone_warning(shown, zoned)
    return entries, problems + ([zones] if zones else [])


def _table_entries(path: Path, rows, cols: dict[str, str], unit: str,
                   zoned: list[tuple[str, str]]) -> list[Entry]:
    """The entries of ``rows``; dates with a time zone are added to ``zoned``."""
    shown = str(path)
    entries: list[Entry] = []
    width = max(5, len(str(len(rows))))
    what = {"doc_id": "id", "outlet": "outlet", "date": "date", "title": "title"}
    for index, (line, row, bad) in enumerate(rows, start=1):
        values = {}
        reasons = {}
        if row is not None:
            for key in ("doc_id", "outlet", "date", "title"):
                values[key], reasons[key] = _as_text(row.get(cols[key]))
        doc_id = values.get("doc_id") or f"{path.stem}-{index:0{width}d}"
        entry = bad or Entry(doc_id, (shown, line, unit))
        if values.get("doc_id") or bad is None:
            entry.label = entry.doc_id = doc_id
        entries.append(entry)
        if bad is not None:
            continue
        for key, reason in reasons.items():
            if reason:
                entry.problem(f"the {what[key]} (column {cols[key]!r}) is {reason}, not a "
                              "single value.", f"Give the {what[key]} as text.")
        value = row.get(cols["text"])
        if not (_missing(value) or isinstance(value, str)):
            kind = "a number" if isinstance(value, int | float) else _as_text(value)[1] or (
                type(value).__name__)
            entry.problem(f"the text (column {cols['text']!r}) is {kind}, not text.",
                          "Give each article's text as a string.")
        else:
            text = _as_text(value)[0]
            control = _CONTROL.search(text)
            if not text:
                entry.problem(f"article {doc_id!r} has an empty text.",
                              "Fill in the text, or remove the row.")
            elif control:
                entry.problem(f"the text of article {doc_id!r} holds the control character "
                              f"U+{ord(control.group()):04X} at character {control.start()}.",
                              "Remove it: plain text holds no control characters.")
            values["text"] = text
        raw_date = values.get("date", "")
        date = _normalise_date(raw_date) if raw_date else None
        if raw_date and date is None:
            entry.problems.append(_bad_date(shown, line, raw_date, None, unit))
        elif raw_date and _date_zone(raw_date):
            zoned.append((f"{unit} {line}", raw_date))
        if entry.problems:
            continue
        used = set(cols.values())
        record = {str(k): _clean(v) for k, v in row.items() if k not in used}
        record.update(
            doc_id=doc_id,
            outlet=values["outlet"] or MISSING_GROUP,
            date=date,
            title=values["title"],
            text=values["text"],
        )
        entry.record = record
    return entries
