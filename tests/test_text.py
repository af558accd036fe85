"""One text normalisation at every entry point: NFC, and the invisible characters (soft
hyphens, zero-width spaces and joiners) removed, so that offsets, matches and counts are the
same whatever form the text came in."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import corpus_load
from analysis.dictionaries import frames_kwic, frames_match
from analysis.text import text_invisible_count, text_normalise
from analysis.tokens import tokens_corpus
from analysis.vocabulary import kwic

TEXT = "In Genève dreigen de VS met sancties. Een nieuwe Koude Oorlog? Nee, sancties."


def corpus(text: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [text]})


def found(table: pd.DataFrame) -> list:
    return table[["frame", "matched_text", "start", "end"]].values.tolist()


def test_decomposed_text_gives_the_matches_and_offsets_of_composed_text():
    nfd = unicodedata.normalize("NFD", TEXT)
    assert nfd != TEXT
    composed = frames_match(corpus(TEXT))
    assert len(composed) >= 3 and "Koude Oorlog" in composed["matched_text"].tolist()
    assert found(frames_match(corpus(nfd))) == found(composed)
    shown = frames_kwic(frames_match(corpus(nfd)), corpus(nfd))
    assert shown["match"].tolist() == composed["matched_text"].tolist()
    assert kwic(tokens_corpus(corpus(nfd)), corpus(nfd), "genève")["match"].tolist() == [
        "Genève"]


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"])
def test_invisible_characters_inside_words_split_nothing(invisible):
    hidden = TEXT.replace("sancties", f"sanc{invisible}ties").replace("Koude", f"Kou{invisible}de")
    assert text_invisible_count(hidden) == 3
    assert text_normalise(hidden) == TEXT
    assert found(frames_match(corpus(hidden))) == found(frames_match(corpus(TEXT)))
    words = tokens_corpus(corpus(hidden))["token"].astype(str).tolist()
    assert words == tokens_corpus(corpus(TEXT))["token"].astype(str).tolist()
    assert kwic(tokens_corpus(corpus(hidden)), corpus(hidden), "sancties")["match"].tolist() \
        == ["sancties", "sancties"]


def test_loading_removes_them_and_check_reports_how_many(tmp_path, capsys):
    source = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                  "title": ["Sanc\u00adties", "Vrede"],
                  "text": ["sanc\u00adties en zero\u200bwidth", "gewone tekst"]}).to_csv(
        source, index=False)
    with pytest.warns(UserWarning, match="3 invisible character"):
        loaded = corpus_load(source)
    assert loaded["text"].tolist() == ["sancties en zerowidth", "gewone tekst"]
    assert loaded["title"].tolist() == ["Sancties", "Vrede"]
    assert main(["check", str(source)]) == 0
    out = capsys.readouterr().out
    assert "a: 3 invisible character(s)" in out


@pytest.mark.parametrize("block", [1, 3, 1 << 20])
def test_spans_overlap_in_blocks_as_one_by_one(monkeypatch, block):
    import numpy as np

    from analysis.text import spans
    from analysis.text.spans import spans_overlap

    monkeypatch.setattr(spans, "_BLOCK", block)
    rng = np.random.default_rng(3)
    doc = np.sort(rng.integers(0, 4, 40)).astype(np.int32)
    start = rng.integers(0, 60, 40)
    end = start + rng.integers(0, 6, 40)
    m_doc = rng.integers(0, 5, 12)
    m_start = rng.integers(0, 60, 12)
    m_end = m_start + rng.integers(0, 9, 12)
    expected = [any(md == d and ms < e and me > s
                    for md, ms, me in zip(m_doc, m_start, m_end, strict=True))
                for d, s, e in zip(doc, start, end, strict=True)]
    assert spans_overlap(doc, start, end, m_doc, m_start, m_end).tolist() == expected
    assert any(expected) and not all(expected)
