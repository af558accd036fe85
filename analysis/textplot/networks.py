"""Plots of topics and networks: a network with its communities, topic prevalence per
group with intervals, and the choice of K (coherence against exclusivity)."""

from __future__ import annotations

import textwrap
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.output.captions import caption_set
from analysis.output.figures import figure_new
from analysis.output.messages import Lang, group_word, lang_check, msg, number
from analysis.tables import require_columns
from analysis.textplot._labels import axis_numbers, groups_named
from analysis.textplot.palettes import MARK_COLOR, category_style

__all__ = ["network_layout", "textplot_network", "textplot_topic_prevalence",
           "textplot_topics_selection"]

NetworkKind = Literal["topics", "words", "actors", "frames"]
#: Nodes labelled at most (the largest ones); the others are drawn without a label.
MAX_LABELS = 30
_EDGE_COLOR = "#9a9a9a"


def network_layout(graph: nx.Graph, seed: int = 1) -> dict:
    """Node -> (x, y): each connected component laid out on its own (Fruchterman-Reingold,
    weights scaled to at most 1, ``seed``), scaled by the square root of its size, the
    largest on the left and the smaller ones packed in a grid to its right, so that a few
    unconnected nodes do not squeeze the rest into a corner.

    >>> g = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]); g.add_node("f")
    >>> pos = network_layout(g)
    >>> sorted(pos) == list("abcdef"), bool(pos["c"][0] < pos["a"][0])
    (True, True)
    """
    top = max((d.get("weight", 1.0) for _, _, d in graph.edges(data=True)), default=1.0)
    scaled = nx.Graph()
    scaled.add_nodes_from(graph.nodes)
    scaled.add_edges_from((a, b, {"w": d.get("weight", 1.0) / (top or 1.0)})
                          for a, b, d in graph.edges(data=True))
    components = sorted((sorted(c, key=str) for c in nx.connected_components(scaled)),
                        key=lambda c: (-len(c), str(c[0])))
    largest = len(components[0])
    pos: dict = {}
    rest = components[1:]
    columns = max(1, int(np.ceil(np.sqrt(len(rest))))) if rest else 1
    cell = 2.2 * max((np.sqrt(len(c) / largest) for c in rest), default=0.0)
    for place, component in enumerate(components):
        sub = scaled.subgraph(component)
        radius = np.sqrt(len(component) / largest)
        if len(component) == 1:
            local = {component[0]: np.zeros(2)}
        else:
            local = nx.spring_layout(sub, weight="w", seed=seed, iterations=200)
        if place == 0:
            center = np.zeros(2)
        else:
            row, col = divmod(place - 1, columns)
            center = np.array([1.4 + cell * (col + 0.5), 1.0 - cell * (row + 0.5)])
        for node, xy in local.items():
            pos[node] = center + radius * np.asarray(xy, dtype=float)
    return pos


def textplot_network(
    graph: nx.Graph,
    *,
    kind: NetworkKind = "words",
    lang: Lang = "nl",
    size: str | None = None,
    max_labels: int = MAX_LABELS,
    seed: int = 1,
) -> Figure:
    """A network drawn with its communities: nodes coloured by ``community``, sized by the
    node attribute ``size`` (default: ``"size"`` for topics, ``"units"`` otherwise), edges
    as wide and dark as their ``weight``; the ``max_labels`` largest nodes labelled.

    The layout (:func:`network_layout`) is force-directed with a fixed ``seed`` on the
    sorted nodes, so the same network gives the same figure.

    >>> g = nx.Graph([("a", "b", {"weight": 2.0}), ("b", "c", {"weight": 1.0})])
    >>> for n in g: g.nodes[n].update(units=1, community=1, label=n)
    >>> fig = textplot_network(g)
    >>> len(fig.axes[0].texts)
    3
    """
    lang_check(lang)
    size = size or ("size" if kind == "topics" else "units")
    fig, ax = figure_new("wide")
    ax.set_axis_off()
    title = msg(f"network.title_{kind}", lang)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10)
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, msg("network.empty", lang), ha="center", va="center",
                transform=ax.transAxes)
        return fig
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda nd: str(nd[0])))
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    pos = network_layout(ordered, seed)
    nodes = list(ordered.nodes)
    values = np.array([float(ordered.nodes[n].get(size, 1.0) or 0.0) for n in nodes])
    scaled = values / values.max() if values.max() > 0 else np.ones(len(nodes))
    areas = (40 + 560 * scaled) * min(1.0, 12 / len(nodes)) ** 0.5
    weights = np.array([d.get("weight", 1.0) for _, _, d in ordered.edges(data=True)])
    if len(weights):
        top = weights.max() if weights.max() > 0 else 1.0
        for (a, b, d) in ordered.edges(data=True):
            w = d.get("weight", 1.0) / top
            ax.plot([pos[a][0], pos[b][0]], [pos[a][1], pos[b][1]], color=_EDGE_COLOR,
                    linewidth=0.3 + 2.2 * w, alpha=0.25 + 0.6 * w, zorder=1)
    communities = sorted({int(ordered.nodes[n].get("community", 1)) for n in nodes})
    for c in communities:
        members = [i for i, n in enumerate(nodes) if int(ordered.nodes[n].get("community", 1))
                   == c]
        color, _ = category_style(c - 1)
        ax.scatter([pos[nodes[i]][0] for i in members], [pos[nodes[i]][1] for i in members],
                   s=areas[members], color=color, edgecolor=MARK_COLOR, linewidth=0.4,
                   zorder=2, label=msg("network.community", lang, n=c))
    labelled = np.lexsort((np.array([str(n) for n in nodes]), -values))[:max_labels]
    for i in sorted(labelled.tolist()):
        node = nodes[i]
        label = textwrap.shorten(str(ordered.nodes[node].get("label", node)), 28,
                                 placeholder="…")
        ax.annotate(label, pos[node], xytext=(0, 5 + 6 * np.sqrt(scaled[i])),
                    textcoords="offset points", ha="center", va="bottom", fontsize=6.5,
                    zorder=3, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                    "edgecolor": "none", "alpha": 0.7})
    ax.margins(0.08)
    if len(communities) > 1:
        ax.legend(loc="lower left", fontsize=7, frameon=False, markerscale=0.4,
                  ncols=min(len(communities), 6), bbox_to_anchor=(0, -0.08))
    caption_set(fig, msg(f"caption.network_{kind}", lang, title=title,
                         nodes=number(len(nodes), lang),
                         edges=number(ordered.number_of_edges(), lang),
                         communities=number(len(communities), lang)))
    return fig


