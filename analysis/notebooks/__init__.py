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
)
from analysis.notebooks.run import NotebookError, notebooks_list, notebooks_run
from analysis.notebooks.setup import (
    NotebookSetup,
    notebook_setup,
    notebook_start,
    parameters_check,
)

__all__ = ["PARAMETERS", "Parameter", "ParameterError", "notebook_parameter", "path_resolve",
           "results_dir", "NotebookError", "notebooks_list", "notebooks_run", "NotebookSetup",
           "notebook_setup", "notebook_start", "parameters_check"]
