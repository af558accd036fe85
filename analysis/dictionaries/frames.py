"""Frames: an editable dictionary of words and phrases per frame, and every match audited.

A frame dictionary is a commented TOML file (the shipped default is
:data:`DEFAULT_FRAMES_FILE`; its header explains the pattern language). :func:`frames_load`
reads and checks it; :func:`frames_match` finds every match in a corpus, with its article,
sentence and character offsets, so that every count can be traced back to the text.
The matcher is :mod:`analysis.dictionaries.matcher`; the statistics of the match table live
in :mod:`analysis.dictionaries.frames_stats` (all importable from :mod:`analysis.dictionaries`):

- :func:`frames_count`: hits, hits per 1,000 words and articles with the frame, per group,
- :func:`frames_audit`: every distinct form a frame's patterns caught, with its count,
- :func:`frames_cooccurrence`: frames found together in a sentence or an article,
- :func:`frames_kwic`: each match in its context.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.paths import DATA_DIR
from analysis.text.words import HYPHENS

__all__ = [
    "DEFAULT_FRAMES_FILE",
    "MATCH_COLUMNS",
    "FrameFileError",
    "Frame",
    "FrameDictionary",
    "frames_load",
    "frames_init",
]

#: The frame dictionary shipped with the package.
DEFAULT_FRAMES_FILE = DATA_DIR / "frames_default.toml"
#: The columns of :func:`frames_match`, in order.
MATCH_COLUMNS = ["doc_id", "outlet", "sentence_id", "frame", "pattern", "matched_text",
                 "start", "end"]

_FRAME_KEYS = ("label", "label_en", "definition", "patterns", "exclude")
_REQUIRED_KEYS = ("label", "definition", "patterns")
_SETTING_KEYS = ("fold_diacritics",)
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_PATTERN_CHARS = re.compile(rf"[\w'’*? {HYPHENS}]+\Z")


# --------------------------------------------------------------------------- the file


class FrameFileError(ValueError):
    """A mistake in a frame dictionary: the message names the file, the line and the frame."""

    #: What an entry of the file is called in messages (``frame 'sancties': ...``).
    unit = "frame"

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


@dataclass(frozen=True)
class Frame:
    """One frame of a dictionary: its key, label (and English label, when the dictionary
    gives ``label_en``), definition, patterns and exclusions."""

    name: str
    label: str
    definition: str
    patterns: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    line: int | None = None
    label_en: str | None = None


@dataclass(frozen=True)
class FrameDictionary:
    """The frames of one dictionary file, in file order, and its settings."""

    frames: dict[str, Frame]
    fold_diacritics: bool = True
    path: str = ""
    labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.labels.update({name: f.label for name, f in self.frames.items()})

    @property
    def names(self) -> list[str]:
        return list(self.frames)

    @property
    def labels_en(self) -> dict[str, str]:
        """Frame key -> English label: ``label_en`` where the file gives it, else ``label``."""
        return {name: f.label_en or f.label for name, f in self.frames.items()}


def _line_of(lines: list[str], regex: str, start: int = 0, stop: int | None = None) -> int | None:
    pattern = re.compile(regex)
    for number in range(start, len(lines) if stop is None else stop):
        if pattern.search(lines[number]):
            return number + 1
    return None


def _section(lines: list[str], name: str, table: str = "frames"
             ) -> tuple[int | None, tuple[int, int]]:
    """The 1-based line of the header ``[<table>.<name>]`` (None if not found) and the
    0-based line range of its table (header to next header; the whole file if not found)."""
    head = _line_of(lines, rf"^\s*\[\s*{table}\s*\.\s*\"?{re.escape(name)}\"?\s*\]")
    if head is None:
        return None, (0, len(lines))
    nxt = _line_of(lines, r"^\s*\[", head)
    return head, (head - 1, (nxt - 1) if nxt else len(lines))


def _key_line(lines: list[str], key: str, start: int, stop: int) -> int | None:
    return _line_of(lines, rf"^\s*\"?{re.escape(key)}\"?\s*=", start, stop)


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"Did you mean {close[0]!r}?" if close else f"Allowed: {', '.join(choices)}."


def _words(pattern: str) -> list[str]:
    return [w for w in re.split(rf"[\s{HYPHENS}]+", pattern) if w]


def _check_pattern(text, *, path, lines, name, key, section, error=FrameFileError) -> str:
    """``text`` checked against the pattern language, stripped; ``error`` (a subclass of
    :class:`FrameFileError`) names the file, line and entry when it is not a pattern."""
    start, stop = section
    if not isinstance(text, str):
        raise error(path, f"{key} must hold strings in quotes, not {text!r}.",
                    line=_key_line(lines, key, start, stop), frame=name)
    line = _line_of(lines, rf"[\"']{re.escape(text)}[\"']", start, stop) if text else None
    line = line or _key_line(lines, key, start, stop)
    pattern = text.strip()
    if not pattern:
        raise error(path, f"an empty pattern in {key}.", line=line, frame=name,
                    hint="Delete it or write a word.")
    if not _PATTERN_CHARS.match(pattern):
        bad = sorted({c for c in pattern if not _PATTERN_CHARS.match(c)})
        raise error(
            path, f"pattern {text!r} in {key} holds {' '.join(repr(c) for c in bad)}.",
            line=line, frame=name,
            hint="Only letters, digits, apostrophes, spaces, hyphens, * and ? are allowed.")
    for word in _words(pattern):
        if not word.strip("*?"):
            raise error(
                path, f"pattern {text!r} in {key} has a word made only of wildcards.",
                line=line, frame=name, hint="Every word needs at least one letter.")
    return pattern


def _read_toml(text: str, path: str, *, table: str = "frames", error=FrameFileError,
               extra: tuple[str, ...] = ()) -> tuple[dict, list[str], dict]:
    """``(data, lines, settings)`` of a dictionary file whose top level holds ``[settings]``,
    ``[<table>.<name>]`` and the tables named in ``extra``; ``error`` names the file and
    line of a mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or None
        raise error(path, f"not valid TOML: {exc}.", line=line,
                    hint="Check quotes, commas and brackets on that line.") from None
    lines = text.splitlines()
    top_keys = ("settings", table, *extra)
    for key in data:
        if key not in top_keys:
            raise error(path, f"unknown table or key {key!r}.",
                        line=_line_of(lines, rf"^\s*\[?\s*{re.escape(key)}\b"),
                        hint=_suggest(key, top_keys))
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise error(path, "settings must be a table [settings].",
                    line=_line_of(lines, r"^\s*settings\s*="))
    for key, value in settings.items():
        line = _line_of(lines, rf"^\s*{re.escape(key)}\s*=")
        if key not in _SETTING_KEYS:
            raise error(path, f"unknown setting {key!r}.", line=line,
                        hint=_suggest(key, _SETTING_KEYS))
        if not isinstance(value, bool):
            raise error(path, f"setting {key} must be true or false, not {value!r}.",
                        line=line)
    return data, lines, settings


