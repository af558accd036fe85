"""Nexis Uni exports as RTF documents (``.rtf``; older LexisNexis ``.doc`` files are RTF
too): their text, through striprtf.

The articles are split by :mod:`.nexis_uni`; :mod:`.exports` reads the file (see the
registry in :mod:`analysis.corpus.readers`).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["rtf_lines", "rtf_raw_encoding", "sniff"]

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def sniff(head: bytes) -> bool:
    """True when ``head`` starts an RTF document (``{\\rtf``)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf"


def rtf_raw_encoding(data: bytes, encoding: str | None = None) -> tuple[str, bool]:
    """The encoding of the raw (unescaped) bytes above 127 in an RTF document, and whether
    it was found to be UTF-8 against the document's own word. RTF writes such letters as
    escapes (``\\'e9``, ``\\u233``) and raw bytes in its code page (``\\ansicpg``,
    Windows-1252 when none is named); some converters write raw UTF-8 instead. The encoding
    the user names comes first; else raw bytes that are valid UTF-8 (with at least one
    letter of two or more bytes) are read as UTF-8.

    >>> rtf_raw_encoding("{\\rtf1\\ansi Kabinét}".encode("utf-8"))
    ('utf-8', True)
    >>> rtf_raw_encoding("{\\rtf1\\ansi Kabinét}".encode("cp1252"))
    ('cp1252', False)
    """
    if encoding is not None:
        return encoding, False
    found = _CODEPAGE.search(data[:4096])
    codepage = f"cp{int(found.group(1))}" if found else "cp1252"
    try:
        codecs.lookup(codepage)
    except LookupError:
        codepage = "cp1252"
    if any(b > 0x7F for b in data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return codepage, False
        return "utf-8", codepage not in ("utf-8", "cp65001")
    return codepage, False


def rtf_lines(data: bytes, encoding: str = "cp1252") -> list[tuple[int, str]]:
    """The lines of an RTF document's text, as ``(line number, text)``; raw bytes above 127
    are read as ``encoding`` (see :func:`rtf_raw_encoding`). Raises ``ValueError`` saying
    why when the document cannot be read."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(data.decode(encoding, errors="replace"), errors="replace")
    except Exception as exc:  # striprtf raises plain exceptions for broken input
        raise ValueError(f"cannot be read as an RTF document ({exc}).") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), start=1))
