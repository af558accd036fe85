"""The corpus loader: every input shape, every encoding, and every problem named and counted.

Fixture corpora are in tests/fixtures/corpus/ (hand-made, a few lines each); files whose
bytes matter (encodings, byte-order marks, bad bytes) are written here from bytes literals
into a temporary folder, so the exact bytes are visible in the test (compressed and binary
files too). tests/fixtures/corpus/doubtful/ holds one article of each kind that ``check``
warns about. Expected rows were written out by hand from the fixture files.
"""

from __future__ import annotations

import ast
import bz2
import gzip
import hashlib
import io
import shutil
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import (
    CORE_COLUMNS,
    CorpusError,
    corpus_check,
    corpus_fingerprint,
    corpus_load,
    corpus_summary,
    decode_bytes,
)
from analysis.paths import CORPUS_DIR, PACKAGE_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
PROBLEMS = FIXTURES / "problems"
SEED_OUTLETS = ["NRC", "De Morgen", "NOS", "Trouw", "de Volkskrant"]


def rows(corpus: pd.DataFrame) -> list[dict]:
    """The corpus as plain dicts, missing values as None."""
    return [{k: (None if pd.isna(v) else v) for k, v in r.items()}
            for r in corpus.to_dict("records")]


def messages(source, **options) -> list[str]:
    return [str(p) for p in corpus_check(source, **options).problems]


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


CSV = "doc_id,text\na,De NAVO sprak in Genève.\n".encode()
DOUBTFUL = FIXTURES / "doubtful"


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- bundled corpus


def test_bundled_corpus_loads_five_articles_from_five_outlets():
    corpus = corpus_load(CORPUS_DIR)
    assert len(corpus) == 5
    assert list(corpus.columns[:5]) == CORE_COLUMNS
    assert sorted(corpus["outlet"]) == sorted(SEED_OUTLETS)
    assert corpus["date"].tolist() == ["2022-01"] * 5
    assert all(str(dtype) == "string" for dtype in corpus.dtypes)
    assert corpus.attrs["n_given"] == 5
    assert corpus.attrs["skipped_articles"] == []


def test_bundled_corpus_check_finds_no_problem():
    report = corpus_check(CORPUS_DIR)
    assert report.ok and report.problems == []
    assert (report.n_given, len(report.corpus), report.skipped) == (5, 5, [])


def test_fingerprint_depends_on_content_only(tmp_path):
    original = corpus_load(CORPUS_DIR)
    copy = shutil.copytree(CORPUS_DIR, tmp_path / "elsewhere")
    assert corpus_fingerprint(corpus_load(copy)) == corpus_fingerprint(original)
    text = (copy / "000_f9ff53fe1822d8a7.txt").read_text(encoding="utf-8")
    (copy / "000_f9ff53fe1822d8a7.txt").write_text(text.replace("NAVO", "Navo", 1),
                                                    encoding="utf-8")
    assert corpus_fingerprint(corpus_load(copy)) != corpus_fingerprint(original)


# --------------------------------------------------------------------------- input shapes


def test_seed_folder_with_metadata_and_a_subfolder():
    # seed/metadata.csv names a.txt, b.txt and nos/c.txt; the header date 2022-01 of a.txt
    # agrees with the metadata's 2022-01-10, which is more precise and so is kept; b.txt
    # has no metadata date and keeps its header's 2022-01-11.
    corpus = corpus_load(FIXTURES / "seed")
    assert list(corpus.columns) == CORE_COLUMNS + ["country", "file"]
    assert rows(corpus) == [
        {"doc_id": "s1", "outlet": "NRC", "date": "2022-01-10",
         "title": "Overleg in Genève, dag één",
         "text": "Eerste zin van het artikel.\n\nTweede alinea.", "country": "NL",
         "file": "a.txt"},
        {"doc_id": "s2", "outlet": "De Morgen", "date": "2022-01-11",
         "title": "Tweede artikel", "text": "De tekst staat op de volgende regel.",
         "country": "BE", "file": "b.txt"},
        {"doc_id": "s3", "outlet": "NOS", "date": "2022-02", "title": "",
         "text": "Kort bericht.", "country": "NL", "file": "nos/c.txt"},
    ]


def test_folder_without_metadata_takes_ids_from_paths(tmp_path):
    folder = write(tmp_path / "c", {"b.txt": b" date 2022-01 Twee.",
                                    "nos/a.txt": b" date 2022-01-05\nEen."})
    corpus = corpus_load(folder)
    assert rows(corpus) == [
        {"doc_id": "b", "outlet": "(unknown)", "date": "2022-01", "title": "",
         "text": "Twee.", "file": "b.txt"},
        {"doc_id": "nos/a", "outlet": "(unknown)", "date": "2022-01-05", "title": "",
         "text": "Een.", "file": "nos/a.txt"},
    ]


def test_csv_with_renamed_columns():
    # renamed.csv: a quoted title with a comma and doubled quotes, a text over two lines,
    # a blank line between the rows, and an extra column 'rubriek'.
    corpus = corpus_load(FIXTURES / "renamed.csv", id_column="id", outlet_column="medium",
                         date_column="datum", title_column="kop", text_column="body")
    assert rows(corpus) == [
        {"doc_id": "c1", "outlet": "Trouw", "date": "2022-01-10",
         "title": 'Kop met komma, en "aanhalingstekens"',
         "text": "Eerste regel.\nTweede regel.", "rubriek": "Buitenland"},
        {"doc_id": "c2", "outlet": "NOS", "date": "2022-01", "title": "",
         "text": "Korte tekst.", "rubriek": ""},
    ]


def test_jsonl_with_renamed_columns():
    # The timestamp keeps its date (its time zone is named in a warning); the number 2
    # becomes the id "2"; a list becomes JSON.
    with pytest.warns(UserWarning, match="1 date carries a time of day and a time zone"):
        corpus = corpus_load(FIXTURES / "renamed.jsonl", id_column="id",
                             outlet_column="medium", date_column="published",
                             title_column="headline", text_column="content")
    assert rows(corpus) == [
        {"doc_id": "j1", "outlet": "NRC", "date": "2022-01-12", "title": "Eerste",
         "text": "Tekst één.\nTweede regel.", "words": "4", "tags": '["navo", "rusland"]'},
        {"doc_id": "2", "outlet": "(unknown)", "date": None, "title": "",
         "text": "Zonder medium.", "words": None, "tags": None},
    ]


