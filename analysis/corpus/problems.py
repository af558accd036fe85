"""What goes wrong with a corpus: :class:`Problem` (one thing wrong, where, what to do),
:class:`CorpusError` (raised with every problem found) and :class:`CorpusReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

__all__ = ["Problem", "CorpusError", "CorpusReport"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it is, and what to do about it.

    ``line`` is a 1-based line number in ``file``, a row number (Parquet, ``unit="row"``),
    a paragraph number (Word documents, ``unit="paragraph"``) or a 0-based byte offset
    (``unit="byte"``); ``None`` when the problem concerns the
    whole file. ``doc_id`` names the article the problem takes out (its id, or where it
    is when it has none); ``None`` when the problem stops the whole corpus from loading.
    A ``"warning"`` takes nothing out.
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    unit: Literal["line", "row", "paragraph", "byte"] = "line"
    doc_id: str | None = None
    severity: Literal["error", "warning"] = "error"

    @property
    def where(self) -> str:
        """The file, and the line, row or byte offset when known."""
        if self.line is None:
            return self.file
        unit = "byte offset" if self.unit == "byte" else self.unit
        return f"{self.file}, {unit} {self.line}"

    def __str__(self) -> str:
        kind = "warning: " if self.severity == "warning" else ""
        text = f"{self.where}: {kind}{self.message}"
        return f"{text} {self.hint}".rstrip() if self.hint else text


class CorpusError(ValueError):
    """Raised when a corpus cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [f"The corpus could not be loaded: {len(errors)} problem(s) found."]
        lines += [f"  - {p}" for p in errors]
        if errors and all(p.doc_id is not None for p in errors):
            lines.append(
                "Fix the problems above, or pass skip_invalid=True (--skip-invalid on the "
                "command line) to leave the articles concerned out and have them listed.")
        else:
            lines.append("Fix the problems above: they concern the corpus as a whole, so "
                         "skipping articles cannot help.")
        super().__init__("\n".join(lines))


@dataclass
class CorpusReport:
    """What :func:`corpus_check` found.

    ``corpus`` holds the articles that load (``None`` when the source cannot be read at
    all), ``problems`` every problem (errors and warnings), ``n_given`` the number of
    articles the source holds, ``skipped`` one entry per article left out (its id, or
    where it is) and ``dropped`` the duplicates a ``dedupe`` mode left out (the table of
    :func:`analysis.corpus.dedupe.duplicates_drop`), so that ``n_given == len(corpus) +
    len(skipped) + len(dropped)`` whenever ``corpus`` is not ``None``.

    ``exports`` lists, per news export file read, the articles it announces and those read
    (:class:`~analysis.corpus.readers.exports.ExportCount`); ``duplicates`` the pairs of
    duplicate articles found (:func:`analysis.corpus.dedupe.duplicates_pairs`, before any
    are dropped), ``None`` when they were not looked for.
    """

    source: str
    corpus: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    n_given: int = 0
    skipped: list[str] = field(default_factory=list)
    exports: list = field(default_factory=list)
    duplicates: pd.DataFrame | None = None
    dropped: pd.DataFrame | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors
