"""How a corpus is read: the one list of loading options, shared by
:func:`~analysis.corpus.corpus_load`, :func:`~analysis.corpus.corpus_check`, the command
line (``analysis/cli/common.py``) and the partitions of a dataset on a cluster
(:mod:`analysis.cluster.dataset`). A new loading option is a new field of
:class:`CorpusOptions`; the functions' signatures (:func:`corpus_options_signature`), the
notebooks' ``corpus_options`` keys and the per-partition options follow from it.

>>> CorpusOptions(text_column="body", dedupe="outlet").changed()
{'text_column': 'body', 'dedupe': 'outlet'}
>>> CorpusOptions(near=1.5)
Traceback (most recent call last):
ValueError: near must be above 0 and at most 1 (a Jaccard similarity), not 1.5
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import ClassVar, TypeVar

from analysis.corpus.dedupe import DedupeMode

__all__ = ["CorpusOptions", "corpus_options_signature", "corpus_options_given"]

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class CorpusOptions:
    """The options of reading a corpus (keyword options of ``corpus_load``).

    - ``text_column``, ``id_column``, ``outlet_column``, ``date_column``, ``title_column``:
      the columns of a table file that hold the text, id, outlet, date and title
      (default: ``text``, ``doc_id``, ``outlet``, ``date``, ``title``),
    - ``encoding``: the encoding of the text files (default: detected per file),
    - ``include_hidden``: also read hidden files and folders (names starting with ``.``) in
      a folder or a ``.zip`` (default: named in a warning and not read),
    - ``skip_invalid``: leave out the articles that cannot be read instead of raising,
    - ``dedupe`` (``"none"``, ``"outlet"``, ``"corpus"``) and ``near``: duplicate
      articles dropped, see :mod:`analysis.corpus.dedupe`.

    Raises ``ValueError`` for a ``dedupe`` or ``near`` out of range.
    """

    text_column: str | None = None
    id_column: str | None = None
    outlet_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    encoding: str | None = None
    include_hidden: bool = False
    skip_invalid: bool = False
    dedupe: DedupeMode = "none"
    near: float = 1.0

    #: The table columns an option can rename (``--<column>-column``, ``<column>_column``).
    COLUMNS: ClassVar[tuple[str, ...]] = ("text", "id", "outlet", "date", "title")
    #: The options that apply to each source on its own: the columns, the encoding, hidden
    #: files and skipping (duplicates are found across sources).
    PER_FILE: ClassVar[tuple[str, ...]] = ("text_column", "id_column", "outlet_column",
                                           "date_column", "title_column", "encoding",
                                           "include_hidden", "skip_invalid")

    def __post_init__(self):
        if self.dedupe not in ("none", "outlet", "corpus"):
            raise ValueError(f"dedupe must be one of none, outlet, corpus, not {self.dedupe!r}")
        if not 0.0 < float(self.near) <= 1.0:
            raise ValueError(f"near must be above 0 and at most 1 (a Jaccard similarity), "
                             f"not {self.near}")

    @classmethod
    def names(cls) -> list[str]:
        """Every option's name, in order."""
        return [f.name for f in fields(cls)]

    @classmethod
    def of(cls, source: object) -> CorpusOptions:
        """The options an object carries as attributes of the same names (an
        ``argparse.Namespace``); an option it lacks keeps its default."""
        return cls(**{name: getattr(source, name) for name in cls.names()
                      if hasattr(source, name)})

    def keywords(self, *, without: tuple[str, ...] = ()) -> dict[str, object]:
        """Every option as a keyword argument, except those named in ``without``."""
        return {k: v for k, v in asdict(self).items() if k not in without}

    def per_file(self) -> dict[str, object]:
        """The options that apply to each file on its own (:data:`PER_FILE`)."""
        return {k: v for k, v in asdict(self).items() if k in self.PER_FILE}

    def changed(self) -> dict[str, object]:
        """The options that differ from their defaults."""
        default = CorpusOptions()
        return {k: v for k, v in asdict(self).items() if v != getattr(default, k)}

    def columns(self) -> tuple[dict[str, str], frozenset[str]]:
        """The column that holds each core field (``doc_id`` for ``id``), and the fields
        whose column was named."""
        given = {("doc_id" if key == "id" else key): getattr(self, f"{key}_column")
                 for key in self.COLUMNS}
        return ({field: name or field for field, name in given.items()},
                frozenset(field for field, name in given.items() if name is not None))


def corpus_options_signature(*, without: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Give a function ``f(source, **options)`` the options of :class:`CorpusOptions` (but
    those in ``without``) as keyword-only parameters in its signature, as ``help()``,
    Jupyter and :func:`inspect.signature` show it."""
    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        kept = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        options = [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                                     annotation=f.type)
                   for f in fields(CorpusOptions) if f.name not in without]
        func.__signature__ = signature.replace(parameters=kept + options)
        return func
    return decorate


def corpus_options_given(func: Callable, options: dict[str, object]) -> CorpusOptions:
    """The options given to ``func`` (decorated by :func:`corpus_options_signature`); a
    ``TypeError`` names an option ``func`` does not take, as Python does."""
    taken = inspect.signature(func).parameters
    for name in options:
        if name not in taken:
            raise TypeError(f"{func.__name__}() got an unexpected keyword argument {name!r}")
    return CorpusOptions(**options)
