"""A folder of ``.txt`` files in the seed format, with an optional ``metadata.csv``.

Each ``.txt`` file holds one article: a header `` date YYYY-MM`` or `` date YYYY-MM-DD``
before the text. News exports in the folder (Nexis Uni ``.docx`` and ``.rtf``, LexisNexis
``.txt``, ``.zip`` archives of them; told from their content) are read too, article by
article, through :mod:`analysis.corpus.readers.exports`. ``metadata.csv`` beside them
has a ``file`` column naming each text file by its path inside the folder
(``NRC/001.txt``, never ``../`` or an absolute path) plus any of ``doc_id, outlet, date,
title`` and other columns. Files in subfolders are read too; hidden files and folders
(names starting with ``.``) are named in a warning and not read, unless asked for
(``include_hidden``); the files the operating system keeps (``.DS_Store``) are passed
over; links that lead nowhere are named; the lock files that Word and LibreOffice keep
beside an open document (``~$name``) and other files are named in a warning and not read.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from analysis.corpus.decode import _decode
from analysis.corpus.problems import CorpusError, Problem
from analysis.corpus.readers.base import (
    _COLUMN_HINT,
    _WHAT,
    Entry,
    ReadOptions,
    ReadResult,
    hidden_part,
    hidden_problem,
    missing_column,
    system_file,
)
from analysis.corpus.readers.delimited import (
    _csv_delimiter,
    _csv_rows,
    _field_count_problem,
    _header_columns,
    _row_dict,
)
from analysis.corpus.readers.exports import export_entries, looks_like_export
from analysis.corpus.readers.parts import read as parts_read
from analysis.corpus.readers.parts import table_parts
from analysis.corpus.values import (
    _as_text,
    _bad_date,
    _clean,
    _date_zone,
    _normalise_date,
    _zone_warning,
)
from analysis.tables import MISSING_GROUP

__all__ = ["METADATA_NAME", "read"]

METADATA_NAME = "metadata.csv"
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)(?:[ \t]+|[ \t]*\n|\Z)", re.IGNORECASE)


def _inside(name: str) -> str | None:
    """The path that ``name`` (from metadata.csv) gives inside the corpus folder, with
    ``/`` between folders (``NRC/../NRC/001.txt`` and ``NRC\\001.txt`` give
    ``NRC/001.txt``), or ``None`` when it leads outside: an absolute path, a drive, or more
    ``..`` than folders.

    >>> _inside("NRC/../NRC/001.txt"), _inside("./a.txt"), _inside("nos/../../a.txt")
    ('NRC/001.txt', 'a.txt', None)
    """
    windows = PureWindowsPath(name)
    if windows.drive or windows.root or PurePosixPath(name).is_absolute():
        return None
    key = posixpath.normpath(name.replace("\\", "/"))
    return None if key == ".." or key.startswith("../") else key


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


def read(folder: Path, options: ReadOptions) -> ReadResult:
    """The articles of a folder of seed-format ``.txt`` files (see the module docstring),
    and problems about the folder as a whole. A folder of table parts (Parquet, CSV or
    JSONL files and nothing else) is read by :mod:`analysis.corpus.readers.parts`."""
    if table_parts(folder) is not None:
        return parts_read(folder, options)
    cols, named, encoding = options.columns, options.named, options.encoding
    problems: list[Problem] = []
    entries: list[Entry] = []
    root = folder.resolve()
    meta_path = folder / METADATA_NAME
    txt: dict[str, Path] = {}
    exports: list[tuple[Path, str]] = []
    hidden: list[tuple[tuple[str, ...], bool]] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if system_file(rel.parts):
            continue
        secret = hidden_part(rel.parts)
        if secret is not None and not options.include_hidden:
            if not path.is_dir():
                hidden.append((secret, len(secret) < len(rel.parts)))
            elif secret == rel.parts and not any(path.iterdir()):
                hidden.append((secret, True))  # an empty hidden folder is named too
            continue
        if path.is_symlink() and path.is_dir():
            problems.append(Problem(
                str(path), "is a link to a folder, which is not read.",
                "Copy the articles into the corpus folder instead.", severity="warning"))
            continue
        if path.is_symlink() and not path.exists():
            problems.append(Problem(
                str(path), f"is a link to {path.readlink()}, which does not exist, so it is "
                "not read.", "Remove the link, or restore what it points to.",
                severity="warning"))
            continue
        if path.is_dir():
            continue
        if not path.is_file():
            problems.append(Problem(
                str(path), "is not a regular file (a named pipe, a device or a socket), so "
                "it is not read.", "Move it out of the corpus folder.", severity="warning"))
            continue
        if path.name.startswith("~$"):
            problems.append(Problem(
                str(path), "is a lock file that Word or LibreOffice keeps while a document is "
                "open (its name starts with '~$'), not an article, so it is not read.",
                severity="warning"))
            continue
        key = rel.as_posix()
        if key == METADATA_NAME:
            continue
        if path.resolve().is_relative_to(root) and looks_like_export(path):
            exports.append((path, key))
            continue
        if path.suffix.lower() != ".txt":
            problems.append(Problem(
                str(path), "is neither a .txt file nor a news export, so it is not read.",
                "Move it out of the corpus folder, or save the article as a .txt file with "
                "a ' date YYYY-MM' header.", severity="warning"))
            continue
        txt[key] = path
    found = hidden_problem(str(folder), hidden)
    if found is not None:
        problems.append(found)
    export_found, export_problems, not_exports = export_entries(exports, options,
                                                                in_folder=True)
    problems += export_problems
    for _, shown in not_exports:
        problems.append(Problem(
            shown, "is neither a .txt file nor a news export, so it is not read.",
            "Move it out of the corpus folder, or save the article as a .txt file with a "
            "' date YYYY-MM' header.", severity="warning"))

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
            problems.append(missing_column(str(meta_path), cols[key], key, columns,
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
    orphans: dict[str, Entry] = {}
    width = len(columns) if columns else 0
    for line, row, n_values, delimiter in rows:
        name = _as_text(row.get("file"))[0]
        doc_id = _as_text(row.get(cols["doc_id"]))[0]
        inside = _inside(name) if name else None
        key = inside or ""
        label = doc_id or (name if inside is None else PurePosixPath(key).with_suffix(
            "").as_posix()) if name else doc_id or f"{METADATA_NAME} line {line}"
        entry = Entry(label, (meta_shown, line, "line"))
        if n_values != width:
            _field_count_problem(entry, n_values, width, delimiter)
        elif not name:
            entry.problem("this row has an empty 'file', so no article goes with it.",
                          "Fill in the article's .txt file name, or remove the row.")
        elif inside is None:
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

    header_zoned: list[tuple[str, str]] = []
    meta_zoned: list[tuple[int, str]] = []
    for key, path in txt.items():
        shown = str(path)
        line_no, row = meta_rows.get(key, (None, {}))
        doc_id = _as_text(row.get(cols["doc_id"]))[0] or PurePosixPath(key).with_suffix(
            "").as_posix()
        entry = Entry(doc_id, (shown, None, "line"), doc_id=doc_id)
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
        if _date_zone(header.group(1)):
            header_zoned.append((key, header.group(1)))
        date = header_date
        meta_date_raw = _as_text(row.get(cols["date"]))[0]
        if meta_date_raw:
            meta_date = _normalise_date(meta_date_raw)
            if meta_date is None:
                entry.problems.append(_bad_date(meta_shown, line_no, meta_date_raw, None))
                continue
            if _date_zone(meta_date_raw):
                meta_zoned.append((line_no, meta_date_raw))
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
            outlet=_as_text(row.get(cols["outlet"]))[0] or MISSING_GROUP,
            date=date,
            title=_as_text(row.get(cols["title"]))[0],
            text=text,
            file=key,
        )
        entry.record = record
    entries.extend(orphans.values())
    entries.extend(export_found)
    meta_lines = [(f"line {line}", value) for line, value in sorted(meta_zoned)]
    for file, zoned in ((str(folder), header_zoned), (meta_shown, meta_lines)):
        if (zones := _zone_warning(file, zoned)) is not None:
            problems.append(zones)
    parquet = [p for p in folder.glob("*.parquet") if not p.name.startswith(".")]
    if not entries and parquet:
        # the partition files were each said to be "not read": one message says it all
        problems[:] = [p for p in problems if not p.file.endswith(".parquet")]
        problems.append(Problem(
            str(folder), f"holds {len(parquet)} Parquet file(s) and no articles of its own, "
            "but other files too: it looks like a partitioned dataset, as `discourse import "
            "--partition-rows` writes it.",
            "Move the other files out of the folder: a folder of Parquet parts and nothing "
            "else loads as one corpus (or runs on a Dask cluster with --scheduler local)."))
    elif not entries and not any(p.severity == "error" for p in problems):
        problems.append(Problem(str(folder), "holds no .txt files and no news exports.",
                                "Point to the folder of articles, or to a CSV, JSONL or "
                                "Parquet file, or to a news export."))
    return entries, problems
