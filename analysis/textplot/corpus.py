"""Plots of the corpus itself: how many articles and words each outlet contributes."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.output.figures import figure_new
from analysis.textplot._labels import (
    Lang,
    axis_numbers,
    caption_set,
    group_word,
    groups_named,
    lang_check,
    msg,
    number,
)
from analysis.textplot.palettes import SINGLE_COLOR

__all__ = ["textplot_corpus_overview"]


def textplot_corpus_overview(summary: pd.DataFrame, *, by: str = "outlet",
                             lang: Lang = "nl") -> Figure:
    """Bars of articles and of words per group, from :func:`analysis.corpus.corpus_summary`
    (its ``total`` row is left out); titles and numbers in ``lang`` (``"nl"`` or ``"en"``).

    >>> from analysis.corpus import corpus_load, corpus_summary
    >>> from analysis.paths import CORPUS_DIR
    >>> fig = textplot_corpus_overview(corpus_summary(corpus_load(CORPUS_DIR)), lang="en")
    >>> len(fig.axes), fig.axes[1].get_title(loc="left")
    (2, 'Words per outlet')
    """
    lang_check(lang)
    summary = groups_named(summary, by, lang)
    data = summary[summary[by] != "total"].sort_values("words")
    fig, (left, right) = figure_new("wide", ncols=2, sharey=True)
    labels = data[by].astype(str)
    group = group_word(by, lang)
    left.barh(labels, data["articles"], color=SINGLE_COLOR)
    left.set_xlabel(msg("corpus.articles", lang))
    left.set_title(msg("corpus.articles_title", lang, group=group), loc="left", fontsize=10)
    right.barh(labels, data["words"], color=SINGLE_COLOR)
    right.set_xlabel(msg("corpus.words", lang))
    right.set_title(msg("corpus.words_title", lang, group=group), loc="left", fontsize=10)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.xaxis.set_major_formatter(axis_numbers(lang))
    for y, value in enumerate(data["words"]):
        right.annotate(number(value, lang), (value, y), xytext=(3, 0),
                       textcoords="offset points", va="center", fontsize=8)
    right.margins(x=0.15)
    caption_set(fig, msg("caption.corpus_overview", lang, group=group))
    return fig
