"""Plots for actors and quotes: who is named and who speaks, per outlet."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.output.captions import caption_set
from analysis.output.figures import figure_new
from analysis.output.messages import Lang, group_word, lang_check, msg, number
from analysis.tables import MISSING_GROUP, require_columns
from analysis.textplot._labels import axis_numbers, groups_named
from analysis.textplot.palettes import (
    RESIDUAL_STYLE,
    SEQUENTIAL_CMAP,
    category_style,
    text_color_on,
)

__all__ = ["textplot_quotes_share", "textplot_quotes_direct", "textplot_actors_heatmap"]


def _group_names(table: pd.DataFrame, groups, lang: Lang) -> list[str]:
    """The groups as the figure shows them: English names from the dictionary's [groups]
    table in English, and the words for 'no actor' in the figure's language."""
    english = dict(table.attrs.get("group_labels_en", {})) if lang == "en" else {}
    return [msg("quotes.no_actor", lang) if g == MISSING_GROUP else english.get(g, g)
            for g in groups]


def textplot_quotes_share(
    shares: pd.DataFrame,
    *,
    by: str = "outlet",
    kind: Literal["all", "direct", "indirect"] = "all",
    lang: Lang = "nl",
) -> Figure:
    """Who speaks: per group of articles (outlet) one stacked bar of the shares of the
    quotations (left) and of the quoted words (right) by actor group, with the number of
    quotations at the end of each bar; from :func:`analysis.quotes.quotes_share`.

    >>> import pandas as pd
    >>> from analysis.quotes import quotes_share
    >>> q = pd.DataFrame({"outlet": ["NOS", "NRC"], "kind": ["direct", "indirect"],
    ...                   "group": ["Rusland", "NAVO"], "words": [5, 3]})
    >>> fig = textplot_quotes_share(quotes_share(q))
    >>> len(fig.axes), len(fig.axes[0].patches)
    (2, 4)
    """
    lang_check(lang)
    shares = groups_named(shares, by, lang)
    require_columns(shares, [by, "kind", "group", "share_quotes", "share_words", "quotes"],
                    what="the table", hint="pass the table of analysis.quotes.quotes_share "
                    "with the same by=")
    part = shares[shares["kind"] == kind]
    values = list(dict.fromkeys(part[by].astype(str)))
    groups = list(dict.fromkeys(part["group"].astype(str)))
    names = _group_names(shares, groups, lang)
    fig, axes = figure_new("wide", ncols=2, sharey=True)
    if not groups:
        return _empty(fig, msg("quotes.share_title", lang, group=group_word(by, lang)), lang)
    totals = part.groupby(part[by].astype(str))["quotes"].sum().reindex(values, fill_value=0)
    y = np.arange(len(values))
    for ax, column, title in ((axes[0], "share_quotes", "quotes.panel_quotes"),
                              (axes[1], "share_words", "quotes.panel_words")):
        matrix = part.pivot_table(index=part[by].astype(str), columns="group", values=column,
                                  aggfunc="sum", sort=False).reindex(index=values,
                                                                     columns=groups)
        left = np.zeros(len(values))
        actors = [g for g in groups if g != MISSING_GROUP]
        for k, group in enumerate(groups):
            color, hatch = (RESIDUAL_STYLE if group == MISSING_GROUP
                            else category_style(actors.index(group)))
            width = matrix[group].fillna(0).to_numpy(dtype=float)
            ax.barh(y, width, left=left, color=color, hatch=hatch, edgecolor="#333333",
                    linewidth=0.4, label=names[k], height=0.7)
            left += width
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(axis_numbers(lang))
        ax.set_xlabel(msg(title, lang))
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].invert_yaxis()  # the first group on top (the axes share their y axis)
    axes[0].set_yticks(y, values)
    for i, n in enumerate(totals.tolist()):
        label = msg("quotes.bar_n", lang, n=number(n, lang)) if n else msg("quotes.none",
                                                                            lang)
        axes[1].text(1.01, i, label, va="center", ha="left", fontsize=8,
                     transform=axes[1].get_yaxis_transform())
    fig.suptitle(msg("quotes.share_title", lang, group=group_word(by, lang)) + " ("
                 + msg(f"quotes.kind_{kind}", lang) + ")", x=0.01, ha="left", fontsize=10)
    fig.legend(*axes[0].get_legend_handles_labels(), title=msg("quotes.actor_group", lang),
               loc="outside lower center", ncols=min(len(groups), 4), fontsize=8,
               title_fontsize=8, frameon=False)
    caption_set(fig, msg("caption.quotes_share", lang, title=fig._suptitle.get_text()))
    return fig


def _empty(fig: Figure, title: str, lang: Lang) -> Figure:
    """The figure of a table without quotations: its title and the words 'no quotations'."""
    for ax in fig.axes:
        ax.set_axis_off()
    fig.axes[0].text(0.5, 0.5, msg("quotes.none", lang), ha="center", va="center",
                     fontsize=10, transform=fig.axes[0].transAxes)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10)
    return fig


