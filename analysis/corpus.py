"""Load a corpus of news articles into one tidy table, and account for every article.

Two input shapes are read:

1. A folder of ``.txt`` files in the seed format: a header `` date YYYY-MM`` or
   `` date YYYY-MM-DD`` before the text, with an optional ``metadata.csv`` beside them
   (a ``file`` column naming each text file, plus any of ``doc_id, outlet, date, title``
   and other columns). Files in subfolders are read too; ``metadata.csv`` names them by
   their path inside the corpus folder (``NRC/001.txt``), never with ``../`` or an
   absolute path. Hidden files and folders (names starting with ``.``) are not read;
   other files that are not ``.txt`` are named in a warning.
2. One table file with one article a row: CSV (``.csv``, comma or semicolon separated;
   ``.tsv``), JSON Lines (``.jsonl``, ``.ndjson``) or Parquet (``.parquet``). Columns
   that are not called ``text, doc_id, outlet, date, title`` are named with the
   ``*_column`` options.

Text files are decoded as UTF-8 (with or without byte-order mark), UTF-16 (with or
without byte-order mark) or Windows-1252, detected per file, unless an encoding is named.

Every problem found is collected, with the file and line (or row, or byte offset), before
anything is returned: :func:`corpus_check` returns them all, :func:`corpus_load` raises
:class:`CorpusError` listing them all unless ``skip_invalid=True``, in which case the bad
articles are left out and listed in ``corpus.attrs["skipped"]``. Every article given is
either loaded or listed as skipped; nothing is written anywhere, and nothing is executed
(CSV, JSON and Parquet are parsed as data only).
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import hashlib
import io
import json
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "CORE_COLUMNS",
    "MISSING_OUTLET",
    "Problem",
    "CorpusError",
    "CorpusReport",
    "corpus_check",
    "corpus_load",
    "corpus_fingerprint",
    "corpus_summary",
    "decode_bytes",
]

CORE_COLUMNS = ["doc_id", "outlet", "date", "title", "text"]
#: Value of ``outlet`` for articles whose source names no outlet.
MISSING_OUTLET = "(unknown)"
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
METADATA_NAME = "metadata.csv"

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)(?:[ \t]+|[ \t]*\n|\Z)", re.IGNORECASE)
_DATE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")
_DATE_LOOSE = re.compile(r"\A(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\Z")
_DATE_DAY_FIRST = re.compile(r"\A(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_DATETIME = re.compile(r"\A(\d{4}-\d{2}-\d{2})[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?\Z")
# Control characters no text file holds (tab, line feed, form feed and carriage return
# are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16",
                   "utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)",
                   "utf-32": "UTF-32", "cp1252": "Windows-1252"}
_SINGLE_BYTE = {"cp1252", "latin-1", "iso8859-1", "iso8859-15", "cp1250", "mac-roman"}
_COLUMN_HINT = {"text": "--text-column", "doc_id": "--id-column", "outlet": "--outlet-column",
                "date": "--date-column", "title": "--title-column"}
_COLUMN_ARG = {"text": "text_column", "doc_id": "id_column", "outlet": "outlet_column",
               "date": "date_column", "title": "title_column"}
_WHAT = {"text": "article texts", "doc_id": "article ids", "outlet": "outlets",
         "date": "dates", "title": "titles"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it is, and what to do about it.

    ``line`` is a 1-based line number in ``file``, a row number (Parquet, ``unit="row"``)
    or a 0-based byte offset (``unit="byte"``); ``None`` when the problem concerns the
    whole file. ``doc_id`` names the article the problem takes out (its id, or where it
    is when it has none); ``None`` when the problem stops the whole corpus from loading.
    A ``"warning"`` takes nothing out.
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    unit: Literal["line", "row", "byte"] = "line"
    doc_id: str | None = None
    severity: Literal["error", "warning"] = "error"

    @property
    def where(self) -> str:
        """The file, and the line, row or byte offset when known."""
        if self.line is None:
            return self.file
        unit = "byte offset" if self.unit == "byte" else self.unit
        return f"{self.file}, {unit} {self.line}"

    def __str__(self) -> str:
        kind = "warning: " if self.severity == "warning" else ""
        text = f"{self.where}: {kind}{self.message}"
        return f"{text} {self.hint}".rstrip() if self.hint else text


class CorpusError(ValueError):
    """Raised when a corpus cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [f"The corpus could not be loaded: {len(errors)} problem(s) found."]
        lines += [f"  - {p}" for p in errors]
        if errors and all(p.doc_id is not None for p in errors):
            lines.append(
                "Fix the problems above, or pass skip_invalid=True (--skip-invalid on the "
                "command line) to leave the articles concerned out and have them listed.")
        else:
            lines.append("Fix the problems above: they concern the corpus as a whole, so "
                         "skipping articles cannot help.")
        super().__init__("\n".join(lines))


