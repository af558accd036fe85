"""Run the curated notebooks headlessly, and start each notebook the same way.

:func:`notebooks_run` executes every notebook in ``notebooks/`` in name order with
papermill, passing the corpus, its loading options and the output folder as parameters.
:func:`notebook_start` is the first call of every notebook: it loads the corpus and says
where its figures go.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from analysis.corpus import corpus_load
from analysis.figures import figures_refuse_corpus, figures_setup
from analysis.paths import CORPUS_DIR, FIGURES_DIR, NOTEBOOKS_DIR

__all__ = ["NotebookError", "notebooks_list", "notebooks_run", "notebook_start"]


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
    """A notebook failed; the message names the notebook, the cell and the error."""


def notebooks_list(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in ``folder``, in name order (rq0-..., rq1-..., ...)."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def notebooks_run(
    *,
    corpus: str | Path | None = None,
    out_dir: str | Path = FIGURES_DIR,
    corpus_options: dict | None = None,
    frames_file: str | Path | None = None,
    events_file: str | Path | None = None,
    notebooks: list[Path] | None = None,
    progress: bool = True,
) -> list[Path]:
    """Execute the notebooks in order; returns the notebooks run.

    Each notebook receives the parameters it declares among ``corpus_path``, ``out_dir``,
    ``corpus_options``, ``frames_file`` and ``events_file`` (a CSV ``date,label`` of events
    drawn on the time figures). A failing notebook stops the run with a
    :class:`NotebookError` naming the notebook, the cell and the error; its executed copy is
    kept and its path given. Raises :class:`NotebookError` before running anything when
    ``out_dir`` lies inside the corpus folder: nothing is ever written there.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    _LocalKernelManager = _local_kernel_manager()

    try:
        figures_refuse_corpus(out_dir, corpus if corpus is not None else CORPUS_DIR)
    except ValueError as exc:
        raise NotebookError(str(exc)) from None
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    values = {
        "corpus_path": str(Path(corpus).resolve()) if corpus is not None else None,
        "out_dir": str(out),
        "corpus_options": dict(corpus_options or {}),
        "frames_file": str(Path(frames_file).resolve()) if frames_file else None,
        "events_file": str(Path(events_file).resolve()) if events_file else None,
    }
    paths = notebooks if notebooks is not None else notebooks_list()
    work = Path(tempfile.mkdtemp(prefix="discourse-notebooks-"))
    bar = tqdm(paths, desc="notebooks", unit="notebook", disable=not progress)
    try:
        for path in bar:
            bar.set_postfix_str(path.stem)
            declared = pm.inspect_notebook(str(path))
            parameters = {k: v for k, v in values.items() if k in declared}
            executed = work / path.name
            try:
                pm.execute_notebook(
                    str(path), str(executed), parameters=parameters, kernel_name="python3",
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
    finally:
        bar.close()
        shutil.rmtree(work, ignore_errors=True)
    return list(paths)


_NO_FRAMES = object()


def notebook_start(
    name: str,
    *,
    corpus_path: str | Path | None = None,
    out_dir: str | Path | None = None,
    corpus_options: dict | None = None,
    frames_file: str | Path | None = _NO_FRAMES,  # type: ignore[assignment]
) -> pd.DataFrame:
    """Load the notebook's corpus (the bundled one when ``corpus_path`` is None) and set up
    figure saving into ``out_dir`` (``figures/`` when None); returns the corpus.

    A notebook that uses a frame dictionary passes ``frames_file`` (``None``: the shipped
    one), so that its figures record the hash of the dictionary that made them.
    """
    corpus = corpus_load(corpus_path or CORPUS_DIR, **(corpus_options or {}))
    if frames_file is _NO_FRAMES:
        frames_file = None
    elif frames_file is None:
        from analysis.frames import DEFAULT_FRAMES_FILE

        frames_file = DEFAULT_FRAMES_FILE
    figures_setup(out_dir, notebook=name, corpus=corpus, frames_file=frames_file)
    return corpus
