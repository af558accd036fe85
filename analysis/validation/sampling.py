"""A reproducible stratified random sample of articles or sentences to code by hand.

Each group (an outlet, a country, ...) gets a share of the ``n`` units proportional to its
number of units, rounded by the largest-remainder method so that the shares add up to
exactly ``n`` (Hamilton's method: every group gets the whole part of its quota, the units
left go to the largest fractions, ties to the group first in name order); ``per_group``
draws ``n`` from every group instead. Within a group the units are drawn without
replacement by ``numpy.random.default_rng(seed)``: the same corpus and seed give the same
sample. A unit whose text repeats an earlier one (the same words, see
:func:`analysis.corpus.dedupe.text_fingerprint`) is left out before drawing and counted in
``attrs["duplicates"]``.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.corpus.dedupe import text_fingerprint
from analysis.periods.bootstrap import BOOTSTRAP_SEED

__all__ = ["Unit", "SAMPLE_COLUMNS", "sample_units", "sample_quota", "sample_draw"]

Unit = Literal["article", "sentence"]

#: The columns every sample has, before its group and the variables to code.
SAMPLE_COLUMNS = ["unit_id", "doc_id", "sentence_id", "date", "title", "text"]


def sample_units(corpus: pd.DataFrame, *, unit: Unit = "article") -> pd.DataFrame:
    """The units a sample is drawn from: one row per article, or per sentence
    (:func:`analysis.tokens.tokens_sentences`), with ``unit_id`` (the doc_id, or
    ``doc_id#sentence_id``), ``doc_id``, ``sentence_id`` (0 for an article), ``date``,
    ``title``, ``text`` (the sentence's, for a sentence) and the corpus's other columns.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Eén. Twee."]})
    >>> sample_units(c, unit="sentence")[["unit_id", "text"]].values.tolist()
    [['a#1', 'Eén.'], ['a#2', 'Twee.']]
    """
    if unit not in ("article", "sentence"):
        raise ValueError(f"unit must be article or sentence, not {unit!r}")
    corpus = corpus.copy()
    corpus["doc_id"] = corpus["doc_id"].astype(str)
    for column in ("date", "title"):
        if column not in corpus.columns:
            corpus[column] = ""
    if unit == "article":
        units = corpus.assign(unit_id=corpus["doc_id"], sentence_id=0)
    else:
        from analysis.tokens import tokens_sentences

        sentences = tokens_sentences(corpus)
        meta = corpus.drop(columns=["text"])
        units = sentences[["doc_id", "sentence_id", "sentence"]].rename(
            columns={"sentence": "text"})
        units = units.assign(doc_id=units["doc_id"].astype(str))
        units = units.merge(meta, on="doc_id", how="left")
        units["unit_id"] = units["doc_id"] + "#" + units["sentence_id"].astype(str)
    rest = [c for c in units.columns if c not in SAMPLE_COLUMNS]
    return units[SAMPLE_COLUMNS + rest].reset_index(drop=True)


def sample_quota(sizes: pd.Series, n: int, *, per_group: bool = False) -> pd.Series:
    """How many units to draw from each group: ``sizes`` is the number of units per group
    (indexed by group). Proportional, by the largest remainder, summing to ``n``; or ``n``
    from each group with ``per_group``. Raises ``ValueError`` when a group (or the whole)
    has fewer units than asked.

    >>> sample_quota(pd.Series({"AD": 50, "NOS": 30, "NRC": 20}), 7).to_dict()
    {'AD': 4, 'NOS': 2, 'NRC': 1}
    >>> sample_quota(pd.Series({"a": 1, "b": 1, "c": 1}), 2).to_dict()
    {'a': 1, 'b': 1, 'c': 0}
    """
    sizes = sizes.sort_index()
    if per_group:
        short = sizes[sizes < n]
        if len(short):
            raise ValueError(f"group {short.index[0]!r} has {int(short.iloc[0])} unit(s), "
                             f"fewer than the {n} asked per group; lower n")
        return pd.Series(n, index=sizes.index)
    total = int(sizes.sum())
    if n > total:
        raise ValueError(f"the corpus has {total} unit(s) to draw from, fewer than the {n} "
                         "asked; lower n")
    quota = sizes.to_numpy(dtype=float) * n / total
    whole = np.floor(quota).astype(int)
    left = n - int(whole.sum())
    remainder = quota - whole
    # largest remainder first; ties to the group first in name order (stable sort)
    order = np.argsort(-remainder, kind="stable")
    whole[order[:left]] += 1
    return pd.Series(whole, index=sizes.index)


def sample_draw(corpus: pd.DataFrame, n: int, *, by: str | None = None,
                per_group: bool = False, unit: Unit = "article",
                seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """A stratified random sample of ``n`` units (see the module), in a random order (the
    order to code them in).

    Returns the columns of :func:`sample_units` plus ``group`` (the value of ``by``, or
    ``all``). ``attrs["duplicates"]`` lists the unit ids left out as repeated texts,
    ``attrs["quota"]`` the number drawn per group.

    >>> c = pd.DataFrame({"doc_id": list("abcdef"), "outlet": list("XXXXYY"),
    ...                   "text": ["een", "twee", "drie", "vier", "vijf", "zes"]})
    >>> s = sample_draw(c, 3, by="outlet", seed=1)
    >>> s["group"].value_counts().sort_index().to_dict()
    {'X': 2, 'Y': 1}
    """
    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n}")
    units = sample_units(corpus, unit=unit)
    if by is not None and by not in units.columns:
        raise ValueError(f"the corpus has no column {by!r} to stratify by")
    prints = units["text"].astype(str).map(text_fingerprint)
    repeated = prints.duplicated()
    duplicates = units.loc[repeated, "unit_id"].tolist()
    units = units[~repeated].reset_index(drop=True)
    groups = units[by].astype(str) if by is not None else pd.Series("all", index=units.index)
    units = units.assign(group=groups.to_numpy())
    quota = sample_quota(units.groupby("group").size(), n, per_group=per_group)
    rng = np.random.default_rng(seed)
    picked = []
    for group, k in quota.items():
        rows = np.flatnonzero(units["group"].to_numpy() == group)
        picked.extend(rng.choice(rows, size=int(k), replace=False).tolist())
    picked = np.array(picked, dtype=np.int64)[rng.permutation(len(picked))]
    sample = units.iloc[picked].reset_index(drop=True)
    sample.attrs["duplicates"] = duplicates
    sample.attrs["quota"] = {str(k): int(v) for k, v in quota.items()}
    return sample
