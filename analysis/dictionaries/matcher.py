"""Frame patterns as regular expressions, and every match of a frame dictionary in a corpus.

:func:`frames_match` matches once per distinct token form of the corpus (from the cached
:func:`analysis.tokens.tokens_corpus` table), not once per running word, so it scales to
corpora of millions of words; phrases that run over several tokens are confirmed on the
article text. Each match keeps its article, sentence and character offsets, so every count
can be traced back to the text.

Beyond the pattern language of the dictionary file's header, a word made only of
wildcards stands for one word of a phrase: ``"* oceaan"`` (any word, then *oceaan*),
``"federale * van *"``, ``"?? wacht"`` (a word of two letters, then *wacht*); a pattern
needs at least one word with a letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.frames_model import MODEL_SOURCE, frames_model_units
from analysis.tables import groups_by
from analysis.text.patterns import JOIN as _JOIN
from analysis.text.patterns import STAR as _STAR
from analysis.text.patterns import fold as _fold
from analysis.text.patterns import fold_lower_table as _fold_lower_table
from analysis.text.patterns import pattern_flags, pattern_words, word_regex
from analysis.text.spans import spans_overlap
from analysis.text.words import HYPHENS, text_normalise

__all__ = [
    "frames_match",
]


# --------------------------------------------------------------------------- patterns

#: What finds a match (the ``source`` column of :func:`frames_match`).
_SOURCES = ["pattern", "query", MODEL_SOURCE]

#: A word of its own made only of ``*`` (in a phrase): any one word.
_ANY_WORD = rf"\w{_STAR}"


def _word_regex(word: str, fold: bool, case: bool = False) -> str:
    """The regex of one word of a pattern: a word made only of wildcards stands for any one
    word (``*``) or a word of exactly that many letters or digits (``??``); any other word
    is :func:`analysis.text.patterns.word_regex`."""
    if not word.strip("*?"):
        return _ANY_WORD if "*" in word else rf"\w{{{len(word)}}}(?!\w)"
    return word_regex(word, fold, case)


def _lead(words: list[str]) -> int:
    """The number of wildcard words (``*``, ``?``) a phrase starts with."""
    return next(i for i, w in enumerate(words) if w.strip("*?"))


def _pattern_regex(pattern: str, fold: bool) -> tuple[str, str, bool, str | None]:
    """(regex for the whole pattern on the text, regex for the types, is a phrase, regex
    for the leading wildcard words, ending where the first word with letters starts, or
    None). The types are probed for the first word with letters. A pattern written
    ``=...`` is exact (a whole word, not a part of a hyphenated compound; a phrase whose
    last word does not run on), one written ``...~s`` keeps its case (the regexes are then
    used without ignoring case)."""
    bare, exact, case = pattern_flags(pattern)
    words = pattern_words(bare)
    bodies = [_word_regex(w, fold, case) for w in words]
    if len(words) == 1:
        full = (rf"(?<![\w{HYPHENS}]){bodies[0]}(?![\w{HYPHENS}])" if exact
                else rf"(?<!\w){bodies[0]}(?!\w)")
        return full, full, False, None
    tail = "" if exact else _STAR
    full = rf"(?<!\w){_JOIN.join(bodies)}{tail}(?!\w)"
    lead = _lead(words)
    before = rf"(?<!\w){_JOIN.join(bodies[:lead])}{_JOIN}\Z" if lead else None
    return full, rf"(?<!\w)(?={bodies[lead]})", True, before


def _pattern_flags(pattern: str) -> int:
    """The ``re`` flags of a pattern's regexes: ignore case unless it ends in ``~s``."""
    return 0 if pattern_flags(pattern)[2] else re.IGNORECASE


def _core(pattern: str) -> str:
    """The longest run of letters in the pattern's first word with letters, folded and
    lower-cased: every token form the pattern can match at that word contains it."""
    words = pattern_words(pattern_flags(pattern)[0])
    chunks = re.split(r"[*?]", words[_lead(words)].replace("’", "'"))
    return max((_fold(c).lower() for c in chunks), key=len)


@dataclass(frozen=True)
class _Compiled:
    frame: int
    pattern: str
    order: int
    exclude: bool
    phrase: bool
    text_regex: re.Pattern
    type_regex: re.Pattern
    core: str
    lead_regex: re.Pattern | None = None
    source: str = "pattern"


def _compile(frames: FrameDictionary, fold: bool) -> list[_Compiled]:
    out = []
    for f_index, frame in enumerate(frames.frames.values()):
        for exclude, patterns in ((False, frame.patterns), (True, frame.exclude)):
            for order, pattern in enumerate(patterns):
                full, probe, phrase, before = _pattern_regex(pattern, fold)
                flags = _pattern_flags(pattern)
                out.append(_Compiled(f_index, pattern, order, exclude, phrase,
                                     re.compile(full, flags),
                                     re.compile(probe, flags), _core(pattern),
                                     re.compile(before, flags) if before else None))
    return out


