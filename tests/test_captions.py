"""Suggested captions: the corpus sentence in both languages, date ranges, and the right n
for the bundled corpus in CAPTIONS.md and the manifest."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.output import caption_corpus, caption_dates
from analysis.paths import CORPUS_DIR


@pytest.mark.parametrize(("dates", "nl", "en"), [
    (["2022-01-10", "2022-01-12", "2022-01-11"], "10–12 januari 2022", "10–12 January 2022"),
    (["2022-01-31", "2022-02-01"], "31 januari 2022 – 1 februari 2022",
     "31 January 2022 – 1 February 2022"),
    (["2022-03", "2022-03"], "maart 2022", "March 2022"),
    (["2021", "2022-05-01"], "2021 – 1 mei 2022", "2021 – 1 May 2022"),
    (["10-01-2022", None, float("nan")], "", ""),  # not ISO: left out
])
def test_date_ranges_in_both_languages(dates, nl, en):
    assert caption_dates(dates, "nl") == nl
    assert caption_dates(dates, "en") == en


def test_one_article_one_outlet_and_many_outlets():
    one = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "date": ["2022-01-10"]})
    assert caption_corpus(one, "en") == "Corpus: 1 article from 1 outlet (NOS), 10 January 2022."
    assert caption_corpus(one, "nl") == "Corpus: 1 artikel uit 1 medium (NOS), 10 januari 2022."
    many = pd.DataFrame({"doc_id": [str(i) for i in range(1200)],
                         "outlet": [f"krant {i % 7}" for i in range(1200)], "date": None})
    assert caption_corpus(many, "en") == "Corpus: 1,200 articles from 7 outlets."
    assert caption_corpus(many, "nl") == "Corpus: 1.200 artikelen uit 7 media."


def test_the_bundled_corpus_in_both_languages():
    corpus = corpus_load(CORPUS_DIR)
    assert caption_corpus(corpus, "en") == (
        "Corpus: 5 articles from 5 outlets (De Morgen, de Volkskrant, NOS, NRC, Trouw), "
        "January 2022.")


def test_captions_state_the_right_n_for_the_bundled_corpus(figures_run_twice):
    folder = figures_run_twice[0]
    text = (folder / "CAPTIONS.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (\S+)\n\n.*\n\n(.+)\n", text, flags=re.MULTILINE))
    with (folder / "MANIFEST.csv").open(encoding="utf-8", newline="") as handle:
        figures = {row["file"].rsplit(".", 1)[0]: row["caption"] for row in csv.DictReader(handle)
                   if row["file"].endswith(".png")}
    assert set(sections) == set(figures) and len(figures) >= 10
    corpus = ("Corpus: 5 artikelen uit 5 media (De Morgen, de Volkskrant, NOS, NRC, Trouw), "
              "januari 2022.")
    for name, caption in sections.items():
        assert caption == figures[name], name
        if name == "rq3-sentiment-validity":  # rests on the headlines, not on the corpus
            assert "5-voudige kruisvalidatie op 6.031 Nederlandse economische nieuwskoppen" \
                in caption and "Corpus:" not in caption
        elif name.startswith("rq7-validation"):  # rests on the coded units, not the corpus
            assert "tegen de handmatige codering van 40 eenheden" in caption and \
                "Corpus:" not in caption
        else:
            assert caption.endswith(corpus), name
            assert len(caption) > len(corpus) + 40, name  # and says what is shown
    assert "2.000 trekkingen" in sections["rq3-sentiment-by-outlet"]
    assert "(Benjamini-Hochberg)" in sections["rq1-keyness-by-outlet"]
