"""Frames from indicator questions, as in the generic-frame codebooks (Semetko & Valkenburg
2000; Burscher et al. 2014): a frame is a rule over yes/no questions
(``conflict = any(q1, q2, q3)``), learnt on the frame directly or question by question,
the answers then combined by the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.learn.classifier import LearnError, _fit, learn_settings
from analysis.learn.training import learn_check, learn_folds, learn_metrics

__all__ = ["FrameRule", "learn_rule_parse", "learn_rule_apply", "learn_yes_no",
           "learn_questions"]

_RULE = re.compile(r"^\s*(?:(?P<name>[\w-]+)\s*=\s*)?(?P<op>any|all)\s*\((?P<args>[^()]*)\)\s*$")
_YES = {"1", "yes", "ja", "true", "y", "j"}
_NO = {"0", "no", "nee", "false", "n"}


@dataclass(frozen=True)
class FrameRule:
    """A frame as ``any`` or ``all`` of yes/no questions (columns)."""

    name: str
    op: Literal["any", "all"]
    questions: tuple[str, ...]


def learn_rule_parse(rule: str) -> FrameRule:
    """A rule ``name = any(q1, q2, ...)`` or ``all(...)`` (the name is optional).

    >>> learn_rule_parse("conflict = any(q1, q2, q3)")
    FrameRule(name='conflict', op='any', questions=('q1', 'q2', 'q3'))
    """
    m = _RULE.match(rule)
    questions = tuple(q.strip() for q in m["args"].split(",") if q.strip()) if m else ()
    if not m or not questions:
        raise LearnError(f"rule {rule!r}: write it as 'frame = any(q1, q2, q3)' or "
                         "'frame = all(q1, q2)' with the question columns in the brackets")
    return FrameRule(m["name"] or "frame", m["op"], questions)


def learn_yes_no(values: Sequence, *, what: str = "the answers") -> np.ndarray:
    """Yes/no answers (1/0, yes/no, ja/nee, true/false) as 0/1.

    >>> learn_yes_no(["ja", "0", "Yes"]).tolist()
    [1, 0, 1]
    """
    out = []
    for k, v in enumerate(values):
        text = str(v).strip().lower()
        if text.endswith(".0"):
            text = text[:-2]
        if text in _YES:
            out.append(1)
        elif text in _NO:
            out.append(0)
        else:
            raise LearnError(f"{what}, row {k + 1}: {v!r} is not a yes/no answer (1/0, "
                             "yes/no, ja/nee, true/false)")
    return np.asarray(out, dtype=np.int64)


def learn_rule_apply(answers: pd.DataFrame, rule: FrameRule | str) -> np.ndarray:
    """The frame (0/1) of each row from its answers to the rule's questions.

    >>> t = pd.DataFrame({"q1": [1, 0, 0], "q2": [0, 0, 1]})
    >>> learn_rule_apply(t, "any(q1, q2)").tolist()
    [1, 0, 1]
    """
    rule = learn_rule_parse(rule) if isinstance(rule, str) else rule
    missing = [q for q in rule.questions if q not in answers.columns]
    if missing:
        raise LearnError(f"no column {', '.join(map(repr, missing))} for the rule of "
                         f"{rule.name!r}; the columns are {', '.join(map(repr, answers.columns))}")
    matrix = np.column_stack([learn_yes_no(answers[q].tolist(), what=f"column {q!r}")
                              for q in rule.questions])
    return (matrix.any(axis=1) if rule.op == "any" else matrix.all(axis=1)).astype(np.int64)


def learn_questions(texts: Sequence[str], answers: pd.DataFrame, rule: FrameRule | str, *,
                    model: Literal["logreg", "svm", "nb"] = "logreg", folds: int = 5,
                    seed: int = 0, features: dict | None = None,
                    model_settings: dict | None = None, source: str | None = None) -> dict:
    """Compare two ways to learn a frame defined by ``rule`` on the same stratified folds:
    ``direct`` (one classifier on the frame, 0/1) and ``questions`` (one classifier per
    question, its predicted answers combined by the rule). A question answered the same
    way in every code of a training fold is predicted as that answer.

    Returns a dict (JSON-ready): ``rule``, ``n``, ``frame_share`` (the share of texts with
    the frame), ``direct`` and ``questions`` (``accuracy``, ``macro_f1``, ``alpha``
    nominal, ``per_class``, on the out-of-fold frame predictions), and ``per_question``
    (the same for each question's own out-of-fold answers).

    >>> places = ["school", "zorg", "bank", "weg"]
    >>> texts = [f"{w} {p}" for w in ("ruzie over", "kosten van", "nieuws over", "verhaal van")
    ...          for p in places]
    >>> answers = pd.DataFrame({"q1": [1] * 4 + [0] * 12, "q2": [0] * 4 + [1] * 4 + [0] * 8})
    >>> r = learn_questions(texts, answers, "conflict = any(q1, q2)", folds=2,
    ...                     features={"word": {"ngram_range": [1, 1]}})
    >>> r["frame_share"], r["direct"]["accuracy"], r["questions"]["accuracy"]
    (0.5, 1.0, 1.0)
    """
    rule = learn_rule_parse(rule) if isinstance(rule, str) else rule
    frame = learn_rule_apply(answers, rule)
    labels, y = learn_check(texts, frame, folds=folds, source=source)
    texts = [str(t) for t in texts]
    settings = learn_settings(model=model, features=features, model_settings=model_settings,
                              seed=seed)
    fold = learn_folds(y, folds=folds, seed=seed)
    direct = np.zeros(len(y), dtype=np.int64)
    answered = {q: np.zeros(len(y), dtype=np.int64) for q in rule.questions}
    codes = {q: learn_yes_no(answers[q].tolist(), what=f"column {q!r}") for q in rule.questions}
    for k in range(1, folds + 1):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        train_texts = [texts[i] for i in train]
        test_texts = [texts[i] for i in test]
        clf = _fit(train_texts, y[train], labels, settings)
        direct[test] = np.asarray(labels)[np.argmax(clf.predict_proba(test_texts), axis=1)]
        for q in rule.questions:
            seen = np.unique(codes[q][train])
            if seen.size < 2:
                answered[q][test] = seen[0]
                continue
            qclf = _fit(train_texts, codes[q][train], (0, 1), settings)
            answered[q][test] = np.argmax(qclf.predict_proba(test_texts), axis=1)
    matrix = np.column_stack([answered[q] for q in rule.questions])
    combined = (matrix.any(axis=1) if rule.op == "any" else matrix.all(axis=1)).astype(int)
    gold = np.asarray(labels)[y]

    def summary(gold_values, predicted):
        m = learn_metrics(list(gold_values), list(predicted))
        return {key: m[key] for key in ("n", "accuracy", "macro_f1", "alpha", "per_class")}

    return {"rule": f"{rule.name} = {rule.op}({', '.join(rule.questions)})",
            "n": int(len(y)), "frame_share": float(frame.mean()),
            "folds": folds, "seed": seed, "settings": settings,
            "direct": summary(gold.tolist(), direct.tolist()),
            "questions": summary(gold.tolist(), combined.tolist()),
            "per_question": {q: summary(codes[q].tolist(), answered[q].tolist())
                             for q in rule.questions}}
