"""Lines out of export files: DOCX through python-docx, RTF through striprtf, and the
members of a ``.zip``; the kind of a file is told from its content, not its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from typing import Literal

__all__ = ["export_kind", "docx_lines", "rtf_lines", "zip_members", "ExportFileError",
           "MAX_MEMBER_BYTES"]

#: A member of a .zip larger than this (uncompressed) is refused, not read.
MAX_MEMBER_BYTES = 1 << 30

Kind = Literal["docx", "rtf", "zip", "text"]


class ExportFileError(ValueError):
    """A file that cannot be opened as the kind it claims to be; the message says why."""


def export_kind(data: bytes) -> Kind:
    """What ``data`` holds: a Word document, an RTF document, another zip archive, or
    text (which may be a classic LexisNexis export, or anything else).

    >>> export_kind(b"{\\\\rtf1\\\\ansi hallo}"), export_kind(b"1 of 2 DOCUMENTS")
    ('rtf', 'text')
    """
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return "rtf"
    return "text"


def docx_lines(data: bytes) -> list[tuple[int, str]]:
    """The paragraphs of a Word document in order, as ``(paragraph number, text)``; a
    paragraph with line breaks gives one pair per line, a table one pair per row (cells
    joined by `` | ``). Raises :class:`ExportFileError` when the document cannot be read."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ExportFileError(f"cannot be read as a Word document ({exc}).") from None
    out: list[tuple[int, str]] = []
    for number, item in enumerate(document.iter_inner_content(), start=1):
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                out.append((number, " | ".join(c for c in cells if c)))
        else:
            for line in item.text.split("\n"):
                out.append((number, line))
    return out


def rtf_lines(data: bytes) -> list[tuple[int, str]]:
    """The lines of an RTF document's text, as ``(line number, text)``."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(data.decode("cp1252", errors="replace"), errors="replace")
    except Exception as exc:  # striprtf raises plain exceptions for broken input
        raise ExportFileError(f"cannot be read as an RTF document ({exc}).") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), start=1))


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    """The files in a zip archive, in name order, as ``(path inside the archive, bytes)``;
    folders, hidden files and the ``__MACOSX`` folder are passed over. Raises
    :class:`ExportFileError` for a broken archive or a member too large to be an export."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ExportFileError(f"cannot be read as a zip archive ({exc}).") from None
    out = []
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            path = PurePosixPath(info.filename)
            if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in path.parts):
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                raise ExportFileError(
                    f"holds {info.filename}, of {info.file_size:,} bytes unpacked: too large "
                    "for a news export, so the archive is not read.")
            try:
                out.append((path.as_posix(), archive.read(info)))
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as exc:
                raise ExportFileError(f"cannot unpack {info.filename} ({exc}).") from None
    return out
