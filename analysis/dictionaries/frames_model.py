"""Frames a trained classifier labels: a frame entry with ``model = "folder"``.

A frame of the dictionary may name a classifier folder written by ``discourse
classify-train`` (:func:`analysis.learn.learn_save`) instead of, or besides, patterns and a
query::

    [frames.conflict]
    label = "Conflict"
    definition = "Disagreement between parties, as coded in our codebook."
    model = "models/conflict"   # relative to the dictionary file's folder
    class = "1"                 # the model's label that is the frame (optional for 0/1)
    level = "sentence"          # or "article" (default: sentence)

``class`` may be left out for a model with two labels of which one is ``1``, ``yes``,
``ja`` or ``true``; any other model needs it. The classifier is loaded (its SHA-256 and
format version checked) when the dictionary is read, so a missing, changed or unknown model
stops the run with the dictionary's file and line.

Each unit the model labels as ``class`` is one match of the frame (``source`` ``model``,
``pattern`` ``model:<folder as written>``):

- ``level = "sentence"``: the sentence (of :func:`analysis.tokens.tokens_sentences`),
  with its ``sentence_id`` and character span;
- ``level = "article"``: one match per article, spanning its text (without the white space
  around it), with ``sentence_id`` 0: the label is the article's, not any one sentence's.

So ``hits`` of :func:`analysis.dictionaries.frames_count` count labelled sentences (or
articles) and ``docs_with_frame`` the articles with at least one; an article-level frame
never shares a sentence with another frame (compare it at ``level="document"``). The
labels are those ``discourse classify`` gives (:func:`analysis.learn.learn_classify`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from analysis.dictionaries.reader import DictionaryFile
    from analysis.learn.classifier import Classifier

__all__ = ["MODEL_KEYS", "MODEL_LEVELS", "POSITIVE_LABELS", "MODEL_SOURCE", "FrameModel",
           "frames_model_read", "frames_model_units"]

#: The keys of a frame entry that belong to a model.
MODEL_KEYS = ("model", "class", "level")
#: What a model labels: each sentence, or each article.
MODEL_LEVELS = ("sentence", "article")
#: The labels that are the frame in a model with two labels, when ``class`` is not given.
POSITIVE_LABELS = ("1", "yes", "ja", "true")
#: The ``source`` of a match a model gave, and the start of its ``pattern``.
MODEL_SOURCE = "model"


@dataclass(frozen=True)
class FrameModel:
    """The classifier of a frame: its folder as written in the dictionary (``path``) and
    as found (``folder``), the label that is the frame (``label``, as the model holds it),
    the ``level`` it labels and the loaded ``classifier``."""

    path: str
    folder: Path
    label: int | str
    level: Literal["sentence", "article"] = "sentence"
    classifier: Classifier | None = field(default=None, repr=False, compare=False)

    @property
    def term(self) -> str:
        """The ``pattern`` of the model's matches: ``model:<folder as written>``."""
        return f"{MODEL_SOURCE}:{self.path}"


def frames_model_read(book: DictionaryFile, spec: dict, *, name: str, head: int | None,
                      section: tuple[int, int]) -> FrameModel | None:
    """The frame's model (None when the entry has no ``model``): the folder found from the
    dictionary's folder, loaded and checked; ``class`` and ``level`` checked against it.
    A mistake raises ``book.error`` with the line of the key."""
    from analysis.learn.errors import LearnError
    from analysis.learn.store import learn_load

    def fail(key: str, message: str, hint: str = ""):
        return book.error(book.path, message, line=book.key_line(key, *section) or head,
                          frame=name, hint=hint)

    if "model" not in spec:
        for key in ("class", "level"):
            if key in spec:
                raise fail(key, f"{key} is read only with model = \"FOLDER\".",
                           "Give the classifier's folder as model, or delete the key.")
        return None
    written = spec["model"]
    if not isinstance(written, str) or not written.strip():
        raise fail("model", "model must be the path of a classifier folder in quotes.",
                   'E.g. model = "models/conflict".')
    written = written.strip()
    level = spec.get("level", "sentence")
    if level not in MODEL_LEVELS:
        raise fail("level", f"level must be \"sentence\" or \"article\", not {level!r}.")
    folder = (Path(book.path).resolve().parent / Path(written).expanduser()).resolve()
    if not folder.is_dir():
        raise fail("model", f"the model folder {written!r} does not exist ({folder}).",
                   "Train a classifier with `discourse classify-train CODES ... -o FOLDER`; "
                   "a relative path is read from the dictionary file's folder.")
    try:
        classifier = learn_load(folder)
    except LearnError as exc:
        raise fail("model", f"the model {written!r} cannot be used: {exc}.") from None
    label = _label(classifier.labels, spec.get("class"), fail=fail, written=written)
    return FrameModel(written, folder, label, level, classifier)