# --------------------------------------------------------------------------- matching


def _type_hits(types: list[str], compiled: list[_Compiled]) -> pd.DataFrame:
    """Every match of every pattern inside every distinct token form:
    ``code, offset_start, offset_end, rule`` (rule = index into ``compiled``).

    A fast literal search for each pattern's core in all forms (lower-cased, unaccented)
    picks the forms worth a closer look; the pattern's own regex then decides."""
    joined = "\n".join(types)
    bounds = np.cumsum([0] + [len(t) + 1 for t in types])
    folded = joined.translate(_fold_lower_table(joined))
    codes, starts, ends, rules = [], [], [], []
    found: dict[str, np.ndarray] = {}
    for i, rule in enumerate(compiled):
        if rule.core not in found:
            positions = [m.start() for m in re.finditer(re.escape(rule.core), folded)]
            found[rule.core] = np.unique(np.searchsorted(bounds, positions, side="right") - 1)
        regex = rule.type_regex
        for code in found[rule.core].tolist():
            for m in regex.finditer(types[code]):
                codes.append(code)
                starts.append(m.start())
                ends.append(m.end())
                rules.append(i)
    return pd.DataFrame({"code": np.asarray(codes, dtype=np.int64),
                         "offset_start": np.asarray(starts, dtype=np.int64),
                         "offset_end": np.asarray(ends, dtype=np.int64),
                         "rule": np.asarray(rules, dtype=np.int64)})


