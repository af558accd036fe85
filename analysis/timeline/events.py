"""Events: dated labels (a CSV ``date,label``), drawn as labelled vertical lines on every
time figure (:mod:`analysis.textplot.timeline`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from analysis.periods.binning import periods_start

__all__ = [
    "EventsFileError",
    "events_load",
]


# --------------------------------------------------------------------------- events


class EventsFileError(ValueError):
    """A mistake in an events file: the message names the file and the line."""


def events_load(path: str | Path) -> pd.DataFrame:
    """Read an events file: a CSV with the columns ``date`` (``YYYY-MM-DD``, or ``YYYY-MM``)
    and ``label``, one event a line, e.g. ``2022-02-24,Russische inval``.

    Returns the columns ``date`` and ``label`` (strings), in date order. Raises
    :class:`EventsFileError` naming the file and line for a missing column, a date that
    is not a date, or an empty label.
    """
    source = Path(path)
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise EventsFileError(f"{source}: no such events file. Give a CSV file with the "
                              "columns date,label.") from None
    except UnicodeDecodeError as exc:
        raise EventsFileError(f"{source}: not UTF-8 text ({exc.reason} at byte "
                              f"{exc.start}). Save the file as UTF-8.") from None
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    for column in ("date", "label"):
        if column not in header:
            raise EventsFileError(
                f"{source}, line 1: no column {column!r} (the columns are "
                f"{', '.join(map(repr, header)) or 'none'}). Start the file with the line "
                "date,label.")
    at_date, at_label = header.index("date"), header.index("label")
    events = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        date = row[at_date].strip() if at_date < len(row) else ""
        label = row[at_label].strip() if at_label < len(row) else ""
        try:
            known = periods_start(pd.Series([date]), "month").notna().iloc[0]
        except ValueError:
            known = False
        if not known:
            raise EventsFileError(f"{source}, line {line}: the date {date!r} is not a date "
                                  "written as YYYY-MM-DD (or YYYY-MM).")
        if not label:
            raise EventsFileError(f"{source}, line {line}: the event of {date} has no "
                                  "label. Write one after the comma.")
        events.append((date, label))
    table = pd.DataFrame(events, columns=["date", "label"])
    return table.sort_values("date", kind="stable").reset_index(drop=True)