def test_parquet_with_renamed_columns(tmp_path):
    table = pd.DataFrame({
        "id": ["p1", "p2"],
        "krant": ["NRC", None],
        "verschenen": pd.to_datetime(["2022-01-10", None]),
        "tekst": ["Eerste tekst.", "Tweede\r\ntekst."],
        "woorden": [2, 2],
    })
    path = tmp_path / "artikelen.parquet"
    table.to_parquet(path)
    corpus = corpus_load(path, id_column="id", outlet_column="krant",
                         date_column="verschenen", text_column="tekst")
    assert rows(corpus) == [
        {"doc_id": "p1", "outlet": "NRC", "date": "2022-01-10", "title": "",
         "text": "Eerste tekst.", "woorden": "2"},
        {"doc_id": "p2", "outlet": "(unknown)", "date": None, "title": "",
         "text": "Tweede\ntekst.", "woorden": "2"},
    ]


def test_parquet_rows_are_named_by_row_number(tmp_path):
    path = tmp_path / "a.parquet"
    pd.DataFrame({"text": ["Een.", None]}).to_parquet(path)
    assert messages(path) == [
        f"{path}, row 2: article 'a-00002' has an empty text. Fill in the text, or remove "
        "the row."]


@pytest.mark.parametrize("name, data", [
    ("a.tsv", b"doc_id\ttext\nt1\tTekst, met komma.\n"),
    ("a.csv", b"doc_id;text\nt1;Tekst, met komma.\n"),  # Dutch spreadsheets use ';'
])
def test_tsv_and_semicolon_csv(tmp_path, name, data):
    corpus = corpus_load(write(tmp_path, {name: data}) / name)
    assert corpus[["doc_id", "text"]].values.tolist() == [["t1", "Tekst, met komma."]]


def test_table_without_ids_numbers_its_rows(tmp_path):
    path = write(tmp_path, {"x.csv": b"text\nEen.\nTwee.\n"}) / "x.csv"
    assert corpus_load(path)["doc_id"].tolist() == ["x-00001", "x-00002"]


# --------------------------------------------------------------------------- encodings

TEXT = "Oekraïne."


@pytest.mark.parametrize("label, data", [
    ("UTF-8", b" date 2022-01 Oekra\xc3\xafne."),
    ("UTF-8 with BOM", b"\xef\xbb\xbf date 2022-01 Oekra\xc3\xafne."),
    ("Windows-1252", b" date 2022-01 Oekra\xefne."),
    ("UTF-16 LE with BOM", b"\xff\xfe \x00d\x00a\x00t\x00e\x00 \x002\x000\x002\x002\x00-\x00"
                           b"0\x001\x00 \x00O\x00e\x00k\x00r\x00a\x00\xef\x00n\x00e\x00.\x00"),
    ("UTF-16 BE with BOM", b"\xfe\xff\x00 \x00d\x00a\x00t\x00e\x00 \x002\x000\x002\x002\x00-"
                           b"\x000\x001\x00 \x00O\x00e\x00k\x00r\x00a\x00\xef\x00n\x00e\x00."),
    ("UTF-16 LE without BOM", b" \x00d\x00a\x00t\x00e\x00 \x002\x000\x002\x002\x00-\x00"
                              b"0\x001\x00 \x00O\x00e\x00k\x00r\x00a\x00\xef\x00n\x00e\x00.\x00"),
    ("UTF-8, Windows line ends", b" date 2022-01\r\nOekra\xc3\xafne.\r\n"),
    ("UTF-8, decomposed ï (NFD)", b" date 2022-01 Oekrai\xcc\x88ne."),
])
def test_encodings_are_detected(tmp_path, label, data):
    corpus = corpus_load(write(tmp_path / "c", {"a.txt": data}))
    assert corpus["text"].tolist() == [TEXT], label


@pytest.mark.parametrize("encoding, data, text", [
    ("latin-1", b" date 2022-01 Caf\xe9 \xa3", "Café £"),
    ("cp1252", b" date 2022-01 \x80 5", "€ 5"),
    ("utf-16", "\ufeff date 2022-01 Kyiv".encode("utf-16-le"), "Kyiv"),
])
def test_encoding_named_by_the_user(tmp_path, encoding, data, text):
    corpus = corpus_load(write(tmp_path / "c", {"a.txt": data}), encoding=encoding)
    assert corpus["text"].tolist() == [text]


def test_named_encoding_does_not_mangle_a_utf8_metadata_file(tmp_path):
    # Articles in Windows-1252 (0xEF is ï), metadata.csv saved as UTF-8 (ï is C3 AF).
    folder = write(tmp_path / "c", {
        "a.txt": b" date 2022-01 Oekra\xefne.",
        "metadata.csv": b"file,outlet,title\na.txt,NRC,Oekra\xc3\xafne\n",
    })
    corpus = corpus_load(folder, encoding="cp1252")
    assert corpus[["text", "title"]].values.tolist() == [["Oekraïne.", "Oekraïne"]]


def test_undecodable_byte_is_named_with_its_offset(tmp_path):
    # " date 2022-01 ok " is 17 bytes, so the bad byte 0x81 is at offset 17; 0x81 is
    # neither valid UTF-8 there nor a Windows-1252 character.
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 ok \x81 fout"})
    assert messages(folder) == [
        f"{folder / 'a.txt'}, byte offset 17: cannot be read as UTF-8 (byte 0x81 at byte "
        "offset 17 is not valid there) nor as Windows-1252 (byte 0x81 at byte offset 17 has "
        "no character). Find out the file's encoding and name it with --encoding "
        "(encoding=... in Python), e.g. latin-1 or cp1250, or save the file as UTF-8."]


def test_undecodable_byte_after_a_bom_counts_the_bom(tmp_path):
    # 3 BOM bytes + " date 2022-01 " (14 bytes): the bad byte 0xFF is at offset 17.
    folder = write(tmp_path / "c", {"a.txt": b"\xef\xbb\xbf date 2022-01 \xff"})
    assert messages(folder) == [
        f"{folder / 'a.txt'}, byte offset 17: cannot be read as UTF-8 (byte 0xFF at byte "
        "offset 17 is not valid there). Find out the file's encoding and name it with "
        "--encoding (encoding=... in Python), e.g. latin-1 or cp1250, or save the file as "
        "UTF-8."]


def test_named_encoding_that_does_not_fit(tmp_path):
    # " date 2022-01 " (14 bytes) + "Caf": the Latin-1 é (0xE9) is at offset 17.
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Caf\xe9"})
    assert messages(folder, encoding="utf-8") == [
        f"{folder / 'a.txt'}, byte offset 17: cannot be read as UTF-8 (byte 0xE9 at byte "
        "offset 17 is not valid there). Find out the file's encoding and name it with "
        "--encoding (encoding=... in Python), e.g. latin-1 or cp1250, or save the file as "
        "UTF-8."]


