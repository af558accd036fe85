"""News exports on the command line: `discourse check` states the articles announced and
read and the duplicates, `discourse import` writes one table, and every corpus command
takes --dedupe, --near and --dropped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import corpus_load
from tests.exportbuild import ARTICLES, nexis_uni_lines, write_docx
from tests.test_dedupe import corpus as dedupe_corpus
from tests.test_readers_exports import mixed_folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mixed(tmp_path):
    return mixed_folder(tmp_path / "mixed")


@pytest.fixture
def copies(tmp_path):
    """The dedupe test corpus (exact copies, syndication, near-copies) as a CSV file."""
    frame = dedupe_corpus()
    frame = frame[frame["text"] != ""]
    path = tmp_path / "copies.csv"
    frame.to_csv(path, index=False)
    return path


def test_check_states_announced_and_read_per_export(capsys, mixed):
    code, out, _ = run(capsys, "check", mixed)
    assert code == 1  # three articles without body text
    assert "Articles given: 14; loaded: 11; with problems: 3" in out
    assert ("News exports: 4 file(s), 14 article(s) announced, 13 read; 1 file(s) differ "
            "(see the problems below):") in out
    rows = out.split("News exports:", 1)[1].splitlines()[2:6]
    assert [r.split() for r in rows] == [
        ["levering.zip/levering/deel1.docx", "nexis-uni", "2", "2"],
        ["nexis_en.docx", "nexis-uni", "4", "4"],
        ["nexis_nl.rtf", "nexis-uni", "4", "3", "DIFFERS"],
        ["oud/classic.txt", "lexisnexis", "4", "4"]]
    assert ("Duplicates (exact copies, and near-copies at similarity 0.9 or more): 13 pairs: "
            "13 exact copies within one outlet.") in out
    assert "  - nexis_en-004 (Gelders Avondnieuws) and oud/classic-004 (Gelders " \
           "Avondnieuws): exact copy" in out
    assert "No problems found." not in out


def test_check_reports_near_copies_and_syndication(capsys, copies):
    code, out, _ = run(capsys, "check", copies)
    assert code == 0
    assert ("Duplicates (exact copies, and near-copies at similarity 0.9 or more): 7 pairs: "
            "1 exact copy within one outlet, 3 exact copies across outlets, 3 near-copies "
            "across outlets.") in out
    assert "  - delta-1 (Dagblad van de Delta) and gelders-1 (Gelders Avondnieuws): " \
           "near-copy (0.901)" in out
    assert "Every count above includes them." in out


def test_check_with_dedupe_and_dropped(capsys, copies, tmp_path):
    dropped = tmp_path / "out" / "dropped.csv"
    code, out, err = run(capsys, "check", copies, "--dedupe", "corpus", "--near", "0.9",
                         "--dropped", dropped)
    assert code == 0
    assert "Articles given: 7; loaded: 3; with problems: 0; dropped as duplicates: 4" in out
    assert ("Duplicates (--dedupe corpus, --near 0.9): 4 article(s) dropped: 3 exact copies "
            "across outlets, 1 near-copy across outlets.") in err
    table = pd.read_csv(dropped)
    assert list(zip(table["doc_id"], table["duplicate_of"], strict=True)) == [
        ("rivier-1", "delta-1"), ("rivier-2", "delta-1"), ("gelders-1", "delta-1"),
        ("other-2", "other-1")]


@pytest.mark.parametrize("mode, kept", [
    ("none", ["rivier-1", "rivier-2", "delta-1", "gelders-1", "gelders-2", "other-1",
              "other-2"]),
    ("outlet", ["rivier-1", "delta-1", "gelders-1", "gelders-2", "other-1", "other-2"]),
    ("corpus", ["delta-1", "gelders-1", "gelders-2", "other-1"]),
])
def test_every_corpus_command_takes_dedupe(capsys, copies, tmp_path, mode, kept):
    out_file = tmp_path / "freq.csv"
    code, _, _ = run(capsys, "frequencies", copies, "--by", "doc_id", "--dedupe", mode,
                     "-o", out_file)
    assert code == 0
    assert sorted(pd.read_csv(out_file)["doc_id"].unique()) == sorted(kept)


def test_import_writes_parquet_that_reads_back(capsys, mixed, tmp_path):
    target = tmp_path / "corpus.parquet"
    code, out, err = run(capsys, "import", mixed, "-o", target, "--skip-invalid",
                         "--dedupe", "outlet", "--dropped", tmp_path / "dropped.csv")
    assert code == 0
    assert f"Wrote 4 article(s) from 1 source(s) to {target}" in out
    assert "Duplicates (--dedupe outlet, --near 1.0): 7 article(s) dropped" in err
    back = corpus_load(target)
    assert sorted(back["doc_id"]) == ["levering/levering/deel1-001",
                                      "levering/levering/deel1-002", "los", "nexis_en-004"]
    row = back.set_index("doc_id").loc["levering/levering/deel1-002"]
    assert (row["title"], row["section"], row["length_words"], row["source_file"]) == (
        "Waterschappen waarschuwen: hoogwater blijft nog dagen", "Regio", "53",
        "levering.zip/levering/deel1.docx")
    assert len(pd.read_csv(tmp_path / "dropped.csv")) == 7


def test_import_several_sources_to_csv(capsys, tmp_path):
    a = write_docx(nexis_uni_lines(ARTICLES[:2]), tmp_path / "a" / "Files (2).docx")
    b = write_docx(nexis_uni_lines(ARTICLES[3:]), tmp_path / "b" / "Files (2).docx")
    target = tmp_path / "corpus.csv"
    code, out, err = run(capsys, "import", a, b.parent, "-o", target)
    assert code == 0
    assert sorted(pd.read_csv(target)["doc_id"]) == [
        "Files (2).docx/Files (2)-001", "Files (2).docx/Files (2)-002", "b/Files (2)-001"]
    assert "each id now starts with its source's name" in err


@pytest.mark.parametrize("argv, message", [
    (["-o", "corpus.xlsx"], "give a file name ending in .parquet or .csv"),
    (["--near", "1.5", "-o", "c.csv"], "expected a similarity above 0 and at most 1"),
    (["--dedupe", "all", "-o", "c.csv"], "invalid choice: 'all'"),
])
def test_import_refuses_bad_options(capsys, mixed, tmp_path, argv, message):
    argv = [a if not a.startswith("c") else str(tmp_path / a) for a in argv]
    try:
        code = main(["import", str(mixed), *argv])
    except SystemExit as exc:  # argparse
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_import_never_writes_into_a_source(capsys, mixed):
    code, _, err = run(capsys, "import", mixed, "-o", mixed / "corpus.csv")
    assert code == 2
    assert "lies inside the corpus folder" in err
    assert not (mixed / "corpus.csv").exists()


def test_dropped_without_dedupe_writes_an_empty_table(capsys, copies, tmp_path):
    dropped = tmp_path / "dropped.csv"
    code, _, _ = run(capsys, "check", copies, "--dropped", dropped)
    assert code == 0
    table = pd.read_csv(dropped)
    assert list(table.columns) == ["doc_id", "outlet", "date", "title", "duplicate_of",
                                   "duplicate_outlet", "kind", "similarity", "reason"]
    assert table.empty


def test_partition_rows_into_an_existing_file_is_refused_and_the_file_kept(tmp_path, capsys):
    from analysis.paths import CORPUS_DIR

    existing = tmp_path / "corpus.csv"
    existing.write_text("mijn tabel\n", encoding="utf-8")
    code, _, err = run(capsys, "import", CORPUS_DIR, "-o", existing, "--partition-rows", 2)
    assert code == 2
    assert err == (f"discourse import: -o {existing}: is a file, and --partition-rows writes "
                   "a folder of Parquet files; give a new or empty folder.\n")
    assert existing.read_text(encoding="utf-8") == "mijn tabel\n"
