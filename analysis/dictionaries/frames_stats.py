"""Frame statistics: what the match table of :func:`analysis.dictionaries.frames_match` says.

- :func:`frames_count`: hits, hits per 1,000 words and articles with the frame, per group,
- :func:`frames_audit`: every distinct form a frame's patterns caught, with its count,
- :func:`frames_cooccurrence`: frames found together in a sentence or an article,
- :func:`frames_kwic`: each match in its context.

Each takes the match table (and the corpus where it needs the words or the text) and returns
a long table; every name is also importable from :mod:`analysis.dictionaries`. A new frame
statistic goes here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.periods.binning import Period, PeriodCells, periods_assign, periods_by
from analysis.tables import groups_by, require_columns
from analysis.vocabulary.concordance import kwic_cut

__all__ = ["frames_count", "FrameTallies", "frames_from_tallies", "frames_from_cells",
           "frames_audit", "audit_tallies", "audit_from_tallies", "frames_cooccurrence",
           "cooccurrence_counts", "cooccurrence_from_counts", "frames_kwic"]

#: The ``form`` of an audit row for a pattern that matched nothing.
NO_MATCH = "(no match)"


def _labels(matches: pd.DataFrame) -> dict[str, str]:
    return dict(matches.attrs.get("frame_labels", {}))


def _keep_labels(table: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Carry the frame labels (``attrs["frame_labels"]`` and ``["frame_labels_en"]``) of
    ``matches`` over to ``table``, for the plots."""
    table.attrs["frame_labels"] = _labels(matches)
    if "frame_labels_en" in matches.attrs:
        table.attrs["frame_labels_en"] = dict(matches.attrs["frame_labels_en"])
    return table


