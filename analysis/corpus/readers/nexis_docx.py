"""Nexis Uni exports as Word documents (``.docx``): their paragraphs, through python-docx.

The articles are split by :mod:`.nexis_uni`; :mod:`.exports` reads the file (see the
registry in :mod:`analysis.corpus.readers`).
"""

from __future__ import annotations

import io

__all__ = ["docx_lines", "sniff"]


def sniff(head: bytes) -> bool:
    """True when ``head`` surely starts a Word document: a zip archive with a ``word/``
    member among its first (a spreadsheet or a presentation has none)."""
    return head[:4] == b"PK\x03\x04" and b"word/" in head


def docx_lines(data: bytes) -> list[tuple[int, str]]:
    """The paragraphs of a Word document in order, as ``(paragraph number, text)``; a
    paragraph with line breaks gives one pair per line, a table one pair per row (cells
    joined by `` | ``). Raises ``ValueError`` saying why when the document cannot be read."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ValueError(f"cannot be read as a Word document ({exc}).") from None
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
