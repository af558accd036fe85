"""A fitted topic model as a file (NumPy ``.npz``, no pickle), and scoring new articles.

:func:`topics_save` writes the topics' word distributions, the vocabulary, the priors and
the settings; :func:`topics_load` reads them back (``allow_pickle=False``: a model file
cannot run code). :func:`topics_apply` gives new articles their topic shares with the
topics held fixed: the shares that make the article's words most probable (the
posterior mode under the model's Dirichlet prior when its alpha is above 1), found by
expectation-maximisation from equal shares (deterministic: the same file and
articles give the same shares). Terms the model does not know are ignored.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.topics.lda import TopicModel
from analysis.topics.vocabulary import TopicsError, terms_keep, terms_unit, word_tokens

__all__ = ["MODEL_FORMAT", "topics_save", "topics_model_bytes", "topics_load", "topics_apply"]

#: The format name written into every model file.
MODEL_FORMAT = "discourse-topics/1"


def topics_model_bytes(model: TopicModel) -> bytes:
    """The bytes of the model file of ``model`` (see :func:`topics_save`)."""
    meta = {"format": MODEL_FORMAT, "topics": list(model.topics), "eta": model.eta,
            "seeds": {k: list(v) for k, v in model.seeds.items()},
            "settings": model.settings}
    arrays = {"phi": model.phi.astype(np.float64), "alpha": model.alpha.astype(np.float64),
              "vocab": np.asarray(model.vocab, dtype=str),
              "stopwords": np.asarray(model.stopwords, dtype=str),
              "meta": np.asarray(json.dumps(meta, sort_keys=True, ensure_ascii=False))}
    # np.savez dates its entries with the clock; a fixed date keeps the bytes the same
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            entry = io.BytesIO()
            np.lib.format.write_array(entry, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entry.getvalue())
    return buffer.getvalue()


def topics_save(model: TopicModel, path: str | Path) -> Path:
    """Write ``model`` to ``path`` (an ``.npz`` file: arrays ``phi``, ``alpha``, ``vocab``,
    ``stopwords`` and a JSON ``meta`` string with the topic names, seeds and settings);
    returns the path."""
    from analysis.io import write_atomic

    return write_atomic(Path(path), topics_model_bytes(model))


def topics_load(path: str | Path) -> TopicModel:
    """The model in ``path`` (written by :func:`topics_save`), without its training articles
    (``theta`` and ``doc_ids`` are empty). Raises :class:`TopicsError` naming the file when it
    is not a topic model file."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            phi, alpha = data["phi"], data["alpha"]
            vocab = tuple(data["vocab"].tolist())
            stopwords = tuple(data["stopwords"].tolist())
    except (OSError, ValueError, KeyError) as exc:
        raise TopicsError(f"{path}: not a topic model file written by `discourse topics` "
                          f"({exc})") from None
    if meta.get("format") != MODEL_FORMAT:
        raise TopicsError(f"{path}: a model file of format {meta.get('format')!r}; this "
                          f"version reads {MODEL_FORMAT!r}")
    return TopicModel(topics=tuple(meta["topics"]), vocab=vocab, phi=phi,
                      theta=np.empty((0, len(meta["topics"]))), doc_ids=(),
                      lengths=np.empty(0, dtype=np.int64), alpha=alpha, eta=float(meta["eta"]),
                      seeds={k: tuple(v) for k, v in meta["seeds"].items()},
                      settings=meta["settings"], stopwords=stopwords)


def _fold_in(counts: np.ndarray, phi: np.ndarray, alpha: np.ndarray, *,
             iterations: int = 200, tol: float = 1e-10) -> np.ndarray:
    """MAP topic shares of one article's term counts with ``phi`` held fixed (EM)."""
    k = phi.shape[0]
    theta = np.full(k, 1.0 / k)
    prior = np.maximum(alpha - 1.0, 0.0)
    for _ in range(iterations):
        mix = theta[:, None] * phi  # k x terms
        resp = mix / mix.sum(axis=0, keepdims=True)
        new = resp @ counts + prior
        new /= new.sum()
        if np.abs(new - theta).max() < tol:
            return new
        theta = new
    return theta


def topics_apply(model: TopicModel, corpus: pd.DataFrame) -> pd.DataFrame:
    """The topic shares of the articles of ``corpus`` under ``model`` (topics held fixed).

    The articles are tokenised as for fitting (words, lower-cased, the model's unit and
    stopwords), the terms the model knows counted, and each article's shares found by EM
    (see the module).
    Returns the columns ``doc_id``, ``topic``, ``share``, ``known_tokens`` (the article's
    tokens the model knows); an article without a known term has no rows and is named in
    ``attrs["without_words"]``.

    >>> import numpy as np, pandas as pd
    >>> m = TopicModel(("war", "trade"), ("oorlog", "tank", "handel", "export"),
    ...                np.array([[.5, .5, 0, 0], [0, 0, .5, .5]]) + 1e-9, np.empty((0, 2)), (),
    ...                np.empty(0), np.array([.1, .1]), .01, settings={"unit": "word"})
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Oorlog en tank."]})
    >>> t = topics_apply(m, c)
    >>> t["topic"].tolist(), t["share"].round(6).tolist()
    (['war', 'trade'], [1.0, 0.0])
    """
    unit = str(model.settings.get("unit", "lemma"))
    tokens = word_tokens(corpus)
    terms = terms_unit(tokens.types, unit)
    known_term = terms_keep(tokens.types, terms, frozenset(model.stopwords))
    code_of = np.where(known_term, pd.Index(model.vocab).get_indexer(terms), -1)
    codes = code_of[tokens.type_code]
    ids = list(tokens.doc_ids)
    doc_of = tokens.doc_code
    known = codes >= 0
    codes, doc_of = codes[known], doc_of[known]
    v = len(model.vocab)
    phi = np.asarray(model.phi, dtype=np.float64)
    rows, without = [], []
    order = np.argsort(doc_of, kind="stable")
    codes, doc_of = codes[order], doc_of[order]
    bounds = np.searchsorted(doc_of, np.arange(len(ids) + 1))
    for i, doc in enumerate(ids):
        mine = codes[bounds[i]:bounds[i + 1]]
        if not len(mine):
            without.append(doc)
            continue
        counts = np.bincount(mine, minlength=v).astype(np.float64)
        used = np.flatnonzero(counts)
        theta = _fold_in(counts[used], phi[:, used], np.asarray(model.alpha))
        rows.extend((doc, name, float(theta[t]), len(mine))
                    for t, name in enumerate(model.topics))
    table = pd.DataFrame(rows, columns=["doc_id", "topic", "share", "known_tokens"])
    table.attrs["without_words"] = without
    return table
