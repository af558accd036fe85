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

A frame may also be a trained classifier's labels (``model = "folder"``, with ``class`` and
``level``; :mod:`analysis.dictionaries.frames_model`): each sentence (or article) the model
labels as the frame is a match with ``source`` ``model``, and every statistic above takes it
as any other frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.dictionaries.frames_model import MODEL_KEYS, FrameModel, frames_model_read
from analysis.dictionaries.reader import (
    DictionaryFileError,
    dictionary_copy,
    dictionary_parse,
    dictionary_text,
)
from analysis.paths import DATA_DIR
from analysis.text.patterns import pattern_flags, pattern_words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_FRAMES_FILE",
    "MATCH_COLUMNS",
    "FrameFileError",
    "Frame",
    "FrameDictionary",
    "frames_load",
    "frames_init",
    "frames_pattern_warnings",
    "OPERATOR_WORDS",
]

#: The frame dictionary shipped with the package.
DEFAULT_FRAMES_FILE = DATA_DIR / "frames_default.toml"
#: The columns of :func:`frames_match`, in order.
MATCH_COLUMNS = ["doc_id", "outlet", "sentence_id", "frame", "pattern", "matched_text",
                 "start", "end", "source"]

_FRAME_KEYS = ("label", "label_en", "definition", "patterns", "exclude", "query", *MODEL_KEYS)
_REQUIRED_KEYS = ("label", "definition")
#: Words that are operators in a search string but only words in a pattern.
OPERATOR_WORDS = ("AND", "OR", "NOT")


# --------------------------------------------------------------------------- the file


class FrameFileError(DictionaryFileError):
    """A mistake in a frame dictionary: the message names the file, the line and the frame."""

    unit = "frame"


@dataclass(frozen=True)
class Frame:
    """One frame of a dictionary: its key, label (and English label, when the dictionary
    gives ``label_en``), definition, patterns and exclusions, its search string
    (``query``, in the syntax of :mod:`analysis.query`) and its classifier (``model``, see
    :mod:`analysis.dictionaries.frames_model`) when it has them."""

    name: str
    label: str
    definition: str
    patterns: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    line: int | None = None
    label_en: str | None = None
    query: str | None = None
    model: FrameModel | None = None


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


def frames_pattern_warnings(book: FrameDictionary, matches: pd.DataFrame | None = None,
                            *, unit: str = "frame", pattern: str = "pattern") -> list[str]:
    """What may be wrong with a dictionary's patterns, one sentence each: a pattern that
    holds an operator word (``"kosten AND belasting"`` is a literal phrase, which hardly
    ever matches), and, given the :func:`frames_match` table of a corpus, every pattern and
    query that matches nothing in it. ``unit`` and ``pattern`` name an entry and its
    patterns (``"actor"``, ``"alias"`` for an actor dictionary).

    >>> book = FrameDictionary({"k": Frame("k", "K", "def", ("kosten AND belasting",))})
    >>> print(frames_pattern_warnings(book)[0])  # doctest: +ELLIPSIS
    frame 'k': pattern 'kosten AND belasting' holds the operator word AND, but it is read ...
    """
    out = []
    for frame in book.frames.values():
        for text in frame.patterns:
            words = [w for w in pattern_words(pattern_flags(text)[0])
                     if w.upper() in OPERATOR_WORDS]
            if words:
                out.append(f"{unit} {frame.name!r}: {pattern} {text!r} holds the operator "
                           f"word {words[0].upper()}, but it is read as words in a row; "
                           f"write the search string as query = \"{text}\".")
    silent = (matches.attrs.get("silent_patterns", []) if matches is not None else [])
    for frame, text in silent:
        entry = book.frames.get(frame)
        what = "query" if entry is not None and entry.query == text else pattern
        if entry is not None and entry.model is not None and entry.model.term == text:
            what, text = "model", entry.model.path
        out.append(f"{unit} {frame!r}: {what} {text!r} matches nothing in the corpus.")
    return out


def _parse(text: str, path: str) -> FrameDictionary:
    book = dictionary_parse(text, path, table="frames", error=FrameFileError)
    raw = book.data.get("frames")
    if not isinstance(raw, dict) or not raw:
        raise FrameFileError(path, "no frames found.",
                             hint="Add at least one table [frames.<name>] with label, "
                             "definition and patterns.")
    frames = {}
    for name, spec, head, section in book.entries(keys=_FRAME_KEYS, required=_REQUIRED_KEYS):
        where = {"name": name, "head": head, "section": section}
        for key in ("label", "label_en", "definition"):
            book.string(spec, key, required=False, **where)
        lists = {}
        for key in ("patterns", "exclude"):
            values, checked = book.patterns(spec, key, **where)
            seen = set()
            for original, value in zip(values, checked, strict=True):
                if value.lower() in seen:
                    quoted = re.compile(rf"[\"']{re.escape(original)}[\"']")
                    places = [n + 1 for n in range(*section)
                              for _ in quoted.finditer(book.lines[n])]
                    raise FrameFileError(
                        path, f"pattern {value!r} is listed twice in {key}.",
                        line=places[1] if len(places) > 1 else None,
                        frame=name, hint="Delete one of them.")
                seen.add(value.lower())
            lists[key] = checked
        query = book.query(spec, **where)
        model = frames_model_read(book, spec, **where)
        if not lists["patterns"] and query is None and model is None:
            raise FrameFileError(path, "patterns is empty." if "patterns" in spec else
                                 "the frame has neither patterns nor a query.",
                                 line=book.key_line("patterns", *section) or head,
                                 frame=name, hint="Give at least one pattern, a search "
                                 "string as query = \"...\", or a classifier's folder as "
                                 "model = \"...\".")
        frames[name] = Frame(name, spec["label"].strip(), " ".join(spec["definition"].split()),
                             lists["patterns"], lists["exclude"], head,
                             spec["label_en"].strip() if "label_en" in spec else None, query,
                             model)
    return FrameDictionary(frames, book.settings.get("fold_diacritics", True), path)


def frames_load(path: str | Path | None = None) -> FrameDictionary:
    """Read and check a frame dictionary (TOML); ``None`` reads the shipped default.

    Raises :class:`FrameFileError` naming the file, the line and the frame for a TOML
    syntax error, an unknown or missing key (with a suggestion), a pattern with characters
    outside the pattern language, a pattern listed twice, or a frame's ``model`` that is
    missing, changed after training, of another version or without the ``class`` given.

    >>> frames = frames_load()
    >>> frames.names[:3]
    ['koude_oorlog', 'escalatie', 'sancties']
    >>> frames.frames["sancties"].patterns[0]
    '*sanctie*'
    """
    source, text = dictionary_text(path, DEFAULT_FRAMES_FILE, error=FrameFileError)
    return _parse(text, str(source))


def frames_init(path: str | Path) -> Path:
    """Write a copy of the shipped dictionary to ``path`` for editing (never overwrites)."""
    return dictionary_copy(path, DEFAULT_FRAMES_FILE)