def textplot_topic_prevalence(
    prevalence: pd.DataFrame,
    *,
    by: str = "outlet",
    labels: dict[str, str] | None = None,
    lang: Lang = "nl",
) -> Figure:
    """Topic prevalence per group (outlet, or ``by="period"``): one row per topic, one dot
    per group with its interval; from :func:`analysis.topics.topics_prevalence`.

    >>> t = pd.DataFrame({"outlet": ["NOS", "NOS"], "topic": ["t1", "t2"],
    ...                   "prevalence": [0.6, 0.4], "ci_low": [0.5, 0.3], "ci_high": [0.7, 0.5]})
    >>> fig = textplot_topic_prevalence(t)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['t1', 't2']
    """
    lang_check(lang)
    require_columns(prevalence, [by, "topic", "prevalence", "ci_low", "ci_high"],
                    what="the table", hint="pass the table of analysis.topics."
                    "topics_prevalence with the same by=")
    table = groups_named(prevalence, by, lang) if by != "period" else prevalence
    topics = list(dict.fromkeys(table["topic"].astype(str)))
    groups = list(dict.fromkeys(table[by].astype(str)))
    fig, ax = figure_new("wide" if len(topics) <= 12 else "tall")
    y = np.arange(len(topics))
    step = 0.7 / max(len(groups), 1)
    for g, group in enumerate(groups):
        part = table[table[by].astype(str) == group].set_index("topic").reindex(topics)
        offset = (g - (len(groups) - 1) / 2) * step
        color, _ = category_style(g)
        mid = part["prevalence"].to_numpy(float)
        low = mid - part["ci_low"].to_numpy(float)
        high = part["ci_high"].to_numpy(float) - mid
        err = np.nan_to_num(np.vstack([low, high]), nan=0.0)
        ax.errorbar(mid, y + offset, xerr=np.maximum(err, 0), fmt="o", color=color,
                    markersize=3.5, elinewidth=0.9, capsize=1.5, label=group)
    names = [textwrap.shorten((labels or {}).get(t, t), 40, placeholder="…") for t in topics]
    ax.set_yticks(y, names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(axis_numbers(lang))
    ax.set_xlabel(msg("topics.prevalence_axis", lang))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", linewidth=0.3, color="#dddddd")
    word = group_word(by, lang)
    title = msg("topics.prevalence_title", lang, group=word)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10)
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", frameon=False,
               ncols=min(len(groups), 5), fontsize=7, title=word, title_fontsize=7)
    caption_set(fig, msg("caption.topic_prevalence", lang, title=title))
    return fig


def textplot_topics_selection(table: pd.DataFrame, *, lang: Lang = "nl") -> Figure:
    """The choice of K: mean coherence (NPMI) against mean exclusivity of the topics of
    each model, one labelled point per K; from :func:`analysis.topics.topics_select`.

    >>> t = pd.DataFrame({"k": [2, 3], "coherence": [0.1, 0.2], "exclusivity": [0.8, 0.7]})
    >>> [t.get_text() for t in textplot_topics_selection(t).axes[0].texts]
    ['K = 2', 'K = 3']
    """
    lang_check(lang)
    require_columns(table, ["k", "coherence", "exclusivity"], what="the table",
                    hint="pass the table of analysis.topics.topics_select")
    fig, ax = figure_new("single")
    ax.plot(table["exclusivity"], table["coherence"], color=_EDGE_COLOR, linewidth=0.8,
            zorder=1)
    ax.scatter(table["exclusivity"], table["coherence"], color=category_style(0)[0],
               edgecolor=MARK_COLOR, linewidth=0.4, zorder=2, s=24)
    for k, x, y in table[["k", "exclusivity", "coherence"]].itertuples(index=False):
        ax.annotate(msg("topics.k_label", lang, k=int(k)), (x, y), xytext=(4, 3),
                    textcoords="offset points", fontsize=7)
    ax.set_xlabel(msg("topics.exclusivity_axis", lang), fontsize=8)
    ax.set_ylabel(msg("topics.coherence_axis", lang), fontsize=8)
    ax.xaxis.set_major_formatter(axis_numbers(lang))
    ax.yaxis.set_major_formatter(axis_numbers(lang))
    ax.tick_params(labelsize=7)
    ax.margins(0.15)
    ax.spines[["top", "right"]].set_visible(False)
    title = msg("topics.selection_title", lang)
    fig.suptitle(title, x=0.01, ha="left", fontsize=9)
    caption_set(fig, msg("caption.topics_selection", lang, title=title))
    return fig
