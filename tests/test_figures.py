"""Figures and tables: fixed sizes, three formats, byte-identical reruns, provenance, atomic
writes, and never a file in the corpus folder."""

from __future__ import annotations

import csv
import hashlib
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from analysis import __version__
from analysis import io as analysis_io
from analysis.corpus import corpus_fingerprint, corpus_load
from analysis.io import write_atomic
from analysis.output import (
    FIGURE_SIZES,
    MANIFEST_NAME,
    figure_new,
    figure_save,
    figures_setup,
    table_save,
)
from analysis.output import figures as figures
from analysis.paths import CORPUS_DIR

FORMATS = ("png", "svg", "pdf")
MANIFEST_COLUMNS = ["file", "notebook", "corpus_fingerprint", "frames_sha256",
                    "toolkit_version", "sha256", "caption", "lang"]
BUNDLED_NL = ("Corpus: 5 artikelen uit 5 media (De Morgen, de Volkskrant, NOS, NRC, Trouw), "
              "januari 2022.")


@pytest.fixture(autouse=True)
def fresh_context(monkeypatch):
    """Each test starts with its own figure context (output folder, provenance)."""
    monkeypatch.setattr(figures, "_CONTEXT", figures._Context())


@pytest.fixture
def corpus():
    return corpus_load(CORPUS_DIR)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bar_figure():
    fig, ax = figure_new("single")
    ax.bar(["NRC", "NOS", "Trouw"], [3, 1, 2])
    ax.set_title("Artikelen per krant")
    ax.set_ylabel("artikelen")
    return fig


def manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("size", ["single", "wide", "tall"])
def test_figure_new_has_a_fixed_size_and_constrained_layout(size):
    fig, ax = figure_new(size)
    assert tuple(fig.get_size_inches().tolist()) == FIGURE_SIZES[size]
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"
    assert ax.figure is fig


def test_figure_new_passes_subplot_options():
    _, axes = figure_new("wide", nrows=1, ncols=2, sharey=True)
    assert axes.shape == (2,)


def test_figure_save_writes_three_formats_and_a_manifest(tmp_path, corpus):
    frames = tmp_path / "frames.toml"
    frames.write_bytes(b'[frames.conflict]\nterms = ["oorlog"]\n')
    figures_setup(tmp_path / "out", notebook="rq9-test", corpus=corpus, frames_file=frames)
    paths = figure_save(bar_figure(), "rq9-bars")
    out = tmp_path / "out"
    assert paths == [out / f"rq9-bars.{fmt}" for fmt in FORMATS]
    assert manifest(out) == [
        {"file": f"rq9-bars.{fmt}", "notebook": "rq9-test",
         "corpus_fingerprint": corpus_fingerprint(corpus),
         "frames_sha256": hashlib.sha256(frames.read_bytes()).hexdigest(),
         "toolkit_version": __version__, "sha256": sha256(out / f"rq9-bars.{fmt}"),
         "caption": BUNDLED_NL, "lang": "nl"}
        for fmt in ("pdf", "png", "svg")  # sorted by file name
    ]
    assert list(manifest(out)[0]) == MANIFEST_COLUMNS


def test_every_format_carries_the_provenance(tmp_path, corpus):
    figures_setup(tmp_path, notebook="rq9-test", corpus=corpus)
    figure_save(bar_figure(), "rq9-bars")
    fingerprint = corpus_fingerprint(corpus)
    description = (f"notebook=rq9-test; corpus_fingerprint={fingerprint}; frames_sha256=; "
                   f"toolkit_version={__version__}; figure=rq9-bars")
    with Image.open(tmp_path / "rq9-bars.png") as png:
        assert png.text["Description"] == description
        assert png.text["Title"] == "rq9-bars"
        assert png.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert f"<dc:description>{description}</dc:description>" in (
        tmp_path / "rq9-bars.svg").read_text(encoding="utf-8")
    assert f"/Subject ({description})".encode() in (tmp_path / "rq9-bars.pdf").read_bytes()


def test_saved_files_hold_no_timestamp(tmp_path):
    figures_setup(tmp_path)
    figure_save(bar_figure(), "plain")
    assert b"CreationDate" not in (tmp_path / "plain.pdf").read_bytes()
    assert "<dc:date>" not in (tmp_path / "plain.svg").read_text(encoding="utf-8")
    with Image.open(tmp_path / "plain.png") as png:
        assert "Software" not in png.text and "Creation Time" not in png.text


