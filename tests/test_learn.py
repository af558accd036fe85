"""analysis.learn: classifiers trained on own codes, their cross-validation, report and
files, on small hand-made coded sets with an obvious rule."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.learn import (
    LearnError,
    learn_check,
    learn_classify,
    learn_fit,
    learn_folds,
    learn_lemmatise,
    learn_load,
    learn_metrics,
    learn_questions,
    learn_rule_apply,
    learn_rule_parse,
    learn_save,
    learn_train,
    learn_uncertain,
    learn_uncertainty,
)

WORD = {"word": {"ngram_range": [1, 1]}}
TOPICS = ["rente", "export", "banen", "huizen", "beurs", "lonen", "winkels", "olie",
          "fabriek", "haven", "omzet", "winst", "koers", "prijs", "euro", "dollar", "goud",
          "graan", "melk", "staal", "gas", "stroom", "huur", "schuld", "belasting", "pensioen",
          "premie", "zorg", "bouw", "handel"]


def tone_set() -> tuple[list[str], list[int]]:
    """30 headlines, each about another topic: 'stijgt' is good news (+1), 'daalt' bad
    (-1), 'blijft' neutral (0)."""
    texts, codes = [], []
    for k, (verb, code) in enumerate((("stijgt", 1), ("daalt", -1), ("blijft", 0))):
        for topic in TOPICS[10 * k:10 * k + 10]:
            texts.append(f"{topic} {verb}")
            codes.append(code)
    return texts, codes


@pytest.mark.parametrize("model", ["logreg", "svm", "nb"])
def test_every_model_learns_an_obvious_rule(model):
    texts, codes = tone_set()
    classifier, report = learn_train(texts, codes, model=model, folds=5, seed=3,
                                     features=WORD, curve=())
    assert classifier.predict(["salarissen stijgt", "inflatie daalt", "tarief blijft"]).tolist() \
        == [1, -1, 0]
    assert report["labels"] == [-1, 0, 1] and report["n"] == 30
    assert report["cv"]["accuracy"] == 1.0 and report["cv"]["macro_f1"] == 1.0
    assert report["cv"]["alpha"] == 1.0
    proba = classifier.predict_proba(texts)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_text_labels_are_sorted_and_kept_as_text():
    texts = [f"{t} ruzie" for t in TOPICS[:4]] + [f"{t} feest" for t in TOPICS[:4]]
    classifier = learn_fit(texts, ["conflict"] * 4 + ["human interest"] * 4, features=WORD)
    assert classifier.labels == ("conflict", "human interest")
    table = classifier.table(["grote ruzie"])
    assert table.columns.tolist() == ["label", "prob_conflict", "prob_human interest"]
    assert table["label"].tolist() == ["conflict"]


def test_folds_are_stratified():
    # 10 codes of each of three labels over 5 folds: 2 of each label in every fold.
    y = np.repeat([0, 1, 2], 10)
    fold = learn_folds(y, folds=5, seed=7)
    counts = pd.crosstab(fold, y)
    assert counts.values.tolist() == [[2, 2, 2]] * 5
    # 6 of one label and 9 of another over 3 folds: 2 and 3 in every fold.
    fold = learn_folds([0] * 6 + [1] * 9, folds=3, seed=1)
    assert pd.crosstab(fold, np.array([0] * 6 + [1] * 9)).values.tolist() == [[2, 3]] * 3


@pytest.mark.parametrize("model", ["logreg", "svm", "nb"])
def test_same_seed_same_model_bytes(tmp_path, model):
    texts, codes = tone_set()
    folders = []
    for name in ("a", "b"):
        classifier, report = learn_train(texts, codes, model=model, folds=3, seed=11,
                                         curve=(0.5,))
        folders.append(learn_save(classifier, tmp_path / name, report=report))
    for name in ("model.npz", "model.json", "report.json"):
        assert (folders[0] / name).read_bytes() == (folders[1] / name).read_bytes()


@pytest.mark.parametrize("model", ["logreg", "svm", "nb"])
def test_saved_model_loads_to_identical_probabilities(tmp_path, model):
    texts, codes = tone_set()
    features = {"word": {"ngram_range": [1, 2]}, "char": {"ngram_range": [2, 4]},
                "lemma": {"ngram_range": [1, 1]}}
    classifier = learn_fit(texts, codes, model=model, features=features, seed=2)
    learn_save(classifier, tmp_path / "m")
    loaded = learn_load(tmp_path / "m")
    new = ["De rente stijgt weer", "Olieprijs daalt fors", "", "Banken blijven voorzichtig"]
    assert loaded.predict_proba(new).tobytes() == classifier.predict_proba(new).tobytes()
    assert loaded.labels == (-1, 0, 1)
    with np.load(tmp_path / "m" / "model.npz", allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)


def test_report_equals_scikit_learn_on_the_same_folds():
    import krippendorff
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import FeatureUnion, make_pipeline

    texts, codes = tone_set()
    # Noise, so that the scores are not all 1: six codes swapped.
    codes = list(codes)
    for i, j in ((0, 10), (11, 21), (22, 2)):
        codes[i], codes[j] = codes[j], codes[i]
    _, report = learn_train(texts, codes, folds=5, seed=4, curve=())
    pipeline = make_pipeline(
        FeatureUnion([
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w+\b")),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                     sublinear_tf=True))]),
        LogisticRegression(C=3.0, class_weight="balanced", max_iter=5000))
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=4)
    predicted = cross_val_predict(pipeline, np.array(texts), np.array(codes), cv=cv)
    assert report["cv"]["accuracy"] == accuracy_score(codes, predicted)
    assert report["cv"]["macro_f1"] == f1_score(codes, predicted, average="macro")
    assert report["confusion"]["matrix"] == confusion_matrix(codes, predicted).tolist()
    p, r, f, s = precision_recall_fscore_support(codes, predicted)
    assert [report["cv"]["per_class"][str(c)]["f1"] for c in (-1, 0, 1)] == f.tolist()
    assert [report["cv"]["per_class"][str(c)]["support"] for c in (-1, 0, 1)] == s.tolist()
    data = np.vstack([[(-1, 0, 1).index(c) for c in codes],
                      [(-1, 0, 1).index(c) for c in predicted]]).astype(float)
    assert report["cv"]["alpha"] == krippendorff.alpha(reliability_data=data,
                                                       level_of_measurement="nominal")
    assert report["cv"]["accuracy"] < 1.0  # the swapped codes cost something
    assert sum(f["n"] for f in report["cv"]["per_fold"]) == 30


def test_metrics_by_hand():
    # gold a a b b, predicted a b b b: accuracy 3/4. F1(a) = 2 * 1 * 0.5 / 1.5 = 2/3,
    # F1(b) = 2 * (2/3) * 1 / (5/3) = 4/5; macro 11/15. Krippendorff's alpha (nominal):
    # 8 values (a 3, b 5), D_o = 2/8, D_e = 2 * 3 * 5 / (8 * 7) = 30/56, alpha = 1 - 7/15.
    m = learn_metrics(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert m["accuracy"] == 0.75
    assert m["macro_f1"] == pytest.approx(11 / 15)
    assert m["alpha"] == pytest.approx(8 / 15)
    assert m["per_class"]["b"] == {"precision": 2 / 3, "recall": 1.0, "f1": pytest.approx(0.8),
                                   "support": 2}
    # A label in neither the codes nor the predictions does not count in macro-F1.
    assert set(learn_metrics([1, 1, 0], [1, 0, 0])["per_class"]) == {"0", "1"}


def test_learning_curve_trains_on_growing_shares():
    texts, codes = tone_set()
    _, report = learn_train(texts, codes, folds=5, seed=1, features=WORD)
    curve = report["learning_curve"]
    assert [p["share"] for p in curve] == [0.25, 0.5, 0.75, 1.0]
    assert [p["n_train"] for p in curve] == [6.0, 12.0, 18.0, 24.0]
    assert curve[-1]["accuracy"] == report["cv"]["accuracy"]
    assert report["learning_curve_skipped"] == []
    # 6 codes a label, 2 folds: a tenth of a training fold (1 code) cannot hold all labels.
    _, report = learn_train(texts[:6] + texts[10:16], codes[:6] + codes[10:16], folds=2,
                            seed=1, features=WORD, curve=(0.1, 0.5))
    assert report["learning_curve_skipped"] == [0.1]
    assert [p["share"] for p in report["learning_curve"]] == [0.5, 1.0]


# ------------------------------------------------------------------ bad input


def test_one_label_only():
    with pytest.raises(LearnError, match="codes.csv: every text has the label 'ja': a "
                       "classifier needs at least two labels"):
        learn_check(["a", "b", "c"], ["ja"] * 3, folds=2, source="codes.csv")


def test_a_label_with_fewer_codes_than_folds():
    with pytest.raises(LearnError, match=r"fewer codes than folds \(5\) for 1 \(3\): code "
                       "more texts with that label, merge it with another, or give fewer "
                       "folds"):
        learn_check(["t"] * 13, [0] * 10 + [1] * 3, folds=5)


def test_empty_texts_and_codes_name_the_line():
    with pytest.raises(LearnError, match=r"codes.csv, line 3: empty text \(2 empty in all\)"):
        learn_check(["a", "  ", None, "d"], [0, 1, 0, 1], folds=2, source="codes.csv")
    with pytest.raises(LearnError, match=r"row 2: empty code"):
        learn_check(["a", "b", "c", "d"], [0, "", 0, 1], folds=2)


def test_texts_without_words():
    with pytest.raises(LearnError, match="word features: the texts hold no words to learn from"):
        learn_fit(["...", "!!", "?", "--"], [0, 1, 0, 1], features=WORD)


def test_tampered_or_other_version_model_folder(tmp_path):
    texts, codes = tone_set()
    folder = learn_save(learn_fit(texts, codes, features=WORD), tmp_path / "m")
    data = bytearray((folder / "model.npz").read_bytes())
    (folder / "model.npz").write_bytes(bytes(data[:-1]) + bytes([data[-1] ^ 1]))
    with pytest.raises(LearnError, match=r"model.npz: its SHA-256 does not match the one in "
                       "model.json: the file was changed after training"):
        learn_load(folder)
    (folder / "model.npz").write_bytes(bytes(data))
    meta = json.loads((folder / "model.json").read_text())
    meta["format_version"] = 99
    (folder / "model.json").write_text(json.dumps(meta))
    with pytest.raises(LearnError, match="a model of format version 99; this version reads "
                       "version 1"):
        learn_load(folder)
    with pytest.raises(LearnError, match="not a classifier folder"):
        learn_load(tmp_path / "nothing")


# ------------------------------------------------------------------ uses


def test_classify_a_corpus_per_article_and_sentence():
    texts, codes = tone_set()
    classifier = learn_fit(texts, codes, features=WORD)
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                           "text": ["De rente stijgt. De beurs daalt.", "Alles blijft."]})
    sentences = learn_classify(corpus, classifier, level="sentence")
    assert sentences.columns.tolist() == ["doc_id", "sentence_id", "label", "prob_-1",
                                          "prob_0", "prob_1"]
    assert sentences[["doc_id", "sentence_id", "label"]].values.tolist() == [
        ["a", 1, 1], ["a", 2, -1], ["b", 1, 0]]
    articles = learn_classify(corpus, classifier)
    assert articles["doc_id"].tolist() == ["a", "b"] and articles["label"].tolist()[1] == 0


def test_uncertain_draws_the_texts_the_model_is_least_sure_of():
    proba = np.array([[0.5, 0.3, 0.2], [0.9, 0.05, 0.05], [0.4, 0.4, 0.2]])
    # margins 0.2, 0.85, 0.0 -> uncertainty 0.8, 0.15, 1.0
    np.testing.assert_allclose(learn_uncertainty(proba), [0.8, 0.15, 1.0])
    np.testing.assert_allclose(learn_uncertainty(proba, measure="least_confident"),
                               [0.5, 0.1, 0.6])
    texts, codes = tone_set()
    classifier = learn_fit(texts, codes, features=WORD)
    drawn = learn_uncertain(classifier, ["rente stijgt", "onbekend woord", "beurs daalt"], n=2)
    assert drawn["row"].tolist()[0] == 1  # no known word: the least sure
    assert len(drawn) == 2 and drawn["uncertainty"].is_monotonic_decreasing


def test_frame_rule_over_questions():
    rule = learn_rule_parse("conflict = any(q1, q2, q3)")
    assert (rule.name, rule.op, rule.questions) == ("conflict", "any", ("q1", "q2", "q3"))
    answers = pd.DataFrame({"q1": ["ja", "nee", "nee"], "q2": [0, 0, 1], "q3": [0, 0, 0]})
    assert learn_rule_apply(answers, rule).tolist() == [1, 0, 1]
    assert learn_rule_apply(answers, "all(q1, q2)").tolist() == [0, 0, 0]
    with pytest.raises(LearnError, match="write it as 'frame = any"):
        learn_rule_parse("conflict = q1 or q2")
    with pytest.raises(LearnError, match=r"column 'q2', row 1: 'misschien' is not a yes/no"):
        learn_rule_apply(pd.DataFrame({"q1": [1], "q2": ["misschien"]}), "any(q1, q2)")
    with pytest.raises(LearnError, match="no column 'q9'"):
        learn_rule_apply(answers, "any(q1, q9)")


def test_frame_learnt_directly_and_per_question_are_compared():
    # q1: 'ruzie', q2: 'kosten'; the frame is any of them.
    texts = [f"{w} {t}" for w in ("ruzie om", "kosten van", "nieuws over", "verhaal van")
             for t in TOPICS[:5]]
    answers = pd.DataFrame({"q1": [1] * 5 + [0] * 15, "q2": [0] * 5 + [1] * 5 + [0] * 10})
    report = learn_questions(texts, answers, "conflict = any(q1, q2)", folds=5, seed=1,
                             features=WORD)
    assert report["rule"] == "conflict = any(q1, q2)" and report["frame_share"] == 0.5
    assert report["questions"]["accuracy"] == 1.0
    assert report["per_question"]["q1"]["accuracy"] == 1.0
    assert set(report["direct"]) == {"n", "accuracy", "macro_f1", "alpha", "per_class"}


def test_lemmas_from_simplemma():
    assert learn_lemmatise("De banken verhoogden hun rentes") == "de bank verhogen hun rente"


@pytest.mark.parametrize("model", ["logreg", "svm", "nb"])
def test_a_text_scores_the_same_alone_and_in_a_batch(model):
    texts, codes = tone_set()
    classifier = learn_fit(texts, codes, model=model, seed=5)
    new = ["De rente stijgt weer", "Olieprijs daalt fors", "Banken blijven voorzichtig",
           "rente stijgt", "niets"]
    batch = classifier.predict_proba(new)
    alone = np.vstack([classifier.predict_proba([t]) for t in new])
    assert batch.tobytes() == alone.tobytes()
