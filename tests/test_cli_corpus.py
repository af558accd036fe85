"""`discourse check`: a summary of a good corpus, every problem of a bad one, in one run."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import CORPUS_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
PROBLEMS = FIXTURES / "problems"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_bundled_corpus_succeeds_and_names_every_outlet(capsys):
    code, out, _ = run(capsys, "check", str(CORPUS_DIR))
    assert code == 0
    assert "Articles given: 5; loaded: 5; with problems: 0" in out
    for outlet in ["NRC", "De Morgen", "NOS", "Trouw", "de Volkskrant"]:
        # one summary line per outlet: the outlet, then its 1 article
        assert re.search(rf"^\s*{re.escape(outlet)}\s+1\s", out, re.MULTILINE), outlet
    assert out.rstrip().endswith("No problems found.")


def test_check_lists_every_problem_in_one_run(capsys):
    d = PROBLEMS / "many_problems"
    code, out, _ = run(capsys, "check", str(d))
    assert code == 1
    assert "Articles given: 6; loaded: 1; with problems: 5" in out
    problems = out.split("5 problem(s):\n", 1)[1].splitlines()
    assert problems == [
        f"  - {d / 'b.txt'}: is empty. Put the article in it, or remove the file.",
        f"  - {d / 'c.txt'}, line 1: has no header: the first line should start with ' date "
        "YYYY-MM' (it starts with 'Geen kop.'). Add the article's date before the text, e.g. "
        "' date 2022-01'.",
        f"  - {d / 'd.txt'}, line 1: the date in the header '2022-13' is not a real date: "
        "there is no month 13. Write dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or "
        "2022-01-10.",
        f"  - {d / 'e.txt'}: has no row in metadata.csv, so its outlet and date are unknown. "
        "Add a row with file=e.txt to metadata.csv, or move the file out of the corpus "
        "folder.",
        f"  - {d / 'metadata.csv'}, line 6: names the file 'f.txt', which is not in the "
        "corpus folder. Add the file, correct its name (capitals count), or remove the row.",
    ]


def test_check_with_skip_invalid_names_what_would_be_skipped(capsys):
    code, out, _ = run(capsys, "check", str(PROBLEMS / "many_problems"), "--skip-invalid")
    assert code == 0
    assert out.rstrip().endswith("With --skip-invalid, 5 article(s) would be skipped: "
                                 "b, c, d, e, f")


def test_check_missing_header_names_the_file(capsys):
    d = PROBLEMS / "no_header"
    code, out, _ = run(capsys, "check", str(d))
    assert code == 1
    assert f"  - {d / 'a.txt'}, line 1: has no header:" in out


def test_check_unknown_column_names_the_file(capsys):
    f = FIXTURES / "renamed.csv"
    code, out, _ = run(capsys, "check", str(f), "--text-column", "tekst")
    assert code == 1
    assert (f"  - {f}: has no column 'tekst' for the article texts (its columns: 'id', "
            "'medium', 'datum', 'kop', 'body', 'rubriek'). Name the column that holds the "
            "article texts with --text-column") in out


def test_check_renamed_columns(capsys):
    code, out, _ = run(capsys, "check", str(FIXTURES / "renamed.csv"), "--id-column", "id",
                       "--text-column", "body", "--outlet-column", "medium",
                       "--date-column", "datum")
    assert code == 0
    assert "Articles given: 2; loaded: 2; with problems: 0" in out


@pytest.mark.parametrize("argv", [["--skip-invalid"], []])
def test_figures_refuse_to_write_into_the_corpus_folder(capsys, argv):
    code, _, err = run(capsys, "figures", "--out", str(CORPUS_DIR / "figures"), *argv)
    assert code == 2
    assert err == (f"discourse figures: the output folder {CORPUS_DIR / 'figures'} lies inside "
                   f"the corpus folder "
                   f"{CORPUS_DIR}; nothing may be written into the corpus. Choose another "
                   "output folder.\n")
    assert not (CORPUS_DIR / "figures").exists()


def test_a_loading_warning_is_printed_once_with_its_file(tmp_path, capsys):
    """A corpus problem that is a warning names its file and says 'warning:' once."""
    fake = tmp_path / "export.csv"  # a Parquet file under a CSV name
    pd.DataFrame({"doc_id": ["a1"], "outlet": ["NOS"], "text": ["De NAVO praat."]}).to_parquet(
        fake, index=False)
    code, _, err = run(capsys, "frequencies", str(fake), "-o", str(tmp_path / "f.csv"))
    assert code == 0
    assert err.splitlines()[0] == (
        f"{fake}: warning: is named .csv but holds a Parquet file, so it was read as such. "
        "Rename it to end in .parquet.")


def test_figures_refuse_an_output_folder_that_is_a_file(tmp_path, capsys):
    notes = tmp_path / "scriptie-notities.txt"
    notes.write_text("Mijn aantekeningen.")
    code, _, err = run(capsys, "figures", "--out", str(notes))
    assert (code, err) == (2, f"discourse figures: the output folder {notes} is a file. Give a "
                              "folder for the figures and tables (it is made when missing).\n")
    assert notes.read_text() == "Mijn aantekeningen."


@pytest.fixture
def notebooks_started(monkeypatch) -> list[dict]:
    """The arguments ``discourse figures`` runs the notebooks with (none is run)."""
    import analysis.notebooks.run

    started: list[dict] = []
    monkeypatch.setattr(analysis.notebooks.run, "notebooks_run",
                        lambda **kwargs: started.append(kwargs) or [])
    return started


@pytest.mark.parametrize("where", [["CORPUS"], ["--corpus", "CORPUS"], ["CORPUS", "--corpus",
                                                                        "CORPUS"]])
def test_figures_take_the_corpus_as_first_argument_or_with_corpus(
        tmp_path, capsys, notebooks_started, where):
    table = tmp_path / "mijn.csv"
    table.write_text("doc_id,outlet,date,text\na,NOS,2022-01-01,Een tekst.\n")
    argv = [str(table) if arg == "CORPUS" else arg for arg in where]
    code, out, _ = run(capsys, "figures", *argv, "--text-column", "text",
                       "--out", str(tmp_path / "out"))
    assert code == 0
    assert [(s["corpus"], s["corpus_options"]) for s in notebooks_started] == [
        (str(table), {"text_column": "text"})]
    assert out == f"Ran 0 notebook(s); figures and tables are in {tmp_path / 'out'}\n"


def test_figures_refuse_two_different_corpora(tmp_path, capsys, notebooks_started):
    code, _, err = run(capsys, "figures", "a.csv", "--corpus", "b.csv",
                       "--out", str(tmp_path / "out"))
    assert (code, notebooks_started) == (2, [])
    assert err == ("discourse figures: two corpora given (a.csv and --corpus b.csv): give "
                   "one\n")


def test_figures_without_a_corpus_run_the_bundled_one(tmp_path, capsys, notebooks_started):
    code, _, _ = run(capsys, "figures", "--out", str(tmp_path / "out"))
    assert code == 0
    assert [(s["corpus"], s["corpus_options"]) for s in notebooks_started] == [(None, {})]


@pytest.mark.parametrize("name", ["rot13", "base64", "hex", "zlib", "bz2"])
def test_an_encoding_that_is_not_a_text_encoding_is_refused(capsys, name):
    with pytest.raises(SystemExit) as stop:
        main(["check", str(CORPUS_DIR), "--encoding", name])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert (f"argument --encoding: {name!r} is not a text encoding (it turns bytes into "
            "bytes); name one such as utf-8, utf-16, cp1252 (Windows-1252) or latin-1") in err


def test_the_library_refuses_an_encoding_that_is_not_a_text_encoding():
    from analysis.corpus import CorpusError, corpus_load

    with pytest.raises(CorpusError, match=r"'rot13' is not a text encoding"):
        corpus_load(CORPUS_DIR, encoding="rot13")


def test_a_file_the_system_cannot_read_is_one_line(tmp_path, capsys):
    """Any operating-system error on a file the user named (here a folder given where a
    word list of the quote finder is read) ends the command with the file and the reason,
    exit status 2."""
    folder = tmp_path / "woorden"
    folder.mkdir()
    out = tmp_path / "q.csv"
    code = main(["quotes", str(CORPUS_DIR), "--speech-verbs", str(folder), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"discourse quotes: {folder}: is a folder, not a file.\n"
    assert not out.exists()


def test_every_encoding_option_refuses_a_codec_that_is_not_a_text_encoding():
    """Every option of every command that names an encoding is checked the same way."""
    from analysis.cli import build_parser
    from analysis.cli.common import encoding_option

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    options = [(name, a.option_strings[-1]) for name, command in sub.choices.items()
               for a in command._actions if "encoding" in a.dest]
    assert len(options) > 10
    assert [o for o in options if o[1] and sub.choices[o[0]]._option_string_actions[o[1]].type
            is not encoding_option] == []
