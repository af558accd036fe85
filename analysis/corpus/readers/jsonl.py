"""JSON Lines files (``.jsonl``, ``.ndjson``): one JSON object per line, one article each.

A record that names a key twice (``{"text": "a", "text": "b"}``) is refused, as a CSV file
that names a column twice is: which value is meant cannot be told."""

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


def _shown(value: object) -> str:
    """A value for a message: quoted, and cut after 30 characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return repr(text if len(text) <= 30 else text[:30] + "…")


def _object(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object as a dict; a key given twice raises ``_RepeatedKey`` (``json.loads``
    would keep the last value without a word)."""
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise _RepeatedKey(key, seen[key], value)
        seen[key] = value
    return seen


class _RepeatedKey(ValueError):
    def __init__(self, key: str, first: object, second: object):
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


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
            obj = json.loads(line, object_pairs_hook=_object)
        except _RepeatedKey as exc:
            entry = Entry(f"line {number}", (shown, number, unit))
            entry.problem(f"this record names the key {exc.key!r} twice ({_shown(exc.first)}, "
                          f"then {_shown(exc.second)}), so which value is meant cannot be "
                          "told.", "Give every key once, as every column of a CSV file has "
                          "its own name.")
            rows.append((number, None, entry))
            continue
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
