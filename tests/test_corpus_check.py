"""Hostile and doubtful input: what the loader refuses with a message, and what ``check``
reports as a warning while the articles still load.

Files whose bytes matter (compressed, binary, lock files) are written here from bytes; the
folder tests/fixtures/corpus/doubtful/ holds one article of each doubtful kind.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zipfile
from pathlib import Path

import pytest

from analysis.corpus import corpus_check, corpus_load

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
DOUBTFUL = FIXTURES / "doubtful"

CSV = "doc_id,text\na,De NAVO sprak in Genève.\n".encode()


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def messages(source, **options) -> list[str]:
    return [str(p) for p in corpus_check(source, **options).problems]


# --------------------------------------------------------------------------- refused


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


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "what"), ids=["gzip", "bzip2", "zip", "xls", "pdf"], argvalues=[
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
def test_a_compressed_file_named_csv_is_said_to_be_one(tmp_path, data, what):
    path = write(tmp_path, {"export.csv": data}) / "export.csv"
    assert messages(path) == [f"{path}: {what}"]


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
    assert report.ok and report.corpus["text"].tolist() == ["Een.", text]
    assert [str(p) for p in report.problems] == [
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
        f"{d / 'leeg.txt'}: warning: article 'leeg' holds no words, only punctuation or "
        "invisible characters. Check the source: the article may have been exported empty.",
        f"{d / 'toekomst.txt'}: warning: article 'toekomst' is dated 2099-01-10, which lies in "
        "the future. Check the date."]
    with pytest.warns(UserWarning):
        corpus = corpus_load(d)
    assert len(corpus) == 6 and corpus.attrs["skipped"] == []
