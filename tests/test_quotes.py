"""Quotes: hand-written Dutch sentences with the exact quotes and speakers a reader finds in
them (every pattern and every trap), and the hand-coded bundled corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.quotes import (
    CODED_BUNDLED_FILE,
    QUOTE_COLUMNS,
    quotes_direct,
    quotes_find,
    quotes_gold_locate,
    quotes_marks,
    quotes_rules,
    quotes_share,
    quotes_typography,
    quotes_validate,
)


def find(*texts: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                           "outlet": ["NOS"] * len(texts), "text": list(texts)})
    return quotes_find(corpus)


def rows(table: pd.DataFrame, *columns: str) -> list[list]:
    return table[list(columns)].values.tolist()


# --------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize("text, quoted", [
    ("Hij zei: „Wij blijven.” Daarna niets.", ["Wij blijven."]),
    ("Hij zei: “Wij blijven.”", ["Wij blijven."]),
    ('Hij zei: "Wij blijven."', ["Wij blijven."]),
    ("Hij zei: ‘Wij blijven.’", ["Wij blijven."]),
    ("Hij zei: 'Wij blijven.'", ["Wij blijven."]),
    ("Hij zei: «Wij blijven.»", ["Wij blijven."]),
    # apostrophes in words and elisions are no quotation marks
    ("Het was zo'n dag, 's avonds om 10 uur, na ’91 en zo’n jaar.", []),
    ("'s Ochtends zei hij: 'Zo'n dag.'", ["Zo'n dag."]),
    # a quote inside a quote belongs to the outer one
    ("„Hij riep ‘nooit’ en ‘nergens’”, aldus Blinken.", ["Hij riep ‘nooit’ en ‘nergens’"]),
    ('"Hij riep \'nooit\'", aldus Blinken.', ["Hij riep 'nooit'"]),
    # a quote over two paragraphs, the second reopened with the same mark
    ("„Eerste alinea.\n\n„Tweede alinea”, zei hij.", ["Eerste alinea.\n\n„Tweede alinea"]),
])
def test_marks_find_quotes_and_skip_apostrophes(text, quoted):
    spans, unclosed = quotes_marks(text)
    assert [text[a + 1:b] for a, b in spans] == quoted
    assert unclosed == []


def test_marks_unclosed_quote_at_the_end_gives_no_quote():
    text = "Eerst „iets” gezegd. Rjabkov zei: „Wij trekken ons niet terug"
    spans, unclosed = quotes_marks(text)
    assert [text[a + 1:b] for a, b in spans] == ["iets"]
    assert unclosed == [text.index("„Wij")]


def test_marks_unclosed_quote_does_not_run_into_the_next_paragraph():
    text = "Hij zei: „Dit loopt niet af.\n\nVolgende alinea met „een citaat”."
    spans, unclosed = quotes_marks(text)
    assert [text[a + 1:b] for a, b in spans] == ["een citaat"]
    assert unclosed == [text.index("„Dit")]


# --------------------------------------------------------------------------- direct quotes


def test_direct_quote_attribution_after():
    q = find("„We praten verder”, zei Lavrov.")
    assert list(q.columns) == QUOTE_COLUMNS
    assert rows(q, "quote", "kind", "verb", "speaker_text", "actor", "group", "resolved",
                "words") == [["We praten verder", "direct", "zei", "Lavrov", "lavrov",
                              "Rusland", False, 3]]


def test_direct_quote_attribution_before_with_colon():
    q = find("Lavrov: „Wij willen garanties.”")
    assert rows(q, "quote", "verb", "speaker_text", "actor") == [
        ["Wij willen garanties.", ":", "Lavrov", "lavrov"]]


def test_direct_quote_attribution_inside():
    q = find("„Wij willen garanties”, zei Lavrov, „en wel nu.”")
    assert rows(q, "quote", "kind", "actor") == [
        ["Wij willen garanties", "direct", "lavrov"], ["en wel nu.", "direct", "lavrov"]]


def test_direct_quote_over_two_sentences_starts_in_the_first():
    q = find("Hij landde. „Wij willen vrede. Maar niet tegen elke prijs”, zei Zelensky.")
    assert rows(q, "sentence_id", "quote", "actor") == [
        [2, "Wij willen vrede. Maar niet tegen elke prijs", "zelensky"]]


def test_aldus_a_description_resolves_to_the_last_person_named():
    q = find("Minister Blinken landde in Genève. „Dit is onaanvaardbaar”, aldus de minister.")
    assert rows(q, "quote", "verb", "speaker_text", "actor", "resolved") == [
        ["Dit is onaanvaardbaar", "aldus", "de minister", "blinken", True]]


def test_a_quote_standing_alone_continues_the_speaker_before():
    q = find("„Het was een goed gesprek”, zei Sherman. „Maar we zijn er niet.”")
    assert rows(q, "quote", "verb", "actor", "resolved") == [
        ["Het was een goed gesprek", "zei", "sherman", False],
        ["Maar we zijn er niet.", "", "sherman", True]]


def test_the_speaker_is_never_taken_from_inside_the_quote():
    q = find("„Poetin wil geen oorlog”, zei Blinken.")
    assert rows(q, "actor") == [["blinken"]]


def test_partial_quote_in_a_paraphrase_is_the_direct_quote():
    q = find("Peskov noemde de NAVO een ‘instrument van confrontatie’.",
             "Poetin waarschuwde dat zijn land ‘militair-technische maatregelen’ neemt.")
    assert rows(q, "doc_id", "quote", "kind", "verb", "actor") == [
        ["d0", "instrument van confrontatie", "direct", "noemde", "peskov"],
        ["d1", "militair-technische maatregelen", "direct", "waarschuwde", "poetin"]]


def test_straight_and_single_quotation_marks():
    q = find('Stoltenberg zei: "De deur blijft open."', "Sherman zei: 'We gaan door.'")
    assert rows(q, "quote", "actor") == [["De deur blijft open.", "stoltenberg"],
                                         ["We gaan door.", "sherman"]]


def test_apostrophes_in_words_are_no_quotes():
    q = find("Het was zo'n dag, zei Poetin. Hij vertrok 's avonds, na ’91 nooit meer.")
    assert rows(q, "quote", "kind", "actor") == [["Het was zo'n dag", "indirect", "poetin"]]


def test_quote_inside_a_quote_is_one_quotation():
    q = find("„Hij zei ‘nooit’ en dat meende hij”, aldus Blinken.")
    assert rows(q, "quote", "actor") == [["Hij zei ‘nooit’ en dat meende hij", "blinken"]]


def test_a_title_in_quotation_marks_is_no_quote():
    q = find("Poetin schreef vorig jaar het essay „Over de historische eenheid van Russen en "
             "Oekraïners” en las het voor.",
             "De NOS zond de documentaire ‘De wereld door de ogen van Poetin’ uit.")
    assert q.empty


def test_scare_quotes_without_a_speaker_are_no_quotes():
    q = find("Rusland stuurt ‘nieuwe’ troepen en een ‘donatie’ van munitie.")
    assert q.empty


def test_unclosed_quote_at_the_end_of_an_article():
    text = "„Wij blijven”, zei Lavrov. Rjabkov zei: „Wij trekken ons niet terug"
    q = find(text)
    assert rows(q, "quote", "actor") == [["Wij blijven", "lavrov"]]
    assert q.attrs["unclosed"] == [("d0", 40)] and text[40] == "„"


# --------------------------------------------------------------------------- indirect speech


@pytest.mark.parametrize("text, quote, verb, speaker, actor", [
    ("Volgens de NAVO gaat de opbouw door.", "gaat de opbouw door", "Volgens", "de NAVO",
     "navo"),
    ("De opbouw gaat door, aldus Stoltenberg.", "De opbouw gaat door", "aldus",
     "Stoltenberg", "stoltenberg"),
    ("Lavrov zei dat Rusland niet zal aanvallen.", "Rusland niet zal aanvallen", "zei",
     "Lavrov", "lavrov"),
    ("Sherman zegt dat de VS niet toegeven.", "de VS niet toegeven", "zegt", "Sherman",
     "sherman"),
    ("De NAVO stelt dat de deur open blijft.", "de deur open blijft", "stelt", "De NAVO",
     "navo"),
    ("Blinken verklaarde dat er sancties komen.", "er sancties komen", "verklaarde",
     "Blinken", "blinken"),
    ("Stoltenberg benadrukte dat het bondgenootschap eensgezind is.",
     "het bondgenootschap eensgezind is", "benadrukte", "Stoltenberg", "stoltenberg"),
    ("Biden waarschuwde dat een inval zware gevolgen heeft.",
     "een inval zware gevolgen heeft", "waarschuwde", "Biden", "biden"),
    ("Rusland liet nogmaals weten niet van plan te zijn aan te vallen.",
     "niet van plan te zijn aan te vallen", "liet nogmaals weten", "Rusland", "rusland"),
    ("Zondag waarschuwde Blinken dat sancties zullen volgen.", "sancties zullen volgen",
     "waarschuwde", "Blinken", "blinken"),
    ("De opbouw gaat gewoon door, zei Lavrov.", "De opbouw gaat gewoon door", "zei",
     "Lavrov", "lavrov"),
    ("De opbouw gaat gewoon door, stelt de NAVO-chef.", "De opbouw gaat gewoon door",
     "stelt", "de NAVO-chef", "stoltenberg"),
    ("Het overleg was nuttig, zeggen analisten.", "Het overleg was nuttig", "zeggen",
     "analisten", ""),
    ("De Russische onderminister Sergej Rjabkov zei dat er geen reden tot zorg is.",
     "er geen reden tot zorg is", "zei", "De Russische onderminister Sergej Rjabkov",
     "rjabkov"),
    ("Er komt geen inval, zoals Poetin zegt.", "Er komt geen inval", "zegt", "Poetin",
     "poetin"),
    ("In Moskou waarschuwde Kremlin-woordvoerder Dmitri Peskov dat de toestand kritiek is.",
     "de toestand kritiek is", "waarschuwde", "Kremlin-woordvoerder Dmitri Peskov",
     "peskov"),
])
def test_indirect_speech(text, quote, verb, speaker, actor):
    q = find(text)
    assert rows(q, "quote", "kind", "verb", "speaker_text", "actor", "resolved") == [
        [quote, "indirect", verb, speaker, actor, False]]


def test_two_statements_in_one_sentence():
    q = find("Moskou eist dat de NAVO zich terugtrekt, de VS dreigen Oekraïne te zullen "
             "bewapenen.")
    assert rows(q, "quote", "actor") == [["de NAVO zich terugtrekt", "rusland"],
                                         ["Oekraïne te zullen bewapenen", "vs"]]


def test_pronoun_is_resolved_to_the_last_person_of_its_gender():
    q = find("Sherman sprak in Genève met Poetin. Ze zei dat de VS niet zullen toegeven.")
    assert rows(q, "speaker_text", "actor", "resolved") == [["Ze", "sherman", True]]
    q = find("Sherman sprak in Genève met Poetin. Hij zei dat Rusland niet toegeeft.")
    assert rows(q, "speaker_text", "actor", "resolved") == [["Hij", "poetin", True]]


def test_pronoun_without_a_named_antecedent_is_left_empty():
    q = find("Hij zei dat de gesprekken mislukt zijn.")
    assert rows(q, "speaker_text", "actor", "group", "resolved") == [["Hij", "", "", False]]
    # a person named three sentences earlier is too far back
    q = find("Lavrov kwam. Het regende. Het waaide. Het sneeuwde. Hij zei dat het koud is.")
    assert rows(q, "speaker_text", "actor", "resolved") == [["Hij", "", False]]


@pytest.mark.parametrize("text", [
    "Die eisen zijn onaanvaardbaar voor de NAVO.",           # eisen: a noun
    "Rusland wil, kort gezegd, dat de NAVO vertrekt.",       # kort gezegd
    "Poetin schreef vorig jaar een essay over Oekraïne.",    # a speech verb, no content
    "De VS hebben Poetin sancties in het vooruitzicht gesteld.",
    "Het plan dreigt te mislukken, aldus",                    # cue without speaker or content
    "Om de NAVO te beloven dat er niets gebeurt.",           # infinitive
])
def test_no_quotation(text):
    assert find(text).empty


# --------------------------------------------------------------------------- word lists


def test_word_lists_are_editable_files(tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("# mijn lijst\nfluisterde\n", encoding="utf-8")
    rules = quotes_rules(speech_verbs=verbs)
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                           "text": ["Lavrov fluisterde dat het overleg misging. Lavrov zei "
                                    "dat alles goed ging."]})
    q = quotes_find(corpus, rules=rules)
    assert rows(q, "quote", "verb") == [["het overleg misging", "fluisterde"]]


def test_word_list_line_without_a_word_is_an_error(tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("zei\n...\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verbs.txt, line 2"):
        quotes_rules(speech_verbs=verbs)


# --------------------------------------------------------------------------- shares


def test_quotes_share_hand_computed():
    q = pd.DataFrame({"outlet": ["NOS", "NOS", "NOS", "NRC"],
                      "kind": ["direct", "direct", "indirect", "indirect"],
                      "group": ["Rusland", "NAVO", "", "NAVO"],
                      "words": [6, 2, 4, 5]})
    t = quotes_share(q, groups=["Rusland", "NAVO"]).set_index(["outlet", "kind", "group"])
    assert t.loc[("NOS", "all", "Rusland"), ["quotes", "words"]].tolist() == [1, 6]
    assert t.loc[("NOS", "all", "Rusland"), "share_quotes"] == pytest.approx(1 / 3)
    assert t.loc[("NOS", "all", "Rusland"), "share_words"] == pytest.approx(6 / 12)
    assert t.loc[("NOS", "direct", "NAVO"), "share_quotes"] == pytest.approx(0.5)
    assert t.loc[("NOS", "direct", "NAVO"), "share_words"] == pytest.approx(2 / 8)
    assert t.loc[("NOS", "indirect", "(unknown)"), "share_quotes"] == 1.0
    assert t.loc[("NRC", "direct", "NAVO"), ["quotes", "share_quotes"]].tolist() == [0, 0.0]
    assert t.loc[("NRC", "indirect", "NAVO"), "share_words"] == 1.0
    assert len(t) == 2 * 3 * 3


def test_quotes_share_and_direct_by_a_corpus_column():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NRC", "AD"],
                           "country": ["NL", "BE", None]})
    q = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "outlet": ["NOS", "NOS", "NRC", "AD"],
                      "kind": ["direct", "indirect", "direct", "direct"],
                      "group": ["Rusland", "Rusland", "NAVO", "NAVO"], "words": [4, 6, 5, 1]})
    t = quotes_share(q, by="country", corpus=corpus).set_index(["country", "kind", "group"])
    assert t.loc[("NL", "all", "Rusland"), ["quotes", "share_quotes"]].tolist() == [2, 1.0]
    assert t.loc[("(unknown)", "direct", "NAVO"), "share_words"] == 1.0
    d = quotes_direct(q, by="country", corpus=corpus)
    assert d.values.tolist() == [["NL", "Rusland", 2, 1, 0.5], ["BE", "NAVO", 1, 1, 1.0],
                                 ["(unknown)", "NAVO", 1, 1, 1.0]]
    with pytest.raises(KeyError, match="krant"):
        quotes_share(q, by="krant", corpus=corpus)


# --------------------------------------------------------------------------- validation


def test_validate_hand_computed():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [
        "„Nee”, zei Lavrov. Blinken zei dat het goed ging. Het ‘gesprek’ duurde lang. "
        "Peskov: „Wij wachten af.”"]})
    gold = quotes_gold_locate(pd.DataFrame({
        "doc_id": ["a", "a", "a"],
        "kind": ["direct", "indirect", "direct"],
        "quote": ["Nee", "het goed ging", "gesprek"],
        "speaker": ["Lavrov", "Blinken", "Sherman"],
        "actor": ["lavrov", "sherman", "sherman"],
    }), corpus)
    scores, pairs = quotes_validate(quotes_find(corpus), gold)
    s = scores.set_index("kind")
    # found: Nee (direct, Lavrov), het goed ging (indirect, Blinken: the coding says
    # Sherman), Wij wachten af. (direct, not coded); "gesprek" (coded) is not found
    assert s.loc["direct", ["coded", "found", "hits", "attribution_correct"]].tolist() == \
        [2, 2, 1, 1]
    assert s.loc["direct", ["precision", "recall", "f1", "attribution_accuracy"]].tolist() \
        == [0.5, 0.5, 0.5, 1.0]
    assert s.loc["indirect", ["coded", "found", "hits", "attribution_correct"]].tolist() \
        == [1, 1, 1, 0]
    assert s.loc["all", ["coded", "found", "hits", "attribution_correct"]].tolist() == \
        [3, 3, 2, 1]
    assert pairs["outcome"].tolist() == ["hit", "wrong speaker", "missed", "false alarm"]


def test_gold_locate_names_the_line():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Hij zei: „Nee.”"]})
    bad = pd.DataFrame({"doc_id": ["a", "a"], "kind": ["direct", "direct"],
                        "quote": ["Nee.", "Ja."]})
    with pytest.raises(ValueError, match=r"coded.csv, line 3: the quote 'Ja.' is not in"):
        quotes_gold_locate(bad, corpus, source="coded.csv")
    with pytest.raises(ValueError, match=r"line 2: article 'b' is not in the corpus"):
        quotes_gold_locate(bad.assign(doc_id="b"), corpus)
    with pytest.raises(ValueError, match=r"line 2: kind must be direct or indirect"):
        quotes_gold_locate(bad.assign(kind="partial"), corpus)


# --------------------------------------------------------------------------- bundled corpus


@pytest.fixture(scope="module")
def bundled():
    corpus = corpus_load(CORPUS_DIR)
    coded = pd.read_csv(CODED_BUNDLED_FILE, dtype=str, keep_default_na=False)
    gold = quotes_gold_locate(coded, corpus, source=str(CODED_BUNDLED_FILE))
    return corpus, gold, quotes_find(corpus)


def test_bundled_coding_covers_every_article(bundled):
    corpus, gold, _ = bundled
    counts = gold.groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
    assert counts.loc[corpus["doc_id"], ["direct", "indirect"]].values.tolist() == [
        [7, 14], [2, 5], [3, 5], [6, 2], [6, 6]]
    # every coded quote is found exactly once in its article
    for row in gold.itertuples():
        text = corpus.set_index("doc_id").loc[row.doc_id, "text"]
        assert text[row.start:row.end] == row.quote
        assert text.count(row.quote) == 1


def test_bundled_corpus_scores(bundled):
    _, gold, found = bundled
    scores, pairs = quotes_validate(found, gold)
    s = scores.set_index("kind")
    assert s.loc["direct", ["coded", "found", "hits", "attribution_correct"]].tolist() == \
        [24, 23, 23, 23]
    assert s.loc["indirect", ["coded", "found", "hits", "attribution_correct"]].tolist() == \
        [32, 32, 32, 32]
    assert s.loc["direct", "precision"] >= 0.9 and s.loc["direct", "recall"] >= 0.9
    assert s.loc["all", "attribution_accuracy"] >= 0.85
    # the one miss: the pull quote, printed without quotation marks
    misses = pairs[pairs["outcome"] != "hit"]
    assert misses[["quote", "outcome"]].values.tolist() == [
        ["Er is geen reden bang te zijn voor escalatie-scenario", "missed"]]


def test_bundled_corpus_quotes_per_outlet(bundled):
    _, _, found = bundled
    counts = found.groupby(["outlet", "kind"]).size().unstack(fill_value=0)
    assert counts.loc[["NRC", "De Morgen", "NOS", "Trouw", "de Volkskrant"],
                      ["direct", "indirect"]].values.tolist() == [
        [6, 14], [2, 5], [3, 5], [6, 2], [6, 6]]
    assert found.attrs["unclosed"] == []


# ------------------------------------------------ Dutch newspaper typography: ,,…'' and ,,…”


@pytest.mark.parametrize("text, quoted", [
    ("Hij zei: ,,Wij blijven.'' Daarna niets.", ["Wij blijven."]),
    ("Hij zei: ,,Wij blijven.” Daarna niets.", ["Wij blijven."]),
    (",,Wij blijven'', zei hij.", ["Wij blijven"]),
    ("(,,Nooit'') en ,,nergens''.", ["Nooit", "nergens"]),
    # commas between digits and doubled apostrophes inside words are no marks
    ("Het kostte 1,,5 miljoen en a,,b bleef.", []),
    # a ,,-quote over two paragraphs, the second reopened with ,,
    (",,Eerste alinea.\n\n,,Tweede alinea'', zei hij.", ["Eerste alinea.\n\n „Tweede alinea"]),
])
def test_marks_newspaper_typography(text, quoted):
    spans, unclosed = quotes_marks(text)
    view = quotes_typography(text)
    assert [view[a + 1:b] for a, b in spans] == quoted
    assert unclosed == []


# Four articles in the typography of AD and the regional papers, coded by hand: every direct
# quotation with its speaker (the actor of the shipped dictionary).
AD_ARTICLES = [
    ",,We laten ons niet intimideren'', zei Blinken maandag in Genève. Volgens hem ligt er "
    "een serieus aanbod. ,,Het is aan Moskou om te kiezen.''\n\n"
    "Lavrov reageerde kort: ,,Er is geen enkele reden tot paniek.'' Hij voegde eraan toe: "
    ",,Rusland valt niemand aan.''",
    "Stoltenberg sprak van een moeilijk gesprek. ,,De verschillen zijn groot'', aldus de "
    "NAVO-chef. ,,Maar we blijven praten.”\n\n"
    "Rjabkov zei na afloop: ,,De NAVO moet ophouden met uitbreiden.'' Sherman: ,,Dat is voor "
    "ons onbespreekbaar.''",
    "Poetin liet via Peskov weten dat ,,alle opties open blijven''. ,,We wachten op een "
    "schriftelijk antwoord'', zei Peskov.\n\n"
    "Biden: ,,Als Rusland binnenvalt, volgen zware sancties.'' ,,Dat meen ik'', zei Biden.",
    "In Brussel zei Stoltenberg: ,,De deur blijft open.'' Lavrov: ,,Dan is er niets te "
    "bespreken.''",
]
AD_CODED = [  # (article, quoted words, actor)
    (0, "We laten ons niet intimideren", "blinken"),
    (0, "Het is aan Moskou om te kiezen.", "blinken"),
    (0, "Er is geen enkele reden tot paniek.", "lavrov"),
    (0, "Rusland valt niemand aan.", "lavrov"),
    (1, "De verschillen zijn groot", "stoltenberg"),
    (1, "Maar we blijven praten.", "stoltenberg"),
    (1, "De NAVO moet ophouden met uitbreiden.", "rjabkov"),
    (1, "Dat is voor ons onbespreekbaar.", "sherman"),
    (2, "alle opties open blijven", "peskov"),
    (2, "We wachten op een schriftelijk antwoord", "peskov"),
    (2, "Als Rusland binnenvalt, volgen zware sancties.", "biden"),
    (2, "Dat meen ik", "biden"),
    (3, "De deur blijft open.", "stoltenberg"),
    (3, "Dan is er niets te bespreken.", "lavrov"),
]


def test_newspaper_typography_direct_quotes_recall():
    """Every hand-coded ,,…'' quotation is found as a direct quote; recall on the speakers is
    at least 0.9 (it was 0 before the typography was read)."""
    found = find(*AD_ARTICLES)
    direct = found[found["kind"] == "direct"]
    got = {(int(d[1:]), q) for d, q in direct[["doc_id", "quote"]].values.tolist()}
    coded = {(i, q) for i, q, _ in AD_CODED}
    assert coded <= got
    speakers = {(int(d[1:]), q): a
                for d, q, a in direct[["doc_id", "quote", "actor"]].values.tolist()}
    right = sum(speakers.get((i, q)) == a for i, q, a in AD_CODED)
    assert right / len(AD_CODED) >= 0.9
class _Counting(list):
    """A list that counts every element read from it (by index, slice or iteration)."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            _Counting.reads += 1
            yield item

    def __getitem__(self, key):
        value = super().__getitem__(key)
        _Counting.reads += len(value) if isinstance(key, slice) else 1
        return value


def test_the_work_per_article_grows_with_its_length_not_its_square(monkeypatch):
    """The mentions, cues and speech verbs of an article are looked up by position: an
    article twice as long reads (about) twice as many of them, not four times as many."""
    from analysis.quotes import attribution

    made = attribution._Article.__init__

    def counting(self, *args, **kwargs):
        made(self, *args, **kwargs)
        for name in ("mentions", "cues", "verbs", "events"):
            if hasattr(self, name):
                setattr(self, name, _Counting(getattr(self, name)))

    monkeypatch.setattr(attribution._Article, "__init__", counting)
    paragraph = ('"We praten verder," zei Lavrov maandag in Genève. Volgens de NAVO is de '
                 'dreiging niet voorbij. Stoltenberg zegt dat het bondgenootschap klaar staat. '
                 '„Dit is ernstig”, aldus Blinken.')
    reads = {}
    for n in (40, 80):
        corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NRC"],
                               "text": ["\n\n".join([paragraph] * n)]})
        _Counting.reads = 0
        assert len(quotes_find(corpus)) == 4 * n  # the same quotes in every paragraph
        reads[n] = _Counting.reads
    assert reads[80] <= 2.2 * reads[40], reads
