"""A folder of table parts (Parquet, CSV or JSONL files) loads as one corpus: the same
articles, and so the same tables, as the same rows in one file."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.corpus import CorpusError, corpus_load

TEXTS = ["Nieuwe sancties tegen Rusland. De sancties werken niet goed.",
         "Escalatie dreigt aan de grens.", "Een goede dag voor de diplomatie!",
         "De NAVO praat. De NAVO wacht.", "Rusland praat met de NAVO.",
         "Het overleg in Genève is mislukt.", "Sancties, sancties en nog eens sancties.",
         "Een zeer slecht plan."]


def _rows() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"d{k}" for k in range(len(TEXTS))],
        "outlet": ["NOS", "NRC"] * (len(TEXTS) // 2),
        "date": [f"2022-0{1 + k % 3}-1{k}" for k in range(len(TEXTS))],
        "title": [f"titel {k}" for k in range(len(TEXTS))],
        "text": TEXTS,
        "section": ["binnenland", "buitenland"] * (len(TEXTS) // 2),
    })


def _write_parts(folder, rows: pd.DataFrame, parts: int, suffix: str) -> None:
    folder.mkdir()
    size = -(-len(rows) // parts)
    for n in range(parts):
        part = rows.iloc[n * size:(n + 1) * size]
        path = folder / f"part-{n:05d}{suffix}"
        if suffix == ".parquet":
            part.to_parquet(path, index=False)
        elif suffix == ".csv":
            part.to_csv(path, index=False)
        else:
            part.to_json(path, orient="records", lines=True, force_ascii=False)


def _same_corpus(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert a.attrs["source"] != b.attrs["source"]
    assert a.attrs["n_given"] == b.attrs["n_given"] == len(TEXTS)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_folder_of_four_parts_loads_as_the_same_rows_in_one_file(tmp_path, suffix):
    from analysis.sentiment import sentiment_corpus
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary import textstat_frequency

    rows = _rows()
    one = tmp_path / f"corpus{suffix}"
    _write_parts(tmp_path / "parts", rows, 4, suffix)
    _write_parts(tmp_path / "single", rows, 1, suffix)
    (tmp_path / "single" / f"part-00000{suffix}").rename(one)
    whole, split = corpus_load(one), corpus_load(tmp_path / "parts")
    _same_corpus(whole, split)
    assert split["doc_id"].tolist() == [f"d{k}" for k in range(len(TEXTS))]
    pd.testing.assert_frame_equal(
        textstat_frequency(tokens_corpus(whole), by="outlet"),
        textstat_frequency(tokens_corpus(split), by="outlet"))
    pd.testing.assert_frame_equal(sentiment_corpus(whole, progress=False),
                                  sentiment_corpus(split, progress=False))


def test_without_an_id_column_each_part_numbers_its_rows(tmp_path):
    rows = _rows().drop(columns="doc_id")
    _write_parts(tmp_path / "parts", rows, 4, ".parquet")
    corpus = corpus_load(tmp_path / "parts")
    assert corpus["doc_id"].tolist()[:3] == ["part-00000-00001", "part-00000-00002",
                                             "part-00001-00001"]


def test_a_problem_names_the_part_and_its_row(tmp_path):
    rows = _rows()
    rows.loc[5, "text"] = ""
    _write_parts(tmp_path / "parts", rows, 4, ".parquet")
    with pytest.raises(CorpusError) as caught:
        corpus_load(tmp_path / "parts")
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.file == str(tmp_path / "parts" / "part-00002.parquet")
    assert problem.line == 2


def test_an_id_in_two_parts_is_refused(tmp_path):
    rows = _rows()
    rows.loc[6, "doc_id"] = "d0"
    _write_parts(tmp_path / "parts", rows, 4, ".parquet")
    with pytest.raises(CorpusError) as caught:
        corpus_load(tmp_path / "parts")
    assert any("d0" in str(p) for p in caught.value.problems)


def test_a_large_dataset_loads_with_the_cluster_advised(tmp_path, monkeypatch):
    import analysis.corpus.readers.parts as parts

    _write_parts(tmp_path / "parts", _rows(), 4, ".parquet")
    monkeypatch.setattr(parts, "CLUSTER_ADVISED_BYTES", 100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = corpus_load(tmp_path / "parts")
    assert len(corpus) == len(TEXTS)
    (advice,) = [str(w.message) for w in caught if "Dask cluster" in str(w.message)]
    assert advice.startswith(f"{tmp_path / 'parts'}: warning: holds 4 parts of ")
    assert "more than 0 MiB" in advice and "--scheduler local" in advice
