"""CorpusOptions: the one list of loading options that corpus_load, corpus_check, the
command line, the notebooks and the cluster partitions share."""

from __future__ import annotations

import argparse
import inspect

import pytest

from analysis.cli.cluster import cluster_corpus_options
from analysis.cli.common import add_corpus_arguments, corpus_options
from analysis.cluster.dataset import PARTITION_OPTIONS
from analysis.corpus import CorpusOptions, corpus_check, corpus_load
from analysis.notebooks.parameters import corpus_option_names

NAMES = ["text_column", "id_column", "outlet_column", "date_column", "title_column",
         "encoding", "include_hidden", "skip_invalid", "dedupe", "near"]


def _keyword_only(func) -> list[str]:
    return [name for name, p in inspect.signature(func).parameters.items()
            if p.kind is inspect.Parameter.KEYWORD_ONLY]


def test_every_loader_takes_the_options_of_one_list():
    assert CorpusOptions.names() == NAMES
    assert _keyword_only(corpus_load) == NAMES
    assert _keyword_only(corpus_check) == [n for n in NAMES if n != "skip_invalid"]
    assert corpus_option_names() == NAMES
    assert PARTITION_OPTIONS == tuple(NAMES[:8])


def test_an_option_a_loader_does_not_take_is_a_type_error():
    with pytest.raises(TypeError, match="corpus_load\\(\\) got an unexpected keyword "
                                        "argument 'text_colum'"):
        corpus_load("corpus", text_colum="body")
    with pytest.raises(TypeError, match="corpus_check\\(\\) got an unexpected keyword "
                                        "argument 'skip_invalid'"):
        corpus_check("corpus", skip_invalid=True)


@pytest.mark.parametrize("options, message", [
    ({"dedupe": "all"}, "dedupe must be one of none, outlet, corpus, not 'all'"),
    ({"near": 0}, "near must be above 0 and at most 1 (a Jaccard similarity), not 0"),
])
def test_an_option_out_of_range_is_a_value_error(options, message):
    with pytest.raises(ValueError, match=message.replace("(", "\\(").replace(")", "\\)")):
        CorpusOptions(**options)
    with pytest.raises(ValueError, match=message.replace("(", "\\(").replace(")", "\\)")):
        corpus_check("corpus", **options)


def test_the_command_line_gives_the_options_to_every_path():
    parser = argparse.ArgumentParser()
    add_corpus_arguments(parser)
    args = parser.parse_args(["c.csv", "--text-column", "body", "--skip-invalid",
                              "--include-hidden", "--dedupe", "outlet", "--near", "0.8"])
    options = corpus_options(args)
    assert options == CorpusOptions(text_column="body", skip_invalid=True, dedupe="outlet",
                                    near=0.8, include_hidden=True)
    assert options.changed() == {"text_column": "body", "include_hidden": True,
                                 "skip_invalid": True, "dedupe": "outlet", "near": 0.8}
    assert cluster_corpus_options(args) == {
        "text_column": "body", "id_column": None, "outlet_column": None, "date_column": None,
        "title_column": None, "encoding": None, "include_hidden": True, "skip_invalid": True}
    assert options.keywords(without=("skip_invalid",)) == {
        "text_column": "body", "id_column": None, "outlet_column": None, "date_column": None,
        "title_column": None, "encoding": None, "include_hidden": True, "dedupe": "outlet",
        "near": 0.8}


def test_columns_name_each_core_field_and_which_were_given():
    columns, named = CorpusOptions(id_column="id", text_column="body").columns()
    assert columns == {"text": "body", "doc_id": "id", "outlet": "outlet", "date": "date",
                       "title": "title"}
    assert named == {"text", "doc_id"}
