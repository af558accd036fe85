"""A frame or actor dictionary scored against hand codes: per frame (actor) the confusion
counts, precision, recall and F1 with bootstrap intervals, Krippendorff's alpha between the
dictionary and the codes, and a table of every unit the dictionary gets wrong.

The codes have one row per coded unit: for articles the ``doc_id`` (or ``id_column``), for
sentences also ``sentence_id`` (as on the coding sheet of
:func:`analysis.validation.sheet.sheet_make`), and one column per frame (actor id) with
1 (the unit has the frame) or 0 (it has not). An empty cell means "not coded": that unit
does not count for that frame and is listed in ``attrs["uncoded"]``. The dictionary "gives"
a unit a frame when at least one of the frame's patterns matches in it (for a sentence: a
match that starts in it).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.periods.bootstrap import BOOTSTRAP_SEED
from analysis.validation.metrics import METRIC_COLUMNS, metrics_binary
from analysis.validation.reliability import ReliabilityData, reliability_alpha

__all__ = ["SCORE_COLUMNS", "ERROR_COLUMNS", "codes_check", "frames_validate",
           "actors_validate", "dictionary_validate"]

Unit = Literal["article", "sentence"]

#: The columns of the scores table (``frame`` is ``actor`` for actors).
SCORE_COLUMNS = ["frame", "label", "uncoded"] + METRIC_COLUMNS + ["alpha", "alpha_low",
                                                                  "alpha_high"]
#: The columns of the error table (``frame`` is ``actor`` for actors).
ERROR_COLUMNS = ["frame", "doc_id", "sentence_id", "unit_id", "error", "pattern",
                 "matched_text", "context", "line"]

_ONE = {"1", "1.0", "1,0"}
_ZERO = {"0", "0.0", "0,0"}
CONTEXT = 60


def codes_check(codes: pd.DataFrame, corpus: pd.DataFrame, names: list[str], *,
                unit: Unit = "article", id_column: str = "doc_id",
                source: str = "the codes", what: str = "frame",
                first_line: int = 2) -> pd.DataFrame:
    """The codes as a tidy table, checked: ``doc_id``, ``sentence_id`` (0 for articles),
    ``unit_id``, ``line`` (of the file), then one column per name with 1.0, 0.0 or NaN (not
    coded).

    Raises ``ValueError`` naming the source, the column and the line for: a missing id,
    ``sentence_id`` or frame column, an id not in the corpus, a sentence the article does
    not have, a value other than 0, 1 or empty, a unit coded twice with other values.

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]})
    >>> codes = pd.DataFrame({"doc_id": ["a", "b"], "sancties": ["1", ""]})
    >>> codes_check(codes, corpus, ["sancties"])["sancties"].tolist()
    [1.0, nan]
    """
    columns = [str(c) for c in codes.columns]
    absent = [c for c in [id_column] + (["sentence_id"] if unit == "sentence" else [])
              if c not in columns]
    if absent:
        raise ValueError(f"{source}: no column {absent[0]!r} (the unit's "
                         f"{'id' if absent[0] == id_column else 'sentence number'}); its "
                         f"columns are {', '.join(columns)}")
    missing = [n for n in names if n not in columns]
    if missing:
        raise ValueError(f"{source}: no column {missing[0]!r} for {what} {missing[0]!r}; "
                         f"give one 0/1 column per {what} of the dictionary "
                         f"({', '.join(names)})")
    if codes.empty:
        raise ValueError(f"{source}: no coded units")
    ids = set(corpus["doc_id"].astype(str))
    sentences = None
    if unit == "sentence":
        from analysis.tokens import tokens_sentences

        sentences = set(zip(*[tokens_sentences(corpus)[c].astype(str).tolist()
                              for c in ("doc_id", "sentence_id")], strict=True))
    rows = []
    seen: dict[str, tuple[dict, int]] = {}
    for i, row in enumerate(codes.fillna("").astype(str).to_dict("records")):
        line = first_line + i
        doc = row[id_column].strip()
        if doc not in ids:
            raise ValueError(f"{source}, line {line}, column {id_column!r}: {doc!r} is not an "
                             "article of the corpus; check the id (and the corpus you gave)")
        sentence = 0
        if unit == "sentence":
            text = row["sentence_id"].strip()
            if (doc, text.removesuffix(".0")) not in sentences:
                raise ValueError(f"{source}, line {line}, column 'sentence_id': article "
                                 f"{doc!r} has no sentence {text!r}")
            sentence = int(float(text))
        unit_id = doc if unit == "article" else f"{doc}#{sentence}"
        values = {}
        for name in names:
            cell = row[name].strip()
            if cell in _ONE:
                values[name] = 1.0
            elif cell in _ZERO:
                values[name] = 0.0
            elif cell == "":
                values[name] = np.nan
            else:
                raise ValueError(f"{source}, line {line}, column {name!r}: {row[name]!r} is "
                                 "not 0 or 1 (leave the cell empty for a unit not coded)")
        if unit_id in seen:
            before, before_line = seen[unit_id]
            if any(not (np.isnan(before[n]) and np.isnan(values[n])) and before[n] != values[n]
                   for n in names):
                hint = ("; the codes have a sentence_id column: are they of sentences "
                        "(unit sentence)?" if unit == "article" and "sentence_id" in columns
                        else "; keep one row")
                raise ValueError(f"{source}, line {line}: unit {unit_id!r} is coded also on "
                                 f"line {before_line} with other codes{hint}")
            continue
        seen[unit_id] = (values, line)
        rows.append({"doc_id": doc, "sentence_id": sentence, "unit_id": unit_id,
                     "line": line, **values})
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "unit_id", "line", *names])


def _context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return (("…" if start > width else "") + left + "[" +
            text[start:end] + "]" + right + ("…" if end + width < len(text) else "")
            ).replace("\n", " ")


def dictionary_validate(corpus: pd.DataFrame, codes: pd.DataFrame, matches: pd.DataFrame,
                        names: list[str], *, labels: dict[str, str] | None = None,
                        key: str = "frame", pattern: str = "pattern",
                        unit: Unit = "article", n_boot: int = 2000,
                        confidence: float = 0.95, seed: int = BOOTSTRAP_SEED,
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the ``matches`` of a dictionary (one row per match with ``doc_id``,
    ``sentence_id``, ``key``, ``pattern``, ``matched_text``, ``start``, ``end``) against
    checked ``codes`` (:func:`codes_check`). Returns ``(scores, errors)`` as
    :func:`frames_validate` describes them."""
    labels = labels or {}
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    found = matches.assign(doc_id=matches["doc_id"].astype(str),
                           key=matches[key].astype(str))
    found["unit_id"] = found["doc_id"] if unit == "article" else \
        found["doc_id"] + "#" + found["sentence_id"].astype(str)
    score_rows, error_rows, uncoded = [], [], []
    for name in names:
        coded = codes[codes[name].notna()]
        for r in codes[codes[name].isna()].itertuples():
            uncoded.append({key: name, "unit_id": r.unit_id, "line": r.line})
        mine = found[found["key"] == name]
        hit_units = set(mine["unit_id"])
        gold = coded[name].to_numpy(dtype=float).astype(bool)
        predicted = coded["unit_id"].isin(hit_units).to_numpy()
        metrics = metrics_binary(gold, predicted, n_boot=n_boot, confidence=confidence,
                                 seed=seed)
        if len(coded):
            data = ReliabilityData(name, np.vstack([gold, predicted]).astype(float),
                                   ["codes", "dictionary"], coded["unit_id"].tolist(),
                                   ["0", "1"])
            alpha = reliability_alpha(data, level="nominal", n_boot=n_boot,
                                      confidence=confidence, seed=seed).iloc[0]
            alphas = (alpha["alpha"], alpha["alpha_low"], alpha["alpha_high"])
        else:
            alphas = (np.nan, np.nan, np.nan)
        score_rows.append({"frame": name, "label": labels.get(name, name),
                           "uncoded": int(codes[name].isna().sum()), **metrics,
                           "alpha": alphas[0], "alpha_low": alphas[1],
                           "alpha_high": alphas[2]})
        wrong = coded[gold != predicted]
        for r in wrong.itertuples():
            text = texts[r.doc_id]
            if getattr(r, name) == 0.0:  # the dictionary fired, the coder said no
                fired = mine[mine["unit_id"] == r.unit_id]
                error_rows.append({
                    "frame": name, "doc_id": r.doc_id, "sentence_id": r.sentence_id,
                    "unit_id": r.unit_id, "error": "false positive",
                    "pattern": "; ".join(dict.fromkeys(fired[pattern].astype(str))),
                    "matched_text": "; ".join(fired["matched_text"].astype(str)),
                    "context": " | ".join(_context(text, a, b) for a, b in
                                          zip(fired["start"], fired["end"], strict=True)),
                    "line": r.line})
            else:
                error_rows.append({
                    "frame": name, "doc_id": r.doc_id, "sentence_id": r.sentence_id,
                    "unit_id": r.unit_id, "error": "false negative", "pattern": "",
                    "matched_text": "", "context": _unit_text(corpus, texts, r, unit),
                    "line": r.line})
    scores = pd.DataFrame(score_rows, columns=SCORE_COLUMNS)
    errors = pd.DataFrame(error_rows, columns=ERROR_COLUMNS)
    if key != "frame":
        scores = scores.rename(columns={"frame": key})
        errors = errors.rename(columns={"frame": key})
    scores.attrs["uncoded"] = pd.DataFrame(uncoded, columns=[key, "unit_id", "line"])
    return scores, errors


