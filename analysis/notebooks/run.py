"""Run the curated notebooks headlessly, as ``discourse figures`` does.

:func:`notebooks_run` executes every notebook in ``notebooks/`` in name order with
papermill, passing the notebook parameters (see :mod:`analysis.notebooks.parameters`).
Every parameter is checked, and the corpus loaded, before the first notebook starts.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from analysis.figures import figures_refuse_corpus
from analysis.notebooks.parameters import PARAMETERS
from analysis.paths import CORPUS_DIR, NOTEBOOKS_DIR

__all__ = ["NotebookError", "notebooks_list", "notebooks_run"]


def _local_kernel_manager():
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class LocalKernelManager(AsyncKernelManager):
        """Talks to the kernel over local (IPC) sockets in the run's working folder, not TCP."""

        @default("transport")
        def _default_transport(self):
            return "ipc"

    return LocalKernelManager


class NotebookError(RuntimeError):
    """A notebook failed, or cannot start; the message names the notebook, the cell and the
    error, or the parameter and what to do."""


def notebooks_list(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in ``folder``, in name order (rq0-..., rq1-..., ...): every one of them
    is run by ``discourse figures``."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


class _UnknownParameterFilter(logging.Filter):
    """Papermill warns about a parameter the notebook's parameter cell does not list;
    :func:`analysis.notebooks.notebook_setup` reads every registered one, so that is fine."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Passed unknown parameter" not in record.getMessage()


def notebooks_run(
    *,
    corpus: str | Path | None = None,
    out_dir: str | Path | None = None,
    corpus_options: dict | None = None,
    frames_file: str | Path | None = None,
    parameters: dict[str, Any] | None = None,
    notebooks: list[Path] | None = None,
    executed_dir: str | Path | None = None,
    progress: bool = True,
) -> list[Path]:
    """Execute the notebooks in order; returns the notebooks run.

    ``corpus``, ``out_dir``, ``corpus_options`` and ``frames_file`` set the parameters of
    the same names (``corpus_path`` for ``corpus``); ``parameters`` sets any registered
    parameter by name. Every parameter is checked (and the corpus loaded) before the first
    notebook starts: a problem raises :class:`NotebookError` with the message. A failing
    notebook stops the run with a :class:`NotebookError` naming the notebook, the cell and
    the error; its executed copy is kept and its path given. ``executed_dir``, when given,
    receives a copy of every executed notebook, with its outputs. Nothing is ever written
    into the corpus folder.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from analysis.notebooks.setup import parameters_check, toolkit_errors

    values = dict(parameters or {})
    given = {"corpus_path": corpus, "out_dir": out_dir, "corpus_options": corpus_options,
             "frames_file": frames_file}
    values.update({k: v for k, v in given.items() if v is not None})
    unknown = sorted(set(values) - set(PARAMETERS))
    if unknown:
        raise NotebookError(f"unknown notebook parameter(s): {', '.join(unknown)}; the "
                            f"parameters are: {', '.join(PARAMETERS)}")
    for key in ("corpus_path", "out_dir", "frames_file"):  # relative: from the caller's folder
        if values.get(key) is not None:
            values[key] = str(Path(values[key]).resolve())
    try:
        if values.get("out_dir") is not None:
            source = values.get("corpus_path") or CORPUS_DIR
            figures_refuse_corpus(values["out_dir"], source)
        setup = parameters_check("", values)
    except toolkit_errors() as exc:
        raise NotebookError(str(exc)) from None
    except ValueError as exc:  # the output folder lies in the corpus
        raise NotebookError(str(exc)) from None
    out = Path(setup.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = notebooks if notebooks is not None else notebooks_list()
    _LocalKernelManager = _local_kernel_manager()
    log = logging.getLogger("papermill")
    quiet = _UnknownParameterFilter()
    log.addFilter(quiet)
    work = Path(tempfile.mkdtemp(prefix="discourse-notebooks-"))
    bar = tqdm(paths, desc="notebooks", unit="notebook", disable=not progress)
    try:
        for path in bar:
            bar.set_postfix_str(path.stem)
            declared = pm.inspect_notebook(str(path))
            # the notebook checks them again; one without a parameter cell gets none
            passed = {k: v for k, v in values.items()
                      if declared and (k in declared or v != PARAMETERS[k].default)}
            executed = work / path.name
            try:
                pm.execute_notebook(
                    str(path), str(executed), parameters=passed, kernel_name="python3",
                    progress_bar=False, cwd=str(work), log_output=False,
                    kernel_manager_class=_LocalKernelManager,
                )
            except PapermillExecutionError as exc:
                kept = Path(tempfile.mkdtemp(prefix="discourse-failed-")) / path.name
                shutil.copy(executed, kept)
                raise NotebookError(
                    f"notebook {path.name} failed in cell {exc.exec_count}: {exc.ename}: "
                    f"{exc.evalue}\nThe executed notebook, with the traceback, is at {kept}"
                ) from None
            if executed_dir is not None:
                Path(executed_dir).mkdir(parents=True, exist_ok=True)
                shutil.copy(executed, Path(executed_dir) / path.name)
    finally:
        bar.close()
        log.removeFilter(quiet)
        shutil.rmtree(work, ignore_errors=True)
    return list(paths)
