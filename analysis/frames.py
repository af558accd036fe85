"""Frames: an editable dictionary of words and phrases per frame, and every match audited.

A frame dictionary is a commented TOML file (the shipped default is
:data:`DEFAULT_FRAMES_FILE`; its header explains the pattern language). :func:`frames_load`
reads and checks it; :func:`frames_match` finds every match in a corpus, with its article,
sentence and character offsets, so that every count can be traced back to the text.
The statistics of the match table live in :mod:`analysis.frames_stats` and are
importable from here too:

- :func:`frames_count`: hits, hits per 1,000 words and articles with the frame, per group,
- :func:`frames_audit`: every distinct form a frame's patterns caught, with its count,
- :func:`frames_cooccurrence`: frames found together in a sentence or an article,
- :func:`frames_kwic`: each match in its context.

Matching is done once per distinct token form of the corpus (from the cached
:func:`analysis.tokens.tokens_corpus` table), not once per running word, so it scales to
corpora of millions of words; phrases that run over several tokens are confirmed on the
article text.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.frames_stats import (  # the statistics of the match table, re-exported
    frames_audit,
    frames_cooccurrence,
    frames_count,
    frames_kwic,
)
from analysis.paths import DATA_DIR
from analysis.spans import spans_overlap
from analysis.tables import groups_by
from analysis.text import HYPHENS, text_normalise

__all__ = [
    "DEFAULT_FRAMES_FILE",
    "MATCH_COLUMNS",
    "FrameFileError",
    "Frame",
    "FrameDictionary",
    "frames_load",
    "frames_init",
    "frames_match",
    "frames_count",
    "frames_audit",
    "frames_cooccurrence",
    "frames_kwic",
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
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
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
    if not _LETTER_OR_DIGIT.search(pattern):
        raise error(path, f"pattern {text!r} in {key} holds no letter or digit.", line=line,
                    frame=name, hint="Every pattern needs at least one letter or digit.")
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


def frames_init(path: str | Path) -> Path:
    """Write a copy of the shipped dictionary to ``path`` for editing (never overwrites)."""
    return _copy_default(path, DEFAULT_FRAMES_FILE)


def _copy_default(path: str | Path, default: Path) -> Path:
    from analysis.io import write_atomic

    target = Path(path)
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose another name or delete it.")
    return write_atomic(target, default.read_bytes())


# --------------------------------------------------------------------------- patterns

_STAR = rf"(?:\w|[{HYPHENS}](?=\w))*"
_BLANK = r"[^\S\n]*\n?[^\S\n]*"
_JOIN = rf"(?:{_BLANK}(?:[{HYPHENS}]{_BLANK})?)"


def _words(pattern: str) -> list[str]:
    return [w for w in re.split(rf"[\s{HYPHENS}]+", pattern) if w]


def _fold(text: str) -> str:
    """Strip accents and diaeresis, letter by letter (``deëscalatie`` -> ``deescalatie``)."""
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return char


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """For each base letter, the characters that fold to it (itself first)."""
    table: dict[str, list[str]] = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = _fold_char(char)
        if base != char and base.isascii():
            for c in {char.lower(), char}:
                table.setdefault(base.lower(), [base.lower()]).append(c)
    return {k: "".join(dict.fromkeys(v)) for k, v in table.items()}


def _literal(text: str, fold: bool) -> str:
    accented = _accented() if fold else {}
    out = []
    for char in (_fold(text).lower() if fold else text):
        variants = "'’" if char in "'’" else accented.get(char)
        out.append(f"[{variants}]" if variants else re.escape(char))
    return "".join(out)


def _word_regex(word: str, fold: bool) -> str:
    parts = re.split(r"([*?])", word)
    return "".join(_STAR if p == "*" else r"\w" if p == "?" else _literal(p, fold)
                   for p in parts if p)


def _pattern_regex(pattern: str, fold: bool) -> tuple[str, str, bool]:
    """(regex for the whole pattern on the text, regex for the types, is a phrase)."""
    words = _words(pattern)
    bodies = [_word_regex(w, fold) for w in words]
    if len(words) == 1:
        full = rf"(?<!\w){bodies[0]}(?!\w)"
        return full, full, False
    full = rf"(?<!\w){_JOIN.join(bodies)}{_STAR}(?!\w)"
    return full, rf"(?<!\w)(?={bodies[0]})", True


def _core(pattern: str) -> str:
    """The longest run of letters in the pattern's first word, folded and lower-cased: every
    token form the pattern can match contains it."""
    chunks = re.split(r"[*?]", _words(pattern)[0].replace("’", "'"))
    return max((_fold(c).lower() for c in chunks), key=len)


def _fold_lower_table(text: str) -> dict[int, str]:
    """A one-character-for-one translation to lower case without accents."""
    table = {}
    for char in set(text):
        target = "'" if char == "’" else _fold(char.lower())[:1] or char
        if target != char:
            table[ord(char)] = target
    return table


@dataclass(frozen=True)
class _Compiled:
    frame: int
    pattern: str
    order: int
    exclude: bool
    phrase: bool
    text_regex: re.Pattern
    type_regex: re.Pattern
    core: str


def _compile(frames: FrameDictionary, fold: bool) -> list[_Compiled]:
    out = []
    for f_index, frame in enumerate(frames.frames.values()):
        for exclude, patterns in ((False, frame.patterns), (True, frame.exclude)):
            for order, pattern in enumerate(patterns):
                full, probe, phrase = _pattern_regex(pattern, fold)
                out.append(_Compiled(f_index, pattern, order, exclude, phrase,
                                     re.compile(full, re.IGNORECASE),
                                     re.compile(probe, re.IGNORECASE), _core(pattern)))
    return out


# --------------------------------------------------------------------------- matching


def _type_hits(types: list[str], compiled: list[_Compiled]) -> pd.DataFrame:
    """Every match of every pattern inside every distinct token form:
    ``code, offset_start, offset_end, rule`` (rule = index into ``compiled``).

    A fast literal search for each pattern's core in all forms (lower-cased, unaccented)
    picks the forms worth a closer look; the pattern's own regex then decides."""
    joined = "\n".join(types)
    bounds = np.cumsum([0] + [len(t) + 1 for t in types])
    folded = joined.translate(_fold_lower_table(joined))
    codes, starts, ends, rules = [], [], [], []
    found: dict[str, np.ndarray] = {}
    for i, rule in enumerate(compiled):
        if rule.core not in found:
            positions = [m.start() for m in re.finditer(re.escape(rule.core), folded)]
            found[rule.core] = np.unique(np.searchsorted(bounds, positions, side="right") - 1)
        regex = rule.type_regex
        for code in found[rule.core].tolist():
            for m in regex.finditer(types[code]):
                codes.append(code)
                starts.append(m.start())
                ends.append(m.end())
                rules.append(i)
    return pd.DataFrame({"code": np.asarray(codes, dtype=np.int64),
                         "offset_start": np.asarray(starts, dtype=np.int64),
                         "offset_end": np.asarray(ends, dtype=np.int64),
                         "rule": np.asarray(rules, dtype=np.int64)})


