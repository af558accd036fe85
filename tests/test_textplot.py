import pandas as pd
import pytest

import analysis.textplot.vocabulary as vocabulary
from analysis.textplot import textplot_xray
from analysis.tokens import tokens_corpus
from analysis.vocabulary import textstat_dispersion
from tests.languages import only_words, words_of


def _corpus(outlets: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(outlets))],
                         "outlet": outlets,
                         "text": ["Sancties nu. Geen escalatie." if i % 2 else "Sancties."
                                  for i in range(len(outlets))]})


def _labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_xray_labels_every_article_of_a_small_corpus():
    corpus = _corpus(["NOS", "NRC", "NOS"])
    d = textstat_dispersion(tokens_corpus(corpus), ["sancties", "escal*"])
    fig = textplot_xray(d, docs=corpus)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["„sancties” (3×)", "„escal*” (1×)"]
    assert _labels(fig.axes[0]) == ["NOS 1", "NRC", "NOS 2"]
    # one tick per occurrence, in the row of its article: escalatie is token 5 of the 5
    # (after punctuation is removed, positions keep their gaps) of d1, in row 1
    segments = fig.axes[1].collections[0].get_segments()
    assert [(s[0][0], pytest.approx(s[0][1] + 0.38)) for s in segments] == [(1.0, 1.0)]


def test_xray_groups_the_rows_of_a_large_corpus_by_outlet(monkeypatch):
    monkeypatch.setattr(vocabulary, "XRAY_LABELLED_ROWS", 4)
    corpus = _corpus(["NOS", "NRC", "NOS", "Trouw", "NRC", "NOS"])
    d = textstat_dispersion(tokens_corpus(corpus), ["sancties"])
    ax = textplot_xray(d, docs=corpus).axes[0]
    # rows: NOS d0 d2 d5 (0-2), NRC d1 d4 (3-4), Trouw d3 (5); a label per outlet, centred
    assert _labels(ax) == ["NOS (3)", "NRC (2)", "Trouw (1)"]
    assert ax.get_yticks().tolist() == [1.0, 3.5, 5.0]
    assert [line.get_ydata()[0] for line in ax.lines if line.get_marker() == "None"] == \
        [2.5, 4.5]
    marks = [line for line in ax.lines if line.get_marker() == "|"][0]
    # "Sancties" is word 1 of 1 in the even articles (1.0) and of 4 in the odd ones
    # (Sancties nu . Geen escalatie: 1/4, the full stop not counted); marks by pattern,
    # article: d0 ... d5
    assert marks.get_ydata().tolist() == [0, 3, 1, 5, 4, 2]
    assert marks.get_xdata().tolist() == [1.0, 0.25, 1.0, 0.25, 1.0, 0.25]


def test_sentiment_titles_name_the_grouping():
    from analysis.textplot import textplot_sentiment_frames, textplot_sentiment_groups

    groups = pd.DataFrame({"date": ["2022-01", "2022-02"], "method": "lexicon",
                           "mean": [0.1, -0.1], "ci_low": [0.0, -0.2], "ci_high": [0.2, 0.0],
                           "n_sentences": [10, 12]})
    assert textplot_sentiment_groups(groups, by="date")._suptitle.get_text() == \
        "Toon per datum, met 95%-bootstrapinterval"
    frames = pd.DataFrame({"frame": ["sancties"], "outlet": ["NOS"], "method": "lexicon",
                           "mean": [0.1], "n_sentences": [3]})
    assert textplot_sentiment_frames(frames)._suptitle.get_text() == \
        "Toon van zinnen per kader en medium"


# --------------------------------------------------------------------------- languages


