"""Export files to corpus rows: the kind of each file told from its content, archives
unpacked, every article made a row, and the articles announced compared with those read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analysis.exports.extract import (
    ExportFileError,
    docx_lines,
    export_kind,
    rtf_lines,
    zip_members,
)
from analysis.exports.lexisnexis import lexisnexis_detect, lexisnexis_parse
from analysis.exports.nexis_uni import nexis_uni_detect, nexis_uni_parse
from analysis.exports.records import ExportArticle, ExportParse

__all__ = ["EXPORT_COLUMNS", "ExportFile", "FileNote", "exports_from_bytes", "export_row",
           "export_count_notes", "text_export"]

#: The metadata columns of a row read from an export, after ``doc_id, outlet, date,
#: title, text``.
EXPORT_COLUMNS = ["byline", "section", "length_words", "language", "load_date",
                  "source_file", "source_position"]
#: Archives inside archives are unpacked this deep, no deeper.
MAX_DEPTH = 2


@dataclass
class ExportFile:
    """One export file read: ``name`` is where it is (a path inside the source; a member
    of a zip as ``archive.zip/folder/export.docx``), ``unit`` what its line numbers count
    (``"paragraph"`` for DOCX, ``"line"`` otherwise)."""

    name: str
    kind: str
    parse: ExportParse
    unit: str = "line"


@dataclass(frozen=True)
class FileNote:
    """A problem with a file as a whole (or a member of an archive)."""

    file: str
    message: str
    hint: str = ""
    severity: str = "error"
    line: int | None = None


@dataclass
class _Found:
    files: list[ExportFile] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)
    others: list[tuple[str, bytes]] = field(default_factory=list)


def text_export(text: str) -> ExportParse | None:
    """The articles of an export saved as text (classic LexisNexis, or Nexis Uni), or
    ``None`` when ``text`` is not an export."""
    if lexisnexis_detect(text):
        return lexisnexis_parse(text)
    lines = text.split("\n")
    if nexis_uni_detect(lines):
        return nexis_uni_parse(list(enumerate(lines, start=1)))
    return None


def exports_from_bytes(name: str, data: bytes, *, decode, in_archive: bool = False,
                       depth: int = 0) -> tuple[list[ExportFile], list[FileNote],
                                                list[tuple[str, bytes]]]:
    """The exports in file ``name``: a DOCX or RTF export, a text export, or a zip of any
    of these (folders inside it too). ``decode(data, name)`` turns a text file's bytes into
    text (raising for an undecodable file).

    Returns the exports read, problems with files as a whole, and the text files that are
    not exports ``(name, bytes)``, for the caller to read as it reads plain articles (a
    text file in an archive that is no export is reported instead).
    """
    found = _Found()
    _collect(name, data, decode, found, in_archive=in_archive, depth=depth)
    return found.files, found.notes, found.others


def _collect(name: str, data: bytes, decode, found: _Found, *, in_archive: bool,
             depth: int) -> None:
    kind = export_kind(data)
    try:
        if kind == "zip":
            if depth >= MAX_DEPTH:
                found.notes.append(FileNote(
                    name, "is an archive inside an archive inside an archive: it is not "
                    "unpacked.", "Unpack it and give the folder.", "warning"))
                return
            members = zip_members(data)
            if not members:
                found.notes.append(FileNote(name, "is a zip archive with no files in it.",
                                            "Check that you gave the right archive.",
                                            "warning"))
            for member, content in members:
                _collect(f"{name}/{member}", content, decode, found, in_archive=True,
                         depth=depth + 1)
            return
        if kind == "docx":
            lines = docx_lines(data)
            if not nexis_uni_detect([t for _, t in lines]):
                found.notes.append(FileNote(
                    name, "is a Word document, but not a Nexis Uni export (it has no 'End of "
                    "Document' line), so it is not read.",
                    "Download the articles from Nexis Uni again as Word (.docx), or remove "
                    "the file.", "warning"))
                return
            found.files.append(ExportFile(name, "docx", nexis_uni_parse(lines), "paragraph"))
            return
        if kind == "rtf":
            lines = rtf_lines(data)
            if not nexis_uni_detect([t for _, t in lines]):
                found.notes.append(FileNote(
                    name, "is an RTF document, but not a Nexis Uni export (it has no 'End of "
                    "Document' line), so it is not read.",
                    "Download the articles from Nexis Uni again, or remove the file.",
                    "warning"))
                return
            found.files.append(ExportFile(name, "rtf", nexis_uni_parse(lines)))
            return
    except ExportFileError as exc:
        found.notes.append(FileNote(name, str(exc), "Check that the file is complete (download "
                                    "it again), or remove it."))
        return
    text = decode(data, name)
    parse = text_export(text)
    if parse is not None:
        found.files.append(ExportFile(name, "text", parse))
    elif in_archive:
        suffix = PurePosixPath(name).suffix.lower()
        found.notes.append(FileNote(
            name, "is not a news export (Nexis Uni DOCX or RTF, LexisNexis TXT), so it is "
            "not read." if suffix in {".txt", ".docx", ".rtf", ".doc"} else
            "is neither a news export nor an article, so it is not read.",
            "Archives are read for their exports only: unpack it to read other files.",
            "warning"))
    else:
        found.others.append((name, data))


def _id_stem(name: str) -> str:
    path = PurePosixPath(name.replace(".zip/", "/").replace(".ZIP/", "/"))
    return path.with_suffix("").as_posix() if path.suffix else path.as_posix()


def export_row(file: ExportFile, article: ExportArticle, *, missing_outlet: str) -> dict:
    """The corpus row of ``article``: ``doc_id`` (the file's path inside the source without
    its suffix, a dash and the article's position, e.g. ``nexis/export-003``), ``outlet,
    date, title, text`` and the columns of :data:`EXPORT_COLUMNS`."""
    width = max(3, len(str(file.parse.read)))
    return {
        "doc_id": f"{_id_stem(file.name)}-{article.position:0{width}d}",
        "outlet": article.outlet or missing_outlet,
        "date": article.date,
        "title": article.title,
        "text": article.text,
        "byline": article.byline,
        "section": article.section,
        "length_words": article.length_words,
        "language": article.language,
        "load_date": article.load_date,
        "source_file": file.name,
        "source_position": article.position,
    }


def export_count_notes(files: list[ExportFile]) -> list[FileNote]:
    """Warnings where the articles read differ from the articles announced.

    A Nexis Uni export announces its articles on its cover page (``Documents (N)``); a
    classic LexisNexis export in its ``Download Request`` range, or by numbering them ``N
    of M DOCUMENTS``. A search downloaded in several classic files is checked as a whole:
    together the files must hold articles 1 to M.
    """
    notes: list[FileNote] = []
    searches: dict[tuple[int, str], list[ExportFile]] = {}
    for file in files:
        parse = file.parse
        if parse.announced is None:
            continue
        if parse.layout == "lexisnexis" and not parse.announced_by.lower().startswith(
                ("download", "aanvraag")):
            searches.setdefault((parse.total or 0, ""), []).append(file)
            continue
        if parse.announced != parse.read:
            notes.append(_count_note(file.name, parse.announced, parse.read,
                                     parse.announced_by))
    for (total, _), group in searches.items():
        numbers = sorted({n for f in group for n in f.parse.numbers})
        if numbers == list(range(1, total + 1)):
            continue
        missing = sorted(set(range(1, total + 1)) - set(numbers))
        shown = ", ".join(str(n) for n in missing[:10]) + (" ..." if len(missing) > 10 else "")
        for file in group:
            parse = file.parse
            if len(group) == 1:
                notes.append(_count_note(file.name, total, parse.read, parse.announced_by,
                                         missing=shown))
            else:
                notes.append(FileNote(
                    file.name, f"belongs to a search of {total} articles ('"
                    f"{parse.announced_by}'), of which its {len(group)} files hold "
                    f"{len(numbers)}; missing: {shown}.",
                    "Download the missing articles, or give every file of the search.",
                    "warning"))
    return notes


def _count_note(name: str, announced: int, read: int, by: str, *,
                missing: str = "") -> FileNote:
    more = f" (missing: {missing})" if missing else ""
    return FileNote(
        name, f"announces {announced} article(s) ('{by}'), but {read} were read{more}.",
        "The export may be cut off: download it again, or check its last articles by hand."
        if read < announced else
        "Check the export: it holds more articles than its cover page says.", "warning")

