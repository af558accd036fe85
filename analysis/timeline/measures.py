"""Discourse over time: frame prominence and tone per period (and outlet), with intervals.

:func:`timeline` gives one long table: for every period (see :mod:`analysis.periods`), every
value of the ``by`` columns and every measure, the value and its 95% interval. The
intervals are cluster-bootstrap intervals over articles (:mod:`analysis.periods.bootstrap`): the
article is the unit that is resampled, since the words and sentences of one article are not
independent draws.

:func:`events_load` reads an events file (CSV ``date,label``), drawn as labelled vertical
lines on every time figure (:mod:`analysis.textplot.timeline`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.periods.binning import Period, periods_assign
from analysis.periods.bootstrap import BOOTSTRAP_SEED, bootstrap_ratio

__all__ = [
    "TONE_PREFIX",
    "TIMELINE_COLUMNS",
    "timeline_measures",
    "timeline",
    "timeline_articles",
    "timeline_from_articles",
]

#: A tone measure is ``tone_<method>``: the mean sentence tone of a sentiment method of
#: the registry (:data:`analysis.sentiment.methods.SENTIMENT_METHODS`), e.g.
#: ``tone_lexicon``, ``tone_classifier``.
TONE_PREFIX = "tone_"
#: The columns of :func:`timeline`, with the ``by`` columns after ``period``.
TIMELINE_COLUMNS = ["period", "measure", "value", "ci_low", "ci_high", "articles", "words"]


def _tone_methods() -> list[str]:
    from analysis.sentiment.methods import SENTIMENT_METHODS

    return list(SENTIMENT_METHODS)


def timeline_measures(measures: str | Sequence[str]) -> list[str]:
    """The measure groups asked for, as a list: ``frames``, and ``tone_<method>`` for the
    sentiment methods (``tone_lexicon``, ``tone_classifier``); ``tone`` stands for every
    method's tone. A comma-separated string is split.

    >>> timeline_measures("frames,tone")
    ['frames', 'tone_lexicon', 'tone_classifier']
    """
    if isinstance(measures, str):
        measures = [m.strip() for m in measures.split(",") if m.strip()]
    out: list[str] = []
    for measure in measures:
        if measure == "tone":
            expanded = [TONE_PREFIX + m for m in _tone_methods()]
        else:
            expanded = [measure]
        for m in expanded:
            known = m == "frames" or (m.startswith(TONE_PREFIX) and
                                      m.removeprefix(TONE_PREFIX) in _tone_methods())
            if not known:
                tones = ", ".join(TONE_PREFIX + t for t in _tone_methods())
                raise ValueError(f"unknown measure {measure!r}: choose among frames, tone, "
                                 f"{tones}")
            if m not in out:
                out.append(m)
    if not out:
        raise ValueError("give at least one measure: frames, tone, or tone_<method>")
    return out


def _article_words(corpus: pd.DataFrame) -> pd.Series:
    from analysis.tokens.corpus_tables import tokens_corpus

    tokens = tokens_corpus(corpus)
    ids = corpus["doc_id"].astype(str).to_numpy()
    counts = np.bincount(tokens["doc_id"].cat.codes.to_numpy(), minlength=len(ids))
    return pd.Series(counts[:len(ids)], index=ids, dtype=np.int64)


def _frame_totals(matches: pd.DataFrame, ids: pd.Index) -> tuple[list[str], pd.DataFrame]:
    """The frame names and the matches per article (rows) and frame (columns)."""
    column = matches["frame"]
    names = ([str(c) for c in column.cat.categories]
             if isinstance(column.dtype, pd.CategoricalDtype)
             else list(dict.fromkeys(column.astype(str))))
    hits = (pd.crosstab(matches["doc_id"].astype(str), matches["frame"].astype(str))
            if len(matches) else pd.DataFrame())
    return names, hits.reindex(index=ids, columns=names, fill_value=0).fillna(0)


def _tone_totals(scores: pd.DataFrame, method: str, ids: pd.Index) -> pd.DataFrame:
    """Per article: the summed sentence tone (``polarity``) and the scored sentences."""
    rows = scores[scores["method"].astype(str) == method] if "method" in scores else scores
    values = rows["polarity"].to_numpy(dtype=np.float64)
    ok = ~np.isnan(values)
    frame = pd.DataFrame({"doc_id": rows["doc_id"].astype(str).to_numpy()[ok],
                          "v": values[ok]})
    grouped = frame.groupby("doc_id")["v"]
    return pd.DataFrame({"sum": grouped.sum(), "n": grouped.size()}).reindex(ids).fillna(0)


def timeline(
    corpus: pd.DataFrame,
    *,
    period: Period = "month",
    by: str | Sequence[str] | None = None,
    measures: str | Sequence[str] = ("frames", "tone"),
    matches: pd.DataFrame | None = None,
    scores: pd.DataFrame | None = None,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = BOOTSTRAP_SEED,
) -> pd.DataFrame:
    """Frame prominence and tone per period (and ``by`` group), with cluster-bootstrap
    intervals over articles.

    ``period``: ``day``, ``week``, ``month``, ``quarter`` or ``year`` (see
    :mod:`analysis.periods`); ``by``: corpus columns that combine with it (``"outlet"``;
    default none). ``measures``: ``frames`` (one measure per frame of the dictionary),
    ``tone_lexicon``, ``tone_classifier``, or ``tone`` for both. ``matches``: the frame
    matches of :func:`analysis.dictionaries.frames_match` (default: the shipped dictionary);
    ``scores``: the sentence table(s) of :func:`analysis.sentiment.sentiment_corpus`
    (both methods concatenated; default: scored here).

    Returns one row per period, ``by`` group and measure (every period from the first to
    the last, also those without articles), sorted in that order, with the columns

    - ``period``: the period's first day, ``YYYY-MM-DD``,
    - ``<by>``: the group (one column per ``by`` column),
    - ``measure``: a frame's key, or ``tone_lexicon`` / ``tone_classifier``,
    - ``value``: for a frame, its matches per 1,000 words of the cell's articles; for tone,
      the mean tone of the cell's sentences (-1 to 1),
    - ``ci_low``, ``ci_high``: the ``confidence`` (95%) percentile interval of ``value``
      from ``n_boot`` resamples of the cell's articles (a cluster bootstrap: an article is
      drawn with all its words and sentences; scipy.stats.bootstrap on the articles'
      totals, seeded with ``seed``); empty with fewer than two articles,
    - ``articles``: the cell's articles (0 for a period without articles: ``value`` empty),
    - ``words``: their word tokens (as in :func:`analysis.dictionaries.frames_count`).

    ``attrs`` hold ``frame_labels`` (and ``frame_labels_en``), ``period``, ``by``, ``note``
    (articles left out: dated to the month only for day or week periods, or without a
    date), ``n_boot``, ``seed`` and ``confidence``.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NOS", "NRC"],
    ...                   "date": ["2022-01-03", "2022-01-20", "2022-03-01"],
    ...                   "text": ["Sancties nu en later.", "Geen sancties, wel overleg.",
    ...                            "Niets."]})
    >>> t = timeline(c, measures="frames")
    >>> t[t["measure"] == "sancties"][["period", "value", "articles", "words"]].values.tolist()
    [['2022-01-01', 250.0, 2, 8], ['2022-02-01', nan, 0, 0], ['2022-03-01', 0.0, 1, 1]]
    """
    wanted = timeline_measures(measures)
    articles = timeline_articles(corpus, by=by, measures=wanted, matches=matches,
                                 scores=scores)
    return timeline_from_articles(articles, period=period, by=by, n_boot=n_boot,
                                  confidence=confidence, seed=seed)


def timeline_articles(
    corpus: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    measures: str | Sequence[str] = ("frames", "tone"),
    matches: pd.DataFrame | None = None,
    scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What :func:`timeline` computes its table from: one row per article of ``corpus``
    (in its order), small enough to collect from the partitions of a corpus
    (:mod:`analysis.cluster`). Options as in :func:`timeline`.

    Returns the columns ``doc_id``, ``date``, the ``by`` columns, ``words`` (the article's
    word tokens) and, per measure, ``num:<measure>`` and ``den:<measure>``: for a frame
    its matches and the words, for a tone measure the summed sentence tone and the scored
    sentences. ``attrs["measures"]`` lists the measures in table order (with their
    scale: 1000 for frames, per 1,000 words, 1 for tone), and the frame labels.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "date": ["2022-01-03"],
    ...                   "text": ["Sancties nu en later."]})
    >>> t = timeline_articles(c, measures="frames")
    >>> t[["words", "num:sancties", "den:sancties"]].values.tolist()
    [[4, 1, 4]]
    """
    wanted = timeline_measures(measures)
    columns = [c for c in ([by] if isinstance(by, str) else list(by or []))]
    ids = pd.Index(corpus["doc_id"].astype(str))
    table = pd.DataFrame({"doc_id": ids.to_numpy()})
    for column in ["date", *columns]:
        if column in corpus.columns:
            table[column] = corpus[column].to_numpy()
    words = _article_words(corpus).reindex(ids).fillna(0).astype(np.int64)
    table["words"] = words.to_numpy()
    scales: dict[str, float] = {}
    labels: dict[str, dict[str, str]] = {}
    if "frames" in wanted:
        if matches is None:
            from analysis.dictionaries.matcher import frames_match

            matches = frames_match(corpus)
        names, hits = _frame_totals(matches, ids)
        labels = {k: dict(matches.attrs[k]) for k in ("frame_labels", "frame_labels_en")
                  if k in matches.attrs}
        for name in names:
            table[f"num:{name}"] = hits[name].to_numpy().astype(np.int64)
            table[f"den:{name}"] = table["words"].to_numpy()
            scales[name] = 1000.0
    tone = [m for m in wanted if m.startswith(TONE_PREFIX)]
    if tone:
        if scores is None:
            from analysis.sentiment import sentiment_corpus

            scores = pd.concat([sentiment_corpus(corpus, method=m.removeprefix(TONE_PREFIX))
                                for m in tone], ignore_index=True)
        for measure in tone:
            method = measure.removeprefix(TONE_PREFIX)
            totals = _tone_totals(scores, method, ids)
            if "method" in scores and not totals["n"].any() and len(ids):
                raise ValueError(f"the scores hold no {method} sentences; "
                                 "score the corpus with that method, or leave the measure "
                                 "out")
            table[f"num:{measure}"] = totals["sum"].to_numpy()
            table[f"den:{measure}"] = totals["n"].to_numpy()
            scales[measure] = 1.0
    table.attrs.update(labels)
    table.attrs["measures"] = scales
    return table


