"""Nexis Uni (DOCX, RTF) and classic LexisNexis (TXT) exports split into articles, in the
English and the Dutch interface: exact expected rows for the hand-made exports of
:mod:`tests.exportbuild`, and every trap they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import corpus_check
from analysis.corpus.readers.export_layout import export_date
from analysis.corpus.readers.exports import export_kind
from analysis.corpus.readers.lexisnexis_txt import lexisnexis_parse
from analysis.corpus.readers.nexis_docx import docx_lines
from analysis.corpus.readers.nexis_rtf import rtf_lines
from analysis.corpus.readers.nexis_uni import nexis_uni_parse
from analysis.corpus.readers.zip_archive import zip_members
from tests.exportbuild import (
    ARTICLES,
    classic_txt,
    nexis_uni_lines,
    write_docx,
    write_rtf,
    write_zip,
)

EXPECTED = [
    {"title": "Kabinet trekt extra geld uit voor dijkversterking", "outlet": "Het Rivierblad",
     "date": "2023-03-03", "byline": "Anna de Vries", "section": "Binnenland; Blz. 4",
     "length_words": 42, "language": "nl", "load_date": "2023-03-04",
     "start": "Het kabinet maakt dit jaar tweehonderd miljoen euro",
     "end": "zodat het werk voor de winter klaar is.", "paragraphs": 2},
    {"title": "Waterschappen waarschuwen: hoogwater blijft nog dagen",
     "outlet": "Dagblad van de Delta", "date": "2023-03-05", "byline": "", "section": "Regio",
     "length_words": 53, "language": "nl", "load_date": "2023-03-06",
     "start": "Langs de Waal en de Maas blijft het water",
     "end": "hun spullen hoger te zetten.", "paragraphs": 3},
    {"title": "Foto van de dag", "outlet": "Het Rivierblad", "date": "2023-03-06",
     "byline": "Redactie", "section": "Voorpagina", "length_words": 0, "language": "nl",
     "load_date": "2023-03-07", "start": "", "end": "", "paragraphs": 0},
    {"title": "Vrijwilligers vullen zandzakken in Zaltbommel", "outlet": "Gelders Avondnieuws",
     "date": "2023-03-07", "byline": "Pieter Bakker en Sanne Jansen",
     "section": "Stad en streek", "length_words": 60, "language": "nl",
     "load_date": "2023-03-08", "start": "Honderd vrijwilligers vulden dinsdag",
     "end": "de gemeente zorgde voor soep.", "paragraphs": 2},
]


def rows(parse, *, upper_sections: bool = False) -> list[dict]:
    out = []
    for a in parse.articles:
        out.append({
            "title": a.title, "outlet": a.outlet, "date": a.date, "byline": a.byline,
            "section": a.section, "length_words": a.length_words, "language": a.language,
            "load_date": a.load_date, "start": a.text[:len(EXPECTED[a.position - 1]["start"])],
            "end": a.text[len(a.text) - len(EXPECTED[a.position - 1]["end"]):] if a.text
            else "", "paragraphs": len(a.text.split("\n\n")) if a.text else 0})
    return out


def expected(*, upper_sections: bool = False) -> list[dict]:
    if not upper_sections:
        return EXPECTED
    return [dict(e, section=e["section"].upper()) for e in EXPECTED]


def messages(parse) -> list[list[str]]:
    return [[n.message for n in a.notes] for a in parse.articles]


def check_traps(parse) -> None:
    second = parse.articles[1].text
    # The body quoting "Load-Date" keeps that paragraph, and what follows it.
    assert "zo heet het veld waarmee het archief" in second
    assert second.endswith("Bewoners van de uiterwaarden krijgen het advies hun spullen "
                           "hoger te zetten.")
    # No field line, copyright line, graphic caption or end line in any text.
    for article in parse.articles:
        for word in ("Copyright", "Length", "LENGTH", "End of Document", "Einde document",
                     "Foto: archief", "Body", "Hoofdtekst"):
            assert word not in article.text
    notes = messages(parse)
    assert notes[0] == [] and notes[1] == []
    assert notes[2] == ["article 3 ('Foto van de dag') has no body text (a photo or a graphic "
                        "only, or cut off in the export)."]
    assert [n.severity for n in parse.articles[2].notes] == ["error"]
    assert notes[3] == ["article 4 ('Vrijwilligers vullen zandzakken in Zaltbommel') has 28 "
                        "words, where the export's Length says 60: it may be cut off or split "
                        "in the wrong place."]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_nexis_uni_docx(tmp_path, lang):
    path = write_docx(nexis_uni_lines(lang=lang), tmp_path / "export.docx")
    data = path.read_bytes()
    assert export_kind(data) == "docx"
    parse = nexis_uni_parse(docx_lines(data))
    assert (parse.layout, parse.announced, parse.read) == ("nexis-uni", 4, 4)
    assert rows(parse) == expected()
    assert [a.line for a in parse.articles] == [13, 28, 42, 54]
    assert parse.articles[0].date_text == ("March 3, 2023 Friday 7:15 AM GMT" if lang == "en"
                                           else "3 maart 2023 vrijdag 7:15 AM GMT")
    check_traps(parse)
    assert parse.notes == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_nexis_uni_rtf(tmp_path, lang):
    path = write_rtf(nexis_uni_lines(lang=lang), tmp_path / "export.rtf")
    data = path.read_bytes()
    assert export_kind(data) == "rtf"
    parse = nexis_uni_parse(rtf_lines(data))
    assert (parse.announced, parse.read) == (4, 4)
    assert rows(parse) == expected()
    check_traps(parse)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_classic_lexisnexis_txt(lang):
    text = classic_txt(lang=lang)
    parse = lexisnexis_parse(text)
    assert (parse.layout, parse.announced, parse.read) == ("lexisnexis", 4, 4)
    assert rows(parse) == expected(upper_sections=True)
    # The edition line under the date of the first article is not part of its title.
    assert parse.articles[0].title == "Kabinet trekt extra geld uit voor dijkversterking"
    assert [a.line for a in parse.articles] == [6, 35, 64, 88]
    check_traps(parse)
    assert parse.notes == []


def test_nexis_uni_without_cover_page_reads_the_first_title_whole(tmp_path):
    lines = nexis_uni_lines(ARTICLES[1:2], cover=False)
    parse = nexis_uni_parse(list(enumerate(lines, start=1)))
    assert parse.announced is None
    assert [a.title for a in parse.articles] == [
        "Waterschappen waarschuwen: hoogwater blijft nog dagen"]


def test_two_line_title_first_after_the_cover_page(tmp_path):
    lines = nexis_uni_lines(ARTICLES[1:2] + ARTICLES[:1])
    parse = nexis_uni_parse(docx_lines(write_docx(lines, tmp_path / "a.docx").read_bytes()))
    assert [a.title for a in parse.articles] == [
        "Waterschappen waarschuwen: hoogwater blijft nog dagen",
        "Kabinet trekt extra geld uit voor dijkversterking"]
    assert parse.notes == []


def test_truncated_nexis_uni_export():
    lines = nexis_uni_lines(truncate=3)
    parse = nexis_uni_parse(list(enumerate(lines, start=1)))
    assert (parse.announced, parse.read) == (4, 3)
    last = parse.articles[-1]
    assert last.title == "Foto van de dag" and last.text == ""
    assert any("has no 'End of Document' line: the export may be cut off" in m
               for m in messages(parse)[2])


def test_truncated_classic_export_and_missing_numbers():
    text = classic_txt(ARTICLES[:2], total=5, request=False)
    parse = lexisnexis_parse(text)
    assert (parse.announced, parse.read) == (5, 2)
    gap = classic_txt(ARTICLES[:1], request=False) + "\n" + classic_txt(
        ARTICLES[1:2], total=1, first=3, request=False)
    parse = lexisnexis_parse(gap)
    assert [n.message for n in parse.notes] == [
        "article numbers jump from 1 to 3 ('3 of 1 DOCUMENTS'): article 2 is missing from "
        "the export."]


def test_download_request_range_gives_the_number_announced():
    parse = lexisnexis_parse(classic_txt(ARTICLES[:2], total=40, first=11))
    assert (parse.announced, parse.read) == (2, 2)


def test_unreadable_date_keeps_the_article():
    lines = nexis_uni_lines(ARTICLES[:1], cover=False)
    lines[2] = "Zomer 2023"
    parse = nexis_uni_parse(list(enumerate(lines, start=1)))
    article = parse.articles[0]
    assert (article.title, article.outlet, article.date, article.date_text) == (
        "Kabinet trekt extra geld uit voor dijkversterking", "Het Rivierblad", None,
        "Zomer 2023")
    assert messages(parse)[0] == [
        "the date line 'Zomer 2023' of article 1 ('Kabinet trekt extra geld uit voor "
        "dijkversterking') cannot be read as a date; the article is kept without a date."]
    assert article.text.startswith("Het kabinet maakt")


def test_zip_holding_a_folder(tmp_path):
    docx = write_docx(nexis_uni_lines(), tmp_path / "a.docx").read_bytes()
    archive = write_zip(tmp_path / "export.zip", {
        "export/nexis.docx": docx, "export/oud/classic.txt": classic_txt().encode(),
        "__MACOSX/export/._nexis.docx": b"junk", "export/.DS_Store": b"junk"})
    data = archive.read_bytes()
    assert export_kind(data) == "zip"
    assert [name for name, _ in zip_members(data)] == ["export/nexis.docx",
                                                       "export/oud/classic.txt"]


@pytest.mark.parametrize("line, date", [
    ("July 1, 2019 Monday 9:20 AM GMT", "2019-07-01"),
    ("1 juli 2019 maandag", "2019-07-01"),
    ("January 11, 2010 Monday", "2010-01-11"),
    ("Monday, July 1, 2019", "2019-07-01"),
    ("maandag 10 januari 2022 09:20 CET", "2022-01-10"),
    ("3 mrt. 2022", "2022-03-03"),
    ("12 May 2021 Wednesday 12:00 AM GMT+1", "2021-05-12"),
    ("oktober 2022", "2022-10"),
    ("Late Edition", None),
    ("Het Rivierblad", None),
    ("31 juni 2022", None),
    ("Zomer 2023", None),
])
def test_export_dates(line, date):
    assert export_date(line) == date



# --------------------------------------------------------------------------- as a corpus


def mixed_folder(root):
    """A folder with a Nexis Uni DOCX (English), a truncated RTF (Dutch), a classic TXT
    (Dutch) in a subfolder, a zip holding a folder with a DOCX, and a seed-format article
    with its metadata.csv."""
    from pathlib import Path

    root = Path(root)
    write_docx(nexis_uni_lines(lang="en"), root / "nexis_en.docx")
    write_rtf(nexis_uni_lines(lang="nl", truncate=3), root / "nexis_nl.rtf")
    (root / "oud").mkdir()
    (root / "oud" / "classic.txt").write_text(classic_txt(lang="nl"), encoding="utf-8")
    inner = write_docx(nexis_uni_lines(ARTICLES[:2], lang="nl"), root.parent / "inner.docx")
    write_zip(root / "levering.zip", {"levering/deel1.docx": inner.read_bytes()})
    (root / "los.txt").write_text(" date 2023-03 Een los artikel over de dijken.",
                                  encoding="utf-8")
    (root / "metadata.csv").write_text("file,outlet\nlos.txt,Eigen Blad\n", encoding="utf-8")
    return root


def test_one_docx_export_is_a_corpus(tmp_path):
    from analysis.corpus import corpus_check, corpus_load

    path = write_docx(nexis_uni_lines(lang="nl"), tmp_path / "Files (4).docx")
    report = corpus_check(path)
    assert report.n_given == 4 and report.skipped == ["Files (4)-003"]
    assert [(c.file, c.layout, c.announced, c.read) for c in report.exports] == [
        (str(path), "nexis-uni", 4, 4)]
    with pytest.warns(UserWarning, match="skipped as invalid"):
        corpus = corpus_load(path, skip_invalid=True)
    assert list(corpus.columns) == ["doc_id", "outlet", "date", "title", "text", "byline",
                                    "section", "length_words", "language", "load_date",
                                    "source_file", "source_position"]
    assert set(corpus.dtypes.astype(str)) == {"string"}
    assert corpus[["doc_id", "outlet", "date", "byline", "length_words",
                   "source_position"]].values.tolist() == [
        ["Files (4)-001", "Het Rivierblad", "2023-03-03", "Anna de Vries", "42", "1"],
        ["Files (4)-002", "Dagblad van de Delta", "2023-03-05", "", "53", "2"],
        ["Files (4)-004", "Gelders Avondnieuws", "2023-03-07", "Pieter Bakker en Sanne Jansen",
         "60", "4"]]
    assert (corpus["source_file"] == "Files (4).docx").all()
    messages = [str(p) for p in report.problems]
    assert messages == [
        f"{path}, paragraph 42: article 3 ('Foto van de dag') has no body text (a photo or a "
        "graphic only, or cut off in the export). Check the article in the export; "
        "--skip-invalid (skip_invalid=True in Python) leaves it out, and lists it.",
        f"{path}, paragraph 54: warning: article 4 ('Vrijwilligers vullen zandzakken in "
        "Zaltbommel') has 28 words, where the export's Length says 60: it may be cut off or "
        "split in the wrong place. Compare it with the export; if the export itself is short, "
        "download the article again."]


def test_a_mixed_folder_reads_every_export_and_article(tmp_path):
    from analysis.corpus import corpus_check

    folder = mixed_folder(tmp_path / "mixed")
    report = corpus_check(folder)
    assert [(c.file, c.announced, c.read, c.differs) for c in report.exports] == [
        (str(folder / "levering.zip/levering/deel1.docx"), 2, 2, False),
        (str(folder / "nexis_en.docx"), 4, 4, False),
        (str(folder / "nexis_nl.rtf"), 4, 3, True),
        (str(folder / "oud/classic.txt"), 4, 4, False)]
    assert report.n_given == 1 + 2 + 4 + 3 + 4
    assert sorted(report.skipped) == ["nexis_en-003", "nexis_nl-003", "oud/classic-003"]
    corpus = report.corpus
    assert sorted(corpus["doc_id"]) == [
        "levering/levering/deel1-001", "levering/levering/deel1-002", "los",
        "nexis_en-001", "nexis_en-002", "nexis_en-004", "nexis_nl-001", "nexis_nl-002",
        "oud/classic-001", "oud/classic-002", "oud/classic-004"]
    assert corpus.set_index("doc_id").loc["los", "outlet"] == "Eigen Blad"
    count = [str(p) for p in report.problems if "announces" in p.message]
    assert count == [
        f"{folder / 'nexis_nl.rtf'}: warning: announces 4 article(s) ('Documents (4)'), but 3 "
        "were read. The export may be cut off: download it again, or check its last articles "
        "by hand."]
    # The same articles in four exports: exact copies within each outlet.
    assert len(report.duplicates) == 13
    assert set(report.duplicates["kind"]) == {"exact"}


def test_dedupe_on_a_mixed_folder(tmp_path):
    import pandas as pd

    from analysis.corpus import corpus_load

    folder = mixed_folder(tmp_path / "mixed")
    with pytest.warns(UserWarning, match="7 article"):
        corpus = corpus_load(folder, skip_invalid=True, dedupe="outlet")
    assert sorted(corpus["doc_id"]) == [
        "levering/levering/deel1-001", "levering/levering/deel1-002", "los",
        "nexis_en-004"]
    dropped = pd.DataFrame(corpus.attrs["dropped"])
    assert dict(zip(dropped["doc_id"], dropped["duplicate_of"], strict=True)) == {
        "nexis_en-001": "levering/levering/deel1-001",
        "nexis_en-002": "levering/levering/deel1-002",
        "nexis_nl-001": "levering/levering/deel1-001",
        "nexis_nl-002": "levering/levering/deel1-002",
        "oud/classic-001": "levering/levering/deel1-001",
        "oud/classic-002": "levering/levering/deel1-002",
        "oud/classic-004": "nexis_en-004"}
    # attrs hold records, so that tables made from the corpus can still be concatenated.
    assert len(pd.concat([corpus, corpus])) == 8


def test_an_unreadable_date_keeps_the_article_without_a_date(tmp_path):
    from analysis.corpus import corpus_load

    lines = nexis_uni_lines(ARTICLES[:1], cover=False)
    lines[2] = "Zomer 2023"
    path = write_rtf(lines, tmp_path / "a.rtf")
    with pytest.warns(UserWarning, match="cannot be read as a date"):
        corpus = corpus_load(path)
    assert corpus["date"].isna().tolist() == [True]
    assert corpus["title"].tolist() == ["Kabinet trekt extra geld uit voor dijkversterking"]


def test_column_options_are_refused_for_an_export(tmp_path):
    from analysis.corpus import CorpusError, corpus_load

    path = write_docx(nexis_uni_lines(ARTICLES[:1]), tmp_path / "a.docx")
    with pytest.raises(CorpusError, match="no columns to name \\(text\\)"):
        corpus_load(path, text_column="body")


def test_the_format_is_told_from_the_content(tmp_path):
    from analysis.corpus import corpus_check

    data = write_docx(nexis_uni_lines(ARTICLES[:2]), tmp_path / "a.docx").read_bytes()
    (tmp_path / "export.zip").write_bytes(data)           # a Word document named .zip
    (tmp_path / "oud.doc").write_bytes(write_rtf(nexis_uni_lines(ARTICLES[:2]),
                                                 tmp_path / "b.rtf").read_bytes())
    for name in ("export.zip", "oud.doc"):
        report = corpus_check(tmp_path / name)
        assert report.ok and len(report.corpus) == 2, name


def test_a_broken_export_is_named_not_raised(tmp_path):
    from analysis.corpus import corpus_check

    path = tmp_path / "a.docx"
    path.write_bytes(b"PK\x03\x04 not a corpus")
    (problem,) = corpus_check(path).errors
    assert problem.message.startswith("cannot be read as a zip archive (")
    assert problem.hint == "Check that the file is complete (download it again), or remove it."


def test_an_archive_too_large_unpacked_is_refused(tmp_path, monkeypatch):
    from analysis.corpus import corpus_check
    from analysis.corpus.readers import zip_archive

    path = write_zip(tmp_path / "a.zip", {"a/x.txt": classic_txt().encode()})
    monkeypatch.setattr(zip_archive, "MAX_ARCHIVE_BYTES", 100)
    (problem,) = corpus_check(path).errors
    assert problem.message.endswith("bytes unpacked: too large for news exports, so the "
                                    "archive is not read.")


def _raw_utf8_rtf(path: Path) -> Path:
    """A Nexis Uni RTF export whose accented letters are raw UTF-8 bytes (as some
    converters write them) instead of RTF escapes."""
    lines = [line.replace("Kabinet trekt", "Kabinét trekt überall") for line in
             nexis_uni_lines(lang="nl")]
    body = "".join("{\\pard " + "\\line ".join(p.replace("\\", "\\\\") for p in
                                              line.split("\n")) + "\\par}\n"
                   for line in lines)
    text = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n" + body + "}\n"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_an_rtf_export_holding_raw_utf8_is_read_as_utf8_with_a_warning(tmp_path):
    path = _raw_utf8_rtf(tmp_path / "export.rtf")
    report = corpus_check(path)
    assert report.corpus["title"].tolist()[0] == ("Kabinét trekt überall extra geld uit voor "
                                                  "dijkversterking")
    assert [str(p) for p in report.problems if "UTF-8" in str(p)] == [
        f"{path}: warning: holds its accented letters as raw UTF-8 bytes, not as RTF escapes "
        "(\\'e9, \\u233): it was read as UTF-8. Check a few titles; if they look wrong, name "
        "the encoding with --encoding (encoding=... in Python)."]
    # an encoding the user names is the one used, without a warning
    named = corpus_check(path, encoding="cp1252")
    assert named.corpus["title"].tolist()[0].startswith("KabinÃ©t trekt Ã¼berall")
    assert not [p for p in named.problems if "UTF-8" in str(p)]
