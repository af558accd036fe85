"""The features of a classifier: TF-IDF word n-grams, character n-grams and lemma n-grams
(simplemma's Dutch lemmatiser, whose data ships in its wheel), stacked side by side.

Every block is a scikit-learn ``TfidfVectorizer``; its fitted state is two plain arrays
(the terms in column order and their idf), so a model is saved and loaded without pickle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from analysis.learn.errors import LearnError
from analysis.learn.ngrams import CharBlock, WordBlock, lemma_words, plain_words, texts_words

__all__ = ["FEATURE_SETTINGS", "FEATURE_BLOCKS", "Features", "learn_lemmatise"]

#: The feature blocks, in the order their columns are stacked.
FEATURE_BLOCKS = ("word", "char", "lemma")

#: The default features: word 1-2-grams and character 2-5-grams inside word boundaries,
#: sublinear term frequencies; no lemma block (``"lemma": None``).
FEATURE_SETTINGS: dict = {
    "word": {"ngram_range": [1, 2], "min_df": 1, "sublinear_tf": True},
    "char": {"ngram_range": [2, 5], "min_df": 2, "sublinear_tf": True},
    "lemma": None,
}

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang=language).lower()


def learn_lemmatise(text: str, *, language: str = "nl") -> str:
    """The words of ``text``, each replaced by its lemma (simplemma), lower case, joined by
    spaces.

    >>> learn_lemmatise("Banken verhoogden de rentes")
    'bank verhogen de rente'
    """
    return " ".join(_lemma(w, language) for w in _WORD.findall(str(text).lower()))


def _lemmatise_nl(text: str) -> str:
    return learn_lemmatise(text, language="nl")


def _lemma_nl(word: str) -> str:
    return _lemma(word, "nl")


def _vectorizer(block: str, settings: dict):
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = {k: v for k, v in settings.items() if k != "language"}
    options["ngram_range"] = tuple(options.get("ngram_range", (1, 1)))
    if block == "word":
        return TfidfVectorizer(analyzer="word", lowercase=True, token_pattern=r"(?u)\b\w+\b",
                               **options)
    if block == "char":
        return TfidfVectorizer(analyzer="char_wb", lowercase=True, **options)
    if block == "lemma":
        if settings.get("language", "nl") != "nl":
            raise ValueError("lemma features: only Dutch (language 'nl') is available")
        return TfidfVectorizer(analyzer="word", preprocessor=_lemmatise_nl,
                               token_pattern=r"(?u)\b\w+\b", **options)
    raise ValueError(f"unknown feature block {block!r}; choose from {', '.join(FEATURE_BLOCKS)}")


def _check_settings(settings: dict) -> dict:
    unknown = sorted(set(settings) - set(FEATURE_BLOCKS))
    if unknown:
        raise ValueError(f"unknown feature blocks {unknown}; choose from "
                         f"{', '.join(FEATURE_BLOCKS)}")
    blocks = {b: settings[b] for b in FEATURE_BLOCKS if settings.get(b)}
    if not blocks:
        raise ValueError("no feature block chosen: give word, char or lemma settings")
    return blocks


class _TextBlock:
    """A block whose vectorizer reads the texts itself."""

    def __init__(self, vectorizer, texts: list[str]):
        self.vectorizer, self.texts = vectorizer, texts

    def rows(self, a: int, b: int):
        return self.vectorizer.transform(self.texts[a:b])


class Features:
    """Texts to one sparse matrix: the chosen blocks side by side.

    ``settings``: a dict with keys among ``word``, ``char`` and ``lemma``, each the options
    of its ``TfidfVectorizer`` (``ngram_range``, ``min_df``, ``sublinear_tf``, ...) or
    ``None`` (block left out).

    >>> f = Features({"word": {"ngram_range": [1, 1]}}).fit(["rente stijgt", "rente daalt"])
    >>> f.transform(["rente stijgt"]).shape
    (1, 3)
    """

    def __init__(self, settings: dict | None = None):
        self.settings = {b: (dict(v) if v else None) for b, v in
                         (settings or FEATURE_SETTINGS).items()}
        self.blocks = _check_settings(self.settings)
        self.vectorizers = {b: _vectorizer(b, s) for b, s in self.blocks.items()}

    def fit(self, texts: Sequence[str]) -> Features:
        texts = [str(t) for t in texts]
        for block, v in self.vectorizers.items():
            try:
                v.fit(texts)
            except ValueError:  # an empty vocabulary
                raise LearnError(f"{block} features: the texts hold no words to learn "
                                 "from; give texts with words") from None
        return self

    def transform(self, texts: Sequence[str]):
        texts = [str(t) for t in texts]
        return self.rows(self.prepare(texts), 0, len(texts))

    def prepare(self, texts: Sequence[str],
                words: tuple[np.ndarray, np.ndarray, Sequence[str]] | None = None) -> list:
        """What :meth:`rows` reads the features of ``texts`` from, a range of texts at a
        time: each text's words and each distinct word's n-grams, found once. ``words``:
        the texts' words as :func:`analysis.learn.ngrams.texts_words` reads them, when
        they are known already (then the texts are not read for them)."""
        texts = [str(t) for t in texts]
        blocks = []
        for v in self.vectorizers.values():
            if v.analyzer == "char_wb":
                blocks.append(CharBlock(v, texts))
            elif plain_words(v) or plain_words(v, _lemmatise_nl):
                words = words if words is not None else texts_words(texts)
                blocks.append(WordBlock(v, *words) if v.preprocessor is None
                              else WordBlock(v, *lemma_words(words, _lemma_nl)))
            else:
                blocks.append(_TextBlock(v, texts))
        return blocks

    @staticmethod
    def rows(prepared: list, a: int, b: int):
        """The features of texts ``a`` to ``b`` of those :meth:`prepare` read, as
        :meth:`transform` gives them."""
        from scipy import sparse

        return sparse.hstack([block.rows(a, b) for block in prepared], format="csr",
                             dtype=np.float64)

    def n_features(self) -> dict[str, int]:
        """The number of columns of each block."""
        return {b: len(v.vocabulary_) for b, v in self.vectorizers.items()}

    def arrays(self) -> dict[str, np.ndarray]:
        """The fitted state as plain arrays: ``<block>_terms`` (in column order) and
        ``<block>_idf``."""
        out = {}
        for block, v in self.vectorizers.items():
            terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
            out[f"{block}_terms"] = np.array(terms, dtype=str)
            out[f"{block}_idf"] = np.asarray(v.idf_, dtype=np.float64)
        return out

    @classmethod
    def from_arrays(cls, settings: dict, arrays: dict[str, np.ndarray]) -> Features:
        features = cls(settings)
        for block, v in features.vectorizers.items():
            terms = arrays[f"{block}_terms"].tolist()
            v.vocabulary_ = {t: i for i, t in enumerate(terms)}
            v.idf_ = arrays[f"{block}_idf"]
        return features
