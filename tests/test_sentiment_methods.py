"""The registry of sentiment methods: a method added with one registry entry is scored,
labelled per article by its own rule, offered on the command line and ordered in plots."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.cli import build_parser
from analysis.sentiment import SENTIMENT_METHODS, sentiment_corpus, sentiment_method
from analysis.textplot.sentiment import _methods


class ExclamationMethod:
    """A toy measure: +1 for a sentence that ends with '!', else 0; an article is positive
    when any of its sentences is."""

    name = "exclamation"
    reads_tokens = False

    def score(self, sentences, *, excluded=None, progress=None) -> pd.DataFrame:
        polarity = np.array([1.0 if s.rstrip().endswith("!") else 0.0 for s in sentences])
        return pd.DataFrame({"polarity": polarity, "label": polarity.astype(np.int8)})

    def document_label(self, documents: pd.DataFrame) -> np.ndarray:
        return (documents["polarity"].to_numpy() > 0).astype(np.int8)


@pytest.fixture
def exclamation(monkeypatch):
    monkeypatch.setitem(SENTIMENT_METHODS, "exclamation", ExclamationMethod())


CORPUS = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                       "text": ["Rustig overleg. Geen akkoord!", "Rustig overleg. Morgen verder."]})


def test_a_registered_method_scores_sentences_and_labels_articles(exclamation):
    sentences = sentiment_corpus(CORPUS, method="exclamation")
    assert sentences[["doc_id", "polarity", "label"]].values.tolist() == [
        ["a", 0.0, 0], ["a", 1.0, 1], ["b", 0.0, 0], ["b", 0.0, 0]]
    assert sentences["words"].tolist() == [""] * 4  # columns it does not give are empty
    assert sentences["prob_positive"].isna().all()
    articles = sentiment_corpus(CORPUS, method="exclamation", level="document")
    # the method's own rule: an article with an exclamation is positive
    assert articles[["doc_id", "polarity", "label"]].values.tolist() == [
        ["a", 0.5, 1], ["b", 0.0, 0]]


def test_a_registered_method_is_offered_and_ordered(exclamation):
    args = build_parser().parse_args(["sentiment", "corpus", "--method", "exclamation"])
    assert args.method == "exclamation"
    table = pd.DataFrame({"method": ["exclamation", "classifier", "lexicon"]})
    assert _methods(table) == ["lexicon", "classifier", "exclamation"]


def test_an_unknown_method_names_the_registered_ones():
    with pytest.raises(ValueError, match="unknown method 'toon': use 'lexicon' or "
                       "'classifier'"):
        sentiment_method("toon")
