"""Save figures and tables for a paper: fixed sizes, chosen formats, byte-identical reruns.

A notebook calls :func:`figures_setup` once (output folder, notebook name, corpus and frame
file, for provenance; the language and the figure formats), then :func:`figure_save` for
each figure and :func:`table_save` for each table. Figures are written as PNG (300 dpi),
SVG and PDF by default, or in any of :data:`FIGURE_FORMATS` (EPS; TIFF at 600 dpi with LZW
compression). A table is written as CSV with every digit, and for a paper as LaTeX
(booktabs) and Word (.docx), rounded for reading and headed in the chosen language
(:mod:`analysis.output.paper_tables`). Every file is written atomically (a temporary file renamed
into place), carries no timestamp, and is listed in ``MANIFEST.csv`` in the output folder
with the corpus fingerprint, the frame-file hash, the toolkit version and the notebook that
made it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from analysis import __version__
from analysis.corpus import corpus_fingerprint
from analysis.io import file_sha256, output_check, table_to_csv, write_atomic
from analysis.output.captions import CAPTIONS_NAME, caption_corpus, caption_get, captions_markdown
from analysis.output.messages import LANGS, Lang, lang_check, msg
from analysis.paths import FIGURES_DIR

__all__ = [
    "FIGURE_SIZES",
    "FIGURE_FORMATS",
    "DEFAULT_FORMATS",
    "MANIFEST_NAME",
    "figures_formats",
    "figures_setup",
    "figures_source",
    "figure_caption",
    "figure_new",
    "figure_save",
    "table_save",
    "write_atomic",
    "file_sha256",
    "figures_refuse_corpus",
    "OutputFolderError",
    "manifest_read",
    "manifest_owns",
    "manifest_write",
    "captions_check",
]

#: Figure sizes in inches (width, height): one column, two columns, and a tall page figure.
FIGURE_SIZES: dict[str, tuple[float, float]] = {
    "single": (3.5, 2.8),
    "wide": (7.2, 4.0),
    "tall": (7.2, 8.0),
}
MANIFEST_NAME = "MANIFEST.csv"
MANIFEST_COLUMNS = ["file", "notebook", "corpus_fingerprint", "frames_sha256",
                    "toolkit_version", "sha256", "caption", "lang"]
PNG_DPI = 300
#: TIFF, for journals that ask for it: 600 dpi, LZW-compressed.
TIFF_DPI = 600
#: The formats figure_save can write, and those it writes unless told otherwise.
FIGURE_FORMATS = ("png", "svg", "pdf", "eps", "tiff")
DEFAULT_FORMATS = ("png", "svg", "pdf")

matplotlib.rcParams["svg.hashsalt"] = "discourse"  # stable element ids in SVG files
matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType fonts: text stays editable
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["ps.fonttype"] = 42  # EPS: TrueType (Type 42) fonts, text stays text


@dataclass
class _Context:
    out_dir: Path = FIGURES_DIR
    notebook: str = ""
    corpus_fingerprint: str = ""
    frames_sha256: str = ""
    lang: str = "nl"
    corpus_caption: str = ""
    formats: tuple[str, ...] = DEFAULT_FORMATS
    paper_tables: bool = True


_CONTEXT = _Context()


def figures_setup(
    out_dir: str | Path | None = None,
    *,
    notebook: str = "",
    corpus: pd.DataFrame | None = None,
    frames_file: str | Path | None = None,
    lang: Lang = "nl",
    formats: str | tuple[str, ...] | list[str] | None = None,
    paper_tables: bool = True,
) -> Path:
    """Say where figures go and what made them; returns the output folder (created).

    ``corpus`` (a loaded corpus) and ``frames_file`` are fingerprinted for the manifest.
    ``lang`` is the language of the paper tables' headers; ``formats`` the figure formats
    (see :func:`figures_formats`; default PNG, SVG and PDF); ``paper_tables=False`` writes
    tables as CSV only.
    The files that ``notebook`` made in an earlier run (as listed in the folder's
    ``MANIFEST.csv``) are removed, so that the folder holds exactly what this run makes.
    Raises ``ValueError`` when ``out_dir`` lies inside the corpus folder: nothing is ever
    written there.
    """
    folder = Path(out_dir) if out_dir else FIGURES_DIR
    lang_check(lang)
    chosen = figures_formats(formats)
    source = corpus.attrs.get("source") if corpus is not None else None
    if source:
        figures_refuse_corpus(folder, source)
    _CONTEXT.out_dir = folder
    _CONTEXT.notebook = notebook
    _CONTEXT.corpus_fingerprint = corpus_fingerprint(corpus) if corpus is not None else ""
    _CONTEXT.frames_sha256 = file_sha256(frames_file) if frames_file else ""
    _CONTEXT.lang = lang
    _CONTEXT.corpus_caption = caption_corpus(corpus, lang) if corpus is not None else ""
    _CONTEXT.formats = chosen
    _CONTEXT.paper_tables = paper_tables
    folder.mkdir(parents=True, exist_ok=True)
    if notebook:
        _forget(notebook)
    return folder


@contextlib.contextmanager
def figures_source(corpus: pd.DataFrame, *, note: str = "") -> Iterator[None]:
    """Inside the ``with`` block, figures and tables rest on ``corpus`` instead of the
    corpus given to :func:`figures_setup`: its fingerprint goes into the manifest and its
    sentence into the captions, followed by ``note`` (e.g. that the numbers are a
    validation against the hand coding of that corpus). For results that are not computed
    on the corpus analysed, such as a validation on the bundled gold standard.

    >>> import pandas as pd
    >>> mine = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "date": ["2022-01-01"],
    ...                      "text": ["Tekst."]})
    >>> _ = figures_setup("/tmp/discourse-source-example", corpus=mine, lang="en")
    >>> other = pd.DataFrame({"doc_id": ["b", "c"], "outlet": ["Y", "Z"],
    ...                       "date": ["2022-01-10", "2022-01-11"], "text": ["Een.", "Twee."]})
    >>> with figures_source(other, note="Hand-coded gold standard."):
    ...     _CONTEXT.corpus_caption
    'Corpus: 2 articles from 2 outlets (Y, Z), 10–11 January 2022. Hand-coded gold standard.'
    >>> _CONTEXT.corpus_caption
    'Corpus: 1 article from 1 outlet (X), 1 January 2022.'
    """
    saved = (_CONTEXT.corpus_fingerprint, _CONTEXT.corpus_caption)
    _CONTEXT.corpus_fingerprint = corpus_fingerprint(corpus)
    _CONTEXT.corpus_caption = f"{caption_corpus(corpus, _CONTEXT.lang)} {note}".strip()
    try:
        yield
    finally:
        _CONTEXT.corpus_fingerprint, _CONTEXT.corpus_caption = saved


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


class OutputFolderError(ValueError):
    """An output folder the toolkit cannot safely write into: its ``MANIFEST.csv`` was not
    written by the toolkit, or a file there would be replaced that the toolkit did not write."""


#: The kinds of file the toolkit writes into an output folder (and may later replace): every
#: figure format, and tables as CSV, LaTeX and Word.
OUTPUT_SUFFIXES = tuple(f".{fmt}" for fmt in (*FIGURE_FORMATS, "csv", "tex", "docx"))


def manifest_read(folder: str | Path) -> dict[str, dict[str, str]]:
    """The rows of ``folder``'s ``MANIFEST.csv`` by file name (empty when there is none).

    Raises :class:`OutputFolderError` when the file is not a manifest this toolkit wrote
    (other columns, not UTF-8 text), so that a user's own ``MANIFEST.csv`` is never taken
    for a list of files to replace.
    """
    manifest = Path(folder) / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    try:
        with manifest.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = list(reader) if _manifest_header(header) else None
    except (UnicodeDecodeError, csv.Error) as exc:
        header, rows = [f"unreadable: {exc}"], None
    if rows is None:
        raise OutputFolderError(
            f"{manifest} was not written by this toolkit (its columns: "
            f"{', '.join(header) or 'none'}; the toolkit's are {', '.join(MANIFEST_COLUMNS)}). "
            "The toolkit lists the files it wrote in that file: move or rename it, or choose "
            "another output folder.")
    return {row["file"]: row for row in rows}


def _manifest_header(header: list[str]) -> bool:
    """True for the header of a manifest this toolkit wrote: its columns, or those of an
    earlier version (fewer columns, the same names, ``file`` and ``sha256`` among them)."""
    return ({"file", "notebook", "sha256"} <= set(header)
            and set(header) <= set(MANIFEST_COLUMNS) and len(set(header)) == len(header))


def manifest_owns(folder: str | Path, name: str, row: dict[str, str]) -> bool:
    """True when ``folder/name`` is a file this toolkit wrote and nobody changed since: a
    plain file name of an output kind (PNG, SVG, PDF, CSV), listed in the manifest with
    the SHA-256 the file still has. Only such a file is ever removed or replaced."""
    path = Path(folder) / name
    return (Path(name).name == name and Path(name).suffix.lower() in OUTPUT_SUFFIXES
            and path.is_file() and not path.is_symlink()
            and row.get("sha256") == file_sha256(path))


def manifest_write(folder: Path, rows: dict[str, dict[str, str]]) -> None:
    """Write ``rows`` (by file name) as ``folder``'s ``MANIFEST.csv``, sorted, atomically."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for key in sorted(rows):
        writer.writerow({c: rows[key].get(c, "") for c in MANIFEST_COLUMNS})
    captions_check(folder, manifest_read(folder))
    write_atomic(folder / MANIFEST_NAME, buffer.getvalue().encode("utf-8"))
    _write_captions(folder, rows)