@dataclass
class CorpusReport:
    """What :func:`corpus_check` found.

    ``corpus`` holds the articles that load (``None`` when the source cannot be read at
    all), ``problems`` every problem (errors and warnings), ``n_given`` the number of
    articles the source holds, and ``skipped`` one entry per article left out (its id, or
    where it is), so that ``n_given == len(corpus) + len(skipped)`` whenever ``corpus``
    is not ``None``.
    """

    source: str
    corpus: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    n_given: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------- decoding


def _encoding_name(encoding: str) -> str:
    return _ENCODING_NAMES.get(encoding, encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text without a
    byte-order mark (most characters of Western text have a zero high byte)."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    pairs = len(data) // 2
    if odd >= 0.3 * pairs and even <= odd / 10:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= even / 10:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str, encoding: str | None, *,
            prefer_utf8: bool = False) -> tuple[str, list[Problem]]:
    """Decode ``data``; return the text and any warnings; raise CorpusError if impossible.

    ``prefer_utf8`` (for metadata.csv): valid UTF-8 is read as UTF-8 even when another
    encoding is named, since the named encoding is the articles' one.
    """
    notes: list[Problem] = []
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise CorpusError([Problem(
                name, f"the encoding {encoding!r} is unknown.",
                "Name one Python knows, e.g. utf-8, utf-16, cp1252 (Windows-1252) or "
                "latin-1.")]) from None
        text = None
        if prefer_utf8 and codec not in {"utf-8", "utf-8-sig"}:
            try:
                text = _decode(data, name, None)[0]
            except CorpusError:
                text = None
        if text is None:
            offset = 3 if codec == "utf-8" and data.startswith(b"\xef\xbb\xbf") else 0
            try:
                text = data[offset:].decode(codec)
            except UnicodeDecodeError as exc:
                raise CorpusError([_undecodable(name, [(codec, exc, offset)])]) from None
            text = text.removeprefix("\ufeff")
            if codec in _SINGLE_BYTE and any(b > 0x7F for b in data):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    notes.append(Problem(
                        name, f"was read as {_encoding_name(codec)} as asked, but it looks "
                        "like UTF-8: letters such as 'ë' may have come out as 'Ã«'.",
                        "Check the text, and drop the encoding option if it is UTF-8.",
                        severity="warning"))
    elif data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data, "utf-8-sig", name, offset=3)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text = _strict(data, utf16, name)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as cp1252_error:
                raise CorpusError([_undecodable(
                    name, [("utf-8", utf8_error, 0), ("cp1252", cp1252_error, 0)])]) from None
    match = _CONTROL.search(text)
    if match:
        raise CorpusError([Problem(
            name, f"holds the control character U+{ord(match.group()):04X} at character "
            f"{match.start()}: this is not plain text, or its encoding was guessed wrong.",
            "Name the right encoding with --encoding (encoding=... in Python), or remove the "
            "file.", line=text.count("\n", 0, match.start()) + 1)])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), notes


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` read from file ``name``.

    With ``encoding=None`` a byte-order mark selects UTF-8, UTF-16 or UTF-32; UTF-16
    without one is recognised by its zero bytes; otherwise UTF-8 is tried, then
    Windows-1252 (the encoding of older Dutch newspaper exports). Raises
    :class:`CorpusError` naming the file and the byte offset when no encoding fits, or
    when the text holds control characters. Line endings are made ``\\n`` and the text is
    NFC-normalised.

    >>> decode_bytes("Oekraïne\\r\\n".encode("cp1252"), name="a.txt")
    'Oekraïne\\n'
    >>> decode_bytes("\\ufeffNAVO".encode("utf-16-le"), name="a.txt")
    'NAVO'
    """
    return _decode(data, name, encoding)[0]


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError([_undecodable(name, [(encoding, exc, offset)])]) from None


def _undecodable(name: str, tries: list[tuple[str, UnicodeDecodeError, int]]) -> Problem:
    parts = []
    for encoding, exc, offset in tries:
        at = exc.start + offset
        byte = exc.object[exc.start]
        what = "has no character" if encoding == "cp1252" else "is not valid there"
        parts.append(f"{_encoding_name(encoding)} (byte 0x{byte:02X} at byte offset {at} "
                     f"{what})")
    return Problem(
        name,
        f"cannot be read as {' nor as '.join(parts)}.",
        "Find out the file's encoding and name it with --encoding (encoding=... in Python), "
        "e.g. latin-1 or cp1250, or save the file as UTF-8.",
        line=tries[0][1].start + tries[0][2],
        unit="byte",
    )


# --------------------------------------------------------------------------- values


def _normalise_date(value: str) -> str | None:
    """``YYYY-MM`` or ``YYYY-MM-DD`` (a timestamp keeps its date) if real, else ``None``."""
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


# --------------------------------------------------------------------------- articles


@dataclass
class _Entry:
    """One article given: its label (id, or where it is), where it is, what loaded of it,
    and what is wrong with it."""

    label: str
    where: tuple[str, int | None, str]
    record: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    doc_id: str | None = None

    def problem(self, message: str, hint: str = "", *, file: str | None = None,
                line: int | None = None, unit: str | None = None) -> None:
        self.problems.append(Problem(
            file if file is not None else self.where[0], message, hint,
            line=line if file is not None or line is not None else self.where[1],
            unit=unit or self.where[2]))


def _missing_column(file: str, column: str, key: str, columns: Iterable[str], *,
                    table: bool = True) -> Problem:
    listed = ", ".join(repr(str(c)) for c in columns) or "none"
    message = f"has no column {column!r} for the {_WHAT[key]} (its columns: {listed})."
    hint = (f"Name the column that holds the {_WHAT[key]} with {_COLUMN_HINT[key]} "
            f"({_COLUMN_ARG[key]}=... in Python)")
    hint += ", or add a header line naming the columns." if table and key == "text" else "."
    return Problem(file, message, hint)


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


def _field_count_problem(entry: _Entry, n: int, width: int, delimiter: str) -> None:
    shown = {"\t": "tab", ",": "','", ";": "';'"}[delimiter]
    if n > width:
        entry.problem(f"this row has {n} values where the header names {width} columns.",
                      f"A value that holds the separator {shown} must be in double quotes.")
    else:
        entry.problem(f"this row has {n} values where the header names {width} columns.",
                      "Fill in the missing values (they may be empty, but the separators "
                      "must be there).")


# --------------------------------------------------------------------------- folder


def _escapes(name: str) -> bool:
    for flavour in (PurePosixPath, PureWindowsPath):
        p = flavour(name)
        if p.is_absolute() or p.drive or p.root or ".." in p.parts:
            return True
    return False


def _read_metadata(path: Path, folder: Path, encoding: str | None, problems: list[Problem]):
    """Columns and rows ``(line, {column: value})`` of metadata.csv (``None`` columns when
    it cannot be used); problems about the whole file go to ``problems``."""
    shown = str(path)
    try:
        text, notes = _decode(path.read_bytes(), shown, encoding, prefer_utf8=True)
    except CorpusError as exc:
        problems += exc.problems
        return None, []
    problems += notes
    if not text.strip():
        problems.append(Problem(shown, "is empty.",
                                "Write a header line (file,doc_id,outlet,date,title) and one "
                                "row per article, or delete metadata.csv."))
        return None, []
    delimiter = _csv_delimiter(text, ".csv")
    rows = list(_csv_rows(text, delimiter, shown, problems))
    if not rows:
        return None, []
    columns = _header_columns(rows[0][1], shown, problems)
    if "file" not in columns:
        problems.append(Problem(
            shown, f"has no column 'file' (its header line names: "
            f"{', '.join(repr(c) for c in columns)}).",
            "The first line must name the columns, one of them 'file', which gives each "
            "article's .txt file (e.g. file,doc_id,outlet,date,title).", line=1))
        return None, []
    out = []
    for line, values in rows[1:]:
        out.append((line, _row_dict(columns, values), len(values), delimiter))
    return columns, out


def _read_folder(folder: Path, cols: dict[str, str], named: set[str], encoding: str | None):
    problems: list[Problem] = []
    entries: list[_Entry] = []
    root = folder.resolve()
    meta_path = folder / METADATA_NAME
    txt: dict[str, Path] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink() and path.is_dir():
            problems.append(Problem(
                str(path), "is a link to a folder, which is not read.",
                "Copy the articles into the corpus folder instead.", severity="warning"))
            continue
        if not path.is_file():
            continue
        key = rel.as_posix()
        if key == METADATA_NAME:
            continue
        if path.suffix.lower() != ".txt":
            problems.append(Problem(
                str(path), "is not a .txt file, so it is not read as an article.",
                "Move it out of the corpus folder, or save the article as a .txt file with "
                "a ' date YYYY-MM' header.", severity="warning"))
            continue
        txt[key] = path

    columns, rows = (None, [])
    if meta_path.is_file():
        columns, rows = _read_metadata(meta_path, folder, encoding, problems)
    has_meta = columns is not None
    if "text" in named:
        problems.append(Problem(
            str(folder), f"is a folder of .txt files, so there is no column {cols['text']!r} "
            "for the article texts: each .txt file holds one article's text.",
            "Drop --text-column (text_column=...), which is for CSV, JSONL and Parquet "
            "files."))
    for key in ("doc_id", "outlet", "date", "title"):
        if key not in named:
            continue
        if has_meta and cols[key] not in columns:
            problems.append(_missing_column(str(meta_path), cols[key], key, columns,
                                            table=False))
        elif not has_meta and not meta_path.exists():
            problems.append(Problem(
                str(folder), f"has no {METADATA_NAME}, so there is no column {cols[key]!r} "
                f"for the {_WHAT[key]}.",
                f"Add a {METADATA_NAME} with a 'file' column and a {cols[key]!r} column, or "
                f"drop {_COLUMN_HINT[key]}."))

    meta_shown = str(meta_path)
    meta_rows: dict[str, tuple[int, dict[str, str]]] = {}
    blocked: dict[str, list[Problem]] = {}
    orphans: dict[str, _Entry] = {}
    width = len(columns) if columns else 0
    for line, row, n_values, delimiter in rows:
        name = _as_text(row.get("file"))[0]
        doc_id = _as_text(row.get(cols["doc_id"]))[0]
        key = PurePosixPath(name.replace("\\", "/")).as_posix() if name else ""
        label = doc_id or (name if _escapes(name) else PurePosixPath(key).with_suffix(
            "").as_posix()) if name else doc_id or f"{METADATA_NAME} line {line}"
        entry = _Entry(label, (meta_shown, line, "line"))
        if n_values != width:
            _field_count_problem(entry, n_values, width, delimiter)
        elif not name:
            entry.problem("this row has an empty 'file', so no article goes with it.",
                          "Fill in the article's .txt file name, or remove the row.")
        elif _escapes(name):
            entry.problem(f"names {name!r}, a path outside the corpus folder, which is "
                          "never read.", "Name files by their path inside the corpus folder "
                          "(e.g. 001.txt or NRC/001.txt), without '..' or a leading '/'.")
        elif key in meta_rows or key in orphans:
            first = meta_rows[key][0] if key in meta_rows else orphans[key].where[1]
            entry.problem(f"names the file {name!r} a second time (first on line {first}): "
                          "which row is right?", "Keep one row per file.")
            if key in txt:
                blocked.setdefault(key, []).extend(entry.problems)
            else:
                orphans[key].problems.extend(entry.problems)
            continue
        elif key not in txt:
            there = folder / key
            if there.is_file() and there.suffix.lower() != ".txt":
                message = f"names the file {name!r}, which is not a .txt file."
            elif any(part.startswith(".") for part in PurePosixPath(key).parts):
                message = (f"names the file {name!r}, which is hidden (a name starting with "
                           "'.') and so never read.")
            else:
                message = f"names the file {name!r}, which is not in the corpus folder."
            entry.problem(message, "Add the file, correct its name (capitals count), or "
                          "remove the row.")
            orphans[key] = entry
            continue
        else:
            meta_rows[key] = (line, row)
            continue
        if key in txt:
            blocked.setdefault(key, []).extend(entry.problems)
        else:
            orphans[f"\x00{line}"] = entry

    for key, path in txt.items():
        shown = str(path)
        line_no, row = meta_rows.get(key, (None, {}))
        doc_id = _as_text(row.get(cols["doc_id"]))[0] or PurePosixPath(key).with_suffix(
            "").as_posix()
        entry = _Entry(doc_id, (shown, None, "line"), doc_id=doc_id)
        entries.append(entry)
        entry.problems.extend(blocked.get(key, []))
        if not path.resolve().is_relative_to(root):
            entry.problem("is a link to a file outside the corpus folder, which is never "
                          "read.", "Copy the file into the corpus folder instead.")
            continue
        if has_meta and key not in meta_rows and key not in blocked:
            entry.problem(f"has no row in {METADATA_NAME}, so its outlet and date are "
                          "unknown.", f"Add a row with file={key} to {METADATA_NAME}, or "
                          "move the file out of the corpus folder.")
        try:
            raw, notes = _decode(path.read_bytes(), shown, encoding)
        except CorpusError as exc:
            entry.problems.extend(exc.problems)
            continue
        problems += notes
        if not raw.strip():
            entry.problem("is empty.", "Put the article in it, or remove the file.")
            continue
        header = _HEADER.match(raw)
        if header is None:
            first = raw.lstrip().split("\n", 1)[0][:40]
            entry.problem(f"has no header: the first line should start with ' date YYYY-MM' "
                          f"(it starts with {first!r}).",
                          "Add the article's date before the text, e.g. ' date 2022-01'.",
                          line=1)
            continue
        text = raw[header.end():].strip()
        header_date = _normalise_date(header.group(1))
        if header_date is None:
            entry.problems.append(_bad_date(shown, 1, header.group(1), None,
                                            where="date in the header"))
            continue
        if not text:
            entry.problem("has a header but no text.",
                          "Put the article's text after the header, or remove the file.",
                          line=1)
            continue
        date = header_date
        meta_date_raw = _as_text(row.get(cols["date"]))[0]
        if meta_date_raw:
            meta_date = _normalise_date(meta_date_raw)
            if meta_date is None:
                entry.problems.append(_bad_date(meta_shown, line_no, meta_date_raw, None))
                continue
            if not (meta_date.startswith(header_date) or header_date.startswith(meta_date)):
                entry.problem(f"gives the date {meta_date} for {key}, whose header says "
                              f"{header_date}.", "Make the two agree.", file=meta_shown,
                              line=line_no)
                continue
            date = max(meta_date, header_date, key=len)
        if entry.problems:
            continue
        used = {"file", cols["doc_id"], cols["outlet"], cols["date"], cols["title"]}
        record = {str(k): _clean(v) for k, v in row.items() if k not in used}
        record.update(
            doc_id=doc_id,
            outlet=_as_text(row.get(cols["outlet"]))[0] or MISSING_OUTLET,
            date=date,
            title=_as_text(row.get(cols["title"]))[0],
            text=text,
            file=key,
        )
        entry.record = record
    entries.extend(orphans.values())
    if not entries and not any(p.severity == "error" for p in problems):
        problems.append(Problem(str(folder), "holds no .txt files.",
                                "Point to the folder of articles, or to a CSV, JSONL or "
                                "Parquet file."))
    return entries, problems


# --------------------------------------------------------------------------- table files


def _read_table(path: Path, cols: dict[str, str], named: set[str], encoding: str | None):
    """The articles of a CSV/TSV/JSONL/Parquet file, and problems about the whole file."""
    shown = str(path)
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    rows: list[tuple[int, dict | None, _Entry | None]] = []
    unit = "line"
    columns: list[str] = []
    if suffix == ".parquet":
        unit = "row"
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises many types for a broken file
            return [], [Problem(shown, f"cannot be read as Parquet ({exc}).",
                                "Check that the file is a complete Parquet file.")]
        columns = [str(c) for c in frame.columns]
        frame.columns = columns
        records = frame.astype(object).to_dict("records")
        rows = [(i, rec, None) for i, rec in enumerate(records, start=1)]
    else:
        try:
            text, notes = _decode(path.read_bytes(), shown, encoding)
        except CorpusError as exc:
            return [], exc.problems
        problems += notes
        if not text.strip():
            return [], [Problem(shown, "is empty.", "Check that you named the right file.")]
        if suffix in {".csv", ".tsv"}:
            delimiter = _csv_delimiter(text, suffix)
            found = list(_csv_rows(text, delimiter, shown, problems))
            if found:
                columns = _header_columns(found[0][1], shown, problems)
            for line, values in found[1:]:
                row = _row_dict(columns, values)
                if len(values) != len(columns):
                    entry = _Entry(f"line {line}", (shown, line, unit))
                    _field_count_problem(entry, len(values), len(columns), delimiter)
                    rows.append((line, row, entry))
                else:
                    rows.append((line, row, None))
        else:
            for number, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    entry = _Entry(f"line {number}", (shown, number, unit))
                    entry.problem(f"this line is not valid JSON ({exc.msg} at character "
                                  f"{exc.pos + 1}).",
                                  "Each line must hold one complete JSON object, e.g. "
                                  '{"doc_id": "a1", "text": "..."}.')
                    rows.append((number, None, entry))
                    continue
                if not isinstance(obj, dict):
                    entry = _Entry(f"line {number}", (shown, number, unit))
                    entry.problem("this line holds a JSON value that is not an object.",
                                  "Each line must hold one JSON object, e.g. "
                                  '{"doc_id": "a1", "text": "..."}.')
                    rows.append((number, None, entry))
                    continue
                for key in obj:
                    if key not in columns:
                        columns.append(key)
                rows.append((number, obj, None))
    if any(p.severity == "error" for p in problems):
        return [], problems
    if not rows:
        problems.append(Problem(shown, "has column names but no articles." if columns else
                                "holds no articles.", "Check that you named the right file."))
        return [], problems
    for key, column in cols.items():
        if (key == "text" or key in named) and column not in columns:
            problems.append(_missing_column(shown, column, key, columns))
    if any(p.severity == "error" for p in problems):
        return [], problems
    return _table_entries(path, rows, cols, unit), problems


def _table_entries(path: Path, rows, cols: dict[str, str], unit: str) -> list[_Entry]:
    shown = str(path)
    entries: list[_Entry] = []
    width = max(5, len(str(len(rows))))
    what = {"doc_id": "id", "outlet": "outlet", "date": "date", "title": "title"}
    for index, (line, row, bad) in enumerate(rows, start=1):
        values = {}
        reasons = {}
        if row is not None:
            for key in ("doc_id", "outlet", "date", "title"):
                values[key], reasons[key] = _as_text(row.get(cols[key]))
        doc_id = values.get("doc_id") or f"{path.stem}-{index:0{width}d}"
        entry = bad or _Entry(doc_id, (shown, line, unit))
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
        if entry.problems:
            continue
        used = set(cols.values())
        record = {str(k): _clean(v) for k, v in row.items() if k not in used}
        record.update(
            doc_id=doc_id,
            outlet=values["outlet"] or MISSING_OUTLET,
            date=date,
            title=values["title"],
            text=values["text"],
        )
        entry.record = record
    return entries


# --------------------------------------------------------------------------- public API


def _short_place(entry: _Entry, source: Path) -> str:
    file, line, unit = entry.where
    name = Path(file)
    if name == source and line is not None:
        return f"{unit} {line}"
    short = name.relative_to(source).as_posix() if name.is_relative_to(source) else name.name
    return short if line is None else f"{short}, {unit} {line}"


def corpus_check(
    source: str | Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    encoding: str | None = None,
) -> CorpusReport:
    """Read a corpus and report every problem found, without raising for bad input.

    Returns a :class:`CorpusReport`: ``corpus`` holds the articles that load (columns as
    in :func:`corpus_load`; ``None`` when a problem concerns the whole corpus, such as a
    missing column), ``problems`` every problem with its file and line, ``n_given`` the
    number of articles the source holds and ``skipped`` the articles that a problem takes
    out. Options as in :func:`corpus_load`.

    >>> from analysis.paths import CORPUS_DIR
    >>> report = corpus_check(CORPUS_DIR)
    >>> report.ok, report.n_given, len(report.corpus), report.skipped
    (True, 5, 5, [])
    """
    path = Path(source).expanduser()
    named = {k for k, v in (("text", text_column), ("doc_id", id_column),
                            ("outlet", outlet_column), ("date", date_column),
                            ("title", title_column)) if v is not None}
    cols = {
        "text": text_column or "text",
        "doc_id": id_column or "doc_id",
        "outlet": outlet_column or "outlet",
        "date": date_column or "date",
        "title": title_column or "title",
    }
    if not path.exists():
        problem = Problem(str(path), "does not exist.",
                          "Give the path to a folder of .txt articles or to a CSV, JSONL or "
                          "Parquet file.")
        return CorpusReport(str(path), None, [problem])
    if path.is_dir():
        entries, problems = _read_folder(path, cols, named, encoding)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        entries, problems = _read_table(path, cols, named, encoding)
    else:
        hint = "Use a folder of .txt files, or a .csv, .tsv, .jsonl, .ndjson or .parquet file."
        if path.suffix.lower() == ".txt":
            hint = ("To load articles in .txt files, give the folder that holds them (with a "
                    "metadata.csv naming their outlet and date).")
        elif path.suffix.lower() in {".xlsx", ".xls", ".ods"}:
            hint = "Save the spreadsheet as CSV (UTF-8) and give that file."
        problem = Problem(str(path), f"is not a corpus: files ending in {path.suffix!r} "
                          "cannot be read.", hint)
        return CorpusReport(str(path), None, [problem])

    by_id: dict[str, list[_Entry]] = {}
    for entry in entries:
        if entry.doc_id is not None:
            by_id.setdefault(entry.doc_id, []).append(entry)
    for doc_id, group in by_id.items():
        if len(group) < 2:
            continue
        places = "; ".join(_short_place(e, path) for e in group)
        for entry in group:
            entry.problem(f"the id {doc_id!r} is used by {len(group)} articles ({places}).",
                          "Give every article its own id.")
            entry.label = f"{doc_id} ({_short_place(entry, path)})"
            entry.record = None

    skipped: list[str] = []
    records: list[dict] = []
    for entry in entries:
        errors = [p for p in entry.problems if p.severity == "error"]
        problems += [
            Problem(p.file, p.message, p.hint, p.line, p.unit,
                    doc_id=entry.label if p.severity == "error" else None,
                    severity=p.severity)
            for p in entry.problems
        ]
        if errors or entry.record is None:
            skipped.append(entry.label)
        else:
            records.append(entry.record)

    blocking = any(p.severity == "error" and p.doc_id is None for p in problems)
    frame = None
    if not blocking:
        frame = (pd.DataFrame.from_records(records) if records
                 else pd.DataFrame(columns=CORE_COLUMNS))
        extra = [c for c in frame.columns if c not in CORE_COLUMNS]
        frame = frame[CORE_COLUMNS + extra].reset_index(drop=True)
        frame = frame.astype({c: "string" for c in frame.columns})
        frame.attrs["source"] = str(path)
    return CorpusReport(str(path), frame, problems, len(entries),
                        skipped if not blocking else [])


def corpus_load(
    source: str | Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    encoding: str | None = None,
    skip_invalid: bool = False,
) -> pd.DataFrame:
    """Load a folder of seed-format ``.txt`` files or a CSV/JSONL/Parquet file.

    Returns one row per article with the columns

    - ``doc_id``: the article's id (metadata ``doc_id``, else the file's path in the folder
      without ``.txt``; for tables the id column, else ``<file stem>-<row number>``),
    - ``outlet``: the outlet, or ``"(unknown)"`` when the source names none,
    - ``date``: ``YYYY-MM`` or ``YYYY-MM-DD`` (``<NA>`` when unknown),
    - ``title``: the headline (``""`` when unknown),
    - ``text``: the article text, NFC-normalised, ``\\n`` line ends, without the header,

    followed by every other metadata column (for a folder: ``file``, the text file's path
    in the folder), all as pandas ``string`` dtype. ``attrs["source"]`` names the source,
    ``attrs["n_given"]`` counts the articles it holds, ``attrs["skipped_articles"]`` lists
    the articles left out and ``attrs["skipped"]`` the problems that left them out (both
    empty unless ``skip_invalid``).

    ``encoding`` names the encoding of the text files (default: detected per file). It
    applies to ``metadata.csv`` too unless that file is valid UTF-8.

    Raises :class:`CorpusError` listing every problem (file, line and what to do) when any
    article cannot be read; with ``skip_invalid=True`` those articles are left out instead,
    and a warning gives their count. Problems with the corpus as a whole (a missing
    column, an unreadable ``metadata.csv``) always raise.

    >>> from analysis.paths import CORPUS_DIR
    >>> corpus = corpus_load(CORPUS_DIR)
    >>> sorted(corpus["outlet"])
    ['De Morgen', 'NOS', 'NRC', 'Trouw', 'de Volkskrant']
    """
    report = corpus_check(
        source, text_column=text_column, id_column=id_column, outlet_column=outlet_column,
        date_column=date_column, title_column=title_column, encoding=encoding,
    )
    corpus = report.corpus
    if corpus is None or (report.errors and not skip_invalid):
        raise CorpusError(report.problems)
    if corpus.empty:
        raise CorpusError(report.problems + [Problem(
            report.source, f"none of its {report.n_given} article(s) could be loaded.",
            "Fix the problems above.")])
    corpus.attrs["skipped"] = report.errors
    corpus.attrs["skipped_articles"] = list(report.skipped)
    corpus.attrs["n_given"] = report.n_given
    for problem in report.warnings:
        warnings.warn(str(problem), stacklevel=2)
    if report.skipped:
        warnings.warn(
            f"{len(report.skipped)} of {report.n_given} article(s) skipped as invalid: "
            f"{', '.join(report.skipped)}; see corpus.attrs['skipped'] for why.",
            stacklevel=2,
        )
    return corpus


def corpus_fingerprint(corpus: pd.DataFrame) -> str:
    """A SHA-256 hex digest of the corpus content: every column name and value, in order.

    Two corpora with the same articles and metadata give the same fingerprint, whatever
    folder or file they were read from.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"doc_id": ["a"], "text": ["Hallo."]})
    >>> corpus_fingerprint(a) == corpus_fingerprint(a.copy())
    True
    >>> len(corpus_fingerprint(a))
    64
    """
    digest = hashlib.sha256()
    for column in corpus.columns:
        digest.update(b"\x1e" + str(column).encode("utf-8") + b"\x1f")
        for value in corpus[column].tolist():
            text = "\x00NA" if value is None or value is pd.NA else str(value)
            digest.update(text.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


def corpus_summary(corpus: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Articles, words and date range per group (default: per outlet), plus a total row.

    Returns the columns ``<by>, articles, words, first_date, last_date``; ``words`` counts
    the word tokens of :func:`analysis.tokens.tokens_tokenize` (punctuation excluded).

    >>> from analysis.paths import CORPUS_DIR
    >>> corpus_summary(corpus_load(CORPUS_DIR))["articles"].tolist()
    [1, 1, 1, 1, 1, 5]
    """
    from analysis.tokens import tokens_count_words

    if by not in corpus.columns:
        raise KeyError(f"the corpus has no column {by!r} (its columns: {list(corpus.columns)})")
    frame = pd.DataFrame({
        by: corpus[by].fillna(MISSING_OUTLET).astype(str),
        "words": [tokens_count_words(t) for t in corpus["text"]],
        "date": corpus["date"],
    })
    table = (
        frame.groupby(by, sort=True)
        .agg(articles=("words", "size"), words=("words", "sum"),
             first_date=("date", "min"), last_date=("date", "max"))
        .reset_index()
    )
    total = pd.DataFrame([{by: "total", "articles": len(frame), "words": frame["words"].sum(),
                           "first_date": frame["date"].min(), "last_date": frame["date"].max()}])
    table = pd.concat([table, total], ignore_index=True)
    return table.astype({"articles": "int64", "words": "int64"})