def _parse(text: str, path: str) -> FrameDictionary:
    data, lines, settings = _read_toml(text, path)
    raw = data.get("frames")
    if not isinstance(raw, dict) or not raw:
        raise FrameFileError(path, "no frames found.",
                             hint="Add at least one table [frames.<name>] with label, "
                             "definition and patterns.")
    frames = {}
    for name, spec in raw.items():
        head, section = _section(lines, name)
        if not _NAME.match(name):
            raise FrameFileError(path, "a frame name must be lower-case letters, digits and "
                                 "_, starting with a letter.", line=head, frame=name)
        if not isinstance(spec, dict):
            raise FrameFileError(path, "a frame must be a table [frames.<name>].",
                                 line=_line_of(lines, rf"^\s*{re.escape(name)}\s*="),
                                 frame=name)
        for key in spec:
            if key not in _FRAME_KEYS:
                raise FrameFileError(path, f"unknown key {key!r}.",
                                     line=_key_line(lines, key, *section) or head, frame=name,
                                     hint=_suggest(key, _FRAME_KEYS))
        for key in _REQUIRED_KEYS:
            if key not in spec:
                raise FrameFileError(path, f"the key {key!r} is missing.", line=head,
                                     frame=name,
                                     hint=f"Every frame needs {', '.join(_REQUIRED_KEYS)}.")
        for key in ("label", "label_en", "definition"):
            if key in spec and (not isinstance(spec[key], str) or not spec[key].strip()):
                raise FrameFileError(path, f"{key} must be a non-empty string.",
                                     line=_key_line(lines, key, *section) or head, frame=name)
        lists = {}
        for key in ("patterns", "exclude"):
            values = spec.get(key, [])
            if not isinstance(values, list):
                raise FrameFileError(path, f"{key} must be a list: {key} = [\"...\", \"...\"].",
                                     line=_key_line(lines, key, *section) or head, frame=name)
            checked = [_check_pattern(v, path=path, lines=lines, name=name, key=key,
                                      section=section) for v in values]
            seen = set()
            for original, value in zip(values, checked, strict=True):
                if value.lower() in seen:
                    quoted = re.compile(rf"[\"']{re.escape(original)}[\"']")
                    places = [n + 1 for n in range(*section)
                              for _ in quoted.finditer(lines[n])]
                    raise FrameFileError(
                        path, f"pattern {value!r} is listed twice in {key}.",
                        line=places[1] if len(places) > 1 else None,
                        frame=name, hint="Delete one of them.")
                seen.add(value.lower())
            lists[key] = tuple(checked)
        if not lists["patterns"]:
            raise FrameFileError(path, "patterns is empty.",
                                 line=_key_line(lines, "patterns", *section) or head,
                                 frame=name, hint="Give at least one pattern.")
        frames[name] = Frame(name, spec["label"].strip(), " ".join(spec["definition"].split()),
                             lists["patterns"], lists["exclude"], head,
                             spec["label_en"].strip() if "label_en" in spec else None)
    return FrameDictionary(frames, settings.get("fold_diacritics", True), path)


