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
from analysis.figures import figures_setup
from analysis.paths import CORPUS_DIR, FIGURES_DIR, NOTEBOOKS_DIR

__all__ = ["NotebookError", "notebooks_list", "notebooks_run", "notebook_start"]


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
    notebooks: list[Path] | None = None,
    progress: bool = True,
) -> list[Path]:
    """Execute the notebooks in order; returns the notebooks run.

    Each notebook receives the parameters it declares among ``corpus_path``, ``out_dir``,
    ``corpus_options`` and ``frames_file``. A failing notebook stops the run with a
    :class:`NotebookError` naming the notebook, the cell and the error; its executed copy is
    kept and its path given.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    values = {
        "corpus_path": str(Path(corpus).resolve()) if corpus is not None else None,
        "out_dir": str(out),
        "corpus_options": dict(corpus_options or {}),
        "frames_file": str(Path(frames_file).resolve()) if frames_file else None,
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


def notebook_start(
    name: str,
    *,
    corpus_path: str | Path | None = None,
    out_dir: str | Path | None = None,
    corpus_options: dict | None = None,
    frames_file: str | Path | None = None,
) -> pd.DataFrame:
    """Load the notebook's corpus (the bundled one when ``corpus_path`` is None) and set up
    figure saving into ``out_dir`` (``figures/`` when None); returns the corpus."""
    corpus = corpus_load(corpus_path or CORPUS_DIR, **(corpus_options or {}))
    figures_setup(out_dir, notebook=name, corpus=corpus, frames_file=frames_file)
    return corpus
