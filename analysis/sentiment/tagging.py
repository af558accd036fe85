"""Pattern's Dutch part-of-speech tagger over a whole corpus at once, with numpy.

The tagger of :mod:`analysis.sentiment.tagger` (Pattern's Brill tagger: a lexicon, the
morphology rules for unknown words, the context rules and the entity patterns) tags one
sentence at a time in Python. Here the same steps run on arrays holding every word of every
sentence:

- what depends on a word alone (its lexicon tag, the tag of its lower-cased form, whether it
  is capitalised, a number or an address, its Penn Treebank tag) is worked out once per
  distinct word;
- the morphology rules run once per distinct (word, neighbour in the rules, neighbour in
  the rules) triple;
- the context rules run over all sentences at once, in rounds: Pattern decides a sentence
  left to right (a word's rules read the final tags on its left and the lexicon tags on its
  right); a round decides every open word from the tags its left neighbours have now, and
  only the words right of a changed tag are decided again in the next round.

The tags are identical to :meth:`analysis.sentiment.tagger._LexiconScorer.tag`, sentence by
sentence (``tests/test_sentiment_tagging.py`` compares them on recorded corpora).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.sentiment.tagger import _LexiconScorer, _scorer

__all__ = ["TaggedWords", "tags_flat", "words_flat"]

#: Pattern's padding word and tag around a sentence (the context rules may test for it).
_PAD = "STAART"
_WIDTH = 3  # the context rules look at most three words to either side

# (array, offset, value) conditions per command: "T" the tag, "W" the word, "x"/"y" the
# rule's two values; a command is a list of alternatives, each a list of conditions that
# must all hold (Pattern's Context.apply, as _context_match in the tagger module).
_COMMANDS: dict[str, list[list[tuple[str, int, str]]]] = {
    "prevtag": [[("T", -1, "x")]],
    "nexttag": [[("T", 1, "x")]],
    "prev2tag": [[("T", -2, "x")]],
    "next2tag": [[("T", 2, "x")]],
    "prev1or2tag": [[("T", -1, "x")], [("T", -2, "x")]],
    "next1or2tag": [[("T", 1, "x")], [("T", 2, "x")]],
    "prev1or2or3tag": [[("T", -1, "x")], [("T", -2, "x")], [("T", -3, "x")]],
    "next1or2or3tag": [[("T", 1, "x")], [("T", 2, "x")], [("T", 3, "x")]],
    "surroundtag": [[("T", -1, "x"), ("T", 1, "y")]],
    "curwd": [[("W", 0, "x")]],
    "prevwd": [[("W", -1, "x")]],
    "nextwd": [[("W", 1, "x")]],
    "prev1or2wd": [[("W", -1, "x")], [("W", -2, "x")]],
    "next1or2wd": [[("W", 1, "x")], [("W", 2, "x")]],
    "prevwdtag": [[("W", -1, "x"), ("T", -1, "y")]],
    "nextwdtag": [[("W", 1, "x"), ("T", 1, "y")]],
    "wdprevtag": [[("T", -1, "x"), ("W", 0, "y")]],
    "wdnexttag": [[("W", 0, "x"), ("T", 1, "y")]],
    "wdand2aft": [[("W", 0, "x"), ("W", 2, "y")]],
    "wdand2tagbfr": [[("T", -2, "x"), ("W", 0, "y")]],
    "wdand2tagaft": [[("W", 0, "x"), ("T", 2, "y")]],
    "lbigram": [[("W", -1, "x"), ("W", 0, "y")]],
    "rbigram": [[("W", 0, "x"), ("W", 1, "y")]],
    "prevbigram": [[("T", -2, "x"), ("T", -1, "y")]],
    "nextbigram": [[("T", 1, "x"), ("T", 2, "y")]],
}
_NEVER = -7  # a code no word or tag has


@dataclass(frozen=True)
class TaggedWords:
    """Words of many sentences, flat, with their tags.

    ``codes``: per word, its index into ``vocabulary``; ``lengths``: words per sentence (in
    order); ``tags``: per word, its index into ``tagset`` (Penn Treebank tags as Pattern's
    ``wotan2penntreebank`` gives them)."""

    codes: np.ndarray
    vocabulary: np.ndarray
    lengths: np.ndarray
    tags: np.ndarray
    tagset: np.ndarray

    def sentence_tags(self) -> list[tuple[str, ...]]:
        """The tags as one tuple of strings per sentence (for tests and small inputs)."""
        names = self.tagset[self.tags].tolist()
        bounds = np.concatenate([[0], np.cumsum(self.lengths)]).tolist()
        return [tuple(names[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def words_flat(sentences) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences given as sequences of words, flat: ``(codes, vocabulary, lengths)``.

    >>> codes, vocabulary, lengths = words_flat([("Het", "is"), ("is",)])
    >>> vocabulary[codes].tolist(), lengths.tolist()
    (['Het', 'is', 'is'], [2, 1])
    """
    lengths = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
    flat = [w for s in sentences for w in s]
    codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object), sort=False)
    return (codes.astype(np.int64), np.asarray(vocabulary, dtype=object), lengths)


