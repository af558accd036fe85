"""Dutch sentences: Punkt with the shipped abbreviation list, and what the tokens depend on.

- :func:`sentences_split` splits a text into sentences with NLTK's Punkt algorithm and a
  Dutch abbreviation list shipped with the package (no NLTK data download); paragraphs
  (line breaks) always end a sentence.
- :data:`ENGINE` chooses how: ``"compiled"`` (the default: Punkt decided for all texts at
  once by :mod:`analysis.tokens.punkt`, without importing NLTK, and the tokens of
  :mod:`analysis.tokens.compiled`) or ``"python"`` (the reference: NLTK's own Punkt);
  both give the same sentences and tokens.
- :func:`tokens_settings` is what the sentences and tokens depend on besides the texts:
  the key of the token store (:mod:`analysis.tokens.store`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from analysis.text.words import (
    _KIND_OF_GROUP,
    _KINDS,
    _TOKEN,
    abbreviations_load,
)
from analysis.tokens.punkt import PunktBulk

__all__ = [
    "ENGINE",
    "sentences_split",
    "sentences_spans",
    "tokens_settings",
    "TOKENIZER_MODULES",
]

if TYPE_CHECKING:  # nltk takes a second to import: only when a corpus is tokenised
    from nltk.tokenize.punkt import PunktSentenceTokenizer


Engine = Literal["compiled", "python"]
#: How sentences and tokens are found: ``"compiled"`` (compiled kernels, see
#: :mod:`analysis.tokens.compiled`) or ``"python"`` (the reference: NLTK Punkt and
#: Python's ``re`` on every text). Both give the same tables, value for value.
ENGINE: Engine = "compiled"

def _engine(engine: Engine | None) -> Engine:
    """``engine``, or :data:`ENGINE` for None; a ``ValueError`` for any other name."""
    engine = ENGINE if engine is None else engine
    if engine not in ("compiled", "python"):
        raise ValueError(f"unknown tokenizing engine {engine!r}: use 'compiled' or 'python'")
    return engine



# --------------------------------------------------------------------------- sentences


@lru_cache(maxsize=1)
def _default_abbreviations() -> frozenset[str]:
    """The shipped abbreviation list, read once per process."""
    return abbreviations_load()


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=8)
def _punkt_bulk(abbreviations: frozenset[str]) -> PunktBulk:
    return PunktBulk(abbreviations)


_PARAGRAPH = re.compile(r"[^\n]+")
_WHITESPACE = re.compile(r"\s")

#: Paragraphs longer than this many characters are given to Punkt in overlapping pieces:
#: NLTK stops any regular-expression scan after five seconds of wall-clock time, which a
#: paragraph of some megabytes exceeds (an export that lost its line breaks).
PIECE_CHARS = 20_000
#: A sentence end found within this many characters of a piece's end is decided again in
#: the next piece, where the words after it are in view.
_PIECE_MARGIN = 1_000


def _punkt_spans(span_tokenize: Callable[[str], Iterable[tuple[int, int]]],
                 para: str) -> Iterable[tuple[int, int]]:
    """Punkt's sentence spans of one paragraph (by ``span_tokenize``, Punkt's or
    :class:`analysis.tokens.punkt.PunktBulk`'s), read in pieces of at most ``PIECE_CHARS``.

    Each piece starts at a sentence start; its sentences are kept except those whose end
    Punkt decided without seeing ``_PIECE_MARGIN`` characters after it, and the next
    piece starts at the first sentence not kept. So the spans are Punkt's own on the
    whole paragraph. A stretch of ``PIECE_CHARS`` characters without any sentence end is
    cut at its last white space (or, without any, at ``PIECE_CHARS``).
    """
    if len(para) <= PIECE_CHARS:
        yield from span_tokenize(para)
        return
    margin = min(_PIECE_MARGIN, PIECE_CHARS // 4)
    start = 0
    while start < len(para):
        piece = para[start:start + PIECE_CHARS]
        spans = list(span_tokenize(piece))
        if start + len(piece) >= len(para):
            yield from ((start + a, start + b) for a, b in spans)
            return
        keep = 0
        while keep + 1 < len(spans) and spans[keep + 1][0] < len(piece) - margin:
            keep += 1
        if keep == 0 and len(spans) > 1:
            keep = 1
        if keep:
            yield from ((start + a, start + b) for a, b in spans[:keep])
            start += spans[keep][0]
            continue
        cut = max((m.start() for m in _WHITESPACE.finditer(piece, margin)), default=0)
        cut = cut or len(piece)
        yield start, start + cut
        start += cut


def sentences_split(
    text: str, *, abbreviations: Iterable[str] | None = None, engine: Engine | None = None
) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``.

    Every line break ends a sentence (headings and captions stand alone); within a line,
    Punkt splits at sentence-final punctuation except after the known abbreviations.
    Leading and trailing white space is not part of a span. ``engine`` (default
    :data:`ENGINE`) chooses how Punkt is run; both give the same spans.

    >>> text = "Dhr. Rjabkov kwam o.a. op 10 jan. 2022 aan. Daarna sprak hij."
    >>> [text[a:b] for a, b in sentences_split(text)]
    ['Dhr. Rjabkov kwam o.a. op 10 jan. 2022 aan.', 'Daarna sprak hij.']
    """
    abbrevs = _default_abbreviations() if abbreviations is None else frozenset(
        a.lower().rstrip(".") for a in abbreviations)
    if _engine(engine) == "compiled":
        _, starts, ends = _spans_compiled([text], abbrevs)
        return list(zip(starts.tolist(), ends.tolist(), strict=True))
    span_tokenize = _punkt(abbrevs).span_tokenize
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        offset = para.start()
        for start, end in _punkt_spans(span_tokenize, para.group()):
            piece = text[offset + start: offset + end]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                spans.append((offset + start + lead, offset + start + lead + len(stripped)))
    return spans




