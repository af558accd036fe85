"""Run the curated notebooks headlessly, as ``discourse figures`` does.

:func:`notebooks_run` executes every notebook in ``notebooks/`` in name order with
papermill, passing the notebook parameters (see :mod:`analysis.notebooks.parameters`).
Every parameter is checked, and the corpus loaded, before the first notebook starts.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from analysis.output.figures import (
    OUTPUT_SUFFIXES,
    OutputFolderError,
    captions_check,
    manifest_owns,
    manifest_read,
    manifest_write,
)
from analysis.io import OutputInCorpusError, output_check
from analysis.notebooks.parameters import PARAMETERS
from analysis.paths import NOTEBOOKS_DIR

__all__ = ["NotebookError", "notebooks_list", "notebooks_run"]


def _local_kernel_manager():
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class LocalKernelManager(AsyncKernelManager):
        """Talks to the kernel over local (IPC) sockets in the run's working folder, not TCP,
        and keeps the kernel's own log (its start-up and shut-down messages, and its
        reaction to Ctrl-C) out of the terminal: what the notebook prints is in its outputs."""

        @default("transport")
        def _default_transport(self):
            return "ipc"

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_launch_kernel(kernel_cmd, **kw)

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
    parameter by name. ``executed_dir``, when given, receives a copy of every executed
    notebook, with its outputs.

    Before the first notebook starts, every parameter is checked (and the corpus loaded),
    the output folder is locked against a second run, and its ``MANIFEST.csv`` is checked:
    a problem raises :class:`NotebookError` with the message. The notebooks write into a
    staging folder inside the output folder; only when every notebook succeeded are their
    files moved into the output folder, replacing those of the previous run (files the
    toolkit did not write are never touched). A failing notebook stops the run with a
    :class:`NotebookError` naming the notebook, the cell and the error (its executed copy
    is kept and its path given); a failure or an interruption leaves the output folder as
    it was, and the staging folder is removed on any exit.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from analysis.notebooks.setup import parameters_check, toolkit_errors

    values = dict(parameters or {})
    values.setdefault("parameters_file", None)  # only a file given with --parameters
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
            output_check(values["out_dir"], values.get("corpus_path"))
        setup = parameters_check("", values, min_groups=2)  # the notebooks compare groups
    except (*toolkit_errors(), OutputInCorpusError) as exc:
        raise NotebookError(str(exc)) from None
    out = Path(setup.out_dir)
    paths = list(notebooks if notebooks is not None else notebooks_list())
    with _locked(out):
        try:
            previous = manifest_read(out)
            captions_check(out, previous)
        except OutputFolderError as exc:
            raise NotebookError(str(exc)) from None
        _refuse_changed(out, previous, {p.stem for p in paths})
        _staging_remove_stale(out)
        staging = _staging_new(out)
        try:
            staged, work = staging / "out", staging / "run"
            work.mkdir()
            values["out_dir"] = str(staged)
            _execute(pm, PapermillExecutionError, paths, values, work, executed_dir,
                     progress)
            _publish(staged, out, previous, {p.stem for p in paths})
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return paths


_STAGING_PREFIX = ".discourse-staging-"
#: The file a run writes into its staging folder as soon as it has made it: the sign that
#: the folder is a run's own, which the run (or, after a kill, the next run) may remove.
_STAGING_MARK = ".made-by-discourse-figures"


def _staging_new(out: Path) -> Path:
    """A staging folder in ``out`` for this run: a new folder of a unique name (made by
    ``mkdtemp``, so never one that was there), marked as the run's own before any use."""
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=out))
    (staging / _STAGING_MARK).write_text(f"{staging.name}\n", encoding="utf-8")
    return staging


def _staging_remove_stale(out: Path) -> None:
    """Remove the staging folders that killed runs left in ``out``: only folders that a run
    made and marked (their mark names the folder itself); any other folder, however it is
    named, is the user's and is left alone. The caller holds the folder's lock, so no
    other run is using one."""
    for stale in out.glob(f"{_STAGING_PREFIX}*"):
        mark = stale / _STAGING_MARK
        try:
            own = (stale.is_dir() and not stale.is_symlink() and mark.is_file()
                   and mark.read_text(encoding="utf-8") == f"{stale.name}\n")
        except (OSError, UnicodeDecodeError):
            own = False
        if own:
            shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder (created if needed) for the run; a second
    run into the same folder is refused while the first holds it. The lock is the
    operating system's (flock), so a killed run never leaves it behind."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NotebookError(
                f"another `discourse figures` run is writing into {out}; wait until it has "
                "finished, or choose another output folder (--out).") from None
        yield
    finally:
        os.close(fd)


def _refuse_changed(out: Path, previous: dict[str, dict[str, str]],
                    notebooks: set[str]) -> None:
    """Refuse to start when output files of these notebooks that the manifest lists were
    changed since the toolkit wrote them: the run would replace them."""
    changed = sorted(
        name for name, row in previous.items()
        if row.get("notebook") in notebooks and Path(name).suffix.lower() in OUTPUT_SUFFIXES
        and (out / name).exists() and not manifest_owns(out, name, row))
    if changed:
        raise NotebookError(
            f"{len(changed)} file(s) in {out} were changed after the toolkit wrote them "
            f"(MANIFEST.csv has other checksums): {', '.join(changed)}. The run would replace "
            "them: move them elsewhere first, or choose another output folder.")


def _execute(pm, failure, paths, values, work, executed_dir, progress) -> None:
    log = logging.getLogger("papermill")
    quiet = _UnknownParameterFilter()
    log.addFilter(quiet)
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
                    kernel_manager_class=_local_kernel_manager(),
                    shutdown_kernel="immediate",  # on Ctrl-C too: no wait for a busy cell
                )
            except failure as exc:
                fd, kept = tempfile.mkstemp(prefix=f"discourse-failed-{path.stem}-",
                                            suffix=".ipynb")
                os.close(fd)
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


def _publish(staged: Path, out: Path, previous: dict[str, dict[str, str]],
             notebooks: set[str]) -> None:
    """Move the run's files from ``staged`` into ``out``, remove the files the previous run
    of the same notebooks wrote and this one did not, and write the merged manifest. Ctrl-C
    and SIGTERM wait until this is done (it takes milliseconds)."""
    new = manifest_read(staged)
    try:
        captions_check(out, previous)
    except OutputFolderError as exc:
        raise NotebookError(f"{exc} Nothing in {out} was changed.") from None
    clash = sorted(name for name in new
                   if (out / name).exists() and not (
                       name in previous and manifest_owns(out, name, previous[name])))
    if clash:
        raise NotebookError(
            f"the run would replace {len(clash)} file(s) in {out} that the toolkit did not "
            f"write (MANIFEST.csv does not list them): {', '.join(clash)}. Nothing in {out} "
            "was changed; move those files, or choose another output folder.")
    kept = {name: row for name, row in previous.items()
            if row.get("notebook") not in notebooks and (out / name).exists()}
    stale = [name for name, row in previous.items()
             if row.get("notebook") in notebooks and name not in new
             and manifest_owns(out, name, row)]
    signals = {signal.SIGINT, signal.SIGTERM}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        for name in new:
            os.replace(staged / name, out / name)
        for name in stale:
            (out / name).unlink()
        manifest_write(out, {**kept, **new})
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
