"""The reader registry: one reader per input format, chosen by suffix or by content, all
returning the same entries-and-problems shape."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import corpus_check, corpus_load, readers
from analysis.corpus.readers import READERS, Reader, ReadOptions, reader_for
from analysis.corpus.readers.base import Entry
from analysis.paths import CORPUS_DIR

ARTICLES = [
    {"doc_id": "a1", "outlet": "NOS", "date": "2022-01-10", "title": "Gesprek in Genève",
     "text": "De NAVO en Rusland praten."},
    {"doc_id": "a2", "outlet": "Trouw", "date": "2022-01", "title": "Geen akkoord",
     "text": "Het overleg liep vast.\nMorgen verder."},
]
CORE = ["doc_id", "outlet", "date", "title", "text"]


def write_formats(folder: Path) -> dict[str, Path]:
    frame = pd.DataFrame(ARTICLES)
    paths = {"csv": folder / "a.csv", "tsv": folder / "a.tsv", "jsonl": folder / "a.jsonl",
             "parquet": folder / "a.parquet", "folder": folder / "txt"}
    frame.to_csv(paths["csv"], index=False)
    frame.to_csv(paths["tsv"], index=False, sep="\t")
    paths["jsonl"].write_text("".join(json.dumps(a, ensure_ascii=False) + "\n"
                                      for a in ARTICLES), encoding="utf-8")
    frame.to_parquet(paths["parquet"], index=False)
    paths["folder"].mkdir()
    rows = ["file,doc_id,outlet,date,title"]
    for a in ARTICLES:
        (paths["folder"] / f"{a['doc_id']}.txt").write_text(
            f" date {a['date']}\n{a['text']}\n", encoding="utf-8")
        rows.append(f"{a['doc_id']}.txt,{a['doc_id']},{a['outlet']},{a['date']},{a['title']}")
    (paths["folder"] / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths


def test_each_source_goes_to_its_reader(tmp_path):
    paths = write_formats(tmp_path)
    assert {k: reader_for(p).name for k, p in paths.items()} == {
        "csv": "delimited", "tsv": "delimited", "jsonl": "jsonl", "parquet": "parquet",
        "folder": "folder"}
    (tmp_path / "article.txt").write_text("Losse tekst.", encoding="utf-8")
    assert reader_for(tmp_path / "article.txt").name == "lexisnexis-txt"
    assert [p.message for p in corpus_check(tmp_path / "article.txt").errors] == [
        "is text, but not a news export (no 'N of M DOCUMENTS' or 'End of Document' line)."]
    assert reader_for(CORPUS_DIR).name == "folder"


def test_every_reader_gives_the_same_articles(tmp_path):
    paths = write_formats(tmp_path)
    tables = {k: corpus_load(p)[CORE].to_dict("records") for k, p in paths.items()}
    for name, records in tables.items():
        assert records == ARTICLES, name


def test_every_reader_returns_entries_and_problems(tmp_path):
    paths = write_formats(tmp_path)
    options = ReadOptions({k: k for k in ("text", "doc_id", "outlet", "date", "title")})
    for name, path in paths.items():
        entries, problems = reader_for(path).read(path, options)
        assert problems == [], name
        assert all(isinstance(e, Entry) for e in entries)
        assert [e.label for e in entries] == ["a1", "a2"], name
        assert [e.record["text"] for e in entries] == [a["text"] for a in ARTICLES], name


def test_content_wins_over_a_suffix_that_lies(tmp_path):
    paths = write_formats(tmp_path)
    fake = tmp_path / "export.csv"
    fake.write_bytes(paths["parquet"].read_bytes())
    report = corpus_check(fake)
    assert report.ok and report.corpus[CORE].to_dict("records") == ARTICLES
    assert [str(p) for p in report.warnings] == [
        f"{fake}: warning: is named .csv but holds a Parquet file, so it was read as such. "
        "Rename it to end in .parquet."]
    unnamed = tmp_path / "export.json"  # no reader claims .json: the content decides
    unnamed.write_bytes(paths["jsonl"].read_bytes())
    report = corpus_check(unnamed)
    assert report.ok and report.warnings == []
    assert report.corpus[CORE].to_dict("records") == ARTICLES


def test_a_broken_file_stays_with_the_reader_its_suffix_names(tmp_path):
    broken = tmp_path / "a.jsonl"
    broken.write_text('dit is geen json\n{"text": "Wel een artikel."}\n', encoding="utf-8")
    assert reader_for(broken).name == "jsonl"
    (problem,) = corpus_check(broken).errors
    assert (problem.line, problem.message) == (
        1, "this line is not valid JSON (Expecting value at character 1).")


def test_a_new_format_is_one_reader_and_one_registry_line(tmp_path, monkeypatch):
    def read(path: Path, options: ReadOptions):
        entries = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            doc_id, text = line.split("|")
            entry = Entry(doc_id, (str(path), number, "line"), doc_id=doc_id)
            entry.record = {"doc_id": doc_id, "outlet": "(unknown)", "date": None,
                            "title": "", "text": text}
            entries.append(entry)
        return entries, []

    monkeypatch.setattr(readers, "READERS", (*READERS, Reader(
        "pipes", read, suffixes=(".pipes",), describe="a file of id|text lines")))
    path = tmp_path / "a.pipes"
    path.write_text("x1|Eerste tekst.\nx2|Tweede tekst.\n", encoding="utf-8")
    corpus = corpus_load(path)
    assert corpus[["doc_id", "text"]].values.tolist() == [
        ["x1", "Eerste tekst."], ["x2", "Tweede tekst."]]


@pytest.mark.parametrize("suffix", [".xlsx", ".odt"])
def test_a_suffix_no_reader_claims_is_refused_with_the_suffixes_there_are(tmp_path, suffix):
    path = tmp_path / f"a{suffix}"
    path.write_bytes(b"PK\x03\x04 not a corpus")
    report = corpus_check(path)
    (problem,) = report.errors
    assert problem.message == f"is not a corpus: files ending in {suffix!r} cannot be read."


def test_a_folder_of_parquet_partitions_with_other_files_says_what_to_move(tmp_path):
    """Parquet parts beside another file: one message saying what the folder looks like and
    how it loads, not one warning per file."""
    from analysis.corpus import CorpusError, corpus_load

    dataset = tmp_path / "dataset"
    dataset.mkdir()
    for n in range(2):
        pd.DataFrame({"doc_id": [f"a{n}"], "text": ["Sancties."]}).to_parquet(
            dataset / f"part-{n:05d}.parquet", index=False)
    (dataset / "notes.md").write_text("made on Monday", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        corpus_load(dataset)
    messages = [str(p) for p in caught.value.problems if p.severity == "error"]
    assert len(messages) == 1
    assert messages[0].startswith(f"{dataset}: holds 2 Parquet file(s) and no articles of "
                                  "its own, but other files too")
    assert "Move the other files out of the folder" in messages[0]
