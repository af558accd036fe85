"""Find words, phrases and wildcard patterns in the token table, and show them in context.

A pattern is one or more words separated by spaces. Each word matches a token as written,
case-insensitively, with ``*`` (any characters) and ``?`` (one character) as wildcards, as
in :mod:`fnmatch`; straight and curly apostrophes count as the same character. In a phrase,
a word made only of wildcards stands for one token: ``*`` any token, ``?`` a token of one
character (``"* oceaan"``: any word followed by *oceaan*; ``"federale * van *"``); a pattern
needs at least one word with a letter or digit (``*`` alone would match every token). A phrase
("koude oorlog") matches tokens that follow each other directly in the text within one
sentence, the rule of the n-grams of :mod:`analysis.vocabulary`: a sentence end (and so every
line break, see :func:`analysis.tokens.sentences_split`) or a token removed from the table
(punctuation, a stopword) between them breaks the phrase, so search a table that still holds
every word of the phrase.

- :func:`kwic_match`: every occurrence of a pattern, with its rows in the token table.
- :func:`kwic`: keyword in context, the left and right context cut from the article text.
- :func:`kwic_format`: a concordance as aligned plain text, for a terminal.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata

import numpy as np
import pandas as pd

from analysis.tables import require_columns
from analysis.text.words import text_normalise

__all__ = ["kwic_match", "kwic", "kwic_format"]

_CLOSING = tuple(",.;:!?)]”’…")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _pattern_words(pattern: str) -> list[str]:
    if not isinstance(pattern, str):
        raise TypeError(f"a pattern is a string, not {type(pattern).__name__}")
    words = unicodedata.normalize("NFC", pattern).translate(_APOSTROPHES).split()
    if not words:
        raise ValueError("the pattern is empty: give a word, a phrase or a pattern like escal*")
    if not any(word.strip("*?") for word in words):
        raise ValueError(f"the pattern {pattern!r} is made only of wildcards, which would "
                         "match every token: give at least one word with a letter or digit, "
                         'e.g. escal* or "* oceaan"')
    return words


def _word_matcher(word: str) -> re.Pattern:
    if any(ch in word for ch in "*?["):
        return re.compile(fnmatch.translate(word), re.IGNORECASE)
    return re.compile(re.escape(word) + r"\Z", re.IGNORECASE)


def _categorical(series: pd.Series) -> pd.Series:
    return series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")


def _labels(series: pd.Series) -> np.ndarray:
    """The categories of a categorical series as an object array of str."""
    return np.asarray(series.cat.categories.astype(str), dtype=object)


def _take(series: pd.Series, rows: np.ndarray) -> pd.Categorical:
    """``series.iloc[rows]`` as a categorical of str, without converting every row."""
    cat = _categorical(series)
    codes = cat.cat.codes.to_numpy()[rows]
    taken = pd.Categorical.from_codes(codes, categories=pd.Index(_labels(cat), dtype=object))
    return taken.remove_unused_categories()


def _check_tokens(tokens: pd.DataFrame, columns: tuple[str, ...]) -> None:
    require_columns(tokens, columns, what="the token table",
                    hint="make it with analysis.tokens.tokens_corpus(corpus)")


def kwic_match(tokens: pd.DataFrame, pattern: str) -> pd.DataFrame:
    """Every occurrence of ``pattern`` (a word, a phrase, or a pattern with ``*``/``?``)
    in the token table of :func:`analysis.tokens.tokens_corpus`.

    Returns one row per occurrence, in text order, with the columns

    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``: the sentence of the occurrence's first token,
    - ``position``: the first token's ``position`` in the article,
    - ``first_row``, ``last_row``: positional row numbers (``tokens.iloc``) of the first and
      last token of the occurrence,
    - ``start``, ``end``: character offsets of the occurrence in the article text,
    - ``match``: the tokens as written, joined by spaces,
    - ``pattern``: the pattern searched.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Na de Koude Oorlog kwam de escalatie. Escaleren?"]})
    >>> kwic_match(tokens_corpus(c), "escal*")["match"].tolist()
    ['escalatie', 'Escaleren']
    >>> kwic_match(tokens_corpus(c), "koude oorlog")[["position", "match"]].values.tolist()
    [[3, 'Koude Oorlog']]
    >>> kwic_match(tokens_corpus(c), "* oorlog")["match"].tolist()
    ['Koude Oorlog']
    """
    _check_tokens(tokens, ("doc_id", "outlet", "sentence_id", "position", "token",
                           "start", "end"))
    words = _pattern_words(pattern)
    token = _categorical(tokens["token"])
    categories = _labels(token)
    folded = [unicodedata.normalize("NFC", w).translate(_APOSTROPHES) for w in categories]
    codes = token.cat.codes.to_numpy()
    n_rows = len(tokens)
    k = len(words)
    hits = np.zeros(n_rows, dtype=bool)
    if n_rows >= k:
        docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
        sids = tokens["sentence_id"].to_numpy()
        pos = tokens["position"].to_numpy()
        hits[: n_rows - k + 1] = True
        for offset, word in enumerate(words):
            matcher = _word_matcher(word)
            in_category = np.fromiter((matcher.match(w) is not None for w in folded),
                                      dtype=bool, count=len(folded))
            row_ok = np.append(in_category, False)[codes]  # code -1 (missing) never matches
            hits[: n_rows - k + 1] &= row_ok[offset: n_rows - k + 1 + offset]
            if offset:
                same_doc = docs[offset:] == docs[: n_rows - offset]
                same_sentence = sids[offset:] == sids[: n_rows - offset]
                next_pos = pos[offset:] == pos[: n_rows - offset] + offset
                hits[: n_rows - k + 1] &= (same_doc & same_sentence & next_pos)[
                    : n_rows - k + 1]
    first = np.flatnonzero(hits)
    last = first + k - 1
    spelled = np.append(categories, "")
    match = spelled[codes[first]]
    for offset in range(1, k):
        match = match + " " + spelled[codes[first + offset]]
    return pd.DataFrame({
        "doc_id": _take(tokens["doc_id"], first),
        "outlet": _take(tokens["outlet"], first),
        "sentence_id": tokens["sentence_id"].to_numpy()[first],
        "position": tokens["position"].to_numpy()[first],
        "first_row": first.astype(np.int64),
        "last_row": last.astype(np.int64),
        "start": tokens["start"].to_numpy()[first],
        "end": tokens["end"].to_numpy()[last],
        "match": pd.Categorical(match),
        "pattern": pd.Categorical([pattern] * len(first)),
    })


def _doc_bounds(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For every row, the positional row numbers of its article's first and last row
    (articles are runs of equal ``doc_id`` in the table)."""
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    n = len(docs)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    change = np.flatnonzero(np.diff(docs) != 0) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change - 1, [n - 1]])
    run = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, n)))
    return starts[run], ends[run]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def kwic_cut(tokens: pd.DataFrame, texts: dict[str, str], doc_ids, starts, ends, *,
             window: int) -> tuple[list[str], list[str], list[str]]:
    """The left context, the match and the right context of each span ``[start, end)`` of
    article ``doc_id``, cut from the article's text and made one line (the keyword-in-context
    cut of :func:`kwic` and :func:`analysis.dictionaries.frames_kwic`).

    The left context starts at the ``window``-th token of ``tokens`` before the span, the
    right context ends with the ``window``-th token after it; neither crosses the article's
    start or end. ``texts`` maps each article's id to its text (normalised with
    :func:`analysis.text.text_normalise`, as for the token offsets).

    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Zij zag de crisis nu."]})
    >>> kwic_cut(tokens_corpus(c), {"a": c["text"][0]}, ["a"], [11], [17], window=1)
    (['de'], ['crisis'], ['nu'])
    """
    names = list(texts)
    doc_index = {d: i for i, d in enumerate(names)}
    token_docs = pd.Series(_categorical(tokens["doc_id"]).astype(str), dtype=object)
    t_doc = token_docs.map(doc_index).to_numpy().astype(np.int64)
    m_doc = np.asarray([doc_index[str(d)] for d in doc_ids], dtype=np.int64)
    starts = np.asarray(starts, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    scale = max([len(x) for x in texts.values()] + [int(ends.max(initial=0))]) + 1
    t_start = t_doc * scale + tokens["start"].to_numpy(np.int64)
    t_end = t_doc * scale + tokens["end"].to_numpy(np.int64)
    order = np.argsort(t_start, kind="stable")
    t_start, t_end, t_doc = t_start[order], t_end[order], t_doc[order]
    m_start, m_end = m_doc * scale + starts, m_doc * scale + ends
    first = np.searchsorted(t_start, m_start, side="left")  # first token at/after the span
    after = np.searchsorted(t_start, m_end, side="left")    # first token after the span
    left_from = np.maximum(first - window, np.searchsorted(t_doc, m_doc, side="left"))
    right_to = np.minimum(after + window, np.searchsorted(t_doc, m_doc, side="right")) - 1
    lefts, matches, rights = [], [], []
    normal: dict[int, str] = {}
    for k in range(len(m_doc)):
        d = int(m_doc[k])
        if d not in normal:
            normal[d] = text_normalise(texts[names[d]])
        text, base = normal[d], d * scale
        a, b = int(starts[k]), int(ends[k])
        lo = int(t_start[left_from[k]] - base) if window and left_from[k] < first[k] else a
        hi = int(t_end[right_to[k]] - base) if window and right_to[k] >= after[k] else b
        lefts.append(_one_line(text[lo:a]))
        matches.append(_one_line(text[a:b]))
        rights.append(_one_line(text[b:hi]))
    return lefts, matches, rights


def kwic(
    tokens: pd.DataFrame,
    corpus: pd.DataFrame,
    pattern: str,
    *,
    window: int = 5,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``pattern`` with ``window`` tokens of context
    on each side, cut from the article text (so punctuation shows even when the table has
    none).

    ``tokens`` is the table of :func:`analysis.tokens.tokens_corpus` for ``corpus``; the
    window counts the tokens of that table (with punctuation removed: words and numbers)
    and stops at the article's start and end. Line breaks in a context become spaces.

    Returns one row per occurrence, in text order, with the columns

    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``: the sentence of the match (its first token),
    - ``position``: the match's first token position in the article,
    - ``left``: the text before the match, from the ``window``-th token before it,
    - ``match``: the matched text as written in the article,
    - ``right``: the text after the match, up to the ``window``-th token after it.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Sinds de Koude Oorlog, zegt hij, is dit nieuw."]})
    >>> found = kwic(tokens_corpus(c), c, "koude oorlog", window=2)
    >>> found[["left", "match", "right"]].values.tolist()
    [['Sinds de', 'Koude Oorlog', ', zegt hij']]
    """
    if not isinstance(window, int | np.integer) or window < 0:
        raise ValueError(f"window must be a whole number of tokens, 0 or more, not {window!r}")
    require_columns(corpus, ["doc_id", "text"], what="the corpus",
                    hint="load it with corpus_load")
    matches = kwic_match(tokens, pattern)
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    ids = matches["doc_id"].astype(str).tolist()
    unknown = sorted(set(ids) - set(texts))
    if unknown:
        raise ValueError(f"the token table has articles that are not in the corpus: "
                         f"{unknown[:5]}; pass the corpus the table was made from")
    left, match, right = kwic_cut(tokens, texts, ids, matches["start"], matches["end"],
                                  window=window)
    return pd.DataFrame({
        "doc_id": matches["doc_id"],
        "outlet": matches["outlet"],
        "sentence_id": matches["sentence_id"],
        "position": matches["position"],
        "left": pd.array(left, dtype="string"),
        "match": pd.array(match, dtype="string"),
        "right": pd.array(right, dtype="string"),
    })


def kwic_format(table: pd.DataFrame, *, width: int = 45) -> str:
    """A concordance from :func:`kwic` as plain text: one line per occurrence, the left
    context right-aligned, the match in brackets, contexts cut to ``width`` characters.

    >>> t = pd.DataFrame({"outlet": ["NOS"], "left": ["de"], "match": ["crisis"],
    ...                   "right": ["rond Oekraïne"]})
    >>> print(kwic_format(t, width=10))
    NOS          de [crisis] rond Oekr…
    """
    if table.empty:
        return "(no matches)"
    label = table["outlet"].astype(str)
    label_width = int(label.str.len().max())
    lines = []
    for name, left, match, right in zip(label, table["left"], table["match"], table["right"],
                                        strict=True):
        left, right = str(left), str(right)
        if len(left) > width:
            left = "…" + left[-(width - 1):]
        if len(right) > width:
            right = right[: width - 1] + "…"
        gap = "" if right[:1] in _CLOSING else " "
        lines.append(f"{name:<{label_width}}  {left:>{width}} [{match}]{gap}{right}")
    return "\n".join(lines)
