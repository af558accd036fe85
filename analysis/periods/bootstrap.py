"""The cluster bootstrap: intervals for rates and means when articles are the sampled unit.

A rate such as "frame matches per 1,000 words" or "mean sentence tone" of a group of
articles is a ratio of two sums over its articles (matches over words, summed tone over
sentences). Sentences and words of one article are not independent draws, so the interval
resamples whole articles: each resample draws the group's articles with replacement and
takes the ratio of the resampled sums. This is scipy's ``scipy.stats.bootstrap`` on the
articles' totals (``paired=True``, percentile method), with a NumPy ``Generator`` seeded
with ``seed``, so an interval repeats exactly.
"""

from __future__ import annotations

import numpy as np

__all__ = ["BOOTSTRAP_SEED", "bootstrap_ratio"]

#: The default seed of every bootstrap in the toolkit.
BOOTSTRAP_SEED = 20220110


def _ratio(numerator, denominator, axis=-1):
    with np.errstate(divide="ignore", invalid="ignore"):
        return numerator.sum(axis=axis) / denominator.sum(axis=axis)


def bootstrap_ratio(
    numerator,
    denominator,
    *,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float]:
    """Percentile cluster-bootstrap interval of ``sum(numerator) / sum(denominator)``.

    ``numerator`` and ``denominator`` hold one total per cluster (article): e.g. its frame
    matches and its words, or its summed sentence tone and its sentences. The clusters are
    resampled with replacement ``n_boot`` times. Returns ``(low, high)``; ``(nan, nan)``
    for fewer than two clusters, and the ratio itself twice when every cluster has the same
    ratio (no resample can differ).

    >>> low, high = bootstrap_ratio([2, 0, 1, 5], [100, 80, 120, 90], n_boot=500)
    >>> bool(low < 8 / 390 < high)
    True
    >>> bootstrap_ratio([3], [100])
    (nan, nan)
    """
    from scipy.stats import bootstrap

    num = np.asarray(numerator, dtype=np.float64)
    den = np.asarray(denominator, dtype=np.float64)
    if num.shape != den.shape or num.ndim != 1:
        raise ValueError("numerator and denominator must be two lists of equal length, one "
                         "total per article")
    if len(num) < 2:
        return np.nan, np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = num / den
    if np.all(ratios == ratios[0]):
        return float(ratios[0]), float(ratios[0])
    res = bootstrap((num, den), _ratio, paired=True, vectorized=True, n_resamples=n_boot,
                    method="percentile", confidence_level=confidence,
                    rng=np.random.default_rng(seed), batch=max(1, 2_000_000 // len(num)))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)