def captions_check(folder: str | Path, rows: dict[str, dict[str, str]]) -> None:
    """Raise :class:`OutputFolderError` when ``folder`` holds a ``CAPTIONS.md`` the toolkit
    did not write: one that differs from the captions file of ``rows`` (the folder's
    manifest), which is what the toolkit wrote there last. The toolkit replaces (or, when no
    figure has a caption, removes) only its own."""
    target = Path(folder) / CAPTIONS_NAME
    if not (target.exists() or target.is_symlink()):
        return
    expected = _captions_text(rows)
    if (target.is_file() and not target.is_symlink() and expected is not None
            and target.read_bytes() == expected.encode("utf-8")):
        return
    raise OutputFolderError(
        f"{target} was not written by this toolkit (it differs from the captions that "
        f"{MANIFEST_NAME} lists), and the toolkit writes its captions into that file: move "
        "or rename it, or choose another output folder.")


def _write_captions(folder: Path, rows: dict[str, dict[str, str]]) -> None:
    """``CAPTIONS.md``: the caption of every figure in the manifest (none: no file)."""
    target = folder / CAPTIONS_NAME
    text = _captions_text(rows)
    if text is None:
        target.unlink(missing_ok=True)
    else:
        write_atomic(target, text.encode("utf-8"))


def _captions_text(rows: dict[str, dict[str, str]]) -> str | None:
    """The text of ``CAPTIONS.md`` for the manifest ``rows`` (None: no figure has a
    caption), headed in the language the captions were written in (the rows' ``lang``)."""
    figures: dict[str, dict[str, str]] = {}
    langs: Counter[str] = Counter()
    for name in sorted(rows):
        path = Path(name)
        if path.suffix[1:] in FIGURE_FORMATS and rows[name].get("caption"):
            entry = figures.setdefault(path.stem, {
                "name": path.stem, "files": "", "notebook": rows[name].get("notebook", ""),
                "caption": rows[name]["caption"]})
            entry["files"] += (", " if entry["files"] else "") + f"`{name}`"
            if rows[name].get("lang") in LANGS:
                langs[rows[name]["lang"]] += 1
    if not figures:
        return None
    # the captions' own language (the notebooks ran in processes of their own)
    lang = langs.most_common(1)[0][0] if langs else _CONTEXT.lang
    return captions_markdown(list(figures.values()), lang)


