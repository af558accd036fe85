"""Plots of the corpus itself: how many articles and words each outlet contributes."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import figure_new

__all__ = ["textplot_corpus_overview"]


def textplot_corpus_overview(summary: pd.DataFrame, *, by: str = "outlet") -> Figure:
    """Bars of articles and of words per group, from :func:`analysis.corpus.corpus_summary`
    (its ``total`` row is left out).

    >>> from analysis.corpus import corpus_load, corpus_summary
    >>> from analysis.paths import CORPUS_DIR
    >>> fig = textplot_corpus_overview(corpus_summary(corpus_load(CORPUS_DIR)))
    >>> len(fig.axes)
    2
    """
    data = summary[summary[by] != "total"].sort_values("words")
    fig, (left, right) = figure_new("wide", ncols=2, sharey=True)
    labels = data[by].astype(str)
    left.barh(labels, data["articles"], color="#4c72b0")
    left.set_xlabel("artikelen")
    left.set_title("Artikelen per medium", loc="left", fontsize=10)
    right.barh(labels, data["words"], color="#55a868")
    right.set_xlabel("woorden")
    right.set_title("Woorden per medium", loc="left", fontsize=10)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
        ax.xaxis.get_major_locator().set_params(integer=True)
    for y, value in enumerate(data["words"]):
        right.annotate(f"{value:,}".replace(",", "."), (value, y), xytext=(3, 0),
                       textcoords="offset points", va="center", fontsize=8)
    right.margins(x=0.15)
    return fig
