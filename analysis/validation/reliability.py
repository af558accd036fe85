"""Intercoder reliability: Krippendorff's alpha for any number of coders, missing values and
the four levels of measurement, with a bootstrap interval, percent agreement, alpha per pair
of coders and the units the coders disagree on most.

Alpha itself is computed by the ``krippendorff`` package (Castro 2017). With the
coincidences ``o_ck`` of the pairable values (every ordered pair of values two coders gave
one unit, weighted ``1 / (m_u - 1)`` for a unit with ``m_u`` values), ``n_c = sum_k o_ck``
and ``n = sum_c n_c`` (Krippendorff 2011):

    alpha = 1 - D_o / D_e,   D_o = sum o_ck delta_ck / n,
    D_e = sum n_c n_k delta_ck / (n (n - 1))

with ``delta_ck`` the nominal (0 when equal, else 1), ordinal (``(sum_{g=c..k} n_g -
(n_c + n_k) / 2) ** 2``, ranks by ``order``), interval (``(c - k) ** 2``) or ratio
(``((c - k) / (c + k)) ** 2``) difference. A unit with one value is not pairable: it is
counted (``units_single``) and listed, never used.

The interval follows Hayes & Krippendorff (2007): D_e is held fixed, the pairs of values are
resampled with replacement (as many as there are), each pair adding
``2 delta / ((m_u - 1) n)`` to D_o, and the percentiles of ``1 - D_o* / D_e`` over
``n_boot`` resamples are the interval's ends (values below -1 are set to -1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd

from analysis.periods.bootstrap import BOOTSTRAP_SEED

__all__ = ["Level", "LEVELS", "ReliabilityData", "reliability_data", "reliability_alpha",
           "reliability_pairwise", "reliability_units", "reliability_interval"]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")


@dataclass
class ReliabilityData:
    """The codes of one variable as a coders x units matrix (NaN where a coder gave no
    value), the names of its coders and units, the labels behind the numbers (``labels[i]``
    is coded as ``i`` when the values are labels) and the line of each value in the file it
    came from (``lines``, ``(coder, unit) -> line``)."""

    variable: str
    matrix: np.ndarray
    coders: list[str]
    units: list[str]
    labels: list[str] | None = None
    lines: dict = field(default_factory=dict)
    source: str = "the codes"

    def value_text(self, value: float) -> str:
        if np.isnan(value):
            return ""
        if self.labels is not None:
            return self.labels[int(value)]
        return f"{value:g}"


def _is_missing(value, missing: set[str]) -> bool:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return True
    text = str(value).strip()
    return text == "" or text in missing


def _numbers(cells: list[tuple[str, str, object, int]], *, variable: str, source: str,
             order: Sequence[str] | None, level: str):
    """Map the values to numbers: by ``order`` (labels, ranks 0..k-1), as numbers, or (for
    nominal data that are not numbers) as labels in order of appearance."""
    texts = [str(v).strip() for _, _, v, _ in cells]
    if order is not None:
        order = [str(o).strip() for o in order]
        rank = {label: i for i, label in enumerate(order)}
        for (_, _, value, line), text in zip(cells, texts, strict=True):
            if text not in rank:
                raise ValueError(f"{source}, line {line}, column {variable!r}: value "
                                 f"{value!r} is not in --order ({', '.join(order)}); add it "
                                 "there, or give it as missing with --missing")
        return [float(rank[t]) for t in texts], order
    try:
        return [float(t) for t in texts], None
    except ValueError:
        pass
    if level != "nominal":
        for (_, _, value, line), text in zip(cells, texts, strict=True):
            try:
                float(text)
            except ValueError:
                raise ValueError(
                    f"{source}, line {line}, column {variable!r}: value {value!r} is not a "
                    f"number; {level} data with labels need their order (--order "
                    "\"low,middle,high\"), or give it as missing with --missing") from None
    labels = list(dict.fromkeys(texts))
    rank = {label: i for i, label in enumerate(labels)}
    return [float(rank[t]) for t in texts], labels


def reliability_data(
    codes: pd.DataFrame,
    *,
    unit_column: str,
    coder_column: str | None = None,
    value_column: str | None = None,
    coder_columns: Sequence[str] | None = None,
    level: Level = "nominal",
    order: Sequence[str] | None = None,
    missing: Sequence[str] = (),
    source: str = "the codes",
    first_line: int = 2,
) -> ReliabilityData:
    """The reliability matrix of one variable from a table of codes.

    Long data: one row per unit and coder, ``unit_column``, ``coder_column`` and the
    ``value_column``. Wide data: one row per unit, one column per coder
    (``coder_columns``). Empty cells and the values in ``missing`` (e.g. ``["99", "weet
    niet"]``) are missing. Labels take their numbers from ``order`` (required for labels
    that are not nominal). ``first_line`` is the file line of the first row (2 below a
    header) for messages.

    Raises ``ValueError`` naming the source, line and column for a missing column, fewer
    than two coders, a coder who codes one unit twice with different values, or a value
    outside ``order``.

    >>> t = pd.DataFrame({"unit": ["u1", "u1", "u2", "u2"], "coder": ["A", "B", "A", "B"],
    ...                   "frame": ["1", "1", "0", ""]})
    >>> d = reliability_data(t, unit_column="unit", coder_column="coder",
    ...                      value_column="frame")
    >>> d.coders, d.units, d.matrix.tolist()
    (['A', 'B'], ['u1', 'u2'], [[1.0, 0.0], [1.0, nan]])
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    wide = coder_columns is not None
    if wide == (coder_column is not None or value_column is not None):
        raise ValueError("give either coder_column and value_column (long data) or "
                         "coder_columns (wide data)")
    needed = [unit_column] + (list(coder_columns) if wide else [coder_column, value_column])
    absent = [c for c in needed if c not in codes.columns]
    if absent:
        raise ValueError(f"{source}: no column {absent[0]!r}; its columns are "
                         f"{', '.join(map(str, codes.columns))}")
    if len(codes) == 0:
        raise ValueError(f"{source}: no rows of codes")
    skip = {str(m).strip() for m in missing}
    cells: list[tuple[str, str, object, int]] = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    variable = "codes" if wide else str(value_column)
    coders_all: list[str] = []
    units_all: list[str] = []
    for i, row in enumerate(codes.to_dict("records")):
        line = first_line + i
        unit = str(row[unit_column]).strip()
        if _is_missing(row[unit_column], set()):
            raise ValueError(f"{source}, line {line}, column {unit_column!r}: no unit id")
        units_all.append(unit)
        pairs = [(c, row[c]) for c in coder_columns] if wide else \
            [(str(row[coder_column]).strip(), row[value_column])]
        for coder, value in pairs:
            coder = str(coder)
            coders_all.append(coder)
            if _is_missing(value, skip):
                continue
            text = str(value).strip()
            key = (coder, unit)
            if key in seen:
                before, before_line = seen[key]
                if before != text:
                    raise ValueError(
                        f"{source}, line {line}, column {variable if not wide else coder!r}: "
                        f"coder {coder!r} coded unit {unit!r} also on line {before_line} "
                        f"with another value ({before!r}, here {text!r}); keep one")
                continue
            seen[key] = (text, line)
            cells.append((coder, unit, value, line))
    coders = list(dict.fromkeys(coders_all))
    units = list(dict.fromkeys(units_all))
    if len(coders) < 2:
        column = coder_column if not wide else ", ".join(coder_columns)
        raise ValueError(f"{source}, column {column!r}: one coder only ({coders[0]!r}); "
                         "reliability needs the codes of two or more coders of the same units")
    numbers, labels = _numbers(cells, variable=variable, source=source, order=order,
                               level=level)
    matrix = np.full((len(coders), len(units)), np.nan)
    ci = {c: i for i, c in enumerate(coders)}
    ui = {u: i for i, u in enumerate(units)}
    lines = {}
    for (coder, unit, _, line), number in zip(cells, numbers, strict=True):
        matrix[ci[coder], ui[unit]] = number
        lines[(coder, unit)] = line
    if level == "ratio" and np.nanmin(matrix) < 0:
        raise ValueError(f"{source}, column {variable!r}: ratio data cannot be negative; "
                         "use --level interval")
    return ReliabilityData(variable, matrix, coders, units, labels, lines, source)


def _domain(data: ReliabilityData) -> np.ndarray:
    if data.labels is not None:
        return np.arange(len(data.labels), dtype=float)
    return np.unique(data.matrix[~np.isnan(data.matrix)])


def _pairable(matrix: np.ndarray) -> np.ndarray:
    return (~np.isnan(matrix)).sum(axis=0) >= 2


def _alpha(matrix: np.ndarray, domain: np.ndarray, level: str) -> float:
    import krippendorff

    kept = matrix[:, _pairable(matrix)]
    values = np.unique(kept[~np.isnan(kept)])
    if kept.shape[1] == 0 or len(values) < 2:
        return np.nan  # no pairable values, or one value only: no variation to compare
    return float(krippendorff.alpha(reliability_data=kept, value_domain=domain,
                                    level_of_measurement=level))


def _delta(domain: np.ndarray, frequencies: np.ndarray, level: str) -> np.ndarray:
    """The squared differences between the values of ``domain`` (Krippendorff 2011)."""
    c = domain[:, None]
    k = domain[None, :]
    if level == "nominal":
        return (c != k).astype(float)
    if level == "interval":
        return (c - k) ** 2
    if level == "ratio":
        with np.errstate(divide="ignore", invalid="ignore"):
            d = ((c - k) / (c + k)) ** 2
        return np.nan_to_num(d)
    cumulative = np.concatenate([[0.0], np.cumsum(frequencies)])
    i = np.arange(len(domain))
    lo = np.minimum(i[:, None], i[None, :])
    hi = np.maximum(i[:, None], i[None, :])
    between = cumulative[hi + 1] - cumulative[lo]
    return (between - (frequencies[:, None] + frequencies[None, :]) / 2) ** 2


def _pairs(matrix: np.ndarray, domain: np.ndarray):
    """Every unordered pair of values within a pairable unit: value indices into ``domain``,
    the unit's column and its number of values."""
    index = {v: i for i, v in enumerate(domain.tolist())}
    a, b, unit, m = [], [], [], []
    for u in np.flatnonzero(_pairable(matrix)):
        values = [index[v] for v in matrix[:, u][~np.isnan(matrix[:, u])].tolist()]
        for x, y in combinations(values, 2):
            a.append(x)
            b.append(y)
            unit.append(u)
            m.append(len(values))
    return (np.array(a, dtype=np.int64), np.array(b, dtype=np.int64),
            np.array(unit, dtype=np.int64), np.array(m, dtype=float))


def _frequencies(matrix: np.ndarray, domain: np.ndarray) -> np.ndarray:
    kept = matrix[:, _pairable(matrix)]
    values = kept[~np.isnan(kept)]
    return np.array([(values == v).sum() for v in domain], dtype=float)


def reliability_interval(data: ReliabilityData, *, level: Level = "nominal",
                         n_boot: int = 2000, confidence: float = 0.95,
                         seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """The bootstrap interval of alpha by Hayes & Krippendorff (2007) (see the module):
    ``(low, high)``, NaN when alpha is undefined or ``n_boot`` is 0.

    >>> t = pd.DataFrame({"u": list("abcdefgh"), "A": [1, 1, 0, 0, 1, 0, 1, 0],
    ...                   "B": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> low, high = reliability_interval(reliability_data(t, unit_column="u",
    ...                                  coder_columns=["A", "B"]), n_boot=500)
    >>> bool(-1 <= low < 0.75 < high <= 1)
    True
    """
    domain = _domain(data)
    frequencies = _frequencies(data.matrix, domain)
    n = frequencies.sum()
    if not n_boot or n < 2 or (frequencies > 0).sum() < 2:
        return np.nan, np.nan
    delta = _delta(domain, frequencies, level)
    expected = float(frequencies @ delta @ frequencies) / (n * (n - 1))
    a, b, _, m = _pairs(data.matrix, domain)
    contribution = 2 * delta[a, b] / ((m - 1) * n)
    draws = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
    alphas = np.maximum(1 - contribution[draws].sum(axis=1) / expected, -1.0)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(alphas, [tail, 100 - tail])
    return float(low), float(high)


def _agreement(matrix: np.ndarray) -> float:
    agree = total = 0
    for u in np.flatnonzero(_pairable(matrix)):
        values = matrix[:, u][~np.isnan(matrix[:, u])]
        for x, y in combinations(values.tolist(), 2):
            total += 1
            agree += x == y
    return agree / total if total else np.nan


def reliability_alpha(data: ReliabilityData | Sequence[ReliabilityData], *,
                      level: Level = "nominal", n_boot: int = 2000,
                      confidence: float = 0.95, seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Krippendorff's alpha of one or more variables (:func:`reliability_data`), one row
    each:

    - ``variable``, ``level``,
    - ``alpha`` (the ``krippendorff`` package), ``alpha_low``, ``alpha_high`` (the
      bootstrap interval of :func:`reliability_interval`),
    - ``units`` (units with two or more values: the units alpha counts), ``units_single``
      (units only one coder coded: not pairable, left out of alpha), ``coders``,
      ``values`` (the pairable values, n),
    - ``agreement``: percent agreement, the share of pairs of values within a unit that are
      equal (over all pairs of coders).

    >>> t = pd.DataFrame({"u": ["a", "b", "c", "d"], "A": [1, 0, 1, 0], "B": [1, 0, 1, 1]})
    >>> r = reliability_alpha(reliability_data(t, unit_column="u", coder_columns=["A", "B"]),
    ...                       n_boot=0)
    >>> r[["alpha", "units", "coders", "agreement"]].round(4).values.tolist()
    [[0.5333, 4.0, 2.0, 0.75]]
    """
    items = [data] if isinstance(data, ReliabilityData) else list(data)
    rows = []
    for item in items:
        domain = _domain(item)
        pairable = _pairable(item.matrix)
        low, high = reliability_interval(item, level=level, n_boot=n_boot,
                                         confidence=confidence, seed=seed)
        rows.append({
            "variable": item.variable, "level": level,
            "alpha": _alpha(item.matrix, domain, level), "alpha_low": low, "alpha_high": high,
            "units": int(pairable.sum()),
            "units_single": int(((~np.isnan(item.matrix)).sum(axis=0) == 1).sum()),
            "coders": len(item.coders),
            "values": int((~np.isnan(item.matrix[:, pairable])).sum()),
            "agreement": _agreement(item.matrix),
        })
    return pd.DataFrame(rows, columns=["variable", "level", "alpha", "alpha_low",
                                       "alpha_high", "units", "units_single", "coders",
                                       "values", "agreement"])


def reliability_pairwise(data: ReliabilityData, *, level: Level = "nominal") -> pd.DataFrame:
    """Alpha for every pair of coders, on the units both coded: ``variable``, ``coder_a``,
    ``coder_b``, ``units`` (coded by both), ``alpha`` and ``agreement`` (their share of
    equal values). A pair with no unit in common has NaN.

    >>> t = pd.DataFrame({"u": list("abcd"), "A": [1, 0, 1, 0], "B": [1, 0, 1, 1],
    ...                   "C": [1, 0, 1, 0]})
    >>> p = reliability_pairwise(reliability_data(t, unit_column="u",
    ...                                           coder_columns=["A", "B", "C"]))
    >>> p[["coder_a", "coder_b", "alpha"]].round(4).values.tolist()
    [['A', 'B', 0.5333], ['A', 'C', 1.0], ['B', 'C', 0.5333]]
    """
    domain = _domain(data)
    rows = []
    for i, j in combinations(range(len(data.coders)), 2):
        two = data.matrix[[i, j], :]
        both = _pairable(two)
        rows.append({"variable": data.variable, "coder_a": data.coders[i],
                     "coder_b": data.coders[j], "units": int(both.sum()),
                     "alpha": _alpha(two, domain, level) if both.any() else np.nan,
                     "agreement": float((two[0, both] == two[1, both]).mean())
                     if both.any() else np.nan})
    return pd.DataFrame(rows, columns=["variable", "coder_a", "coder_b", "units", "alpha",
                                       "agreement"])


def reliability_units(data: ReliabilityData, *, level: Level = "nominal") -> pd.DataFrame:
    """Every unit, the most disagreement first: ``variable``, ``unit``, ``coders`` (that
    coded it), ``values`` (``coder=value; ...``), ``disagreement`` (the mean difference
    ``delta`` over its pairs of values, as alpha weighs them: 0 when all agree; NaN for a
    unit one coder coded) and ``pairable`` (False for such a unit, which alpha cannot use).

    >>> t = pd.DataFrame({"u": ["a", "b", "c"], "A": ["1", "0", "1"], "B": ["1", "1", ""]})
    >>> u = reliability_units(reliability_data(t, unit_column="u", coder_columns=["A", "B"]))
    >>> u[["unit", "values", "disagreement", "pairable"]].values.tolist()
    [['b', 'A=0; B=1', 1.0, True], ['a', 'A=1; B=1', 0.0, True], ['c', 'A=1', nan, False]]
    """
    domain = _domain(data)
    delta = _delta(domain, _frequencies(data.matrix, domain), level)
    index = {v: i for i, v in enumerate(domain.tolist())}
    rows = []
    for u, unit in enumerate(data.units):
        column = data.matrix[:, u]
        coded = [(data.coders[c], column[c]) for c in np.flatnonzero(~np.isnan(column))]
        values = [index[v] for _, v in coded]
        pairs = [delta[x, y] for x, y in combinations(values, 2)]
        rows.append({"variable": data.variable, "unit": unit, "coders": len(coded),
                     "values": "; ".join(f"{c}={data.value_text(v)}" for c, v in coded),
                     "disagreement": float(np.mean(pairs)) if pairs else np.nan,
                     "pairable": len(coded) >= 2})
    table = pd.DataFrame(rows, columns=["variable", "unit", "coders", "values",
                                        "disagreement", "pairable"])
    return table.sort_values("disagreement", ascending=False, kind="stable",
                             na_position="last").reset_index(drop=True)
