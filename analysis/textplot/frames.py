"""Plots for frames: prominence per outlet (heatmap and bars) and frame co-occurrence."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.output.captions import caption_set
from analysis.output.figures import figure_new
from analysis.output.messages import MESSAGES, Lang, group_word, lang_check, msg, number
from analysis.textplot._labels import axis_numbers, frame_labels, groups_named
from analysis.textplot.palettes import SEQUENTIAL_CMAP, category_style, text_color_on

__all__ = ["textplot_frames_heatmap", "textplot_frames_bars", "textplot_frames_cooccurrence"]

_COUNTS = ("hits", "docs_with_frame", "units_both")

#: The columns of :func:`analysis.dictionaries.frames_count` the prominence plots show.
FrameValue = Literal["per_1000", "hits", "share_docs", "docs_with_frame"]


def _value_label(value: str, lang: Lang) -> str:
    """The name of measure ``value`` (a column of the frame tables) in ``lang``."""
    key = f"frames.{value}"
    return msg(key, lang, thousand=number(1000, lang)) if key in MESSAGES else value


def _number(value: float, value_name: str, lang: Lang) -> str:
    if value_name in _COUNTS:
        return number(int(value), lang)
    return number(value, lang, digits=2 if value < 10 else 1)


def _matrix(counts: pd.DataFrame, by: str, value: str, lang: Lang) -> pd.DataFrame:
    for column in (by, "frame", value):
        if column not in counts.columns:
            raise KeyError(f"the table has no column {column!r}; pass the table of "
                           "analysis.dictionaries.frames_count with the same by=")
    given = counts["label"] if "label" in counts.columns else counts["frame"]
    labels = counts["frame"].astype(str).map(frame_labels(counts, lang))
    table = counts.assign(_label=labels.fillna(given.astype(str)).astype(str))
    matrix = table.pivot_table(index=by, columns="_label", values=value, aggfunc="sum",
                               sort=False, observed=True)
    return matrix.reindex(columns=list(dict.fromkeys(table["_label"])))


def textplot_frames_heatmap(counts: pd.DataFrame, *, by: str = "outlet",
                            value: FrameValue = "per_1000", lang: Lang = "nl") -> Figure:
    """A heatmap of frame prominence: one row per group (outlet), one column per frame,
    each cell labelled with its value; from :func:`analysis.dictionaries.frames_count`. Words
    and numbers in ``lang``; in English, frames are labelled with the dictionary's
    ``label_en`` where it gives one.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_count, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties.", "Overleg over sancties."]})
    >>> fig = textplot_frames_heatmap(frames_count(frames_match(c), c))
    >>> len(fig.axes)
    2
    """
    lang_check(lang)
    counts = groups_named(counts, by, lang)
    matrix = _matrix(counts, by, value, lang)
    measure = _value_label(value, lang)
    fig, ax = figure_new("wide")
    data = matrix.to_numpy(dtype=float)
    top = np.nanmax(data) if data.size and np.nanmax(data) > 0 else 1.0
    image = ax.imshow(data, cmap=SEQUENTIAL_CMAP, vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=20, ha="right")
    ax.set_yticks(range(matrix.shape[0]), matrix.index.astype(str))
    for (i, j), v in np.ndenumerate(data):
        ax.text(j, i, _number(v, value, lang), ha="center", va="center", fontsize=9,
                color=text_color_on(image.cmap(image.norm(v))))
    ax.set_title(msg("frames.heatmap_title", lang, group=group_word(by, lang), value=measure),
                 loc="left", fontsize=10)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(measure, fontsize=8)
    bar.ax.yaxis.set_major_formatter(axis_numbers(lang))
    caption_set(fig, msg("caption.frames", lang, group=group_word(by, lang), value=measure))
    return fig


def textplot_frames_bars(counts: pd.DataFrame, *, by: str = "outlet",
                         value: FrameValue = "per_1000", lang: Lang = "nl") -> Figure:
    """Grouped bars of frame prominence: per frame one bar per group (outlet); from
    :func:`analysis.dictionaries.frames_count`; words and numbers in ``lang``.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_count, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties.", "Overleg over sancties."]})
    >>> fig = textplot_frames_bars(frames_count(frames_match(c), c))
    >>> len(fig.axes[0].patches)
    10
    """
    lang_check(lang)
    counts = groups_named(counts, by, lang)
    matrix = _matrix(counts, by, value, lang)
    fig, ax = figure_new("wide")
    n_groups, n_frames = matrix.shape
    width = 0.8 / max(n_groups, 1)
    x = np.arange(n_frames)
    for k, (group, row) in enumerate(matrix.iterrows()):
        color, hatch = category_style(k)
        ax.bar(x - 0.4 + width * (k + 0.5), row.to_numpy(dtype=float), width=width,
               label=str(group), color=color, hatch=hatch, edgecolor="#333333",
               linewidth=0.4)
    ax.set_xticks(x, matrix.columns)
    ax.set_ylabel(_value_label(value, lang))
    ax.yaxis.set_major_formatter(axis_numbers(lang))
    ax.set_title(msg("frames.bars_title", lang, group=group_word(by, lang)), loc="left",
                 fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(title=group_word(by, lang), fontsize=8, title_fontsize=8, frameon=False,
              loc="upper left", bbox_to_anchor=(1.0, 1.0))
    caption_set(fig, msg("caption.frames", lang, group=group_word(by, lang),
                         value=_value_label(value, lang)))
    return fig


def textplot_frames_cooccurrence(
    cooccurrence: pd.DataFrame,
    *,
    value: Literal["jaccard", "share_of_a", "units_both"] = "jaccard",
    labels: dict[str, str] | None = None,
    lang: Lang = "nl",
) -> Figure:
    """A frame-by-frame heatmap of co-occurrence, from
    :func:`analysis.dictionaries.frames_cooccurrence`; the diagonal (a frame with itself) is left
    empty. Frame labels come from ``labels`` or the table's ``attrs["frame_labels"]``
    (``attrs["frame_labels_en"]`` in English); words and numbers in ``lang``.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_cooccurrence, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Sancties en overleg."]})
    >>> fig = textplot_frames_cooccurrence(frames_cooccurrence(frames_match(c)))
    >>> len(fig.axes)
    2
    """
    lang_check(lang)
    names = list(dict.fromkeys(cooccurrence["frame_a"].astype(str)))
    labels = frame_labels(cooccurrence, lang, labels)
    measure = _value_label(value, lang)
    matrix = (cooccurrence.pivot(index="frame_a", columns="frame_b", values=value)
              .reindex(index=names, columns=names).to_numpy(dtype=float, copy=True))
    np.fill_diagonal(matrix, np.nan)
    fig, ax = figure_new("wide")
    top = np.nanmax(matrix) if np.isfinite(matrix).any() and np.nanmax(matrix) > 0 else 1.0
    image = ax.imshow(np.ma.masked_invalid(matrix), cmap=SEQUENTIAL_CMAP, vmin=0, vmax=top)
    shown = [labels.get(n, n) for n in names]
    ax.set_xticks(range(len(names)), shown, rotation=20, ha="right")
    ax.set_yticks(range(len(names)), shown)
    for (i, j), v in np.ndenumerate(matrix):
        if np.isfinite(v):
            ax.text(j, i, _number(v, value, lang), ha="center", va="center", fontsize=9,
                    color=text_color_on(image.cmap(image.norm(v))))
    level = cooccurrence.attrs.get("level", "sentence")
    unit = msg("unit.sentence" if level == "sentence" else "unit.article", lang)
    ax.set_title(msg("frames.cooccurrence_title", lang, unit=unit, value=measure),
                 loc="left", fontsize=10)
    caption_set(fig, msg("caption.frames_cooccurrence", lang, unit=unit, value=measure))
    if value == "share_of_a":
        ax.set_ylabel(msg("frames.frame_a", lang))
        ax.set_xlabel(msg("frames.frame_b", lang))
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(measure, fontsize=8)
    bar.ax.yaxis.set_major_formatter(axis_numbers(lang))
    return fig
