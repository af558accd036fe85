"""Read a corpus source with the reader the registry chooses, and account for every article.

:func:`corpus_check` returns every problem found; :func:`corpus_load` raises
:class:`~analysis.corpus.problems.CorpusError` listing them all unless ``skip_invalid``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.corpus.dedupe import (
    NEAR_REPORT,
    DedupeMode,
    dropped_summary,
    duplicates_drop,
    duplicates_pairs,
)
from analysis.corpus.doubts import doubts_check
from analysis.corpus.problems import CorpusError, CorpusReport, Problem
from analysis.corpus.readers import ReadOptions, reader_for, reader_suffixes
from analysis.corpus.readers.base import CORE_COLUMNS, Entry
from analysis.text.words import text_invisible_count, text_normalise

__all__ = ["corpus_check", "corpus_load"]


def _short_place(entry: Entry, source: Path) -> str:
    file, line, unit = entry.where
    name = Path(file)
    if name == source and line is not None:
        return f"{unit} {line}"
    short = name.relative_to(source).as_posix() if name.is_relative_to(source) else name.name
    return short if line is None else f"{short}, {unit} {line}"


def _remove_invisible(entry: Entry) -> None:
    """Normalise the article's text and title with :func:`analysis.text.text_normalise`
    (NFC, the invisible characters removed), with a warning that counts what was removed."""
    record = entry.record
    if record is None:
        return
    found = 0
    for key in ("text", "title"):
        value = record.get(key)
        if isinstance(value, str):
            found += text_invisible_count(value)
            record[key] = text_normalise(value).strip()
    if found and not record.get("text"):
        entry.problem(f"the text holds nothing but {found} invisible character(s) (soft "
                      "hyphens, zero-width spaces or joiners).",
                      "Give the article its text, or remove it.")
    elif found:
        entry.problems.append(Problem(
            entry.where[0], f"{entry.label}: {found} invisible character(s) (soft hyphens, "
            "zero-width spaces or joiners) inside the text or title were removed, so that "
            "the words they split are found and counted whole.", "Nothing to do.",
            line=entry.where[1], unit=entry.where[2] or "line", severity="warning"))


def corpus_check(
    source: str | Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    encoding: str | None = None,
    dedupe: DedupeMode = "none",
    near: float = 1.0,
) -> CorpusReport:
    """Read a corpus and report every problem found, without raising for bad input.

    Returns a :class:`CorpusReport`: ``corpus`` holds the articles that load (columns as
    in :func:`corpus_load`; ``None`` when a problem concerns the whole corpus, such as a
    missing column), ``problems`` every problem with its file and line, ``n_given`` the
    number of articles the source holds, ``skipped`` the articles that a problem takes
    out, ``exports`` the articles announced and read per news export file, ``duplicates``
    the duplicate pairs (exact copies, and near-copies at similarity 0.9, or ``near`` when
    lower) and ``dropped`` what ``dedupe`` leaves out. Options as in :func:`corpus_load`.

    >>> from analysis.paths import CORPUS_DIR
    >>> report = corpus_check(CORPUS_DIR)
    >>> report.ok, report.n_given, len(report.corpus), report.skipped, len(report.duplicates)
    (True, 5, 5, [], 0)
    """
    return _check(source, text_column=text_column, id_column=id_column,
                  outlet_column=outlet_column, date_column=date_column,
                  title_column=title_column, encoding=encoding, dedupe=dedupe, near=near,
                  find_duplicates=True)


def _check(source, *, text_column, id_column, outlet_column, date_column, title_column,
           encoding, dedupe, near, find_duplicates) -> CorpusReport:
    if dedupe not in ("none", "outlet", "corpus"):
        raise ValueError(f"dedupe must be one of none, outlet, corpus, not {dedupe!r}")
    if not 0.0 < float(near) <= 1.0:
        raise ValueError(f"near must be above 0 and at most 1 (a Jaccard similarity), not "
                         f"{near}")
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
    reader = reader_for(path)
    if reader is None:
        suffixes = reader_suffixes()
        hint = (f"Use a folder of .txt files, or a {', '.join(suffixes[:-1])} or "
                f"{suffixes[-1]} file.")
        if path.suffix.lower() == ".txt":
            hint = ("To load articles in .txt files, give the folder that holds them (with a "
                    "metadata.csv naming their outlet and date).")
        elif path.suffix.lower() in {".xlsx", ".xls", ".ods"}:
            hint = "Save the spreadsheet as CSV (UTF-8) and give that file."
        problem = Problem(str(path), f"is not a corpus: files ending in {path.suffix!r} "
                          "cannot be read.", hint)
        return CorpusReport(str(path), None, [problem])
    entries, problems = reader.read(path, ReadOptions(cols, frozenset(named), encoding))
    suffix = path.suffix.lower()
    if not reader.folder and suffix not in reader.suffixes and suffix in reader_suffixes():
        problems.insert(0, Problem(
            str(path), f"is named {suffix} but holds {reader.describe}, so it was read as "
            "such.", f"Rename it to end in {reader.suffixes[0]}.", severity="warning"))

    by_id: dict[str, list[Entry]] = {}
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

    for entry in entries:
        _remove_invisible(entry)
    doubts_check(entries)
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
    exports = list({id(e.export): e.export for e in entries if e.export is not None}.values())
    report = CorpusReport(str(path), None, problems, len(entries),
                          skipped if not blocking else [], exports=exports)
    if blocking:
        return report
    frame = (pd.DataFrame.from_records(records) if records
             else pd.DataFrame(columns=CORE_COLUMNS))
    extra = [c for c in frame.columns if c not in CORE_COLUMNS]
    frame = frame[CORE_COLUMNS + extra].reset_index(drop=True)
    frame = frame.astype({c: "string" for c in frame.columns})
    if find_duplicates:
        report.duplicates = duplicates_pairs(frame, near=min(NEAR_REPORT, near))
    if dedupe != "none":
        report.dropped = duplicates_drop(frame, dedupe=dedupe, near=near,
                                         pairs=report.duplicates)
        frame = frame[~frame["doc_id"].isin(report.dropped["doc_id"])].reset_index(drop=True)
    frame.attrs["source"] = str(path)
    report.corpus = frame
    return report


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
    dedupe: DedupeMode = "none",
    near: float = 1.0,
) -> pd.DataFrame:
    """Load a corpus: a folder (seed-format ``.txt`` files and news exports, in any mix), a
    CSV/TSV/JSONL/Parquet file, a news export (Nexis Uni ``.docx`` or ``.rtf``, LexisNexis
    ``.txt``) or a ``.zip`` of exports.

    Returns one row per article with the columns

    - ``doc_id``: the article's id (metadata ``doc_id``, else the file's path in the folder
      without ``.txt``; for tables the id column, else ``<file stem>-<row number>``),
    - ``outlet``: the outlet, or ``"(unknown)"`` when the source names none,
    - ``date``: ``YYYY-MM`` or ``YYYY-MM-DD`` (``<NA>`` when unknown),
    - ``title``: the headline (``""`` when unknown),
    - ``text``: the article text, NFC-normalised, ``\\n`` line ends, without the header,

    followed by every other metadata column (for a folder: ``file``, the text file's path
    in the folder; for a news export: ``byline, section, length_words`` (the export's own
    word count), ``language`` (ISO code), ``load_date, source_file, source_position``),
    all as pandas ``string`` dtype. ``attrs["source"]`` names the source,
    ``attrs["n_given"]`` counts the articles it holds, ``attrs["skipped_articles"]`` lists
    the articles left out and ``attrs["skipped"]`` the problems that left them out (both
    empty unless ``skip_invalid``), and ``attrs["dropped"]`` the duplicates left out, one
    dict per article with the columns of :func:`~analysis.corpus.dedupe.duplicates_drop`
    (``pd.DataFrame(corpus.attrs["dropped"])`` makes it a table).

    ``dedupe`` drops duplicate articles: ``"outlet"`` keeps one copy per outlet,
    ``"corpus"`` one copy overall (the first by date, then by id), ``"none"`` (the
    default) keeps all. ``near`` (default 1.0: exact copies only) also counts as copies
    the texts whose word 5-gram sets have a Jaccard similarity of at least ``near``. See
    :mod:`analysis.corpus.dedupe`; a warning says how many were dropped.

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
    report = _check(
        source, text_column=text_column, id_column=id_column, outlet_column=outlet_column,
        date_column=date_column, title_column=title_column, encoding=encoding,
        dedupe=dedupe, near=near, find_duplicates=False,
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
    # Records, not a DataFrame: pandas compares attrs when it concatenates tables.
    corpus.attrs["dropped"] = ([] if report.dropped is None
                               else report.dropped.to_dict("records"))
    for problem in report.warnings:
        warnings.warn(str(problem), stacklevel=2)
    if report.skipped:
        warnings.warn(
            f"{len(report.skipped)} of {report.n_given} article(s) skipped as invalid: "
            f"{', '.join(report.skipped)}; see corpus.attrs['skipped'] for why.",
            stacklevel=2,
        )
    if report.dropped is not None and not report.dropped.empty:
        warnings.warn(
            f"{dropped_summary(report.dropped)} (dedupe={dedupe!r}, near={near}); see "
            "corpus.attrs['dropped'] for which article each one copies.", stacklevel=2)
    return corpus
