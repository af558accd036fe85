"""Duplicate articles: exact copies, near-copies, and syndication across outlets.

Real news exports repeat articles: the same text twice in one outlet (an export artefact),
the same agency or group story in several regional papers (syndication), and near-copies
(the same column with a changed title, or one extra sentence). Counting them twice inflates
every frequency, so they are found, reported, and (on request) dropped.

- Exact copies: the same text after Unicode normalisation (NFKC), case folding and
  whitespace folding.
- Near-copies: a Jaccard similarity of the sets of word 5-grams (shingles) of the
  normalised texts at or above a threshold. Candidate pairs come from MinHash
  locality-sensitive hashing (``datasketch``); every candidate's Jaccard similarity is then
  computed exactly, so the pairs found do not depend on chance.

:func:`duplicates_pairs` lists the pairs, :func:`duplicates_drop` says which articles a
dedupe mode leaves out (and which article each copies), :func:`duplicates_by_outlet`
summarises per outlet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["DEDUPE_MODES", "NEAR_REPORT", "SHINGLE", "text_fingerprint", "text_shingles",
           "jaccard", "duplicates_pairs", "duplicates_keys", "duplicates_pairs_from_keys",
           "duplicates_drop", "duplicates_by_outlet",
           "duplicates_summary", "dropped_summary", "DedupeMode"]

DedupeMode = Literal["none", "outlet", "corpus"]
DEDUPE_MODES: tuple[str, ...] = ("none", "outlet", "corpus")
#: Similarity at and above which ``discourse check`` reports near-copies.
NEAR_REPORT = 0.9
#: Words per shingle.
SHINGLE = 5
_NUM_PERM = 128
_SEED = 1
_WORD = re.compile(r"\w+")
_PAIR_COLUMNS = ["doc_id", "other_id", "outlet", "other_outlet", "kind", "similarity"]
_DROP_COLUMNS = ["doc_id", "outlet", "date", "title", "duplicate_of", "duplicate_outlet",
                 "kind", "similarity", "reason"]


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_fingerprint(text: str) -> str:
    """A digest of ``text`` after Unicode normalisation (NFKC), case folding and whitespace
    folding: equal for exact copies.

    >>> text_fingerprint("De  NAVO\\nvergadert.") == text_fingerprint("de navo vergadert.")
    True
    """
    return _digest(_normalise(text))


def _digest(normalised: str) -> str:
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def text_shingles(text: str, k: int = SHINGLE) -> frozenset[str]:
    """The word ``k``-grams of the normalised ``text`` (words: runs of letters and digits);
    a text shorter than ``k`` words gives one shingle, the whole text.

    >>> sorted(text_shingles("Een twee drie vier vijf zes"))
    ['een twee drie vier vijf', 'twee drie vier vijf zes']
    """
    words = _WORD.findall(_normalise(text))
    if not words:
        return frozenset()
    if len(words) < k:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i:i + k]) for i in range(len(words) - k + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    """``|a & b| / |a | b|`` (0.0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _check_near(near: float) -> float:
    near = float(near)
    if not 0.0 < near <= 1.0:
        raise ValueError(f"near must be above 0 and at most 1 (a Jaccard similarity), not "
                         f"{near}")
    return near


def _shingle_hashes(normalised: list[str], k: int = SHINGLE) -> list[np.ndarray]:
    """For each text (as :func:`_normalise` gives it), 32-bit hashes of its distinct word
    ``k``-grams (for MinHash only: the similarity of a candidate pair is computed on the
    shingles themselves). The words of all texts are hashed in one vectorised call, with a
    fixed key (reproducible)."""
    words = [_WORD.findall(text) for text in normalised]
    bounds = np.cumsum([0] + [len(w) for w in words])
    flat = np.fromiter((w for ws in words for w in ws), dtype=object, count=int(bounds[-1]))
    hashed_all = pd.util.hash_array(flat) if len(flat) else np.zeros(0, dtype=np.uint64)
    out = []
    with np.errstate(over="ignore"):
        for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
            hashed = hashed_all[start:stop]
            if not len(hashed):
                out.append(np.zeros(0, dtype=np.uint64))
                continue
            n = min(k, len(hashed))
            combined = np.zeros(len(hashed) - n + 1, dtype=np.uint64)
            for i in range(n):
                combined = combined * np.uint64(1_000_003) + hashed[i:len(hashed) - n + 1 + i]
            out.append(np.unique((combined >> np.uint64(32))
                                 ^ (combined & np.uint64(0xFFFFFFFF))))
    return out


def duplicates_pairs(corpus: pd.DataFrame, *, near: float = 1.0) -> pd.DataFrame:
    """Pairs of articles that are exact copies, or near-copies at similarity ``near`` or
    above (``near=1.0``: exact copies only).

    Returns one row per pair, in order of ``doc_id`` then ``other_id`` (``doc_id`` the
    article earlier in the corpus), with the columns ``doc_id, other_id, outlet,
    other_outlet``, ``kind`` (``"exact"`` or ``"near"``) and ``similarity`` (the Jaccard
    similarity of their word 5-gram sets; 1.0 for exact copies). Articles with an empty
    text are never paired.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                        "text": ["De NAVO vergadert.", "de navo  vergadert.", "Iets."]})
    >>> duplicates_pairs(corpus)[["doc_id", "other_id", "kind", "similarity"]]
      doc_id other_id   kind  similarity
    0      a        b  exact         1.0
    """
    near = _check_near(near)
    texts = _texts(corpus)
    return duplicates_pairs_from_keys(
        duplicates_keys(corpus, near=near), near=near,
        shingles=lambda rows: {i: text_shingles(texts[i]) for i in rows})


def _texts(corpus: pd.DataFrame) -> list[str]:
    return ["" if pd.isna(t) else str(t) for t in corpus["text"].tolist()]


#: The columns of :func:`duplicates_keys` taken from the corpus (when it has them).
KEY_COLUMNS = ("doc_id", "outlet", "date", "title")


def duplicates_keys(corpus: pd.DataFrame, *, near: float = 1.0) -> pd.DataFrame:
    """What finding the copies among articles needs of each article, without its text:
    one row per article of ``corpus`` (in its order) with the columns ``doc_id, outlet,
    date, title`` (those the corpus has, as given), ``fingerprint`` (the
    :func:`text_fingerprint` of the text; ``None`` for an empty text) and, with ``near``
    below 1, ``signature``: the MinHash values of the word 5-grams of the first article
    of each fingerprint (``None`` for the others). The keys of parts of a corpus (each
    article in one part), concatenated in corpus order, are the keys of the whole corpus:
    :func:`duplicates_pairs_from_keys` finds the pairs from them.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Zelfde.", " zelfde. "]})
    >>> keys = duplicates_keys(corpus)
    >>> keys["fingerprint"].nunique(), list(keys.columns)
    (1, ['doc_id', 'fingerprint', 'signature'])
    """
    near = _check_near(near)
    texts = _texts(corpus)
    normalised = [_normalise(t) if t.strip() else None for t in texts]  # once for both
    fingerprints = [None if t is None else _digest(t) for t in normalised]
    signatures: list = [None] * len(texts)
    if near < 1.0:
        first: dict[str, int] = {}
        for i, fingerprint in enumerate(fingerprints):
            if fingerprint is not None:
                first.setdefault(fingerprint, i)
        representatives = list(first.values())
        if representatives:
            from datasketch import MinHash

            template = MinHash(num_perm=_NUM_PERM, seed=_SEED, scheme="affine32")
            hashes = _shingle_hashes([normalised[i] for i in representatives])
            for i, hashed in zip(representatives, hashes, strict=True):
                minhash = MinHash(num_perm=_NUM_PERM, seed=_SEED, hashfunc=int,
                                  scheme="affine32", permutations=template.permutations)
                minhash.update_batch(hashed.tolist())
                signatures[i] = minhash.hashvalues
    keys = pd.DataFrame({c: corpus[c].to_numpy() for c in KEY_COLUMNS if c in corpus.columns})
    keys["fingerprint"] = pd.Series(fingerprints, dtype=object)
    keys["signature"] = pd.Series(signatures, dtype=object)
    return keys


def duplicates_pairs_from_keys(keys: pd.DataFrame, *, near: float = 1.0,
                               shingles) -> pd.DataFrame:
    """The table of :func:`duplicates_pairs` from the :func:`duplicates_keys` of a corpus
    (or of its parts, concatenated in corpus order); ``shingles(rows)`` gives the
    :func:`text_shingles` of the articles at those rows (positions in ``keys``), asked
    only for the near-copy candidates, whose similarity is computed exactly."""
    near = _check_near(near)
    ids = keys["doc_id"].astype(str).tolist()
    outlets = (keys["outlet"].astype(str).tolist() if "outlet" in keys.columns
               else [""] * len(ids))
    rows: list[tuple[int, int, str, float]] = []
    groups: dict[str, list[int]] = {}
    for i, fingerprint in enumerate(keys["fingerprint"].tolist()):
        if fingerprint is not None:
            groups.setdefault(fingerprint, []).append(i)
    for members in groups.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                rows.append((members[x], members[y], "exact", 1.0))
    if near < 1.0:
        rows += _near_pairs(keys["signature"].tolist(), groups, near, shingles)
    rows.sort(key=lambda r: (r[0], r[1]))
    table = pd.DataFrame(
        [(ids[a], ids[b], outlets[a], outlets[b], kind, sim) for a, b, kind, sim in rows],
        columns=_PAIR_COLUMNS)
    return table.astype({"similarity": "float64"})


def _near_pairs(signatures: list, groups: dict[str, list[int]], near: float,
                shingles) -> list[tuple[int, int, str, float]]:
    """Near-copy pairs among the distinct texts (one representative per exact group, with
    its MinHash ``signature``), each pair's members expanded to every exact copy."""
    from datasketch import LeanMinHash, MinHashLSH

    representatives = [members[0] for members in groups.values()]
    lsh = MinHashLSH(threshold=max(0.2, near - 0.3), num_perm=_NUM_PERM)
    minhashes = {}
    for i in representatives:
        minhash = LeanMinHash(seed=_SEED, hashvalues=signatures[i], scheme="affine32")
        minhashes[i] = minhash
        lsh.insert(i, minhash)
    found: set[tuple[int, int]] = set()
    for i in representatives:
        for j in lsh.query(minhashes[i]):
            if j != i:
                found.add((min(i, j), max(i, j)))
    # LSH only proposes candidates (set well below ``near``, so that it misses
    # hardly any); each candidate is kept on its exact similarity. MinHash is seeded, so
    # the same corpus gives the same pairs on every run.
    members = {m[0]: m for m in groups.values()}
    sets = shingles(sorted({i for pair in found for i in pair})) if found else {}
    rows = []
    for a, b in sorted(found):
        similarity = jaccard(sets[a], sets[b])
        if similarity >= near:
            for x in members[a]:
                for y in members[b]:
                    rows.append((min(x, y), max(x, y), "near", round(similarity, 6)))
    return rows


def duplicates_drop(corpus: pd.DataFrame, *, dedupe: DedupeMode = "corpus",
                    near: float = 1.0, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The articles that ``dedupe`` leaves out, and the article each one copies.

    ``dedupe="outlet"`` keeps one copy per outlet (repeats inside an outlet are export
    artefacts), ``"corpus"`` one copy overall, ``"none"`` drops nothing. Articles are taken
    in order of date (undated last), then ``doc_id``: an article is dropped when it copies
    (exactly, or at similarity ``near`` or above) an article already kept, in the same
    outlet for ``"outlet"``; it then names the earliest such article.

    Returns one row per dropped article, in corpus order, with the columns ``doc_id,
    outlet, date, title``, ``duplicate_of`` and ``duplicate_outlet`` (the article kept),
    ``kind`` (``"exact"`` or ``"near"``), ``similarity`` and ``reason`` (a sentence).
    ``pairs`` may give the pairs of :func:`duplicates_pairs` found at ``near`` or below, to
    save finding them again.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                        "date": ["2022-01-02", "2022-01-01", "2022-01-03"],
    ...                        "title": ["", "", ""], "text": ["Zelfde.", "Zelfde.", "Zelfde."]})
    >>> duplicates_drop(corpus, dedupe="corpus")[["doc_id", "duplicate_of"]]
      doc_id duplicate_of
    0      a            b
    1      c            b
    >>> duplicates_drop(corpus, dedupe="outlet")[["doc_id", "duplicate_of"]]
      doc_id duplicate_of
    0      c            a
    """
    if dedupe not in DEDUPE_MODES:
        raise ValueError(f"dedupe must be one of {', '.join(DEDUPE_MODES)}, not {dedupe!r}")
    if dedupe == "none" or corpus.empty:
        return pd.DataFrame(columns=_DROP_COLUMNS).astype({"similarity": "float64"})
    near = _check_near(near)
    if pairs is None:
        pairs = duplicates_pairs(corpus, near=near)
    else:
        pairs = pairs[(pairs["kind"] == "exact") | (pairs["similarity"] >= near)]
    ids = corpus["doc_id"].astype(str).tolist()
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    outlets = (corpus["outlet"].astype(str).tolist() if "outlet" in corpus.columns
               else [""] * len(ids))
    dates = (corpus["date"].tolist() if "date" in corpus.columns else [None] * len(ids))
    links: dict[int, list[tuple[int, str, float]]] = {}
    for row in pairs.itertuples(index=False):
        a, b = position[row.doc_id], position[row.other_id]
        if dedupe == "outlet" and outlets[a] != outlets[b]:
            continue
        links.setdefault(a, []).append((b, row.kind, row.similarity))
        links.setdefault(b, []).append((a, row.kind, row.similarity))
    order = sorted(range(len(ids)), key=lambda i: (
        pd.isna(dates[i]) or dates[i] == "", "" if pd.isna(dates[i]) else str(dates[i]), ids[i]))
    rank = {i: r for r, i in enumerate(order)}
    kept: set[int] = set()
    dropped: dict[int, tuple[int, str, float]] = {}
    for i in order:
        copies = sorted((rank[j], j, kind, sim) for j, kind, sim in links.get(i, [])
                        if j in kept)
        if copies:
            _, j, kind, sim = copies[0]
            dropped[i] = (j, kind, sim)
        else:
            kept.add(i)
    titles = (corpus["title"].tolist() if "title" in corpus.columns else [""] * len(ids))
    rows = []
    for i in sorted(dropped):
        j, kind, sim = dropped[i]
        where = "the same outlet" if outlets[i] == outlets[j] else f"{outlets[j]}"
        what = "an exact copy" if kind == "exact" else f"a near-copy (similarity {sim:.3f})"
        rows.append((ids[i], outlets[i], dates[i], titles[i], ids[j], outlets[j], kind, sim,
                     f"{what} of {ids[j]} ({where})"))
    return pd.DataFrame(rows, columns=_DROP_COLUMNS).astype({"similarity": "float64"})


def duplicates_by_outlet(corpus: pd.DataFrame, *, pairs: pd.DataFrame | None = None,
                         near: float = NEAR_REPORT) -> pd.DataFrame:
    """Per outlet: how many of its articles have a copy, with which outlets it shares them,
    and how many a dedupe mode dropped.

    ``pairs`` are those of :func:`duplicates_pairs` (found at similarity ``near`` when not
    given); the dropped articles come from ``corpus.attrs["dropped"]`` (what
    :func:`analysis.corpus.corpus_load` left out with ``dedupe=``).

    Returns one row per outlet (in name order) with the columns ``outlet``, ``articles``
    (in the corpus), ``dropped`` (left out as copies before the corpus was given),
    ``exact_copies`` (its articles that have an exact copy in the corpus, in the same
    outlet or another), ``near_copies`` (its articles that have a near-copy but no exact
    copy), ``within_outlet`` (its articles that have a copy in the same outlet) and
    ``shared_with`` (the other outlets holding a copy of one of its articles, each with the
    number of its articles concerned, e.g. ``"De Gelderlander (2); Tubantia (1)"``).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                        "text": ["Zelfde.", "Zelfde.", "Anders."]})
    >>> duplicates_by_outlet(corpus).to_dict("records")[0]
    {'outlet': 'X', 'articles': 2, 'dropped': 0, 'exact_copies': 1, 'near_copies': 0, \
'within_outlet': 0, 'shared_with': 'Y (1)'}
    """
    if pairs is None:
        pairs = duplicates_pairs(corpus, near=near)
    outlets = corpus["outlet"].astype(str)
    by_id = dict(zip(corpus["doc_id"].astype(str), outlets, strict=True))
    dropped = pd.DataFrame(corpus.attrs.get("dropped", []), columns=_DROP_COLUMNS)
    dropped_per = dropped["outlet"].astype(str).value_counts().to_dict()
    exact: set[str] = set()
    close: set[str] = set()
    within: set[str] = set()
    shared: dict[str, dict[str, set[str]]] = {}
    for row in pairs.itertuples(index=False):
        for me, other in ((row.doc_id, row.other_id), (row.other_id, row.doc_id)):
            (exact if row.kind == "exact" else close).add(me)
            if by_id[me] == by_id[other]:
                within.add(me)
            else:
                shared.setdefault(by_id[me], {}).setdefault(by_id[other], set()).add(me)
    rows = []
    for outlet in sorted(set(outlets) | set(dropped_per)):
        mine = set(corpus.loc[outlets == outlet, "doc_id"].astype(str))
        partners = shared.get(outlet, {})
        rows.append({
            "outlet": outlet,
            "articles": len(mine),
            "dropped": int(dropped_per.get(outlet, 0)),
            "exact_copies": len(mine & exact),
            "near_copies": len((mine & close) - exact),
            "within_outlet": len(mine & within),
            "shared_with": "; ".join(f"{o} ({len(d)})" for o, d in sorted(partners.items())),
        })
    return pd.DataFrame(rows, columns=["outlet", "articles", "dropped", "exact_copies",
                                       "near_copies", "within_outlet", "shared_with"])


def _counts(table: pd.DataFrame, other: str) -> str:
    """How many rows of ``table`` of each kind, within one outlet or across (``other``:
    the column with the outlet of the article copied)."""
    kinds = list(zip(table["kind"], table["outlet"] == table[other], strict=True))
    names = {("exact", True): ("exact copy", "exact copies", "within one outlet"),
             ("exact", False): ("exact copy", "exact copies", "across outlets"),
             ("near", True): ("near-copy", "near-copies", "within one outlet"),
             ("near", False): ("near-copy", "near-copies", "across outlets")}
    parts = []
    for key, (one, many, where) in names.items():
        n = sum(1 for k in kinds if k == key)
        if n:
            parts.append(f"{n} {one if n == 1 else many} {where}")
    return ", ".join(parts)


def duplicates_summary(pairs: pd.DataFrame) -> str:
    """One line on the ``pairs`` of :func:`duplicates_pairs`: how many pairs of each kind.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
    ...                        "text": ["Zelfde.", "Zelfde.", "Zelfde."]})
    >>> duplicates_summary(duplicates_pairs(corpus))
    '3 pairs: 1 exact copy within one outlet, 2 exact copies across outlets'
    """
    if pairs.empty:
        return "none"
    return f"{len(pairs)} pair{'' if len(pairs) == 1 else 's'}: {_counts(pairs, 'other_outlet')}"


def dropped_summary(dropped: pd.DataFrame) -> str:
    """One line on the ``dropped`` table of :func:`duplicates_drop`: how many articles were
    dropped, and as what.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                        "date": ["2022-01-01", "2022-01-02"], "title": ["", ""],
    ...                        "text": ["Zelfde.", "Zelfde."]})
    >>> dropped_summary(duplicates_drop(corpus, dedupe="outlet"))
    '1 article(s) dropped: 1 exact copy within one outlet'
    """
    if dropped.empty:
        return "no article dropped"
    return f"{len(dropped)} article(s) dropped: {_counts(dropped, 'duplicate_outlet')}"
