"""What every network shares: Louvain communities, tidy node and edge tables, and files.

:func:`network_communities` adds a ``community`` attribute to every node (Louvain, Blondel
et al. 2008, as networkx has it, with a fixed seed; communities numbered from 1 by size,
then by their first node); :func:`network_write` writes GraphML or GEXF for Gephi and
networkx, byte for byte the same for the same graph.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
import pandas as pd

__all__ = ["NETWORK_SEED", "network_communities", "network_nodes", "network_edges",
           "network_bytes", "network_write", "NETWORK_FORMATS"]

#: The default seed of community detection.
NETWORK_SEED = 1
#: The file formats :func:`network_write` knows, by suffix.
NETWORK_FORMATS = (".graphml", ".gexf")


def network_communities(graph: nx.Graph, *, seed: int = NETWORK_SEED,
                        resolution: float = 1.0) -> nx.Graph:
    """Set the node attribute ``community`` (1, 2, ...: the largest community first, ties by
    the first node in sorted order) from Louvain community detection on the edge weights
    (``weight``); returns ``graph``. A node without edges is a community of its own.

    >>> g = nx.Graph([("a", "b", {"weight": 1}), ("c", "d", {"weight": 1})])
    >>> sorted(network_communities(g).nodes(data="community"))
    [('a', 1), ('b', 1), ('c', 2), ('d', 2)]
    """
    if graph.number_of_nodes() == 0:
        return graph
    found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution,
                                             seed=seed)
    ordered = sorted((sorted(map(str, c)), c) for c in found)
    ordered.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    for number, (_, members) in enumerate(ordered, start=1):
        for node in members:
            graph.nodes[node]["community"] = number
    return graph


def network_nodes(graph: nx.Graph) -> pd.DataFrame:
    """One row per node: ``node`` and every node attribute (``label``, ``size``,
    ``community``, ...), in the graph's node order.

    >>> g = nx.Graph(); g.add_node("a", label="A", community=1)
    >>> network_nodes(g).values.tolist()
    [['a', 'A', 1]]
    """
    return pd.DataFrame([{"node": n, **d} for n, d in graph.nodes(data=True)])


def network_edges(graph: nx.Graph) -> pd.DataFrame:
    """One row per edge: ``source``, ``target`` and every edge attribute (``weight``, ...).

    >>> g = nx.Graph([("a", "b", {"weight": 2.0})])
    >>> network_edges(g).values.tolist()
    [['a', 'b', 2.0]]
    """
    rows = [{"source": a, "target": b, **d} for a, b, d in graph.edges(data=True)]
    return pd.DataFrame(rows, columns=None if rows else ["source", "target", "weight"])


_GEXF_DATE = re.compile(rb' lastmodifieddate="[^"]*"')


def network_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """The bytes of ``graph`` as GraphML (``".graphml"``) or GEXF (``".gexf"``, without the
    date of writing, so the same graph gives the same bytes)."""
    buffer = io.BytesIO()
    if fmt == ".graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    if fmt == ".gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True)
        return _GEXF_DATE.sub(b"", buffer.getvalue())
    raise ValueError(f"a network is written as {' or '.join(NETWORK_FORMATS)}, not {fmt!r}")


def network_write(graph: nx.Graph, path: str | Path) -> Path:
    """Write ``graph`` to ``path``, as GraphML or GEXF by its suffix; returns the path."""
    from analysis.io import write_atomic

    path = Path(path)
    return write_atomic(path, network_bytes(graph, path.suffix.lower()))
