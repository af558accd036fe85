"""Periods: the dates of a corpus binned into days, ISO weeks, months, quarters or years.

Every grouping function (:func:`analysis.vocabulary.textstat_frequency`,
:func:`analysis.vocabulary.textstat_keyness`, :func:`analysis.dictionaries.frames_count`, the
sentiment aggregates and :func:`analysis.timeline.timeline`) takes ``period=`` and calls
:func:`periods_assign` here, so that every table bins dates the same way:

- A period is named by its first day, written ``YYYY-MM-DD``: ``day`` is the date itself,
  ``week`` the Monday of its ISO week (a week that starts in December and ends in January
  is one week, named by its Monday), ``month`` the first of the month, ``quarter`` the
  first of January, April, July or October, ``year`` the first of January.
- Dates are read as the loader writes them (``YYYY-MM`` or ``YYYY-MM-DD``), and also as
  timestamps (``2022-01-10T23:30:00+01:00``) or as a datetime column. A timestamp counts on
  the calendar date it is written with: the date the outlet published it, in the outlet's
  own time zone, not converted to UTC.
- An article dated to the month only (``2022-01``) goes into month, quarter and year
  periods; for days and weeks its period is unknown, so it is left out, and counted.
  Articles without a date are left out of every period, and counted; so are articles
  dated before :data:`FIRST_YEAR` (earlier than any newspaper: often a missing date read
  as the year 1), which would stretch a table over centuries of empty periods, and the
  note names them.
- Every period is written with a four-digit year, also before the year 1000.
- Every period from the first to the last one found is a cell of the table, also a period
  without articles (0 articles, not a gap), for every value of the ``by`` columns.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from analysis.tables import MISSING_GROUP, groups_by, require_columns

__all__ = [
    "PERIODS",
    "Period",
    "PeriodCells",
    "PeriodWarning",
    "periods_check",
    "periods_start",
    "periods_range",
    "periods_assign",
    "periods_by",
    "periods_choose",
    "FIRST_YEAR",
]

#: Articles dated before this year are left out of the periods (and named): the first
#: newspapers appeared after it.
FIRST_YEAR = 1600

Period = Literal["day", "week", "month", "quarter", "year"]
#: The periods dates can be binned into, finest first.
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
#: Periods into which a date known only to the month can go.
_MONTH_OR_COARSER = ("month", "quarter", "year")
_DATE = re.compile(r"\A\s*(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ].*)?)?\s*\Z")


def periods_check(period: str) -> str:
    """``period`` when it is one of :data:`PERIODS`, else a ``ValueError`` listing them.

    >>> periods_check("month")
    'month'
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return period


def _parse(dates: pd.Series, ids: Sequence[str] | None = None):
    """Year, month and day (0 when unknown) of every date; -1 for the year when missing."""
    n = len(dates)
    year = np.full(n, -1, dtype=np.int64)
    month = np.zeros(n, dtype=np.int64)
    day = np.zeros(n, dtype=np.int64)
    if pd.api.types.is_datetime64_any_dtype(dates.dtype):
        ok = dates.notna().to_numpy()
        # the calendar date as stored (a time-zone-aware column keeps its own zone)
        year[ok] = dates[ok].dt.year.to_numpy()
        month[ok] = dates[ok].dt.month.to_numpy()
        day[ok] = dates[ok].dt.day.to_numpy()
        return year, month, day
    values = dates.astype(object).where(dates.notna(), None).tolist()
    for k, value in enumerate(values):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
            year[k], month[k], day[k] = value.year, value.month, value.day
            continue
        m = _DATE.match(str(value))
        valid = m is not None
        if valid:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            try:
                _dt.date(y, mo, d or 1)
            except ValueError:
                valid = False
        if not valid:
            where = f"article {ids[k]!r}" if ids is not None else f"row {k + 1}"
            raise ValueError(
                f"{where}: the date {value!r} is not a date written as YYYY-MM or "
                "YYYY-MM-DD (a timestamp such as 2022-01-10T12:00:00+01:00 is read too); "
                "correct it, or load the corpus with corpus_load, which names every bad date")
        year[k], month[k], day[k] = y, mo, d
    return year, month, day