def _resolve(cand: pd.DataFrame) -> np.ndarray:
    """Indices of the candidates kept: no overlaps, the longest wins (then the earliest,
    then the pattern listed first). ``cand`` is sorted by doc, start."""
    if cand.empty:
        return np.array([], dtype=np.int64)
    doc = cand["doc"].to_numpy()
    start = cand["start"].to_numpy()
    end = cand["end"].to_numpy()
    new_doc = np.r_[True, doc[1:] != doc[:-1]]
    # A candidate starts a new cluster when it begins at or after every earlier end.
    reach = pd.Series(end).groupby(doc).cummax().shift(1).to_numpy()
    new_cluster = new_doc | (start >= np.nan_to_num(reach, nan=-1))
    heads = np.flatnonzero(new_cluster)
    sizes = np.diff(np.r_[heads, len(cand)])
    keep = np.repeat(sizes == 1, sizes)
    order = cand["order"].to_numpy()
    for head, size in zip(heads[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
        ranked = sorted(range(head, head + size),
                        key=lambda i: (start[i] - end[i], start[i], order[i]))
        taken: list[tuple[int, int]] = []
        for i in ranked:
            if all(end[i] <= a or start[i] >= b for a, b in taken):
                taken.append((start[i], end[i]))
                keep[i] = True
    return np.flatnonzero(keep)


def _drop_excluded(hits: pd.DataFrame, excl: pd.DataFrame) -> pd.DataFrame:
    if excl.empty or hits.empty:
        return hits
    overlap = spans_overlap(*(hits[c].to_numpy(np.int64) for c in ("doc", "start", "end")),
                            *(excl[c].to_numpy(np.int64) for c in ("doc", "start", "end")))
    return hits[~overlap]


def frames_match(
    corpus: pd.DataFrame,
    frames: FrameDictionary | str | Path | None = None,
    *,
    fold_diacritics: bool | None = None,
) -> pd.DataFrame:
    """Every match of every frame in the corpus, one row per match.

    ``frames`` is a dictionary from :func:`frames_load`, the path of a dictionary file, or
    ``None`` for the shipped default. ``fold_diacritics`` overrides the dictionary's
    setting (``True``: ``deëscalatie`` = ``deescalatie``).

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``sentence_id``: the sentence (as in :func:`analysis.tokens.tokens_sentences`) in
      which the match starts,
    - ``frame``: the frame's key (categorical, every frame of the dictionary in file order),
    - ``pattern``: the pattern that matched, as written in the dictionary,
    - ``matched_text``: the text matched, as written in the article,
    - ``start``, ``end``: character offsets into the article's ``text``
      (``text[start:end] == matched_text``),
    - ``source``: what found the match: ``pattern``, ``query`` or ``model`` (categorical),

    ordered by article, offset and frame. Within a frame matches never overlap (the longest
    wins) and a match overlapping one of the frame's exclusions is dropped; different
    frames may share words. ``attrs["frame_labels"]`` maps each frame to its label.

    A frame with a classifier (``model = "folder"`` in the dictionary, see
    :mod:`analysis.dictionaries.frames_model`) has a match for each sentence (or, with
    ``level = "article"``, each article: ``sentence_id`` 0, the span of its text) the model
    labels as the frame: ``source`` ``model``, ``pattern`` ``model:<folder>``,
    ``matched_text`` the sentence (article). Such a match goes through the same rule as any
    other (within a frame the longest wins, so a pattern's match inside a labelled sentence
    is not counted a second time); the frame's exclusions apply to its patterns and query
    only.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Na de Koude-Oorlogsretoriek volgen EU-sancties."]})
    >>> m = frames_match(c)
    >>> m[["frame", "matched_text", "start", "end"]].values.tolist()
    [['koude_oorlog', 'Koude-Oorlogsretoriek', 6, 27], ['sancties', 'EU-sancties', 35, 46]]
    """
    from analysis.tokens.corpus_tables import tokens_corpus

    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    fold = book.fold_diacritics if fold_diacritics is None else bool(fold_diacritics)
    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id {dup!r} occurs more than once; every article needs its "
                         "own doc_id.")
    compiled = _compile(book, fold)
    tokens = tokens_corpus(corpus)
    texts = [text_normalise(t) for t in corpus["text"].astype(str).tolist()]
    token_cat = tokens["token"].cat
    types = token_cat.categories.astype(str).tolist()
    type_hits = _type_hits(types, compiled)

    codes = token_cat.codes.to_numpy()
    wanted = np.zeros(len(types) + 1, dtype=bool)
    wanted[type_hits["code"].to_numpy()] = True
    rows = np.flatnonzero(wanted[codes])
    occ = pd.DataFrame({
        "row": rows,
        "code": codes[rows].astype(np.int64),
        "doc": tokens["doc_id"].cat.codes.to_numpy()[rows].astype(np.int64),
        "sentence_id": tokens["sentence_id"].to_numpy()[rows],
        "tok_start": tokens["start"].to_numpy()[rows],
    })
    cand = occ.merge(type_hits, on="code", how="inner")
    cand["start"] = cand["tok_start"] + cand["offset_start"]
    cand["end"] = cand["tok_start"] + cand["offset_end"]
    cand = pd.concat([cand, _query_candidates(corpus, book, compiled, fold)], ignore_index=True)
    phrase = np.array([r.phrase for r in compiled], dtype=bool)
    is_phrase = phrase[cand["rule"].to_numpy()] if len(cand) else np.array([], dtype=bool)
    if is_phrase.any():
        ends = cand["end"].to_numpy().copy()
        docs = cand["doc"].to_numpy()
        starts = cand["start"].to_numpy().copy()
        rule_ids = cand["rule"].to_numpy()
        for i in np.flatnonzero(is_phrase):
            rule = compiled[rule_ids[i]]
            if rule.lead_regex is not None:  # leading wildcard words: find where they start
                starts[i] = _lead_start(rule.lead_regex, texts[docs[i]], starts[i])
                if starts[i] < 0:
                    ends[i] = -1
                    continue
            m = rule.text_regex.match(texts[docs[i]], starts[i])
            ends[i] = m.end() if m else -1
        cand["start"] = starts
        cand["end"] = ends
        cand = cand[cand["end"] > cand["start"]]
    rule_frame = np.array([r.frame for r in compiled], dtype=np.int64)
    rule_excl = np.array([r.exclude for r in compiled], dtype=bool)
    rule_order = np.array([r.order for r in compiled], dtype=np.int64)
    cand = cand.assign(frame=rule_frame[cand["rule"].to_numpy()],
                       exclude=rule_excl[cand["rule"].to_numpy()],
                       order=rule_order[cand["rule"].to_numpy()])
    cand = cand.drop_duplicates(["frame", "exclude", "doc", "start", "end", "rule"])

    labelled = _model_candidates(corpus, book, compiled)
    kept = []
    for f_index in range(len(book.frames)):
        mine = cand[cand["frame"] == f_index]
        hits = _drop_excluded(mine[~mine["exclude"]], mine[mine["exclude"]])
        if (labelled["frame"] == f_index).any():
            hits = pd.concat([hits, labelled[labelled["frame"] == f_index]],
                             ignore_index=True)
        hits = hits.sort_values(["doc", "start", "end", "order"]).reset_index(drop=True)
        kept.append(hits.iloc[_resolve(hits)])
    found = pd.concat(kept, ignore_index=True) if kept else cand.iloc[:0]
    found = found.sort_values(["doc", "start", "frame", "end"]).reset_index(drop=True)
    table = _match_table(found, corpus, texts, compiled, book)
    used = set(cand["rule"].tolist()) | set(labelled["rule"].tolist())
    table.attrs["silent_patterns"] = [(book.names[r.frame], r.pattern) for i, r in
                                      sorted(enumerate(compiled), key=lambda x: x[1].frame)
                                      if not r.exclude and i not in used]
    return table


def _query_candidates(corpus: pd.DataFrame, book: FrameDictionary, compiled: list,
                      fold: bool) -> pd.DataFrame:
    """The hits in the articles' text of every frame's ``query`` as match candidates (a
    rule of its own appended to ``compiled``, listed after the frame's patterns)."""
    columns = ["row", "code", "doc", "sentence_id", "tok_start", "offset_start", "offset_end",
               "rule", "start", "end"]
    queries = {name: f.query for name, f in book.frames.items() if f.query}
    if not queries:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns})
    from analysis.query.evaluate import query_hits

    hits = query_hits(corpus, queries, fold_diacritics=fold)
    hits = hits[hits["part"] == "text"]
    doc = pd.Index(corpus["doc_id"].astype(str)).get_indexer(hits["doc_id"].astype(str))
    rule_of = {}
    for name, query in queries.items():
        f_index = book.names.index(name)
        rule_of[name] = len(compiled)
        compiled.append(_Compiled(f_index, query, len(book.frames[name].patterns), False,
                                  False, None, None, "", source="query"))
    n = len(hits)
    return pd.DataFrame({
        "row": np.full(n, -1, dtype=np.int64), "code": np.full(n, -1, dtype=np.int64),
        "doc": doc.astype(np.int64),
        "sentence_id": hits["sentence_id"].to_numpy(),
        "tok_start": hits["start"].to_numpy(), "offset_start": np.zeros(n, dtype=np.int64),
        "offset_end": (hits["end"] - hits["start"]).to_numpy(),
        "rule": hits["query"].astype(str).map(rule_of).to_numpy().astype(np.int64),
        "start": hits["start"].to_numpy(), "end": hits["end"].to_numpy()})