def _forget(notebook: str) -> None:
    """Remove the files an earlier run of ``notebook`` wrote, and their manifest rows. A
    listed file that is not the toolkit's (changed since, or not an output file) is kept."""
    folder = _CONTEXT.out_dir
    rows = manifest_read(folder)
    stale = [name for name, row in rows.items() if row.get("notebook") == notebook]
    if not stale:
        return
    for name in stale:
        if manifest_owns(folder, name, rows[name]):
            (folder / name).unlink()
        del rows[name]
    manifest_write(folder, rows)


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


def _record(paths: list[Path], caption: str = "") -> None:
    rows = manifest_read(_CONTEXT.out_dir)
    for path in paths:
        prov = _provenance(path.stem)
        rows[path.name] = {
            "file": path.name,
            "notebook": prov["notebook"],
            "corpus_fingerprint": prov["corpus_fingerprint"],
            "frames_sha256": prov["frames_sha256"],
            "toolkit_version": prov["toolkit_version"],
            "sha256": file_sha256(path),
            "caption": caption,
            "lang": _CONTEXT.lang,
        }
    manifest_write(_CONTEXT.out_dir, rows)


def figures_formats(formats: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The figure formats named in ``formats`` (``"png,svg,pdf,eps"``, a list, or None for
    the default), checked, in the order given, without repeats.

    >>> figures_formats("pdf, EPS,tiff"), figures_formats(None)
    (('pdf', 'eps', 'tiff'), ('png', 'svg', 'pdf'))
    >>> figures_formats("png,jpg")
    Traceback (most recent call last):
    ...
    ValueError: unknown figure format 'jpg'; choose from png, svg, pdf, eps, tiff (e.g. png,svg,pdf)
    """
    if formats is None:
        return DEFAULT_FORMATS
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen = []
    for name in names:
        fmt = str(name).strip().lower().lstrip(".")
        fmt = "tiff" if fmt == "tif" else fmt
        if fmt not in FIGURE_FORMATS:
            raise ValueError(f"unknown figure format {name!r}; choose from "
                             f"{', '.join(FIGURE_FORMATS)} (e.g. png,svg,pdf)")
        if fmt not in chosen:
            chosen.append(fmt)
    if not chosen:
        raise ValueError("no figure format given; choose from " + ", ".join(FIGURE_FORMATS))
    return tuple(chosen)


_EPS_DATE = re.compile(rb"^%%CreationDate:[^\n]*\n", re.MULTILINE)


def _figure_bytes(fig: Figure, fmt: str, name: str, description: str) -> bytes:
    creator = f"discourse-toolkit {__version__}"
    buffer = io.BytesIO()
    if fmt == "tiff":
        fig.savefig(buffer, format="tiff", dpi=TIFF_DPI,
                    pil_kwargs={"compression": "tiff_lzw",
                                "tiffinfo": {269: name, 270: description, 305: creator}})
        return buffer.getvalue()
    metadata = {
        "png": {"Software": None, "Title": name, "Description": description,
                "Source": creator},
        "svg": {"Date": None, "Creator": creator, "Title": name, "Description": description},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": creator,
                "Title": name, "Subject": description},
        "eps": {"Creator": creator, "Title": name},
    }[fmt]
    if fmt == "eps":
        # PostScript has no transparency: such marks print opaque, which is what a journal
        # that asks for EPS gets; say nothing about it on every save.
        ps_log = logging.getLogger("matplotlib.backends.backend_ps")
        level = ps_log.level
        ps_log.setLevel(logging.ERROR)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fig.savefig(buffer, format="eps", metadata=metadata)
        finally:
            ps_log.setLevel(level)
        return _EPS_DATE.sub(b"", buffer.getvalue(), count=1)
    fig.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=metadata)
    return buffer.getvalue()


def figure_caption(fig: Figure, caption: str | None = None) -> str:
    """The suggested caption of ``fig``: ``caption``, or what its plot function said it
    shows (:func:`analysis.output.caption_set`), followed by the corpus it rests on (from
    :func:`figures_setup`), in the language of figures_setup."""
    text, with_corpus = caption_get(fig)
    text = caption if caption is not None else text
    if with_corpus and _CONTEXT.corpus_caption:
        text = f"{text} {_CONTEXT.corpus_caption}".strip()
    return text


def figure_save(fig: Figure, name: str, *, out_dir: str | Path | None = None,
                formats: str | tuple[str, ...] | list[str] | None = None,
                caption: str | None = None) -> list[Path]:
    """Save ``fig`` as ``<name>.png`` (300 dpi), ``.svg`` and ``.pdf``, or in the
    ``formats`` given here or to :func:`figures_setup` (``eps``; ``tiff`` at 600 dpi, LZW);
    returns the paths.

    The files carry the provenance (notebook, corpus fingerprint, frame-file hash, toolkit
    version) in their metadata and no timestamp, so a rerun gives identical bytes.
    ``name`` says what the figure shows, e.g. ``rq2-framing-by-outlet``. Its suggested
    caption (:func:`figure_caption`; ``caption`` replaces what the plot said) goes into
    the manifest and into ``CAPTIONS.md``.
    """
    folder = Path(out_dir) if out_dir else _CONTEXT.out_dir
    chosen = figures_formats(formats) if formats is not None else _CONTEXT.formats
    prov = _provenance(name)
    description = "; ".join(f"{k}={v}" for k, v in prov.items())
    paths = [write_atomic(folder / f"{name}.{fmt}", _figure_bytes(fig, fmt, name, description))
             for fmt in chosen]
    if folder == _CONTEXT.out_dir:
        _record(paths, figure_caption(fig, caption))
    return paths


def table_save(table: pd.DataFrame, name: str, *, out_dir: str | Path | None = None,
               index: bool = False, caption: str | None = None) -> Path:
    """Write ``table`` as ``<name>.csv`` (by :func:`analysis.io.table_to_csv`: UTF-8, ``\\n``
    line ends, floats to 10 significant digits) and, for a paper, as ``<name>.tex``
    (booktabs) and ``<name>.docx``, rounded for reading and headed in the language of
    :func:`figures_setup` (see :mod:`analysis.output.paper_tables`), each atomically; returns the
    CSV's path, and lists every file in the manifest. ``caption`` heads the LaTeX and Word
    tables. A table of more than ``PAPER_TABLE_MAX_ROWS`` rows gets
    the CSV only, and a warning that says so.
    """
    from analysis.output.paper_tables import PAPER_TABLE_MAX_ROWS, table_docx, table_latex

    folder = Path(out_dir) if out_dir else _CONTEXT.out_dir
    if caption is None:
        caption = msg("caption.table", _CONTEXT.lang, corpus=_CONTEXT.corpus_caption,
                      csv=f"{name}.csv").strip()
    data = table_to_csv(table, index=index)
    path = write_atomic(folder / f"{name}.csv", data)
    paths = [path]
    if _CONTEXT.paper_tables:
        shown = table.reset_index() if index else table
        if len(shown) > PAPER_TABLE_MAX_ROWS:
            warnings.warn(f"{name}: {len(shown):,} rows is more than a paper table holds "
                          f"({PAPER_TABLE_MAX_ROWS:,}); written as {name}.csv only, with "
                          "every row", stacklevel=2)
        else:
            lang = _CONTEXT.lang
            description = "; ".join(f"{k}={v}" for k, v in _provenance(name).items())
            latex = table_latex(shown, lang=lang, caption=caption, label=f"tab:{name}")
            paths.append(write_atomic(folder / f"{name}.tex", latex.encode("utf-8")))
            paths.append(write_atomic(folder / f"{name}.docx", table_docx(
                shown, lang=lang, caption=caption, title=name, description=description)))
    if folder == _CONTEXT.out_dir:
        _record(paths, caption)
    return path
