"""JSON Lines files (``.jsonl``, ``.ndjson``): one JSON object per line, one article each."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from analysis.corpus.readers.base import Entry, ReadOptions, ReadResult
from analysis.corpus.readers.table import table_read, table_text

__all__ = ["read", "sniff"]

_OBJECT_START = re.compile(r"\s*\{\s*\"")


def sniff(head: bytes) -> bool:
    """True when the file starts with a JSON object whose first key is a string."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head, encoding = head[len(bom):], codec
            break
    else:
        encoding = "utf-8"
    text = head.decode(encoding, errors="ignore")
    return _OBJECT_START.match(text) is not None


def read(path: Path, options: ReadOptions) -> ReadResult:
    """The articles of a JSON Lines file, and problems about the whole file."""
    shown = str(path)
    text, problems = table_text(path, options)
    if text is None:
        return [], problems
    unit = "line"
    columns: list[str] = []
    rows: list = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            entry = Entry(f"line {number}", (shown, number, unit))
            entry.problem(f"this line is not valid JSON ({exc.msg} at character "
                          f"{exc.pos + 1}).",
                          "Each line must hold one complete JSON object, e.g. "
                          '{"doc_id": "a1", "text": "..."}.')
            rows.append((number, None, entry))
            continue
        if not isinstance(obj, dict):
            entry = Entry(f"line {number}", (shown, number, unit))
            entry.problem("this line holds a JSON value that is not an object.",
                          "Each line must hold one JSON object, e.g. "
                          '{"doc_id": "a1", "text": "..."}.')
            rows.append((number, None, entry))
            continue
        for key in obj:
            if key not in columns:
                columns.append(key)
        rows.append((number, obj, None))
    return table_read(path, rows, columns, problems, options, unit)