def _unit_text(corpus, texts, row, unit) -> str:
    text = texts[row.doc_id]
    if unit == "sentence":
        from analysis.tokens import tokens_sentences

        s = tokens_sentences(corpus[corpus["doc_id"].astype(str) == row.doc_id])
        s = s[s["sentence_id"] == row.sentence_id]
        return str(s["sentence"].iloc[0]).replace("\n", " ")
    return (text[:2 * CONTEXT] + ("…" if len(text) > 2 * CONTEXT else "")).replace("\n", " ")


def frames_validate(corpus: pd.DataFrame, codes: pd.DataFrame, frames=None, *,
                    unit: Unit = "article", id_column: str = "doc_id",
                    source: str = "the codes", n_boot: int = 2000,
                    confidence: float = 0.95, seed: int = BOOTSTRAP_SEED,
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score a frame dictionary (a :class:`analysis.dictionaries.FrameDictionary`, a path, or
    ``None`` for the shipped one) against hand codes of the corpus's units (see the
    module), on the coded units only.

    Returns ``(scores, errors)``:

    - ``scores``, one row per frame: ``frame``, ``label``, ``uncoded`` (units with an empty
      cell for the frame: not counted, listed in ``attrs["uncoded"]`` with their line),
      ``units`` (counted), ``tp``, ``fp``, ``fn``, ``tn``, ``precision``, ``recall``,
      ``f1`` each with ``_low`` and ``_high`` (percentile bootstrap over units, see
      :mod:`analysis.validation.metrics`), and ``alpha``, ``alpha_low``, ``alpha_high``
      (Krippendorff's alpha, nominal, of the dictionary and the codes as two coders, with
      the interval of :func:`analysis.validation.reliability.reliability_interval`);
    - ``errors``, one row per frame and wrongly labelled unit: ``frame``, ``doc_id``,
      ``sentence_id``, ``unit_id``, ``error`` (``false positive``: the dictionary fired,
      the code is 0; ``false negative``: the code is 1, no pattern fired), ``pattern``
      (the patterns that fired, ``; ``-joined), ``matched_text``, ``context`` (the matched
      text in ``[...]`` with 60 characters either side; for a false negative the unit's
      text) and ``line`` (of the codes file).

    ``scores.attrs`` holds ``uncoded``, and ``frame_labels`` and ``frame_labels_en`` (the
    dictionary's labels, for figures).

    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS"] * 3,
    ...     "text": ["De EU kondigt sancties aan.", "Het regent.", "Een boycot volgt."]})
    >>> codes = pd.DataFrame({"doc_id": ["a", "b", "c"], "sancties": ["1", "0", "1"]})
    >>> from analysis.dictionaries import FrameDictionary, Frame
    >>> book = FrameDictionary({"sancties": Frame("sancties", "Sancties", "",
    ...                                           ("sanctie*",))})
    >>> s, e = frames_validate(c, codes, book, n_boot=0)
    >>> s[["tp", "fp", "fn", "tn"]].values.tolist(), s[["precision", "recall"]].values.tolist()
    ([[1, 0, 1, 1]], [[1.0, 0.5]])
    >>> e[["doc_id", "error"]].values.tolist()
    [['c', 'false negative']]
    """
    from analysis.dictionaries import FrameDictionary, frames_load, frames_match

    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    checked = codes_check(codes, corpus, book.names, unit=unit, id_column=id_column,
                          source=source, what="frame")
    subset = corpus[corpus["doc_id"].astype(str).isin(set(checked["doc_id"]))]
    matches = frames_match(subset.reset_index(drop=True), book)
    scores, errors = dictionary_validate(subset, checked, matches, book.names,
                                         labels=book.labels, key="frame", pattern="pattern",
                                         unit=unit, n_boot=n_boot, confidence=confidence,
                                         seed=seed)
    scores.attrs["frame_labels"] = dict(book.labels)
    scores.attrs["frame_labels_en"] = book.labels_en
    return scores, errors


def actors_validate(corpus: pd.DataFrame, codes: pd.DataFrame, actors=None, *,
                    unit: Unit = "article", id_column: str = "doc_id",
                    source: str = "the codes", n_boot: int = 2000,
                    confidence: float = 0.95, seed: int = BOOTSTRAP_SEED,
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score an actor dictionary (an
    :class:`analysis.dictionaries.actors.ActorDictionary`, a path, or ``None`` for the
    shipped one) against codes with one 0/1 column per actor id: the
    tables of :func:`frames_validate` with ``actor`` for ``frame`` and the aliases that
    matched as ``pattern``.

    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS"] * 2,
    ...     "text": ["Poetin sprak.", "Biden zweeg."]})
    >>> from analysis.dictionaries.actors import actors_load
    >>> book = actors_load()
    >>> codes = pd.DataFrame({"doc_id": ["a", "b"],
    ...                       **{a: ["0", "0"] for a in book.ids}}).assign(poetin=["1", "1"])
    >>> s, e = actors_validate(c, codes, book, n_boot=0)
    >>> s.set_index("actor").loc["poetin", ["tp", "fn"]].tolist()
    [1, 1]
    """
    from analysis.dictionaries.actors import ActorDictionary, actors_load, actors_match

    book = actors if isinstance(actors, ActorDictionary) else actors_load(actors)
    checked = codes_check(codes, corpus, book.ids, unit=unit, id_column=id_column,
                          source=source, what="actor")
    subset = corpus[corpus["doc_id"].astype(str).isin(set(checked["doc_id"]))]
    matches = actors_match(subset.reset_index(drop=True), book)
    labels = {a: book.actors[a].label for a in book.ids}
    return dictionary_validate(subset, checked, matches, book.ids, labels=labels,
                               key="actor", pattern="alias", unit=unit, n_boot=n_boot,
                               confidence=confidence, seed=seed)
