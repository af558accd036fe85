"""Networks: the topic network of ANTMN, and co-occurrence networks of words, actors and
frames, with Louvain communities, as GraphML or GEXF for Gephi and networkx.

- :func:`network_topics`: topics linked by the cosine similarity of their article shares
  (Walter & Ophir 2019),
- :func:`cooccurrence_items` and :func:`network_cooccurrence`: items found together in a
  sentence or an article, weighted by count, PMI or logDice,
- :func:`network_communities`, :func:`network_nodes`, :func:`network_edges`,
  :func:`network_write`: communities, tidy tables and files.
"""

from analysis.networks.cooccurrence import (
    MEASURES,
    Measure,
    Of,
    Window,
    cooccurrence_items,
    network_cooccurrence,
)
from analysis.networks.graph import (
    NETWORK_FORMATS,
    NETWORK_SEED,
    network_bytes,
    network_communities,
    network_edges,
    network_nodes,
    network_write,
)
from analysis.networks.topics import network_topics

__all__ = ["MEASURES", "Measure", "Of", "Window", "NETWORK_FORMATS", "NETWORK_SEED",
           "cooccurrence_items", "network_cooccurrence", "network_topics",
           "network_communities", "network_nodes", "network_edges", "network_bytes",
           "network_write"]
