"""The timeline: frame prominence and tone per period and outlet, with cluster-bootstrap
intervals, against the hand counts of tests/fixtures/timeline/README.md."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import bootstrap

from analysis.corpus import corpus_load
from analysis.dictionaries import frames_count, frames_match
from analysis.periods import PeriodWarning
from analysis.timeline import EventsFileError, events_load, timeline

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return corpus_load(FIXTURES / "corpus.csv")


def _cell(table, period, measure, outlet=None):
    rows = table[(table["period"] == period) & (table["measure"] == measure)]
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    assert len(rows) == 1
    return rows.iloc[0]


def test_frames_per_month_and_outlet(corpus):
    table = timeline(corpus, period="month", by="outlet", measures="frames")
    assert list(table.columns) == ["period", "outlet", "measure", "value", "ci_low", "ci_high",
                                   "articles", "words"]
    assert len(table) == 3 * 2 * 5  # months x outlets x frames of the shipped dictionary
    jan_nos = _cell(table, "2022-01-01", "sancties", "NOS")
    assert (jan_nos["articles"], jan_nos["words"]) == (2, 12)
    assert jan_nos["value"] == pytest.approx(1000 * 2 / 12)
    assert _cell(table, "2022-01-01", "escalatie", "NOS")["value"] == pytest.approx(1000 / 12)
    # b1 is dated 2022-01-31T23:30:00-05:00: January where it was written
    jan_nrc = _cell(table, "2022-01-01", "koude_oorlog", "NRC")
    assert (jan_nrc["articles"], jan_nrc["words"]) == (1, 7)
    assert jan_nrc["value"] == pytest.approx(1000 / 7)
    assert np.isnan(jan_nrc["ci_low"]) and np.isnan(jan_nrc["ci_high"])  # one article
    for outlet in ("NOS", "NRC"):  # February: no articles, a row all the same
        feb = _cell(table, "2022-02-01", "sancties", outlet)
        assert (feb["articles"], feb["words"]) == (0, 0)
        assert np.isnan(feb["value"])
    # b2 is dated to the month only: it counts in March
    mar_nrc = _cell(table, "2022-03-01", "sancties", "NRC")
    assert (mar_nrc["articles"], mar_nrc["words"]) == (1, 3)
    assert mar_nrc["value"] == pytest.approx(1000 / 3)
    assert _cell(table, "2022-03-01", "diplomatie", "NOS")["value"] == pytest.approx(1000 / 6)


def test_the_interval_is_scipys_bootstrap_over_article_totals(corpus):
    table = timeline(corpus, period="month", measures="frames", n_boot=2000, seed=7)
    jan = _cell(table, "2022-01-01", "sancties")
    assert (jan["articles"], jan["words"]) == (3, 19)
    assert jan["value"] == pytest.approx(1000 * 3 / 19)
    hits = np.array([2.0, 0.0, 1.0])  # a1, a2, b1
    words = np.array([7.0, 5.0, 7.0])
    reference = bootstrap(
        (hits, words), lambda h, w, axis=-1: h.sum(axis=axis) / w.sum(axis=axis),
        paired=True, vectorized=True, n_resamples=2000, method="percentile",
        confidence_level=0.95, rng=np.random.default_rng(7)).confidence_interval
    assert jan["ci_low"] == pytest.approx(1000 * reference.low, abs=1e-12)
    assert jan["ci_high"] == pytest.approx(1000 * reference.high, abs=1e-12)
    assert jan["ci_low"] < jan["value"] < jan["ci_high"]
    again = timeline(corpus, period="month", measures="frames", n_boot=2000, seed=7)
    pd.testing.assert_frame_equal(table, again)


def test_tone_is_the_mean_sentence_tone_of_the_cell(corpus):
    scores = pd.DataFrame({
        "doc_id": ["a1", "a1", "a2", "b1", "b2", "a3", "a3"],
        "method": "lexicon",
        "polarity": [0.5, -0.1, 0.2, -0.4, 0.3, 0.0, np.nan],
    })
    table = timeline(corpus, period="month", by="outlet", measures="tone_lexicon",
                     scores=scores)
    assert set(table["measure"]) == {"tone_lexicon"}
    assert _cell(table, "2022-01-01", "tone_lexicon", "NOS")["value"] == pytest.approx(0.2)
    assert _cell(table, "2022-01-01", "tone_lexicon", "NRC")["value"] == pytest.approx(-0.4)
    assert _cell(table, "2022-03-01", "tone_lexicon", "NOS")["value"] == 0.0  # NaN not scored
    assert np.isnan(_cell(table, "2022-02-01", "tone_lexicon", "NOS")["value"])
    # without by: January holds a1, a2, b1 (four sentences), resampled as three articles
    months = timeline(corpus, period="month", measures="tone_lexicon", scores=scores)
    jan = _cell(months, "2022-01-01", "tone_lexicon")
    assert jan["value"] == pytest.approx((0.5 - 0.1 + 0.2 - 0.4) / 4)
    reference = bootstrap(
        (np.array([0.4, 0.2, -0.4]), np.array([2.0, 1.0, 1.0])),
        lambda s, n, axis=-1: s.sum(axis=axis) / n.sum(axis=axis), paired=True,
        vectorized=True, n_resamples=2000, method="percentile",
        rng=np.random.default_rng(20220110)).confidence_interval
    assert (jan["ci_low"], jan["ci_high"]) == pytest.approx((reference.low, reference.high))


def test_weeks_leave_out_the_month_only_article_and_say_so(corpus):
    with pytest.warns(PeriodWarning, match="1 of 5 articles is dated to the month only"):
        table = timeline(corpus, period="week", measures="frames")
    assert table.attrs["note"].startswith("1 of 5 articles")
    weeks = table.drop_duplicates("period")
    # Mondays from 2022-01-03 (a1) to 2022-03-14 (a3): 11 weeks, b2 left out
    assert len(weeks) == 11
    assert weeks["articles"].sum() == 4
    assert weeks.set_index("period").loc["2022-01-31", "articles"] == 1  # b1


def test_frames_count_per_period_agrees_with_the_timeline(corpus):
    counts = frames_count(frames_match(corpus), corpus, by="outlet", period="month")
    assert list(counts.columns[:3]) == ["period", "outlet", "frame"]
    row = counts[(counts["period"] == "2022-01-01") & (counts["outlet"] == "NOS")
                 & (counts["frame"] == "sancties")].iloc[0]
    assert (row["hits"], row["words"], row["docs"], row["docs_with_frame"]) == (2, 12, 2, 1)
    empty = counts[counts["period"] == "2022-02-01"]
    assert len(empty) == 2 * 5 and (empty["docs"] == 0).all()
    assert empty["per_1000"].isna().all() and (empty["hits"] == 0).all()


def test_unknown_measures_and_bad_events_files_are_named(corpus, tmp_path):
    with pytest.raises(ValueError, match="unknown measure 'toon'"):
        timeline(corpus, measures="frames,toon")
    events = events_load(FIXTURES / "events.csv")
    assert events.values.tolist() == [["2022-01-10", "Overleg in Genève"],
                                      ["2022-02-24", "Russische inval"]]
    bad = tmp_path / "events.csv"
    bad.write_text("date,label\n2022-01-10,Genève\n24-02-2022,inval\n", encoding="utf-8")
    with pytest.raises(EventsFileError, match=r"events.csv, line 3: the date '24-02-2022'"):
        events_load(bad)
    bad.write_text("datum,label\n", encoding="utf-8")
    with pytest.raises(EventsFileError, match=r"line 1: no column 'date'"):
        events_load(bad)
    with pytest.raises(EventsFileError, match="no such events file"):
        events_load(tmp_path / "none.csv")
