"""The one reader of dictionary files (frames, actors): TOML read and checked, every mistake
named with its file and line, and a "did you mean" for a misspelt key.

A dictionary file holds a ``[settings]`` table, one table ``[<table>.<name>]`` per entry
(a frame, an actor) and, for some dictionaries, further top-level tables. A dictionary
module reads its file with :func:`dictionary_text`, parses it with :func:`dictionary_parse`
and walks the entries with :meth:`DictionaryFile.entries`, which checks each entry's name,
keys and required keys; :meth:`DictionaryFile.string` and :meth:`DictionaryFile.patterns`
read a text and a list of patterns (the pattern language of the frame dictionary, with ``=``
for the exact form and ``~s`` for case) and :meth:`DictionaryFile.query` a search string
(``query = "..."``), with the line of a mistake. A byte-order mark is no part of the text; a
folder or an unreadable file is named as such.

>>> book = dictionary_parse('[frames.sancties]\\npatterns = ["sanctie*"]', "f.toml",
...                         table="frames")
>>> [(name, head) for name, spec, head, section in book.entries(keys=("patterns",))]
[('sancties', 1)]
>>> try:
...     list(book.entries(keys=("patterns",), required=("label",)))
... except DictionaryFileError as exc:
...     print(exc)
f.toml, line 1: entry 'sancties': the key 'label' is missing. Every entry needs label.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.query.parse import QueryError, query_parse
from analysis.text.patterns import pattern_flags, pattern_words
from analysis.text.words import HYPHENS

__all__ = ["SETTING_KEYS", "DictionaryFileError", "DictionaryFile", "dictionary_text",
           "dictionary_parse", "dictionary_copy", "pattern_words", "suggest"]

#: The keys of a dictionary's ``[settings]`` table (each true or false).
SETTING_KEYS = ("fold_diacritics",)

_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_PATTERN_CHARS = re.compile(rf"[\w'’*? {HYPHENS}]+\Z")


class DictionaryFileError(ValueError):
    """A mistake in a dictionary file: the message names the file, the line and the entry."""

    #: What an entry of the file is called in messages (``frame 'sancties': ...``).
    unit = "entry"

    def __init__(self, file: str | Path, message: str, *, line: int | None = None,
                 frame: str | None = None, hint: str = ""):
        self.file = str(file)
        self.line = line
        self.frame = frame
        self.hint = hint
        where = self.file + (f", line {line}" if line else "")
        what = f"{self.unit} {frame!r}: " if frame else ""
        text = f"{where}: {what}{message}"
        super().__init__(text + (f" {hint}" if hint else ""))


def suggest(word: str, choices: Sequence[str]) -> str:
    """"Did you mean ...?" for the choice closest to ``word``, else the allowed choices.

    >>> suggest("lable", ("label", "patterns"))
    "Did you mean 'label'?"
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"Did you mean {close[0]!r}?" if close else f"Allowed: {', '.join(choices)}."


def dictionary_text(path: str | Path | None, default: Path, *,
                    error: type[DictionaryFileError] = DictionaryFileError,
                    command: str = "frames") -> tuple[Path, str]:
    """The file (``default`` when ``path`` is None) and its text; ``error`` says what went
    wrong and how to start a dictionary with ``discourse <command> --init FILE``."""
    source = Path(path) if path is not None else default
    try:  # a byte-order mark (as Notepad writes) is no part of the text
        return source, source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error(source, "no such file.",
                    hint="Check the path, or write the default dictionary with "
                    f"`discourse {command} --init FILE`.") from None
    except IsADirectoryError:
        raise error(source, "is a folder, not a dictionary file.",
                    hint="Give the .toml file itself.") from None
    except OSError as exc:
        raise error(source, f"cannot be read ({(exc.strerror or str(exc)).lower()}).",
                    hint="Give a file you may read.") from None
    except UnicodeDecodeError as exc:
        raise error(source, f"not UTF-8 text ({exc.reason} at byte {exc.start}).",
                    hint="Save the file as UTF-8.") from None


