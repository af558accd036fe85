"""Metadata values as the corpus holds them: dates checked and normalised, any value as
stripped NFC text."""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import unicodedata

import numpy as np
import pandas as pd

from analysis.corpus.problems import Problem

_DATE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")
_DATE_LOOSE = re.compile(r"\A(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\Z")
_DATE_DAY_FIRST = re.compile(r"\A(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_DATETIME = re.compile(
    r"\A(\d{4}-\d{2}-\d{2})[T ][0-9:.,]+(?:\s*([Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?\Z")


def _normalise_date(value: str) -> str | None:
    """``YYYY-MM`` or ``YYYY-MM-DD`` (a timestamp keeps its date as written, whatever its
    time zone) if real, else ``None``.

    >>> _normalise_date("2022-01-10T23:30:00-05:00"), _normalise_date("2022-01-10 12:00 Z")
    ('2022-01-10', '2022-01-10')
    """
    value = value.strip()
    stamp = _DATETIME.match(value)
    if stamp:
        value = stamp.group(1)
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        _dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return None
    return value


def _date_zone(value: str) -> bool:
    """Whether ``value`` is a timestamp with a time zone (``Z``, ``UTC``, ``+01:00``), whose
    time and zone :func:`_normalise_date` drops.

    >>> [_date_zone(v) for v in ("2022-01-10T12:00:00+01:00", "2022-01-10T12:00:00Z",
    ...                          "2022-01-10T12:00:00", "2022-01-10")]
    [True, True, False, False]
    """
    stamp = _DATETIME.match(value.strip())
    return bool(stamp and stamp.group(2))


def _zone_warning(file: str, zoned: list[tuple[str, str]]) -> Problem | None:
    """One warning for the dates of ``file`` that carry a time zone, ``zoned`` listing
    ``(where, value)`` for each (``None`` when there are none): whatever the zone, an
    article keeps the date as written, so that ``Z`` and ``+01:00`` are treated alike."""
    if not zoned:
        return None
    shown = "; ".join(f"{where}: {value!r}" for where, value in zoned[:3])
    shown += "; ..." if len(zoned) > 3 else ""
    what = "1 date carries" if len(zoned) == 1 else f"{len(zoned)} dates carry"
    return Problem(file, f"{what} a time of day and a time zone ({shown}): the time and the "
                   "zone are dropped, and each article keeps the date as written there.",
                   severity="warning")


def _date_reason(value: str) -> tuple[str, str]:
    """Why ``value`` is not a date, and how to write it."""
    example = "Write dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or 2022-01-10."
    m = _DATE_LOOSE.match(value)
    if m:
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12:
            return f"is not a real date: there is no month {month}.", example
        if day is not None:
            try:
                _dt.date(int(year), month, int(day))
            except ValueError:
                return (f"is not a real date: {year}-{month:02d} has no day {int(day)}.",
                        example)
        fixed = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day is not None else "")
        return ("is not written as YYYY-MM or YYYY-MM-DD.",
                f"Write it as {fixed} (two-digit month and day, separated by '-').")
    m = _DATE_DAY_FIRST.match(value)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= month <= 12:
            return ("is written day first.",
                    f"Write it year first: {year}-{month:02d}-{day:02d}.")
    return "is not a date written as YYYY-MM or YYYY-MM-DD.", example


def _bad_date(file: str, line: int | None, value: str, doc_id: str | None, unit="line",
              *, where: str = "date") -> Problem:
    reason, hint = _date_reason(value)
    return Problem(file, f"the {where} {value!r} {reason}", hint,
                   line=line, unit=unit, doc_id=doc_id)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _as_text(value: object) -> tuple[str, str | None]:
    """``value`` as a stripped, NFC-normalised string, or ``("", reason)`` when it is not
    a single value (a list, an object)."""
    if isinstance(value, np.generic):
        value = value.item()
    if _missing(value):
        return "", None
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, _dt.datetime | pd.Timestamp):
        text = value.isoformat()
    elif isinstance(value, _dt.date):
        text = value.isoformat()
    elif isinstance(value, dict):
        return "", "an object ({...})"
    elif isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return "", "a list ([...])"
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip(), None


def _clean(value: object) -> str:
    """``value`` as text for an extra metadata column (lists and objects as JSON)."""
    text, reason = _as_text(value)
    if reason is None:
        return text
    if hasattr(value, "tolist"):
        value = value.tolist()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
