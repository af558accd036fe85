"""`discourse classify-train` and `discourse classify` on small hand-made coded sets."""

from __future__ import annotations

import json

import pandas as pd

from analysis.cli import main

TOPICS = ["rente", "export", "banen", "huizen", "beurs", "lonen", "winkels", "olie",
          "fabriek", "haven", "omzet", "winst", "koers", "prijs", "euro", "dollar", "goud",
          "graan", "melk", "staal"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_codes(tmp_path, rows) -> str:
    path = tmp_path / "codes.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return str(path)


def frame_codes(tmp_path) -> str:
    """20 texts: 'ruzie' marks the conflict frame (1), 'feest' its absence (0)."""
    rows = [{"tekst": f"{t} ruzie" if k < 10 else f"{t} feest", "frame": int(k < 10),
             "q1": int(k < 5), "q2": int(5 <= k < 10)} for k, t in enumerate(TOPICS)]
    return write_codes(tmp_path, rows)


def test_train_then_classify_articles_and_sentences(capsys, tmp_path):
    codes = frame_codes(tmp_path)
    model = tmp_path / "model"
    code, out, err = run(capsys, "classify-train", codes, "--text-column", "tekst",
                         "--label-column", "frame", "--folds", "4", "--seed", "3",
                         "--features", "word", "-o", str(model))
    assert code == 0, err
    assert "cross-validated: accuracy 1.000, macro-F1 1.000" in out
    report = json.loads((model / "report.json").read_text())
    assert report["n"] == 20 and report["labels"] == [0, 1]
    assert set(report["cv"]) >= {"accuracy", "macro_f1", "alpha", "per_class"}
    assert report["confusion"]["matrix"] == [[10, 0], [0, 10]]
    assert [p["share"] for p in report["learning_curve"]] == [0.25, 0.5, 0.75, 1.0]
    assert sorted(p.name for p in model.iterdir()) == ["model.json", "model.npz",
                                                       "report.json"]
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "text": ["Grote ruzie. Mooi feest.", "Feest!"]}) \
        .to_csv(corpus, index=False)
    out_file = tmp_path / "labels.csv"
    code, _, err = run(capsys, "classify", str(corpus), "--model", str(model), "--level",
                       "sentence", "-o", str(out_file))
    assert code == 0, err
    table = pd.read_csv(out_file)
    assert table.columns.tolist() == ["doc_id", "sentence_id", "label", "prob_0", "prob_1"]
    assert table[["doc_id", "sentence_id", "label"]].values.tolist() == [
        ["a", 1, 1], ["a", 2, 0], ["b", 1, 0]]
    code, _, err = run(capsys, "classify", str(corpus), "--model", str(model), "-o",
                       str(out_file))
    assert code == 0, err
    assert pd.read_csv(out_file).columns.tolist() == ["doc_id", "label", "prob_0", "prob_1"]


def test_frame_from_questions_compares_direct_and_per_question(capsys, tmp_path):
    codes = frame_codes(tmp_path)
    model = tmp_path / "model"
    code, out, err = run(capsys, "classify-train", codes, "--text-column", "tekst", "--rule",
                         "conflict = any(q1, q2)", "--folds", "4", "--features", "word",
                         "--model", "nb", "-o", str(model))
    assert code == 0, err
    report = json.loads((model / "report.json").read_text())
    assert report["questions"]["rule"] == "conflict = any(q1, q2)"
    assert set(report["questions"]["per_question"]) == {"q1", "q2"}
    assert "conflict = any(q1, q2) learnt per question: accuracy" in out


def test_bad_input_is_one_line_with_exit_2(capsys, tmp_path):
    one = write_codes(tmp_path, [{"tekst": t, "frame": 1} for t in TOPICS])
    code, _, err = run(capsys, "classify-train", one, "--text-column", "tekst",
                       "--label-column", "frame", "-o", str(tmp_path / "m"))
    assert code == 2
    assert err == (f"discourse classify-train: {one}: every text has the label 1: a "
                   "classifier needs at least two labels\n")
    few = write_codes(tmp_path, [{"tekst": t, "frame": int(k < 3)}
                                 for k, t in enumerate(TOPICS)])
    code, _, err = run(capsys, "classify-train", few, "--text-column", "tekst",
                       "--label-column", "frame", "-o", str(tmp_path / "m"))
    assert code == 2 and "fewer codes than folds (5) for 1 (3)" in err
    empty = write_codes(tmp_path, [{"tekst": "" if k == 4 else t, "frame": k % 2}
                                   for k, t in enumerate(TOPICS)])
    code, _, err = run(capsys, "classify-train", empty, "--text-column", "tekst",
                       "--label-column", "frame", "-o", str(tmp_path / "m"))
    assert code == 2
    assert err.startswith(f"discourse classify-train: {empty}, line 6: empty text")
    code, _, err = run(capsys, "classify-train", empty, "--text-column", "text",
                       "--label-column", "frame", "-o", str(tmp_path / "m"))
    assert code == 2 and "no column 'text' (from --text-column)" in err
    assert not (tmp_path / "m").exists()


def test_classify_refuses_a_tampered_model(capsys, tmp_path):
    codes = frame_codes(tmp_path)
    model = tmp_path / "model"
    assert run(capsys, "classify-train", codes, "--text-column", "tekst", "--label-column",
               "frame", "--features", "word", "-o", str(model))[0] == 0
    with open(model / "model.npz", "ab") as handle:
        handle.write(b"x")
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame({"doc_id": ["a"], "text": ["ruzie"]}).to_csv(corpus, index=False)
    code, _, err = run(capsys, "classify", str(corpus), "--model", str(model), "-o",
                       str(tmp_path / "out.csv"))
    assert code == 2
    assert "its SHA-256 does not match the one in model.json" in err
    assert err.count("\n") == 1


def test_sample_draws_the_units_the_model_is_least_sure_of(capsys, tmp_path):
    codes = frame_codes(tmp_path)
    model = tmp_path / "model"
    assert run(capsys, "classify-train", codes, "--text-column", "tekst", "--label-column",
               "frame", "--features", "word", "-o", str(model))[0] == 0
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["NOS", "NOS", "NRC", "NRC"],
                  "text": ["ruzie", "weer iets anders", "feest", "ruzie"]}) \
        .to_csv(corpus, index=False)
    sheet = tmp_path / "sheet.csv"
    code, _, err = run(capsys, "sample", str(corpus), "--model", str(model), "--uncertain",
                       "--n", "1", "--variables", "conflict", "-o", str(sheet))
    assert code == 0, err
    # "weer iets anders" has no word the model knows: the least sure; "d" repeats "a".
    assert pd.read_csv(sheet)["doc_id"].tolist() == ["b"]
    assert "Left out 1 article(s) repeating an earlier text: d" in err
    code, _, err = run(capsys, "sample", str(corpus), "--uncertain", "--n", "1",
                       "--variables", "conflict", "-o", str(sheet))
    assert code == 2 and "--uncertain and --model go together" in err