def test_unknown_encoding_name(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Tekst."})
    with pytest.raises(CorpusError) as caught:
        corpus_load(folder, encoding="utf-9")
    assert [str(p) for p in caught.value.problems] == [
        f"{folder}: the encoding 'utf-9' is unknown. Name one Python knows, e.g. "
        "utf-8, utf-16, cp1252 (Windows-1252) or latin-1."]


def test_control_character_is_refused(tmp_path):
    # " date 2022-01\n" is characters 0-13, "Regel.\n" 14-20, "A" 21: NUL is character 22.
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01\nRegel.\nA\x00B"})
    assert messages(folder) == [
        f"{folder / 'a.txt'}, line 3: holds the control character U+0000 at character 22: "
        "this is not plain text, or its encoding was guessed wrong. Name the right encoding "
        "with --encoding (encoding=... in Python), or remove the file."]


def test_utf8_file_read_as_cp1252_gives_a_warning(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Oekra\xc3\xafne."})
    with pytest.warns(UserWarning, match="looks like UTF-8"):
        corpus = corpus_load(folder, encoding="cp1252")
    assert corpus["text"].tolist() == ["OekraÃ¯ne."]


def test_decode_bytes_normalises_line_ends():
    assert decode_bytes(b"a\r\nb\rc\n", name="x.txt") == "a\nb\nc\n"


# --------------------------------------------------------------------------- problems


def test_empty_file():
    d = PROBLEMS / "empty_file"
    assert messages(d) == [f"{d / 'b.txt'}: is empty. Put the article in it, or remove the file."]


def test_missing_header():
    d = PROBLEMS / "no_header"
    assert messages(d) == [
        f"{d / 'a.txt'}, line 1: has no header: the first line should start with ' date "
        "YYYY-MM' (it starts with 'Rusland en de NAVO praten in Genève.'). Add the article's "
        "date before the text, e.g. ' date 2022-01'."]


def test_malformed_header_date():
    d = PROBLEMS / "malformed_header"
    assert messages(d) == [
        f"{d / 'a.txt'}, line 1: the date in the header '2022-1' is not written as YYYY-MM "
        "or YYYY-MM-DD. Write it as 2022-01 (two-digit month and day, separated by '-')."]


def test_impossible_date_in_a_header():
    d = PROBLEMS / "impossible_date"
    assert messages(d) == [
        f"{d / 'a.txt'}, line 1: the date in the header '2022-13' is not a real date: there "
        "is no month 13. Write dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or 2022-01-10."]


def test_impossible_date_in_a_csv():
    f = PROBLEMS / "impossible_date.csv"
    assert messages(f) == [
        f"{f}, line 2: the date '2022-13' is not a real date: there is no month 13. Write "
        "dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or 2022-01-10."]


@pytest.mark.parametrize("value, message", [
    ("2022-02-30", "the date '2022-02-30' is not a real date: 2022-02 has no day 30. Write "
                   "dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or 2022-01-10."),
    ("10-01-2022", "the date '10-01-2022' is written day first. Write it year first: "
                   "2022-01-10."),
    ("2022/1/5", "the date '2022/1/5' is not written as YYYY-MM or YYYY-MM-DD. Write it as "
                 "2022-01-05 (two-digit month and day, separated by '-')."),
    ("januari", "the date 'januari' is not a date written as YYYY-MM or YYYY-MM-DD. Write "
                "dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or 2022-01-10."),
])
def test_wrong_dates_are_explained(tmp_path, value, message):
    path = write(tmp_path, {"a.csv": f"date,text\n{value},Tekst.\n".encode()}) / "a.csv"
    assert messages(path) == [f"{path}, line 2: {message}"]


def test_metadata_date_that_contradicts_the_header(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Tekst.",
                                    "metadata.csv": b"file,date\na.txt,2022-02-01\n"})
    assert messages(folder) == [
        f"{folder / 'metadata.csv'}, line 2: gives the date 2022-02-01 for a.txt, whose "
        "header says 2022-01. Make the two agree."]


def test_duplicate_ids_take_out_both_articles():
    f = PROBLEMS / "duplicate_ids.csv"
    report = corpus_check(f)
    assert [str(p) for p in report.problems] == [
        f"{f}, line 2: the id 'a1' is used by 2 articles (line 2; line 4). Give every "
        "article its own id.",
        f"{f}, line 4: the id 'a1' is used by 2 articles (line 2; line 4). Give every "
        "article its own id."]
    assert report.corpus["doc_id"].tolist() == ["a2"]
    assert report.skipped == ["a1 (line 2)", "a1 (line 4)"]


def test_duplicate_ids_across_files_of_a_folder(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.", "b.txt": b" date 2022-01 Twee.",
                                    "metadata.csv": b"file,doc_id\na.txt,x\nb.txt,x\n"})
    assert messages(folder) == [
        f"{folder / 'a.txt'}: the id 'x' is used by 2 articles (a.txt; b.txt). Give every "
        "article its own id.",
        f"{folder / 'b.txt'}: the id 'x' is used by 2 articles (a.txt; b.txt). Give every "
        "article its own id."]


def test_metadata_row_whose_file_is_missing():
    d = PROBLEMS / "missing_file"
    assert messages(d) == [
        f"{d / 'metadata.csv'}, line 3: names the file 'b.txt', which is not in the corpus "
        "folder. Add the file, correct its name (capitals count), or remove the row."]


def test_text_file_without_a_metadata_row():
    d = PROBLEMS / "no_metadata_row"
    assert messages(d) == [
        f"{d / 'b.txt'}: has no row in metadata.csv, so its outlet and date are unknown. Add "
        "a row with file=b.txt to metadata.csv, or move the file out of the corpus folder."]


def test_metadata_without_a_file_column():
    d = PROBLEMS / "metadata_no_file_column"
    assert messages(d) == [
        f"{d / 'metadata.csv'}, line 1: has no column 'file' (its header line names: "
        "'bestand', 'outlet'). The first line must name the columns, one of them 'file', "
        "which gives each article's .txt file (e.g. file,doc_id,outlet,date,title)."]


def test_metadata_row_with_one_value_too_many(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.",
                                    "metadata.csv": b"file,title\na.txt,Rusland, NAVO\n"})
    assert messages(folder) == [
        f"{folder / 'metadata.csv'}, line 2: this row has 3 values where the header names 2 "
        "columns. A value that holds the separator ',' must be in double quotes."]


