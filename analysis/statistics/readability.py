"""Readability: how easy a text is to read, from its sentence and word lengths, with the
Dutch formulas of Douma and Brouwer and quanteda.textstats' ``Flesch`` and ``FOG``.

With ``W`` the words (tokens of kind ``word`` or ``number``), ``St`` the sentences,
``Sy`` the syllables (:func:`analysis.statistics.syllables.syllables_count`) and ``W3Sy``
the words of three syllables or more, ``ASL = W / St`` and ``ASW = Sy / W``:

======================  ==========================================================  =========
measure                 formula                                                     source
======================  ==========================================================  =========
``Flesch.Douma``        ``206.84 - 0.93 ASL - 77 ASW``                              Douma (1960)
``Brouwer``             ``195 - 2 ASL - (2/3) 100 ASW`` (Leesindex A)               Brouwer (1963)
``Flesch``              ``206.835 - 1.015 ASL - 84.6 ASW``                          Flesch (1948)
``FOG``                 ``0.4 (ASL + 100 W3Sy / W)``                                Gunning (1952)
``meanSentenceLength``  ``ASL``
``meanWordSyllables``   ``ASW``
======================  ==========================================================  =========

Douma and Brouwer state their formulas with the syllables per 100 words
(``0.77 x 100 ASW`` and ``2/3 x 100 ASW``). ``Flesch``, ``FOG``, ``meanSentenceLength``
and ``meanWordSyllables`` are quanteda's names and formulas; the two Dutch indices are not
in quanteda. Syllables are counted with the Dutch rules by default (``language="nl"``),
with the English ones for English text.

References: Douma, W.H. (1960). *De leesbaarheid van landbouwbladen*. Wageningen:
Landbouwhogeschool. Brouwer, R.H.M. (1963). Onderzoek naar de leesmoeilijkheden van
Nederlands proza. *Pedagogische Studiën* 40, 454-464. Flesch, R. (1948). A new readability
yardstick. *Journal of Applied Psychology* 32(3), 221-233. Gunning, R. (1952). *The
Technique of Clear Writing*. New York: McGraw-Hill.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from analysis.statistics._groups import group_codes
from analysis.statistics.syllables import syllables_count
from analysis.tables import require_columns

__all__ = ["textstat_readability", "READABILITY_MEASURES"]

ReadabilityMeasure = Literal["Flesch.Douma", "Brouwer", "Flesch", "FOG", "meanSentenceLength",
                             "meanWordSyllables"]

#: Every measure of :func:`textstat_readability`.
READABILITY_MEASURES: tuple[str, ...] = ("Flesch.Douma", "Brouwer", "Flesch", "FOG",
                                         "meanSentenceLength", "meanWordSyllables")


def textstat_readability(
    tokens: pd.DataFrame,
    *,
    measure: ReadabilityMeasure | Iterable[ReadabilityMeasure] | Literal["all"]
    = "Flesch.Douma",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    language: Literal["nl", "en"] = "nl",
    min_sentence_length: int = 1,
) -> pd.DataFrame:
    """Readability of every document (or group) of a token table.

    ``tokens`` is the table of :func:`analysis.tokens.tokens_corpus` (words are its tokens
    of kind ``word`` and ``number``, sentences its ``sentence_id`` values); ``by`` a column
    of it or, with ``corpus``, of the corpus (default: each article); ``measure`` one or
    more names of the module table, or ``"all"``. Sentences of fewer than
    ``min_sentence_length`` words are left out (quanteda's ``min_sentence_length``); a
    group left without sentences, or an article of ``corpus`` without words (grouping by
    ``doc_id``), has the value NaN.

    Returns one row per group and measure, groups in sorted order, with the columns
    ``<by>`` (named after ``by``), ``sentences`` (St), ``words`` (W), ``syllables`` (Sy),
    ``measure`` and ``value``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                   "text": ["De kat zat op de mat. Zij sliep."]})
    >>> r = textstat_readability(tokens_corpus(c), measure=["Flesch.Douma", "Brouwer"])
    >>> r[["sentences", "words", "syllables", "measure"]].values.tolist()
    [[2, 8, 8, 'Flesch.Douma'], [2, 8, 8, 'Brouwer']]
    >>> [round(v, 4) for v in r["value"]]  # 206.84 - 0.93*4 - 77*1; 195 - 2*4 - 200/3*1
    [126.12, 120.3333]
    """
    chosen = [measure] if isinstance(measure, str) else list(measure)
    if chosen == ["all"]:
        chosen = list(READABILITY_MEASURES)
    unknown = [m for m in chosen if m not in READABILITY_MEASURES]
    if unknown or not chosen:
        raise ValueError(f"unknown readability measure(s) {unknown or chosen}; choose among "
                         f"{', '.join(READABILITY_MEASURES)} or 'all'")
    if not isinstance(min_sentence_length, int | np.integer) or min_sentence_length < 1:
        raise ValueError("min_sentence_length must be a whole number of words, 1 or more, "
                         f"not {min_sentence_length!r}")
    require_columns(tokens, ["doc_id", "sentence_id", "token", "kind"],
                    what="the token table",
                    hint="make it with analysis.tokens.tokens_corpus(corpus)")
    words = tokens[tokens["kind"].isin(["word", "number"]).to_numpy()]
    groups, labels = group_codes(words, by, corpus)
    if corpus is not None and by == "doc_id":
        every = pd.Index(sorted(set(labels) | set(corpus["doc_id"].astype(str))),
                         dtype=object)
        groups, labels = every.get_indexer(labels)[groups], every
    token = words["token"].astype("category")
    per_word = np.array([syllables_count(w, language=language)
                         for w in token.cat.categories.astype(str)], dtype=np.int64)
    syl = per_word[token.cat.codes.to_numpy()] if len(words) else np.zeros(0, np.int64)
    sentence = pd.factorize(pd.MultiIndex.from_arrays(
        [words["doc_id"].astype(str).to_numpy(), words["sentence_id"].to_numpy()]))[0]
    length = np.bincount(sentence) if len(sentence) else np.zeros(0, np.int64)
    kept = length[sentence] >= min_sentence_length
    n_groups = len(labels)
    first = np.unique(sentence[kept], return_index=True)[1]
    st = np.bincount(groups[kept][first], minlength=n_groups).astype(np.float64)
    w = np.bincount(groups[kept], minlength=n_groups).astype(np.float64)
    sy = np.bincount(groups[kept], weights=syl[kept], minlength=n_groups)
    w3 = np.bincount(groups[kept], weights=(syl[kept] >= 3), minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        asl = np.where(st > 0, w / st, np.nan)
        asw = np.where(w > 0, sy / w, np.nan)
        formulas = {
            "Flesch.Douma": 206.84 - 0.93 * asl - 77.0 * asw,
            "Brouwer": 195.0 - 2.0 * asl - (2.0 / 3.0) * 100.0 * asw,
            "Flesch": 206.835 - 1.015 * asl - 84.6 * asw,
            "FOG": 0.4 * (asl + 100.0 * np.where(w > 0, w3 / w, np.nan)),
            "meanSentenceLength": asl,
            "meanWordSyllables": asw,
        }
    rows = np.repeat(np.arange(n_groups), len(chosen))
    return pd.DataFrame({
        by: pd.Categorical.from_codes(rows, categories=labels),
        "sentences": st.astype(np.int64)[rows],
        "words": w.astype(np.int64)[rows],
        "syllables": sy.astype(np.int64)[rows],
        "measure": pd.Categorical(np.tile(chosen, n_groups), categories=chosen),
        "value": np.stack([formulas[m] for m in chosen], axis=1).ravel(),
    })