def sentences_spans(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sentences of every text of ``texts``, as :func:`sentences_split` finds them
    with the shipped abbreviations (engine ``"compiled"``), found for all texts at once:
    the number of sentences of each text, and the starts and ends of all of them (in
    order, as offsets into their text).

    >>> counts, starts, ends = sentences_spans(["Eén. Twee!", "", "Drie"])
    >>> counts.tolist(), starts.tolist(), ends.tolist()
    ([2, 0, 1], [0, 5, 0], [4, 10, 4])
    """
    return _spans_compiled(texts, _default_abbreviations())


def _spans_compiled(texts: list[str], abbreviations: frozenset[str]
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    bulk = _punkt_bulk(abbreviations)
    return bulk.sentences(texts, piece_chars=PIECE_CHARS,
                          long_paragraph=lambda p: _punkt_spans(bulk.span_tokenize, p))


def tokens_settings() -> dict[str, str]:
    """What the sentences and tokens depend on besides the texts, as the token store keys
    them: the abbreviation list, the token pattern and kinds, the piece sizes of long
    paragraphs, the NLTK (Punkt) and Unicode (NFC) versions, a digest of this module's and
    :mod:`analysis.text`'s code (a changed rule is a new key even before a new release) and
    the toolkit version. Read at each call, so a changed setting is seen at once.

    >>> sorted(tokens_settings())
    ['code', 'tokenizer', 'version']
    """
    import analysis

    return {"tokenizer": _tokenizer_digest(_default_abbreviations(), _TOKEN.pattern,
                                           _TOKEN.flags),
            "code": _code_digest(), "version": analysis.__version__}


@lru_cache(maxsize=8)
def _tokenizer_digest(abbreviations: frozenset[str], pattern: str, flags: int) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        nltk_version = version("nltk")
    except PackageNotFoundError:  # pragma: no cover - nltk is a dependency
        nltk_version = "?"
    settings = {"abbreviations": sorted(abbreviations), "pattern": pattern, "flags": flags,
                "kinds": list(_KINDS), "kind_of_group": sorted(_KIND_OF_GROUP.items()),
                "piece_chars": PIECE_CHARS, "piece_margin": _PIECE_MARGIN,
                "nltk": nltk_version, "unicode": unicodedata.unidata_version}
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode("utf-8")).hexdigest()


#: The modules whose code makes the sentences and tokens: a change to any of them is a new
#: key of the token store (list here any module tokenising moves into).
TOKENIZER_MODULES = ("analysis.text.words", "analysis.tokens.compiled",
                     "analysis.tokens.punkt", "analysis.tokens.sentences",
                     "analysis.tokens.corpus_tables")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    import importlib

    digest = hashlib.sha256()
    for name in TOKENIZER_MODULES:
        digest.update(Path(importlib.import_module(name).__file__).read_bytes())
    return digest.hexdigest()