def test_saving_the_same_figure_twice_gives_the_same_bytes(tmp_path):
    figures_setup(tmp_path / "a")
    figure_save(bar_figure(), "same")
    figures_setup(tmp_path / "b")
    figure_save(bar_figure(), "same")
    for fmt in FORMATS:
        assert (tmp_path / "a" / f"same.{fmt}").read_bytes() == (
            tmp_path / "b" / f"same.{fmt}").read_bytes(), fmt


SCRIPT = textwrap.dedent("""
    import sys
    from analysis.corpus import corpus_load
    from analysis.output import figure_new, figure_save, figures_setup, table_save
    from analysis.paths import CORPUS_DIR

    corpus = corpus_load(CORPUS_DIR)
    figures_setup(sys.argv[1], notebook="rq9-process", corpus=corpus)
    fig, ax = figure_new("wide")
    ax.barh(["NRC", "De Morgen", "NOS"], [1033, 367, 833])
    ax.set_title("Woorden per krant: één figuur")
    ax.set_xlabel("woorden")
    figure_save(fig, "rq9-words")
    table_save(corpus[["doc_id", "outlet"]], "rq9-words")
""")


def test_two_processes_write_byte_identical_files(tmp_path):
    """Font caches and the like must not leak into the files: two fresh interpreters."""
    for run in ("one", "two"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True,
                       cwd=tmp_path, timeout=300)
    one = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert one == ["CAPTIONS.md", "MANIFEST.csv", "rq9-words.csv", "rq9-words.docx",
                   "rq9-words.pdf", "rq9-words.png", "rq9-words.svg", "rq9-words.tex"]
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == one
    for name in one:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), \
            f"{name} differs between two runs"


def test_table_save_writes_plain_csv_and_lists_it(tmp_path):
    figures_setup(tmp_path, notebook="rq9-test")
    table = pd.DataFrame({"outlet": ["NRC", "De Morgen"], "share": [0.5, 0.25]})
    path = table_save(table, "rq9-share")
    assert path.read_bytes() == b"outlet,share\nNRC,0.5\nDe Morgen,0.25\n"
    assert [row["file"] for row in manifest(tmp_path)] == [
        "rq9-share.csv", "rq9-share.docx", "rq9-share.tex"]


def test_rerunning_a_notebook_removes_what_its_last_run_made(tmp_path):
    figures_setup(tmp_path, notebook="rq8-other")
    table_save(pd.DataFrame({"a": [1]}), "rq8-kept")
    figures_setup(tmp_path, notebook="rq9-test")
    table_save(pd.DataFrame({"a": [1]}), "rq9-old-name")
    figures_setup(tmp_path, notebook="rq9-test")  # the notebook runs again ...
    table_save(pd.DataFrame({"a": [2]}), "rq9-new-name")  # ... and names its table anew
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        MANIFEST_NAME, "rq8-kept.csv", "rq8-kept.docx", "rq8-kept.tex", "rq9-new-name.csv",
        "rq9-new-name.docx", "rq9-new-name.tex"]
    assert [(r["file"], r["notebook"]) for r in manifest(tmp_path)] == [
        (f"rq8-kept.{ext}", "rq8-other") for ext in ("csv", "docx", "tex")] + [
        (f"rq9-new-name.{ext}", "rq9-test") for ext in ("csv", "docx", "tex")]


def test_write_atomic_leaves_the_old_file_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "table.csv"
    target.write_bytes(b"old\n")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new, but never complete\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]  # no temporary file left


def test_write_atomic_follows_the_umask(tmp_path):
    path = write_atomic(tmp_path / "a" / "b.csv", b"x\n")
    assert path.read_bytes() == b"x\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~analysis_io._UMASK


def test_figures_are_never_written_into_the_corpus_folder(tmp_path, corpus):
    with pytest.raises(ValueError, match="lies inside the corpus folder"):
        figures_setup(CORPUS_DIR / "figures", notebook="rq9-test", corpus=corpus)
    assert not (CORPUS_DIR / "figures").exists()
    copy = corpus.copy()
    copy.attrs["source"] = str(tmp_path)
    with pytest.raises(ValueError, match="lies inside the corpus folder"):
        figures_setup(tmp_path / "out", corpus=copy)
    assert list(tmp_path.iterdir()) == []


