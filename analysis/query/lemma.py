"""Dutch lemmas for the word forms of a corpus, computed once per distinct form.

:func:`lemmas_of` gives the lemma of each form by simplemma (its Dutch data ships in the
wheel, no download); a hyphenated compound gets the lemma of each part
(``EU-sancties`` -> ``eu-sanctie``). Lemmas are kept for the process, so a second query
or a second count of the same corpus looks them up instead of lemmatising again.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.text import HYPHENS

__all__ = ["lemma_of", "lemmas_of", "tokens_lemmatise"]

_KNOWN: dict[str, str] = {}
_HYPHEN_CHARS = HYPHENS.replace("\\", "")


def lemma_of(form: str) -> str:
    """The lemma of one word form, lower-cased.

    >>> [lemma_of(w) for w in ["Oorlogen", "sancties", "EU-sancties", "liep"]]
    ['oorlog', 'sanctie', 'eu-sanctie', 'lopen']
    """
    return lemmas_of([form])[0]


def lemmas_of(forms: Iterable[str]) -> list[str]:
    """The lemma of each form (lower-cased), each distinct form lemmatised once per
    process."""
    forms = list(forms)
    todo = {f for f in forms if f not in _KNOWN}
    if todo:
        from simplemma import lemmatize

        for form in todo:
            lower = form.lower()
            if lower not in _KNOWN:
                _KNOWN[lower] = _lemma(lower, lemmatize)
            _KNOWN[form] = _KNOWN[lower]
    return [_KNOWN[f] for f in forms]


def _lemma(form: str, lemmatize) -> str:
    lower = form.lower()
    if not any(c.isalpha() for c in lower):
        return lower
    parts, out, word = [], [], ""
    for char in lower:
        if char in _HYPHEN_CHARS:
            parts.append(word)
            out.append(char)
            word = ""
        else:
            word += char
    parts.append(word)
    lemmas = [lemmatize(p, lang="nl").lower() if p else p for p in parts]
    joined = lemmas[0]
    for sep, lemma in zip(out, lemmas[1:], strict=True):
        joined += sep + lemma
    return joined


def tokens_lemmatise(tokens: pd.DataFrame) -> pd.DataFrame:
    """A token table (:func:`analysis.tokens.tokens_corpus`) whose ``norm`` is each token's
    lemma (lower-cased), so that frequencies, keyness and collocations count lemmas; every
    other column as given. Each distinct form is lemmatised once.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Oorlogen en een oorlog; sancties."]})
    >>> tokens_lemmatise(tokens_corpus(c))["norm"].tolist()
    ['oorlog', 'en', 'een', 'oorlog', 'sanctie']
    """
    token = tokens["token"]
    if not isinstance(token.dtype, pd.CategoricalDtype):
        token = token.astype("category")
    forms = token.cat.categories.astype(str).tolist()
    lemma = pd.Categorical(lemmas_of(forms))
    codes = token.cat.codes.to_numpy()
    norm = pd.Categorical.from_codes(
        np.where(codes >= 0, lemma.codes[np.maximum(codes, 0)], -1).astype(np.int64),
        categories=lemma.categories)
    out = tokens.copy(deep=False)
    out["norm"] = norm.remove_unused_categories()
    return out