def timeline_from_articles(
    articles: pd.DataFrame,
    *,
    period: Period = "month",
    by: str | Sequence[str] | None = None,
    measures: dict[str, float] | None = None,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = BOOTSTRAP_SEED,
) -> pd.DataFrame:
    """The table of :func:`timeline` from the article table of :func:`timeline_articles`
    (of one corpus, or of the partitions of a corpus one after the other): the one
    computation of the periods, the values and the cluster-bootstrap intervals.
    ``measures`` (measure: scale) defaults to ``articles.attrs["measures"]``.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2022-01-03", "2022-01-20"],
    ...                   "words": [4, 4], "num:x": [1, 0], "den:x": [4, 4]})
    >>> t = timeline_from_articles(a, measures={"x": 1000.0}, n_boot=100)
    >>> t[["period", "value", "articles", "words"]].values.tolist()
    [['2022-01-01', 125.0, 2, 8]]
    """
    measures = dict(articles.attrs.get("measures", {}) if measures is None else measures)
    cells = periods_assign(articles, period, by=by)
    ids = pd.Index(cells.docs["doc_id"])
    values = articles.set_index(articles["doc_id"].astype(str).to_numpy())
    words = values["words"].reindex(ids).fillna(0).to_numpy(np.float64)
    parts = [(measure, values[f"num:{measure}"].reindex(ids).fillna(0).to_numpy(np.float64),
              values[f"den:{measure}"].reindex(ids).fillna(0).to_numpy(np.float64), scale)
             for measure, scale in measures.items()]
    cell_of_doc = cells.key_of(cells.docs).to_numpy()
    keys = cells.key_of(cells.cells).to_numpy()
    members = pd.Series(np.arange(len(ids))).groupby(cell_of_doc).apply(np.asarray)
    rows = []
    for k, key in enumerate(keys):
        index = members.get(key, np.zeros(0, dtype=np.int64))
        n_words = int(words[index].sum())
        for measure, num, den, scale in parts:
            x, y = num[index], den[index]
            with np.errstate(divide="ignore", invalid="ignore"):
                value = scale * x.sum() / y.sum() if y.sum() > 0 else np.nan
            low, high = bootstrap_ratio(x, y, n_boot=n_boot, confidence=confidence, seed=seed)
            rows.append((k, measure, value, scale * low, scale * high, len(index), n_words))
    body = pd.DataFrame(rows, columns=["cell", *TIMELINE_COLUMNS[1:]])
    front = cells.cells.iloc[body["cell"].to_numpy()].reset_index(drop=True)
    table = pd.concat([front, body.drop(columns="cell")], axis=1)
    table = table.astype({"articles": "int64", "words": "int64", "value": "float64",
                          "ci_low": "float64", "ci_high": "float64"})
    table.attrs.update({k: v for k, v in articles.attrs.items() if k.startswith("frame_")})
    table.attrs.update(period=period, by=list(cells.by), note=cells.note, n_boot=n_boot,
                       seed=seed, confidence=confidence)
    return table


