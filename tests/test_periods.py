"""Periods: binning dates into days, ISO weeks, months, quarters and years, the full range of
periods, and what is left out. Expected values are worked out by hand (calendar of 2020-2022:
2021-01-01 is a Friday, 2021-12-31 a Friday, 2022-01-03 a Monday)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.periods import (
    PeriodWarning,
    periods_assign,
    periods_choose,
    periods_range,
    periods_start,
)


def test_iso_weeks_across_a_year_boundary():
    dates = pd.Series(["2020-12-31", "2021-01-03", "2021-01-04", "2021-12-31", "2022-01-02",
                       "2022-01-03"])
    # 2020-12-31 (Thursday) and 2021-01-03 (Sunday) are ISO week 53 of 2020, which starts on
    # Monday 2020-12-28; 2021-12-31 (Friday) and 2022-01-02 (Sunday) are in week 52 of 2021
    assert periods_start(dates, "week").tolist() == [
        "2020-12-28", "2020-12-28", "2021-01-04", "2021-12-27", "2021-12-27", "2022-01-03"]
    assert periods_range("2021-12-20", "2022-01-10", "week") == [
        "2021-12-20", "2021-12-27", "2022-01-03", "2022-01-10"]


def test_every_period_is_named_by_its_first_day():
    dates = pd.Series(["2022-05-17", "2022-12-31", "2022-11"])
    assert periods_start(dates, "day").tolist() == ["2022-05-17", "2022-12-31", pd.NA]
    assert periods_start(dates, "month").tolist() == ["2022-05-01", "2022-12-01", "2022-11-01"]
    assert periods_start(dates, "quarter").tolist() == ["2022-04-01", "2022-10-01",
                                                        "2022-10-01"]
    assert periods_start(dates, "year").tolist() == ["2022-01-01"] * 3


def test_a_timestamp_counts_on_the_date_it_is_written_with():
    dates = pd.Series(["2022-01-31T23:30:00-05:00", "2022-02-01T00:10:00Z",
                       "2022-01-31 23:59"])
    assert periods_start(dates, "month").tolist() == ["2022-01-01", "2022-02-01",
                                                      "2022-01-01"]
    aware = pd.Series(pd.to_datetime(["2022-01-31 23:30"]).tz_localize("America/New_York"))
    assert periods_start(aware, "day").tolist() == ["2022-01-31"]


def test_quarters_and_years_in_the_range_include_the_empty_ones():
    assert periods_range("2021-10-01", "2022-04-01", "quarter") == [
        "2021-10-01", "2022-01-01", "2022-04-01"]
    assert periods_range("2020-01-01", "2022-01-01", "year") == [
        "2020-01-01", "2021-01-01", "2022-01-01"]


def test_cells_span_every_period_for_every_group_and_count_what_is_left_out():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                           "outlet": ["NOS", "NRC", "NOS", None],
                           "date": ["2022-01-05", "2022-03", "2022-03-14", None]})
    with pytest.warns(PeriodWarning, match=r"1 of 4 articles is dated to the month only and "
                      r"is left out of the weekly periods; 1 of 4 articles is without a date "
                      r"and is left out\."):
        weeks = periods_assign(corpus, "week", by="outlet")
    assert weeks.month_only == 1 and weeks.undated == 1
    assert weeks.docs["doc_id"].tolist() == ["a", "c"]
    assert weeks.cells["period"].nunique() == 11  # 2022-01-03 ... 2022-03-14, every Monday
    months = periods_assign(corpus, "month", by="outlet", warn=False)
    assert months.month_only == 0 and months.undated == 1
    assert months.cells.values.tolist() == [
        ["2022-01-01", "NOS"], ["2022-01-01", "NRC"], ["2022-02-01", "NOS"],
        ["2022-02-01", "NRC"], ["2022-03-01", "NOS"], ["2022-03-01", "NRC"]]


def test_a_date_that_is_no_date_names_the_article():
    corpus = pd.DataFrame({"doc_id": ["a", "x7"], "date": ["2022-01-05", "31-01-2022"]})
    with pytest.raises(ValueError, match=r"article 'x7': the date '31-01-2022' is not a date"):
        periods_assign(corpus, "month")
    with pytest.raises(ValueError, match="period must be one of day, week, month"):
        periods_assign(corpus, "fortnight")


def test_the_period_chosen_for_a_figure_follows_the_time_span():
    from analysis.periods import periods_choose

    assert periods_choose(pd.Series(["2022-01-03", "2022-01-28"])) == "day"
    assert periods_choose(pd.Series(["2022-01-03", "2022-05-28"])) == "week"
    assert periods_choose(pd.Series(["2022-01-03", "2022-12-28"])) == "month"
    assert periods_choose(pd.Series(["2015-01-03", "2022-12-28"])) == "quarter"
    assert periods_choose(pd.Series(["1990-01-03", "2022-12-28"])) == "year"
    # most articles dated to the month only: never finer than months
    assert periods_choose(pd.Series(["2022-01", "2022-01", "2022-01-12"])) == "month"
    assert periods_choose(pd.Series([None, None])) == "month"


def test_labels_have_four_digit_years_also_for_early_years():
    assert periods_range("0998-01-01", "1000-01-01", "year") == [
        "0998-01-01", "0999-01-01", "1000-01-01"]
    assert periods_start(pd.Series(["1599-12-31", "0001-01-01", "1600-01-06"]),
                         "week").tolist() == ["1599-12-27", "0001-01-01", "1600-01-03"]
    assert periods_range("1599-12-27", "1600-01-03", "week") == ["1599-12-27", "1600-01-03"]
    assert periods_range("0999-11-01", "1000-02-01", "quarter") == ["0999-11-01",
                                                                   "1000-02-01"]
    assert periods_start(pd.Series(["0999-03-02"]), "day").tolist() == ["0999-03-02"]


def test_articles_dated_before_the_first_newspapers_are_left_out_and_named():
    """A date before 1600 (often a missing date read as the year 1) would stretch the table
    over centuries of empty periods: such articles are left out, and the note names them."""
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["NOS"] * 4,
                           "date": ["2022-01-05", "0001-01-01", "2022-03-09", None]})
    with pytest.warns(PeriodWarning) as caught:
        cells = periods_assign(corpus, "year")
    assert cells.cells["period"].tolist() == ["2022-01-01"]
    assert cells.docs["doc_id"].tolist() == ["a", "c"]
    assert [str(w.message) for w in caught] == [
        "1 of 4 articles is dated before 1600 and is left out (b: 0001-01-01); 1 of 4 "
        "articles is without a date and is left out."]
    assert cells.left_out() == {"month_only": 0, "undated": 1, "early": 1}
    assert periods_choose(corpus["date"]) == "week"  # 2022-01-05 to 2022-03-09
