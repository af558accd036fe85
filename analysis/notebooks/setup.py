"""The first call of every notebook: :func:`notebook_setup`.

It reads the notebook's parameters (see :mod:`analysis.notebooks.parameters`), checks them,
loads the corpus, says where results go, and prepares the notebook for a reader: figures
show inline, and the toolkit's own errors (a corpus problem, a frame-file problem, a bad
parameter) show as their short message list, as on the command line, while a bug in the
code keeps its full traceback.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.notebooks.parameters import PARAMETERS, ParameterError
from analysis.tables import MISSING_GROUP, OTHER_GROUP, groups_by, groups_top

__all__ = ["NotebookSetup", "notebook_setup", "notebook_start", "parameters_check",
           "toolkit_errors", "display_setup"]


def toolkit_errors() -> tuple[type[BaseException], ...]:
    """The exception classes that are the user's to fix: shown without a traceback."""
    from analysis.corpus import CorpusError
    from analysis.dictionaries.frames import FrameFileError  # actor files' errors too
    from analysis.timeline.events import EventsFileError

    return (CorpusError, FrameFileError, EventsFileError, ParameterError)


@dataclass
class NotebookSetup:
    """What a notebook works with: ``corpus`` (loaded on first use), ``out_dir`` and every
    registered parameter as an attribute (``setup.by``, ``setup.frames_file``, ...), with
    the checked value; ``parameters`` holds them all by name.
    """

    name: str
    parameters: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _corpus: pd.DataFrame | None = None

    def __getattr__(self, name: str) -> Any:
        parameters = self.__dict__.get("parameters", {})
        if name in parameters:
            return parameters[name]
        raise AttributeError(
            f"the notebook set-up has no {name!r}; registered parameters: "
            f"{', '.join(PARAMETERS)}")

    @property
    def corpus(self) -> pd.DataFrame:
        """The corpus, loaded with ``corpus_path`` and ``corpus_options`` on first use;
        warnings from loading are kept in ``notes`` (and printed by the notebook set-up)."""
        if self._corpus is None:
            from analysis.corpus import corpus_load
            from analysis.paths import CORPUS_DIR

            source = self.parameters.get("corpus_path") or CORPUS_DIR
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                self._corpus = corpus_load(source, **self.parameters.get("corpus_options", {}))
            self.notes += [str(w.message) for w in caught]
        return self._corpus

    def grouped(self, table: pd.DataFrame) -> pd.DataFrame:
        """``table`` (one row per article, sentence or token, with ``doc_id``) with the
        grouping column ``by`` taken from the corpus when it lacks it.

        >>> setup = notebook_setup("example", {"by": "country", "out_dir": "/tmp/x"}, quiet=True)
        >>> setup.grouped(pd.DataFrame({"doc_id": ["001_5172d383a6afa771"]}))["country"].tolist()
        ['BE']
        """
        by = self.parameters["by"]
        if by in table.columns:
            return table
        return table.assign(**{by: groups_by(table, by, corpus=self.corpus)})


def parameters_check(name: str, values: Mapping[str, Any], *,
                     min_groups: int = 1) -> NotebookSetup:
    """Check every registered parameter in ``values`` (missing ones take their default) and
    return the :class:`NotebookSetup` with the checked values; loads the corpus when a
    check needs it. Raises the toolkit error of the first parameter that cannot work.

    The corpus's ``by`` column then holds at most ``max_groups`` groups (see
    :func:`analysis.tables.groups_top`; ``setup.notes`` says what was merged or shortened,
    and the column ``<by>_full`` keeps the names as given), and must hold at least
    ``min_groups`` groups (a notebook that compares groups asks for 2).
    """
    setup = NotebookSetup(name)
    from_file = _parameters_from_file(values, setup)
    for parameter in PARAMETERS.values():
        value = values.get(parameter.name, parameter.default)
        if parameter.name in from_file and _unset(values, parameter):
            value = from_file[parameter.name]
        if isinstance(value, dict | list):
            value = type(value)(value)  # never share the registered default
        if parameter.check is not None:
            value = parameter.check(value, setup)
        setup.parameters[parameter.name] = value
    _groups_limit(setup)
    _groups_require(setup, min_groups)
    return setup


def _unset(values: Mapping[str, Any], parameter) -> bool:
    """Whether ``values`` leaves ``parameter`` at its default (absent, or the default)."""
    return parameter.name not in values or values[parameter.name] == parameter.default


def _parameters_from_file(values: Mapping[str, Any], setup: NotebookSetup) -> dict[str, Any]:
    """The values of the parameters file (``parameters_file``), noted in ``setup.notes``."""
    from analysis.notebooks.parameters import parameters_file_read

    parameter = PARAMETERS["parameters_file"]
    path = parameter.check(values.get("parameters_file", parameter.default), setup)
    from_file = parameters_file_read(path)
    used = [k for k in from_file if _unset(values, PARAMETERS[k])]
    if used:
        setup.notes.append(f"parameters from {path}: {', '.join(used)} (a value set in the "
                           "parameter cell wins over the file's).")
    return from_file