def periods_start(dates: pd.Series, period: Period, *,
                  ids: Sequence[str] | None = None) -> pd.Series:
    """The first day of each date's period, as ``YYYY-MM-DD`` (``<NA>`` when unknown).

    ``dates``: strings ``YYYY-MM`` / ``YYYY-MM-DD`` / timestamps, or a datetime column;
    ``ids`` (optional) names each row in the error raised for a date that cannot be read.
    A date known to the month only has no day or week (``<NA>``).

    >>> import pandas as pd
    >>> d = pd.Series(["2021-12-31", "2022-01-02", "2022-01-03T09:00:00+01:00", "2022-01", None])
    >>> periods_start(d, "week").tolist()  # ISO weeks start on Monday
    ['2021-12-27', '2021-12-27', '2022-01-03', <NA>, <NA>]
    >>> periods_start(d, "quarter").tolist()
    ['2021-10-01', '2022-01-01', '2022-01-01', '2022-01-01', <NA>]
    """
    periods_check(period)
    year, month, day = _parse(pd.Series(dates).reset_index(drop=True), ids)
    known = year >= 0
    if period in ("day", "week"):
        known &= day > 0
    out = np.full(len(year), None, dtype=object)
    if known.any():
        y, m = year[known], month[known]
        if period in ("day", "week"):
            # Python's dates, which reach from the year 1 to 9999 (pandas' from 1677)
            dates_known = [_dt.date(a, b, c) for a, b, c in zip(
                y.tolist(), m.tolist(), day[known].tolist(), strict=True)]
            if period == "week":
                dates_known = [d - _dt.timedelta(days=d.weekday()) for d in dates_known]
            out[known] = [_text(d) for d in dates_known]
        else:
            if period == "quarter":
                m = 3 * ((m - 1) // 3) + 1
            elif period == "year":
                m = np.ones_like(m)
            out[known] = [f"{a:04d}-{b:02d}-01" for a, b in zip(y.tolist(), m.tolist(),
                                                                strict=True)]
    return pd.Series(out, index=pd.Series(dates).index, dtype="string")


def periods_range(first: str, last: str, period: Period) -> list[str]:
    """Every period from the one starting ``first`` to the one starting ``last``.

    >>> periods_range("2022-01-01", "2022-04-01", "month")
    ['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01']
    >>> periods_range("2021-12-27", "2022-01-10", "week")
    ['2021-12-27', '2022-01-03', '2022-01-10']
    """
    periods_check(period)
    start, end = _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)
    out = []
    while start <= end:
        out.append(_text(start))
        start = _next(start, period)
    return out


def _text(date: _dt.date) -> str:
    """``YYYY-MM-DD``, with four digits for the year also before 1000."""
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


