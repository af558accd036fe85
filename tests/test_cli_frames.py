"""``discourse frames``: with the shipped and an edited dictionary, --init, and mistakes.
Expected numbers are the hand counts of tests/test_frames.py."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cli import main
from analysis.dictionaries import DEFAULT_FRAMES_FILE, MATCH_COLUMNS
from analysis.paths import CORPUS_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "frames"


def test_init_writes_the_default_dictionary(tmp_path, capsys):
    target = tmp_path / "mijn.toml"
    assert main(["frames", "--init", str(target)]) == 0
    assert target.read_bytes() == DEFAULT_FRAMES_FILE.read_bytes()
    assert main(["frames", "--init", str(target)]) == 2
    assert "exists already" in capsys.readouterr().err


def test_default_dictionary_on_the_bundled_corpus(tmp_path, capsys):
    counts, matches, cooc = tmp_path / "c.csv", tmp_path / "m.csv", tmp_path / "co.csv"
    code = main(["frames", str(CORPUS_DIR), "-o", str(counts), "--matches", str(matches),
                 "--cooccurrence", str(cooc), "--audit"])
    assert code == 0
    table = pd.read_csv(counts)
    assert len(table) == 5 * 5  # 5 outlets x 5 frames
    named = table[table["frame"].isin(["koude_oorlog", "escalatie", "sancties"])]
    assert named.groupby("frame")["hits"].sum().to_dict() == {
        "escalatie": 21, "koude_oorlog": 19, "sancties": 8}
    rows = pd.read_csv(matches)
    assert list(rows.columns) == MATCH_COLUMNS
    assert (rows["frame"] == "sancties").sum() == 8
    assert len(pd.read_csv(cooc)) == 25
    out = capsys.readouterr().out
    assert "Audit" in out and "swift-systeem" in out


def test_an_edited_dictionary(tmp_path, capsys):
    """Without "*escal*" the escalatie count of the bundled corpus falls from 21 to 12: its
    9 matches were escalatie x3, escalatie-scenario x2, de-escaleren, deëscaleert,
    geëscaleerd, de-escalatie."""
    path = tmp_path / "mijn.toml"
    main(["frames", "--init", str(path)])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    "*escal*",', ""), encoding="utf-8")
    out = tmp_path / "c.csv"
    assert main(["frames", str(CORPUS_DIR), "--frames", str(path), "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table.loc[table["frame"] == "escalatie", "hits"].sum() == 12


def test_by_another_column_and_diacritics_option(tmp_path):
    out = tmp_path / "c.csv"
    corpus = FIXTURES / "language_cases.jsonl"
    language = FIXTURES / "language.toml"
    assert main(["frames", str(corpus), "--frames", str(language), "--by", "date",
                 "-o", str(out)]) == 0
    table = pd.read_csv(out).set_index("frame")
    assert table.loc["dia", ["date", "hits"]].tolist() == ["2022-01", 2]
    assert main(["frames", str(corpus), "--frames", str(language), "--no-fold-diacritics",
                 "-o", str(out)]) == 0
    assert pd.read_csv(out).set_index("frame").loc["dia", "hits"] == 1


def test_mistakes_are_reported_without_traceback(tmp_path, capsys):
    assert main(["frames", str(CORPUS_DIR), "--frames",
                 str(FIXTURES / "unknown_key.toml")]) == 2
    err = capsys.readouterr().err
    assert "unknown_key.toml, line 5: frame 'sancties': unknown key 'paterns'" in err
    assert "Traceback" not in err
    assert main(["frames", str(CORPUS_DIR), "--by", "medium"]) == 2
    assert "no column 'medium'" in capsys.readouterr().err
    assert main(["frames"]) == 2
    assert "give a CORPUS" in capsys.readouterr().err
    assert main(["frames", str(CORPUS_DIR), "--frames", str(tmp_path / "nee.toml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_init_refuses_a_file_inside_the_corpus_folder(capsys):
    target = CORPUS_DIR / "mijn.toml"
    assert main(["frames", "--init", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"discourse frames: the output file {target} lies inside the corpus folder "
        f"{CORPUS_DIR}; nothing may be written into the corpus. Choose another output "
        "file.\n")
    assert not target.exists()


def test_two_outputs_naming_the_same_file_are_refused(tmp_path, capsys):
    target = tmp_path / "frames.csv"
    code = main(["frames", str(CORPUS_DIR), "-o", str(target), "--matches", str(target)])
    err = capsys.readouterr().err
    assert (code, err) == (2, f"discourse frames: -o/--output and --matches both name {target}. "
                              "Give each output its own file.\n")
    assert not target.exists()