def _figure_texts(fig) -> list[str]:
    """Every piece of text a figure draws: titles, labels, tick labels, notes, legends."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(fig).draw()  # tick labels are made when the figure is drawn
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _all_plots(lang: str) -> dict[str, object]:
    """Every plot function, drawn in ``lang`` from small hand-made tables."""
    from analysis.corpus import corpus_summary
    from analysis.dictionaries import (
        actors_count,
        actors_match,
        frames_cooccurrence,
        frames_count,
        frames_match,
    )
    from analysis.quotes import quotes_direct, quotes_find, quotes_share
    from analysis.sentiment import sentiment_crossvalidation, sentiment_crossvalidation_confusion
    from analysis.textplot import (
        textplot_actors_heatmap,
        textplot_corpus_overview,
        textplot_frames_bars,
        textplot_frames_cooccurrence,
        textplot_frames_heatmap,
        textplot_frequency,
        textplot_keyness,
        textplot_new_terms,
        textplot_quotes_direct,
        textplot_quotes_share,
        textplot_sentiment_frames,
        textplot_sentiment_groups,
        textplot_sentiment_validity,
        textplot_timeline,
    )
    from analysis.timeline import timeline
    from analysis.vocabulary import textstat_frequency, textstat_keyness

    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NRC", "NOS"],
                           "date": ["2022-01-10"] * 3,
                           "text": ["Oorlog en sancties. " * 6 + "Vrede.",
                                    "Vrede en overleg in Genève. " * 6 + "Oorlog.",
                                    "Sancties, escalatie en de Koude Oorlog."]})
    tokens = tokens_corpus(corpus)
    matches = frames_match(corpus)
    aggregates = pd.DataFrame({"outlet": ["NOS", "NRC"] * 2,
                               "method": ["lexicon"] * 2 + ["classifier"] * 2,
                               "mean": [0.1, -0.1, 0.2, 0.0], "ci_low": [0.0, -0.2, 0.1, -0.1],
                               "ci_high": [0.2, 0.0, 0.3, 0.1], "n_sentences": [1200, 12, 10, 12]})
    by_frame = pd.DataFrame({"frame": ["koude_oorlog", "sancties"], "outlet": ["NOS", "NRC"],
                             "method": "lexicon", "mean": [0.1, -0.2], "n_sentences": [3, 4]})
    by_frame.attrs = matches.attrs
    counts = frames_count(matches, corpus)
    months = corpus.assign(date=["2022-01-10", "2022-02-14", "2022-03-01"], outlet="NOS")
    scores = pd.DataFrame({"doc_id": ["a", "b", "c"], "method": "lexicon",
                           "polarity": [0.1, -0.2, 0.0]})
    over_time = timeline(months, by="outlet", measures=["frames", "tone_lexicon"],
                         matches=frames_match(months), scores=scores, n_boot=200)
    events = pd.DataFrame({"date": ["2022-02-01"], "label": ["Genève"]})
    new_terms = textstat_keyness(tokens_corpus(months), corpus=months, period="month",
                                 reference="previous", min_count=1)
    speech = pd.DataFrame({"doc_id": ["q1", "q2"], "outlet": ["NOS", "NRC"], "text": [
        "„We praten verder”, zei Lavrov. Volgens de NAVO gaat de opbouw door.",
        "Het overleg was nuttig, zeggen analisten. Sherman: „De deur blijft open.”"]})
    mentions = actors_match(speech)
    quotes = quotes_find(speech, mentions=mentions)
    return {
        "actors_heatmap": textplot_actors_heatmap(
            actors_count(mentions, speech, level="group"), lang=lang),
        "quotes_share": textplot_quotes_share(quotes_share(quotes), lang=lang),
        "quotes_direct": textplot_quotes_direct(quotes_direct(quotes), lang=lang),
        "corpus_overview": textplot_corpus_overview(corpus_summary(corpus), lang=lang),
        "frequency": textplot_frequency(textstat_frequency(tokens), n=3, lang=lang),
        "keyness": textplot_keyness(textstat_keyness(tokens, min_count=1),
                                    significant_only=False, lang=lang),
        "keyness_none": textplot_keyness(textstat_keyness(tokens, min_count=1), lang=lang),
        "keyness_empty": textplot_keyness(textstat_keyness(tokens, min_count=10_000),
                                          lang=lang),
        "xray": textplot_xray(textstat_dispersion(tokens, ["sancties", "oorlog"]),
                              docs=corpus, lang=lang),
        "frames_heatmap": textplot_frames_heatmap(counts, lang=lang),
        "frames_bars": textplot_frames_bars(counts, lang=lang),
        "frames_cooccurrence": textplot_frames_cooccurrence(
            frames_cooccurrence(matches), value="share_of_a", lang=lang),
        "sentiment_groups": textplot_sentiment_groups(aggregates, lang=lang),
        "sentiment_frames": textplot_sentiment_frames(by_frame, lang=lang),
        "sentiment_validity": textplot_sentiment_validity(
            sentiment_crossvalidation_confusion(), sentiment_crossvalidation(), lang=lang),
        "timeline": textplot_timeline(over_time, events=events, lang=lang),
        "timeline_tone": textplot_timeline(over_time, measures=["tone_lexicon"], lang=lang),
        "new_terms": textplot_new_terms(new_terms, events=events, lang=lang),
        **_topic_plots(lang),
    }


def _topic_plots(lang: str) -> dict[str, object]:
    from analysis.networks import network_cooccurrence, network_topics
    from analysis.textplot import (
        textplot_network,
        textplot_topic_prevalence,
        textplot_topics_selection,
    )

    docs = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "topic": ["t1", "t2"] * 2,
                         "share": [0.7, 0.3, 0.2, 0.8]})
    items = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "sentence_id": [1, 1, 1, 1],
                          "item": ["x", "y", "u", "v"]})
    prevalence = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC", "NRC"],
                               "topic": ["t1", "t2"] * 2, "prevalence": [0.6, 0.4, 0.3, 0.7],
                               "ci_low": [0.5, 0.3, 0.2, 0.6], "ci_high": [0.7, 0.5, 0.4, 0.8]})
    selection = pd.DataFrame({"k": [2, 3], "coherence": [0.1, 0.2], "exclusivity": [0.8, 0.7]})
    return {
        "network_topics": textplot_network(network_topics(docs), kind="topics", lang=lang),
        "network_words": textplot_network(network_cooccurrence(items), lang=lang),
        "topic_prevalence": textplot_topic_prevalence(prevalence, lang=lang),
        "topics_selection": textplot_topics_selection(selection, lang=lang),
    }


def test_every_plot_function_takes_lang():
    import inspect

    import analysis.textplot as textplot

    names = [n for n in dir(textplot) if n.startswith("textplot_")]
    assert len(names) >= 9
    for name in names:
        parameter = inspect.signature(getattr(textplot, name)).parameters.get("lang")
        assert parameter is not None, name
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default == "nl"
        function = getattr(textplot, name)
        tables = [p for p in inspect.signature(function).parameters.values()
                  if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
        with pytest.raises(ValueError, match="lang must be one of"):
            function(*[pd.DataFrame()] * len(tables), lang="de")


@pytest.mark.parametrize(("lang", "other"), [("en", "nl"), ("nl", "en")])
def test_no_word_of_the_other_language_in_any_figure(lang, other):
    foreign = only_words(other)
    assert {"sleutelwoorden", "toon", "medium"} <= only_words("nl")
    assert {"keywords", "tone", "outlet"} <= only_words("en")
    for name, fig in _all_plots(lang).items():
        texts = _figure_texts(fig)
        assert texts, name
        words = words_of(texts)
        assert not words & foreign, (name, sorted(words & foreign))


def test_english_figures_write_english_numbers_and_frame_labels():
    plots = _all_plots("en")
    overview = _figure_texts(plots["corpus_overview"])
    assert "Words per outlet" in overview and "Articles per outlet" in overview
    assert "n=1,200" in _figure_texts(plots["sentiment_groups"])
    assert "Tone per outlet, with 95% bootstrap interval" in _figure_texts(
        plots["sentiment_groups"])
    heatmap = plots["frames_heatmap"].axes[0]
    assert [t.get_text() for t in heatmap.get_xticklabels()] == [
        "Cold War", "escalation", "sanctions", "diplomacy", "military"]
    frames = [t.get_text() for t in plots["sentiment_frames"].axes[0].get_yticklabels()]
    assert frames == ["Cold War", "sanctions"]
    assert "“sancties” (7×)" in _figure_texts(plots["xray"])
    validity = _figure_texts(plots["sentiment_validity"])
    assert ("Validity: each measure against human codes (6,031 headlines, 5-fold "
            "cross-validation)") in validity


def test_dutch_figures_write_dutch_numbers_and_frame_labels():
    plots = _all_plots("nl")
    assert "n=1.200" in _figure_texts(plots["sentiment_groups"])
    heatmap = plots["frames_heatmap"].axes[0]
    assert [t.get_text() for t in heatmap.get_xticklabels()] == [
        "Koude Oorlog", "escalatie", "sancties", "diplomatie", "militair"]
    assert "„sancties” (7×)" in _figure_texts(plots["xray"])
    assert ("Validiteit: elke maat tegenover menselijke codes (6.031 koppen, 5-voudige "
            "kruisvalidatie)") in _figure_texts(plots["sentiment_validity"])


def test_time_figures_in_english_and_dutch_name_the_period_and_the_events():
    en, nl = _all_plots("en"), _all_plots("nl")
    assert ("Frames per month and outlet (matches per 1,000 words), with 95% interval "
            "(cluster bootstrap over articles)") in _figure_texts(en["timeline"])
    assert ("Frames per maand en medium (treffers per 1.000 woorden), met 95%-interval "
            "(clusterbootstrap over artikelen)") in _figure_texts(nl["timeline"])
    assert "Events: 1 2022-02-01 Genève" in _figure_texts(en["timeline"])
    assert "Gebeurtenissen: 1 2022-02-01 Genève" in _figure_texts(nl["new_terms"])
    rows = en["timeline"].axes  # five frames and the lexicon tone, one outlet
    assert len(rows) == 6
    assert [ax.get_ylabel() for ax in rows[:2]] == ["Cold War", "escalation"]
    assert ("New words: the 6 strongest keywords of each period against the month before "
            "(size: G²)") in _figure_texts(en["new_terms"])


def test_quote_plots_in_english_and_dutch():
    plots = {lang: _all_plots(lang) for lang in ("nl", "en")}
    assert "Who speaks? Quotations per outlet by actor group (all quotations)" in \
        _figure_texts(plots["en"]["quotes_share"])
    assert "Wie komt aan het woord? Citaten per medium naar actorgroep (alle citaten)" in \
        _figure_texts(plots["nl"]["quotes_share"])
    direct = plots["en"]["quotes_direct"].axes[0]
    assert [t.get_text() for t in direct.get_xticklabels()] == [
        "Russia", "United States", "NATO", "(no actor)"]
    # NOS: Lavrov direct, the NAVO paraphrased; NRC: Sherman direct, analysts paraphrased
    assert [t.get_text() for t in direct.texts] == ["1/1", "", "0/1", "",
                                                    "", "1/1", "", "0/1"]
    heat = plots["nl"]["actors_heatmap"].axes[0]
    assert "Genoemde actoren per medium: vermeldingen per 1.000 woorden" in \
        _figure_texts(plots["nl"]["actors_heatmap"])
    assert [t.get_text() for t in heat.get_xticklabels()][:3] == ["Rusland",
                                                                  "Verenigde Staten", "NAVO"]


def test_quote_plots_without_quotations_say_so():
    from analysis.quotes import quotes_direct, quotes_find, quotes_share
    from analysis.textplot import textplot_quotes_direct, textplot_quotes_share

    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                           "text": ["Geen citaten hier.", "Ook niet."]})
    quotes = quotes_find(corpus)
    assert quotes.empty
    shares = quotes_share(quotes, corpus=corpus)
    assert shares.empty
    for fig in (textplot_quotes_share(shares, lang="en"),
                textplot_quotes_direct(quotes_direct(quotes, corpus=corpus), lang="en")):
        assert "no quotations" in _figure_texts(fig)


@pytest.mark.parametrize(("lang", "other", "unknown"), [("nl", "(overige)", "(onbekend)"),
                                                         ("en", "(other)", "(unknown)")])
def test_merged_and_missing_groups_are_named_in_the_figures_language(lang, other, unknown):
    from analysis.corpus import corpus_summary
    from analysis.dictionaries import frames_count, frames_match
    from analysis.textplot import (
        textplot_corpus_overview,
        textplot_frames_heatmap,
        textplot_sentiment_groups,
    )

    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "(other)", None],
                           "date": ["2022-01-10"] * 3,
                           "text": ["Oorlog en sancties.", "Vrede en overleg.", "Sancties."]})
    aggregates = pd.DataFrame({"outlet": ["NOS", "(other)", "(unknown)"], "method": "lexicon",
                               "mean": [0.1, -0.1, 0.0], "ci_low": [0.0, -0.2, -0.1],
                               "ci_high": [0.2, 0.0, 0.1], "n_sentences": [12, 12, 12]})
    figures = [textplot_corpus_overview(corpus_summary(corpus), lang=lang),
               textplot_frames_heatmap(frames_count(frames_match(corpus), corpus), lang=lang),
               textplot_sentiment_groups(aggregates, lang=lang)]
    for fig in figures:
        texts = _figure_texts(fig)
        assert other in texts and unknown in texts, texts
        for wrong in {"(other)", "(unknown)", "(overige)", "(onbekend)"} - {other, unknown}:
            assert wrong not in texts


def test_new_terms_says_when_no_word_shown_is_significant():
    """Weeks whose strongest words are not one significant keyword: the figure and its
    caption say so, as the keyness figure does (before, they showed the words as if they
    were keywords)."""
    from analysis.output.captions import caption_get
    from analysis.textplot import textplot_new_terms

    table = pd.DataFrame({"period": ["2022-01-03", "2022-01-10", "2022-01-10"],
                          "term": [None, "gas", "prijs"], "g2": [None, 3.1, 2.0],
                          "reference": [None, "2022-01-03", "2022-01-03"],
                          "significant": [None, False, False]})
    table.attrs["alpha"] = 0.05
    nl = textplot_new_terms(table, n=6, lang="nl")
    assert ("geen significante sleutelwoorden (0 van 2 toetsen):\nde sterkste woorden, "
            "niet significant") in _figure_texts(nl)
    assert caption_get(nl)[0].endswith(
        "0 van de 2 getoonde woorden zijn significante sleutelwoorden (2 toetsen, "
        "gecorrigeerde p < 0,05).")
    table.loc[1, "significant"] = True
    en = textplot_new_terms(table, n=6, lang="en")
    assert not any("no significant" in t for t in _figure_texts(en))
    assert caption_get(en)[0].endswith(
        "1 of the 2 words shown are significant keywords (2 tests, adjusted p < 0.05).")
