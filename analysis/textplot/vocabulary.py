"""Plots for vocabulary: top terms per outlet, keywords per outlet, lexical dispersion."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

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
    quoted,
)
from analysis.textplot.palettes import DIVERGING_CMAP, MARK_COLOR, SINGLE_COLOR

__all__ = ["textplot_frequency", "textplot_keyness", "textplot_xray"]


def _require(table: pd.DataFrame, columns: tuple[str, ...], source: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"the table has no column(s) {missing}; pass the table of {source}")


def _panels(n: int, size: str = "tall", ncols: int = 2):
    """A grid with room for ``n`` panels; unused axes are hidden. Returns (fig, axes)."""
    ncols = min(ncols, max(n, 1))
    nrows = max(math.ceil(n / ncols), 1)
    fig, axes = figure_new(size, nrows=nrows, ncols=ncols, squeeze=False)
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def _groups_of(table: pd.DataFrame, by: str) -> list[str]:
    column = table[by]
    if isinstance(column.dtype, pd.CategoricalDtype):
        present = set(column.astype(str))
        return [str(c) for c in column.cat.categories if str(c) in present]
    return list(dict.fromkeys(column.astype(str)))


def textplot_frequency(
    frequencies: pd.DataFrame,
    *,
    by: str = "outlet",
    n: int = 10,
    lang: Lang = "nl",
) -> Figure:
    """Small multiples of the ``n`` most frequent terms of every group, as horizontal bars
    of their relative frequency (per 1,000 words), on one shared scale; from
    :func:`analysis.vocabulary.textstat_frequency` with the same ``by``; words and numbers
    in ``lang``.

    >>> import pandas as pd
    >>> from analysis.vocabulary import textstat_frequency
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["De crisis groeit.", "De NAVO zwijgt."]})
    >>> fig = textplot_frequency(textstat_frequency(tokens_corpus(c)), n=3)
    >>> len([ax for ax in fig.axes if ax.get_visible()])
    2
    """
    lang_check(lang)
    frequencies = groups_named(frequencies, by, lang)
    _require(frequencies, (by, "term", "per_1000", "count"),
             "analysis.vocabulary.textstat_frequency with the same by=")
    groups = _groups_of(frequencies, by)
    fig, axes = _panels(len(groups))
    top = frequencies.sort_values([by, "count", "term"], ascending=[True, False, True])
    top = top.groupby(by, observed=True, sort=False).head(n)
    limit = float(top["per_1000"].max()) * 1.15 if len(top) else 1.0
    for ax, group in zip(axes, groups, strict=True):
        rows = top[top[by].astype(str) == group].iloc[::-1]
        ax.barh(rows["term"].astype(str), rows["per_1000"], color=SINGLE_COLOR, height=0.7)
        ax.set_title(group, loc="left", fontsize=10)
        ax.set_xlim(0, limit)
        ax.tick_params(axis="y", labelsize=8, length=0)
        ax.tick_params(axis="x", labelsize=8)
        ax.xaxis.set_major_formatter(axis_numbers(lang))
        ax.spines[["top", "right"]].set_visible(False)
    for ax in axes[-2:]:
        ax.set_xlabel(msg("frequency.axis", lang, thousand=number(1000, lang)), fontsize=8)
    fig.suptitle(msg("frequency.title", lang, group=group_word(by, lang)), fontsize=11,
                 x=0.02, ha="left")
    caption_set(fig, msg("caption.frequency", lang, n=number(n, lang),
                         group=group_word(by, lang), thousand=number(1000, lang)))
    return fig


def textplot_keyness(
    keyness: pd.DataFrame,
    *,
    by: str = "outlet",
    n: int = 8,
    significant_only: bool = True,
    lang: Lang = "nl",
) -> Figure:
    """Small multiples of every group's keywords: bars of signed G2 (right: more frequent
    in the group than in the rest of the corpus; left: less frequent), coloured by Log
    Ratio, the ``n`` strongest in each direction; by default only terms whose adjusted
    p-value is significant. From :func:`analysis.vocabulary.textstat_keyness`; words and
    numbers in ``lang``.

    >>> import pandas as pd
    >>> from analysis.vocabulary import textstat_keyness
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                   "text": ["oorlog " * 20 + "vrede", "vrede " * 20 + "oorlog"]})
    >>> fig = textplot_keyness(textstat_keyness(tokens_corpus(c)))
    >>> len([ax for ax in fig.axes if ax.get_visible()])  # two panels and the colour bar
    3
    """
    lang_check(lang)
    keyness = groups_named(keyness, by, lang)
    _require(keyness, (by, "term", "g2", "log_ratio", "significant"),
             "analysis.vocabulary.textstat_keyness with the same by=")
    groups = _groups_of(keyness, by)
    if not groups:  # nothing was tested: say so instead of drawing empty panels
        fig, ax = figure_new("wide")
        ax.set_axis_off()
        ax.text(0.5, 0.5, msg("keyness.nothing_tested", lang), ha="center", va="center",
                fontsize=9)
        return fig
    fig, axes = _panels(len(groups))
    shown = keyness[keyness["significant"]] if significant_only else keyness
    bound = float(np.nanmax(np.abs(shown["log_ratio"]))) if len(shown) else 1.0
    bound = max(bound, 1.0)
    norm = TwoSlopeNorm(vmin=-bound, vcenter=0.0, vmax=bound)
    cmap = DIVERGING_CMAP
    extent = float(np.nanmax(np.abs(shown["g2"]))) * 1.35 if len(shown) else 1.0
    for ax, group in zip(axes, groups, strict=True):
        rows = shown[shown[by].astype(str) == group]
        positive = rows[rows["g2"] > 0].nlargest(n, "g2")
        negative = rows[rows["g2"] < 0].nsmallest(n, "g2")
        picked = pd.concat([negative.iloc[::-1], positive.iloc[::-1]])
        picked = picked.sort_values("g2")
        ax.set_title(group, loc="left", fontsize=10)
        ax.axvline(0, color="#555555", linewidth=0.6)
        ax.set_xlim(-extent, extent)
        ax.xaxis.set_major_formatter(axis_numbers(lang))
        ax.tick_params(labelsize=8, length=0)
        ax.spines[["top", "right", "left"]].set_visible(False)
        if picked.empty:
            ax.set_yticks([])
            ax.text(0.5, 0.5, msg("keyness.none_significant", lang), transform=ax.transAxes,
                    ha="center", va="center", fontsize=8, color="#555555")
            continue
        ax.barh(picked["term"].astype(str), picked["g2"], color=_colors(picked, norm, cmap),
                height=0.7, edgecolor="#333333", linewidth=0.3)
        for y, (g2, lr) in enumerate(zip(picked["g2"], picked["log_ratio"], strict=True)):
            ax.annotate(msg("keyness.bar_note", lang,
                            value=number(lr, lang, digits=1, signed=True)), (g2, y),
                        xytext=(3 if g2 > 0 else -3, 0), textcoords="offset points",
                        ha="left" if g2 > 0 else "right", va="center", fontsize=6,
                        color="#333333")
        slots = max(len(picked), 6)  # the same bar thickness in every panel
        ax.set_ylim(len(picked) - slots - 0.5, len(picked) - 0.5)
    fig.supxlabel(msg("keyness.axis", lang), fontsize=8)
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=axes, shrink=0.6, location="right")
    bar.set_label(msg("keyness.colorbar", lang), fontsize=8)
    bar.ax.tick_params(labelsize=8)
    bar.ax.yaxis.set_major_formatter(axis_numbers(lang))
    title = msg("keyness.title", lang, group=group_word(by, lang))
    if significant_only:
        title += msg("keyness.significant_only", lang)
    fig.suptitle(title, fontsize=11, x=0.02, ha="left")
    selection = ""
    if significant_only:
        adjust = str(keyness.attrs.get("adjust", "bh"))
        selection = msg("caption.keyness_significant", lang,
                        alpha=number(float(keyness.attrs.get("alpha", 0.05)), lang),
                        adjust=msg(f"adjust.{adjust}", lang) if adjust in ("bh", "holm")
                        else adjust)
    caption_set(fig, msg("caption.keyness", lang, group=group_word(by, lang),
                         selection=selection))
    return fig


def _colors(rows: pd.DataFrame, norm, cmap: str) -> list:
    return [colormaps[cmap](norm(v)) for v in rows["log_ratio"]]


#: Articles up to which :func:`textplot_xray` labels every row.
XRAY_LABELLED_ROWS = 40


def textplot_xray(
    dispersion: pd.DataFrame,
    *,
    docs: pd.DataFrame | None = None,
    lang: Lang = "nl",
) -> Figure:
    """A lexical dispersion (x-ray) plot: one panel per pattern, one row per article
    (labelled with its outlet), a tick where the pattern occurs, from the start (0) to the
    end (1) of the article; from :func:`analysis.vocabulary.textstat_dispersion`.

    ``docs`` (e.g. the corpus, with ``doc_id`` and ``outlet``) lists the articles to show,
    including those without any occurrence; by default, the articles in ``dispersion``.
    Up to ``XRAY_LABELLED_ROWS`` articles each row is labelled; with more, the rows are
    grouped by outlet (in the order of first appearance), each group labelled once and
    set off by a line, so that a corpus of thousands of articles still gives a readable
    figure. Words and numbers in ``lang``.

    >>> import pandas as pd
    >>> from analysis.vocabulary import textstat_dispersion
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties en nog eens sancties.", "Geen escalatie."]})
    >>> d = textstat_dispersion(tokens_corpus(c), ["sancties", "escal*"])
    >>> len(textplot_xray(d, docs=c).axes)
    2
    """
    lang_check(lang)
    _require(dispersion, ("pattern", "doc_id", "outlet", "relative_position"),
             "analysis.vocabulary.textstat_dispersion")
    if docs is None:
        docs = dispersion[["doc_id", "outlet"]].drop_duplicates()
    docs = docs[["doc_id", "outlet"]].astype(str).drop_duplicates("doc_id")
    column = dispersion["pattern"]
    patterns = ([str(p) for p in column.cat.categories]
                if isinstance(column.dtype, pd.CategoricalDtype) else _groups_of(dispersion,
                                                                                  "pattern"))
    n_docs = len(docs)
    grouped = n_docs > XRAY_LABELLED_ROWS
    if grouped:  # rows of one outlet together, in the order the outlets first appear
        rank = {o: k for k, o in enumerate(pd.unique(docs["outlet"]))}
        docs = docs.iloc[np.argsort(docs["outlet"].map(rank).to_numpy(), kind="stable")]
    size = "tall" if len(patterns) * n_docs > 24 else "wide"
    fig, axes = figure_new(size, nrows=max(len(patterns), 1), ncols=1, sharex=True,
                           squeeze=False)
    axes = list(axes.ravel())
    row_of = {doc: i for i, doc in enumerate(docs["doc_id"])}
    if grouped:
        outlets = docs["outlet"].to_numpy()
        firsts = np.flatnonzero(np.append(True, outlets[1:] != outlets[:-1]))
        lasts = np.append(firsts[1:], n_docs) - 1
        ticks = (firsts + lasts) / 2
        labels = [f"{outlets[a]} ({number(b - a + 1, lang)})"
                  for a, b in zip(firsts, lasts, strict=True)]
    else:
        ticks, labels = range(n_docs), _doc_labels(docs)
    for ax, pattern in zip(axes, patterns, strict=False):
        rows = dispersion[dispersion["pattern"].astype(str) == pattern]
        y = rows["doc_id"].astype(str).map(row_of).astype(float)
        x = rows["relative_position"][y.notna()]
        y = y.dropna()
        if grouped:  # rows thinner than a pixel: a mark of fixed size
            ax.plot(x, y, linestyle="none", marker="|", markersize=4, markeredgewidth=0.5,
                    color=MARK_COLOR, alpha=0.6)
        else:
            ax.vlines(x, y - 0.38, y + 0.38, color=MARK_COLOR, linewidth=1.2)
        ax.set_yticks(ticks, labels, fontsize=7)
        ax.set_ylim(n_docs - 0.5, -0.5)
        ax.set_title(msg("xray.panel", lang, pattern=quoted(pattern, lang),
                         n=number(len(rows), lang)), loc="left", fontsize=9, pad=2)
        ax.tick_params(length=0, labelsize=7)
        if grouped:
            for edge in firsts[1:]:
                ax.axhline(edge - 0.5, color="#999999", linewidth=0.6)
        else:
            ax.grid(axis="y", color="#dddddd", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
    axes[-1].set_xlim(0, 1)
    axes[-1].xaxis.set_major_locator(MaxNLocator(5))
    axes[-1].xaxis.set_major_formatter(axis_numbers(lang))
    axes[-1].set_xlabel(msg("xray.axis", lang), fontsize=8)
    fig.suptitle(msg("xray.title", lang), fontsize=11, x=0.02, ha="left")
    caption_set(fig, msg("caption.xray", lang,
                         patterns=", ".join(quoted(p, lang) for p in patterns)))
    return fig


def _doc_labels(docs: pd.DataFrame) -> list[str]:
    """The outlet of each article; numbered when an outlet has several articles."""
    counts = docs["outlet"].value_counts()
    seen: dict[str, int] = {}
    labels = []
    for outlet in docs["outlet"]:
        if counts[outlet] == 1:
            labels.append(outlet)
        else:
            seen[outlet] = seen.get(outlet, 0) + 1
            labels.append(f"{outlet} {seen[outlet]}")
    return labels
