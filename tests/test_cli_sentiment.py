"""`discourse sentiment`, `sentiment-validate` and `sentiment-train` on small fixtures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "sentiment"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sentence_level_csv_corpus_without_outlet(capsys, tmp_path):
    out_file = tmp_path / "s.csv"
    code, _, err = run(capsys, "sentiment", str(FIXTURES / "corpus.csv"), "--text-column",
                       "body", "--id-column", "id", "-o", str(out_file))
    assert code == 0, err
    table = pd.read_csv(out_file, keep_default_na=False)
    assert table.columns.tolist()[:8] == ["doc_id", "outlet", "sentence_id", "sentence",
                                          "method", "polarity", "subjectivity", "label"]
    assert table["doc_id"].tolist() == ["a", "a", "b", "b"]
    assert set(table["outlet"]) == {"(unknown)"}
    # slecht -0.7; nieuw koud -0.4 (see test_sentiment); goed 0.55; naar (preposition) 0.
    assert table["polarity"].round(10).tolist() == [-0.7, -0.4, 0.55, 0.0]
    assert table["words"].tolist() == ["slecht", "nieuw koud", "goed", ""]


def test_document_level_classifier(capsys, tmp_path):
    out_file = tmp_path / "d.csv"
    code, _, err = run(capsys, "sentiment", str(FIXTURES / "corpus.csv"), "--text-column",
                       "body", "--id-column", "id", "--method", "classifier", "--level",
                       "document", "-o", str(out_file))
    assert code == 0, err
    table = pd.read_csv(out_file)
    assert table["doc_id"].tolist() == ["a", "b"]
    assert table["n_sentences"].tolist() == [2, 2]
    probs = table[["prob_negative", "prob_neutral", "prob_positive"]]
    assert probs.sum(axis=1).round(10).tolist() == [1.0, 1.0]
    # the CSV holds 10 significant digits of each
    assert (table["polarity"] - (table["prob_positive"] - table["prob_negative"])).abs().max() \
        < 1e-9


def test_missing_text_column_is_a_clear_error(capsys):
    code, _, err = run(capsys, "sentiment", str(FIXTURES / "corpus.csv"), "--text-column",
                       "tekst")
    assert code == 2
    assert "corpus.csv" in err and "tekst" in err


def test_validate_prints_metrics_and_confusion(capsys, tmp_path):
    out_file = tmp_path / "m.csv"
    code, out, err = run(capsys, "sentiment-validate", str(FIXTURES / "coded_sample.csv"),
                         "--text-column", "tekst", "--label-column", "code", "--method",
                         "lexicon", "-o", str(out_file))
    assert code == 0, err
    # Lexicon labels -1, 0, -1, +1 (goed mooi: 0.7) against codes -1, 0, -1, +1: all right.
    assert ("lexicon: n = 4, accuracy = 1.000, macro-F1 = 1.000 (over the classes present: "
            "-1, 0, 1), Krippendorff's alpha (interval) = 1.000") in out
    assert "confusion matrix" in out
    metrics = pd.read_csv(out_file)
    assert metrics["metric"].tolist() == ["n", "accuracy", "macro_f1", "krippendorff_alpha"]


def test_validate_names_the_bad_label_line(capsys):
    code, _, err = run(capsys, "sentiment-validate", str(FIXTURES / "bad_label.csv"),
                       "--text-column", "tekst", "--label-column", "code")
    assert code == 2
    assert "bad_label.csv, line 3: label 'misschien'" in err


def test_validate_unknown_column(capsys):
    code, _, err = run(capsys, "sentiment-validate", str(FIXTURES / "coded_sample.csv"),
                       "--text-column", "text", "--label-column", "code")
    assert code == 2
    assert "no column 'text' (from --text-column)" in err


def test_train_without_data_gives_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "sentiment-train", "--data", str(tmp_path / "none.csv"),
                       "--model", str(tmp_path / "m"))
    assert code == 2
    assert "none.csv: training data not found" in err
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("column", ["headline", "value"])
def test_train_checks_columns(capsys, tmp_path, column):
    data = tmp_path / "train.csv"
    frame = pd.DataFrame({"headline": ["Goed nieuws"], "value": [1]}).drop(columns=column)
    frame.to_csv(data, index=False)
    code, _, err = run(capsys, "sentiment-train", "--data", str(data), "--model",
                       str(tmp_path / "m"))
    assert code == 2
    kept = "value" if column == "headline" else "headline"
    assert err == (f"discourse sentiment-train: {data} has no column {column!r} (its columns: "
                   f"{kept!r}); expected the ecosent train.csv with columns headline and "
                   "value (-1/0/1)\n")


def test_train_refuses_codes_without_all_three_labels(capsys, tmp_path):
    # Codes 0/1 only: the classifier would have no -1 class (an IndexError before).
    data = tmp_path / "train.csv"
    pd.DataFrame({"headline": [f"Kop {k}" for k in range(10)],
                  "value": [0, 1] * 5}).to_csv(data, index=False)
    code, _, err = run(capsys, "sentiment-train", "--data", str(data), "--model",
                       str(tmp_path / "m"))
    assert code == 2
    assert err == (f"discourse sentiment-train: {data}: the sentiment classifier needs codes "
                   "of all three labels -1, 0, +1; these codes have 0, 1. For other "
                   "categories train a classifier with `discourse classify-train`\n")
    assert not (tmp_path / "m").exists()


def test_exclude_frames_drops_frame_words_from_the_lexicon(capsys, tmp_path):
    from analysis.paths import CORPUS_DIR

    plain, excluded = tmp_path / "p.csv", tmp_path / "e.csv"
    assert run(capsys, "sentiment", str(CORPUS_DIR), "-o", str(plain))[0] == 0
    assert run(capsys, "sentiment", str(CORPUS_DIR), "--exclude-frames", "-o",
               str(excluded))[0] == 0
    a = pd.read_csv(plain, keep_default_na=False)
    b = pd.read_csv(excluded, keep_default_na=False)
    changed = a["words"] != b["words"]
    assert changed.sum() >= 1
    # Leaving words out only removes scored words, never adds any.
    for before, after in zip(a.loc[changed, "words"], b.loc[changed, "words"], strict=True):
        assert set(after.replace(";", " ").split()) < set(before.replace(";", " ").split())
    # "diplomatieke" is a pattern of the shipped frame "diplomatie": it no longer counts.
    row = a["sentence"].str.startswith("Mocht de diplomatieke route")
    assert a.loc[row, "words"].tolist() == ["diplomatiek; heftig"]
    assert b.loc[row, "words"].tolist() == ["heftig"]
    code, _, err = run(capsys, "sentiment", str(CORPUS_DIR), "--exclude-frames", "--method",
                       "classifier")
    assert code == 2 and "--method lexicon only" in err


def test_validate_an_empty_sample_is_named(capsys, tmp_path):
    empty = tmp_path / "coded.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "sentiment-validate", str(empty), "--text-column", "text",
                       "--label-column", "label")
    assert code == 2
    assert err == (f"discourse sentiment-validate: {empty}: is empty; write a header line "
                   "naming the columns, and one row per coded item.\n")
