"""`discourse figures` runs every notebook headlessly and writes each expected figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.notebooks import notebooks_list
from analysis.paths import NOTEBOOKS_DIR

FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "tex", "docx")
EXPECTED_FIGURES = [
    "rq0-corpus-overview",
    "rq1-top-terms-by-outlet",
    "rq1-keyness-by-outlet",
    "rq1-dispersion-framing-words",
    "rq2-framing-by-outlet",
    "rq2-framing-by-outlet-bars",
    "rq2-frame-cooccurrence",
    "rq3-sentiment-by-outlet",
    "rq3-sentiment-by-frame",
    "rq3-sentiment-validity",
]
EXPECTED_TABLES = [
    "rq0-corpus-overview",
    "rq0-duplicates-by-outlet",
    "rq1-frequencies-by-outlet",
    "rq1-keyness-by-outlet",
    "rq1-dispersion-framing-words",
    "rq1-kwic-koude-oorlog",
    "rq1-kwic-escal",
    "rq1-kwic-sancties",
    "rq1-collocations-bigrams",
    "rq2-framing-by-outlet",
    "rq2-frame-audit",
    "rq2-frame-matches",
    "rq2-frame-kwic",
    "rq2-frame-cooccurrence",
    "rq2-frame-cooccurrence-articles",
    "rq3-sentiment-sentences",
    "rq3-sentiment-by-outlet",
    "rq3-sentiment-by-frame",
    "rq3-sentiment-extremes",
    "rq3-sentiment-validity",
]


def test_every_output_is_expected_and_listed(figures_dir):
    """Nothing is written that the lists above do not name, and the manifest lists it all."""
    written = {p.name for p in figures_dir.iterdir()
               if p.name not in ("MANIFEST.csv", "CAPTIONS.md")}
    expected = {f"{n}.{fmt}" for n in EXPECTED_FIGURES for fmt in FORMATS}
    expected |= {f"{n}.{fmt}" for n in EXPECTED_TABLES for fmt in TABLE_FORMATS}
    assert written == expected
    manifest = (figures_dir / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(row.split(",", 1)[0] for row in manifest) == sorted(expected)


@pytest.fixture(scope="module")
def figures_dir(figures_run_twice) -> Path:
    """The folder written by ``discourse figures --out DIR`` (run once per session)."""
    return figures_run_twice[0]


@pytest.mark.parametrize("name", EXPECTED_FIGURES)
def test_each_figure_exists_in_three_formats(figures_dir, name):
    for fmt in FORMATS:
        path = figures_dir / f"{name}.{fmt}"
        assert path.is_file(), f"{path.name} was not written"
        assert path.stat().st_size > 1000, f"{path.name} is nearly empty"


@pytest.mark.parametrize("name", EXPECTED_TABLES)
def test_each_table_exists(figures_dir, name):
    lines = (figures_dir / f"{name}.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2


def test_rq0_table_counts_the_bundled_corpus(figures_dir):
    rows = (figures_dir / "rq0-corpus-overview.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "outlet,articles,words,first_date,last_date"
    assert rows[-1] == "total,5,3019,2022-01,2022-01"


def test_notebooks_are_stored_without_outputs():
    notebooks = notebooks_list(NOTEBOOKS_DIR)
    assert notebooks, "no notebooks found"
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path.name
        tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{path.name} needs exactly one cell tagged 'parameters'"


def test_a_failing_notebook_names_itself_and_the_error(tmp_path):
    import nbformat

    from analysis.notebooks import NotebookError, notebooks_run

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookError) as info:
        notebooks_run(out_dir=tmp_path / "out", notebooks=[path], progress=False)
    message = str(info.value)
    assert message.startswith("notebook broken.ipynb failed in cell 2: ZeroDivisionError:")
