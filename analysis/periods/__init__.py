"""Time and its uncertainty, for every analysis by period: dates binned into periods
(:mod:`.binning`) and the cluster bootstrap over articles (:mod:`.bootstrap`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".binning": ["PERIODS", "Period", "PeriodCells", "PeriodWarning", "periods_check",
        "periods_start", "periods_range", "periods_assign", "periods_by", "periods_choose"],
    ".bootstrap": ["BOOTSTRAP_SEED", "bootstrap_ratio"],
})