def _model_candidates(corpus: pd.DataFrame, book: FrameDictionary,
                      compiled: list) -> pd.DataFrame:
    """The units each frame's classifier labels as the frame, as match candidates (a rule
    of its own appended to ``compiled``, listed after the frame's patterns and query)."""
    columns = ["doc", "sentence_id", "start", "end", "rule", "frame", "exclude", "order"]
    parts = []
    for f_index, frame in enumerate(book.frames.values()):
        if frame.model is None:
            continue
        units = frames_model_units(corpus, frame.model)
        rule = len(compiled)
        order = len(frame.patterns) + 1
        compiled.append(_Compiled(f_index, frame.model.term, order, False, False, None, None,
                                  "", source=MODEL_SOURCE))
        parts.append(units.assign(rule=rule, frame=f_index, exclude=False, order=order))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="bool" if c == "exclude" else "int64")
                             for c in columns})
    return pd.concat(parts, ignore_index=True)[columns]


#: How far before its first word with letters a phrase's leading wildcard words may start.
_LEAD_REACH = 400


def _lead_start(regex: re.Pattern, text: str, anchor: int) -> int:
    """Where the leading wildcard words of a phrase start, the phrase's first word with
    letters starting at ``anchor`` (-1: no such words before it)."""
    begin = max(0, anchor - _LEAD_REACH)
    best = -1
    for m in regex.finditer(text[begin:anchor]):
        best = begin + m.start()
    return best


def _match_table(found, corpus, texts, compiled, book) -> pd.DataFrame:
    doc = found["doc"].to_numpy()
    doc_ids = corpus["doc_id"].astype(str).to_numpy()
    outlets = groups_by(corpus, "outlet").to_numpy()
    starts = found["start"].to_numpy().astype(np.int64)
    ends = found["end"].to_numpy().astype(np.int64)
    table = pd.DataFrame({
        "doc_id": pd.Categorical(doc_ids[doc], categories=pd.unique(doc_ids)),
        "outlet": pd.Categorical(outlets[doc], categories=pd.unique(outlets)),
        "sentence_id": found["sentence_id"].to_numpy().astype(np.int32),
        "frame": pd.Categorical.from_codes(found["frame"].to_numpy().astype(np.int64),
                                           categories=book.names),
        "pattern": [compiled[r].pattern for r in found["rule"].tolist()],
        "matched_text": [texts[d][a:b] for d, a, b in zip(doc.tolist(), starts.tolist(),
                                                         ends.tolist(), strict=True)],
        "start": starts,
        "end": ends,
        "source": pd.Categorical([compiled[r].source for r in found["rule"].tolist()],
                                 categories=_SOURCES),
    })
    table.attrs["frame_labels"] = dict(book.labels)
    table.attrs["frame_labels_en"] = book.labels_en
    return table


