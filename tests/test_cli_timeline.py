"""``discourse timeline`` and ``--period`` on the grouping commands, on the timeline fixture
(hand counts in tests/fixtures/timeline/README.md)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

CORPUS = str(Path(__file__).parent / "fixtures" / "timeline" / "corpus.csv")


def test_timeline_writes_the_long_table(tmp_path, capsys):
    out = tmp_path / "timeline.csv"
    code = main(["timeline", CORPUS, "--period", "month", "--by", "outlet",
                 "--measures", "frames", "-o", str(out)])
    assert code == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["period", "outlet", "measure", "value", "ci_low",
                                   "ci_high", "articles", "words"]
    row = table[(table["period"] == "2022-03-01") & (table["outlet"] == "NRC")
                & (table["measure"] == "sancties")].iloc[0]
    assert (row["value"], row["articles"], row["words"]) == (pytest.approx(1000 / 3), 1, 3)
    assert (table[table["period"] == "2022-02-01"]["articles"] == 0).all()


def test_weekly_periods_say_how_many_articles_are_left_out(tmp_path, capsys):
    code = main(["timeline", CORPUS, "--period", "week", "--measures", "frames",
                 "-o", str(tmp_path / "t.csv")])
    assert code == 0
    assert ("note: 1 of 5 articles is dated to the month only and is left out of the weekly "
            "periods.") in capsys.readouterr().err


def test_period_on_frequencies_keyness_and_frames(tmp_path, capsys):
    freq, key, frames = tmp_path / "f.csv", tmp_path / "k.csv", tmp_path / "fr.csv"
    assert main(["frequencies", CORPUS, "--period", "month", "--by", "outlet",
                 "-o", str(freq)]) == 0
    table = pd.read_csv(freq, keep_default_na=False)
    assert list(table.columns[:4]) == ["period", "outlet", "articles", "term"]
    assert table[table["period"] == "2022-02-01"][["outlet", "articles", "term"]]\
        .values.tolist() == [["NOS", 0, ""], ["NRC", 0, ""]]
    assert main(["keyness", CORPUS, "--period", "month", "--reference", "previous",
                 "--min-count", "1", "-o", str(key)]) == 0
    keyness = pd.read_csv(key)
    assert set(keyness["reference"].dropna()) == {"2022-01-01"}  # March against January
    assert main(["frames", CORPUS, "--period", "quarter", "-o", str(frames)]) == 0
    counts = pd.read_csv(frames)
    sancties = counts[counts["frame"] == "sancties"].iloc[0]
    assert (sancties["period"], sancties["hits"], sancties["words"]) == ("2022-01-01", 4, 28)


def test_mistakes_end_with_a_message(tmp_path, capsys):
    out = str(tmp_path / "t.csv")
    assert main(["keyness", CORPUS, "--reference", "previous", "-o", out]) == 2
    assert "give --period too" in capsys.readouterr().err
    assert main(["timeline", CORPUS, "--measures", "toon", "-o", out]) == 2
    assert "unknown measure 'toon'" in capsys.readouterr().err
    assert main(["timeline", CORPUS, "--by", "land", "-o", out]) == 2
    assert "no column 'land'" in capsys.readouterr().err


def test_figures_checks_the_events_file_before_running_a_notebook(tmp_path, capsys):
    bad = tmp_path / "events.csv"
    bad.write_text("date,label\n2022-13-01,Nergens\n", encoding="utf-8")
    # refused like every other notebook input, before the first notebook starts
    assert main(["figures", "--out", str(tmp_path / "out"), "--events", str(bad)]) == 1
    assert "line 2: the date '2022-13-01'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_sentiment_per_month_and_outlet(tmp_path, capsys):
    out = tmp_path / "tone.csv"
    assert main(["sentiment", CORPUS, "--by", "outlet", "--period", "month",
                 "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns[:5]) == ["period", "outlet", "method", "n_documents",
                                       "n_sentences"]
    assert table[["period", "outlet", "n_documents"]].values.tolist() == [
        ["2022-01-01", "NOS", 2], ["2022-01-01", "NRC", 1], ["2022-02-01", "NOS", 0],
        ["2022-02-01", "NRC", 0], ["2022-03-01", "NOS", 1], ["2022-03-01", "NRC", 1]]
    # a1 has two sentences, a2 one: three sentences for NOS in January
    assert table["n_sentences"].tolist() == [3, 1, 0, 0, 1, 1]
    assert main(["sentiment", CORPUS, "--period", "week", "--level", "document",
                 "-o", str(out)]) == 2
    assert "leave out --level" in capsys.readouterr().err
