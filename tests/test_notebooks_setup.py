"""The notebook set-up: parameters checked with clear messages, results folders, inline
figures and short toolkit errors in a running kernel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.notebooks import (
    PARAMETERS,
    ParameterError,
    notebook_setup,
    parameters_check,
    path_resolve,
    results_dir,
)
from analysis.notebooks.parameters import RESULTS_DIR, corpus_option_names
from analysis.paths import CORPUS_DIR, FIGURES_DIR, ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_a_relative_path_is_taken_from_the_project_root():
    assert path_resolve("corpus", what="corpus_path") == CORPUS_DIR
    assert path_resolve("corpus/../corpus", what="corpus_path") == CORPUS_DIR


def test_a_missing_file_names_the_absolute_path_tried_and_the_root():
    with pytest.raises(ParameterError) as info:
        path_resolve("mijn_corpus.csv", what="corpus_path")
    message = str(info.value)
    assert message.startswith(f"corpus_path 'mijn_corpus.csv': {ROOT / 'mijn_corpus.csv'} "
                              "does not exist")
    assert f"taken from the project root, {ROOT}" in message


def test_a_missing_file_found_in_the_current_folder_says_so(tmp_path, monkeypatch):
    (tmp_path / "mijn_corpus.csv").write_text("text\nx\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError, match="It exists in the current folder: give "
                       + re.escape(repr(str(tmp_path / "mijn_corpus.csv")))):
        path_resolve("mijn_corpus.csv", what="corpus_path")


def test_an_unknown_corpus_option_lists_the_valid_keys():
    with pytest.raises(ParameterError) as info:
        parameters_check("t", {"corpus_options": {"text_col": "body"}})
    first, valid = str(info.value).splitlines()
    assert first == "corpus_options: unknown key 'text_col'. Did you mean 'text_column'?"
    assert valid.startswith("The valid keys are: text_column, id_column, outlet_column, "
                            "date_column, title_column, encoding, include_hidden, "
                            "skip_invalid")
    assert valid == f"The valid keys are: {', '.join(corpus_option_names())}."


def test_corpus_options_must_be_a_dict():
    with pytest.raises(ParameterError, match="corpus_options must be a dict"):
        parameters_check("t", {"corpus_options": "text_column=body"})


def test_by_must_name_a_column_of_the_corpus():
    with pytest.raises(ParameterError) as info:
        parameters_check("t", {"by": "outlett"})
    assert str(info.value) == (
        "by: the corpus has no column 'outlett'. Did you mean 'outlet'? Choose one of: "
        "doc_id, outlet, date, title, country, attribution, file.")


def test_a_bad_frames_file_is_refused_before_anything_runs(tmp_path):
    from analysis.dictionaries import FrameFileError

    bad = tmp_path / "bad.toml"
    bad.write_text("[frames.x\n", encoding="utf-8")
    with pytest.raises(FrameFileError, match="bad.toml"):
        parameters_check("t", {"frames_file": str(bad)})


def test_results_go_to_figures_only_for_the_bundled_corpus(tmp_path):
    copy = tmp_path / "Mijn corpus"
    import shutil

    shutil.copytree(CORPUS_DIR, copy)
    assert parameters_check("t", {}).out_dir == FIGURES_DIR
    assert parameters_check("t", {"corpus_path": str(CORPUS_DIR)}).out_dir == FIGURES_DIR
    assert parameters_check("t", {"corpus_path": str(copy)}).out_dir == RESULTS_DIR / "Mijn-corpus"
    assert results_dir(tmp_path / "nexis export.csv") == RESULTS_DIR / "nexis-export"
    given = parameters_check("t", {"corpus_path": str(copy), "out_dir": "elders"})
    assert given.out_dir == ROOT / "elders"


def test_results_folder_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/results/" in ignored


def test_every_parameter_has_a_default_and_help():
    assert list(PARAMETERS)[:5] == ["corpus_path", "corpus_options", "out_dir", "frames_file",
                                    "by"]
    for parameter in PARAMETERS.values():
        assert parameter.help


def test_setup_outside_ipython_loads_the_corpus_and_says_where_results_go(tmp_path, capsys):
    setup = notebook_setup("t", {"out_dir": str(tmp_path), "unrelated": 1})
    assert len(setup.corpus) == 5 and setup.by == "outlet" and setup.out_dir == tmp_path
    assert capsys.readouterr().out == (
        f"5 article(s) from {CORPUS_DIR}, compared by 'outlet' (5 group(s)); figures and "
        f"tables go to {tmp_path}\n")
    with pytest.raises(AttributeError, match="registered parameters: corpus_path"):
        setup.periode  # noqa: B018


def _run_cells(cells: list[str], cwd: Path):
    """Execute ``cells`` in a fresh kernel (errors allowed); returns the executed cells."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return nb.cells