def test_csv_row_with_an_empty_text():
    f = PROBLEMS / "empty_text.csv"
    assert messages(f) == [
        f"{f}, line 3: article 'a2' has an empty text. Fill in the text, or remove the row.",
        f"{f}, line 4: article 'a3' has an empty text. Fill in the text, or remove the row."]


def test_csv_line_numbers_count_multi_line_values_and_blank_lines(tmp_path):
    # Row b2 starts on line 5: the header is line 1, b1's text spans lines 2-3, and line 4
    # is blank.
    path = write(tmp_path, {"a.csv": b'doc_id,text\nb1,"Regel een\nRegel twee"\n\nb2,\n'})
    assert messages(path / "a.csv") == [
        f"{path / 'a.csv'}, line 5: article 'b2' has an empty text. Fill in the text, or "
        "remove the row."]


def test_csv_without_a_header_line():
    f = PROBLEMS / "no_header.csv"
    assert messages(f) == [
        f"{f}: has no column 'text' for the article texts (its columns: 'a1', 'NRC', "
        "'Rusland en de NAVO praten.'). Name the column that holds the article texts with "
        "--text-column (text_column=... in Python), or add a header line naming the "
        "columns."]


def test_column_named_by_the_user_that_does_not_exist():
    f = FIXTURES / "renamed.csv"
    assert messages(f, text_column="tekst", outlet_column="medium") == [
        f"{f}: has no column 'tekst' for the article texts (its columns: 'id', 'medium', "
        "'datum', 'kop', 'body', 'rubriek'). Name the column that holds the article texts "
        "with --text-column (text_column=... in Python), or add a header line naming the "
        "columns."]


def test_metadata_column_named_by_the_user_that_does_not_exist():
    d = FIXTURES / "seed"
    assert messages(d, outlet_column="krant") == [
        f"{d / 'metadata.csv'}: has no column 'krant' for the outlets (its columns: 'doc_id', "
        "'file', 'outlet', 'date', 'title', 'country'). Name the column that holds the "
        "outlets with --outlet-column (outlet_column=... in Python)."]


def test_text_column_makes_no_sense_for_a_folder():
    d = FIXTURES / "seed"
    assert messages(d, text_column="body") == [
        f"{d}: is a folder of .txt files, so there is no column 'body' for the article texts: "
        "each .txt file holds one article's text. Drop --text-column (text_column=...), "
        "which is for CSV, JSONL and Parquet files."]


def test_csv_with_an_unclosed_quote(tmp_path):
    path = write(tmp_path, {"a.csv": b'doc_id,text\nq1,"Open\nq2,Dicht.\n'}) / "a.csv"
    assert messages(path) == [
        f'{path}, line 2: a value opened with a double quote (") is never closed, so the '
        'rest of the file would be read as one value. Put double quotes around whole values '
        'only, and write a double quote inside a quoted value as two ("").']


@pytest.mark.parametrize("data, expected", ids=["empty", "header only", "gzip", "bzip2", "zip",
                                                 "xls", "pdf"], argvalues=[
    (b"", "is empty. Check that you named the right file."),
    (b"doc_id,text\n", "has column names but no articles. Check that you named the right "
                       "file."),
    # a file named .csv that is compressed, archived, an Office file or a PDF

    (gzip.compress(CSV, mtime=0), "is compressed with gzip, not a text file. Unpack it "
     "first (e.g. with gunzip or 7-Zip) and give the unpacked file."),
    (bz2.compress(CSV), "is compressed with bzip2, not a text file. Unpack it first (e.g. "
     "with bunzip2 or 7-Zip) and give the unpacked file."),
    (_zip("export.csv", CSV), "is a zip archive, not a text file. Unpack it first and give "
     "the file inside; a spreadsheet (.xlsx, .ods) is a zip archive too: save it as CSV "
     "(UTF-8)."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "is a Microsoft Office file (an "
     "Excel .xls workbook or a Word .doc document), not a text file. Save it as CSV (UTF-8) "
     "or as plain text (.txt)."),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF document, not a text file. Export its "
     "text as plain text (.txt) first."),
])
def test_table_files_without_articles_are_named(tmp_path, data, expected):
    path = write(tmp_path, {"a.csv": data}) / "a.csv"
    assert messages(path) == [f"{path}: {expected}"]


def test_jsonl_lines_that_are_not_articles(tmp_path):
    path = write(tmp_path, {"a.jsonl": b'{"doc_id": "j1", "text": "Een."}\n'
                                       b'{"doc_id": "j2", "text": 5}\n'
                                       b'{kapot\n'
                                       b'[1, 2]\n'
                                       b'{"doc_id": "j5", "text": ["a", "b"]}\n'}) / "a.jsonl"
    report = corpus_check(path)
    assert [str(p) for p in report.problems] == [
        f"{path}, line 2: the text (column 'text') is a number, not text. Give each "
        "article's text as a string.",
        f"{path}, line 3: this line is not valid JSON (Expecting property name enclosed in "
        'double quotes at character 2). Each line must hold one complete JSON object, e.g. '
        '{"doc_id": "a1", "text": "..."}.',
        f"{path}, line 4: this line holds a JSON value that is not an object. Each line must "
        'hold one JSON object, e.g. {"doc_id": "a1", "text": "..."}.',
        f"{path}, line 5: the text (column 'text') is a list ([...]), not text. Give each "
        "article's text as a string."]
    assert (report.n_given, report.corpus["doc_id"].tolist(), report.skipped) == (
        5, ["j1"], ["j2", "line 3", "line 4", "j5"])


def test_unreadable_sources(tmp_path):
    write(tmp_path, {"a.txt": b" date 2022-01 Een.", "a.xlsx": b"PK"})
    assert messages(tmp_path / "a.txt") == [
        f"{tmp_path / 'a.txt'}: is text, but not a news export (no 'N of M DOCUMENTS' or "
        "'End of Document' line). To load articles in .txt files, give the folder that holds "
        "them (with a metadata.csv naming their outlet and date)."]
    assert messages(tmp_path / "a.xlsx") == [
        f"{tmp_path / 'a.xlsx'}: is not a corpus: files ending in '.xlsx' cannot be read. "
        "Save the spreadsheet as CSV (UTF-8) and give that file."]
    assert messages(tmp_path / "nope") == [
        f"{tmp_path / 'nope'}: does not exist. Give the path to a folder of .txt articles or "
        "to a CSV, JSONL or Parquet file."]


