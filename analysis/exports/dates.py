"""Dates as news exports write them, in English and in Dutch.

Nexis Uni and LexisNexis write an article's date as a line of words: ``July 1, 2019 Monday
9:20 AM GMT`` in the English interface, ``1 juli 2019 maandag`` in the Dutch one,
``January 11, 2010 Monday`` in classic LexisNexis text exports. :func:`export_date` turns
such a line into ``YYYY-MM-DD`` (or ``YYYY-MM`` when the day is not given), and says
``None`` for a line that is not a date: every word of the line must be part of the date,
a weekday, a time or a time zone.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["MONTHS", "WEEKDAYS", "export_date"]

#: Month names and abbreviations, English and Dutch, lower case, to their number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    ("january", "jan", "januari"),
    ("february", "feb", "februari"),
    ("march", "mar", "maart", "mrt"),
    ("april", "apr"),
    ("may", "mei"),
    ("june", "jun", "juni"),
    ("july", "jul", "juli"),
    ("august", "aug", "augustus"),
    ("september", "sep", "sept"),
    ("october", "oct", "oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
), start=1):
    for _name in _names:
        MONTHS[_name] = _number

#: Weekday names and abbreviations, English and Dutch, lower case.
WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "di", "wo", "do", "vr", "za", "zo",
})

_TIME = re.compile(r"\A\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?\Z", re.IGNORECASE)
_MERIDIEM = re.compile(r"\A[ap]\.?m\.?\Z", re.IGNORECASE)
_ZONE = re.compile(r"\A(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|uur|u\.?)\Z")
_ISO = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_DAY = re.compile(r"\A(\d{1,2})(?:st|nd|rd|th|e)?\.?\Z", re.IGNORECASE)
_YEAR = re.compile(r"\A(\d{4})\Z")


def _tokens(line: str) -> list[tuple[str, str]]:
    """Words of ``line`` as ``(original, lower case)``; a month or weekday loses its
    abbreviation dot, every word its trailing comma."""
    out = []
    for word in line.replace("\u00a0", " ").split():
        word = word.strip(",;")
        lower = word.lower()
        if lower.rstrip(".") in MONTHS or lower.rstrip(".") in WEEKDAYS:
            lower = lower.rstrip(".")
        if word:
            out.append((word, lower))
    return out


def export_date(line: str) -> str | None:
    """The date written on ``line``, as ``YYYY-MM-DD`` (``YYYY-MM`` when it names no day),
    or ``None`` when the line is not a date and nothing else.

    >>> export_date("July 1, 2019 Monday 9:20 AM GMT")
    '2019-07-01'
    >>> export_date("1 juli 2019 maandag")
    '2019-07-01'
    >>> export_date("Tuesday 11 January 2022")
    '2022-01-11'
    >>> export_date("januari 2022")
    '2022-01'
    >>> export_date("Summer 2019") is None, export_date("30 februari 2022") is None
    (True, True)
    """
    words = [(o, w) for o, w in _tokens(line) if w not in WEEKDAYS]
    if not words:
        return None
    # Drop a trailing time and time zone ("9:20 AM GMT", "09:20 CEST", "9.20 uur").
    while words and (_TIME.match(words[-1][0]) or _MERIDIEM.match(words[-1][0])
                     or (_ZONE.match(words[-1][0]) and len(words) > 2
                         and (_TIME.match(words[-2][0]) or _MERIDIEM.match(words[-2][0])))):
        words.pop()
    while words and words[-1][1] in WEEKDAYS:
        words.pop()
    lowered = [w for _, w in words]
    year = month = day = None
    if len(lowered) == 1 and (m := _ISO.match(lowered[0])):
        year, month, day = (int(g) for g in m.groups())
    elif len(lowered) == 3 and lowered[0] in MONTHS and _DAY.match(lowered[1]) \
            and _YEAR.match(lowered[2]):
        month, day, year = MONTHS[lowered[0]], int(_DAY.match(lowered[1]).group(1)), \
            int(lowered[2])
    elif len(lowered) == 3 and _DAY.match(lowered[0]) and lowered[1] in MONTHS \
            and _YEAR.match(lowered[2]):
        day, month, year = int(_DAY.match(lowered[0]).group(1)), MONTHS[lowered[1]], \
            int(lowered[2])
    elif len(lowered) == 2 and lowered[0] in MONTHS and _YEAR.match(lowered[1]):
        month, year = MONTHS[lowered[0]], int(lowered[1])
    else:
        return None
    try:
        _dt.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