def _resolve(cand: pd.DataFrame) -> np.ndarray:
    """Indices of the candidates kept: no overlaps, the longest wins (then the earliest,
    then the pattern listed first). ``cand`` is sorted by doc, start."""
    if cand.empty:
        return np.array([], dtype=np.int64)
    doc = cand["doc"].to_numpy()
    start = cand["start"].to_numpy()
    end = cand["end"].to_numpy()
    new_doc = np.r_[True, doc[1:] != doc[:-1]]
    # A candidate starts a new cluster when it begins at or after every earlier end.
    reach = pd.Series(end).groupby(doc).cummax().shift(1).to_numpy()
    new_cluster = new_doc | (start >= np.nan_to_num(reach, nan=-1))
    heads = np.flatnonzero(new_cluster)
    sizes = np.diff(np.r_[heads, len(cand)])
    keep = np.repeat(sizes == 1, sizes)
    order = cand["order"].to_numpy()
    for head, size in zip(heads[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
        ranked = sorted(range(head, head + size),
                        key=lambda i: (start[i] - end[i], start[i], order[i]))
        taken: list[tuple[int, int]] = []
        for i in ranked:
            if all(end[i] <= a or start[i] >= b for a, b in taken):
                taken.append((start[i], end[i]))
                keep[i] = True
    return np.flatnonzero(keep)


def _drop_excluded(hits: pd.DataFrame, excl: pd.DataFrame) -> pd.DataFrame:
    if excl.empty or hits.empty:
        return hits
    overlap = spans_overlap(*(hits[c].to_numpy(np.int64) for c in ("doc", "start", "end")),
                            *(excl[c].to_numpy(np.int64) for c in ("doc", "start", "end")))
    return hits[~overlap]

def frames_match(
    corpus: pd.DataFrame,
    frames: FrameDictionary | str | Path | None = None,
    *,
    fold_diacritics: bool | None = None,
) -> pd.DataFrame:
    """Every match of every frame in the corpus, one row per match.

    ``frames`` is a dictionary from :func:`frames_load`, the path of a dictionary file, or
    ``None`` for the shipped default. ``fold_diacritics`` overrides the dictionary's
    setting (``True``: ``deëscalatie`` = ``deescalatie``).

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``sentence_id``: the sentence (as in :func:`analysis.tokens.tokens_sentences`) in
      which the match starts,
    - ``frame``: the frame's key (categorical, every frame of the dictionary in file order),
    - ``pattern``: the pattern that matched, as written in the dictionary,
    - ``matched_text``: the text matched, as written in the article,
    - ``start``, ``end``: character offsets into the article's ``text``
      (``text[start:end] == matched_text``),

    ordered by article, offset and frame. Within a frame matches never overlap (the longest
    wins) and a match overlapping one of the frame's exclusions is dropped; different
    frames may share words. ``attrs["frame_labels"]`` maps each frame to its label.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Na de Koude-Oorlogsretoriek volgen EU-sancties."]})
    >>> m = frames_match(c)
    >>> m[["frame", "matched_text", "start", "end"]].values.tolist()
    [['koude_oorlog', 'Koude-Oorlogsretoriek', 6, 27], ['sancties', 'EU-sancties', 35, 46]]
    """
    from analysis.tokens import tokens_corpus

    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    fold = book.fold_diacritics if fold_diacritics is None else bool(fold_diacritics)
    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id {dup!r} occurs more than once; every article needs its "
                         "own doc_id.")
    compiled = _compile(book, fold)
    tokens = tokens_corpus(corpus)
    texts = [text_normalise(t) for t in corpus["text"].astype(str).tolist()]
    token_cat = tokens["token"].cat
    types = token_cat.categories.astype(str).tolist()
    type_hits = _type_hits(types, compiled)

    codes = token_cat.codes.to_numpy()
    wanted = np.zeros(len(types) + 1, dtype=bool)
    wanted[type_hits["code"].to_numpy()] = True
    rows = np.flatnonzero(wanted[codes])
    occ = pd.DataFrame({
        "row": rows,
        "code": codes[rows].astype(np.int64),
        "doc": tokens["doc_id"].cat.codes.to_numpy()[rows].astype(np.int64),
        "sentence_id": tokens["sentence_id"].to_numpy()[rows],
        "tok_start": tokens["start"].to_numpy()[rows],
    })
    cand = occ.merge(type_hits, on="code", how="inner")
    cand["start"] = cand["tok_start"] + cand["offset_start"]
    cand["end"] = cand["tok_start"] + cand["offset_end"]
    phrase = np.array([r.phrase for r in compiled], dtype=bool)
    is_phrase = phrase[cand["rule"].to_numpy()] if len(cand) else np.array([], dtype=bool)
    if is_phrase.any():
        ends = cand["end"].to_numpy().copy()
        docs = cand["doc"].to_numpy()
        starts = cand["start"].to_numpy()
        rule_ids = cand["rule"].to_numpy()
        for i in np.flatnonzero(is_phrase):
            m = compiled[rule_ids[i]].text_regex.match(texts[docs[i]], starts[i])
            ends[i] = m.end() if m else -1
        cand["end"] = ends
        cand = cand[cand["end"] > cand["start"]]
    rule_frame = np.array([r.frame for r in compiled], dtype=np.int64)
    rule_excl = np.array([r.exclude for r in compiled], dtype=bool)
    rule_order = np.array([r.order for r in compiled], dtype=np.int64)
    cand = cand.assign(frame=rule_frame[cand["rule"].to_numpy()],
                       exclude=rule_excl[cand["rule"].to_numpy()],
                       order=rule_order[cand["rule"].to_numpy()])
    cand = cand.drop_duplicates(["frame", "exclude", "doc", "start", "end", "rule"])

    kept = []
    for f_index in range(len(book.frames)):
        mine = cand[cand["frame"] == f_index]
        hits = _drop_excluded(mine[~mine["exclude"]], mine[mine["exclude"]])
        hits = hits.sort_values(["doc", "start", "end", "order"]).reset_index(drop=True)
        kept.append(hits.iloc[_resolve(hits)])
    found = pd.concat(kept, ignore_index=True) if kept else cand.iloc[:0]
    found = found.sort_values(["doc", "start", "frame", "end"]).reset_index(drop=True)
    return _match_table(found, corpus, texts, compiled, book)


def _match_table(found, corpus, texts, compiled, book) -> pd.DataFrame:
    doc = found["doc"].to_numpy()
    doc_ids = corpus["doc_id"].astype(str).to_numpy()
    outlets = groups_by(corpus, "outlet").to_numpy()
    starts = found["start"].to_numpy().astype(np.int64)
    ends = found["end"].to_numpy().astype(np.int64)
    table = pd.DataFrame({
        "doc_id": pd.Categorical(doc_ids[doc], categories=pd.unique(doc_ids)),
        "outlet": pd.Categorical(outlets[doc], categories=pd.unique(outlets)),
        "sentence_id": found["sentence_id"].to_numpy().astype(np.int32),
        "frame": pd.Categorical.from_codes(found["frame"].to_numpy().astype(np.int64),
                                           categories=book.names),
        "pattern": [compiled[r].pattern for r in found["rule"].tolist()],
        "matched_text": [texts[d][a:b] for d, a, b in zip(doc.tolist(), starts.tolist(),
                                                         ends.tolist(), strict=True)],
        "start": starts,
        "end": ends,
    })
    table.attrs["frame_labels"] = dict(book.labels)
    table.attrs["frame_labels_en"] = book.labels_en
    return table
