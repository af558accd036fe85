"""Load a corpus of news articles into one tidy table, and account for every article.

Two input shapes are read:

1. A folder of ``.txt`` files in the seed format: a header `` date YYYY-MM`` or
   `` date YYYY-MM-DD`` before the text, with an optional ``metadata.csv`` beside them
   (a ``file`` column naming each text file, plus any of ``doc_id, outlet, date, title``
   and other columns).
2. One table file with one article a row: CSV (``.csv``, ``.tsv``), JSON Lines
   (``.jsonl``, ``.ndjson``) or Parquet (``.parquet``). Columns that are not called
   ``text, doc_id, outlet, date, title`` are named with the ``*_column`` options.

Every problem found is collected, with the file and line (or row), before anything is
returned: :func:`corpus_check` returns them all, :func:`corpus_load` raises
:class:`CorpusError` listing them all unless ``skip_invalid=True``, in which case the bad
articles are left out and listed in ``corpus.attrs["skipped"]``. Nothing is dropped
silently and nothing is written anywhere.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

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

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)(?:[ \t]+|[ \t]*\n|\Z)")
_DATE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")
_DATETIME = re.compile(r"\A(\d{4}-\d{2}-\d{2})[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?\Z")
# Bytes that Windows-1252 leaves undefined, and control characters no text file holds.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it is, and what to do about it.

    ``line`` is a 1-based line number in ``file`` (or a row number for Parquet, where
    ``unit`` says ``"row"``); ``None`` when the problem concerns the whole file.
    ``doc_id`` names the article the problem takes out, if any.
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    unit: Literal["line", "row", "byte"] = "line"
    doc_id: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, {self.unit} {self.line}"
        text = f"{where}: {self.message}"
        return f"{text} {self.hint}".rstrip() if self.hint else text


class CorpusError(ValueError):
    """Raised when a corpus cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [f"The corpus could not be loaded: {len(errors)} problem(s) found."]
        lines += [f"  - {p}" for p in errors]
        lines.append(
            "Fix the problems above, or pass skip_invalid=True (--skip-invalid on the command "
            "line) to leave the articles concerned out and have them listed."
        )
        super().__init__("\n".join(lines))


