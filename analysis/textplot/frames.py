"""Plots for frames: prominence per outlet (heatmap and bars) and frame co-occurrence."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from analysis.figures import figure_new
from analysis.textplot._labels import group_word

__all__ = ["textplot_frames_heatmap", "textplot_frames_bars", "textplot_frames_cooccurrence"]

_VALUE_LABELS = {
    "per_1000": "treffers per 1.000 woorden",
    "hits": "treffers",
    "share_docs": "aandeel artikelen met het frame",
    "docs_with_frame": "artikelen met het frame",
    "jaccard": "Jaccard-index (0-1)",
    "share_of_a": "aandeel van de zinnen met frame A dat ook frame B heeft",
    "units_both": "aantal eenheden met beide frames",
}
_DECIMAL_COMMA = FuncFormatter(lambda v, _: f"{v:g}".replace(".", ","))
_COLORS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3",
           "#8c8c8c", "#ccb974", "#64b5cd"]


def _number(value: float, value_name: str) -> str:
    if value_name in ("hits", "docs_with_frame", "units_both"):
        return f"{int(value)}"
    return f"{value:.2f}".replace(".", ",") if value < 10 else f"{value:.1f}".replace(".", ",")


def _matrix(counts: pd.DataFrame, by: str, value: str) -> pd.DataFrame:
    for column in (by, "frame", value):
        if column not in counts.columns:
            raise KeyError(f"the table has no column {column!r}; pass the table of "
                           "analysis.frames.frames_count with the same by=")
    labels = counts["label"] if "label" in counts.columns else counts["frame"]
    table = counts.assign(_label=labels.astype(str))
    matrix = table.pivot_table(index=by, columns="_label", values=value, aggfunc="sum",
                               sort=False, observed=True)
    return matrix.reindex(columns=list(dict.fromkeys(table["_label"])))


def textplot_frames_heatmap(
    counts: pd.DataFrame,
    *,
    by: str = "outlet",
    value: Literal["per_1000", "hits", "share_docs", "docs_with_frame"] = "per_1000",
) -> Figure:
    """A heatmap of frame prominence: one row per group (outlet), one column per frame,
    each cell labelled with its value; from :func:`analysis.frames.frames_count`.

    >>> import pandas as pd
    >>> from analysis.frames import frames_count, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties.", "Overleg over sancties."]})
    >>> fig = textplot_frames_heatmap(frames_count(frames_match(c), c))
    >>> len(fig.axes)
    2
    """
    matrix = _matrix(counts, by, value)
    fig, ax = figure_new("wide")
    data = matrix.to_numpy(dtype=float)
    top = np.nanmax(data) if data.size and np.nanmax(data) > 0 else 1.0
    image = ax.imshow(data, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=20, ha="right")
    ax.set_yticks(range(matrix.shape[0]), matrix.index.astype(str))
    for (i, j), v in np.ndenumerate(data):
        ax.text(j, i, _number(v, value), ha="center", va="center", fontsize=9,
                color="white" if v > 0.6 * top else "black")
    ax.set_title(f"Frames per {group_word(by)}: {_VALUE_LABELS.get(value, value)}",
                 loc="left", fontsize=10)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(_VALUE_LABELS.get(value, value), fontsize=8)
    bar.ax.yaxis.set_major_formatter(_DECIMAL_COMMA)
    return fig


def textplot_frames_bars(
    counts: pd.DataFrame,
    *,
    by: str = "outlet",
    value: Literal["per_1000", "hits", "share_docs", "docs_with_frame"] = "per_1000",
) -> Figure:
    """Grouped bars of frame prominence: per frame one bar per group (outlet); from
    :func:`analysis.frames.frames_count`.

    >>> import pandas as pd
    >>> from analysis.frames import frames_count, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties.", "Overleg over sancties."]})
    >>> fig = textplot_frames_bars(frames_count(frames_match(c), c))
    >>> len(fig.axes[0].patches)
    10
    """
    matrix = _matrix(counts, by, value)
    fig, ax = figure_new("wide")
    n_groups, n_frames = matrix.shape
    width = 0.8 / max(n_groups, 1)
    x = np.arange(n_frames)
    for k, (group, row) in enumerate(matrix.iterrows()):
        ax.bar(x - 0.4 + width * (k + 0.5), row.to_numpy(dtype=float), width=width,
               label=str(group), color=_COLORS[k % len(_COLORS)])
    ax.set_xticks(x, matrix.columns)
    ax.set_ylabel(_VALUE_LABELS.get(value, value))
    ax.set_title(f"Frames per {group_word(by)}", loc="left", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(title=group_word(by), fontsize=8, title_fontsize=8, frameon=False,
              loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def textplot_frames_cooccurrence(
    cooccurrence: pd.DataFrame,
    *,
    value: Literal["jaccard", "share_of_a", "units_both"] = "jaccard",
    labels: dict[str, str] | None = None,
) -> Figure:
    """A frame-by-frame heatmap of co-occurrence, from
    :func:`analysis.frames.frames_cooccurrence`; the diagonal (a frame with itself) is left
    empty. Frame labels come from ``labels`` or the table's ``attrs["frame_labels"]``.

    >>> import pandas as pd
    >>> from analysis.frames import frames_cooccurrence, frames_match
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Sancties en overleg."]})
    >>> fig = textplot_frames_cooccurrence(frames_cooccurrence(frames_match(c)))
    >>> len(fig.axes)
    2
    """
    names = list(dict.fromkeys(cooccurrence["frame_a"].astype(str)))
    labels = labels or cooccurrence.attrs.get("frame_labels", {})
    matrix = (cooccurrence.pivot(index="frame_a", columns="frame_b", values=value)
              .reindex(index=names, columns=names).to_numpy(dtype=float, copy=True))
    np.fill_diagonal(matrix, np.nan)
    fig, ax = figure_new("wide")
    top = np.nanmax(matrix) if np.isfinite(matrix).any() and np.nanmax(matrix) > 0 else 1.0
    image = ax.imshow(np.ma.masked_invalid(matrix), cmap="Purples", vmin=0, vmax=top)
    shown = [labels.get(n, n) for n in names]
    ax.set_xticks(range(len(names)), shown, rotation=20, ha="right")
    ax.set_yticks(range(len(names)), shown)
    for (i, j), v in np.ndenumerate(matrix):
        if np.isfinite(v):
            ax.text(j, i, _number(v, value), ha="center", va="center", fontsize=9,
                    color="white" if v > 0.6 * top else "black")
    unit = "zin" if cooccurrence.attrs.get("level", "sentence") == "sentence" else "artikel"
    ax.set_title(f"Frames samen in één {unit}: {_VALUE_LABELS.get(value, value)}",
                 loc="left", fontsize=10)
    if value == "share_of_a":
        ax.set_ylabel("frame A")
        ax.set_xlabel("frame B")
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(_VALUE_LABELS.get(value, value), fontsize=8)
    bar.ax.yaxis.set_major_formatter(_DECIMAL_COMMA)
    return fig