class _ArrayTagger:
    """The tagger's tables as arrays of tag codes (built once per process)."""

    def __init__(self, scorer: _LexiconScorer):
        self.scorer = scorer
        names = set(scorer.lexicon.values())
        names |= {r[3] for r in scorer.morphology_rules if r[3]}
        names |= {r[0] for r in scorer.morphology_rules if r[0]}
        names |= {"NN", "NNP", "CD", _PAD, scorer.entities.tag}
        for tag, new, cmd, x, y in scorer.context_rules:
            names |= {tag, new}
            for alternative in _COMMANDS.get(cmd, []):
                for array, _, value in alternative:
                    if array == "T":
                        names.add(x if value == "x" else y)
        self.names = sorted(names)
        self.code = {name: k for k, name in enumerate(self.names)}
        penn_names = [scorer.nl.wotan2penntreebank("x", t)[1] for t in self.names]
        self.tagset, self.penn = np.unique(np.asarray(penn_names, dtype=object),
                                           return_inverse=True)
        self.penn = self.penn.astype(np.int16)
        # the rules of each tag, the one tried first (the last in the file) first
        self.rules: dict[int, list[tuple[int, str, str, str]]] = {}
        for tag, new, cmd, x, y in reversed(scorer.context_rules):
            if tag == "*":  # Pattern's wildcard rules apply to every tag
                for k in range(len(self.names)):
                    self.rules.setdefault(k, []).append((self.code[new], cmd, x, y))
            else:
                self.rules.setdefault(self.code[tag], []).append((self.code[new], cmd, x, y))

    # ------------------------------------------------------------------ per distinct word
    def _word_tables(self, vocabulary: np.ndarray):
        scorer, code = self.scorer, self.code
        lexicon, text = scorer.lexicon, scorer._text
        n = len(vocabulary)
        exact = np.full(n, -1, dtype=np.int32)
        lower = np.full(n, -1, dtype=np.int32)
        capital = np.zeros(n, dtype=bool)
        number = np.zeros(n, dtype=bool)
        entity = np.zeros(n, dtype=bool)
        rule_word = np.zeros(n, dtype=bool)
        for k, w in enumerate(vocabulary.tolist()):
            tag = lexicon.get(w)
            if tag is not None:
                exact[k] = code[tag]
            else:
                tag = lexicon.get(w.lower())
                if tag:
                    lower[k] = code[tag]
                capital[k] = len(w) > 0 and w[0].isupper() and w[0].isalpha()
                number[k] = text.CD.match(w) is not None
            low = w.lower()
            # the patterns need "http://" or "www." in front, or an "@"
            if low.startswith(("http://", "www.")) or "@" in low:
                entity[k] = bool(text.RE_ENTITY1.match(low) or text.RE_ENTITY2.match(low)
                                 or text.RE_ENTITY3.match(low))
            rule_word[k] = w in scorer.rule_words
        return exact, lower, capital, number, entity, rule_word

    # ------------------------------------------------------------------ tagging
    def tag(self, codes: np.ndarray, vocabulary: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Penn tag codes (into :attr:`tagset`) of the flat words."""
        codes = np.asarray(codes, dtype=np.int64)
        lengths = np.asarray(lengths, dtype=np.int64)
        n = len(codes)
        if n == 0:
            return np.zeros(0, dtype=np.int16)
        if dict.__len__(self.scorer.entities):
            return self._tag_by_sentence(codes, vocabulary, lengths)
        vocabulary = np.asarray(vocabulary, dtype=object)
        # Pattern's padding word is the string "STAART": a word "STAART" is the same word
        pad_hits = np.flatnonzero(vocabulary == _PAD)
        if len(pad_hits):
            pad_word = int(pad_hits[0])
        else:
            pad_word = len(vocabulary)
            vocabulary = np.append(vocabulary, np.asarray([_PAD], dtype=object))
        exact, lower, capital, number, entity, rule_word = self._word_tables(vocabulary)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        nonempty = lengths > 0
        first = np.zeros(n, dtype=bool)
        first[starts[nonempty]] = True
        last = np.zeros(n, dtype=bool)
        last[(starts + lengths - 1)[nonempty]] = True

        tags = exact[codes]
        fallback = (tags < 0) & first
        tags[fallback] = lower[codes[fallback]]
        unknown = tags < 0
        cap = unknown & capital[codes]
        tags[cap] = self.code["NNP"]
        num = unknown & ~cap & number[codes]
        tags[num] = self.code["CD"]
        morph = np.flatnonzero(unknown & ~cap & ~num)
        if len(morph):
            tags[morph] = self._morphology(codes, vocabulary, rule_word, morph, first, last)

        # padded layout: three pad words before every sentence and after the last one
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        padded_at = np.arange(n) + _WIDTH * (sentence + 1)
        size = n + _WIDTH * (len(lengths) + 1)
        T = np.full(size, self.code[_PAD], dtype=np.int32)
        W = np.full(size, pad_word, dtype=np.int64)
        T[padded_at] = tags
        W[padded_at] = codes
        self._context(T, W, vocabulary, padded_at)
        tags = T[padded_at]
        tags[entity[codes]] = self.code[self.scorer.entities.tag]
        return self.penn[tags]

    def _morphology(self, codes, vocabulary, rule_word, where, first, last) -> np.ndarray:
        """Morphology tags of the words at ``where`` (Pattern's ``Morphology.apply``), once
        per distinct (word, previous word, next word) triple, the neighbours counting only
        when a rule names them; each rule runs over all triples at once, in file order."""
        none = -1
        prev = np.where(first[where], none, codes[np.maximum(where - 1, 0)])
        nxt = np.where(last[where], none, codes[np.minimum(where + 1, len(codes) - 1)])
        prev = np.where((prev >= 0) & rule_word[np.maximum(prev, 0)], prev, none)
        nxt = np.where((nxt >= 0) & rule_word[np.maximum(nxt, 0)], nxt, none)
        keys = np.stack([codes[where], prev, nxt], axis=1)
        unique, inverse = np.unique(keys, axis=0, return_inverse=True)
        vocab = vocabulary.tolist()
        distinct, word_of = np.unique(unique[:, 0], return_inverse=True)
        word_of = np.asarray(word_of).reshape(-1)
        words = [vocab[w] for w in distinct.tolist()]
        before = np.asarray([vocab[p] if p >= 0 else None for p in unique[:, 1].tolist()],
                            dtype=object)
        after = np.asarray([vocab[f] if f >= 0 else None for f in unique[:, 2].tolist()],
                           dtype=object)
        lexicon, code = self.scorer.lexicon, self.code
        ends: dict[int, np.ndarray] = {}
        begins: dict[int, np.ndarray] = {}

        def suffix(length: int) -> np.ndarray:  # each word's last `length` characters
            if length not in ends:
                ends[length] = np.asarray([w[-length:] if len(w) >= length else None
                                           for w in words], dtype=object)
            return ends[length]

        def prefix(length: int) -> np.ndarray:
            if length not in begins:
                begins[length] = np.asarray([w[:length] if len(w) >= length else None
                                             for w in words], dtype=object)
            return begins[length]

        def some(mask: np.ndarray, test) -> np.ndarray:  # test only where mask holds
            out = np.zeros(len(words), dtype=bool)
            for k in np.flatnonzero(mask).tolist():
                out[k] = test(words[k])
            return out

        tags = np.full(len(unique), code["NN"], dtype=np.int32)
        for condition, cmd, x, pos in self.scorer.morphology_rules:
            n = len(x) if isinstance(x, str) else 0
            if cmd in ("hassuf", "deletesuf", "haspref", "deletepref") and n == 0:
                hit = np.asarray([cmd in ("hassuf", "haspref") or w in lexicon
                                  for w in words], dtype=bool)
            elif cmd == "hassuf":
                hit = suffix(n) == x
            elif cmd == "haspref":
                hit = prefix(n) == x
            elif cmd == "deletesuf":
                hit = some(suffix(n) == x, lambda w, n=n: w[:-n] in lexicon)
            elif cmd == "deletepref":
                hit = some(prefix(n) == x, lambda w, n=n: w[n:] in lexicon)
            elif cmd == "char":
                hit = np.asarray([x in w for w in words], dtype=bool)
            elif cmd == "addpref":
                hit = np.asarray([x + w in lexicon for w in words], dtype=bool)
            elif cmd == "addsuf":
                hit = np.asarray([w + x in lexicon for w in words], dtype=bool)
            else:
                hit = None
            if hit is not None:
                hit = hit[word_of]
            elif cmd == "goodleft":
                hit = after == x
            elif cmd == "goodright":
                hit = before == x
            else:
                continue
            if condition is not None:
                hit &= tags == code.get(condition, _NEVER)
            tags[hit] = code[pos]
        return tags[np.asarray(inverse).reshape(-1)]

    def _compiled_rules(self, vocabulary: np.ndarray):
        """Per tag code: its rules as ``(new tag, alternatives)``, each alternative a list
        of ``(array, offset, code)`` conditions, with words as codes of ``vocabulary``."""
        named = sorted({value for rules in self.rules.values() for _, cmd, x, y in rules
                        for alternative in _COMMANDS.get(cmd, [])
                        for array, _, which in alternative if array == "W"
                        for value in ((x,) if which == "x" else (y,))})
        at = pd.Index(vocabulary).get_indexer(named) if len(vocabulary) else []
        word_code = {w: int(k) for w, k in zip(named, at, strict=True) if k >= 0}
        compiled = {}
        for tag, rules in self.rules.items():
            out = []
            for new, cmd, x, y in rules:
                alternatives = []
                for alternative in _COMMANDS.get(cmd, []):
                    conditions = []
                    for array, offset, which in alternative:
                        value = x if which == "x" else y
                        table = self.code if array == "T" else word_code
                        conditions.append((array, offset, table.get(value, _NEVER)))
                    alternatives.append(conditions)
                out.append((new, alternatives))
            compiled[tag] = out
        return compiled

    def _context(self, T, W, vocabulary, real) -> None:
        """Pattern's context rules over all sentences at once, in place.

        Pattern decides the words of a sentence left to right: a word's rules read the
        final tags on its left and the lexicon tags on its right. Each round here decides
        every word still open from the tags its left neighbours have now; a word whose left
        neighbours did not change since its last round is decided. After round ``k`` the
        first ``k`` words of every sentence are final, and the rounds end when no tag
        changes, usually after a few rounds, since few words change their tag."""
        rules = self._compiled_rules(vocabulary)
        initial = T.copy()
        has_rules = np.zeros(len(self.names) + 1, dtype=bool)
        has_rules[list(rules)] = True
        todo = real[has_rules[initial[real]]]
        candidate = np.zeros(len(T), dtype=bool)
        candidate[todo] = True
        while len(todo):
            new = self._decide(todo, initial, T, W, rules)
            changed = todo[new != T[todo]]
            T[todo] = new
            if not len(changed):
                break
            after = np.unique(np.concatenate([changed + k for k in range(1, _WIDTH + 1)]))
            todo = after[candidate[after]]

    def _decide(self, where, initial, T, W, rules) -> np.ndarray:
        """The tag of each word at ``where`` after its context rules: the rules of its
        lexicon tag, tried last rule first; the first that matches decides."""
        out = initial[where].copy()
        tags = out.copy()
        order = np.argsort(tags, kind="stable")
        sorted_tags = tags[order]
        present, first_of = np.unique(sorted_tags, return_index=True)
        ends = np.append(first_of[1:], len(order))
        for tag, a, b in zip(present.tolist(), first_of.tolist(), ends.tolist(), strict=True):
            rows = order[a:b]
            at = where[rows]
            new_tags = np.full(len(at), tag, dtype=out.dtype)
            open_ = np.ones(len(at), dtype=bool)
            for new, alternatives in rules[tag]:
                match = np.zeros(len(at), dtype=bool)
                for conditions in alternatives:
                    hold = open_.copy()
                    for array, offset, value in conditions:
                        # the left: tags decided so far; the right: lexicon tags
                        source = W if array == "W" else (T if offset < 0 else initial)
                        hold &= source[at + offset] == value
                    match |= hold
                if match.any():
                    new_tags[match] = new
                    open_ &= ~match
                    if not open_.any():
                        break
            out[rows] = new_tags
        return out

    def _tag_by_sentence(self, codes, vocabulary, lengths) -> np.ndarray:
        """With an entity list loaded (multi-word entities): Pattern's per-sentence path."""
        words = np.asarray(vocabulary, dtype=object)[codes].tolist()
        index = {t: k for k, t in enumerate(self.tagset.tolist())}
        out, at = [], 0
        for length in lengths.tolist():
            out.extend(index[t] for _, t in self.scorer.tag(tuple(words[at:at + length])))
            at += length
        return np.asarray(out, dtype=np.int16)


_TAGGER: _ArrayTagger | None = None


def _array_tagger() -> _ArrayTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = _ArrayTagger(_scorer())
    return _TAGGER


def tags_flat(codes: np.ndarray, vocabulary: np.ndarray, lengths: np.ndarray) -> TaggedWords:
    """Pattern's part-of-speech tags of many sentences at once.

    ``codes``: every word of every sentence, in order, as indices into ``vocabulary``;
    ``lengths``: words per sentence. Returns a :class:`TaggedWords` whose ``tags`` index
    its ``tagset`` (Penn Treebank tags, as textblob-nl's ``PatternTagger`` gives them).

    >>> codes, vocabulary, lengths = words_flat([("Hij", "ging", "naar", "huis", "."),
    ...                                         ("Wat", "een", "nare", "dag", ".")])
    >>> tags_flat(codes, vocabulary, lengths).sentence_tags()
    [('PRP', 'VBD', 'IN', 'NN', '.'), ('PRP', 'DT', 'JJ', 'NN', '.')]
    """
    tagger = _array_tagger()
    tags = tagger.tag(codes, vocabulary, lengths)
    return TaggedWords(np.asarray(codes, dtype=np.int64), np.asarray(vocabulary, dtype=object),
                       np.asarray(lengths, dtype=np.int64), tags, tagger.tagset)
