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

from analysis.cluster.mapping import map_partitions
from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.matcher import frames_match
from analysis.sentiment import sentiment_corpus

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


def _rows(mapped) -> pd.DataFrame:
    """The rows of every partition of ``mapped`` (a :class:`MapResult`), with its notes."""
    table = rows_concat(mapped.results)
    table.attrs["notes"] = list(dict.fromkeys([*table.attrs.get("notes", []),
                                               *mapped.notes]))
    return table


# --------------------------------------------------------------------------- frames


def _matches_part(corpus: pd.DataFrame, *, file: str, book: FrameDictionary,
                  fold_diacritics: bool | None) -> pd.DataFrame:
    return frames_match(corpus, book, fold_diacritics=fold_diacritics)


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
    return _rows(map_partitions(client, dataset, _matches_part,
                                corpus_options=corpus_options, book=book,
                                fold_diacritics=fold_diacritics))


# --------------------------------------------------------------------------- tone


def _sentences_part(corpus: pd.DataFrame, *, file: str, method: str,
                    exclude: pd.DataFrame | None) -> pd.DataFrame:
    return sentiment_corpus(corpus, method=method, exclude=exclude, progress=False)


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
    return _rows(map_partitions(client, dataset, _sentences_part,
                                corpus_options=corpus_options, method=method,
                                exclude=exclude))
