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
    "rq4-frames-over-time",
    "rq4-tone-over-time",
    "rq4-new-terms",
    "rq5-actors-by-outlet",
    "rq5-who-speaks",
    "rq5-direct-or-indirect",
    "rq6-choosing-k",
    "rq6-topics-by-outlet",
    "rq6-topic-network",
    "rq6-frame-word-network",
    "rq7-validation-frames",
    "rq7-validation-refined",
]
EXPECTED_TABLES = [
    "rq0-corpus-overview",
    "rq0-duplicates-by-outlet",
    "rq1-frequencies-by-outlet",
    "rq1-keyness-by-outlet",
    "rq1-dispersion-framing-words",
    "rq1-kwic-koude-oorlog",
    "rq1-kwic-escal",
    "rq1-kwic-sanctie",
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
    "rq4-timeline",
    "rq4-new-terms",
    "rq5-actors-by-outlet",
    "rq5-actors-mentions",
    "rq5-who-speaks",
    "rq5-direct-or-indirect",
    "rq5-quotes",
    "rq5-quotes-validation",
    "rq5-quotes-validation-pairs",
    "rq6-choosing-k",
    "rq6-topic-terms",
    "rq6-topic-quality",
    "rq6-representative-articles",
    "rq6-topics-by-outlet",
    "rq6-topic-network",
    "rq6-seeded-topics",
    "rq6-seeded-vs-dictionary",
    "rq6-frame-word-network",
    "rq7-reliability",
    "rq7-reliability-units",
    "rq7-validation-frames",
    "rq7-validation-errors",
    "rq7-validation-refined",
    "rq7-validation-paper",
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


def _executed_cells(figures_runs):
    import nbformat

    for path in figures_runs.notebooks:
        executed = nbformat.read(figures_runs.executed / path.name, as_version=4)
        for cell in executed.cells:
            if cell.cell_type == "code":
                yield path.name, cell


def test_every_figure_shows_inline_in_the_executed_notebooks(figures_runs):
    """One image/png output for every figure a cell saves, none elsewhere."""
    saved = shown = 0
    for name, cell in _executed_cells(figures_runs):
        figures = cell.source.count("figure_save(")
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(images) == figures, f"{name}: {cell.source[:60]!r}"
        for image in images:
            assert 300 <= image.metadata["image/png"]["width"] <= 800, name
        saved += figures
        shown += len(images)
    assert shown == saved == len(EXPECTED_FIGURES)


def test_executed_notebooks_have_no_error_and_no_warning_output(figures_runs):
    for name, cell in _executed_cells(figures_runs):
        for output in cell.outputs:
            assert output.output_type != "error", f"{name}: {output.get('evalue')}"
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                f"{name}: {cell.source[:60]!r} wrote to stderr: {output.text[:300]}")


def _stored(path: Path) -> str:
    """The notebook as git stores it: the index when the output filter (``make install``)
    is installed and the file is tracked, else the file as it is."""
    import subprocess

    def git(*args):
        return subprocess.run(["git", *args], cwd=path.parent, capture_output=True,
                              text=True, encoding="utf-8")

    if git("config", "filter.nbstripout.clean").returncode == 0:
        shown = git("show", f":./{path.name}")
        if shown.returncode == 0:
            return shown.stdout
    return path.read_text(encoding="utf-8")


def test_notebooks_are_stored_without_outputs():
    notebooks = notebooks_list(NOTEBOOKS_DIR)
    assert notebooks, "no notebooks found"
    for path in notebooks:
        cells = json.loads(_stored(path))["cells"]
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


@pytest.mark.parametrize("argv, message", [
    (["--frames", "{bad}"], "bad.toml, line 1"),
    (["--by", "krant"], "by: the corpus has no column 'krant'."),
    (["--text-column", "body"], "The corpus could not be loaded"),
])
def test_figures_checks_every_input_before_the_first_notebook(tmp_path, monkeypatch, capsys,
                                                              argv, message):
    import papermill

    from analysis.cli import main

    bad = tmp_path / "bad.toml"
    bad.write_text("[frames.x\n", encoding="utf-8")
    started = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: started.append(a))
    out = tmp_path / "out"
    argv = [a.format(bad=bad) for a in argv]
    corpus = ["--corpus", str(tmp_path / "c.csv")] if "--text-column" in argv else []
    if corpus:
        (tmp_path / "c.csv").write_text("tekst\nEen artikel.\n", encoding="utf-8")
    assert main(["figures", *corpus, "--out", str(out), *argv]) == 1
    assert message in capsys.readouterr().err
    assert started == [] and not out.exists()