def test_figures_in_the_formats_asked_for(tmp_path):
    figures_setup(tmp_path / "a", formats="pdf,eps,tiff")
    paths = figure_save(bar_figure(), "rq9-bars")
    assert [p.name for p in paths] == ["rq9-bars.pdf", "rq9-bars.eps", "rq9-bars.tiff"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        MANIFEST_NAME, "rq9-bars.eps", "rq9-bars.pdf", "rq9-bars.tiff"]
    with Image.open(tmp_path / "a" / "rq9-bars.tiff") as tiff:
        assert tiff.info["compression"] == "tiff_lzw"
        assert tiff.info["dpi"] == pytest.approx((600, 600), abs=0.01)
        assert tiff.size == (2100, 1680)  # 3.5 x 2.8 inches at 600 dpi
        assert tiff.tag_v2[270].startswith("notebook=; corpus_fingerprint=")
    eps = (tmp_path / "a" / "rq9-bars.eps").read_bytes()
    assert eps.startswith(b"%!PS-Adobe-3.0 EPSF-3.0") and b"%%CreationDate" not in eps
    assert b"/FontType 42" in eps  # fonts embedded as TrueType (Type 42), not outlines
    figures_setup(tmp_path / "b", formats=["pdf", "eps", "tiff"])
    figure_save(bar_figure(), "rq9-bars")
    for fmt in ("pdf", "eps", "tiff"):
        assert (tmp_path / "a" / f"rq9-bars.{fmt}").read_bytes() == (
            tmp_path / "b" / f"rq9-bars.{fmt}").read_bytes(), fmt


def test_an_unknown_format_is_named():
    with pytest.raises(ValueError, match="unknown figure format 'jpeg'; choose from png, svg"):
        figures_setup(formats="png,jpeg")
    assert figures.figures_formats(" PNG,tif,png ") == ("png", "tiff")


def test_a_very_long_table_is_written_as_csv_only(tmp_path, monkeypatch):
    from analysis.output import paper_tables as paper_tables

    monkeypatch.setattr(paper_tables, "PAPER_TABLE_MAX_ROWS", 2)
    figures_setup(tmp_path, notebook="rq9-test")
    with pytest.warns(UserWarning, match="rq9-long: 3 rows is more than a paper table holds"):
        table_save(pd.DataFrame({"a": [1, 2, 3]}), "rq9-long")
    table_save(pd.DataFrame({"a": [1, 2]}), "rq9-short")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        MANIFEST_NAME, "rq9-long.csv", "rq9-short.csv", "rq9-short.docx", "rq9-short.tex"]
    figures_setup(tmp_path / "csv-only", notebook="rq9-test", paper_tables=False)
    table_save(pd.DataFrame({"a": [1]}), "rq9-plain")
    assert sorted(p.name for p in (tmp_path / "csv-only").iterdir()) == [
        MANIFEST_NAME, "rq9-plain.csv"]


def test_captions_state_what_is_shown_and_the_corpus(tmp_path, corpus):
    from analysis.output import caption_set

    figures_setup(tmp_path, notebook="rq9-test", corpus=corpus, lang="en")
    fig = bar_figure()
    caption_set(fig, "Articles per outlet.")
    figure_save(fig, "rq9-bars")
    table_save(corpus[["doc_id", "outlet"]], "rq9-table")
    bundled = ("Corpus: 5 articles from 5 outlets (De Morgen, de Volkskrant, NOS, NRC, "
               "Trouw), January 2022.")
    english = "Articles per outlet. " + bundled
    rows = {row["file"]: row["caption"] for row in manifest(tmp_path)}
    assert rows["rq9-bars.png"] == rows["rq9-bars.pdf"] == english
    assert rows["rq9-table.csv"] == bundled + " Every decimal is in rq9-table.csv."
    assert (tmp_path / "CAPTIONS.md").read_text(encoding="utf-8") == (
        "# Suggested captions\n\n"
        "A caption per figure to paste and adapt: what the figure shows, the measure and its "
        "interval, and the corpus it rests on.\n\n"
        "## rq9-bars\n\n"
        "Files: `rq9-bars.pdf`, `rq9-bars.png`, `rq9-bars.svg` (notebook rq9-test)\n\n"
        f"{english}\n")
    assert "\\caption{Corpus: 5 articles" in (tmp_path / "rq9-table.tex").read_text("utf-8")
    # a figure that does not rest on the corpus, and a caption given by the notebook
    fig = bar_figure()
    caption_set(fig, "Validity against human codes.", corpus=False)
    figure_save(fig, "rq9-validity")
    figure_save(bar_figure(), "rq9-own", caption="My own words.")
    rows = {row["file"]: row["caption"] for row in manifest(tmp_path)}
    assert rows["rq9-validity.svg"] == "Validity against human codes."
    assert rows["rq9-own.svg"] == "My own words. " + bundled


