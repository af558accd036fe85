"""The validation plot: precision and recall of a measure against hand codes, with their
intervals, one row per frame (actor, class)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.output.captions import caption_set
from analysis.output.figures import figure_new
from analysis.output.messages import Lang, lang_check, msg, number
from analysis.textplot._labels import axis_numbers, frame_labels
from analysis.textplot.palettes import category_style

__all__ = ["textplot_validation"]


def textplot_validation(scores: pd.DataFrame, *, key: str = "frame",
                        lang: Lang = "nl") -> Figure:
    """Precision and recall per ``key`` (``frame``, ``actor``, ``class``...) with their
    intervals, from a table with the columns ``key``, ``precision``, ``precision_low``,
    ``precision_high``, ``recall``, ``recall_low``, ``recall_high`` and ``units`` (as
    :func:`analysis.validation.dictionary.frames_validate` returns); the row's ``label``
    names it when there is one (in English the dictionary's ``label_en``, from
    ``attrs["frame_labels_en"]``). A value that is undefined (NaN) is left out; words and
    numbers in ``lang``.

    >>> t = pd.DataFrame({"frame": ["a", "b"], "label": ["A", "B"], "units": [20, 20],
    ...     "precision": [0.8, 1.0], "precision_low": [0.6, 1.0], "precision_high": [1.0, 1.0],
    ...     "recall": [0.5, np.nan], "recall_low": [0.2, np.nan], "recall_high": [0.8, np.nan]})
    >>> fig = textplot_validation(t, lang="en")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['precision', 'recall']
    """
    lang_check(lang)
    labels = frame_labels(scores, lang)  # attrs: the dictionary's label or label_en
    if "label" in scores.columns:
        labels = {**dict(zip(scores[key], scores["label"], strict=True)), **labels}
    names = scores[key].astype(str).map(lambda k: labels.get(k, k))
    fig, ax = figure_new("single")
    y = np.arange(len(scores))[::-1].astype(float)
    for k, (metric, shift) in enumerate((("precision", 0.15), ("recall", -0.15))):
        color, _ = category_style(k)
        value = scores[metric].to_numpy(float)
        low = scores[f"{metric}_low"].to_numpy(float)
        high = scores[f"{metric}_high"].to_numpy(float)
        shown = ~np.isnan(value)
        err = np.vstack([value - np.where(np.isnan(low), value, low),
                         np.where(np.isnan(high), value, high) - value])
        ax.errorbar(value[shown], y[shown] + shift, xerr=err[:, shown], fmt="o" if k == 0
                    else "s", color=color, markersize=4, capsize=2, linewidth=1,
                    label=msg(f"validation.{metric}", lang))
    ax.set_yticks(y, names.tolist(), fontsize=7)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel(msg("validation.axis", lang), fontsize=8)
    ax.xaxis.set_major_formatter(axis_numbers(lang))
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2,
              frameon=False)
    units = int(scores["units"].max()) if "units" in scores.columns and len(scores) else 0
    ax.set_title(msg("validation.title", lang, units=number(units, lang)), fontsize=8,
                 loc="left")
    what = msg("validation.actor" if key == "actor" else "validation.frame", lang)
    caption_set(fig, msg("caption.validation", lang, what=what, units=number(units, lang)),
                corpus=False)
    return fig
