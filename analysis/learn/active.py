"""Active learning: the texts a classifier is least sure of, to code next."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.learn.classifier import Classifier, learn_prob_columns

__all__ = ["learn_uncertain", "learn_uncertainty", "learn_sample_uncertain"]


def learn_uncertainty(proba: np.ndarray, *,
                      measure: Literal["margin", "entropy", "least_confident"] = "margin"
                      ) -> np.ndarray:
    """How unsure a classifier is of each text, from its class probabilities (n, k); higher
    is less sure: ``margin``, 1 minus the gap between the two most probable labels;
    ``entropy`` (natural log); ``least_confident``, 1 minus the highest probability.

    >>> learn_uncertainty(np.array([[0.5, 0.5], [0.9, 0.1]])).round(2).tolist()
    [1.0, 0.2]
    """
    proba = np.asarray(proba, dtype=float)
    if measure == "margin":
        top = np.sort(proba, axis=1)
        return 1.0 - (top[:, -1] - top[:, -2])
    if measure == "entropy":
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.nansum(np.where(proba > 0, proba * np.log(proba), 0.0), axis=1)
    if measure == "least_confident":
        return 1.0 - proba.max(axis=1)
    raise ValueError(f"unknown measure {measure!r}; choose margin, entropy or least_confident")


def learn_uncertain(classifier: Classifier, texts: Sequence[str], *, n: int = 20,
                    measure: Literal["margin", "entropy", "least_confident"] = "margin"
                    ) -> pd.DataFrame:
    """The ``n`` texts ``classifier`` is least sure of (see :func:`learn_uncertainty`),
    least sure first (ties in input order).

    Returns the columns ``row`` (the text's position in ``texts``, from 0),
    ``uncertainty``, ``label`` (the most probable) and ``prob_<label>`` per label.

    >>> from analysis.learn import learn_fit
    >>> c = learn_fit(["goed", "slecht", "goed nieuws", "slecht nieuws"], [1, 0, 1, 0],
    ...               features={"word": {"ngram_range": [1, 1]}})
    >>> learn_uncertain(c, ["goed", "weer", "slecht"], n=1)["row"].tolist()
    [1]
    """
    if n < 1:
        raise ValueError(f"n = {n}: draw at least one text")
    table = classifier.table(texts)
    proba = table[learn_prob_columns(classifier.labels)].to_numpy()
    table.insert(0, "uncertainty", learn_uncertainty(proba, measure=measure))
    table.insert(0, "row", np.arange(len(table)))
    order = np.lexsort((table["row"].to_numpy(), -table["uncertainty"].to_numpy()))
    return table.iloc[order[:n]].reset_index(drop=True)


def learn_sample_uncertain(corpus: pd.DataFrame, classifier: Classifier, n: int, *,
                           by: str | None = None, per_group: bool = False,
                           unit: Literal["article", "sentence"] = "article",
                           measure: Literal["margin", "entropy",
                                            "least_confident"] = "margin") -> pd.DataFrame:
    """The ``n`` articles or sentences of ``corpus`` the classifier is least sure of, to
    code next: the units, repeated texts and group quotas of
    :func:`analysis.validation.sampling.sample_draw` (``by``, ``per_group``), but within
    each group the least sure units (:func:`learn_uncertainty`) instead of random ones.

    Returns the columns of :func:`analysis.validation.sampling.sample_units` plus ``group``
    and ``uncertainty``, least sure first; ``attrs["duplicates"]`` and ``attrs["quota"]``
    as in ``sample_draw``.

    >>> from analysis.learn import learn_fit
    >>> c = learn_fit(["goed", "slecht", "goed nieuws", "slecht nieuws"], [1, 0, 1, 0],
    ...               features={"word": {"ngram_range": [1, 1]}})
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS"] * 3,
    ...                        "text": ["goed", "weer", "slecht"]})
    >>> learn_sample_uncertain(corpus, c, 1)["doc_id"].tolist()
    ['b']
    """
    from analysis.corpus.dedupe import text_fingerprint
    from analysis.validation.sampling import sample_quota, sample_units

    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n}")
    units = sample_units(corpus, unit=unit)
    if by is not None and by not in units.columns:
        raise ValueError(f"the corpus has no column {by!r} to stratify by")
    repeated = units["text"].astype(str).map(text_fingerprint).duplicated()
    duplicates = units.loc[repeated, "unit_id"].tolist()
    units = units[~repeated].reset_index(drop=True)
    groups = units[by].astype(str) if by is not None else pd.Series("all", index=units.index)
    proba = classifier.predict_proba(units["text"].astype(str).tolist())
    units = units.assign(group=groups.to_numpy(),
                         uncertainty=learn_uncertainty(proba, measure=measure))
    quota = sample_quota(units.groupby("group").size(), n, per_group=per_group)
    picked = []
    for group, k in quota.items():
        rows = np.flatnonzero(units["group"].to_numpy() == group)
        order = np.lexsort((rows, -units["uncertainty"].to_numpy()[rows]))
        picked.extend(rows[order[:int(k)]].tolist())
    sample = units.iloc[picked]
    sample = sample.iloc[np.lexsort((np.arange(len(sample)),
                                     -sample["uncertainty"].to_numpy()))]
    sample = sample.reset_index(drop=True)
    sample.attrs["duplicates"] = duplicates
    sample.attrs["quota"] = {str(k): int(v) for k, v in quota.items()}
    return sample
