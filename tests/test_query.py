"""The query language: its grammar, its errors and the exact hits of every operator on
hand-made articles."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.query import QueryError, queries_parse, queries_read, query_parse
from analysis.query.evaluate import query_hits, query_search, query_summary
from analysis.query.parse import And, AndNot, Field, Near, Not, Or, Phrase, Term

# --------------------------------------------------------------------------- grammar


def test_precedence_and_binds_tighter_than_or():
    assert query_parse("a OR b AND c") == Or((Term("a"), And(Term("b"), Term("c"))))
    assert query_parse("(a OR b) AND c") == And(Or((Term("a"), Term("b"))), Term("c"))


def test_space_is_or_and_not_forms():
    assert query_parse("a b c") == Or((Term("a"), Term("b"), Term("c")))
    assert query_parse("a NOT b") == AndNot(Term("a"), Term("b"))
    assert query_parse("a AND NOT b") == AndNot(Term("a"), Term("b"))
    assert query_parse("NOT b") == Not(Term("b"))
    assert query_parse("a and b or c") == Or((And(Term("a"), Term("b")), Term("c")))


def test_proximity_phrases_fields_and_modifiers():
    assert query_parse("vvd w/10 cda") == Near(Term("vvd"), Term("cda"), 10)
    assert query_parse("vvd pre/3 cda") == Near(Term("vvd"), Term("cda"), 3, ordered=True)
    assert query_parse("a w/s b").distance == "sentence"
    assert query_parse("a W/P b").distance == "paragraph"
    assert query_parse('"(rusland OR poetin*) sanctie*"~5') == Phrase(
        (Or((Term("rusland"), Term("poetin*"))), Term("sanctie*")), slop=5)
    assert query_parse("headline:oorlog") == Field("title", Term("oorlog"))
    assert query_parse("lemma:oorlog") == Field("lemma", Term("oorlog"))
    assert query_parse("OM~s") == Term("OM", case=True)
    assert query_parse("=schuld") == Term("schuld", exact=True)
    assert query_parse('="de schuld"') == Phrase((Term("de"), Term("schuld")), exact=True)
    assert query_parse("sanctie!") == Term("sanctie*")  # Nexis Uni's truncation


def test_nested_parentheses():
    assert query_parse("((a OR (b AND c)) NOT d)") == AndNot(
        Or((Term("a"), And(Term("b"), Term("c")))), Term("d"))


@pytest.mark.parametrize("query, column, message", [
    ("(navo OR nato", 14, "')' expected"),
    ('"koude oorlog', 14, "'\"' expected"),
    ("navo AND", 9, "a word, a phrase or '(' expected"),
    ("navo)", 5, "')' without a matching '('"),
    ("navo AND OR nato", 10, "before OR"),
    ("a ~ b", 3, "'~' must follow"),
    ('"kosten AND belasting"', 9, "AND inside a phrase"),
])
def test_malformed_query_names_query_column_and_expectation(query, column, message):
    with pytest.raises(QueryError) as caught:
        query_parse(query, name="bad")
    assert caught.value.column == column
    assert str(caught.value).startswith(f"query 'bad', column {column}: ")
    assert message in str(caught.value)


def test_unknown_field_gets_did_you_mean():
    with pytest.raises(QueryError, match=r"column 6: unknown field 'lemmma'; did you mean "
                       r"'lemma'\?"):
        query_parse("navo lemmma:oorlog", name="q")


def test_named_queries_from_items_and_file(tmp_path):
    assert list(queries_parse(["a=navo", "b# nato OR navo", "poetin"])) == ["a", "b", "poetin"]
    path = tmp_path / "q.txt"
    path.write_text("# my queries\nnavo# navo OR nato\n\nsancties# sanctie* w/5 rusland\n",
                    encoding="utf-8")
    assert list(queries_read(path)) == ["navo", "sancties"]
    path.write_text("navo# navo\nslecht# (navo\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"q.txt, line 2: query 'slecht', column 6: "
                       r"'\)' expected"):
        queries_read(path)


# --------------------------------------------------------------------------- hits


@pytest.fixture(scope="module")
def corpus():
    return pd.DataFrame({
        "doc_id": ["num", "punct", "sent", "para", "comp", "case", "lem", "neg", "acc"],
        "outlet": ["A", "A", "A", "B", "B", "B", "C", "C", "C"],
        "date": ["2022-01-03", "2022-01-04", "2022-02-01", "2022-02-02", "2022-02-03",
                 "2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04"],
        "title": ["", "", "", "", "Koude Oorlog", "", "", "", ""],
        "text": [
            "een twee drie vier vijf zes zeven acht negen tien",
            "alfa , ; - beta",
            "alfa gamma. Beta delta.",
            "alfa gamma.\nbeta delta",
            "Na de Koude-Oorlogsretoriek en de koudeoorlog volgen EU-sancties en een "
            "sanctiepakket.",
            "Het OM en om de schuld, de schulden en de schuldeisers.",
            "Oorlogen en een oorlog; de vrede.",
            "Geen escalatie. Wel escalatie, zegt hij, niet nu een escalatie.",
            "De deëscalatie in het café.",
        ],
    })


def docs(corpus, query, scope="article"):
    return query_search(corpus, {"q": query}, scope=scope)["doc_id"].astype(str).tolist()


def texts(corpus, query, doc=None):
    hits = query_hits(corpus, {"q": query})
    if doc is not None:
        hits = hits[hits["doc_id"] == doc]
    return hits["matched_text"].tolist()


@pytest.mark.parametrize("query, found", [
    ("een w/4 vijf", ["num"]),        # exactly 4 words apart
    ("een w/3 vijf", []),             # 4 > 3
    ('"een vijf"~4', ["num"]),
    ('"een vijf"~3', []),
    ("vijf w/4 een", ["num"]),        # any order
    ("een pre/4 vijf", ["num"]),
    ("vijf pre/4 een", []),           # pre/N keeps the order
    ("een pre/3 vijf", []),
    ("alfa w/1 beta", ["punct"]),           # punctuation is not counted
    ("gamma w/1 beta", ["para", "sent"]),   # nor a sentence end or a line break
    ("alfa w/2 beta", ["para", "punct", "sent"]),
    ("alfa w/s beta", ["punct"]),
    ("alfa w/p beta", ["punct", "sent"]),
    ("alfa w/1 gamma", ["para", "sent"]),
])
def test_proximity_exact_distances(corpus, query, found):
    assert sorted(docs(corpus, query)) == found


def test_boolean_operators(corpus):
    assert docs(corpus, "alfa AND delta") == ["sent", "para"]
    assert docs(corpus, "alfa OR tien") == ["num", "punct", "sent", "para"]
    assert docs(corpus, "alfa tien") == ["num", "punct", "sent", "para"]
    assert docs(corpus, "alfa NOT delta") == ["punct"]
    assert docs(corpus, "alfa AND NOT delta") == ["punct"]
    # precedence: tien OR (alfa AND delta), not (tien OR alfa) AND delta
    assert docs(corpus, "tien OR alfa AND delta") == ["num", "sent", "para"]
    assert docs(corpus, "(tien OR alfa) AND delta") == ["sent", "para"]
    assert docs(corpus, "((alfa OR (een AND tien)) NOT (gamma AND delta))") == ["num", "punct"]


def test_not_alone_gives_articles_without_hits(corpus):
    found = query_search(corpus, {"q": "NOT alfa"})
    assert found["doc_id"].astype(str).tolist() == ["num", "comp", "case", "lem", "neg", "acc"]
    assert found["hits"].tolist() == [0] * 6
    found = query_search(corpus, {"q": "NOT (alfa OR tien OR de)"})
    assert found[["doc_id", "hits", "units"]].values.tolist() == [["neg", 0, 1]]


def test_scope_sentence_and_paragraph(corpus):
    assert docs(corpus, "alfa AND beta") == ["punct", "sent", "para"]
    assert docs(corpus, "alfa AND beta", scope="paragraph") == ["punct", "sent"]
    assert docs(corpus, "alfa AND beta", scope="sentence") == ["punct"]
    found = query_search(corpus, {"q": "alfa OR beta"}, scope="sentence")
    assert found.set_index("doc_id")["units"].astype(int).to_dict() == {
        "punct": 1, "sent": 2, "para": 2}


def test_compounds_hyphens_and_phrases(corpus):
    assert texts(corpus, "sancties") == ["sancties"]                 # part of EU-sancties
    assert texts(corpus, "=sancties") == []                          # the whole word only
    assert texts(corpus, "sanctie*") == ["sancties", "sanctiepakket"]
    assert texts(corpus, '"koude oorlog"', "comp") == [
        "Koude Oorlog", "Koude-Oorlogsretoriek", "koudeoorlog"]
    assert texts(corpus, '="koude oorlog"', "comp") == ["Koude Oorlog", "koudeoorlog"]
    assert texts(corpus, 'title:"koude oorlog"') == ["Koude Oorlog"]
    assert texts(corpus, 'text:"koude oorlog"') == ["Koude-Oorlogsretoriek", "koudeoorlog"]


def test_exact_form_does_not_extend_into_compounds(corpus):
    assert texts(corpus, '"de schuld"') == ["de schuld", "de schulden", "de schuldeisers"]
    assert texts(corpus, '="de schuld"') == ["de schuld"]
    assert texts(corpus, "=schuld") == ["schuld"]


def test_case_sensitive_terms(corpus):
    assert texts(corpus, "om", "case") == ["OM", "om"]
    assert texts(corpus, "OM~s") == ["OM"]
    assert texts(corpus, "om~s") == ["om"]


def test_accents_and_diaeresis_fold(corpus):
    assert texts(corpus, "deescalatie") == ["deëscalatie"]
    assert texts(corpus, "cafe") == ["café"]


def test_lemma(corpus):
    assert texts(corpus, "lemma:oorlog", "lem") == ["Oorlogen", "oorlog"]
    assert texts(corpus, "lemma:oorlogen", "lem") == ["Oorlogen", "oorlog"]
    assert texts(corpus, "oorlog", "lem") == ["oorlog"]


def test_nested_terms_inside_proximity(corpus):
    assert sorted(docs(corpus, '"(zes OR beta) (een OR alfa)"~4')) == ["para", "punct", "sent"]
    assert sorted(docs(corpus, '"(zes OR beta) (een OR alfa)"~5')) == [
        "num", "para", "punct", "sent"]


def test_negated_column(corpus):
    hits = query_hits(corpus, {"q": "escalatie"})
    assert hits["negated"].tolist() == [True, False, True]
    found = query_search(corpus, {"q": "escalatie"})
    assert found[["hits", "negated"]].values.tolist() == [[3, 2]]


def test_overlapping_hits_count_once(corpus):
    hits = query_hits(corpus, {"q": '"koude oorlog" OR oorlog*'})
    comp = hits[(hits["doc_id"] == "comp") & (hits["part"] == "text")]
    assert comp["matched_text"].tolist() == ["Koude-Oorlogsretoriek", "koudeoorlog"]


def test_hits_offsets_point_into_the_text(corpus):
    hits = query_hits(corpus, {"q": "sancties OR escalatie OR Oorlogen"})
    by_id = corpus.set_index("doc_id")["text"]
    for row in hits.itertuples():
        assert by_id[row.doc_id][row.start:row.end] == row.matched_text


def test_summary_per_outlet(corpus):
    found = query_search(corpus, {"a": "alfa", "e": "tien"})
    summary = query_summary(found, corpus, by="outlet")
    assert summary[["query", "outlet", "articles", "found", "hits"]].values.tolist() == [
        ["a", "A", 3, 2, 2], ["a", "B", 3, 1, 1], ["a", "C", 3, 0, 0],
        ["e", "A", 3, 1, 1], ["e", "B", 3, 0, 0], ["e", "C", 3, 0, 0]]
    monthly = query_summary(found, corpus, by=None, period="month")
    assert monthly[["query", "period", "found"]].values.tolist() == [
        ["a", "2022-01-01", 1], ["a", "2022-02-01", 2], ["a", "2022-03-01", 0],
        ["e", "2022-01-01", 1], ["e", "2022-02-01", 0], ["e", "2022-03-01", 0]]


def test_hyphen_in_a_query_word_works_as_in_the_frame_patterns(corpus):
    assert query_parse("de-escal*") == Phrase((Term("de"), Term("escal*")))
    extra = pd.DataFrame({"doc_id": ["x", "y", "z"], "outlet": ["A"] * 3,
                          "text": ["De de-escalatie.", "Een de escalatie.", "Deescalatie nu."]})
    assert texts(extra, "de-escal*") == ["de-escalatie", "de escalatie", "Deescalatie"]


def test_nexis_and_amcat_strings_run_unchanged(corpus, tmp_path):
    nexis = ("(rusland! OR poetin OR kremlin) w/10 (sanctie! OR boycot!) AND NOT sport!")
    amcat = tmp_path / "queries.txt"
    amcat.write_text('# queries.txt\nsancties# "(rusland OR poetin*) sanctie*"~5 OR '
                     'headline:sanctie*\nnavo# navo OR nato OR "noord-atlantische '
                     'verdragsorganisatie"\nescalatie# escal* OR de-escal* OR deëscal* NOT '
                     'voetbal*\n', encoding="utf-8")
    news = pd.DataFrame({
        "doc_id": ["n1", "n2", "n3"], "outlet": ["NOS", "AD", "NRC"],
        "title": ["Nieuwe sancties", "", ""],
        "text": ["Het Kremlin reageert op de sancties van de EU.",
                 "Poetin en de sportboycot: sancties tegen Rusland.",
                 "De Noord-Atlantische Verdragsorganisatie wil deëscalatie."]})
    assert docs(news, nexis) == ["n1"]
    found = query_search(news, queries_read(amcat))
    assert found[["query", "doc_id"]].astype(str).values.tolist() == [
        ["sancties", "n1"], ["sancties", "n2"], ["navo", "n3"], ["escalatie", "n3"]]


def test_nexis_segments_headline_and_hlead():
    news = pd.DataFrame({
        "doc_id": ["t", "p1", "p2"], "outlet": ["A"] * 3,
        "title": ["Poetin spreekt", "Het weer", "Het weer"],
        "text": ["Over de economie.\nMeer.", "Poetin spreekt.\nMeer.", "Eerst dit.\nPoetin."]})
    assert query_parse("headline(poetin)") == Field("title", Term("poetin"))
    assert docs(news, "headline(poetin)") == ["t"]
    assert docs(news, "hlead(poetin)") == ["t", "p1"]
    assert docs(news, "lead:poetin") == ["t", "p1"]
    assert docs(news, "text:poetin") == ["p1", "p2"]
