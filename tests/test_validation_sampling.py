"""The coding sample: stratified exactly, reproducible, without repeated texts; the sheet."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.validation.sampling import sample_draw, sample_quota
from analysis.validation.sheet import sheet_make, sheet_read, sheet_write


def _corpus() -> pd.DataFrame:
    outlets = ["AD"] * 50 + ["NOS"] * 30 + ["NRC"] * 20
    return pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(100)], "outlet": outlets,
                         "date": ["2022-01-10"] * 100, "title": [f"t{i}" for i in range(100)],
                         "text": [f"Artikel nummer {i} over de NAVO." for i in range(100)]})


def test_largest_remainder_sums_to_n():
    # quotas 7 * (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4: whole parts 3, 2, 1, the one left goes
    # to the largest fraction (AD's .5)
    assert sample_quota(pd.Series({"AD": 50, "NOS": 30, "NRC": 20}), 7).to_dict() == \
        {"AD": 4, "NOS": 2, "NRC": 1}
    # 10 * (1/3 each) = 3.33: 3 each, the one left to the first group by name
    assert sample_quota(pd.Series({"b": 5, "a": 5, "c": 5}), 10).to_dict() == \
        {"a": 4, "b": 3, "c": 3}
    for n in range(1, 100):
        assert sample_quota(pd.Series({"AD": 50, "NOS": 30, "NRC": 20}), n).sum() == n


def test_stratification_is_exact():
    sample = sample_draw(_corpus(), 10, by="outlet")
    assert sample["group"].value_counts().to_dict() == {"AD": 5, "NOS": 3, "NRC": 2}
    assert sample.attrs["quota"] == {"AD": 5, "NOS": 3, "NRC": 2}
    assert sample["unit_id"].is_unique
    per = sample_draw(_corpus(), 4, by="outlet", per_group=True)
    assert per["group"].value_counts().to_dict() == {"AD": 4, "NOS": 4, "NRC": 4}


def test_same_seed_same_sample():
    one = sample_draw(_corpus(), 12, by="outlet", seed=7)
    two = sample_draw(_corpus(), 12, by="outlet", seed=7)
    other = sample_draw(_corpus(), 12, by="outlet", seed=8)
    assert one["unit_id"].tolist() == two["unit_id"].tolist()
    assert one["unit_id"].tolist() != other["unit_id"].tolist()


def test_repeated_texts_are_left_out_and_listed():
    corpus = _corpus()
    corpus.loc[1, "text"] = corpus.loc[0, "text"]
    sample = sample_draw(corpus, 99, seed=1)
    assert sample.attrs["duplicates"] == ["d001"]
    assert "d001" not in set(sample["unit_id"]) and len(sample) == 99
    with pytest.raises(ValueError, match="99 unit"):
        sample_draw(corpus, 100)


def test_too_few_units_in_a_group():
    with pytest.raises(ValueError, match="group 'NRC' has 20 unit"):
        sample_draw(_corpus(), 25, by="outlet", per_group=True)


def test_sentences_as_units():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                           "text": ["Eén zin. Nog een zin.", "Derde zin hier."]})
    sample = sample_draw(corpus, 3, unit="sentence")
    assert sorted(sample["unit_id"]) == ["a#1", "a#2", "b#1"]
    assert dict(zip(sample["unit_id"], sample["text"], strict=True))["a#2"] == "Nog een zin."


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sheet_round_trip(tmp_path, suffix):
    sample = sample_draw(_corpus(), 5, by="outlet")
    sheet = sheet_make(sample, ["sancties", "diplomatie"], by="outlet")
    assert sheet.columns.tolist() == ["unit_id", "doc_id", "sentence_id", "outlet", "date",
                                      "title", "text", "sancties", "diplomatie"]
    sheet.loc[0, "sancties"] = "-1"  # guarded in CSV against spreadsheet formulas
    path = sheet_write(sheet, tmp_path / f"sheet{suffix}")
    back = sheet_read(path)
    assert back["unit_id"].tolist() == sheet["unit_id"].tolist()
    assert back["sancties"].tolist() == ["-1", "", "", "", ""]


def test_sheet_read_refuses_empty_and_missing(tmp_path):
    empty = tmp_path / "codes.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="codes.csv: the file is empty"):
        sheet_read(empty)
    header = tmp_path / "header.csv"
    header.write_text("doc_id,sancties\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header.csv: no rows below the header"):
        sheet_read(header)
    with pytest.raises(ValueError, match="no such file"):
        sheet_read(tmp_path / "nothing.csv")
