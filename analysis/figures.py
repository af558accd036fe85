"""Save figures and tables for a paper: fixed sizes, three formats, byte-identical reruns.

A notebook calls :func:`figures_setup` once (output folder, notebook name, corpus and frame
file, for provenance), then :func:`figure_save` for each figure and :func:`table_save` for
each table. Every file is written atomically (a temporary file renamed into place), carries
no timestamp, and is listed in ``MANIFEST.csv`` in the output folder with the corpus
fingerprint, the frame-file hash, the toolkit version and the notebook that made it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from analysis import __version__
from analysis.corpus import corpus_fingerprint
from analysis.io import file_sha256, output_check, write_atomic
from analysis.paths import FIGURES_DIR

__all__ = [
    "FIGURE_SIZES",
    "MANIFEST_NAME",
    "figures_setup",
    "figure_new",
    "figure_save",
    "table_save",
    "write_atomic",
    "file_sha256",
    "figures_refuse_corpus",
]

#: Figure sizes in inches (width, height): one column, two columns, and a tall page figure.
FIGURE_SIZES: dict[str, tuple[float, float]] = {
    "single": (3.5, 2.8),
    "wide": (7.2, 4.0),
    "tall": (7.2, 8.0),
}
MANIFEST_NAME = "MANIFEST.csv"
MANIFEST_COLUMNS = ["file", "notebook", "corpus_fingerprint", "frames_sha256",
                    "toolkit_version", "sha256"]
PNG_DPI = 300

matplotlib.rcParams["svg.hashsalt"] = "discourse"  # stable element ids in SVG files
matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType fonts: text stays editable
matplotlib.rcParams["svg.fonttype"] = "none"


@dataclass
class _Context:
    out_dir: Path = FIGURES_DIR
    notebook: str = ""
    corpus_fingerprint: str = ""
    frames_sha256: str = ""


_CONTEXT = _Context()


def figures_setup(
    out_dir: str | Path | None = None,
    *,
    notebook: str = "",
    corpus: pd.DataFrame | None = None,
    frames_file: str | Path | None = None,
) -> Path:
    """Say where figures go and what made them; returns the output folder (created).

    ``corpus`` (a loaded corpus) and ``frames_file`` are fingerprinted for the manifest.
    The files that ``notebook`` made in an earlier run (as listed in the folder's
    ``MANIFEST.csv``) are removed, so that the folder holds exactly what this run makes.
    Raises ``ValueError`` when ``out_dir`` lies inside the corpus folder: nothing is ever
    written there.
    """
    folder = Path(out_dir) if out_dir else FIGURES_DIR
    source = corpus.attrs.get("source") if corpus is not None else None
    if source:
        figures_refuse_corpus(folder, source)
    _CONTEXT.out_dir = folder
    _CONTEXT.notebook = notebook
    _CONTEXT.corpus_fingerprint = corpus_fingerprint(corpus) if corpus is not None else ""
    _CONTEXT.frames_sha256 = file_sha256(frames_file) if frames_file else ""
    folder.mkdir(parents=True, exist_ok=True)
    if notebook:
        _forget(notebook)
    return folder


def figures_refuse_corpus(out: str | Path, corpus_source: str | Path) -> None:
    """Raise ``ValueError`` (:class:`analysis.io.OutputInCorpusError`) when ``out`` is the
    corpus file or lies inside the corpus folder: outputs never go into the corpus. The
    check is :func:`analysis.io.output_check`.

    >>> from analysis.paths import CORPUS_DIR
    >>> figures_refuse_corpus(FIGURES_DIR, CORPUS_DIR)
    >>> figures_refuse_corpus(CORPUS_DIR / "figures", CORPUS_DIR)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.io.OutputInCorpusError: the output folder ... lies inside the corpus folder ...
    """
    output_check(out, corpus_source)


def _manifest_rows(folder: Path) -> dict[str, dict[str, str]]:
    manifest = folder / MANIFEST_NAME
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def _write_manifest(folder: Path, rows: dict[str, dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for key in sorted(rows):
        writer.writerow({c: rows[key].get(c, "") for c in MANIFEST_COLUMNS})
    write_atomic(folder / MANIFEST_NAME, buffer.getvalue().encode("utf-8"))


def _forget(notebook: str) -> None:
    """Remove the files an earlier run of ``notebook`` wrote, and their manifest rows."""
    folder = _CONTEXT.out_dir
    rows = _manifest_rows(folder)
    stale = [name for name, row in rows.items() if row.get("notebook") == notebook]
    if not stale:
        return
    for name in stale:
        if Path(name).name == name:  # a plain file name in this folder, nothing else
            (folder / name).unlink(missing_ok=True)
        del rows[name]
    _write_manifest(folder, rows)


def figure_new(size: Literal["single", "wide", "tall"] = "wide", **subplots) -> tuple:
    """A new Figure of one of the fixed sizes, with constrained layout, and its axes.

    Extra keyword arguments go to :meth:`matplotlib.figure.Figure.subplots`.

    >>> fig, ax = figure_new("single")
    >>> fig.get_size_inches().tolist()
    [3.5, 2.8]
    """
    fig = Figure(figsize=FIGURE_SIZES[size], layout="constrained")
    axes = fig.subplots(**subplots)
    return fig, axes


def _provenance(name: str) -> dict[str, str]:
    return {
        "notebook": _CONTEXT.notebook,
        "corpus_fingerprint": _CONTEXT.corpus_fingerprint,
        "frames_sha256": _CONTEXT.frames_sha256,
        "toolkit_version": __version__,
        "figure": name,
    }


def _record(paths: list[Path]) -> None:
    rows = _manifest_rows(_CONTEXT.out_dir)
    for path in paths:
        prov = _provenance(path.stem)
        rows[path.name] = {
            "file": path.name,
            "notebook": prov["notebook"],
            "corpus_fingerprint": prov["corpus_fingerprint"],
            "frames_sha256": prov["frames_sha256"],
            "toolkit_version": prov["toolkit_version"],
            "sha256": file_sha256(path),
        }
    _write_manifest(_CONTEXT.out_dir, rows)


def figure_save(fig: Figure, name: str, *, out_dir: str | Path | None = None) -> list[Path]:
    """Save ``fig`` as ``<name>.png`` (300 dpi), ``.svg`` and ``.pdf``; returns the paths.

    The files carry the provenance (notebook, corpus fingerprint, frame-file hash, toolkit
    version) in their metadata and no timestamp, so a rerun gives identical bytes.
    ``name`` says what the figure shows, e.g. ``rq2-framing-by-outlet``.
    """
    folder = Path(out_dir) if out_dir else _CONTEXT.out_dir
    prov = _provenance(name)
    description = "; ".join(f"{k}={v}" for k, v in prov.items())
    metadata = {
        "png": {"Software": None, "Title": name, "Description": description,
                "Source": f"discourse-toolkit {__version__}"},
        "svg": {"Date": None, "Creator": f"discourse-toolkit {__version__}", "Title": name,
                "Description": description},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None,
                "Creator": f"discourse-toolkit {__version__}", "Title": name,
                "Subject": description},
    }
    paths = []
    for fmt in ("png", "svg", "pdf"):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=metadata[fmt])
        paths.append(write_atomic(folder / f"{name}.{fmt}", buffer.getvalue()))
    if folder == _CONTEXT.out_dir:
        _record(paths)
    return paths


def table_save(table: pd.DataFrame, name: str, *, out_dir: str | Path | None = None,
               index: bool = False) -> Path:
    """Write ``table`` as ``<name>.csv`` (UTF-8, ``\\n`` line ends), atomically; returns the
    path, and lists it in the manifest."""
    folder = Path(out_dir) if out_dir else _CONTEXT.out_dir
    data = table.to_csv(index=index, lineterminator="\n").encode("utf-8")
    path = write_atomic(folder / f"{name}.csv", data)
    if folder == _CONTEXT.out_dir:
        _record([path])
    return path