def dictionary_copy(path: str | Path, default: Path) -> Path:
    """Write a copy of the shipped dictionary ``default`` to ``path`` for editing (never
    overwrites)."""
    from analysis.io import write_atomic

    target = Path(path)
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose another name or delete it.")
    return write_atomic(target, default.read_bytes())


@dataclass(frozen=True)
class DictionaryFile:
    """A parsed dictionary file: its ``data``, its ``lines`` (to name the line of a
    mistake), its ``settings`` and the ``error`` its mistakes raise."""

    path: str
    data: dict
    lines: list[str]
    settings: dict
    table: str
    error: type[DictionaryFileError]

    def line_of(self, regex: str, start: int = 0, stop: int | None = None) -> int | None:
        """The 1-based number of the first line from ``start`` to ``stop`` (0-based) that
        ``regex`` matches, or None."""
        pattern = re.compile(regex)
        for number in range(start, len(self.lines) if stop is None else stop):
            if pattern.search(self.lines[number]):
                return number + 1
        return None

    def section(self, name: str) -> tuple[int | None, tuple[int, int]]:
        """The 1-based line of the header ``[<table>.<name>]`` (None if not found) and the
        0-based line range of its table (header to next header; the whole file if not
        found)."""
        head = self.line_of(rf"^\s*\[\s*{self.table}\s*\.\s*\"?{re.escape(name)}\"?\s*\]")
        if head is None:
            return None, (0, len(self.lines))
        nxt = self.line_of(r"^\s*\[", head)
        return head, (head - 1, (nxt - 1) if nxt else len(self.lines))

    def key_line(self, key: str, start: int, stop: int) -> int | None:
        """The line of ``key = ...`` between the 0-based lines ``start`` and ``stop``."""
        return self.line_of(rf"^\s*\"?{re.escape(key)}\"?\s*=", start, stop)

    def entries(self, *, keys: Sequence[str], required: Sequence[str] = (),
                name_word: str = "name") -> Iterator[tuple[str, dict, int | None,
                                                             tuple[int, int]]]:
        """``(name, spec, head, section)`` of every ``[<table>.<name>]``, in file order, once
        its name is a lower-case identifier, it is a table, every key is one of ``keys``
        (else a suggestion) and the ``required`` keys are there. ``name_word`` is what a
        name is called in messages (``name``, ``id``)."""
        error, unit = self.error, self.error.unit
        article = "an" if unit[0] in "aeiou" else "a"
        for name, spec in self.data.get(self.table, {}).items():
            head, section = self.section(name)
            if not _NAME.match(name):
                raise error(self.path, f"{article} {unit} {name_word} must be lower-case "
                            "letters, digits and _, starting with a letter.",
                            line=head, frame=name)
            if not isinstance(spec, dict):
                raise error(self.path, f"{article} {unit} must be a table "
                            f"[{self.table}.<{name_word}>].",
                            line=self.line_of(rf"^\s*{re.escape(name)}\s*="), frame=name)
            for key in spec:
                if key not in keys:
                    raise error(self.path, f"unknown key {key!r}.",
                                line=self.key_line(key, *section) or head, frame=name,
                                hint=suggest(key, keys))
            for key in required:
                if key not in spec:
                    raise error(self.path, f"the key {key!r} is missing.", line=head,
                                frame=name,
                                hint=f"Every {unit} needs {', '.join(required)}.")
            yield name, spec, head, section

    def string(self, spec: dict, key: str, *, name: str, head: int | None,
               section: tuple[int, int], required: bool = True) -> str | None:
        """``spec[key]``, a non-empty string with its white space collapsed (None for a
        missing key that is not ``required``)."""
        value = spec.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(self.path, f"{key} must be a non-empty string.",
                             line=self.key_line(key, *section) or head, frame=name)
        return " ".join(value.split())

    def pattern(self, text, *, name: str, key: str, section: tuple[int, int]) -> str:
        """``text`` checked against the pattern language, stripped."""
        start, stop = section
        if not isinstance(text, str):
            raise self.error(self.path, f"{key} must hold strings in quotes, not {text!r}.",
                             line=self.key_line(key, start, stop), frame=name)
        line = self.line_of(rf"[\"']{re.escape(text)}[\"']", start, stop) if text else None
        line = line or self.key_line(key, start, stop)
        pattern = text.strip()
        if not pattern:
            raise self.error(self.path, f"an empty pattern in {key}.", line=line, frame=name,
                             hint="Delete it or write a word.")
        bare = pattern_flags(pattern)[0]
        bad = sorted({c for c in bare if not _PATTERN_CHARS.match(c)})
        if bad:
            raise self.error(
                self.path, f"pattern {text!r} in {key} holds {' '.join(repr(c) for c in bad)}.",
                line=line, frame=name,
                hint="Only letters, digits, apostrophes, spaces, hyphens, * and ? are allowed "
                "(with = before a pattern for the exact form and ~s after it for case); for "
                "AND, OR, NOT and proximity write query = \"...\".")
        words = pattern_words(bare)
        if words and not any(word.strip("*?") for word in words):
            raise self.error(
                self.path, f"pattern {text!r} in {key} is made only of wildcards.", line=line,
                frame=name, hint='Give at least one word with a letter, e.g. "* oceaan".')
        if not _LETTER_OR_DIGIT.search(bare):
            raise self.error(
                self.path, f"pattern {text!r} in {key} holds no letter or digit.", line=line,
                frame=name, hint="Every pattern needs at least one letter or digit.")
        return pattern

    def query(self, spec: dict, *, name: str, head: int | None,
              section: tuple[int, int]) -> str | None:
        """The entry's ``query`` (a search string in the syntax of :mod:`analysis.query`),
        checked by the query grammar and stripped; None when the entry has none."""
        text = spec.get("query")
        if text is None:
            return None
        line = self.key_line("query", *section) or head
        if not isinstance(text, str) or not text.strip():
            raise self.error(self.path, "query must be a search string in quotes.", line=line,
                             frame=name)
        try:
            query_parse(text, name=name)
        except QueryError as exc:
            raise self.error(self.path, str(exc) + ".", line=line, frame=name,
                             hint="See docs/guides/search-strings.md for the syntax.") from None
        return text.strip()

    def patterns(self, spec: dict, key: str, *, name: str, head: int | None,
                 section: tuple[int, int]) -> tuple[list, tuple[str, ...]]:
        """The list ``spec[key]`` (empty when missing) as written and as checked patterns."""
        values = spec.get(key, [])
        if not isinstance(values, list):
            raise self.error(self.path, f"{key} must be a list: {key} = [\"...\", \"...\"].",
                             line=self.key_line(key, *section) or head, frame=name)
        return values, tuple(self.pattern(v, name=name, key=key, section=section)
                             for v in values)