def test_other_files_in_the_folder_are_named_in_a_warning(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.", "b.docx": b"PK"})
    with pytest.warns(UserWarning) as caught:
        corpus = corpus_load(folder)
    assert len(corpus) == 1
    assert [str(w.message) for w in caught] == [
        f"{folder / 'b.docx'}: warning: is neither a .txt file nor a news export, so it is "
        "not read. Move it out of the corpus folder, or save the article as a .txt file with "
        "a ' date YYYY-MM' header."]


# --------------------------------------------------------------------------- all at once


def test_every_problem_is_reported_in_one_run():
    d = PROBLEMS / "many_problems"
    with pytest.raises(CorpusError) as caught:
        corpus_load(d)
    assert str(caught.value) == "\n".join([
        "The corpus could not be loaded: 5 problem(s) found.",
        f"  - {d / 'b.txt'}: is empty. Put the article in it, or remove the file.",
        f"  - {d / 'c.txt'}, line 1: has no header: the first line should start with ' date "
        "YYYY-MM' (it starts with 'Geen kop.'). Add the article's date before the text, e.g. "
        "' date 2022-01'.",
        f"  - {d / 'd.txt'}, line 1: the date in the header '2022-13' is not a real date: "
        "there is no month 13. Write dates as YYYY-MM or YYYY-MM-DD, e.g. 2022-01 or "
        "2022-01-10.",
        f"  - {d / 'e.txt'}: has no row in metadata.csv, so its outlet and date are unknown. "
        "Add a row with file=e.txt to metadata.csv, or move the file out of the corpus "
        "folder.",
        f"  - {d / 'metadata.csv'}, line 6: names the file 'f.txt', which is not in the "
        "corpus folder. Add the file, correct its name (capitals count), or remove the row.",
        "Fix the problems above, or pass skip_invalid=True (--skip-invalid on the command "
        "line) to leave the articles concerned out and have them listed.",
    ])


def test_skip_invalid_loads_the_rest_and_counts_what_it_skipped():
    # Six articles given: five files a-e plus the row for the missing f.txt; only a loads.
    with pytest.warns(UserWarning) as caught:
        corpus = corpus_load(PROBLEMS / "many_problems", skip_invalid=True)
    assert corpus["doc_id"].tolist() == ["a"]
    assert [str(w.message) for w in caught] == [
        "5 of 6 article(s) skipped as invalid: b, c, d, e, f; see corpus.attrs['skipped'] "
        "for why."]
    assert corpus.attrs["n_given"] == 6
    assert corpus.attrs["skipped_articles"] == ["b", "c", "d", "e", "f"]
    assert [p.doc_id for p in corpus.attrs["skipped"]] == ["b", "c", "d", "e", "f"]


@pytest.mark.parametrize("source", sorted(PROBLEMS.iterdir()), ids=lambda p: p.name)
def test_every_article_is_accounted_for(source):
    report = corpus_check(source)
    assert not report.ok
    if report.corpus is not None:
        assert report.n_given == len(report.corpus) + len(report.skipped)
        assert len(set(report.skipped)) == len(report.skipped)


@pytest.mark.parametrize("source", ["metadata_no_file_column", "no_header.csv"])
def test_skip_invalid_cannot_skip_a_problem_of_the_whole_corpus(source):
    with pytest.raises(CorpusError) as caught:
        corpus_load(PROBLEMS / source, skip_invalid=True)
    assert str(caught.value).endswith(
        "Fix the problems above: they concern the corpus as a whole, so skipping articles "
        "cannot help.")


def test_nothing_is_loaded_when_every_article_is_invalid(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b""})
    with pytest.raises(CorpusError, match="none of its 1 article"):
        corpus_load(folder, skip_invalid=True)


# --------------------------------------------------------------------------- safety


def test_paths_outside_the_corpus_folder_are_refused():
    d = PROBLEMS / "path_escape"
    hint = ("Name files by their path inside the corpus folder (e.g. 001.txt or "
            "NRC/001.txt), without '..' or a leading '/'.")
    assert messages(d) == [
        f"{d / 'metadata.csv'}, line 3: names '../secret.txt', a path outside the corpus "
        f"folder, which is never read. {hint}",
        f"{d / 'metadata.csv'}, line 4: names '/etc/passwd', a path outside the corpus "
        f"folder, which is never read. {hint}"]


@pytest.mark.parametrize("name", ["..\\secret.txt", "C:\\secret.txt", "nos/../../secret.txt"])
def test_windows_and_nested_escapes_are_refused(tmp_path, name):
    write(tmp_path, {"secret.txt": b" date 2022-01 Geheim."})
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.",
                                    "metadata.csv": f"file\na.txt\n{name}\n".encode()})
    report = corpus_check(folder)
    assert [p.message for p in report.problems] == [
        f"names {name!r}, a path outside the corpus folder, which is never read."]
    assert "Geheim." not in report.corpus["text"].tolist()


def test_a_link_to_a_file_outside_the_folder_is_not_read(tmp_path):
    write(tmp_path, {"secret.txt": b" date 2022-01 Geheim."})
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een."})
    (folder / "b.txt").symlink_to(tmp_path / "secret.txt")
    assert messages(folder) == [
        f"{folder / 'b.txt'}: is a link to a file outside the corpus folder, which is never "
        "read. Copy the file into the corpus folder instead."]


def test_a_linked_folder_is_named_in_a_warning(tmp_path):
    write(tmp_path / "elsewhere", {"s.txt": b" date 2022-01 Geheim."})
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een."})
    (folder / "sub").symlink_to(tmp_path / "elsewhere")
    report = corpus_check(folder)
    assert report.corpus["text"].tolist() == ["Een."]
    assert [str(p) for p in report.problems] == [
        f"{folder / 'sub'}: warning: is a link to a folder, which is not read. Copy the "
        "articles into the corpus folder instead."]


def test_loading_writes_nothing_into_the_corpus_folder(tmp_path):
    folder = shutil.copytree(FIXTURES / "seed", tmp_path / "seed")
    before = tree_digest(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus_load(folder)
        corpus_check(folder, outlet_column="krant")
    assert tree_digest(folder) == before
    assert sorted(p.name for p in folder.rglob("*")) == ["a.txt", "b.txt", "c.txt",
                                                          "metadata.csv", "nos"]


def test_values_that_look_like_code_are_kept_as_text(tmp_path):
    path = write(tmp_path, {"a.jsonl": b'{"doc_id": "x", "text": "__import__(\'os\').system(1)",'
                                       b' "title": "=HYPERLINK(1)"}\n'}) / "a.jsonl"
    corpus = corpus_load(path)
    assert corpus[["text", "title"]].values.tolist() == [
        ["__import__('os').system(1)", "=HYPERLINK(1)"]]


UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "shelve", "marshal", "joblib"}
UNSAFE_ATTRIBUTES = {"read_pickle", "to_pickle", "unsafe_load", "full_load"}


