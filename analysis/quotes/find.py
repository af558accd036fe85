"""quotes_find: every quotation of a corpus with its speaker, one row each."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.dictionaries.actors import ActorDictionary, actors_load, actors_match
from analysis.quotes.attribution import _Article, _Mention
from analysis.quotes.rules import QuoteRules, quotes_rules

__all__ = ["QUOTE_COLUMNS", "quotes_find"]

#: The columns of :func:`quotes_find`, in order.
QUOTE_COLUMNS = ["doc_id", "outlet", "sentence_id", "start", "end", "quote", "kind", "verb",
                 "speaker_text", "actor", "label", "group", "resolved", "words"]


def quotes_find(
    corpus: pd.DataFrame,
    actors: ActorDictionary | str | Path | None = None,
    *,
    rules: QuoteRules | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every quotation in the corpus, one row per quote, with its speaker.

    ``actors`` is an actor dictionary (:func:`analysis.dictionaries.actors_load`, a path, or
    ``None`` for the shipped one); ``rules`` the word lists of :func:`quotes_rules`
    (``None``: the shipped ones); ``mentions`` the table of
    :func:`analysis.dictionaries.actors_match` if it is at hand.

    Returns the columns

    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``: the sentence in which the quote starts (as in
      :func:`analysis.tokens.tokens_sentences`),
    - ``start``, ``end``: character offsets of the quote into the article's ``text``
      (for a direct quote the words between the quotation marks),
    - ``quote``: ``text[start:end]``,
    - ``kind``: ``direct`` (in quotation marks) or ``indirect`` (reported speech; a
      paraphrase that carries words in quotation marks is given as the direct quote of
      those words),
    - ``verb``: the speech verb or cue of the attribution as written ("zei", "aldus",
      "liet nogmaals weten", ":" for "X: „…”"; empty when the quote stands alone),
    - ``speaker_text``: the speaker as written (the noun phrase, or the pronoun),
    - ``actor``, ``label``, ``group``: the speaker's actor, label and group in the
      dictionary (empty when the speaker is no actor, or a pronoun without antecedent),
    - ``resolved``: True when the actor was found through a pronoun or description
      ("zei ze"), or from the quote before (a quote standing alone),
    - ``words``: the quote's words,

    ordered by article and offset. ``attrs["unclosed"]`` lists ``(doc_id, offset)`` of
    quotation marks that were opened and never closed.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [
    ...     "„We zijn niet van plan aan te vallen”, zei Lavrov. Volgens Blinken is "
    ...     "dat niet waar. Hij zei dat er sancties komen."]})
    >>> q = quotes_find(c)
    >>> q[["quote", "kind", "verb", "actor", "resolved"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['We zijn niet van plan aan te vallen', 'direct', 'zei', 'lavrov', False],
     ['is dat niet waar', 'indirect', 'Volgens', 'blinken', False],
     ['er sancties komen', 'indirect', 'zei', 'blinken', True]]
    """
    from analysis.tokens.corpus_tables import tokens_sentences

    book = actors if isinstance(actors, ActorDictionary) else actors_load(actors)
    rules = rules or quotes_rules()
    if mentions is None:
        mentions = actors_match(corpus, book)
    sentences = tokens_sentences(corpus)
    texts = corpus["text"].astype(str).tolist()
    doc_ids = corpus["doc_id"].astype(str).tolist()
    outlets = corpus["outlet"].astype(str).tolist() if "outlet" in corpus.columns else \
        [""] * len(doc_ids)
    sent_by_doc = {d: list(zip(g["sentence_id"].tolist(), g["start"].tolist(),
                               g["end"].tolist(), strict=True))
                   for d, g in sentences.groupby(sentences["doc_id"].astype(str), sort=False)}
    men_by_doc: dict[str, list[_Mention]] = {}
    info = {a: (x.kind, x.gender) for a, x in book.actors.items()}
    for row in mentions.itertuples(index=False):
        actor = str(row.actor)
        kind, gender = info.get(actor, (str(row.kind), None))
        men_by_doc.setdefault(str(row.doc_id), []).append(
            _Mention(int(row.start), int(row.end), actor, kind, gender, int(row.sentence_id)))
    rows = []
    unclosed = []
    from analysis.text.words import tokens_count_words

    for doc, outlet, text in zip(doc_ids, outlets, texts, strict=True):
        article = _Article(text, sent_by_doc.get(doc, []), men_by_doc.get(doc, []), rules)
        unclosed += [(doc, pos) for pos in article.unclosed]
        direct = article.direct()
        found = sorted(direct + article.indirect(direct), key=lambda q: (q.start, q.end))
        for q in found:
            actor = book.actors.get(q.actor)
            quote = text[q.start:q.end]
            rows.append((doc, outlet, article.sentences[q.sentence][0], q.start, q.end, quote,
                         q.kind, q.verb, q.speaker_text, q.actor,
                         actor.label if actor else "", actor.group if actor else "",
                         bool(q.resolved and q.actor), tokens_count_words(quote)))
    table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    table = table.astype({"sentence_id": "int64", "start": "int64", "end": "int64",
                          "words": "int64", "resolved": "bool"})
    table.attrs["unclosed"] = unclosed
    table.attrs["groups"] = list(book.groups)
    table.attrs["group_labels_en"] = dict(book.groups_en)
    return table
