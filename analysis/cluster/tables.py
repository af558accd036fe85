"""Per-row tables of a partitioned dataset, made on the workers: every frame match, the
tone of every sentence.

Where :mod:`analysis.cluster.compute` brings back small sums, these bring back the rows
themselves, for the analyses that go on from them (frame co-occurrence, the tone per
frame, examples): the same table as the in-process function on the whole dataset
(:func:`analysis.cluster.dataset.dataset_load`), the same rows in the same order, the same
values and dtypes. The categories of ``doc_id`` and ``outlet`` are those of the whole
dataset in order of first appearance, as in-process; the rows of every partition travel
to the client, so the table must fit in its memory (the corpus need not).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cluster.compute import _ids, _load, _map
from analysis.cluster.dataset import ClusterError
from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.matcher import frames_match
from analysis.parallel import serial
from analysis.sentiment import sentiment_corpus
from analysis.tokens.corpus_tables import tokens_cache_clear

__all__ = ["cluster_matches", "cluster_sentences", "rows_concat"]


def rows_concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``parts`` one after the other, each categorical column with the union of the parts'
    categories in order of first appearance (``pd.concat`` would make it text), the
    ``attrs`` of the first part.

    >>> a = pd.DataFrame({"doc_id": pd.Categorical(["x", "y"])})
    >>> b = pd.DataFrame({"doc_id": pd.Categorical(["z"])})
    >>> rows_concat([a, b])["doc_id"].cat.categories.tolist()
    ['x', 'y', 'z']
    """
    from pandas.api.types import union_categoricals

    first = parts[0]
    dtypes = {}
    for column in first.columns:
        if isinstance(first[column].dtype, pd.CategoricalDtype):
            union = union_categoricals([p[column] for p in parts], ignore_order=True)
            dtypes[column] = pd.CategoricalDtype(union.categories,
                                                 ordered=first[column].dtype.ordered)
    table = pd.concat([p.astype(dtypes) for p in parts], ignore_index=True)
    table.attrs = dict(first.attrs)
    return table


def _rows(dataset, parts: list) -> pd.DataFrame:
    parts = [p for p in parts if p is not None]
    if not parts:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    return rows_concat(parts)


def _notes(table: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    table.attrs["notes"] = list(dict.fromkeys([*table.attrs.get("notes", []), *notes]))
    return table


# --------------------------------------------------------------------------- frames


def _matches_part(file: str, *, corpus_options: dict, book: FrameDictionary,
                  fold_diacritics: bool | None):
    with serial():
        corpus, notes = _load(file, corpus_options)
        if corpus.empty:
            return None, notes, []
        matches = frames_match(corpus, book, fold_diacritics=fold_diacritics)
        tokens_cache_clear()
        return matches, notes, _ids(corpus)


def cluster_matches(
    dataset: str | Path,
    *,
    client,
    frames: FrameDictionary | str | Path | None = None,
    fold_diacritics: bool | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame:
    """:func:`analysis.dictionaries.frames_match` of a partitioned dataset, on the workers
    of ``client``: the same table as ``frames_match(corpus, frames)`` of the whole dataset
    (its columns: ``doc_id``, ``outlet``, ``sentence_id``, ``frame``, ``pattern``,
    ``matched_text``, ``start``, ``end``). ``attrs["notes"]`` holds the warnings the
    partitions gave."""
    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    parts, notes = _map(client, dataset, _matches_part, corpus_options=corpus_options,
                        book=book, fold_diacritics=fold_diacritics)
    return _notes(_rows(dataset, parts), notes)


# --------------------------------------------------------------------------- tone


def _sentences_part(file: str, *, corpus_options: dict, method: str,
                    exclude: pd.DataFrame | None):
    with serial():
        corpus, notes = _load(file, corpus_options)
        if corpus.empty:
            return None, notes, []
        scores = sentiment_corpus(corpus, method=method, exclude=exclude, progress=False)
        tokens_cache_clear()
        return scores, notes, _ids(corpus)


def cluster_sentences(
    dataset: str | Path,
    *,
    client,
    method: str = "lexicon",
    exclude: pd.DataFrame | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame:
    """:func:`analysis.sentiment.sentiment_corpus` of a partitioned dataset, on the workers
    of ``client``: the same table (one row per sentence, the columns listed there) as
    ``sentiment_corpus(corpus, method=method, exclude=exclude)`` of the whole dataset.
    ``exclude``: frame matches whose words are left out of the tone (those of
    :func:`cluster_matches`, or any table with ``doc_id``, ``start`` and ``end``); it is
    sent once to every worker, each using the matches of its own articles."""
    if exclude is not None:
        spans = exclude[["doc_id", "start", "end"]].astype(
            {"doc_id": str, "start": "int64", "end": "int64"})
        exclude = client.scatter(spans, broadcast=True)
    parts, notes = _map(client, dataset, _sentences_part, corpus_options=corpus_options,
                        method=method, exclude=exclude)
    return _notes(_rows(dataset, parts), notes)