@pytest.mark.parametrize("path", sorted(PACKAGE_DIR.rglob("*.py")),
                         ids=lambda p: p.relative_to(PACKAGE_DIR).as_posix())
def test_package_parses_input_without_executing_it(path):
    """No pickle, eval/exec or unsafe YAML anywhere in the package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            found += [n for n in names if n.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNSAFE_CALLS:
                found.append(func.id)
            if isinstance(func, ast.Attribute) and func.attr in UNSAFE_ATTRIBUTES:
                found.append(func.attr)
            if isinstance(func, ast.Attribute) and func.attr == "load" and isinstance(
                    func.value, ast.Name) and func.value.id == "yaml":
                found.append("yaml.load")
            found += [k.arg for k in node.keywords
                      if k.arg == "allow_pickle" and getattr(k.value, "value", False)]
    assert found == [], f"{path.name} uses {found}"


# --------------------------------------------------------------------------- summary


def test_summary_per_outlet():
    # Words (punctuation excluded): s1 "Eerste zin van het artikel. Tweede alinea." = 7,
    # s2 "De tekst staat op de volgende regel." = 7, s3 "Kort bericht." = 2.
    table = corpus_summary(corpus_load(FIXTURES / "seed"))
    assert table.values.tolist() == [
        ["De Morgen", 1, 7, "2022-01-11", "2022-01-11"],
        ["NOS", 1, 2, "2022-02", "2022-02"],
        ["NRC", 1, 7, "2022-01-10", "2022-01-10"],
        ["total", 3, 16, "2022-01-10", "2022-02"],
    ]


# ------------------------------------------------------------------- hostile and doubtful input


def test_a_record_with_a_repeated_key_is_refused(tmp_path):
    path = write(tmp_path, {"a.jsonl": b'{"doc_id": "j1", "text": "Een."}\n'
                                       b'{"doc_id": "j2", "text": "a", "text": "b"}\n'}
                 ) / "a.jsonl"
    report = corpus_check(path)
    assert [str(p) for p in report.problems] == [
        f"{path}, line 2: this record names the key 'text' twice ('a', then 'b'), so which "
        "value is meant cannot be told. Give every key once, as every column of a CSV file "
        "has its own name."]
    assert (report.corpus["doc_id"].tolist(), report.skipped) == (["j1"], ["line 2"])


def test_a_binary_file_named_csv_is_said_to_be_one(tmp_path):
    # the first bytes of a program (ELF): 0x7F, 'ELF', then a zero byte at offset 7
    path = write(tmp_path, {"export.csv": b"\x7fELF\x02\x01\x01\x00" + bytes(8)}) / "export.csv"
    assert messages(path) == [
        f"{path}, byte offset 7: is a binary file, not text: it holds a zero byte, which no "
        "text file does. Give a text file (a .txt article, or a CSV, TSV or JSON Lines "
        "table)."]


def test_a_compressed_article_in_a_folder_is_said_to_be_one(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.",
                                    "b.txt": gzip.compress(b" date 2022-01 Twee.", mtime=0)})
    report = corpus_check(folder)
    assert [str(p) for p in report.problems] == [
        f"{folder / 'b.txt'}: is compressed with gzip, not a text file. Unpack it first "
        "(e.g. with gunzip or 7-Zip) and give the unpacked file."]
    assert report.skipped == ["b"]


def test_utf16_text_is_not_taken_for_binary(tmp_path):
    data = "doc_id,text\na,Genève\n".encode("utf-16-le")
    path = write(tmp_path, {"a.csv": data}) / "a.csv"
    assert corpus_check(path).corpus["text"].tolist() == ["Genève"]


# --------------------------------------------------------------------------- folder names


def test_a_word_lock_file_is_not_loaded_as_an_article(tmp_path):
    # Word writes "~$" + the document's name while it is open: the user's name, padded
    lock = b"\x05Alice" + b" " * 49 + "Alice".encode("utf-16-le") + bytes(98)
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.", "~$a.txt": lock})
    report = corpus_check(folder)
    assert report.corpus["doc_id"].tolist() == ["a"]
    assert [str(p) for p in report.problems] == [
        f"{folder / '~$a.txt'}: warning: is a lock file that Word or LibreOffice keeps while a "
        "document is open (its name starts with '~$'), not an article, so it is not read."]


def test_a_path_that_leaves_a_folder_and_comes_back_is_inside(tmp_path):
    folder = write(tmp_path / "c", {
        "NRC/001.txt": b" date 2022-01-10 Een.",
        "metadata.csv": b"file,outlet\nNRC/../NRC/001.txt,NRC\n./NRC/../../c/x.txt,NOS\n"})
    report = corpus_check(folder)
    assert report.corpus[["doc_id", "outlet", "file"]].values.tolist() == [
        ["NRC/001", "NRC", "NRC/001.txt"]]
    assert [str(p) for p in report.problems] == [
        f"{folder / 'metadata.csv'}, line 3: names './NRC/../../c/x.txt', a path outside the "
        "corpus folder, which is never read. Name files by their path inside the corpus "
        "folder (e.g. 001.txt or NRC/001.txt), without '..' or a leading '/'."]


# --------------------------------------------------------------------------- warnings


def test_dates_with_a_time_zone_are_treated_alike_and_reported_once(tmp_path):
    path = write(tmp_path, {"a.csv": b"doc_id,date,text\n"
                                     b"a,2022-01-10T12:00:00+01:00,Een.\n"
                                     b"b,2022-01-10T12:00:00Z,Twee.\n"
                                     b"c,2022-01-10 12:00:00 Z,Drie.\n"
                                     b"d,2022-01-10T23:30:00-05:00,Vier.\n"
                                     b"e,2022-01-10T12:00:00,Vijf.\n"}) / "a.csv"
    report = corpus_check(path)
    assert report.corpus["date"].tolist() == ["2022-01-10"] * 5
    assert [str(p) for p in report.problems] == [
        f"{path}: warning: 4 dates carry a time of day and a time zone (line 2: "
        "'2022-01-10T12:00:00+01:00'; line 3: '2022-01-10T12:00:00Z'; line 4: "
        "'2022-01-10 12:00:00 Z'; ...): the time and the zone are dropped, and each article "
        "keeps the date as written there."]


def test_a_date_in_the_future_is_reported(tmp_path):
    path = write(tmp_path, {"a.csv": b"doc_id,date,text\na,2022-01-10,Een.\n"
                                     b"b,2099-01,Twee.\n"}) / "a.csv"
    report = corpus_check(path)
    assert report.ok and len(report.corpus) == 2
    assert [str(p) for p in report.problems] == [
        f"{path}, line 3: warning: article 'b' is dated 2099-01, which lies in the future. "
        "Check the date."]


def test_a_text_of_punctuation_and_invisible_characters_is_reported(tmp_path):
    text = "… !? \u200b — \u00ad \u2060 ***"
    path = write(tmp_path, {"a.csv": f"doc_id,text\na,Een.\nb,{text}\n".encode()}) / "a.csv"
    report = corpus_check(path)
    # the invisible characters are removed (and counted), the punctuation stays
    assert report.ok and report.corpus["text"].tolist() == ["Een.", "… !?  —   ***"]
    assert [str(p) for p in report.problems] == [
        f"{path}, line 3: warning: b: 3 invisible character(s) (soft hyphens, zero-width "
        "spaces or joiners) inside the text or title were removed, so that the words they "
        "split are found and counted whole. Nothing to do.",
        f"{path}, line 3: warning: article 'b' holds no words, only punctuation or invisible "
        "characters. Check the source: the article may have been exported empty."]


def test_an_english_article_is_reported_and_still_loaded(tmp_path):
    english = ("The talks in Geneva ended on Monday and the Russian delegation said that it "
               "had not been given what it wanted from the West.")
    path = write(tmp_path, {"a.csv": f"doc_id,text\nen,{english}\n".encode()}) / "a.csv"
    with pytest.warns(UserWarning) as caught:
        corpus = corpus_load(path)
    assert corpus["doc_id"].tolist() == ["en"]
    assert [str(w.message) for w in caught] == [
        f"{path}, line 2: warning: article 'en' reads as English, not Dutch (62% of the 24 "
        "words read are common English words, 8% common Dutch ones). The stopwords, the "
        "sentiment lexicon and the classifier are Dutch: their numbers mean nothing for it. "
        "Leave it out, or check that it belongs in the corpus."]


def test_a_repeated_text_is_guessed_once_and_warned_about_per_article(tmp_path, monkeypatch):
    import analysis.corpus.doubts as doubts
    from analysis.text import language_guess

    english = ("The talks in Geneva ended on Monday and the Russian delegation said that it "
               "had not been given what it wanted from the West.")
    guessed = []

    def counted(text):
        guessed.append(text)
        return language_guess(text)

    monkeypatch.setattr(doubts, "language_guess", counted)
    path = write(tmp_path, {"a.csv": f"doc_id,text\nen1,{english}\nen2,{english}\n".encode()
                            }) / "a.csv"
    report = corpus_check(path)
    assert guessed == [english]
    assert [p.doc_id for p in report.problems] == [None, None]
    assert [str(p)[len(str(path)):].split(" reads as")[0] for p in report.problems] == [
        ", line 2: warning: article 'en1'", ", line 3: warning: article 'en2'"]


def test_check_warns_about_every_doubtful_article_and_loads_them_all():
    d = DOUBTFUL
    report = corpus_check(d)
    assert report.ok and report.skipped == []
    assert report.corpus["doc_id"].tolist() == ["nrc1", "ar", "en", "leeg", "nl", "toekomst"]
    assert [str(p) for p in report.problems] == [
        f"{d / '~$nl.txt'}: warning: is a lock file that Word or LibreOffice keeps while a "
        "document is open (its name starts with '~$'), not an article, so it is not read.",
        f"{d / 'metadata.csv'}: warning: 2 dates carry a time of day and a time zone (line 2: "
        "'2022-01-10T12:00:00+01:00'; line 3: '2022-01-10T09:30:00Z'): the time and the zone "
        "are dropped, and each article keeps the date as written there.",
        f"{d / 'ar.txt'}: warning: article 'ar' is written in Arabic script, not in Dutch "
        "(100% of the letters of the 26 words read). The stopwords, the sentiment lexicon and "
        "the classifier are Dutch: their numbers mean nothing for it. Leave it out, or check "
        "that it belongs in the corpus.",
        f"{d / 'en.txt'}: warning: article 'en' reads as English, not Dutch (62% of the 24 "
        "words read are common English words, 8% common Dutch ones). The stopwords, the "
        "sentiment lexicon and the classifier are Dutch: their numbers mean nothing for it. "
        "Leave it out, or check that it belongs in the corpus.",
        f"{d / 'leeg.txt'}: warning: leeg: 2 invisible character(s) (soft hyphens, zero-width "
        "spaces or joiners) inside the text or title were removed, so that the words they "
        "split are found and counted whole. Nothing to do.",
        f"{d / 'leeg.txt'}: warning: article 'leeg' holds no words, only punctuation or "
        "invisible characters. Check the source: the article may have been exported empty.",
        f"{d / 'toekomst.txt'}: warning: article 'toekomst' is dated 2099-01-10, which lies in "
        "the future. Check the date."]
    with pytest.warns(UserWarning):
        corpus = corpus_load(d)
    assert len(corpus) == 6 and corpus.attrs["skipped"] == []


REPEATED_ROWS = ("doc_id,outlet,date,text\n"
                 "a1,NRC,2022-01-10,Zelfde tekst.\n"
                 "a2,NRC,2022-01-11,Andere tekst.\n"
                 "a1,NRC,2022-01-10,Zelfde tekst.\n")


def test_repeated_identical_row_is_one_article_and_a_refused_repeat(tmp_path):
    path = write(tmp_path, {"a.csv": REPEATED_ROWS.encode()}) / "a.csv"
    report = corpus_check(path)
    assert [str(p) for p in report.problems] == [
        f"{path}, line 4: repeats line 2 exactly (the same id 'a1' and the same text and "
        "columns). Give --dedupe corpus (or outlet) to keep one copy, or remove the repeated "
        "row."]
    assert report.corpus["doc_id"].tolist() == ["a1", "a2"]
    assert report.skipped == ["a1 (line 4)"]


def test_repeated_identical_row_is_dropped_by_dedupe_and_reported(tmp_path):
    path = write(tmp_path, {"a.csv": REPEATED_ROWS.encode()}) / "a.csv"
    with pytest.warns(UserWarning, match="1 article"):
        corpus = corpus_load(path, dedupe="corpus")
    assert corpus["doc_id"].tolist() == ["a1", "a2"]
    dropped = pd.DataFrame(corpus.attrs["dropped"])
    assert dropped[["doc_id", "duplicate_of", "kind", "reason"]].values.tolist() == [
        ["a1", "a1", "exact", "line 4 repeats line 2 exactly (the same id, text and columns)"]]


def test_repeated_identical_row_with_skip_invalid_keeps_one(tmp_path):
    path = write(tmp_path, {"a.csv": REPEATED_ROWS.encode()}) / "a.csv"
    with pytest.warns(UserWarning):
        corpus = corpus_load(path, skip_invalid=True)
    assert corpus["doc_id"].tolist() == ["a1", "a2"]
def test_a_date_before_any_newspaper_is_reported(tmp_path):
    path = write(tmp_path, {"a.csv": b"doc_id,date,text\na,2022-01-10,Een.\n"
                                     b"b,0001-01-01,Twee.\nc,1599-12,Drie.\n"
                                     b"d,1618-06-14,Vier.\n"}) / "a.csv"
    report = corpus_check(path)
    assert report.ok and len(report.corpus) == 4  # counted, not left out
    assert [str(p) for p in report.problems] == [
        f"{path}, line 3: warning: article 'b' is dated 0001-01-01, before 1600, earlier than "
        "any newspaper. Check the date (a date that was missing is often read as the year 1)."
        , f"{path}, line 4: warning: article 'c' is dated 1599-12, before 1600, earlier than "
        "any newspaper. Check the date (a date that was missing is often read as the year 1)."]


def test_a_text_of_numbers_only_is_reported(tmp_path):
    path = write(tmp_path, {"a.csv": b"doc_id,outlet,text\na,NRC,123\nb,NOS,\"4 567,8\"\n"
                                     b"c,NOS,Een 2e tekst.\n"}) / "a.csv"
    report = corpus_check(path)
    assert report.ok and len(report.corpus) == 3
    assert [str(p) for p in report.problems] == [
        f"{path}, line {n}: warning: article '{doc}' holds no words, only numbers. Check that "
        "the text column is the column of the article texts (--text-column, text_column=...)."
        for n, doc in ((2, "a"), (3, "b"))]


def test_outlet_names_that_look_alike_are_reported_by_group(tmp_path):
    # Cyrillic Er (U+0420) and Es (U+0421) in a Latin name; a zero-width space in another
    rows = ["doc_id,outlet,text", "a,NRC,Een.", "b,N\u0420C,Twee.", "c,N\u0420\u0421,Drie.",
            "d,NOS,Vier.", "e,NO\u200bS,Vijf.", "f,Trouw,Zes.", "g,\u0418\u0437\u0432,Zeven."]
    path = write(tmp_path, {"a.csv": "\n".join(rows).encode("utf-8")}) / "a.csv"
    report = corpus_check(path)
    assert report.ok and len(report.corpus) == 7
    assert [str(p) for p in report.problems] == [
        f"{path}: warning: 2 group(s) of outlet names look alike but differ in their "
        "characters, so each is counted as an outlet of its own: 'NOS' (1 article), "
        "'NO\\u200bS' (1 article; a zero width space); 'NRC' (1 article), 'N\\u0420C' (1 "
        "article; a Cyrillic letter), 'N\\u0420\\u0421' (1 article; 2 Cyrillic letters). "
        "Write each outlet the same way in the source (the letters of one alphabet, no "
        "invisible characters)."]


_HIDDEN_HINT = "Give --include-hidden (include_hidden=True in Python) to read them."


def test_hidden_files_and_folders_are_named_and_read_when_asked(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.",
                                    ".b.txt": b" date 2022-01 Twee.",
                                    ".drafts/c.txt": b" date 2022-01 Drie.",
                                    ".drafts/d.txt": b" date 2022-01 Vier.",
                                    ".DS_Store": b"\x00\x00\x00\x01Bud1"})
    report = corpus_check(folder)
    assert report.corpus["text"].tolist() == ["Een."]
    assert [str(p) for p in report.problems] == [
        f"{folder}: warning: 2 hidden file(s) or folder(s) (names starting with '.') were not "
        f"read: .b.txt, .drafts/ (2 files). {_HIDDEN_HINT}"]
    report = corpus_check(folder, include_hidden=True)
    assert sorted(report.corpus["text"]) == ["Drie.", "Een.", "Twee.", "Vier."]
    assert report.problems == []  # .DS_Store is the system's, never an article


def test_a_dangling_link_is_named(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een."})
    (folder / "b.txt").symlink_to(tmp_path / "weg.txt")
    report = corpus_check(folder)
    assert report.corpus["text"].tolist() == ["Een."]
    assert [str(p) for p in report.problems] == [
        f"{folder / 'b.txt'}: warning: is a link to {tmp_path / 'weg.txt'}, which does not "
        "exist, so it is not read. Remove the link, or restore what it points to."]


def test_zip_members_outside_the_archive_or_hidden_are_named(tmp_path):
    from tests.exportbuild import nexis_uni_lines, write_docx, write_zip

    docx = write_docx(nexis_uni_lines(), tmp_path / "a.docx").read_bytes()
    archive = write_zip(tmp_path / "export.zip", {
        "export/nexis.docx": docx, "../evil.docx": docx, "/abs.docx": docx,
        ".hidden/export.docx": docx, "__MACOSX/export/._nexis.docx": b"junk",
        "export/.DS_Store": b"junk"})
    report = corpus_check(archive)
    assert report.n_given == 4  # the articles of export/nexis.docx
    assert [str(p) for p in report.problems if p.file == str(archive)] == [
        f"{archive}: warning: holds ../evil.docx, /abs.docx, whose paths lead outside the "
        "archive (a leading / or ..), so they are not read. Unpack the archive and give the "
        "files themselves, if they belong in the corpus.",
        f"{archive}: warning: 1 hidden file(s) or folder(s) (names starting with '.') were not "
        f"read: .hidden/ (1 file). {_HIDDEN_HINT}"]
    report = corpus_check(archive, include_hidden=True)
    assert report.n_given == 8  # and those of .hidden/export.docx
    assert sum("outside the archive" in str(p) for p in report.problems) == 1


def test_check_include_hidden_on_the_command_line(tmp_path, capsys):
    from analysis.cli import main

    folder = write(tmp_path / "c", {"a.txt": b" date 2022-01 Een.",
                                    ".b.txt": b" date 2022-01 Twee."})
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Articles given: 1; loaded: 1" in out
    assert "were not read: .b.txt. Give --include-hidden" in out
    assert main(["check", str(folder), "--include-hidden"]) == 0
    out = capsys.readouterr().out
    assert "Articles given: 2; loaded: 2" in out and "No problems found." in out