def frames_load(path: str | Path | None = None) -> FrameDictionary:
    """Read and check a frame dictionary (TOML); ``None`` reads the shipped default.

    Raises :class:`FrameFileError` naming the file, the line and the frame for a TOML
    syntax error, an unknown or missing key (with a suggestion), a pattern with characters
    outside the pattern language, or a pattern listed twice.

    >>> frames = frames_load()
    >>> frames.names[:3]
    ['koude_oorlog', 'escalatie', 'sancties']
    >>> frames.frames["sancties"].patterns[0]
    '*sanctie*'
    """
    source, text = _read_dictionary(path, DEFAULT_FRAMES_FILE)
    return _parse(text, str(source))


def _read_dictionary(path: str | Path | None, default: Path, *, error=FrameFileError,
                     command: str = "frames") -> tuple[Path, str]:
    """The file (``default`` when ``path`` is None) and its text; ``error`` says what went
    wrong and how to start a dictionary with ``discourse <command> --init FILE``."""
    source = Path(path) if path is not None else default
    try:
        return source, source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(source, "no such file.",
                    hint="Check the path, or write the default dictionary with "
                    f"`discourse {command} --init FILE`.") from None
    except UnicodeDecodeError as exc:
        raise error(source, f"not UTF-8 text ({exc.reason} at byte {exc.start}).",
                    hint="Save the file as UTF-8.") from None


def frames_init(path: str | Path) -> Path:
    """Write a copy of the shipped dictionary to ``path`` for editing (never overwrites)."""
    return _copy_default(path, DEFAULT_FRAMES_FILE)


def _copy_default(path: str | Path, default: Path) -> Path:
    from analysis.io import write_atomic

    target = Path(path)
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose another name or delete it.")
    return write_atomic(target, default.read_bytes())


