"""What a news export holds once split: its articles, their fields and dates, and what was
wrong with them; shared by the export readers (:mod:`.nexis_uni` for Nexis Uni DOCX and RTF,
:mod:`.lexisnexis_txt` for classic LexisNexis text).

The layout parsers are pure functions from the lines of an export to an
:class:`ExportParse`; :mod:`.exports` turns files into lines and parses into corpus rows.
Field labels of both interfaces (English and Dutch) are listed here, once, and so are the
month and weekday names of dates such as ``July 1, 2019 Monday 9:20 AM GMT`` (English) and
``1 juli 2019 maandag`` (Dutch): :func:`export_date` reads them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Note", "ExportArticle", "ExportParse", "LENGTH_TOLERANCE", "LANGUAGES", "MONTHS",
           "WEEKDAYS", "export_date", "field_label", "length_value", "language_code",
           "is_copyright", "finish_article"]


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


#: ``Length: N words`` and the words read may differ by this share of N (and by more than
#: :data:`LENGTH_SLACK` words) before a warning is given.
LENGTH_TOLERANCE = 0.05
LENGTH_SLACK = 3

#: Field labels as exports write them, lower case, to the field they fill. Nexis Uni
#: writes ``Length:``, classic LexisNexis ``LENGTH:``; the Dutch interface may write
#: ``Lengte:``. Fields not kept are mapped to ``None`` (they are recognised, so that they
#: never end up in the text).
FIELD_LABELS: dict[str, str | None] = {
    "length": "length", "lengte": "length",
    "section": "section", "sectie": "section", "rubriek": "section",
    "byline": "byline", "auteur": "byline", "author": "byline", "door": "byline",
    "language": "language", "taal": "language",
    "load-date": "load_date", "laaddatum": "load_date", "datum geladen": "load_date",
    "publication-type": None, "publicatietype": None, "publication type": None,
    "dateline": None, "plaats": None, "highlight": None, "markering": None,
    "graphic": None, "afbeelding": None, "grafiek": None,
    "correction": None, "correction-date": None, "notes": None, "opmerkingen": None,
    "subject": None, "onderwerp": None, "geographic": None, "geografisch": None,
    "industry": None, "organization": None, "company": None, "person": None,
    "persoon": None, "ticker": None, "journal-code": None, "document-type": None,
    "url": None, "type": None, "edition": None, "editie": None, "series": None,
    "column": None, "rubric": None, "source": None, "bron": None,
}

_LABEL = re.compile(r"\A([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ -]{1,24}?)\s*:(?:\s+|\Z)(.*)\Z", re.DOTALL)
_LENGTH = re.compile(r"\A(\d[\d.,]*)\s*(?:words?|woorden|woord)?\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"\A(?:copyright\b|\(c\)|©|all rights reserved|alle rechten "
                        r"voorbehouden)", re.IGNORECASE)

#: Language names exports write, to ISO 639-1 codes.
LANGUAGES = {
    "dutch": "nl", "nederlands": "nl", "english": "en", "engels": "en", "german": "de",
    "duits": "de", "french": "fr", "frans": "fr", "spanish": "es", "spaans": "es",
    "italian": "it", "italiaans": "it", "flemish": "nl", "vlaams": "nl",
}


@dataclass(frozen=True)
class Note:
    """A problem found in an export: ``line`` is the export's line (or paragraph) number,
    1-based; a ``warning`` keeps the article, an ``error`` takes it out."""

    message: str
    hint: str = ""
    line: int | None = None
    severity: Literal["error", "warning"] = "warning"


@dataclass
class ExportArticle:
    """One article of an export, as read: ``position`` is its place in the export
    (1-based), ``line`` the line (or paragraph) where it starts; ``date`` is ``YYYY-MM-DD``
    (or ``YYYY-MM``) or ``None`` when ``date_text`` could not be read; ``length_words`` is
    the export's own word count (``None`` when it gives none); ``text`` holds the body
    only, paragraphs separated by a blank line."""

    position: int
    line: int
    title: str = ""
    outlet: str = ""
    date: str | None = None
    date_text: str = ""
    text: str = ""
    byline: str = ""
    section: str = ""
    length_words: int | None = None
    language: str = ""
    load_date: str = ""
    notes: list[Note] = field(default_factory=list)

    def note(self, message: str, hint: str = "", *, line: int | None = None,
             severity: Literal["error", "warning"] = "warning") -> None:
        self.notes.append(Note(message, hint, self.line if line is None else line, severity))


@dataclass
class ExportParse:
    """An export split into articles: its ``layout``, the number of articles it announces
    (``None`` when it announces none) and the line that says so (``announced_by``), the
    articles, and problems about the whole file. A classic LexisNexis export also gives
    the number of every article (``numbers``, its ``N of M DOCUMENTS``) and the size of
    the search it comes from (``total``, the ``M``)."""

    layout: Literal["nexis-uni", "lexisnexis"]
    announced: int | None
    articles: list[ExportArticle]
    notes: list[Note] = field(default_factory=list)
    announced_by: str = ""
    numbers: list[int] = field(default_factory=list)
    total: int | None = None

    @property
    def read(self) -> int:
        return len(self.articles)


def field_label(line: str, *, upper: bool = False) -> tuple[str | None, str] | None:
    """``(field, value)`` when ``line`` is a field line such as ``Length: 355 words``
    (``field`` is ``None`` for a field that is recognised but not kept), else ``None``.
    ``upper=True`` accepts only labels in capitals (classic LexisNexis), so that a body
    line starting with ``Section: ...`` is not taken for a field.

    >>> field_label("Length:\\u00a0355 words")
    ('length', '355 words')
    >>> field_label("LOAD-DATE: January 12, 2010", upper=True)
    ('load_date', 'January 12, 2010')
    >>> field_label("Load-Date: x", upper=True) is None, field_label("Hallo: daar") is None
    (True, True)
    """
    m = _LABEL.match(line.replace("\u00a0", " ").strip())
    if not m:
        return None
    label = m.group(1).strip()
    if upper and label != label.upper():
        return None
    key = label.lower()
    if key not in FIELD_LABELS:
        return None
    return FIELD_LABELS[key], m.group(2).strip()


def length_value(value: str) -> int | None:
    """The number of words in a ``Length`` value such as ``355 words`` or ``1.204
    woorden``.

    >>> length_value("355 words"), length_value("1.204 woorden"), length_value("n/a")
    (355, 1204, None)
    """
    m = _LENGTH.match(value.strip())
    if not m:
        return None
    digits = re.sub(r"[.,]", "", m.group(1))
    return int(digits) if digits else None


def language_code(value: str) -> str:
    """An ISO 639-1 code for a language name such as ``DUTCH`` or ``Nederlands``; other
    values are given back as written (lower case); ``""`` for none.

    >>> language_code("DUTCH"), language_code("Engels"), language_code("Frisian")
    ('nl', 'en', 'frisian')
    """
    value = value.strip().rstrip(";.").strip()
    return LANGUAGES.get(value.lower(), value.lower())


def is_copyright(line: str) -> bool:
    """Whether ``line`` is a copyright notice (``Copyright 2022 ...``, ``© ...``)."""
    return bool(_COPYRIGHT.match(line.strip()))


def finish_article(article: ExportArticle, fields: dict[str, str],
                   body: list[str]) -> ExportArticle:
    """Fill ``article`` from its field values and body paragraphs, and note what does not
    add up: a date that cannot be read (a warning: the article is kept without a date), an
    empty body (an error, as for any article without text), a ``Length`` that differs from the
    words read by more than :data:`LENGTH_TOLERANCE` (counting the body, and the body with
    the title, since exports differ in what they count)."""
    article.byline = fields.get("byline", "")
    article.section = fields.get("section", "")
    article.language = language_code(fields.get("language", ""))
    load = fields.get("load_date", "")
    article.load_date = export_date(load) or load
    if "length" in fields:
        article.length_words = length_value(fields["length"])
    article.text = "\n\n".join(p for p in body if p)
    if article.date is None:
        shown = article.date_text or "(none)"
        article.note(f"the date line {shown!r} of article {article.position} "
                     f"({article.title[:60]!r}) cannot be read as a date; the article is "
                     "kept without a date.",
                     "Check the article in the export; dates are read as e.g. 'July 1, 2019 "
                     "Monday' or '1 juli 2019 maandag'.")
    if not article.text:
        article.note(f"article {article.position} ({article.title[:60]!r}) has no body text "
                     "(a photo or a graphic only, or cut off in the export).",
                     "Check the article in the export; --skip-invalid (skip_invalid=True in "
                     "Python) leaves it out, and lists it.", severity="error")
    expected = article.length_words
    if expected is not None and article.text:
        words = len(article.text.split())
        with_title = words + len(article.title.split())
        allowed = max(LENGTH_TOLERANCE * expected, LENGTH_SLACK)
        if min(abs(words - expected), abs(with_title - expected)) > allowed:
            article.note(f"article {article.position} ({article.title[:60]!r}) has "
                         f"{words} words, where the export's Length says {expected}: it may "
                         "be cut off or split in the wrong place.",
                         "Compare it with the export; if the export itself is short, "
                         "download the article again.")
    return article
