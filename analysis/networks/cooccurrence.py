"""Co-occurrence networks of words, actors or frames, for Gephi or networkx.

Two items co-occur when they are in the same unit: a sentence or an article
(``window``). :func:`network_cooccurrence` keeps the ``top`` items found in the most units
and links each pair found together, weighted by one of :data:`MEASURES`:

- ``count``: the units with both,
- ``pmi``: pointwise mutual information, ``log2(n_ab * n / (n_a * n_b))``, only pairs that
  occur together more often than chance (PMI above 0),
- ``logdice``: ``14 + log2(2 * n_ab / (n_a + n_b))`` (Rychlý 2008), at most 14, independent
  of the corpus size.

Nodes carry ``label``, ``units`` (the units they occur in) and ``community`` (Louvain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from analysis.networks.graph import NETWORK_SEED, network_communities

__all__ = ["Of", "Window", "Measure", "MEASURES", "network_cooccurrence", "cooccurrence_items"]

Of = Literal["words", "actors", "frames"]
Window = Literal["sentence", "article"]
Measure = Literal["count", "pmi", "logdice"]
MEASURES: tuple[str, ...] = get_args(Measure)


def cooccurrence_items(corpus: pd.DataFrame, of: Of = "words", *, unit: str = "word",
                       frames=None, actors=None, stopwords=None,
                       sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The items of ``corpus`` a co-occurrence network is built from, one row per
    occurrence: ``doc_id``, ``sentence_id``, ``item``, and ``attrs["labels"]`` (item ->
    label). ``words``: the words (lower-cased, or their lemmas with ``unit="lemma"``)
    without stopwords and numbers; ``actors``: the actors of an actor dictionary
    (``actors``: a file, or None for the shipped one); ``frames``: the frames of a frame
    dictionary (``frames``). ``sentences`` (a table with ``doc_id`` and ``sentence_id``,
    such as the matches of one frame) keeps the items of those sentences only.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Poetin dreigt. De NAVO antwoordt."]})
    >>> cooccurrence_items(c)[["sentence_id", "item"]].values.tolist()
    [[1, 'poetin'], [1, 'dreigt'], [2, 'navo'], [2, 'antwoordt']]
    """
    if of == "words":
        from analysis.tokens import stopwords_load
        from analysis.topics.vocabulary import terms_keep, terms_unit, word_tokens

        stop = stopwords_load(stopwords) if isinstance(stopwords, str | Path) or stopwords is None \
            else frozenset(stopwords)
        words = word_tokens(corpus)
        terms = terms_unit(words.types, unit)
        keep_type = terms_keep(words.types, terms, stop)
        keep = keep_type[words.type_code]
        ids = np.asarray(words.doc_ids, dtype=object)
        table = pd.DataFrame({"doc_id": ids[words.doc_code[keep]],
                              "sentence_id": words.sentence_id[keep],
                              "item": np.asarray(terms, dtype=object)[words.type_code[keep]]})
        table.attrs["labels"] = {}
        return _within(table, sentences)
    if of == "actors":
        from analysis.dictionaries.actors import actors_match

        found = actors_match(corpus, actors)
        column, labels = "actor", found.attrs.get("actor_labels", {})
    elif of == "frames":
        from analysis.dictionaries import frames_match

        found = frames_match(corpus, frames)
        column, labels = "frame", found.attrs.get("frame_labels", {})
    else:
        raise ValueError(f"a network is of words, actors or frames, not {of!r}")
    table = pd.DataFrame({"doc_id": found["doc_id"].astype(str).to_numpy(),
                          "sentence_id": found["sentence_id"].to_numpy(),
                          "item": found[column].astype(str).to_numpy()})
    table.attrs["labels"] = dict(labels)
    return _within(table, sentences)


def _within(table: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    if sentences is None:
        return table
    keys = pd.MultiIndex.from_arrays([sentences["doc_id"].astype(str),
                                      sentences["sentence_id"].astype(np.int64)])
    mine = pd.MultiIndex.from_arrays([table["doc_id"], table["sentence_id"].astype(np.int64)])
    kept = table[mine.isin(keys)].reset_index(drop=True)
    kept.attrs = dict(table.attrs)
    return kept


def network_cooccurrence(
    items: pd.DataFrame,
    *,
    window: Window = "sentence",
    top: int = 50,
    measure: Measure = "count",
    min_count: int = 1,
    seed: int = NETWORK_SEED,
) -> nx.Graph:
    """The co-occurrence network of ``items`` (:func:`cooccurrence_items`).

    The ``top`` items found in the most units (ties alphabetically) are the nodes, sorted;
    an edge joins two of them found together in at least ``min_count`` units (a sentence
    or an article, ``window``), with ``weight`` by ``measure`` (see the module) and
    ``count`` (the units with both). Raises ``ValueError`` for an unknown window or
    measure, and when there are no items.

    >>> items = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "b"], "sentence_id": [1, 1, 1, 1, 1],
    ...                       "item": ["x", "y", "z", "x", "y"]})
    >>> g = network_cooccurrence(items, window="article")
    >>> sorted((a, b, d["weight"]) for a, b, d in g.edges(data=True))
    [('x', 'y', 2.0), ('x', 'z', 1.0), ('y', 'z', 1.0)]
    >>> round(network_cooccurrence(items, measure="logdice").edges["x", "y"]["weight"], 4)
    14.0
    """
    if window not in get_args(Window):
        raise ValueError(f"the window is a sentence or an article, not {window!r}")
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: use {', '.join(MEASURES)}")
    if not len(items):
        raise ValueError("nothing to link: no item was found in the corpus")
    keys = ["doc_id", "sentence_id"] if window == "sentence" else ["doc_id"]
    pairs = items[[*keys, "item"]].drop_duplicates()
    unit_codes = pairs.groupby(keys, sort=False, observed=True).ngroup().to_numpy()
    n_units = int(unit_codes.max()) + 1
    counts = pairs["item"].value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    nodes = sorted(k for k, _ in ranked)
    index = {k: i for i, k in enumerate(nodes)}
    chosen = pairs["item"].map(index)
    mask = chosen.notna().to_numpy()
    cols = chosen[mask].astype(np.int64).to_numpy()
    rows = unit_codes[mask]
    incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                  shape=(n_units, len(nodes)))
    together = (incidence.T @ incidence).toarray()
    n_item = np.diag(together).astype(np.float64)
    labels = items.attrs.get("labels", {})
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node, label=str(labels.get(node, node)), units=int(n_item[index[node]]))
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            n_ab = float(together[i, j])
            if n_ab < max(min_count, 1):
                continue
            if measure == "count":
                weight = n_ab
            elif measure == "pmi":
                weight = float(np.log2(n_ab * n_units / (n_item[i] * n_item[j])))
            else:
                weight = float(14 + np.log2(2 * n_ab / (n_item[i] + n_item[j])))
            if weight > 0:
                graph.add_edge(nodes[i], nodes[j], weight=weight, count=int(n_ab))
    return network_communities(graph, seed=seed)
