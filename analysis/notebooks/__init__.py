"""Notebooks: the set-up call every notebook makes, its parameters, and the headless runner.

- :func:`notebook_setup` (in :mod:`analysis.notebooks.setup`) is the first call after a
  notebook's parameter cell: ``setup = notebook_setup("rq1-vocabulary-by-outlet", globals())``.
- :mod:`analysis.notebooks.parameters` is the registry of the parameters (``corpus_path``,
  ``corpus_options``, ``out_dir``, ``frames_file``, ``by``, ...): one
  :func:`notebook_parameter` call adds one to every notebook and to ``discourse figures``.
- :func:`notebooks_run` (in :mod:`analysis.notebooks.run`) executes every notebook in
  ``notebooks/`` headlessly, as ``discourse figures`` does.
"""

from analysis.notebooks.parameters import (
    PARAMETERS,
    Parameter,
    ParameterError,
    notebook_parameter,
    path_resolve,
    results_dir,
    term_slug,
)

#: The names of :mod:`.run` and :mod:`.setup`, imported on first use: they import matplotlib
#: and the analyses, which the command line needs only when it runs the notebooks.
_LAZY = {"NotebookError": "run", "notebooks_list": "run", "notebooks_run": "run",
         "NotebookSetup": "setup", "notebook_setup": "setup", "notebook_start": "setup",
         "parameters_check": "setup"}

__all__ = ["PARAMETERS", "Parameter", "ParameterError", "notebook_parameter", "path_resolve",
           "results_dir", "term_slug", "NotebookError", "notebooks_list", "notebooks_run", "NotebookSetup",
           "notebook_setup", "notebook_start", "parameters_check"]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"analysis.notebooks.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'analysis.notebooks' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
