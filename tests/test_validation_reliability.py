"""Krippendorff's alpha: the reference data of Krippendorff (2011), missing values, labels
with an order, pairs of coders, the interval, and bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.validation.reliability import (
    _delta,
    _domain,
    _frequencies,
    _pairs,
    reliability_alpha,
    reliability_data,
    reliability_interval,
    reliability_pairwise,
    reliability_units,
)

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 coders,
# 12 units, values 1-5, missing values.
K2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
}


def _wide() -> pd.DataFrame:
    return pd.DataFrame({"unit": [f"u{i + 1}" for i in range(12)], **K2011})


def _long() -> pd.DataFrame:
    rows = [{"unit": f"u{i + 1}", "coder": c, "value": "" if np.isnan(v) else str(int(v))}
            for c, values in K2011.items() for i, v in enumerate(values)]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("level", "expected"), [("nominal", 0.743), ("ordinal", 0.815),
                                                 ("interval", 0.849), ("ratio", 0.797)])
def test_krippendorff_2011_reliability_data(level, expected):
    for data in (reliability_data(_wide(), unit_column="unit", coder_columns=list("ABCD"),
                                  level=level),
                 reliability_data(_long(), unit_column="unit", coder_column="coder",
                                  value_column="value", level=level)):
        row = reliability_alpha(data, level=level, n_boot=0).iloc[0]
        assert round(row["alpha"], 3) == expected
        # unit 12 has one value (coder B): not pairable, counted, not used
        assert (row["units"], row["units_single"], row["coders"], row["values"]) == \
            (11, 1, 4, 40)


def test_krippendorff_2011_binary_example():
    # Krippendorff (2011), section A: two coders, ten units, alpha = 0.095
    t = pd.DataFrame({"u": range(10), "A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
                      "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]})
    row = reliability_alpha(reliability_data(t, unit_column="u", coder_columns=["A", "B"]),
                            n_boot=0).iloc[0]
    assert round(row["alpha"], 3) == 0.095
    assert row["agreement"] == pytest.approx(0.6)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_own_differences_reproduce_the_package(level):
    """The differences used by the interval and the unit table give the package's alpha."""
    data = reliability_data(_wide(), unit_column="unit", coder_columns=list("ABCD"))
    domain = _domain(data)
    freq = _frequencies(data.matrix, domain)
    delta = _delta(domain, freq, level)
    n = freq.sum()
    a, b, _, m = _pairs(data.matrix, domain)
    observed = (2 * delta[a, b] / ((m - 1) * n)).sum()
    expected = freq @ delta @ freq / (n * (n - 1))
    alpha = reliability_alpha(data, level=level, n_boot=0)["alpha"].iloc[0]
    assert 1 - observed / expected == pytest.approx(alpha, abs=1e-12)


def test_labels_take_their_order():
    t = pd.DataFrame({"u": list("abcdef"),
                      "A": ["laag", "midden", "hoog", "laag", "hoog", "weet niet"],
                      "B": ["laag", "hoog", "hoog", "midden", "hoog", "midden"]})
    data = reliability_data(t, unit_column="u", coder_columns=["A", "B"], level="ordinal",
                            order=["laag", "midden", "hoog"], missing=["weet niet"])
    numbers = pd.DataFrame({"u": list("abcde"), "A": [0, 1, 2, 0, 2], "B": [0, 2, 2, 1, 2]})
    same = reliability_data(numbers, unit_column="u", coder_columns=["A", "B"],
                            level="ordinal")
    got = reliability_alpha(data, level="ordinal", n_boot=0).iloc[0]
    want = reliability_alpha(same, level="ordinal", n_boot=0).iloc[0]
    assert got["alpha"] == pytest.approx(want["alpha"])
    assert got["units_single"] == 1  # unit f: "weet niet" is missing
    units = reliability_units(data, level="ordinal")
    assert units.set_index("unit").loc["b", "values"] == "A=midden; B=hoog"


def test_pairwise_alpha_per_pair():
    data = reliability_data(_wide(), unit_column="unit", coder_columns=list("ABCD"))
    pairs = reliability_pairwise(data)
    assert len(pairs) == 6
    ab = pairs[(pairs["coder_a"] == "A") & (pairs["coder_b"] == "B")].iloc[0]
    # A and B both coded u1-u9; they differ on u6 only (1 vs 2)
    assert ab["units"] == 9
    assert ab["agreement"] == pytest.approx(8 / 9)
    two = reliability_data(_wide()[["unit", "A", "B"]], unit_column="unit",
                           coder_columns=["A", "B"])
    assert ab["alpha"] == pytest.approx(reliability_alpha(two, n_boot=0)["alpha"].iloc[0])


def test_units_with_most_disagreement_first():
    data = reliability_data(_wide(), unit_column="unit", coder_columns=list("ABCD"))
    units = reliability_units(data)
    assert units["unit"].iloc[0] == "u6"  # 1, 2, 3, 4: every pair differs
    assert units["disagreement"].iloc[0] == 1.0
    single = units[~units["pairable"]]
    assert single["unit"].tolist() == ["u12"] and single["values"].tolist() == ["B=3"]


def test_interval_holds_alpha_and_repeats():
    data = reliability_data(_wide(), unit_column="unit", coder_columns=list("ABCD"))
    low, high = reliability_interval(data, level="interval", n_boot=1000)
    assert low < 0.849 < high <= 1
    assert (low, high) == reliability_interval(data, level="interval", n_boot=1000)
    assert reliability_interval(data, level="interval", n_boot=1000, seed=2) != (low, high)


@pytest.mark.parametrize(("table", "kwargs", "message"), [
    (pd.DataFrame({"u": ["a", "b"], "coder": ["A", "A"], "v": ["1", "0"]}),
     {"coder_column": "coder", "value_column": "v"}, "column 'coder': one coder only"),
    (pd.DataFrame({"u": ["a", "a"], "coder": ["A", "A"], "v": ["1", "0"]}),
     {"coder_column": "coder", "value_column": "v"}, "line 3, column 'v': coder 'A' coded "
     "unit 'a' also on line 2"),
    (pd.DataFrame({"u": ["a"], "coder": ["A"]}),
     {"coder_column": "coder", "value_column": "v"}, "no column 'v'"),
    (pd.DataFrame({"u": ["a", "a"], "coder": ["A", "B"], "v": ["hoog", "zeer"]}),
     {"coder_column": "coder", "value_column": "v", "order": ["laag", "hoog"],
      "level": "ordinal"}, "line 3, column 'v': value 'zeer' is not in --order"),
    (pd.DataFrame({"u": ["a", "a"], "coder": ["A", "B"], "v": ["hoog", "laag"]}),
     {"coder_column": "coder", "value_column": "v", "level": "interval"},
     "line 2, column 'v': value 'hoog' is not a number"),
    (pd.DataFrame({"u": [], "coder": [], "v": []}),
     {"coder_column": "coder", "value_column": "v"}, "no rows of codes"),
])
def test_bad_input_names_file_line_and_column(table, kwargs, message):
    with pytest.raises(ValueError, match="^codes.csv") as info:
        reliability_data(table, unit_column="u", source="codes.csv", **kwargs)
    assert message in str(info.value)