def _label(labels, wanted, *, fail, written: str):
    """The model's label that is the frame: ``class`` as given, else the positive label of
    a model with two labels."""
    shown = ", ".join(str(v) for v in labels)
    if wanted is None:
        positive = [v for v in labels if str(v).strip().lower() in POSITIVE_LABELS]
        if len(labels) == 2 and len(positive) == 1:
            return positive[0]
        raise fail("model", f"the model {written!r} has the labels {shown}: say which one "
                   "is the frame.", 'Add class = "LABEL" with one of them.')
    if isinstance(wanted, bool) or not isinstance(wanted, str | int):
        raise fail("class", f"class must be one of the model's labels in quotes, not "
                   f"{wanted!r}.", f"The model {written!r} has the labels {shown}.")
    found = [v for v in labels if str(v) == str(wanted).strip()]
    if not found:
        raise fail("class", f"class {str(wanted)!r} is not a label of the model {written!r}.",
                   f"Its labels are {shown}: give one of them.")
    return found[0]


def frames_model_units(corpus: pd.DataFrame, model: FrameModel) -> pd.DataFrame:
    """The units of ``corpus`` the model labels as the frame, in corpus order: ``doc``
    (the article's row in ``corpus``), ``sentence_id`` (0 for an article) and ``start``,
    ``end`` (character offsets into the article's normalised text). An article without
    text holds no unit.

    >>> from analysis.learn import learn_fit
    >>> c = learn_fit(["oorlog", "markt", "de oorlog", "de markt"], [1, 0, 1, 0],
    ...               features={"word": {"ngram_range": [1, 1]}})
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                        "text": ["De markt. De oorlog."]})
    >>> model = FrameModel("models/c", Path("models/c"), 1, classifier=c)
    >>> model.term, frames_model_units(corpus, model).values.tolist()
    ('model:models/c', [[0, 2, 10, 20]])
    """
    from analysis.learn.corpus import learn_classify
    from analysis.text.words import text_normalise
    from analysis.tokens import tokens_sentences

    doc_index = pd.Index(corpus["doc_id"].astype(str))
    labels = learn_classify(corpus, model.classifier, level=model.level)
    chosen = labels["label"].astype(str).to_numpy() == str(model.label)
    if model.level == "sentence":
        spans = tokens_sentences(corpus)[["doc_id", "sentence_id", "start", "end"]]
        spans = spans.assign(doc_id=spans["doc_id"].astype(str))
        units = labels.loc[chosen, ["doc_id", "sentence_id"]].merge(
            spans, on=["doc_id", "sentence_id"], how="left", validate="one_to_one")
        doc = doc_index.get_indexer(units["doc_id"])
        sentence = units["sentence_id"].to_numpy(np.int64)
        start = units["start"].to_numpy(np.int64)
        end = units["end"].to_numpy(np.int64)
    else:
        texts = [text_normalise(t) for t in corpus["text"].fillna("").astype(str).tolist()]
        doc = np.flatnonzero(chosen)
        start = np.array([len(texts[d]) - len(texts[d].lstrip()) for d in doc.tolist()],
                         dtype=np.int64)
        end = np.array([len(texts[d].rstrip()) for d in doc.tolist()], dtype=np.int64)
        sentence = np.zeros(len(doc), dtype=np.int64)
        keep = end > start
        doc, start, end, sentence = doc[keep], start[keep], end[keep], sentence[keep]
    return pd.DataFrame({"doc": np.asarray(doc, dtype=np.int64), "sentence_id": sentence,
                         "start": start, "end": end})