def test_figures_passes_its_parameters_to_every_notebook(tmp_path, monkeypatch):
    import papermill

    from analysis.cli import main

    calls = []
    monkeypatch.setattr(papermill, "execute_notebook",
                        lambda src, dst, parameters, **k: calls.append(parameters))
    assert main(["figures", "--out", str(tmp_path), "--by", "country"]) == 0
    assert len(calls) == len(notebooks_list())
    for parameters in calls:  # the notebooks write into a staging folder inside --out
        staging = Path(parameters["out_dir"]).parent
        assert parameters["by"] == "country" and staging.parent == tmp_path
        assert staging.name.startswith(".discourse-staging-")


def test_an_empty_table_gets_one_sentence_saying_why(tmp_path):
    """rq1 on two short articles: nothing to test for keyness, no word pair, no KWIC line."""
    import nbformat

    from analysis.notebooks import notebooks_run
    from analysis.paths import NOTEBOOKS_DIR

    corpus = tmp_path / "klein.csv"
    corpus.write_text("text,outlet\nDe NAVO praat met Rusland.,A\nRusland praat met de VS.,B\n",
                      encoding="utf-8")
    notebooks_run(corpus=corpus, out_dir=tmp_path / "out", executed_dir=tmp_path / "run",
                  notebooks=[NOTEBOOKS_DIR / "rq1-vocabulary-by-outlet.ipynb"], progress=False)
    executed = nbformat.read(tmp_path / "run" / "rq1-vocabulary-by-outlet.ipynb", as_version=4)
    printed = [o.text.strip() for c in executed.cells if c.cell_type == "code"
               for o in c.outputs if o.output_type == "stream" and o.name == "stdout"]
    assert "No term occurs at least 5 times in the corpus (2 articles), so no term could be " \
           "tested: lower min_count in this cell, or add articles." in printed
    assert "No word pair occurs at least 3 times in the 2 articles: lower min_count in this " \
           "cell, or add articles." in printed
    assert "'koude oorlog' does not occur in the 2 articles: change the pattern in this cell " \
           "(* matches any letters)." in printed