@dataclass
class CorpusReport:
    """What :func:`corpus_check` found: the loadable articles, every problem, what was skipped."""

    source: str
    corpus: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    n_given: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def skipped(self) -> list[str]:
        """Ids (or file names) of articles that a problem takes out."""
        seen: dict[str, None] = {}
        for p in self.errors:
            if p.doc_id is not None:
                seen.setdefault(p.doc_id, None)
        return list(seen)

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` read from file ``name``.

    With ``encoding=None`` a byte-order mark selects UTF-8 or UTF-16; otherwise UTF-8 is
    tried, then Windows-1252 (the encoding of older Dutch newspaper exports). Raises
    :class:`CorpusError` naming the file and the byte offset when no encoding fits.
    Line endings are made ``\\n`` and the text is NFC-normalised.
    """
    text: str | None = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise CorpusError([_undecodable(name, exc, encoding)]) from None
        except LookupError:
            raise CorpusError(
                [Problem(name, f"unknown encoding {encoding!r}.",
                         "Name one Python knows, e.g. utf-8, utf-16, cp1252 or latin-1.")]
            ) from None
        text = text.removeprefix("\ufeff")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = [b for b in data if b in _CP1252_UNDEFINED]
            if bad:
                raise CorpusError([_undecodable(name, exc, "utf-8 or cp1252")]) from None
            text = data.decode("cp1252")
    match = _CONTROL.search(text)
    if match:
        raise CorpusError(
            [Problem(name, f"holds a control character (U+{ord(match.group()):04X}) at "
                     f"character {match.start()}: this does not look like a text file, or its "
                     "encoding was guessed wrong.",
                     "Pass the right encoding (--encoding), or remove the file.",
                     line=text.count("\n", 0, match.start()) + 1)]
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError([_undecodable(name, exc, encoding)]) from None


def _undecodable(name: str, exc: UnicodeDecodeError, tried: str) -> Problem:
    return Problem(
        name,
        f"cannot be decoded as {tried}: byte 0x{exc.object[exc.start]:02X} is invalid.",
        "Save the file as UTF-8, or name its encoding with --encoding (e.g. cp1252, latin-1).",
        line=exc.start,
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
        _date(year, month, int(day) if day else 1)
    except ValueError:
        return None
    return value


def _clean(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _bad_date(file: str, line: int | None, value: str, doc_id: str | None, unit="line") -> Problem:
    return Problem(
        file,
        f"the date {value!r} is not a real date in the form YYYY-MM or YYYY-MM-DD.",
        "Correct it (for example 2022-01 or 2022-01-10).",
        line=line,
        unit=unit,
        doc_id=doc_id,
    )


# --------------------------------------------------------------------------- folder


def _read_folder(folder: Path, cols: dict[str, str], named: set[str], encoding: str | None):
    problems: list[Problem] = []
    records: list[dict] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    meta_path = folder / METADATA_NAME
    meta: dict[str, tuple[int, dict[str, str]]] = {}
    if meta_path.exists():
        meta, meta_problems = _read_metadata(meta_path, folder, encoding)
        problems += meta_problems
    if not files and not meta:
        problems.append(Problem(str(folder), "holds no .txt files.",
                                "Point to the folder of articles, or to a CSV/JSONL/Parquet file."))
        return records, problems, 0

    by_name = {p.name: p for p in files}
    for name, (line, _row) in meta.items():
        if name not in by_name:
            problems.append(Problem(
                str(meta_path), f"names the file {name!r}, which is not in {folder}.",
                "Add the file, or remove its row from metadata.csv.", line=line, doc_id=name))
    n_given = len(files) + sum(1 for name in meta if name not in by_name)

    id_col, outlet_col, date_col, title_col = (cols[k] for k in ("doc_id", "outlet", "date",
                                                                   "title"))
    if meta:
        present = set(next(iter(meta.values()))[1])
        for key in named & {"doc_id", "outlet", "date", "title"}:
            if cols[key] not in present:
                problems.append(_missing_column(str(meta_path), cols[key], key, sorted(present)))

    for path in files:
        name = path.name
        shown = str(path)
        try:
            raw = decode_bytes(path.read_bytes(), name=shown, encoding=encoding)
        except CorpusError as exc:
            problems += [
                Problem(p.file, p.message, p.hint, p.line, p.unit, doc_id=path.stem)
                for p in exc.problems
            ]
            continue
        line_no, row = meta.get(name, (None, {}))
        doc_id = _clean(row.get(id_col)) or path.stem
        if meta and name not in meta:
            problems.append(Problem(
                shown, "has no row in metadata.csv, so its outlet and date are unknown.",
                f"Add a row with file={name} to {meta_path.name}, or move the file out of the "
                "corpus folder.", doc_id=doc_id))
        if not raw.strip():
            problems.append(Problem(shown, "is empty.", "Remove it, or put the article in it.",
                                    doc_id=doc_id))
            continue
        header = _HEADER.match(raw)
        if header is None:
            first = raw.split("\n", 1)[0][:40]
            problems.append(Problem(
                shown, f"has no header: the first line should start with ' date YYYY-MM' "
                f"(it starts with {first!r}).",
                "Add the header line with the article's date, e.g. ' date 2022-01'.",
                line=1, doc_id=doc_id))
            continue
        text = raw[header.end():].strip()
        header_date = _normalise_date(header.group(1))
        if header_date is None:
            problems.append(_bad_date(shown, 1, header.group(1), doc_id))
            continue
        if not text:
            problems.append(Problem(shown, "has a header but no text.",
                                    "Put the article's text after the header, or remove the file.",
                                    line=1, doc_id=doc_id))
            continue
        meta_date_raw = _clean(row.get(date_col))
        date = header_date
        if meta_date_raw:
            meta_date = _normalise_date(meta_date_raw)
            if meta_date is None:
                problems.append(_bad_date(str(meta_path), line_no, meta_date_raw, doc_id))
                continue
            if not (meta_date.startswith(header_date) or header_date.startswith(meta_date)):
                problems.append(Problem(
                    str(meta_path), f"gives the date {meta_date} for {name}, whose header says "
                    f"{header_date}.", "Make the two agree.", line=line_no, doc_id=doc_id))
                continue
            date = max(meta_date, header_date, key=len)
        record = {k: _clean(v) for k, v in row.items() if k not in {id_col, outlet_col,
                                                                     date_col, title_col}}
        record.update(
            doc_id=doc_id,
            outlet=_clean(row.get(outlet_col)) or MISSING_OUTLET,
            date=date,
            title=_clean(row.get(title_col)),
            text=text,
            _where=(shown, None, "line"),
        )
        record.setdefault("file", name)
        records.append(record)
    return records, problems, n_given


def _read_metadata(path: Path, folder: Path, encoding: str | None):
    problems: list[Problem] = []
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    try:
        text = decode_bytes(path.read_bytes(), name=str(path), encoding=encoding)
    except CorpusError as exc:
        return rows, exc.problems
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "file" not in reader.fieldnames:
        problems.append(Problem(
            str(path), f"has no 'file' column (its columns: {reader.fieldnames or []}).",
            "Add a column 'file' naming each article's .txt file.", line=1))
        return rows, problems
    for row in reader:
        line = reader.line_num
        name = _clean(row.get("file"))
        if None in row:
            problems.append(Problem(str(path), "has more fields than the header names.",
                                    "Quote values that contain commas.", line=line))
            continue
        if not name:
            problems.append(Problem(str(path), "has a row with an empty 'file'.",
                                    "Fill in the file name or remove the row.", line=line))
            continue
        if _escapes(name):
            problems.append(Problem(
                str(path), f"names {name!r}, a path outside the corpus folder.",
                "Metadata may only name files inside the corpus folder, by their plain name.",
                line=line, doc_id=name))
            continue
        if name in rows:
            problems.append(Problem(
                str(path), f"names the file {name!r} twice (first on line {rows[name][0]}).",
                "Keep one row per file.", line=line, doc_id=name))
            continue
        rows[name] = (line, {k: v for k, v in row.items() if k != "file"})
    return rows, problems


def _escapes(name: str) -> bool:
    for flavour in (PurePosixPath, PureWindowsPath):
        p = flavour(name)
        if p.is_absolute() or p.drive or ".." in p.parts or len(p.parts) != 1:
            return True
    return False


# --------------------------------------------------------------------------- table files


def _read_table(path: Path, cols: dict[str, str], named: set[str], encoding: str | None):
    """Rows of a CSV/JSONL/Parquet file as (line, dict) pairs."""
    shown = str(path)
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    rows: list[tuple[int, dict]] = []
    unit = "line"
    if suffix == ".parquet":
        unit = "row"
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises many types for a broken file
            return [], [Problem(shown, f"cannot be read as Parquet ({exc}).",
                                "Check that the file is a complete Parquet file.")], unit
        columns = [str(c) for c in frame.columns]
        rows = [(i + 1, rec) for i, rec in enumerate(frame.to_dict("records"))]
    else:
        try:
            text = decode_bytes(path.read_bytes(), name=shown, encoding=encoding)
        except CorpusError as exc:
            return [], exc.problems, unit
        if suffix in {".csv", ".tsv"}:
            reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
            columns = list(reader.fieldnames or [])
            start = 2
            for row in reader:
                if None in row:
                    problems.append(Problem(shown, "has more fields than the header names.",
                                            "Quote values that contain the delimiter.",
                                            line=start))
                else:
                    rows.append((start, row))
                start = reader.line_num + 1
        else:
            columns = []
            for number, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(Problem(shown, f"is not valid JSON ({exc.msg}).",
                                            "Each line must hold one JSON object.", line=number))
                    continue
                if not isinstance(obj, dict):
                    problems.append(Problem(shown, "holds a JSON value that is not an object.",
                                            "Each line must hold one JSON object.", line=number))
                    continue
                for key in obj:
                    if key not in columns:
                        columns.append(key)
                rows.append((number, obj))
    if not columns and not problems:
        problems.append(Problem(shown, "holds no articles.", "Check that the file is not empty."))
        return [], problems, unit
    for key, column in cols.items():
        if (key == "text" or key in named) and column not in columns:
            problems.append(_missing_column(shown, column, key, columns))
    return rows, problems, unit


def _missing_column(file: str, column: str, key: str, columns: Iterable[str]) -> Problem:
    option = f"--{key.replace('doc_id', 'id')}-column"
    return Problem(
        file,
        f"has no column {column!r} for the {key.replace('doc_id', 'id')} "
        f"(its columns: {', '.join(map(str, columns)) or 'none'}).",
        f"Name the right column with {option} (or {key.replace('doc_id', 'id')}_column=...).",
    )


def _table_records(path: Path, rows, cols: dict[str, str], unit: str):
    shown = str(path)
    problems: list[Problem] = []
    records: list[dict] = []
    stem = path.stem
    width = max(5, len(str(len(rows))))
    for index, (line, row) in enumerate(rows, start=1):
        doc_id = _clean(row.get(cols["doc_id"])) or f"{stem}-{index:0{width}d}"
        text = unicodedata.normalize("NFC", _clean(row.get(cols["text"])).replace("\r\n", "\n"))
        if not text:
            problems.append(Problem(shown, f"article {doc_id!r} has an empty text.",
                                    "Fill in the text, or remove the row.",
                                    line=line, unit=unit, doc_id=doc_id))
            continue
        raw_date = _clean(row.get(cols["date"]))
        date = _normalise_date(raw_date) if raw_date else None
        if raw_date and date is None:
            problems.append(_bad_date(shown, line, raw_date, doc_id, unit))
            continue
        record = {str(k): _clean(v) for k, v in row.items() if k not in cols.values()}
        record.update(
            doc_id=doc_id,
            outlet=_clean(row.get(cols["outlet"])) or MISSING_OUTLET,
            date=date,
            title=_clean(row.get(cols["title"])),
            text=text,
            _where=(shown, line, unit),
        )
        records.append(record)
    return records, problems


# --------------------------------------------------------------------------- public API


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
    """Read a corpus and report every problem found, without raising for bad articles.

    Returns a :class:`CorpusReport` whose ``corpus`` holds the articles that loaded
    (columns as in :func:`corpus_load`), ``problems`` every problem with its file and line,
    and ``n_given`` the number of articles the source holds. Options as in
    :func:`corpus_load`.
    """
    path = Path(source)
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
        records, problems, n_given = _read_folder(path, cols, named, encoding)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        rows, problems, unit = _read_table(path, cols, named, encoding)
        if any(p.doc_id is None and p.line is None for p in problems):
            return CorpusReport(str(path), None, problems, len(rows))
        records, row_problems = _table_records(path, rows, cols, unit)
        problems += row_problems
        n_given = len(rows) + sum(1 for p in problems if p.line is not None and p.doc_id is None)
    else:
        problem = Problem(str(path), f"has the suffix {path.suffix!r}, which is not a corpus "
                          "format.", "Use a folder of .txt files, or a .csv, .tsv, .jsonl, "
                          ".ndjson or .parquet file.")
        return CorpusReport(str(path), None, [problem])

    first_seen: dict[str, tuple] = {}
    unique: list[dict] = []
    for record in records:
        where = record.pop("_where")
        doc_id = record["doc_id"]
        if doc_id in first_seen:
            file, line, unit = where
            prev = first_seen[doc_id]
            prev_where = prev[0] if prev[1] is None else f"{prev[0]}, {prev[2]} {prev[1]}"
            problems.append(Problem(file, f"the id {doc_id!r} is used twice (also at "
                                    f"{prev_where}).", "Give every article its own id.",
                                    line=line, unit=unit, doc_id=doc_id))
            continue
        first_seen[doc_id] = where
        unique.append(record)
    duplicated = {p.doc_id for p in problems if p.message.startswith("the id ")}
    unique = [r for r in unique if r["doc_id"] not in duplicated]

    frame = pd.DataFrame.from_records(unique) if unique else pd.DataFrame(columns=CORE_COLUMNS)
    extra = [c for c in frame.columns if c not in CORE_COLUMNS]
    frame = frame[CORE_COLUMNS + extra].reset_index(drop=True)
    frame = frame.astype({c: "string" for c in frame.columns if c != "date"})
    frame["date"] = frame["date"].astype("string")
    frame.attrs["source"] = str(path)
    return CorpusReport(str(path), frame, problems, n_given)


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

    - ``doc_id``: the article's id (metadata ``doc_id``, else the file stem; for tables the
      id column, else ``<file stem>-<row number>``),
    - ``outlet``: the outlet, or ``"(unknown)"`` when the source names none,
    - ``date``: ``YYYY-MM`` or ``YYYY-MM-DD`` (``<NA>`` when unknown),
    - ``title``: the headline (``""`` when unknown),
    - ``text``: the article text, NFC-normalised, without the header,

    followed by every other metadata column, all as pandas ``string`` dtype.
    ``attrs["source"]`` names the source and ``attrs["skipped"]`` lists the problems of
    skipped articles (empty unless ``skip_invalid``).

    Raises :class:`CorpusError` listing every problem (file, line and what to do) when any
    article cannot be read; with ``skip_invalid=True`` those articles are left out instead,
    and a warning gives their count.

    >>> from analysis.paths import CORPUS_DIR
    >>> corpus = corpus_load(CORPUS_DIR)
    >>> sorted(corpus["outlet"])
    ['De Morgen', 'NOS', 'NRC', 'Trouw', 'de Volkskrant']
    """
    report = corpus_check(
        source, text_column=text_column, id_column=id_column, outlet_column=outlet_column,
        date_column=date_column, title_column=title_column, encoding=encoding,
    )
    article_level = all(p.doc_id is not None for p in report.errors)
    if report.errors and not (skip_invalid and article_level and report.corpus is not None):
        raise CorpusError(report.problems)
    corpus = report.corpus
    if corpus is None or corpus.empty:
        raise CorpusError(report.problems or [Problem(str(source), "holds no articles.",
                                                      "Check the path.")])
    corpus.attrs["skipped"] = report.errors
    if report.errors:
        warnings.warn(
            f"{len(report.skipped)} of {report.n_given} article(s) skipped as invalid; "
            "see corpus.attrs['skipped'] for each and why.",
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
