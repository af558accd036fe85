"""Plots for sentiment: tone per outlet with intervals, tone by frame, and the validity of
each measure against human codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.output.figures import figure_new
from analysis.output.messages import method_name
from analysis.sentiment.methods import SENTIMENT_METHODS
from analysis.textplot._labels import (
    Lang,
    axis_numbers,
    caption_set,
    frame_labels,
    group_word,
    groups_named,
    lang_check,
    msg,
    number,
)
from analysis.textplot.palettes import (
    DIVERGING_CMAP_REVERSED,
    SEQUENTIAL_CMAP,
    category_style,
    text_color_on,
)

__all__ = [
    "textplot_sentiment_groups",
    "textplot_sentiment_frames",
    "textplot_sentiment_validity",
]



def _methods(table: pd.DataFrame) -> list[str]:
    found = list(pd.unique(table["method"].astype(str)))
    return [m for m in SENTIMENT_METHODS if m in found] + \
        [m for m in found if m not in SENTIMENT_METHODS]


def textplot_sentiment_groups(aggregates: pd.DataFrame, *, by: str = "outlet",
                              lang: Lang = "nl") -> Figure:
    """Mean tone per group with its bootstrap interval, one panel per measure, from
    :func:`analysis.sentiment.sentiment_aggregate` (the tables of both measures
    concatenated); words and numbers in ``lang``. The suggested caption names the
    interval's resampling unit and number of resamples from the table's attrs
    (``resample``, ``n_boot``, as sentiment_aggregate sets them).

    >>> import pandas as pd
    >>> a = pd.DataFrame({"outlet": ["NOS", "NRC"] * 2, "method": ["lexicon"] * 2 +
    ...                   ["classifier"] * 2, "mean": [0.1, -0.1, 0.2, 0.0],
    ...                   "ci_low": [0.0, -0.2, 0.1, -0.1], "ci_high": [0.2, 0.0, 0.3, 0.1],
    ...                   "n_sentences": [10, 12, 10, 12]})
    >>> len(textplot_sentiment_groups(a).axes)
    2
    """
    lang_check(lang)
    aggregates = groups_named(aggregates, by, lang)
    methods = _methods(aggregates)
    groups = sorted(pd.unique(aggregates[by].astype(str)), reverse=True)
    fig, axes = figure_new("wide", ncols=len(methods), sharey=True, squeeze=False)
    for k, (ax, method) in enumerate(zip(axes[0], methods, strict=True)):
        data = aggregates[aggregates["method"].astype(str) == method].copy()
        data[by] = data[by].astype(str)
        data = data.set_index(by).reindex(groups)
        y = np.arange(len(groups))
        mean = data["mean"].to_numpy(float)
        low = mean - data["ci_low"].to_numpy(float)
        high = data["ci_high"].to_numpy(float) - mean
        ax.errorbar(mean, y, xerr=np.vstack([np.nan_to_num(low), np.nan_to_num(high)]),
                    fmt="o", color=category_style(2 * k)[0], capsize=3, markersize=5)
        ax.axvline(0, color="#999999", linewidth=0.8, zorder=0)
        ax.set_yticks(y, groups)
        ax.set_title(method_name(method, lang), loc="left", fontsize=9)
        ax.set_xlabel(msg("sentiment.mean_axis", lang))
        ax.xaxis.set_major_formatter(axis_numbers(lang))
        ax.spines[["top", "right"]].set_visible(False)
        for k, n in enumerate(data["n_sentences"].to_numpy()):
            if not np.isnan(n):
                ax.annotate(f"n={number(int(n), lang)}", (1, k), xycoords=("axes fraction", "data"),
                            xytext=(-2, 0), textcoords="offset points", ha="right",
                            va="center", fontsize=7, color="#555555")
        span = np.nanmax(np.abs(np.concatenate([data["ci_low"].to_numpy(float),
                                                data["ci_high"].to_numpy(float), mean,
                                                [0.1]])))
        ax.set_xlim(-span * 1.35, span * 1.35)
    fig.suptitle(msg("sentiment.groups_title", lang, group=group_word(by, lang)), fontsize=10,
                 x=0.02, ha="left")
    unit = "unit.articles" if aggregates.attrs.get("resample") == "document" else "unit.sentences"
    caption_set(fig, msg("caption.sentiment_groups", lang, group=group_word(by, lang),
                         units=msg(unit, lang),
                         n_boot=number(int(aggregates.attrs.get("n_boot", 2000)), lang)))
    return fig


def textplot_sentiment_frames(by_frame: pd.DataFrame, *, by: str = "outlet",
                              labels: dict[str, str] | None = None,
                              lang: Lang = "nl") -> Figure:
    """Mean tone of the sentences that invoke each frame, per group: a heat map per measure
    (rows frames, columns groups; the number of sentences in each cell), from
    :func:`analysis.sentiment.sentiment_by_frame`. Frames are shown by their labels:
    ``labels`` (frame key -> label, e.g. ``frames_load().labels`` or ``.labels_en``) or
    the table's ``attrs["frame_labels"]`` (``["frame_labels_en"]`` in English), else by
    their keys; words and numbers in ``lang``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"frame": ["oorlog", "oorlog"], "outlet": ["NOS", "NRC"],
    ...                   "method": "lexicon", "mean": [0.1, -0.2], "n_sentences": [3, 4]})
    >>> len(textplot_sentiment_frames(t).axes)
    2
    """
    lang_check(lang)
    by_frame = groups_named(by_frame, by, lang)
    names = frame_labels(by_frame, lang, labels)
    methods = _methods(by_frame)
    frames = sorted(pd.unique(by_frame["frame"].astype(str)))
    groups = sorted(pd.unique(by_frame[by].astype(str)))
    fig, axes = figure_new("wide", ncols=len(methods), sharey=True, squeeze=False)
    limit = max(0.1, float(np.nanmax(np.abs(by_frame["mean"].to_numpy(float)))))
    image = None
    for ax, method in zip(axes[0], methods, strict=True):
        data = by_frame[by_frame["method"].astype(str) == method]
        grid = data.pivot_table(index="frame", columns=by, values="mean", observed=True)
        grid = grid.reindex(index=frames, columns=groups)
        counts = data.pivot_table(index="frame", columns=by, values="n_sentences",
                                  observed=True).reindex(index=frames, columns=groups)
        image = ax.imshow(grid.to_numpy(float), cmap=DIVERGING_CMAP_REVERSED, vmin=-limit,
                          vmax=limit,
                          aspect="auto")
        ax.set_xticks(np.arange(len(groups)), groups, rotation=30, ha="right", fontsize=8)
        ax.set_yticks(np.arange(len(frames)), [names.get(f, f) for f in frames], fontsize=8)
        ax.set_title(method_name(method, lang), loc="left", fontsize=8)
        for i in range(len(frames)):
            for j in range(len(groups)):
                value, n = grid.iat[i, j], counts.iat[i, j]
                if not np.isnan(value):
                    ax.text(j, i, f"{number(value, lang, digits=2, signed=True)}\n"
                            f"n={number(int(n), lang)}", ha="center", va="center",
                            fontsize=6.5,
                            color=text_color_on(image.cmap(image.norm(value))))
    if image is not None:
        bar = fig.colorbar(image, ax=axes[0].tolist(), shrink=0.8,
                           label=msg("sentiment.frames_colorbar", lang))
        bar.ax.yaxis.set_major_formatter(axis_numbers(lang))
    fig.suptitle(msg("sentiment.frames_title", lang, group=group_word(by, lang)), fontsize=10,
                 x=0.02, ha="left")
    caption_set(fig, msg("caption.sentiment_frames", lang, group=group_word(by, lang)))
    return fig


def textplot_sentiment_validity(confusion: pd.DataFrame, metrics: pd.DataFrame, *,
                                folds: int = 5, lang: Lang = "nl") -> Figure:
    """Each measure against the human codes: the confusion matrix as shares of each human
    code (rows), with accuracy and Krippendorff's alpha in the title; from
    :func:`analysis.sentiment.sentiment_crossvalidation_confusion` and
    :func:`analysis.sentiment.sentiment_crossvalidation` (of a ``folds``-fold
    cross-validation); words and numbers in ``lang``.

    >>> from analysis.sentiment import (sentiment_crossvalidation,
    ...                                 sentiment_crossvalidation_confusion)
    >>> fig = textplot_sentiment_validity(sentiment_crossvalidation_confusion(),
    ...                                   sentiment_crossvalidation())
    >>> len(fig.axes)
    4
    """
    lang_check(lang)
    methods = [m for m in (*SENTIMENT_METHODS, "always_neutral")
               if m in set(confusion["method"])]
    fig, axes = figure_new("wide", ncols=len(methods), squeeze=False)
    names = {c: msg(f"tone.{word}", lang)
             for c, word in ((-1, "negative"), (0, "neutral"), (1, "positive"))}
    image = None
    for ax, method in zip(axes[0], methods, strict=True):
        data = confusion[confusion["method"] == method]
        grid = data.pivot(index="gold", columns="predicted", values="share")
        grid = grid.reindex(index=[-1, 0, 1], columns=[-1, 0, 1])
        image = ax.imshow(grid.to_numpy(float), cmap=SEQUENTIAL_CMAP, vmin=0, vmax=1)
        for i in range(3):
            for j in range(3):
                value = grid.iat[i, j]
                ax.text(j, i, number(value, lang, digits=2), ha="center", va="center", fontsize=8,
                        color=text_color_on(image.cmap(image.norm(value))))
        ax.set_xticks(range(3), [names[c] for c in (-1, 0, 1)], fontsize=7)
        ax.set_yticks(range(3), [names[c] for c in (-1, 0, 1)], fontsize=7)
        ax.set_xlabel(msg("sentiment.predicted", lang), fontsize=8)
        if ax is axes[0][0]:
            ax.set_ylabel(msg("sentiment.gold", lang), fontsize=8)
        m = metrics[(metrics["method"] == method)].set_index("metric")["pooled"]
        ax.set_title(msg("sentiment.validity_panel", lang,
                         method=method_name(method, lang).split(" (")[0],
                         accuracy=number(m["accuracy"], lang, digits=2),
                         alpha=number(m["krippendorff_alpha"], lang, digits=2)),
                     fontsize=8, loc="left")
    if image is not None:
        bar = fig.colorbar(image, ax=axes[0].tolist(), shrink=0.7,
                           label=msg("sentiment.validity_colorbar", lang))
        bar.ax.yaxis.set_major_formatter(axis_numbers(lang))
    headlines = int(confusion[confusion["method"] == methods[0]]["n"].sum()) if methods else 0
    fig.suptitle(msg("sentiment.validity_title", lang, n=number(headlines, lang),
                     folds=folds), fontsize=9, x=0.02, ha="left")
    caption_set(fig, msg("caption.sentiment_validity", lang, n=number(headlines, lang),
                         folds=folds), corpus=False)
    return fig
