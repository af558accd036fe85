"""analysis.cluster.checked: a partition read and checked once is read back whole (its
articles, attrs and warnings as read), until the file, the options or the store change."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import analysis.cluster.dataset as dataset_module
from analysis.cluster import partition_load
from analysis.cluster.checked import checked_folder, checked_key
from analysis.corpus.problems import Problem

DUTCH = ("De Amerikaanse en Russische delegaties hebben maandag in Genève urenlang "
         "onderhandeld, maar van een doorbraak is nog geen sprake, zei een woordvoerder.")
ENGLISH = ("The talks in Geneva ended on Monday and the Russian delegation said that it had "
           "not been given what it wanted from the West.")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of this test's own; returns the folder of the checked partitions."""
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    return tmp_path / "cache" / "checked"


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The partitions corpus_load reads (a partition read back from the cache is not)."""
    seen: list[str] = []
    load = dataset_module.corpus_load

    def counted(path, **options):
        seen.append(Path(path).name)
        return load(path, **options)

    monkeypatch.setattr(dataset_module, "corpus_load", counted)
    return seen


def write(path: Path, texts: list[str], dates: list[str] | None = None) -> Path:
    """``texts`` as a partition at ``path``, in a folder ``data`` beside the cache."""
    path = path.parent / "data" / path.name if path.parent.name != "data" else path
    path.parent.mkdir(exist_ok=True)
    frame = pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(texts))],
                          "outlet": ["NRC"] * len(texts),
                          "date": dates or ["2022-01-10"] * len(texts), "text": texts})
    frame.to_parquet(path, index=False)
    return path


def same(got: tuple, expected: tuple) -> None:
    pd.testing.assert_frame_equal(got[0], expected[0])
    assert got[0].attrs == expected[0].attrs
    assert got[1] == expected[1]


def test_a_partition_is_read_once_and_then_from_the_cache(tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH], ["2022-01-10", "2999-01-01"])
    first = partition_load(part)
    assert reads == ["part-0.parquet"]
    assert len(first[1]) == 2  # the English article and the date in the future
    assert any("reads as English" in note for note in first[1])
    assert any("2999-01-01" in note for note in first[1])
    assert [p.name for p in cache.iterdir()] == [f"{checked_key(part, {})}.parquet"]
    again = partition_load(part)
    assert reads == ["part-0.parquet"]  # not read again
    same(again, first)
    assert list(again[0]["doc_id"]) == ["a0", "a1"]
    assert again[0]["text"].dtype == "string" and again[0].attrs["n_given"] == 2


def test_a_changed_partition_is_read_anew_and_its_old_entry_removed(tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    old = partition_load(part)
    old_entry = sorted(cache.iterdir())
    write(part, [DUTCH, DUTCH + " Nog een zin."])  # the English article replaced
    new = partition_load(part)
    assert reads == ["part-0.parquet"] * 2
    assert old[1] and new[1] == []
    assert new[0]["text"].iloc[1].endswith("Nog een zin.")
    assert sorted(cache.iterdir()) != old_entry and len(list(cache.iterdir())) == 1
    same(partition_load(part), new)
    assert len(reads) == 2


def test_a_file_of_the_same_size_and_time_but_another_inode_is_read_anew(
        tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    partition_load(part)
    stat = part.stat()
    copy = write(tmp_path / "other.parquet", [DUTCH, ENGLISH.replace("Monday", "Sunday")])
    os.replace(copy, part)
    os.utime(part, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert part.stat().st_size == stat.st_size and part.stat().st_mtime_ns == stat.st_mtime_ns
    assert "Sunday" in partition_load(part)[0]["text"].iloc[1]
    assert len(reads) == 2


def test_other_options_are_another_entry(tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    plain = partition_load(part)
    by_title = partition_load(part, title_column="outlet")
    assert len(reads) == 2 and len(list(cache.iterdir())) == 2
    assert list(by_title[0]["title"]) == ["NRC", "NRC"] and list(plain[0]["title"]) == ["", ""]
    same(partition_load(part, title_column="outlet"), by_title)
    assert len(reads) == 2


def test_the_problems_of_skipped_articles_come_back_as_problems(tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH], ["2022-01-10", "31-31-2022"])
    first = partition_load(part, skip_invalid=True)
    assert len(first[0]) == 1 and first[0].attrs["skipped_articles"] == ["a1"]
    again = partition_load(part, skip_invalid=True)
    assert len(reads) == 1
    same(again, first)
    assert all(isinstance(p, Problem) for p in again[0].attrs["skipped"])


def test_no_cache_with_the_store_off(tmp_path, cache, reads, monkeypatch):
    monkeypatch.setenv("DISCOURSE_NO_CACHE", "1")
    assert checked_folder() is None
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    same(partition_load(part), partition_load(part))
    assert len(reads) == 2 and not cache.exists()


def test_a_damaged_entry_is_read_anew(tmp_path, cache, reads):
    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    first = partition_load(part)
    entry = next(cache.iterdir())
    entry.write_bytes(entry.read_bytes()[:100])
    same(partition_load(part), first)
    assert len(reads) == 2
    same(partition_load(part), first)
    assert len(reads) == 2  # written whole again


def test_a_cache_inside_the_dataset_is_not_written(tmp_path, monkeypatch, reads):
    folder = tmp_path / "data"
    folder.mkdir()
    part = write(folder / "part-0.parquet", [DUTCH, ENGLISH])
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(folder / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    same(partition_load(part), partition_load(part))
    assert len(reads) == 2 and not (folder / "cache" / "checked").exists()


def test_cache_info_counts_and_cache_clear_removes_the_checked_partitions(
        tmp_path, cache, reads, capsys):
    from analysis.cli import main
    from analysis.tokens.store import size_text

    part = write(tmp_path / "part-0.parquet", [DUTCH, ENGLISH])
    partition_load(part)
    size = next(cache.iterdir()).stat().st_size
    assert main(["cache", "info", "--cache-dir", str(cache.parent)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Checked partitions: 1 ({size_text(size)}) in {cache}, read back by the next "
        "analysis of the same dataset.")
    assert main(["cache", "clear", "--cache-dir", str(cache.parent)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Removed 1 checked partition(s) ({size_text(size)}) from {cache}.")
    assert list(cache.iterdir()) == []
    partition_load(part)
    assert len(reads) == 2