def _frame_names(matches: pd.DataFrame) -> list[str]:
    column = matches["frame"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    return list(dict.fromkeys(column.astype(str)))


def frames_count(matches: pd.DataFrame, corpus: pd.DataFrame, *,
                 by: str | list[str] | None = None, period: Period | None = None
                 ) -> pd.DataFrame:
    """How prominent each frame is per group of articles (default: per outlet).

    ``by`` is any column of the corpus (``outlet``, ``date``, ``country``, ...; default
    ``outlet``, or none with a period). ``period`` (``day``, ``week``, ``month``,
    ``quarter``, ``year``) bins the articles' dates (see :mod:`analysis.periods`) and
    combines with ``by``: every period from the first to the last is in the table, one
    without articles with ``docs`` 0 and empty rates.
    Returns one row per group and frame (every frame, also those never found), with

    - ``period``: the period's first day (``YYYY-MM-DD``; only with ``period``),
    - ``<by>``: the group,
    - ``frame``, ``label``: the frame's key and label,
    - ``hits``: its matches in the group's articles,
    - ``words``: the group's word tokens (rows of :func:`analysis.tokens.tokens_corpus`:
      words and numbers, no punctuation),
    - ``per_1000``: ``hits`` per 1,000 words (empty for a group without articles),
    - ``docs``: the group's articles,
    - ``docs_with_frame``: the articles with at least one match of the frame,
    - ``share_docs``: ``docs_with_frame / docs`` (empty for a group without articles).

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_match
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Sancties en nog eens sancties.", "Geen nieuws."]})
    >>> t = frames_count(frames_match(c), c)
    >>> t[t["frame"] == "sancties"][["outlet", "hits", "words", "per_1000"]].values.tolist()
    [['NOS', 2, 5, 400.0], ['NRC', 0, 2, 0.0]]
    >>> c["date"] = ["2022-01-10", "2022-03-01"]
    >>> t = frames_count(frames_match(c), c, period="month")
    >>> t[t["frame"] == "sancties"][["period", "hits", "docs", "per_1000"]].values.tolist()
    [['2022-01-01', 2, 1, 400.0], ['2022-02-01', 0, 0, nan], ['2022-03-01', 0, 1, 0.0]]
    """
    columns = periods_by(by, period)
    require_columns(corpus, ["doc_id", *columns], what="the corpus")
    names = _frame_names(matches)
    labels = _labels(matches)
    if period is None:
        if len(columns) != 1:
            raise ValueError(f"by must name one column without a period, not {by!r}; "
                             "several columns combine with period=")
        return frames_from_tallies(FrameTallies.grouped(matches, corpus, columns[0]),
                                   names=names, labels=labels, by=columns[0],
                                   matches=matches)
    cells = periods_assign(corpus, period, by=columns)
    tallies = FrameTallies.of(matches, corpus, FrameTallies.cells_of(cells),
                              cells.key_of(cells.cells).tolist())
    return _keep_labels(frames_from_cells(tallies, cells, names=names, labels=labels),
                        matches)


def frames_from_cells(tallies: FrameTallies, cells: PeriodCells, *, names: list[str],
                      labels: dict[str, str]) -> pd.DataFrame:
    """The table of :func:`frames_count` with periods from tallies per cell (period and
    ``by`` values, as :meth:`FrameTallies.cells_of` names them): of one corpus, or summed
    over its partitions (:mod:`analysis.cluster`); ``cells`` are those of the whole
    corpus. ``attrs["frame_labels"]`` holds ``labels``."""
    groups = cells.key_of(cells.cells).tolist()
    tallies = FrameTallies(groups, tallies.hits, tallies.with_frame,
                           tallies.words.reindex(groups, fill_value=0),
                           tallies.docs.reindex(groups, fill_value=0))
    table = _rates(tallies, names, labels)
    split = cells.cells.set_index(pd.Index(groups)).reindex(table["group"])
    for column in cells.keys:
        table[column] = split[column].to_numpy()
    table = _ordered(table, cells.keys)
    table.attrs.update(period=cells.period, note=cells.note, frame_labels=dict(labels))
    return table


@dataclass
class FrameTallies:
    """The counts behind :func:`frames_count`: the groups (in the order of their first
    article), per (group, frame) the hits and the articles with the frame (pairs that
    occur), and per group its words and articles. Tallies of separate parts of a corpus
    (each article in one part) add up with :meth:`sum`."""

    groups: list
    hits: pd.Series
    with_frame: pd.Series
    words: pd.Series
    docs: pd.Series

    @classmethod
    def of(cls, matches: pd.DataFrame, corpus: pd.DataFrame, group_of: pd.Series,
           groups: list) -> FrameTallies:
        """Tallies of ``matches`` in ``corpus``; ``group_of`` gives the group of every
        article (indexed by ``doc_id``), ``groups`` the groups in table order."""
        from analysis.tokens.corpus_tables import tokens_corpus

        doc_ids = corpus["doc_id"].astype(str).to_numpy()
        tokens = tokens_corpus(corpus)
        per_doc = pd.Series(np.bincount(tokens["doc_id"].cat.codes.to_numpy(),
                                        minlength=len(corpus))[:len(corpus)], index=doc_ids)
        words = per_doc.reindex(group_of.index).groupby(group_of.to_numpy()).sum()
        words = words.reindex(groups, fill_value=0)
        docs = group_of.value_counts().reindex(groups, fill_value=0)
        m = pd.DataFrame({"group": group_of.reindex(matches["doc_id"].astype(str)).to_numpy(),
                          "frame": matches["frame"].astype(str).to_numpy(),
                          "doc_id": matches["doc_id"].astype(str).to_numpy()}).dropna()
        hits = m.groupby(["group", "frame"]).size()
        with_frame = m.groupby(["group", "frame"])["doc_id"].nunique()
        return cls(list(groups), hits, with_frame, words, docs)

    @staticmethod
    def cells_of(cells: PeriodCells) -> pd.Series:
        """The cell (period and ``by`` values) of every dated article, indexed by
        ``doc_id``: the ``group_of`` of :meth:`of` with periods."""
        return pd.Series(cells.key_of(cells.docs).to_numpy(),
                         index=cells.docs["doc_id"].to_numpy())

    @classmethod
    def grouped(cls, matches: pd.DataFrame, corpus: pd.DataFrame, by: str) -> FrameTallies:
        """Tallies per value of the corpus column ``by`` (groups in the order of their
        first article; an article without a value in the missing group)."""
        doc_ids = corpus["doc_id"].astype(str).to_numpy()
        group_of = pd.Series(groups_by(corpus, by).to_numpy(), index=doc_ids)
        return cls.of(matches, corpus, group_of, list(dict.fromkeys(group_of.tolist())))

    @classmethod
    def sum(cls, parts: list[FrameTallies]) -> FrameTallies:
        """The tallies of the parts together (groups in the order they first appear)."""
        groups = list(dict.fromkeys(g for part in parts for g in part.groups))

        def add(name, index):
            series = [getattr(part, name) for part in parts if len(getattr(part, name))]
            if not series:
                return getattr(parts[0], name).iloc[:0] if parts else pd.Series(dtype="int64")
            return pd.concat(series).groupby(level=index, sort=False).sum()

        return cls(groups, add("hits", [0, 1]), add("with_frame", [0, 1]),
                   add("words", 0).reindex(groups, fill_value=0),
                   add("docs", 0).reindex(groups, fill_value=0))


def _rates(tallies: FrameTallies, names: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """One row per group and frame: the counts of ``tallies`` and the rates."""
    groups = tallies.groups
    full = pd.MultiIndex.from_product([groups, names], names=["group", "frame"])
    hits = tallies.hits.reindex(full, fill_value=0)
    with_frame = tallies.with_frame.reindex(full, fill_value=0)
    table = pd.DataFrame({"hits": hits, "docs_with_frame": with_frame}).reset_index()
    table["words"] = tallies.words.reindex(table["group"]).to_numpy()
    table["docs"] = tallies.docs.reindex(table["group"]).to_numpy()
    empty = table["docs"].to_numpy() == 0
    table["per_1000"] = np.where(table["words"] > 0,
                                 1000 * table["hits"] / table["words"].clip(lower=1), 0.0)
    table["share_docs"] = np.where(table["docs"] > 0,
                                   table["docs_with_frame"] / table["docs"].clip(lower=1), 0.0)
    table.loc[empty, ["per_1000", "share_docs"]] = np.nan
    table["label"] = [labels.get(f, f) for f in table["frame"]]
    return table


def _ordered(table: pd.DataFrame, front: list[str]) -> pd.DataFrame:
    counts = ["hits", "words", "per_1000", "docs", "docs_with_frame", "share_docs"]
    return table[[*front, "frame", "label", *counts]].astype(
        {"hits": "int64", "words": "int64", "docs": "int64", "docs_with_frame": "int64"})


def frames_from_tallies(tallies: FrameTallies, *, names: list[str], labels: dict[str, str],
                        by: str, matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """The table of :func:`frames_count` (without periods) from tallies: the one
    computation of the rates, for the tallies of one corpus or summed over its partitions
    (:mod:`analysis.cluster`). ``names``: every frame, in dictionary order; ``labels``
    their labels; ``by`` the name of the group column; the frame labels of ``matches``
    (when given) are kept in ``attrs``.

    >>> import pandas as pd
    >>> t = FrameTallies(["NOS"], pd.Series({("NOS", "sancties"): 2}),
    ...                  pd.Series({("NOS", "sancties"): 1}), pd.Series({"NOS": 5}),
    ...                  pd.Series({"NOS": 1}))
    >>> frames_from_tallies(t, names=["sancties"], labels={}, by="outlet").values.tolist()
    [['NOS', 'sancties', 'sancties', 2, 5, 400.0, 1, 1, 1.0]]
    """
    table = _rates(tallies, names, labels).rename(columns={"group": by})
    table = _ordered(table, [by])
    if matches is not None:
        return _keep_labels(table, matches)
    table.attrs["frame_labels"] = dict(labels)
    return table


def frames_audit(matches: pd.DataFrame, *, silent: bool = False) -> pd.DataFrame:
    """What each frame's patterns caught: one row per frame and distinct form.

    Returns the columns

    - ``frame``: the frame's key,
    - ``form``: the matched text, lower-cased, with any run of white space (a line break)
      written as one space,
    - ``patterns``: the pattern(s) that produced it, comma-separated,
    - ``hits``: how often,
    - ``docs``: in how many articles,
    - ``share``: ``hits`` as a share of all the frame's hits,

    ordered by frame (dictionary order), then by ``hits`` (most first), then ``form``. With
    ``silent``, each pattern that matched nothing in the corpus (``attrs["silent_patterns"]``
    of the match table) has a row of its own with ``form`` :data:`NO_MATCH` and 0 hits.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_match
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Sancties, SANCTIES en een sanctiepakket."]})
    >>> frames_audit(frames_match(c))[["form", "hits"]].values.tolist()
    [['sancties', 2], ['sanctiepakket', 1]]
    """
    if matches.empty:
        return audit_from_tallies([], names=[], silent_patterns=[], silent=silent)
    return audit_from_tallies([audit_tallies(matches)], names=_frame_names(matches),
                              silent_patterns=matches.attrs.get("silent_patterns", []),
                              silent=silent)


_AUDIT_COLUMNS = ["frame", "form", "patterns", "hits", "docs", "share"]


def audit_tallies(matches: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The counts behind :func:`frames_audit`: per frame and form (in the order of their
    first match) the hits and the articles, and every (frame, form, pattern) in the order
    of its first match. Tallies of separate parts of a corpus (each article in one part)
    add up in :func:`audit_from_tallies`."""
    m = pd.DataFrame({
        "frame": matches["frame"].astype(str).to_numpy(),
        "form": matches["matched_text"].astype(str).str.lower()
        .str.replace(r"\s+", " ", regex=True).to_numpy(),
        "pattern": matches["pattern"].astype(str).to_numpy(),
        "doc_id": matches["doc_id"].astype(str).to_numpy(),
    })
    counts = m.groupby(["frame", "form"], sort=False).agg(
        hits=("pattern", "size"), docs=("doc_id", "nunique")).reset_index()
    return counts, m[["frame", "form", "pattern"]].drop_duplicates()


def audit_from_tallies(parts: list[tuple[pd.DataFrame, pd.DataFrame]], *, names: list[str],
                       silent_patterns: list, silent: bool = False) -> pd.DataFrame:
    """The table of :func:`frames_audit` from the :func:`audit_tallies` of a corpus, or of
    its parts in corpus order (:mod:`analysis.cluster`); ``names``: every frame, in
    dictionary order; ``silent_patterns``: the (frame, pattern) pairs that matched
    nothing in the whole corpus."""
    counts = [c for c, _ in parts if len(c)]
    if not counts:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("hits", "docs") else
                                          "float64" if c == "share" else "object")
                             for c in _AUDIT_COLUMNS})
    table = (pd.concat(counts, ignore_index=True)
             .groupby(["frame", "form"], sort=False)[["hits", "docs"]].sum())
    triples = pd.concat([t for _, t in parts], ignore_index=True).drop_duplicates()
    patterns = triples.groupby(["frame", "form"], sort=False)["pattern"].agg(", ".join)
    table.insert(0, "patterns", patterns.reindex(table.index).to_numpy())
    table = table.reset_index()
    table["share"] = table["hits"] / table.groupby("frame")["hits"].transform("sum")
    quiet = [(f, p) for f, p in silent_patterns if f in names]
    if silent and quiet:  # patterns that match nothing are listed too, with 0 hits
        table = pd.concat([table, pd.DataFrame({
            "frame": [f for f, _ in quiet], "form": [NO_MATCH] * len(quiet),
            "patterns": [p for _, p in quiet], "hits": 0, "docs": 0, "share": 0.0})],
            ignore_index=True)
    table["rank"] = table["frame"].map({n: i for i, n in enumerate(names)})
    table = table.sort_values(["rank", "hits", "form"], ascending=[True, False, True])
    return table[_AUDIT_COLUMNS].reset_index(drop=True).astype({"hits": "int64",
                                                                 "docs": "int64"})


def frames_cooccurrence(
    matches: pd.DataFrame,
    *,
    level: Literal["sentence", "document"] = "sentence",
) -> pd.DataFrame:
    """Which frames appear together in the same sentence (or article).

    Returns one row per ordered pair of frames (every frame of the dictionary, the pair of
    a frame with itself included), with

    - ``frame_a``, ``frame_b``: the two frames,
    - ``units_a``, ``units_b``: sentences (articles) with each frame,
    - ``units_both``: sentences (articles) with both,
    - ``jaccard``: ``units_both / (units_a + units_b - units_both)``, 0 to 1, symmetric
      (0 when neither frame occurs),
    - ``share_of_a``: ``units_both / units_a``: of the units with frame a, the share that
      also has frame b (0 when ``units_a`` is 0).

    ``attrs["frame_labels"]`` and ``attrs["level"]`` are kept for the plot.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_match
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Sancties en overleg. Sancties. Overleg."]})
    >>> t = frames_cooccurrence(frames_match(c))
    >>> pair = t[(t.frame_a == "sancties") & (t.frame_b == "diplomatie")]
    >>> pair[["units_a", "units_b", "units_both", "jaccard", "share_of_a"]].values.round(3).tolist()
    [[2.0, 2.0, 1.0, 0.333, 0.5]]
    """
    names = _frame_names(matches)
    table = cooccurrence_from_counts(cooccurrence_counts(matches, level=level), names=names)
    _keep_labels(table, matches)
    table.attrs["level"] = level
    return table


def cooccurrence_counts(matches: pd.DataFrame, *,
                        level: Literal["sentence", "document"] = "sentence") -> np.ndarray:
    """The counts behind :func:`frames_cooccurrence`: a frames-by-frames matrix of the
    units (sentences or articles) with both frames (the diagonal: with the frame), frames
    in dictionary order. Counts of separate parts of a corpus (each article in one part)
    add up."""
    names = _frame_names(matches)
    docs = matches["doc_id"].astype(str).to_numpy()
    if level == "sentence":
        sentences = matches["sentence_id"].to_numpy().astype(np.int64)
        unit = pd.factorize(docs)[0] * (int(sentences.max(initial=0)) + 1) + sentences
    elif level == "document":
        unit = pd.factorize(docs)[0]
    else:
        raise ValueError(f"level must be 'sentence' or 'document', not {level!r}")
    unit_codes, _ = pd.factorize(unit)
    frame_codes = pd.Categorical(matches["frame"].astype(str), categories=names).codes
    x = np.zeros((unit_codes.max(initial=-1) + 1, len(names)), dtype=np.int64)
    x[unit_codes, frame_codes] = 1
    return x.T @ x


def cooccurrence_from_counts(both: np.ndarray, *, names: list[str]) -> pd.DataFrame:
    """The table of :func:`frames_cooccurrence` from the matrix of
    :func:`cooccurrence_counts` (of a corpus, or summed over its parts); ``names``: the
    frames, in dictionary order."""
    n = np.diag(both)
    rows = []
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            union = n[i] + n[j] - both[i, j]
            rows.append((a, b, int(n[i]), int(n[j]), int(both[i, j]),
                         both[i, j] / union if union else 0.0,
                         both[i, j] / n[i] if n[i] else 0.0))
    return pd.DataFrame(rows, columns=["frame_a", "frame_b", "units_a", "units_b",
                                       "units_both", "jaccard", "share_of_a"])


def frames_kwic(matches: pd.DataFrame, corpus: pd.DataFrame, *, window: int = 8,
                examples: int | None = None) -> pd.DataFrame:
    """Each match in its context: ``window`` words (tokens of
    :func:`analysis.tokens.tokens_corpus`) to the left and to the right, within the article.
    ``examples``: keep only the first that many matches of each frame in each outlet.

    Returns the columns of the match table (``doc_id, outlet, sentence_id, frame, pattern,
    start, end``) and

    - ``left``: the text before the match, white space runs written as one space,
    - ``match``: the matched text (likewise),
    - ``right``: the text after the match.

    >>> import pandas as pd
    >>> from analysis.dictionaries import frames_match
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["De VS dreigen met zware sancties tegen Rusland."]})
    >>> frames_kwic(frames_match(c), c, window=2)[["left", "match", "right"]].values.tolist()
    [['met zware', 'sancties', 'tegen Rusland']]
    """
    from analysis.tokens.corpus_tables import tokens_corpus

    if window < 0:
        raise ValueError("window must be 0 or more words")
    if examples is not None:
        matches = matches.groupby(["frame", "outlet"], observed=True, sort=False).head(examples)
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    lefts, mids, rights = kwic_cut(tokens_corpus(corpus), texts,
                                   matches["doc_id"].astype(str).tolist(), matches["start"],
                                   matches["end"], window=window)
    table = matches[["doc_id", "outlet", "sentence_id", "frame", "pattern", "start", "end"]]
    table = table.reset_index(drop=True).copy()
    table["left"] = lefts
    table["match"] = mids
    table["right"] = rights
    return table
