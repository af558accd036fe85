"""The topic network of the Analysis of Topic Model Networks (ANTMN; Walter & Ophir 2019).

Topics that appear in the same articles are linked: the weight of an edge is the cosine
similarity of the two topics' shares across the articles. Louvain communities of that
network group topics into frames: packages of topics that articles tell together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from analysis.networks.graph import NETWORK_SEED, network_communities

__all__ = ["network_topics"]


def network_topics(
    doc_topics: pd.DataFrame,
    *,
    sizes: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
    drop: Iterable[str] = (),
    min_weight: float = 0.0,
    seed: int = NETWORK_SEED,
) -> nx.Graph:
    """The ANTMN network of the topics in ``doc_topics`` (columns ``doc_id``, ``topic``,
    ``share``, as :func:`analysis.topics.topics_docs` gives).

    Nodes are the topics (minus those in ``drop``, the ones judged to be noise), in order
    of first appearance, with the attributes ``label`` (``labels``, else the topic) and
    ``size`` (``sizes``: e.g. the token-weighted prevalence; else the mean share).
    Edges join every pair whose cosine similarity of shares over the articles is above
    ``min_weight``, with that similarity as ``weight``. Nodes get a ``community``
    (:func:`analysis.networks.graph.network_communities`, ``seed``). Raises ``ValueError``
    naming a topic in ``drop`` that the table does not have.

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "topic": ["x", "y"] * 2,
    ...                   "share": [1.0, 0.0, 0.6, 0.8]})
    >>> g = network_topics(t)
    >>> round(g.edges["x", "y"]["weight"], 6), dict(g.nodes(data="community"))
    (0.514496, {'x': 1, 'y': 1})
    """
    topics = list(dict.fromkeys(doc_topics["topic"].astype(str)))
    drop = [str(d) for d in drop]
    unknown = [d for d in drop if d not in topics]
    if unknown:
        raise ValueError(f"no topic {', '.join(unknown)} to drop; the topics are "
                         f"{', '.join(topics)}")
    kept = [t for t in topics if t not in drop]
    wide = doc_topics.pivot_table(index="doc_id", columns="topic", values="share",
                                  aggfunc="sum", sort=False).reindex(columns=kept).fillna(0.0)
    matrix = wide.to_numpy(np.float64)
    norms = np.linalg.norm(matrix, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = np.where(norms > 0, matrix / norms, 0.0)
    cosine = unit.T @ unit
    graph = nx.Graph()
    mean = matrix.mean(axis=0) if len(matrix) else np.zeros(len(kept))
    for i, topic in enumerate(kept):
        size = float(sizes[topic]) if sizes is not None else float(mean[i])
        graph.add_node(topic, label=str((labels or {}).get(topic, topic)), size=size)
    for i in range(len(kept)):
        for j in range(i + 1, len(kept)):
            weight = float(cosine[i, j])
            if weight > min_weight:
                graph.add_edge(kept[i], kept[j], weight=weight)
    return network_communities(graph, seed=seed)