def _groups_limit(setup: NotebookSetup) -> None:
    by, most = setup.parameters["by"], setup.parameters.get("max_groups")
    corpus = setup.corpus
    given = corpus[by].astype("string").fillna(MISSING_GROUP).astype(str)
    shown = groups_top(given, n=most)
    if shown.equals(given):
        return
    corpus = corpus.copy()
    corpus[f"{by}_full"] = corpus[by]
    corpus[by] = shown.astype("string")
    corpus.attrs = setup.corpus.attrs
    setup._corpus = corpus
    pairs = pd.DataFrame({"given": given, "shown": shown}).drop_duplicates()
    merged = pairs[pairs["shown"].eq(OTHER_GROUP) & pairs["given"].ne(OTHER_GROUP)]
    if len(merged):
        articles = int(given.isin(set(merged["given"])).sum())
        setup.notes.append(
            f"{by!r} has {given.nunique():,} groups: the {shown.nunique() - 1} with the most "
            f"articles are shown one by one, the other {len(merged):,} ({articles:,} "
            f"articles) together as {OTHER_GROUP!r}. Set max_groups (--max-groups) to show "
            "more.")
    shortened = pairs[pairs["shown"].ne(pairs["given"]) & pairs["shown"].ne(OTHER_GROUP)]
    if len(shortened):
        setup.notes.append(
            f"{len(shortened)} name(s) in {by!r} are longer than 40 characters and are "
            f"shortened in the tables and figures; the column '{by}_full' keeps them whole.")


def _groups_require(setup: NotebookSetup, min_groups: int) -> None:
    by, corpus = setup.parameters["by"], setup.corpus
    n = corpus[by].nunique(dropna=False)
    if n >= min_groups:
        return
    candidates = [f"{c} ({corpus[c].nunique()})" for c in corpus.columns
                  if c not in {"text", "doc_id", "file", by, f"{by}_full"} and
                  2 <= corpus[c].nunique() <= max(50, min_groups)]
    choose = (f" Columns with {min_groups} or more values: {', '.join(candidates)}."
              if candidates else " No column of this corpus has that many values.")
    raise ParameterError(
        f"by: {by!r} has {n} group(s) in this corpus; this analysis compares groups, so it "
        f"needs at least {min_groups}. Set by (--by) to another column.{choose}")


def notebook_setup(name: str, namespace: Mapping[str, Any] | None = None, *,
                   frames: bool = False, min_groups: int = 1,
                   quiet: bool = False) -> NotebookSetup:
    """Set up notebook ``name``: the one call after its parameter cell.

    ``namespace`` is the notebook's ``globals()``: every registered parameter is read from
    it (its default when the parameter cell does not set it). The set-up makes figures show
    inline and toolkit errors show short (when run in IPython), checks the parameters, loads
    the corpus, prepares the output folder for :func:`analysis.output.figure_save`, prints
    one line on what is analysed and where results go (unless ``quiet``), and returns the
    :class:`NotebookSetup`.

    A relative path is taken from the project root; ``out_dir=None`` writes into
    ``figures/`` for the bundled corpus and ``results/<corpus name>/`` for any other. A
    notebook that uses the frame dictionary passes ``frames=True``: the dictionary's hash is
    then recorded with its outputs. A notebook that compares groups passes ``min_groups=2``.

    >>> setup = notebook_setup("example", {"out_dir": "/tmp/discourse-example"}, quiet=True)
    >>> len(setup.corpus), setup.by, str(setup.out_dir)
    (5, 'outlet', '/tmp/discourse-example')
    """
    from analysis.output.figures import figures_setup

    display_setup()
    setup = parameters_check(name, namespace or {}, min_groups=min_groups)
    frames_file = setup.parameters.get("frames_file") if frames else None
    figures_setup(setup.out_dir, notebook=name, corpus=setup.corpus, frames_file=frames_file,
                  lang=setup.lang, formats=setup.formats)
    if not quiet:
        for note in setup.notes:
            print(f"Note: {note}")
        corpus = setup.corpus
        groups = corpus[setup.by].nunique(dropna=False)
        print(f"{len(corpus)} article(s) from {corpus.attrs.get('source', '')}, compared by "
              f"{setup.by!r} ({groups} group(s)); figures and tables go to {setup.out_dir}")
    return setup


def notebook_start(name: str, *, corpus_path=None, out_dir=None, corpus_options=None,
                   frames_file=False, by: str = "outlet") -> pd.DataFrame:
    """The earlier first call of a notebook: :func:`notebook_setup` with the parameters
    named one by one; returns only the corpus. ``frames_file`` (None: the shipped
    dictionary) says that the notebook uses frames. New notebooks call
    :func:`notebook_setup` with their ``globals()``."""
    values = {"corpus_path": corpus_path, "out_dir": out_dir,
              "corpus_options": corpus_options or {}, "by": by}
    uses_frames = frames_file is not False
    if uses_frames:
        values["frames_file"] = frames_file
    return notebook_setup(name, values, frames=uses_frames).corpus


def display_setup() -> None:
    """In IPython: show matplotlib Figures inline (PNG, sharp on high-resolution screens)
    and the toolkit's errors as their message only. Does nothing elsewhere."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with jupyterlab
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.run_line_magic("matplotlib", "inline")
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    shell.set_custom_exc(toolkit_errors(), _show_short)


def _show_short(shell, etype, value, tb, tb_offset=None):
    """IPython's handler for toolkit errors: the message, in red, no traceback. (IPython
    ignores what a handler returns: it shows the error itself, as an error output.)"""
    lines = str(value).splitlines() or [""]
    stb = [f"\x1b[0;31m{etype.__name__}\x1b[0m: {lines[0]}", *lines[1:]]
    shell._showtraceback(etype, value, stb)
