"""Nexis Uni exports as RTF documents (``.rtf``; older LexisNexis ``.doc`` files are RTF
too): their text, through striprtf.

The articles are split by :mod:`.nexis_uni`; :mod:`.exports` reads the file (see the
registry in :mod:`analysis.corpus.readers`).
"""

from __future__ import annotations

__all__ = ["rtf_lines", "sniff"]


def sniff(head: bytes) -> bool:
    """True when ``head`` starts an RTF document (``{\\rtf``)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf"


def rtf_lines(data: bytes) -> list[tuple[int, str]]:
    """The lines of an RTF document's text, as ``(line number, text)``. Raises
    ``ValueError`` saying why when the document cannot be read."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(data.decode("cp1252", errors="replace"), errors="replace")
    except Exception as exc:  # striprtf raises plain exceptions for broken input
        raise ValueError(f"cannot be read as an RTF document ({exc}).") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), start=1))
