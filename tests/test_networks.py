"""Networks: the ANTMN topic network and co-occurrence networks read back from GraphML and
GEXF with the expected nodes, weights and communities; hand-computed weights; the command."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.cli import main
from analysis.networks import (
    cooccurrence_items,
    network_bytes,
    network_cooccurrence,
    network_edges,
    network_nodes,
    network_topics,
    network_write,
)
from analysis.textplot import textplot_network

# Two pairs of topics that go together: t1 with t2 (articles a, b), t3 with t4 (c, d).
DOC_TOPICS = pd.DataFrame({
    "doc_id": np.repeat(["a", "b", "c", "d"], 4),
    "topic": ["t1", "t2", "t3", "t4"] * 4,
    "share": [0.6, 0.4, 0.0, 0.0,
              0.5, 0.5, 0.0, 0.0,
              0.0, 0.0, 0.7, 0.3,
              0.0, 0.1, 0.4, 0.5],
})


def cosine(x, y):
    return sum(a * b for a, b in zip(x, y, strict=True)) / math.sqrt(sum(a * a for a in x) *
                                                         sum(b * b for b in y))


def test_the_topic_network_reads_back_from_graphml(tmp_path):
    graph = network_topics(DOC_TOPICS, labels={"t1": "oorlog/tank"},
                           sizes={"t1": 0.4, "t2": 0.3, "t3": 0.2, "t4": 0.1})
    path = network_write(graph, tmp_path / "topics.graphml")
    back = nx.read_graphml(path)
    assert sorted(back.nodes) == ["t1", "t2", "t3", "t4"]
    assert back.nodes["t1"]["label"] == "oorlog/tank" and back.nodes["t2"]["label"] == "t2"
    assert back.nodes["t1"]["size"] == 0.4
    t1, t2, t3, t4 = ([0.6, 0.5, 0, 0], [0.4, 0.5, 0, 0.1], [0, 0, 0.7, 0.4],
                      [0, 0, 0.3, 0.5])
    assert back.edges["t1", "t2"]["weight"] == pytest.approx(cosine(t1, t2), abs=1e-12)
    assert back.edges["t3", "t4"]["weight"] == pytest.approx(cosine(t3, t4), abs=1e-12)
    assert back.edges["t2", "t4"]["weight"] == pytest.approx(cosine(t2, t4), abs=1e-12)
    assert not back.has_edge("t1", "t3")  # never in one article: cosine 0, no edge
    communities = {n: back.nodes[n]["community"] for n in back.nodes}
    assert communities == {"t1": 1, "t2": 1, "t3": 2, "t4": 2}


def test_dropped_topics_are_left_out_and_an_unknown_one_is_named():
    graph = network_topics(DOC_TOPICS, drop=["t4"])
    assert sorted(graph.nodes) == ["t1", "t2", "t3"]
    with pytest.raises(ValueError, match="no topic t9 to drop; the topics are t1, t2, t3, t4"):
        network_topics(DOC_TOPICS, drop=["t9"])


ITEMS = pd.DataFrame({
    "doc_id": ["a", "a", "a", "a", "b", "b", "c", "c", "d"],
    "sentence_id": [1, 1, 2, 2, 1, 1, 1, 1, 1],
    "item": ["x", "y", "x", "z", "x", "y", "u", "v", "u"],
})


def test_cooccurrence_weights_by_hand():
    # sentence units: a1 {x,y}, a2 {x,z}, b1 {x,y}, c1 {u,v}, d1 {u}: n = 5
    count = network_cooccurrence(ITEMS, window="sentence", measure="count")
    assert sorted((a, b, d["weight"]) for a, b, d in count.edges(data=True)) == [
        ("u", "v", 1.0), ("x", "y", 2.0), ("x", "z", 1.0)]
    assert dict(count.nodes(data="units")) == {"u": 2, "v": 1, "x": 3, "y": 2, "z": 1}
    pmi = network_cooccurrence(ITEMS, measure="pmi")
    assert pmi.edges["x", "y"]["weight"] == pytest.approx(math.log2(2 * 5 / (3 * 2)))
    assert pmi.edges["u", "v"]["weight"] == pytest.approx(math.log2(1 * 5 / (2 * 1)))
    logdice = network_cooccurrence(ITEMS, measure="logdice")
    assert logdice.edges["x", "z"]["weight"] == pytest.approx(14 + math.log2(2 * 1 / (3 + 1)))
    assert logdice.edges["x", "y"]["weight"] == pytest.approx(14 + math.log2(2 * 2 / (3 + 2)))
    # article units: a {x,y,z}, b {x,y}, c {u,v}, d {u}
    article = network_cooccurrence(ITEMS, window="article")
    assert article.edges["y", "z"]["weight"] == 1.0
    assert article.edges["x", "y"]["count"] == 2


def test_communities_and_top_and_min_count():
    graph = network_cooccurrence(ITEMS)
    communities = dict(graph.nodes(data="community"))
    assert communities == {"u": 2, "v": 2, "x": 1, "y": 1, "z": 1}
    top = network_cooccurrence(ITEMS, top=2)
    assert sorted(top.nodes) == ["u", "x"]  # x in 3 units; u and y in 2, u first
    assert sorted(network_cooccurrence(ITEMS, min_count=2).edges) == [("x", "y")]


def test_gexf_reads_back_and_repeats_byte_for_byte(tmp_path):
    graph = network_cooccurrence(ITEMS)
    first = network_bytes(graph, ".gexf")
    assert first == network_bytes(network_cooccurrence(ITEMS), ".gexf")
    assert b"lastmodifieddate" not in first
    path = network_write(graph, tmp_path / "words.gexf")
    back = nx.read_gexf(path)
    assert sorted(back.nodes) == ["u", "v", "x", "y", "z"]
    assert back.edges["x", "y"]["weight"] == 2.0


def test_tidy_node_and_edge_tables():
    graph = network_cooccurrence(ITEMS)
    nodes = network_nodes(graph)
    assert list(nodes.columns) == ["node", "label", "units", "community"]
    edges = network_edges(graph)
    assert list(edges.columns) == ["source", "target", "weight", "count"]
    assert len(edges) == 3


def test_words_of_a_corpus_leave_out_stopwords():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                           "text": ["De tanks en de troepen. De troepen van Poetin."]})
    items = cooccurrence_items(corpus)
    assert items["item"].tolist() == ["tanks", "troepen", "troepen", "poetin"]
    lemmas = cooccurrence_items(corpus, unit="lemma")
    assert lemmas["item"].tolist()[:2] == ["tank", "troep"]


def test_actors_and_frames_are_items():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                           "text": ["Poetin en Biden spreken over sancties en escalatie."]})
    actors = cooccurrence_items(corpus, "actors")
    assert actors["item"].tolist() == ["poetin", "biden"]
    frames = cooccurrence_items(corpus, "frames")
    assert sorted(frames["item"]) == ["escalatie", "sancties"]
    assert frames.attrs["labels"]["koude_oorlog"] == "Koude Oorlog"


def test_the_plot_is_a_figure_with_a_fixed_layout():
    graph = network_topics(DOC_TOPICS, sizes={"t1": 0.4, "t2": 0.3, "t3": 0.2, "t4": 0.1})
    first, second = (textplot_network(graph, kind="topics", lang=lang) for lang in ("en", "en"))
    assert isinstance(first, Figure)
    offsets = [np.concatenate([c.get_offsets() for c in f.axes[0].collections])
               for f in (first, second)]
    np.testing.assert_array_equal(offsets[0], offsets[1])
    labels = sorted(t.get_text() for t in first.axes[0].texts)
    assert labels == ["t1", "t2", "t3", "t4"]
    assert min(t.get_fontsize() for t in first.axes[0].texts) >= 6
    dutch = textplot_network(graph, kind="topics", lang="nl")
    assert dutch._suptitle.get_text().startswith("Topicnetwerk")


# ----------------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    rows = [{"doc_id": f"d{i}", "outlet": "NOS", "date": "2022-01-10",
             "text": "Tanks rukken op. Troepen en tanks bij de grens. Sancties dreigen."}
            for i in range(3)]
    path = tmp_path_factory.mktemp("network") / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_network_command_writes_graphml(corpus_file, tmp_path, capsys):
    out = tmp_path / "words.graphml"
    assert main(["network", str(corpus_file), "--of", "words", "--top", "10", "-o",
                 str(out)]) == 0
    back = nx.read_graphml(out)
    # "op" and "de" are stopwords
    assert sorted(back.nodes) == ["dreigen", "grens", "rukken", "sancties", "tanks", "troepen"]
    assert back.edges["tanks", "troepen"]["weight"] == 3.0  # once per article, 3 articles
    assert all("community" in d for _, d in back.nodes(data=True))
    assert "Wrote 6 nodes" in capsys.readouterr().err


def test_network_command_refuses_another_suffix(corpus_file, tmp_path, capsys):
    code = main(["network", str(corpus_file), "-o", str(tmp_path / "words.csv")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "name a .graphml or .gexf file" in err[0]


def test_items_of_chosen_sentences_only():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                           "text": ["Tanks rukken op. Sancties dreigen. Tanks keren terug."]})
    chosen = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [1, 3]})
    items = cooccurrence_items(corpus, sentences=chosen)
    assert items["item"].tolist() == ["tanks", "rukken", "tanks", "keren", "terug"]