@pytest.fixture(scope="module")
def kernel_cells(tmp_path_factory):
    """One kernel: a parameter cell with a missing corpus, the set-up, a good set-up, a
    figure, and a bug."""
    out = tmp_path_factory.mktemp("kernel-out")
    return _run_cells([
        'corpus_path = "mijn_corpus.csv"',
        "from analysis.notebooks import notebook_setup\n"
        'setup = notebook_setup("t", globals())',
        f'corpus_path = None\nout_dir = {str(out)!r}\nsetup = notebook_setup("t", globals())',
        "from analysis.output.figures import figure_new\n"
        "fig, ax = figure_new('wide')\nax.plot([0, 1], [0, 1])\nfig",
        "def broken():\n    return 1 / 0\nbroken()",
        "parameters_check = __import__('analysis.notebooks', fromlist=['x']).parameters_check\n"
        "parameters_check('t', {'corpus_options': {'text_col': 'body'}})",
    ], out)


def test_a_toolkit_error_in_a_notebook_shows_its_message_only(kernel_cells):
    errors = [o for o in kernel_cells[1].outputs if o.output_type == "error"]
    assert len(errors) == 1
    text = ANSI.sub("", "\n".join(errors[0].traceback))
    assert text == (f"ParameterError: corpus_path 'mijn_corpus.csv': {ROOT / 'mijn_corpus.csv'} "
                    f"does not exist (a relative path is taken from the project root, {ROOT}). "
                    "Check the spelling, or give the absolute path.")
    listed = ANSI.sub("", "\n".join(
        next(o for o in kernel_cells[5].outputs if o.output_type == "error").traceback))
    assert listed.splitlines()[-1] == f"The valid keys are: {', '.join(corpus_option_names())}."


def test_a_bug_keeps_its_full_traceback(kernel_cells):
    errors = [o for o in kernel_cells[4].outputs if o.output_type == "error"]
    assert errors[0].ename == "ZeroDivisionError"
    text = ANSI.sub("", "\n".join(errors[0].traceback))
    assert "return 1 / 0" in text and "broken()" in text


