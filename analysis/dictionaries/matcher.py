"""Frame patterns as regular expressions, and every match of a frame dictionary in a corpus.

:func:`frames_match` matches once per distinct token form of the corpus (from the cached
:func:`analysis.tokens.tokens_corpus` table), not once per running word, so it scales to
corpora of millions of words; phrases that run over several tokens are confirmed on the
article text. Each match keeps its article, sentence and character offsets, so every count
can be traced back to the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.dictionaries.frames import FrameDictionary, _words, frames_load
from analysis.tables import groups_by
from analysis.text.spans import spans_overlap
from analysis.text.words import HYPHENS, text_normalise

__all__ = [
    "frames_match",
]


# --------------------------------------------------------------------------- patterns

_STAR = rf"(?:\w|[{HYPHENS}](?=\w))*"
_BLANK = r"[^\S\n]*\n?[^\S\n]*"
_JOIN = rf"(?:{_BLANK}(?:[{HYPHENS}]{_BLANK})?)"



def _fold(text: str) -> str:
    """Strip accents and diaeresis, letter by letter (``deëscalatie`` -> ``deescalatie``)."""
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return char


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """For each base letter, the characters that fold to it (itself first)."""
    table: dict[str, list[str]] = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = _fold_char(char)
        if base != char and base.isascii():
            for c in {char.lower(), char}:
                table.setdefault(base.lower(), [base.lower()]).append(c)
    return {k: "".join(dict.fromkeys(v)) for k, v in table.items()}


def _literal(text: str, fold: bool) -> str:
    accented = _accented() if fold else {}
    out = []
    for char in (_fold(text).lower() if fold else text):
        variants = "'’" if char in "'’" else accented.get(char)
        out.append(f"[{variants}]" if variants else re.escape(char))
    return "".join(out)


def _word_regex(word: str, fold: bool) -> str:
    parts = re.split(r"([*?])", word)
    return "".join(_STAR if p == "*" else r"\w" if p == "?" else _literal(p, fold)
                   for p in parts if p)


def _pattern_regex(pattern: str, fold: bool) -> tuple[str, str, bool]:
    """(regex for the whole pattern on the text, regex for the types, is a phrase)."""
    words = _words(pattern)
    bodies = [_word_regex(w, fold) for w in words]
    if len(words) == 1:
        full = rf"(?<!\w){bodies[0]}(?!\w)"
        return full, full, False
    full = rf"(?<!\w){_JOIN.join(bodies)}{_STAR}(?!\w)"
    return full, rf"(?<!\w)(?={bodies[0]})", True


def _core(pattern: str) -> str:
    """The longest run of letters in the pattern's first word, folded and lower-cased: every
    token form the pattern can match contains it."""
    chunks = re.split(r"[*?]", _words(pattern)[0].replace("’", "'"))
    return max((_fold(c).lower() for c in chunks), key=len)


def _fold_lower_table(text: str) -> dict[int, str]:
    """A one-character-for-one translation to lower case without accents."""
    table = {}
    for char in set(text):
        target = "'" if char == "’" else _fold(char.lower())[:1] or char
        if target != char:
            table[ord(char)] = target
    return table


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


def _compile(frames: FrameDictionary, fold: bool) -> list[_Compiled]:
    out = []
    for f_index, frame in enumerate(frames.frames.values()):
        for exclude, patterns in ((False, frame.patterns), (True, frame.exclude)):
            for order, pattern in enumerate(patterns):
                full, probe, phrase = _pattern_regex(pattern, fold)
                out.append(_Compiled(f_index, pattern, order, exclude, phrase,
                                     re.compile(full, re.IGNORECASE),
                                     re.compile(probe, re.IGNORECASE), _core(pattern)))
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

    ordered by article, offset and frame. Within a frame matches never overlap (the longest
    wins) and a match overlapping one of the frame's exclusions is dropped; different
    frames may share words. ``attrs["frame_labels"]`` maps each frame to its label.

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
    phrase = np.array([r.phrase for r in compiled], dtype=bool)
    is_phrase = phrase[cand["rule"].to_numpy()] if len(cand) else np.array([], dtype=bool)
    if is_phrase.any():
        ends = cand["end"].to_numpy().copy()
        docs = cand["doc"].to_numpy()
        starts = cand["start"].to_numpy()
        rule_ids = cand["rule"].to_numpy()
        for i in np.flatnonzero(is_phrase):
            m = compiled[rule_ids[i]].text_regex.match(texts[docs[i]], starts[i])
            ends[i] = m.end() if m else -1
        cand["end"] = ends
        cand = cand[cand["end"] > cand["start"]]
    rule_frame = np.array([r.frame for r in compiled], dtype=np.int64)
    rule_excl = np.array([r.exclude for r in compiled], dtype=bool)
    rule_order = np.array([r.order for r in compiled], dtype=np.int64)
    cand = cand.assign(frame=rule_frame[cand["rule"].to_numpy()],
                       exclude=rule_excl[cand["rule"].to_numpy()],
                       order=rule_order[cand["rule"].to_numpy()])
    cand = cand.drop_duplicates(["frame", "exclude", "doc", "start", "end", "rule"])

    kept = []
    for f_index in range(len(book.frames)):
        mine = cand[cand["frame"] == f_index]
        hits = _drop_excluded(mine[~mine["exclude"]], mine[mine["exclude"]])
        hits = hits.sort_values(["doc", "start", "end", "order"]).reset_index(drop=True)
        kept.append(hits.iloc[_resolve(hits)])
    found = pd.concat(kept, ignore_index=True) if kept else cand.iloc[:0]
    found = found.sort_values(["doc", "start", "frame", "end"]).reset_index(drop=True)
    return _match_table(found, corpus, texts, compiled, book)


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
    })
    table.attrs["frame_labels"] = dict(book.labels)
    table.attrs["frame_labels_en"] = book.labels_en
    return table


