import pandas as pd
import pytest

import analysis.textplot.vocabulary as vocabulary
from analysis.textplot import textplot_xray
from analysis.textstat import textstat_dispersion
from analysis.tokens import tokens_corpus


def _corpus(outlets: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(outlets))],
                         "outlet": outlets,
                         "text": ["Sancties nu. Geen escalatie." if i % 2 else "Sancties."
                                  for i in range(len(outlets))]})


def _labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_xray_labels_every_article_of_a_small_corpus():
    corpus = _corpus(["NOS", "NRC", "NOS"])
    d = textstat_dispersion(tokens_corpus(corpus), ["sancties", "escal*"])
    fig = textplot_xray(d, docs=corpus)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["„sancties” (3×)", "„escal*” (1×)"]
    assert _labels(fig.axes[0]) == ["NOS 1", "NRC", "NOS 2"]
    # one tick per occurrence, in the row of its article: escalatie is token 5 of the 5
    # (after punctuation is removed, positions keep their gaps) of d1, in row 1
    segments = fig.axes[1].collections[0].get_segments()
    assert [(s[0][0], pytest.approx(s[0][1] + 0.38)) for s in segments] == [(1.0, 1.0)]


def test_xray_groups_the_rows_of_a_large_corpus_by_outlet(monkeypatch):
    monkeypatch.setattr(vocabulary, "XRAY_LABELLED_ROWS", 4)
    corpus = _corpus(["NOS", "NRC", "NOS", "Trouw", "NRC", "NOS"])
    d = textstat_dispersion(tokens_corpus(corpus), ["sancties"])
    ax = textplot_xray(d, docs=corpus).axes[0]
    # rows: NOS d0 d2 d5 (0-2), NRC d1 d4 (3-4), Trouw d3 (5); a label per outlet, centred
    assert _labels(ax) == ["NOS (3)", "NRC (2)", "Trouw (1)"]
    assert ax.get_yticks().tolist() == [1.0, 3.5, 5.0]
    assert [line.get_ydata()[0] for line in ax.lines if line.get_marker() == "None"] == \
        [2.5, 4.5]
    marks = [line for line in ax.lines if line.get_marker() == "|"][0]
    # "Sancties" is word 1 of 1 in the even articles (1.0) and of 5 in the odd ones
    # (Sancties nu . Geen escalatie: 1/5); marks by pattern, article: d0 ... d5
    assert marks.get_ydata().tolist() == [0, 3, 1, 5, 4, 2]
    assert marks.get_xdata().tolist() == [1.0, 0.2, 1.0, 0.2, 1.0, 0.2]


def test_sentiment_titles_name_the_grouping():
    from analysis.textplot import textplot_sentiment_frames, textplot_sentiment_groups

    groups = pd.DataFrame({"date": ["2022-01", "2022-02"], "method": "lexicon",
                           "mean": [0.1, -0.1], "ci_low": [0.0, -0.2], "ci_high": [0.2, 0.0],
                           "n_sentences": [10, 12]})
    assert textplot_sentiment_groups(groups, by="date")._suptitle.get_text() == \
        "Toon per datum, met 95%-bootstrapinterval"
    frames = pd.DataFrame({"frame": ["sancties"], "outlet": ["NOS"], "method": "lexicon",
                           "mean": [0.1], "n_sentences": [3]})
    assert textplot_sentiment_frames(frames)._suptitle.get_text() == \
        "Toon van zinnen per kader en medium"