def _heatmap(ax, fig, data: np.ndarray, cells: list[list[str]], rows, columns,
             colorbar: str, lang: Lang, vmax: float | None = None) -> None:
    top = vmax if vmax is not None else (np.nanmax(data) if data.size and
                                         np.nanmax(data) > 0 else 1.0)
    image = ax.imshow(np.ma.masked_invalid(data), cmap=SEQUENTIAL_CMAP, vmin=0, vmax=top,
                      aspect="auto")
    ax.set_xticks(range(len(columns)), columns, rotation=20, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    for (i, j), v in np.ndenumerate(data):
        color = "#333333" if np.isnan(v) else text_color_on(image.cmap(image.norm(v)))
        ax.text(j, i, cells[i][j], ha="center", va="center", fontsize=8, color=color)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(colorbar, fontsize=8)
    bar.ax.yaxis.set_major_formatter(axis_numbers(lang))


def textplot_quotes_direct(direct: pd.DataFrame, *, by: str = "outlet", lang: Lang = "nl"
                           ) -> Figure:
    """Quoted or paraphrased: per group of articles (rows) and actor group (columns) the
    share of the group's quotations that are direct, each cell written as direct/all (an
    empty cell: the group is not quoted there); from :func:`analysis.quotes.quotes_direct`.

    >>> import pandas as pd
    >>> from analysis.quotes import quotes_direct
    >>> q = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC"], "kind": ["direct", "indirect",
    ...                   "direct"], "group": ["Rusland", "Rusland", "NAVO"]})
    >>> fig = textplot_quotes_direct(quotes_direct(q))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['1/2', '', '', '1/1']
    """
    lang_check(lang)
    direct = groups_named(direct, by, lang)
    require_columns(direct, [by, "group", "quotes", "direct", "share_direct"],
                    what="the table", hint="pass the table of analysis.quotes.quotes_direct "
                    "with the same by=")
    values = list(dict.fromkeys(direct[by].astype(str)))
    order = [g for g in direct.attrs.get("groups", []) if g in set(direct["group"])]
    order += [g for g in dict.fromkeys(direct["group"].astype(str)) if g not in order]
    data = np.full((len(values), len(order)), np.nan)
    cells = [[""] * len(order) for _ in values]
    for row in direct.itertuples(index=False):
        i, j = values.index(str(getattr(row, by))), order.index(str(row.group))
        data[i, j] = row.share_direct
        cells[i][j] = f"{number(row.direct, lang)}/{number(row.quotes, lang)}"
    fig, ax = figure_new("wide")
    if not order:
        return _empty(fig, msg("quotes.direct_title", lang, group=group_word(by, lang)), lang)
    _heatmap(ax, fig, data, cells, values, _group_names(direct, order, lang),
             msg("quotes.direct_colorbar", lang), lang, vmax=1.0)
    ax.set_title(msg("quotes.direct_title", lang, group=group_word(by, lang)), loc="left",
                 fontsize=10)
    caption_set(fig, msg("caption.quotes_direct", lang, title=ax.get_title(loc="left")))
    return fig


def textplot_actors_heatmap(counts: pd.DataFrame, *, by: str = "outlet", lang: Lang = "nl"
                            ) -> Figure:
    """Who is named: mentions per 1,000 words per group of articles (rows) and actor group
    (columns), each cell labelled; from :func:`analysis.dictionaries.actors_count` with
    ``level="group"``.

    >>> import pandas as pd
    >>> from analysis.dictionaries.actors import actors_count, actors_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Poetin sprak.", "De NAVO zweeg."]})
    >>> t = actors_count(actors_match(c), c, level="group")
    >>> fig = textplot_actors_heatmap(t[t.group.isin(["Rusland", "NAVO"])])
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['500', '0', '0', '333,3']
    """
    lang_check(lang)
    counts = groups_named(counts, by, lang)
    require_columns(counts, [by, "group", "per_1000"], what="the table",
                    hint="pass the table of analysis.dictionaries.actors_count(level='group') "
                    "with the same by=")
    matrix = counts.pivot_table(index=counts[by].astype(str), columns="group",
                                values="per_1000", aggfunc="sum", sort=False)
    matrix = matrix.reindex(columns=list(dict.fromkeys(counts["group"].astype(str))))
    data = matrix.to_numpy(dtype=float)
    cells = [[number(v, lang, digits=None if v == int(v) else 1) for v in row]
             for row in data.round(1)]
    fig, ax = figure_new("wide")
    thousand = number(1000, lang)
    _heatmap(ax, fig, data, cells, list(matrix.index),
             _group_names(counts, list(matrix.columns), lang),
             msg("actors.per_1000", lang, thousand=thousand), lang)
    ax.set_title(msg("actors.heatmap_title", lang, group=group_word(by, lang),
                     thousand=thousand), loc="left", fontsize=10)
    caption_set(fig, msg("caption.actors_heatmap", lang, title=ax.get_title(loc="left")))
    return fig
