"""News exports read as corpus articles: Nexis Uni DOCX and RTF, classic LexisNexis TXT, and
``.zip`` archives of them, alone or in a folder.

The kind of each file is told from its content, not its name (:func:`export_kind`), so the
registry's export readers (``nexis-docx``, ``nexis-rtf``, ``lexisnexis-txt``, ``zip``) share
one :func:`read`. Each article becomes one :class:`~analysis.corpus.readers.base.Entry` whose
record has ``doc_id`` (the file's path inside the source without its suffix, a dash and
the article's position: ``nexis/export-003``), ``outlet, date, title, text`` and the
columns of :data:`EXPORT_COLUMNS`. Each export file also gets an :class:`ExportCount`
(articles announced and read), and a warning where the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from analysis.corpus.decode import _decode
from analysis.corpus.problems import CorpusError, Problem
from analysis.corpus.readers.base import Entry, ReadOptions, ReadResult
from analysis.corpus.readers.export_layout import ExportArticle, ExportParse
from analysis.corpus.readers.lexisnexis_txt import lexisnexis_detect, lexisnexis_parse
from analysis.corpus.readers.nexis_docx import docx_lines
from analysis.corpus.readers.nexis_rtf import rtf_lines, rtf_raw_encoding
from analysis.corpus.readers.nexis_rtf import sniff as rtf_sniff
from analysis.corpus.readers.nexis_uni import nexis_uni_detect, nexis_uni_parse
from analysis.corpus.readers.zip_archive import zip_contents
from analysis.tables import MISSING_GROUP

__all__ = ["EXPORT_COLUMNS", "ExportCount", "export_kind", "text_export", "looks_like_export",
           "export_entries", "read"]

#: The metadata columns of an article read from an export, after ``doc_id, outlet, date,
#: title, text``.
EXPORT_COLUMNS = ["byline", "section", "length_words", "language", "load_date",
                  "source_file", "source_position"]
#: Archives inside archives are unpacked this deep, no deeper.
MAX_DEPTH = 2

Kind = Literal["docx", "rtf", "zip", "text"]


@dataclass
class ExportCount:
    """One export file: where it is (``file``: its path; a member of a zip as
    ``archive.zip/folder/export.docx``), its ``layout`` (``nexis-uni`` or ``lexisnexis``),
    the articles it ``announced`` (``None``: it announces none) and the words that say so
    (``announced_by``), and the articles ``read``."""

    file: str
    layout: str
    announced: int | None
    announced_by: str
    read: int

    @property
    def differs(self) -> bool:
        return self.announced is not None and self.announced != self.read


@dataclass
class _File:
    shown: str         # for messages: the path as the user knows it
    name: str          # inside the source: for ids and source_file
    parse: ExportParse
    unit: str


@dataclass
class _Found:
    files: list[_File] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    others: list[tuple[Path, str]] = field(default_factory=list)


def export_kind(data: bytes) -> Kind:
    """What ``data`` holds: a Word document, an RTF document, another zip archive, or
    text (a classic LexisNexis export, or anything else).

    >>> export_kind(b"{\\\\rtf1\\\\ansi hallo}"), export_kind(b"1 of 2 DOCUMENTS")
    ('rtf', 'text')
    """
    if data[:4] == b"PK\x03\x04":
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if rtf_sniff(data[:64]):
        return "rtf"
    return "text"


def text_export(text: str) -> ExportParse | None:
    """The articles of an export saved as text (classic LexisNexis, or Nexis Uni), or
    ``None`` when ``text`` is not an export."""
    if lexisnexis_detect(text):
        return lexisnexis_parse(text)
    lines = text.split("\n")
    if nexis_uni_detect(lines):
        return nexis_uni_parse(list(enumerate(lines, start=1)))
    return None


def looks_like_export(path: Path) -> bool:
    """Whether a file in a corpus folder is to be read as an export: a ``.docx``, ``.rtf``,
    ``.doc`` or ``.zip`` file, any Word, RTF or zip content, or text holding an ``N of M
    DOCUMENTS`` or ``End of Document`` line."""
    if path.suffix.lower() in {".docx", ".rtf", ".doc", ".zip"}:
        return True
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if export_kind(data) != "text":
        return True
    import re

    return re.search(rb"(?im)^[ \t]*\d+ (?:of|van) \d+ (?:documents?|documenten)[ \t]*\r?$|"
                     rb"^[ \t]*(?:end of document|einde (?:van (?:het )?)?document)[ \t]*\r?$",
                     data) is not None


def _collect(shown: str, name: str, data: bytes, options: ReadOptions, found: _Found, *,
             in_archive: bool, depth: int, path: Path) -> None:
    kind = export_kind(data)
    encoding = options.encoding
    try:
        if kind == "zip":
            if depth >= MAX_DEPTH:
                found.problems.append(Problem(
                    shown, "is an archive inside an archive inside an archive: it is not "
                    "unpacked.", "Unpack it and give the folder.", severity="warning"))
                return
            members, skipped = zip_contents(data, shown=shown,
                                            include_hidden=options.include_hidden)
            found.problems.extend(skipped)
            if not members and not skipped:
                found.problems.append(Problem(
                    shown, "is a zip archive with no files in it.",
                    "Check that you gave the right archive.", severity="warning"))
            for member, content in members:
                _collect(f"{shown}/{member}", f"{name}/{member}", content, options, found,
                         in_archive=True, depth=depth + 1, path=path)
            return
        if kind in ("docx", "rtf"):
            raw_utf8 = False
            if kind == "docx":
                lines = docx_lines(data)
            else:
                raw, raw_utf8 = rtf_raw_encoding(data, encoding)
                lines = rtf_lines(data, raw)
            if not nexis_uni_detect([t for _, t in lines]):
                what = "a Word document" if kind == "docx" else "an RTF document"
                found.problems.append(Problem(
                    shown, f"is {what}, but not a Nexis Uni export (it has no 'End of "
                    "Document' line), so it is not read.",
                    "Download the articles from Nexis Uni again (as Word or RTF), or move "
                    "the file out of the corpus.", severity="warning"))
                return
            if raw_utf8:
                found.problems.append(Problem(
                    shown, "holds its accented letters as raw UTF-8 bytes, not as RTF escapes "
                    "(\\'e9, \\u233): it was read as UTF-8.", "Check a few titles; if they "
                    "look wrong, name the encoding with --encoding (encoding=... in Python).",
                    severity="warning"))
            found.files.append(_File(shown, name, nexis_uni_parse(lines),
                                     "paragraph" if kind == "docx" else "line"))
            return
    except ValueError as exc:
        found.problems.append(Problem(shown, str(exc), "Check that the file is complete "
                                      "(download it again), or remove it."))
        return
    try:
        text, notes = _decode(data, shown, encoding)
    except CorpusError as exc:
        found.problems.extend(exc.problems)
        return
    parse = text_export(text)
    if parse is not None:
        found.problems.extend(notes)
        found.files.append(_File(shown, name, parse, "line"))
    elif in_archive:
        found.problems.append(Problem(
            shown, "is not a news export (Nexis Uni DOCX or RTF, LexisNexis TXT), so it is "
            "not read.", "An archive is read for its exports only: unpack it to read other "
            "files.", severity="warning"))
    else:
        found.others.append((path, shown))


def _id_stem(name: str) -> str:
    parts = [PurePosixPath(p).stem if p.lower().endswith(".zip") else p
             for p in PurePosixPath(name).parts]
    path = PurePosixPath(*parts)
    return path.with_suffix("").as_posix() if path.suffix else path.as_posix()


def _entry(file: _File, article: ExportArticle, count: ExportCount) -> Entry:
    width = max(3, len(str(file.parse.read)))
    doc_id = f"{_id_stem(file.name)}-{article.position:0{width}d}"
    entry = Entry(doc_id, (file.shown, article.line, file.unit), doc_id=doc_id, export=count)
    for note in article.notes:
        entry.problems.append(Problem(file.shown, note.message, note.hint, line=note.line,
                                      unit=file.unit, severity=note.severity))
    entry.record = {
        "doc_id": doc_id,
        "outlet": article.outlet or MISSING_GROUP,
        "date": article.date,
        "title": article.title,
        "text": article.text,
        "byline": article.byline,
        "section": article.section,
        "length_words": "" if article.length_words is None else str(article.length_words),
        "language": article.language,
        "load_date": article.load_date,
        "source_file": file.name,
        "source_position": str(article.position),
    }
    return entry


def _from_request(parse: ExportParse) -> bool:
    return parse.announced_by.lower().startswith(("download", "aanvraag"))


def _count_problems(files: list[_File], counts: list[ExportCount]) -> list[Problem]:
    """Warnings where the articles read differ from those announced. A search downloaded
    in several classic LexisNexis files (``N of M DOCUMENTS`` without a ``Download
    Request`` range) is checked as a whole: together its files must hold articles 1 to M,
    and each file then announces the articles of its own range."""
    problems: list[Problem] = []
    searches: dict[int, list[int]] = {}
    for i, file in enumerate(files):
        parse = file.parse
        if parse.layout == "lexisnexis" and parse.numbers and not _from_request(parse):
            searches.setdefault(parse.total or 0, []).append(i)
        elif counts[i].differs:
            problems.append(_count_problem(file.shown, counts[i]))
    for total, group in searches.items():
        numbers = sorted({n for i in group for n in files[i].parse.numbers})
        missing = sorted(set(range(1, total + 1)) - set(numbers))
        shown = ", ".join(str(n) for n in missing[:10]) + (" ..." if len(missing) > 10 else "")
        for i in group:
            own = files[i].parse.numbers
            if not missing and len(group) > 1:
                counts[i].announced = own[-1] - own[0] + 1
                counts[i].announced_by = f"{own[0]}-{own[-1]} of {total} DOCUMENTS"
                if counts[i].differs:
                    problems.append(_count_problem(files[i].shown, counts[i]))
            elif len(group) == 1:
                if counts[i].differs or missing:
                    problems.append(_count_problem(files[i].shown, counts[i], missing=shown))
            else:
                problems.append(Problem(
                    files[i].shown, f"belongs to a search of {total} articles "
                    f"('{files[i].parse.announced_by}'), of which its {len(group)} files hold "
                    f"{len(numbers)}; missing: {shown}.",
                    "Download the missing articles, or give every file of the search.",
                    severity="warning"))
    return problems


def _count_problem(shown: str, count: ExportCount, *, missing: str = "") -> Problem:
    announced, read, by = count.announced, count.read, count.announced_by
    more = f" (missing: {missing})" if missing else ""
    return Problem(
        shown, f"announces {announced} article(s) ('{by}'), but {read} were read{more}.",
        "The export may be cut off: download it again, or check its last articles by hand."
        if read < announced else
        "Check the export: it holds more articles than it announces.", severity="warning")


def export_entries(files: list[tuple[Path, str]], options: ReadOptions, *,
                   in_folder: bool) -> tuple[list[Entry], list[Problem], list[tuple[Path, str]]]:
    """The articles of the export files ``files`` (``(path, name inside the source)``), the
    problems with files as a whole (announced and read counts among them), and the files
    that are text but no export (``(path, shown name)``), for the folder reader."""
    found = _Found()
    for path, name in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            found.problems.append(Problem(str(path), f"cannot be read ({exc.strerror})."))
            continue
        _collect(str(path), name, data, options, found, in_archive=False, depth=0,
                 path=path)
    counts = [ExportCount(f.shown, f.parse.layout, f.parse.announced, f.parse.announced_by,
                          f.parse.read) for f in found.files]
    problems = list(found.problems)
    for file in found.files:
        problems += [Problem(file.shown, n.message, n.hint, line=n.line, unit=file.unit,
                             severity=n.severity) for n in file.parse.notes]
    problems += _count_problems(found.files, counts)
    entries = [_entry(file, article, count)
               for file, count in zip(found.files, counts, strict=True)
               for article in file.parse.articles]
    if not in_folder:
        for _, shown in found.others:
            problems.append(Problem(
                shown, "is text, but not a news export (no 'N of M DOCUMENTS' or 'End of "
                "Document' line).", "To load articles in .txt files, give the folder that "
                "holds them (with a metadata.csv naming their outlet and date)."))
        found.others = []
    for file in found.files:
        if not file.parse.articles:
            problems.append(Problem(file.shown, "is an export without articles.",
                                    "Check that you gave the right file.",
                                    severity="warning"))
    return entries, problems, found.others


def read(path: Path, options: ReadOptions) -> ReadResult:
    """The articles of one export file, or of every export in a ``.zip`` (see the module
    docstring)."""
    problems: list[Problem] = []
    named = sorted(options.named)
    if named:
        problems.append(Problem(
            str(path), "is a news export: its articles' fields are read from the export, so "
            f"there are no columns to name ({', '.join(named)}).",
            "Drop the --*-column options (text_column=... and the like in Python)."))
    entries, more, _ = export_entries([(path, path.name)], options, in_folder=False)
    return entries, problems + more