def test_rq4_on_the_bundled_corpus_has_one_period(figures_dir):
    rows = (figures_dir / "rq4-timeline.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "period,outlet,measure,value,ci_low,ci_high,articles,words"
    assert len(rows) - 1 == 5 * 7  # five outlets, five frames and two tone measures
    assert {r.split(",")[0] for r in rows[1:]} == {"2022-01-01"}
    new_terms = (figures_dir / "rq4-new-terms.csv").read_text(encoding="utf-8").splitlines()
    assert new_terms[1].startswith("2022-01-01,5,,,")  # one period: nothing to compare with


def test_rq4_on_a_corpus_over_three_months(tmp_path):
    from analysis.notebooks import notebooks_run

    fixtures = Path(__file__).parent / "fixtures" / "timeline"
    notebooks_run(corpus=fixtures / "corpus.csv", out_dir=tmp_path,
                  parameters={"events_file": str(fixtures / "events.csv")},
                  notebooks=[NOTEBOOKS_DIR / "rq4-over-time.ipynb"], progress=False)
    for name in ("rq4-frames-over-time", "rq4-tone-over-time", "rq4-new-terms"):
        assert (tmp_path / f"{name}.png").stat().st_size > 1000
    table = (tmp_path / "rq4-timeline.csv").read_text(encoding="utf-8").splitlines()
    # eleven weeks from Monday 2022-01-03 to 2022-03-14: weekly periods are chosen for it
    weeks = sorted({r.split(",")[0] for r in table[1:]})
    assert (len(weeks), weeks[0], weeks[-1]) == (11, "2022-01-03", "2022-03-14")
    new_terms = (tmp_path / "rq4-new-terms.csv").read_text(encoding="utf-8").splitlines()
    assert new_terms[0].startswith("period,articles,reference,term,")


# --------------------------------------------------------------------------- languages


def test_english_and_dutch_runs_write_the_same_files_of_the_same_size_class(
        figures_dir, figures_run_english):
    """`discourse figures --lang en` writes every file the Dutch run writes, none more; the
    data tables (CSV) are the same bytes, and every other file is within a factor 1.5 in
    size (the same figure or table with other words)."""
    dutch = sorted(p.name for p in figures_dir.iterdir())
    english = sorted(p.name for p in figures_run_english.iterdir())
    assert english == dutch
    for name in dutch:
        nl, en = figures_dir / name, figures_run_english / name
        if name.endswith(".csv") and name != "MANIFEST.csv":
            assert nl.read_bytes() == en.read_bytes(), name
        else:
            ratio = en.stat().st_size / nl.stat().st_size
            assert 2 / 3 <= ratio <= 3 / 2, (name, nl.stat().st_size, en.stat().st_size)


@pytest.mark.parametrize(("run", "lang", "other"), [("english", "en", "nl"),
                                                    ("dutch", "nl", "en")])
def test_no_interface_word_of_the_other_language_in_any_svg(
        figures_dir, figures_run_english, run, lang, other):
    from tests.languages import only_words, svg_texts, words_of

    folder = figures_run_english if run == "english" else figures_dir
    foreign = only_words(other)
    assert {"sleutelwoorden", "toon", "medium", "artikelen"} <= only_words("nl")
    assert {"keywords", "tone", "outlet", "articles"} <= only_words("en")
    svgs = sorted(folder.glob("*.svg"))
    assert len(svgs) == len(EXPECTED_FIGURES)
    own = only_words(lang)
    for svg in svgs:
        words = words_of(svg_texts(svg))
        assert words & own, f"{svg.name} shows no word of its own language"
        assert not words & foreign, (svg.name, sorted(words & foreign))


def test_english_run_writes_english_tables_captions_and_manifest(figures_run_english):
    captions = (figures_run_english / "CAPTIONS.md").read_text(encoding="utf-8")
    assert captions.startswith("# Suggested captions\n")
    assert ("Number of articles (left) and of words (right; word and number tokens, no "
            "punctuation) per outlet. Corpus: 5 articles from 5 outlets (De Morgen, de "
            "Volkskrant, NOS, NRC, Trouw), January 2022.") in captions
    assert "Bestanden" not in captions and "artikelen" not in captions
    overview = (figures_run_english / "rq0-corpus-overview.tex").read_text(encoding="utf-8")
    assert "outlet & articles & words & first date & last date \\\\" in overview
    assert "NRC & 1 & 1,033 & 2022-01 & 2022-01 \\\\" in overview
    from docx import Document

    table = Document(str(figures_run_english / "rq0-corpus-overview.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "outlet", "articles", "words", "first date", "last date"]
    manifest = (figures_run_english / "MANIFEST.csv").read_text(encoding="utf-8")
    rows = [line.rsplit(",", 1)[1] for line in manifest.splitlines()[1:]]
    assert set(rows) == {"en"}


def test_dutch_tables_keep_dutch_headers_and_numbers(figures_dir):
    overview = (figures_dir / "rq0-corpus-overview.tex").read_text(encoding="utf-8")
    assert "NRC & 1 & 1.033 & 2022-01 & 2022-01 \\\\" in overview
    assert (figures_dir / "CAPTIONS.md").read_text(encoding="utf-8").startswith(
        "# Voorgestelde bijschriften\n")


def test_figures_lang_and_format_reach_the_notebooks(tmp_path):
    """--lang and --format are notebook parameters: a notebook run with them writes its
    figures in those formats only, with English words."""
    from analysis.notebooks import notebooks_run
    from tests.languages import svg_texts

    rq0 = [p for p in notebooks_list() if p.stem == "rq0-corpus-overview"]
    notebooks_run(out_dir=tmp_path, notebooks=rq0, progress=False,
                  parameters={"lang": "en", "formats": "svg,eps,tiff"})
    written = sorted(p.name for p in tmp_path.glob("rq0-corpus-overview.*"))
    assert written == [f"rq0-corpus-overview.{s}" for s in
                       ("csv", "docx", "eps", "svg", "tex", "tiff")]
    assert "Articles per outlet" in svg_texts(tmp_path / "rq0-corpus-overview.svg")
    assert (tmp_path / "rq0-corpus-overview.tiff").read_bytes()[:4] in (b"II*\x00",
                                                                          b"MM\x00*")


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--lang", "de", "lang must be one of 'nl', 'en' (the language of the figures' and "
                     "tables' words), not 'de'."),
    ("--lang", "english", "lang must be one of 'nl', 'en' (the language of the figures' "
                          "and tables' words), not 'english'."),
    ("--format", "png,jpg", "formats: unknown figure format 'jpg'; choose from png, svg, "
                            "pdf, eps, tiff (e.g. png,svg,pdf)."),
])
def test_a_bad_lang_or_format_is_refused_before_any_notebook(tmp_path, capsys, option, value,
                                                              message):
    from analysis.cli import main

    assert main(["figures", "--out", str(tmp_path / "out"), option, value]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "MANIFEST.csv").exists()
