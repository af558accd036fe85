"""A ``.zip`` of exports, as Nexis Uni delivers a large download (folders inside it too):
its members. :mod:`.exports` reads every export in it (see the registry in
:mod:`analysis.corpus.readers`)."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from analysis.corpus.problems import Problem
from analysis.corpus.readers.base import hidden_part, hidden_problem, system_file

__all__ = ["MAX_MEMBER_BYTES", "MAX_ARCHIVE_BYTES", "sniff", "zip_members", "zip_contents"]

#: A member of a .zip larger than this (unpacked) is refused, not read; so is an archive
#: whose members together are larger than MAX_ARCHIVE_BYTES.
MAX_MEMBER_BYTES = 1 << 30
MAX_ARCHIVE_BYTES = 2 << 30


#: What the first member of a zip of exports is called (a folder, or an export file).
_EXPORT_NAMES = ("/", ".docx", ".rtf", ".txt", ".doc", ".zip")


def sniff(head: bytes) -> bool:
    """True when ``head`` surely starts a zip archive of exports: its first member is a
    folder or an export file (an office document, also a zip, starts with
    ``[Content_Types].xml`` or ``mimetype``).

    >>> sniff(b"PK\x03\x04" + bytes(22) + (8).to_bytes(2, "little") + bytes(2) + b"a/b.docx")
    True
    """
    if head[:4] != b"PK\x03\x04" or len(head) < 30:
        return False
    length = int.from_bytes(head[26:28], "little")
    name = head[30:30 + length].decode("utf-8", errors="replace").lower()
    return name.endswith(_EXPORT_NAMES)


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    """The files in a zip archive, in name order, as ``(path inside the archive, bytes)``;
    see :func:`zip_contents`, which also says what was passed over."""
    return zip_contents(data, shown="archive")[0]


def zip_contents(data: bytes, *, shown: str, include_hidden: bool = False
                 ) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """The files in a zip archive, in name order, as ``(path inside the archive, bytes)``,
    and warnings (about ``shown``, the archive's name) naming the members not read: those
    whose path leads outside the archive (``..``, a leading ``/`` or a drive), and hidden
    files and folders unless ``include_hidden``. Folders and the files the operating system
    keeps (``__MACOSX``, ``.DS_Store``) are passed over. Raises ``ValueError`` for a broken
    archive or a member too large to be an export."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ValueError(f"cannot be read as a zip archive ({exc}).") from None
    out = []
    outside: list[str] = []
    hidden: list[tuple[tuple[str, ...], bool]] = []
    with archive:
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_ARCHIVE_BYTES:
            raise ValueError(f"holds {total:,} bytes unpacked: too large for news exports, so "
                             "the archive is not read.")
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename.replace("\\", "/")
            path = PurePosixPath(name)
            if info.is_dir() or system_file(path.parts):
                continue
            if path.is_absolute() or ".." in path.parts or PureWindowsPath(name).drive:
                outside.append(info.filename)
                continue
            secret = hidden_part(path.parts)
            if secret is not None and not include_hidden:
                hidden.append((secret, len(secret) < len(path.parts)))
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                raise ValueError(
                    f"holds {info.filename}, of {info.file_size:,} bytes unpacked: too large "
                    "for a news export, so the archive is not read.")
            try:
                out.append((path.as_posix(), archive.read(info)))
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as exc:
                raise ValueError(f"cannot unpack {info.filename} ({exc}).") from None
    problems = []
    if outside:
        many = len(outside) > 1
        problems.append(Problem(
            shown, f"holds {', '.join(outside)}, whose path{'s lead' if many else ' leads'} "
            f"outside the archive (a leading / or ..), so {'they are' if many else 'it is'} "
            "not read.", "Unpack the archive and give the file"
            f"{'s themselves' if many else ' itself'}, if "
            f"{'they belong' if many else 'it belongs'} in the corpus.", severity="warning"))
    found = hidden_problem(shown, hidden)
    if found is not None:
        problems.append(found)
    return out, problems
