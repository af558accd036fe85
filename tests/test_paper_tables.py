"""Paper tables: APA p values, rounding for reading, headers in the chosen language, LaTeX
that parses as booktabs, and a Word document that opens with the expected header row."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import numpy as np
import pandas as pd
import pytest

from analysis.output import p_apa, table_docx, table_latex, table_readable


@pytest.mark.parametrize(("p", "en", "nl"), [
    (0.0004, "< .001", "< ,001"),
    (0.0312, ".031", ",031"),
    (0.00099, "< .001", "< ,001"),
    (0.001, ".001", ",001"),
    (0.0495, ".050", ",050"),  # rounded to three decimals, as APA reports it
    (0.5, ".500", ",500"),
    (0.9989, ".999", ",999"),
    (0.9994, "> .999", "> ,999"),
    (1.0, "> .999", "> ,999"),
    (0.0, "< .001", "< ,001"),
    (float("nan"), "–", "–"),
])
def test_p_values_as_apa_writes_them(p, en, nl):
    assert p_apa(p, "en") == en
    assert p_apa(p, "nl") == nl


def test_a_p_value_outside_0_to_1_is_refused():
    with pytest.raises(ValueError, match="between 0 and 1, not 1.2"):
        p_apa(1.2)


@pytest.fixture
def keyness() -> pd.DataFrame:
    """Two rows in the shape of textstat_keyness, with values worked out by hand."""
    return pd.DataFrame({
        "outlet": ["NRC", "De Morgen"], "term": ["gesprekken", "poetin"],
        "count_target": [5, 1234], "size_reference": [1455, 23456],
        "per_1000_target": [26.041666666666668, 0.5], "g2": [8.868705476020155, -12.04],
        "p": [0.002901007866452756, 0.0004], "p_adj": [0.1392483775897323, np.nan],
        "log_ratio": [2.92184093707449, -4.0], "direction": ["positive", "negative"],
        "significant": [False, True]})


def test_readable_rounds_for_reading_and_heads_in_english(keyness):
    table = table_readable(keyness, lang="en")
    assert list(table.columns) == [
        "outlet", "term", "frequency (group)", "words (rest)", "per 1,000 (group)", "G²", "p",
        "p (adjusted)", "Log Ratio", "direction", "significant"]
    assert table.to_dict("records") == [
        {"outlet": "NRC", "term": "gesprekken", "frequency (group)": "5",
         "words (rest)": "1,455", "per 1,000 (group)": "26.04", "G²": "8.9", "p": ".003",
         "p (adjusted)": ".139", "Log Ratio": "2.92", "direction": "positive",
         "significant": "no"},
        {"outlet": "De Morgen", "term": "poetin", "frequency (group)": "1,234",
         "words (rest)": "23,456", "per 1,000 (group)": "0.50", "G²": "-12.0", "p": "< .001",
         "p (adjusted)": "–", "Log Ratio": "-4.00", "direction": "negative",
         "significant": "yes"}]


def test_readable_in_dutch(keyness):
    table = table_readable(keyness, lang="nl")
    assert list(table.columns) == [
        "medium", "woord", "frequentie (groep)", "woorden (rest)", "per 1.000 (groep)", "G²",
        "p", "p (gecorrigeerd)", "Log Ratio", "richting", "significant"]
    assert table.iloc[1].tolist() == ["De Morgen", "poetin", "1.234", "23.456", "0,50",
                                      "-12,0", "< ,001", "–", "-4,00", "negatief", "ja"]


def test_frames_are_shown_by_their_label_in_the_language():
    counts = pd.DataFrame({"outlet": ["NOS"], "frame": ["koude_oorlog"],
                           "label": ["Koude Oorlog"], "hits": [3]})
    counts.attrs = {"frame_labels": {"koude_oorlog": "Koude Oorlog"},
                    "frame_labels_en": {"koude_oorlog": "Cold War"}}
    assert table_readable(counts, lang="en").iloc[0].tolist() == [
        "NOS", "Cold War", "Cold War", "3"]
    assert table_readable(counts, lang="nl").iloc[0].tolist() == [
        "NOS", "Koude Oorlog", "Koude Oorlog", "3"]


ENVIRONMENT = re.compile(r"\\(begin|end)\{([a-z*]+)\}")


def latex_structure(latex: str) -> tuple[list[str], list[list[str]], str]:
    """Parse a table: check environments nest and balance, the booktabs rules stand in
    order, and every row has as many cells as the column specification; returns the
    environments opened, the rows (as cells) and the column specification."""
    stack, opened = [], []
    for kind, name in ENVIRONMENT.findall(latex):
        if kind == "begin":
            stack.append(name)
            opened.append(name)
        else:
            assert stack and stack.pop() == name, f"\\end{{{name}}} closes nothing open"
    assert stack == [], f"not closed: {stack}"
    spec = re.search(r"\\begin\{(?:tabular|longtable)\}\{((?:[lcr]|p\{[^}]*\})+)\}", latex)
    assert spec, "no column specification"
    n_columns = len(re.findall(r"[lcr]|p\{[^}]*\}", spec.group(1)))
    body = latex[spec.end():]
    positions = [body.index(rule) for rule in ("\\toprule", "\\midrule", "\\bottomrule")]
    assert positions == sorted(positions)
    rows = []
    for line in body.splitlines():
        line = line.strip()
        if not line.endswith("\\\\") or line.startswith("\\"):
            continue
        cells = re.split(r"(?<!\\)&", line[:-2])
        assert len(cells) == n_columns, line
        assert len(re.findall(r"(?<!\\)\$", line)) % 2 == 0, f"unbalanced math in {line}"
        rows.append([c.strip() for c in cells])
    return opened, rows, spec.group(1)


def test_latex_is_a_booktabs_table_that_parses(keyness):
    latex = table_latex(keyness, lang="en", caption="Keywords of NRC & De Morgen",
                        label="tab:rq1-keyness")
    opened, rows, spec = latex_structure(latex)
    assert opened == ["table", "tabular"]
    assert spec == "llrrrrrrrll"
    assert rows[0][:7] == ["outlet", "term", "frequency (group)", "words (rest)",
                           "per 1,000 (group)", "G\\textsuperscript{2}", "p"]
    assert rows[2][5:8] == ["$-$12.0", "$<$ .001", "–"]
    assert "\\caption{Keywords of NRC \\& De Morgen}" in latex
    assert "\\label{tab:rq1-keyness}" in latex


def test_a_long_table_becomes_a_longtable_and_text_is_escaped():
    table = pd.DataFrame({"term": [f"w_{i}" for i in range(41)], "count": range(41)})
    table.loc[0, "term"] = "50% & {x} #1 $"
    latex = table_latex(table, lang="nl", caption="Woorden")
    opened, rows, _ = latex_structure(latex)
    assert opened == ["longtable"]
    assert rows[0] == rows[1] == ["woord", "frequentie"]  # the header on every page
    assert rows[2] == [r"50\% \& \{x\} \#1 \$", "0"]
    assert len(rows) == 43  # the header twice and 41 rows
    assert "{Vervolg op de volgende pagina}" in latex and "Continued" not in latex


def test_docx_opens_with_the_header_row_and_is_the_same_every_time(keyness):
    data = table_docx(keyness, lang="nl", caption="Tabel 1. Sleutelwoorden", title="rq1",
                      description="notebook=rq1; " + "corpus_fingerprint=ab12" * 20)
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "Tabel 1. Sleutelwoorden"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "medium", "woord", "frequentie (groep)", "woorden (rest)", "per 1.000 (groep)", "G²",
        "p", "p (gecorrigeerd)", "Log Ratio", "richting", "significant"]
    assert [c.text for c in table.rows[2].cells][:7] == [
        "De Morgen", "poetin", "1.234", "23.456", "0,50", "-12,0", "< ,001"]
    assert len(table.rows) == 3
    assert document.core_properties.title == "rq1"
    assert document.core_properties.subject.startswith("notebook=rq1; corpus_fingerprint=ab12")
    assert table_docx(keyness, lang="nl", caption="Tabel 1. Sleutelwoorden", title="rq1",
                      description="notebook=rq1; " + "corpus_fingerprint=ab12" * 20) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"dcterms:created" not in archive.read("docProps/core.xml")


def test_a_missing_yes_or_no_is_a_dash():
    from analysis.output import table_readable

    t = pd.DataFrame({"significant": pd.array([True, pd.NA], dtype="boolean")})
    assert table_readable(t, lang="en")["significant"].tolist() == ["yes", "–"]


def test_timeline_measures_are_shown_by_their_frame_label_or_method_name():
    from analysis.output import table_readable

    t = pd.DataFrame({"measure": ["koude_oorlog", "tone_classifier"], "value": [1.5, -0.2]})
    t.attrs = {"frame_labels": {"koude_oorlog": "Koude Oorlog"},
               "frame_labels_en": {"koude_oorlog": "Cold War"}}
    assert table_readable(t, lang="en")["measure"].tolist() == [
        "Cold War", "Classifier (headlines)"]
    assert table_readable(t, lang="nl")["maat"].tolist() == [
        "Koude Oorlog", "Classificatiemodel (koppen)"]
