"""Nexis Uni (DOCX, RTF) and classic LexisNexis (TXT) exports split into articles, in the
English and the Dutch interface: exact expected rows for the hand-made exports of
:mod:`tests.exportbuild`, and every trap they hold."""

from __future__ import annotations

import pytest

from analysis.exports.dates import export_date
from analysis.exports.extract import docx_lines, export_kind, rtf_lines, zip_members
from analysis.exports.lexisnexis import lexisnexis_parse
from analysis.exports.nexis_uni import nexis_uni_parse
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
                        "only, or cut off in the export); it is kept with an empty text."]
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


def decode(data: bytes, name: str) -> str:
    return data.decode("utf-8").replace("\r\n", "\n")


def test_zip_of_exports_gives_rows_and_counts(tmp_path):
    from analysis.exports.read import export_count_notes, export_row, exports_from_bytes

    docx = write_docx(nexis_uni_lines(lang="nl"), tmp_path / "a.docx").read_bytes()
    cut = write_rtf(nexis_uni_lines(truncate=3), tmp_path / "b.rtf").read_bytes()
    archive = write_zip(tmp_path / "levering.zip", {
        "levering/nexis.docx": docx, "levering/oud/classic.txt": classic_txt().encode(),
        "levering/kort.rtf": cut, "levering/leesmij.pdf": b"%PDF-1.4"})
    files, notes, others = exports_from_bytes("levering.zip", archive.read_bytes(),
                                              decode=decode)
    assert [(f.name, f.kind, f.parse.read) for f in files] == [
        ("levering.zip/levering/kort.rtf", "rtf", 3),
        ("levering.zip/levering/nexis.docx", "docx", 4),
        ("levering.zip/levering/oud/classic.txt", "text", 4)]
    assert others == []
    assert [(n.file, n.severity) for n in notes] == [
        ("levering.zip/levering/leesmij.pdf", "warning")]
    assert [n.message for n in export_count_notes(files)] == [
        "announces 4 article(s) ('Documents (4)'), but 3 were read."]
    row = export_row(files[1], files[1].parse.articles[1], missing_outlet="(unknown)")
    assert row == {
        "doc_id": "levering/levering/nexis-002", "outlet": "Dagblad van de Delta",
        "date": "2023-03-05", "title": "Waterschappen waarschuwen: hoogwater blijft nog dagen",
        "text": row["text"], "byline": "", "section": "Regio", "length_words": 53,
        "language": "nl", "load_date": "2023-03-06",
        "source_file": "levering.zip/levering/nexis.docx", "source_position": 2}
    assert row["text"].startswith("Langs de Waal") and row["text"].endswith("te zetten.")


def test_a_search_in_several_classic_files_is_counted_as_a_whole():
    from analysis.exports.read import ExportFile, export_count_notes

    first = lexisnexis_parse(classic_txt(ARTICLES[:2], total=4, request=False))
    second = lexisnexis_parse(classic_txt(ARTICLES[2:], total=4, first=3, request=False))
    files = [ExportFile("a.txt", "text", first), ExportFile("b.txt", "text", second)]
    assert export_count_notes(files) == []
    assert [n.message for n in export_count_notes(files[:1])] == [
        "announces 4 article(s) ('1 of 4 DOCUMENTS'), but 2 were read (missing: 3, 4)."]


def test_text_that_is_not_an_export_is_handed_back():
    from analysis.exports.read import exports_from_bytes

    files, notes, others = exports_from_bytes("001.txt", b" date 2022-01 Tekst.",
                                              decode=decode)
    assert (files, notes, others) == ([], [], [("001.txt", b" date 2022-01 Tekst.")])
    docx = exports_from_bytes("brief.docx", _plain_docx(), decode=decode)
    assert [n.message for n in docx[1]] == [
        "is a Word document, but not a Nexis Uni export (it has no 'End of Document' line), "
        "so it is not read."]


def _plain_docx() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Beste collega, hierbij de notulen.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