def dictionary_parse(text: str, path: str, *, table: str,
                     error: type[DictionaryFileError] = DictionaryFileError,
                     extra: tuple[str, ...] = ()) -> DictionaryFile:
    """The dictionary file ``text`` (read from ``path``), whose top level holds
    ``[settings]``, ``[<table>.<name>]`` and the tables named in ``extra``; ``error`` names
    the file and line of a mistake: not TOML, an unknown table or setting, a setting that
    is not true or false."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or None
        raise error(path, f"not valid TOML: {exc}.", line=line,
                    hint="Check quotes, commas and brackets on that line.") from None
    book = DictionaryFile(path, data, text.splitlines(), data.get("settings", {}), table, error)
    top_keys = ("settings", table, *extra)
    for key in data:
        if key not in top_keys:
            raise error(path, f"unknown table or key {key!r}.",
                        line=book.line_of(rf"^\s*\[?\s*{re.escape(key)}\b"),
                        hint=suggest(key, top_keys))
    if not isinstance(book.settings, dict):
        raise error(path, "settings must be a table [settings].",
                    line=book.line_of(r"^\s*settings\s*="))
    for key, value in book.settings.items():
        line = book.line_of(rf"^\s*{re.escape(key)}\s*=")
        if key not in SETTING_KEYS:
            raise error(path, f"unknown setting {key!r}.", line=line,
                        hint=suggest(key, SETTING_KEYS))
        if not isinstance(value, bool):
            raise error(path, f"setting {key} must be true or false, not {value!r}.",
                        line=line)
    return book