def test_captions_file_is_headed_in_the_language_of_its_captions(tmp_path, corpus):
    """`discourse figures` merges the manifests of the notebooks in its own process, whose
    language is the default: CAPTIONS.md still speaks the language the captions were
    written in."""
    from analysis.output import manifest_read, manifest_write

    figures_setup(tmp_path / "en", notebook="rq9-test", corpus=corpus, lang="en")
    figure_save(bar_figure(), "rq9-bars")
    rows = manifest_read(tmp_path / "en")
    assert {row["lang"] for row in rows.values()} == {"en"}
    figures_setup(tmp_path / "other", notebook="rq9-other", lang="nl")
    manifest_write(tmp_path / "en", rows)
    text = (tmp_path / "en" / "CAPTIONS.md").read_text(encoding="utf-8")
    assert text.startswith("# Suggested captions\n")
    assert "Files: `rq9-bars.pdf`" in text and "Bestanden" not in text


def test_a_table_computed_on_other_data_says_so_in_manifest_and_caption(tmp_path):
    """A validation on the bundled gold, saved while a user's corpus is analysed, carries the
    bundled corpus's fingerprint and sentence (before: the user's corpus, so a student could
    report it as a validation of their own corpus)."""
    import pandas as pd

    from analysis.corpus import corpus_fingerprint, corpus_load
    from analysis.output.figures import figures_setup, figures_source, manifest_read, table_save
    from analysis.paths import CORPUS_DIR

    mine = pd.DataFrame({"doc_id": ["m1", "m2"], "outlet": ["Krant", "Blad"],
                         "date": ["2023-03-01", "2023-03-02"], "text": ["Een.", "Twee."]})
    bundled = corpus_load(CORPUS_DIR)
    figures_setup(tmp_path, notebook="rq5-who-speaks", corpus=mine, lang="en")
    table_save(pd.DataFrame({"a": [1]}), "mine")
    with figures_source(bundled, note="Scores against the hand coding of these articles."):
        table_save(pd.DataFrame({"precision": [1.0]}), "rq5-quotes-validation")
    rows = manifest_read(tmp_path)
    assert rows["mine.csv"]["corpus_fingerprint"] == corpus_fingerprint(mine)
    assert rows["rq5-quotes-validation.csv"]["corpus_fingerprint"] == \
        corpus_fingerprint(bundled)
    caption = rows["rq5-quotes-validation.csv"]["caption"]
    assert "Corpus: 5 articles from 5 outlets" in caption
    assert "January 2022. Scores against the hand coding of these articles. Every decimal" \
        in caption
    assert "2 articles" not in caption
def test_a_users_captions_file_is_never_replaced_nor_removed(tmp_path, corpus):
    from analysis.output.captions import caption_set
    from analysis.output.figures import OutputFolderError

    own = tmp_path / "CAPTIONS.md"
    own.write_text("# Mijn bijschriften\n", encoding="utf-8")
    figures_setup(tmp_path, notebook="rq9-test", corpus=corpus, lang="en")
    fig = bar_figure()
    caption_set(fig, "Articles per outlet.")
    with pytest.raises(OutputFolderError, match=r"CAPTIONS.md was not written by this toolkit"):
        figure_save(fig, "rq9-bars")
    assert own.read_text(encoding="utf-8") == "# Mijn bijschriften\n"
    own.unlink()
    figure_save(fig, "rq9-bars")  # the toolkit's own file is replaced as it changes
    figure_save(bar_figure(), "rq9-more", caption="More.")
    assert "## rq9-more" in own.read_text(encoding="utf-8")