def test_a_figure_shows_inline_at_screen_size(kernel_cells):
    import base64
    import struct

    setup_outputs = kernel_cells[2].outputs
    assert [o.output_type for o in setup_outputs] == ["stream"]
    assert setup_outputs[0].name == "stdout"
    images = [o for o in kernel_cells[3].outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    png = base64.b64decode(images[0].data["image/png"])
    width, height = struct.unpack(">II", png[16:24])
    shown = images[0].metadata["image/png"]
    assert (shown["width"], shown["height"]) == (width // 2, height // 2)  # sharp: 2x pixels
    assert 600 <= shown["width"] <= 800


def _csv(path: Path, outlets: list[str], extra: dict[str, list[str]] | None = None) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["body", "krant", *(extra or {})])
        for i, outlet in enumerate(outlets):
            writer.writerow([f"Artikel {i} over de NAVO en Rusland.", outlet,
                             *(v[i] for v in (extra or {}).values())])
    return path


def test_many_groups_become_the_largest_and_other(tmp_path):
    outlets = [f"Bron {k:04d}" for k in range(1000)] + ["NRC"] * 3
    path = _csv(tmp_path / "duizend.csv", outlets)
    setup = parameters_check("t", {"corpus_path": str(path),
                                   "corpus_options": {"text_column": "body",
                                                      "outlet_column": "krant"}})
    assert setup.corpus["outlet"].nunique() == 25
    assert setup.corpus["outlet_full"].nunique() == 1001
    assert setup.notes == [
        "'outlet' has 1,001 groups: the 24 with the most articles are shown one by one, the "
        "other 977 (977 articles) together as '(other)'. Set max_groups (--max-groups) to "
        "show more."]
    every = parameters_check("t", {"corpus_path": str(path), "max_groups": None,
                                   "corpus_options": {"text_column": "body",
                                                      "outlet_column": "krant"}})
    assert every.corpus["outlet"].nunique() == 1001 and every.notes == []
    with pytest.raises(ParameterError, match="max_groups must be a whole number"):
        parameters_check("t", {"max_groups": 1})


def test_one_group_is_refused_where_groups_are_compared(tmp_path):
    path = _csv(tmp_path / "een.csv", ["NRC"] * 4, {"sectie": ["A", "B", "A", "B"]})
    values = {"corpus_path": str(path),
              "corpus_options": {"text_column": "body", "outlet_column": "krant"}}
    assert len(parameters_check("t", values).corpus) == 4  # one group is fine elsewhere
    with pytest.raises(ParameterError) as info:
        parameters_check("t", values, min_groups=2)
    assert str(info.value) == (
        "by: 'outlet' has 1 group(s) in this corpus; this analysis compares groups, so it "
        "needs at least 2. Set by (--by) to another column. Columns with 2 or more values: "
        "sectie (2).")
    assert parameters_check("t", {**values, "by": "sectie"}, min_groups=2).by == "sectie"


def test_the_earlier_set_up_call_still_loads_the_corpus(tmp_path, capsys):
    from analysis.notebooks import notebook_start

    corpus = notebook_start("t", out_dir=str(tmp_path), frames_file=None)
    assert len(corpus) == 5
    assert capsys.readouterr().out.endswith(f"figures and tables go to {tmp_path}\n")


def test_lang_is_read_as_written_and_formats_are_checked():
    from analysis.notebooks.setup import parameters_check

    setup = parameters_check("example", {"lang": " EN", "formats": "PDF, tif",
                                         "out_dir": "/tmp/discourse-example"})
    assert setup.lang == "en" and setup.formats == ("pdf", "tiff")
    default = parameters_check("example", {"out_dir": "/tmp/discourse-example"})
    assert default.lang == "nl" and default.formats == ("png", "svg", "pdf")


# ----------------------------------------------------- parameters the notebooks read


def _free_names(notebook: Path) -> set[str]:
    """Names the cells after the parameter cell read before any cell defines them: values a
    notebook would take from its parameter cell's namespace instead of its set-up."""
    import ast
    import builtins
    import json

    defined = set(dir(builtins)) | {"get_ipython", "display"}
    free: set[str] = set()
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code" or "parameters" in cell["metadata"].get("tags", []):
            continue
        for statement in ast.parse("".join(cell["source"])).body:
            # an assignment reads its value before it binds its targets (`period = period or
            # ...` reads the cell's `period`); any other statement binds its names first
            # (loops, comprehensions, a name bound in an `if` and read after it)
            read = statement.value if isinstance(statement, ast.Assign) else statement
            inner = {n.id for n in ast.walk(read)
                     if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            loads = {n.id for n in ast.walk(read)
                     if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            free |= loads - defined - inner
            for node in ast.walk(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    defined.add(node.id)
                elif isinstance(node, ast.alias):
                    defined.add((node.asname or node.name).split(".")[0])
                elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                    defined.add(node.name)
    return free


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")),
                         ids=lambda p: p.stem)
def test_no_notebook_reads_a_parameter_past_its_set_up(notebook):
    """Every parameter comes through notebook_setup (its default when the parameter cell
    leaves it out), so any parameter cell, the notebooks guide's included, runs every notebook
    (rq4 read `period` and rq0 `corpus_options` from the cell: a NameError without them)."""
    assert _free_names(notebook) == set()


def _readme_parameters() -> str:
    """The parameters.toml example of the notebooks guide (docs/guides/notebooks.md)."""
    guide = (ROOT / "docs" / "guides" / "notebooks.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Working in JupyterLab"):]
    return re.search(r"```toml\n(.*?)```", section, re.S).group(1)


def test_the_readme_parameters_file_is_read_as_it_says(tmp_path, capsys):
    """The notebooks guide's parameters.toml, with its corpus written where it says: every key is a
    parameter, and the set-up takes each one and says so."""
    import tomllib

    example = _readme_parameters()
    values = tomllib.loads(example)
    assert set(values) <= set(PARAMETERS)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mijn_corpus.csv").write_text(
        "doc_id,krant,datum,body\n"
        "a,NRC,2022-01-10,Rusland en de NAVO praten in Genève.\n"
        "b,AD,2022-01-17,De NAVO antwoordt Rusland schriftelijk.\n", encoding="utf-8")
    file = tmp_path / "parameters.toml"
    file.write_text(example.replace('"data/mijn_corpus.csv"',
                                    repr(str(tmp_path / "data" / "mijn_corpus.csv"))),
                    encoding="utf-8")
    setup = notebook_setup("rq4-over-time", {"parameters_file": str(file),
                                             "out_dir": str(tmp_path / "out")})
    assert sorted(setup.corpus["outlet"]) == ["AD", "NRC"]
    assert (setup.lang, setup.formats, setup.period) == ("en", ("pdf", "eps"), "week")
    assert f"parameters from {file}: corpus_path, corpus_options, by, lang, formats, " \
        "period" in capsys.readouterr().out


def test_a_value_in_the_parameter_cell_wins_over_the_file(tmp_path):
    file = tmp_path / "p.toml"
    file.write_text('lang = "en"\nperiod = "month"\n', encoding="utf-8")
    setup = parameters_check("x", {"parameters_file": str(file), "lang": "nl",
                                   "period": "year", "out_dir": str(tmp_path)})
    # "nl" is the default: the file's "en" fills it; "year" was set in the cell
    assert (setup.lang, setup.period) == ("en", "year")


def test_a_parameters_file_with_an_unknown_key_or_bad_toml_is_named(tmp_path):
    file = tmp_path / "p.toml"
    file.write_text('perod = "week"\n', encoding="utf-8")
    with pytest.raises(ParameterError, match=r"p.toml: 'perod' is no notebook parameter\. "
                                             r"Did you mean 'period'\?"):
        parameters_check("x", {"parameters_file": str(file)})
    file.write_text("corpus_path = data/x.csv\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"p.toml: is not valid TOML \(.*line 1"):
        parameters_check("x", {"parameters_file": str(file)})


def test_a_bad_period_is_refused_with_the_choices():
    with pytest.raises(ParameterError, match=r"period must be one of day, week, month, "
                                             r"quarter, year.*not 'weak'\. Did you mean 'week'"):
        parameters_check("x", {"period": "weak"})


def test_figures_reads_no_parameters_file_unless_given(monkeypatch, tmp_path):
    """`discourse figures` (make figures) regenerates the bundled figures whatever a user's
    parameters.toml says: it passes parameters_file=None unless --parameters is given."""
    import analysis.notebooks.run as run

    seen = {}

    def execute(pm, failure, paths, values, work, executed_dir, progress):
        seen.update(values)

    monkeypatch.setattr(run, "_execute", execute)
    monkeypatch.setattr(run, "_publish", lambda *a: None)
    run.notebooks_run(out_dir=tmp_path / "out", notebooks=[], progress=False)
    assert seen["parameters_file"] is None


# ------------------------------------------------- a study's own actors and terms


def test_terms_come_from_the_frame_dictionary_or_the_option(tmp_path):
    """rq1 follows the words of the study's own frame dictionary, not the shipped study's
    (before: "koude oorlog", "escal*" and "sancties" whatever the dictionary)."""
    from analysis.notebooks.parameters import SHIPPED_TERMS

    frames = tmp_path / "frames.toml"
    frames.write_text('[frames.kosten]\nlabel = "Kosten"\ndefinition = "Wat het kost."\n'
                      'patterns = ["belasting*", "kosten"]\n[frames.zorg]\nlabel = "Zorg"\n'
                      'definition = "De zorg."\npatterns = ["ziekenhuis*"]\n',
                      encoding="utf-8")
    assert parameters_check("x", {}).terms == list(SHIPPED_TERMS)
    assert parameters_check("x", {"frames_file": str(frames)}).terms == ["belasting*",
                                                                         "ziekenhuis*"]
    given = PARAMETERS["terms"].parse("inflatie, koopkracht*")
    assert parameters_check("x", {"frames_file": str(frames), "terms": given}).terms == [
        "inflatie", "koopkracht*"]
    with pytest.raises(ParameterError, match="terms must be a list of words"):
        parameters_check("x", {"terms": []})


def test_an_actor_dictionary_is_checked_and_named(tmp_path):
    from analysis.dictionaries.actors import DEFAULT_ACTORS_FILE
    from analysis.dictionaries.frames import FrameFileError

    assert parameters_check("x", {}).actors_file == DEFAULT_ACTORS_FILE
    bad = tmp_path / "actors.toml"
    bad.write_text("[actors.x]\nlabel = 3\n", encoding="utf-8")
    with pytest.raises(FrameFileError, match="actors.toml"):
        parameters_check("x", {"actors_file": str(bad)})


def test_figures_takes_actors_and_terms_options():
    from analysis.cli import build_parser

    args = build_parser().parse_args(["figures", "--actors", "a.toml", "--terms", "x,y*"])
    assert (args.parameter_actors_file, args.parameter_terms) == ("a.toml", "x,y*")


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")),
                         ids=lambda p: p.stem)
def test_notebook_headings_are_english(notebook):
    """Headings speak one language, English, as the notebooks' text does (rq1's were
    Dutch); Dutch stands only in quotes (frame names, figure titles)."""
    import json

    dutch = {"de", "het", "een", "van", "welke", "elk", "woorden", "medium", "tegenover"}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            if line.startswith("#"):
                unquoted = re.sub(r'"[^"]*"', "", line).lower()
                assert not dutch & set(re.findall(r"\w+", unquoted)), line
