"""The registry of classifiers: ``logreg`` (logistic regression), ``svm`` (linear support
vector machine with probabilities from a logistic calibration on cross-validated decision
values) and ``nb`` (multinomial naive Bayes), all scikit-learn.

Each model has ``fit(X, y)`` (``y``: class numbers 0..k-1) and ``predict_proba(X)``, and
its fitted state is a few plain arrays (``arrays()``, ``from_arrays``). The probabilities
are computed from those arrays (softmax or logistic of a linear score), the same way after
fitting and after loading, so a saved model gives the same floats, bit for bit.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

__all__ = ["MODELS", "ModelName", "MODEL_DEFAULTS", "learn_model"]

ModelName = Literal["logreg", "svm", "nb"]

#: The settings of each model (scikit-learn's parameters), used unless others are given.
MODEL_DEFAULTS: dict[str, dict] = {
    "logreg": {"C": 3.0, "class_weight": "balanced", "max_iter": 5000},
    "svm": {"C": 0.3, "class_weight": "balanced", "max_iter": 10000},
    "nb": {"alpha": 0.1},
}


def _linear_proba(scores: np.ndarray) -> np.ndarray:
    """Class probabilities from linear scores: logistic for one column (two classes),
    softmax otherwise."""
    from scipy.special import expit, softmax

    if scores.shape[1] == 1:
        p = expit(scores[:, 0])
        return np.column_stack([1.0 - p, p])
    return softmax(scores, axis=1)


def _scores(X, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``X @ coef.T + intercept``, each row's result independent of the other rows (a
    text scores the same alone or in a batch, bit for bit): sparse rows through scipy's
    row-wise product, dense rows (a few columns) as a broadcast sum, not BLAS, whose
    rounding depends on the shape of the batch."""
    from scipy import sparse

    if sparse.issparse(X):
        return np.asarray(X @ coef.T) + intercept
    X = np.asarray(X, dtype=np.float64)
    return (X[:, None, :] * coef[None, :, :]).sum(axis=2) + intercept


class _Model:
    """What the models share: ``settings`` (scikit-learn's parameters) and ``seed`` (of the
    model's random choices); each model adds its ``name``, ``fit``, ``predict_proba``,
    ``arrays`` and ``load_arrays``."""

    name: str

    def __init__(self, settings: dict, seed: int = 0):
        self.settings = settings
        self.seed = seed


class LogisticModel(_Model):
    """scikit-learn's ``LogisticRegression`` (multinomial for more than two classes)."""

    name = "logreg"

    def fit(self, X, y: np.ndarray) -> LogisticModel:
        from sklearn.linear_model import LogisticRegression

        fitted = LogisticRegression(random_state=self.seed, **self.settings).fit(X, y)
        self.coef_ = np.asarray(fitted.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(fitted.intercept_, dtype=np.float64)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return _linear_proba(_scores(X, self.coef_, self.intercept_))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"coef": self.coef_, "intercept": self.intercept_}

    def load_arrays(self, arrays: dict[str, np.ndarray]) -> None:
        self.coef_, self.intercept_ = arrays["coef"], arrays["intercept"]


class SVMModel(_Model):
    """scikit-learn's ``LinearSVC``; its decision values become probabilities through a
    logistic regression fitted on decision values the SVM gave to texts it was not trained
    on (an inner stratified 3-fold split, Platt's method; fewer folds when a class has
    fewer than 3 codes)."""

    name = "svm"

    def _svc(self):
        from sklearn.svm import LinearSVC

        return LinearSVC(random_state=self.seed, **self.settings)

    def fit(self, X, y: np.ndarray) -> SVMModel:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        svc = self._svc().fit(X, y)
        smallest = int(np.bincount(y).min())
        if smallest >= 2:
            inner = StratifiedKFold(n_splits=min(3, smallest), shuffle=True,
                                    random_state=self.seed)
            decision = cross_val_predict(self._svc(), X, y, cv=inner,
                                         method="decision_function")
        else:
            decision = svc.decision_function(X)
        decision = np.asarray(decision, dtype=np.float64).reshape(len(y), -1)
        calibration = LogisticRegression(max_iter=5000, random_state=self.seed)
        calibration.fit(decision, y)
        self.coef_ = np.asarray(svc.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(svc.intercept_, dtype=np.float64)
        self.cal_coef_ = np.asarray(calibration.coef_, dtype=np.float64)
        self.cal_intercept_ = np.asarray(calibration.intercept_, dtype=np.float64)
        return self

    def predict_proba(self, X) -> np.ndarray:
        decision = _scores(X, self.coef_, self.intercept_)
        return _linear_proba(_scores(decision, self.cal_coef_, self.cal_intercept_))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"coef": self.coef_, "intercept": self.intercept_,
                "cal_coef": self.cal_coef_, "cal_intercept": self.cal_intercept_}

    def load_arrays(self, arrays: dict[str, np.ndarray]) -> None:
        self.coef_, self.intercept_ = arrays["coef"], arrays["intercept"]
        self.cal_coef_, self.cal_intercept_ = arrays["cal_coef"], arrays["cal_intercept"]


class NaiveBayesModel(_Model):
    """scikit-learn's ``MultinomialNB`` on the TF-IDF features."""

    name = "nb"

    def fit(self, X, y: np.ndarray) -> NaiveBayesModel:
        from sklearn.naive_bayes import MultinomialNB

        fitted = MultinomialNB(**self.settings).fit(X, y)
        self.feature_log_prob_ = np.asarray(fitted.feature_log_prob_, dtype=np.float64)
        self.class_log_prior_ = np.asarray(fitted.class_log_prior_, dtype=np.float64)
        return self

    def predict_proba(self, X) -> np.ndarray:
        from scipy.special import softmax

        return softmax(_scores(X, self.feature_log_prob_, self.class_log_prior_), axis=1)

    def arrays(self) -> dict[str, np.ndarray]:
        return {"feature_log_prob": self.feature_log_prob_,
                "class_log_prior": self.class_log_prior_}

    def load_arrays(self, arrays: dict[str, np.ndarray]) -> None:
        self.feature_log_prob_ = arrays["feature_log_prob"]
        self.class_log_prior_ = arrays["class_log_prior"]


#: The models by name.
MODELS = {"logreg": LogisticModel, "svm": SVMModel, "nb": NaiveBayesModel}


def learn_model(name: str, settings: dict | None = None, *, seed: int = 0):
    """A new, unfitted model of the registry (``settings`` replace the defaults of
    :data:`MODEL_DEFAULTS` key by key).

    >>> learn_model("nb").settings
    {'alpha': 0.1}
    """
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(MODELS)}")
    return MODELS[name]({**MODEL_DEFAULTS[name], **(settings or {})}, seed=seed)
