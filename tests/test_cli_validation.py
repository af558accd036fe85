"""`discourse sample`, `reliability`, `frames-validate` and `actors-validate` on the bundled
corpus and small files: outputs, and one clear line for bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import CORPUS_DIR, DATA_DIR

CODERS = DATA_DIR / "validation_coders_bundled.csv"
CODES = DATA_DIR / "validation_codes_bundled.csv"
FRAMES = "koude_oorlog,escalatie,sancties,diplomatie,militair"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_writes_the_shipped_sheet_again(capsys, tmp_path):
    """The shipped example sheet is the sample of 40 sentences by outlet, default seed."""
    code, _, err = run(capsys, "sample", CORPUS_DIR, "--n", 40, "--by", "outlet", "--unit",
                       "sentence", "-o", tmp_path / "sheet.csv")
    assert code == 0, err
    sheet = pd.read_csv(tmp_path / "sheet.csv", dtype=str, keep_default_na=False)
    shipped = pd.read_csv(CODES, dtype=str, keep_default_na=False)
    assert sheet["unit_id"].tolist() == shipped["unit_id"].tolist()
    assert sheet.columns.tolist() == shipped.columns.tolist()
    assert (sheet[FRAMES.split(",")] == "").all().all()
    assert "(De Morgen: 4, NOS: 13, NRC: 14, Trouw: 4, de Volkskrant: 5)" in err


def test_sample_xlsx_with_variables(capsys, tmp_path):
    code, _, err = run(capsys, "sample", CORPUS_DIR, "--n", 1, "--per-group", "--by",
                       "outlet", "--variables", "toon,bron", "--seed", 5,
                       "-o", tmp_path / "sheet.xlsx")
    assert code == 0, err
    sheet = pd.read_excel(tmp_path / "sheet.xlsx", dtype=str)
    assert sheet.columns.tolist()[-2:] == ["toon", "bron"]
    # five outlets with one article each: one article from every outlet
    assert sorted(sheet["outlet"]) == ["De Morgen", "NOS", "NRC", "Trouw", "de Volkskrant"]


def test_sample_too_many_per_group_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "sample", CORPUS_DIR, "--n", 2, "--per-group", "--by",
                       "outlet", "-o", tmp_path / "sheet.csv")
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("discourse sample: group ")
    assert not (tmp_path / "sheet.csv").exists()


def test_reliability_long_data(capsys, tmp_path):
    out = tmp_path / "alpha.csv"
    code, _, err = run(capsys, "reliability", CODERS, "--coder-column", "coder",
                       "--value-column", FRAMES, "--pairwise", tmp_path / "pairs.csv",
                       "--units", tmp_path / "units.csv", "-o", out)
    assert code == 0, err
    table = pd.read_csv(out)
    assert table.columns.tolist()[:8] == ["variable", "level", "alpha", "alpha_low",
                                          "alpha_high", "units", "units_single", "coders"]
    assert table["variable"].tolist() == FRAMES.split(",")
    assert table["units"].tolist() == [39] * 5 and table["units_single"].tolist() == [1] * 5
    # coder B left one unit empty: reported, not dropped in silence
    assert "5 unit(s) coded by one coder only" in err
    units = pd.read_csv(tmp_path / "units.csv")
    assert (~units["pairable"]).sum() == 5
    assert "The units with the most disagreement" in err


def test_reliability_wide_data(capsys, tmp_path):
    codes = tmp_path / "wide.csv"
    pd.DataFrame({"unit": list("abcd"), "A": ["1", "0", "1", "0"],
                  "B": ["1", "0", "1", "1"]}).to_csv(codes, index=False)
    code, out, err = run(capsys, "reliability", codes, "--unit-column", "unit",
                         "--coder-columns", "A,B", "--n-boot", 0)
    assert code == 0, err
    assert "0.5333" in out


@pytest.mark.parametrize(("rows", "args", "message"), [
    ("unit_id,coder,v\na,A,1\nb,A,0\n", ["--coder-column", "coder", "--value-column", "v"],
     "column 'coder': one coder only"),
    ("unit_id,coder,v\na,A,1\na,B,x\n", ["--coder-column", "coder", "--value-column", "v",
                                         "--order", "0,1"],
     "line 3, column 'v': value 'x' is not in --order"),
    ("", ["--coder-column", "coder", "--value-column", "v"], "the file is empty"),
    ("unit_id,coder,v\na,A,1\n", ["--coder-column", "coder"], "give --coder-column and "
     "--value-column"),
])
def test_reliability_bad_input_one_line(capsys, tmp_path, rows, args, message):
    codes = tmp_path / "codes.csv"
    codes.write_text(rows, encoding="utf-8")
    code, _, err = run(capsys, "reliability", codes, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert message in err
    if "give" not in message:
        assert "codes.csv" in err


def test_frames_validate_the_shipped_codes(capsys, tmp_path):
    code, out, err = run(capsys, "frames-validate", CORPUS_DIR, "--codes", CODES, "--unit",
                         "sentence", "--n-boot", 200, "-o", tmp_path / "val")
    assert code == 0, err
    scores = pd.read_csv(tmp_path / "val" / "scores.csv").set_index("frame")
    errors = pd.read_csv(tmp_path / "val" / "errors.csv", keep_default_na=False)
    # every error of the table is a unit where the counts say the dictionary was wrong
    assert len(errors) == int(scores["fp"].sum() + scores["fn"].sum())
    assert (errors["error"] == "false positive").sum() == scores["fp"].sum()
    assert scores.loc["diplomatie", ["tp", "fp", "fn", "tn"]].tolist() == [12, 1, 7, 20]
    assert "diplomatie" in out
    assert (tmp_path / "val" / "uncoded.csv").exists()


def test_frames_validate_bad_codes_one_line(capsys, tmp_path):
    codes = tmp_path / "codes.csv"
    shipped = pd.read_csv(CODES, dtype=str, keep_default_na=False)
    shipped.loc[3, "sancties"] = "ja"
    shipped.to_csv(codes, index=False)
    code, _, err = run(capsys, "frames-validate", CORPUS_DIR, "--codes", codes, "--unit",
                       "sentence", "-o", tmp_path / "val")
    assert code == 2
    line = err.strip().splitlines()[-1]
    assert line == (f"discourse frames-validate: {codes}, line 5, column 'sancties': 'ja' is "
                    "not 0 or 1 (leave the cell empty for a unit not coded)")


def test_actors_validate_missing_actor_column(capsys, tmp_path):
    codes = tmp_path / "codes.csv"
    pd.DataFrame({"doc_id": ["000_f9ff53fe1822d8a7"], "poetin": ["1"]}).to_csv(codes,
                                                                                index=False)
    code, _, err = run(capsys, "actors-validate", CORPUS_DIR, "--codes", codes,
                       "-o", tmp_path / "val")
    assert code == 2
    assert f"{codes}: no column " in err and "for actor" in err