def _next(date: _dt.date, period: str) -> _dt.date:
    """The first day of the period after the one starting on ``date``."""
    if period in ("day", "week"):
        return date + _dt.timedelta(days=1 if period == "day" else 7)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = date.year * 12 + date.month - 1 + months
    return _dt.date(index // 12, index % 12 + 1, 1)


class PeriodWarning(UserWarning):
    """Articles were left out of the periods (dated to the month only, or undated)."""


def periods_choose(dates: pd.Series) -> str:
    """A period that suits a time figure of ``dates``: ``day`` for a span up to a month,
    ``week`` up to half a year, ``month`` up to four years, ``quarter`` up to fifteen,
    else ``year``; never finer than ``month`` when most dated articles are dated to the
    month only (they would be left out).

    >>> import pandas as pd
    >>> periods_choose(pd.Series(["2022-01-03", "2022-12-20"]))
    'month'
    >>> periods_choose(pd.Series(["2022-01", "2022-01", "2022-01-12"]))
    'month'
    """
    year, month, day = _parse(pd.Series(dates).reset_index(drop=True))
    known = year >= FIRST_YEAR  # earlier dates are left out of the periods
    if not known.any():
        return "month"
    full = known & (day > 0)
    stamps = [_dt.date(a, b, max(c, 1)) for a, b, c in zip(
        year[known].tolist(), month[known].tolist(), day[known].tolist(), strict=True)]
    span = (max(stamps) - min(stamps)).days
    if span <= 31 and full.sum() * 2 > known.sum():
        return "day"
    if span <= 183 and full.sum() * 2 > known.sum():
        return "week"
    if span <= 4 * 366:
        return "month"
    return "quarter" if span <= 15 * 366 else "year"


@dataclass
class PeriodCells:
    """What :func:`periods_assign` returns.

    - ``docs``: one row per article that has a period: ``doc_id``, ``period`` and the
      ``by`` columns (as strings, a missing value as :data:`MISSING`),
    - ``cells``: every cell of the table, sorted: ``period`` (every period from the
      first to the last found) and the ``by`` columns (every value found),
    - ``by``: the ``by`` columns, ``period``: the period,
    - ``month_only``: articles dated to the month only, left out of day or week periods,
    - ``undated``: articles without a date, left out,
    - ``early``: articles dated before :data:`FIRST_YEAR`, left out (``early_ids``: which,
      with their dates),
    - ``note``: one sentence saying what was left out (``""`` when nothing was).
    """

    docs: pd.DataFrame
    cells: pd.DataFrame
    by: list[str]
    period: str
    month_only: int = 0
    undated: int = 0
    note: str = ""
    keys: list[str] = field(default_factory=list)
    early: int = 0
    early_ids: list[tuple[str, str]] = field(default_factory=list)

    def key_of(self, frame: pd.DataFrame, columns: list[str] | None = None) -> pd.Series:
        """One string per row naming its cell (period and ``by`` values, or ``columns``),
        in the order that sorts the cells as ``cells`` is sorted."""
        return _key(frame, self.keys if columns is None else columns)

    def left_out(self) -> dict[str, int]:
        return {"month_only": self.month_only, "undated": self.undated, "early": self.early}


#: The value of a ``by`` column for an article that has none.
MISSING = MISSING_GROUP
_SEP = "\x1f"


def _key(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    out = frame[keys[0]].astype(str)
    for column in keys[1:]:
        out = out + _SEP + frame[column].astype(str)
    return out


def periods_by(by: str | Sequence[str] | None, period: str | None) -> list[str]:
    """The ``by`` columns as a list: ``None`` means ``outlet`` without a period and no
    column with one (the period alone).

    >>> periods_by(None, None), periods_by(None, "month"), periods_by("outlet", "month")
    (['outlet'], [], ['outlet'])
    """
    if by is None:
        return [] if period is not None else ["outlet"]
    return [by] if isinstance(by, str) else list(by)


def periods_assign(
    corpus: pd.DataFrame,
    period: Period,
    *,
    by: str | Sequence[str] | None = None,
    date_column: str = "date",
    warn: bool = True,
) -> PeriodCells:
    """Bin every article of ``corpus`` into its period, and list every cell of the table.

    ``by``: corpus columns that combine with the period (``"outlet"``; ``None``: none).
    Returns a :class:`PeriodCells`. Articles dated to the month only are left out of day
    and week periods, articles without a date out of every period; with ``warn`` a
    warning says how many (the same sentence as ``note``).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NRC", "NOS"],
    ...                   "date": ["2022-01-05", "2022-03-09", "2022-03"]})
    >>> cells = periods_assign(c, "month", by="outlet")
    >>> cells.cells.values.tolist()
    [['2022-01-01', 'NOS'], ['2022-01-01', 'NRC'], ['2022-02-01', 'NOS'], \
['2022-02-01', 'NRC'], ['2022-03-01', 'NOS'], ['2022-03-01', 'NRC']]
    >>> periods_assign(c, "week", warn=False).note
    '1 of 3 articles is dated to the month only and is left out of the weekly periods.'
    """
    periods_check(period)
    by = periods_by(by, period)
    require_columns(corpus, ["doc_id", date_column, *by], what="the corpus")
    if "period" in by:
        raise ValueError("'period' is the column periods are written to; group by another "
                         "column")
    ids = corpus["doc_id"].astype(str).tolist()
    dates = corpus[date_column].reset_index(drop=True)
    start = periods_start(dates, period, ids=ids)
    year, _, day = _parse(dates, ids)
    undated = int((year < 0).sum())
    early_rows = np.flatnonzero((year >= 0) & (year < FIRST_YEAR))
    early_ids = [(ids[k], str(dates.iloc[k])) for k in early_rows]
    month_only = int(((year >= FIRST_YEAR) & (day == 0)).sum()) if period in ("day", "week") \
        else 0
    docs = pd.DataFrame({"doc_id": ids, "period": start.astype(object).to_numpy()})
    for column in by:
        docs[column] = groups_by(corpus, column).to_numpy()
    docs = docs[start.notna().to_numpy() & (year >= FIRST_YEAR)].reset_index(drop=True)
    if len(docs):
        periods = periods_range(docs["period"].min(), docs["period"].max(), period)
    else:
        periods = []
    grid = pd.MultiIndex.from_product(
        [periods, *[sorted(pd.unique(docs[c])) for c in by]], names=["period", *by])
    cells = grid.to_frame(index=False).astype(object)
    note = _note(len(corpus), month_only, undated, period, early_ids)
    if note and warn:
        warnings.warn(note, PeriodWarning, stacklevel=3)
    return PeriodCells(docs, cells, by, period, month_only, undated, note, ["period", *by],
                       len(early_ids), early_ids)


_ADJECTIVE = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly",
              "year": "yearly"}


#: How many of the articles dated before FIRST_YEAR a note names.
_NAMED = 5


def _note(total: int, month_only: int, undated: int, period: str,
          early: Sequence[tuple[str, str]] = ()) -> str:
    def articles(n: int) -> str:
        return f"{n} of {total} articles " + ("is" if n == 1 else "are")

    parts = []
    if early:
        named = ", ".join(f"{doc}: {date}" for doc, date in early[:_NAMED])
        more = f", and {len(early) - _NAMED} more" if len(early) > _NAMED else ""
        parts.append(f"{articles(len(early))} dated before {FIRST_YEAR} and "
                     f"{'is' if len(early) == 1 else 'are'} left out ({named}{more})")
    if month_only:
        parts.append(f"{articles(month_only)} dated to the month only and "
                     f"{'is' if month_only == 1 else 'are'} left out of the "
                     f"{_ADJECTIVE[period]} periods")
    if undated:
        parts.append(f"{articles(undated)} without a date and "
                     f"{'is' if undated == 1 else 'are'} left out")
    return ("; ".join(parts) + ".") if parts else ""
